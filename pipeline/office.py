"""LibreOffice behind one module: DOCX (and other office files) to PDF, in batches.

Why batches: one `soffice` start costs ~0.8 s, a batch of 50 files in one call ~0.08 s per
file (docs/benchmarks.md). Each call gets its own user profile directory, because two
`soffice` processes sharing one profile silently produce nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .errors import KwruError


class OfficeMissing(KwruError):
    exit_code = 9


def soffice_path() -> str | None:
    for name in ("soffice", "libreoffice"):
        p = shutil.which(name)
        if p:
            return p
    return None


def require_soffice() -> str:
    p = soffice_path()
    if not p:
        raise OfficeMissing(
            "LibreOffice is not installed, so no PDF can be made "
            "(install it with: apt-get install libreoffice-writer-nogui); the DOCX files are written"
        )
    return p


def _convert_batch(soffice: str, files: list[Path], outdir: Path, timeout: float) -> None:
    with tempfile.TemporaryDirectory(prefix="kwru-lo-") as profile:
        cmd = [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless", "--norestore", "--nolockcheck", "--nodefault", "--nologo",
            "--convert-to", "pdf", "--outdir", str(outdir),
            *[str(f) for f in files],
        ]
        env = dict(os.environ, HOME=profile)
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                       timeout=timeout, check=False, start_new_session=True)


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
    chunks = [files[i::workers] for i in range(workers)]
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
