"""OCR (Dutch): scanned PDF pages through OCRmyPDF, images straight through tesseract.

Why two routes. The target is a one-page 300 dpi scan in at most 1.5x the time of plain
`tesseract img out -l nld pdf`. Measured here (warm process, OMP_THREAD_LIMIT=1, bench/bench_text.py):
plain tesseract 0.5 s (JPEG) / 1.15 s (PNG); OCRmyPDF 1.4 s for either. OCRmyPDF's extra time
for an image: img2pdf wraps it into a PDF (0.1 s), pypdfium2 renders that page back to a PNG
(0.1 s) and encodes it (0.65 s for a noisy page: the biggest item), the hOCR is rendered into a
text layer with fpdf2 and grafted (0.15 s warm, 0.6 s on the first call), plus 0.6 s of imports in
a fresh process. `--rotate-pages` adds an OSD pass (+0.7 s), `--deskew` +1.3 s; `--optimize 0`
saves 0.1 s; Ghostscript as rasteriser doubles the render time. None of the options removes the
render-and-encode round trip, so a single image can only meet the target by handing the file to
tesseract directly, which makes the PDF and the text in one pass: 0.53 s against 0.52 s on a
quiet machine (ratio 1.0); 0.9-1.2 under load from other jobs.
Orientation and skew are then checked from that same pass (tesseract.py) and corrected only
for pages that need it.

Scanned PDFs whose every page is just one full-page JPEG or plain 8-bit image (what scanners
and img2pdf write) take the image route too: scanpdf.py takes the JPEG out of the PDF as it is and
gives tesseract the DPI that keeps the page size (2.0x -> 1.01x plain tesseract, one page).
All other scanned PDFs keep OCRmyPDF: it grafts the text layer onto the original page (no re-encoding of
the scan), handles /Rotate, crop boxes and mixed pages, and OCRs only the pages without text.
Options: output_type pdf, optimize 0, no linearising, no --rotate-pages/--deskew on the first
pass (a cheap check on the result decides whether a second, careful pass is needed), and a
rasteriser plugin that saves the page image with fast PNG compression (ocrmypdf_raster.py:
1-page scan 1.85 -> 1.3 s, 5 pages 12.5 -> 8.8 s on the loaded test machine). Still ~2.5x
plain tesseract for a one-page scanned PDF: the page must be rendered before tesseract can read
it. jobs=2 for more than one page (5 pages: ~1.4 s/page with jobs=1, ~0.85 s/page with 2).
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from ..errors import NotPlain, OcrFailed, OcrmypdfFailed, Unreadable
from . import image as images
from . import pdf as pdfs
from . import scanpdf, tesseract

log = logging.getLogger(__name__)

MAX_OCR_PAGES = 50  # per document; the rest stays image-only (the original is always kept)
JOBS = 2  # the machine has 2 cores; tesseract itself runs single-threaded
LOW_CONFIDENCE = 60.0  # mean word confidence of an upright typed page is 85-96
MIN_WORDS_FOR_CHECKS = 15  # photos of a wall or a logo give a few junk words: no checks then
DESKEW_ABOVE = 2.0  # degrees; tesseract copes with less, and rotating costs a re-encode
PDF_PAGE_TIMEOUT = tesseract.PAGE_TIMEOUT
RASTER_PLUGIN = "pipeline.text.ocrmypdf_raster"  # faster page rendering for OCRmyPDF; None: its own


@dataclass
class OcrResult:
    pdf: Path
    texts: list[str]  # per page
    warnings: list[str] = field(default_factory=list)
    route: str = "tesseract"  # "tesseract": pages straight to tesseract; "ocrmypdf"


# --- images: tesseract directly --------------------------------------------------------------

def _dpi_of(path: Path) -> int:
    with Image.open(path) as img:
        return images.page_dpi(img)[0]


def _ocr_frame(frame: images.Frame, workdir: Path, n: int) -> tuple[tesseract.PageOcr, list[str]]:
    notes: list[str] = []
    stem = workdir / f"ocr-{n:03d}"
    best = tesseract.ocr_page(frame.path, stem, dpi=frame.dpi)
    dpi = frame.dpi or _dpi_of(frame.path)
    if best.words >= MIN_WORDS_FOR_CHECKS and best.confidence < LOW_CONFIDENCE:
        # Junk with low confidence: most likely the page lies sideways or upside down.
        orient = tesseract.orientation(frame.path, dpi=frame.dpi)
        if orient and orient.rotate and orient.confidence >= 1.0:
            turned = images.rotated(frame, -orient.rotate, workdir / f"gedraaid-{n:03d}", dpi=dpi)
            again = tesseract.ocr_page(turned.path, workdir / f"ocr-{n:03d}-gedraaid")
            if again.confidence > best.confidence:
                best, frame = again, turned
                notes.append(f"pagina {n} stond {orient.rotate}° gedraaid en is rechtgezet")
    if best.words >= MIN_WORDS_FOR_CHECKS and best.skew is not None and abs(best.skew) > DESKEW_ABOVE:
        straight = images.rotated(frame, best.skew, workdir / f"recht-{n:03d}", dpi=dpi)
        again = tesseract.ocr_page(straight.path, workdir / f"ocr-{n:03d}-recht")
        if again.confidence >= best.confidence - 0.5:
            notes.append(f"pagina {n} stond {abs(best.skew):.1f}° scheef en is rechtgezet")
            best = again
    return best, notes


def _ocr_one(frame: images.Frame, src: Path, workdir: Path, n: int) -> tuple[tesseract.PageOcr, list[str]]:
    try:
        return _ocr_frame(frame, workdir, n)
    except OcrFailed as first:
        if frame.path != src:
            raise Unreadable(f"De afbeelding kon niet worden gelezen (OCR failed: {first}).") from None
        # The file as received confused leptonica: retry with a normalised copy.
        copy = images.frames(src, workdir, limit=1, rewrite=True)[0][0]
        try:
            return _ocr_frame(copy, workdir, n)
        except OcrFailed as e:
            raise Unreadable(f"De afbeelding kon niet worden gelezen (OCR failed: {e}).") from None


def _image_only_pages(src: Path, start: int, out: Path) -> None:
    """Pages beyond the OCR limit, kept as pictures without text."""
    with Image.open(src) as img:
        pages = []
        for i in range(start, getattr(img, "n_frames", 1)):
            img.seek(i)
            pages.append(img.convert("L") if img.mode not in ("1", "L", "RGB") else img.copy())
        pages[0].save(out, save_all=True, append_images=pages[1:], resolution=images.page_dpi(pages[0])[0])


def ocr_image(src: Path, workdir: Path) -> OcrResult:
    """A searchable PDF and the text of an image file (JPEG, PNG, TIFF with one or more pages)."""
    if not tesseract.available():
        raise Unreadable("Tekstherkenning (tesseract) is niet geïnstalleerd, dus een scan of foto "
                         "kan niet worden gelezen (install tesseract-ocr-nld).")
    frames, total = images.frames(src, workdir, limit=MAX_OCR_PAGES)
    warnings: list[str] = []
    if len(frames) == 1:
        results = [_ocr_one(frames[0], src, workdir, 1)]
    else:
        with ThreadPoolExecutor(JOBS) as pool:
            results = list(pool.map(lambda nf: _ocr_one(nf[1], src, workdir, nf[0] + 1), enumerate(frames)))
    for _, notes in results:
        warnings += notes
    parts = [r.pdf for r, _ in results]
    if total > len(frames):
        rest = workdir / "zonder-ocr.pdf"
        _image_only_pages(src, len(frames), rest)
        parts.append(rest)
        warnings.append(f"alleen de eerste {MAX_OCR_PAGES} van {total} pagina's zijn herkend (OCR)")
    out = workdir / "document.pdf"
    if len(parts) == 1:
        os.replace(parts[0], out)
    else:
        pdfs.merge(parts, out)
    texts = [r.text for r, _ in results] + [""] * (total - len(frames))  # one entry per PDF page
    if not any(t.strip() for t in texts):
        warnings.append("geen tekst herkend in de afbeelding (no text found)")
    return OcrResult(out, texts, warnings)


# --- scanned PDFs: OCRmyPDF --------------------------------------------------------------------

_WORDLIKE = re.compile(r"[A-ZÀ-Ý]?[a-zß-ÿ]+(?:-[a-zß-ÿ]+)*|[A-ZÀ-Ý]{2,}|\d+(?:[.,:/-]\d+)*")
_STRIP = ".,;:!?()[]\"'«»„“”‘’"


def looks_garbled(text: str) -> bool:
    """True for OCR junk from a page that lies sideways or upside down.

    Upright Dutch text has ~90 % ordinary words (lower case, capitalised, all caps, numbers);
    an upside-down page reads as mixed-case junk like 'eUUÊ 3U2eN aISSILWWOI' (< 50 %).
    """
    tokens = [t.strip(_STRIP) for t in text.split()]
    tokens = [t for t in tokens if len(t) >= 2]
    if len(tokens) < MIN_WORDS_FOR_CHECKS:
        return False
    good = sum(1 for t in tokens if _WORDLIKE.fullmatch(t))
    return good / len(tokens) < 0.55


class _Collect(logging.Handler):
    """OCRmyPDF's warnings go into Converted.warnings instead of stderr."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        msg = record.getMessage().strip()
        if msg and msg not in self.messages and not msg.startswith(_NOISE):
            self.messages.append(msg)


