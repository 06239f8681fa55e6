"""Which encoding are these bytes in? Unicode first, then the Vietnamese legacy encodings.

In order: a byte-order mark (UTF-8, UTF-16, UTF-32); UTF-16 without a mark (told by where its
zero bytes fall); binary data (NUL or control bytes) is refused; strict UTF-8 (and in it, VNI
or TCVN3 text that was pasted in as Latin letters, "Vieät Nam"); UTF-8 with a
few bad bytes (a truncated or patched file: they become U+FFFD and are counted); then the
Vietnamese legacy encodings, each decoded and scored by the share of its words that are
Vietnamese syllables (Windows-1258, TCVN3, VNI); then the charset an HTML page declares;
and last charset-normalizer's guess, for text that is not Vietnamese at all (Chinese,
Russian...). Every result is NFC.

>>> detect("Hòa bình".encode("utf-8")).encoding
'utf-8'
>>> detect(cp1258.encode("Thành phố Hồ Chí Minh công bố số liệu")).encoding
'windows-1258'
"""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import partial

from . import cp1258, tcvn3, vni
from .syllables import is_syllable


class Undecodable(ValueError):
    """No encoding fits; the message says why in a few words (the caller adds the input name)."""


@dataclass(frozen=True)
class Detected:
    text: str
    encoding: str
    replaced: int = 0  # invalid bytes read as U+FFFD (UTF-8 or Windows-1258 with a few bad bytes)


@dataclass(frozen=True)
class Score:
    """How Vietnamese a decoding looks: its non-ASCII words, how many are syllables, and junk
    (non-ASCII characters that are neither letters nor common punctuation)."""

    valid: int
    words: int
    junk: int

    @property
    def ratio(self) -> float:
        return self.valid / (self.words + self.junk) if self.words + self.junk else 0.0


#: The Vietnamese legacy encodings, in the order that breaks ties; each decodes any bytes.
LEGACY = {
    "windows-1258": partial(cp1258.decode, errors="replace"),  # its 5 unused bytes: U+FFFD
    "tcvn3": tcvn3.decode,
    "vni": vni.decode,
}
#: A legacy guess needs this many Vietnamese words and this share of its non-ASCII words.
MIN_WORDS = 3
MIN_RATIO = 0.5
SAMPLE_BYTES = 64 * 1024
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_WESTERN = {"iso8859-1", "cp1252", "ascii"}  # declared by pages set in VNI or TCVN3 fonts
_WORD = re.compile(r"[^\W\d_]+")
_PUNCT = frozenset("\u00a0\u00ab\u00bb\u00b0\u00b7\u00d7\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ab\u00a9")
_CONTROL = re.compile(rb"[\x01-\x08\x0e-\x1a\x1c-\x1f\x7f]")
# Latin-1 characters that are no Vietnamese letters: VNI marks (ø û ï å ä ë ü) and TCVN3 bytes
# read as Windows-1252 (µ ¸ § ­ Ö...). A few in UTF-8 text call for a look at _unmask.
_MASKED = re.compile("[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de"
                     "\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]")


