"""The fixture generator: realistic documents whose truth the other tests can rely on."""

from __future__ import annotations

import email
import json
import os
import re
import subprocess
import time
from email import policy
from pathlib import Path

import docx
import pypdf
import pytest
import yaml
from PIL import Image, ImageOps

from pipeline.models import CATEGORIES, FLAGS
from tests.fixturegen import (
    FORMS,
    KINDS,
    generate_corpus,
    generate_set,
    write_demo_inbox,
    write_truth,
)
from tests.fixturegen.builders import TRUTH_KEYS

REPO = Path(__file__).resolve().parent.parent
POSTCODE = re.compile(r"^(\d{4}) [A-Z]{2}$")
MAIL_DOMAINS = ("gmail.com", "hotmail.com", "ziggo.nl", "kpnmail.nl")


@pytest.fixture(scope="module")
def default_set(tmp_path_factory):
    out = tmp_path_factory.mktemp("fixturegen") / "inbox"
    t = time.perf_counter()
    samples = generate_set(out, seed=1)
    return out, samples, time.perf_counter() - t


def _config():
    return yaml.safe_load((REPO / "pipeline" / "resources" / "kwru.yaml").read_text("utf-8"))


def _pdf_text(path: Path) -> str:
    return " ".join("".join(p.extract_text() or "" for p in pypdf.PdfReader(path).pages).split())


def _mail(path: Path) -> email.message.EmailMessage:
    return email.message_from_bytes(path.read_bytes(), policy=policy.default)


def test_default_set_is_fast_and_complete(default_set):
    out, samples, seconds = default_set
    # speed is measured in `make bench`, not asserted here: the machines are shared and noisy
    assert len(samples) >= 16
    assert {s.form for s in samples} == set(FORMS)
    assert {s.kind for s in samples} == set(KINDS)
    # only the generated files, and their names sort in arrival order
    assert sorted(p.name for p in out.iterdir()) == [s.path.name for s in samples]
    assert all(re.match(r"^\d{2}-", s.path.name) for s in samples)


def test_truth_is_consistent(default_set):
    _, samples, _ = default_set
    corporations = {c["name"] for c in _config()["corporations"]}
    n = 0
    for i, s in enumerate(samples):
        assert set(TRUTH_KEYS) <= set(s.truth)
        t = s.truth
        assert t["corporation"] is None or t["corporation"] in corporations
        assert t["letter_date"] and t["letter_date"].startswith("2026-")
        if t["complainant.postcode"]:
            m = POSTCODE.match(t["complainant.postcode"])
            assert m and 3400 <= int(m.group(1)) <= 3999, t["complainant.postcode"]
        if t["complainant.phone"]:
            assert re.fullmatch(r"0\d{1,3}-\d{6,8}", t["complainant.phone"])
            assert len(re.sub(r"\D", "", t["complainant.phone"])) == 10
        if s.kind == "klacht":
            n += 1
            assert s.case_id == f"KWRU-2026-{n:03d}"
            assert s.expect_case is None and s.match_by is None
            assert t["category"] in CATEGORIES
            assert set(t["flags"]) <= set(FLAGS)
            assert t["complainant.name"] and t["complainant.postcode"] and t["corporation"]
            assert t["complainant.gender"] in ("m", "v")
        else:
            parent = samples[s.expect_case]
            assert s.expect_case < i and parent.kind == "klacht"
            assert s.case_id == parent.case_id
            assert s.match_by in ("case_number", "email", "name_postcode")
            cites = s.match_by == "case_number"
            assert t["case_number"] == (parent.case_id if cites else None)
            if s.match_by == "email":
                assert t["complainant.email"] == parent.truth["complainant.email"]
            if s.match_by == "name_postcode":
                assert t["complainant.name"] == parent.truth["complainant.name"]
                assert t["complainant.postcode"] == parent.truth["complainant.postcode"]
    # what the brief asks of the set
    flags = {f for s in samples for f in s.truth["flags"]}
    assert {"huurprijs", "servicekosten", "geen_eerdere_klacht"} <= flags
    relations = {s.truth["representative.relation"] for s in samples if s.kind == "klacht"}
    assert {"dochter", "gemachtigde"} <= relations
    assert {s.match_by for s in samples} >= {"case_number", "email", "name_postcode"}
    emails = [s.truth["complainant.email"] for s in samples if s.truth["complainant.email"]]
    assert emails and all(e.split("@")[1] in MAIL_DOMAINS for e in emails)


