"""Hearing bundles: a 500-page case bundle against a plain qpdf merge; peak memory of a 2,000-page day.

Every figure is measured in a fresh child process (seconds of the work itself, and the peak
resident memory of the process), the median of a few runs; qpdf is run on the same source
files in the same run as the floor: it only merges, we also stamp, index, bookmark and link.

    uv run python bench/bench_bundles.py
"""

from __future__ import annotations

import io
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from pipeline.dossier import add_case_file, write_case
from pipeline.models import Case, Document, Hearing, Party
from pipeline.workspace import Workspace

DAY = "2026-04-14"
WORDS = ["de", "klager", "meldt", "dat", "de", "lekkage", "in", "de", "badkamer", "sinds", "maanden", "niet", "is", "verholpen", "en", "dat", "de", "corporatie", "ondanks", "herhaalde", "verzoeken", "geen", "reparatie", "heeft", "uitgevoerd", "schimmel", "vocht", "monteur", "afspraak", "huurder", "woning", "onderhoud"]


# --- inputs -----------------------------------------------------------------------------------

def text_pdf(path: Path, pages: int, rng: random.Random, title: str) -> None:
    """A born-digital letter: ~45 lines of text per page, every fifth page landscape."""
    c = Canvas(str(path), invariant=1)
    for n in range(pages):
        size = landscape(A4) if n % 5 == 4 else A4
        c.setPageSize(size)
        c.setFont("Helvetica-Bold", 13)
        c.drawString(60, size[1] - 70, f"{title}, pagina {n + 1}")
        c.setFont("Helvetica", 10)
        for i in range(int((size[1] - 150) / 14)):
            c.drawString(60, size[1] - 100 - 14 * i, " ".join(rng.choice(WORDS) for _ in range(14)))
        c.showPage()
    c.save()


