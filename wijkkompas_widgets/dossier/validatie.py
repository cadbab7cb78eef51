"""Pure checks of user input, shared by the store (the last line of defence) and widgets."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime

from ..content import SPOOR_LETTERS
from .model import SCHAAL_MAX, SCHAAL_MIN, STATUS_LABELS, InvoerFout, PartijInvoer

MAX_NAAM = 80
MAX_KORT = 120
MAX_TOELICHTING = 2000
MAX_FORMULIER = 50_000  # characters of one saved form (JSON)
MAX_UREN = 744  # hours in a month of 31 days
_WITRUIMTE = re.compile(r"\s+")
_DOSSIER_ID = re.compile(r"^[0-9a-f]{12}$")


def schone_tekst(waarde: object, veld: str, *, maximum: int, verplicht: bool = False) -> str:
    """Trim and check one text field; raise InvoerFout with a Dutch message if it is unusable."""
    tekst = "" if waarde is None else str(waarde)
    if any(unicodedata.category(teken) == "Cc" and teken not in "\n\t" for teken in tekst):
        raise InvoerFout(f"{veld} bevat onzichtbare stuurtekens; typ de tekst opnieuw.")
    tekst = tekst.strip()
    if "\n" not in tekst:
        tekst = _WITRUIMTE.sub(" ", tekst)
    if verplicht and not tekst:
        raise InvoerFout(f"{veld} is verplicht.")
    if len(tekst) > maximum:
        raise InvoerFout(f"{veld} is te lang ({len(tekst)} tekens); maximaal {maximum} tekens.")
    return tekst


def naam_sleutel(naam: str) -> str:
    """The form under which two party names count as the same ('Gemeente  X' == 'gemeente x')."""
    return _WITRUIMTE.sub(" ", naam).strip().casefold()


def controleer_partij(invoer: PartijInvoer, bekende_types: set[str]) -> PartijInvoer:
    """Return the cleaned input, or raise InvoerFout."""
    naam = schone_tekst(invoer.naam, "De naam van de partij", maximum=MAX_NAAM, verplicht=True)
    if invoer.type not in bekende_types:
        raise InvoerFout("Kies een soort partij uit de lijst.")
    organisatie = schone_tekst(invoer.organisatie, "De organisatie", maximum=MAX_KORT)
    contactrol = schone_tekst(invoer.contactrol, "De contactrol", maximum=MAX_KORT)
    onbekend = [s for s in invoer.sporen if s not in SPOOR_LETTERS]
    if onbekend:
        raise InvoerFout(f"Onbekend spoor: {', '.join(map(str, onbekend))}. Kies uit A tot en met F.")
    sporen = tuple(s for s in SPOOR_LETTERS if s in set(invoer.sporen))
    return PartijInvoer(naam, invoer.type, organisatie, contactrol, sporen)


def controleer_schaal(waarde: object, veld: str) -> int:
    if isinstance(waarde, bool) or not isinstance(waarde, int) or not SCHAAL_MIN <= waarde <= SCHAAL_MAX:
        raise InvoerFout(f"{veld} moet een geheel getal van {SCHAAL_MIN} tot en met {SCHAAL_MAX} zijn.")
    return waarde


def controleer_uren(waarde: object, veld: str) -> float:
    """Hours per month: a number from 0 up to the hours in a month."""
    if isinstance(waarde, bool) or not isinstance(waarde, (int, float)) or waarde != waarde:
        raise InvoerFout(f"{veld} moet een aantal uren zijn.")
    if not 0 <= waarde <= MAX_UREN:
        raise InvoerFout(f"{veld} moet tussen 0 en {MAX_UREN} uur per maand liggen.")
    return float(waarde)


def controleer_status(status: str) -> str:
    if status not in STATUS_LABELS:
        raise InvoerFout("Onbekende status; kies uit: " + ", ".join(STATUS_LABELS.values()).lower() + ".")
    return status


def is_dossier_id(waarde: str) -> bool:
    return bool(_DOSSIER_ID.match(waarde or ""))


def is_rij_id(waarde: object) -> bool:
    """A row id as a page hands it over: an int, and not a bool (``True == 1`` must not find row 1)."""
    return isinstance(waarde, int) and not isinstance(waarde, bool)


# -- texts the store writes itself (automatic besluitenlog entries) ---------------------------------------
def kort(tekst: str, maximum: int) -> str:
    """``tekst`` cut to ``maximum`` characters with an ellipsis, so a generated text always fits its field."""
    return tekst if len(tekst) <= maximum else tekst[: maximum - 1].rstrip(" ,") + "…"


def datum(moment: datetime) -> str:
    """A date as people here read it (day-month-year, in the server's time zone, not UTC)."""
    return f"{moment.astimezone():%d-%m-%Y}"
