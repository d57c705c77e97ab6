"""Extraction from e-mails: the header (given by the reader, or written in the text), body and signature."""

from __future__ import annotations

from pipeline.config import default_config
from pipeline.extract import extract
from pipeline.models import EmailHeader

CFG = default_config()


def hdr(from_name, from_addr, subject="", date="2026-03-16T09:12:00", to="info@kwru.nl"):
    return EmailHeader(from_name=from_name, from_addr=from_addr, to=to, date=date, subject=subject)


def test_complaint_by_email_header_and_signature():
    body = """\
Goedemiddag,

Ik wil een klacht indienen over Portaal. Ik heb al drie keer gebeld over de kapotte cv-ketel maar
niemand komt. Ik heb alleen telefonisch gemeld, want ik wist niet dat het schriftelijk moest.

Mijn adres is Jan van Scorelstraat 7, 3583 CK Utrecht.

Groet,
Fatima el Amrani
06-23456789
"""
    e = extract(body, CFG, email=hdr("Fatima el Amrani", "f.elamrani@ziggo.nl", "Klacht cv-ketel"),
                source_type="eml")
    assert e.get("complainant.name") == "Fatima el Amrani"
    assert e.get("complainant.email") == "f.elamrani@ziggo.nl"
    assert e.fields["complainant.email"].source == "e-mail header"
    assert e.get("complainant.phone") == "06-23456789"
    assert e.get("complainant.street") == "Jan van Scorelstraat"
    assert e.get("complainant.house_number") == "7"
    assert e.get("complainant.postcode") == "3583 CK"
    assert e.get("corporation") == "Portaal Utrecht"
    assert e.get("kind") == "klacht"
    assert e.get("category") == "reparatie_onderhoud"
    # the header date is the fallback for the letter date
    assert e.get("letter_date") == "2026-03-16"
    assert e.fields["letter_date"].source == "e-mail header"
    assert "geen_eerdere_klacht" in e.flags
    assert "telefonisch" in e.flags["geen_eerdere_klacht"]


def test_display_name_surname_first():
    body = "Beste commissie,\n\nMitros repareert mijn lekkende dak niet. Ik wil een klacht indienen.\n"
    e = extract(body, CFG, email=hdr("Bakker, A.", "a.bakker@kpnmail.nl"))
    assert e.get("complainant.name") == "A. Bakker"
    assert e.get("complainant.email") == "a.bakker@kpnmail.nl"
    assert e.get("corporation") == "Mitros"


def test_address_only_name_falls_back_to_signature():
    body = "Hallo,\n\nDe schimmel in mijn badkamer wordt steeds erger en Bo-Ex doet niets.\n\nMvg\nKees\n"
    e = extract(body, CFG, email=hdr(None, "kees1964@hotmail.com"))
    assert e.get("complainant.name") == "Kees"
    assert e.confidence("complainant.name") < 0.9
    assert e.get("complainant.email") == "kees1964@hotmail.com"
    assert e.get("corporation") == "Bo-Ex"


def test_reply_from_a_corporation_domain():
    body = """\
Geachte commissie,

Hierbij ontvangt u onze reactie op de klacht van mevrouw S. Bouali (uw kenmerk KWRU-2026-009).
Mevrouw Bouali heeft haar klacht over de schimmel niet eerst bij ons ingediend; wij hebben de melding
inmiddels ingepland en onze opzichter neemt contact met haar op.

Met vriendelijke groet,

Jeroen Smit
Klantadviseur
Mitros | Kanaalweg 2 | Utrecht
"""
    e = extract(body, CFG, email=hdr("Jeroen Smit", "j.smit@mitros.nl", "Re: Verzoek om reactie KWRU-2026-009"))
    assert e.get("kind") == "reactie_corporatie"
    assert e.get("corporation") == "Mitros"
    assert "mitros.nl" in e.fields["corporation"].source
    assert e.get("case_number") == "KWRU-2026-009"
    assert e.get("complainant.name") == "S. Bouali"
    assert e.get("complainant.gender") == "v"
    # the corporation employee is neither complainant nor representative
    assert e.get("complainant.email") is None
    assert "representative.name" not in e.fields
    assert "geen_eerdere_klacht" in e.flags


