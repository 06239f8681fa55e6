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

    @classmethod
    def from_data(cls, name: str, data: list | dict) -> "Lexicon":
        forms: dict[str, str | None] = {}
        if isinstance(data, dict):
            for key, surfaces in data.items():
                for s in surfaces:
                    forms[fold(str(s))] = str(key)
        else:
            for s in data:
                forms[fold(str(s))] = None
        return cls(name, forms)

    def key_of(self, surface: str) -> str | None:
        return self.forms.get(fold(surface))

    def pattern(self) -> str:
        """An alternation of every form, longest first so "lượt người" wins over "lượt"."""
        alts = sorted(self.forms, key=lambda f: (-len(f), f))
        return "(?:" + "|".join(r"\s+".join(regex.escape(w) for w in f.split(" ")) for f in alts) + ")"
