"""Koppelkansen of one dossier: the mean score per koppelkans as horizontal bars, best on top."""

from __future__ import annotations

from matplotlib.figure import Figure

from .basis import KLEUREN, korte_tekst, nieuwe_figuur

_BESLUIT = {"gekozen": "✔ gekozen", "niet": "✖ niet gekozen"}


def koppelkansen_figuur(rangschikking) -> Figure:
    """Bars of the mean score (1–5); the top 3 are hatched and say '★ top 3', a decided koppelkans says
    'gekozen' or 'niet gekozen', and one that is not fully scored says so instead of drawing a bar.
    ``rangschikking`` is an ``analysis.koppelkansen.KoppelkansRangschikking``."""
    items = list(rangschikking.gerangschikt) + list(rangschikking.onvolledig)
    figuur = nieuwe_figuur(8.5, 0.45 * max(len(items), 1) + 1.6)
    as_ = figuur.add_subplot()
    if not items:
        as_.text(0.5, 0.5, "Nog geen koppelkansen in het register", ha="center", va="center",
                 transform=as_.transAxes, fontsize=11, color="#555555")
        as_.set_axis_off()
        return figuur
    posities = list(range(len(items)))[::-1]
    for positie, item in zip(posities, items, strict=True):
        labels = []
        if item.gemiddelde is None:
            labels.append("nog niet volledig gescoord")
            x_tekst = 0.1
        else:
            waarde = float(item.gemiddelde)
            top = item.in_top
            as_.barh(positie, waarde, height=0.62, color=KLEUREN[4] if top else KLEUREN[1],
                     hatch="//" if top else "", edgecolor="#222222", linewidth=0.8)
            labels.append(item.gemiddelde_tekst)
            if top:
                labels.append(f"★ top 3 (plaats {item.plaats})")
            x_tekst = waarde + 0.06
        if item.besluit in _BESLUIT:
            labels.append(_BESLUIT[item.besluit])
        as_.text(x_tekst, positie, "  ·  ".join(labels), va="center", fontsize=9,
                 style="italic" if item.gemiddelde is None else "normal")
    as_.set_yticks(posities, [korte_tekst(i.titel, 34) for i in items])
    as_.set_xlim(0, 7.4)
    as_.set_xticks([0, 1, 2, 3, 4, 5], ["0", "1", "2", "3", "4", "5\nbest"])
    as_.set_ylim(-0.7, len(items) - 0.3)
    as_.set_xlabel("Gemiddelde score op de criteria (1–5, hoger is beter)")
    as_.grid(axis="x", color="#e0e0e0")
    as_.set_axisbelow(True)
    as_.set_title("Koppelkansen gerangschikt op hun gemiddelde score")
    as_.spines[["top", "right"]].set_visible(False)
    return figuur
