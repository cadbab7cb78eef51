"""'Keuzes maken over te verbinden opgaven' as the page and the Word/Excel report both show it: the decision per
koppelkans in words, the overview table and its column heads. Computed from ``analysis.wup`` so the page's overview
and the report's table use the same labels."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..analysis.wup import BESLUIT_LABELS, KansKeuze, KansRij, kans_details

GEEN_BESLUIT = "nog geen besluit"
BESLUIT_TEKENS = {"meenemen": "✔", "later": "◷", "laten-vallen": "✖", None: "○"}
FASE3 = {"gekozen": "gekozen in fase 3", "niet": "niet gekozen in fase 3", None: "nog open in fase 3"}
KOPPEN = ["Koppelkans", "Fase 3", "Besluit", "Eigenaar", "Partners", "Financiering", "Planning",
          "Vastgelegd bij de partners"]


def besluit_label(keuze: KansKeuze) -> str:
    """The decision in words ('Meenemen in het WUP', 'nog geen besluit')."""
    return BESLUIT_LABELS.get(keuze.besluit or "", GEEN_BESLUIT)


def fase3_tekst(rij: KansRij) -> str:
    return FASE3[rij.fase3] + (" · top 3" if rij.in_top else "")


def overzicht_rijen(rijen: Sequence[KansRij], partijnamen: Mapping[int, str]) -> list[list[str]]:
    """One row per koppelkans on the list, in the columns of ``KOPPEN``."""
    return [[rij.titel, fase3_tekst(rij), f"{BESLUIT_TEKENS[rij.keuze.besluit]} {besluit_label(rij.keuze)}",
             *(tekst for _label, tekst in kans_details(rij.keuze, partijnamen))] for rij in rijen]
