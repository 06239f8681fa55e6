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

import re
import unicodedata

# The table, one row per vowel: the Unicode letters (no tone, sắc, huyền, hỏi, ngã, nặng)
# and their VNI form, written as the Windows-1252 characters of its bytes.
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
A Á À Ả Ã Ạ | A AÙ AØ AÛ AÕ AÏ
Ă Ắ Ằ Ẳ Ẵ Ặ | AÊ AÉ AÈ AÚ AÜ AË
Â Ấ Ầ Ẩ Ẫ Ậ | AÂ AÁ AÀ AÅ AÃ AÄ
E É È Ẻ Ẽ Ẹ | E EÙ EØ EÛ EÕ EÏ
Ê Ế Ề Ể Ễ Ệ | EÂ EÁ EÀ EÅ EÃ EÄ
I Í Ì Ỉ Ĩ Ị | I Í Ì Æ Ó Ò
O Ó Ò Ỏ Õ Ọ | O OÙ OØ OÛ OÕ OÏ
Ô Ố Ồ Ổ Ỗ Ộ | OÂ OÁ OÀ OÅ OÃ OÄ
Ơ Ớ Ờ Ở Ỡ Ợ | Ô ÔÙ ÔØ ÔÛ ÔÕ ÔÏ
U Ú Ù Ủ Ũ Ụ | U UÙ UØ UÛ UÕ UÏ
Ư Ứ Ừ Ử Ữ Ự | Ö ÖÙ ÖØ ÖÛ ÖÕ ÖÏ
Y Ý Ỳ Ỷ Ỹ Ỵ | Y YÙ YØ YÛ YÕ Î
Đ | Ñ
"""


def _table() -> dict[str, str]:
    """Unicode letter -> VNI form (as Windows-1252 characters), for every Vietnamese letter."""
    out = {}
    for row in _ROWS.strip().splitlines():
        letters, forms = (part.split() for part in row.split("|"))
        out.update((letter, form) for letter, form in zip(letters, forms) if letter != form)
    return out


#: Unicode letter -> VNI form; the encoder's table.
TABLE = _table()
_ENCODE = str.maketrans(TABLE)

# Decoding: a two-character form (base + mark) wins over reading its characters one by one,
# in one pass (a decoded "ó" must not be read again as the VNI "ó" for "ĩ"). A mark after a
# base of the other case is read too (a caps-lock slip), taking the case of the base letter.
_DECODE: dict[str, str] = {}
for _letter, _form in TABLE.items():
    if len(_form) == 2:
        for _mark in {_form[1].lower(), _form[1].upper()}:
            _DECODE[_form[0] + _mark] = _letter
    else:
        _DECODE[_form] = _letter
_DECODE_RE = re.compile("|".join(sorted(_DECODE, key=len, reverse=True)))

# Bytes are read as Windows-1252; its five unused bytes as the C1 controls of the same number,
# so that every byte decodes.
_CP1252 = {b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def decode(data: bytes) -> str:
    """VNI bytes to NFC text (every byte has a character, so this never fails).

    >>> decode("UÛy ban nhaân daân tænh".encode("cp1252"))
    'Ủy ban nhân dân tỉnh'
    >>> decode("Hoïc sinh gioûi".encode("cp1252"))
    'Học sinh giỏi'
    """
    text = data.decode("latin-1").translate(_CP1252)
    return unicodedata.normalize("NFC", _DECODE_RE.sub(lambda m: _DECODE[m.group()], text))


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
