"""The on-disk cache of compiled patterns: same rules as a fresh compile, and nothing unsafe read."""
import os
import pickle
import subprocess
import sys

import pytest
import regex

from vnfacts import Extractor
from vnfacts.errors import RuleError
from vnfacts.rules.loader import FLAGS, load_ruleset
from vnfacts.rules.pattern_cache import PatternCache, cache_dir

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PATTERN_KEYS = ("compiled", "prefix", "suffix", "requires", "anchor")


def compiled_of(ruleset):
    return {(rule.id, key): (getattr(rule, key).pattern, getattr(rule, key).flags)
            for rule in ruleset.rules for key in PATTERN_KEYS if getattr(rule, key) is not None}


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("VNFACTS_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_rules_loaded_from_the_cache_are_the_rules_compiled_afresh(folder):
    fresh = load_ruleset(cache=False)
    assert not folder.exists()
    first = load_ruleset()  # compiles and saves
    assert len(list(folder.glob("patterns-*.pickle"))) == 1
    second = load_ruleset()  # reads
    assert compiled_of(second) == compiled_of(fresh) == compiled_of(first)
    text = (ROOT / "samples" / "ngan-sach-tinh.txt").read_text(encoding="utf-8")
    cached, uncached = Extractor(ruleset=second).extract(text), Extractor(ruleset=fresh).extract(text)
    assert cached.to_dict() == uncached.to_dict() and len(cached.facts) > 10


def test_a_second_load_compiles_nothing_and_a_changed_rule_set_gets_its_own_file(folder):
    first = PatternCache.for_sources([b"rules v1"], folder=folder)
    first.compile(r"(?P<amount>\d+)\s+tỷ", FLAGS)
    assert first.compiled == 1
    first.save()
    again = PatternCache.for_sources([b"rules v1"], folder=folder)
    assert again.compile(r"(?P<amount>\d+)\s+tỷ", FLAGS).match("12 TỶ").group("amount") == "12"
    assert again.compiled == 0
    other = PatternCache.for_sources([b"rules v2"], folder=folder)
    assert other.path != first.path and other.patterns == {}


def test_a_corrupt_or_foreign_file_is_compiled_over_never_executed(folder, tmp_path):
    cache = PatternCache.for_sources([b"rules"], folder=folder)
    folder.mkdir()
    cache.path.write_bytes(b"\x80\x05not a pickle at all")
    assert PatternCache.for_sources([b"rules"], folder=folder).patterns == {}
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    cache.path.write_bytes(pickle.dumps({("x", 0): Evil()}))
    reread = PatternCache.for_sources([b"rules"], folder=folder)
    assert reread.patterns == {} and not marker.exists()
    reread.compile("x+", FLAGS)
    reread.save()  # replaced by a good file
    assert PatternCache.for_sources([b"rules"], folder=folder).compile("x+", FLAGS).pattern == "x+"


def test_a_bad_pattern_is_reported_with_the_cache_on(folder, tmp_path):
    rule_file = tmp_path / "bad.yaml"
    rule_file.write_text("rules:\n  - id: t.bad\n    type: quantity\n    pattern: '(?P<amount>\\d+'\n"
                         "    examples: ['12']\n", encoding="utf-8")
    for _ in range(2):  # the failed compile is not cached: the second load fails alike
        with pytest.raises(RuleError, match="bad regex"):
            load_ruleset([rule_file])


def test_turned_off_or_unwritable_it_only_compiles(monkeypatch, tmp_path):
    monkeypatch.setenv("VNFACTS_NO_CACHE", "1")
    assert cache_dir() is None and PatternCache.for_sources([b"r"]).path is None
    monkeypatch.delenv("VNFACTS_NO_CACHE")
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    cache = PatternCache.for_sources([b"r"], folder=blocked / "cache")
    cache.compile("a", FLAGS)
    cache.save()  # cannot create the folder: no error, nothing written
    assert not (blocked / "cache").exists()


def test_old_rule_sets_files_are_pruned(folder):
    for version in range(12):
        cache = PatternCache.for_sources([f"rules {version}".encode()], folder=folder)
        cache.compile(f"a{version}", FLAGS)
        cache.save()
    assert len(list(folder.glob("patterns-*.pickle"))) == 8


def test_the_cli_fills_the_cache_once_and_gives_the_same_facts(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Ngày 3-2-2025, tỉnh chi 27 tỷ đồng, tăng 4,5% so với năm trước.\n", encoding="utf-8")
    env = dict(os.environ, VNFACTS_CACHE_DIR=str(tmp_path / "c"))
    runs = [subprocess.run([sys.executable, "-m", "vnfacts", "extract", str(article), "-f", "json"],
                           env=env, capture_output=True, text=True, check=True) for _ in range(2)]
    off = subprocess.run([sys.executable, "-m", "vnfacts", "extract", str(article), "-f", "json"],
                         env=dict(env, VNFACTS_NO_CACHE="1"), capture_output=True, text=True, check=True)
    assert runs[0].stdout == runs[1].stdout == off.stdout and '"27000000000"' not in runs[0].stdout
    assert "27000000000" in runs[0].stdout
    assert len(list((tmp_path / "c").glob("patterns-*.pickle"))) == 1