def test_text_pdfs_carry_the_truth_in_their_text(default_set):
    _, samples, _ = default_set
    pdfs = [s for s in samples if s.form == "text_pdf"]
    assert len(pdfs) >= 3
    for s in pdfs:
        text = _pdf_text(s.path)
        assert s.written["name"] in text, s.path.name
        assert s.written["letter_date"] in text, s.path.name
        if "postcode" in s.written:
            assert s.written["postcode"] in text, s.path.name
        if s.truth["case_number"]:
            assert s.truth["case_number"] in text
    # corporation letters are on letterhead and cite the committee's case number
    corp = [s for s in pdfs if s.kind in ("reactie_corporatie", "besluit_corporatie")]
    assert corp and all("Uw kenmerk:" in _pdf_text(s.path) for s in corp)


def test_emails_parse_with_the_stdlib(default_set):
    _, samples, _ = default_set
    mails = [s for s in samples if s.path.suffix == ".eml"]
    assert len(mails) >= 5
    msgids = {}
    for s in mails:
        raw = s.path.read_bytes()
        assert b"\r\n" in raw  # SMTP line endings
        m = _mail(s.path)
        assert not m.defects, (s.path.name, m.defects)
        for h in ("From", "To", "Subject", "Date", "Message-ID"):
            assert m[h], (s.path.name, h)
        assert m["Date"].datetime.date().isoformat() == s.truth["letter_date"]
        msgids[m["Message-ID"]] = s
        attachments = list(m.iter_attachments())
        assert len(attachments) == s.attachments
        body = m.get_body(("plain", "html"))
        assert body is not None and s.truth["complainant.name"].split()[-1] in body.get_content()
        if s.kind in ("reactie_corporatie", "besluit_corporatie"):
            domains = {d for c in _config()["corporations"] if c["name"] == s.truth["corporation"]
                       for d in c["domains"]}
            assert m["From"].addresses[0].domain in domains
    html = next(s for s in samples if s.form == "eml_html")
    m = _mail(html.path)
    assert m.get_content_type() == "text/html" and not m.is_multipart()
    assert m["Content-Transfer-Encoding"] == "quoted-printable"
    assert m.get_content_charset() in ("utf-8", "iso-8859-1")
    assert re.search(r"[éëüèïÉ]", m.get_content() + str(m["From"]))
    att = next(s for s in samples if s.form == "eml_attachments")
    types = sorted(a.get_content_type() for a in _mail(att.path).iter_attachments())
    assert types == ["application/pdf", "image/jpeg"]
    pdf = next(a for a in _mail(att.path).iter_attachments() if a.get_content_type().endswith("pdf"))
    assert pdf.get_content().startswith(b"%PDF")
    reply = next(s for s in samples if s.form == "eml_reply")
    m = _mail(reply.path)
    assert m["Subject"].startswith("Re: ")
    assert msgids[m["In-Reply-To"]] is samples[reply.expect_case]


def test_docx_opens_with_python_docx(default_set):
    _, samples, _ = default_set
    s = next(s for s in samples if s.form == "docx")
    text = "\n".join(p.text for p in docx.Document(str(s.path)).paragraphs)
    assert s.truth["complainant.name"] in text and s.truth["complainant.postcode"] in text
    assert s.truth["representative.name"] in text and "Namens mijn" in text


