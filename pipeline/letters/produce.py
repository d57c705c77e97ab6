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
from ..i18n import _
from ..lifecycle import outcomes
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
    outbox: list[Path]  # the letter, then its enclosures
    enclosures: list[Path] = field(default_factory=list)  # the case documents sent along, in outbox/



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
                raise UsageError(_("no case {case!r} in this workspace (see `kwru cases`)").format(case=i))
        return list(dict.fromkeys(ids))
    if session:
        try:
            day = dt.date.fromisoformat(session).isoformat()
        except ValueError:
            raise UsageError(_("--session must be a date YYYY-MM-DD, not {value!r}").format(value=session)) from None
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
            raise UsageError(_("unknown status {status!r}; statuses are: {statuses}").format(
                status=status, statuses=", ".join(STATUSES)))
        return [c.id for c in ws.cases() if c.status == status]
    raise UsageError(_("name the cases: --session DATE, --status S, or case numbers"))


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
               command: str, warnings: list[str]) -> tuple[list[Made], str | None]:
    made: list[Made] = []
    moved: list[str] = []
    warned: list[str] = []

    def change(case: Case) -> list[dict[str, Any]]:
        kind = get_kind(letters[0].kind)
        kind.check_status(case)  # it may have changed since the check (another command)
        events = []
        for letter in letters:
            docx, pdf = files[id(letter)]
            day = letter.date.isoformat()
            in_case = [dossier.add_case_file(ws, case_id, "letters", letter.dossier_stem + src.suffix, src)
                       for src in (docx, pdf) if src is not None]
            # the outbox holds what is sent: the PDF, or the DOCX when there is no PDF
            send = pdf or docx
            in_outbox = [dossier.add_outbox_file(ws, day, letter.outbox_stem + send.suffix, send)]
            # the documents the letter says are enclosed go next to it, ready to send along
            enclosed = []
            for n, rel in enumerate(letter.enclosures, 1):
                src = ws.case_dir(case_id) / rel
                if src.is_file():
                    enclosed.append(dossier.add_outbox_file(
                        ws, day, f"{letter.outbox_stem}-bijlage-{n}{src.suffix}", src))
                else:
                    warned.append(_("{case}: enclosure {path} is not in the dossier; enclose it by hand").format(
                        case=case_id, path=rel))
            in_outbox += enclosed
            made.append(Made(case_id, letter.kind, letter.recipient, letter.addressee, in_case[0],
                             in_case[1] if pdf else None, in_outbox, enclosed))
            events.append(dossier.history_event(
                "letter", kind=letter.kind, to=letter.recipient, addressee=letter.addressee,
                template=letter.template, date=day, command=command,
                files=[str(p.relative_to(ws.case_dir(case_id))) for p in in_case],
                outbox=[str(p.relative_to(ws.root)) for p in in_outbox],
                pdf=None if pdf else False))
        moves = outcomes.on_letter_sent(case, kind.name, letters[0].date)
        events += moves
        moved.extend(case.status for _ in moves)
        return events

    dossier.update_case(ws, case_id, change)
    warnings += warned
    return made, (moved[0] if moved else None)


def _complete_pdf(path: Path) -> Path | None:
    """`path` if LibreOffice has finished writing it (a PDF ends with %%EOF), else None."""
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            if size < 64:
                return None
            f.seek(max(0, size - 1024))
            return path if b"%%EOF" in f.read() else None
    except FileNotFoundError:
        return None


def _print_file(ws: Workspace, run: Run) -> Path | None:
    from pypdf import PdfWriter

    if not any(m.pdf for m in run.made):
        return None
    writer = PdfWriter()
    for m in run.made:  # each letter followed by what it encloses, as it goes in the envelope
        if m.pdf:
            writer.append(str(m.pdf))
            for e in m.enclosures:
                if e.suffix.lower() == ".pdf":
                    writer.append(str(e))
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
    run.warnings += [w for lts in planned.values() for lt in lts for w in lt.warnings]

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
        for lt, err in zip(letters, errors, strict=True):
            if err and lt.case_id not in bad:
                bad[lt.case_id] = err
        for cid, err in bad.items():
            run.failed.append(Failed(cid, err))
            planned.pop(cid)
        run.seconds["docx"] = time.perf_counter() - t1

        # 3 and 4. convert in the background; file each case as soon as its PDFs are complete,
        # so the fsync-bound filing overlaps LibreOffice's CPU-bound conversion
        t2 = time.perf_counter()
        docx_of = {id(lt): tmpdir / "docx" / f"{lt.outbox_stem}.docx" for cid in planned for lt in planned[cid]}
        pdf_dir = tmpdir / "pdf"
        done: dict[str, Any] = {}

        def convert() -> None:
            try:
                done["pdfs"], done["why"] = _convert(list(docx_of.values()), pdf_dir, workers, progress)
            except BaseException as e:  # noqa: BLE001 - handed to the main thread
                done["error"] = e

        converter = threading.Thread(target=convert, daemon=True)
        if pdf and docx_of:
            converter.start()
        else:
            done.update(pdfs={}, why="asked for DOCX only" if not pdf else None)
        pending = list(planned)
        filed_count = 0

        def file_one(cid: str, final: bool) -> bool:
            nonlocal filed_count
            lts = planned[cid]
            files: dict[int, tuple[Path, Path | None]] = {}
            for lt in lts:
                docx = docx_of[id(lt)]
                ready = _complete_pdf(pdf_dir / f"{docx.stem}.pdf")
                if ready is None and not final:
                    return False
                files[id(lt)] = (docx, ready)
            if final and not done.get("why") and any(p is None for _, p in files.values()):
                run.warnings.append(_("{case}: LibreOffice made no PDF of {files}; the DOCX is filed").format(
                    case=cid, files=", ".join(d.name for d, p in files.values() if p is None)))
            try:
                made, moved = _file_case(ws, cid, lts, files, command, run.warnings)
            except KwruError as e:
                if strict:
                    raise
                run.failed.append(Failed(cid, str(e)))
                return True
            run.made.extend(made)
            if moved:
                run.moved[cid] = moved
            filed_count += 1
            if progress:
                progress("file", filed_count, len(planned))
            return True

        try:
            while converter.is_alive():
                pending = [cid for cid in pending if not file_one(cid, final=False)]
                converter.join(0.2)
        finally:
            if converter.is_alive():  # an error while filing: let LibreOffice finish before cleaning up
                converter.join()
        run.seconds["pdf"] = time.perf_counter() - t2
        if "error" in done:
            raise done["error"]
        if done.get("why") and pdf:
            run.warnings.append(_("no PDF made: {why}").format(why=done["why"]))
        for cid in pending:
            file_one(cid, final=True)
        run.seconds["file"] = time.perf_counter() - t2 - run.seconds["pdf"]  # after the conversion ended

    order = {cid: i for i, cid in enumerate(case_ids)}
    run.made.sort(key=lambda m: (order.get(m.case_id, 0), recipients.index(m.recipient)))
    if print_pdf:
        run.print_pdf = _print_file(ws, run)
        if run.print_pdf is None and run.made:
            run.warnings.append(_("no print file: there are no PDFs"))
    return run
