"""Normalizers for named entities: organizations, administrative units, cited legal documents.

- `organization`: the name as written (spaces collapsed) and `expanded` with abbreviations
  spelled out (lexicon ABBREVIATION): "UBND tỉnh" -> "Ủy ban nhân dân tỉnh".
- `location`: `value` is the place's name (a province's usual spelling when it is one),
  `level` the unit's rank (lexicon PLACE_UNIT), `expanded` when the unit was abbreviated; a
  country (lexicon COUNTRY) has level `country`. A name after a river, lake or mountain word
  ("sông Đồng Nai", "hồ Hòa Bình") names that feature, not the place.
- `document`: `value` is the document's code as written ("15/2020/NĐ-CP"), with `kind`
  (decree, decision, ...), `number`, `year` and `issuer` (the issuing body's code).
"""
from __future__ import annotations

from typing import Any

import regex

from ..rules.lexicon import Lexicon
from .contract import MatchInfo, Result, declare, one

_SPACES = regex.compile(r"\s+")
_WORD = regex.compile(r"[^\s,;()]+")
_NONSPACE = regex.compile(r"\S+")
_BRACKETED = regex.compile(r"\s*\([^()]*\)")
_LOWER_TAIL = regex.compile(r"\s+(\p{Ll}[\p{L}\p{M}]*(?:\s+\p{Ll}[\p{L}\p{M}]*)*)$")
_WORD_BEFORE = regex.compile(r"(?:^|(?<=[^\p{L}\p{M}\d.]))([\p{L}\p{M}]+(?:\.[\p{L}\p{M}]+)*)[ \t]+$")
_COMMA_BEFORE = regex.compile(r"((?:\p{L}[\p{L}\p{M}]*\s+)?\p{L}[\p{L}\p{M}]*)\s*,\s*$")
_TWO_WORDS_BEFORE = regex.compile(r"([\p{L}\p{M}]+[ \t]+[\p{L}\p{M}]+)[ \t]+$")
_WORD_AFTER = regex.compile(r"^[ \t]+([\p{L}\p{M}]+)")


def has(lexicon: Lexicon, surface: str) -> bool:
    """Is the surface (any case, any spacing) one of the lexicon's forms?

    >>> has(Lexicon.from_data("UNIT", ["thị xã"]), "Thị  xã")
    True
    """
    return lexicon.contains(surface)


def collapse(text: str) -> str:
    """One space between words.

    >>> collapse(" UBND   tỉnh\\nNghệ An ")
    'UBND tỉnh Nghệ An'
    """
    return _SPACES.sub(" ", text.strip())


def expand(text: str, abbreviations: Lexicon) -> str:
    """Spell out every abbreviated word of a name; an abbreviation given in brackets after
    the full name goes.

    >>> abbr = Lexicon.from_data("ABBREVIATION", {"Ủy ban nhân dân": ["UBND"], "thành phố": ["TP"]})
    >>> expand("UBND  TP Hải Dương", abbr), expand("Ủy ban nhân dân (UBND) xã", abbr)
    ('Ủy ban nhân dân thành phố Hải Dương', 'Ủy ban nhân dân xã')
    """
    text = _BRACKETED.sub("", collapse(text))
    return _WORD.sub(lambda m: abbreviations.key_of(m.group()) or m.group(), text)


def name_fields(text: str, lexicons) -> dict[str, Any]:
    """`value` (spaces collapsed) and, when abbreviated, `expanded`, for a body's name."""
    value = collapse(text)
    full = expand(value, lexicons["ABBREVIATION"])
    return {"value": value} | ({"expanded": full} if full != value else {})


def drop_trailing_verbs(text: str, verbs: Lexicon, keep: Lexicon | None = None) -> str:
    """The name without lowercase verbs at its end ("UBND tỉnh đào tạo" -> "UBND tỉnh"), unless
    they end a body word of `keep` ("Hội đồng quản trị" keeps its "quản trị").

    >>> verbs = Lexicon.from_data("ORG_VERB", ["đào tạo", "quản trị"])
    >>> drop_trailing_verbs("Sở Y tế đào tạo", verbs)
    'Sở Y tế'
    >>> drop_trailing_verbs("Hội đồng quản trị", verbs, Lexicon.from_data("BODY", ["Hội đồng quản trị"]))
    'Hội đồng quản trị'
    """
    while True:
        tail = _LOWER_TAIL.search(text)
        if not tail:
            return text
        words = tail.group(1).split()
        for k in range(len(words), 0, -1):
            if has(verbs, " ".join(words[-k:])):
                if keep is not None and _ends_with_form(text, keep):
                    return text
                text = text[: len(text) - len(" ".join(words[-k:]))].rstrip()
                break
        else:
            return text


