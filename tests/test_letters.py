"""Letters: every kind rendered for made-up cases and read back as a secretary would check them.

The DOCX of all kinds are made without PDF, then converted in ONE LibreOffice batch for the
whole module (LibreOffice starts in ~1-2 s; one start per letter would dominate the run).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pdfplumber
import pytest
import yaml
from docx import Document

from pipeline import dossier, office
from pipeline.errors import MissingValueError, TransitionError
from pipeline.letters import content, dutch, render, samples
from pipeline.letters.make_templates import build_all
from pipeline.letters.produce import make_letters
from pipeline.models import Hearing, Party
from pipeline.workspace import Workspace

DATE = dt.date(2026, 3, 20)
DAY = "20 maart 2026"
HOSTILE = 'Bakker & Zn <test> "quote" Émile'
LONG_STREET = "Burgemeester " + "Van Heemstra-Lange " * 8 + "laan"
REP = Party(name="P. de Wit", gender="m", street="Laan 3", postcode="3500 AA", city="Utrecht", relation="zoon")

# (case seq, status, kind, extra)
PLAN = [
    (1, "ontvangen", "ontvangstbevestiging", {}),
    (2, "niet_ontvankelijk", "niet_ontvankelijk", {}),
    (3, "doorgezonden", "doorgezonden", {}),
    (4, "ontvankelijk", "verzoek_reactie", {}),
    (5, "reactie_ontvangen", "kopie_reactie", {}),
    (6, "zitting_gepland", "uitnodiging_zitting", {}),
    (7, "bemiddeld", "bemiddeling", {}),
    (8, "aangehouden", "bemiddeling", {}),
    (9, "zitting_gepland", "advies", {"advice": "gedeeltelijk_gegrond"}),
    (10, "ingetrokken", "intrekking", {}),
    (11, "reactie_gevraagd", "herinnering", {"date": dt.date(2026, 4, 20)}),
    (12, "advies_uitgebracht", "herinnering", {"date": dt.date(2026, 5, 20)}),
    (13, "zitting_gepland", "uitnodiging_zitting", {"representative": REP}),
    (14, "ontvangen", "ontvangstbevestiging", {"name": HOSTILE, "street": LONG_STREET, "gender": None}),
]


def text_of_docx(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for s in doc.sections:
        for hf in (s.header, s.footer, s.first_page_header, s.first_page_footer):
            parts += [p.text for p in hf.paragraphs]
    return "\n".join(parts)


def text_of_pdf(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """A workspace with a case for every kind, all letters made as DOCX, then one PDF batch."""
    root = tmp_path_factory.mktemp("letters") / "ws"
    ws = Workspace.init(root)
    samples.fill_directie_addresses(ws)
    runs = {}
    for seq, status, kind, extra in PLAN:
        case = samples.sample_case(ws, seq, status=status, representative=extra.get("representative"),
                                   name=extra.get("name"), gender=extra.get("gender", ""))
        if "street" in extra:
            street = extra["street"]
            dossier.update_case(ws, case.id, lambda c, s=street: setattr(c.complainant, "street", s))
        if extra.get("advice"):
            samples.with_advice(ws, case.id, extra["advice"])
        run = make_letters(ws, kind, [case.id], date=extra.get("date", DATE), strict=True, pdf=False)
        runs[seq] = run
    docx = [_outbox_docx(m) for r in runs.values() for m in r.made]  # outbox names are unique
    pdfs = office.to_pdf(docx, root.parent / "pdf", workers=2) if office.soffice_path() else {}
    return ws, runs, pdfs


def _outbox_docx(m) -> Path:
    return m.outbox[0]  # made without PDF: the outbox holds the DOCX


def _letters(made, seq):
    return made[1][seq].made


def _docx_text(made, seq, recipient=None) -> str:
    ms = [m for m in _letters(made, seq) if recipient is None or m.recipient == recipient]
    assert ms, f"no letter for {seq} {recipient}"
    return flat(text_of_docx(ms[0].docx))


def test_every_kind_made_with_its_files_and_history(made):
    ws, runs, _ = made
    for seq, _status, kind, extra in PLAN:
        day = extra.get("date", DATE).isoformat()
        run = runs[seq]
        assert not run.failed, run.failed
        assert run.made, kind
        cid = ws.config.case_id(2026, seq)
        history = ws.history(cid)
        letters = [e for e in history if e.get("event") == "letter" and e.get("command")]
        assert {e["kind"] for e in letters} == {kind}
        for m in run.made:
            assert m.docx.parent == ws.case_dir(cid) / "letters"
            assert m.docx.name.startswith(f"{day}-{kind}")
            assert any(p.name.startswith(f"{cid}-{kind}") and p.parent.name == day for p in m.outbox)
        ev = letters[-1]
        assert ev["date"] == day and ev["files"][0].startswith(f"letters/{day}-")


def test_common_parts_of_every_letter(made):
    ws, runs, _ = made
    for seq, _status, kind, extra in PLAN:
        for m in runs[seq].made:
            text = flat(text_of_docx(m.docx))
            cid = ws.config.case_id(2026, seq)
            assert "Klachtencommissie Woningcorporaties Regio Utrecht" in text
            assert "Postbus 8236 · 3503 RE Utrecht" in text
            assert f"Ons kenmerk: {cid}" in text
            assert f"Datum: {dutch.date_nl(extra.get('date', DATE))}" in text
            assert "Betreft: " in text
            assert "www.kwru.nl/hoe-werkt-het" in text, kind  # every letter points to the rules
            assert "mw. L. Smit" in text and "secretaris" in text
            assert "pagina" in text and "{{" not in text and "{%" not in text


def test_salutation_address_and_subject(made):
    text = _docx_text(made, 1)
    assert "Mevrouw A. Bakker Kerkstraat 12 3512 AB UTRECHT" in text
    assert "Geachte mevrouw Bakker," in text
    assert "Betreft: Uw klacht over Mitros" in text
    assert "Op 12 maart 2026 hebben wij uw klacht over Mitros ontvangen" in text
    assert "Geachte heer Jansen," in _docx_text(made, 2)
    assert "Geachte heer Van der Berg," in _docx_text(made, 3, "complainant")


def test_corporation_letters_go_to_the_directie(made):
    text = _docx_text(made, 4)  # verzoek_reactie, Woonstichting SSW
    assert "Woonstichting SSW t.a.v. de directie Postbus 1100 3515 AB DE BILT" in text
    assert "Geachte directie," in text
    assert "Betreft: Klacht van mevrouw M. de Jong-van Beek (Dorpsstraat 88, De Bilt)" in text
    assert "uiterlijk 3 april 2026" in text  # 14 days after the letter
    assert "Kopie van de klacht van 10 maart 2026" in text


def test_kind_specific_wording(made):
    t = _docx_text(made, 2)
    assert "hoogte van uw huur" in t and "Huurcommissie (www.huurcommissie.nl)" in t
    assert "Commissie Governancecode Woningcorporaties" in t
    assert "binnen 1 maand geen inhoudelijke reactie" in _docx_text(made, 3, "complainant")
    assert "stuurt haar aan u door" in _docx_text(made, 3, "corporation")
    copy = _docx_text(made, 5)
    assert "Op 2 april 2026 hebben wij de reactie van Jutphaas Wonen op uw klacht ontvangen" in copy
    assert "Kopie van de reactie van Jutphaas Wonen van 1 april 2026" in copy
    assert "Geachte heer/mevrouw Pieters," in copy
    inv = _docx_text(made, 6, "complainant")
    assert "Datum: donderdag 9 april 2026" in inv and "Tijd: 13.30 uur" in inv
    assert "Kantoor Mitros, Kanaalweg 2, Utrecht" in inv and "Kunt u niet komen?" in inv
    assert "maand daarna" in inv
    corp_inv = _docx_text(made, 6, "corporation")
    assert "bevoegd is om afspraken te maken" in corp_inv
    med = _docx_text(made, 7, "complainant")
    assert "1. Bo-Ex herstelt de lekkage" in med and "2. Klager geeft de aannemer" in med
    assert "De commissie sluit het dossier" in med and "Huurcommissie" in med
    held = _docx_text(made, 8, "corporation")
    assert "aangehouden" in held and "1 juni 2026" in held and "herstel geslaagd" in held
    adv = _docx_text(made, 9)
    assert "De commissie vindt de klacht gedeeltelijk gegrond." in adv
    assert "De commissie vindt dit onderdeel van de klacht gegrond." in adv
    assert "De commissie vindt dit onderdeel van de klacht ongegrond." in adv
    assert "Bied klager een vergoeding van € 150" in adv and "Controleer het werk van aannemers" in adv
    assert "binnen 1 maand na ontvangst van dit advies" in adv and "Huurcommissie" in adv
    assert "mr. J. de Vries" in adv and "voorzitter" in adv  # signed by the chair too
    assert "Afschrift aan: mevrouw M. de Jong-van Beek (klager)" in adv
    wd = _docx_text(made, 10)
    assert "wordt ingetrokken" in wd and "Afschrift aan: de directie van" in wd
    late = _docx_text(made, 11)  # reaction asked 26 March, due 9 April
    assert "Op 26 maart 2026 hebben wij u gevraagd om uiterlijk 9 april 2026" in late
    assert "nog niet ontvangen" in late and "uiterlijk 27 april 2026" in late
    decision = _docx_text(made, 12)  # advice 16 April, decision due a month later
    assert "Op 16 april 2026 heeft de klachtencommissie advies uitgebracht" in decision
    assert "Die termijn is op 16 mei 2026 verstreken" in decision


def test_status_moves_where_the_procedure_says(made):
    ws, runs, _ = made
    assert ws.load_case(ws.config.case_id(2026, 4)).status == "reactie_gevraagd"
    assert runs[4].moved == {ws.config.case_id(2026, 4): "reactie_gevraagd"}
    assert ws.load_case(ws.config.case_id(2026, 7)).status == "gesloten"  # settled: dossier closed
    assert ws.load_case(ws.config.case_id(2026, 8)).status == "aangehouden"
    assert ws.load_case(ws.config.case_id(2026, 9)).status == "advies_uitgebracht"
    hist = ws.history(ws.config.case_id(2026, 4))
    status = [e for e in hist if e.get("event") == "status"][-1]
    assert status["to"] == "reactie_gevraagd" and status["command"] == "letter verzoek_reactie"
    assert status["date"] == "2026-03-20"


def test_representative_gets_the_letter_and_complainant_a_copy(made):
    text = _docx_text(made, 13, "complainant")
    assert "De heer P. de Wit Laan 3 3500 AA UTRECHT" in text
    assert "Geachte heer De Wit," in text
    assert "Betreft: Klacht van de heer Jan van der Berg over Portaal Utrecht" in text
    assert "de klacht van de heer Jan van der Berg over Portaal Utrecht" in text
    assert "Afschrift aan: de heer Jan van der Berg (klager)" in text
    corp = _docx_text(made, 13, "corporation")
    assert "samen met de heer P. de Wit (zoon)" in corp
    assert {m.addressee for m in made[1][13].made} == {"representative", "corporation"}


def test_hostile_values_render_literally(made):
    text = _docx_text(made, 14)
    assert HOSTILE in text
    assert LONG_STREET.strip() in text
    assert "Geachte heer/mevrouw," in text  # no surname can be told from this name


def test_pdfs_of_all_kinds_in_one_batch(made):
    _ws, runs, pdfs = made
    assert office.soffice_path(), "LibreOffice must be installed (make test installs it)"
    docx = [m.docx for r in runs.values() for m in r.made]
    assert len(pdfs) == len(docx), "LibreOffice left some letters without a PDF"
    by_name = {d.name: p for d, p in pdfs.items()}

    def pdf_of(seq):
        return by_name[_outbox_docx(_letters(made, seq)[0]).name]

    first = flat(text_of_pdf(pdf_of(1)))
    assert "Geachte mevrouw Bakker," in first and "Ons kenmerk: KWRU-2026-001" in first
    assert DAY in first and "pagina 1 van 1" in first
    hostile = flat(text_of_pdf(pdf_of(14)))
    assert HOSTILE in hostile
    advice = flat(text_of_pdf(pdf_of(9)))
    assert "gedeeltelijk gegrond" in advice and "pagina 2 van 2" in advice
    with pdfplumber.open(pdf_of(1)) as pdf:
        fonts = {c["fontname"] for c in pdf.pages[0].chars}
    assert all("Liberation" in f for f in fonts), fonts


# --- one letter through the command, with its PDF ----------------------------------------------

def _ws(tmp_path: Path) -> Workspace:
    ws = Workspace.init(tmp_path / "ws")
    samples.fill_directie_addresses(ws)
    return ws


def test_missing_value_is_one_error_and_nothing_is_written(tmp_path, kwru):
    ws = _ws(tmp_path)
    case = samples.sample_case(ws, 3, status="zitting_gepland")
    dossier.update_case(ws, case.id, lambda c: setattr(c, "hearing", None))
    before = (ws.case_dir(case.id) / "history.jsonl").read_bytes()
    r = kwru(ws, "letter", "uitnodiging_zitting", case.id, "--date", "2026-03-20")
    assert r.code == MissingValueError.exit_code
    assert r.err.count("\n") == 1
    assert ("letter uitnodiging_zitting for KWRU-2026-003 needs hearing.date (plan it with `kwru schedule"
            in r.err)
    assert "hearing.time" in r.err and "hearing.location" in r.err
    assert not (ws.case_dir(case.id) / "letters").exists()
    assert not any(ws.outbox.rglob("*"))
    assert (ws.case_dir(case.id) / "history.jsonl").read_bytes() == before
    assert not any(ws.state.glob("letters-*")), "temporary files left behind"


def test_placeholder_directie_address_is_missing(tmp_path):
    ws = Workspace.init(tmp_path / "ws")  # the shipped kwru.yaml: "Postbus (in te vullen)"
    case = samples.sample_case(ws, 1, status="ontvankelijk")
    with pytest.raises(MissingValueError, match=r"directie address of Mitros.*placeholder"):
        make_letters(ws, "verzoek_reactie", [case.id], date=DATE, strict=True)
    assert ws.load_case(case.id).status == "ontvankelijk"


def test_letter_before_its_decision_is_refused(tmp_path):
    ws = _ws(tmp_path)
    case = samples.sample_case(ws, 1, status="ontvangen")
    with pytest.raises(TransitionError, match="kwru decide"):
        make_letters(ws, "niet_ontvankelijk", [case.id], date=DATE, strict=True)
    assert not (ws.case_dir(case.id) / "letters").exists()


def test_letter_command_makes_docx_and_pdf(tmp_path, kwru):
    ws = _ws(tmp_path)
    case = samples.sample_case(ws, 1, status="ontvankelijk")
    r = kwru(ws, "letter", "verzoek_reactie", case.id, "--date", "2026-03-20", "--json")
    assert r.code == 0, r.err
    out = json.loads(r.out)
    letter = out["letters"][0]
    assert letter["docx"] == "dossiers/KWRU-2026-001/letters/2026-03-20-verzoek_reactie.docx"
    assert out["status"] == {"KWRU-2026-001": "reactie_gevraagd"}
    if office.soffice_path():
        assert letter["pdf"] == "dossiers/KWRU-2026-001/letters/2026-03-20-verzoek_reactie.pdf"
        assert "outbox/2026-03-20/KWRU-2026-001-verzoek_reactie.pdf" in letter["outbox"]
        assert "Geachte directie" in text_of_pdf(ws.root / letter["pdf"])
    ev = [e for e in ws.history(case.id) if e.get("event") == "letter"][-1]
    assert ev["kind"] == "verzoek_reactie" and ev["to"] == "corporation"
    # the complaint it encloses lies next to it in the outbox
    bijlage = ws.outbox / "2026-03-20" / "KWRU-2026-001-verzoek_reactie-bijlage-1.pdf"
    assert bijlage.read_bytes() == (ws.case_dir(case.id) / "documents" / "001-klacht.pdf").read_bytes()
    assert "outbox/2026-03-20/KWRU-2026-001-verzoek_reactie-bijlage-1.pdf" in ev["outbox"]


def test_without_libreoffice_the_docx_is_made_and_the_reason_given(tmp_path, kwru, monkeypatch):
    ws = _ws(tmp_path)
    case = samples.sample_case(ws, 1, status="ontvangen")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    r = kwru(ws, "letter", "ontvangstbevestiging", case.id, "--date", "2026-03-20")
    assert r.code == 0, r.err
    assert "LibreOffice is niet geïnstalleerd" in r.err
    files = sorted(p.name for p in (ws.case_dir(case.id) / "letters").iterdir())
    assert files == ["2026-03-20-ontvangstbevestiging.docx"]
    assert [p.name for p in (ws.outbox / "2026-03-20").iterdir()] == ["KWRU-2026-001-ontvangstbevestiging.docx"]
    ev = [e for e in ws.history(case.id) if e.get("event") == "letter"][-1]
    assert ev["pdf"] is False


# --- bulk -----------------------------------------------------------------------------------

def test_bulk_session_reports_a_bad_case_and_makes_the_others(tmp_path, kwru):
    ws = _ws(tmp_path)
    hearing = Hearing(date="2026-04-09", time="13:30", location="Kantoor Bo-Ex, Utrecht")
    for seq in (1, 2, 3):
        samples.sample_case(ws, seq, status="zitting_gepland",
                            hearing=Hearing(hearing.date, f"1{3 + seq}:00", hearing.location))
    dossier.update_case(ws, "KWRU-2026-002", lambda c: setattr(c.complainant, "name", None))
    samples.sample_case(ws, 4, status="zitting_gepland", hearing=Hearing("2026-05-14", "13:30", "Elders"))
    r = kwru(ws, "letters", "uitnodiging_zitting", "--session", "2026-04-09", "--date", "2026-03-20",
             "--print-pdf")
    assert r.code == 1
    assert "KWRU-2026-002" in r.out and "complainant.name" in r.out  # the summary table
    assert "4 brieven uitnodiging_zitting voor 2 zaken" in r.err
    assert not (ws.case_dir("KWRU-2026-002") / "letters").exists()
    assert not (ws.case_dir("KWRU-2026-004") / "letters").exists()
    outbox = ws.outbox / "2026-03-20"
    if office.soffice_path():
        pdfs = sorted(p.name for p in outbox.glob("KWRU-*.pdf"))
        assert pdfs == ["KWRU-2026-001-uitnodiging_zitting-corporatie.pdf",
                        "KWRU-2026-001-uitnodiging_zitting-klager.pdf",
                        "KWRU-2026-003-uitnodiging_zitting-corporatie.pdf",
                        "KWRU-2026-003-uitnodiging_zitting-klager.pdf"]
        from pypdf import PdfReader

        (combined,) = outbox.glob("afdrukken-uitnodiging_zitting-*.pdf")
        assert len(PdfReader(combined).pages) == 4


def test_bulk_needs_one_way_of_choosing(tmp_path, kwru):
    ws = _ws(tmp_path)
    r = kwru(ws, "letters", "ontvangstbevestiging")
    assert r.code == 2 and "--session" in r.err


# --- drafts ---------------------------------------------------------------------------------

def test_advice_draft_then_letter(tmp_path, kwru):
    ws = _ws(tmp_path)
    case = samples.sample_case(ws, 1, status="zitting_gepland")
    r = kwru(ws, "letter", "advies", case.id, "--draft")
    assert r.code == 0, r.err
    draft = ws.case_dir(case.id) / "letters" / "advies-concept.yaml"
    data = yaml.safe_load(draft.read_text("utf-8"))
    assert set(data) >= {"oordeel", "standpunt_klager", "standpunt_corporatie", "onderdelen", "aanbevelingen"}
    r = kwru(ws, "letter", "advies", case.id, "--no-pdf")
    assert r.code == MissingValueError.exit_code
    assert "onderdelen[1].titel" in r.err and "onderdelen[1].oordeel" in r.err and "advies-concept.yaml" in r.err
    assert "the judgement" in r.err
    assert not list((ws.case_dir(case.id) / "letters").glob("*.docx"))
    assert kwru(ws, "letter", "advies", case.id, "--draft").code == 2  # a person's draft is kept
    data["onderdelen"] = [{"titel": "Lekkage", "oordeel": "gegrond", "overweging": ""}]
    dossier.atomic_write(draft, yaml.safe_dump(data, allow_unicode=True))
    r = kwru(ws, "letter", "advies", case.id, "--no-pdf", "--date", "2026-04-16")  # made, with a warning
    assert r.code == 0, r.err
    assert "without onderdelen[1].overweging, standpunt_klager, standpunt_corporatie" in flat(r.err)
    assert ws.load_case(case.id).status == "advies_uitgebracht"
    data.update({
        "standpunt_klager": "Klager & co vinden <dit> onredelijk.\n\nTweede alinea.",
        "standpunt_corporatie": "De corporatie ziet dat anders.",
        "onderdelen": [{"titel": "Lekkage", "oordeel": "gegrond", "overweging": "Te laat hersteld."}],
        "aanbevelingen": ["Herstel binnen 2 weken."],
    })
    dossier.atomic_write(draft, yaml.safe_dump(data, allow_unicode=True))
    r = kwru(ws, "letter", "advies", case.id, "--no-pdf", "--date", "2026-04-20")
    assert r.code == 0, r.err
    text = flat(text_of_docx(ws.case_dir(case.id) / "letters" / "2026-04-20-advies.docx"))
    assert "Klager & co vinden <dit> onredelijk." in text and "De commissie vindt de klacht gegrond." in text
    assert "Het standpunt van klager" in text


def test_mediation_draft_from_case(tmp_path):
    ws = _ws(tmp_path)
    case = samples.sample_case(ws, 1, status="aangehouden")
    path = content.write_draft(ws, case, "bemiddeling")
    data = yaml.safe_load(path.read_text("utf-8"))
    assert data["afspraken"] == case.outcome_details.agreements
    assert data["vervolgdatum"] == dt.date(2026, 6, 1)


# --- templates and the renderer -------------------------------------------------------------

def test_unknown_field_in_an_edited_template_is_an_error(tmp_path):
    ws = _ws(tmp_path)
    case = samples.sample_case(ws, 1, status="ontvangen")
    path = ws.templates / "ontvangstbevestiging.docx"
    doc = Document(str(path))
    doc.add_paragraph("{{ klager.schoenmaat }}")
    doc.save(str(path))
    with pytest.raises(MissingValueError, match="schoenmaat"):
        make_letters(ws, "ontvangstbevestiging", [case.id], date=DATE, strict=True, pdf=False)
    assert not (ws.case_dir(case.id) / "letters").exists()


def test_fast_renderer_matches_docxtpl(made, tmp_path):
    ws, _runs, _ = made
    from pipeline.letters.context import build
    from pipeline.letters.kinds import get_kind

    seen = set()
    for seq, _status, kind_name, _ in PLAN:
        case = ws.load_case(ws.config.case_id(2026, seq))
        kind = get_kind(kind_name)
        if case.status not in kind.statuses:
            continue
        text = content.load(ws, case, kind_name)
        for lt in build(ws.config, case, ws.history(case.id), kind, kind.recipients, DATE, text):
            tpl = render.template_path(ws.templates, lt.template)
            a = render.render(tpl, lt.context, tmp_path / "fast.docx", what="t")
            b = render.render(tpl, lt.context, tmp_path / "slow.docx", what="t", fast=False)
            assert text_of_docx(a) == text_of_docx(b), lt.template
            seen.add(lt.template)
    assert len(seen) >= 8


def test_committed_templates_are_the_script_output(tmp_path):
    import zipfile

    build_all(tmp_path)
    repo = Path(__file__).resolve().parent.parent / "templates"
    for made_path in tmp_path.glob("*.docx"):
        with zipfile.ZipFile(made_path) as a, zipfile.ZipFile(repo / made_path.name) as b:
            assert a.read("word/document.xml") == b.read("word/document.xml"), made_path.name
    assert (repo / "VELDEN.md").read_text("utf-8") == (tmp_path / "VELDEN.md").read_text("utf-8")


def test_new_workspace_gets_the_templates(tmp_path):
    ws = Workspace.init(tmp_path / "ws")
    names = {p.name for p in ws.templates.iterdir()}
    assert {"ontvangstbevestiging.docx", "advies.docx", "uitnodiging_zitting-klager.docx"} <= names
    shutil.rmtree(ws.templates)
    ws.templates.mkdir()
    assert render.template_path(ws.templates, "advies").parent == render.BUNDLED_TEMPLATES


# --- Dutch ----------------------------------------------------------------------------------

@pytest.mark.parametrize("name,gender,expected", [
    ("J. Jansen", "m", "Geachte heer Jansen"),
    ("A. Bakker", "v", "Geachte mevrouw Bakker"),
    ("A. Bakker", None, "Geachte heer/mevrouw Bakker"),
    (None, None, "Geachte heer/mevrouw"),
    ("Jan van der Berg", "m", "Geachte heer Van der Berg"),
    ("Berg, J. van der", "m", "Geachte heer Van der Berg"),
    ("mw. M. de Jong-van Beek", "v", "Geachte mevrouw De Jong-van Beek"),
    ("dhr. J.A.M. van den Heuvel", "m", "Geachte heer Van den Heuvel"),
    ("Familie El Amrani", None, "Geachte familie El Amrani"),
    ("Émile Zola", "m", "Geachte heer Zola"),
    (HOSTILE, "m", "Geachte heer/mevrouw"),
])
def test_salutation(name, gender, expected):
    assert dutch.salutation(Party(name=name, gender=gender)) == expected


def test_dutch_dates_and_times():
    assert dutch.date_nl("2026-03-20") == "20 maart 2026"
    assert dutch.weekday_date_nl(dt.date(2026, 4, 9)) == "donderdag 9 april 2026"
    assert dutch.time_nl("9:05") == "9.05 uur"
    assert dutch.postcode_city("3512 AB", "Utrecht") == "3512 AB  UTRECHT"
    assert dutch.clean("a\x00b\x0bc\td") == "abc\td"
