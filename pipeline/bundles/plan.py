"""What goes into a case's bundle and in which order: sections, documents, attachments, page numbers."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

from ..models import DOC_KIND_LABELS, Case, Document
from .sources import Source, open_source


@dataclass(frozen=True)
class SectionSpec:
    letter: str
    title: str
    kinds: tuple[str, ...] | None  # None: every kind no earlier section takes


# The complaint first, then the corporation's side, then everything that followed.
SECTIONS = (
    SectionSpec("A", "Klacht en bijlagen", ("klacht",)),
    SectionSpec("B", "Reactie corporatie", ("reactie_corporatie",)),
    SectionSpec("C", "Overige correspondentie", None),
)


@dataclass
class Entry:
    """One document in the bundle, at bundle pages start .. end (the stamped numbers)."""

    doc: Document
    source: Source
    depth: int = 0  # 1 for an attachment of an e-mail, 2 for an attachment of that, ...
    start: int = 0

    @property
    def pages(self) -> int:
        return self.source.pages

    @property
    def end(self) -> int:
        return self.start + self.pages - 1

    @property
    def kind_label(self) -> str:
        return DOC_KIND_LABELS.get(self.doc.kind, self.doc.kind.replace("_", " ").capitalize())

    @property
    def title(self) -> str:
        return (self.doc.title or self.doc.original_name or f"document {self.doc.seq}").strip()

    @property
    def page_range(self) -> str:
        return str(self.start) if self.pages == 1 else f"{self.start}–{self.end}"


@dataclass
class Section:
    spec: SectionSpec
    entries: list[Entry] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return f"{self.spec.letter}. {self.spec.title}"


@dataclass
class BundlePlan:
    case: Case
    sections: list[Section]

    @property
    def entries(self) -> list[Entry]:
        return [e for s in self.sections for e in s.entries]

    @property
    def pages(self) -> int:
        """Numbered pages: the documents (and placeholders), not the cover and index."""
        return sum(e.pages for e in self.entries)

    @property
    def problems(self) -> list[Entry]:
        return [e for e in self.entries if e.source.problem is not None]


def sort_key(doc: Document) -> tuple[str, int]:
    """Chronological: the letter's own date, else the day it was received; the number breaks ties."""
    return (doc.date or (doc.received or "")[:10] or "9999", doc.seq)


def section_of(kind: str) -> SectionSpec:
    for spec in SECTIONS:
        if spec.kinds is None or kind in spec.kinds:
            return spec
    return SECTIONS[-1]


def order(case: Case) -> list[tuple[SectionSpec, Document, int]]:
    """(section, document, depth) in bundle order: sections, chronological, attachments after their e-mail."""
    by_seq = {d.seq: d for d in case.documents}
    children: dict[int, list[Document]] = {}
    tops: list[Document] = []
    for d in case.documents:
        if d.parent is not None and d.parent in by_seq and d.parent != d.seq:
            children.setdefault(d.parent, []).append(d)
        else:
            tops.append(d)
    out: list[tuple[SectionSpec, Document, int]] = []
    placed: set[int] = set()

    def place(spec: SectionSpec, doc: Document, depth: int) -> None:
        if doc.seq in placed:  # a hand-edited parent loop must not hang or duplicate
            return
        placed.add(doc.seq)
        out.append((spec, doc, depth))
        for child in sorted(children.get(doc.seq, []), key=lambda c: c.seq):
            place(spec, child, depth + 1)

    for spec in SECTIONS:
        for doc in sorted((d for d in tops if section_of(d.kind) == spec), key=sort_key):
            place(spec, doc, 0)
    # Documents only reachable through a parent loop: still in the bundle, never lost.
    for doc in sorted(case.documents, key=sort_key):
        place(section_of(doc.kind), doc, 0)
    return sorted(out, key=lambda t: SECTIONS.index(t[0]))  # stable: keeps order within a section


def plan_bundle(case: Case, case_dir: Path, stack: contextlib.ExitStack) -> BundlePlan:
    """Open every document's PDF (closed when `stack` closes) and number the bundle's pages."""
    sections = [Section(spec) for spec in SECTIONS]
    by_letter = {s.spec.letter: s for s in sections}
    for spec, doc, depth in order(case):
        source = open_source(case_dir, doc)
        stack.callback(source.close)
        by_letter[spec.letter].entries.append(Entry(doc, source, depth))
    plan = BundlePlan(case, sections)
    n = 1
    for e in plan.entries:
        e.start = n
        n += e.pages
    return plan
