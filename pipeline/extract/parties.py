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
from .addresses import address_after_name, address_in_text, addresses_in_text, find_blocks
from .forms import find_form, read_form
from .layout import Layout
from .names import (
    TITLE,
    TITLED_NAME,
    clean_name,
    first_name_gender,
    looks_like_name,
    name_from_line,
    split_title,
    tidy_name,
    title_gender,
)
from .patterns import find_emails, find_phones, lower, sentences
from .representation import (
    LAWYER,
    Representation,
    find_representation,
    signature_relation,
    stated_relation,
    tenant_from_corp_letter,
    tenant_name_elsewhere,
)

ADDRESS_KEYS = ("street", "house_number", "postcode", "city")

_SKIP_SIG = re.compile(r"^(?:verzonden\s+(?:vanaf|met|via)|sent\s+from|\(?handtekening\)?|get\s+outlook|"
                       r"op\s+\d|tel(?:efoon)?\b|e-?mail\b|mob(?:iel)?\b|www\.)", re.IGNORECASE)




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


# --- the signature --------------------------------------------------------------------------


def _offer_form(d: Draft, form: dict[str, tuple[str, int]], conf: float, ocr: bool = False) -> None:
    fp = read_form(form, ocr=ocr)
    src = "text: formulier"
    d.offer("name", fp.name, src, conf)
    d.offer("gender", fp.gender, src, conf)
    d.offer_address(fp.address, src, conf)
    d.offer("email", fp.email, src, conf - (0.1 if fp.email_repaired else 0))
    d.offer("phone", fp.phone, src, conf)


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
        name, gender = name_from_line(ln)
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
        name, gender, pos = tenant_from_corp_letter(lay.span_text(lay.header_end, lay.quoted))
        if name:
            tenant.offer("name", name, "text: klacht van", 0.8 - pen)
            if gender:
                tenant.offer("gender", gender, "text: aanhef bij de naam", 0.8 - pen)
            # the name may first appear in the "Betreft:" line and the address later, or wrap a line
            for occ in re.finditer(r"\s+".join(map(re.escape, name.split())), text):
                around = text[occ.end():occ.end() + 300]
                found = address_after_name(around) or address_in_text(around[:150])
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
    if "complainant" in form and "representative" not in form:
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
    if m and (n := clean_name(m.group("name"))):
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
    lawyer = bool(LAWYER.search(lay.span_text(lay.header_end, lay.head_end) + "\n" + sig_text)) or \
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
            found = address_in_text(text)
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
        tname, tg2 = tenant_name_elsewhere(text, rep.tenant_rel)
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
            found = address_in_text(sent)
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
