"""Fast route for the common scanned PDF: every page is one full-page JPEG (or plain 8-bit) image.

Why. OCRmyPDF must render each page back to a bitmap and encode it before tesseract can read it;
for a one-page 300 dpi scan that made convert() take 2.0x the time of plain
`OMP_THREAD_LIMIT=1 tesseract img out -l nld pdf` on the same JPEG (1.05 s against 0.52 s,
docs/benchmarks.md), against a target of 1.5x. When a page is nothing but one image covering it,
that image *is* the page: its JPEG bytes are taken out of the PDF as they are (no render, no
re-encoding) and handed to tesseract with the DPI that makes tesseract's page exactly as big as
the original page. tesseract then writes the PDF (embedding the same JPEG), the text and the
hOCR in one pass, exactly as for an image file (ocr.py: including the conditional turn/deskew
checks and 2 workers for more pages). Measured (bench/bench_text.py, same run, warm process):
one-page scan 0.524 s against 0.52 s plain tesseract (1.01x; OCRmyPDF route on the same PDF
1.05 s, 2.01x); 5 pages with 2 workers 0.32 s/page.

Only what is certainly such a scan takes this route (`plan` returns None otherwise): at most
MAX_OCR_PAGES pages, no text at all, no annotations, no /Rotate, no crop box different from the
media box, a content stream of only q/Q/cm and one Do of an image that covers the page without
rotation or shear, and the image DCT (grey or RGB JPEG), Flate or uncompressed, 8 bits, DeviceGray
or DeviceRGB, no masks, no /Decode. Everything else (JBIG2, CCITT, JPX, CMYK, masks, vector
content, mixed pages) and any failure on this route goes through OCRmyPDF as before.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pikepdf
from PIL import Image

from ..errors import NotPlain
from . import image as images

log = logging.getLogger(__name__)

COVER_TOLERANCE = 0.01  # the image may miss the page edge by 1 % of the page size
SQUARE_TOLERANCE = 0.01  # horizontal and vertical DPI must agree within 1 %
RESIZE_LIMIT = 0.02  # tesseract's page differs more than this from the original: turned/deskewed
_ALLOWED_OPS = {"q", "Q", "cm", "Do"}
_COLOURS = {"/DeviceGray": "L", "/DeviceRGB": "RGB"}


@dataclass
class PageImage:
    number: int  # 0-based page
    box: tuple[float, float, float, float]  # the page's media box
    name: str  # XObject name on the page
    kind: str  # "jpeg" or "raw"
    dpi: int  # makes tesseract's page as wide as the original page


def _num(x: object) -> float:
    return float(Decimal(str(x))) if not isinstance(x, (int, float)) else float(x)


def _box(page: pikepdf.Page) -> tuple[float, float, float, float] | None:
    media = [_num(v) for v in page.obj.get("/MediaBox", page.mediabox)]
    crop = page.obj.get("/CropBox")
    if crop is not None and [round(_num(v), 2) for v in crop] != [round(v, 2) for v in media]:
        return None
    x0, y0, x1, y1 = media
    if x1 <= x0 or y1 <= y0:
        return None
    return x0, y0, x1, y1


def _multiply(m: list[float], n: list[float]) -> list[float]:
    """m then n (PDF: the new cm matrix m is applied before the current CTM n)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n
    return [a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F]


def _placement(page: pikepdf.Page) -> tuple[str, list[float]] | None:
    """The one image drawn on the page and its transformation matrix, or None."""
    ctm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    stack: list[list[float]] = []
    drawn: tuple[str, list[float]] | None = None
    for operands, op in pikepdf.parse_content_stream(page):
        name = str(op)
        if name not in _ALLOWED_OPS:
            return None
        if name == "q":
            stack.append(ctm)
        elif name == "Q":
            if not stack:
                return None
            ctm = stack.pop()
        elif name == "cm":
            if len(operands) != 6:
                return None
            ctm = _multiply([_num(v) for v in operands], ctm)
        else:  # Do
            if drawn is not None or len(operands) != 1:
                return None
            drawn = (str(operands[0]), ctm)
    return drawn


