"""Inputs to documents: files, folders (recursive), archives, JSON Lines dumps, and "-".

`Sources` walks the inputs lazily, in a stable order (each folder's entries sorted), and yields
one `Item` per document. Nothing is held that grows with the input: a folder is walked as it
goes, an archive is read member by member.

>>> import tempfile, pathlib
>>> tmp = tempfile.TemporaryDirectory(); root = pathlib.Path(tmp.name)
>>> _ = (root / "a.txt").write_text("Tăng 5%", encoding="utf-8")
>>> _ = (root / "notes.pdf").write_bytes(b"%PDF")
>>> src = Sources([str(root)])
>>> [pathlib.Path(i.source).name for i in src], dict(src.skipped)
(['a.txt'], {'unknown extension': 1})
>>> tmp.cleanup()
"""
from __future__ import annotations

import io
import os
import sys
from dataclasses import dataclass
from typing import BinaryIO, Callable, Iterable, Iterator, TextIO

from .archives import Skipped, archive_items
from .jsonl import records
from .kinds import ARCHIVE_KINDS, classify, kind_of
from .limits import read_bounded, too_large_message
from .records import Item, Span
from .settings import Settings


#: What "-" reads from standard input: a list of paths (one per line), or JSON Lines articles.
STDIN_KINDS = ("paths", "jsonl")


class Sources:
    """The documents of `inputs` (paths; "-" reads `stdin`: more paths, one per line, or with
    `stdin_kind="jsonl"` articles as JSON Lines, named by their id or `-:LINE`).

    Files in `exclude` (the run's own output) are never read, even inside an input folder.

    >>> import io
    >>> dump = io.StringIO('{"id": "a1", "text": "Tăng 5%"}\\n{"text": "Chi 2 tỷ đồng"}\\n')
    >>> [(i.source, i.data) for i in Sources(["-"], stdin=dump, stdin_kind="jsonl")]
    [('a1', 'Tăng 5%'), ('-:2', 'Chi 2 tỷ đồng')]
    """

    def __init__(self, inputs: Iterable[str], settings: Settings = Settings(), stdin: TextIO | None = None,
                 exclude: Iterable[str] = (), stdin_kind: str = "paths"):
        self.inputs = inputs
        self.settings = settings
        self.stdin = stdin
        self.stdin_kind = stdin_kind
        self.exclude = tuple(exclude)
        self.skipped = Skipped()
        self._excluded: set[tuple[int, int]] = set()

    def __iter__(self) -> Iterator[Item]:
        for entry in self.entries():
            if isinstance(entry, Item):
                yield entry
            else:
                yield from self.read(entry)

    def entries(self) -> Iterator[Entry | Item]:
        """The files to read (an `Entry`: a document, an archive, a dump), in order, and the
        failures of the walk itself (a missing input, an unreadable folder) as failed Items.
        `read` turns an entry into its documents; a cluster run lists entries on the client
        and reads them on the workers."""
        seen_dirs: set[tuple[int, int]] = set()
        self._excluded = {_identity(p) for p in self.exclude} - {None}  # now: the output exists by then
        for name in self._names():
            for entry in self._input(name, seen_dirs):
                if isinstance(entry, Entry) and self._excluded and _identity(entry.path) in self._excluded:
                    self.skipped["the output file itself"] += 1
                else:
                    yield entry

    def read(self, entry: Entry) -> Iterator[Item]:
        """The documents of one entry."""
        if entry.kind == STDIN_JSONL:
            return records(_binary(self.stdin or sys.stdin), "-", self.settings)
        return read_entry(entry, self.settings, self.skipped)

    def _names(self) -> Iterator[str]:
        for name in self.inputs:
            if name == "-" and self.stdin_kind == "jsonl":
                yield STDIN_JSONL
            elif name == "-":
                for line in self.stdin or sys.stdin:
                    if line.strip():
                        yield line.rstrip("\r\n")
            else:
                yield name

    def _input(self, name: str, seen_dirs: set) -> Iterator[Entry | Item]:
        if name is STDIN_JSONL:
            yield Entry("-", STDIN_JSONL)
        elif os.path.isdir(name):
            yield from self._folder(name, seen_dirs)
        elif not os.path.lexists(name):
            yield Item.failed(name, "not_found", f"{name}: no such file or folder")
        else:  # a file the user named is read even when its extension is unknown
            yield Entry(name, kind_of(name) or "text")

    def _folder(self, root: str, seen_dirs: set) -> Iterator[Entry | Item]:
        errors: list[OSError] = []
        for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=errors.append):
            yield from (_unreadable(e.filename or dirpath, e) for e in errors)
            errors.clear()
            try:
                st = os.stat(dirpath)
            except OSError as exc:
                dirnames[:] = []
                yield _unreadable(dirpath, exc)
                continue
            if (st.st_dev, st.st_ino) in seen_dirs:  # a symlink loop or a second link to a folder
                dirnames[:] = []
                self.skipped["folder already read (link)"] += 1
                continue
            seen_dirs.add((st.st_dev, st.st_ino))
            dirnames.sort()
            for filename in sorted(filenames):
                path = os.path.join(dirpath, filename)
                kind, skip = classify(os.path.relpath(path, root), self.settings.globs)
                if skip:
                    self.skipped[skip] += 1
                else:
                    yield Entry(path, kind)
        yield from (_unreadable(e.filename or root, e) for e in errors)


