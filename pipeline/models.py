"""The plain values of kwru: a case, its parties, documents and decisions, and the domain words.

Everything stored in case.yaml is one of these dataclasses. `to_dict` gives the YAML/JSON form
(dates as ISO strings), `from_dict` reads it back and tolerates hand edits (unknown keys are
kept in `extra` so nothing a person wrote is lost).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

# --- the domain words, defined once --------------------------------------------------------

STATUSES = (
    "ontvangen",  # received, admissibility not yet decided
    "ontvankelijk",
    "niet_ontvankelijk",
    "doorgezonden",  # forwarded to the corporation: not complained there first
    "reactie_gevraagd",
    "reactie_ontvangen",
    "zitting_gepland",
    "bemiddeld",
    "aangehouden",
    "advies_uitgebracht",
    "besluit_ontvangen",
    "gesloten",
    "ingetrokken",
)

CATEGORIES = (
    "reparatie_onderhoud",
    "overlast",
    "bejegening",
    "communicatie",
    "informatie",
    "oplevering_nieuwbouw",
    "werkzaamheden_aannemer",
    "overig",
)

# Signals found in the text; the secretary confirms them (`kwru decide`), never applied automatically.
FLAGS = (
    "huurprijs",
    "servicekosten",
    "geen_eerdere_klacht",
    "rechter",
    "huurcommissie",
    "al_geadviseerd",
    "termijn",
    "anoniem",
)

DOC_KINDS = ("klacht", "reactie_corporatie", "aanvulling", "intrekking", "besluit_corporatie", "overig")

DOC_KIND_LABELS = {  # as printed in bundles and letters
    "klacht": "Klacht",
    "reactie_corporatie": "Reactie corporatie",
    "aanvulling": "Aanvulling klager",
    "intrekking": "Intrekking",
    "besluit_corporatie": "Besluit corporatie",
    "overig": "Overig stuk",
}

OUTCOMES = ("bemiddeld", "aangehouden", "gegrond", "ongegrond", "gedeeltelijk_gegrond")
JUDGEMENTS = ("gegrond", "ongegrond", "gedeeltelijk_gegrond")

PARTY_FIELDS = ("name", "street", "house_number", "postcode", "city", "email", "phone")


def iso(value: Any) -> Any:
    """Dates and datetimes to ISO strings, recursively; everything else unchanged."""
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: iso(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [iso(v) for v in value]
    return value


def as_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _known(cls: type, data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    names = {f.name for f in dataclasses.fields(cls)}
    return ({k: v for k, v in data.items() if k in names},
            {k: v for k, v in data.items() if k not in names})


class _Plain:
    """Mixin: `to_dict` in field order, dates as ISO strings, `extra` merged back in."""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            if f.name == "extra":
                continue
            v = getattr(self, f.name)
            if isinstance(v, _Plain):
                v = v.to_dict()
            elif isinstance(v, list):
                v = [x.to_dict() if isinstance(x, _Plain) else x for x in v]
            elif isinstance(v, dict):
                v = {k: (x.to_dict() if isinstance(x, _Plain) else x) for k, x in v.items()}
            out[f.name] = iso(v)
        out.update(getattr(self, "extra", {}) or {})
        return out


@dataclass
class Party(_Plain):
    """A complainant or representative (gemachtigde)."""

    name: str | None = None
    street: str | None = None
    house_number: str | None = None
    postcode: str | None = None  # normalised "3512 AB"
    city: str | None = None
    email: str | None = None
    phone: str | None = None
    gender: str | None = None  # "m" | "v" | None: for the salutation "Geachte heer/mevrouw ..."
    relation: str | None = None  # representative only: "dochter", "zoon", "gemachtigde", ...

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Party:
        data = dict(data or {})
        known, _ = _known(cls, data)
        return cls(**{k: (None if v is None else str(v)) for k, v in known.items()})

    def is_empty(self) -> bool:
        return not any(getattr(self, f) for f in PARTY_FIELDS)


@dataclass
class Provenance(_Plain):
    """Where a case field's value came from, so a person sees what to check."""

    source: str  # "document 1", "e-mail header of document 2", "kwru.yaml", "person"
    method: str  # "extraction" | "person" | "command"
    confidence: float = 1.0
    at: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Provenance:
        return cls(source=str(data.get("source", "")), method=str(data.get("method", "")),
                   confidence=float(data.get("confidence", 1.0)), at=data.get("at"))


@dataclass
class Document(_Plain):
    """One document in a case: its original, searchable PDF and text."""

    seq: int
    kind: str
    original_name: str
    sha256: str
    date: str | None  # the letter's own date (ISO), if found
    pages: int
    path: str | None  # documents/001-klacht-2026-03-12.pdf, relative to the case folder
    ocr: bool
    received: str  # ISO datetime the file reached the committee (entered inbox/)
    title: str = ""
    text_path: str | None = None  # documents/001-klacht-2026-03-12.txt
    original_path: str | None = None  # originals/001-<safe name>
    parent: int | None = None  # seq of the e-mail this was attached to
    sender: str | None = None  # e-mail address of the sender, when known
    intake: str | None = None  # id of the intake (journal) that filed it
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        known, extra = _known(cls, data)
        known.pop("extra", None)
        doc = cls(**known)
        doc.date = iso(doc.date)
        doc.received = iso(doc.received)
        doc.extra = extra
        return doc


@dataclass
class Admissibility(_Plain):
    flags: list[str] = field(default_factory=list)  # suggestions from the text (FLAGS)
    decision: str | None = None  # ontvankelijk | niet_ontvankelijk | doorgezonden
    reason: str | None = None  # reason code when niet_ontvankelijk
    decided: str | None = None  # ISO date

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Admissibility:
        known, _ = _known(cls, dict(data or {}))
        a = cls(**known)
        a.flags = list(a.flags or [])
        a.decided = iso(a.decided)
        return a


