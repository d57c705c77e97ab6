"""The drop folder: which files are waiting, and whether a file is completely written."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

# Names that scanners, browsers and editors use while a file is still being written.
PARTIAL_SUFFIXES = (".part", ".partial", ".crdownload", ".download", ".tmp", ".temp", ".filepart", ".!ut")


def is_candidate(path: Path, inbox: Path) -> bool:
    """A file in inbox/ that kwru should take: not hidden, not a temporary or partial file."""
    try:
        rel = path.relative_to(inbox)
    except ValueError:
        return False
    if any(part.startswith((".", "~$")) for part in rel.parts):
        return False
    if path.name.lower().endswith(PARTIAL_SUFFIXES) or path.name in ("Thumbs.db", "desktop.ini"):
        return False
    return path.is_file() and not path.is_symlink()


def waiting_files(inbox: Path) -> list[Path]:
    """Files in inbox/ (and its sub-folders), oldest first, then by name."""
    found = []
    for dirpath, dirnames, filenames in os.walk(inbox):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            p = Path(dirpath) / name
            if is_candidate(p, inbox):
                found.append(p)

    def key(p: Path) -> tuple[float, str]:
        try:
            return (p.stat().st_mtime, str(p))
        except FileNotFoundError:
            return (0.0, str(p))

    return sorted(found, key=key)


@dataclass
class Settle:
    """Decides when a file has stopped growing: same size and mtime for `quiet` seconds.

    "Closed" does not mean complete (a scanner that reopens the file per page), and "created"
    fires while it is still being written, so kwru looks at the file itself, like Paperless-ngx.
    A PDF must also end with %%EOF, or have been quiet for `pdf_grace` seconds (a truncated PDF
    is then quarantined with its reason rather than waited on forever).
    """

    quiet: float = 0.5
    pdf_grace: float = 10.0

    def __post_init__(self) -> None:
        self._seen: dict[Path, tuple[int, int, float]] = {}

    def forget(self, path: Path) -> None:
        self._seen.pop(path, None)

    def ready(self, path: Path, now: float | None = None) -> bool:
        now = time.monotonic() if now is None else now
        try:
            st = path.stat()
        except FileNotFoundError:
            self.forget(path)
            return False
        sig = (st.st_size, st.st_mtime_ns)
        prev = self._seen.get(path)
        if prev is None or prev[:2] != sig:
            self._seen[path] = (*sig, now)
            return False
        quiet_for = now - prev[2]
        if quiet_for < self.quiet:
            return False
        if path.suffix.lower() == ".pdf" and quiet_for < self.pdf_grace and not _pdf_complete(path):
            return False
        return True


def _pdf_complete(path: Path) -> bool:
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - 2048))
            return b"%%EOF" in f.read()
    except OSError:
        return False


def wait_until_complete(paths: list[Path], settle: Settle, timeout: float = 60.0) -> list[Path]:
    """For a one-pass ingest: wait (briefly) until each file is stable; return those that are."""
    pending = list(paths)
    ready: list[Path] = []
    deadline = time.monotonic() + timeout
    for p in pending:
        settle.ready(p)
    while pending and time.monotonic() < deadline:
        time.sleep(min(0.1, settle.quiet / 2))
        for p in list(pending):
            if not p.exists():
                pending.remove(p)
            elif settle.ready(p):
                pending.remove(p)
                ready.append(p)
    return ready
