"""Who a mention names: a short mention ("ông Tuấn") refers to the person whose full name
ends (or, for foreign names, starts) with it. Used by resolve (which one-word officials are
kept) and by the people stage (which name each mention gets).
"""
from __future__ import annotations

from bisect import bisect_left

from ..model import Fact
from ..text.names import looks_foreign

#: The fact types that name a person.
PEOPLE = ("official", "person")


def refers_to(short: str, full: str) -> bool:
    """Does a short mention name this person? ("Tuấn" -> "Lê Minh Tuấn"; "Park" -> "Park Ji-hoon";
    "Borell" -> "Josep Borrell": news often misspells a foreign name by one letter)

    >>> refers_to("Tuấn", "Lê Minh Tuấn"), refers_to("Park", "Park Ji-hoon"), refers_to("Minh", "Lê Minh Tuấn")
    (True, True, False)
    >>> refers_to("Borell", "Josep Borrell"), refers_to("Tuân", "Lê Minh Tuấn")
    (True, False)
    """
    s, f = short.casefold().split(), full.casefold().split()
    if s == f or (len(s) < len(f) and (f[-len(s):] == s or f[: len(s)] == s)):
        return True
    return len(s) == 1 < len(f) and any(_misspelt(short, word) for word in (full.split()[0], full.split()[-1]))


def _misspelt(short: str, word: str) -> bool:
    """A foreign name of five letters or more written with one letter more or less ("Borell"
    for "Borrell", "Buffet" for "Buffett"); never a changed letter ("Bailey" is not "Bagley"),
    never a Vietnamese syllable, where one letter makes another name."""
    a, b = short.casefold(), word.casefold()
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) != 1 or not (looks_foreign(short) and looks_foreign(word)):
        return False
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


def full_name(f: Fact, people: list[Fact]) -> str:
    """The full name a mention refers to: the latest longer name before it that ends (or
    starts) with it, else the first one after it; its own name when there is none.

    (The definition; full_names gives the same answers through an index.)
    """
    named = [p for p in people if p.name != f.name and refers_to(f.name, p.name)]
    before = [p for p in named if p.start < f.start]
    target = before[-1] if before else (named[0] if named else None)
    return target.name if target is not None else f.name


def full_names(facts: list[Fact]) -> dict[int, str]:
    """The full name of every people fact, by its index in `facts` (as full_name says).

    The names a mention may refer to are found through an index of every name's word
    sequence, its leading and its trailing words, so a document with many people costs
    about its number of mentions, not its square (a one-line dump names thousands).

    >>> from vnfacts.model import Fact
    >>> def person(name, at): return Fact("person", name, at, at + len(name), name, "p", name=name)
    >>> facts = [person("Lê Minh Tuấn", 0), person("Tuấn", 20), person("Trần Văn Tuấn", 40), person("Tuấn", 60)]
    >>> full_names(facts)
    {0: 'Lê Minh Tuấn', 1: 'Lê Minh Tuấn', 2: 'Trần Văn Tuấn', 3: 'Trần Văn Tuấn'}
    """
    people = [(i, f) for i, f in enumerate(facts) if f.type in PEOPLE and f.name]
    starts = [f.start for _, f in people]
    if starts != sorted(starts):  # not in text order: the definition, as is
        plain = [f for _, f in people]
        return {i: full_name(f, plain) for i, f in people}
    index: dict[tuple[str, ...], list[int]] = {}  # a word sequence -> positions in `people` it refers to
    for k, (_, p) in enumerate(people):
        words = tuple(p.name.casefold().split())
        keys = {words} | {words[-n:] for n in range(1, len(words))} | {words[:n] for n in range(1, len(words))}
        for key in keys:
            index.setdefault(key, []).append(k)
    spelt = _SpellingIndex(people)
    out = {}
    for i, f in people:
        named = index.get(tuple(f.name.casefold().split()), [])
        near = [k for k in spelt.lookup(f.name) if refers_to(f.name, people[k][1].name)]
        if near:  # "Borell" for "Josep Borrell": merged in text order, as full_name sees them
            named = sorted(set(named) | set(near))
        out[i] = _nearest(f, people, named, starts)
    return out


class _SpellingIndex:
    """The people whose first or last word a one-word mention may misspell (see _misspelt):
    their words and the words one letter shorter, so a lookup costs the mention's length."""

    def __init__(self, people: list) -> None:
        self.exact: dict[str, list[int]] = {}
        self.shorter: dict[str, list[int]] = {}
        for k, (_, p) in enumerate(people):
            words = p.name.casefold().split()
            if len(words) < 2:
                continue
            for word in {words[0], words[-1]}:
                if len(word) >= 5:
                    self.exact.setdefault(word, []).append(k)
                    for d in _deletions(word):
                        self.shorter.setdefault(d, []).append(k)

    def lookup(self, short: str) -> list[int]:
        s = short.casefold()
        if " " in s or len(s) < 5 or not looks_foreign(short):
            return []
        found = set(self.shorter.get(s, ()))  # one letter less than the name's word
        for d in _deletions(s):  # one letter more
            found.update(self.exact.get(d, ()))
        return sorted(found)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _nearest(f: Fact, people: list, named: list[int], starts: list[int]) -> str:
    """The latest of `named` (positions in `people`, in text order) that starts before `f` and
    has another name, else the first after it with another name; f's own name when none."""
    before = bisect_left(named, f.start, key=starts.__getitem__)
    for k in reversed(named[:before]):
        if people[k][1].name != f.name:
            return people[k][1].name
    for k in named:
        if people[k][1].name != f.name:
            return people[k][1].name
    return f.name

