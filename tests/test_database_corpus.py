"""The database on real articles (../shared/corpus): one to one with the JSON Lines, and the most
mentioned official found across all their articles."""
import json
import sqlite3
from collections import defaultdict

import pytest
from click.testing import CliRunner

pytest.importorskip("sqlite_utils")  # the db extra is in the test extra: CI has it

from conftest import SHARED  # noqa: E402
from vnfacts.cli import main  # noqa: E402
from vnfacts.text.fold import lookup_form  # noqa: E402

pytestmark = pytest.mark.shared("corpus")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus-db")
    out, db = folder / "f.jsonl", folder / "f.db"
    # A third of the corpus: enough people across articles, a few seconds of extraction.
    result = CliRunner().invoke(main, ["batch", str(SHARED / "corpus" / "news"), "--glob", "dantri-0[0-3]*.txt",
                                       "-o", str(out), "--db", str(db), "-q"])
    assert result.exit_code in (0, 1), result.output
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()], db


def test_documents_and_facts_match_the_json_lines_one_to_one(built):
    docs, db = built
    con = sqlite3.connect(db)
    assert dict(con.execute("select source, facts from documents")) == \
        {d["source"]: len(d.get("facts") or []) for d in docs}
    by_type = defaultdict(int)
    for d in docs:
        for f in d.get("facts") or []:
            by_type[f["type"]] += 1
    assert dict(con.execute("select type, count(*) from facts group by type")) == by_type


def test_people_finds_the_most_mentioned_official_in_all_their_articles(built):
    docs, db = built
    articles = defaultdict(set)
    for d in docs:
        for f in d.get("facts") or []:
            if f["type"] == "official":
                articles[lookup_form(f["name"])].add(d["source"])
    name = max(articles, key=lambda k: (len(articles[k]), k))
    result = CliRunner().invoke(main, ["people", "--db", str(db), name, "--format", "json"])
    top = json.loads(result.stdout)[0]
    assert lookup_form(top["name"]) == name and top["documents"] == len(articles[name])
    assert top["offices"], "the most mentioned official holds an office"


def test_a_second_build_changes_no_count(built):
    docs, db = built
    tables = ("documents", "facts", "people", "mentions", "offices", "tenures")
    con = sqlite3.connect(db)
    before = [con.execute(f"select count(*) from {t}").fetchone()[0] for t in tables]
    con.close()
    out = db.parent / "f.jsonl"
    assert CliRunner().invoke(main, ["db", "build", str(out), "--db", str(db), "-q"]).exit_code == 0
    con = sqlite3.connect(db)
    assert [con.execute(f"select count(*) from {t}").fetchone()[0] for t in tables] == before
