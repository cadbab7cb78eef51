"""Reactions on the wijkuitvoeringsplan: per thema one bar, stacked by what was done with the reactions."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.patches import Patch

from .basis import KLEUREN, korte_tekst, nieuwe_figuur

# per uitkomst a colour AND a hatching, so the bars are readable in black and white too
_STIJL = {
    "open": ("#FFFFFF", "..", "nog open"),
    "overgenomen": (KLEUREN[2], "", "overgenomen"),
    "deels": (KLEUREN[1], "//", "deels overgenomen"),
    "niet": (KLEUREN[0], "xx", "niet overgenomen"),
}


def reacties_figuur(telling: dict[str, dict[str, int]]) -> Figure:
    """Stacked horizontal bars: per thema the number of reactions per uitkomst. Each part has its count
    written in it and the bar ends with the breakdown in words. ``telling`` is
    ``analysis.inspraak.telling(...)``: {thema: {uitkomst: aantal}} in the order to show."""
    themas = list(telling)
    figuur = nieuwe_figuur(8.5, 0.6 * max(len(themas), 1) + 1.9)
    as_ = figuur.add_subplot()
    if not themas:
        as_.text(0.5, 0.5, "Nog geen reacties vastgelegd", ha="center", va="center", transform=as_.transAxes,
                 fontsize=11, color="#555555")
        as_.set_axis_off()
        return figuur
    grootste = max(sum(aantallen.values()) for aantallen in telling.values())
    posities = list(range(len(themas)))[::-1]
    for positie, thema in zip(posities, themas, strict=True):
        links = 0
        woorden = []
        for uitkomst, (kleur, arcering, label) in _STIJL.items():
            aantal = telling[thema].get(uitkomst, 0)
            if not aantal:
                continue
            as_.barh(positie, aantal, left=links, height=0.62, color=kleur, hatch=arcering, edgecolor="#222222",
                     linewidth=0.8)
            as_.text(links + aantal / 2, positie, str(aantal), ha="center", va="center", fontsize=9,
                     fontweight="bold", bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"})
            links += aantal
            woorden.append(f"{aantal} {label}")
        regels = [" · ".join(woorden[i:i + 2]) for i in range(0, len(woorden), 2)]  # at most two per line
        as_.text(links + grootste * 0.02, positie, "\n".join(regels), va="center", fontsize=8.5)
    as_.set_yticks(posities, [korte_tekst(t, 34) for t in themas])
    as_.set_xlim(0, grootste * 2.3 + 1)
    as_.set_ylim(-0.7, len(themas) - 0.3)
    as_.xaxis.get_major_locator().set_params(integer=True)
    as_.set_xlabel("Aantal reacties")
    as_.grid(axis="x", color="#e0e0e0")
    as_.set_axisbelow(True)
    as_.spines[["top", "right"]].set_visible(False)
    figuur.legend(handles=[Patch(facecolor=kleur, hatch=arcering, edgecolor="#222222", label=label)
                           for kleur, arcering, label in _STIJL.values()],
                  loc="outside lower center", ncols=4, fontsize=8.5, frameon=False)
    as_.set_title("Reacties per onderwerp en wat we ermee doen")
    return figuur


def figuur_alt(telling: dict[str, dict[str, int]]) -> str:
    """The chart in words, for screen readers and the alt text in the report."""
    if not telling:
        return "Grafiek: nog geen reacties vastgelegd."
    delen = []
    for thema, aantallen in telling.items():
        woorden = [f"{aantallen[u]} {label}" for u, (_k, _a, label) in _STIJL.items() if aantallen.get(u)]
        delen.append(f"{thema}: {', '.join(woorden)}")
    return "Reacties per onderwerp en uitkomst. " + "; ".join(delen) + "."
