"""`vnfacts rules list|test|check`: see the rules, run their examples, validate a file."""
from __future__ import annotations

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
    extractor = Extractor(ruleset=full)
    mine = rules_from(full, files)
    problems = failures(extractor, mine)
    if problems:
        raise RuleError(problems)
    n = sum(1 for _ in cases(mine))
    click.echo(f"ok: {len(mine.rules)} rules, {n} examples and negatives pass", err=True)