def test_scans_are_images_only(default_set):
    _, samples, _ = default_set
    scan_pdf = next(s for s in samples if s.form == "scan_pdf")
    reader = pypdf.PdfReader(scan_pdf.path)
    assert all(not (p.extract_text() or "").strip() for p in reader.pages)
    assert all(p.images for p in reader.pages)
    png = next(s for s in samples if s.form == "scan_png")
    with Image.open(png.path) as im:
        assert im.mode == "L" and round(im.info["dpi"][0]) == 300 and im.width >= 2400
    tiff = next(s for s in samples if s.form == "scan_tiff")
    with Image.open(tiff.path) as im:
        assert im.n_frames >= 2 and tiff.pages == im.n_frames
        assert im.info["compression"] in ("group4", "tiff_lzw")
    photo = next(s for s in samples if s.form == "photo_jpg")
    with Image.open(photo.path) as im:
        assert im.format == "JPEG" and im.getexif().get(0x0112) == 6
        upright = ImageOps.exif_transpose(im)
        assert 1400 <= upright.width <= 1800 and upright.height > upright.width


def test_tesseract_reads_name_and_postcode_from_a_scan(default_set):
    _, samples, _ = default_set
    s = next(s for s in samples if s.form == "scan_png")
    out = subprocess.run(["tesseract", str(s.path), "-", "-l", "nld"], capture_output=True,
                         text=True, check=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"}).stdout
    flat = " ".join(out.split())
    assert s.written["postcode"] in flat
    assert s.truth["complainant.name"] in flat
    assert s.written["date"] in flat


def test_same_seed_same_bytes_and_demo_inbox_is_the_default_set(default_set, tmp_path):
    _, samples, _ = default_set
    again = write_demo_inbox(tmp_path / "inbox", 2026)
    assert [s.path.name for s in again] == [s.path.name for s in samples]
    for a, b in zip(samples, again, strict=True):
        assert a.truth == b.truth and a.written == b.written
        assert a.path.read_bytes() == b.path.read_bytes(), a.path.name
    assert len(again) >= 12 and {s.kind for s in again} == set(KINDS)


def test_kinds_filter_keeps_numbering_meaningful(tmp_path):
    only = generate_set(tmp_path / "r", seed=2, kinds={"reactie_corporatie", "besluit_corporatie"})
    assert only and {s.kind for s in only} <= {"reactie_corporatie", "besluit_corporatie"}
    assert all(s.expect_case is None for s in only)  # their complaints are not in the set
    assert all(re.fullmatch(r"KWRU-2026-\d{3}", s.truth["case_number"]) for s in only)
    other = generate_set(tmp_path / "k", seed=2, kinds={"klacht"}, forms={"txt", "eml_plain"},
                         year=2027)
    assert [s.case_id for s in other] == [f"KWRU-2027-{i:03d}" for i in range(1, len(other) + 1)]


def test_corpus_is_quick_varied_and_written_to_truth(tmp_path):
    samples = generate_corpus(tmp_path / "c", 40, seed=7)
    assert len(samples) == 40
    assert {s.form for s in samples} <= {"text_pdf", "eml_plain", "eml_html", "eml_attachments",
                                         "eml_reply"}
    assert {s.kind for s in samples} >= {"klacht", "reactie_corporatie"}
    assert [s.path.name.split("-")[0] for s in samples] == [f"{i:02d}" for i in range(1, 41)]
    for i, s in enumerate(samples):
        if s.kind != "klacht":
            assert s.expect_case is not None and s.expect_case < i
            assert s.case_id == samples[s.expect_case].case_id
    write_truth(samples, tmp_path / "truth.json")
    data = json.loads((tmp_path / "truth.json").read_text("utf-8"))
    assert [d["path"] for d in data] == [s.path.name for s in samples]
    assert data[0]["truth"]["complainant.name"] == samples[0].truth["complainant.name"]
    again = generate_corpus(tmp_path / "d", 40, seed=7)
    assert [s.path.read_bytes() for s in again] == [s.path.read_bytes() for s in samples]
