"""docs/database.md and the README: every example query runs, the README links the database docs."""
import sqlite3
from pathlib import Path

import pytest
import regex

pytest.importorskip("sqlite_utils")  # the db extra is in the test extra: CI has it

from dbdata import write  # noqa: E402
from vnfacts.database.load import build  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "database.md").read_text(encoding="utf-8")
QUERIES = [q for q in regex.findall(r"```sql\n(.*?)```", DOC, flags=regex.S) if "duckdb" not in q]


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs-db")
    build(folder / "f.db", [str(write(folder / "f.jsonl"))])
    con = sqlite3.connect(folder / "f.db")
    yield con
    con.close()


def test_the_docs_have_at_least_ten_example_queries():
    assert len(QUERIES) >= 10


@pytest.mark.parametrize("query", QUERIES, ids=[q.split("\n")[0][:40] for q in QUERIES])
def test_every_example_query_runs(con, query):
    con.execute(query).fetchall()  # raises on a query that does not run on the documented schema


def test_full_text_search_folds_diacritics_as_documented(con):
    query = next(q for q in QUERIES if "documents_fts match" in q)
    assert [row[2] for row in con.execute(query)] == ["Cà Mau dành ngân sách cho y tế cơ sở"]


def test_people_with_more_than_one_office_as_documented(con):
    query = next(q for q in QUERIES if "having count(*) > 1" in q)
    assert [(name, n) for name, n, _ in con.execute(query)] == [("Hoàng Minh Tuấn", 2)]


def test_readme_has_the_database_section_linking_the_docs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## A database of people and offices", 1)[1].split("\n## ", 1)[0]
    assert "docs/database.md" in section and "vnfacts db build" in section and "duckdb" in section.lower()
