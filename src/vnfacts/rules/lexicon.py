"""Lexicons: named word lists shared by every rule file, usable as patterns and as lookups.

A lexicon is either a list of surface forms (`UNIT: [người, hộ, ha]`) or a mapping from a
normalized key to its surface forms (`CURRENCY: {VND: [đồng, VNĐ], USD: [USD, đô la]}`).
Written `{UNIT}` in a pattern, it becomes an alternation of its forms, longest first, with
any run of spaces in a form matching any run of white space in the text.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..text.fold import fold_for_matching, lookup_form



fold = lookup_form  # the lookup form of a surface (text/fold.py)


@dataclass(frozen=True)
class Lexicon:
    """A named word list, or a map from keys to their words (see the module doc).

    >>> lex = Lexicon.from_data("T", {"member": ["Uỷ viên", "ủy viên"], "x": ["Uỷ viên"]})
    >>> lex.key_of("ủy  VIÊN"), lex.problems
    ('x', ("surface 'Uỷ viên' is given for keys member and x: only x can be found",))
    >>> lex.surfaces  # folded for matching: the text the rules search is folded too
    ('Ủy viên', 'ủy viên')
    """

    name: str
    forms: dict[str, str | None]  # folded surface -> key (None for plain lists)
    surfaces: tuple[str, ...] = ()  # the forms folded for matching (fold.py), for the pattern
    problems: tuple[str, ...] = ()  # forms that can never be matched or found, said at load

    @classmethod
    def from_data(cls, name: str, data: list | dict) -> "Lexicon":
        forms: dict[str, str | None] = {}
        problems: list[str] = []
        pairs = [(str(s), str(k)) for k, v in data.items() for s in v] if isinstance(data, dict) else [(str(s), None) for s in data]
        for surface, key in pairs:
            folded = fold(surface)
            if not folded:
                problems.append(f"an empty surface {surface!r} can never match")
                continue
            if folded in forms and forms[folded] != key:
                problems.append(f"surface {surface!r} is given for keys {forms[folded]} and {key}: only {key} can be found")
            forms[folded] = key
        # Rules match the folded text (old tone placement, dashes and odd spaces folded), so
        # the pattern is built from the folded surfaces: "Uỷ viên" is matched as "Ủy viên".
        written = tuple(dict.fromkeys(" ".join(fold_for_matching(unicodedata.normalize("NFC", s)).split())
                                      for s, _ in pairs if s.strip()))
        return cls(name, forms, written, tuple(problems))

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
        '(?:(?:lượt(?:\\s+người)?|ha))'
        >>> import regex
        >>> lex = Lexicon.from_data("D", ["Thông tư", "thông tư liên tịch"])
        >>> regex.match(lex.pattern(), "Thông tư liên tịch số 6", regex.I).group()
        'Thông tư liên tịch'
        """
        return _pattern_of(self.surfaces)


@lru_cache(maxsize=None)
def _pattern_of(surfaces: tuple[str, ...]) -> str:
    # Built once per word list: a rule set names its big lexicons in many patterns.
    return "(?:" + _trie_regex(surfaces) + ")"


def _trie_regex(words) -> str:
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_regex(trie)[0]


def _node_regex(node: dict) -> tuple[str, int]:
    """The regex of a trie node and the length of the longest word below it."""
    # Deeper branches first: rules match case-insensitively, so "t" and "T" branches can both
    # fit the text, and the one leading to the longer word ("thông tư liên tịch" before
    # "Thông tư") must be tried first for the longest form to win.
    children = []
    for ch, child in node.items():
        if ch:
            body, depth = _node_regex(child)
            children.append((-depth - 1, ch, (r"\s+" if ch == " " else regex.escape(ch)) + body))
    if not children:
        return "", 0
    children.sort()
    branches = [branch for _, _, branch in children]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a word ends here and longer ones go on: greedy, so the longest wins
        body = (body if len(branches) > 1 else "(?:" + body + ")") + "?"
    return body, -children[0][0]
