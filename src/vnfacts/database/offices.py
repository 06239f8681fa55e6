"""An official's title as an office: a normalized head, the body spelled out, the place.

"Phó Chủ tịch UBND tỉnh Nghệ An" is the office `title` "Phó Chủ tịch UBND", `organization`
"Ủy ban nhân dân tỉnh Nghệ An", `place` "tỉnh Nghệ An" (level province), `label` "Phó Chủ tịch
UBND tỉnh Nghệ An". Two titles written differently ("Chủ tịch Ủy ban nhân dân tỉnh Nghệ An",
"Chủ tịch UBND tỉnh Nghệ An") are one office: `key` folds case, tone placement and
abbreviations. The words come from the rule files' lexicons (TITLE, TITLE_PREFIX, TITLE_BODY,
BODY, ABBREVIATION, PLACE_UNIT, PROVINCE, MUNICIPALITY, COUNTRY), read once.

>>> o = office_of("Phó Chủ tịch UBND tỉnh Nghệ An", lexicons())
>>> o.title, o.organization, o.place, o.level, o.label
('Phó Chủ tịch UBND', 'Ủy ban nhân dân tỉnh Nghệ An', 'tỉnh Nghệ An', 'province', 'Phó Chủ tịch UBND tỉnh Nghệ An')
>>> office_of("Chủ tịch Ủy ban nhân dân tỉnh Nghệ An", lexicons()).key == office_of("Chủ tịch UBND tỉnh Nghệ An", lexicons()).key
True
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping

import regex

from ..normalize.entities import expand
from ..normalize.officials import Title, organization_of
from ..text.fold import fold_for_matching, lookup_form

#: Prefixes that say when, not which office: "nguyên Giám đốc" held the office of "Giám đốc".
PAST = frozenset({"nguyên", "cựu"})
_DROPPED = PAST | {"tân"}


@dataclass(frozen=True, slots=True)
class Office:
    title: str                 # the head with its body's kind: "Chủ tịch UBND", "Giám đốc Sở", "Bộ trưởng"
    organization: str | None   # the body, abbreviations spelled out
    place: str | None          # "tỉnh Nghệ An", "huyện Yên Thành, tỉnh Nghệ An", "Mỹ"
    level: str | None          # the place's unit: province, city, district, ..., country
    label: str                 # the title as news writes it, abbreviated: "Chủ tịch UBND tỉnh Nghệ An"
    former: bool = False       # the title was a past one ("nguyên ...")

    @property
    def key(self) -> str:
        """What makes two offices one: the folded, abbreviated label."""
        return fold_key(self.label)

    @property
    def places(self) -> frozenset[str]:
        """The place names in the office, folded and without unit words: {"yên thành", "nghệ an"}."""
        return frozenset(p for p in (lookup_form(_strip_unit(part)) for part in (self.place or "").split(",")) if p)


@lru_cache(maxsize=1)
def lexicons() -> Mapping[str, Any]:
    """The shipped rules' lexicons (compiling the rules once, about 2 s)."""
    from ..rules import cached_ruleset

    return cached_ruleset().lexicons


@lru_cache(maxsize=1 << 16)  # the same titles and bodies come back in every article
def fold_key(text: str) -> str:
    """A title or query folded for comparison: case, tone placement, spaces, abbreviations.

    >>> fold_key("Chủ tịch  Uỷ ban nhân dân tỉnh") == fold_key("chủ tịch UBND Tỉnh")
    True
    """
    return lookup_form(_abbreviate(text, lexicons()))


def office_of(title: str, lex: Mapping[str, Any]) -> Office | None:
    """The office a title names (None when it has no title head, e.g. a bare body).

    >>> office_of("Bộ trưởng Bộ Y tế", lexicons()).title, office_of("Giám đốc Sở Y tế Hà Tĩnh", lexicons()).place
    ('Bộ trưởng', 'Hà Tĩnh')
    >>> o = office_of("Tổng thống Mỹ", lexicons()); (o.title, o.organization, o.place, o.level)
    ('Tổng thống', None, 'Mỹ', 'country')
    >>> office_of("nguyên Giám đốc Sở Y tế", lexicons()).former, office_of("Sở Y tế", lexicons())
    (True, None)
    >>> office_of("Bộ trưởng Bộ Tư pháp", lexicons()).place is None
    True
    >>> office_of("Thủ tướng", lexicons()).key == office_of("Thủ tướng Chính phủ", lexicons()).key
    True
    """
    words = " ".join(title.split()).split(" ")
    former = False
    while words and lookup_form(words[0]) in _DROPPED:
        former = former or lookup_form(words[0]) in PAST
        words = words[1:]
    head_len = _head_length(words, lex)
    if not head_len:
        return None
    head, rest = " ".join(words[:head_len]), " ".join(words[head_len:])
    organization = organization_of(Title(0, len(head) + 1 + len(rest), head, f"{head} {rest}".strip()), lex) if rest else None
    # A country is the place of a bare title ("Tổng thống Mỹ"), never a word in a body's name
    # ("Bộ Tư pháp" is not in France).
    place, level = _place(organization or rest, lex, countries=organization is None)
    name = _join(head, _kind(organization, head, lex))
    label = _join(head, _abbreviate(_without_kind(organization, head, lex), lex)) if organization else \
        _join(head, rest)
    if lookup_form(name) in _GOVERNMENT and not place and organization in (None, "Chính phủ"):  # "Thủ tướng" and "Thủ tướng Chính phủ" are one office
        name = _GOVERNMENT[lookup_form(name)]
        label = f"{name} Chính phủ"  # organization stays as written: a bare "Thủ tướng" may be another country's
    return Office(_capital(name), organization, place, level, _capital(label), former)


