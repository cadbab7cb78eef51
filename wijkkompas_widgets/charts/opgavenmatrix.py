"""Opgave × opgave matrix as a heatmap: row 'werken aan …' → column 'effect op …'."""

from __future__ import annotations

import numpy as np
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from .basis import korte_tekst, nieuwe_figuur

# Diverging and colour-blind safe (ColorBrewer PuOr): orange for hindering, purple for helping, and
# every cell also carries its number with a sign, so the colour is never the only carrier.
_KLEUREN = ("#e66101", "#fdb863", "#f7f7f7", "#b2abd2", "#5e3c99")
_TEKSTKLEUR = {-2: "white", -1: "black", 0: "black", 1: "black", 2: "white"}


def _teken(waarde: int) -> str:
    return f"+{waarde}" if waarde > 0 else ("0" if waarde == 0 else f"−{-waarde}")


def opgavenmatrix_figuur(namen: list[str], waarden: list[list[int | None]]) -> Figure:
    """``waarden[i][j]`` is the effect of working on opgave i on opgave j (−2…+2, None = not filled in);
    the diagonal is grey and hatched, an empty cell shows '?'."""
    n = len(namen)
    figuur = nieuwe_figuur(8.5, 0.7 * n + 2.4)
    as_ = figuur.add_subplot()
    raster = np.full((n, n), np.nan)
    for i in range(n):
        for j in range(n):
            if i != j and waarden[i][j] is not None:
                raster[i, j] = waarden[i][j]
    kleuren = ListedColormap(_KLEUREN).with_extremes(bad="white")
    beeld = as_.imshow(np.ma.masked_invalid(raster), cmap=kleuren,
                       norm=BoundaryNorm([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5], kleuren.N), aspect="auto")
    for i in range(n):
        for j in range(n):
            if i == j:
                as_.add_patch(Rectangle((j - 0.5, i - 0.5), 1, 1, facecolor="#bdbdbd", hatch="xx",
                                        edgecolor="#8c8c8c", linewidth=0))
                continue
            waarde = waarden[i][j]
            if waarde is None:
                as_.text(j, i, "?", ha="center", va="center", fontsize=10, color="#777777")
            else:
                as_.text(j, i, _teken(waarde), ha="center", va="center", fontsize=12, fontweight="bold",
                         color=_TEKSTKLEUR[waarde])
    korte = [korte_tekst(naam, 20) for naam in namen]
    as_.set_xticks(range(n), korte, rotation=30, ha="right")
    as_.set_yticks(range(n), korte)
    as_.set_xticks(np.arange(-0.5, n, 1), minor=True)
    as_.set_yticks(np.arange(-0.5, n, 1), minor=True)
    as_.grid(which="minor", color="white", linewidth=2)
    as_.tick_params(which="minor", length=0)
    as_.set_ylabel("Werken aan deze opgave …")
    as_.set_xlabel("… heeft dit effect op deze opgave")
    as_.set_title("Hoe de opgaven elkaar helpen (+) of hinderen (−)")
    balk = figuur.colorbar(beeld, ax=as_, ticks=[-2, -1, 0, 1, 2], shrink=0.8)
    balk.ax.set_yticklabels(["−2 werkt sterk tegen", "−1 werkt tegen", "0 staat los", "+1 versterkt",
                             "+2 versterkt sterk"], fontsize=8)
    return figuur
