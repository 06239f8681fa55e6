"""Which sector an official's position belongs to (docs/annotation.md, `sector`), from the
keyed lexicons of rules/officials.yaml: SECTOR_BODY (body words), SECTOR_HEAD (title heads),
RANK_BRANCH (a rank's branch words), COUNTRY and HOME_COUNTRY; place units (PLACE_UNIT) are the
weakest sign of a state post ("Chủ tịch xã Hòa Tiến").

A title's sector, in order:
1. a foreign country or international body named in it, unless Việt Nam comes first
   ("Thủ tướng Lào", "Tổng giám đốc WHO"; not "Đại sứ Việt Nam tại Nhật Bản");
2. the first body word after the head that has a sector ("Giám đốc Sở Y tế" state, "Bí thư
   Tỉnh đoàn" other, "Trưởng phòng CSGT Công an tỉnh" police); words keyed `none` are passed;
3. the head's own sector ("Bí thư", "Hiệu trưởng", "Tổng thống");
4. a place unit or a province's name ("Phó Chủ tịch thành phố Hải Phòng", "Chủ tịch Hà Nội"
   are state).
A state head with a foreign-looking holder and no body is foreign ("Thủ tướng Modi"), and so is
a government body, or a title with no sector and no foreign-spelt body, held under a name with
no Vietnamese syllable ("Bộ trưởng An ninh Nội địa Alejandro Mayorkas", "cố vấn Jeremy Konyndyk").
A
mention's sector is that of its first title that has one; with none, its rank's (the branch
word in the mention, else the branch the article names most: "Công an" or "Quân đội"). The people stage gives every mention its person's sector.
"""
from __future__ import annotations

from typing import Any

import regex

from ..model import Fact
from ..text.fold import fold_for_matching
from ..text.names import looks_foreign

_WORD_END = r"(?![\p{L}\p{M}\d])"
_WORD_START = r"(?<![\p{L}\p{M}\d])"
#: "tại"/"ở" and up to one word before a country: where a body sits, not whose it is
#: ("Ban Cán sự Đoàn tại LB Nga" is Vietnamese; "Đại sứ Ấn Độ tại Mỹ" is foreign by "Ấn Độ").
_AT_PLACE = regex.compile(r"(?<![\p{L}\d])(?:tại|ở)\s+(?:\S+\s+)?$", regex.IGNORECASE)


class SectorWords:
    """The patterns of one rule set's sector lexicons, compiled once."""

    def __init__(self, lexicons: Any) -> None:
        self.lex = lexicons
        alt = {n: lexicons[n].pattern() for n in ("TITLE_PREFIX", "TITLE", "TITLE_CAP", "TITLE_LOWER", "SECTOR_BODY", "COUNTRY",
                                                   "HOME_COUNTRY", "PLACE_UNIT", "RANK_BRANCH", "PROVINCE",
                                                   "MUNICIPALITY")}
        self.head = regex.compile(
            rf"(?:(?:{alt['TITLE_PREFIX']})\s+){{0,2}}(?P<head>{alt['TITLE']}|(?-i:{alt['TITLE_CAP']}|{alt['TITLE_LOWER']}))"
            rf"(?:\s+(?:thường\s+trực|thứ\s+nhất))?{_WORD_END}", regex.IGNORECASE)
        # Body words and countries, leftmost and longest first; case as written in the lexicons.
        self.body = regex.compile(
            rf"{_WORD_START}(?:(?P<home>{alt['HOME_COUNTRY']})|(?P<body>{alt['SECTOR_BODY']})"
            rf"|(?P<country>{alt['COUNTRY']})){_WORD_END}")
        # A place unit or a province's name: the weakest sign of a state post ("Chủ tịch Hà Nội").
        self.unit = regex.compile(
            rf"{_WORD_START}(?:{alt['PLACE_UNIT']}|(?-i:{alt['PROVINCE']}|{alt['MUNICIPALITY']})){_WORD_END}")
        self.branch = regex.compile(rf"{_WORD_START}(?:{alt['RANK_BRANCH']}){_WORD_END}", regex.IGNORECASE)


_BUILT: dict[int, tuple[Any, SectorWords]] = {}


def _words(lexicons: Any) -> SectorWords:
    """The rule set's sector patterns, built at its first official (kept with the lexicons)."""
    built = _BUILT.get(id(lexicons))
    if built is None or built[0] is not lexicons:
        built = _BUILT[id(lexicons)] = (lexicons, SectorWords(lexicons))
    return built[1]


