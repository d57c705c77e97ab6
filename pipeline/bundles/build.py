"""The recipes: a case's hearing bundle, and a hearing day's bundles. Each reads like its steps."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import clock
from ..dossier import add_case_file, add_outbox_file, history_event, update_case
from ..errors import MissingValueError, UsageError
from ..i18n import _
from ..letters.dutch import clean, date_nl, street_line, time_nl, weekday_date_nl
from ..models import Case, as_date
from ..workspace import Workspace
from . import assemble, versioning
from .index import render_front
from .pages import AgendaRow, CoverInfo, render_agenda, render_placeholders, short_date
from .plan import BundlePlan, plan_bundle

WATERMARK = "Vertrouwelijk — {member}"


@dataclass
class CaseResult:
    case_id: str
    version: int
    made: bool  # False: the existing version was still up to date
    file: str  # relative to the workspace root
    pages: int
    documents: int
    outbox: str | None = None
    note: str = ""  # what changed since the previous version (Dutch)
    problems: list[str] = field(default_factory=list)  # documents not included, and why (English)
    repaired: list[str] = field(default_factory=list)  # damaged documents qpdf could repair
    member_files: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class DayResult:
    day: str
    version: int
    made: bool
    file: str
    pages: int
    note: str = ""
    member_files: list[str] = field(default_factory=list)


@dataclass
class SessionResult:
    day: str
    cases: list[CaseResult]
    bundle: DayResult


# --- one case ---------------------------------------------------------------------------------

def cover_info(case: Case, ws: Workspace, plan: BundlePlan, version: int, note: str) -> CoverInfo:
    committee = ws.config.committee
    names = [p.name for p in (case.complainant, *case.co_complainants) if p.name]
    c = case.complainant
    address = ", ".join(x for x in (street_line(c), " ".join(y for y in (c.postcode, c.city) if y)) if x)
    rep = case.representative
    representative = ""
    if rep and rep.name:
        representative = rep.name + (f" ({rep.relation})" if rep.relation else "")
    hearing, location = "nog niet gepland", ""
    if case.hearing:
        hearing = weekday_date_nl(case.hearing.date)
        if case.hearing.time:
            hearing += f", {time_nl(case.hearing.time)}"
        location = case.hearing.location
    return CoverInfo(
        committee=committee.name, committee_address=", ".join(committee.address),
        case_id=case.id, complainants=[clean(n) for n in names], address=clean(address),
        representative=clean(representative), corporation=clean(case.corporation or ""),
        hearing=hearing, location=clean(location), members=list(committee.members),
        documents=len(plan.entries), pages=plan.pages, made=date_nl(clock.today()),
        version=version, note=note)


def _outbox_day(case: Case) -> str:
    return case.hearing.date if case.hearing else clock.today().isoformat()


def _check_hearing(case: Case) -> None:
    if case.hearing is None:
        return
    try:
        ok = as_date(case.hearing.date) is not None
    except ValueError:
        ok = False
    if not ok:
        raise MissingValueError(_("{case}: the hearing date {date!r} is not a date like 2026-04-14; correct it "
                                  "with `kwru set {case} hearing.date=YYYY-MM-DD`").format(case=case.id, date=case.hearing.date))


def _placeholder_pages(plan: BundlePlan, committee: str) -> bytes:
    items = []
    for e in plan.problems:
        assert e.source.problem is not None
        heading = f"Document {e.doc.seq} – {e.kind_label} – {short_date(e.doc.date)}: {e.title}"
        original = (f"Het ontvangen bestand ({e.doc.original_name}) staat in het dossier."
                    if e.doc.original_name else "")
        items.append((heading, e.source.problem.nl, original))
    return render_placeholders(items, committee) if items else b""


def _member_copies(ws: Workspace, case_id: str | None, day: str, base: Path, prefix: str, version: int) -> list[str]:
    """Per member a watermarked copy of `base`, into the dossier (when `case_id`) and the outbox."""
    members = ws.config.committee.members
    made = []
    with tempfile.TemporaryDirectory(prefix="kwru-bundle-") as tmp:
        for member, slug in zip(members, versioning.member_slugs(members), strict=True):
            name = versioning.file_name(prefix, version, slug)
            assemble.watermarked_copy(base, Path(tmp) / name, WATERMARK.format(member=member))
            if case_id:
                add_case_file(ws, case_id, "bundles", name, Path(tmp) / name)
            made.append(_rel(ws, add_outbox_file(ws, day, name, Path(tmp) / name)))
    return made


def _have_member_copies(ws: Workspace, folder: Path, prefix: str, version: int) -> bool:
    slugs = versioning.member_slugs(ws.config.committee.members)
    return all((folder / versioning.file_name(prefix, version, s)).is_file() for s in slugs)


def _record_member_copies(ws: Workspace, case_ids: list[str], base: Path, version: int, made: list[str]) -> None:
    for cid in case_ids:
        update_case(ws, cid, lambda c: history_event(
            versioning.EVENT, scope=versioning.SCOPE_MEMBERS, version=version, file=_rel(ws, base),
            member_copies=made))


def _rel(ws: Workspace, path: Path) -> str:
    return str(path.relative_to(ws.root))


def _listdir(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def build_case_bundle(ws: Workspace, case_id: str, *, per_member: bool = False, force: bool = False) -> CaseResult:
    """Make the next version of a case's bundle if the dossier changed since the last one (or `force`)."""
    with ws.lock(), contextlib.ExitStack() as stack:
        case = ws.load_case(case_id)
        _check_hearing(case)
        folder = ws.case_dir(case_id)
        day = _outbox_day(case)
        prefix = versioning.case_prefix(case_id)
        committee = ws.config.committee

        plan = plan_bundle(case, folder, stack)
        records = versioning.document_records(plan)
        cover = versioning.cover_fingerprint(case, ws.config)
        problems = [_("document {seq} ({kind}) is not included: {problem}; a placeholder page says so (p. {page})").format(
                        seq=e.doc.seq, kind=e.kind_label, problem=e.source.problem.en, page=e.start)
                    for e in plan.problems if e.source.problem]
        repaired = [_("document {seq} ({kind}) was damaged; qpdf repaired it, check its pages {pages}").format(
                        seq=e.doc.seq, kind=e.kind_label, pages=e.page_range)
                    for e in plan.entries if e.source.repaired]
        warnings = [] if case.hearing else [_("no hearing planned yet: the cover says 'nog niet gepland'")]
        if per_member and not committee.members:
            warnings.append(_("kwru.yaml lists no members (committee.members): no member copies made"))

        events = versioning.case_events(ws.history(case_id))
        last = events[-1] if events else None
        note = ""
        if last is not None:
            changes = versioning.compare(last, records, cover)
            last_file = folder / str(last.get("file", ""))
            if not changes and not force and last_file.is_file():
                v = int(last["version"])
                members = []
                if per_member and not _have_member_copies(ws, folder / "bundles", prefix, v):
                    members = _member_copies(ws, case_id, day, last_file, prefix, v)
                    _record_member_copies(ws, [case_id], last_file, v, members)
                return CaseResult(case_id, v, False, _rel(ws, last_file), int(last.get("pages") or 0),
                                  len(plan.entries), problems=problems, repaired=repaired,
                                  member_files=members, warnings=warnings)
            note = changes.note(int(last["version"])) if changes else f"opnieuw gemaakt, gelijk aan v{last['version']}"

        version = versioning.next_version(events, _listdir(folder / "bundles"), prefix)
        name = versioning.file_name(prefix, version)
        out = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="kwru-bundle-"))) / name
        front = render_front(cover_info(case, ws, plan, version, note), plan)
        pages = assemble.case_bundle(
            plan, front, _placeholder_pages(plan, committee.name), path=out,
            title=f"Zittingsbundel {case_id} (versie {version})", author=committee.name,
            manifest={"case": case_id, "version": version, "documents": [r["seq"] for r in records]})
        stored = add_case_file(ws, case_id, "bundles", name, out)
        outbox = _rel(ws, add_outbox_file(ws, day, name, out))
        members = _member_copies(ws, case_id, day, out, prefix, version) if per_member else []
        update_case(ws, case_id, lambda c: history_event(
            versioning.EVENT, scope=versioning.SCOPE_CASE, version=version, file=str(stored.relative_to(folder)),
            pages=pages, outbox=outbox, changes=note or None, cover=cover, documents=records,
            not_included=[e.doc.seq for e in plan.problems] or None, member_copies=members or None))
        return CaseResult(case_id, version, True, _rel(ws, stored), pages, len(plan.entries), outbox=outbox,
                          note=note, problems=problems, repaired=repaired, member_files=members,
                          warnings=warnings)


