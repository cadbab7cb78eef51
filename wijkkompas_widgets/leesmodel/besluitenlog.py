"""The besluitenlog as the page and the reports show it: the dates, numbers, kinds and notes of every entry.

The log exercise, the weging and the chosen energy system on the page, the Word report and the WUP sheets all
cite decisions by their volgnummer and date; they take the wording from here, so a decision reads the same
everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from ..dossier.records import BESLUIT_SOORT_LABELS

if TYPE_CHECKING:
    from ..dossier.records import Besluit

_SOORT_SYMBOOL = {"besluit": "✔", "automatisch": "⚙", "correctie": "✎"}
KOPPEN = ("Nr.", "Datum", "Soort", "Wat", "Wie waren erbij", "Vastgelegd door", "Onderbouwing", "Knooppunt",
          "Afwijkend standpunt", "Opmerking")


def datum(moment: datetime, *, tijd: bool = False) -> str:
    """A stored (UTC) moment as people here read it: day-month-year in the server's time zone."""
    lokaal = moment.astimezone()
    return f"{lokaal:%d-%m-%Y %H:%M}" if tijd else f"{lokaal:%d-%m-%Y}"


def besluitnummers(besluiten: list[Besluit]) -> dict[int, int]:
    """Database id → volgnummer (the number people see and cite)."""
    return {b.id: b.volgnummer for b in besluiten}


def soort_tekst(besluit: Besluit, nummers: dict[int, int]) -> str:
    label = BESLUIT_SOORT_LABELS.get(besluit.soort, besluit.soort)
    if besluit.soort == "correctie" and besluit.corrigeert_id in nummers:
        label = f"Correctie van nr. {nummers[besluit.corrigeert_id]}"
    return f"{_SOORT_SYMBOOL.get(besluit.soort, '')} {label}".strip()


def opmerking_tekst(besluit: Besluit, nummers: dict[int, int]) -> str:
    if not besluit.gecorrigeerd_door:
        return ""
    door = ", ".join(f"nr. {nummers[i]}" for i in besluit.gecorrigeerd_door if i in nummers)
    return f"⚠ Gecorrigeerd door {door}"


def log_rijen(besluiten: list[Besluit], knooppunt_titel: Callable[[str], str]) -> list[list[str]]:
    """The log as rows of plain text (for the table, the CSV and the report); a missing text is left empty (also
    who recorded an entry from before the werkboek kept that)."""
    nummers = besluitnummers(besluiten)
    return [[
        str(b.volgnummer), datum(b.moment, tijd=True), soort_tekst(b, nummers), b.wat, b.aanwezig, b.auteur,
        b.onderbouwing,
        knooppunt_titel(b.knooppunt_id) if b.knooppunt_id else "", b.afwijkend, opmerking_tekst(b, nummers),
    ] for b in besluiten]
