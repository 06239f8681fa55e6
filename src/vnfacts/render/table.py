"""Rich tables for a person at a terminal: one table per fact type, in text order."""
from __future__ import annotations

from typing import Iterable, TextIO

from rich.console import Console
from rich.table import Table

from ..model import Document, Fact

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
    if isinstance(v, int):
        return f"{v:,}".replace(",", " ")  # thin grouping, unambiguous in any locale
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
    if explain:
        table.add_column("rule", style="cyan", no_wrap=True)
    for f in facts:
        row = [f.text, _fmt(f.value), *(_fmt(getattr(f, c)) for c in extra), f"{f.start}-{f.end}"]
        if explain:
            row.append(f.rule)
        table.add_row(*row)
    return table


def write_tables(docs: Iterable[Document], out: TextIO, *, explain: bool = False) -> None:
    console = Console(file=out, highlight=False, soft_wrap=False)
    for doc in docs:
        head = f"[bold]{doc.source or '-'}[/bold]"
        if doc.published:
            head += f"  published {doc.published}"
        console.print(head + f"  {len(doc.facts)} facts")
        types = sorted({f.type for f in doc.facts}, key=lambda t: (TYPE_ORDER.index(t) if t in TYPE_ORDER else 99, t))
        for t in types:
            console.print(_table(t, doc.of_type(t), explain))
        console.print()
