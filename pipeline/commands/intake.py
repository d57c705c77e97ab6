"""Commands: init, ingest, watch, review, assign, new-case."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from .. import dossier
from ..errors import UsageError
from ..intake import Intake, Result, decide_review, recover, review_queue
from ..sources.inbox import Settle, wait_until_complete, waiting_files
from ..workspace import Workspace
from .output import err, out, print_json, say, table

FATE_LABEL = {"filed": "dossier", "review": "review", "quarantine": "quarantaine", "duplicate": "dubbel"}
FATE_COUNT = {"filed": "in een dossier", "review": "naar review/", "quarantine": "naar quarantine/",
              "duplicate": "dubbel (al eerder ontvangen)"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("init", help="create a new workspace (kwru.yaml, templates, empty folders)")
    p.add_argument("dir", help="folder for the new workspace")
    p.set_defaults(func=cmd_init, no_workspace=True)

    p = sub.add_parser("ingest", help="one pass over inbox/ (or the given files), then a summary")
    p.add_argument("files", nargs="*", metavar="FILE", help="files to take in (copied into inbox/ first)")
    p.add_argument("--json", action="store_true", help="print this run's journal lines as JSON")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("watch", help="process inbox/ and keep watching it (Ctrl-C stops)")
    p.add_argument("--poll", type=float, metavar="SECONDS",
                   help="poll every SECONDS instead of file-system events (network shares)")
    p.set_defaults(func=cmd_watch)

    p = sub.add_parser("review", help="documents waiting for a person to decide where they belong")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("assign", help="file a document from review/ into a case")
    p.add_argument("file", help="the file in review/ (name or path)")
    p.add_argument("case", metavar="ID", help="case number, e.g. KWRU-2026-001")
    p.set_defaults(func=cmd_assign)

    p = sub.add_parser("new-case", help="open a new case with a document from review/")
    p.add_argument("file", help="the file in review/ (name or path)")
    p.set_defaults(func=cmd_new_case)


def cmd_init(args: argparse.Namespace, ws: None) -> int:
    new = Workspace.init(args.dir)
    say(f"Workspace created in {new.root}: edit kwru.yaml, then drop files in {new.inbox}")
    return 0


def _describe(r: Result) -> tuple[str, str]:
    if r.fate == "filed":
        docs = ", ".join(str(d) for d in r.documents)
        return f"{r.case}", f"document {docs} — {r.reason or ''}".strip(" —")
    if r.fate == "duplicate":
        return r.case or "", r.reason or ""
    return r.path or "", r.reason or ""


def print_summary(results: list[Result]) -> None:
    rows = []
    for r in results:
        where, detail = _describe(r)
        rows.append([r.original_name, FATE_LABEL.get(r.fate, r.fate), where, detail])
    table(None, ["bestand", "uitkomst", "zaak / map", "toelichting"], rows)
    counts: dict[str, int] = {}
    for r in results:
        counts[r.fate] = counts.get(r.fate, 0) + 1
    say(", ".join(f"{n} {FATE_COUNT.get(f, f)}" for f, n in counts.items()) or "inbox/ is empty: nothing to do")


def cmd_ingest(args: argparse.Namespace, ws: Workspace) -> int:
    for note in recover(ws):
        say(note)
    if args.files:
        paths = []
        for f in args.files:
            src = Path(f)
            if not src.is_file():
                raise UsageError(f"{f}: no such file")
            try:
                src.resolve().relative_to(ws.inbox.resolve())
                paths.append(src.resolve())
            except ValueError:  # outside inbox/: take a copy, leave the given file alone
                dst = ws.inbox / dossier.safe_name(src.name)
                n = 2
                while dst.exists():
                    dst = ws.inbox / f"{src.stem}-{n}{src.suffix}"
                    n += 1
                paths.append(dossier.atomic_copy(src, dst))
    else:
        paths = waiting_files(ws.inbox)
    paths = wait_until_complete(paths, Settle(quiet=0.3, pdf_grace=2.0), timeout=30)
    results: list[Result] = []
    with Intake(ws) as intake, Progress(TextColumn("{task.description}"), BarColumn(),
                                        TextColumn("{task.completed}/{task.total}"), TimeElapsedColumn(),
                                        console=err, transient=True) as progress:
        task = progress.add_task("inlezen", total=len(paths))
        for p in paths:
            progress.update(task, description=f"inlezen {p.name[:40]}")
            r = intake.process(p)
            if r is not None:
                results.append(r)
            progress.advance(task)
    if args.json:
        print_json([r.journal_line() for r in results])
    else:
        print_summary(results)
    return 0


def cmd_watch(args: argparse.Namespace, ws: Workspace) -> int:
    from ..sources.watch import watch

    if args.poll is not None and args.poll <= 0:
        raise UsageError("--poll needs a number of seconds greater than 0")
    mode = f"polling every {args.poll:g} s" if args.poll else "file-system events"
    say(f"Watching {ws.inbox} ({mode}); Ctrl-C stops after the current file.")

    def show(r: Result) -> None:
        where, detail = _describe(r)
        out.print(f"{time.strftime('%H:%M:%S')}  {r.original_name}  →  {FATE_LABEL.get(r.fate, r.fate)} "
                  f"{where}  {detail}", markup=False)

    with Intake(ws) as intake:
        n = watch(ws, intake, poll=args.poll, on_result=show, on_note=say)
    say(f"Stopped; {n} file(s) handled.")
    return 0


def cmd_review(args: argparse.Namespace, ws: Workspace) -> int:
    items = review_queue(ws)
    if args.json:
        print_json([{k: v for k, v in i.items() if not k.startswith("_")} for i in items])
        return 0
    if not items:
        say("review/ is empty: every document is in a case.")
        return 0
    rows = []
    for i in items:
        cands = "; ".join(f"{c['case']} ({c['why']})" for c in i["candidates"][:3]) or "—"
        rows.append([Path(i["path"]).name, i.get("kind") or "", i["reason"], cands])
    table(f"{len(items)} document(s) to decide", ["bestand", "soort", "waarom", "kandidaten"], rows)
    say("Decide with `kwru assign FILE ID` or `kwru new-case FILE`.")
    return 0


def cmd_assign(args: argparse.Namespace, ws: Workspace) -> int:
    r = decide_review(ws, args.file, args.case)
    say(f"{r.original_name} filed in {r.case} as document {', '.join(map(str, r.documents))}")
    return 0


def cmd_new_case(args: argparse.Namespace, ws: Workspace) -> int:
    r = decide_review(ws, args.file, None)
    say(f"{r.original_name} opened case {r.case} (document {', '.join(map(str, r.documents))})")
    return 0
