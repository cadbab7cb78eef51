"""Chart of the woonlastentoets: monthly costs before and after, per kind of household."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from matplotlib.figure import Figure

from ..analysis.woonlasten import Woonlastentoets, euro
from .basis import KLEUREN, korte_tekst, letterlijk, nieuwe_figuur

_ARCERINGEN = ("", "//", "..", "xx", "\\\\", "++", "--", "oo")
# The verdict in words and a symbol, never colour alone.
_SYMBOOL = {"woonlastenneutraal": "✔", "niet woonlastenneutraal": "✘", "onbekend": "?"}


def woonlasten_figuur(
    rijen: Sequence[tuple[str, Woonlastentoets]],
    *,
    namen: Mapping[str, str] | None = None,
    titel: str = "Woonlasten per maand, voor en na de overstap",
) -> Figure:
    """Per household two stacked bars, 'voor' and 'na', one piece per cost post (own colour and hatching);
    beside them the verdict and the difference in euro per month. A post outside the definition is marked
    '(telt niet mee)' in the legend; an unknown amount is written as 'onbekend', never drawn as 0."""
    namen = dict(namen or {})
    posten: list[str] = list(dict.fromkeys(p for _label, toets in rijen for p in toets.posten))
    buiten = {p for _label, toets in rijen for p in toets.telt_niet_mee}
    figuur = nieuwe_figuur(10, 1.35 * max(len(rijen), 1) + 2.2)
    as_ = figuur.add_subplot()
    if not rijen:
        as_.set_axis_off()
        as_.set_title("Woonlastentoets: nog geen huishoudens ingevuld")
        return figuur
    grootste = max([sum(v for v in kant.values() if v is not None)
                    for _l, toets in rijen for kant in (toets.voor, toets.na)] + [1.0])
    yticks, ylabels = [], []
    getekend: set[str] = set()
    for index, (label, toets) in enumerate(rijen):
        basis = (len(rijen) - 1 - index) * 3.0
        for verschuiving, kant, woord in ((1.0, toets.voor, "voor"), (0.0, toets.na, "na")):
            y = basis + verschuiving
            links = 0.0
            for k, post in enumerate(posten):
                bedrag = kant.get(post)
                if post not in toets.posten or bedrag is None or bedrag <= 0:
                    continue
                naam = korte_tekst(namen.get(post, post), 30) + (" (telt niet mee)" if post in buiten else "")
                as_.barh([y], [bedrag], left=links, height=0.8, color=KLEUREN[k % len(KLEUREN)],
                         hatch=_ARCERINGEN[k % len(_ARCERINGEN)], edgecolor="#333333", linewidth=0.6,
                         label=None if post in getekend else naam)
                getekend.add(post)
                links += bedrag
            onbekend = [p for p in toets.posten if kant.get(p) is None]
            tekst = euro(links) if not onbekend else f"{euro(links)} + onbekend"
            as_.text(links + grootste * 0.01, y, tekst, va="center", fontsize=8)
            yticks.append(y)
            ylabels.append(woord)
        as_.text(0, basis + 1.62, korte_tekst(label, 60), fontsize=9.5, fontweight="bold", va="center")
        oordeel = toets.oordeel
        verschil = "" if toets.verschil is None else f"\n{euro(toets.verschil, teken=True)} per maand"
        as_.text(grootste * 1.2, basis + 0.5, f"{_SYMBOOL[oordeel]} {oordeel}{verschil}", va="center",
                 fontsize=9, fontweight="bold")
        if toets.telt_niet_mee and toets.verschil is not None:
            extra = ", ".join(korte_tekst(namen.get(p, p), 24).lower() for p in toets.telt_niet_mee)
            as_.text(grootste * 1.2, basis - 0.25, f"met {extra}: {euro(toets.verschil_alles, teken=True)}",
                     va="center", fontsize=8, color="#333333")
    as_.set_yticks(yticks, ylabels)
    as_.set_ylim(-0.7, (len(rijen) - 1) * 3.0 + 2.1)
    as_.set_xlim(0, grootste * 1.75)
    as_.set_xticks([x for x in as_.get_xticks() if 0 <= x <= grootste * 1.05])
    as_.set_xlabel("Euro per maand")
    as_.set_title(letterlijk(titel))
    if getekend:
        as_.legend(title="Kostenpost", loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.2 / len(rijen)), ncol=3,
                   frameon=False, fontsize=8.5, title_fontsize=9)
    as_.spines[["top", "right"]].set_visible(False)
    return figuur
