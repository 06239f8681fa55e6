"""Options and error handling shared by every command.

Exit codes: 0 success; 1 some input could not be processed (the others were); 2 usage or
rule-file errors. Messages go to stderr, one line each; stdout carries only data.
"""
from __future__ import annotations

import functools
import sys
from typing import Callable

import click

from ..errors import EXIT_INPUT, EXIT_INTERRUPTED, EXIT_USAGE, RuleError  # noqa: F401 - the commands import them from here
from ..extractor import Extractor
from ..render import FORMATS
from ..rules import RuleSet, rule_files



class RuleFileError(click.ClickException):
    """Rule problems, one `path:line: rule <id>: ...` line each, exit code 2."""

    exit_code = EXIT_USAGE

    def show(self, file=None) -> None:  # one line per problem, no "Error:" prefix on each
        for line in self.message.splitlines():
            click.echo(f"vnfacts: {line}", err=True)


def warn(message: str) -> None:
    click.echo(f"vnfacts: {message}", err=True)


def rules_option(fn: Callable) -> Callable:
    return click.option(
        "--rules", "rule_paths", multiple=True, type=click.Path(), metavar="FILE_OR_DIR",
        help="Extra rule file or folder (repeatable); a rule with an existing id replaces it.",
    )(fn)


def output_options(fn: Callable) -> Callable:
    """--format and --types, the same on every command that prints facts."""
    fn = click.option(
        "--types", "types", metavar="TYPE[,TYPE...]",
        help="Only these fact types, e.g. --types money,percent.",
    )(fn)
    fn = click.option(
        "--format", "-f", "fmt", type=click.Choice(FORMATS), default=None,
        help="Output format [default: table on a terminal, jsonl when piped].",
    )(fn)
    return fn


def resolve_format(fmt: str | None) -> str:
    return fmt or ("table" if sys.stdout.isatty() else "jsonl")


def parse_types(types: str | None) -> set[str] | None:
    return {t.strip() for t in types.split(",") if t.strip()} if types else None


def load_extractor(rule_paths: tuple[str, ...], *, check_examples: bool = True) -> Extractor:
    """The shipped rules plus the user's; a user file whose examples fail is a rule error too."""
    from ..ruletest import failures  # only needed when the user brings rules

    try:
        extractor = Extractor(rule_paths)
    except RuleError as exc:
        raise RuleFileError(str(exc)) from None
    if rule_paths and check_examples:
        problems = failures(extractor, rules_from(extractor.ruleset, rule_paths))
        if problems:
            raise RuleFileError("\n".join(problems))
    return extractor


def rules_from(ruleset: RuleSet, paths) -> RuleSet:
    """The part of `ruleset` defined in the given files or folders."""
    mine = {str(p) for p in rule_files(paths)}
    return RuleSet([r for r in ruleset.rules if str(r.path) in mine], ruleset.lexicons, ruleset.files)


def quiet_pipe(fn: Callable) -> Callable:
    """A closed pipe (`| head`) or Ctrl-C ends the command quietly, never with a traceback."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(0)
        except KeyboardInterrupt:
            warn("interrupted")
            sys.exit(EXIT_INTERRUPTED)

    return wrapper
