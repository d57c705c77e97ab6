"""Scans and photos become searchable PDFs whose text has the facts a secretary checks.

Real tesseract (nld) and OCRmyPDF; about ten OCR'd pages in all, so this file takes ~30 s.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from bench.bench_text import LETTER_FACTS, save_image, save_tiff, scan_images, scan_pdf, text_pdf
from pipeline.text import convert


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Image.Image:
    """One letter scanned at 300 dpi, turned 1.5 degrees, with scanner noise."""
    tmp = tmp_path_factory.mktemp("scan")
    return scan_images(text_pdf(tmp / "brief.pdf"))[0]


def _facts_in(text: str) -> None:
    for fact in LETTER_FACTS:
        assert fact in text, f"{fact!r} not read exactly"


def _searchable(pdf: Path) -> str:
    text = "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(pdf).pages)
    assert "Vries-Bakker" in text, "the PDF has no usable text layer"
    return text


def _upright(pdf: Path) -> bool:
    box = pypdf.PdfReader(pdf).pages[0]
    width, height = float(box.mediabox.width), float(box.mediabox.height)
    if (box.get("/Rotate") or 0) % 180:
        width, height = height, width
    return height > width


def test_scanned_pdf_is_ocrd_in_place(tmp_path: Path, page: Image.Image) -> None:
    src = scan_pdf([page], tmp_path / "scan.pdf")
    c = convert(src, tmp_path / "wd")
    assert c.ocr and c.source_type == "scan" and c.pages == 1
    _facts_in(c.text)
    _searchable(c.pdf)
    assert c.pdf.parent == tmp_path / "wd"


def test_png_without_dpi(tmp_path: Path, page: Image.Image) -> None:
    src = tmp_path / "zonder-dpi.png"
    page.save(src)  # no pHYs chunk: no DPI at all
    assert "dpi" not in Image.open(src).info
    c = convert(src, tmp_path / "wd")
    assert c.ocr and c.source_type == "image"
    _facts_in(c.text)
    _searchable(c.pdf)
    box = pypdf.PdfReader(c.pdf).pages[0].mediabox
    assert 500 < float(box.width) < 700  # an A4-sized page (595 pt), not 2481 pt wide


def test_phone_photo_with_exif_rotation(tmp_path: Path, page: Image.Image) -> None:
    """A phone stores the photo sideways and says so in EXIF; the PDF must be upright."""
    photo = page.convert("RGB").resize((page.width * 3 // 4, page.height * 3 // 4))
    sideways = photo.rotate(90, expand=True)  # as the sensor saw it
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90 CW to display
    exif[0x010F] = "Samsung"
    src = tmp_path / "IMG_20260312_101500.jpg"
    sideways.save(src, quality=88, exif=exif, dpi=(72, 72))  # cameras claim 72 dpi
    c = convert(src, tmp_path / "wd")
    _facts_in(c.text)
    _searchable(c.pdf)
    assert _upright(c.pdf)


def test_upside_down_scan_is_turned(tmp_path: Path, page: Image.Image) -> None:
    src = save_image(page.rotate(180), tmp_path / "ondersteboven.jpg")
    c = convert(src, tmp_path / "wd")
    _facts_in(c.text)
    _searchable(c.pdf)
    assert any("gedraaid" in w for w in c.warnings)


def test_multipage_tiff_and_mixed_pdf(tmp_path: Path, page: Image.Image) -> None:
    """Two scanned pages in one TIFF; and a PDF whose first page has text and second is a scan."""
    tif = save_tiff([page, page.rotate(-1)], tmp_path / "twee.tif")
    c = convert(tif, tmp_path / "wd-tif")
    assert c.pages == 2 and c.text.count("\f") == 1
    for part in c.text.split("\f"):
        _facts_in(part)
    assert len(pypdf.PdfReader(c.pdf).pages) == 2

    digital = text_pdf(tmp_path / "digitaal.pdf", lines=["Reactie van Mitros op de klacht KWRU-2026-001"])
    scanned = scan_pdf([page], tmp_path / "gescand.pdf")
    mixed = pypdf.PdfWriter()
    for part in (digital, scanned):
        mixed.append(str(part))
    buf = io.BytesIO()
    mixed.write(buf)
    src = tmp_path / "gemengd.pdf"
    src.write_bytes(buf.getvalue())
    c = convert(src, tmp_path / "wd-mixed")
    first, second = c.text.split("\f")
    assert "Reactie van Mitros op de klacht KWRU-2026-001" in first  # the text page kept as it was
    _facts_in(second)
    assert c.ocr and c.pages == 2


def test_photo_without_text_still_converts(tmp_path: Path) -> None:
    """A photo of a damp wall is evidence too: a PDF without text, no error."""
    img = Image.radial_gradient("L").resize((1200, 900)).convert("RGB")
    src = tmp_path / "muur.jpg"
    img.save(src, quality=85)
    c = convert(src, tmp_path / "wd")
    assert c.pdf is not None and c.pages == 1 and c.ocr
    assert len(pypdf.PdfReader(c.pdf).pages) == 1


def test_skewed_scan_is_straightened(tmp_path: Path) -> None:
    src_pdf = text_pdf(tmp_path / "brief.pdf")
    skewed = scan_images(src_pdf, angle=4.0, seed=3)[0]
    c = convert(save_image(skewed, tmp_path / "scheef.jpg"), tmp_path / "wd")
    _facts_in(c.text)
    assert any("scheef" in w for w in c.warnings)


def test_scan_with_a_tiny_text_stamp_is_still_ocrd(tmp_path: Path, page: Image.Image) -> None:
    """A scanner that stamps 'Ontv. 12-03-2026' as text: the page has text, yet needs OCR."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    jpg = save_image(page, tmp_path / "scan.jpg")
    src = tmp_path / "gestempeld.pdf"
    c = canvas.Canvas(str(src), pagesize=A4)
    c.drawImage(str(jpg), 0, 0, width=A4[0], height=A4[1])
    c.setFont("Helvetica", 7)
    c.drawString(450, 820, "Ontv. 12-03-2026")
    c.showPage()
    c.save()
    conv = convert(src, tmp_path / "wd")
    assert conv.ocr
    _facts_in(conv.text)
    assert "Ontv. 12-03-2026" in conv.text  # the stamp's own text is kept


def test_fast_rasteriser_plugin_is_active() -> None:
    """Fails when an OCRmyPDF upgrade removed the helpers it reuses (then OCR still works,
    through OCRmyPDF's own slower rasteriser; see pipeline/text/ocrmypdf_raster.py)."""
    from pipeline.text import ocr, ocrmypdf_raster

    assert ocrmypdf_raster.AVAILABLE and ocr.RASTER_PLUGIN
