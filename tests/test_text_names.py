"""Attachment names from mails are never trusted as paths."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.text.names import MAX_NAME_BYTES, AttachmentWriter, safe_name


@pytest.mark.parametrize(("raw", "expected"), [
    ("../../etc/passwd", "passwd"),
    ("/etc/passwd", "passwd"),
    ("C:\\Windows\\system32\\boot.ini", "boot.ini"),
    ("..\\..\\brief.pdf", "brief.pdf"),
    ("klacht\x00.pdf", "klacht.pdf"),
    ("brief\r\nBcc: x@y.nl.pdf", "brief Bcc_ x@y.nl.pdf"),
    ("foto\u202egpj.exe", "foto gpj.exe"),  # right-to-left override that disguises ".exe"
    ("CON.txt", "_CON.txt"),
    ("nul", "_nul"),
    ("lpt1.pdf", "_lpt1.pdf"),
    ("AUTOEXEC.BAT", "AUTOEXEC.BAT"),
    ("  .verborgen.pdf ", "verborgen.pdf"),
    ("brief.pdf...", "brief.pdf"),
    ('a<b>c:d"e|f?g*h.pdf', "a_b_c_d_e_f_g_h.pdf"),
    ("UmlautAnhang-äüö.txt", "UmlautAnhang-äüö.txt"),
])
def test_safe_name(raw: str, expected: str) -> None:
    assert safe_name(raw) == expected


@pytest.mark.parametrize("raw", ["", None, "..", "/", "\\", "...", "   ", "\x00\x01"])
def test_empty_names_fall_back(raw: str | None) -> None:
    assert safe_name(raw, fallback="bijlage-1.bin") == "bijlage-1.bin"


def test_overlong_name_keeps_extension() -> None:
    name = safe_name("x" * 400 + ".pdf")
    assert name.endswith(".pdf")
    assert len(name.encode()) <= MAX_NAME_BYTES
    multibyte = safe_name("é" * 300 + ".docx")
    assert multibyte.endswith(".docx") and len(multibyte.encode()) <= MAX_NAME_BYTES
    multibyte[:-5].encode("utf-8").decode("utf-8")  # not cut inside a character


def test_writer_keeps_everything_inside_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "wd" / "attachments"
    w = AttachmentWriter(folder)
    names = ["../../buiten.pdf", "/etc/passwd", "C:\\x\\y.txt", "", None, "brief.pdf", "BRIEF.pdf",
             "brief.pdf", "CON", "a" * 300 + ".jpg"]
    paths = [w.write(n, b"data", "application/pdf") for n in names]
    assert all(p is not None and p.parent == folder for p in paths)
    written = sorted(p.name for p in folder.iterdir())
    assert len(written) == len(names)  # duplicates made unique, nothing overwritten
    assert "bijlage-4.pdf" in written and "bijlage-5.pdf" in written  # no name: numbered, type's extension
    assert {"brief.pdf", "BRIEF (2).pdf", "brief (3).pdf"} <= set(written)  # unique ignoring case
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wd"]
    assert not (tmp_path / "buiten.pdf").exists()


def test_writer_refuses_beyond_limits(tmp_path: Path) -> None:
    w = AttachmentWriter(tmp_path)
    w._total = 500 * 1024 * 1024  # as if 500 MB were already written
    assert w.write("nog een.pdf", b"x") is None


@given(st.text(max_size=400))
@settings(max_examples=300, deadline=None)
def test_any_name_becomes_one_plain_component(raw: str) -> None:
    name = safe_name(raw, fallback="bijlage-1.bin")
    assert name and name not in (".", "..")
    assert not any(c in name for c in '/\\\x00<>:"|?*')
    assert not any(unicodedata.category(c) in ("Cc", "Cf") for c in name)
    assert len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert name == name.strip(" .") and Path(name).name == name
