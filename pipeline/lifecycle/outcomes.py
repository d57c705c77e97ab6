"""What happens after the hearing, and the status changes that documents and letters cause.

- `record_outcome`: bemiddeld (agreements; the mediation letter then closes the dossier),
  aangehouden (reason and follow-up date), or an advice: gegrond / ongegrond /
  gedeeltelijk gegrond, judged per complaint part and rolled up.
- `record_decision`: the directie's decision on the advice (followed or not).
- `withdraw`, `close`.
- `on_document_filed` (called by ingestion) and `on_letter_sent` (for the letters): the
  automatic status changes of the procedure.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from dateutil.relativedelta import relativedelta

from ..config import Config
from ..dossier import history_event
from ..errors import TransitionError, UsageError
from ..models import JUDGEMENTS, OUTCOMES, Case, ComplaintPart, Decision, OutcomeDetails
from . import history as h
from .hearings import cancel_hearing, hearing_date
from .states import FINISHED, Step, check, transition

# What the secretary types -> the stored word.
_WORDS = {
    "gegrond": "gegrond",
    "ongegrond": "ongegrond",
    "gedeeltelijk-gegrond": "gedeeltelijk_gegrond",
    "gedeeltelijk_gegrond": "gedeeltelijk_gegrond",
    "gedeeltelijk gegrond": "gedeeltelijk_gegrond",
    "deels-gegrond": "gedeeltelijk_gegrond",
    "bemiddeld": "bemiddeld",
    "aangehouden": "aangehouden",
}


def outcome_word(text: str) -> str:
    word = _WORDS.get(" ".join(str(text).strip().lower().split()))
    if word not in OUTCOMES:
        raise UsageError(f"unknown outcome {text!r}; choose bemiddeld, aangehouden, gegrond, ongegrond "
                         "or gedeeltelijk-gegrond")
    return word


def judgement_word(text: str) -> str:
    word = _WORDS.get(" ".join(str(text).strip().lower().split()))
    if word not in JUDGEMENTS:
        raise UsageError(f"unknown judgement {text!r}; a part is gegrond, ongegrond or gedeeltelijk-gegrond")
    return word


def parse_part(text: str) -> ComplaintPart:
    """ "Lekkage badkamer=gegrond" -> ComplaintPart("Lekkage badkamer", "gegrond")."""
    title, sep, judgement = str(text).rpartition("=")
    title = " ".join(title.split())
    if not sep or not title:
        raise UsageError(f"--part {text!r} must be TITLE=JUDGEMENT, e.g. --part \"Lekkage badkamer=gegrond\"")
    return ComplaintPart(title=title, judgement=judgement_word(judgement))


def roll_up(parts: Iterable[ComplaintPart]) -> str | None:
    """All parts gegrond: gegrond; all ongegrond: ongegrond; anything else: gedeeltelijk gegrond."""
    judged = [p.judgement for p in parts if p.judgement]
    if not judged:
        return None
    if all(j == "gegrond" for j in judged):
        return "gegrond"
    if all(j == "ongegrond" for j in judged):
        return "ongegrond"
    return "gedeeltelijk_gegrond"


def _clean(items: Iterable[str] | None) -> list[str]:
    return [" ".join(str(x).split()) for x in (items or []) if str(x).strip()]


def record_outcome(case: Case, outcome: str, *, today: dt.date, config: Config,
                   history: list[dict[str, Any]] | None = None,
                   agreements: Sequence[str] = (), reason: str | None = None,
                   follow_up: dt.date | None = None, parts: Sequence[ComplaintPart | str] = (),
                   recommendations: Sequence[str] = (), general_advice: str | None = None,
                   command: str = "outcome") -> Step:
    """Record what the hearing produced and move the case on (see the module docstring)."""
    kind = outcome_word(outcome)
    history = history or []
    step = Step()
    agreements = _clean(agreements)
    recommendations = _clean(recommendations)
    general_advice = " ".join(general_advice.split()) if general_advice and general_advice.strip() else None
    reason = " ".join(reason.split()) if reason and reason.strip() else None
    part_list = [p if isinstance(p, ComplaintPart) else parse_part(p) for p in parts]
    old = case.outcome_details

    if kind in ("bemiddeld", "aangehouden") and (part_list or recommendations or general_advice):
        raise UsageError(f"--part, --recommendation and --general-advice belong to an advice "
                             f"(gegrond, ongegrond, gedeeltelijk-gegrond), not to {kind}")

    if kind == "bemiddeld":
        if not agreements and case.status == "aangehouden":
            agreements = list(old.agreements)  # the agreements of the hold were kept
        if not agreements:
            raise UsageError("bemiddeld needs the agreements: --agreement \"...\" (once per agreement)")
        check(case, "bemiddeld", doing="be recorded as bemiddeld")
        details = OutcomeDetails(decided=today.isoformat(), agreements=agreements)

    elif kind == "aangehouden":
        if not reason:
            raise UsageError("aangehouden needs --reason (why the case is held, e.g. \"herstel toegezegd\")")
        if not follow_up:
            raise UsageError("aangehouden needs --follow-up DATE (when the committee looks at it again)")
        if follow_up <= today:
            raise UsageError(f"the follow-up date {follow_up.isoformat()} must be after today ({today.isoformat()})")
        start = today
        if case.status == "aangehouden":
            start = h.entered(history, "aangehouden", last=True) or today
        else:
            check(case, "aangehouden", doing="be held (aangehouden)")
        limit_months = config.deadlines.hold_max_months
        if limit_months and follow_up > start + relativedelta(months=limit_months):
            raise UsageError(f"a case may be held at most {limit_months} months (until "
                             f"{(start + relativedelta(months=limit_months)).isoformat()}; kwru.yaml "
                             "deadlines.hold_max_months)")
        if not agreements and case.status == "aangehouden":
            agreements = list(old.agreements)
        details = OutcomeDetails(decided=today.isoformat(), agreements=agreements, hold_reason=reason,
                                 follow_up=follow_up.isoformat())

    else:  # an advice
        if reason:
            raise UsageError("--reason is for aangehouden; an advice's reasoning goes in the advice letter")
        if not part_list:
            part_list = [p for p in old.parts if p.judgement]  # parts prepared earlier (e.g. a draft)
        rolled = roll_up(part_list)
        if rolled and rolled != kind:
            counts = ", ".join(f"{sum(p.judgement == j for p in part_list)} {j.replace('_', ' ')}"
                               for j in JUDGEMENTS if any(p.judgement == j for p in part_list))
            raise UsageError(f"the parts ({counts}) make the advice {rolled.replace('_', ' ')}, "
                             f"not {kind.replace('_', ' ')}")
        check(case, "advies_uitgebracht", doing=f"get an advice ({kind.replace('_', ' ')})")
        if case.status == "reactie_ontvangen":
            step.notes.append(f"{case.id}: advice on the papers, without a hearing")
        details = OutcomeDetails(decided=today.isoformat(), agreements=agreements, parts=part_list,
                                 recommendations=recommendations, general_advice=general_advice)

    heard = hearing_date(case)
    if heard and heard > today and case.status == "zitting_gepland":
        step.warnings.append(f"{case.id}: the hearing is planned for {heard.isoformat()}, after today")

    to = {"bemiddeld": "bemiddeld", "aangehouden": "aangehouden"}.get(kind, "advies_uitgebracht")
    if case.status == to:  # a held case held longer
        step.events.append(history_event("outcome", outcome=kind, date=today.isoformat(), reason=reason,
                                         details=details.to_dict(), command=command))
    else:
        step.events.append(transition(case, to, command=command, reason=reason, date=today.isoformat(),
                                      outcome=kind, details=details.to_dict()))
    case.outcome = kind
    case.outcome_details = details
    return step


def record_decision(case: Case, followed: bool | None, *, today: dt.date, received: dt.date | None = None,
                    command: str = "decision") -> Step:
    """The directie's decision on the advice: besluit_ontvangen, and whether it follows the advice."""
    day = received or today
    step = Step()
    decision = Decision(followed=followed, received=day.isoformat())
    if case.status == "besluit_ontvangen":
        if case.decision and case.decision.received:
            decision.received = case.decision.received
        step.events.append(history_event("decision", followed=followed, date=day.isoformat(), command=command))
    else:
        check(case, "besluit_ontvangen", doing="record the directie's decision (it needs an advice first)")
        step.events.append(transition(case, "besluit_ontvangen", command=command, date=day.isoformat(),
                                      followed=followed))
    case.decision = decision
    if followed is False:
        step.notes.append(f"{case.id}: the directie does not follow the advice; it must give its reasons "
                          "in writing")
    return step


