"""Normalisers for the small structured values in Dutch letters: postcodes, phones, e-mail, house numbers.

Each `normalise_*` returns the canonical form or None, and says whether it had to repair OCR
damage, so callers can lower their confidence. Sentence helpers (split, negation) live here too
because every extractor needs them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- postcodes ------------------------------------------------------------------------------

_FORBIDDEN_PC_LETTERS = {"SA", "SD", "SS"}
_DIGIT_REPAIR = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1", "i": "1"})
_LETTER_REPAIR = str.maketrans({"0": "O", "1": "I"})
# two lowercase letters after four digits are usually a word ("in 2026 en ..."), not a postcode
_PC_WORDS = {"en", "in", "op", "de", "te", "is", "al", "om", "na", "ik", "je", "ze", "we", "of",
             "nu", "zo", "er", "ga", "me", "uw", "ca", "tm", "am", "pm", "eu", "nl", "uu", "un"}

# four digit-ish characters, optional space, two letter-ish characters (OCR-tolerant)
PC_LOOSE = r"[0-9OoIl|]{4}[ ]?(?:[A-Z0-9]{2}|[a-z]{2}|[a-z][A-Z]|[A-Z][a-z])"


@dataclass(frozen=True)
class Norm:
    value: str
    repaired: bool = False


def normalise_postcode(raw: str) -> Norm | None:
    """'3512ab' -> '3512 AB'; repairs O/I/l in the digits and 0/1 in the letters if that makes it valid."""
    s = re.sub(r"\s+", "", raw)
    if len(s) != 6:
        return None
    digits, letters = s[:4], s[4:].upper()
    repaired = False
    if not digits.isdigit():
        digits = digits.translate(_DIGIT_REPAIR)
        repaired = True
    if not letters.isalpha():
        letters = letters.translate(_LETTER_REPAIR)
        repaired = True
    if not (digits.isdigit() and digits[0] != "0" and letters.isalpha() and letters.isascii()):
        return None
    if letters in _FORBIDDEN_PC_LETTERS:
        return None
    return Norm(f"{digits} {letters}", repaired)


def plausible_postcode_text(raw: str) -> bool:
    """Lowercase letter pairs that are ordinary words are not postcodes."""
    letters = re.sub(r"\s+", "", raw)[4:]
    return letters.isupper() or letters.isdigit() or letters.lower() not in _PC_WORDS


# --- cities ---------------------------------------------------------------------------------

CITY = (r"(?:'s[- ])?[A-Z][A-Za-zÀ-ÿĀ-ſ'’]+(?:(?:-|[ ])(?:(?:aan|bij|de|den|op|in|a/d)[ ])*[A-Z][A-Za-zÀ-ÿĀ-ſ'’]+)"
        r"{0,3}")


def clean_city(city: str) -> str:
    city = city.strip(" ,.;:")
    if city.isupper() and len(city) > 3:
        city = "-".join(" ".join(w.capitalize() for w in part.split()) for part in city.split("-"))
        city = re.sub(r"\b(Aan|Bij|Op|En|In)\b", lambda m: m.group(1).lower(), city)
    return city


# --- phones ---------------------------------------------------------------------------------

# starts with a character class so the scan is fast; the left boundary is checked in find_phones
PHONE_CANDIDATE = re.compile(r"[+(0-9][0-9 \-.()/]{7,22}[0-9](?![0-9])")
_TWO_DIGIT_AREAS = {"10", "13", "15", "20", "23", "24", "26", "30", "33", "35", "36", "38", "40", "43",
                    "45", "46", "50", "53", "55", "58", "70", "71", "72", "73", "74", "75", "76", "77",
                    "78", "79", "84", "85", "87", "88", "91"}


def normalise_phone(raw: str) -> str | None:
    """Dutch numbers: mobile '06-12345678', landline '030-1234567' or '0343-123456'."""
    s = raw.strip()
    intl = s.startswith(("+", "00"))
    digits = re.sub(r"\D", "", s)
    if intl:
        if digits.startswith("0031"):
            digits = digits[4:]
        elif digits.startswith("31"):
            digits = digits[2:]
        else:
            return None
        digits = digits.removeprefix("0")
        digits = "0" + digits
    if len(digits) != 10 or not digits.startswith("0") or digits[1] == "0":
        return None
    if digits[1] == "6":
        return f"{digits[:2]}-{digits[2:]}"
    if digits[1:3] in _TWO_DIGIT_AREAS:
        return f"{digits[:3]}-{digits[3:]}"
    if digits[1:4] in {"800", "900", "906", "909"}:
        return None  # service numbers are never a tenant's own
    return f"{digits[:4]}-{digits[4:]}"


def find_phones(text: str, *, ocr: bool = False) -> list[tuple[str, int]]:
    """(normalised phone, offset) for every Dutch phone number in `text`."""
    out = []
    if ocr:  # "06-4I234567": letters read for digits between digits (same length, offsets kept)
        text = re.sub(r"(?<=\d)[OIl|](?=[\d\s-])|(?<=[\d\s-])[OIl|](?=\d)",
                      lambda m: m.group(0).translate(_DIGIT_REPAIR), text)
    for m in PHONE_CANDIDATE.finditer(text):
        if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "+_"):
            continue
        raw = m.group(0)
        norm = normalise_phone(raw)
        if norm is None:
            # a longer run may hold a phone followed by other digits ("06-12345678 12")
            parts = re.split(r"\s{2,}|,|;", raw)
            norm = normalise_phone(parts[0]) if len(parts) > 1 else None
        if norm:
            out.append((norm, m.start()))
    return out


# --- e-mail ---------------------------------------------------------------------------------

_TLDS = {"nl", "com", "net", "org", "eu", "be", "de", "info", "nu", "biz", "frl", "amsterdam", "io",
         "co", "uk", "fr", "me", "online", "email", "tv", "live", "ma", "tr", "es", "it", "app"}
EMAIL_LOOSE = re.compile(
    r"(?<![\w.+-])(?P<local>[A-Za-z0-9_%+\-]+(?:\.[ ]?[A-Za-z0-9_%+\-]+)*)"
    r"[ ]?(?:@|\(at\)|\[at\]|\(@\)|\[@\])[ ]?"
    r"(?P<domain>[A-Za-z0-9\-]+(?:[ ]?[.,][ ]?[A-Za-z0-9\-]+)+)",
    re.IGNORECASE,
)


_EMAIL_ANCHOR = re.compile(r"@|\(at\)|\[at\]")


def normalise_email(local: str, domain: str) -> Norm | None:
    repaired = local != re.sub(r"\s+", "", local)
    local2 = re.sub(r"\s+", "", local)
    # labels with the separator before each: "gmail. com" was split by OCR, ".nl. Ik" is the next sentence
    parts = re.findall(r"([ ]?[.,][ ]?)?([A-Za-z0-9\-]+)", domain)
    labels = [lab for _, lab in parts]
    seps = [sep for sep, _ in parts]
    while len(labels) > 2 and labels[-1].lower() not in _TLDS:
        labels.pop()
    if len(labels) < 2:
        return None
    if any(sep != "." for sep in seps[1:len(labels)]):
        repaired = True
    tld = labels[-1].lower()
    if tld not in _TLDS and not (tld.isalpha() and 2 <= len(tld) <= 6 and not repaired):
        return None
    local2 = local2.strip(".")
    if not local2:
        return None
    return Norm(f"{local2}@{'.'.join(labels)}".lower(), repaired)


def find_emails(text: str) -> list[tuple[str, int, bool]]:
    """(normalised address, offset, repaired) for every e-mail address, also OCR-damaged ones."""
    out: list[tuple[str, int, bool]] = []
    low = text.lower()
    anchors = [m.start() for m in _EMAIL_ANCHOR.finditer(low)]
    if not anchors:
        return out
    seen: set[int] = set()
    matches = []
    for a in anchors:  # the address regex is slow on long text: run it around each "@" only
        w0 = max(0, a - 80)
        for m in EMAIL_LOOSE.finditer(text, w0, a + 120):
            if m.start() <= a < m.end() and (m.start() == 0 or m.start() > w0):
                matches.append(m)
    for m in matches:
        n = normalise_email(m.group("local"), m.group("domain"))
        if n and m.start() not in seen:
            seen.add(m.start())
            at = m.group(0)
            odd_at = "@" not in at or bool(re.search(r"\s@|@\s", at))
            out.append((n.value, m.start(), n.repaired or odd_at))
    return out


# --- house numbers and streets --------------------------------------------------------------

_ADDITION_WORDS = r"(?:bis|hs|huis|bg|bv|zw|rd|boven|beneden|I{1,3}|IV)"
HOUSE_NUMBER = (
    rf"(?P<num>[1-9][0-9]{{0,4}})"
    rf"(?P<add>[ ]?-[ ]?(?:[0-9]{{1,3}}|{_ADDITION_WORDS}|[A-Za-z]{{1,2}})(?![\w])"
    rf"|[ ]?/[ ]?[0-9]{{1,3}}(?![\w])"
    rf"|[ ]{_ADDITION_WORDS}(?![\w])"
    rf"|[ ]?[A-Za-z](?![\w])"
    rf")?"
)
STREET_WORDS = r"(?:[1-9][0-9]?e[ ]+)?[A-Z][A-Za-zÀ-ÿĀ-ſ'’.\-]*(?:[ ]+[A-Za-zÀ-ÿĀ-ſ'’.\-]+){0,5}?"
STREET_RE = re.compile(rf"^(?P<street>{STREET_WORDS})[ ,]+{HOUSE_NUMBER}[ ]*[,.]?$")

_NOT_STREET = {"postbus", "antwoordnummer", "tel", "telefoon", "telefoonnummer", "mobiel", "fax",
               "huisnummer", "nummer", "nr", "kenmerk", "dossiernummer", "bijlage", "bijlagen", "pagina",
               "blad", "sinds", "vanaf", "in", "op", "tot", "per", "jaar", "maand", "week", "dag",
               "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
               "oktober", "november", "december", "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep",
               "sept", "okt", "nov", "dec", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
               "zaterdag", "zondag", "klacht", "klachtnummer", "zaak", "zaaknummer", "artikel", "kamer",
               "postcode", "adres", "woonplaats", "datum", "betreft", "onderwerp", "iban", "bsn",
               "huurnummer", "contractnummer", "klantnummer", "relatienummer", "kvk", "btw", "nl",
               "ruim", "bijna", "al", "ongeveer", "circa", "ca", "nog", "meer", "dan", "uur", "om",
               "van", "vanuit", "na", "voor", "rond", "sedert", "groep", "klas", "appartement", "flat",
               "woning", "huis", "portiek", "verdieping", "etage", "kwru", "jaren"}


_MONTH_WORDS = {"jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec", "mei"}


def normalise_house_number(num: str, add: str | None) -> str:
    """'12', ' a' -> '12A'; '12', ' - 2' -> '12-2'; '12', ' bis' -> '12 bis'."""
    add = (add or "").strip()
    if not add:
        return num
    if add.startswith(("-", "/")):
        sep, rest = add[0], add[1:].strip()
        if re.fullmatch(r"I{1,3}|IV", rest):
            return f"{num}-{rest}"
        if len(rest) <= 2 and rest.isalpha() and rest.lower() not in {"hs", "bg", "bv", "zw", "rd"}:
            return f"{num}{rest.upper()}"
        if rest.lower() in {"hs", "bg", "bv", "zw", "rd", "bis", "huis", "boven", "beneden"}:
            return f"{num}-{rest.lower()}"
        return f"{num}{sep}{rest}"
    if len(add) == 1 and add.isalpha():
        return f"{num}{add.upper()}"
    if re.fullmatch(r"I{1,3}|IV", add):
        return f"{num}-{add}"
    return f"{num} {add.lower()}"


_SENTENCE_WORDS = {"mijn", "is", "adres", "ik", "woon", "wij", "we", "het", "naar", "dat", "die", "ben", "heb",
                   "zijn", "haar", "onze", "uw", "u", "wonen", "woont", "hij", "zij", "wordt", "was", "heeft",
                   "hebben", "nog", "niet", "geen", "maar", "want", "ook", "er", "hier", "daar", "nu", "toen"}


def valid_street(street: str) -> bool:
    words = street.replace(",", " ").split()
    if not words or len(words) > 6:
        return False
    if any(w.casefold() in _SENTENCE_WORDS for w in words):
        return False
    first, last = words[0].casefold().strip("."), words[-1].casefold().strip(".")
    if last in _NOT_STREET or (first in _NOT_STREET and (len(words) == 1 or first not in _MONTH_WORDS)):
        return False  # "Jan van Scorelstraat" is a street, "maart 2026" and "Postbus 12" are not
    if not any(len(w) >= 3 for w in words):
        return False
    return "@" not in street and ":" not in street


def repair_ocr_number(line: str) -> str:
    """'Biltstraat 1O4' -> 'Biltstraat 104': O, I, l read for digits inside a number at the end of a line."""
    def fix(m: re.Match[str]) -> str:
        tok = m.group(0)
        return tok.translate(_DIGIT_REPAIR) if any(ch.isdigit() for ch in tok) else tok
    return re.sub(r"(?<=[ ])[0-9OIl|]{2,5}(?=(?:[ ]?[-/ ]?\w{0,4})?[ ,.]*$)", fix, line)


def parse_street_line(line: str, *, ocr: bool = False) -> tuple[str, str] | None:
    """'Kanaalweg 12A' -> ('Kanaalweg', '12A'); None if the line is not a street with number."""
    if ocr:
        line = repair_ocr_number(line)
    m = STREET_RE.match(line.strip())
    if not m:
        return None
    street = m.group("street").strip(" ,")
    if not valid_street(street):
        return None
    return street, normalise_house_number(m.group("num"), m.group("add"))


# --- sentences and negation -----------------------------------------------------------------

_ABBREV = ("dhr", "mevr", "mw", "mr", "dr", "drs", "ir", "ing", "nr", "bijv", "o.a", "d.d", "t.a.v", "i.v.m",
           "m.b.t", "z.s.m", "evt", "ca", "tel", "fam", "st", "jl", "a.s", "e.d", "etc", "mej", "mrt",
           "jan", "feb", "apr", "aug", "sep", "sept", "okt", "nov", "dec", "blz", "art", "incl", "excl",
           "t.z.t", "p.p", "n.a.v", "m.i.v", "resp")


def sentences(text: str) -> list[tuple[int, str]]:
    """Split into sentences, (offset, sentence). Lines inside a paragraph are joined."""
    out: list[tuple[int, str]] = []
    # a blank line, or a line break after a short line (address, heading), ends a sentence
    pieces: list[tuple[int, str]] = []
    pos = 0
    para_start = 0
    buf: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if not stripped:
            if buf:
                pieces.append((para_start, " ".join(buf)))
                buf = []
            para_start = pos + len(line) + 1
        else:
            if not buf:
                para_start = pos
            buf.append(stripped)
            if len(stripped) < 45 and not re.search(r"[a-z,]$", stripped):
                pieces.append((para_start, " ".join(buf)))
                buf = []
                para_start = pos + len(line) + 1
        pos += len(line) + 1
    if buf:
        pieces.append((para_start, " ".join(buf)))
    for start, para in pieces:
        last = 0
        for m in re.finditer(r"[.!?]+[\"')]?\s+(?=[A-Z0-9\"'(])", para):
            before = para[max(last, m.start() - 30):m.start()]
            word = re.search(r"([\w.]+)$", before)
            w = word.group(1).casefold() if word else ""
            if w in _ABBREV or re.fullmatch(r"(?:[a-z]\.)*[a-z]", w) or (word and len(word.group(1)) == 1):
                continue  # "dhr. Bakker", "A. Bakker", "o.a. lekkage"
            out.append((start + last, para[last:m.end()].strip()))
            last = m.end()
        if para[last:].strip():
            out.append((start + last, para[last:].strip()))
    return out


_NEGATORS = re.compile(r"\b(?:niet|geen|nooit|noch|zonder|los van|afgezien van|behalve)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:maar|omdat|want|terwijl|doch|echter|wel)\b", re.IGNORECASE)


def negated(sentence: str, start: int, window: int = 7) -> bool:
    """Is the phrase at `start` negated in its clause? ('het gaat niet om de huurprijs')."""
    before = sentence[:start]
    parts = _CLAUSE_BREAK.split(before)
    clause = parts[-1] if parts else before
    words = clause.split()[-window:]
    head = " ".join(words)
    for m in _NEGATORS.finditer(head):
        tail = head[m.end():]
        if m.group(0).lower() == "niet" and re.match(r"\s*(?:alleen|enkel|slechts|meer)\b", tail, re.IGNORECASE):
            continue  # "niet alleen ... maar ook", "niet meer" (still a complaint)
        return True
    after = sentence[start:start + 80]
    return bool(re.search(r"^\S+(?:\s+\S+){0,2}\s+(?:is|zijn|was)\s+niet\s+(?:het\s+(?:probleem|punt|onderwerp)|waar)", after, re.IGNORECASE))


# --- fast case-insensitive phrases ----------------------------------------------------------

def lower(text: str) -> str:
    """Lowercase without changing offsets (a few Unicode letters grow when lowercased)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _strip_leading_boundaries(pattern: str) -> str:
    r"""Drop `\b` at the start of top-level alternatives: Python's re then finds the literal fast."""
    out = []
    depth = 0
    i = 0
    at_start = True
    in_class = False
    while i < len(pattern):
        ch = pattern[i]
        if at_start and depth == 0 and pattern.startswith(r"\b", i):
            i += 2
            at_start = False
            continue
        at_start = False
        if ch == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            at_start = True
        out.append(ch)
        i += 1
    return "".join(out)


