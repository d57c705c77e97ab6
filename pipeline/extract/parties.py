"""Who wrote and for whom: the complainant (the tenant) and a representative writing on their behalf.

Sources, strongest first: a web-form's labelled fields, the sender block in the heading, the
e-mail header, the signature, statements in the body ("mijn naam is", "ik woon aan"). When the
writer says they write for someone else ("namens mijn moeder, mevrouw De Boer"), the writer
becomes the representative and the person named becomes the complainant. When a corporation
writes (a reaction, a decision), the complainant is the tenant the letter is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..config import Config
from ..models import EmailHeader, Field
from .corporations import mentioned
from .layout import SECTION_COMPLAINANT, SECTION_REPRESENTATIVE, Layout, label_of
from .names import (
    FULL_NAME,
    INITIALS,
    TITLE,
    TITLED_NAME,
    first_name_gender,
    looks_like_name,
    split_title,
    tidy_name,
    title_gender,
)
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

ADDRESS_KEYS = ("street", "house_number", "postcode", "city")

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
_SKIP_SIG = re.compile(r"^(?:verzonden\s+(?:vanaf|met|via)|sent\s+from|\(?handtekening\)?|get\s+outlook|"
                       r"op\s+\d|tel(?:efoon)?\b|e-?mail\b|mob(?:iel)?\b|www\.)", re.IGNORECASE)


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


@dataclass
class Draft:
    """A party under construction: per key the best value seen so far."""

    f: dict[str, Field] = field(default_factory=dict)

    def offer(self, key: str, value: str | None, source: str, conf: float) -> None:
        if value in (None, ""):
            return
        conf = round(min(conf, 0.97), 2)
        cur = self.f.get(key)
        if cur is None:
            self.f[key] = Field(value, source, conf)
        elif key == "name" and _first_name_of(cur.value, value):
            # "Wendy" under the mail, "Wendy Smit" in its header: the full name, and surer
            self.f[key] = Field(value, source, round(min(0.97, max(cur.confidence, conf) + 0.05), 2))
        elif key == "name" and _first_name_of(value, cur.value):
            self.f[key] = Field(cur.value, cur.source, round(min(0.97, max(cur.confidence, conf) + 0.05), 2))
        elif _same(key, cur.value, value):
            keep = cur if cur.confidence >= conf else Field(value, source, conf)
            self.f[key] = Field(keep.value, keep.source, round(min(0.97, max(cur.confidence, conf) + 0.05), 2))
        elif conf > cur.confidence + 0.05:
            self.f[key] = Field(value, source, round(conf - 0.05, 2))
        elif key == "name":
            self.f[key] = Field(cur.value, cur.source, round(cur.confidence - 0.1, 2))

    def offer_address(self, addr: dict[str, str | None], source: str, conf: float, *,
                      pc_penalty: bool = False) -> None:
        """An address is one unit: a better source replaces street, number, postcode and city together."""
        if not any(addr.values()):
            return
        self._offer_address(addr, source, conf)
        pc = self.f.get("postcode")
        if pc_penalty and pc is not None and pc.value == addr.get("postcode"):
            self.f["postcode"] = Field(pc.value, pc.source, round(pc.confidence - 0.1, 2))

    def _offer_address(self, addr: dict[str, str | None], source: str, conf: float) -> None:
        cur = max((self.f[k].confidence for k in ADDRESS_KEYS if k in self.f), default=0.0)
        same = all(addr.get(k) is None or k not in self.f or _same(k, self.f[k].value, addr[k]) for k in ADDRESS_KEYS)
        if same:
            for k in ADDRESS_KEYS:
                self.offer(k, addr.get(k), source, conf)
        elif conf > cur:
            for k in ADDRESS_KEYS:
                self.f.pop(k, None)
                if addr.get(k):
                    self.f[k] = Field(addr[k], source, round(conf, 2))

    def get(self, key: str) -> str | None:
        f = self.f.get(key)
        return f.value if f else None


def _first_name_of(short: str, full: str) -> bool:
    return " " not in short.strip() and full.casefold().startswith(short.strip().casefold() + " ")


def same_person(a: str, b: str) -> bool:
    """Same surname and compatible first initial: 'A. Bakker' ~ 'Anna Bakker', not 'K. Bakker'."""
    if _surname(a) != _surname(b) or not _surname(a):
        return False
    fa, fb = a.strip()[:1].casefold(), b.strip()[:1].casefold()
    firsts_a = [w for w in a.split() if w[:1].isupper()]
    firsts_b = [w for w in b.split() if w[:1].isupper()]
    if len(firsts_a) < 2 or len(firsts_b) < 2 or a.casefold().startswith("familie") or b.casefold().startswith("familie"):
        return True  # a bare surname on one side: nothing to compare
    return fa == fb


def _surname(name: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", name.casefold()) if w and not w.endswith(".")]
    return words[-1] if words else ""


def _same(key: str, a: str, b: str) -> bool:
    if key == "name":
        return same_person(a, b)
    return re.sub(r"\W", "", str(a).casefold()) == re.sub(r"\W", "", str(b).casefold())


# --- address blocks -------------------------------------------------------------------------

def _name_from_line(line: str) -> tuple[str | None, str | None]:
    """(name, gender) from a name line of an address block or a signature."""
    line = re.sub(r"\s*\(.*?\)\s*", " ", line).strip(" ,:;")
    line = re.sub(r"^(?:afzender|van|naam)\s*:\s*", "", line, flags=re.IGNORECASE)
    fam = re.match(r"^(?:familie|fam\.?)\s+(?:.*\s)?(?P<sur>(?:(?:van|de|der|den|ter|ten)\s+)*\S+)$", line, re.IGNORECASE)
    if fam and looks_like_name(fam.group("sur"), allow_single=True):
        return f"familie {tidy_name(fam.group('sur'))}", None  # "Fam. P. en L. Jansen"
    parts = re.split(r"\s+(?:en|&)\s+", line)
    line = parts[0]
    if len(parts) > 1 and re.fullmatch(r"(?:[A-Z]\.\s?)+", line.split(maxsplit=1)[-1].strip()):
        # "P. en L. Jansen": the first person with the shared surname
        sur = re.sub(r"^(?:[A-Z]\.\s?)+", "", parts[-1]).strip()
        line = f"{line.strip()} {sur}"
    gender, rest, title = split_title(line)
    rest = rest.strip(" ,")
    fam = re.match(r"^(?:familie|fam\.?)\s+(.+)$", rest, re.IGNORECASE)
    if fam and looks_like_name(fam.group(1), allow_single=True):
        return f"familie {tidy_name(fam.group(1))}", None
    if looks_like_name(rest, allow_single=title is not None):
        return tidy_name(rest), gender
    return None, None


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
                    if k2 >= 0 and _name_from_line(lines[k2])[0] and not _name_from_line(name_line)[0]:
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
            b.name, b.gender = _name_from_line(name_line)
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
        name, gender = _name_from_line(lay.lines[k1]) if k1 >= 0 else (None, None)
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


# --- labelled form fields -------------------------------------------------------------------

def find_form(lay: Layout, *, ocr: bool) -> dict[str, dict[str, tuple[str, int]]]:
    """{'complainant'|'representative': {key: (value, line)}} from 'Naam: ...' style fields."""
    sections: dict[str, dict[str, tuple[str, int]]] = {"complainant": {}, "representative": {}}
    current = "complainant"
    for i in range(lay.header_end, lay.quoted):
        ln = lay.lines[i]
        if SECTION_REPRESENTATIVE.match(ln):
            current = "representative"
            continue
        if SECTION_COMPLAINANT.match(ln):
            current = "complainant"
            continue
        lab = label_of(ln, ocr)
        if not lab:
            continue
        key, value = lab
        if not value and i + 1 < lay.quoted and lay.lines[i + 1] and not label_of(lay.lines[i + 1], ocr):
            value = lay.lines[i + 1]
        if value and key not in sections[current]:
            sections[current][key] = (value, i)
    # a form has several labelled fields; a lone "Tel:" under a sender block is no form
    return {k: v for k, v in sections.items() if len(set(v) - {"phone", "email"}) >= 2}


def _offer_form(d: Draft, form: dict[str, tuple[str, int]], conf: float, ocr: bool = False) -> None:
    src = "text: formulier"
    name = form.get("name", (None, 0))[0]
    if not name and "surname" in form:
        first = (form.get("initials") or form.get("firstname") or ("", 0))[0]
        name = f"{first} {form['surname'][0]}".strip()
    if name:
        g, n, _ = split_title(name)
        if looks_like_name(n, allow_single=True):
            d.offer("name", tidy_name(n), src, conf)
            if g:
                d.offer("gender", g, src, conf)
    if "title" in form:
        g = title_gender(form["title"][0])
        if g:
            d.offer("gender", g, src, conf)
    addr: dict[str, str | None] = {}
    if "address" in form:
        v = form["address"][0]
        st = parse_street_line(v.split(",")[0], ocr=ocr)
        if st:
            addr["street"], addr["house_number"] = st
        m = PC_CITY.search(v)
        if m and (pc := normalise_postcode(m.group("pc"))):
            addr["postcode"], addr["city"] = pc.value, clean_city(m.group("city"))
    if "street" in form:
        st = parse_street_line(form["street"][0], ocr=ocr)
        if st:
            addr["street"], addr["house_number"] = st
        else:
            addr["street"] = form["street"][0].strip(" ,")
    if "house_number" in form:
        hm = re.match(rf"^{HOUSE_NUMBER}$", form["house_number"][0].strip())
        if hm:
            extra = form.get("addition", ("", 0))[0]
            addr["house_number"] = normalise_house_number(hm.group("num"), hm.group("add") or (extra and f" {extra}"))
    if "pc_city" in form:
        m = PC_CITY.search(form["pc_city"][0])
        if m and (pc := normalise_postcode(m.group("pc"))):
            addr["postcode"], addr["city"] = pc.value, clean_city(m.group("city"))
    if "postcode" in form:
        v = form["postcode"][0]
        m = PC_CITY.search(v)
        pc = normalise_postcode(m.group("pc") if m else v)
        if pc:
            addr["postcode"] = pc.value
            if m:
                addr["city"] = clean_city(m.group("city"))
    if "city" in form and re.fullmatch(CITY, form["city"][0].strip(" ,.")):
        addr["city"] = clean_city(form["city"][0])
    d.offer_address(addr, src, conf)
    if "email" in form and (em := find_emails(form["email"][0])):
        d.offer("email", em[0][0], src, conf - (0.1 if em[0][2] else 0))
    if "phone" in form and (ph := find_phones(form["phone"][0], ocr=ocr)):
        d.offer("phone", ph[0][0], src, conf)


# --- who writes for whom ---------------------------------------------------------------------

_FAMILY = (r"moeder|vader|ouders|zoon|dochter|broer|zus|zuster|opa|oma|grootvader|grootmoeder|oom|tante|neef|"
           r"nicht|schoonmoeder|schoonvader|schoonzoon|schoondochter|kleinzoon|kleindochter|man|vrouw|echtgenoot|"
           r"echtgenote|partner|vriend|vriendin|buurman|buurvrouw|buren|buurjongen|buurmeisje|kennis|"
           r"cli[eë]nt|cli[eë]nte|pupil|bewoner|bewoonster|huurder|huurster")
_ROLES = (r"gemachtigde|advocaat|advocate|raadsman|raadsvrouw|bewindvoerder|mentor|curator|begeleider|"
          r"belangenbehartiger|vertegenwoordiger|contactpersoon|maatschappelijk\s+werker|mantelzorger|"
          r"woonbegeleider|ambulant\s+begeleider|hulpverlener|casemanager")
_ORGS = (r"buurtteam|wijkteam|huurdersvereniging|huurdersorganisatie|bewonerscommissie|juridisch\s+loket|"
         r"advocatenkantoor|maatschappelijk\s+werk|sociaal\s+raadslieden|schuldhulpverlening|huurteam|"
         r"wijkteam|stadsteam")
_NAME_AFTER = rf"(?:,?\s*(?:(?P<title>(?i:{TITLE}))\s+)?(?P<name>{TITLED_NAME}))?"
_NOT_REP = re.compile(r"namens\s+(?:mijn\s+(?:man|vrouw|partner|gezin|echtgeno\w+)\s+en\s+(?:mij|mijzelf|ik)|"
                      r"(?:mijn|ons)\s+gezin|onze\s+familie|mezelf|mijzelf|(?:de|alle|onze)\s+(?:mede)?bewoners|"
                      r"de\s+huurders\b)", re.IGNORECASE)

REPRESENTATION = [
    # "namens mijn moeder, mevrouw J. de Boer" / "ik schrijf deze brief voor mijn buurman"
    ("family", re.compile(rf"(?i:\b(?:namens|in\s+naam\s+van|ten\s+behoeve\s+van|t\.b\.v\.)\s+(?:mijn|onze|m'n)\s+"
                          rf"(?:\w+\s+)?(?P<rel>{_FAMILY}))\b{_NAME_AFTER}")),
    ("family", re.compile(rf"(?i:\b(?:schrijf|schrijven|stuur|sturen|dien|dienen|richt|richten)\s+(?:\w+\s+){{0,5}}?"
                          rf"(?:voor|namens)\s+(?:mijn|onze|m'n)\s+(?:\w+\s+)?(?P<rel>{_FAMILY}))\b{_NAME_AFTER}")),
    # "ik ben de dochter van mevrouw X" / "als gemachtigde van de heer X"
    ("self", re.compile(rf"(?i:\b(?:ik\s+ben|wij\s+zijn|als)\s+(?:de\s+|het\s+|een\s+|zijn\s+|haar\s+|hun\s+)?"
                        rf"(?P<rel>{_ROLES}|dochter|zoon|kleinzoon|kleindochter|buurman|buurvrouw|broer|zus|"
                        rf"schoonzoon|schoondochter|neef|nicht|partner|mantelzorger)\s+van)\s+(?:(?i:mijn|onze)\s+\w+\s*,?\s*)?"
                        rf"(?:(?P<title>(?i:{TITLE}))\s+)?(?P<name>{TITLED_NAME})?")),
    # "in opdracht van mijn cliënte, mevrouw X" / "namens mijn cliënt"
    ("client", re.compile(rf"(?i:\bin\s+opdracht\s+van\s+(?:mijn\s+|onze\s+)?(?:cli[eë]nt(?:e)?\s*,?\s*)?)"
                          rf"(?:(?P<title>(?i:{TITLE}))\s+)?(?P<name>{TITLED_NAME})?")),
    # "namens mevrouw X" (no relation word)
    ("named", re.compile(rf"(?i:\bnamens\s+)(?P<title>(?i:{TITLE}))\s+(?P<name>{TITLED_NAME})")),
    # "ik werk bij het buurtteam en help mevrouw X"
    ("org", re.compile(rf"(?i:\b(?:ik\s+ben|wij\s+zijn|ik\s+werk|werkzaam|namens|vanuit|van)\s+(?:\w+\s+){{0,3}}?"
                       rf"(?:het\s+|de\s+)?(?P<rel>{_ORGS}))\b")),
]
_RECIPROCAL = {  # the tenant is my X -> I am their (man, woman, unknown)
    "moeder": ("zoon", "dochter", "kind"), "vader": ("zoon", "dochter", "kind"), "ouders": ("zoon", "dochter", "kind"),
    "zoon": ("vader", "moeder", "ouder"), "dochter": ("vader", "moeder", "ouder"),
    "broer": ("broer", "zus", "familielid"), "zus": ("broer", "zus", "familielid"), "zuster": ("broer", "zus", "familielid"),
    "opa": ("kleinzoon", "kleindochter", "kleinkind"), "oma": ("kleinzoon", "kleindochter", "kleinkind"),
    "grootvader": ("kleinzoon", "kleindochter", "kleinkind"), "grootmoeder": ("kleinzoon", "kleindochter", "kleinkind"),
    "oom": ("neef", "nicht", "familielid"), "tante": ("neef", "nicht", "familielid"),
    "neef": ("familielid", "familielid", "familielid"), "nicht": ("familielid", "familielid", "familielid"),
    "schoonmoeder": ("schoonzoon", "schoondochter", "familielid"),
    "schoonvader": ("schoonzoon", "schoondochter", "familielid"),
    "schoonzoon": ("schoonvader", "schoonmoeder", "familielid"),
    "schoondochter": ("schoonvader", "schoonmoeder", "familielid"),
    "kleinzoon": ("opa", "oma", "grootouder"), "kleindochter": ("opa", "oma", "grootouder"),
    "man": ("partner", "partner", "partner"), "vrouw": ("partner", "partner", "partner"),
    "echtgenoot": ("partner", "partner", "partner"), "echtgenote": ("partner", "partner", "partner"),
    "partner": ("partner", "partner", "partner"), "vriend": ("vriend", "vriendin", "vriend"),
    "vriendin": ("vriend", "vriendin", "vriend"), "kennis": ("kennis", "kennis", "kennis"),
    "buurman": ("buurman", "buurvrouw", "buurman"), "buurvrouw": ("buurman", "buurvrouw", "buurvrouw"),
    "buren": ("buurman", "buurvrouw", "buurman"), "buurjongen": ("buurman", "buurvrouw", "buurman"),
    "buurmeisje": ("buurman", "buurvrouw", "buurman"),
    "client": ("gemachtigde",) * 3, "cliënt": ("gemachtigde",) * 3, "cliente": ("gemachtigde",) * 3,
    "cliënte": ("gemachtigde",) * 3, "pupil": ("mentor",) * 3, "bewoner": ("gemachtigde",) * 3,
    "bewoonster": ("gemachtigde",) * 3, "huurder": ("gemachtigde",) * 3, "huurster": ("gemachtigde",) * 3,
}
_REL_GENDER = {"moeder": "v", "vader": "m", "zoon": "m", "dochter": "v", "broer": "m", "zus": "v", "zuster": "v",
               "opa": "m", "oma": "v", "grootvader": "m", "grootmoeder": "v", "oom": "m", "tante": "v",
               "schoonmoeder": "v", "schoonvader": "m", "man": "m", "vrouw": "v", "echtgenoot": "m",
               "echtgenote": "v", "buurman": "m", "buurvrouw": "v", "vriend": "m", "vriendin": "v",
               "cliënte": "v", "cliente": "v", "huurster": "v", "bewoonster": "v", "kleinzoon": "m",
               "kleindochter": "v", "schoonzoon": "m", "schoondochter": "v"}
_LAWYER = re.compile(r"\badvoca(?:at|te|ten)\w*|\bmr\.\s|\braads(?:man|vrouw)\b|\bcli[eë]nte?\b", re.IGNORECASE)


@dataclass
class Representation:
    relation: str
    sentence: str
    tenant_name: str | None = None
    tenant_gender: str | None = None
    tenant_rel: str | None = None  # the word used for the tenant ("moeder"), to find them elsewhere
    conf: float = 0.8


def _norm_role(role: str) -> str:
    role = re.sub(r"\s+", " ", role.casefold())
    return {"advocate": "advocaat", "raadsman": "advocaat", "raadsvrouw": "advocaat",
            "advocatenkantoor": "advocaat", "maatschappelijk werk": "maatschappelijk werker",
            "stadsteam": "buurtteam", "wijkteam": "buurtteam", "huurdersorganisatie": "huurdersvereniging",
            "juridisch loket": "juridisch loket"}.get(role, role)


def _clean_tenant_name(name: str | None) -> str | None:
    if not name:
        return None
    name = re.split(r"\s+(?:en|die|dat|uit|van\s+de|van\s+het|te|in|op|aan)\s", name)[0]
    name = name.strip(" ,.")
    return tidy_name(name) if looks_like_name(name, allow_single=True) else None


_ROLE_WORDS = tuple(w.replace("\\s+", " ") for w in (_ROLES + "|" + _FAMILY).split("|")) + ("cli",)
_NEEDLES = {  # a pattern can only match when one of these is in the lowercased text
    "family": ("namens", "in naam van", "ten behoeve van", "t.b.v.", "voor mijn", "voor onze", "voor m'n"),
    "self": _ROLE_WORDS,
    "client": ("in opdracht",),
    "named": ("namens",),
    "org": tuple(w.replace("\\s+", " ") for w in _ORGS.split("|")),
}


def find_representation(text: str, *, writer_gender: str | None, lawyer: bool) -> Representation | None:
    """The first way of writing-for-someone found; one that names the tenant beats one that does not."""
    found: list[tuple[str, Representation]] = []
    low = lower(text)
    for kind, rx in REPRESENTATION:
        if not any(n in low for n in _NEEDLES[kind]):
            continue
        for m in rx.finditer(text):
            r = _representation(kind, m, text, writer_gender=writer_gender, lawyer=lawyer)
            if r is not None:
                found.append((kind, r))
                break
    if not found:
        return None
    best = next((r for _, r in found if r.tenant_name), found[0][1])
    org = next((r for k, r in found if k == "org"), None)
    if org is not None and best is not org and best.relation == "gemachtigde":
        best.relation = org.relation  # "namens de heer X" written by the buurtteam: relation buurtteam
    return best


def _representation(kind: str, m: re.Match[str], text: str, *, writer_gender: str | None,
                    lawyer: bool) -> Representation | None:
    start = text.rfind("\n", 0, m.start()) + 1
    stop = re.search(r"(?<![A-Z])\.(?=\s)|\n\s*\n", text[m.end():])
    sent = text[start:m.end() + (stop.end() if stop else len(text))].strip()
    if _NOT_REP.search(text[m.start():m.end() + 30]):
        return None
    gd = m.groupdict()
    name = _clean_tenant_name(gd.get("name"))
    title = gd.get("title")
    tgender = title_gender(title) if title else None
    if kind == "family":
        rel_word = m.group("rel").casefold()
        if rel_word in ("cliënt", "client", "cliënte", "cliente"):
            relation = "advocaat" if lawyer else "gemachtigde"
        else:
            idx = {"m": 0, "v": 1}.get(writer_gender or "", 2)
            relation = _RECIPROCAL.get(rel_word, ("gemachtigde",) * 3)[idx]
        conf = 0.85 if writer_gender or relation not in ("kind", "familielid", "ouder", "kleinkind") else 0.6
        return Representation(relation, sent, name, tgender or _REL_GENDER.get(rel_word), rel_word, conf)
    if kind == "self":
        rel = _norm_role(m.group("rel"))
        if rel == "gemachtigde" and lawyer:
            rel = "advocaat"
        if not name and rel not in {"advocaat", "gemachtigde", "bewindvoerder", "mentor", "curator"}:
            rest = text[m.end():m.end() + 40]
            if not re.match(r"\s*(?:mijn|onze|de|het|deze)\b", rest, re.IGNORECASE):
                return None
        return Representation(rel, sent, name, tgender, None, 0.85)
    if kind == "client":
        # "in opdracht van mijn cliënte, mevrouw X", not "vernieuwd in opdracht van Mitros"
        if not (re.search(r"cli[eë]nt", m.group(0), re.IGNORECASE) or (name and (title or re.match(INITIALS, name)))):
            return None
        return Representation("advocaat" if lawyer else "gemachtigde", sent, name, tgender, "cliënt", 0.8)
    if kind == "named":
        return Representation("advocaat" if lawyer else "gemachtigde", sent, name, tgender, None, 0.75)
    if kind == "org":
        # an organisation writes for a tenant only if a tenant is named somewhere
        tm = re.search(rf"(?:(?P<title>(?i:mevrouw|mevr\.|mw\.|de\s+heer|dhr\.))\s+(?P<name>{TITLED_NAME}))", text)
        if tm:
            return Representation(_norm_role(m.group("rel")), sent, _clean_tenant_name(tm.group("name")),
                                  title_gender(tm.group("title")), None, 0.7)
    return None


_SELF_RELATION = re.compile(
    rf"(?i:\b(?:ik\s+ben|wij\s+zijn|als)\s+(?:haar|zijn|hun|de|het)\s+(?P<rel>zoon|dochter|kleinzoon|kleindochter|"
    rf"schoonzoon|schoondochter|broer|zus|neef|nicht|buurman|buurvrouw|partner|mantelzorger|{_ROLES})\b)")


def stated_relation(text: str) -> str | None:
    """'Ik ben haar zoon' says the writer's relation outright."""
    m = _SELF_RELATION.search(text)
    return _norm_role(m.group("rel")) if m else None


