"""Case data for people and scripts: corrections by a person (`kwru set`) and the JSON form."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from . import clock, dossier
from .errors import UsageError
from .models import CATEGORIES, Case, Party, Provenance
from .workspace import Workspace

PARTY_KEYS = ("name", "street", "house_number", "postcode", "city", "email", "phone", "gender")
SETTABLE = (
    *(f"complainant.{k}" for k in PARTY_KEYS),
    *(f"representative.{k}" for k in (*PARTY_KEYS, "relation")),
    "representative", "corporation", "category", "received",
)
CLEAR = ("", "null", "none", "-")
POSTCODE_RE = re.compile(r"^\s*([1-9]\d{3})\s*([A-Za-z]{2})\s*$")


def normalise(ws: Workspace, key: str, value: str) -> Any:
    """Check and normalise one value a person typed; a wrong value is a one-line error."""
    if value.casefold() in CLEAR:
        return None
    attr = key.rpartition(".")[2]
    if attr == "postcode":
        m = POSTCODE_RE.match(value)
        if not m or m.group(2).upper() in ("SA", "SD", "SS"):
            raise UsageError(f"{key}: {value!r} is not a Dutch postcode (like 3512 AB)")
        return f"{m.group(1)} {m.group(2).upper()}"
    if attr == "email" and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", value):
        raise UsageError(f"{key}: {value!r} is not an e-mail address")
    if attr == "gender":
        v = value.casefold()
        table = {"m": "m", "man": "m", "heer": "m", "v": "v", "vrouw": "v", "mevrouw": "v", "x": None}
        if v not in table:
            raise UsageError(f"{key}: use m (heer), v (mevrouw) or x (onbekend), not {value!r}")
        return table[v]
    if key == "corporation":
        for corp in ws.config.corporations:
            if value.casefold() in (n.casefold() for n in corp.all_names()):
                return corp.name
        raise UsageError(f"corporation: {value!r} is not in kwru.yaml (known: "
                         f"{', '.join(c.name for c in ws.config.corporations)})")
    if key == "category":
        if value not in CATEGORIES:
            raise UsageError(f"category: {value!r} is not one of {', '.join(CATEGORIES)}")
        return value
    if key == "received":
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            raise UsageError(f"received: {value!r} is not a date like 2026-03-14") from None
    return value


def set_values(ws: Workspace, case_id: str, pairs: list[tuple[str, str]], *, command: str) -> Case:
    for key, _ in pairs:
        if key not in SETTABLE:
            raise UsageError(f"cannot set {key!r}; settable keys: {', '.join(SETTABLE)} "
                             "(status changes have their own commands: decide, schedule, outcome, ...)")
    values = [(k, normalise(ws, k, v)) for k, v in pairs]
    if ("representative", None) not in values and any(k == "representative" for k, _ in values):
        raise UsageError("representative can only be cleared (representative=null); set its fields "
                         "with representative.name=..., representative.relation=...")

    def change(case: Case) -> list[dict[str, Any]]:
        events = []
        at = clock.now().isoformat()
        for key, value in values:
            old = _get(case, key)
            if key == "representative":
                case.representative = None
                for k in list(case.provenance):
                    if k.startswith("representative."):
                        del case.provenance[k]
            else:
                _set(case, key, value)
                case.provenance[key] = Provenance("person", "person", 1.0, at)
            events.append(dossier.history_event("set", key=key, old=old if not isinstance(old, Party) else old.to_dict(),
                                                new=value, command=command, by="person"))
        return events

    return dossier.update_case(ws, case_id, change)


def _get(case: Case, key: str) -> Any:
    obj: Any = case
    for part in key.split("."):
        obj = getattr(obj, part, None) if obj is not None else None
    return obj


def _set(case: Case, key: str, value: Any) -> None:
    group, _, attr = key.partition(".")
    if not attr:
        setattr(case, group, value)
        return
    if group == "representative" and case.representative is None:
        case.representative = Party()
    setattr(getattr(case, group), attr, value)


def case_json(ws: Workspace, case: Case) -> dict[str, Any]:
    """The JSON form of a case (PRODUCT.md "Commands"): case.yaml's keys plus `documents`
    as {seq, kind, original_name, sha256, date, pages, path, ocr, ...}; paths are relative
    to the workspace root."""
    data = case.to_dict()
    prefix = f"dossiers/{case.id}/"
    for d in data["documents"]:
        for k in ("path", "text_path", "original_path"):
            if d.get(k):
                d[k] = prefix + d[k]
    return data
