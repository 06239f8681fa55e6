"""Checks every extraction must pass, whatever the input: used by the property tests and the
fuzzer (benchmarks/fuzz.py).
"""
from __future__ import annotations

import json
from decimal import Decimal

from .isodate import is_iso_date
from .model import Document
from .render.json import dumps

NUMERIC_TYPES = ("percent", "money", "quantity")


def problems(doc: Document) -> list[str]:
    """Everything wrong with a document's facts; an empty list when all is well.

    >>> from vnfacts import extract
    >>> problems(extract("Chi 27 tỷ đồng ngày 26/12/2023."))
    []
    """
    out = []
    for f in doc.facts:
        if doc.text[f.start:f.end] != f.text:
            out.append(f"{f.rule}: text {f.text!r} is not doc[{f.start}:{f.end}]")
        if f.type in NUMERIC_TYPES:
            for name in ("value", "upper"):
                v = getattr(f, name)
                if v is not None and (isinstance(v, bool) or not isinstance(v, (int, Decimal))):
                    out.append(f"{f.rule}: {name} {v!r} is not an exact number")
        if f.type == "date" and not is_iso_date(f.value):
            out.append(f"{f.rule}: date value {f.value!r} is not ISO 8601")
    data = doc.to_dict()
    try:
        if json.loads(dumps(data), parse_float=Decimal) != data:
            out.append("JSON does not round-trip")
    except (TypeError, ValueError) as exc:
        out.append(f"not JSON-serializable: {exc}")
    return out
