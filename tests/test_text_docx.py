"""Word .docx: text in reading order, a PDF through LibreOffice, and hostile packages refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pypdf
import pytest

from pipeline.errors import Unreadable
from pipeline.office import soffice_path
from pipeline.text import convert
from tests.conftest import CORPUS  # noqa: E402


def _letter(path: Path) -> Path:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Stichting Mitros — Postbus 8006, 3503 RA Utrecht"
    d.add_paragraph("Utrecht, 14 april 2026")
    d.add_paragraph("Betreft: uw klacht KWRU-2026-001 over de geïsoleerde gevel")
    d.add_paragraph("Geachte mevrouw De Vries-Bakker,")
    d.add_paragraph("Wij hebben uw klacht over de lekkage en de schimmel in de badkamer ontvangen.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Werkzaamheden", "Datum"
    table.cell(1, 0).text, table.cell(1, 1).text = "Dak repareren", "2 mei 2026"
    d.add_paragraph("Met vriendelijke groet, R. Özdemir, klantenservice")
    d.save(path)
    return path


def test_docx_text_and_pdf(tmp_path: Path) -> None:
    c = convert(_letter(tmp_path / "reactie.docx"), tmp_path / "wd")
    assert c.source_type == "docx" and not c.ocr
    lines = c.text.splitlines()
    assert lines[0] == "Stichting Mitros — Postbus 8006, 3503 RA Utrecht"  # the letterhead first
    assert "Betreft: uw klacht KWRU-2026-001 over de geïsoleerde gevel" in lines
    assert "Werkzaamheden\tDatum" in lines and "Dak repareren\t2 mei 2026" in lines
    assert c.text.index("Geachte mevrouw") < c.text.index("Dak repareren") < c.text.index("Özdemir")
    if soffice_path() is None:
        assert c.pdf is None and any("LibreOffice" in w for w in c.warnings)
        return
    assert c.pdf is not None and c.pdf.parent == tmp_path / "wd" and c.pages == 1
    rendered = pypdf.PdfReader(c.pdf).pages[0].extract_text()
    assert "KWRU-2026-001" in rendered and "geïsoleerde" in rendered


def test_xxe_is_never_resolved(tmp_path: Path) -> None:
    c = convert(CORPUS / "docx" / "poi__ExternalEntityInText.docx", tmp_path / "wd")
    assert c.text.startswith("Here should not be the POI web site")
    assert "Apache" not in c.text and "<html" not in c.text.lower()
    assert c.pdf is None and any("XXE" in w for w in c.warnings)


def test_zip_bomb_is_refused_quickly(tmp_path: Path) -> None:
    src = tmp_path / "bom.docx"
    with zipfile.ZipFile(_letter(tmp_path / "basis.docx")) as base, \
            zipfile.ZipFile(src, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in base.infolist():
            if item.filename != "word/document.xml":
                bomb.writestr(item, base.read(item))
        with bomb.open("word/document.xml", "w", force_zip64=True) as f:
            chunk = b"<!-- " + b"0" * (1024 * 1024) + b" -->"
            for _ in range(200):  # 200 MB of XML, ~200 KB compressed
                f.write(chunk)
    assert src.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(Unreadable) as err:
        convert(src, tmp_path / "wd")
    assert "zip bomb" in err.value.reason


def test_damaged_and_encrypted_word_files(tmp_path: Path) -> None:
    good = _letter(tmp_path / "goed.docx").read_bytes()
    cut = tmp_path / "afgebroken.docx"
    cut.write_bytes(good[: len(good) // 2])
    with pytest.raises(Unreadable) as err:
        convert(cut, tmp_path / "wd1")
    assert "beschadigd" in err.value.reason
    with pytest.raises(Unreadable) as err:
        convert(CORPUS / "docx" / "poi__bug53475-password-is-pass.docx", tmp_path / "wd2")
    assert "wachtwoord" in err.value.reason
    # A macro document and a template are still Word documents: read their text.
    c = convert(CORPUS / "docx" / "poi__SimpleMacro.docm", tmp_path / "wd3")
    assert "This is a macro word processing document" in c.text


def test_without_libreoffice_the_text_still_comes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # a machine where LibreOffice is not installed
    c = convert(_letter(tmp_path / "brief.docx"), tmp_path / "wd")
    assert "Dak repareren\t2 mei 2026" in c.text
    assert c.pdf is None and c.pages == 0
    assert any("LibreOffice is niet geïnstalleerd" in w for w in c.warnings)