# OCRmyPDF warnings that say nothing to a secretary (we keep the original file anyway).
_NOISE = ("The input's creation date has no time zone", "This PDF contains structural markup",
          "This PDF has a digital signature", "This PDF is digitally signed")


def _ocrmypdf(src: Path, out: Path, pages: list[int], *, careful: bool, mode: str) -> list[str]:
    import ocrmypdf
    from ocrmypdf.exceptions import ExitCodeException

    os.environ["OMP_THREAD_LIMIT"] = "1"  # OCRmyPDF passes this on to tesseract
    collect = _Collect()
    logger = logging.getLogger("ocrmypdf")
    logger.addHandler(collect)
    # OCRmyPDF 17's (disabled) rich progress bar leaves sys.stderr replaced by a StringIO: all
    # later error output of kwru would vanish. Put the real streams back afterwards.
    streams = sys.stdout, sys.stderr
    try:
        ocrmypdf.ocr(
            src, out,
            language=["nld"],
            output_type="pdf",  # Debian 12's Ghostscript is blocklisted for PDF/A
            pages=",".join(str(p + 1) for p in pages),
            # Only `pages` are touched. "skip": they have no text at all. "redo": some of them
            # carry a little text (a scanner's stamp, a page number) that would make OCRmyPDF
            # skip the page; redo keeps that visible text and OCRs the rest of the page.
            mode=mode,
            jobs=JOBS if len(pages) > 1 else 1,
            optimize=0,  # the original is kept; optimising costs time for little gain
            fast_web_view=1_000_000,  # MB threshold: never linearise
            tesseract_timeout=PDF_PAGE_TIMEOUT,
            invalidate_digital_signatures=True,  # the signed original stays in originals/
            tagged_pdf_mode="ignore",  # tagged (Word-made) PDFs with a scanned page: still OCR it
            rotate_pages=careful,
            deskew=careful,
            progress_bar=False,
            plugins=[RASTER_PLUGIN] if RASTER_PLUGIN else None,
        )
    except ExitCodeException as e:
        raise OcrmypdfFailed(f"{type(e).__name__}: {e}".strip()) from None
    except Exception as e:
        if e.__traceback__ is not None and e.__traceback__.tb_next is None:
            raise  # raised by the call itself (a wrong option): our bug, not the file's
        # A page OCRmyPDF cannot handle (pikepdf, Pillow or pdfium errors inside it): the PDF
        # itself was readable, so it is kept without a text layer for that run.
        raise OcrmypdfFailed(f"{type(e).__name__}: {e}".strip()) from None
    finally:
        logger.removeHandler(collect)
        sys.stdout, sys.stderr = streams
    return collect.messages


