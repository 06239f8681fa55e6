"""Start-up of `vnfacts extract` on a short article, against underthesea's own (a script, not a test).

    python benchmarks/bench_startup.py             # best of 7 runs each, alternated
    python benchmarks/bench_startup.py --repeat 15

Each command runs as a fresh process; the figure is the best wall time of its runs, which is
the least disturbed by other load on the machine. The commands, alternated run by run:
- baseline: `python -c "import underthesea; underthesea.word_tokenize(TEXT)"`;
- warm: `vnfacts extract short.txt -f jsonl` with the compiled-pattern cache filled (the usual
  case: every run after the first of a rule set);
- cold: the same with `VNFACTS_NO_CACHE=1` (the first run, or caching turned off);
- api: `python -c "import vnfacts; vnfacts.extract(TEXT)"` (a script using the library).
The issue's target is warm / baseline <= 1.3.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEXT = "Năm nay tỉnh chi 12 tỷ đồng, tăng 4% so với năm trước."


def commands(article: Path, cache_dir: Path) -> dict[str, tuple[list[str], dict]]:
    env = dict(os.environ, VNFACTS_CACHE_DIR=str(cache_dir))
    cold = dict(env, VNFACTS_NO_CACHE="1")
    py = sys.executable
    return {
        "baseline_underthesea_s": ([py, "-c", f"import underthesea; underthesea.word_tokenize({TEXT!r})"], env),
        "extract_warm_s": ([py, "-m", "vnfacts", "extract", str(article), "-f", "jsonl"], env),
        "extract_cold_s": ([py, "-m", "vnfacts", "extract", str(article), "-f", "jsonl"], cold),
        "api_warm_s": ([py, "-c", f"import vnfacts; vnfacts.extract({TEXT!r})"], env),
    }


def measure(repeat: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "short.txt"
        article.write_text(TEXT + "\n", encoding="utf-8")
        cache_dir = Path(tmp) / "cache"
        todo = commands(article, cache_dir)
        subprocess.run(todo["extract_warm_s"][0], env=todo["extract_warm_s"][1], capture_output=True, check=True)
        best = {key: float("inf") for key in todo}
        for _ in range(repeat):
            for key, (cmd, env) in todo.items():
                t0 = time.perf_counter()
                subprocess.run(cmd, env=env, capture_output=True, check=True)
                best[key] = min(best[key], time.perf_counter() - t0)
    figures = {key: round(value, 3) for key, value in best.items()}
    base = best["baseline_underthesea_s"]
    for key in ("extract_warm_s", "extract_cold_s", "api_warm_s"):
        figures[key.replace("_s", "_ratio")] = round(best[key] / base, 2)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    figures = {"load_average_at_start": os.getloadavg()[0], **measure(args.repeat),
               "load_average_at_end": os.getloadavg()[0]}
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