_SIG_RELATION = re.compile(
    rf"(?i:\(?\b(?P<rel>zoon|dochter|kleinzoon|kleindochter|schoonzoon|schoondochter|broer|zus|neef|nicht|"
    rf"buurman|buurvrouw|partner|mantelzorger|{_ROLES})\b)(?:\s+(?i:van)\s+(?:(?P<title>(?i:{TITLE}))\s+)?"
    rf"(?P<name>{TITLED_NAME}))?\)?")


def signature_relation(lines: list[str]) -> tuple[str, str | None, str | None] | None:
    """'Jan de Boer (zoon)' or 'zoon van mevrouw De Boer' under the closing: (relation, tenant, gender)."""
    for ln in lines:
        m = _SIG_RELATION.search(ln)
        if m and (ln.strip().startswith("(") or "(" in ln or m.start() == 0 or m.group("name")):
            name = _clean_tenant_name(m.group("name"))
            return _norm_role(m.group("rel")), name, title_gender(m.group("title")) if m.group("title") else None
    return None


def _tenant_name_elsewhere(text: str, rel_word: str | None) -> tuple[str | None, str | None]:
    """'mijn moeder, mevrouw J. de Boer, woont ...' anywhere in the text."""
    if rel_word:
        rx = re.compile(rf"(?i:\b(?:mijn|onze|m'n)\s+{re.escape(rel_word)})\b,?\s*(?:(?P<title>(?i:{TITLE}))\s+)?"
                        rf"(?P<name>{TITLED_NAME})")
        for m in rx.finditer(text):
            name = _clean_tenant_name(m.group("name"))
            if name and (m.group("title") or re.match(FULL_NAME, m.group("name"))):
                return name, title_gender(m.group("title")) if m.group("title") else None
    return None, None


