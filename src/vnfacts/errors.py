"""Errors a user can cause, each printed as one line by the CLI (never a traceback)."""
from __future__ import annotations

from typing import Iterable

#: Exit codes of every command (README): done; some input failed; usage or rule errors; Ctrl-C.
EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class VnfactsError(Exception):
    """Base class: the message is the whole story, fit for one line on stderr."""


class InputError(VnfactsError):
    """An input could not be read or decoded (exit code 1; other inputs go on). `kind` is the
    error kind of a batch error record (batch/records.py: decode, not_found, unreadable, too_large).

    >>> InputError("a.txt: no such file", kind="not_found").kind, InputError("x: binary").kind
    ('not_found', 'decode')
    """

    def __init__(self, message: str, kind: str = "decode"):
        super().__init__(message)
        self.kind = kind

    def __reduce__(self):  # pickled with its kind (worker processes)
        return type(self), (str(self), self.kind)


class ProblemsError(VnfactsError):
    """Every problem found in a file a user wrote, one line each; the CLI prints them and exits 2.

    >>> err = ProblemsError(["a.yaml:3: unknown key 'paterns'", "a.yaml:9: bad regex"])
    >>> err.problems[1], str(err).count("\\n")
    ('a.yaml:9: bad regex', 1)
    """

    def __init__(self, problems: Iterable[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))

    def __reduce__(self):  # pickled (to and from worker processes) as its list, not its message
        return type(self), (self.problems,)


class RuleError(ProblemsError):
    """Problems in rule files, each `path:line: rule <id>: what is wrong` (exit 2)."""


class RuleTimeout(VnfactsError):
    """A rule's pattern ran past its time limit on a document."""
