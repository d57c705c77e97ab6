"""winmail.dat (TNEF, Outlook's "rich text" wrapper): its body and attachments, with tnefparse.

tnefparse trusts the counts in the file: a 53-byte fuzzed TNEF (corpus `oom.tnef`) declares
873 million values and makes it allocate until the machine runs out of memory. So the parsing
runs in a child process with a memory and time limit; the child writes the parts to a folder
and a manifest, and only those files cross back. A TNEF costs ~0.15 s more this way; it is rare.

Run as `python -m pipeline.text.tnef SRC OUTDIR` (the child side).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import resource
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Unreadable

CHILD_MEMORY = 384 * 1024 * 1024  # address space for the parser: ~10x a big winmail.dat
CHILD_TIMEOUT = 60.0


@dataclass
class TnefContent:
    subject: str | None = None
    sender: str | None = None
    sender_addr: str | None = None
    date: str | None = None  # ISO
    body: str = ""
    html: str = ""
    rtf: bytes = b""
    attachments: list[tuple[str, Path]] = field(default_factory=list)  # (name as sent, file)
    message_class: str | None = None


def _limit_child() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CHILD_MEMORY, CHILD_MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (int(CHILD_TIMEOUT), int(CHILD_TIMEOUT) + 5))


def read_tnef(src: Path, outdir: Path) -> TnefContent:
    """Parse `src` in a limited child process; parts land in `outdir` (never trusted names)."""
    src, outdir = src.resolve(), outdir.resolve()
    outdir.mkdir(parents=True, exist_ok=True)
    try:
        proc = subprocess.run([sys.executable, "-m", "pipeline.text.tnef", str(src), str(outdir)],
                              capture_output=True, timeout=CHILD_TIMEOUT,
                              cwd=str(Path(__file__).resolve().parents[2]), check=False)
    except subprocess.TimeoutExpired:
        raise Unreadable("Het winmail.dat-bestand (TNEF) kon niet binnen "
                         f"{int(CHILD_TIMEOUT)} seconden worden gelezen (TNEF timeout).") from None
    manifest = outdir / "manifest.json"
    if proc.returncode != 0 or not manifest.exists():
        err = proc.stderr.decode("utf-8", "replace")
        if "MemoryError" in err or proc.returncode in (-9, -6):
            why = "het bestand vraagt onmogelijk veel geheugen (out of memory: damaged or hostile file)"
        else:
            last = err.strip().splitlines()[-1:] or [f"exit code {proc.returncode}"]
            why = last[0][:200]
        raise Unreadable(f"Het winmail.dat-bestand (TNEF) is beschadigd en kan niet worden gelezen ({why}).")
    data = json.loads(manifest.read_text("utf-8"))
    content = TnefContent(subject=data.get("subject"), sender=data.get("sender"), date=data.get("date"),
                          sender_addr=data.get("sender_addr"), message_class=data.get("message_class"))
    for key in ("body", "html"):
        f = outdir / f"{key}.txt"
        if f.exists():
            setattr(content, key, f.read_text("utf-8", "replace"))
    if (outdir / "body.rtf").exists():
        content.rtf = (outdir / "body.rtf").read_bytes()
    for item in data.get("attachments", []):
        content.attachments.append((item["name"], outdir / item["file"]))
    return content


# --- the child side ----------------------------------------------------------------------------

def _text(value: object, codepage: str) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = value[0] if value else ""  # ATTFROM is (name, address type, address)
    if isinstance(value, bytes):
        from .mailcommon import decode_bytes

        return decode_bytes(value.rstrip(b"\x00"), codepage).strip()
    return str(value).rstrip("\x00").strip()


def _child(src: Path, outdir: Path) -> None:
    import logging

    import tnefparse

    logging.disable(logging.CRITICAL)
    tn = tnefparse.TNEF(src.read_bytes())
    codepage = getattr(tn, "codepage", None) or "cp1252"
    manifest: dict = {"attachments": []}
    for attr, key in ((tnefparse.TNEF.ATTSUBJECT, "subject"), (tnefparse.TNEF.ATTFROM, "sender"),
                      (tnefparse.TNEF.ATTMESSAGECLASS, "message_class")):
        for prop in tn.msgprops:
            if prop.name == attr:
                manifest[key] = _text(prop.data, codepage) or None
                if attr == tnefparse.TNEF.ATTFROM and isinstance(prop.data, tuple) and len(prop.data) > 2:
                    manifest["sender_addr"] = _text(prop.data[2], codepage) or None
    for prop in tn.msgprops:
        if (prop.name in (tnefparse.TNEF.ATTDATESENT, tnefparse.TNEF.ATTDATERECD)
                and "date" not in manifest and isinstance(prop.data, dt.datetime)):
            manifest["date"] = prop.data.isoformat()
    # The MAPI properties carry the same and more (PR_SUBJECT, PR_SENDER_*, submit time).
    mapi = {}
    for prop in getattr(tn, "mapiprops", []) or []:
        with contextlib.suppress(Exception):  # a property that does not decode
            mapi.setdefault(prop.name, prop.data)
    # Subject (or the conversation topic / original subject of a read receipt), sender, and a
    # plain body (PR_BODY, or PR_REPORT_TEXT of a receipt) when the TNEF body attributes are empty.
    for key, tags in (("subject", (0x0037, 0x0E1D, 0x0070, 0x0049)), ("sender", (0x0C1A, 0x0042)),
                      ("sender_addr", (0x5D01, 0x0C1F, 0x0065)), ("mapi_body", (0x1000, 0x1001))):
        if not manifest.get(key):
            for tag in tags:
                value = _text(mapi.get(tag), codepage)
                if value:
                    manifest[key] = value
                    break
    if "date" not in manifest:
        for tag in (0x0039, 0x0E06):
            if isinstance(mapi.get(tag), dt.datetime):
                manifest["date"] = mapi[tag].isoformat()
                break
    body = _text(tn.body, codepage) if tn.body else manifest.pop("mapi_body", "")
    manifest.pop("mapi_body", None)
    if body:
        (outdir / "body.txt").write_text(body, "utf-8")
    if tn.htmlbody:
        (outdir / "html.txt").write_text(_text(tn.htmlbody, codepage), "utf-8")
    if tn.rtfbody:
        rtf = tn.rtfbody if isinstance(tn.rtfbody, bytes) else str(tn.rtfbody).encode("latin-1", "replace")
        (outdir / "body.rtf").write_bytes(rtf)
    for i, att in enumerate(tn.attachments):
        data = att.data
        if not isinstance(data, (bytes, bytearray)):
            continue
        try:
            name = att.long_filename()
        except Exception:  # noqa: BLE001 - tnefparse's name decoding on broken input
            name = att.name if isinstance(att.name, str) else ""
        part = f"part-{i:04d}.bin"
        (outdir / part).write_bytes(bytes(data))
        manifest["attachments"].append({"name": name or "", "file": part})
    (outdir / "manifest.json").write_text(json.dumps(manifest), "utf-8")


if __name__ == "__main__":
    _limit_child()
    _child(Path(sys.argv[1]), Path(sys.argv[2]))
