"""Letters as born-digital PDF (reportlab), DOCX (python-docx) and plain text; e-mails (stdlib).

Output is byte-for-byte deterministic: fixed PDF ids and dates, fixed MIME boundaries, fixed
timestamps inside the DOCX zip.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen import canvas

# --- fonts -----------------------------------------------------------------------------------

_FONT_FILES = {
    "LiberationSerif": "/usr/share/fonts/truetype/liberation/LiberationSerif-{}.ttf",
    "LiberationSans": "/usr/share/fonts/truetype/liberation/LiberationSans-{}.ttf",
    "DejaVuSans": "/usr/share/fonts/truetype/dejavu/DejaVuSans{}.ttf",
    "Carlito": "/usr/share/fonts/truetype/crosextra/Carlito-{}.ttf",
}
_STYLE_SUFFIX = {
    "LiberationSerif": ("Regular", "Bold"),
    "LiberationSans": ("Regular", "Bold"),
    "DejaVuSans": ("", "-Bold"),
    "Carlito": ("Regular", "Bold"),
}
_BUILTIN = {
    "LiberationSerif": ("Times-Roman", "Times-Bold"),
    "LiberationSans": ("Helvetica", "Helvetica-Bold"),
    "DejaVuSans": ("Helvetica", "Helvetica-Bold"),
    "Carlito": ("Helvetica", "Helvetica-Bold"),
}
_registered: dict[str, tuple[str, str]] = {}


def fonts(family: str) -> tuple[str, str]:
    """(regular, bold) reportlab font names; the PDF core fonts if the TTF is not installed."""
    if family in _registered:
        return _registered[family]
    names = []
    try:
        for suffix, style in zip(_STYLE_SUFFIX[family], ("", "-Bold"), strict=True):
            name = family + style
            pdfmetrics.registerFont(TTFont(name, _FONT_FILES[family].format(suffix)))
            names.append(name)
        result = (names[0], names[1])
    except (OSError, KeyError, ValueError, TTFError):  # not installed: core fonts do Latin-1
        result = _BUILTIN[family]
    _registered[family] = result
    return result


# --- a letter, whatever its medium -----------------------------------------------------------


@dataclass
class Letterhead:
    """A corporation's or organisation's printed letter paper."""

    name: str
    colour: tuple[float, float, float]
    lines: tuple[str, ...]  # address column
    footer: str


@dataclass
class Letter:
    sender: list[str] = field(default_factory=list)
    sender_pos: str = "left"  # left | right
    addressee: list[str] = field(default_factory=list)
    date_line: str = ""
    date_pos: str = "left"
    refs: list[tuple[str, str]] = field(default_factory=list)  # ("Uw kenmerk", "KWRU-2026-001")
    subject: str | None = None
    subject_label: str = "Betreft:"
    salutation: str = "Geachte commissie,"
    paragraphs: list[str] = field(default_factory=list)
    closing: str = "Met vriendelijke groet,"
    signature: list[str] = field(default_factory=list)
    enclosures: list[str] = field(default_factory=list)
    letterhead: Letterhead | None = None
    page_break_before: int | None = None  # paragraph index that starts page 2


@dataclass
class PdfStyle:
    family: str = "LiberationSerif"
    size: float = 11.0
    leading: float = 1.35
    margin_left: float = 25 * mm
    margin_right: float = 22 * mm
    top: float = 25 * mm
    para_gap: float = 0.6  # in lines
    justify_sender_bold: bool = False


_POSTCODE = re.compile(r"\b(\d{4}) ([A-Z]{2})\b")
_POSTCODE_NB = re.compile(r"\b(\d{4})_([A-Z]{2})\b")


def render_pdf(
    letter: Letter, style: PdfStyle, *, title: str = "", author: str = ""
) -> tuple[bytes, int]:
    """The letter as a text PDF: (bytes, number of pages)."""
    regular, bold = fonts(style.family)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor(author)
    c.setCreator(author and "Microsoft® Word voor Microsoft 365" or "")
    width, height = A4
    size, lead = style.size, style.size * style.leading
    text_w = width - style.margin_left - style.margin_right
    pages = 1

    def footer() -> None:
        if letter.letterhead:
            lh = letter.letterhead
            c.setStrokeColorRGB(*lh.colour)
            c.setLineWidth(0.8)
            c.line(style.margin_left, 18 * mm, width - style.margin_right, 18 * mm)
            c.setFont(regular, 7.5)
            c.setFillColorRGB(0.3, 0.3, 0.3)
            c.drawCentredString(width / 2, 13 * mm, lh.footer)
            c.setFillColorRGB(0, 0, 0)

    def new_page() -> float:
        nonlocal pages
        footer()
        c.showPage()
        pages += 1
        c.setFont(regular, 8.5)
        c.drawRightString(width - style.margin_right, height - 15 * mm, f"pagina {pages}")
        return height - style.top

    y = height - style.top
    if letter.letterhead:
        lh = letter.letterhead
        c.setFillColorRGB(*lh.colour)
        c.rect(style.margin_left, y - 4 * mm, 9 * mm, 9 * mm, stroke=0, fill=1)
        c.circle(style.margin_left + 15 * mm, y + 0.5 * mm, 4.5 * mm, stroke=0, fill=1)
        c.setFont(bold, 20)
        c.drawString(style.margin_left + 23 * mm, y - 3 * mm, lh.name)
        c.setFillColorRGB(0.25, 0.25, 0.25)
        c.setFont(regular, 8.5)
        ly = y + 2 * mm
        for line in lh.lines:
            c.drawRightString(width - style.margin_right, ly, line)
            ly -= 10.5
        c.setFillColorRGB(0, 0, 0)
        y -= 24 * mm

    c.setFont(regular, size)
    if letter.sender:
        x_right = (
            width - style.margin_right - max(c.stringWidth(s, regular, size) for s in letter.sender)
        )
        x = style.margin_left if letter.sender_pos == "left" else x_right
        sy = y
        for i, line in enumerate(letter.sender):
            c.setFont(bold if (i == 0 and style.justify_sender_bold) else regular, size)
            c.drawString(x, sy, line)
            sy -= lead
        c.setFont(regular, size)
        y = sy - lead * 1.5
    if letter.addressee:
        for line in letter.addressee:
            c.drawString(style.margin_left, y, line)
            y -= lead
        y -= lead * 1.5
    if letter.date_line:
        if letter.date_pos == "right":
            c.drawRightString(width - style.margin_right, y, letter.date_line)
        else:
            c.drawString(style.margin_left, y, letter.date_line)
        y -= lead * 1.5
    for label, value in letter.refs:
        c.setFont(regular, size)
        c.drawString(style.margin_left, y, f"{label}:")
        c.drawString(style.margin_left + 30 * mm, y, value)
        y -= lead
    if letter.subject:
        c.setFont(bold, size)
        label = letter.subject_label
        c.drawString(style.margin_left, y, label)
        c.drawString(
            style.margin_left
            + (30 * mm if letter.refs else c.stringWidth(label + " ", bold, size)),
            y,
            letter.subject,
        )
        c.setFont(regular, size)
        y -= lead
    if letter.refs or letter.subject:
        y -= lead
    bottom = 30 * mm

    def para(text: str, font: str = regular) -> None:
        nonlocal y
        # A postcode is never broken over two lines ("3607" / "WJ"), as a word processor would.
        text = _POSTCODE.sub(lambda m: m.group(1) + "_" + m.group(2), text)
        for line in simpleSplit(text, font, size, text_w) or [""]:
            if y < bottom:
                y = new_page()
            c.setFont(font, size)
            c.drawString(style.margin_left, y, _POSTCODE_NB.sub(r"\1 \2", line))
            y -= lead
        y -= lead * style.para_gap

    para(letter.salutation)
    for i, p in enumerate(letter.paragraphs):
        if letter.page_break_before == i:
            y = new_page()
        para(p)
    y -= lead * 0.4
    para(letter.closing)
    y -= lead * 2.2  # room for a signature
    for line in letter.signature:
        if y < bottom:
            y = new_page()
        c.drawString(style.margin_left, y, line)
        y -= lead
    if letter.enclosures:
        y -= lead
        para(
            ("Bijlagen: " if len(letter.enclosures) > 1 else "Bijlage: ")
            + "; ".join(letter.enclosures)
        )
    footer()
    c.save()
    return buf.getvalue(), pages


# --- DOCX ------------------------------------------------------------------------------------

_ZIP_TIME = (2026, 1, 1, 12, 0, 0)


def render_docx(
    letter: Letter, path: Path, *, author: str, created: dt.datetime, font: str = "Liberation Sans"
) -> None:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    d = docx.Document()
    st = d.styles["Normal"]
    st.font.name = font
    st.font.size = Pt(11)
    st.paragraph_format.space_after = Pt(6)
    cp = d.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = created
    cp.modified = created
    cp.revision = 3
    cp.title = letter.subject or ""

    def lines_block(lines: list[str], right: bool = False) -> None:
        p = d.add_paragraph()
        p.paragraph_format.space_after = Pt(12)
        if right:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for i, line in enumerate(lines):
            run = p.add_run(line)
            if i < len(lines) - 1:
                run.add_break()

    if letter.sender:
        lines_block(letter.sender, right=letter.sender_pos == "right")
    if letter.addressee:
        lines_block(letter.addressee)
    if letter.date_line:
        p = d.add_paragraph(letter.date_line)
        if letter.date_pos == "right":
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for label, value in letter.refs:
        d.add_paragraph(f"{label}: {value}")
    if letter.subject:
        p = d.add_paragraph()
        p.add_run(f"{letter.subject_label} {letter.subject}").bold = True
    d.add_paragraph(letter.salutation)
    for text in letter.paragraphs:
        d.add_paragraph(text)
    d.add_paragraph(letter.closing)
    d.add_paragraph("")
    lines_block(letter.signature)
    if letter.enclosures:
        d.add_paragraph("Bijlage: " + "; ".join(letter.enclosures))
    buf = io.BytesIO()
    d.save(buf)
    path.write_bytes(_fixed_zip_times(buf.getvalue()))


def _fixed_zip_times(data: bytes) -> bytes:
    """python-docx stamps each zip entry with the current time; fix it for reproducible bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


