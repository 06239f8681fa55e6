"""Normalizers: pure functions that turn a rule's match into a fact's normalized fields.

A rule names its normalizer (`normalizer: money`, default: the rule's type). Each normalizer
declares its contract (contract.py): the groups it reads, the lexicons it needs, the fields it
returns; the rule loader checks every rule against it. `BUILTIN` lists them all, explicitly.
"""
from __future__ import annotations

from .contract import MatchInfo, Normalizer, Result, declare, one
from .dates import date_list, date_period, date_point
from .entities import document, location, organization
from .holidays import date_holiday
from .lunar_dates import date_lunar
from .officials import official, person
from .quantities import money, percent, quantity, quantity_noun
from .relative_dates import date_relative

BUILTIN: tuple[Normalizer, ...] = (
    percent, money, quantity, quantity_noun,
    date_point, date_list, date_period, date_relative, date_lunar, date_holiday,
    official, person, organization, location, document,
)

__all__ = ["BUILTIN", "MatchInfo", "Normalizer", "Result", "declare", "one"]
