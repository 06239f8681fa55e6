"""Officials named again by their full name alone: "… ông Lưu Minh Tâm, Giám đốc Công ty X …
Theo Lưu Minh Tâm, …". No rule sees the whole article, so no rule can tell that a bare name
is an official's: the people stage, which knows the article's officials, adds these mentions
(rule `people.repeat`, no titles of their own), as annotators count every mention of an
official (docs/annotation.md).

A repeat is the official's whole name (see _full), at word edges, inside no other
fact (so never the "Lê Lợi" of "đường Lê Lợi"), not after a word a name after which is a
place's or a body's (`NOT_NAME_AFTER`, `PLACE_UNIT`: "trường Lưu Minh Tâm"), and not part of
a longer capitalized run ("Lưu Minh Tâm Anh"; a capital before it only opening a sentence).
"""
from __future__ import annotations

import regex

from ..model import Fact
from ..text.names import looks_foreign

#: The rule id of the mentions this module adds.
REPEAT_RULE = "people.repeat"

_WORD_BEFORE = regex.compile(r"(?:^|(?<=(?P<open>[.!?:;\"“”(…]\s*|^\s*))|(?<=\s))(?P<word>[\p{L}\p{M}]+)[ \t]+$")
_CAPITAL_AFTER = regex.compile(r"[ \t]+\p{Lu}")


def _bad_word_before(text: str, line_start: int, start: int, lexicons) -> bool:
    before = _WORD_BEFORE.search(text, line_start, start)
    if before is None:
        return False
    word = before.group("word")
    if lexicons["NOT_NAME_AFTER"].contains(word) or lexicons["PLACE_UNIT"].contains(word):
        return True
    opens_sentence = before.start("word") == line_start or before.group("open") is not None
    return word[0].isupper() and not opens_sentence


def _full(name: str) -> bool:
    """A name whole enough to be found again alone: three syllables or more ("Lưu Minh Tâm"),
    or a foreign name of two words ("Dan Yergin"); two Vietnamese syllables are as often a
    place or a company ("Hà Tiên", "Hòa Phát")."""
    words = name.split()
    return len(words) > 2 or (len(words) == 2 and any(looks_foreign(w) for w in words))


def repeated_mentions(facts: list[Fact], text: str, lexicons) -> list[Fact]:
    """The facts and, in text order, an official mention for every bare repeat of an
    official's full name.

    >>> first = Fact("official", "ông Lưu Minh Tâm, Giám đốc", 0, 26, "Lưu Minh Tâm", "r",
    ...              name="Lưu Minh Tâm", titles=("Giám đốc",))
    >>> doc = "ông Lưu Minh Tâm, Giám đốc. Theo Lưu Minh Tâm, giá tăng. Trường Lưu Minh Tâm mở."
    >>> from vnfacts.rules import cached_ruleset
    >>> [(f.text, f.start, f.rule) for f in repeated_mentions([first], doc, cached_ruleset().lexicons)][1:]
    [('Lưu Minh Tâm', 33, 'people.repeat')]
    """
    names = {f.name for f in facts if f.type == "official" and f.name and _full(f.name)}
    if not names:
        return facts
    taken = sorted((f.start, f.end) for f in facts)
    added = []
    for name in sorted(names):
        for m in regex.finditer(rf"(?<![\p{{L}}\p{{M}}\d]){regex.escape(name)}(?![\p{{L}}\p{{M}}\d])", text):
            start, end = m.span()
            if any(s < end and start < e for s, e in taken):
                continue
            line_start = text.rfind("\n", 0, start) + 1
            if _bad_word_before(text, line_start, start, lexicons) or _CAPITAL_AFTER.match(text, end):
                continue
            added.append(Fact("official", m.group(), start, end, name, REPEAT_RULE, name=name, titles=()))
    if not added:
        return facts
    return sorted(facts + added, key=lambda f: (f.start, f.end))
