"""Titles inside an official's match: where each starts (a head of lexicon TITLE after a join),
where it ends (underthesea's word boundaries, before a lowercase word outside the body
lexicons), its bare head ("Phó Trưởng phòng" -> "Trưởng phòng") and the body it heads, with
abbreviations spelt out. The patterns are built once a rule set (`build_patterns`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import regex

from ..text import Token
from .contract import MatchInfo, reads_lexicons
from .entities import collapse, expand, has

_SYLLABLE = regex.compile(r"\S+")
#: "đồng thời là" joins two titles of one person as "kiêm" does.
_ALSO = r"đồng\s+thời(?:\s+(?:là|kiêm))?"
_TRAILING_JOIN = regex.compile(rf"(?:\s*(?:[,;:–—(-]|(?<![\p{{L}}\d])(?:và|kiêm|cùng|{_ALSO})))+\s*$")
_JOIN_END = regex.compile(rf"(?:[,;–—(-]|(?<![\p{{L}}\d])(?:và|kiêm|{_ALSO}))\s*$")


# -- patterns built once from the lexicons -------------------------------------------------------


@dataclass(frozen=True)
class Patterns:
    title: regex.Pattern  # a title's head, "Phó Chủ tịch Thường trực"
    honorific_end: regex.Pattern  # an honorific ending a stretch of text
    body_word: regex.Pattern  # a lowercase word a title may hold: "xã hội", "tỉnh", "và", "ông"
    holder: regex.Pattern  # between a title and its holder's honorific: " khi đó là "
    holder_end: regex.Pattern  # the same, ending a title's text
    honor: regex.Pattern  # an honorific, a rank or both: "đồng chí Thiếu tướng", "cựu thiếu tướng"
    former: regex.Pattern  # a past title's first word: "nguyên", "cựu"
    addressed: regex.Pattern  # a word before a title addressed to someone else: "trình", "gửi"


#: Lexicons whose words a title may hold in lowercase ("Đảng ủy", "xã hội", "tỉnh", "ông").
BODY_WORDS = ("BODY", "BODY_NAMED", "ORG_WORD", "ORG_CAP", "PLACE_UNIT", "PROVINCE", "MUNICIPALITY", "HONORIFIC",
               "LOWER_BODY")


@reads_lexicons("TITLE", "TITLE_CAP", "TITLE_LOWER", "TITLE_PREFIX", "HONORIFIC", "RANK", "RANK_BRANCH", "COUNTRY", "HOLDER_TIME",
                "ADDRESSED", *BODY_WORDS)
def build_patterns(lexicons) -> Patterns:
    """The title and honorific patterns of a rule set's lexicons (built once per rule set)."""
    alt = {name: lexicons[name].pattern() for name in ("TITLE", "TITLE_CAP", "TITLE_LOWER", "TITLE_PREFIX", "HONORIFIC", "RANK",
                                                         "RANK_BRANCH", "COUNTRY")}
    rank = (rf"(?:(?P<f>nguyên|cựu)\s+)?(?P<r>{alt['RANK']})(?:\s+(?P<b>{alt['RANK_BRANCH']}))?"
            rf"(?:\s+(?-i:{alt['COUNTRY']}))?")
    honor = rf"(?:(?:{alt['HONORIFIC']})\s+)?{rank}|{alt['HONORIFIC']}"
    honor_parts = rf"(?:(?P<h>{alt['HONORIFIC']})\s+)?{rank}|(?P<h>{alt['HONORIFIC']})"
    known = "|".join(lexicons[name].pattern() for name in BODY_WORDS)
    holder = rf"\s*,?\s+(?:{lexicons['HOLDER_TIME'].pattern()}\s+)?là(?![\p{{L}}\d])\s*"
    return Patterns(
        regex.compile(
            rf"(?<![\p{{L}}\d])(?:{alt['TITLE_PREFIX']}\s+){{0,2}}(?:{alt['TITLE']}|(?-i:{alt['TITLE_CAP']}|{alt['TITLE_LOWER']}))"
            rf"(?:\s+(?:thường\s+trực|thứ\s+nhất))?(?![\p{{L}}\d])", regex.IGNORECASE),
        regex.compile(rf"(?:^|(?<=[\s,(]))(?P<h>{honor})\s*$", regex.IGNORECASE),
        regex.compile(rf"(?<![\p{{L}}\d])(?:{known}|và|kiêm|{_ALSO}|của|về|thuộc|gồm|có|là|tại|ở)(?![\p{{L}}\d])", regex.IGNORECASE),
        regex.compile(holder, regex.IGNORECASE),
        regex.compile(holder + "$", regex.IGNORECASE),
        regex.compile(rf"(?:{honor_parts})\s*", regex.IGNORECASE),
        regex.compile(r"(?:nguyên|cựu)(?![\p{L}\d])", regex.IGNORECASE),
        regex.compile(rf"(?<![\p{{L}}\d])(?:{lexicons['ADDRESSED'].pattern()})\s+$", regex.IGNORECASE),
    )


