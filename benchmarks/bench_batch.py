"""Batch speed and memory over the shared news corpus (a script, not a test).

    python benchmarks/bench_batch.py                 # the whole corpus (a few minutes)
    python benchmarks/bench_batch.py --limit 200     # a quick look
    python benchmarks/bench_batch.py --profile       # plus a cProfile of one worker

Measured in one run, on one machine, over the same texts:
1. one worker's full extraction (decoded text -> Document) against `underthesea.word_tokenize`
   over each whole document text, timed document by document, alternating which goes first so
   that machine load hits both alike;
2. the batch pipeline (read, decode, extract, write JSON Lines) with 1 and with 2 workers, each
   in a fresh process, with its peak RSS (the main process and the largest worker) and its CPU
   seconds (main and workers: the work done, apart from the CPU the machine had to spare);
3. startup: `vnfacts extract` on one short article against `import underthesea` + one
   `word_tokenize` (bench_startup.py).

The corpus is read by path from ../shared/corpus/news beside the repository; nothing is copied.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from vnfacts.batch.workers import WARM_UP

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "news"


def corpus_files(corpus: Path, limit: int | None) -> list[Path]:
    files = sorted(corpus.glob("*.txt"))
    return files[:limit] if limit else files


def texts_of(files: list[Path]) -> list[str]:
    from vnfacts.input.decode import decode_bytes

    return [decode_bytes(f.read_bytes(), str(f)).text for f in files]


def compare_with_word_tokenize(texts: list[str]) -> dict:
    """Per document, alternating order: seconds of word_tokenize and of a full extraction."""
    from underthesea import word_tokenize

    from vnfacts import Extractor

    extractor = Extractor()
    extractor.extract(WARM_UP)  # load lazily built models outside the timing
    word_tokenize(texts[0])
    seg = ext = 0.0
    facts = errors = 0
    for i, text in enumerate(texts):
        order = (0, 1) if i % 2 == 0 else (1, 0)
        for which in order:
            t0 = time.perf_counter()
            if which == 0:
                word_tokenize(text)
                seg += time.perf_counter() - t0
            else:
                try:
                    facts += len(extractor.extract(text).facts)
                except Exception:  # counted, as a batch run would record it
                    errors += 1
                ext += time.perf_counter() - t0
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    return {"documents": len(texts), "megabytes": round(mb, 3), "facts": facts, "errors": errors,
            "word_tokenize_s": round(seg, 2), "vnfacts_s": round(ext, 2),
            "word_tokenize_mb_s": round(mb / seg, 3), "vnfacts_mb_s": round(mb / ext, 3),
            "ratio": round(seg / ext, 2)}


def pipeline_run(corpus: Path, limit: int | None, workers: int) -> dict:
    """In this (fresh) process: the batch pipeline over the corpus, output to a throwaway file."""
    from vnfacts.batch import extract_all, writer_for
    from vnfacts import Extractor

    files = [str(f) for f in corpus_files(corpus, limit)]
    extractor = Extractor()
    extractor.extract(WARM_UP)  # both runs load the lazy models before the clock starts
    docs = facts = failed = 0
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out:
        writer = writer_for("jsonl", out)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        cpu_before = usage.ru_utime + usage.ru_stime
        t0 = time.perf_counter()
        for result in extract_all(files, workers=workers, extractor=extractor):
            writer.write(result)
            docs += 1
            failed += hasattr(result, "kind")
            facts += len(getattr(result, "facts", ()))
        seconds = time.perf_counter() - t0
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    kb = 1024  # ru_maxrss is in kilobytes on Linux
    # ru_maxrss of this process survives the exec from the benchmark's own (large) process: use
    # VmHWM, which starts afresh. Forked workers' ru_maxrss counts the pages they share with us.
    main_rss, child_rss = own_peak_rss_kb() / kb, kids.ru_maxrss / kb
    return {"workers": workers, "documents": docs, "facts": facts, "failed": failed, "seconds": round(seconds, 2),
            # CPU seconds, to tell the work done from the CPU the machine had to spare for it
            "main_cpu_s": round(me.ru_utime + me.ru_stime - cpu_before, 2),
            "workers_cpu_s": round(kids.ru_utime + kids.ru_stime, 2),
            "main_peak_rss_mb": round(main_rss, 1),
            "worker_peak_rss_mb": round(child_rss if workers > 1 else main_rss, 1)}


def own_peak_rss_kb() -> float:
    """This process's peak resident set (VmHWM), in kB."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return float(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def pipeline_in_subprocess(corpus: Path, limit: int | None, workers: int) -> dict:
    cmd = [sys.executable, __file__, "--corpus", str(corpus), "--pipeline", str(workers)]
    if limit:
        cmd += ["--limit", str(limit)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def startup(repeat: int = 3) -> dict:
    """Best wall times of `vnfacts extract` on a short article (warm and cold pattern cache)
    against `import underthesea` + one `word_tokenize` (bench_startup.py)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_startup import measure

    return measure(repeat)


def profile(texts: list[str], top: int = 25) -> str:
    from vnfacts import Extractor

    extractor = Extractor()
    extractor.extract(WARM_UP)
    prof = cProfile.Profile()
    prof.enable()
    for text in texts:
        try:
            extractor.extract(text)
        except Exception:
            pass
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(top)
    return buf.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one worker's extraction")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--pipeline", type=int, help=argparse.SUPPRESS)  # internal: one fresh-process run
    args = parser.parse_args()
    if args.pipeline:
        print(json.dumps(pipeline_run(args.corpus, args.limit, args.pipeline)))
        return
    if not args.corpus.is_dir():
        sys.exit(f"no corpus at {args.corpus}")
    files = corpus_files(args.corpus, args.limit)
    texts = texts_of(files)
    figures = {"cpus": os.cpu_count(), "load_average_at_start": os.getloadavg()[0]}
    print(f"corpus: {len(files)} articles from {args.corpus}", file=sys.stderr)
    figures["one_worker_vs_word_tokenize"] = compare_with_word_tokenize(texts)
    print(json.dumps(figures["one_worker_vs_word_tokenize"]), file=sys.stderr)
    one = pipeline_in_subprocess(args.corpus, args.limit, 1)
    two = pipeline_in_subprocess(args.corpus, args.limit, 2)
    figures["pipeline"] = {"one_worker": one, "two_workers": two, "speedup": round(one["seconds"] / two["seconds"], 2)}
    figures["startup"] = startup()
    figures["load_average_at_end"] = os.getloadavg()[0]
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.profile:
        print(profile(texts[: min(len(texts), 300)]))


if __name__ == "__main__":
    main()
