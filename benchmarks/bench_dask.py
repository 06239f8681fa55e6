"""The cost of running `vnfacts batch` on Dask, and what a big cluster would take (a script, not a test).

    python benchmarks/bench_dask.py                # the whole news corpus (a few minutes)
    python benchmarks/bench_dask.py --limit 200    # a quick look
    python benchmarks/bench_dask.py --json         # the figures as JSON too

Measured in one run, on one machine, over ../shared/corpus/news (read by path, nothing copied),
each run a fresh `vnfacts batch` process timed from start to exit:
1. local batch with 2 workers (`-j 2`, one JSON Lines file);
2. `--scheduler local:2` (a LocalCluster of 2 worker processes started by the run: its start-up
   is in the time, as it is for a user);
3. `--scheduler tcp://...` against a `dask scheduler` and a `dask worker --nworkers 2 --nthreads 1`
   started by this script beforehand and warmed by a one-article run (a cluster already running:
   its start-up and its workers' loading of rules and models are not in the time).
The Dask overhead is (2) and (3) against (1). Every run's records are checked to be the local
run's (same lines, same sources).

From the steady-state run (3) it takes the cost of one document in core-seconds and projects
10 million articles on 16, 64 and 256 cores. Assumptions (printed with the figures): articles
like this corpus (same size and mix); one worker process per core, each as fast as one of this
machine's cores under the same load; the work spreads evenly (tasks of 4 MB, ~10,000 of them
for 10M articles, each a few ms of scheduler time); storage and network keep up (256 cores read
~30 MB/s in all at this speed); the client's listing is not on the critical path (it is measured
here and its rate printed: a listing of 10M separate objects in a store is far slower than of
files on disk, so put articles in archives or dumps).
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "news"
DASK = Path(sys.executable).with_name("dask")
VNFACTS = [sys.executable, "-c", "from vnfacts.cli import main; main()", "batch"]


def corpus_input(corpus: Path, limit: int | None, tmp: Path) -> tuple[str, int, int]:
    """The corpus folder itself, or a folder of links to its first `limit` articles."""
    files = sorted(corpus.glob("*.txt"))
    if limit:
        files = files[:limit]
        folder = tmp / "corpus"
        folder.mkdir()
        for f in files:
            (folder / f.name).symlink_to(f)
        corpus = folder
    return str(corpus), len(files), sum(f.stat().st_size for f in files)


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(VNFACTS + args + ["-q"], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"bench_dask: vnfacts batch {' '.join(args)} failed ({done.returncode}): {done.stderr.strip()}")
    return seconds


def lines_of_parts(out: Path) -> list[str]:
    return sorted(line for p in sorted(out.glob("part-*.jsonl.gz"))
                  for line in gzip.decompress(p.read_bytes()).decode("utf-8").splitlines())


class RealCluster:
    """`dask scheduler` and `dask worker` processes on loopback, as on a real cluster."""

    def __init__(self, tmp: Path, workers: int):
        self.file = tmp / "scheduler.json"
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        self.scheduler = subprocess.Popen([DASK, "scheduler", "--host", "127.0.0.1", "--port", "0",
                                           "--no-dashboard", "--scheduler-file", self.file], **quiet)
        deadline = time.monotonic() + 60
        while not self.file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        self.address = json.loads(self.file.read_text())["address"]
        self.worker = subprocess.Popen([DASK, "worker", self.address, "--nworkers", str(workers), "--nthreads", "1",
                                        "--no-dashboard", "--host", "127.0.0.1"], **quiet)
        from distributed import Client

        with Client(self.address, set_as_default=False) as client:
            client.wait_for_workers(workers, timeout=120)

    def close(self) -> None:
        for process in (self.worker, self.scheduler):
            process.terminate()
            process.wait(60)


def listing_rate(folder: str) -> float:
    """Units per second the client lists and cuts (files here; members and dump chunks alike)."""
    from vnfacts.batch.cluster.listing import UrlSources, units
    from vnfacts.batch.cluster.tasks import cut

    start = time.perf_counter()
    n = sum(len(t.pieces) for t in cut(units(UrlSources([folder])), 4 * 1024 * 1024))
    return n / (time.perf_counter() - start)


def project(per_doc_core_s: float, startup_s: float, articles: int = 10_000_000) -> list[tuple[int, float]]:
    """Hours for `articles` on 16, 64 and 256 cores: the documents' core-seconds spread evenly,
    plus a fixed start (workers loading rules and models)."""
    return [(cores, (articles * per_doc_core_s / cores + startup_s) / 3600) for cores in (16, 64, 256)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON too")
    parser.add_argument("--repeat", type=int, default=1, help="run each N times in turn, keep the fastest")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"bench_dask: {args.corpus}: no such folder")
    figures: dict = {"cpus": os.cpu_count(), "load_average_at_start": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        folder, documents, size = corpus_input(args.corpus, args.limit, tmp)
        figures.update(documents=documents, megabytes=round(size / 1e6, 2))
        cluster = RealCluster(tmp, 2)
        try:  # a running cluster: its workers have loaded the rules and models (a first small run)
            (tmp / "warm").mkdir()
            (tmp / "warm" / "a.txt").write_text("Tỉnh chi 5 tỷ đồng, tăng 3%.", encoding="utf-8")
            timed([str(tmp / "warm"), "-o", str(tmp / "warm-out"), "--scheduler", cluster.address])
            client_s = timed([str(tmp / "warm"), "-o", str(tmp / "warm-again"), "--scheduler", cluster.address])
            times: dict[str, list[float]] = {"local": [], "local2": [], "real": []}
            for i in range(args.repeat):  # in turn, so that load from elsewhere hits all three alike
                times["local"].append(timed([folder, "-o", str(tmp / f"local{i}.jsonl"), "-j", "2"]))
                times["local2"].append(timed([folder, "-o", str(tmp / f"local2-{i}"), "--scheduler", "local:2"]))
                times["real"].append(timed([folder, "-o", str(tmp / f"real{i}"), "--scheduler", cluster.address]))
        finally:
            cluster.close()
        local, dask_local, real = (min(times[k]) for k in ("local", "local2", "real"))
        expected = sorted((tmp / "local0.jsonl").read_text(encoding="utf-8").splitlines())
        same_local2 = lines_of_parts(tmp / "local2-0") == expected
        same_real = lines_of_parts(tmp / "real0") == expected
        manifest = json.loads((tmp / "real0" / "_manifest.json").read_text())
        figures["listing_units_per_s"] = round(listing_rate(folder))
    figures.update(local_2_workers_s=round(local, 2), dask_local_2_s=round(dask_local, 2),
                   dask_real_cluster_2_s=round(real, 2),
                   overhead_local_2=round(dask_local / local - 1, 3), overhead_real_cluster=round(real / local - 1, 3),
                   records_equal_local_2=same_local2, records_equal_real_cluster=same_real,
                   parts=len(manifest["parts"]), load_average_at_end=os.getloadavg()[0])
    per_doc = max(0.0, real - client_s) * 2 / documents  # core-seconds per document, past the client's start
    figures["client_start_s"] = round(client_s, 2)
    startup = max(0.0, dask_local - real)  # what starting workers (models, rules) adds
    figures["core_seconds_per_document"] = round(per_doc, 4)
    figures["projection_10M_hours"] = {cores: round(h, 2) for cores, h in project(per_doc, startup)}
    print_table(figures)
    if args.json:
        print(json.dumps(figures, indent=1))


def print_table(f: dict) -> None:
    print(f"corpus: {f['documents']} articles, {f['megabytes']} MB; {f['cpus']} CPUs; "
          f"load average {f['load_average_at_start']:.2f} at start, {f['load_average_at_end']:.2f} at end")
    print(f"{'run':<44}{'seconds':>9}{'overhead':>10}{'records = local':>17}")
    print(f"{'local batch, -j 2':<44}{f['local_2_workers_s']:>9.2f}{'':>10}{'':>17}")
    print(f"{'--scheduler local:2 (start-up included)':<44}{f['dask_local_2_s']:>9.2f}"
          f"{f['overhead_local_2']:>+10.1%}{str(f['records_equal_local_2']):>17}")
    print(f"{'--scheduler tcp:// (dask scheduler+worker)':<44}{f['dask_real_cluster_2_s']:>9.2f}"
          f"{f['overhead_real_cluster']:>+10.1%}{str(f['records_equal_real_cluster']):>17}")
    print(f"parts written: {f['parts']}; client listing and cutting: {f['listing_units_per_s']:,} files/s")
    print(f"cost per article: {f['core_seconds_per_document']:.4f} core-seconds (the tcp:// run less the "
          f"{f['client_start_s']:.2f} s of a one-article run on the warm cluster: the client's own start)")
    print("10 million articles like these, one worker process per core, even spread, storage keeping up:")
    for cores, hours in f["projection_10M_hours"].items():
        print(f"  {cores:>4} cores: {hours:8.2f} hours")


if __name__ == "__main__":
    main()
