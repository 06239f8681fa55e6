"""The one "did you mean" of every message that names something unknown (a key, a fact type).

>>> did_you_mean("paterns", ["pattern", "priority"])
" (did you mean 'pattern'?)"
>>> did_you_mean("zzz", ["pattern", "priority"])
''
"""
from __future__ import annotations

import difflib
from typing import Iterable


def closest(word: str, choices: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """The choice nearest to `word` (difflib's ratio of at least `cutoff`), or None.

    >>> closest("mony", ["date", "money", "percent"]), closest("xyz", ["date", "money"])
    ('money', None)
    """
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return close[0] if close else None


def did_you_mean(word: str, choices: Iterable[str], *, cutoff: float = 0.6) -> str:
    """" (did you mean 'x'?)" for the choice nearest to `word`, or "" when none is near.

    A higher `cutoff` asks for a closer likeness (a gold file takes an unknown key for a
    misspelling only at 0.75):

    >>> did_you_mean("curency", {"currency", "unit"}, cutoff=0.75)
    " (did you mean 'currency'?)"
    >>> did_you_mean("review", {"text", "facts", "ignore"}, cutoff=0.75)
    ''
    """
    near = closest(word, choices, cutoff=cutoff)
    return f" (did you mean '{near}'?)" if near else ""
