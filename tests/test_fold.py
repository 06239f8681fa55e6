"""fold_for_matching: variants fold to one form, and the folded text keeps every offset."""
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnfacts.text.fold import _CHAR_MAP, fold_for_matching


@pytest.mark.parametrize("old,new", [
    ("hoà", "hòa"), ("Hoà Bình", "Hòa Bình"), ("thuỷ", "thủy"), ("Uỷ ban", "Ủy ban"),
    ("khoẻ", "khỏe"), ("hoạ sĩ", "họa sĩ"), ("Thoả thuận", "Thỏa thuận"), ("loè loẹt", "lòe loẹt"),
    ("tuỳ", "tùy"), ("luỹ kế", "lũy kế"), ("huỷ bỏ", "hủy bỏ"), ("suý", "súy"),
    ("HOÀ", "HÒA"), ("THUỶ LỢI", "THỦY LỢI"), ("UỶ BAN", "ỦY BAN"), ("oà khóc", "òa khóc"),
    ("toà án,", "tòa án,"), ("(hoà)", "(hòa)"), ("hoà.", "hòa."),
])
def test_old_tone_placement_folds_to_new(old, new):
    assert fold_for_matching(old) == new


@pytest.mark.parametrize("text", [
    "hoàn thành", "khuỷu tay", "xoáy", "ngoài", "quý", "Quý", "QUỲ", "quà", "Huỳnh", "thuở",
    "thuế", "hòa", "thủy", "Ủy ban", "khỏe", "hoạch định", "thuyền", "khuya", "quyết",
])
def test_new_style_and_tone_on_main_vowel_stay(text):
    assert fold_for_matching(text) == text


@pytest.mark.parametrize("raw,folded", [
    ("5–7%", "5-7%"), ("5—7", "5-7"), ("COVID\u201119", "COVID-19"), ("\u22125", "-5"),
    ("\u201cđột phá\u201d", '"đột phá"'), ("\u2018a\u2019", "'a'"), ("«x»", '"x"'),
    ("27\u00a0tỷ", "27 tỷ"), ("ngân hàng\u200bsẽ", "ngân hàng sẽ"), ("a\ufeffb", "a b"),
    ("10\u202f000", "10 000"), ("a\u3000b", "a b"), ("a\u2028b", "a\nb"), ("91,5％", "91,5%"),
])
def test_punctuation_and_spaces_fold(raw, folded):
    assert fold_for_matching(raw) == folded


def test_the_same_facts_in_both_styles_fold_alike():
    old = "Uỷ ban tỉnh Hoà Bình chi 5\u00a0tỷ đồng cho thuỷ lợi – “khoẻ” hơn"
    new = "Ủy ban tỉnh Hòa Bình chi 5 tỷ đồng cho thủy lợi - \"khỏe\" hơn"
    assert fold_for_matching(old) == fold_for_matching(new) == new


def test_offsets_found_in_the_folded_text_cut_the_original():
    original = "Uỷ ban tỉnh Hoà Bình giao 12\u00a0tỷ đồng"
    folded = fold_for_matching(original)
    start = folded.index("Hòa Bình")
    assert original[start:start + len("Hòa Bình")] == "Hoà Bình"
    start = folded.index("12 tỷ đồng")
    assert original[start:start + len("12 tỷ đồng")] == "12\u00a0tỷ đồng"


def test_every_odd_character_is_replaced_one_for_one():
    odd = "".join(_CHAR_MAP)
    folded = fold_for_matching(odd)
    assert len(folded) == len(odd)
    assert set(folded) <= set("-'\" \n%")


def test_empty_and_plain_text():
    assert fold_for_matching("") == ""
    assert fold_for_matching("Chi 27 tỷ đồng.") == "Chi 27 tỷ đồng."


_ALPHABET = st.sampled_from(list("oOuUqQaAyYeE hàáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠỲÝỶỸỴnt.,-1") + list(_CHAR_MAP))


@settings(max_examples=400, deadline=None)
@given(st.text(_ALPHABET, max_size=40) | st.text(max_size=40))
def test_length_is_kept_and_folding_is_idempotent(text):
    text = unicodedata.normalize("NFC", text)
    folded = fold_for_matching(text)
    assert len(folded) == len(text)
    assert fold_for_matching(folded) == folded


@settings(max_examples=200, deadline=None)
@given(st.text(_ALPHABET, max_size=40))
def test_only_folded_positions_change(text):
    text = unicodedata.normalize("NFC", text)
    folded = fold_for_matching(text)
    for i, (a, b) in enumerate(zip(text, folded)):
        if a != b:
            # either an odd character, or one of the two letters of a moved tone
            assert a in _CHAR_MAP or a.lower() in "ouàáảãạèéẻẽẹỳýỷỹỵ", (text, i)
