"""Which corporation the complaint is about: names, aliases, e-mail domains, OCR damage, and context."""

from __future__ import annotations

import pytest

from pipeline.config import default_config
from pipeline.extract import extract
from pipeline.models import EmailHeader

CFG = default_config()


def corp(text: str, **kw):
    e = extract(text, CFG, **kw)
    return e.get("corporation"), e.confidence("corporation"), e.fields.get("corporation")


@pytest.mark.parametrize("written,canonical", [
    ("SSW", "Woonstichting SSW"),
    ("Portaal", "Portaal Utrecht"),
    ("De Woningraat", "Woningbouwvereniging De Woningraat"),
    ("Vecht en Omstreken", "Woningbouwvereniging Vecht en Omstreken"),
    ("Vecht & Omstreken", "Woningbouwvereniging Vecht en Omstreken"),
    ("Bo-Ex", "Bo-Ex"),
    ("BoEx", "Bo-Ex"),
    ("Bo Ex", "Bo-Ex"),
    ("bo-ex", "Bo-Ex"),
    ("MITROS", "Mitros"),
    ("WBS Cothen", "Woningbouwstichting Cothen"),
    ("WBV Maarn", "Woningbouwvereniging Maarn"),
    ("Heuvelrug Wonen", "Heuvelrug Wonen"),
    ("Groen West", "GroenWest"),
    ("Lekstede", "Lekstede Wonen"),
    ("Cocon", "Cocon Wonen"),
    ("Wuta", "Woningstichting Wuta"),
])
def test_names_and_aliases(written, canonical):
    name, conf, f = corp(f"Geachte commissie,\n\nIk heb een klacht over {written}: de kraan lekt.\n\nGroet,\nA. Bos\n")
    assert name == canonical
    assert conf >= 0.7
    assert written.lower() in f.source.lower()


def test_alias_source_names_the_alias():
    _, _, f = corp("Geachte commissie,\n\nMijn klacht gaat over SSW.\n")
    assert f.source.startswith("alias 'SSW'")


def test_sender_domain_of_a_corporation():
    e = extract("Geachte commissie,\n\nIn de bijlage vindt u ons verweer.\n\nMet vriendelijke groet,\nK. Peters\n",
                CFG, email=EmailHeader("K. Peters", "k.peters@bo-ex.nl", "info@kwru.nl", None, "verweer"))
    assert e.get("corporation") == "Bo-Ex"
    assert e.fields["corporation"].source == "e-mail domain bo-ex.nl"
    assert e.confidence("corporation") >= 0.85
    assert e.get("kind") == "reactie_corporatie"


def test_past_landlord_is_not_the_one_complained_about():
    text = ("Geachte commissie,\n\nIk huurde vroeger bij Portaal, nu bij Mitros en daar klaag ik over. "
            "Bij Portaal ging alles altijd goed, maar Mitros laat de schimmel gewoon zitten.\n\nGroet,\nB. Kaya\n")
    name, conf, _ = corp(text)
    assert name == "Mitros"
    assert conf >= 0.6


def test_klacht_over_beats_a_mere_mention():
    text = ("Geachte commissie,\n\nMijn klacht over Bo-Ex is dat zij mijn woning niet onderhouden. Mijn zus "
            "woont bij Mitros en daar is het onderhoud veel beter geregeld.\n\nGroet,\nJ. Wolters\n")
    assert corp(text)[0] == "Bo-Ex"


def test_subject_line_decides():
    text = ("Betreft: klacht tegen Viveste\n\nGeachte commissie,\n\nEerder woonde ik in een woning van GroenWest "
            "in Woerden. Sinds mijn verhuizing heb ik alleen maar problemen met de verwarming.\n\n"
            "Met vriendelijke groet,\nE. Dekker\n")
    assert corp(text)[0] == "Viveste"


def test_two_corporations_equally_mentioned_lowers_confidence():
    text = ("Geachte commissie,\n\nIk heb problemen met Mitros en met Portaal over mijn twee woningen.\n\n"
            "Groet,\nA. Bos\n")
    name, conf, _ = corp(text)
    assert name in ("Mitros", "Portaal Utrecht")
    assert conf < 0.6


def test_ordinary_word_portaal_is_not_the_corporation():
    text = ("Geachte commissie,\n\nIn het portaal van onze flat ligt al weken afval en de buren maken lawaai. "
            "Mitros doet er niets aan.\n\nGroet,\nC. Lam\n")
    assert corp(text)[0] == "Mitros"


def test_no_corporation():
    name, conf, f = corp("Geachte commissie,\n\nMijn buurman maakt veel lawaai. Wat kan ik doen?\n\nGroet,\nA. Bos\n")
    assert name is None and f is None and conf == 0.0


@pytest.mark.parametrize("damaged,canonical", [
    ("Mitr0s", "Mitros"),
    ("Bo-Fx", "Bo-Ex"),
    ("Vivcste", "Viveste"),
    ("Jutpbaas Wonen", "Jutphaas Wonen"),
    ("Lekstedc", "Lekstede Wonen"),
])
def test_ocr_damaged_names(damaged, canonical):
    text = f"Geachte commissie,\n\nIk heb een klacht over {damaged} want de verwarming is kapot.\n\nGroet,\nA. Bos\n"
    name, conf, f = corp(text, ocr=True)
    assert name == canonical
    assert conf <= 0.7  # a near miss is never as sure as the real name
    assert f.source.startswith("fuzzy")


@pytest.mark.parametrize("word", ["Metro", "Portal", "Boven", "Motors", "Vechten", "Cocos"])
def test_fuzzy_does_not_fire_on_ordinary_words(word):
    text = f"Geachte commissie,\n\n{word} is een woord in deze zin over de lekkage.\n\nGroet,\nA. Bos\n"
    assert corp(text, ocr=True)[0] is None


def test_corporation_email_address_in_the_text():
    text = ("Geachte commissie,\n\nIk heb op 3 maart gemaild naar klantenservice@heuvelrugwonen.nl over de "
            "kapotte dakgoot, maar kreeg nooit antwoord.\n\nGroet,\nF. Brouwer\n")
    assert corp(text)[0] == "Heuvelrug Wonen"


def test_committee_name_is_no_damaged_corporation_name():
    text = ("Klachtencommissie Woningcorporaties Regio Utrecht\nPostbus 8236\n3503 RE Utrecht\n\n"
            "Geachte commissie,\n\nHierbij nog wat extra informatie bij mijn klacht van vorige week.\n")
    assert corp(text, ocr=True)[0] is None
