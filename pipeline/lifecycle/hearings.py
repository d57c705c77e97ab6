"""Hearing days (zittingsdagen): time slots, one location per day, moving a case to the next day.

A hearing day exists through the cases planned on it (case.hearing = {date, time, location});
`sessions` gathers them. The functions here decide and change one case at a time; the
workspace-wide checks (other cases on that day) take the other cases as an argument.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..config import Config
from ..dossier import history_event
from ..errors import TransitionError, UsageError
from ..models import Case, Hearing, as_date
from . import history as h
from .calendar import add_minutes, is_holiday, parse_time
from .deadlines import RELEVANT, advice_due
from .states import FINISHED, PRE_HEARING, Step, check, transition


@dataclass
class Slot:
    time: str
    case_id: str
    corporation: str | None
    complainant: str | None
    status: str

    def to_dict(self) -> dict[str, Any]:
        return {"time": self.time, "case_id": self.case_id, "corporation": self.corporation,
                "complainant": self.complainant, "status": self.status}


@dataclass
class Session:
    """One hearing day: where, and which cases at what time."""

    date: dt.date
    location: str
    slots: list[Slot] = field(default_factory=list)

    @property
    def case_ids(self) -> list[str]:
        return [s.case_id for s in self.slots]

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "location": self.location,
                "cases": [s.to_dict() for s in self.slots]}


def complainant_names(case: Case) -> str | None:
    """The complainant's name, with the co-complainants of a joined complaint."""
    names = [p.name for p in (case.complainant, *case.co_complainants) if p and p.name]
    return ", ".join(names) if names else None


def hearing_date(case: Case) -> dt.date | None:
    if not case.hearing:
        return None
    try:
        return as_date(case.hearing.date)
    except ValueError:
        return None


def sessions(cases: Iterable[Case], since: dt.date | None = None) -> list[Session]:
    """The hearing days of `cases` (on or after `since`), each with its cases by time."""
    days: dict[dt.date, Session] = {}
    for c in cases:
        d = hearing_date(c)
        if not d or (since and d < since) or not c.hearing:
            continue
        s = days.setdefault(d, Session(d, c.hearing.location))
        if c.hearing.location and c.hearing.location not in s.location.split(" / "):
            s.location = f"{s.location} / {c.hearing.location}" if s.location else c.hearing.location
        s.slots.append(Slot(c.hearing.time, c.id, c.corporation, complainant_names(c), c.status))
    for s in days.values():
        s.slots.sort(key=lambda x: (x.time, x.case_id))
    return [days[d] for d in sorted(days)]


def session_on(cases: Iterable[Case], day: dt.date) -> Session | None:
    found = sessions([c for c in cases if hearing_date(c) == day])
    return found[0] if found else None


# --- planning ------------------------------------------------------------------------------

def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def same_location(a: str, b: str) -> bool:
    return _norm(a) == _norm(b)


def resolve_location(text: str, config: Config) -> str:
    """A location as typed: a kwru.yaml location it uniquely names (case-insensitive part of
    it, e.g. "mitros"), else the text as given."""
    text = " ".join(str(text).split())
    if not text:
        raise UsageError("the location is empty")
    known = config.hearings.locations
    exact = [loc for loc in known if _norm(loc) == _norm(text)]
    if exact:
        return exact[0]
    partial = [loc for loc in known if _norm(text) in _norm(loc)]
    if len(partial) == 1:
        return partial[0]
    return text


def day_location(day: dt.date, others: Iterable[Case]) -> str | None:
    for c in others:
        if hearing_date(c) == day and c.hearing and c.hearing.location:
            return c.hearing.location
    return None


def _minutes(hhmm: str) -> int:
    hh, mm = hhmm.split(":")
    return int(hh) * 60 + int(mm)


def taken_times(day: dt.date, others: Iterable[Case]) -> dict[str, str]:
    """time -> case id of the cases already planned on `day`."""
    return {c.hearing.time: c.id for c in others if hearing_date(c) == day and c.hearing and c.hearing.time}


def free_slots(day: dt.date, n: int, others: Iterable[Case], config: Config) -> list[str]:
    """The first n slots of the day (from first_slot, slot_minutes apart) that overlap no
    case already planned that day."""
    step = config.hearings.slot_minutes
    busy = []
    for t in taken_times(day, others):
        try:
            busy.append(_minutes(parse_time(t)))
        except UsageError:
            continue
    out: list[str] = []
    t = config.hearings.first_slot
    t = parse_time(t)
    while len(out) < n:
        m = _minutes(t)
        if all(abs(m - b) >= step for b in busy):
            out.append(t)
            busy.append(m)
        t = add_minutes(t, step)
    return out


def assign_times(day: dt.date, ids: list[str], others: list[Case], config: Config,
                 times: list[str] | None = None) -> list[str]:
    """The times for `ids` on `day`: the given ones (checked) or the next free slots."""
    if not times:
        return free_slots(day, len(ids), others, config)
    parsed = [parse_time(t) for t in times]
    if len(parsed) != len(ids):
        raise UsageError(f"--times gives {len(parsed)} time(s) for {len(ids)} case(s); give one per case")
    if len(set(parsed)) != len(parsed):
        raise UsageError(f"--times has the same time twice: {', '.join(parsed)}")
    taken = taken_times(day, others)
    for t in parsed:
        if t in taken:
            raise UsageError(f"{t} on {day.isoformat()} is already taken by {taken[t]}")
    return parsed