# --- plain text ------------------------------------------------------------------------------


def letter_text(letter: Letter) -> str:
    out: list[str] = []
    if letter.sender:
        out += letter.sender + [""]
    if letter.addressee:
        out += letter.addressee + [""]
    if letter.date_line:
        out += [letter.date_line, ""]
    out += [f"{k}: {v}" for k, v in letter.refs]
    if letter.subject:
        out += [f"{letter.subject_label} {letter.subject}", ""]
    out += [letter.salutation, ""]
    for p in letter.paragraphs:
        out += [p, ""]
    out += [letter.closing, ""] + letter.signature
    return "\n".join(out) + "\n"


# --- e-mail ----------------------------------------------------------------------------------


def _amsterdam(when: dt.datetime) -> dt.datetime:
    """A naive local time in Europe/Amsterdam as an aware datetime (CET/CEST by EU rule)."""

    def last_sunday(year: int, month: int) -> dt.date:
        d = dt.date(year, month, 31)
        return d - dt.timedelta(days=(d.weekday() + 1) % 7)

    start = dt.datetime.combine(last_sunday(when.year, 3), dt.time(2))
    end = dt.datetime.combine(last_sunday(when.year, 10), dt.time(3))
    offset = 2 if start <= when < end else 1
    return when.replace(tzinfo=dt.timezone(dt.timedelta(hours=offset)))


