"""Who a mention names: a short mention ("ông Tuấn") refers to the person whose full name
ends (or, for foreign names, starts) with it. Used by resolve (which one-word officials are
kept) and by the people stage (which name each mention gets).
"""
from __future__ import annotations

from bisect import bisect_left

from ..model import Fact

#: The fact types that name a person.
PEOPLE = ("official", "person")


def refers_to(short: str, full: str) -> bool:
    """Does a short mention name this person? ("Tuấn" -> "Lê Minh Tuấn"; "Park" -> "Park Ji-hoon")

    >>> refers_to("Tuấn", "Lê Minh Tuấn"), refers_to("Park", "Park Ji-hoon"), refers_to("Minh", "Lê Minh Tuấn")
    (True, True, False)
    """
    s, f = short.casefold().split(), full.casefold().split()
    return s == f or (len(s) < len(f) and (f[-len(s):] == s or f[: len(s)] == s))


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
    out = {}
    for i, f in people:
        out[i] = _nearest(f, people, index.get(tuple(f.name.casefold().split()), []), starts)
    return out


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

