"""The `people` stage: one person, many mentions; the article's byline.

After the rules have found officials (a name with titles) and people named with an
honorific only (`person` facts), this stage works on the whole article:

1. Byline: a closing line of author names ("Hữu Lương – Ngọc Ánh", "Nhật LinhTheo CNBC")
   becomes `meta["authors"]`; no person is taken from that line.
2. Mentions: a short name ("ông Tuấn", "đồng chí Đệ", "Phó Chủ tịch UBND huyện, ông Ánh")
   gets the full name of the latest person before it whose name ends (or, for foreign names,
   starts) with it, else of the first one after it. A `person` fact naming an official of the
   article becomes an `official` fact with no titles of its own. Other `person` facts stay:
   people named without any position in the article are not officials. An official named by
   one word only ("Bộ trưởng Dung", "Chủ tịch HĐQT Saigonbank") is dropped unless the article
   gives the full name or names the person with an honorific ("ông Biden").
3. Names inside bodies and places: an organization or location that runs into an official's
   name ends before it ("UBND tỉnh Quảng Bình Trần Phong" -> "UBND tỉnh Quảng Bình").
4. `meta["people"]`: one entry per official, in order of first mention:
   `{"name", "titles" (every title of every mention, in order, once; one that another extends
   is left out: "Phó Chủ tịch UBND tỉnh" goes in "Phó Chủ tịch UBND tỉnh Nghệ An"), "honorific" and
   "organization" (the first given), "mentions": [{"start", "end"}, ...]}`.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

import regex

from ..model import Fact
from . import Draft, stage

PEOPLE = ("official", "person")
MAX_BYLINE = 80
_LINE = regex.compile(r"[^\n]+")
_SOURCE = regex.compile(r"(?:(?<=^|\s)|(?<=\p{Ll}))(?-i:Theo)\s.*$")  # "Nhật LinhTheo CNBC"
_AUTHOR_SPLIT = regex.compile(r"\s*(?:[–—,/&]|\s-\s|-(?=\s*\p{Lu})|\s+và\s+)\s*")
_AUTHOR = regex.compile(
    r"(?-i:(?:\p{Lu}\.\s?)?\p{Lu}[\p{Ll}\p{M}]+(?:\s+\p{Lu}[\p{Ll}\p{M}]+){0,3}|\p{Lu}\.\s?\p{Lu}[\p{Ll}\p{M}]+)"
)


def byline_authors(line: str) -> list[str]:
    """The author names of an article's closing line, or [] when it is not a byline.

    >>> byline_authors("Hữu Lương – Ngọc Ánh")
    ['Hữu Lương', 'Ngọc Ánh']
    >>> byline_authors("Nhật LinhTheo CNBC"), byline_authors("Theo Reuters"), byline_authors("H.Long")
    (['Nhật Linh'], [], ['H.Long'])
    >>> byline_authors("Lan Hương - Trường Thịnh (tổng hợp)")
    ['Lan Hương', 'Trường Thịnh']
    >>> byline_authors("Ảnh: Minh Châu"), byline_authors("Hội nghị kết thúc lúc 17 giờ.")
    ([], [])
    """
    line = regex.sub(r"\([^)]*\)", "", _SOURCE.sub("", line.strip())).strip()
    if not line or len(line) > MAX_BYLINE or ":" in line:
        return []
    parts = [p for p in _AUTHOR_SPLIT.split(line) if p]
    if parts and all(_AUTHOR.fullmatch(p) for p in parts):
        return parts
    return []


def _byline(text: str) -> tuple[list[str], tuple[int, int] | None]:
    """The authors and the span of the text's last line, when it is a byline (never the only line)."""
    lines = [m.span() for m in _LINE.finditer(text) if m.group().strip()]
    if len(lines) < 2:
        return [], None
    start, end = lines[-1]
    authors = byline_authors(text[start:end])
    return (authors, (start, end)) if authors else ([], None)


def _refers_to(short: str, full: str) -> bool:
    """Does a short mention name this person? ("Tuấn" -> "Lê Minh Tuấn"; "Park" -> "Park Ji-hoon")

    >>> _refers_to("Tuấn", "Lê Minh Tuấn"), _refers_to("Park", "Park Ji-hoon"), _refers_to("Minh", "Lê Minh Tuấn")
    (True, True, False)
    """
    s, f = short.casefold().split(), full.casefold().split()
    return s == f or (len(s) < len(f) and (f[-len(s):] == s or f[: len(s)] == s))


def _full_name(f: Fact, people: list[Fact]) -> str:
    """The full name a mention refers to: the latest longer name before it that ends (or
    starts) with it, else the first one after it; its own name when there is none."""
    named = [p for p in people if p.name != f.name and _refers_to(f.name, p.name)]
    before = [p for p in named if p.start < f.start]
    target = before[-1] if before else (named[0] if named else None)
    return target.name if target is not None else f.name


def _attach(facts: list[Fact]) -> list[Fact]:
    """Short mentions get the full name; people named as an official become officials; an
    official named by one syllable only ("Bộ trưởng Dung") that names nobody else is dropped."""
    people = [f for f in facts if f.type in PEOPLE and f.name]
    full = {id(f): _full_name(f, people) for f in people}
    officials = {full[id(f)] for f in people if f.type == "official"}
    with_honorific = {full[id(f)] for f in people if f.type == "person"}
    out = []
    for f in facts:
        if id(f) in full and full[id(f)] != f.name:
            f = replace(f, value=full[id(f)], name=full[id(f)])
        elif f.type == "official" and f.name and " " not in f.name and f.name not in with_honorific:
            continue
        if f.type == "person" and f.name in officials:
            f = replace(f, type="official", titles=())
        out.append(f)
    return out


def _name_span(f: Fact) -> tuple[int, int]:
    at = f.text.rfind(f.name) if f.text.endswith(f.name) else f.text.find(f.name)
    return (f.start + at, f.start + at + len(f.name)) if at >= 0 else (f.start, f.end)


def _drop_words(value: Any, count: int) -> Any:
    return " ".join(value.split()[:-count]) if isinstance(value, str) and count else value


def _outside_names(facts: list[Fact], text: str) -> list[Fact]:
    """Organizations and locations end before a person's name they ran into."""
    names = [_name_span(f) for f in facts if f.type in PEOPLE and f.name]
    out = []
    for f in facts:
        if f.type in ("organization", "location"):
            for ns, ne in names:
                if ns <= f.start < ne:
                    f = None
                    break
                if f.start < ns < f.end:
                    cut = len(text[f.start:ns].rstrip(" ,–-"))
                    gone = len(f.text[cut:].split())
                    if cut == 0 or gone >= len(str(f.value).split()):
                        f = None
                        break
                    f = replace(f, text=f.text[:cut], end=f.start + cut, value=_drop_words(f.value, gone),
                                expanded=_drop_words(f.expanded, gone))
        if f is not None:
            out.append(f)
    return out


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
        for key in ("honorific", "organization"):
            if getattr(f, key) and key not in entry:
                entry[key] = getattr(f, key)
        entry["mentions"].append({"start": f.start, "end": f.end})
    return list(people.values())


@stage("after")
def people(draft: Draft) -> None:
    """Authors, short mentions, names cut out of bodies and places, the merged people list."""
    authors, byline = _byline(draft.text)
    facts = draft.facts
    if byline:
        draft.meta["authors"] = authors
        facts = [f for f in facts if not (f.type in PEOPLE and byline[0] <= f.start < byline[1])]
    facts = _outside_names(_attach(facts), draft.text)
    draft.facts = facts
    merged = merged_people(facts)
    if merged:
        draft.meta["people"] = merged
