"""What a normalizer is: a pure function from one match to a fact's fields, with a contract.

Each normalizer declares the named groups it reads (those every rule must have, and those it
may have), the lexicons it looks words up in and the fields it returns. The rule loader checks
every rule against its normalizer's declaration, so a misspelt group (`ammount`) is refused
when the rules load instead of being ignored; `vnfacts rules normalizers` lists them all.

A normalizer sees its match (`MatchInfo`), never the document: the line the match sits on
comes through `text.line.Line` (text, folded copy, underthesea's words on demand), and every
offset it sees or gives back counts from that line's start.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Mapping, Union

from ..text.line import Line


@dataclass(frozen=True, slots=True)
class MatchInfo:
    """What a normalizer sees of one match; offsets count from the start of its line."""

    text: str
    groups: Mapping[str, str | None]
    lexicons: Mapping[str, Any]
    published: date | None = None  # the reference for partial and relative dates
    start: int = 0
    end: int = 0
    line: Line | None = None
    spans: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # group -> offsets
    prepared: Any = None  # what the normalizer's `prepare` built from the lexicons, once

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


@dataclass(frozen=True, slots=True)
class Result:
    """One fact's normalized fields, and its span when it is not the match's (line offsets).

    >>> Result({"value": 5}).span_or(2, 9), Result({"value": 5}, end=7).span_or(2, 9)
    ((2, 9), (2, 7))
    """

    fields: Mapping[str, Any]
    start: int | None = None
    end: int | None = None

    def span_or(self, start: int, end: int) -> tuple[int, int]:
        return (start if self.start is None else self.start, end if self.end is None else self.end)


Outcome = Union[Result, "list[Result]", None]


def one(fields: Mapping[str, Any] | None, start: int | None = None, end: int | None = None) -> Result | None:
    """A Result of `fields`, or None when there are none (the match is dropped).

    >>> one(None) is None, one({"value": 1}).fields
    (True, {'value': 1})
    """
    return None if fields is None else Result(fields, start, end)


@dataclass(frozen=True)
class Normalizer:
    """A normalizer and its declared contract (see the module doc)."""

    name: str
    function: Callable[[MatchInfo], Outcome]
    required: tuple[str, ...] = ()  # groups every rule using it must have
    optional: tuple[str, ...] = ()  # groups it reads when present
    lexicons: tuple[str, ...] = ()  # lexicons it looks words up in
    returns: tuple[str, ...] = ("value",)  # fact fields it gives
    prepare: Callable[[Mapping[str, Any]], Any] | None = None  # built once per rule set

    @property
    def reads(self) -> tuple[str, ...]:
        return self.required + self.optional

    @property
    def all_lexicons(self) -> tuple[str, ...]:
        """Every lexicon it reads: its own and those its `prepare` declares (`prepare.lexicons`)."""
        return tuple(dict.fromkeys(self.lexicons + tuple(getattr(self.prepare, "lexicons", ()))))

    @property
    def summary(self) -> str:
        doc = (self.function.__doc__ or "").strip()
        return doc.splitlines()[0].strip() if doc else ""

    def __call__(self, match: MatchInfo) -> list[Result]:
        """The results for one match: [] when the match gives no fact."""
        out = self.function(match)
        if out is None:
            return []
        return out if isinstance(out, list) else [out]


def reads_lexicons(*names: str) -> Callable[[Callable], Callable]:
    """Mark a `prepare` function with the lexicons it reads, so a normalizer using it has them
    (contract checks and `vnfacts rules normalizers` count them as the normalizer's).

    >>> @reads_lexicons("SCALE_WORD")
    ... def build(lexicons): return len(lexicons)
    >>> build.lexicons
    ('SCALE_WORD',)
    """

    def mark(function: Callable) -> Callable:
        function.lexicons = tuple(names)
        return function

    return mark


def declare(name: str, *, required: tuple[str, ...] = (), optional: tuple[str, ...] = (),
            lexicons: tuple[str, ...] = (), returns: tuple[str, ...] = ("value",),
            prepare: Callable[[Mapping[str, Any]], Any] | None = None) -> Callable[[Callable], Normalizer]:
    """Wrap a function as a Normalizer with its contract. Nothing is registered: the built-in
    normalizers are listed, in one tuple, in `normalize/__init__.py`."""

    def wrap(function: Callable[[MatchInfo], Outcome]) -> Normalizer:
        return Normalizer(name, function, tuple(required), tuple(optional), tuple(lexicons), tuple(returns), prepare)

    return wrap
