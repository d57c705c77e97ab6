"""What one letter says: its values, built from the case, kwru.yaml and person-written text.

Every value the letter needs is checked here, before anything is rendered: what is missing
becomes ONE MissingValueError naming each field, the letter and the case, with how to fix it.
The values are plain Dutch text (dates written out, names with their form of address); the
keys are the Dutch words the secretary sees in the templates (templates/VELDEN.md).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from dateutil.relativedelta import relativedelta

from ..config import Config, Corporation
from ..errors import ConfigError, MissingValueError
from ..lifecycle import history as hist
from ..models import JUDGEMENTS, Case, Document, Party, as_date
from . import dutch
from .content import AdviceText, MediationText
from .kinds import COMPLAINANT, CORPORATION, RECIPIENT_SUFFIX, Kind

UNPLANNED = frozenset({"ontvankelijk", "reactie_gevraagd", "reactie_ontvangen", "niet_ontvankelijk"})
REMINDER_DAYS = 7  # a reminder asks for the reaction or decision within this many days
_PLACEHOLDER = re.compile(r"in te vullen|^0000\s*[A-Z]{2}$", re.IGNORECASE)
JUDGEMENT_TEXT = {"gegrond": "gegrond", "ongegrond": "ongegrond", "gedeeltelijk_gegrond": "gedeeltelijk gegrond"}


class Needs:
    """Collects what a letter lacks, so the secretary hears about all of it at once."""

    def __init__(self, kind: str, case_id: str):
        self.kind, self.case_id = kind, case_id
        self.missing: list[str] = []

    def need(self, value: Any, name: str, hint: str | None = None) -> Any:
        empty = value is None or (isinstance(value, (str, list, dict, tuple)) and not value)
        placeholder = isinstance(value, str) and bool(_PLACEHOLDER.search(value.strip()))
        if empty or placeholder:
            what = f"{name} (it is a placeholder: {value!r})" if placeholder else name
            self.missing.append(f"{what}{f' ({hint})' if hint else ''}")
        return value

    def add(self, text: str) -> None:
        self.missing.append(text)

    def check(self) -> None:
        if self.missing:
            raise MissingValueError(f"letter {self.kind} for {self.case_id} needs " + "; ".join(self.missing))


@dataclass
class Letter:
    """One letter to make: the case, who gets it, which template, and its values."""

    case_id: str
    kind: str
    recipient: str  # complainant | corporation
    addressee: str  # "representative" when the complainant's letter goes to the gemachtigde
    template: str  # template stem, e.g. uitnodiging_zitting-klager
    stem: str  # file name part after the date / case number: kind, plus recipient or variant
    date: dt.date
    context: dict[str, Any]
    moves_to: str | None = None  # status the case moves to when it is made
    warnings: list[str] = field(default_factory=list)  # made, but the secretary should look at this
    enclosures: list[str] = field(default_factory=list)  # case documents sent along (paths in the case)

    @property
    def dossier_stem(self) -> str:
        return f"{self.date.isoformat()}-{self.stem}"

    @property
    def outbox_stem(self) -> str:
        return f"{self.case_id}-{self.stem}"


# --- small helpers --------------------------------------------------------------------------

def join_nl(items: list[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def paragraphs(text: str | None) -> list[str]:
    """A person's text as paragraphs: blank lines separate them, single line breaks are wraps."""
    if not text:
        return []
    out = []
    for block in re.split(r"\n\s*\n", dutch.clean(text).strip()):
        joined = " ".join(line.strip() for line in block.splitlines() if line.strip())
        if joined:
            out.append(joined)
    return out


