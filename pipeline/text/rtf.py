"""Text of an RTF mail body (Outlook's compressed RTF in winmail.dat and .msg files).

Outlook mostly wraps an HTML or plain body in RTF ("encapsulated"); RTFDE unwraps that exactly.
Otherwise a small RTF reader keeps the visible text: it skips destinations such as font and
colour tables, decodes \\'hh escapes in the document's code page and \\uN characters.
"""

from __future__ import annotations

import logging
import re

from .htmltext import html_to_text
from .mailcommon import decode_bytes

MAX_RTF_BYTES = 20 * 1024 * 1024

_TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|[\r\n]+|([^\\{}\r\n]+)")
_SKIP_DESTINATIONS = {
    b"fonttbl", b"colortbl", b"stylesheet", b"info", b"pict", b"object", b"themedata",
    b"colorschememapping", b"latentstyles", b"datastore", b"xmlnstbl", b"listtable",
    b"listoverridetable", b"rsidtbl", b"generator", b"header", b"footer", b"headerl",
    b"headerr", b"footerl", b"footerr", b"fldinst", b"mmathPr", b"filetbl", b"revtbl",
    b"pgdsctbl", b"wgrffmtfilter", b"nonshppict", b"bkmkstart", b"bkmkend", b"xe", b"tc",
}
_BREAKS = {b"par": "\n", b"line": "\n", b"sect": "\n\n", b"page": "\n\n", b"row": "\n",
           b"tab": "\t", b"cell": "\t", b"emdash": "\u2014", b"endash": "\u2013",
           b"lquote": "\u2018", b"rquote": "\u2019", b"ldblquote": "\u201c", b"rdblquote": "\u201d",
           b"bullet": "\u2022", b"emspace": " ", b"enspace": " ", b"qmspace": " "}


def _codepage(rtf: bytes) -> str:
    m = re.search(rb"\\ansicpg(\d+)", rtf[:2000])
    return f"cp{int(m.group(1))}" if m else "cp1252"


def strip_rtf(rtf: bytes) -> str:
    cp = _codepage(rtf)
    out: list[str] = []
    pending = bytearray()  # \'hh bytes of a multi-byte character
    stack: list[tuple[bool, int]] = []
    skip, uc, to_skip = False, 1, 0
    expect_dest = False

    def flush() -> None:
        if pending:
            out.append(decode_bytes(bytes(pending), cp))
            pending.clear()

    for m in _TOKEN.finditer(rtf):
        word, arg, hexbyte, symbol, brace, text = m.groups()
        if brace == b"{":
            flush()
            stack.append((skip, uc))
            expect_dest = True
            continue
        if brace == b"}":
            flush()
            skip, uc = stack.pop() if stack else (False, 1)
            expect_dest = False
            continue
        first = expect_dest
        expect_dest = False
        if symbol is not None:
            if symbol == b"*" and first:
                skip = True  # {\* ...}: an optional destination we do not know
            elif not skip:
                flush()
                out.append({b"~": "\u00a0", b"-": "", b"_": "-", b"\\": "\\", b"{": "{", b"}": "}"}
                           .get(symbol, ""))
            expect_dest = first and symbol == b"*"
            continue
        if word is not None:
            if first and word in _SKIP_DESTINATIONS:
                skip = True
            if skip:
                continue
            if word == b"uc" and arg:
                uc = int(arg)
            elif word == b"u" and arg:
                flush()
                out.append(chr(int(arg) % 65536))
                to_skip = uc
            elif word in _BREAKS:
                flush()
                out.append(_BREAKS[word])
            continue
        if skip:
            continue
        if hexbyte is not None:
            if to_skip:
                to_skip -= 1
                continue
            pending.append(int(hexbyte, 16))
            continue
        if text:
            flush()
            if to_skip:
                cut = min(to_skip, len(text))
                text, to_skip = text[cut:], to_skip - cut
            out.append(decode_bytes(text, cp))
    flush()
    lines = [line.rstrip() for line in "".join(out).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def rtf_to_text(rtf: bytes) -> str:
    """Visible text of an RTF document; never raises for bad input."""
    rtf = rtf[:MAX_RTF_BYTES]
    if b"\\fromhtml" in rtf[:4000] or b"\\fromtext" in rtf[:4000]:
        try:
            from RTFDE.deencapsulate import DeEncapsulator

            logging.getLogger("RTFDE").setLevel(logging.ERROR)
            d = DeEncapsulator(rtf)
            d.deencapsulate()
            if d.content_type == "html" and d.html:
                html = d.html if isinstance(d.html, str) else decode_bytes(d.html)
                return html_to_text(html)
            if d.content_type == "text" and d.text:
                return d.text if isinstance(d.text, str) else decode_bytes(d.text)
        except Exception as e:  # noqa: BLE001 - RTFDE is strict; fall back to our reader
            logging.getLogger(__name__).debug("RTFDE: %s", e)
    return strip_rtf(rtf)
