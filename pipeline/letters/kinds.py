"""The letter kinds of the procedure: who gets them, which template, and what they do to the case."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import TransitionError, UsageError
from ..models import Case

COMPLAINANT = "complainant"  # the klager, or the gemachtigde when the case has one
CORPORATION = "corporation"  # the directie of the corporation complained about
RECIPIENTS = (COMPLAINANT, CORPORATION)
RECIPIENT_SUFFIX = {COMPLAINANT: "klager", CORPORATION: "corporatie"}


@dataclass(frozen=True)
class Kind:
    name: str
    title: str  # Dutch, for listings and the combined print file
    recipients: tuple[str, ...]  # made by default, in this order
    # the statuses in which the letter can be made, with what to do otherwise
    statuses: frozenset[str]
    status_hint: str
    # status -> status the case moves to when this letter is made (states.transition)
    moves: dict[str, str] = field(default_factory=dict)
    # recipient -> template stem; a kind with one template for all uses the kind's name
    templates: dict[str, str] = field(default_factory=dict)
    draft: bool = False  # has a YAML draft (`kwru letter KIND ID --draft`)

    def template_stem(self, recipient: str, case: Case) -> str:
        if self.name == "herinnering":
            return "herinnering-besluit" if case.status == "advies_uitgebracht" else "herinnering-reactie"
        return self.templates.get(recipient, self.name)

    def check_status(self, case: Case) -> None:
        closed_without = self.name == "bemiddeling" and case.status == "gesloten" and case.outcome != "bemiddeld"
        if case.status not in self.statuses or closed_without:
            raise TransitionError(
                f"letter {self.name} for {case.id}: the case is '{case.status}'; {self.status_hint}"
            )


_BEFORE_HEARING = frozenset({"ontvangen", "ontvankelijk", "doorgezonden", "reactie_gevraagd",
                             "reactie_ontvangen", "zitting_gepland"})

KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("ontvangstbevestiging", "Ontvangstbevestiging", (COMPLAINANT,), _BEFORE_HEARING,
         "an acknowledgement is sent before the hearing"),
    Kind("niet_ontvankelijk", "Niet-ontvankelijk", (COMPLAINANT,), frozenset({"niet_ontvankelijk"}),
         "decide first with `kwru decide ID niet-ontvankelijk --reason CODE`"),
    Kind("doorgezonden", "Doorgezonden naar de corporatie", (CORPORATION, COMPLAINANT),
         frozenset({"doorgezonden"}), "decide first with `kwru decide ID doorsturen`",
         templates={CORPORATION: "doorgezonden-corporatie", COMPLAINANT: "doorgezonden-klager"}),
    Kind("verzoek_reactie", "Verzoek om reactie", (CORPORATION,),
         frozenset({"ontvankelijk", "reactie_gevraagd"}),
         "the corporation is asked to react once the complaint is ontvankelijk (`kwru decide ID ontvankelijk`)",
         moves={"ontvankelijk": "reactie_gevraagd"}),
    Kind("kopie_reactie", "Kopie reactie corporatie", (COMPLAINANT,),
         frozenset({"reactie_gevraagd", "reactie_ontvangen", "zitting_gepland"}),
         "the reaction is copied after it was asked for (`kwru letter verzoek_reactie ID`)",
         moves={"reactie_gevraagd": "reactie_ontvangen"}),
    Kind("uitnodiging_zitting", "Uitnodiging zitting", (COMPLAINANT, CORPORATION),
         frozenset({"zitting_gepland"}), "plan the hearing first with `kwru schedule DATE ID`",
         templates={COMPLAINANT: "uitnodiging_zitting-klager", CORPORATION: "uitnodiging_zitting-corporatie"}),
    # The mediation letter closes a settled dossier (brochure: "Wij sluiten uw dossier"); made
    # again later (to one recipient) it finds the case already closed.
    Kind("bemiddeling", "Bemiddeling", (COMPLAINANT, CORPORATION),
         frozenset({"bemiddeld", "aangehouden", "gesloten"}),
         "record the outcome first with `kwru outcome ID bemiddeld` (or aangehouden)",
         moves={"bemiddeld": "gesloten"}, draft=True),
    Kind("advies", "Advies", (CORPORATION,),
         frozenset({"zitting_gepland", "reactie_ontvangen", "aangehouden", "advies_uitgebracht"}),
         "an advice follows the hearing (`kwru outcome ID gegrond|ongegrond|gedeeltelijk-gegrond`)",
         moves={"zitting_gepland": "advies_uitgebracht", "reactie_ontvangen": "advies_uitgebracht",
                "aangehouden": "advies_uitgebracht"}, draft=True),
    Kind("intrekking", "Bevestiging intrekking", (COMPLAINANT,), frozenset({"ingetrokken"}),
         "record the withdrawal first with `kwru withdraw ID`"),
    Kind("herinnering", "Herinnering", (CORPORATION,), frozenset({"reactie_gevraagd", "advies_uitgebracht"}),
         "a reminder is for an overdue reaction (status reactie_gevraagd) or decision (advies_uitgebracht)"),
)}


def get_kind(name: str) -> Kind:
    try:
        return KINDS[name.replace("-", "_")]
    except KeyError:
        raise UsageError(f"unknown letter kind {name!r}; kinds are: {', '.join(KINDS)}") from None


def recipients_for(kind: Kind, to: str | None) -> tuple[str, ...]:
    """The recipients to make: the kind's defaults, or the one asked for with --to."""
    if to is None:
        return kind.recipients
    to = {"klager": COMPLAINANT, "corporatie": CORPORATION, "directie": CORPORATION}.get(to, to)
    if to not in RECIPIENTS:
        raise UsageError(f"--to must be complainant or corporation, not {to!r}")
    if kind.name in ("niet_ontvankelijk", "ontvangstbevestiging", "kopie_reactie", "intrekking") and to != COMPLAINANT:
        raise UsageError(f"letter {kind.name} goes to the complainant only")
    if kind.name in ("verzoek_reactie", "advies", "herinnering") and to != CORPORATION:
        raise UsageError(f"letter {kind.name} goes to the corporation's directie only"
                         + (" (the complainant gets a copy)" if kind.name == "advies" else ""))
    return (to,)
