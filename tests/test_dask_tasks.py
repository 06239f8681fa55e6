"""Cluster runs without a cluster: listing, cutting into tasks, slices read back, parts, manifest.

The key property: whatever the task size, the items a cluster run's tasks read, in task order,
are the local run's items (same sources, same bytes, same failures, same skipped counts).
"""
from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import fsspec
import jsonschema
import pytest

from test_batch_helpers import BINARY, TEXTS, every_kind_tree, write_tree
from vnfacts.batch import Settings, Sources
from vnfacts.batch.archives import Skipped
from vnfacts.batch.cluster import Job, Output, Task, choose_target, cut, run_task
from vnfacts.batch.cluster.listing import DUMP_UNIT, UrlSources, units
from vnfacts.batch.cluster.parts import MANIFEST, STATS, SUCCESS, TEMPORARY, part_name
from vnfacts.batch.cluster.runner import ClusterError, ClusterRun, _manifest, _previous_run
from vnfacts.batch.cluster.tasks import Piece
from vnfacts.batch.cluster.work import piece_items

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "schema" / "manifest.schema.json").read_text())


def _items_local(inputs, settings):
    sources = Sources(inputs, settings)
    return [_key(i) for i in sources], Counter(sources.skipped)


def _items_sliced(inputs, settings, target):
    sources = UrlSources(inputs, settings)
    skipped = Skipped()
    tasks = list(cut(units(sources), target))
    items = [_key(i) for t in tasks for p in t.pieces for i in piece_items(p, settings, skipped)]
    return items, Counter(sources.skipped) + Counter(skipped), tasks


def _key(item):
    return item.source, item.data, item.published, item.failure


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    return every_kind_tree(tmp_path_factory.mktemp("kinds") / "in")


@pytest.mark.parametrize("target", [1, 3000, 100_000, 10**9])
def test_slices_read_back_are_the_local_items_whatever_the_task_size(tree, target):
    settings = Settings(max_bytes=200_000)
    local, local_skipped = _items_local([str(tree)], settings)
    sliced, sliced_skipped, tasks = _items_sliced([str(tree)], settings, target)
    assert sliced == local and sliced_skipped == local_skipped
    assert len({i[0] for i in local}) == len(local) > 4100  # every kind is in there, and nothing twice
    if target == 1:  # the big archives and the dump are spread over many tasks
        spread = Counter(p.path.rsplit("/", 1)[-1] for t in tasks for p in t.pieces)
        assert spread["crawl.zip"] > 40 and spread["plain.tar"] == 30 and spread["dump.jsonl"] > 2


def test_globs_limits_and_named_archives_slice_the_same(tree, tmp_path):
    settings = Settings(globs=("*.txt",), max_bytes=60)
    inputs = [str(tree / "crawl.zip"), str(tree / "dump.jsonl"), str(tree / "sub"), str(tmp_path / "missing.zip")]
    local, skipped = _items_local(inputs, settings)
    assert any(i[3] and i[3].kind == "too_large" for i in local) and local[-1][3].kind == "not_found"
    assert _items_sliced(inputs, settings, 500)[:2] == (local, skipped)


def test_plain_tars_and_dumps_are_entered_at_an_offset_compressed_ones_from_the_start(tree):
    found = {(u.path.rsplit("/", 1)[-1], u.index): u for u in units(UrlSources([str(tree)]))}
    assert found["plain.tar", 5].offset > 0 and found["packed.tar.gz", 5].offset == 0
    chunks = [u for (name, _), u in found.items() if name == "dump.jsonl"]
    assert len(chunks) > 1 and all(c.size >= DUMP_UNIT for c in chunks[:-1]) and chunks[-1].last
    assert chunks[1].offset == chunks[0].size and chunks[1].index == chunks[0].count


def test_fsspec_urls_list_and_read_like_local_paths(tree):
    """A memory:// copy of the tree gives the same items, named by their URL."""
    fs = fsspec.filesystem("memory")
    for path in tree.rglob("*"):
        if path.is_file():
            fs.pipe(f"/kinds/in/{path.relative_to(tree).as_posix()}", path.read_bytes())
    settings = Settings(max_bytes=200_000)
    local, local_skipped = _items_local([str(tree)], settings)
    try:
        remote, remote_skipped, _ = _items_sliced(["memory://kinds/in"], settings, 2000)
        globbed, _, _ = _items_sliced(["memory://kinds/in/*.tar"], settings, 2000)
    finally:
        fs.rm("/kinds", recursive=True)
    renamed = [(s.replace("memory://kinds/in", str(tree)), *rest) for s, *rest in remote]
    assert [r[:3] for r in renamed] == [r[:3] for r in local]  # failure messages name the URL
    assert [r[3].kind if r[3] else None for r in remote] == [r[3].kind if r[3] else None for r in local]
    assert remote_skipped == local_skipped
    assert {s.split("!")[0] for s, *_ in globbed} == {"memory://kinds/in/plain.tar"}


