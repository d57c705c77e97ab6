"""Someone writing on behalf of the tenant: the writer is the representative, the tenant the complainant."""

from __future__ import annotations

import pytest

from pipeline.config import default_config
from pipeline.extract import extract
from pipeline.models import EmailHeader

CFG = default_config()


def ex(text: str, **kw):
    return extract(text, CFG, **kw)


SON_FOR_MOTHER = """\
J. de Boer
Vleutenseweg 100-3
3532 HH Utrecht
06 - 98 76 54 32

Aan de Klachtencommissie Woningcorporaties Regio Utrecht
Postbus 8236
3503 RE Utrecht

Utrecht, 2 april 2026

Betreft: klacht namens mijn moeder

Geachte leden van de commissie,

Ik schrijf deze brief namens mijn moeder, mevrouw A.M. de Boer-Jansen, die niet goed meer kan
lezen en schrijven. Mijn moeder woont aan de Burgemeester Reigerstraat 45 bis, 3581 KP Utrecht en
huurt haar woning van Bo-Ex. Sinds november 2025 lekt het dak en de slaapkamer is nat.
Wij hebben op 15 december 2025 een klacht ingediend bij Bo-Ex, maar er is niets gebeurd.

Met vriendelijke groet,

Jan de Boer (zoon)
"""


def test_son_writes_for_his_mother():
    e = ex(SON_FOR_MOTHER)
    assert e.get("representative.name") == "J. de Boer"
    assert e.get("representative.relation") == "zoon"
    assert e.get("representative.street") == "Vleutenseweg"
    assert e.get("representative.house_number") == "100-3"
    assert e.get("representative.postcode") == "3532 HH"
    assert e.get("representative.phone") == "06-98765432"
    assert e.get("complainant.name") == "A.M. de Boer-Jansen"
    assert e.get("complainant.gender") == "v"
    assert e.get("complainant.street") == "Burgemeester Reigerstraat"
    assert e.get("complainant.house_number") == "45 bis"
    assert e.get("complainant.postcode") == "3581 KP"
    assert e.get("complainant.city") == "Utrecht"
    assert e.get("corporation") == "Bo-Ex"
    assert e.get("kind") == "klacht"
    assert "anoniem" not in e.flags


def test_daughter_with_title_writes_for_her_father():
    text = """\
Mevrouw K. Hermans
Rijnlaan 17
3522 BN Utrecht

Utrecht, 11 maart 2026

Geachte commissie,

Namens mijn vader, de heer G. Hermans, dien ik een klacht in tegen Mitros. Mijn vader woont op
de Croeselaan 301, 3521 BR Utrecht. De lift in zijn flat is al weken kapot en hij kan niet meer
naar buiten.

Met vriendelijke groet,
K. Hermans
"""
    e = ex(text)
    assert e.get("representative.name") == "K. Hermans"
    assert e.get("representative.gender") == "v"
    assert e.get("representative.relation") == "dochter"
    assert e.get("complainant.name") == "G. Hermans"
    assert e.get("complainant.gender") == "m"
    assert e.get("complainant.street") == "Croeselaan"
    assert e.get("complainant.house_number") == "301"
    assert e.get("complainant.postcode") == "3521 BR"
    assert e.get("corporation") == "Mitros"


def test_neighbour_writes_for_neighbour():
    text = """\
Geachte commissie,

Ik schrijf deze brief voor mijn buurman, de heer Ahmed Bensaid, omdat hij de Nederlandse taal niet
goed beheerst. Hij woont op de Kanaalweg 14 in Utrecht, naast mij. Al maanden klaagt hij bij
Woningcorporatie Mitros over vocht in zijn woning, maar er wordt niets aan gedaan.

Met vriendelijke groet,
Henk Pauwels
Kanaalweg 16
3526 KL Utrecht
"""
    e = ex(text)
    assert e.get("representative.name") == "Henk Pauwels"
    assert e.get("representative.relation") == "buurman"
    assert e.get("representative.house_number") == "16"
    assert e.get("representative.postcode") == "3526 KL"
    assert e.get("complainant.name") == "Ahmed Bensaid"
    assert e.get("complainant.gender") == "m"
    assert e.get("complainant.street") == "Kanaalweg"
    assert e.get("complainant.house_number") == "14"
    assert e.get("complainant.city") == "Utrecht"
    assert e.get("corporation") == "Mitros"


