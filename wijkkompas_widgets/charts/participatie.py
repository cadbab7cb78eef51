"""The participation matrix as a grid: doelgroep (row) × onderwerp (column), coloured by the step on the
participatieladder. Every cell also carries the step's name, so colour is never the only carrier."""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from ..analysis.participatie import TREDEN
from .basis import korte_tekst, nieuwe_figuur

# Sequential and colour-blind safe (ColorBrewer Blues, light to dark): more influence, darker cell.
KLEUREN = {1: "#eff3ff", 2: "#bdd7e7", 3: "#6baed6", 4: "#3182bd", 5: "#08519c"}
TEKSTKLEUR = {1: "black", 2: "black", 3: "black", 4: "white", 5: "white"}
NAMEN = {t.niveau: t.naam for t in TREDEN}


def participatie_figuur(doelgroepen: list[str], onderwerpen: list[str], raster: list[list[int | None]],
                        onderschriften: list[list[str]] | None = None) -> Figure:
    """``raster[i][j]``: the step 1–5 of doelgroep i on onderwerp j, or None (hatched, 'nog open').
    ``onderschriften``: an optional small second line per cell (for example the channel)."""
    rijen, kolommen = len(doelgroepen), len(onderwerpen)
    figuur = nieuwe_figuur(max(6.5, 1.9 * kolommen + 2.8), 0.75 * max(rijen, 1) + 2.2)
    as_ = figuur.add_subplot()
    for i in range(rijen):
        for j in range(kolommen):
            niveau = raster[i][j]
            onder = onderschriften[i][j] if onderschriften else ""
            if niveau is None:
                as_.add_patch(Rectangle((j, i), 1, 1, facecolor="white", hatch="//", edgecolor="#b0b0b0",
                                        linewidth=0))
                as_.text(j + 0.5, i + 0.5, "nog open", ha="center", va="center", fontsize=8, color="#555555",
                         bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})
                continue
            as_.add_patch(Rectangle((j, i), 1, 1, facecolor=KLEUREN[niveau], edgecolor="none"))
            tekst = f"{niveau} · {NAMEN[niveau].lower()}" + (f"\n{korte_tekst(onder, 22)}" if onder else "")
            as_.text(j + 0.5, i + 0.5, tekst, ha="center", va="center", fontsize=8.5, color=TEKSTKLEUR[niveau],
                     fontweight="bold" if niveau >= 4 else "normal")
    for x in range(kolommen + 1):
        as_.axvline(x, color="white", linewidth=3)
    for y in range(rijen + 1):
        as_.axhline(y, color="white", linewidth=3)
    as_.set_xlim(0, max(kolommen, 1))
    as_.set_ylim(max(rijen, 1), 0)
    as_.set_xticks([j + 0.5 for j in range(kolommen)], [_regels(o, 18) for o in onderwerpen], fontsize=9)
    as_.set_yticks([i + 0.5 for i in range(rijen)], [_regels(d, 30) for d in doelgroepen], fontsize=9)
    as_.tick_params(length=0)
    for kant in as_.spines.values():
        kant.set_visible(False)
    as_.set_title("Hoeveel invloed elke doelgroep per onderwerp krijgt")
    legenda = [Patch(facecolor=KLEUREN[n], edgecolor="#777777", label=f"{n} · {NAMEN[n]}") for n in KLEUREN]
    legenda.append(Patch(facecolor="white", edgecolor="#b0b0b0", hatch="//", label="nog open"))
    as_.legend(handles=legenda, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False,
               title="Trede op de ladder", title_fontsize=8.5)
    if not rijen or not kolommen:
        as_.text(0.5, 0.5, "Nog geen doelgroepen of onderwerpen", ha="center", va="center", transform=as_.transAxes)
    return figuur


def _regels(tekst: str, breedte: int) -> str:
    """A label over at most three lines instead of cut off (user text, drawn literally)."""
    regels = textwrap.wrap(korte_tekst(tekst, 3 * breedte), breedte, break_long_words=False) or [""]
    return "\n".join(regels[:3])


def participatie_alt(doelgroepen: list[str], onderwerpen: list[str], raster: list[list[int | None]]) -> str:
    """The chart in words, for screen readers and the report."""
    delen = []
    for i, doelgroep in enumerate(doelgroepen):
        cellen = [f"{onderwerp}: {NAMEN[raster[i][j]].lower() if raster[i][j] else 'nog open'}"
                  for j, onderwerp in enumerate(onderwerpen)]
        delen.append(f"{doelgroep} — " + ", ".join(cellen))
    return "Raster van doelgroepen en onderwerpen met de trede op de participatieladder. " + "; ".join(delen)