def title_sector(title: str, lexicons: Any, name: str | None = None) -> str | None:
    """The sector one title gives (see the module doc), or None. A state head ("Thủ tướng")
    with a foreign-looking holder's `name` and no body is foreign ("Thủ tướng Modi").

    >>> from vnfacts.rules import cached_ruleset
    >>> lex = cached_ruleset().lexicons
    >>> [title_sector(t, lex) for t in ("Giám đốc Sở Y tế", "Bộ trưởng Ngoại giao Trung Quốc",
    ...     "Đại sứ Việt Nam tại Nhật Bản", "Bí thư Tỉnh đoàn", "Trưởng Công an xã", "Chủ tịch xã Hòa Tiến")]
    ['state', 'foreign', 'state', 'other', 'police', 'state']
    >>> title_sector("Bộ trưởng An ninh Nội địa", lex, "Alejandro Mayorkas"), title_sector("Giám đốc Sở Y tế", lex, "Ksor Phước")
    ('foreign', 'state')
    >>> title_sector("Giám đốc Tình báo Quốc gia", lex, "Avril Haines"), title_sector("Phó Chủ tịch của IHS Markit", lex, "Dan Yergin")
    ('foreign', None)
    """
    w = _words(lexicons)
    text = fold_for_matching(title)
    head = w.head.match(text)
    start = head.end() if head else 0
    found, home = None, False
    for m in w.body.finditer(text, start):
        if m.group("home"):
            home = True
        elif m.group("country"):
            if not home and not _inside_name(text, m.start(), m.end()) and not _AT_PLACE.search(text[:m.start()]):
                return "foreign"
        elif found is None:
            key = lexicons["SECTOR_BODY"].key_of(m.group("body"))
            if key == "foreign" and not home:
                return "foreign"
            if key not in (None, "none", "foreign"):
                found = key
    if found:
        # "Bộ trưởng An ninh Nội địa Alejandro Mayorkas": a government body no Vietnamese
        # official holds under a name with no Vietnamese syllable is a foreign one
        government = found in ("state", "police", "military", "judiciary")
        return "foreign" if government and not home and name and _all_foreign(name) else found
    if head:
        key = lexicons["SECTOR_HEAD"].key_of(head.group("head"))
        if key:
            return key if key != "state" or name is None or not looks_foreign(name) else "foreign"
    if w.unit.search(text, start):
        return "state"
    if name and _all_foreign(name) and not home and not any(looks_foreign(x) for x in title.split()[1:]):
        return "foreign"  # "cố vấn", "Giám đốc Tình báo Quốc gia" held by "Avril Haines"; not "… của IHS Markit"
    return None


def _all_foreign(name: str) -> bool:
    """Every word of a name of two words or more looks foreign ("Alejandro Mayorkas")."""
    words = name.split()
    return len(words) > 1 and all(looks_foreign(w) for w in words)


def _inside_name(text: str, start: int, end: int) -> bool:
    """A country word inside a capitalized name: "Trường ĐH Tôn Đức Thắng" (Đức), not
    "Bộ trưởng Tài chính Anh" or "Đại sứ Hàn Quốc tại Việt Nam"."""
    before, after = text[:start].split()[-1:], text[end:].split()[:1]
    capital = lambda w: w[:1].isupper() and not w.isupper()
    return bool(before and capital(before[0])) or bool(after and capital(after[0]))


_COUNTS: dict[int, tuple[str, dict]] = {}


def _branch_counts(text: str, lexicons: Any) -> dict[str | None, int]:
    """How often the article names police and military words (once per document)."""
    kept = _COUNTS.get(id(lexicons))
    if kept is not None and kept[0] is text:
        return kept[1]
    w, key = _words(lexicons), lexicons["RANK_BRANCH"].key_of
    counts: dict[str | None, int] = {}
    folded = fold_for_matching(text)
    for m in w.branch.finditer(folded):
        counts[key(m.group())] = counts.get(key(m.group()), 0) + 1
    for m in w.body.finditer(folded):
        k = m.group("body") and lexicons["SECTOR_BODY"].key_of(m.group("body"))
        if k in ("police", "military"):
            counts[k] = counts.get(k, 0) + 1
    _COUNTS[id(lexicons)] = (text, counts)
    return counts


def rank_sector(f: Fact, text: str, lexicons: Any) -> str | None:
    """A ranked person's sector without an office: the branch in the mention ("Đại tá Công an"),
    else the one the article names most (branch and body words: "Công an", "Quân khu"); None
    on a tie or when it names neither."""
    w = _words(lexicons)
    key = lexicons["RANK_BRANCH"].key_of
    own = w.branch.search(fold_for_matching(f.text))
    if own:
        return key(own.group())
    counts = _branch_counts(text, lexicons)
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def mention_sector(f: Fact, text: str, lexicons: Any) -> str | None:
    """The sector of one official mention (see the module doc)."""
    for title in f.titles or ():
        sector = title_sector(title, lexicons, f.name)
        if sector:
            return sector
    if f.rank:
        before = f.text[:f.text.find(f.name)] if f.name and f.name in f.text else f.text
        country = _words(lexicons).body.search(fold_for_matching(before))
        if country is not None and country.group("country"):
            return "foreign"  # "Phó đô đốc hải quân Pháp"
        return rank_sector(f, text, lexicons)
    return None


def foreign_one_word(f: Fact, lexicons: Any) -> bool:
    """A foreign leader named by one word right after a title that only people hold: "Thủ
    tướng Prayut", "Tổng thống Mỹ Biden"; not a company after a business title ("Chủ tịch
    HĐQT Saigonbank", "CEO Vietjet").

    >>> from vnfacts.rules import cached_ruleset
    >>> lex = cached_ruleset().lexicons
    >>> one = lambda title, name: foreign_one_word(Fact("official", "", 0, 0, name, "r", name=name, titles=(title,)), lex)
    >>> one("Thủ tướng", "Prayut"), one("Tổng thống Mỹ", "Biden"), one("Chủ tịch HĐQT", "Saigonbank"), one("Bộ trưởng", "Dung")
    (True, True, False, False)
    """
    if not f.name or " " in f.name or not f.titles or not looks_foreign(f.name):
        return False
    if any(lexicons[n].contains(f.name) for n in ("LATIN_ORG", "SECTOR_BODY", "COUNTRY", "FOREIGN_PLACE")):
        return False
    w = _words(lexicons)
    title = fold_for_matching(f.titles[0])
    head = w.head.match(title)
    if head is None:
        return False
    kind = lexicons["SECTOR_HEAD"].key_of(head.group("head"))
    if kind not in ("state", "foreign", "military") and not lexicons["FOREIGN_TITLE"].contains(head.group("head")) \
            or kind == "business":
        return False  # "Thủ tướng", "Tổng thống", "Tư lệnh": only people hold them
    rest = title[head.end():].strip()
    return not rest or lexicons["COUNTRY"].contains(rest) or lexicons["FOREIGN_PLACE"].contains(rest)
