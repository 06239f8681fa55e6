"""One line of a document, as a normalizer sees it: the narrow, lazy interface to the text.

A normalizer gets the line its match sits on, never the document: the line's text, its folded
copy (what the rules matched) and underthesea's words and POS tags on demand. Every offset is
counted from the line's start; the matcher turns them back into document offsets.
"""
from __future__ import annotations

from .tokens import Token, pos_tagged, word_tokens


class Line:
    """A line's text and folded copy, with underthesea's words computed when first asked.

    >>> line = Line("Ông Nguyễn Văn Đệ phát biểu")
    >>> [(w.text, w.tag) for w in line.tagged_words_around(4, 17)][:2]
    [('Ông', 'Nc'), ('Nguyễn Văn Đệ', 'Np')]
    >>> line.tagged_word_at(4).text
    'Nguyễn Văn Đệ'
    """

    __slots__ = ("text", "folded", "_words", "_windows")

    def __init__(self, text: str, folded: str | None = None):
        self.text = text
        self.folded = text if folded is None else folded  # same length as text
        self._words: dict[bool, list[Token]] = {}
        self._windows: dict[tuple[int, int], list[Token]] = {}

    def words(self, tagged: bool = False) -> list[Token]:
        """underthesea words of the whole line (POS-tagged on request), computed once."""
        if tagged not in self._words:
            self._words[tagged] = pos_tagged(self.text) if tagged else word_tokens(self.text)
        return self._words[tagged]

    def tagged_words_around(self, start: int, end: int, margin: int = 24) -> list[Token]:
        """POS-tagged words from `margin` characters before `start` to `margin` after `end`,
        cut at spaces: what a rule about a name needs, at a fraction of tagging the whole line.
        A short line is tagged whole, once."""
        text = self.text
        if len(text) <= (end - start) + 3 * margin:
            return self.words(tagged=True)
        lo = text.rfind(" ", 0, max(0, start - margin)) + 1
        hi = text.find(" ", min(len(text), end + margin))
        hi = len(text) if hi < 0 else hi
        if (lo, hi) not in self._windows:
            self._windows[lo, hi] = pos_tagged(text[lo:hi], lo)
        return self._windows[lo, hi]

    def tagged_word_at(self, pos: int) -> Token | None:
        """The POS-tagged word starting at `pos`, tagging only a few words around it (the
        CRF looks two words either side)."""
        for word in self.tagged_words_around(pos, pos, margin=16):
            if word.start == pos:
                return word
            if word.start > pos:
                break
        return None
