"""Web forms and other labelled fields ("Naam: ...", "Postcode: ..."), per section (huurder, gemachtigde)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .addresses import PC_CITY
from .layout import SECTION_COMPLAINANT, SECTION_REPRESENTATIVE, Layout, label_of
from .names import looks_like_name, split_title, tidy_name, title_gender
from .patterns import (
    CITY,
    HOUSE_NUMBER,
    clean_city,
    find_emails,
    find_phones,
    normalise_house_number,
    normalise_postcode,
    parse_street_line,
)


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


@dataclass
class FormParty:
    """One party's values read from a form section."""

    name: str | None = None
    gender: str | None = None
    address: dict[str, str | None] = field(default_factory=dict)
    email: str | None = None
    email_repaired: bool = False
    phone: str | None = None


def read_form(form: dict[str, tuple[str, int]], *, ocr: bool = False) -> FormParty:
    """The labelled values of one section, parsed: 'Straat en huisnummer: Kanaalweg 12A' -> street, number."""
    out = FormParty()
    name = form.get("name", (None, 0))[0]
    if not name and "surname" in form:
        first = (form.get("initials") or form.get("firstname") or ("", 0))[0]
        name = f"{first} {form['surname'][0]}".strip()
    if name:
        g, n, _ = split_title(name)
        if looks_like_name(n, allow_single=True):
            out.name, out.gender = tidy_name(n), g
    if "title" in form:
        out.gender = title_gender(form["title"][0]) or out.gender
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
    out.address = addr
    if "email" in form and (em := find_emails(form["email"][0])):
        out.email, out.email_repaired = em[0][0], em[0][2]
    if "phone" in form and (ph := find_phones(form["phone"][0], ocr=ocr)):
        out.phone = ph[0][0]
    return out
