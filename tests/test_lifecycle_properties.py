"""Whatever the secretary, the inbox and the letters do, in any order: a case only takes the roads
of the state machine, and its history only grows and explains its status."""

from __future__ import annotations

import atexit
import datetime as dt
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from pipeline.config import default_config
from pipeline.dossier import history_event, update_case, write_case
from pipeline.errors import KwruError
from pipeline.lifecycle import actions, admissibility, hearings, outcomes, states
from pipeline.lifecycle.admissibility import REASONS
from pipeline.lifecycle.deadlines import compute_deadlines, open_deadlines
from pipeline.models import STATUSES, Case, Hearing, Party
from pipeline.workspace import Workspace

IDS = [f"KWRU-2026-{n:03d}" for n in range(1, 3)]
case_ids = st.sampled_from(IDS)
DAYS = [dt.date(2026, 3, 10) + dt.timedelta(days=7 * k) for k in range(8)]
LOCATIONS = [None, "Mitros", "Kantoor Bo-Ex, Utrecht", "Buurthuis"]

USUAL_ARGS = {"cid": case_ids, "day": st.sampled_from(DAYS), "location": st.sampled_from(LOCATIONS[1:]),
              "outcome": st.sampled_from(["bemiddeld", "aangehouden", "gegrond", "ongegrond",
                                          "gedeeltelijk-gegrond"]),
              "followed": st.sampled_from([True, False, None])}

_TEMPLATE_WS: Path | None = None
# A RAM disk where there is one: the writes still fsync, which costs nothing there.
_TMP = "/dev/shm" if Path("/dev/shm").is_dir() else None


def fresh_workspace() -> Workspace:
    """A new workspace, copied from one made once (Workspace.init copies all the templates)."""
    global _TEMPLATE_WS
    if _TEMPLATE_WS is None:
        _TEMPLATE_WS = Path(tempfile.mkdtemp(prefix="kwru-prop-", dir=_TMP)) / "ws"
        atexit.register(shutil.rmtree, _TEMPLATE_WS.parent, True)
        Workspace.init(_TEMPLATE_WS)
    root = Path(tempfile.mkdtemp(prefix="kwru-prop-", dir=_TMP)) / "ws"
    shutil.copytree(_TEMPLATE_WS, root)
    return Workspace.open(root)


