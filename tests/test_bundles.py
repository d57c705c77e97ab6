"""Hearing bundles of a case: pages, numbers, bookmarks, labels, links, placeholders, versions.

The dossier is built the way intake leaves it (case.yaml through pipeline.dossier, PDFs in
documents/), with the kinds of PDF a real dossier holds: text letters, a rendered e-mail with
an image-only scan attached, a landscape page, a US-letter page, a page with /Rotate 90, a page
whose boxes do not start at 0,0, a password-protected PDF and a truncated one.
"""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pypdf
import pytest
from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from pipeline.bundles import build_case_bundle
from pipeline.dossier import add_case_file, write_case
from pipeline.models import Case, Document, Hearing, Party
from pipeline.workspace import Workspace

CASE = "KWRU-2026-001"
MEMBERS = ("mr. J. de Vries (voorzitter)", "mw. drs. E. Jansen", "dhr. P. Bakker")


# --- a dossier generator -------------------------------------------------------------------

@dataclass
class Spec:
    """A document to put in the dossier: its pages as (size, text) and how to spoil the file."""

    seq: int
    kind: str
    date: str
    title: str
    pages: list[tuple[tuple[float, float], str]]
    parent: int | None = None
    rotate: int = 0  # /Rotate on every page
    offset_box: bool = False  # MediaBox and CropBox that do not start at 0,0
    image_only: bool = False  # a scan without a text layer
    spoil: str | None = None  # "encrypt" | "truncate"
    no_pdf: bool = False


