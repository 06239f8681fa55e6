"""Bytes to text: read an input, refuse binary data, decode, compose to NFC, unwrap HTML.

The encoding is detected (`encodings.detect`: UTF-8 with or without BOM, UTF-16 and UTF-32,
Windows-1258, TCVN3, VNI, and charset-normalizer's guess for other languages) unless the
caller names one. HTML, known by its file name or by how it starts, becomes its article
text (`html.html_to_text`), with the page's publication date and title. Anything that cannot
be read raises an InputError whose one-line message names the input, so a batch can report
it and go on.
"""
from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass
from pathlib import Path

from .encodings import cp1258, tcvn3, vni
from .encodings.detect import Undecodable, detect
from ..errors import InputError
from .html import declared_charset, html_to_text, looks_like_html
from ..text import nfc

#: The largest input read, in bytes (a guard against runaway files, not a style limit).
MAX_BYTES = 20 * 1024 * 1024
#: File name endings read as HTML whatever their content looks like.
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
#: Names accepted for the Vietnamese encodings (besides every Python codec name).
ALIASES = {
    "tcvn3": "tcvn3", "tcvn": "tcvn3", "abc": "tcvn3", "vn3": "tcvn3", "tcvn5712": "tcvn3",
    "vni": "vni", "vni-windows": "vni", "vniwindows": "vni",
    "windows-1258": "windows-1258", "cp1258": "windows-1258", "1258": "windows-1258",
}
_LEGACY = {"tcvn3": tcvn3.decode, "vni": vni.decode, "windows-1258": cp1258.decode}


@dataclass(frozen=True)
class Decoded:
    text: str  # NFC; every fact offset points into it
    encoding: str  # as detected or given: "utf-8", "utf-16", "windows-1258", "tcvn3", "vni",
    # "utf-8/vni" (VNI text pasted into UTF-8 as Latin letters)...
    published: str | None = None  # ISO date from an HTML page's metadata
    title: str | None = None  # an HTML page's title
    content_type: str = "text/plain"  # or "text/html" when the input was HTML
    replaced: int = 0  # invalid bytes read as U+FFFD (UTF-8 or Windows-1258 with a few bad bytes)


def check_encoding(encoding: str) -> str:
    """The canonical name of an encoding a user gave; ValueError if there is no such encoding.

    >>> check_encoding("ABC"), check_encoding("VNI_Windows"), check_encoding("UTF8")
    ('tcvn3', 'vni', 'utf-8')
    """
    key = encoding.strip().lower().replace("_", "-")
    if key in ALIASES:
        return ALIASES[key]
    try:
        return codecs.lookup(key).name
    except LookupError:
        raise ValueError(f"unknown encoding {encoding!r} (try utf-8, utf-16, windows-1258, tcvn3 "
                         f"or vni)") from None


def decode_bytes(data: bytes, name: str = "-", encoding: str | None = None) -> Decoded:
    """Decode one input's bytes; `encoding` forces one (None detects it).

    >>> decode_bytes("Chủ tịch".encode("utf-8")).text
    'Chủ tịch'
    >>> decode_bytes(codecs.BOM_UTF16_LE + "Hà Nội".encode("utf-16-le")).encoding
    'utf-16'
    >>> decode_bytes(vni.encode("Ủy ban nhân dân tỉnh Hòa Bình")).encoding
    'vni'
    >>> decode_bytes(b"<p>Chi 27&nbsp;t&#7927; &#273;&#7891;ng</p>").text
    'Chi 27\\xa0tỷ đồng'
    """
    html_name = name.lower().endswith(HTML_SUFFIXES)
    declared = declared_charset(data) if html_name or looks_like_html(data[:2048].decode("latin-1")) else None
    try:
        decoded = _forced(data, encoding) if encoding else _detected(data, declared)
    except Undecodable as exc:
        raise InputError(f"{name}: {exc}") from None
    if (html_name and "<" in decoded.text) or looks_like_html(decoded.text):
        page = html_to_text(decoded.text)
        return Decoded(page.text, decoded.encoding, page.published, page.title, "text/html", decoded.replaced)
    return decoded


def _detected(data: bytes, declared: str | None) -> Decoded:
    found = detect(data, declared)
    return Decoded(found.text, found.encoding, replaced=found.replaced)


def _forced(data: bytes, encoding: str) -> Decoded:
    try:
        canonical = check_encoding(encoding)
    except ValueError as exc:
        raise Undecodable(str(exc)) from None
    try:
        if canonical in _LEGACY:
            return Decoded(_LEGACY[canonical](data), canonical)
        codec = {"utf-8": "utf-8-sig"}.get(canonical, canonical)  # a BOM is not text
        return Decoded(nfc(data.decode(codec)), canonical)
    except UnicodeDecodeError as exc:
        raise Undecodable(f"cannot decode as {canonical} (invalid byte 0x{data[exc.start]:02x} "
                          f"at {exc.start})") from None


def too_large_message(source: str, limit: int) -> str:
    """The one-line message for a document over the limit (extract and batch say the same).

    >>> too_large_message("a.txt", 20 * 1024 * 1024)
    'a.txt: larger than 20 MB (--max-bytes 20971520)'
    >>> too_large_message("-", 1000)
    '-: larger than 1000 bytes (--max-bytes 1000)'
    """
    size = f"{limit / 1024 / 1024:g} MB" if limit >= 1024 * 1024 else f"{limit} bytes"
    return f"{source}: larger than {size} (--max-bytes {limit})"


def read_input(name: str, max_bytes: int = MAX_BYTES, encoding: str | None = None) -> Decoded:
    """Read a path, or standard input for "-", and decode it; at most `max_bytes` bytes are read
    (a larger input is an InputError of kind too_large). InputError on any problem."""
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        path = Path(name)
        if path.is_dir():
            raise InputError(f"{name}: is a directory (use `vnfacts batch` for folders)", "unreadable")
        try:
            with path.open("rb") as fh:
                data = fh.read(max_bytes + 1)
        except FileNotFoundError:
            raise InputError(f"{name}: no such file", "not_found") from None
        except OSError as exc:
            raise InputError(f"{name}: cannot read: {exc.strerror or exc}", "unreadable") from None
    if len(data) > max_bytes:
        raise InputError(too_large_message(name, max_bytes), "too_large")
    return decode_bytes(data, name, encoding)
