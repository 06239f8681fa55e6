"""Load gold files: JSON Lines, one annotated document per line (see docs/annotation.md).

A gold path is one `*.jsonl` file or a folder whose `*.jsonl` files are read in name order.
Each line holds `id`, the article as `text` or as a `path` relative to the gold file,
an optional `published` date, the expected `facts` and an optional `ignore` list. Other keys
(a `review` record, notes) are kept out of the way, unless they look like a misspelt key
("ignroe", "curency"): that is an error.

Every problem is a line of one `GoldError` (a ProblemsError), each naming `file:line`, so a
whole gold file is checked at once. Numbers are read exactly: 104.65 in
the file is `Decimal('104.65')`, never a float.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Mapping

from ..input.decode import read_input
from ..errors import InputError, ProblemsError
from ..isodate import is_iso_date
from ..model import Fact
from ..suggest import did_you_mean
from ..text import nfc

DOC_KEYS = ("id", "text", "path", "published", "facts", "ignore")
FACT_KEYS = frozenset(f.name for f in fields(Fact)) - {"rule"}
NUMERIC_TYPES = ("percent", "money", "quantity")
#: Keys a fact of the type must carry besides `type` and `value`.
REQUIRED = {"money": ("currency",), "quantity": ("unit",)}
#: What an official's position belongs to (docs/annotation.md, `sector`), in report order; the
#: same list as the `sector` enum of schema/document.schema.json.
SECTORS = ("state", "party", "national_assembly", "military", "police", "judiciary", "business",
           "education_health", "foreign", "other")
#: How close an unknown key must be to a known one to be taken for its misspelling (else it is
#: a note, kept out of the way).
MISSPELT = 0.75


class GoldError(ProblemsError):
    """Problems in a gold file, one `file:line: what is wrong` line each."""


@dataclass(frozen=True)
class GoldFact:
    """One expected fact: its type, value, surface text and every other key as written.

    >>> f = GoldFact("money", 27000000000, "27 tỷ đồng", {"currency": "VND"})
    >>> f.get("currency"), f.get("unit")
    ('VND', None)
    """

    type: str
    value: Any
    text: str | None = None
    attrs: Mapping[str, Any] = field(default_factory=dict)
    start: int | None = None
    end: int | None = None

    def get(self, key: str) -> Any:
        """A key of the fact as annotated (`value`, `text`, `start`, `end` or any other), or None."""
        if key in ("type", "value", "text", "start", "end"):
            return getattr(self, key)
        return self.attrs.get(key)


@dataclass(frozen=True)
class GoldDoc:
    """One annotated article. `where` is `file:line`, used in messages."""

    id: str
    text: str
    facts: tuple[GoldFact, ...]
    published: str | None = None
    ignore: tuple[str, ...] = ()
    where: str = ""

    @property
    def types(self) -> set[str]:
        return {f.type for f in self.facts}

    def positions(self) -> dict[int, int]:
        """Where each gold fact is in the text, by `id(fact)`: its offset, else its text's occurrence.

        Gold facts come in order of appearance, so the k-th fact with a given text is taken to
        be that text's k-th occurrence.

        >>> a, b = GoldFact("quantity", 2, "2 ca"), GoldFact("quantity", 2, "2 ca")
        >>> doc = GoldDoc("d", "2 ca, rồi 2 ca.", (a, b))
        >>> doc.positions()[id(a)], doc.positions()[id(b)]
        (0, 10)
        """
        positions: dict[int, int] = {}
        cursor: dict[str, int] = {}
        for f in self.facts:
            if f.start is not None:
                positions[id(f)] = f.start
            elif f.text:
                at = self.text.find(f.text, cursor.get(f.text, 0))
                if at >= 0:
                    positions[id(f)] = at
                    cursor[f.text] = at + 1
        return positions


def load_gold(path: str | Path) -> list[GoldDoc]:
    """Every document of a gold file or folder. GoldError lists every problem found.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "g.jsonl").write_text(
    ...     '{"id": "d1", "text": "Tăng 7,5%.", "facts": [{"type": "percent", "value": 7.5, "unit": "%"}]}\\n',
    ...     encoding="utf-8")
    >>> [d.facts[0].value for d in load_gold(folder)]
    [Decimal('7.5')]
    """
    files = gold_files(path)
    docs: list[GoldDoc] = []
    problems: list[str] = []
    seen: dict[str, str] = {}
    for file in files:
        for doc in _read_file(file, problems):
            if doc.id in seen:
                problems.append(f"{doc.where}: duplicate id {doc.id!r} (first at {seen[doc.id]})")
            seen.setdefault(doc.id, doc.where)
            docs.append(doc)
    if not docs and not problems:
        problems.append(f"{path}: no documents in the gold")
    if problems:
        raise GoldError(problems)
    return docs


def gold_files(path: str | Path) -> list[Path]:
    """The gold file itself, or the `*.jsonl` files of a folder (not its sub-folders)."""
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.glob("*.jsonl") if f.is_file())
        if not files:
            raise GoldError([f"{path}: no *.jsonl file in this folder"])
        return files
    if not p.exists():
        raise GoldError([f"{path}: no such file or folder"])
    return [p]


def _read_file(file: Path, problems: list[str]) -> list[GoldDoc]:
    try:
        lines = file.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"{file}: cannot read: {getattr(exc, 'strerror', None) or exc}")
        return []
    docs = []
    for number, line in enumerate(lines, 1):
        if line.strip():
            doc = _parse_line(line, file, f"{file}:{number}", problems)
            if doc is not None:
                docs.append(doc)
    return docs


class _Problems:
    """The problems of one gold line; calling it with a message records `file:line: message`."""

    def __init__(self, where: str):
        self.where = where
        self.found: list[str] = []

    def __call__(self, message: str) -> None:
        self.found.append(f"{self.where}: {message}")

    def __len__(self) -> int:
        return len(self.found)


def _parse_line(line: str, file: Path, where: str, problems: list[str]) -> GoldDoc | None:
    bad = _Problems(where)
    try:
        raw = json.loads(line, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        problems.append(f"{where}: invalid JSON: {exc.msg} at column {exc.colno}")
        return None
    if not isinstance(raw, dict):
        problems.append(f"{where}: a gold line must be a JSON object, not {type(raw).__name__}")
        return None
    for key in raw:
        if key not in DOC_KEYS and (hint := did_you_mean(key, DOC_KEYS, cutoff=MISSPELT)):
            bad(f"unknown key {key!r}{hint}")
    text = _article(raw, file, bad)
    published = _published(raw.get("published"), bad)
    ignore = _ignore(raw.get("ignore", []), bad)
    for item in ignore:
        if text is not None and item.casefold() not in text.casefold():
            bad(f"ignore text {item!r} does not occur in the article")
    doc_id = raw.get("id", where)
    if not isinstance(doc_id, str) or not doc_id:
        bad("'id' must be a non-empty string")
    facts_raw = raw.get("facts")
    if not isinstance(facts_raw, list):
        bad("'facts' must be a list (write [] for an article without facts)")
        facts_raw = []
    facts = [f for i, item in enumerate(facts_raw, 1) if (f := _fact(item, i, text, bad)) is not None]
    problems.extend(bad.found)
    if bad.found:
        return None
    return GoldDoc(str(doc_id), text or "", tuple(facts), published, ignore, where)


def _article(raw: dict, file: Path, bad: _Problems) -> str | None:
    if ("text" in raw) == ("path" in raw):
        bad("give the article as exactly one of 'text' or 'path'")
        return None
    if "text" in raw:
        if not isinstance(raw["text"], str):
            bad("'text' must be a string")
            return None
        return nfc(raw["text"])
    if not isinstance(raw["path"], str) or not raw["path"]:
        bad("'path' must be a non-empty string")
        return None
    target = file.parent / raw["path"]
    try:
        return read_input(str(target)).text
    except InputError as exc:
        bad(f"path {raw['path']!r}: {str(exc).removeprefix(str(target) + ': ')}")
        return None


def _published(value: Any, bad: _Problems) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    bad(f"'published' must be an ISO date YYYY-MM-DD, not {value!r}")
    return None


def _ignore(value: Any, bad: _Problems) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        bad("'ignore' must be a list of non-empty strings")
        return ()
    return tuple(nfc(v) for v in value)


def _fact(item: Any, index: int, article: str | None, bad: _Problems) -> GoldFact | None:
    if not isinstance(item, dict):
        bad(f"fact {index}: must be a JSON object")
        return None
    ftype = item.get("type")
    if not isinstance(ftype, str) or not ftype:
        bad(f"fact {index}: missing 'type'")
        return None
    label = f"fact {index} ({ftype})"
    problems_before = len(bad)
    for key in item:
        if key not in FACT_KEYS and (hint := did_you_mean(key, FACT_KEYS, cutoff=MISSPELT)):
            bad(f"{label}: unknown key {key!r}{hint}")
    value = item.get("value", item.get("name") if ftype == "official" else None)
    if value is None:
        bad(f"{label}: missing 'value'")
    elif ftype in NUMERIC_TYPES and not _is_number(value):
        bad(f"{label}: 'value' must be a number, not {value!r}")
    elif ftype == "date" and not is_iso_date(value):
        bad(f"{label}: 'value' {value!r} is not an ISO date, month, year, quarter, time or interval")
    elif ftype == "official":
        _check_official(item, value, label, bad)
    if item.get("upper") is not None and not _is_number(item["upper"]):
        bad(f"{label}: 'upper' must be a number, not {item['upper']!r}")
    for key in REQUIRED.get(ftype, ()):
        if not isinstance(item.get(key), str) or not item[key].strip():
            bad(f"{label}: missing {key!r}")
    text = nfc(item["text"]) if isinstance(item.get("text"), str) else None
    if "text" in item and text is None:
        bad(f"{label}: 'text' must be a string")
    elif text is not None and article is not None and text not in article:
        bad(f"{label}: text {text!r} does not occur in the article")
    start, end = _offsets(item, text, article, label, bad)
    if len(bad) != problems_before:
        return None
    attrs = {k: (nfc(v) if isinstance(v, str) else v) for k, v in item.items()
             if k not in ("type", "value", "text", "start", "end")}
    return GoldFact(ftype, nfc(value) if isinstance(value, str) else value, text, attrs, start, end)


def _check_official(item: dict, value: Any, label: str, bad: _Problems) -> None:
    name = item.get("name", value)
    if not isinstance(name, str) or not name.strip():
        bad(f"{label}: 'name' must be a non-empty string")
    elif "value" in item and "name" in item and item["value"] != item["name"]:
        bad(f"{label}: 'value' {item['value']!r} differs from 'name' {item['name']!r}")
    titles = item.get("titles", [])
    if not isinstance(titles, list) or not all(isinstance(t, str) for t in titles):
        bad(f"{label}: 'titles' must be a list of strings")
    sector = item.get("sector")
    if sector is not None and sector not in SECTORS:
        hint = did_you_mean(sector, SECTORS, cutoff=MISSPELT) if isinstance(sector, str) else ""
        bad(f"{label}: unknown sector {sector!r}{hint or ' (one of ' + ', '.join(SECTORS) + ')'}")
    rank = item.get("rank")
    if rank is not None and (not isinstance(rank, str) or not rank.strip()):
        bad(f"{label}: 'rank' must be a non-empty string")
    if item.get("former") is not None and not isinstance(item["former"], bool):
        bad(f"{label}: 'former' must be true or false")


def _offsets(item: dict, text: str | None, article: str | None, label: str,
             bad: _Problems) -> tuple[int | None, int | None]:
    start, end = item.get("start"), item.get("end")
    if start is None and end is None:
        return None, None
    if not (type(start) is int and type(end) is int and 0 <= start < end):
        bad(f"{label}: 'start' and 'end' must be two offsets, start < end")
        return None, None
    if article is not None and text is not None and article[start:end] != text:
        bad(f"{label}: offsets {start}-{end} give {article[start:end]!r}, not the text {text!r}")
    return start, end


def _is_number(v: Any) -> bool:
    return type(v) in (int, Decimal)

