"""Lexicons: named word lists shared by every rule file, usable as patterns and as lookups.

A lexicon is either a list of surface forms (`UNIT: [người, hộ, ha]`) or a mapping from a
normalized key to its surface forms (`CURRENCY: {VND: [đồng, VNĐ], USD: [USD, đô la]}`).
Written `{UNIT}` in a pattern, it becomes an alternation of its forms, longest first, with
any run of spaces in a form matching any run of white space in the text.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

_SPACE = regex.compile(r"\s+")


def fold(surface: str) -> str:
    """The lookup form of a surface: case-folded, spaces collapsed."""
    return _SPACE.sub(" ", surface.strip()).casefold()


@dataclass(frozen=True)
class Lexicon:
    name: str
    forms: dict[str, str | None]  # folded surface -> key (None for plain lists)
    surfaces: tuple[str, ...] = ()  # the forms as written, for the pattern

    @classmethod
    def from_data(cls, name: str, data: list | dict) -> "Lexicon":
        forms: dict[str, str | None] = {}
        pairs = [(str(s), str(k)) for k, v in data.items() for s in v] if isinstance(data, dict) else [(str(s), None) for s in data]
        for surface, key in pairs:
            forms[fold(surface)] = key
        written = tuple(dict.fromkeys(" ".join(s.split()) for s, _ in pairs))
        return cls(name, forms, written)

    def contains(self, surface: str) -> bool:
        return fold(surface) in self.forms

    def key_of(self, surface: str) -> str | None:
        return self.forms.get(fold(surface))

    def pattern(self) -> str:
        """An alternation of every form as written, longest first so "lượt người" beats "lượt".

        Rules match case-insensitively unless they say `(?-i:{NAME})`, so the written case
        matters only there.
        """
        alts = sorted(self.surfaces, key=lambda f: (-len(f), f))
        return "(?:" + "|".join(r"\s+".join(regex.escape(w) for w in f.split(" ")) for f in alts) + ")"
