"""Ingestion: text-PDF throughput against pdftotext, and the watcher's latency."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.analyse import Analyser
from pipeline.intake import Intake
from pipeline.workspace import Workspace
from tests.fixturegen import generate_corpus


def _text_pdfs(folder: Path, n: int) -> list[Path]:
    samples = generate_corpus(folder, n * 3, seed=11)
    pdfs = [s.path for s in samples if s.path.suffix == ".pdf"][:n]
    for s in samples:
        if s.path not in pdfs:
            s.path.unlink()
    return pdfs


def throughput(n: int = 30) -> list[dict]:
    tmp = Path(tempfile.mkdtemp(prefix="kwru-bench-"))
    try:
        pdfs = _text_pdfs(tmp / "src", n)
        n = len(pdfs)
        t0 = time.perf_counter()
        for p in pdfs:
            subprocess.run(["pdftotext", str(p), "-"], capture_output=True, check=True)
        base = (time.perf_counter() - t0) / n

        ws = Workspace.init(tmp / "ws")
        with Intake(ws, Analyser()) as intake:
            warm = ws.inbox / "warm.pdf"
            shutil.copy(pdfs[0], warm)
            warm.write_bytes(warm.read_bytes() + b"\n%warm-up\n")
            intake.process(warm)  # start the worker process once, as a watcher does
            t_an = 0.0
            for p in pdfs:  # analysis alone (text + fields in the worker)
                t1 = time.perf_counter()
                intake.analyser.analyse(p, tmp / "an" / p.stem, ws.config)
                t_an += time.perf_counter() - t1
            for p in pdfs:
                shutil.copy(p, ws.inbox / p.name)
            t0 = time.perf_counter()
            for p in pdfs:
                intake.process(ws.inbox / p.name)
            per_doc = (time.perf_counter() - t0) / n
        an = t_an / n
        return [{
            "benchmark": f"text-PDF ingestion per document ({n} letters, 1-2 pages)",
            "kwru": f"{per_doc * 1000:.0f} ms", "baseline": f"pdftotext {base * 1000:.0f} ms",
            "ratio": f"{per_doc / base:.1f}x", "target": "≤ 5x",
            "note": f"analysis {an * 1000:.0f} ms, routing + atomic filing {max(per_doc - an, 0) * 1000:.0f} ms",
            "detail": (f"Text-PDF ingestion: of {per_doc * 1000:.0f} ms per document, {an * 1000:.0f} ms is analysis in "
                       f"the worker (text layer, field extraction, copy of the PDF) and "
                       f"{max(per_doc - an, 0) * 1000:.0f} ms is hashing, routing against all cases, and the "
                       "atomic writes (each with fsync) of original, PDF, text, case.yaml, history and journal."),
        }]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def latency(n: int = 10) -> list[dict]:
    from pipeline.sources.watch import watch

    tmp = Path(tempfile.mkdtemp(prefix="kwru-bench-"))
    try:
        pdfs = _text_pdfs(tmp / "src", n)
        ws = Workspace.init(tmp / "ws")
        stop = threading.Event()
        done: dict[str, float] = {}
        intake = Intake(ws, Analyser())
        th = threading.Thread(target=watch, kwargs=dict(ws=ws, intake=intake, stop=stop,
                              on_result=lambda r: done.__setitem__(r.original_name, time.perf_counter())))
        th.start()
        time.sleep(3)  # let the worker start, as it has long before a real letter arrives
        lat = []
        for p in pdfs:
            tmpfile = ws.inbox / (".part-" + p.name)
            shutil.copy(p, tmpfile)
            t0 = time.perf_counter()
            tmpfile.rename(ws.inbox / p.name)  # arrives whole, like a scanner's atomic rename
            while p.name not in done and time.perf_counter() - t0 < 60:
                time.sleep(0.01)
            cases = [c for c in ws.case_ids() if (ws.case_dir(c) / "case.yaml").exists()]
            lat.append(done.get(p.name, float("inf")) - t0)
            assert cases
        stop.set()
        th.join()
        intake.analyser.close()
        med = statistics.median(lat)
        return [{"benchmark": f"watcher latency, arrival → case.yaml (text PDF, median of {len(lat)})",
                 "kwru": f"{med:.2f} s", "baseline": "target 2 s", "ratio": f"{med / 2:.2f} of target",
                 "target": "< 2 s", "note": f"min {min(lat):.2f} s, max {max(lat):.2f} s; includes 0.5 s "
                                            "wait for the file to stop growing"}]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run() -> list[dict]:
    return throughput() + latency()


if __name__ == "__main__":
    for row in run():
        print(row)
