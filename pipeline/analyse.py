"""Turn one received file (and, recursively, its attachments) into pieces with text and fields.

Runs in a separate worker process (see `Analyser`): a reader that crashes, hangs or eats all
memory on a hostile file takes down the worker, not kwru, and the file is quarantined with the
reason. The worker is started once and reused, so its imports are paid once.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import resource
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config
from .errors import Unreadable
from .models import EmailHeader, Extracted

MAX_DEPTH = 3  # e-mail in e-mail in e-mail: deeper attachments stay inside their parent's original
WORKER_MEMORY = 6 * 1024**3  # address-space limit of the worker (bytes)


@dataclass
class Piece:
    """One document made from the received file: the file itself, or one of its attachments."""

    name: str  # original (sanitised for attachments) file name
    source: Path  # the bytes as received (the staged original, or the extracted attachment)
    sha256: str
    parent: int | None  # index of the piece this was attached to
    text: str = ""
    pdf: Path | None = None
    pages: int = 0
    ocr: bool = False
    source_type: str = ""
    email: EmailHeader | None = None
    extracted: Extracted = field(default_factory=Extracted)
    error: str | None = None  # an attachment that could not be read (kept as original only)
    warnings: list[str] = field(default_factory=list)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1024 * 1024), b""):
            h.update(block)
    return h.hexdigest()


def analyse(path: Path, workdir: Path, config: Config) -> list[Piece]:
    """Convert and extract `path` and its attachments. Raises Unreadable for the file itself."""
    from .extract import extract
    from .text.convert import convert

    pieces: list[Piece] = []

    def visit(src: Path, name: str, parent: int | None, depth: int) -> None:
        idx = len(pieces)
        piece = Piece(name=name, source=src, sha256=sha256_file(src), parent=parent)
        pieces.append(piece)
        wd = workdir / f"p{idx:03d}"
        wd.mkdir(parents=True, exist_ok=True)
        try:
            conv = convert(src, wd)
        except Unreadable as e:
            if parent is None:
                raise
            piece.error = e.reason
            return
        piece.text, piece.pdf, piece.pages, piece.ocr = conv.text, conv.pdf, conv.pages, conv.ocr
        piece.source_type, piece.email, piece.warnings = conv.source_type, conv.email, list(conv.warnings)
        piece.extracted = extract(conv.text, config, email=conv.email, source_type=conv.source_type, ocr=conv.ocr)
        for att in conv.attachments:
            if depth >= MAX_DEPTH:
                piece.warnings.append(f"bijlage {att.name} niet apart opgenomen (te diep genest)")
                continue
            visit(att, att.name, idx, depth + 1)

    visit(path, path.name, None, 0)
    return pieces


# --- the worker process --------------------------------------------------------------------

def _die_with_parent(parent: int) -> None:
    """Linux: have the kernel kill this worker when kwru dies (even by kill -9), so no orphan
    keeps reading a file, or holds the terminal's pipes open, after a crash."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _init_worker(parent: int) -> None:
    _die_with_parent(parent)
    os.environ["OMP_THREAD_LIMIT"] = "1"  # tesseract: 7x slower with its own threads here
    # Own session: a Ctrl-C in the terminal goes to kwru, which finishes the current file,
    # instead of killing the OCR programs halfway.
    try:
        os.setsid()
    except OSError:
        pass
    try:
        resource.setrlimit(resource.RLIMIT_AS, (WORKER_MEMORY, WORKER_MEMORY))
    except (ValueError, OSError):
        pass


def _run(path: str, workdir: str, config: Config) -> list[Piece]:
    return analyse(Path(path), Path(workdir), config)


class Analyser:
    """A reusable worker process that analyses one file at a time, with a time limit."""

    def __init__(self, timeout: float = 900.0):
        self.timeout = timeout
        self._pool: ProcessPoolExecutor | None = None

    def _ensure(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_init_worker, initargs=(os.getpid(),))
        return self._pool

    def _kill(self) -> None:
        pool, self._pool = self._pool, None
        if pool is None:
            return
        for p in list(getattr(pool, "_processes", {}).values()):
            try:
                p.kill()
            except Exception:  # noqa: BLE001 - already gone
                pass
        pool.shutdown(wait=False, cancel_futures=True)

    def analyse(self, path: Path, workdir: Path, config: Config) -> list[Piece]:
        fut = self._ensure().submit(_run, str(path), str(workdir), config)
        try:
            return fut.result(timeout=self.timeout)
        except FutureTimeout:
            self._kill()
            raise Unreadable(f"het lezen duurde langer dan {int(self.timeout)} seconden en is afgebroken "
                             "(file too slow to read)") from None
        except BrokenProcessPool:
            self._kill()
            raise Unreadable("het leesprogramma liep vast op dit bestand (the reader crashed: "
                             "damaged or hostile file, or too big for memory)") from None
        except MemoryError:
            self._kill()
            raise Unreadable("het bestand is te groot om te lezen (out of memory)") from None
        except Unreadable:
            raise
        except Exception as e:
            raise Unreadable(f"interne fout van kwru bij het lezen ({type(e).__name__}: {e}); "
                             "meld dit aan de beheerder") from e

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Analyser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
