"""`vnfacts batch` through click's CliRunner: output formats, error records, exit codes, resume."""
from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from test_batch_helpers import BINARY, TEXTS, jsonl_bytes, read_jsonl, write_tree, zip_bytes
from vnfacts.cli import main


@pytest.fixture()
def run():
    def _run(*args, input=None):
        return CliRunner().invoke(main, ["batch", *map(str, args)], input=input, catch_exceptions=False)
    return _run


@pytest.fixture()
def news(tmp_path):
    return write_tree(tmp_path / "news", {f"{i}-{name}": text for i in range(3) for name, text in TEXTS.items()})


def test_help_has_an_example(run):
    result = run("--help")
    assert result.exit_code == 0 and "Examples:" in result.output and "vnfacts batch news/" in result.output


def test_jsonl_to_stdout_is_the_extract_contract_plus_exact_sources(run, news, tmp_path):
    (tmp_path / "crawl.zip").write_bytes(zip_bytes({"2024/05/a.txt": TEXTS["chi.txt"]}))
    result = run(news, tmp_path / "crawl.zip", "-j", 1, "-q")
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(docs) == 10
    assert docs[-1]["source"] == f"{tmp_path}/crawl.zip!2024/05/a.txt"
    assert docs[0] == {"source": f"{news}/0-chi.txt", "published": None, "encoding": "utf-8",
                       "facts": docs[0]["facts"]}  # encoding as extract records it
    assert [(f["type"], f["value"]) for f in docs[0]["facts"]] == [("money", 15000000000), ("percent", 8)]
    assert "tỷ đồng" in result.stdout  # UTF-8, not \u-escaped


def test_error_records_do_not_stop_the_run_and_exit_1(run, tmp_path):
    write_tree(tmp_path, {"a.txt": TEXTS["ho.txt"], "b.txt": BINARY, "c.txt": TEXTS["rung.txt"],
                          "d.jsonl": jsonl_bytes(["{bad", {"id": "k"}])})
    result = run(tmp_path, "-o", tmp_path / "out.jsonl", "-j", 1, "-q")
    assert result.exit_code == 1
    records = read_jsonl(tmp_path / "out.jsonl")
    kinds = [(r["source"].rsplit("/", 1)[-1], r.get("error", {}).get("kind")) for r in records]
    assert kinds == [("a.txt", None), ("b.txt", "decode"), ("c.txt", None), ("d.jsonl:1", "bad_json"), ("k", "missing_text")]
    assert records[1]["error"]["message"].startswith(f"{tmp_path}/b.txt: binary")
    assert "Traceback" not in result.output


def test_csv_has_one_row_per_fact_and_reports_failures_on_stderr(run, news, tmp_path):
    (news / "z.txt").write_bytes(BINARY)
    result = run(news, "-o", tmp_path / "facts.csv", "-j", 1, "--types", "money,quantity")
    assert result.exit_code == 1
    rows = list(csv.DictReader(io.StringIO((tmp_path / "facts.csv").read_text(encoding="utf-8"))))
    assert {r["type"] for r in rows} == {"money", "quantity"} and len(rows) == 9
    assert rows[0]["source"] == f"{news}/0-chi.txt" and rows[0]["value"] == "15000000000"
    assert f"error: {news}/z.txt: binary" in result.stderr
    assert "facts: money" in result.stderr and "errors: decode" in result.stderr  # the summary table


def test_summary_counts_documents_facts_and_skipped_files(run, news):
    (news / "logo.png").write_bytes(b"\x89PNG")
    result = run(news, "-j", 1)
    assert result.exit_code == 0
    assert "documents" in result.stderr and "skipped: unknown extension" in result.stderr
    assert "facts: quantity" in result.stderr and "elapsed" in result.stderr


def test_jsonl_dump_with_published_field_and_record_ids(run, tmp_path):
    dump = tmp_path / "d.jsonl.gz"
    dump.write_bytes(jsonl_bytes([{"url": "u1", "body": "Ngày 5/10 tỉnh chi 15 tỷ đồng.", "day": "2024-09-30"}], gz=True))
    result = run(dump, "--text-field", "body", "--id-field", "url", "--published-field", "day", "-q", "-j", 1)
    assert result.exit_code == 0
    (doc,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert doc["source"] == "u1" and doc["published"] == "2024-09-30"
    assert any(f["type"] == "money" for f in doc["facts"])


def test_max_bytes_accepts_units_and_refuses_nonsense(run, tmp_path):
    write_tree(tmp_path, {"big.txt": "Tăng 5%. " * 200, "small.txt": TEXTS["ho.txt"]})
    result = run(tmp_path, "--max-bytes", "1K", "-q", "-j", 1)
    assert result.exit_code == 1
    kinds = [json.loads(line).get("error", {}).get("kind") for line in result.stdout.splitlines()]
    assert kinds == ["too_large", None]
    assert run(tmp_path, "--max-bytes", "lots").exit_code == 2


def test_usage_and_rule_errors_exit_2(run, news, tmp_path):
    assert run(news, "--resume").exit_code == 2  # nowhere to resume from
    bad_rules = tmp_path / "bad.yaml"
    bad_rules.write_text("rules:\n  - id: x\n    paterns: 'a'\n", encoding="utf-8")
    result = run(news, "--rules", bad_rules)
    assert result.exit_code == 2 and "bad.yaml" in result.stderr and "Traceback" not in result.stderr
    foreign = tmp_path / "foreign.csv"
    foreign.write_text("a,b\n1,2\n", encoding="utf-8")
    assert run(news, "-o", foreign, "--resume").exit_code == 2


def test_paths_from_stdin(run, news):
    result = run("-", "-q", "-j", 1, input=f"{news}/1-ho.txt\n{news}/0-rung.txt\n")
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [f"{news}/1-ho.txt", f"{news}/0-rung.txt"]


def test_two_workers_write_the_same_lines_as_one(run, news, tmp_path):
    one = run(news, "-q", "-j", 1).stdout
    two = run(news, "-q", "-j", 2).stdout
    assert two == one and len(one.splitlines()) == 9
