"""vnfacts.database: building the database from batch output (load, re-runs, bad lines, kills)."""
import gzip
import json
import sqlite3

import pytest

sqlite_utils = pytest.importorskip("sqlite_utils")  # the db extra is in the test extra: CI has it

from dbdata import records, write  # noqa: E402
from vnfacts.database.load import build  # noqa: E402
from vnfacts.database.read import NotVnfactsOutput  # noqa: E402
from vnfacts.database.schema import create, dump  # noqa: E402


def counts(path):
    con = sqlite3.connect(path)
    try:
        return {t: con.execute(f"select count(*) from [{t}]").fetchone()[0]
                for t in ("documents", "facts", "people", "mentions", "offices", "tenures")}
    finally:
        con.close()


def test_documents_and_facts_match_the_records_one_to_one(tmp_path):
    src = write(tmp_path / "f.jsonl")
    build(tmp_path / "f.db", [str(src)])
    con = sqlite3.connect(tmp_path / "f.db")
    rows = {s: n for s, n in con.execute("select source, facts from documents")}
    assert rows == {r["source"]: len(r.get("facts") or []) for r in records()}
    assert con.execute("select count(*) from facts").fetchone()[0] == sum(len(r.get("facts") or []) for r in records())
    error = con.execute("select error_kind, error_message from documents where source = 'news/broken.bin'").fetchone()
    assert error == ("decode", "news/broken.bin: binary")


def test_numbers_are_exact_and_dates_have_days(tmp_path):
    build(tmp_path / "f.db", [str(write(tmp_path / "f.jsonl"))])
    con = sqlite3.connect(tmp_path / "f.db")
    number, = con.execute("select number from facts where type = 'money'").fetchone()
    assert number == 27000000000 and isinstance(number, int)
    assert con.execute("select number from facts where type = 'percent'").fetchone()[0] == 7.5
    assert con.execute("select date_start, date_end from facts where type = 'date'").fetchone() == \
        ("2024-07-01", "2024-09-30")
    titles, = con.execute("select titles from facts where type = 'official' and start = 10").fetchone()
    assert json.loads(titles) == ["Chủ tịch UBND tỉnh Quảng Bình"]


def test_a_second_build_changes_no_count(tmp_path):
    src = write(tmp_path / "f.jsonl")
    first = build(tmp_path / "f.db", [str(src)])
    before = counts(tmp_path / "f.db")
    second = build(tmp_path / "f.db", [str(src)])
    assert counts(tmp_path / "f.db") == before
    assert (first.added, second.added, second.unchanged) == (5, 0, 5)


def test_a_changed_document_replaces_its_rows(tmp_path):
    build(tmp_path / "f.db", [str(write(tmp_path / "f.jsonl"))])
    con = sqlite3.connect(tmp_path / "f.db")
    doc_id, = con.execute("select id from documents where source = 'news/a1.txt'").fetchone()
    con.close()
    changed = records()
    changed[0]["facts"] = changed[0]["facts"][:1]
    report = build(tmp_path / "f.db", [str(write(tmp_path / "g.jsonl", changed))])
    con = sqlite3.connect(tmp_path / "f.db")
    assert report.replaced == 1 and report.unchanged == 4
    assert con.execute("select id, facts from documents where source = 'news/a1.txt'").fetchone() == (doc_id, 1)
    assert con.execute("select count(*) from facts where document_id = ?", [doc_id]).fetchone()[0] == 1
    assert con.execute("select count(*) from documents").fetchone()[0] == 5


def test_gzip_files_and_cluster_folders_load(tmp_path):
    rows = records()
    with gzip.open(tmp_path / "f.jsonl.gz", "wt", encoding="utf-8") as out:
        out.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows[:2]))
    parts = tmp_path / "cluster-out"
    parts.mkdir()
    for i, r in enumerate(rows[2:]):
        with gzip.open(parts / f"part-{i:05d}.jsonl.gz", "wt", encoding="utf-8") as out:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    (parts / "_SUCCESS").write_text("")
    report = build(tmp_path / "f.db", [str(tmp_path / "f.jsonl.gz"), str(parts)])
    assert (report.files, report.added) == (4, 5)


