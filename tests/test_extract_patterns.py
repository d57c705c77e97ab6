"""The small normalisers: postcodes, phones, e-mail addresses, house numbers, dates, case numbers."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.config import default_config
from pipeline.extract import extract, layout
from pipeline.extract.casenumber import find_case_number
from pipeline.extract.dates import find_dates
from pipeline.extract.names import split_title, tidy_name
from pipeline.extract.patterns import (
    find_emails,
    find_phones,
    negated,
    normalise_phone,
    normalise_postcode,
    parse_street_line,
    sentences,
)

CFG = default_config()


@pytest.mark.parametrize("raw,norm", [
    ("3512 AB", "3512 AB"), ("3512AB", "3512 AB"), ("3512 ab", "3512 AB"), ("35l2 AB", "3512 AB"),
    ("35I2AB", "3512 AB"), ("3O12 AB", "3012 AB"), ("3512 A8", None), ("3512 0B", "3512 OB"),
    ("3512 1J", "3512 IJ"), ("0512 AB", None), ("3512 SS", None), ("3512 SA", None), ("3512 SD", None),
    ("351 AB", None), ("35123 AB", None),
])
def test_postcode(raw, norm):
    n = normalise_postcode(raw)
    assert (n.value if n else None) == norm


def test_postcode_repair_is_reported():
    assert normalise_postcode("35l2 AB").repaired
    assert not normalise_postcode("3512AB").repaired


@pytest.mark.parametrize("raw,norm", [
    ("06-12345678", "06-12345678"), ("06 12 34 56 78", "06-12345678"), ("0612345678", "06-12345678"),
    ("+31 6 12345678", "06-12345678"), ("+31(0)6-12345678", "06-12345678"), ("0031 6 1234 5678", "06-12345678"),
    ("030-2345678", "030-2345678"), ("(030) 234 56 78", "030-2345678"), ("030 - 234 56 78", "030-2345678"),
    ("0343-123456", "0343-123456"), ("0343 12 34 56", "0343-123456"), ("+31 343 123456", "0343-123456"),
    ("088-1234567", "088-1234567"), ("12-03-2026", None), ("0800-1234567", None), ("+44 20 7946 0958", None),
    ("1234567890", None),
])
def test_phone(raw, norm):
    assert normalise_phone(raw) == norm


def test_phones_in_text_ignore_dates_and_amounts():
    text = "Op 12-03-2026 betaalde ik 1250 euro. Bel mij op 06 - 12 34 56 78 of 030 2345678."
    assert [p for p, _ in find_phones(text)] == ["06-12345678", "030-2345678"]


@pytest.mark.parametrize("text,addr,repaired", [
    ("mail: j.jansen@gmail.com", "j.jansen@gmail.com", False),
    ("mail: j.jansen @ gmail.com", "j.jansen@gmail.com", True),
    ("j.jansen(at)gmail.com", "j.jansen@gmail.com", True),
    ("J.Jansen@Gmail.COM", "j.jansen@gmail.com", False),
    ("mail mij op j.jansen@ziggo.nl.", "j.jansen@ziggo.nl", False),
    ("mail mij op j.jansen@ziggo.nl. Ik ben thuis", "j.jansen@ziggo.nl", False),
    ("j.jansen@gmail. com", "j.jansen@gmail.com", True),
    ("j. jansen@hotmail.com", "j.jansen@hotmail.com", True),
    ("j.jansen@gmail,com", "j.jansen@gmail.com", True),
])
def test_email(text, addr, repaired):
    found = find_emails(text)
    assert found and found[0][0] == addr
    assert found[0][2] == repaired


def test_no_email():
    assert find_emails("ik stuur u @ de commissie een brief") == []


@pytest.mark.parametrize("line,parsed", [
    ("Kanaalweg 12", ("Kanaalweg", "12")),
    ("Kanaalweg 12A", ("Kanaalweg", "12A")),
    ("Kanaalweg 12 a", ("Kanaalweg", "12A")),
    ("Kanaalweg 12-2", ("Kanaalweg", "12-2")),
    ("Kanaalweg 12 - 2", ("Kanaalweg", "12-2")),
    ("Kanaalweg 12 bis", ("Kanaalweg", "12 bis")),
    ("Kanaalweg 12 hs", ("Kanaalweg", "12 hs")),
    ("Kanaalweg 12-hs", ("Kanaalweg", "12-hs")),
    ("Kanaalweg 12-II", ("Kanaalweg", "12-II")),
    ("Laan van Nieuw Guinea 31", ("Laan van Nieuw Guinea", "31")),
    ("2e Daalsedijk 5", ("2e Daalsedijk", "5")),
    ("Burg. Reigerstraat 45", ("Burg. Reigerstraat", "45")),
    ("Jan van Scorelstraat 7,", ("Jan van Scorelstraat", "7")),
    ("Postbus 8236", None),
    ("maart 2026", None),
    ("Telefoon 0612345678", None),
    ("Ik woon hier al 12", None),
])
def test_street_line(line, parsed):
    assert parse_street_line(line) == parsed


@pytest.mark.parametrize("raw,gender,name", [
    ("Dhr. A. Bakker", "m", "A. Bakker"), ("de heer A. Bakker", "m", "A. Bakker"),
    ("Mevrouw J. de Boer", "v", "J. de Boer"), ("mevr. J. de Boer", "v", "J. de Boer"),
    ("Mw. H. Yilmaz", "v", "H. Yilmaz"), ("mr. P.J. de Wit", None, "P.J. de Wit"),
    ("A. Bakker", None, "A. Bakker"),
])
def test_titles(raw, gender, name):
    g, n, _ = split_title(raw)
    assert (g, n) == (gender, name)


def test_tidy_name():
    assert tidy_name("Bakker, A.") == "A. Bakker"
    assert tidy_name("JANSEN") == "Jansen"
    assert tidy_name(" P. Visser, ") == "P. Visser"


def test_dates_in_text():
    found = find_dates("Op 3 januari 2026 en 12-03-2026 en 2026-04-01 en 5 mrt. 2025 en 31 februari 2026.")
    assert [d.date for d in found] == [dt.date(2026, 1, 3), dt.date(2026, 3, 12), dt.date(2026, 4, 1),
                                       dt.date(2025, 3, 5)]


def test_ocr_month_names():
    found = find_dates("Utrecht, 12 rnaart 2026", ocr=True)
    assert [d.date for d in found] == [dt.date(2026, 3, 12)]


@pytest.mark.parametrize("text,cid", [
    ("uw kenmerk KWRU-2026-007", "KWRU-2026-007"),
    ("KWRU 2026/7", "KWRU-2026-007"),
    ("kwru-2026-07", "KWRU-2026-007"),
    ("dossiernummer: 2026/15", "KWRU-2026-015"),
    ("Dossiernummer KWRU.2026.123", "KWRU-2026-123"),
    ("uw kenmerk KVVRU-2O26-OO7", "KWRU-2026-007"),
    ("ons kenmerk MIT/2026/1234", None),
    ("kenmerk 2026-12", None),
    ("in 2026 heb ik 7 keer gebeld", None),
])
def test_case_numbers(text, cid):
    f = find_case_number(layout.parse(text), CFG, None, ocr=True)
    assert (f.value if f else None) == cid


def test_case_number_in_email_subject():
    from pipeline.models import EmailHeader
    e = extract("Hierbij de foto's.", CFG, email=EmailHeader("A", "a@b.nl", None, None, "Re: KWRU-2026-042"))
    assert e.get("case_number") == "KWRU-2026-042"


def test_two_different_case_numbers_lower_confidence():
    e = extract("Betreft KWRU-2026-004 en KWRU-2026-017\n\nGeachte commissie,\n", CFG)
    assert e.confidence("case_number") < 0.6


def test_sentences_keep_abbreviations_together():
    text = "Ik heb dhr. Bakker gesproken. Mw. J. de Boer o.a. ook. Dat was op 3 jan. 2026! Klaar."
    assert [s for _, s in sentences(text)] == [
        "Ik heb dhr. Bakker gesproken.", "Mw. J. de Boer o.a. ook.", "Dat was op 3 jan. 2026!", "Klaar."]


@pytest.mark.parametrize("sentence,word,neg", [
    ("Het gaat niet om de huurprijs.", "huurprijs", True),
    ("Ik heb geen probleem met de huurverhoging.", "huurverhoging", True),
    ("Los van de servicekosten wil ik klagen over de lekkage.", "servicekosten", True),
    ("Niet alleen de huurprijs is te hoog, ook de servicekosten.", "huurprijs", False),
    ("Mitros reageert niet, en de huurprijs is veel te hoog.", "huurprijs", False),
    ("De huurverhoging is niet het probleem.", "huurverhoging", True),
    ("Mijn klacht gaat over de huurverhoging.", "huurverhoging", False),
])
def test_negation(sentence, word, neg):
    assert negated(sentence, sentence.lower().index(word)) is neg
