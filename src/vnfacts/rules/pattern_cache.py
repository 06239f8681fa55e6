"""Compiled rule patterns kept on disk between runs, so start-up does not parse them again.

The regex module parses a pattern in Python: for the shipped rules that is most of
vnfacts' start-up (about 2 s of 2.5). A compiled pattern pickles as its finished code
(`regex._regex.compile` with the code list), which loads in a few milliseconds. So the
first run of a rule set compiles and saves; later runs load.

Why this is sound:
- a cached pattern is looked up by its exact expanded source and flags, so a changed rule
  or lexicon simply misses and is compiled afresh;
- the file's name carries the regex release and the interpreter, whose compiled code
  format can differ: another version never reads it;
- only a successfully compiled pattern is stored, so a broken rule is still reported;
- the file is read with an unpickler that accepts nothing but compiled regex patterns in
  a dict, and any problem reading it (corrupt, truncated, foreign) means "compile";
- it is written to a temporary file and renamed, so a reader never sees half a file.

Where: `$VNFACTS_CACHE_DIR`, else `$XDG_CACHE_HOME/vnfacts`, else `~/.cache/vnfacts`.
`VNFACTS_NO_CACHE=1` turns it off. A directory that cannot be written costs nothing but
the saving.
"""
from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Iterable

import regex

#: Rule sets whose cache files are kept (the newest); older ones are deleted on save.
KEEP_FILES = 8


def cache_dir() -> Path | None:
    """The folder for cache files, or None when caching is turned off.

    >>> from unittest import mock
    >>> with mock.patch.dict(os.environ, {"VNFACTS_CACHE_DIR": "/tmp/x"}):
    ...     str(cache_dir())
    '/tmp/x'
    >>> with mock.patch.dict(os.environ, {"VNFACTS_NO_CACHE": "1"}):
    ...     cache_dir() is None
    True
    """
    if os.environ.get("VNFACTS_NO_CACHE", "").strip() not in ("", "0"):
        return None
    if os.environ.get("VNFACTS_CACHE_DIR"):
        return Path(os.environ["VNFACTS_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "vnfacts"


class _PatternsOnly(pickle.Unpickler):
    """Unpickles a dict of compiled regex patterns and refuses every other object."""

    def find_class(self, module: str, name: str):
        if (module, name) == ("regex._regex", "compile"):
            return regex._regex.compile
        raise pickle.UnpicklingError(f"not a pattern cache: {module}.{name}")


class PatternCache:
    """Compile through a cache file named after the rule files' contents.

    >>> import tempfile, os
    >>> folder = tempfile.mkdtemp()
    >>> first = PatternCache.for_sources(["rule text"], folder=Path(folder))
    >>> first.compile(r"\\d+ tỷ", regex.I).pattern, first.compiled
    ('\\\\d+ tỷ', 1)
    >>> first.save()
    >>> again = PatternCache.for_sources(["rule text"], folder=Path(folder))
    >>> again.compile(r"\\d+ tỷ", regex.I).match("12 TỶ").group(), again.compiled
    ('12 TỶ', 0)
    """

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.patterns: dict[tuple[str, int], regex.Pattern] = self._read(path) if path else {}
        self.compiled = 0  # patterns this load had to compile (0 when all came from the file)

    @classmethod
    def for_sources(cls, sources: Iterable[str | bytes], folder: Path | None = None) -> "PatternCache":
        """The cache for a rule set given the text of its files (order matters: later files win)."""
        folder = folder if folder is not None else cache_dir()
        if folder is None:
            return cls(None)
        digest = hashlib.sha256()
        for text in sources:
            digest.update(text.encode("utf-8") if isinstance(text, str) else text)
            digest.update(b"\0")
        tag = f"regex-{regex.__version__}-{sys.implementation.cache_tag}"
        return cls(folder / f"patterns-{tag}-{digest.hexdigest()[:20]}.pickle")

    def compile(self, source: str, flags: int) -> regex.Pattern:
        """`regex.compile(source, flags)`, from the file when it has it (errors as regex raises them)."""
        key = (source, int(flags))  # a plain int: the file holds no enum objects
        pattern = self.patterns.get(key)
        if pattern is None:
            pattern = regex.compile(source, flags)
            self.patterns[key] = pattern
            self.compiled += 1
        return pattern

    def save(self) -> None:
        """Write the file if this load compiled anything new; never raises for the disk's sake."""
        if self.path is None or not self.compiled:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".patterns-", suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump({key: p for key, p in self.patterns.items()}, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
            self.compiled = 0
            self._prune()
        except OSError:
            try:
                os.unlink(tmp)  # type: ignore[possibly-undefined]
            except (OSError, NameError):
                pass

    def _prune(self) -> None:
        files = sorted(self.path.parent.glob("patterns-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in files[KEEP_FILES:]:
            old.unlink(missing_ok=True)

    @staticmethod
    def _read(path: Path) -> dict:
        try:
            data = _PatternsOnly(io.BytesIO(path.read_bytes())).load()
        except Exception:  # missing, corrupt, truncated or not ours: compile instead
            return {}
        if not isinstance(data, dict):
            return {}
        return {key: p for key, p in data.items()
                if isinstance(key, tuple) and len(key) == 2 and isinstance(p, regex.Pattern) and p.pattern == key[0]}
