"""Plain-text and HTML files: decode (UTF-8, UTF-16 with BOM, else cp1252) and render to PDF."""

from __future__ import annotations

from pathlib import Path

from ..errors import Unreadable
from .htmltext import html_to_text
from .mailcommon import decode_bytes, tidy

MAX_TEXT_BYTES = 20 * 1024 * 1024


def decode_text(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    return decode_bytes(data)  # UTF-8, else cp1252


def read_text(src: Path, *, html: bool = False) -> str:
    size = src.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise Unreadable(f"Het tekstbestand is {size // 2**20} MB; dat is geen brief "
                         f"(more than {MAX_TEXT_BYTES // 2**20} MB of text).")
    text = decode_text(src.read_bytes())
    if html:
        text = html_to_text(text)
    return tidy(text.replace("\x00", ""))
