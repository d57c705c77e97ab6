"""The statuses of a case and the transitions the procedure allows, in one place."""

from __future__ import annotations

from typing import Any

from ..dossier import history_event
from ..errors import TransitionError
from ..models import STATUSES, Case

OPEN_STATUSES = frozenset(STATUSES) - {"gesloten", "ingetrokken", "niet_ontvankelijk"}

# status -> statuses reachable from it
TRANSITIONS: dict[str, frozenset[str]] = {
    "ontvangen": frozenset({"ontvankelijk", "niet_ontvankelijk", "doorgezonden", "ingetrokken"}),
    "ontvankelijk": frozenset({"reactie_gevraagd", "zitting_gepland", "ingetrokken"}),
    "niet_ontvankelijk": frozenset({"gesloten"}),
    "doorgezonden": frozenset({"ontvangen", "gesloten", "ingetrokken"}),
    "reactie_gevraagd": frozenset({"reactie_ontvangen", "zitting_gepland", "ingetrokken"}),
    "reactie_ontvangen": frozenset({"zitting_gepland", "advies_uitgebracht", "ingetrokken"}),
    "zitting_gepland": frozenset({"reactie_ontvangen", "bemiddeld", "aangehouden", "advies_uitgebracht",
                                  "ingetrokken"}),
    "bemiddeld": frozenset({"gesloten"}),
    "aangehouden": frozenset({"zitting_gepland", "bemiddeld", "advies_uitgebracht", "gesloten", "ingetrokken"}),
    "advies_uitgebracht": frozenset({"besluit_ontvangen", "gesloten"}),
    "besluit_ontvangen": frozenset({"gesloten"}),
    "gesloten": frozenset(),
    "ingetrokken": frozenset({"gesloten"}),
}


def allowed(frm: str) -> frozenset[str]:
    return TRANSITIONS.get(frm, frozenset())


def transition(case: Case, to: str, *, command: str, reason: str | None = None, **details: Any) -> dict[str, Any]:
    """Move `case` to status `to`; return the history event. Raises TransitionError if not allowed."""
    if to not in STATUSES:
        raise TransitionError(f"unknown status {to!r}; statuses are: {', '.join(STATUSES)}")
    frm = case.status
    if to not in allowed(frm):
        possible = ", ".join(sorted(allowed(frm))) or "nothing (the case is finished)"
        raise TransitionError(f"{case.id} is '{frm}'; it cannot become '{to}'. Possible from '{frm}': {possible}")
    case.status = to
    return history_event("status", **{"from": frm, "to": to}, command=command, reason=reason, **details)
