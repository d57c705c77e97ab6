"""Admissibility signals: each flag with the sentence that raised it; negations and counter-evidence."""

from __future__ import annotations

import pytest

from pipeline.config import default_config
from pipeline.extract import extract

CFG = default_config()


def letter(body: str, date: str = "Utrecht, 12 maart 2026") -> str:
    return f"""\
A. Bakker
Kanaalweg 12
3512 AB Utrecht

{date}

Geachte commissie,

{body}

Met vriendelijke groet,
A. Bakker
"""


def flags(body: str, **kw) -> dict[str, str]:
    return extract(letter(body, **kw), CFG).flags


def test_rent_increase():
    f = flags("Ik wil een klacht indienen over Mitros. De huurverhoging van dit jaar is veel te hoog voor mij. "
              "Ik heb op 2 februari 2026 bezwaar gemaakt bij Mitros per brief.")
    assert f["huurprijs"] == "De huurverhoging van dit jaar is veel te hoog voor mij."
    assert set(f) == {"huurprijs"}


def test_rent_negated():
    f = flags("Het gaat niet om de huurprijs, maar om de schimmel in de badkamer die Mitros niet oplost. "
              "Ik heb op 2 februari 2026 een klacht ingediend bij Mitros.")
    assert "huurprijs" not in f


def test_service_costs():
    f = flags("De afrekening servicekosten over 2025 klopt niet: de stookkosten zijn verdubbeld. Ik heb dit op "
              "20 februari 2026 schriftelijk gemeld bij Bo-Ex.")
    assert f["servicekosten"].startswith("De afrekening servicekosten over 2025")
    assert "huurprijs" not in f


def test_court():
    f = flags("De zaak ligt inmiddels bij de kantonrechter, de procedure loopt nog. Toch wil ik uw advies.")
    assert "kantonrechter" in f["rechter"]


@pytest.mark.parametrize("body", [
    "Als Portaal niets doet, stap ik naar de rechter.",
    "Ik wil voorkomen dat ik naar de rechter moet.",
    "Ik overweeg een procedure bij de kantonrechter.",
    "In de slaapkamer aan de rechter kant zit schimmel.",
])
def test_threats_and_the_right_side_are_not_a_court_case(body):
    assert "rechter" not in flags(body)


def test_huurcommissie():
    f = flags("Over de servicekosten loopt al een zaak bij de Huurcommissie, maar daarnaast wil ik klagen "
              "over de onbeschofte opzichter.")
    assert "huurcommissie" in f
    assert "servicekosten" in f


def test_huurcommissie_negated():
    assert "huurcommissie" not in flags("Ik ben niet naar de Huurcommissie gegaan, want het gaat om lekkage.")


@pytest.mark.parametrize("body", [
    "Ik heb nog geen klacht ingediend bij Mitros, want ik dacht dat dat bij u moest.",
    "Ik heb het alleen telefonisch gemeld bij Portaal.",
    "Ik heb het alleen gebeld, drie keer zelfs.",
    "Ik heb dit nog niet eerder gemeld bij mijn corporatie.",
    "Ik stuur mijn klacht rechtstreeks naar u.",
])
def test_no_earlier_complaint(body):
    assert "geen_eerdere_klacht" in flags(body)


@pytest.mark.parametrize("body", [
    "Ik heb op 3 maart een klacht ingediend bij Mitros, maar ik kreeg geen antwoord.",
    "Ik heb eerst alleen telefonisch gemeld, daarna heb ik op 4 februari een brief gestuurd aan Portaal.",
    "Ik heb Mitros twee keer gemaild over de lekkage.",
    "Mijn klacht is door Bo-Ex afgewezen.",
    "Op mijn brief van januari heb ik nooit antwoord gekregen.",
])
def test_written_complaint_before_means_no_flag(body):
    assert "geen_eerdere_klacht" not in flags(body)


