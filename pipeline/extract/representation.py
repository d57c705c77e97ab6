"""Who writes for whom: a representative writing on behalf of the tenant, and the tenant in a corporation's letter.

"Namens mijn moeder, mevrouw De Boer", "als gemachtigde van de heer X", "ik schrijf deze brief voor
mijn buurman", an advocaat's "mijn cliënte", a buurtteam: the writer is the representative, with
their relation to the tenant, and the tenant named is the complainant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .names import FULL_NAME, INITIALS, TITLE, TITLED_NAME, clean_name, title_gender
from .patterns import lower

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
LAWYER = re.compile(r"\badvoca(?:at|te|ten)\w*|\bmr\.\s|\braads(?:man|vrouw)\b|\bcli[eë]nte?\b", re.IGNORECASE)


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
    name = clean_name(gd.get("name"))
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
            return Representation(_norm_role(m.group("rel")), sent, clean_name(tm.group("name")),
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
            name = clean_name(m.group("name"))
            return _norm_role(m.group("rel")), name, title_gender(m.group("title")) if m.group("title") else None
    return None


def tenant_name_elsewhere(text: str, rel_word: str | None) -> tuple[str | None, str | None]:
    """'mijn moeder, mevrouw J. de Boer, woont ...' anywhere in the text."""
    if rel_word:
        rx = re.compile(rf"(?i:\b(?:mijn|onze|m'n)\s+{re.escape(rel_word)})\b,?\s*(?:(?P<title>(?i:{TITLE}))\s+)?"
                        rf"(?P<name>{TITLED_NAME})")
        for m in rx.finditer(text):
            name = clean_name(m.group("name"))
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


def tenant_from_corp_letter(text: str) -> tuple[str | None, str | None, int]:
    for rx in _TENANT_IN_CORP:
        for m in rx.finditer(text):
            name = clean_name(m.group("name"))
            if name:
                return name, title_gender(m.group("title")) if m.group("title") else None, m.start()
    return None, None, -1
