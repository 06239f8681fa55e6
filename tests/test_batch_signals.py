"""Ctrl-C and kill on a real `vnfacts batch` process: finished documents are written, and
`--resume` finishes the run without duplicates."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from test_batch_helpers import TEXTS, write_tree


def start(*args: str, stdin=None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "vnfacts", "batch", *args, "-q"], stdin=stdin,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)


def wait_for_lines(path: Path, n: int, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_text(encoding="utf-8").count("\n") >= n:
            return
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.02)
    raise AssertionError(f"{path} never reached {n} lines")


def sources(path: Path) -> list[str]:
    return [json.loads(line)["source"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_ctrl_c_writes_finished_documents_reads_no_more_and_resume_finishes(tmp_path):
    news = write_tree(tmp_path / "news", {f"{i:02d}.txt": TEXTS["ho.txt"] for i in range(12)})
    paths = [str(news / f"{i:02d}.txt") for i in range(12)]
    out = tmp_path / "out.jsonl"
    proc = start("-", "-o", str(out), "-j", "1", stdin=subprocess.PIPE)
    proc.stdin.write("".join(p + "\n" for p in paths[:3]))
    proc.stdin.flush()
    wait_for_lines(out, 3, proc)
    proc.send_signal(signal.SIGINT)  # while it waits for more paths
    _, err = proc.communicate("".join(p + "\n" for p in paths[3:]), timeout=30)
    assert proc.returncode == 130
    assert "interrupted: 3 documents written" in err and "--resume" in err and "Traceback" not in err
    assert sources(out) == paths[:3]  # nothing read after Ctrl-C was started

    done = subprocess.run([sys.executable, "-m", "vnfacts", "batch", "-", "-o", str(out), "--resume", "-q",
                           "-j", "1"], input="\n".join(paths), capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert sources(out) == paths


def test_resume_after_a_killed_parallel_run_with_a_cut_off_last_line(tmp_path):
    long_text = (" ".join(TEXTS.values()) + "\n") * 3
    news = write_tree(tmp_path / "news", {f"{i:02d}.txt": long_text for i in range(16)})
    out = tmp_path / "out.jsonl"
    proc = start(str(news), "-o", str(out), "-j", "2")
    wait_for_lines(out, 2, proc)
    os.killpg(proc.pid, signal.SIGKILL)  # the whole run, workers included, as the OOM killer would
    proc.wait(timeout=30)
    with out.open("a", encoding="utf-8") as fh:
        fh.write('{"source": "' + str(news / "zz-cut"))  # the half line a kill can leave
    written = len(out.read_text(encoding="utf-8").splitlines()) - 1
    assert 2 <= written < 16

    done = subprocess.run([sys.executable, "-m", "vnfacts", "batch", str(news), "-o", str(out), "--resume",
                           "-q", "-j", "2"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert sources(out) == [str(news / f"{i:02d}.txt") for i in range(16)]