def detect(data: bytes, declared: str | None = None) -> Detected:
    """Decode `data`, guessing its encoding; `declared` is a charset an HTML page names.

    Raises Undecodable with a short reason when nothing fits.

    >>> detect(b"\\xff\\xfeH\\x00\\xe0\\x00").text
    'Hà'
    >>> detect(b"\\x00\\x01\\x02PK\\x00")
    Traceback (most recent call last):
    vnfacts.input.encodings.detect.Undecodable: binary file (contains NUL bytes), not text
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Detected(_strict(data, encoding), encoding)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    head = data[:8192]
    if b"\x00" in head:
        raise Undecodable("binary file (contains NUL bytes), not text")
    if len(_CONTROL.findall(head)) > max(2, len(head) // 100):
        raise Undecodable("binary file (control bytes), not text")
    try:
        return _unmask(_nfc(data.decode("utf-8")))
    except UnicodeDecodeError as exc:
        why = f"not UTF-8 (invalid byte 0x{data[exc.start]:02x} at {exc.start})"
    return (_mostly_utf8(data) or _declared(data, declared, western=False) or _legacy(data, why)
            or _declared(data, declared, western=True) or _other(data, why))


def score(text: str) -> Score:
    """Score a decoding by its non-ASCII words that are Vietnamese syllables.

    >>> score("Việt Nam, người dân").valid, score("Vieät Nam, ngöôøi daân").valid
    (3, 0)
    """
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    junk = sum(1 for c in text if c > "\x7f" and c not in _PUNCT and not _is_letter(c))
    return Score(sum(map(is_syllable, words)), len(words), junk)


def rank_legacy(data: bytes) -> list[tuple[Score, str]]:
    """Each legacy encoding that decodes a sample of `data`, best first.

    >>> [name for _, name in rank_legacy("Ngöôøi daân ñoàng loøng".encode("cp1252"))][0]
    'vni'
    """
    sample = data[:SAMPLE_BYTES]
    if len(data) > SAMPLE_BYTES:  # end on a space, not inside a VNI letter
        sample = sample[: max(sample.rfind(b" "), 1)]
    ranked = [(score(decode(sample)), -order, name) for order, (name, decode) in enumerate(LEGACY.items())]
    ranked.sort(key=lambda r: (r[0].ratio, r[0].valid, r[1]), reverse=True)
    return [(s, name) for s, _, name in ranked]


def _legacy(data: bytes, why: str) -> Detected | None:
    for best, name in rank_legacy(data):
        if best.ratio < MIN_RATIO:
            return None
        if best.valid < MIN_WORDS:
            raise Undecodable(f"cannot decode: {why}, and too little text to tell Windows-1258, "
                              f"TCVN3 and VNI apart; name the encoding (--encoding)")
        text = LEGACY[name](data)
        return Detected(text, name, replaced=text.count("\ufffd") if name == "windows-1258" else 0)
    return None


def _unmask(text: str) -> Detected:
    """UTF-8 whose letters are VNI or TCVN3 bytes read as Windows-1252 ("Vieät Nam", "ViÖt
    Nam": legacy-font text pasted into a Unicode file or database) is turned back into
    Vietnamese, as "utf-8/vni" or "utf-8/tcvn3"; other text is left as it is."""
    sample = text[:SAMPLE_BYTES]
    if len(_MASKED.findall(sample)) < MIN_WORDS or score(sample).ratio >= MIN_RATIO:
        return Detected(text, "utf-8")
    try:
        raw = text.encode("cp1252")
    except UnicodeEncodeError:
        return Detected(text, "utf-8")
    best, name = rank_legacy(raw)[0]
    if name == "windows-1258" or best.ratio < 0.8 or best.valid < MIN_WORDS:
        return Detected(text, "utf-8")
    return Detected(LEGACY[name](raw), f"utf-8/{name}")


def _strict(data: bytes, encoding: str) -> str:
    try:
        return _nfc(data.decode(encoding))
    except UnicodeDecodeError as exc:
        raise Undecodable(f"not valid {exc.encoding.upper()} at byte {exc.start}") from None


def _utf16_without_bom(data: bytes) -> Detected | None:
    """UTF-16 without a BOM: ASCII and Vietnamese letters put a zero (or 0x01, 0x1E) high byte
    in most code units, so zeros crowd on one side."""
    head = data[:4096]
    if len(head) < 4 or len(data) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    if odd >= 0.3 * half and even <= 0.05 * odd:  # a few: U+0300 etc. in NFD text
        encoding = "utf-16-le"
    elif even >= 0.3 * half and odd <= 0.05 * even:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    if any(unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs") and c not in "\t\n\r\f" for c in text[:2048]):
        return None
    return Detected(_nfc(text), encoding)


def _mostly_utf8(data: bytes) -> Detected | None:
    """UTF-8 with a few invalid bytes (at most 1 for every 50 good non-ASCII characters)."""
    if len(data) > SAMPLE_BYTES and not _few_bad(*_utf8_counts(data[:SAMPLE_BYTES])[1:]):
        return None  # a legacy file: no need to read it all as UTF-8
    text, bad, good = _utf8_counts(data)
    return Detected(_nfc(text), "utf-8", replaced=bad) if bad and _few_bad(bad, good) else None


def _utf8_counts(data: bytes) -> tuple[str, int, int]:
    """The text read with U+FFFD for invalid bytes, their number, and good non-ASCII characters."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    return text, bad, len(text) - len(text.encode("ascii", errors="ignore")) - bad


def _few_bad(bad: int, good: int) -> bool:
    return good >= 50 * bad


def _declared(data: bytes, declared: str | None, western: bool) -> Detected | None:
    if not declared:
        return None
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return None
    if (name in _WESTERN) != western or name.startswith(("utf-16", "utf-32")):
        return None
    try:
        return Detected(_nfc(data.decode(name)), "windows-1258" if name == "cp1258" else name)
    except UnicodeDecodeError:
        return None


def _other(data: bytes, why: str) -> Detected:
    """charset-normalizer's guess, for text in no Vietnamese encoding; never on scraps."""
    from charset_normalizer import from_bytes

    nonascii = sum(1 for b in data[:SAMPLE_BYTES] if b > 0x7F)
    guess = from_bytes(data[:SAMPLE_BYTES]).best() if nonascii >= 16 else None
    if guess is not None and guess.language != "Unknown" and guess.chaos <= 0.1 \
            and not guess.encoding.startswith(("utf_16", "utf_32")):
        try:
            return Detected(_nfc(data.decode(guess.encoding)), codecs.lookup(guess.encoding).name)
        except UnicodeDecodeError:
            pass
    raise Undecodable(f"cannot decode: {why}, and no Vietnamese legacy encoding (Windows-1258, "
                      f"TCVN3, VNI) fits; name the encoding (--encoding)")


def _is_letter(c: str) -> bool:
    return unicodedata.category(c)[0] in "LMZ"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
