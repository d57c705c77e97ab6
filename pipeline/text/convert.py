"""The recipe: sniff the type, read it with the matching module, return one Converted value.

`convert` never changes `path` and writes only inside `workdir`. A file that cannot be read
raises Unreadable with a reason a secretary understands. Library errors on bad input are
wrapped into Unreadable too; an error raised in our own code is a bug, and under pytest (or
with KWRU_STRICT=1) it is re-raised so that tests see it instead of a quarantined file.

Safe to run in several processes at once; within one process, one conversion at a time (pdfium,
used by us and by OCRmyPDF, is not thread-safe).
"""

from __future__ import annotations

import logging
import os
import traceback
from pathlib import Path

from ..errors import Unreadable
from . import Converted
from .sniff import Kind, sniff, unsupported_reason

log = logging.getLogger(__name__)

_OUR_CODE = str(Path(__file__).resolve().parent)


def convert(path: Path, workdir: Path) -> Converted:
    path, workdir = Path(path), Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        if not path.is_file():
            raise Unreadable(f"Het bestand bestaat niet of is geen gewoon bestand ({path.name}).")
        if path.stat().st_size == 0:
            raise Unreadable("Het bestand is leeg (0 bytes).")
        kind = sniff(path)
        return _dispatch(kind, path, workdir)
    except Unreadable:
        raise
    except MemoryError:
        raise Unreadable("Het bestand is te groot of te ingewikkeld om te lezen (out of memory).") from None
    except RecursionError:
        raise Unreadable("Het bestand is te diep genest om te lezen (damaged or hostile file).") from None
    except Exception as e:
        if _is_our_bug(e) and _strict():
            raise
        log.warning("conversion of %s failed:\n%s", path.name, traceback.format_exc())
        raise Unreadable(f"Het bestand kon niet worden gelezen ({type(e).__name__}: {str(e)[:200]}).") from None


def _strict() -> bool:
    return os.environ.get("KWRU_STRICT") == "1" or "PYTEST_CURRENT_TEST" in os.environ


def _is_our_bug(e: BaseException) -> bool:
    """True when the innermost frame of the traceback is in pipeline/text/ (not a library)."""
    tb = e.__traceback__
    last = None
    while tb is not None:
        last = tb
        tb = tb.tb_next
    return last is not None and last.tb_frame.f_code.co_filename.startswith(_OUR_CODE)


def _dispatch(kind: Kind, path: Path, workdir: Path) -> Converted:
    if kind.name == "empty":
        raise Unreadable("Het bestand is leeg (0 bytes).")
    if kind.name == "unsupported":
        raise Unreadable(unsupported_reason(kind))
    if kind.name == "pdf":
        return _pdf(path, workdir)
    if kind.name == "image":
        return _image(path, workdir)
    if kind.name in ("eml", "msg", "tnef"):
        return _mail(kind.name, path, workdir)
    if kind.name == "docx":
        return _docx(path, workdir)
    if kind.name in ("txt", "html"):
        return _text(path, workdir, html=kind.name == "html")
    raise Unreadable(f"Onbekend bestandstype ({kind.name}).")


def _join(texts: list[str]) -> str:
    # Pages separated by a form feed, as pdftotext does.
    return "\f".join(t.strip("\n") for t in texts).strip()


def _pdf(path: Path, workdir: Path) -> Converted:
    from . import ocr
    from . import pdf as pdfs

    doc = pdfs.read_pdf(path, workdir)
    if not doc.scan_pages:
        kept = pdfs.keep_copy(doc.path, workdir)
        return Converted(text=_join(doc.texts), pdf=kept, pages=doc.pages, ocr=False, source_type="pdf",
                         warnings=doc.warnings)
    result = ocr.ocr_pdf(doc, workdir)
    return Converted(text=_join(result.texts), pdf=result.pdf, pages=len(result.texts), ocr=True,
                     source_type="scan", warnings=doc.warnings + result.warnings)


def _image(path: Path, workdir: Path) -> Converted:
    from . import ocr

    result = ocr.ocr_image(path, workdir)
    return Converted(text=_join(result.texts), pdf=result.pdf, pages=len(result.texts), ocr=True,
                     source_type="image", warnings=result.warnings)


def _mail(kind: str, path: Path, workdir: Path) -> Converted:
    from .mailcommon import mail_text, render_mail

    if kind == "eml":
        from .eml import read_eml

        mail = read_eml(path, workdir)
    elif kind == "msg":
        from .outlook import read_msg

        mail = read_msg(path, workdir)
    else:
        mail = _tnef_mail(path, workdir)
    out = workdir / "document.pdf"
    pages = render_mail(mail, out)
    warnings = list(mail.warnings)
    if mail.skipped_inline:
        warnings.append(f"{mail.skipped_inline} kleine afbeelding(en) in de tekst (logo's) niet als "
                        "apart document opgenomen; ze staan in het origineel")
    return Converted(text=mail_text(mail), pdf=out, pages=pages, ocr=False,
                     source_type="msg" if kind == "msg" else "email", email=mail.header,
                     attachments=list(mail.attachments), warnings=warnings)


def _tnef_mail(path: Path, workdir: Path):
    from ..models import EmailHeader
    from .mailcommon import Mail, body_from
    from .names import AttachmentWriter
    from .rtf import rtf_to_text
    from .tnef import read_tnef

    content = read_tnef(path, workdir / "tnef")
    body = body_from(content.body, content.html) or (rtf_to_text(content.rtf) if content.rtf else "")
    writer = AttachmentWriter(workdir / "attachments")
    warnings: list[str] = []
    for name, part in content.attachments:
        if writer.write(name, part.read_bytes()) is None:
            warnings.append("te veel of te grote bijlagen; de rest staat alleen in het origineel")
            break
    if not body.strip() and not writer.written and not content.subject:
        raise Unreadable("Het winmail.dat-bestand (TNEF) bevat geen tekst en geen bijlagen (empty TNEF).")
    header = EmailHeader(from_name=content.sender, from_addr=(content.sender_addr or "").lower() or None,
                         to=None, date=content.date, subject=content.subject)
    return Mail(header=header, body=body, attachments=list(writer.written), warnings=warnings)


def _docx(path: Path, workdir: Path) -> Converted:
    from .word import read_docx

    doc = read_docx(path, workdir)
    return Converted(text=doc.text, pdf=doc.pdf, pages=doc.pages, ocr=False, source_type="docx",
                     warnings=doc.warnings)


def _text(path: Path, workdir: Path, *, html: bool) -> Converted:
    from .plain import read_text
    from .render import render_pdf

    text = read_text(path, html=html)
    out = workdir / "document.pdf"
    pages = render_pdf(out, title=path.stem, header=[], body=text)
    return Converted(text=text, pdf=out, pages=pages, ocr=False, source_type="txt")
