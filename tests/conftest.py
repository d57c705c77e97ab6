"""Shared test fixtures: fresh workspaces and running `kwru` as a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.workspace import Workspace

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "real-world"  # CI clones with shared/ beside the repo


@dataclass
class Run:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    return Workspace.init(tmp_path / "ws")


@pytest.fixture
def kwru(capsys):
    """Run `kwru --root WS ARGS...` in-process; returns code, stdout, stderr."""

    def run(ws: Workspace, *args: str) -> Run:
        capsys.readouterr()
        code = main(["--root", str(ws.root), *args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def kwru_process(root: Path, *args: str, env: dict | None = None, timeout: float = 600) -> Run:
    """Run `kwru` as a separate process (for signals, kills and locks)."""
    p = subprocess.run([sys.executable, "-m", "pipeline", "--root", str(root), *args],
                       capture_output=True, text=True, timeout=timeout, cwd=REPO,
                       env={**os.environ, **(env or {})})
    return Run(p.returncode, p.stdout, p.stderr)
