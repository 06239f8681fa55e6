"""Lexicons: named word lists shared by every rule file, usable as patterns and as lookups.

A lexicon is either a list of surface forms (`UNIT: [người, hộ, ha]`) or a mapping from a
normalized key to its surface forms (`CURRENCY: {VND: [đồng, VNĐ], USD: [USD, đô la]}`).
Written `{UNIT}` in a pattern, it becomes an alternation of its forms, longest first, with
any run of spaces in a form matching any run of white space in the text.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..fold import fold_for_matching

_SPACE = regex.compile(r"\s+")


@lru_cache(maxsize=1 << 16)  # normalizers look up the same words again and again
def fold(surface: str) -> str:
    """The lookup form of a surface: tone placement and punctuation folded, case-folded,
    spaces collapsed ("Uỷ  ban" and "ủy ban" look up the same)."""
    return _SPACE.sub(" ", fold_for_matching(surface).strip()).casefold()


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
        r"""A regex matching any form as written, the longest where several fit.

        Built as a trie ("lượt" and "lượt người" share their prefix) so the regex engine reads
        each character once instead of trying every form in turn. Rules match
        case-insensitively unless they say `(?-i:{NAME})`, so the written case matters only
        there.

        >>> Lexicon.from_data("U", ["lượt", "lượt người", "ha"]).pattern()
        '(?:(?:ha|lượt(?:\\s+người)?))'
        """
        return "(?:" + _trie_regex(self.surfaces) + ")"


def _trie_regex(words) -> str:
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_regex(trie)


def _node_regex(node: dict) -> str:
    branches = [(r"\s+" if ch == " " else regex.escape(ch)) + _node_regex(child)
                for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here and longer ones go on: greedy, so the longest wins
        return (body if len(branches) > 1 else "(?:" + body + ")") + "?"
    return body
