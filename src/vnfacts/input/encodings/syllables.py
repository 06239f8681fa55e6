"""Is this a Vietnamese syllable? The yardstick for telling legacy encodings apart.

A candidate decoding of Vietnamese text is right when its words are Vietnamese syllables:
an optional initial consonant, a vowel cluster, an optional final consonant, and at most one
tone mark, on the last vowel with a hat or horn if there is one ("việt", not "vịêt") and never
on a closing glide ("kẻo", not "keỏ"), with the rule that a syllable ending in p, t, c or ch
carries the sắc or nặng tone; and no capital inside the word. Wrong decodings give "Vieät",
"Hµ", "ViÖt", "thÓ": letters or shapes no syllable has.

>>> [is_syllable(w) for w in ["Người", "nước", "khuya", "quốc", "Vieät", "Hµ", "bàt"]]
[True, True, True, True, False, False, False]
"""
from __future__ import annotations

import re
import unicodedata

_TONES = {"\u0301": "sắc", "\u0300": "huyền", "\u0309": "hỏi", "\u0303": "ngã", "\u0323": "nặng"}


def _tone_table() -> tuple[dict[int, str], dict[str, str]]:
    """Toned vowel -> toneless vowel (for str.translate), and toned vowel -> tone name."""
    strip, tone = {}, {}
    for base in "aăâeêioôơuưy":
        for mark, name in _TONES.items():
            toned = unicodedata.normalize("NFC", base + mark)
            strip[ord(toned)] = base
            tone[toned] = name
    return strip, tone


_STRIP, _TONE_OF = _tone_table()
_TONED = re.compile("[" + "".join(_TONE_OF) + "]")
_HAT = re.compile("[ăâêôơư]")
_VOWELS = frozenset("aăâeêioôơuưy")

_INITIAL = "(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?"
# Vowel clusters, toneless: those that end the syllable, those that need a final consonant,
# and those that take one or not.
_OPEN = ("ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu iêu yêu oai oay oao oeo uây "
         "uôi uya uyu ươi ươu uơ")
_CLOSED = "ă â iê yê uô ươ oă uâ uyê oo"
_EITHER = "a e ê i o ô ơ u ư y oa oe uê uy"
_FINAL = "(?:ch|nh|ng|[cmnpt])"


def _alt(words: str) -> str:
    return "|".join(sorted(words.split(), key=len, reverse=True))


_SYLLABLE = re.compile(
    f"{_INITIAL}(?:(?:{_alt(_OPEN)})|(?:{_alt(_EITHER)}){_FINAL}?|(?:{_alt(_CLOSED)}){_FINAL})"
)
_STOP_FINALS = ("c", "ch", "p", "t")


def is_syllable(word: str) -> bool:
    """True when `word` (NFC, any case) is a well-formed Vietnamese syllable.

    >>> is_syllable("Thủy"), is_syllable("thuỷ"), is_syllable("gió"), is_syllable("café"), is_syllable("keõ")
    (True, True, True, False, False)
    """
    if not (word.islower() or word.isupper() or word.istitle()):
        return False  # "thÓ", "tƠ": a capital inside a word is a misread byte
    word = word.lower()
    tones = _TONED.findall(word)
    if len(tones) > 1:
        return False
    toneless = word.translate(_STRIP)
    if _SYLLABLE.fullmatch(toneless) is None:
        return False
    if tones and _HAT.search(toneless):  # a tone goes on the last vowel with a hat or horn
        last_hat = max(toneless.rfind(v) for v in "ăâêôơư")
        if word[last_hat] not in _TONE_OF:
            return False
    if tones and len(word) > 1 and word[-1] in _TONE_OF and toneless[-1] in "iouy" \
            and toneless[-2] in _VOWELS and toneless[-2:] != "uy" and toneless != "gi" + toneless[-1]:
        return False  # never on a closing glide ("keõ"); old-style "thuỷ" and "gió" are fine
    if toneless.endswith(_STOP_FINALS):
        return bool(tones) and _TONE_OF[tones[0]] in ("sắc", "nặng")
    return True