@dataclass
class Hearing(_Plain):
    date: str  # ISO date
    time: str  # "13:30"
    location: str

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Hearing | None:
        if not data:
            return None
        return cls(date=iso(data["date"]), time=str(data.get("time", "")),
                   location=str(data.get("location", "")))


@dataclass
class ComplaintPart(_Plain):
    """One numbered part of the complaint and the committee's judgement of it (advice)."""

    title: str
    judgement: str | None = None  # gegrond | ongegrond | gedeeltelijk_gegrond
    consideration: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ComplaintPart:
        known, _ = _known(cls, data)
        return cls(**known)


@dataclass
class OutcomeDetails(_Plain):
    """What the hearing produced; filled by `kwru outcome`, used by the letters."""

    decided: str | None = None  # ISO date of the outcome
    agreements: list[str] = field(default_factory=list)  # bemiddeling
    hold_reason: str | None = None  # aangehouden
    follow_up: str | None = None  # ISO date, aangehouden
    parts: list[ComplaintPart] = field(default_factory=list)  # advice per complaint part
    recommendations: list[str] = field(default_factory=list)
    general_advice: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> OutcomeDetails:
        known, _ = _known(cls, dict(data or {}))
        od = cls(**known)
        od.parts = [ComplaintPart.from_dict(p) for p in (od.parts or [])]
        od.agreements = list(od.agreements or [])
        od.recommendations = list(od.recommendations or [])
        od.decided, od.follow_up = iso(od.decided), iso(od.follow_up)
        return od


@dataclass
class Decision(_Plain):
    """The directie's decision on the advice."""

    followed: bool | None = None
    received: str | None = None  # ISO date

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Decision | None:
        if not data:
            return None
        return cls(followed=data.get("followed"), received=iso(data.get("received")))


@dataclass
class Case(_Plain):
    """case.yaml. Keys as in PRODUCT.md "Case data"; `deadlines` is computed when written."""

    id: str
    status: str = "ontvangen"
    received: str | None = None  # ISO date
    complainant: Party = field(default_factory=Party)
    co_complainants: list[Party] = field(default_factory=list)  # joined complaints
    representative: Party | None = None
    corporation: str | None = None
    category: str | None = None
    admissibility: Admissibility = field(default_factory=Admissibility)
    hearing: Hearing | None = None
    outcome: str | None = None
    outcome_details: OutcomeDetails = field(default_factory=OutcomeDetails)
    decision: Decision | None = None
    deadlines: dict[str, Any] = field(default_factory=dict)
    documents: list[Document] = field(default_factory=list)
    provenance: dict[str, Provenance] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Case:
        known, extra = _known(cls, data)
        known.pop("extra", None)
        rep = known.get("representative")
        return cls(
            id=str(known["id"]),
            status=str(known.get("status") or "ontvangen"),
            received=iso(known.get("received")),
            complainant=Party.from_dict(known.get("complainant")),
            co_complainants=[Party.from_dict(p) for p in known.get("co_complainants") or []],
            representative=Party.from_dict(rep) if rep else None,
            corporation=known.get("corporation"),
            category=known.get("category"),
            admissibility=Admissibility.from_dict(known.get("admissibility")),
            hearing=Hearing.from_dict(known.get("hearing")),
            outcome=known.get("outcome"),
            outcome_details=OutcomeDetails.from_dict(known.get("outcome_details")),
            decision=Decision.from_dict(known.get("decision")),
            deadlines=dict(known.get("deadlines") or {}),
            documents=[Document.from_dict(d) for d in known.get("documents") or []],
            provenance={k: Provenance.from_dict(v) for k, v in (known.get("provenance") or {}).items()},
            extra=extra,
        )

    @property
    def year(self) -> int:
        return int(self.id.split("-")[-2])

    @property
    def received_date(self) -> dt.date | None:
        return as_date(self.received)

    def document(self, seq: int) -> Document:
        for d in self.documents:
            if d.seq == seq:
                return d
        raise KeyError(seq)

    def next_seq(self) -> int:
        return max((d.seq for d in self.documents), default=0) + 1

    def addressee(self) -> Party:
        """Letters to the tenant side go to the representative when there is one."""
        return self.representative if self.representative and self.representative.name else self.complainant


# --- values produced by the intake steps (not stored as such) ------------------------------

@dataclass
class Field(_Plain):
    """One extracted value with where it came from and how sure we are."""

    value: Any
    source: str  # "text", "e-mail header", "alias", "e-mail domain", ...
    confidence: float  # 0..1


@dataclass
class EmailHeader(_Plain):
    from_name: str | None
    from_addr: str | None
    to: str | None
    date: str | None  # ISO datetime
    subject: str | None


@dataclass
class Extracted:
    """What extraction found in one document's text. Keys of `fields`:

    complainant.name, complainant.street, complainant.house_number, complainant.postcode,
    complainant.city, complainant.email, complainant.phone, complainant.gender,
    representative.name, representative.relation (and the other representative.* keys),
    corporation, letter_date (ISO), category, kind, case_number.
    """

    fields: dict[str, Field] = field(default_factory=dict)
    flags: dict[str, str] = field(default_factory=dict)  # flag -> the text that triggered it

    def get(self, key: str) -> Any:
        f = self.fields.get(key)
        return f.value if f else None

    def confidence(self, key: str) -> float:
        f = self.fields.get(key)
        return f.confidence if f else 0.0