def withdraw(case: Case, *, today: dt.date, reason: str | None = None, command: str = "withdraw") -> Step:
    """The complainant withdraws (intrekking); a planned hearing is cancelled."""
    if case.status in FINISHED:
        raise TransitionError(f"{case.id} is '{case.status}'; only an open case can be withdrawn")
    check(case, "ingetrokken", doing="be withdrawn")
    step = Step()
    had = case.hearing.to_dict() if case.hearing and case.status == "zitting_gepland" else None
    step.events += cancel_hearing(case, today=today, reason=reason or "klacht ingetrokken", command=command)
    step.events.append(transition(case, "ingetrokken", command=command, reason=reason, date=today.isoformat()))
    if had:
        step.warnings.append(f"{case.id}: the hearing of {had['date']} {had['time']} is cancelled; tell the "
                             "corporation")
    return step


def close(case: Case, *, today: dt.date, reason: str | None = None, command: str = "close") -> Step:
    check(case, "gesloten", doing="be closed")
    step = Step()
    if case.status == "advies_uitgebracht":
        step.warnings.append(f"{case.id}: closed without the directie's decision on the advice")
    elif case.status == "aangehouden":
        step.notes.append(f"{case.id}: the held case is closed (the follow-up is done)")
    step.events.append(transition(case, "gesloten", command=command, reason=reason, date=today.isoformat()))
    return step


