"""A slow document, a stop, a killed parent: time limits, a bounded reorder buffer, no orphans.

A "slow" document is made by replacing the worker function (the workers are forked, so they
inherit the replacement): no test waits on the speed of extraction itself.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_batch_helpers import TEXTS, write_tree
from vnfacts.batch import Failure, Item, run, workers

#: Runs the CLI with documents whose name holds "slow" sleeping in their worker for an hour.
SLOW_CLI = ("import time, vnfacts.batch.workers as w\n"
            "real = w._work\n"
            "w._work = lambda item: time.sleep(3600) if 'slow' in item.source else real(item)\n"
            "from vnfacts.cli import main\n"
            "main(prog_name='vnfacts')\n")


def _slow_or_real(item):
    if "slow" in item.source:
        time.sleep(3600)
    return workers._work_real(item)


@pytest.fixture
def slow_work(monkeypatch):
    monkeypatch.setattr(workers, "_work_real", workers._work, raising=False)
    monkeypatch.setattr(workers, "_work", _slow_or_real)


@pytest.mark.parametrize("n", [1, 2])
def test_a_document_past_its_time_limit_is_a_timeout_record_and_the_run_goes_on(slow_work, n):
    names = ["a", "slow", "b", "c"]
    results = list(run([Item(s, TEXTS["ho.txt"]) for s in names], workers=n, doc_timeout=0.5))
    assert [r.source for r in results] == names  # input order kept
    assert isinstance(results[1], Failure) and results[1].kind == "timeout"
    assert "--doc-timeout 0.5" in results[1].message
    assert [r.facts[0].value for r in results if not isinstance(r, Failure)] == [120, 120, 120]


def _waits_for_the_others(item):
    """The head document: finishes only once WINDOW - 1 later documents have started, then says
    how many had started by the time it ends."""
    marks = Path(os.environ["VNFACTS_TEST_MARKS"])
    if item.source == "head":
        while len(list(marks.iterdir())) < int(os.environ["VNFACTS_TEST_WINDOW"]) - 1:
            time.sleep(0.01)
        time.sleep(0.5)  # a chance for the buffer to overflow, had it no bound
        return Failure(item.source, "internal", str(len(list(marks.iterdir()))))
    (marks / item.source).touch()
    return workers._work_real(item)


def test_a_slow_document_holds_back_the_output_but_not_the_other_worker_beyond_the_window(tmp_path, monkeypatch):
    window = 6
    marks = tmp_path / "marks"
    marks.mkdir()
    monkeypatch.setenv("VNFACTS_TEST_MARKS", str(marks))
    monkeypatch.setenv("VNFACTS_TEST_WINDOW", str(window))
    monkeypatch.setattr(workers, "_work_real", workers._work, raising=False)
    monkeypatch.setattr(workers, "_work", _waits_for_the_others)
    names = ["head"] + [f"r{i}" for i in range(12)]
    results = list(run([Item(s, TEXTS["ho.txt"]) for s in names], workers=2, window=window, doc_timeout=120))
    assert [r.source for r in results] == names
    # the other worker went on while the head ran (else the head would never have finished), and
    # no more than the window's worth of documents were read past it
    assert results[0].message == str(window - 1)


def _cli(args, tmp_path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", SLOW_CLI, "batch", *args], cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def _children(pid: int) -> set[int]:
    """Live (not zombie) processes whose parent is `pid`."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[1]) == pid and fields[0] != "Z":
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _news(tmp_path) -> Path:
    files = {f"{i:02d}.txt": TEXTS["ho.txt"] for i in range(4)}
    files["04-slow.txt"] = TEXTS["chi.txt"]
    files.update({f"{i:02d}.txt": TEXTS["rung.txt"] for i in range(5, 9)})
    return write_tree(tmp_path / "news", files)


def _sources(path: Path) -> list[str]:
    return [Path(json.loads(line)["source"]).name for line in path.read_text(encoding="utf-8").splitlines()]


def test_cli_doc_timeout_gives_a_timeout_record_in_its_place_exit_1(tmp_path):
    news = _news(tmp_path)
    proc = _cli([str(news), "-o", "out.jsonl", "-j", "2", "-q", "--doc-timeout", "1"], tmp_path)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, err
    lines = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [Path(x["source"]).name for x in lines] == sorted(os.listdir(news))
    assert lines[4]["error"]["kind"] == "timeout"
    assert all("facts" in x for i, x in enumerate(lines) if i != 4)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_sigterm_stops_a_stuck_run_with_every_finished_document_written_and_resume_finishes(tmp_path):
    news = _news(tmp_path)
    out = tmp_path / "out.jsonl"
    proc = _cli([str(news), "-o", str(out), "-j", "2", "-q", "--doc-timeout", "0"], tmp_path)
    try:
        deadline = time.monotonic() + 90
        while not (out.exists() and out.read_text(encoding="utf-8").count("\n") >= 4):
            assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
            time.sleep(0.05)
        time.sleep(1)  # the documents after the stuck one are done (a fraction of that) but held back
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)  # the stuck document would take an hour
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, err
    assert "interrupted: 8 documents written" in err and "Traceback" not in err
    assert sorted(_sources(out)) == sorted(n for n in os.listdir(news) if "slow" not in n)

    done = subprocess.run([sys.executable, "-m", "vnfacts", "batch", str(news), "-o", str(out), "--resume", "-q",
                           "-j", "2"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert sorted(_sources(out)) == sorted(os.listdir(news))  # each once


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_with_a_parent_killed_with_sigkill(tmp_path):
    news = _news(tmp_path)
    proc = _cli([str(news), "-o", "out.jsonl", "-j", "2", "-q", "--doc-timeout", "0"], tmp_path)
    try:
        deadline = time.monotonic() + 90
        kids: set[int] = set()
        while len(kids) < 2 or not (tmp_path / "out.jsonl").exists():  # both workers up, one stuck
            assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
            kids = _children(proc.pid)
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 20
        while any(_alive(k) for k in kids) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [k for k in kids if _alive(k)]
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
