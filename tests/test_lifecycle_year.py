"""A scripted year of the KWRU through the `kwru` commands: every road a case can take, and the
deadlines on chosen days exactly as the rules say."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from pipeline import cli
from pipeline.dossier import history_event, update_case, write_case
from pipeline.lifecycle import outcomes, states
from pipeline.models import Case, Party
from pipeline.workspace import Workspace


class Office:
    """The secretary's desk: the clock, the commands, and what ingestion and letters would do."""

    def __init__(self, ws: Workspace, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
        self.ws, self.mp, self.capsys = ws, monkeypatch, capsys
        self.day = dt.date(2026, 1, 1)

    def on(self, day: str) -> Office:
        self.day = dt.date.fromisoformat(day)
        self.mp.setenv("KWRU_TODAY", day)
        return self

    def kwru(self, *args: str, rc: int = 0) -> tuple[str, str]:
        self.capsys.readouterr()
        got = cli.main(["--root", str(self.ws.root), *args])
        out, err = self.capsys.readouterr()
        assert got == rc, f"kwru {' '.join(args)} -> {got}\n{out}\n{err}"
        return out, err

    def json(self, *args: str) -> Any:
        out, _ = self.kwru(*args, "--json")
        return json.loads(out)

    def receive(self, n: int, corporation: str, flags: tuple[str, ...] = (), co: tuple[str, ...] = ()) -> str:
        cid = f"KWRU-2026-{n:03d}"
        c = Case(id=cid, received=self.day.isoformat(), corporation=corporation,
                 complainant=Party(name=f"Klager {n}"), co_complainants=[Party(name=x) for x in co])
        c.admissibility.flags = list(flags)
        write_case(self.ws, c, history_event("case_opened", date=self.day.isoformat()),
                   history_event("document", seq=1, kind="klacht"))
        return cid

    def file(self, cid: str, kind: str) -> None:
        """What ingestion does when it files a document in a case."""
        update_case(self.ws, cid, lambda c: [history_event("document", seq=c.next_seq(), kind=kind)]
                    + outcomes.on_document_filed(c, kind, self.day))

    def letter(self, cid: str, kind: str) -> None:
        """What the letters module does when it sends a letter."""
        update_case(self.ws, cid, lambda c: [history_event("letter", kind=kind, date=self.day.isoformat())]
                    + outcomes.on_letter_sent(c, kind, self.day))

    def status(self, cid: str) -> str:
        return self.ws.load_case(cid).status

    def deadlines(self, *extra: str) -> list[tuple[str, str, str, int]]:
        return [(d["case_id"], d["name"], d["due"], d["days_left"]) for d in self.json("deadlines", *extra)]


@pytest.fixture
def office(tmp_path, monkeypatch, capsys) -> Office:
    return Office(Workspace.init(tmp_path / "ws"), monkeypatch, capsys)


def test_a_year_of_cases(office: Office):
    o = office
    N = {i: f"KWRU-2026-{i:03d}" for i in range(1, 12)}

    # --- January: three complaints; one about the rent, one never made to the corporation --------
    o.on("2026-01-05")
    o.receive(1, "Portaal Utrecht", flags=("huurprijs",))
    o.receive(2, "Bo-Ex", flags=("geen_eerdere_klacht",))
    o.receive(3, "Mitros")
    o.on("2026-01-08")
    _, err = o.kwru("decide", N[1], "niet-ontvankelijk", "--reason", "huurprijs")
    assert "suggestie uit de tekst: huurprijs" in err
    assert f"{N[1]}: ontvangen → niet-ontvankelijk" in err and "Huurcommissie" in err
    _, err = o.kwru("decide", N[2], "doorsturen")
    assert "doorgezonden naar de corporatie" in err
    o.kwru("decide", N[3], "ontvankelijk")
    o.on("2026-01-09")
    o.letter(N[1], "niet_ontvankelijk")
    o.letter(N[2], "doorgezonden")
    o.letter(N[3], "ontvangstbevestiging")
    o.on("2026-01-12")
    o.letter(N[3], "verzoek_reactie")
    assert o.status(N[3]) == "reactie_gevraagd"
    o.receive(4, "Mitros")
    o.receive(5, "Mitros")
    o.receive(6, "GroenWest")

    o.on("2026-01-19")
    assert o.deadlines() == [
        (N[3], "reactie", "2026-01-26", 7),
        (N[4], "ontvangstbevestiging", "2026-01-26", 7),
        (N[5], "ontvangstbevestiging", "2026-01-26", 7),
        (N[6], "ontvangstbevestiging", "2026-01-26", 7),
    ]
    assert o.deadlines("--all")[-1] == (N[6], "advies", "2026-04-12", 83)

    o.on("2026-01-20")
    for n in (4, 5, 6):
        o.kwru("decide", N[n], "ontvankelijk")
    o.on("2026-01-21")
    for n in (4, 5, 6):
        o.letter(N[n], "ontvangstbevestiging")
        o.letter(N[n], "verzoek_reactie")
    o.on("2026-01-23")
    o.file(N[3], "reactie_corporatie")
    assert o.status(N[3]) == "reactie_ontvangen"

    # --- February: a joined complaint; reactions in, one late; the forwarded one comes back ------
    o.on("2026-02-02")
    o.receive(7, "Bo-Ex", co=("B. de Vries", "C. Yilmaz"))
    o.receive(8, "Viveste")
    o.on("2026-02-04")
    o.file(N[4], "reactie_corporatie")
    o.file(N[6], "reactie_corporatie")
    o.on("2026-02-09")
    assert o.deadlines() == [
        (N[5], "reactie", "2026-02-04", -5),
        (N[7], "ontvangstbevestiging", "2026-02-16", 7),
        (N[8], "ontvangstbevestiging", "2026-02-16", 7),
    ]
    out, err = o.kwru("deadlines")  # not a terminal: plain lines, no colour codes
    assert "\x1b[" not in out and "5 dagen te laat" in out and N[5] in out.splitlines()[1]
    assert "1 overdue, 2 due within 7 days" in err

    o.on("2026-02-10")
    o.file(N[5], "reactie_corporatie")
    for n in (7, 8):
        o.kwru("decide", N[n], "ontvankelijk")
        o.letter(N[n], "ontvangstbevestiging")
        o.letter(N[n], "verzoek_reactie")
    o.on("2026-02-16")
    o.kwru("decide", N[2], "ontvankelijk", "--note", "klager is terug: corporatie reageerde niet")
    o.on("2026-02-17")
    o.letter(N[2], "verzoek_reactie")
    o.on("2026-02-20")
    o.file(N[7], "reactie_corporatie")
    o.file(N[8], "reactie_corporatie")

    # --- March: two hearing days planned; a withdrawal; a postponement; a mediation -------------
    o.on("2026-03-02")
    out, err = o.kwru("schedule", "2026-03-17", N[3], N[4], N[5], "--location", "mitros")
    assert "Zitting dinsdag 17 maart 2026, Kantoor Mitros, Kanaalweg 2, Utrecht" in err
    assert "warning" not in err
    o.kwru("schedule", "2026-04-14", N[6], N[7], "--location", "Kantoor Bo-Ex, Utrecht")
    _, err = o.kwru("schedule", "2026-04-14", N[8], "--location", "Kantoor Portaal, Utrecht", rc=2)
    assert "already has a location: Kantoor Bo-Ex, Utrecht" in err
    sessions = o.json("sessions")
    assert [(s["date"], [c["case_id"] for c in s["cases"]], [c["time"] for c in s["cases"]]) for s in sessions] == [
        ("2026-03-17", [N[3], N[4], N[5]], ["13:30", "14:15", "15:00"]),
        ("2026-04-14", [N[6], N[7]], ["13:30", "14:15"]),
    ]
    assert sessions[1]["cases"][1]["complainant"] == "Klager 7, B. de Vries, C. Yilmaz"
    o.on("2026-03-03")
    o.file(N[2], "intrekking")
    assert o.status(N[2]) == "ingetrokken"

    o.on("2026-03-10")
    _, err = o.kwru("withdraw", N[3], "--reason", "opgelost door de corporatie")
    assert "hearing of 2026-03-17 13:30 is cancelled" in err
    o.letter(N[3], "intrekking")

    o.on("2026-03-12")
    _, err = o.kwru("postpone", N[5], "--reason", "klager verhinderd")
    assert f"{N[5]}: moved from 2026-03-17 to dinsdag 14 april 2026 15:00, Kantoor Bo-Ex, Utrecht" in err
    assert "warning: KWRU-2026-005: the advice is due on 2026-04-12, before the hearing on 2026-04-14" in err

    o.on("2026-03-17")  # the hearing day
    o.kwru("outcome", N[4], "bemiddeld", "--agreement", "Mitros vervangt de kozijnen vóór 1 mei.",
           "--agreement", "Klager geeft de aannemer toegang.")
    assert o.status(N[4]) == "bemiddeld"
    o.on("2026-03-19")
    o.letter(N[4], "bemiddeling")
    assert o.status(N[4]) == "gesloten"
    o.on("2026-03-18")
    _, err = o.kwru("outcome", N[8], "gegrond", "--part", "Schimmel in de badkamer=gegrond")
    assert "advice on the papers" in err

    # --- April: the second hearing day: held, ongegrond, gedeeltelijk gegrond ------------------
    o.on("2026-04-14")
    o.kwru("outcome", N[5], "aangehouden", "--reason", "herstel toegezegd", "--follow-up", "2026-06-01",
           "--agreement", "Mitros herstelt de lekkage binnen 4 weken.")
    o.kwru("outcome", N[6], "ongegrond")
    _, err = o.kwru("outcome", N[7], "gegrond", "--part", "Lekkage=gegrond", "--part", "Bejegening=ongegrond",
                    rc=2)
    assert "make the advice gedeeltelijk gegrond, not gegrond" in err
    o.kwru("outcome", N[7], "gedeeltelijk-gegrond", "--part", "Lekkage=gegrond", "--part",
           "Bejegening=ongegrond", "--recommendation", "Herstel de lekkage binnen 4 weken.",
           "--general-advice", "Controleer het werk van aannemers.")
    c7 = o.ws.load_case(N[7])
    assert c7.outcome == "gedeeltelijk_gegrond" and len(c7.co_complainants) == 2
    assert [p.judgement for p in c7.outcome_details.parts] == ["gegrond", "ongegrond"]

    o.on("2026-04-20")
    assert o.deadlines() == [(N[8], "besluit", "2026-04-18", -2)]
    assert o.deadlines("--all") == [
        (N[8], "besluit", "2026-04-18", -2),
        (N[6], "besluit", "2026-05-14", 24),
        (N[7], "besluit", "2026-05-14", 24),
        (N[5], "follow_up", "2026-06-01", 42),
    ]
    o.on("2026-04-21")
    o.file(N[8], "besluit_corporatie")
    c8 = o.ws.load_case(N[8])
    assert c8.status == "besluit_ontvangen" and c8.decision.followed is None
    o.kwru("decision", N[8], "--followed", "yes")
    assert o.ws.load_case(N[8]).decision.followed is True
    o.kwru("close", N[8])

    # --- May: the directie's decisions --------------------------------------------------------
    o.on("2026-05-12")
    o.kwru("decision", N[6], "--followed", "no")
    o.kwru("close", N[6])
    o.on("2026-05-13")
    o.file(N[7], "besluit_corporatie")
    o.kwru("decision", N[7], "--followed", "yes")
    o.kwru("close", N[7])

    # --- June: the held case is resumed and advised ----------------------------------------------
    o.on("2026-06-01")
    assert o.deadlines() == [(N[5], "follow_up", "2026-06-01", 0)]
    o.kwru("schedule", "2026-06-09", N[5], "--location", "Portaal")
    assert o.status(N[5]) == "zitting_gepland"
    o.on("2026-06-09")
    o.kwru("outcome", N[5], "gegrond")
    o.on("2026-06-20")
    o.kwru("decision", N[5], "--followed", "yes")
    o.kwru("close", N[5])

    # --- the autumn: a case whose reaction is late, and one not yet acknowledged ----------------
    o.on("2026-11-02")
    o.receive(10, "Jutphaas Wonen")
    o.on("2026-11-05")
    o.kwru("decide", N[10], "ontvankelijk")
    o.letter(N[10], "ontvangstbevestiging")
    o.on("2026-11-06")
    o.letter(N[10], "verzoek_reactie")
    o.on("2026-11-25")
    o.receive(11, "Mitros")
    o.on("2026-12-01")
    assert o.deadlines() == [(N[10], "reactie", "2026-11-20", -11)]  # the acknowledgement is 8 days off
    assert o.deadlines("--all") == [
        (N[10], "reactie", "2026-11-20", -11),
        (N[11], "ontvangstbevestiging", "2026-12-09", 8),
        (N[10], "advies", "2027-02-02", 63),
        (N[11], "advies", "2027-02-25", 86),
    ]

    # --- the year's end: where every case ended up, and a history that explains it ------------
    assert {n: o.status(N[n]) for n in (1, 2, 3, 4, 5, 6, 7, 8, 10, 11)} == {
        1: "niet_ontvankelijk", 2: "ingetrokken", 3: "ingetrokken", 4: "gesloten", 5: "gesloten",
        6: "gesloten", 7: "gesloten", 8: "gesloten", 10: "reactie_gevraagd", 11: "ontvangen"}
    assert o.ws.load_case(N[6]).decision.followed is False
    for cid in o.ws.case_ids():
        history = o.ws.history(cid)
        status = "ontvangen"
        for ev in history:
            if ev.get("event") == "status":
                assert ev["from"] == status and ev["to"] in states.TRANSITIONS[status], (cid, ev)
                status = ev["to"]
        assert status == o.status(cid)
    assert [s["date"] for s in o.json("sessions", "--all")] == ["2026-03-17", "2026-04-14", "2026-06-09"]
    assert o.json("sessions") == []  # none planned after 1 December


def test_cli_errors_are_one_line_with_exit_codes(office: Office):
    o = office.on("2026-03-02")
    cid = o.receive(1, "Mitros", flags=("termijn",))
    _, err = o.kwru("close", cid, rc=5)
    assert err.strip() == (f"kwru: {cid} is 'ontvangen'; it cannot be closed. Possible from 'ontvangen': "
                           "doorgezonden, ingetrokken, niet_ontvankelijk, ontvankelijk")
    _, err = o.kwru("decide", cid, "niet-ontvankelijk", "--reason", "te-laat", rc=2)
    assert err.count("\n") == 1 and "termijn" in err and "niet_nederlands" in err
    _, err = o.kwru("decide", "KWRU-2026-999", "ontvankelijk", rc=2)
    assert "geen zaak 'KWRU-2026-999'" in err
    _, err = o.kwru("outcome", cid, "half-gegrond", rc=2)
    assert "unknown outcome" in err
    with pytest.raises(SystemExit) as e:
        o.kwru("schedule", "14-13-2026", cid)
    assert e.value.code == 2
    out, err = o.kwru("decide", cid)  # no decision: the suggestions and the codes, nothing changed
    assert "suggestie uit de tekst: termijn" in err and "huisvestingsvergunning" in out
    assert o.status(cid) == "ontvangen"
    data = o.json("decide", cid)
    assert data["flags"] == ["termijn"] and "Huurcommissie" in data["reasons"]["huurprijs"]["referral"]


def test_json_output_is_only_json(office: Office):
    o = office.on("2026-03-02")
    cid = o.receive(1, "Mitros", flags=("huurprijs",))
    out, err = o.kwru("decide", cid, "ontvankelijk", "--json")
    data = json.loads(out)
    assert data["cases"][0]["status"] == "ontvankelijk" and data["events"][0]["to"] == "ontvankelijk"
    assert data["notes"] == ["suggestie uit de tekst: huurprijs"]
    out, _ = o.kwru("schedule", "2026-03-17", cid, "--location", "Mitros", "--times", "10:00", "--json")
    data = json.loads(out)
    assert data["cases"][0]["hearing"] == {"date": "2026-03-17", "time": "10:00",
                                           "location": "Kantoor Mitros, Kanaalweg 2, Utrecht"}
    assert any("not been asked for its reaction" in w for w in data["warnings"])
    for args in (("deadlines",), ("deadlines", "--all"), ("sessions",), ("sessions", "--all")):
        out, _ = o.kwru(*args, "--json")
        assert isinstance(json.loads(out), list)
    o.on("2026-03-20")
    assert o.deadlines() == []  # planned for a hearing: the acknowledgement no longer matters
    out, _ = o.kwru("deadlines", "--done", cid, "advies", "--date", "2026-03-19", "--json")
    assert json.loads(out)["cases"][0]["deadlines"]["advies"]["done"] == "2026-03-19"
    _, err = o.kwru("deadlines", "--done", cid, "advies", rc=2)
    assert "already met" in err


def test_deadlines_in_a_terminal_are_coloured(office: Office, monkeypatch):
    import io

    from rich.console import Console

    from pipeline.commands import output

    o = office.on("2026-03-02")
    late, soon = o.receive(1, "Mitros"), None
    o.on("2026-03-10")
    soon = o.receive(2, "Bo-Ex")
    buf = io.StringIO()
    monkeypatch.setattr(output, "out", Console(file=buf, force_terminal=True, color_system="standard", width=140))
    o.on("2026-03-18")
    o.kwru("deadlines")
    lines = buf.getvalue().splitlines()
    late_line = next(line for line in lines if late in line)
    soon_line = next(line for line in lines if soon in line)
    assert "\x1b[31m" in late_line and "2 dagen te laat" in late_line  # red: overdue
    assert "\x1b[33m" in soon_line and "nog 6 dagen" in soon_line  # yellow: due soon


def test_working_days_setting_applies_to_the_listing(office: Office):
    o = office.on("2026-04-20")
    cid = o.receive(1, "Mitros")
    assert o.deadlines() == []
    o.on("2026-05-01")
    assert o.deadlines() == [(cid, "ontvangstbevestiging", "2026-05-04", 3)]
    cfg = o.ws.root / "kwru.yaml"
    cfg.write_text(cfg.read_text("utf-8").replace("working_days: false", "working_days: true"), "utf-8")
    # 14 working days from Monday 20 April: Koningsdag (27 April) is not one
    assert o.deadlines() == []  # now 10 days off: not yet due soon
    assert o.deadlines("--all")[0] == (cid, "ontvangstbevestiging", "2026-05-11", 10)
