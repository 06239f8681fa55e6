"""Normalizers for people: officials with their titles, and people named with an honorific.

A rule match may hold several people ("Phó Thủ tướng A, Bộ trưởng Bộ Y tế B"; "các Phó Chủ
tịch A, B"). `official` finds each name among underthesea's words of the line (names.py:
proper-noun tags, word boundaries), cuts the text between names into titles at each title head
(lexicon TITLE), and gives each title to its person:
- a title right before a name is that name's ("Bộ trưởng Bộ Tài chính Nguyễn Văn Thắng");
- a title after a name and a separator is that name's ("Nguyễn Văn Đệ – Phó Chủ tịch");
- a name joined to the previous one by a comma or "và" without its own title shares the
  previous person's ("các Phó Chủ tịch UBND tỉnh A, B");
- a list's shared title (group `shared`) comes first for everyone in the list.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Sequence

import regex

from ..text import Token
from .contract import MatchInfo, Result, declare, reads_lexicons
from .entities import collapse, expand, has
from ..text.names import (PROPER_TAGS, NameContext, capitalized, line_words, looks_foreign, name_start,
                          names_a_place, not_a_person)

#: Word honorifics that are ordinary words when capitalized inside a sentence ("Hai Bà Trưng").
WORD_HONORIFICS = ("ông", "bà", "anh", "chị", "cô", "thầy", "em", "cụ", "đồng chí")
_SYLLABLE = regex.compile(r"\S+")
#: "đồng thời là" joins two titles of one person as "kiêm" does.
_ALSO = r"đồng\s+thời(?:\s+(?:là|kiêm))?"
_TRAILING_JOIN = regex.compile(rf"(?:\s*(?:[,;:–—(-]|(?<![\p{{L}}\d])(?:và|kiêm|cùng|{_ALSO})))+\s*$")
_JOIN_START = regex.compile(r"\s*(?:[,;)–—-]|(?:và|kiêm|tại|ở|của)(?![\p{L}\d]))")
_JOIN_END = regex.compile(rf"(?:[,;–—(-]|(?<![\p{{L}}\d])(?:và|kiêm|{_ALSO}))\s*$")
_AND = regex.compile(r"\s+và\s+")
_SENTENCE_START = regex.compile(r"(?:^|[.!?:;\"“”'(…–-])\s*$")


# -- patterns built once from the lexicons -------------------------------------------------------


@dataclass(frozen=True)
class _Patterns:
    title: regex.Pattern  # a title's head, "Phó Chủ tịch Thường trực"
    honorific_end: regex.Pattern  # an honorific ending a stretch of text
    body_word: regex.Pattern  # a lowercase word a title may hold: "xã hội", "tỉnh", "và", "ông"
    holder: regex.Pattern  # between a title and its holder's honorific: " khi đó là "
    holder_end: regex.Pattern  # the same, ending a title's text
    honor: regex.Pattern  # an honorific, a rank or both: "đồng chí Thiếu tướng", "cựu thiếu tướng"
    former: regex.Pattern  # a past title's first word: "nguyên", "cựu"
    addressed: regex.Pattern  # a word before a title addressed to someone else: "trình", "gửi"


#: Lexicons whose words a title may hold in lowercase ("Đảng ủy", "xã hội", "tỉnh", "ông").
_BODY_WORDS = ("BODY", "BODY_NAMED", "ORG_WORD", "ORG_CAP", "PLACE_UNIT", "PROVINCE", "MUNICIPALITY", "HONORIFIC",
               "LOWER_BODY")


@reads_lexicons("TITLE", "TITLE_CAP", "TITLE_LOWER", "TITLE_PREFIX", "HONORIFIC", "RANK", "RANK_BRANCH", "COUNTRY", "HOLDER_TIME",
                "ADDRESSED", *_BODY_WORDS)
def build_patterns(lexicons) -> _Patterns:
    """The title and honorific patterns of a rule set's lexicons (built once per rule set)."""
    alt = {name: lexicons[name].pattern() for name in ("TITLE", "TITLE_CAP", "TITLE_LOWER", "TITLE_PREFIX", "HONORIFIC", "RANK",
                                                         "RANK_BRANCH", "COUNTRY")}
    rank = (rf"(?:(?P<f>nguyên|cựu)\s+)?(?P<r>{alt['RANK']})(?:\s+(?P<b>{alt['RANK_BRANCH']}))?"
            rf"(?:\s+(?-i:{alt['COUNTRY']}))?")
    honor = rf"(?:(?:{alt['HONORIFIC']})\s+)?{rank}|{alt['HONORIFIC']}"
    honor_parts = rf"(?:(?P<h>{alt['HONORIFIC']})\s+)?{rank}|(?P<h>{alt['HONORIFIC']})"
    known = "|".join(lexicons[name].pattern() for name in _BODY_WORDS)
    holder = rf"\s*,?\s+(?:{lexicons['HOLDER_TIME'].pattern()}\s+)?là(?![\p{{L}}\d])\s*"
    return _Patterns(
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


def _end_on_words(start: int, end: int, words: Sequence[Token], m: MatchInfo) -> int:
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
        stop = _end_on_words(head.end(), stop, words, m)
        raw = text[head.start():max(stop, head.end())]
        raw = _TRAILING_JOIN.sub("", pats.holder_end.sub("", raw)).rstrip()
        out.append(Title(head.start(), head.start() + len(raw), collapse(head.group()), collapse(raw)))
    return out


def _bare_head(head: str, lexicons) -> str:
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
    kind = lexicons["TITLE_BODY"].key_of(_bare_head(title.head, lexicons))
    if kind and not body.casefold().startswith(kind.casefold()):
        body = f"{kind} {body}"
    return body


# -- the official normalizer ---------------------------------------------------------------------


@dataclass
class Person:
    start: int
    end: int
    name: str
    honorific: str | None = None
    honorific_start: int | None = None
    rank: str | None = None  # "Thiếu tướng": a military or police rank
    former_rank: bool = False  # "cựu thiếu tướng"
    before: list[Title] = field(default_factory=list)  # titles given before the name
    comma_before: bool = False  # "Bộ trưởng Bộ Công an, Đại tướng Tô Lâm": a comma between
    after: list[Title] = field(default_factory=list)  # titles given after it
    shared: list[Title] = field(default_factory=list)  # titles shared with a list

    @property
    def all_titles(self) -> list[Title]:
        return self.shared + self.before + self.after

    @property
    def titles(self) -> list[str]:
        return list(dict.fromkeys(t.text for t in self.all_titles))


def _set_honor(m: MatchInfo, p: "Person", surface: str, start: int) -> None:
    """An honorific, a rank or both before a person's name: "ông" -> honorific, "Thiếu tướng
    tình báo" -> rank, "đồng chí Đại tá" -> both; "cựu thiếu tướng" is a former rank."""
    parts = m.prepared.honor.fullmatch(surface)
    p.honorific_start = start
    if parts is None:
        p.honorific = m.lookup("HONORIFIC", surface)
        return
    p.honorific = m.lookup("HONORIFIC", parts.group("h")) if parts.group("h") else None
    if parts.group("r"):
        p.rank = m.lookup("RANK", parts.group("r"))
        p.former_rank = bool(parts.group("f"))


def _honorific_ok(m: MatchInfo, surface: str, start: int) -> bool:
    """A capitalized word honorific must start a sentence: inside one, "Bà Rịa", "Hai Bà
    Trưng" and "Ông Ích Khiêm" are names of places."""
    key = m.lookup("HONORIFIC", surface)
    if key not in WORD_HONORIFICS or not surface[0].isupper():
        return True
    return bool(_SENTENCE_START.search(m.line.text[:start]))


def _runs(words: Sequence[Token], text: str, skip: list[tuple[int, int]], lexicons) -> list[list[Token]]:
    """Runs of capitalized words separated only by spaces, outside title heads and honorifics."""
    runs: list[list[Token]] = [[]]
    for w in words:
        inside = any(s < w.end and w.start < e for s, e in skip)
        if inside or not w.text[0].isupper() or has(lexicons["HONORIFIC"], w.text):
            runs.append([])
        elif runs[-1] and text[runs[-1][-1].end:w.start].strip() == "":
            runs[-1].append(w)
        else:
            runs.append([w])
    return [r for r in runs if r]


@dataclass
class _Span:
    """One match being read: its line's words and where its people are named from."""

    m: MatchInfo
    line: list[Token]  # the whole line's words (see line_words)
    begin: int  # after a list's shared titles, else the match's start
    end: int = 0  # the match's end on a word boundary, trailing verbs left out

    def __post_init__(self) -> None:
        named = self.m.spans.get("link") or self.m.spans.get("name")  # "ông X được bầu làm": from the verb on
        self.end = _end_on_words(named[1] if named else self.begin, self.m.end, self.line, self.m)

    @property
    def words(self) -> list[Token]:
        return [w for w in self.line if self.m.start <= w.start and w.end <= self.end]

    def before(self, pos: int) -> Token | None:
        earlier = [w for w in self.line if w.end <= pos]
        return earlier[-1] if earlier else None


def _names(sp: _Span) -> list[Person]:
    """Every person named in the match from `begin` on: the explicit name of a name-first
    match, and each run of capitalized words that ends with a name and then a join."""
    m, text, lex = sp.m, sp.m.line.folded, sp.m.lexicons
    pats = m.prepared
    heads = [h.span() for h in pats.title.finditer(text, sp.begin, sp.end)]
    explicit = m.spans.get("name")
    people = [Person(*explicit, collapse(m.group("name")))] if explicit else []
    foreign_heads = {e for s, e in heads if has(lex["FOREIGN_TITLE"], _bare_head(text[s:e], lex))}
    for run in _runs([w for w in sp.words if w.start >= sp.begin], text, heads + ([explicit] if explicit else []), lex):
        end = run[-1].end
        if text[end:sp.end].strip() and not _JOIN_START.match(text, end, sp.end):
            continue
        word_before = sp.before(run[0].start)
        ctx = NameContext(
            honorific=bool(pats.honorific_end.search(text, max(sp.begin, run[0].start - 30), run[0].start)),
            foreign=any(h <= run[0].start and not text[h:run[0].start].strip(" ,") for h in foreign_heads),
            after_unit=word_before is not None and names_a_place(word_before.text, lex),
            after_head=any(e <= run[0].start and not text[e:run[0].start].strip() for s, e in heads),
        )
        i = name_start(run, lex, ctx)
        if i is None or regex.fullmatch(r"\p{Lu}\.?", run[-1].text.split()[-1]) and text[end:end + 1] in (".", ""):
            continue  # "Thomas A. Bussiere": a name cut at its initial is no name
        if explicit and i == len(run) - 1 and " " not in run[i].text and not ctx.honorific \
                and _company_head(m, text, heads, run[i].start):
            continue  # "ông A, Tổng giám đốc Vietjet": the title is A's, its last word a company
        if explicit and people and run[i].start > people[0].end and not ctx.honorific \
                and _body_tail(m, text, heads, run[i:]):
            continue  # "ông A, Tổng giám đốc Hòa Phát", "… Đồn biên phòng Cửa khẩu Hà Tiên": A's body
        word_before = run[i - 1] if i else word_before
        if word_before is None or not has(lex["NOT_NAME_AFTER"], word_before.text):
            people.append(Person(run[i].start, end, " ".join(w.text for w in run[i:])))
    return sorted(people, key=lambda p: p.start)


def _body_tail(m: MatchInfo, text: str, heads: list[tuple[int, int]], run: list[Token]) -> bool:
    """Is a short Vietnamese-spelt run after a title the end of the title's body, not a second
    person ("Tổng giám đốc Hòa Phát", "Đồn trưởng Đồn biên phòng Hà Tiên"; not "Thủ tướng
    Chan-o-cha", a title only people hold, right before the name)?"""
    tail = " ".join(w.text for w in run).split()
    if len(tail) > 2 or all(looks_foreign(w) for w in tail):
        return False
    before = [(s, e) for s, e in heads if e <= run[0].start]
    body_between = bool(before) and text[before[-1][1]:run[0].start].strip() != ""
    return body_between or _company_head(m, text, heads, run[0].start)


def _company_head(m: MatchInfo, text: str, heads: list[tuple[int, int]], pos: int) -> bool:
    """Is the title head before `pos` one a company's name follows ("Tổng giám đốc", "Chủ
    tịch"), not one only people hold ("Thủ tướng", "Ngoại trưởng")?"""
    before = [(s, e) for s, e in heads if e <= pos]
    if not before:
        return True
    kind = m.lexicons["SECTOR_HEAD"].key_of(_bare_head(collapse(text[slice(*before[-1])]), m.lexicons))
    return kind in (None, "business")


def _complement(m: MatchInfo, text: str, start: int) -> bool:
    """Does a title start as the complement of another ("Thư ký của | Thủ tướng ...")?"""
    before = regex.search(r"(?<![\p{L}\d])của\s+$", text[max(0, start - 12):start])
    if before is None:
        return False
    cut = start - len(before.group())
    return any(h.end() == len(text[:cut].rstrip()) for h in m.prepared.title.finditer(text, max(0, cut - 40), cut))


def _assign(sp: _Span, people: list[Person]) -> None:
    """Give each title between, before and after the names to its person (see module doc)."""
    m, text = sp.m, sp.m.line.folded
    pats = m.prepared
    for i in range(len(people) + 1):
        prev = people[i - 1] if i else None
        nxt = people[i] if i < len(people) else None
        lo, hi = (prev.end if prev else sp.begin), (nxt.start if nxt else sp.end)
        honorific = pats.honorific_end.search(text, lo, hi) if nxt else None
        if honorific and _honorific_ok(m, honorific.group("h"), honorific.start("h")):
            _set_honor(m, nxt, honorific.group("h"), honorific.start("h"))
            hi = honorific.start("h")
        titles = titles_in(m, lo, hi, sp.line)
        if not titles:
            if prev and nxt and prev.before and regex.fullmatch(r"\s*(?:,|và)\s*", text[lo:hi]):
                nxt.shared = prev.all_titles  # "các Phó Chủ tịch A, B"
            continue
        adjacent = nxt is not None and (text[titles[-1].end:hi].strip(" ,-") == ""
                                        or pats.holder.fullmatch(text, titles[-1].end, hi) is not None)
        if adjacent and honorific and titles[-1].text == titles[-1].head and "," in text[titles[-1].end:hi]:
            adjacent = False  # "chỉ trích nhằm vào Thủ tướng, ông Aswin": a bare head is no apposition
        if adjacent:
            nxt.comma_before = "," in text[titles[-1].end:hi]
        if adjacent and prev is None:
            joined = [i for i in range(1, len(titles)) if _AND.search(text, titles[i - 1].end, titles[i].start)]
            # "Chủ tịch và CEO của Berkshire Hathaway và Phó chủ tịch X": after a "và", the titles
            # before it may be someone else's; X keeps those after the last one.
            nxt.before = titles[joined[-1]:] if joined and len(titles) > 2 else titles
        elif adjacent:
            prev.after += titles[:-1]
            nxt.before = titles[-1:]
        elif prev is not None:
            prev.after += titles
    for p in people:
        if p.before and _complement(m, text, p.before[0].start):
            p.before = []  # "Đặc phái viên của Tổng thống Mỹ ... X": X may hold the first title, not this one
        if p.comma_before and p.after:
            p.before = []  # "... Chủ tịch nước, bác sĩ X, Giám đốc Bệnh viện": the first is not X's
        if len(p.before) > 1 and "," in text[p.before[0].end:p.before[1].start] \
                and pats.addressed.search(text, max(0, p.before[0].start - 30), p.before[0].start):
            p.before = p.before[1:]  # "trình Thủ tướng, Bộ trưởng Bộ Tài chính X": X is no Thủ tướng


def _fact(m: MatchInfo, p: Person) -> Result:
    start = min([p.start] + [t.start for t in p.before] + ([p.honorific_start] if p.honorific_start is not None else []))
    end = max([p.end] + [t.end for t in p.after])
    bodies = [o for o in (organization_of(t, m.lexicons) for t in p.all_titles) if o]
    fields: dict[str, Any] = {"value": p.name, "name": p.name, "titles": tuple(p.titles)}
    if p.honorific:
        fields["honorific"] = p.honorific
    if p.rank:
        fields["rank"] = p.rank
    first = p.all_titles[0].text if p.all_titles else ""
    if p.former_rank or m.prepared.former.match(first):
        fields["former"] = True
    if bodies:
        fields["organization"] = bodies[-1]
    return Result(fields, start, end)


def _explicit_ok(sp: _Span, first: Person) -> bool:
    """A name given before its title: not a place, not the tail of a longer proper noun."""
    m, lex = sp.m, sp.m.lexicons
    words = first.name.split()
    if not_a_person(first.name, lex) or any(lex["LATIN_ORG"].contains(w) for w in words[1:]):
        return False  # "Sao Mai Design, Phó trưởng Khoa": a company's name
    if not m.group("honorific") and not lex["SURNAME"].contains(words[0]):
        given = words[1:] if regex.fullmatch(r"\p{Lu}\.?", words[0]) else words  # "K Vijay Raghavan"
        if not given or not looks_foreign(given[0]) or any(
                lex[n].contains(w) for n in ("LATIN_ORG", "COUNTRY", "FOREIGN_PLACE") for w in given):
            return False  # a foreign given name first ("Maria Gonzalez"; not "Theo Maria Gonzalez")
    if regex.fullmatch(r"\p{Lu}\.?", first.name.split()[-1]) and m.line.text[first.end:first.end + 1] in (".", ""):
        return False  # "Trung tướng Thomas A. Bussiere": cut at an initial
    if m.group("honorific"):
        return _honorific_ok(m, m.group("honorific"), m.spans["honorific"][0])
    before = sp.before(first.start)
    if before and (has(lex["NOT_NAME_AFTER"], before.text) or has(lex["PLACE_UNIT"], before.text)):
        return False
    if before and not m.line.text[before.end:first.start].strip() and before.tag in PROPER_TAGS:
        return False  # "THPT Phan Bội Châu": the name of an institution
    own = [w for w in sp.words if first.start <= w.start and w.end <= first.end]
    return bool(own) and own[0].start == first.start and (len(own) > 1 or any(w.tag in PROPER_TAGS for w in own))


#: The lexicons the people normalizers read.
PEOPLE_LEXICONS = ("TITLE", "TITLE_CAP", "TITLE_LOWER", "TITLE_PREFIX", "HONORIFIC", "HOLDER_TIME", "TITLE_BODY", "COUNTRY",
                   "ABBREVIATION", "NOT_NAME_AFTER", "PLACE_UNIT", "FOREIGN_TITLE", "SURNAME", "RANK",
                   "RANK_BRANCH", "ADDRESSED", "LATIN_ORG", "SECTOR_BODY", "SECTOR_HEAD", "HOME_COUNTRY",
                   "FOREIGN_PLACE", "PLACE_AFTER") + _BODY_WORDS


@declare("official", optional=("name", "honorific", "shared", "link"), lexicons=PEOPLE_LEXICONS,
         returns=("value", "name", "titles", "honorific", "rank", "former", "organization"), prepare=build_patterns)
def official(m: MatchInfo) -> list[Result] | None:
    """People named with their titles: one fact per person in the match (see the module doc)."""
    shared = m.spans.get("shared")
    sp = _Span(m, line_words(m.line, m.start, m.end, m.lexicons), shared[1] if shared else m.start)
    people = _names(sp)
    if m.spans.get("name") and people and not _explicit_ok(sp, people[0]):
        people = people[1:]
    if shared:
        common = titles_in(m, *shared, sp.line)
        for p in people:
            p.shared = common + p.shared
    _assign(sp, people)
    explicit = m.group("honorific")
    if explicit and people and m.spans.get("name") == (people[0].start, people[0].end):
        _set_honor(m, people[0], explicit, m.spans["honorific"][0])
    facts = [_fact(m, p) for p in people if p.titles or p.rank]
    return facts or None


# -- people named with an honorific only --------------------------------------------------------


@declare("person", required=("honorific", "name"), lexicons=PEOPLE_LEXICONS,
         returns=("value", "name", "honorific"))
def person(m: MatchInfo) -> Result | None:
    """"ông Tuấn", "Bà Lê Thị Mai": the name is the proper-noun words right after the honorific."""
    start, _ = m.spans["name"]
    if not _honorific_ok(m, m.group("honorific"), m.start):
        return None
    line = line_words(m.line, m.start, m.end, m.lexicons)
    before = [w for w in line if w.end <= m.start]
    if before and has(m.lexicons["NOT_NAME_AFTER"], before[-1].text):
        return None
    run: list[Token] = []
    for w in (w for w in line if w.start >= start and w.end <= m.end):
        if not capitalized(w.text) or (run and m.line.text[run[-1].end:w.start].strip()):
            break
        run.append(w)
    if not run or run[0].start != start:
        return None
    name = " ".join(w.text for w in run)
    proper = any(w.tag in PROPER_TAGS for w in run) or (len(name.split()) > 1 and has(m.lexicons["SURNAME"], name.split()[0]))
    if not proper or not_a_person(name, m.lexicons) or any(not_a_person(w.text, m.lexicons) for w in run):
        return None
    return Result({"value": name, "name": name, "honorific": m.lookup("HONORIFIC", m.group("honorific"))}, end=run[-1].end)
