"""Commands: cases, show, set."""

from __future__ import annotations

import argparse
from typing import Any

from .. import clock
from ..casedata import case_json, set_values
from ..errors import UsageError
from ..lifecycle.deadlines import compute_deadlines, next_deadline, open_deadlines
from ..models import STATUSES, Case
from ..workspace import Workspace
from .output import out, print_json, say, table


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("cases", help="list cases (with their next deadline)")
    p.add_argument("--status", choices=STATUSES, metavar="STATUS",
                   help=f"only cases with this status ({', '.join(STATUSES)})")
    p.add_argument("--corporation", metavar="NAME", help="only cases about this corporation (name or alias)")
    p.add_argument("--overdue", action="store_true", help="only cases with an overdue deadline")
    p.add_argument("--json", action="store_true", help="JSON array of case objects (PRODUCT.md)")
    p.set_defaults(func=cmd_cases)

    p = sub.add_parser("show", help="one case: data, documents, deadlines, history")
    p.add_argument("case", metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("set", help="correct or add case data, e.g. complainant.name=\"A. Bakker\"")
    p.add_argument("case", metavar="ID")
    p.add_argument("assignments", nargs="+", metavar="KEY=VALUE")
    p.set_defaults(func=cmd_set)


def _corporation_filter(ws: Workspace, name: str) -> str:
    from rapidfuzz import process

    wanted = name.casefold()
    for corp in ws.config.corporations:
        if wanted in (n.casefold() for n in corp.all_names()):
            return corp.name
    match = process.extractOne(name, [c.name for c in ws.config.corporations], score_cutoff=80)
    if match:
        return match[0]
    raise UsageError(f"unknown corporation {name!r}; known: {', '.join(c.name for c in ws.config.corporations)}")


def fresh_deadlines(ws: Workspace, case: Case, today) -> Case:
    """Deadlines as the current kwru.yaml counts them (case.yaml has them as of its last write)."""
    case.deadlines = compute_deadlines(case, ws.history(case.id), ws.config, today)
    return case


def select_cases(ws: Workspace, status: str | None, corporation: str | None, overdue: bool) -> list[Case]:
    today = clock.today()
    corp = _corporation_filter(ws, corporation) if corporation else None
    cases = [fresh_deadlines(ws, c, today) for c in ws.cases()]
    if status:
        cases = [c for c in cases if c.status == status]
    if corp:
        cases = [c for c in cases if c.corporation == corp]
    if overdue:
        cases = [c for c in cases if any(d.overdue for d in open_deadlines(c, today))]
    return cases


def cmd_cases(args: argparse.Namespace, ws: Workspace) -> int:
    cases = select_cases(ws, args.status, args.corporation, args.overdue)
    if args.json:
        print_json([case_json(ws, c) for c in cases])
        return 0
    if not cases:
        say("No cases" + (" match these filters." if (args.status or args.corporation or args.overdue)
                          else " yet: drop files in inbox/ and run `kwru ingest`."))
        return 0
    today = clock.today()
    rows = []
    for c in cases:
        nd = next_deadline(c, today)
        if nd is None:
            due = ""
        else:
            mark = "[red]" if nd.overdue else ("[yellow]" if nd.days_left <= ws.config.deadlines.due_soon_days else "")
            due = f"{mark}{nd.label} {nd.due:%d-%m-%Y}" + ("[/]" if mark else "")
        person = c.complainant.name or "?"
        if c.representative and c.representative.name:
            person += f" (via {c.representative.name})"
        rows.append([c.id, c.status, c.received or "", person, c.corporation or "?", c.category or "",
                     len(c.documents), due])
    tbl = _rich_table(["zaak", "status", "ontvangen", "klager", "corporatie", "categorie", "stukken",
                       "volgende termijn"], rows)
    out.print(tbl)
    say(f"{len(cases)} case(s)")
    return 0


def _rich_table(columns: list[str], rows: list[list[Any]]):
    from rich.table import Table

    t = Table(header_style="bold")
    for col in columns:
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(*["" if v is None else str(v) for v in r])
    return t


def cmd_show(args: argparse.Namespace, ws: Workspace) -> int:
    case = fresh_deadlines(ws, ws.load_case(args.case), clock.today())
    if args.json:
        data = case_json(ws, case)
        data["history"] = ws.history(case.id)
        print_json(data)
        return 0
    today = clock.today()

    def val(key: str, value: Any) -> str:
        if value in (None, ""):
            return "—"
        prov = case.provenance.get(key)
        if prov and prov.method == "person":
            return f"{value}  [dim](ingevuld door persoon)[/]"
        if prov and prov.confidence < 0.7:
            return f"{value}  [yellow](controleren: {prov.source}, zekerheid {prov.confidence:.0%})[/]"
        return str(value)

    out.print(f"[bold]{case.id}[/]  status [bold]{case.status}[/]  ontvangen {case.received or '?'}")
    rows = []
    for label, prefix, party in (("klager", "complainant", case.complainant),
                                 ("gemachtigde", "representative", case.representative)):
        if party is None:
            continue
        for attr in ("name", "relation", "street", "house_number", "postcode", "city", "email", "phone"):
            v = getattr(party, attr)
            if v or attr == "name":
                rows.append([f"{label}.{attr}", val(f"{prefix}.{attr}", v)])
    rows.append(["corporatie", val("corporation", case.corporation)])
    rows.append(["categorie", val("category", case.category)])
    adm = case.admissibility
    rows.append(["ontvankelijkheid", adm.decision or "nog niet beslist"
                 + (f" (signalen in de tekst: {', '.join(adm.flags)})" if adm.flags else "")])
    if case.hearing:
        rows.append(["zitting", f"{case.hearing.date} {case.hearing.time} {case.hearing.location}"])
    if case.outcome:
        rows.append(["uitkomst", case.outcome])
    table(None, ["gegeven", "waarde"], rows)
    docs = [[d.seq, d.kind, d.date or "", d.title[:50], d.pages, "ja" if d.ocr else "", d.path or "—"]
            for d in case.documents]
    table("Stukken", ["nr", "soort", "datum", "titel", "p.", "OCR", "bestand"], docs)
    dl = open_deadlines(case, today)
    if dl:
        table("Termijnen", ["termijn", "uiterlijk", ""],
              [[d.label, f"{d.due:%d-%m-%Y}",
                "[red]te laat[/]" if d.overdue else f"nog {d.days_left} dag(en)"] for d in dl])
    hist = ws.history(case.id)[-15:]
    table("Geschiedenis (laatste 15)", ["wanneer", "wat"],
          [[h.get("at", "")[:16].replace("T", " "), _history_text(h)] for h in hist])
    return 0


def _history_text(h: dict[str, Any]) -> str:
    """One line per history event, in the secretary's words."""
    ev = h.get("event")
    if ev == "document":
        return f"stuk {h.get('seq')} ontvangen ({h.get('kind')}): {h.get('original_name', '')}"
    if ev == "status":
        return f"status {h.get('from')} → {h.get('to')}" + (f" ({h['reason']})" if h.get("reason") else "")
    if ev == "set":
        return f"gecorrigeerd {h.get('key')}: {h.get('old')!r} → {h.get('new')!r}"
    if ev == "case_opened":
        return f"zaak geopend met {h.get('original_name', '')}"
    if ev == "letter":
        pdfs = [f for f in h.get("files", []) if str(f).endswith(".pdf")] or h.get("files", [])
        who = {"complainant": "klager", "corporation": "corporatie", "representative": "gemachtigde"}
        to = h.get("addressee") or h.get("to")
        return f"brief {h.get('kind')} aan {who.get(to, to)}: {', '.join(map(str, pdfs))}"
    if ev == "bundle":
        what = "zittingsdagbundel" if h.get("scope") == "zittingsdag" else "zittingsbundel"
        return f"{what} v{h.get('version')} ({h.get('pages')} p.): {h.get('file')}"
    if ev == "decision":
        followed = {True: "volgt het advies", False: "wijkt af van het advies"}.get(h.get("followed"), "?")
        return f"besluit directie: {followed}"
    skip = {"at", "event", "command", "documents", "files", "outbox", "cover"}
    rest = {k: v for k, v in h.items() if k not in skip and not isinstance(v, (list, dict))}
    return f"{ev} " + ", ".join(f"{k}={v}" for k, v in rest.items())


def cmd_set(args: argparse.Namespace, ws: Workspace) -> int:
    pairs = []
    for a in args.assignments:
        key, eq, value = a.partition("=")
        if not eq or not key.strip():
            raise UsageError(f"{a!r} is not KEY=VALUE (e.g. complainant.name=\"A. Bakker\")")
        pairs.append((key.strip(), value.strip()))
    case = set_values(ws, args.case, pairs, command="kwru set " + " ".join(args.assignments))
    for key, _ in pairs:
        say(f"{case.id}: {key} = {_get(case, key)!r}")
    return 0


def _get(case: Case, key: str) -> Any:
    obj: Any = case
    for part in key.split("."):
        obj = getattr(obj, part, None) if obj is not None else None
    return obj
