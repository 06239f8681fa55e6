"""Who a mention names: a short mention ("ông Tuấn") refers to the person whose full name
ends (or, for foreign names, starts) with it. Used by resolve (which one-word officials are
kept) and by the people stage (which name each mention gets).
"""
from __future__ import annotations

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
    starts) with it, else the first one after it; its own name when there is none."""
    named = [p for p in people if p.name != f.name and refers_to(f.name, p.name)]
    before = [p for p in named if p.start < f.start]
    target = before[-1] if before else (named[0] if named else None)
    return target.name if target is not None else f.name




def full_names(facts: list[Fact]) -> dict[int, str]:
    """The full name of every people fact, by its index in `facts`."""
    people = [f for f in facts if f.type in PEOPLE and f.name]
    return {i: full_name(f, people) for i, f in enumerate(facts) if f.type in PEOPLE and f.name}
