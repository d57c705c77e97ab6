"""Person names in Dutch letters: titles (and the gender they imply), name shapes, a sanity check."""

from __future__ import annotations

import re

# title -> gender ("m"/"v"/None); longest first so "de heer" wins over "heer"
TITLES: list[tuple[str, str | None]] = [
    (r"de\s+heer", "m"), (r"dhr\.?", "m"), (r"heer", "m"), (r"meneer", "m"), (r"mijnheer", "m"),
    (r"mevrouw", "v"), (r"mevr\.?", "v"), (r"mw\.?", "v"), (r"mej\.?", "v"), (r"juffrouw", "v"),
    (r"mr\.", None), (r"dr\.", None), (r"drs\.", None), (r"ir\.", None), (r"ing\.", None),
    (r"prof\.", None),
]
TITLE = r"(?:" + "|".join(t for t, _ in TITLES) + r")"
TITLE_RE = re.compile(rf"^\s*(?P<title>(?:{TITLE})(?:\s+(?:{TITLE}))*)\s+", re.IGNORECASE)

# "A.", "J.P.", "Th.", "Chr." (with or without spaces between the initials)
INITIALS = r"(?:[A-Z][a-z]{0,2}\.[ ]?){1,4}"
TUSSEN = r"(?:(?:van|de|der|den|het|'t|ter|ten|te|in|op|el|al|la|le|du|da|di|dos|von|Van|De|Der|Den|El|Al)[ ]+)"
WORD = r"[A-Z][a-zà-ÿ'’]+(?:-[A-Za-zà-ÿ'’]+)*"
CAPS_WORD = r"[A-Z][A-Z'’]{2,}(?:-[A-Z'’]+)*"  # "BAKKER"
SURNAME = rf"{TUSSEN}*(?:{WORD}|{CAPS_WORD})(?:[ ]?-[ ]?{TUSSEN}*{WORD})?"
# a full name: initials + surname, or first name(s) + surname
FULL_NAME = rf"(?:{INITIALS}[ ]?{SURNAME}|{WORD}(?:[ ]+{WORD})?[ ]+{SURNAME})"
# after a title a bare surname is enough ("mevrouw Bakker")
TITLED_NAME = rf"(?:{FULL_NAME}|{SURNAME})"

_STOP = {
    "geachte", "beste", "betreft", "onderwerp", "datum", "postbus", "klachtencommissie", "commissie",
    "met", "vriendelijke", "groet", "groeten", "hoogachtend", "bijlage", "bijlagen", "telefoon", "tel",
    "email", "e-mail", "mail", "dear", "verzonden", "van", "aan", "cc", "ik", "wij", "hij", "zij", "het",
    "de", "deze", "dit", "dat", "die", "mijn", "onze", "uw", "u", "hierbij", "graag", "namens", "inzake",
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
    "november", "december", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    "utrecht", "nieuwegein", "houten", "woerden", "maarssen", "vianen", "zeist", "vleuten", "bilthoven",
    "cothen", "maarn", "ijsselstein", "amersfoort", "amsterdam", "rotterdam", "afdeling", "team",
    "klantenservice", "secretariaat", "secretaris", "voorzitter", "directie", "stichting", "woningcorporatie",
    "corporatie", "woonstichting", "woningstichting", "woningbouwvereniging", "wonen", "huurder", "huurders",
    "klager", "klaagster", "gemachtigde", "advocaat", "advocatenkantoor", "kantoor", "buurtteam", "wijkteam",
    "huurdersvereniging", "vereniging", "gemeente", "regio", "klacht", "klachten", "reactie", "aanvulling",
    "intrekking", "besluit", "advies", "ontvangstbevestiging", "handtekening", "naam", "adres", "postcode",
    "woonplaats", "plaats", "straat", "verstuurd", "sent", "from", "to", "subject", "re", "fw", "fwd",
    "bedankt", "dank", "alvast", "tevens", "ook", "nog", "en", "of", "ten", "ter", "te", "op", "in", "bij",
    "iphone", "android", "outlook", "samsung", "galaxy", "kind", "regards", "thanks", "sincerely",
    "mitros", "portaal", "ssw", "wuta", "viveste", "lekstede", "jutphaas", "groenwest", "cocon", "bo-ex",
    "boex", "woningraat", "hallo", "hoi", "dag", "goedemorgen", "goedemiddag", "goedenavond", "l.s.",
    "bewoner", "bewoners", "familie", "fam", "medewerker", "klantadviseur", "manager", "teamleider",
    "opzichter", "consulent", "wijkconsulent", "woonconsulent", "huismeester", "directeur", "bestuurder",
}
_ORG_WORDS = re.compile(
    r"\b(?:stichting|woningcorporatie|wonen|woonstichting|woningstichting|woningbouwvereniging|vereniging|"
    r"advocat\w*|kantoor|b\.?v\.?|n\.?v\.?|gemeente|commissie|klachtencommissie|afdeling|buurtteam|wijkteam|"
    r"huurdersvereniging|huurdersbelang|juridisch|loket|postbus|t\.a\.v\.?|secretariaat|team|service|"
    r"bewonerscommissie)\b",
    re.IGNORECASE,
)


