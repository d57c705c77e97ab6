"""End to end: a secretary drops the sample set in inbox/ and runs `kwru ingest`.

Uses the fixture generator's documents (text PDFs, scans, photos, e-mails, DOCX) with known
truth, the real OCR and the real LibreOffice.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest
import yaml

from pipeline.workspace import Workspace
from tests.conftest import CORPUS, REPO, kwru_process
from tests.fixturegen import generate_corpus, generate_set
from tests.fixturegen.accuracy import field_hits


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """The default sample set, ingested once for the tests of this module."""
    root = tmp_path_factory.mktemp("intake") / "ws"
    ws = Workspace.init(root)
    samples = generate_set(ws.inbox, seed=1, year=2026)
    run = kwru_process(root, "ingest", "--json", timeout=1200)
    assert run.code == 0, run.err
    lines = json.loads(run.out)
    return ws, samples, lines


def _case_of_sample(samples, lines):
    """sample index -> the case the journal says it went to (None for review etc.)."""
    by_name = {ln["original_name"]: ln for ln in lines}
    return [by_name[s.path.name].get("case") if by_name[s.path.name]["fate"] == "filed" else None
            for s in samples]


def test_every_file_accounted_for(ingested):
    ws, samples, lines = ingested
    assert len(samples) >= 12
    assert sorted(ln["original_name"] for ln in lines) == sorted(s.path.name for s in samples)
    assert not [p for p in ws.inbox.iterdir() if not p.name.startswith(".")]
    journal = ws.journal()
    assert {j["intake"] for j in journal} == {ln["intake"] for ln in lines}
    for ln in lines:
        assert ln["fate"] in ("filed", "review"), ln  # the sample set is all readable


def test_complaints_open_cases_and_follow_ups_join_them(ingested):
    ws, samples, lines = ingested
    cases = _case_of_sample(samples, lines)
    complaint_idx = [i for i, s in enumerate(samples) if s.kind == "klacht"]
    # complaints open consecutive case numbers in arrival order
    opened = [cases[i] for i in complaint_idx]
    assert opened == [f"KWRU-2026-{n:03d}" for n in range(1, len(complaint_idx) + 1)]
    wrong = []
    for i, s in enumerate(samples):
        if s.kind == "klacht":
            continue
        expected = cases[s.expect_case]
        if cases[i] != expected:
            wrong.append((s.path.name, s.match_by, cases[i], expected))
    assert not wrong, f"follow-ups filed in the wrong place: {wrong}"


def test_field_accuracy_on_fixtures(ingested, capsys):
    """Field-level accuracy of the extracted case data against the generator's truth."""
    ws, samples, lines = ingested
    cases = _case_of_sample(samples, lines)
    hits, misses = field_hits(ws.case_dir, samples, cases)
    total_ok = sum(h[0] for h in hits.values())
    total = sum(h[1] for h in hits.values())
    report = {f: f"{ok}/{n}" for f, (ok, n) in hits.items()}
    out = REPO / "bench-results" / "accuracy.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"overall": f"{total_ok}/{total}", "fields": report, "misses": misses},
                              indent=1, ensure_ascii=False))
    assert total_ok / total >= 0.85, f"accuracy {total_ok}/{total}; misses: {misses}"


def test_cases_json_follows_product(ingested, kwru):
    ws, _, _ = ingested
    run = kwru(ws, "cases", "--json")
    assert run.code == 0
    cases = run.json()
    assert cases and isinstance(cases, list)
    keys = {"id", "status", "received", "complainant", "representative", "corporation", "category",
            "admissibility", "hearing", "outcome", "deadlines", "documents"}
    for c in cases:
        assert keys <= set(c), keys - set(c)
        assert set(c["complainant"]) >= {"name", "street", "house_number", "postcode", "city", "email", "phone"}
        assert set(c["admissibility"]) >= {"flags", "decision", "reason"}
        for d in c["documents"]:
            assert {"seq", "kind", "original_name", "sha256", "date", "pages", "path", "ocr"} <= set(d)
            if d["path"]:
                assert (ws.root / d["path"]).is_file()


