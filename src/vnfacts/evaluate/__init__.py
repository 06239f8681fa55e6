"""Measure vnfacts against hand-annotated gold: load gold, match predictions, report.

- `gold.py`   gold JSON Lines files and folders, checked with `file:line` messages
- `match.py`  one document's predictions paired with its gold facts, by type and value
- `report.py` precision, recall, F1, tp, fp, fn per type and overall, and every error
- `officials.py` officials' recall per gold sector, sector and rank accuracy
- `run.py`    the loop over documents with any predictor (vnfacts, or a peer)
- `table.py`  the report as tables for a person

>>> from decimal import Decimal
>>> from vnfacts import Fact
>>> from vnfacts.evaluate import GoldDoc, GoldFact, evaluate
>>> doc = GoldDoc("d1", "Thu ngân sách đạt 104,65% dự toán.", (GoldFact("percent", Decimal("104.65"), "104,65%"),))
>>> found = lambda doc: [Fact("percent", "104,65%", 18, 25, 104.65, "percent.plain")]
>>> evaluate([doc], found).types["percent"].f1
1.0

`vnfacts_predictor()` is vnfacts itself, as `vnfacts eval` runs it.
"""
from .gold import GoldDoc, GoldError, GoldFact, load_gold
from .match import DocMatch, match_document
from .report import Counts, Report, build_report
from .run import evaluate, gold_types, vnfacts_predictor

__all__ = ["Counts", "DocMatch", "GoldDoc", "GoldError", "GoldFact", "Report", "build_report", "evaluate",
           "gold_types", "load_gold", "match_document", "vnfacts_predictor"]
