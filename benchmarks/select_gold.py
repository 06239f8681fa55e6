"""Choose the real articles of the frozen and tuning gold splits by a fixed rule.

The rule (never changed after the splits were annotated, so the choice cannot follow the
rules' strengths):

1. Every article of ../shared/corpus/news of at most 6,000 characters that is in no older
   gold set (benchmarks/gold-real.jsonl, benchmarks/gold-heldout.jsonl).
2. Each goes to the first stratum it fits, tried in this order:
   - ``world``: category world (diplomacy and world news);
   - ``police-courts``: at least two of the police and court words below;
   - ``business``: category business;
   - ``health``: category health;
   - ``education``: category education;
   - ``provincial``: category society and a provincial body (UBND, HĐND, Sở, tỉnh ủy) named.
3. Within a stratum, articles are ordered by sha256("vnfacts-gold-2026:" + file name); the
   first 14 are taken. Of those, the 1st, 3rd, 5th, ... (7 per stratum, 42 in all) form the
   *frozen* split, annotated before any rule change and never tuned on; the others form
   the *tuning* split.

    python benchmarks/select_gold.py            # prints: split, stratum, file
"""
from __future__ import annotations

import csv
import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus" / "news"
OLDER_GOLD = (HERE / "gold-real.jsonl", HERE / "gold-heldout.jsonl")
MAX_CHARS = 6000
PER_STRATUM = 14
POLICE_COURT_WORDS = ("công an", "tòa án", "toà án", "xét xử", "bị cáo", "khởi tố",
                      "cơ quan điều tra", "viện kiểm sát", "tạm giam", "bắt giữ")
PROVINCIAL_WORDS = ("ubnd", "hđnd", "sở ", "tỉnh ủy", "tỉnh uỷ")


def stratum(category: str, text: str) -> str | None:
    """The stratum an article belongs to, or None.

    >>> stratum("world", "")
    'world'
    >>> stratum("society", "Công an huyện đã khởi tố vụ án.")
    'police-courts'
    >>> stratum("society", "UBND tỉnh họp.")
    'provincial'
    >>> stratum("sport", "") is None
    True
    """
    low = text.lower()
    if category == "world":
        return "world"
    if sum(word in low for word in POLICE_COURT_WORDS) >= 2:
        return "police-courts"
    if category in ("business", "health", "education"):
        return category
    if category == "society" and any(word in low for word in PROVINCIAL_WORDS):
        return "provincial"
    return None


def choose(corpus: Path = CORPUS) -> list[tuple[str, str, str]]:
    """(split, stratum, file name) for every chosen article, frozen split first."""
    older = {json.loads(line)["id"] for path in OLDER_GOLD if path.exists()
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    strata: dict[str, list[str]] = {}
    with open(corpus / "INDEX.tsv", encoding="utf-8") as index:
        for row in csv.DictReader(index, delimiter="\t"):
            name = row["file"]
            text = (corpus / name).read_text(encoding="utf-8")
            if name.removesuffix(".txt") in older or len(text) > MAX_CHARS:
                continue
            group = stratum(row["category"], text)
            if group:
                strata.setdefault(group, []).append(name)
    chosen = []
    for group, names in sorted(strata.items()):
        names.sort(key=lambda n: hashlib.sha256(f"vnfacts-gold-2026:{n}".encode()).hexdigest())
        for i, name in enumerate(names[:PER_STRATUM]):
            chosen.append(("frozen" if i % 2 == 0 else "tune", group, name))
    return sorted(chosen, key=lambda row: (row[0] != "frozen", row[1], row[2]))


if __name__ == "__main__":
    if not CORPUS.is_dir():
        sys.exit(f"select_gold: no corpus at {CORPUS}")
    for row in choose():
        print("\t".join(row))