# --- the corporation writes: who is the tenant? ---------------------------------------------

_TENANT_IN_CORP = [
    re.compile(rf"(?i:\bklacht\s+van\s+)(?:(?i:onze\s+)?(?i:huurder|huurster|bewoner|bewoonster),?\s+)?"
               rf"(?P<title>(?i:{TITLE}))\s+(?P<name>{TITLED_NAME})"),
    re.compile(rf"(?i:\b(?:inzake|betreft|onderwerp)\s*:?\s*(?:de\s+)?(?:klacht\s+(?:van\s+)?)?)(?P<title>(?i:{TITLE}))\s+"
               rf"(?P<name>{TITLED_NAME})"),
    re.compile(rf"(?i:\b(?:huurder|huurster|klager|klaagster|bewoner|bewoonster),?\s+)(?P<title>(?i:{TITLE}))\s+"
               rf"(?P<name>{TITLED_NAME})"),
    re.compile(rf"(?P<title>(?i:{TITLE}))\s+(?P<name>{TITLED_NAME})\s*(?i:\(hierna|,\s*hierna|\(klager|\(klaagster|"
               rf",\s*wonende|,\s*woonachtig|\s+woont|\s+huurt|\s+heeft\s+(?:een\s+|op\s+)?(?:\w+\s+){{0,3}}klacht)"),
    re.compile(rf"(?i:\bklacht\s+van\s+)(?P<name>{FULL_NAME})(?P<title>)"),
]


