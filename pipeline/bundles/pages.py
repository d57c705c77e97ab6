"""The pages kwru draws itself: the cover, the hearing day's agenda and the placeholder pages.

All are A4 portrait, drawn with reportlab. Pages that link elsewhere return the link
rectangles; the assembler turns them into GoTo annotations once the pages have their place.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from ..letters.dutch import clean
from ..models import as_date
from . import fonts

WIDTH, HEIGHT = A4
LEFT, RIGHT = 62.0, WIDTH - 62.0
GREY = (0.42, 0.42, 0.42)
RULE = (0.75, 0.75, 0.75)
ACCENT = (0.09, 0.23, 0.42)  # the dark blue of headings
WARN = (0.66, 0.1, 0.1)


@dataclass(frozen=True)
class Link:
    """A clickable rectangle on page `page` (0-based within the drawn PDF) leading to `target`."""

    page: int
    rect: tuple[float, float, float, float]
    target: int  # what it points to: a bundle page number, or a case's position on the agenda


@dataclass
class Drawn:
    data: bytes
    pages: int
    links: list[Link] = field(default_factory=list)


@dataclass(frozen=True)
class CoverInfo:
    """Everything the cover shows, already as text."""

    committee: str
    committee_address: str
    case_id: str
    complainants: list[str]
    address: str
    representative: str
    corporation: str
    hearing: str  # "dinsdag 14 april 2026, 13.30 uur", or "nog niet gepland"
    location: str
    members: list[str]
    documents: int
    pages: int
    made: str  # "8 april 2026"
    version: int
    note: str = ""  # what changed since the previous version


def short_date(value: str | None) -> str:
    """12-03-2026; "z.d." (zonder datum) when there is none; a hand-written odd date as it is."""
    try:
        d = as_date(value)
    except ValueError:
        return clean(str(value))
    return d.strftime("%d-%m-%Y") if d else "z.d."


def new_canvas(buf: io.BytesIO, title: str, author: str) -> Canvas:
    c = Canvas(buf, pagesize=A4, pageCompression=1, invariant=0)
    c.setTitle(title)
    c.setAuthor(author)
    c.setCreator("kwru")
    return c


def text(c: Canvas, x: float, y: float, s: str, size: float = 10, bold: bool = False,
         color: tuple[float, float, float] = (0, 0, 0), align: str = "left") -> None:
    regular, bold_font = fonts.register()
    c.setFont(bold_font if bold else regular, size)
    c.setFillColorRGB(*color)
    s = clean(s).replace("\n", " ").replace("\t", " ")
    if align == "right":
        c.drawRightString(x, y, s)
    elif align == "center":
        c.drawCentredString(x, y, s)
    else:
        c.drawString(x, y, s)


def wrap(s: str, size: float, width: float, bold: bool = False) -> list[str]:
    regular, bold_font = fonts.register()
    out: list[str] = []
    for para in clean(s).splitlines() or [""]:
        out.extend(simpleSplit(para, bold_font if bold else regular, size, width) or [""])
    return out


def rule(c: Canvas, y: float, x0: float = LEFT, x1: float = RIGHT, color=RULE, width: float = 0.6) -> None:
    c.setStrokeColorRGB(*color)
    c.setLineWidth(width)
    c.line(x0, y, x1, y)


def letterhead(c: Canvas, committee: str, right: str) -> float:
    """The committee's name and a subject line at the top of a page; returns the y below it."""
    text(c, LEFT, HEIGHT - 50, committee, 9, bold=True, color=ACCENT)
    text(c, RIGHT, HEIGHT - 50, right, 9, color=GREY, align="right")
    rule(c, HEIGHT - 58, color=ACCENT, width=0.8)
    return HEIGHT - 58


def _pairs(c: Canvas, y: float, rows: Sequence[tuple[str, str | Sequence[str]]], size: float = 11) -> float:
    """A two-column list of label and value(s), values wrapped; returns the y below it."""
    label_w = 118
    lead = size * 1.38
    for label, value in rows:
        values = [value] if isinstance(value, str) else list(value)
        lines = [ln for v in values for ln in wrap(v, size, RIGHT - LEFT - label_w)]
        text(c, LEFT, y, label, size, color=GREY)
        for ln in lines or ["–"]:
            text(c, LEFT + label_w, y, ln, size)
            y -= lead
        y -= size * 0.45
    return y


def draw_cover(c: Canvas, info: CoverInfo) -> None:
    letterhead(c, info.committee, info.committee_address)
    y = HEIGHT - 190
    text(c, LEFT, y, "Zittingsbundel", 34, bold=True, color=ACCENT)
    y -= 34
    text(c, LEFT, y, info.case_id, 20, bold=True)
    if info.version > 1:
        text(c, RIGHT, y, f"Versie {info.version}", 13, bold=True, color=WARN, align="right")
        y -= 20
        for ln in wrap(f"Vervangt versie {info.version - 1}. {info.note}".strip(), 10, RIGHT - LEFT):
            text(c, LEFT, y, ln, 10, color=WARN)
            y -= 13
    y -= 34
    parties: list[tuple[str, str | Sequence[str]]] = [
        ("Klager" if len(info.complainants) < 2 else "Klagers", info.complainants or ["onbekend"]),
    ]
    if info.address:
        parties.append(("Adres", info.address))
    if info.representative:
        parties.append(("Gemachtigde", info.representative))
    parties.append(("Corporatie", info.corporation or "onbekend"))
    y = _pairs(c, y, parties)
    y -= 8
    rule(c, y + 6)
    y -= 14
    y = _pairs(c, y, [("Zitting", info.hearing), ("Locatie", info.location or "–"),
                      ("Commissie", info.members)])
    y -= 8
    rule(c, y + 6)
    y -= 14
    docs = "1 document" if info.documents == 1 else f"{info.documents} documenten"
    pages = "1 genummerde pagina" if info.pages == 1 else f"{info.pages} genummerde pagina's"
    _pairs(c, y, [("Inhoud", f"{docs}, {pages}"),
                  ("Samengesteld", f"{info.made} (versie {info.version})")], size=10)
    rule(c, 70)
    text(c, LEFT, 56, "Vertrouwelijk: uitsluitend bestemd voor de leden van de commissie en het "
                      "secretariaat.", 8.5, color=GREY)


