"""`make demo`: a season of the committee's work, replayed on generated documents.

Creates the workspace demo/ (from scratch), drops 18 sample documents (typed letters, scans,
a phone photo, e-mails with attachments, a Word letter, a text file; complaints, reactions,
additions, withdrawals, a decision) into demo/inbox/ on the days they arrive between
February and June 2026, and runs the commands a secretary would run on those days:
ingest, decide admissibility, letters, hearing days, bundles, outcomes. Each command is
printed as it is typed, followed by what kwru answers.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fixturegen import generate_set  # noqa: E402

DEMO = ROOT / "demo"
QUIET = {"letter", "letters", "decide", "schedule", "outcome", "decision", "bundle", "withdraw"}
failures: list[str] = []


def kwru(today: str, *args: str, show: bool = True) -> int:
    """Run `kwru --root demo ARGS` as if it were `today`; echo the command and its output."""
    env = {**os.environ, "KWRU_TODAY": today, "COLUMNS": "160"}
    print(f"\n\033[1m[{today}] $ kwru {' '.join(_quote(a) for a in args)}\033[0m", flush=True)
    p = subprocess.run([sys.executable, "-m", "pipeline", "--root", str(DEMO), *args], env=env,
                       capture_output=True, text=True)
    text = (p.stdout + p.stderr).rstrip()
    if show or p.returncode:
        print(text)
    else:
        lines = text.splitlines()
        print("\n".join(lines[:3]) + (f"\n  ... ({len(lines) - 3} more lines)" if len(lines) > 3 else ""))
    if p.returncode:
        failures.append(f"[{today}] kwru {' '.join(args)} -> exit {p.returncode}")
    return p.returncode


def _quote(a: str) -> str:
    return f'"{a}"' if (" " in a or not a) else a


def arrive(today: str, *numbers: int) -> None:
    names = []
    for n in numbers:
        src = next(p for p in STAGE.iterdir() if p.name.startswith(f"{n:02d}-"))
        shutil.copy2(src, DEMO / "inbox" / src.name)
        names.append(src.name)
    print(f"\n\033[2m[{today}] in inbox/: {', '.join(names)}\033[0m")
    kwru(today, "ingest")


def fill_in_directie_addresses() -> None:
    """What a secretary does once after `kwru init`: the corporations' directie addresses.
    (kwru.yaml ships placeholders and refuses to address a letter to one.) Demo values."""
    import yaml

    cfg = DEMO / "kwru.yaml"
    data = yaml.safe_load(cfg.read_text("utf-8"))
    for i, corp in enumerate(data["corporations"]):
        corp["directie"]["street"] = f"Postbus {9100 + i * 7}"
        corp["directie"]["postcode"] = f"35{10 + i:02d} AA"
    cfg.write_text("# Demo workspace: the directie addresses below are invented for the demo.\n"
                   + yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    print("kwru.yaml: directie addresses of the 15 corporations filled in (demo values)")


def section(title: str) -> None:
    print(f"\n\033[1;34m== {title} ==\033[0m")


def main() -> int:
    global STAGE
    if DEMO.exists():
        shutil.rmtree(DEMO)
    STAGE = Path(tempfile.mkdtemp(prefix="kwru-demo-"))
    section("A new workspace and the sample documents")
    kwru("2026-02-09", "init", str(DEMO))
    fill_in_directie_addresses()
    samples = generate_set(STAGE, seed=1, year=2026)
    print(f"{len(samples)} sample documents: " + ", ".join(sorted({s.form for s in samples})))

    section("February: complaints arrive, are acknowledged, the corporations asked to react")
    arrive("2026-02-10", 1)
    arrive("2026-02-13", 2)
    arrive("2026-02-16", 3, 4)
    for case in ("KWRU-2026-001", "KWRU-2026-002", "KWRU-2026-003", "KWRU-2026-004"):
        kwru("2026-02-16", "decide", case, "ontvankelijk", show=False)
    kwru("2026-02-16", "letters", "ontvangstbevestiging", "--status", "ontvankelijk")
    kwru("2026-02-16", "letters", "verzoek_reactie", "KWRU-2026-001", "KWRU-2026-002",
         "KWRU-2026-003", "KWRU-2026-004")
    arrive("2026-02-18", 5)
    arrive("2026-02-25", 6, 7)
    kwru("2026-02-26", "show", "KWRU-2026-005")
    kwru("2026-02-26", "decide", "KWRU-2026-005", "doorsturen")
    kwru("2026-02-26", "letter", "doorgezonden", "KWRU-2026-005", show=False)
    kwru("2026-02-26", "decide", "KWRU-2026-006", "ontvankelijk", show=False)
    kwru("2026-02-26", "letters", "ontvangstbevestiging", "KWRU-2026-006", show=False)
    kwru("2026-02-26", "letters", "verzoek_reactie", "KWRU-2026-006", show=False)

    section("March: rent and service costs go to the Huurcommissie; reactions, additions, withdrawals")
    arrive("2026-03-03", 8, 9)
    kwru("2026-03-04", "decide", "KWRU-2026-007", "niet-ontvankelijk", "--reason", "huurprijs")
    kwru("2026-03-04", "letter", "niet_ontvankelijk", "KWRU-2026-007", show=False)
    arrive("2026-03-09", 10)
    kwru("2026-03-10", "decide", "KWRU-2026-008", "niet-ontvankelijk", "--reason", "servicekosten", show=False)
    kwru("2026-03-10", "letter", "niet_ontvankelijk", "KWRU-2026-008", show=False)
    arrive("2026-03-11", 11)
    kwru("2026-03-11", "letters", "kopie_reactie", "KWRU-2026-001", "KWRU-2026-002", show=False)
    arrive("2026-03-12", 12)
    arrive("2026-03-16", 13)
    kwru("2026-03-16", "decide", "KWRU-2026-009", "ontvankelijk", show=False)
    kwru("2026-03-16", "decide", "KWRU-2026-010", "ontvankelijk", show=False)
    kwru("2026-03-16", "letters", "ontvangstbevestiging", "KWRU-2026-009", "KWRU-2026-010", show=False)
    kwru("2026-03-16", "letters", "verzoek_reactie", "KWRU-2026-009", "KWRU-2026-010", show=False)
    kwru("2026-03-18", "schedule", "2026-04-14", "KWRU-2026-001", "KWRU-2026-002", "--location", "Mitros")
    kwru("2026-03-18", "letters", "uitnodiging_zitting", "--session", "2026-04-14", show=False)
    arrive("2026-03-21", 14)
    arrive("2026-03-26", 15)
    kwru("2026-03-26", "letter", "intrekking", "KWRU-2026-003", show=False)
    arrive("2026-03-27", 16)
    arrive("2026-03-30", 17)
    kwru("2026-03-30", "letter", "intrekking", "KWRU-2026-004", show=False)

    section("April: the hearing day of 14 April")
    kwru("2026-04-07", "bundle", "--session", "2026-04-14")
    kwru("2026-04-14", "outcome", "KWRU-2026-002", "bemiddeld",
         "--agreement", "Bo-Ex spreekt de buren binnen twee weken aan op de geluidsoverlast.",
         "--agreement", "Bo-Ex belt mevrouw Timmer uiterlijk 15 mei 2026 over het resultaat.")
    kwru("2026-04-14", "letter", "bemiddeling", "KWRU-2026-002", show=False)
    kwru("2026-04-14", "outcome", "KWRU-2026-001", "gedeeltelijk-gegrond",
         "--part", "Lekkage niet op tijd verholpen=gegrond",
         "--part", "Schimmel door eigen stookgedrag=ongegrond",
         "--recommendation", "Herstel de lekkage binnen vier weken en laat de klager weten wanneer.",
         "--recommendation", "Bied een passende vergoeding voor de beschadigde vloerbedekking aan.")
    kwru("2026-04-16", "letter", "advies", "KWRU-2026-001", "--draft", show=False)
    kwru("2026-04-16", "letter", "advies", "KWRU-2026-001", show=False)

    section("May and June: the directie decides; the next hearing day")
    kwru("2026-05-04", "letter", "herinnering", "KWRU-2026-009", show=False)
    arrive("2026-05-31", 18)
    kwru("2026-06-01", "decision", "KWRU-2026-001", "--followed", "yes", show=False)
    kwru("2026-06-01", "schedule", "2026-06-09", "KWRU-2026-006", "KWRU-2026-009", "--location", "Bo-Ex")
    kwru("2026-06-01", "letters", "uitnodiging_zitting", "--session", "2026-06-09", "--print-pdf", show=False)
    kwru("2026-06-02", "bundle", "--session", "2026-06-09", "--per-member")

    section("Where things stand on 2 June 2026")
    kwru("2026-06-02", "cases")
    kwru("2026-06-02", "deadlines")
    kwru("2026-06-02", "sessions")
    kwru("2026-06-02", "review")
    kwru("2026-06-02", "show", "KWRU-2026-001")

    shutil.rmtree(STAGE, ignore_errors=True)
    section("Look for yourself")
    print(f"""The workspace is {DEMO}/ — dossiers/, outbox/ (letters and bundles by date), journal.jsonl.
The demo replays February-June 2026; to see it as on 2 June, fix "today":
  KWRU_TODAY=2026-06-02 uv run kwru --root demo deadlines
  uv run kwru --root demo show KWRU-2026-006
Bundles: {DEMO}/outbox/2026-06-09/   Letters: {DEMO}/dossiers/KWRU-2026-001/letters/""")
    if failures:
        print("\n\033[31mSome demo steps failed:\033[0m\n" + "\n".join(failures))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
