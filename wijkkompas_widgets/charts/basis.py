"""Shared look of all charts and their conversion to PNG."""

from __future__ import annotations

import io

from matplotlib.figure import Figure

# Colour-blind safe palette (Okabe-Ito); charts always add text or patterns as well.
KLEUREN = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
ARCERINGEN = ("", "//", "..", "xx", "\\\\", "++")


def nieuwe_figuur(breedte: float, hoogte: float) -> Figure:
    figuur = Figure(figsize=(breedte, hoogte), dpi=100, layout="constrained")
    return figuur


def figuur_naar_png(figuur: Figure, dpi: int = 100) -> bytes:
    buffer = io.BytesIO()
    figuur.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
