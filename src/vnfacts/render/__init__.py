"""Renderers: a Document (or several) to table, json, jsonl, csv, tsv or html on a text stream.

`vnfacts.render.html(doc)` is the highlighted view of one document as a page (render/html.py).
"""
from __future__ import annotations

from typing import Callable, Iterable, TextIO

from ..model import Document
from . import csv as csv_render
from . import html as html_render
from . import json as json_render
from . import table as table_render
from .html import html  # noqa: E402 - the function, as vnfacts.render.html

FORMATS = ("table", "json", "jsonl", "csv", "tsv", "html")

Renderer = Callable[[Iterable[Document], TextIO], None]


def renderer(fmt: str, *, explain: bool = False, many: bool | None = None, excel: bool = False,
             context: bool = False, color: str = "auto") -> Renderer:
    """The function that writes documents in `fmt` (one of FORMATS).

    `many`: json writes an array (else one object for one document); `excel`: csv starts with a
    byte-order mark; `context`: csv and tsv get a `context` column; `color`: the table's colour.
    """
    if fmt == "json":
        return lambda docs, out: json_render.write_json(docs, out, many=many)
    if fmt == "jsonl":
        return json_render.write_jsonl
    if fmt == "csv":
        return lambda docs, out: csv_render.write_csv(docs, out, excel=excel, context=context)
    if fmt == "tsv":
        return lambda docs, out: csv_render.write_tsv(docs, out, context=context)
    if fmt == "html":
        return html_render.write_html
    if fmt == "table":
        return lambda docs, out: table_render.write_tables(docs, out, explain=explain, color=color)
    raise ValueError(f"unknown format {fmt!r}")


__all__ = ["FORMATS", "Renderer", "html", "renderer"]
