"""vnfacts db build|metadata|export, vnfacts people, vnfacts offices and vnfacts batch --db."""
import asyncio
import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("sqlite_utils")  # the db extra is in the test extra: CI has it

from dbdata import records, write  # noqa: E402
from vnfacts.cli import main  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture()
def db(tmp_path):
    result = run("db", "build", write(tmp_path / "f.jsonl"), "--db", tmp_path / "f.db")
    assert result.exit_code == 0, result.output
    return tmp_path / "f.db"


def test_db_build_says_what_it_did_on_stderr_only(tmp_path):
    result = run("db", "build", write(tmp_path / "f.jsonl"), "--db", tmp_path / "f.db")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "5 records from 1 file: 5 added" in result.stderr


def test_db_build_refuses_a_line_that_is_not_vnfacts_output(tmp_path):
    src = tmp_path / "dump.jsonl"
    src.write_text('{"id": 7, "text": "Sáng nay, tỉnh tổ chức hội nghị."}\n', encoding="utf-8")
    result = run("db", "build", src, "--db", tmp_path / "f.db")
    assert result.exit_code == 2
    assert f"{src}:1: not vnfacts output" in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "f.db").exists()


def test_queries_refuse_a_file_that_is_not_a_vnfacts_database(tmp_path):
    (tmp_path / "notes.db").write_bytes(b"")
    result = run("people", "--db", tmp_path / "notes.db")
    assert result.exit_code == 2 and "not a vnfacts database" in result.stderr


def test_people_joins_one_person_across_articles_and_keeps_two_of_one_name_apart(db):
    result = run("people", "--db", db, "hoàng minh tuấn", "--format", "json")
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert len(found) == 2
    quang_binh, ca_mau = found  # most documents first
    assert quang_binh["documents"] == 3 and ca_mau["documents"] == 1
    assert [(o["title"], o["place"], o["first_seen"], o["last_seen"], o["documents"]) for o in quang_binh["offices"]] == [
        ("Chủ tịch UBND tỉnh Quảng Bình", "tỉnh Quảng Bình", "2023-03-01", "2023-03-01", 1),
        ("Bí thư Tỉnh ủy Quảng Bình", "Quảng Bình", "2024-06-15", "2024-09-02", 2)]
    assert [o["title"] for o in ca_mau["offices"]] == ["Giám đốc Sở Y tế tỉnh Cà Mau"]


def test_an_untitled_mention_links_to_the_titled_person_of_its_article(db):
    con = sqlite3.connect(db)
    persons = con.execute("select distinct m.person_id from mentions m join documents d on d.id = m.document_id "
                          "where d.source = 'news/a1.txt'").fetchall()
    assert len(persons) == 1
    assert con.execute("select count(*) from mentions where person_id = ?", persons[0]).fetchone()[0] == 4


def test_people_formats(db):
    rows = list(csv.DictReader(io.StringIO(run("people", "--db", db, "Tuấn", "-f", "csv").stdout)))
    assert {r["office"] for r in rows} == {"Chủ tịch UBND tỉnh Quảng Bình", "Bí thư Tỉnh ủy Quảng Bình",
                                           "Giám đốc Sở Y tế tỉnh Cà Mau"}
    lines = run("people", "--db", db, "-f", "jsonl").stdout.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["name"] == "Hoàng Minh Tuấn" for line in lines)
    table = run("people", "--db", db, "Hoàng Minh Tuấn", "-f", "table").stdout
    assert "Bí thư Tỉnh ủy Quảng Bình" in table and "2024-09-02" in table
    assert run("people", "--db", db, "-f", "xml").exit_code == 2


def test_offices_lists_holders_in_order_and_filters_by_place(db):
    result = run("offices", "--db", db, "Bí thư Tỉnh ủy", "--place", "quảng bình", "-f", "json")
    found = json.loads(result.stdout)
    assert [(o["title"], [h["name"] for h in o["holders"]]) for o in found] == \
        [("Bí thư Tỉnh ủy Quảng Bình", ["Hoàng Minh Tuấn"])]
    assert found[0]["holders"][0]["documents"] == 2
    spelled = json.loads(run("offices", "--db", db, "Chủ tịch Ủy ban nhân dân tỉnh", "-f", "json").stdout)
    assert [o["place"] for o in spelled] == ["tỉnh Quảng Bình"]
    assert json.loads(run("offices", "--db", db, "Bí thư", "--place", "Cà Mau", "-f", "json").stdout) == []
    rows = list(csv.DictReader(io.StringIO(run("offices", "--db", db, "-f", "csv").stdout)))
    assert len(rows) == 3 and {r["name"] for r in rows} == {"Hoàng Minh Tuấn"}


def test_db_metadata_opens_in_datasette(db):
    datasette = pytest.importorskip("datasette.app")  # in the test extra: CI has it
    result = run("db", "metadata", "--db", db)
    assert result.exit_code == 0
    metadata = json.loads(result.stdout)
    assert metadata["databases"]["f"]["tables"]["facts"]["facets"][0] == "type"

    async def ask():
        ds = datasette.Datasette([str(db)], metadata=metadata)
        table = await ds.client.get("/f/facts.json?_shape=objects&type=money")
        sql = await ds.client.get("/f.json", params={"sql": "select count(*) as n from people", "_shape": "array"})
        page = await ds.client.get("/f/facts")
        return table, sql, page

    table, sql, page = asyncio.run(ask())
    assert table.status_code == 200 and [r["number"] for r in table.json()["rows"]] == [27000000000]
    assert sql.json() == [{"n": 2}]
    assert page.status_code == 200 and "One row per fact" in page.text


