"""The pipeline for one text: NFC -> tokens (lazily) -> rules -> normalizers -> overlaps."""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from . import stages
from .match import candidates
from .model import Document
from .resolve import resolve
from .rules import RuleSet, cached_ruleset
from .stages import Draft
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
        stages.load_builtin()

    def extract(self, text: str, published: str | date | None = None, source: str | None = None) -> Document:
        given = as_date(published)
        draft = Draft(TextView(nfc(text)), given, published_given=given is not None)
        for run_stage in stages.BEFORE:
            run_stage(draft)
        draft.facts = resolve(candidates(self.ruleset, draft.view, draft.published))
        for run_stage in stages.AFTER:
            run_stage(draft)
        return Document(
            text=draft.text,
            facts=tuple(draft.facts),
            source=source,
            published=draft.published.isoformat() if draft.published else None,
            meta=draft.meta,
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
