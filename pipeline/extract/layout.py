"""The structure of a letter or e-mail text: header lines, heading, salutation, body, closing, signature, quote.

Extractors ask *where* a line is ("head", "body", "signature", "quoted", "header"): a postcode in
the heading is the sender's, one in a quoted reply is someone else's, a date on the place-date
line is the letter's own date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

SALUTATION = re.compile(
    r"^(?:geachte|zeer\s+geachte|beste|hallo|hoi|dag|goedemorgen|goedemiddag|goedenavond|l\.?\s?s\.?|"
    r"aan\s+wie\s+het\s+(?:aangaat|betreft)|lieve|dear)\b",
    re.IGNORECASE,
)
CLOSING_STRONG = re.compile(
    r"^(?:met\s+)?(?:vriendelijke|hartelijke|respectvolle|beleefde|oprechte)\s+groet(?:en)?\b|"
    r"^hoogachtend\b|^groet(?:en|jes)?\b|^m\.?\s?v\.?\s?g\.?(?:\s|,|$)|^met\s+groet(?:en)?\b|"
    r"^kind\s+regards\b|^(?:met\s+)?vr(?:iendelijke)?\.?\s+gr(?:oet)?\.?(?:\s|,|$)",
    re.IGNORECASE,
)
CLOSING_WEAK = re.compile(r"^(?:bij\s+voorbaat\s+(?:hartelijk\s+)?dank|alvast\s+(?:hartelijk\s+)?bedankt|"
                          r"in\s+afwachting\s+van\s+uw\s+(?:reactie|antwoord))\b[^.]{0,40}[.,!]?\s*$",
                          re.IGNORECASE)
_HEADER_KEYS = {
    "van": "van", "from": "van", "afzender": "van",
    "aan": "aan", "to": "aan", "cc": "cc", "bcc": "cc",
    "onderwerp": "onderwerp", "subject": "onderwerp",
    "datum": "datum", "date": "datum", "verzonden": "datum", "sent": "datum", "verstuurd": "datum",
}
_HEADER_LINE = re.compile(r"^(van|from|aan|to|cc|bcc|onderwerp|subject|datum|date|verzonden|sent|verstuurd)"
                          r"\s*:\s*(.*)$", re.IGNORECASE)
_QUOTE_START = re.compile(
    r"^(?:-{2,}\s*(?:oorspronkelijk\s+bericht|original\s+message|doorgestuurd\s+bericht|forwarded\s+message)"
    r"|begin\s+(?:doorgestuurd\s+bericht|forwarded\s+message)"
    r"|on\s.+\swrote:\s*$"
    r"|_{8,}\s*$)",
    re.IGNORECASE,
)
_OP_SCHREEF = re.compile(r"^op\s.{4,160}?\s(?:schreef|heeft\s.{0,80}geschreven)", re.IGNORECASE)
_SUBJECT = re.compile(r"^(?:betreft|betr\.?|onderwerp|inzake|subject|kenmerk\s+en\s+onderwerp)\s*[:.]?\s*(.*)$",
                      re.IGNORECASE)


@dataclass
class Layout:
    lines: list[str]
    offsets: list[int]
    text: str
    header: dict[str, str] = field(default_factory=dict)  # e-mail header lines written in the text
    header_end: int = 0
    head_end: int = 0  # first line after the heading (the salutation, or the first paragraph)
    salutation: int | None = None
    closing: int | None = None
    signature_end: int = 0
    quoted: int = 0  # first line of quoted/forwarded material; len(lines) if none
    subject: str | None = None
    subject_line: int | None = None
    quoted_author: str | None = None  # "Henk Timmer <henk@...>" of the quoted message, when it says

    def section(self, i: int) -> str:
        if i < self.header_end:
            return "header"
        if i >= self.quoted:
            return "quoted"
        if i < self.head_end:
            return "head"
        if self.closing is not None and self.closing <= i < self.signature_end:
            return "signature"
        return "body"

    def line_at(self, offset: int) -> int:
        """Index of the line holding character `offset` of `text`."""
        lo, hi = 0, len(self.offsets) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.offsets[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def section_at(self, offset: int) -> str:
        return self.section(self.line_at(offset)) if self.lines else "body"

    def span_text(self, start: int, end: int) -> str:
        return "\n".join(self.lines[start:end])

    @property
    def own_text(self) -> str:
        """Everything written by the sender of this document (without quoted material)."""
        return self.span_text(self.header_end, self.quoted)

    @property
    def head_text(self) -> str:
        return self.span_text(self.header_end, self.head_end)

    @property
    def body_text(self) -> str:
        end = self.closing if self.closing is not None else self.quoted
        return self.span_text(self.head_end, end)

    @property
    def signature_lines(self) -> list[tuple[int, str]]:
        if self.closing is None:
            return []
        return [(i, self.lines[i]) for i in range(self.closing, self.signature_end)]


def _split_columns(raw_lines: list[str], limit: int) -> list[str]:
    """Two-column headings (sender right, addressee left) come out of PDFs side by side: unzip them."""
    out: list[str] = []
    i = 0
    n = len(raw_lines)
    while i < n:
        line = raw_lines[i]
        if i < limit and (re.search(r"\S\s{4,}\S", line.strip()) or re.match(r"^\s{20,}\S", line)):
            left: list[str] = []
            right: list[str] = []
            while i < n and i < limit and (re.search(r"\S\s{4,}\S", raw_lines[i].strip())
                                           or re.match(r"^\s{20,}\S", raw_lines[i])):
                cur = raw_lines[i]
                for m in re.finditer(r"\S+(?:\s{1,3}\S+)*", cur):
                    (right if m.start() >= 20 else left).append(m.group(0))
                i += 1
            out.extend(left)
            if left and right:
                out.append("")
            out.extend(right)
            continue
        out.append(line)
        i += 1
    return out


# specks a scanner turns into characters at the start or end of a line: "_23/2/2026", "Tel. 06-... |"
_JUNK = re.compile(r"^[_|‚„«»~•·*¦]+\s*|\s+[_|«»~•·*¦]+$")


_OCR_SPLIT = re.compile(r"\s+[_|¦]\s+")
# "… 3532 NR Utrecht", "_ Tel. 06-...": specks of a scan read as punctuation before a line
_OCR_LEAD = re.compile(r"^[^\w\s\"(+@]{1,3}\s+")
_OCR_TRAIL = re.compile(r"\s+[^\w\s)\"]{1,3}$")  # "3514 LC Utrecht …", "Postbus 8236 -"
_OCR_TAIL = re.compile(r"(?<=\d)-$")
_OCR_PC_SPACE = re.compile(r"\b([1-9]\d{2}) (\d)([A-Z]{2})\b(?= [A-Z])")


def _clean(text: str, ocr: bool = False) -> tuple[list[str], set[int]]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\t", "    ")
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    text = text.replace("\f", "\n")
    raw = text.split("\n")
    first_salutation = next((k for k, ln in enumerate(raw) if SALUTATION.match(ln.strip())), min(len(raw), 40))
    lines = [_JUNK.sub("", " ".join(ln.split())) for ln in _split_columns(raw, first_salutation)]
    if ocr:  # "Gerrit Boukhari _ Marshalllaan 87-": a speck between two lines of a block
        lines = [_OCR_TAIL.sub("", _OCR_TRAIL.sub("", _OCR_LEAD.sub("", x)))
                 for ln in lines for x in _OCR_SPLIT.split(ln)]
        lines = [_OCR_PC_SPACE.sub(r"\1\2 \3", ln) for ln in lines]  # "399 1NA Houten" -> "3991 NA Houten"
    marked = set()  # lines quoted with ">" (the marks are removed so addresses in them can be read)
    for i, ln in enumerate(lines):
        if ln.startswith(">"):
            marked.add(i)
            lines[i] = re.sub(r"^(?:>\s?)+", "", ln).strip()
    return lines, marked


def _fuzzy_first_word(line: str, words: tuple[str, ...], cutoff: float = 80) -> bool:
    first = line.split(" ", 1)[0].strip(",").casefold() if line else ""
    return len(first) >= 5 and any(fuzz.ratio(first, w) >= cutoff for w in words)


_CLOSINGS = ("met vriendelijke groet", "met vriendelijke groeten", "vriendelijke groet", "vriendelijke groeten",
             "hoogachtend", "met hartelijke groet")


def _fuzzy_closing(line: str) -> bool:
    low = line.casefold().strip(" ,.")
    return len(low) >= 8 and any(fuzz.ratio(low[:len(c) + 2].strip(" ,."), c) >= 85 for c in _CLOSINGS)


def _quoted_author(line: str, nxt: str, following: list[str]) -> str | None:
    """Who wrote the quoted message: 'Op 9 jan. 2026 schreef Henk <henk@x.nl>:' or its 'Van:' line."""
    who = re.search(r"(?:schreef|wrote)\s*:?\s*(.*?)\s*:?\s*$", line + (" " + nxt if "<" in nxt else ""),
                    re.IGNORECASE)
    if who and who.group(1):
        return who.group(1)
    for q in following:
        hm = _HEADER_LINE.match(q)
        if hm and _HEADER_KEYS[hm.group(1).lower()] == "van":
            return hm.group(2)
    return None


def parse(text: str, *, ocr: bool = False) -> Layout:
    lines, marked = _clean(text, ocr)
    offsets: list[int] = []
    pos = 0
    for ln in lines:
        offsets.append(pos)
        pos += len(ln) + 1
    lay = Layout(lines=lines, offsets=offsets, text="\n".join(lines), quoted=len(lines))
    n = len(lines)

    # e-mail header written in the text (rendered e-mails, forwarded mails)
    i = 0
    while i < n and not lines[i]:
        i += 1
    hdr: dict[str, str] = {}
    j = i
    while j < n:
        m = _HEADER_LINE.match(lines[j])
        if not m:
            break
        key = _HEADER_KEYS[m.group(1).lower()]
        hdr.setdefault(key, m.group(2).strip())
        j += 1
    if "van" in hdr and len(hdr) >= 2:
        lay.header, lay.header_end = hdr, j
        if "onderwerp" in hdr:
            lay.subject = hdr["onderwerp"]

    # quoted / forwarded material
    for k in range(lay.header_end, n):
        ln = lines[k]
        nxt = lines[k + 1] if k + 1 < n else ""
        if _QUOTE_START.match(ln) or k in marked or _OP_SCHREEF.match(ln) \
                or (re.match(r"^op\s", ln, re.IGNORECASE) and _OP_SCHREEF.match(ln + " " + nxt) and len(ln) < 120):
            lay.quoted = k
            lay.quoted_author = _quoted_author(ln, nxt, lines[k + 1:k + 4])
            break
        if k > lay.header_end + 1 and _HEADER_LINE.match(ln) and _HEADER_KEYS[_HEADER_LINE.match(ln).group(1).lower()] == "van":
            following = [_HEADER_LINE.match(x) for x in lines[k + 1:k + 5]]
            if sum(1 for f in following if f) >= 2:
                lay.quoted = k
                break

    # salutation and heading
    for k in range(lay.header_end, min(lay.quoted, lay.header_end + 60)):
        ln = lines[k]
        is_salutation = SALUTATION.match(ln) or (ocr and _fuzzy_first_word(ln, ("geachte",)))
        if is_salutation and (len(ln.split()) <= 8 or ln.endswith(",")):
            lay.salutation = k
            break
    if lay.salutation is not None:
        lay.head_end = lay.salutation
    else:
        lay.head_end = lay.header_end
        for k in range(lay.header_end, lay.quoted):
            ln = lines[k]
            if len(ln.split()) >= 8 and not _SUBJECT.match(ln):
                break
            lay.head_end = k + 1

    # subject line
    for k in range(lay.header_end, min(lay.quoted, max(lay.head_end + 3, lay.header_end + 25))):
        m = _SUBJECT.match(lines[k])
        if m is None and ocr and re.match(r"^\w{5,9}\s*:", lines[k]):
            label = lines[k].split(":", 1)[0].casefold()
            if max(fuzz.ratio(label, "betreft"), fuzz.ratio(label, "onderwerp")) >= 75:
                m = re.match(r"^[^:]*:\s*(.*)$", lines[k])
        if m:
            value = m.group(1).strip()
            if not value and k + 1 < n:
                value = lines[k + 1]
            lay.subject, lay.subject_line = value or lay.subject, k
            break

    # closing and signature
    start = (lay.salutation + 1) if lay.salutation is not None else lay.head_end
    weak = None
    for k in range(start, lay.quoted):
        ln = lines[k]
        if CLOSING_STRONG.match(ln) and len(ln) < 80:
            lay.closing = k
            break
        if ocr and len(ln) < 60 and _fuzzy_closing(ln):
            lay.closing = k
            break
        if weak is None and CLOSING_WEAK.match(ln):
            weak = k
    if lay.closing is None and weak is not None:
        lay.closing = weak
    if lay.closing is not None:
        end = lay.closing + 1
        blank_run = 0
        while end < lay.quoted and end - lay.closing <= 12:
            ln = lines[end]
            if re.match(r"^(?:bijlage|bijlagen|p\.?s\.?|ps:)", ln, re.IGNORECASE) or len(ln) > 90:
                break
            blank_run = blank_run + 1 if not ln else 0
            if blank_run >= 3:
                break
            end += 1
        lay.signature_end = end
    return lay


LABELS = {
    "naam": "name", "naam klager": "name", "naam huurder": "name", "uw naam": "name", "achternaam": "surname",
    "voorletters": "initials", "voornaam": "firstname", "volledige naam": "name", "naam en voorletters": "name",
    "adres": "address", "straat": "street", "straatnaam": "street", "straat en huisnummer": "address",
    "adres en huisnummer": "address", "huisnummer": "house_number", "toevoeging": "addition",
    "postcode": "postcode", "woonplaats": "city", "plaats": "city", "postcode en woonplaats": "pc_city",
    "postcode/woonplaats": "pc_city", "postcode + woonplaats": "pc_city",
    "telefoon": "phone", "telefoonnummer": "phone", "tel": "phone", "tel.": "phone", "mobiel": "phone",
    "telefoonnummer overdag": "phone", "e-mail": "email", "email": "email", "e-mailadres": "email",
    "emailadres": "email", "mail": "email", "aanhef": "title",
    "corporatie": "corporation", "woningcorporatie": "corporation", "verhuurder": "corporation",
    "naam corporatie": "corporation", "naam woningcorporatie": "corporation", "klacht over": "corporation",
}
SECTION_COMPLAINANT = re.compile(r"^(?:gegevens\s+(?:van\s+)?(?:de\s+)?(?:klager|klaagster|huurder|indiener|bewoner)|"
                                 r"uw\s+gegevens|persoonsgegevens|klager|huurder)\s*:?$", re.IGNORECASE)
SECTION_REPRESENTATIVE = re.compile(r"^(?:gegevens\s+(?:van\s+)?(?:de\s+)?(?:gemachtigde|vertegenwoordiger|"
                                    r"contactpersoon|indiener\s+namens)|gemachtigde|vertegenwoordiger|"
                                    r"ingediend\s+namens\s+(?:de\s+)?huurder\s+door)\s*:?$", re.IGNORECASE)


def label_of(line: str, ocr: bool = False) -> tuple[str, str] | None:
    """'Postcode: 3512 AB' -> ('postcode', '3512 AB') for the form labels in LABELS."""
    m = re.match(r"^([A-Za-z][A-Za-z .+/\-]{1,30}?)\s*[:;]\s*(.*)$", line)
    if not m:
        return None
    label = re.sub(r"\s+", " ", m.group(1).casefold()).strip()
    if label in LABELS:
        return LABELS[label], m.group(2).strip()
    if ocr and len(label) >= 3:
        label = label.replace("rn", "m").replace("0", "o").replace("1", "l").replace("vv", "w")
        if label in LABELS:
            return LABELS[label], m.group(2).strip()
        best = max(LABELS, key=lambda lab: fuzz.ratio(label, lab))
        if fuzz.ratio(label, best) >= (80 if len(label) >= 5 else 85):
            return LABELS[best], m.group(2).strip()
    return None
