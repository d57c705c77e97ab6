"""What the documents say: Dutch complaints, replies, additions, withdrawals and decisions.

Every function takes the random generator of its document, so a seed fixes the wording, and
returns plain strings; how they are laid out (PDF, e-mail, DOCX) is render.py's business.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from .people import Corp, Person

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

COMMITTEE_LINES = (
    "Klachtencommissie Woningcorporaties Regio Utrecht",
    "Postbus 8236",
    "3503 RE Utrecht",
)


def long_date(d: dt.date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def fmt_date(d: dt.date, style: str, place: str = "Utrecht") -> str:
    """The ways people write a date in a letter."""
    return {
        "long": long_date(d),
        "dash": f"{d.day:02d}-{d.month:02d}-{d.year}",
        "slash": f"{d.day}/{d.month}/{d.year}",
        "place": f"{place}, {long_date(d)}",
        "weekday": f"{WEEKDAYS[d.weekday()]} {long_date(d)}",
        "place_dash": f"{place}, {d.day:02d}-{d.month:02d}-{d.year}",
    }[style]


@dataclass
class Rep:
    """Who writes on the complainant's behalf."""

    person: Person
    relation: str  # "dochter", "zoon", "gemachtigde"
    organisation: str | None = None  # "Buurtteam Overvecht"
    org_lines: tuple[str, ...] = ()


@dataclass
class Complaint:
    """Everything a complaint's text is made of; also the truth about it."""

    person: Person
    corp: Corp
    alias: str  # how the letter names the corporation
    category: str
    flags: list[str]
    date: dt.date
    earlier: dt.date  # when the tenant first went to the corporation
    rep: Rep | None = None
    other_corp: str | None = None  # another corporation mentioned in passing
    subject: str = ""
    paragraphs: list[str] = field(default_factory=list)
    enclosures: list[str] = field(default_factory=list)
    prior_letter: bool = False  # the earlier complaint to the corporation was a letter


# --- the complaint itself --------------------------------------------------------------------

CONTRACTORS = (
    "Bouwbedrijf Van Wijk",
    "Installatiebedrijf Hoogland",
    "Schildersbedrijf De Kwast",
    "Aannemersbedrijf Vermeulen",
    "Renovatiebedrijf Stichtse Bouw",
    "Loodgieter Van Dam",
)
STAFF = (
    "mevrouw Dekker",
    "de heer Van Rijn",
    "mevrouw Aksoy",
    "de heer Groen",
    "mevrouw Brink",
    "de heer Pauwels",
    "een medewerker van het klantcontactcentrum",
)

