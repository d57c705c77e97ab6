"""Word .docx: its text (python-docx) and a PDF made by LibreOffice.

Hostile files are checked before any XML parser sees them: the ZIP directory must be sane
(no part over 64 MB unpacked, no more than 300 MB in all, no absurd compression ratio), and an
XML part with a DOCTYPE is never given to LibreOffice (Word never writes one; it is how XXE
attacks start). python-docx itself parses with resolve_entities=False and lxml blocks network
access, so entities are never resolved; the text keeps only what is literally there.
"""

from __future__ import annotations

import logging
import re
import shutil
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Unreadable

MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 300 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed for one big part; normal XML is 5-25
MAX_PARTS = 10_000
LIBREOFFICE_TIMEOUT = 120.0

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)

log = logging.getLogger(__name__)


@dataclass
class WordDoc:
    text: str
    pdf: Path | None
    pages: int
    warnings: list[str] = field(default_factory=list)


def _damaged(detail: str) -> Unreadable:
    return Unreadable(f"Het Word-bestand is beschadigd en kan niet worden gelezen (damaged .docx: {detail}).")


def check_package(src: Path) -> bool:
    """Refuse zip bombs and broken packages. Returns True when an XML part has a DOCTYPE."""
    try:
        with zipfile.ZipFile(src) as z:
            infos = z.infolist()
            if len(infos) > MAX_PARTS:
                raise _damaged(f"{len(infos)} onderdelen (too many parts)")
            total = 0
            for info in infos:
                total += info.file_size
                if info.file_size > MAX_PART_BYTES:
                    raise Unreadable(f"Het Word-bestand bevat een onderdeel van {info.file_size // 2**20} MB "
                                     "uitgepakt; dat is te groot om veilig te lezen (zip bomb?).")
                if info.file_size > 10 * 2**20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                    raise Unreadable("Het Word-bestand is verdacht sterk gecomprimeerd (zip bomb) en wordt "
                                     "niet geopend.")
            if total > MAX_TOTAL_BYTES:
                raise Unreadable(f"Het Word-bestand is uitgepakt {total // 2**20} MB; dat is te groot om "
                                 "veilig te lezen (zip bomb?).")
            doctype = False
            for info in infos:
                if info.filename.lower().endswith((".xml", ".rels")):
                    with z.open(info) as f:
                        if _DOCTYPE.search(f.read(4096)):
                            doctype = True
            # Read the main part fully once: a CRC error or bad deflate stream shows here.
            z.read("word/document.xml")
            return doctype
    except zipfile.BadZipFile as e:
        raise _damaged(str(e)) from None
    except KeyError:
        raise Unreadable("Dit Office-pakket bevat geen Word-document (no word/document.xml).") from None
    except (OSError, EOFError, NotImplementedError, ValueError, RuntimeError, zlib.error) as e:
        raise _damaged(f"{type(e).__name__}: {e}") from None


def _run_text(el) -> str:
    # Direct children only: a run can hold a drawing with a text box whose own runs are
    # visited separately by _paragraph_text.
    out = []
    for node in el:
        tag = node.tag
        if tag == f"{W}t" and node.text:
            out.append(node.text)
        elif tag in (f"{W}tab", f"{W}ptab"):
            out.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            out.append("\n")
        elif tag == f"{W}noBreakHyphen":
            out.append("-")
        elif tag == f"{W}sym":
            out.append("")
    return "".join(out)


def _paragraph_text(p) -> str:
    # Runs at any depth: inside hyperlinks, insertions, smart tags, fields and text boxes.
    # Deleted text is w:delText, not w:t, so tracked deletions stay out.
    return "".join(_run_text(r) for r in p.iter(f"{W}r"))


def _block_text(container) -> list[str]:
    """Paragraphs and tables in document order, descending into content controls."""
    lines: list[str] = []
    for child in container:
        tag = child.tag
        if tag == f"{W}p":
            lines.append(_paragraph_text(child))
        elif tag == f"{W}tbl":
            for row in child.findall(f"{W}tr"):
                cells = []
                for cell in row.findall(f"{W}tc"):
                    cells.append(" ".join(t for t in _block_text(cell) if t.strip()))
                if any(c.strip() for c in cells):
                    lines.append("\t".join(cells))
            lines.append("")
        elif tag in (f"{W}sdt", f"{W}customXml", f"{W}smartTag"):
            content = child.find(f"{W}sdtContent")
            lines += _block_text(content if content is not None else child)
        elif tag == f"{W}sdtContent":
            lines += _block_text(child)
    return lines


def _safe_parse(xml: bytes):
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             remove_blank_text=True, load_dtd=False)
    return etree.fromstring(xml, parser)


