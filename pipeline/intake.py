"""The intake of one file from inbox/: the recipe, the commit, and recovery after a crash.

    hash -> duplicate? -> keep the original -> analyse (text, OCR, fields; worker process)
         -> route -> commit (dossier / review / quarantine) -> journal -> remove from inbox

Nothing is lost, whatever moment the process is killed at:
- Before anything else an *intent* is written in .kwru/intake/<id>/ with a byte-identical
  copy of the original. The inbox file is removed only after the commit and the journal line.
- The commit point of a filed document is case.yaml listing it (with the intake id); of a
  review, quarantine or duplicate fate it is the journal line. Every file a commit creates is
  listed in the intent before it is created.
- `recover()` runs before each pass: a committed intake is completed (history, journal, inbox
  removal); an uncommitted one is rolled back (its new files removed) and its inbox file is
  simply processed again.
"""

from __future__ import annotations

import dataclasses
import fcntl
import json
import os
import re
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import clock, dossier
from .analyse import Analyser, Piece, sha256_file
from .errors import Unreadable
from .lifecycle.outcomes import on_document_filed
from .models import DOC_KINDS, PARTY_FIELDS, Case, Document, Extracted, Party, Provenance
from .route import Candidate, Route, route
from .workspace import Workspace, read_jsonl

MIN_FIELD_CONFIDENCE = 0.4  # extracted values below this are not written into a case
# A salutation is wrong when the gender is a guess ("Geachte heer" to a woman): take it only
# from a title in the text ("mevrouw", "dhr."), never from a first name.
FIELD_MIN_CONFIDENCE = {"complainant.gender": 0.8, "representative.gender": 0.8}


@dataclass
class Result:
    """What happened to one inbox file: the journal line, as a value."""

    intake: str
    original_name: str
    sha256: str
    fate: str  # filed | review | quarantine | duplicate | skipped
    case: str | None = None
    documents: list[int] = field(default_factory=list)
    path: str | None = None
    reason: str | None = None
    duplicate_of: dict[str, Any] | None = None
    at: str = ""
    size: int = 0

    def journal_line(self) -> dict[str, Any]:
        line: dict[str, Any] = {"at": self.at, "intake": self.intake, "original_name": self.original_name,
                                "sha256": self.sha256, "size": self.size, "fate": self.fate}
        for key in ("case", "path", "reason", "duplicate_of"):
            if getattr(self, key):
                line[key] = getattr(self, key)
        if self.documents:
            line["documents"] = self.documents
        return line


# --- what has been seen before -------------------------------------------------------------

def known_files(ws: Workspace, cases: list[Case]) -> dict[str, dict[str, Any]]:
    """sha256 -> where those bytes already are (case document, review or quarantine)."""
    seen: dict[str, dict[str, Any]] = {}
    for line in ws.journal():
        sha, fate = line.get("sha256"), line.get("fate")
        if not sha or fate in ("duplicate", None):
            continue
        if fate == "filed":
            docs = line.get("documents") or [None]
            seen[sha] = {"case": line.get("case"), "document": docs[0]}
        elif fate in ("review", "quarantine"):
            seen[sha] = {fate: line.get("path")}
    for case in cases:
        for d in case.documents:
            seen.setdefault(d.sha256, {"case": case.id, "document": d.seq})
    return seen


def describe_duplicate(dup: dict[str, Any]) -> str:
    if dup.get("case"):
        return f"zelfde bestand als {dup['case']} document {dup.get('document')}"
    if dup.get("review"):
        return f"zelfde bestand ligt al in {dup['review']}"
    return f"zelfde bestand staat al in {dup.get('quarantine')}"


# --- intents -------------------------------------------------------------------------------

def _intents_dir(ws: Workspace) -> Path:
    return ws.state / "intake"


def _write_intent(folder: Path, intent: dict[str, Any]) -> None:
    dossier.atomic_write(folder / "intent.json", json.dumps(intent, ensure_ascii=False, indent=1))


