"""Admissibility signals (FLAGS) in the text, each with the sentence that raised it.

These are suggestions for the secretary, never decisions, but a wrong one costs a person's time:
negations ("het gaat niet om de huurprijs"), threats ("anders stap ik naar de rechter") and
counter-evidence ("ik heb op 3 maart een klacht ingediend bij Mitros") suppress a flag.
"""

from __future__ import annotations

import datetime as dt
import re

from ..models import Field
from .dates import MONTHS, find_dates
from .layout import Layout
from .patterns import Phrase, lower, negated, sentences

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))

HUURPRIJS = Phrase(
    r"\bhuurverhoging\w*|\bhuurprijs\w*|\bhuurverlaging\w*|\bhuurharmonisatie\b|\bhuurbedrag\w*|"
    r"\b(?:te\s+)?hoge\s+huur\b|\bkale\s+huur\b|\bhuur\s+(?:is|wordt|werd|gaat)\s+(?:\w+\s+){0,2}(?:te\s+hoog|verhoogd|omhoog)")
SERVICEKOSTEN = Phrase(
    r"\bservicekosten\w*|\bwarmtelevering\w*|\b(?:jaar)?afrekening\s+(?:van\s+de\s+)?"
    r"(?:service|stook|energie|warmte)\w*|\bvoorschot\s+(?:service|stook)\w*")
# "stookkosten" alone is often the tenant's own energy bill ("door de tocht zijn mijn stookkosten hoog"):
# only with words of a settlement by the corporation
STOOKKOSTEN = Phrase(r"\bstookkosten\w*|\bwarmtekosten\b")
_SETTLEMENT = re.compile(r"afrekening|voorschot|berekend|in\s+rekening|verrekening|blokverwarming|collectieve|"
                         r"warmtewet|rekent|aangerekend")
RECHTER = Phrase(
    r"\b(?:kanton)?rechter\b(?!\s+(?:kant|muur|raam|slaapkamer|deur|hoek|zijde|buren|buurman|buurvrouw|woning|"
    r"gevel|kamer|been|arm|hand|oog|zij|helft))|\brechtbank\w*|\bkort\s+geding\b|\bdagvaard\w*|\brechtszaak\w*|"
    r"\bgerechtelijke\s+procedure\b|\b(?:juridische\s+)?procedure\s+(?:loopt|lopen|is\s+gestart|is\s+begonnen|"
    r"aangespannen)\b|\bbij\s+de\s+rechter\b")
HUURCOMMISSIE = Phrase(
    r"\bhuurcommissie\b")
AL_GEADVISEERD = Phrase(
    r"\b(?:commissie|u|jullie)\s+(?:heeft|hebt|had|hebben)\s+(?:\w+\s+){0,3}(?:al|eerder|reeds|vorig\s+jaar)\s+"
    r"(?:\w+\s+){0,3}(?:advies|geadviseerd)|"
    r"\b(?:eerder|eerdere|vorig|vorige|reeds|al)\s+(?:\w+\s+){0,2}advies\s+(?:van\s+)?(?:de|uw|jullie)\s+"
    r"(?:klachten)?commissie|"
    r"\b(?:al|eerder|reeds)\s+(?:eens\s+)?(?:een\s+)?(?:klacht|zaak)\s+(?:\w+\s+){0,4}(?:bij|aan|voorgelegd\s+aan)\s+"
    r"(?:de|uw|jullie)\s+(?:klachten)?commissie|"
    r"\bopnieuw\s+(?:\w+\s+){0,4}(?:bij|aan)\s+(?:de|uw|jullie)\s+(?:klachten)?commissie|"
    r"\badvies\s+(?:\w+\s+){0,5}niet\s+(?:opgevolgd|overgenomen|uitgevoerd)")