def split_title(text: str) -> tuple[str | None, str, str | None]:
    """'Dhr. A. Bakker' -> ('m', 'A. Bakker', 'Dhr.'). Gender None when no gendered title."""
    m = TITLE_RE.match(text)
    if not m:
        return None, text.strip(), None
    title = m.group("title")
    gender = title_gender(title)
    return gender, text[m.end():].strip(), title


def title_gender(title: str | None) -> str | None:
    if not title:
        return None
    t = " " + re.sub(r"\s+", " ", title.strip().lower()) + " "
    for pat, g in TITLES:
        if g and re.search(rf"(?<!\S){pat}(?!\S)", t):
            return g
    return None


def looks_like_name(text: str, *, allow_single: bool = False) -> bool:
    """A plausible person name: 1-6 capitalised words/initials, no digits, not a known non-name."""
    s = text.strip().strip(",")
    if not s or len(s) > 60 or re.search(r"[\d@:;/\\()<>|=+_]", s):
        return False
    if _ORG_WORDS.search(s):
        return False
    words = s.split()
    if len(words) > 6:
        return False
    caps = 0
    for w in words:
        lw = w.casefold().strip(".,")
        if lw in _STOP and not re.fullmatch(r"(?:van|de|der|den|het|te|ten|ter|op|in)", lw):
            return False
        if re.fullmatch(r"(?:[A-Z][a-z]{0,2}\.)+", w):
            caps += 1
        elif re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-Za-zà-ÿ'’]+)*|[A-Z][A-Z'’\-]+", w):
            caps += 1
        elif re.fullmatch(r"(?:van|de|der|den|het|'t|ter|ten|te|in|op|el|al|la|le|du|da|di|dos|von|bin|ben)", w):
            continue
        else:
            return False
    if caps == 0:
        return False
    if caps == 1 and len(words) == 1 and not allow_single:
        return False
    return True


def tidy_name(name: str) -> str:
    """Trim punctuation; 'BAKKER' stays as written except a fully upper-case name gets capitalised."""
    name = re.sub(r"\s+", " ", name).strip(" ,.;:") if not re.search(r"\b[A-Z]\.$", name.strip()) \
        else re.sub(r"\s+", " ", name).strip(" ,;:")
    if name.isupper() and len(name) > 3:
        name = " ".join(w.capitalize() if len(w) > 2 else w for w in name.split())
    # "Bakker, A." (e-mail display names) -> "A. Bakker"
    m = re.fullmatch(r"([A-Z][\w'’\-]+(?: [\w'’\-]+)*), ((?:[A-Z]\.)+|[A-Z][a-z]+)(?: (van|de|van der|van de|den))?",
                     name)
    if m:
        tussen = f" {m.group(3)}" if m.group(3) else ""
        name = f"{m.group(2)}{tussen} {m.group(1)}"
    return name


# First names, only to choose between "zoon"/"dochter" for a writer without a title.
_FEMALE = set("""
anna anne annemarie anneke annie astrid bea bianca carla carolien caroline cindy claudia corrie daphne
debby demi diana dina elif elisabeth ellen els emma esra esther eva evelien fatima fatma femke floor
gerda greet hanna hannah hatice hayat ilse ineke ingrid iris jacqueline janneke jantine jenny joke
josephine judith julia karin kim laura lieke linda lisa lotte maaike marja marieke marloes martine
maria marianne mariam meryem mieke miriam monique naima nadia nicole noor nora patricia petra rachida
renate rianne rita rosa samira sandra sanne sara sarah saskia sophie sylvia tamara tineke trudy
wendy wilma yvonne zeynep zineb loes marijke henny ria tiny truus
""".split())
_MALE = set("""
ahmed ali anton arie bart bas ben bert bram cees chris daan david dennis dirk emre erik evert frank
frans freek gerard gert hans hassan hendrik henk herman hugo jaap jan jasper jeroen joost johan
jos kees klaas koen luuk maarten marco mark martin mehmet michel mohamed mohammed mustafa niels
paul peter piet pieter richard rob robert roel ruben rudi sander sjaak stefan sven thijs thomas
tim tom ton wim willem youssef yusuf khalid karim omar rachid said hamza mourad jeroen wouter
""".split())


def first_name_gender(name: str | None) -> str | None:
    if not name:
        return None
    first = name.split()[0].casefold().strip(".,")
    if first in _FEMALE:
        return "v"
    if first in _MALE:
        return "m"
    return None
