"""Deadlines of a case, computed from its data and history with the terms of kwru.yaml.

`compute_deadlines` is called by `dossier.write_case` on every write and stored in case.yaml
under `deadlines`: name -> {label, due, done}. The terms (KWRU defaults):

- ontvangstbevestiging: received + 14 days; done when the acknowledgement (or the
  niet-ontvankelijk / doorgezonden letter, which is the same step-2 notice) was sent.
- reactie: the request (status reactie_gevraagd) + 14 days; done when the corporation's reaction
  was filed (document reactie_corporatie) or the status became reactie_ontvangen.
- advies: received + 3 months (from the day a forwarded complaint came back, if it did);
  done at advies_uitgebracht, bemiddeld, gesloten or ingetrokken. Suspended while held.
- besluit: the advice + 1 month; done at besluit_ontvangen.
- follow_up: the follow-up date of a held (aangehouden) case; done when it leaves aangehouden.

Terms in days count working days when `deadlines.working_days` is on (weekends and public
holidays skipped); then a due date on a weekend or holiday also moves to the next working day.
A deadline that no longer matters (the case is finished, or past that step) is left out, unless
it was met. `kwru deadlines --done ID NAME` marks one as met by hand (a history event).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from ..config import Config
from ..models import Case, as_date
from . import history as h
from .calendar import add_days, add_months

LABELS = {
    "ontvangstbevestiging": "Ontvangstbevestiging versturen",
    "reactie": "Reactie corporatie",
    "advies": "Advies uitbrengen",
    "besluit": "Besluit directie",
    "follow_up": "Vervolg aangehouden zaak",
}
NAMES = tuple(LABELS)

# While a deadline is not met, the statuses in which it still matters.
RELEVANT: dict[str, frozenset[str]] = {
    "ontvangstbevestiging": frozenset({"ontvangen", "ontvankelijk", "niet_ontvankelijk", "doorgezonden",
                                       "reactie_gevraagd", "reactie_ontvangen"}),
    "reactie": frozenset({"reactie_gevraagd", "zitting_gepland"}),
    "advies": frozenset({"ontvangen", "ontvankelijk", "reactie_gevraagd", "reactie_ontvangen",
                         "zitting_gepland"}),
    "besluit": frozenset({"advies_uitgebracht"}),
    "follow_up": frozenset({"aangehouden"}),
}
NO_DEADLINES = frozenset({"gesloten", "ingetrokken"})

# Letters that tell the complainant the complaint arrived and what happens to it (step 2).
ACK_LETTERS = {"ontvangstbevestiging", "niet_ontvankelijk", "doorgezonden"}
ADVICE_DONE = {"advies_uitgebracht", "bemiddeld", "gesloten", "ingetrokken"}


def _date(value: Any) -> dt.date | None:
    try:
        return as_date(value)
    except (TypeError, ValueError):
        return None


def _first(*dates: dt.date | None) -> dt.date | None:
    found = [d for d in dates if d]
    return min(found) if found else None


def _marked_done(history: list[dict[str, Any]]) -> dict[str, dt.date]:
    out: dict[str, dt.date] = {}
    for ev in history:
        if ev.get("event") == "deadline" and ev.get("action") == "done" and ev.get("name"):
            d = h.event_date(ev)
            if d:
                out.setdefault(str(ev["name"]), d)
    return out


def advice_due(case: Case, history: list[dict[str, Any]], config: Config) -> dt.date | None:
    """The advice deadline: received + advice_months, or from when a forwarded complaint came back."""
    received = _date(case.received)
    if not received:
        return None
    base = h.left(history, "doorgezonden") or received
    return add_months(max(base, received), config.deadlines.advice_months, config.deadlines)


def compute_deadlines(case: Case, history: list[dict[str, Any]], config: Config, today: dt.date) -> dict[str, Any]:
    """name -> {"label", "due" (ISO), "done" (ISO or None)}; see the module docstring."""
    rules = config.deadlines
    found: dict[str, tuple[dt.date, dt.date | None]] = {}
    received = _date(case.received)

    if received:
        ack_due = add_days(received, rules.acknowledgement_days, rules)
        found["ontvangstbevestiging"] = (ack_due, _first(*h.letters_sent(history, ACK_LETTERS)))

    request = h.entered(history, "reactie_gevraagd", last=True)
    if request:
        done = _first(*h.documents_filed(history, "reactie_corporatie", after=request),
                      h.entered(history, "reactie_ontvangen", after=request))
        found["reactie"] = (add_days(request, rules.reaction_days, rules), done)

    if received:
        due = advice_due(case, history, config)
        base = h.left(history, "doorgezonden") or received
        assert due is not None
        found["advies"] = (due, h.entered(history, ADVICE_DONE, after=base))

    advice = h.entered(history, "advies_uitgebracht", last=True)
    if advice:
        decision_received = _date(case.decision.received) if case.decision else None
        done = _first(h.entered(history, "besluit_ontvangen", after=advice),
                      *h.documents_filed(history, "besluit_corporatie", after=advice),
                      decision_received if decision_received and decision_received >= advice else None)
        found["besluit"] = (add_months(advice, rules.decision_months, rules), done)

    follow_up = _date(case.outcome_details.follow_up)
    held = h.entered(history, "aangehouden", last=True)
    if follow_up and held:
        found["follow_up"] = (follow_up, h.left(history, "aangehouden", after=held))

    by_hand = _marked_done(history)
    out: dict[str, Any] = {}
    for name, (due, done) in found.items():
        done = done or by_hand.get(name)
        if done is None and not _matters(name, case.status):
            continue
        out[name] = {"label": LABELS[name], "due": due.isoformat(), "done": done.isoformat() if done else None}
    return out


def _matters(name: str, status: str) -> bool:
    if status in NO_DEADLINES:
        return False
    return status in RELEVANT.get(name, frozenset({status}))


# --- what is open -------------------------------------------------------------------------

@dataclass(frozen=True)
class DeadlineItem:
    case_id: str
    name: str
    label: str  # Dutch
    due: dt.date
    overdue: bool
    days_left: int  # negative when overdue

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["due"] = self.due.isoformat()
        return d


def items_of(case_id: str, status: str, deadlines: dict[str, Any], today: dt.date) -> list[DeadlineItem]:
    out = []
    for name, d in (deadlines or {}).items():
        if not isinstance(d, dict) or d.get("done") or not _matters(name, status):
            continue
        due = _date(d.get("due"))
        if not due:
            continue
        days = (due - today).days
        out.append(DeadlineItem(case_id, name, str(d.get("label") or LABELS.get(name, name)), due,
                                days < 0, days))
    return sorted(out, key=lambda i: (i.due, NAMES.index(i.name) if i.name in NAMES else 99))


def open_deadlines(case: Case, today: dt.date) -> list[DeadlineItem]:
    """The case's deadlines that are not met (from case.yaml), earliest first."""
    return items_of(case.id, case.status, case.deadlines, today)