GEEN_EERDERE = Phrase(
    r"\b(?:nog\s+)?(?:geen|nooit\s+een|nooit)\s+(?:officiële\s+|officiele\s+|schriftelijke\s+|formele\s+|echte\s+)?"
    r"klacht\s+(?:\w+\s+){0,4}(?:ingediend|gestuurd|gedaan|neergelegd|ingestuurd)|"
    r"\bnog\s+niet\s+(?:eerder\s+)?(?:schriftelijk\s+)?(?:\w+\s+){0,3}(?:geklaagd|gemeld|ingediend|aangekaart|gereclameerd)|"
    r"\b(?:nog\s+)?(?:geen|nooit\s+een)\s+(?:brief|e-?mail|mail|klachtbrief)(?:\s+of\s+(?:brief|e-?mail|mail))?\s+"
    r"(?:\w+\s+){0,3}(?:gestuurd|geschreven|verstuurd)|"
    r"\b(?:alleen|enkel|slechts|uitsluitend)\s+(?:maar\s+)?(?:telefonisch|mondeling|via\s+de\s+telefoon|aan\s+de\s+balie)|"
    r"\b(?:heb|hebben)\s+(?:\w+\s+){0,3}(?:alleen|enkel|slechts)\s+(?:maar\s+)?(?:gebeld|opgebeld|telefonisch|mondeling)|"
    r"\bniet\s+(?:eerst\s+)?(?:schriftelijk\s+)?(?:bij\s+(?:\w+\s+){1,2})?(?:geklaagd|ingediend)\b|"
    r"\brechtstreeks\s+(?:naar|bij|aan)\s+(?:u|de\s+commissie|uw\s+commissie|jullie)\b|"
    r"\bgeen\s+(?:schriftelijke\s+)?klacht\s+(?:van\s+\w+(?:\s+\w+)?\s+)?(?:ontvangen|bekend)|"
    r"\bniet\s+(?:eerst\s+)?bij\s+ons\s+(?:ingediend|gemeld|neergelegd)")
# a written complaint to the corporation was made: then "geen eerdere klacht" does not hold
WRITTEN_BEFORE = Phrase(
    r"\bklacht\s+(?:\w+\s+){0,4}(?:ingediend|gestuurd|neergelegd|ingestuurd)\s+(?:bij|naar|aan)\b|"
    r"\b(?:ingediend|gestuurd)\s+(?:bij|naar|aan)\s+(?!u\b|de\s+commissie|uw\s+commissie)\w+|"
    r"\b(?:brief|e-?mail|mail|klachtenformulier|klachtformulier|aangetekende\s+brief)\s+(?:\w+\s+){0,4}"
    r"(?:gestuurd|geschreven|verstuurd|ingediend|ingevuld)|"
    r"\bschriftelijk\s+(?:\w+\s+){0,2}(?:geklaagd|gemeld|ingediend|bezwaar)|"
    r"\b(?:heb|hebben)\s+(?:\w+\s+){0,4}(?:gemaild|aangeschreven)|"
    r"\binterne\s+klachtenprocedure\s+(?:\w+\s+){0,3}(?:doorlopen|gevolgd)|"
    r"\bklacht\s+(?:\w+\s+){0,3}(?:afgewezen|ongegrond\s+verklaard)|"
    r"\bbinnen\s+(?:1|een|één)\s+maand\s+(?:\w+\s+){0,3}geen\s+(?:inhoudelijke\s+)?(?:reactie|antwoord)|"
    r"\bop\s+mijn\s+(?:klacht|brief|e-?mail|mail)\b")
NO_NAME = "geen naam van de klager gevonden"
ANONIEM = Phrase(
    r"\banoniem\w*")

_HYPOTHETICAL = re.compile(
    r"\b(?:anders|overweeg\w*|desnoods|eventueel|zou|zouden|zal\s+ik|zullen\s+wij|dreig\w*|indien|voordat|"
    r"voorkomen|misschien|wellicht|mogelijk|kan\s+ik|kunnen\s+wij|moet\s+ik\s+dan|ga\s+ik|stap\s+ik|"
    r"liever\s+niet|wil\s+ik\s+niet|niet\s+naar|mogelijkheid|kunt|kan\s+(?:zich|u|zij|hij)|wenden)\b", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;:()]|\s(?:en|maar|omdat|want|terwijl|doch|sinds\s+toen)\s", re.IGNORECASE)
