"""A loaded rule and its examples."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex


@dataclass(frozen=True)
class Example:
    """One example of a rule: `text` must give exactly the facts in `expected`.

    `whole` is the single-fact form (`fact:`): that fact must span all of `text` and come from
    the rule itself. The list form (`facts:`) checks every fact of the rule's type, in order.
    """

    text: str
    expected: tuple[dict[str, Any], ...]
    whole: bool
    line: int
    published: str | None = None


@dataclass(frozen=True)
class Negative:
    text: str
    line: int
    published: str | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    type: str
    pattern: str  # as written in the file
    compiled: regex.Pattern
    priority: int
    normalizer: str
    examples: tuple[Example, ...]
    negatives: tuple[Negative, ...]
    path: Path
    line: int
    description: str = ""
    # Known misses: examples the rule should pass but does not yet, run as strict xfails.
    misses: tuple[Example, ...] = ()
    # Optional context matched only where `compiled` matched: `prefix` must end right where
    # the match starts (it may be empty; if it cannot match, the match is refused), `suffix`
    # may extend it. Keeping optional context out of the main pattern keeps the scan fast.
    prefix: regex.Pattern | None = None
    suffix: regex.Pattern | None = None
    # A cheap pattern a line must contain for the rule to run on it at all (e.g. "%").
    requires: regex.Pattern | None = None
    # A cheap pattern matching wherever a match of the rule can start (e.g. a digit or a
    # spelled number for amounts): the rule is tried only there, not at every position.
    anchor: regex.Pattern | None = None

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"