def _ocr_pdf_direct(doc: pdfs.PdfText, workdir: Path) -> OcrResult | None:
    """A PDF of plain one-image scan pages, OCR'd like image files (scanpdf.py); None: not such a
    PDF, or this route failed (then OCRmyPDF takes it, as for any other scanned PDF)."""
    if not tesseract.available() or len(doc.scan_pages) != doc.pages:
        return None
    tmp = workdir / "ocr-pagina"
    try:
        pages = scanpdf.plan(doc.path, doc.texts, limit=MAX_OCR_PAGES)
        if pages is None:
            return None
        tmp.mkdir(parents=True, exist_ok=True)
        frames = scanpdf.extract(doc.path, pages, tmp)
        if len(frames) == 1:
            results = [_ocr_frame(frames[0], tmp, 1)]
        else:
            with ThreadPoolExecutor(JOBS) as pool:
                results = list(pool.map(lambda nf: _ocr_frame(nf[1], tmp, nf[0] + 1), enumerate(frames)))
        out = workdir / "document.pdf"
        scanpdf.assemble([r.pdf for r, _ in results], pages, out)
    except Exception as e:
        from .convert import _is_our_bug, _strict

        expected = (OcrFailed, Unreadable, NotPlain)
        if _strict() and _is_our_bug(e) and not isinstance(e, expected):
            raise  # a bug of ours: tests must see it
        log.warning("direct OCR of scanned PDF %s failed, using OCRmyPDF: %s: %s", doc.path.name,
                    type(e).__name__, e)
        return None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    warnings = [note for _, notes in results for note in notes]
    return OcrResult(out, [r.text for r, _ in results], warnings, route="tesseract")