@dataclass(frozen=True)
class Entry:
    """A file found in the inputs: its path and what it holds ("text", "zip", "tar", "jsonl")."""

    path: str
    kind: str


def read_entry(entry: Entry, settings: Settings, skipped: Skipped, span: Span | None = None) -> Iterator[Item]:
    """The documents of one local file: itself, or those of the archive or dump it is (only
    `span` of them, when given).

    >>> list(read_entry(Entry("/no/such.zip", "zip"), Settings(), Skipped()))[0].failure.kind
    'unreadable'
    """
    path = entry.path
    if entry.kind in ARCHIVE_KINDS:
        if not os.access(path, os.R_OK) or not os.path.exists(path):
            yield Item.failed(path, "unreadable", f"{path}: cannot read (broken link or no permission)")
            return
        yield from archive_items(entry.kind, path, path, settings, skipped, span=span)
        return
    yield read_document(path, settings.max_bytes)


def read_document(path: str, max_bytes: int, open_binary: Callable[[str], BinaryIO] | None = None) -> Item:
    """The Item of one text file: its bytes, or why they could not be had. `open_binary` opens
    a URL (a cluster worker's fsspec); a local file's size is checked before it is opened.

    >>> read_document("/no/such.txt", 10).failure.kind
    'unreadable'
    """
    try:
        if open_binary is None and os.path.getsize(path) > max_bytes:
            return Item.failed(path, "too_large", too_large_message(path, max_bytes))
        with (open_binary or _open_local)(path) as fh:
            data = read_bounded(fh, max_bytes)
    except OSError as exc:
        return _unreadable(path, exc)
    if data is None:  # it grew while we read it
        return Item.failed(path, "too_large", too_large_message(path, max_bytes))
    return Item(path, data)


#: The entry kind (and name marker) of JSON Lines articles on standard input.
STDIN_JSONL = "stdin-jsonl"


def _binary(stream) -> BinaryIO:
    """The bytes under a text stream (sys.stdin), or the text encoded (a StringIO in tests)."""
    if hasattr(stream, "buffer"):
        return stream.buffer
    return io.BytesIO(stream.read().encode("utf-8"))


def _open_local(path: str) -> BinaryIO:
    return open(path, "rb")


def _identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _unreadable(path: str, exc: OSError) -> Item:
    return Item.failed(str(path), "unreadable", f"{path}: cannot read: {exc.strerror or exc}")


def known_total(inputs: Iterable[str], settings: Settings = Settings()) -> int | None:
    """How many documents `inputs` hold, when that is cheap to know: plain files and folders
    without archives. None when an archive, a dump or "-" makes the count unknown in advance.

    >>> import tempfile, pathlib
    >>> tmp = tempfile.TemporaryDirectory(); root = pathlib.Path(tmp.name)
    >>> _ = (root / "a.txt").write_text("x"); _ = (root / "b.html").write_text("y")
    >>> known_total([str(root)]), known_total([str(root), "-"])
    (2, None)
    >>> tmp.cleanup()
    """
    inputs = list(inputs)
    if "-" in inputs:
        return None
    total = 0
    for entry in Sources(inputs, settings).entries():  # the run's own walk, nothing read
        if isinstance(entry, Entry) and entry.kind in ARCHIVE_KINDS:
            return None
        total += 1  # a document, or a failure's record
    return total
