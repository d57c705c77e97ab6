"""Command line: `python -m tests.fixturegen OUTDIR [--seed N] [--corpus N] [--truth FILE]`.

`--record-ocr SEED ...` regenerates the default set for those seeds with OCR verification and
records the OCR verdict on each scan page in ocr_verdicts.txt (shipped with the package),
so later generation of those seeds needs no OCR.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from . import degrade, generate_corpus, generate_set, write_truth


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.fixturegen", description=__doc__)
    ap.add_argument("outdir", nargs="?", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--year", type=int, default=2026)
    ap.add_argument("--corpus", type=int, metavar="N", help="N quick text PDFs and e-mails")
    ap.add_argument("--truth", type=Path, help="write the truth JSON here")
    ap.add_argument("--no-verify", action="store_true", help="skip the OCR readability check")
    ap.add_argument("--record-ocr", type=int, nargs="+", metavar="SEED")
    args = ap.parse_args(argv)
    if args.record_ocr:
        for seed in args.record_ocr:
            with tempfile.TemporaryDirectory() as tmp:
                generate_set(Path(tmp), seed=seed, year=args.year)
        known = degrade.read_verdicts(degrade.SHIPPED)
        known.update(degrade.seen)
        degrade.SHIPPED.write_text(
            "".join(f"{fp} {'ok' if ok else 'bad'}\n" for fp, ok in sorted(known.items()))
        )
        print(f"{len(known)} OCR verdicts in {degrade.SHIPPED}", file=sys.stderr)
        return 0
    if args.outdir is None:
        ap.error("OUTDIR is required")
    t = time.perf_counter()
    if args.corpus:
        samples = generate_corpus(args.outdir, args.corpus, seed=args.seed, year=args.year)
    else:
        samples = generate_set(
            args.outdir, seed=args.seed, year=args.year, verify_ocr=not args.no_verify
        )
    if args.truth:
        write_truth(samples, args.truth)
    print(
        f"{len(samples)} documents in {args.outdir} ({time.perf_counter() - t:.1f} s)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
