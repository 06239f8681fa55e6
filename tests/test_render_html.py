"""The highlighted view (render/html.py): every fact marked in place, nested facts nested,
fields on hover and focus, self-contained, and drawn by a real headless Chromium."""
from pathlib import Path

import pytest
from click.testing import CliRunner
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from vnfacts import extract, extract_file
from vnfacts.cli import main
from vnfacts.model import Document, Fact
from vnfacts.render import html, renderer
from vnfacts.render.marks import nest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "cua-lo-2023-12-26.txt"
SAMPLE = ROOT / "samples" / "hoi-nghi-lao-dong.txt"


def marks_of(page: str):
    """fact index -> its mark nodes (a fact cut in pieces has several)."""
    out = {}
    for node in HTMLParser(page).css("mark.fact"):
        out.setdefault(int(node.attributes["data-fact"]), []).append(node)
    return out


def check_every_fact_marked(doc: Document, page: str):
    marks = marks_of(page)
    assert sorted(marks) == list(range(len(doc.facts)))
    for i, fact in enumerate(doc.facts):
        nodes = marks[i]
        assert all(n.attributes["data-type"] == fact.type for n in nodes)
        assert "".join(n.text(deep=True) for n in nodes) == fact.text
        assert nodes[0].attributes["data-rule"] == fact.rule
        assert int(nodes[0].attributes["data-start"]) == fact.start


def check_nested(doc: Document, page: str):
    """A fact inside another is drawn inside the other's mark; the text outside marks is the
    document's text around them (nothing lost, nothing added)."""
    tree = HTMLParser(page)
    ancestors = {}
    for node in tree.css("mark.fact"):
        up, chain = node.parent, set()
        while up is not None:
            if up.tag == "mark":
                chain.add(int(up.attributes["data-fact"]))
            up = up.parent
        ancestors.setdefault(int(node.attributes["data-fact"]), set()).update(chain)
    pairs = 0
    for i, inner in enumerate(doc.facts):
        for j, outer in enumerate(doc.facts):
            if i != j and outer.start <= inner.start and inner.end <= outer.end and \
                    (outer.end - outer.start) > (inner.end - inner.start):
                assert j in ancestors[i], (inner.text, outer.text)
                pairs += 1
    assert tree.css_first("div.text").text(deep=True) == doc.text
    return pairs


@pytest.mark.shared("seed")
def test_the_seed_article_has_every_fact_marked_and_nested_facts_nested():
    doc = extract_file(str(SEED))
    page = html(doc)
    check_every_fact_marked(doc, page)
    assert check_nested(doc, page) >= 5  # officials hold organizations, organizations places


def test_a_sample_article_has_every_fact_marked_and_nested():
    doc = extract_file(str(SAMPLE))
    page = html(doc)
    check_every_fact_marked(doc, page)
    check_nested(doc, page)


def test_crossing_facts_are_cut_into_pieces_and_stay_well_formed():
    text = "Ủy ban nhân dân tỉnh Hà Tĩnh"
    facts = (Fact("organization", text[0:20], 0, 20, "x", "r1"), Fact("location", text[16:], 16, len(text), "y", "r2"),
             Fact("date", "ban", 3, 6, "z", "r3"))
    doc = Document(text, facts)
    page = html(doc)
    check_every_fact_marked(doc, page)
    pieces = [n for n in HTMLParser(page).css('mark[data-fact="1"]')]
    assert len(pieces) == 2 and all("part" in n.attributes["class"] for n in pieces)
    assert [n.attributes.get("id") for n in pieces] == ["doc-0-fact-1", None]  # ids stay unique
    assert HTMLParser(page).css_first("div.text").text(deep=True) == text
    same = nest([(0, 5), (0, 5)])  # the same span twice: both drawn, one inside the other
    assert [m.index for m in same] == [0] and [c.index for c in same[0].children] == [1]


