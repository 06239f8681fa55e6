"""The client's listing: inputs to `Unit`s, the smallest pieces of work the cutter moves.

A unit is a document file, one archive member (zip, tar) or a run of about 64 KB of lines of a
JSON Lines dump, with its size. Only names, sizes and offsets are read here: a zip's central
directory, a tar's headers (a compressed tar is decompressed once to find them), a dump's line
ends. The documents themselves are read on the workers.

Local paths are walked by the local batch's own walker (same order, same `source` names, same
symlink-loop guard); URLs through fsspec, in the same order (a folder's files by name, then its
subfolders by name).

>>> import tempfile, pathlib, zipfile
>>> tmp = tempfile.TemporaryDirectory(); root = pathlib.Path(tmp.name)
>>> _ = (root / "a.txt").write_text("Tăng 5%", encoding="utf-8")
>>> with zipfile.ZipFile(root / "b.zip", "w") as z:
...     z.writestr("x.txt", "Chi 5 tỷ đồng"); z.writestr("y.txt", "Giảm 2%")
>>> [(pathlib.Path(u.path).name, u.kind, u.index, u.last) for u in units(UrlSources([str(root)]))]
[('a.txt', 'text', 0, True), ('b.zip', 'zip', 0, False), ('b.zip', 'zip', 1, True)]
>>> tmp.cleanup()
"""
from __future__ import annotations

import gzip
import os
import tarfile
import zipfile
from dataclasses import dataclass, replace
from typing import Iterable, Iterator

from ..archives import ARCHIVE_ERRORS, tar_members
from ..kinds import classify, is_gzip_name, kind_of
from ..records import Failure, Item
from ..settings import Settings
from ..sources import Entry, Sources
from .urls import child, filesystem, has_glob, is_remote, local_path, open_binary, size_of