_NOT_CONDUCT = re.compile(r"\b(?:woon|wonen|woont|woonde|gewoond|huurder|huurster|huur\w*\s+(?:ik|wij|we)|"
                          r"(?:ik|wij|we)\s+huur\w*|geboren|"
                          r"contract|ingeschreven|getrouwd|verhuisd|werk|werkt|werkte|lid)\b", re.IGNORECASE)
_NUMBERS = {"twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9, "tien": 10,
            "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16, "achttien": 18,
            "twintig": 20, "anderhalf": 1.5, "een": 1, "één": 1}
_SINCE = re.compile(
    rf"\b(?:sinds|vanaf|sedert|begin|eind|medio|in|per|al\s+sinds)\s+(?:(?P<pre>begin|eind|half|medio|de\s+zomer\s+van|"
    rf"de\s+winter\s+van)\s+)?(?:(?P<d>[0-3]?\d)\s+)?(?:(?P<m>{_MONTH_ALT})\.?\s+)?(?P<y>(?:19|20)\d\d)\b")
_ALREADY = re.compile(
    r"\b(?:al|nu\s+al|inmiddels|ruim|meer\s+dan)\s+(?P<q>meer\s+dan\s+|ruim\s+|bijna\s+|ongeveer\s+|zo'?n\s+|"
    r"circa\s+)?(?P<n>\d+|\w+)\s+(?P<u>jaar|jaren|maanden)\b", re.IGNORECASE)


_YEAR = re.compile(r"(?:19|20)\d\d")


def _short(s: str) -> str:
    s = re.sub(r"\s+", " ", s).strip()
    return s if len(s) <= 240 else s[:237] + "..."


def _clause(sentence: str, start: int, end: int) -> str:
    cuts = [m.end() for m in _CLAUSE.finditer(sentence[:start])]
    a = cuts[-1] if cuts else 0
    m2 = _CLAUSE.search(sentence, end)
    b = m2.start() if m2 else len(sentence)
    return sentence[a:b]


