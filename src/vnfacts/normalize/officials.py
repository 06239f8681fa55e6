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
from .contract import MatchInfo, Result, declare
from .entities import collapse, has
from .titles import BODY_WORDS, Title, bare_head, build_patterns, end_on_words, organization_of, titles_in
from ..text.names import (PROPER_TAGS, NameContext, capitalized, line_words, looks_foreign, name_start,
                          names_a_place, not_a_person)

#: Word honorifics that are ordinary words when capitalized inside a sentence ("Hai Bà Trưng").
WORD_HONORIFICS = ("ông", "bà", "anh", "chị", "cô", "thầy", "em", "cụ", "đồng chí")
_JOIN_START = regex.compile(r"\s*(?:[,;)–—-]|(?:và|kiêm|tại|ở|của)(?![\p{L}\d]))")
_AND = regex.compile(r"\s+và\s+")
_SENTENCE_START = regex.compile(r"(?:^|[.!?:;\"“”'(…–-])\s*$")


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
        self.end = end_on_words(named[1] if named else self.begin, self.m.end, self.line, self.m)

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
    foreign_heads = {e for s, e in heads if has(lex["FOREIGN_TITLE"], bare_head(text[s:e], lex))}
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
    kind = m.lexicons["SECTOR_HEAD"].key_of(bare_head(collapse(text[slice(*before[-1])]), m.lexicons))
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
                   "FOREIGN_PLACE", "PLACE_AFTER") + BODY_WORDS


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
