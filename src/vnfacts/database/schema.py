"""The database's tables, indexes, views and full-text indexes, created with sqlite-utils.

One source for the schema: `create(db)` makes it, `schema/database.sql` is its dump (a test
checks they agree), docs/database.md explains it. Tables:

- `documents`: one row per batch record (`source` unique), failed documents with their error.
- `facts`: one row per fact; the contract's `value` as JSON text, and typed columns to filter on.
- `people`, `mentions`, `offices`, `tenures`: officials across articles (database/people.py),
  rebuilt from `facts` after every load.
- `texts`: the article text, only with `--text`; `vnfacts_meta`: schema version and the build.

>>> import sqlite_utils
>>> db = sqlite_utils.Database(memory=True)
>>> create(db)
>>> sorted(t for t in db.table_names() if "_fts" not in t)
['documents', 'facts', 'mentions', 'offices', 'people', 'tenures', 'vnfacts_meta']
"""
from __future__ import annotations

import sqlite_utils

#: Bumped when a table changes in a way an older database cannot be read with.
SCHEMA_VERSION = 1

DOCUMENTS = {
    "id": int, "source": str, "published": str, "title": str, "authors": str, "encoding": str,
    "error_kind": str, "error_message": str, "facts": int, "vnfacts_version": str, "rules_hash": str,
    "digest": str,
}

#: Fact columns, in order (ANY: SQLite's NUMERIC affinity keeps an integer an integer, where
#: REAL would turn 27000000000 into 27000000000.0): the contract's keys (README, schema/document.schema.json), with
#: `value` as JSON text, `number` its numeric reading, `date_start`/`date_end` a date's days,
#: `doc_number` the `number` key of a cited document, `extra` every other key as JSON.
FACTS = {
    "id": int, "document_id": int, "type": str, "text": str, "start": int, "end": int, "value": str,
    "number": "ANY", "upper": "ANY", "currency": str, "unit": str, "per": str, "qualifier": str,
    "date_start": str, "date_end": str, "grain": str, "part_of_day": str, "lunar": str, "rule": str,
    "name": str, "titles": str, "honorific": str, "rank": str, "sector": str, "former": int,
    "organization": str, "expanded": str, "level": str, "kind": str, "doc_number": str, "year": int,
    "issuer": str, "extra": str,
}

PEOPLE = {"id": int, "name": str, "documents": int, "mentions": int, "sector": str, "first_seen": str,
          "last_seen": str}
MENTIONS = {"id": int, "person_id": int, "document_id": int, "fact_id": int, "start": int, "end": int,
            "titles": str}
OFFICES = {"id": int, "title": str, "organization": str, "place": str, "level": str, "label": str,
           "holders": int}
TENURES = {"id": int, "person_id": int, "office_id": int, "first_seen": str, "last_seen": str,
           "documents": int}

#: The derived tables, emptied and refilled by every people rebuild, children first.
DERIVED = ("tenures", "mentions", "offices", "people")

INDEXES = {
    # (type, number) and (type, date_start) also serve a filter on type alone.
    "facts": (["document_id"], ["type", "number"], ["type", "date_start"], ["name"], ["organization"]),
    "documents": (["published"],),
    "mentions": (["person_id"], ["document_id"]),
    "tenures": (["person_id"], ["office_id"]),
    "offices": (["title"], ["place"]),
    "people": (["name"],),
}

FACTS_BY_DOCUMENT = """select facts.*, documents.source, documents.published
from facts join documents on documents.id = facts.document_id"""


def create(db: sqlite_utils.Database, *, text: bool = False) -> None:
    """Create every table, index, view and FTS index that is missing (an existing one is kept).

    `text` adds the `texts` table and its full-text index (`--text`).
    """
    _table(db, "vnfacts_meta", {"key": str, "value": str}, pk="key")
    _table(db, "documents", DOCUMENTS, not_null={"source"})
    _table(db, "facts", FACTS, foreign_keys=[("document_id", "documents", "id")], not_null={"document_id", "type"})
    _table(db, "people", PEOPLE)
    _table(db, "offices", OFFICES)
    _table(db, "mentions", MENTIONS, foreign_keys=[("person_id", "people", "id"), ("document_id", "documents", "id"),
                                                   ("fact_id", "facts", "id")])
    _table(db, "tenures", TENURES, foreign_keys=[("person_id", "people", "id"), ("office_id", "offices", "id")])
    db["documents"].create_index(["source"], unique=True, if_not_exists=True)
    for table, columns in INDEXES.items():
        for cols in columns:
            db[table].create_index(cols, if_not_exists=True)
    if "facts_by_document" not in db.view_names():
        db.create_view("facts_by_document", FACTS_BY_DOCUMENT)
    _fts(db, "documents", ["title"])
    _fts(db, "people", ["name"])
    _fts(db, "offices", ["label", "organization"])
    if text:
        _table(db, "texts", {"document_id": int, "text": str}, pk="document_id",
               foreign_keys=[("document_id", "documents", "id")])
        _fts(db, "texts", ["text"])
    db["vnfacts_meta"].upsert({"key": "schema_version", "value": str(SCHEMA_VERSION)}, pk="key")


def _table(db, name, columns, *, pk="id", foreign_keys=(), not_null=()):
    if name not in db.table_names():
        db[name].create(columns, pk=pk, foreign_keys=list(foreign_keys), not_null=set(not_null))


def _fts(db, table, columns):
    # Triggers keep the index in step with every insert, update and delete of the table.
    if not db[table].detect_fts():
        db[table].enable_fts(columns, create_triggers=True, tokenize="unicode61 remove_diacritics 2")


def dump(db: sqlite_utils.Database) -> str:
    """The schema as SQL, in a stable order: what `schema/database.sql` holds.

    >>> db = sqlite_utils.Database(memory=True); create(db)
    >>> 'CREATE TABLE "facts"' in dump(db) and 'CREATE VIEW "facts_by_document"' in dump(db)
    True
    """
    rows = db.execute("select type, name, sql from sqlite_master where sql is not null "
                      "and name not like '%_fts_%' order by case type when 'table' then 0 when 'index' then 1 "
                      "when 'view' then 2 else 3 end, name").fetchall()
    header = ("-- The vnfacts database (vnfacts db build, vnfacts batch --db): made by vnfacts.database.schema.create,\n"
              f"-- schema version {SCHEMA_VERSION}. docs/database.md explains every table. FTS5 shadow tables left out.\n\n")
    return header + "".join(f"{sql.strip()};\n\n" for _, _, sql in rows).rstrip() + "\n"


def schema_version(db: sqlite_utils.Database) -> int | None:
    """The schema version a database was made with (None: not a vnfacts database).

    >>> db = sqlite_utils.Database(memory=True); create(db); schema_version(db)
    1
    """
    if "vnfacts_meta" not in db.table_names():
        return None
    row = db.execute("select value from vnfacts_meta where key = 'schema_version'").fetchone()
    return int(row[0]) if row else None
