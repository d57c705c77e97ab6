"""Days and terms: working days (weekends and Dutch public holidays), terms in days or months."""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from ..config import Deadlines
from ..errors import ConfigError, UsageError


@lru_cache(maxsize=64)
def _holidays(country: str, year: int) -> frozenset[dt.date]:
    import holidays  # 0.4 s to import: only when a term actually counts working days

    try:
        return frozenset(holidays.country_holidays(country, years=year))
    except NotImplementedError:
        raise ConfigError(
            f"kwru.yaml: 'deadlines.holidays' {country!r} is not a country the holidays package "
            "knows (use a code such as NL)"
        ) from None


def is_holiday(day: dt.date, country: str = "NL") -> bool:
    return day in _holidays(country, day.year)


def is_working_day(day: dt.date, country: str = "NL") -> bool:
    return day.weekday() < 5 and not is_holiday(day, country)


def next_working_day(day: dt.date, country: str = "NL") -> dt.date:
    """`day` itself if it is a working day, else the first working day after it."""
    while not is_working_day(day, country):
        day += dt.timedelta(days=1)
    return day


def add_working_days(start: dt.date, n: int, country: str = "NL") -> dt.date:
    """The n-th working day after `start` (start itself does not count)."""
    day = start
    while n > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day, country):
            n -= 1
    return day


def add_days(start: dt.date, n: int, rules: Deadlines) -> dt.date:
    """A term of n days: working days when kwru.yaml says so, calendar days otherwise."""
    if rules.working_days:
        return add_working_days(start, n, rules.holidays)
    return start + dt.timedelta(days=n)


def add_months(start: dt.date, n: int, rules: Deadlines) -> dt.date:
    """A term of n months (31 Jan + 1 month = 28/29 Feb); with working days on, a due date on
    a weekend or holiday moves to the next working day (as the Algemene termijnenwet does)."""
    due = start + relativedelta(months=n)
    return next_working_day(due, rules.holidays) if rules.working_days else due


def roll(day: dt.date, rules: Deadlines) -> dt.date:
    """A due date as the rules count it: moved off weekends and holidays when working days are on."""
    return next_working_day(day, rules.holidays) if rules.working_days else day


_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


def parse_date(text: str, what: str = "date") -> dt.date:
    """A date as a secretary types it: 2026-05-12, 12-05-2026, 12/5/2026 or 12.5.2026."""
    s = str(text).strip()
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        pass
    m = _DMY.fullmatch(s)
    if m:
        try:
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            pass
    raise UsageError(f"{what} {text!r} is not a date; write it as 2026-05-12 or 12-05-2026")


_TIME = re.compile(r"([01]?\d|2[0-3])[:.]([0-5]\d)")


def parse_time(text: str) -> str:
    """A clock time as HH:MM ("9:30" -> "09:30", "13.30" -> "13:30")."""
    m = _TIME.fullmatch(str(text).strip())
    if not m:
        raise UsageError(f"time {text!r} is not a time of day; write it as 13:30")
    return f"{int(m[1]):02d}:{m[2]}"


def add_minutes(hhmm: str, minutes: int) -> str:
    h, m = (int(x) for x in hhmm.split(":"))
    total = h * 60 + m + minutes
    if total >= 24 * 60:
        raise UsageError(f"the hearing day runs past midnight ({hhmm} + {minutes} minutes); give --times")
    return f"{total // 60:02d}:{total % 60:02d}"