# Each entry: (usable when someone else writes on the tenant's behalf, sentences).
# {since}: "december" (after "Sinds"/"In"); {when}: a date; {woning}: "mijn woning" or
# "de woning van mijn moeder".
FACTS: dict[str, list[tuple[bool, list[str]]]] = {
    "reparatie_onderhoud": [
        (
            True,
            [
                (
                    "Sinds {since} lekt het in de badkamer van {woning}. Het water komt via het "
                    "plafond naar beneden en er zit inmiddels schimmel op de muren."
                ),
                (
                    "Er is twee keer een monteur geweest, maar die heeft alleen een emmer neergezet "
                    "en gezegd dat er een dakdekker moest komen. Die is nooit gekomen."
                ),
                "De badkamer is door de schimmel bijna niet meer te gebruiken.",
            ],
        ),
        (
            False,
            [
                (
                    "Al sinds {since} doet de cv-ketel het niet goed. We hebben regelmatig geen "
                    "warm water en de verwarming valt 's nachts uit."
                ),
                (
                    "De monteur van {contractor} is drie keer geweest en heeft steeds een onderdeel "
                    "vervangen, maar het probleem is niet opgelost."
                ),
                "In de koude weken was het binnen soms maar 14 graden. Door de kou {health}.",
            ],
        ),
        (
            True,
            [
                (
                    "De kozijnen van {woning} zijn verrot en het tocht enorm. Bij regen komt er water "
                    "naar binnen langs het slaapkamerraam."
                ),
                (
                    "Bij de inspectie op {when} is beloofd dat de kozijnen dit voorjaar vervangen "
                    "zouden worden. Nu blijkt dat het project is uitgesteld tot volgend jaar."
                ),
                "De stookkosten zijn hierdoor veel hoger dan nodig.",
            ],
        ),
    ],
    "overlast": [
        (
            False,
            [
                (
                    "Mijn bovenburen draaien bijna elke avond tot diep in de nacht harde muziek. "
                    "Ook is er veel geschreeuw en gestamp."
                ),
                (
                    "Ik heb meerdere keren met de buren gepraat, maar dat helpt niet. De "
                    "wijkconsulent, {staff}, zegt steeds dat {corp} er niets aan kan doen."
                ),
                "Sinds {since} slaap ik slecht en dat merk ik ook op mijn werk.",
            ],
        ),
        (
            True,
            [
                (
                    "In het portiek bij {woning} hangt al maanden een sterke hennepgeur en er komen "
                    "'s nachts steeds vreemde mensen binnen."
                ),
                (
                    "Dit is gemeld bij {corp} en bij de wijkagent. {corp} antwoordde dat zij 'de "
                    "situatie monitoren', maar er gebeurt niets."
                ),
                "Het voelt niet meer veilig om 's avonds thuis te komen.",
            ],
        ),
    ],
    "bejegening": [
        (
            False,
            [
                (
                    "Op {when} heb ik gebeld met het klantcontactcentrum van {corp} over een "
                    "reparatie. De medewerker was erg onvriendelijk, zei dat ik 'moest ophouden met "
                    "zeuren' en hing op."
                ),
                "Toen ik later terugbelde, werd ik niet serieus genomen en er werd gelachen.",
                "Zo wil ik als huurder niet behandeld worden.",
            ],
        ),
        (
            False,
            [
                (
                    "De opzichter, {staff}, kwam op {when} langs voor de schade in mijn woning. Hij "
                    "was een uur te laat en deed vanaf het begin onvriendelijk."
                ),
                (
                    "Hij zei waar mijn kinderen bij waren dat de schade mijn eigen schuld was en dat "
                    "ik 'blij mocht zijn met een huis'."
                ),
                "Ik voel me vernederd en wil dat {corp} hier iets mee doet.",
            ],
        ),
    ],
    "communicatie": [
        (
            True,
            [
                (
                    "Sinds {since} is de intercom van het complex kapot, waardoor bezoek en de "
                    "thuiszorg niet binnen kunnen komen."
                ),
                (
                    "Er zijn vier e-mails over gestuurd aan {corp}. Daarop kwamen alleen "
                    "automatische ontvangstbevestigingen en nooit een echt antwoord."
                ),
                "Wie belt, krijgt elke keer iemand anders aan de lijn die van niets weet.",
            ],
        ),
        (
            False,
            [
                (
                    "Na een waterschade in {since} zou {corp} de vloer in mijn woning laten "
                    "herstellen. Er zijn drie afspraken gemaakt en alle drie zijn ze zonder bericht "
                    "niet nagekomen."
                ),
                "Beloofde terugbelverzoeken worden niet uitgevoerd.",
                "Ik heb hierdoor drie keer voor niets vrij genomen van mijn werk.",
            ],
        ),
    ],
    "informatie": [
        (
            False,
            [
                (
                    "Bij de woningruil in {since} kreeg ik van {corp} de informatie dat de keuken "
                    "na de ruil vervangen zou worden."
                ),
                (
                    "Na de verhuizing bleek dat niet te kloppen: de medewerker, {staff}, had mij "
                    "verkeerde informatie gegeven."
                ),
                "Had ik dit geweten, dan had ik de ruil nooit gedaan.",
            ],
        ),
    ],
    "oplevering_nieuwbouw": [
        (
            True,
            [
                (
                    "In {since} is {woning} als nieuwbouwwoning van {corp} opgeleverd. Bij de "
                    "oplevering zijn veertien punten genoteerd, waaronder scheuren in de muren en een "
                    "lekkende dakkapel."
                ),
                (
                    "Van deze punten zijn er nu pas drie hersteld. Bij regen staat er water op de "
                    "zolder."
                ),
                (
                    "De aannemer, {contractor}, verwijst naar {corp} en {corp} verwijst weer naar de "
                    "aannemer."
                ),
            ],
        ),
    ],
    "werkzaamheden_aannemer": [
        (
            True,
            [
                (
                    "In {since} is de keuken in {woning} vernieuwd door {contractor}, in opdracht "
                    "van {corp}."
                ),
                (
                    "Bij de werkzaamheden is de laminaatvloer in de woonkamer zwaar beschadigd en is "
                    "een kast kapotgegaan. De werklui lieten elke dag puin en stof achter."
                ),
                (
                    "De aannemer ontkent de schade en {corp} zegt dat dit met de aannemer moet worden "
                    "opgelost."
                ),
            ],
        ),
    ],
    "huurprijs": [
        (
            False,
            [
                (
                    "Ik heb van {corp} een brief gekregen dat mijn huur per 1 juli met 5,5 procent "
                    "omhoog gaat."
                ),
                (
                    "Ik vind deze huurverhoging te hoog. Er is al jaren niets aan mijn woning gedaan "
                    "en de huur is voor mij nu al bijna niet te betalen."
                ),
                (
                    "Ik ben het niet eens met de huurprijs en wil dat de verhoging wordt "
                    "teruggedraaid."
                ),
            ],
        ),
    ],
    "servicekosten": [
        (
            True,
            [
                (
                    "De jaarafrekening van de servicekosten over vorig jaar vraagt een bijbetaling "
                    "van ruim 410 euro, vooral voor de schoonmaak van het trappenhuis en de tuin."
                ),
                (
                    "Het trappenhuis wordt echter al maanden niet schoongemaakt en de tuin is "
                    "verwilderd."
                ),
                (
                    "Het verzoek is de servicekosten te verlagen en het teveel betaalde terug te "
                    "betalen."
                ),
            ],
        ),
    ],
}