def scan_pdf(path: Path, pages: int, seed: int) -> None:
    """An image-only scan: one 150 dpi greyscale JPEG per page (~0.5-1 MB, as a copier makes)."""
    c = Canvas(str(path), invariant=1)
    for n in range(pages):
        img = Image.effect_noise((1240, 1754), 24 + (seed * 7 + n) % 20).point(lambda v: 255 - v // 3)
        buf = io.BytesIO()
        img.save(buf, "JPEG", quality=70)
        buf.seek(0)
        from reportlab.lib.utils import ImageReader

        c.drawImage(ImageReader(buf), 0, 0, *A4)
        c.showPage()
    c.save()


def make_case(ws: Workspace, case_id: str, docs: list[Path], time: str) -> None:
    case = Case(id=case_id, status="zitting_gepland", received="2026-03-01",
                complainant=Party(name=f"Klager {case_id[-3:]}", city="Utrecht"), corporation="Mitros",
                hearing=Hearing(DAY, time, "Kantoor Mitros, Kanaalweg 2, Utrecht"))
    kinds = ("klacht", "reactie_corporatie", "aanvulling", "overig")
    for seq, src in enumerate(docs, 1):
        name = f"{seq:03d}-document.pdf"
        add_case_file(ws, case_id, "documents", name, src)
        case.documents.append(Document(
            seq=seq, kind=kinds[seq % 4], original_name=src.name, sha256="-", date=f"2026-03-{seq % 28 + 1:02d}",
            pages=0, path=f"documents/{name}", ocr=False, received="2026-03-01T10:00:00",
            title=f"Stuk {seq} uit het dossier"))
    write_case(ws, case)


# --- measuring in a child process ------------------------------------------------------------

# Linux keeps a process's peak RSS across fork and exec, so a worker started straight from this
# (big) process would report our own memory. A tiny wrapper starts the worker and reports its
# peak from RUSAGE_CHILDREN: kwru and qpdf are measured the same way.
_WRAPPER = textwrap.dedent("""
    import json, resource, subprocess, sys, time
    t0 = time.perf_counter()
    p = subprocess.run(sys.argv[1:], capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if p.returncode:
        sys.exit(p.stderr or p.stdout or f"exit {p.returncode}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"wall": wall, "peak_mb": usage.ru_maxrss / 1024, "cpu": usage.ru_utime + usage.ru_stime,
                      "out": p.stdout}))
""")

_WORKER = textwrap.dedent("""
    import json, sys, time
    sys.path.insert(0, {root!r})
    from pipeline.workspace import Workspace
    from pipeline.bundles import build_case_bundle, build_session
    import pipeline.lifecycle.deadlines  # imported at start-up by the real command too
    ws = Workspace.open({ws!r})
    t0, c0 = time.perf_counter(), time.process_time()
    {work}
    print(json.dumps({{"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0}}))
""")


def _measure(cmd: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-c", _WRAPPER, *cmd], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def _kwru(root: Path, work: str) -> dict:
    got = _measure([sys.executable, "-c", _WORKER.format(root=str(ROOT), ws=str(root), work=work)])
    own = json.loads(got["out"])
    return {"seconds": own["seconds"], "cpu": own["cpu"], "peak_mb": got["peak_mb"]}


def kwru_case(root: Path, case_id: str) -> dict:
    """The bundle of one case: seconds of the work itself (not start-up), peak memory of the process."""
    return _kwru(root, f"build_case_bundle(ws, {case_id!r}, force=True)")


def kwru_session(root: Path) -> dict:
    return _kwru(root, f"build_session(ws, {DAY!r}, force=True)")


def qpdf_merge(files: list[Path], out: Path) -> dict:
    got = _measure(["qpdf", "--empty", "--pages", *map(str, files), "--", str(out)])
    return {"seconds": got["wall"], "cpu": got["cpu"], "peak_mb": got["peak_mb"]}


def command_seconds(root: Path, *args: str) -> float:
    """The whole `kwru bundle` command as the secretary runs it (start-up and imports included)."""
    import time

    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pipeline", "--root", str(root), "bundle", *args, "--force"],
                   capture_output=True, check=True, cwd=ROOT)
    return time.perf_counter() - t0


def medians(runs: int, *jobs) -> list[dict]:
    """Run the jobs in turn `runs` times (interleaved, so drift on a shared machine hits all alike)."""
    got: list[list[dict]] = [[] for _ in jobs]
    for _ in range(runs):
        for i, (fn, *args) in enumerate(jobs):
            got[i].append(fn(*args))
    return [{k: statistics.median(g[k] for g in gs) for k in ("seconds", "cpu", "peak_mb")} for gs in got]


# --- the benchmarks ---------------------------------------------------------------------------

def case_500(tmp: Path, runs: int = 5) -> list[dict]:
    rng = random.Random(5)
    src = tmp / "src500"
    src.mkdir()
    files = []
    for i in range(20):
        f = src / f"doc{i:02d}.pdf"
        text_pdf(f, 25, rng, f"Document {i + 1}")
        files.append(f)
    ws = Workspace.init(tmp / "ws500")
    make_case(ws, "KWRU-2026-001", files, "13:30")
    k, q = medians(runs, (kwru_case, ws.root, "KWRU-2026-001"), (qpdf_merge, files, tmp / "qpdf500.pdf"))
    cmd = statistics.median(command_seconds(ws.root, "KWRU-2026-001") for _ in range(runs))
    out = max((ws.case_dir("KWRU-2026-001") / "bundles").glob("*.pdf"), key=lambda f: f.stat().st_mtime)
    return [
        {"benchmark": "case bundle, 500 text pages from 20 PDFs: time",
         "kwru": f"{k['seconds']:.2f} s", "baseline": f"qpdf merge {q['seconds']:.2f} s",
         "ratio": f"{k['seconds'] / q['seconds']:.1f}x", "unit": "s", "target": "≤ 3x",
         "note": f"CPU {k['cpu']:.2f} s vs {q['cpu']:.2f} s; whole `kwru bundle` command {cmd:.2f} s; bundle {out.stat().st_size / 1e6:.1f} MB, "
                 f"qpdf {(tmp / 'qpdf500.pdf').stat().st_size / 1e6:.1f} MB",
         "detail": "Case bundle (500 pages): cover and index drawn with reportlab, pages merged by qpdf "
                   "through pikepdf without decoding them, a small content stream per page for the "
                   "number, outline, labels and links, then written once with object streams and "
                   "copied atomically into the dossier and the outbox (each with fsync). The sources "
                   "are hashed (SHA-256) to tell later what changed."},
        {"benchmark": "case bundle, 500 text pages from 20 PDFs: peak memory",
         "kwru": f"{k['peak_mb']:.0f} MB", "baseline": f"qpdf merge {q['peak_mb']:.0f} MB",
         "ratio": f"{k['peak_mb'] / q['peak_mb']:.1f}x", "unit": "MB", "target": "",
         "note": "kwru's figure includes the Python interpreter and its libraries"},
    ]


def scans(tmp: Path, runs: int = 5) -> list[dict]:
    src = tmp / "srcscan"
    src.mkdir()
    files = []
    for i in range(20):
        f = src / f"scan{i:02d}.pdf"
        scan_pdf(f, 6, i)
        files.append(f)
    ws = Workspace.init(tmp / "wsscan")
    make_case(ws, "KWRU-2026-001", files, "13:30")
    mb = sum(f.stat().st_size for f in files) / 1e6
    k, q = medians(runs, (kwru_case, ws.root, "KWRU-2026-001"), (qpdf_merge, files, tmp / "qpdfscan.pdf"))
    return [{"benchmark": f"case bundle, 120 scanned pages ({mb:.0f} MB of JPEG): time / peak memory",
             "kwru": f"{k['seconds']:.2f} s / {k['peak_mb']:.0f} MB",
             "baseline": f"qpdf {q['seconds']:.2f} s / {q['peak_mb']:.0f} MB",
             "ratio": f"{k['seconds'] / q['seconds']:.1f}x", "unit": "s", "target": "≤ 3x",
             "note": f"CPU {k['cpu']:.2f} s vs {q['cpu']:.2f} s; images are copied, never decoded; "
                     "kwru writes the bundle twice (dossier and outbox, each with fsync)"}]


def day_2000(tmp: Path) -> list[dict]:
    rng = random.Random(7)
    src = tmp / "srcday"
    src.mkdir()
    ws = Workspace.init(tmp / "wsday")
    every: list[Path] = []
    for c in range(10):
        files = []
        for i in range(10):
            f = src / f"c{c}d{i}.pdf"
            if i == 9:
                scan_pdf(f, 20, c * 10 + i)  # one scanned document per case: 200 scan pages in all
            else:
                text_pdf(f, 20, rng, f"Zaak {c + 1} document {i + 1}")
            files.append(f)
        make_case(ws, f"KWRU-2026-{c + 1:03d}", files, f"{9 + c}:00")
        every += files
    mb = sum(f.stat().st_size for f in every) / 1e6
    k = kwru_session(ws.root)
    q = qpdf_merge(every, tmp / "qpdfday.pdf")
    day = max((ws.outbox / DAY).glob("zittingsdag-*.pdf"), key=lambda f: f.stat().st_mtime)
    return [{"benchmark": f"hearing day, 10 cases, 2,000 pages ({mb:.0f} MB of sources): peak memory",
             "kwru": f"{k['peak_mb']:.0f} MB", "baseline": f"qpdf merge {q['peak_mb']:.0f} MB",
             "ratio": f"{k['peak_mb'] / q['peak_mb']:.1f}x", "unit": "MB", "target": "< 500 MB",
             "note": f"10 case bundles plus the day bundle ({day.stat().st_size / 1e6:.0f} MB) in "
                     f"{k['seconds']:.1f} s; qpdf merge alone {q['seconds']:.1f} s"}]


def run() -> list[dict]:
    tmp = Path(tempfile.mkdtemp(prefix="kwru-bench-bundles-"))
    try:
        return [*case_500(tmp), *scans(tmp), *day_2000(tmp)]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(title="hearing bundles (ratio = kwru / baseline, same inputs, same run)")
    for col in ("benchmark", "kwru", "baseline", "ratio", "target", "note"):
        t.add_column(col, overflow="fold")
    for r in run():
        t.add_row(*(str(r.get(k, "")) for k in ("benchmark", "kwru", "baseline", "ratio", "target", "note")))
    Console().print(t)


if __name__ == "__main__":
    main()
