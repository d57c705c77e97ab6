"""What kind of document this is (klacht, reactie, aanvulling, ...) and the complaint's category.

Both by weighted phrase scoring: every phrase that speaks for an answer adds its weight, the
best answer wins, and the confidence reflects the score and the distance to the runner-up.
"""

from __future__ import annotations

import re
from collections import Counter

from ..models import EmailHeader, Field
from .layout import Layout
from .patterns import Phrase, lower

_W = r"(?:[\w'-]+\s+)"
_WORDS = re.compile(r"[a-zà-ÿĀ-ſ]+")  # one word (for "{0,3}" gaps)

Rule = tuple[Phrase, float, bool]  # pattern, weight, can be negated ("niet") inside the match


def _rules(spec: list[tuple], negatable: bool = False) -> list[Rule]:
    return [(Phrase(p[0]), p[1], p[2] if len(p) > 2 else negatable) for p in spec]


INTREKKING = _rules([
    (rf"\b(?:trek|trekken)\s+{_W}{{0,4}}klacht(?:en)?\s+{_W}{{0,3}}in\b", 6, True),
    (rf"\bklacht(?:en)?\s+{_W}{{0,5}}(?:in\s+te\s+trekken|intrekken|ingetrokken|terugtrekken|terug\s+te\s+trekken)",
     6, True),
    (r"\bintrekk?ing\s+(?:van\s+)?(?:mijn|onze|de|deze)\s+klacht", 6),
    ((rf"\b(?:is|zijn|werd|inmiddels)\s+{_W}{{0,3}}opgelost\b[^.]{{0,120}}\b(?:zitting|hoorzitting|bijeenkomst|"
     rf"behandeling)\b[^.]{{0,60}}\b(?:niet|geen)\b"), 5),
    ((rf"\b(?:zitting|hoorzitting|bijeenkomst|behandeling)\s+{_W}{{0,4}}(?:hoeft|hoeven|kan|mag)\s+{_W}{{0,3}}"
     rf"(?:niet|geen)\s+(?:meer\s+)?(?:door\s+te\s+gaan|plaats\s+te\s+vinden|doorgaan)"), 5),
    (rf"\b(?:zie|zien)\s+{_W}{{0,3}}af\s+van\s+{_W}{{0,2}}klacht|\bafzien\s+van\s+{_W}{{0,2}}klacht", 5),
    (rf"\bklacht\s+{_W}{{0,3}}(?:laten\s+vallen|laat\s+vallen|laten\s+vervallen|als\s+vervallen)", 5),
    (r"\bklacht\s+(?:is|mag|kan)\s+(?:dus\s+)?(?:worden\s+)?(?:gesloten|afgesloten|als\s+opgelost)", 3),
])
BESLUIT = _rules([
    (r"\bnaar\s+aanleiding\s+van\s+(?:het|uw)\s+advies\b", 3),
    (rf"\b(?:neemt|nemen|nam|namen)\s+{_W}{{0,4}}advies\s+{_W}{{0,3}}over\b", 4),
    (rf"\badvies\s+{_W}{{0,6}}over\s+te\s+nemen\b|\badvies\s+{_W}{{0,4}}overgenomen\b", 4),
    (rf"\badvies\s+{_W}{{0,6}}(?:niet|deels|gedeeltelijk)\s+(?:over\s+te\s+nemen|overnemen|op\s+te\s+volgen)\b", 4),
    (rf"\b(?:wijkt|wijken|afwijken|af\s+te\s+wijken|afgeweken)\s+{_W}{{0,3}}(?:af\s+)?van\s+(?:het|uw)\s+advies", 4),
    ((rf"\b(?:directie|bestuur|raad\s+van\s+bestuur|bestuurder|wij)\s+{_W}{{0,3}}(?:heeft|hebben)\s+{_W}{{0,2}}"
     rf"besloten\b"), 2.5),
    (r"\b(?:ons|het)\s+besluit\b|\bbesluit\s+(?:op|over|inzake|naar\s+aanleiding)", 2),
    (r"\badvies\s+(?:van\s+)?(?:de|uw)\s+(?:klachten)?commissie\b", 1.5),
])
REACTIE = _rules([
    ((rf"\b(?:reactie|verweer|standpunt|zienswijze|verweerschrift)\s+{_W}{{0,3}}(?:op|inzake|betreffende|"
     rf"ten\s+aanzien\s+van|over)\s+(?:de|deze)\s+klacht"), 3),
    (r"\bklacht\s+van\s+(?:mevrouw|de\s+heer|dhr\.?|mw\.?|mevr\.?|de\s+familie|fam\.?|huurder|klager|klaagster)\b", 2.5),
    ((r"\bnaar\s+aanleiding\s+van\s+uw\s+(?:brief|verzoek|e-?mail|schrijven|bericht)\b[^.]{0,120}"
     r"\b(?:reactie|reageren|verweer|standpunt)"), 2.5),
    ((rf"\bhierbij\s+(?:ontvangt\s+u|sturen\s+wij|geven\s+wij|doen\s+wij|reageren\s+wij)\s+{_W}{{0,2}}"
     rf"(?:onze|de|ons)?\s*(?:reactie|verweer|standpunt)"), 3),
    (r"\b(?:reageren|reageert)\s+(?:wij|mitros|de\s+corporatie)\s+(?:graag\s+)?op\b", 2),
    (r"\b(?:de\s+)?(?:huurder|klager|klaagster|bewoner|bewoonster)\b", 0.7),
    (r"\buw\s+kenmerk\b", 1.0),
    (r"\bons\s+kenmerk\b", 0.7),
])
AANVULLING = _rules([
    (r"\b(?:in\s+aanvulling\s+op|ter\s+aanvulling|als\s+aanvulling|aanvulling\s+op)\b", 4.5),
    (rf"\b(?:wil|wilde|moet|kan)\s+{_W}{{0,3}}aanvullen\b|\baanvullen\s+op\s+(?:mijn|onze)\b", 4),
    (r"\bhierbij\s+(?:stuur|zend|doe|geef)\s+ik\s+(?:u\s+)?(?:nog|alsnog|ook\s+nog|aanvullend)", 4),
    (r"\b(?:stuur|zend)\s+ik\s+(?:u\s+)?(?:hierbij\s+)?(?:nog|alsnog)\b", 3),
    ((r"\bnog\s+(?:wat|enkele|een\s+paar|meer|extra|aanvullende|de)\s+(?:foto'?s|stukken|documenten|informatie|"
     r"bewijs|bijlagen|gegevens)"), 2.5),
    (r"\bvergeten\s+(?:te\s+)?(?:melden|vermelden|sturen|noemen|bij\s+te\s+voegen|mee\s+te\s+sturen)", 2.5),
    (r"\b(?:mijn|onze)\s+(?:lopende|ingediende)\s+klacht\b|\b(?:mijn|onze)\s+klacht\s+bij\s+(?:u|uw\s+commissie)\b", 2),
    (r"\bnaar\s+aanleiding\s+van\s+(?:uw|de)\s+(?:ontvangstbevestiging|uitnodiging)\b", 2),
    (rf"\b(?:reageren|reactie|reageer)\s+{_W}{{0,2}}op\s+(?:het\s+verweer|de\s+reactie|wat\s+\w+\s+(?:schrijft|zegt))", 3),
    (r"\bsinds\s+(?:mijn|onze)\s+klacht\s+(?:bij\s+u|bij\s+de\s+commissie)", 2),
    (r"\bnieuwe\s+(?:informatie|ontwikkelingen|foto'?s)\b", 1.5),
    (r"\b(?:extra|aanvullende)\s+(?:informatie|foto'?s|stukken|gegevens)\b", 2.5),
    ((r"\bbij\s+(?:mijn|onze)\s+klacht\s+(?:van|die|over|bij)\b|\b(?:mijn|onze)\s+klacht\s+van\s+(?:vorige|"
     r"afgelopen|\d)"), 2),
])
KLACHT = _rules([
    ((rf"\b(?:wil|willen|zou|zouden|wens|wensen)\s+{_W}{{0,4}}(?:een\s+)?klacht\s+{_W}{{0,3}}(?:indienen|voorleggen|"
     rf"neerleggen|in\s+te\s+dienen)"), 4),
    (rf"\bhierbij\s+(?:dien|leg)\s+(?:ik|wij|we)\s+{_W}{{0,4}}klacht", 4),
    (r"\b(?:dien|dienen)\s+(?:ik|wij|we)\b[^.]{0,160}?\bklacht\s+in\b", 4),
    (rf"\b(?:dien|dienen|leg|leggen)\s+(?:ik|wij|we)\s+{_W}{{0,5}}klacht\s+{_W}{{0,3}}(?:in|voor)\b", 4),
    (rf"\bklacht\s+{_W}{{0,3}}in\s+te\s+dienen\b", 3),
    (r"\b(?:ik|wij|we)\s+(?:heb|hebben)\s+(?:een\s+)?klacht(?:en)?\s+over\b", 2.5),
    ((rf"\bklacht\s+{_W}{{0,3}}(?:indienen|voorleggen|voor\s+te\s+leggen)\s+(?:bij|aan)\s+(?:de|uw|jullie)\s+"
     rf"(?:klachten)?commissie"), 4),
    (rf"\b(?:ik|wij|we)\s+(?:wil|willen)\s+{_W}{{0,2}}klagen\b", 3),
    (r"\b(?:mijn|onze|de)\s+klacht\s+(?:gaat\s+over|betreft|is\s+dat|is\s+als\s+volgt)", 2.5),
    (r"\bklachtenformulier|\bklachtformulier", 2),
    (rf"\b(?:niet\s+tevreden|ontevreden)\s+{_W}{{0,5}}(?:afhandeling|oplossing|reactie|antwoord)", 2.5),
    (rf"\bbinnen\s+(?:1|een|één)\s+maand\s+{_W}{{0,3}}geen\s+(?:inhoudelijke\s+)?(?:reactie|antwoord)", 2),
    (r"\bklacht\s+over\b", 1.5),
    (r"\b(?:helpen|hulp)\b[^.]{0,40}\b(?:klacht|probleem)", 1),
])


