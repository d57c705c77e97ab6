"""E-mails (.eml, Outlook .msg, winmail.dat): headers, body, attachments, and the rendered PDF."""

from __future__ import annotations

import email.encoders
import email.message
import email.policy
import io
from email.message import EmailMessage
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from bench.bench_text import text_pdf
from pipeline.errors import Unreadable
from pipeline.text import convert
from tests.conftest import CORPUS  # noqa: E402


def _pdf_text(pdf: Path) -> str:
    return "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(pdf).pages)


def _write(msg, path: Path) -> Path:
    path.write_bytes(msg.as_bytes(policy=email.policy.SMTP))
    return path


def _jpeg() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (400, 300), (200, 180, 160)).save(buf, "JPEG", quality=90)
    return buf.getvalue()


def test_plain_mail_with_attachments(tmp_path: Path) -> None:
    msg = EmailMessage()
    msg["From"] = '"Bakker, Anna" <Anna.Bakker@example.nl>'
    msg["To"] = "KWRU Secretariaat <secretariaat@kwru.nl>, info@mitros.nl"
    msg["Date"] = "Thu, 12 Mar 2026 10:15:00 +0100"
    msg["Subject"] = "Klacht over lekkage — Kerkstraat 12 bis"
    msg.set_content("Geachte commissie,\n\nDe lekkage in mijn woning is nog steeds niet verholpen.\n"
                    "Postcode 3512 AB.\n\nMet vriendelijke groet,\nAnna Bakker\n")
    pdf = text_pdf(tmp_path / "brief.pdf").read_bytes()
    msg.add_attachment(pdf, maintype="application", subtype="pdf", filename="brief aan Mitros.pdf")
    msg.add_attachment(_jpeg(), maintype="image", subtype="jpeg", filename="../../../foto lekkage.jpg")
    msg.add_attachment(b"%PDF-1.4 nep", maintype="application", subtype="pdf", filename="C:\\temp\\..\\CON.pdf")
    wd = tmp_path / "wd"
    c = convert(_write(msg, tmp_path / "klacht.eml"), wd)

    assert c.source_type == "email" and not c.ocr
    assert c.email.from_name == "Bakker, Anna" and c.email.from_addr == "anna.bakker@example.nl"
    assert "secretariaat@kwru.nl" in c.email.to and "info@mitros.nl" in c.email.to
    assert c.email.date == "2026-03-12T10:15:00+01:00"
    assert c.email.subject == "Klacht over lekkage — Kerkstraat 12 bis"
    lines = c.text.splitlines()
    assert lines[0] == "Van: Bakker, Anna <anna.bakker@example.nl>"
    assert lines[1].startswith("Aan: KWRU Secretariaat <secretariaat@kwru.nl>")
    assert lines[2] == "Datum: 12 maart 2026 10:15"
    assert lines[3] == "Onderwerp: Klacht over lekkage — Kerkstraat 12 bis"
    assert "nog steeds niet verholpen" in c.text

    names = [p.name for p in c.attachments]
    assert names == ["brief aan Mitros.pdf", "foto lekkage.jpg", "_CON.pdf"]
    assert all(p.parent == wd / "attachments" for p in c.attachments)
    assert (wd / "attachments" / "brief aan Mitros.pdf").read_bytes() == pdf
    assert sorted(x.name for x in tmp_path.iterdir()) == ["brief.pdf", "klacht.eml", "wd"]

    rendered = _pdf_text(c.pdf)
    for expected in ("Van:", "Bakker, Anna", "Onderwerp:", "Kerkstraat 12 bis", "Bijlagen:", "brief aan Mitros.pdf",
                     "nog steeds niet verholpen"):
        assert expected in rendered


