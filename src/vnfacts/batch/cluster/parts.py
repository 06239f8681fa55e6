"""The output folder of a cluster run, laid out as Hadoop and Spark jobs lay theirs out.

```
OUT/part-00000.jsonl.gz   one per task: the JSON Lines of its documents, as a local run writes them
OUT/_manifest.json        at the end: the run's inputs and settings, every part with its counts, totals
OUT/_SUCCESS              at the end, empty: every task's part is written
OUT/_run.json             while the run goes on: its inputs and settings (for --resume)
OUT/_parts/part-00000.json  while the run goes on: a written part's counts (the task is done)
OUT/_temporary/           while the run goes on: parts being written
```

A part is written under `_temporary/` and renamed into place once complete (on an object store,
where a rename is a copy, the part appears whole or not at all); then its counts are written the
same way under `_parts/`. A task that runs twice (its worker died, or it was resumed) writes the
same bytes again, so every document is in exactly one part. The paths go through fsspec, so OUT
may be a local folder or an s3://, gs://, abfs://, memory:// ... URL.

>>> out = Output("memory://vnfacts-doctest/out")
>>> with out.part_writer(3) as part:
...     _ = part.write('{"source": "a.txt", "facts": []}\\n')
>>> out.commit(3, {"documents": 1})
>>> sorted(out.committed()), out.read_part(3)
([3], ['{"source": "a.txt", "facts": []}'])
>>> out.remove()
"""
from __future__ import annotations

import gzip
import io
import json
import uuid
from contextlib import contextmanager
from typing import Any, Iterator, TextIO

from .urls import filesystem

PART_PATTERN = "part-{:05d}.jsonl.gz"
MANIFEST, SUCCESS, RUN, STATS, TEMPORARY = "_manifest.json", "_SUCCESS", "_run.json", "_parts", "_temporary"


def part_name(number: int) -> str:
    """The part of task `number`.

    >>> part_name(42), part_name(123456)
    ('part-00042.jsonl.gz', 'part-123456.jsonl.gz')
    """
    return PART_PATTERN.format(number)


def part_number(name: str) -> int | None:
    """The task number of a part or stats file name; None for anything else.

    >>> part_number("part-00042.jsonl.gz"), part_number("part-00042.json"), part_number("x.json")
    (42, 42, None)
    """
    stem = name.rsplit("/", 1)[-1]
    digits = stem[len("part-"):].split(".", 1)[0]
    return int(digits) if stem.startswith("part-") and digits.isdigit() else None


class Output:
    """The output folder `url` (a local path or an fsspec URL)."""

    def __init__(self, url: str):
        self.url = url
        self.fs, root = filesystem(url)
        self.root = root.rstrip("/") or "/"

    def path(self, *names: str) -> str:
        return "/".join((self.root, *names))

    def state(self) -> str:
        """"new" (nothing of ours there), "complete" (_SUCCESS), "partial", or "file" (OUT is a file)."""
        if self.fs.isfile(self.root):
            return "file"
        if self.fs.exists(self.path(SUCCESS)):
            return "complete"
        ours = (RUN, MANIFEST, STATS)
        if any(self.fs.exists(self.path(n)) for n in ours) or self.fs.glob(self.path("part-*.jsonl.gz")):
            return "partial"
        return "new"

    def prepare(self) -> None:
        """Make the folders (an object store has none to make); raises OSError if OUT can't be written."""
        for sub in (TEMPORARY, STATS):
            self.fs.makedirs(self.path(sub), exist_ok=True)

    @contextmanager
    def part_writer(self, number: int) -> Iterator[TextIO]:
        """A text stream into task `number`'s part, which appears under its name only once
        complete. The gzip bytes depend on the text alone (no time or name in the header)."""
        temporary = self.path(TEMPORARY, f"{part_name(number)}.{uuid.uuid4().hex}")
        try:
            with self.fs.open(temporary, "wb") as raw:
                with gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=6, mtime=0) as packed:
                    with io.TextIOWrapper(packed, encoding="utf-8", newline="") as text:
                        yield text
            self.fs.mv(temporary, self.path(part_name(number)))
        finally:
            if self.fs.exists(temporary):
                self.fs.rm(temporary)

    def commit(self, number: int, stats: dict[str, Any]) -> None:
        """Record task `number` as done, with its counts (after its part is in place)."""
        self._write_json(self.path(STATS, part_name(number).replace(".jsonl.gz", ".json")), stats)

    def committed(self) -> dict[int, dict[str, Any]]:
        """The counts of every task done, by number: those of a finished run's manifest, or those
        committed so far (a task whose part is there but whose counts are not is not done)."""
        manifest = self.read_json(MANIFEST)
        if manifest:
            return {part_number(p["part"]): p for p in manifest.get("parts", [])}
        done = {}
        for path in self.fs.glob(self.path(STATS, "part-*.json")):
            number = part_number(path)
            stats = self._read_json(path)
            if number is not None and stats is not None and self.fs.exists(self.path(part_name(number))):
                done[number] = stats
        return done

    def write_run(self, run: dict[str, Any]) -> None:
        self._write_json(self.path(RUN), run)

    def read_json(self, name: str) -> dict[str, Any] | None:
        return self._read_json(self.path(name))

    def finish(self, manifest: dict[str, Any]) -> None:
        """Write the manifest, then _SUCCESS, then remove what only a running job needs."""
        self._write_json(self.path(MANIFEST), manifest)
        with self.fs.open(self.path(SUCCESS), "wb"):
            pass
        for sub in (TEMPORARY, STATS, RUN):
            if self.fs.exists(self.path(sub)):
                self.fs.rm(self.path(sub), recursive=True)

    def read_part(self, number: int) -> list[str]:
        """The lines of a written part (for tests and tools)."""
        with self.fs.open(self.path(part_name(number)), "rb") as raw:
            return gzip.decompress(raw.read()).decode("utf-8").splitlines()

    def remove(self) -> None:
        self.fs.rm(self.root, recursive=True)

    def _write_json(self, path: str, data: dict[str, Any]) -> None:
        temporary = self.path(TEMPORARY, f"{path.rsplit('/', 1)[-1]}.{uuid.uuid4().hex}")
        with self.fs.open(temporary, "wb") as fh:
            fh.write((json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
        self.fs.mv(temporary, path)

    def _read_json(self, path: str) -> dict[str, Any] | None:
        try:
            with self.fs.open(path, "rb") as fh:
                data = json.loads(fh.read())
        except (OSError, ValueError):  # missing, or cut off by a kill before its rename: not there
            return None
        return data if isinstance(data, dict) else None
