"""The hearing day: every case's bundle plus one day bundle with an agenda, linked and bookmarked."""

from __future__ import annotations

from pathlib import Path

import pypdf
import pytest
from reportlab.lib.pagesizes import A4, landscape

from pipeline.bundles import build_session
from pipeline.models import Hearing
from pipeline.workspace import Workspace

from .test_bundles import Spec, add_case, add_document, link_targets, outline_tree

DAY = "2026-04-14"
PLACE = "Kantoor Mitros, Kanaalweg 2, Utrecht"


def specs(tag: str, n_reaction_pages: int) -> list[Spec]:
    return [
        Spec(1, "klacht", "2026-03-02", f"Klacht {tag}", [(A4, f"KLACHT-{tag}")]),
        Spec(2, "reactie_corporatie", "2026-03-20", f"Reactie {tag}",
             [(A4, f"REACTIE-{tag}-{i}") for i in range(n_reaction_pages - 1)]
             + [(landscape(A4), f"REACTIE-{tag}-LIGGEND")]),
    ]


@pytest.fixture
def day(ws: Workspace, tmp_path: Path, monkeypatch) -> Workspace:
    monkeypatch.setenv("KWRU_TODAY", "2026-04-08")
    # planned out of order: the later slot has the lower number
    add_case(ws, "KWRU-2026-001", specs("EEN", 3), Hearing(DAY, "14:15", PLACE), tmp_path,
             corporation="Portaal Utrecht", name="J. Jansen")
    add_case(ws, "KWRU-2026-002", specs("TWEE", 2), Hearing(DAY, "13:30", PLACE), tmp_path,
             corporation="Mitros", name="B. de Groot")
    add_case(ws, "KWRU-2026-003", specs("DRIE", 2), Hearing("2026-05-12", "13:30", PLACE), tmp_path)
    return ws


def test_session_makes_case_bundles_and_a_day_bundle(day: Workspace) -> None:
    result = build_session(day, DAY)
    assert [r.case_id for r in result.cases] == ["KWRU-2026-002", "KWRU-2026-001"]  # by time
    assert all(r.made and r.version == 1 for r in result.cases)
    d = result.bundle
    assert d.made and d.version == 1 and d.file == f"outbox/{DAY}/zittingsdag-{DAY}-v1.pdf"
    for r in result.cases:
        assert (day.outbox / DAY / Path(r.file).name).is_file()
    assert not (day.case_dir("KWRU-2026-003") / "bundles").exists()

    reader = pypdf.PdfReader(day.root / d.file)
    sizes = [r.pages for r in result.cases]
    assert len(reader.pages) == d.pages == 1 + sum(sizes)
    starts = [1, 1 + sizes[0]]  # page index of each case's cover

    agenda = reader.pages[0].extract_text()
    for expected in ("Zittingsdag", "dinsdag 14 april 2026", PLACE, "13.30 uur", "14.15 uur", "KWRU-2026-002",
                     "Mitros", "Portaal Utrecht", "B. de Groot", "J. Jansen", "mw. drs. E. Jansen"):
        assert expected in agenda, expected
    assert agenda.index("KWRU-2026-002") < agenda.index("KWRU-2026-001")
    assert sorted(p for _, p in link_targets(reader, 0)) == starts

    tree = outline_tree(reader)
    assert [t for t, _, _ in tree] == ["Agenda", "13.30 uur – KWRU-2026-002 – Mitros",
                                       "14.15 uur – KWRU-2026-001 – Portaal Utrecht"]
    assert [p for _, p, _ in tree] == [0, *starts]
    inner = tree[2][2]  # KWRU-2026-001 inside the day bundle
    assert [t for t, _, _ in inner][:2] == ["Voorblad", "Inhoudsopgave"]
    assert inner[0][1] == starts[1] and inner[1][1] == starts[1] + 1
    reaction = inner[3][2][0]  # B. Reactie corporatie > document 2
    assert reaction[0].startswith("2. Reactie corporatie")
    assert "REACTIE-EEN-0" in reader.pages[reaction[1]].extract_text()

    # the case's index still links to its own documents inside the day bundle
    index_links = sorted(p for _, p in link_targets(reader, starts[1] + 1))
    assert [reader.pages[p].extract_text().count("KWRU-2026-001  ·  p. ") for p in index_links] == [1, 1]
    assert "KLACHT-EEN" in reader.pages[index_links[0]].extract_text()
    assert "REACTIE-EEN-0" in reader.pages[index_links[1]].extract_text()

    labels = reader.page_labels
    assert labels[0] == "Agenda 1"
    assert labels[starts[0]:starts[0] + 3] == ["KWRU-2026-002 i", "KWRU-2026-002 ii", "KWRU-2026-002 1"]
    assert labels[-1] == f"KWRU-2026-001 {sizes[1] - 2}"
    assert reader.pages[-1].extract_text().count(f"p. {sizes[1] - 2} / {sizes[1] - 2}") == 1

    events = [h for h in day.history("KWRU-2026-001") if h["event"] == "bundle"]
    assert [e["scope"] for e in events] == ["zaak", "zittingsdag"]
    assert events[1]["file"] == d.file


def test_session_again_and_after_a_new_document(day: Workspace, tmp_path: Path) -> None:
    build_session(day, DAY)
    again = build_session(day, DAY)
    assert not any(r.made for r in again.cases) and not again.bundle.made
    assert again.bundle.version == 1

    case = day.load_case("KWRU-2026-001")
    add_document(day, case, Spec(3, "aanvulling", "2026-04-06", "Reactie van klager", [(A4, "NAGEKOMEN")]),
                 tmp_path)
    third = build_session(day, DAY)
    made = {r.case_id: r for r in third.cases}
    assert made["KWRU-2026-001"].made and made["KWRU-2026-001"].version == 2
    assert not made["KWRU-2026-002"].made
    assert third.bundle.made and third.bundle.version == 2
    assert third.bundle.note == "sinds v1: KWRU-2026-001 nieuwe versie"
    assert (day.outbox / DAY / f"zittingsdag-{DAY}-v1.pdf").is_file()
    reader = pypdf.PdfReader(day.outbox / DAY / f"zittingsdag-{DAY}-v2.pdf")
    assert any("NAGEKOMEN" in p.extract_text() for p in reader.pages)


def test_session_per_member(day: Workspace) -> None:
    result = build_session(day, DAY, per_member=True)
    assert len(result.bundle.member_files) == 3
    path = day.outbox / DAY / f"zittingsdag-{DAY}-v1-jansen.pdf"
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) == result.bundle.pages
    assert all("Vertrouwelijk — mw. drs. E. Jansen" in p.extract_text() for p in reader.pages)
    assert len(outline_tree(reader)) == 3


def test_cli_session(day: Workspace, kwru) -> None:
    run = kwru(day, "bundle", "--session", DAY)
    assert run.code == 0, run.err
    assert "KWRU-2026-002: bundel v1" in run.err and "dagbundel v1" in run.err
    run = kwru(day, "bundle", "--session", DAY, "--json")
    assert run.code == 0
    data = run.json()
    assert data["bundle"]["made"] is False and [c["case_id"] for c in data["cases"]] == [
        "KWRU-2026-002", "KWRU-2026-001"]
