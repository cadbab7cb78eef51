"""Party × interest matrix: a symbol and a colour per cell, so it reads without colour too."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from .basis import korte_tekst, nieuwe_figuur

# houding -> (symbol, colour, legend text)
STIJL = {
    "belang": ("●", "#0072B2", "● ons belang"),
    "bijdragen": ("▲", "#009E73", "▲ kan bijdragen"),
    "beide": ("◆", "#56B4E9", "◆ belang én kan bijdragen"),
    "botst": ("✖", "#D55E00", "✖ botst met eigen belang"),
}


def belangen_figuur(
    partijen: Sequence[str],
    belangen: Sequence[str],
    cellen: Mapping[tuple[int, int], tuple[str, bool]],
) -> Figure:
    """``cellen[(rij, kolom)] = (houding, prioriteit)`` with rij an index in ``belangen`` and kolom in
    ``partijen``. A star marks a top priority."""
    figuur = nieuwe_figuur(max(6.0, 1.2 * len(partijen) + 3.5), max(2.5, 0.42 * len(belangen) + 1.8))
    as_ = figuur.add_subplot()
    for (rij, kolom), (houding, prioriteit) in cellen.items():
        symbool, kleur, _ = STIJL[houding]
        as_.add_patch(_vak(kolom, rij, kleur))
        as_.text(kolom, rij, symbool + ("★" if prioriteit else ""), ha="center", va="center", fontsize=11,
                 color="white" if houding in ("belang", "botst") else "#111111")
    as_.set_xlim(-0.5, len(partijen) - 0.5)
    as_.set_ylim(len(belangen) - 0.5, -0.5)
    as_.set_xticks(range(len(partijen)), [korte_tekst(p, 22) for p in partijen], rotation=30, ha="right",
                   fontsize=9)
    as_.set_yticks(range(len(belangen)), [korte_tekst(b, 40) for b in belangen], fontsize=9)
    as_.set_xticks([x - 0.5 for x in range(1, len(partijen))], minor=True)
    as_.set_yticks([y - 0.5 for y in range(1, len(belangen))], minor=True)
    as_.grid(which="minor", color="#dddddd")
    as_.tick_params(which="minor", length=0)
    as_.set_title("Belangen per partij (★ = topprioriteit)")
    figuur.legend(
        handles=[Patch(color=kleur, label=tekst) for _, kleur, tekst in STIJL.values()],
        loc="outside lower center", ncol=4, frameon=False, fontsize=9,
    )
    return figuur


def _vak(x: int, y: int, kleur: str) -> Rectangle:
    return Rectangle((x - 0.45, y - 0.4), 0.9, 0.8, color=kleur, alpha=0.9)
