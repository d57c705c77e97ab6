"""Extraction from typed and scanned letters: sender block, date, corporation, kind, category."""

from __future__ import annotations

import pytest

from pipeline.config import default_config
from pipeline.extract import extract

CFG = default_config()


def ex(text: str, **kw):
    return extract(text, CFG, **kw)


LETTER_TOP_LEFT = """\
A. Bakker
Kanaalweg 12A
3512 AB Utrecht
Tel. 06-12345678
a.bakker@gmail.com

Klachtencommissie Woningcorporaties Regio Utrecht
Postbus 8236
3503 RE Utrecht

Utrecht, 12 maart 2026

Betreft: klacht over Mitros

Geachte commissie,

Hierbij wil ik een klacht indienen tegen Mitros. Sinds oktober 2025 heb ik last van een lekkage
in de badkamer en er groeit schimmel op de muur. Op 3 januari heb ik gebeld en op 10 januari 2026
heb ik een klacht ingediend bij Mitros, maar de lekkage is nog steeds niet gerepareerd.

Met vriendelijke groet,

A. Bakker
"""


def test_sender_block_top_left():
    e = ex(LETTER_TOP_LEFT)
    assert e.get("complainant.name") == "A. Bakker"
    assert e.get("complainant.street") == "Kanaalweg"
    assert e.get("complainant.house_number") == "12A"
    assert e.get("complainant.postcode") == "3512 AB"
    assert e.get("complainant.city") == "Utrecht"
    assert e.get("complainant.phone") == "06-12345678"
    assert e.get("complainant.email") == "a.bakker@gmail.com"
    assert e.get("complainant.gender") is None
    assert e.get("corporation") == "Mitros"
    assert e.get("letter_date") == "2026-03-12"
    assert e.get("kind") == "klacht"
    assert e.get("category") == "reparatie_onderhoud"
    assert e.get("case_number") is None
    assert "representative.name" not in e.fields
    # he complained in writing to Mitros on 10 January: no geen_eerdere_klacht, and not long ago
    assert e.flags == {}
    for key in ("complainant.name", "complainant.postcode", "corporation", "letter_date", "kind"):
        assert e.confidence(key) >= 0.8, key
    assert e.fields["complainant.name"].source == "text: afzenderblok"


def test_the_committee_address_is_not_the_sender():
    e = ex(LETTER_TOP_LEFT)
    assert e.get("complainant.postcode") != "3503 RE"
    assert e.get("complainant.street") != "Postbus"


LETTER_TWO_COLUMNS = """\
Klachtencommissie Woningcorporaties          Mevrouw J.M. van der Linden
Regio Utrecht                                Laan van Nieuw Guinea 31 bis
Postbus 8236                                 3531 JG  UTRECHT
3503 RE Utrecht                              tel. 030 - 234 56 78

                                             Utrecht, maandag 9 februari 2026

Onderwerp: geluidsoverlast bovenburen

Geachte heer, mevrouw,

Ik ben huurder van Woonstichting SSW. Al sinds de zomer van 2025 heb ik ernstige geluidsoverlast
van mijn bovenburen: harde muziek tot diep in de nacht en lawaai van de honden. Ik heb SSW op
4 november 2025 een brief gestuurd, maar de overlast gaat door.

Hoogachtend,

J.M. van der Linden
"""


def test_two_column_heading_sender_on_the_right():
    e = ex(LETTER_TWO_COLUMNS)
    assert e.get("complainant.name") == "J.M. van der Linden"
    assert e.get("complainant.gender") == "v"
    assert e.get("complainant.street") == "Laan van Nieuw Guinea"
    assert e.get("complainant.house_number") == "31 bis"
    assert e.get("complainant.postcode") == "3531 JG"
    assert e.get("complainant.city") == "Utrecht"
    assert e.get("complainant.phone") == "030-2345678"
    assert e.get("corporation") == "Woonstichting SSW"
    assert e.get("letter_date") == "2026-02-09"
    assert e.get("category") == "overlast"
    assert e.get("kind") == "klacht"
    assert "geen_eerdere_klacht" not in e.flags


LETTER_SIGNATURE_ONLY = """\
Aan de klachtencommissie

Geachte mensen,

Ik schrijf u omdat ik het niet meer weet. De medewerker van Portaal die bij mij langs kwam over
de kapotte keukenkastjes was erg onbeschoft en respectloos. Hij schreeuwde tegen mij in mijn eigen
huis en noemde mij een zeurpiet. Ik heb daarover op 2 februari 2026 een e-mail gestuurd aan Portaal
maar ik heb nooit een reactie gekregen.

Met vriendelijke groet,

Mw. H. Yilmaz
Oudegracht 210-hs
3511 NR Utrecht
hatice.yilmaz@hotmail.com

Utrecht, 14 maart 2026
"""