def test_the_output_folder_is_never_read(tmp_path):
    write_tree(tmp_path, {"a.txt": TEXTS["chi.txt"], "out/part-00000.jsonl.gz": b"x", "out/b.txt": "x"})
    sources = UrlSources([str(tmp_path)], output=str(tmp_path / "out"))
    assert [Path(u.path).name for u in units(sources)] == ["a.txt"]
    assert sources.skipped["inside the output folder"] == 2


def test_cutting_is_deterministic_and_bounded(tree):
    def tasks():
        return list(cut(units(UrlSources([str(tree)])), 4000, max_units=25))

    first, again = tasks(), tasks()
    assert first == again and [t.number for t in first] == list(range(len(first)))
    assert all(len(t.pieces) <= 25 for t in first)
    assert all(t.size < 4000 + DUMP_UNIT for t in first)  # a task ends at the unit that fills it


def test_the_task_size_follows_the_run_size():
    from vnfacts.batch.cluster.listing import Unit
    from vnfacts.batch.cluster.tasks import MAX_TARGET, MIN_TARGET

    assert choose_target(iter([Unit("a", "text", 1000)]))[0] == MIN_TARGET
    assert choose_target(iter([Unit("a", "text", 64 * 1_000_000)]))[0] == 1_000_000
    big = (Unit(f"{i}", "text", 10**6) for i in range(1000))
    target, again, ended = choose_target(big)
    assert target == MAX_TARGET and len(list(again)) == 1000 and not ended  # nothing looked ahead is lost


def test_a_part_appears_whole_or_not_at_all(tmp_path):
    out = Output(str(tmp_path / "out"))
    out.prepare()
    with out.part_writer(4) as part:
        part.write('{"source": "a"}\n')
        assert not (tmp_path / "out" / part_name(4)).exists()
        assert len(list((tmp_path / "out" / TEMPORARY).iterdir())) == 1
    assert out.read_part(4) == ['{"source": "a"}']
    with pytest.raises(RuntimeError):
        with out.part_writer(5) as part:
            part.write('{"source": "b"}\n')
            raise RuntimeError("the worker fails mid-part")
    assert not (tmp_path / "out" / part_name(5)).exists() and not list((tmp_path / "out" / TEMPORARY).iterdir())
    assert out.committed() == {}  # a part without its counts is not done: its task runs again
    out.commit(4, {"part": part_name(4), "documents": 1})
    assert list(out.committed()) == [4]


def test_parts_hold_the_local_records_and_the_manifest_follows_its_schema(tmp_path):
    write_tree(tmp_path / "in", {"a.txt": TEXTS["chi.txt"], "b.txt": BINARY, "c.txt": TEXTS["ho.txt"]})
    out = Output(str(tmp_path / "out"))
    out.prepare()
    job = Job(out=out.url, types=("money",))
    tasks = list(cut(units(UrlSources([str(tmp_path / "in")])), 1))
    parts = [run_task(t, job) for t in tasks]
    run = ClusterRun((str(tmp_path / "in"),), job, "local:1")
    out.finish(_manifest(run.record(1), parts, Counter(), 1.5))
    manifest = json.loads((tmp_path / "out" / MANIFEST).read_text())
    jsonschema.validate(manifest, SCHEMA)
    assert (manifest["documents"], manifest["failed"], manifest["facts"]) == (3, 1, {"money": 1})
    assert [p["part"] for p in manifest["parts"]] == [part_name(n) for n in range(3)]
    assert (tmp_path / "out" / SUCCESS).exists() and not (tmp_path / "out" / STATS).exists()
    first = json.loads(out.read_part(0)[0])
    assert first["source"] == str(tmp_path / "in" / "a.txt") and [f["type"] for f in first["facts"]] == ["money"]


def test_resume_refuses_a_folder_written_with_other_inputs(tmp_path):
    out = Output(str(tmp_path / "out"))
    out.prepare()
    out.write_run(ClusterRun(("a/",), Job(out=out.url), "local:1").record(1000))
    with pytest.raises(ClusterError, match="already holds a vnfacts run"):
        _previous_run(out, out.state(), ClusterRun(("a/",), Job(out=out.url), "local:1"))
    with pytest.raises(ClusterError, match="other inputs"):
        _previous_run(out, out.state(), ClusterRun(("b/",), Job(out=out.url), "local:1", resume=True))
    assert _previous_run(out, out.state(), ClusterRun(("a/",), Job(out=out.url), "local:1", resume=True))["task_bytes"] == 1000
