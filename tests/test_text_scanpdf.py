"""Scanned PDFs of plain one-image pages go straight to tesseract (pipeline/text/scanpdf.py);
everything else still goes through OCRmyPDF.

Real tesseract (nld); about eight OCR'd pages in all.
"""

from __future__ import annotations

import io
from pathlib import Path

import img2pdf
import pypdf
import pytest
from PIL import Image

from bench.bench_text import LETTER_FACTS, save_image, scan_images, scan_pdf, text_pdf
from pipeline.text import convert, ocr, scanpdf
from pipeline.text import pdf as pdfs

CORPUS = Path("/work/shared/corpus/real-world/pdf")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[Image.Image]:
    """A two-page letter scanned at 300 dpi, turned 1.5 degrees, with scanner noise."""
    tmp = tmp_path_factory.mktemp("scan")
    return scan_images(text_pdf(tmp / "brief.pdf", 2))


@pytest.fixture
def no_ocrmypdf(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> list[str]:
        raise AssertionError("went through OCRmyPDF instead of the direct route")

    monkeypatch.setattr(ocr, "_ocrmypdf", refuse)


def _facts_in(text: str) -> None:
    for fact in LETTER_FACTS:
        assert fact in text, f"{fact!r} not read exactly"


def _sizes(pdf: Path) -> list[tuple[float, float]]:
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in pypdf.PdfReader(pdf).pages]


def _same_size(result: Path, original: Path) -> None:
    got, want = _sizes(result), _sizes(original)
    assert len(got) == len(want)
    for (w1, h1), (w2, h2) in zip(got, want, strict=True):
        assert abs(w1 - w2) <= 1 and abs(h1 - h2) <= 1, (got, want)


def _pypdf_pages(pdf: Path) -> list[str]:
    return [p.extract_text() or "" for p in pypdf.PdfReader(pdf).pages]


def _plan(src: Path, tmp: Path) -> list[scanpdf.PageImage] | None:
    doc = pdfs.read_pdf(src, tmp)
    return scanpdf.plan(doc.path, doc.texts, limit=ocr.MAX_OCR_PAGES)


def test_one_page_jpeg_scan_takes_the_direct_route(tmp_path: Path, pages: list[Image.Image],
                                                   no_ocrmypdf: None) -> None:
    src = scan_pdf(pages[:1], tmp_path / "scan.pdf")
    plan = _plan(src, tmp_path)
    assert plan and plan[0].kind == "jpeg" and plan[0].dpi == 300
    (tmp_path / "wd0").mkdir()
    result = ocr.ocr_pdf(pdfs.read_pdf(src, tmp_path / "wd0"), tmp_path / "wd0")
    assert result.route == "tesseract"
    c = convert(src, tmp_path / "wd")
    assert c.ocr and c.source_type == "scan" and c.pages == 1
    _facts_in(c.text)
    _facts_in(_pypdf_pages(c.pdf)[0])
    _same_size(c.pdf, src)
    assert c.pdf == tmp_path / "wd" / "document.pdf"
    assert not (tmp_path / "wd" / "ocr-pagina").exists()  # page images cleaned up


def test_two_page_scan(tmp_path: Path, pages: list[Image.Image], no_ocrmypdf: None) -> None:
    src = scan_pdf(pages, tmp_path / "twee.pdf")
    c = convert(src, tmp_path / "wd")
    assert c.pages == 2 and c.text.count("\f") == 1
    for part in c.text.split("\f"):
        _facts_in(part)
    for part in _pypdf_pages(c.pdf):
        assert "Vries-Bakker" in part
    _same_size(c.pdf, src)


