"""What the koppelkansen page, the workshop and the Word/Excel report all say about the register: the criterion
labels and score options, the ranking as lines of text, the top-3 sentence and the chart's alt text.

Written once here so the page's table and the report's table cannot drift apart (they used to be spelled in
the widget and again in the Word export).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..analysis.koppelkansen import (
    STANDAARD_SLEUTELS,
    TOP,
    KansScore,
    KoppelkansRangschikking,
    eigen_criteria_uit_formulier,
    rangschik_koppelkansen,
)
from ..dossier import formulieren
from ..dossier.records import STANDAARD_SCORECRITERIA, Koppelkans

if TYPE_CHECKING:
    from ..dossier.store import DossierStore

_LABELS = dict(STANDAARD_SCORECRITERIA)
# What 1 and 5 mean per criterion; higher is always better.
UITERSTEN = {
    "wensen": ("past slecht bij de wensen", "past heel goed bij de wensen"),
    "extra-kosten": ("veel extra kosten", "weinig of geen extra kosten"),
    "doorlooptijd": ("lange tijd nodig", "snel te besluiten en uit te voeren"),
}
EIGEN_UITERSTEN = ("scoort slecht", "scoort heel goed")
BESLUIT_TEKST = {"gekozen": "✔ gekozen", "niet": "✖ niet gekozen"}
GEEN_RANGLIJST = "Nog geen enkele koppelkans heeft een score op elk criterium, dus er is nog geen ranglijst."


def criterium_label(sleutel: str) -> str:
    return _LABELS.get(sleutel, f"{sleutel} (eigen criterium)")


def score_opties(sleutel: str) -> list[tuple[str, int | None]]:
    """The choices for one criterion, with what 1 and 5 mean; '– onbekend –' (None) first."""
    laag, hoog = UITERSTEN.get(sleutel, EIGEN_UITERSTEN)
    return [("– onbekend –", None), (f"1 · {laag}", 1), ("2", 2), ("3", 3), ("4", 4), (f"5 · {hoog}", 5)]


# -- the ranking in words -------------------------------------------------------------------------
def ranglijst_koppen(rangschikking: KoppelkansRangschikking) -> list[str]:
    return ["Plaats", "Koppelkans", *(criterium_label(c) for c in rangschikking.criteria), "Gemiddelde", "Besluit"]


def plaats_tekst(item: KansScore) -> str:
    return f"★ {item.plaats} (top {TOP})" if item.in_top else str(item.plaats)


def ranglijst_rij(item: KansScore, criteria: Sequence[str]) -> list[str]:
    """One ranked koppelkans as the cells of the table: place (★ for the top 3), scores, mean, decision."""
    besluit = BESLUIT_TEKST.get(item.besluit, "○ open") + (f": {item.reden}" if item.reden else "")
    return [plaats_tekst(item), item.titel, *(str(item.scores[c]) for c in criteria), item.gemiddelde_tekst, besluit]


def ranglijst_rijen(rangschikking: KoppelkansRangschikking) -> list[list[str]]:
    return [ranglijst_rij(item, rangschikking.criteria) for item in rangschikking.gerangschikt]


def gedeelde_top_zin(rangschikking: KoppelkansRangschikking) -> str:
    """Why the top 3 holds more than three, or nothing."""
    if not rangschikking.gedeelde_plaats_in_top:
        return ""
    return (f"Er zijn {len(rangschikking.top)} kansen in de top {TOP}, omdat kansen met hetzelfde gemiddelde een "
            "plaats delen.")


def onvolledig_regels(rangschikking: KoppelkansRangschikking) -> list[str]:
    """The koppelkansen without a place yet, each with the criteria it still misses (and its decision)."""
    return [f"{k.titel} — ontbreekt: {', '.join(criterium_label(c) for c in k.ontbrekend)}"
            + (f" ({BESLUIT_TEKST[k.besluit]})" if k.besluit in BESLUIT_TEKST else "")
            for k in rangschikking.onvolledig]


def figuur_alt(rangschikking: KoppelkansRangschikking) -> str:
    delen = [f"{k.plaats}. {k.titel}: {k.gemiddelde_tekst}" + (" (top 3)" if k.in_top else "")
             for k in rangschikking.gerangschikt]
    tekst = "Gemiddelde score per koppelkans. " + ("; ".join(delen) if delen else "Nog geen volledig gescoorde kans.")
    if rangschikking.onvolledig:
        tekst += f" {len(rangschikking.onvolledig)} nog niet volledig gescoord."
    return tekst


# -- the register of one dossier ------------------------------------------------------------------
@dataclass(frozen=True)
class Koppelkansen:
    """The register as the page and the report read it: the koppelkansen, the team's own criteria and the
    ranking over all criteria in use."""

    kansen: tuple[Koppelkans, ...]
    eigen: tuple[str, ...]

    @property
    def criteria(self) -> tuple[str, ...]:
        return (*STANDAARD_SLEUTELS, *self.eigen)

    @property
    def rangschikking(self) -> KoppelkansRangschikking:
        return rangschik_koppelkansen(self.kansen, self.criteria)


def lees_koppelkansen(store: DossierStore, dossier_id: str) -> Koppelkansen:
    eigen = eigen_criteria_uit_formulier(store.formulier(dossier_id, formulieren.KOPPELKANSEN_CRITERIA)[0])
    return Koppelkansen(tuple(store.koppelkansen(dossier_id)), tuple(eigen))
