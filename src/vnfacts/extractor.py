"""The pipeline for one text: NFC -> tokens (lazily) -> rules -> normalizers -> overlaps."""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from .match import candidates
from .model import Document
from .resolve import resolve
from .rules import RuleSet, cached_ruleset
from .text import TextView, nfc


def as_date(published: str | date | None) -> date | None:
    """Accept an ISO date string or a date; None stays None. ValueError for anything else."""
    if published is None or isinstance(published, date):
        return published
    return date.fromisoformat(str(published)[:10])


class Extractor:
    """Rules loaded and compiled once, for many documents.

    >>> ex = Extractor()
    >>> [f.value for f in ex.extract("Tổng vốn hơn 27 tỷ đồng.").facts]
    [27000000000]
    """

    def __init__(self, rules: Sequence[str | Path] = (), *, builtin: bool = True, ruleset: RuleSet | None = None):
        self.ruleset = ruleset or cached_ruleset(tuple(str(p) for p in rules), builtin)

    def extract(self, text: str, published: str | date | None = None, source: str | None = None) -> Document:
        text = nfc(text)
        reference = as_date(published)
        view = TextView(text)
        facts = resolve(candidates(self.ruleset, view, reference))
        return Document(
            text=text,
            facts=tuple(facts),
            source=source,
            published=reference.isoformat() if reference else None,
        )


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    return Extractor()


def extract(text: str, published: str | date | None = None) -> Document:
    """Extract every fact of `text` with the shipped rules.

    >>> doc = extract("Tỷ lệ lao động có việc làm đạt 80,7%.")
    >>> [(f.type, f.text, float(f.value)) for f in doc.facts]
    [('percent', '80,7%', 80.7)]
    """
    return default_extractor().extract(text, published)