def _score(rules: list[Rule], low: str) -> tuple[float, list[str]]:
    """Sum of weights over lowercased text: weak rules count up to twice, strong ones once plus a little."""
    total = 0.0
    hits: list[str] = []
    for rx, w, negatable in rules:
        found = 0
        for m in rx.finditer(low):
            if negatable and (re.search(r"\b(?:niet|geen|nooit)\b", m.group(0))
                              or re.search(r"\b(?:niet|geen|nooit)\s+(?:\w+\s+){0,2}$", low[max(0, m.start() - 30):m.start()])):
                continue  # "ik trek mijn klacht niet in"
            found += 1
            if found == 1:
                hits.append(m.group(0))
            if found >= 3:
                break
        if not found:
            continue
        if w < 1.5:
            total += w * min(found, 2)
        else:
            total += w + 0.5 * (min(found, 3) - 1)
    return total, hits


def classify_kind(lay: Layout, email: EmailHeader | None, *, sender_corp: tuple[str, str] | None,
                  case_number: Field | None, category_score: float, ocr: bool = False) -> Field:
    own = lower(lay.own_text)
    subject = (email.subject if email and email.subject else lay.subject) or ""
    text = lower(f"{subject}\n{own}")
    scores: dict[str, float] = {}
    why: dict[str, list[str]] = {}
    for kind, rules in (("intrekking", INTREKKING), ("besluit_corporatie", BESLUIT),
                        ("reactie_corporatie", REACTIE), ("aanvulling", AANVULLING), ("klacht", KLACHT)):
        scores[kind], why[kind] = _score(rules, text)
    subj = subject.casefold()
    reply = bool(re.match(r"^\s*(?:re|antw|antwoord|fw|fwd|doorst)\s*:", subj))
    if "intrekking" in subj or "intrekken" in subj:
        scores["intrekking"] += 3
    if re.search(r"\bbesluit\b", subj):
        scores["besluit_corporatie"] += 2
    if re.search(r"\baanvulling\b", subj):
        scores["aanvulling"] += 3
    if re.search(r"\b(?:reactie|verweer)\b", subj):
        scores["reactie_corporatie"] += 2
    if re.search(r"\bklacht\b", subj) and not re.search(r"reactie|aanvulling|intrek|besluit|verweer", subj):
        scores["klacht"] += 1.5
    scores["klacht"] += min(2.0, 0.35 * category_score)
    if not re.search(r"\badvies\b", text, re.IGNORECASE):
        scores["besluit_corporatie"] *= 0.4

    # who writes: a corporation writes reactions and decisions, a tenant complaints and additions
    words = Counter(_WORDS.findall(own))
    words_we = sum(words[w] for w in ("wij", "we", "ons", "onze"))
    words_i = sum(words[w] for w in ("ik", "mijn", "mij", "me"))
    if sender_corp:
        scores["reactie_corporatie"] += 3
        scores["besluit_corporatie"] += 1.5 if scores["besluit_corporatie"] >= 3 else 0
        scores["klacht"] *= 0.2
        scores["aanvulling"] *= 0.3
    else:
        scores["reactie_corporatie"] *= 0.35
        scores["besluit_corporatie"] *= 0.6
        if words_we >= 4 and words_we > 2 * words_i and re.search(r"\bklacht\s+van\b|\bhuurder\b", own, re.IGNORECASE):
            scores["reactie_corporatie"] += 1.5
    if scores["besluit_corporatie"] >= 3.5:
        scores["reactie_corporatie"] *= 0.5  # a decision also speaks of "de klacht van de heer X"
    # a cited case number or a reply means: not a new complaint
    not_new = bool(case_number and case_number.confidence >= 0.5) or reply
    if not_new:
        scores["klacht"] -= 2.5
        if not sender_corp:
            scores["aanvulling"] += 2.5 if case_number else 1.5
    scores["overig"] = 1.0

    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    (kind, top), (_, second) = ranked[0], ranked[1]
    if kind == "overig":
        return Field("overig", "text: geen herkenbare soort", 0.45)
    margin = (top - max(second, 0.0)) / top if top > 0 else 0.0
    conf = min(0.95, 0.5 + 0.08 * top) * (0.55 + 0.45 * margin)
    if ocr:
        conf -= 0.05
    hints = why.get(kind) or []
    source = f"text: '{hints[0][:60]}'" if hints else "text: inhoud"
    if kind in ("reactie_corporatie", "besluit_corporatie") and sender_corp:
        source += f"; afzender {sender_corp[0]} ({sender_corp[1]})"
    if not_new and kind == "aanvulling" and not hints:
        source = "text: noemt zaaknummer" if case_number else "e-mail: antwoord (Re:)"
    return Field(kind, source, round(max(0.2, conf), 2))


