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
from .kinds import kind_of, wanted
from .limits import read_bounded, too_large_message
from .records import Item
from .settings import Settings

#: Errors a damaged archive or compressed stream raises while it is read.
ARCHIVE_ERRORS = (zipfile.BadZipFile, tarfile.TarError, NotImplementedError, RuntimeError, ValueError) + jsonl.STREAM_ERRORS


class Skipped(Counter):
    """Entries passed over, counted by reason ("unknown extension", "link in archive", ...)."""


def archive_items(kind: str, stream: BinaryIO | str, source: str, settings: Settings, skipped: Skipped,
                  depth: int = 1) -> Iterator[Item]:
    """The documents of one archive (`kind` "zip", "tar" or "jsonl"), from a path or an open stream."""
    if depth > settings.max_depth:
        yield Item.failed(source, "archive", f"{source}: archive nested more than {settings.max_depth} deep, not read")
        return
    try:
        if kind == "jsonl":
            if isinstance(stream, str):
                with open(stream, "rb") as fh:
                    yield from jsonl.records(fh, source, settings)
            else:
                yield from jsonl.records(stream, source, settings)
        elif kind == "zip":
            yield from _zip_items(stream, source, settings, skipped, depth)
        else:
            yield from _tar_items(stream, source, settings, skipped, depth)
    except ARCHIVE_ERRORS as exc:
        yield Item.failed(source, "archive", f"{source}: cannot read the {kind} archive: {_reason(exc)}")


def _zip_items(stream, source: str, settings: Settings, skipped: Skipped, depth: int) -> Iterator[Item]:
    if not isinstance(stream, str) and not _seekable(stream):  # zip needs seeking: hold it, bounded
        data = read_bounded(stream, settings.max_bytes)
        if data is None:
            yield Item.failed(source, "too_large", too_large_message(source, settings.max_bytes))
            return
        stream = io.BytesIO(data)
    with zipfile.ZipFile(stream) as archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            name = f"{source}!{info.filename}"
            if info.flag_bits & 0x1:
                yield Item.failed(name, "archive", f"{name}: encrypted, not read")
                continue
            yield from _member(info.filename, name, info.file_size, lambda i=info: archive.open(i),
                               settings, skipped, depth)


def _tar_items(stream, source: str, settings: Settings, skipped: Skipped, depth: int) -> Iterator[Item]:
    opened = open(stream, "rb") if isinstance(stream, str) else None
    try:
        with tarfile.open(fileobj=opened or stream, mode="r|*") as archive:
            for member in archive:
                if member.isdir():
                    continue
                inner = member.name[2:] if member.name.startswith("./") else member.name
                if not member.isfile():
                    skipped["link or device in archive"] += 1
                    continue
                yield from _member(inner, f"{source}!{inner}", member.size,
                                   lambda m=member: archive.extractfile(m), settings, skipped, depth)
    finally:
        if opened:
            opened.close()


def _member(inner: str, name: str, size: int, open_member: Callable[[], BinaryIO], settings: Settings,
            skipped: Skipped, depth: int) -> Iterator[Item]:
    """One archive member: a document, a nested archive, or something skipped."""
    kind = kind_of(inner)
    if kind is None:
        skipped["unknown extension"] += 1
        return
    if kind == "text" and not wanted(inner, settings.globs):
        skipped["not matching --glob"] += 1
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