class CaseLife(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.ws = fresh_workspace()
        self.today = dt.date(2026, 3, 2)
        self.seen: dict[str, list[dict[str, Any]]] = {}

    @initialize()
    def open_cases(self) -> None:
        for n, cid in enumerate(IDS):
            c = Case(id=cid, received=self.today.isoformat(), corporation="Mitros",
                     complainant=Party(name=f"Klager {n}"),
                     co_complainants=[Party(name="Mede-klager")] if n == 1 else [])
            write_case(self.ws, c, history_event("case_opened", date=self.today.isoformat()))
        self.snapshot()

    def teardown(self) -> None:
        shutil.rmtree(self.ws.root.parent, ignore_errors=True)

    # --- doing things (a refused command must change nothing) ------------------------------------

    def attempt(self, fn, *args: Any, **kw: Any) -> None:
        before = {cid: (self.ws.case_dir(cid) / "case.yaml").read_bytes() for cid in IDS}
        try:
            fn(*args, **kw)
        except KwruError:
            for cid in IDS:
                assert (self.ws.case_dir(cid) / "case.yaml").read_bytes() == before[cid], cid
                assert self.ws.history(cid) == self.seen[cid], cid
        self.check_history()
        self.snapshot()

    @rule(days=st.integers(0, 20))
    def time_passes(self, days: int) -> None:
        self.today += dt.timedelta(days=days)

    @rule(cid=case_ids)
    def admit(self, cid: str) -> None:
        self.attempt(actions.decide, self.ws, cid, "ontvankelijk", today=self.today)

    @rule(cid=case_ids, reason=st.sampled_from(sorted(REASONS)), dice=st.integers(0, 3))
    def refuse(self, cid: str, reason: str, dice: int) -> None:
        if dice:  # ending roads are taken less often, so that the long ones get walked too
            return
        self.attempt(actions.decide, self.ws, cid, "niet-ontvankelijk", today=self.today, reason=reason)

    @rule(cid=case_ids, dice=st.integers(0, 2))
    def forward(self, cid: str, dice: int) -> None:
        if dice:
            return
        self.attempt(actions.decide, self.ws, cid, "doorsturen", today=self.today)

    @rule(cid=case_ids, decision=st.sampled_from(["ontvankelijk", "niet-ontvankelijk", "doorsturen", "ja"]),
          reason=st.sampled_from([None, "huurprijs", "onzin"]))
    def decide_anything(self, cid: str, decision: str, reason: str | None) -> None:
        self.attempt(actions.decide, self.ws, cid, decision, today=self.today, reason=reason)

    @rule(ids=st.lists(case_ids, min_size=1, max_size=2, unique=True), day=st.sampled_from(DAYS),
          location=st.sampled_from(LOCATIONS))
    def schedule(self, ids: list[str], day: dt.date, location: str | None) -> None:
        self.attempt(actions.schedule, self.ws, day, ids, today=self.today, location=location)

    @rule(cid=case_ids)
    def unschedule(self, cid: str) -> None:
        self.attempt(actions.unschedule, self.ws, cid, today=self.today)

    @rule(cid=case_ids)
    def postpone(self, cid: str) -> None:
        self.attempt(actions.postpone, self.ws, cid, today=self.today, reason="klager verhinderd")

    @rule(cid=case_ids, agree=st.booleans())
    def mediate(self, cid: str, agree: bool) -> None:
        self.attempt(actions.outcome, self.ws, cid, "bemiddeld", today=self.today,
                     agreements=["Herstel vóór 1 mei."] if agree else [])

    @rule(cid=case_ids, follow_up=st.integers(-5, 250))
    def hold(self, cid: str, follow_up: int) -> None:
        self.attempt(actions.outcome, self.ws, cid, "aangehouden", today=self.today, reason="herstel toegezegd",
                     follow_up=self.today + dt.timedelta(days=follow_up))

    @rule(cid=case_ids, kind=st.sampled_from(["gegrond", "ongegrond", "gedeeltelijk-gegrond"]),
          parts=st.lists(st.sampled_from(["Lekkage=gegrond", "Schimmel=ongegrond"]), max_size=2))
    def advise(self, cid: str, kind: str, parts: list[str]) -> None:
        self.attempt(actions.outcome, self.ws, cid, kind, today=self.today, parts=parts)

    @rule(cid=case_ids, followed=st.sampled_from([True, False, None]))
    def decision(self, cid: str, followed: bool | None) -> None:
        self.attempt(actions.decision, self.ws, cid, followed, today=self.today)

    @rule(cid=case_ids, dice=st.integers(0, 3))
    def withdraw(self, cid: str, dice: int) -> None:
        if dice:
            return
        self.attempt(actions.withdraw, self.ws, cid, today=self.today)

    @rule(cid=case_ids)
    def close(self, cid: str) -> None:
        self.attempt(actions.close, self.ws, cid, today=self.today)

    @rule(cid=case_ids, kind=st.sampled_from(["reactie_corporatie", "besluit_corporatie", "aanvulling",
                                              "intrekking"]), dice=st.integers(0, 3))
    def document_arrives(self, cid: str, kind: str, dice: int) -> None:
        if kind == "intrekking" and dice:
            return
        self.file(cid, kind)

    def file(self, cid: str, kind: str) -> None:
        """What ingestion does when it files a document."""
        self.attempt(update_case, self.ws, cid, lambda c: [history_event("document", seq=c.next_seq(), kind=kind)]
                     + outcomes.on_document_filed(c, kind, self.today))

    def send(self, cid: str, kind: str) -> None:
        """What the letters do when one is sent."""
        self.attempt(update_case, self.ws, cid, lambda c: [history_event("letter", kind=kind,
                                                                         date=self.today.isoformat())]
                     + outcomes.on_letter_sent(c, kind, self.today))

    def status(self, cid: str) -> str:
        changes = [ev["to"] for ev in self.seen[cid] if ev.get("event") == "status"]
        return changes[-1] if changes else "ontvangen"

    def usual_next_step(self, cid: str, day: dt.date, location: str, outcome: str, followed: bool | None) -> None:
        """The step the procedure usually takes next from where the case is."""
        status = self.status(cid)
        if status == "ontvangen":
            self.attempt(actions.decide, self.ws, cid, "ontvankelijk", today=self.today)
        elif status == "ontvankelijk":
            self.send(cid, "verzoek_reactie")
        elif status == "reactie_gevraagd":
            self.file(cid, "reactie_corporatie")
        elif status in ("reactie_ontvangen", "aangehouden"):
            self.attempt(actions.schedule, self.ws, day, [cid], today=self.today, location=location)
        elif status == "zitting_gepland":
            self.attempt(actions.outcome, self.ws, cid, outcome, today=self.today, agreements=["Herstel."],
                         reason="herstel toegezegd" if outcome == "aangehouden" else None,
                         follow_up=self.today + dt.timedelta(days=30) if outcome == "aangehouden" else None)
        elif status == "bemiddeld":
            self.send(cid, "bemiddeling")
        elif status == "advies_uitgebracht":
            self.attempt(actions.decision, self.ws, cid, followed, today=self.today)
        elif status in ("besluit_ontvangen", "niet_ontvankelijk", "ingetrokken", "doorgezonden"):
            self.attempt(actions.close, self.ws, cid, today=self.today)

    # The usual road is offered three times as often as any other rule, so that long lives get walked.
    usual_1 = rule(**USUAL_ARGS)(usual_next_step)
    usual_2 = rule(**USUAL_ARGS)(usual_next_step)
    usual_3 = rule(**USUAL_ARGS)(usual_next_step)

    @rule(cid=case_ids, kind=st.sampled_from(["verzoek_reactie", "ontvangstbevestiging", "bemiddeling",
                                              "niet_ontvankelijk"]))
    def letter_sent(self, cid: str, kind: str) -> None:
        self.send(cid, kind)

    @rule(cid=case_ids, name=st.sampled_from(["ontvangstbevestiging", "reactie", "advies", "besluit"]))
    def deadline_met_by_hand(self, cid: str, name: str) -> None:
        self.attempt(actions.deadline_done, self.ws, cid, name, today=self.today)

    # --- what must always hold --------------------------------------------------------------------

    def snapshot(self) -> None:
        self.seen = {cid: self.ws.history(cid) for cid in IDS}

    def check_history(self) -> None:
        for cid in IDS:
            history = self.ws.history(cid)
            old = self.seen.get(cid, [])
            assert history[: len(old)] == old, f"{cid}: history lost or rewritten"

    @invariant()
    def only_roads_of_the_machine(self) -> None:
        cases = [self.ws.load_case(cid) for cid in IDS]  # one read per step: YAML is slow to parse
        where: dict[str, str] = {}
        when: set[tuple[str, str]] = set()
        for case in cases:
            assert case.status in STATUSES
            status = "ontvangen"
            for ev in self.seen[case.id]:
                if ev.get("event") == "status":
                    assert ev["from"] == status, (case.id, ev)
                    assert ev["to"] in states.TRANSITIONS[status], (case.id, ev)
                    assert ev.get("command") and ev.get("date")
                    status = ev["to"]
            assert status == case.status, f"{case.id}: case.yaml says {case.status}, history says {status}"
            # hearings: a planned case has one; one location per day; one case per slot
            if case.status == "zitting_gepland":
                assert case.hearing is not None, case.id
            if case.hearing:
                assert where.setdefault(case.hearing.date, case.hearing.location) == case.hearing.location
                assert (case.hearing.date, case.hearing.time) not in when, case.id
                when.add((case.hearing.date, case.hearing.time))
            # deadlines: none open once finished
            if case.status in ("gesloten", "ingetrokken"):
                assert open_deadlines(case, self.today) == []
            if case.status == "niet_ontvankelijk":
                assert {i.name for i in open_deadlines(case, self.today)} <= {"ontvangstbevestiging"}
            assert case.admissibility.reason is None or case.admissibility.reason in REASONS


CaseLife.TestCase.settings = settings(max_examples=15, stateful_step_count=40, deadline=None,
                                      suppress_health_check=[HealthCheck.too_slow])
TestCaseLife = CaseLife.TestCase


# --- the same, in memory and many times over: one case, any sequence of steps -----------------------

CONFIG = default_config()
OUTCOMES = ["bemiddeld", "aangehouden", "gegrond", "ongegrond", "gedeeltelijk-gegrond"]

usual = st.tuples(st.just("next"), st.sampled_from(OUTCOMES), st.sampled_from([True, False, None]))
steps = st.one_of(
    usual, usual, usual, usual,
    st.tuples(st.just("decide"), st.sampled_from(["ontvankelijk", "niet-ontvankelijk", "doorsturen"]),
              st.sampled_from([None, "huurprijs", "geen_eerdere_klacht"])),
    st.tuples(st.just("schedule"), st.sampled_from(DAYS), st.sampled_from(["13:30", "14:15"])),
    st.tuples(st.just("unschedule")),
    st.tuples(st.just("outcome"), st.sampled_from(OUTCOMES), st.booleans()),
    st.tuples(st.just("decision"), st.sampled_from([True, False, None])),
    st.tuples(st.just("withdraw")),
    st.tuples(st.just("close")),
    st.tuples(st.just("document"), st.sampled_from(["reactie_corporatie", "intrekking", "besluit_corporatie"])),
    st.tuples(st.just("letter"), st.sampled_from(["verzoek_reactie", "bemiddeling", "ontvangstbevestiging"])),
    st.tuples(st.just("wait"), st.integers(1, 40)),
)


USUAL = {  # status -> the step the procedure usually takes from there
    "ontvangen": ("decide", "ontvankelijk", None),
    "ontvankelijk": ("letter", "verzoek_reactie"),
    "reactie_gevraagd": ("document", "reactie_corporatie"),
    "reactie_ontvangen": ("schedule", DAYS[3], "13:30"),
    "aangehouden": ("schedule", DAYS[6], "14:15"),  # heard again
    "bemiddeld": ("letter", "bemiddeling"),
    "besluit_ontvangen": ("close",),
    "doorgezonden": ("decide", "ontvankelijk", None),
}


def apply(case: Case, history: list[dict[str, Any]], today: dt.date, step: tuple) -> list[dict[str, Any]]:
    name, *args = step
    if name == "next":
        if case.status == "zitting_gepland":
            step = ("outcome", args[0], args[1] is True)
        elif case.status == "advies_uitgebracht":
            step = ("decision", args[1])
        elif case.status == "aangehouden" and args[1] is None:
            step = ("close",)
        elif case.status == "aangehouden" and args[0] != "aangehouden":
            step = ("outcome", args[0], False)
        else:
            step = USUAL.get(case.status, ("close",))
        name, *args = step
    if name == "decide":
        return admissibility.decide(case, args[0], today=today, reason_code=args[1]).events
    if name == "schedule":
        return hearings.schedule_case(case, Hearing(args[0].isoformat(), args[1], "Mitros"), today=today).events
    if name == "unschedule":
        return hearings.unschedule_case(case, history, today=today).events
    if name == "outcome":
        kind, with_parts = args
        return outcomes.record_outcome(
            case, kind, today=today, config=CONFIG, history=history, agreements=["Herstel."],
            reason="herstel" if kind == "aangehouden" else None,
            follow_up=today + dt.timedelta(days=30) if kind == "aangehouden" else None,
            parts=["Lekkage=gegrond", "Schimmel=ongegrond"] if with_parts and kind not in OUTCOMES[:2] else []).events
    if name == "decision":
        return outcomes.record_decision(case, args[0], today=today).events
    if name == "withdraw":
        return outcomes.withdraw(case, today=today).events
    if name == "close":
        return outcomes.close(case, today=today).events
    if name == "document":
        return outcomes.on_document_filed(case, args[0], today)
    if name == "letter":
        return outcomes.on_letter_sent(case, args[0], today)
    return []


@settings(max_examples=1000, deadline=None)
@given(st.lists(steps, max_size=40))
def test_any_sequence_keeps_to_the_machine(sequence):
    case = Case(id="KWRU-2026-001", received="2026-03-02", corporation="Mitros", complainant=Party(name="K"))
    history: list[dict[str, Any]] = []
    today = dt.date(2026, 3, 2)
    for step in sequence:
        if step[0] == "wait":
            today += dt.timedelta(days=step[1])
            continue
        before = case.to_dict()
        try:
            events = apply(case, history, today, step)
        except KwruError:
            assert case.to_dict() == before, f"{step} failed but changed the case"
            continue
        history = history + events
        case.deadlines = compute_deadlines(case, history, CONFIG, today)
        status = "ontvangen"
        for ev in history:
            if ev["event"] == "status":
                assert ev["from"] == status and ev["to"] in states.TRANSITIONS[status], ev
                status = ev["to"]
        assert status == case.status
        if case.status == "zitting_gepland":
            assert case.hearing is not None
        if case.status in ("gesloten", "ingetrokken"):
            assert open_deadlines(case, today) == []


COMMANDS = [
    ("decide", "ontvankelijk", None), ("decide", "niet-ontvankelijk", "huurprijs"), ("decide", "doorsturen", None),
    ("schedule", DAYS[2], "13:30"), ("unschedule",),
    *[("outcome", kind, False) for kind in OUTCOMES],
    ("decision", True), ("withdraw",), ("close",),
    ("document", "reactie_corporatie"), ("document", "besluit_corporatie"), ("document", "intrekking"),
    ("letter", "verzoek_reactie"), ("letter", "bemiddeling"),
]


def test_every_road_of_the_machine_is_taken_by_some_command():
    """The other half: no row of the table is dead. Walk every command from every place a case
    can get to (a place: its status and the two before it) and collect the roads taken."""
    start = Case(id="KWRU-2026-001", received="2026-03-02", corporation="Mitros", complainant=Party(name="K"))
    today = dt.date(2026, 3, 2)
    queue = [(start, [])]
    seen_places: set[tuple[str, ...]] = set()
    roads: set[tuple[str, str]] = set()
    while queue:
        case, history = queue.pop()
        for command in COMMANDS:
            c = Case.from_dict(case.to_dict())
            try:
                events = apply(c, history, today, command)
            except KwruError:
                continue
            moves = [(e["from"], e["to"]) for e in events if e["event"] == "status"]
            roads.update(moves)
            new_history = history + events
            path = tuple(e["to"] for e in new_history if e["event"] == "status")
            place = ("ontvangen", *path)[-3:]
            if moves and place not in seen_places:
                seen_places.add(place)
                queue.append((c, new_history))
    table = {(a, b) for a, tos in states.TRANSITIONS.items() for b in tos}
    assert roads <= table
    assert table - roads == set()
