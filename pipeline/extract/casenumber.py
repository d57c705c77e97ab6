"""A case number the document cites ("uw kenmerk KWRU-2026-007", "dossiernummer 2026/7")."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..config import Config
from ..models import EmailHeader, Field
from .layout import Layout

_LABEL = (r"(?:uw\s+kenmerk|kenmerk\s+commissie|zaaknummer|zaaknr\.?|dossiernummer|dossiernr\.?|dossier|"
          r"klachtnummer|klachtnr\.?|referentie|ref\.?|kenmerk)")
_SEP = r"[\s\-/.]*"


def _ocr_prefix(prefix: str) -> str:
    """A regex for the prefix as OCR writes it: KWRU, KVVRU, KWRlJ, K WRU."""
    subst = {"W": "(?:W|VV|Vv)", "U": "(?:U|lJ|IJ|LI|V)", "O": "[O0]", "I": "[I1l]", "L": "[L1I]",
             "S": "[S5]", "B": "[B8]"}
    return r"\s?".join(subst.get(ch, re.escape(ch)) for ch in prefix)


@lru_cache(maxsize=8)
def _loose(prefix: str, digits: int) -> re.Pattern[str]:
    return re.compile(
        rf"(?:(?P<pre>{_ocr_prefix(prefix)})|(?P<lab>{_LABEL})\s*[:.]?\s*(?:{_ocr_prefix(prefix)})?)"
        rf"{_SEP}(?P<y>[2Z][0O][0-9O]{{2}}){_SEP}(?P<s>[0-9Ol]{{1,{digits + 1}}})(?![\w])",
        re.IGNORECASE,
    )


def _valid(config: Config, year: int, seq: int) -> bool:
    return 2000 <= year <= 2099 and 0 < seq < 10 ** (config.digits + 1)


def find_case_number(lay: Layout, config: Config, email: EmailHeader | None, *, ocr: bool = False) -> Field | None:
    hits: list[tuple[str, str, float, int]] = []  # (case id, where, confidence, position)
    spans: list[tuple[str, int, int]] = []
    texts: list[tuple[str, str, float]] = []
    if email and email.subject:
        texts.append((email.subject, "e-mail onderwerp", 0.95))
    texts.append((lay.text, "text", 0.9))
    for text, where, base in texts:
        low = text.lower()
        strict = config.case_id_pattern.finditer(text) if config.prefix.lower() in low else ()
        for m in strict:
            year, seq = int(m.group(1)), int(m.group(2))
            if _valid(config, year, seq):
                sec = lay.section_at(m.start()) if where == "text" else "subject"
                conf = base - (0.25 if sec == "quoted" else 0.0)
                hits.append((config.case_id(year, seq), f"{where}: '{m.group(0)}'", conf, m.start()))
                spans.append((where, m.start(), m.end()))
        # OCR and loose writing: KVVRU-2O26-OO7, "dossiernummer: 2026/7"
        if not any(n in low for n in (config.prefix.lower()[:2], "vv", "dossier", "zaak", "kenmerk", "klachtn",
                                      "ref")):
            continue
        for m in _loose(config.prefix, config.digits).finditer(text):
            bare_label = m.group("lab") and not m.group("pre") and \
                m.group("lab").casefold().startswith(("ref", "kenmerk"))
            if bare_label and not re.search(config.prefix, m.group(0), re.IGNORECASE):
                continue  # a bare "kenmerk 2026-12" could be anybody's reference number
            y = m.group("y").upper().replace("Z", "2").replace("O", "0")
            s = m.group("s").upper().replace("O", "0").replace("L", "1")
            if not (y.isdigit() and s.isdigit()):
                continue
            year, seq = int(y), int(s)
            if not _valid(config, year, seq):
                continue
            cid = config.case_id(year, seq)
            if any(w == where and a < m.end() and m.start() < b for w, a, b in spans):
                continue
            repaired = m.group("y") != y or m.group("s") != s or (m.group("pre") or "").upper() != config.prefix
            conf = (0.8 if m.group("pre") or m.group("lab") else 0.6) - (0.15 if repaired else 0)
            if where == "text" and lay.section_at(m.start()) == "quoted":
                conf -= 0.25
            hits.append((cid, f"{where}: '{m.group(0).strip()}'", conf, m.start()))
            spans.append((where, m.start(), m.end()))
    if not hits:
        return None
    counts = Counter(h[0] for h in hits)
    best = max(hits, key=lambda h: (h[2] + 0.03 * (counts[h[0]] - 1), -h[3]))
    conf = min(0.98, best[2] + 0.03 * (counts[best[0]] - 1))
    others = {h[0] for h in hits if h[0] != best[0] and h[2] >= 0.6}
    if others:
        conf = min(conf, 0.55)  # two different case numbers cited: a person should look
    if ocr:
        conf -= 0.05
    return Field(best[0], best[1], round(conf, 2))
