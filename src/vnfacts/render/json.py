"""JSON and JSON Lines: UTF-8, not \\u-escaped; jsonl writes each document as it comes."""
from __future__ import annotations

import json
from typing import Any, Iterable, TextIO

from ..model import Document


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False)


def write_jsonl(docs: Iterable[Document], out: TextIO) -> None:
    for doc in docs:
        out.write(dumps(doc.to_dict()) + "\n")
        out.flush()


def write_json(docs: Iterable[Document], out: TextIO) -> None:
    """One object for one document, an array for several."""
    items = [d.to_dict() for d in docs]
    data = items[0] if len(items) == 1 else items
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
