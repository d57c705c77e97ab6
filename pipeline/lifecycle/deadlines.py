"""Deadlines of a case, computed from its data and history (the KWRU terms of kwru.yaml)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from dateutil.relativedelta import relativedelta

from ..config import Config
from ..models import Case, as_date


def compute_deadlines(case: Case, history: list[dict[str, Any]], config: Config, today: dt.date) -> dict[str, Any]:
    received = as_date(case.received)
    if not received:
        return {}
    d = config.deadlines
    return {
        "acknowledgement": (received + dt.timedelta(days=d.acknowledgement_days)).isoformat(),
        "advice": (received + relativedelta(months=d.advice_months)).isoformat(),
    }
