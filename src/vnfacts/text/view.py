"""The text a document's rules run over, with underthesea's tokens mapped to character offsets.

underthesea does two jobs here:
- its syllable tokenizer (the regex stage of `word_tokenize`) decides token boundaries: a match
  must start and end on one, so "320" inside "A320" or "19" inside "COVID-19" is never a number;
- its CRF word segmenter and POS tagger give words and tags (for names of people).

Both run lazily, one line at a time, only on the lines a rule needs: most of a document is
never tokenized at all, which keeps extraction faster than segmenting the whole text.
"""
from __future__ import annotations

import bisect
import os
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from .fold import fold_for_matching


def nfc(text: str) -> str:
    """Compose the text to NFC: every offset the user sees points into this form."""
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    tag: str | None = None


@lru_cache(maxsize=1)
def _syllable_pattern():
    # underthesea's own tokenizer regex (numbers, codes, URLs, abbreviations, words, punctuation).
    # We call it ourselves to keep each token's span; `tokenize()` returns only strings.
    from underthesea.pipeline.word_tokenize import regex_tokenize

    return regex_tokenize.patterns


def syllable_tokens(line: str, offset: int = 0) -> list[Token]:
    """underthesea's syllable tokens of one line, with offsets.

    >>> [t.text for t in syllable_tokens("Chi 1.250,5 tỷ đồng cho A320")]
    ['Chi', '1.250,5', 'tỷ', 'đồng', 'cho', 'A320']
    """
    return [
        Token(m.group(), m.start() + offset, m.end() + offset)
        for m in _syllable_pattern().finditer(line)
    ]


@lru_cache(maxsize=2)
def _crf_model(pipeline: str, name: str):
    """One of underthesea's CRF models on its fast (Rust) featurizer, loaded once.

    We call the models ourselves, not word_tokenize() or pos_tag(), to feed them our own
    tokens and keep every token's offsets.
    """
    import importlib

    from underthesea.models.fast_crf_sequence_tagger import FastCRFSequenceTagger

    package = importlib.import_module(f"underthesea.pipeline.{pipeline}")
    model = FastCRFSequenceTagger()
    model.load(os.path.join(os.path.dirname(package.__file__), "models", name))
    return model


def _word_model():
    """The word segmentation model word_tokenize uses."""
    return _crf_model("word_tokenize", "ws_crf_vlsp2013_20230727")


def _pos_model():
    """The POS model of pos_tag(..., model="v2.0")."""
    return _crf_model("pos_tag", "pos_crf_vlsp2013_20230303")


def word_tokens(line: str, offset: int = 0) -> list[Token]:
    """underthesea's CRF word segmentation of one line, with offsets.

    >>> [t.text for t in word_tokens("Phó Chủ tịch UBND tỉnh Nghệ An")]
    ['Phó', 'Chủ tịch', 'UBND', 'tỉnh', 'Nghệ An']
    """
    return _join_words(line, offset, syllable_tokens(line, offset))


def _predict(model, tokens: list[Token]) -> list[str] | None:
    """The CRF's tags, or None if underthesea's Rust core refuses the input.

    underthesea_core panics (a BaseException) on some tokens, e.g. an empty one; a panic must
    cost one line its words, never the document.
    """
    try:
        return model.predict([[t.text] for t in tokens])
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # noqa: B036 - pyo3's PanicException derives from BaseException
        return None


def _join_words(line: str, offset: int, syllables: list[Token]) -> list[Token]:
    syllables = [t for t in syllables if t.text.strip()]
    if not syllables:
        return []
    tags = _predict(_word_model(), syllables)
    if tags is None:
        return syllables
    words: list[Token] = []
    for tag, syl in zip(tags, syllables):
        if tag == "I-W" and words:
            prev = words[-1]
            words[-1] = Token(line[prev.start - offset : syl.end - offset], prev.start, syl.end)
        else:
            words.append(syl)
    return words


def pos_tagged(line: str, offset: int = 0) -> list[Token]:
    """Words of one line with underthesea's POS tags (Np = proper noun, N = noun, M = number...).

    >>> [(t.text, t.tag) for t in pos_tagged("Ông Nguyễn Văn Đệ phát biểu")][:2]
    [('Ông', 'Nc'), ('Nguyễn Văn Đệ', 'Np')]
    """
    return _tag(word_tokens(line, offset))


def _tag(words: list[Token]) -> list[Token]:
    if not words:
        return []
    tags = _predict(_pos_model(), words)
    if tags is None:
        return words
    return [Token(w.text, w.start, w.end, tag[2:] if tag.startswith(("B-", "I-")) else tag)
            for w, tag in zip(words, tags)]


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
        self._line_starts = [s for s, _ in self._lines]
        self._bounds: dict[int, tuple[frozenset[int], frozenset[int]]] = {}  # by run start
        self._words: dict[tuple[int, bool], list[Token]] = {}
        self._windows: dict[tuple[int, int], list[Token]] = {}

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

    def line_of(self, pos: int) -> int:
        """Index of the line holding character `pos`."""
        return max(0, bisect.bisect_right(self._line_starts, pos) - 1)

    def line_span(self, index: int) -> tuple[int, int]:
        return self._lines[index]

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

    def tagged_word_at(self, pos: int) -> Token | None:
        """The POS-tagged underthesea word starting at `pos`, tagging only a window of a few
        words around it (the CRF looks two words either side)."""
        for word in self.tagged_words_around(pos, pos, margin=16):
            if word.start == pos:
                return word
            if word.start > pos:
                break
        return None

    def tagged_words_around(self, start: int, end: int, margin: int = 24) -> list[Token]:
        """POS-tagged underthesea words of the text from `margin` characters before `start`
        to `margin` after `end` (cut at spaces, within the line): what a rule about a name
        needs, at a fraction of tagging the whole line. A short line is tagged whole, once."""
        index = self.line_of(start)
        line_start, line_end = self._lines[index]
        if line_end - line_start <= (end - start) + 3 * margin:
            return self.words(index, tagged=True)
        text = self.text
        lo = text.rfind(" ", line_start, max(line_start, start - margin)) + 1
        lo = max(lo, line_start)
        hi = text.find(" ", min(line_end, end + margin), line_end)
        hi = line_end if hi < 0 else hi
        key = (lo, hi)
        if key not in self._windows:
            self._windows[key] = pos_tagged(text[lo:hi], lo)
        return self._windows[key]

    def words(self, index: int, tagged: bool = False) -> list[Token]:
        """underthesea words (optionally POS-tagged) of line `index`, with document offsets.

        Computed once per line and document: every rule that asks shares the result.
        """
        key = (index, tagged)
        if key not in self._words:
            start, end = self._lines[index]
            line = self.text[start:end]
            self._words[key] = pos_tagged(line, start) if tagged else word_tokens(line, start)
        return self._words[key]

