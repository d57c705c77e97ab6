"""Born-digital PDFs: text layer, encryption, damage, unsupported and empty files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pikepdf
import pypdf
import pytest

from bench.bench_text import LETTER_FACTS, text_pdf
from pipeline.errors import Unreadable
from pipeline.text import convert
from tests.conftest import CORPUS  # noqa: E402


def _only_workdir(tmp_path: Path, wd: Path) -> None:
    """Nothing may appear next to the work folder (the input lives in tmp_path/in)."""
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({"in", wd.name})


def test_text_pdf_gives_text_layer_and_a_copy(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    src = text_pdf(tmp_path / "in" / "brief.pdf", pages=3)
    before = src.read_bytes()
    wd = tmp_path / "wd"
    c = convert(src, wd)
    assert c.source_type == "pdf" and not c.ocr and c.pages == 3
    for fact in LETTER_FACTS:
        assert fact in c.text
    assert c.text.count("\f") == 2  # pages separated like pdftotext
    assert c.pdf is not None and c.pdf.parent == wd
    assert "Anna de Vries-Bakker" in pypdf.PdfReader(c.pdf).pages[0].extract_text()
    assert src.read_bytes() == before  # the received file is never changed
    _only_workdir(tmp_path, wd)


def _encrypted(tmp_path: Path, *, user: str, owner: str) -> Path:
    (tmp_path / "in").mkdir(exist_ok=True)
    plain = text_pdf(tmp_path / "plain.pdf")
    out = tmp_path / "in" / "beveiligd.pdf"
    with pikepdf.open(plain) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(user=user, owner=owner, R=6))
    plain.unlink()
    return out


def test_user_password_is_unreadable_as_encrypted(tmp_path: Path) -> None:
    src = _encrypted(tmp_path, user="geheim", owner="eigenaar")
    with pytest.raises(Unreadable) as err:
        convert(src, tmp_path / "wd")
    assert "wachtwoord" in err.value.reason and "encrypted" in err.value.reason


def test_owner_only_password_is_decrypted(tmp_path: Path) -> None:
    src = _encrypted(tmp_path, user="", owner="eigenaar")
    c = convert(src, tmp_path / "wd")
    assert "Anna de Vries-Bakker" in c.text
    with pikepdf.open(c.pdf) as pdf:
        assert not pdf.is_encrypted  # bundles can merge it without a password
    assert any("ontsleuteld" in w for w in c.warnings)


@pytest.mark.parametrize(("name", "fact"), [
    ("pypdf__r2-owner-password.pdf", "pdf encryption test"),
    ("pypdf__r6-empty-password.pdf", "pdf encryption test"),
    ("pypdf__issue-297.pdf", "test example"),  # broken xref, repaired
    ("pdfplumber__issue-848.pdf", "The movie opens"),  # Ghostscript banner before %PDF-
])
def test_corpus_pdfs_that_must_open(tmp_path: Path, name: str, fact: str) -> None:
    c = convert(CORPUS / "pdf" / name, tmp_path / "wd")
    assert fact in c.text
    assert pypdf.PdfReader(c.pdf).pages  # the kept PDF opens with a strict-ish reader


def test_truncated_pdf(tmp_path: Path) -> None:
    """Half a file: repaired when qpdf can, otherwise a clear reason; never a crash."""
    full = text_pdf(tmp_path / "heel.pdf", pages=4).read_bytes()
    (tmp_path / "in").mkdir()
    for cut in (len(full) // 2, 200):
        src = tmp_path / "in" / f"half-{cut}.pdf"
        src.write_bytes(full[:cut])
        try:
            c = convert(src, tmp_path / f"wd-{cut}")
            assert c.pages >= 1
        except Unreadable as e:
            assert "beschadigd" in e.reason


@pytest.mark.parametrize(("name", "data", "words"), [
    ("leeg.pdf", b"", "leeg"),
    ("foto.bmp", b"BM" + b"\x00" * 60, "BMP"),
    ("anim.gif", b"GIF89a" + b"\x00" * 60, "GIF"),
    ("archief.zip", None, "ZIP"),
    ("iets.bin", bytes(range(256)) * 4, "onbekend"),
    ("kapot.pdf", b"\x00\x01\x02 dit is geen pdf" * 10, "PDF"),
])
def test_unsupported_and_empty_files_say_what_they_are(tmp_path: Path, name: str, data: bytes | None,
                                                       words: str) -> None:
    src = tmp_path / name
    if data is None:
        shutil.make_archive(str(tmp_path / "archief"), "zip", root_dir=Path(__file__).parent,
                            base_dir="test_text_names.py")
    else:
        src.write_bytes(data)
    with pytest.raises(Unreadable) as err:
        convert(src, tmp_path / "wd")
    assert words in err.value.reason


def test_old_word_doc_renamed_docm(tmp_path: Path) -> None:
    src = CORPUS / "docx" / "poi__cpansearch.perl.org_src_tobyink_acme-rundoc-0.001_word-lib_hello_world.docm"
    with pytest.raises(Unreadable) as err:
        convert(src, tmp_path / "wd")
    assert "old Word .doc format is not supported; save it as .docx" in err.value.reason