def test_flate_image_at_an_odd_dpi_keeps_the_page_size(tmp_path: Path, pages: list[Image.Image],
                                                       no_ocrmypdf: None) -> None:
    """A PNG (Flate) page whose size gives 300.4 dpi: tesseract gets 300, the page is scaled back."""
    png = io.BytesIO()
    pages[0].save(png, "PNG")
    size = (img2pdf.in_to_pt(pages[0].width / 300.4), img2pdf.in_to_pt(pages[0].height / 300.4))
    src = tmp_path / "flate.pdf"
    src.write_bytes(img2pdf.convert(png.getvalue(), layout_fun=img2pdf.get_layout_fun(size)))
    plan = _plan(src, tmp_path)
    assert plan and plan[0].kind == "raw"
    c = convert(src, tmp_path / "wd")
    _facts_in(c.text)
    _facts_in(_pypdf_pages(c.pdf)[0])
    (w1, h1), (w2, h2) = _sizes(c.pdf)[0], _sizes(src)[0]
    assert abs(w1 - w2) < 0.05 and abs(h1 - h2) < 0.05


def test_upside_down_scan_is_turned(tmp_path: Path, pages: list[Image.Image], no_ocrmypdf: None) -> None:
    src = scan_pdf([pages[0].rotate(180)], tmp_path / "ondersteboven.pdf")
    c = convert(src, tmp_path / "wd")
    _facts_in(c.text)
    assert any("gedraaid" in w for w in c.warnings)
    _same_size(c.pdf, src)


def test_ccitt_and_jbig2_keep_ocrmypdf(tmp_path: Path) -> None:
    ccitt = CORPUS / "pypdf__imagemagick-CCITTFaxDecode.pdf"
    jbig2 = CORPUS / "pypdf__Seige_of_Vicksburg_Sample_OCR.pdf"  # JBIG2/JPX pages
    if not ccitt.exists() or not jbig2.exists():
        pytest.skip("shared corpus not available")
    assert _plan(ccitt, tmp_path) is None
    assert _plan(jbig2, tmp_path) is None
    doc = pdfs.read_pdf(jbig2, tmp_path)
    assert scanpdf.plan(doc.path, [""] * doc.pages, limit=50) is None  # not only for its text layer
    (tmp_path / "wd").mkdir()
    doc = pdfs.read_pdf(ccitt, tmp_path / "wd")
    assert ocr.ocr_pdf(doc, tmp_path / "wd").route == "ocrmypdf"


def test_text_layer_or_partial_image_keeps_ocrmypdf(tmp_path: Path, pages: list[Image.Image]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    jpg = save_image(pages[0], tmp_path / "scan.jpg")
    stamped = tmp_path / "gestempeld.pdf"
    c = canvas.Canvas(str(stamped), pagesize=A4)
    c.drawImage(str(jpg), 0, 0, width=A4[0], height=A4[1])
    c.setFont("Helvetica", 7)
    c.drawString(450, 820, "Ontv. 12-03-2026")
    c.showPage()
    c.save()
    assert _plan(stamped, tmp_path) is None
    assert scanpdf.plan(stamped, [""], limit=50) is None  # the text operators alone decide too

    half = tmp_path / "half.pdf"
    c = canvas.Canvas(str(half), pagesize=A4)
    c.drawImage(str(jpg), 0, 0, width=A4[0] / 2, height=A4[1] / 2)
    c.showPage()
    c.save()
    assert _plan(half, tmp_path) is None

    two = scan_pdf(pages, tmp_path / "twee.pdf")
    assert _plan(two, tmp_path)
    assert scanpdf.plan(two, ["", ""], limit=1) is None  # more pages than the limit


def test_failure_on_the_direct_route_falls_back(tmp_path: Path, pages: list[Image.Image],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise scanpdf.NotPlain("test")

    monkeypatch.setattr(scanpdf, "extract", broken)
    src = scan_pdf(pages[:1], tmp_path / "scan.pdf")
    (tmp_path / "wd").mkdir()
    doc = pdfs.read_pdf(src, tmp_path / "wd")
    result = ocr.ocr_pdf(doc, tmp_path / "wd")
    assert result.route == "ocrmypdf"
    _facts_in(result.texts[0])
