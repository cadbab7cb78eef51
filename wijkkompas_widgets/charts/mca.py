"""Charts of the multicriteria-afweging: the weighted ranking, the ranking per party and the sensitivity.

Every chart carries its numbers as text and tells criteria and strategies apart by hatching, markers and line
styles as well as colour, so it can be read in black and white and by people with colour blindness.
"""

from __future__ import annotations

from collections.abc import Mapping

from matplotlib.figure import Figure

from ..analysis.mca import Gevoeligheid, Rangschikking, getal, procent
from .basis import KLEUREN, korte_tekst, letterlijk, nieuwe_figuur

# 8 colours × 6 hatches: criterion k gets (k mod 8, k mod 6), a distinct pair for up to 24 criteria.
_ARCERINGEN = ("", "//", "..", "xx", "\\\\", "++")
_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "h", "<", ">")
_LIJNSTIJLEN = ("-", "--", ":", "-.", (0, (5, 1, 1, 1)), (0, (1, 3)), (0, (8, 2)), (0, (3, 1, 1, 1, 1, 1)))
_GRIJS = "#555555"


def _stijl_criterium(index: int) -> dict:
    return {"color": KLEUREN[index % len(KLEUREN)], "hatch": _ARCERINGEN[index % len(_ARCERINGEN)],
            "edgecolor": "#333333", "linewidth": 0.6}


def _score(waarde: float) -> str:
    return getal(round(waarde, 2), 2)


def _plaats(rangschikking: Rangschikking, strategie: str) -> str:
    rang = rangschikking.rang[strategie]
    gedeeld = sum(1 for r in rangschikking.rang.values() if r == rang) > 1
    return f"{rang}{' (gedeeld)' if gedeeld else ''}"