def test_rendered_email_with_header_lines_in_the_text():
    text = """\
Van: Johan Verhoef <johan.verhoef@gmail.com>
Verzonden: dinsdag 17 maart 2026 21:04
Aan: info@kwru.nl
Onderwerp: klacht over Heuvelrug Wonen

Geachte klachtencommissie,

Ik huur sinds 2019 een woning van Heuvelrug Wonen aan de Hoofdstraat 92 in Driebergen-Rijsenburg.
Sinds de renovatie van vorig jaar tocht het enorm bij de nieuwe kozijnen. De aannemer zegt dat het
aan Heuvelrug Wonen ligt en andersom. Ik heb op 5 januari 2026 een klacht ingediend bij de corporatie.

Met vriendelijke groet,
Johan Verhoef
Hoofdstraat 92
3971 KJ Driebergen-Rijsenburg
"""
    e = extract(text, CFG)
    assert e.get("complainant.name") == "Johan Verhoef"
    assert e.get("complainant.email") == "johan.verhoef@gmail.com"
    assert e.get("complainant.street") == "Hoofdstraat"
    assert e.get("complainant.house_number") == "92"
    assert e.get("complainant.postcode") == "3971 KJ"
    assert e.get("complainant.city") == "Driebergen-Rijsenburg"
    assert e.get("corporation") == "Heuvelrug Wonen"
    assert e.get("letter_date") == "2026-03-17"
    assert e.get("kind") == "klacht"
    assert e.get("category") == "werkzaamheden_aannemer"
    # "ik huur sinds 2019" is the lease, not the conduct complained of
    assert "termijn" not in e.flags


def test_quoted_corporation_mail_does_not_become_the_sender():
    text = """\
Geachte commissie,

Hieronder de reactie die ik van Woningstichting Wuta kreeg. Ik ben het er niet mee eens: de schimmel
komt niet door mijn stookgedrag. Ik wil hierover een klacht indienen.

Met vriendelijke groet,
Anna Visser
06 11223344

-----Oorspronkelijk bericht-----
Van: Klantenservice Wuta <klantenservice@wuta.nl>
Verzonden: maandag 2 maart 2026 10:15
Aan: anna.visser@planet.nl
Onderwerp: uw melding

Beste mevrouw Visser,

De vochtproblemen worden veroorzaakt door onvoldoende ventileren. Wij zien geen aanleiding
voor verdere actie. Voor vragen kunt u bellen met 030-7654321.

Met vriendelijke groet,
Petra de Groot
Klantenservice Wuta
"""
    e = extract(text, CFG, email=hdr("Anna Visser", "anna.visser@planet.nl", "klacht"))
    assert e.get("complainant.name") == "Anna Visser"
    assert e.get("complainant.phone") == "06-11223344"
    assert e.get("complainant.email") == "anna.visser@planet.nl"
    assert e.get("corporation") == "Woningstichting Wuta"
    assert e.get("kind") == "klacht"
    # the quoted mail shows she complained in writing already
    assert "geen_eerdere_klacht" not in e.flags


def test_reply_with_re_subject_from_tenant_is_an_addition():
    body = """\
Beste mevrouw Smit,

Dank voor uw bericht. Ik heb de foto's van de scheuren in de muur bijgevoegd. De aannemer is
gisteren weer niet komen opdagen.

Groeten,
Mo Haddou
"""
    e = extract(body, CFG, email=hdr("Mo Haddou", "mo.haddou@gmail.com", "RE: uw klacht KWRU-2026-031"))
    assert e.get("kind") == "aanvulling"
    assert e.get("case_number") == "KWRU-2026-031"
    assert e.get("complainant.name") == "Mo Haddou"


