"""Officials beyond their names: recall per gold sector, and how often the sector and the rank
of a matched official are right.

- Recall per sector: the gold officials of each `sector` (docs/annotation.md; `unknown` when
  the gold gives none) and how many of them a prediction matched (by name, as always).
- Sector accuracy: of the matched officials whose gold has a sector, the share whose
  prediction gives the same one (a prediction without a sector is wrong). It is None when no
  official prediction of the run carries a sector (the predictor gives none: nothing to judge),
  or no matched official has a gold sector.
- Rank accuracy: the same for `rank`, compared folded ("Thượng Tướng" is "Thượng tướng").

>>> from vnfacts import Fact
>>> from vnfacts.evaluate.gold import GoldDoc, GoldFact
>>> from vnfacts.evaluate.match import match_document
>>> a = GoldFact("official", "Lê Văn A", "ông Lê Văn A", {"name": "Lê Văn A", "sector": "state"})
>>> b = GoldFact("official", "Trần B", "bà Trần B", {"name": "Trần B", "sector": "party"})
>>> doc = GoldDoc("d", "ông Lê Văn A và bà Trần B", (a, b))
>>> found = [Fact("official", "ông Lê Văn A", 0, 12, "Lê Văn A", "r", name="Lê Văn A", sector="party")]
>>> figures = OfficialFigures()
>>> [(g.value, kind) for g, kind, _, _ in figures.add(match_document(doc, found))]
[('Lê Văn A', 'sector_miss')]
>>> {s: c.recall for s, c in figures.ordered_sectors()}, figures.sector.accuracy
({'state': 1.0, 'party': 0.0}, 0.0)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from .gold import SECTORS, GoldFact
from .match import DocMatch, fold, get

#: The sector of gold officials that have none.
UNKNOWN = "unknown"


@dataclass
class SectorCounts:
    """Gold officials of one sector and how many were found."""

    gold: int = 0
    found: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"gold": self.gold, "found": self.found, "recall": round(self.recall, 4)}


@dataclass
class Agreement:
    """How often one key of the matched officials agrees with the gold.

    `compared`: matched pairs whose gold has the key; `given`: those whose prediction has one
    too; `correct`: those where both are equal. `predicted`: some official prediction of the
    run (matched or not) carries the key.

    >>> Agreement(compared=4, given=3, correct=3, predicted=True).accuracy
    0.75
    >>> Agreement(compared=4).accuracy is None      # the predictor gives no such key
    True
    """

    compared: int = 0
    given: int = 0
    correct: int = 0
    predicted: bool = False

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.compared if self.compared and self.predicted else None

    def to_dict(self, key: str) -> dict[str, Any]:
        accuracy = self.accuracy
        return {f"{key}_accuracy": None if accuracy is None else round(accuracy, 4),
                f"{key}_correct": self.correct, f"{key}_given": self.given, f"{key}_compared": self.compared}


def _sector(value: Any) -> str:
    return str(value).strip().lower()


def _rank(value: Any) -> str:
    return fold(str(value))


#: The keys judged on matched officials, with the comparison form of each.
JUDGED: dict[str, Callable[[Any], str]] = {"sector": _sector, "rank": _rank}


@dataclass
class OfficialFigures:
    """The sector and rank figures of the officials of a run, added document by document."""

    sectors: dict[str, SectorCounts] = field(default_factory=dict)
    sector: Agreement = field(default_factory=Agreement)
    rank: Agreement = field(default_factory=Agreement)

    def add(self, m: DocMatch) -> list[tuple[GoldFact, str, Any, Any]]:
        """Count one document; return each disagreement as (gold fact, kind, gold, predicted),
        kind `sector_miss` or `rank_miss`."""
        for g, found in [(g, True) for g, _ in m.pairs] + [(g, False) for g in m.misses]:
            if g.type == "official":
                counts = self.sectors.setdefault(get(g, "sector") or UNKNOWN, SectorCounts())
                counts.gold += 1
                counts.found += found
        agreements = {"sector": self.sector, "rank": self.rank}
        for p in [p for _, p in m.pairs] + m.false_hits + m.ignored:
            for key, agreement in agreements.items():
                if p.type == "official" and get(p, key) is not None:
                    agreement.predicted = True
        wrong = []
        for g, p in m.pairs:
            if g.type != "official":
                continue
            for key, form in JUDGED.items():
                want, have = get(g, key), get(p, key)
                if want is None:
                    continue
                agreement = agreements[key]
                agreement.compared += 1
                agreement.given += have is not None
                if have is not None and form(want) == form(have):
                    agreement.correct += 1
                else:
                    wrong.append((g, f"{key}_miss", want, have))
        return wrong

    def ordered_sectors(self) -> list[tuple[str, SectorCounts]]:
        """The sectors of the gold in the order of docs/annotation.md, then `unknown`, then any other."""
        order = SECTORS + (UNKNOWN,)
        return sorted(self.sectors.items(), key=lambda kv: (order.index(kv[0]) if kv[0] in order else len(order),
                                                            kv[0]))

    @property
    def has_sectors(self) -> bool:
        """Whether some gold official has a sector (else every one is `unknown`)."""
        return any(name != UNKNOWN for name in self.sectors)

    def judged(self, kind: str) -> bool:
        """Whether disagreements of this kind (`sector_miss`, `rank_miss`) are worth listing:
        the predictor gives that key at all."""
        return getattr(self, kind.removesuffix("_miss")).predicted

    def to_dict(self) -> dict[str, Any]:
        return {"sectors": {name: c.to_dict() for name, c in self.ordered_sectors()},
                **self.sector.to_dict("sector"), **self.rank.to_dict("rank")}

