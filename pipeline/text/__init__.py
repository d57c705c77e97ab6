"""How a received file becomes text and a searchable PDF: PDF text layer, OCR, e-mail, DOCX.

The one entry point is `convert(path, workdir)`; it never modifies `path` and writes only
inside `workdir`. A file that cannot be read raises `errors.Unreadable` with a plain reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..models import EmailHeader


@dataclass
class Converted:
    text: str  # the document's text (OCR'd when it was a scan); for e-mail: headers + body
    pdf: Path | None  # a searchable PDF inside workdir for the dossier and bundles
    pages: int
    ocr: bool  # text came from OCR
    source_type: str  # "pdf" | "scan" | "image" | "email" | "msg" | "docx" | "txt"
    email: EmailHeader | None = None  # for e-mails: From/To/Date/Subject
    attachments: list[Path] = field(default_factory=list)  # files in workdir/attachments/, safe names
    warnings: list[str] = field(default_factory=list)


# The implementation lives in convert.py. Importing it binds the submodule to the name
# `convert` on this package; the function defined below takes the name back, so
# `from pipeline.text import convert` always gives the function.
from .convert import convert as _convert  # noqa: E402 - see the comment above


def convert(path: Path, workdir: Path) -> Converted:
    """Text and a searchable PDF of one received file; raises errors.Unreadable with a reason."""
    return _convert(path, workdir)
