"""Samenwerkingsscan charts: a radar of the four factors per organisation, and two rounds side by side."""

from __future__ import annotations

import math
from collections.abc import Sequence

from matplotlib.figure import Figure

from ..analysis.scan import getal
from .basis import ARCERINGEN, KLEUREN, korte_tekst, letterlijk, nieuwe_figuur

SCHAAL_MIN, SCHAAL_MAX = 1, 5
__all__ = ["getal", "radar_figuur", "vergelijking_figuur"]
# Every organisation gets its own colour, marker and line style, so lines differ without colour.
_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "<", ">", "h")
_LIJNSTIJLEN = ("--", ":", "-.", (0, (5, 1, 1, 1, 1, 1)), (0, (1, 3)), (0, (8, 2)))
_GEMIDDELDE_LABEL = "Gemiddelde van alle partners"
_TE_WEINIG = "te weinig\nantwoorden"


def _kort(tekst: str, maximum: int = 32) -> str:
    return korte_tekst(tekst, maximum)


def _nan(waarden: Sequence[float | None]) -> list[float]:
    return [math.nan if w is None else float(w) for w in waarden]


def radar_figuur(
    factoren: Sequence[str],
    profielen: Sequence[tuple[str, Sequence[float | None]]],
    gemiddelde: Sequence[float | None],
    ronde: str,
) -> Figure:
    """One axis per factor (names in ``factoren``), scale 1-5 from the centre out.

    ``profielen``: (organisation, one value per factor) — ``None`` where the organisation has no
    factor score, which leaves a gap in its line. ``gemiddelde``: the overall factor means, drawn
    as a thick solid black line. Each organisation has its own marker and line style, and a legend."""
    figuur = nieuwe_figuur(8.8, 7.4)
    as_ = figuur.add_subplot(projection="polar")
    aantal = len(factoren)
    hoeken = [2 * math.pi * i / aantal for i in range(aantal)]
    gesloten = [*hoeken, hoeken[0]] if hoeken else []
    totaal = _nan(gemiddelde)
    as_.set_theta_offset(math.pi / 2)
    as_.set_theta_direction(-1)
    as_.set_xticks(hoeken)
    # The overall mean is written under each factor name, so the numbers never depend on the lines.
    as_.set_xticklabels(
        [letterlijk(naam) + "\n" + (_TE_WEINIG if math.isnan(w) else "gemiddeld " + getal(w))
         for naam, w in zip(factoren, totaal, strict=True)],
        fontsize=10,
    )
    as_.tick_params(axis="x", pad=10)
    for label, hoek in zip(as_.get_xticklabels(), hoeken, strict=True):
        horizontaal = math.cos(math.pi / 2 - hoek)  # where the label lands: left, centre or right
        label.set_horizontalalignment("left" if horizontaal > 0.1 else "right" if horizontaal < -0.1 else "center")
    as_.set_ylim(0, SCHAAL_MAX)
    as_.set_yticks(range(SCHAAL_MIN, SCHAAL_MAX + 1))
    as_.set_yticklabels([str(w) for w in range(SCHAAL_MIN, SCHAAL_MAX + 1)], fontsize=8, color="#555555")
    as_.set_rlabel_position(45)

    for positie, (organisatie, waarden) in enumerate(profielen):
        punten = _nan(waarden)
        as_.plot(
            gesloten, [*punten, punten[0]] if punten else [],
            color=KLEUREN[positie % len(KLEUREN)],
            marker=_MARKERS[positie % len(_MARKERS)],
            linestyle=_LIJNSTIJLEN[positie % len(_LIJNSTIJLEN)],
            linewidth=1.6, markersize=7, label=_kort(organisatie),
        )
    if any(not math.isnan(w) for w in totaal):
        as_.plot(gesloten, [*totaal, totaal[0]], color="#000000", marker="*", markersize=12, linestyle="-",
                 linewidth=2.8, label=_GEMIDDELDE_LABEL, zorder=5)
    heeft_lijnen = bool(as_.get_lines())
    if heeft_lijnen:
        as_.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize=9, frameon=False)
    titel = "Samenwerkingsscan: profiel per organisatie\n(schaal 1 = laag tot 5 = hoog)"
    figuur.suptitle(titel if heeft_lijnen else titel + "\nnog te weinig antwoorden", fontsize=12)
    figuur.supxlabel(f"Bron: samenwerkingsscan, ronde {letterlijk(ronde)}", x=0.01, ha="left", fontsize=8,
                     color="#555555")
    return figuur


def vergelijking_figuur(
    factoren: Sequence[str],
    eerste: tuple[str, Sequence[float | None]],
    tweede: tuple[str, Sequence[float | None]],
) -> Figure:
    """Grouped bars per factor for two rounds ((round name, one mean per factor) each), with the
    value written on every bar and a hatch on the second round; 'te weinig' where a mean is missing."""
    figuur = nieuwe_figuur(8, 4.6)
    as_ = figuur.add_subplot()
    breedte = 0.38
    posities = list(range(len(factoren)))
    for index, ((naam, waarden), kleur, arcering) in enumerate(
        zip((eerste, tweede), (KLEUREN[4], KLEUREN[0]), (ARCERINGEN[0], ARCERINGEN[1]), strict=True)
    ):
        verschuiving = (index - 0.5) * breedte
        xs = [p + verschuiving for p in posities]
        hoogtes = [0 if w is None else w for w in waarden]
        balken = as_.bar(xs, hoogtes, width=breedte, color=kleur, hatch=arcering, edgecolor="#333333",
                         label=_kort(naam, 40))
        for balk, waarde in zip(balken, waarden, strict=True):
            x = balk.get_x() + balk.get_width() / 2
            if waarde is None:
                as_.text(x, 0.08, "te weinig", ha="center", va="bottom", rotation=90, fontsize=8, color="#333333")
            else:
                as_.text(x, waarde + 0.06, getal(waarde), ha="center", va="bottom", fontsize=9, fontweight="bold")
    as_.set_xticks(posities)
    as_.set_xticklabels([letterlijk(f) for f in factoren])
    as_.set_ylim(0, SCHAAL_MAX + 0.6)
    as_.set_yticks(range(0, SCHAAL_MAX + 1))
    as_.set_ylabel("Gemiddelde (1 = laag, 5 = hoog)")
    as_.set_title(f"Samenwerkingsscan: {_kort(eerste[0], 30)} en {_kort(tweede[0], 30)} per factor")
    as_.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2, frameon=False, fontsize=9)
    as_.spines[["top", "right"]].set_visible(False)
    return figuur
