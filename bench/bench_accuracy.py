"""Field-level accuracy of intake on generated documents with known truth (several seeds).

Each seed's default set (typed letters, scans, a phone photo, e-mails, DOCX, text) is ingested
through the whole pipeline (real OCR); each complaint's case data is compared with the truth.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.intake import Intake
from pipeline.sources.inbox import waiting_files
from pipeline.workspace import Workspace
from tests.fixturegen import generate_set
from tests.fixturegen.accuracy import FIELDS, field_hits


def measure(seeds: tuple[int, ...] = (1, 2, 3)) -> tuple[dict[str, list[int]], list[str], int, int]:
    hits = {f: [0, 0] for f in FIELDS}
    misses: list[str] = []
    routed_ok = routed = 0
    for seed in seeds:
        tmp = Path(tempfile.mkdtemp(prefix="kwru-acc-"))
        try:
            ws = Workspace.init(tmp / "ws")
            samples = generate_set(ws.inbox, seed=seed, year=2026)
            with Intake(ws) as intake:
                results = {r.original_name: r for r in (intake.process(p) for p in waiting_files(ws.inbox)) if r}
            case_of = [results[s.path.name].case if results[s.path.name].fate == "filed" else None for s in samples]
            for i, s in enumerate(samples):
                routed += 1
                expected = case_of[s.expect_case] if s.expect_case is not None else s.case_id
                routed_ok += case_of[i] is not None and case_of[i] == expected
            h, m = field_hits(ws.case_dir, samples, case_of, label=f"seed {seed} ")
            for f, (a, b) in h.items():
                hits[f][0] += a
                hits[f][1] += b
            misses += m
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return hits, misses, routed_ok, routed


def run() -> list[dict]:
    hits, misses, routed_ok, routed = measure()
    ok = sum(h[0] for h in hits.values())
    n = sum(h[1] for h in hits.values())
    per_field = ", ".join(f"{f.split('.')[-1]} {a}/{b}" for f, (a, b) in hits.items())
    return [
        {"benchmark": "field accuracy of complaints (3 seeds × 18 documents, incl. scans and a photo)",
         "kwru": f"{ok / n:.1%} ({ok}/{n})", "baseline": "generator truth", "ratio": "", "target": "",
         "note": per_field,
         "detail": "Accuracy misses: " + ("; ".join(misses) if misses else "none")},
        {"benchmark": "routing: documents in the right case (3 seeds)",
         "kwru": f"{routed_ok / routed:.1%} ({routed_ok}/{routed})", "baseline": "generator truth",
         "ratio": "", "target": "", "note": "complaints open the expected case, follow-ups join theirs"},
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
