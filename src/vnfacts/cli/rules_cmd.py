"""`vnfacts rules list|show|test|check|normalizers`: see the rules (one in full), run their
examples, validate a file, list the normalizers' contracts."""
from __future__ import annotations

import json
import sys

import click
from rich.table import Table

from ..errors import RuleError
from ..extractor import Extractor
from ..rules import load_ruleset
from ..rules.selftest import cases, failures
from ..suggest import did_you_mean
from .options import color_option, load_extractor, output_options, parse_types, quiet_pipe, rules_from, rules_option
from ..render.table import console_for
from ..rules.describe import rule_detail, rule_summary, rule_text


@click.group()
def rules():
    """List, test and validate rule files.

    \b
    Examples:
      vnfacts rules list
      vnfacts rules show money.amount
      vnfacts rules test --rules my-rules/
      vnfacts rules check my-rules/money.yaml
      vnfacts rules normalizers
    """


@rules.command("list")
@rules_option
@output_options(("table", "json"), default="table",
                format_help="table: one row per rule; json: an array of objects for tools.",
                types_help="Only rules of these fact types, e.g. --types money,percent (repeatable).")
@click.option("--type", "fact_type", hidden=True, help="Only rules of this fact type (old spelling of --types).")
@color_option
@quiet_pipe
def list_rules(rule_paths, fmt, types, fact_type, color):
    """Show every rule: id, type, priority, examples and where it is defined.

    \b
    Examples:
      vnfacts rules list --types money
      vnfacts rules list --format json | jq -r '.[] | select(.priority > 50) | .id'
    """
    extractor = load_extractor(rule_paths, check_examples=False)
    wanted = parse_types(types + ((fact_type,) if fact_type else ()), extractor.ruleset.types)
    chosen = [r for r in extractor.ruleset.rules if wanted is None or r.type in wanted]
    if fmt == "json":
        click.echo(json.dumps([rule_summary(r) for r in chosen], ensure_ascii=False, indent=1))
        return
    table = Table("type", "priority", "examples", "negatives", "defined at")
    table.add_column("id", no_wrap=True)  # last, whole: the column people copy from
    for r in chosen:
        table.add_row(r.type, str(r.priority), str(len(r.examples)), str(len(r.negatives)),
                      f"{r.path.name}:{r.line}", r.id)
    console_for(sys.stdout, color).print(table)


@rules.command("show")
@click.argument("rule_id", metavar="ID")
@rules_option
@click.option("--format", "-f", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: for reading; json: one object (the pattern as written and expanded, examples).")
@quiet_pipe
def show_rule(rule_id, rule_paths, fmt):
    """Show one rule: its pattern as written and with every {NAME} expanded, its context
    patterns, and its examples, negatives and known misses.

    \b
    Examples:
      vnfacts rules show money.amount
      vnfacts rules show percent.range --format json | jq -r .expanded
    """
    extractor = load_extractor(rule_paths, check_examples=False)
    by_id = {r.id: r for r in extractor.ruleset.rules}
    if rule_id not in by_id:
        raise click.BadParameter(f"no rule {rule_id!r}{did_you_mean(rule_id, by_id)}; "
                                 "see vnfacts rules list", param_hint="ID")
    data = rule_detail(by_id[rule_id])
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=1, default=str))
    else:
        click.echo(rule_text(data))


@rules.command("test")
@rules_option
@quiet_pipe
def test_rules(rule_paths):
    """Run every example and negative of every rule (shipped and --rules); exit 2 on a failure.

    Example: vnfacts rules test --rules my-rules/
    """
    extractor = load_extractor(rule_paths, check_examples=False)
    problems = failures(extractor)
    total = sum(1 for _ in cases(extractor.ruleset))
    if problems:
        raise RuleError(problems + [f"{len(problems)} of {total} rule cases failed"])
    click.echo(f"{total} passed, 0 failed", err=True)


@rules.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@quiet_pipe
def check_rules(files):
    """Validate rule FILES: structure, patterns, sub-patterns, runaway patterns, and examples.

    Example: vnfacts rules check my-rules/money.yaml
    """
    full = load_ruleset(files, strict=True)
    for warning in full.warnings:
        click.echo(f"vnfacts: warning: {warning}", err=True)
    extractor = Extractor(ruleset=full)
    mine = rules_from(full, files)
    problems = failures(extractor, mine)
    if problems:
        raise RuleError(problems)
    n = sum(1 for _ in cases(mine))
    click.echo(f"ok: {len(mine.rules)} rules, {n} examples and negatives pass", err=True)


@rules.command("normalizers")
@click.option("--format", "-f", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@color_option
@quiet_pipe
def list_normalizers(fmt, color):
    """Every normalizer a rule can name, with the groups it reads (required ones marked *), the
    lexicons it needs and the fields it returns: its declared contract, which the rule loader
    checks every rule against.

    Example: vnfacts rules normalizers --format json | jq '.[] | select(.name=="money")'
    """
    from ..normalize import BUILTIN

    rows = [{"name": n.name, "summary": n.summary, "required": list(n.required), "optional": list(n.optional),
             "lexicons": list(n.lexicons), "returns": list(n.returns)} for n in BUILTIN]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    table = Table("normalizer", "groups (* required)", "lexicons", "returns", "what it does", show_lines=True)
    for row in rows:
        groups = [g + "*" for g in row["required"]] + row["optional"]
        table.add_row(row["name"], " ".join(groups) or "-", " ".join(row["lexicons"]) or "-",
                      " ".join(row["returns"]), row["summary"])
    console_for(sys.stdout, color).print(table)
