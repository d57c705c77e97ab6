"""RFC 822 e-mail (.eml): header, body and attachments, with the standard library's parser.

Real mail is messy: boundaries that never appear or never close, raw 8-bit bytes in headers,
charsets Python does not know, a multipart declared base64, HTML-only bodies, inline logos,
forwarded mails as message/rfc822 parts, Outlook's winmail.dat. The parser is lenient
(`policy.default` records defects instead of raising); every header and every part is read on
its own, so one bad part costs that part, not the mail.
"""

from __future__ import annotations

import email
import email.header
import email.utils
import logging
from email import policy
from email.message import Message
from pathlib import Path

from ..models import EmailHeader
from .mailcommon import Mail, body_from, decode_bytes, fix_surrogates, person, recipients, tidy
from .names import AttachmentWriter
from .rtf import rtf_to_text

log = logging.getLogger(__name__)

INLINE_LOGO_BYTES = 30 * 1024  # inline images smaller than this are logos and spacer GIFs
MAX_PARTS = 2000
MAX_DEPTH = 30


def _raw_header(msg: Message, name: str) -> str | None:
    for key, value in msg.raw_items():
        if key.lower() == name.lower():
            return str(value)
    return None


def header_text(msg: Message, name: str, charset: str | None = None) -> str | None:
    """A header as text, RFC 2047 decoded, raw 8-bit bytes decoded; never raises."""
    try:
        value = msg.get(name)
        text = None if value is None else str(value)
    except Exception:  # noqa: BLE001 - the stdlib header parser has edge-case crashes
        raw = _raw_header(msg, name)
        if raw is None:
            return None
        try:
            parts = email.header.decode_header(raw)
            text = "".join(p.decode(c or "utf-8", "replace") if isinstance(p, bytes) else p for p, c in parts)
        except Exception:  # noqa: BLE001
            text = raw
    if text is None:
        return None
    text = fix_surrogates(text, charset)
    return " ".join(text.split()) or None


def _addresses(msg: Message, name: str, charset: str | None) -> list[tuple[str, str]]:
    try:
        header = msg.get(name)
        if header is not None and hasattr(header, "addresses"):
            out = [(fix_surrogates(a.display_name or "", charset), a.addr_spec or "") for a in header.addresses]
            if out:
                return out
    except Exception as e:  # noqa: BLE001 - fall back to the old, more forgiving parser
        log.debug("address header %s: %s", name, e)
    text = header_text(msg, name, charset)
    if not text:
        return []
    return [(n, a) for n, a in email.utils.getaddresses([text]) if n or a]


def _date(msg: Message) -> str | None:
    raw = _raw_header(msg, "date")
    if not raw:
        return None
    try:
        return email.utils.parsedate_to_datetime(" ".join(raw.split())).isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _charset(part: Message) -> str | None:
    try:
        return part.get_content_charset()
    except Exception:  # noqa: BLE001
        return None


def _payload(part: Message) -> bytes:
    try:
        data = part.get_payload(decode=True)
    except Exception:  # noqa: BLE001 - broken base64/quoted-printable
        data = None
    if isinstance(data, bytes):
        return data
    raw = part.get_payload()
    if isinstance(raw, str):
        return raw.encode("utf-8", "surrogateescape")
    return b""


def _text_of(part: Message) -> str:
    return decode_bytes(_payload(part), _charset(part))


def _filename(part: Message) -> str | None:
    try:
        name = part.get_filename()
    except Exception:  # noqa: BLE001
        name = None
    if not name:
        try:
            name = part.get_param("name")
            if isinstance(name, tuple):  # RFC 2231 (charset, language, value)
                name = email.utils.collapse_rfc2231_value(name)
        except Exception:  # noqa: BLE001
            name = None
    return fix_surrogates(str(name)) if name else None


def _disposition(part: Message) -> str:
    try:
        return (part.get_content_disposition() or "").lower()
    except Exception:  # noqa: BLE001
        return ""


def _message_bytes(part: Message) -> bytes:
    """The bytes of a message/rfc822 part (a forwarded mail), to keep it as an .eml."""
    inner = part.get_payload()
    if isinstance(inner, list) and inner:
        inner = inner[0]
    if isinstance(inner, Message):
        try:
            return inner.as_bytes(policy=policy.default.clone(linesep="\r\n"))
        except Exception:  # noqa: BLE001 - defects the generator cannot write back
            try:
                return inner.as_string(policy=policy.compat32).encode("utf-8", "surrogateescape")
            except Exception:  # noqa: BLE001
                return b""
    return _payload(part)


