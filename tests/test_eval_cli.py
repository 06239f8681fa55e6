"""`vnfacts eval` through click's CliRunner: formats, --types, --min-f1, exit codes, no tracebacks.

Most tests stand a fixed predictor in for vnfacts so they test the command, not the rules;
the last ones run vnfacts itself on small gold and on the shipped gold sets.
"""
import json
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from vnfacts import Fact
from vnfacts.cli import eval_cmd, main

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Tỉnh thu 27 tỷ đồng, bằng 104,65% dự toán, tăng 7,5%."


def span(needle):
    start = TEXT.find(needle)
    return start, start + len(needle)


GOLD_ROW = {"id": "d1", "text": TEXT, "published": "2024-01-05", "facts": [
    {"type": "money", "text": "27 tỷ đồng", "value": 27000000000, "currency": "VND"},
    {"type": "percent", "text": "104,65%", "value": 104.65, "unit": "%"},
    {"type": "percent", "text": "7,5%", "value": 7.5, "unit": "%"},
]}
FOUND = [
    Fact("money", "27 tỷ đồng", *span("27 tỷ đồng"), 27000000000, "money.amount", currency="VND"),
    Fact("percent", "104,65%", *span("104,65%"), Decimal("104.65"), "percent.plain", unit="%"),
    Fact("percent", "7,5%", *span("7,5%"), Decimal("75"), "percent.plain", unit="%"),
]


@pytest.fixture()
def gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD_ROW, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def fixed(monkeypatch):
    """vnfacts replaced by a predictor that returns FOUND (or raises for a doc id in `fail`)."""
    fail = set()

    def predictor(extractor):
        def predict(doc):
            if doc.id in fail:
                raise RuntimeError("rule blew up")
            return FOUND
        return predict

    rules = SimpleNamespace(ruleset=SimpleNamespace(types=["date", "money", "percent", "quantity"]))
    monkeypatch.setattr(eval_cmd, "load_extractor", lambda paths: rules)
    monkeypatch.setattr(eval_cmd, "vnfacts_predictor", predictor)
    return fail


def run(*args):
    return CliRunner().invoke(main, ["eval", *map(str, args)], catch_exceptions=False)


def test_help_has_an_example():
    result = run("--help")
    assert result.exit_code == 0 and "Example" in result.output and "vnfacts eval samples/gold" in result.output


def test_table_shows_figures_and_every_error(gold, fixed):
    result = run(gold)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "1 documents" in out
    percent_row = next(line for line in out.splitlines() if "percent" in line and "0.500" in line)
    assert "0.500" in percent_row
    assert 'miss       percent   "7,5%" → 7.5' in out
    assert 'false hit  percent   "7,5%" → 75' in out
    assert result.stderr == ""


def test_json_format(gold, fixed):
    result = run(gold, "--format", "json")
    data = json.loads(result.stdout)
    assert data["documents"] == 1
    assert data["types"]["money"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 1, "fp": 0, "fn": 0,
                                      "ignored": 0}
    assert data["types"]["percent"]["f1"] == 0.5 and data["overall"]["tp"] == 2
    assert [(e["kind"], e["text"]) for e in data["errors"]] == [("miss", "7,5%"), ("false_hit", "7,5%")]


def test_types_restricts_the_scored_types(gold, fixed):
    data = json.loads(run(gold, "--types", "money", "--format", "json").stdout)
    assert list(data["types"]) == ["money"] and data["overall"]["f1"] == 1.0 and data["errors"] == []


def test_types_repeated_and_comma_separated_add_up(gold, fixed):
    data = json.loads(run(gold, "--types", "money", "--types", "percent", "--format", "json").stdout)
    assert set(data["types"]) == {"money", "percent"}


def test_types_absent_from_the_gold_is_a_usage_error(gold, fixed):
    result = run(gold, "--types", "money,date")
    assert result.exit_code == 2 and "the gold has no facts of type date" in result.stderr


def test_an_unknown_type_is_a_usage_error_with_a_suggestion(gold, fixed):
    result = run(gold, "--types", "mony")
    assert result.exit_code == 2
    assert "unknown fact type 'mony' (did you mean 'money'? known: date, money, percent, quantity)" in result.stderr


def test_format_is_table_or_json_only(gold, fixed):
    result = run(gold, "--format", "csv")
    assert result.exit_code == 2 and "'csv' is not one of 'table', 'json'" in result.stderr


@pytest.mark.parametrize("floors, code", [
    (["money=0.9"], 0),
    (["money=1", "overall=0.6"], 0),
    (["percent=0.6"], 1),
    (["overall=0.9"], 1),
])
def test_min_f1_floors(gold, fixed, floors, code):
    args = [a for f in floors for a in ("--min-f1", f)]
    result = run(gold, *args)
    assert result.exit_code == code
    if code:
        assert "under the floor" in result.stderr


def test_min_f1_message_names_type_and_figure(gold, fixed):
    result = run(gold, "--min-f1", "percent=0.6")
    assert "vnfacts: percent F1 0.500 is under the floor 0.6" in result.stderr


@pytest.mark.parametrize("floor", ["money", "money=high", "money=1.5", "=0.5"])
def test_bad_min_f1_is_a_usage_error(gold, fixed, floor):
    result = run(gold, "--min-f1", floor)
    assert result.exit_code == 2 and "expected TYPE=X" in result.stderr


def test_min_f1_on_a_type_not_scored_is_a_usage_error(gold, fixed):
    result = run(gold, "--min-f1", "date=0.5")
    assert result.exit_code == 2 and "no scored type date" in result.stderr


def test_bad_gold_exits_2_with_file_line_and_no_traceback(tmp_path, fixed):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(GOLD_ROW, ensure_ascii=False) + "\n{oops\n", encoding="utf-8")
    result = run(path)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"vnfacts: {path}:2: invalid JSON")
    assert "Traceback" not in result.output and result.stdout == ""


def test_missing_gold_exits_2(tmp_path, fixed):
    result = run(tmp_path / "nope")
    assert result.exit_code == 2 and "no such file or folder" in result.stderr


def test_a_document_that_fails_is_named_and_exits_1(gold, fixed):
    fixed.add("d1")
    result = run(gold, "--format", "json")
    assert result.exit_code == 1
    assert "vnfacts: error: d1: extraction failed (RuntimeError: rule blew up)" in result.stderr
    assert json.loads(result.stdout)["overall"]["fn"] == 3


# vnfacts itself


def test_vnfacts_scores_exact_numbers(gold):
    data = json.loads(run(gold, "--format", "json").stdout)
    assert data["types"]["money"]["tp"] == 1
    assert data["types"]["percent"]["tp"] == 2 and data["types"]["percent"]["fp"] == 0


def test_vnfacts_on_a_gold_folder_with_a_path(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(TEXT, encoding="utf-8")
    row = {k: v for k, v in GOLD_ROW.items() if k != "text"} | {"path": "texts/a.txt"}
    (tmp_path / "set.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    result = run(tmp_path, "--types", "money,percent", "--min-f1", "overall=1")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("gold_path, documents", [
    ("samples/gold", 40),
    pytest.param("benchmarks/gold-real.jsonl", 15, marks=pytest.mark.shared("corpus")),  # its articles are there
])
def test_shipped_gold_sets_evaluate_completely(gold_path, documents):
    result = run(ROOT / gold_path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["documents"] >= documents and data["failed"] == []
    assert {"date", "official", "percent", "money", "quantity"} <= set(data["types"])
