"""Text a person writes for a letter (advice, mediation): the YAML draft in the case, and reading it back.

`kwru letter advies ID --draft` writes dossiers/ID/letters/advies-concept.yaml, pre-filled from
the case (outcome_details) with empty places to fill in; `kwru letter advies ID` then reads it.
What the draft leaves empty comes from the case; what neither has is a missing value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .. import dossier
from ..errors import UsageError
from ..i18n import _
from ..models import JUDGEMENTS, Case, as_date
from ..workspace import Workspace

DRAFT_KINDS = ("advies", "bemiddeling")


@dataclass
class Part:
    titel: str = ""
    oordeel: str = ""
    overweging: str = ""


@dataclass
class AdviceText:
    oordeel: str = ""  # gegrond | ongegrond | gedeeltelijk_gegrond; empty: from the case or the parts
    aanwezig: str = ""  # who attended the hearing
    procedure: str = ""  # more about the procedure, after what kwru writes itself
    standpunt_klager: str = ""
    standpunt_corporatie: str = ""
    feiten: list[str] = field(default_factory=list)
    onderdelen: list[Part] = field(default_factory=list)
    aanbevelingen: list[str] = field(default_factory=list)
    algemeen_advies: str = ""


@dataclass
class MediationText:
    afspraken: list[str] = field(default_factory=list)
    reden_aanhouden: str = ""
    vervolgdatum: str = ""  # ISO date


def draft_path(ws: Workspace, case_id: str, kind: str) -> Path:
    return ws.case_dir(case_id) / "letters" / f"{kind}-concept.yaml"


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, (list, dict)):
        raise UsageError(_("expected a text, got {type}: {value!r}").format(type=type(v).__name__, value=v))
    return str(v).strip()


def _texts(v: Any, where: str) -> list[str]:
    if v is None or v == "":
        return []
    if isinstance(v, str):
        return [v.strip()] if v.strip() else []
    if not isinstance(v, list):
        raise UsageError(_("{where} must be a list of texts").format(where=where))
    return [_text(x) for x in v if _text(x)]


def _load_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text("utf-8")) or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = " " + _("at line {n}").format(n=mark.line + 1) if mark else ""
        raise UsageError(_("{path} is not valid YAML{where}: {problem}").format(
            path=path, where=where, problem=getattr(e, "problem", e))) from None
    if not isinstance(data, dict):
        raise UsageError(_("{path} must be a mapping (keys like onderdelen:, afspraken:)").format(path=path))
    return data


def load(ws: Workspace, case: Case, kind: str, path: Path | None = None) -> AdviceText | MediationText | None:
    """The person-written text for `kind`: the draft (or `path`) merged over the case's outcome_details."""
    if kind not in DRAFT_KINDS:
        if path is not None:
            raise UsageError(_("letter {kind} takes no --content file (only {kinds})").format(
                kind=kind, kinds=", ".join(DRAFT_KINDS)))
        return None
    p = path or draft_path(ws, case.id, kind)
    data = _load_yaml(p) if p.exists() else {}
    if path is not None and not p.exists():
        raise UsageError(_("no such file: {path}").format(path=p))
    od = case.outcome_details
    where = p.name
    if kind == "bemiddeling":
        return MediationText(
            afspraken=_texts(data.get("afspraken"), f"{where}: afspraken") or list(od.agreements),
            reden_aanhouden=_text(data.get("reden_aanhouden")) or (od.hold_reason or ""),
            vervolgdatum=_text(data.get("vervolgdatum")) or (od.follow_up or ""),
        )
    parts_raw = data.get("onderdelen")
    if parts_raw:
        if not isinstance(parts_raw, list) or not all(isinstance(x, dict) for x in parts_raw):
            raise UsageError(_("{where}: onderdelen must be a list of items with titel, oordeel, overweging").format(where=where))
        parts = [Part(_text(x.get("titel")), _text(x.get("oordeel")), _text(x.get("overweging")))
                 for x in parts_raw]
    else:
        parts = [Part(p.title or "", p.judgement or "", p.consideration or "") for p in od.parts]
    return AdviceText(
        oordeel=_text(data.get("oordeel")),
        aanwezig=_text(data.get("aanwezig")),
        procedure=_text(data.get("procedure")),
        standpunt_klager=_text(data.get("standpunt_klager")),
        standpunt_corporatie=_text(data.get("standpunt_corporatie")),
        feiten=_texts(data.get("feiten"), f"{where}: feiten"),
        onderdelen=parts,
        aanbevelingen=_texts(data.get("aanbevelingen"), f"{where}: aanbevelingen") or list(od.recommendations),
        algemeen_advies=_text(data.get("algemeen_advies")) or (od.general_advice or ""),
    )


# --- the draft ------------------------------------------------------------------------------

