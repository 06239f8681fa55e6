"""The output contract as Python objects: one `Fact` schema for every fact type, one `Document`.

Facts are frozen: a fact never changes after the pipeline made it. `to_dict()` gives the JSON
shape documented in the README and in `schema/document.schema.json`; fields that are `None`
are left out, so each fact type carries only its own keys.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from decimal import Decimal
from typing import Any, Collection

#: Fact fields every fact has, in output order.
CORE_FIELDS = ("type", "text", "start", "end", "value", "rule")


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact found in a document.

    >>> f = Fact("money", "27 tỷ đồng", 10, 20, 27_000_000_000, "money.scale", currency="VND")
    >>> f.to_dict()["value"], f.to_dict()["currency"]
    (27000000000, 'VND')
    """

    type: str
    text: str
    start: int
    end: int
    value: Any
    rule: str
    # Numbers (percent, money, quantity).
    qualifier: str | None = None
    upper: Any = None
    unit: str | None = None
    currency: str | None = None
    per: str | None = None
    # Dates.
    grain: str | None = None
    part_of_day: str | None = None
    lunar: str | None = None
    # People, organizations, places, documents.
    name: str | None = None
    titles: tuple[str, ...] | None = None
    honorific: str | None = None
    rank: str | None = None
    sector: str | None = None
    former: bool | None = None
    organization: str | None = None
    expanded: str | None = None
    level: str | None = None
    kind: str | None = None
    number: str | None = None
    year: int | None = None
    issuer: str | None = None
    # The sentence the fact sits in: only when asked for (`extract --context`, Document.with_context).
    context: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The fact as plain data: a whole number is an int, any other keeps its exact Decimal
        (`vnfacts.dumps` writes it with its digits; json.dumps needs `default=str` or `float`).

        >>> Fact("percent", "0,00001%", 0, 8, Decimal("0.00001"), "r").to_dict()["value"]
        Decimal('0.00001')
        """
        out: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if v is None and f.name not in CORE_FIELDS:
                continue
            out[f.name] = _plain(v)
        return out

    @property
    def attributes(self) -> dict[str, Any]:
        """The normalized fields of the fact: everything but type, text, offsets and rule."""
        return {k: v for k, v in self.to_dict().items() if k not in CORE_FIELDS or k == "value"}


def number_text(v: int | Decimal) -> str:
    """A number's exact digits, never in exponent form (CSV, tables, exact JSON).

    >>> number_text(Decimal("104.650")), number_text(Decimal("1E-7")), number_text(Decimal("2.5E+3")), number_text(27)
    ('104.65', '0.0000001', '2500', '27')
    """
    if isinstance(v, Decimal):
        v = v.normalize()
        return format(v, "f") if v != v.to_integral_value() else str(int(v))
    return str(v)


def _plain(v: Any) -> Any:
    if isinstance(v, Decimal):  # exact: render/json.py writes a Decimal with its digits
        return int(v) if v == v.to_integral_value() else v
    if isinstance(v, tuple):
        return [_plain(x) for x in v]
    return v


@dataclass(frozen=True, slots=True)
class Document:
    """The result of extracting one text.

    `text` is the decoded NFC text every fact's offsets point into: `fact.text ==
    doc.text[fact.start:fact.end]`.
    """

    text: str
    facts: tuple[Fact, ...]
    source: str | None = None
    published: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"source": self.source, "published": self.published}
        out.update(self.meta)
        out["facts"] = [f.to_dict() for f in self.facts]
        return out

    def of_type(self, *types: str) -> list[Fact]:
        return [f for f in self.facts if f.type in types]

    def with_context(self) -> "Document":
        """This document with every fact's `context`: the sentence it sits in (text/sentences.py).

        >>> from vnfacts import extract
        >>> doc = extract("Năm nay tỉnh thu 12 tỷ đồng. Chi tăng 5%.").with_context()
        >>> [(f.text, f.context) for f in doc.facts if f.type == "percent"]
        [('5%', 'Chi tăng 5%.')]
        """
        from .text.sentences import sentence_of

        facts = tuple(replace(f, context=sentence_of(self.text, f.start, f.end)) for f in self.facts)
        return replace(self, facts=facts)

    @property
    def people(self) -> list[dict[str, Any]]:
        """Every official of the document once, in order of first mention (`people` in JSON;
        docs/officials.md); empty when there is none.

        >>> from vnfacts import extract
        >>> [p["name"] for p in extract("Ông Nguyễn Văn An, Chủ tịch UBND tỉnh, phát biểu.").people]
        ['Nguyễn Văn An']
        """
        return list(self.meta.get("people", ()))

    @property
    def authors(self) -> list[str]:
        """The byline's author names (`authors` in JSON); empty when there is none.

        >>> Document("x", (), meta={"authors": ["Hữu Lương"]}).authors
        ['Hữu Lương']
        """
        return list(self.meta.get("authors", ()))

    def only(self, types: Collection[str] | None) -> "Document":
        """This document with the facts of `types` only (all of them for None): `--types`.
        The `people` key goes too unless officials are asked for, and `authors` unless
        officials or persons are: a `--types money` dataset carries no names.

        >>> doc = Document("x", (Fact("date", "x", 0, 1, "2024", "r"), Fact("money", "x", 0, 1, 1, "r")),
        ...                meta={"people": [{"name": "A"}], "authors": ["B"], "encoding": "utf-8"})
        >>> [f.type for f in doc.only({"money"}).facts], doc.only(None) is doc
        (['money'], True)
        >>> doc.only({"money"}).meta, sorted(doc.only({"person"}).meta)
        ({'encoding': 'utf-8'}, ['authors', 'encoding'])
        """
        if types is None:
            return self
        drop = set(PEOPLE_KEYS) - {key for key, wanted in PEOPLE_KEYS.items() if wanted & set(types)}
        meta = {k: v for k, v in self.meta.items() if k not in drop}
        return replace(self, facts=tuple(f for f in self.facts if f.type in types), meta=meta)


#: Document keys that name people, with the fact types that keep them under `--types`.
PEOPLE_KEYS = {"people": {"official"}, "authors": {"official", "person"}}
