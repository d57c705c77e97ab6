"""Render an e-mail or a plain-text file to a PDF for the dossier and the hearing bundle.

reportlab with DejaVu Sans, which covers Latin (all Dutch accents), Greek and Cyrillic; Helvetica
only when DejaVu is not installed (then non-Latin-1 characters print as boxes, the text file
keeps them). Header block with Dutch labels, then the body, wrapped and split over pages.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
MAX_RENDER_CHARS = 300_000  # ~100 pages; the full text stays in the .txt, the original is kept
MAX_HEADER_CHARS = 1_500
MAX_LINE_CHARS = 5_000  # one "line" of base64 or minified HTML must not become 40 pages

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


@dataclass(frozen=True)
class Fonts:
    regular: str
    bold: str


_fonts: Fonts | None = None


def fonts() -> Fonts:
    """Register DejaVu Sans once per process; fall back to Helvetica."""
    global _fonts
    if _fonts is None:
        try:
            pdfmetrics.registerFont(TTFont("KwruSans", str(FONT_DIR / "DejaVuSans.ttf")))
            pdfmetrics.registerFont(TTFont("KwruSans-Bold", str(FONT_DIR / "DejaVuSans-Bold.ttf")))
            _fonts = Fonts("KwruSans", "KwruSans-Bold")
        except Exception:  # noqa: BLE001 - missing or unreadable font files
            _fonts = Fonts("Helvetica", "Helvetica-Bold")
    return _fonts


def clean(text: str) -> str:
    """Text safe for a PDF: no control characters, tabs as spaces, NFC."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _CONTROL.sub("", text.replace("\t", "    "))


def _short(text: str, limit: int = MAX_HEADER_CHARS) -> str:
    return text if len(text) <= limit else text[:limit] + " [...]"


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    # Keep runs of spaces visible (indentation in plain-text mails) without breaking wrapping.
    safe = escape(text).replace("  ", "\u00a0 ")
    return Paragraph(safe, style)


def render_pdf(out: Path, *, title: str, header: list[tuple[str, str]], body: str) -> int:
    """Write `out`; returns its number of pages.

    `header` is a list of (label, value) rows, e.g. [("Van", "A. Bakker <a@b.nl>"), ...].
    """
    f = fonts()
    base = ParagraphStyle("body", fontName=f.regular, fontSize=10, leading=13.5, alignment=TA_LEFT,
                          splitLongWords=1, wordWrap=None)
    label = ParagraphStyle("label", parent=base, fontName=f.bold)
    note = ParagraphStyle("note", parent=base, fontSize=8.5, textColor=colors.grey)

    story: list = []
    if header:
        # A table row cannot split over pages: keep each header value well below a page.
        rows = [[_para(clean(k) + ":", label), _para(_short(clean(v or "")), base)] for k, v in header]
        table = Table(rows, colWidths=[2.6 * cm, None], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("LINEBELOW", (0, -1), (-1, -1), 0.6, colors.grey),
        ]))
        story += [table, Spacer(1, 0.5 * cm)]

    body = clean(body)
    truncated = len(body) > MAX_RENDER_CHARS
    if truncated:
        body = body[:MAX_RENDER_CHARS]
    for line in body.split("\n"):
        if not line.strip():
            story.append(Spacer(1, base.leading * 0.6))
            continue
        if len(line) > MAX_LINE_CHARS:
            line = line[:MAX_LINE_CHARS] + " [...]"
        story.append(_para(line, base))
    if truncated:
        story.append(Spacer(1, 0.4 * cm))
        story.append(_para("[De tekst is hier afgekort; het volledige origineel is bewaard.]", note))

    pages = [0]

    def footer(canvas, doc) -> None:
        pages[0] = doc.page
        canvas.saveState()
        canvas.setFont(f.regular, 8)
        canvas.setFillColor(colors.grey)
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"pagina {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=2.2 * cm, rightMargin=2.2 * cm,
                            topMargin=2 * cm, bottomMargin=2 * cm, title=clean(title)[:200],
                            author="KWRU", creator="kwru")
    if not story:
        story.append(Spacer(1, 1))
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return pages[0]
