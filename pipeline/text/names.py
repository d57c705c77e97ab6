"""Safe file names for attachments: a name from a mail is never trusted as a path.

A sender chooses attachment names freely: `../../etc/passwd`, `C:\\boot.ini`, `CON.txt`, names with
control characters or 500 characters, or no name at all. `AttachmentWriter` turns each into a
plain file name inside one folder, unique (case-insensitively, for Windows and macOS shares),
and writes the bytes there.
"""

from __future__ import annotations

import mimetypes
import re
import unicodedata
from pathlib import Path

MAX_NAME_BYTES = 150  # well under the 255-byte limit of ext4/NTFS, leaves room for " (12)"
MAX_EXT_CHARS = 10
MAX_ATTACHMENTS = 500  # per e-mail; more is a bomb, not a letter
MAX_TOTAL_BYTES = 500 * 1024 * 1024

_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
                     *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}
_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')
_SPACES = re.compile(r"\s+")

# A few types mail clients often send without a name; the rest fall back to mimetypes.
_EXTENSIONS = {
    "application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png", "image/tiff": ".tif",
    "image/gif": ".gif", "text/plain": ".txt", "text/html": ".html", "message/rfc822": ".eml",
    "application/vnd.ms-outlook": ".msg",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/msword": ".doc",
}


def extension_for(content_type: str | None) -> str:
    """A file extension for a MIME type, `.bin` when unknown."""
    ct = (content_type or "").split(";")[0].strip().lower()
    if ct in _EXTENSIONS:
        return _EXTENSIONS[ct]
    guessed = mimetypes.guess_extension(ct) if ct else None
    return guessed or ".bin"


def _utf8_cut(text: str, max_bytes: int) -> str:
    return text.encode("utf-8")[:max_bytes].decode("utf-8", "ignore")


def safe_name(raw: str | None, *, fallback: str = "bijlage.bin") -> str:
    """One path component without directories, control characters or reserved names.

    The extension survives shortening, because it decides how the file is read later.
    Returns `fallback` when nothing usable is left.
    """
    name = raw or ""
    # Directories of any system: keep only the last component.
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = unicodedata.normalize("NFC", name)
    # Control and format characters (incl. NUL, newlines, bidi overrides that disguise ".exe").
    name = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in name)
    name = _FORBIDDEN.sub("_", name)
    name = _SPACES.sub(" ", name).strip(" .")  # no hidden files, no trailing dots (Windows)
    if not name or set(name) <= {"_", " ", "."}:
        return fallback
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or len(ext) > MAX_EXT_CHARS or " " in ext:
        stem, ext = name, ""
    ext = f".{ext}" if ext else ""
    if stem.split(".")[0].strip().upper() in _WINDOWS_RESERVED:
        stem = f"_{stem}"
    room = MAX_NAME_BYTES - len(ext.encode("utf-8"))
    stem = _utf8_cut(stem, room).rstrip(" .") or "bijlage"
    return stem + ext


class AttachmentWriter:
    """Writes extracted attachments into one folder under safe, unique names."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.written: list[Path] = []
        self._taken: set[str] = set()
        self._total = 0

    def _unique(self, name: str) -> str:
        stem, dot, ext = name.rpartition(".")
        if not dot:
            stem, ext = name, ""
        ext = f".{ext}" if ext else ""
        candidate, n = name, 1
        while candidate.casefold() in self._taken or (self.folder / candidate).exists():
            n += 1
            candidate = f"{stem} ({n}){ext}"
        self._taken.add(candidate.casefold())
        return candidate

    def write(self, raw_name: str | None, data: bytes, content_type: str | None = None) -> Path | None:
        """Write one attachment; returns its path, or None when a limit says stop."""
        if len(self.written) >= MAX_ATTACHMENTS or self._total + len(data) > MAX_TOTAL_BYTES:
            return None
        fallback = f"bijlage-{len(self.written) + 1}{extension_for(content_type)}"
        name = self._unique(safe_name(raw_name, fallback=fallback))
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / name
        # Belt and braces: whatever safe_name did, the file must land directly in the folder.
        if path.resolve().parent != self.folder.resolve():
            raise ValueError(f"attachment name escaped its folder: {name!r}")
        with open(path, "xb") as f:
            f.write(data)
        self.written.append(path)
        self._total += len(data)
        return path
