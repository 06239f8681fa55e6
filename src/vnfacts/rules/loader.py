"""Load rule files: parse, validate everything a user can write, expand sub-patterns, compile.

Every problem in every file is collected and reported at once, each as
`path:line: rule <id>: what is wrong`, in a single RuleError.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Mapping, Sequence

import regex

from ..errors import RuleError
from ..suggest import did_you_mean
from .lexicon import Lexicon
from .examples import examples as read_examples, negatives as read_negatives
from .model import Rule
from .pattern_cache import PatternCache
from .yamlfile import LineDict, load_yaml

FILE_KEYS = ("rules", "patterns", "lexicons", "defaults")
RULE_KEYS = ("id", "type", "pattern", "prefix", "suffix", "requires", "anchor", "priority", "normalizer", "examples", "negatives",
             "misses", "description")
#: Keys a file's `defaults:` may give every rule of the file (a rule's own key wins).
DEFAULT_KEYS = ("type", "prefix", "suffix", "requires", "anchor", "priority", "normalizer")
PATTERN_KEYS = ("pattern", "anchor")
#: A rule pattern that opens with a named sub-pattern, maybe inside a named group.
LEADING_REFERENCE = regex.compile(r"(?:\(\?P<\w+>)?\{([A-Z][A-Z0-9_]*)\}(?![?*+]|\{\d)(?:\)(?![?*+]|\{\d))?")
NAME = regex.compile(r"[A-Z][A-Z0-9_]*")
REFERENCE = regex.compile(r"(?<!\\[pPN])\{([A-Z][A-Z0-9_]*)\}")  # not \p{L}
FLAGS = regex.IGNORECASE | regex.UNICODE | regex.VERSION0
DEFAULT_PRIORITY = 50


def builtin_rules_dir() -> Path:
    """The shipped rule files: inside the installed wheel, or `rules/` of a source checkout."""
    packaged = resources.files("vnfacts") / "_rules"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[3] / "rules"


def rule_files(paths: Iterable[Path | str]) -> list[Path]:
    """Expand directories into their *.yaml / *.yml files, sorted by name."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.iterdir() if f.suffix in (".yaml", ".yml")))
        else:
            out.append(p)
    return out


@dataclass(frozen=True)
class RuleSet:
    """Compiled rules in file order, the lexicons, the normalizers they name: never changed
    after loading. `warnings` are problems that do not stop a load (a lexicon surface that can
    never be found)."""

    rules: tuple[Rule, ...]
    lexicons: Mapping[str, Lexicon]
    normalizers: Mapping[str, Any]  # name -> normalize.contract.Normalizer
    files: tuple[Path, ...] = ()
    warnings: tuple[str, ...] = ()
    _prepared: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def by_id(self, rule_id: str) -> Rule:
        return next(r for r in self.rules if r.id == rule_id)

    @property
    def types(self) -> list[str]:
        return sorted({r.type for r in self.rules})

    def prepared(self, normalizer) -> Any:
        """What `normalizer.prepare` builds from this rule set's lexicons, built on first use
        and shared by the normalizers with the same `prepare` (the numerals, say)."""
        build = normalizer.prepare
        if build is None:
            return None
        if build not in self._prepared:
            self._prepared[build] = build(self.lexicons_for(normalizer))
        return self._prepared[build]

    def lexicons_for(self, normalizer) -> Mapping[str, Lexicon]:
        """The lexicons a normalizer declares, and no other: reading an undeclared one fails at
        once (a KeyError naming it), in the rule examples, instead of working by accident."""
        key = ("lexicons", normalizer.name)
        if key not in self._prepared:
            self._prepared[key] = MappingProxyType({n: self.lexicons[n] for n in normalizer.all_lexicons
                                                   if n in self.lexicons})
        return self._prepared[key]


def builtin_normalizers() -> dict[str, Any]:
    """The shipped normalizers by name (imported here, not at module load: normalizers use
    the rules' lexicon module)."""
    from ..normalize import BUILTIN

    return {n.name: n for n in BUILTIN}


