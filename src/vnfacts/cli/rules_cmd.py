"""`vnfacts rules list|test|check|normalizers`: see the rules, run their examples, validate a
file, list the normalizers' contracts."""
from __future__ import annotations

import json

import click
from rich.console import Console
from rich.table import Table

from ..errors import RuleError
from ..extractor import Extractor
from ..rules import load_ruleset
from ..rules.selftest import cases, failures
from .options import load_extractor, quiet_pipe, rules_from, rules_option


@click.group()
def rules():
    """List, test and validate rule files.

    \b
    Examples:
      vnfacts rules list
      vnfacts rules test --rules my-rules/
      vnfacts rules check my-rules/money.yaml
      vnfacts rules normalizers
    """


@rules.command("list")
@rules_option
@click.option("--type", "fact_type", help="Only rules of this fact type.")
@quiet_pipe
def list_rules(rule_paths, fact_type):
    """Show every rule: id, type, priority, examples and where it is defined.

    Example: vnfacts rules list --type money
    """
    extractor = load_extractor(rule_paths, check_examples=False)
    table = Table("type", "priority", "examples", "negatives", "defined at")
    table.add_column("id", no_wrap=True)  # last, whole: the column people copy from
    for r in extractor.ruleset.rules:
        if fact_type and r.type != fact_type:
            continue
        table.add_row(r.type, str(r.priority), str(len(r.examples)), str(len(r.negatives)),
                      f"{r.path.name}:{r.line}", r.id)
    Console(highlight=False).print(table)


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
@quiet_pipe
def list_normalizers(fmt):
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
    Console(highlight=False).print(table)
