"""Rich tables for a person at a terminal: one table per fact type, in text order.

On a terminal the tables fill its width; piped (`| less`, a file) they are never cut at 80
columns: each cell is as wide as its text (the COLUMNS variable still sets a width). Colour
follows `color`: "auto" (a terminal, unless NO_COLOR is set), "always" or "never".
"""
from __future__ import annotations

import os
from decimal import Decimal
from typing import Iterable, TextIO

from rich.console import Console
from rich.table import Table

from ..model import Document, Fact, number_text

TYPE_ORDER = ("date", "official", "percent", "money", "quantity", "organization", "location", "document")
#: Columns shown per type, after the surface text and the value.
TYPE_COLUMNS = {
    "percent": ("unit", "qualifier", "upper", "per"),
    "money": ("currency", "qualifier", "upper", "per"),
    "quantity": ("unit", "qualifier", "upper"),
    "date": ("grain", "part_of_day", "lunar"),
    "official": ("titles", "honorific", "organization"),
    "person": ("honorific",),
    "organization": ("expanded",),
    "location": ("level", "expanded"),
    "document": ("kind", "number", "issuer"),  # the year is in the value (the code)
}


def _fmt(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return str(v).lower()
    if isinstance(v, int):
        return f"{v:,}".replace(",", " ")  # thin grouping, unambiguous in any locale
    if isinstance(v, Decimal):
        whole, _, part = number_text(v).partition(".")
        return _fmt(int(whole)) + "." + part if part else _fmt(int(whole))
    if isinstance(v, (list, tuple)):
        return "; ".join(map(str, v))
    return str(v)


def _table(fact_type: str, facts: list[Fact], explain: bool) -> Table:
    extra = [c for c in TYPE_COLUMNS.get(fact_type, ()) if any(getattr(f, c) is not None for f in facts)]
    table = Table(title=f"{fact_type} ({len(facts)})", title_justify="left", show_lines=False)
    table.add_column("text", overflow="fold")
    table.add_column("value", justify="right", no_wrap=True)
    for col in extra:
        table.add_column(col)
    table.add_column("at", justify="right", style="dim", no_wrap=True)
    context = explain and any(f.context for f in facts)
    if explain:
        table.add_column("rule", style="cyan", no_wrap=True)
    if context:
        table.add_column("context", overflow="fold")
    for f in facts:
        row = [f.text, _fmt(f.value), *(_fmt(getattr(f, c)) for c in extra), f"{f.start}-{f.end}"]
        if explain:
            row.append(f.rule)
        if context:
            row.append(f.context or "")
        table.add_row(*row)
    return table


def console_for(out: TextIO, color: str = "auto", *, soft_wrap: bool = False) -> Console:
    """A rich Console on `out`: the terminal's width on a terminal, unbounded when piped (or
    COLUMNS when set); colour by `color` and NO_COLOR (https://no-color.org).

    >>> import io
    >>> console_for(io.StringIO()).width > 1000, console_for(io.StringIO(), "always").color_system is not None
    (True, True)
    """
    terminal = hasattr(out, "isatty") and out.isatty()
    width = None if terminal or os.environ.get("COLUMNS") else UNBOUNDED
    if color == "always":
        return Console(file=out, highlight=False, soft_wrap=soft_wrap, width=width, force_terminal=True,
                       color_system="standard", no_color=False)
    colored = color == "auto" and terminal and not os.environ.get("NO_COLOR")
    return Console(file=out, highlight=False, soft_wrap=soft_wrap, width=width, no_color=not colored,
                   color_system="auto" if colored else None)


#: The width of a table written to a pipe or file: wide enough that no cell is ever cut.
UNBOUNDED = 100_000


def write_tables(docs: Iterable[Document], out: TextIO, *, explain: bool = False, color: str = "auto") -> None:
    console = console_for(out, color)
    for doc in docs:
        head = f"[bold]{doc.source or '-'}[/bold]"
        if doc.published:
            head += f"  published {doc.published}"
        console.print(head + f"  {len(doc.facts)} facts")
        types = sorted({f.type for f in doc.facts}, key=lambda t: (TYPE_ORDER.index(t) if t in TYPE_ORDER else 99, t))
        for t in types:
            console.print(_table(t, doc.of_type(t), explain))
        console.print()
