"""`kwru watch`: new files are picked up (events and polling), once, and only when complete."""

from __future__ import annotations

import hashlib
import threading
import time
from pathlib import Path

import pytest

from pipeline.intake import Intake
from pipeline.sources.watch import watch
from pipeline.workspace import Workspace
from tests.fixturegen import generate_corpus


def _run_watcher(ws: Workspace, poll: float | None):
    results = []
    stop = threading.Event()
    intake = Intake(ws)
    th = threading.Thread(target=watch, kwargs=dict(ws=ws, intake=intake, poll=poll, stop=stop,
                                                     on_result=results.append))
    th.start()
    return results, stop, th, intake


@pytest.mark.parametrize("poll", [None, 0.5], ids=["events", "polling"])
def test_slowly_written_file_is_filed_once_and_whole(tmp_path: Path, poll: float | None) -> None:
    ws = Workspace.init(tmp_path / "ws")
    src = next(s.path for s in generate_corpus(tmp_path / "src", 12, seed=2) if s.path.suffix == ".pdf")
    data = src.read_bytes()
    results, stop, th, intake = _run_watcher(ws, poll)
    try:
        time.sleep(1.0)
        target = ws.inbox / "scanner-uitvoer.pdf"
        chunk = len(data) // 4 + 1
        with open(target, "wb") as f:  # a scanner writing page by page, many events for one file
            for i in range(4):
                f.write(data[i * chunk:(i + 1) * chunk])
                f.flush()
                time.sleep(0.4)
        deadline = time.monotonic() + 60
        while not results and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(2)  # any second (wrong) processing would show up now
    finally:
        stop.set()
        th.join(timeout=60)
        intake.analyser.close()
    assert len(results) == 1, [r.fate for r in results]
    r = results[0]
    assert r.fate in ("filed", "review")
    assert r.sha256 == hashlib.sha256(data).hexdigest(), "processed before the file was complete"
    assert not target.exists()
    assert len(ws.journal()) == 1
