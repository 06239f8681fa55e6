"""Loading batch output into the database: checked first, then written a transaction per batch of
documents, then the people tables rebuilt.

Re-running on the same sources updates them: a document whose line is unchanged is left as it
is; a changed one replaces its facts (same `documents.id`); a new one is added. Every batch of
documents is one transaction, so a killed build leaves whole documents only, and a re-run
completes it. Every line of every input is checked before anything is written: a line that
is not vnfacts output stops the build with its `file:line` and the database untouched.

>>> import tempfile, json, os
>>> folder = tempfile.mkdtemp(); path = os.path.join(folder, "f.jsonl")
>>> _ = open(path, "w").write(json.dumps({"source": "a.txt", "published": "2024-01-02", "facts": []}) + "\\n")
>>> build(os.path.join(folder, "f.db"), [path], people=False).added
1
>>> build(os.path.join(folder, "f.db"), [path], people=False).unchanged
1
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import sqlite_utils

from .. import __version__
from .read import Line, NotVnfactsOutput, Run, input_files, lines, run_of
from .rows import rows_of
from .schema import create, schema_version, SCHEMA_VERSION

#: Documents per transaction: large enough to be fast, small enough that a kill loses little.
BATCH = 500


@dataclass
class Report:
    """What a build did, for its summary line and for tests."""

    files: int = 0
    lines: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    facts: int = 0
    people: int = 0
    texts: int = 0
    no_text: int = 0
    sources: list[str] = field(default_factory=list, repr=False)

    def summary(self) -> str:
        """One line for stderr.

        >>> Report(files=1, lines=3, added=2, unchanged=1, facts=9).summary()
        '3 records from 1 file: 2 added, 0 replaced, 1 unchanged; 9 facts written'
        """
        return (f"{self.lines} records from {self.files} file{'s' * (self.files != 1)}: {self.added} added, "
                f"{self.replaced} replaced, {self.unchanged} unchanged; {self.facts} facts written"
                + (f"; {self.people} people" if self.people else "")
                + (f"; {self.texts} texts stored" if self.texts else "")
                + (f"; {self.no_text} sources not readable for --text" if self.no_text else ""))


def open_database(path: str | Path, *, text: bool = False) -> sqlite_utils.Database:
    """The database at `path`, created if new; an SQLite file that is not a vnfacts database, or
    one of a newer schema, is refused (NotVnfactsOutput, exit code 2)."""
    try:
        db = sqlite_utils.Database(path)
        version = schema_version(db)
        if version is None and [t for t in db.table_names() if not t.startswith("sqlite_")]:
            raise NotVnfactsOutput(f"{path}: an SQLite database that vnfacts did not make; give a new file")
    except sqlite3.OperationalError as exc:  # a missing folder, no permission
        raise NotVnfactsOutput(f"{path}: cannot open: {exc}") from None
    except sqlite3.DatabaseError as exc:
        raise NotVnfactsOutput(f"{path}: not an SQLite database ({exc})") from None
    if version is not None and version > SCHEMA_VERSION:
        raise NotVnfactsOutput(f"{path}: made by a newer vnfacts (schema {version}); upgrade vnfacts")
    db.execute("pragma journal_mode = wal")  # readers (Datasette) see the last committed batch
    # With WAL, NORMAL still never corrupts the file on a crash (a power cut may lose the last
    # committed batch, which a re-run writes again) and saves an fsync per transaction.
    db.execute("pragma synchronous = normal")
    create(db, text=text)
    return db


def check(files: Iterable[Path]) -> int:
    """Read every line of every file, raising NotVnfactsOutput at the first that is not vnfacts
    output; returns the number of records."""
    return sum(1 for path in files for _ in lines(path))


def build(db_path: str | Path, inputs: list[str], *, batch: int = BATCH, people: bool = True,
          text: bool = False, on_batch: Callable[[Report], None] | None = None) -> Report:
    """Load `inputs` (JSON Lines files, .jsonl.gz, cluster output folders) into `db_path`.

    `people=False` leaves the people tables for later (`rebuild_people`). `text` also stores
    each document's text (read again from its `source`, a local file, decoded as vnfacts
    does, so facts' offsets index it) in `texts`, with a full-text index.
    """
    files = input_files(inputs)
    report = Report(files=len(files))
    check(files)  # nothing is written unless every line is vnfacts output
    db = open_database(db_path, text=text)
    for chunk in _chunks(_records(files), batch):
        with db.conn:  # one transaction: all of the chunk or none of it
            for run, line in chunk:
                doc_id = _load(db, line, run, report)
                if text:
                    _store_text(db, doc_id, line.record, report)
            db.execute("insert or replace into vnfacts_meta (key, value) values ('people_stale', '1')")
        if on_batch:
            on_batch(report)
    if people:
        from .people import rebuild_people

        report.people = rebuild_people(db)
    db["vnfacts_meta"].upsert({"key": "vnfacts_version", "value": __version__}, pk="key")
    db.close()
    return report


def _records(files: list[Path]) -> Iterator[tuple[Run, Line]]:
    for path in files:
        run = run_of(path)
        for line in lines(path):
            yield run, line


def _chunks(items: Iterator, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _load(db: sqlite_utils.Database, line: Line, run: Run, report: Report) -> int:
    """One record: added, replaced (its facts deleted and written again) or left unchanged;
    returns its documents.id."""
    report.lines += 1
    doc, facts = rows_of(line.record, digest=line.digest, version=run.version, rules_hash=run.rules_hash)
    found = db.execute("select id, digest, vnfacts_version, rules_hash from documents where source = ?",
                       [doc["source"]]).fetchone()
    if found and found[1:] == (doc["digest"], doc["vnfacts_version"], doc["rules_hash"]):
        report.unchanged += 1
        return found[0]
    if found:
        doc_id = found[0]
        if found[1] == doc["digest"]:  # same facts, another run's provenance
            db.execute("update documents set vnfacts_version = ?, rules_hash = ? where id = ?",
                       [doc["vnfacts_version"], doc["rules_hash"], doc_id])
            report.unchanged += 1
            return doc_id
        # Mentions point at the facts: they go with them (the people rebuild writes them again).
        db.execute("delete from mentions where document_id = ?", [doc_id])
        if "texts" in db.table_names():  # its text is read again (with --text)
            db.execute("delete from texts where document_id = ?", [doc_id])
        db.execute("delete from facts where document_id = ?", [doc_id])
        db.execute(f"update documents set {', '.join(f'[{k}] = :{k}' for k in doc)} where id = :id",
                   {**doc, "id": doc_id})
        report.replaced += 1
    else:
        doc_id = insert(db, "documents", [doc])
        report.added += 1
    for row in facts:
        row["document_id"] = doc_id
    insert(db, "facts", facts)
    report.facts += len(facts)
    return doc_id


def _store_text(db: sqlite_utils.Database, doc_id: int, record: dict, report: Report) -> None:
    """The document's text in `texts`, unless it is there already or its source is not a file."""
    from ..errors import InputError
    from ..input.decode import read_input

    if record.get("error") or db.execute("select 1 from texts where document_id = ?", [doc_id]).fetchone():
        return
    try:
        decoded = read_input(record["source"], encoding=record.get("encoding"))
    except (InputError, OSError, ValueError):  # an archive member, a dump's record, a moved file
        report.no_text += 1
        return
    db.execute("insert into texts (document_id, text) values (?, ?)", [doc_id, decoded.text])
    report.texts += 1


def insert(db: sqlite_utils.Database, table: str, rows: list[dict]) -> int | None:
    """Insert `rows` with plain SQL, inside the caller's transaction (sqlite-utils' own insert
    commits on its own, which would break a batch in two); returns the last row id."""
    if not rows:
        return None
    columns = sorted({key for row in rows for key in row})
    sql = (f"insert into [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
           f"values ({', '.join(f':{c}' for c in columns)})")
    cursor = db.conn.executemany(sql, [{c: row.get(c) for c in columns} for row in rows]) if len(rows) > 1 else \
        db.conn.execute(sql, {c: rows[0].get(c) for c in columns})
    return cursor.lastrowid
