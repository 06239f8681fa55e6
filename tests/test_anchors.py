"""`anchor`: a rule tried only where its anchor matches finds what a full scan finds."""
import dataclasses
from datetime import date
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from vnfacts import Extractor
from vnfacts.cli import main
from vnfacts.rules.match import candidates
from vnfacts.rules.selftest import anchor_miss
from vnfacts.text import TextView

ROOT = Path(__file__).resolve().parents[1]
_EXTRACTOR = Extractor()
ANCHORED = [rule for rule in _EXTRACTOR.ruleset.rules if rule.anchor is not None]


def _texts() -> list[str]:
    """Every article we wrote: the samples and the gold set's texts."""
    paths = sorted(ROOT.glob("samples/*.txt")) + sorted(ROOT.glob("samples/gold/texts/*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


TEXTS = _texts()


def test_the_speed_critical_rules_are_anchored():
    ids = {rule.id for rule in ANCHORED}
    assert {"money.amount", "percent.sign", "quantity.count", "official.title-first"} <= ids


@pytest.mark.parametrize("rule", ANCHORED, ids=[r.id for r in ANCHORED])
def test_anchor_covers_every_match_in_our_articles(rule):
    assert len(TEXTS) > 40
    assert anchor_miss(rule, TEXTS) is None


@pytest.mark.parametrize("rule", ANCHORED, ids=[r.id for r in ANCHORED])
def test_anchored_rule_gives_the_same_candidates_as_a_full_scan(rule):
    anchored = dataclasses.replace(_EXTRACTOR.ruleset, rules=(rule,))
    scanned = dataclasses.replace(anchored, rules=(dataclasses.replace(rule, anchor=None),))
    found = 0
    examples = [(ex.text, ex.published and date.fromisoformat(ex.published)) for ex in rule.examples]
    for text, published in [(text, date(2024, 1, 5)) for text in TEXTS] + examples:
        view = TextView(text)
        got = [c.fact for c in candidates(anchored, view, published)]
        assert got == [c.fact for c in candidates(scanned, view, published)]
        found += len(got)
    assert found > 0, f"{rule.id} found nothing to compare"


def test_a_wrong_anchor_is_reported_with_its_rule(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(textwrap.dedent("""\
        rules:
          - id: quantity.xe
            type: quantity
            anchor: 'chiếc'   # wrong: the match starts at the number
            pattern: '(?P<amount>{DIGITS})\\s*(?P<unit>chiếc\\s+xe)'
            examples:
              - text: "12 chiếc xe"
                fact: {value: 12, unit: chiếc xe}
        """), encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "check", str(path)])
    assert result.exit_code == 2
    assert "rule quantity.xe: anchor does not match where the pattern matches '12 chiếc xe'" in result.output
