"""Every file of the real-world corpus either converts or is Unreadable with a reason.

294 files from other projects' test suites (../shared/corpus/real-world, README.md there):
encrypted and broken PDFs, fuzzed ZIPs and OLE files, TNEF out-of-memory traps, XXE. One test
per file, so pytest-xdist spreads them over the cores. Under pytest, an exception raised in our
own code is not turned into Unreadable (pipeline/text/convert.py), so a bug fails here.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from pipeline.errors import Unreadable
from pipeline.text import convert
from tests.conftest import CORPUS  # noqa: E402

FOLDERS = ("pdf", "email", "msg", "docx", "image")


def _manifest() -> dict[str, str]:
    path = CORPUS / "MANIFEST.tsv"
    if not path.exists():
        return {}
    with open(path, newline="", encoding="utf-8") as f:
        return {row["file"]: row["note"] for row in csv.DictReader(f, delimiter="\t")}


NOTES = _manifest()
FILES = sorted(f for f in NOTES if f.split("/")[0] in FOLDERS)

# What the notes promise, by file.
MUST_BE_ENCRYPTED = {f for f, n in NOTES.items() if re.search(r"password '[^']*' required", n)} | {
    "pdf/pypdf__crazyones-encrypted-256.pdf", "pdf/pypdf__libreoffice-writer-password.pdf",
    "pdf/pypdf__r6-both-passwords.pdf", "pdf/pypdf__encrypted-file.pdf"}
MUST_CONVERT = {f for f, n in NOTES.items() if re.search(
    r"empty user|empty password|empty user\+owner|owner password only|^control", n, re.IGNORECASE)} - MUST_BE_ENCRYPTED
MUST_BE_UNREADABLE = {f for f, n in NOTES.items() if any(
    s in n for s in ("quarantine", "0-byte", "out-of-memory", "broken ZIP central directory",
                     "not recognised as a ZIP", "not a valid ZIP", "truncated ZIP", "OLE2 EncryptedPackage",
                     "legacy binary Word", "Agile-encrypted"))} - MUST_CONVERT


def test_corpus_is_present() -> None:
    assert len(FILES) >= 290, f"../shared/corpus/real-world must be beside this checkout ({CORPUS})"


@pytest.mark.parametrize("name", FILES)
def test_corpus_file(name: str, tmp_path: Path) -> None:
    src = CORPUS / name
    wd = tmp_path / "wd"
    try:
        c = convert(src, wd)
    except Unreadable as e:
        assert e.reason.strip(), "an Unreadable needs a reason a person can act on"
        assert name not in MUST_CONVERT, f"{name} should convert ({NOTES[name]}): {e.reason}"
        if name in MUST_BE_ENCRYPTED:
            assert "wachtwoord" in e.reason and "encrypted" in e.reason, e.reason
        outcome = "unreadable"
    else:
        assert name not in MUST_BE_UNREADABLE, f"{name} should be unreadable ({NOTES[name]})"
        assert name not in MUST_BE_ENCRYPTED, f"{name} needs a password ({NOTES[name]})"
        assert isinstance(c.text, str)
        if c.pdf is not None:
            assert c.pdf.is_file() and c.pdf.resolve().is_relative_to(wd.resolve())
            assert c.pages >= 1
        for att in c.attachments:
            assert att.is_file() and att.parent.resolve() == (wd / "attachments").resolve()
        outcome = "converted"
    # Nothing written next to the work folder; the corpus is read-only anyway.
    assert [p.name for p in tmp_path.iterdir()] in (["wd"], []), outcome
