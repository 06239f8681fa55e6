"""Datasette metadata for a vnfacts database: what each table and column holds, and the facets
worth clicking (`vnfacts db metadata --db F > metadata.json; datasette F -m metadata.json`).

>>> m = metadata("facts.db")
>>> m["databases"]["facts"]["tables"]["facts"]["facets"][:2]
['type', 'rule']
>>> sorted(m["databases"]["facts"]["tables"]) == sorted(TABLES)
True
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .. import __version__

#: Each table: its description, its columns' descriptions and its suggested facets.
TABLES: dict[str, dict[str, Any]] = {
    "documents": {
        "description": "One row per article in the batch output (source unique); failed ones carry their error.",
        "facets": ["published", "error_kind", "encoding"],
        "columns": {
            "source": "The input path (or archive member) the article came from.",
            "published": "Publication date (ISO), the reference for relative dates.",
            "title": "The article's title, when found.",
            "authors": "The byline's authors, a JSON array.",
            "encoding": "The input's detected encoding.",
            "error_kind": "Why the document failed (decode, too_large, ...); null when it did not.",
            "error_message": "The error, one line.",
            "facts": "How many facts the document has.",
            "vnfacts_version": "The vnfacts version of the run that wrote the record (its manifest).",
            "rules_hash": "The rules' hash of that run.",
            "digest": "A hash of the record's line: an unchanged record is not written again.",
        },
    },
    "facts": {
        "description": "One row per fact. value is the output contract's value as JSON; the other columns "
                       "are there to filter and sort on.",
        "facets": ["type", "rule", "currency", "unit", "grain", "sector", "qualifier"],
        "columns": {
            "document_id": "The document (documents.id).",
            "type": "percent, money, quantity, date, official, organization, location, document, ...",
            "text": "The exact surface text.", "start": "Character offset into the article's text.",
            "end": "End offset, exclusive.", "value": "The normalized value as JSON text (exact digits).",
            "number": "percent, money, quantity: the value as a number (integers as integers).",
            "upper": "The upper bound of a range (value is then the lower bound).",
            "currency": "ISO 4217 code.", "unit": "percent: % or percentage_point; quantity: the counted noun.",
            "per": "What an amount is per, as written.", "qualifier": "more_than, approx, less_than, at_least, at_most.",
            "date_start": "date: the first day the value covers (2024-Q3: 2024-07-01).",
            "date_end": "date: the last day the value covers (2024-Q3: 2024-09-30).",
            "grain": "date: year, quarter, month, week, day, hour, minute.", "rule": "The rule that found the fact.",
            "name": "official: the person's full name.", "titles": "official: the titles as written, a JSON array.",
            "rank": "official: military or police rank.", "sector": "official: state, party, military, ...",
            "former": "official: 1 when the title is a past one (nguyên, cựu).",
            "organization": "official: the body, abbreviations spelled out.",
            "doc_number": "document: the cited document's number.", "extra": "Any other key of the fact, as JSON.",
        },
    },
    "people": {
        "description": "One row per official across articles (docs/database.md: how mentions are merged).",
        "facets": ["sector"],
        "columns": {"name": "The name as most often written.", "documents": "Articles that mention the person.",
                    "mentions": "Official facts of the person.", "sector": "The most frequent sector.",
                    "first_seen": "First publication date.", "last_seen": "Last publication date."},
    },
    "mentions": {
        "description": "Each official fact of a person: where it is and the titles as written.",
        "facets": [],
        "columns": {"person_id": "people.id", "document_id": "documents.id", "fact_id": "facts.id",
                    "titles": "The titles of this mention, a JSON array."},
    },
    "offices": {
        "description": "Offices: a normalized title head, the body spelled out, the place.",
        "facets": ["title", "level"],
        "columns": {"title": "The head with its body's kind: Chủ tịch UBND, Giám đốc Sở, Bộ trưởng.",
                    "organization": "The body, abbreviations spelled out.", "place": "The place of the body.",
                    "level": "The place's unit: province, city, district, ..., country.",
                    "label": "The office as news writes it: Chủ tịch UBND tỉnh Nghệ An.",
                    "holders": "How many people were seen in the office."},
    },
    "tenures": {
        "description": "Who held which office, seen from when to when (publication dates of current titles).",
        "facets": [],
        "columns": {"person_id": "people.id", "office_id": "offices.id",
                    "first_seen": "First publication date with the title.",
                    "last_seen": "Last publication date with the title.",
                    "documents": "Articles that give the person this title."},
    },
    "texts": {"description": "Each article's text, decoded as vnfacts reads it (db build --text): facts' start "
                       "and end index it. Full-text search: texts_fts.", "facets": [],
              "columns": {"document_id": "documents.id", "text": "The decoded NFC text."}},
    "vnfacts_meta": {"description": "The schema version and the build's vnfacts version.", "facets": [],
                     "columns": {}},
}


def metadata(db_path: str | Path) -> dict[str, Any]:
    """Datasette's metadata for the database file at `db_path` (named after the file's stem)."""
    name = Path(db_path).stem
    return {
        "title": "vnfacts: facts from Vietnamese government news",
        "description": f"Built by vnfacts {__version__}; see docs/database.md for the tables and example queries.",
        "databases": {name: {"tables": {table: {"description": t["description"], "columns": t["columns"],
                                                **({"facets": t["facets"]} if t["facets"] else {})}
                                        for table, t in TABLES.items()}}},
    }
