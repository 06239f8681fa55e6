"""People across articles: the `official` facts of every document merged into `people`, with
their `mentions`, the `offices` their titles name and their `tenures` (docs/database.md).

The rule, per folded name (case and tone placement folded):

1. In one article, every official fact with the name is one person (the extractor already gave
   a short mention, "ông Long", the full name of the titled person it refers to).
2. Across articles, an article's person joins a person of the same name when they share an
   office, an organization or a place (a province, a city, a district...).
3. Failing that, when their places do not disagree (not both given and different) and their
   sectors do not either, weaker evidence joins them: one title head ("Tổng thống", "Tổng
   thống Mỹ"), one organization inside the other ("Vingroup", "Tập đoàn Vingroup"), two
   national offices of the state, the Party or the National Assembly (leaders move between
   them: "Thủ tướng" one year, "Chủ tịch nước" the next), two foreign officials.
   "Nguyễn Văn Hùng, Chủ tịch UBND tỉnh Nghệ An" and "Nguyễn Văn Hùng, Giám đốc Sở Y tế Hà
   Tĩnh" stay two people.
4. An article's person with no title at all joins the name's only person; when the name has
   several, it stays on its own (it cannot be told which).

Tenures come from current titles only: "nguyên Giám đốc Sở" says nothing of when.

>>> a = Seen(1, "2024-01-02", frozenset({"k1"}), frozenset({"nghe an"}), frozenset(), True)
>>> b = Seen(2, "2024-03-02", frozenset({"k2"}), frozenset({"nghe an"}), frozenset(), True)
>>> c = Seen(3, "2024-05-02", frozenset({"k1"}), frozenset({"ha tinh"}), frozenset(), True)
>>> [sorted(s.document for s in group) for group in cluster([a, b, c])]
[[1, 2, 3]]
>>> d = Seen(4, "2024-05-02", frozenset({"k3"}), frozenset({"ha tinh"}), frozenset(), True)
>>> [sorted(s.document for s in group) for group in cluster([a, d])]
[[1], [4]]
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Iterator

import sqlite_utils

from ..text.fold import lookup_form
from .load import insert
from .offices import Office, fold_key, lexicons, office_of

#: Titles that name one office though they name no body or place (there is one Prime Minister);
#: any other bare title ("Chủ tịch", "Giám đốc") says too little to be an office of its own.
NATIONAL = frozenset(lookup_form(t) for t in ("Thủ tướng", "Phó Thủ tướng", "Tổng Bí thư", "Chủ tịch nước",
                                               "Phó Chủ tịch nước", "Thường trực Ban Bí thư"))

#: Bodies whose offices are national ones (their folded names start so).
NATIONAL_BODIES = tuple(lookup_form(b) + " " for b in ("Bộ", "Chính phủ", "Quốc hội", "Trung ương", "Ban Chấp hành Trung ương",
                                                       "Ủy ban Thường vụ Quốc hội", "Bộ Chính trị", "Ban Bí thư"))
#: Sectors of national politics, between which leaders move.
POLITICS = frozenset({"state", "party", "national_assembly"})

#: Rows written per executemany while rebuilding.
_CHUNK = 2000


@dataclass(frozen=True, slots=True)
class Seen:
    """One person in one document: what the merge compares."""

    document: int
    published: str | None
    offices: frozenset[str]       # office keys of the titles
    places: frozenset[str]        # folded place names
    organizations: frozenset[str]  # folded organizations
    titled: bool
    name: str = ""
    facts: tuple = ()              # (fact id, start, end, titles JSON) of every mention
    current: tuple = ()            # Office of every current (not former) title
    sector: str | None = None
    national: bool = False         # holds a national office of the state, Party or National Assembly
    heads: frozenset[str] = frozenset()  # folded office titles without body or place: "bộ trưởng"

    def shares(self, other: "Group") -> bool:
        """Strong evidence (an office, an organization, a place in common) or, when neither the
        places nor the sectors disagree, weak evidence: one title head ("Tổng thống" and "Tổng
        thống Mỹ"), one organization inside the other ("Vingroup", "Tập đoàn Vingroup"), two
        national leaders, two foreign officials."""
        if self.offices & other.offices or self.places & other.places or self.organizations & other.organizations:
            return True
        if (self.places and other.places) or (self.sector and other.sectors and self.sector not in other.sectors):
            return False
        return bool(self.heads & other.heads or _inside(self.organizations, other.organizations)
                    or (self.national and other.national) or (self.sector == "foreign" and "foreign" in other.sectors))


@dataclass
class Group:
    """A person across documents while clustering."""

    seen: list[Seen] = field(default_factory=list)
    offices: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    organizations: set[str] = field(default_factory=set)
    national: bool = False
    heads: set[str] = field(default_factory=set)
    sectors: set[str] = field(default_factory=set)

    def add(self, seen: Seen) -> None:
        self.seen.append(seen)
        self.national = self.national or seen.national
        self.heads |= seen.heads
        if seen.sector:
            self.sectors.add(seen.sector)
        self.offices |= seen.offices
        self.places |= seen.places
        self.organizations |= seen.organizations

    def absorb(self, other: "Group") -> None:
        for seen in other.seen:
            self.add(seen)


def _inside(mine: frozenset[str], theirs: set[str]) -> bool:
    """One organization's name inside another's, whole words, and more than a body's kind
    ("vingroup" in "tập đoàn vingroup"; not "hội" in "hội truyền nhiễm").

    >>> _inside(frozenset({"vingroup"}), {"tập đoàn vingroup"}), _inside(frozenset({"ban"}), {"ban chỉ đạo"})
    (True, False)
    """
    body = lexicons()["BODY"]
    for a in mine:
        for b in theirs:
            short, long = (a, b) if len(a) <= len(b) else (b, a)
            if short != long and f" {short} " in f" {long} " and not body.contains(short):
                return True
    return False


def cluster(seen: Iterable[Seen]) -> list[list[Seen]]:
    """The people among one name's articles (the module's rule 2 and 3), in order of first sight.

    >>> t = Seen(1, None, frozenset({"k"}), frozenset(), frozenset(), True)
    >>> u = Seen(2, None, frozenset(), frozenset(), frozenset(), False)
    >>> [len(g) for g in cluster([t, u])]
    [2]
    """
    groups: list[Group] = []
    untitled: list[Seen] = []
    for item in seen:
        if not item.titled:
            untitled.append(item)
            continue
        matches = [g for g in groups if item.shares(g)]
        if not matches:
            group = Group()
            groups.append(group)
        else:
            group = matches[0]
            for other in matches[1:]:  # the article bridges two: they were one person
                group.absorb(other)
                groups.remove(other)
        group.add(item)
    if len(groups) == 1:
        for item in untitled:
            groups[0].add(item)
        untitled = []
    people = [g.seen for g in groups]
    if untitled and not groups:  # nobody of that name has a title: one person
        people.append(untitled)
    elif untitled:  # several titled people of that name: which one is unknown, one person per article
        people.extend([item] for item in untitled)
    return people


@lru_cache(maxsize=50_000)
def _office(title: str) -> Office | None:
    return office_of(title, lexicons())


def _place_key(office: Office) -> frozenset[str]:
    return office.places


def seen_in(document: int, published: str | None, rows: list[tuple]) -> Seen:
    """One person in one document from its official facts' rows
    (fact id, start, end, name, titles JSON, organization, sector, former)."""
    offices, places, organizations, current, heads = set(), set(), set(), [], set()
    titled = False
    for _, _, _, _, titles, organization, _, _ in rows:
        for title in json.loads(titles) if titles else ():
            titled = True
            office = _office(title)
            if office is None:
                continue
            offices.add(office.key)
            heads.add(lookup_form(office.title))
            places |= _place_key(office)
            if office.organization:
                organizations.add(fold_key(office.organization))
            if not office.former:
                current.append(office)
        if organization:
            titled = True
            organizations.add(fold_key(organization))
    sectors = Counter(r[6] for r in rows if r[6])
    names = Counter(r[3] for r in rows)
    foreign = sectors.most_common(1)[0][0] == "foreign" if sectors else False
    current = [o for o in current if o.organization or o.place or (lookup_form(o.title) in NATIONAL and not foreign)]
    national = bool(sectors) and sectors.most_common(1)[0][0] in POLITICS and any(_national(o) for o in current)
    return Seen(document, published, frozenset(offices), frozenset(places), frozenset(organizations), titled,
                name=names.most_common(1)[0][0], facts=tuple((r[0], r[1], r[2], r[4]) for r in rows),
                current=tuple(current), sector=sectors.most_common(1)[0][0] if sectors else None, national=national,
                heads=frozenset(heads))


def _national(office: Office) -> bool:
    """A national office: no place, and a national title or body (Thủ tướng, Bộ trưởng Bộ Y tế, Quốc hội).

    >>> _national(office_of("Bộ trưởng Bộ Y tế", lexicons())), _national(office_of("Giám đốc Sở Y tế Hà Tĩnh", lexicons()))
    (True, False)
    """
    if office.place:
        return False
    if lookup_form(office.title) in NATIONAL:
        return True
    body = lookup_form(office.organization or "") + " "
    return body.startswith(NATIONAL_BODIES)


def _by_name(db: sqlite_utils.Database) -> Iterator[list[Seen]]:
    """Each folded name's people-in-documents, one name at a time (SQLite sorts, Python streams)."""
    db.conn.create_function("vnfacts_fold", 1, lambda s: lookup_form(s) if s else s, deterministic=True)
    rows = db.execute(
        "select vnfacts_fold(f.name) as k, f.document_id, d.published, f.id, f.start, f.[end], f.name, f.titles, "
        "f.organization, f.sector, f.former from facts f join documents d on d.id = f.document_id "
        "where f.type = 'official' and f.name is not null order by k, d.published, f.document_id, f.start")
    key, group, doc, doc_rows, published = None, [], None, [], None
    for k, document, pub, *rest in rows:
        if (k, document) != (key, doc) and doc_rows:
            group.append(seen_in(doc, published, doc_rows))
            doc_rows = []
        if k != key and group:
            yield group
            group = []
        key, doc, published = k, document, pub
        doc_rows.append(tuple(rest))
    if doc_rows:
        group.append(seen_in(doc, published, doc_rows))
    if group:
        yield group