def test_sender_under_the_signature_and_date_at_the_end():
    e = ex(LETTER_SIGNATURE_ONLY)
    assert e.get("complainant.name") == "H. Yilmaz"
    assert e.get("complainant.gender") == "v"
    assert e.get("complainant.street") == "Oudegracht"
    assert e.get("complainant.house_number") == "210-hs"
    assert e.get("complainant.postcode") == "3511 NR"
    assert e.get("complainant.email") == "hatice.yilmaz@hotmail.com"
    assert e.get("corporation") == "Portaal Utrecht"
    assert e.get("letter_date") == "2026-03-14"
    assert e.get("category") == "bejegening"
    assert e.get("kind") == "klacht"
    assert e.fields["complainant.name"].source == "text: ondertekening"


LETTER_ONE_LINE_ADDRESS = """\
Houten, 3-2-2026

Betreft: klacht Viveste, reparatie voordeur

Geachte commissie,

Mijn naam is Pieter Hoekstra en ik woon op de Molenweg 3, 3991 LN Houten. Mijn voordeur is al
sinds augustus kapot en sluit niet meer. Viveste heeft toegezegd de deur te repareren maar er
gebeurt niets. Ik heb de klacht op 12 oktober 2025 schriftelijk gemeld bij Viveste.

Met vriendelijke groeten,
P. Hoekstra
"""


def test_numeric_date_and_address_in_a_sentence():
    e = ex(LETTER_ONE_LINE_ADDRESS)
    assert e.get("letter_date") == "2026-02-03"
    assert e.get("complainant.name") in ("Pieter Hoekstra", "P. Hoekstra")
    assert e.get("complainant.street") == "Molenweg"
    assert e.get("complainant.house_number") == "3"
    assert e.get("complainant.postcode") == "3991 LN"
    assert e.get("complainant.city") == "Houten"
    assert e.get("corporation") == "Viveste"
    assert e.get("category") == "reparatie_onderhoud"
    assert e.get("kind") == "klacht"
    assert "geen_eerdere_klacht" not in e.flags


@pytest.mark.parametrize("line,iso", [
    ("Utrecht, 12 maart 2026", "2026-03-12"),
    ("12 mrt. 2026", "2026-03-12"),
    ("Nieuwegein, 1 juni 2026", "2026-06-01"),
    ("maandag 12 januari 2026", "2026-01-12"),
    ("Datum: 12-03-2026", "2026-03-12"),
    ("12/3/2026", "2026-03-12"),
    ("2026-03-12", "2026-03-12"),
    ("De Bilt, 5 sept. 2025", "2025-09-05"),
    ("Maarssen, dinsdag 3 februari 2026", "2026-02-03"),
    ("Utrecht, d.d. 20 april 2026", "2026-04-20"),
])
def test_letter_date_formats(line, iso):
    text = f"""\
K. de Vries
Biltstraat 8
3572 AB Utrecht

{line}

Geachte commissie,

Op 3 januari 2026 heb ik gebeld over de schimmel in mijn woning, en op 14 februari 2026 nog eens.
Mitros doet niets.

Met vriendelijke groet,
K. de Vries
"""
    e = ex(text)
    assert e.get("letter_date") == iso
    assert e.confidence("letter_date") >= 0.8


def test_body_dates_are_not_the_letter_date():
    text = """\
Geachte commissie,

Op 3 januari 2026 heb ik gebeld met Bo-Ex over de lekkage. Op 20 januari 2026 kwam er een monteur,
maar die heeft niets gedaan. Uw brief van 2 maart 2026 heb ik ontvangen.

Met vriendelijke groet,
R. Jansen
"""
    e = ex(text)
    # no heading date: the latest date in the text is only a guess, and the date of "uw brief" is not it
    assert e.get("letter_date") == "2026-01-20"
    assert e.confidence("letter_date") < 0.6


def test_no_date_at_all():
    e = ex("Geachte commissie,\n\nIk heb een klacht over Mitros: de lift is kapot.\n\nGroet,\nA. de Wit\n")
    assert e.get("letter_date") is None


