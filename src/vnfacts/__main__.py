"""`python -m vnfacts` runs the command line."""
from .cli import main

main(prog_name="vnfacts")
