"""tesseract behind one module: the only place that builds its command lines.

One call makes the searchable PDF, the text and the hOCR of a page image in a single
recognition pass. The hOCR gives two cheap checks for free: the mean word confidence (an
upside-down or sideways page reads as junk with low confidence) and the slope of the text
lines (the skew), so the extra passes for orientation (OSD) and deskew run only for pages
that need them.
"""

from __future__ import annotations

import html
import math
import os
import re
import shutil
import statistics
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..errors import OcrFailed, Unreadable

LANGUAGE = "nld"
PAGE_TIMEOUT = 180.0  # seconds for one page; a normal 300 dpi page takes about one

_WORD = re.compile(r"<span class=['\"]ocrx_word['\"][^>]*?x_wconf (\d+)[^>]*>(.*?)</span>", re.DOTALL)
_LINE = re.compile(r"class=['\"]ocr_(?:line|textfloat|header|caption)['\"][^>]*?baseline (-?[\d.]+) ")
_TAGS = re.compile(r"<[^>]+>")


@dataclass
class PageOcr:
    pdf: Path  # one-page searchable PDF made by tesseract
    text: str
    words: int
    confidence: float  # mean word confidence 0..100 (0 when there are no words)
    skew: float | None  # degrees; Pillow's rotate(skew) straightens the page


@dataclass
class Orientation:
    rotate: int  # degrees clockwise that make the page upright: 0, 90, 180, 270
    confidence: float


def env() -> dict[str, str]:
    # With its own OpenMP threads tesseract is 7x slower on this 2-core machine (FACTS.md);
    # we parallelise over pages instead.
    return dict(os.environ, OMP_THREAD_LIMIT="1")


def available() -> bool:
    return shutil.which("tesseract") is not None


def _run(args: list[str], timeout: float) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["tesseract", *args], capture_output=True, env=env(), timeout=timeout,
                              check=False)
    except subprocess.TimeoutExpired:
        raise Unreadable(f"Het herkennen van de tekst (OCR) duurde langer dan {int(timeout)} seconden "
                         "voor één pagina en is afgebroken (OCR timeout).") from None
    except FileNotFoundError:
        raise Unreadable("Tekstherkenning (tesseract) is niet geïnstalleerd, dus een scan of foto "
                         "kan niet worden gelezen (install tesseract-ocr-nld).") from None


def _parse_hocr(hocr: str) -> tuple[int, float, float | None]:
    confs = []
    for conf, inner in _WORD.findall(hocr):
        if html.unescape(_TAGS.sub("", inner)).strip():
            confs.append(int(conf))
    slopes = [float(s) for s in _LINE.findall(hocr)]
    skew = math.degrees(math.atan(statistics.median(slopes))) if slopes else None
    return len(confs), (statistics.fmean(confs) if confs else 0.0), skew


def ocr_page(image: Path, outbase: Path, *, dpi: int | None = None,
             timeout: float = PAGE_TIMEOUT) -> PageOcr:
    """OCR one image into `outbase`.pdf / .txt / .hocr (one recognition pass)."""
    args = [str(image), str(outbase), "-l", LANGUAGE]
    if dpi:
        args += ["--dpi", str(dpi)]
    proc = _run([*args, "pdf", "txt", "hocr"], timeout)
    pdf, txt, hocr = (outbase.with_suffix(s) for s in (".pdf", ".txt", ".hocr"))
    if proc.returncode != 0 or not pdf.exists():
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        raise OcrFailed("; ".join(tail) or f"exit code {proc.returncode}")
    text = txt.read_text("utf-8", "replace") if txt.exists() else ""
    words, conf, skew = _parse_hocr(hocr.read_text("utf-8", "replace") if hocr.exists() else "")
    return PageOcr(pdf=pdf, text=text.replace("\f", "").strip("\n"), words=words, confidence=conf,
                   skew=skew)


def orientation(image: Path, *, dpi: int | None = None, timeout: float = 60.0) -> Orientation | None:
    """Orientation and script detection (an extra pass of about the cost of the OCR itself)."""
    args = [str(image), "-", "--psm", "0", "-l", "osd"]
    if dpi:
        args += ["--dpi", str(dpi)]
    proc = _run(args, timeout)
    out = proc.stdout.decode("utf-8", "replace")
    rot = re.search(r"Rotate:\s*(\d+)", out)
    conf = re.search(r"Orientation confidence:\s*([\d.]+)", out)
    if proc.returncode != 0 or not rot:
        return None
    return Orientation(int(rot.group(1)) % 360, float(conf.group(1)) if conf else 0.0)