CORPORATION_REACTION = """\
Mitros
Afdeling Klantcontact
Postbus 2003
3500 GA Utrecht

Klachtencommissie Woningcorporaties Regio Utrecht
t.a.v. mw. L. Smit
Postbus 8236
3503 RE Utrecht

Datum: 20 maart 2026
Uw kenmerk: KWRU-2026-004
Ons kenmerk: MIT/KL/2026/0193
Onderwerp: reactie op de klacht van de heer P. Visser

Geachte commissie,

Naar aanleiding van uw brief van 6 maart 2026 geven wij hierbij onze reactie op de klacht van
de heer P. Visser, wonende aan de Kanaalweg 88 te Utrecht. De heer Visser heeft op 12 januari 2026
bij ons gemeld dat de mechanische ventilatie niet werkt. Onze monteur is op 19 januari langs geweest
en heeft de motor vervangen. Wij betreuren het dat de heer Visser daarna niet is teruggebeld.

Met vriendelijke groet,

Mitros
J. Smit
Teamleider Klantcontact
"""


def test_corporation_reaction_on_letterhead():
    e = ex(CORPORATION_REACTION)
    assert e.get("kind") == "reactie_corporatie"
    assert e.confidence("kind") >= 0.8
    assert e.get("case_number") == "KWRU-2026-004"
    assert e.get("corporation") == "Mitros"
    assert e.get("letter_date") == "2026-03-20"
    # the complainant is the tenant the reaction is about, not the employee who signs
    assert e.get("complainant.name") == "P. Visser"
    assert e.get("complainant.gender") == "m"
    assert e.get("complainant.street") == "Kanaalweg"
    assert e.get("complainant.house_number") == "88"
    assert e.get("complainant.city") == "Utrecht"
    assert e.get("complainant.email") is None
    assert e.get("complainant.phone") is None
    assert "representative.name" not in e.fields
    assert "anoniem" not in e.flags


DECISION = """\
Woonstichting SSW
Postbus 47
3720 AA Bilthoven

Klachtencommissie Woningcorporaties Regio Utrecht
Postbus 8236
3503 RE Utrecht

De Bilt, 28 april 2026

Betreft: besluit op advies inzake klacht mevrouw E. Kok (KWRU 2026/12)

Geachte commissie,

Naar aanleiding van het advies van de klachtencommissie van 14 april 2026 heeft de directie besloten
het advies volledig over te nemen. Wij zullen de badkamer van mevrouw Kok binnen zes weken renoveren
en haar een vergoeding van 250 euro toekennen.

Met vriendelijke groet,

drs. M. Hendriks
directeur-bestuurder
"""


def test_directie_decision_on_the_advice():
    e = ex(DECISION)
    assert e.get("kind") == "besluit_corporatie"
    assert e.confidence("kind") >= 0.8
    assert e.get("case_number") == "KWRU-2026-012"
    assert e.get("corporation") == "Woonstichting SSW"
    assert e.get("letter_date") == "2026-04-28"
    assert e.get("complainant.name") == "E. Kok"
    assert e.get("complainant.gender") == "v"
    assert "al_geadviseerd" not in e.flags


DECISION_DEVIATES = """\
GroenWest
Postbus 100
3440 AC Woerden

2 juni 2026

Uw kenmerk: KWRU-2026-019

Geachte leden van de klachtencommissie,

Wij hebben uw advies over de klacht van de heer R. Mulder zorgvuldig gelezen. De directie wijkt af van
het advies, omdat de gevraagde vergoeding niet past binnen ons beleid. Wij hebben de heer Mulder
hierover schriftelijk geïnformeerd.

Met vriendelijke groet,
namens de directie van GroenWest,
L. Pieters
"""


def test_decision_that_deviates_from_the_advice():
    e = ex(DECISION_DEVIATES)
    assert e.get("kind") == "besluit_corporatie"
    assert e.get("case_number") == "KWRU-2026-019"
    assert e.get("corporation") == "GroenWest"
    assert e.get("complainant.name") == "R. Mulder"
    assert e.get("letter_date") == "2026-06-02"


WITHDRAWAL = """\
S. Öztürk
Amsterdamsestraatweg 500
3553 EM Utrecht

Utrecht, 6 mei 2026

Betreft: uw kenmerk KWRU-2026-021

Geachte commissie,

Mijn probleem met de verwarming is opgelost: Jutphaas Wonen heeft vorige week een nieuwe ketel
geplaatst. Ik trek mijn klacht daarom in. De zitting hoeft wat mij betreft niet door te gaan.

Met vriendelijke groet,
S. Öztürk
"""