# Categories that a representative can write about (with a neutral variant).
REP_CATEGORIES = (
    "reparatie_onderhoud",
    "overlast",
    "communicatie",
    "oplevering_nieuwbouw",
    "werkzaamheden_aannemer",
)

SINCE = ("december", "januari", "november vorig jaar", "oktober", "de zomer")
HEALTH = (
    "heeft mijn zoon last van zijn astma",
    "ben ik de hele winter verkouden geweest",
    "zijn de kinderen vaak ziek",
)

INTROS_SELF = (
    "Hierbij dien ik een klacht in over {corp}.",
    "Met deze brief wil ik een klacht indienen over mijn woningcorporatie, {corp}.",
    "Ik wil graag een klacht voorleggen aan uw commissie over {corp}.",
    "Ik schrijf u omdat ik niet tevreden ben over de manier waarop {corp} met mijn klacht omgaat.",
)
FEEL_SELF = (
    "Ik ben het echt zat en weet niet meer wat ik moet doen.",
    "Ik heb het gevoel dat ik van het kastje naar de muur word gestuurd.",
    "Ik hoop dat u mij kunt helpen.",
    "",
)
ASK = (
    (
        "Ik vraag de commissie mijn klacht te behandelen en {corp} te vragen het probleem op te "
        "lossen."
    ),
    "Ik hoop dat de commissie ervoor kan zorgen dat {corp} dit eindelijk goed regelt.",
    "Graag hoor ik wanneer mijn klacht wordt behandeld.",
    "Ik wil graag dat {corp} de schade vergoedt en excuses aanbiedt.",
)
ASK_REP = (
    "Wij vragen de commissie de klacht te behandelen en {corp} te vragen dit op te lossen.",
    "Graag ontvang ik de correspondentie over deze klacht op mijn adres.",
    "Ik verzoek u de klacht in behandeling te nemen.",
)
PASSING = (
    "Vroeger huurde ik bij {other}; daar werd zoiets binnen een week opgelost.",
    "Mijn zus huurt bij {other} en daar gaat het een stuk beter.",
    (
        "Voordat ik hier kwam wonen had ik een woning van {other}, en daar heb ik nooit zulke "
        "problemen gehad."
    ),
)