def check_can_be_heard(case: Case) -> None:
    """Refuse finished cases and cases whose status does not lead to a hearing."""
    if case.status in FINISHED:
        raise TransitionError(f"{case.id} is '{case.status}'; a finished case cannot be planned for a hearing")
    if case.status != "zitting_gepland":
        check(case, "zitting_gepland", doing="be planned for a hearing")


def hearing_warnings(case: Case, day: dt.date, history: list[dict[str, Any]], config: Config,
                     today: dt.date) -> list[str]:
    """What the secretary should know before this case is heard on `day`."""
    out = []
    if case.status == "ontvankelijk":
        out.append(f"{case.id}: the corporation has not been asked for its reaction yet (status ontvankelijk)")
    elif case.status == "reactie_gevraagd" or (
            case.status == "zitting_gepland" and not _reaction_in(case, history)):
        out.append(f"{case.id}: the corporation's reaction has not been received yet")
    due = advice_due(case, history, config)
    if due and due < day and case.status in RELEVANT["advies"]:
        out.append(f"{case.id}: the advice is due on {due.isoformat()}, before the hearing on {day.isoformat()}")
    return out


def _reaction_in(case: Case, history: list[dict[str, Any]]) -> bool:
    if "reactie" in case.deadlines:
        return bool(case.deadlines["reactie"].get("done"))
    return bool(h.documents_filed(history, "reactie_corporatie")) or bool(h.entered(history, "reactie_ontvangen"))


def day_warnings(day: dt.date, config: Config, today: dt.date) -> list[str]:
    out = []
    if day < today:
        out.append(f"{day.isoformat()} is in the past")
    if day.weekday() >= 5:
        out.append(f"{day.isoformat()} is a {'Saturday' if day.weekday() == 5 else 'Sunday'}")
    elif is_holiday(day, config.deadlines.holidays):
        out.append(f"{day.isoformat()} is a public holiday")
    return out


def schedule_case(case: Case, hearing: Hearing, *, today: dt.date, command: str = "schedule",
                  reason: str | None = None, action: str = "scheduled") -> Step:
    """Plan `case` at `hearing`: status zitting_gepland (a case already planned is moved)."""
    check_can_be_heard(case)
    step = Step()
    before = case.hearing.to_dict() if case.hearing and case.status == "zitting_gepland" else None
    new = hearing.to_dict()
    if case.status != "zitting_gepland":
        step.events.append(transition(case, "zitting_gepland", command=command, reason=reason,
                                      date=today.isoformat(), hearing=new))
    elif before == new:
        return step
    else:
        step.events.append(history_event("hearing", action="moved" if action == "scheduled" else action,
                                         date=today.isoformat(), **{"from": before, "to": new},
                                         reason=reason, command=command))
    case.hearing = hearing
    return step


def unschedule_case(case: Case, history: list[dict[str, Any]], *, today: dt.date,
                    reason: str | None = None, command: str = "unschedule") -> Step:
    """Take `case` off its hearing day; it returns to where it was before it was planned."""
    if case.status != "zitting_gepland":
        raise TransitionError(f"{case.id} is '{case.status}', not 'zitting_gepland'; there is no "
                              "planned hearing to take it off")
    ev = h.last_status_event_into(history, "zitting_gepland")
    back = ev.get("from") if ev else None
    if back not in PRE_HEARING:
        back = "reactie_ontvangen"
    if back in ("ontvankelijk", "reactie_gevraagd") and _reaction_in(case, history):
        back = "reactie_ontvangen"
    was = case.hearing.to_dict() if case.hearing else None
    step = Step([transition(case, back, command=command, reason=reason, date=today.isoformat(),
                            hearing=was)])
    case.hearing = None
    return step


def next_session_after(day: dt.date, others: Iterable[Case]) -> tuple[dt.date, str] | None:
    """The first planned hearing day after `day`, with its location."""
    later = sorted({d for c in others if (d := hearing_date(c)) and d > day})
    if not later:
        return None
    return later[0], day_location(later[0], others) or ""


def postpone_target(case: Case, others: list[Case], config: Config) -> Hearing:
    """Where `postpone` moves the case: the next planned day, its location, its next free slot."""
    if case.status != "zitting_gepland" or not case.hearing:
        raise TransitionError(f"{case.id} is '{case.status}' and has no planned hearing to postpone; "
                              f"plan one with `kwru schedule DATE {case.id}`")
    current = hearing_date(case)
    assert current is not None
    nxt = next_session_after(current, others)
    if not nxt:
        raise UsageError(f"no hearing day is planned after {current.isoformat()}; plan one first with "
                         f"`kwru schedule DATE {case.id} --location L`")
    day, location = nxt
    (time,) = free_slots(day, 1, others, config)
    return Hearing(day.isoformat(), time, location)


def postpone_case(case: Case, target: Hearing, *, today: dt.date, reason: str,
                  command: str = "postpone") -> Step:
    if not reason or not reason.strip():
        raise UsageError("say why with --reason (e.g. \"klager verhinderd\")")
    return schedule_case(case, target, today=today, command=command, reason=reason.strip(),
                         action="postponed")


def cancel_hearing(case: Case, *, today: dt.date, reason: str, command: str) -> list[dict[str, Any]]:
    """Clear a planned hearing when the case ends before it (withdrawn, not admissible)."""
    if not case.hearing or case.status != "zitting_gepland":
        return []
    was = case.hearing.to_dict()
    case.hearing = None
    return [history_event("hearing", action="cancelled", date=today.isoformat(), hearing=was,
                          reason=reason, command=command)]
