"""The life of a case, function by function: states, admissibility, deadlines, outcomes, hearings."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from typing import Any

import pytest

from pipeline.config import default_config
from pipeline.dossier import history_event, update_case, write_case
from pipeline.errors import TransitionError, UsageError
from pipeline.lifecycle import actions, admissibility, deadlines, hearings, outcomes, states
from pipeline.lifecycle.calendar import add_working_days, next_working_day, parse_date, parse_time
from pipeline.models import FLAGS, STATUSES, Case, ComplaintPart, Party
from pipeline.workspace import Workspace

D = dt.date.fromisoformat
CONFIG = default_config()
WORKING = dataclasses.replace(CONFIG, deadlines=dataclasses.replace(CONFIG.deadlines, working_days=True))


def case(status: str = "ontvangen", received: str = "2026-03-02", **kw: Any) -> Case:
    c = Case(id=kw.pop("id", "KWRU-2026-001"), status=status, received=received, corporation="Mitros",
             complainant=Party(name="A. Bakker"), **kw)
    return c


def status_ev(frm: str, to: str, day: str, **kw: Any) -> dict[str, Any]:
    return {"at": f"{day}T10:00:00", "event": "status", "from": frm, "to": to, "date": day, **kw}


def doc_ev(kind: str, day: str, seq: int = 2) -> dict[str, Any]:
    return {"at": f"{day}T09:00:00", "event": "document", "seq": seq, "kind": kind}


def letter_ev(kind: str, day: str) -> dict[str, Any]:
    return {"at": f"{day}T16:00:00", "event": "letter", "kind": kind, "date": day}


def dl(c: Case, history: list[dict[str, Any]], config=CONFIG, today: str = "2026-03-20") -> dict[str, Any]:
    return deadlines.compute_deadlines(c, history, config, D(today))


# --- states ---------------------------------------------------------------------------------

def test_every_status_has_a_row_and_every_target_is_a_status():
    assert set(states.TRANSITIONS) == set(STATUSES)
    for frm, tos in states.TRANSITIONS.items():
        assert tos <= set(STATUSES), frm
        assert frm not in tos
    assert states.TRANSITIONS["gesloten"] == frozenset()
    for finished in ("ingetrokken", "niet_ontvankelijk"):
        assert states.TRANSITIONS[finished] == {"gesloten"}
    for s in states.OPEN_STATUSES:
        assert "ingetrokken" in states.TRANSITIONS[s], s


def test_transition_records_the_event_and_refuses_with_one_line():
    c = case()
    ev = states.transition(c, "ontvankelijk", command="decide", reason=None, date="2026-03-05")
    assert c.status == "ontvankelijk"
    assert ev["event"] == "status" and ev["from"] == "ontvangen" and ev["to"] == "ontvankelijk"
    assert ev["command"] == "decide" and ev["date"] == "2026-03-05" and "reason" not in ev
    with pytest.raises(TransitionError) as e:
        states.transition(c, "besluit_ontvangen", command="decision")
    msg = str(e.value)
    assert "\n" not in msg
    assert "'ontvankelijk'" in msg and "reactie_gevraagd" in msg and "ingetrokken" in msg
    assert c.status == "ontvankelijk"
    with pytest.raises(TransitionError, match="nothing"):
        states.transition(case("gesloten"), "ontvangen", command="x")
    with pytest.raises(TransitionError, match="unknown status"):
        states.transition(c, "klaar", command="x")


# --- calendar -------------------------------------------------------------------------------

def test_working_days_skip_weekends_and_dutch_holidays():
    assert next_working_day(D("2026-04-25")) == D("2026-04-28")  # Sat, Sun, Koningsdag Mon 27
    assert add_working_days(D("2026-05-11"), 14) == D("2026-06-02")  # Hemelvaart 14/5, Pinkstermaandag 25/5
    assert add_working_days(D("2026-12-18"), 14) == D("2027-01-11")  # Christmas and New Year


def test_parse_date_and_time():
    assert parse_date("2026-05-12") == D("2026-05-12")
    assert parse_date("12-05-2026") == D("2026-05-12")
    assert parse_date("1/5/2026") == D("2026-05-01")
    with pytest.raises(UsageError, match="not a date"):
        parse_date("31-02-2026")
    assert parse_time("9:30") == "09:30" and parse_time("13.30") == "13:30"
    with pytest.raises(UsageError):
        parse_time("25:00")


# --- admissibility --------------------------------------------------------------------------

BRIEF_CODES = [
    "huurprijs", "servicekosten", "warmtelevering", "geen_eerdere_klacht", "rechter", "huurcommissie",
    "al_geadviseerd", "termijn", "anoniem", "discriminerend", "niet_concreet", "geen_belang", "beleid",
    "huisvestingsvergunning", "elders_aanhangig", "huurachterstand", "verzekeraar", "andere_regeling",
    "niet_schriftelijk", "niet_nederlands",
]


def test_reason_table_covers_every_ground_and_every_flag():
    assert set(BRIEF_CODES) <= set(admissibility.REASONS)
    assert set(FLAGS) <= set(admissibility.REASONS)
    for code, r in admissibility.REASONS.items():
        assert r.code == code and r.label
        assert r.text.endswith(".") and len(r.text) > 40, code
        assert r.referral is None or r.referral.endswith(".")
    for code in ("huurprijs", "servicekosten", "warmtelevering", "huurcommissie"):
        assert "Huurcommissie" in admissibility.REASONS[code].referral
        assert admissibility.REASONS[code].referral_to == "Huurcommissie"
    assert "rechter" in admissibility.REASONS["rechter"].referral
    assert "rechter" in admissibility.REASONS["huurachterstand"].referral


def test_flags_are_suggestions_never_applied():
    c = case()
    c.admissibility.flags = ["huurprijs", "termijn"]
    step = admissibility.decide(c, "ontvankelijk", today=D("2026-03-05"))
    assert c.status == "ontvankelijk"
    assert c.admissibility.decision == "ontvankelijk" and c.admissibility.reason is None
    assert c.admissibility.flags == ["huurprijs", "termijn"]
    assert "suggestie uit de tekst: huurprijs, termijn" in step.notes


def test_niet_ontvankelijk_needs_a_known_reason():
    c = case()
    with pytest.raises(UsageError, match="needs --reason"):
        admissibility.decide(c, "niet-ontvankelijk", today=D("2026-03-05"))
    with pytest.raises(UsageError) as e:
        admissibility.decide(c, "niet-ontvankelijk", reason_code="huur", today=D("2026-03-05"))
    assert "\n" not in str(e.value) and "huurprijs" in str(e.value) and "niet_nederlands" in str(e.value)
    assert c.status == "ontvangen"
    step = admissibility.decide(c, "niet-ontvankelijk", reason_code="servicekosten", today=D("2026-03-05"))
    assert c.status == "niet_ontvankelijk" and c.admissibility.reason == "servicekosten"
    assert step.events[0]["reason"] == "servicekosten"
    with pytest.raises(UsageError, match="only for niet-ontvankelijk"):
        admissibility.decide(case(), "ontvankelijk", reason_code="termijn", today=D("2026-03-05"))


def test_doorsturen_and_the_complainant_coming_back():
    c = case()
    admissibility.decide(c, "doorsturen", today=D("2026-03-05"))
    assert c.status == "doorgezonden" and c.admissibility.reason == "geen_eerdere_klacht"
    hist = [status_ev("ontvangen", "doorgezonden", "2026-03-05")]
    assert "advies" not in dl(c, hist)  # no procedure while forwarded
    step = admissibility.decide(c, "ontvankelijk", today=D("2026-04-20"))
    hist += [dict(step.events[0], at="2026-04-20T10:00:00")]
    assert c.status == "ontvankelijk"
    assert dl(c, hist, today="2026-04-20")["advies"]["due"] == "2026-07-20"  # 3 months from its return


def test_not_admissible_found_later_cancels_the_hearing():
    c = case("zitting_gepland")
    c.hearing = hearings.Hearing("2026-04-14", "13:30", "Kantoor Mitros")
    step = admissibility.decide(c, "niet-ontvankelijk", reason_code="elders_aanhangig", today=D("2026-04-01"))
    assert c.status == "niet_ontvankelijk" and c.hearing is None
    assert [e["event"] for e in step.events] == ["hearing", "status"]
    assert any("cancelled" in w for w in step.warnings)


# --- deadlines ------------------------------------------------------------------------------

def test_acknowledgement_and_advice_from_receipt():
    c = case(received="2026-03-02")
    got = dl(c, [])
    assert got == {
        "ontvangstbevestiging": {"label": "Ontvangstbevestiging versturen", "due": "2026-03-16", "done": None},
        "advies": {"label": "Advies uitbrengen", "due": "2026-06-02", "done": None},
    }
    got = dl(c, [letter_ev("ontvangstbevestiging", "2026-03-09")])
    assert got["ontvangstbevestiging"]["done"] == "2026-03-09"


def test_reaction_deadline_runs_from_the_request_and_ends_with_the_reaction():
    c = case("reactie_gevraagd")
    hist = [status_ev("ontvangen", "ontvankelijk", "2026-03-05"),
            status_ev("ontvankelijk", "reactie_gevraagd", "2026-03-06", command="letter verzoek_reactie")]
    assert dl(c, hist)["reactie"] == {"label": "Reactie corporatie", "due": "2026-03-20", "done": None}
    assert dl(c, hist + [doc_ev("reactie_corporatie", "2026-03-18")])["reactie"]["done"] == "2026-03-18"
    # a reaction filed before the request does not count
    assert dl(c, [doc_ev("reactie_corporatie", "2026-03-01")] + hist)["reactie"]["done"] is None
    c.status = "reactie_ontvangen"
    got = dl(c, hist + [status_ev("reactie_gevraagd", "reactie_ontvangen", "2026-03-19")])
    assert got["reactie"]["done"] == "2026-03-19"


@pytest.mark.parametrize("config, expected", [(CONFIG, "2026-05-25"), (WORKING, "2026-06-02")])
def test_reaction_term_in_calendar_or_working_days(config, expected):
    c = case("reactie_gevraagd", received="2026-04-20")
    hist = [status_ev("ontvankelijk", "reactie_gevraagd", "2026-05-11")]
    assert dl(c, hist, config)["reactie"]["due"] == expected


@pytest.mark.parametrize("received, calendar, working", [
    ("2026-03-02", ("2026-03-16", "2026-06-02"), ("2026-03-20", "2026-06-02")),
    ("2026-02-25", ("2026-03-11", "2026-05-25"), ("2026-03-17", "2026-05-26")),  # Pinkstermaandag
    ("2026-11-30", ("2026-12-14", "2027-02-28"), ("2026-12-18", "2027-03-01")),  # 28 Feb is a Sunday
    ("2026-12-18", ("2027-01-01", "2027-03-18"), ("2027-01-11", "2027-03-18")),  # New Year's Day
])
def test_acknowledgement_and_advice_with_both_settings(received, calendar, working):
    c = case(received=received)
    for config, (ack, advice) in ((CONFIG, calendar), (WORKING, working)):
        got = dl(c, [], config)
        assert (got["ontvangstbevestiging"]["due"], got["advies"]["due"]) == (ack, advice), config.deadlines


def test_decision_deadline_one_month_after_the_advice():
    c = case("advies_uitgebracht", received="2026-08-20")
    hist = [status_ev("zitting_gepland", "advies_uitgebracht", "2026-11-25")]
    assert dl(c, hist)["besluit"] == {"label": "Besluit directie", "due": "2026-12-25", "done": None}
    assert dl(c, hist, WORKING)["besluit"]["due"] == "2026-12-28"  # Christmas, Boxing Day, Sunday
    assert dl(c, hist)["advies"]["done"] == "2026-11-25"
    c.status = "besluit_ontvangen"
    got = dl(c, hist + [status_ev("advies_uitgebracht", "besluit_ontvangen", "2026-12-10")])
    assert got["besluit"]["done"] == "2026-12-10"


def test_held_case_has_a_follow_up_instead_of_the_advice_deadline():
    c = case("aangehouden", received="2026-01-10")
    c.outcome_details.follow_up = "2026-06-01"
    hist = [status_ev("zitting_gepland", "aangehouden", "2026-03-10")]
    got = dl(c, hist)
    assert got["follow_up"] == {"label": "Vervolg aangehouden zaak", "due": "2026-06-01", "done": None}
    assert "advies" not in got
    c.status = "zitting_gepland"
    got = dl(c, hist + [status_ev("aangehouden", "zitting_gepland", "2026-06-02")])
    assert got["follow_up"]["done"] == "2026-06-02"
    assert got["advies"] == {"label": "Advies uitbrengen", "due": "2026-04-10", "done": None}


@pytest.mark.parametrize("status", ["gesloten", "ingetrokken"])
def test_finished_cases_have_no_open_deadlines(status):
    c = case(status)
    hist = [status_ev("ontvangen", status, "2026-03-04")]
    c.deadlines = dl(c, hist)
    assert deadlines.open_deadlines(c, D("2026-12-01")) == []
    assert deadlines.next_deadline(c, D("2026-12-01")) is None
    # what was met stays on record
    assert c.deadlines.get("advies", {}).get("done") == "2026-03-04"


def test_not_admissible_keeps_only_the_notice_until_the_letter_is_sent():
    c = case("niet_ontvankelijk")
    hist = [status_ev("ontvangen", "niet_ontvankelijk", "2026-03-04", reason="huurprijs")]
    c.deadlines = dl(c, hist)
    assert [i.name for i in deadlines.open_deadlines(c, D("2026-03-20"))] == ["ontvangstbevestiging"]
    c.deadlines = dl(c, hist + [letter_ev("niet_ontvankelijk", "2026-03-06")])
    assert deadlines.open_deadlines(c, D("2026-03-20")) == []


def test_open_deadlines_overdue_and_days_left():
    c = case("reactie_gevraagd", received="2026-03-02")
    c.deadlines = dl(c, [status_ev("ontvankelijk", "reactie_gevraagd", "2026-03-10")])
    items = deadlines.open_deadlines(c, D("2026-03-20"))
    assert [(i.name, i.due, i.overdue, i.days_left) for i in items] == [
        ("ontvangstbevestiging", D("2026-03-16"), True, -4),
        ("reactie", D("2026-03-24"), False, 4),
        ("advies", D("2026-06-02"), False, 74),
    ]
    assert items[0].label == "Ontvangstbevestiging versturen" and items[0].case_id == c.id
    assert deadlines.next_deadline(c, D("2026-03-20")) == items[0]
    assert deadlines.open_deadlines(c, D("2026-03-16"))[0].days_left == 0
    assert not deadlines.open_deadlines(c, D("2026-03-16"))[0].overdue
    assert items[1].to_dict() == {"case_id": c.id, "name": "reactie", "label": "Reactie corporatie",
                                  "due": "2026-03-24", "overdue": False, "days_left": 4}


def test_deadlines_survive_nonsense_in_history():
    c = case(received="2026-03-02")
    hist = [{"event": "status"}, {"event": "status", "to": "reactie_gevraagd", "date": "gisteren"},
            {"event": "letter", "kind": "ontvangstbevestiging"}, {"nothing": 1}]
    assert dl(c, hist)["ontvangstbevestiging"]["done"] is None
    assert dl(case(received=None), []) == {}


# --- outcomes -------------------------------------------------------------------------------

@pytest.mark.parametrize("judgements, overall", [
    (["gegrond"], "gegrond"),
    (["gegrond", "gegrond"], "gegrond"),
    (["ongegrond", "ongegrond"], "ongegrond"),
    (["gegrond", "ongegrond"], "gedeeltelijk_gegrond"),
    (["gedeeltelijk_gegrond"], "gedeeltelijk_gegrond"),
    (["ongegrond", "gedeeltelijk_gegrond"], "gedeeltelijk_gegrond"),
    ([], None),
])
def test_roll_up(judgements, overall):
    assert outcomes.roll_up([ComplaintPart(f"deel {i}", j) for i, j in enumerate(judgements)]) == overall


def test_parse_part():
    p = outcomes.parse_part("Lekkage = badkamer=gedeeltelijk-gegrond")
    assert (p.title, p.judgement) == ("Lekkage = badkamer", "gedeeltelijk_gegrond")
    for bad in ("Lekkage", "=gegrond", "Lekkage=half"):
        with pytest.raises(UsageError):
            outcomes.parse_part(bad)


def test_advice_per_part_and_a_contradiction_is_an_error():
    c = case("zitting_gepland")
    with pytest.raises(UsageError, match="make the advice gedeeltelijk gegrond, not gegrond"):
        outcomes.record_outcome(c, "gegrond", today=D("2026-05-01"), config=CONFIG,
                                parts=["Lekkage=gegrond", "Bejegening=ongegrond"])
    assert c.status == "zitting_gepland" and c.outcome is None
    step = outcomes.record_outcome(c, "gedeeltelijk-gegrond", today=D("2026-05-01"), config=CONFIG,
                                   parts=["Lekkage=gegrond", "Bejegening=ongegrond"],
                                   recommendations=["Herstel de lekkage binnen 4 weken."],
                                   general_advice="Controleer het werk van aannemers.")
    assert c.status == "advies_uitgebracht" and c.outcome == "gedeeltelijk_gegrond"
    od = c.outcome_details
    assert [(p.title, p.judgement) for p in od.parts] == [("Lekkage", "gegrond"), ("Bejegening", "ongegrond")]
    assert od.recommendations == ["Herstel de lekkage binnen 4 weken."] and od.decided == "2026-05-01"
    assert step.events[0]["details"]["general_advice"] == "Controleer het werk van aannemers."


def test_bemiddeld_needs_agreements_and_the_letter_closes_it():
    c = case("zitting_gepland")
    with pytest.raises(UsageError, match="agreement"):
        outcomes.record_outcome(c, "bemiddeld", today=D("2026-05-01"), config=CONFIG)
    outcomes.record_outcome(c, "bemiddeld", today=D("2026-05-01"), config=CONFIG,
                            agreements=["Mitros herstelt de kozijnen vóór 1 juni.", "Klager geeft toegang."])
    assert c.status == "bemiddeld" and c.outcome == "bemiddeld"
    assert len(c.outcome_details.agreements) == 2
    assert outcomes.on_letter_sent(c, "ontvangstbevestiging", D("2026-05-03")) == []
    (ev,) = outcomes.on_letter_sent(c, "bemiddeling", D("2026-05-04"))
    assert c.status == "gesloten" and ev["date"] == "2026-05-04" and ev["command"] == "letter bemiddeling"


def test_aangehouden_needs_reason_and_follow_up_within_the_limit():
    c = case("zitting_gepland")
    kw = {"today": D("2026-05-01"), "config": CONFIG}
    with pytest.raises(UsageError, match="--reason"):
        outcomes.record_outcome(c, "aangehouden", follow_up=D("2026-07-01"), **kw)
    with pytest.raises(UsageError, match="--follow-up"):
        outcomes.record_outcome(c, "aangehouden", reason="herstel", **kw)
    with pytest.raises(UsageError, match="after today"):
        outcomes.record_outcome(c, "aangehouden", reason="herstel", follow_up=D("2026-05-01"), **kw)
    with pytest.raises(UsageError, match="at most 6 months"):
        outcomes.record_outcome(c, "aangehouden", reason="herstel", follow_up=D("2026-11-02"), **kw)
    outcomes.record_outcome(c, "aangehouden", reason="herstel toegezegd", follow_up=D("2026-07-01"),
                            agreements=["Mitros herstelt de lekkage."], **kw)
    assert c.status == "aangehouden" and c.outcome_details.follow_up == "2026-07-01"
    # held longer: no status change, an outcome event
    hist = [status_ev("zitting_gepland", "aangehouden", "2026-05-01")]
    step = outcomes.record_outcome(c, "aangehouden", reason="nog niet klaar", follow_up=D("2026-08-01"),
                                   history=hist, today=D("2026-07-01"), config=CONFIG)
    assert step.events[0]["event"] == "outcome" and c.outcome_details.agreements == ["Mitros herstelt de lekkage."]
    # then settled: the agreements of the hold carry over
    outcomes.record_outcome(c, "bemiddeld", today=D("2026-08-01"), config=CONFIG)
    assert c.status == "bemiddeld" and c.outcome_details.agreements == ["Mitros herstelt de lekkage."]


def test_decision_followed_or_not():
    c = case("advies_uitgebracht")
    step = outcomes.record_decision(c, False, today=D("2026-06-10"))
    assert c.status == "besluit_ontvangen" and c.decision.followed is False
    assert c.decision.received == "2026-06-10" and step.notes
    outcomes.record_decision(c, True, today=D("2026-06-12"))
    assert c.decision.followed is True and c.decision.received == "2026-06-10"
    with pytest.raises(TransitionError, match="needs an advice"):
        outcomes.record_decision(case("zitting_gepland"), True, today=D("2026-06-10"))


def test_on_document_filed():
    day = D("2026-04-01")
    c = case("reactie_gevraagd")
    (ev,) = outcomes.on_document_filed(c, "reactie_corporatie", day)
    assert c.status == "reactie_ontvangen" and ev["command"] == "ingest"
    assert outcomes.on_document_filed(c, "reactie_corporatie", day) == []  # a second reaction: nothing
    assert outcomes.on_document_filed(c, "aanvulling", day) == []
    c = case("advies_uitgebracht")
    outcomes.on_document_filed(c, "besluit_corporatie", day)
    assert c.status == "besluit_ontvangen" and c.decision.followed is None and c.decision.received == "2026-04-01"
    for status in sorted(states.OPEN_STATUSES):
        c = case(status)
        if status == "zitting_gepland":
            c.hearing = hearings.Hearing("2026-04-14", "13:30", "Kantoor Mitros")
        evs = outcomes.on_document_filed(c, "intrekking", day)
        assert c.status == "ingetrokken" and evs[-1]["to"] == "ingetrokken", status
        assert c.hearing is None
    for status in states.FINISHED:
        c = case(status)
        assert outcomes.on_document_filed(c, "intrekking", day) == [] and c.status == status


def test_on_letter_sent_verzoek_reactie_uses_the_letters_date():
    c = case("ontvankelijk")
    (ev,) = outcomes.on_letter_sent(c, "verzoek_reactie", D("2026-03-09"))
    assert c.status == "reactie_gevraagd" and ev["date"] == "2026-03-09"
    assert dl(c, [ev])["reactie"]["due"] == "2026-03-23"


def test_close_and_withdraw():
    with pytest.raises(TransitionError, match="'ontvangen'; it cannot be closed"):
        outcomes.close(case(), today=D("2026-04-01"))
    c = case("advies_uitgebracht")
    step = outcomes.close(c, today=D("2026-04-01"))
    assert c.status == "gesloten" and step.warnings
    with pytest.raises(TransitionError, match="only an open case"):
        outcomes.withdraw(c, today=D("2026-04-01"))
    c = case("niet_ontvankelijk")
    outcomes.close(c, today=D("2026-04-01"))
    assert c.status == "gesloten"


# --- hearings (in a workspace) ----------------------------------------------------------------

@pytest.fixture
def ws(tmp_path) -> Workspace:
    return Workspace.init(tmp_path / "ws")


def add_case(ws: Workspace, n: int, status: str = "reactie_ontvangen", received: str = "2026-03-02",
             path: tuple[str, ...] | None = None) -> str:
    """A case that went through `path` of statuses (default: the usual road to `status`)."""
    road = ("ontvangen", "ontvankelijk", "reactie_gevraagd", "reactie_ontvangen")
    path = path or (road[: road.index(status) + 1] if status in road else ("ontvangen", status))
    cid = f"KWRU-2026-{n:03d}"
    c = Case(id=cid, status=path[-1], received=received, corporation="Mitros",
             complainant=Party(name=f"Klager {n}"))
    evs = [history_event("case_opened", date=received)]
    evs += [status_ev(a, b, received) for a, b in itertools.pairwise(path)]
    write_case(ws, c, *evs)
    return cid


TODAY = D("2026-03-20")


def test_schedule_gives_slots_and_keeps_one_location_per_day(ws):
    a, b, c = (add_case(ws, n) for n in (1, 2, 3))
    done = actions.schedule(ws, D("2026-04-14"), [a, b], today=TODAY, location="mitros")
    assert [(x.hearing.time, x.hearing.location) for x in done.cases] == [
        ("13:30", "Kantoor Mitros, Kanaalweg 2, Utrecht"), ("14:15", "Kantoor Mitros, Kanaalweg 2, Utrecht")]
    assert all(x.status == "zitting_gepland" for x in done.cases)
    with pytest.raises(UsageError, match="already has a location"):
        actions.schedule(ws, D("2026-04-14"), [c], today=TODAY, location="Kantoor Bo-Ex, Utrecht")
    with pytest.raises(UsageError, match="14:15 on 2026-04-14 is already taken by KWRU-2026-002"):
        actions.schedule(ws, D("2026-04-14"), [c], today=TODAY, times=["14:15"])
    assert ws.load_case(c).status == "reactie_ontvangen"
    done = actions.schedule(ws, D("2026-04-14"), [c], today=TODAY)  # the day's location
    assert done.cases[0].hearing.time == "15:00"
    with pytest.raises(UsageError, match="new hearing day: give --location"):
        actions.schedule(ws, D("2026-05-12"), [c], today=TODAY)


def test_schedule_with_times_and_a_custom_location(ws):
    a, b = add_case(ws, 1), add_case(ws, 2)
    with pytest.raises(UsageError, match="one per case"):
        actions.schedule(ws, D("2026-04-14"), [a, b], today=TODAY, location="Buurthuis", times=["10:00"])
    done = actions.schedule(ws, D("2026-04-14"), [a, b], today=TODAY, location="Buurthuis De Schakel",
                            times=["10:00", "11:30"])
    assert [x.hearing.time for x in done.cases] == ["10:00", "11:30"]
    assert done.cases[0].hearing.location == "Buurthuis De Schakel"


def test_schedule_refuses_finished_cases_and_warns_otherwise(ws):
    closed = add_case(ws, 1, "gesloten", path=("ontvangen", "ontvankelijk", "ingetrokken", "gesloten"))
    fresh = add_case(ws, 2, "ontvangen")
    waiting = add_case(ws, 3, "reactie_gevraagd", received="2026-01-05")
    with pytest.raises(TransitionError, match="finished case cannot be planned"):
        actions.schedule(ws, D("2026-04-14"), [waiting, closed], today=TODAY, location="Mitros")
    assert ws.load_case(waiting).status == "reactie_gevraagd"  # nothing written
    with pytest.raises(TransitionError, match="'ontvangen'; it cannot be planned for a hearing"):
        actions.schedule(ws, D("2026-04-14"), [fresh], today=TODAY, location="Mitros")
    done = actions.schedule(ws, D("2026-04-14"), [waiting], today=TODAY, location="Mitros")
    assert done.cases[0].status == "zitting_gepland"
    assert any("reaction has not been received" in w for w in done.warnings)
    assert any("advice is due on 2026-04-05, before the hearing on 2026-04-14" in w for w in done.warnings)


def test_unschedule_returns_the_case_where_it_was(ws):
    a = add_case(ws, 1, "reactie_gevraagd")
    actions.schedule(ws, D("2026-04-14"), [a], today=TODAY, location="Mitros")
    done = actions.unschedule(ws, a, today=TODAY, reason="zaal niet beschikbaar")
    assert done.cases[0].status == "reactie_gevraagd" and done.cases[0].hearing is None
    actions.schedule(ws, D("2026-04-14"), [a], today=TODAY, location="Mitros")
    update_case(ws, a, lambda c: [doc_ev("reactie_corporatie", "2026-03-25")]
                + outcomes.on_document_filed(c, "reactie_corporatie", D("2026-03-25")))
    assert ws.load_case(a).status == "zitting_gepland"
    assert actions.unschedule(ws, a, today=TODAY).cases[0].status == "reactie_ontvangen"
    with pytest.raises(TransitionError, match="no planned hearing"):
        actions.unschedule(ws, a, today=TODAY)


def test_postpone_moves_to_the_next_planned_day(ws):
    a, b, c = (add_case(ws, n) for n in (1, 2, 3))
    actions.schedule(ws, D("2026-04-14"), [a, b], today=TODAY, location="Mitros")
    with pytest.raises(UsageError, match="no hearing day is planned after 2026-04-14"):
        actions.postpone(ws, a, today=TODAY, reason="klager verhinderd")
    actions.schedule(ws, D("2026-05-12"), [c], today=TODAY, location="Kantoor Bo-Ex, Utrecht")
    actions.schedule(ws, D("2026-06-09"), [add_case(ws, 4)], today=TODAY, location="Kantoor Portaal, Utrecht")
    done = actions.postpone(ws, a, today=TODAY, reason="klager verhinderd")
    moved = done.cases[0]
    assert (moved.hearing.date, moved.hearing.time, moved.hearing.location) == (
        "2026-05-12", "14:15", "Kantoor Bo-Ex, Utrecht")
    assert moved.status == "zitting_gepland" and not done.warnings
    ev = ws.history(a)[-1]
    assert ev["event"] == "hearing" and ev["action"] == "postponed" and ev["reason"] == "klager verhinderd"
    assert ev["from"]["date"] == "2026-04-14" and ev["to"]["date"] == "2026-05-12"
    done = actions.postpone(ws, a, today=TODAY, reason="weer verhinderd")  # 9 June > advice due 2 June
    assert done.cases[0].hearing.date == "2026-06-09"
    assert any("advice is due on 2026-06-02, before the hearing on 2026-06-09" in w for w in done.warnings)
    with pytest.raises(UsageError, match="--reason"):
        actions.postpone(ws, b, today=TODAY, reason=" ")


def test_sessions_and_withdrawal_cancels_the_hearing(ws):
    a, b = add_case(ws, 1), add_case(ws, 2)
    update_case(ws, b, lambda c: c.co_complainants.append(Party(name="B. de Vries")))
    actions.schedule(ws, D("2026-04-14"), [a, b], today=TODAY, location="Mitros")
    (s,) = actions.sessions(ws, TODAY)
    assert s.date == D("2026-04-14") and s.case_ids == [a, b]
    assert s.slots[1].complainant == "Klager 2, B. de Vries"
    assert actions.sessions(ws, D("2026-04-15")) == []
    done = actions.withdraw(ws, a, today=TODAY, reason="opgelost")
    assert done.cases[0].status == "ingetrokken" and done.cases[0].hearing is None
    assert [e["event"] for e in ws.history(a)[-2:]] == ["hearing", "status"]
    assert actions.sessions(ws)[0].case_ids == [b]


def test_a_hand_edited_status_that_is_not_one_is_named():
    with pytest.raises(TransitionError, match="'klaar', which is not a status; correct it in case.yaml"):
        states.transition(case("klaar"), "gesloten", command="close")
