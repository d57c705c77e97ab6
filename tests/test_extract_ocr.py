"""Scanned letters: OCR slips in postcodes, e-mail addresses, names, labels; lower but honest confidence."""

from __future__ import annotations

from pipeline.config import default_config
from pipeline.extract import extract

CFG = default_config()

SCAN = """\
J. Jansen
Biltstraat 1O4
35l2 AB Utrecht
tel 06-4I234567
j.jansen @ gmail.com

Klachtencommissie Woningcorporaties
Postbus 8236
35O3 RE Utrecht

Utrecht, 12 rnaart 2026

Betrefl: klacht Mitr0s

Geaehte commissie,

Hierbij wil ik een klacht indienen tegen Mitr0s. Al sinds september 2025 is er een lekkage in de
keuken. Ik heb op 1O oktober 2025 een brief gestuurd naar Mitr0s maar er is niets gerepareerd.

Met vriendeIijke groet,

J. Jansen
"""

SCAN_CLEAN = (SCAN.replace("35l2", "3512").replace("1O4", "104").replace(" @ ", "@").replace("Mitr0s", "Mitros")
              .replace("rnaart", "maart").replace("Geaehte", "Geachte").replace("vriendeIijke", "vriendelijke")
              .replace("Betrefl", "Betreft").replace("1O oktober", "10 oktober").replace("4I2", "412"))


def test_ocr_letter_fields_are_repaired():
    e = extract(SCAN, CFG, ocr=True, source_type="image")
    assert e.get("complainant.name") == "J. Jansen"
    assert e.get("complainant.postcode") == "3512 AB"
    assert e.get("complainant.city") == "Utrecht"
    assert e.get("complainant.email") == "j.jansen@gmail.com"
    assert e.get("corporation") == "Mitros"
    assert e.get("letter_date") == "2026-03-12"
    assert e.get("kind") == "klacht"
    assert e.get("category") == "reparatie_onderhoud"


def test_ocr_lowers_confidence():
    scan = extract(SCAN, CFG, ocr=True)
    clean = extract(SCAN_CLEAN, CFG, ocr=False)
    for key in ("complainant.name", "complainant.postcode", "complainant.email", "corporation", "letter_date"):
        assert clean.get(key) == scan.get(key), key
        assert scan.confidence(key) < clean.confidence(key), key


def test_repaired_postcode_has_lower_confidence_than_a_clean_one_in_the_same_scan():
    clean_pc = extract(SCAN.replace("35l2", "3512"), CFG, ocr=True)
    damaged_pc = extract(SCAN, CFG, ocr=True)
    assert damaged_pc.confidence("complainant.postcode") < clean_pc.confidence("complainant.postcode")


def test_ocr_committee_postcode_is_still_the_committee():
    e = extract(SCAN, CFG, ocr=True)
    assert e.get("complainant.postcode") != "3503 RE"


def test_ocr_form_labels():
    text = """\
Klachtformulier

Narn: P. de Groot
Adrcs: Pelikaanstraat 5
Postcodc: 3554 CA
Woonplaats: Utrecht
E-rnail: pdegroot@live.nl
Corporatie: Mitros

Omschrijving: de verwarming is al weken kapot en Mitros komt niet. Ik wil een klacht indienen.
"""
    e = extract(text, CFG, ocr=True)
    assert e.get("complainant.name") == "P. de Groot"
    assert e.get("complainant.street") == "Pelikaanstraat"
    assert e.get("complainant.house_number") == "5"
    assert e.get("complainant.postcode") == "3554 CA"
    assert e.get("complainant.email") == "pdegroot@live.nl"
    assert e.get("corporation") == "Mitros"


def test_ocr_case_number():
    text = "Uw kenmerk: KVVRU-2O26-O14\n\nGeachte commissie,\n\nHierbij stuur ik nog de foto's.\n\nGroet,\nA. Bos\n"
    e = extract(text, CFG, ocr=True)
    assert e.get("case_number") == "KWRU-2026-014"
    assert e.confidence("case_number") < 0.8
    assert e.get("kind") == "aanvulling"


