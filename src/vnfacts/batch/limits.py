"""Size limits: read at most a bounded number of bytes, however much a stream could give.

Every document is read through `read_bounded`, so a zip bomb or a runaway gzip stream costs at
most `max_bytes + 1` bytes of memory before it is refused.

>>> import io
>>> read_bounded(io.BytesIO(b"abc"), 5)
b'abc'
>>> read_bounded(io.BytesIO(b"abcdef"), 5) is None
True
"""
from __future__ import annotations

from typing import BinaryIO

from ..input.decode import MAX_BYTES, too_large_message  # noqa: F401 - batch readers import it from here

#: The per-document default, in bytes (--max-bytes).
DEFAULT_MAX_BYTES = MAX_BYTES
#: How many archives deep a run reads (a zip inside a tar inside a zip is depth 3).
DEFAULT_MAX_DEPTH = 4
_CHUNK = 1 << 20


def read_bounded(stream: BinaryIO, limit: int) -> bytes | None:
    """All of `stream` if it holds at most `limit` bytes, else None (having read limit + 1)."""
    parts: list[bytes] = []
    got = 0
    while got <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - got))
        if not chunk:
            break
        parts.append(chunk)
        got += len(chunk)
    return None if got > limit else b"".join(parts)
