"""`vnfacts extract`: facts of one or more texts, as a table, JSON, JSON Lines, CSV, TSV or HTML."""
from __future__ import annotations

import sys
from datetime import date
from typing import Iterator

import click

from ..batch.records import Failure
from ..errors import InputError, RuleTimeout
from ..input.decode import check_encoding
from ..model import Document
from ..render import renderer
from .options import (EXIT_INPUT, color_option, load_extractor, max_bytes_option, output_options, parse_types, quiet_pipe,
                      resolve_format, rules_option, warn)


def _encoding_option(ctx, param, value):
    if value is None:
        return None
    try:
        return check_encoding(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.command()
@click.argument("inputs", nargs=-1, required=True, metavar="FILE...")
@output_options(format_help="Output format [default: table on a terminal, jsonl when piped]; json is one "
                            "object for one FILE, an array for several.")
@rules_option
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Publication date YYYY-MM-DD, the reference for partial and relative dates.")
@click.option("--explain", is_flag=True, help="Show the rule (and with --context the sentence) of each fact "
                                              "(table format).")
@click.option("--context", is_flag=True, help="Add `context` to every fact: the sentence it sits in.")
@click.option("--excel", is_flag=True, help="CSV for Excel: start with a UTF-8 byte-order mark.")
@click.option("--encoding", callback=_encoding_option, default=None, metavar="NAME",
              help="Decode inputs as NAME (utf-8, utf-16, windows-1258, tcvn3, vni) instead of detecting it.")
@max_bytes_option
@color_option
@quiet_pipe
def extract(inputs, fmt, types, rule_paths, published, explain, context, excel, encoding, max_bytes, color):
    """Extract the facts of each FILE ("-" reads standard input).

    With --format json, a FILE that cannot be read is an error object in its place
    ({"source": ..., "error": {"kind": ..., "message": ...}}, as batch writes), and the exit
    code is 1.

    \b
    Examples:
      vnfacts extract samples/hoi-nghi-lao-dong.txt
      vnfacts extract article.txt --format json | jq '.facts[] | select(.type=="money")'
      cat article.txt | vnfacts extract - --format jsonl --types money,percent
      vnfacts extract article.txt --context --explain          # each fact with its sentence
      vnfacts extract a.txt b.txt --format csv --excel > facts.csv
      vnfacts extract a.txt --format tsv | cut -f3,4,7
      vnfacts extract article.txt --format html > page.html   # the facts highlighted in the text
      vnfacts extract huge.txt --max-bytes 100MB              # read files up to 100 MB
    """
    extractor = load_extractor(rule_paths)
    wanted = parse_types(types, extractor.ruleset.types)
    reference = published.date() if published else None
    fmt = resolve_format(fmt)
    if excel and fmt != "csv":
        raise click.UsageError("--excel is for --format csv")
    failed = []

    def documents() -> Iterator[Document | Failure]:
        for name in inputs:
            try:
                doc = _extract_one(extractor, name, reference, encoding, max_bytes)
            except (InputError, RuleTimeout) as exc:
                message = str(exc) if isinstance(exc, InputError) else f"{name}: {exc}"
                warn(f"error: {message}")
                failed.append(name)
                if fmt == "json":  # the array keeps one entry per input
                    yield Failure(name, getattr(exc, "kind", "rule_timeout"), message)
                continue
            doc = doc.only(wanted)
            yield doc.with_context() if context else doc

    renderer(fmt, explain=explain, many=len(inputs) > 1, excel=excel, context=context,
             color=color)(documents(), sys.stdout)
    if failed:
        sys.exit(EXIT_INPUT)


def _extract_one(extractor, name: str, reference: date | None, encoding: str | None, max_bytes: int) -> Document:
    """One input, as Extractor.extract_file reads it; --published wins over an HTML page's date."""
    return extractor.extract_file(name, reference, encoding=encoding, max_bytes=max_bytes)