class _Loader:
    """One load: the files, the shared namespace of sub-patterns and lexicons, the problems."""

    def __init__(self, normalizers: Mapping[str, Any], cache: PatternCache | None = None) -> None:
        self.normalizers = normalizers
        self.cache = cache or PatternCache(None)
        self.problems: list[str] = []
        self.warnings: list[str] = []
        self.patterns: dict[str, tuple[str, Path, int]] = {}
        self.pattern_anchors: dict[str, str] = {}  # named pattern -> the anchor rules inherit
        self.lexicons: dict[str, Lexicon] = {}
        self._expanded: dict[str, str] = {}
        self._compiled: dict[str, regex.Pattern] = {}

    def problem(self, path: Path, line: int, what: str, rule: str | None = None) -> None:
        who = f"rule {rule}: " if rule else ""
        self.problems.append(f"{path}:{line}: {who}{what}")

    # -- file level ---------------------------------------------------------------------------
    def read(self, path: Path) -> LineDict | None:
        try:
            data = load_yaml(path)
        except RuleError as exc:
            self.problems.extend(exc.problems)
            return None
        if not isinstance(data, dict):
            self.problem(path, 1, "a rule file must be a mapping with a 'rules:' list")
            return None
        for key in data:
            if key not in FILE_KEYS:
                self.problem(path, data.line_of(key), f"unknown key '{key}'{did_you_mean(str(key), FILE_KEYS)}")
        return data

    def collect_shared(self, path: Path, data: LineDict) -> None:
        patterns = data.get("patterns") or {}
        lexicons = data.get("lexicons") or {}
        for section, table in (("patterns", patterns), ("lexicons", lexicons)):
            if not isinstance(table, dict):
                self.problem(path, data.line_of(section), f"'{section}' must be a mapping of NAME: ...")
        if isinstance(patterns, dict):
            for name, src in patterns.items():
                line = patterns.line_of(name)
                if not NAME.fullmatch(str(name)):
                    self.problem(path, line, f"pattern name '{name}' must be UPPER_CASE")
                elif isinstance(src, dict) and set(src) <= set(PATTERN_KEYS) and isinstance(src.get("pattern"), str) \
                        and isinstance(src.get("anchor", ""), str):
                    self.patterns[name] = (src["pattern"], path, line)
                    if "anchor" in src:
                        self.pattern_anchors[name] = src["anchor"]
                elif not isinstance(src, str):
                    self.problem(path, line, f"pattern {name} must be a string or a mapping with 'pattern' "
                                             f"and 'anchor'")
                else:
                    self.patterns[name] = (src, path, line)
        if isinstance(lexicons, dict):
            for name, forms in lexicons.items():
                line = lexicons.line_of(name)
                if not NAME.fullmatch(str(name)):
                    self.problem(path, line, f"lexicon name '{name}' must be UPPER_CASE")
                elif not _valid_lexicon(forms):
                    self.problem(path, line, f"lexicon {name} must be a list of words or a mapping KEY: [words]")
                else:
                    self.lexicons[name] = Lexicon.from_data(name, forms)
                    self.warnings.extend(f"{path}:{line}: lexicon {name}: {what}" for what in self.lexicons[name].problems)

    # -- sub-pattern expansion ----------------------------------------------------------------
    def expand(self, source: str, stack: tuple[str, ...] = ()) -> str:
        """Replace every {NAME} by its sub-pattern or lexicon; KeyError names an undefined one."""

        def sub(m: regex.Match) -> str:
            name = m.group(1)
            if name in self.lexicons:
                return self.lexicons[name].pattern()
            if name not in self.patterns:
                raise KeyError(name)
            if name in stack:
                raise RecursionError(" -> ".join(stack + (name,)))
            if name not in self._expanded:
                self._expanded[name] = "(?:" + self.expand(self.patterns[name][0], stack + (name,)) + ")"
            return self._expanded[name]

        return REFERENCE.sub(sub, source)

    def check_patterns(self) -> None:
        for name, (src, path, line) in self.patterns.items():
            try:
                self.cache.compile(self.expand(src, (name,)), FLAGS)
            except KeyError as exc:
                self.problem(path, line, f"pattern {name}: undefined sub-pattern {{{exc.args[0]}}}")
            except RecursionError as exc:
                self.problem(path, line, f"pattern {name}: refers to itself ({exc})")
            except regex.error as exc:
                self.problem(path, line, f"pattern {name}: bad regex: {exc}")

    # -- rules --------------------------------------------------------------------------------
    def rules_of(self, path: Path, data: LineDict) -> list[Rule]:
        items = data.get("rules")
        if items is None:
            if not (data.get("patterns") or data.get("lexicons")):
                self.problem(path, data.line, "no 'rules:' list (nor patterns or lexicons)")
            return []
        if not isinstance(items, list):
            self.problem(path, data.line_of("rules"), "'rules' must be a list")
            return []
        defaults = self.defaults(path, data)
        out: list[Rule] = []
        seen: set[str] = set()
        for item in items:
            if isinstance(item, dict):
                for key, value in defaults.items():
                    item.setdefault(key, value)
                    item.key_lines.setdefault(key, data.get("defaults").line_of(key))
            rule = self.rule(path, item, getattr(data.get("rules"), "line", 1))
            if rule is None:
                continue
            if rule.id in seen:
                self.problem(path, rule.line, "duplicate rule id in this file", rule.id)
            seen.add(rule.id)
            out.append(rule)
        return out

    def defaults(self, path: Path, data: LineDict) -> dict[str, Any]:
        """The file's `defaults:`, checked: keys every rule of the file takes unless it says otherwise."""
        raw = data.get("defaults") or {}
        if not isinstance(raw, dict):
            self.problem(path, data.line_of("defaults"), "'defaults' must be a mapping of rule keys")
            return {}
        for key in raw:
            if key not in DEFAULT_KEYS:
                self.problem(path, raw.line_of(key), f"defaults: '{key}' cannot be a default"
                                                     f"{did_you_mean(str(key), DEFAULT_KEYS)} (can: {', '.join(DEFAULT_KEYS)})")
        return {k: v for k, v in raw.items() if k in DEFAULT_KEYS}

    def inherited_anchor(self, pattern: Any) -> str | None:
        """The anchor of the named sub-pattern a rule's pattern opens with, if it has one: only
        when every match starts with it (not optional, not one branch of a top-level "|")."""
        lead = LEADING_REFERENCE.match(pattern) if isinstance(pattern, str) else None
        if lead is None or _top_level_alternation(pattern):
            return None
        return self.pattern_anchors.get(lead.group(1))

    def rule(self, path: Path, item: Any, fallback_line: int) -> Rule | None:
        if not isinstance(item, dict):
            self.problem(path, fallback_line, "each rule must be a mapping with id, type, pattern, examples")
            return None
        line = item.line
        rid = str(item.get("id") or "?")
        ok = True

        def bad(what: str, key: str | None = None) -> None:
            nonlocal ok
            ok = False
            self.problem(path, item.line_of(key) if key else line, what, rid)

        for key in item:
            if key not in RULE_KEYS:
                bad(f"unknown key '{key}'{did_you_mean(str(key), RULE_KEYS)}", key)
        for key in ("id", "type", "pattern"):
            if not isinstance(item.get(key), str) or not item.get(key):
                bad(f"'{key}' is required and must be a string")
        priority = item.get("priority", DEFAULT_PRIORITY)
        if not isinstance(priority, int) or isinstance(priority, bool):
            bad("'priority' must be an integer", "priority")
        norm = item.get("normalizer", item.get("type"))
        if norm not in self.normalizers:
            bad(f"unknown normalizer '{norm}' (known: {', '.join(sorted(self.normalizers))})", "normalizer")
        compiled = self.compile_key(item, "pattern", "{}", bad) if isinstance(item.get("pattern"), str) else None
        prefix = self.compile_key(item, "prefix", r"(?<!\w)(?:{})\Z", bad)
        suffix = self.compile_key(item, "suffix", "(?:{})", bad)
        requires = self.compile_key(item, "requires", "(?:{})", bad)
        if "anchor" not in item and (inherited := self.inherited_anchor(item.get("pattern"))):
            item["anchor"] = inherited
        anchor = self.compile_key(item, "anchor", "(?:{})", bad)
        examples = read_examples(item, bad)
        misses = read_examples(item, bad, key="misses", required=False)
        negatives = read_negatives(item, bad)
        if compiled is not None and norm in self.normalizers:
            self.check_contract(self.normalizers[norm], [compiled, prefix, suffix], bad)
        if not ok or compiled is None:
            return None
        return Rule(
            id=rid, type=item["type"], pattern=item["pattern"], compiled=compiled,
            priority=priority, normalizer=norm, examples=examples, negatives=negatives,
            path=path, line=line, description=str(item.get("description", "")),
            prefix=prefix, suffix=suffix, requires=requires, anchor=anchor, misses=misses,
        )

    def check_contract(self, normalizer, patterns: list, bad) -> None:
        """The rule's named groups against what its normalizer reads, and the lexicons it
        needs against those loaded. Groups named with a leading "_" are the pattern's own
        (a back-reference), read by no normalizer."""
        groups = {g for p in patterns if p is not None for g in p.groupindex}
        reads = normalizer.reads
        for group in sorted(groups):
            if group not in reads and not group.startswith("_"):
                known = f"; it reads {', '.join(reads)}" if reads else "; it reads no group"
                hint = did_you_mean(group, reads)
                bad(f"group '{group}' is not read by normalizer '{normalizer.name}'{hint or known}", "pattern")
        for group in normalizer.required:
            if group not in groups:
                bad(f"normalizer '{normalizer.name}' needs a group '{group}' in the pattern", "pattern")
        for name in normalizer.all_lexicons:
            if name not in self.lexicons:
                bad(f"normalizer '{normalizer.name}' needs the lexicon {name}, which no rule file defines")

    def compile_key(self, item: LineDict, key: str, template: str, bad) -> regex.Pattern | None:
        """Compile one pattern-valued key of a rule; problems go to `bad` with the key's line."""
        source = item.get(key)
        if source is None:
            return None
        if not isinstance(source, str):
            bad(f"'{key}' must be a string", key)
            return None
        try:
            expanded = template.format(self.expand(source))
            if expanded not in self._compiled:  # rules sharing a `requires` or `anchor` share its answers
                self._compiled[expanded] = self.cache.compile(expanded, FLAGS)
            return self._compiled[expanded]
        except KeyError as exc:
            bad(f"undefined sub-pattern {{{exc.args[0]}}} in {key}", key)
        except RecursionError as exc:
            bad(f"sub-patterns refer to themselves in {key}: {exc}", key)
        except regex.error as exc:
            bad(f"bad regex in {key}: {exc}", key)
        return None


