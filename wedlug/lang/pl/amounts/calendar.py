"""Calendar points at some grain, resolved against a publication date, as ISO values.

A point may lack fields (`w czerwcu` has no year); `resolve` fills them from the
publication date, and `iso` writes the TIMEX3-like value (`2024-06`, `2024-W36`,
`2024-Q3`, `20` for the 21st century, `199` for the nineties).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

# A month this far after the publication month is read as last year's (`w grudniu`
# in a September article is last December); news reports the past far more often.
FUTURE_MONTHS = 1


@dataclass(frozen=True, slots=True)
class Point:
    """A calendar point: `grain` says which fields matter (day, month, year, week, quarter...)."""

    grain: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    number: int | None = None  # week, quarter, century or decade number

    @property
    def complete(self) -> bool:
        """Tell whether the point has every field its grain needs."""
        if self.grain == "century" or self.grain == "decade":
            return self.number is not None
        needs = {"day": (self.year, self.month, self.day), "month": (self.year, self.month),
                 "year": (self.year,), "week": (self.year, self.number),
                 "quarter": (self.year, self.number)}.get(self.grain, (None,))
        return all(field is not None for field in needs)


def published_date(published: str | None) -> date | None:
    """Parse the article's publication date (YYYY-MM-DD), or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(published)
    except ValueError:
        return None


def valid_day(year: int | None, month: int, day: int) -> bool:
    """Tell whether a day exists in a month (any leap year when the year is unknown)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(year or 2024, month)[1]


def resolve(point: Point, anchor: date | None) -> Point:
    """Fill a missing year from the publication date (the nearest such month, past first)."""
    if point.year is not None or anchor is None or point.grain not in ("day", "month"):
        return point
    year = anchor.year
    if point.month is not None and point.month > anchor.month + FUTURE_MONTHS:
        year -= 1
    return replace(point, year=year)


def complete_from(left: Point, right: Point) -> Point:
    """Give the left end of a range the fields only its right end states (`25-26 lipca`)."""
    if left.grain == "day" and left.month is None:
        left = replace(left, month=right.month)
    if left.grain in ("day", "month") and left.year is None and right.year is not None:
        later = left.month is not None and right.month is not None and left.month > right.month
        left = replace(left, year=right.year - 1 if later else right.year)
    return left


def from_date(day: date, grain: str) -> Point:
    """Return the point of a date at a grain."""
    if grain == "week":
        iso = day.isocalendar()
        return Point("week", iso.year, number=iso.week)
    if grain == "quarter":
        return Point("quarter", day.year, number=(day.month - 1) // 3 + 1)
    if grain == "century":
        return Point("century", number=(day.year - 1) // 100 + 1)
    return Point(grain, day.year, day.month if grain != "year" else None,
                 day.day if grain == "day" else None)


def shift(anchor: date, unit: str, amount: float) -> date | None:
    """Move a date by whole units (D, W, M, Q, Y, C); None for a fraction of a unit."""
    if amount != int(amount):
        return None
    n = int(amount)
    if unit == "D":
        return anchor + timedelta(days=n)
    if unit == "W":
        return anchor + timedelta(weeks=n)
    months = {"M": 1, "Q": 3, "Y": 12, "C": 1200}.get(unit)
    if months is None:
        return None
    total = anchor.year * 12 + anchor.month - 1 + n * months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(anchor.day, calendar.monthrange(year, month + 1)[1]))


GRAIN_OF_UNIT = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year",
                 "C": "century"}


def iso(point: Point | None) -> str | None:
    """Write a complete point as its ISO 8601 / TIMEX3 value, or None."""
    if point is None or not point.complete:
        return None
    if point.grain == "day":
        return f"{point.year:04d}-{point.month:02d}-{point.day:02d}"
    if point.grain == "month":
        return f"{point.year:04d}-{point.month:02d}"
    if point.grain == "year":
        return f"{point.year:04d}"
    if point.grain == "week":
        return f"{point.year:04d}-W{point.number:02d}"
    if point.grain == "quarter":
        return f"{point.year:04d}-Q{point.number}"
    if point.grain == "century":
        return f"{(point.number or 1) - 1:02d}"
    return f"{point.number:03d}"  # decade: `199` for the nineties


def duration(amount: float, unit: str) -> str | None:
    """Write an ISO 8601 duration (`P30D`, `PT2H`, `P18M` for półtora roku)."""
    if amount != int(amount):
        if unit == "Y":
            return duration(amount * 12, "M")
        if unit == "D":
            return duration(amount * 24, "H")
        return None
    n = int(amount)
    return {"Y": f"P{n}Y", "M": f"P{n}M", "W": f"P{n}W", "D": f"P{n}D", "Q": f"P{3 * n}M",
            "C": f"P{100 * n}Y", "DE": f"P{10 * n}Y", "H": f"PT{n}H", "MIN": f"PT{n}M",
            "S": f"PT{n}S"}.get(unit)  # nights (`N`) have no ISO length