def _block(text: str, indent: int) -> str:
    """A YAML literal block (|) for `text`, or '' when empty."""
    if not text:
        return "''"
    pad = " " * indent
    return "|\n" + "\n".join(pad + line if line else "" for line in text.splitlines())


def _scalar(value: str) -> str:
    """A string as one YAML scalar (quoted where YAML needs it)."""
    text = yaml.safe_dump(value, allow_unicode=True, width=10**6)
    return text.removesuffix("\n...\n").strip()


def _item_list(items: list[str], indent: int = 2) -> str:
    if not items:
        return " []"
    pad = " " * indent
    return "\n" + "\n".join(f"{pad}- {_scalar(x)}"
                            if "\n" not in x else f"{pad}- {_block(x, indent + 4)}" for x in items)


def draft_text(case: Case, kind: str) -> str:
    od = case.outcome_details
    if kind == "bemiddeling":
        follow = as_date(od.follow_up)
        return (
            f"# Bemiddeling {case.id}: vul aan en maak dan de brief met `kwru letter bemiddeling {case.id}`.\n"
            "# Wat hier leeg blijft, komt uit de zaak (case.yaml, outcome_details).\n\n"
            "# De afspraken, elk als één regel met een streepje; ze komen genummerd in de brief.\n"
            "# Bijvoorbeeld:  - De corporatie herstelt de lekkage vóór 1 mei 2026.\n"
            f"afspraken:{_item_list(list(od.agreements))}\n\n"
            "# Alleen als de klacht wordt aangehouden: waarom, en wanneer de commissie kijkt of de\n"
            "# afspraken zijn nagekomen (JJJJ-MM-DD).\n"
            f"reden_aanhouden: {_block(od.hold_reason or '', 2)}\n"
            f"vervolgdatum: {follow.isoformat() if follow else chr(39) * 2}\n"
        )
    parts = od.parts or []
    part_lines = []
    for p in parts or [None, None]:  # two empty parts to show the form
        part_lines.append(
            f"  - titel: {_scalar(p.title if p else '')}\n"
            f"    oordeel: {(p.judgement if p else None) or chr(39) * 2}      # gegrond | ongegrond | gedeeltelijk_gegrond\n"
            f"    overweging: {_block((p.consideration if p else None) or '', 6)}\n"
        )
    outcome = case.outcome if case.outcome in JUDGEMENTS else ""
    return (
        f"# Advies {case.id}: vul aan en maak dan de brief met `kwru letter advies {case.id}`.\n"
        "# Teksten van meer alinea's: zet een lege regel tussen de alinea's. Wat hier leeg blijft,\n"
        "# komt uit de zaak (case.yaml); wat daar ook ontbreekt, meldt kwru voordat het iets maakt.\n\n"
        "# Het eindoordeel; leeg: uit de zaak, of afgeleid van de oordelen per onderdeel.\n"
        f"oordeel: {outcome or chr(39) * 2}      # gegrond | ongegrond | gedeeltelijk_gegrond\n\n"
        "# Wie waren er bij de zitting (klager, gemachtigde, namens de corporatie ...)?\n"
        "aanwezig: ''\n\n"
        "# Aanvulling op het procedureverloop (kwru beschrijft zelf ontvangst, stukken en zitting).\n"
        "procedure: ''\n\n"
        "standpunt_klager: ''\n\n"
        "standpunt_corporatie: ''\n\n"
        "# De vaststaande feiten, elk als één regel met een streepje.\n"
        "feiten: []\n\n"
        "# De klacht in onderdelen, met per onderdeel de overwegingen en het oordeel.\n"
        "onderdelen:\n" + "".join(part_lines) + "\n"
        "# Het advies aan de directie: concrete, controleerbare stappen met een termijn.\n"
        f"aanbevelingen:{_item_list(list(od.recommendations))}\n\n"
        "# Optioneel: algemeen advies aan de corporatie, los van deze klacht.\n"
        f"algemeen_advies: {_block(od.general_advice or '', 2)}\n"
    )


def write_draft(ws: Workspace, case: Case, kind: str, *, force: bool = False) -> Path:
    """Write the pre-filled draft into the case; an existing draft (a person's work) is kept."""
    if kind not in DRAFT_KINDS:
        raise UsageError(_("letter {kind} has no draft; drafts exist for: {kinds}").format(
            kind=kind, kinds=", ".join(DRAFT_KINDS)))
    path = draft_path(ws, case.id, kind)
    if path.exists() and not force:
        raise UsageError(_("{path} already exists; edit it, or make a new one with --draft --force").format(path=path))
    text = draft_text(case, kind)
    yaml.safe_load(text)  # the draft must itself be valid YAML
    return dossier.add_case_file(ws, case.id, "letters", path.name, text.encode("utf-8"))
