"""docs/licences.md lists every package of uv.lock, so a new dependency's licence gets checked."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_every_locked_package_is_listed_with_its_licence():
    lock = tomllib.loads((REPO / "uv.lock").read_text("utf-8"))
    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["name"]
    locked = {p["name"] for p in lock["package"]} - {project}
    doc = (REPO / "docs" / "licences.md").read_text("utf-8")
    rows = {m.group(1): m.group(2) for m in re.finditer(r"^\| ([a-z0-9._-]+) \| [^|]+ \| ([^|]+) \|", doc, re.M)}
    missing = sorted(locked - rows.keys())
    assert not missing, f"add these packages of uv.lock to docs/licences.md: {missing}"
    assert all(lic.strip() for lic in rows.values())


def test_the_project_is_eupl():
    assert tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["license"] == "EUPL-1.2"
    text = (REPO / "LICENSE").read_text("utf-8-sig")
    assert text.lstrip().startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    assert "Appendix" in text and "Compatible Licences" in text
