"""Command: bundle (hearing bundles per case and per hearing day)."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..i18n import _, ngettext
from ..workspace import Workspace
from .output import print_json, say

if TYPE_CHECKING:
    from ..bundles import CaseResult


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "bundle", help=_("hearing bundles: one indexed, numbered PDF per case (and per hearing day)"),
        description=_("Make the hearing bundle (zittingsbundel) of a case, or of every case planned on a "
                      "hearing day plus one bundle for the whole day. A new version is made only when the "
                      "dossier changed since the last one; earlier versions are kept."))
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("case", metavar="ID", nargs="?", help=_("case number, e.g. KWRU-2026-001"))
    what.add_argument("--session", metavar="DATE", help=_("hearing day (YYYY-MM-DD): all its cases and the day bundle"))
    p.add_argument("--per-member", action="store_true",
                   help=_("also one copy per member, marked 'Vertrouwelijk — <name>' on every page"))
    p.add_argument("--force", action="store_true", help=_("make a new version even if nothing changed"))
    p.add_argument("--json", action="store_true", help=_("print what was made as JSON"))
    p.set_defaults(func=handler)


def _say_case(r: CaseResult) -> None:
    if r.made:
        docs = ngettext("{n} document", "{n} documents", r.documents).format(n=r.documents)
        pages = ngettext("{n} page", "{n} pages", r.pages).format(n=r.pages)
        say(_("{case}: bundle v{version}, {pages} ({documents}) -> {file}").format(
            case=r.case_id, version=r.version, pages=pages, documents=docs, file=r.file))
        if r.note:
            say(f"  {r.note}")
        if r.outbox:
            say("  " + _("copy in {path}").format(path=r.outbox))
    else:
        say(_("{case}: nothing changed since v{version} ({file}); no new version (--force makes one)").format(
            case=r.case_id, version=r.version, file=r.file))
    for f in r.member_files:
        say("  " + _("member copy {path}").format(path=f))
    for line in (*r.problems, *r.repaired, *r.warnings):
        say("  " + _("[yellow]warning:[/] {warning}").format(warning=line))


def handler(args: argparse.Namespace, ws: Workspace) -> int:
    # imported here: pikepdf and reportlab would add ~0.4 s to the start of every other command
    from ..bundles import build_case_bundle, build_session

    if args.session:
        try:
            day = dt.date.fromisoformat(args.session).isoformat()
        except ValueError:
            raise UsageError(_("--session needs a date like 2026-04-14, not {value!r}").format(value=args.session)) from None
        result = build_session(ws, day, per_member=args.per_member, force=args.force,
                               on_case=None if args.json else _say_case)
        if args.json:
            print_json(dataclasses.asdict(result))
            return 0
        d = result.bundle
        if d.made:
            pages = ngettext("{n} page", "{n} pages", d.pages).format(n=d.pages)
            cases = ngettext("{n} case", "{n} cases", len(result.cases)).format(n=len(result.cases))
            say(_("hearing day {day}: day bundle v{version}, {pages} ({cases}) -> {file}").format(
                day=day, version=d.version, pages=pages, cases=cases, file=d.file))
            if d.note:
                say(f"  {d.note}")
        else:
            say(_("hearing day {day}: day bundle v{version} is up to date ({file})").format(
                day=day, version=d.version, file=d.file))
        for f in d.member_files:
            say("  " + _("member copy {path}").format(path=f))
        return 0
    r = build_case_bundle(ws, args.case, per_member=args.per_member, force=args.force)
    if args.json:
        print_json(dataclasses.asdict(r))
    else:
        _say_case(r)
    return 0
