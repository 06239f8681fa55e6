"""The review page in a real headless Chromium against a real `vnfacts serve`: load, paste,
count the highlights, mark a fact wrong, add a missing one, export, and score the exported
row with `vnfacts eval`. VNFACTS_SCREENSHOT=docs/review-page.png also saves the page's picture."""
import json
import os
import subprocess
import sys

import pytest

httpx = pytest.importorskip("httpx", reason="needs the serve extra (in the test extra)")

# Our own news-style text: vnfacts finds the money, percent and most counts, and misses
# "một chục xã" (ten communes), which the reviewer adds.
ARTICLE = ("Sáng ngày 14/3/2024, Ủy ban nhân dân tỉnh Quảng Trị tổ chức hội nghị sơ kết quý I. "
           "Ông Lê Văn Hùng, Phó Chủ tịch UBND tỉnh, chủ trì hội nghị.\n"
           "Thu ngân sách quý I đạt 1.245 tỷ đồng, tăng 8,2% so với cùng kỳ. Toàn tỉnh hỗ trợ 450 hộ "
           "sửa nhà với tổng kinh phí 12 tỷ đồng. Đến nay, có một chục xã về đích nông thôn mới.")
MISSED = "một chục xã"


def wait_for(browser, script, timeout=60):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(browser, timeout).until(lambda b: b.execute_script(script))


def test_review_paste_mark_add_export_and_eval(browser, live_server, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    base, _ = live_server
    expected = httpx.post(base + "/extract", json={"text": ARTICLE}, timeout=60).json()["facts"]
    assert MISSED not in [f["text"] for f in expected]  # else the test adds nothing new

    browser.get(base + "/")
    assert browser.title == "vnfacts review"
    paste = browser.find_element(By.ID, "paste")
    paste.send_keys(ARTICLE[:40])  # typed, then the rest pasted at once
    browser.execute_script("arguments[0].value = arguments[1]", paste, ARTICLE)
    browser.find_element(By.ID, "run").click()
    wait_for(browser, "return !document.getElementById('review').hidden && document.querySelectorAll('#text mark.fact').length > 0")

    facts = browser.execute_script("return [...new Set([...document.querySelectorAll('#text mark.fact')].map(m => m.dataset.fact))].length")
    assert facts == len(expected)
    assert browser.execute_script("return document.getElementById('text').textContent") == ARTICLE
    types = browser.execute_script("return [...document.querySelectorAll('#text mark.fact')].map(m => m.dataset.type)")
    assert sorted(set(types)) == sorted({f["type"] for f in expected})

    # Mark the second money fact wrong with a real click.
    money = [m for m in browser.find_elements(By.CSS_SELECTOR, '#text mark.fact[data-type="money"]')]
    assert len(money) == 2
    wrong_text = money[1].text.replace("MONEY", "").strip()
    money[1].click()
    assert browser.execute_script("return document.querySelectorAll('#text mark.fact.wrong').length") == 1
    assert "1 marked wrong" in browser.find_element(By.ID, "counts").text

    # Select the missed text and add it as a quantity.
    browser.execute_script("""
        const box = document.getElementById('text');
        const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode())) {
          const at = node.data.indexOf(arguments[0]);
          if (at >= 0) {
            const range = document.createRange();
            range.setStart(node, at); range.setEnd(node, at + arguments[0].length);
            const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
            box.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
            return;
          }
        }""", MISSED)
    assert browser.find_element(By.ID, "add").is_displayed()
    assert browser.find_element(By.ID, "add-text").text == MISSED
    Select(browser.find_element(By.ID, "add-type")).select_by_value("quantity")
    browser.find_element(By.ID, "add-value").send_keys("10")
    browser.find_element(By.ID, "add-fields").send_keys("unit=xã")
    browser.find_element(By.ID, "add-ok").click()
    assert browser.execute_script("return document.querySelectorAll('#text mark.fact.added').length") == 1

    browser.find_element(By.ID, "doc-id").clear()
    browser.find_element(By.ID, "doc-id").send_keys("quang-tri-quy-1")
    browser.find_element(By.ID, "export").click()
    row = json.loads(browser.find_element(By.ID, "gold").get_attribute("value"))
    if os.environ.get("VNFACTS_SCREENSHOT"):
        browser.set_window_size(1300, 1100)
        browser.save_screenshot(os.environ["VNFACTS_SCREENSHOT"])

    assert row["id"] == "quang-tri-quy-1" and row["text"] == ARTICLE
    assert len(row["facts"]) == len(expected) and all("rule" not in f for f in row["facts"])
    added = [f for f in row["facts"] if f["text"] == MISSED]
    assert added == [{"type": "quantity", "text": MISSED, "start": ARTICLE.index(MISSED),
                      "end": ARTICLE.index(MISSED) + len(MISSED), "value": 10, "unit": "xã"}]
    assert [f["text"] for f in row["review"]["wrong"]] == [wrong_text] and row["review"]["added"] == 1

    gold = tmp_path / "reviewed.jsonl"
    gold.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "vnfacts", "eval", str(gold), "--format", "json"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)["types"]
    assert (report["money"]["tp"], report["money"]["fp"], report["money"]["fn"]) == (1, 1, 0)  # the fact marked wrong
    assert (report["quantity"]["fn"], report["quantity"]["fp"]) == (1, 0)  # the fact added
    others = [t for t in report if t not in ("money", "quantity")]
    assert others and all(report[t]["f1"] == 1.0 for t in others)


def test_the_review_page_is_self_contained(live_server):
    base, _ = live_server
    page = httpx.get(base + "/").text
    assert "<script src" not in page and "<link" not in page and "http://" not in page and "https://" not in page
    assert 'fetch("review/extract"' in page  # the only call it makes: its own server


def test_review_opens_a_legacy_encoded_file(browser, live_server, tmp_path):
    from selenium.webdriver.common.by import By

    from vnfacts.input.encodings import tcvn3

    base, _ = live_server
    path = tmp_path / "cong-thong-tin-cu.txt"
    path.write_bytes(tcvn3.encode(ARTICLE))
    browser.get(base + "/")
    browser.find_element(By.ID, "file").send_keys(str(path))
    browser.find_element(By.ID, "run").click()
    wait_for(browser, "return !document.getElementById('review').hidden && document.querySelectorAll('#text mark.fact').length > 0")
    assert browser.execute_script("return document.getElementById('text').textContent") == ARTICLE
    assert browser.find_element(By.ID, "doc-id").get_attribute("value") == "cong-thong-tin-cu"
    expected = httpx.post(base + "/extract", json={"text": ARTICLE}, timeout=60).json()["facts"]
    marks = browser.execute_script("return new Set([...document.querySelectorAll('#text mark.fact')].map(m => m.dataset.fact)).size")
    assert marks == len(expected)


def test_a_refused_file_is_one_line_on_the_page(browser, live_server, tmp_path):
    from selenium.webdriver.common.by import By

    base, _ = live_server
    browser.get(base + "/")
    browser.find_element(By.ID, "run").click()  # nothing pasted
    assert "paste a text" in browser.find_element(By.ID, "status").text
    binary = tmp_path / "anh.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    browser.find_element(By.ID, "file").send_keys(str(binary))
    browser.find_element(By.ID, "run").click()
    wait_for(browser, "return document.getElementById('status').className === 'error' && "
                      "document.getElementById('status').textContent.includes('binary')")
    assert browser.find_element(By.ID, "review").get_attribute("hidden") is not None  # nothing drawn
