"""The life-of-a-case commands applied to a workspace: load under the lock, change, write.

Each function validates everything before it writes anything, writes through
`dossier.update_case` (history first, then case.yaml with its deadlines recomputed), and
returns what the secretary should be told. `today` is always a parameter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..dossier import update_case
from ..errors import UsageError
from ..models import Case, ComplaintPart, Hearing
from ..workspace import Workspace
from . import admissibility, hearings, outcomes
from .deadlines import DeadlineItem, compute_deadlines, due_soon, items_of, mark_done
from .states import Step


@dataclass
class Done:
    """The cases a command changed and what to tell the secretary."""

    cases: list[Case] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)

    def take(self, case: Case, step: Step) -> Done:
        self.cases.append(case)
        self.warnings += step.warnings
        self.notes += step.notes
        self.events += [{"case": case.id, **ev} for ev in step.events]
        return self


def _apply(ws: Workspace, case_id: str, fn: Callable[[Case, list[dict[str, Any]]], Step],
           done: Done | None = None) -> Done:
    box: list[Step] = []

    def change(case: Case) -> list[dict[str, Any]]:
        step = fn(case, ws.history(case.id))
        box.append(step)
        return step.events

    case = update_case(ws, case_id, change)
    return (done or Done()).take(case, box[0])


def decide(ws: Workspace, case_id: str, decision: str, *, today: dt.date, reason: str | None = None,
           note: str | None = None) -> Done:
    return _apply(ws, case_id, lambda c, hist: admissibility.decide(
        c, decision, today=today, reason_code=reason, note=note))


def schedule(ws: Workspace, day: dt.date, case_ids: Sequence[str], *, today: dt.date,
             location: str | None = None, times: Sequence[str] | None = None) -> Done:
    """Plan `case_ids` on hearing day `day` (one location per day; slots of slot_minutes)."""
    ids = list(case_ids)
    if not ids:
        raise UsageError("give at least one case number")
    if len(set(ids)) != len(ids):
        raise UsageError(f"a case is given twice: {' '.join(ids)}")
    config = ws.config
    with ws.lock():
        cases = {i: ws.load_case(i) for i in ids}
        for c in cases.values():
            hearings.check_can_be_heard(c)
        others = [c for c in ws.cases() if c.id not in cases and c.hearing]
        existing = hearings.day_location(day, others)
        if location:
            location = hearings.resolve_location(location, config)
            if existing and not hearings.same_location(existing, location):
                raise UsageError(f"{day.isoformat()} already has a location: {existing}; one location per "
                                 "hearing day")
        elif existing:
            location = existing
        else:
            known = "; ".join(config.hearings.locations)
            raise UsageError(f"{day.isoformat()} is a new hearing day: give --location"
                             + (f" (kwru.yaml knows: {known})" if known else ""))
        slot_times = hearings.assign_times(day, ids, others, config, list(times) if times else None)
        done = Done()
        done.warnings += hearings.day_warnings(day, config, today)
        for cid, time in zip(ids, slot_times, strict=True):
            warns = hearings.hearing_warnings(cases[cid], day, ws.history(cid), config, today)
            _apply(ws, cid, _scheduler(Hearing(day.isoformat(), time, location), today), done)
            done.warnings += warns
        return done


def _scheduler(target: Hearing, today: dt.date) -> Callable[[Case, list[dict[str, Any]]], Step]:
    return lambda case, history: hearings.schedule_case(case, target, today=today)


def unschedule(ws: Workspace, case_id: str, *, today: dt.date, reason: str | None = None) -> Done:
    return _apply(ws, case_id, lambda c, hist: hearings.unschedule_case(c, hist, today=today, reason=reason))


def postpone(ws: Workspace, case_id: str, *, today: dt.date, reason: str) -> Done:
    """Move the case to the next planned hearing day after its current one."""
    if not reason or not reason.strip():
        raise UsageError("say why with --reason (e.g. \"klager verhinderd\")")
    with ws.lock():
        case = ws.load_case(case_id)
        others = [c for c in ws.cases() if c.id != case_id and c.hearing]
        target = hearings.postpone_target(case, others, ws.config)
        day = dt.date.fromisoformat(target.date)
        warns = hearings.hearing_warnings(case, day, ws.history(case_id), ws.config, today)
        done = _apply(ws, case_id, lambda c, hist: hearings.postpone_case(c, target, today=today, reason=reason))
        done.warnings += warns
        return done


def sessions(ws: Workspace, since: dt.date | None = None) -> list[hearings.Session]:
    return hearings.sessions(ws.cases(), since)


def outcome(ws: Workspace, case_id: str, kind: str, *, today: dt.date, agreements: Sequence[str] = (),
            reason: str | None = None, follow_up: dt.date | None = None,
            parts: Sequence[str | ComplaintPart] = (), recommendations: Sequence[str] = (),
            general_advice: str | None = None) -> Done:
    return _apply(ws, case_id, lambda c, hist: outcomes.record_outcome(
        c, kind, today=today, config=ws.config, history=hist, agreements=agreements, reason=reason,
        follow_up=follow_up, parts=parts, recommendations=recommendations, general_advice=general_advice))


def decision(ws: Workspace, case_id: str, followed: bool | None, *, today: dt.date,
             received: dt.date | None = None) -> Done:
    return _apply(ws, case_id, lambda c, hist: outcomes.record_decision(c, followed, today=today, received=received))


def withdraw(ws: Workspace, case_id: str, *, today: dt.date, reason: str | None = None) -> Done:
    return _apply(ws, case_id, lambda c, hist: outcomes.withdraw(c, today=today, reason=reason))


def close(ws: Workspace, case_id: str, *, today: dt.date, reason: str | None = None) -> Done:
    return _apply(ws, case_id, lambda c, hist: outcomes.close(c, today=today, reason=reason))


def deadline_done(ws: Workspace, case_id: str, name: str, *, today: dt.date, day: dt.date | None = None,
                  reason: str | None = None) -> Done:
    """Mark a deadline met by hand (e.g. the acknowledgement was sent outside kwru)."""
    return _apply(ws, case_id, lambda c, hist: Step([mark_done(c, name, day=day or today, reason=reason)]))


@dataclass
class DeadlineRow:
    item: DeadlineItem
    case: Case

    def to_dict(self) -> dict[str, Any]:
        return {**self.item.to_dict(), "status": self.case.status, "corporation": self.case.corporation}


def deadline_rows(ws: Workspace, today: dt.date, show_all: bool = False) -> list[DeadlineRow]:
    """Overdue and due-soon deadlines of all cases (all open ones with show_all), by due date.

    Recomputed from each case's history with the current kwru.yaml (read only), so a change
    of the terms shows at once.
    """
    rows = []
    for case in ws.cases():
        current = compute_deadlines(case, ws.history(case.id), ws.config, today)
        for item in due_soon(items_of(case.id, case.status, current, today), ws.config, show_all):
            rows.append(DeadlineRow(item, case))
    rows.sort(key=lambda r: (r.item.due, r.case.id, r.item.name))
    return rows
