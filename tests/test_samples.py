"""Each sample article gives exactly its hand-written expected facts."""
from pathlib import Path

import pytest
import yaml

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
EXPECTED = sorted(SAMPLES.glob("*.facts.yaml"))


def _row(fact):
    extra = {k: v for k, v in fact.to_dict().items() if k not in ("type", "text", "value", "start", "end", "rule")}
    return [fact.type, fact.text, fact.to_dict()["value"], extra]


@pytest.mark.parametrize("expected_file", EXPECTED, ids=[p.name.split(".")[0] for p in EXPECTED])
def test_sample(extractor, expected_file):
    spec = yaml.safe_load(expected_file.read_text(encoding="utf-8"))
    text = (SAMPLES / (expected_file.name.split(".")[0] + ".txt")).read_text(encoding="utf-8")
    doc = extractor.extract(text, published=spec.get("published"))
    got = [_row(f) for f in doc.facts if f.type in spec["types"]]
    assert got == spec["facts"]
    for f in doc.facts:
        assert doc.text[f.start:f.end] == f.text


def test_there_are_samples():
    assert len(EXPECTED) >= 2
