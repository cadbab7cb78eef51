"""Progress over the knooppunten per phase: one stacked bar per phase."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from .basis import ARCERINGEN, nieuwe_figuur

# Status -> (colour, hatch). 'Niet gestart' is light grey so the done part stands out.
_STIJL = {
    "Niet gestart": ("#DDDDDD", ""),
    "Gestart": ("#56B4E9", "//"),
    "Gepauzeerd": ("#E69F00", ".."),
    "Afgerond": ("#009E73", ""),
    "Herzien": ("#CC79A7", "xx"),
}


def voortgang_figuur(tabel: pd.DataFrame) -> Figure:
    """Stacked horizontal bars from ``analysis.voortgang.voortgang_per_fase``; counts written in the bars."""
    figuur = nieuwe_figuur(8, 0.7 * len(tabel) + 1.4)
    as_ = figuur.add_subplot()
    fasen = list(tabel.index)[::-1]
    links = pd.Series(0, index=fasen)
    for positie, status in enumerate(tabel.columns):
        kleur, arcering = _STIJL.get(status, ("#999999", ARCERINGEN[positie % len(ARCERINGEN)]))
        waarden = tabel.loc[fasen, status]
        balken = as_.barh(fasen, waarden, left=links, color=kleur, hatch=arcering, edgecolor="#333333", label=status)
        for balk, waarde in zip(balken, waarden, strict=True):
            if waarde:
                as_.text(
                    balk.get_x() + balk.get_width() / 2,
                    balk.get_y() + balk.get_height() / 2,
                    str(int(waarde)),
                    ha="center",
                    va="center",
                    fontsize=9,
                    bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.8},
                )
        links = links + waarden
    as_.set_xlabel("Aantal knooppunten")
    as_.set_title("Voortgang per fase")
    as_.xaxis.get_major_locator().set_params(integer=True)
    as_.legend(loc="upper center", bbox_to_anchor=(0.5, -0.35), ncol=len(tabel.columns), frameon=False, fontsize=9)
    as_.spines[["top", "right"]].set_visible(False)
    return figuur
