"""Errors a user can cause, each printed as one line by the CLI (never a traceback)."""
from __future__ import annotations

#: Exit codes of every command (README): done; some input failed; usage or rule errors; Ctrl-C.
EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


class VnfactsError(Exception):
    """Base class: the message is the whole story, fit for one line on stderr."""


class InputError(VnfactsError):
    """An input could not be read or decoded (exit code 1; other inputs go on)."""


class RuleError(VnfactsError):
    """One or more problems in rule files, each `path:line: rule <id>: what is wrong` (exit 2)."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class RuleTimeout(VnfactsError):
    """A rule's pattern ran past its time limit on a document."""