def pdf_bytes(spec: Spec) -> bytes:
    buf = io.BytesIO()
    c = Canvas(buf, invariant=1)
    for size, text in spec.pages:
        c.setPageSize(size)
        w, h = size
        if spec.image_only:
            img = Image.new("L", (int(w), int(h)), 250)
            d = ImageDraw.Draw(img)
            for y in range(80, int(h) - 80, 14):  # lines of "handwriting" nobody can extract
                d.line((60, y, w - 60 - (y * 7) % 120, y), fill=90, width=2)
            c.drawImage(ImageReader(img), 0, 0, w, h)
        else:
            c.setFont("Helvetica-Bold", 14)
            c.drawString(72, h - 90, spec.title)
            c.setFont("Helvetica", 11)
            for i, line in enumerate(text.splitlines()):
                c.drawString(72, h - 120 - 16 * i, line)
            # content right down to a normal letter's footer: the stamp must stay below it
            c.setFont("Helvetica", 8)
            c.drawString(72, 40, f"Voettekst {spec.title}")
        c.showPage()
    c.save()
    data = buf.getvalue()
    if spec.rotate or spec.offset_box:
        pdf = pikepdf.open(io.BytesIO(data))
        for page in pdf.pages:
            if spec.rotate:
                page.obj.Rotate = spec.rotate
            if spec.offset_box:
                # the same drawing, moved: user space starts at (100, 200)
                x1, y1 = float(page.mediabox[2]), float(page.mediabox[3])
                page.obj.MediaBox = pikepdf.Array([100, 200, x1 + 100, y1 + 200])
                page.obj.CropBox = pikepdf.Array([110, 210, x1 + 90, y1 + 190])
                page.contents_add(b"q 1 0 0 1 100 200 cm\n", prepend=True)
                page.contents_add(b"\nQ\n")
        out = io.BytesIO()
        pdf.save(out)
        data = out.getvalue()
    if spec.spoil == "encrypt":
        pdf = pikepdf.open(io.BytesIO(data))
        out = io.BytesIO()
        pdf.save(out, encryption=pikepdf.Encryption(user="geheim", owner="eigenaar"))
        data = out.getvalue()
    if spec.spoil == "truncate":
        data = data[: len(data) // 2]
    return data


def add_case(ws: Workspace, case_id: str, specs: list[Spec], hearing: Hearing | None,
             tmp: Path, corporation: str = "Mitros", name: str = "A. Bakker") -> Case:
    case = Case(id=case_id, status="zitting_gepland", received="2026-03-14",
                complainant=Party(name=name, street="Lange Nieuwstraat", house_number="12",
                                  postcode="3512 PH", city="Utrecht"),
                representative=Party(name="M. Bakker-de Wit", relation="dochter"),
                corporation=corporation, category="reparatie_onderhoud", hearing=hearing)
    for spec in specs:
        add_document(ws, case, spec, tmp, write=False)
    write_case(ws, case)
    return case


def add_document(ws: Workspace, case: Case, spec: Spec, tmp: Path, write: bool = True) -> None:
    data = pdf_bytes(spec)
    name = f"{spec.seq:03d}-{spec.kind}-{spec.date}.pdf"
    src = tmp / f"{case.id}-{name}"
    src.write_bytes(data)
    add_case_file(ws, case.id, "documents", name, src)
    case.documents.append(Document(
        seq=spec.seq, kind=spec.kind, original_name=f"origineel-{spec.seq}.pdf",
        sha256=hashlib.sha256(data).hexdigest(), date=spec.date, pages=len(spec.pages),
        path=None if spec.no_pdf else f"documents/{name}", ocr=spec.image_only,
        received=f"{spec.date}T10:00:00", title=spec.title, parent=spec.parent))
    if write:
        write_case(ws, case)


A4L = landscape(A4)
OFFSET_A4 = A4


def standard_specs() -> list[Spec]:
    """Eight documents in intake order (seq), deliberately not in bundle order."""
    return [
        Spec(1, "klacht", "2026-03-12", "Klacht over lekkage badkamer",
             [(A4, "Geachte commissie,\nIk dien een klacht in over de lekkage.\nKLACHTTEKST-EEN"),
              (A4, "Tweede pagina van de klacht.\nKLACHTTEKST-TWEE")]),
        Spec(2, "aanvulling", "2026-03-20", "E-mail van A. Bakker: foto's van de schimmel",
             [(A4, ("Van: A. Bakker <a.bakker@example.nl>\nAan: info@kwru.nl\n"
                    "Onderwerp: foto's van de schimmel\nDatum: 20 maart 2026\n\nMAILTEKST-BAKKER"))]),
        Spec(3, "aanvulling", "2026-03-20", "foto-badkamer.jpg (scan)", [(A4, "")], parent=2,
             image_only=True),
        Spec(4, "reactie_corporatie", "2026-04-02", "Reactie van Mitros",
             [(A4, "Reactie van de corporatie.\nREACTIETEKST-MITROS"),
              (A4L, "Overzicht reparatieverzoeken (liggend)\nLIGGENDTEKST-TABEL")]),
        Spec(5, "overig", "2026-03-25", "Inspectierapport (letter-formaat)",
             [(letter, "Inspection report, US letter.\nLETTERTEKST-RAPPORT")]),
        Spec(6, "overig", "2026-03-28", "Plattegrond (gedraaid)",
             [(A4, "Plattegrond van de woning, pagina gedraaid.\nGEDRAAIDTEKST-PLAN")], rotate=90),
        Spec(7, "reactie_corporatie", "2026-04-03", "Aanvullende reactie Mitros (beveiligd)",
             [(A4, "geheim")], spoil="encrypt"),
        Spec(8, "aanvulling", "2026-04-05", "Brief van klager (afgebroken bestand)",
             [(A4, "kapot"), (A4, "kapot")], spoil="truncate"),
        Spec(9, "overig", "2026-03-30", "Meetrapport (verschoven paginakader)",
             [(A4, "Meetrapport met verschoven MediaBox.\nVERSCHOVENTEKST-METING")], offset_box=True),
    ]


# Bundle order: A: 1 ; B: 4, 7 ; C (chronological): 2 (+ attachment 3), 5, 6, 9, 8
ORDER = [1, 4, 7, 2, 3, 5, 6, 9, 8]
PAGES = {1: 2, 4: 2, 7: 1, 2: 1, 3: 1, 5: 1, 6: 1, 9: 1, 8: 1}  # placeholders take 1 page
MARKERS = {1: "KLACHTTEKST-EEN", 2: "MAILTEKST-BAKKER", 4: "REACTIETEKST-MITROS",
           5: "LETTERTEKST-RAPPORT", 6: "GEDRAAIDTEKST-PLAN", 9: "VERSCHOVENTEKST-METING"}


def start_pages() -> dict[int, int]:
    out, n = {}, 1
    for seq in ORDER:
        out[seq] = n
        n += PAGES[seq]
    return out


@pytest.fixture
def dossier(ws: Workspace, tmp_path: Path, monkeypatch) -> Workspace:
    monkeypatch.setenv("KWRU_TODAY", "2026-04-08")
    add_case(ws, CASE, standard_specs(), Hearing("2026-04-14", "13:30", "Kantoor Mitros, Kanaalweg 2, Utrecht"),
             tmp_path)
    return ws


def bundle_path(ws: Workspace, version: int = 1, member: str | None = None) -> Path:
    suffix = f"-{member}" if member else ""
    return ws.case_dir(CASE) / "bundles" / f"zittingsbundel-{CASE}-v{version}{suffix}.pdf"


def page_index(reader: pypdf.PdfReader) -> dict[int, int]:
    return {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages)}


