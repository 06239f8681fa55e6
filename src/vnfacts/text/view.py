"""The text a document's rules run over: NFC, lines, a folded copy, tokens on demand.

Tokens (tokens.py) are computed lazily, one line or one window at a time, only where a rule
needs them: most of a document is never tokenized at all, which keeps extraction faster than
segmenting the whole text.
"""
from __future__ import annotations

import unicodedata

import regex

from .fold import fold_for_matching
from .line import Line
from .tokens import syllable_tokens


def nfc(text: str) -> str:
    """Compose the text to NFC: every offset the user sees points into this form."""
    return unicodedata.normalize("NFC", text)


_LINE = regex.compile(r"[^\n]+")
#: Lines longer than this are cut at a space into pieces (a 30 MB one-line file stays bounded).
MAX_LINE = 5000


def split_long(start: int, end: int, text: str) -> list[tuple[int, int]]:
    """Cut [start, end) into pieces of at most MAX_LINE characters, at spaces where possible.

    >>> split_long(0, 12, "ab cd ef gh ")  # short lines stay whole
    [(0, 12)]
    """
    pieces = []
    while end - start > MAX_LINE:
        cut = text.rfind(" ", start + MAX_LINE // 2, start + MAX_LINE)
        cut = cut if cut > start else start + MAX_LINE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


class TextView:
    """A document's NFC text, split in lines, tokenized on demand and cached per line."""

    def __init__(self, text: str):
        self.text = text
        self._folded: str | None = None
        self._lines = [piece for m in _LINE.finditer(text) for piece in split_long(m.start(), m.end(), text)]
        self._bounds: dict[int, tuple[frozenset[int], frozenset[int]]] = {}  # by run start
        self._line_views: dict[int, Line] = {}

    @property
    def folded(self) -> str:
        """The text folded for matching (tone placement, dashes, quotes, spaces), same length:
        rules search this, facts are cut from `text`."""
        if self._folded is None:
            self._folded = fold_for_matching(self.text)
        return self._folded

    @property
    def lines(self) -> list[tuple[int, int]]:
        """(start, end) of every non-empty line."""
        return self._lines

    def _chunk(self, pos: int) -> tuple[int, int]:
        """The run of non-space characters holding `pos` (underthesea tokens never hold spaces,
        so tokenizing a run alone gives exactly the tokens the whole line would)."""
        text = self.text
        start = pos
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        end = pos
        while end < len(text) and not text[end].isspace():
            end += 1
        return start, end

    def _boundaries(self, pos: int) -> tuple[frozenset[int], frozenset[int]]:
        start, end = self._chunk(pos)
        if start not in self._bounds:
            run = self.text[start:end]
            if run.isalpha() or run.isdecimal():  # most runs: one syllable or one number
                self._bounds[start] = (frozenset((start,)), frozenset((end,)))
                return self._bounds[start]
            toks = syllable_tokens(run, start)
            ends = {t.end for t in toks}
            # "USD." and "I." are single abbreviation tokens; the word still ends before the dot.
            ends.update(t.end - 1 for t in toks if len(t.text) > 1 and t.text.endswith("."))
            self._bounds[start] = (frozenset(t.start for t in toks), frozenset(ends))
        return self._bounds[start]

    def on_token_boundaries(self, start: int, end: int) -> bool:
        """True when [start, end) begins at a token's start and ends at a token's end.

        An edge at a space (or the text's edge) is always a token's edge; only an edge inside a
        space-delimited run needs that run tokenized, once.
        """
        text = self.text
        if end <= start or start >= len(text) or text[start].isspace() or text[end - 1].isspace():
            return False
        if start > 0 and not text[start - 1].isspace() and start not in self._boundaries(start)[0]:
            return False
        return end == len(text) or text[end].isspace() or end in self._boundaries(end - 1)[1]

    def line(self, index: int) -> Line:
        """Line `index` as a normalizer sees it (line.py), made once and shared by every rule."""
        if index not in self._line_views:
            start, end = self._lines[index]
            self._line_views[index] = Line(self.text[start:end], self.folded[start:end])
        return self._line_views[index]
