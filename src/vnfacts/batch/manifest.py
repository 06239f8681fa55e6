"""`OUT.manifest.json` beside a local batch's `-o OUT`: what produced the file, and its counts.

Written when the run starts (`"complete": false`) and again when it ends, atomically (a
temporary file renamed over it), so a killed run still leaves what it was run with: `--resume`
reads it and refuses other `--types` or `--rules` (one file, one schema). Its `run` holds the
keys of a cluster run's `_manifest.json` (schema/manifest.schema.json) less `task_bytes`, plus
`ruleset`, a hash of every rule file used, shipped ones included.

>>> import tempfile, os
>>> tmp = tempfile.TemporaryDirectory(); out = os.path.join(tmp.name, "facts.jsonl")
>>> run = run_record(["news/"], Settings(), ["money"], (), "jsonl", ruleset_hash([]))
>>> write(manifest_path(out), {"run": run, "complete": False})
>>> os.path.basename(manifest_path(out)), read(manifest_path(out))["run"]["types"]
('facts.jsonl.manifest.json', ['money'])
>>> differences(read(manifest_path(out))["run"], {**run, "types": None})
['--types (money, not all types)']
>>> tmp.cleanup()
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any, Iterable, Sequence

from .. import __version__
from ..errors import VnfactsError
from .settings import Settings

SUFFIX = ".manifest.json"


class ManifestError(VnfactsError):
    """The manifest beside an output can't be read, or says the output was made otherwise."""


def manifest_path(output: str) -> str:
    return output + SUFFIX


def rules_fingerprint(files: Iterable[tuple[str, str]]) -> str:
    """The user's rule files (name, text) as 12 hex digits: a cluster run's `rules` too.

    >>> rules_fingerprint([])
    'f9065fa73897'
    """
    return hashlib.sha1(repr(tuple(files)).encode("utf-8")).hexdigest()[:12]


def user_rules(paths: Sequence[str]) -> str:
    """The fingerprint of the --rules files (as a cluster run computes it)."""
    from ..rules import rule_files

    return rules_fingerprint((p.name, p.read_text(encoding="utf-8")) for p in rule_files(paths))


def ruleset_hash(files: Iterable[Path]) -> str:
    """SHA-256 of every rule file's name and bytes, in load order: shipped rules included, so a
    new vnfacts release with other rules has another hash."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(Path(path).name.encode("utf-8") + b"\0" + Path(path).read_bytes() + b"\0")
    return "sha256:" + digest.hexdigest()


def run_record(inputs: Sequence[str], settings: Settings, types: Iterable[str] | None, rule_paths: Sequence[str],
               fmt: str, ruleset: str) -> dict[str, Any]:
    """The `run` of the manifest: version, format, inputs, settings, types, rules, ruleset."""
    plain = {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(settings).items()}
    return {"vnfacts": __version__, "format": fmt, "inputs": list(inputs), "settings": plain,
            "types": sorted(types) if types is not None else None,
            "rules": user_rules(rule_paths), "rule_files": [str(p) for p in rule_paths], "ruleset": ruleset}


def differences(previous: dict[str, Any], mine: dict[str, Any]) -> list[str]:
    """What a resumed run would change: other --types or --rules (one schema per file)."""
    out = []
    if previous.get("types") != mine["types"]:
        out.append(f"--types ({_types(previous.get('types'))}, not {_types(mine['types'])})")
    if previous.get("rules") != mine["rules"]:
        out.append("--rules (other rule files or other contents)")
    return out


def _types(types) -> str:
    return ", ".join(types) if types else "all types"


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def read(path: str) -> dict[str, Any] | None:
    """The manifest at `path`; None when there is none. ManifestError when it is not one."""
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise ManifestError(f"{path}: not a vnfacts manifest ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("run"), dict):
        raise ManifestError(f"{path}: not a vnfacts manifest (no 'run')")
    return data


def write(path: str, data: dict[str, Any]) -> None:
    """Write `data` to `path` whole or not at all (a temporary file, then a rename)."""
    tmp = f"{path}.tmp-{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    os.replace(tmp, path)


class LocalManifest:
    """The manifest of one local run onto `output`: checked and written at the start, rewritten
    at the end with the counts of the whole file (`before`: what a resumed file already held).

    >>> import tempfile, os
    >>> from .report import Tally
    >>> tmp = tempfile.TemporaryDirectory(); out = os.path.join(tmp.name, "facts.jsonl")
    >>> run = run_record(["a/"], Settings(), None, (), "jsonl", "sha256:0")
    >>> m = LocalManifest.start(out, run, resume=False)
    >>> read(m.path)["complete"], read(m.path)["finished"] is None
    (False, True)
    >>> t = Tally(); t.add_counts({"documents": 3, "failed": 1, "facts": {"date": 2}, "errors": {"decode": 1}})
    >>> m.finish(t, Tally(), {}, complete=True)
    >>> done = read(m.path); done["complete"], done["documents"], done["facts"]
    (True, 3, {'date': 2})
    >>> LocalManifest.start(out, {**run, "types": ["money"]}, resume=True)
    Traceback (most recent call last):
    vnfacts.batch.manifest.ManifestError: ...: was written with other --types (all types, not money); resume with the same options, or --overwrite to start again
    >>> tmp.cleanup()
    """

    def __init__(self, path: str, output: str, run: dict[str, Any], started: str):
        self.path, self.output, self.run, self.started = path, output, run, started
        self.clock = time.perf_counter()

    @classmethod
    def start(cls, output: str, run: dict[str, Any], *, resume: bool) -> "LocalManifest":
        path = manifest_path(output)
        previous = read(path) if resume else None
        if previous is not None:
            differ = differences(previous["run"], run)
            if differ:
                raise ManifestError(f"{output}: was written with other {'; '.join(differ)}; resume with the "
                                    "same options, or --overwrite to start again")
        manifest = cls(path, output, run, (previous or {}).get("started") or now())
        write(path, manifest._data(None, {}, complete=False, finished=None))
        return manifest

    def finish(self, tally, before, skipped, *, complete: bool) -> None:
        """The final manifest: counts of the file (`before` + this run's `tally`), the times."""
        write(self.path, self._data((before, tally), skipped, complete=complete, finished=now()))

    def _data(self, tallies, skipped, *, complete: bool, finished: str | None) -> dict[str, Any]:
        from .report import Tally

        total = Tally()
        for tally in tallies or ():
            total.add_counts(tally.counts())
        return {"run": self.run, "output": self.output, **total.counts(), "skipped": dict(sorted(skipped.items())),
                "started": self.started, "finished": finished, "seconds": round(time.perf_counter() - self.clock, 3),
                "complete": complete}
