"""The highlighted view: one self-contained HTML page per run, each article's text with every
fact marked in place (spaCy's displaCy is the model).

Each fact is a `<mark class="fact" data-type="<type>">` around its text, a fact inside another
(an organization inside an official) a mark inside the other's; its value, rule and other
fields are in `data-tip`, shown on hover and on keyboard focus by CSS alone. Beside the text:
a legend (a colour per type), the people box, and a table of the facts grouped by type. No
remote script, font or style: the CSS is inlined, and the page reads without JavaScript.

>>> from vnfacts import extract
>>> page = html(extract("Ông Nguyễn Văn An, Chủ tịch UBND tỉnh, chi 27 tỷ đồng."))
>>> page.startswith("<!DOCTYPE html>"), 'data-type="money"' in page, "<script" in page
(True, True, False)
"""
from __future__ import annotations

from decimal import Decimal
from html import escape
from importlib.resources import files
from typing import Any, Iterable, TextIO

from ..model import CORE_FIELDS, Document, Fact, number_text
from .marks import Mark, nest
from .table import TYPE_ORDER

#: A background per fact type (light, so the text stays readable); other types take FALLBACK.
COLOURS = {
    "date": "#bfe1ff", "official": "#ffd8a8", "person": "#ffe8cc", "organization": "#d0bfff",
    "location": "#c3fae8", "percent": "#ffc9c9", "money": "#b2f2bb", "quantity": "#fff3bf",
    "document": "#e9ecef",
}
FALLBACK = ("#f3d9fa", "#d3f9d8", "#ffdeeb", "#e7f5ff")


def colour(fact_type: str) -> str:
    """The background colour of a fact type.

    >>> colour("money"), colour("money") == colour("money"), colour("new-type").startswith("#")
    ('#b2f2bb', True, True)
    """
    return COLOURS.get(fact_type) or FALLBACK[sum(map(ord, fact_type)) % len(FALLBACK)]


def html(doc: Document, *, title: str | None = None) -> str:
    """One document as a self-contained page (`vnfacts.render.html(doc)`).

    >>> from vnfacts import extract
    >>> page = html(extract("Thị xã chi hơn 27 tỷ đồng cho 1044 đối tượng."))
    >>> page.count('<mark '), '<mark class="fact" data-type="quantity"' in page
    (2, True)
    """
    return page([doc], title=title)


