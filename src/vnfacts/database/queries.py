"""The questions `vnfacts people` and `vnfacts offices` ask of a database, as plain dicts.

A name or office is matched folded (case, NFC and tone placement: "Uỷ" finds "Ủy"), so
"nguyễn văn a" finds "Nguyễn Văn A".

>>> import sqlite_utils
>>> from .schema import create
>>> db = sqlite_utils.Database(memory=True); create(db)
>>> people(db, "Nguyễn Văn A"), offices(db, "Chủ tịch UBND tỉnh", place="Nghệ An")
([], [])
"""
from __future__ import annotations

from typing import Any

import sqlite_utils

from ..text.fold import lookup_form
from .offices import fold_key


def _functions(db: sqlite_utils.Database) -> None:
    db.conn.create_function("vnfacts_fold", 1, lambda s: lookup_form(s) if s else s, deterministic=True)
    db.conn.create_function("vnfacts_office_key", 1, lambda s: fold_key(s) if s else s, deterministic=True)


def people(db: sqlite_utils.Database, name: str | None = None, *, limit: int | None = None) -> list[dict[str, Any]]:
    """People whose name contains `name` (all without it), most documents first; each with
    `name`, `documents`, `mentions`, `sector`, `first_seen`, `last_seen` and `offices`, a list of
    `{title, organization, place, first_seen, last_seen, documents}` in order of first sight."""
    _functions(db)
    where, args = ("where instr(vnfacts_fold(name), ?) > 0", [lookup_form(name)]) if name else ("", [])
    sql = (f"select id, name, documents, mentions, sector, first_seen, last_seen from people {where} "
           "order by documents desc, mentions desc, name" + (f" limit {int(limit)}" if limit else ""))
    found = []
    for pid, pname, documents, mentions, sector, first, last in db.execute(sql, args).fetchall():
        held = db.execute(
            "select o.label, o.organization, o.place, t.first_seen, t.last_seen, t.documents from tenures t "
            "join offices o on o.id = t.office_id where t.person_id = ? order by t.first_seen, o.label", [pid])
        found.append({"id": pid, "name": pname, "documents": documents, "mentions": mentions, "sector": sector,
                      "first_seen": first, "last_seen": last,
                      "offices": [dict(zip(("title", "organization", "place", "first_seen", "last_seen", "documents"),
                                           row)) for row in held.fetchall()]})
    return found


def offices(db: sqlite_utils.Database, office: str | None = None, *, place: str | None = None,
            limit: int | None = None) -> list[dict[str, Any]]:
    """Offices whose title starts with `office` (folded, abbreviations folded: "Chủ tịch Ủy ban
    nhân dân tỉnh" finds "Chủ tịch UBND tỉnh Nghệ An"), in `place` when given; most holders first.
    Each has `title`, `organization`, `place`, `level` and `holders`, a list of
    `{name, first_seen, last_seen, documents}` in order of first sight."""
    _functions(db)
    conditions, args = [], []
    if office:
        key = fold_key(office)
        conditions.append("(substr(vnfacts_office_key(label), 1, ?) = ? or vnfacts_office_key(title) = ?)")
        args += [len(key), key, key]
    if place:
        conditions.append("instr(vnfacts_fold(place), ?) > 0")
        args.append(lookup_form(place))
    where = f"where {' and '.join(conditions)}" if conditions else ""
    sql = (f"select id, label, organization, place, level from offices {where} "
           "order by holders desc, label" + (f" limit {int(limit)}" if limit else ""))
    found = []
    for oid, label, organization, oplace, level in db.execute(sql, args).fetchall():
        held = db.execute(
            "select p.name, t.first_seen, t.last_seen, t.documents from tenures t join people p on p.id = t.person_id "
            "where t.office_id = ? order by t.first_seen, p.name", [oid])
        found.append({"id": oid, "title": label, "organization": organization, "place": oplace, "level": level,
                      "holders": [dict(zip(("name", "first_seen", "last_seen", "documents"), row))
                                  for row in held.fetchall()]})
    return found
