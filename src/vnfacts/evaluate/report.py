"""Precision, recall and F1 per fact type and overall, and every miss and false hit.

Overall figures are micro-averaged: the tp, fp and fn of every type are added up first.
A ratio whose denominator is 0 is 0.0 (nothing predicted gives precision 0.0).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Iterable

from ..model import Fact
from .gold import GoldFact
from .match import DocMatch, get
from .officials import OfficialFigures

#: Fact types in the order reports list them; others follow by name.
TYPE_ORDER = ("date", "official", "percent", "money", "quantity")
#: Keys shown beside the value of a miss or false hit.
DETAIL_KEYS = {"money": ("currency",), "quantity": ("unit",), "percent": ("unit",), "date": ("grain",),
               "official": ("titles",)}


@dataclass
class Counts:
    """True positives, false positives and false negatives of one type (or all).

    >>> c = Counts(tp=8, fp=2, fn=8)
    >>> c.precision, c.recall, round(c.f1, 4)
    (0.8, 0.5, 0.6154)
    >>> Counts().f1
    0.0
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    ignored: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.ignored += other.ignored

    def to_dict(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn, "ignored": self.ignored}


@dataclass
class Report:
    """The evaluation of a gold set: counts per type, overall, title recall, the officials'
    sector and rank figures (`officials`) and each error."""

    documents: int
    types: dict[str, Counts]
    overall: Counts
    titles_found: int = 0
    titles_gold: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    failed: list[dict[str, str]] = field(default_factory=list)
    officials: OfficialFigures = field(default_factory=OfficialFigures)

    @property
    def title_recall(self) -> float | None:
        """Titles found / gold titles of the matched officials; None when no matched official has one."""
        return self.titles_found / self.titles_gold if self.titles_gold else None

    def f1(self, fact_type: str) -> float:
        """F1 of one type, or of every type for "overall". KeyError for a type not evaluated."""
        return self.overall.f1 if fact_type == "overall" else self.types[fact_type].f1

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of `vnfacts eval --format json`."""
        types = {t: c.to_dict() for t, c in self.types.items()}
        if "official" in types:
            recall = self.title_recall
            types["official"].update(title_recall=None if recall is None else round(recall, 4),
                                     titles_found=self.titles_found, titles_gold=self.titles_gold)
        out = {"documents": self.documents, "types": types, "overall": self.overall.to_dict(),
               "errors": self.errors, "failed": self.failed}
        if "official" in types:
            out["officials"] = {key: types["official"][key] for key in ("title_recall", "titles_found", "titles_gold")}
            out["officials"].update(self.officials.to_dict())
        return out


def ordered(types: Iterable[str]) -> list[str]:
    """Types in report order.

    >>> ordered({"money", "zeta", "date"})
    ['date', 'money', 'zeta']
    """
    return sorted(set(types), key=lambda t: (TYPE_ORDER.index(t) if t in TYPE_ORDER else len(TYPE_ORDER), t))


def build_report(matches: Iterable[DocMatch], types: Iterable[str]) -> Report:
    """Add up the matches of every document over the given types.

    >>> from vnfacts.evaluate.gold import GoldDoc
    >>> doc = GoldDoc("d", "7,5%", (GoldFact("percent", Decimal("7.5"), "7,5%"),))
    >>> r = build_report([DocMatch(doc, misses=list(doc.facts))], ["percent"])
    >>> r.types["percent"].fn, r.errors[0]["kind"], r.errors[0]["text"]
    (1, 'miss', '7,5%')
    """
    names = ordered(types)
    counts = {t: Counts() for t in names}
    report = Report(0, counts, Counts())
    for m in matches:
        report.documents += 1
        if m.failed:
            report.failed.append({"document": m.doc.id, "error": m.failed})
        where = m.doc.positions()
        errors: list[tuple[int, dict[str, Any]]] = []
        for g, _ in m.pairs:
            counts[g.type].tp += 1
        for g in m.misses:
            counts[g.type].fn += 1
            errors.append((where.get(id(g), -1), _error("miss", m.doc.id, g)))
        for p in m.false_hits:
            counts[p.type].fp += 1
            errors.append((p.start if p.start is not None else -1, _error("false_hit", m.doc.id, p)))
        for p in m.ignored:
            counts[p.type].ignored += 1
        found, total, lost = m.titles()
        report.titles_found += found
        report.titles_gold += total
        for g, title in lost:
            errors.append((where.get(id(g), -1), {"document": m.doc.id, "type": "official", "kind": "title_miss",
                                                  "text": g.text, "name": get(g, "name") or g.value, "title": title}))
        for g, kind, want, have in report.officials.add(m):
            key = kind.removesuffix("_miss")
            errors.append((where.get(id(g), -1), {"document": m.doc.id, "type": "official", "kind": kind,
                                                  "text": g.text, "name": get(g, "name") or g.value,
                                                  key: want, "predicted": have}))
        report.errors.extend(e for _, e in sorted(errors, key=lambda pair: pair[0]))
    for c in counts.values():
        report.overall.add(c)
    # A predictor that gives no sector (or rank) at all is not wrong on each official: drop those.
    report.errors = [e for e in report.errors
                     if e["kind"] not in ("sector_miss", "rank_miss") or report.officials.judged(e["kind"])]
    return report


def _error(kind: str, doc_id: str, fact: Fact | GoldFact) -> dict[str, Any]:
    out: dict[str, Any] = {"document": doc_id, "type": fact.type, "kind": kind, "text": fact.text,
                           "value": plain(get(fact, "value"))}
    for key in DETAIL_KEYS.get(fact.type, ()):
        if get(fact, key) is not None:
            out[key] = plain(get(fact, key))
    if fact.start is not None:
        out.update(start=fact.start, end=fact.end)
    return out


def plain(v: Any) -> Any:
    """JSON-ready: Decimal to int when whole else float, tuples to lists.

    >>> plain(Decimal("104.65")), plain(Decimal("27E9")), plain(("a", "b"))
    (104.65, 27000000000, ['a', 'b'])
    """
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, (tuple, list)):
        return [plain(x) for x in v]
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v
