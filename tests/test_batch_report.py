"""The progress bar and the closing summary of a batch run."""
from __future__ import annotations

import io

from rich.console import Console

from vnfacts import extract
from vnfacts.batch.records import Failure
from vnfacts.batch.report import ProgressBar, Tally, summary


def tally_of_three() -> Tally:
    tally = Tally()
    tally.add(extract("Tỉnh chi 15 tỷ đồng cho trường học, tăng 8%."))
    tally.add(extract("Huyện hỗ trợ 120 hộ nghèo."))
    tally.add(Failure("x.txt", "decode", "x.txt: binary file"))
    return tally


def test_progress_bar_shows_documents_total_facts_and_errors_on_a_terminal():
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, color_system=None, width=120)
    tally = tally_of_three()
    with ProgressBar(console, total=10) as bar:
        bar.update(tally, force=True)
    text = out.getvalue()
    facts = sum(tally.facts.values())
    assert "3/10 documents" in text and f"{facts} facts" in text and "1 errors" in text


def test_a_disabled_progress_bar_prints_nothing():
    out = io.StringIO()
    with ProgressBar(Console(file=out, force_terminal=True), enabled=False) as bar:
        bar.update(tally_of_three(), force=True)
    assert out.getvalue() == ""


def test_summary_lists_facts_by_type_errors_by_kind_and_skips():
    out = io.StringIO()
    Console(file=out, width=100).print(summary(tally_of_three(), {"unknown extension": 4}))
    rows = {" ".join(line.strip("│ ").split()) for line in out.getvalue().splitlines()}
    assert {"documents │ 3", "facts: money │ 1", "facts: percent │ 1", "facts: quantity │ 1",
            "errors: decode │ 1", "skipped: unknown extension │ 4"} <= rows