def ocr_pdf(doc: pdfs.PdfText, workdir: Path) -> OcrResult:
    """OCR the scanned pages of `doc`; pages with text are left as they are."""
    direct = _ocr_pdf_direct(doc, workdir)
    if direct is not None:
        return direct
    pages = doc.scan_pages[:MAX_OCR_PAGES]
    warnings: list[str] = []
    if len(doc.scan_pages) > MAX_OCR_PAGES:
        warnings.append(f"alleen de eerste {MAX_OCR_PAGES} van {len(doc.scan_pages)} gescande "
                        "pagina's zijn herkend (OCR)")
    out = workdir / "document.pdf"
    mode = "redo" if any(doc.texts[p].strip() for p in pages) else "skip"
    try:
        try:
            warnings += _ocrmypdf(doc.path, out, pages, careful=False, mode=mode)
        except OcrmypdfFailed:
            if mode == "skip":
                raise
            mode = "skip"  # redo is pickier about odd text layers; OCR the empty pages at least
            warnings += _ocrmypdf(doc.path, out, pages, careful=False, mode=mode)
        texts = pdfs.page_texts(out)
        bad = [p for p in pages if looks_garbled(texts[p])]
        if bad:
            # Cheap check said some pages lie sideways or upside down: once more with OCRmyPDF's
            # orientation detection and deskew, and keep whichever reads better.
            retry = workdir / "document-gedraaid.pdf"
            more = _ocrmypdf(doc.path, retry, pages, careful=True, mode=mode)
            texts2 = pdfs.page_texts(retry)
            if sum(looks_garbled(texts2[p]) for p in pages) < len(bad):
                os.replace(retry, out)
                texts = texts2
                warnings += more
                warnings.append("gedraaide of scheve pagina's zijn rechtgezet")
    except OcrmypdfFailed as e:
        warnings.append(f"tekstherkenning (OCR) mislukt; de PDF is zonder herkende tekst bewaard ({e})")
        return OcrResult(pdfs.keep_copy(doc.path, workdir), list(doc.texts), warnings, route="ocrmypdf")
    return OcrResult(out, texts, warnings, route="ocrmypdf")
