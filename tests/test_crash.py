"""Nothing lost, nothing twice: kill kwru at every step of an intake and at random moments.

After each crash the next run recovers. At the end every input file, by SHA-256, is in exactly
one place (a dossier's originals/, review/ or quarantine/), the journal has exactly one final
fate for it, inbox/ is empty and every case.yaml and history line is readable.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from pipeline.workspace import Workspace, read_jsonl
from tests.conftest import REPO, kwru_process
from tests.fixturegen import generate_corpus

CRASH_POINTS = ["after_intent", "after_original", "placing_document", "before_commit", "after_case_yaml",
                "before_journal", "after_journal", "after_inbox_removed"]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_inputs(inbox: Path, n: int, seed: int) -> dict[str, str]:
    """n generated documents plus an empty file, a corrupt PDF and an exact duplicate."""
    samples = generate_corpus(inbox, n, seed)
    (inbox / "leeg.pdf").write_bytes(b"")
    (inbox / "kapot.pdf").write_bytes(b"%PDF-1.4\n" + os.urandom(2000))
    first = samples[0].path
    dup = inbox / ("kopie-" + first.name)
    dup.write_bytes(first.read_bytes())
    return {p.name: sha(p) for p in inbox.iterdir() if p.is_file()}


def check_nothing_lost(ws: Workspace, inputs: dict[str, str]) -> None:
    assert [p.name for p in ws.inbox.iterdir() if not p.name.startswith(".")] == [], "inbox/ not empty"
    assert not any((ws.state / "intake").iterdir()), "unfinished intakes left behind"
    journal = ws.journal()
    # where the bytes are now
    stored: dict[str, list[str]] = {}
    for case_id in ws.case_ids():
        cdir = ws.case_dir(case_id)
        case = yaml.safe_load((cdir / "case.yaml").read_text())
        for d in case["documents"]:
            if d.get("parent") is None:
                stored.setdefault(d["sha256"], []).append(f"{case_id}/{d['seq']}")
                assert sha(cdir / d["original_path"]) == d["sha256"], "original changed"
        assert (cdir / "history.jsonl").exists()
        hist = read_jsonl(cdir / "history.jsonl")
        filed = [(h.get("intake"), h.get("seq")) for h in hist if h.get("event") == "document"]
        assert len(filed) == len(set(filed)), f"{case_id}: a document event written twice"
        assert {d["seq"] for d in case["documents"]} == {s for _, s in filed}, f"{case_id}: history incomplete"
    for folder in (ws.review, ws.quarantine):
        for p in folder.iterdir():
            if p.is_file() and not p.name.endswith((".json", ".reason.txt")):
                stored.setdefault(sha(p), []).append(str(p.relative_to(ws.root)))
    unique_inputs = set(inputs.values())
    for name, digest in inputs.items():
        assert digest in stored, f"{name} was lost"
    for digest in unique_inputs:
        assert len(stored[digest]) == 1, f"stored twice: {stored[digest]}"
        fates = [j["fate"] for j in journal if j["sha256"] == digest and j["fate"] != "duplicate"]
        assert len(fates) == 1, f"journal has {fates} for one input"
    dups = [j for j in journal if j["fate"] == "duplicate"]
    assert len(dups) == len(inputs) - len(unique_inputs)


@pytest.mark.parametrize("point", CRASH_POINTS)
def test_crash_at_every_step_then_recover(tmp_path: Path, point: str) -> None:
    ws = Workspace.init(tmp_path / "ws")
    inputs = make_inputs(ws.inbox, 3, seed=7)
    crashed = kwru_process(ws.root, "ingest", env={"KWRU_CRASH_AT": point})
    assert crashed.code == 137, f"the crash point {point} was never reached: {crashed.err}"
    done = kwru_process(ws.root, "ingest")
    assert done.code == 0, done.err
    check_nothing_lost(ws, inputs)


def _kill_tree(proc: subprocess.Popen) -> None:
    """kill -9 the watcher and (like a power cut) its worker process."""
    children = subprocess.run(["pgrep", "-P", str(proc.pid)], capture_output=True, text=True).stdout.split()
    for pid in [proc.pid, *map(int, children)]:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    proc.wait()


def test_watcher_killed_at_random_moments(tmp_path: Path) -> None:
    kills = 60 if os.environ.get("KWRU_SOAK") else 15
    rng = random.Random(20261121)
    ws = Workspace.init(tmp_path / "ws")
    inputs = make_inputs(ws.inbox, 60 if os.environ.get("KWRU_SOAK") else 40, seed=3)
    mid_batch = 0
    for _ in range(kills):
        proc = subprocess.Popen([sys.executable, "-m", "pipeline", "--root", str(ws.root), "watch"],
                                cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.8, 2.2))
        _kill_tree(proc)
        if not any(p for p in ws.inbox.iterdir() if p.is_file()):
            break
        mid_batch += 1
    assert mid_batch >= 8, f"only {mid_batch} kills happened while files were waiting"
    final = kwru_process(ws.root, "ingest")
    assert final.code == 0, final.err
    check_nothing_lost(ws, inputs)


def test_watcher_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    ws = Workspace.init(tmp_path / "ws")
    inputs = make_inputs(ws.inbox, 6, seed=5)
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "--root", str(ws.root), "watch"],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(4)
    proc.send_signal(signal.SIGTERM)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert "Stopped" in err
    assert not (ws.state / "intake").exists() or not any((ws.state / "intake").iterdir())
    kwru_process(ws.root, "ingest")
    check_nothing_lost(ws, inputs)
