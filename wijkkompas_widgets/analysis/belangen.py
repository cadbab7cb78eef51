"""Interests across parties: what is shared, what conflicts, and where one party can serve another.

In the spirit of the Mutual Gains Approach: look at interests, not positions, and first find the
options that create value for several parties before dividing anything.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..dossier.records import PartijBelang

HEEFT_BELANG = ("belang", "beide")
KAN_BIJDRAGEN = ("bijdragen", "beide")


@dataclass(frozen=True)
class Gedeeld:
    belang_id: str
    partijen: tuple[int, ...]


@dataclass(frozen=True)
class Spanning:
    """Two parties pulling in different directions, on one interest or on a known conflict pair."""

    partij_a: int
    belang_a: str
    partij_b: int
    belang_b: str
    toelichting: str


@dataclass(frozen=True)
class Kans:
    """``leverancier`` can contribute to ``belang_id``, which is an interest of ``ontvanger``."""

    leverancier: int
    ontvanger: int
    belang_id: str


@dataclass(frozen=True)
class Ruil:
    """Mutual gain: each party can serve an interest of the other."""

    partij_a: int
    partij_b: int
    a_helpt_b_met: str
    b_helpt_a_met: str


def _per_belang(cellen: Iterable[PartijBelang]) -> dict[str, dict[int, str]]:
    matrix: dict[str, dict[int, str]] = defaultdict(dict)
    for cel in cellen:
        matrix[cel.belang_id][cel.partij_id] = cel.houding
    return matrix


def gedeelde_belangen(cellen: Iterable[PartijBelang]) -> list[Gedeeld]:
    """Interests held by two or more parties, most widely shared first."""
    gedeeld = [
        Gedeeld(belang_id, tuple(sorted(p for p, h in houdingen.items() if h in HEEFT_BELANG)))
        for belang_id, houdingen in _per_belang(cellen).items()
    ]
    gedeeld = [g for g in gedeeld if len(g.partijen) >= 2]
    return sorted(gedeeld, key=lambda g: (-len(g.partijen), g.belang_id))


def spanningen(
    cellen: Iterable[PartijBelang], conflictparen: Iterable[tuple[str, str, str]] = ()
) -> list[Spanning]:
    """(1) One party holds an interest that another says clashes with its own;
    (2) two parties hold the two sides of a known conflict pair (a, b, toelichting)."""
    cellen = list(cellen)
    matrix = _per_belang(cellen)
    gevonden: list[Spanning] = []
    for belang_id, houdingen in sorted(matrix.items()):
        houders = sorted(p for p, h in houdingen.items() if h in HEEFT_BELANG)
        tegen = sorted(p for p, h in houdingen.items() if h == "botst")
        for houder in houders:
            for tegenpartij in tegen:
                gevonden.append(Spanning(houder, belang_id, tegenpartij, belang_id, ""))
    for a, b, toelichting in conflictparen:
        houders_a = sorted(p for p, h in matrix.get(a, {}).items() if h in HEEFT_BELANG)
        houders_b = sorted(p for p, h in matrix.get(b, {}).items() if h in HEEFT_BELANG)
        for pa in houders_a:
            for pb in houders_b:
                if pa != pb:
                    gevonden.append(Spanning(pa, a, pb, b, toelichting))
    return gevonden


def kansen(cellen: Iterable[PartijBelang]) -> list[Kans]:
    """Every (contributor, holder, interest) with contributor != holder."""
    gevonden = []
    for belang_id, houdingen in sorted(_per_belang(cellen).items()):
        houders = [p for p, h in houdingen.items() if h in HEEFT_BELANG]
        leveranciers = [p for p, h in houdingen.items() if h in KAN_BIJDRAGEN]
        gevonden += [Kans(lev, ont, belang_id) for lev in sorted(leveranciers) for ont in sorted(houders) if lev != ont]
    return gevonden


def ruilen(cellen: Iterable[PartijBelang]) -> list[Ruil]:
    """Pairs of parties that can each serve an interest of the other: the strongest mutual-gains options."""
    per_paar: dict[tuple[int, int], list[str]] = defaultdict(list)
    for kans in kansen(cellen):
        per_paar[(kans.leverancier, kans.ontvanger)].append(kans.belang_id)
    gevonden = []
    for (a, b), a_voor_b in sorted(per_paar.items()):
        if a < b and (b, a) in per_paar:
            gevonden.append(Ruil(a, b, a_voor_b[0], per_paar[(b, a)][0]))
    return gevonden


def prioriteiten(cellen: Iterable[PartijBelang]) -> dict[int, list[str]]:
    uitkomst: dict[int, list[str]] = defaultdict(list)
    for cel in cellen:
        if cel.prioriteit:
            uitkomst[cel.partij_id].append(cel.belang_id)
    return dict(uitkomst)


def matrix(cellen: Iterable[PartijBelang]) -> Mapping[tuple[int, str], PartijBelang]:
    return {(c.partij_id, c.belang_id): c for c in cellen}