def test_scans_are_ocrd_and_searchable(ingested):
    ws, samples, lines = ingested
    cases = _case_of_sample(samples, lines)
    checked = 0
    for i, s in enumerate(samples):
        if s.form not in ("scan_pdf", "photo_jpg", "scan_png", "scan_tiff") or not cases[i]:
            continue
        case = yaml.safe_load((ws.case_dir(cases[i]) / "case.yaml").read_text())
        doc = next(d for d in case["documents"] if d["original_name"] == s.path.name)
        assert doc["ocr"] is True
        text = "".join(p.extract_text() for p in pypdf.PdfReader(ws.case_dir(cases[i]) / doc["path"]).pages)
        assert s.truth["complainant.postcode"].replace(" ", "") in text.replace(" ", "")
        checked += 1
    assert checked >= 3


def test_email_rendered_with_headers_and_attachments_filed(ingested):
    ws, samples, lines = ingested
    cases = _case_of_sample(samples, lines)
    s_i = next(i for i, s in enumerate(samples) if s.form == "eml_attachments")
    case = yaml.safe_load((ws.case_dir(cases[s_i]) / "case.yaml").read_text())
    mail = next(d for d in case["documents"] if d["original_name"] == samples[s_i].path.name)
    atts = [d for d in case["documents"] if d.get("parent") == mail["seq"]]
    assert len(atts) == samples[s_i].attachments
    text = "".join(p.extract_text() for p in pypdf.PdfReader(ws.case_dir(cases[s_i]) / mail["path"]).pages)
    assert "Van:" in text and "Onderwerp:" in text
    for a in atts:
        assert (ws.case_dir(cases[s_i]) / a["original_path"]).is_file()


def test_withdrawal_sets_ingetrokken(ingested):
    ws, samples, lines = ingested
    cases = _case_of_sample(samples, lines)
    w = [i for i, s in enumerate(samples) if s.kind == "intrekking"]
    assert w
    for i in w:
        assert yaml.safe_load((ws.case_dir(cases[i]) / "case.yaml").read_text())["status"] == "ingetrokken"


def test_same_bytes_twice_is_a_duplicate(ws, kwru, tmp_path):
    samples = generate_corpus(tmp_path / "src", 2, seed=4)
    shutil.copy(samples[0].path, ws.inbox / "brief.pdf" if samples[0].path.suffix == ".pdf" else ws.inbox / samples[0].path.name)
    first = kwru(ws, "ingest", "--json").json()
    shutil.copy(samples[0].path, ws.inbox / ("nogmaals-" + samples[0].path.name))
    second = kwru(ws, "ingest", "--json").json()
    assert first[0]["fate"] in ("filed", "review")
    assert second[0]["fate"] == "duplicate"
    if first[0]["fate"] == "filed":
        assert second[0]["case"] == first[0]["case"]
        case = ws.load_case(first[0]["case"])
        assert len([d for d in case.documents if d.sha256 == first[0]["sha256"]]) == 1


def test_unreadable_files_go_to_quarantine_with_reason(ws, kwru):
    (ws.inbox / "leeg.pdf").write_bytes(b"")
    shutil.copy(CORPUS / "image" / next(n for n in sorted(p.name for p in (CORPUS / "image").iterdir())
                                         if n.lower().endswith(".bmp")), ws.inbox / "foto.bmp")
    shutil.copy(CORPUS / "pdf" / "pypdf__r2-user-password.pdf", ws.inbox / "beveiligd.pdf")
    run = kwru(ws, "ingest", "--json")
    assert run.code == 0
    fates = {ln["original_name"]: ln for ln in run.json()}
    for name in ("leeg.pdf", "foto.bmp", "beveiligd.pdf"):
        assert fates[name]["fate"] == "quarantine", fates[name]
        reason = (ws.root / (fates[name]["path"] + ".reason.txt")).read_text()
        assert len(reason) > 40
    assert "wachtwoord" in fates["beveiligd.pdf"]["reason"].lower() or "password" in fates["beveiligd.pdf"]["reason"].lower()
    assert "leeg" in fates["leeg.pdf"]["reason"].lower()


