"""Timeline of the besluitvormingsplanning: one lane per party, one bar per decision from beeldvorming to besluit.

The three steps differ by hatch and by the legend, never by colour alone; a dependency is an arrow from the
decision waited for to the one that waits; a conflict is a dashed arrow and a ⚠ before the decision's label;
the critical path has a thick outline and a ▶ before its label; a go/no-go moment has a ◆.
"""

from __future__ import annotations

from collections.abc import Mapping

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.transforms import offset_copy

from ..analysis.besluitvorming import (
    Analyse,
    Besluit,
    Besluitvorming,
    maand_index,
    maand_nl,
    partijnaam,
    per_partij,
)
from .basis import KLEUREN, korte_tekst, letterlijk, nieuwe_figuur

MAX_IN_FIGUUR = 60  # beyond this the timeline is no longer readable; the table lists them all
_STAP_STIJL = {  # hatch, fill strength
    "beeldvorming": ("...", 0.3),
    "oordeelsvorming": ("///", 0.6),
    "besluit": ("", 1.0),
}
_LAAN = "#f3f3f3"
_KORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def _kort(index: int, scheiding: str = "\n") -> str:
    """'mrt 2027' (month names cut to three letters; 'maart' → 'maa' reads badly, so a short list)."""
    return f"{_KORT[index % 12]}{scheiding}{index // 12}"


def _stap(omvang: int) -> int:
    for stap in (1, 2, 3, 6, 12):
        if omvang / stap <= 18:
            return stap
    return 24


def besluitvorming_figuur(model: Besluitvorming, analyse: Analyse, partijnamen: Mapping[int, str]) -> Figure:
    """The planned decisions (those with a besluit month) as a timeline, per party."""
    gepland = [b for b in model.besluiten if b.besluit]
    if not gepland:
        figuur = nieuwe_figuur(8, 1.8)
        as_ = figuur.add_subplot()
        as_.axis("off")
        as_.text(0.5, 0.5, "Nog geen besluiten met een besluitmaand.\nVul de maanden in om de tijdlijn te zien.",
                 ha="center", va="center", fontsize=11)
        return figuur
    weggelaten = max(0, len(gepland) - MAX_IN_FIGUUR)
    getoond = {b.id for b in sorted(gepland, key=lambda b: maand_index(b.besluit))[:MAX_IN_FIGUUR]}
    lanen = [(naam, [b for b in lijst if b.id in getoond]) for naam, lijst in per_partij(model, partijnamen)]
    lanen = [(naam, lijst) for naam, lijst in lanen if lijst]
    regels = sum(1 + len(lijst) for _naam, lijst in lanen)
    figuur = nieuwe_figuur(10.5, max(3.4, 2.3 + 0.38 * regels))
    as_ = figuur.add_subplot()

    starts = [min(maand_index(m) for _s, m in b.maanden()) for b in gepland if b.id in getoond]
    eerste = min(starts) - 1
    laatste = max(maand_index(b.besluit) for b in gepland if b.id in getoond) + 1
    if analyse.vroegst_klaar is not None:
        laatste = max(laatste, analyse.vroegst_klaar + 1)
    ruimte_rechts = max(3, (laatste - eerste) * 0.25)

    positie: dict[str, float] = {}
    ticks: list[float] = []
    labels: list[str] = []
    vet: list[bool] = []
    y = 0.0
    kritiek = set(analyse.kritiek_pad)
    for laan, (naam, lijst) in enumerate(lanen):
        kleur = KLEUREN[laan % len(KLEUREN)]
        boven = y
        ticks.append(y)
        labels.append(korte_tekst(naam, 44))
        vet.append(True)
        for besluit in lijst:
            y += 1
            positie[besluit.id] = y
            _balk(as_, besluit, y, kleur, besluit.id in kritiek)
            tekens = ("⚠ " if analyse.in_conflict(besluit.id) else "") + ("◆ " if besluit.go_no_go else "")
            maand = maand_index(besluit.besluit)
            as_.text(maand + 1.2, y, f"{tekens}{_kort(maand, ' ')}", va="center", ha="left", fontsize=8,
                     color="#222222", zorder=5)
            ticks.append(y)
            labels.append(("▶ " if besluit.id in kritiek else "") + korte_tekst(besluit.wat or "zonder omschrijving",
                                                                              50))
            vet.append(False)
        if laan % 2 == 0:
            as_.axhspan(boven - 0.5, y + 0.5, color=_LAAN, zorder=0)
        y += 1

    in_conflict = {(c.besluit_id, c.afhankelijk_id) for c in analyse.conflicten}
    for besluit in gepland:
        for ander_id in besluit.afhankelijk_van:
            ander = model.besluit(ander_id)
            if ander is None or not ander.besluit or besluit.id not in positie or ander_id not in positie:
                continue
            conflict = (besluit.id, ander_id) in in_conflict
            as_.annotate(
                "", xy=(maand_index(besluit.besluit) + 0.5, positie[besluit.id]),
                xytext=(maand_index(ander.besluit) + 0.5, positie[ander_id]),
                arrowprops={"arrowstyle": "-|>", "color": "#000000", "linewidth": 1.4 if conflict else 0.9,
                            "linestyle": "--" if conflict else "-", "shrinkA": 4, "shrinkB": 6,
                            "connectionstyle": "arc3,rad=-0.25"},
                zorder=6,
            )

    as_.set_ylim(y - 0.5, -0.6)
    as_.set_yticks(ticks)
    as_.set_yticklabels(labels, fontsize=8.5)
    for label, is_laan in zip(as_.get_yticklabels(), vet, strict=True):
        if is_laan:
            label.set_fontweight("bold")
    as_.tick_params(axis="y", length=0)
    stap = _stap(laatste - eerste)
    begin = eerste - eerste % stap
    maanden = [m for m in range(begin, laatste + 1, stap) if m >= eerste]
    as_.set_xticks([m + 0.5 for m in maanden])
    as_.set_xticklabels([_kort(m) for m in maanden], fontsize=8)
    as_.set_xticks(range(eerste, laatste + 1), minor=True)
    as_.grid(axis="x", which="minor", color="#dddddd", linewidth=0.6, zorder=0)
    as_.set_axisbelow(True)
    as_.set_xlim(eerste, laatste + ruimte_rechts)
    as_.spines[["top", "right", "left"]].set_visible(False)
    as_.set_xlabel("Maand (een balk loopt van het begin van de beeldvorming tot het eind van de besluitmaand)",
                   fontsize=9)

    legenda = [
        Patch(facecolor="#999999", alpha=_STAP_STIJL["beeldvorming"][1], hatch=_STAP_STIJL["beeldvorming"][0],
              edgecolor="#222222", label="beeldvorming (stippels)"),
        Patch(facecolor="#999999", alpha=_STAP_STIJL["oordeelsvorming"][1], hatch=_STAP_STIJL["oordeelsvorming"][0],
              edgecolor="#222222", label="oordeelsvorming (schuine strepen)"),
        Patch(facecolor="#555555", edgecolor="#222222", label="besluit (vol vlak)"),
        Line2D([0], [0], color="#000000", linewidth=0.9, marker=">", label="→ afhankelijkheid (pijl naar wie wacht)"),
        Line2D([0], [0], color="#000000", linewidth=1.4, linestyle="--",
               label="⚠ conflict: niet ná het besluit waarvan het afhangt"),
        Patch(facecolor="white", edgecolor="#000000", linewidth=2.6, label="▶ kritiek pad (dikke rand)"),
        Line2D([], [], linestyle="none", marker="D", color="#000000", markersize=5, label="◆ go/no-go-moment"),
    ]
    onder_de_as = offset_copy(as_.transAxes, fig=figuur, y=-40, units="points")
    as_.legend(handles=legenda, loc="upper center", bbox_to_anchor=(0.5, 0), bbox_transform=onder_de_as, ncol=2,
               fontsize=8, frameon=False, title="Stappen en markeringen", title_fontsize=8.5)
    titel = "Besluitvormingsplanning per partij"
    if weggelaten:
        titel += f"\n{len(getoond)} besluiten getoond, {weggelaten} later geplande niet (de tabel noemt ze allemaal)"
    as_.set_title(letterlijk(titel), fontsize=10.5)
    return figuur


