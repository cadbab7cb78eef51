"""Transitieopgaven of one wijk: urgency and ambition side by side, per opgave."""

from __future__ import annotations

from matplotlib.figure import Figure

from .basis import KLEUREN, korte_tekst, nieuwe_figuur

_URGENTIE = {"kleur": KLEUREN[5], "marker": "o", "label": "Urgentie"}
_AMBITIE = {"kleur": KLEUREN[4], "marker": "^", "label": "Ambitie"}


def opgaven_figuur(rijen: list[tuple[str, int | None, int | None]]) -> Figure:
    """One line per opgave from urgency (●) to ambition (▲) on the 1–5 scale, values written beside the
    markers; an opgave not yet scored says so instead of showing nothing."""
    figuur = nieuwe_figuur(8, 0.55 * len(rijen) + 1.5)
    as_ = figuur.add_subplot()
    namen = [korte_tekst(naam, 28) for naam, _u, _a in rijen][::-1]
    for positie, (_naam, urgentie, ambitie) in enumerate(rijen[::-1]):
        if urgentie is not None and ambitie is not None:
            as_.plot([urgentie, ambitie], [positie, positie], color="#888888", linewidth=2, zorder=1)
        for waarde, stijl, verschuiving in ((urgentie, _URGENTIE, -0.18), (ambitie, _AMBITIE, 0.18)):
            if waarde is None:
                continue
            as_.scatter([waarde], [positie + verschuiving], s=110, marker=stijl["marker"], color=stijl["kleur"],
                        edgecolor="#222222", zorder=3)
            as_.text(waarde + 0.12, positie + verschuiving, str(waarde), va="center", fontsize=9)
        if urgentie is None and ambitie is None:
            as_.text(1, positie, "nog niet ingevuld", va="center", fontsize=9, color="#555555", style="italic")
    for stijl in (_URGENTIE, _AMBITIE):
        as_.scatter([], [], s=110, marker=stijl["marker"], color=stijl["kleur"], edgecolor="#222222",
                    label=stijl["label"])
    as_.set_yticks(range(len(namen)), namen)
    as_.set_xlim(0.6, 5.6)
    as_.set_ylim(-0.7, len(namen) - 0.3)
    as_.set_xticks([1, 2, 3, 4, 5], ["1\nlaag", "2", "3", "4", "5\nhoog"])
    as_.grid(axis="x", color="#e0e0e0")
    as_.set_title("Urgentie en ambitie per transitieopgave")
    as_.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), ncol=2, frameon=False, fontsize=9)
    as_.spines[["top", "right"]].set_visible(False)
    return figuur
