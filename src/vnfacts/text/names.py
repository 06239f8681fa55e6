"""Personal names among underthesea's words: where a name starts in a run of capitalized words,
and the words of a line with what underthesea merged split apart.

underthesea's CRF word segmentation keeps a Vietnamese name in one proper-noun word ("Trần
Phong"/Np) apart from the place before it ("Quảng Bình"/Np): a name is the last run of words
that starts with a surname, has two to four syllables and is no place, country or body.
Foreign names come after a country ("Mỹ Joe Biden"), an honorific, a foreign-only title, or
are spelled with syllables Vietnamese cannot have ("Sonexay"). One capitalized word right
after a title may be a short name ("Bộ trưởng Dung"); the `people` stage decides.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import regex

from .line import Line
from .tokens import Token

MAX_SYLLABLES = 4
PROPER_TAGS = ("Np", "Ny")
_SYLLABLE = regex.compile(r"\S+")
# A Vietnamese syllable without its marks: k/gh/ngh only before e, i, y; c/g/ng never before them.
_VN_SYLLABLE = regex.compile(
    r"(?:(?:ngh|gh|k)(?=[eiy])|(?:ng|c|g)(?![eiy])|nh|ch|gi|kh|ph|qu|th|tr|[bdhlmnprstvx])?"
    r"(?:uye|uya|ieu|yeu|oai|oay|uoi|uou|oeo|uyu|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uy|ye|[aeiouy])"
    r"(?:ng|nh|ch|[cmnpt])?", regex.IGNORECASE)
_LATIN = regex.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*(?:\s+[A-Za-z]+(?:['’-][A-Za-z]+)*)*")
#: Words that are no one's short name after a title ("Ủy viên Trung ương Đảng", "Bộ trưởng Tài chính Mỹ").
_NOT_SHORT_NAMES = ("COUNTRY", "PROVINCE", "MUNICIPALITY", "BODY", "BODY_NAMED", "ORG_CAP", "ORG_WORD", "LATIN_ORG",
                    "SECTOR_BODY", "FOREIGN_PLACE")


@dataclass(frozen=True)
class NameContext:
    """What stands right before a run of capitalized words."""

    honorific: bool = False  # "ông", "Đại tướng": any name is a name
    foreign: bool = False  # a foreign-only title ("Tổng thống") heads it
    after_unit: bool = False  # "huyện", "tỉnh": a two-syllable name is the unit's own
    after_head: bool = False  # a title's head and common nouns before: a one-syllable short name ("Bộ trưởng Dung")


def capitalized(word: str) -> bool:
    """Every syllable starts with a capital and is not an abbreviation.

    >>> capitalized("Nguyễn Văn Đệ"), capitalized("Y tế"), capitalized("UBND"), capitalized("H'Thu")
    (True, False, False, True)
    """
    return all(s[0].isupper() and not (len(s) > 1 and s[1].isupper()) for s in word.split())


def _syllable_count(words: Sequence[Token], hyphens: bool = False) -> int:
    """Syllables of the words; a foreign name counts its hyphenated parts ("Sri-wong-sa": 3)."""
    return sum(len(regex.split(r"[\s-]+" if hyphens else r"\s+", w.text.strip())) for w in words)


def not_a_person(text: str, lexicons) -> bool:
    """Places, countries and bodies are capitalized proper nouns too, but never people; one
    syllable may be a given name all the same ("Khoa", "Nga").

    >>> from vnfacts.rules import cached_ruleset
    >>> lex = cached_ruleset().lexicons
    >>> not_a_person("Hà Nội", lex), not_a_person("Liên hợp quốc", lex), not_a_person("Nga", lex)
    (True, True, False)
    """
    if " " not in text.strip():
        return False
    return any(lexicons[n].contains(text) for n in ("PROVINCE", "MUNICIPALITY", "COUNTRY", "BODY", "BODY_NAMED"))


def names_a_place(word: str, lexicons) -> bool:
    """Is a unit's name expected after this word ("huyện", "Huyện ủy", "UBND")?"""
    return lexicons["PLACE_UNIT"].contains(word) or lexicons["PLACE_AFTER"].contains(word)


