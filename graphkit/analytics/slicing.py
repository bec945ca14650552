"""Time slicing: which articles, and so which facts, fall in a date range.

A fact is dated by the publication date (``gk:publishedOn``) of the article that states it.
When a range has a bound, facts from undated articles are left out (their date is unknown);
with no bounds every fact counts.

>>> r = DateRange.of("2022-01-01", None)
>>> r.contains(parse_date("2022-06-28")), r.contains(parse_date("2021-12-31")), r.contains(None)
(True, False, False)
>>> DateRange.of(None, None).contains(None)
True
>>> str(DateRange.of("2020-07-01", "2022-06-28"))
'2020-07-01 – 2022-06-28'
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from graphkit.errors import AnalysisError


def parse_date(value) -> _dt.date | None:
    """A ``datetime.date`` from a date, an ISO ``YYYY-MM-DD`` string, or ``None``.

    >>> parse_date("2022-06-28")
    datetime.date(2022, 6, 28)
    >>> parse_date(None) is None
    True
    """
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise AnalysisError(f"'{value}' is not a date; write dates as YYYY-MM-DD, e.g. 2022-06-28") from None


@dataclass(frozen=True)
class DateRange:
    """An inclusive range of article dates; either bound may be open (``None``)."""

    start: _dt.date | None = None
    end: _dt.date | None = None

    @classmethod
    def of(cls, date_from=None, date_to=None) -> "DateRange":
        r = cls(parse_date(date_from), parse_date(date_to))
        if r.start and r.end and r.start > r.end:
            raise AnalysisError(f"the date range {r.start} – {r.end} is empty; --from must not be after --to")
        return r

    @property
    def bounded(self) -> bool:
        return self.start is not None or self.end is not None

    def contains(self, date: _dt.date | None) -> bool:
        if not self.bounded:
            return True
        if date is None:
            return False
        return (self.start is None or date >= self.start) and (self.end is None or date <= self.end)

    def __str__(self) -> str:
        if not self.bounded:
            return "all dates"
        return f"{self.start or '…'} – {self.end or '…'}"
