"""JSON Lines dumps (.jsonl, .ndjson, optionally gzip-compressed): one article per line.

Each line is read with a bound (`max_bytes`), so one huge or endless line cannot fill memory;
a bad line becomes a failure record and the next line is read.

>>> import io
>>> lines = b'{"id": "a1", "text": "Chi 5 t\\xe1\\xbb\\xb7 \\xc4\\x91\\xe1\\xbb\\x93ng"}\\n{oops\\n'
>>> [(i.source, i.failure.kind if i.failure else i.data) for i in records(io.BytesIO(lines), "d.jsonl", Settings())]
[('a1', 'Chi 5 tỷ đồng'), ('d.jsonl:2', 'bad_json')]
"""
from __future__ import annotations

import gzip
import json
import zlib
from typing import BinaryIO, Iterator

from .kinds import is_gzip_name
from .limits import too_large_message
from .records import Item, Span
from .settings import Settings

#: Errors a broken compressed stream raises while it is read.
STREAM_ERRORS = (OSError, EOFError, zlib.error)


def records(stream: BinaryIO, name: str, settings: Settings, span: Span | None = None) -> Iterator[Item]:
    """One Item per non-blank line of the dump named `name` (gunzipped when it ends in .gz).

    With a `span`, only its lines: the stream is already at line `span.first + 1` when
    `span.offset` is set, else the lines before it are read and passed over.

    >>> import io
    >>> dump = io.BytesIO(b'{"text": "a"}\\n{"text": "b"}\\n\\n{"text": "c"}\\n')
    >>> [i.source for i in records(dump, "d.jsonl", Settings(), Span(1, 2))]
    ['d.jsonl:2']
    """
    if is_gzip_name(name):
        stream = gzip.GzipFile(fileobj=stream, mode="rb")
    first, stop = (span.first, span.stop) if span else (0, None)
    lineno = first if span and span.offset else 0
    try:
        while stop is None or lineno < stop:
            line = stream.readline(settings.max_bytes + 1)
            if not line:
                return
            lineno += 1
            if len(line) > settings.max_bytes and not line.endswith(b"\n"):
                _skip_rest_of_line(stream)
                if lineno > first:
                    yield Item.failed(f"{name}:{lineno}", "too_large",
                                      too_large_message(f"{name}:{lineno}", settings.max_bytes))
                continue
            if lineno > first and line.strip():
                yield record_item(line, name, lineno, settings)
    except STREAM_ERRORS as exc:
        where = f"{name}:{lineno + 1}"
        yield Item.failed(where, "archive", f"{where}: cannot read the rest of the dump: {exc}")


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def record_item(line: bytes, name: str, lineno: int, settings: Settings) -> Item:
    """The Item of one JSON line: its text, published date and source (its id, else `name:lineno`).

    >>> record_item(b'{"text": "Ha Noi", "published": "2024-05-01"}', "d.jsonl", 7, Settings())
    Item(source='d.jsonl:7', data='Ha Noi', published='2024-05-01', failure=None)
    >>> record_item(b'{"id": 12, "body": "x"}', "d.jsonl", 8, Settings()).failure.message
    "12: no string field 'text' in the record"
    """
    where = f"{name}:{lineno}"
    try:
        record = json.loads(line)
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError
        return Item.failed(where, "bad_json", f"{where}: not valid JSON ({_short(exc)})")
    if not isinstance(record, dict):
        return Item.failed(where, "bad_record", f"{where}: a record must be a JSON object, not {type(record).__name__}")
    source = _record_id(record.get(settings.id_field)) or where
    text = record.get(settings.text_field)
    if not isinstance(text, str):
        return Item.failed(source, "missing_text", f"{source}: no string field {settings.text_field!r} in the record")
    return Item(source, text, record.get(settings.published_field))


def _record_id(value) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (str, int)) and str(value).strip():
        return str(value)
    return None


def _short(exc: ValueError) -> str:
    return str(exc).split("\n")[0][:120]
