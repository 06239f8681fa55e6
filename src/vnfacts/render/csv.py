"""CSV: one row per fact, with the document's source, for spreadsheets and pandas."""
from __future__ import annotations

import csv
from dataclasses import fields
from typing import Iterable, Iterator, TextIO

from ..model import Document, Fact

COLUMNS = ["source", "published"] + [f.name for f in fields(Fact)]


def _cell(v) -> str | int | float:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return "; ".join(map(str, v))
    return v


def rows(doc: Document) -> Iterator[dict]:
    """One row per fact of the document, keyed by COLUMNS."""
    for fact in doc.facts:
        cells = {k: _cell(v) for k, v in fact.to_dict().items()}
        yield {"source": doc.source or "", "published": doc.published or "", **cells}


def write_csv(docs: Iterable[Document], out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for doc in docs:
        writer.writerows(rows(doc))
        out.flush()