def test_scan_with_blank_lines_between_block_lines_and_specks():
    text = """\
Dhr. Arjen Boukhari

Loerikseweg 6

3991GC Houten

Tel. 06-58586552 |

__ E-mail: arjenboukhari99@hotmail.com

Klachtencommissie Woningcorporaties Regio Utrecht
Postbus 8236

3503 RE Utrecht

_23/2/2026

Betreft: Klacht huurverhoging Viveste

Beste commissie,
Hierbij dien ik een klacht in over Viveste. Ik vind deze huurverhoging te hoog.

In afwachting van uw reactie, met vriendelijke groet,

Arjen Boukhari
"""
    e = extract(text, CFG, ocr=True)
    assert e.get("complainant.name") == "Arjen Boukhari"
    assert e.get("complainant.gender") == "m"
    assert e.get("complainant.street") == "Loerikseweg"
    assert e.get("complainant.house_number") == "6"
    assert e.get("complainant.postcode") == "3991 GC"
    assert e.get("complainant.phone") == "06-58586552"
    assert e.get("complainant.email") == "arjenboukhari99@hotmail.com"
    assert e.get("letter_date") == "2026-02-23"


def test_unreadable_postcode_still_gives_name_and_street():
    text = """\
Marco van den Heuvel
Oudegracht 366
Salt AG Utrecht
Tel. 030 6694620

Utrecht, 9 februari 2026

Beste commissie,

Met deze brief wil ik een klacht indienen over Portaal. De medewerker was erg onvriendelijk.

Met vriendelijke groet,
Marco van den Heuvel
"""
    e = extract(text, CFG, ocr=True)
    assert e.get("complainant.name") == "Marco van den Heuvel"
    assert e.get("complainant.street") == "Oudegracht"
    assert e.get("complainant.house_number") == "366"
    assert e.get("complainant.city") == "Utrecht"
    assert e.get("complainant.postcode") is None


def test_scan_specks_before_sender_lines_are_ignored():
    """Tesseract read noise specks left of the sender block as '…' and '_' (a real OCR run)."""
    text = ("Ahmed Willems\nVleutenseweg 166A\n\n… 3532 NR Utrecht\n\n_ Tel. 06-53 551 295\n"
            "E-mail: ahmed.willems@ziggo.nl\n\nKlachtencommissie Woningcorporaties Regio Utrecht\n"
            "Postbus 8236\n3503 RE Utrecht\n\nUtrecht, 13 februari 2026\n\n"
            "Betreft: Klacht over bejegening Portaal\n\nGeachte commissie,\n"
            "Met deze brief wil ik een klacht indienen over mijn woningcorporatie, Portaal.\n\n"
            "Met vriendelijke groet,\n\nAhmed Willems\n")
    ex = extract(text, CFG, ocr=True)
    assert ex.get("complainant.street") == "Vleutenseweg"
    assert ex.get("complainant.house_number") == "166A"
    assert ex.get("complainant.postcode") == "3532 NR"
    assert ex.get("complainant.city") == "Utrecht"
    assert ex.get("complainant.phone") == "06-53551295"


def test_scan_specks_after_a_sender_line_are_ignored():
    text = ("Wim Schouten\nMerelstraat 55\n_ 3514 LC Utrecht …\nTel. 06-62830956\n\n"
            "Klachtencommissie Woningcorporaties Regio Utrecht\nPostbus 8236 -\n3503 RE Utrecht\n\n"
            "Utrecht: 16 februari 2026\n\nBetreft: Klacht over bejegening Portaal\n\nBeste commissie.\n"
            "_ Hierbij dien ik een klacht in over Portaal.\n\nMet vriendelijke groet,\nWim Schouten\n")
    ex = extract(text, CFG, ocr=True)
    assert (ex.get("complainant.postcode"), ex.get("complainant.city")) == ("3514 LC", "Utrecht")
    assert ex.get("complainant.street") == "Merelstraat" and ex.get("complainant.house_number") == "55"
