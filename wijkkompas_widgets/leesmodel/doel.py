"""The common goal as the exercise's summary and the Word report both state it."""

from __future__ import annotations

from collections.abc import Callable

from ..analysis.doel import DOELEN, Doel

ONS_DOEL = "Ons doel: "
ZO_METEN = "Zo meten we het:"
WOONLASTENNEUTRAAL = "Woonlastenneutraal"
VOLGENS_DEFINITIE = "volgens deze definitie: "


def doel_titel(doel: Doel, tekst: Callable[[str], str] = str) -> str:
    """'Aardgasvrij: met de wijk mee in 2035'; ``tekst`` escapes what the team typed (on a page)."""
    titel = DOELEN.get(doel.soort, doel.soort) + (f": {tekst(doel.omschrijving)}" if doel.omschrijving else "")
    return titel + (f" in {doel.streefjaar}" if doel.streefjaar else "")
