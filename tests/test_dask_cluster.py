"""`vnfacts batch --scheduler` on a real Dask cluster: a LocalCluster of 2 worker processes on
loopback, shared by the module; one test starts its own `local:2`, one a `dask scheduler` and a
`dask worker` as a user would.

What they prove: a cluster run writes the local run's records (same JSON, same sources); a worker
killed mid-run, or a client killed mid-run and resumed, still gives every document exactly once.
"""
from __future__ import annotations

import gzip
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from test_batch_helpers import TEXTS, every_kind_tree, tar_bytes, write_tree
from vnfacts.batch.cluster import runner
from vnfacts.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


def cli(*args, input=None):
    return CliRunner().invoke(main, ["batch", *map(str, args)], input=input, catch_exceptions=False)


def part_lines(out: Path) -> list[str]:
    return sorted(line for part in sorted(out.glob("part-*.jsonl.gz"))
                  for line in gzip.decompress(part.read_bytes()).decode("utf-8").splitlines())


def local_lines(tmp_path: Path, *inputs) -> tuple[int, list[str]]:
    out = tmp_path / "local.jsonl"
    result = cli(*inputs, "-o", out, "-j", 1, "-q", "--overwrite")  # called more than once per test
    return result.exit_code, sorted(out.read_text(encoding="utf-8").splitlines())


def wait_for(predicate, seconds=90.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def committed(out: Path) -> int:
    return len(list((out / "_parts").glob("part-*.json"))) if (out / "_parts").is_dir() else 0


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=logging.CRITICAL) as local, Client(local) as client:
        yield local.scheduler_address, client


@pytest.fixture(scope="module")
def news(tmp_path_factory):
    """About 300 articles (the samples, each with a line of its own), in a tar and in folders,
    and the local batch's records of them."""
    root = tmp_path_factory.mktemp("news")
    texts = {f"{i:03d}.txt": SAMPLES[i % len(SAMPLES)].read_text(encoding="utf-8")
             + f"\nNăm 2024 xã có {i} hộ nghèo, giảm {i % 9}%." for i in range(300)}
    write_tree(root / "in", {f"day{i % 3}/{name}": text for i, (name, text) in enumerate(list(texts.items())[:150])})
    (root / "in" / "crawl.tar").write_bytes(tar_bytes(dict(list(texts.items())[150:])))
    code, lines = local_lines(root, root / "in")
    assert code == 0 and len(lines) == 300
    return root / "in", lines


def test_a_cluster_run_writes_the_local_records_for_every_input_kind(cluster, tmp_path):
    address, _ = cluster
    tree = every_kind_tree(tmp_path / "in", dump_lines=200)
    code, expected = local_lines(tmp_path, tree)
    result = cli(tree, "-o", tmp_path / "out", "--scheduler", address, "--task-size", "2K")
    assert (result.exit_code, code) == (1, 1)  # damaged inputs: error records, as in a local run
    assert part_lines(tmp_path / "out") == expected
    manifest = json.loads((tmp_path / "out" / "_manifest.json").read_text())
    assert manifest["documents"] == len(expected) and len(manifest["parts"]) > 20
    assert (tmp_path / "out" / "_SUCCESS").exists() and not (tmp_path / "out" / "_temporary").exists()
    assert "facts: money" in result.stderr and "errors: decode" in result.stderr and "Traceback" not in result.output


def test_fsspec_urls_in_and_out(cluster, tmp_path):
    """local:// goes through fsspec like s3:// does (listing, ranged reads, parts, renames)."""
    address, _ = cluster
    tree = write_tree(tmp_path / "in", {"a.txt": TEXTS["chi.txt"], "sub/b.txt": TEXTS["ho.txt"],
                                        "c.tar.gz": tar_bytes({"x.txt": TEXTS["rung.txt"]}, "gz")})
    _, expected = local_lines(tmp_path, tree)
    result = cli(f"local://{tree}", "-o", f"local://{tmp_path}/out", "--scheduler", address, "-q")
    assert result.exit_code == 0, result.output
    assert part_lines(tmp_path / "out") == [line.replace(f'"{tree}', f'"local://{tree}') for line in expected]


def test_a_worker_killed_mid_run_still_gives_every_document_once(cluster, news, tmp_path):
    address, client = cluster
    folder, expected = news
    out = tmp_path / "out"
    victim = sorted(client.run(os.getpid).values())[0]
    killed_at = []

    def kill_when_the_first_part_is_in():
        if wait_for(lambda: committed(out) >= 1):
            killed_at.append(committed(out))
            os.kill(victim, signal.SIGKILL)

    killer = threading.Thread(target=kill_when_the_first_part_is_in)
    killer.start()
    result = cli(folder, "-o", out, "--scheduler", address, "--task-size", "16K", "-q")
    killer.join()
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "_manifest.json").read_text())
    assert killed_at and killed_at[0] < len(manifest["parts"]) // 2  # it died with most of the run to do
    assert part_lines(out) == expected  # every document exactly once, records as in a local run
    assert manifest["documents"] == len(expected)
    client.wait_for_workers(2, timeout=60)  # the nanny has started a new one


