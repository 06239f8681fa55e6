"""The real server: `vnfacts serve` in its own process on a free loopback port, 400 requests from
16 clients with no error, the same facts as the CLI, and a clear refusal of a port in use."""
import json
import subprocess
import sys
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