#: About how many bytes of a JSON Lines dump make one unit.
DUMP_UNIT = 64 * 1024
#: The magic numbers of the compressions tarfile reads ("r|*"): such a tar can't be entered midway.
_COMPRESSED = (b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00")


class ListingError(Exception):
    """An input that can't be listed at all (no fsspec backend for its protocol)."""


@dataclass(frozen=True, slots=True)
class Unit:
    """A piece of work the cutter may put in a task.

    `path` and `kind` say what to read ("text", "zip", "tar", "jsonl", or "failed" with its
    `failure`); for an archive or dump, `index` and `count` say which members or lines (0-based),
    `offset` where the first starts when a reader can seek there, and `last` marks its last unit
    (a task holding it reads to the end, so a damaged tail is reported as a local run reports it).
    """

    path: str
    kind: str
    size: int = 0
    index: int = 0
    count: int = 1
    offset: int = 0
    last: bool = True
    failure: Failure | None = None


class UrlSources(Sources):
    """`Sources` that also walk fsspec URLs and never read inside `output` (a folder)."""

    def __init__(self, inputs: Iterable[str], settings: Settings = Settings(), stdin=None, output: str | None = None):
        super().__init__([local_path(n) for n in inputs], settings, stdin=stdin)
        self.output = output

    def entries(self):
        inside = _inside(self.output)
        for entry in super().entries():
            if isinstance(entry, Entry) and inside(entry.path):
                self.skipped["inside the output folder"] += 1
            else:
                yield entry

    def _input(self, name: str, seen_dirs: set):
        if is_remote(name):
            return self._remote(name)
        return super()._input(name, seen_dirs)

    def _remote(self, name: str) -> Iterator[Entry | Item]:
        try:
            fs, path = filesystem(name)
        except (ImportError, ValueError) as exc:
            raise ListingError(f"{name}: {exc}") from None
        try:
            if has_glob(path) and not fs.exists(path):
                matches = sorted(fs.glob(path))
                if not matches:
                    yield Item.failed(name, "not_found", f"{name}: nothing matches")
                for match in matches:
                    yield from self._remote(_match_url(name, path, match, fs))
            elif fs.isdir(path):
                yield from self._remote_folder(name, fs, path)
            elif fs.exists(path):
                yield Entry(name, kind_of(name) or "text")
            else:
                yield Item.failed(name, "not_found", f"{name}: no such file or folder")
        except OSError as exc:
            yield Item.failed(name, "unreadable", f"{name}: cannot read: {exc}")

    def _remote_folder(self, name: str, fs, path: str) -> Iterator[Entry]:
        prefix = path.rstrip("/") + "/"
        for found in sorted(fs.find(path), key=lambda p: _walk_order(p[len(prefix):])):
            relative = found[len(prefix):]
            kind, skip = classify(relative, self.settings.globs)
            if skip:
                self.skipped[skip] += 1
            else:
                yield Entry(child(name, relative), kind)


def _match_url(name: str, path: str, match: str, fs) -> str:
    """The URL of a glob's match, spelled as the user spelled the part before the glob.

    >>> _match_url("memory://kinds/*.tar", "/kinds/*.tar", "/kinds/a.tar", None)
    'memory://kinds/a.tar'
    """
    base_name = name[:name.rfind("/", 0, min(name.find(c) % (len(name) + 1) for c in "*?[")) + 1]
    base_path = path[:path.rfind("/", 0, min(path.find(c) % (len(path) + 1) for c in "*?[")) + 1]
    return base_name + match[len(base_path):] if match.startswith(base_path) else fs.unstrip_protocol(match)


def _walk_order(relative: str) -> tuple:
    """A folder's files (by name) before its subfolders (by name), as the local walk goes.

    >>> sorted(["b/x.txt", "z.txt", "a.txt"], key=_walk_order)
    ['a.txt', 'z.txt', 'b/x.txt']
    """
    parts = relative.split("/")
    return tuple((1, p) for p in parts[:-1]) + ((0, parts[-1]),)


def _inside(output: str | None):
    if not output:
        return lambda name: False
    if is_remote(output):
        prefix = output.rstrip("/") + "/"
        return lambda name: name.startswith(prefix)
    root = os.path.realpath(local_path(output)) + os.sep
    return lambda name: not is_remote(name) and os.path.realpath(name).startswith(root)


def units(sources: UrlSources) -> Iterator[Unit]:
    """The units of every input, in input order."""
    for entry in sources.entries():
        if isinstance(entry, Item):
            yield Unit(entry.source, "failed", failure=entry.failure)
        elif entry.kind == "text":
            yield Unit(entry.path, "text", size_of(entry.path))
        else:
            yield from _last_marked(entry, _members(entry))


def _last_marked(entry: Entry, found: Iterator[Unit]) -> Iterator[Unit]:
    """The units of one archive, its last one marked; one empty unit when none could be listed
    (an empty, unreadable or damaged archive: the worker reading it says what a local run says)."""
    previous = None
    try:
        for unit in found:
            if previous:
                yield previous
            previous = unit
    except ARCHIVE_ERRORS:
        pass  # the listing stops here; the last unit's task reads on and reports the damage
    if previous is None:
        yield Unit(entry.path, entry.kind, last=True)
    else:
        yield replace(previous, last=True)


def _members(entry: Entry) -> Iterator[Unit]:
    path, kind = entry.path, entry.kind
    with open_binary(path) as fh:
        if kind == "zip":
            for index, info in enumerate(zipfile.ZipFile(fh).infolist()):
                if not info.is_dir():
                    yield Unit(path, kind, info.file_size, index, last=False)
        elif kind == "tar":
            compressed = fh.read(6).startswith(_COMPRESSED)
            fh.seek(0)
            with tarfile.open(fileobj=fh, mode="r|*") as archive:
                for index, member in enumerate(tar_members(archive)):
                    if not member.isdir():
                        yield Unit(path, kind, member.size, index, offset=0 if compressed else member.offset, last=False)
        else:
            yield from _dump_chunks(path, fh)


def _dump_chunks(path: str, fh) -> Iterator[Unit]:
    """Runs of lines of about DUMP_UNIT bytes, each ending at a line end; a .gz dump is read
    through (its offsets are 0: a worker reads past the lines before its own)."""
    packed = is_gzip_name(path)
    stream = gzip.GzipFile(fileobj=fh, mode="rb") if packed else fh
    lines = first = 0  # lines read, and the index of the chunk's first line
    pos = start = 0  # bytes read, and where the chunk starts
    while True:
        piece = stream.readline(1 << 20)
        pos += len(piece)
        lines += piece.endswith(b"\n")  # a last line without its end is in the last unit, read to the end
        if not piece or pos - start >= DUMP_UNIT and piece.endswith(b"\n"):
            if lines > first:
                yield Unit(path, "jsonl", pos - start, first, lines - first, 0 if packed else start, last=False)
            first, start = lines, pos
        if not piece:
            return