def next_deadline(case: Case, today: dt.date) -> DeadlineItem | None:
    items = open_deadlines(case, today)
    return items[0] if items else None


def is_overdue(case: Case, today: dt.date) -> bool:
    return any(i.overdue for i in open_deadlines(case, today))


def due_soon(items: list[DeadlineItem], config: Config, show_all: bool = False) -> list[DeadlineItem]:
    """Overdue items and items due within `deadlines.due_soon_days` (all open items if show_all)."""
    if show_all:
        return list(items)
    return [i for i in items if i.days_left <= config.deadlines.due_soon_days]


def mark_done(case: Case, name: str, *, day: dt.date, reason: str | None = None,
              command: str = "deadlines --done") -> dict[str, Any]:
    """The history event that marks a deadline met by hand (e.g. a letter sent outside kwru)."""
    from ..dossier import history_event
    from ..errors import UsageError

    if name not in LABELS:
        raise UsageError(f"unknown deadline {name!r}; deadlines are: {', '.join(LABELS)}")
    if name not in case.deadlines:
        raise UsageError(f"{case.id} has no deadline {name!r} (it has: {', '.join(case.deadlines) or 'none'})")
    if case.deadlines[name].get("done"):
        raise UsageError(f"{case.id}: deadline {name} was already met on {case.deadlines[name]['done']}")
    return history_event("deadline", action="done", name=name, date=day.isoformat(), reason=reason,
                         command=command)