def page(docs: Iterable[Document], *, title: str | None = None) -> str:
    """Several documents on one page, one `<article>` each."""
    docs = list(docs)
    title = title or (docs[0].source if len(docs) == 1 and docs[0].source else "vnfacts")
    body = "\n".join(article(d, n) for n, d in enumerate(docs))
    return (f'<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="vnfacts">\n<title>{escape(title)}</title>\n'
            f"<style>\n{stylesheet()}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def write_html(docs: Iterable[Document], out: TextIO) -> None:
    """The renderer of `--format html`: one page holding every document."""
    out.write(page(docs))


def stylesheet() -> str:
    """The view's CSS (render/assets/view.css), inlined by every page; the review page uses it too."""
    return files(__package__).joinpath("assets/view.css").read_text(encoding="utf-8")


def article(doc: Document, n: int = 0) -> str:
    """One document's section: heading, legend, the marked text beside the people box, the tables."""
    types = _types(doc)
    head = f'<h1>{escape(doc.source or "Văn bản")}</h1>'
    meta = [f"{len(doc.facts)} facts"]
    if doc.published:
        meta.insert(0, f"published {escape(doc.published)}")
    if doc.authors:
        meta.append("by " + escape(", ".join(doc.authors)))
    legend = "".join(f'<li style="--c:{colour(t)}" data-type="{escape(t)}">{escape(t)} '
                     f'<b>{len(doc.of_type(t))}</b></li>' for t in types)
    return (f'<article class="vnfacts-doc" id="doc-{n}">\n{head}\n<p class="meta">{" · ".join(meta)}</p>\n'
            f'<ul class="legend" aria-label="fact types">{legend}</ul>\n'
            f'<div class="layout">\n<div class="text">{marked_text(doc, n)}</div>\n{people_box(doc)}\n</div>\n'
            f'<section class="tables">\n<h2>Facts by type</h2>\n{fact_tables(doc, types, n)}\n</section>\n'
            f"</article>")


def marked_text(doc: Document, n: int = 0) -> str:
    """The text, escaped, with a `<mark>` per fact (nested as the facts nest).

    >>> from vnfacts.model import Fact
    >>> doc = Document("Sở Y tế Hà Nội <b>", (Fact("organization", "Sở Y tế Hà Nội", 0, 14, "x", "r"),
    ...                                      Fact("location", "Hà Nội", 8, 14, "Hà Nội", "r")))
    >>> text = marked_text(doc)
    >>> text.count("<mark"), text.index('data-type="location"') > text.index('data-type="organization"'), text.endswith("&lt;b&gt;")
    (2, True, True)
    """
    facts = doc.facts
    out: list[str] = []
    named: set[int] = set()  # a fact cut in pieces: its first piece carries the id the tables link to

    def emit(marks: list[Mark], lo: int, hi: int) -> None:
        pos = lo
        for m in marks:
            out.append(escape(doc.text[pos:m.start]))
            out.append(_open(facts[m.index], m, n, m.index not in named))
            named.add(m.index)
            emit(m.children, m.start, m.end)
            out.append("</mark>")
            pos = m.end
        out.append(escape(doc.text[pos:hi]))

    emit(nest([(f.start, f.end) for f in facts]), 0, len(doc.text))
    return "".join(out)


def _open(f: Fact, m: Mark, n: int, first: bool) -> str:
    part = " part" if m.part else ""
    anchor = f'id="doc-{n}-fact-{m.index}" ' if first else ""
    return (f'<mark class="fact{part}" data-type="{escape(f.type)}" data-fact="{m.index}" '
            f'{anchor}style="--c:{colour(f.type)}" tabindex="0" '
            f'data-start="{f.start}" data-end="{f.end}" data-value="{escape(_text(f.value))}" '
            f'data-rule="{escape(f.rule)}" data-tip="{escape(tip(f))}">')


def tip(f: Fact) -> str:
    """The lines shown on hover: type and value, the other fields, the offsets and the rule.

    >>> print(tip(Fact("money", "27 tỷ đồng", 4, 14, 27_000_000_000, "money.amount", currency="VND")))
    money: 27000000000
    currency: VND
    at: 4-14
    rule: money.amount
    """
    lines = [f"{f.type}: {_text(f.value)}"]
    lines += [f"{k}: {_text(v)}" for k, v in f.to_dict().items() if k not in CORE_FIELDS]
    return "\n".join(lines + [f"at: {f.start}-{f.end}", f"rule: {f.rule}"])


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return str(v).lower()
    if isinstance(v, (int, Decimal)):
        return number_text(v)
    if isinstance(v, (list, tuple)):
        return "; ".join(map(_text, v))
    if isinstance(v, dict):
        return ", ".join(f"{k}={_text(x)}" for k, x in v.items())
    return str(v)


def people_box(doc: Document) -> str:
    """The officials of the document once each, with titles and how often they are named."""
    items = []
    for p in doc.people:
        titles = "; ".join(p.get("titles") or ())
        mentions = len(p.get("mentions") or ())
        org = f'<br><span class="titles">{escape(p["organization"])}</span>' if p.get("organization") else ""
        items.append(f'<li><b>{escape(p.get("name", ""))}</b>'
                     + (f'<br><span class="titles">{escape(titles)}</span>' if titles else "")
                     + org + f' <small>({mentions} mention{"s" if mentions != 1 else ""})</small></li>')
    inner = "<ul>" + "".join(items) + "</ul>" if items else "<p>No officials named.</p>"
    return f'<aside class="people" aria-label="people"><h2>People</h2>{inner}</aside>'


def fact_tables(doc: Document, types: list[str], n: int = 0) -> str:
    """A table per fact type: text (a link to its mark), value, the type's other fields, offsets, rule."""
    tables = []
    for t in types:
        facts = [(i, f) for i, f in enumerate(doc.facts) if f.type == t]
        extra = sorted({k for _, f in facts for k in f.to_dict() if k not in CORE_FIELDS})
        head = "".join(f"<th>{escape(c)}</th>" for c in ["text", "value", *extra, "at", "rule"])
        rows = []
        for i, f in facts:
            d = f.to_dict()
            cells = [f'<td><a href="#doc-{n}-fact-{i}">{escape(f.text)}</a></td>',
                     f'<td class="num">{escape(_text(f.value))}</td>',
                     *(f"<td>{escape(_text(d.get(c)))}</td>" for c in extra),
                     f'<td class="num">{f.start}-{f.end}</td>', f"<td><code>{escape(f.rule)}</code></td>"]
            rows.append(f'<tr data-type="{escape(t)}">' + "".join(cells) + "</tr>")
        tables.append(f'<table class="facts" data-type="{escape(t)}"><caption><span style="--c:{colour(t)}">'
                      f"{escape(t)}</span> ({len(facts)})</caption><thead><tr>{head}</tr></thead>"
                      f"<tbody>{''.join(rows)}</tbody></table>")
    return "\n".join(tables) or "<p>No facts found.</p>"


def _types(doc: Document) -> list[str]:
    order = {t: i for i, t in enumerate(TYPE_ORDER)}
    return sorted({f.type for f in doc.facts}, key=lambda t: (order.get(t, 99), t))
