"""Text on existing pages without touching their content: the bundle page number and the watermark.

Each mark is a few PDF operators appended to the page's content (the original content is
wrapped in q/Q so its graphics state cannot move our text), drawn in the page's *displayed*
frame: the visible box (CropBox within MediaBox, whatever its origin) turned by /Rotate, so
"bottom-right" is bottom-right as the reader sees the page. Nothing is decoded or rasterised.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name

from . import fonts

FONT_NAME = Name("/KwruStamp")  # distinctive, so it cannot clash with a document's own fonts
STAMP_SIZE = 7.5
A4_SHORT_SIDE = 595.0


@dataclass(frozen=True)
class Frame:
    """The page as displayed: width and height, and the matrix from display to user space."""

    width: float
    height: float
    matrix: tuple[float, float, float, float, float, float]

    @property
    def scale(self) -> float:
        """Marks grow on big pages (A3, plans) and shrink on small ones, within reason."""
        return max(0.6, min(3.0, min(self.width, self.height) / A4_SHORT_SIDE))


def _box(page: pikepdf.Object) -> tuple[float, float, float, float]:
    def norm(b: pikepdf.Object) -> tuple[float, float, float, float]:
        x0, y0, x1, y1 = (float(v) for v in b)
        return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)

    media = norm(page.get("/MediaBox", Array([0, 0, 612, 792])))
    crop = page.get("/CropBox")
    if crop is None:
        return media
    c = norm(crop)
    box = max(media[0], c[0]), max(media[1], c[1]), min(media[2], c[2]), min(media[3], c[3])
    return box if box[2] > box[0] and box[3] > box[1] else media


def frame(page: pikepdf.Object) -> Frame:
    x0, y0, x1, y1 = _box(page)
    w, h = x1 - x0, y1 - y0
    try:
        rotate = round(float(page.get("/Rotate", 0)) / 90) * 90 % 360
    except (TypeError, ValueError):
        rotate = 0
    # (u, v) in the displayed page -> (x, y) in user space; /Rotate turns the page clockwise.
    if rotate == 90:
        return Frame(h, w, (0, 1, -1, 0, x1, y0))
    if rotate == 180:
        return Frame(w, h, (-1, 0, 0, -1, x1, y1))
    if rotate == 270:
        return Frame(h, w, (0, -1, 1, 0, x0, y1))
    return Frame(w, h, (1, 0, 0, 1, x0, y0))


def _text_hex(text: str) -> str:
    # The standard Helvetica with WinAnsiEncoding: no font to embed; cp1252 covers Dutch names.
    return text.encode("cp1252", errors="replace").hex()


def _num(v: float) -> str:
    return f"{v:.3f}".rstrip("0").rstrip(".") or "0"


def _text_ops(text: str, size: float, x: float, y: float, gray: float) -> str:
    return (f"{_num(gray)} g BT /KwruStamp {_num(size)} Tf 0 Tc 0 Tw 100 Tz 0 Tr 0 Ts "
            f"1 0 0 1 {_num(x)} {_num(y)} Tm <{_text_hex(text)}> Tj ET\n")


def page_number_ops(fr: Frame, text: str) -> str:
    """Bottom-right, small, on a white box: in the blank band below a letter's footer."""
    size = STAMP_SIZE * fr.scale
    tw = fonts.width(text, "Helvetica", size)
    x = fr.width - 18 * fr.scale - tw
    y = 13 * fr.scale
    pad = 2.5 * fr.scale
    box = f"1 g {_num(x - pad)} {_num(y - pad)} {_num(tw + 2 * pad)} {_num(size + 1.2 * pad)} re f\n"
    return box + _text_ops(text, size, x, y, 0.15)


def watermark_ops(fr: Frame, text: str) -> str:
    """Centred in the top margin, light grey: visible on every printed page, readable past."""
    size = 8 * fr.scale
    tw = fonts.width(text, "Helvetica", size)
    return _text_ops(text, size, (fr.width - tw) / 2, fr.height - 16 * fr.scale, 0.55)


class Stamper:
    """Adds marks to the pages of one output PDF, sharing the font and the `q` stream among them."""

    def __init__(self, pdf: pikepdf.Pdf):
        self.pdf = pdf
        self.font = pdf.make_indirect(Dictionary(
            Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica, Encoding=Name.WinAnsiEncoding))
        self.push = pdf.make_stream(b"q\n")

    def mark(self, page: pikepdf.Page, build: Callable[[Frame], str]) -> None:
        """Append the operators `build(frame)` returns, drawn in the page's displayed frame."""
        obj = page.obj
        fr = frame(obj)
        a, b, c, d, e, f = fr.matrix
        ops = f"Q q {a} {b} {c} {d} {_num(e)} {_num(f)} cm\n" + build(fr) + "Q\n"
        resources = obj.get("/Resources")
        if resources is None:
            resources = obj.Resources = Dictionary()
        fonts_dict = resources.get("/Font")
        if fonts_dict is None:
            fonts_dict = resources.Font = Dictionary()
        fonts_dict[FONT_NAME] = self.font
        page.contents_add(self.push, prepend=True)
        page.contents_add(self.pdf.make_stream(ops.encode("ascii")))
