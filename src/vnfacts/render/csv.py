"""CSV and TSV: one row per fact, with the document's source, for spreadsheets and pandas.

Numbers are written with their exact digits, as in JSON, never as floats in exponent form;
`excel=True` starts the file with a UTF-8 byte-order mark, which Excel needs to read UTF-8.
TSV has no quoting: a tab or line end inside a cell becomes a space, so `cut -f` works.

>>> import io
>>> from vnfacts import extract
>>> out = io.StringIO(); write_tsv([extract("Lãi suất giảm 0,0001%.")], out)
>>> out.getvalue().splitlines()[1].split("\\t")[2:7]
['percent', '0,0001%', '14', '21', '0.0001']
"""
from __future__ import annotations

import csv
from dataclasses import fields
from decimal import Decimal
from typing import Iterable, Iterator, TextIO

from ..model import Document, Fact, number_text

#: The columns, in order; `context` (extract --context) only when asked for, as the last one.
COLUMNS = ["source", "published"] + [f.name for f in fields(Fact) if f.name != "context"]
CONTEXT_COLUMNS = COLUMNS + ["context"]
#: What Excel needs at the start of a file to read it as UTF-8.
BOM = "\ufeff"


def _cell(v) -> str | int:
    if v is None:
        return ""
    if isinstance(v, Decimal):
        return number_text(v)
    if isinstance(v, (list, tuple)):
        return "; ".join(map(str, v))
    return v


def columns(docs_have_context: bool) -> list[str]:
    return CONTEXT_COLUMNS if docs_have_context else COLUMNS


def rows(doc: Document) -> Iterator[dict]:
    """One row per fact of the document, keyed by COLUMNS (and `context` when the facts have it).

    >>> from vnfacts import extract
    >>> [row["value"] for row in rows(extract("Tăng 104,65%."))]
    ['104.65']
    """
    for fact in doc.facts:
        cells = {f.name: _cell(getattr(fact, f.name)) for f in fields(Fact)}
        if fact.context is None:
            del cells["context"]
        yield {"source": doc.source or "", "published": doc.published or "", **cells}


def write_csv(docs: Iterable[Document], out: TextIO, *, excel: bool = False, context: bool = False) -> None:
    if excel:
        out.write(BOM)
    writer = csv.DictWriter(out, fieldnames=columns(context), lineterminator="\n")
    writer.writeheader()
    for doc in docs:
        writer.writerows(rows(doc))
        out.flush()


def write_tsv(docs: Iterable[Document], out: TextIO, *, context: bool = False) -> None:
    names = columns(context)
    out.write("\t".join(names) + "\n")
    for doc in docs:
        for row in rows(doc):
            out.write("\t".join(_flat(row.get(name, "")) for name in names) + "\n")
        out.flush()


def _flat(cell) -> str:
    return str(cell).replace("\t", " ").replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