def test_withdrawal():
    e = ex(WITHDRAWAL)
    assert e.get("kind") == "intrekking"
    assert e.confidence("kind") >= 0.8
    assert e.get("case_number") == "KWRU-2026-021"
    assert e.get("complainant.name") == "S. Öztürk"
    assert e.get("complainant.postcode") == "3553 EM"
    assert e.get("corporation") == "Jutphaas Wonen"


def test_withdrawal_without_the_word_intrekken():
    text = """\
Geachte commissie,

Ik wil u laten weten dat het probleem met de schimmel is opgelost. Lekstede heeft alles netjes
gerepareerd, dus de zitting hoeft niet door te gaan.

Vriendelijke groet,
M. Verbeek
"""
    e = ex(text)
    assert e.get("kind") == "intrekking"
    assert e.get("corporation") == "Lekstede Wonen"


def test_not_withdrawing_is_not_a_withdrawal():
    text = """\
Geachte commissie,

Ik trek mijn klacht niet in, ook al belt Mitros mij nu elke dag. De lekkage is nog steeds niet
gerepareerd en ik wil dat de commissie mijn klacht behandelt.

Met vriendelijke groet,
D. Smits
"""
    assert ex(text).get("kind") != "intrekking"


ADDITION = """\
T. Jansen
Zonstraat 14
3551 CL Utrecht

Utrecht, 30 maart 2026

Betreft: aanvulling op mijn klacht, dossiernummer KWRU-2026-007

Geachte commissie,

In aanvulling op mijn klacht over de schimmel stuur ik u hierbij nog vier foto's van de slaapkamer
en de brief die ik op 2 februari 2026 van Mitros kreeg.

Met vriendelijke groet,
T. Jansen
"""


def test_addition_to_a_complaint():
    e = ex(ADDITION)
    assert e.get("kind") == "aanvulling"
    assert e.confidence("kind") >= 0.8
    assert e.get("case_number") == "KWRU-2026-007"
    assert e.get("complainant.name") == "T. Jansen"
    assert e.get("complainant.house_number") == "14"
    assert e.get("corporation") == "Mitros"


def test_hierbij_stuur_ik_nog_is_an_addition():
    text = """\
Beste mevrouw Smit,

Hierbij stuur ik nog de rapporten van de aannemer waar ik het op de telefoon over had. Mijn klacht bij
u loopt al sinds maart.

Groet,
Willem Bos
"""
    e = ex(text)
    assert e.get("kind") == "aanvulling"


@pytest.mark.parametrize("body,category", [
    (("Er is al maanden een lekkage in de badkamer en het plafond zit vol schimmel. De reparatie wordt "
     "steeds uitgesteld."), "reparatie_onderhoud"),
    (("Mijn buren veroorzaken dag en nacht geluidsoverlast en er hangt een sterke stank van hennep in het "
     "portiek."), "overlast"),
    ("De opzichter was onbeschoft en respectloos tegen mij. De medewerker behandelde mij als oud vuil.",
     "bejegening"),
    ("Ik word niet teruggebeld, op mijn e-mails komt geen reactie en de corporatie reageert niet.",
     "communicatie"),
    (("Ik heb verkeerde informatie gekregen over mijn verhuisvergoeding: de medewerker vertelde dat ik "
     "2000 euro zou krijgen."), "informatie"),
    (("Bij de oplevering van onze nieuwbouwwoning zijn twintig opleverpunten genoteerd en na drie maanden "
     "is er nog niets hersteld."), "oplevering_nieuwbouw"),
    (("De aannemer die de werkzaamheden aan de gevel uitvoert heeft mijn tuin vernield en de schilder heeft "
     "verf op mijn ramen laten zitten."), "werkzaamheden_aannemer"),
    ("Ik wil graag weten hoe ik in aanmerking kom voor een grotere woning.", "overig"),
])
def test_category(body, category):
    text = f"Geachte commissie,\n\nIk heb een klacht over Mitros. {body}\n\nMet vriendelijke groet,\nA. Bakker\n"
    assert ex(text).get("category") == category


def test_kind_overig_for_a_question():
    text = """\
Geachte heer, mevrouw,

Kunt u mij vertellen wanneer het jaarverslag over 2025 verschijnt? Ik ben student en schrijf een
scriptie over klachtbehandeling.

Met vriendelijke groet,
L. de Graaf
"""
    e = ex(text)
    assert e.get("kind") == "overig"
    assert e.confidence("kind") < 0.6