def test_mail_to_the_committee_address_is_never_the_complainants():
    body = ("Geachte commissie,\n\nIk stuur dit naar info@kwru.nl omdat GroenWest niet reageert op mijn "
            "klacht over de verwarming.\n\nGroet,\nP. Rietveld\np.rietveld@xs4all.nl\n")
    e = extract(body, CFG)
    assert e.get("complainant.email") == "p.rietveld@xs4all.nl"


def test_reply_quoting_own_earlier_mail_gives_the_address():
    text = """\
Van: Henk Timmer <henk_timmer@gmail.com>
Aan: info@kwru.nl
Datum: 9 januari 2026 22:41
Onderwerp: Re: Klacht overlast buren Jutphaas Wonen

Geachte commissie,

Hierbij nog wat extra informatie bij mijn klacht van vorige week. Ik heb foto's gemaakt.

Vriendelijke groeten,

Henk Timmer

Op vrijdag 9 januari 2026 om 22:13 schreef Henk Timmer <henk_timmer@gmail.com>:
> Geachte secretaris,
>
> In het portiek bij mijn woning hangt al maanden een sterke hennepgeur. Jutphaas Wonen doet niets.
> De huurverhoging vind ik ook te hoog.
>
> Henk Timmer
> Dorpsstraat 41C
> 3433 GR Nieuwegein
> 06-28509164
"""
    e = extract(text, CFG, email=hdr("Henk Timmer", "henk_timmer@gmail.com",
                                     "Re: Klacht overlast buren Jutphaas Wonen", "2026-01-09T22:41:11"))
    assert e.get("kind") == "aanvulling"
    assert e.get("complainant.name") == "Henk Timmer"
    assert e.get("complainant.street") == "Dorpsstraat"
    assert e.get("complainant.house_number") == "41C"
    assert e.get("complainant.postcode") == "3433 GR"
    assert e.get("complainant.phone") == "06-28509164"
    assert e.confidence("complainant.postcode") < 0.8  # read from the quote
    assert e.get("corporation") == "Jutphaas Wonen"
    assert "huurprijs" not in e.flags  # only in the quoted message


def test_corporation_letter_with_the_tenants_address_wrapped():
    text = """\
Woonstichting SSW
Postbus 47
3720 AA Bilthoven

Betreft: Reactie op de klacht van mevrouw Samira Jacobs

Geachte leden van de commissie,

Op 14 januari 2026 ontvingen wij uw verzoek om te reageren op de klacht van mevrouw Samira Jacobs, Julianalaan
16 te Bilthoven. Graag geven wij hieronder onze reactie.

Met vriendelijke groet,
P. de Bruin
"""
    e = extract(text, CFG)
    assert e.get("kind") == "reactie_corporatie"
    assert e.get("complainant.name") == "Samira Jacobs"
    assert e.get("complainant.street") == "Julianalaan"
    assert e.get("complainant.house_number") == "16"
    assert e.get("complainant.city") == "Bilthoven"


def test_withdrawal_by_mail_signed_with_a_first_name():
    text = """\
Van: Wendy Smit <wendy.smit83@gmail.com>
Verzonden: donderdag 19 maart 2026 08:12
Aan: KWRU
Onderwerp: intrekken klacht KWRU 2026/7

Goedemorgen,

Ik wil mijn klacht intrekken. Mitros is gisteren geweest en de kraan is gerepareerd.

Groetjes,
Wendy
"""
    e = extract(text, CFG)
    assert e.get("kind") == "intrekking"
    assert e.get("case_number") == "KWRU-2026-007"
    assert e.get("complainant.name") == "Wendy Smit"
    assert e.get("complainant.email") == "wendy.smit83@gmail.com"
    assert e.get("letter_date") == "2026-03-19"
    assert e.get("corporation") == "Mitros"
