"""A dossier's change history as the page ('Geschiedenis') and the Word report show it: when (Dutch date and time,
Amsterdam time, whatever the server's clock says), who, in which exercise, and the line itself.

The store writes the lines (``store.geschiedenis`` gives them newest first); the page and the report take their
wording from here, so a line reads the same in both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

if TYPE_CHECKING:
    from ..dossier.model import Wijziging

KOPPEN = ("Wanneer", "Wie", "Onderdeel", "Wat is er gebeurd")
PER_KEER = 50  # lines the page shows at once ('Meer tonen' adds as many)
IN_RAPPORT = 200  # the newest lines the Word report takes
ONBEKEND = "onbekend"  # a line without an author (should not happen; the store always writes one)


def _tijdzone() -> ZoneInfo | None:
    try:
        return ZoneInfo("Europe/Amsterdam")
    except (ZoneInfoNotFoundError, ValueError):  # no time zone data on this machine: the server's own zone
        return None


_AMSTERDAM = _tijdzone()


def moment_tekst(moment: datetime) -> str:
    """'12-03-2026 21:05' in Dutch time (summer and winter time included)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    lokaal = moment.astimezone(_AMSTERDAM) if _AMSTERDAM is not None else moment.astimezone()
    return f"{lokaal:%d-%m-%Y %H:%M}"


def onderdeel_tekst(wijziging: Wijziging, knooppunt_titel: Callable[[str], str]) -> str:
    """The exercise the line belongs to: its part (as the store names it) and, when there is one, the knooppunt."""
    onderdeel = (wijziging.onderdeel or "").strip()
    if not wijziging.knooppunt_id:
        return onderdeel
    titel = knooppunt_titel(wijziging.knooppunt_id)
    if not onderdeel or onderdeel == titel:
        return titel
    return f"{onderdeel} · {titel}"


def wie_tekst(wijziging: Wijziging) -> str:
    return (wijziging.auteur or "").strip() or ONBEKEND


def rij(wijziging: Wijziging, knooppunt_titel: Callable[[str], str]) -> list[str]:
    """One line as plain text cells, in the order of ``KOPPEN``."""
    return [moment_tekst(wijziging.moment), wie_tekst(wijziging), onderdeel_tekst(wijziging, knooppunt_titel),
            wijziging.regel]


def rijen(wijzigingen: Iterable[Wijziging], knooppunt_titel: Callable[[str], str]) -> list[list[str]]:
    return [rij(w, knooppunt_titel) for w in wijzigingen]


def afgekapt_tekst(getoond: int) -> str:
    """The note under a report that shows only the newest lines."""
    return (f"Hier staan de {getoond} nieuwste wijzigingen. De hele geschiedenis staat in het werkboek (op de "
            "welkomstpagina, onder 'Geschiedenis') en in de reservekopie (.json).")
