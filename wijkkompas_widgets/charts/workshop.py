"""Charts of a live workshop that the phase charts cannot show as they are.

The scan (radar), the weights per organisation (grouped bars) and the koppelkansen ranking reuse the phase
charts unchanged; only macht/belang needs more: the room gives each party a *spread* of places, so the
grid shows the median as the dot and the lowest–highest answer as whiskers in both directions.
"""

from __future__ import annotations

from matplotlib.figure import Figure

from .machtbelang import machtbelang_figuur


def machtbelang_spreiding_figuur(uitslag) -> Figure:
    """The macht/belang grid with each party at the room's median (``workshop.aggregatie.MachtbelangUitslag``),
    a horizontal whisker from the lowest to the highest belang and a vertical one for invloed. The whiskers
    are drawn grey and dashed under the dots, and the title says what they mean, so colour is never needed."""
    partijen = [p for p in uitslag.partijen if p.punt is not None]
    figuur = machtbelang_figuur([p.punt for p in partijen])
    as_ = figuur.axes[0]
    for partij in partijen:
        _naam, invloed, belang = partij.punt
        as_.plot([partij.belang.minimum, partij.belang.maximum], [invloed, invloed], color="#444444",
                 linestyle="--", linewidth=1.1, marker="|", markersize=9, zorder=2)
        as_.plot([belang, belang], [partij.invloed.minimum, partij.invloed.maximum], color="#444444",
                 linestyle="--", linewidth=1.1, marker="_", markersize=9, zorder=2)
    if partijen:
        as_.set_title(f"Macht/belang volgens {uitslag.deelnemers} deelnemer{'s' if uitslag.deelnemers != 1 else ''}\n"
                      "punt = mediaan, streepjeslijn = laagste tot hoogste antwoord", fontsize=10.5)
    else:
        as_.set_title("Macht/belang (nog geen ingediende antwoorden)")
    return figuur
