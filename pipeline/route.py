"""Routing: which case a received document belongs to, or whether it opens one, or needs a person.

The rules (PRODUCT.md "What happens to a dropped file", step 5):
- a cited case number that exists wins;
- else the sender's e-mail address of a case's complainant or representative;
- else the complainant's name together with the postcode or street + number;
- a new complaint (kind klacht) that matches no open case opens a new case;
- anything else, or anything ambiguous, goes to review/ with the candidates, never silently
  into a wrong case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .lifecycle.states import OPEN_STATUSES
from .models import Case, Extracted

FOLLOW_UP_KINDS = ("reactie_corporatie", "aanvulling", "intrekking", "besluit_corporatie")
MIN_KIND_CONFIDENCE = 0.5  # below this a document is not trusted to be a new complaint


@dataclass
class Candidate:
    case: str
    score: float  # 0..1
    why: str

    def to_dict(self) -> dict:
        return {"case": self.case, "score": round(self.score, 2), "why": self.why}


@dataclass
class Route:
    action: str  # "new_case" | "file" | "review"
    case: str | None = None
    reason: str = ""
    candidates: list[Candidate] = field(default_factory=list)


def _norm_name(name: str | None) -> str:
    if not name:
        return ""
    name = re.sub(r"\b(de heer|dhr|mevrouw|mevr|mw|mr|dr|ir|drs|ing)\b\.?", " ", name.casefold())
    return " ".join(re.sub(r"[^\w\s]", " ", name).split())


def _surname_match(a: str, b: str) -> float:
    """Similarity of two person names, tolerant of initials vs first names and OCR slips."""
    a, b = _norm_name(a), _norm_name(b)
    if not a or not b:
        return 0.0
    full = fuzz.token_set_ratio(a, b) / 100
    last = fuzz.ratio(a.split()[-1], b.split()[-1]) / 100
    return max(min(full, last), 0.0) if last < 0.85 else max(full, last * 0.95)


def _case_people(case: Case) -> list:
    people = [case.complainant, *case.co_complainants]
    if case.representative:
        people.append(case.representative)
    return people


def candidates_for(ex: Extracted, sender: str | None, cases: list[Case]) -> list[Candidate]:
    """Score every case for this document; best first."""
    out: list[Candidate] = []
    name = ex.get("complainant.name")
    postcode = ex.get("complainant.postcode")
    street = (ex.get("complainant.street") or "").casefold()
    number = (ex.get("complainant.house_number") or "").casefold()
    rep_name = ex.get("representative.name")
    emails = {e.casefold() for e in (sender, ex.get("complainant.email"), ex.get("representative.email")) if e}
    for case in cases:
        best, why = 0.0, ""
        case_emails = {p.email.casefold() for p in _case_people(case) if p.email}
        case_emails |= {(d.sender or "").casefold() for d in case.documents if d.kind == "klacht" and d.sender}
        if emails & case_emails:
            best, why = 0.95, f"e-mailadres {sorted(emails & case_emails)[0]}"
        for p in [case.complainant, *case.co_complainants]:
            sim = max(_surname_match(name, p.name), _surname_match(rep_name, p.name) * 0.9) if p.name else 0.0
            if sim < 0.8:
                continue
            same_pc = bool(postcode and p.postcode and postcode.replace(" ", "") == p.postcode.replace(" ", ""))
            same_addr = bool(street and p.street and fuzz.ratio(street, p.street.casefold()) > 85
                             and number and p.house_number and number == p.house_number.casefold())
            if same_pc or same_addr:
                score = 0.9 if sim > 0.9 else 0.8
                if score > best:
                    best, why = score, f"naam {p.name} + {'postcode ' + p.postcode if same_pc else 'adres'}"
            elif sim > 0.9 and best < 0.55:
                best, why = 0.55, f"naam {p.name} (adres niet gevonden)"
        if case.representative and case.representative.name and rep_name:
            if _surname_match(rep_name, case.representative.name) > 0.9 and best < 0.6:
                best, why = 0.6, f"gemachtigde {case.representative.name}"
        if best:
            out.append(Candidate(case.id, best, why))
    out.sort(key=lambda c: (-c.score, c.case))
    return out


def route(ex: Extracted, sender: str | None, cases: list[Case], known_ids: set[str]) -> Route:
    kind = ex.get("kind") or "overig"
    cited = ex.get("case_number")
    if cited:
        if cited in known_ids:
            return Route("file", cited, f"noemt zaaknummer {cited}")
        cands = candidates_for(ex, sender, cases)
        return Route("review", None, f"noemt zaaknummer {cited}, maar die zaak bestaat niet", cands[:5])

    open_cases = [c for c in cases if c.status in OPEN_STATUSES]
    cands = candidates_for(ex, sender, open_cases)
    strong = [c for c in cands if c.score >= 0.8]

    # A complaint: recognised as one, or at least a tenant's letter naming the complainant and
    # the corporation (OCR'd text often lowers the confidence of the kind, not of these).
    looks_like_complaint = kind == "klacht" and (
        ex.confidence("kind") >= MIN_KIND_CONFIDENCE
        or (ex.get("complainant.name") and ex.get("corporation")))
    if looks_like_complaint:
        if strong:
            return Route("review", None, f"nieuwe klacht, maar lijkt op lopende zaak {strong[0].case} "
                                         f"({strong[0].why}): aanvulling of nieuwe zaak?", cands[:5])
        return Route("new_case", None, "nieuwe klacht")

    if len(strong) == 1 or (len(strong) > 1 and strong[0].score - strong[1].score >= 0.1):
        return Route("file", strong[0].case, strong[0].why)
    if strong:
        return Route("review", None, "past bij meer dan één lopende zaak", cands[:5])
    if kind in FOLLOW_UP_KINDS:
        return Route("review", None, f"{kind.replace('_', ' ')} zonder zaaknummer en niet zeker te koppelen",
                     cands[:5])
    if kind == "klacht":
        return Route("review", None, "misschien een nieuwe klacht, maar niet zeker (weinig herkend)", cands[:5])
    return Route("review", None, "niet herkend als klacht en bij geen zaak te koppelen", cands[:5])
