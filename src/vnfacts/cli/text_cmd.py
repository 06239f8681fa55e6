"""`vnfacts text`: the decoded NFC text that every fact's `start`/`end` index into."""
from __future__ import annotations

import sys

import click

from ..errors import InputError
from ..input.decode import read_input
from .extract import _encoding_option
from .options import EXIT_INPUT, quiet_pipe, warn


def _span(ctx, param, value):
    if value is None:
        return None
    start, sep, end = value.partition(":")
    if not sep or not start.strip().isdigit() or not end.strip().isdigit() or int(start) > int(end):
        raise click.BadParameter(f"{value!r}: expected START:END, two offsets with START <= END, e.g. 527:551")
    return int(start), int(end)


@click.command("text")
@click.argument("file", metavar="FILE")
@click.option("--span", callback=_span, metavar="START:END",
              help="Print only text[START:END] (and a line end): a fact's text, checked from the shell.")
@click.option("--encoding", callback=_encoding_option, default=None, metavar="NAME",
              help="Decode as NAME (utf-8, utf-16, windows-1258, tcvn3, vni) instead of detecting it.")
@quiet_pipe
def text_command(file, span, encoding):
    """Print the text of FILE as vnfacts reads it ("-" reads standard input): decoded, composed
    to NFC, and for HTML the article's text. Every fact's `start` and `end` are offsets into
    exactly this text, in characters, so `text[start:end] == fact.text`. The whole text is
    written as it is, with no line end added.

    \b
    Examples:
      vnfacts text page.html > page.txt
      vnfacts text old-portal.txt --encoding tcvn3 | less
      vnfacts text page.html --span 527:551          # the text of the fact at 527-551
      vnfacts extract page.html -f jsonl | jq -r '.facts[] | "\\(.start):\\(.end)"' | head -1 \\
        | xargs -I{} vnfacts text page.html --span {}
    """
    try:
        text = read_input(file, encoding=encoding).text
    except InputError as exc:
        warn(f"error: {exc}")
        sys.exit(EXIT_INPUT)
    if span is not None:
        start, end = span
        if end > len(text):
            raise click.BadParameter(f"{start}:{end} is past the end of the text ({len(text)} characters)",
                                     param_hint="--span")
        click.echo(text[start:end])
        return
    sys.stdout.write(text)
    sys.stdout.flush()