def outline_tree(reader: pypdf.PdfReader, items=None) -> list[tuple[str, int, list]]:
    """[(title, page index, children)] of the bookmarks."""
    items = reader.outline if items is None else items
    out: list[tuple[str, int, list]] = []
    for it in items:
        if isinstance(it, list):
            title, page, _ = out[-1]
            out[-1] = (title, page, outline_tree(reader, it))
        else:
            out.append((it.title, reader.get_destination_page_number(it), []))
    return out


def link_targets(reader: pypdf.PdfReader, page_no: int) -> list[tuple[list[float], int]]:
    idx = page_index(reader)
    out = []
    for a in reader.pages[page_no].get("/Annots", []) or []:
        a = a.get_object()
        if a.get("/Subtype") != "/Link":
            continue
        action = a["/A"]
        assert action["/S"] == "/GoTo"
        out.append(([float(v) for v in a["/Rect"]], idx[action["/D"][0].idnum]))
    return out


def words_bbox(pdf: Path, page_no: int) -> tuple[float, float, list[tuple[str, float, float, float, float]]]:
    """Words with boxes in the page *as displayed*: the CropBox, turned by /Rotate."""
    html = subprocess.run(["pdftotext", "-cropbox", "-bbox", "-f", str(page_no + 1), "-l", str(page_no + 1), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    m = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', html)
    assert m
    words = [(w, float(a), float(b), float(c), float(d)) for a, b, c, d, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', html)]
    page = pypdf.PdfReader(pdf).pages[page_no]
    width, height = float(page.cropbox.width), float(page.cropbox.height)
    if page.rotation % 180:
        width, height = height, width
    return width, height, words


# --- the tests -----------------------------------------------------------------------------

def test_case_bundle_pages_numbers_and_text(dossier: Workspace) -> None:
    r = build_case_bundle(dossier, CASE)
    assert r.made and r.version == 1
    path = bundle_path(dossier)
    assert path.is_file()
    reader = pypdf.PdfReader(path)
    total = sum(PAGES.values())
    assert r.pages == len(reader.pages) == 2 + total  # cover, one index page, the documents
    front = 2
    labels = reader.page_labels
    assert labels[:2] == ["i", "ii"]
    assert labels[2:] == [str(n) for n in range(1, total + 1)]
    for i in range(front, len(reader.pages)):
        n = i - front + 1
        assert f"p. {n} / {total}" in reader.pages[i].extract_text(), f"stamp missing on page {i}"
    assert "p. i" in reader.pages[0].extract_text()

    starts = start_pages()
    for seq, marker in MARKERS.items():
        assert marker in reader.pages[front + starts[seq] - 1].extract_text(), f"text of document {seq}"

    cover = reader.pages[0].extract_text()
    for expected in ("Zittingsbundel", CASE, "A. Bakker", "M. Bakker-de Wit (dochter)", "Mitros",
                     "dinsdag 14 april 2026, 13.30 uur", "Kantoor Mitros, Kanaalweg 2, Utrecht",
                     *MEMBERS, "8 april 2026", "Klachtencommissie Woningcorporaties Regio Utrecht"):
        assert expected in cover, expected
    index = reader.pages[1].extract_text()
    for expected in ("Inhoudsopgave", "A. Klacht en bijlagen", "B. Reactie corporatie",
                     "C. Overige correspondentie", "Klacht", "Reactie corporatie", "Aanvulling klager",
                     "Klacht over lekkage badkamer", "12-03-2026", "niet opgenomen"):
        assert expected in index, expected


def test_page_sizes_and_rotation_kept(dossier: Workspace) -> None:
    build_case_bundle(dossier, CASE)
    reader = pypdf.PdfReader(bundle_path(dossier))
    s = {seq: 2 + n - 1 for seq, n in start_pages().items()}

    def size(i: int) -> tuple[int, int]:
        box = reader.pages[i].mediabox
        return round(box.width), round(box.height)

    assert size(s[1]) == (595, 842)
    assert size(s[4] + 1) == (842, 595)  # the landscape page of the reaction
    assert size(s[5]) == (612, 792)  # US letter
    assert reader.pages[s[6]].rotation == 90
    assert [round(float(v)) for v in reader.pages[s[9]].mediabox] == [100, 200, 695, 1042]
    assert [round(float(v)) for v in reader.pages[s[9]].cropbox] == [110, 210, 685, 1032]
    # the scan has no text layer: its only text is the stamp
    assert reader.pages[s[3]].extract_text().strip() == f"{CASE}  ·  p. {start_pages()[3]} / {sum(PAGES.values())}"



@pytest.mark.parametrize("seq,page_in_doc", [(1, 0), (4, 1), (6, 0), (9, 0), (5, 0)])
def test_stamp_sits_bottom_right_as_displayed(dossier: Workspace, seq: int, page_in_doc: int) -> None:
    """Portrait, landscape, rotated and shifted pages: the stamp is in the reader's bottom-right corner."""
    build_case_bundle(dossier, CASE)
    path = bundle_path(dossier)
    n = start_pages()[seq] + page_in_doc
    width, height, words = words_bbox(path, 2 + n - 1)
    total = sum(PAGES.values())
    i = next(i for i in range(len(words) - 3) if [w[0] for w in words[i:i + 4]] == ["p.", str(n), "/", str(total)])
    _, x0, y0, _, y1 = words[i]
    x1 = words[i + 3][3]
    assert x1 > width - 40 and y1 > height - 30, (width, height, words[i:i + 4])
    assert x1 <= width and y1 <= height
    # upright: wider than tall
    assert (x1 - x0) >= (y1 - y0) * 0.5
    # and below the lowest line of the document's own text (its footer)
    footer = [w for w in words if w[0] == "Voettekst"]
    if footer:
        assert y0 > footer[0][4], "the stamp covers the footer"


def test_bookmarks_and_index_links_point_to_the_documents(dossier: Workspace) -> None:
    build_case_bundle(dossier, CASE)
    reader = pypdf.PdfReader(bundle_path(dossier))
    starts = {seq: 2 + n - 1 for seq, n in start_pages().items()}
    tree = outline_tree(reader)
    titles = [t for t, _, _ in tree]
    assert titles == ["Voorblad", "Inhoudsopgave", "A. Klacht en bijlagen", "B. Reactie corporatie",
                      "C. Overige correspondentie"]
    assert [p for _, p, _ in tree][:2] == [0, 1]
    docs: dict[int, int] = {}

    def collect(nodes):
        for title, page, children in nodes:
            m = re.match(r"(\d+)\. ", title)
            if m:
                docs[int(m.group(1))] = page
            collect(children)

    collect(tree[2:])
    assert docs == starts
    # the attachment (3) hangs under its e-mail (2)
    section_c = tree[4][2]
    mail = next(node for node in section_c if node[0].startswith("2. "))
    assert [t for t, _, _ in mail[2]] and mail[2][0][0].startswith("3. Aanvulling klager")

    links = link_targets(reader, 1)
    assert sorted(p for _, p in links) == sorted(starts.values())
    # rows top to bottom are in bundle order
    by_height = [p for _, p in sorted(links, key=lambda lp: -lp[0][1])]
    assert by_height == [starts[s] for s in ORDER]


def test_placeholders_for_encrypted_and_broken_documents(dossier: Workspace) -> None:
    r = build_case_bundle(dossier, CASE)
    assert len(r.problems) == 2
    assert "document 7" in r.problems[0] and "password" in r.problems[0]
    assert "document 8" in r.problems[1] and "damaged" in r.problems[1]
    reader = pypdf.PdfReader(bundle_path(dossier))
    starts = start_pages()
    enc = " ".join(reader.pages[2 + starts[7] - 1].extract_text().split())
    assert "Stuk niet opgenomen" in enc and "wachtwoord" in enc and "Document 7" in enc
    broken = " ".join(reader.pages[2 + starts[8] - 1].extract_text().split())
    assert "Stuk niet opgenomen" in broken and "beschadigd" in broken and "Document 8" in broken


def test_document_without_pdf_and_repaired_pdf(ws: Workspace, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KWRU_TODAY", "2026-04-08")
    specs = [Spec(1, "klacht", "2026-03-12", "Klacht", [(A4, "KLACHT")]),
             Spec(2, "aanvulling", "2026-03-13", "Word-bestand dat niet omgezet kon worden", [(A4, "x")],
                  no_pdf=True)]
    add_case(ws, CASE, specs, None, tmp_path)
    # a PDF whose cross-reference table is lost but whose pages are intact: qpdf repairs it
    case = ws.load_case(CASE)
    spec = Spec(3, "overig", "2026-03-14", "Bijna heel", [(A4, "HERSTELDE-TEKST")])
    data = pdf_bytes(spec)
    cut = data[: data.rindex(b"startxref")]
    src = tmp_path / "almost.pdf"
    src.write_bytes(cut)
    add_case_file(ws, CASE, "documents", "003-overig.pdf", src)
    case.documents.append(Document(seq=3, kind="overig", original_name="bijna.pdf", sha256="x",
                                   date="2026-03-14", pages=1, path="documents/003-overig.pdf", ocr=False,
                                   received="2026-03-14T10:00:00", title="Bijna heel"))
    write_case(ws, case)

    r = build_case_bundle(ws, CASE)
    assert "no PDF could be made" in r.problems[0]
    assert r.repaired and "document 3" in r.repaired[0]
    assert r.warnings  # no hearing yet
    reader = pypdf.PdfReader(ws.root / r.file)
    texts = [" ".join(p.extract_text().split()) for p in reader.pages]
    assert "nog niet gepland" in texts[0]
    assert any("HERSTELDE-TEKST" in t for t in texts)
    assert any("er kon geen PDF van dit stuk worden gemaakt" in t for t in texts)
    assert r.outbox and r.outbox.startswith("outbox/2026-04-08/")


def test_new_version_only_when_the_dossier_changed(dossier: Workspace, tmp_path: Path) -> None:
    v1 = build_case_bundle(dossier, CASE)
    again = build_case_bundle(dossier, CASE)
    assert not again.made and again.version == 1
    assert len([h for h in dossier.history(CASE) if h["event"] == "bundle"]) == 1

    case = dossier.load_case(CASE)
    add_document(dossier, case, Spec(10, "reactie_corporatie", "2026-04-06", "Nagekomen reactie Mitros",
                                     [(A4, "NAGEKOMEN-REACTIE")]), tmp_path)
    v2 = build_case_bundle(dossier, CASE)
    assert v2.made and v2.version == 2
    assert v2.note == "nieuw sinds v1: document 10 Reactie corporatie (2026-04-06)"
    assert bundle_path(dossier, 1).is_file() and bundle_path(dossier, 2).is_file()
    assert v2.pages == v1.pages + 1
    reader = pypdf.PdfReader(bundle_path(dossier, 2))
    cover = reader.pages[0].extract_text()
    assert "Versie 2" in cover and "nieuw sinds v1: document 10 Reactie corporatie" in cover
    events = [h for h in dossier.history(CASE) if h["event"] == "bundle"]
    assert [e["version"] for e in events] == [1, 2]
    assert events[1]["file"] == f"bundles/zittingsbundel-{CASE}-v2.pdf"
    assert events[1]["changes"] == v2.note
    assert (dossier.outbox / "2026-04-14" / f"zittingsbundel-{CASE}-v2.pdf").is_file()

    forced = build_case_bundle(dossier, CASE, force=True)
    assert forced.made and forced.version == 3


def test_hearing_moved_makes_a_new_version(dossier: Workspace) -> None:
    build_case_bundle(dossier, CASE)
    case = dossier.load_case(CASE)
    case.hearing = Hearing("2026-05-12", "14:15", "Kantoor Mitros, Kanaalweg 2, Utrecht")
    write_case(dossier, case)
    r = build_case_bundle(dossier, CASE)
    assert r.made and r.version == 2 and "zittingsgegevens" in r.note
    assert r.outbox == f"outbox/2026-05-12/zittingsbundel-{CASE}-v2.pdf"


def test_per_member_copies_carry_the_watermark(dossier: Workspace) -> None:
    r = build_case_bundle(dossier, CASE, per_member=True)
    assert len(r.member_files) == 3
    for slug, member in zip(("de-vries", "jansen", "bakker"), MEMBERS, strict=True):
        path = bundle_path(dossier, 1, slug)
        assert path.is_file()
        assert (dossier.outbox / "2026-04-14" / path.name).is_file()
        reader = pypdf.PdfReader(path)
        assert len(reader.page_labels) == r.pages
        for page in reader.pages:
            assert f"Vertrouwelijk — {member}" in page.extract_text()
    base = pypdf.PdfReader(bundle_path(dossier))
    assert "Vertrouwelijk —" not in base.pages[3].extract_text()
    # asked again, nothing changed: no new version, the copies are already there
    again = build_case_bundle(dossier, CASE, per_member=True)
    assert not again.made and again.member_files == []


def test_watermark_sits_in_the_top_margin(dossier: Workspace) -> None:
    build_case_bundle(dossier, CASE, per_member=True)
    path = bundle_path(dossier, 1, "jansen")
    starts = start_pages()
    for seq in (1, 6, 9):
        width, _, words = words_bbox(path, 2 + starts[seq] - 1)
        first = next(w for w in words if w[0] == "Vertrouwelijk")
        line = [w for w in words if abs(w[2] - first[2]) < 1]  # the words on its line
        assert [w[0] for w in line][-2:] == ["E.", "Jansen"], line
        left, right = min(w[1] for w in line), max(w[3] for w in line)
        assert first[4] < 30, "in the top margin"
        assert abs((left + right) / 2 - width / 2) < 5, "centred"


def test_cli_bundle(dossier: Workspace, kwru) -> None:
    run = kwru(dossier, "bundle", CASE)
    assert run.code == 0, run.err
    assert "bundel v1" in run.err and "document 7" in run.err
    run = kwru(dossier, "bundle", CASE)
    assert run.code == 0 and "niets veranderd sinds v1" in run.err
    run = kwru(dossier, "bundle", CASE, "--json")
    assert run.code == 0 and run.json()["version"] == 1 and run.json()["made"] is False
    assert kwru(dossier, "bundle", "KWRU-2026-999").code == 2
    assert kwru(dossier, "bundle", "--session", "14-04-2026").code == 2
    run = kwru(dossier, "bundle", "--session", "2026-06-01")
    assert run.code == 2 and "geen zaken gepland" in run.err
    with pytest.raises(SystemExit) as exc:  # argparse: ID or --session is required
        kwru(dossier, "bundle")
    assert exc.value.code == 2


def test_long_index_spans_pages_and_every_row_links(ws: Workspace, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KWRU_TODAY", "2026-04-08")
    kinds = ("klacht", "reactie_corporatie", "aanvulling", "overig")
    specs = [Spec(i, kinds[i % 4], f"2026-03-{i % 28 + 1:02d}",
                  f"Stuk {i} met een titel die zo lang is dat hij in de inhoudsopgave moet worden afgekort " * 2,
                  [(A4, f"TEKST-{i}")] * (1 + i % 3)) for i in range(1, 91)]
    add_case(ws, CASE, specs, Hearing("2026-04-14", "13:30", "Utrecht"), tmp_path)
    r = build_case_bundle(ws, CASE)
    reader = pypdf.PdfReader(ws.root / r.file)
    labels = reader.page_labels
    front = labels.index("1")
    assert front >= 4 and labels[:front] == ["i", "ii", "iii", "iv", "v"][:front]
    linked = sorted(p for i in range(1, front) for _, p in link_targets(reader, i))
    assert len(linked) == 90 and len(set(linked)) == 90
    for p in linked:  # each link lands on the first page of its document
        text = reader.pages[p].extract_text()
        seq = int(re.search(r"TEKST-(\d+)", text).group(1))
        assert f"Stuk {seq} met" in text
    for i in range(1, front):
        assert "Inhoudsopgave" in reader.pages[i].extract_text()
    assert sum(1 for lab in labels if lab.isdigit()) == r.pages - front


def test_stamp_on_rotated_and_unbalanced_pages(ws: Workspace, tmp_path: Path, monkeypatch) -> None:
    """/Rotate 180 and 270, /Rotate inherited from the page tree, content that leaves the
    graphics state changed, an owner-password-only PDF: numbered in the corner all the same."""
    monkeypatch.setenv("KWRU_TODAY", "2026-04-08")
    specs = [Spec(1, "klacht", "2026-03-01", "Ondersteboven", [(A4, "ROT180")], rotate=180),
             Spec(2, "klacht", "2026-03-02", "Kwartslag", [(A4L, "ROT270")], rotate=270),
             Spec(3, "klacht", "2026-03-03", "Geerfd", [(A4, "GEERFD")]),
             Spec(4, "klacht", "2026-03-04", "Rommelig", [(A4, "ROMMELIG")]),
             Spec(5, "klacht", "2026-03-05", "Alleen eigenaarswachtwoord", [(A4, "EIGENAAR")])]
    add_case(ws, CASE, specs, Hearing("2026-04-14", "13:30", "Utrecht"), tmp_path)
    docs = ws.case_dir(CASE) / "documents"
    # 3: /Rotate 90 on the Pages node only
    f3 = next(docs.glob("003-*.pdf"))
    with pikepdf.open(f3, allow_overwriting_input=True) as pdf:
        pdf.Root.Pages.Rotate = 90
        del pdf.pages[0].obj["/Rotate"]  # reportlab writes /Rotate 0 on each page
        pdf.save(f3)
    # 4: content that ends scaled, in white, without restoring the graphics state
    f4 = next(docs.glob("004-*.pdf"))
    with pikepdf.open(f4, allow_overwriting_input=True) as pdf:
        pdf.pages[0].contents_add(b"\n3 0 0 3 50 50 cm 1 1 1 rg 1 1 1 RG 5 Tr\n")
        pdf.save(f4)
    # 5: opens without a password (owner password only): it belongs in the bundle
    f5 = next(docs.glob("005-*.pdf"))
    with pikepdf.open(f5, allow_overwriting_input=True) as pdf:
        pdf.save(f5, encryption=pikepdf.Encryption(user="", owner="eigenaar"))

    r = build_case_bundle(ws, CASE)
    assert r.problems == []
    path = ws.root / r.file
    reader = pypdf.PdfReader(path)
    assert [reader.pages[2 + i].rotation for i in range(5)] == [180, 270, 90, 0, 0]
    for i, marker in enumerate(("ROT180", "ROT270", "GEERFD", "ROMMELIG", "EIGENAAR")):
        width, height, words = words_bbox(path, 2 + i)
        assert marker in [w[0] for w in words]
        n = i + 1
        k = next(k for k in range(len(words) - 3) if [w[0] for w in words[k:k + 4]] == ["p.", str(n), "/", "5"])
        _, x0, y0, _, y1 = words[k]
        x1 = words[k + 3][3]
        assert width - 40 < x1 <= width and height - 30 < y1 <= height, (marker, width, height, words[k:k + 4])
        assert (x1 - x0) > (y1 - y0), marker  # upright


def test_member_copies_of_an_up_to_date_version(dossier: Workspace) -> None:
    build_case_bundle(dossier, CASE)
    r = build_case_bundle(dossier, CASE, per_member=True)
    assert not r.made and r.version == 1 and len(r.member_files) == 3
    assert bundle_path(dossier, 1, "de-vries").is_file()
    events = [h for h in dossier.history(CASE) if h["event"] == "bundle"]
    assert [e["scope"] for e in events] == ["zaak", "leden"]


def test_a_hearing_date_that_is_not_a_date(dossier: Workspace, kwru) -> None:
    case = dossier.load_case(CASE)
    case.hearing = Hearing("14 april", "13:30", "Utrecht")
    write_case(dossier, case)
    run = kwru(dossier, "bundle", CASE)
    assert run.code == 6 and "zittingsdatum '14 april'" in run.err and "Traceback" not in run.err
