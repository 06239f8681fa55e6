"""What flows through a batch run: an `Item` read from an input, a `Failure` when it can't be done.

An item carries the raw bytes of a file or archive member (decoded later, in a worker) or the
text of a JSON Lines record. An item that could not even be read carries its failure instead,
so errors travel in input order with the documents.

>>> Failure("a.zip!x.txt", "too_large", "a.zip!x.txt: larger than 10 bytes").to_dict()["error"]["kind"]
'too_large'
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: Every error kind a batch run can report, with what it means (docs/batch.md lists them too).
ERROR_KINDS = {
    "not_found": "the input path does not exist",
    "unreadable": "the file or archive member could not be read (permissions, broken link, I/O)",
    "too_large": "the document is over the size limit (--max-bytes)",
    "decode": "binary or undecodable bytes",
    "archive": "a corrupt, encrypted or too deeply nested archive",
    "bad_json": "a JSON Lines record that is not valid JSON",
    "missing_text": "a JSON Lines record without a string in the text field",
    "bad_record": "a JSON Lines record that is not an object or has an invalid published date",
    "rule_timeout": "a rule ran past its time limit on the document",
    "timeout": "the document took longer than --doc-timeout seconds; its worker was stopped",
    "internal": "an unexpected error inside vnfacts (a bug: please report it)",
}


@dataclass(frozen=True, slots=True)
class Failure:
    """A document that could not be processed; the run goes on.

    >>> Failure("dump.jsonl:3", "bad_json", "dump.jsonl:3: not valid JSON").to_dict()
    {'source': 'dump.jsonl:3', 'error': {'kind': 'bad_json', 'message': 'dump.jsonl:3: not valid JSON'}}
    """

    source: str
    kind: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "error": {"kind": self.kind, "message": self.message}}


@dataclass(frozen=True, slots=True)
class Item:
    """One document to process: bytes to decode, or a record's text; or the failure to read it.

    >>> Item("a.txt", b"T\\xc3\\xa2y").failure is None
    True
    """

    source: str
    data: bytes | str | None = None
    published: Any = None
    failure: Failure | None = None

    @classmethod
    def failed(cls, source: str, kind: str, message: str) -> "Item":
        """An item whose reading already failed.

        >>> Item.failed("x.zip", "archive", "x.zip: not a zip file").failure.kind
        'archive'
        """
        return cls(source, failure=Failure(source, kind, message))


@dataclass(frozen=True, slots=True)
class Span:
    """A slice of one archive or dump, so that one big input can be cut into many tasks.

    `first` is the 0-based index of the first member (zip, tar: every entry counts, folders
    included) or line (JSON Lines: line `first + 1`); `count` how many (None: to the end).
    `offset`, when not 0, is the byte offset where member or line `first` starts, so a reader
    can seek there (plain tar, plain JSON Lines) instead of reading past what comes before.

    >>> Span(10, 5).stop, Span(10).stop
    (15, None)
    """

    first: int = 0
    count: int | None = None
    offset: int = 0

    @property
    def stop(self) -> int | None:
        return None if self.count is None else self.first + self.count
