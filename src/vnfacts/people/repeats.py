"""Officials named again by their full name alone: "… ông Lưu Minh Tâm, Giám đốc Công ty X …
Theo Lưu Minh Tâm, …". No rule sees the whole article, so no rule can tell that a bare name
is an official's: the people stage, which knows the article's officials, adds these mentions
(rule `people.repeat`, no titles of their own), as annotators count every mention of an
official (docs/annotation.md).

A repeat is the official's whole name (see _full) ending a run of capitalized words, inside no
other fact (so never the "Lê Lợi" of "đường Lê Lợi"), after no word a name after which is a
place's or a body's (`NOT_NAME_AFTER`, `PLACE_UNIT`: "trường Lưu Minh Tâm"), and the whole run
but for a capitalized word opening a sentence ("Theo Lưu Minh Tâm"; not "Lưu Minh Tâm Anh").
One scan of the text, whatever the number of officials.
"""
from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate

import regex

from ..model import Fact
from ..text.names import looks_foreign

#: The rule id of the mentions this module adds.
REPEAT_RULE = "people.repeat"

#: A run of capitalized words separated by single spaces or tabs.
_RUN = regex.compile(r"(?<![\p{L}\p{M}\d])\p{Lu}[\p{L}\p{M}'’-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]*)*(?![\p{L}\p{M}\d])")
_WORD = regex.compile(r"\S+")
_LOWER_BEFORE = regex.compile(r"(?<![\p{L}\p{M}\d])([\p{Ll}][\p{L}\p{M}]*)[ \t]+$")
_OPENS = regex.compile(r"(?:^|[.!?:;\"“”(…]\s*)$")


def _full(name: str) -> bool:
    """A name whole enough to be found again alone: three syllables or more ("Lưu Minh Tâm"),
    or two words one of them foreign ("Dan Yergin"); two Vietnamese syllables are as often a
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
    names = {tuple(f.name.split()) for f in facts if f.type == "official" and f.name and _full(f.name)}
    if not names:
        return facts
    taken = sorted((f.start, f.end) for f in facts)
    starts = [s for s, _ in taken]
    reach = list(accumulate((e for _, e in taken), max))  # the furthest end among the first k facts
    added = []
    for run in _RUN.finditer(text):
        words = list(_WORD.finditer(run.group()))
        for skip in (0, 1):  # the whole run, or the run after a word opening a sentence
            name = tuple(w.group() for w in words[skip:])
            if name not in names:
                continue
            start, end = run.start() + words[skip].start(), run.end()
            if skip and not _OPENS.search(text, max(0, run.start() - 3), run.start()):
                break
            before = words[0].group() if skip else _word_before(text, start)
            if before and any(lexicons[n].contains(before) for n in ("NOT_NAME_AFTER", "PLACE_UNIT")):
                break
            k = bisect_left(starts, end)  # facts starting before the repeat's end
            if k and reach[k - 1] > start:
                break  # inside, or across, another fact
            full = " ".join(name)
            added.append(Fact("official", text[start:end], start, end, full, REPEAT_RULE, name=full, titles=()))
            break
    if not added:
        return facts
    return sorted(facts + added, key=lambda f: (f.start, f.end))


def _word_before(text: str, start: int) -> str | None:
    """The lowercase word right before `start` on its line, if any."""
    line_start = text.rfind("\n", 0, start) + 1
    m = _LOWER_BEFORE.search(text, max(line_start, start - 40), start)
    return m.group(1) if m else None
