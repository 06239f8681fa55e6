"""HTML to article text: the text a reader sees, with its paragraphs, title and publication date.

Parsed with selectolax's lexbor engine (a C HTML5 parser: fast, tolerant of broken markup, no
recursion limit). Scripts, styles, forms, navigation, page headers and footers and asides are
dropped; when the page marks its article (`itemprop="articleBody"`, `<article>`, `<main>`) the
longest such element is the text, with the headline put first if it lies outside. Paragraphs,
headings and other blocks are separated by a blank line, list items, table rows and `<br>`
by a line break, table cells by a tab; entities are decoded; runs of white space collapse as
a browser collapses them.

>>> page = '''<html><head><meta property="article:published_time" content="2024-12-10T08:30:00+07:00">
... <title>Ngân sách - Báo tỉnh</title></head><body><nav>Trang chủ</nav>
... <article><h1>Thông qua dự toán</h1><p>Tổng thu đạt <b>21.350&nbsp;tỷ</b> đồng.</p></article>
... <footer>Bản quyền</footer></body></html>'''
>>> doc = html_to_text(page)
>>> print(doc.text)
Thông qua dự toán
<BLANKLINE>
Tổng thu đạt 21.350\xa0tỷ đồng.
>>> doc.published, doc.title
('2024-12-10', 'Thông qua dự toán')
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from selectolax.lexbor import LexborHTMLParser


@dataclass(frozen=True)
class HtmlText:
    text: str
    published: str | None  # ISO date (YYYY-MM-DD) from the page's metadata, or None
    title: str | None


#: Elements whose content is never article text.
DROP = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
        "iframe", "svg", "math", "button", "select", "textarea", "object", "embed", "canvas",
        "dialog", "[role=navigation]", "[role=banner]", "[role=contentinfo]", "[hidden]")
_DROP_SELECTOR = ",".join(DROP)
#: Elements that mark the article, best first; the one with the most text wins.
ARTICLE = ('[itemprop="articleBody"]', "article", "main", "[role=main]")
#: Blocks ended by a blank line; blocks ended by a line break.
PARAGRAPH = frozenset("p div h1 h2 h3 h4 h5 h6 article section main blockquote figure figcaption "
                      "table ul ol dl pre address hr details summary center".split())
LINE = frozenset("li tr dt dd br caption legend".split())
#: The deepest element nesting parsed; deeper tags are dropped (their text is kept). Real pages
#: nest a few dozen deep; the HTML5 parser's scope checks make each block start cost O(depth).
MAX_DEPTH = 200
# Tags that never nest (void elements, and those the parser closes by itself) are left out.
_NESTING_TAG = re.compile(
    r"<(/?)(?!(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr|p|li|dt|dd|"
    r"tr|td|th|option|optgroup|rb|rt|rp|thead|tbody|tfoot|colgroup|caption|head|body|html)\b)"
    r"[a-zA-Z][a-zA-Z0-9]*[^>]*?(/?)>", re.I)
_SPACES = re.compile(r"[ \t\n\r\f]+")
# Break marks: private-use characters (any in the page itself are turned into spaces first).
_PARA, _LINE, _CELL_MARK = "\ue000", "\ue001", "\ue002"
_MARKS = ((",".join(sorted(PARAGRAPH)), _PARA, _PARA), (",".join(sorted(LINE - {"br"})), _LINE, _LINE),
          ("br", None, _LINE), ("td,th", _CELL_MARK, None))
_PARA_BREAKS = re.compile(f"[ {_PARA}{_LINE}{_CELL_MARK}]*{_PARA}[ {_PARA}{_LINE}{_CELL_MARK}]*")
_LINE_BREAKS = re.compile(f"[ {_LINE}{_CELL_MARK}]*{_LINE}[ {_LINE}{_CELL_MARK}]*")
_CELL = re.compile(f" ?{_CELL_MARK}[ {_CELL_MARK}]*")
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|p|div|article|br|h[1-6]|table)\b")
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)


def looks_like_html(text: str) -> bool:
    """Does this text start like an HTML page or fragment?

    >>> looks_like_html("  <!DOCTYPE html><html>"), looks_like_html("<p>Đoạn văn</p>")
    (True, True)
    >>> looks_like_html("Tăng 5% <so với> năm trước"), looks_like_html("<note>x</note>")
    (False, False)
    """
    head = text[:2048].lstrip("\ufeff \t\r\n").lower()
    while head.startswith(("<!--", "<?xml")):  # comments and an XML prolog before the markup
        end = head.find("-->" if head.startswith("<!--") else "?>")
        if end < 0:
            return False
        head = head[end + 3 if head.startswith("<!--") else end + 2:].lstrip()
    return _HTML_START.match(head) is not None


def declared_charset(data: bytes) -> str | None:
    """The charset a page names in a `<meta>` tag near its start, if any.

    >>> declared_charset(b'<html><head><meta charset="windows-1258">')
    'windows-1258'
    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">')
    'UTF-8'
    """
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def html_to_text(html: str) -> HtmlText:
    """The article text, publication date and title of an HTML page (see the module doc).

    >>> html_to_text("<p>Dòng một<br>dòng hai</p><ul><li>a</li><li>b</li></ul>").text
    'Dòng một\\ndòng hai\\n\\na\\nb'
    """
    tree = LexborHTMLParser(_cap_depth(_scrub_marks(html)))
    published = published_date(tree)  # before scripts go: JSON-LD lives in a script
    title = _title(tree)
    for node in reversed(tree.css(_DROP_SELECTOR)):  # descendants before their ancestors
        node.decompose()
    body = tree.body or tree.root
    if body is None:
        return HtmlText("", published, title)
    container = _article(body) or body
    text = _render(container)
    heading = container.css_first("h1")
    if container is not body and heading is None and title and not text.startswith(title):
        text = f"{title}\n\n{text}" if text else title
    return HtmlText(unicodedata.normalize("NFC", text), published, title)


def _cap_depth(html: str) -> str:
    """Drop the tags that would nest deeper than MAX_DEPTH, with as many closing tags."""
    if html.count("<") <= MAX_DEPTH:
        return html
    depth, excess, cuts = 0, 0, []
    for tag in _NESTING_TAG.finditer(html):
        closing, self_closing = tag.groups()
        if self_closing:
            continue
        if not closing:
            depth += 1
            if depth > MAX_DEPTH:
                excess += 1
                cuts.append(tag.span())
        elif depth:
            depth -= 1
            if excess:
                excess -= 1
                cuts.append(tag.span())
    if not cuts:
        return html
    parts, last = [], 0
    for start, end in cuts:
        parts.append(html[last:start])
        last = end
    parts.append(html[last:])
    return " ".join(parts)


def _article(body):
    best, best_len = None, 0
    for selector in ARTICLE:
        for node in body.css(selector):
            size = len(node.text(strip=True))
            if size > best_len:
                best, best_len = node, size
    return best


def _title(tree) -> str | None:
    candidates = [tree.css_first('meta[property="og:title"]'), tree.css_first("h1"), tree.css_first("title")]
    for node in candidates:
        if node is None:
            continue
        value = node.attributes.get("content") if node.tag == "meta" else node.text()
        value = _SPACES.sub(" ", value or "").strip()
        if value:
            return unicodedata.normalize("NFC", value)
    return None


def _render(top) -> str:
    """Mark block and line breaks with private-use characters in the tree, let lexbor gather
    the text in one call (a Python walk over every node is 20x slower), then turn the marks
    into breaks around the collapsed white space."""
    for selector, before, after in _MARKS:
        for node in top.css(selector):
            if before:
                node.insert_before(before)
            if after:
                node.insert_after(after)
    text = _SPACES.sub(" ", top.text(deep=True, separator=""))
    text = _LINE_BREAKS.sub("\n", _PARA_BREAKS.sub("\n\n", text))
    return _CELL.sub("\t", text).strip(" \n" + _CELL_MARK)


def _scrub_marks(html: str) -> str:
    for mark in (_PARA, _LINE, _CELL_MARK):
        if mark in html:
            html = html.replace(mark, " ")
    return html


# --- The publication date -------------------------------------------------------------------

#: <meta> tags that carry the publication date (attribute value, lowercased), best first.
DATE_META = ("article:published_time", "og:published_time", "datepublished", "pubdate",
             "publishdate", "publish-date", "published_time", "dc.date.issued", "dc.date",
             "dcterms.issued", "date", "article:modified_time")
_VIETNAM = timezone(timedelta(hours=7))
_YMD = re.compile(r"(?<!\d)(?:(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})|(\d{4})(\d{2})(\d{2})(?!\d))")
_DMY = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{4,40})"')


def published_date(tree) -> str | None:
    """The page's publication date as YYYY-MM-DD: from its <meta> tags, itemprop="datePublished",
    JSON-LD, or the first <time datetime>, in that order."""
    ranked = []
    for meta in tree.css("meta"):
        attrs = meta.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key in DATE_META and attrs.get("content"):
            ranked.append((DATE_META.index(key), attrs["content"]))
    for _, value in sorted(ranked):
        if iso_date(value):
            return iso_date(value)
    for node in tree.css('[itemprop="datePublished"]'):
        value = node.attributes.get("content") or node.attributes.get("datetime") or node.text()
        if iso_date(value or ""):
            return iso_date(value)
    for script in tree.css('script[type="application/ld+json"]'):
        for value in _LD_DATE.findall(script.text() or ""):
            if iso_date(value):
                return iso_date(value)
    for node in tree.css("time[datetime]"):
        if iso_date(node.attributes.get("datetime") or ""):
            return iso_date(node.attributes["datetime"])
    return None


def iso_date(value: str) -> str | None:
    """A date as the page wrote it, in ISO form; a time with an offset is moved to Vietnam's
    UTC+7 first. Day-first for d/m/y, as Vietnamese pages write it.

    >>> iso_date("2024-12-10T08:30:00+07:00"), iso_date("2024-12-09T20:00:00Z")
    ('2024-12-10', '2024-12-10')
    >>> iso_date("10/12/2024 16:05"), iso_date("20241210"), iso_date("hôm nay"), iso_date("2024-13-45")
    ('2024-12-10', '2024-12-10', None, None)
    """
    value = value.strip()
    moment = _aware_datetime(value)
    if moment is not None:
        return moment.astimezone(_VIETNAM).date().isoformat()
    match = _YMD.search(value)
    if match:
        y, m, d = (g for g in match.groups() if g is not None)
    else:
        match = _DMY.search(value)
        if not match:
            return None
        d, m, y = match.groups()
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def _aware_datetime(value: str) -> datetime | None:
    if len(value) < 16 or not value[:4].isdigit():
        return None
    try:
        moment = datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith(("Z", "z")) else value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None