def rebuild_people(db: sqlite_utils.Database) -> int:
    """Empty and refill people, mentions, offices and tenures from the facts, in one transaction;
    returns the number of people."""
    from .schema import DERIVED

    people = 0
    office_ids: dict[str, int] = {}
    holders: Counter = Counter()
    with db.conn:
        for table in DERIVED:
            db.execute(f"delete from [{table}]")
        mentions: list[dict] = []
        tenures: list[dict] = []
        for group in _by_name(db):
            for person in cluster(group):
                people += 1
                person_id = _write_person(db, person)
                for seen in person:
                    mentions.extend({"person_id": person_id, "document_id": seen.document, "fact_id": f[0],
                                     "start": f[1], "end": f[2], "titles": f[3]} for f in seen.facts)
                for office_id, tenure in _tenures(db, person, office_ids).items():
                    holders[office_id] += 1
                    tenures.append({"person_id": person_id, "office_id": office_id, **tenure})
                if len(mentions) > _CHUNK or len(tenures) > _CHUNK:
                    insert(db, "mentions", mentions), insert(db, "tenures", tenures)
                    mentions, tenures = [], []
        insert(db, "mentions", mentions)
        insert(db, "tenures", tenures)
        db.conn.executemany("update offices set holders = ? where id = ?", [(n, i) for i, n in holders.items()])
        db.execute("insert or replace into vnfacts_meta (key, value) values ('people_stale', '0')")
    return people


