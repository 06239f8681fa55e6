"""Archives read as streams, never unpacked to disk: zip, tar (plain, gz, bz2, xz), JSON Lines.

Members are read one at a time with the size bound; an archive inside an archive is read in
turn, up to `max_depth` levels. Names inside an archive only ever become `source` strings
(`crawl.zip!2024/05/a.txt`); nothing is written anywhere.

>>> import io, zipfile
>>> buf = io.BytesIO()
>>> with zipfile.ZipFile(buf, "w") as z:
...     z.writestr("2024/a.txt", "Tăng 5%")
...     z.writestr("logo.png", b"\\x89PNG")
>>> skipped = Skipped()
>>> [(i.source, i.data) for i in archive_items("zip", buf, "crawl.zip", Settings(), skipped)]
[('crawl.zip!2024/a.txt', b'T\\xc4\\x83ng 5%')]
>>> dict(skipped)
{'unknown extension': 1}
"""
from __future__ import annotations

import io
import tarfile
import zipfile
from collections import Counter
from typing import BinaryIO, Callable, Iterator

from . import jsonl
from .kinds import classify
from .limits import read_bounded, too_large_message
from .records import Item, Span
from .settings import Settings

#: Errors a damaged archive or compressed stream raises while it is read.
ARCHIVE_ERRORS = (zipfile.BadZipFile, tarfile.TarError, NotImplementedError, RuntimeError, ValueError) + jsonl.STREAM_ERRORS


class Skipped(Counter):
    """Entries passed over, counted by reason ("unknown extension", "link in archive", ...)."""


def archive_items(kind: str, stream: BinaryIO | str, source: str, settings: Settings, skipped: Skipped,
                  depth: int = 1, span: Span | None = None) -> Iterator[Item]:
    """The documents of one archive (`kind` "zip", "tar" or "jsonl"), from a path or an open stream.

    With a `span`, only that slice of its members or lines (a task's share of a big archive);
    members before it are passed over uncounted, a failure to read the archive is reported
    as it would be without one.
    """
    if depth > settings.max_depth:
        yield Item.failed(source, "archive", f"{source}: archive nested more than {settings.max_depth} deep, not read")
        return
    opened = open(stream, "rb") if isinstance(stream, str) and kind != "zip" else None
    try:
        if opened or span and span.offset:
            (opened or stream).seek(span.offset if span else 0)
        if kind == "jsonl":
            yield from jsonl.records(opened or stream, source, settings, span)
        elif kind == "zip":
            yield from _zip_items(stream, source, settings, skipped, depth, span or Span())
        else:
            yield from _tar_items(opened or stream, source, settings, skipped, depth, span or Span())
    except ARCHIVE_ERRORS as exc:
        yield Item.failed(source, "archive", f"{source}: cannot read the {kind} archive: {_reason(exc)}")
    finally:
        if opened:
            opened.close()


def _zip_items(stream, source: str, settings: Settings, skipped: Skipped, depth: int, span: Span) -> Iterator[Item]:
    if not isinstance(stream, str) and not _seekable(stream):  # zip needs seeking: hold it, bounded
        data = read_bounded(stream, settings.max_bytes)
        if data is None:
            yield Item.failed(source, "too_large", too_large_message(source, settings.max_bytes))
            return
        stream = io.BytesIO(data)
    with zipfile.ZipFile(stream) as archive:
        for info in archive.infolist()[span.first:span.stop]:
            if info.is_dir():
                continue
            name = f"{source}!{info.filename}"
            if info.flag_bits & 0x1:
                yield Item.failed(name, "archive", f"{name}: encrypted, not read")
                continue
            yield from _member(info.filename, name, info.file_size, lambda i=info: archive.open(i),
                               settings, skipped, depth)


def _tar_items(stream, source: str, settings: Settings, skipped: Skipped, depth: int, span: Span) -> Iterator[Item]:
    with tarfile.open(fileobj=stream, mode="r|*") as archive:
        for index, member in enumerate(tar_members(archive), span.first if span.offset else 0):
            if span.stop is not None and index >= span.stop:
                return
            if member.isdir() or index < span.first:
                continue
            inner = member.name[2:] if member.name.startswith("./") else member.name
            if not member.isfile():
                skipped["link or device in archive"] += 1
                continue
            yield from _member(inner, f"{source}!{inner}", member.size,
                               lambda m=member: archive.extractfile(m), settings, skipped, depth)


def tar_members(archive: tarfile.TarFile) -> Iterator[tarfile.TarInfo]:
    """Every entry of a tar read as a stream, holding none of them once passed (tarfile keeps a
    list of them all otherwise, which grows with the archive)."""
    while True:
        member = archive.next()
        if member is None:
            return
        archive.members.clear()
        yield member


def _member(inner: str, name: str, size: int, open_member: Callable[[], BinaryIO], settings: Settings,
            skipped: Skipped, depth: int) -> Iterator[Item]:
    """One archive member: a document, a nested archive, or something skipped."""
    kind, skip = classify(inner, settings.globs)
    if skip:
        skipped[skip] += 1
        return
    if kind in ("text", "zip") and size > settings.max_bytes:  # refused before decompressing
        yield Item.failed(name, "too_large", too_large_message(name, settings.max_bytes))
        return
    try:
        with open_member() as fh:
            if kind != "text":
                yield from archive_items(kind, fh, name, settings, skipped, depth + 1)
                return
            data = read_bounded(fh, settings.max_bytes)
    except ARCHIVE_ERRORS as exc:
        yield Item.failed(name, "archive", f"{name}: cannot read: {_reason(exc)}")
        return
    if data is None:
        yield Item.failed(name, "too_large", too_large_message(name, settings.max_bytes))
    else:
        yield Item(name, data)


def _seekable(stream) -> bool:
    try:
        return bool(stream.seekable())
    except (AttributeError, OSError):  # a member of a streamed tar says so by failing
        return False


def _reason(exc: BaseException) -> str:
    return (str(exc) or type(exc).__name__).split("\n")[0][:160]
