"""`vnfacts eval`: score vnfacts against a hand-annotated gold set (see docs/eval.md).

Exit codes: 0 a complete evaluation; 1 a --min-f1 floor was missed, or some document could
not be extracted (it is scored with no predictions and named on stderr); 2 usage or gold
file errors, one `file:line: ...` line each.
"""
from __future__ import annotations

import json
import sys

import click

from ..evaluate import evaluate, gold_types, load_gold, vnfacts_predictor
from ..evaluate.report import ordered
from ..evaluate.table import write_table
from .options import EXIT_INPUT, color_option, load_extractor, output_options, parse_types, quiet_pipe, rules_option, warn


def parse_floor(ctx, param, values: tuple[str, ...]) -> dict[str, float]:
    """`TYPE=X` pairs to {type: floor}; a bad pair is a usage error (exit 2)."""
    floors = {}
    for item in values:
        name, sep, number = item.partition("=")
        try:
            floor = float(number)
        except ValueError:
            floor = -1.0
        if not sep or not name.strip() or not 0.0 <= floor <= 1.0:
            raise click.BadParameter(f"{item!r}: expected TYPE=X with X between 0 and 1, e.g. money=0.9")
        floors[name.strip()] = floor
    return floors


@click.command("eval")
@click.argument("gold", metavar="GOLD")
@output_options(("table", "json"), default="table",
                format_help="table: figures then every miss and false hit; json: one object for tools.",
                types_help="Score only these fact types, e.g. --types money,percent [default: every type in the gold].")
@click.option("--min-f1", "floors", multiple=True, metavar="TYPE=X", callback=parse_floor,
              help="Exit 1 when TYPE's F1 (or 'overall') is under X; repeatable, for CI.")
@rules_option
@color_option
@quiet_pipe
def eval_command(gold, types, fmt, floors, rule_paths, color):
    """Score vnfacts on GOLD, a gold JSON Lines file or a folder of them.

    Facts match by type and normalized value (money also by currency, quantity by unit,
    officials by name); docs/annotation.md describes the gold format. For officials it also
    reports title recall, recall per gold sector, and sector and rank accuracy (docs/eval.md).

    \b
    Examples:
      vnfacts eval samples/gold
      vnfacts eval benchmarks/gold-real.jsonl --types money,percent
      vnfacts eval samples/gold --format json | jq '.types.money.f1'
      vnfacts eval benchmarks/gold-tune --types official --format json | jq '.officials.sectors'
      vnfacts eval samples/gold --min-f1 money=0.9 --min-f1 overall=0.6
      vnfacts eval samples/gold --rules my-rules/ --types money   # score your rules beside the shipped ones
    """
    docs = load_gold(gold)
    extractor = load_extractor(rule_paths)
    in_gold = gold_types(docs)
    scored = _scored_types(parse_types(types, set(extractor.ruleset.types) | in_gold), in_gold)
    unknown = sorted(set(floors) - set(scored) - {"overall"})
    if unknown:
        raise click.BadParameter(f"no scored type {', '.join(unknown)} (scored: {', '.join(scored)}, overall)",
                                 param_hint="--min-f1")
    report = evaluate(docs, vnfacts_predictor(extractor), scored)
    if fmt == "json":
        json.dump(report.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        write_table(report, sys.stdout, color=color)
    for failure in report.failed:
        warn(f"error: {failure['document']}: extraction failed ({failure['error']}); scored with no facts")
    missed = [f"{t} F1 {report.f1(t):.3f} is under the floor {x}" for t, x in floors.items() if report.f1(t) < x]
    for line in missed:
        warn(line)
    if missed or report.failed:
        sys.exit(EXIT_INPUT)


def _scored_types(wanted: set[str] | None, in_gold: set[str]) -> list[str]:
    if not wanted:
        return ordered(in_gold)
    absent = sorted(wanted - in_gold)
    if absent:
        raise click.BadParameter(f"the gold has no facts of type {', '.join(absent)} "
                                 f"(it has: {', '.join(ordered(in_gold))})", param_hint="--types")
    return ordered(wanted)
