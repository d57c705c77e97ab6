"""LibreOffice behind one module: DOCX (and other office files) to PDF, in batches.

Why batches: one `soffice` start costs 1-2 s on this machine, while a batch converts each further
letter in ~0.06-0.1 s (docs/benchmarks.md). Each call gets its own user profile directory,
because two `soffice` processes sharing one profile silently produce nothing; `workers` > 1
runs that many batches side by side (one per core pays off: 0.06 s/letter for 500 letters).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .errors import OfficeMissing
from .i18n import _


def soffice_path() -> str | None:
    for name in ("soffice", "libreoffice"):
        p = shutil.which(name)
        if p:
            return p
    return None


def require_soffice() -> str:
    p = soffice_path()
    if not p:
        raise OfficeMissing(_(
            "LibreOffice is not installed, so no PDF can be made "
            "(install it with: apt-get install libreoffice-writer-nogui); the DOCX files are written"
        ))
    return p


def _convert_batch(soffice: str, files: list[Path], outdir: Path, timeout: float) -> None:
    """One `soffice` process for `files`, with a profile of its own (removed afterwards).

    It runs in its own process group, so a timeout stops LibreOffice's helper processes too
    instead of leaving them behind holding the profile.
    """
    with tempfile.TemporaryDirectory(prefix="kwru-lo-") as profile:
        cmd = [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
            "--convert-to", "pdf", "--outdir", str(outdir),
            *[str(f) for f in files],
        ]
        env = dict(os.environ, HOME=profile)
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                                start_new_session=True)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        finally:
            # helpers that outlive soffice (oosplash -> soffice.bin) share its group
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)


def to_pdf(files: list[Path], outdir: Path, *, workers: int = 1, timeout: float | None = None) -> dict[Path, Path]:
    """Convert office files to PDF in `outdir` (named like the input with .pdf).

    Returns {input: pdf} for the files that converted; a file missing from the result could
    not be converted (LibreOffice gives no per-file error). `workers` > 1 splits the batch over
    that many parallel `soffice` processes, each with its own profile.
    """
    soffice = require_soffice()
    outdir.mkdir(parents=True, exist_ok=True)
    files = [Path(f) for f in files]
    if not files:
        return {}
    stems = [f.stem for f in files]
    if len(set(stems)) != len(stems):
        raise ValueError("to_pdf: input files must have distinct names")
    workers = max(1, min(workers, len(files)))
    # Contiguous, equal chunks: each process pays its ~1-2 s start once, then ~0.1 s a file.
    size, extra = divmod(len(files), workers)
    chunks, start = [], 0
    for i in range(workers):
        n = size + (1 if i < extra else 0)
        chunks.append(files[start:start + n])
        start += n
    limit = timeout if timeout is not None else 60 + 10 * len(files)
    if workers == 1:
        _convert_batch(soffice, files, outdir, limit)
    else:
        with ThreadPoolExecutor(workers) as pool:
            list(pool.map(lambda c: _convert_batch(soffice, c, outdir, limit), chunks))
    result = {}
    for f in files:
        pdf = outdir / (f.stem + ".pdf")
        if pdf.exists() and pdf.stat().st_size > 0:
            result[f] = pdf
    return result
