"""Admissibility (ontvankelijkheid): the grounds for not handling a complaint, and `decide`.

`REASONS` is the one table of reason codes (domain.md §3, model §"Klachten die niet in
behandeling worden genomen"): for each a short label, the plain-Dutch text the
niet-ontvankelijk letter prints, and where the complainant can go instead (the referral).
The flags found at ingestion are only suggestions; a person decides.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import UsageError
from ..models import Case
from .hearings import cancel_hearing
from .states import Step, check, transition


@dataclass(frozen=True)
class Reason:
    code: str
    text: str  # plain Dutch for the letter: why the commissie does not handle the complaint
    referral: str | None  # plain Dutch sentence: where the complainant can go instead (None: nowhere)
    label: str = ""  # a few words, for lists
    referral_to: str | None = None  # the body referred to: Huurcommissie, rechter, ...


_HUURCOMMISSIE = ("U kunt met deze klacht terecht bij de Huurcommissie (www.huurcommissie.nl), "
                  "en eventueel daarna bij de rechter.")
_RECHTER = ("U kunt met deze klacht naar de rechter. Het Juridisch Loket (www.juridischloket.nl) "
            "kan u gratis advies geven.")

REASONS: dict[str, Reason] = {r.code: r for r in (
    Reason("huurprijs",
           "Uw klacht gaat over de hoogte van uw huur of over een huurverhoging. Over de huurprijs "
           "mag de klachtencommissie geen oordeel geven; dat doet de Huurcommissie.",
           _HUURCOMMISSIE, "huurprijs of huurverhoging", "Huurcommissie"),
    Reason("servicekosten",
           "Uw klacht gaat over de servicekosten die u moet betalen. Over servicekosten mag de "
           "klachtencommissie geen oordeel geven; dat doet de Huurcommissie.",
           _HUURCOMMISSIE, "servicekosten", "Huurcommissie"),
    Reason("warmtelevering",
           "Uw klacht gaat over de kosten van warmtelevering, zoals stadsverwarming of blokverwarming. "
           "Daarover mag de klachtencommissie geen oordeel geven; dat doet de Huurcommissie.",
           _HUURCOMMISSIE, "kosten van warmtelevering", "Huurcommissie"),
    Reason("huurcommissie",
           "Uw klacht gaat over een onderwerp waarover volgens de wet alleen de Huurcommissie "
           "mag beslissen.",
           _HUURCOMMISSIE, "bevoegdheid van de Huurcommissie", "Huurcommissie"),
    Reason("rechter",
           "Uw klacht gaat over een onderwerp waarover volgens de wet alleen de rechter mag beslissen.",
           _RECHTER, "bevoegdheid van de rechter", "rechter"),
    Reason("geen_eerdere_klacht",
           "U heeft uw klacht nog niet eerst schriftelijk (per brief of e-mail) bij uw woningcorporatie "
           "ingediend, of de corporatie heeft nog niet genoeg tijd gehad om erop te reageren. De "
           "corporatie moet eerst zelf de kans krijgen uw klacht op te lossen.",
           "Wij sturen uw klacht door naar uw woningcorporatie. Bent u daarna niet tevreden over de "
           "afhandeling, of krijgt u binnen 1 maand geen inhoudelijke reactie? Dan kunt u uw klacht "
           "opnieuw bij ons indienen.",
           "niet eerst bij de corporatie geklaagd", "woningcorporatie"),
    Reason("al_geadviseerd",
           "De klachtencommissie heeft over deze klacht al eerder een advies gegeven, en de corporatie "
           "heeft met redenen laten weten waarom zij dat advies niet volgt.",
           "U kunt met deze klacht terecht bij de Huurcommissie (www.huurcommissie.nl) of bij de rechter.",
           "al eerder geadviseerd", "Huurcommissie"),
    Reason("termijn",
           "U heeft uw klacht te laat ingediend. Een klacht moet binnen 1 jaar na de gebeurtenis bij "
           "de commissie zijn ingediend. Duurt het probleem nog steeds voort, dan binnen 3 jaar.",
           None, "termijn verstreken"),
    Reason("anoniem",
           "Uit uw klacht blijkt niet wie de klager is. De commissie kan een klacht alleen in behandeling "
           "nemen als uw naam bekend is.",
           "U kunt uw klacht opnieuw indienen met uw naam en adres.", "anoniem"),
    Reason("discriminerend",
           "Uw klacht heeft een discriminerend karakter. Zo'n klacht neemt de commissie niet in behandeling.",
           None, "discriminerend"),
    Reason("niet_concreet",
           "Uit uw klacht wordt niet duidelijk wat de corporatie precies heeft gedaan of nagelaten. Een "
           "klacht moet gaan over een concrete handeling of nalatigheid van de corporatie.",
           "U kunt uw klacht opnieuw indienen, met een duidelijke beschrijving van wat er is gebeurd "
           "en wanneer.", "niet concreet genoeg"),
    Reason("geen_belang",
           "U heeft zelf geen belang bij uw klacht: ook als de commissie u gelijk geeft, verandert er "
           "voor u niets.",
           None, "geen eigen belang"),
    Reason("beleid",
           "Uw klacht gaat over een algemeen beleidsbesluit van de corporatie dat voor alle huurders "
           "geldt. De commissie beoordeelt hoe de corporatie haar beleid uitvoert, niet het beleid zelf.",
           "Over het beleid van de corporatie kunt u contact opnemen met de huurdersorganisatie van "
           "uw corporatie.", "algemeen beleid", "huurdersorganisatie"),
    Reason("huisvestingsvergunning",
           "Uw klacht gaat alleen over een huisvestingsvergunning op grond van de Huisvestingswet. "
           "Daarover beslist de gemeente, niet de corporatie.",
           "U kunt bezwaar maken bij de gemeente die over de vergunning heeft beslist.",
           "huisvestingsvergunning", "gemeente"),
    Reason("elders_aanhangig",
           "Uw klacht ligt al voor bij de rechter, de Huurcommissie, een arbiter, een bemiddelaar of "
           "een andere onafhankelijke instantie, of een van hen heeft er al over beslist. De commissie "
           "behandelt dezelfde klacht dan niet nog een keer.",
           None, "elders in behandeling of beslist"),
    Reason("huurachterstand",
           "Uw klacht gaat over een huurachterstand, het beëindigen of ontbinden van uw huurcontract, "
           "of het afsluiten van gas, water of elektriciteit. Daarover oordeelt de commissie niet.",
           _RECHTER, "huurachterstand, ontbinding of afsluiting", "rechter"),
    Reason("verzekeraar",
           "Uw klacht gaat over een schadevergoeding die door een verzekeraar wordt behandeld.",
           "U kunt contact opnemen met de verzekeraar. Bent u het niet eens met diens beslissing, dan "
           "kunt u terecht bij het Klachteninstituut Financiële Dienstverlening (www.kifid.nl).",
           "schade bij de verzekeraar", "Kifid"),
    Reason("andere_regeling",
           "Voor uw klacht geldt een andere klachten- of geschillenregeling, bijvoorbeeld de regeling "
           "voor geschillen over de taxatie bij Koopgarant.",
           "U kunt uw klacht indienen volgens die regeling.", "andere klachtenregeling"),
    Reason("niet_schriftelijk",
           "Uw klacht is niet schriftelijk ingediend. De commissie neemt alleen schriftelijke klachten "
           "in behandeling: per brief, per e-mail of met het klachtenformulier op de website.",
           "U kunt uw klacht alsnog schriftelijk indienen.", "niet schriftelijk"),
    Reason("niet_nederlands",
           "Uw klacht is niet in het Nederlands geschreven. Een klacht moet in het Nederlands worden "
           "ingediend.",
           "U kunt uw klacht alsnog in het Nederlands indienen; iemand anders mag u daarbij helpen.",
           "niet in het Nederlands"),
)}

FORWARD_REASON = "geen_eerdere_klacht"

# What the secretary types -> the decision stored in case.admissibility.decision / the status.
DECISIONS = {
    "ontvankelijk": "ontvankelijk",
    "niet-ontvankelijk": "niet_ontvankelijk",
    "niet_ontvankelijk": "niet_ontvankelijk",
    "doorsturen": "doorgezonden",
    "doorgezonden": "doorgezonden",
}


def reason(code: str) -> Reason:
    """The reason for `code`; an unknown code is a one-line error listing the codes."""
    try:
        return REASONS[code]
    except KeyError:
        raise UsageError(f"unknown reason code {code!r}; codes: {', '.join(REASONS)}") from None


def suggestions(case: Case) -> list[str]:
    """The admissibility flags found in the text, as suggestions (never applied by themselves)."""
    return [f for f in case.admissibility.flags if f]


def suggestion_note(case: Case) -> str | None:
    flags = suggestions(case)
    return f"suggestie uit de tekst: {', '.join(flags)}" if flags else None


def decide(case: Case, decision: str, *, today: dt.date, reason_code: str | None = None,
           note: str | None = None, command: str = "decide") -> Step:
    """Record the admissibility decision and move the case to its status.

    `decision`: ontvankelijk | niet-ontvankelijk (with a reason code) | doorsturen.
    """
    to = DECISIONS.get(decision)
    if to is None:
        raise UsageError(f"unknown decision {decision!r}; choose ontvankelijk, niet-ontvankelijk "
                         "(with --reason CODE) or doorsturen")
    if reason_code:
        reason(reason_code)
    step = Step()
    if (n := suggestion_note(case)):
        step.notes.append(n)
    if to == "niet_ontvankelijk":
        if not reason_code:
            raise UsageError(f"niet-ontvankelijk needs --reason CODE; codes: {', '.join(REASONS)}")
        if reason_code == FORWARD_REASON:
            step.warnings.append(f"{case.id}: a complaint not first made to the corporation is usually "
                                 f"forwarded to it: `kwru decide {case.id} doorsturen`")
    elif to == "doorgezonden":
        if reason_code and reason_code != FORWARD_REASON:
            raise UsageError(f"doorsturen is for complaints not first made to the corporation "
                             f"(reason {FORWARD_REASON}); for {reason_code!r} use niet-ontvankelijk")
        reason_code = FORWARD_REASON
    elif reason_code:
        raise UsageError("--reason is only for niet-ontvankelijk (and doorsturen)")

    check(case, to, doing=f"be decided {to.replace('_', '-')}")
    cancelled = case.hearing.to_dict() if case.hearing and case.status == "zitting_gepland" else None
    step.events += cancel_hearing(case, today=today, reason=f"besloten: {to}", command=command)
    step.events.append(transition(case, to, command=command, reason=reason_code, date=today.isoformat(),
                                  note=note))
    case.admissibility.decision = to
    case.admissibility.reason = reason_code if to != "ontvankelijk" else None
    case.admissibility.decided = today.isoformat()
    if cancelled:
        step.warnings.append(f"{case.id}: the hearing of {cancelled['date']} {cancelled['time']} is "
                             "cancelled; tell the parties")
    return step
