"""Normalizers: pure functions that turn a rule's match into a fact's normalized fields.

A rule names its normalizer (`normalizer: money`). The normalizer gets the match's named
groups and the rule set's lexicons, and returns the fact's fields (`value`, `currency`, ...)
or None to drop the match. Register one with `@normalizer("name")`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

NormalizerFn = Callable[["MatchInfo"], "dict[str, Any] | None"]
NORMALIZERS: dict[str, NormalizerFn] = {}


def normalizer(name: str) -> Callable[[NormalizerFn], NormalizerFn]:
    """Register a normalizer under `name`, the word rules use in their `normalizer:` key."""

    def register(fn: NormalizerFn) -> NormalizerFn:
        NORMALIZERS[name] = fn
        return fn

    return register


@dataclass(frozen=True, slots=True)
class MatchInfo:
    """What a normalizer sees of one match."""

    text: str
    groups: Mapping[str, str | None]
    lexicons: Mapping[str, "Any"]
    published: Any = None  # datetime.date or None: the reference for partial dates
    start: int = 0  # the match's offsets in the document
    end: int = 0
    view: Any = None  # the document's TextView: words and POS tags around the match
    spans: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # named group -> offsets

    def group(self, name: str) -> str | None:
        return self.groups.get(name)

    def has(self, lexicon: str, surface: str | None) -> bool:
        """Is the surface form one of the lexicon's words?"""
        return surface is not None and self.lexicons[lexicon].contains(surface)

    def lookup(self, lexicon: str, surface: str | None) -> str | None:
        """The key a lexicon gives a surface form ("VNĐ" -> "VND"), or None."""
        if surface is None:
            return None
        return self.lexicons[lexicon].key_of(surface)


def load_builtin() -> None:
    """Import the modules that register the built-in normalizers."""
    from . import dates, holidays, lunar_dates, quantities, relative_dates  # noqa: F401
    from . import entities, people  # noqa: F401
