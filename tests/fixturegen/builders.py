"""From a planned document (kind, form, the complaint it is about) to a file and its truth."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import degrade
from .people import AREA_CODES, Corp, Person, normalise_phone
from .render import (
    Letter,
    Letterhead,
    Mail,
    PdfStyle,
    build_mail,
    letter_text,
    render_docx,
    render_pdf,
)
from .texts import (
    CLOSINGS,
    CLOSINGS_MAIL,
    COMMITTEE_LINES,
    SALUTATIONS,
    Complaint,
    addition_paragraphs,
    complaint_body,
    complaint_subject,
    decision_paragraphs,
    fmt_date,
    long_date,
    reaction_paragraphs,
    withdrawal_paragraphs,
)

LETTER_FORMS = ("text_pdf", "scan_pdf", "photo_jpg", "scan_png", "scan_tiff", "docx")
MAIL_FORMS = ("eml_plain", "eml_html", "eml_attachments", "eml_reply")
FORMS = (*LETTER_FORMS, *MAIL_FORMS, "txt")
EXTENSIONS = {
    "text_pdf": "pdf",
    "scan_pdf": "pdf",
    "photo_jpg": "jpg",
    "scan_png": "png",
    "scan_tiff": "tif",
    "docx": "docx",
    "txt": "txt",
    "eml_plain": "eml",
    "eml_html": "eml",
    "eml_attachments": "eml",
    "eml_reply": "eml",
}

CORP_STAFF = (
    "Jeroen Koops",
    "Miriam Veldhuis",
    "Sandra Tielemans",
    "Erik-Jan Brand",
    "Hanneke Smeets",
    "Marloes Hofman",
    "Bart Overdijk",
    "Ellen Bruggink",
)
CORP_ROLES = (
    "Klachtencoördinator",
    "Teamleider Klantcontact",
    "Manager Wonen",
    "Senior medewerker Klachten",
)
DIRECTORS = ("drs. M.A. Hofstede", "ir. P.J. Kramer", "mr. S. Landman", "R. de Bruin MBA")
MAILERS = (None, None, "Microsoft Outlook 16.0", "Apple Mail (2.3774.300.61.1.2)")
KWRU_MAIL = "info@kwru.nl"


@dataclass
class Planned:
    """One document of a set, before it is written."""

    kind: str
    form: str
    complaint: Complaint  # its own (klacht) or the one it follows up
    parent: int | None = None  # plan index of that complaint
    match_by: str | None = None  # "case_number" | "email" | "name_postcode"
    date: dt.date = dt.date(2026, 1, 1)
    layout: dict[str, Any] = field(default_factory=dict)
    from_rep: bool = False  # written by the representative, not the tenant


@dataclass
class Written:
    """What writing one document produced."""

    path: Path
    text: str  # everything a reader can see, for deciding which truth fields are present
    written: dict[str, str]
    attachments: int = 0
    pages: int = 1
    mail: Mail | None = None  # kept so a reply can quote it


# --- letters ---------------------------------------------------------------------------------


def _party_lines(p: Person, lay: dict[str, Any], *, contact: bool) -> list[str]:
    name = p.name
    if lay.get("title_prefix"):
        name = ("Mevr. " if p.gender == "v" else "Dhr. ") + name
    lines = [name, p.address, f"{p.postcode_written(lay.get('compact_pc', False))} {p.city}"]
    if contact and p.phone:
        lines.append(("Tel. " if lay.get("labels", True) else "") + p.phone)
    if contact and p.email:
        lines.append(("E-mail: " if lay.get("labels", True) else "") + p.email)
    return lines


def _committee_lines(rng: random.Random) -> list[str]:
    lines = list(COMMITTEE_LINES)
    if rng.random() < 0.4:
        lines.insert(1, "t.a.v. de secretaris")
    return lines


def complaint_letter(rng: random.Random, d: Planned) -> Letter:
    c, lay = d.complaint, d.layout
    writer = c.rep.person if c.rep else c.person
    body = complaint_body(rng, c, short=lay.get("short", False))
    c.paragraphs = body
    c.subject = complaint_subject(rng, c)
    sender = _party_lines(writer, lay, contact=lay.get("contact", True))
    if c.rep and c.rep.org_lines:
        sender = [c.rep.person.name, *c.rep.org_lines]
        if lay.get("contact", True) and writer.phone:
            sender.append(f"Tel. {writer.phone}")
        if lay.get("contact", True) and writer.email:
            sender.append(writer.email)
    signature = [writer.name]
    if c.rep:
        signature.append(
            f"{c.rep.organisation}"
            if c.rep.organisation
            else f"namens {c.person.title} {c.person.name}"
        )
    enclosures = []
    if "geen_eerdere_klacht" not in c.flags and rng.random() < 0.5:
        enclosures.append(f"kopie van de brief aan {c.alias} van {long_date(c.earlier)}")
    if c.rep and c.rep.relation == "gemachtigde":
        enclosures.append("machtiging")
    return Letter(
        sender=sender,
        sender_pos=lay.get("sender_pos", "left"),
        addressee=_committee_lines(rng),
        date_line=fmt_date(c.date, lay.get("date_style", "long"), writer.city),
        date_pos=lay.get("date_pos", "left"),
        subject=c.subject if lay.get("betreft", rng.random() < 0.5) else None,
        subject_label=rng.choice(("Betreft:", "Betreft:", "Onderwerp:")),
        salutation=rng.choice(SALUTATIONS),
        paragraphs=body,
        closing=rng.choice(CLOSINGS),
        signature=signature,
        enclosures=enclosures,
        page_break_before=lay.get("page_break_before"),
    )


def _letterhead(c: Corp, display: str, rng: random.Random) -> Letterhead:
    pb, pc_city = c.postbus.split(", ")
    area = AREA_CODES.get(c.hq_city, "030")
    if len(area) == 3:  # 030 + 7 digits, 0343 + 6 digits
        phone = f"T {area} {rng.randint(200, 699)} {rng.randint(10, 99)} 00"
    else:
        phone = f"T {area} {rng.randint(40, 59)} {rng.randint(10, 99)} 00"
    lines = (pb, pc_city, phone, c.website, f"klantenservice@{c.domain}")
    kvk = f"KvK {30000000 + int(hashlib.sha1(c.name.encode()).hexdigest()[:6], 16) % 999999}"
    return Letterhead(display, c.colour, lines, f"{display} · {c.postbus} · {c.website} · {kvk}")


def corporation_letter(rng: random.Random, d: Planned, case_number: str | None) -> Letter:
    c = d.complaint
    corp = c.corp
    display = d.layout.get("display", corp.aliases[0] if len(corp.name) > 14 else corp.name)
    lh = _letterhead(corp, display, rng)
    addressee = [COMMITTEE_LINES[0], "t.a.v. de secretaris, mw. L. Smit", *COMMITTEE_LINES[1:]]
    ours = f"{rng.choice(('KL', 'KLA', 'K'))}/{d.date.year}/{rng.randint(100, 2999):04d}"
    refs = [("Uw kenmerk", case_number)] if case_number else []
    refs.append(("Ons kenmerk", ours))
    p = c.person
    if d.kind == "besluit_corporatie":
        advice = d.date - dt.timedelta(days=rng.randint(18, 28))
        paragraphs = decision_paragraphs(rng, c, advice)
        subject = f"Besluit op het advies over de klacht van {p.title} {p.name}"
        signature = [rng.choice(DIRECTORS), "directeur-bestuurder", display]
    else:
        request = d.date - dt.timedelta(days=rng.randint(7, 13))
        paragraphs = reaction_paragraphs(rng, c, case_number or "", request)
        subject = f"Reactie op de klacht van {p.title} {p.name}"
        refs.append(("Behandeld door", rng.choice(CORP_STAFF)))
        signature = [refs[-1][1], rng.choice(CORP_ROLES), display]
    return Letter(
        addressee=addressee,
        date_line=fmt_date(d.date, "place", corp.hq_city),
        refs=refs,
        subject=subject,
        salutation=rng.choice(
            ("Geachte mevrouw Smit,", "Geachte commissie,", "Geachte leden van de commissie,")
        ),
        paragraphs=paragraphs,
        closing="Met vriendelijke groet,",
        signature=signature,
        letterhead=lh,
    )


def tenant_letter(rng: random.Random, d: Planned, case_number: str | None) -> Letter:
    c, lay = d.complaint, d.layout
    writer = c.rep.person if (d.from_rep and c.rep) else c.person
    paras = withdrawal_paragraphs(rng, c) if d.kind == "intrekking" else addition_paragraphs(rng, c)
    paras = [x for x in paras if x]
    if d.from_rep and c.rep:
        paras.insert(0, f"Ik schrijf u namens {c.person.title} {c.person.name}.")
    subject = "Intrekking klacht" if d.kind == "intrekking" else "Aanvulling op mijn klacht"
    if case_number:
        subject += f" {case_number}"
    return Letter(
        sender=_party_lines(writer, lay, contact=lay.get("contact", False)),
        sender_pos=lay.get("sender_pos", "left"),
        addressee=_committee_lines(rng),
        date_line=fmt_date(d.date, lay.get("date_style", "long"), writer.city),
        subject=subject,
        salutation=rng.choice(SALUTATIONS[:3]),
        paragraphs=paras,
        closing=rng.choice(CLOSINGS[:3]),
        signature=[writer.name],
    )


def make_letter(rng: random.Random, d: Planned, case_number: str | None) -> Letter:
    if d.kind == "klacht":
        return complaint_letter(rng, d)
    if d.kind in ("reactie_corporatie", "besluit_corporatie"):
        return corporation_letter(rng, d, case_number)
    return tenant_letter(rng, d, case_number)


# --- e-mails ---------------------------------------------------------------------------------


def _msgid(rng: random.Random, domain: str, when: dt.datetime) -> str:
    token = "".join(
        rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0123456789") for _ in range(20)
    )
    if domain.endswith(("gmail.com",)):
        return f"<CA{token}@mail.gmail.com>"
    return f"<{when:%Y%m%d%H%M%S}.{token[:10]}@{domain}>"


def _when(rng: random.Random, d: dt.date, *, office: bool = False) -> dt.datetime:
    h = rng.randint(8, 16) if office else rng.choice((rng.randint(7, 12), rng.randint(13, 22)))
    return dt.datetime.combine(d, dt.time(h, rng.randint(0, 59), rng.randint(0, 59)))


def _signature_block(p: Person, *, address: bool, phone: bool) -> list[str]:
    lines = [p.name]
    if address:
        lines += [p.address, f"{p.postcode} {p.city}"]
    if phone and p.phone:
        lines.append(p.phone)
    return lines


def _html(paragraphs: list[str], closing_lines: list[str]) -> str:
    def esc(s: str) -> str:
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    body = "".join(f"<p>{esc(p)}</p>\n" for p in paragraphs)
    sig = "<br>\n".join(esc(x) for x in closing_lines)
    return (
        '<html><head><meta http-equiv="Content-Type" content="text/html"></head>\n'
        '<body style="font-family: Calibri, Arial, sans-serif; font-size: 11pt">\n'
        f"{body}<p>{sig}</p>\n</body></html>\n"
    )


def make_mail(
    rng: random.Random, d: Planned, case_number: str | None, quoted: Written | None
) -> tuple[Mail, str]:
    """The e-mail of a planned document, and its visible body text."""
    c = d.complaint
    when = _when(rng, d.date, office=d.kind in ("reactie_corporatie", "besluit_corporatie"))
    if d.kind in ("reactie_corporatie", "besluit_corporatie"):
        staff = rng.choice(CORP_STAFF)
        local = rng.choice(
            (
                "klachten",
                "klantcontact",
                staff.split()[0][0].lower() + "." + staff.split()[-1].lower(),
            )
        )
        display = d.layout.get(
            "display", c.corp.aliases[0] if len(c.corp.name) > 14 else c.corp.name
        )
        from_name = f"{staff} | {display}" if "." in local else f"Klantcontact {display}"
        from_addr = f"{local}@{c.corp.domain}"
        letter = corporation_letter(rng, d, case_number)
        subject = (
            (
                f"Reactie klacht {case_number}"
                if d.kind == "reactie_corporatie"
                else f"Besluit advies klacht {case_number}"
            )
            if case_number
            else letter.subject
        )
        head = "\n".join(f"{k}: {v}" for k, v in letter.refs if k != "Behandeld door")
        blocks = [head, letter.salutation, *letter.paragraphs]
        closing, sig = letter.closing, [staff, rng.choice(CORP_ROLES), display, c.corp.website]
    else:
        writer = c.rep.person if c.rep and (d.kind == "klacht" or d.from_rep) else c.person
        from_name, from_addr = writer.name, writer.email or ""
        if d.kind == "klacht":
            c.prior_letter = d.form == "eml_attachments"  # that letter is attached
            body = complaint_body(rng, c, short=d.layout.get("short", rng.random() < 0.5))
            c.paragraphs = body
            c.subject = complaint_subject(rng, c)
            subject = c.subject
            sig = _signature_block(writer, address=True, phone=True)
            if c.rep:
                sig.insert(1, f"({c.rep.relation} van {c.person.title} {c.person.name})")
            if d.form == "eml_attachments":
                body = [
                    *body,
                    (
                        f"In de bijlage stuur ik mijn brief aan {c.alias} van "
                        f"{long_date(c.earlier)} en een foto van de situatie."
                    ),
                ]
            blocks = [rng.choice(SALUTATIONS), *body]
        else:
            body = (
                withdrawal_paragraphs(rng, c)
                if d.kind == "intrekking"
                else addition_paragraphs(rng, c)
            )
            body = [x for x in body if x]
            if d.from_rep and c.rep:
                parent = "moeder" if c.person.gender == "v" else "vader"
                body.insert(
                    0, f"Ik schrijf u namens mijn {parent}, {c.person.title} {c.person.name}."
                )
            subject = "Intrekking klacht" if d.kind == "intrekking" else "Aanvulling klacht"
            if case_number:
                subject += f" {case_number}"
                body.insert(0, f"Het gaat om dossier {case_number}.")
            sal = rng.choice(
                ("Beste mevrouw Smit,", "Geachte commissie,", "Beste heer/mevrouw,", "Goedemiddag,")
            )
            blocks = [sal, *body]
            sig = _signature_block(writer, address=False, phone=rng.random() < 0.5)
        closing = rng.choice(CLOSINGS_MAIL)
    text = "\n\n".join([*blocks, closing, "\n".join(sig)]) + "\n"
    in_reply_to: str | None = None
    if d.form == "eml_reply" and quoted is not None and quoted.mail is not None:
        q = quoted.mail
        subject = "Re: " + q.subject
        intro = (
            f"Op {fmt_date(q.when.date(), 'weekday')} om {q.when:%H:%M} schreef "
            f"{q.from_name} <{q.from_addr}>:"
        )
        quoted_text = "\n".join(
            ("> " + line) if line else ">" for line in (q.text or "").splitlines()
        )
        text += f"\n{intro}\n{quoted_text}\n"
        in_reply_to = q.msgid
    domain = from_addr.split("@")[-1]
    mail = Mail(
        from_name=from_name,
        from_addr=from_addr,
        to=KWRU_MAIL,
        subject=subject,
        when=when,
        msgid=_msgid(rng, domain, when),
        in_reply_to=in_reply_to,
        mailer=rng.choice(MAILERS),
        to_name=rng.choice((None, "KWRU")),
    )
    if d.form == "eml_html":
        mail.html = _html(blocks, [closing, *sig])
        try:
            mail.html.encode("iso-8859-1")
            mail.charset = rng.choice(("iso-8859-1", "utf-8"))
        except UnicodeEncodeError:
            mail.charset = "utf-8"
        mail.cte = "quoted-printable"
    else:
        mail.text = text
        if d.form == "eml_attachments":
            mail.html = _html(blocks, [closing, *sig])
    return mail, text


# --- writing one planned document ------------------------------------------------------------

FONTS = ("LiberationSerif", "LiberationSans", "DejaVuSans", "Carlito")


def _style(rng: random.Random, lay: dict[str, Any], *, ocr: bool) -> PdfStyle:
    family = lay.get("font") or rng.choice(FONTS)
    size = lay.get("size") or (
        rng.choice((11, 11.5, 12)) if ocr else rng.choice((10, 10.5, 11, 12))
    )
    return PdfStyle(
        family=family,
        size=size,
        leading=rng.choice((1.25, 1.35, 1.5)),
        margin_left=rng.choice((22, 25, 28)) * 2.8346,
        justify_sender_bold=rng.random() < 0.3,
    )


def _hms(rng: random.Random, h0: int, h1: int) -> str:
    return f"{rng.randint(h0, h1):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}"


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", " ", text).strip()[:40].strip()


_ATTEMPTS = 5


def _ocr_expectations(d: Planned, letter: Letter) -> list[str]:
    """What OCR of page 1 must read exactly: the tenant's name and postcode, the date."""
    p = d.complaint.person
    page1 = letter_text(letter)
    pc = p.postcode if p.postcode in page1 else p.postcode.replace(" ", "")
    return [p.name, pc, _date_core(letter.date_line)]


