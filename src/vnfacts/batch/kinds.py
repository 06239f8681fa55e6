"""What a file name says it holds: a text document, an archive, a JSON Lines dump, or nothing.

>>> [kind_of(n) for n in ["a.TXT", "b.html", "c.tar.gz", "d.tgz", "e.zip", "f.jsonl.gz", "g.ndjson", "h.pdf", "i.shtml"]]
['text', 'text', 'tar', 'tar', 'zip', 'jsonl', 'jsonl', None, 'text']
"""
from __future__ import annotations

from pathlib import PurePosixPath
from typing import Sequence

from ..input.decode import HTML_SUFFIXES

TEXT_SUFFIXES = (".txt", ".text") + HTML_SUFFIXES
TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
ZIP_SUFFIXES = (".zip",)
ARCHIVE_KINDS = ("zip", "tar", "jsonl")


def kind_of(name: str) -> str | None:
    """"text", "zip", "tar" or "jsonl" from the name's ending; None for anything else."""
    lower = name.lower()
    for kind, suffixes in (("jsonl", JSONL_SUFFIXES), ("tar", TAR_SUFFIXES), ("zip", ZIP_SUFFIXES),
                           ("text", TEXT_SUFFIXES)):
        if lower.endswith(suffixes):
            return kind
    return None


def classify(relative: str, globs: Sequence[str]) -> tuple[str | None, str | None]:
    """A file found in a folder or an archive: its kind, or None and why it is skipped.

    >>> classify("2024/a.txt", ["2024/*"]), classify("b.txt", ["2024/*"]), classify("c.pdf", [])
    (('text', None), (None, 'not matching --glob'), (None, 'unknown extension'))
    """
    kind = kind_of(relative)
    if kind is None:
        return None, "unknown extension"
    if kind == "text" and not wanted(relative, globs):
        return None, "not matching --glob"
    return kind, None


def is_gzip_name(name: str) -> bool:
    """True for a gzip-compressed JSON Lines name.

    >>> is_gzip_name("dump.jsonl.gz"), is_gzip_name("dump.jsonl")
    (True, False)
    """
    return name.lower().endswith(".gz")


def wanted(relative: str, globs: Sequence[str]) -> bool:
    """True when no --glob is given or one matches the path (matched from the right, like pathlib).

    >>> wanted("2024/05/a.txt", ["*.txt"]), wanted("2024/05/a.html", ["2024/*/*.txt"])
    (True, False)
    """
    if not globs:
        return True
    path = PurePosixPath(relative.replace("\\", "/"))
    return any(path.match(g) for g in globs)
