"""The recipes: a case's hearing bundle, and a hearing day's bundles. Each reads like its steps."""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .. import clock
from ..dossier import add_case_file, add_outbox_file, history_event, update_case
from ..errors import UsageError
from ..letters.dutch import clean, date_nl, street_line, time_nl, weekday_date_nl
from ..models import Case
from ..workspace import Workspace
from . import assemble, versioning
from .index import render_front, short_date
from .pages import AgendaRow, CoverInfo, render_agenda, render_placeholders
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


def _placeholder_pages(plan: BundlePlan, committee: str) -> bytes:
    items = []
    for e in plan.problems:
        assert e.source.problem is not None
        heading = f"Document {e.doc.seq} – {e.kind_label} – {short_date(e.doc.date)}: {e.title}"
        original = (f"Het ontvangen bestand ({e.doc.original_name}) staat in het dossier."
                    if e.doc.original_name else "")
        items.append((heading, e.source.problem.nl, original))
    return render_placeholders(items, committee) if items else b""


def _member_copies(ws: Workspace, case_id: str | None, day: str, base: Path, version_name: Callable[[str], str],
                   tmp: Path) -> list[str]:
    """Per member a watermarked copy of `base`, into the dossier (when `case_id`) and the outbox."""
    members = ws.config.committee.members
    made = []
    for member, slug in zip(members, versioning.member_slugs(members)):
        name = version_name(slug)
        dst = tmp / name
        assemble.watermarked_copy(base, dst, WATERMARK.format(member=member))
        if case_id:
            add_case_file(ws, case_id, "bundles", name, dst)
        made.append(_rel(ws, add_outbox_file(ws, day, name, dst)))
    return made


def _rel(ws: Workspace, path: Path) -> str:
    return str(path.relative_to(ws.root))


def build_case_bundle(ws: Workspace, case_id: str, *, per_member: bool = False, force: bool = False) -> CaseResult:
    """Make the next version of a case's bundle if the dossier changed since the last one (or `force`)."""
    with ws.lock(), contextlib.ExitStack() as stack:
        case = ws.load_case(case_id)
        history = ws.history(case_id)
        folder = ws.case_dir(case_id)
        day = _outbox_day(case)

        plan = plan_bundle(case, folder, stack)
        records = versioning.document_records(plan)
        cover = versioning.cover_fingerprint(case, ws.config)
        problems = [f"document {e.doc.seq} ({e.kind_label}) is not included: {e.source.problem.en}; "
                    f"a placeholder page says so (p. {e.start})" for e in plan.problems if e.source.problem]
        repaired = [f"document {e.doc.seq} ({e.kind_label}) was damaged; qpdf repaired it, check its "
                    f"pages {e.page_range}" for e in plan.entries if e.source.repaired]
        warnings = [] if case.hearing else ["no hearing planned yet: the cover says 'nog niet gepland'"]

        last = versioning.last_case_bundle(history)
        note = ""
        if last is not None:
            changes = versioning.compare(last, records, cover)
            last_file = folder / str(last.get("file", ""))
            if not changes and not force and last_file.is_file():
                result = CaseResult(case_id, int(last["version"]), False, _rel(ws, last_file),
                                    int(last.get("pages") or 0), len(plan.entries), problems=problems,
                                    repaired=repaired, warnings=warnings)
                if per_member:
                    result.member_files = _missing_member_copies(ws, case, int(last["version"]), last_file)
                return result
            note = changes.note(int(last["version"])) if changes else f"opnieuw gemaakt, gelijk aan v{last['version']}"

        version = versioning.next_version(history, _listdir(folder / "bundles"), case_id)
        name = versioning.case_bundle_name(case_id, version)
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="kwru-bundle-")))
        committee = ws.config.committee.name
        front = render_front(cover_info(case, ws, plan, version, note), plan)
        pages = assemble.case_bundle(
            plan, front, _placeholder_pages(plan, committee), path=tmp / name,
            title=f"Zittingsbundel {case_id} (versie {version})", author=committee,
            manifest={"case": case_id, "version": version, "documents": [r["seq"] for r in records]})
        stored = add_case_file(ws, case_id, "bundles", name, tmp / name)
        outbox = add_outbox_file(ws, day, name, tmp / name)
        members = []
        if per_member:
            members = _member_copies(ws, case_id, day, tmp / name,
                                     lambda slug: versioning.case_bundle_name(case_id, version, slug), tmp)
        stored_rel = str(stored.relative_to(folder))
        update_case(ws, case_id, lambda c: history_event(
            versioning.EVENT, scope=versioning.SCOPE_CASE, version=version, file=stored_rel, pages=pages,
            outbox=_rel(ws, outbox), changes=note or None, cover=cover, documents=records,
            not_included=[e.doc.seq for e in plan.problems] or None, member_copies=members or None))
        return CaseResult(case_id, version, True, _rel(ws, stored), pages, len(plan.entries),
                          outbox=_rel(ws, outbox), note=note, problems=problems, repaired=repaired,
                          member_files=members, warnings=warnings)