def _conduct_date(m: re.Match[str]) -> dt.date:
    """The latest day the phrase can mean ('sinds 2023' -> 31-12-2023), to flag only sure cases."""
    y = int(m.group("y"))
    if m.group("m"):
        mon = MONTHS[m.group("m").casefold()]
        if m.group("d"):
            try:
                return dt.date(y, mon, int(m.group("d")))
            except ValueError:
                pass
        nxt = dt.date(y + (mon == 12), mon % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    pre = (m.group("pre") or "").casefold()
    if pre in ("begin",):
        return dt.date(y, 4, 30)
    if pre in ("half", "medio") or "zomer" in pre:
        return dt.date(y, 9, 30)
    return dt.date(y, 12, 31)


def _termijn(sentence: str, ref: dt.date | None, dates: list[tuple[dt.date, int, int]]) -> bool:
    low = lower(sentence)
    if not ("jaar" in low or "jaren" in low or "maanden" in low or _YEAR.search(low) or dates):
        return False
    for m in _ALREADY.finditer(low):
        if _NOT_CONDUCT.search(_clause(low, m.start(), m.end())) or negated(sentence, m.start()):
            continue
        raw = m.group("n")
        n = float(raw) if raw.isdigit() else _NUMBERS.get(raw)
        if n is None:
            continue
        unit = m.group("u")
        q = m.group("q") or ""
        months = n * 12 if unit.startswith("jaar") else n
        if months > 12 or (months == 12 and q.startswith(("meer", "ruim"))):
            return True
    if ref is None:
        return False
    for m in _SINCE.finditer(low):
        if _NOT_CONDUCT.search(_clause(low, m.start(), m.end())):
            continue
        if (ref - _conduct_date(m)).days > 365:
            return True
    for d, a, b in dates:
        if _NOT_CONDUCT.search(_clause(low, a, b)):
            continue
        if dt.timedelta(days=365) < ref - d < dt.timedelta(days=365 * 60):
            return True
    return False


def find_flags(lay: Layout, *, letter_date: Field | None, email_date: str | None, complainant_name: Field | None,
               kind: str, today: dt.date | None = None) -> dict[str, str]:
    text = lay.span_text(lay.header_end, lay.quoted)
    if lay.subject and lay.subject_line is None and not re.match(r"\s*(?:re|antw|fw|fwd)\s*:", lay.subject, re.IGNORECASE):
        text = lay.subject + "\n" + text  # the subject of a reply repeats the earlier message
    ref: dt.date | None = None
    for raw in ((letter_date.value if letter_date else None), email_date):
        if raw:
            try:
                ref = dt.date.fromisoformat(str(raw)[:10])
                break
            except ValueError:
                pass
    flags: dict[str, str] = {}
    head_chars = len(lay.span_text(lay.header_end, lay.head_end))
    sents = [(pos, s, lower(s)) for pos, s in sentences(text)]
    # the sentence shown for a flag: one from the body rather than the "Betreft:" line
    sents = [x for x in sents if x[0] > head_chars] + [x for x in sents if x[0] <= head_chars]
    written_before = False
    full_low = lower(text)
    if WRITTEN_BEFORE.present(full_low):
        for _, s, low in sents:
            for m in WRITTEN_BEFORE.finditer(low, checked=True):
                if not negated(s, m.start()):
                    written_before = True

    def first(rx: Phrase, *, hypothetical_ok: bool = True, negatable: bool = True) -> str | None:
        if not rx.present(full_low):
            return None
        for _, s, low in sents:
            for m in rx.finditer(low, checked=True):
                if negatable and negated(s, m.start()):
                    continue
                if not hypothetical_ok and _HYPOTHETICAL.search(_clause(low, m.start(), m.end())):
                    continue
                return _short(s)
        return None

    if "servicekosten" not in flags and STOOKKOSTEN.present(full_low):
        for _, s, low in sents:
            if STOOKKOSTEN.search(low) and _SETTLEMENT.search(low) and not negated(s, STOOKKOSTEN.search(low).start()):
                flags["servicekosten"] = _short(s)
                break
    for name, rx, kw in (("huurprijs", HUURPRIJS, {}), ("servicekosten", SERVICEKOSTEN, {}),
                         ("rechter", RECHTER, {"hypothetical_ok": False}),
                         ("huurcommissie", HUURCOMMISSIE, {"hypothetical_ok": False})):
        hit = first(rx, **kw)
        if hit:
            flags[name] = hit
    if not written_before:
        hit = first(GEEN_EERDERE, negatable=False)
        if hit:
            flags["geen_eerdere_klacht"] = hit
    if kind != "besluit_corporatie":
        hit = first(AL_GEADVISEERD, negatable=False)
        if hit:
            flags["al_geadviseerd"] = hit
    if kind in ("klacht", "aanvulling", "overig"):
        today = today or dt.date.today()
        for _, s, _ in sents:
            has_date = re.search(r"(?:19|20)\d\d|\d[-/.]\d{1,2}[-/.]\d\d", s)
            ds = [(d.date, d.start, d.end) for d in find_dates(s)] if has_date else []
            if _termijn(s, ref, ds) or (ref is None and _years_only(lower(s), today)):
                flags["termijn"] = _short(s)
                break
    if kind == "klacht":
        hit = first(ANONIEM)
        if hit:
            flags["anoniem"] = hit
        elif complainant_name is None:
            flags["anoniem"] = NO_NAME
    return flags


def _years_only(sentence: str, today: dt.date) -> bool:
    """Without a letter date, only a year clearly long ago counts ('sinds 2019')."""
    for m in _SINCE.finditer(sentence):
        if _NOT_CONDUCT.search(_clause(sentence, m.start(), m.end())):
            continue
        if int(m.group("y")) < today.year - 1:
            return True
    return False
