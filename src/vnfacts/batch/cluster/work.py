"""What a worker does with a task: read its pieces, extract each document, write its part.

Documents are read, decoded, extracted and turned into JSON lines by the same functions as in a
local run (`read_entry`, `archive_items`, `process_item`, the JSON Lines writer), so a part's
records are the local run's records. Each worker process builds its Extractor once per rule set
(`extractor_for`, warmed up by `ExtractorPlugin` when the worker starts), not once per task.

>>> import tempfile
>>> from ..records import Span
>>> tmp = tempfile.TemporaryDirectory()
>>> _ = open(f"{tmp.name}/a.txt", "w", encoding="utf-8").write("Thu ngân sách tăng 12%.")
>>> job = Job(out=f"{tmp.name}/out")
>>> Output(job.out).prepare()
>>> stats = run_task(Task(7, (Piece(f"{tmp.name}/a.txt", "text"), Piece(f"{tmp.name}/b.txt", "text"))), job)
>>> stats["part"], stats["documents"], stats["failed"], stats["facts"], stats["errors"]
('part-00007.jsonl.gz', 2, 1, {'percent': 1}, {'unreadable': 1})
>>> tmp.cleanup()
"""
from __future__ import annotations

import os
import tempfile
import threading
from dataclasses import dataclass, field
from typing import Any, Iterator

from distributed import WorkerPlugin

from ...extractor import Extractor
from ..archives import Skipped, archive_items
from ..manifest import rules_fingerprint
from ..records import Failure, Item
from ..report import Tally
from ..settings import Settings
from ..sources import Entry, read_document, read_entry
from ..workers import WARM_UP, process_item
from ..writer import JsonlWriter
from .parts import Output, part_name
from .tasks import Piece, Task
from .urls import is_remote, open_binary


@dataclass(frozen=True)
class Rules:
    """The user's rule files (name and text each), shipped to the workers, which may not see
    the client's files. Empty: the built-in rules only."""

    files: tuple[tuple[str, str], ...] = ()

    @classmethod
    def read(cls, paths) -> "Rules":
        from ...rules import rule_files

        return cls(tuple((p.name, p.read_text(encoding="utf-8")) for p in rule_files(paths)))

    @property
    def fingerprint(self) -> str:
        return rules_fingerprint(self.files)  # a local run's manifest says the same


@dataclass(frozen=True)
class Job:
    """What every task of a run shares: where parts go, what is read, which fact types are kept."""

    out: str
    settings: Settings = field(default_factory=Settings)
    rules: Rules = field(default_factory=Rules)
    types: tuple[str, ...] | None = None


_EXTRACTORS: dict[str, tuple[Extractor, threading.Lock]] = {}
_BUILDING = threading.Lock()


def extractor_for(rules: Rules) -> tuple[Extractor, threading.Lock]:
    """This process's Extractor for `rules`, built and warmed up (models loaded) the first time,
    and a lock: a worker with several threads extracts one document at a time (extraction holds
    the GIL anyway; run workers with --nthreads 1 and one process per core)."""
    with _BUILDING:
        if rules.fingerprint not in _EXTRACTORS:
            paths = []
            if rules.files:
                folder = tempfile.mkdtemp(prefix=f"vnfacts-rules-{rules.fingerprint}-")
                for i, (name, text) in enumerate(rules.files):
                    paths.append(os.path.join(folder, f"{i:03d}-{name}"))
                    with open(paths[-1], "w", encoding="utf-8") as fh:
                        fh.write(text)
            extractor = Extractor(paths)
            extractor.extract(WARM_UP)
            _EXTRACTORS[rules.fingerprint] = extractor, threading.Lock()
        return _EXTRACTORS[rules.fingerprint]


def run_task(task: Task, job: Job) -> dict[str, Any]:
    """Do `task`: its part written (atomically), its counts committed and returned."""
    extractor, lock = extractor_for(job.rules)
    output = Output(job.out)
    skipped = Skipped()
    tally = Tally()
    with output.part_writer(task.number) as out:
        writer = JsonlWriter(out)
        for piece in task.pieces:
            for item in piece_items(piece, job.settings, skipped):
                with lock:
                    result = process_item(extractor, item)
                if not isinstance(result, Failure):
                    result = result.only(job.types)
                tally.add(result)
                writer.write(result)
    stats = {"part": part_name(task.number), **tally.counts(), "skipped": dict(sorted(skipped.items()))}
    output.commit(task.number, stats)
    return stats


def piece_items(piece: Piece, settings: Settings, skipped: Skipped) -> Iterator[Item]:
    """The documents of one piece, named exactly as a local run names them."""
    if piece.failure:
        yield Item(piece.failure.source, failure=piece.failure)
    elif not is_remote(piece.path):
        yield from read_entry(Entry(piece.path, piece.kind), settings, skipped, piece.span)
    elif piece.kind == "text":
        yield read_document(piece.path, settings.max_bytes, open_binary)
    else:
        try:
            fh = open_binary(piece.path)
        except OSError as exc:
            yield Item.failed(piece.path, "unreadable", f"{piece.path}: cannot read: {exc}")
            return
        with fh:
            yield from archive_items(piece.kind, fh, piece.path, settings, skipped, span=piece.span)


class ExtractorPlugin(WorkerPlugin):
    """A dask worker plugin: builds the run's Extractor when a worker starts (or restarts after
    a crash), before its first task."""

    def __init__(self, rules: Rules):
        self.rules = rules
        self.name = f"vnfacts-extractor-{rules.fingerprint}"

    def setup(self, worker) -> None:
        extractor_for(self.rules)