def _prior_written(rng: random.Random, c: Complaint) -> str:
    how = rng.choice(
        (
            "heb ik {corp} een brief gestuurd met mijn klacht",
            "heb ik via het klantportaal van {corp} een klacht ingediend",
            "heb ik een klacht per e-mail naar {corp} gestuurd",
        )
    )
    if c.prior_letter:
        how = "heb ik {corp} een brief gestuurd met mijn klacht"
    after = rng.choice(
        (
            "Ik heb daarop binnen een maand geen inhoudelijke reactie ontvangen.",
            "Het antwoord dat ik kreeg, lost niets op.",
            "Ik kreeg een reactie, maar daar ben ik het niet mee eens.",
            "Daarop is nooit gereageerd.",
        )
    )
    return f"Op {long_date(c.earlier)} {how.format(corp=c.alias)}. {after}"


def _prior_written_rep(rng: random.Random, c: Complaint) -> str:
    return rng.choice(
        (
            (
                f"Op {long_date(c.earlier)} is er een klachtbrief naar {c.alias} gestuurd. Daarop is "
                "binnen een maand geen inhoudelijke reactie gekomen."
            ),
            (
                f"Er is op {long_date(c.earlier)} schriftelijk geklaagd bij {c.alias}. Het antwoord "
                "daarop lost het probleem niet op."
            ),
        )
    )


def _prior_phoned(rng: random.Random, c: Complaint) -> str:
    return rng.choice(
        (
            (
                f"Ik heb wel drie keer met {c.alias} gebeld, maar ik heb nog geen brief of e-mail "
                "gestuurd. Aan de telefoon zeiden ze dat ze erop terug zouden komen."
            ),
            (
                f"Ik heb {c.alias} alleen gebeld, het laatst op {long_date(c.earlier)}. Schriftelijk heb ik "
                "nog niet geklaagd, want ik dacht dat bellen genoeg was."
            ),
        )
    )


def complaint_body(rng: random.Random, c: Complaint, *, short: bool = False) -> list[str]:
    """The paragraphs of a complaint (without salutation and closing)."""
    key = next((f for f in ("huurprijs", "servicekosten") if f in c.flags), c.category)
    variants = [v for neutral, v in FACTS[key] if neutral or c.rep is None] or [
        v for _, v in FACTS[key]
    ]
    when = c.earlier - dt.timedelta(days=rng.randint(5, 40))
    facts = [
        s.format(
            corp=c.alias,
            since=rng.choice(SINCE),
            health=rng.choice(HEALTH),
            contractor=rng.choice(CONTRACTORS),
            staff=rng.choice(STAFF),
            woning=_woning(c),
            when=long_date(when),
        )
        for s in rng.choice(variants)
    ]
    paras: list[str] = []
    if c.rep:
        paras.append(_rep_intro(rng, c))
    else:
        paras.append(rng.choice(INTROS_SELF).format(corp=c.alias))
    if short:
        paras.append(" ".join(facts))
    else:
        split = rng.randint(1, 2)
        paras.append(" ".join(facts[:split]))
        paras.append(" ".join(facts[split:]))
    if "geen_eerdere_klacht" in c.flags:
        prior = _prior_phoned(rng, c)
    else:
        prior = _prior_written_rep(rng, c) if c.rep else _prior_written(rng, c)
    if c.other_corp and not c.rep:
        prior += " " + rng.choice(PASSING).format(other=c.other_corp)
    paras.append(prior)
    if c.rep:
        paras.append(rng.choice(ASK_REP).format(corp=c.alias))
    else:
        feel = rng.choice(FEEL_SELF)
        paras.append((feel + " " if feel else "") + rng.choice(ASK).format(corp=c.alias))
    if short:
        paras = [paras[0] + " " + paras[1], *paras[2:]]
    return paras