def _date_core(date_line: str) -> str:
    return date_line.split(", ")[-1]


def write_document(
    rng: random.Random,
    d: Planned,
    outdir: Path,
    stem: str,
    case_number: str | None,
    quoted: Written | None,
    verify: bool = False,
) -> Written:
    form = d.form
    ext = EXTENSIONS[form]
    c = d.complaint
    written: dict[str, str] = {}
    if form in MAIL_FORMS:
        mail, body_text = make_mail(rng, d, case_number, quoted)
        attachments = 0
        if form == "eml_attachments":
            att_letter = Letter(
                sender=_party_lines(c.person, {}, contact=True),
                addressee=[c.alias, "t.a.v. afdeling Klantcontact", *c.corp.postbus.split(", ")],
                date_line=fmt_date(c.earlier, "place", c.person.city),
                subject=f"Klacht over mijn woning {c.person.address}",
                salutation="Geachte heer, mevrouw,",
                paragraphs=[
                    f"Hierbij dien ik een klacht in bij {c.alias}.",
                    *c.paragraphs[1:3],
                    "Ik verwacht binnen een maand een reactie.",
                ],
                closing="Met vriendelijke groet,",
                signature=[c.person.name],
            )
            pdf, _ = render_pdf(
                att_letter,
                _style(rng, {}, ocr=False),
                title=att_letter.subject or "",
                author=c.person.name,
            )
            photo = degrade.damp_wall_photo(rng, (1024, 768))
            buf = io.BytesIO()
            photo.save(buf, "JPEG", quality=82)
            taken = c.earlier - dt.timedelta(days=rng.randint(1, 9))
            mail.attachments = [
                (pdf, "application", "pdf", f"Brief aan {c.alias} {c.earlier:%d-%m-%Y}.pdf"),
                (buf.getvalue(), "image", "jpeg", f"IMG_{taken:%Y%m%d}_{_hms(rng, 8, 21)}.jpg"),
            ]
            attachments = 2
        path = outdir / f"{stem}-{_slug(mail.subject) or 'bericht'}.{ext}"
        path.write_bytes(build_mail(mail))
        headers = f"From: {mail.from_name} <{mail.from_addr}>\nSubject: {mail.subject}\n"
        written["letter_date"] = mail.when.date().isoformat()
        return Written(path, headers + body_text, written, attachments, 1, mail)

    if form == "txt":
        return _write_webform(rng, d, outdir, stem, case_number)

    letter = make_letter(rng, d, case_number)
    written["letter_date"] = letter.date_line
    written["date"] = _date_core(letter.date_line)
    text = letter_text(letter)
    if letter.letterhead:
        text += "\n" + "\n".join(letter.letterhead.lines) + "\n" + letter.letterhead.footer
    tail = {
        "text_pdf": d.layout.get("filename", "brief"),
        "scan_pdf": f"SCAN_{d.date:%Y%m%d}_{_hms(rng, 9, 17)}",
        "scan_png": f"scan-{rng.randint(1, 40):03d}",
        "scan_tiff": f"scan_{d.date:%Y-%m-%d}",
        "photo_jpg": f"IMG_{d.date:%Y%m%d}_{_hms(rng, 17, 21)}",
        "docx": d.layout.get("filename", "Klacht"),
    }[form]
    path = outdir / f"{stem}-{tail}.{ext}"
    writer = c.rep.person.name if (c.rep and (d.kind == "klacht" or d.from_rep)) else c.person.name
    if form == "docx":
        created = dt.datetime.combine(d.date, dt.time(rng.randint(9, 21), rng.randint(0, 59)))
        render_docx(letter, path, author=writer, created=created)
        return Written(path, text, written, 0, 1)
    ocr = form != "text_pdf"
    style = _style(rng, d.layout, ocr=ocr)
    expected = _ocr_expectations(d, letter) if ocr else []
    pdf, pages = render_pdf(letter, style, title=letter.subject or "", author=writer)
    if form == "text_pdf":
        path.write_bytes(pdf)
    elif form == "photo_jpg":
        page = degrade.render_pages(pdf, 1600 * 0.86 / 8.27)[0]
        for _ in range(_ATTEMPTS):
            photo = degrade.phone_photo(page, rng)
            if degrade.readable(degrade.as_stored(photo, form), expected, verify=verify):
                break
        hms = path.stem.rsplit("_", 1)[-1]
        degrade.save_phone_jpeg(
            photo, path, taken=f"{d.date:%Y:%m:%d} {hms[:2]}:{hms[2:4]}:{hms[4:]}"
        )
    else:
        rendered = degrade.render_pages(pdf, degrade.DPI)
        for _ in range(_ATTEMPTS):
            scans = [degrade.scan_page(p, rng) for p in rendered]
            if degrade.readable(degrade.as_stored(scans[0], form), expected, verify=verify):
                break
        if form == "scan_pdf":
            degrade.save_scan_pdf(scans, path)
        elif form == "scan_png":
            degrade.save_png(scans[0], path)
            pages = 1
        else:
            degrade.save_tiff(scans, path)
    return Written(path, text, written, 0, pages)