# -- titles --------------------------------------------------------------------------------------


@dataclass
class Title:
    start: int
    end: int
    head: str  # "Phó Chủ tịch"
    text: str  # "Phó Chủ tịch UBND tỉnh", spaces collapsed


def end_on_words(start: int, end: int, words: Sequence[Token], m: MatchInfo) -> int:
    """Where text[start:end] stops being a body's name, on underthesea's word boundaries: before
    the first word that runs past `end` or is lowercase outside the lexicons' body words
    ("... tỉnh Nghệ An ghi" -> "... tỉnh Nghệ An"; "Cục Điều tiết điện lực" stays whole)."""
    pats = m.prepared
    known = [k.span() for p in (pats.body_word, pats.title) for k in p.finditer(m.line.folded, start, end)]
    for w in words:
        if w.start < start or w.start >= end:
            continue
        loose = [x for x in _SYLLABLE.finditer(m.line.text, w.start, w.end) if x.group()[0].islower()
                 and not any(s <= x.start() and x.end() <= e for s, e in known)]
        runs_on = w.end > end and not any(e == end and s < end for s, e in known)  # "Đảng ủy|nhiệm kỳ"
        if runs_on or (w.text[0].islower() and loose):
            return len(m.line.text[:w.start].rstrip()) if w.start > start else start
    return end


def titles_in(m: MatchInfo, start: int, end: int, words: Sequence[Token]) -> list[Title]:
    """The titles in text[start:end]: each from its head to the next head that follows a
    join ("," "và" "kiêm"), ending on a word boundary, joins trimmed. Patterns search the
    folded text (one dash, one kind of space); titles are cut from the text as written."""
    text, pats = m.line.text, m.prepared
    heads = [h for i, h in enumerate(pats.title.finditer(m.line.folded, start, end))
             if i == 0 or _JOIN_END.search(text[start:h.start()])]
    out = []
    for i, head in enumerate(heads):
        stop = heads[i + 1].start() if i + 1 < len(heads) else end
        stop = end_on_words(head.end(), stop, words, m)
        raw = text[head.start():max(stop, head.end())]
        raw = _TRAILING_JOIN.sub("", pats.holder_end.sub("", raw)).rstrip()
        out.append(Title(head.start(), head.start() + len(raw), collapse(head.group()), collapse(raw)))
    return out


def bare_head(head: str, lexicons) -> str:
    """A title's head without "Phó"/"nguyên" and "Thường trực": "Phó Trưởng phòng" -> "Trưởng phòng"."""
    head = regex.sub(r"\s+(?:thường\s+trực|thứ\s+nhất)$", "", head, flags=regex.IGNORECASE)
    for _ in range(2):  # "nguyên Phó Giám đốc" -> "Giám đốc"; "Phó phòng" is a title of its own
        words = head.split(" ", 1)
        if len(words) == 2 and has(lexicons["TITLE_PREFIX"], words[0]) and not has(lexicons["TITLE"], head):
            head = words[1]
    return head


def organization_of(title: Title, lexicons) -> str | None:
    """The body a title heads, abbreviations spelled out ("Trưởng phòng GD&ĐT" -> "Phòng Giáo
    dục và Đào tạo"); None for a title without a body or with a country only."""
    body = regex.sub(r"\s+(?:tại|ở)\s.*$", "", title.text[len(title.head):]).strip(" ,")
    body = regex.sub(r"^của\s+", "", body)  # "Phó Chủ tịch của IHS Markit"
    if body and lexicons["TITLE"].contains(" ".join(body.split()[:2])):
        return None  # "Đặc phái viên của Tổng thống Mỹ": a person's office, no body
    first = body.split(" ", 1)[0]
    if not body or any(has(lexicons[n], body) for n in ("COUNTRY", "FOREIGN_PLACE")) \
            or first.casefold() == "nước" or has(lexicons["COUNTRY"], first):
        return None  # "Thủ tướng nước Cộng hòa Singapore", "Đại sứ Hàn Quốc tại Việt Nam": a country
    body = expand(body, lexicons["ABBREVIATION"])
    kind = lexicons["TITLE_BODY"].key_of(bare_head(title.head, lexicons))
    if kind and not body.casefold().startswith(kind.casefold()):
        body = f"{kind} {body}"
    return body