def test_family_sender_block_right_aligned_without_committee_address():
    text = """\
                                                   Fam. P. en L. Jansen
                                                   Hoofdstraat 12 A
                                                   3972 LA Driebergen
                                                   tel: 0343 - 51 23 45

                                                   Driebergen, 3 maart 2026
Aan: Klachtencommissie KWRU

Onderwerp: onze klacht over Heuvelrug Wonen

Geachte heer/mevrouw,

Wij wonen al 30 jaar in onze woning. Sinds de zomer van 2025 lekt het dak boven de slaapkamer. Wij hebben
Heuvelrug Wonen vaak gebeld (088-1234567) maar er komt niemand. Wij hebben alleen telefonisch gemeld.

Met vriendelijke groeten,
P. Jansen
Verzonden vanaf mijn iPhone
"""
    e = ex(text)
    assert e.get("complainant.name") == "familie Jansen"
    assert e.get("complainant.gender") is None
    assert e.get("complainant.street") == "Hoofdstraat"
    assert e.get("complainant.house_number") == "12A"
    assert e.get("complainant.postcode") == "3972 LA"
    assert e.get("complainant.city") == "Driebergen"
    assert e.get("complainant.phone") == "0343-512345"  # not the corporation's number in the text
    assert e.get("corporation") == "Heuvelrug Wonen"
    assert e.get("letter_date") == "2026-03-03"
    assert e.get("kind") == "klacht"
    assert "geen_eerdere_klacht" in e.flags
    assert "termijn" not in e.flags  # 30 years of living there is not the conduct


def test_tenants_own_letter_to_the_corporation_is_not_written_by_it():
    text = """\
Kees de Wit
Kanaalweg 5
3526 KL Utrecht

Mitros
t.a.v. afdeling Klantcontact
Postbus 2003
3500 GA Utrecht

Utrecht, 12 november 2025

Betreft: Klacht over mijn woning Kanaalweg 5

Geachte heer, mevrouw,

Hierbij dien ik een klacht in bij Mitros. Sinds september lekt het dak.

Met vriendelijke groet,
Kees de Wit
"""
    e = ex(text)
    assert e.get("kind") == "klacht"
    assert e.get("corporation") == "Mitros"
    assert e.get("complainant.name") == "Kees de Wit"
    assert e.get("complainant.postcode") == "3526 KL"
    assert e.fields["complainant.name"].source == "text: afzenderblok"


@pytest.mark.parametrize("body,kind", [
    ("De directie neemt het advies van de klachtencommissie over en zal de tuin laten herstellen.",
     "besluit_corporatie"),
    (("Naar aanleiding van het advies van de klachtencommissie heeft de directie besloten het advies niet over "
     "te nemen."), "besluit_corporatie"),
    ("Hierbij ontvangt u onze reactie op de klacht van mevrouw Bakker over de lekkage.", "reactie_corporatie"),
    ("In het verweer leggen wij uit waarom wij de klacht van de heer Jansen ongegrond vinden.", "reactie_corporatie"),
])
def test_kinds_from_a_corporation(body, kind):
    from pipeline.models import EmailHeader

    e = extract(f"Geachte commissie,\n\n{body}\n\nMet vriendelijke groet,\nJ. de Groot\n", CFG,
                email=EmailHeader("J. de Groot", "j.degroot@portaal.nl", "info@kwru.nl", None, "KWRU-2026-003"))
    assert e.get("kind") == kind
    assert e.get("corporation") == "Portaal Utrecht"


@pytest.mark.parametrize("body,kind", [
    ("Ik wil mijn klacht intrekken, want Mitros heeft alles opgelost.", "intrekking"),
    ("Bij deze trek ik mijn klacht tegen Mitros in.", "intrekking"),
    ("Het probleem is opgelost, de zitting hoeft niet door te gaan.", "intrekking"),
    ("In aanvulling op mijn klacht over Mitros stuur ik u de brief van de aannemer.", "aanvulling"),
    ("Ik wil een klacht indienen over Mitros: de lift is al weken kapot.", "klacht"),
])
def test_kinds_from_a_tenant(body, kind):
    e = ex(f"Geachte commissie,\n\n{body}\n\nMet vriendelijke groet,\nA. de Wit\n")
    assert e.get("kind") == kind
    assert e.confidence("kind") >= 0.6
