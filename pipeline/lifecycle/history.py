"""Reading a case's history.jsonl: when something happened, and what the status was before."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from ..models import as_date


def event_date(ev: dict[str, Any]) -> dt.date | None:
    """The day an event happened: its `date` (a letter's date, a decision's day), else `at`."""
    for key in ("date", "at"):
        try:
            d = as_date(ev.get(key))
        except (TypeError, ValueError):
            d = None
        if d:
            return d
    return None


def filed_date(ev: dict[str, Any]) -> dt.date | None:
    """The day a document reached the committee: when it was filed (`at`), not the letter's own date."""
    for key in ("at", "received", "date"):
        try:
            d = as_date(ev.get(key))
        except (TypeError, ValueError):
            d = None
        if d:
            return d
    return None


def status_changes(history: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [ev for ev in history if ev.get("event") == "status" and ev.get("to")]


def entered(history: list[dict[str, Any]], statuses: str | set[str] | frozenset[str],
            after: dt.date | None = None, last: bool = False) -> dt.date | None:
    """The day the case first (or last) entered one of `statuses` (on or after `after`)."""
    wanted = {statuses} if isinstance(statuses, str) else set(statuses)
    found = None
    for ev in status_changes(history):
        if ev.get("to") in wanted:
            d = event_date(ev)
            if d and (after is None or d >= after):
                if not last:
                    return d
                found = d
    return found


def left(history: list[dict[str, Any]], status: str, after: dt.date | None = None) -> dt.date | None:
    """The first day on or after `after` that the case left `status`."""
    for ev in status_changes(history):
        if ev.get("from") == status:
            d = event_date(ev)
            if d and (after is None or d >= after):
                return d
    return None


def last_status_event_into(history: list[dict[str, Any]], status: str) -> dict[str, Any] | None:
    found = None
    for ev in status_changes(history):
        if ev.get("to") == status:
            found = ev
    return found


def documents_filed(history: list[dict[str, Any]], kind: str, after: dt.date | None = None) -> list[dt.date]:
    out = []
    for ev in history:
        if ev.get("event") == "document" and ev.get("kind") == kind:
            d = filed_date(ev)
            if d and (after is None or d >= after):
                out.append(d)
    return sorted(out)


def letters_sent(history: list[dict[str, Any]], kinds: set[str]) -> list[dt.date]:
    return sorted(d for ev in history
                  if ev.get("event") == "letter" and ev.get("kind") in kinds and (d := event_date(ev)))
