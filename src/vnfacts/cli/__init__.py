"""The `vnfacts` command line: one module per command, shared options in options.py."""
from __future__ import annotations

import click

from .. import __version__
from .eval_cmd import eval_command
from .batch_cmd import batch
from .db_cmd import db_group
from .extract import extract
from .people_cmd import offices_command, people_command
from .rules_cmd import rules
from .serve_cmd import serve_command
from .text_cmd import text_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="vnfacts")
def main():
    """Facts from Vietnamese government news: dates, officials, percentages, money, counts.

    \b
    Examples:
      vnfacts extract samples/hoi-nghi-lao-dong.txt
      vnfacts extract article.txt --format json | jq '.facts[]'
      vnfacts text page.html --span 527:551      # the text behind a fact's offsets
      vnfacts rules list
      vnfacts serve                              # HTTP API and the review page
      vnfacts db build facts.jsonl --db facts.db && vnfacts people --db facts.db "Nguyễn Văn A"
    """


main.add_command(extract)
main.add_command(rules)
main.add_command(batch)
main.add_command(eval_command)
main.add_command(text_command)
main.add_command(serve_command)
main.add_command(db_group)
main.add_command(people_command)
main.add_command(offices_command)
