"""Timeline (Gantt) of the planning register: one band per area, one bar per work, the natural
moments shaded and numbered like the list next to the chart, and the current year as a line."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.transforms import offset_copy

from ..analysis.planning import GEHELE_WIJK, NatuurlijkMoment
from ..dossier.records import SOORTEN, ZEKERHEID_LABELS, Werk
from .basis import KLEUREN, korte_tekst, letterlijk, nieuwe_figuur

# Certainty is never shown by colour alone: each has its own hatch, edge line and fill strength.
_STIJL = {
    "vastgesteld": {"hatch": "", "linestyle": "-", "alpha": 0.95, "linewidth": 1.6},
    "gepland": {"hatch": "///", "linestyle": "--", "alpha": 0.7, "linewidth": 1.3},
    "verkenning": {"hatch": "...", "linestyle": ":", "alpha": 0.35, "linewidth": 1.3},
}
_MOMENT_KLEUR = "#F0E442"  # Okabe-Ito yellow, under the bars; the ◆ number says it without colour
_SOORT_KLEUR = {soort: KLEUREN[i % len(KLEUREN)] for i, soort in enumerate(SOORTEN)}
_BAND_ACHTERGROND = "#f3f3f3"
MAX_WERKEN_IN_TIJDLIJN = 60  # beyond this a timeline is no longer readable (nor a reasonable image size)


def _stap(omvang: int) -> int:
    for stap in (1, 2, 5, 10, 20):
        if omvang / stap <= 16:
            return stap
    return 25


def _banden(werken: Sequence[Werk]) -> list[tuple[str, str, list[Werk]]]:
    """(key, title, works) per area; wijk-wide works in one band on top, the rest alphabetically."""
    groepen: dict[str, list[Werk]] = {}
    namen: dict[str, str] = {}
    for werk in sorted(werken, key=Werk.volgorde):
        sleutel = "" if werk.is_wijkbreed else werk.gebied_sleutel
        groepen.setdefault(sleutel, []).append(werk)
        namen.setdefault(sleutel, GEHELE_WIJK if not sleutel else werk.gebied)
    volgorde = sorted(groepen, key=lambda s: (s != "", s))
    return [(s, namen[s], groepen[s]) for s in volgorde]


def tijdlijn(
    werken: Sequence[Werk],
    momenten: Sequence[NatuurlijkMoment] = (),
    huidig_jaar: int | None = None,
    marge_jaren: int | None = None,
) -> Figure:
    """The register as a timeline. ``momenten`` are numbered 1, 2, … in the given order (the
    order of the list shown with the chart)."""
    if not werken:
        figuur = nieuwe_figuur(8, 1.8)
        as_ = figuur.add_subplot()
        as_.axis("off")
        as_.text(0.5, 0.5, "Nog geen werken in het register.\nVoeg werken toe om de tijdlijn te zien.",
                 ha="center", va="center", fontsize=11)
        return figuur

    weggelaten = 0
    if len(werken) > MAX_WERKEN_IN_TIJDLIJN:
        # Works in a natural moment first, then the earliest; the list with the chart names them all.
        in_moment = {id(w) for moment in momenten for w in moment.werken}
        gekozen = sorted(werken, key=lambda w: (id(w) not in in_moment, w.volgorde()))[:MAX_WERKEN_IN_TIJDLIJN]
        weggelaten = len(werken) - len(gekozen)
        werken = gekozen
    banden = _banden(werken)
    regels = sum(1 + len(lijst) for _s, _n, lijst in banden)
    figuur = nieuwe_figuur(10.5, max(3.2, 1.9 + 0.36 * regels))
    as_ = figuur.add_subplot()

    eerste = min(w.start_jaar for w in werken)
    laatste = max(w.eind_jaar for w in werken) + 1
    if huidig_jaar is not None and eerste - 10 <= huidig_jaar <= laatste + 10:
        eerste, laatste = min(eerste, huidig_jaar), max(laatste, huidig_jaar + 1)
    ruimte_rechts = max(2.5, (laatste - eerste) * 0.2)  # for the period (and ◆ numbers) after each bar

    y = 0.0
    band_rijen: dict[str, tuple[float, float]] = {}
    ticks: list[float] = []
    labels: list[str] = []
    vet: list[bool] = []
    for index, (sleutel, naam, lijst) in enumerate(banden):
        boven = y
        ticks.append(y)
        labels.append(korte_tekst(naam, 44) if sleutel else f"{GEHELE_WIJK} (wijk en regio)")
        vet.append(True)
        for werk in lijst:
            y += 1
            stijl = _STIJL.get(werk.zekerheid, _STIJL["gepland"])
            as_.barh(
                y, werk.eind_jaar + 1 - werk.start_jaar, left=werk.start_jaar, height=0.62,
                color=_SOORT_KLEUR.get(werk.soort, KLEUREN[-1]), alpha=stijl["alpha"], hatch=stijl["hatch"],
                edgecolor="#222222", linestyle=stijl["linestyle"], linewidth=stijl["linewidth"], zorder=3,
            )
            nummers = [str(n) for n, moment in enumerate(momenten, start=1)
                       if any(ander is werk for ander in moment.werken)]
            if len(nummers) > 3:  # a wijk-wide work can be in many moments; keep the label short
                nummers = [*nummers[:3], f"+{len(nummers) - 3}"]
            as_.text(werk.eind_jaar + 1.15, y, werk.periode + ("  ◆ " + ", ".join(nummers) if nummers else ""),
                     va="center", ha="left", fontsize=8, color="#333333", zorder=4)
            ticks.append(y)
            kort = f"{werk.eigenaar} · {werk.soort_label}" + (f" ({werk.gebied})" if not sleutel else "")
            labels.append(korte_tekst(kort, 58))
            vet.append(False)
        band_rijen[sleutel] = (boven - 0.5, y + 0.5)
        if index % 2 == 0:
            as_.axhspan(boven - 0.5, y + 0.5, color=_BAND_ACHTERGROND, zorder=0)
        y += 1

    per_band: dict[str, int] = {}
    for nummer, moment in enumerate(momenten, start=1):
        boven_onder = band_rijen.get(moment.gebied_sleutel)
        if boven_onder is None:
            continue
        boven, onder = boven_onder
        as_.add_patch(Rectangle(
            (moment.venster_start, boven + 0.1), moment.venster_eind + 1 - moment.venster_start, onder - boven - 0.2,
            facecolor=_MOMENT_KLEUR, alpha=0.55, edgecolor="#8a7a00", linestyle="-", linewidth=1.2, zorder=1,
        ))
        positie = per_band.get(moment.gebied_sleutel, 0)
        per_band[moment.gebied_sleutel] = positie + 1
        as_.text(moment.venster_start + 0.08, boven + 0.28 + 0.34 * (positie % 2), f"◆ {nummer}", fontsize=9,
                 fontweight="bold", va="center", ha="left", color="#000000", zorder=5)

    if huidig_jaar is not None and eerste <= huidig_jaar <= laatste:
        as_.axvline(huidig_jaar + 0.5, color="#000000", linestyle="-.", linewidth=1.4, zorder=4)

    as_.set_ylim(y - 0.5, -0.6)
    as_.set_yticks(ticks)
    as_.set_yticklabels(labels, fontsize=9)
    for label, is_band in zip(as_.get_yticklabels(), vet, strict=True):
        if is_band:
            label.set_fontweight("bold")
    as_.tick_params(axis="y", length=0)
    stap = _stap(laatste - eerste)
    begin = eerste - eerste % stap
    as_.set_xticks([jaar + 0.5 for jaar in range(begin, laatste + 1, stap)])
    as_.set_xticklabels([str(jaar) for jaar in range(begin, laatste + 1, stap)], fontsize=9)
    as_.set_xlim(eerste - 0.3, laatste + ruimte_rechts)
    as_.set_xticks(range(eerste, laatste + 1), minor=True)  # year boundaries: where bars begin and end
    as_.tick_params(axis="x", which="minor", length=3)
    as_.grid(axis="x", which="minor", color="#dddddd", linewidth=0.6, zorder=0)
    as_.set_axisbelow(True)
    as_.spines[["top", "right", "left"]].set_visible(False)
    as_.set_xlabel("Jaar (een balk loopt van het begin van het startjaar tot het eind van het eindjaar)", fontsize=9)

    legenda = [
        Patch(facecolor="#bbbbbb", alpha=_STIJL[z]["alpha"], hatch=_STIJL[z]["hatch"], edgecolor="#222222",
              linestyle=_STIJL[z]["linestyle"], label=label)
        for z, label in ZEKERHEID_LABELS.items()
    ]
    if momenten:
        legenda.append(Patch(facecolor=_MOMENT_KLEUR, alpha=0.55, edgecolor="#8a7a00",
                             label="◆ natuurlijk moment (nummer zoals in de lijst)"))
    if huidig_jaar is not None and eerste <= huidig_jaar <= laatste:
        legenda.append(Line2D([0], [0], color="#000000", linestyle="-.", label=f"nu ({huidig_jaar})"))
    # Anchored a fixed distance under the axis (in points), so the gap is the same for 1 or 40 works.
    onder_de_as = offset_copy(as_.transAxes, fig=figuur, y=-36, units="points")
    as_.legend(handles=legenda, loc="upper center", bbox_to_anchor=(0.5, 0), bbox_transform=onder_de_as, ncol=3,
               fontsize=8.5, frameon=False, title="Zekerheid en markeringen", title_fontsize=8.5)
    titel = "Bestaande planningen per gebied"
    if marge_jaren is not None:
        titel += ("\nnatuurlijk moment: werken van verschillende partijen in hetzelfde gebied\ndie overlappen of "
                  f"hoogstens {marge_jaren} jaar uit elkaar liggen")
    if weggelaten:
        titel += f"\n{len(werken)} werken getoond, {weggelaten} niet (eerst de werken in een natuurlijk moment)"
    as_.set_title(letterlijk(titel), fontsize=10.5)
    figuur.supxlabel("Bron: het planningsregister van dit dossier; werkwijze naar Wijkkompas (wijkkompas.nl)",
                     x=0.01, ha="left", fontsize=7.5, color="#555555")
    return figuur