def _write_webform(
    rng: random.Random, d: Planned, outdir: Path, stem: str, case_number: str | None
) -> Written:
    """The committee's web form, saved as text (what the website mails as .txt)."""
    c = d.complaint
    p = c.person
    body = complaint_body(rng, c, short=True)
    c.paragraphs = body
    c.subject = complaint_subject(rng, c)
    sent = dt.datetime.combine(d.date, dt.time(rng.randint(18, 23), rng.randint(0, 59)))
    prior = (
        "Nee, ik heb alleen gebeld"
        if "geen_eerdere_klacht" in c.flags
        else f"Ja, op {fmt_date(c.earlier, 'dash')}"
    )
    lines = [
        "KLACHTENFORMULIER - Klachtencommissie Woningcorporaties Regio Utrecht",
        "Verzonden via www.kwru.nl/een-klacht-indienen",
        f"Datum verzending: {sent:%d-%m-%Y %H:%M}",
        "",
        "GEGEVENS HUURDER",
        f"Aanhef: {'Mevrouw' if p.gender == 'v' else 'De heer'}",
        f"Naam: {p.name}",
        f"Straat en huisnummer: {p.address}",
        f"Postcode: {p.postcode}",
        f"Woonplaats: {p.city}",
        f"Telefoonnummer: {p.phone or ''}",
        f"E-mailadres: {p.email or ''}",
        "",
        "KLACHT",
        f"Woningcorporatie: {c.alias}",
        f"Onderwerp: {c.subject}",
        f"Heeft u uw klacht eerst schriftelijk bij de corporatie ingediend? {prior}",
        "Omschrijving van de klacht:",
        *[x for para in body for x in (para, "")],
        "Ik verklaar dat ik dit formulier naar waarheid heb ingevuld: Ja",
    ]
    path = outdir / f"{stem}-klachtenformulier.txt"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    return Written(path, "\n".join(lines), {"letter_date": f"{sent:%d-%m-%Y}"}, 0, 1)


