"""Addresses in a letter: the blocks of name, street, postcode and city, and addresses in sentences.

A block is anchored on its postcode line ("3512 AB Utrecht") and read upwards (street, name) and
downwards (phone, e-mail); what kind of block it is (a person, the committee, a corporation, an
office) decides whose it can be. Addresses in running text are found after a trigger word ("ik
woon aan") or anchored on a postcode ("(Kanaalweg 12, 3512 AB Utrecht)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..config import Config
from .corporations import mentioned
from .layout import Layout
from .names import looks_like_name, name_from_line
from .patterns import (
    CITY,
    HOUSE_NUMBER,
    PC_LOOSE,
    STREET_WORDS,
    Phrase,
    clean_city,
    find_emails,
    find_phones,
    lower,
    normalise_house_number,
    normalise_postcode,
    parse_street_line,
    plausible_postcode_text,
    valid_street,
)

PC_CITY = re.compile(rf"(?<![\w@.])(?P<pc>{PC_LOOSE})\s+(?P<city>{CITY})")
PC_ALONE = re.compile(rf"^(?:postcode\s*:?\s*)?(?P<pc>{PC_LOOSE})$", re.IGNORECASE)
ADDR_IN_TEXT = re.compile(
    rf"(?i:\b(?:(?:woon(?:t|de|achtig)?|wonende|woning|huis|huurt?)\s+(?:[\w]+\s+){{0,5}}?(?:aan|op|in|te)\s+"
    rf"|(?:adres|huisadres|woonadres)\s+(?:is|luidt|:)?\s*(?:[\w]+\s+){{0,2}}?(?:aan|op)?\s*)(?:de\s+|het\s+)?)"
    rf"(?P<street>{STREET_WORDS})[ \n]+{HOUSE_NUMBER}"
    rf"(?:\s*,?\s*(?P<pc>{PC_LOOSE})(?![\w]))?(?:\s*,?\s*(?i:te|in)?\s*(?P<city>{CITY}))?"
)
_COMMITTEE_WORDS = re.compile(r"klachtencommissie|\bkwru\b|\bcommissie\b|secretariaat", re.IGNORECASE)
_ORG_LINE = re.compile(r"\b(?:postbus|antwoordnummer|t\.?\s?a\.?\s?v\.?|afdeling|stichting|b\.v\.|advocat\w*|"
                       r"kantoor|gemeente|buurtteam|wijkteam|huurdersvereniging|juridisch\s+loket|vereniging|"
                       r"woningcorporatie|woonstichting|woningstichting|klantenservice|team\b)", re.IGNORECASE)


@dataclass
class Block:
    """An address block: name, street + number, postcode + city, maybe phone and e-mail."""

    first: int
    last: int
    section: str
    kind: str  # person | committee | corporation | organisation | subject (on the "Betreft:" line)
    name: str | None = None
    gender: str | None = None
    street: str | None = None
    house_number: str | None = None
    postcode: str | None = None
    city: str | None = None
    phone: str | None = None
    email: str | None = None
    pc_repaired: bool = False
    email_repaired: bool = False
    org: str | None = None

    def address(self) -> dict[str, str | None]:
        return {"street": self.street, "house_number": self.house_number, "postcode": self.postcode,
                "city": self.city}


# --- address blocks -------------------------------------------------------------------------

def _block_kind(lines: list[str], config: Config, pc: str | None) -> tuple[str, str | None]:
    joined = " ".join(lines)
    com_pc = next((m.group(0) for a in config.committee.address for m in re.finditer(r"\b\d{4}\s?[A-Z]{2}\b", a)),
                  None)
    com_pc_n = normalise_postcode(com_pc).value if com_pc and normalise_postcode(com_pc) else None
    if _COMMITTEE_WORDS.search(joined) or (pc and pc == com_pc_n) or \
            any(a.casefold() in joined.casefold() for a in config.committee.address if a.lower().startswith("postbus")):
        return "committee", None
    corps = mentioned(joined, config)
    if corps:
        return "corporation", corps[0][0]
    if _ORG_LINE.search(joined):
        return "organisation", None
    return "person", None


_SUBJECT_LABEL = re.compile(r"^(?:betreft|betr\.?|onderwerp|inzake|re)\s*:", re.IGNORECASE)


def _up(lines: list[str], i: int) -> int:
    """The line above line i in the same block; scans put a blank line between block lines."""
    k = i - 1
    if k >= 0 and not lines[k]:
        k -= 1
    return k if k >= 0 and lines[k] else -1


def find_blocks(lay: Layout, config: Config, *, ocr: bool = False) -> list[Block]:
    out: list[Block] = []
    lines = lay.lines
    used: set[int] = set()
    for i, line in enumerate(lines):
        if i in used or len(line) > 90:
            continue
        m = PC_CITY.search(line)
        pc_line_city = None
        if m is None:
            # "3512 AB" alone, the city on the next line
            m2 = PC_ALONE.match(line)
            if m2 and i + 1 < len(lines) and re.fullmatch(CITY, lines[i + 1]):
                m, pc_line_city = m2, lines[i + 1]
            else:
                continue
        pc_raw = m.group("pc")
        norm = normalise_postcode(pc_raw)
        if norm is None or not plausible_postcode_text(pc_raw):
            continue
        city = clean_city(pc_line_city or m.group("city"))
        rest = line[m.end():].strip(" ,.")
        if rest and not re.match(r"^(?:tel|telefoon|t\b|e-?mail|mob|\+|0\d|\(0)", rest, re.IGNORECASE):
            continue  # the postcode sits inside a sentence
        b = Block(first=i, last=i + (1 if pc_line_city else 0), section=lay.section(i), kind="person",
                  postcode=norm.value, city=city, pc_repaired=norm.repaired)
        pre = line[:m.start()].strip(" ,-")
        name_line: str | None = None
        if pre:
            parts = [p.strip() for p in pre.split(",") if p.strip()]
            st = parse_street_line(parts[-1], ocr=ocr) if parts else None
            if st is None and parts:
                sm = re.match(rf"^(?P<street>{STREET_WORDS})[ ]+{HOUSE_NUMBER}$", parts[-1])
                if sm and valid_street(sm.group("street")):
                    st = (sm.group("street"), normalise_house_number(sm.group("num"), sm.group("add")))
            if st:
                b.street, b.house_number = st
                if len(parts) > 1:
                    name_line = parts[-2]
                elif i > 0 and lines[i - 1]:
                    name_line = lines[i - 1]
                    b.first = i - 1
        else:
            k = _up(lines, i)
            if k >= 0 and (st := parse_street_line(lines[k], ocr=ocr)):
                b.street, b.house_number = st
                b.first = k
                k1 = _up(lines, k)
                if k1 >= 0:
                    name_line = lines[k1]
                    b.first = k1
                    # "Familie Bakker" / an office name between the name and the street
                    k2 = _up(lines, k1)
                    if k2 >= 0 and name_from_line(lines[k2])[0] and not name_from_line(name_line)[0]:
                        name_line = lines[k2]
                        b.first = k2
            elif k >= 0 and re.match(r"^(?:postbus|antwoordnummer)\b", lines[k], re.IGNORECASE):
                b.first = k
                b.kind = "organisation"
                if _up(lines, k) >= 0:
                    b.first = _up(lines, k)
        context = lines[max(0, b.first - 2):b.last + 1]
        kind, org = _block_kind([*context, name_line or ""], config, b.postcode)
        if b.kind != "organisation" or kind in ("committee", "corporation"):
            b.kind, b.org = kind, org
        if _SUBJECT_LABEL.match(line):
            b.kind = "subject"  # "Betreft: klacht namens de heer X, Kanaalweg 12, 3512 AB Utrecht"
        if name_line:
            b.name, b.gender = name_from_line(name_line)
            if ocr and b.name and (m2 := re.fullmatch(r"(.+\s\S+)\s+[A-Z][a-z]?", b.name)) \
                    and looks_like_name(m2.group(1)):
                b.name = m2.group(1)  # "Erik el Amrani Dn": a speck read as letters
        # phone and e-mail lines just below (or inline after the city)
        j = b.last + 1
        tail = [rest] if rest else []
        while j < len(lines) and lines[j] and j <= b.last + 4:
            tail.append(lines[j])
            j += 1
        for t in tail:
            if b.phone is None and (ph := find_phones(t, ocr=ocr)):
                b.phone = ph[0][0]
            if b.email is None and (em := find_emails(t)):
                b.email = em[0][0]
                b.email_repaired = em[0][2]
        if tail:
            b.last = max(b.last, j - 1)
        used.update(range(b.first, b.last + 1))
        out.append(b)
    if not any(b.kind == "person" and b.section == "head" for b in out):
        out.extend(_blocks_without_postcode(lay, used, ocr=ocr))
    return out


_DAMAGED_PC_CITY = re.compile(rf"^\S{{2,5}}\s?\S{{1,3}}\s+(?P<city>{CITY})$")


def _blocks_without_postcode(lay: Layout, used: set[int], *, ocr: bool) -> list[Block]:
    """A name above a street line in the heading, when the postcode line is unreadable ('Salt AG Utrecht')."""
    out = []
    for k in range(lay.header_end, lay.head_end):
        if k in used or not (st := parse_street_line(lay.lines[k], ocr=ocr)):
            continue
        k1 = _up(lay.lines, k)
        name, gender = name_from_line(lay.lines[k1]) if k1 >= 0 else (None, None)
        if not name:
            continue
        b = Block(first=k1, last=k, section="head", kind="person", name=name, gender=gender,
                  street=st[0], house_number=st[1], pc_repaired=True)
        nxt = k + 1 if k + 1 < len(lay.lines) and lay.lines[k + 1] else k + 2
        if nxt < len(lay.lines) and (m := _DAMAGED_PC_CITY.match(lay.lines[nxt])):
            b.city = clean_city(m.group("city"))
            b.last = nxt
        out.append(b)
        break
    return out


# --- addresses in sentences --------------------------------------------------------------

_ADDR_TRIGGER = Phrase(r"\b(?:woon|wonende|woning|huis|huur|adres|woonadres)")


def address_in_text(text: str) -> tuple[dict[str, str | None], bool] | None:
    """The first 'ik woon aan Kanaalweg 12, 3512 AB Utrecht' style address (regex tried at trigger words only)."""
    m = None
    for t in _ADDR_TRIGGER.finditer(lower(text)):
        m = ADDR_IN_TEXT.match(text, t.start())
        if m and valid_street(m.group("street")):
            break
        m = None
    if m is None:
        return None
    addr: dict[str, str | None] = {"street": m.group("street").strip(),
                                   "house_number": normalise_house_number(m.group("num"), m.group("add")),
                                   "postcode": None, "city": None}
    repaired = False
    if m.group("pc") and plausible_postcode_text(m.group("pc")):
        pc = normalise_postcode(m.group("pc"))
        if pc:
            addr["postcode"], repaired = pc.value, pc.repaired
    if m.group("city") and m.group("city").casefold() not in ("en", "ik", "sinds"):
        city = clean_city(m.group("city"))
        if not re.match(r"^(?:Ik|Het|De|Dit|Dat|Er|Mijn|Wij|We|Sinds|Maar|En|Ook)$", city):
            addr["city"] = city
    return addr, repaired


ADDR_WITH_POSTCODE = re.compile(
    rf"(?P<street>{STREET_WORDS})[ \n]+{HOUSE_NUMBER}[ ]*,?[ \n]*[‘'`´|.,;:]?[ ]*(?P<pc>{PC_LOOSE})(?![\w])[ \n]*,?[ ]*"
    rf"(?P<city>{CITY})")
_STREET_LEAD = re.compile(r"^(?:.*\s)?(?:op|aan|in|te|bij|naar|via|van|is|:)\s+(?:de\s+|het\s+)?(?=[A-Z0-9])")


def addresses_in_text(text: str) -> list[tuple[int, dict[str, str | None], bool]]:
    """(offset, address, repaired) for every 'Kanaalweg 12, 3512 AB Utrecht' in running text."""
    out = []
    for m in ADDR_WITH_POSTCODE.finditer(text):
        street = _STREET_LEAD.sub("", m.group("street")).strip()
        pc = normalise_postcode(m.group("pc"))
        if not pc or not plausible_postcode_text(m.group("pc")) or not valid_street(street):
            continue
        addr: dict[str, str | None] = {"street": street,
                                       "house_number": normalise_house_number(m.group("num"), m.group("add")),
                                       "postcode": pc.value, "city": clean_city(m.group("city"))}
        out.append((m.start() + m.group(0).find(street), addr, pc.repaired))
    return out


_AFTER_NAME = re.compile(
    rf"^(?:[^\n.]{{0,60}}?(?:,|\(|\bvan|\bop|\baan)|\s*(?:,|\())\s*(?:de\s+)?(?P<street>{STREET_WORDS})[ \n]+{HOUSE_NUMBER}"
    rf"(?:\s*,?\s*(?P<pc>{PC_LOOSE})(?![\w]))?(?:\s*,?\s*(?i:te|in)?\s*(?P<city>{CITY}))?")


def address_after_name(text: str) -> tuple[dict[str, str | None], bool] | None:
    """'de klacht van de heer Bas Dijkstra, Loerikseweg 84 te Houten': the address right after the name."""
    m = _AFTER_NAME.match(text)
    if not m:
        return None
    street = _STREET_LEAD.sub("", m.group("street")).strip()
    if not valid_street(street):
        return None
    addr: dict[str, str | None] = {"street": street, "house_number": normalise_house_number(m.group("num"), m.group("add")),
                                   "postcode": None, "city": None}
    repaired = False
    if m.group("pc") and plausible_postcode_text(m.group("pc")) and (pc := normalise_postcode(m.group("pc"))):
        addr["postcode"], repaired = pc.value, pc.repaired
    if m.group("city"):
        addr["city"] = clean_city(m.group("city"))
    return addr, repaired
