"""Making letters, one or many: check, render DOCX, one LibreOffice batch for the PDFs, file them.

The recipe of a run:
  1. plan     for each case, every value of its letters is checked (nothing written yet)
  2. render   all DOCX into a private temporary folder (two processes for a big run)
  3. convert  all PDFs in one LibreOffice batch (two parallel batches, separate profiles)
  4. file     per case, under the workspace lock: the files into dossiers/ID/letters/ and
              outbox/<date>/, a history event per letter, the status change the letter makes
A case whose letter cannot be made is reported and skipped whole: no half letter is filed.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import clock, dossier, office
from ..errors import KwruError, UsageError
from ..lifecycle import states
from ..models import Case
from ..workspace import Workspace
from . import content as content_mod
from . import render
from .context import Letter, build, hearing_of
from .kinds import get_kind, recipients_for

Progress = Callable[[str, int, int], None]  # stage ("check", "docx", "pdf", "file"), done, total
PARALLEL_FROM = 24  # below this many letters a second process costs more than it saves


@dataclass
class Made:
    """One letter filed in its case and the outbox."""

    case_id: str
    kind: str
    recipient: str
    addressee: str
    docx: Path
    pdf: Path | None
    outbox: list[Path]


@dataclass
class Failed:
    case_id: str
    message: str


@dataclass
class Run:
    kind: str
    date: dt.date
    made: list[Made] = field(default_factory=list)
    failed: list[Failed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # e.g. "no PDF: LibreOffice is not installed"
    moved: dict[str, str] = field(default_factory=dict)  # case -> new status
    print_pdf: Path | None = None
    seconds: dict[str, float] = field(default_factory=dict)


def select_cases(ws: Workspace, *, session: str | None = None, status: str | None = None,
                 ids: list[str] | None = None) -> list[str]:
    """The cases of a hearing day, of a status, or the ones named."""
    if ids:
        for i in ids:
            if not ws.has_case(i):
                raise UsageError(f"no case {i!r} in this workspace (see `kwru cases`)")
        return list(dict.fromkeys(ids))
    if session:
        try:
            day = dt.date.fromisoformat(session).isoformat()
        except ValueError:
            raise UsageError(f"--session must be a date YYYY-MM-DD, not {session!r}") from None
        found = []
        for cid in ws.case_ids():
            case = ws.load_case(cid)
            h = hearing_of(case, ws.history(cid))
            if h and str(h.get("date", ""))[:10] == day:
                found.append((str(h.get("time") or ""), cid))
        return [cid for _, cid in sorted(found)]
    if status:
        from ..models import STATUSES

        if status not in STATUSES:
            raise UsageError(f"unknown status {status!r}; statuses are: {', '.join(STATUSES)}")
        return [c.id for c in ws.cases() if c.status == status]
    raise UsageError("name the cases: --session DATE, --status S, or case numbers")


# --- 2. render ------------------------------------------------------------------------------

def _render_all(jobs: list[tuple[Path, dict[str, Any], Path, str]], workers: int,
                progress: Progress | None) -> list[str | None]:
    total = len(jobs)
    if workers <= 1 or total < PARALLEL_FROM:
        errors: list[str | None] = []
        for i, job in enumerate(jobs, 1):
            errors.extend(render.render_many([job]))
            if progress:
                progress("docx", i, total)
        return errors
    size = max(4, min(25, total // (workers * 4) or 1))
    chunks = [(i, jobs[i:i + size]) for i in range(0, total, size)]
    result: list[str | None] = [None] * total
    done = 0
    with ProcessPoolExecutor(workers) as pool:
        futures = {pool.submit(render.render_many, chunk): (start, len(chunk)) for start, chunk in chunks}
        for fut in as_completed(futures):
            start, n = futures[fut]
            result[start:start + n] = fut.result()
            done += n
            if progress:
                progress("docx", done, total)
    return result


# --- 3. convert -----------------------------------------------------------------------------

def _convert(docx: list[Path], outdir: Path, workers: int, progress: Progress | None) -> tuple[dict[Path, Path], str | None]:
    """PDFs for `docx` (one batch, retried once for what it missed); the reason when there are none."""
    if not docx:
        return {}, None
    try:
        office.require_soffice()
    except office.OfficeMissing as e:
        return {}, str(e)
    total = len(docx)
    stop = threading.Event()

    def watch() -> None:  # LibreOffice says nothing while it works: count the PDFs as they appear
        while not stop.wait(0.25):
            if progress:
                progress("pdf", min(total, sum(1 for _ in outdir.glob("*.pdf"))), total)

    watcher = threading.Thread(target=watch, daemon=True)
    outdir.mkdir(parents=True, exist_ok=True)
    watcher.start()
    try:
        pdfs = office.to_pdf(docx, outdir, workers=workers)
        missing = [d for d in docx if d not in pdfs]
        if missing:  # a batch that died takes its remaining files with it: once more, on their own
            pdfs.update(office.to_pdf(missing, outdir, workers=min(workers, len(missing))))
    except office.OfficeMissing as e:
        return {}, str(e)
    finally:
        stop.set()
        watcher.join()
    if progress:
        progress("pdf", len(pdfs), total)
    return pdfs, None


# --- 4. file --------------------------------------------------------------------------------

def _file_case(ws: Workspace, case_id: str, letters: list[Letter], files: dict[int, tuple[Path, Path | None]],
               command: str) -> tuple[list[Made], str | None]:
    made: list[Made] = []
    moved: list[str] = []

    def change(case: Case) -> list[dict[str, Any]]:
        kind = get_kind(letters[0].kind)
        kind.check_status(case)  # it may have changed since the check (another command)
        events = []
        for letter in letters:
            docx, pdf = files[id(letter)]
            day = letter.date.isoformat()
            in_case, in_outbox = [], []
            for src in (docx, pdf):
                if src is None:
                    continue
                ext = src.suffix
                in_case.append(dossier.add_case_file(ws, case_id, "letters", letter.dossier_stem + ext, src))
                in_outbox.append(dossier.add_outbox_file(ws, day, letter.outbox_stem + ext, src))
            made.append(Made(case_id, letter.kind, letter.recipient, letter.addressee, in_case[0],
                             in_case[1] if pdf else None, in_outbox))
            events.append(dossier.history_event(
                "letter", kind=letter.kind, to=letter.recipient, addressee=letter.addressee,
                template=letter.template, date=day, command=command,
                files=[str(p.relative_to(ws.case_dir(case_id))) for p in in_case],
                outbox=[str(p.relative_to(ws.root)) for p in in_outbox],
                pdf=None if pdf else False))
        target = kind.moves.get(case.status)
        if target:
            events.append(states.transition(case, target, command=command, date=letters[0].date.isoformat(),
                                            reason=f"brief {letters[0].kind}"))
            moved.append(target)
        return events

    dossier.update_case(ws, case_id, change)
    return made, (moved[0] if moved else None)


def _print_file(ws: Workspace, run: Run) -> Path | None:
    from pypdf import PdfWriter

    pdfs = [m.pdf for m in run.made if m.pdf]
    if not pdfs:
        return None
    writer = PdfWriter()
    for p in pdfs:
        writer.append(str(p))
    import io

    buf = io.BytesIO()
    writer.write(buf)
    stamp = clock.now().strftime("%H%M%S")
    return dossier.add_outbox_file(ws, run.date.isoformat(), f"afdrukken-{run.kind}-{stamp}.pdf", buf.getvalue())


# --- the run --------------------------------------------------------------------------------

def make_letters(ws: Workspace, kind_name: str, case_ids: list[str], *, date: dt.date | None = None,
                 to: str | None = None, content_path: Path | None = None, print_pdf: bool = False,
                 workers: int | None = None, progress: Progress | None = None, strict: bool = False,
                 pdf: bool = True) -> Run:
    """Make the letters of `kind_name` for `case_ids`. `strict`: raise the first case's error
    (one letter from the command line) instead of collecting it in `Run.failed`. `pdf=False`:
    DOCX only (to edit in Word first)."""
    kind = get_kind(kind_name)
    recipients = recipients_for(kind, to)
    date = date or clock.today()
    workers = workers or min(2, os.cpu_count() or 1)
    run = Run(kind.name, date)
    command = f"letter {kind.name}"
    t0 = time.perf_counter()

    # 1. plan: every value checked before anything is written
    planned: dict[str, list[Letter]] = {}
    for i, cid in enumerate(case_ids, 1):
        try:
            case = ws.load_case(cid)
            text = content_mod.load(ws, case, kind.name, content_path)
            planned[cid] = build(ws.config, case, ws.history(cid), kind, recipients, date, text)
        except KwruError as e:
            if strict:
                raise
            run.failed.append(Failed(cid, str(e)))
        if progress:
            progress("check", i, len(case_ids))
    run.seconds["check"] = time.perf_counter() - t0

    with tempfile.TemporaryDirectory(prefix="letters-", dir=ws.state) as tmp:
        tmpdir = Path(tmp)
        # 2. render
        t1 = time.perf_counter()
        letters = [lt for cid in planned for lt in planned[cid]]
        jobs = [(render.template_path(ws.templates, lt.template), lt.context,
                 tmpdir / "docx" / f"{lt.outbox_stem}.docx", f"letter {lt.kind} for {lt.case_id}")
                for lt in letters]
        if strict:  # one case from the command line: its error as it is
            for template, context, out, what in jobs:
                render.render(template, context, out, what=what)
            errors: list[str | None] = [None] * len(jobs)
        else:
            errors = _render_all(jobs, workers, progress)
        bad: dict[str, str] = {}
        for lt, err in zip(letters, errors):
            if err and lt.case_id not in bad:
                bad[lt.case_id] = err
        for cid, err in bad.items():
            run.failed.append(Failed(cid, err))
            planned.pop(cid)
        run.seconds["docx"] = time.perf_counter() - t1

        # 3. convert
        t2 = time.perf_counter()
        docx_of = {id(lt): tmpdir / "docx" / f"{lt.outbox_stem}.docx" for cid in planned for lt in planned[cid]}
        pdfs, why = _convert(list(docx_of.values()), tmpdir / "pdf", workers, progress) if pdf else ({}, None)
        if not pdf:
            why = "asked for DOCX only"
        elif why:
            run.warnings.append(f"no PDF made: {why}")
        run.seconds["pdf"] = time.perf_counter() - t2

        # 4. file
        t3 = time.perf_counter()
        for i, (cid, lts) in enumerate(planned.items(), 1):
            files = {id(lt): (docx_of[id(lt)], pdfs.get(docx_of[id(lt)])) for lt in lts}
            if not why and any(pdf is None for _, pdf in files.values()):
                run.warnings.append(f"{cid}: LibreOffice made no PDF of "
                                    f"{', '.join(d.name for d, p in files.values() if p is None)}; the DOCX is filed")
            try:
                made, moved = _file_case(ws, cid, lts, files, command)
            except KwruError as e:
                if strict:
                    raise
                run.failed.append(Failed(cid, str(e)))
                continue
            run.made.extend(made)
            if moved:
                run.moved[cid] = moved
            if progress:
                progress("file", i, len(planned))
        run.seconds["file"] = time.perf_counter() - t3

    if print_pdf:
        run.print_pdf = _print_file(ws, run)
        if run.print_pdf is None and run.made:
            run.warnings.append("no print file: there are no PDFs")
    return run
