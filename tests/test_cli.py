"""The command line through click's CliRunner: formats, filters, errors and exit codes."""
import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from vnfacts.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SAMPLE = str(SAMPLES / "ngan-sach-tinh.txt")


@pytest.fixture()
def run():
    def _run(*args, input=None):
        return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return _run


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0 and "vnfacts, version" in result.output


@pytest.mark.parametrize("command", [[], ["extract"], ["batch"], ["eval"], ["rules"], ["rules", "list"], ["rules", "test"],
                                     ["rules", "check"], ["rules", "show"], ["text"], ["serve"]])
def test_help_has_an_example(run, command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Example" in result.output and f"vnfacts {' '.join(command)}".strip() in result.output.split("Example")[1]


@pytest.mark.parametrize("command, formats, default", [
    ("extract", ["table", "json", "jsonl", "csv", "tsv", "html"], None),  # None: table on a terminal, jsonl when piped
    ("batch", ["jsonl", "csv"], None),                      # None: csv for -o *.csv, else jsonl
    ("eval", ["table", "json"], "table"),
])
def test_every_command_has_the_one_output_option_set(command, formats, default):
    params = {p.name: p for p in main.commands[command].params}
    assert list(params["fmt"].type.choices) == formats and params["fmt"].default == default
    assert params["fmt"].opts == ["--format", "-f"]
    assert params["types"].opts == ["--types"] and params["types"].multiple


@pytest.mark.parametrize("command", [["extract", SAMPLE], ["batch", SAMPLE, "-q"]])
def test_an_unknown_type_is_a_usage_error_with_a_suggestion(run, command):
    result = run(*command, "--types", "money,mony")
    assert result.exit_code == 2 and result.stdout == ""
    assert "unknown fact type 'mony' (did you mean 'money'? known: date, " in result.stderr
    assert "person" in result.stderr.split("known:")[1] and "Traceback" not in result.stderr


def test_a_type_nothing_resembles_gets_the_known_list(run):
    result = run("extract", SAMPLE, "--types", "zzzz")
    assert result.exit_code == 2
    assert "unknown fact type 'zzzz' (known: date, document, " in result.stderr


def test_types_repeated_and_comma_separated_add_up(run):
    text = "Tăng trưởng đạt 7,5%, thu 27 tỷ đồng cho 1044 đối tượng."
    result = run("extract", "-", "-f", "jsonl", "--types", "percent", "--types", " money, ", input=text)
    assert [f["type"] for f in json.loads(result.stdout)["facts"]] == ["percent", "money"]


def test_json_for_one_file_is_one_object(run):
    result = run("extract", SAMPLE, "--format", "json")
    assert result.exit_code == 0
    doc = json.loads(result.stdout)
    assert doc["source"] == SAMPLE and doc["published"] == "2024-12-10"  # from "Cập nhật: 10/12/2024 16:05"
    money = [f for f in doc["facts"] if f["type"] == "money"]
    assert money[0] == {"type": "money", "text": "21.350 tỷ đồng", "start": money[0]["start"],
                        "end": money[0]["end"], "value": 21350000000000, "rule": "money.amount", "currency": "VND"}
    text = Path(SAMPLE).read_text(encoding="utf-8")
    assert all(text[f["start"]:f["end"]] == f["text"] for f in doc["facts"])


def test_json_is_utf8_not_escaped(run):
    result = run("extract", SAMPLE, "--format", "json")
    assert "tỷ đồng" in result.stdout and "\\u" not in result.stdout


def test_json_for_several_files_is_an_array(run):
    result = run("extract", SAMPLE, str(SAMPLES / "hoi-nghi-lao-dong.txt"), "--format", "json")
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == 2


def test_stdin_jsonl_and_types_filter(run):
    result = run("extract", "-", "--format", "jsonl", "--types", "percent", input="Tăng trưởng đạt 7,5%, thu 27 tỷ đồng.")
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    doc = json.loads(lines[0])
    assert doc["source"] == "-"
    assert [(f["type"], f["value"]) for f in doc["facts"]] == [("percent", 7.5)]


def test_jsonl_is_default_when_piped(run):
    result = run("extract", SAMPLE)
    assert json.loads(result.stdout.splitlines()[0])["source"] == SAMPLE


def test_csv_has_a_row_per_fact(run):
    result = run("extract", SAMPLE, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and all(r["source"] == SAMPLE for r in rows)
    assert {"type", "text", "start", "end", "value", "currency", "rule"} <= set(rows[0])
    assert any(r["type"] == "money" and r["value"] == "1850000000" and r["currency"] == "USD" for r in rows)


def test_table_with_explain_names_rules(run):
    result = run("extract", SAMPLE, "--format", "table", "--explain")
    assert result.exit_code == 0
    assert "money.amount" in result.stdout and "percent.sign" in result.stdout


def test_published_option_overrides_the_detected_date(run):
    result = run("extract", SAMPLE, "-f", "json", "--published", "2024-12-11")
    doc = json.loads(result.stdout)
    assert doc["published"] == "2024-12-11"
    # "Chiều 10/12" resolves against the given reference
    assert any(f["text"] == "Chiều 10/12" and f["value"] == "2024-12-10" for f in doc["facts"])


def test_bad_published_is_usage_error(run):
    result = run("extract", SAMPLE, "--published", "10/12/2024")
    assert result.exit_code == 2


@pytest.mark.parametrize("make_bad,message", [
    (lambda d: d / "missing.txt", "no such file"),
    (lambda d: d, "is a directory"),
    (lambda d: _write(d / "bin.txt", b"\x00\x01\x02PK\x00"), "binary file"),
    (lambda d: _write(d / "latin.txt", "Ch\xe0o".encode("latin-1")), "cannot decode"),
])
def test_bad_input_is_one_line_and_others_still_processed(run, tmp_path, make_bad, message):
    bad = make_bad(tmp_path)
    result = run("extract", str(bad), SAMPLE, "--format", "jsonl")
    assert result.exit_code == 1
    assert json.loads(result.stdout.splitlines()[0])["source"] == SAMPLE
    err = result.stderr.strip().splitlines()
    assert len(err) == 1 and message in err[0] and str(bad) in err[0]
    assert "Traceback" not in result.stderr


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_rules_list_shows_ids(run):
    result = run("rules", "list")
    assert result.exit_code == 0
    assert "money.amount" in result.stdout and "quantity.count" in result.stdout


def test_rules_test_passes_on_shipped_rules(run):
    result = run("rules", "test")
    assert result.exit_code == 0
    assert "passed, 0 failed" in result.stderr


def test_python_dash_m_runs():
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "-m", "vnfacts", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and "vnfacts" in out.stdout


def test_readme_json_example_is_real(run):
    """The facts quoted in the README's output example are what the sample gives."""
    import re
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split('{"source": "samples/ngan-sach-tinh.txt"')[1].split("```")[0]
    quoted = json.loads('{"source": "samples/ngan-sach-tinh.txt"' + block)
    got = json.loads(run("extract", SAMPLE, "-f", "json").stdout)["facts"]
    for fact in quoted["facts"]:
        assert fact in got
    assert re.search(r"pip install \. && vnfacts extract samples/\S+\.txt", readme)


def test_legacy_encoding_detected_and_recorded(run, tmp_path):
    from vnfacts.input.encodings import tcvn3
    text = "Ủy ban nhân dân tỉnh đã chi hơn 27 tỷ đồng, đạt 104,65% kế hoạch năm 2023 cho người dân."
    path = tmp_path / "abc.txt"
    path.write_bytes(tcvn3.encode(text))
    doc = json.loads(run("extract", str(path), "-f", "json").stdout)
    assert doc["encoding"] == "tcvn3"
    assert [f["text"] for f in doc["facts"] if f["type"] == "money"] == ["hơn 27 tỷ đồng"]
    forced = json.loads(run("extract", str(path), "-f", "json", "--encoding", "ABC").stdout)
    assert forced["encoding"] == "tcvn3" and forced["facts"] == doc["facts"]


def test_unknown_encoding_is_a_usage_error(run):
    result = run("extract", SAMPLE, "--encoding", "klingon")
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_html_input_gives_article_text_and_its_date(run, tmp_path):
    page = tmp_path / "bai.html"
    page.write_text(
        '<html><head><meta property="article:published_time" content="2024-03-08T09:00:00+07:00">'
        "<script>var x = '99%';</script></head><body><nav>Trang chủ | 50% giảm giá</nav>"
        "<article><h1>Tỉnh chi 12 tỷ đồng</h1><p>Hôm qua, tỉnh giải ngân 12 tỷ đồng.</p></article>"
        "<footer>Liên hệ 0912.345.678</footer></body></html>", encoding="utf-8")
    doc = json.loads(run("extract", str(page), "-f", "json").stdout)
    assert doc["published"] == "2024-03-08"
    assert [(f["type"], f["value"]) for f in doc["facts"]] == [
        ("money", 12_000_000_000), ("date", "2024-03-07"), ("money", 12_000_000_000)]
