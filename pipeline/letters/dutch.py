"""Dutch letter conventions: dates, names with tussenvoegsels, salutations, address lines."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from ..models import Party, as_date

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

# Words in front of a surname (voorvoegsels). In a salutation without first name or initials
# the first one takes a capital: "Geachte heer Van der Berg" (Taalunie).
TUSSENVOEGSELS = frozenset({
    "van", "de", "der", "den", "het", "ten", "ter", "te", "in", "'t", "’t", "t", "op", "aan",
    "bij", "onder", "uit", "uijt", "vd", "v.d.", "d'", "d’", "la", "le", "du", "di", "da", "del",
    "della", "dos", "das", "von", "zu", "vom", "el", "al", "l'", "o'", "mac", "mc", "st.",
})

# Titles and forms of address people write in front of a name; not part of the surname.
_TITLES = frozenset({
    "dhr", "dhr.", "de heer", "heer", "hr", "hr.", "mevrouw", "mevr", "mevr.", "mw", "mw.", "mvr",
    "mvr.", "mej", "mej.", "mr", "mr.", "drs", "drs.", "dr", "dr.", "ir", "ir.", "ing", "ing.",
    "prof", "prof.", "bc", "bc.", "ds", "ds.",
})
_FAMILY = ("familie", "fam.", "fam")

# Characters a person's name can hold; anything else (&, <, digits ...) means "not a plain
# person name" and the salutation falls back to the neutral form.
_NAME_CHARS = re.compile(r"^[^\W\d_]+(?:[-'’.][^\W\d_]*)*\.?$")


def clean(value: object) -> str:
    """A value as text safe for a DOCX: control characters (other than tab/newline) removed.

    XML 1.0 cannot hold them, and text extracted from scans or e-mails sometimes has them.
    """
    text = unicodedata.normalize("NFC", str(value))
    return "".join(ch for ch in text if ch in "\t\n" or unicodedata.category(ch) not in ("Cc", "Cs"))


def date_nl(value: object) -> str:
    """20 maart 2026."""
    d = as_date(value)
    if d is None:
        raise ValueError("no date")
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def weekday_date_nl(value: object) -> str:
    """donderdag 9 april 2026."""
    d = as_date(value)
    if d is None:
        raise ValueError("no date")
    return f"{WEEKDAYS[d.weekday()]} {date_nl(d)}"


def time_nl(value: str) -> str:
    """'13:30' -> '13.30 uur' (Dutch writes a full stop between hours and minutes)."""
    m = re.fullmatch(r"\s*(\d{1,2})[:.](\d{2})\s*(uur)?\s*", value or "")
    if not m:
        return clean(value)
    return f"{int(m.group(1))}.{m.group(2)} uur"


def _strip_titles(name: str) -> tuple[str, bool]:
    """Remove forms of address and titles in front of a name; True if it starts with 'familie'."""
    words = name.split()
    family = False
    while words:
        w = words[0].lower()
        two = " ".join(words[:2]).lower()
        if two in _TITLES:
            words = words[2:]
        elif w in _TITLES:
            words = words[1:]
        elif w in _FAMILY:
            family = True
            words = words[1:]
        else:
            break
    return " ".join(words), family


def surname(name: str | None) -> str | None:
    """The surname as it stands in a salutation, or None when it cannot be told.

    "A. Bakker" -> "Bakker"; "Jan van der Berg" -> "Van der Berg"; "Berg, J. van der" ->
    "Van der Berg"; "M. de Jong-van Beek" -> "De Jong-van Beek". A name with characters no
    person's name has (a firm "Bakker & Zn", digits) gives None: the neutral salutation is
    better than a wrong one.
    """
    if not name:
        return None
    rest, _ = _strip_titles(clean(name).strip())
    if "," in rest:  # "Berg, J. van der": surname first, voorvoegsels after the initials
        last, _, first = rest.partition(",")
        tail = [w for w in first.split() if w.lower() in TUSSENVOEGSELS]
        rest = " ".join([*tail, last.strip()])
        words = rest.split()
        start = 0
    else:
        words = rest.split()
        start = None
        for i, w in enumerate(words):
            if w.lower() in TUSSENVOEGSELS and i < len(words) - 1:
                start = i
                break
        if start is None:
            # the last word; initials ("A.", "J.A.M.") are never the surname
            start = len(words) - 1
    if any(not _NAME_CHARS.match(w) for w in words):
        return None
    words = words[start:]
    if not words:
        return None
    last = words[-1]
    if re.fullmatch(r"(?:[^\W\d_]\.)+", last) or len(last.strip(".")) < 2:
        return None
    out = " ".join(words)
    return out[0].upper() + out[1:]


def natural_order(name: str) -> str:
    """ "Berg, J. van der" -> "J. van der Berg" (registers and forms write the surname first)."""
    if name.count(",") != 1:
        return name
    last, first = (x.strip() for x in name.split(","))
    if not last or not first or not all(_NAME_CHARS.match(w) for w in (*last.split(), *first.split())):
        return name
    return f"{first} {last}"


def display_name(party: Party) -> str:
    """The name with a form of address, as in "Betreft: klacht van mevrouw A. Bakker"."""
    name, family = _strip_titles(clean(party.name or "").strip())
    name = natural_order(name)
    if family:
        return f"de familie {name}".strip()
    if party.gender == "m":
        return f"de heer {name}"
    if party.gender == "v":
        return f"mevrouw {name}"
    return name


def address_name(party: Party) -> str:
    """First line of an address block: "Mevrouw A. Bakker", "De heer J. Jansen"."""
    text = display_name(party)
    return text[:1].upper() + text[1:]


def salutation(party: Party | None) -> str:
    """Geachte heer Jansen / Geachte mevrouw Van der Berg / Geachte heer/mevrouw Bakker / Geachte heer/mevrouw."""
    if party is None or not party.name:
        return "Geachte heer/mevrouw"
    _, family = _strip_titles(clean(party.name).strip())
    sn = surname(party.name)
    if family and sn:
        return f"Geachte familie {sn}"
    if not sn:
        return "Geachte heer/mevrouw"
    if party.gender == "m":
        return f"Geachte heer {sn}"
    if party.gender == "v":
        return f"Geachte mevrouw {sn}"
    return f"Geachte heer/mevrouw {sn}"


def postcode_city(postcode: str | None, city: str | None) -> str:
    """PostNL: postcode, two spaces, the place in capitals."""
    pc = clean(postcode or "").strip()
    c = clean(city or "").strip()
    return "  ".join(x for x in (pc, c.upper()) if x)


def street_line(party: Party) -> str:
    return " ".join(clean(x).strip() for x in (party.street, party.house_number) if x)


def add_days(value: object, days: int) -> dt.date:
    d = as_date(value)
    assert d is not None
    return d + dt.timedelta(days=days)
