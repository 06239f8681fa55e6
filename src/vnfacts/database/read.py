"""Reading batch output for a load: JSON Lines files (`.jsonl`, `.jsonl.gz`) and a cluster run's
folder of parts, line by line, each line checked to be a vnfacts record.

A line that is not vnfacts output is a `NotVnfactsOutput` naming the file and the line: the
build checks every line before it writes anything (load.py), so nothing is half-written.

>>> check_record({"source": "a.txt", "published": None, "facts": []})
>>> check_record({"id": 3, "text": "..."})
'not vnfacts output: no "source" (is it an article dump? vnfacts batch reads those)'
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator

from ..errors import VnfactsError

_FACT_KEYS = (("type", str), ("text", str), ("start", int), ("end", int), ("rule", str))


class NotVnfactsOutput(VnfactsError):
    """An input line or file that is not `vnfacts batch` output (exit code 2)."""


@dataclass(frozen=True, slots=True)
class Line:
    """One record of an input: where it is (`file:line`), its digest and the record itself."""

    where: str
    digest: str
    record: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Run:
    """What made an input file, from its manifest (None when there is none)."""

    version: str | None = None
    rules_hash: str | None = None


def input_files(inputs: list[str]) -> list[Path]:
    """The JSON Lines files of the inputs: files as given; a folder's `part-*.jsonl.gz` (a cluster
    run's output, in part order), else its `*.jsonl` and `*.jsonl.gz` files sorted by name.

    >>> input_files(["/no/such.jsonl"])
    Traceback (most recent call last):
    vnfacts.database.read.NotVnfactsOutput: /no/such.jsonl: no such file or folder
    """
    files: list[Path] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            parts = sorted(path.glob("part-*.jsonl.gz"), key=lambda p: (len(p.name), p.name))
            found = parts or sorted(p for p in path.iterdir() if p.name.endswith((".jsonl", ".jsonl.gz", ".ndjson"))
                                    and not p.name.startswith(("_", ".")))
            if not found:
                raise NotVnfactsOutput(f"{name}: a folder with no part-*.jsonl.gz or *.jsonl files")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise NotVnfactsOutput(f"{name}: no such file or folder")
    return files


def run_of(path: Path) -> Run:
    """The vnfacts version and rules hash of the run that wrote `path`: `FILE.manifest.json`
    beside a file, `_manifest.json` in a cluster run's folder."""
    for manifest in (Path(f"{path}.manifest.json"), path.parent / "_manifest.json"):
        try:
            run = json.loads(manifest.read_text(encoding="utf-8")).get("run") or {}
        except (OSError, ValueError, AttributeError):
            continue
        return Run(run.get("vnfacts"), run.get("rules"))
    return Run()


def lines(path: Path) -> Iterator[Line]:
    """The records of one file, in order; raises NotVnfactsOutput at the first bad line.

    Blank lines are passed over. Decimals are read exactly (`parse_float=Decimal`).
    """
    try:
        with _open(path) as stream:
            for number, raw in enumerate(stream, 1):
                raw = raw.strip()
                if not raw:
                    continue
                where = f"{path}:{number}"
                try:
                    record = json.loads(raw, parse_float=Decimal)
                except ValueError as exc:
                    raise NotVnfactsOutput(f"{where}: not vnfacts output: not valid JSON ({exc})") from None
                problem = check_record(record)
                if problem:
                    raise NotVnfactsOutput(f"{where}: {problem}")
                yield Line(where, hashlib.blake2b(raw, digest_size=16).hexdigest(), record)
    except (OSError, EOFError, UnicodeDecodeError) as exc:  # gzip.BadGzipFile is an OSError
        raise NotVnfactsOutput(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None


def _open(path: Path):
    with open(path, "rb") as probe:
        gzipped = probe.read(2) == b"\x1f\x8b"
    return gzip.open(path, "rb") if gzipped else open(path, "rb")


def check_record(record: Any) -> str | None:
    """Why `record` is not a vnfacts batch record (None: it is one).

    >>> check_record({"source": "x", "error": {"kind": "decode", "message": "x: binary"}})
    >>> check_record({"source": "x", "facts": [{"type": "money", "text": "5 tỷ", "start": 0}]})
    'not vnfacts output: fact 1 has no "end"'
    >>> check_record([1, 2])
    'not vnfacts output: a JSON array, not a record object'
    """
    if not isinstance(record, dict):
        return f"not vnfacts output: a JSON {_kind(record)}, not a record object"
    if not isinstance(record.get("source"), str):
        hint = " (is it an article dump? vnfacts batch reads those)" if "text" in record else ""
        return f'not vnfacts output: no "source"{hint}'
    error = record.get("error")
    if error is not None:
        if isinstance(error, dict) and isinstance(error.get("kind"), str):
            return None
        return 'not vnfacts output: "error" is not {"kind", "message"}'
    facts = record.get("facts")
    if not isinstance(facts, list):
        return 'not vnfacts output: no "facts" list'
    for i, fact in enumerate(facts, 1):
        if not isinstance(fact, dict):
            return f"not vnfacts output: fact {i} is not an object"
        for key, kind in _FACT_KEYS:
            if not isinstance(fact.get(key), kind):
                return f'not vnfacts output: fact {i} has no "{key}"'
        if "value" not in fact:
            return f'not vnfacts output: fact {i} has no "value"'
    return None


def _kind(value: Any) -> str:
    return {list: "array", str: "string", int: "number", float: "number", Decimal: "number", bool: "boolean",
            type(None): "null"}.get(type(value), type(value).__name__)


def size(paths: list[Path]) -> int:
    """The inputs' bytes on disk, for the build's report."""
    return sum(os.path.getsize(p) for p in paths)