def test_db_export_writes_one_parquet_file_per_table(db, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")  # in the test extra: CI has it
    result = run("db", "export", "--db", db, "--parquet", tmp_path / "pq")
    assert result.exit_code == 0, result.output
    con = sqlite3.connect(db)
    for table in ("documents", "facts", "people", "mentions", "offices", "tenures"):
        assert pq.read_table(tmp_path / "pq" / f"{table}.parquet").num_rows == \
            con.execute(f"select count(*) from {table}").fetchone()[0]
    facts = pq.read_table(tmp_path / "pq" / "facts.parquet").to_pylist()
    money = [f["number"] for f in facts if f["type"] == "money"]
    assert [int(m) for m in money] == [27000000000] and str(money[0]).startswith("27000000000")


def test_batch_db_gives_a_database_that_matches_the_json_lines(tmp_path):
    out, dbf = tmp_path / "f.jsonl", tmp_path / "f.db"
    result = run("batch", ROOT / "samples" / "gold" / "texts", "-o", out, "--db", dbf, "-q", "-j", "1")
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    con = sqlite3.connect(dbf)
    assert dict(con.execute("select source, facts from documents")) == {d["source"]: len(d["facts"]) for d in docs}
    before = [con.execute(f"select count(*) from {t}").fetchone()[0] for t in ("documents", "facts", "people")]
    con.close()
    again = run("db", "build", out, "--db", dbf)
    con = sqlite3.connect(dbf)
    assert [con.execute(f"select count(*) from {t}").fetchone()[0] for t in ("documents", "facts", "people")] == before
    assert "0 added, 0 replaced" in again.stderr


def test_batch_db_needs_a_json_lines_output(tmp_path):
    assert "--db needs -o OUT" in run("batch", ROOT / "samples", "--db", tmp_path / "f.db").stderr
    result = run("batch", ROOT / "samples", "-o", tmp_path / "f.csv", "--db", tmp_path / "f.db")
    assert result.exit_code == 2 and "JSON Lines" in result.stderr


def test_every_database_command_has_help_with_an_example():
    for command in (("db", "build"), ("db", "metadata"), ("db", "export"), ("people",), ("offices",)):
        result = run(*command, "--help")
        assert result.exit_code == 0 and "Examples:" in result.stdout and "vnfacts " in result.stdout


def test_db_build_text_stores_the_text_the_offsets_index_and_searches_it(tmp_path):
    out, dbf = tmp_path / "f.jsonl", tmp_path / "f.db"
    run("batch", ROOT / "samples" / "gold" / "texts", "-o", out, "-q", "-j", "1")
    result = run("db", "build", out, "--db", dbf, "--text")
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert f"{len(docs)} texts stored" in result.stderr
    con = sqlite3.connect(dbf)
    rows = con.execute("select t.text, f.start, f.end, f.text from facts f join texts t on t.document_id = f.document_id")
    checked = [(text[start:end], fact) for text, start, end, fact in rows]
    assert checked and all(a == b for a, b in checked)
    word = checked[0][1].split()[0]
    assert con.execute("select count(*) from texts_fts where texts_fts match ?", [f'"{word}"']).fetchone()[0] >= 1
    assert run("db", "export", "--db", dbf, "--parquet", tmp_path / "pq").exit_code == 0
    assert (tmp_path / "pq" / "texts.parquet").exists()


def test_db_build_text_counts_sources_it_cannot_read(db, tmp_path):
    result = run("db", "build", write(tmp_path / "g.jsonl"), "--db", tmp_path / "g.db", "--text")
    assert result.exit_code == 0 and "4 sources not readable for --text" in result.stderr


def test_people_and_offices_json_follow_their_schemas(db):
    jsonschema = pytest.importorskip("jsonschema")  # in the test extra: CI has it
    for command, schema in (("people", "person"), ("offices", "office")):
        found = json.loads(run(command, "--db", db, "-f", "json").stdout)
        assert found
        for item in found:
            jsonschema.validate(item, json.loads((ROOT / "schema" / f"{schema}.schema.json").read_text(encoding="utf-8")))


def test_db_build_into_a_folder_that_does_not_exist_is_one_line(tmp_path):
    result = run("db", "build", write(tmp_path / "f.jsonl"), "--db", tmp_path / "no" / "such" / "f.db")
    assert result.exit_code == 2 and "cannot open" in result.stderr and "Traceback" not in result.output


def test_batch_db_refuses_a_bad_database_before_the_run(tmp_path):
    (tmp_path / "notes.db").write_text("not a database", encoding="utf-8")
    result = run("batch", ROOT / "samples" / "gold" / "texts", "-o", tmp_path / "f.jsonl", "--db", tmp_path / "notes.db")
    assert result.exit_code == 2 and "notes.db" in result.stderr
    assert not (tmp_path / "f.jsonl").exists()