def test_html_only_quoted_printable_with_accents(tmp_path: Path) -> None:
    html = ("<html><head><style>p {color: red}</style></head><body>"
            "<p>Geachte heer/mevrouw,</p><p>Het caf&eacute; naast mijn woning veroorzaakt overlast. "
            "Ook de co\u00f6rdinatie met de beheerder (ge\u00efnformeerd op 3 maart) is slecht.</p>"
            "<p>Met vriendelijke groet,<br>Jos\u00e9 van Dijk</p></body></html>")
    msg = email.message.Message()
    msg["Content-Type"] = 'text/html; charset="utf-8"'
    msg.set_payload(html.encode("utf-8"))
    email.encoders.encode_quopri(msg)
    msg["From"] = "=?utf-8?q?Jos=C3=A9_van_Dijk?= <jose@example.nl>"
    msg["To"] = "secretariaat@kwru.nl"
    msg["Subject"] = "=?iso-8859-1?q?Overlast_caf=E9_=96_co=F6rdinatie?="
    msg["Date"] = "Mon, 2 Mar 2026 08:00:00 +0000"
    raw = msg.as_bytes()
    assert b"quoted-printable" in raw and "é".encode() not in raw
    c = convert(_write(msg, tmp_path / "html.eml"), tmp_path / "wd")
    assert c.email.from_name == "José van Dijk"
    assert c.email.subject == "Overlast café – coördinatie"
    assert "Het café naast mijn woning veroorzaakt overlast." in c.text
    assert "coördinatie" in c.text and "geïnformeerd" in c.text
    assert "color: red" not in c.text
    body = c.text.split("\n\n", 1)[1]
    assert body.startswith("Geachte heer/mevrouw,\n\nHet café")  # paragraphs kept
    assert "José van Dijk" in body and "\nJosé van Dijk" in body
    rendered = _pdf_text(c.pdf)
    assert "coördinatie" in rendered and "café" in rendered and "José" in rendered


NESTED = b"""From: anna@example.nl
To: secretariaat@kwru.nl
Subject: Fwd: Uw reparatieverzoek
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="buiten"

--buiten
Content-Type: multipart/related; boundary="midden"

--midden
Content-Type: multipart/alternative; boundary="binnen"

--binnen
Content-Type: text/plain; charset="x-unknown-charset"
Content-Transfer-Encoding: 8bit

Zie het bericht van Mitros hieronder. Met groet, Anna M\xfcller
--binnen
Content-Type: text/html; charset="utf-8"

<p>HTML-versie</p>
--binnen--
--midden--
--buiten
Content-Type: message/rfc822
Content-Disposition: attachment

From: Mitros <klantenservice@mitros.nl>
To: anna@example.nl
Subject: Uw reparatieverzoek
Content-Type: text/plain; charset=us-ascii

Wij komen op 20 maart.
--buiten--
"""


def test_nested_multipart_forwarded_mail_and_broken_charset(tmp_path: Path) -> None:
    src = tmp_path / "fwd.eml"
    src.write_bytes(NESTED.replace(b"\n", b"\r\n"))
    c = convert(src, tmp_path / "wd")
    assert "Zie het bericht van Mitros hieronder" in c.text and "Anna Müller" in c.text
    assert "HTML-versie" not in c.text  # the plain alternative wins
    assert [p.name for p in c.attachments] == ["Uw reparatieverzoek.eml"]
    inner = convert(c.attachments[0], tmp_path / "wd-inner")  # the caller recurses like this
    assert inner.email.from_addr == "klantenservice@mitros.nl"
    assert "Wij komen op 20 maart." in inner.text


def test_winmail_dat_inside_a_mail(tmp_path: Path) -> None:
    msg = EmailMessage()
    msg["From"] = "Outlook Gebruiker <outlook@example.nl>"
    msg["To"] = "secretariaat@kwru.nl"
    msg["Subject"] = "Bijlagen in winmail.dat"
    msg.set_content("Zie bijlagen.")
    tnef = (CORPUS / "email" / "poi__bug52400-winmail-with-attachments.dat").read_bytes()
    msg.add_attachment(tnef, maintype="application", subtype="ms-tnef", filename="winmail.dat")
    c = convert(_write(msg, tmp_path / "outlook.eml"), tmp_path / "wd")
    names = [p.name for p in c.attachments]
    assert names == ["scion_tc_2007_maintenanceguide.pdf", "Duke_Wave.png"]
    assert (c.attachments[0].read_bytes()[:5]) == b"%PDF-"
    assert "winmail.dat" not in names


