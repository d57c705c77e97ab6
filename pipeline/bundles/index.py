"""The front of a case bundle: the cover, then the index of documents with links to their pages.

The index numbers are the stamped bundle page numbers of the documents, which start at 1
after the front pages (those are labelled i, ii, ...). So the index never depends on its own
length, and one drawing pass gives both the pages and their link rectangles.
"""

from __future__ import annotations

import io

from ..letters.dutch import clean
from . import fonts
from .pages import (
    ACCENT,
    GREY,
    HEIGHT,
    LEFT,
    RIGHT,
    WARN,
    CoverInfo,
    Drawn,
    Link,
    draw_cover,
    letterhead,
    new_canvas,
    rule,
    short_date,
    text,
)
from .plan import BundlePlan, Entry

ROW = 15.5  # height of a document row
SECTION_GAP = 26.0  # height of a section heading row
TOP = HEIGHT - 128  # first row on an index page
BOTTOM = 62.0

# x of the columns: number, date, kind, title, pages (right-aligned at RIGHT)
COL_NR, COL_DATE, COL_KIND, COL_TITLE = LEFT, LEFT + 28, LEFT + 88, LEFT + 190
PAGES_W = 52


def _heading(c, case_id: str, committee: str, first: bool) -> float:
    letterhead(c, committee, f"Zittingsbundel {case_id}")
    text(c, LEFT, HEIGHT - 96, "Inhoudsopgave" if first else "Inhoudsopgave (vervolg)", 17,
         bold=True, color=ACCENT)
    y = TOP + 10
    for x, head in ((COL_NR, "Nr."), (COL_DATE, "Datum"), (COL_KIND, "Soort"), (COL_TITLE, "Omschrijving")):
        text(c, x, y, head, 8.5, bold=True, color=GREY)
    text(c, RIGHT, y, "Pagina's", 8.5, bold=True, color=GREY, align="right")
    rule(c, y - 5)
    return TOP - 12


def _row(c, y: float, e: Entry) -> None:
    regular, _ = fonts.register()
    size = 9.5
    text(c, COL_NR, y, str(e.doc.seq), size)
    text(c, COL_DATE, y, short_date(e.doc.date), size)
    text(c, COL_KIND, y, fonts.fit(e.kind_label, regular, size, COL_TITLE - COL_KIND - 6), size)
    indent = 11 * e.depth
    title = clean(e.title)
    if e.depth:
        title = f"bijlage: {title}"
    room = RIGHT - PAGES_W - COL_TITLE - indent
    x = COL_TITLE + indent
    if e.source.problem is not None:  # the marker always shows; the reason is on the placeholder page
        mark = "niet opgenomen"
        title = fonts.fit(title, regular, size, room - fonts.width(mark, regular, size) - 8)
        text(c, x + fonts.width(title, regular, size) + 8, y, mark, size, color=WARN)
    text(c, x, y, fonts.fit(title, regular, size, room), size)
    text(c, RIGHT, y, e.page_range, size, color=ACCENT, align="right")
    rule(c, y - 4.5, color=(0.9, 0.9, 0.9), width=0.35)


def render_front(info: CoverInfo, plan: BundlePlan) -> Drawn:
    """Cover (page 0) and index (pages 1..); links lead to bundle page numbers."""
    buf = io.BytesIO()
    c = new_canvas(buf, f"Zittingsbundel {info.case_id}", info.committee)
    draw_cover(c, info)
    c.showPage()
    page = 1
    links: list[Link] = []
    y = _heading(c, info.case_id, info.committee, True)
    for section in plan.sections:
        # A heading never stands alone at the foot of a page.
        if y - SECTION_GAP - ROW < BOTTOM:
            c.showPage()
            page += 1
            y = _heading(c, info.case_id, info.committee, False)
        y -= SECTION_GAP - 12
        text(c, LEFT, y, section.heading, 11, bold=True, color=ACCENT)
        y -= 16
        if not section.entries:
            text(c, COL_TITLE, y, "Geen stukken.", 9.5, color=GREY)
            y -= ROW
            continue
        for e in section.entries:
            if y - ROW < BOTTOM:
                c.showPage()
                page += 1
                y = _heading(c, info.case_id, info.committee, False) - (SECTION_GAP - 12)
                text(c, LEFT, y, f"{section.heading} (vervolg)", 11, bold=True, color=ACCENT)
                y -= 16
            _row(c, y, e)
            links.append(Link(page, (LEFT - 3, y - 4.5, RIGHT + 3, y + ROW - 4.5), e.start))
            y -= ROW
    c.showPage()
    c.save()
    return Drawn(buf.getvalue(), page + 1, links)
