"""Opening a document's PDF for a bundle: encrypted, damaged or missing files become a Problem."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from ..models import Document


@dataclass(frozen=True)
class Problem:
    """Why a document is not in the bundle: in Dutch for the placeholder page, in English for the terminal."""

    code: str  # no_pdf | missing | outside | encrypted | damaged | empty
    nl: str
    en: str


@dataclass
class Source:
    """A document's PDF, opened lazily by pikepdf (page data is read only when the bundle is saved)."""

    pdf: pikepdf.Pdf | None
    sha256: str | None  # of the PDF file: tells versioning whether the document changed
    problem: Problem | None = None
    repaired: bool = False  # qpdf had to reconstruct the file; every page was checked readable

    @property
    def pages(self) -> int:
        """Pages this document takes in the bundle: a placeholder is one page."""
        return len(self.pdf.pages) if self.pdf is not None else 1

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()


def _sha256(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _unreadable_page(pdf: pikepdf.Pdf) -> int | None:
    """The first page (1-based) whose content or images cannot be read, else None.

    Only used on files qpdf had to reconstruct: a truncated file can lose the content of its
    last pages while the page tree survives, and a blank page would pass unnoticed.
    """
    for n, page in enumerate(pdf.pages, 1):
        try:
            contents = page.obj.get("/Contents")
            if contents is None:
                return n
            streams = contents if isinstance(contents, pikepdf.Array) else [contents]
            for s in streams:
                s.read_bytes()
            resources = page.obj.get("/Resources")
            xobjects = resources.get("/XObject") if resources is not None else None
            for x in (xobjects.values() if xobjects is not None else []):
                x.read_raw_bytes()
        except (pikepdf.PdfError, AttributeError, TypeError, ValueError):
            return n
    return None


def open_source(case_dir: Path, doc: Document) -> Source:
    """Open `doc`'s PDF; never raises for a bad file, the Source then carries the Problem."""
    if not doc.path:
        return Source(None, None, Problem(
            "no_pdf", "er kon geen PDF van dit stuk worden gemaakt",
            "no PDF could be made of it at intake"))
    path = (case_dir / doc.path).resolve()
    if not path.is_relative_to(case_dir.resolve()):
        return Source(None, None, Problem(
            "outside", f"het pad {doc.path} ligt buiten het dossier",
            f"its path {doc.path} lies outside the case folder"))
    if not path.is_file():
        return Source(None, None, Problem(
            "missing", f"het bestand {doc.path} ontbreekt in het dossier",
            f"the file {doc.path} is missing from the case folder"))
    sha = _sha256(path)
    try:
        return _checked(Source(pikepdf.open(path, attempt_recovery=False), sha))
    except pikepdf.PasswordError:
        return Source(None, sha, Problem(
            "encrypted", "het PDF-bestand is beveiligd met een wachtwoord",
            "the PDF is protected with a password (remove it with `qpdf --decrypt`, "
            "or ask the sender for an unprotected copy)"))
    except pikepdf.PdfError:
        pass
    # Damaged: let qpdf reconstruct it, and accept the result only if every page is readable
    # and none went missing.
    try:
        pdf = pikepdf.open(path)
    except pikepdf.PasswordError:
        return Source(None, sha, Problem(
            "encrypted", "het PDF-bestand is beveiligd met een wachtwoord",
            "the PDF is protected with a password"))
    except pikepdf.PdfError as e:
        return Source(None, sha, Problem(
            "damaged", "het PDF-bestand is beschadigd en kan niet worden gelezen",
            f"the PDF is damaged and cannot be read ({_short(e)})"))
    bad = _unreadable_page(pdf)
    lost = doc.pages and len(pdf.pages) != doc.pages
    if bad is not None or lost:
        pdf.close()
        where = (f"pagina {bad} is niet te lezen" if bad is not None
                 else f"{doc.pages} pagina's verwacht, maar er zijn er {len(pdf.pages)} over")
        where_en = (f"page {bad} cannot be read" if bad is not None
                    else f"{doc.pages} pages expected, {len(pdf.pages)} left")
        return Source(None, sha, Problem(
            "damaged", f"het PDF-bestand is beschadigd of onvolledig ({where})",
            f"the PDF is damaged or incomplete ({where_en})"))
    return _checked(Source(pdf, sha, repaired=True))


def _checked(src: Source) -> Source:
    assert src.pdf is not None
    if len(src.pdf.pages) == 0:
        src.pdf.close()
        return Source(None, src.sha256, Problem(
            "empty", "het PDF-bestand bevat geen pagina's", "the PDF has no pages"))
    return src


def _short(e: Exception) -> str:
    text = str(e).split(": ", 1)[-1]
    return text[:120]
