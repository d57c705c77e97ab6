"""`make bench`: run every benchmark, print one table, write docs/benchmarks.md.

Each figure is a ratio against a baseline measured in the same run on the same inputs,
because these machines are shared and noisy; absolute seconds are given for context only.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import platform
import subprocess
import sys
import traceback
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
MODULES = ["bench.bench_ingest", "bench.bench_accuracy", "bench.bench_text", "bench.bench_letters", "bench.bench_bundles"]


def _cmd(args: list[str]) -> str:
    try:
        out = subprocess.run(args, capture_output=True, text=True, timeout=60)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return "not found"


def machine() -> list[str]:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f"{kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores, {mem} memory",
        f"- OS: {platform.platform()}; Python {platform.python_version()}",
        f"- tesseract: {_cmd(['tesseract', '--version'])}",
        f"- LibreOffice: {_cmd(['soffice', '--version'])}",
        f"- qpdf: {_cmd(['qpdf', '--version'])}; pdftotext: {_cmd(['pdftotext', '-v'])}",
    ]


def main() -> int:
    console = Console()
    rows: list[dict] = []
    failures: list[str] = []
    only = sys.argv[1:]
    for name in MODULES:
        if only and not any(o in name for o in only):
            continue
        try:
            mod = importlib.import_module(name)
        except ModuleNotFoundError as e:
            failures.append(f"{name}: not available ({e})")
            continue
        console.print(f"[bold]running {name} ...[/]")
        try:
            got = mod.run()
            for r in got:
                r.setdefault("group", name.split("_", 1)[1])
            rows.extend(got)
        except Exception:  # noqa: BLE001 - report and go on with the other benchmarks
            failures.append(f"{name} failed:\n{traceback.format_exc()}")
    t = Table(title="kwru benchmarks (ratio = kwru / baseline, same inputs, same run)")
    for col in ("benchmark", "kwru", "baseline", "ratio", "target", "note"):
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(str(r.get("benchmark")), str(r.get("kwru")), str(r.get("baseline")), str(r.get("ratio")),
                  str(r.get("target", "")), str(r.get("note", "")))
    console.print(t)
    for f in failures:
        console.print(f"[red]{f}[/]")
    if not only:
        lines = ["# Benchmarks", "", f"Measured {dt.date.today().isoformat()} with `make bench` on:", "",
                 *machine(), "",
                 "Ratios compare kwru with a baseline measured in the same run on the same inputs "
                 "(the machine is shared and noisy; the seconds are for context).", "",
                 "| benchmark | kwru | baseline | ratio | target | note |", "|---|---|---|---|---|---|"]
        for r in rows:
            lines.append("| " + " | ".join(str(r.get(k, "")).replace("|", "/") for k in
                                           ("benchmark", "kwru", "baseline", "ratio", "target", "note")) + " |")
        notes = [r["detail"] for r in rows if r.get("detail")]
        if notes:
            lines += ["", "## Where the time goes", ""] + [f"- {n}" for n in notes]
        if failures:
            lines += ["", "## Not measured", ""] + [f"- {f.splitlines()[0]}" for f in failures]
        out = ROOT / "docs" / "benchmarks.md"
        out.parent.mkdir(exist_ok=True)
        out.write_text("\n".join(lines) + "\n")
        console.print(f"written {out}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