def _alt_chunks(part, body) -> dict[str, str]:
    """Text of w:altChunk parts (HTML or text imported into the document as is)."""
    out = {}
    for chunk in body.iter(f"{W}altChunk"):
        rid = chunk.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        rel = part.rels.get(rid) if rid else None
        if rel is None or rel.is_external:
            continue  # a dangling relationship
        target = rel.target_part
        blob = target.blob
        from .htmltext import html_to_text
        from .mailcommon import decode_bytes

        text = decode_bytes(blob[:5_000_000], "utf-8")
        out[rid] = html_to_text(text) if "html" in (target.content_type or "") or "<html" in text[:500].lower() else text
    return out


def _story(section, name: str):
    """The XML of a header or footer; None when its part is missing or broken."""
    try:
        return getattr(section, name)._element
    except (KeyError, ValueError, LookupError, OSError) as e:  # a dangling or damaged part
        log.debug("%s: %s", name, e)
        return None


def extract_text(src: Path) -> str:
    """Headers (letterheads carry the sender), body in document order, footers."""
    from docx.package import Package

    try:
        # Package.open instead of docx.Document(): the latter refuses .docm and .dotx by content
        # type, though their text is the same WordprocessingML.
        part = Package.open(str(src)).main_document_part
        document = part.document
        body = document.element.body
    except Exception as e:  # noqa: BLE001 - broken relationships: read the XML part directly
        log.info("python-docx could not open %s (%s); reading word/document.xml", src.name, e)
        return _raw_text(src)
    parts: list[str] = []
    seen: set[str] = set()
    heads, feet = [], []
    for section in document.sections:
        heads += [_story(section, "header"), _story(section, "first_page_header")]
        feet.append(_story(section, "footer"))
    for el in heads:
        text = "\n".join(_block_text(el)).strip() if el is not None else ""
        if text and text not in seen:
            seen.add(text)
            parts.append(text)
    lines = _block_text(body)
    chunks = _alt_chunks(part, body)
    parts.append("\n".join(lines + [t for t in chunks.values() if t.strip()]))
    for el in feet:
        text = "\n".join(_block_text(el)).strip() if el is not None else ""
        if text and text not in seen:
            seen.add(text)
            parts.append(text)
    text = "\n\n".join(p.strip("\n") for p in parts if p.strip())
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _raw_text(src: Path) -> str:
    try:
        with zipfile.ZipFile(src) as z:
            root = _safe_parse(z.read("word/document.xml"))
    except Exception as e:  # noqa: BLE001 - lxml, zipfile and zlib errors on a damaged file
        raise _damaged(f"{type(e).__name__}: {str(e)[:150]}") from None
    body = root.find(f"{W}body")
    text = "\n".join(_block_text(body if body is not None else root))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def to_pdf(src: Path, workdir: Path) -> tuple[Path | None, str | None]:
    """PDF via LibreOffice; (None, warning) when LibreOffice is missing or fails."""
    from .. import office

    if not office.soffice_path():
        return None, ("LibreOffice is niet geïnstalleerd; er is geen PDF van dit Word-document gemaakt "
                      "(install libreoffice-writer-nogui)")
    staged = workdir / "lo-in" / ("document" + (src.suffix.lower() if src.suffix.lower() in
                                                (".docx", ".docm", ".dotx", ".dotm") else ".docx"))
    staged.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, staged)
    outdir = workdir / "lo-out"
    try:
        result = office.to_pdf([staged], outdir, timeout=LIBREOFFICE_TIMEOUT)
    except Exception as e:  # noqa: BLE001 - a hung or crashed soffice, a timeout
        return None, f"LibreOffice kon geen PDF maken ({type(e).__name__})"
    pdf = result.get(staged)
    if pdf is None:
        return None, "LibreOffice kon geen PDF van dit Word-document maken"
    out = workdir / "document.pdf"
    shutil.move(str(pdf), out)
    return out, None


def read_docx(src: Path, workdir: Path) -> WordDoc:
    doctype = check_package(src)
    text = extract_text(src)
    warnings: list[str] = []
    if doctype:
        warnings.append("het Word-bestand bevat een XML-DOCTYPE (mogelijk een XXE-aanval); er is geen PDF "
                        "gemaakt, alleen de letterlijke tekst gelezen")
        return WordDoc(text, None, 0, warnings)
    pdf, problem = to_pdf(src, workdir)
    if problem:
        warnings.append(problem)
    pages = 0
    if pdf is not None:
        from .pdf import page_count

        pages = page_count(pdf)
    if not text.strip():
        warnings.append("het Word-document bevat geen tekst")
    return WordDoc(text, pdf, pages, warnings)
