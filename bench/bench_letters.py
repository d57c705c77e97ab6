"""Benchmark: letters in bulk (DOCX and PDF) against one `soffice` process per letter.

    uv run python bench/bench_letters.py [N]      (N letters, default 500)

Rows: DOCX rendering (kwru: templates compiled once, 2 processes; baseline: docxtpl loading
and compiling the template for every letter, 1 process); DOCX+PDF per letter (kwru: the whole
`kwru letters` run of N letters, one LibreOffice batch per core; baseline: one
`soffice --convert-to pdf` per letter, measured on a sample of 20 in the same run).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import docxtpl  # noqa: E402
import jinja2  # noqa: E402

from pipeline import office  # noqa: E402
from pipeline.letters import render, samples  # noqa: E402
from pipeline.letters.context import build  # noqa: E402
from pipeline.letters.kinds import get_kind  # noqa: E402
from pipeline.letters.produce import _render_all, make_letters  # noqa: E402
from pipeline.workspace import Workspace  # noqa: E402

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
                     "baseline": round(naive_docx_rate, 1), "ratio": round(docx_rate / naive_docx_rate, 2),
                     "unit": "letters/s", "note": f"{n} letters; target >= 50/s; baseline docxtpl "
                                                  "reloading the template per letter, 1 process"})

        # the whole bulk run: check, DOCX, one LibreOffice batch per core, filing
        has_office = office.soffice_path() is not None
        t = time.perf_counter()
        result = make_letters(ws, KIND, ids, date=DATE)
        total = time.perf_counter() - t
        per_letter = total / max(1, len(result.made))
        if not has_office:
            rows.append({"benchmark": "letters: DOCX+PDF per letter", "kwru": None, "baseline": None,
                         "ratio": None, "unit": "s/letter", "note": "LibreOffice not installed: no PDF"})
            return rows
        pdfs = sum(1 for m in result.made if m.pdf)
        naive = _naive_soffice(sorted((tmpdir / "docx").glob("*.docx"))[:SAMPLE], tmpdir / "naive-pdf")
        rows.append({"benchmark": "letters: DOCX+PDF per letter (bulk)", "kwru": round(per_letter, 4),
                     "baseline": round(naive, 3), "ratio": round(naive / per_letter, 1), "unit": "s/letter",
                     "note": f"{len(result.made)} letters, {pdfs} PDF, whole `kwru letters` run "
                             f"(check {result.seconds['check']:.1f} s, docx {result.seconds['docx']:.1f} s, "
                             f"pdf {result.seconds['pdf']:.1f} s, file {result.seconds['file']:.1f} s); "
                             f"baseline one soffice per letter on {SAMPLE}; target >= 15x"})
        rows.append({"benchmark": "letters: PDF conversion per letter (bulk)",
                     "kwru": round(result.seconds["pdf"] / max(1, pdfs), 4), "baseline": round(naive, 3),
                     "ratio": round(naive / (result.seconds["pdf"] / max(1, pdfs)), 1), "unit": "s/letter",
                     "note": "LibreOffice only: 2 parallel batches, each with its own profile"})
    return rows


def _print(rows: list[dict]) -> None:
    cols = ["benchmark", "kwru", "baseline", "ratio", "unit", "note"]
    widths = {c: max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in cols[:-1]}
    print("  ".join(c.ljust(widths.get(c, 0)) for c in cols))
    for r in rows:
        print("  ".join(str(r.get(c, "")).ljust(widths.get(c, 0)) for c in cols))


if __name__ == "__main__":
    _print(run(int(sys.argv[1]) if len(sys.argv) > 1 else 500))
