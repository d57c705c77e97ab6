"""Realistic Dutch documents for KWRU with known truth: what the pipeline must extract.

    samples = generate_set(outdir, seed=1)          # the varied default set (all forms)
    samples = generate_corpus(outdir, n=500, seed=3)  # many quick text PDFs and e-mails
    write_truth(samples, outdir / "truth.json")

File names sort in arrival order (`01-...`). Documents of kind `klacht` open cases in that order
(KWRU-<year>-001, -002, ...); follow-ups cite those numbers, or deliberately do not and can
only be matched by the sender's e-mail address or by name and postcode (`match_by`).
Everything is fictional; the same seed gives the same bytes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import degrade
from .builders import FORMS, MAIL_FORMS, Planned, Written, truth_for, write_document
from .people import ACCENTED, CORPS, STREETS, Corp, People, corp, postcode
from .texts import REP_CATEGORIES, Complaint, Rep

__all__ = [
    "FORMS",
    "KINDS",
    "Sample",
    "generate_corpus",
    "generate_set",
    "write_demo_inbox",
    "write_truth",
]

OCR_FORMS = ("scan_pdf", "photo_jpg", "scan_png", "scan_tiff")
KINDS = ("klacht", "reactie_corporatie", "aanvulling", "intrekking", "besluit_corporatie")


@dataclass
class Sample:
    """One generated file and what a perfect pipeline would make of it."""

    path: Path
    kind: str
    form: str
    truth: dict[str, Any]  # keys: see builders.TRUTH_KEYS, plus expect_case/match_by/attachments
    expect_case: int | None = None  # index (in the returned list) of the complaint it follows up
    attachments: int = 0  # e-mail attachments
    match_by: str | None = None  # follow-ups: "case_number" | "email" | "name_postcode"
    case_id: str | None = None  # the case it opens (klacht) or belongs to when ingested in order
    written: dict[str, str] = field(default_factory=dict)  # values as printed, e.g. the date
    pages: int = 1

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["path"] = self.path.name
        return d


# --- the default set -------------------------------------------------------------------------

# (kind, form, complaint spec or parent index, match_by, layout). A complaint spec names the
# corporation as the tenant writes it, the category, flags and who writes.
_DEFAULT_PLAN: list[tuple[str, str, Any, str | None, dict[str, Any]]] = [
    (
        "klacht",
        "text_pdf",
        {
            "alias": "Mitros",
            "city": "Utrecht",
            "category": "reparatie_onderhoud",
            "other": "Portaal",
        },
        None,
        {"sender_pos": "left", "betreft": False, "date_style": "long", "filename": "brief klacht"},
    ),
    (
        "klacht",
        "eml_plain",
        {"alias": "BoEx", "city": "Utrecht", "category": "overlast"},
        None,
        {"short": False},
    ),
    (
        "klacht",
        "scan_pdf",
        {"alias": "Portaal", "city": "Utrecht", "category": "bejegening"},
        None,
        {
            "sender_pos": "right",
            "betreft": True,
            "date_style": "place",
            "date_pos": "left",
            "font": "LiberationSerif",
            "size": 12,
        },
    ),
    (
        "klacht",
        "eml_html",
        {
            "alias": "Woningcorporatie Mitros",
            "city": "Utrecht",
            "street": "Oudegracht",
            "category": "communicatie",
            "accented": True,
            "pool": ACCENTED[:3],
            "other": "Bo-Ex",
        },
        None,
        {"short": True},
    ),
    ("reactie_corporatie", "eml_plain", 0, "case_number", {}),
    (
        "klacht",
        "photo_jpg",
        {
            "alias": "SSW",
            "city": "De Bilt",
            "category": "reparatie_onderhoud",
            "flags": ["geen_eerdere_klacht"],
        },
        None,
        {
            "sender_pos": "left",
            "betreft": True,
            "date_style": "dash",
            "font": "LiberationSans",
            "size": 12.5,
            "short": True,
        },
    ),
    (
        "klacht",
        "docx",
        {
            "alias": "Jutphaas",
            "city": "Nieuwegein",
            "category": "werkzaamheden_aannemer",
            "rep": "dochter",
        },
        None,
        {
            "sender_pos": "left",
            "betreft": True,
            "date_style": "weekday",
            "filename": "Klacht namens mama",
        },
    ),
    ("aanvulling", "eml_reply", 1, "email", {}),
    (
        "klacht",
        "scan_png",
        {"alias": "Viveste", "city": "Houten", "category": "overig", "flags": ["huurprijs"]},
        None,
        {
            "sender_pos": "left",
            "betreft": True,
            "date_style": "slash",
            "font": "DejaVuSans",
            "size": 11.5,
            "compact_pc": True,
            "title_prefix": True,
        },
    ),
    (
        "klacht",
        "scan_tiff",
        {
            "alias": "De Woningraat",
            "city": "Maarssen",
            "category": "overig",
            "flags": ["servicekosten"],
            "rep": "gemachtigde",
        },
        None,
        {
            "sender_pos": "right",
            "betreft": True,
            "date_style": "place_dash",
            "font": "LiberationSans",
            "size": 12,
            "page_break_before": 3,
        },
    ),
    ("reactie_corporatie", "text_pdf", 1, "case_number", {"display": "Bo-Ex"}),
    (
        "klacht",
        "eml_attachments",
        {
            "alias": "Vecht en Omstreken",
            "city": "Breukelen",
            "category": "reparatie_onderhoud",
            "other": "De Woningraat",
        },
        None,
        {"short": True},
    ),
    (
        "klacht",
        "txt",
        {"alias": "Cocon Wonen", "city": "Vleuten", "category": "oplevering_nieuwbouw"},
        None,
        {},
    ),
    ("reactie_corporatie", "eml_plain", 2, "case_number", {"display": "Portaal"}),
    (
        "intrekking",
        "text_pdf",
        2,
        "name_postcode",
        {"sender_pos": "left", "date_style": "long", "filename": "intrekking"},
    ),
    ("aanvulling", "eml_plain", 6, "case_number", {"from_rep": True}),
    ("intrekking", "eml_plain", 3, "email", {}),
    (
        "besluit_corporatie",
        "text_pdf",
        0,
        "case_number",
        {"display": "Mitros", "filename": "besluit"},
    ),
]

_BUURTTEAMS = {
    "Maarssen": (
        "Sociaal Team Stichtse Vecht",
        ("Sociaal Team Stichtse Vecht", "Bisonspoor 3002", "3605 LT Maarssen"),
    ),
    "Utrecht": (
        "Buurtteam Overvecht",
        ("Buurtteam Overvecht", "Zamenhofdreef 15", "3562 JT Utrecht"),
    ),
    "Nieuwegein": (
        "MEE Utrecht",
        ("MEE Utrecht, Gooi & Vecht", "Postbus 85", "3430 AB Nieuwegein"),
    ),
}


def _complaint(
    rng: random.Random, people: People, spec: dict[str, Any], date: dt.date
) -> Complaint:
    c: Corp = corp(spec["alias"])
    city = spec["city"]
    rep_kind = spec.get("rep")
    if spec.get("accented"):
        person = people.person(city, accented=True, pool=spec.get("pool", ACCENTED))
    else:
        person = people.person(
            city,
            email=rep_kind is None,
            phone_=rep_kind is None,
            gender="v" if rep_kind == "dochter" else None,
        )
    if spec.get("street"):
        # A named street (e.g. the Oudegracht); a postcode of that street.
        numbers = dict(STREETS[city])[spec["street"]]
        person.street = spec["street"]
        person.postcode = postcode(rng, rng.choice(numbers))
    rep = None
    if rep_kind in ("dochter", "zoon"):
        rp = people.person(
            rng.choice(("Utrecht", "Houten", "Nieuwegein", "De Bilt")),
            accented=rng.random() < 0.5,
            gender="v" if rep_kind == "dochter" else "m",
        )
        rp.gender = "v" if rep_kind == "dochter" else "m"
        rep = Rep(rp, rep_kind)
    elif rep_kind == "gemachtigde":
        org, lines = _BUURTTEAMS.get(city, _BUURTTEAMS["Utrecht"])
        rp = people.person(city)
        rp.email = (
            rp.first[0].lower()
            + "."
            + rp.last.replace(" ", "").lower()
            + "@"
            + org.split()[0].lower()
            + org.split()[-1].lower()
            + ".nl"
        )
        rep = Rep(rp, "gemachtigde", org, lines)
    earlier = date - dt.timedelta(days=rng.randint(35, 75))
    return Complaint(
        person=person,
        corp=c,
        alias=spec["alias"],
        category=spec["category"],
        flags=list(spec.get("flags", [])),
        date=date,
        earlier=earlier,
        rep=rep,
        other_corp=spec.get("other"),
    )


def _plan_default(seed: int, year: int) -> list[Planned]:
    rng = random.Random(f"kwru-fixturegen-plan-{seed}")
    people = People(rng)
    plan: list[Planned] = []
    day = dt.date(year, 2, 2) + dt.timedelta(days=rng.randint(0, 6))
    for kind, form, spec, match_by, layout in _DEFAULT_PLAN:
        day += dt.timedelta(days=rng.randint(1, 5))
        if kind == "besluit_corporatie":
            day += dt.timedelta(days=60)
        layout = dict(layout)
        from_rep = bool(layout.pop("from_rep", False))
        if kind == "klacht":
            c = _complaint(rng, people, spec, day)
            plan.append(Planned(kind, form, c, None, None, day, layout))
        else:
            parent = plan[spec]
            plan.append(
                Planned(kind, form, parent.complaint, spec, match_by, day, layout, from_rep)
            )
    return plan


# --- writing a plan --------------------------------------------------------------------------


def _write_plan(
    plan: list[Planned],
    outdir: Path,
    seed: int,
    year: int,
    selected: list[int] | None = None,
    width: int = 2,
    verify_ocr: bool = True,
) -> list[Sample]:
    outdir.mkdir(parents=True, exist_ok=True)
    verify = (
        verify_ocr
        and any(plan[i].form in OCR_FORMS for i in (selected or range(len(plan))))
        and degrade.tesseract_available()
    )
    chosen = list(range(len(plan))) if selected is None else selected
    # Case numbers as the pipeline will give them when the files are ingested in name order.
    full_numbers: dict[int, str] = {}
    n = 0
    for i, d in enumerate(plan):
        if d.kind == "klacht":
            n += 1
            full_numbers[i] = f"KWRU-{year}-{n:03d}"
    numbers: dict[int, str] = {}
    n = 0
    for i in chosen:
        if plan[i].kind == "klacht":
            n += 1
            numbers[i] = f"KWRU-{year}-{n:03d}"
    position = {plan_i: pos for pos, plan_i in enumerate(chosen)}
    samples: list[Sample] = []
    written: dict[int, Written] = {}
    for pos, i in enumerate(chosen):
        d = plan[i]
        rng = random.Random(f"kwru-fixturegen-doc-{seed}-{i}")
        stem = f"{pos + 1:0{width}d}"
        if d.kind == "klacht":
            case_id, cited = numbers[i], None
            expect = None
        else:
            assert d.parent is not None
            in_set = d.parent in position
            case_id = numbers.get(d.parent) if in_set else None
            # A follow-up whose complaint is not in the set cites the number from the full set.
            number = case_id or full_numbers[d.parent]
            cited = number if d.match_by == "case_number" else None
            expect = position.get(d.parent)
        quoted = written.get(d.parent) if d.parent is not None else None
        w = write_document(rng, d, outdir, stem, cited, quoted, verify)
        written[i] = w
        truth = truth_for(d, w, cited)
        # Values as printed, where they differ from the canonical truth.
        p = d.complaint.person
        if truth.get("complainant.name"):
            w.written.setdefault("name", p.name)
        if truth.get("complainant.postcode"):
            w.written.setdefault(
                "postcode", p.postcode if p.postcode in w.text else p.postcode.replace(" ", "")
            )
        if truth.get("complainant.phone") and p.phone:
            w.written.setdefault("phone", p.phone)
        truth.update(expect_case=expect, match_by=d.match_by, attachments=w.attachments)
        samples.append(
            Sample(
                path=w.path,
                kind=d.kind,
                form=d.form,
                truth=truth,
                expect_case=expect,
                attachments=w.attachments,
                match_by=d.match_by,
                case_id=case_id,
                written=w.written,
                pages=w.pages,
            )
        )
    return samples


def generate_set(
    outdir: Path,
    *,
    seed: int = 1,
    kinds: set[str] | None = None,
    year: int = 2026,
    forms: set[str] | None = None,
    verify_ocr: bool = True,
) -> list[Sample]:
    """The varied default set: every form, every kind, complaints by tenants and representatives.

    `kinds` / `forms` keep only those documents (numbering stays in arrival order; a follow-up
    whose complaint is left out has `expect_case` None but still cites the number the complaint
    has in the full set). With `verify_ocr` (and tesseract installed) each scan or photo is
    checked to read back the tenant's name, postcode and letter date exactly, and degraded anew
    when noise made tesseract stumble; that costs about a second per scan.
    """
    outdir = Path(outdir)
    plan = _plan_default(seed, year)
    selected = [
        i
        for i, d in enumerate(plan)
        if (kinds is None or d.kind in kinds) and (forms is None or d.form in forms)
    ]
    return _write_plan(plan, outdir, seed, year, selected, verify_ocr=verify_ocr)


def write_demo_inbox(inbox: Path, year: int = 2026) -> list[Sample]:
    """The sample set used by `make demo`: the default set, dropped into inbox/."""
    return generate_set(Path(inbox), seed=1, year=year)


# --- the benchmark corpus --------------------------------------------------------------------

_CORPUS_FORMS_KLACHT = (
    "text_pdf",
    "text_pdf",
    "eml_plain",
    "eml_plain",
    "eml_html",
    "eml_attachments",
)
_CATEGORIES_W = (
    ("reparatie_onderhoud",) * 5
    + ("overlast",) * 3
    + (
        "bejegening",
        "communicatie",
        "communicatie",
        "informatie",
        "oplevering_nieuwbouw",
        "werkzaamheden_aannemer",
        "werkzaamheden_aannemer",
    )
)


def _random_spec(rng: random.Random) -> dict[str, Any]:
    c = rng.choice([x for x in CORPS if x.cities])
    spec: dict[str, Any] = {
        "alias": rng.choice((c.name, *c.aliases)),
        "city": rng.choice(c.cities),
        "category": rng.choice(_CATEGORIES_W),
    }
    r = rng.random()
    if r < 0.05:
        spec.update(category="overig", flags=["huurprijs"])
    elif r < 0.10:
        spec.update(category="overig", flags=["servicekosten"])
    elif r < 0.18:
        spec["flags"] = ["geen_eerdere_klacht"]
    if rng.random() < 0.1 and "flags" not in spec:
        spec["category"] = rng.choice(REP_CATEGORIES)
        spec["rep"] = rng.choice(("dochter", "zoon", "gemachtigde"))
    if rng.random() < 0.25:
        spec["other"] = rng.choice([a for x in CORPS if x is not c for a in (x.name, *x.aliases)])
    return spec


def generate_corpus(outdir: Path, n: int, seed: int = 1, *, year: int = 2026) -> list[Sample]:
    """n varied text PDFs and e-mails (no OCR forms): fast, for throughput and crash tests."""
    outdir = Path(outdir)
    rng = random.Random(f"kwru-fixturegen-corpus-{seed}")
    people = People(rng)
    plan: list[Planned] = []
    complaints: list[int] = []
    mail_complaints: list[int] = []
    known_email: set[int] = set()  # complaints whose text gives the tenant's e-mail address
    withdrawn: set[int] = set()
    day = dt.date(year, 1, 5)
    for i in range(n):
        if i % 7 == 6:
            day += dt.timedelta(days=1)
        r = rng.random()
        if not complaints or r < 0.6:
            spec = _random_spec(rng)
            c = _complaint(rng, people, spec, day)
            form = rng.choice(_CORPUS_FORMS_KLACHT)
            lay = {
                "sender_pos": rng.choice(("left", "right")),
                "betreft": rng.random() < 0.6,
                "date_style": rng.choice(("long", "dash", "slash", "place", "weekday")),
                "compact_pc": rng.random() < 0.2,
                "title_prefix": rng.random() < 0.3,
                "short": rng.random() < 0.5,
                "contact": rng.random() < 0.7,
            }
            plan.append(Planned("klacht", form, c, None, None, day, lay))
            complaints.append(i)
            if form in MAIL_FORMS and c.person.email and c.rep is None:
                mail_complaints.append(i)
            if c.person.email and c.rep is None and (form in MAIL_FORMS or lay["contact"]):
                known_email.add(i)
            continue
        kind = (
            "reactie_corporatie"
            if r < 0.75
            else "aanvulling"
            if r < 0.87
            else "intrekking"
            if r < 0.95
            else "besluit_corporatie"
        )
        if kind == "aanvulling" and mail_complaints and rng.random() < 0.5:
            parent = rng.choice(mail_complaints[-50:])
            form, match_by = "eml_reply", "email"
        else:
            open_cases = [c for c in complaints[-80:] if c not in withdrawn] or complaints[-80:]
            parent = rng.choice(open_cases)
            pc = plan[parent].complaint
            if kind in ("reactie_corporatie", "besluit_corporatie"):
                form, match_by = rng.choice(("text_pdf", "eml_plain")), "case_number"
            else:
                options = [("text_pdf", "case_number"), ("text_pdf", "name_postcode")]
                if pc.person.email and pc.rep is None:
                    options.append(("eml_plain", "case_number"))
                    if parent in known_email:  # the case knows the address to match on
                        options.append(("eml_plain", "email"))
                form, match_by = rng.choice(options)
        if kind == "intrekking":
            withdrawn.add(parent)
        plan.append(
            Planned(
                kind,
                form,
                plan[parent].complaint,
                parent,
                match_by,
                day,
                {"sender_pos": rng.choice(("left", "right")), "contact": False},
            )
        )
    width = max(2, len(str(n)))
    return _write_plan(plan, outdir, seed, year, width=width)


# --- truth file ------------------------------------------------------------------------------


def write_truth(samples: list[Sample], path: Path) -> None:
    """A JSON array, one object per sample in arrival order (file name, kind, form, truth, ...)."""
    data = [s.to_dict() for s in samples]
    Path(path).write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
