"""The text a document's rules run over: NFC, lines, a folded copy, tokens on demand.

Tokens (tokens.py) are computed lazily, one line or one window at a time, only where a rule
needs them: most of a document is never tokenized at all, which keeps extraction faster than
segmenting the whole text. A line too long to be one unit (a one-line dump) is cut into pieces
that overlap (split_long), and what is cached for a line is dropped once its rules are done.
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
#: Lines longer than this are cut into pieces that own at most MAX_LINE characters each, so a
#: 50 MB one-line file costs what the same text in lines costs.
MAX_LINE = 8000
#: Characters a piece reads past each edge of the part it owns: facts (160 characters at most in
#: the corpus), rule prefixes (80) and the CRF's windows (48) fit in it many times over.
OVERLAP = 400
#: Where a cut line is best cut: after a sentence's end, before the next sentence's capital.
_SENTENCE_END = regex.compile(r"[.!?…;][ \t\u00a0]+(?=[\p{Lu}\d\"“'‘(\[])")


def split_long(start: int, end: int, text: str) -> list[tuple[int, int, int, int]]:
    """The pieces of the line [start, end): (piece start, piece end, own start, own end).

    The own parts partition the line: each at most MAX_LINE characters, cut after a sentence's
    end where there is one in the last half of it, else after a space, else anywhere. A piece
    is its own part with up to OVERLAP characters of context either side (edges at spaces), so
    a match that starts near a cut is found whole, and it is kept by the one piece that owns
    its start: never lost, never doubled.

    >>> split_long(0, 12, "ab cd ef gh ")  # short lines stay whole
    [(0, 12, 0, 12)]
    >>> text = "Câu một. " * 2000
    >>> pieces = split_long(0, len(text), text)
    >>> [own for *_, own in pieces][:-1] == [s for _, _, s, _ in pieces][1:]  # the own parts meet
    True
    >>> all(text[s - 2:s] == ". " and text[s].isupper() for _, _, s, _ in pieces[1:])  # cut at sentences
    True
    """
    if end - start <= MAX_LINE:
        return [(start, end, start, end)]
    cuts = [start]
    while end - cuts[-1] > MAX_LINE:
        cuts.append(_cut(text, cuts[-1], cuts[-1] + MAX_LINE))
    cuts.append(end)
    return [(_context_start(text, start, a), _context_end(text, end, b), a, b) for a, b in zip(cuts, cuts[1:])]


def _cut(text: str, lo: int, hi: int) -> int:
    """Where to end a part that starts at `lo` and may reach `hi`."""
    last = None
    for last in _SENTENCE_END.finditer(text, lo + MAX_LINE // 2, hi):
        pass
    if last is not None:
        return last.end()
    space = text.rfind(" ", lo + MAX_LINE // 2, hi)
    return space + 1 if space >= 0 else hi


def _context_start(text: str, line_start: int, own: int) -> int:
    if own - OVERLAP <= line_start:
        return line_start
    space = text.rfind(" ", max(line_start, own - 2 * OVERLAP), own - OVERLAP)
    return space + 1 if space >= 0 else own - OVERLAP


def _context_end(text: str, line_end: int, own: int) -> int:
    if own + OVERLAP >= line_end:
        return line_end
    space = text.find(" ", own + OVERLAP, min(line_end, own + 2 * OVERLAP))
    return space if space >= 0 else own + OVERLAP


class TextView:
    """A document's NFC text, split in lines, tokenized on demand and cached per line."""

    def __init__(self, text: str):
        self.text = text
        self._folded: str | None = None
        pieces = [piece for m in _LINE.finditer(text) for piece in split_long(m.start(), m.end(), text)]
        self._lines = [(a, b) for a, b, _, _ in pieces]
        self._segments = [(a, b) for _, _, a, b in pieces]
        del pieces
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
        """(start, end) of every non-empty line, as rules scan it: a piece of a line over
        MAX_LINE characters, with its context (see split_long)."""
        return self._lines

    @property
    def segments(self) -> list[tuple[int, int]]:
        """(start, end) of the part of each of `lines` that it owns: a fact belongs to the
        line whose segment holds its start. The segments partition the text's non-empty lines;
        for a line of at most MAX_LINE characters, the segment is the line."""
        return self._segments

    def done_with(self, index: int) -> None:
        """Line `index` is finished: forget what was cached for it (memory stays flat however
        long the document)."""
        self._line_views.pop(index, None)
        self._bounds.clear()

    def release(self) -> None:
        """The rules are done with this text: drop the folded copy and the caches."""
        self._folded = None
        self._line_views.clear()
        self._bounds.clear()

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
