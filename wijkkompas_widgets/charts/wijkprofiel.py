"""Wijkprofiel charts: the 'wijk-DNA' (index against NL = 100) and a map of the gemeente's wijken.

Every figure carries the CBS attribution (CC BY 4.0 asks for it) and never relies on colour alone: bars
above and below NL differ in hatch and have their value written next to them; the chosen wijk on the map
is hatched, outlined and named.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import blended_transform_factory

from ..analysis.wijkprofiel import Wijkprofiel, dna_regels, opmaak
from ..cbs.data import Gebied
from .basis import KLEUREN, korte_tekst, letterlijk, nieuwe_figuur

INDEX_MAX = 250  # bars longer than 2.5× NL are cut off (with an arrow); the label keeps the true index
_GRIJS = "#555555"


def _bronregel(figuur: Figure, tekst: str) -> None:
    figuur.supxlabel(letterlijk(tekst), x=0.01, ha="left", fontsize=8, color=_GRIJS)


def wijk_dna(profiel: Wijkprofiel) -> Figure:
    """Horizontal bars from NL = 100 to the wijk's index per indicator, the gemeente as a black diamond,
    and the wijk's own value and index written at the right of every bar.

    Fixed margins instead of constrained layout: this chart is redrawn at every wijk switch, and the
    layout pass would draw all texts twice."""
    regels = dna_regels(profiel)
    rijen = max(len(regels), 2)
    hoogte = 1.5 + 0.36 * rijen
    figuur = Figure(figsize=(9.4, hoogte), dpi=100)
    figuur.subplots_adjust(left=3.5 / 9.4, right=1 - 2.2 / 9.4, top=1 - 0.4 / hoogte, bottom=1.05 / hoogte)
    as_ = figuur.add_subplot()
    naam = korte_tekst(profiel.naam, 50)
    figuur.suptitle(f"Wijk-DNA: {naam} vergeleken met Nederland (= 100)", fontsize=11, y=1 - 0.08 / hoogte,
                    va="top")
    figuur.text(0.01, 0.12 / hoogte, letterlijk(f"{profiel.bron}. Nederland: berekend uit alle gemeenten."),
                fontsize=7.5, color=_GRIJS)
    if not regels:
        as_.text(0.5, 0.5, "Geen cijfers om met Nederland te vergelijken", ha="center", va="center",
                 transform=as_.transAxes, fontsize=11)
        as_.set_axis_off()
        return figuur
    posities = list(range(len(regels)))[::-1]  # first indicator on top
    eindes = [min(max(r.wijk_index, 0), INDEX_MAX) for r in regels]
    for boven, kleur, arcering in ((True, KLEUREN[4], "//"), (False, KLEUREN[0], "..")):
        gekozen = [i for i, r in enumerate(regels) if (r.wijk_index >= 100) == boven]
        if gekozen:
            as_.barh([posities[i] for i in gekozen], [eindes[i] - 100 for i in gekozen], left=100, height=0.62,
                     color=kleur, hatch=arcering, edgecolor="#333333", linewidth=0.6)
    te_lang = [posities[i] for i, r in enumerate(regels) if r.wijk_index > INDEX_MAX]
    if te_lang:
        as_.plot([INDEX_MAX + 4] * len(te_lang), te_lang, marker=">", color="#333333", linestyle="none",
                 markersize=7)
    gemeente = [(min(max(r.gemeente_index, 0), INDEX_MAX), y)
                for r, y in zip(regels, posities, strict=True)
                if r.gemeente_index is not None and profiel.soort != "gemeente"]
    if gemeente:
        as_.plot([x for x, _y in gemeente], [y for _x, y in gemeente], marker="D", color="#000000",
                 markersize=6, linestyle="none", zorder=5)
    rechts = blended_transform_factory(as_.transAxes, as_.transData)
    for y, regel in zip(posities, regels, strict=True):
        teken = "▲" if regel.wijk_index >= 100 else "▼"
        as_.text(1.02, y, f"{teken} {letterlijk(opmaak(regel.key, regel.wijk))} (index {regel.wijk_index:.0f})",
                 transform=rechts, va="center", ha="left", fontsize=9)
    as_.axvline(100, color="#000000", linewidth=1.4)
    as_.set_yticks(posities)
    as_.set_yticklabels([letterlijk(r.label) for r in regels], fontsize=9)
    as_.set_xlim(0, INDEX_MAX + 12)
    as_.set_xticks([0, 50, 100, 150, 200, 250])
    as_.set_ylim(-0.7, len(regels) - 0.3)
    as_.set_xlabel("Index: Nederland = 100 (▲ hoger dan NL, ▼ lager dan NL)", fontsize=9)
    as_.spines[["top", "right"]].set_visible(False)
    legenda = [
        Patch(facecolor=KLEUREN[4], hatch="//", edgecolor="#333333", label="wijk hoger dan NL"),
        Patch(facecolor=KLEUREN[0], hatch="..", edgecolor="#333333", label="wijk lager dan NL"),
    ]
    if gemeente:
        legenda.append(Line2D([], [], marker="D", color="#000000", linestyle="none",
                              label=f"gemeente {korte_tekst(profiel.gemeentenaam, 30)}"))
    figuur.legend(handles=legenda, loc="lower center", bbox_to_anchor=(0.5, 0.3 / hoogte), ncol=len(legenda),
                  fontsize=8, frameon=False)
    return figuur


def _ringen(geometrie: dict) -> list[list[tuple[float, float]]]:
    """Outer rings of a GeoJSON Polygon or MultiPolygon (holes are left out: at this scale they do not show)."""
    soort = geometrie.get("type")
    coordinaten = geometrie.get("coordinates") or []
    if soort == "Polygon":
        veelhoeken = [coordinaten]
    elif soort == "MultiPolygon":
        veelhoeken = coordinaten
    else:
        return []
    return [[(float(p[0]), float(p[1])) for p in veelhoek[0]] for veelhoek in veelhoeken if veelhoek]


def _oppervlak_en_zwaartepunt(ring: Sequence[tuple[float, float]]) -> tuple[float, float, float]:
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        kruis = x1 * y2 - x2 * y1
        a += kruis
        cx += (x1 + x2) * kruis
        cy += (y1 + y2) * kruis
    if abs(a) < 1e-15:
        xs, ys = zip(*ring, strict=True)
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(a) / 2, cx / (3 * a), cy / (3 * a)


def labelpunt(geometrie: dict) -> tuple[float, float] | None:
    """Where to write a name: the centroid of the largest part."""
    delen = [_oppervlak_en_zwaartepunt(r) for r in _ringen(geometrie) if len(r) >= 3]
    if not delen:
        return None
    _a, x, y = max(delen)
    return x, y


def wijkkaart(gebieden: Sequence[Gebied], gekozen: str | None, *, titel: str, bron: str,
              uitleg: str = "", soort: str = "wijk") -> Figure:
    """Grey outlines of all ``gebieden`` (wijken of a gemeente, or the gemeenten of NL), the ``gekozen`` one
    hatched, outlined and named. Aspect corrected for latitude, so the Netherlands is not stretched."""
    breed = len(gebieden) > 60  # the NL overview
    figuur = nieuwe_figuur(6.4 if breed else 7.2, 7.2 if breed else 6.0)
    as_ = figuur.add_subplot()
    if uitleg:
        figuur.suptitle(letterlijk(titel), fontsize=11)
        as_.set_title(letterlijk(uitleg), fontsize=8.5, color="#333333")
    else:
        as_.set_title(letterlijk(titel), fontsize=11)
    andere = [r for g in gebieden if g.code != gekozen for r in _ringen(g.geometrie)]
    keuze = next((g for g in gebieden if g.code == gekozen), None)
    alle = andere + ([r for r in _ringen(keuze.geometrie)] if keuze else [])
    if not alle:
        as_.text(0.5, 0.5, "Geen grenzen om te tekenen", ha="center", va="center", transform=as_.transAxes)
        as_.set_axis_off()
        _bronregel(figuur, bron)
        return figuur
    as_.add_collection(PolyCollection(andere, facecolors="#eeeeee", edgecolors="#777777",
                                      linewidths=0.25 if breed else 0.7))
    legenda = [Patch(facecolor="#eeeeee", edgecolor="#777777", label=f"andere {'gemeenten' if breed else 'wijken'}")]
    if keuze is not None:
        as_.add_collection(PolyCollection(_ringen(keuze.geometrie), facecolors=KLEUREN[0], edgecolors="#000000",
                                          linewidths=1.8, hatch="///", zorder=3))
        legenda.insert(0, Patch(facecolor=KLEUREN[0], hatch="///", edgecolor="#000000",
                                label=f"gekozen {soort}: {korte_tekst(keuze.naam, 40)}"))
    if not breed:
        for gebied in gebieden:
            punt = labelpunt(gebied.geometrie)
            if punt is None or gebied.code == gekozen:
                continue
            as_.text(*punt, letterlijk(gebied.code[-2:]), ha="center", va="center", fontsize=7, color=_GRIJS)
    if keuze is not None:
        punt = labelpunt(keuze.geometrie)
        if punt is not None:
            as_.text(*punt, korte_tekst(keuze.naam, 32), ha="center", va="center", fontsize=9, fontweight="bold",
                     zorder=6, bbox={"boxstyle": "round,pad=0.25", "facecolor": "#ffffff", "edgecolor": "#000000",
                                     "alpha": 0.9})
    xs = [x for ring in alle for x, _y in ring]
    ys = [y for ring in alle for _x, y in ring]
    marge_x, marge_y = (max(xs) - min(xs)) * 0.03, (max(ys) - min(ys)) * 0.03
    as_.set_xlim(min(xs) - marge_x, max(xs) + marge_x)
    as_.set_ylim(min(ys) - marge_y, max(ys) + marge_y)
    as_.set_aspect(1 / math.cos(math.radians((min(ys) + max(ys)) / 2)))
    as_.set_axis_off()
    as_.legend(handles=legenda, loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=1, fontsize=8,
               frameon=False)
    _bronregel(figuur, bron)
    return figuur
