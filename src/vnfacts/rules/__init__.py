"""Rule files: loading, validation and the compiled RuleSet."""
from .loader import RuleSet, builtin_rules_dir, cached_ruleset, load_ruleset, rule_files
from .model import Example, Negative, Rule

__all__ = ["Example", "Negative", "Rule", "RuleSet", "builtin_rules_dir", "cached_ruleset",
           "load_ruleset", "rule_files"]
