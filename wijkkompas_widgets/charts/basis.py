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


def letterlijk(tekst: str) -> str:
    """User text drawn as it is: a '$' would otherwise start matplotlib's math mode (and a
    party called '$\\frac$' would make drawing fail)."""
    return str(tekst).replace("$", r"\$")


def korte_tekst(tekst: str, maximum: int = 30) -> str:
    """User text for a label: shortened with an ellipsis, and drawn literally."""
    tekst = str(tekst)
    return letterlijk(tekst if len(tekst) <= maximum else tekst[: maximum - 1] + "…")


def figuur_naar_png(figuur: Figure, dpi: int = 100) -> bytes:
    buffer = io.BytesIO()
    figuur.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
