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
from ..i18n import N_, _, ngettext
from ..models import STATUSES
from ..workspace import Workspace
from .output import err, print_json, say, table

_KINDS_HELP = ", ".join(KINDS)
_STAGES = {"check": N_("checking case data"), "docx": N_("rendering DOCX"),
           "pdf": N_("converting to PDF (LibreOffice)"), "file": N_("filing in dossiers and outbox")}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("letter", help=_("render one letter (DOCX + PDF) into the case and outbox/"),
                       description=_("Render a letter for one case. Kinds: {kinds}.").format(kinds=_KINDS_HELP))
    p.add_argument("kind", metavar="KIND", help=_KINDS_HELP)
    p.add_argument("case", metavar="ID", help=_("case number, e.g. KWRU-2026-001"))
    _common(p)
    p.add_argument("--draft", action="store_true",
                   help=_("advies/bemiddeling: write letters/KIND-concept.yaml pre-filled from the case, to edit"))
    p.add_argument("--force", action="store_true", help=_("with --draft: replace an existing draft"))
    p.add_argument("--content", metavar="FILE", type=Path,
                   help=_("advies/bemiddeling: take the written text from this YAML file instead of the draft"))
    p.set_defaults(func=cmd_letter)

    p = sub.add_parser("letters", help=_("render a letter kind in bulk, with a progress bar"),
                       description=_("Render letters for many cases: one LibreOffice batch for all PDFs. "
                                     "Kinds: {kinds}.").format(kinds=_KINDS_HELP))
    p.add_argument("kind", metavar="KIND", help=_KINDS_HELP)
    p.add_argument("cases", nargs="*", metavar="ID", help=_("case numbers"))
    p.add_argument("--session", metavar="DATE", help=_("the cases of this hearing day (YYYY-MM-DD)"))
    p.add_argument("--status", choices=STATUSES, metavar="S", help=_("the cases with this status"))
    p.add_argument("--print-pdf", action="store_true", help=_("also one combined PDF of all letters, for printing"))
    _common(p)
    p.set_defaults(func=cmd_letters)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date", metavar="D", type=_date, help=_("date of the letter (default: today)"))
    p.add_argument("--to", choices=("complainant", "corporation", "klager", "corporatie"),
                   help=_("only the letter to this recipient (default: every recipient of the kind)"))
    p.add_argument("--no-pdf", action="store_true", help=_("DOCX only (to edit in Word first)"))
    p.add_argument("--json", action="store_true", help=_("print what was made as JSON"))


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("not a date YYYY-MM-DD: {text!r}").format(text=text)) from None


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
        say(_("{case} is now '{status}'").format(case=cid, status=status))
    if run.print_pdf:
        say(_("to print: {path}").format(path=run.print_pdf.relative_to(ws.root)))
    for w in run.warnings:
        say(_("[yellow]warning:[/] {warning}").format(warning=w))


def cmd_letter(args: argparse.Namespace, ws: Workspace) -> int:
    from ..letters import content
    from ..letters.produce import make_letters

    kind = get_kind(args.kind)
    if args.draft:
        path = content.write_draft(ws, ws.load_case(args.case), kind.name, force=args.force)
        say(_("draft: {path}\nedit it, then run `kwru letter {kind} {case}`").format(
            path=path.relative_to(ws.root), kind=kind.name, case=args.case))
        return 0
    run = make_letters(ws, kind.name, [args.case], date=args.date, to=args.to, content_path=args.content,
                       strict=True, pdf=not args.no_pdf)
    _report(ws, run, args.json)
    return 0


def cmd_letters(args: argparse.Namespace, ws: Workspace) -> int:
    chosen = sum(bool(x) for x in (args.session, args.status, args.cases))
    if chosen != 1:
        raise UsageError(_("name the cases in one way: --session DATE, --status S, or case numbers"))
    from ..letters.produce import make_letters, select_cases

    kind = get_kind(args.kind)
    ids = select_cases(ws, session=args.session, status=args.status, ids=args.cases)
    if not ids:
        say(_("No cases to write to."))
        return 0
    with Progress(TextColumn("{task.description:<32}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=False, disable=args.json) as bar:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(_(_STAGES[stage]) if stage in _STAGES else stage, total=total)
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
    letters = ngettext("{n} letter {kind}", "{n} letters {kind}", len(run.made)).format(n=len(run.made), kind=run.kind)
    for_cases = ngettext("for {n} case", "for {n} cases", cases).format(n=cases)
    say(_("{letters} {for_cases} ({pdfs} PDF) in {folder}").format(
        letters=letters, for_cases=for_cases, pdfs=pdfs, folder=f"outbox/{run.date.isoformat()}/"))
    if run.moved:
        moved = sorted(set(run.moved.values()))
        say(ngettext("{n} case moved to {statuses}", "{n} cases moved to {statuses}", len(run.moved)).format(
            n=len(run.moved), statuses=", ".join(repr(m) for m in moved)))
    if run.print_pdf:
        say(_("to print: {path}").format(path=run.print_pdf.relative_to(ws.root)))
    for w in run.warnings:
        say(_("[yellow]warning:[/] {warning}").format(warning=w))
    if run.failed:
        title = ngettext("{n} case without a letter", "{n} cases without a letter", len(run.failed))
        table(title.format(n=len(run.failed)), [_("case"), _("why")],
              [[f.case_id, f.message] for f in run.failed])
