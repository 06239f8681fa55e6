"""Hostile and broken input: a clear error or a bounded result, never a hang or a traceback."""
import json

import pytest
from click.testing import CliRunner

from vnfacts import Extractor, extract
from vnfacts.cli import main
from vnfacts.errors import RuleTimeout


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_empty_file_gives_an_empty_document(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("extract", str(empty), "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["facts"] == []


def test_oversized_file_is_refused_with_one_line(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # 30 MB on one line
        fh.write(("Thu 27 tỷ đồng " * 2_000_000).encode("utf-8")[: 30 * 1024 * 1024])
    result = run("extract", str(big), "-f", "jsonl")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "larger than" in result.stderr and str(big) in result.stderr


@pytest.mark.parametrize("text", [
    "Giá trị " + "7" * 200_000 + " đồng",       # a 200,000-digit number
    "%" * 200_000,
    "1." * 100_000,
    "ba " * 30_000,
    "(" * 100_000 + "27 tỷ đồng",
    "\n" * 100_000,
])
def test_degenerate_input_gives_a_bounded_sound_result(text):
    doc = extract(text)
    assert all(doc.text[f.start:f.end] == f.text for f in doc.facts)
    assert not [f for f in doc.facts if f.type in ("money", "quantity") and len(str(f.value)) > 30]


RUNAWAY = """\
rules:
  - id: quantity.runaway
    type: quantity
    pattern: '(?P<amount>(?:a|aa)+)b(?P<unit>x)'
    normalizer: quantity
    examples:
      - text: "aab x"
        fact: {value: 1, unit: x}
"""


def test_runaway_user_rule_is_refused_at_load(tmp_path):
    path = tmp_path / "runaway.yaml"
    path.write_text(RUNAWAY, encoding="utf-8")
    result = run("extract", "-", "--rules", str(path), input="aaaa")
    assert result.exit_code == 2
    assert "rule quantity.runaway: pattern backtracks catastrophically" in result.stderr


def test_runaway_rule_on_a_document_stops_with_its_name(tmp_path, monkeypatch):
    import vnfacts.rules.match
    monkeypatch.setattr(vnfacts.rules.match, "RULE_TIMEOUT", 0.05)
    path = tmp_path / "runaway.yaml"
    path.write_text(RUNAWAY, encoding="utf-8")
    ex = Extractor([path])
    with pytest.raises(RuleTimeout, match="quantity.runaway"):
        ex.extract("a" * 60 + "c")


def test_control_characters_inside_a_name_do_not_crash():
    """Found by the fuzzer: str.split() and the regex \\S+ disagree on \\x1c-\\x1f."""
    doc = extract("Thị T\x1fn Giám đốc")
    assert all(doc.text[f.start:f.end] == f.text for f in doc.facts)