def rangschikking_figuur(
    rangschikking: Rangschikking, *, titel: str = "Rangschikking met de gezamenlijke gewichten", schaal_max: float = 5
) -> Figure:
    """Stacked horizontal bars, best on top: each piece is weight × score of one criterion (value written when
    the piece is wide enough), the total and the place are written beside the bar, and every criterion has its
    own colour and hatching with its weight in the legend."""
    volgorde = rangschikking.volgorde
    figuur = nieuwe_figuur(9, 0.6 * len(volgorde) + 2.6)
    as_ = figuur.add_subplot()
    posities = list(range(len(volgorde)))[::-1]
    links = [0.0] * len(volgorde)
    for k, criterium in enumerate(rangschikking.criteria):
        breedtes = [rangschikking.bijdrage[s][criterium] for s in volgorde]
        naam = korte_tekst(rangschikking.namen.get(criterium, criterium), 34)
        gewicht = procent(rangschikking.gewichten[criterium])
        balken = as_.barh(posities, breedtes, left=links, height=0.62, label=f"{naam} ({gewicht})",
                          **_stijl_criterium(k))
        for balk, breedte in zip(balken, breedtes, strict=True):
            if breedte >= 0.32:
                as_.text(balk.get_x() + breedte / 2, balk.get_y() + balk.get_height() / 2, _score(breedte),
                         ha="center", va="center", fontsize=7.5,
                         bbox={"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})
        links = [a + b for a, b in zip(links, breedtes, strict=True)]
    for positie, strategie in zip(posities, volgorde, strict=True):
        as_.text(rangschikking.totaal[strategie] + 0.05, positie,
                 f"{_score(rangschikking.totaal[strategie])}  (plaats {_plaats(rangschikking, strategie)})",
                 va="center", fontsize=9, fontweight="bold")
    as_.set_yticks(posities, [f"{rangschikking.rang[s]}. {korte_tekst(s, 30)}" for s in volgorde])
    as_.set_xlim(0, schaal_max + 1.4)
    as_.set_xticks(range(0, int(schaal_max) + 1))
    as_.set_xlabel(f"Gewogen score (1 = ongunstig, {getal(schaal_max)} = gunstig); elk stuk is gewicht × score")
    as_.set_title(letterlijk(titel))
    as_.legend(title="Criterium (gewicht)", loc="upper center", bbox_to_anchor=(0.5, -0.16 - 0.3 / len(volgorde)),
               ncol=2, frameon=False, fontsize=8.5, title_fontsize=9)
    as_.spines[["top", "right"]].set_visible(False)
    return figuur


def partijen_figuur(
    per_partij: Mapping[str, Rangschikking], gezamenlijk: Rangschikking | None = None
) -> Figure:
    """The order per party side by side: one column per party (the shared weights first), place 1 at the top.
    Every strategy is written at its place with its score, and joined across columns by a line with its own
    marker and line style, so a strategy that moves up or down stands out."""
    kolommen: list[tuple[str, Rangschikking]] = []
    if gezamenlijk is not None:
        kolommen.append(("Gezamenlijk", gezamenlijk))
    kolommen += [(partij, r) for partij, r in per_partij.items()]
    figuur = nieuwe_figuur(max(6.0, 2.6 * len(kolommen) + 1.5), 0.55 * max(
        (len(r.volgorde) for _p, r in kolommen), default=1) + 2.4)
    as_ = figuur.add_subplot()
    if not kolommen:
        as_.set_axis_off()
        as_.set_title("Volgorde per partij: nog geen partij heeft punten verdeeld")
        return figuur
    strategieen = kolommen[0][1].strategieen
    for index, strategie in enumerate(strategieen):
        xs = list(range(len(kolommen)))
        ys = [r.volgorde.index(strategie) + 1 for _p, r in kolommen]
        as_.plot(xs, ys, color=KLEUREN[index % len(KLEUREN)], marker=_MARKERS[index % len(_MARKERS)],
                 linestyle=_LIJNSTIJLEN[index % len(_LIJNSTIJLEN)], linewidth=1.6, markersize=8,
                 markeredgecolor="#222222", label=korte_tekst(strategie, 30))
        for x, y, (_p, r) in zip(xs, ys, kolommen, strict=True):
            as_.text(x + 0.1, y, f"{korte_tekst(strategie, 22)} · {_score(r.totaal[strategie])}",
                     va="center", fontsize=8, zorder=4,
                     bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.9})
    aantal = len(strategieen)
    as_.set_ylim(aantal + 0.6, 0.4)
    as_.set_yticks(range(1, aantal + 1), [f"plaats {p}" for p in range(1, aantal + 1)])
    as_.set_xlim(-0.3, len(kolommen) - 0.1)
    as_.set_xticks(range(len(kolommen)), [korte_tekst(p, 22) for p, _r in kolommen])
    as_.xaxis.tick_top()
    as_.grid(axis="y", color="#e6e6e6")
    as_.set_title("Volgorde van de strategieën per partij (met de eigen gewichten)", pad=28)
    as_.legend(title="Strategie", loc="upper center", bbox_to_anchor=(0.5, -0.04), ncol=min(4, aantal),
               frameon=False, fontsize=8.5, title_fontsize=9)
    as_.spines[["top", "right", "bottom"]].set_visible(False)
    return figuur


def gevoeligheid_figuur(gevoeligheid: Gevoeligheid) -> Figure:
    """Share of first places per strategy over all weight draws, largest on top, percentages written. The
    winner with the shared weights is hatched and says so in words under its bar; 'wint bij' names the parties
    whose own weights make that strategy the winner."""
    volgorde = sorted(gevoeligheid.aandeel_eerste, key=lambda s: -gevoeligheid.aandeel_eerste[s])
    figuur = nieuwe_figuur(9, 0.75 * len(volgorde) + 2.2)
    as_ = figuur.add_subplot()
    posities = list(range(len(volgorde)))[::-1]
    winnen_bij: dict[str, list[str]] = {}
    for partij, winnaars in gevoeligheid.per_partij.items():
        for strategie in winnaars:
            winnen_bij.setdefault(strategie, []).append(korte_tekst(partij, 24))
    for positie, strategie in zip(posities, volgorde, strict=True):
        aandeel = gevoeligheid.aandeel_eerste[strategie]
        winnaar = strategie in gevoeligheid.winnaars
        as_.barh([positie + 0.12], [aandeel * 100], height=0.5, color=KLEUREN[4] if winnaar else KLEUREN[1],
                 hatch="//" if winnaar else "", edgecolor="#333333", linewidth=0.6)
        binnen = aandeel > 0.85
        as_.text(aandeel * 100 - 1 if binnen else aandeel * 100 + 1, positie + 0.12, procent(aandeel),
                 ha="right" if binnen else "left", va="center", fontsize=9, fontweight="bold",
                 bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"} if binnen else None)
        notities = []
        if winnaar:
            notities.append("winnaar met de gezamenlijke gewichten")
        if strategie in winnen_bij:
            partijen = winnen_bij[strategie]
            notities.append("wint met de eigen gewichten van " + ", ".join(partijen[:3])
                            + (f" en nog {len(partijen) - 3}" if len(partijen) > 3 else ""))
        if notities:
            as_.text(0.5, positie - 0.32, " · ".join(notities), va="center", fontsize=7.5, style="italic",
                     color="#222222")
    as_.set_yticks(posities, [korte_tekst(s, 30) for s in volgorde])
    as_.set_ylim(-0.6, len(volgorde) - 0.4)
    as_.set_xlim(0, 108)
    as_.set_xticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])
    as_.set_xlabel("Aandeel van de trekkingen waarin de strategie bovenaan staat")
    as_.set_title(f"Hoe stevig is de winnaar? Oordeel: {gevoeligheid.oordeel}")
    trekkingen = f"{gevoeligheid.n:,}".replace(",", ".")
    voet = (f"{trekkingen} gewichtensets rond de gezamenlijke gewichten, spreiding {procent(gevoeligheid.spreiding)}, "
            f"startgetal {gevoeligheid.seed}.")
    omslag = gevoeligheid.omslag
    if omslag.mogelijk and omslag.procentpunten is not None:
        voet += (f"\nKleinste omslag: na {getal(round(omslag.procentpunten, 1))} procentpunt gewicht verschuiven "
                 f"staat {korte_tekst(omslag.uitdager or '', 24)} gelijk met de winnaar.")
    elif not omslag.mogelijk:
        voet += "\nGeen verschuiving van de gewichten maakt een andere strategie winnaar."
    figuur.supxlabel(voet, x=0.01, ha="left", fontsize=7.5, color=_GRIJS)
    as_.spines[["top", "right"]].set_visible(False)
    return figuur
