"""Commands for the life of a case: decide, schedule, unschedule, postpone, sessions, outcome,
decision, withdraw, close, deadlines. They parse arguments and call pipeline.lifecycle."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from rich.text import Text

from .. import clock
from ..errors import UsageError
from ..lifecycle import actions
from ..lifecycle.admissibility import REASONS, suggestion_note
from ..lifecycle.calendar import parse_date
from ..lifecycle.deadlines import LABELS as DEADLINE_LABELS
from ..lifecycle.states import LABELS
from ..workspace import Workspace
from . import output

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")

NEXT_LETTERS = {  # status reached -> the letters that usually follow
    "ontvankelijk": ("ontvangstbevestiging", "verzoek_reactie"),
    "niet_ontvankelijk": ("niet_ontvankelijk",),
    "doorgezonden": ("doorgezonden",),
    "zitting_gepland": ("uitnodiging_zitting",),
    "bemiddeld": ("bemiddeling",),
    "aangehouden": ("bemiddeling",),
    "advies_uitgebracht": ("advies",),
    "ingetrokken": ("intrekking",),
}


def long_date(d: dt.date) -> str:
    return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"


# --- printing ---------------------------------------------------------------------------------

def _say(text: str, style: str | None = None) -> None:
    output.err.print(Text(text, style=style or ""), highlight=False, soft_wrap=True)


def _line(text: str, style: str | None = None) -> None:
    """One line on stdout, never wrapped (styled only in a terminal)."""
    output.out.print(Text(text, style=style or ""), highlight=False, soft_wrap=True)


def _report(args: argparse.Namespace, done: actions.Done, lines: list[str]) -> int:
    """Print what a changing command did: JSON on stdout with --json, else sentences on stderr."""
    if getattr(args, "json", False):
        output.print_json({
            "cases": [{"id": c.id, "status": c.status, "hearing": c.hearing.to_dict() if c.hearing else None,
                       "outcome": c.outcome, "deadlines": c.deadlines} for c in done.cases],
            "warnings": done.warnings,
            "notes": done.notes,
            "events": done.events,
        })
    else:
        for line in lines:
            _say(line)
    for n in ([] if getattr(args, "json", False) else done.notes):
        _say(n, "dim")
    for w in done.warnings:
        _say(f"warning: {w}", "yellow")
    return 0


def _status_line(case_id: str, done: actions.Done) -> list[str]:
    out = []
    for ev in done.events:
        if ev.get("case") == case_id and ev.get("event") == "status":
            out.append(f"{case_id}: {LABELS.get(ev['from'], ev['from'])} → {LABELS.get(ev['to'], ev['to'])}")
    return out


def _next_letter(case_id: str, status: str) -> list[str]:
    letters = NEXT_LETTERS.get(status, ())
    if not letters:
        return []
    closes = " (it closes the dossier)" if status == "bemiddeld" else ""
    return [f"  next letter{'s' if len(letters) > 1 else ''}: "
            + "; ".join(f"kwru letter {k} {case_id}" for k in letters) + closes]


def _today() -> dt.date:
    return clock.today()


def _date_arg(what: str):  # argparse type: a date, with our one-line error
    def conv(text: str) -> dt.date:
        try:
            return parse_date(text, what)
        except UsageError as e:
            raise argparse.ArgumentTypeError(str(e)) from None
    conv.__name__ = what
    return conv


# --- handlers ---------------------------------------------------------------------------------

def cmd_decide(args: argparse.Namespace, ws: Workspace) -> int:
    if not args.decision:
        case = ws.load_case(args.id)
        if args.json:
            output.print_json({"id": case.id, "status": case.status, "flags": case.admissibility.flags,
                               "admissibility": case.admissibility.to_dict(),
                               "reasons": {c: {"label": r.label, "text": r.text, "referral": r.referral}
                                           for c, r in REASONS.items()}})
            return 0
        _say(f"{case.id} is '{case.status}'; decide with `kwru decide {case.id} ontvankelijk`, "
             f"`niet-ontvankelijk --reason CODE` or `doorsturen`")
        note = suggestion_note(case)
        _say(note or "no signals found in the text", "yellow" if note else "dim")
        rows = [[c, r.label, r.referral_to or ""] for c, r in REASONS.items()]
        output.table("Reason codes (niet-ontvankelijk)", ["code", "reason", "referral"], rows)
        return 0
    done = actions.decide(ws, args.id, args.decision, today=_today(), reason=args.reason, note=args.note)
    case = done.cases[0]
    lines = _status_line(case.id, done)
    if case.status == "niet_ontvankelijk" and case.admissibility.reason:
        r = REASONS[case.admissibility.reason]
        lines.append(f"  reason: {r.code} ({r.label})" + (f"; referral: {r.referral_to}" if r.referral_to else ""))
    lines += _next_letter(case.id, case.status)
    return _report(args, done, lines)


def _split_times(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [t for v in values for t in v.replace(";", ",").split(",") if t.strip()]


def cmd_schedule(args: argparse.Namespace, ws: Workspace) -> int:
    done = actions.schedule(ws, args.date, args.ids, today=_today(), location=args.location,
                            times=_split_times(args.times))
    lines = []
    if done.cases and done.cases[0].hearing:
        lines.append(f"Zitting {long_date(args.date)}, {done.cases[0].hearing.location}:")
    for c in done.cases:
        lines.append(f"  {c.hearing.time if c.hearing else '?'}  {c.id}  {c.corporation or ''}".rstrip())
    lines.append(f"  next: kwru letters uitnodiging_zitting --session {args.date.isoformat()}")
    return _report(args, done, lines)


def cmd_unschedule(args: argparse.Namespace, ws: Workspace) -> int:
    done = actions.unschedule(ws, args.id, today=_today(), reason=args.reason)
    lines = [f"{args.id}: taken off the hearing day"] + _status_line(args.id, done)
    return _report(args, done, lines)


def cmd_postpone(args: argparse.Namespace, ws: Workspace) -> int:
    done = actions.postpone(ws, args.id, today=_today(), reason=args.reason)
    c = done.cases[0]
    ev = next((e for e in done.events if e.get("event") == "hearing"), {})
    was = (ev.get("from") or {}).get("date", "?")
    lines = [f"{c.id}: moved from {was} to {long_date(dt.date.fromisoformat(c.hearing.date))} "
             f"{c.hearing.time}, {c.hearing.location}" if c.hearing else f"{c.id}: moved",
             f"  next letter: kwru letter uitnodiging_zitting {c.id}"]
    return _report(args, done, lines)


def cmd_sessions(args: argparse.Namespace, ws: Workspace) -> int:
    today = _today()
    found = actions.sessions(ws, None if args.all else today)
    if args.json:
        output.print_json([s.to_dict() for s in found])
        return 0
    if not found:
        _say("no hearing days planned" + ("" if args.all else " from today on")
             + "; plan one with `kwru schedule DATE ID ... --location L`")
        return 0
    for s in found:
        _line(f"Zitting {long_date(s.date)} — {s.location}", "bold")
        for slot in s.slots:
            _line(f"  {slot.time:>5}  {slot.case_id}  {slot.corporation or '-'}  "
                  f"{slot.complainant or '-'}  ({LABELS.get(slot.status, slot.status)})")
    return 0


def cmd_outcome(args: argparse.Namespace, ws: Workspace) -> int:
    done = actions.outcome(ws, args.id, args.outcome, today=_today(), agreements=args.agreement or [],
                           reason=args.reason, follow_up=args.follow_up, parts=args.part or [],
                           recommendations=args.recommendation or [], general_advice=args.general_advice)
    c = done.cases[0]
    lines = _status_line(c.id, done) or [f"{c.id}: {c.outcome}"]
    od = c.outcome_details
    if c.outcome == "aangehouden":
        lines.append(f"  held: {od.hold_reason}; follow-up on {od.follow_up}")
    elif c.outcome in ("gegrond", "ongegrond", "gedeeltelijk_gegrond"):
        lines.append(f"  advice: {c.outcome.replace('_', ' ')}"
                     + (f" ({len(od.parts)} part(s))" if od.parts else ""))
    for i, a in enumerate(od.agreements, 1):
        lines.append(f"  afspraak {i}: {a}")
    lines += _next_letter(c.id, c.status)
    return _report(args, done, lines)


def cmd_decision(args: argparse.Namespace, ws: Workspace) -> int:
    followed = {"yes": True, "ja": True, "no": False, "nee": False, "unknown": None}[args.followed]
    done = actions.decision(ws, args.id, followed, today=_today(), received=args.date)
    c = done.cases[0]
    said = {True: "follows the advice", False: "does not follow the advice", None: "not yet known"}[followed]
    lines = _status_line(c.id, done) + [f"{c.id}: directie's decision: {said}"]
    return _report(args, done, lines)


def cmd_withdraw(args: argparse.Namespace, ws: Workspace) -> int:
    done = actions.withdraw(ws, args.id, today=_today(), reason=args.reason)
    return _report(args, done, _status_line(args.id, done) + _next_letter(args.id, "ingetrokken"))


def cmd_close(args: argparse.Namespace, ws: Workspace) -> int:
    done = actions.close(ws, args.id, today=_today(), reason=args.reason)
    return _report(args, done, _status_line(args.id, done))


def _days_text(days: int) -> str:
    if days < 0:
        return f"{-days} dag{'en' if days != -1 else ''} te laat"
    if days == 0:
        return "vandaag"
    return f"nog {days} dag{'en' if days != 1 else ''}"


def cmd_deadlines(args: argparse.Namespace, ws: Workspace) -> int:
    today = _today()
    if args.done:
        case_id, name = args.done
        done = actions.deadline_done(ws, case_id, name, today=today, day=args.date, reason=args.reason)
        return _report(args, done, [f"{case_id}: deadline {name} marked as met"])
    rows = actions.deadline_rows(ws, today, args.all)
    if args.json:
        output.print_json([r.to_dict() for r in rows])
        return 0
    soon = ws.config.deadlines.due_soon_days
    if not rows:
        _say("nothing overdue" + ("" if args.all else f" and nothing due within {soon} days"))
        return 0
    table: list[tuple[str, list[str]]] = []
    for r in rows:
        i = r.item
        style = "red" if i.overdue else ("yellow" if i.days_left <= soon else "")
        table.append((style, [i.due.isoformat(), _days_text(i.days_left), i.case_id, i.label,
                              LABELS.get(r.case.status, r.case.status), r.case.corporation or "-"]))
    head = ["uiterlijk", "dagen", "zaak", "termijn", "status", "corporatie"]
    if output.out.is_terminal:
        from rich import box
        from rich.table import Table

        narrow = output.out.width < 110  # then the status column gives way to the others
        t = Table(title=f"Termijnen op {long_date(today)}", title_justify="left", header_style="bold",
                  box=box.SIMPLE_HEAD, pad_edge=False)
        keep = [k for k, h in enumerate(head) if not (narrow and h == "status")]
        for k in keep:  # dates, days and case numbers never wrap; the words may
            t.add_column(head[k], no_wrap=head[k] in ("uiterlijk", "dagen", "zaak"))
        for style, cells in table:
            t.add_row(*(cells[k] for k in keep), style=style or None)
        output.out.print(t)
    else:
        widths = [max(len(h), *(len(cells[k]) for _, cells in table)) for k, h in enumerate(head)]
        for cells in [head, *(cells for _, cells in table)]:
            _line("  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip())
    overdue = sum(r.item.overdue for r in rows)
    _say(f"{overdue} overdue, {len(rows) - overdue} due "
         + ("later" if args.all else f"within {soon} days"), "red" if overdue else None)
    return 0


# --- registration -----------------------------------------------------------------------------

def _json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON on stdout (messages go to stderr)")


def register(sub: Any) -> None:
    p = sub.add_parser("decide", help="admissibility: ontvankelijk, niet-ontvankelijk --reason CODE, doorsturen",
                       description="Decide whether a complaint is handled. Without a decision: show the "
                                   "signals found in the text and the reason codes. Reason codes: "
                                   + ", ".join(REASONS))
    p.add_argument("id", metavar="ID")
    p.add_argument("decision", nargs="?", metavar="DECISION",
                   help="ontvankelijk | niet-ontvankelijk | doorsturen (forward to the corporation)")
    p.add_argument("--reason", metavar="CODE", help="reason code for niet-ontvankelijk")
    p.add_argument("--note", help="a remark kept in the history")
    _json(p)
    p.set_defaults(func=cmd_decide)

    p = sub.add_parser("schedule", help="plan cases on a hearing day (zittingsdag)",
                       description="Plan cases on a hearing day, in time slots of hearings.slot_minutes "
                                   "from hearings.first_slot (kwru.yaml). One location per day.")
    p.add_argument("date", metavar="DATE", type=_date_arg("DATE"), help="the hearing day, e.g. 2026-05-12")
    p.add_argument("ids", nargs="+", metavar="ID")
    p.add_argument("--location", metavar="L", help="where (needed for a new day; a part of a kwru.yaml "
                                                  "location is enough, e.g. Mitros)")
    p.add_argument("--times", action="append", metavar="HH:MM,...", help="times, one per case, e.g. 13:30,14:15")
    _json(p)
    p.set_defaults(func=cmd_schedule)

    p = sub.add_parser("unschedule", help="take a case off its hearing day")
    p.add_argument("id", metavar="ID")
    p.add_argument("--reason", help="why (kept in the history)")
    _json(p)
    p.set_defaults(func=cmd_unschedule)

    p = sub.add_parser("postpone", help="move a case to the next planned hearing day",
                       description="Move a case to the next planned hearing day after its current one "
                                   "(e.g. the complainant cannot attend). Warns when that endangers the "
                                   "advice deadline.")
    p.add_argument("id", metavar="ID")
    p.add_argument("--reason", required=True, help="why, e.g. \"klager verhinderd\"")
    _json(p)
    p.set_defaults(func=cmd_postpone)

    p = sub.add_parser("sessions", help="the planned hearing days with their cases")
    p.add_argument("--all", action="store_true", help="also past hearing days")
    _json(p)
    p.set_defaults(func=cmd_sessions)

    p = sub.add_parser("outcome", help="record the outcome: bemiddeld, aangehouden, gegrond, ongegrond, "
                                       "gedeeltelijk-gegrond",
                       description="Record what the hearing produced. bemiddeld needs --agreement; "
                                   "aangehouden needs --reason and --follow-up; an advice may give "
                                   "--part \"TITLE=JUDGEMENT\" per complaint part (the overall outcome "
                                   "must match them).")
    p.add_argument("id", metavar="ID")
    p.add_argument("outcome", metavar="OUTCOME",
                   help="bemiddeld | aangehouden | gegrond | ongegrond | gedeeltelijk-gegrond")
    p.add_argument("--agreement", action="append", metavar="TEXT", help="an agreement made (repeat)")
    p.add_argument("--reason", help="aangehouden: why the case is held")
    p.add_argument("--follow-up", type=_date_arg("--follow-up"), metavar="DATE",
                   help="aangehouden: when the committee looks at it again")
    p.add_argument("--part", action="append", metavar="TITLE=JUDGEMENT",
                   help="a complaint part and its judgement, e.g. \"Lekkage badkamer=gegrond\" (repeat)")
    p.add_argument("--recommendation", action="append", metavar="TEXT", help="advice to the directie (repeat)")
    p.add_argument("--general-advice", metavar="TEXT", help="algemeen advies / signalering")
    _json(p)
    p.set_defaults(func=cmd_outcome)

    p = sub.add_parser("decision", help="the directie's decision on the advice",
                       description="Record the directie's decision on the advice (besluit_ontvangen).")
    p.add_argument("id", metavar="ID")
    p.add_argument("--followed", required=True, choices=("yes", "no", "ja", "nee", "unknown"),
                   help="does the directie follow the advice?")
    p.add_argument("--date", type=_date_arg("--date"), metavar="DATE", help="when it arrived (default today)")
    _json(p)
    p.set_defaults(func=cmd_decision)

    p = sub.add_parser("withdraw", help="the complainant withdraws the complaint (intrekking)")
    p.add_argument("id", metavar="ID")
    p.add_argument("--reason", help="why, e.g. \"opgelost door de corporatie\"")
    _json(p)
    p.set_defaults(func=cmd_withdraw)

    p = sub.add_parser("close", help="close the dossier")
    p.add_argument("id", metavar="ID")
    p.add_argument("--reason", help="why (kept in the history)")
    _json(p)
    p.set_defaults(func=cmd_close)

    p = sub.add_parser("deadlines", help="what is overdue and what is due soon, per case",
                       description="Overdue deadlines and those due within deadlines.due_soon_days "
                                   "(kwru.yaml), earliest first. Deadlines: "
                                   + ", ".join(f"{k} ({v})" for k, v in DEADLINE_LABELS.items()))
    p.add_argument("--all", action="store_true", help="all open deadlines, also those due later")
    p.add_argument("--done", nargs=2, metavar=("ID", "NAME"),
                   help="mark a deadline as met by hand (e.g. a letter sent outside kwru)")
    p.add_argument("--date", type=_date_arg("--date"), metavar="DATE", help="with --done: when (default today)")
    p.add_argument("--reason", help="with --done: a remark kept in the history")
    _json(p)
    p.set_defaults(func=cmd_deadlines)
