"""A batch run on a Dask cluster: connect, list and cut on the client, tasks on the workers.

The client never holds more than `window` tasks in flight (twice the cluster's threads, at least
8): listing, cutting and submitting go on lazily as tasks finish, so a listing of millions of
files is never held whole. Dask reruns the tasks of a worker that dies; parts are written
atomically, so every document ends up in exactly one part. `--resume` (and a finished run's
manifest) skip the tasks already committed.

>>> parse_scheduler("local:4"), parse_scheduler("tcp://10.0.0.5:8786")
(('local', 4), ('address', 'tcp://10.0.0.5:8786'))
"""
from __future__ import annotations

import logging
import time
import uuid
import warnings
from collections import Counter
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import Any, Iterator

from ... import __version__
from ...errors import EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK
from ..report import ProgressBar, Tally, summary
from ..workers import Stop, can_fork
from .listing import ListingError, UrlSources, units
from .parts import MANIFEST, RUN, Output
from .tasks import Task, choose_target, cut
from .work import ExtractorPlugin, Job, Rules, extractor_for, run_task

#: How long to try reaching a scheduler, and how long a lost one is waited for mid-run.
CONNECT_TIMEOUT = 10
LOST_TIMEOUT = 60


class ClusterError(Exception):
    """A problem that stops the run before or outside the documents, said in one line; its
    exit code is 2 (usage, output folder, scheduler unreachable or lost)."""


def parse_scheduler(text: str) -> tuple[str, Any]:
    """("local", N) for "local:N", else ("address", text); ClusterError for a bad "local:".

    >>> parse_scheduler("local:x")
    Traceback (most recent call last):
    vnfacts.batch.cluster.runner.ClusterError: --scheduler local:N needs a number of workers N >= 1, not 'local:x'
    """
    if text.startswith("local:") or text == "local":
        count = text[len("local:"):]
        if not count.isdigit() or int(count) < 1:
            raise ClusterError(f"--scheduler local:N needs a number of workers N >= 1, not {text!r}")
        return "local", int(count)
    return "address", text


@dataclass
class ClusterRun:
    """The options of one cluster run."""

    inputs: tuple[str, ...]
    job: Job
    scheduler: str
    resume: bool = False
    task_bytes: int | None = None
    stdin: Any = None

    def record(self, task_bytes: int) -> dict[str, Any]:
        """What `_run.json` and the manifest say of the run; a resumed run must say the same."""
        settings = {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self.job.settings).items()}
        return {"vnfacts": __version__, "format": "jsonl", "inputs": list(self.inputs), "settings": settings,
                "types": sorted(self.job.types) if self.job.types is not None else None,
                "rules": self.job.rules.fingerprint, "task_bytes": task_bytes}