def _needles(items) -> frozenset[str] | None:
    """Literal strings of which at least one occurs in any text the pattern matches (None: unknown)."""
    from re import _constants as c  # type: ignore[attr-defined]

    best: frozenset[str] | None = None

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    run: list[str] = []
    for op, av in list(items) + [(None, None)]:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if len(run) >= 3:
            consider(frozenset(["".join(run)]))
        run = []
        if op is c.SUBPATTERN:
            consider(_needles(av[-1]))
        elif op is c.BRANCH:
            alts = [_needles(a) for a in av[1]]
            if all(alts):
                consider(frozenset().union(*alts))  # type: ignore[arg-type]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
            consider(_needles(av[2]))
    return best


def pattern_needles(pattern: str) -> frozenset[str] | None:
    try:
        from re import _parser  # type: ignore[attr-defined]

        return _needles(_parser.parse(pattern))
    except Exception:  # noqa: BLE001 - an optimisation only: without needles every text is scanned
        return None


class Phrase:
    r"""A case-insensitive phrase pattern matched on `lower(text)`; a leading `\b` is checked in Python.

    About ten times faster than re.IGNORECASE with `\b`, which keeps extraction of a letter in
    milliseconds with a hundred phrases.
    """

    def __init__(self, pattern: str):
        self.pattern = pattern
        self.rx = re.compile(_strip_leading_boundaries(pattern))
        # most phrases are absent from most letters: a substring test skips the regex scan
        self.needles = pattern_needles(self.rx.pattern)

    def present(self, low: str) -> bool:
        """False when the phrase cannot occur in `low` (cheap); True means: maybe."""
        return not self.needles or any(n in low for n in self.needles)

    def finditer(self, low: str, *, checked: bool = False):
        if not checked and not self.present(low):
            return
        for m in self.rx.finditer(low):
            s = m.start()
            if s > 0 and (low[s - 1].isalnum() or low[s - 1] == "_"):
                continue
            yield m

    def search(self, low: str) -> re.Match[str] | None:
        return next(self.finditer(low), None)