def _ends_with_form(text: str, lexicon: Lexicon, most: int = 5) -> bool:
    """Do the last two to `most` words of the text make one of the lexicon's forms?"""
    words = text.split()
    return any(has(lexicon, " ".join(words[-k:])) for k in range(2, min(most, len(words)) + 1))


def _text_before(m: MatchInfo, start: int, width: int = 40) -> str:
    return m.line.text[max(0, start - width):start] if m.line is not None else ""


def word_before(m: MatchInfo, start: int) -> str | None:
    """The word right before line offset `start`, with only spaces between; None after
    punctuation or at the line's start."""
    found = _WORD_BEFORE.search(_text_before(m, start))
    return found.group(1) if found else None


def _two_words_before(m: MatchInfo, start: int) -> str | None:
    found = _TWO_WORDS_BEFORE.search(_text_before(m, start))
    return found.group(1) if found else None


def _feature_before(m: MatchInfo, start: int) -> bool:
    """Is the word before a lowercase river, lake, mountain or island word ("sông Đà")?"""
    word = word_before(m, start)
    return bool(word) and word[0].islower() and m.has("PLACE_FEATURE", word)


@declare("organization", lexicons=("ORG_VERB", "BODY", "BODY_NAMED", "ABBREVIATION", "PLACE_FEATURE"),
         returns=("value", "expanded"))
def organization(m: MatchInfo) -> Result | None:
    """A body's name as written, its abbreviations spelled out in `expanded`."""
    if _feature_before(m, m.start):
        return None  # "quần đảo Trường Sa" is no school
    text = drop_trailing_verbs(m.text, m.lexicons["ORG_VERB"], m.lexicons["BODY"])
    if " " not in collapse(text) and not has(m.lexicons["BODY_NAMED"], text):
        return None  # a body word alone ("Sở") names nothing
    return one(name_fields(text, m.lexicons), end=m.start + len(text))


# -- locations -------------------------------------------------------------------------------


def place_key(name: str, lexicons) -> tuple[str, str] | None:
    """(usual spelling, level) of a province or centrally-run city, else None.

    >>> from vnfacts.rules import cached_ruleset
    >>> lex = cached_ruleset().lexicons
    >>> place_key("Thanh Hoá", lex), place_key("TPHCM", lex), place_key("Cửa Lò", lex)
    (('Thanh Hóa', 'province'), ('Hồ Chí Minh', 'city'), None)
    """
    for lexicon, level in (("MUNICIPALITY", "city"), ("PROVINCE", "province")):
        key = lexicons[lexicon].key_of(name)
        if key:
            return key, level
    return None


def _cut_at_place(syllables: list[str], lexicons) -> int:
    """How many syllables of a run are the place's own name: a province named inside a run
    ends the name before it ("Nghi Lộc Nghệ An" is Nghi Lộc, then the province)."""
    for i in range(1, len(syllables)):
        for k in (2, 3, 4):
            if place_key(" ".join(syllables[i : i + k]), lexicons):
                return i
    return len(syllables)


def _country(m: MatchInfo) -> Result | None:
    """A country named in the text ("Hàn Quốc", "tại Mỹ"), not a person's name or part of one
    ("Chu Ngọc Anh", "ông Đức", "Mỹ Tho"), nor a pronoun starting a sentence ("Anh cho biết")."""
    start, end = m.spans["country"]
    name = collapse(m.group("country") or "")
    before = word_before(m, start)
    if before:
        if before[0].isupper() and not before.isupper():
            return None  # the end of a capitalized run: "Tuấn Anh", "Nguyễn Việt Nam"
        if m.has("HONORIFIC", before) or m.has("PERSON_BEFORE", before) or _feature_before(m, start):
            return None  # "ông Đức", "em Nga", "sông Mỹ"
        if any(m.has("COUNTRY_NOT_AFTER", w) for w in (before, _two_words_before(m, start))):
            return None  # "tiếng Anh", "đô la Mỹ": a language, a currency
    after = _WORD_AFTER.match(m.line.text[end:end + 30]) if m.line is not None else None
    if " " not in name and after and after.group(1)[0].isupper() and not _after_title(m, start):
        return None  # a one-syllable country opening a name: "Mỹ Tho", "Anh Tuấn", "Lào Cai"
    if not before and m.has("COUNTRY_AMBIGUOUS", name) and not _in_country_list(m, start):
        return None  # "Anh cho biết", "Ý kiến": only after a word or in a list of countries
    return one({"value": name, "level": "country"})


