"""Extraction: the metadata of one received document (who, which corporation, what kind, which flags).

    layout          where things are: e-mail header lines, heading, salutation, body, signature, quote
    dates           the letter's own date          casenumber   a cited KWRU-2026-007
    corporations    which corporation, and whether it wrote the document
    classify        kind (klacht, reactie, ...) and category, by weighted phrases
    parties         complainant and representative, from addresses, forms, representation, names
    flags           admissibility signals with the sentence that raised them
    patterns        postcodes, phones, e-mail, house numbers, sentences, negation

Each value is a `Field(value, source, confidence)`; the router acts only on confident ones, and a
guess stays below 0.6. Pure regex and rapidfuzz: nothing heavy is loaded, a two-page letter takes
a few milliseconds.
"""

from __future__ import annotations

from ..config import Config
from ..models import EmailHeader, Extracted, Field
from . import layout
from .casenumber import find_case_number
from .classify import classify_category, classify_kind
from .corporations import find_corporation, sender_corporation
from .dates import letter_date
from .flags import NO_NAME, find_flags
from .parties import find_parties

__all__ = ["extract"]

MAX_CHARS = 60_000  # a letter is read from the start; long attachments (reports) add only noise and time
CORPORATION_KINDS = ("reactie_corporatie", "besluit_corporatie")


def extract(text: str, config: Config, *, email: EmailHeader | None = None, source_type: str = "pdf",
            ocr: bool = False) -> Extracted:
    """Extract the fields of one document's text. `email` is the header when the document is an e-mail.

    `source_type` is accepted as the reader reports it; the structure is read from the text itself
    (an e-mail rendered with its header lines is recognised as one). `ocr` makes the reading
    tolerant of scanner slips and lowers the confidences a little.
    """
    text = (text or "")[:MAX_CHARS]
    lay = layout.parse(text, ocr=ocr)
    fields: dict[str, Field] = {}

    date = letter_date(lay, email, ocr=ocr)
    case_number = find_case_number(lay, config, email, ocr=ocr)
    corporation = find_corporation(lay, config, email, ocr=ocr)
    writer = sender_corporation(lay, config, email)
    category, category_total = classify_category(lay, ocr=ocr)
    kind = classify_kind(lay, email, sender_corp=writer, case_number=case_number,
                         category_score=category_total, ocr=ocr)
    if writer and (corporation is None or corporation.value != writer[0] or corporation.confidence < 0.9):
        # a corporation's own letter is about a complaint against that corporation
        corporation = Field(writer[0], writer[1], 0.9 if not ocr else 0.85)
    corporation_writes = writer is not None or (kind.value in CORPORATION_KINDS and kind.confidence >= 0.6)

    fields.update(find_parties(lay, config, email, corporation_writes=corporation_writes, ocr=ocr))
    for key, value in (("corporation", corporation), ("letter_date", date), ("category", category),
                       ("kind", kind), ("case_number", case_number)):
        if value is not None:
            fields[key] = value
    flags = find_flags(lay, letter_date=date, email_date=email.date if email else None,
                       complainant_name=fields.get("complainant.name"), kind=kind.value)
    if "representative.relation" in fields and flags.get("anoniem") == NO_NAME:
        del flags["anoniem"]  # the tenant is known through the person writing for them
    return Extracted(fields=fields, flags=flags)
