"""Progress of a dossier over the knooppunten of the four phases."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from ..content import Inhoud
from ..dossier.model import STANDAARD_STATUS, STATUSSEN


def voortgang_per_fase(inhoud: Inhoud, statussen: Mapping[str, str]) -> pd.DataFrame:
    """Rows: phases ('1 Samen starten' ...); columns: status labels; values: number of knooppunten."""
    labels = dict(STATUSSEN)
    rijen = {}
    for fase in inhoud.fasen:
        telling = {label: 0 for label in labels.values()}
        for knooppunt in inhoud.knooppunten_van_fase(fase.nummer):
            status = statussen.get(knooppunt.id, STANDAARD_STATUS)
            telling[labels.get(status, labels[STANDAARD_STATUS])] += 1
        rijen[f"{fase.nummer} {fase.naam}"] = telling
    return pd.DataFrame.from_dict(rijen, orient="index", columns=list(labels.values()))


def percentage_afgerond(inhoud: Inhoud, statussen: Mapping[str, str]) -> int:
    """Share of knooppunten that are 'afgerond' or 'herzien' (rounded percent)."""
    totaal = len(inhoud.knooppunten)
    klaar = sum(1 for k in inhoud.knooppunten if statussen.get(k.id) in ("afgerond", "herzien"))
    return round(100 * klaar / totaal) if totaal else 0
