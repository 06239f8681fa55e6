"""--resume: what a previous run already wrote, and the repair of a file cut off by a kill.

A killed run can leave its last line cut in the middle. JSON Lines: every complete line is a
finished document (or failure); a last line without its newline or not valid JSON is cut off.
CSV: the rows of the last document may be incomplete, so that document's rows are cut off
and it is done again. Either way nothing is duplicated. A source is counted as often as it
was written (JSON Lines ids may repeat), so each of its documents is skipped once.

>>> import tempfile, os
>>> tmp = tempfile.TemporaryDirectory(); path = os.path.join(tmp.name, "out.jsonl")
>>> _ = open(path, "w").write('{"source": "a.txt", "facts": []}\\n{"source": "b.t')
>>> sorted(prepare(path, "jsonl"))
['a.txt']
>>> open(path).read()
'{"source": "a.txt", "facts": []}\\n'
>>> tmp.cleanup()
"""
from __future__ import annotations

import csv
import json
import os
from collections import Counter

from ..errors import VnfactsError
from ..render.csv import COLUMNS


class ResumeError(VnfactsError):
    """The output file can't be resumed (another format, not our output)."""


def prepare(path: str, fmt: str, tally=None) -> Counter:
    """The sources already in `path`, each with how many documents it named (repaired in place);
    empty when it does not exist. `tally` (a report.Tally), when given, counts what the file
    keeps: documents, facts by type, and (JSON Lines) errors by kind."""
    if not os.path.exists(path):
        return Counter()
    return _jsonl(path, tally) if fmt == "jsonl" else _csv(path, tally)


def _jsonl(path: str, tally=None) -> Counter:
    done: Counter = Counter()
    keep = 0  # bytes of the file that are complete lines
    with open(path, "rb") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.endswith(b"\n"):
                break
            try:
                record = json.loads(line)
            except ValueError:
                record = None
            if not isinstance(record, dict) or not isinstance(record.get("source"), str):
                if fh.read(1):  # damage in the middle is not ours to repair
                    raise ResumeError(f"{path}:{lineno}: not a vnfacts JSON Lines record; cannot resume")
                break
            done[record["source"]] += 1
            keep += len(line)
            if tally is not None:
                _count(tally, record)
    _truncate(path, keep)
    return done


def _count(tally, record: dict) -> None:
    error = record.get("error")
    facts = record.get("facts") if isinstance(record.get("facts"), list) else []
    tally.add_counts({"documents": 1, "failed": int(isinstance(error, dict)),
                      "facts": Counter(f.get("type") for f in facts if isinstance(f, dict)),
                      "errors": {error.get("kind"): 1} if isinstance(error, dict) else {}})


def _csv(path: str, tally=None) -> Counter:
    done: Counter = Counter()
    facts: Counter = Counter()  # of the document being read
    last_source, last_start = None, None
    offset, pending, pending_start = 0, b"", 0
    with open(path, "rb") as fh:
        header = fh.readline()
        if header and next(csv.reader([header.decode("utf-8", "replace")]), []) != COLUMNS:
            raise ResumeError(f"{path}: not a vnfacts CSV (its header differs); cannot resume")
        offset = len(header)
        for line in fh:
            if not pending:
                pending_start = offset
            pending += line
            offset += len(line)
            if pending.count(b'"') % 2 or not pending.endswith(b"\n"):
                continue  # a quoted cell goes on over the line end, or the row is cut
            row = next(csv.reader([pending.decode("utf-8", "replace")]), [""])
            source = row[0]
            pending = b""
            if source != last_source:
                if last_source is not None:
                    done[last_source] += 1
                    if tally is not None:
                        tally.add_counts({"documents": 1, "failed": 0, "facts": facts, "errors": {}})
                last_source, last_start, facts = source, pending_start, Counter()
            facts[row[2] if len(row) > 2 else ""] += 1
    if last_start is not None:  # the last document's rows may be incomplete: do it again
        _truncate(path, last_start)
    elif pending:
        _truncate(path, pending_start)
    return done


def _truncate(path: str, size: int) -> None:
    if os.path.getsize(path) != size:
        with open(path, "r+b") as fh:
            fh.truncate(size)
