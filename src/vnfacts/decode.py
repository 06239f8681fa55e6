"""Bytes to text: read an input, refuse binary data, decode, compose to NFC.

Supported now: UTF-8 (with or without BOM) and UTF-16 with a BOM. Anything else is refused
with an InputError that names the input, so a batch can report it and go on.
"""
from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .text import nfc

#: The largest input read, in bytes (a guard against runaway files, not a style limit).
MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def decode_bytes(data: bytes, name: str = "-") -> Decoded:
    """Decode one input's bytes.

    >>> decode_bytes("Chủ tịch".encode("utf-8")).text
    'Chủ tịch'
    >>> decode_bytes(codecs.BOM_UTF16_LE + "Hà Nội".encode("utf-16-le")).encoding
    'utf-16'
    """
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(nfc(_utf8(data[3:], name)), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(nfc(data.decode("utf-16")), "utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not valid UTF-16 at byte {exc.start}") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary file (contains NUL bytes), not text")
    return Decoded(nfc(_utf8(data, name)), "utf-8")


def _utf8(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: cannot decode as UTF-8 (invalid byte 0x{data[exc.start]:02x} at {exc.start})") from None


def read_input(name: str, max_bytes: int = MAX_BYTES) -> Decoded:
    """Read a path, or standard input for "-", and decode it. InputError on any problem."""
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        path = Path(name)
        if path.is_dir():
            raise InputError(f"{name}: is a directory (use `vnfacts batch` for folders)")
        try:
            with path.open("rb") as fh:
                data = fh.read(max_bytes + 1)
        except FileNotFoundError:
            raise InputError(f"{name}: no such file") from None
        except OSError as exc:
            raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise InputError(f"{name}: larger than {max_bytes} bytes")
    return decode_bytes(data, name)
