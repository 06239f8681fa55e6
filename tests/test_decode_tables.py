"""The legacy character tables: every Vietnamese letter survives a round trip, and known
byte forms decode to the letters they stand for."""
import unicodedata

import pytest

from vnfacts.input.encodings import cp1258, tcvn3, vni
from vnfacts.input.encodings.syllables import is_syllable

TONES = ["", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"]
VOWELS = "aăâeêioôơuưy"
LETTERS = sorted({unicodedata.normalize("NFC", v + t) for v in VOWELS + VOWELS.upper() for t in TONES} | set("đĐ"))
CODECS = {"tcvn3": tcvn3, "vni": vni, "windows-1258": cp1258}


def test_there_are_146_vietnamese_letters():
    assert len(LETTERS) == 2 * 12 * 6 + 2


@pytest.mark.parametrize("name", CODECS)
def test_every_letter_round_trips(name):
    codec = CODECS[name]
    for letter in LETTERS:
        assert codec.decode(codec.encode(letter)) == letter, (name, letter)


@pytest.mark.parametrize("name", CODECS)
def test_every_letter_has_its_own_bytes(name):
    codec = CODECS[name]
    forms = {codec.encode(letter) for letter in LETTERS}
    assert len(forms) == len(LETTERS)


@pytest.mark.parametrize("name", CODECS)
def test_ascii_and_punctuation_pass_through(name):
    text = "Tong so: 1.245 (28,4%) - [a-z] {x} @ # & * ~ \"q\" 'q'\n\t"
    assert CODECS[name].encode(text) == text.encode("ascii")
    assert CODECS[name].decode(text.encode("ascii")) == text


@pytest.mark.parametrize("data,text", [
    (b"H\xb5 N\xe9i", "Hà Nội"),
    (b"Vi\xd6t Nam", "Việt Nam"),
    (b"ng\xad\xeai d\xa9n", "người dân"),
    (b"\xa7\xe5ng b\xbbng", "Đồng bằng"),
    (b"th\xf1 t\xad\xedng", "thủ tướng"),
    (b"U\xb1y ban", "Ủy ban"),            # a capital with a combining tone byte
    (b"\x93tr\xb8ch nhi\xd6m\x94", "\u201ctrách nhiệm\u201d"),  # Windows-1252 quotes
])
def test_tcvn3_known_bytes(data, text):
    assert tcvn3.decode(data) == text


def test_tcvn3_text_set_in_a_capitals_font_reads_lowercase():
    # ABC documents set "ỦY BAN" in .VnTimeH with the lowercase codes: the case is in the font.
    assert tcvn3.decode(b"\xf1Y BAN") == "ủY BAN"


@pytest.mark.parametrize("form,text", [
    ("Vieät Nam", "Việt Nam"),
    ("ngöôøi daân", "người dân"),
    ("ñoàng baèng", "đồng bằng"),
    ("Thuû töôùng", "Thủ tướng"),
    ("UÛY BAN NHAÂN DAÂN", "ỦY BAN NHÂN DÂN"),
    ("tænh, hoïc, kyø, hoùa, ó", "tỉnh, học, kỳ, hóa, ĩ"),
    ("Uûy ban", "Ủy ban"),                  # a lowercase mark after a capital
])
def test_vni_known_forms(form, text):
    assert vni.decode(form.encode("cp1252")) == text


def test_cp1258_decomposes_only_what_it_lacks():
    assert cp1258.encode("à") == b"\xe0"           # a single byte exists
    assert cp1258.encode("ạ") == b"a\xf2"          # a + combining dot below
    assert cp1258.encode("Ộ") == b"\xd4\xf2"       # Ô + combining dot below
    assert cp1258.decode(b"O\xcc") == "Ò"          # composed to NFC


def test_cp1258_refuses_its_unused_bytes():
    with pytest.raises(UnicodeDecodeError):
        cp1258.decode(b"\x81")


@pytest.mark.parametrize("codec", [tcvn3, vni])
def test_every_byte_decodes(codec):
    text = codec.decode(bytes(range(256)))
    assert text and "\ufffd" not in text


@pytest.mark.parametrize("word,ok", [
    ("người", True), ("Nghiêng", True), ("khuya", True), ("quốc", True), ("giữa", True),
    ("thuở", True), ("uyển", True), ("xoong", True), ("được", True), ("ĐỒNG", True),
    ("bàt", False), ("nươ", False), ("Vieät", False), ("hµ", False), ("café", False),
    ("vịêt", False), ("ăn", True), ("ă", False),
])
def test_syllables(word, ok):
    assert is_syllable(word) is ok
