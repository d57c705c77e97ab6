"""Made-up cases in every stage of the procedure, for the letter tests, the benchmark and demos."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .. import dossier
from ..models import (
    Admissibility,
    Case,
    ComplaintPart,
    Document,
    Hearing,
    OutcomeDetails,
    Party,
)
from ..workspace import Workspace

# kwru.yaml ships placeholders for the directie addresses; letters refuse them, so a sample
# workspace gets made-up ones.
_STREETS = ["Postbus 1100", "Postbus 2203", "Postbus 3405", "Postbus 4400", "Postbus 5151"]


def fill_directie_addresses(ws: Workspace) -> None:
    """Replace the placeholder directie addresses in the workspace's kwru.yaml with made-up ones."""
    from ..config import load_config

    path = ws.root / "kwru.yaml"
    text = path.read_text("utf-8")
    n = 0

    def repl(m: re.Match[str]) -> str:
        nonlocal n
        n += 1
        return f"street: {_STREETS[n % len(_STREETS)]}, postcode: \"35{n:02d} AB\""

    text = re.sub(r'street: Postbus \(in te vullen\), postcode: "0000 AA"', repl, text)
    dossier.atomic_write(path, text)
    ws.config = load_config(path)


PEOPLE = [
    ("A. Bakker", "v", "Kerkstraat", "12", "3512 AB", "Utrecht"),
    ("J. Jansen", "m", "Amsterdamsestraatweg", "301 bis", "3551 CC", "Utrecht"),
    ("Jan van der Berg", "m", "Hoofdstraat", "4", "3972 LA", "Driebergen-Rijsenburg"),
    ("M. de Jong-van Beek", "v", "Dorpsstraat", "88", "3732 HJ", "De Bilt"),
    ("Chris Pieters", None, "Lindelaan", "7", "3461 AB", "Linschoten"),
]
CORPS = ["Mitros", "Bo-Ex", "Portaal Utrecht", "Woonstichting SSW", "Jutphaas Wonen"]


def sample_case(ws: Workspace, seq: int, *, status: str = "ontvangen", year: int = 2026,
                received: dt.date = dt.date(2026, 3, 12), name: str | None = None,
                gender: str | None = "", representative: Party | None = None,
                hearing: Hearing | None = None, corporation: str | None = None) -> Case:
    """Write case <prefix>-<year>-<seq> in `status`, with the history and data its letters need."""
    person = PEOPLE[(seq - 1) % len(PEOPLE)]
    cid = ws.config.case_id(year, seq)
    day = received.isoformat()
    complainant = Party(name=name if name is not None else person[0],
                        gender=person[1] if gender == "" else gender,
                        street=person[2], house_number=person[3], postcode=person[4], city=person[5],
                        email=f"klager{seq}@example.nl")
    case = Case(id=cid, status="ontvangen", received=day, complainant=complainant,
                representative=representative, corporation=corporation or CORPS[(seq - 1) % len(CORPS)],
                category="reparatie_onderhoud", admissibility=Admissibility())
    case.documents.append(Document(seq=1, kind="klacht", original_name="klacht.pdf", sha256="0" * 64,
                                   date=(received - dt.timedelta(days=2)).isoformat(), pages=2,
                                   path="documents/001-klacht.pdf", ocr=False, received=f"{day}T10:00:00"))
    events = []
    path = _PATHS[status]

    def at(days: int) -> str:
        return (received + dt.timedelta(days=days)).isoformat()

    prev = "ontvangen"
    for i, st in enumerate(path, 1):
        events.append(dossier.history_event("status", **{"from": prev, "to": st}, command="sample", date=at(7 * i)))
        if st == "reactie_gevraagd":
            events.append(dossier.history_event("letter", kind="verzoek_reactie", to="corporation", date=at(7 * i)))
        prev = st
    case.status = status
    if status in ("niet_ontvankelijk", "doorgezonden"):
        case.admissibility = Admissibility(decision=status, decided=at(7),
                                           reason="huurprijs" if status == "niet_ontvankelijk" else "geen_eerdere_klacht")
    elif path and path[0] == "ontvankelijk":
        case.admissibility = Admissibility(decision="ontvankelijk", decided=at(7))
    if "reactie_ontvangen" in path or status in ("reactie_ontvangen",):
        case.documents.append(Document(seq=2, kind="reactie_corporatie", original_name="reactie.pdf",
                                       sha256="1" * 64, date=at(20), pages=3, path="documents/002-reactie.pdf",
                                       ocr=False, received=f"{at(21)}T09:00:00"))
    if "zitting_gepland" in path:
        case.hearing = hearing or Hearing(date="2026-04-09", time="13:30", location="Kantoor Mitros, Kanaalweg 2, Utrecht")
    if status == "ingetrokken":
        case.documents.append(Document(seq=len(case.documents) + 1, kind="intrekking", original_name="intrekking.eml",
                                       sha256="2" * 64, date=at(30), pages=1, path="documents/003-intrekking.pdf",
                                       ocr=False, received=f"{at(30)}T09:00:00"))
    if status in ("bemiddeld", "aangehouden"):
        case.outcome = status
        case.outcome_details = OutcomeDetails(
            decided="2026-04-09",
            agreements=[f"{case.corporation} herstelt de lekkage aan het dak vóór 1 mei 2026.",
                        "Klager geeft de aannemer op werkdagen tussen 8.00 en 16.00 uur toegang tot de woning."],
            hold_reason="de commissie wil eerst zien dat het herstel geslaagd is." if status == "aangehouden" else None,
            follow_up="2026-06-01" if status == "aangehouden" else None)
    dossier.write_case(ws, case, *events)
    for doc in case.documents:  # one blank page stands in for each document, so enclosures exist
        if doc.path:
            dossier.add_case_file(ws, cid, "documents", Path(doc.path).name, _blank_pdf())
    return case


