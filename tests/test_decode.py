"""Decoding: files written here in every supported encoding come back as the exact NFC text,
with the right encoding named; what cannot be decoded fails with one line naming the input."""
import codecs
import time
import unicodedata

import pytest

from vnfacts.input.decode import Decoded, check_encoding, decode_bytes, read_input
from vnfacts.input.encodings import cp1258, tcvn3, vni
from vnfacts.errors import InputError

# Our own texts: a provincial budget report, a health notice, a headline in capitals.
BUDGET = """ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ

Sáng 12/3, Ủy ban nhân dân tỉnh tổ chức hội nghị sơ kết quý I. Theo báo cáo, thu ngân sách trên \
địa bàn ước đạt 1.245 tỷ đồng, bằng 28,4% dự toán năm và tăng 6,7% so với cùng kỳ.
Ông Nguyễn Văn Hưởng, Phó Chủ tịch UBND tỉnh, đề nghị các sở, ngành đẩy nhanh tiến độ giải ngân \
vốn đầu tư công, “không để xảy ra tình trạng chậm trễ kéo dài”."""
HEALTH = """Ở các huyện miền núi, ngành y tế đã tiêm chủng cho hơn 3.200 trẻ em; Ấn Độ và Nhật Bản \
hỗ trợ thuốc trị giá khoảng 15 triệu USD. Bác sĩ khuyến cáo người dân giữ ấm, uống đủ nước, \
rửa tay thường xuyên – nhất là khi thời tiết chuyển mùa. Thuở trước, Hoà Bình và Thái Nguyên \
từng ghi nhận dịch sởi; năm nay chưa phát hiện ổ dịch nào."""
HEADLINE = "THỦ TƯỚNG CHỈ ĐẠO ĐẨY MẠNH XUẤT KHẨU GẠO, CÀ PHÊ VÀ THỦY SẢN SANG CHÂU ÂU"
TEXTS = {"budget": BUDGET, "health": HEALTH, "headline": HEADLINE}


