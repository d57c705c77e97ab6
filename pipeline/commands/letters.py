"""Commands: letter (one case) and letters (in bulk)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from ..errors import UsageError
from ..letters.kinds import KINDS, get_kind

if TYPE_CHECKING:
    from ..letters.produce import Run
from ..models import STATUSES
from ..workspace import Workspace
from .output import err, print_json, say, table

_KINDS_HELP = ", ".join(KINDS)
_STAGES = {"check": "checking case data", "docx": "rendering DOCX", "pdf": "converting to PDF (LibreOffice)",
           "file": "filing in dossiers and outbox"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("letter", help="render one letter (DOCX + PDF) into the case and outbox/",
                       description=f"Render a letter for one case. Kinds: {_KINDS_HELP}.")
    p.add_argument("kind", metavar="KIND", help=_KINDS_HELP)
    p.add_argument("case", metavar="ID")
    _common(p)
    p.add_argument("--draft", action="store_true",
                   help="advies/bemiddeling: write letters/KIND-concept.yaml pre-filled from the case, to edit")
    p.add_argument("--force", action="store_true", help="with --draft: replace an existing draft")
    p.add_argument("--content", metavar="FILE", type=Path,
                   help="advies/bemiddeling: take the written text from this YAML file instead of the draft")
    p.set_defaults(func=cmd_letter)

    p = sub.add_parser("letters", help="render a letter kind in bulk, with a progress bar",
                       description=f"Render letters for many cases: one LibreOffice batch for all PDFs. "
                                   f"Kinds: {_KINDS_HELP}.")
    p.add_argument("kind", metavar="KIND", help=_KINDS_HELP)
    p.add_argument("cases", nargs="*", metavar="ID")
    p.add_argument("--session", metavar="DATE", help="the cases of this hearing day (YYYY-MM-DD)")
    p.add_argument("--status", choices=STATUSES, metavar="S", help="the cases with this status")
    p.add_argument("--print-pdf", action="store_true", help="also one combined PDF of all letters, for printing")
    _common(p)
    p.set_defaults(func=cmd_letters)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date", metavar="D", type=_date, help="date of the letter (default: today)")
    p.add_argument("--to", choices=("complainant", "corporation", "klager", "corporatie"),
                   help="only the letter to this recipient (default: every recipient of the kind)")
    p.add_argument("--no-pdf", action="store_true", help="DOCX only (to edit in Word first)")
    p.add_argument("--json", action="store_true", help="print what was made as JSON")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {text!r}") from None


def _report(ws: Workspace, run: Run, as_json: bool) -> None:
    if as_json:
        print_json({
            "kind": run.kind, "date": run.date,
            "letters": [{"case": m.case_id, "to": m.recipient, "addressee": m.addressee,
                         "docx": str(m.docx.relative_to(ws.root)),
                         "pdf": str(m.pdf.relative_to(ws.root)) if m.pdf else None,
                         "outbox": [str(p.relative_to(ws.root)) for p in m.outbox]} for m in run.made],
            "status": run.moved,
            "failed": [{"case": f.case_id, "error": f.message} for f in run.failed],
            "warnings": run.warnings,
            "print_pdf": str(run.print_pdf.relative_to(ws.root)) if run.print_pdf else None,
        })
        return
    for m in run.made:
        files = [m.docx, *([m.pdf] if m.pdf else []), *m.outbox]
        say(f"{m.case_id} {m.kind} → {m.addressee}:")
        for f in files:
            say(f"  {f.relative_to(ws.root)}")
    for cid, status in run.moved.items():
        say(f"{cid} is now '{status}'")
    if run.print_pdf:
        say(f"to print: {run.print_pdf.relative_to(ws.root)}")
    for w in run.warnings:
        say(f"[yellow]warning:[/] {w}")


def cmd_letter(args: argparse.Namespace, ws: Workspace) -> int:
    from ..letters import content
    from ..letters.produce import make_letters

    kind = get_kind(args.kind)
    if args.draft:
        path = content.write_draft(ws, ws.load_case(args.case), kind.name, force=args.force)
        say(f"draft: {path.relative_to(ws.root)}\nedit it, then run `kwru letter {kind.name} {args.case}`")
        return 0
    run = make_letters(ws, kind.name, [args.case], date=args.date, to=args.to, content_path=args.content,
                       strict=True, pdf=not args.no_pdf)
    _report(ws, run, args.json)
    return 0


def cmd_letters(args: argparse.Namespace, ws: Workspace) -> int:
    chosen = sum(bool(x) for x in (args.session, args.status, args.cases))
    if chosen != 1:
        raise UsageError("name the cases in one way: --session DATE, --status S, or case numbers")
    from ..letters.produce import make_letters, select_cases

    kind = get_kind(args.kind)
    ids = select_cases(ws, session=args.session, status=args.status, ids=args.cases)
    if not ids:
        say("No cases to write to.")
        return 0
    with Progress(TextColumn("{task.description:<32}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=False, disable=args.json) as bar:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(_STAGES.get(stage, stage), total=total)
            bar.update(tasks[stage], completed=done, total=total)

        run = make_letters(ws, kind.name, ids, date=args.date, to=args.to, print_pdf=args.print_pdf,
                           progress=progress, pdf=not args.no_pdf)
    _report_bulk(ws, run, args.json)
    return 1 if run.failed else 0


def _report_bulk(ws: Workspace, run: Run, as_json: bool) -> None:
    if as_json:
        _report(ws, run, True)
        return
    cases = len({m.case_id for m in run.made})
    pdfs = sum(1 for m in run.made if m.pdf)
    say(f"{len(run.made)} letters {run.kind} for {cases} cases ({pdfs} PDF) in outbox/{run.date.isoformat()}/")
    if run.moved:
        moved = sorted(set(run.moved.values()))
        say(f"{len(run.moved)} cases moved to {', '.join(repr(m) for m in moved)}")
    if run.print_pdf:
        say(f"to print: {run.print_pdf.relative_to(ws.root)}")
    for w in run.warnings:
        say(f"[yellow]warning:[/] {w}")
    if run.failed:
        table(f"{len(run.failed)} cases without a letter", ["case", "why"],
              [[f.case_id, f.message] for f in run.failed])
