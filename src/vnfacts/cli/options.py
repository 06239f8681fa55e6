"""Options and error handling shared by every command.

Exit codes: 0 success; 1 some input could not be processed (the others were); 2 usage, rule-
or gold-file errors. Messages go to stderr, one line each; stdout carries only data.
"""
from __future__ import annotations

import functools
import sys
from dataclasses import replace
from typing import Callable, Iterable, Sequence

import click

from ..errors import EXIT_INPUT, EXIT_INTERRUPTED, EXIT_USAGE, ProblemsError, RuleError  # noqa: F401 - the commands import them from here
from ..extractor import Extractor
from ..render import FORMATS
from ..rules import RuleSet, rule_files
from ..suggest import closest


def warn(message: str) -> None:
    click.echo(f"vnfacts: {message}", err=True)


def rules_option(fn: Callable) -> Callable:
    return click.option(
        "--rules", "rule_paths", multiple=True, type=click.Path(), metavar="FILE_OR_DIR",
        help="Extra rule file or folder (repeatable); a rule with an existing id replaces it.",
    )(fn)


def output_options(formats: Sequence[str] = FORMATS, *, default: str | None = None,
                   format_help: str = "Output format [default: table on a terminal, jsonl when piped].",
                   types_help: str = "Only these fact types, e.g. --types money,percent (repeatable).") -> Callable:
    """--format/-f (one of `formats`, else `default`) and --types, declared once for every command.

    The command receives `fmt` and `types`, a tuple of the values given (--types is
    repeatable and comma-separated), which parse_types reads.
    """

    def decorate(fn: Callable) -> Callable:
        fn = click.option("--types", "types", multiple=True, metavar="TYPE[,TYPE...]", help=types_help)(fn)
        return click.option("--format", "-f", "fmt", type=click.Choice(formats), default=default,
                            show_default=default is not None, help=format_help)(fn)

    return decorate


def color_option(fn: Callable) -> Callable:
    """--color auto|always|never for commands that draw tables; auto honours NO_COLOR."""
    return click.option("--color", "color", type=click.Choice(["auto", "always", "never"]), default="auto",
                        show_default=True, help="Colour in tables: auto is on a terminal unless NO_COLOR is set.")(fn)


def resolve_format(fmt: str | None) -> str:
    return fmt or ("table" if sys.stdout.isatty() else "jsonl")


def parse_types(values: Sequence[str], known: Iterable[str]) -> set[str] | None:
    """The fact types of --types (None: all of them); a type not in `known` is a usage error.

    >>> sorted(parse_types(("money, percent", "date"), ["date", "money", "percent"]))
    ['date', 'money', 'percent']
    >>> parse_types((), ["money"]) is None and parse_types(("",), ["money"]) is None
    True
    >>> parse_types(("mony",), ["date", "money"])
    Traceback (most recent call last):
    click.exceptions.BadParameter: unknown fact type 'mony' (did you mean 'money'? known: date, money)
    """
    wanted = {t.strip() for value in values for t in value.split(",") if t.strip()}
    known = sorted(set(known))
    unknown = sorted(wanted - set(known))
    if unknown:
        near = closest(unknown[0], known)
        hint = f"did you mean {near!r}? " if near else ""
        raise click.BadParameter(f"unknown fact type {unknown[0]!r} ({hint}known: {', '.join(known)})",
                                 param_hint="'--types'")
    return wanted or None


def load_extractor(rule_paths: tuple[str, ...], *, check_examples: bool = True) -> Extractor:
    """The shipped rules plus the user's; a user file whose examples fail is a rule error too."""
    from ..rules.selftest import failures  # only needed when the user brings rules

    extractor = Extractor(rule_paths)
    for warning in extractor.ruleset.warnings:
        warn(f"warning: {warning}")
    if rule_paths and check_examples:
        problems = failures(extractor, rules_from(extractor.ruleset, rule_paths))
        if problems:
            raise RuleError(problems)
    return extractor


def rules_from(ruleset: RuleSet, paths) -> RuleSet:
    """The part of `ruleset` defined in the given files or folders."""
    mine = {str(p) for p in rule_files(paths)}
    return replace(ruleset, rules=tuple(r for r in ruleset.rules if str(r.path) in mine))


class ByteSize(click.ParamType):
    """A size in bytes: 1000, 500K, 20MB, 1G.

    >>> ByteSize().convert("20MB", None, None), ByteSize().convert("512k", None, None)
    (20971520, 524288)
    """

    name = "SIZE"
    _UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024**2, "mb": 1024**2, "g": 1024**3, "gb": 1024**3}

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        text = str(value).strip().lower()
        digits = text.rstrip("bkmg")
        unit = text[len(digits):]
        if digits.isdigit() and unit in self._UNITS and int(digits) > 0:
            return int(digits) * self._UNITS[unit]
        self.fail(f"{value!r} is not a size (e.g. 1000, 500K, 20MB)", param, ctx)


def max_bytes_option(fn: Callable) -> Callable:
    """--max-bytes, with one meaning for extract and batch: the largest document read."""
    return click.option("--max-bytes", type=ByteSize(), default="20MB", show_default=True,
                        help="Largest FILE read; a larger one is an error (kind too_large, exit code 1), "
                             "as in batch.")(fn)


def quiet_pipe(fn: Callable) -> Callable:
    """Every command's way out without a traceback: a list of problems (rule or gold files) is
    printed one `vnfacts: ...` line each, exit code 2; a closed pipe (`| head`) ends quietly;
    Ctrl-C says "interrupted"."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ProblemsError as exc:
            for line in exc.problems:
                warn(line)
            sys.exit(EXIT_USAGE)
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(0)
        except KeyboardInterrupt:
            warn("interrupted")
            sys.exit(EXIT_INTERRUPTED)

    return wrapper
