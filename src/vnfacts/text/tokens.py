"""underthesea's tokens with character offsets: syllables, CRF words and POS tags.

underthesea does two jobs here:
- its syllable tokenizer (the regex stage of `word_tokenize`) decides token boundaries: a match
  must start and end on one, so "320" inside "A320" or "19" inside "COVID-19" is never a number;
- its CRF word segmenter and POS tagger give words and tags (for names of people).

We call its models ourselves, not `word_tokenize()` or `pos_tag()`, to keep every token's span.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

import regex

from .native import quiet_native


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


_SPACES = regex.compile(r" {2,}")


def crf_text(token: str) -> str:
    """A token's text as the CRF featurizer gets it: runs of spaces made one, none at the ends.

    underthesea_core's featurizer splits a token at spaces and panics on an empty piece: a
    word joined across a double space ("Nguyễn  Văn", from text typed with two spaces), or a
    token with a space at an end. One space between syllables is how its models were trained.
    Offsets are never taken from this text, only tags.

    >>> crf_text("Nguyễn  Văn   An"), crf_text(" 1 "), crf_text("Chủ tịch")
    ('Nguyễn Văn An', '1', 'Chủ tịch')
    """
    return _SPACES.sub(" ", token).strip(" ")


def _predict(model, tokens: list[Token]) -> list[str] | None:
    """The CRF's tags, or None if underthesea's Rust core refuses the input.

    Tokens go in as `crf_text` makes them, which is what keeps the featurizer from panicking.
    Should a panic happen anyway (a BaseException from pyo3), it costs one line its words,
    never the document, and its text never reaches stderr (native.py).
    """
    features = [[crf_text(t.text) or "_"] for t in tokens]
    try:
        return quiet_native(lambda: model.predict(features))
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
