"""Benchmark: letters in bulk (DOCX and PDF) against one `soffice` process per letter.

    uv run python bench/bench_letters.py [N]      (N letters, default 500)

Rows, as rates so that ratio = kwru / baseline:
- DOCX rendering: kwru's renderer (templates taken apart and compiled once, 2 processes)
  against docxtpl loading and compiling the template for every letter in 1 process.
- DOCX+PDF in bulk: the whole `kwru letters` run of N letters (check, DOCX, one LibreOffice
  batch per core, filing into dossiers and outbox) against one `soffice --convert-to pdf` per
  letter, measured on a sample of 20 in the same run.
- PDF conversion only: the LibreOffice part of that run against the same baseline.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import docxtpl
import jinja2

from pipeline import office
from pipeline.letters import render, samples
from pipeline.letters.context import build
from pipeline.letters.kinds import get_kind
from pipeline.letters.produce import _render_all, make_letters
from pipeline.workspace import Workspace

KIND = "ontvangstbevestiging"
SAMPLE = 20
DATE = dt.date(2026, 3, 20)


def _workspace(root: Path, n: int) -> Workspace:
    ws = Workspace.init(root)
    samples.fill_directie_addresses(ws)
    for i in range(1, n + 1):
        samples.sample_case(ws, i, status="ontvangen")
    return ws


def _naive_soffice(docx: list[Path], outdir: Path) -> float:
    """Seconds per letter with one soffice process per letter (each with its own new profile)."""
    soffice = office.require_soffice()
    t = time.perf_counter()
    for f in docx:
        office._convert_batch(soffice, [f], outdir, timeout=120)
    made = sum(1 for f in docx if (outdir / (f.stem + ".pdf")).exists())
    if made != len(docx):
        raise RuntimeError(f"naive soffice made {made} of {len(docx)} PDFs")
    return (time.perf_counter() - t) / len(docx)


def run(n: int = 500) -> list[dict]:
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="kwru-bench-letters-") as tmp:
        tmpdir = Path(tmp)
        ws = _workspace(tmpdir / "ws", n)
        kind = get_kind(KIND)
        ids = ws.case_ids()

        # DOCX alone: the same letters, kwru's renderer (2 processes) against naive docxtpl
        letters = [build(ws.config, ws.load_case(cid), ws.history(cid), kind, kind.recipients, DATE)[0]
                   for cid in ids]
        tpl = render.template_path(ws.templates, letters[0].template)
        jobs = [(tpl, lt.context, tmpdir / "docx" / f"{lt.outbox_stem}.docx", lt.case_id) for lt in letters]
        t = time.perf_counter()
        errors = _render_all(jobs, min(2, os.cpu_count() or 1), None)
        docx_rate = len(jobs) / (time.perf_counter() - t)
        assert not any(errors), errors
        naive_dir = tmpdir / "naive"
        naive_dir.mkdir()
        t = time.perf_counter()
        for lt in letters[:100]:
            d = docxtpl.DocxTemplate(str(tpl))
            d.render(lt.context, jinja2.Environment(autoescape=True))
            d.save(naive_dir / f"{lt.outbox_stem}.docx")
        naive_docx_rate = 100 / (time.perf_counter() - t)
        rows.append({"benchmark": "letters: DOCX rendering", "kwru": round(docx_rate, 1),
                     "baseline": round(naive_docx_rate, 1), "ratio": round(docx_rate / naive_docx_rate, 1),
                     "unit": "letters/s", "target": ">= 50 letters/s",
                     "note": f"{n} letters, templates compiled once, {min(2, os.cpu_count() or 1)} processes; "
                             "baseline: docxtpl loading the template for every letter, 1 process"})

        # the whole bulk run: check, DOCX, one LibreOffice batch per core, filing (overlapped)
        if office.soffice_path() is None:
            rows.append({"benchmark": "letters: DOCX+PDF in bulk", "kwru": None, "baseline": None,
                         "ratio": None, "unit": "letters/s", "note": "LibreOffice not installed: no PDF"})
            return rows
        # the machine is shared: half of the baseline sample before the bulk run, half after
        sample = sorted((tmpdir / "docx").glob("*.docx"))[:SAMPLE]
        naive_before = _naive_soffice(sample[: SAMPLE // 2], tmpdir / "naive-pdf")
        t = time.perf_counter()
        result = make_letters(ws, KIND, ids, date=DATE)
        total = time.perf_counter() - t
        pdfs = sum(1 for m in result.made if m.pdf)
        naive_after = _naive_soffice(sample[SAMPLE // 2:], tmpdir / "naive-pdf")
        naive = (naive_before + naive_after) / 2
        sec = result.seconds
        rows.append({"benchmark": "letters: DOCX+PDF in bulk (`kwru letters`)",
                     "kwru": round(len(result.made) / total, 2), "baseline": round(1 / naive, 2),
                     "ratio": round(naive / (total / len(result.made)), 1), "unit": "letters/s",
                     "target": ">= 15x",
                     "note": f"{len(result.made)} letters and {pdfs} PDF filed in {total:.1f} s "
                             f"({total / len(result.made):.3f} s/letter); baseline: one `soffice --convert-to pdf` "
                             f"per letter, {naive:.2f} s/letter on a sample of {SAMPLE} (half before, half after)",
                     "detail": f"`kwru letters` for {len(result.made)} letters: check {sec['check']:.1f} s, "
                               f"DOCX {sec['docx']:.1f} s, LibreOffice {sec['pdf']:.1f} s (2 batches with their "
                               f"own profiles; cases are filed while it runs), filing after it {sec['file']:.1f} s"})
        pdf_rate = pdfs / sec["pdf"]
        rows.append({"benchmark": "letters: PDF conversion only", "kwru": round(pdf_rate, 2),
                     "baseline": round(1 / naive, 2), "ratio": round(pdf_rate * naive, 1), "unit": "letters/s",
                     "note": f"{sec['pdf'] / pdfs:.3f} s/letter: one soffice start per core instead of per letter"})
    return rows


def _print(rows: list[dict]) -> None:
    cols = ["benchmark", "kwru", "baseline", "ratio", "unit", "target", "note"]
    widths = {c: max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in cols[:-1]}
    print("  ".join(c.ljust(widths.get(c, 0)) for c in cols))
    for r in rows:
        print("  ".join(str(r.get(c, "")).ljust(widths.get(c, 0)) for c in cols))


if __name__ == "__main__":
    _print(run(int(sys.argv[1]) if len(sys.argv) > 1 else 500))
