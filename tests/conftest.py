import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from vnfacts import Extractor

ROOT = Path(__file__).resolve().parents[1]
#: The user's material beside the checkout (../shared/seed, ../shared/corpus): in CI, not in a
#: fresh clone. Tests that read it carry `@pytest.mark.shared("seed")` and skip without it.
SHARED = ROOT.parent / "shared"


def pytest_configure(config):
    # One compiled-pattern cache for the run (and the CLI processes it starts), not the user's.
    if "VNFACTS_CACHE_DIR" not in os.environ:
        os.environ["VNFACTS_CACHE_DIR"] = tempfile.mkdtemp(prefix="vnfacts-test-cache-")
    config.addinivalue_line("markers", "shared(folder): reads ../shared/<folder>; skipped when it is absent")


def pytest_runtest_setup(item):
    for mark in item.iter_markers("shared"):
        folder = mark.args[0]
        if not (SHARED / folder).is_dir():
            pytest.skip(f"needs ../shared/{folder} (present in CI)")


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


#: Debian's chromium and chromium-driver (.ci/run installs them); the browser tests need both.
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium driven by selenium, one for the run; skipped when it is not installed."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; CI installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1300,1500"):
        options.add_argument(arg)
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    yield driver
    driver.quit()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def live_server():
    """`vnfacts serve` in its own process on a free loopback port: (base URL, port)."""
    httpx = pytest.importorskip("httpx", reason="needs the serve extra (in the test extra)")
    pytest.importorskip("uvicorn", reason="needs the serve extra (in the test extra)")
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "vnfacts", "serve", "--port", str(port), "--threads", "4"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "NO_COLOR": "1"})
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(480):  # start-up: rules and models load before the port answers
            if proc.poll() is not None:
                pytest.fail(f"vnfacts serve exited: {proc.stderr.read().decode()}")
            try:
                if httpx.get(base + "/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.25)
        else:
            pytest.fail("vnfacts serve did not answer /health")
        yield base, port
    finally:
        proc.terminate()
        proc.wait(timeout=30)