def run_on_cluster(run: ClusterRun, console, *, show: bool = True, quiet: bool = False,
                   stop: Stop | None = None) -> int:
    """Do the run; returns the exit code. Raises ClusterError for a problem said in one line."""
    stop = stop or Stop()
    out, state = _output(run.job.out)  # one look at the folder: each is a round trip on a store
    previous = _previous_run(out, state, run)
    if state == "complete":
        return _already_complete(out, console, quiet)
    with _quiet_dask(), connect(run.scheduler, run.job.rules) as client:  # unreachable: said before OUT is touched
        sources = UrlSources(run.inputs, run.job.settings, stdin=run.stdin, output=run.job.out)
        try:
            found, ended = units(sources), False
            target = run.task_bytes or (previous or {}).get("task_bytes")
            if not target:
                target, found, ended = choose_target(found)
            tasks = list(cut(found, target)) if ended else cut(found, target)  # counted: a bar with a total
            record = run.record(target)
            out.prepare()
            if previous is None:
                out.write_run(record)
            done = out.committed()
        except ListingError as exc:
            raise ClusterError(str(exc)) from None
        except OSError as exc:
            raise ClusterError(f"{run.job.out}: cannot write: {exc}") from None
        tally, skipped = Tally(), Counter()
        for stats in done.values():
            tally.already_done += stats["documents"]
            skipped.update(stats.get("skipped", {}))
        loop = _Loop(client, run.job, iter(tasks), done, tally, skipped, stop, len(tasks) if ended else None)
        with ProgressBar(console, None, show, what="tasks") as bar:
            try:
                client.register_plugin(ExtractorPlugin(run.job.rules))
                loop.go(bar)
            except ListingError as exc:
                raise ClusterError(str(exc)) from None
            except (ClusterError, KeyboardInterrupt):
                raise
            except Exception as exc:  # the cluster failed us (lost comms, workers without vnfacts): one line
                raise ClusterError(f"the Dask cluster failed: {type(exc).__name__}: {str(exc)[:200]}; "
                                   "run again with --resume to finish") from None
    skipped.update(sources.skipped)
    finished = not stop.requested and not loop.failures and loop.total is not None
    if finished:
        parts = [done.get(n) or loop.results[n] for n in range(loop.total)]
        out.finish(_manifest(record, parts, skipped, tally.elapsed))
    if not quiet:
        table = summary(tally, skipped)
        table.add_row("tasks", f"{len(loop.results)} done now, {len(done)} before")
        table.add_row("output", f"{run.job.out}" + (" (_SUCCESS)" if finished else ""))
        console.print(table)
    for number, reason in loop.failures[:5]:
        console.print(f"vnfacts: error: task {number} failed: {reason}", markup=False, highlight=False)
    if stop.requested:
        console.print(f"vnfacts: interrupted: {len(done) + len(loop.results)} parts written to {run.job.out}; "
                      "run again with --resume to finish", markup=False, highlight=False)
        return EXIT_INTERRUPTED
    if loop.failures:
        console.print(f"vnfacts: {len(loop.failures)} tasks failed; run again with --resume to retry them",
                      markup=False, highlight=False)
        return EXIT_INPUT
    return EXIT_INPUT if tally.failed or any(s["failed"] for s in done.values()) else EXIT_OK


class _Loop:
    """Submits tasks as they are cut, at most `window` in flight, and gathers what they return."""

    def __init__(self, client, job: Job, tasks: Iterator[Task], done: dict, tally: Tally, skipped: Counter,
                 stop: Stop, known: int | None = None):
        self.client, self.job, self.tasks, self.done = client, job, tasks, done
        self.tally, self.skipped, self.stop = tally, skipped, stop
        self.results: dict[int, dict] = {}
        self.failures: list[tuple[int, str]] = []
        self.total: int | None = None  # tasks in the run, once the listing has ended
        self.known = known  # the same, when the listing was short enough to count the tasks first
        self.run_id = uuid.uuid4().hex[:8]
        self._resubmitted: Counter = Counter()  # task number -> times resubmitted after a lost result

    def go(self, bar: ProgressBar) -> None:
        from distributed import as_completed

        window = max(8, 2 * sum(self.client.nthreads().values()))
        pending, ready = {}, as_completed(loop=self.client.loop)
        lost_since = None
        while True:
            while len(pending) < window and self.total is None and not self.stop.requested:
                task = next(self.tasks, None)
                if task is None:
                    self.total = self._listed
                    break
                self._listed = task.number + 1
                if task.number in self.done:
                    continue
                future = self._submit(task)
                pending[future] = task
                ready.add(future)
            if not pending:
                break
            for future in ready.next_batch(block=False) if ready.has_ready() else ():
                task = pending.pop(future)
                if future.status == "lost" and self._resubmitted[task.number] < MAX_RESUBMITS:
                    # done, but its result (the counts) died with its worker: do it again; the
                    # part is rewritten whole under the same name, so its documents stay once
                    self._resubmitted[task.number] += 1
                    future = self._submit(task)
                    pending[future] = task
                    ready.add(future)
                    continue
                self._gather(future, task.number)
            if self.client.status != "running":
                lost_since = lost_since or time.monotonic()
                if time.monotonic() - lost_since > LOST_TIMEOUT:
                    raise ClusterError(f"lost the Dask scheduler for {LOST_TIMEOUT} s; "
                                       "run again with --resume to finish")
            else:
                lost_since = None
            bar.update(self.tally, completed=len(self.done) + len(self.results), total=self.total or self.known)
            time.sleep(0.05)
        bar.update(self.tally, True, completed=len(self.done) + len(self.results), total=self.total or self.known)

    _listed = 0

    def _submit(self, task: Task):
        attempt = self._resubmitted[task.number]
        return self.client.submit(run_task, task, self.job, pure=False, retries=2,
                                  key=f"vnfacts-{self.run_id}-{task.number}" + (f"-{attempt}" if attempt else ""))

    def _gather(self, future, number: int) -> None:
        if future.status == "finished":
            stats = future.result()
            self.results[number] = stats
            self.tally.add_counts(stats)
            self.skipped.update(stats["skipped"])
        else:
            exc = future.exception() if future.status == "error" else None
            self.failures.append((number, f"{type(exc).__name__}: {str(exc)[:200]}" if exc else future.status))