def _vietnamese(words: Sequence[Token], lexicons, ctx: NameContext) -> bool:
    n = _syllable_count(words)
    first = words[0].text.split()[0]
    return (
        2 <= n <= MAX_SYLLABLES
        and not (ctx.after_unit and n < 3)
        and (lexicons["SURNAME"].contains(first) or first.startswith(("H'", "H’")))
        and all(capitalized(w.text) for w in words)
        and not any(not_a_person(w.text, lexicons) for w in words)
        and not not_a_person(" ".join(w.text for w in words), lexicons)
        and not any(lexicons["LATIN_ORG"].contains(s) for w in words for s in w.text.split())  # "Mai Design"
        and (n >= 3 or any(w.tag in PROPER_TAGS for w in words))  # "Trần Văn Sáu" is tagged M
    )


def looks_foreign(word: str) -> bool:
    """Written in plain Latin letters, with a syllable Vietnamese cannot have: "Sonexay",
    "Ji-hoon", "Biden"; not "Trần Phong", nor "Nghi Phong" written without tone marks.

    >>> looks_foreign("Sonexay Siphandone"), looks_foreign("Park Ji-hoon"), looks_foreign("Nghi Phong")
    (True, True, False)
    """
    return bool(_LATIN.fullmatch(word)) and not all(_VN_SYLLABLE.fullmatch(s) for s in regex.split(r"[\s'’-]+", word))


def _foreign(run: Sequence[Token], lexicons, ctx: NameContext) -> int | None:
    """Start of a foreign name ending the run: after its last country word, after an
    honorific or a foreign-only title, or the words spelled without Vietnamese letters."""
    countries = [i for i, w in enumerate(run) if lexicons["COUNTRY"].contains(w.text)
                 or lexicons["FOREIGN_PLACE"].contains(w.text)]
    if ctx.after_unit and not countries:
        return None  # "thành phố Phnom Penh" is a place
    if countries or ctx.foreign or ctx.honorific:
        start = countries[-1] + 1 if countries else 0
    else:  # "Samsung Kim Jae-won": the name after the brand
        latin = [i for i, w in enumerate(run) if not looks_foreign(w.text) or lexicons["LATIN_ORG"].contains(w.text)]
        start = latin[-1] + 1 if latin else 0
    if 0 < start < len(run) and names_a_place(run[start - 1].text, lexicons):
        return None  # "Tỉnh ủy Villa Clara", "Cộng hòa Nam Sudan": a unit's own name
    tail = run[start:]
    if not tail or _syllable_count(tail) > MAX_SYLLABLES + 1 or (_syllable_count(tail, True) < 2 and not ctx.honorific):
        return None
    if any(lexicons["LATIN_ORG"].contains(s) for w in tail for s in w.text.split()):
        return None  # "Chủ tịch Real Madrid": a club
    if all(capitalized(w.text) and not not_a_person(w.text, lexicons) for w in tail) \
            and any(w.tag in PROPER_TAGS for w in tail):
        return start
    return None