def _read_intent(folder: Path) -> dict[str, Any] | None:
    try:
        return json.loads((folder / "intent.json").read_text("utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def _hold(folder: Path) -> int | None:
    """Take the owner lock of an intake folder; None if a live process holds it.

    The OS releases it when its process dies, however it dies: so a held lock means "being
    worked on right now" and a free one "abandoned" (recover it).
    """
    fd = os.open(folder / "owner.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return None
    return fd


def _release(fd: int | None) -> None:
    if fd is not None:
        os.close(fd)


def _claimed_by_live_intake(ws: Workspace, rel_inbox: str) -> bool:
    root = _intents_dir(ws)
    if not root.is_dir():
        return False
    for folder in root.iterdir():
        intent = _read_intent(folder)
        if intent and intent.get("inbox") == rel_inbox:
            fd = _hold(folder)
            if fd is None:
                return True
            _release(fd)
    return False


def _claim(ws: Workspace, folder: Path, intent: dict[str, Any], path: Path) -> None:
    """Record that `path` is about to be created by this intake (so a rollback can remove it)."""
    rel = str(path.relative_to(ws.root))
    if rel not in intent["targets"]:
        intent["targets"].append(rel)
        _write_intent(folder, intent)


# --- the recipe ----------------------------------------------------------------------------

class Intake:
    """Processes inbox files one at a time. Use as a context manager (it owns a worker)."""

    def __init__(self, ws: Workspace, analyser: Analyser | None = None):
        self.ws = ws
        self.analyser = analyser or Analyser()
        self.stop_requested = False  # set by the watcher on SIGTERM: abandon, do not quarantine
        self._owner: int | None = None

    def __enter__(self) -> Intake:
        return self

    def __exit__(self, *exc: object) -> None:
        self.analyser.close()

    def process(self, path: Path) -> Result | None:
        """Take one inbox file all the way. Returns None if the file vanished or was abandoned."""
        ws = self.ws
        try:
            st = path.stat()
        except FileNotFoundError:
            return None
        sha = sha256_file(path)
        intake_id = f"{clock.now():%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:6]}"
        folder = _intents_dir(ws) / intake_id
        rel_inbox = str(path.relative_to(ws.inbox))
        intent: dict[str, Any] = {"id": intake_id, "inbox": rel_inbox, "sha256": sha, "size": st.st_size,
                                  "received": clock.now().isoformat(), "targets": []}
        with ws.lock():  # claim the file: another kwru process may be looking at it too
            if not path.exists() or _claimed_by_live_intake(ws, rel_inbox):
                return None
            folder.mkdir(parents=True)
            self._owner = _hold(folder)
            _write_intent(folder, intent)
        try:
            return self._process(path, folder, intent, st)
        finally:
            _release(self._owner)
            self._owner = None

    def _process(self, path: Path, folder: Path, intent: dict[str, Any], st: os.stat_result) -> Result | None:
        ws, sha, intake_id = self.ws, intent["sha256"], intent["id"]
        dossier.crashpoint("after_intent")
        original = folder / "original" / dossier.safe_name(path.name)
        dossier.atomic_copy(path, original)
        dossier.crashpoint("after_original")
        if sha256_file(original) != sha:  # the file changed while we copied it: try again later
            shutil.rmtree(folder, ignore_errors=True)
            return None
        result = Result(intake_id, printable_name(path.name), sha, "skipped", at=intent["received"],
                        size=st.st_size)

        cases = ws.cases()
        dup = known_files(ws, cases).get(sha)
        if dup:
            result.fate, result.duplicate_of, result.reason = "duplicate", dup, describe_duplicate(dup)
            if dup.get("case"):
                result.case = dup["case"]
            return self._finish(folder, intent, path, result)

        try:
            if st.st_size == 0:
                raise Unreadable("het bestand is leeg (0 bytes)")
            pieces = self.analyser.analyse(original, folder / "work", ws.config)
        except Unreadable as e:
            if self.stop_requested:
                shutil.rmtree(folder, ignore_errors=True)
                return None
            return self._quarantine(folder, intent, path, original, result, e.reason)

        with ws.lock():
            cases = ws.cases()  # another process may have filed something meanwhile
            lead = _lead_piece(pieces)
            sender = lead.email.from_addr if lead.email else None
            decision = route(lead.extracted, sender, cases, {c.id for c in cases})
            if decision.action == "review":
                return self._review(folder, intent, path, original, result, decision, pieces)
            return self._file(folder, intent, path, result, decision, pieces, lead)

    # --- fates ---------------------------------------------------------------------------

    def _file(self, folder: Path, intent: dict, path: Path, result: Result, decision: Route,
              pieces: list[Piece], lead: Piece) -> Result:
        ws = self.ws
        today = clock.today()
        if decision.action == "new_case":
            case = Case(id=dossier.next_case_id(ws, today.year), received=today.isoformat())
            events: list[dict[str, Any]] = [dossier.history_event(
                "case_opened", intake=intent["id"], original_name=result.original_name, reason=decision.reason)]
            _claim(ws, folder, intent, ws.case_dir(case.id))
        else:
            case = ws.load_case(decision.case)
            events = []
        intent["case"] = case.id
        _write_intent(folder, intent)

        seq_of: dict[int, int] = {}
        for i, piece in enumerate(pieces):
            seq = case.next_seq()
            seq_of[i] = seq
            doc = self._place_piece(folder, intent, case, piece, seq, seq_of.get(piece.parent), lead, i == 0)
            case.documents.append(doc)
            events.append(dossier.history_event(
                "document", seq=seq, kind=doc.kind, original_name=doc.original_name, intake=intent["id"],
                route=decision.reason if i == 0 else None))
        # fields: a complaint (or the complainant's addition) fills what is still empty
        lead_kind = case.documents[-len(pieces)].kind
        if lead_kind in ("klacht", "aanvulling"):
            for i, piece in enumerate(pieces):
                _merge_fields(case, piece, seq_of[i])
        elif not case.corporation and lead.extracted.get("corporation"):
            _merge_fields(case, lead, seq_of[0], only=("corporation",))
        events += on_document_filed(case, lead_kind, today)

        dossier.crashpoint("before_commit")
        dossier.write_case(ws, case, *events, commit_first=True)  # case.yaml is the commit point
        result.fate, result.case = "filed", case.id
        result.documents = [seq_of[i] for i in range(len(pieces))]
        result.reason = decision.reason
        return self._finish(folder, intent, path, result)

    def _place_piece(self, folder: Path, intent: dict, case: Case, piece: Piece, seq: int,
                     parent_seq: int | None, lead: Piece, is_lead: bool) -> Document:
        ws = self.ws
        cdir = ws.case_dir(case.id)
        ex = piece.extracted
        kind = ex.get("kind") if ex.get("kind") in DOC_KINDS else "overig"
        if not is_lead:
            lead_kind = lead.extracted.get("kind") or "overig"
            # an attachment is part of what it was attached to unless it clearly is something else
            if kind in ("overig", "klacht") or ex.confidence("kind") < 0.6:
                kind = lead_kind if lead_kind in DOC_KINDS else "overig"
        date = ex.get("letter_date") or (piece.email.date[:10] if piece.email and piece.email.date else None)
        stem = f"{seq:03d}-{kind}-{date or clock.today().isoformat()}"
        orig_dst = cdir / "originals" / f"{seq:03d}-{dossier.safe_name(piece.name)}"
        _claim(ws, folder, intent, orig_dst)
        dossier.atomic_copy(piece.source, orig_dst)
        dossier.crashpoint("placing_document")
        pdf_rel = txt_rel = None
        if piece.pdf and piece.pdf.exists():
            dst = cdir / "documents" / f"{stem}.pdf"
            _claim(ws, folder, intent, dst)
            dossier.atomic_copy(piece.pdf, dst)
            pdf_rel = str(dst.relative_to(cdir))
        if piece.text or piece.error:
            dst = cdir / "documents" / f"{stem}.txt"
            _claim(ws, folder, intent, dst)
            dossier.atomic_write(dst, piece.text or f"[niet leesbaar: {piece.error}]")
            txt_rel = str(dst.relative_to(cdir))
        doc = Document(
            seq=seq, kind=kind, original_name=piece.name, sha256=piece.sha256, date=date,
            pages=piece.pages, path=pdf_rel, ocr=piece.ocr, received=intent["received"],
            title=_title(piece), text_path=txt_rel, original_path=str(orig_dst.relative_to(cdir)),
            parent=parent_seq, sender=piece.email.from_addr if piece.email else None, intake=intent["id"],
        )
        if piece.error:
            doc.extra["error"] = piece.error
        if piece.source_type:
            doc.extra["source_type"] = piece.source_type
        return doc

    def _review(self, folder: Path, intent: dict, path: Path, original: Path, result: Result,
                decision: Route, pieces: list[Piece]) -> Result:
        ws = self.ws
        dst = _unique(ws.review / dossier.safe_name(path.name))
        lead = _lead_piece(pieces)
        sidecar = dst.with_name(dst.name + ".json")
        _claim(ws, folder, intent, dst)
        _claim(ws, folder, intent, sidecar)
        dossier.atomic_copy(original, dst)
        dossier.atomic_write(sidecar, json.dumps({
            "original_name": result.original_name, "intake": intent["id"], "sha256": result.sha256,
            "received": intent["received"], "reason": decision.reason,
            "candidates": [c.to_dict() for c in decision.candidates],
            "kind": lead.extracted.get("kind"),
            "fields": {k: f.value for k, f in lead.extracted.fields.items()},
            "text_preview": lead.text[:600],
        }, ensure_ascii=False, indent=1))
        result.fate, result.path, result.reason = "review", str(dst.relative_to(ws.root)), decision.reason
        return self._finish(folder, intent, path, result)

    def _quarantine(self, folder: Path, intent: dict, path: Path, original: Path, result: Result,
                    reason: str) -> Result:
        ws = self.ws
        with ws.lock():
            dst = _unique(ws.quarantine / dossier.safe_name(path.name))
            note = dst.with_name(dst.name + ".reason.txt")
            _claim(ws, folder, intent, dst)
            _claim(ws, folder, intent, note)
            dossier.atomic_copy(original, dst)
            dossier.atomic_write(note, (
                f"{result.original_name}\n\nNiet ingelezen: {reason}\n\n"
                f"Ontvangen: {intent['received']}\nSHA-256: {result.sha256}\n"
                "Het bestand staat hiernaast ongewijzigd. Herstel het (of vraag de afzender om een\n"
                "leesbare versie) en zet het opnieuw in inbox/.\n"))
            result.fate, result.path, result.reason = "quarantine", str(dst.relative_to(ws.root)), reason
            return self._finish(folder, intent, path, result)

    def _finish(self, folder: Path, intent: dict, path: Path, result: Result) -> Result:
        """After the commit point: journal line, remove from inbox, drop the staging folder."""
        with self.ws.lock():
            dossier.crashpoint("before_journal")
            dossier.append_jsonl(self.ws.journal_path, result.journal_line())
            dossier.crashpoint("after_journal")
            if intent.get("inbox"):
                _remove_inbox_file(self.ws, path, intent["sha256"])
            _remove_review_item(self.ws, intent)
            dossier.crashpoint("after_inbox_removed")
            shutil.rmtree(folder, ignore_errors=True)
        return result


# --- helpers -------------------------------------------------------------------------------

def printable_name(name: str) -> str:
    """A file name as text: bytes that were not UTF-8 (lone surrogates) shown as \\udcxx."""
    return name.encode("utf-8", "backslashreplace").decode("utf-8")


def _lead_piece(pieces: list[Piece]) -> Piece:
    """The piece that decides routing: the file itself, unless it is a covering e-mail whose
    attachment is the real letter (e-mail body "zie bijlage", attachment a complaint). Then the
    attachment's fields count, completed by the e-mail's (sender, subject)."""
    lead = pieces[0]
    if len(pieces) > 1 and (lead.extracted.get("kind") in (None, "overig") or lead.extracted.confidence("kind") < 0.5):
        for p in pieces[1:]:
            if p.extracted.get("kind") not in (None, "overig") and p.extracted.confidence("kind") >= 0.5:
                merged = Extracted(fields={**lead.extracted.fields, **p.extracted.fields},
                                   flags={**lead.extracted.flags, **p.extracted.flags})
                return dataclasses.replace(lead, extracted=merged)
    return lead


_TITLE_RE = re.compile(r"^\s*(?:betreft|onderwerp|inzake)\s*:\s*(.{3,120})$", re.IGNORECASE | re.MULTILINE)


def _title(piece: Piece) -> str:
    if piece.email and piece.email.subject:
        return piece.email.subject.strip()[:120]
    m = _TITLE_RE.search(piece.text or "")
    if m:
        return m.group(1).strip()
    return Path(piece.name).stem[:120]


def _merge_fields(case: Case, piece: Piece, seq: int, only: tuple[str, ...] | None = None) -> None:
    """Fill the case's empty fields from a document; never touch what a person set."""
    ex = piece.extracted
    at = clock.now().isoformat()
    for key, f in ex.fields.items():
        if only and key not in only:
            continue
        if f.value in (None, "") or f.confidence < FIELD_MIN_CONFIDENCE.get(key, MIN_FIELD_CONFIDENCE):
            continue
        prov = case.provenance.get(key)
        if prov and prov.method == "person":
            continue
        group, _, attr = key.partition(".")
        if group in ("complainant", "representative") and attr in (*PARTY_FIELDS, "gender", "relation"):
            if group == "representative" and case.representative is None:
                case.representative = Party()
            party = case.complainant if group == "complainant" else case.representative
            if getattr(party, attr) and prov and prov.confidence >= f.confidence:
                continue
            setattr(party, attr, str(f.value))
        elif key in ("corporation", "category"):
            if getattr(case, key) and prov and prov.confidence >= f.confidence:
                continue
            setattr(case, key, f.value)
        else:
            continue
        case.provenance[key] = Provenance(f"document {seq}: {f.source}", "extraction", round(f.confidence, 2), at)
    rep = case.representative
    if rep and (not rep.name or (case.complainant.name and
                                 rep.name.casefold() == case.complainant.name.casefold())):
        # "namens" without another person, or the tenant's own name: not a representative
        case.representative = None
        for k in [k for k in case.provenance if k.startswith("representative.")]:
            del case.provenance[k]
    if only is None:
        for flag, evidence in ex.flags.items():
            if flag not in case.admissibility.flags:
                case.admissibility.flags.append(flag)
                case.provenance[f"admissibility.flags.{flag}"] = Provenance(
                    f"document {seq}: \u201c{evidence[:160]}\u201d", "extraction", 0.7, at)


def _unique(path: Path) -> Path:
    if not path.exists() and not path.with_name(path.name + ".json").exists():
        return path
    stem, suffix = path.stem, path.suffix
    for n in range(2, 10_000):
        cand = path.with_name(f"{stem}-{n}{suffix}")
        if not cand.exists():
            return cand
    raise RuntimeError(f"no free name for {path}")


def _remove_inbox_file(ws: Workspace, path: Path, sha: str) -> None:
    try:
        if path.exists() and sha256_file(path) == sha:
            path.unlink()
            dossier.fsync_dir(path.parent)
    except FileNotFoundError:
        pass


# --- recovery ------------------------------------------------------------------------------

def recover(ws: Workspace) -> list[str]:
    """Complete or roll back intakes interrupted by a crash. Returns a line per intake handled."""
    notes: list[str] = []
    root = _intents_dir(ws)
    if not root.is_dir():
        return notes
    with ws.lock():
        journal_ids = {line.get("intake") for line in read_jsonl(ws.journal_path)}
        for folder in sorted(p for p in root.iterdir() if p.is_dir()):
            owner = _hold(folder)
            if owner is None:  # another kwru process is working on it right now
                continue
            try:
                notes += _recover_one(ws, folder, journal_ids)
            finally:
                _release(owner)
    return notes


def _recover_one(ws: Workspace, folder: Path, journal_ids: set) -> list[str]:
    notes: list[str] = []
    intent = _read_intent(folder)
    if intent is None:  # crashed before the intent was written: nothing else exists
        shutil.rmtree(folder, ignore_errors=True)
        return notes
    iid = intent["id"]
    inbox_file = ws.inbox / intent["inbox"] if intent.get("inbox") else None
    label = intent.get("inbox") or intent.get("review") or iid
    if iid in journal_ids:
        if inbox_file:
            _remove_inbox_file(ws, inbox_file, intent["sha256"])
        _remove_review_item(ws, intent)
        notes.append(f"{label}: completed after interruption")
    elif _filed_in_case(ws, intent):
        case = ws.load_case(intent["case"])
        docs = [d for d in case.documents if d.intake == iid]
        _restore_history(ws, case, iid, docs)
        res = Result(iid, Path(label).name, intent["sha256"], "filed", case=case.id,
                     documents=[d.seq for d in docs], reason="afgerond na onderbreking",
                     at=intent["received"], size=intent.get("size", 0))
        dossier.append_jsonl(ws.journal_path, res.journal_line())
        if inbox_file:
            _remove_inbox_file(ws, inbox_file, intent["sha256"])
        _remove_review_item(ws, intent)
        notes.append(f"{label}: filing in {case.id} completed after interruption")
    else:
        for rel in reversed(intent.get("targets", [])):
            target = ws.root / rel
            if target.is_dir():
                if not (target / "case.yaml").exists():
                    shutil.rmtree(target, ignore_errors=True)
            else:
                target.unlink(missing_ok=True)
        if inbox_file and not inbox_file.exists():
            staged = folder / "original"
            files = list(staged.iterdir()) if staged.is_dir() else []
            if files and sha256_file(files[0]) == intent["sha256"]:
                dossier.atomic_copy(files[0], inbox_file)
        notes.append(f"{label}: interrupted intake rolled back; will be processed again")
    shutil.rmtree(folder, ignore_errors=True)
    return notes


def _restore_history(ws: Workspace, case: Case, iid: str, docs: list[Document]) -> None:
    """A crash between case.yaml and history.jsonl: write the missing document events."""
    path = ws.case_dir(case.id) / "history.jsonl"
    logged = {(h.get("intake"), h.get("seq")) for h in read_jsonl(path) if h.get("event") == "document"}
    for d in docs:
        if (iid, d.seq) not in logged:
            dossier.append_jsonl(path, dossier.history_event(
                "document", seq=d.seq, kind=d.kind, original_name=d.original_name, intake=iid,
                note="history restored after an interruption"))


def _filed_in_case(ws: Workspace, intent: dict[str, Any]) -> bool:
    cid = intent.get("case")
    if not cid or not ws.has_case(cid):
        return False
    case = ws.load_case(cid)
    return any(d.intake == intent["id"] for d in case.documents)


# --- review decisions ----------------------------------------------------------------------

def review_queue(ws: Workspace) -> list[dict[str, Any]]:
    out = []
    for sidecar in sorted(ws.review.glob("*.json")):
        try:
            meta = json.loads(sidecar.read_text("utf-8"))
        except json.JSONDecodeError:
            continue
        doc = sidecar.with_name(sidecar.name[: -len(".json")])
        if doc.exists():
            out.append({"original_name": meta.get("original_name"), "path": str(doc.relative_to(ws.root)),
                        "reason": meta.get("reason"), "candidates": meta.get("candidates", []),
                        "received": meta.get("received"), "kind": meta.get("kind"), "_meta": meta})
    return out


def decide_review(ws: Workspace, file: str, case_id: str | None, analyser: Analyser | None = None) -> Result:
    """File a document from review/ into case `case_id`, or into a new case when None.

    Crash-safe like an inbox intake: the review file is removed only after the commit.
    """
    from .errors import UsageError

    item = _find_review_item(ws, file)
    meta = item["_meta"]
    doc_path = ws.root / item["path"]
    if case_id is not None and not ws.has_case(case_id):
        raise UsageError(f"no case {case_id!r} in this workspace (see `kwru cases`)")
    iid = f"{meta['intake']}-assign-{uuid.uuid4().hex[:4]}"
    folder = _intents_dir(ws) / iid
    folder.mkdir(parents=True)
    owner = _hold(folder)
    intent = {"id": iid, "inbox": "", "review": item["path"], "sha256": meta["sha256"],
              "size": doc_path.stat().st_size, "received": meta.get("received") or clock.now().isoformat(),
              "targets": []}
    _write_intent(folder, intent)
    with Intake(ws, analyser) as intake:
        try:
            pieces = intake.analyser.analyse(doc_path, folder / "work", ws.config)
        except Unreadable as e:
            shutil.rmtree(folder, ignore_errors=True)
            _release(owner)
            raise Unreadable(f"{item['path']} cannot be read any more: {e.reason}") from None
        with ws.lock():
            decision = (Route("file", case_id, "door een persoon toegewezen (kwru assign)") if case_id
                        else Route("new_case", None, "door een persoon als nieuwe zaak aangemaakt (kwru new-case)"))
            res = Result(iid, meta.get("original_name") or doc_path.name, meta["sha256"], "filed",
                         at=clock.now().isoformat(), size=intent["size"])
            try:
                return intake._file(folder, intent, doc_path, res, decision, pieces, _lead_piece(pieces))
            finally:
                _release(owner)


def _remove_review_item(ws: Workspace, intent: dict[str, Any]) -> None:
    rel = intent.get("review")
    if not rel:
        return
    doc = ws.root / rel
    doc.unlink(missing_ok=True)
    doc.with_name(doc.name + ".json").unlink(missing_ok=True)
    dossier.fsync_dir(doc.parent)


def _find_review_item(ws: Workspace, file: str) -> dict[str, Any]:
    queue = review_queue(ws)
    for item in queue:
        p = item["path"]
        if file in (p, Path(p).name, str(ws.root / p)) or Path(file).resolve() == (ws.root / p).resolve():
            return item
    names = ", ".join(Path(i["path"]).name for i in queue) or "the review queue is empty"
    from .errors import UsageError

    raise UsageError(f"{file!r} is not in review/ ({names})")


__all__ = ["Candidate", "Intake", "Result", "decide_review", "known_files", "recover", "review_queue"]