def test_fields_are_in_the_tip_and_text_is_escaped():
    doc = extract("<b>Tỉnh</b> chi hơn 27 tỷ đồng & thu 12,5% \"cao\".")
    page = html(doc)
    tree = HTMLParser(page)
    assert tree.css_first("div.text b") is None and "&lt;b&gt;" in page
    money = tree.css_first('mark[data-type="money"]')
    tip = money.attributes["data-tip"].splitlines()
    assert tip[0] == f"money: {doc.of_type('money')[0].value}" and "currency: VND" in tip
    assert money.attributes["tabindex"] == "0"  # reachable by keyboard: the tip shows on focus
    percent = doc.of_type("percent")[0]
    assert tree.css_first('mark[data-type="percent"]').attributes["data-value"] == "12.5" == str(percent.value)


def test_legend_tables_and_people_box():
    doc = extract_file(str(SAMPLE))
    tree = HTMLParser(html(doc))
    legend = {li.attributes["data-type"]: int(li.css_first("b").text()) for li in tree.css("ul.legend li")}
    assert legend == {t: len(doc.of_type(t)) for t in {f.type for f in doc.facts}}
    for t, count in legend.items():
        assert len(tree.css(f'table.facts[data-type="{t}"] tbody tr')) == count
    links = [a.attributes["href"][1:] for a in tree.css("table.facts a")]
    assert len(links) == len(doc.facts) and all(tree.css_first(f'mark[id="{i}"]') is not None for i in links)
    names = [b.text() for b in tree.css("aside.people li b")]
    assert names == [p["name"] for p in doc.people] and names


def test_the_page_is_self_contained():
    page = html(extract_file(str(SAMPLE)))
    tree = HTMLParser(page)
    assert not tree.css("script, link, img, iframe, object")
    assert "http://" not in page and "https://" not in page and "@import" not in page and "url(" not in page
    assert tree.css_first("style").text().strip()


def test_extract_format_html(tmp_path):
    second = tmp_path / "b.txt"
    second.write_text("Xã chi 12 tỷ đồng.", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(SAMPLE), str(second), "--format", "html", "--types", "money"])
    assert result.exit_code == 0
    tree = HTMLParser(result.stdout)
    assert len(tree.css("article.vnfacts-doc")) == 2
    assert {m.attributes["data-type"] for m in tree.css("mark.fact")} == {"money"}
    assert len(tree.css("mark.fact")) == len(extract_file(str(SAMPLE)).of_type("money")) + 1


def test_renderer_html_writes_one_page(tmp_path):
    import io
    out = io.StringIO()
    renderer("html")([extract("Chi 5 tỷ đồng.")], out)
    assert out.getvalue().count("<!DOCTYPE html>") == 1 and 'data-type="money"' in out.getvalue()


def test_the_seed_view_renders_in_headless_chromium(browser, tmp_path):
    doc = extract_file(str(SEED)) if SEED.exists() else extract_file(str(SAMPLE))
    path = tmp_path / "view.html"
    path.write_text(html(doc), encoding="utf-8")
    browser.get(path.as_uri())
    shown = browser.execute_script("""
        const marks = [...document.querySelectorAll('mark.fact')];
        const ids = new Set(marks.map(m => m.dataset.fact));
        const visible = marks.filter(m => m.getClientRects().length > 0).length;
        const colours = new Set(marks.map(m => getComputedStyle(m).backgroundColor));
        const money = document.querySelector('mark.fact[data-type="money"]');
        money.focus();
        const tip = getComputedStyle(money, '::after').content;
        return {ids: ids.size, marks: marks.length, visible, colours: colours.size, tip};
    """)
    assert shown["ids"] == len(doc.facts) and shown["visible"] == shown["marks"]
    assert shown["colours"] == len({f.type for f in doc.facts})
    assert "money:" in shown["tip"] and "rule:" in shown["tip"]  # the fields appear on keyboard focus