def name_start(run: Sequence[Token], lexicons, ctx: NameContext = NameContext()) -> int | None:
    """Index of the word where a person's name starts in a run of capitalized words that the
    name ends; None when the run does not end with a name.

    The latest start giving a whole Vietnamese name wins, so a place before it stays out.

    >>> from vnfacts.rules import cached_ruleset
    >>> lex = cached_ruleset().lexicons
    >>> name_start([Token("Quảng Bình", 0, 10, "Np"), Token("Trần Phong", 11, 21, "Np")], lex)
    1
    >>> name_start([Token("Lý Nhân", 0, 7, "Np")], lex, NameContext(after_unit=True)) is None
    True
    >>> name_start([Token("Mỹ", 0, 2, "Np"), Token("Joe Biden", 3, 12, "Np")], lex)
    1
    """
    for i in range(len(run) - 1, max(-1, len(run) - 1 - MAX_SYLLABLES), -1):
        unit = ctx.after_unit if i == 0 else names_a_place(run[i - 1].text, lexicons)
        if _vietnamese(run[i:], lexicons, NameContext(ctx.honorific, ctx.foreign, unit)):
            return i
    foreign = _foreign(run, lexicons, ctx)
    unit_before = names_a_place(run[-2].text, lexicons) if len(run) > 1 else ctx.after_unit
    if foreign is None and ctx.after_head and not unit_before and _short_name(run[-1], lexicons) \
            and not any(w.tag in PROPER_TAGS and not lexicons["COUNTRY"].contains(w.text) for w in run[:-1]) \
            and not any(lexicons["NOT_NAME_AFTER"].contains(w.text) for w in run[:-1]):
        # "Tư lệnh Hải quân Subagyo", "Tổng thống Mỹ Biden": the people stage gives it its full
        # name, or drops it; "Trường Kinh doanh Fox" is a school's name.
        return len(run) - 1
    return foreign


def _short_name(word: Token, lexicons) -> bool:
    """One capitalized proper-noun syllable that is no place or country ("Dung", "Johnson")."""
    text = word.text
    return (" " not in text and word.tag == "Np" and capitalized(text)
            and not any(lexicons[n].contains(text) for n in _NOT_SHORT_NAMES))



def _split(word: Token, k: int, tags: tuple[str, str]) -> list[Token]:
    """The word cut after its k-th syllable."""
    at = list(_SYLLABLE.finditer(word.text))
    cut, resume = at[k - 1].end(), at[k].start()
    return [Token(word.text[:cut], word.start, word.start + cut, tags[0]),
            Token(word.text[resume:], word.start + resume, word.end, tags[1])]


def _split_point(word: Token, lexicons) -> tuple[int, tuple[str, str]] | None:
    """Where underthesea merged what are two words for us, and their tags: an honorific or a
    place or country and the name after it ("Bà Giang", "Thái Bình Vũ Hoàng Lâm", "Đức
    Ursula"), lowercase words and the name after them ("Nội địa Alejandro", "nội thất Lưu Việt
    Thắng"), a name and the
    lowercase words after it ("Lê Văn Hòa ân cần", "Khải yêu cầu")."""
    syl = _SYLLABLE.findall(word.text)  # as _split counts them (str.split differs on \x1c-\x1f)
    for k in range(min(len(syl) - 1, MAX_SYLLABLES), 0, -1):
        head = " ".join(syl[:k])
        if syl[k][0].isupper() and lexicons["HONORIFIC"].contains(head):
            return k, ("Nc", "Np")
        if syl[k][0].isupper() and k > 1 and not_a_person(head, lexicons):
            return k, ("Np", "Np")
        if (lexicons["COUNTRY"].contains(head) or lexicons["FOREIGN_PLACE"].contains(head)) \
                and looks_foreign(" ".join(syl[k:])):
            return k, ("Np", "Np")  # "Đức Ursula": the country, then a foreign name
    back = next((i for i in range(1, len(syl)) if syl[i][0].isupper() and not syl[i - 1][0].isupper()), None)
    if back is not None and (looks_foreign(" ".join(syl[back:]))
                             or len(syl) - back >= 2 and lexicons["SURNAME"].contains(syl[back])):
        return back, (word.tag or "N", "Np")  # "Nội địa Alejandro", "nội thất Lưu Việt Thắng": words, then a name
    caps = next((i for i, s in enumerate(syl) if not s[0].isupper()), len(syl))
    if 0 < caps < len(syl) and (caps > 1 or len(syl) - caps > 1):  # not "Ủy viên"
        return caps, ("Np", word.tag or "N")
    return None


def line_words(line: Line, start: int, end: int, lexicons) -> list[Token]:
    """The tagged words around the match (see Line.tagged_words_around), with words
    underthesea merged split apart (see _split_point)."""
    out: list[Token] = []
    for w in line.tagged_words_around(start, end):
        point = _split_point(w, lexicons)
        out.extend(_split(w, *point) if point else [w])
    return out
