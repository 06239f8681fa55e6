"""The real server: `vnfacts serve` in its own process on a free loopback port, 400 requests from
16 clients with no error, the same facts as the CLI, and a clear refusal of a port in use."""
import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

httpx = pytest.importorskip("httpx", reason="needs the serve extra (in the test extra)")
pytest.importorskip("uvicorn", reason="needs the serve extra (in the test extra)")

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "ngan-sach-tinh.txt"
TEXTS = ["Ngày 12/3/2024, tỉnh chi hơn {n} tỷ đồng cho {n}.044 hộ, tăng {n},5%.",
         "Ông Nguyễn Văn An, Chủ tịch UBND tỉnh, trao {n} suất quà trị giá {n}00 triệu đồng."]


@pytest.fixture(scope="module")
def server(live_server):
    return live_server


def test_the_real_server_gives_the_cli_facts(server):
    base, _ = server
    cli = subprocess.run([sys.executable, "-m", "vnfacts", "extract", str(SAMPLE), "--format", "json"],
                         capture_output=True, text=True, check=True).stdout
    answer = httpx.post(base + "/extract", content=SAMPLE.read_bytes(), headers={"content-type": "text/plain"}, timeout=60)
    expected = json.loads(cli)
    got = answer.json()
    assert got["facts"] == expected["facts"] and got.get("people") == expected.get("people") and expected["facts"]
    assert got["published"] == expected["published"] and got["encoding"] == expected["encoding"]


def test_400_requests_from_16_clients_without_an_error(server):
    base, _ = server
    expected = {}
    with httpx.Client(timeout=120) as c:
        for i, template in enumerate(TEXTS):
            expected[i] = [f["value"] for f in c.post(base + "/extract", json={"text": template.format(n=7)}).json()["facts"]]

    def one(n: int):
        with httpx.Client(timeout=120) as c:
            results = []
            for k in range(25):
                i = (n + k) % len(TEXTS)
                r = c.post(base + "/extract", json={"text": TEXTS[i].format(n=7)})
                results.append((r.status_code, i, [f["value"] for f in r.json()["facts"]]))
            return results

    with ThreadPoolExecutor(16) as pool:
        results = [r for batch in pool.map(one, range(16)) for r in batch]
    assert len(results) == 400
    assert all(status == 200 for status, _, _ in results)
    assert all(values == expected[i] for _, i, values in results)
    assert httpx.get(base + "/health").json()["pending"] == 0


def test_a_port_in_use_is_one_line_and_exit_1(server):
    _, port = server
    result = subprocess.run([sys.executable, "-m", "vnfacts", "serve", "--port", str(port)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"Error: cannot serve on 127.0.0.1:{port}: Address already in use"]


def test_two_workers_each_load_the_rules_and_answer():
    from conftest import free_port

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "vnfacts", "serve", "--port", str(port), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base, pids = f"http://127.0.0.1:{port}", set()
    try:
        for _ in range(1200):  # start-up, then fresh connections until both workers have answered
            if proc.poll() is not None:
                pytest.fail(f"vnfacts serve exited: {proc.stderr.read().decode()}")
            try:
                with httpx.Client() as c:  # a new connection each time
                    health = c.get(base + "/health", timeout=2).json()
                pids.add(health["pid"])
                if len(pids) == 2:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.1)  # the second worker may still be loading its rules: up to 2 minutes
        assert len(pids) == 2 and proc.pid not in pids
        answer = httpx.post(base + "/extract", json={"text": TEXTS[0].format(n=3)}, timeout=60).json()
        assert [f["type"] for f in answer["facts"]].count("money") == 1
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_serve_without_the_extra_says_how_to_install_it(monkeypatch):
    from click.testing import CliRunner

    from vnfacts.cli import main

    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if it were not installed
    result = CliRunner().invoke(main, ["serve", "--port", "0"])
    assert result.exit_code == 1
    assert "pip install 'vnfacts[serve]'" in result.output and "Traceback" not in result.output
