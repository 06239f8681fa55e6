"""Document stages: work on the whole document before and after the rules run.

A stage is a function taking the `Draft` of a document and changing it in place:
- `before` stages see the text before any rule runs (e.g. finding the publication date, the
  reference every partial or relative date is resolved against);
- `after` stages see the resolved facts (e.g. merging mentions of the same person, bylines).
Register one with `@stage("before")` or `@stage("after")`; modules listed in `BUILTIN_STAGES`
are imported when the first Extractor is built.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable

from ..model import Fact
from ..text import TextView

BUILTIN_STAGES: tuple[str, ...] = ("header", "people")


@dataclass
class Draft:
    """A document under construction."""

    view: TextView
    published: date | None
    published_given: bool  # True when the caller gave the date: never replaced by detection
    facts: list[Fact] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.view.text


StageFn = Callable[[Draft], None]
BEFORE: list[StageFn] = []
AFTER: list[StageFn] = []


def stage(when: str) -> Callable[[StageFn], StageFn]:
    if when not in ("before", "after"):
        raise ValueError("a stage runs 'before' or 'after' the rules")

    def register(fn: StageFn) -> StageFn:
        target = BEFORE if when == "before" else AFTER
        if fn not in target:
            target.append(fn)
        return fn

    return register


def load_builtin() -> None:
    for name in BUILTIN_STAGES:
        importlib.import_module(f"{__name__}.{name}")
