"""Each sample article gives exactly its expected facts (samples/**/*.facts.yaml).

A facts file names its article by `path` (relative to the repository root) or is the
article's sibling (`x.facts.yaml` beside `x.txt`). The seed's article lives in ../shared,
outside the project: its test skips when the article is absent.
"""
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
EXPECTED = sorted(SAMPLES.rglob("*.facts.yaml"))


def _spec(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _article(expected_file: Path, spec: dict) -> Path:
    if "path" in spec:
        return (ROOT / spec["path"]).resolve()
    return expected_file.with_name(expected_file.name.split(".")[0] + ".txt")


def _param(expected_file: Path):
    """One test per facts file; one whose article is in ../shared/<folder> needs that folder."""
    where = Path(_spec(expected_file).get("path", ""))
    marks = [pytest.mark.shared(where.relative_to("../shared").parts[0])] if where.is_relative_to("../shared") else []
    return pytest.param(expected_file, marks=marks, id=expected_file.name.split(".")[0])


def _row(fact):
    data = {k: float(v) if isinstance(v, Decimal) else v for k, v in fact.to_dict().items()}  # YAML has floats
    extra = {k: v for k, v in data.items() if k not in ("type", "text", "value", "start", "end", "rule")}
    return [fact.type, fact.text, data["value"], extra]


def _missing(wanted: list, rows: list) -> list:
    """The wanted rows not among `rows`, each row found used once."""
    pool, missing = list(rows), []
    for row in wanted:
        if row in pool:
            pool.remove(row)
        else:
            missing.append(row)
    return missing


def _document(doc, keys) -> dict:
    """The document keys asked for, a person's mentions as the texts they cover."""
    data = doc.to_dict()
    if "people" in data:
        data["people"] = [{**p, "mentions": [doc.text[m["start"]:m["end"]] for m in p["mentions"]]}
                          for p in data["people"]]
    return {k: data.get(k) for k in keys}


@pytest.mark.parametrize("expected_file", [_param(p) for p in EXPECTED])
def test_sample(extractor, expected_file):
    spec = _spec(expected_file)
    text = _article(expected_file, spec).read_text(encoding="utf-8")
    doc = extractor.extract(text, published=spec.get("published"))
    rows = [_row(f) for f in doc.facts]
    assert [r for r in rows if r[0] in spec["types"]] == spec["facts"]
    assert _missing(spec.get("includes", []), rows) == []
    for fact_type, fields in spec.get("allowed", {}).items():
        for name, values in fields.items():
            assert {getattr(f, name) for f in doc.of_type(fact_type)} <= set(values), (fact_type, name)
    expected_doc = spec.get("document", {})
    assert _document(doc, expected_doc) == expected_doc
    for f in doc.facts:
        assert doc.text[f.start:f.end] == f.text


def test_there_are_samples():
    assert len(EXPECTED) >= 3
