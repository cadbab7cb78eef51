"""The parties as the exercises and the Word report both describe them: which sporen are still missing, the
macht/belang grid's alt text and a party's salience in words."""

from __future__ import annotations

from collections.abc import Sequence

from ..analysis.partijen import kwadrant, salience_niveau, salience_type
from ..dossier.model import Partij

ALLE_SPOREN = "Alle sporen A–F zijn vertegenwoordigd."


def ontbrekende_sporen_zin(ontbrekend: Sequence[str]) -> str:
    """'Nog niet vertegenwoordigd: spoor A, D.' or, with none missing, that all are."""
    return f"Nog niet vertegenwoordigd: spoor {', '.join(ontbrekend)}." if ontbrekend else ALLE_SPOREN


def raster_alt(geplaatst: Sequence[tuple[str, int, int]]) -> str:
    """The alt text of the macht/belang grid: each placed party (naam, invloed, belang) with its quadrant."""
    beschrijving = "; ".join(
        f"{naam}: invloed {invloed}, belang {belang} ({kwadrant(invloed, belang).naam.lower()})"
        for naam, invloed, belang in geplaatst
    )
    return "Macht/belang-raster. " + (beschrijving or "Nog geen partijen geplaatst.")


def salience_uitkomst(typen, partij: Partij):
    """The stakeholder type of an assessed party and its saillantie ('laag' … 'hoog')."""
    gekozen = salience_type(typen, partij.macht, partij.legitimiteit, partij.urgentie)
    return gekozen, salience_niveau(partij.macht, partij.legitimiteit, partij.urgentie)
