"""User rule files: loading, overriding, and every kind of broken file reported clearly."""
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from vnfacts import Extractor, RuleError
from vnfacts.cli import main
from vnfacts.rules import load_ruleset

GOOD = """\
rules:
  - id: quantity.chiec-xe
    type: quantity
    pattern: '(?P<amount>{DIGITS})\\s*(?P<unit>chiếc\\s+xe)'
    priority: 70
    normalizer: quantity
    examples:
      - text: "12 chiếc xe"
        fact: {value: 12, unit: chiếc xe}
    negatives:
      - "chiếc xe thứ 12"
"""


def write(tmp_path: Path, body: str, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(RuleError) as info:
        load_ruleset([path], strict=True)
    return info.value.problems


def test_user_rule_is_used(tmp_path):
    ex = Extractor([write(tmp_path, GOOD)])
    facts = ex.extract("Công an thu giữ 12 chiếc xe.").facts
    assert [(f.rule, f.value, f.unit) for f in facts] == [("quantity.chiec-xe", 12, "chiếc xe")]


def test_user_rule_with_existing_id_replaces_shipped_one(tmp_path):
    body = GOOD.replace("quantity.chiec-xe", "quantity.count")
    ex = Extractor([write(tmp_path, body)])
    ids = [r.id for r in ex.ruleset.rules]
    assert ids.count("quantity.count") == 1
    assert ex.ruleset.by_id("quantity.count").path.name == "mine.yaml"
    # the shipped quantity.count is gone: a plain count of people is no longer found
    assert ex.extract("có 280 đại biểu").of_type("quantity") == []


def test_bad_yaml_names_the_line(tmp_path):
    path = write(tmp_path, "rules:\n  - id: x\n    pattern: [unclosed\n")
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:") and "invalid YAML" in problem


def test_unknown_key_suggests_the_right_one(tmp_path):
    path = write(tmp_path, GOOD.replace("    pattern:", "    paterns:"))
    problems = problems_of(path)
    assert any(f"{path}:4: rule quantity.chiec-xe: unknown key 'paterns' (did you mean 'pattern'?)" == p for p in problems)


def test_bad_regex(tmp_path):
    path = write(tmp_path, GOOD.replace("(?P<amount>{DIGITS})", "(?P<amount>{DIGITS}"))
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:4: rule quantity.chiec-xe: bad regex in pattern")


def test_undefined_sub_pattern(tmp_path):
    path = write(tmp_path, GOOD.replace("{DIGITS}", "{DIGITZ}"))
    [problem] = problems_of(path)
    assert problem == f"{path}:4: rule quantity.chiec-xe: undefined sub-pattern {{DIGITZ}} in pattern"


def test_rule_without_examples(tmp_path):
    body = GOOD.split("    examples:")[0]
    [problem] = problems_of(write(tmp_path, body))
    assert "rule quantity.chiec-xe: every rule needs at least one example" in problem


def test_all_problems_of_a_file_at_once(tmp_path):
    body = GOOD + GOOD.replace("quantity.chiec-xe", "b").replace("{DIGITS}", "{NOPE}").replace("priority: 70", "priority: high")
    body = body.replace("rules:\n", "", 1).replace("rules:\n", "")
    problems = problems_of(write(tmp_path, "rules:\n" + body + "extra: 1\n"))
    assert len(problems) == 3
    assert any("unknown key 'extra'" in p for p in problems)
    assert any("rule b: 'priority' must be an integer" in p for p in problems)
    assert any("rule b: undefined sub-pattern {NOPE}" in p for p in problems)


def test_unknown_normalizer(tmp_path):
    [problem] = problems_of(write(tmp_path, GOOD.replace("normalizer: quantity", "normalizer: quantify")))
    assert "unknown normalizer 'quantify'" in problem


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_check_reports_failing_example_with_exit_2(tmp_path):
    path = write(tmp_path, GOOD.replace("fact: {value: 12,", "fact: {value: 13,"))
    result = run("rules", "check", str(path))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"vnfacts: {path}:8: rule quantity.chiec-xe: example '12 chiếc xe'")
    assert "Traceback" not in result.stderr


def test_check_reports_failing_negative(tmp_path):
    path = write(tmp_path, GOOD.replace('"chiếc xe thứ 12"', '"bán 5 chiếc xe"'))
    result = run("rules", "check", str(path))
    assert result.exit_code == 2 and "negative 'bán 5 chiếc xe' gave" in result.stderr


