"""Today and now, overridable with KWRU_TODAY=YYYY-MM-DD (tests, demos, replaying a year)."""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    fixed = os.environ.get("KWRU_TODAY")
    if fixed:
        return dt.date.fromisoformat(fixed)
    return dt.date.today()


def now() -> dt.datetime:
    """Local time without microseconds; on KWRU_TODAY's date (keeping the clock time) if set."""
    n = dt.datetime.now().replace(microsecond=0)
    fixed = os.environ.get("KWRU_TODAY")
    if fixed:
        d = dt.date.fromisoformat(fixed)
        n = n.replace(year=d.year, month=d.month, day=d.day)
    return n
