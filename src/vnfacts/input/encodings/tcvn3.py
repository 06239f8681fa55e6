"""TCVN3 (ABC): the 8-bit Vietnamese encoding of TCVN 5712:1993 (VN3) behind the .Vn* fonts.

Bytes 0xA1-0xFF hold the Vietnamese letters: every lowercase letter with every tone, the base
capitals Ă Â Ê Ô Ơ Ư Đ and a few toned capitals; 0xB0-0xB4 are the five tone marks as
combining characters. Other toned capitals have no code: ABC documents set capitals in a
"H" font (.VnTimeH) using the lowercase codes, so such text decodes as lowercase, and the
encoder here writes them as a base letter plus a combining tone byte, which TCVN3 allows.
0x80-0x9F are read as Windows-1252 punctuation (smart quotes, dashes), which is what Windows
wrote there under an ABC font; 0x00-0x7F are ASCII.

>>> decode(b"H\\xb5 N\\xe9i")
'Hà Nội'
>>> encode("Ủy ban") == b"U\\xb1y ban" and decode(encode("Ủy ban")) == "Ủy ban"
True
"""
from __future__ import annotations

import codecs
import unicodedata

# The table, one row per vowel: the Unicode letters (no tone, sắc, huyền, hỏi, ngã, nặng)
# and their TCVN3 bytes in hex ("--" where the base letter is ASCII or has no code).
_ROWS = """
a á à ả ã ạ | -- b8 b5 b6 b7 b9
ă ắ ằ ẳ ẵ ặ | a8 be bb bc bd c6
â ấ ầ ẩ ẫ ậ | a9 ca c7 c8 c9 cb
e é è ẻ ẽ ẹ | -- d0 cc ce cf d1
ê ế ề ể ễ ệ | aa d5 d2 d3 d4 d6
i í ì ỉ ĩ ị | -- dd d7 d8 dc de
o ó ò ỏ õ ọ | -- e3 df e1 e2 e4
ô ố ồ ổ ỗ ộ | ab e8 e5 e6 e7 e9
ơ ớ ờ ở ỡ ợ | ac ed ea eb ec ee
u ú ù ủ ũ ụ | -- f3 ef f1 f2 f4
ư ứ ừ ử ữ ự | ad f8 f5 f6 f7 f9
y ý ỳ ỷ ỹ ỵ | -- fd fa fb fc fe
Ă Ắ Ằ Ẳ Ẵ Ặ | a1 c0 af ba bf --
Â Ấ Ầ Ẩ Ẫ Ậ | a2 c4 c1 c2 c3 --
Ê Ế Ề Ể Ễ Ệ | a3 da c5 cd d9 --
Ô Ố Ồ Ổ Ỗ Ộ | a4 ff db e0 f0 --
Ơ | a5
Ư | a6
Đ | a7
đ | ae
"""

#: The five tone marks as combining characters and their bytes (huyền, hỏi, ngã, sắc, nặng).
_TONE_BYTES = {"\u0300": 0xB0, "\u0309": 0xB1, "\u0303": 0xB2, "\u0301": 0xB3, "\u0323": 0xB4}


def _decoding_table() -> str:
    table = [chr(b) for b in range(0x80)]
    for b in range(0x80, 0xA0):  # Windows-1252 punctuation; its five unused bytes stay C1 controls
        try:
            table.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            table.append(chr(b))
    table += ["\u00a0"] + ["\ufffe"] * 0x5F  # 0xA0 no-break space; 0xA1-0xFF filled below
    for row in _ROWS.strip().splitlines():
        letters, codes = (part.split() for part in row.split("|"))
        for letter, code in zip(letters, codes):
            if code != "--":
                table[int(code, 16)] = letter
    for mark, code in _TONE_BYTES.items():
        table[code] = mark
    assert "\ufffe" not in table, "every byte 0xA0-0xFF has a character"
    return "".join(table)


DECODING_TABLE = _decoding_table()
_ENCODING_MAP = codecs.charmap_build(DECODING_TABLE)
_CODED = frozenset(DECODING_TABLE)


def _split_uncoded() -> dict[int, str]:
    """Toned capitals without a code of their own, as base letter + combining tone mark."""
    out = {}
    for letter in "AĂÂEÊIOÔƠUƯY":
        for mark in _TONE_BYTES:
            toned = unicodedata.normalize("NFC", letter + mark)
            if toned not in _CODED:
                out[ord(toned)] = letter + mark
    return out


_SPLIT = _split_uncoded()


def decode(data: bytes) -> str:
    """TCVN3 bytes to NFC text (every byte has a character, so this never fails).

    >>> decode(b"\\xa7\\xe5ng b\\xbbng s\\xabng C\\xf6u Long")
    'Đồng bằng sông Cửu Long'
    """
    text, _ = codecs.charmap_decode(data, "strict", DECODING_TABLE)
    return unicodedata.normalize("NFC", text)


def encode(text: str, errors: str = "strict") -> bytes:
    """NFC text to TCVN3 bytes; toned capitals without a code become base + tone byte.

    Characters TCVN3 cannot hold (Chinese, emoji, most symbols) raise UnicodeEncodeError,
    or are handled as `errors` says ("replace" writes "?").

    >>> encode("Thủ tướng")
    b'Th\\xf1 t\\xad\\xedng'
    """
    prepared = unicodedata.normalize("NFC", text).translate(_SPLIT)
    data, _ = codecs.charmap_encode(prepared, errors, _ENCODING_MAP)
    return data