# --- a hearing day ----------------------------------------------------------------------------

def session_cases(ws: Workspace, day: str) -> list[Case]:
    """The cases planned on `day`, in the order they are heard."""
    cases = [c for c in ws.cases() if c.hearing and c.hearing.date == day]
    return sorted(cases, key=lambda c: (c.hearing.time if c.hearing else "", c.id))


def build_session(ws: Workspace, day: str, *, per_member: bool = False, force: bool = False,
                  on_case: Callable[[CaseResult], None] | None = None) -> SessionResult:
    """Every case bundle of the day (new versions where the dossier changed), then the day bundle."""
    with ws.lock():
        cases = session_cases(ws, day)
        if not cases:
            raise UsageError(_("no cases are planned on {day} (plan them with `kwru schedule {day} ID ...`)").format(day=day))
        results = []
        for case in cases:
            r = build_case_bundle(ws, case.id, per_member=per_member, force=force)
            results.append(r)
            if on_case:
                on_case(r)
        return SessionResult(day, results, _build_day(ws, day, cases, results, per_member, force))


def _agenda_rows(cases: list[Case], results: list[CaseResult]) -> list[AgendaRow]:
    return [AgendaRow(time=time_nl(c.hearing.time) if c.hearing else "", case_id=c.id,
                      corporation=clean(c.corporation or ""),
                      complainant=clean(", ".join(p.name for p in (c.complainant, *c.co_complainants) if p.name)),
                      location=clean(c.hearing.location if c.hearing else ""), pages=f"{r.pages} p. (v{r.version})")
            for c, r in zip(cases, results, strict=True)]


