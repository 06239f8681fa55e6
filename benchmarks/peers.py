"""vnfacts beside the peers that can run here, on the same gold and the same matching.

    pip install -e '.[bench]'                  # dateparser (optional; underthesea is a dependency)
    python benchmarks/peers.py                 # samples/gold and benchmarks/gold-real.jsonl
    python benchmarks/peers.py GOLD [GOLD...] [--format markdown|json]

- date: dateparser's `search_dates(text, languages=["vi"])` with RELATIVE_BASE = the gold's
  publication date; each hit becomes an ISO value at the grain dateparser reports for it
  (year "2024", month "2024-01", day "2024-01-05", time "2024-01-05T14" or "...T14:30").
- official: underthesea's `ner` per line; each B-PER/I-PER span is a name (no titles).
- percent, money, quantity: no runnable peer; the table says so.

A peer that is not installed, or whose model cannot be loaded (underthesea.ner may try to
download one, and this machine has no network), gets a row saying why instead of figures.
Scores use `vnfacts.evaluate`, the code behind `vnfacts eval`, so every row is comparable.
"""
from __future__ import annotations

import argparse
import json
import socket
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterable

from vnfacts import Fact
from vnfacts.evaluate import GoldError, evaluate, gold_types, load_gold, vnfacts_predictor
from vnfacts.evaluate.report import Report, ordered

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ["samples/gold", "benchmarks/gold-real.jsonl"]  # relative to the repository
NO_PEER = "no runnable peer"
PROBE = "Ông Nguyễn Văn An, Chủ tịch UBND tỉnh, phát biểu tại Hà Nội."


@dataclass
class Peer:
    """A system to score on some fact types: a predictor, or the reason it cannot run."""

    name: str
    types: tuple[str, ...]
    predict: Callable | None = None
    unavailable: str | None = None


@dataclass
class Row:
    type: str
    system: str
    report: Report | None = None
    seconds: float | None = None
    note: str = ""


# dateparser ----------------------------------------------------------------------------------


def iso_at(moment: datetime, period: str) -> str:
    """A dateparser result as an ISO value at its own grain.

    >>> iso_at(datetime(2024, 1, 5, 14, 30), "time"), iso_at(datetime(2024, 1, 5, 14), "time")
    ('2024-01-05T14:30', '2024-01-05T14')
    >>> iso_at(datetime(2023, 12, 5), "month"), iso_at(datetime(2023, 1, 5), "year")
    ('2023-12', '2023')
    """
    if period == "year":
        return f"{moment.year:04d}"
    if period == "month":
        return f"{moment.year:04d}-{moment.month:02d}"
    if period == "time":
        return moment.strftime("%Y-%m-%dT%H" if moment.minute == 0 else "%Y-%m-%dT%H:%M")
    return moment.strftime("%Y-%m-%d")


def locate(text: str, pieces: Iterable[str]) -> list[tuple[int | None, int | None]]:
    """Offsets of each piece, searched in order from the end of the previous one.

    >>> locate("4/1 và 5/1, rồi 4/1", ["4/1", "5/1", "4/1", "9/9"])
    [(0, 3), (7, 10), (16, 19), (None, None)]
    """
    spans, cursor = [], 0
    for piece in pieces:
        at = text.find(piece, cursor)
        if at < 0:
            at = text.find(piece)
        if at < 0:
            spans.append((None, None))
            continue
        spans.append((at, at + len(piece)))
        cursor = at + len(piece)
    return spans


def dateparser_peer(search=None, period_of=None) -> Peer:
    """dateparser's search_dates anchored on each document's publication date."""
    if search is None:
        try:
            import dateparser
            from dateparser.date import DateDataParser
            from dateparser.search import search_dates as search
        except ImportError:
            return Peer("dateparser", ("date",), unavailable="not installed (pip install -e '.[bench]')")
        name = f"dateparser {dateparser.__version__}"

        def period_of(piece: str, settings: dict) -> str:
            data = DateDataParser(languages=["vi"], settings=settings).get_date_data(piece)
            return data.period or "day"
    else:
        name = "dateparser"

    def predict(doc) -> list[Fact]:
        settings = {"RETURN_TIME_AS_PERIOD": True}
        if doc.published:
            settings["RELATIVE_BASE"] = datetime.fromisoformat(doc.published)
        found = search(doc.text, languages=["vi"], settings=settings) or []
        spans = locate(doc.text, [piece for piece, _ in found])
        return [Fact("date", piece, start, end, iso_at(moment, grain := period_of(piece, settings)),
                     "peer.dateparser", grain=grain)
                for (piece, moment), (start, end) in zip(found, spans)]

    return Peer(name, ("date",), predict)


# underthesea ---------------------------------------------------------------------------------