LAWYER = """\
Advocatenkantoor De Wit & Partners
mr. P.J. de Wit
Maliebaan 50
3581 CP Utrecht
T 030-2001234
pj.dewit@dewitadvocaten.nl

Klachtencommissie Woningcorporaties Regio Utrecht
Postbus 8236
3503 RE Utrecht

Utrecht, 18 mei 2026

Betreft: klacht mevrouw F. Yildiz tegen Woningbouwvereniging De Woningraat

Geachte leden van de commissie,

Als advocaat van mevrouw F. Yildiz, wonende aan de Bisonspoor 1102 te Maarssen, leg ik namens
cliënte de volgende klacht aan u voor. Cliënte heeft op 3 februari 2026 schriftelijk geklaagd bij
De Woningraat over de bejegening door een medewerker, die haar uitschold en respectloos behandelde.

Hoogachtend,

mr. P.J. de Wit
advocaat
"""


def test_lawyer_for_client():
    e = ex(LAWYER)
    assert e.get("representative.name") == "P.J. de Wit"
    assert e.get("representative.relation") == "advocaat"
    assert e.get("representative.street") == "Maliebaan"
    assert e.get("representative.house_number") == "50"
    assert e.get("representative.email") == "pj.dewit@dewitadvocaten.nl"
    assert e.get("representative.phone") == "030-2001234"
    assert e.get("complainant.name") == "F. Yildiz"
    assert e.get("complainant.gender") == "v"
    assert e.get("complainant.street") == "Bisonspoor"
    assert e.get("complainant.house_number") == "1102"
    assert e.get("complainant.city") == "Maarssen"
    assert e.get("corporation") == "Woningbouwvereniging De Woningraat"
    assert e.get("category") == "bejegening"
    assert e.get("kind") == "klacht"


def test_gemachtigde_van():
    text = """\
Geachte commissie,

Als gemachtigde van de heer T. van Dijk, Lekboulevard 8, 3433 ZA Nieuwegein, dien ik deze klacht in
tegen Jutphaas Wonen over de geluidsoverlast van zijn bovenburen. Een machtiging is bijgevoegd.

Met vriendelijke groet,
R. Kramer
"""
    e = ex(text)
    assert e.get("representative.name") == "R. Kramer"
    assert e.get("representative.relation") == "gemachtigde"
    assert e.get("complainant.name") == "T. van Dijk"
    assert e.get("complainant.gender") == "m"
    assert e.get("corporation") == "Jutphaas Wonen"
    assert e.get("category") == "overlast"


def test_buurtteam_email_for_a_named_tenant():
    body = """\
Beste mensen van de klachtencommissie,

Ik ben werkzaam bij het buurtteam Overvecht en help mevrouw Z. Amrani met haar klacht over Mitros.
Mevrouw Amrani woont op de Wolgadreef 44 in Utrecht en heeft al een half jaar last van schimmel in
de slaapkamer van haar kinderen.

Met vriendelijke groet,
Sanne Meijer
Buurtteam Overvecht
"""
    e = extract(body, CFG, email=EmailHeader("Sanne Meijer", "s.meijer@buurtteamsutrecht.nl", "info@kwru.nl",
                                             "2026-04-01T10:00:00", "klacht mevrouw Amrani"))
    assert e.get("representative.name") == "Sanne Meijer"
    assert e.get("representative.relation") == "buurtteam"
    assert e.get("representative.email") == "s.meijer@buurtteamsutrecht.nl"
    assert e.get("complainant.name") == "Z. Amrani"
    assert e.get("complainant.gender") == "v"
    assert e.get("complainant.street") == "Wolgadreef"
    assert e.get("complainant.house_number") == "44"
    assert e.get("complainant.email") is None


