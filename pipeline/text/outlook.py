"""Outlook .msg files (OLE2), with extract-msg: mails, and other Outlook items as far as they
have text (appointments, contacts, tasks, notes, posts).

Every property is read on its own and may fail on its own: fuzzed or half-written files break
one property at a time, and a mail without a readable date is still a mail.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import email.utils
import logging
from pathlib import Path
from typing import Any

from ..errors import Unreadable
from ..models import EmailHeader
from .mailcommon import Mail, body_from, decode_bytes, person, recipients
from .names import AttachmentWriter
from .rtf import rtf_to_text

log = logging.getLogger(__name__)

INLINE_LOGO_BYTES = 30 * 1024

# Message classes that are not an e-mail, as the secretary would call them.
KINDS = {
    "ipm.appointment": "Afspraak (agenda-item)",
    "ipm.schedule.meeting": "Vergaderverzoek",
    "ipm.contact": "Contactpersoon",
    "ipm.distlist": "Distributielijst",
    "ipm.task": "Taak",
    "ipm.taskrequest": "Taakverzoek",
    "ipm.stickynote": "Notitie",
    "ipm.post": "Bericht in een openbare map",
    "ipm.activity": "Journaalitem",
    "ipm.note.enterprisevault.shortcut": "Gearchiveerd bericht (Enterprise Vault-verwijzing)",
    "report.": "Ontvangst- of foutmelding",
}

# Extra fields of non-mail items: (attribute of extract-msg, Dutch label).
EXTRA_FIELDS = (
    ("location", "Locatie"), ("appointmentStartWhole", "Begin"), ("appointmentEndWhole", "Einde"),
    ("taskStartDate", "Begindatum"), ("taskDueDate", "Einddatum"),
    ("displayName", "Naam"), ("companyName", "Bedrijf"), ("jobTitle", "Functie"),
    ("email1EmailAddress", "E-mail"), ("businessTelephoneNumber", "Telefoon werk"),
    ("homeTelephoneNumber", "Telefoon thuis"), ("mobileTelephoneNumber", "Mobiel"),
    ("workAddress", "Adres werk"), ("homeAddress", "Adres thuis"),
)


def _get(obj: Any, name: str) -> Any:
    try:
        return getattr(obj, name, None)
    except Exception:  # noqa: BLE001 - a broken property of a damaged file
        return None


def _str(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        return decode_bytes(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%d-%m-%Y %H:%M")
    return str(value).replace("\x00", "").strip()


def _kind(message_class: str) -> str | None:
    mc = (message_class or "").lower()
    if mc.startswith("ipm.note.enterprisevault"):
        return KINDS["ipm.note.enterprisevault.shortcut"]
    if not mc or mc.startswith("ipm.note") or mc == "ipm":
        return None
    for prefix, label in KINDS.items():
        if mc.startswith(prefix):
            return label
    return f"Outlook-item ({message_class})"


def _open(src: Path) -> Any:
    import extract_msg
    from extract_msg.enums import ErrorBehavior

    logging.getLogger("extract_msg").setLevel(logging.CRITICAL)
    behaviour = (ErrorBehavior.ATTACH_SUPPRESS_ALL | ErrorBehavior.RTFDE
                 | ErrorBehavior.STANDARDS_VIOLATION | ErrorBehavior.NAMED_NAME_STREAM)
    try:
        msg = extract_msg.openMsg(str(src), strict=False, errorBehavior=behaviour)
        codec = _ansi_codec(msg)
        if codec:
            # Non-Unicode .msg: extract-msg assumes ISO-8859-15, but the file says its code page
            # (PR_INTERNET_CPID / PR_MESSAGE_CODEPAGE): Cyrillic cp1251, Big5 cp950, ... Some
            # files state a code page their strings do not use; then the first reading stays.
            other = extract_msg.openMsg(str(src), strict=False, errorBehavior=behaviour,
                                        overrideEncoding=codec)
            if all(bool(_str(_get(other, a))) >= bool(_str(_get(msg, a))) for a in ("subject", "body")):
                msg.close()
                return other
            other.close()
        return msg
    except Exception as e:  # noqa: BLE001 - olefile/extract-msg raise many types on damage
        raise Unreadable("Het Outlook-bericht (.msg) is beschadigd en kan niet worden gelezen "
                         f"(damaged .msg: {type(e).__name__}: {str(e)[:150]}).") from None


_CODEPAGES = {65001: "utf-8", 20127: "cp1252", 936: "gb18030", 54936: "gb18030", 20866: "koi8_r",
              21866: "koi8_u", 50220: "iso2022_jp", 51932: "euc_jp", 51949: "cp949", 10000: "mac_roman",
              **{28590 + n: f"iso-8859-{n}" for n in range(1, 16)}}

# Windows' ANSI code page per language (primary language id of an LCID).
_LANGUAGE_CODEPAGE = {
    **dict.fromkeys((0x19, 0x22, 0x02, 0x23, 0x2F, 0x44, 0x3F, 0x40, 0x43), 1251),  # Cyrillic
    **dict.fromkeys((0x05, 0x15, 0x0E, 0x1B, 0x24, 0x18, 0x1C), 1250),  # Central European
    0x08: 1253, 0x1F: 1254, 0x0D: 1255, 0x01: 1256, 0x29: 1256, 0x20: 1256,
    **dict.fromkeys((0x25, 0x26, 0x27), 1257), 0x2A: 1258, 0x1E: 874, 0x11: 932, 0x12: 949,
}
_TRADITIONAL_CHINESE = {0x0404, 0x0C04, 0x1404}


def _codec(codepage: Any) -> str | None:
    if not isinstance(codepage, int) or codepage <= 0:
        return None
    name = _CODEPAGES.get(codepage, f"cp{codepage}")
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


def _prop(msg: Any, tag: str) -> Any:
    try:
        return msg.getPropertyVal(tag)
    except Exception:  # noqa: BLE001
        return None


def _body_codec(msg: Any) -> str | None:
    """PR_INTERNET_CPID: the code page of the HTML/plain body as sent."""
    return _codec(_prop(msg, "3FDE0003")) or _codec(_prop(msg, "3FFD0003"))


def _ansi_codec(msg: Any) -> str | None:
    """Code page of the 8-bit strings of a non-Unicode .msg (None: Unicode or unknown).

    The language of the message (PR_MESSAGE_LOCALE_ID) decides: files from the wild state an
    internet code page that only applies to the body (a German mail with "1251" for its HTML).
    """
    if _get(msg, "areStringsUnicode") is not False:
        return None
    lcid = _prop(msg, "3FF10003")
    if isinstance(lcid, int) and lcid > 0:
        if lcid & 0x3FF == 0x04:
            return "cp950" if lcid in _TRADITIONAL_CHINESE else "gb18030"
        return _codec(_LANGUAGE_CODEPAGE.get(lcid & 0x3FF, 1252))
    return _body_codec(msg)


def _html_text(msg: Any) -> str:
    html = _get(msg, "htmlBody")
    if isinstance(html, bytes):
        html = decode_bytes(html, _body_codec(msg) or "utf-8")
    return html or ""


def _body(msg: Any) -> str:
    plain = _str(_get(msg, "body"))
    text = body_from(plain, None)
    if text:
        return text
    html = _html_text(msg)
    if html.strip():
        return body_from(None, html)
    rtf = _get(msg, "rtfBody")
    if isinstance(rtf, bytes) and rtf:
        return rtf_to_text(rtf)
    return ""


def _date(msg: Any) -> str | None:
    for name in ("date", "receivedTime", "clientSubmitTime", "createdAt", "creationTime",
                 "lastModificationTime"):
        value = _get(msg, name)
        if isinstance(value, dt.datetime):
            return value.isoformat()
    return None


def _people(msg: Any) -> tuple[str, str]:
    """To and Cc from the recipient table (1 = To, 2 = Cc); Bcc is not shown."""
    to, cc = [], []
    for r in _get(msg, "recipients") or []:
        kind = _get(r, "type")
        who = person(_str(_get(r, "name")), _str(_get(r, "email")))
        if not who:
            continue
        (cc if int(kind or 1) == 2 else to).append(who)
    if not to and not cc:
        return _str(_get(msg, "to")), _str(_get(msg, "cc"))
    return recipients(to), recipients(cc)


def _save_attachments(msg: Any, writer: AttachmentWriter, html: str, warnings: list[str]) -> int:
    from extract_msg.enums import AttachmentType

    skipped = 0
    for att in _get(msg, "attachments") or []:
        kind = _get(att, "type")
        name = _str(_get(att, "longFilename")) or _str(_get(att, "shortFilename")) \
            or _str(_get(att, "displayName")) or _str(_get(att, "name"))
        data = _get(att, "data")
        if kind == AttachmentType.MSG or kind == AttachmentType.SIGNED_EMBEDDED:
            try:
                blob = data.exportBytes(allowBadEmbed=True)
            except Exception as e:  # noqa: BLE001
                warnings.append(f"ingesloten bericht {name or ''} kon niet worden bewaard ({type(e).__name__})")
                continue
            subject = _str(_get(data, "subject"))
            base = name or subject or "ingesloten bericht"
            writer.write(base if base.lower().endswith(".msg") else base + ".msg", blob, "application/vnd.ms-outlook")
            continue
        if not isinstance(data, (bytes, bytearray)):
            if kind not in (None, AttachmentType.DATA, AttachmentType.SIGNED):
                warnings.append(f"bijlage {name or '(zonder naam)'} van type {getattr(kind, 'name', kind)} "
                                "kon niet worden uitgepakt; zie het origineel")
            continue
        if name.lower().endswith((".p7s", ".p7m")) and kind == AttachmentType.SIGNED:
            continue  # the S/MIME signature itself, not a document
        mime = _str(_get(att, "mimetype")) or None
        cid = _str(_get(att, "contentId")).strip("<>").lower()
        is_image = (mime or "").startswith("image/") or name.lower().endswith((".png", ".jpg", ".jpeg", ".gif"))
        inline = bool(cid) and f"cid:{cid}" in html.lower() or bool(_get(att, "hidden"))
        if is_image and inline and len(data) < INLINE_LOGO_BYTES:
            skipped += 1
            continue
        if writer.write(name, bytes(data), mime) is None:
            warnings.append("te veel of te grote bijlagen; de rest staat alleen in het origineel")
            break
    return skipped


def read_msg(src: Path, workdir: Path) -> Mail:
    msg = _open(src)
    try:
        message_class = _str(_get(msg, "classType"))
        kind = _kind(message_class)
        warnings: list[str] = []
        body = _body(msg)
        if kind:
            extra = []
            for attr, label in EXTRA_FIELDS:
                value = _str(_get(msg, attr))
                if value:
                    extra.append(f"{label}: {value}")
            if extra:
                body = "\n".join(extra) + ("\n\n" + body if body else "")
        sender = _str(_get(msg, "sender"))
        name, addr = email.utils.parseaddr(sender) if "@" in sender else (sender, "")
        to, cc = _people(msg)
        subject = _str(_get(msg, "subject")) or None
        header = EmailHeader(from_name=name or None, from_addr=addr.lower() or None, to=to or None,
                             date=_date(msg), subject=subject)
        writer = AttachmentWriter(workdir / "attachments")
        skipped = _save_attachments(msg, writer, _html_text(msg), warnings)
        if not body.strip() and not subject and not writer.written and not sender:
            raise Unreadable("Het Outlook-bericht is leeg: geen afzender, onderwerp, tekst of bijlagen "
                             "(empty .msg).")
        if message_class.lower().startswith("ipm.note.enterprisevault"):
            warnings.append("dit is alleen een verwijzing naar een gearchiveerd bericht (Enterprise Vault); "
                            "het volledige bericht staat in het archief")
        return Mail(header=header, body=body, cc=cc or None, attachments=list(writer.written),
                    skipped_inline=skipped, kind_label=kind, warnings=warnings)
    finally:
        with contextlib.suppress(Exception):  # closing a damaged file may fail again
            msg.close()