def test_person_corrections_are_never_overwritten(ingested, kwru, tmp_path):
    ws, samples, lines = ingested
    run = kwru(ws, "set", "KWRU-2026-001", "complainant.city=Utrecht-Noord", "complainant.phone=06-11112222")
    assert run.code == 0, run.err
    case = ws.load_case("KWRU-2026-001")
    assert case.complainant.city == "Utrecht-Noord"
    assert case.provenance["complainant.city"].method == "person"
    hist = ws.history("KWRU-2026-001")
    assert any(h["event"] == "set" and h["key"] == "complainant.city" for h in hist)
    # an addition citing the case must not undo the correction
    from pipeline.analyse import Piece
    from pipeline.intake import _merge_fields
    from pipeline.models import Extracted, Field
    piece = Piece(name="x", source=tmp_path, sha256="0", parent=None,
                  extracted=Extracted({"complainant.city": Field("Utrecht", "text", 0.99)}))
    _merge_fields(case, piece, 9)
    assert case.complainant.city == "Utrecht-Noord"
    bad = kwru(ws, "set", "KWRU-2026-001", "complainant.postcode=12345")
    assert bad.code == 2 and "not a Dutch postcode" in bad.err and bad.err.count("\n") == 1


def test_review_then_assign(ws, kwru, tmp_path):
    """A reply citing a case that does not exist goes to review; assign files it."""
    samples = generate_set(tmp_path / "src", seed=1, year=2026)
    complaint = next(s for s in samples if s.kind == "klacht" and s.form == "text_pdf")
    reply = next(s for s in samples if s.kind == "reactie_corporatie" and s.truth.get("case_number"))
    shutil.copy(reply.path, ws.inbox / reply.path.name)  # arrives before any case exists
    r1 = kwru(ws, "ingest", "--json").json()
    assert r1[0]["fate"] == "review"
    listing = kwru(ws, "review", "--json").json()
    assert listing[0]["original_name"] == reply.path.name and listing[0]["reason"]
    shutil.copy(complaint.path, ws.inbox / complaint.path.name)
    r2 = kwru(ws, "ingest", "--json").json()
    case_id = r2[0]["case"]
    run = kwru(ws, "assign", Path(listing[0]["path"]).name, case_id)
    assert run.code == 0, run.err
    assert kwru(ws, "review", "--json").json() == []
    case = ws.load_case(case_id)
    assert [d.original_name for d in case.documents] == [complaint.path.name, reply.path.name]
    assert any(j["fate"] == "filed" and j["sha256"] == r1[0]["sha256"] for j in ws.journal())
    assert kwru(ws, "assign", "nope.pdf", case_id).code == 2


def test_two_processes_do_not_corrupt_the_workspace(ws, tmp_path):
    samples = generate_corpus(ws.inbox, 12, seed=9)
    procs = [subprocess.Popen([sys.executable, "-m", "pipeline", "--root", str(ws.root), "ingest", "--json"],
                              cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    journal = ws.journal()
    assert sorted(j["sha256"] for j in journal if j["fate"] != "duplicate") == \
        sorted({j["sha256"] for j in journal if j["fate"] != "duplicate"})
    assert len({j["original_name"] for j in journal}) == len(samples)
    for cid in ws.case_ids():
        ws.load_case(cid)


def test_config_errors_name_the_key(ws, kwru):
    cfg = ws.root / "kwru.yaml"
    data = yaml.safe_load(cfg.read_text())
    data["corporations"][2]["domains"] = ["not a domain"]
    cfg.write_text(yaml.safe_dump(data))
    run = kwru(ws, "cases")
    assert run.code == 3 and "corporations[2].domains" in run.err and run.err.count("\n") == 1
    data["deadlines"]["reaction_dayz"] = 14
    cfg.write_text(yaml.safe_dump(data))
    assert "deadlines.reaction_dayz" in kwru(ws, "cases").err


def test_missing_workspace_suggests_init(tmp_path, kwru):
    from pipeline.cli import main
    code = main(["--root", str(tmp_path), "cases"])
    assert code == 4


def test_wrong_arguments_are_one_line(ws, kwru):
    run = kwru(ws, "show", "KWRU-2026-999")
    assert run.code == 2 and run.err.count("\n") == 1 and "KWRU-2026-999" in run.err
    run = kwru(ws, "watch", "--poll", "0")
    assert run.code == 2 and run.err.count("\n") == 1