def test_daughter_states_her_relation():
    text = """\
Geachte heer, mevrouw,

Ik ben de dochter van mevrouw W. Smits-Bos en schrijf omdat zij in het ziekenhuis ligt. Haar
woning aan de Heuveloord 22 in Houten is na de renovatie door Viveste nog steeds niet in orde.

Vriendelijke groet,
Linda Smits
linda.smits@gmail.com
"""
    e = ex(text)
    assert e.get("representative.name") == "Linda Smits"
    assert e.get("representative.relation") == "dochter"
    assert e.get("representative.email") == "linda.smits@gmail.com"
    assert e.get("complainant.name") == "W. Smits-Bos"
    assert e.get("complainant.gender") == "v"
    assert e.get("complainant.email") is None


def test_unnamed_mother_and_unknown_writer_gender():
    text = """\
Geachte commissie,

Ik schrijf namens mijn moeder. Zij huurt bij Mitros en haar verwarming doet het al drie weken niet.

Groet,
R. Vermeer
"""
    e = ex(text)
    assert e.get("representative.name") == "R. Vermeer"
    assert e.get("representative.relation") == "kind"
    assert e.confidence("representative.relation") < 0.7
    assert e.get("complainant.name") is None
    assert e.get("complainant.gender") == "v"
    # the tenant is identified through the writer: not an anonymous complaint
    assert "anoniem" not in e.flags


@pytest.mark.parametrize("phrase", [
    "Namens mijn man en mijzelf wil ik een klacht indienen",
    "Ik schrijf namens alle bewoners van ons portiek",
    "Namens ons gezin wil ik klagen",
])
def test_writing_for_ones_own_household_is_not_representation(phrase):
    text = f"""\
M. Koster
Burgemeester Norbruislaan 4
3451 AC Vleuten

Geachte commissie,

{phrase} over Cocon Wonen: de goten lekken al maanden.

Met vriendelijke groet,
M. Koster
"""
    e = ex(text)
    assert "representative.relation" not in e.fields
    assert e.get("complainant.name") == "M. Koster"
    assert e.get("corporation") == "Cocon Wonen"


def test_web_form_with_representative_section():
    text = """\
Klachtformulier Klachtencommissie Woningcorporaties Regio Utrecht

Gegevens huurder
Naam: mevrouw B. Wouters
Adres: Steenweg 9
Postcode: 3511 JP
Woonplaats: Utrecht
Telefoonnummer: 030 231 44 55

Gegevens gemachtigde
Naam: de heer C. Wouters
Adres: Dorpsstraat 3
Postcode: 3732 HJ
Woonplaats: De Bilt
E-mailadres: c.wouters@kpnplanet.nl

Corporatie: Woonstichting SSW

Omschrijving klacht:
Na het vervangen van de keuken door de aannemer van SSW zijn er scheuren in de muur ontstaan.
Ik heb dit op 4 maart 2026 per brief aan SSW gemeld.
"""
    e = ex(text, source_type="pdf")
    assert e.get("complainant.name") == "B. Wouters"
    assert e.get("complainant.gender") == "v"
    assert e.get("complainant.street") == "Steenweg"
    assert e.get("complainant.house_number") == "9"
    assert e.get("complainant.postcode") == "3511 JP"
    assert e.get("complainant.city") == "Utrecht"
    assert e.get("complainant.phone") == "030-2314455"
    assert e.get("representative.name") == "C. Wouters"
    assert e.get("representative.gender") == "m"
    assert e.get("representative.city") == "De Bilt"
    assert e.get("representative.email") == "c.wouters@kpnplanet.nl"
    assert e.get("representative.relation") == "gemachtigde"
    assert e.get("corporation") == "Woonstichting SSW"
    assert e.fields["corporation"].source == "text: formulier"


