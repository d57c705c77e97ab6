"""Fictional tenants, addresses and the 15 corporations, realistic for the Utrecht region."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

# Postcode letters: F, I, O, Q, U and Y are never used, nor the pairs SA, SD and SS.
_PC_LETTERS = "ABCDEGHJKLMNPRTVWXZ"

FEMALE = (
    "Fatima",
    "Anna",
    "Maria",
    "Sanne",
    "Ingrid",
    "Petra",
    "Yvonne",
    "Naima",
    "Ilse",
    "Marieke",
    "Sevda",
    "Joke",
    "Wilma",
    "Linda",
    "Esther",
    "Monique",
    "Karin",
    "Samira",
    "Agnes",
    "Gerda",
    "Ria",
    "Lotte",
    "Fleur",
    "Annemiek",
    "Hatice",
    "Nadia",
    "Tineke",
    "Els",
)
MALE = (
    "Mohamed",
    "Kees",
    "Jan",
    "Henk",
    "Pieter",
    "Ahmed",
    "Mehmet",
    "Ruud",
    "Dennis",
    "Bas",
    "Hans",
    "Gerrit",
    "Thijs",
    "Youssef",
    "Erik",
    "Marco",
    "Rachid",
    "Wim",
    "Sjoerd",
    "Arjen",
    "Kemal",
    "Johan",
    "Martijn",
    "Said",
    "Frank",
    "Rob",
)
# Not the committee's own names (de Vries, Jansen, Bakker, Smit): extraction must not confuse them.
SURNAMES = (
    "el Amrani",
    "Yilmaz",
    "van Dijk",
    "Visser",
    "de Graaf",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "van den Heuvel",
    "Kok",
    "Verhoeven",
    "van Beek",
    "Schouten",
    "Hoekstra",
    "Koster",
    "Kuipers",
    "Postma",
    "Ouali",
    "Bouzid",
    "Kaya",
    "Meijer",
    "Willems",
    "van Vliet",
    "Jacobs",
    "de Haan",
    "Boukhari",
    "van Rooijen",
    "Wouters",
    "Timmer",
    "Verbeek",
    "Bosman",
    "Hermans",
)
# Names with accents, for documents that are not OCR'd (e-mail, DOCX).
ACCENTED = (
    ("Hélène", "van der Berg", "v"),
    ("Zoë", "Jansen", "v"),
    ("Chloë", "de Bruijn", "v"),
    ("Anaïs", "Verhoef", "v"),
    ("René", "Lemaître", "m"),
    ("Jürgen", "Müller", "m"),
    ("Noël", "Claessens", "m"),
    ("Inès", "Benali", "v"),
)

# (street, city, postcode numbers seen on that street). Real street names, plausible postcodes.
STREETS: dict[str, list[tuple[str, tuple[int, ...]]]] = {
    "Utrecht": [
        ("Oudegracht", (3511, 3512)),
        ("Amsterdamsestraatweg", (3551, 3553, 3554)),
        ("Vleutenseweg", (3532,)),
        ("Kanaalstraat", (3531,)),
        ("Columbuslaan", (3526,)),
        ("Marshalllaan", (3527,)),
        ("Zamenhofdreef", (3562,)),
        ("Teun de Jagerdreef", (3561,)),
        ("Gageldijk", (3566,)),
        ("Briljantlaan", (3523,)),
        ("Biltstraat", (3572,)),
        ("Adelaarstraat", (3514,)),
        ("Lauwerecht", (3515,)),
        ("Ondiep-Zuidzijde", (3551,)),
        ("Bernadottelaan", (3527,)),
        ("Rijnlaan", (3522,)),
        ("Balijelaan", (3521,)),
        ("Merelstraat", (3514,)),
    ],
    "De Bilt": [("Hessenweg", (3731,)), ("Dorpsstraat", (3732,))],
    "Bilthoven": [("Soestdijkseweg Zuid", (3721,)), ("Julianalaan", (3722,))],
    "Nieuwegein": [("Lekboulevard", (3433,)), ("Buizerdlaan", (3435,)), ("Dorpsstraat", (3433,))],
    "Houten": [("Oude Dorp", (3991,)), ("Loerikseweg", (3991,)), ("Schoolsteeg", (3991,))],
    "Vleuten": [("Dorpsstraat", (3451,)), ("Schoolstraat", (3451,))],
    "De Meern": [("Zandweg", (3454,)), ("Meerndijk", (3454,))],
    "Maarssen": [("Bolensteinseweg", (3603,)), ("Valkenkamp", (3607,)), ("Bisonspoor", (3605,))],
    "Breukelen": [("Straatweg", (3621,)), ("Kerkbrink", (3621,)), ("Brugstraat", (3621,))],
    "Woerden": [("Rijnstraat", (3441,)), ("Steinhagenseweg", (3446,))],
    "Driebergen-Rijsenburg": [("Hoofdstraat", (3971, 3972)), ("Traay", (3971,))],
    "Doorn": [("Dorpsstraat", (3941,)), ("Amersfoortseweg", (3941,))],
    "Cothen": [("Dorpsstraat", (3945,))],
    "Maarn": [("Tuindorpweg", (3951,)), ("Trompenburgerweg", (3951,))],
}

AREA_CODES = {
    "Utrecht": "030",
    "De Bilt": "030",
    "Bilthoven": "030",
    "Nieuwegein": "030",
    "Houten": "030",
    "Vleuten": "030",
    "De Meern": "030",
    "Maarssen": "0346",
    "Breukelen": "0346",
    "Woerden": "0348",
    "Driebergen-Rijsenburg": "0343",
    "Doorn": "0343",
    "Cothen": "0343",
    "Maarn": "0343",
    "Vianen": "0347",
}

MAIL_DOMAINS = ("gmail.com", "hotmail.com", "ziggo.nl", "kpnmail.nl")


@dataclass(frozen=True)
class Corp:
    """A corporation as kwru.yaml names it, plus what its letters and staff look like."""

    name: str  # canonical, as in kwru.yaml
    aliases: tuple[str, ...]
    domain: str
    cities: tuple[str, ...]  # where its tenants live ("" = none in 3400-3999)
    hq_city: str
    colour: tuple[float, float, float]
    website: str
    postbus: str  # "Postbus 1234, 3500 AB Utrecht" (fictional)


CORPS: tuple[Corp, ...] = (
    Corp(
        "Bo-Ex",
        ("BoEx", "Bo Ex", "Woningstichting Bo-Ex"),
        "bo-ex.nl",
        ("Utrecht",),
        "Utrecht",
        (0.85, 0.35, 0.1),
        "www.bo-ex.nl",
        "Postbus 1872, 3503 RL Utrecht",
    ),
    Corp(
        "Cocon Wonen",
        ("Cocon", "Woningstichting Cocon Wonen"),
        "coconwonen.nl",
        ("Vleuten", "De Meern"),
        "Vleuten",
        (0.2, 0.5, 0.3),
        "www.coconwonen.nl",
        "Postbus 120, 3450 AC Vleuten",
    ),
    Corp(
        "GroenWest",
        ("Groen West", "Woonstichting GroenWest"),
        "groenwest.nl",
        ("Woerden",),
        "Woerden",
        (0.3, 0.6, 0.2),
        "www.groenwest.nl",
        "Postbus 482, 3440 AL Woerden",
    ),
    Corp(
        "Heuvelrug Wonen",
        ("HeuvelrugWonen", "Woonstichting Heuvelrug Wonen"),
        "heuvelrugwonen.nl",
        ("Driebergen-Rijsenburg", "Doorn"),
        "Driebergen-Rijsenburg",
        (0.55, 0.25, 0.45),
        "www.heuvelrugwonen.nl",
        "Postbus 215, 3970 AE Driebergen-Rijsenburg",
    ),
    Corp(
        "Jutphaas Wonen",
        ("Jutphaas", "Woningstichting Jutphaas"),
        "jutphaas.nl",
        ("Nieuwegein",),
        "Nieuwegein",
        (0.1, 0.35, 0.65),
        "www.jutphaas.nl",
        "Postbus 7064, 3430 JB Nieuwegein",
    ),
    Corp(
        "Lekstede Wonen",
        ("Lekstede",),
        "lekstedewonen.nl",
        (),
        "Vianen",
        (0.0, 0.45, 0.55),
        "www.lekstedewonen.nl",
        "Postbus 58, 4130 EB Vianen",
    ),
    Corp(
        "Mitros",
        ("Woningcorporatie Mitros", "Stichting Mitros"),
        "mitros.nl",
        ("Utrecht", "Nieuwegein"),
        "Utrecht",
        (0.75, 0.1, 0.25),
        "www.mitros.nl",
        "Postbus 2137, 3500 GC Utrecht",
    ),
    Corp(
        "Portaal Utrecht",
        ("Portaal", "Stichting Portaal"),
        "portaal.nl",
        ("Utrecht",),
        "Utrecht",
        (0.0, 0.3, 0.55),
        "www.portaal.nl",
        "Postbus 2264, 3500 GG Utrecht",
    ),
    Corp(
        "Viveste",
        ("Woningstichting Viveste",),
        "viveste.nl",
        ("Houten",),
        "Houten",
        (0.9, 0.55, 0.0),
        "www.viveste.nl",
        "Postbus 154, 3990 DD Houten",
    ),
    Corp(
        "Woningbouwstichting Cothen",
        ("WBS Cothen", "Woningstichting Cothen"),
        "wbscothen.nl",
        ("Cothen",),
        "Cothen",
        (0.4, 0.4, 0.4),
        "www.wbscothen.nl",
        "Postbus 12, 3945 ZG Cothen",
    ),
    Corp(
        "Woningbouwvereniging Maarn",
        ("WBV Maarn",),
        "wbvmaarn.nl",
        ("Maarn",),
        "Maarn",
        (0.25, 0.45, 0.25),
        "www.wbvmaarn.nl",
        "Postbus 41, 3950 AA Maarn",
    ),
    Corp(
        "Woningbouwvereniging Vecht en Omstreken",
        ("Vecht en Omstreken", "Vecht & Omstreken", "WBV Vecht en Omstreken"),
        "vechtenomstreken.nl",
        ("Breukelen", "Maarssen"),
        "Maarssen",
        (0.1, 0.4, 0.6),
        "www.vechtenomstreken.nl",
        "Postbus 1032, 3600 BA Maarssen",
    ),
    Corp(
        "Woningbouwvereniging De Woningraat",
        ("De Woningraat", "Woningraat"),
        "woningraat.nl",
        ("Maarssen",),
        "Maarssen",
        (0.6, 0.15, 0.15),
        "www.woningraat.nl",
        "Postbus 1370, 3600 BJ Maarssen",
    ),
    Corp(
        "Woningstichting Wuta",
        ("Wuta",),
        "wuta.nl",
        ("Utrecht",),
        "Utrecht",
        (0.2, 0.2, 0.5),
        "www.wuta.nl",
        "Postbus 9173, 3506 GD Utrecht",
    ),
    Corp(
        "Woonstichting SSW",
        ("SSW", "Stichting SSW"),
        "ssw.nl",
        ("De Bilt", "Bilthoven"),
        "De Bilt",
        (0.0, 0.5, 0.45),
        "www.ssw.nl",
        "Postbus 48, 3720 AA Bilthoven",
    ),
)


def corp(name_or_alias: str) -> Corp:
    for c in CORPS:
        if name_or_alias == c.name or name_or_alias in c.aliases:
            return c
    raise KeyError(name_or_alias)


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


@dataclass
class Person:
    first: str
    last: str  # with tussenvoegsel: "van der Berg"
    gender: str  # "m" | "v"
    street: str = ""
    number: str = ""
    postcode: str = ""  # "3512 AB"
    city: str = ""
    email: str | None = None
    phone: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def initials_name(self) -> str:
        return f"{self.first[0]}. {self.last}"

    @property
    def title(self) -> str:
        return "mevrouw" if self.gender == "v" else "de heer"

    @property
    def title_short(self) -> str:
        return "mw." if self.gender == "v" else "dhr."

    @property
    def formal_last(self) -> str:
        """'van der Berg' after a title is written 'Van der Berg' only without a first name."""
        return self.last[0].upper() + self.last[1:]

    @property
    def address(self) -> str:
        return f"{self.street} {self.number}"

    def postcode_written(self, compact: bool) -> str:
        return self.postcode.replace(" ", "") if compact else self.postcode


def postcode(rng: random.Random, number: int) -> str:
    while True:
        pair = rng.choice(_PC_LETTERS) + rng.choice(_PC_LETTERS)
        if pair not in ("SA", "SD", "SS"):
            return f"{number} {pair}"


def house_number(rng: random.Random) -> str:
    n = str(rng.choice((rng.randint(1, 60), rng.randint(2, 240), rng.randint(3, 450))))
    if rng.random() < 0.15:
        n += rng.choice("ABC")
    return n


def phone(rng: random.Random, city: str) -> str:
    if rng.random() < 0.7:
        d = "".join(str(rng.randint(0, 9)) for _ in range(8))
        d = str(rng.randint(1, 6)) + d[1:]
        return rng.choice(
            (
                f"06-{d}",
                f"06 {d}",
                f"06 {d[:2]} {d[2:4]} {d[4:6]} {d[6:]}",
                f"06-{d[:2]} {d[2:5]} {d[5:]}",
            )
        )
    area = AREA_CODES.get(city, "030")
    rest = str(rng.randint(2, 6)) + "".join(str(rng.randint(0, 9)) for _ in range(9 - len(area)))
    return rng.choice((f"{area}-{rest}", f"{area} {rest}"))


def normalise_phone(written: str) -> str:
    """The canonical form extraction is expected to give: "06-12345678", "030-2345678"."""
    digits = "".join(ch for ch in written if ch.isdigit())
    if digits.startswith("06"):
        return f"06-{digits[2:]}"
    for area in sorted(set(AREA_CODES.values()), key=len, reverse=True):
        if digits.startswith(area):
            return f"{area}-{digits[len(area) :]}"
    return written


def email_for(rng: random.Random, first: str, last: str) -> str:
    f = ascii_fold(first).lower()
    parts = ascii_fold(last).lower().split()
    joined = "".join(parts)
    local = rng.choice(
        (
            f"{f}.{joined}",
            f"{f}{joined}{rng.randint(50, 99)}",
            f"{f[0]}.{joined}",
            f"{joined}.{f}",
            f"{f}_{parts[-1]}",
        )
    )
    return f"{local}@{rng.choice(MAIL_DOMAINS)}"


class People:
    """Draws distinct fictional people; each name is used once per generated set."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()

    def person(
        self,
        city: str,
        *,
        gender: str | None = None,
        accented: bool = False,
        email: bool = True,
        phone_: bool = True,
        last: str | None = None,
        pool: tuple[tuple[str, str, str], ...] = ACCENTED,
    ) -> Person:
        rng = self.rng
        for _ in range(1000):
            if accented:
                first, sur, g = rng.choice(pool)
            else:
                g = gender or rng.choice("mv")
                first = rng.choice(FEMALE if g == "v" else MALE)
                sur = last or rng.choice(SURNAMES)
            if gender and g != gender:
                continue
            if f"{first} {sur}" not in self.used:
                break
        self.used.add(f"{first} {sur}")
        street, numbers = rng.choice(STREETS[city])
        return Person(
            first=first,
            last=sur,
            gender=g,
            street=street,
            number=house_number(rng),
            postcode=postcode(rng, rng.choice(numbers)),
            city=city,
            email=email_for(rng, first, sur) if email else None,
            phone=phone(rng, city) if phone_ else None,
        )
