"""`vnfacts extract`: facts of one or more texts, as a table, JSON, JSON Lines or CSV."""
from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from typing import Iterator

import click

from ..errors import InputError, RuleTimeout
from ..input.decode import check_encoding, read_input
from ..model import Document
from ..render import renderer
from .options import (EXIT_INPUT, load_extractor, output_options, parse_types, quiet_pipe,
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
@output_options()
@rules_option
@click.option("--published", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Publication date YYYY-MM-DD, the reference for partial and relative dates.")
@click.option("--explain", is_flag=True, help="Show the rule that produced each fact (table format).")
@click.option("--encoding", callback=_encoding_option, default=None, metavar="NAME",
              help="Decode inputs as NAME (utf-8, utf-16, windows-1258, tcvn3, vni) instead of detecting it.")
@quiet_pipe
def extract(inputs, fmt, types, rule_paths, published, explain, encoding):
    """Extract the facts of each FILE ("-" reads standard input).

    \b
    Examples:
      vnfacts extract samples/hoi-nghi-lao-dong.txt
      vnfacts extract article.txt --format json | jq '.facts[] | select(.type=="money")'
      cat article.txt | vnfacts extract - --format jsonl --types money,percent
    """
    extractor = load_extractor(rule_paths)
    wanted = parse_types(types, extractor.ruleset.types)
    reference = published.date() if published else None
    failed = []

    def documents() -> Iterator[Document]:
        for name in inputs:
            try:
                doc = _extract_one(extractor, name, reference, encoding)
            except (InputError, RuleTimeout) as exc:
                warn(f"error: {exc}" if isinstance(exc, InputError) else f"error: {name}: {exc}")
                failed.append(name)
                continue
            yield doc.only(wanted)

    renderer(resolve_format(fmt), explain=explain)(documents(), sys.stdout)
    if failed:
        sys.exit(EXIT_INPUT)


def _extract_one(extractor, name: str, reference: date | None, encoding: str | None) -> Document:
    """One input: decoded (HTML to its article text), extracted, with its encoding recorded.
    An HTML page's own publication date is used unless --published was given."""
    decoded = read_input(name, encoding=encoding)
    doc = extractor.extract(decoded.text, published=reference or decoded.published, source=name)
    return replace(doc, meta={**doc.meta, "encoding": decoded.encoding})
