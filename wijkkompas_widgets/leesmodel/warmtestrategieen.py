"""What the 'Warmtestrategieën' page and the Word report both show of the dossier's integrated strategies: the
table row per strategy, with the warning when a strategy on duurzaam gas starts before that gas is there."""

from __future__ import annotations

from collections.abc import Mapping

from ..analysis.warmtestrategieen import DUURZAAM_GAS_JAAR, duurzaam_gas_te_vroeg, startjaar_uit_fasering
from ..dossier.records import Strategie

KOPPEN = ("Naam", "Warmtestrategie", "Koppelkansen", "Fasering", "Omschrijving")


def warmtestrategie_tekst(strategie: Strategie, fase34) -> str:
    """'S2 · Warmtenet …', with the warning when it leans on duurzaam gas and starts too early."""
    warmte = fase34.strategie(strategie.warmtestrategie)
    naam = f"{strategie.warmtestrategie} · {warmte.naam}" if warmte else strategie.warmtestrategie
    if warmte is not None and warmte.duurzaam_gas and duurzaam_gas_te_vroeg(
            strategie.warmtestrategie, startjaar_uit_fasering(strategie.fasering), True):
        naam += f" (⚠ start vóór {DUURZAAM_GAS_JAAR}: duurzaam gas is dan schaars)"
    return naam


def strategie_rij(strategie: Strategie, titels: Mapping[int, str], fase34, leeg: str) -> list[str]:
    """The cells of one strategy under ``KOPPEN``; ``leeg`` stands in an empty description (the page and the
    report each keep their own dash)."""
    koppel = ", ".join(titels.get(k, "onbekende koppelkans") for k in strategie.koppelkansen) or "geen"
    return [strategie.naam, warmtestrategie_tekst(strategie, fase34), koppel, strategie.fasering or "onbekend",
            strategie.omschrijving or leeg]