def _blank_pdf() -> bytes:
    import io

    from pypdf import PdfWriter

    w = PdfWriter()
    w.add_blank_page(595, 842)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def with_advice(ws: Workspace, case_id: str, judgement: str = "gedeeltelijk_gegrond") -> Case:
    """Record an outcome with two judged parts on a case whose hearing took place."""
    def change(case: Case) -> None:
        case.outcome = judgement
        parts = {"gegrond": ["gegrond", "gegrond"], "ongegrond": ["ongegrond", "ongegrond"],
                 "gedeeltelijk_gegrond": ["gegrond", "ongegrond"]}[judgement]
        case.outcome_details = OutcomeDetails(
            decided="2026-04-09",
            parts=[ComplaintPart("De lekkage aan het dak is te laat hersteld", parts[0],
                                 "Vast staat dat klager de lekkage op 3 januari 2026 heeft gemeld. De corporatie heeft "
                                 "pas na tien weken een aannemer gestuurd.\n\nDat is te lang."),
                   ComplaintPart("De medewerker was onvriendelijk aan de telefoon", parts[1],
                                 "Wat er in het telefoongesprek is gezegd, kan de commissie niet vaststellen.")],
            recommendations=["Bied klager een vergoeding van € 150 aan voor het ongemak, binnen 4 weken."],
            general_advice="Controleer het werk van aannemers na afloop van een reparatie.")

    case = dossier.update_case(ws, case_id, change)
    dossier.add_case_file(ws, case_id, "letters", "advies-concept.yaml", ADVICE_POSITIONS.encode("utf-8"))
    return case


ADVICE_POSITIONS = (
    "standpunt_klager: |\n  Klager stelt dat de corporatie de lekkage veel te laat heeft verholpen.\n\n"
    "  Ook voelde klager zich niet serieus genomen.\n"
    "standpunt_corporatie: |\n  De corporatie erkent dat het herstel lang heeft geduurd, door drukte bij de aannemer.\n"
    "feiten:\n  - Klager huurt de woning sinds 2015.\n  - De lekkage is op 3 januari 2026 gemeld.\n"
    "aanwezig: klager en mevrouw K. de Wit namens de corporatie.\n"
)


_PATHS: dict[str, list[str]] = {
    "ontvangen": [],
    "ontvankelijk": ["ontvankelijk"],
    "niet_ontvankelijk": ["niet_ontvankelijk"],
    "doorgezonden": ["doorgezonden"],
    "reactie_gevraagd": ["ontvankelijk", "reactie_gevraagd"],
    "reactie_ontvangen": ["ontvankelijk", "reactie_gevraagd", "reactie_ontvangen"],
    "zitting_gepland": ["ontvankelijk", "reactie_gevraagd", "reactie_ontvangen", "zitting_gepland"],
    "bemiddeld": ["ontvankelijk", "reactie_gevraagd", "reactie_ontvangen", "zitting_gepland", "bemiddeld"],
    "aangehouden": ["ontvankelijk", "reactie_gevraagd", "reactie_ontvangen", "zitting_gepland", "aangehouden"],
    "advies_uitgebracht": ["ontvankelijk", "reactie_gevraagd", "reactie_ontvangen", "zitting_gepland",
                           "advies_uitgebracht"],
    "ingetrokken": ["ontvankelijk", "ingetrokken"],
}