def person_spans(line: str, tagged: list[tuple]) -> list[tuple[int, int]]:
    """Character spans of the PER entities in one line tagged by underthesea.ner.

    >>> tagged = [("Ông", "Nc", "B-NP", "O"), ("Lê Văn", "Np", "B-NP", "B-PER"), ("Tám", "Np", "I-NP", "I-PER"),
    ...           ("nói", "V", "B-VP", "O")]
    >>> line = "Ông Lê Văn Tám nói"
    >>> [line[s:e] for s, e in person_spans(line, tagged)]
    ['Lê Văn Tám']
    """
    spans: list[list[int]] = []
    cursor, inside = 0, False
    for word, *_, tag in tagged:
        at = line.find(word, cursor)
        if at < 0:
            inside = False
            continue
        cursor = at + len(word)
        if tag == "B-PER" or (tag == "I-PER" and not inside):
            spans.append([at, cursor])
            inside = True
        elif tag == "I-PER":
            spans[-1][1] = cursor
        else:
            inside = False
    return [(s, e) for s, e in spans]


def underthesea_peer(ner=None, timeout: float = 20.0) -> Peer:
    """underthesea's ner, PER spans as officials' names; unavailable if its model cannot load."""
    name = "underthesea ner (PER)"
    try:
        if ner is None:
            import underthesea
            from underthesea import ner
            name = f"underthesea {underthesea.__version__} ner (PER)"
        previous = socket.getdefaulttimeout()
        socket.setdefaulttimeout(timeout)  # a model download without network fails fast
        try:
            ner(PROBE)
        finally:
            socket.setdefaulttimeout(previous)
    except (Exception, SystemExit) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return Peer(name, ("official",), unavailable=f"underthesea.ner unavailable here (its model could not load: {reason})")

    def predict(doc) -> list[Fact]:
        facts, offset = [], 0
        for line in doc.text.split("\n"):
            if line.strip():
                for s, e in person_spans(line, ner(line)):
                    surface = line[s:e]
                    facts.append(Fact("official", surface, offset + s, offset + e, surface, "peer.underthesea",
                                      name=surface))
            offset += len(line) + 1
        return facts

    return Peer(name, ("official",), predict)


# the table -----------------------------------------------------------------------------------


def compare(docs, peers: list[Peer], vnfacts=None) -> list[Row]:
    """One row for vnfacts per type in the gold, then one per peer of that type (or 'no runnable peer')."""
    types = ordered(gold_types(docs))
    started = time.perf_counter()
    ours = evaluate(docs, vnfacts or vnfacts_predictor(), types)
    ours_seconds = time.perf_counter() - started
    rows = []
    for t in types:
        rows.append(Row(t, "vnfacts", _one_type(ours, t), ours_seconds, _title_note(ours, t)))
        mine = [p for p in peers if t in p.types]
        if not mine:
            rows.append(Row(t, "—", note=NO_PEER))
        for peer in mine:
            if peer.unavailable:
                rows.append(Row(t, peer.name, note=peer.unavailable))
                continue
            started = time.perf_counter()
            report = evaluate(docs, peer.predict, [t])
            note = f"{len(report.failed)} documents failed" if report.failed else ""
            rows.append(Row(t, peer.name, report, time.perf_counter() - started, note))
    return rows


def _one_type(report: Report, t: str) -> Report:
    return Report(report.documents, {t: report.types[t]}, report.types[t], report.titles_found,
                  report.titles_gold, failed=report.failed)


def _title_note(report: Report, t: str) -> str:
    if t != "official" or report.title_recall is None:
        return ""
    return f"title recall {report.title_recall:.3f} ({report.titles_found}/{report.titles_gold})"


def markdown(gold: str, documents: int, rows: list[Row]) -> str:
    """The rows as a Markdown table; a peer's seconds cover all its documents."""
    lines = [f"### {gold} ({documents} documents)", "",
             "| type | system | precision | recall | F1 | tp | fp | fn | seconds | note |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        if r.report is None:
            lines.append(f"| {r.type} | {r.system} | | | | | | | | {r.note} |")
            continue
        c = r.report.types[r.type]
        lines.append(f"| {r.type} | {r.system} | {c.precision:.3f} | {c.recall:.3f} | {c.f1:.3f} | {c.tp} | "
                     f"{c.fp} | {c.fn} | {r.seconds:.1f} | {r.note} |")
    lines.append("")
    lines.append("vnfacts seconds cover every type at once.")
    return "\n".join(lines)


def as_json(gold: str, documents: int, rows: list[Row]) -> dict:
    return {"gold": gold, "documents": documents, "rows": [
        {"type": r.type, "system": r.system, "note": r.note,
         **({"seconds": round(r.seconds, 2), **r.report.types[r.type].to_dict()} if r.report else {})}
        for r in rows]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="example: python benchmarks/peers.py benchmarks/gold-real.jsonl")
    parser.add_argument("gold", nargs="*", help="gold JSONL files or folders [default: samples/gold and "
                                                "benchmarks/gold-real.jsonl]")
    parser.add_argument("--format", choices=["markdown", "json"], default="markdown")
    args = parser.parse_args(argv)
    peers = [dateparser_peer(), underthesea_peer()]
    outputs = []
    for gold in args.gold or DEFAULT_GOLD:
        try:
            docs = load_gold(gold if args.gold else ROOT / gold)
        except GoldError as exc:
            for line in exc.problems:
                print(f"peers: {line}", file=sys.stderr)
            return 2
        rows = compare(docs, peers)
        outputs.append(as_json(gold, len(docs), rows) if args.format == "json" else markdown(gold, len(docs), rows))
    if args.format == "json":
        print(json.dumps(outputs, ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(outputs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
