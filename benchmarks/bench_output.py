"""What issue 17's output conventions cost, over the shared news corpus (a script, not a test).

    python benchmarks/bench_output.py               # the whole corpus
    python benchmarks/bench_output.py --limit 200   # a quick look

1. JSON: `vnfacts.dumps` (exact Decimals) against `json.dumps` of the same documents with
   Decimals turned into floats (what 0.1 wrote), both timed per document in turn; and
   extraction itself, for scale.
2. `--context`: the time of `Document.with_context()`, and a check on every fact that its
   context holds its text, is at most MAX_CONTEXT (or the fact) long and sits on one line.

The corpus is read by path from ../shared/corpus/news beside the repository; nothing is copied.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from decimal import Decimal
from pathlib import Path

from vnfacts import Extractor, dumps
from vnfacts.text.sentences import MAX_CONTEXT

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "news"


def floats(v):
    if isinstance(v, Decimal):
        return float(v)
    if isinstance(v, dict):
        return {k: floats(x) for k, x in v.items()}
    if isinstance(v, list):
        return [floats(x) for x in v]
    return v


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"needs {CORPUS}", file=sys.stderr)
        return 2
    paths = sorted(CORPUS.glob("*.txt"))[: args.limit]
    extractor = Extractor()
    t_extract = t_exact = t_float = t_context = 0.0
    facts = bad = decimals = 0
    for path in paths:
        start = time.perf_counter()
        doc = extractor.extract_file(path)
        t_extract += time.perf_counter() - start
        data = doc.to_dict()
        plain = floats(data)
        start = time.perf_counter()
        dumps(data)
        t_exact += time.perf_counter() - start
        start = time.perf_counter()
        json.dumps(plain, ensure_ascii=False)
        t_float += time.perf_counter() - start
        start = time.perf_counter()
        with_context = doc.with_context()
        t_context += time.perf_counter() - start
        for fact in with_context.facts:
            facts += 1
            decimals += isinstance(fact.value, Decimal)
            ok = fact.text in fact.context and "\n" not in fact.context
            ok = ok and len(fact.context) <= max(MAX_CONTEXT, len(fact.text))
            bad += not ok
    n = len(paths)
    print(f"{n} documents, {facts} facts ({decimals} with a Decimal value)")
    print(f"extract:            {1000 * t_extract / n:7.2f} ms/document")
    print(f"vnfacts.dumps:      {1000 * t_exact / n:7.3f} ms/document (exact)")
    print(f"json.dumps floats:  {1000 * t_float / n:7.3f} ms/document")
    print(f"with_context():     {1000 * t_context / n:7.3f} ms/document; facts whose context is wrong: {bad}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
