"""Opgave × opgave matrix (phase 3): how strongly working on one opgave helps or hinders another in this
wijk, from -2 (werkt sterk tegen) to +2 (versterkt sterk). A cell is directed: row *van* → column
*naar*, so 'warmtenet aanleggen helpt vergroenen' and 'vergroenen hindert het warmtenet' can both be
true. An empty cell is 'nog niet ingevuld' (onbekend), never 0.

The summary looks at each pair of opgaven once, whatever order they are given in:

- *versterken*: no direction is negative and at least one positive;
- *botsen*: no direction is positive and at least one negative;
- *scheef* (asymmetric): one direction helps and the other hinders; worth a talk of its own.

Within each list the strongest come first (sum of the known directions, then the strongest single
direction), ties in the workbook's order of the opgaven.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..dossier.model import InvoerFout

WAARDEN: tuple[tuple[int, str], ...] = (
    (-2, "werkt sterk tegen"),
    (-1, "werkt tegen"),
    (0, "staat los"),
    (1, "versterkt"),
    (2, "versterkt sterk"),
)
LABELS = dict(WAARDEN)
MAX_NOTITIES = 2000
MAX_ZINNEN = 5


def teken(waarde: int | None) -> str:
    """'+2', '+1', '0', '−1', '−2' (a real minus sign) or '?' for onbekend."""
    if waarde is None:
        return "?"
    return f"+{waarde}" if waarde > 0 else ("0" if waarde == 0 else f"−{-waarde}")


def controleer_waarde(waarde: object) -> int | None:
    if waarde is None:
        return None
    if isinstance(waarde, bool) or not isinstance(waarde, int) or waarde not in LABELS:
        raise InvoerFout("Kies een waarde van −2 (werkt sterk tegen) tot en met +2 (versterkt sterk).")
    return waarde


def lees_matrix(gegevens: Mapping, opgave_ids: Sequence[str]) -> dict[tuple[str, str], int | None]:
    """All off-diagonal cells from the saved form ``{van: {naar: waarde}}``; tolerant of anything
    unusable (that cell is onbekend)."""
    matrix: dict[tuple[str, str], int | None] = {}
    for van in opgave_ids:
        rij = gegevens.get(van) if isinstance(gegevens.get(van), Mapping) else {}
        for naar in opgave_ids:
            if van == naar:
                continue
            waarde = rij.get(naar)
            matrix[(van, naar)] = waarde if (isinstance(waarde, int) and not isinstance(waarde, bool)
                                             and waarde in LABELS) else None
    return matrix


@dataclass(frozen=True)
class Paar:
    a: str  # first in the workbook's order
    b: str
    heen: int | None  # a → b
    terug: int | None  # b → a

    @property
    def bekend(self) -> tuple[int, ...]:
        return tuple(v for v in (self.heen, self.terug) if v is not None)

    @property
    def soort(self) -> str | None:
        bekend = self.bekend
        if any(v > 0 for v in bekend) and any(v < 0 for v in bekend):
            return "scheef"
        if any(v > 0 for v in bekend):
            return "versterken"
        if any(v < 0 for v in bekend):
            return "botsen"
        return None


@dataclass(frozen=True)
class MatrixSamenvatting:
    versterken: tuple[str, ...]
    botsen: tuple[str, ...]
    scheef: tuple[str, ...]
    ingevuld: int
    totaal: int

    @property
    def leeg(self) -> bool:
        return self.ingevuld == 0


def _richting_zin(van: str, naar: str, waarde: int) -> str:
    return f"werken aan {van} {LABELS[waarde]} {naar} ({teken(waarde)})" if waarde != 0 else \
        f"werken aan {van} staat los van {naar} (0)"


def _zin(paar: Paar, namen: Mapping[str, str]) -> str:
    a, b = namen.get(paar.a, paar.a), namen.get(paar.b, paar.b)
    if paar.soort == "scheef":
        return (f"Scheef: {_richting_zin(a, b, paar.heen)}, maar {_richting_zin(b, a, paar.terug)}. "
                "Bespreek hoe je de ene opgave oppakt zonder de andere te schaden.")
    if paar.heen is not None and paar.terug is not None and paar.heen == paar.terug != 0:
        sterk = " sterk" if abs(paar.heen) == 2 else ""
        werkwoord = f"versterken elkaar{sterk}" if paar.heen > 0 else f"werken elkaar{sterk} tegen"
        return f"{a} en {b} {werkwoord} ({teken(paar.heen)} in beide richtingen)."
    richtingen = sorted(((a, b, paar.heen), (b, a, paar.terug)), key=lambda r: r[2] is None)  # known first
    delen = [f"andersom ({van} → {naar}) is nog niet ingevuld" if waarde is None else _richting_zin(van, naar, waarde)
             for van, naar, waarde in richtingen]
    zin = "; ".join(delen)
    return zin[0].upper() + zin[1:] + "."


def paren(matrix: Mapping[tuple[str, str], int | None], opgave_ids: Sequence[str]) -> list[Paar]:
    """Every unordered pair of opgaven once, in the workbook's order."""
    uitkomst = []
    for i, a in enumerate(opgave_ids):
        for b in opgave_ids[i + 1:]:
            uitkomst.append(Paar(a, b, matrix.get((a, b)), matrix.get((b, a))))
    return uitkomst


def samenvatting(matrix: Mapping[tuple[str, str], int | None], opgave_ids: Sequence[str],
                 namen: Mapping[str, str], maximum: int = MAX_ZINNEN) -> MatrixSamenvatting:
    """Strongest mutual help, strongest clashes and the asymmetric pairs, as Dutch sentences. The
    sentences contain opgave names from content; escape them before putting them in HTML anyway."""
    alle = paren(matrix, opgave_ids)
    volgorde = {o: i for i, o in enumerate(opgave_ids)}

    def sterkte(paar: Paar, kant: int) -> tuple:
        return (-kant * sum(paar.bekend), -max(kant * v for v in paar.bekend), volgorde[paar.a], volgorde[paar.b])

    versterken = sorted((p for p in alle if p.soort == "versterken"), key=lambda p: sterkte(p, 1))
    botsen = sorted((p for p in alle if p.soort == "botsen"), key=lambda p: sterkte(p, -1))
    scheef = sorted((p for p in alle if p.soort == "scheef"),
                    key=lambda p: (-sum(abs(v) for v in p.bekend), volgorde[p.a], volgorde[p.b]))
    ingevuld = sum(1 for (van, naar), v in matrix.items() if van != naar and v is not None)
    totaal = len(opgave_ids) * (len(opgave_ids) - 1)
    return MatrixSamenvatting(
        tuple(_zin(p, namen) for p in versterken[:maximum]),
        tuple(_zin(p, namen) for p in botsen[:maximum]),
        tuple(_zin(p, namen) for p in scheef[:maximum]),
        ingevuld, totaal,
    )
