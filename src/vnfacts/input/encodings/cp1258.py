"""Windows-1258, the Vietnamese Windows code page: precomposed base letters, combining tones.

It has ă â ê ô ơ ư đ and a few toned letters (à á é...) as single bytes, and writes the other
tones as one of five combining marks after the letter ("ệ" is "ê" + 0xF2). Decoding composes
the result to NFC.

>>> decode(encode("Kỳ họp thứ 24")) == "Kỳ họp thứ 24"
True
>>> encode("ệ")
b'\\xea\\xf2'
"""
from __future__ import annotations

import unicodedata

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def decode(data: bytes, errors: str = "strict") -> str:
    """Windows-1258 bytes to NFC text; its unused bytes raise UnicodeDecodeError, or are handled
    as `errors` says ("replace" gives U+FFFD).

    >>> decode(b"Vi\\xea\\xf2t Nam")
    'Việt Nam'
    """
    return unicodedata.normalize("NFC", data.decode("cp1258", errors))


def _split(char: str) -> str:
    """A letter the code page lacks, as the precomposed letter without its tone + the tone."""
    decomposed = unicodedata.normalize("NFD", char)
    tones = "".join(c for c in decomposed if c in _TONE_MARKS)
    base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return base + tones


def encode(text: str, errors: str = "strict") -> bytes:
    """NFC text to Windows-1258 bytes, splitting off the tone where no single byte exists.

    >>> encode("Hồ")
    b'H\\xf4\\xcc'
    """
    out = []
    for char in unicodedata.normalize("NFC", text):
        try:
            out.append(char.encode("cp1258"))
        except UnicodeEncodeError:
            out.append(_split(char).encode("cp1258", errors))
    return b"".join(out)