#: Heads that name the Government's offices, with and without "Chính phủ".
_GOVERNMENT = {lookup_form(f"{head}{tail}"): head for head in ("Thủ tướng", "Phó Thủ tướng")
               for tail in ("", " Chính phủ")}


def _head_length(words: list[str], lex) -> int:
    """How many words the title's head is: the longest run found in TITLE (after Phó/Quyền)."""
    start = 0
    while start < len(words) - 1 and lex["TITLE_PREFIX"].contains(words[start]) and lookup_form(words[start]) not in _DROPPED:
        start += 1
    for end in range(min(len(words), start + 5), start, -1):
        if lex["TITLE"].contains(" ".join(words[start:end])):
            return end
    return 0


def _kind_of(organization: str | None, lex) -> str | None:
    """The body's kind as written first in its name: "Ủy ban nhân dân", "Sở", "Tỉnh ủy"."""
    if not organization:
        return None
    words = organization.split(" ")
    for end in range(min(len(words), 6), 0, -1):
        candidate = " ".join(words[:end])
        if lex["BODY"].contains(candidate) or (("BODY_NAMED" in lex) and lex["BODY_NAMED"].contains(candidate)):
            return candidate
    return None


def _kind(organization: str | None, head: str, lex) -> str:
    """The kind to add to the head ("Chủ tịch" + "UBND"); nothing when the head names it ("Bộ trưởng")."""
    kind = _kind_of(organization, lex)
    if not kind:
        return ""
    short = _abbreviate(kind, lex)
    head_words = set(lookup_form(head).split(" "))
    if set(lookup_form(kind).split(" ")) <= head_words:
        return ""
    return short


def _without_kind(organization: str, head: str, lex) -> str:
    """The organization for a label: without a kind the head already says ("Bộ trưởng Y tế")."""
    kind = _kind_of(organization, lex)
    if kind and not _kind(organization, head, lex):
        rest = organization[len(kind):].strip()
        if rest:
            return rest
    return organization


@lru_cache(maxsize=1)
def _abbreviation_patterns() -> list[tuple[regex.Pattern, str]]:
    """Each spelled-out body of ABBREVIATION with its shortest written form ("UBND", "GD&ĐT")."""
    lex = lexicons()["ABBREVIATION"]
    written: dict[str, str] = {}
    for surface in lex.surfaces:
        key = lex.key_of(surface)
        if key and (key not in written or len(surface) < len(written[key])):
            written[key] = surface
    return [(regex.compile(rf"(?<![\p{{L}}\d]){regex.escape(fold_for_matching(key))}(?![\p{{L}}\d])", regex.IGNORECASE),
             short) for key, short in sorted(written.items(), key=lambda kv: -len(kv[0]))]


def _abbreviate(text: str, lex) -> str:
    """Spelled-out bodies back to their abbreviations: "Ủy ban nhân dân tỉnh" -> "UBND tỉnh".

    >>> _abbreviate("Ủy ban nhân dân tỉnh Nghệ An", lexicons())
    'UBND tỉnh Nghệ An'
    """
    # One spelling first: old tone placement folded, "GD-ĐT" and "GD&ĐT" spelled out alike.
    text = " ".join(expand(fold_for_matching(unicodedata.normalize("NFC", text)), lex["ABBREVIATION"]).split())
    for pattern, short in _abbreviation_patterns():
        text = pattern.sub(short, text)
    return text


def _place(body: str, lex, *, countries: bool = True) -> tuple[str | None, str | None]:
    """The place a body names: from its first unit word ("huyện X, tỉnh Y") to the end, else a
    province or centrally-run city named alone, else a country."""
    words = body.split(" ") if body else []
    for i, word in enumerate(words):
        for n in (2, 1):
            unit = " ".join(words[i:i + n])
            level = lex["PLACE_UNIT"].key_of(unit)
            if level and i + n < len(words) and words[i + n][:1].isupper():
                return _trim(" ".join(words[i:])), level
    for name in ("MUNICIPALITY", "PROVINCE", "COUNTRY") if countries else ("MUNICIPALITY", "PROVINCE"):
        for i in range(len(words)):
            for n in (4, 3, 2, 1):
                part = " ".join(words[i:i + n])
                if len(words[i:i + n]) == n and lex[name].contains(part):
                    key = lex[name].key_of(part) or part
                    return key, {"MUNICIPALITY": "city", "PROVINCE": "province", "COUNTRY": "country"}[name]
    return None, None


def _join(head: str, rest: str) -> str:
    """The head and what follows, a word the two share said once: "Trưởng Ban" + "Ban Chỉ đạo".

    >>> _join("Trưởng Ban", "Ban Chỉ đạo"), _join("Chủ tịch", "UBND tỉnh")
    ('Trưởng Ban Chỉ đạo', 'Chủ tịch UBND tỉnh')
    """
    if rest and lookup_form(rest.split(" ")[0]) == lookup_form(head.split(" ")[-1]):
        rest = rest.split(" ", 1)[1] if " " in rest else ""
    return f"{head} {rest}".strip()


def _trim(place: str) -> str:
    return place.strip(" ,.;:-–()")


def _strip_unit(place: str) -> str:
    lex = lexicons()["PLACE_UNIT"]
    words = place.strip().split(" ")
    for n in (2, 1):
        if len(words) > n and lex.contains(" ".join(words[:n])):
            return " ".join(words[n:])
    return place.strip()


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
