"""Issue 17: CLI conventions a data team can rely on (checked --types, people filtering, rules
list/show as data). Texts are written for these tests."""
import json

import pytest
from click.testing import CliRunner

from vnfacts.cli import main

ARTICLE = ("Ông Trần Văn Bình, Phó Chủ tịch UBND tỉnh, cho biết năm 2024 tỉnh chi 12 tỷ đồng, "
           "tăng 8,5% so với năm trước.\n\nMinh Hà – Thu Trang\n")


@pytest.fixture()
def run():
    def _run(*args, input=None, env=None):
        return CliRunner().invoke(main, list(args), input=input, env=env, catch_exceptions=False)
    return _run


@pytest.mark.parametrize("command", [["eval", "samples/gold"], ["rules", "list"]])
def test_unknown_types_in_eval_and_rules_list_exit_2_with_a_suggestion(run, command):
    result = run(*command, "--types", "percnt")
    assert result.exit_code == 2 and result.stdout == ""
    assert "unknown fact type 'percnt' (did you mean 'percent'? known: date, " in result.stderr


def test_types_without_officials_drop_people_and_authors(run):
    full = json.loads(run("extract", "-", "-f", "json", input=ARTICLE).stdout)
    assert full["people"][0]["name"] == "Trần Văn Bình" and full["authors"] == ["Minh Hà", "Thu Trang"]
    money = json.loads(run("extract", "-", "-f", "json", "--types", "money", input=ARTICLE).stdout)
    assert "people" not in money and "authors" not in money and money["encoding"] == "utf-8"
    assert {f["type"] for f in money["facts"]} == {"money"}
    officials = json.loads(run("extract", "-", "-f", "json", "--types", "official", input=ARTICLE).stdout)
    assert officials["people"] == full["people"] and officials["authors"] == full["authors"]


def test_batch_types_drop_people_too(run, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run("batch", str(tmp_path / "a.txt"), "-q", "--types", "percent")
    record = json.loads(result.stdout)
    assert result.exit_code == 0 and "people" not in record and "authors" not in record
    assert [f["type"] for f in record["facts"]] == ["percent"]


def test_rules_list_json_is_one_object_per_rule_filtered_by_types(run):
    rows = json.loads(run("rules", "list", "--types", "money,percent", "--format", "json").stdout)
    assert rows and {r["type"] for r in rows} == {"money", "percent"}
    assert {"id", "priority", "normalizer", "examples", "path", "line"} <= set(rows[0])
    old = json.loads(run("rules", "list", "--type", "money", "-f", "json").stdout)
    assert [r["id"] for r in old] == [r["id"] for r in rows if r["type"] == "money"]


def test_rules_show_expands_the_pattern_and_lists_examples(run):
    data = json.loads(run("rules", "show", "money.amount", "--format", "json").stdout)
    assert data["id"] == "money.amount" and "{AMOUNT}" in data["pattern"]
    assert "{AMOUNT}" not in data["expanded"] and len(data["expanded"]) > 5 * len(data["pattern"])
    assert any(e["text"] == "27 tỷ đồng" and e["facts"][0]["value"] == 27_000_000_000 for e in data["examples"])
    text = run("rules", "show", "money.amount").stdout
    assert "expanded:" in text and "'27 tỷ đồng' -> value=27000000000, currency=VND" in text


def test_rules_show_an_unknown_id_suggests_the_nearest(run):
    result = run("rules", "show", "money.amont")
    assert result.exit_code == 2 and "no rule 'money.amont' (did you mean 'money.amount'?)" in result.stderr
