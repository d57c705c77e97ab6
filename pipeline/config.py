"""kwru.yaml: load, validate (naming the bad key) and expose as plain values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError

DEFAULT_CONFIG_TEXT = resources.files("pipeline.resources").joinpath("kwru.yaml").read_text("utf-8")


@dataclass(frozen=True)
class Address:
    attention: str | None
    street: str | None
    postcode: str | None
    city: str | None

    def lines(self) -> list[str]:
        out = [x for x in (self.attention, self.street) if x]
        pc_city = " ".join(x for x in (self.postcode, self.city) if x)
        if pc_city:
            out.append(pc_city)
        return out


@dataclass(frozen=True)
class Corporation:
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    directie: Address

    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Committee:
    name: str
    short_name: str
    address: tuple[str, ...]
    email: str
    phone: str
    website: str
    regulations_url: str
    secretary: str
    chair: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class Deadlines:
    acknowledgement_days: int = 14
    reaction_days: int = 14
    advice_months: int = 3
    decision_months: int = 1
    hold_max_months: int = 6
    working_days: bool = False
    holidays: str = "NL"
    due_soon_days: int = 7


@dataclass(frozen=True)
class Hearings:
    slot_minutes: int = 45
    first_slot: str = "13:30"
    locations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Config:
    committee: Committee
    prefix: str
    digits: int
    deadlines: Deadlines
    hearings: Hearings
    corporations: tuple[Corporation, ...]
    path: Path | None = field(default=None, compare=False)

    @cached_property
    def corporation_by_name(self) -> dict[str, Corporation]:
        return {c.name: c for c in self.corporations}

    def corporation(self, name: str) -> Corporation:
        try:
            return self.corporation_by_name[name]
        except KeyError:
            known = ", ".join(self.corporation_by_name)
            raise ConfigError(f"unknown corporation {name!r}; kwru.yaml knows: {known}") from None

    def case_id(self, year: int, seq: int) -> str:
        return f"{self.prefix}-{year}-{seq:0{self.digits}d}"

    @cached_property
    def case_id_pattern(self) -> re.Pattern[str]:
        """Matches a case number as people write it: KWRU-2026-001, KWRU 2026/1, kwru-2026-01."""
        return re.compile(
            rf"\b{re.escape(self.prefix)}[\s\-/.]*(20\d\d)[\s\-/.]+(\d{{1,{self.digits + 1}}})\b",
            re.IGNORECASE,
        )


# --- validation -------------------------------------------------------------------------

def _req(d: dict[str, Any], key: str, where: str, typ: type | tuple[type, ...]) -> Any:
    if not isinstance(d, dict):
        raise ConfigError(f"kwru.yaml: '{where}' must be a mapping")
    if key not in d or d[key] is None:
        raise ConfigError(f"kwru.yaml: missing key '{where}.{key}'".replace("'.", "'"))
    val = d[key]
    if not isinstance(val, typ):
        tname = typ.__name__ if isinstance(typ, type) else " or ".join(t.__name__ for t in typ)
        raise ConfigError(f"kwru.yaml: '{where}.{key}' must be {tname}, got {val!r}".replace("'.", "'"))
    return val


def _opt(d: dict[str, Any], key: str, where: str, typ: type | tuple[type, ...], default: Any) -> Any:
    if d.get(key) is None:
        return default
    return _req(d, key, where, typ)


def _check_keys(d: dict[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(d) - allowed)
    if unknown:
        raise ConfigError(
            f"kwru.yaml: unknown key '{where + '.' if where else ''}{unknown[0]}' "
            f"(allowed here: {', '.join(sorted(allowed))})"
        )


def parse_config(data: Any, path: Path | None = None) -> Config:
    if not isinstance(data, dict):
        raise ConfigError("kwru.yaml: the file must be a mapping of keys (committee, corporations, ...)")
    _check_keys(data, {"committee", "case_numbers", "deadlines", "hearings", "corporations"}, "")

    c = _req(data, "committee", "", dict)
    _check_keys(c, {"name", "short_name", "address", "email", "phone", "website", "regulations_url",
                    "secretary", "chair", "members"}, "committee")
    committee = Committee(
        name=_req(c, "name", "committee", str),
        short_name=_opt(c, "short_name", "committee", str, "KWRU"),
        address=tuple(str(x) for x in _req(c, "address", "committee", list)),
        email=_opt(c, "email", "committee", str, ""),
        phone=str(_opt(c, "phone", "committee", (str, int), "")),
        website=_opt(c, "website", "committee", str, ""),
        regulations_url=_opt(c, "regulations_url", "committee", str, ""),
        secretary=_req(c, "secretary", "committee", str),
        chair=_req(c, "chair", "committee", str),
        members=tuple(str(x) for x in _req(c, "members", "committee", list)),
    )

    cn = _opt(data, "case_numbers", "", dict, {})
    _check_keys(cn, {"prefix", "digits"}, "case_numbers")
    prefix = _opt(cn, "prefix", "case_numbers", str, "KWRU")
    if not re.fullmatch(r"[A-Z][A-Z0-9]{1,9}", prefix):
        raise ConfigError(f"kwru.yaml: 'case_numbers.prefix' must be 2-10 capital letters/digits, got {prefix!r}")
    digits = _opt(cn, "digits", "case_numbers", int, 3)
    if not 1 <= digits <= 6:
        raise ConfigError(f"kwru.yaml: 'case_numbers.digits' must be between 1 and 6, got {digits}")

    dl = _opt(data, "deadlines", "", dict, {})
    _check_keys(dl, set(Deadlines.__dataclass_fields__), "deadlines")
    defaults = Deadlines()
    dl_values: dict[str, Any] = {}
    for name in Deadlines.__dataclass_fields__:
        default = getattr(defaults, name)
        typ = type(default)
        val = _opt(dl, name, "deadlines", typ, default)
        if typ is int and (isinstance(val, bool) or val < 0):
            raise ConfigError(f"kwru.yaml: 'deadlines.{name}' must be a whole number >= 0, got {val!r}")
        dl_values[name] = val
    deadlines = Deadlines(**dl_values)

    h = _opt(data, "hearings", "", dict, {})
    _check_keys(h, {"slot_minutes", "first_slot", "locations"}, "hearings")
    first_slot = str(_opt(h, "first_slot", "hearings", (str, int), "13:30"))
    if not re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d", first_slot):
        raise ConfigError(f"kwru.yaml: 'hearings.first_slot' must be a time like 13:30, got {first_slot!r}")
    hearings = Hearings(
        slot_minutes=_opt(h, "slot_minutes", "hearings", int, 45),
        first_slot=first_slot,
        locations=tuple(str(x) for x in _opt(h, "locations", "hearings", list, [])),
    )

    corps_raw = _req(data, "corporations", "", list)
    corps: list[Corporation] = []
    seen: dict[str, str] = {}
    for i, raw in enumerate(corps_raw):
        where = f"corporations[{i}]"
        if not isinstance(raw, dict):
            raise ConfigError(f"kwru.yaml: '{where}' must be a mapping with name, aliases, domains, directie")
        _check_keys(raw, {"name", "aliases", "domains", "directie"}, where)
        name = _req(raw, "name", where, str)
        aliases = tuple(str(a) for a in _opt(raw, "aliases", where, list, []))
        domains = tuple(str(d).lower().lstrip("@") for d in _opt(raw, "domains", where, list, []))
        for d in domains:
            if not re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,}", d):
                raise ConfigError(f"kwru.yaml: '{where}.domains' has an invalid e-mail domain {d!r}")
        dr = _opt(raw, "directie", where, dict, {})
        _check_keys(dr, {"attention", "street", "postcode", "city"}, f"{where}.directie")
        directie = Address(
            attention=_opt(dr, "attention", f"{where}.directie", str, "De directie"),
            street=_opt(dr, "street", f"{where}.directie", str, None),
            postcode=_opt(dr, "postcode", f"{where}.directie", str, None),
            city=_opt(dr, "city", f"{where}.directie", str, None),
        )
        for n in (name, *aliases):
            key = n.casefold()
            if key in seen and seen[key] != name:
                raise ConfigError(f"kwru.yaml: '{where}' name or alias {n!r} is also used by {seen[key]!r}")
            seen[key] = name
        corps.append(Corporation(name, aliases, domains, directie))
    if not corps:
        raise ConfigError("kwru.yaml: 'corporations' must list at least one corporation")
    return Config(committee, prefix, digits, deadlines, hearings, tuple(corps), path)


def load_config(path: Path) -> Config:
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise ConfigError(f"no kwru.yaml in {path.parent}; create a workspace with `kwru init DIR`") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise ConfigError(f"kwru.yaml is not valid YAML{where}: {getattr(e, 'problem', e)}") from None
    return parse_config(data, path)


def default_config() -> Config:
    return parse_config(yaml.safe_load(DEFAULT_CONFIG_TEXT))