def _missing_member_copies(ws: Workspace, case: Case, version: int, base: Path) -> list[str]:
    """Per-member copies of an up-to-date version, made only if they are not there yet."""
    slugs = versioning.member_slugs(ws.config.committee.members)
    folder = ws.case_dir(case.id) / "bundles"
    if all((folder / versioning.case_bundle_name(case.id, version, s)).is_file() for s in slugs):
        return []
    with tempfile.TemporaryDirectory(prefix="kwru-bundle-") as tmp:
        made = _member_copies(ws, case.id, _outbox_day(case), base,
                              lambda slug: versioning.case_bundle_name(case.id, version, slug), Path(tmp))
    update_case(ws, case.id, lambda c: history_event(
        versioning.EVENT, scope="leden", version=version, member_copies=made))
    return made


def _listdir(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


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
            raise UsageError(f"no cases are planned on {day} (plan them with `kwru schedule {day} ID ...`)")
        results = []
        for case in cases:
            r = build_case_bundle(ws, case.id, per_member=per_member, force=force)
            results.append(r)
            if on_case:
                on_case(r)
        return SessionResult(day, results, _build_day(ws, day, cases, results, per_member, force))


def _build_day(ws: Workspace, day: str, cases: list[Case], results: list[CaseResult],
               per_member: bool, force: bool) -> DayResult:
    contents = [[r.case_id, Path(r.file).name] for r in results]
    events = [h for c in cases for h in ws.history(c.id)
              if h.get("event") == versioning.EVENT and h.get("scope") == versioning.SCOPE_DAY
              and h.get("day") == day]
    last = max(events, key=lambda h: int(h.get("version") or 0), default=None)
    folder = ws.outbox / day
    if last is not None and not force and last.get("cases") == contents and (ws.root / last["file"]).is_file():
        version = int(last["version"])
        result = DayResult(day, version, False, last["file"], int(last.get("pages") or 0))
        slugs = versioning.member_slugs(ws.config.committee.members)
        if per_member and not all((folder / versioning.day_bundle_name(day, version, s)).is_file() for s in slugs):
            with tempfile.TemporaryDirectory(prefix="kwru-bundle-") as tmp:
                result.member_files = _member_copies(ws, None, day, ws.root / last["file"],
                                                     lambda s: versioning.day_bundle_name(day, version, s), Path(tmp))
        return result

    version = max([int(h.get("version") or 0) for h in events]
                  + [_day_version(n, day) for n in _listdir(folder)], default=0) + 1
    note = _day_note(last, contents) if last else ""
    name = versioning.day_bundle_name(day, version)
    committee = ws.config.committee
    rows = [AgendaRow(time=time_nl(c.hearing.time) if c.hearing else "", case_id=c.id,
                      corporation=clean(c.corporation or ""),
                      complainant=clean(", ".join(p.name for p in (c.complainant, *c.co_complainants) if p.name)),
                      location=clean(c.hearing.location if c.hearing else ""),
                      pages=f"{r.pages} p. (v{r.version})")
            for c, r in zip(cases, results)]
    agenda = render_agenda(committee.name, weekday_date_nl(day), committee.members, rows)
    parts = [assemble.DayPart(ws.root / r.file, f"{row.time} – {r.case_id} – {row.corporation}",
                              f"{r.case_id} ") for r, row in zip(results, rows)]
    with tempfile.TemporaryDirectory(prefix="kwru-bundle-") as tmp:
        out = Path(tmp) / name
        pages = assemble.day_bundle(agenda, parts, path=out, title=f"Zittingsdag {day} (versie {version})",
                                    author=committee.name, day_label=f"Zittingsdag {short_date(day)}",
                                    manifest={"day": day, "version": version, "cases": contents})
        stored = _rel(ws, add_outbox_file(ws, day, name, out))
        members = []
        if per_member:
            members = _member_copies(ws, None, day, out, lambda s: versioning.day_bundle_name(day, version, s),
                                     Path(tmp))
    for c in cases:
        update_case(ws, c.id, lambda _c: history_event(
            versioning.EVENT, scope=versioning.SCOPE_DAY, day=day, version=version, file=stored, pages=pages,
            cases=contents, member_copies=members or None))
    return DayResult(day, version, True, stored, pages, note, members)


def _day_version(file_name: str, day: str) -> int:
    prefix = f"zittingsdag-{day}-v"
    if file_name.startswith(prefix) and file_name.endswith(".pdf"):
        num = file_name[len(prefix):-4].split("-")[0]
        return int(num) if num.isdigit() else 0
    return 0


def _day_note(last: dict, contents: list[list[str]]) -> str:
    before = {cid: f for cid, f in last.get("cases") or []}
    now = dict((cid, f) for cid, f in contents)
    parts = [f"{cid} toegevoegd" for cid in now if cid not in before]
    parts += [f"{cid} nieuwe versie" for cid in now if cid in before and before[cid] != now[cid]]
    parts += [f"{cid} vervallen" for cid in before if cid not in now]
    return f"sinds v{last['version']}: " + ", ".join(parts) if parts else f"opnieuw gemaakt, gelijk aan v{last['version']}"
