"""Property tests: for any text, extraction never raises and every fact is sound."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vnfacts import Extractor
from vnfacts.invariants import problems

EX = Extractor()
PUBLISHED = "2024-03-08"

# Pieces that make rules fire, mixed with arbitrary text, so the properties are tested on
# inputs with facts in them and not only on noise.
WORDS = st.sampled_from([
    "27", "1.250,5", "104,65", "%", "tỷ", "triệu", "nghìn", "đồng", "USD", "người", "hộ", "ha",
    "hơn", "khoảng", "gần", "từ", "đến", "-", "/", "ngày", "tháng", "năm", "26/12", "2023",
    "quý", "II", "sáng", "chiều", "hôm", "qua", "nay", "thứ", "Hai", "tuần", "trước", "Tết",
    "mùng", "1", "Chạp", "Quý Mão", "số", "lần", "lớp", "9", "hai", "mươi", "lăm", "điểm",
    "phần", "trăm", "Quốc khánh", "2/9", ",", ".", "(", ")", "\n", "  ", "giờ", "7h45",
])
TEXTS = st.one_of(
    st.lists(st.one_of(WORDS, st.text(max_size=6)), max_size=40).map(" ".join),
    st.text(max_size=200),
)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(TEXTS)
def test_extraction_never_raises_and_facts_are_sound(text):
    doc = EX.extract(text, published=PUBLISHED)
    assert problems(doc) == []


@FAST
@given(TEXTS)
def test_extracting_twice_gives_the_same(text):
    assert EX.extract(text, published=PUBLISHED).to_dict() == EX.extract(text, published=PUBLISHED).to_dict()


@FAST
@given(TEXTS, st.text(alphabet=st.characters(blacklist_characters="\n"), max_size=30),
       st.text(alphabet=st.characters(blacklist_characters="\n"), max_size=30))
def test_a_document_inside_a_longer_one_gives_the_same_facts_shifted(text, before, after):
    alone = EX.extract(text, published=PUBLISHED)
    head = before + "\n"
    inside = EX.extract(head + alone.text + "\n" + after, published=PUBLISHED)
    shift = len(head)
    wanted = [(f.type, f.start + shift, f.end + shift, f.to_dict()["value"]) for f in alone.facts]
    got = [(f.type, f.start, f.end, f.to_dict()["value"]) for f in inside.facts
           if shift <= f.start and f.end <= shift + len(alone.text)]
    assert got == wanted
