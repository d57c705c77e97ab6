"""A kwru workspace: where its folders are, its configuration, reading cases, and the lock.

Reading lives here; every write to a dossier goes through `pipeline.dossier`.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .config import DEFAULT_CONFIG_TEXT, Config, load_config
from .errors import LockBusy, UsageError, WorkspaceError
from .i18n import _
from .models import Case

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ~10x faster than pure Python
FOLDERS = ("inbox", "dossiers", "review", "quarantine", "outbox", "templates")
STATE_DIR = ".kwru"  # lock, intake intents and staging: internal, never edited by hand


@dataclass
class Workspace:
    root: Path
    config: Config
    _lock_depth: int = field(default=0, repr=False)
    _lock_fd: int | None = field(default=None, repr=False)

    # --- locating and creating ---------------------------------------------------------

    @classmethod
    def open(cls, root: str | Path | None = None) -> Workspace:
        """Open the workspace at `root`, else $KWRU_ROOT, else the current directory."""
        root = Path(root or os.environ.get("KWRU_ROOT") or Path.cwd()).resolve()
        if not root.is_dir():
            raise WorkspaceError(_("{root} is not a folder; create a workspace with `kwru init {root}`").format(root=root))
        if not (root / "kwru.yaml").exists():
            raise WorkspaceError(_("{root} has no kwru.yaml; create a workspace with `kwru init DIR`").format(root=root))
        ws = cls(root, load_config(root / "kwru.yaml"))
        for name in (*FOLDERS, STATE_DIR):
            (root / name).mkdir(exist_ok=True)
        return ws

    @classmethod
    def init(cls, root: str | Path) -> Workspace:
        """Create a workspace: kwru.yaml (the KWRU default), the letter templates, empty folders."""
        root = Path(root).resolve()
        if (root / "kwru.yaml").exists():
            raise WorkspaceError(_("{root} already is a workspace (kwru.yaml exists)").format(root=root))
        root.mkdir(parents=True, exist_ok=True)
        (root / "kwru.yaml").write_text(DEFAULT_CONFIG_TEXT, "utf-8")
        for name in FOLDERS:
            (root / name).mkdir(exist_ok=True)
        bundled = Path(__file__).resolve().parent.parent / "templates"
        if (bundled / "ontvangstbevestiging.docx").exists():  # running from the repository
            for src in bundled.iterdir():
                if src.is_file() and not src.name.startswith("."):
                    shutil.copy2(src, root / "templates" / src.name)
        else:  # installed without the repository: build the templates afresh
            from .letters.make_templates import build_all

            build_all(root / "templates")
        return cls.open(root)

    # --- paths -------------------------------------------------------------------------

    @property
    def inbox(self) -> Path:
        return self.root / "inbox"

    @property
    def dossiers(self) -> Path:
        return self.root / "dossiers"

    @property
    def review(self) -> Path:
        return self.root / "review"

    @property
    def quarantine(self) -> Path:
        return self.root / "quarantine"

    @property
    def outbox(self) -> Path:
        return self.root / "outbox"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def state(self) -> Path:
        return self.root / STATE_DIR

    @property
    def journal_path(self) -> Path:
        return self.root / "journal.jsonl"

    def case_dir(self, case_id: str) -> Path:
        return self.dossiers / case_id

    # --- reading cases -----------------------------------------------------------------

    def case_ids(self) -> list[str]:
        prefix = self.config.prefix + "-"
        return sorted(p.name for p in self.dossiers.iterdir()
                      if p.is_dir() and p.name.startswith(prefix) and (p / "case.yaml").exists())

    def has_case(self, case_id: str) -> bool:
        return (self.case_dir(case_id) / "case.yaml").exists()

    def load_case(self, case_id: str) -> Case:
        path = self.case_dir(case_id) / "case.yaml"
        try:
            text = path.read_text("utf-8")
        except FileNotFoundError:
            raise UsageError(_("no case {case!r} in this workspace (see `kwru cases`)").format(case=case_id)) from None
        try:
            data = yaml.load(text, Loader=_Loader)
            return Case.from_dict(data)
        except (yaml.YAMLError, KeyError, TypeError, ValueError) as e:
            raise WorkspaceError(_("{path} cannot be read ({error}); fix the file by hand").format(path=path, error=e)) from None

    def cases(self) -> list[Case]:
        return [self.load_case(i) for i in self.case_ids()]

    def history(self, case_id: str) -> list[dict]:
        return read_jsonl(self.case_dir(case_id) / "history.jsonl")

    def journal(self) -> list[dict]:
        return read_jsonl(self.journal_path)

    # --- the lock ----------------------------------------------------------------------

    @contextlib.contextmanager
    def lock(self, timeout: float = 600.0) -> Iterator[None]:
        """Exclusive lock on the workspace (re-entrant within this process).

        Held for each change (one intake, one command), so a watcher and a secretary's
        command take turns instead of corrupting each other's writes.
        """
        if self._lock_depth:
            self._lock_depth += 1
            try:
                yield
            finally:
                self._lock_depth -= 1
            return
        self.state.mkdir(exist_ok=True)
        fd = os.open(self.state / "lock", os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + timeout
        warned = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as e:
                if e.errno not in (errno.EAGAIN, errno.EACCES):
                    os.close(fd)
                    raise
                if time.monotonic() > deadline:
                    os.close(fd)
                    raise LockBusy(_("another kwru process is busy with this workspace; try again later")) from None
                if not warned:
                    import sys

                    print("kwru: waiting for another kwru process to finish ...", file=sys.stderr)
                    warned = True
                time.sleep(0.1)
        self._lock_fd, self._lock_depth = fd, 1
        try:
            yield
        finally:
            self._lock_depth = 0
            self._lock_fd = None
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


def read_jsonl(path: Path) -> list[dict]:
    """Read a JSON-lines file, skipping a last line cut off by a crash."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    out = []
    for line in raw.split(b"\n"):
        if not line.strip():
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            continue
    return out
