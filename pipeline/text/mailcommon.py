"""What every e-mail becomes, whatever its format (.eml, Outlook .msg, winmail.dat): one value
with the header, the body text and the attachments; then its text and its PDF.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..models import EmailHeader
from . import render
from .htmltext import html_to_text

MAX_LISTED_RECIPIENTS = 50
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")

# Charset labels mail clients write that Python does not know or knows too narrowly.
_CHARSET_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cn-gb": "gb18030",
    "ks_c_5601-1987": "cp949", "ks_c_5601": "cp949", "euc-kr": "cp949",
    "iso-8859-8-i": "iso-8859-8", "iso-8859-6-i": "iso-8859-6", "windows-874": "cp874",
    "x-mac-roman": "mac_roman", "macintosh": "mac_roman", "unicode-1-1-utf-7": "utf-7",
    "us-ascii": "", "ascii": "", "ansi_x3.4-1968": "",  # 8-bit text labelled ASCII: guess
    "unknown-8bit": "", "x-unknown": "", "unknown": "", "default": "", "x-user-defined": "",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",  # what senders really mean
    "big5": "big5hkscs", "shift_jis": "cp932", "x-sjis": "cp932", "sjis": "cp932",
}


def decode_bytes(data: bytes, charset: str | None = None) -> str:
    """Bytes to text: the declared charset if Python knows it and it fits, else UTF-8, else
    cp1252 (what Windows senders use), never an exception."""
    tried = []
    if charset:
        cs = charset.strip().strip('"').lower()
        cs = _CHARSET_ALIASES.get(cs, cs)
        try:
            if cs:
                codecs.lookup(cs)
                tried.append(cs)
        except (LookupError, ValueError):
            pass
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for cs in (*tried, "utf-8", "cp1252"):
        try:
            return data.decode(cs)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode(tried[0] if tried else "cp1252", "replace")


_C1 = re.compile(r"[\x80-\x9f]")


def _cp1252_char(m: re.Match[str]) -> str:
    return bytes([ord(m.group())]).decode("cp1252", "replace").replace("\ufffd", "")


def fix_surrogates(text: str, charset: str | None = None) -> str:
    """Header text as a person would read it.

    Raw 8-bit header bytes arrive from the stdlib parser as surrogate escapes: decode them.
    Encoded-words labelled ISO-8859-1 that are really cp1252 (Outlook's en dash, euro sign,
    curly quotes) decode to invisible C1 control characters: map those to cp1252.
    """
    if re.search(r"[\udc80-\udcff]", text):
        text = decode_bytes(text.encode("utf-8", "surrogateescape"), charset)
    return _C1.sub(_cp1252_char, text)


def dutch_datetime(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        d = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {MONTHS[d.month - 1]} {d.year} {d.hour:02d}:{d.minute:02d}"


def person(name: str | None, addr: str | None) -> str:
    name, addr = (name or "").strip().strip('"').strip(), (addr or "").strip()
    if name and addr and name.lower() != addr.lower():
        return f"{name} <{addr}>"
    return addr or name


def recipients(people: list[str]) -> str:
    people = [p for p in people if p]
    if len(people) > MAX_LISTED_RECIPIENTS:
        rest = len(people) - MAX_LISTED_RECIPIENTS
        return ", ".join(people[:MAX_LISTED_RECIPIENTS]) + f" (en {rest} anderen)"
    return ", ".join(people)


@dataclass
class Mail:
    """An e-mail, from whatever container it came in."""

    header: EmailHeader
    body: str
    cc: str | None = None
    attachments: list[Path] = field(default_factory=list)
    skipped_inline: int = 0  # small inline images (logos) not made into documents
    kind_label: str | None = None  # Outlook item that is not a mail: "Afspraak", "Contactpersoon"
    warnings: list[str] = field(default_factory=list)


def body_from(plain: str | None, html: str | None) -> str:
    """The text of a body: the plain alternative, or the HTML made readable."""
    plain = (plain or "").replace("\r\n", "\n").replace("\r", "\n")
    if plain.strip():
        return tidy(plain)
    if html and html.strip():
        return tidy(html_to_text(html))
    return ""


def tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{4,}", "\n\n\n", "\n".join(lines)).strip("\n")


def header_rows(mail: Mail) -> list[tuple[str, str]]:
    """Van, Aan, Datum, Onderwerp always first and in this order; then what else there is."""
    h = mail.header
    rows = [
        ("Van", person(h.from_name, h.from_addr)),
        ("Aan", h.to or ""),
        ("Datum", dutch_datetime(h.date)),
        ("Onderwerp", h.subject or ""),
    ]
    if mail.cc:
        rows.append(("Cc", mail.cc))
    if mail.kind_label:
        rows.append(("Soort", mail.kind_label))
    if mail.attachments:
        rows.append(("Bijlagen", ", ".join(p.name for p in mail.attachments)))
    return rows


def mail_text(mail: Mail) -> str:
    head = "\n".join(f"{k}: {v}" for k, v in header_rows(mail))
    return f"{head}\n\n{mail.body}".rstrip() + "\n"


def render_mail(mail: Mail, out: Path) -> int:
    """The e-mail as a PDF; returns its page count."""
    return render.render_pdf(out, title=mail.header.subject or "e-mail", header=header_rows(mail),
                             body=mail.body)
