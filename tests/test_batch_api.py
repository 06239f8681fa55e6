"""The Python API and the pool: results in input order, failures as data, workers, stopping."""
from __future__ import annotations

import os

import pytest

from test_batch_helpers import BINARY, TEXTS, write_tree, zip_bytes
from vnfacts import Document
from vnfacts.batch import Failure, Item, Settings, Stop, extract_all, run, workers


@pytest.fixture()
def corpus(tmp_path):
    files = {f"{i:02d}-{name}": text for i in range(6) for name, text in TEXTS.items()}
    files["07-bin.txt"] = BINARY
    files["08-latin1.txt"] = "Chi 5 tỷ đồng".encode("utf-8")[:-1] + b"\xff"
    return write_tree(tmp_path, files)


def summary(results):
    return [(r.source.rsplit("/", 1)[-1], r.kind if isinstance(r, Failure) else [f.type for f in r.facts])
            for r in results]


def test_one_worker_yields_documents_and_failures_in_order(corpus):
    results = list(extract_all([str(corpus)]))
    assert len(results) == 20
    assert summary(results)[:3] == [("00-chi.txt", ["money", "percent"]), ("00-ho.txt", ["quantity"]),
                                    ("00-rung.txt", ["quantity"])]
    assert summary(results)[-2:] == [("07-bin.txt", "decode"), ("08-latin1.txt", "decode")]
    doc = results[0]
    assert isinstance(doc, Document) and doc.text == TEXTS["chi.txt"]
    assert doc.facts[0].value == 15_000_000_000


def test_two_workers_give_the_same_results_in_the_same_order(corpus):
    one = [r.to_dict() for r in extract_all([str(corpus)], workers=1)]
    two = [r.to_dict() for r in extract_all([str(corpus)], workers=2)]
    assert two == one


def test_a_small_window_still_keeps_order(corpus):
    items = [Item(f"r{i}", TEXTS["ho.txt"] if i % 2 else TEXTS["chi.txt"]) for i in range(12)]
    results = list(run(items, workers=2, window=2))
    assert [r.source for r in results] == [f"r{i}" for i in range(12)]
    assert [len(r.facts) for r in results] == [2, 1] * 6


def test_done_sources_are_skipped(corpus):
    done = {str(corpus / "00-chi.txt"), str(corpus / "07-bin.txt")}
    sources = [r.source for r in extract_all([str(corpus)], done=done)]
    assert len(sources) == 18 and not done & set(sources)


def test_record_published_dates_are_used_and_bad_ones_are_failures():
    results = list(run([Item("a", "Tăng 5%", published="2024-05-02"), Item("b", "Tăng 5%", published="hôm qua"),
                        Item("c", "Tăng 5%", published=12.5)]))
    assert results[0].published == "2024-05-02"
    assert [getattr(r, "kind", None) for r in results] == [None, "bad_record", "bad_record"]


class Panic(BaseException):
    """Like pyo3's PanicException: native code that panics raises a BaseException."""


@pytest.mark.parametrize("error,name", [(ZeroDivisionError("boom"), "ZeroDivisionError"), (Panic("boom"), "Panic")])
def test_an_unexpected_error_inside_extraction_is_an_internal_failure(error, name):
    class Broken:
        def extract(self, text, published=None, source=None):
            raise error

    (result, after) = run([Item("x.txt", "Tăng 5%"), Item("y.txt", "Tăng 5%")], extractor=Broken())
    assert result.to_dict() == {"source": "x.txt", "error": {"kind": "internal", "message": f"x.txt: {name}: boom"}}
    assert after.source == "y.txt"  # the run went on


@pytest.mark.parametrize("workers", [1, 2])
def test_a_stop_request_ends_the_run_without_losing_started_documents(workers):
    stop = Stop()

    def items():
        for i in range(40):
            if i == 5:
                stop.set()  # as the Ctrl-C handler does, while the input is being read
            yield Item(f"r{i}", TEXTS["ho.txt"])

    sources = [r.source for r in run(items(), workers=workers, stop=stop, window=4)]
    assert sources == [f"r{i}" for i in range(len(sources))]  # a prefix, in order, no gap
    if workers == 1:
        assert len(sources) == 5  # r5 was read but never started
    else:  # r0 and r1 were yielded before the stop; documents not yet in a worker are dropped
        assert 2 <= len(sources) <= 6


def test_failures_while_reading_pass_through_the_pool_in_order(tmp_path):
    (tmp_path / "a.zip").write_bytes(zip_bytes({"1.txt": TEXTS["ho.txt"], "2.txt": "x" * 500, "3.txt": TEXTS["rung.txt"]}))
    results = list(extract_all([str(tmp_path / "a.zip")], workers=2, settings=Settings(max_bytes=100)))
    assert [(r.source.split("!")[1], getattr(r, "kind", "ok")) for r in results] == [
        ("1.txt", "ok"), ("2.txt", "too_large"), ("3.txt", "ok")]


def _die_on_poison(item):
    """A stand-in for the worker function: the process dies on the document named "poison"."""
    if item.source == "poison":
        os._exit(3)
    return workers._work_real(item)


def test_a_worker_that_dies_costs_its_document_only_and_the_run_goes_on(monkeypatch):
    monkeypatch.setattr(workers, "_work_real", workers._work, raising=False)
    monkeypatch.setattr(workers, "_work", _die_on_poison)
    names = [f"r{i}" for i in range(4)] + ["poison"] + [f"s{i}" for i in range(4)]
    results = list(run([Item(n, TEXTS["ho.txt"]) for n in names], workers=2, window=3))
    assert [r.source for r in results] == names
    failed = {r.source for r in results if isinstance(r, Failure)}
    assert "poison" in failed and failed <= {"r3", "poison", "s0"}  # only it, or a neighbour in flight
    assert results[-1].facts[0].value == 120


def test_an_html_page_gives_its_text_and_its_published_date(tmp_path):
    page = ('<html><head><meta property="article:published_time" content="2024-05-02T08:00:00+07:00">'
            '<title>Tin</title></head><body><p>Huyện hỗ trợ 120 hộ nghèo.</p></body></html>')
    write_tree(tmp_path, {"bai.html": page})
    (doc,) = extract_all([str(tmp_path)])
    assert doc.published == "2024-05-02"
    assert [(f.text, f.value) for f in doc.of_type("quantity")] == [("120 hộ", 120)]
    assert doc.text[doc.facts[0].start:doc.facts[0].end] == doc.facts[0].text