def _balk(as_, besluit: Besluit, y: float, kleur: str, kritiek: bool) -> None:
    """The three steps of one decision as adjoining pieces of one bar."""
    maanden = dict(besluit.maanden())
    eind = maand_index(besluit.besluit)
    grenzen = []
    for stap in ("beeldvorming", "oordeelsvorming"):
        if stap in maanden:
            grenzen.append((stap, maand_index(maanden[stap])))
    stukken = []
    for index, (stap, begin) in enumerate(grenzen):
        volgende = grenzen[index + 1][1] if index + 1 < len(grenzen) else eind
        if volgende > begin:
            stukken.append((stap, begin, volgende - begin))
    stukken.append(("besluit", eind, 1))
    for stap, begin, breedte in stukken:
        hatch, alpha = _STAP_STIJL[stap]
        as_.barh(y, breedte, left=begin, height=0.6, color=kleur, alpha=alpha, hatch=hatch, edgecolor="#222222",
                 linewidth=0.8, zorder=3)
    begin = stukken[0][1]
    as_.barh(y, eind + 1 - begin, left=begin, height=0.6, fill=False, edgecolor="#000000",
             linewidth=2.6 if kritiek else 1.0, zorder=4)


def figuur_alt(model: Besluitvorming, analyse: Analyse, partijnamen: Mapping[int, str]) -> str:
    """The chart in words, for screen readers and the Word report."""
    gepland = [b for b in model.besluiten if b.besluit]
    if not gepland:
        return "Tijdlijn zonder besluiten: nog geen enkel besluit heeft een besluitmaand."
    delen = [f"Tijdlijn van {len(gepland)} besluit(en) per partij."]
    for besluit in sorted(gepland, key=lambda b: maand_index(b.besluit)):
        delen.append(f"{partijnaam(besluit.partij_id, partijnamen)}: {besluit.wat}, besluit in "
                     f"{maand_nl(besluit.besluit)}"
                     + (", in conflict met een afhankelijkheid" if analyse.in_conflict(besluit.id) else "")
                     + (", op het kritieke pad" if besluit.id in analyse.kritiek_pad else "") + ".")
    return " ".join(delen)
