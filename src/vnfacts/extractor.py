"""The pipeline for one text, as an explicit tuple of stages:

    header (publication date, byline) ─ rules (every match, normalized) ─ resolve (final facts)
      ─ people (mentions merged into people) ─ Document

Each stage reads the `Draft` (draft.py) and fills its own part of it.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from .date_context import date_context
from .draft import Draft, Stage
from .header import byline, publication_date
from .model import Document
from .people.merge import people
from .resolve import resolve_stage
from .rules import RuleSet, cached_ruleset
from .rules.match import match_rules
from .text import TextView, nfc

#: The stages every extraction runs, in order (spaCy's `nlp.pipe_names` is the model).
DEFAULT_STAGES: tuple[Stage, ...] = (publication_date, byline, match_rules, date_context, resolve_stage, people)


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
    >>> [stage.__name__ for stage in ex.stages]
    ['publication_date', 'byline', 'match_rules', 'date_context', 'resolve_stage', 'people']
    """

    def __init__(self, rules: Sequence[str | Path] = (), *, builtin: bool = True, ruleset: RuleSet | None = None,
                 stages: Sequence[Stage] = DEFAULT_STAGES):
        self.ruleset = ruleset or cached_ruleset(tuple(str(p) for p in rules), builtin)
        self.stages = tuple(stages)

    def extract(self, text: str, published: str | date | None = None, source: str | None = None) -> Document:
        given = as_date(published)
        draft = Draft(TextView(nfc(text)), self.ruleset, given, published_given=given is not None)
        for run_stage in self.stages:
            run_stage(draft)
        return Document(
            text=draft.text,
            facts=tuple(draft.facts),
            source=source,
            published=draft.published.isoformat() if draft.published else None,
            meta=draft.meta,
        )


    def extract_file(self, path: str | Path, published: str | date | None = None, *,
                     encoding: str | None = None, max_bytes: int | None = None) -> Document:
        """Read, decode and extract a file as `vnfacts extract` does: encodings detected (or
        `encoding`), HTML to its article text with the page's publication date (unless
        `published` is given), `encoding` in `meta`; "-" reads standard input. InputError
        (with its `kind`) when the file cannot be read or decoded, or is over `max_bytes`
        (default 20 MB, as `--max-bytes`).

        >>> import tempfile, os
        >>> from vnfacts.input.encodings import tcvn3
        >>> tmp = tempfile.TemporaryDirectory(); path = os.path.join(tmp.name, "old.txt")
        >>> _ = open(path, "wb").write(tcvn3.encode("Tỉnh chi 12 tỷ đồng."))
        >>> doc = Extractor().extract_file(path)
        >>> doc.meta["encoding"], [f.text for f in doc.facts], doc.source == path
        ('tcvn3', ['12 tỷ đồng'], True)
        >>> tmp.cleanup()
        """
        from .input.decode import MAX_BYTES, read_input

        decoded = read_input(str(path), max_bytes or MAX_BYTES, encoding=encoding)
        doc = self.extract(decoded.text, published=published or decoded.published, source=str(path))
        return replace(doc, meta={**doc.meta, "encoding": decoded.encoding})


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


def extract_file(path: str | Path, published: str | date | None = None, *, encoding: str | None = None) -> Document:
    """Extract every fact of a file (text, HTML, legacy encodings) with the shipped rules, as
    `vnfacts extract FILE` does; see Extractor.extract_file.

    >>> import tempfile, os
    >>> tmp = tempfile.TemporaryDirectory(); path = os.path.join(tmp.name, "a.html")
    >>> _ = open(path, "w").write("<html><body><article><p>Chi 5 t&#7927; &#273;&#7891;ng.</p></article></body></html>")
    >>> doc = extract_file(path)
    >>> doc.text, doc.facts[0].value
    ('Chi 5 tỷ đồng.', 5000000000)
    >>> tmp.cleanup()
    """
    return default_extractor().extract_file(path, published, encoding=encoding)
