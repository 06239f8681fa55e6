"""Loading gold files: the format of docs/annotation.md, exact numbers, one-line errors with file:line."""
import json
from decimal import Decimal

import pytest

from vnfacts.evaluate import GoldError, load_gold

ARTICLE = "Sáng 4/1, tỉnh thu hơn 27 tỷ đồng, bằng 104,65% dự toán."
PERCENT = {"type": "percent", "text": "104,65%", "value": 104.65, "unit": "%"}
MONEY = {"type": "money", "text": "hơn 27 tỷ đồng", "value": 27000000000, "currency": "VND", "qualifier": "more_than"}


def write_gold(folder, rows, name="gold.jsonl"):
    path = folder / name
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    return path


def doc(**kw):
    base = {"id": "d1", "text": ARTICLE, "published": "2024-01-05", "facts": [MONEY, PERCENT]}
    base.update(kw)
    return base


def problems(path):
    with pytest.raises(GoldError) as info:
        load_gold(path)
    return info.value.problems


def test_loads_a_document_with_exact_numbers(tmp_path):
    [d] = load_gold(write_gold(tmp_path, [doc()]))
    assert d.id == "d1" and d.published == "2024-01-05" and d.text == ARTICLE
    money, percent = d.facts
    assert percent.value == Decimal("104.65") and type(percent.value) is Decimal
    assert money.value == 27000000000 and money.get("currency") == "VND" and money.text == "hơn 27 tỷ đồng"
    assert d.types == {"money", "percent"}


def test_path_is_relative_to_the_gold_file(tmp_path):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "gold").mkdir()
    row = doc()
    del row["text"]
    row["path"] = "../texts/a.txt"
    [d] = load_gold(write_gold(tmp_path / "gold", [row]))
    assert d.text == ARTICLE


def test_text_is_composed_to_nfc(tmp_path):
    import unicodedata
    decomposed = unicodedata.normalize("NFD", ARTICLE)
    [d] = load_gold(write_gold(tmp_path, [doc(text=decomposed)]))
    assert d.text == ARTICLE and d.facts[0].text == "hơn 27 tỷ đồng"


def test_a_folder_reads_every_jsonl_in_name_order(tmp_path):
    write_gold(tmp_path, [doc(id="b")], "b.jsonl")
    write_gold(tmp_path, [doc(id="a"), "", doc(id="a2")], "a.jsonl")
    (tmp_path / "notes.txt").write_text("not gold", encoding="utf-8")
    assert [d.id for d in load_gold(tmp_path)] == ["a", "a2", "b"]


def test_every_problem_is_reported_at_once_with_file_and_line(tmp_path):
    path = write_gold(tmp_path, [
        doc(id="ok"),
        "{not json",
        doc(id="x", published="05/01/2024"),
        doc(id="y", facts=[{"type": "money", "text": "hơn 27 tỷ đồng", "value": 27000000000}]),
    ])
    found = problems(path)
    assert found[0].startswith(f"{path}:2: invalid JSON")
    assert f"{path}:3: 'published' must be an ISO date YYYY-MM-DD, not '05/01/2024'" in found
    assert f"{path}:4: fact 1 (money): missing 'currency'" in found
    assert len(found) == 3
    assert all("\n" not in p for p in found)


@pytest.mark.parametrize("row, message", [
    (doc(facts=[{"type": "percent", "text": "104,65%", "value": "104,65"}]),
     "fact 1 (percent): 'value' must be a number, not '104,65'"),
    (doc(facts=[{"type": "quantity", "text": "27 tỷ", "value": 27}]), "fact 1 (quantity): missing 'unit'"),
    (doc(facts=[{"type": "date", "text": "Sáng 4/1", "value": "4/1/2024"}]),
     "fact 1 (date): 'value' '4/1/2024' is not an ISO date, month, year, quarter, time or interval"),
    (doc(facts=[{"text": "104,65%", "value": 104.65}]), "fact 1: missing 'type'"),
    (doc(facts=[{**PERCENT, "unti": "%"}]), "fact 1 (percent): unknown key 'unti' (did you mean 'unit'?)"),
    (doc(facts=[{**PERCENT, "text": "105%"}]), "fact 1 (percent): text '105%' does not occur in the article"),
    (doc(facts=[{**PERCENT, "start": 0, "end": 4}]), "fact 1 (percent): offsets 0-4 give 'Sáng', not the text '104,65%'"),
    (doc(facts=[{"type": "official", "text": "4/1", "value": "A", "name": "B"}]),
     "fact 1 (official): 'value' 'A' differs from 'name' 'B'"),
    (doc(facts=[{"type": "official", "text": "4/1", "name": "A", "titles": "Chủ tịch"}]),
     "fact 1 (official): 'titles' must be a list of strings"),
    (doc(facts=[{"type": "official", "text": "4/1", "name": "A", "sector": "buisness"}]),
     "fact 1 (official): unknown sector 'buisness' (did you mean 'business'?)"),
    (doc(facts=[{"type": "official", "text": "4/1", "name": "A", "sector": "army"}]),
     "fact 1 (official): unknown sector 'army' (one of state, party, national_assembly, military, police, "
     "judiciary, business, education_health, foreign, other)"),
    (doc(facts=[{"type": "official", "text": "4/1", "name": "A", "rank": ""}]),
     "fact 1 (official): 'rank' must be a non-empty string"),
    (doc(facts=[{"type": "official", "text": "4/1", "name": "A", "former": "yes"}]),
     "fact 1 (official): 'former' must be true or false"),
    (doc(ignroe=["x"]), "unknown key 'ignroe' (did you mean 'ignore'?)"),
    (doc(ignore=["lần thứ XX"]), "ignore text 'lần thứ XX' does not occur in the article"),
    (doc(ignore="4/1"), "'ignore' must be a list of non-empty strings"),
    (doc(facts={"type": "money"}), "'facts' must be a list (write [] for an article without facts)"),
    (doc(path="a.txt"), "give the article as exactly one of 'text' or 'path'"),
    ({"id": "d1", "facts": []}, "give the article as exactly one of 'text' or 'path'"),
    ([1, 2], "a gold line must be a JSON object, not list"),
])
def test_bad_gold_names_file_line_and_problem(tmp_path, row, message):
    path = write_gold(tmp_path, [row])
    assert problems(path) == [f"{path}:1: {message}"]


