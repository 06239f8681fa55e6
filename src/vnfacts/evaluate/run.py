"""Run a predictor over gold documents and report: the loop shared by `vnfacts eval` and peers.

A predictor is any callable taking a `GoldDoc` and returning the `Fact`s it finds. A
predictor that raises on a document is recorded in `Report.failed` and the document counts
with no predictions (all its gold facts are misses), so one bad article never stops a run.
"""
from __future__ import annotations

from typing import Callable, Iterable, Sequence

from ..model import Fact
from .gold import GoldDoc
from .match import DocMatch, match_document
from .report import Report, build_report

Predictor = Callable[[GoldDoc], Iterable[Fact]]


def gold_types(docs: Sequence[GoldDoc]) -> set[str]:
    """The fact types annotated anywhere in the gold: only these are scored."""
    return set().union(*(d.types for d in docs)) if docs else set()


def evaluate(docs: Sequence[GoldDoc], predict: Predictor, types: Iterable[str] | None = None) -> Report:
    """Score `predict` on `docs` for `types` (default: every type the gold annotates).

    >>> from decimal import Decimal
    >>> from vnfacts.evaluate.gold import GoldDoc, GoldFact
    >>> docs = [GoldDoc("d", "Đạt 7,5%.", (GoldFact("percent", Decimal("7.5"), "7,5%"),))]
    >>> report = evaluate(docs, lambda doc: [Fact("percent", "7,5%", 4, 8, Decimal("7.5"), "r")])
    >>> report.types["percent"].tp, report.overall.f1
    (1, 1.0)
    """
    wanted = set(types) if types is not None else gold_types(docs)
    return build_report((_one(doc, predict, wanted) for doc in docs), wanted)


def _one(doc: GoldDoc, predict: Predictor, wanted: set[str]) -> DocMatch:
    try:
        predicted = list(predict(doc))
    except Exception as exc:  # a failing predictor is data for the report, not a crash
        match = match_document(doc, [], wanted)
        match.failed = f"{type(exc).__name__}: {exc}"
        return match
    return match_document(doc, predicted, wanted)


def vnfacts_predictor(extractor=None) -> Predictor:
    """vnfacts itself, with the gold's publication date as the reference date."""
    from ..extractor import Extractor

    ex = extractor or Extractor()
    return lambda doc: ex.extract(doc.text, published=doc.published, source=doc.id).facts
