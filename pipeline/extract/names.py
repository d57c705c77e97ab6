"""Person names in Dutch letters: titles (and the gender they imply), name shapes, a sanity check."""

from __future__ import annotations

import re
import unicodedata

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
WORD = r"[A-ZÀ-ÖØ-ÞŞİ][a-zà-ÿĀ-ſ'’]+(?:-[A-Za-zà-ÿĀ-ſ'’]+)*"
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
        if re.fullmatch(r"(?:[A-Z][a-z]{0,2}\.)+", w) or re.fullmatch(r"[A-ZÀ-ÝĀ-ſ][a-zà-ÿĀ-ſ'’]+(?:-[A-Za-zà-ÿĀ-ſ'’]+)*|[A-Z][A-Z'’\-]+", w):
            caps += 1
        elif re.fullmatch(r"(?:van|de|der|den|het|'t|ter|ten|te|in|op|el|al|la|le|du|da|di|dos|von|bin|ben)", w):
            continue
        else:
            return False
    if caps == 0:
        return False
    return not (caps == 1 and len(words) == 1 and not allow_single)


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
_FEMALE = frozenset({
    "aaltje", "adrie", "agnes", "aicha", "aisha", "alexandra", "alida", "alie", "amber",
    "amira", "amy", "angela", "angelique", "anita", "anja", "anke", "anna", "anne", "anneke",
    "annelies", "annemarie", "annet", "annette", "annie", "ans", "antje", "astrid", "ayse",
    "barbara", "bea", "bep", "berber", "bernadette", "bertha", "bettie", "betty", "bianca",
    "bregje", "brenda", "carin", "carla", "carolien", "carolina", "caroline", "catharina",
    "chantal", "charlotte", "christa", "christel", "christina", "cindy", "cisca", "claudia",
    "cora", "cornelia", "corrie", "danielle", "daniëlle", "daphne", "debby", "demi", "dewi",
    "diana", "dianne", "dina", "dineke", "dora", "dorien", "doris", "dounia", "edith", "elif",
    "eline", "elisabeth", "elise", "ellen", "elly", "els", "elske", "emine", "emma", "esmee",
    "esra", "esther", "eva", "evelien", "evi", "fatima", "fatma", "femke", "fenna", "fleur",
    "floor", "francien", "frederique", "geertje", "gerarda", "gerda", "gerdien", "gerrie",
    "gonny", "greet", "greetje", "hafsa", "hanna", "hannah", "hanneke", "hannie", "harriet",
    "hatice", "hayat", "heleen", "helen", "helena", "henny", "henriëtte", "hilda", "hilde",
    "houda", "ida", "ilse", "ines", "helene", "annemiek", "josee", "mireille", "nathalie", "celine", "chloe", "noemi", "ineke", "inge", "ingeborg", "ingrid", "irene", "iris", "jacoba",
    "jacqueline", "janneke", "jannie", "jantine", "jeanette", "jennifer", "jenny", "jet",
    "joke", "jolanda", "josephine", "judith", "julia", "karima", "karin",
    "katja", "khadija", "kim", "kirsten", "klaartje", "kristel", "lara", "latifa", "laura",
    "lea", "lenie", "leonie", "lidia", "lidwien", "lieke", "lies", "liesbeth", "lilian", "lina",
    "linda", "lisa", "lisanne", "lize", "loes", "lotje", "lotte", "lucia", "lydia", "maaike",
    "madelief", "malak", "malika", "manon", "margreet", "margriet", "maria", "mariam", "marian",
    "marianne", "marieke", "marijke", "marike", "marina", "marja", "marjan", "marjolein",
    "marleen", "marlies", "marloes", "martha", "martine", "maud", "melanie", "merel", "meryem",
    "mieke", "mila", "miriam", "mirjam", "moniek", "monique", "myrthe", "nadia", "naima",
    "nel", "nelleke", "nicole", "nienke", "noa", "noor", "nora", "nour", "olga",
    "patricia", "paula", "pauline", "petra", "rachida", "rebecca", "renate", "ria", "rianne",
    "riet", "rina", "rita", "roos", "rosa", "rosalie", "ruth", "sabine", "salma", "samira",
    "sandra", "sanne", "sara", "sarah", "saskia", "selma", "sevda", "silvia", "simone", "sofie",
    "sonja", "sophie", "soumaya", "stefanie", "suzanne", "sylvia", "tamara", "tanja", "tessa",
    "thea", "tineke", "tiny", "trees", "trudy", "truus", "ursula", "vera", "wendy",
    "wilhelmina", "willeke", "willemijn", "wilma", "yasmina", "yasmine", "yolanda", "yvonne",
    "zeynep", "zineb", "zohra", "zoë",
})
_MALE = frozenset({
    "aad", "abdel", "abdelkader", "abdullah", "adam", "adriaan", "ahmed", "rene", "andre", "gerard", "michel", "pascal", "francois", "ahmet", "albert",
    "alexander", "alfred", "ali", "andries", "andré", "anton", "ard", "arie", "arjan",
    "arnold", "arthur", "bart", "bas", "ben", "benjamin", "bernard", "bert", "bilal", "bob",
    "boris", "brahim", "bram", "camiel", "casper", "cees", "chris", "cor", "cornelis", "daan",
    "daniel", "daniël", "david", "dennis", "dick", "dirk", "driss", "eduard", "edwin", "egbert",
    "elias", "emiel", "emre", "erik", "erwin", "evert", "ewout", "fabian", "ferdinand",
    "floris", "frank", "frans", "fred", "frederik", "freek", "frits", "gerben",
    "gerjan", "gerrit", "gert", "gert-jan", "gertjan", "gijs", "gilles", "guus", "hakan",
    "hamid", "hamza", "hans", "harm", "harry", "hasan", "hassan", "hendrik", "hendrikus",
    "henk", "herman", "hidde", "hugo", "huib", "huseyin", "hüseyin", "ibrahim", "idris",
    "ismail", "ivo", "jaap", "jacob", "jacques", "jakob", "jamal", "jan", "jan-willem",
    "jasper", "jelle", "jens", "jeroen", "jesse", "joep", "johan", "johannes", "joost", "jordi",
    "jorg", "joris", "jos", "jozef", "julian", "justin", "kamal", "karim", "kees", "kemal",
    "kevin", "khalid", "klaas", "koen", "koos", "lars", "laurens", "leo", "leon", "levi", "luc",
    "lucas", "ludo", "luuk", "maarten", "marcel", "marco", "marinus", "mark", "martijn",
    "martin", "matthijs", "max", "mehmet", "melvin", "michiel", "milan", "mohamed",
    "mohammed", "mourad", "murat", "mustafa", "nick", "nico", "niels", "noah", "noud", "olaf",
    "omar", "onur", "otto", "patrick", "paul", "peter", "piet", "pieter", "pim", "quinten",
    "rachid", "ramon", "reinier", "remco", "rené", "richard", "rick", "rik", "rinus", "rob",
    "robbert", "robert", "roel", "rogier", "roland", "ronald", "roy", "ruben", "rudi", "rutger",
    "ruud", "said", "sam", "samuel", "sander", "sebastiaan", "sem", "simon", "sjaak", "stan",
    "stefan", "stijn", "sven", "teun", "theo", "thijs", "thom", "thomas", "tijs", "tim", "timo",
    "tobias", "tom", "ton", "twan", "umut", "victor", "vincent", "wessel", "wijnand", "wilco",
    "willem", "willem-jan", "wim", "wouter", "yassin", "yassine", "younes", "youssef", "yusuf",
    "zakaria",
})


def _fold(word: str) -> str:
    """Lowercase without accents: Inès -> ines, Hüseyin -> huseyin."""
    word = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in word if not unicodedata.combining(ch))


_FEMALE_F = frozenset(map(_fold, _FEMALE))
_MALE_F = frozenset(map(_fold, _MALE))


def first_name_gender(name: str | None) -> str | None:
    if not name:
        return None
    first = _fold(name.split()[0].strip(".,"))
    if first in _FEMALE_F:
        return "v"
    if first in _MALE_F:
        return "m"
    return None


def name_from_line(line: str) -> tuple[str | None, str | None]:
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


def clean_name(name: str | None) -> str | None:
    """A name caught by a pattern, cut before the words that follow it ("X die niet kan lezen" -> "X")."""
    if not name:
        return None
    name = re.split(r"\s+(?:en|die|dat|uit|van\s+de|van\s+het|te|in|op|aan)\s", name)[0]
    name = name.strip(" ,.")
    return tidy_name(name) if looks_like_name(name, allow_single=True) else None