def _woning(c: Complaint) -> str:
    if c.rep is None:
        return "mijn woning"
    if c.rep.relation in ("dochter", "zoon"):
        return "de woning van mijn " + ("moeder" if c.person.gender == "v" else "vader")
    return "de woning van mijn cliënt" if c.person.gender == "m" else "de woning van mijn cliënte"


def _rep_intro(rng: random.Random, c: Complaint) -> str:
    p, r = c.person, c.rep
    assert r is not None
    addr = f"{p.street} {p.number}, {p.postcode} {p.city}"
    her, him = ("haar", "haar") if p.gender == "v" else ("zijn", "hem")
    if r.relation in ("dochter", "zoon"):
        parent = "moeder" if p.gender == "v" else "vader"
        pron = "Zij" if p.gender == "v" else "Hij"
        return rng.choice(
            (
                (
                    f"Namens mijn {parent}, {p.title} {p.name}, wonende aan de {addr}, dien ik een klacht "
                    f"in over {c.alias}. {pron} is {rng.randint(78, 91)} jaar en kan zelf niet goed meer "
                    f"schrijven. Als {her} {r.relation} regel ik {her} post."
                ),
                (
                    f"Namens mijn {parent}, {p.title} {p.name} ({addr}), schrijf ik u deze brief. Ik ben "
                    f"{her} {r.relation} en help {him} met de contacten met {c.alias}."
                ),
            )
        )
    return rng.choice(
        (
            (
                f"Als gemachtigde van {p.title} {p.name}, wonende {addr}, dien ik namens {him} een klacht "
                f"in over {c.alias}. Een ondertekende machtiging is bijgevoegd."
            ),
            (
                f"Hierbij dien ik, als gemachtigde van {p.title} {p.name}, {addr}, een klacht in over "
                f"{c.alias}. De machtiging vindt u in de bijlage."
            ),
        )
    )


SUBJECTS = {
    "reparatie_onderhoud": (
        "Klacht over achterstallig onderhoud",
        "Klacht reparatie",
        "Klacht over lekkage en schimmel",
        "Klacht onderhoud woning",
    ),
    "overlast": ("Klacht over overlast", "Klacht overlast buren", "Overlast - klacht"),
    "bejegening": ("Klacht over bejegening", "Klacht over een medewerker"),
    "communicatie": ("Klacht over communicatie", "Geen reactie op mijn meldingen"),
    "informatie": ("Klacht over verkeerde informatie",),
    "oplevering_nieuwbouw": ("Klacht oplevering nieuwbouwwoning",),
    "werkzaamheden_aannemer": ("Klacht over de aannemer", "Klacht schade door werkzaamheden"),
    "huurprijs": ("Klacht huurverhoging", "Bezwaar huurverhoging"),
    "servicekosten": ("Klacht servicekosten", "Afrekening servicekosten"),
}


def complaint_subject(rng: random.Random, c: Complaint) -> str:
    key = next((f for f in ("huurprijs", "servicekosten") if f in c.flags), c.category)
    s = rng.choice(SUBJECTS[key])
    return s + rng.choice(("", f" {c.alias}", f" - {c.alias}"))


SALUTATIONS = (
    "Geachte commissie,",
    "Geachte leden van de klachtencommissie,",
    "Geachte heer, mevrouw,",
    "Beste commissie,",
    "Geachte secretaris,",
)
CLOSINGS = (
    "Met vriendelijke groet,",
    "Hoogachtend,",
    "Vriendelijke groeten,",
    "Met vriendelijke groeten,",
    "In afwachting van uw reactie, met vriendelijke groet,",
)
CLOSINGS_MAIL = (
    "Met vriendelijke groet,",
    "Groet,",
    "Vriendelijke groeten,",
    "Mvg,",
    "Alvast bedankt, groeten,",
)


# --- the corporation's side ------------------------------------------------------------------


