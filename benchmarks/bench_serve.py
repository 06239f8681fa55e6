"""`vnfacts serve` under load and faults, on loopback only (a script, not a test).

    python benchmarks/bench_serve.py                          # 400 requests, 16 clients, 1 worker
    python benchmarks/bench_serve.py --workers 2 --requests 800 --clients 32

1. Load: N POST /extract (text/plain bodies of corpus articles, in turn) from M concurrent
   clients, each with its own keep-alive connection: throughput, p50/p90/p99 latency, errors;
   beside it `vnfacts batch` over the same articles with as many workers: its time per document
   (start-up included, and without it).
2. Faults, each checked for its status: malformed JSON (400), an oversized body (413), binary
   bodies (415), wrong field types (422); a slow client dribbling its body for a bounded time
   while /health is timed; 1,000 quick connections opened and dropped (half of them after half
   a request line). Then /health must still answer.

The corpus is read by path from ../shared/corpus/news beside the repository; nothing is copied.
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "news"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(workers: int, threads: int) -> tuple[subprocess.Popen, str, float]:
    port = free_port()
    began = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "vnfacts", "serve", "--port", str(port), "--workers", str(workers),
                             "--threads", str(threads)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    while time.perf_counter() - began < 180:
        try:
            if httpx.get(base + "/health", timeout=1).status_code == 200:
                return proc, base, time.perf_counter() - began
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("vnfacts serve did not start")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def load(base: str, bodies: list[bytes], requests: int, clients: int) -> dict:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    per_client = [requests // clients + (1 if i < requests % clients else 0) for i in range(clients)]

    def client(n: int) -> None:
        with httpx.Client(timeout=300) as c:
            for k in range(per_client[n]):
                body = bodies[(n * 7919 + k) % len(bodies)]
                t0 = time.perf_counter()
                r = c.post(base + "/extract", content=body, headers={"content-type": "text/plain"})
                took = time.perf_counter() - t0
                with lock:
                    latencies.append(took)
                    statuses[r.status_code] = statuses.get(r.status_code, 0) + 1

    began = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(client, range(clients)))
    wall = time.perf_counter() - began
    return {"requests": len(latencies), "clients": clients, "seconds": round(wall, 2),
            "per_second": round(len(latencies) / wall, 1), "p50_ms": round(percentile(latencies, 50) * 1000),
            "p90_ms": round(percentile(latencies, 90) * 1000), "p99_ms": round(percentile(latencies, 99) * 1000),
            "mean_ms": round(statistics.mean(latencies) * 1000), "statuses": statuses,
            "errors": sum(v for k, v in statuses.items() if k != 200)}


def batch_time(files: list[Path], workers: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "files.txt"
        listing.write_text("\n".join(map(str, files)) + "\n", encoding="utf-8")
        out = Path(tmp) / "out.jsonl"
        t0 = time.perf_counter()
        with open(listing, "rb") as stdin:
            subprocess.run([sys.executable, "-m", "vnfacts", "batch", "-", "-o", str(out), "--workers", str(workers), "-q"],
                           stdin=stdin, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - t0
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "vnfacts", "extract", "-", "--format", "json"], input=b"Chi 5 t\xe1\xbb\xb7 \xc4\x91\xe1\xbb\x93ng.",
                       check=True, stdout=subprocess.DEVNULL)
        startup = time.perf_counter() - t0
    return {"documents": len(files), "workers": workers, "seconds": round(wall, 2),
            "ms_per_document": round(wall / len(files) * 1000), "startup_s": round(startup, 2),
            "ms_per_document_without_startup": round(max(wall - startup, 0) / len(files) * 1000)}


def expect(response: httpx.Response, status: int, what: str, faults: list) -> None:
    ok = response.status_code == status and "error" in response.json() and "Traceback" not in response.text
    faults.append({"case": what, "want": status, "got": response.status_code, "ok": ok})


def faults(base: str, sample: bytes) -> dict:
    found: list = []
    with httpx.Client(timeout=120) as c:
        expect(c.post(base + "/extract", content=b'{"text": "Chi 5', headers={"content-type": "application/json"}), 400, "malformed JSON", found)
        expect(c.post(base + "/batch", content=b'[{"text": 1', headers={"content-type": "application/json"}), 400, "malformed JSON batch", found)
        big = b"a" * (21 * 1024 * 1024)
        expect(c.post(base + "/extract", content=big, headers={"content-type": "text/plain"}), 413, "21 MB body", found)
        expect(c.post(base + "/extract", content=os.urandom(4096) + b"\x00", headers={"content-type": "text/plain"}), 415, "binary body", found)
        expect(c.post(base + "/extract", files={"file": ("x.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)}), 415, "binary upload", found)
        expect(c.post(base + "/extract", content=b"GIF89a", headers={"content-type": "image/gif"}), 415, "image content type", found)
        expect(c.post(base + "/extract", json={"text": ["not", "a", "string"]}), 422, "text not a string", found)
        expect(c.post(base + "/extract", json={"text": "x", "types": ["mony"]}), 422, "unknown type", found)
        expect(c.post(base + "/extract", json={"text": "x", "published": "hôm qua"}), 422, "bad date", found)
    slow = slow_client(base, seconds=6.0)
    quick = quick_connections(base, 1000)
    health = httpx.get(base + "/health", timeout=10)
    after = httpx.post(base + "/extract", content=sample, headers={"content-type": "text/plain"}, timeout=120)
    return {"refusals": found, "slow_client": slow, "quick_connections": quick,
            "health_after": health.status_code, "extract_after": after.status_code}


def slow_client(base: str, seconds: float) -> dict:
    """A client sending its body a byte every 0.2 s for `seconds`, while /health is timed."""
    host, port = base.split("//")[1].split(":")
    body = "Chi 5 tỷ đồng.".encode() * 20
    done = threading.Event()
    result: dict = {}

    def dribble():
        with socket.create_connection((host, int(port)), timeout=seconds + 30) as s:
            s.sendall(f"POST /extract HTTP/1.1\r\nHost: {host}\r\nContent-Type: text/plain\r\n"
                      f"Content-Length: {len(body)}\r\n\r\n".encode())
            t0 = time.perf_counter()
            sent = 0
            while time.perf_counter() - t0 < seconds and sent < len(body) - 1:
                s.sendall(body[sent:sent + 1])
                sent += 1
                time.sleep(0.2)
            s.sendall(body[sent:])
            answer = s.recv(65536).split(b"\r\n", 1)[0].decode()
            result.update(sent_bytes_slowly=sent, answer=answer)
        done.set()

    thread = threading.Thread(target=dribble)
    thread.start()
    times = []
    while not done.is_set() and len(times) < 200:
        t0 = time.perf_counter()
        httpx.get(base + "/health", timeout=10)
        times.append(time.perf_counter() - t0)
        time.sleep(0.1)
    thread.join()
    result.update(health_checks=len(times), health_max_ms=round(max(times) * 1000, 1) if times else None)
    return result


def quick_connections(base: str, count: int) -> dict:
    host, port = base.split("//")[1].split(":")
    refused = 0
    t0 = time.perf_counter()
    for i in range(count):
        try:
            with socket.create_connection((host, int(port)), timeout=5) as s:
                if i % 2:
                    s.sendall(b"GET /hea")  # half a request line, then gone
        except OSError:
            refused += 1
    return {"connections": count, "refused": refused, "seconds": round(time.perf_counter() - t0, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--articles", type=int, default=100, help="distinct corpus articles the requests cycle through")
    parser.add_argument("--no-batch", action="store_true", help="skip the batch comparison")
    args = parser.parse_args()
    files = sorted(CORPUS.glob("*.txt"))[: args.articles]
    if not files:
        raise SystemExit(f"no corpus at {CORPUS}")
    bodies = [f.read_bytes() for f in files]
    proc, base, startup = start_server(args.workers, args.threads)
    try:
        report = {"server": {"workers": args.workers, "threads": args.threads, "startup_s": round(startup, 2),
                             "articles": len(files), "mean_kb": round(sum(map(len, bodies)) / len(bodies) / 1024, 1)}}
        httpx.post(base + "/extract", content=bodies[0], headers={"content-type": "text/plain"}, timeout=120)
        report["load"] = load(base, bodies, args.requests, args.clients)
        report["faults"] = faults(base, bodies[0])
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    if not args.no_batch:
        report["batch"] = batch_time(files, args.workers)
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
