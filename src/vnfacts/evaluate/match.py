"""Match one document's predictions to its gold facts.

A prediction matches a gold fact of the same type with the same key:

- date: `value` (ISO text); percent: `value`; money: `value` and `currency`;
  quantity: `value` and `unit`; official: `name`; any other type: `value`.
- Numbers compare exactly: 104.65 in the gold equals `Decimal('104.65')` predicted.
- Words (units, names, titles) compare folded: NFC, case, spacing and the place of the tone
  mark ("Uỷ"/"Ủy", "hoà"/"hòa") do not count.

One gold fact matches at most one prediction and the other way round. Among equal keys,
pairs are made closest first: the same offsets, the same text, then the prediction nearest
to where the gold text occurs. Unmatched predictions that overlap a text of the document's
`ignore` list count neither way. For officials, each gold title is looked for among the
titles of the prediction it matched (title recall).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Iterable, Sequence

import regex

from ..model import Fact
from .gold import GoldDoc, GoldFact

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
_EDGE = " \t\n,.;:–-"


def fold(text: str) -> str:
    """Text folded for comparison: case, spacing and tone-mark placement removed.

    >>> fold("Uỷ viên  Ban Thường vụ") == fold("ủy viên Ban thường vụ")
    True
    >>> fold("hoà") == fold("hòa"), fold("hòa") == fold("hoa")
    (True, False)
    """
    words = []
    for word in unicodedata.normalize("NFD", text.strip(_EDGE)).casefold().split():
        tones = "".join(c for c in word if c in _TONES)
        words.append("".join(c for c in word if c not in _TONES) + tones)
    return unicodedata.normalize("NFC", " ".join(words))


def number(value: Any) -> Decimal | None:
    """An exact Decimal for a number (int, Decimal, float by its shortest repr), else None.

    >>> number(104.65) == number(Decimal("104.65")) == Decimal("104.65")
    True
    >>> number("bảy"), number(True)
    (None, None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    try:
        return Decimal(repr(value) if isinstance(value, float) else str(value))
    except (InvalidOperation, ValueError):
        return None


def get(fact: Fact | GoldFact, key: str) -> Any:
    """A key of a gold fact or of a predicted `Fact`, None when absent."""
    if isinstance(fact, GoldFact):
        return fact.get(key)
    return getattr(fact, key, None)


def match_key(fact: Fact | GoldFact) -> tuple:
    """What must be equal for two facts of a type to match.

    >>> match_key(GoldFact("money", 27000000000, attrs={"currency": "vnd"}))
    ('money', Decimal('27000000000'), 'VND')
    >>> unit = lambda u: match_key(GoldFact("quantity", 3, attrs={"unit": u}))
    >>> unit("Lượt  Người") == unit("lượt người"), unit("người") == unit("hộ")
    (True, False)
    """
    ftype, value = fact.type, get(fact, "value")
    if ftype == "official":
        return (ftype, fold(str(get(fact, "name") or value or "")))
    if ftype == "date":
        return (ftype, _date_text(value))
    num = number(value)
    key = num if num is not None else fold(str(value))
    if ftype == "money":
        return (ftype, key, str(get(fact, "currency") or "").strip().upper())
    if ftype == "quantity":
        return (ftype, key, fold(str(get(fact, "unit") or "")))
    return (ftype, key)


def _date_text(value: Any) -> str:
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return text.strip().upper()


@dataclass
class DocMatch:
    """The outcome for one document: matched pairs, misses, false hits and ignored predictions."""

    doc: GoldDoc
    pairs: list[tuple[GoldFact, Fact]] = field(default_factory=list)
    misses: list[GoldFact] = field(default_factory=list)
    false_hits: list[Fact] = field(default_factory=list)
    ignored: list[Fact] = field(default_factory=list)
    failed: str | None = None

    def titles(self) -> tuple[int, int, list[tuple[GoldFact, str]]]:
        """Title recall of the matched officials: (found, gold titles, the titles not found)."""
        found, total, lost = 0, 0, []
        for gold, pred in self.pairs:
            if gold.type != "official":
                continue
            have = {fold(t) for t in (get(pred, "titles") or ())}
            for title in get(gold, "titles") or ():
                total += 1
                if fold(title) in have:
                    found += 1
                else:
                    lost.append((gold, title))
        return found, total, lost


def match_document(doc: GoldDoc, predicted: Iterable[Fact], types: Iterable[str] | None = None) -> DocMatch:
    """Pair the predictions of `doc` with its gold facts, for the given types (default: the doc's).

    >>> from vnfacts.evaluate.gold import GoldDoc, GoldFact
    >>> doc = GoldDoc("d", "Đạt 7,5% và 8%.", (GoldFact("percent", Decimal("7.5"), "7,5%"),))
    >>> m = match_document(doc, [Fact("percent", "7,5%", 4, 8, Decimal("7.5"), "r"),
    ...                          Fact("percent", "8%", 12, 14, 8, "r")])
    >>> len(m.pairs), len(m.misses), [f.text for f in m.false_hits]
    (1, 0, ['8%'])
    """
    wanted = set(types) if types is not None else doc.types
    gold = [g for g in doc.facts if g.type in wanted]
    preds = sorted((p for p in predicted if p.type in wanted), key=lambda p: (p.start or 0, p.end or 0))
    by_key: dict[tuple, tuple[list[GoldFact], list[Fact]]] = {}
    for g in gold:
        by_key.setdefault(match_key(g), ([], []))[0].append(g)
    for p in preds:
        by_key.setdefault(match_key(p), ([], []))[1].append(p)
    where = doc.positions()
    paired: dict[int, Fact] = {}
    for golds, candidates in by_key.values():
        paired.update(_pair(golds, candidates, where))
    result = DocMatch(doc)
    for g in gold:
        if id(g) in paired:
            result.pairs.append((g, paired[id(g)]))
        else:
            result.misses.append(g)
    taken = {id(p) for p in paired.values()}
    spans = ignored_spans(doc.text, doc.ignore)
    for p in preds:
        if id(p) not in taken:
            (result.ignored if _is_ignored(p, spans, doc.ignore) else result.false_hits).append(p)
    return result


def _pair(golds: list[GoldFact], candidates: list[Fact], where: dict[int, int]) -> dict[int, Fact]:
    """Pair facts of one key, closest first: the same offsets, then the same text, then the
    smallest distance between the prediction and where the gold text occurs, then order."""
    if not golds or not candidates:
        return {}

    def cost(gi: int, pi: int) -> tuple:
        g, p = golds[gi], candidates[pi]
        exact = g.start is not None and (g.start, g.end) == (p.start, p.end)
        same = g.text is not None and p.text is not None and fold(g.text) == fold(p.text)
        at = where.get(id(g))
        distance = abs(p.start - at) if at is not None and p.start is not None else 0
        return (not exact, not same, distance, gi, pi)

    out: dict[int, Fact] = {}
    used: set[int] = set()
    for *_, gi, pi in sorted(cost(gi, pi) for gi in range(len(golds)) for pi in range(len(candidates))):
        if id(golds[gi]) not in out and pi not in used:
            out[id(golds[gi])] = candidates[pi]
            used.add(pi)
    return out


def ignored_spans(text: str, ignore: Sequence[str]) -> list[tuple[int, int]]:
    """Every place in `text` where an ignored surface text occurs (case-insensitive).

    >>> ignored_spans("Lần thứ XX, lần thứ xx.", ["lần thứ XX"])
    [(0, 10), (12, 22)]
    """
    spans = []
    for item in ignore:
        pattern = regex.compile(regex.escape(item), regex.IGNORECASE)
        spans.extend(m.span() for m in pattern.finditer(text))
    return sorted(spans)


def _is_ignored(p: Fact, spans: list[tuple[int, int]], ignore: Sequence[str]) -> bool:
    if p.start is not None and p.end is not None:
        return any(p.start < e and s < p.end for s, e in spans)
    return p.text is not None and any(fold(p.text) in fold(item) for item in ignore)
