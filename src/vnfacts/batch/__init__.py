"""Batch runs over many documents: folders, zip and tar archives, JSON Lines dumps.

The Python API yields each input's result in input order: a `Document` (as `vnfacts.extract`
gives) or a `Failure` (source, kind, message) for a document that could not be processed.

>>> import tempfile, pathlib
>>> tmp = tempfile.TemporaryDirectory(); root = pathlib.Path(tmp.name)
>>> _ = (root / "a.txt").write_text("Thu ngân sách tăng 12%.", encoding="utf-8")
>>> _ = (root / "b.txt").write_bytes(bytes(range(256)))
>>> for result in extract_all([str(root)]):
...     print(pathlib.Path(result.source).name, result.to_dict().get("error", {}).get("kind", "ok"))
a.txt ok
b.txt decode
>>> tmp.cleanup()

Pieces, for callers who need more control (the CLI uses them): `Sources` (inputs to items),
`workers.run` (items to results, in a pool), `writer_for`, `resume.prepare`.
"""
from __future__ import annotations

from collections import Counter
from typing import Iterable, Iterator, Sequence

from ..extractor import Extractor
from .records import ERROR_KINDS, Failure, Item
from .settings import Settings
from .sources import Sources, known_total
from .workers import Result, Stop, default_workers, run
from .writer import FORMATS, writer_for

__all__ = ["ERROR_KINDS", "FORMATS", "Failure", "Item", "Result", "Settings", "Sources", "Stop",
           "default_workers", "extract_all", "known_total", "not_done", "run", "writer_for"]


def not_done(items: Iterable[Item], done: Iterable[str], on_skip=None) -> Iterator[Item]:
    """The items whose source is not in `done` (what `--resume` still has to do). A source
    done n times skips its first n items: JSON Lines ids and file names may repeat.

    >>> [i.source for i in not_done([Item("a", "x"), Item("b", "y"), Item("a", "z")], ["a"])]
    ['b', 'a']
    """
    left = Counter(done)
    for item in items:
        if left[item.source] > 0:
            left[item.source] -= 1
            if on_skip:
                on_skip(item)
            continue
        yield item


def extract_all(inputs: Iterable[str], *, rules: Sequence[str] = (), workers: int | None = 1,
                settings: Settings | None = None, done: Iterable[str] = (),
                extractor: Extractor | None = None, stop: Stop | None = None,
                doc_timeout: float | None = None) -> Iterator[Result]:
    """Extract every document of `inputs` (paths of files, folders, archives, dumps).

    `workers=None` uses every CPU; `workers=1` runs here, with `extractor` if given. `done`
    holds sources to skip (see not_done). Results come in input order, each as soon as it and those before
    it are done. `doc_timeout` (seconds): a slower document is a `timeout` Failure (see workers.run).
    """
    items = not_done(Sources(inputs, settings or Settings()), done)
    yield from run(items, workers=workers or default_workers(), rules=rules, extractor=extractor, stop=stop,
                   doc_timeout=doc_timeout)