def render_placeholders(items: Sequence[tuple[str, str, str]], committee: str) -> bytes:
    """One page per document that could not be included: (heading, reason, where the original is)."""
    buf = io.BytesIO()
    c = new_canvas(buf, "Niet opgenomen stukken", committee)
    for heading, reason, original in items:
        letterhead(c, committee, "Zittingsbundel")
        inner = RIGHT - LEFT - 60
        heading_lines = wrap(heading, 12, inner, bold=True)
        body = wrap(f"Dit stuk kon niet in de bundel worden opgenomen: {reason}. {original}"
                    " Vraag het secretariaat om een leesbaar exemplaar.", 11, inner)
        top = HEIGHT - 250
        bottom = top - (36 + 34 + 17 * len(heading_lines) + 12 + 15 * len(body) + 20)
        c.setStrokeColorRGB(*WARN)
        c.setLineWidth(1.2)
        c.rect(LEFT, bottom, RIGHT - LEFT, top - bottom, stroke=1, fill=0)
        y = top - 36
        text(c, WIDTH / 2, y, "Stuk niet opgenomen", 20, bold=True, color=WARN, align="center")
        y -= 34
        for ln in heading_lines:
            text(c, WIDTH / 2, y, ln, 12, bold=True, align="center")
            y -= 17
        y -= 12
        for ln in body:
            text(c, WIDTH / 2, y, ln, 11, align="center")
            y -= 15
        c.showPage()
    c.save()
    return buf.getvalue()


@dataclass(frozen=True)
class AgendaRow:
    time: str
    case_id: str
    corporation: str
    complainant: str
    location: str
    pages: str  # "48 p. (versie 2)"


def render_agenda(committee: str, day: str, members: Sequence[str], rows: Sequence[AgendaRow]) -> Drawn:
    """The day bundle's first page(s): who is heard when and where; each row links to its bundle."""
    buf = io.BytesIO()
    c = new_canvas(buf, f"Zittingsdag {day}", committee)
    locations = sorted({r.location for r in rows if r.location})
    one_place = len(locations) <= 1
    # time, case, corporation, complainant (and location when the day has several), bundle pages
    x_time, x_case, x_corp, x_who, x_pages = LEFT, LEFT + 58, LEFT + 146, LEFT + 276, RIGHT - 62
    size, lead = 10, 13.5
    links: list[Link] = []
    page = 0

    def start_page(first: bool) -> float:
        letterhead(c, committee, f"Zittingsdag {day}")
        y = HEIGHT - 120
        text(c, LEFT, y, "Zittingsdag" if first else "Zittingsdag (vervolg)", 26 if first else 16,
             bold=True, color=ACCENT)
        y -= 30
        if first:
            text(c, LEFT, y, day, 15, bold=True)
            y -= 34
            place = locations[0] if one_place and locations else "zie per zaak"
            y = _pairs(c, y, [("Locatie", place), ("Commissie", list(members))], size=10.5)
            y -= 14
        for x, head in ((x_time, "Tijd"), (x_case, "Zaak"), (x_corp, "Corporatie"),
                        (x_who, "Klager" if one_place else "Klager en locatie")):
            text(c, x, y, head, 9, bold=True, color=GREY)
        text(c, RIGHT, y, "Bundel", 9, bold=True, color=GREY, align="right")
        rule(c, y - 5)
        return y - 20

    y = start_page(True)
    for i, r in enumerate(rows):
        corp = wrap(r.corporation, size, x_who - x_corp - 8)
        who: list[tuple[str, float, tuple[float, float, float]]] = [(ln, size, (0, 0, 0)) for ln in wrap(r.complainant, size, x_pages - x_who - 8)]
        if not one_place:
            who += [(ln, 8.5, GREY) for ln in wrap(r.location, 8.5, x_pages - x_who - 8)]
        n = max(len(corp), len(who), 1)
        if y - lead * n < 70:
            c.showPage()
            page += 1
            y = start_page(False)
        text(c, x_time, y, r.time, size, bold=True)
        text(c, x_case, y, r.case_id, size, color=ACCENT)
        for j, ln in enumerate(corp):
            text(c, x_corp, y - lead * j, ln, size)
        for j, (ln, sz, colour) in enumerate(who):
            text(c, x_who, y - lead * j, ln, sz, color=colour)
        text(c, RIGHT, y, r.pages, 9, color=GREY, align="right")
        bottom = y - lead * (n - 1) - 6
        links.append(Link(page, (LEFT - 4, bottom, RIGHT + 4, y + 11), i))
        rule(c, bottom, color=(0.88, 0.88, 0.88), width=0.4)
        y = bottom - 15
    c.showPage()
    c.save()
    return Drawn(buf.getvalue(), page + 1, links)
