"""The report for a person: a table of figures per type, then the errors of each document."""
from __future__ import annotations

from itertools import groupby
from typing import Any, TextIO

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .report import Counts, Report

KIND_LABEL = {"miss": "miss", "false_hit": "false hit", "title_miss": "title miss"}


def write_table(report: Report, out: TextIO, *, errors: bool = True) -> None:
    """Print the figures, and unless `errors` is False every miss and false hit.

    >>> import io
    >>> from vnfacts.evaluate.report import Counts, Report
    >>> buf = io.StringIO()
    >>> write_table(Report(1, {"money": Counts(1, 1, 0)}, Counts(1, 1, 0)), buf)
    >>> "money" in buf.getvalue() and "0.667" in buf.getvalue()
    True
    """
    console = Console(file=out, highlight=False, soft_wrap=True, width=max(100, Console(file=out).width))
    console.print(figures_table(report))
    if "official" in report.types:
        recall = "n/a" if report.title_recall is None else f"{report.title_recall:.3f}"
        console.print(f"official title recall: {recall} "
                      f"({report.titles_found}/{report.titles_gold} titles of matched officials)")
    for failure in report.failed:
        console.print(f"[red]failed[/red] {escape(failure['document'])}: {escape(failure['error'])}")
    if errors and report.errors:
        console.print()
        for doc_id, items in groupby(report.errors, key=lambda e: e["document"]):
            console.print(f"[bold]{escape(doc_id)}[/bold]")
            for e in items:
                console.print(f"  {KIND_LABEL[e['kind']]:<10} {e['type']:<9} {escape(describe(e))}")


def figures_table(report: Report) -> Table:
    table = Table(title=f"vnfacts eval: {report.documents} documents", title_justify="left")
    for col in ("type", "precision", "recall", "F1", "tp", "fp", "fn", "ignored"):
        table.add_column(col, justify="left" if col == "type" else "right")
    for name, counts in report.types.items():
        table.add_row(name, *_cells(counts))
    table.add_section()
    table.add_row("overall", *_cells(report.overall), style="bold")
    return table


def _cells(c: Counts) -> list[str]:
    return [f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.tp), str(c.fp), str(c.fn), str(c.ignored)]


def describe(error: dict[str, Any]) -> str:
    """One error as a line: the text as written, then what was expected or found.

    >>> describe({"kind": "miss", "type": "money", "text": "27 tỷ đồng", "value": 27000000000, "currency": "VND"})
    '"27 tỷ đồng" → 27000000000 VND'
    >>> describe({"kind": "title_miss", "type": "official", "text": "ông A", "name": "A", "title": "Chủ tịch"})
    '"ông A" → A: title "Chủ tịch" not found'
    """
    text = f'"{error["text"]}"' if error.get("text") is not None else "(no text)"
    if error["kind"] == "title_miss":
        return f'{text} → {error["name"]}: title "{error["title"]}" not found'
    detail = [str(error["value"])]
    for key in ("currency", "unit", "grain"):
        if error.get(key) and error[key] != "%":
            detail.append(str(error[key]))
    if error.get("titles"):
        detail.append("(" + "; ".join(error["titles"]) + ")")
    at = f"  @{error['start']}" if error.get("start") is not None else ""
    return f"{text} → {' '.join(detail)}{at}"