def _write_person(db, person: list[Seen]) -> int:
    names = Counter(s.name for s in person for _ in s.facts)
    sectors = Counter(s.sector for s in person if s.sector)
    dates = [s.published for s in person if s.published]
    return insert(db, "people", [{
        "name": names.most_common(1)[0][0], "documents": len({s.document for s in person}),
        "mentions": sum(len(s.facts) for s in person), "sector": sectors.most_common(1)[0][0] if sectors else None,
        "first_seen": min(dates, default=None), "last_seen": max(dates, default=None)}])


def _tenures(db, person: list[Seen], office_ids: dict[str, int]) -> dict[int, dict]:
    """The person's offices: first and last publication date each was seen, and in how many documents."""
    found: dict[int, dict] = {}
    for seen in person:
        for office in {o.key: o for o in seen.current}.values():
            office_id = office_ids.get(office.key)
            if office_id is None:
                office_id = office_ids[office.key] = insert(db, "offices", [{
                    "title": office.title, "organization": office.organization, "place": office.place,
                    "level": office.level, "label": office.label, "holders": 0}])
            tenure = found.setdefault(office_id, {"first_seen": None, "last_seen": None, "documents": 0})
            tenure["documents"] += 1
            if seen.published:
                tenure["first_seen"] = min(filter(None, (tenure["first_seen"], seen.published)))
                tenure["last_seen"] = max(filter(None, (tenure["last_seen"], seen.published)))
    return found
