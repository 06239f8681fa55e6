"""The publication date, from the article's header or footer lines.

Recognized: a short line near the top (first five lines) or the bottom (last three) that holds
a full date and nothing else but publication words, times and weekdays: "Đăng ngày 26/12/2023",
"Cập nhật: 03/06/2024 08:05", "09:47 | 18/09/2023", "Thứ Sáu, 08/03/2024 - 16:40",
"Ngày đăng: 11/11/2022", "Cập nhật lúc 06:30 ngày 15/8/2024", or a line that is only a date.
A date the caller gave (`--published`, `extract(text, published=...)`) always wins.
"""
from __future__ import annotations

from datetime import date

import regex

from . import Draft, stage

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


@stage("before")
def publication_date(draft: Draft) -> None:
    """Fill the draft's reference date from the text unless the caller gave one."""
    if not draft.published_given:
        draft.published = find_published(draft.text)