def test_al_geadviseerd():
    f = flags("De commissie heeft vorig jaar al advies uitgebracht over mijn lekkage, maar Mitros heeft het "
              "advies niet opgevolgd.")
    assert "al_geadviseerd" in f


@pytest.mark.parametrize("body", [
    "Ik heb sinds 2023 last van schimmel in de slaapkamer.",
    "De lekkage speelt al twee jaar.",
    "Ik klaag al drie jaar over het tochtige raam.",
    "De scheur in de muur is ontstaan op 4 februari 2025.",
    "Het probleem begon in januari 2025.",
    "Het lekt al 18 maanden.",
])
def test_termijn(body):
    assert "termijn" in flags(body)


@pytest.mark.parametrize("body", [
    "Ik heb sinds oktober 2025 last van schimmel.",
    "Ik woon hier al twintig jaar, maar sinds december heb ik last van lekkage.",
    "Ik huur sinds 1998 bij Mitros en sinds vorige maand is de verwarming kapot.",
    "Op 4 februari 2026 ontstond de lekkage.",
    "Het lekt al een maand of twee.",
])
def test_not_termijn(body):
    assert "termijn" not in flags(body)


def test_termijn_relative_to_the_letter_date():
    assert "termijn" in flags("Het begon in maart 2025.", date="Utrecht, 20 april 2026")
    assert "termijn" not in flags("Het begon in maart 2025.", date="Utrecht, 1 februari 2026")


def test_anonymous_explicit():
    text = ("Geachte commissie,\n\nIk wil anoniem blijven, maar Mitros laat de lekkage al maanden "
            "bestaan. Ik wil een klacht indienen.\n\nEen huurder\n")
    e = extract(text, CFG)
    assert e.get("complainant.name") is None
    assert "anoniem" in e.flags
    assert e.flags["anoniem"].startswith("Ik wil anoniem blijven")


def test_anonymous_no_name():
    e = extract("Geachte commissie,\n\nIk wil een klacht indienen over SSW: mijn woning is vochtig en "
                "niemand komt.\n", CFG)
    assert e.get("kind") == "klacht"
    assert e.flags.get("anoniem") == "geen naam van de klager gevonden"


def test_flags_only_from_the_senders_own_text():
    text = """\
Geachte commissie,

Ik wil een klacht indienen over de schimmel. Op 10 januari 2026 heb ik Mitros gemaild, zie hieronder.

Groet,
A. Bakker

-----Oorspronkelijk bericht-----
Van: A. Bakker <a.bakker@gmail.com>
Onderwerp: huurverhoging en schimmel

Beste Mitros, de huurverhoging vind ik te hoog en de kantonrechter moet er maar naar kijken.
"""
    f = extract(text, CFG).flags
    assert "huurprijs" not in f
    assert "rechter" not in f


def test_own_heating_bill_is_not_a_service_cost_dispute():
    f = flags("De kozijnen zijn verrot en het tocht enorm. De stookkosten zijn hierdoor veel hoger dan nodig. "
              "Ik heb op 2 februari 2026 een brief aan Viveste gestuurd.")
    assert "servicekosten" not in f


def test_stookkosten_settlement_is_a_service_cost_dispute():
    f = flags("In de afrekening van Portaal zijn de stookkosten van de blokverwarming veel te hoog berekend.")
    assert "servicekosten" in f


def test_no_letter_or_email_sent_yet():
    f = flags("Ik heb wel drie keer met Mitros gebeld, maar ik heb nog geen brief of e-mail gestuurd.")
    assert "geen_eerdere_klacht" in f


def test_rent_complaint_is_category_overig():
    e = extract(letter("Ik wil een klacht indienen over Viveste. Ik vind de huurverhoging te hoog en wil dat de "
                       "verhoging wordt teruggedraaid. Viveste moet de schade vergoeden."), CFG)
    assert e.get("category") == "overig"
    assert "huurprijs" in e.flags