def _tenant_from_corp_letter(text: str) -> tuple[str | None, str | None, int]:
    for rx in _TENANT_IN_CORP:
        for m in rx.finditer(text):
            name = _clean_tenant_name(m.group("name"))
            if name:
                return name, title_gender(m.group("title")) if m.group("title") else None, m.start()
    return None, None, -1


_ADDR_TRIGGER = Phrase(r"\b(?:woon|wonende|woning|huis|huur|adres|woonadres)")


def _address_in_text(text: str) -> tuple[dict[str, str | None], bool] | None:
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


def _address_after_name(text: str) -> tuple[dict[str, str | None], bool] | None:
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


# --- the signature --------------------------------------------------------------------------

def signature_name(lay: Layout, *, email_like: bool) -> tuple[str | None, str | None, int | None]:
    """(name, gender, line) of the writer under the closing ('Met vriendelijke groet,\\n\\nA. Bakker')."""
    sig = lay.signature_lines
    if not sig:
        return None, None, None
    first_i, first = sig[0]
    inline = re.sub(r"^.*?\b(?:groet(?:en)?|hoogachtend|mvg|m\.v\.g\.?|dank|bedankt)\b[,.!]?\s*", "", first, flags=re.IGNORECASE)
    cands = ([(first_i, inline)] if inline and inline != first else []) + sig[1:]
    for i, ln in cands:
        if not ln or _SKIP_SIG.match(ln):
            continue
        if re.match(r"^(?:namens|mede\s+namens|i\.?o\.?|p\.?o\.?)\b", ln, re.IGNORECASE):
            continue
        name, gender = _name_from_line(ln)
        if name is None and email_like:
            gender2, rest, _ = split_title(ln)
            if re.fullmatch(r"[A-Z][a-zà-ÿĀ-ſ]+", rest) and rest.casefold() not in ("groet", "groeten", "dank"):
                name, gender = rest, gender2
        if name:
            return name, gender, i
        if re.search(r"\d|@", ln) or len(ln.split()) > 6:
            continue
        # a line that is no name (a function, a corporation): look one further
    return None, None, None


