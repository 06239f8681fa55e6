"""`vnfacts extract --max-bytes`: the meaning, message and exit code batch's option has."""
import json

from click.testing import CliRunner

from vnfacts.cli import main


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def _article(tmp_path, size: int):
    path = tmp_path / "bai.txt"
    line = "Tỉnh Quảng Trị chi 12 tỷ đồng cho 300 hộ dân.\n"
    path.write_text(line * (size // len(line.encode("utf-8")) + 1), encoding="utf-8")
    return path


def test_a_file_over_max_bytes_is_one_line_exit_1_as_batch_says_it(tmp_path):
    path = _article(tmp_path, 3000)
    got = run("extract", path, "--max-bytes", "1K", "-f", "json")
    assert got.exit_code == 1
    record = json.loads(got.stdout)
    assert record["error"]["kind"] == "too_large"
    assert got.stderr.count("\n") == 1 and "Traceback" not in got.stderr
    batch = run("batch", path, "--max-bytes", "1K", "-q", "-j", 1)
    assert batch.exit_code == 1
    assert json.loads(batch.stdout)["error"] == record["error"]  # same kind, same message


def test_max_bytes_raises_the_default_limit_and_takes_units(tmp_path):
    path = _article(tmp_path, 3000)
    assert run("extract", path, "--max-bytes", "2K", "-f", "jsonl").exit_code == 1
    got = run("extract", path, "--max-bytes", "4K", "-f", "jsonl")
    assert got.exit_code == 0 and json.loads(got.stdout)["facts"]


def test_max_bytes_refuses_nonsense_as_a_usage_error(tmp_path):
    got = run("extract", _article(tmp_path, 100), "--max-bytes", "lots")
    assert got.exit_code == 2 and "not a size" in got.stderr


def test_stdin_is_bounded_too(tmp_path):
    got = CliRunner().invoke(main, ["extract", "-", "--max-bytes", "100", "-f", "jsonl"], input="Chi 5 tỷ đồng. " * 20)
    assert got.exit_code == 1 and "-: larger than 100 bytes (--max-bytes 100)" in got.stderr
