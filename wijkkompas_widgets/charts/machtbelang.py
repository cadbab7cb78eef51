"""The macht/belang grid with its four quadrants and the parties placed on it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from matplotlib.figure import Figure

from ..analysis.partijen import GRENS_HOOG, KWADRANTEN
from ..dossier.model import SCHAAL_MAX, SCHAAL_MIN
from .basis import korte_tekst, nieuwe_figuur

_MIDDEN = GRENS_HOOG - 0.5
_ACHTERGROND = {
    # quadrant id: (x-range, y-range, colour); x = belang, y = invloed
    "actief-betrekken": ((_MIDDEN, SCHAAL_MAX + 0.5), (_MIDDEN, SCHAAL_MAX + 0.5), "#D55E00"),
    "tevreden-stellen": ((SCHAAL_MIN - 0.5, _MIDDEN), (_MIDDEN, SCHAAL_MAX + 0.5), "#E69F00"),
    "consulteren": ((_MIDDEN, SCHAAL_MAX + 0.5), (SCHAAL_MIN - 0.5, _MIDDEN), "#56B4E9"),
    "informeren": ((SCHAAL_MIN - 0.5, _MIDDEN), (SCHAAL_MIN - 0.5, _MIDDEN), "#999999"),
}


def machtbelang_figuur(punten: Sequence[tuple[str, int, int]]) -> Figure:
    """``punten``: (naam, invloed, belang) per placed party. Names are drawn next to the dots;
    parties on the same spot are listed under each other so no name hides another."""
    figuur = nieuwe_figuur(7.5, 6.2)
    as_ = figuur.add_subplot()
    laag, hoog = SCHAAL_MIN - 0.5, SCHAAL_MAX + 0.5
    for kwadrant_id, ((x0, x1), (y0, y1), kleur) in _ACHTERGROND.items():
        as_.fill_between([x0, x1], y0, y1, color=kleur, alpha=0.12, linewidth=0)
        as_.text(
            x0 + 0.15 if x0 < _MIDDEN else x1 - 0.15,
            y1 - 0.2,
            KWADRANTEN[kwadrant_id].naam,
            ha="left" if x0 < _MIDDEN else "right",
            va="top",
            fontsize=11,
            fontweight="bold",
            color="#333333",
        )
    as_.axhline(_MIDDEN, color="#555555", linewidth=1, linestyle="--")
    as_.axvline(_MIDDEN, color="#555555", linewidth=1, linestyle="--")

    per_plek: dict[tuple[int, int], list[str]] = defaultdict(list)
    for naam, invloed, belang in punten:
        per_plek[(belang, invloed)].append(naam)
    for (belang, invloed), namen in per_plek.items():
        as_.scatter([belang], [invloed], s=70, color="#0072B2", edgecolor="white", zorder=3)
        rechts = belang <= SCHAAL_MAX - 2
        as_.annotate(
            "\n".join(korte_tekst(n, 28) for n in namen),
            (belang, invloed),
            xytext=(8 if rechts else -8, 0),
            textcoords="offset points",
            ha="left" if rechts else "right",
            va="center",
            fontsize=9,
            zorder=4,
            bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "#999999", "alpha": 0.9},
        )
    as_.set_xlim(laag, hoog)
    as_.set_ylim(laag, hoog)
    as_.set_xticks(range(SCHAAL_MIN, SCHAAL_MAX + 1))
    as_.set_yticks(range(SCHAAL_MIN, SCHAAL_MAX + 1))
    as_.set_xlabel("Belang bij de wijkaanpak (1 = weinig, 10 = veel)")
    as_.set_ylabel("Invloed / macht (1 = weinig, 10 = veel)")
    as_.set_title("Macht/belang-raster" if punten else "Macht/belang-raster (nog geen partijen geplaatst)")
    return figuur
