"""Bundle versions: what a bundle held (recorded in the case history), what changed since, v1, v2, ...

A bundle is never overwritten: members may have annotated or printed it. When the dossier
changes (a document added, replaced, re-dated; the hearing moved) the next `kwru bundle` makes
the next version and says what changed; when nothing changed it makes none.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from ..config import Config
from ..models import DOC_KIND_LABELS, Case
from .plan import BundlePlan

EVENT = "bundle"
SCOPE_CASE = "zaak"
SCOPE_DAY = "zittingsdag"
SCOPE_MEMBERS = "leden"  # member copies made later of a version that was up to date


def case_prefix(case_id: str) -> str:
    return f"zittingsbundel-{case_id}"


def day_prefix(day: str) -> str:
    return f"zittingsdag-{day}"


def file_name(prefix: str, version: int, member: str | None = None) -> str:
    """zittingsbundel-KWRU-2026-001-v2.pdf; a member's copy: ...-v2-jansen.pdf."""
    return f"{prefix}-v{version}{'-' + member if member else ''}.pdf"


def member_slug(member: str) -> str:
    """"mw. drs. E. Jansen" -> "jansen"; "mr. J. de Vries (voorzitter)" -> "de-vries"."""
    name = re.sub(r"\(.*?\)", " ", member)
    words = [w for w in name.split() if not w.endswith(".")] or name.split()
    slug = re.sub(r"[^a-z0-9]+", "-", " ".join(words).lower()).strip("-")
    return slug or "lid"


def member_slugs(members: tuple[str, ...] | list[str]) -> list[str]:
    """One distinct file-name part per member (a second "Jansen" becomes "jansen-2")."""
    out: list[str] = []
    for m in members:
        slug = base = member_slug(m)
        n = 1
        while slug in out:
            n += 1
            slug = f"{base}-{n}"
        out.append(slug)
    return out


def document_records(plan: BundlePlan) -> list[dict[str, Any]]:
    """What the history keeps of each document in a bundle, enough to tell later what changed."""
    return [{"seq": e.doc.seq, "kind": e.doc.kind, "date": e.doc.date, "title": e.title,
             "pdf": e.source.sha256, "problem": e.source.problem.code if e.source.problem else None}
            for e in plan.entries]


def cover_fingerprint(case: Case, config: Config) -> str:
    """A short hash of what the cover shows besides the documents (parties, hearing, members)."""
    data = {
        "complainant": case.complainant.to_dict(),
        "co": [p.to_dict() for p in case.co_complainants],
        "representative": case.representative.to_dict() if case.representative else None,
        "corporation": case.corporation,
        "hearing": case.hearing.to_dict() if case.hearing else None,
        "committee": config.committee.name,
        "members": list(config.committee.members),
    }
    raw = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]


def _versions_on_disk(files: list[str], prefix: str) -> list[int]:
    pat = re.compile(rf"{re.escape(prefix)}-v(\d+)(?:-[a-z0-9-]+)?\.pdf$")
    return [int(m.group(1)) for f in files if (m := pat.match(f))]


def next_version(events: list[dict[str, Any]], existing_files: list[str], prefix: str) -> int:
    """One more than any version in `events` or among the files (a version number is never reused,
    even when someone deleted a file)."""
    used = [int(h.get("version") or 0) for h in events] + _versions_on_disk(existing_files, prefix)
    return max(used, default=0) + 1


def case_events(history: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [h for h in history if h.get("event") == EVENT and h.get("scope", SCOPE_CASE) == SCOPE_CASE]


def day_events(histories: list[list[dict[str, Any]]], day: str) -> list[dict[str, Any]]:
    """The day bundles of `day` as recorded in the histories of the cases heard that day."""
    return [h for history in histories for h in history
            if h.get("event") == EVENT and h.get("scope") == SCOPE_DAY and h.get("day") == day]


def day_note(previous: dict[str, Any], contents: list[list[str]]) -> str:
    """Dutch: which case bundles the new day bundle adds, replaces or drops."""
    before = dict(previous.get("cases") or [])
    now = dict(contents)
    parts = [f"{cid} toegevoegd" for cid in now if cid not in before]
    parts += [f"{cid} nieuwe versie" for cid in now if cid in before and before[cid] != now[cid]]
    parts += [f"{cid} vervallen" for cid in before if cid not in now]
    v = previous["version"]
    return f"sinds v{v}: " + ", ".join(parts) if parts else f"opnieuw gemaakt, gelijk aan v{v}"


def _describe(rec: dict[str, Any]) -> str:
    kind = DOC_KIND_LABELS.get(rec.get("kind") or "", rec.get("kind") or "")
    date = f" ({rec['date']})" if rec.get("date") else ""
    return f"document {rec['seq']} {kind}{date}"


@dataclass(frozen=True)
class Changes:
    added: list[str]
    changed: list[str]
    removed: list[str]
    cover: bool  # parties, hearing or members changed

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.cover)

    def note(self, previous: int) -> str:
        """Dutch, for the cover and the terminal: "nieuw sinds v1: document 5 Reactie corporatie (2026-04-02)"."""
        parts = []
        if self.added:
            parts.append(f"nieuw sinds v{previous}: " + ", ".join(self.added))
        if self.changed:
            parts.append(f"gewijzigd sinds v{previous}: " + ", ".join(self.changed))
        if self.removed:
            parts.append(f"vervallen sinds v{previous}: " + ", ".join(self.removed))
        if self.cover:
            parts.append(f"gewijzigde zaak- of zittingsgegevens sinds v{previous}")
        return "; ".join(parts)


def compare(previous: dict[str, Any], records: list[dict[str, Any]], cover: str) -> Changes:
    before = {r["seq"]: r for r in previous.get("documents") or []}
    now = {r["seq"]: r for r in records}
    keys = ("kind", "date", "title", "pdf", "problem")
    return Changes(
        added=[_describe(now[s]) for s in now if s not in before],
        changed=[_describe(now[s]) for s in now if s in before
                 and any(now[s].get(k) != before[s].get(k) for k in keys)],
        removed=[_describe(before[s]) for s in before if s not in now],
        cover=previous.get("cover") != cover,
    )
