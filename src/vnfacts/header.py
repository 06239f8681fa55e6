"""The header stage: the publication date and the byline, before any rule runs.

The publication date comes from the article's header or footer lines.

Recognized: a short line near the top (first five lines) or the bottom (last three) that holds
a full date and nothing else but publication words, times and weekdays: "Đăng ngày 26/12/2023",
"Cập nhật: 03/06/2024 08:05", "09:47 | 18/09/2023", "Thứ Sáu, 08/03/2024 - 16:40",
"Ngày đăng: 11/11/2022", "Cập nhật lúc 06:30 ngày 15/8/2024", or a line that is only a date.
A date the caller gave (`--published`, `extract(text, published=...)`) always wins.
"""
from __future__ import annotations

from datetime import date

import regex

from .draft import Draft

_FULL_DATE = regex.compile(r"(?<![\d/.])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d{2})(?![\d/.])")
_ALLOWED = regex.compile(
    r"""(?ix)
      (?:đăng|ngày|cập\s+nhật|lúc|xuất\s+bản|thời\s+gian|giờ|gmt\s*[+-]?\s*\d*|sửa\s+lần\s+cuối|đăng\s+tải)
    | (?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật|cn)
    | \d{1,2}\s*[:h]\s*\d{2}(?::\d{2})?\s*(?:am|pm|sa|ch)?
    | [|,:\-–—()\s\.]
    """
)
HEAD_LINES = 5
FOOT_LINES = 3
MAX_LINE = 80


def find_published(text: str) -> date | None:
    """The publication date of an article, from a header or footer line; None if absent.

    >>> find_published("Tiêu đề bài báo\\n\\nĐăng ngày 26/12/2023\\n\\nNội dung.")
    datetime.date(2023, 12, 26)
    >>> find_published("Nội dung.\\nCập nhật lúc 06:30 ngày 15/8/2024")
    datetime.date(2024, 8, 15)
    >>> find_published("Ngày 26/12/2023, tỉnh tổ chức hội nghị tổng kết.") is None
    True
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines[:HEAD_LINES] + lines[-FOOT_LINES:]:
        if len(line) > MAX_LINE:
            continue
        found = _FULL_DATE.search(line)
        if not found or _ALLOWED.sub("", _FULL_DATE.sub("", line, count=1)):
            continue
        day, _, month, year = found.groups()
        try:
            return date(int(year), int(month), int(day))
        except ValueError:
            continue
    return None


def publication_date(draft: Draft) -> None:
    """Fill the draft's reference date from the text unless the caller gave one."""
    if not draft.published_given:
        draft.published = find_published(draft.text)


# -- the byline --------------------------------------------------------------------------------

MAX_BYLINE = 80
_LINE = regex.compile(r"[^\n]+")
_SOURCE = regex.compile(r"(?:(?<=^|\s)|(?<=\p{Ll}))(?-i:Theo)\s.*$")  # "Nhật LinhTheo CNBC"
_AUTHOR_SPLIT = regex.compile(r"\s*(?:[–—,/&]|\s-\s|-(?=\s*\p{Lu})|\s+và\s+)\s*")
_AUTHOR = regex.compile(
    r"(?-i:(?:\p{Lu}\.\s?)?\p{Lu}[\p{Ll}\p{M}]+(?:\s+\p{Lu}[\p{Ll}\p{M}]+){0,3}|\p{Lu}\.\s?\p{Lu}[\p{Ll}\p{M}]+)"
)


def byline_authors(line: str) -> list[str]:
    """The author names of an article's closing line, or [] when it is not a byline.

    >>> byline_authors("Hữu Lương – Ngọc Ánh")
    ['Hữu Lương', 'Ngọc Ánh']
    >>> byline_authors("Nhật LinhTheo CNBC"), byline_authors("Theo Reuters"), byline_authors("H.Long")
    (['Nhật Linh'], [], ['H.Long'])
    >>> byline_authors("Lan Hương - Trường Thịnh (tổng hợp)")
    ['Lan Hương', 'Trường Thịnh']
    >>> byline_authors("Ảnh: Minh Châu"), byline_authors("Hội nghị kết thúc lúc 17 giờ.")
    ([], [])
    """
    line = regex.sub(r"\([^)]*\)", "", _SOURCE.sub("", line.strip())).strip()
    if not line or len(line) > MAX_BYLINE or ":" in line:
        return []
    parts = [p for p in _AUTHOR_SPLIT.split(line) if p]
    if parts and all(_AUTHOR.fullmatch(p) for p in parts):
        return parts
    return []


def _byline(text: str) -> tuple[list[str], tuple[int, int] | None]:
    """The authors and the span of the text's last line, when it is a byline (never the only line)."""
    lines = [m.span() for m in _LINE.finditer(text) if m.group().strip()]
    if len(lines) < 2:
        return [], None
    start, end = lines[-1]
    authors = byline_authors(text[start:end])
    return (authors, (start, end)) if authors else ([], None)


def byline(draft: Draft) -> None:
    """The authors of the article's closing line (`meta["authors"]`) and that line's span:
    nobody on it is an official or a person (resolve drops them)."""
    authors, span = _byline(draft.text)
    if span:
        draft.meta["authors"] = authors
        draft.byline = span
