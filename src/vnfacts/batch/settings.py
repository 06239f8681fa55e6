"""The settings of a batch run that decide what is read and how (one frozen object, passed along).

>>> s = Settings(globs=("*.txt",), max_bytes=1000)
>>> s.text_field, s.max_bytes, s.max_depth
('text', 1000, 4)
"""
from __future__ import annotations

from dataclasses import dataclass

from .limits import DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH


@dataclass(frozen=True)
class Settings:
    """Filters, JSON Lines field names and limits.

    - `globs`: keep only documents whose path (inside its folder or archive) matches one;
    - `text_field`, `id_field`, `published_field`: the keys of a JSON Lines record;
    - `max_bytes`: the largest document (or JSON line, or archive nested in a stream) read;
    - `max_depth`: how many archives deep to read.
    """

    globs: tuple[str, ...] = ()
    text_field: str = "text"
    id_field: str = "id"
    published_field: str = "published"
    max_bytes: int = DEFAULT_MAX_BYTES
    max_depth: int = DEFAULT_MAX_DEPTH
