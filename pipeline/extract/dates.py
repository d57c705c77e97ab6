"""Dates in Dutch text, and which one is the letter's own date.

The letter's date is on the place-date line or a "Datum:" line in the heading; dates in the body
are events ("op 3 januari heb ik gebeld") and only a last resort. For e-mails the header date is
the fallback.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from ..models import EmailHeader, Field
from .layout import Layout
from .patterns import lower

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "mar": 3, "maa": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_FULL_MONTHS = [m for m in MONTHS if len(m) > 4]
WEEKDAY = r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo)\.?,?"
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))

# "12 maart 2026", "12 mrt. 2026", "maandag 12 maart 2026", "1e januari 2026", "12 maart" (no year)
# matched on lowercased text (fast: the pattern starts with a digit); a weekday before it is part of the line
TEXT_DATE = re.compile(
    rf"(?<![\w])(?P<d>[0-3]?\d)(?:e|ste|de)?\s+(?P<m>{_MONTH_ALT})\.?"
    rf"(?:\s*,?\s*(?P<y>(?:19|20)\d\d)|(?![\w]))"
)
_WEEKDAY_END = re.compile(rf"{WEEKDAY}\s*$", re.IGNORECASE)
# OCR-damaged month names ("rnaart", "januarl"): any word between a day and a year
TEXT_DATE_LOOSE = re.compile(r"(?<![\w])(?P<d>[0-3]?\d)\s+(?P<m>[A-Za-z]{4,10})\.?\s+(?P<y>(?:19|20)\d\d)(?!\d)")
NUM_DATE = re.compile(r"(?<![\w/.-])(?P<d>[0-3]?\d)\s?[-/.]\s?(?P<m>[01]?\d)\s?[-/.]\s?(?P<y>(?:19|20)?\d\d)(?![\w/-])")
ISO_DATE = re.compile(r"(?<![\w-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\w-])")
MONTH_YEAR = re.compile(rf"(?<![\w])(?:(?P<pre>begin|eind|half|medio|halverwege)\s+)?(?P<m>{_MONTH_ALT})\.?\s+"
                        rf"(?P<y>(?:19|20)\d\d)(?!\d)", re.IGNORECASE)

_REFERS_TO_OTHER = re.compile(
    r"(?:uw|onze|mijn|de|het|haar|zijn)\s+(?:brief|e-?mail|mail|schrijven|bericht|reactie|klacht|advies|"
    r"besluit|ontvangstbevestiging|uitnodiging|verzoek)\s+(?:van|d\.?d\.?|gedateerd|verzonden\s+op|"
    r"ontvangen\s+op)\s*$|(?:zitting|hoorzitting|bijeenkomst)\s+(?:van|op)\s*$",
    re.IGNORECASE,
)


@dataclass
class DateMention:
    date: dt.date
    start: int  # offset in layout.text
    end: int
    has_year: bool
    repaired: bool = False


def _mk(y: int | None, m: int, d: int) -> dt.date | None:
    if y is None:
        return None
    if y < 100:
        y += 2000 if y < 70 else 1900
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month(word: str, ocr: bool) -> tuple[int | None, bool]:
    w = word.casefold().rstrip(".")
    if w in MONTHS:
        return MONTHS[w], False
    if ocr or len(w) >= 5:
        w2 = w.replace("rn", "m").replace("0", "o").replace("1", "l")
        if w2 in MONTHS:
            return MONTHS[w2], True
        best = max(_FULL_MONTHS, key=lambda x: fuzz.ratio(w2, x))
        if fuzz.ratio(w2, best) >= (80 if ocr else 88):
            return MONTHS[best], True
    return None, False


def find_dates(text: str, *, ocr: bool = False, year_hint: int | None = None) -> list[DateMention]:
    """Every full date in `text` (day-month without a year only when `year_hint` is given)."""
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(dm: DateMention) -> None:
        if any(s <= dm.start < e or dm.start <= s < dm.end for s, e in taken):
            return
        taken.append((dm.start, dm.end))
        out.append(dm)

    for m in ISO_DATE.finditer(text):
        d = _mk(int(m["y"]), int(m["m"]), int(m["d"]))
        if d:
            add(DateMention(d, m.start(), m.end(), True))
    for m in TEXT_DATE.finditer(lower(text)):
        month = MONTHS[m["m"]]
        if m["y"]:
            d = _mk(int(m["y"]), month, int(m["d"]))
            if d:
                add(DateMention(d, m.start(), m.end(), True))
        elif year_hint:
            d = _mk(year_hint, month, int(m["d"]))
            if d:
                add(DateMention(d, m.start(), m.end(), False))
    for m in TEXT_DATE_LOOSE.finditer(text) if ocr else ():
        month, repaired = _month(m["m"], ocr)
        if month and repaired:
            d = _mk(int(m["y"]), month, int(m["d"]))
            if d:
                add(DateMention(d, m.start(), m.end(), True, repaired=True))
    for m in NUM_DATE.finditer(text):
        d = _mk(int(m["y"]), int(m["m"]), int(m["d"]))
        if d:
            add(DateMention(d, m.start(), m.end(), True))
    out.sort(key=lambda x: x.start)
    return out


_PLACE_DATE = re.compile(r"^(?:[A-Z][\w'\- ]{1,30}|'s-[A-Z][\w\-]+)\s*,?\s*(?:d\.d\.\s*)?(?:de\s+)?$")
_DATE_LABEL = re.compile(r"^(?:datum|date|dagtekening|verzenddatum|d\.d\.)\s*[:.]?\s*$", re.IGNORECASE)


def _line_kind(lay: Layout, dm: DateMention) -> str:
    """How the date sits on its line: 'alone', 'place' (Utrecht, 12 maart 2026), 'label' (Datum:), 'text'."""
    i = lay.line_at(dm.start)
    line = lay.lines[i]
    col = dm.start - lay.offsets[i]
    before = _WEEKDAY_END.sub("", line[:col]).strip()
    after = line[col + (dm.end - dm.start):].strip(" .")
    if after and not re.fullmatch(r"(?:om\s+)?\d{1,2}[:.]\d\d(?:\s*uur)?|\(?\d{1,2}:\d\d\)?", after):
        return "text"
    if not before:
        return "alone"
    if _DATE_LABEL.match(before):
        return "label"
    if _PLACE_DATE.match(before) and not _REFERS_TO_OTHER.search(before):
        return "place"
    return "text"


def letter_date(lay: Layout, email: EmailHeader | None, *, ocr: bool = False) -> Field | None:
    mentions = find_dates(lay.text, ocr=ocr)
    scored: list[tuple[float, int, DateMention, str]] = []
    for dm in mentions:
        i = lay.line_at(dm.start)
        section = lay.section(i)
        kind = _line_kind(lay, dm)
        before = lay.text[max(0, dm.start - 60):dm.start]
        if _REFERS_TO_OTHER.search(before) or dm.date.year < 2000:
            continue
        if section == "quoted":
            continue
        if section == "header":
            if lay.line_at(dm.start) < lay.header_end and re.match(r"^(?:datum|date|verzonden|sent|verstuurd)",
                                                                   lay.lines[i], re.IGNORECASE):
                scored.append((0.8, -i, dm, "e-mail header in text"))
            continue
        if section == "head":
            conf = {"place": 0.92, "label": 0.92, "alone": 0.88, "text": 0.55}[kind]
            where = {"place": "plaats-datumregel", "label": "datumregel", "alone": "datumregel",
                     "text": "briefhoofd"}[kind]
        elif section == "signature":
            conf = {"place": 0.85, "label": 0.85, "alone": 0.8, "text": 0.4}[kind]
            where = "onder de ondertekening"
        else:
            if kind in ("place", "label"):
                conf, where = 0.8, "plaats-datumregel"
            elif kind == "alone" and i - lay.head_end <= 2:
                conf, where = 0.7, "datumregel"
            else:
                continue
        if dm.repaired:
            conf -= 0.1
        scored.append((conf, -i, dm, where))
    if scored:
        conf, _, dm, where = max(scored, key=lambda t: (t[0], t[1]))
        if ocr:
            conf -= 0.05
        return Field(dm.date.isoformat(), f"text: {where}", round(conf, 2))
    if email and email.date:
        try:
            d = dt.date.fromisoformat(email.date[:10])
            return Field(d.isoformat(), "e-mail header", 0.8)
        except ValueError:
            pass
    # last resort: the latest date the text mentions (a letter is written after what it tells)
    body = [dm for dm in mentions if lay.section_at(dm.start) != "quoted" and dm.date.year >= 2000
            and not _REFERS_TO_OTHER.search(lay.text[max(0, dm.start - 60):dm.start])]
    if body:
        dm = max(body, key=lambda x: x.date)
        return Field(dm.date.isoformat(), "text: laatste datum in de tekst (gok)", 0.35)
    return None
