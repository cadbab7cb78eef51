"""Hours per month per party against its capacity: one horizontal bar per party."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..analysis.rollen import Belasting, uren_tekst
from .basis import nieuwe_figuur

_BINNEN = "#0072B2"
_BOVEN = "#D55E00"
_ONBEKEND = "#999999"
BOVEN_TEKST = "boven capaciteit"


def rollen_figuur(belasting: Sequence[Belasting]) -> Figure:
    """Bars of hours per month; the capacity is a black marker line with its value written next
    to it. A bar over capacity is hatched, in another colour, and labelled 'boven capaciteit'."""
    figuur = nieuwe_figuur(8, 0.62 * max(len(belasting), 1) + 2.4)
    as_ = figuur.add_subplot()
    if not belasting:
        as_.set_axis_off()
        as_.set_title("Uren per maand per partij (nog geen partijen)")
        return figuur
    posities = list(range(len(belasting)))
    grootste = max([b.uren for b in belasting] + [b.capaciteit or 0 for b in belasting] + [1])
    for y, regel in zip(posities, belasting, strict=True):
        if regel.boven_capaciteit:
            kleur, arcering = _BOVEN, "//"
        elif regel.capaciteit_bekend:
            kleur, arcering = _BINNEN, ""
        else:
            kleur, arcering = _ONBEKEND, ".."
        as_.barh(y, regel.uren, height=0.5, color=kleur, hatch=arcering, edgecolor="#333333", zorder=2)
        if regel.capaciteit_bekend:
            as_.plot([regel.capaciteit, regel.capaciteit], [y - 0.36, y + 0.36], color="black", linewidth=2.5,
                     zorder=3)
            as_.text(regel.capaciteit, y - 0.4, f"capaciteit {uren_tekst(regel.capaciteit)} u", ha="center",
                     va="bottom", fontsize=7.5, color="black", zorder=4)
        if regel.boven_capaciteit:
            label = f"{uren_tekst(regel.uren)} u — {BOVEN_TEKST} (+{uren_tekst(regel.teveel)} u)"
        elif regel.capaciteit_bekend:
            label = f"{uren_tekst(regel.uren)} u van {uren_tekst(regel.capaciteit)} u"
        else:
            label = f"{uren_tekst(regel.uren)} u — capaciteit onbekend"
        rechts = max(regel.uren, regel.capaciteit or 0)
        as_.text(rechts + grootste * 0.02, y, label, va="center", ha="left", fontsize=9,
                 fontweight="bold" if regel.boven_capaciteit else "normal", zorder=4)
    as_.set_yticks(posities, [_kort(b.partij) for b in belasting])
    as_.invert_yaxis()
    as_.set_xlim(0, grootste * 2.1)
    as_.set_ylim(len(belasting) - 0.4, -0.85)
    as_.set_xlabel("Uren per maand")
    as_.set_title("Inzet per partij tegenover capaciteit")
    as_.spines[["top", "right"]].set_visible(False)
    figuur.legend(
        handles=[
            Patch(facecolor=_BINNEN, edgecolor="#333333", label="binnen capaciteit"),
            Patch(facecolor=_BOVEN, edgecolor="#333333", hatch="//", label=BOVEN_TEKST),
            Patch(facecolor=_ONBEKEND, edgecolor="#333333", hatch="..", label="capaciteit onbekend"),
            Line2D([0], [0], color="black", linewidth=2.5, label="capaciteit (uur per maand)"),
        ],
        loc="outside lower center", ncol=2, frameon=False, fontsize=8.5,
    )
    return figuur


def _kort(naam: str, maximum: int = 30) -> str:
    return naam if len(naam) <= maximum else naam[: maximum - 1] + "…"
