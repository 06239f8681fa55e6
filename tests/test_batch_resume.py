"""--resume after a killed run (a cut-off last line) and the repair of the output file."""
from __future__ import annotations

import csv
import io
import json
from collections import Counter

import pytest
from click.testing import CliRunner

from test_batch_helpers import BINARY, TEXTS, read_jsonl, write_tree
from vnfacts.batch.resume import ResumeError, prepare
from vnfacts.cli import main


def batch(*args):
    return CliRunner().invoke(main, ["batch", *map(str, args), "-q", "-j", "1"], catch_exceptions=False)


@pytest.fixture()
def news(tmp_path):
    return write_tree(tmp_path / "news", {f"{i:02d}-{name}": text for i in range(4) for name, text in TEXTS.items()})


def test_resume_repairs_a_cut_off_last_line_and_finishes_without_duplicates(news, tmp_path):
    out = tmp_path / "out.jsonl"
    assert batch(news, "-o", out).exit_code == 0
    full = out.read_text(encoding="utf-8")
    lines = full.splitlines(keepends=True)
    out.write_text("".join(lines[:5]) + lines[5][:37], encoding="utf-8")  # as a kill leaves it
    result = batch(news, "-o", out, "--resume")
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8") == full  # same lines, same order, nothing twice


def test_resume_skips_what_is_done_and_counts_it(news, tmp_path):
    out = tmp_path / "out.jsonl"
    batch(news / "00-chi.txt", news / "00-ho.txt", "-o", out)
    result = CliRunner().invoke(main, ["batch", str(news), "-o", str(out), "--resume", "-j", "1"])
    records = read_jsonl(out)
    assert len(records) == 12 and len({r["source"] for r in records}) == 12
    assert "already in the output (--resume)" in result.stderr


def test_error_records_count_as_done(tmp_path):
    write_tree(tmp_path / "in", {"a.txt": BINARY, "b.txt": TEXTS["ho.txt"]})
    out = tmp_path / "out.jsonl"
    assert batch(tmp_path / "in", "-o", out).exit_code == 1
    assert batch(tmp_path / "in", "-o", out, "--resume").exit_code == 0  # nothing left to do
    assert [r["source"].rsplit("/", 1)[-1] for r in read_jsonl(out)] == ["a.txt", "b.txt"]


def test_csv_resume_redoes_the_last_document_whose_rows_may_be_partial(news, tmp_path):
    out = tmp_path / "facts.csv"
    assert batch(news, "-o", out).exit_code == 0
    full = out.read_text(encoding="utf-8")
    rows = full.splitlines(keepends=True)
    assert rows[1].startswith(f"{news}/00-chi.txt") and rows[2].startswith(f"{news}/00-chi.txt")
    out.write_text("".join(rows[:2]), encoding="utf-8")  # killed between the two rows of 00-chi.txt
    assert batch(news, "-o", out, "--resume").exit_code == 0
    assert out.read_text(encoding="utf-8") == full
    assert list(csv.reader(io.StringIO(full)))[0][0] == "source"  # one header


def test_prepare_refuses_a_file_damaged_in_the_middle(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"source": "a"}\nnot json\n{"source": "b"}\n', encoding="utf-8")
    with pytest.raises(ResumeError, match="out.jsonl:2"):
        prepare(str(out), "jsonl")


def test_prepare_on_a_missing_file_is_empty_and_creates_nothing(tmp_path):
    assert prepare(str(tmp_path / "none.jsonl"), "jsonl") == Counter()
    assert not (tmp_path / "none.jsonl").exists()


def test_a_complete_last_line_is_kept(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps({"source": "a", "facts": []}) + "\n", encoding="utf-8")
    assert prepare(str(out), "jsonl") == Counter({"a": 1})
    assert out.read_text(encoding="utf-8").count("\n") == 1


def test_resume_keeps_every_record_of_an_id_that_repeats(tmp_path):
    """Sources may repeat (a dump's ids, a file named twice): each written one is skipped once."""
    dump = tmp_path / "in" / "d.jsonl"
    dump.parent.mkdir()
    dump.write_text('{"id": 1, "text": "Thu ngân sách tăng 5%."}\n{"id": 1, "text": "Chi giảm 7%."}\n'
                    '{"id": 2, "text": "Đạt 9%."}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert batch(dump, "-o", out).exit_code == 0
    full = out.read_text(encoding="utf-8")
    out.write_text(full.splitlines(keepends=True)[0], encoding="utf-8")  # killed after the first
    assert batch(dump, "-o", out, "--resume").exit_code == 0
    assert out.read_text(encoding="utf-8") == full
    assert [r["facts"][0]["value"] for r in read_jsonl(out)] == [5, 7, 9]