def test_missing_article_file_is_named(tmp_path):
    row = doc()
    del row["text"]
    row["path"] = "texts/nope.txt"
    path = write_gold(tmp_path, [row])
    assert problems(path) == [f"{path}:1: path 'texts/nope.txt': no such file"]


def test_duplicate_ids_point_at_the_first(tmp_path):
    path = write_gold(tmp_path, [doc(), doc()])
    assert problems(path) == [f"{path}:2: duplicate id 'd1' (first at {path}:1)"]


def test_missing_gold_and_empty_folder(tmp_path):
    assert problems(tmp_path / "nope.jsonl") == [f"{tmp_path / 'nope.jsonl'}: no such file or folder"]
    assert problems(tmp_path) == [f"{tmp_path}: no *.jsonl file in this folder"]
    empty = write_gold(tmp_path, [""])
    assert problems(empty) == [f"{empty}: no documents in the gold"]


def test_upper_may_be_null_but_not_text(tmp_path):
    [d] = load_gold(write_gold(tmp_path, [doc(facts=[{**PERCENT, "upper": None}])]))
    assert d.facts[0].get("upper") is None
    path = write_gold(tmp_path, [doc(facts=[{**PERCENT, "upper": "105"}])], "bad.jsonl")
    assert problems(path) == [f"{path}:1: fact 1 (percent): 'upper' must be a number, not '105'"]


def test_official_value_defaults_to_name(tmp_path):
    row = doc(facts=[{"type": "official", "text": "4/1", "name": "Võ Trọng Khiêm", "titles": ["Chủ tịch UBND tỉnh"]}])
    [d] = load_gold(write_gold(tmp_path, [row]))
    assert d.facts[0].value == "Võ Trọng Khiêm" and d.facts[0].get("titles") == ["Chủ tịch UBND tỉnh"]


def test_id_defaults_to_file_and_line(tmp_path):
    row = doc()
    del row["id"]
    path = write_gold(tmp_path, [row])
    assert load_gold(path)[0].id == f"{path}:1"


def test_other_keys_are_metadata_but_misspelt_keys_are_errors(tmp_path):
    row = doc(review={"by": "second annotator", "changes": 0},
              facts=[{**PERCENT, "note": "checked twice"}])
    [d] = load_gold(write_gold(tmp_path, [row]))
    assert d.facts[0].value == Decimal("104.65")
    path = write_gold(tmp_path, [doc(fact=[])], "typo.jsonl")
    assert problems(path) == [f"{path}:1: unknown key 'fact' (did you mean 'facts'?)"]


@pytest.mark.parametrize("value", ["T09:15", "T15", "--12-26", "--Q1", "2024-03-12T09", "2026/2030"])
def test_every_date_value_vnfacts_gives_is_a_gold_value(tmp_path, value):
    """Gold accepts what vnfacts produces (vnfacts.isodate), the clock-only "T09:15" too."""
    fact = {"type": "date", "text": "Sáng 4/1", "value": value, "grain": "minute"}
    [d] = load_gold(write_gold(tmp_path, [doc(facts=[fact])]))
    assert d.facts[0].value == value


@pytest.mark.parametrize("value", ["T9:15", "2024-13", "-", "2024-01-05T25"])
def test_a_date_value_outside_the_contract_is_refused(tmp_path, value):
    path = write_gold(tmp_path, [doc(facts=[{"type": "date", "text": "Sáng 4/1", "value": value}])])
    assert problems(path) == [
        f"{path}:1: fact 1 (date): 'value' {value!r} is not an ISO date, month, year, quarter, time or interval"]


def test_gold_error_is_a_problems_error():
    from vnfacts.errors import ProblemsError, VnfactsError
    assert issubclass(GoldError, ProblemsError) and issubclass(GoldError, VnfactsError)
    assert GoldError(["a:1: x", "a:2: y"]).problems == ["a:1: x", "a:2: y"]
