"""The one module that writes to dossiers (and to the journal, review/, quarantine/, outbox/).

Every write is atomic: write a temporary file in the same folder, fsync it, rename it over
the target, fsync the folder. Appends to history.jsonl and journal.jsonl write whole lines
with one write and fsync; a line cut off by a crash is repaired before the next append.
Nothing else in kwru opens a dossier file for writing.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from . import clock
from .models import Case, iso
from .workspace import Workspace

# --- atomic primitives --------------------------------------------------------------------

def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_UMASK = os.umask(0)
os.umask(_UMASK)
FILE_MODE = 0o666 & ~_UMASK  # what open() would give; mkstemp alone gives 0600


def text_bytes(text: str) -> bytes:
    """UTF-8, keeping undecodable bytes of file names (lone surrogates) visible as \\udcxx."""
    return text.encode("utf-8", errors="backslashreplace")


def _atomic(path: Path, fill: Callable[[Any], None]) -> Path:
    """Create `path` whole or not at all: temp file in the same folder, fsync, rename, fsync dir."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    os.fchmod(fd, FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as f:
            fill(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with _suppress():
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)
    return path


def atomic_write(path: Path, data: bytes | str) -> Path:
    raw = text_bytes(data) if isinstance(data, str) else data
    return _atomic(path, lambda f: f.write(raw))


def atomic_copy(src: Path, dst: Path) -> Path:
    def fill(f: Any) -> None:
        with open(src, "rb") as inp:
            shutil.copyfileobj(inp, f, 1024 * 1024)

    return _atomic(dst, fill)


def append_jsonl(path: Path, obj: dict[str, Any]) -> None:
    """Append one JSON line durably. A partial last line (crash mid-write) is cut off first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    line = text_bytes(json.dumps(iso(obj), ensure_ascii=False, separators=(", ", ": ")) + "\n")
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        size = os.fstat(fd).st_size
        if size:
            os.lseek(fd, size - 1, os.SEEK_SET)
            if os.read(fd, 1) != b"\n":
                with open(path, "rb") as f:
                    data = f.read()
                os.ftruncate(fd, data.rfind(b"\n") + 1)
        os.write(fd, line)
        os.fsync(fd)
    finally:
        os.close(fd)


class _suppress:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return True


def safe_name(name: str, default: str = "bestand", max_len: int = 80) -> str:
    """A file name that is safe as one path component (no folders, control chars, dots-only)."""
    name = unicodedata.normalize("NFC", str(name)).replace("\\", "/").split("/")[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = re.sub(r"[<>:\"|?*\x00]", "_", name).strip(" .")
    if not name:
        name = default
    if len(name) > max_len:
        stem, dot, ext = name.rpartition(".")
        ext = ext[:10] if dot else ""
        name = (stem if dot else name)[: max_len - len(ext) - 1].rstrip(" .") + ("." + ext if ext else "")
    return name


# --- cases --------------------------------------------------------------------------------

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: ~15x faster than pure Python

def case_yaml(case: Case) -> str:
    return yaml.dump(case.to_dict(), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def _with_deadlines(ws: Workspace, case: Case, history: list[dict]) -> Case:
    from .lifecycle.deadlines import compute_deadlines

    case.deadlines = compute_deadlines(case, history, ws.config, clock.today())
    return case


def history_event(event: str, **details: Any) -> dict[str, Any]:
    return {"at": clock.now().isoformat(), "event": event, **{k: v for k, v in details.items() if v is not None}}


def write_case(ws: Workspace, case: Case, *events: dict[str, Any], commit_first: bool = False) -> None:
    """Write case.yaml (deadlines recomputed) and append `events` to the case's history.

    Normally the history goes first: a crash in between leaves an event whose effect is
    missing from case.yaml, which the next write repairs, rather than a change nobody can
    explain. An intake passes `commit_first=True`: there case.yaml is the commit point and
    recovery restores the history lines of a committed intake (`intake.recover`).
    """
    folder = ws.case_dir(case.id)
    folder.mkdir(parents=True, exist_ok=True)
    if not commit_first:
        for ev in events:
            append_jsonl(folder / "history.jsonl", ev)
        _with_deadlines(ws, case, ws.history(case.id))
        atomic_write(folder / "case.yaml", case_yaml(case))
        return
    _with_deadlines(ws, case, [*ws.history(case.id), *events])
    atomic_write(folder / "case.yaml", case_yaml(case))
    crashpoint("after_case_yaml")
    for ev in events:
        append_jsonl(folder / "history.jsonl", ev)


def crashpoint(name: str) -> None:
    """Fault injection for the crash tests: KWRU_CRASH_AT=<name> kills the process right here,
    as `kill -9` would (no clean-up, no flush)."""
    if os.environ.get("KWRU_CRASH_AT") == name:
        os._exit(137)


def update_case(ws: Workspace, case_id: str, change: Callable[[Case], dict[str, Any] | list[dict[str, Any]] | None]) -> Case:
    """Load a case under the workspace lock, let `change` modify it, write it back.

    `change` returns the history event(s) describing what it did (see `history_event`).
    If it raises, nothing is written.
    """
    with ws.lock():
        case = ws.load_case(case_id)
        events = change(case)
        if events is None:
            events = []
        elif isinstance(events, dict):
            events = [events]
        write_case(ws, case, *events)
        return case


def refresh_deadlines(ws: Workspace, case_id: str) -> Case:
    return update_case(ws, case_id, lambda c: None)


def add_case_file(ws: Workspace, case_id: str, subdir: str, name: str, src: Path | bytes) -> Path:
    """Put a produced file (letter, bundle) into dossiers/ID/<subdir>/<name>, atomically."""
    if subdir not in ("letters", "bundles", "documents"):
        raise ValueError(f"add_case_file: unexpected folder {subdir!r}")
    dst = ws.case_dir(case_id) / subdir / safe_name(name)
    return atomic_write(dst, src) if isinstance(src, bytes) else atomic_copy(src, dst)


def add_outbox_file(ws: Workspace, day: str, name: str, src: Path | bytes) -> Path:
    """Put a letter or bundle into outbox/<YYYY-MM-DD>/<name>, atomically."""
    dst = ws.outbox / day / safe_name(name)
    return atomic_write(dst, src) if isinstance(src, bytes) else atomic_copy(src, dst)


def next_case_id(ws: Workspace, year: int) -> str:
    """The next case number of `year`: one more than any ever used (folders and journal)."""
    prefix = f"{ws.config.prefix}-{year}-"
    used = [int(p.name[len(prefix):]) for p in ws.dossiers.iterdir()
            if p.name.startswith(prefix) and p.name[len(prefix):].isdigit()]
    for entry in ws.journal():
        cid = str(entry.get("case") or "")
        if cid.startswith(prefix) and cid[len(prefix):].isdigit():
            used.append(int(cid[len(prefix):]))
    return ws.config.case_id(year, max(used, default=0) + 1)