_NAME_STATEMENT = re.compile(
    rf"(?i:\b(?:mijn\s+naam\s+is|ik\s+heet|ondergetekende,?|ik,)\s+)(?:(?P<title>(?i:{TITLE}))\s+)?(?P<name>{TITLED_NAME})")


def _parse_from(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    m = re.match(r'^\s*"?([^"<]*?)"?\s*<([^>]+)>', value)
    if m:
        return m.group(1).strip() or None, m.group(2).strip()
    em = find_emails(value)
    if em:
        return None, em[0][0]
    return value.strip() or None, None


# --- assembling -----------------------------------------------------------------------------

def find_parties(lay: Layout, config: Config, email: EmailHeader | None, *, corporation_writes: bool,
                 ocr: bool = False) -> dict[str, Field]:
    text = lay.span_text(lay.header_end, lay.quoted)
    blocks = [b for b in find_blocks(lay, config, ocr=ocr) if b.section != "quoted"]
    form = find_form(lay, ocr=ocr)
    pen = 0.08 if ocr else 0.0
    committee_email = config.committee.email.casefold()
    committee_pcs = {b.postcode for b in blocks if b.kind == "committee"}
    corp_domains = {d for c in config.corporations for d in c.domains}

    def private(addr: str | None) -> bool:
        if not addr:
            return False
        dom = addr.rsplit("@", 1)[-1].casefold()
        return addr.casefold() != committee_email and not any(dom == d or dom.endswith("." + d) for d in corp_domains) \
            and not dom.endswith(config.committee.website.replace("www.", "") or "kwru.nl")

    out: dict[str, Field] = {}
    if corporation_writes:
        tenant = Draft()
        name, gender, pos = _tenant_from_corp_letter(lay.span_text(lay.header_end, lay.quoted))
        if name:
            tenant.offer("name", name, "text: klacht van", 0.8 - pen)
            if gender:
                tenant.offer("gender", gender, "text: aanhef bij de naam", 0.8 - pen)
            # the name may first appear in the "Betreft:" line and the address later, or wrap a line
            for occ in re.finditer(r"\s+".join(map(re.escape, name.split())), text):
                around = text[occ.end():occ.end() + 300]
                found = _address_after_name(around) or _address_in_text(around[:150])
                if found:
                    tenant.offer_address(found[0], "text: adres bij de naam", 0.75 - pen, pc_penalty=found[1])
                    break
        subj = [b for b in blocks if b.kind == "subject"]
        if tenant.get("street") is None and subj:
            tenant.offer_address(subj[0].address(), "text: betreft-regel", 0.8 - pen, pc_penalty=subj[0].pc_repaired)
        for b in blocks:  # a reaction sent to the tenant too: the addressee block is the tenant
            if b.kind == "person" and b.section == "head":
                if not name or (b.name and _same("name", b.name, name)):
                    tenant.offer("name", b.name, "text: adresblok", 0.75 - pen)
                    tenant.offer_address(b.address(), "text: adresblok", 0.8 - pen, pc_penalty=b.pc_repaired)
                    if b.gender:
                        tenant.offer("gender", b.gender, "text: adresblok", 0.75 - pen)
                break
        if "complainant" in form:
            _offer_form(tenant, form["complainant"], 0.85 - pen, ocr)
        _guess_gender(tenant)
        for k, f in tenant.f.items():
            out[f"complainant.{k}"] = f
        return out

    # the writer
    sender = Draft()
    if "complainant" in form and not ("representative" in form):
        _offer_form(sender, form["complainant"], 0.9 - pen, ocr)
    if "representative" in form:
        _offer_form(sender, form["representative"], 0.9 - pen, ocr)
    person_blocks = [b for b in blocks if b.kind == "person"]
    head_blocks = [b for b in person_blocks if b.section in ("head", "header")]
    sig_blocks = [b for b in person_blocks if b.section == "signature"]
    # a letterhead of an office (advocaat, buurtteam) with the writer's name is the sender block too
    office_blocks = [b for b in blocks if b.kind == "organisation" and b.section in ("head", "signature")]
    office_blocks.sort(key=lambda b: b.name is None)  # one with the writer's name first
    subject_blocks = [b for b in blocks if b.kind == "subject"]
    sender_block = head_blocks[0] if head_blocks else (sig_blocks[0] if sig_blocks else
                                                       (office_blocks[0] if office_blocks else None))
    if sender_block is not None:
        where = "afzenderblok" if sender_block.section != "signature" else "ondertekening"
        c = (0.85 if where == "afzenderblok" else 0.8) - pen
        sender.offer("name", sender_block.name, f"text: {where}", c)
        if sender_block.gender:
            sender.offer("gender", sender_block.gender, f"text: {where}", c)
        sender.offer_address(sender_block.address(), f"text: {where}", c, pc_penalty=sender_block.pc_repaired)
        if private(sender_block.email):
            sender.offer("email", sender_block.email, f"text: {where}", c - (0.1 if sender_block.email_repaired else 0))
        sender.offer("phone", sender_block.phone, f"text: {where}", c)
    from_name, from_addr = (email.from_name, email.from_addr) if email else (None, None)
    if not from_addr and lay.header.get("van"):
        from_name, from_addr = _parse_from(lay.header["van"])
    email_like = bool(from_addr) or bool(lay.header)
    sname, sgender, _ = signature_name(lay, email_like=email_like)
    if sname:
        sender.offer("name", sname, "ondertekening", 0.78 - pen)
        if sgender:
            sender.offer("gender", sgender, "ondertekening", 0.75 - pen)
    if from_name:
        g, n, _ = split_title(tidy_name(from_name.strip(" '\"")))
        n = tidy_name(n)
        if "@" not in n and looks_like_name(n, allow_single=False):
            sender.offer("name", n, "e-mail header", 0.75)
            if g:
                sender.offer("gender", g, "e-mail header", 0.75)
    if from_addr and private(from_addr):
        sender.offer("email", from_addr.strip(" <>").casefold(), "e-mail header", 0.92)
    low = lower(text)
    m = _NAME_STATEMENT.search(text) if any(x in low for x in ("mijn naam", "ik heet", "ondergetekende", "ik,")) \
        else None
    if m and (n := _clean_tenant_name(m.group("name"))):
        sender.offer("name", n, "text: mijn naam is", 0.8 - pen)
        if m.group("title"):
            sender.offer("gender", title_gender(m.group("title")), "text: mijn naam is", 0.8 - pen)
    # e-mail and phone in the signature or anywhere in the sender's own text
    sig_text = "\n".join(ln for _, ln in lay.signature_lines)
    for addr, _, rep in find_emails(sig_text):
        if private(addr):
            sender.offer("email", addr, "ondertekening", 0.8 - pen - (0.1 if rep else 0))
            break
    for ph, _ in find_phones(sig_text, ocr=ocr):
        sender.offer("phone", ph, "ondertekening", 0.8 - pen)
        break
    committee_phone = re.sub(r"\D", "", config.committee.phone)
    for addr, _, rep in find_emails(text):
        if private(addr):
            sender.offer("email", addr, "text", 0.6 - pen - (0.1 if rep else 0))
            break
    for ph, pos in find_phones(text, ocr=ocr):
        if re.sub(r"\D", "", ph) != committee_phone and not _near_corp_word(text, pos):
            sender.offer("phone", ph, "text", 0.6 - pen)
            break

    # is the writer the tenant, or writing for one?
    writer_gender = sender.get("gender") or first_name_gender(sender.get("name")) or first_name_gender(sname) \
        or first_name_gender(from_name)
    lawyer = bool(_LAWYER.search(lay.span_text(lay.header_end, lay.head_end) + "\n" + sig_text)) or \
        bool(re.search(r"\bmijn\s+cli[eë]nte?\b", text, re.IGNORECASE))
    rep = find_representation(text, writer_gender=writer_gender, lawyer=lawyer)
    stated = stated_relation(text) if any(x in low for x in ("ik ben", "wij zijn", "als ")) else None
    if rep is not None and stated and rep.relation != stated:
        rep.relation, rep.conf = stated, max(rep.conf, 0.85)
    sig_rel = signature_relation([ln for _, ln in lay.signature_lines[1:]])
    if sig_rel:
        if rep is not None:
            rep.relation, rep.conf = sig_rel[0], max(rep.conf, 0.85)
            rep.tenant_name = rep.tenant_name or sig_rel[1]
        elif sig_rel[1]:
            rep = Representation(sig_rel[0], f"ondertekening: {sig_rel[0]} van {sig_rel[1]}", sig_rel[1], sig_rel[2],
                                 None, 0.8)
    if rep is None and "representative" in form:
        rep = Representation("gemachtigde", "formulier: gegevens gemachtigde", conf=0.85)
    if rep and rep.tenant_name and sender.get("name") and rep.tenant_name == sender.get("name"):
        rep = None  # "namens mevrouw Bakker" written by mevrouw Bakker's own hand
    if rep is None and lay.quoted_author and lay.quoted < len(lay.lines):
        # a reply that quotes the writer's own earlier message: its signature has the address
        q_name, q_addr = _parse_from(lay.quoted_author)
        mine = (q_addr and sender.get("email") and q_addr.casefold() == sender.get("email")) or \
            (q_name and sender.get("name") and same_person(tidy_name(q_name), sender.get("name")))
        if mine:
            for b in find_blocks(lay, config, ocr=ocr):
                if b.section == "quoted" and b.kind == "person":
                    sender.offer_address(b.address(), "text: eerder bericht (citaat)", 0.7 - pen,
                                         pc_penalty=b.pc_repaired)
                    sender.offer("phone", b.phone, "text: eerder bericht (citaat)", 0.7 - pen)
                    if private(b.email):
                        sender.offer("email", b.email, "text: eerder bericht (citaat)", 0.7 - pen)
                    break
    if rep is None:
        # no address block: "ik woon aan ...", or an address somewhere in the body
        if sender.get("street") is None:
            found = _address_in_text(text)
            if found:
                sender.offer_address(found[0], "text: adres in de tekst", 0.7 - pen - (0.1 if found[1] else 0))
        if sender.get("street") is None:
            found_pc = [(a, r) for _, a, r in addresses_in_text(text) if a["postcode"] not in committee_pcs]
            if found_pc:
                sender.offer_address(found_pc[0][0], "text: adres in de tekst", 0.65 - pen, pc_penalty=found_pc[0][1])
        if sender.get("street") is None and subject_blocks:
            sender.offer_address(subject_blocks[0].address(), "text: betreft-regel", 0.7 - pen,
                                 pc_penalty=subject_blocks[0].pc_repaired)
        if sender.get("street") is None:
            other = [b for b in person_blocks if b is not sender_block and b.section == "body"]
            if other:
                sender.offer_address(other[0].address(), "text: adres in de tekst", 0.6 - pen)
        _guess_gender(sender)
        for k, f in sender.f.items():
            out[f"complainant.{k}"] = f
        return out

    tenant = Draft()
    tname, tgender = rep.tenant_name, rep.tenant_gender
    if not tname:
        tname, tg2 = _tenant_name_elsewhere(text, rep.tenant_rel)
        tgender = tgender or tg2
    if tname:
        tenant.offer("name", tname, "text: namens", (0.85 if rep.tenant_name else 0.75) - pen)
    if tgender:
        tenant.offer("gender", tgender, "text: namens" if rep.tenant_name else "text: relatie",
                     (0.8 if rep.tenant_name else 0.7) - pen)
    if "complainant" in form and "representative" in form:
        _offer_form(tenant, form["complainant"], 0.9 - pen, ocr)
    # the tenant's address: a block with their name, a sentence about where they live, another block
    for b in person_blocks:
        if b is sender_block:
            continue
        if b.name and tname and _same("name", b.name, tname):
            tenant.offer_address(b.address(), "text: adresblok huurder", 0.85 - pen)
            tenant.offer("phone", b.phone, "text: adresblok huurder", 0.75 - pen)
            if private(b.email):
                tenant.offer("email", b.email, "text: adresblok huurder", 0.75 - pen)
            break
    if tenant.get("street") is None and subject_blocks:
        tenant.offer_address(subject_blocks[0].address(), "text: betreft-regel", 0.8 - pen,
                             pc_penalty=subject_blocks[0].pc_repaired)
    if tenant.get("street") is None:
        for _, sent in _sentences_about(text, rep, tname):
            found = _address_in_text(sent)
            if found:
                tenant.offer_address(found[0], "text: adres van de huurder", 0.75 - pen - (0.1 if found[1] else 0))
                break
    if tenant.get("street") is None:
        # "namens mijn moeder, mevrouw X (Kanaalweg 12, 3512 AB Utrecht)": the nearest address after her name
        anchor = text.find(tname) if tname else -1
        if anchor < 0 and rep.tenant_rel:
            anchor = lower(text).find(rep.tenant_rel)
        sender_pc = sender.get("postcode")
        cands = [(pos, a, r) for pos, a, r in addresses_in_text(text)
                 if a["postcode"] != sender_pc and pos >= anchor >= 0 and pos - anchor < 250]
        if cands:
            _, a, r = cands[0]
            tenant.offer_address(a, "text: adres van de huurder", 0.75 - pen, pc_penalty=r)
    if tenant.get("street") is None:
        others = [b for b in person_blocks if b is not sender_block and b.section != "signature"]
        if others:
            tenant.offer_address(others[0].address(), "text: tweede adresblok", 0.55 - pen)
    # the sender's address was taken by the tenant's when they are the same block (a child at home)
    _guess_gender(sender)
    for k, f in sender.f.items():
        out[f"representative.{k}"] = f
    out["representative.relation"] = Field(rep.relation, f"text: '{_short(rep.sentence)}'", round(rep.conf - pen, 2))
    _guess_gender(tenant)
    for k, f in tenant.f.items():
        out[f"complainant.{k}"] = f
    return out


# The brief for letters wants "Geachte heer/mevrouw": a first name gives a guess when no title does.
GUESS_GENDER_FROM_FIRST_NAME = True


def _guess_gender(d: Draft) -> None:
    if not GUESS_GENDER_FROM_FIRST_NAME or d.get("gender") or not d.get("name"):
        return
    g = first_name_gender(d.get("name"))
    if g:
        d.offer("gender", g, "voornaam (gok)", 0.55)


def _near_corp_word(text: str, pos: int) -> bool:
    """A phone number the tenant quotes for the corporation ('ik belde 088-...') is not theirs."""
    before = text[max(0, pos - 60):pos].casefold()
    return bool(re.search(r"(?:gebeld|belde|bellen|klantenservice|nummer\s+van|bereikbaar\s+via\s+de|"
                          r"corporatie|mitros|portaal|ssw|bo-?ex)[^.]{0,40}$", before))


def _sentences_about(text: str, rep: Representation, tname: str | None) -> list[tuple[int, str]]:
    from .patterns import sentences

    out = []
    for pos, s in sentences(text):
        low = s.casefold()
        if (rep.tenant_rel and rep.tenant_rel in low) or (tname and _surname(tname) in low) or \
                re.search(r"\b(?:zij|hij|haar|zijn)\s+(?:woont|woning|adres)", low) or "namens" in low:
            out.append((pos, s))
    return out


def _short(s: str) -> str:
    s = re.sub(r"\s+", " ", s)
    return s if len(s) <= 120 else s[:117] + "..."
