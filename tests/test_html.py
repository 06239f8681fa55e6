"""HTML pages: the article text with its breaks, the publication date and the title; and HTML
inputs through decode_bytes, in any encoding."""
import time

import pytest

from vnfacts.input.decode import decode_bytes
from vnfacts.input.encodings import cp1258, tcvn3, vni
from vnfacts.input.html import declared_charset, html_to_text, iso_date, looks_like_html

PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="{charset}">
<title>Sơ kết quý I - Cổng thông tin tỉnh</title>
<meta property="article:published_time" content="2024-03-12T09:15:00+07:00">
<style>p {{ color: #333 }}</style>
<script>var tracking = "Không phải văn bản";</script>
</head><body>
<header><div class="logo">Cổng thông tin điện tử</div>
  <nav><ul><li><a href="/">Trang chủ</a></li><li>Tin tức</li></ul></nav></header>
<div class="breadcrumb" role="navigation">Tin tức › Kinh tế</div>
<main><article>
  <h1>Sơ kết quý I: thu ngân sách đạt 28,4% dự toán</h1>
  <p class="sapo">Sáng 12/3, Ủy ban nhân dân tỉnh tổ chức hội nghị sơ kết.</p>
  <p>Thu ngân sách ước đạt <strong>1.245&nbsp;tỷ đồng</strong>, tăng 6,7%
     so với cùng kỳ.<br>Chi đầu tư phát triển đạt 410 tỷ đồng.</p>
  <table><tr><th>Chỉ tiêu</th><th>Kết quả</th></tr>
         <tr><td>Thu nội địa</td><td>980 tỷ đồng</td></tr></table>
  <ul><li>Đẩy nhanh giải ngân</li><li>Cải cách thủ tục</li></ul>
  <form action="/search"><input name="q"><button>Tìm kiếm</button></form>
  <aside>Tin liên quan: Hội nghị tháng trước</aside>
</article></main>
<footer>&copy; 2024 Văn phòng UBND tỉnh &amp; Sở Thông tin</footer>
<script>document.write("quảng cáo")</script>
</body></html>"""

ARTICLE = ("Sơ kết quý I: thu ngân sách đạt 28,4% dự toán\n\n"
           "Sáng 12/3, Ủy ban nhân dân tỉnh tổ chức hội nghị sơ kết.\n\n"
           "Thu ngân sách ước đạt 1.245\u00a0tỷ đồng, tăng 6,7% so với cùng kỳ.\n"
           "Chi đầu tư phát triển đạt 410 tỷ đồng.\n\n"
           "Chỉ tiêu\tKết quả\nThu nội địa\t980 tỷ đồng\n\n"
           "Đẩy nhanh giải ngân\nCải cách thủ tục")


def test_article_text_keeps_breaks_and_drops_the_rest():
    page = html_to_text(PAGE.format(charset="utf-8"))
    assert page.text == ARTICLE
    for gone in ("Trang chủ", "Tin tức", "tracking", "color", "Tìm kiếm", "liên quan", "©", "quảng cáo", "Cổng"):
        assert gone not in page.text


def test_date_and_title():
    page = html_to_text(PAGE.format(charset="utf-8"))
    assert page.published == "2024-03-12"
    assert page.title == "Sơ kết quý I: thu ngân sách đạt 28,4% dự toán"


@pytest.mark.parametrize("head,expected", [
    ('<meta property="article:published_time" content="2024-12-09T20:00:00Z">', "2024-12-10"),
    ('<meta name="pubdate" content="2023-05-01">', "2023-05-01"),
    ('<meta name="DC.date.issued" content="2022-01-31">', "2022-01-31"),
    ('<meta itemprop="datePublished" content="2021-07-04T10:00:00+07:00">', "2021-07-04"),
    ('<meta name="date" content="15/08/2020 08:00">', "2020-08-15"),
    ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
     '[{"@type": "NewsArticle", "datePublished": "2019-11-20T07:00:00+07:00"}]}</script>', "2019-11-20"),
    ('<meta name="pubdate" content="không rõ"><meta name="date" content="2018-02-03">', "2018-02-03"),
    ('<meta name="description" content="2017-01-01">', None),
])
def test_published_from_metadata(head, expected):
    assert html_to_text(f"<html><head>{head}</head><body><p>Nội dung</p></body></html>").published == expected


@pytest.mark.parametrize("body,expected", [
    ('<p>Đăng lúc <time datetime="2024-06-01T08:00:00+07:00">8 giờ</time></p>', "2024-06-01"),
    ('<span itemprop="datePublished" content="2024-06-02">2/6</span><p>x</p>', "2024-06-02"),
    ('<p>Ngày 10/12/2024 không phải siêu dữ liệu</p>', None),
])
def test_published_from_the_body(body, expected):
    assert html_to_text(f"<html><body>{body}</body></html>").published == expected


def test_metadata_beats_time_elements():
    html = ('<head><meta name="pubdate" content="2024-01-02"></head>'
            '<body><time datetime="2020-01-01">cũ</time></body>')
    assert html_to_text(html).published == "2024-01-02"


def test_longest_article_wins_and_headline_outside_it_comes_first():
    html = ("<html><head><meta property='og:title' content='Tiêu đề bài'></head><body>"
            "<article><p>Tin ngắn</p></article>"
            "<div itemprop='articleBody'><p>Nội dung chính của bài viết dài hơn.</p></div></body></html>")
    page = html_to_text(html)
    assert page.text == "Tiêu đề bài\n\nNội dung chính của bài viết dài hơn."
    assert page.title == "Tiêu đề bài"


def test_page_without_article_uses_body():
    assert html_to_text("<body><div>Một</div><div>Hai <i>ba</i></div></body>").text == "Một\n\nHai ba"


def test_entities_and_whitespace():
    html = "<p>  Giá&nbsp;trị &lt;5%&gt; &amp; t&#7927; &#x111;&#x1ed3;ng\n\t tăng </p>"
    assert html_to_text(html).text == "Giá\u00a0trị <5%> & tỷ đồng tăng"


def test_nfd_html_text_is_composed():
    import unicodedata
    html = unicodedata.normalize("NFD", "<p>Hội nghị tổng kết</p>")
    assert html_to_text(html).text == "Hội nghị tổng kết"


@pytest.mark.parametrize("html", ["", "<html></html>", "<p></p>", "<!-- chỉ chú thích -->", "<script>x</script>"])
def test_empty_pages(html):
    assert html_to_text(html).text == ""


def test_broken_markup_still_gives_text():
    assert html_to_text("<p>Đoạn <b>một<p>Đoạn hai</i></div>").text == "Đoạn một\n\nĐoạn hai"


def test_deep_nesting_neither_recurses_nor_hangs():
    html = "<div>" * 50_000 + "Sâu" + "</div>" * 50_000
    start = time.perf_counter()
    assert html_to_text(html).text == "Sâu"
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize("value,expected", [
    ("2024-12-10", "2024-12-10"), ("2024/1/5", "2024-01-05"), ("2024-12-10T23:30:00+05:00", "2024-12-11"),
    ("Thứ ba, 10/12/2024", "2024-12-10"), ("31.12.2023", "2023-12-31"), ("", None), ("2024-02-30", None),
    ("1234567890123", None),
])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


@pytest.mark.parametrize("text,expected", [
    ("<!DOCTYPE html>\n<html>", True), ("\ufeff<html lang='vi'>", True), ("<!-- c -->\n<div>x</div>", True),
    ('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml">', True), ("<P>Văn bản</P>", True),
    ("Thu <5% ngân sách", False), ("<ghi chú> không phải HTML", False), ("", False), ("<!-- không đóng", False),
])
def test_looks_like_html(text, expected):
    assert looks_like_html(text) is expected


def test_declared_charset():
    assert declared_charset(b"<meta http-equiv='content-type' content='text/html;charset=windows-1258'>") == "windows-1258"
    assert declared_charset(b"<html><body>no charset</body></html>") is None


# --- HTML through decode_bytes ------------------------------------------------------------------

def test_html_by_suffix_gives_article_date_and_type():
    decoded = decode_bytes(PAGE.format(charset="utf-8").encode("utf-8"), "tin.htm")
    assert decoded.text == ARTICLE
    assert (decoded.published, decoded.content_type, decoded.encoding) == ("2024-03-12", "text/html", "utf-8")
    assert decoded.title.startswith("Sơ kết quý I")


def test_html_by_content_sniffing():
    decoded = decode_bytes(PAGE.format(charset="utf-8").encode("utf-8"), "-")
    assert decoded.content_type == "text/html" and decoded.text == ARTICLE


def test_text_file_mentioning_tags_is_not_html():
    decoded = decode_bytes("Tăng <5%> so với năm trước".encode(), "a.txt")
    assert decoded.content_type == "text/plain" and decoded.text == "Tăng <5%> so với năm trước"


def test_html_named_file_without_markup_stays_text():
    decoded = decode_bytes("Dòng một\nDòng hai".encode(), "a.html")
    assert decoded.content_type == "text/plain" and decoded.text == "Dòng một\nDòng hai"


@pytest.mark.parametrize("encoding,charset,encode", [
    ("windows-1258", "windows-1258", cp1258.encode),
    ("vni", "iso-8859-1", vni.encode),       # pages set in VNI fonts declared a Western charset
    ("tcvn3", "windows-1252", tcvn3.encode),
    ("utf-16", "utf-16", lambda t: t.encode("utf-16")),
])
def test_html_in_legacy_encodings(encoding, charset, encode):
    decoded = decode_bytes(encode(PAGE.format(charset=charset)), "trang.html")
    assert decoded.encoding == encoding
    assert decoded.text == ARTICLE and decoded.published == "2024-03-12"


def test_declared_charset_decides_a_non_vietnamese_page():
    html = "<html><head><meta charset='cp1251'></head><body><p>Бюджет</p></body></html>"
    decoded = decode_bytes(html.encode("cp1251"), "ru.html")
    assert decoded.text == "Бюджет" and decoded.encoding == "cp1251"
