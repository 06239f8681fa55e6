"""Every example and negative of every shipped rule is a test with its own id."""
import pytest

from vnfacts import Extractor
from vnfacts.rules.selftest import cases, check, probe

_EXTRACTOR = Extractor()
CASES = list(cases(_EXTRACTOR.ruleset))
MISSES = [c for c in cases(_EXTRACTOR.ruleset, misses=True) if c.kind == "miss"]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_case(case):
    problem = check(_EXTRACTOR, case)
    assert problem is None, f"{case.where}: {problem}"


@pytest.mark.parametrize("case", MISSES, ids=[c.id for c in MISSES])
@pytest.mark.xfail(strict=True, reason="a known miss (`misses:` in its rule file): a fix that makes it pass moves it to `examples:`")
def test_known_miss(case):
    problem = check(_EXTRACTOR, case)
    assert problem is None, f"{case.where}: {problem}"


def test_known_misses_are_collected():
    assert len(MISSES) >= 6, [c.id for c in MISSES]


@pytest.mark.parametrize("rule", _EXTRACTOR.ruleset.rules, ids=[r.id for r in _EXTRACTOR.ruleset.rules])
def test_rule_does_not_backtrack(rule):
    assert probe(rule) is None


def test_every_rule_has_examples():
    assert CASES, "no rule cases collected"
    for rule in _EXTRACTOR.ruleset.rules:
        assert rule.examples, rule.id


def test_shipped_rule_files_pass_the_strict_load():
    """Every named sub-pattern compiles on its own (ordinary loads skip this check)."""
    from vnfacts.rules import load_ruleset
    assert load_ruleset(strict=True).rules