class _Walker:
    def __init__(self, writer: AttachmentWriter, workdir: Path):
        self.writer = writer
        self.workdir = workdir
        self.plain: list[str] = []
        self.html: list[str] = []
        self.cids: set[str] = set()
        self.inline_images: list[Message] = []
        self.skipped_inline = 0
        self.warnings: list[str] = []
        self.tnef_bodies: list[str] = []
        self.parts = 0

    def save(self, name: str | None, data: bytes, ctype: str | None) -> None:
        if self.writer.write(name, data, ctype) is None:
            self.warnings.append("te veel of te grote bijlagen; de rest staat alleen in het origineel")

    def walk(self, part: Message, depth: int = 0) -> None:
        self.parts += 1
        if self.parts > MAX_PARTS or depth > MAX_DEPTH:
            return
        ctype = part.get_content_type()
        if ctype == "message/rfc822" or (ctype.startswith("message/") and _filename(part)):
            name = _filename(part)
            inner = part.get_payload()
            if not name and isinstance(inner, list) and inner and isinstance(inner[0], Message):
                name = header_text(inner[0], "subject")
            name = name or "doorgestuurd bericht"
            if not name.lower().endswith(".eml"):
                name += ".eml"
            self.save(name, _message_bytes(part), "message/rfc822")
            return
        if part.is_multipart():
            subparts = part.get_payload()
            if not isinstance(subparts, list):
                return
            if ctype == "multipart/alternative":
                self._alternative([p for p in subparts if isinstance(p, Message)], depth)
                return
            for sub in subparts:
                if isinstance(sub, Message):
                    self.walk(sub, depth + 1)
            return
        self._leaf(part, ctype)

    def _alternative(self, options: list[Message], depth: int) -> None:
        # Prefer the plain text; fall back to HTML, then to whatever else is there (calendar...).
        plain = [o for o in options if o.get_content_type() == "text/plain" and not _filename(o)]
        html = [o for o in options if o.get_content_type() == "text/html" and not _filename(o)]
        nested = [o for o in options if o.is_multipart()]
        before = len(self.plain) + len(self.html)
        for o in plain:
            text = _text_of(o)
            if text.strip():
                self.plain.append(text)
        for o in html:
            text = _text_of(o)
            self._collect_cids(text)
            if len(self.plain) + len(self.html) == before and text.strip():
                self.html.append(text)
        for o in nested:
            if len(self.plain) + len(self.html) == before or o.get_content_type() == "multipart/related":
                self.walk(o, depth + 1)

    def _collect_cids(self, html: str) -> None:
        lowered = html.lower()
        start = 0
        while (i := lowered.find("cid:", start)) >= 0:
            end = i + 4
            while end < len(lowered) and lowered[end] not in "\"' >)":
                end += 1
            self.cids.add(lowered[i + 4:end].strip("<>"))
            start = end

    def _leaf(self, part: Message, ctype: str) -> None:
        name = _filename(part)
        disp = _disposition(part)
        if ctype in ("application/ms-tnef", "application/vnd.ms-tnef") or (name or "").lower() == "winmail.dat":
            self._tnef(part)
            return
        if ctype in ("text/plain", "text/html") and not name and disp != "attachment":
            text = _text_of(part)
            if ctype == "text/plain":
                self.plain.append(text)
            else:
                self._collect_cids(text)
                self.html.append(text)
            return
        if ctype.startswith("multipart/"):
            return  # a multipart without parts (truncated mail)
        if ctype.startswith("image/") and disp != "attachment":
            self.inline_images.append(part)
            return
        data = _payload(part)
        if not data and not name:
            return
        self.save(name, data, ctype)

    def _tnef(self, part: Message) -> None:
        from . import tnef

        folder = self.workdir / f"tnef-{self.parts:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        src = folder / "winmail.dat"
        src.write_bytes(_payload(part))
        try:
            content = tnef.read_tnef(src, folder / "delen")
        except Exception as e:  # noqa: BLE001 - Unreadable or worse: keep the file itself
            reason = getattr(e, "reason", str(e))
            self.warnings.append(f"winmail.dat kon niet worden uitgepakt ({reason}); als bijlage bewaard")
            self.save("winmail.dat", src.read_bytes(), "application/ms-tnef")
            return
        body = body_from(content.body, content.html) or (rtf_to_text(content.rtf) if content.rtf else "")
        if body.strip():
            self.tnef_bodies.append(body)
        for name, path in content.attachments:
            self.save(name, path.read_bytes(), None)

    def finish_inline_images(self) -> None:
        for part in self.inline_images:
            data = _payload(part)
            cid = (header_text(part, "content-id") or "").strip("<> ").lower()
            referenced = bool(cid) and cid in self.cids
            if (referenced or not _filename(part)) and len(data) < INLINE_LOGO_BYTES:
                self.skipped_inline += 1  # a logo or spacer; the original mail keeps it
                continue
            if data:
                self.save(_filename(part), data, part.get_content_type())


def read_eml(src: Path, workdir: Path) -> Mail:
    with open(src, "rb") as f:
        msg = email.message_from_binary_file(f, policy=policy.default)
    charset = _charset(msg) if not msg.is_multipart() else None
    writer = AttachmentWriter(workdir / "attachments")
    walker = _Walker(writer, workdir)
    walker.walk(msg)
    walker.finish_inline_images()

    body = tidy("\n\n".join(t for t in walker.plain if t.strip())) if any(t.strip() for t in walker.plain) \
        else body_from(None, "\n".join(walker.html))
    if not body.strip() and walker.tnef_bodies:
        body = "\n\n".join(walker.tnef_bodies)

    senders = _addresses(msg, "from", charset) or _addresses(msg, "sender", charset)
    from_name, from_addr = senders[0] if senders else (None, None)
    to = recipients([person(n, a) for n, a in _addresses(msg, "to", charset)])
    cc = recipients([person(n, a) for n, a in _addresses(msg, "cc", charset)])
    header = EmailHeader(from_name=(from_name or None), from_addr=(from_addr or None) and from_addr.lower(),
                         to=to or None, date=_date(msg), subject=header_text(msg, "subject", charset))
    warnings = walker.warnings
    if msg.defects and not body.strip():
        warnings.append("de e-mail is beschadigd (" + ", ".join(sorted({type(d).__name__ for d in msg.defects})) + ")")
    return Mail(header=header, body=body, cc=cc or None, attachments=list(writer.written),
                skipped_inline=walker.skipped_inline, warnings=warnings)