def test_winmail_dat_on_its_own(tmp_path: Path) -> None:
    c = convert(CORPUS / "email" / "tnefparse__data-before-name.tnef", tmp_path / "wd")
    assert sorted(p.name for p in c.attachments) == ["AUTOEXEC.BAT", "CONFIG.SYS", "boot.ini"]
    c = convert(CORPUS / "email" / "tnefparse__duplicate_filename.tnef", tmp_path / "wd2")
    assert [p.name for p in c.attachments][:2] == ["file_abcdefgh.txt", "file_abcdefgh (2).txt"]
    with pytest.raises(Unreadable) as err:
        convert(CORPUS / "email" / "poi__oom.tnef", tmp_path / "wd3")
    assert "geheugen" in err.value.reason


def test_outlook_msg_with_nested_msg_and_pdf(tmp_path: Path) -> None:
    c = convert(CORPUS / "msg" / "poi__attachment_msg_pdf.msg", tmp_path / "wd")
    assert c.source_type == "msg"
    assert c.email.from_addr == "nick.booth@pof.com.au" and c.email.subject == "test email"
    assert c.email.date.startswith("2010-06-17")
    names = [p.name for p in c.attachments]
    assert names == ["Test Attachment.msg", "smbprn.00009008.KdcPjl.pdf"]
    nested = convert(c.attachments[0], tmp_path / "wd-nested")
    assert nested.source_type == "msg"
    assert c.text.startswith("Van: Nick Booth <nick.booth@pof.com.au>\nAan: ")


def test_msg_without_extension_and_codepages(tmp_path: Path) -> None:
    c = convert(CORPUS / "msg" / "mailparser__mail_outlook_1", tmp_path / "wd")
    assert c.source_type == "msg" and "Prüfung" in c.email.subject
    c = convert(CORPUS / "msg" / "poi__ASCII_CP1251_LCID1049.msg", tmp_path / "wd2")
    assert "автоматически" in c.text  # CP1251, not cp1252 mojibake


def test_non_mail_outlook_items(tmp_path: Path) -> None:
    c = convert(CORPUS / "msg" / "poi__msgClassAppointment.msg", tmp_path / "wd")
    assert c.text.startswith("Van: ") and "\nSoort: Afspraak (agenda-item)\n" in c.text
    assert "Locatie: under lazy dog" in c.text and "meeting to discuss jumping" in c.text
    c = convert(CORPUS / "msg" / "poi__msgClassContact.msg", tmp_path / "wd2")
    assert "Bedrijf: Fence Co" in c.text
    with pytest.raises(Unreadable) as err:
        convert(CORPUS / "msg" / "poi__blank.msg", tmp_path / "wd3")
    assert "leeg" in err.value.reason


def test_long_mail_renders_over_pages_and_txt_files(tmp_path: Path) -> None:
    msg = EmailMessage()
    msg["From"] = "a@example.nl"
    msg["Subject"] = "Lang verhaal"
    body = "\n".join(f"Regel {i}: de lekkage, de schimmel en de brief van {i} maart." for i in range(400))
    msg.set_content(body + "\n" + "x" * 3000)  # and one very long word
    c = convert(_write(msg, tmp_path / "lang.eml"), tmp_path / "wd")
    assert c.pages >= 5 and c.pages == len(pypdf.PdfReader(c.pdf).pages)
    assert "Regel 399" in _pdf_text(c.pdf)

    txt = tmp_path / "notitie.txt"
    txt.write_bytes("Telefoonnotitie: mevrouw Çelik belde over de cv-ketel.\r\n".encode("cp1252"))
    c = convert(txt, tmp_path / "wd-txt")
    assert c.source_type == "txt" and c.text == "Telefoonnotitie: mevrouw Çelik belde over de cv-ketel."
    assert "Çelik" in _pdf_text(c.pdf)
