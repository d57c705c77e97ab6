"""Open any PDF we receive (encrypted, damaged, junk before the header), read its text layer and
find the pages that are scans without text.

Text extraction: pypdfium2. Measured on generated text PDFs (bench/bench_text.py, warm process,
text of every page of a 50-page letter): pypdfium2 0.4-0.5 ms/page, pypdf ~4 ms/page (9-10x),
pdfplumber 31-34 ms/page (75-85x, and ~170 MB). Whole convert() of a 5-page letter (qpdf open,
pypdfium2 text, copy) 4.5 ms against 14 ms for a `pdftotext` process. pdfplumber only pays off
where character positions matter, which they do not here; pypdfium2 also reads skewed OCR
layers in the right line order (FACTS.md). pdfium is not thread-safe: calls go through `LOCK`.

Opening: pikepdf (qpdf) first, because it tells a user password (unreadable) from an empty
user password or an owner-only password (readable: we save a decrypted copy, so the bundle
tools never meet the encryption), and it repairs broken xref tables; pdfium is more lenient
with some damage, so it gets the last word.
"""

from __future__ import annotations

import logging
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import Unreadable

log = logging.getLogger(__name__)

LOCK = threading.RLock()  # pdfium must never run in two threads at once
MIN_PAGE_CHARS = 20  # fewer visible characters than this on a page with an image: a scan
MAX_PAGES = 2000

ENCRYPTED = ("De PDF is beveiligd met een wachtwoord en kan zonder dat wachtwoord niet worden "
             "geopend (encrypted with a user password). Vraag de afzender om een versie zonder "
             "wachtwoord.")


@dataclass
class PdfText:
    """A readable PDF and the text of each page."""

    path: Path  # the PDF to keep: the received file, or a decrypted/repaired copy in workdir
    texts: list[str]
    scan_pages: list[int]  # 0-based pages with an image and (almost) no text: OCR them
    warnings: list[str] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return len(self.texts)


def _damaged(detail: str) -> Unreadable:
    return Unreadable(f"De PDF is beschadigd en kon niet worden hersteld (damaged PDF: {detail}).")


def _open_with_qpdf(src: Path, workdir: Path) -> tuple[Path, list[str]]:
    """A PDF pdfium can read without a password; decrypts or repairs into workdir if needed."""
    warnings: list[str] = []
    try:
        with pikepdf.open(src) as pdf:
            repaired = any("damaged" in w or "xref" in w or "startxref" in w
                           for w in pdf.get_warnings())
            if pdf.is_encrypted or repaired:
                out = workdir / ("ontsleuteld.pdf" if pdf.is_encrypted else "hersteld.pdf")
                # Saving without `encryption=` drops the encryption; qpdf writes a clean xref.
                pdf.save(out)
                warnings.append("PDF was versleuteld zonder openingswachtwoord; ontsleuteld "
                                "(decrypted, no user password)" if pdf.is_encrypted else
                                "PDF was beschadigd en is hersteld (repaired broken xref)")
                return out, warnings
    except pikepdf.PasswordError:
        raise Unreadable(ENCRYPTED) from None
    except pikepdf.PdfError as e:
        # qpdf gave up; pdfium is sometimes more lenient, so let it try the original.
        log.info("qpdf could not open %s: %s", src, e)
        return src, ["qpdf: " + str(e).replace(f"{src}: ", "").replace(str(src), src.name)]
    return src, warnings


def _page_text(page: pdfium.PdfPage) -> str:
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
    finally:
        textpage.close()
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def _has_image(page: pdfium.PdfPage) -> bool:
    for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
        return True
    return False


def read_pdf(src: Path, workdir: Path) -> PdfText:
    """Open `src`, decrypting or repairing into `workdir`; the text of every page.

    Raises Unreadable for a user password or damage that neither qpdf nor pdfium can read.
    """
    path, warnings = _open_with_qpdf(src, workdir)
    qpdf_failed = bool(warnings) and warnings[0].startswith("qpdf:")
    if qpdf_failed:
        detail = warnings.pop()[len("qpdf: "):]
    with LOCK:
        try:
            doc = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError as e:
            if "password" in str(e).lower():
                raise Unreadable(ENCRYPTED) from None
            raise _damaged(detail if qpdf_failed else str(e)) from None
        try:
            n = len(doc)
            if n == 0:
                raise _damaged("geen pagina's (no pages)")
            if n > MAX_PAGES:
                raise Unreadable(f"De PDF heeft {n} pagina's; meer dan {MAX_PAGES} wordt niet "
                                 "gelezen (too many pages).")
            texts: list[str] = []
            scans: list[int] = []
            for i in range(n):
                page = doc[i]
                try:
                    text = _page_text(page)
                    texts.append(text)
                    if len("".join(text.split())) < MIN_PAGE_CHARS and _has_image(page):
                        scans.append(i)
                finally:
                    page.close()
        finally:
            doc.close()
    if qpdf_failed:
        warnings.append(f"PDF is beschadigd; gelezen zonder herstel ({detail})")
    return PdfText(path=path, texts=texts, scan_pages=scans, warnings=warnings)


def page_texts(path: Path) -> list[str]:
    """The text layer of every page (for an OCR'd result)."""
    with LOCK:
        doc = pdfium.PdfDocument(str(path))
        try:
            out = []
            for i in range(len(doc)):
                page = doc[i]
                try:
                    out.append(_page_text(page))
                finally:
                    page.close()
            return out
        finally:
            doc.close()


def page_count(path: Path) -> int:
    with LOCK:
        doc = pdfium.PdfDocument(str(path))
        try:
            return len(doc)
        finally:
            doc.close()


def keep_copy(pdf: Path, workdir: Path, name: str = "document.pdf") -> Path:
    """The PDF for the dossier, inside workdir (the received file is never touched)."""
    out = workdir / name
    if pdf.resolve() != out.resolve():
        shutil.copyfile(pdf, out)
    return out


def merge(parts: list[Path], out: Path) -> None:
    """One PDF from several (OCR'd pages of a multi-page TIFF)."""
    sources = [pikepdf.open(p) for p in parts]
    try:  # the sources must stay open until the merged file is saved
        with pikepdf.new() as merged:
            for src in sources:
                merged.pages.extend(src.pages)
            merged.save(out)
    finally:
        for src in sources:
            src.close()
