"""benchmarks/peers.py: peers scored like vnfacts, and a peer that cannot run is a row, not a crash.

The peers are stood in by small fakes here (dateparser is an optional extra; underthesea's
ner may need a model this machine cannot download); one test runs the script end to end.
"""
import doctest
import importlib.util
import json
import sys
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from vnfacts import Fact
from vnfacts.evaluate import GoldDoc, GoldFact

ROOT = Path(__file__).resolve().parents[1]
SPEC = importlib.util.spec_from_file_location("benchmarks_peers", ROOT / "benchmarks" / "peers.py")
peers = sys.modules.setdefault("benchmarks_peers", importlib.util.module_from_spec(SPEC))
SPEC.loader.exec_module(peers)

TEXT = "Sáng 4/1, ông Lê Văn Tám, Chủ tịch UBND tỉnh, cho biết thu đạt 104,65%."
DOC = GoldDoc("d1", TEXT, (
    GoldFact("date", "2024-01-04", "Sáng 4/1", {"grain": "day"}),
    GoldFact("official", "Lê Văn Tám", "ông Lê Văn Tám, Chủ tịch UBND tỉnh",
             {"name": "Lê Văn Tám", "titles": ["Chủ tịch UBND tỉnh"]}),
    GoldFact("percent", Decimal("104.65"), "104,65%", {"unit": "%"}),
), published="2024-01-05")


def fake_ner(line):
    tags = {"Lê Văn": "B-PER", "Tám": "I-PER"}
    return [(w, "N", "B-NP", tags.get(w, "O")) for w in ("Sáng", "4/1", "ông", "Lê Văn", "Tám", "Chủ tịch")]


def offline_ner(line):
    raise OSError("Could not download model: [Errno -3] Temporary failure in name resolution")


def nothing(doc):
    return []


def test_the_script_doctests_pass():
    result = doctest.testmod(peers)
    assert result.attempted >= 5 and result.failed == 0


def test_dateparser_hits_become_iso_values_anchored_on_published():
    seen = {}

    def search(text, languages, settings):
        seen.update(languages=languages, base=settings.get("RELATIVE_BASE"))
        return [("4/1", datetime(2024, 1, 4)), ("Chủ tịch", datetime(2024, 5, 1))]

    peer = peers.dateparser_peer(search=search, period_of=lambda piece, settings: "day")
    facts = peer.predict(DOC)
    assert seen == {"languages": ["vi"], "base": datetime(2024, 1, 5)}
    assert [(f.text, f.value, f.start) for f in facts] == [("4/1", "2024-01-04", 5), ("Chủ tịch", "2024-05-01", 26)]


def test_dateparser_not_installed_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "dateparser", None)
    peer = peers.dateparser_peer()
    assert peer.predict is None and peer.unavailable == "not installed (pip install -e '.[bench]')"


def test_ner_person_spans_become_official_names():
    peer = peers.underthesea_peer(ner=fake_ner)
    [fact] = peer.predict(DOC)
    assert (fact.type, fact.name, TEXT[fact.start:fact.end]) == ("official", "Lê Văn Tám", "Lê Văn Tám")


def test_ner_that_cannot_load_its_model_is_a_row_saying_so():
    peer = peers.underthesea_peer(ner=offline_ner)
    assert peer.predict is None
    assert peer.unavailable.startswith("underthesea.ner unavailable here (its model could not load: Could not download")
    rows = peers.compare([DOC], [peer], vnfacts=nothing)
    official = [r for r in rows if r.type == "official"]
    assert [(r.system, r.report is None) for r in official] == [("vnfacts", False), ("underthesea ner (PER)", True)]
    assert "unavailable here" in peers.markdown("gold", 1, rows)


def test_compare_scores_peers_on_their_types_and_says_no_peer_for_the_rest():
    date_peer = peers.dateparser_peer(search=lambda text, languages, settings: [("Sáng 4/1", datetime(2024, 1, 4))],
                                      period_of=lambda piece, settings: "day")
    rows = peers.compare([DOC], [date_peer, peers.underthesea_peer(ner=fake_ner)], vnfacts=nothing)
    table = {(r.type, r.system): r for r in rows}
    assert table[("date", "dateparser")].report.types["date"].tp == 1
    assert table[("official", "underthesea ner (PER)")].report.types["official"].tp == 1
    assert table[("date", "vnfacts")].report.types["date"].fn == 1
    assert table[("percent", "—")].note == peers.NO_PEER and table[("percent", "—")].report is None
    assert [r.type for r in rows] == ["date", "date", "official", "official", "percent", "percent"]


def test_script_runs_end_to_end_on_a_small_gold(tmp_path, capsys):
    row = {"id": "d1", "text": TEXT, "published": "2024-01-05", "facts": [
        {"type": "percent", "text": "104,65%", "value": 104.65, "unit": "%"},
        {"type": "date", "text": "Sáng 4/1", "value": "2024-01-04", "grain": "day"}]}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    assert peers.main([str(gold), "--format", "json"]) == 0
    [table] = json.loads(capsys.readouterr().out)
    rows = {(r["type"], r["system"]): r for r in table["rows"]}
    assert rows[("percent", "vnfacts")]["tp"] == 1 and rows[("percent", "—")]["note"] == peers.NO_PEER
    assert any(t == "date" and s.startswith("dateparser") for t, s in rows)


def test_bad_gold_exits_2(tmp_path, capsys):
    gold = tmp_path / "bad.jsonl"
    gold.write_text("{oops\n", encoding="utf-8")
    assert peers.main([str(gold)]) == 2
    assert f"peers: {gold}:1: invalid JSON" in capsys.readouterr().err