# --- truth -----------------------------------------------------------------------------------

TRUTH_KEYS = (
    "complainant.name",
    "complainant.street",
    "complainant.house_number",
    "complainant.postcode",
    "complainant.city",
    "complainant.email",
    "complainant.phone",
    "complainant.gender",
    "representative.name",
    "representative.relation",
    "representative.email",
    "representative.phone",
    "corporation",
    "letter_date",
    "category",
    "flags",
    "case_number",
)


def _present(person: Person, text: str, prefix: str, out: dict[str, Any]) -> bool:
    if person.name not in text:
        return False
    out[f"{prefix}.name"] = person.name
    if prefix == "complainant":
        out["complainant.gender"] = person.gender
    if re.search(re.escape(person.address) + r"\b", text):
        out[f"{prefix}.street"] = person.street
        out[f"{prefix}.house_number"] = person.number
    if person.postcode in text or person.postcode.replace(" ", "") in text:
        out[f"{prefix}.postcode"] = person.postcode
        if person.city in text:
            out[f"{prefix}.city"] = person.city
    elif f"{person.address} te {person.city}" in text:
        out[f"{prefix}.city"] = person.city
    if person.email and person.email in text:
        out[f"{prefix}.email"] = person.email
    if person.phone and person.phone in text:
        out[f"{prefix}.phone"] = normalise_phone(person.phone)
    return True


def truth_for(d: Planned, w: Written, case_number: str | None) -> dict[str, Any]:
    c = d.complaint
    t: dict[str, Any] = {k: None for k in TRUTH_KEYS}
    t["flags"] = []
    text = w.text
    _present(c.person, text, "complainant", t)
    if (
        c.rep
        and (d.kind == "klacht" or d.from_rep)
        and _present(c.rep.person, text, "representative", t)
    ):
        t["representative.relation"] = c.rep.relation
        for k in ("street", "house_number", "postcode", "city"):
            t.pop(f"representative.{k}", None)
    names = (c.corp.name, *c.corp.aliases)
    if (
        any(re.search(r"(?<![\w-])" + re.escape(n) + r"(?![\w-])", text) for n in names)
        or "@" + c.corp.domain in text
    ):
        t["corporation"] = c.corp.name
    t["letter_date"] = d.date.isoformat()
    if d.kind == "klacht":
        t["category"] = c.category
        t["flags"] = sorted(c.flags)
    t["case_number"] = case_number if case_number and case_number in text else None
    return t