def _top_level_alternation(pattern: str) -> bool:
    r"""Does the pattern have a "|" outside every group (so a match may start elsewhere)?

    >>> _top_level_alternation(r"{A}\s+x|y"), _top_level_alternation("(?P<a>{A}|b)c"), _top_level_alternation("[|]{A}")
    (True, False, False)
    """
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            return True
        i += 1
    return False


def _valid_lexicon(forms: Any) -> bool:
    if isinstance(forms, list):
        return all(isinstance(f, (str, int)) for f in forms) and bool(forms)
    if isinstance(forms, dict):
        return all(isinstance(v, list) and all(isinstance(f, (str, int)) for f in v) for v in forms.values())
    return False


def load_ruleset(paths: Sequence[Path | str] = (), *, builtin: bool = True, strict: bool = False,
                 normalizers: Mapping[str, Any] | None = None, cache: bool = True) -> RuleSet:
    """Load the shipped rules (unless builtin=False) and then the user's files or folders.

    A later rule with an id already loaded replaces it, so a user file can override a shipped
    rule. Raises RuleError listing every problem found. `strict` also compiles every named
    sub-pattern on its own, so a broken one no rule uses is reported too (`rules check`, user
    rule files, the tests); an ordinary load skips that, which halves start-up time.
    Compiled patterns come from the on-disk cache of pattern_cache.py unless `cache=False`.
    """
    files = (rule_files([builtin_rules_dir()]) if builtin else []) + rule_files(paths)
    patterns = PatternCache.for_sources(_file_bytes(files)) if cache else PatternCache(None)
    loader = _Loader(builtin_normalizers() if normalizers is None else normalizers, patterns)
    parsed = []
    for path in files:
        if not path.exists():
            loader.problem(path, 0, "no such rule file or folder")
            continue
        data = loader.read(path)
        if data is not None:
            parsed.append((path, data))
            loader.collect_shared(path, data)
    if strict:
        loader.check_patterns()
    rules: dict[str, Rule] = {}
    for path, data in parsed:
        for rule in loader.rules_of(path, data):
            rules[rule.id] = rule
    if loader.problems:
        raise RuleError(loader.problems)
    patterns.save()
    return RuleSet(tuple(rules.values()), MappingProxyType(dict(loader.lexicons)),
                   MappingProxyType(dict(loader.normalizers)), tuple(files), tuple(loader.warnings))


def _file_bytes(files: Sequence[Path]) -> Iterable[bytes]:
    for path in files:
        try:
            yield str(path).encode("utf-8") + b"\0" + path.read_bytes()
        except OSError:  # reported by the load itself
            yield str(path).encode("utf-8")


@lru_cache(maxsize=8)
def cached_ruleset(paths: tuple[str, ...] = (), builtin: bool = True) -> RuleSet:
    """Compile once per process: the same rule files give the same RuleSet object.

    User rule files are loaded strictly (every sub-pattern checked); the shipped ones are
    checked strictly by the test suite instead of at every start.
    """
    return load_ruleset(paths, builtin=builtin, strict=bool(paths))