def _after_title(m: MatchInfo, start: int) -> bool:
    """Does a title end right before ("Thủ tướng Anh Rishi Sunak": the country, then a name)?"""
    return any(w and m.has("TITLE", w) for w in (word_before(m, start), _two_words_before(m, start)))


def _in_country_list(m: MatchInfo, start: int) -> bool:
    """Does a country and a comma come right before ("Mỹ, Anh")?"""
    listed = _COMMA_BEFORE.search(_text_before(m, start, 30))
    words = listed.group(1).split() if listed else []
    return any(m.has("COUNTRY", " ".join(words[-k:])) for k in (1, 2) if len(words) >= k)


@declare("location", optional=("name", "unit", "country"),
         lexicons=("PLACE_UNIT", "ABBREVIATION", "MUNICIPALITY", "PROVINCE", "PLACE_FEATURE", "COUNTRY",
                   "COUNTRY_AMBIGUOUS", "COUNTRY_NOT_AFTER", "HONORIFIC", "PERSON_BEFORE", "TITLE"),
         returns=("value", "level", "expanded"))
def location(m: MatchInfo) -> Result | None:
    """A place with its administrative level ("tỉnh Nghệ An", "TP Vinh", "Hà Nội"), or a
    country ("Hàn Quốc", level `country`)."""
    if m.group("country"):
        return _country(m)
    if not m.group("name"):
        return None
    unit = m.group("unit")
    if not unit and _feature_before(m, m.spans["name"][0]):
        return None  # "sông Đồng Nai", "hồ Hòa Bình" are a river and a lake
    words = list(_NONSPACE.finditer(m.line.text, *m.spans["name"]))
    syllables = [w.group() for w in words]
    if not all(s[0].isupper() or not s[0].isalpha() for s in syllables):
        return None  # "tỉnh hòa bình" is not a place
    whole = place_key(" ".join(syllables), m.lexicons)
    keep = len(syllables) if whole else _cut_at_place(syllables, m.lexicons)
    name, end = " ".join(syllables[:keep]), words[keep - 1].end()
    known = whole or place_key(name, m.lexicons)
    level = m.lookup("PLACE_UNIT", unit) if unit else known[1]
    fields: dict[str, Any] = {"value": known[0] if known else name, "level": level}
    full_unit = m.lookup("ABBREVIATION", unit) if unit else None
    if full_unit:
        fields["expanded"] = f"{full_unit} {fields['value']}"
    return one(fields, end=end)


# -- documents -------------------------------------------------------------------------------

def code_parts(codes: str) -> list[str]:
    """The letter codes of a document number ("NĐ-CP" -> ["NĐ", "CP"]; "NQ/TW" -> ["NQ", "TW"]).

    >>> code_parts("TTLT-BTC-BLĐTBXH")
    ['TTLT', 'BTC', 'BLĐTBXH']
    """
    return [p for p in regex.split(r"[-/–]", codes) if p]


@declare("document", required=("code", "codes", "number"), optional=("kind", "year", "issued_year"),
         lexicons=("DOC_TYPE", "DOC_KIND"), returns=("value", "kind", "number", "year", "issuer"))
def document(m: MatchInfo) -> Result | None:
    """A cited legal document by its code; the year from the code or the issue date after it
    (the rule's suffix, which the fact's text leaves out)."""
    parts = code_parts(m.group("codes"))
    code_kind = m.lookup("DOC_TYPE", parts[0])
    issuer = "-".join(parts[1:]) if code_kind else parts[0]
    kind = m.lookup("DOC_KIND", m.group("kind")) or code_kind
    if not kind or not issuer:
        return None
    fields: dict[str, Any] = {"value": m.group("code"), "kind": kind, "number": m.group("number"), "issuer": issuer}
    year = m.group("year") or m.group("issued_year")
    if year:
        fields["year"] = int(year)
    return one(fields, end=m.spans["code"][1])