def test_check_catches_catastrophic_backtracking(tmp_path):
    body = GOOD.replace("'(?P<amount>{DIGITS})\\s*(?P<unit>chiếc\\s+xe)'", "'(?P<amount>(?:1|11)+)y(?P<unit>chiếc\\s+xe)'")
    result = run("rules", "check", str(write(tmp_path, body)))
    assert result.exit_code == 2
    assert "rule quantity.chiec-xe: pattern backtracks catastrophically" in result.stderr


def test_check_accepts_a_good_file(tmp_path):
    result = run("rules", "check", str(write(tmp_path, GOOD)))
    assert result.exit_code == 0 and "ok: 1 rules" in result.stderr


def test_extract_with_broken_rules_exits_2_without_traceback(tmp_path):
    path = write(tmp_path, "rules: [")
    result = run("extract", "-", "--rules", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"vnfacts: {path}:") and "Traceback" not in result.stderr


def test_extract_with_rules_folder(tmp_path):
    write(tmp_path, GOOD, "a.yaml")
    result = CliRunner().invoke(main, ["extract", "-", "--rules", str(tmp_path), "-f", "jsonl"], input="Có 7 chiếc xe.")
    assert result.exit_code == 0 and '"quantity.chiec-xe"' in result.stdout


def test_missing_rule_file(tmp_path):
    result = run("extract", "-", "--rules", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2 and "no such rule file" in result.stderr


CONTEXT = """\
rules:
  - id: quantity.ghe
    type: quantity
    requires: 'ghế'
    prefix: '(?:(?P<qualifier>{QUALIFIER})\\s+)?(?<!số\\s)'
    pattern: '(?P<amount>{DIGITS})\\s*(?P<unit>ghế)'
    suffix: '\\s+nhựa'
    priority: 70
    normalizer: quantity
    examples:
      - text: "hơn 12 ghế nhựa"
        fact: {value: 12, unit: ghế, qualifier: more_than}
      - text: "12 ghế"
        fact: {value: 12, unit: ghế}
    negatives:
      - "phòng số 12 ghế"
"""


def test_prefix_suffix_and_requires(tmp_path):
    ex = Extractor([write(tmp_path, CONTEXT)], builtin=True)
    rule = ex.ruleset.by_id("quantity.ghe")
    assert rule.prefix is not None and rule.suffix is not None and rule.requires is not None
    [f] = [f for f in ex.extract("Trường nhận hơn 12 ghế nhựa mới.").facts if f.rule == "quantity.ghe"]
    assert (f.text, f.qualifier) == ("hơn 12 ghế nhựa", "more_than")
    # a prefix that cannot match refuses the match ("số 12" is a number, not a count)
    assert not [f for f in ex.extract("phòng số 12 ghế").facts if f.rule == "quantity.ghe"]
    problems = run("rules", "check", str(tmp_path / "mine.yaml"))
    assert problems.exit_code == 0, problems.stderr


def test_requires_skips_lines_without_it(tmp_path):
    body = CONTEXT.replace("requires: 'ghế'", "requires: 'bàn'").replace('      - text: "hơn 12 ghế nhựa"\n        fact: {value: 12, unit: ghế, qualifier: more_than}\n', "")
    body = body.replace('      - text: "12 ghế"\n        fact: {value: 12, unit: ghế}', '      - text: "12 ghế và bàn"\n        facts: [{text: "12 ghế", value: 12, unit: ghế}]')
    ex = Extractor([write(tmp_path, body)])
    assert [f.text for f in ex.extract("có 12 ghế và 3 bàn").facts if f.rule == "quantity.ghe"] == ["12 ghế"]
    assert not [f for f in ex.extract("có 12 ghế").facts if f.rule == "quantity.ghe"]


def test_bad_prefix_regex_is_reported(tmp_path):
    [problem] = problems_of(write(tmp_path, CONTEXT.replace("suffix: '\\s+nhựa'", "suffix: '(nhựa'")))
    assert "rule quantity.ghe: bad regex in suffix" in problem


def test_a_refused_prefix_tries_a_later_start():
    """official.name-first reads its name as a prefix; when the longest context is refused
    (a capitalized "Ông" mid-sentence), a shorter one that starts later is tried."""
    from vnfacts import extract
    doc = extract("Tại buổi làm việc, Ông Trần Minh Hải, Chánh Văn phòng UBND tỉnh báo cáo.")
    assert [f.name for f in doc.of_type("official")] == ["Trần Minh Hải"]