@dataclass
class Mail:
    from_name: str
    from_addr: str
    to: str
    subject: str
    when: dt.datetime  # local (Amsterdam) time, naive
    msgid: str
    text: str | None = None
    html: str | None = None
    charset: str = "utf-8"
    cte: str | None = None  # "quoted-printable" | "base64" | None (policy default)
    in_reply_to: str | None = None
    attachments: list[tuple[bytes, str, str, str]] = field(default_factory=list)
    # (data, maintype, subtype, filename)
    mailer: str | None = None
    to_name: str | None = None


def build_mail(m: Mail) -> bytes:
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = formataddr((m.from_name, m.from_addr))
    msg["To"] = formataddr((m.to_name, m.to)) if m.to_name else m.to
    msg["Subject"] = m.subject
    msg["Date"] = format_datetime(_amsterdam(m.when))
    msg["Message-ID"] = m.msgid
    if m.in_reply_to:
        msg["In-Reply-To"] = m.in_reply_to
        msg["References"] = m.in_reply_to
    msg["MIME-Version"] = "1.0"
    if m.mailer:
        msg["X-Mailer"] = m.mailer
    kw = {"charset": m.charset}
    if m.cte:
        kw["cte"] = m.cte
    if m.text is not None:
        msg.set_content(m.text, **kw)
        if m.html is not None:
            msg.add_alternative(m.html, subtype="html", **kw)
    elif m.html is not None:
        msg.set_content(m.html, subtype="html", **kw)
    for data, maintype, subtype, filename in m.attachments:
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    # Fixed boundaries: the stdlib would draw random ones.
    for i, part in enumerate(msg.walk()):
        if part.is_multipart():
            part.set_boundary(f"=_kwru_{m.msgid.strip('<>').split('@')[0][-12:]}_{i}")
    return msg.as_bytes(policy=policy.SMTP)