# --- category -------------------------------------------------------------------------------

CATEGORY_RULES: dict[str, list[Rule]] = {
    # money matters (rent, service costs) are no category of their own: they make a complaint "overig"
    "overig": _rules([
        (r"\bhuurverhoging\w*|\bhuurprijs\w*|\bhuurverlaging\w*|\bhoge\s+huur\b", 2.5),
        (r"\bservicekosten\w*|\b(?:jaar)?afrekening\w*|\bbijbetaling\w*|\bwarmtelevering\w*", 2.5),
        (r"\btoewijzing\w*|\burgentie\w*|\bwoningruil\w*|\binschrijf\w*", 1.5),
    ]),
    "reparatie_onderhoud": _rules([
        (r"\b(?:dak)?lekkage\w*|\blek(?:t|ken|te)?\b", 2), (r"\bschimmel\w*", 2), (r"\bvocht\w*", 2),
        (r"\breparatie\w*|\brepare(?:ren|ert)\b|\bgerepareerd\b", 2), (r"\bonderhoud\w*", 1.5),
        (r"\bkapot(?:te)?\b|\bstuk\b", 1.5), (r"\bdefect\w*", 1.5), (r"\bgebrek(?:en)?\b", 1),
        (r"\bcv[- ]?ketel|\bverwarming|\bradiator", 1), (r"\btocht\w*", 1), (r"\bverstop\w*|\briool\w*", 1.5),
        (r"\bventilatie\b", 1), (r"\bhoutrot\b", 1.5), (r"\bscheur(?:en)?\b", 1), (r"\bstoring\w*", 1),
        ((r"\bwerkt\s+niet\b|\bdoet\s+het\s+niet\b|\bvalt\s+(?:\S+\s+){0,2}uit\b|\b(?:geen|koud)\s+(?:warm\s+)?water\b|"
         r"\bketel\b"), 1.5),
        (r"\bmonteur\w*", 1),
        (r"\b(?:kozijn|kozijnen|dakgoot|goot|raam|ramen)\b", 0.5), (r"\bmeldingen?\b|\bgemeld\b", 0.5),
    ]),
    "overlast": _rules([
        (r"\bgeluidsoverlast\b", 3), (r"\boverlast\b", 2),
        (r"\b(?:boven|onder)?buren\b|\bbovenbuurman\b|\bonderbuurman\b", 1), (r"\bstank\b|\bstinkt\b", 2),
        (r"\blawaai\w*|\bherrie\b|\bharde\s+muziek\b", 2), (r"\bdrugs\w*|\bhennep\w*|\bwiet\b", 2),
        (r"\bburenruzie\b", 2.5), (r"\bbedreig\w*|\bintimid\w*", 1.5), (r"\b(?:vervuiling|zwerfvuil)\b", 1),
        (r"\bblaff\w*|\bhonden\b", 1),
    ]),
    "bejegening": _rules([
        (r"\bonbeschoft\w*", 3), (r"\brespectlo\w*", 3), (r"\bbejegen\w*", 3), (r"\bonvriendelijk\w*", 2),
        (r"\buitgescholden\b|\bschreeuw\w*|\buitschelden\b", 2.5), (r"\bneerbuigend\w*|\bdenigrerend\w*|\barrogant\w*", 2.5),
        (rf"\bmedewerker\s+{_W}{{0,4}}(?:behandelde|behandeld|sprak|deed|was\s+(?:grof|bot|onaardig))", 2),
        (r"\bbehandeld\s+als\b|\bals\s+oud\s+vuil\b", 2), (r"\bdiscrimin\w*", 2),
        (r"\bniet\s+serieus\s+genomen\b", 1.5), (r"\b(?:grof|grove|bot|onaardig|brutaal)\b", 1.5),
    ]),
    "communicatie": _rules([
        (r"\bniet\s+(?:meer\s+)?teruggebeld\b|\bnooit\s+teruggebeld\b|\bterugbelverzoek\w*", 3),
        (r"\bgeen\s+(?:enkele\s+)?reactie\b", 2.5),
        (r"\breageer?t\s+niet\b|\breageren\s+niet\b|\bniet\s+(?:meer\s+)?gereageerd\b|\bniet\s+reageert\b", 2.5),
        (r"\bgeen\s+(?:enkel\s+)?antwoord\b|\bniet\s+beantwoord\b", 2), (r"\bgeen\s+terugkoppeling\b", 2.5),
        (r"\b(?:niet|slecht|moeilijk)\s+bereikbaar\b", 2), ((r"\b(?:hoor|hoorde|horen)\s+(?:ik\s+|we\s+|wij\s+)?niets\b|"
                                                           r"\bniets\s+(?:meer\s+)?(?:van\s+\w+\s+)?gehoord\b"), 2),
        (r"\bcommunicatie\b", 2), (r"\bgeen\s+bericht\b", 1.5),
        (r"\bnooit\s+(?:een\s+)?(?:echt\s+|inhoudelijk\s+)?antwoord\b|\bautomatische\s+(?:ontvangst)?bevestiging\w*", 2.5),
        (r"\biemand\s+anders\s+aan\s+de\s+lijn\b|\bvan\s+niets\s+weet\b|\bsteeds\s+(?:iemand|een)\s+ander", 2),
        (r"\b(?:mails?|e-mails?|brieven)\s+(?:\S+\s+){0,3}(?:onbeantwoord|zonder\s+antwoord)\b", 2), (r"\btoezegging\w*\s+(?:\w+\s+){0,3}niet\s+nagekomen", 1.5),
    ]),
    "informatie": _rules([
        (r"\b(?:verkeerde|onjuiste|foute|onvolledige|tegenstrijdige|onduidelijke|misleidende)\s+informatie\b", 3.5),
        (r"\b(?:verkeerd|onjuist|niet|slecht|onvoldoende)\s+ge[iï]nformeerd\b", 3), (r"\bvoorlichting\b", 1.5),
        (r"\binformatie\b", 0.5), (r"\b(?:verkeerde|onjuiste)\s+(?:uitleg|advies|antwoord)\b", 1.5),
    ]),
    "oplevering_nieuwbouw": _rules([
        (r"\bnieuwbouw\w*", 3), (r"\boplever\w*|\bopgeleverd\b", 3), (r"\brestpunten\b", 2),
        (r"\bnieuwe\s+woning\b", 0.5),
    ]),
    "werkzaamheden_aannemer": _rules([
        (r"\baannemer\w*", 2.5), (r"\bschilder(?:s|werk)?\b", 2), (r"\bloodgieter\w*", 2),
        (r"\binstallateur\w*", 1), (r"\bwerkzaamheden\b", 2), (r"\bsteiger\w*", 2),
        (r"\bbeschadigd\w*|\bvernield\b|\bkapotgegaan\b|\bpuin\b", 1.5), (r"\bschade\b", 1),
        (r"\brenovatie\w*|\brenoveren\b|\bgerenoveerd\b", 2), (r"\buitvoerder\w*", 2),
        (r"\bwerklieden\b|\bbouwvakkers?\b|\bvaklieden\b|\bvakman(?:nen)?\b", 1.5),
        (r"\bplanmatig\s+onderhoud\b", 2),
    ]),
}


def category_scores(low: str) -> dict[str, float]:
    return {cat: _score(rules, low)[0] for cat, rules in CATEGORY_RULES.items()}


def classify_category(lay: Layout, *, ocr: bool = False) -> tuple[Field, float]:
    """(category field, total keyword score): the total tells classify_kind there is a complaint."""
    text = lower("\n".join(x for x in (lay.subject or "", lay.span_text(lay.head_end, lay.quoted)) if x))
    scores = category_scores(text)
    total = sum(scores.values())
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    (cat, top), (_, second) = ranked[0], ranked[1]
    if top < 1.5:
        return Field("overig", "text: geen trefwoorden", 0.4), total
    hits = _score(CATEGORY_RULES[cat], text)[1]
    margin = (top - second) / top
    conf = min(0.9, 0.4 + 0.08 * top) * (0.5 + 0.5 * margin)
    if ocr:
        conf -= 0.05
    words = ", ".join(dict.fromkeys(h.lower() for h in hits[:3]))
    return Field(cat, f"text: trefwoorden {words}", round(max(0.2, conf), 2)), total