#: How often a task whose result was lost with its worker is submitted again before it fails.
MAX_RESUBMITS = 3


def _output(url: str) -> tuple[Output, str]:
    """The output folder and its state (see Output.state)."""
    try:
        out = Output(url)
        state = out.state()
    except (ImportError, ValueError) as exc:
        raise ClusterError(f"{url}: {exc}") from None
    except OSError as exc:
        raise ClusterError(f"{url}: cannot read the output folder: {exc}") from None
    if state == "file":
        raise ClusterError(f"{url}: is a file; with --scheduler, -o names an output folder")
    return out, state


def _previous_run(out: Output, state: str, run: ClusterRun) -> dict | None:
    """The record of the run already in the output folder (for --resume), None if there is none."""
    if state == "new":
        return None
    if not run.resume:
        raise ClusterError(f"{out.url}: already holds a vnfacts run; add --resume to finish it, "
                           "or write to another folder")
    previous = out.read_json(RUN) or (out.read_json(MANIFEST) or {}).get("run")
    if previous is None:
        raise ClusterError(f"{out.url}: holds parts but no {RUN}; cannot resume (write to another folder)")
    mine = run.record(previous.get("task_bytes"))
    differ = [k for k in ("inputs", "settings", "types", "rules") if previous.get(k) != mine[k]]
    if differ:
        raise ClusterError(f"{out.url}: was written with other {', '.join(differ)}; resume with the same "
                           "inputs and options, or write to another folder")
    return previous


def _already_complete(out: Output, console, quiet: bool) -> int:
    manifest = out.read_json(MANIFEST) or {}
    if not quiet:
        console.print(f"vnfacts: {out.url} is complete ({len(manifest.get('parts', []))} parts, "
                      f"{manifest.get('documents', 0)} documents); nothing to do", markup=False, highlight=False)
    return EXIT_INPUT if manifest.get("failed") else EXIT_OK


def _manifest(record: dict, parts: list[dict], skipped: Counter, elapsed: float) -> dict[str, Any]:
    """The manifest: the run, its parts with their counts, and the totals."""
    total = Tally()
    for part in parts:
        total.add_counts(part)
    return {"run": record, "parts": parts, **total.counts(),
            "skipped": dict(sorted(skipped.items())), "seconds": round(elapsed, 3),
            "finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}


@contextmanager
def connect(scheduler: str, rules: Rules | None = None):
    """A dask Client: to the scheduler at an address, or to a LocalCluster of N worker processes
    ("local:N", one thread each) that ends with the run.

    Where the platform can fork, a LocalCluster's workers are forked from this process with the
    run's Extractor already built (`rules`): they start with the compiled rules and loaded
    models instead of importing and compiling them again, each, after the cluster is up.
    """
    import dask
    from distributed import Client, LocalCluster

    how, what = parse_scheduler(scheduler)
    cluster = None
    try:
        if how == "local":
            method = "spawn"
            if rules is not None and can_fork():
                extractor_for(rules)
                method = "fork"
            with warnings.catch_warnings(), dask.config.set({"distributed.worker.multiprocessing-method": method}):
                warnings.simplefilter("ignore")  # "port 8787 is in use": its health page moves, nothing to say
                cluster = LocalCluster(n_workers=what, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.CRITICAL)
            client = Client(cluster, set_as_default=False)
        else:
            client = Client(what, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        reason = str(exc).split("\n")[0][:200]
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {reason}") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@contextmanager
def _quiet_dask():
    """Dask's own log lines (reconnecting, a worker lost) stay off the user's stderr: the run
    says what matters in its own words."""
    logger = logging.getLogger("distributed")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)
