"""underthesea's Rust core must never print a panic: not for a word typed with two spaces, not
for anything else, whatever RUST_BACKTRACE says."""
import json
import os
import subprocess
import sys

import pytest

from vnfacts.text.tokens import _pos_model, crf_text, pos_tagged, word_tokens

#: Words with two spaces inside, or a space at an end: what made the featurizer panic.
NOISY = "Ông Nguyễn  Văn An, Chủ tịch UBND tỉnh  Hà  Tĩnh, cho biết xã có 120  hộ nghèo.\n" \
        "Bà  Lê Thị  Hoa  phát biểu tại hội nghị ngày 5/10/2024."


def _cli(args, stdin: str, **env):
    return subprocess.run([sys.executable, "-m", "vnfacts", *args], input=stdin.encode("utf-8"),
                          capture_output=True, env={**os.environ, **env}, timeout=120)


def test_words_across_double_spaces_are_tagged_not_dropped():
    words = pos_tagged("Ông Nguyễn  Văn An phát biểu")
    assert [w.text for w in words][:2] == ["Ông", "Nguyễn  Văn An"]  # offsets into the text as given
    assert all(w.tag is not None for w in words)  # the CRF ran: no panic swallowed
    assert word_tokens("Bà  Lê Thị  Hoa")[-1].text == "Lê Thị  Hoa"


@pytest.mark.parametrize("token", ["Nguyễn  Văn", " a", "1 ", "A   b  C", "Đ \u00a0 b"])
def test_what_the_featurizer_gets_never_makes_it_panic(token):
    cleaned = crf_text(token)
    assert "  " not in cleaned and cleaned == cleaned.strip(" ")
    assert _pos_model().predict([["x"], [cleaned], ["y"]])  # raised PanicException before


def test_cli_stderr_is_empty_with_rust_backtrace_on():
    result = _cli(["extract", "-", "-f", "jsonl"], NOISY, RUST_BACKTRACE="1")
    assert result.returncode == 0, result.stderr.decode()
    assert result.stderr == b""
    doc = json.loads(result.stdout)
    names = [f["name"] for f in doc["facts"] if f["type"] in ("official", "person")]
    assert "Nguyễn Văn An" in names
    assert all(NOISY[f["start"]:f["end"]] == f["text"] for f in doc["facts"])


def test_a_panic_that_happens_anyway_leaves_stderr_clean():
    # a token the featurizer refuses, fed to it directly: the guard must swallow the panic text
    code = ("from vnfacts.text.native import quiet_native\n"
            "from vnfacts.text.tokens import _pos_model\n"
            "import sys\n"
            "try:\n"
            "    quiet_native(lambda: _pos_model().predict([[' a']]))\n"
            "except BaseException as exc:\n"
            "    print(type(exc).__name__)\n"
            "quiet_native(lambda: sys.stderr.write('kept\\n'))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=120,
                            env={**os.environ, "RUST_BACKTRACE": "full"})
    assert result.stdout.decode().strip() == "PanicException"
    assert result.stderr.decode() == "kept\n"  # what a call writes without panicking is not lost
