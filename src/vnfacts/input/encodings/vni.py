"""VNI-Windows: the Vietnamese encoding behind the VNI-* fonts (VNI-Times, VNI-Helve...).

A toned vowel is an ASCII base letter followed by a mark byte; the bytes are Windows-1252
codes, so a VNI file opened as Latin text reads "Vieät Nam" for "Việt Nam". A few letters
are single bytes: ơ ư đ, and i with its tones, and ỵ. Capitals use the capital forms of the
same bytes ("VIEÄT NAM").

>>> decode(b"Vi\\x65\\xe4t Nam")
'Việt Nam'
>>> encode("Người") == "Ngöôøi".encode("cp1252")
True
"""
from __future__ import annotations

import codecs
import unicodedata

# The table, one row per vowel: the Unicode letters (no tone, sắc, huyền, hỏi, ngã, nặng)
# and their VNI form, written as the Windows-1252 characters of its bytes. Capitals are the
# same rows in upper case ("ắ" is "aé", "Ắ" is "AÉ").
_ROWS = """
a á à ả ã ạ | a aù aø aû aõ aï
ă ắ ằ ẳ ẵ ặ | aê aé aè aú aü aë
â ấ ầ ẩ ẫ ậ | aâ aá aà aå aã aä
e é è ẻ ẽ ẹ | e eù eø eû eõ eï
ê ế ề ể ễ ệ | eâ eá eà eå eã eä
i í ì ỉ ĩ ị | i í ì æ ó ò
o ó ò ỏ õ ọ | o où oø oû oõ oï
ô ố ồ ổ ỗ ộ | oâ oá oà oå oã oä
ơ ớ ờ ở ỡ ợ | ô ôù ôø ôû ôõ ôï
u ú ù ủ ũ ụ | u uù uø uû uõ uï
ư ứ ừ ử ữ ự | ö öù öø öû öõ öï
y ý ỳ ỷ ỹ ỵ | y yù yø yû yõ î
đ | ñ
"""


def _table() -> dict[str, str]:
    """Unicode letter -> VNI form (as Windows-1252 characters), for every Vietnamese letter."""
    out = {}
    for row in _ROWS.strip().splitlines():
        for case in (row, row.upper()):
            letters, forms = (part.split() for part in case.split("|"))
            out.update((letter, form) for letter, form in zip(letters, forms) if letter != form)
    return out


#: Unicode letter -> VNI form; the encoder's table.
TABLE = _table()
_ENCODE = str.maketrans(TABLE)



def _decoding_tables() -> tuple[str, dict[str, str]]:
    """Byte -> character, and the marks behind the placeholders in it.

    A mark byte decodes to its combining mark (0xF9 "ù" to U+0301), so NFC composes it with the
    base letter before it; a byte that stands for two marks (0xE1 "á": circumflex and acute)
    decodes to a private-use placeholder, replaced by its two marks afterwards (one character
    per byte keeps the decoding in C). Single-byte letters decode to themselves; every other
    byte to its Windows-1252 character (the five unused ones to the C1 controls)."""
    table = [bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x100)]
    placeholders: dict[str, str] = {}
    for letter, form in TABLE.items():
        byte = form[-1].encode("cp1252")[0]
        if len(form) == 1:
            table[byte] = letter
            continue
        base = {"ô": "ơ", "ö": "ư"}.get(form[0].lower(), form[0].lower())
        marks = unicodedata.normalize("NFD", letter.lower())[len(unicodedata.normalize("NFD", base)):]
        if len(marks) > 1:
            marks = placeholders.setdefault(marks, chr(0xE000 + len(placeholders)))
        assert table[byte] in (marks, form[-1]), (letter, form)  # one meaning per mark byte
        table[byte] = marks
    return "".join(table), {p: m for m, p in placeholders.items()}


_DECODING_TABLE, _PLACEHOLDERS = _decoding_tables()


def decode(data: bytes) -> str:
    """VNI bytes to NFC text (every byte has a character, so this never fails).

    >>> decode("UÛy ban nhaân daân tænh".encode("cp1252"))
    'Ủy ban nhân dân tỉnh'
    >>> decode("Hoïc sinh gioûi".encode("cp1252"))
    'Học sinh giỏi'
    """
    text, _ = codecs.charmap_decode(data, "strict", _DECODING_TABLE)
    for placeholder, marks in _PLACEHOLDERS.items():
        if placeholder in text:
            text = text.replace(placeholder, marks)
    return unicodedata.normalize("NFC", text)


def encode(text: str, errors: str = "strict") -> bytes:
    """NFC text to VNI bytes.

    Characters that are neither Vietnamese letters nor Windows-1252 raise UnicodeEncodeError,
    or are handled as `errors` says ("replace" writes "?"). Plain Windows-1252 characters that
    VNI uses as marks or letters ("ô", "ñ", "à") cannot be told apart from Vietnamese after a
    round trip; Vietnamese text has none.

    >>> encode("Đồng")
    b'\\xd1o\\xe0ng'
    """
    return unicodedata.normalize("NFC", text).translate(_ENCODE).encode("cp1252", errors)
