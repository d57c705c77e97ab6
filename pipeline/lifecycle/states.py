"""The statuses of a case and the transitions the procedure allows, in one place.

The procedure (PRODUCT.md "Life of a case", domain.md §2-§5):

    ontvangen -> ontvankelijk -> reactie_gevraagd -> reactie_ontvangen -> zitting_gepland
              -> niet_ontvankelijk (also later, when a ground turns up)
              -> doorgezonden (not complained to the corporation first; may come back: ontvankelijk)
    zitting_gepland -> bemiddeld -> gesloten (the mediation letter closes the dossier)
                    -> aangehouden (held; then heard again, settled, advised or closed)
                    -> advies_uitgebracht -> besluit_ontvangen -> gesloten
    ingetrokken from any open status; advice on the papers from reactie_ontvangen.

Every change of status goes through `transition`, which returns the history event to append.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..dossier import history_event
from ..errors import TransitionError
from ..models import STATUSES, Case

# Finished: nothing more happens in the procedure (no deadlines, no hearing).
FINISHED = frozenset({"gesloten", "ingetrokken", "niet_ontvankelijk"})
OPEN_STATUSES = frozenset(STATUSES) - FINISHED

# Before the hearing: where `kwru unschedule` can return a case to.
PRE_HEARING = frozenset({"ontvankelijk", "reactie_gevraagd", "reactie_ontvangen", "aangehouden"})

# status -> statuses reachable from it
TRANSITIONS: dict[str, frozenset[str]] = {
    "ontvangen": frozenset({"ontvankelijk", "niet_ontvankelijk", "doorgezonden", "ingetrokken"}),
    # The complainant comes back after the corporation's own handling: decide again.
    "doorgezonden": frozenset({"ontvankelijk", "niet_ontvankelijk", "gesloten", "ingetrokken"}),
    # A ground for not handling the complaint can turn up later (e.g. it is before a court).
    "ontvankelijk": frozenset({"reactie_gevraagd", "zitting_gepland", "niet_ontvankelijk", "ingetrokken"}),
    "reactie_gevraagd": frozenset({"reactie_ontvangen", "zitting_gepland", "niet_ontvankelijk", "ingetrokken"}),
    # Advice on the papers (op stukken) is possible without a hearing.
    "reactie_ontvangen": frozenset({"zitting_gepland", "advies_uitgebracht", "niet_ontvankelijk", "ingetrokken"}),
    # Unscheduling returns the case to where it was before (PRE_HEARING).
    "zitting_gepland": frozenset({"bemiddeld", "aangehouden", "advies_uitgebracht", "niet_ontvankelijk",
                                  "ingetrokken"} | PRE_HEARING),
    # The mediation letter closes the dossier (brochure: "Wij sluiten uw dossier").
    "bemiddeld": frozenset({"gesloten", "ingetrokken"}),
    # Held pending follow-up: heard again, settled, advised, or closed once compliance is confirmed.
    "aangehouden": frozenset({"zitting_gepland", "bemiddeld", "advies_uitgebracht", "gesloten", "ingetrokken"}),
    "advies_uitgebracht": frozenset({"besluit_ontvangen", "gesloten", "ingetrokken"}),
    "besluit_ontvangen": frozenset({"gesloten", "ingetrokken"}),
    "niet_ontvankelijk": frozenset({"gesloten"}),
    "ingetrokken": frozenset({"gesloten"}),
    "gesloten": frozenset(),
}

assert set(TRANSITIONS) == set(STATUSES), "every status needs a row in TRANSITIONS"

LABELS = {  # how a status reads in a sentence for the secretary
    "ontvangen": "ontvangen",
    "ontvankelijk": "ontvankelijk",
    "niet_ontvankelijk": "niet-ontvankelijk",
    "doorgezonden": "doorgezonden naar de corporatie",
    "reactie_gevraagd": "reactie gevraagd",
    "reactie_ontvangen": "reactie ontvangen",
    "zitting_gepland": "zitting gepland",
    "bemiddeld": "bemiddeld",
    "aangehouden": "aangehouden",
    "advies_uitgebracht": "advies uitgebracht",
    "besluit_ontvangen": "besluit ontvangen",
    "gesloten": "gesloten",
    "ingetrokken": "ingetrokken",
}


@dataclass
class Step:
    """What a lifecycle function did to a case: the history events to append, and what the
    secretary should be told (warnings: something to check; notes: for information)."""

    events: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, other: Step) -> Step:
        self.events += other.events
        self.warnings += other.warnings
        self.notes += other.notes
        return self


def allowed(frm: str) -> frozenset[str]:
    return TRANSITIONS.get(frm, frozenset())


def can(case: Case, to: str) -> bool:
    return to in allowed(case.status)


def is_open(case: Case) -> bool:
    return case.status not in FINISHED


def possible_text(frm: str) -> str:
    return ", ".join(sorted(allowed(frm))) or "nothing (the case is finished)"


def check(case: Case, to: str, doing: str | None = None) -> None:
    """Raise TransitionError unless `case` may move to `to` (nothing is changed)."""
    if to not in STATUSES:
        raise TransitionError(f"unknown status {to!r}; statuses are: {', '.join(STATUSES)}")
    frm = case.status
    if frm not in TRANSITIONS:
        raise TransitionError(f"{case.id} has status {frm!r}, which is not a status; correct it in case.yaml "
                              f"(statuses are: {', '.join(STATUSES)})")
    if to not in allowed(frm):
        what = f"cannot {doing}" if doing else f"cannot become '{to}'"
        raise TransitionError(f"{case.id} is '{frm}'; it {what}. Possible from '{frm}': {possible_text(frm)}")


def transition(case: Case, to: str, *, command: str, reason: str | None = None, **details: Any) -> dict[str, Any]:
    """Move `case` to status `to`; return the history event. Raises TransitionError if not allowed.

    `details` go into the event as they are; `date=` (ISO) records the day it happened when that
    is not today (a letter's date), and is what the deadlines count from.
    """
    check(case, to)
    frm = case.status
    case.status = to
    return history_event("status", **{"from": frm, "to": to}, command=command, reason=reason, **details)


def status_events(history: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [ev for ev in history if ev.get("event") == "status" and ev.get("to") in STATUSES]
