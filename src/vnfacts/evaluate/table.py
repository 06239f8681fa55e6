"""The report for a person: a table of figures per type, the officials' figures (title recall,
recall per sector, sector and rank accuracy), then the errors of each document."""
from __future__ import annotations

from itertools import groupby
from typing import Any, TextIO

from ..render.table import console_for
from rich.markup import escape
from rich.table import Table

from .officials import Agreement
from .report import Counts, Report

KIND_LABEL = {"miss": "miss", "false_hit": "false hit", "title_miss": "title miss", "sector_miss": "bad sector",
              "rank_miss": "bad rank"}


def write_table(report: Report, out: TextIO, *, errors: bool = True, color: str = "auto") -> None:
    """Print the figures, and unless `errors` is False every miss and false hit.

    >>> import io
    >>> from vnfacts.evaluate.report import Counts, Report
    >>> buf = io.StringIO()
    >>> write_table(Report(1, {"money": Counts(1, 1, 0)}, Counts(1, 1, 0)), buf)
    >>> "money" in buf.getvalue() and "0.667" in buf.getvalue()
    True
    """
    console = console_for(out, color, soft_wrap=True)  # the terminal's width; unbounded when piped
    console.print(figures_table(report))
    if "official" in report.types:
        recall = "n/a" if report.title_recall is None else f"{report.title_recall:.3f}"
        console.print(f"official title recall: {recall} "
                      f"({report.titles_found}/{report.titles_gold} titles of matched officials)")
        for line in officials_figures(report):
            console.print(line)
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


def officials_figures(report: Report) -> list:
    """The recall per gold sector (a small table, when the gold gives sectors), then the
    sector and rank accuracy lines."""
    figures = report.officials
    out: list = []
    if figures.has_sectors:
        table = Table(title="officials by gold sector", title_justify="left")
        for col in ("sector", "gold", "found", "recall"):
            table.add_column(col, justify="left" if col == "sector" else "right")
        for name, c in figures.ordered_sectors():
            table.add_row(name, str(c.gold), str(c.found), f"{c.recall:.3f}")
        out.append(table)
        out.append(_agreement_line("sector", figures.sector))
    if figures.rank.compared:
        out.append(_agreement_line("rank", figures.rank))
    return out


def _agreement_line(key: str, a: Agreement) -> str:
    """
    >>> _agreement_line("sector", Agreement(10, 9, 8, True))
    'official sector accuracy: 0.800 (8/10 matched officials with a gold sector; 9 with a predicted one)'
    >>> _agreement_line("rank", Agreement(3))
    'official rank accuracy: n/a (3 matched officials with a gold rank; no prediction gives a rank)'
    """
    head = f"official {key} accuracy:"
    if not a.compared:
        return f"{head} n/a (no matched official has a gold {key})"
    if not a.predicted:
        return f"{head} n/a ({a.compared} matched officials with a gold {key}; no prediction gives a {key})"
    return (f"{head} {a.accuracy:.3f} ({a.correct}/{a.compared} matched officials with a gold {key}; "
            f"{a.given} with a predicted one)")


def _cells(c: Counts) -> list[str]:
    return [f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}", str(c.tp), str(c.fp), str(c.fn), str(c.ignored)]


def describe(error: dict[str, Any]) -> str:
    """One error as a line: the text as written, then what was expected or found.

    >>> describe({"kind": "miss", "type": "money", "text": "27 tỷ đồng", "value": 27000000000, "currency": "VND"})
    '"27 tỷ đồng" → 27000000000 VND'
    >>> describe({"kind": "title_miss", "type": "official", "text": "ông A", "name": "A", "title": "Chủ tịch"})
    '"ông A" → A: title "Chủ tịch" not found'
    >>> describe({"kind": "sector_miss", "type": "official", "text": "ông A", "name": "A", "sector": "state",
    ...           "predicted": None})
    '"ông A" → A: sector state, predicted none'
    """
    text = f'"{error["text"]}"' if error.get("text") is not None else "(no text)"
    if error["kind"] == "title_miss":
        return f'{text} → {error["name"]}: title "{error["title"]}" not found'
    if error["kind"] in ("sector_miss", "rank_miss"):
        key = error["kind"].removesuffix("_miss")
        return f'{text} → {error["name"]}: {key} {error[key]}, predicted {error["predicted"] or "none"}'
    detail = [str(error["value"])]
    for key in ("currency", "unit", "grain"):
        if error.get(key) and error[key] != "%":
            detail.append(str(error[key]))
    if error.get("titles"):
        detail.append("(" + "; ".join(error["titles"]) + ")")
    at = f"  @{error['start']}" if error.get("start") is not None else ""
    return f"{text} → {' '.join(detail)}{at}"