def test_a_killed_client_resumes_without_duplicates(cluster, news, tmp_path):
    address, _ = cluster
    folder, expected = news
    out = tmp_path / "out"
    args = ["batch", str(folder), "-o", str(out), "--scheduler", address, "--task-size", "16K", "-q"]
    client = subprocess.Popen([sys.executable, "-c", "from vnfacts.cli import main; main()", *args],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert wait_for(lambda: committed(out) >= 2 or client.poll() is not None)
    finally:
        client.kill()
        _, err = client.communicate()
    assert not (out / "_SUCCESS").exists(), err.decode()
    before = committed(out)
    result = cli(*args[1:], "--resume")
    assert result.exit_code == 0, result.output
    assert part_lines(out) == expected
    manifest = json.loads((out / "_manifest.json").read_text())
    assert manifest["documents"] == len(expected) and len(manifest["parts"]) > before
    again = cli(*args[1:], "--resume")  # a finished run: nothing to do
    assert again.exit_code == 0 and part_lines(out) == expected


def test_scheduler_local_n_starts_its_own_workers(tmp_path):
    tree = write_tree(tmp_path / "in", {"a.txt": TEXTS["chi.txt"], "b.txt": TEXTS["ho.txt"]})
    _, expected = local_lines(tmp_path, tree)
    result = cli(tree, "-o", tmp_path / "out", "--scheduler", "local:2", "--types", "money", "-q")
    assert result.exit_code == 0, result.output
    _, money = local_lines(tmp_path, tree, "--types", "money")
    assert part_lines(tmp_path / "out") == money and len(expected) == 2


def test_a_real_dask_scheduler_and_worker(tmp_path):
    """`dask scheduler` and `dask worker` as separate processes, as on a real cluster."""
    dask = Path(sys.executable).with_name("dask")
    file = tmp_path / "scheduler.json"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    scheduler = subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                  "--scheduler-file", file], **quiet)
    worker = None
    try:
        assert wait_for(file.exists, 60)
        address = json.loads(file.read_text())["address"]
        worker = subprocess.Popen([dask, "worker", address, "--nworkers", "1", "--nthreads", "1",
                                   "--no-dashboard", "--host", "127.0.0.1"], **quiet)
        tree = write_tree(tmp_path / "in", {"d.jsonl": "".join(
            json.dumps({"id": f"k{i}", "text": TEXTS["chi.txt"]}, ensure_ascii=False) + "\n" for i in range(5))})
        _, expected = local_lines(tmp_path, tree)
        result = cli(tree, "-o", tmp_path / "out", "--scheduler", address, "-q")
        assert result.exit_code == 0, result.output
        assert part_lines(tmp_path / "out") == expected
    finally:
        for process in (worker, scheduler):
            if process:
                process.terminate()
                process.wait(30)


def test_usage_errors_are_one_line_and_exit_2(tmp_path, monkeypatch):
    monkeypatch.setattr(runner, "CONNECT_TIMEOUT", 1)
    (tmp_path / "a.txt").write_text(TEXTS["chi.txt"], encoding="utf-8")
    cases = [
        ((tmp_path, "--scheduler", "local:2"), "needs -o OUT"),
        ((tmp_path, "-o", tmp_path / "o", "--scheduler", "local:2", "--format", "csv"), "--format csv"),
        ((tmp_path, "-o", tmp_path / "o", "--scheduler", "local:zero"), "local:N"),
        ((tmp_path, "-o", tmp_path / "o", "--task-size", "1M"), "--task-size needs --scheduler"),
        ((tmp_path, "-o", tmp_path / "o", "--scheduler", "tcp://127.0.0.1:9"), "cannot reach the Dask scheduler"),
        ((tmp_path, "-o", tmp_path / "a.txt", "--scheduler", "tcp://127.0.0.1:9"), "is a file"),
    ]
    for args, message in cases:
        result = cli(*args)
        assert result.exit_code == 2 and message in result.stderr, (args, result.output)
        assert "Traceback" not in result.output and len([ln for ln in result.stderr.splitlines() if "rror" in ln]) == 1
    assert not (tmp_path / "o").exists()  # an unreachable scheduler leaves no output folder behind


VEHICLES = """\
patterns:
  VEHICLE: 'chiếc\\s+xe|ô\\s+tô'
rules:
  - id: quantity.vehicles
    type: quantity
    pattern: '{QUALIFIED}(?P<amount>{COUNT_AMOUNT})\\s*(?P<unit>{VEHICLE})'
    priority: 60
    examples:
      - text: "hơn 12 chiếc xe"
        fact: {value: 12, unit: chiếc xe, qualifier: more_than}
"""


def test_paths_from_stdin_and_the_users_rules_reach_the_workers(cluster, tmp_path):
    """The rule file is on the client only: its text is sent to the workers with the run."""
    address, _ = cluster
    tree = write_tree(tmp_path / "in", {"a.txt": "Công an thu giữ hơn 12 chiếc xe và 3 ô tô.", "b.txt": TEXTS["ho.txt"]})
    rules = tmp_path / "rules" / "vehicles.yaml"
    write_tree(tmp_path / "rules", {"vehicles.yaml": VEHICLES})
    _, expected = local_lines(tmp_path, tree, "--rules", rules)
    assert "chiếc xe" in expected[0]
    listed = f"{tree / 'a.txt'}\n{tree / 'b.txt'}\n"
    result = cli("-", "-o", tmp_path / "out", "--scheduler", address, "--rules", rules, "-q", input=listed)
    assert result.exit_code == 0, result.output
    assert part_lines(tmp_path / "out") == expected
