"""The people stage: one person, many mentions (resolve has decided which mentions exist).

1. Mentions: a short name ("ông Tuấn", "đồng chí Đệ", "Phó Chủ tịch UBND huyện, ông Ánh")
   gets the full name of the latest person before it whose name ends (or, for foreign names,
   starts) with it, else of the first one after it (mentions.py). A `person` fact naming an
   official of the article becomes an `official` fact with no titles of its own. Other
   `person` facts stay: people named without any position in the article are not officials.
   An official named again by the full name alone gets a mention of its own (repeats.py).
2. Sectors (sectors.py): a person's sector is that of the first title of their first titled
   mention (the next title, or the rank, when it gives none); every mention of the person,
   short ones too, carries it.
3. `meta["people"]`: one entry per official, in order of first mention:
   `{"name", "titles" (every title of every mention, in order, once; one that another extends
   is left out: "Phó Chủ tịch UBND tỉnh" goes in "Phó Chủ tịch UBND tỉnh Nghệ An"), "honorific",
   "rank" and "organization" (the first given), "sector", "former" (the first titled mention's),
   "mentions": [{"start", "end"}, ...]}`.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..draft import Draft
from ..model import Fact
from .mentions import full_names
from .repeats import repeated_mentions
from .sectors import mention_sector


def with_full_names(facts: list[Fact]) -> list[Fact]:
    """Short mentions get the full name of their person; people named with an honorific who
    are officials of the article become officials (with no titles of their own)."""
    full = full_names(facts)
    officials = {full[i] for i, f in enumerate(facts) if f.type == "official" and i in full}
    out = []
    for i, f in enumerate(facts):
        if i in full and full[i] != f.name:
            f = replace(f, value=full[i], name=full[i])
        if f.type == "person" and f.name in officials:
            f = replace(f, type="official", titles=())
        out.append(f)
    return out


def with_sectors(facts: list[Fact], text: str, lexicons: Any) -> list[Fact]:
    """Every official mention gets its person's sector: that of the first mention that gives
    one, titled mentions first (see the module doc)."""
    own = {i: mention_sector(f, text, lexicons) for i, f in enumerate(facts) if f.type == "official"}
    person: dict[str, str] = {}
    for titled in (True, False):
        for i, sector in own.items():
            f = facts[i]
            if sector and bool(f.titles) == titled:
                person.setdefault(f.name, sector)
    return [replace(f, sector=person[f.name]) if f.type == "official" and f.name in person else f for f in facts]


def _distinct_titles(titles: list[str]) -> list[str]:
    """Titles once each, in order; one that another extends is left out.

    >>> _distinct_titles(["Phó Chủ tịch UBND tỉnh", "Thị ủy viên", "Phó Chủ tịch UBND tỉnh Nghệ An", "Thị ủy viên"])
    ['Phó Chủ tịch UBND tỉnh Nghệ An', 'Thị ủy viên']
    """
    out: list[str] = []
    for title in titles:
        if any(t == title or t.startswith(title + " ") for t in out):
            continue
        longer = [i for i, t in enumerate(out) if title.startswith(t + " ")]
        if longer:
            out[longer[0]] = title
        else:
            out.append(title)
    return out


def merged_people(facts: list[Fact]) -> list[dict[str, Any]]:
    """One entry per official: every title of every mention, and where it was mentioned."""
    people: dict[str, dict[str, Any]] = {}
    for f in facts:
        if f.type != "official" or not f.name:
            continue
        entry = people.setdefault(f.name, {"name": f.name, "titles": [], "mentions": []})
        entry["titles"] = _distinct_titles(entry["titles"] + list(f.titles or ()))
        for key in ("honorific", "rank", "organization", "sector"):
            if getattr(f, key) and key not in entry:
                entry[key] = getattr(f, key)
        if f.titles and not any(m.get("titled") for m in entry["mentions"]):
            if f.former:
                entry["former"] = True  # the first titled mention's post is a past one
        entry["mentions"].append({"start": f.start, "end": f.end, "titled": bool(f.titles)})
    for entry in people.values():
        for mention in entry["mentions"]:
            del mention["titled"]
    return list(people.values())


def people(draft: Draft) -> None:
    """The people stage: each mention gets the full name of its person, and the people list."""
    lexicons = draft.ruleset.lexicons
    named = repeated_mentions(with_full_names(draft.facts), draft.text, lexicons)
    draft.facts = with_sectors(named, draft.text, lexicons)
    merged = merged_people(draft.facts)
    if merged:
        draft.meta["people"] = merged