def _page_image(pdf_page: pikepdf.Page, n: int) -> PageImage | None:
    if pdf_page.obj.get("/Annots") or int(pdf_page.obj.get("/Rotate", 0)) % 360:
        return None
    box = _box(pdf_page)
    placed = _placement(pdf_page)
    if box is None or placed is None:
        return None
    name, (a, b, c, d, e, f) = placed
    x0, y0, x1, y1 = box
    width, height = x1 - x0, y1 - y0
    if abs(b) > 1e-6 or abs(c) > 1e-6 or a <= 0 or d <= 0:
        return None  # turned, mirrored or sheared
    tol_w, tol_h = width * COVER_TOLERANCE, height * COVER_TOLERANCE
    if abs(e - x0) > tol_w or abs(f - y0) > tol_h or abs(a - width) > tol_w or abs(d - height) > tol_h:
        return None  # does not cover the page
    xobjects = pdf_page.obj.get("/Resources", {}).get("/XObject", {})
    xobj = xobjects.get(name) if xobjects else None
    if xobj is None or xobj.get("/Subtype") != "/Image":
        return None
    if any(k in xobj for k in ("/SMask", "/Mask", "/Decode", "/SMaskInData", "/OC")) or xobj.get("/ImageMask"):
        return None
    if int(xobj.get("/BitsPerComponent", 0)) != 8:
        return None
    colour = xobj.get("/ColorSpace")
    if not isinstance(colour, pikepdf.Name) or str(colour) not in _COLOURS:
        return None
    filters = xobj.get("/Filter")
    filters = [] if filters is None else list(filters) if isinstance(filters, pikepdf.Array) else [filters]
    filters = [str(x) for x in filters]
    if filters == ["/DCTDecode"]:
        if xobj.get("/DecodeParms"):
            return None
        kind = "jpeg"
    elif filters in ([], ["/FlateDecode"]):
        kind = "raw"
    else:
        return None  # JBIG2, CCITT, JPX, LZW, chains of filters: OCRmyPDF
    px_w, px_h = int(xobj.get("/Width", 0)), int(xobj.get("/Height", 0))
    if px_w <= 0 or px_h <= 0:
        return None
    dpi_x, dpi_y = px_w * 72 / width, px_h * 72 / height
    if abs(dpi_x - dpi_y) > SQUARE_TOLERANCE * dpi_x or not images.MIN_DPI <= dpi_x <= images.MAX_DPI:
        return None
    return PageImage(n, box, name, kind, round(dpi_x))


def plan(pdf: Path, texts: list[str], *, limit: int) -> list[PageImage] | None:
    """The page images when every page of `pdf` is a plain one-image scan, else None."""
    if not texts or len(texts) > limit or any(t.strip() for t in texts):
        return None
    try:
        with pikepdf.open(pdf) as doc:
            if len(doc.pages) != len(texts):
                return None
            out = []
            for n, page in enumerate(doc.pages):
                found = _page_image(page, n)
                if found is None:
                    return None
                out.append(found)
            return out
    except (pikepdf.PdfError, ValueError, TypeError, KeyError, AttributeError) as e:
        log.info("fast scan route not possible for %s: %s", pdf.name, e)
        return None


def extract(pdf: Path, pages: list[PageImage], workdir: Path) -> list[images.Frame]:
    """Each page image as a file tesseract reads: the JPEG bytes as they are, or a PNM."""
    frames = []
    with pikepdf.open(pdf) as doc:
        for p in pages:
            xobj = doc.pages[p.number].obj["/Resources"]["/XObject"][p.name]
            stem = workdir / f"scan-{p.number + 1:03d}"
            if p.kind == "jpeg":
                path = stem.with_suffix(".jpg")
                path.write_bytes(xobj.read_raw_bytes())
                with Image.open(path) as img:  # CMYK or Adobe-transformed JPEGs: not here
                    if img.format != "JPEG" or img.mode != _COLOURS[str(xobj["/ColorSpace"])]:
                        raise NotPlain(f"page {p.number + 1}: JPEG is {img.format} {img.mode}")
                    size = img.size
            else:
                mode = _COLOURS[str(xobj["/ColorSpace"])]
                size = (int(xobj["/Width"]), int(xobj["/Height"]))
                data = xobj.read_bytes()
                img = Image.frombytes(mode, size, data)  # raises on a short stream
                # PNM: no compression to pay for; tesseract compresses it into its PDF.
                path = stem.with_suffix(".pgm" if mode == "L" else ".ppm")
                img.save(path)
            frames.append(images.Frame(path, p.dpi, size, p.kind == "jpeg"))
    return frames


def assemble(parts: list[Path], pages: list[PageImage], out: Path) -> None:
    """One PDF of tesseract's pages, each given exactly the original page's media box (except
    pages that ocr.py turned or deskewed: those keep the size of the turned image, as for images)."""
    sources = [pikepdf.open(p) for p in parts]
    try:
        with pikepdf.new() as merged:
            for src, p in zip(sources, pages, strict=True):
                merged.pages.extend(src.pages)
                page = merged.pages[-1]
                x0, y0, x1, y1 = p.box
                tx0, ty0, tx1, ty1 = (_num(v) for v in page.mediabox)
                sx, sy = (x1 - x0) / (tx1 - tx0), (y1 - y0) / (ty1 - ty0)
                if abs(sx - 1) > RESIZE_LIMIT or abs(sy - 1) > RESIZE_LIMIT:
                    continue  # a page turned or deskewed by ocr.py: its new size is right
                if abs(sx - 1) > 1e-5 or abs(sy - 1) > 1e-5 or (x0, y0) != (tx0, ty0):
                    # Integer DPI for tesseract (off by < 0.5/70 = 0.7 %): scale its page onto
                    # the original size.
                    matrix = f"q {sx:.6f} 0 0 {sy:.6f} {x0 - tx0 * sx:.4f} {y0 - ty0 * sy:.4f} cm\n"
                    page.contents_add(merged.make_stream(matrix.encode()), prepend=True)
                    page.contents_add(merged.make_stream(b"\nQ\n"), prepend=False)
                    page.obj["/MediaBox"] = pikepdf.Array([x0, y0, x1, y1])
                    if "/CropBox" in page.obj:
                        del page.obj["/CropBox"]
            merged.save(out)
    finally:
        for src in sources:
            src.close()
