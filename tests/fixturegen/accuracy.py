"""Compare ingested case data with the generator's truth, field by field (tests and bench)."""

from __future__ import annotations

from pathlib import Path

import yaml

FIELDS = ("complainant.name", "complainant.street", "complainant.house_number", "complainant.postcode",
          "complainant.city", "complainant.email", "complainant.phone", "representative.name",
          "corporation", "category")


def field_hits(case_dir_of, samples, case_of: list[str | None], label: str = "") -> tuple[dict, list[str]]:
    """{field: [correct, total]} over the complaints, and a line per miss.

    `case_dir_of(case_id) -> Path`; `case_of[i]` is the case sample i was filed in (or None).
    """
    hits = {f: [0, 0] for f in FIELDS}
    misses: list[str] = []
    for i, s in enumerate(samples):
        if s.kind != "klacht" or not case_of[i]:
            continue
        data = yaml.safe_load((Path(case_dir_of(case_of[i])) / "case.yaml").read_text())
        for f in FIELDS:
            want = s.truth.get(f)
            if want in (None, ""):
                continue
            group, _, attr = f.partition(".")
            got = (data.get(group) or {}).get(attr) if attr else data.get(group)
            hits[f][1] += 1
            if str(got or "").casefold() == str(want).casefold():
                hits[f][0] += 1
            else:
                misses.append(f"{label}{s.form}: {f} = {got!r}, expected {want!r}")
    return hits, misses
