"""Results to JSON Lines or CSV, each document written and flushed as soon as it is done.

JSON Lines: one line per document (the `vnfacts extract` contract) or per failure
(`{"source": ..., "error": {"kind": ..., "message": ...}}`). CSV: one row per fact with its
source (the `vnfacts extract --format csv` columns); failures have no row (the CLI reports them
on stderr).

>>> import io
>>> from vnfacts import extract
>>> from .records import Failure
>>> out = io.StringIO()
>>> w = writer_for("jsonl", out)
>>> w.write(Failure("a.txt", "decode", "a.txt: binary file"))
>>> out.getvalue()
'{"source": "a.txt", "error": {"kind": "decode", "message": "a.txt: binary file"}}\\n'
"""
from __future__ import annotations

import csv
import io
import sys
from contextlib import contextmanager
from typing import Iterator, TextIO, Union

from ..model import Document
from ..render.csv import COLUMNS, rows
from ..render.json import document_line, dumps
from .records import Failure

FORMATS = ("jsonl", "csv")


class JsonlWriter:
    def __init__(self, out: TextIO):
        self.out = out

    def write(self, result: Union[Document, Failure]) -> None:
        if isinstance(result, Document):
            document_line(result, self.out)  # fact by fact: a huge document is never one string
        else:
            self.out.write(dumps(result.to_dict()) + "\n")
        self.out.flush()


class CsvWriter:
    """Rows for every fact of a document; the header only when the file is new.

    >>> from vnfacts import extract
    >>> out = io.StringIO()
    >>> doc = extract("Tăng 5%")
    >>> CsvWriter(out).write(doc)
    >>> out.getvalue().splitlines()[1].split(",")[:4]
    ['', '', 'percent', '5%']
    """

    def __init__(self, out: TextIO, header: bool = True):
        self.out = out
        self.rows = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
        if header:
            self.rows.writeheader()
            out.flush()

    def write(self, result: Union[Document, Failure]) -> None:
        if isinstance(result, Failure):
            return
        buf = io.StringIO()  # one write per document: a kill cuts at most the last document
        csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n").writerows(rows(result))
        if buf.tell():
            self.out.write(buf.getvalue())
            self.out.flush()


def writer_for(fmt: str, out: TextIO, *, header: bool = True) -> Union[JsonlWriter, CsvWriter]:
    """The writer of `fmt` ("jsonl" or "csv") on an open text stream."""
    if fmt == "csv":
        return CsvWriter(out, header)
    if fmt == "jsonl":
        return JsonlWriter(out)
    raise ValueError(f"unknown batch format {fmt!r}")


@contextmanager
def open_output(path: str | None, *, append: bool = False) -> Iterator[TextIO]:
    """The output file (UTF-8, "\\n" line ends), or stdout for None or "-"; stdout is never closed."""
    if path not in (None, "-"):
        with open(path, "a" if append else "w", encoding="utf-8", newline="") as fh:
            yield fh
        return
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, io.UnsupportedOperation):  # a stream without a file (tests)
        yield sys.stdout
        return
    sys.stdout.flush()
    with open(fd, "w", encoding="utf-8", newline="", closefd=False) as fh:
        yield fh
