"""Renderers: a Document (or several) to table, json, jsonl or csv on a text stream."""
from __future__ import annotations

from typing import Callable, Iterable, TextIO

from ..model import Document
from . import csv as csv_render
from . import json as json_render
from . import table as table_render

FORMATS = ("table", "json", "jsonl", "csv")

Renderer = Callable[[Iterable[Document], TextIO], None]


def renderer(fmt: str, *, explain: bool = False) -> Renderer:
    """The function that writes documents in `fmt` (one of FORMATS)."""
    if fmt == "json":
        return json_render.write_json
    if fmt == "jsonl":
        return json_render.write_jsonl
    if fmt == "csv":
        return csv_render.write_csv
    if fmt == "table":
        return lambda docs, out: table_render.write_tables(docs, out, explain=explain)
    raise ValueError(f"unknown format {fmt!r}")
