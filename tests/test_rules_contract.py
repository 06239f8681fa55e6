"""Rule files against their normalizers' contracts, keyed lexicons as the one source of word
data, and the rule-writing conveniences (defaults, texts, misses, inherited anchors)."""
from __future__ import annotations

import regex
import pytest

from vnfacts import Extractor, RuleError
from vnfacts.normalize import BUILTIN
from vnfacts.rules import cached_ruleset, load_ruleset
from vnfacts.rules.loader import FLAGS
from vnfacts.text import fold_for_matching

SHIPPED = cached_ruleset()


def _load(tmp_path, text: str, name: str = "x.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_ruleset([path], strict=True), path


# -- contracts ---------------------------------------------------------------------------------

def test_a_misspelt_group_is_refused_with_the_name_it_meant(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("""rules:
  - id: money.typo
    type: money
    pattern: '(?P<ammount>\\d+)\\s*(?P<currency>đồng)'
    examples: [{text: "5 đồng", fact: {value: 5, currency: VND}}]
""", encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_ruleset([path])
    assert f"{path}:4: rule money.typo: group 'ammount' is not read by normalizer 'money' (did you mean 'amount'?)" \
        in err.value.problems
    assert f"{path}:4: rule money.typo: normalizer 'money' needs a group 'amount' in the pattern" in err.value.problems


def test_a_group_of_the_patterns_own_is_allowed(tmp_path):
    ruleset, _ = _load(tmp_path, """rules:
  - id: date.own
    type: date
    pattern: '(?P<day>\\d\\d)(?P<_sep>[.])(?P<month>\\d\\d)(?P=_sep)(?P<year>20\\d\\d)'
    examples: [{text: "05.06.2024", fact: {value: "2024-06-05", grain: day}}]
""")
    assert ruleset.by_id("date.own").compiled.groupindex.keys() >= {"_sep"}


def test_the_cli_refuses_a_misspelt_group_with_exit_2(tmp_path):
    from click.testing import CliRunner
    from vnfacts.cli import main
    path = tmp_path / "x.yaml"
    path.write_text("rules:\n  - id: percent.x\n    type: percent\n    pattern: '(?P<amout>\\d+)%'\n"
                    "    examples: [{text: '5%', fact: {value: 5, unit: '%'}}]\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "check", str(path)])
    assert result.exit_code == 2
    assert "group 'amout' is not read by normalizer 'percent' (did you mean 'amount'?)" in result.output


def test_every_shipped_rule_meets_its_normalizers_contract():
    by_name = {n.name: n for n in BUILTIN}
    for rule in SHIPPED.rules:
        normalizer = by_name[rule.normalizer]
        groups = {g for p in (rule.compiled, rule.prefix, rule.suffix) if p is not None for g in p.groupindex}
        assert {g for g in groups if not g.startswith("_")} <= set(normalizer.reads), rule.id
        assert set(normalizer.required) <= groups, rule.id


def test_every_normalizer_declares_lexicons_that_exist_and_fields_of_the_contract():
    from vnfacts.model import Fact
    from dataclasses import fields
    known = {f.name for f in fields(Fact)}
    for normalizer in BUILTIN:
        assert set(normalizer.lexicons) <= set(SHIPPED.lexicons), normalizer.name
        assert set(normalizer.returns) <= known, normalizer.name
        assert normalizer.summary, normalizer.name


def test_normalizers_return_only_the_fields_they_declare():
    """Every fact of the rule examples carries declared fields only (before the people stage,
    which turns people named as officials into officials)."""
    from vnfacts.extractor import DEFAULT_STAGES
    from vnfacts.rules.selftest import cases
    ex = Extractor(stages=[s for s in DEFAULT_STAGES if s.__name__ != "people"])
    by_rule = {r.id: SHIPPED.normalizers[r.normalizer] for r in SHIPPED.rules}
    core = {"type", "text", "start", "end", "rule"}
    for case in cases(SHIPPED):
        for fact in ex.extract(case.item.text, published=case.item.published).facts:
            extra = set(fact.to_dict()) - core - set(by_rule[fact.rule].returns)
            assert not extra, (fact.rule, extra)


# -- lexicons: one source, folded tries --------------------------------------------------------

def test_every_lexicon_surface_matches_its_own_pattern_in_folded_text():
    """A surface written the old way ("Uỷ viên", "Hoà Bình", "Bà Rịa – Vũng Tàu") is matched:
    the tries are built from folded surfaces, as the text is folded before matching."""
    for name, lexicon in SHIPPED.lexicons.items():
        pattern = regex.compile(lexicon.pattern(), FLAGS)
        for surface in lexicon.forms:
            assert pattern.fullmatch(fold_for_matching(surface)), (name, surface)


@pytest.mark.parametrize("text,fact_type,value", [
    ("Ông Lê Văn A, Uỷ viên Ban Thường vụ Tỉnh uỷ", "official", "Lê Văn A"),
    ("tỉnh Hoà Bình", "location", "Hòa Bình"),
    ("tỉnh Bà Rịa – Vũng Tàu", "location", "Bà Rịa - Vũng Tàu"),
])
def test_old_style_surfaces_are_found(text, fact_type, value):
    assert value in [f.value for f in Extractor().extract(text).of_type(fact_type)]


def test_the_shipped_lexicons_load_without_warnings():
    assert SHIPPED.warnings == ()


def test_a_surface_given_two_keys_is_a_load_warning(tmp_path):
    ruleset, path = _load(tmp_path, "lexicons:\n  FRUIT: {apple: [táo], pear: [lê, táo]}\n")
    assert ruleset.warnings == (f"{path}:2: lexicon FRUIT: surface 'táo' is given for keys apple and pear: "
                                f"only pear can be found",)


def test_number_words_come_from_the_lexicons(tmp_path):
    """A scale word added to SCALE_WORD is matched by the rules and valued by the normalizer."""
    path = tmp_path / "k.yaml"
    path.write_text("lexicons:\n  SCALE_WORD: {1000: [nghìn, ngàn, k], 1000000: [triệu], 1000000000: [tỷ]}\n",
                    encoding="utf-8")
    doc = Extractor(rules=[path]).extract("Giá vé 50k đồng.")
    assert [(f.text, f.value, f.currency) for f in doc.of_type("money")] == [("50k đồng", 50000, "VND")]
    assert not Extractor().extract("Giá vé 50k đồng.").of_type("money")


@pytest.mark.parametrize("text,value", [
    ("ngày 2 tháng Chín năm 1945", "1945-09-02"),  # a spelled month is solar unless said lunar
    ("ngày 5 tháng Mười Hai âm lịch năm Quý Mão", "2024-01-15"),  # not cut to "tháng Mười"
    ("tháng Bốn âm lịch", "2024-05-08/2024-06-05"),  # a lunar month, not a quantity
    ("sáng 23 tháng Chạp", "2024-02-02"),
])
def test_the_drift_cases_give_the_right_dates(text, value):
    doc = Extractor().extract(f"Hôm đó, {text}, mọi người có mặt.", published="2024-01-10")
    assert [f.value for f in doc.of_type("date")] == [value]
    assert not doc.of_type("quantity")


# -- writing rules -----------------------------------------------------------------------------

def test_defaults_texts_misses_and_an_inherited_anchor(tmp_path):
    ruleset, _ = _load(tmp_path, """patterns:
  BOX_COUNT:
    pattern: '(?P<amount>\\d+)\\s*(?P<unit>hộp)'
    anchor: '\\d'
defaults: {type: quantity, priority: 90}
rules:
  - id: quantity.boxes
    pattern: '{BOX_COUNT}'
    examples:
      - texts: ["3 hộp", "3hộp"]
        fact: {value: 3, unit: hộp}
    misses:
      - text: "ba hộp"
        fact: {value: 3, unit: hộp}
  - id: quantity.crates
    type: quantity
    priority: 10
    pattern: '(?P<amount>\\d+)\\s*(?P<unit>thùng)'
    examples: [{text: "2 thùng", fact: {value: 2, unit: thùng}}]
""")
    boxes, crates = ruleset.by_id("quantity.boxes"), ruleset.by_id("quantity.crates")
    assert (boxes.type, boxes.priority, crates.priority) == ("quantity", 90, 10)
    assert [e.text for e in boxes.examples] == ["3 hộp", "3hộp"]
    assert [e.text for e in boxes.misses] == ["ba hộp"]
    assert boxes.anchor is not None and boxes.anchor.pattern == "(?:\\d)" and crates.anchor is None


def test_a_pattern_opening_with_two_references_inherits_the_first_ones_anchor(tmp_path):
    """'{SEP}{TAIL}' starts with SEP's matches: a following reference is not a quantifier."""
    ruleset, _ = _load(tmp_path, """patterns:
  SEP:
    pattern: '\\s*,\\s*'
    anchor: ','
  TAIL: '(?P<amount>\\d+)\\s*(?P<unit>hộp)'
rules:
  - id: quantity.after-comma
    type: quantity
    pattern: '{SEP}{TAIL}'
    examples: [{text: ", 3 hộp", fact: {value: 3, unit: hộp}}]
  - id: quantity.repeated
    type: quantity
    pattern: '{SEP}{2}{TAIL}'
    examples: [{text: ",, 3 hộp", fact: {value: 3, unit: hộp}}]
""")
    assert ruleset.by_id("quantity.after-comma").anchor.pattern == "(?:,)"
    assert ruleset.by_id("quantity.repeated").anchor is None  # {2} repeats SEP: not a reference
    assert SHIPPED.by_id("official.name-first").anchor is not None  # '{NAME_SEP}{TITLE_SEQ}'


def test_an_unknown_default_is_refused(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("defaults: {pattern: 'x'}\nrules: []\n", encoding="utf-8")
    with pytest.raises(RuleError, match="defaults: 'pattern' cannot be a default"):
        load_ruleset([path])


def test_examples_need_not_repeat_a_name_equal_to_the_value():
    from vnfacts.rules.selftest import Case, check
    from vnfacts.rules.model import Example
    rule = SHIPPED.by_id("official.title-first")
    case = Case(rule, Example("Bộ trưởng Bộ Y tế Đào Hồng Lan", ({"value": "Đào Hồng Lan", "titles": ["Bộ trưởng Bộ Y tế"],
                                                                "organization": "Bộ Y tế", "sector": "state"},), True, 1))
    assert check(Extractor(), case) is None


# -- the pipeline ------------------------------------------------------------------------------

def test_the_pipeline_is_an_explicit_tuple_of_stages():
    from vnfacts.extractor import DEFAULT_STAGES
    ex = Extractor()
    assert ex.stages == DEFAULT_STAGES
    assert [s.__name__ for s in ex.stages] == ["publication_date", "byline", "match_rules", "date_context",
                                               "resolve_stage", "people"]
    text = "Ông Lê Văn Tám, Chủ tịch UBND xã, phát biểu. Ông Tám nói.\nHữu Lương"
    without_people = Extractor(stages=[s for s in DEFAULT_STAGES if s.__name__ != "people"]).extract(text)
    assert "people" not in without_people.meta and "people" in ex.extract(text).meta
    # the people stage gives the short mention its person's full name, and makes it an official
    assert [(f.type, f.name) for f in without_people.facts if f.type in ("official", "person")][-1] == ("person", "Tám")
    assert [(f.type, f.name) for f in ex.extract(text).facts if f.type in ("official", "person")][-1] == \
        ("official", "Lê Văn Tám")


def test_the_rule_set_cannot_be_changed():
    with pytest.raises((AttributeError, TypeError)):
        SHIPPED.rules = ()
    with pytest.raises(TypeError):
        SHIPPED.lexicons["X"] = None


def test_the_readme_rule_file_example_loads_and_proves_itself(tmp_path):
    """The rule guide's example is a real rule file: its examples pass, its miss fails."""
    from pathlib import Path
    from vnfacts.rules.selftest import cases, check
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Writing a rule file")[1].split("```yaml\n")[1].split("```")[0]
    path = tmp_path / "vehicles.yaml"
    path.write_text(block, encoding="utf-8")
    ex = Extractor(rules=[path])
    mine = [c for c in cases(ex.ruleset, misses=True) if c.rule.id == "quantity.vehicles"]
    assert {c.kind for c in mine} == {"example", "negative", "miss"}
    assert ex.ruleset.by_id("quantity.vehicles").anchor is not None  # inherited from VEHICLE_COUNT
    for case in mine:
        assert (check(ex, case) is None) == (case.kind != "miss"), case.id


def test_rules_normalizers_lists_every_declared_contract():
    import json
    from click.testing import CliRunner
    from vnfacts.cli import main
    result = CliRunner().invoke(main, ["rules", "normalizers", "--format", "json"])
    assert result.exit_code == 0
    rows = {row["name"]: row for row in json.loads(result.output)}
    assert set(rows) == {n.name for n in BUILTIN}
    assert rows["money"]["required"] == ["amount", "currency"]
    assert "CURRENCY" in rows["money"]["lexicons"] and "currency" in rows["money"]["returns"]
    table = CliRunner().invoke(main, ["rules", "normalizers"], env={"COLUMNS": "200"})
    assert table.exit_code == 0 and "amount* currency*" in table.output


def test_rules_check_prints_a_lexicon_warning(tmp_path):
    from click.testing import CliRunner
    from vnfacts.cli import main
    path = tmp_path / "w.yaml"
    path.write_text("lexicons:\n  FRUIT: {apple: [táo], pear: [táo]}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "check", str(path)])
    assert result.exit_code == 0
    assert f"vnfacts: warning: {path}:2: lexicon FRUIT: surface 'táo' is given for keys apple and pear" in result.output


def test_a_normalizer_sees_only_the_lexicons_it_declares():
    """Reading an undeclared lexicon fails at once (KeyError), so declarations stay true."""
    for normalizer in BUILTIN:
        seen = SHIPPED.lexicons_for(normalizer)
        assert set(seen) == set(normalizer.all_lexicons) & set(SHIPPED.lexicons), normalizer.name
    money = SHIPPED.normalizers["money"]
    assert "DIGIT_WORD" in money.all_lexicons  # through Numerals.from_lexicons
    with pytest.raises(KeyError):
        SHIPPED.lexicons_for(money)["TITLE"]


def test_the_byline_names_no_person_organization_or_place():
    doc = Extractor().extract("Tỉnh đã chi 27 tỷ đồng cho dự án.\nTrường Thịnh - Hoài An")
    assert doc.meta["authors"] == ["Trường Thịnh", "Hoài An"]
    assert not [f for f in doc.facts if f.type in ("official", "person", "organization", "location")]
