"""Stakeholder analyses: who covers which spoor, and the macht/belang quadrants."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..content import SPOOR_LETTERS
from ..dossier.model import SCHAAL_MAX, SCHAAL_MIN, Partij

# A score at or above this value counts as 'hoog' on the 1-10 scale: the grid is split in the
# middle, 1-5 low and 6-10 high.
GRENS_HOOG = 6


@dataclass(frozen=True)
class Kwadrant:
    id: str
    naam: str
    aanpak: str


KWADRANTEN = {
    "actief-betrekken": Kwadrant(
        "actief-betrekken",
        "Actief betrekken",
        "Veel invloed en veel belang: maak deze partij mede-eigenaar. Zet haar aan tafel in het "
        "projectteam, besluit samen en stem de belangrijke stappen vooraf met haar af.",
    ),
    "tevreden-stellen": Kwadrant(
        "tevreden-stellen",
        "Tevreden stellen",
        "Veel invloed, minder belang: houd deze partij tevreden zonder haar te overvragen. Vraag op "
        "de beslismomenten om instemming en let op signalen dat haar belang groeit.",
    ),
    "consulteren": Kwadrant(
        "consulteren",
        "Consulteren",
        "Weinig invloed, veel belang: vraag deze partij actief om kennis en mening, bijvoorbeeld in "
        "een klankbordgroep, en laat zien wat er met haar inbreng is gebeurd.",
    ),
    "informeren": Kwadrant(
        "informeren",
        "Informeren",
        "Weinig invloed en weinig belang: houd deze partij op de hoogte met heldere, regelmatige "
        "informatie, zodat zij kan aanhaken als haar belang verandert.",
    ),
}


def kwadrant(invloed: int, belang: int) -> Kwadrant:
    """The quadrant for a place on the grid (both on the 1-10 scale)."""
    for waarde in (invloed, belang):
        if not SCHAAL_MIN <= waarde <= SCHAAL_MAX:
            raise ValueError(f"waarde {waarde} ligt buiten {SCHAAL_MIN}-{SCHAAL_MAX}")
    hoge_invloed = invloed >= GRENS_HOOG
    hoog_belang = belang >= GRENS_HOOG
    if hoge_invloed and hoog_belang:
        return KWADRANTEN["actief-betrekken"]
    if hoge_invloed:
        return KWADRANTEN["tevreden-stellen"]
    if hoog_belang:
        return KWADRANTEN["consulteren"]
    return KWADRANTEN["informeren"]


@dataclass(frozen=True)
class Aanpakregel:
    partij: str
    invloed: int | None
    belang: int | None
    kwadrant: Kwadrant | None


def aanpak_per_partij(partijen: Iterable[Partij]) -> list[Aanpakregel]:
    """One row per party; parties not yet placed have no quadrant."""
    regels = []
    for partij in partijen:
        gekozen = kwadrant(partij.invloed, partij.belang) if partij.geplaatst else None
        regels.append(Aanpakregel(partij.naam, partij.invloed, partij.belang, gekozen))
    return regels


def spoordekking(partijen: Sequence[Partij]) -> dict[str, list[str]]:
    """Per spoor A-F the names of the parties that stand for it (empty list: nobody yet)."""
    dekking: dict[str, list[str]] = {letter: [] for letter in SPOOR_LETTERS}
    for partij in partijen:
        for letter in partij.sporen:
            dekking[letter].append(partij.naam)
    return dekking


def ontbrekende_sporen(partijen: Sequence[Partij]) -> list[str]:
    return [letter for letter, namen in spoordekking(partijen).items() if not namen]


def salience_type(types: Sequence, macht: bool, legitimiteit: bool, urgentie: bool):
    """The salience type (Mitchell, Agle & Wood) for a combination of the three attributes.

    ``types`` are the content's SalienceType objects; each has a distinct set of attributes."""
    gekozen = frozenset(
        naam for naam, aan in (("macht", macht), ("legitimiteit", legitimiteit), ("urgentie", urgentie)) if aan
    )
    return next(t for t in types if t.attributen == gekozen)


def salience_niveau(macht: bool, legitimiteit: bool, urgentie: bool) -> str:
    """Low, moderate or high salience: one, two or three attributes (none: no stakeholder)."""
    aantal = sum((macht, legitimiteit, urgentie))
    return ("geen", "laag", "gemiddeld", "hoog")[aantal]