# --- automatic changes -----------------------------------------------------------------------

def on_document_filed(case: Case, kind: str, today: dt.date) -> list[dict[str, Any]]:
    """The status changes a newly filed document causes (called by ingestion when it files one).

    reactie_corporatie: reactie_gevraagd -> reactie_ontvangen; intrekking: any open status ->
    ingetrokken; besluit_corporatie: advies_uitgebracht -> besluit_ontvangen (whether the advice
    is followed stays unknown until `kwru decision`). Other kinds, or other statuses: nothing.
    """
    day = today.isoformat()
    if kind == "reactie_corporatie" and case.status == "reactie_gevraagd":
        return [transition(case, "reactie_ontvangen", command="ingest", reason="reactie van de corporatie ontvangen",
                           date=day)]
    if kind == "intrekking" and case.status not in FINISHED:
        return withdraw(case, today=today, reason="intrekking ontvangen", command="ingest").events
    if kind == "besluit_corporatie" and case.status == "advies_uitgebracht":
        return record_decision(case, None, today=today, command="ingest").events
    return []


def on_letter_sent(case: Case, kind: str, day: dt.date) -> list[dict[str, Any]]:
    """The status change that sending a letter of `kind` on `day` causes, if any.

    What each letter does to a case is defined once, in the letter kinds' `moves`
    (pipeline/letters/kinds.py), e.g. verzoek_reactie: ontvankelijk -> reactie_gevraagd (the
    reaction term runs from `day`), bemiddeling: bemiddeld -> gesloten.
    """
    from ..letters.kinds import get_kind

    target = get_kind(kind).moves.get(case.status)
    if not target:
        return []
    return [transition(case, target, command=f"letter {kind}", date=day.isoformat(), reason=f"brief {kind}")]
