"""Putting a bundle together with pikepdf: pages merged (never rasterised), numbered, bookmarked, linked.

Source pages are copied by reference: qpdf reads their content and images only while
writing the output, so memory stays near the size of the page objects, not of the scans.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, PageLocation, String

from ..errors import BundleFailed
from ..i18n import _
from .pages import Drawn, short_date
from .plan import BundlePlan, Entry
from .stamp import Stamper, page_number_ops, watermark_ops

MANIFEST_KEY = Name("/KWRUBundle")  # docinfo: what the bundle holds, for anyone inspecting the file


@dataclass
class Bookmark:
    title: str
    page: int  # 0-based page index in the output
    children: list[Bookmark] = field(default_factory=list)


def roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += numeral
            n -= value
    return out


def _open_bytes(data: bytes, keep: list[pikepdf.Pdf]) -> pikepdf.Pdf:
    pdf = pikepdf.open(io.BytesIO(data))
    keep.append(pdf)  # the output reads these pages' streams only when it is saved
    return pdf


def add_links(out: pikepdf.Pdf, first_page: int, links: Sequence, target_page: Callable[[int], int]) -> None:
    """GoTo link annotations for the drawn pages starting at `first_page` (invisible borders)."""
    for link in links:
        page = out.pages[first_page + link.page].obj
        dest = Array([out.pages[target_page(link.target)].obj, Name.Fit])
        annot = out.make_indirect(Dictionary(
            Type=Name.Annot, Subtype=Name.Link, Rect=Array(list(link.rect)), Border=Array([0, 0, 0]),
            A=Dictionary(S=Name.GoTo, D=dest)))
        if "/Annots" not in page:
            page.Annots = Array()
        page.Annots.append(annot)


def add_outline(out: pikepdf.Pdf, marks: Sequence[Bookmark]) -> None:
    def item(b: Bookmark) -> OutlineItem:
        it = OutlineItem(b.title, b.page, PageLocation.Fit)
        it.children.extend(item(c) for c in b.children)
        return it

    with out.open_outline() as outline:
        outline.root.extend(item(b) for b in marks)
    out.Root.PageMode = Name.UseOutlines  # open with the bookmarks visible


def set_labels(out: pikepdf.Pdf, ranges: Sequence[tuple[int, Dictionary]]) -> None:
    nums = Array()
    for start, label in ranges:
        nums.append(start)
        nums.append(label)
    out.Root.PageLabels = Dictionary(Nums=nums)


def set_info(out: pikepdf.Pdf, title: str, author: str, manifest: dict) -> None:
    out.docinfo[Name.Title] = title
    out.docinfo[Name.Author] = author
    out.docinfo[Name.Creator] = "kwru"
    out.docinfo[MANIFEST_KEY] = json.dumps(manifest, ensure_ascii=False, separators=(",", ":"))
    out.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)


def save(out: pikepdf.Pdf, path: Path) -> None:
    # Object streams make the file smaller at little cost; Flate streams are not recompressed.
    try:
        out.save(path, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)
    except pikepdf.PdfError as e:
        title = str(out.docinfo.get(Name.Title, path.name))
        raise BundleFailed(_("{title}: the bundle could not be written ({error}); check the case's documents "
                             "with `qpdf --check FILE`").format(title=title, error=e)) from None


def case_bundle(plan: BundlePlan, front: Drawn, placeholders: bytes, *, title: str, author: str,
                manifest: dict, path: Path) -> int:
    """Write the case bundle to `path`; returns its page count."""
    keep: list[pikepdf.Pdf] = []
    out = pikepdf.new()
    try:
        out.pages.extend(_open_bytes(front.data, keep).pages)
        ph = _open_bytes(placeholders, keep) if placeholders else None
        n_ph = 0
        for e in plan.entries:
            if e.source.pdf is not None:
                out.pages.extend(e.source.pdf.pages)  # all at once: links within a document survive
            else:
                assert ph is not None
                out.pages.append(ph.pages[n_ph])
                n_ph += 1

        f, total, case_id = front.pages, plan.pages, plan.case.id
        stamper = Stamper(out)
        for i, page in enumerate(out.pages):
            label = f"p. {roman(i + 1)}" if i < f else f"p. {i - f + 1} / {total}"
            stamper.mark(page, partial(page_number_ops, text=f"{case_id}  ·  {label}"))

        add_links(out, 0, front.links, lambda n: f + n - 1)
        marks = [Bookmark("Voorblad", 0), Bookmark("Inhoudsopgave", 1)]
        for section in plan.sections:
            if not section.entries:
                continue
            sec = Bookmark(section.heading, f + section.entries[0].start - 1)
            parents: list[Bookmark] = []  # the chain of e-mails above an attachment
            for e in section.entries:
                b = Bookmark(bookmark_title(e), f + e.start - 1)
                del parents[e.depth:]
                (parents[-1].children if parents else sec.children).append(b)
                parents.append(b)
            marks.append(sec)
        add_outline(out, marks)
        set_labels(out, [(0, Dictionary(S=Name.r)), (f, Dictionary(S=Name.D, St=1))])
        set_info(out, title, author, manifest)
        save(out, path)
        return len(out.pages)
    finally:
        out.close()
        for pdf in keep:
            pdf.close()


def bookmark_title(e: Entry) -> str:
    title = e.title if len(e.title) <= 70 else e.title[:69].rstrip() + "…"
    prefix = "Bijlage: " if e.depth else ""
    missing = " [niet opgenomen]" if e.source.problem is not None else ""
    return f"{e.doc.seq}. {e.kind_label} {short_date(e.doc.date)} – {prefix}{title}{missing}"


# --- the hearing day ------------------------------------------------------------------------

@dataclass
class DayPart:
    """One case bundle in the day bundle."""

    path: Path
    title: str  # bookmark: "13.30 uur – KWRU-2026-001 – Mitros"
    label_prefix: str  # page labels inside the day bundle: "KWRU-2026-001 12", "KWRU-2026-001 ii"


def _outline_of(pdf: pikepdf.Pdf) -> list[Bookmark]:
    index = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}

    def page_of(item: OutlineItem) -> int | None:
        dest: object = item.destination
        if dest is None and item.action is not None and item.action.get("/S") == Name.GoTo:
            dest = item.action.get("/D")
        if isinstance(dest, Array) and len(dest) and isinstance(dest[0], Dictionary):
            return index.get(dest[0].objgen)
        return None

    def walk(items: Sequence[OutlineItem]) -> list[Bookmark]:
        out = []
        for it in items:
            p = page_of(it)
            if p is not None:
                out.append(Bookmark(it.title, p, walk(it.children)))
        return out

    with pdf.open_outline() as outline:
        return walk(outline.root)


def _shift(b: Bookmark, offset: int) -> Bookmark:
    return Bookmark(b.title, b.page + offset, [_shift(c, offset) for c in b.children])


def day_bundle(agenda: Drawn, parts: Sequence[DayPart], *, title: str, author: str, day_label: str,
               manifest: dict, path: Path) -> int:
    """The agenda, then each case bundle whole (its stamps, links and bookmarks kept)."""
    keep: list[pikepdf.Pdf] = []
    out = pikepdf.new()
    try:
        out.pages.extend(_open_bytes(agenda.data, keep).pages)
        stamper = Stamper(out)
        for i, page in enumerate(out.pages):
            stamper.mark(page, partial(page_number_ops, text=f"{day_label}  ·  agenda {i + 1}"))
        marks = [Bookmark("Agenda", 0)]
        labels = [(0, Dictionary(S=Name.D, P=String("Agenda "), St=1))]
        starts: list[int] = []
        for part in parts:
            src = pikepdf.open(part.path)
            keep.append(src)
            offset = len(out.pages)
            starts.append(offset)
            inner = [_shift(b, offset) for b in _outline_of(src)]
            marks.append(Bookmark(part.title, offset, inner))
            nums = src.Root.get("/PageLabels", Dictionary()).get("/Nums", Array())
            for k in range(0, len(nums) - 1, 2):
                label = Dictionary(dict(nums[k + 1].items()))
                label.P = String(part.label_prefix + str(label.get("/P", "")))
                labels.append((offset + int(nums[k]), label))
            out.pages.extend(src.pages)  # whole: the index links keep pointing at their pages
        add_links(out, 0, agenda.links, lambda i: starts[i])
        add_outline(out, marks)
        set_labels(out, labels)
        set_info(out, title, author, manifest)
        save(out, path)
        return len(out.pages)
    finally:
        out.close()
        for pdf in keep:
            pdf.close()


def watermarked_copy(src: Path, dst: Path, text: str) -> None:
    """A copy of a finished bundle with `text` in the top margin of every page."""
    with pikepdf.open(src) as pdf:
        stamper = Stamper(pdf)
        for page in pdf.pages:
            stamper.mark(page, partial(watermark_ops, text=text))
        pdf.docinfo[Name.Subject] = text
        save(pdf, dst)