def term(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def doc_date(doc: Document) -> dt.date | None:
    return as_date(doc.date) or as_date(doc.received)


def _doc_phrase(doc: Document, corp: str) -> str:
    """How the procedure paragraph of an advice names a document: "de reactie van Mitros van 1 april 2026"."""
    label = {"klacht": "de klacht", "reactie_corporatie": f"de reactie van {corp}",
             "aanvulling": "een aanvulling van klager", "intrekking": "de intrekking",
             "besluit_corporatie": f"het besluit van {corp}"}.get(doc.kind)
    if label is None:
        label = f"het stuk ‘{doc.title}’" if doc.title else "een ander stuk"
    d = doc_date(doc)
    return f"{label}{f' van {dutch.date_nl(d)}' if d else ''}"


def hearing_of(case: Case, history: list[dict[str, Any]]) -> dict[str, str] | None:
    """The case's hearing; when case.yaml no longer has it, the last one planned (history)."""
    if case.hearing:
        return case.hearing.to_dict()
    last = None
    for ev in history:
        if ev.get("event") == "status":
            if ev.get("to") == "zitting_gepland" and isinstance(ev.get("hearing"), dict):
                last = ev["hearing"]
            elif ev.get("from") == "zitting_gepland" and ev.get("to") in UNPLANNED:
                last = None  # taken off the hearing day
        elif ev.get("event") == "hearing":
            if ev.get("action") == "cancelled":
                last = None
            elif isinstance(ev.get("to"), dict):
                last = ev["to"]
            elif isinstance(ev.get("hearing"), dict):
                last = ev["hearing"]
    return last


def last_letter(history: list[dict[str, Any]], kind: str) -> dt.date | None:
    dates = hist.letters_sent(history, {kind})
    return dates[-1] if dates else None


# --- the parts every letter has -------------------------------------------------------------

def _date(value: Any, name: str, needs: Needs) -> dt.date | None:
    """A date from case.yaml; a hand-edited one that is not a date is a missing value, not a crash."""
    try:
        return as_date(value)
    except (TypeError, ValueError):
        needs.add(f"{name} as a date YYYY-MM-DD, not {value!r}")
        return None


def _committee(config: Config) -> dict[str, Any]:
    c = config.committee
    return {
        "naam": c.name, "korte_naam": c.short_name, "adres": list(c.address),
        "adres_regel": " · ".join(c.address), "adres_tekst": ", ".join(c.address), "email": c.email, "telefoon": c.phone,
        "website": c.website, "reglement": c.regulations_url, "secretaris": c.secretary,
        "voorzitter": c.chair, "leden": list(c.members), "leden_tekst": join_nl(list(c.members)),
    }


def _party_lines(party: Party, role: str, needs: Needs) -> list[str]:
    needs.need(party.name, f"{role}.name", f"set it with `kwru set {needs.case_id} {role}.name=...`")
    lines = [dutch.address_name(party)]
    if party.street and party.postcode and party.city:
        lines += [dutch.street_line(party), dutch.postcode_city(party.postcode, party.city)]
        for f in ("street", "postcode", "city"):
            needs.need(getattr(party, f), f"{role}.{f}")
    elif party.email:
        lines.append(f"Per e-mail: {dutch.clean(party.email)}")
    else:
        needs.add(f"{role}.street, {role}.postcode and {role}.city, or {role}.email (an address to send "
                  f"it to; set it with `kwru set {needs.case_id} {role}.street=...`)")
    return lines


def _corporation(config: Config, case: Case, needs: Needs) -> Corporation | None:
    if not needs.need(case.corporation, "corporation", f"set it with `kwru set {case.id} corporation=NAME`"):
        return None
    try:
        return config.corporation(case.corporation or "")
    except ConfigError as e:
        needs.add(f"a corporation known in kwru.yaml ({e})")
        return None


def _directie_lines(corp: Corporation, needs: Needs) -> list[str]:
    d = corp.directie
    where = f"the directie address of {corp.name} in kwru.yaml (corporations: directie"
    for f in ("street", "postcode", "city"):
        needs.need(getattr(d, f), f"{where}.{f})")
    attention = (d.attention or "De directie").strip()
    att = "t.a.v. " + attention[0].lower() + attention[1:] if attention.lower().startswith("de ") else "t.a.v. " + attention
    return [corp.name, att, *(x for x in (d.street,) if x), dutch.postcode_city(d.postcode, d.city)]


def common(config: Config, case: Case, history: list[dict[str, Any]], kind: Kind, recipient: str,
           date: dt.date, needs: Needs) -> dict[str, Any]:
    complainant = case.complainant
    rep = case.representative if case.representative and case.representative.name else None
    corp = _corporation(config, case, needs)
    corp_name = corp.name if corp else (case.corporation or "")
    needs.need(complainant.name, "complainant.name", f"set it with `kwru set {case.id} complainant.name=...`")
    needs.need(case.received, "received", f"the day the complaint arrived; `kwru set {case.id} received=YYYY-MM-DD`")

    klager_naam = dutch.display_name(complainant)
    place = ", ".join(x for x in (dutch.street_line(complainant), dutch.clean(complainant.city or "").strip()) if x)
    to_rep = recipient == COMPLAINANT and rep is not None
    afschrift: list[str] = []
    if recipient == COMPLAINANT:
        lines = _party_lines(rep if to_rep else complainant, "representative" if to_rep else "complainant", needs)
        aanhef = dutch.salutation(rep if to_rep else complainant)
        if to_rep:
            afschrift.append(f"{klager_naam} (klager)")
            betreft = f"Klacht van {klager_naam} over {corp_name}"
            uw_klacht = f"de klacht van {klager_naam}"
            partijen = f"{klager_naam} en {corp_name}"
        else:
            betreft = f"Uw klacht over {corp_name}"
            uw_klacht = "uw klacht"
            partijen = f"u en {corp_name}"
    else:
        lines = _directie_lines(corp, needs) if corp else []
        aanhef = "Geachte directie"
        betreft = f"Klacht van {klager_naam}{f' ({place})' if place else ''}"
        uw_klacht = f"de klacht van {klager_naam}"
        partijen = f"{klager_naam} en {corp_name}"

    gemachtigde = None
    if rep:
        relation = dutch.clean(rep.relation or "").strip()
        gemachtigde = {"naam": dutch.display_name(rep), "relatie": relation,
                       "aanduiding": f"{dutch.display_name(rep)}{f' ({relation})' if relation else ''}"}
    received = _date(case.received, "received", needs)
    d = config.deadlines
    zitting = None
    h = hearing_of(case, history)
    if h and _date(h.get("date"), "hearing.date", needs):
        zitting = {"datum": dutch.weekday_date_nl(h["date"]), "datum_kort": dutch.date_nl(h["date"]),
                   "tijd": dutch.time_nl(str(h.get("time") or "")), "locatie": dutch.clean(h.get("location") or ""),
                   "duur": config.hearings.slot_minutes}
    return {
        "commissie": _committee(config),
        "kenmerk": case.id,
        "datum": dutch.date_nl(date),
        "aan": {"regels": [dutch.clean(x) for x in lines], "aanhef": aanhef,
                "rol": "corporatie" if recipient == CORPORATION else ("gemachtigde" if to_rep else "klager")},
        "klager": {"naam": klager_naam, "naam_adres": f"{klager_naam}{f' ({place})' if place else ''}",
                   "woonplaats": dutch.clean(complainant.city or "").strip()},
        "gemachtigde": gemachtigde,
        "corporatie": {"naam": corp_name},
        "klacht": {"ontvangen": dutch.date_nl(received) if received else "", "betreft": betreft,
                   "ontvankelijk": case.status not in ("ontvangen", "doorgezonden", "niet_ontvankelijk")},
        "uw_klacht": uw_klacht,
        "partijen": partijen,
        "zitting": zitting,
        "termijnen": {"reactie": term(d.reaction_days, "dag", "dagen"),
                      "advies": term(d.advice_months, "maand", "maanden"),
                      "besluit": term(d.decision_months, "maand", "maanden"),
                      "ontvangst": term(d.acknowledgement_days, "dag", "dagen")},
        "afschrift": afschrift,
        "bijlagen": [],
    }


# --- per kind ------------------------------------------------------------------------------

def _documents(case: Case, *kinds: str) -> list[Document]:
    return [doc for doc in case.documents if doc.kind in kinds]


def _niet_ontvankelijk(ctx: dict, case: Case, needs: Needs, **_: Any) -> None:
    code = needs.need(case.admissibility.reason, "admissibility.reason",
                      f"decide with `kwru decide {case.id} niet-ontvankelijk --reason CODE`")
    ctx["reden"] = None
    if code:
        from ..lifecycle.admissibility import REASONS

        r = REASONS.get(code)
        if r is None:
            needs.add(f"a known admissibility.reason, not {code!r} (codes: {', '.join(REASONS)})")
        else:
            ctx["reden"] = {"code": r.code, "tekst": r.text, "verwijzing": r.referral or "",
                            "noemt_huurcommissie": "huurcommissie" in (r.referral or "").lower()}


def _doorgezonden(ctx: dict, case: Case, recipient: str, **_: Any) -> None:
    if recipient == CORPORATION:
        docs = _documents(case, "klacht", "aanvulling")
        ctx["bijlagen"] = [f"Kopie van {_doc_phrase(d, ctx['corporatie']['naam'])}" for d in docs] \
            or ["Kopie van de klacht"]
        ctx["_enclosures"] = [d.path for d in docs if d.path]
        ctx["afschrift"].append(f"{ctx['klager']['naam']} (klager)")
    else:
        ctx["bijlagen"] = [f"Kopie van onze brief aan {ctx['corporatie']['naam']}"]


def _verzoek_reactie(ctx: dict, case: Case, config: Config, date: dt.date, **_: Any) -> None:
    ctx["reactie"] = {"uiterlijk": dutch.date_nl(date + dt.timedelta(days=config.deadlines.reaction_days))}
    docs = _documents(case, "klacht", "aanvulling")
    ctx["bijlagen"] = [f"Kopie van {_doc_phrase(d, ctx['corporatie']['naam'])}" for d in docs] \
        or ["Kopie van de klacht"]
    ctx["_enclosures"] = [d.path for d in docs if d.path]


def _kopie_reactie(ctx: dict, case: Case, needs: Needs, **_: Any) -> None:
    docs = _documents(case, "reactie_corporatie")
    needs.need(docs, "a document of kind reactie_corporatie",
               "the corporation's reaction; file it with `kwru ingest`")
    ctx["reactie"] = None
    if docs:
        last = docs[-1]
        rd = doc_date(last)
        ctx["reactie"] = {"datum": dutch.date_nl(rd) if rd else "",
                          "ontvangen": dutch.date_nl(as_date(last.received) or rd) if (last.received or rd) else ""}
        ctx["bijlagen"] = [f"Kopie van {_doc_phrase(d, ctx['corporatie']['naam'])}" for d in docs]
        ctx["_enclosures"] = [d.path for d in docs if d.path]


def _uitnodiging(ctx: dict, case: Case, needs: Needs, **_: Any) -> None:
    h = case.hearing
    hint = f"plan it with `kwru schedule DATE {case.id}`"
    needs.need(h and h.date, "hearing.date", hint)
    needs.need(h and h.time, "hearing.time", hint)
    needs.need(h and h.location, "hearing.location", hint)


def _bemiddeling(ctx: dict, case: Case, needs: Needs, content: Any, recipient: str, **_: Any) -> None:
    m = content if isinstance(content, MediationText) else MediationText()
    draft = f"dossiers/{case.id}/letters/bemiddeling-concept.yaml (`kwru letter bemiddeling {case.id} --draft`)"
    needs.need(ctx["zitting"], "hearing.date", "the hearing where the mediation took place")
    needs.need(m.afspraken, "the agreements (outcome_details.agreements)", f"write them in {draft}")
    held = case.outcome == "aangehouden" or case.status == "aangehouden"
    follow = None
    if held:
        needs.need(m.reden_aanhouden, "the reason the complaint is held (outcome_details.hold_reason)", f"in {draft}")
        needs.need(m.vervolgdatum, "the follow-up date (outcome_details.follow_up)", f"in {draft}")
        try:
            follow = as_date(m.vervolgdatum)
        except ValueError:
            needs.add(f"a follow-up date as YYYY-MM-DD, not {m.vervolgdatum!r}")
    ctx["bemiddeling"] = {
        "afspraken": [dutch.clean(a) for a in m.afspraken],
        "aangehouden": held,
        "reden": " ".join(paragraphs(m.reden_aanhouden)),
        "vervolgdatum": dutch.date_nl(follow) if follow else "",
    }
    if recipient == COMPLAINANT:
        ctx["afschrift"].append(f"de directie van {ctx['corporatie']['naam']}")
    else:
        ctx["afschrift"].append(f"{ctx['klager']['naam']} (klager)")
        if ctx["gemachtigde"]:
            ctx["afschrift"].append(f"{ctx['gemachtigde']['naam']} (gemachtigde van klager)")


def rollup(judgements: list[str]) -> str | None:
    if not judgements or any(j not in JUDGEMENTS for j in judgements):
        return None
    if all(j == "gegrond" for j in judgements):
        return "gegrond"
    if all(j == "ongegrond" for j in judgements):
        return "ongegrond"
    return "gedeeltelijk_gegrond"


def _norm_judgement(j: str) -> str:
    return j.strip().lower().replace(" ", "_").replace("-", "_")


def _procedure(case: Case, history: list[dict[str, Any]], corp: str, zitting: dict | None, a: AdviceText) -> list[str]:
    out = []
    received = as_date(case.received)
    if received:
        out.append(f"De commissie heeft de klacht op {dutch.date_nl(received)} ontvangen.")
    asked = last_letter(history, "verzoek_reactie") or hist.entered(history, "reactie_gevraagd")
    if asked:
        out.append(f"Op {dutch.date_nl(asked)} heeft de commissie {corp} gevraagd op de klacht te reageren.")
    docs = [_doc_phrase(d, corp) for d in case.documents]
    if docs:
        out.append(f"De commissie heeft de volgende stukken ontvangen: {join_nl(docs)}.")
    if zitting:
        out.append(f"De commissie heeft de klacht behandeld op de zitting van {zitting['datum_kort']}"
                   f"{' in ' + zitting['locatie'] if zitting['locatie'] else ''}."
                   + (f" Aanwezig waren: {' '.join(paragraphs(a.aanwezig))}" if a.aanwezig else ""))
    else:
        out.append("De commissie heeft de klacht op de stukken behandeld, zonder zitting.")
    return out + paragraphs(a.procedure)


def _advies(ctx: dict, case: Case, history: list[dict[str, Any]], needs: Needs, content: Any, **_: Any) -> None:
    a = content if isinstance(content, AdviceText) else AdviceText()
    draft = f"dossiers/{case.id}/letters/advies-concept.yaml (`kwru letter advies {case.id} --draft`)"
    needs.need(a.onderdelen, "the complaint parts (outcome_details.parts)", f"write them in {draft}")
    parts = []
    unwritten: list[str] = []
    for i, p in enumerate(a.onderdelen, 1):
        needs.need(p.titel, f"onderdelen[{i}].titel", f"in {draft}")
        if not p.overweging:
            unwritten.append(f"onderdelen[{i}].overweging")
        j = _norm_judgement(p.oordeel)
        if j not in JUDGEMENTS:
            needs.add(f"onderdelen[{i}].oordeel: gegrond, ongegrond or gedeeltelijk_gegrond"
                      f"{f', not {p.oordeel!r}' if p.oordeel else ''} (in {draft})")
        parts.append({"nummer": i, "titel": dutch.clean(p.titel), "overweging": paragraphs(p.overweging),
                      "oordeel": JUDGEMENT_TEXT.get(j, "")})
    unwritten += [name for name in ("standpunt_klager", "standpunt_corporatie") if not getattr(a, name)]
    if unwritten:  # the letter leaves these sections out; the secretary hears which
        ctx["_warnings"].append(f"advies for {case.id} is made without {', '.join(unwritten)}; write them in "
                                f"{draft} and make the letter again")
    rolled = rollup([_norm_judgement(p.oordeel) for p in a.onderdelen])
    overall = _norm_judgement(a.oordeel) if a.oordeel else (case.outcome if case.outcome in JUDGEMENTS else rolled)
    if not overall or overall not in JUDGEMENTS:
        needs.add(f"the judgement: `kwru outcome {case.id} gegrond|ongegrond|gedeeltelijk-gegrond`, "
                  f"or oordeel in {draft}")
    elif rolled and overall != rolled:
        needs.add(f"a judgement that agrees with its parts: the advice says {JUDGEMENT_TEXT[overall]}, "
                  f"the parts make it {JUDGEMENT_TEXT[rolled]} (correct oordeel in {draft})")
    ctx["advies"] = {
        "oordeel": JUDGEMENT_TEXT.get(overall or "", ""),
        "procedure": _procedure(case, history, ctx["corporatie"]["naam"], ctx["zitting"], a),
        "onderdelen": parts,
        "standpunt_klager": paragraphs(a.standpunt_klager),
        "standpunt_corporatie": paragraphs(a.standpunt_corporatie),
        "feiten": [dutch.clean(f) for f in a.feiten],
        "aanbevelingen": [dutch.clean(r) for r in a.aanbevelingen],
        "algemeen_advies": paragraphs(a.algemeen_advies),
    }
    ctx["afschrift"].append(f"{ctx['klager']['naam']} (klager)")
    if ctx["gemachtigde"]:
        ctx["afschrift"].append(f"{ctx['gemachtigde']['naam']} (gemachtigde van klager)")


def _intrekking(ctx: dict, case: Case, history: list[dict[str, Any]], needs: Needs, **_: Any) -> None:
    docs = _documents(case, "intrekking")
    when = (doc_date(docs[-1]) if docs else None) or hist.entered(history, "ingetrokken", last=True)
    needs.need(when, "the day of the withdrawal", f"a document of kind intrekking, or `kwru withdraw {case.id}`")
    ctx["intrekking"] = {"datum": dutch.date_nl(when) if when else ""}
    ctx["afschrift"].append(f"de directie van {ctx['corporatie']['naam']}")


def _herinnering(ctx: dict, case: Case, history: list[dict[str, Any]], config: Config, date: dt.date,
                 needs: Needs, **_: Any) -> None:
    d = config.deadlines
    if case.status == "advies_uitgebracht":
        sent = last_letter(history, "advies") or hist.entered(history, "advies_uitgebracht", last=True)
        needs.need(sent, "the day of the advice", f"make it with `kwru letter advies {case.id}`")
        due = sent + relativedelta(months=d.decision_months) if sent else None
        ctx["herinnering"] = {"soort": "besluit", "advies": dutch.date_nl(sent) if sent else ""}
    else:
        sent = last_letter(history, "verzoek_reactie") or hist.entered(history, "reactie_gevraagd", last=True)
        needs.need(sent, "the day the reaction was asked for", f"`kwru letter verzoek_reactie {case.id}`")
        due = sent + dt.timedelta(days=d.reaction_days) if sent else None
        ctx["herinnering"] = {"soort": "reactie", "verzoek": dutch.date_nl(sent) if sent else ""}
    ctx["herinnering"].update({
        "uiterlijk": dutch.date_nl(due) if due else "",
        "verstreken": bool(due and date > due),
        "nieuw_uiterlijk": dutch.date_nl(max(date, due or date) + dt.timedelta(days=REMINDER_DAYS)),
    })


def _sanitize(value: Any) -> Any:
    """Every text in the values fit for a DOCX (no control characters), whatever its source."""
    if isinstance(value, str):
        return dutch.clean(value)
    if isinstance(value, dict):
        return {k: _sanitize(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_sanitize(v) for v in value]
    return value


_PER_KIND = {
    "niet_ontvankelijk": _niet_ontvankelijk,
    "doorgezonden": _doorgezonden,
    "verzoek_reactie": _verzoek_reactie,
    "kopie_reactie": _kopie_reactie,
    "uitnodiging_zitting": _uitnodiging,
    "bemiddeling": _bemiddeling,
    "advies": _advies,
    "intrekking": _intrekking,
    "herinnering": _herinnering,
}


def build(config: Config, case: Case, history: list[dict[str, Any]], kind: Kind, recipients: tuple[str, ...],
          date: dt.date, content: AdviceText | MediationText | None = None) -> list[Letter]:
    """The letters of `kind` for `case`, one per recipient, every value checked (or MissingValueError)."""
    kind.check_status(case)
    needs = Needs(kind.name, case.id)
    letters = []
    for recipient in recipients:
        ctx = common(config, case, history, kind, recipient, date, needs)
        ctx["_warnings"], ctx["_enclosures"] = [], []
        extra = _PER_KIND.get(kind.name)
        if extra:
            extra(ctx, case=case, history=history, config=config, date=date, needs=needs,
                  content=content, recipient=recipient)
        to_rep = recipient == COMPLAINANT and ctx["aan"]["rol"] == "gemachtigde"
        warnings, enclosures = ctx.pop("_warnings"), ctx.pop("_enclosures")
        ctx = _sanitize(ctx)
        template = kind.template_stem(recipient, case)
        stem = f"{kind.name}-{RECIPIENT_SUFFIX[recipient]}" if len(kind.recipients) > 1 else template
        letters.append(Letter(case.id, kind.name, recipient, "representative" if to_rep else recipient,
                              template, stem, date, ctx, kind.moves.get(case.status), warnings,
                              [str(e) for e in enclosures]))
    # the same field can be missing for both recipients: name it once
    needs.missing = list(dict.fromkeys(needs.missing))
    needs.check()
    return letters
