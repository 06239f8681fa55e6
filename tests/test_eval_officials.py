"""Officials in `vnfacts eval`: recall per gold sector, sector and rank accuracy (table and JSON)."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from vnfacts import Fact
from vnfacts.cli import eval_cmd, main
from vnfacts.evaluate import evaluate, load_gold
from vnfacts.evaluate.gold import SECTORS

ROOT = Path(__file__).resolve().parents[1]
TEXT = ("Sáng 12-3, ông Lê Văn An, Chủ tịch UBND tỉnh, dự họp. Đại tá Trần Minh Bảo, Giám đốc Công an tỉnh, "
        "báo cáo. Bà Phạm Thu Cúc, Hiệu trưởng Trường THPT Lý Thường Kiệt, phát biểu. Ông Hoàng Đức Dũng, "
        "Giám đốc Công ty Sông Hồng, cho biết. Ông An nhấn mạnh.")


def official(surface, name, titles=(), **keys):
    return {"type": "official", "text": surface, "name": name, "titles": list(titles), **keys}


GOLD_ROW = {"id": "t1", "text": TEXT, "published": "2024-03-12", "facts": [
    official("ông Lê Văn An, Chủ tịch UBND tỉnh", "Lê Văn An", ["Chủ tịch UBND tỉnh"], sector="state"),
    official("Đại tá Trần Minh Bảo, Giám đốc Công an tỉnh", "Trần Minh Bảo", ["Giám đốc Công an tỉnh"],
             sector="police", rank="Đại tá"),
    official("Bà Phạm Thu Cúc, Hiệu trưởng Trường THPT Lý Thường Kiệt", "Phạm Thu Cúc",
             ["Hiệu trưởng Trường THPT Lý Thường Kiệt"], sector="education_health"),
    official("Ông Hoàng Đức Dũng, Giám đốc Công ty Sông Hồng", "Hoàng Đức Dũng", ["Giám đốc Công ty Sông Hồng"]),
    official("Ông An", "Lê Văn An", sector="state"),
]}


def found(surface, name, **keys):
    start = TEXT.find(surface)
    return Fact("official", surface, start, start + len(surface), name, "official.test", name=name, **keys)


@pytest.fixture()
def gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD_ROW, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def report_of(gold, predictions, types=None):
    return evaluate(load_gold(gold), lambda doc: predictions, types)


# Found: An twice (state; one right, one wrong sector), Bảo (police, rank folded equal), Dũng (no gold
# sector). Missed: Cúc.
WITH_SECTORS = [
    found("ông Lê Văn An, Chủ tịch UBND tỉnh", "Lê Văn An", sector="state"),
    found("Đại tá Trần Minh Bảo, Giám đốc Công an tỉnh", "Trần Minh Bảo", sector="police", rank="đại  tá"),
    found("Ông Hoàng Đức Dũng, Giám đốc Công ty Sông Hồng", "Hoàng Đức Dũng", sector="business"),
    found("Ông An", "Lê Văn An", sector="party"),
]
WITHOUT_SECTORS = [found(p.text, p.name) for p in WITH_SECTORS]


def test_recall_per_gold_sector_with_unknown_for_officials_without_one(gold):
    report = report_of(gold, WITHOUT_SECTORS)
    sectors = report.to_dict()["officials"]["sectors"]
    assert sectors == {"state": {"gold": 2, "found": 2, "recall": 1.0},
                       "police": {"gold": 1, "found": 1, "recall": 1.0},
                       "education_health": {"gold": 1, "found": 0, "recall": 0.0},
                       "unknown": {"gold": 1, "found": 1, "recall": 1.0}}
    assert list(sectors) == ["state", "police", "education_health", "unknown"]   # docs/annotation.md order
    official = report.types["official"]
    assert sum(s["found"] for s in sectors.values()) == official.tp == 4
    assert sum(s["gold"] for s in sectors.values()) == official.tp + official.fn


def test_sector_accuracy_counts_matched_officials_with_a_gold_sector(gold):
    report = report_of(gold, WITH_SECTORS)
    figures = report.to_dict()["officials"]
    # Compared: An (state = state), Bảo (police), short "Ông An" (party, wrong); Dũng has no gold sector.
    assert (figures["sector_compared"], figures["sector_given"], figures["sector_correct"]) == (3, 3, 2)
    assert figures["sector_accuracy"] == round(2 / 3, 4)
    [wrong] = [e for e in report.errors if e["kind"] == "sector_miss"]
    assert wrong == {"document": "t1", "type": "official", "kind": "sector_miss", "text": "Ông An",
                     "name": "Lê Văn An", "sector": "state", "predicted": "party"}


def test_a_matched_official_without_a_predicted_sector_is_wrong_when_sectors_are_given(gold):
    predictions = [WITH_SECTORS[0], found("Ông An", "Lê Văn An")]
    figures = report_of(gold, predictions).to_dict()["officials"]
    assert (figures["sector_compared"], figures["sector_given"], figures["sector_correct"]) == (2, 1, 1)
    assert figures["sector_accuracy"] == 0.5


def test_no_sector_accuracy_and_no_sector_errors_when_no_prediction_gives_a_sector(gold):
    report = report_of(gold, WITHOUT_SECTORS)
    figures = report.to_dict()["officials"]
    assert figures["sector_accuracy"] is None and figures["sector_compared"] == 3 and figures["sector_given"] == 0
    assert figures["rank_accuracy"] is None
    assert not [e for e in report.errors if e["kind"] in ("sector_miss", "rank_miss")]


def test_a_sector_on_an_unmatched_prediction_is_enough_to_judge_sectors(gold):
    stray = found("Ông An", "Lê An", sector="state")          # another name: a false hit
    report = report_of(gold, WITHOUT_SECTORS[:1] + [stray])
    assert report.officials.sector.predicted and report.to_dict()["officials"]["sector_accuracy"] == 0.0


def test_rank_accuracy_compares_folded_and_only_where_the_gold_has_a_rank(gold):
    figures = report_of(gold, WITH_SECTORS).to_dict()["officials"]
    assert (figures["rank_compared"], figures["rank_given"], figures["rank_correct"]) == (1, 1, 1)
    assert figures["rank_accuracy"] == 1.0
    other = [found("Đại tá Trần Minh Bảo, Giám đốc Công an tỉnh", "Trần Minh Bảo", rank="Thượng tá")]
    report = report_of(gold, other)
    assert report.to_dict()["officials"]["rank_accuracy"] == 0.0
    assert [(e["kind"], e["rank"], e["predicted"]) for e in report.errors if e["kind"] == "rank_miss"] == [
        ("rank_miss", "Đại tá", "Thượng tá")]


def test_json_keeps_every_key_it_had_and_adds_officials(gold):
    data = report_of(gold, WITH_SECTORS).to_dict()
    assert set(data) == {"documents", "types", "overall", "errors", "failed", "officials"}
    assert {"title_recall", "titles_found", "titles_gold", "tp", "fp", "fn", "f1"} <= set(data["types"]["official"])
    officials = data["officials"]
    assert set(officials) == {"title_recall", "titles_found", "titles_gold", "sectors",
                              "sector_accuracy", "sector_correct", "sector_given", "sector_compared",
                              "rank_accuracy", "rank_correct", "rank_given", "rank_compared"}
    assert officials["title_recall"] == data["types"]["official"]["title_recall"]
    json.dumps(data, ensure_ascii=False)


def test_no_officials_key_when_officials_are_not_scored(gold):
    assert "officials" not in report_of(gold, WITH_SECTORS, types=["date"]).to_dict()


def test_sectors_are_the_schemas_sectors():
    schema = json.loads((ROOT / "schema" / "document.schema.json").read_text(encoding="utf-8"))
    enums = []

    def walk(node):
        if isinstance(node, dict):
            if "sector" in node and isinstance(node["sector"], dict) and "enum" in node["sector"]:
                enums.append(node["sector"]["enum"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(schema)
    assert enums and all(tuple(e) == SECTORS for e in enums)


# Through the command


def run(*args):
    return CliRunner().invoke(main, ["eval", *map(str, args)], catch_exceptions=False)


@pytest.fixture()
def fixed(monkeypatch):
    """vnfacts replaced by a predictor that returns WITH_SECTORS."""
    from types import SimpleNamespace
    rules = SimpleNamespace(ruleset=SimpleNamespace(types=["date", "official"]))
    monkeypatch.setattr(eval_cmd, "load_extractor", lambda paths: rules)
    monkeypatch.setattr(eval_cmd, "vnfacts_predictor", lambda extractor: lambda doc: WITH_SECTORS)


def test_table_has_a_sector_table_after_the_figures_and_the_accuracy_lines(gold, fixed):
    result = run(gold)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.index("overall") < out.index("officials by gold sector") < out.index("t1\n")
    row = next(line for line in out.splitlines() if "education_health" in line)
    assert row.split("│")[2:5] == [f"{' ' * 4}1 ", f"{' ' * 5}0 ", "  0.000 "]
    assert "official sector accuracy: 0.667 (2/3 matched officials with a gold sector; 3 with a predicted one)" in out
    assert "official rank accuracy: 1.000 (1/1 matched officials with a gold rank; 1 with a predicted one)" in out
    assert 'bad sector official  "Ông An" → Lê Văn An: sector state, predicted party' in out


def test_json_through_the_command(gold, fixed):
    data = json.loads(run(gold, "--format", "json").stdout)
    assert data["officials"]["sectors"]["state"] == {"gold": 2, "found": 2, "recall": 1.0}
    assert data["officials"]["sector_accuracy"] == 0.6667 and data["officials"]["rank_accuracy"] == 1.0


def test_no_sector_table_when_the_gold_gives_no_sector(tmp_path, fixed):
    row = {**GOLD_ROW, "facts": [{k: v for k, v in f.items() if k not in ("sector", "rank")}
                                 for f in GOLD_ROW["facts"]]}
    path = tmp_path / "plain.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    result = run(path)
    assert result.exit_code == 0
    assert "official title recall" in result.stdout
    assert "by gold sector" not in result.stdout and "accuracy" not in result.stdout
    assert json.loads(run(path, "--format", "json").stdout)["officials"]["sectors"] == {
        "unknown": {"gold": 5, "found": 4, "recall": 0.8}}


def test_vnfacts_itself_reports_sectors(gold):
    data = json.loads(run(gold, "--types", "official", "--format", "json").stdout)
    sectors = data["officials"]["sectors"]
    assert set(sectors) <= set(SECTORS) | {"unknown"} and sum(s["gold"] for s in sectors.values()) == 5
    assert sum(s["found"] for s in sectors.values()) == data["types"]["official"]["tp"]
