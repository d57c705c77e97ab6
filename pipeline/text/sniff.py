"""Decide what a received file is from its first bytes, not from its name.

Names lie: an Outlook .msg arrives without extension, a .doc is renamed .docm, a ZIP is dropped
among PDFs. The extension only breaks ties (plain text) and improves error messages.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

HEAD_BYTES = 64 * 1024

# What a user may drop, for the "not supported" messages.
SUPPORTED = "PDF, JPEG, PNG, TIFF, e-mail (.eml, .msg, winmail.dat), Word (.docx) en tekst (.txt)"


@dataclass(frozen=True)
class Kind:
    """The type of a file. `name` is what the converters dispatch on."""

    name: str  # pdf | image | eml | msg | tnef | docx | txt | html | unsupported | empty
    detail: str = ""  # image: jpeg/png/tiff; unsupported: a human description of what it is


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TNEF = b"\x78\x9f\x3e\x22"
_MAIL_HEADERS = re.compile(
    rb"^(received|return-path|from|to|subject|date|message-id|mime-version|delivered-to|"
    rb"x-[a-z0-9-]+|content-type|reply-to|cc|sender|dkim-signature|arc-[a-z-]+|"
    rb"authentication-results|thread-topic|thread-index|in-reply-to|references|"
    rb"envelope-to|x-original-to|importance|user-agent):",
    re.IGNORECASE,
)
_HEADER_LINE = re.compile(rb"^[!-9;-~]+:")  # field name: printable ASCII except ':'


def _looks_like_mail(head: bytes) -> bool:
    lines = head.replace(b"\r\n", b"\n").split(b"\n")[:60]
    if lines and lines[0].startswith(b"From "):  # mbox separator line
        lines = lines[1:]
    known = 0
    for line in lines:
        if not line.strip():
            break  # end of the header block
        if line[:1] in (b" ", b"\t"):
            continue  # folded continuation
        if not _HEADER_LINE.match(line):
            return False
        if _MAIL_HEADERS.match(line):
            known += 1
    return known >= 2


def _text_like(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True  # UTF-16 with a byte-order mark (Windows Notepad)
    if not head or b"\x00" in head[:8192]:
        return False
    sample = head[:8192]
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as e:
        if e.start >= len(sample) - 4:  # a multi-byte character cut by our sample
            return True
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(sample) < 0.01  # cp1252 and friends


def _ole2_kind(path: Path) -> Kind:
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            streams = {"/".join(s).lower() for s in ole.listdir(streams=True, storages=True)}
    except Exception:  # noqa: BLE001 - damaged compound file: let the .msg reader say why
        return Kind("msg", "damaged")
    top = {s.split("/")[0] for s in streams}
    if any(s.startswith("__substg1.0_") for s in top) or "__properties_version1.0" in top:
        return Kind("msg")
    if "encryptedpackage" in top:
        return Kind("unsupported", "encrypted-office")
    if "worddocument" in top:
        return Kind("unsupported", "doc")
    if "workbook" in top or "book" in top:
        return Kind("unsupported", "xls")
    if "powerpoint document" in top:
        return Kind("unsupported", "ppt")
    return Kind("unsupported", "ole2")


def _zip_kind(path: Path) -> Kind:
    try:
        with zipfile.ZipFile(path) as z:
            names = {n.lower() for n in z.namelist()}
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        ext = path.suffix.lower()
        if ext in (".docx", ".docm", ".dotx", ".dotm"):
            return Kind("unsupported", "damaged-docx")
        return Kind("unsupported", "damaged-zip")
    if "word/document.xml" in names:
        return Kind("docx")
    if any(n.startswith("word/") for n in names) or "[content_types].xml" in names:
        if any(n.startswith("xl/") for n in names):
            return Kind("unsupported", "xlsx")
        if any(n.startswith("ppt/") for n in names):
            return Kind("unsupported", "pptx")
        if "mimetype" in names:
            return Kind("unsupported", "odf")
        return Kind("unsupported", "ooxml-no-document")
    if "mimetype" in names:
        return Kind("unsupported", "odf")
    return Kind("unsupported", "zip")


def sniff(path: Path) -> Kind:
    """The kind of file at `path` (reads at most 64 KiB, plus the directory of a ZIP/OLE2)."""
    with open(path, "rb") as f:
        head = f.read(HEAD_BYTES)
    if not head:
        return Kind("empty")
    ext = path.suffix.lower()
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return Kind("pdf")
    if head.startswith(b"\xff\xd8\xff"):
        return Kind("image", "jpeg")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Kind("image", "png")
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return Kind("image", "tiff")
    if head[:4] in (b"II+\x00", b"MM\x00+"):
        return Kind("image", "tiff")  # BigTIFF; Pillow will say if it cannot read it
    if head.startswith(_OLE2):
        return _ole2_kind(path)
    if head.startswith(_TNEF):
        return Kind("tnef")
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(path)
    for magic, what in ((b"GIF87a", "gif"), (b"GIF89a", "gif"), (b"BM", "bmp"),
                        (b"{\\rtf", "rtf"), (b"\x1f\x8b", "gzip"), (b"Rar!", "rar"),
                        (b"7z\xbc\xaf", "7z"), (b"\x00\x00\x00\x0cjP  ", "jp2"),
                        (b"\xff\x4f\xff\x51", "jp2"), (b"MZ", "exe"), (b"\x7fELF", "exe")):
        if head.startswith(magic):
            if what == "bmp" and len(head) < 26:
                break
            return Kind("unsupported", what)
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypmsf1", b"ftyphevc"):
        return Kind("unsupported", "heic")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Kind("unsupported", "webp")
    if ext in (".docx", ".docm", ".dotx", ".dotm"):
        return Kind("unsupported", "damaged-docx")
    if ext == ".pdf":
        return Kind("unsupported", "damaged-pdf")
    if ext == ".msg":
        return Kind("unsupported", "damaged-msg")
    if _looks_like_mail(head):
        return Kind("eml")
    if _text_like(head):
        lowered = head[:2048].lstrip().lower()
        if lowered.startswith((b"<!doctype html", b"<html")) or ext in (".html", ".htm"):
            return Kind("html")
        return Kind("txt")
    if ext in (".eml",):
        return Kind("unsupported", "damaged-eml")
    return Kind("unsupported", "unknown")


# Plain-language descriptions for Unreadable reasons (Dutch for the secretary, English gloss).
DESCRIPTIONS = {
    "gif": "een GIF-afbeelding (GIF image)",
    "bmp": "een BMP-afbeelding (BMP image)",
    "webp": "een WebP-afbeelding (WebP image)",
    "heic": "een HEIC-foto van een iPhone (HEIC photo); sla hem op als JPEG",
    "jp2": "een JPEG 2000-afbeelding (JPEG 2000 image)",
    "rtf": "een RTF-document (Rich Text Format); sla het op als .docx of PDF",
    "gzip": "een gzip-archief (gzip archive); pak het uit en lever de bestanden los aan",
    "rar": "een RAR-archief (RAR archive); pak het uit en lever de bestanden los aan",
    "7z": "een 7-Zip-archief (7z archive); pak het uit en lever de bestanden los aan",
    "zip": "een ZIP-archief (ZIP archive); pak het uit en lever de bestanden los aan",
    "exe": "een programma (executable); dat wordt nooit geopend",
    "doc": "een oud Word-bestand (.doc). Het oude Word .doc-formaat wordt niet ondersteund "
           "(old Word .doc format is not supported; save it as .docx)",
    "xls": "een oud Excel-bestand (.xls)",
    "xlsx": "een Excel-werkmap (.xlsx)",
    "ppt": "een oude PowerPoint-presentatie (.ppt)",
    "pptx": "een PowerPoint-presentatie (.pptx)",
    "odf": "een OpenDocument-bestand (LibreOffice); sla het op als .docx of PDF",
    "ole2": "een onbekend Microsoft Office-bestand (OLE2 compound file)",
    "encrypted-office": "een Office-document dat met een wachtwoord is versleuteld "
                        "(encrypted with a password); sla het zonder wachtwoord op",
    "ooxml-no-document": "een Office-pakket zonder Word-document erin (no word/document.xml)",
    "damaged-docx": "een beschadigd Word-bestand: de ZIP-structuur is kapot "
                    "(damaged .docx: broken ZIP structure)",
    "damaged-zip": "een beschadigd ZIP-archief (damaged ZIP)",
    "damaged-pdf": "een beschadigd PDF-bestand: er staat geen PDF-kop in "
                   "(damaged PDF: no %PDF header)",
    "damaged-msg": "een beschadigd Outlook-bericht (damaged .msg)",
    "damaged-eml": "een beschadigd e-mailbericht: geen herkenbare kopregels (no mail headers)",
    "unknown": "een onbekend binair bestandstype (unknown binary file)",
}


def unsupported_reason(kind: Kind) -> str:
    what = DESCRIPTIONS.get(kind.detail, f"een {kind.detail}-bestand")
    if kind.detail in ("encrypted-office",) or kind.detail.startswith("damaged"):
        return f"Dit is {what}."
    if kind.detail == "doc":
        return f"Dit is {what}."
    return f"Dit bestandstype wordt niet ondersteund: {what}. Ondersteund zijn: {SUPPORTED}."
