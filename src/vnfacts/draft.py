"""A document on its way through the pipeline: what each stage reads and what it leaves.

The stages (extractor.DEFAULT_STAGES) run in order, each taking the `Draft` and filling its
part of it; a later stage reads what earlier ones left and never redoes their decisions.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable

from .model import Fact
from .rules.loader import RuleSet
from .text import TextView


@dataclass
class Draft:
    """A document under construction."""

    view: TextView
    ruleset: RuleSet
    published: date | None  # the reference date for partial and relative dates
    published_given: bool  # True when the caller gave the date: never replaced by detection
    byline: tuple[int, int] | None = None  # the span of the closing line of authors, if any
    candidates: list = field(default_factory=list)  # every rule match (rules/match.py Candidate)
    facts: list[Fact] = field(default_factory=list)  # what resolve kept: final
    meta: dict[str, Any] = field(default_factory=dict)  # document keys: authors, people

    @property
    def text(self) -> str:
        return self.view.text


#: A pipeline stage: reads the draft, fills its own part of it.
Stage = Callable[[Draft], None]
