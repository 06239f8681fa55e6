"""Fuzz vnfacts: extract from generated and mutated inputs and report crashes, hangs and broken
invariants (text == doc[start:end], exact numbers, ISO dates, JSON round trip).

Inputs are built from the project's own sample articles (samples/): mostly a random passage of
a few sentences (whole articles one time in twenty, so a run of 100,000 fits in well under an
hour on two cores), mutated at random: spans
deleted, duplicated and shuffled, digits, separators and punctuation injected, long runs of
one character, NFD and odd spaces, truncation, bytes decoded with errors. Each input runs
under a time limit in a worker process; one that runs past it is a hang.

    python benchmarks/fuzz.py --count 100000 --workers 2     # the full run
    python benchmarks/fuzz.py --count 500                     # what CI runs

Exit code 0 when nothing was found, 1 otherwise (the first findings are printed).
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import signal
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INJECT = ["%", "/", ".", ",", "-", "–", " ", "\u00a0", "\u200b", "\n", "(", ")", "đ", "tỷ", "triệu",
          "đồng", "USD", "ngày", "tháng", "năm", "quý", "Tết", "hơn", "khoảng", "từ", "đến", "và",
          "26/12", "2023", "0,8", "1.250,5", "7h45", "9h15'", "thứ Hai", "hôm qua", "mùng 1",
          "Quốc khánh", "điểm phần trăm", "lượt người", "QĐ-UBND", "NĐ-CP", "\u0301", "\ufeff"]


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang()


def seeds() -> list[str]:
    files = sorted((ROOT / "samples").glob("*.txt")) + sorted((ROOT / "samples" / "gold" / "texts").glob("*.txt"))
    return [f.read_text(encoding="utf-8") for f in files]


def passage(text: str, rng: random.Random) -> str:
    """A whole article one time in twenty, else a passage of 50 to 800 characters from it."""
    if rng.randrange(20) == 0 or len(text) < 100:
        return text
    size = rng.randint(50, 800)
    start = rng.randrange(max(1, len(text) - size))
    return text[start:start + size]


def mutate(text: str, rng: random.Random) -> str:
    """One random input from a seed text: 1 to 4 mutations, one of which may be extreme."""
    for _ in range(rng.randint(1, 4)):
        n = len(text)
        i, j = sorted(rng.randrange(n + 1) for _ in range(2)) if n else (0, 0)
        kind = rng.randrange(12)
        if kind == 0:
            text = text[:i] + text[j:]
        elif kind == 1:
            text = text[:j] + text[i:j] * rng.randint(1, 5) + text[j:]
        elif kind == 2:
            text = text[:i] + rng.choice(INJECT) + text[i:]
        elif kind == 3:
            text = text[:i] + str(rng.randrange(10 ** rng.randint(1, 25))) + text[i:]
        elif kind == 4:
            parts = text.split(" ")
            rng.shuffle(parts)
            text = " ".join(parts)
        elif kind == 5:
            text = text[:i] + rng.choice("1%/.,-(ađ ") * rng.randint(100, 20000) + text[i:]
        elif kind == 6:
            text = unicodedata.normalize("NFD", text)
        elif kind == 7:
            text = text[:i]
        elif kind == 8:
            raw = bytearray(text.encode("utf-8"))
            for _ in range(rng.randint(1, 20)):
                if raw:
                    raw[rng.randrange(len(raw))] = rng.randrange(256)
            text = raw.decode("utf-8", errors="replace")
        elif kind == 9:
            text = "".join(chr(rng.randrange(32, 0x2FFF)) for _ in range(rng.randint(0, 300)))
        elif kind == 10:
            text = text.replace(" ", "")
        else:
            text = text[:i] + rng.choice(INJECT).join(text[i:j].split()) + text[j:]
    return text


_EX = None


def _init() -> None:
    global _EX
    from vnfacts import Extractor

    _EX = Extractor()
    signal.signal(signal.SIGALRM, _alarm)


def check(job: tuple[int, str, int]) -> tuple[int, str, str | None]:
    """(index, outcome, detail): outcome is ok, crash, hang or invariant."""
    from vnfacts.invariants import problems

    index, text, limit = job
    signal.alarm(limit)
    try:
        doc = _EX.extract(text, published="2024-03-08" if index % 2 else None)
        found = problems(doc)
        return index, ("invariant" if found else "ok"), ("; ".join(found[:3]) if found else None)
    except Hang:
        return index, "hang", f"over {limit}s on {len(text)} chars"
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # a crash (even a native panic) is what we look for: report it
        from vnfacts.errors import RuleTimeout
        if isinstance(exc, RuleTimeout):
            return index, "hang", str(exc)
        return index, "crash", f"{type(exc).__name__}: {exc}"
    finally:
        signal.alarm(0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=20261125)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--limit", type=int, default=20, help="seconds one input may take")
    ap.add_argument("--show", type=int, help="print input number N (as generated) and exit")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    base = seeds()
    jobs = ((i, mutate(passage(rng.choice(base), rng), rng), args.limit) for i in range(args.count))
    if args.show is not None:  # reproduce one finding: the inputs depend only on the seed
        for i, text, _ in jobs:
            if i == args.show:
                sys.stdout.write(text)
                return 0
        return 1
    counts = {"ok": 0, "crash": 0, "hang": 0, "invariant": 0}
    findings = []
    chars = 0
    started = time.time()
    with mp.get_context("fork").Pool(args.workers, initializer=_init) as pool:
        for index, outcome, detail in pool.imap_unordered(check, jobs, chunksize=16):
            counts[outcome] += 1
            if detail:
                print(f"finding #{index} {outcome}: {detail}", file=sys.stderr, flush=True)
                if len(findings) < 20:
                    findings.append(f"#{index} {outcome}: {detail}")
            done = sum(counts.values())
            if done % 5000 == 0:
                print(f"{done} inputs, {time.time() - started:.0f}s: {counts}", file=sys.stderr, flush=True)
    elapsed = time.time() - started
    print(f"fuzz: {sum(counts.values())} inputs (seed {args.seed}) in {elapsed:.0f}s with {args.workers} workers: "
          f"{counts['ok']} ok, {counts['crash']} crashes, {counts['hang']} hangs, {counts['invariant']} broken invariants")
    for line in findings:
        print("  " + line)
    return 0 if counts["ok"] == args.count else 1


if __name__ == "__main__":
    sys.exit(main())