@pytest.mark.parametrize("line, problem", [
    ('{"id": 1, "text": "Bài báo"}', 'no "source"'),
    ("not json at all", "not valid JSON"),
    ('{"source": "x", "facts": [{"type": "money"}]}', 'fact 1 has no "text"'),
])
def test_a_line_that_is_not_vnfacts_output_names_file_and_line_and_writes_nothing(tmp_path, line, problem):
    src = write(tmp_path / "f.jsonl")
    with open(src, "a", encoding="utf-8") as out:
        out.write(line + "\n")
    with pytest.raises(NotVnfactsOutput) as err:
        build(tmp_path / "f.db", [str(src)])
    assert f"{src}:6:" in str(err.value) and problem in str(err.value)
    assert not (tmp_path / "f.db").exists()


def test_a_killed_build_leaves_whole_batches_and_a_rerun_completes_it(tmp_path):
    src = write(tmp_path / "f.jsonl")

    def kill(report):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build(tmp_path / "f.db", [str(src)], batch=2, on_batch=kill)
    con = sqlite3.connect(tmp_path / "f.db")
    docs = con.execute("select count(*) from documents").fetchone()[0]
    facts = con.execute("select count(*) from facts").fetchone()[0]
    stale = con.execute("select value from vnfacts_meta where key = 'people_stale'").fetchone()[0]
    con.close()
    assert (docs, facts, stale) == (2, 6, "1")  # the first batch of two documents, whole
    report = build(tmp_path / "f.db", [str(src)])
    assert (report.added, report.unchanged) == (3, 2)
    assert counts(tmp_path / "f.db")["documents"] == 5 and counts(tmp_path / "f.db")["people"] == 2


def test_a_kill_inside_a_batch_writes_none_of_it(tmp_path, monkeypatch):
    from vnfacts.database import load

    calls = {"n": 0}
    real = load._load

    def dying(db, line, run, report):
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt
        real(db, line, run, report)

    monkeypatch.setattr(load, "_load", dying)
    with pytest.raises(KeyboardInterrupt):
        build(tmp_path / "f.db", [str(write(tmp_path / "f.jsonl"))], batch=3)
    assert counts(tmp_path / "f.db")["documents"] == 3


def test_a_database_vnfacts_did_not_make_is_refused(tmp_path):
    con = sqlite3.connect(tmp_path / "other.db")
    con.execute("create table birds (name text)")
    con.commit()
    con.close()
    with pytest.raises(NotVnfactsOutput, match="did not make"):
        build(tmp_path / "other.db", [str(write(tmp_path / "f.jsonl"))])


def test_schema_file_is_the_schema_the_code_creates():
    from pathlib import Path

    db = sqlite_utils.Database(memory=True)
    create(db)
    assert (Path(__file__).parents[1] / "schema" / "database.sql").read_text(encoding="utf-8") == dump(db)


def test_a_build_killed_with_sigkill_is_consistent_and_a_rerun_completes_it(tmp_path):
    import subprocess
    import sys

    src = write(tmp_path / "f.jsonl")
    # The process kills itself (SIGKILL: no clean-up of any kind) once its second batch is committed.
    script = ("import os, signal, sys\n"
              "from vnfacts.database.load import build\n"
              "seen = []\n"
              "def kill(report):\n"
              "    seen.append(1)\n"
              "    if len(seen) == 2:\n"
              "        os.kill(os.getpid(), signal.SIGKILL)\n"
              "build(sys.argv[1], [sys.argv[2]], batch=2, on_batch=kill)\n")
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "f.db"), str(src)])
    assert done.returncode == -9
    con = sqlite3.connect(tmp_path / "f.db")
    assert con.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert con.execute("select count(*) from documents").fetchone()[0] == 4
    assert con.execute("select count(*) from facts").fetchone()[0] == 8
    con.close()
    report = build(tmp_path / "f.db", [str(src)])
    assert (report.added, report.unchanged) == (1, 4)
    assert counts(tmp_path / "f.db") == {"documents": 5, "facts": 8, "people": 2, "mentions": 5, "offices": 3,
                                         "tenures": 3}