def _cp1258_all_split(text: str) -> bytes:
    """Windows-1258 the other way writers produce it: every tone as a combining byte."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        d = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in d if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
        out.append((base + tones).encode("cp1258"))
    return b"".join(out)


ENCODERS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-sig": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16": lambda t: t.encode("utf-16"),                 # with its BOM
    "utf-16-be": lambda t: t.encode("utf-16-be"),           # no BOM
    "utf-16-le": lambda t: t.encode("utf-16-le"),           # no BOM
    "utf-32": lambda t: t.encode("utf-32"),
    "windows-1258": cp1258.encode,
    "tcvn3": tcvn3.encode,
    "vni": vni.encode,
}


@pytest.mark.parametrize("text_name", TEXTS)
@pytest.mark.parametrize("encoding", ENCODERS)
def test_file_in_each_encoding_reads_back_exactly(tmp_path, encoding, text_name):
    text = TEXTS[text_name]
    path = tmp_path / f"{text_name}.{encoding}.txt"
    path.write_bytes(ENCODERS[encoding](text))
    decoded = read_input(str(path))
    assert decoded.text == text
    assert decoded.encoding == encoding


@pytest.mark.parametrize("text_name", TEXTS)
def test_windows_1258_with_every_tone_combining(text_name):
    decoded = decode_bytes(_cp1258_all_split(TEXTS[text_name]))
    assert (decoded.text, decoded.encoding) == (TEXTS[text_name], "windows-1258")


def test_nfd_utf8_is_composed():
    nfd = unicodedata.normalize("NFD", HEALTH)
    assert nfd != HEALTH
    assert decode_bytes(nfd.encode("utf-8")).text == HEALTH


def test_ascii_is_utf8():
    assert decode_bytes(b"Thu 1.245 ty dong").encoding == "utf-8"


@pytest.mark.parametrize("encoding", ["windows-1258", "tcvn3", "vni"])
def test_forced_encoding_decodes_text_too_short_to_detect(encoding):
    data = ENCODERS[encoding]("Hà Nội")
    with pytest.raises(InputError, match="too little text"):
        decode_bytes(data, "short.txt")
    assert decode_bytes(data, "short.txt", encoding=encoding).text == "Hà Nội"


def test_forced_encoding_wins_over_detection():
    data = tcvn3.encode(BUDGET)
    assert decode_bytes(data).encoding == "tcvn3"
    forced = decode_bytes(data, encoding="cp1252")
    assert forced.encoding == "cp1252" and forced.text != BUDGET


@pytest.mark.parametrize("given,canonical", [
    ("ABC", "tcvn3"), ("TCVN3", "tcvn3"), ("vni-windows", "vni"), ("VNI", "vni"),
    ("cp1258", "windows-1258"), ("Windows_1258", "windows-1258"), ("utf8", "utf-8"), ("latin-1", "iso8859-1"),
])
def test_encoding_names(given, canonical):
    assert check_encoding(given) == canonical


def test_unknown_encoding_is_one_line_error():
    with pytest.raises(ValueError, match="unknown encoding 'klingon'"):
        check_encoding("klingon")
    with pytest.raises(InputError, match=r"^a\.txt: unknown encoding 'klingon'"):
        decode_bytes(b"abc", "a.txt", encoding="klingon")


def test_forced_encoding_that_does_not_fit_names_the_byte():
    with pytest.raises(InputError, match=r"a\.txt: cannot decode as utf-8 \(invalid byte 0xb5 at 1\)"):
        decode_bytes(b"H\xb5 N\xe9i", "a.txt", encoding="utf-8")


def test_forced_utf8_drops_the_bom():
    assert decode_bytes(codecs.BOM_UTF8 + b"abc", encoding="utf-8").text == "abc"


@pytest.mark.parametrize("data,message", [
    (b"\x00\x01\x02PK\x00", "binary file (contains NUL bytes)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    (bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 10 + "chữ".encode(), "binary file (control bytes)"),
    (b"Ch\xe0o", "cannot decode"),
    (b"\xff\xfe\x00\xd8", "not valid UTF-16"),
])
def test_undecodable_input_is_one_line_naming_it(data, message):
    with pytest.raises(InputError) as err:
        decode_bytes(data, "in.txt")
    assert str(err.value).startswith("in.txt: ") and message in str(err.value)
    assert "\n" not in str(err.value)


def test_noise_is_refused_not_guessed():
    noise = bytes((i * 97 + 13) % 128 + 128 for i in range(3000))
    with pytest.raises(InputError, match="cannot decode"):
        decode_bytes(noise, "noise.bin")


def test_a_few_bad_bytes_in_utf8_are_replaced_and_counted():
    data = BUDGET.encode("utf-8") + b"\xff"
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8" and decoded.replaced == 1
    assert decoded.text == BUDGET + "\ufffd"


def test_utf8_cut_inside_a_character():
    data = (HEALTH + " Hết.").encode("utf-8")[:-3]  # "ế" loses its last byte, "t." are gone
    decoded = decode_bytes(data)
    assert decoded.replaced == 1 and decoded.text.endswith("H\ufffd")


def test_real_replacement_characters_are_not_counted():
    assert decode_bytes(("x\ufffd" + BUDGET).encode("utf-8")).replaced == 0


def test_text_in_another_language_and_code_page():
    russian = ("Правительство утвердило бюджет на следующий год: доходы вырастут почти на десять "
               "процентов, а расходы на здравоохранение и образование увеличатся.")
    decoded = decode_bytes(russian.encode("cp1251"))
    assert decoded.text == russian and decoded.encoding == "cp1251"


def test_plain_text_result():
    decoded = decode_bytes(BUDGET.encode("utf-8"), "a.txt")
    assert decoded == Decoded(BUDGET, "utf-8")
    assert decoded.content_type == "text/plain" and decoded.published is None


def test_large_legacy_file_is_fast():
    data = vni.encode((HEALTH + "\n") * 2500)  # about 1.3 MB
    start = time.perf_counter()
    decoded = decode_bytes(data)
    assert decoded.encoding == "vni" and decoded.text.count("Hoà Bình") == 2500
    assert time.perf_counter() - start < 3


def test_stdin_dash(monkeypatch):
    import io
    import sys
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(tcvn3.encode(HEALTH))))
    assert read_input("-").text == HEALTH


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_nfd_utf16_without_bom(codec):
    nfd = unicodedata.normalize("NFD", BUDGET)  # U+0300 puts a zero byte on the other side too
    decoded = decode_bytes(nfd.encode(codec))
    assert (decoded.text, decoded.encoding) == (BUDGET, codec)


def test_long_utf8_file_cut_inside_its_last_character():
    data = ((BUDGET + "\n") * 200 + "Hế").encode("utf-8")[:-1]  # well past the 64 KB sample
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8" and decoded.replaced == 1
    assert decoded.text.startswith(BUDGET)


@pytest.mark.parametrize("copies", [10, 200])  # the bad byte inside and past the 64 KB sample
def test_windows_1258_with_a_byte_it_does_not_use(copies):
    data = cp1258.encode((HEALTH + "\n") * copies) + b"\x81" + cp1258.encode(HEALTH)
    decoded = decode_bytes(data)
    assert decoded.encoding == "windows-1258" and decoded.replaced == 1
    assert decoded.text == (HEALTH + "\n") * copies + "\ufffd" + HEALTH


@pytest.mark.parametrize("codec,name", [(vni, "vni"), (tcvn3, "tcvn3")])
@pytest.mark.parametrize("text_name", TEXTS)
def test_legacy_text_pasted_into_utf8_is_turned_back(codec, name, text_name):
    masked = codec.encode(TEXTS[text_name]).decode("cp1252")  # "UÛY BAN NHAÂN DAÂN", "ViÖt"
    decoded = decode_bytes(masked.encode("utf-8"))
    assert (decoded.text, decoded.encoding) == (TEXTS[text_name], f"utf-8/{name}")


@pytest.mark.parametrize("text", [
    "Nhiệt độ 30°C, « trích dẫn » © 2024 · Đắk Lắk ± 5 ¼ — Ökonomie, Ägypten, Übersee",
    "Le maître d'hôtel reçoit à Noël: façade, naïveté, Citroën, où ça? Ça déçoit, coïncidence.",
    "Größe, Fußgänger, Schönheit, Übermaß, Ärger, Äpfel, Öl, süß, blöd, müde, Höhe.",
])
def test_utf8_with_latin_letters_is_left_alone(text):
    decoded = decode_bytes(text.encode("utf-8"))
    assert (decoded.text, decoded.encoding) == (text, "utf-8")