def _build_day(ws: Workspace, day: str, cases: list[Case], results: list[CaseResult],
               per_member: bool, force: bool) -> DayResult:
    """The day bundle: made again only when a case bundle in it changed, or a case came or went."""
    contents = [[r.case_id, Path(r.file).name] for r in results]
    ids = [c.id for c in cases]
    events = versioning.day_events([ws.history(i) for i in ids], day)
    last = max(events, key=lambda h: int(h.get("version") or 0), default=None)
    folder = ws.outbox / day
    prefix = versioning.day_prefix(day)
    if last is not None and not force and last.get("cases") == contents and (ws.root / last["file"]).is_file():
        v, base = int(last["version"]), ws.root / last["file"]
        members = []
        if per_member and not _have_member_copies(ws, folder, prefix, v):
            members = _member_copies(ws, None, day, base, prefix, v)
            _record_member_copies(ws, ids, base, v, members)
        return DayResult(day, v, False, last["file"], int(last.get("pages") or 0), member_files=members)

    version = versioning.next_version(events, _listdir(folder), prefix)
    name = versioning.file_name(prefix, version)
    committee = ws.config.committee
    rows = _agenda_rows(cases, results)
    agenda = render_agenda(committee.name, weekday_date_nl(day), committee.members, rows)
    parts = [assemble.DayPart(ws.root / r.file, f"{row.time} – {r.case_id} – {row.corporation}", f"{r.case_id} ")
             for r, row in zip(results, rows, strict=True)]
    with tempfile.TemporaryDirectory(prefix="kwru-bundle-") as tmp:
        out = Path(tmp) / name
        pages = assemble.day_bundle(agenda, parts, path=out, title=f"Zittingsdag {day} (versie {version})",
                                    author=committee.name, day_label=f"Zittingsdag {short_date(day)}",
                                    manifest={"day": day, "version": version, "cases": contents})
        stored = _rel(ws, add_outbox_file(ws, day, name, out))
        members = _member_copies(ws, None, day, out, prefix, version) if per_member else []
    for cid in ids:
        update_case(ws, cid, lambda c: history_event(
            versioning.EVENT, scope=versioning.SCOPE_DAY, day=day, version=version, file=stored, pages=pages,
            cases=contents, member_copies=members or None))
    return DayResult(day, version, True, stored, pages, versioning.day_note(last, contents) if last else "",
                     members)
