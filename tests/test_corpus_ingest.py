"""Robustness on third-party files (../shared/corpus/real-world): through the whole pipeline.

Every file is filed, sent to review or quarantined with a reason; none crashes the run, none
is lost, nothing is written outside the workspace. One test per corpus folder so that pytest's
workers share the load.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest

from pipeline.workspace import Workspace
from tests.conftest import CORPUS, kwru_process

FOLDERS = ["pdf", "email", "msg", "docx", "image"]


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.mark.parametrize("folder", FOLDERS)
def test_corpus_folder(tmp_path: Path, folder: str) -> None:
    assert CORPUS.is_dir(), "../shared/corpus/real-world must be beside this checkout"
    ws = Workspace.init(tmp_path / "ws")
    files = sorted(p for p in (CORPUS / folder).iterdir() if p.is_file())
    for p in files:
        shutil.copy(p, ws.inbox / p.name)
    before_outside = set(tmp_path.iterdir())
    run = kwru_process(ws.root, "ingest", "--json", timeout=2400)
    assert run.code == 0, run.err[-3000:]
    lines = json.loads(run.out)
    by_name = {}
    for ln in lines:
        assert ln["original_name"] not in by_name, f"{ln['original_name']} handled twice"
        by_name[ln["original_name"]] = ln
    assert sorted(by_name) == sorted(p.name for p in files), "a file was not accounted for"
    assert not [p for p in ws.inbox.iterdir() if p.is_file()], "files left in inbox/"
    assert set(tmp_path.iterdir()) == before_outside, "something was written outside the workspace"
    located = {}
    for cid in ws.case_ids():
        case = ws.load_case(cid)
        for d in case.documents:
            located.setdefault(d.sha256, []).append(cid)
            assert (ws.case_dir(cid) / d.original_path).resolve().is_relative_to(ws.case_dir(cid).resolve())
    for p in files:
        ln = by_name[p.name]
        assert ln["sha256"] == sha(p)
        if ln["fate"] == "quarantine":
            reason = ws.root / (ln["path"] + ".reason.txt")
            assert reason.is_file() and ln["reason"].strip()
            assert "interne fout" not in ln["reason"], f"{p.name}: a reader bug, not a bad file: {ln['reason']}"
            assert sha(ws.root / ln["path"]) == ln["sha256"]
        elif ln["fate"] == "review":
            assert sha(ws.root / ln["path"]) == ln["sha256"]
        elif ln["fate"] == "filed":
            assert ln["case"] in located.get(ln["sha256"], [])
        else:
            assert ln["fate"] == "duplicate" and ln.get("duplicate_of")
    manifest = {ln.split("\t")[0]: ln.split("\t")[-1].lower()
                for ln in (CORPUS / "MANIFEST.tsv").read_text().splitlines()[1:]}
    needs_password = re.compile(r"user password '[^']+' required|without a password it must be quarantined")
    for p in files:
        note = manifest.get(f"{folder}/{p.name}", "")
        if needs_password.search(note):
            assert by_name[p.name]["fate"] in ("quarantine", "duplicate"), (p.name, by_name[p.name])
    counts: dict[str, int] = {}
    for ln in lines:
        counts[ln["fate"]] = counts.get(ln["fate"], 0) + 1
    print(folder, counts)
