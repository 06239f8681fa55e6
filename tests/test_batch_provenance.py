"""Issue 17: what a batch output says of itself (encoding, OUT.manifest.json), the refusal to
overwrite or to resume with other options, and JSON Lines articles on standard input."""
import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from vnfacts.cli import main

SCHEMA = Path(__file__).resolve().parents[1] / "schema"
MANIFEST = json.loads((SCHEMA / "local-manifest.schema.json").read_text(encoding="utf-8"))
ERROR = json.loads((SCHEMA / "error.schema.json").read_text(encoding="utf-8"))


@pytest.fixture()
def run():
    def _run(*args, input=None):
        return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)
    return _run


@pytest.fixture()
def news(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Huyện chi 7 tỷ đồng cho 120 hộ nghèo.", encoding="utf-8")
    (folder / "b.txt").write_bytes("Giá trị xuất khẩu tăng 6,5%.".encode("utf-16"))
    return folder


def test_batch_records_carry_the_encoding_as_extract_does(run, news, tmp_path):
    records = [json.loads(line) for line in run("batch", news, "-q", "-j", 1).stdout.splitlines()]
    assert [r["encoding"] for r in records] == ["utf-8", "utf-16"]
    single = json.loads(run("extract", news / "b.txt", "-f", "json").stdout)
    assert single["encoding"] == records[1]["encoding"] and single["facts"] == records[1]["facts"]


def test_a_local_run_writes_its_manifest_beside_the_output(run, news, tmp_path):
    out = tmp_path / "facts.jsonl"
    result = run("batch", news, "-o", out, "-q", "--types", "money,percent")
    manifest = json.loads((tmp_path / "facts.jsonl.manifest.json").read_text(encoding="utf-8"))
    jsonschema.validate(manifest, MANIFEST)
    assert result.exit_code == 0 and manifest["complete"] is True and manifest["finished"] >= manifest["started"]
    assert manifest["run"]["types"] == ["money", "percent"] and manifest["run"]["inputs"] == [str(news)]
    assert manifest["run"]["ruleset"].startswith("sha256:") and manifest["run"]["vnfacts"]
    assert manifest["documents"] == 2 and manifest["facts"] == {"money": 1, "percent": 1}


def test_an_existing_output_is_refused_without_resume_or_overwrite(run, news, tmp_path):
    out = tmp_path / "facts.jsonl"
    out.write_text('{"source": "old.txt", "facts": []}\n', encoding="utf-8")
    refused = run("batch", news, "-o", out, "-q")
    assert refused.exit_code == 2 and "--resume" in refused.stderr and "--overwrite" in refused.stderr
    assert out.read_text(encoding="utf-8") == '{"source": "old.txt", "facts": []}\n'  # untouched
    replaced = run("batch", news, "-o", out, "-q", "--overwrite")
    assert replaced.exit_code == 0 and "old.txt" not in out.read_text(encoding="utf-8")
    both = run("batch", news, "-o", out, "-q", "--overwrite", "--resume")
    assert both.exit_code == 2 and "exclude each other" in both.stderr


@pytest.mark.parametrize("second", [["--types", "money"], ["--rules", "RULES"]])
def test_resume_refuses_other_types_or_rules(run, news, tmp_path, second):
    rules = tmp_path / "mine.yaml"
    rules.write_text("rules:\n  - id: quantity.tau\n    type: quantity\n    normalizer: quantity\n"
                     "    pattern: '(?P<amount>\\d+)\\s*(?P<unit>đoàn tàu)'\n"
                     "    examples:\n      - text: 3 đoàn tàu\n        fact: {value: 3, unit: đoàn tàu}\n",
                     encoding="utf-8")
    out = tmp_path / "facts.jsonl"
    assert run("batch", news / "a.txt", "-o", out, "-q").exit_code == 0
    args = [str(rules) if a == "RULES" else a for a in second]
    refused = run("batch", news, "-o", out, "-q", "--resume", *args)
    assert refused.exit_code == 2 and "was written with other " + second[0] in refused.stderr
    resumed = run("batch", news, "-o", out, "-q", "--resume")
    assert resumed.exit_code == 0 and len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_a_resumed_manifest_counts_the_whole_file_and_keeps_its_start(run, news, tmp_path):
    out = tmp_path / "facts.jsonl"
    run("batch", news / "a.txt", "-o", out, "-q")
    first = json.loads((tmp_path / "facts.jsonl.manifest.json").read_text(encoding="utf-8"))
    run("batch", news, "-o", out, "-q", "--resume")
    second = json.loads((tmp_path / "facts.jsonl.manifest.json").read_text(encoding="utf-8"))
    assert second["started"] == first["started"] and second["documents"] == 2
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sum(len(r["facts"]) for r in records) == sum(second["facts"].values())


def test_stdout_and_devices_get_no_manifest_and_no_refusal(run, news, tmp_path):
    assert run("batch", news, "-q", "-o", "/dev/null").exit_code == 0
    assert run("batch", news, "-q", "-o", "/dev/null").exit_code == 0
    assert not list(tmp_path.glob("*.manifest.json"))


def test_stdin_jsonl_reads_articles_and_paths_stays_the_default(run, news):
    dump = ('{"id": "vn-1", "body": "Tỉnh chi 3 tỷ đồng.", "ngay": "2024-05-02"}\n'
            '{"body": "Tăng 4%."}\n{oops\n')
    result = run("batch", "-", "--stdin", "jsonl", "--text-field", "body", "--published-field", "ngay", "-q",
                 input=dump)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == ["vn-1", "-:2", "-:3"] and result.exit_code == 1
    assert records[0]["published"] == "2024-05-02" and records[0]["facts"][0]["value"] == 3_000_000_000
    jsonschema.validate(records[2], ERROR)
    assert records[2]["error"]["kind"] == "bad_json"
    paths = run("batch", "-", "-q", input=f"{news / 'a.txt'}\n")
    assert [json.loads(line)["source"] for line in paths.stdout.splitlines()] == [str(news / "a.txt")]


def test_stdin_jsonl_is_for_local_runs(run):
    result = run("batch", "-", "--stdin", "jsonl", "-o", "out/", "--scheduler", "local:1", input="")
    assert result.exit_code == 2 and "--stdin jsonl is for local runs" in result.stderr


def test_an_extract_error_object_follows_the_error_schema(run, tmp_path):
    data = json.loads(run("extract", tmp_path / "nope.txt", tmp_path / "nope2.txt", "-f", "json").stdout)
    for item in data:
        jsonschema.validate(item, ERROR)
