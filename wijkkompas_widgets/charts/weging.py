"""Chart of the weights per party: how each party divides its (normalised) weight over the criteria.

Parties are told apart by colour and hatching, every bar carries its percentage as text, and the joint weights
are drawn as a black outline bar, so the chart also reads in black and white.
"""

from __future__ import annotations

from collections.abc import Mapping

from matplotlib.figure import Figure

from ..analysis.mca import procent
from .basis import ARCERINGEN, KLEUREN, korte_tekst, letterlijk, nieuwe_figuur


def wegingen_figuur(
    per_partij: Mapping[str, Mapping[str, float]],
    namen: Mapping[str, str],
    gezamenlijk: Mapping[str, float] | None = None,
    *,
    titel: str = "Gewicht per criterium, per partij",
) -> Figure:
    """Grouped horizontal bars: one group per criterion (in the order of ``namen``), one bar per party.

    ``per_partij`` maps a party name to its weights (criterion key → share, summing to 1); ``namen`` maps
    criterion keys to their names; ``gezamenlijk`` (optional) are the joint weights, drawn as the first bar
    of every group."""
    criteria = list(namen)
    reeksen: list[tuple[str, Mapping[str, float], dict]] = []
    if gezamenlijk is not None:
        reeksen.append(("Gezamenlijk", gezamenlijk, {"color": "white", "edgecolor": "#000000", "linewidth": 1.4}))
    for index, (partij, gewichten) in enumerate(per_partij.items()):
        reeksen.append((partij, gewichten, {
            "color": KLEUREN[index % len(KLEUREN)], "hatch": ARCERINGEN[(index + 1) % len(ARCERINGEN)],
            "edgecolor": "#333333", "linewidth": 0.6,
        }))
    aantal = max(len(reeksen), 1)
    hoogte_balk = 0.8 / aantal
    figuur = nieuwe_figuur(9, max(2.8, len(criteria) * (0.28 * aantal + 0.35) + 1.8))
    as_ = figuur.add_subplot()
    if not criteria or not reeksen:
        as_.set_axis_off()
        as_.set_title("Nog geen gewichten om te tonen")
        return figuur
    posities = list(range(len(criteria)))[::-1]
    hoogste = 0.0
    for r, (naam, gewichten, stijl) in enumerate(reeksen):
        ys = [p + 0.4 - hoogte_balk * (r + 0.5) for p in posities]
        waarden = [float(gewichten.get(c, 0.0)) * 100 for c in criteria]
        hoogste = max(hoogste, *waarden)
        as_.barh(ys, waarden, height=hoogte_balk * 0.92, label=korte_tekst(naam, 30), **stijl)
        for y, c, waarde in zip(ys, criteria, waarden, strict=True):
            tekst = procent(gewichten[c]) if c in gewichten else "onbekend"
            as_.text(waarde + 0.6, y, tekst, va="center", fontsize=7.5)
    as_.set_yticks(posities, [korte_tekst(namen[c], 32) for c in criteria])
    as_.set_xlim(0, max(10.0, hoogste * 1.18 + 4))
    as_.set_xlabel("Gewicht (procent van de punten van die partij)")
    as_.set_title(letterlijk(titel))
    as_.legend(title="Partij", loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=min(3, aantal), frameon=False,
               fontsize=8.5, title_fontsize=9)
    as_.spines[["top", "right"]].set_visible(False)
    return figuur
