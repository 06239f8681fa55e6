"""The sentence a fact sits in (`extract --context`): for checking a figure against its claim.

A sentence ends at a line end, or at ".", "!", "?", "…" or ";" followed by spaces and a
capital letter, a digit or an opening quote; a dot after a common abbreviation ("TP.", "TS.")
or inside a number ("1.250,5") ends nothing. A sentence longer than MAX_CONTEXT characters is
cut at spaces around the fact. The fact's own span is never cut.

>>> text = "Năm 2024, tỉnh thu 12 tỷ đồng. TP. Huế chi 3 tỷ đồng cho 1.250 hộ!\\nDòng sau."
>>> sentence_span(text, text.index("3 tỷ"), text.index("3 tỷ") + 8)
(31, 66)
>>> text[31:66]
'TP. Huế chi 3 tỷ đồng cho 1.250 hộ!'
"""
from __future__ import annotations

import regex

#: The longest context given; longer sentences (tables, lists run together) are cut around the fact.
MAX_CONTEXT = 400
_END = regex.compile(r"[.!?…;]+(?=[ \t\u00a0]+[\p{Lu}\d\"“'‘(\[])|\n")
#: Abbreviations whose dot ends no sentence (as written in news: TP. Hồ Chí Minh, TS. Lê An).
_ABBREVIATIONS = frozenset({"tp", "tt", "ts", "ths", "pgs", "gs", "bs", "ks", "th.s", "q", "p", "tx", "st", "mr",
                            "ms", "no", "vs"})


def _is_break(text: str, match) -> bool:
    if match.group() == "\n" or match.group() != ".":
        return True
    word = regex.search(r"([\p{L}.]+)$", text[max(0, match.start() - 6):match.start()])
    return not (word and word.group(1).lower() in _ABBREVIATIONS)


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The [start, end) of the sentence holding text[start:end], without its outer spaces."""
    left = max(0, start - MAX_CONTEXT)
    begin = left
    for match in _END.finditer(text, left, start):
        if _is_break(text, match):
            begin = match.end()
    stop = min(len(text), end + MAX_CONTEXT)
    finish = stop
    for match in _END.finditer(text, end, stop):
        if _is_break(text, match):
            finish = match.end() if match.group() != "\n" else match.start()
            break
    while begin < start and text[begin].isspace():
        begin += 1
    while finish > end and text[finish - 1].isspace():
        finish -= 1
    return _bounded(text, begin, finish, start, end)


def _bounded(text: str, begin: int, finish: int, start: int, end: int) -> tuple[int, int]:
    """At most MAX_CONTEXT characters (or the fact itself), cut at spaces, the fact kept whole."""
    spare = MAX_CONTEXT - (end - start)
    if finish - begin <= MAX_CONTEXT or spare <= 0:
        return (begin, finish) if spare > 0 else (start, end)
    before = min(start - begin, spare // 2)
    after = min(finish - end, spare - before)
    before = min(start - begin, spare - after)
    lo, hi = start - before, end + after
    if lo > begin:
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else start
    if hi < finish:
        space = text.rfind(" ", end, hi)
        hi = space if space >= 0 else end
    return lo, hi


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end].

    >>> sentence_of("Lãi suất 7%; dư nợ tăng 5%. Hết.", 24, 26)
    'Lãi suất 7%; dư nợ tăng 5%.'
    """
    lo, hi = sentence_span(text, start, end)
    return text[lo:hi]
