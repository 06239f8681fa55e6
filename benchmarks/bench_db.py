"""The analyst's database over the shared news corpus (a script, not a test).

    python benchmarks/bench_db.py                     # extraction, load, size, 10M projection, 100k load
    python benchmarks/bench_db.py --jsonl f.jsonl     # reuse a batch output (its manifest's start/end)
    python benchmarks/bench_db.py --replicate 20000   # a smaller replicated load
    python benchmarks/bench_db.py --merges            # precision and recall of the people merge

Measured:
1. extraction: `vnfacts batch` over the corpus (or the `seconds` of --jsonl's manifest);
2. load: `vnfacts db build` of that output into a new database, in a fresh process (the check
   of every line, the batches, the people rebuild), as a fraction of the extraction time;
3. size: the database file per 1,000 articles, and a projection for 10 million articles
   (size and load time scale with the documents: every table grows with them);
4. a load of N documents (the corpus's records replicated with new sources, written to a
   temporary .jsonl.gz) in a fresh process, its resident memory sampled after every batch:
   flat memory is the same RSS at 10% and at 100%.
5. --merges: benchmarks/merge-decisions.tsv, pairs of one name's persons in two corpus articles
   with a hand judgement (same person or not), against what the database made of them.

The corpus is read by path from ../shared/corpus/news beside the repository; nothing is copied.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "news"
MERGES = ROOT / "benchmarks" / "merge-decisions.tsv"

_LOAD = r"""
import json, os, sys, time
from vnfacts.database.offices import lexicons
lexicons()  # the rules' lexicons, compiled once per process: start-up, not load
from vnfacts.database.load import build

samples = []
def rss(report):
    with open("/proc/self/statm") as f:
        samples.append((report.lines, int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")))
t = time.perf_counter()
report = build(sys.argv[1], sys.argv[2:], on_batch=rss)
took = time.perf_counter() - t
rss(report)
print(json.dumps({"seconds": took, "documents": report.lines, "facts": report.facts, "people": report.people,
                  "rss": samples}))
"""


def extract(out: Path) -> float:
    """Seconds of `vnfacts batch` over the corpus."""
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "vnfacts", "batch", str(CORPUS), "-o", str(out), "--overwrite", "-q"],
                   check=False)
    return time.perf_counter() - t


def manifest_seconds(jsonl: Path) -> float | None:
    try:
        return float(json.loads(Path(f"{jsonl}.manifest.json").read_text(encoding="utf-8"))["seconds"])
    except (OSError, KeyError, ValueError, TypeError):
        return None


def load(db: Path, inputs: list[Path]) -> dict:
    """A `db build` in a fresh process: its seconds, counts and RSS samples."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    out = subprocess.run([sys.executable, "-c", _LOAD, str(db), *map(str, inputs)], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def replicate(jsonl: Path, count: int, out: Path) -> None:
    """`count` records: the corpus's, again and again, each copy with a new source."""
    lines = jsonl.read_text(encoding="utf-8").splitlines()
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=1) as f:
        for i in range(count):
            record = json.loads(lines[i % len(lines)])
            record["source"] = f"{record['source']}#copy{i // len(lines)}"
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def merges(db: Path) -> None:
    """Precision and recall of merges over the hand-checked decisions."""
    import sqlite3

    con = sqlite3.connect(db)

    def person(source: str, name: str):
        row = con.execute("select m.person_id from mentions m join documents d on d.id = m.document_id "
                          "join people p on p.id = m.person_id where d.source like ? and p.name = ? limit 1",
                          ["%/" + source, name]).fetchone()
        return row[0] if row else None

    with open(MERGES, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")]
    wrong = []
    for name in sorted({r["set"] for r in rows}, reverse=True):
        tp = fp = fn = tn = missing = 0
        chosen = [r for r in rows if r["set"] == name]
        for r in chosen:
            a, b = person(r["article_a"], r["name"]), person(r["article_b"], r["name"])
            if a is None or b is None:
                missing += 1
                continue
            merged, same = a == b, r["same_person"] == "yes"
            tp += merged and same
            fp += merged and not same
            fn += same and not merged
            tn += not merged and not same
            if merged != same:
                wrong.append(f"  {name}: {'merged' if merged else 'split '} {r['name']}: {r['article_a']} / "
                             f"{r['article_b']} ({r['note']})")
        print(f"merge decisions, set {name}: {len(chosen)} ({missing} not found in this database)")
        print(f"  merged and the same person {tp}, merged but not {fp}, split but the same {fn}, split and not {tn}")
        print(f"  precision of merges {tp / max(tp + fp, 1):.3f}, recall {tp / max(tp + fn, 1):.3f}")
    print("wrong decisions:\n" + "\n".join(wrong))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jsonl", type=Path, help="A batch output of the corpus to reuse (else vnfacts batch runs).")
    parser.add_argument("--replicate", type=int, default=100_000, help="Documents in the replicated load (0: none).")
    parser.add_argument("--merges", action="store_true", help="Only the merge decisions' precision and recall.")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"needs the corpus at {CORPUS}")
    work = Path(tempfile.mkdtemp(prefix="bench-db-"))
    jsonl = args.jsonl
    if jsonl is None:
        jsonl = work / "corpus.jsonl"
        extraction = extract(jsonl)
    else:
        extraction = manifest_seconds(jsonl)
    db = work / "corpus.db"
    result = load(db, [jsonl])
    if args.merges:
        merges(db)
        return
    docs = result["documents"]
    size = os.path.getsize(db)
    print(f"corpus: {docs} documents, {result['facts']} facts, {result['people']} people")
    if extraction:
        print(f"extraction (vnfacts batch): {extraction:.1f} s")
    print(f"load (vnfacts db build, fresh database): {result['seconds']:.2f} s"
          + (f" = {result['seconds'] / extraction:.1%} of the extraction time" if extraction else ""))
    per_1000 = size / docs * 1000
    print(f"database: {size / 1e6:.1f} MB, {per_1000 / 1e6:.2f} MB per 1,000 articles")
    print(f"projection, 10 million articles: {per_1000 * 1e4 / 1e9:.0f} GB, load "
          f"{result['seconds'] / docs * 1e7 / 3600:.1f} h on this machine")
    if args.replicate:
        big = work / "replicated.jsonl.gz"
        replicate(jsonl, args.replicate, big)
        result = load(work / "replicated.db", [big])
        samples = result["rss"]
        marks = [samples[max(0, round(len(samples) * f) - 1)] for f in (0.1, 0.5, 1.0)]
        print(f"replicated load: {result['documents']} documents, {result['facts']} facts in {result['seconds']:.0f} s "
              f"({result['documents'] / result['seconds']:.0f} documents/s), "
              f"{os.path.getsize(work / 'replicated.db') / 1e6:.0f} MB")
        print("  resident memory: " + ", ".join(f"{n} documents {r / 1e6:.0f} MB" for n, r in marks)
              + " (the last after the people rebuild)")
    for path in work.iterdir():
        path.unlink()
    work.rmdir()


if __name__ == "__main__":
    main()
