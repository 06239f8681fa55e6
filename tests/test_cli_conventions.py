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


TINY = "Tỉnh thu 12 tỷ đồng. TP. Huế chi tăng 0,00001% so với năm 2023.\n"


@pytest.fixture()
def tiny(tmp_path):
    path = tmp_path / "tiny.txt"
    path.write_text(TINY, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("inputs, shape", [(["ok"], dict), (["missing"], dict), (["ok", "missing"], list),
                                           (["missing", "missing"], list)])
def test_json_is_one_object_for_one_input_and_an_array_for_several_whatever_fails(run, tiny, tmp_path, inputs,
                                                                                   shape):
    names = [tiny if i == "ok" else str(tmp_path / "nope.txt") for i in inputs]
    result = run("extract", *names, "--format", "json")
    data = json.loads(result.stdout)
    assert type(data) is shape and result.exit_code == (1 if "missing" in inputs else 0)
    items = data if shape is list else [data]
    assert [i["source"] for i in items] == names
    for name, item in zip(inputs, items):
        if name == "missing":  # the error object batch writes, nothing else
            assert item == {"source": str(tmp_path / "nope.txt"),
                            "error": {"kind": "not_found", "message": f"{tmp_path / 'nope.txt'}: no such file"}}
        else:
            assert "facts" in item and "error" not in item


def test_numbers_are_exact_in_json_csv_and_tsv(run, tiny):
    value = json.loads(run("extract", tiny, "-f", "json").stdout)["facts"][1]
    assert value["text"] == "0,00001%" and '"value": 0.00001' in run("extract", tiny, "-f", "jsonl").stdout
    for fmt in ("csv", "tsv"):
        out = run("extract", tiny, "-f", fmt).stdout
        assert "0.00001" in out and "e-05" not in out.lower()


def test_tsv_has_tab_separated_columns_and_no_quoting(run, tiny):
    lines = run("extract", tiny, "--format", "tsv", "--context").stdout.splitlines()
    header = lines[0].split("\t")
    assert header[:4] == ["source", "published", "type", "text"] and header[-1] == "context"
    rows = [dict(zip(header, line.split("\t"))) for line in lines[1:]]
    assert all(len(line.split("\t")) == len(header) for line in lines)
    assert rows[0]["type"] == "money" and rows[0]["value"] == "12000000000"
    assert rows[0]["context"] == "Tỉnh thu 12 tỷ đồng."


def test_excel_starts_the_csv_with_a_byte_order_mark(run, tiny):
    plain = run("extract", tiny, "-f", "csv").stdout_bytes
    excel = run("extract", tiny, "-f", "csv", "--excel").stdout_bytes
    assert not plain.startswith(b"\xef\xbb\xbf") and excel == b"\xef\xbb\xbf" + plain
    refused = run("extract", tiny, "-f", "json", "--excel")
    assert refused.exit_code == 2 and "--excel is for --format csv" in refused.stderr


def test_context_is_the_sentence_of_each_fact(run, tiny):
    facts = json.loads(run("extract", tiny, "-f", "json", "--context").stdout)["facts"]
    assert [(f["text"], f["context"]) for f in facts] == [
        ("12 tỷ đồng", "Tỉnh thu 12 tỷ đồng."),
        ("0,00001%", "TP. Huế chi tăng 0,00001% so với năm 2023."),
        ("năm 2023", "TP. Huế chi tăng 0,00001% so với năm 2023.")]
    assert all(f["text"] in f["context"] for f in facts)
    plain = json.loads(run("extract", tiny, "-f", "json").stdout)["facts"]
    assert all("context" not in f for f in plain)


def test_explain_table_shows_the_context(run, tiny):
    table = run("extract", tiny, "-f", "table", "--context", "--explain").stdout
    assert "context" in table and "Tỉnh thu 12 tỷ đồng." in table and "money.amount" in table


def test_a_piped_table_is_not_cut_at_80_columns(run, tmp_path):
    long = "Ông Nguyễn Văn Bình, Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh Quảng Nam, cho biết tỉnh chi 5 tỷ đồng.\n"
    (tmp_path / "long.txt").write_text(long, encoding="utf-8")
    table = run("extract", str(tmp_path / "long.txt"), "-f", "table", "--explain", env={"COLUMNS": None}).stdout
    assert max(len(line) for line in table.splitlines()) > 80
    assert "Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh Quảng Nam" in table  # one cell, not folded


@pytest.mark.parametrize("color, env, colored", [("always", {}, True), ("never", {}, False), ("auto", {}, False),
                                                 ("always", {"NO_COLOR": "1"}, True)])
def test_color_option(run, tiny, color, env, colored):
    table = run("extract", tiny, "-f", "table", "--color", color, env=env).stdout
    assert ("\x1b[" in table) is colored and "12 tỷ đồng" in table


def test_no_color_wins_over_auto_on_a_terminal(monkeypatch):
    import io

    from vnfacts.render.table import console_for

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert console_for(Terminal(), "auto").no_color is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert console_for(Terminal(), "auto").no_color is True


def _pages(tmp_path):
    from vnfacts.input.encodings import vni

    html = tmp_path / "page.html"
    html.write_text("<html><head><title>Tin</title></head><body><nav>Trang chủ</nav><article><p>Tỉnh chi "
                    "27&nbsp;t&#7927; &#273;&#7891;ng cho 5 xã.</p><p>Tăng 3,5% so với năm 2023.</p></article>"
                    "</body></html>", encoding="utf-8")
    legacy = tmp_path / "old.txt"
    legacy.write_bytes(vni.encode("Ủy ban nhân dân tỉnh Hòa Bình chi 12 tỷ đồng, tăng 4,5% so với năm trước."))
    return [html, legacy]


@pytest.mark.parametrize("which", [0, 1])
def test_text_prints_what_the_offsets_index(run, tmp_path, which):
    path = _pages(tmp_path)[which]
    text = run("text", str(path)).stdout
    doc = json.loads(run("extract", str(path), "-f", "json").stdout)
    assert doc["facts"] and all(text[f["start"]:f["end"]] == f["text"] for f in doc["facts"])
    assert "<" not in text and "Trang chủ" not in text  # the article, not the markup nor the menu
    first = doc["facts"][0]
    assert run("text", str(path), "--span", f"{first['start']}:{first['end']}").stdout == first["text"] + "\n"


def test_text_errors(run, tmp_path):
    path = _pages(tmp_path)[0]
    assert run("text", str(path), "--span", "9:99999").exit_code == 2
    assert run("text", str(path), "--span", "12-3").exit_code == 2
    missing = run("text", str(tmp_path / "nope.txt"))
    assert missing.exit_code == 1 and "no such file" in missing.stderr and missing.stdout == ""


def test_text_reads_stdin_and_composes_nfc(run):
    import unicodedata
    result = run("text", "-", input=unicodedata.normalize("NFD", "Hòa Bình"))
    assert result.stdout == "Hòa Bình" and unicodedata.is_normalized("NFC", result.stdout)


def test_eval_scores_the_rules_given_with_rules(run, tmp_path):
    narrow = tmp_path / "percent.yaml"  # replaces the shipped percent.sign: only "phần trăm" now
    narrow.write_text("rules:\n  - id: percent.sign\n    type: percent\n    normalizer: percent\n"
                      "    pattern: '(?P<amount>\\d+(?:,\\d+)?)\\s*phần\\s+trăm(?!\\w)'\n"
                      "    examples:\n      - text: 7,5 phần trăm\n        fact: {value: 7.5, unit: '%'}\n",
                      encoding="utf-8")
    shipped = json.loads(run("eval", "samples/gold", "--types", "percent", "-f", "json").stdout)
    mine = json.loads(run("eval", "samples/gold", "--types", "percent", "-f", "json", "--rules", str(narrow)).stdout)
    assert mine["types"]["percent"]["recall"] < shipped["types"]["percent"]["recall"]
    broken = tmp_path / "broken.yaml"
    broken.write_text("rules:\n  - id: x.y\n    paterns: 'a'\n", encoding="utf-8")
    result = run("eval", "samples/gold", "--rules", str(broken))
    assert result.exit_code == 2 and "broken.yaml" in result.stderr and result.stdout == ""


@pytest.mark.parametrize("command", [["rules", "list"], ["rules", "normalizers"], ["eval", "samples/gold", "--types", "money"]])
def test_every_table_is_whole_when_piped_and_colours_on_demand(run, command):
    piped = run(*command, env={"COLUMNS": None}).stdout
    assert "…" not in piped and "\x1b[" not in piped
    assert "\x1b[" in run(*command, "--color", "always").stdout


def test_rules_list_is_not_cut_at_80_columns(run):
    rows = json.loads(run("rules", "list", "-f", "json").stdout)
    longest = max((r["id"] for r in rows), key=len)
    assert longest in run("rules", "list", env={"COLUMNS": None}).stdout


README = (__import__("pathlib").Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
USING_IT = README.split("## Using it")[1].split("\n## ")[0]


@pytest.mark.parametrize("command, shown", [
    (["extract"], "--context"), (["extract"], "--excel"), (["extract"], "--format tsv"), (["text"], "--span"),
    (["batch"], "--stdin jsonl"), (["batch"], "--overwrite"), (["rules", "list"], "--format json"),
    (["rules", "show"], "rules show money.amount"), (["eval"], "--rules"), (["extract"], "--types money,percent"),
    (["extract"], "--format html"), (["serve"], "--workers 2"),
])
def test_readme_using_it_and_the_help_show_each_convention(run, command, shown):
    assert shown in USING_IT
    help_text = run(*command, "--help").stdout
    examples = help_text.split("Example")[1]
    assert shown.split()[-1] in examples and f"vnfacts {' '.join(command)}" in examples


def test_help_of_table_commands_offers_color(run):
    for command in (["extract"], ["eval"], ["rules", "list"], ["rules", "normalizers"]):
        assert "--color [auto|always|never]" in run(*command, "--help").stdout
