"""`vnfacts people` and `vnfacts offices`: who held which office, and when, from a database made
by `vnfacts db build` (or `vnfacts batch --db`)."""
from __future__ import annotations

import csv
import sys

import click

from ..render.json import dumps
from .db_cmd import db_option, open_existing
from .options import color_option, quiet_pipe, resolve_format

FORMATS = ("table", "json", "jsonl", "csv")
_FORMAT_HELP = ("table: a timeline on a terminal; json: one array; jsonl: one object per line; csv: one row per "
                "{} [default: table on a terminal, jsonl when piped].")


def _limit_option(fn):
    return click.option("--limit", "-n", type=click.IntRange(min=1), default=None,
                        help="At most N results (most documents first).")(fn)


@click.command("people")
@click.argument("name", required=False)
@db_option(exists=True)
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default=None, help=_FORMAT_HELP.format("office"))
@_limit_option
@color_option
@quiet_pipe
def people_command(name, db_path, fmt, limit, color):
    """People whose name contains NAME (case and tone placement do not matter), most documents first,
    each with their offices over time. Without NAME, everyone.

    \b
    Examples:
      vnfacts people --db facts.db "Nguyễn Văn A"
      vnfacts people --db facts.db --limit 10          # the most mentioned
      vnfacts people --db facts.db "Lê" --format csv > le.csv
    """
    from ..database.queries import people

    found = people(open_existing(db_path), name, limit=limit)
    fmt = resolve_format(fmt)
    if fmt == "csv":
        rows = [(p["name"], p["documents"], o["title"], o["organization"], o["place"], o["first_seen"],
                 o["last_seen"], o["documents"]) for p in found for o in (p["offices"] or [_NO_OFFICE])]
        _csv(("name", "documents", "office", "organization", "place", "first_seen", "last_seen",
              "office_documents"), rows)
    elif fmt == "table":
        _people_table(found, color)
    else:
        _json(found, fmt)


_NO_OFFICE = {"title": None, "organization": None, "place": None, "first_seen": None, "last_seen": None,
              "documents": None}


@click.command("offices")
@click.argument("office", required=False)
@db_option(exists=True)
@click.option("--place", "-p", metavar="PLACE", help='Only offices in this place, e.g. "Nghệ An".')
@click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default=None, help=_FORMAT_HELP.format("holder"))
@_limit_option
@color_option
@quiet_pipe
def offices_command(office, db_path, place, fmt, limit, color):
    """Offices whose title starts with OFFICE (abbreviations or not: "Chủ tịch Ủy ban nhân dân tỉnh" is
    "Chủ tịch UBND tỉnh"), each with its holders in order. Without OFFICE, every office.

    \b
    Examples:
      vnfacts offices --db facts.db "Chủ tịch UBND tỉnh" --place "Nghệ An"
      vnfacts offices --db facts.db "Giám đốc Sở Y tế" --format json
      vnfacts offices --db facts.db --place "Hà Tĩnh"
    """
    from ..database.queries import offices

    found = offices(open_existing(db_path), office, place=place, limit=limit)
    fmt = resolve_format(fmt)
    if fmt == "csv":
        rows = [(o["title"], o["organization"], o["place"], h["name"], h["first_seen"], h["last_seen"],
                 h["documents"]) for o in found for h in o["holders"]]
        _csv(("office", "organization", "place", "name", "first_seen", "last_seen", "documents"), rows)
    elif fmt == "table":
        _offices_table(found, color)
    else:
        _json(found, fmt)


def _json(found, fmt):
    if fmt == "json":
        click.echo(dumps(found, indent=1))
    else:
        for item in found:
            click.echo(dumps(item))


def _csv(header, rows):
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(header)
    out.writerows(rows)


def _people_table(found, color):
    from rich.table import Table

    from ..render.table import console_for

    console = console_for(sys.stdout, color)
    table = Table("name", "documents", "office", "place", "from", "to", "docs", title=None)
    for person in found:
        offices = person["offices"] or [_NO_OFFICE]
        for i, o in enumerate(offices):
            table.add_row(person["name"] if i == 0 else "", str(person["documents"]) if i == 0 else "",
                          o["title"] or "", o["place"] or "", o["first_seen"] or "", o["last_seen"] or "",
                          "" if o["documents"] is None else str(o["documents"]),
                          end_section=i == len(offices) - 1)
    console.print(table)
    if not found:
        click.echo("vnfacts: no one of that name in the database", err=True)


def _offices_table(found, color):
    from rich.table import Table

    from ..render.table import console_for

    console = console_for(sys.stdout, color)
    table = Table("office", "place", "holder", "from", "to", "docs")
    for office in found:
        holders = office["holders"] or [{"name": "", "first_seen": None, "last_seen": None, "documents": None}]
        for i, h in enumerate(holders):
            table.add_row(office["title"] if i == 0 else "", (office["place"] or "") if i == 0 else "", h["name"],
                          h["first_seen"] or "", h["last_seen"] or "",
                          "" if h["documents"] is None else str(h["documents"]), end_section=i == len(holders) - 1)
    console.print(table)
    if not found:
        click.echo("vnfacts: no such office in the database", err=True)