def test_tenant_address_in_parentheses_and_stated_relation():
    text = """\
René Lemaître
Schoolsteeg 446
3991 MJ Houten

5/1/2026

Geachte heer, mevrouw,

Namens mijn moeder, mevrouw Wilma Kaya (Teun de Jagerdreef 46C, 3561 RC Utrecht), schrijf ik u deze
brief. Ik ben haar zoon en help haar met de contacten met Stichting Mitros. Bij de oplevering van
haar nieuwbouwwoning zijn veertien punten genoteerd die nog niet zijn hersteld.

Met vriendelijke groeten,
René Lemaître
namens mevrouw Wilma Kaya
"""
    e = ex(text)
    assert e.get("representative.name") == "René Lemaître"
    assert e.get("representative.relation") == "zoon"
    assert e.get("complainant.name") == "Wilma Kaya"
    assert e.get("complainant.street") == "Teun de Jagerdreef"
    assert e.get("complainant.house_number") == "46C"
    assert e.get("complainant.postcode") == "3561 RC"
    assert e.get("complainant.city") == "Utrecht"
    assert e.get("corporation") == "Mitros"
    assert e.get("category") == "oplevering_nieuwbouw"


def test_als_haar_dochter():
    text = """\
Beste commissie,

Namens mijn moeder, mevrouw Monique de Wit, wonende aan de Buizerdlaan 51A,
3435 BZ Nieuwegein, dien ik een klacht in over Jutphaas. Zij is 84 jaar en kan zelf niet
goed meer schrijven. Als haar dochter regel ik haar post.

Met vriendelijke groeten,
H. van der Berg
"""
    e = ex(text)
    assert e.get("representative.relation") == "dochter"
    assert e.get("complainant.name") == "Monique de Wit"
    assert e.get("complainant.house_number") == "51A"
    assert e.get("complainant.postcode") == "3435 BZ"


def test_work_done_in_opdracht_van_the_corporation_is_no_representation():
    text = """\
Karin Peters
Dorpsstraat 148C
3945 TH Cothen

Geachte leden van de klachtencommissie,

Met deze brief wil ik een klacht indienen over mijn woningcorporatie, Woningbouwstichting Cothen.
In december is de keuken in mijn woning vernieuwd door Renovatiebedrijf Stichtse Bouw, in opdracht van
Woningbouwstichting Cothen. Bij de werkzaamheden is de vloer beschadigd.

Vriendelijke groeten,
Karin Peters
"""
    e = ex(text)
    assert "representative.relation" not in e.fields
    assert e.get("complainant.name") == "Karin Peters"
    assert e.get("complainant.house_number") == "148C"
    assert e.get("category") == "werkzaamheden_aannemer"


def test_gender_from_a_first_name_is_only_a_guess():
    text = "Sanne de Vries\nKanaalweg 3\n3526 KL Utrecht\n\nGeachte commissie,\n\nMitros repareert niets.\n"
    e = ex(text)
    assert e.get("complainant.gender") == "v"
    assert e.confidence("complainant.gender") < 0.6
    assert e.fields["complainant.gender"].source == "voornaam (gok)"


def test_huurdersvereniging_with_tenant_in_the_subject_line():
    text = """\
Huurdersvereniging Zuilen
Prins Bernhardlaan 10
3555 GK Utrecht
info@hvzuilen.nl

Utrecht, 4 mei 2026

Betreft: klacht namens de heer K. Doğan, Prinses Margrietstraat 22, 3554 AN Utrecht

Geachte commissie,

Namens de huurdersvereniging ondersteun ik de heer K. Doğan bij zijn klacht tegen Portaal. De
heer Doğan heeft sinds maart 2025 last van vocht en schimmel. Hij heeft op 2 juni 2025 een brief
aan Portaal gestuurd. De corporatie reageert niet meer.

Met vriendelijke groet,

Ria Verhoef
secretaris Huurdersvereniging Zuilen
"""
    e = ex(text)
    assert e.get("representative.name") == "Ria Verhoef"
    assert e.get("representative.relation") == "huurdersvereniging"
    assert e.get("representative.street") == "Prins Bernhardlaan"
    assert e.get("representative.email") == "info@hvzuilen.nl"
    assert e.get("complainant.name") == "K. Doğan"
    assert e.get("complainant.gender") == "m"
    assert e.get("complainant.street") == "Prinses Margrietstraat"
    assert e.get("complainant.house_number") == "22"
    assert e.get("complainant.postcode") == "3554 AN"
    assert e.get("corporation") == "Portaal Utrecht"
    assert "termijn" in e.flags  # since March 2025, letter of May 2026