def reaction_paragraphs(
    rng: random.Random, c: Complaint, case_number: str, request_date: dt.date
) -> list[str]:
    p = c.person
    who = f"{p.title} {p.name}"
    return [
        (
            f"Op {long_date(request_date)} ontvingen wij uw verzoek om te reageren op de klacht van "
            f"{who}, {p.street} {p.number} te {p.city}. Graag geven wij hieronder onze reactie."
        ),
        rng.choice(
            (
                (
                    f"Wij betreuren het dat {who} niet tevreden is. Uit ons klantdossier blijkt dat de "
                    "melding eerder niet goed is opgevolgd. Dat had beter gemoeten."
                ),
                (
                    "Wij herkennen het beeld dat de klager schetst maar gedeeltelijk. Onze medewerkers "
                    "zijn meerdere keren ter plaatse geweest en hebben steeds actie ondernomen."
                ),
            )
        ),
        rng.choice(
            (
                (
                    "Inmiddels is er een afspraak gemaakt om de werkzaamheden binnen drie weken uit te "
                    "voeren. Wij houden contact met de huurder over de voortgang."
                ),
                (
                    "Wij hebben de huurder uitgenodigd voor een gesprek om samen naar een oplossing te "
                    "zoeken. Dat gesprek staat gepland in de komende weken."
                ),
            )
        ),
        "Wij zijn graag bereid dit tijdens de zitting verder toe te lichten.",
    ]


def decision_paragraphs(rng: random.Random, c: Complaint, advice_date: dt.date) -> list[str]:
    p = c.person
    followed = rng.random() < 0.8
    first = (
        f"Op {long_date(advice_date)} heeft uw commissie advies uitgebracht over de klacht "
        f"van {p.title} {p.name}, {p.street} {p.number}, {p.postcode} {p.city}."
    )
    if followed:
        mid = (
            "De directie heeft het advies besproken en besloten het advies van de commissie "
            "volledig over te nemen. De aanbevelingen worden binnen twee maanden uitgevoerd."
        )
    else:
        mid = (
            "De directie heeft het advies besproken en besloten het advies gedeeltelijk over "
            "te nemen. Wij lichten de redenen hieronder toe."
        )
    return [
        first,
        mid,
        (
            f"Wij hebben {p.title} {p.name} over dit besluit geïnformeerd en daarbij gewezen op de "
            "mogelijkheid om zich tot de Huurcommissie te wenden."
        ),
        "Wij danken de commissie voor de zorgvuldige behandeling van deze klacht.",
    ]


# --- the tenant's follow-ups -----------------------------------------------------------------


def addition_paragraphs(rng: random.Random, c: Complaint) -> list[str]:
    return [
        rng.choice(
            (
                "Ik wil nog iets aanvullen op mijn klacht.",
                "Hierbij nog wat extra informatie bij mijn klacht van vorige week.",
                "Even een aanvulling op mijn eerdere bericht.",
            )
        ),
        rng.choice(
            (
                f"Afgelopen weekend is het weer misgegaan. {c.alias} heeft nog steeds niemand gestuurd.",
                f"Gisteren heb ik opnieuw gebeld met {c.alias}, maar er is nog steeds geen afspraak.",
                "Ik heb foto's gemaakt en kan die meenemen naar het gesprek met de commissie.",
            )
        ),
        rng.choice(
            (
                "Op dinsdagochtend kan ik niet, de andere dagen wel.",
                "Ik ben overdag het beste bereikbaar op mijn mobiele nummer.",
                "",
            )
        ),
    ]


def withdrawal_paragraphs(rng: random.Random, c: Complaint) -> list[str]:
    return [
        rng.choice(
            (
                f"Hierbij laat ik u weten dat ik mijn klacht over {c.alias} intrek.",
                f"Graag wil ik mijn klacht over {c.alias} intrekken.",
                "Ik trek mijn klacht in.",
            )
        ),
        rng.choice(
            (
                (
                    f"{c.alias} heeft het probleem inmiddels opgelost en ik ben tevreden met de afspraken "
                    "die we hebben gemaakt."
                ),
                f"Na een goed gesprek met {c.alias} is alles alsnog geregeld.",
            )
        ),
        rng.choice(
            (
                "Het gesprek met de commissie is dus niet meer nodig.",
                "Bedankt voor uw hulp.",
                "Dank voor de moeite.",
            )
        ),
    ]
