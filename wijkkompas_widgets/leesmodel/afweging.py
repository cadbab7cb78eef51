"""The afweging as the page and the Word report both show it: the state of the scoring, the ranking with its
sentences and alt texts, the order per party and the sensitivity with the team's own seed.

Read through a store object that is passed in. 'Integrale strategieën afwegen', 'Keuze voor energiesysteem
vastleggen' and the report call the same functions, so they rank on the same numbers and say it in the same words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..analysis.mca import (
    Gevoeligheid,
    OnvolledigeScores,
    Rangschikking,
    getal,
    gevoeligheid,
    procent,
    rangschik,
    rangschik_per_partij,
    verschillen_tussen_partijen,
)
from ..dossier.model import InvoerFout
from ..dossier.records import MIN_STRATEGIEEN

if TYPE_CHECKING:
    from ..content import Inhoud
    from ..dossier.records import Criterium, Strategie, Vastzetting

TREKKINGEN, SPREIDING = 10_000, 0.2
WEGING_TITEL = "Criteria bepalen voor keuze van energiesysteem"
PERCENTAGES_UITLEG = ("Percentages: het deel van de punten van die partij. Het gezamenlijke gewicht is het gemiddelde "
                      "van de partijen, zodat elke partij even zwaar telt.")


@dataclass
class Stand:
    """Everything the ranking needs, read from the store in one go. Keys for the analysis are strings:
    criteria by ``str(id)``, strategies and parties by name (unique within a dossier)."""

    criteria: list[Criterium]
    strategieen: list[Strategie]
    vastzetting: Vastzetting | None
    scores: dict[int, dict[int, tuple[int, str]]]
    namen: dict[str, str] = field(default_factory=dict)
    gewichten: dict[str, float] = field(default_factory=dict)
    per_partij: dict[str, dict[str, float]] = field(default_factory=dict)
    tabel: dict[str, dict[str, int | None]] = field(default_factory=dict)
    rangschikking: Rangschikking | None = None
    reden: str = ""  # why there is no ranking (Dutch), empty when there is one
    onvolledig: bool = False

    def sleutel(self) -> tuple:
        """Changes exactly when the ranking's inputs change (to skip redrawing the same charts)."""
        return (tuple((s, tuple(sorted(r.items()))) for s, r in self.tabel.items()),
                tuple(sorted(self.gewichten.items())),
                tuple((p, tuple(sorted(v.items()))) for p, v in self.per_partij.items()))


def lees_stand(store, dossier_id: str) -> Stand:
    """Read criteria, strategies, the fixed weights and the scores, and rank when that is allowed and complete."""
    stand = Stand(store.criteria(dossier_id), store.strategieen(dossier_id), store.vastzetting(dossier_id),
                  store.scores(dossier_id))
    stand.namen = {str(c.id): c.naam for c in stand.criteria}
    stand.tabel = {s.naam: {str(c.id): stand.scores.get(s.id, {}).get(c.id, (None, ""))[0] for c in stand.criteria}
                   for s in stand.strategieen}
    vast = stand.vastzetting
    if vast is None:
        stand.reden = (f"De weging is nog niet vastgezet. Zet haar eerst vast bij '{WEGING_TITEL}' (fase 3); "
                       "daarna kun je hier scoren en rangschikken.")
        return stand
    stand.gewichten = {str(c): g for c, g in vast.gewichten.items()}
    stand.per_partij = {vast.partijen.get(p, f"partij {p}"): {str(c): v for c, v in punten.items()}
                        for p, punten in vast.punten.items()}
    if len(stand.strategieen) < MIN_STRATEGIEEN:
        stand.reden = (f"Voor een rangschikking zijn minstens {MIN_STRATEGIEEN} strategieën nodig; dit dossier heeft "
                       f"er {len(stand.strategieen)}. Stel ze samen bij 'Warmtestrategieën verkennen' (fase 3).")
        return stand
    try:
        stand.rangschikking = rangschik(stand.tabel, stand.gewichten, namen=stand.namen)
    except OnvolledigeScores as fout:
        stand.reden, stand.onvolledig = str(fout), True
    except InvoerFout as fout:
        stand.reden = str(fout)
    return stand


# -- the ranking in words -------------------------------------------------------------------------
def plaatsen(r: Rangschikking) -> list[str]:
    """One line per strategy: its place and weighted score."""
    return [f"{r.rang[s]}. {s} — gewogen score {getal(round(r.totaal[s], 2), 2)}" for s in r.volgorde]


def rangschikking_alt(r: Rangschikking) -> str:
    return ("Gestapelde staven: de gewogen score per strategie, opgebouwd uit gewicht maal score per criterium. "
            + r.samenvatting())


def winnaars_op_duurzaam_gas(stand: Stand, inhoud: Inhoud) -> list[str]:
    """The winners that rely on duurzaam gas (S4/S5): they get the ECW caution next to the ranking."""
    fase34 = inhoud.fase34
    if fase34 is None or stand.rangschikking is None:
        return []
    gas = {s.id for s in fase34.strategieen if s.duurzaam_gas}
    return [s.naam for s in stand.strategieen if s.naam in stand.rangschikking.winnaars and s.warmtestrategie in gas]


@dataclass(frozen=True)
class VolgordePerPartij:
    """The ranking with each party's own points as fixed: the places, the sentences on where they differ, or
    why it could not be worked out (``fout``)."""

    per_partij: dict[str, Rangschikking] = field(default_factory=dict)
    zinnen: tuple[str, ...] = ()
    fout: str = ""

    @property
    def alt(self) -> str:
        return "Lijndiagram: de plaats van elke strategie per partij. " + " ".join(self.zinnen)


def volgorde_per_partij(stand: Stand) -> VolgordePerPartij | None:
    """None when there is no ranking or no party had points of its own when the weights were fixed."""
    if stand.rangschikking is None or not stand.per_partij:
        return None
    try:
        per_partij = rangschik_per_partij(stand.tabel, stand.per_partij, namen=stand.namen)
    except InvoerFout as fout:
        return VolgordePerPartij(fout=f"De volgorde per partij lukt niet: {fout}")
    return VolgordePerPartij(per_partij, tuple(verschillen_tussen_partijen(per_partij, stand.rangschikking)))


# -- sensitivity ----------------------------------------------------------------------------------
def geldige_seed(gegevens: dict) -> int | None:
    """The seed stored in the 'gevoeligheid' form, or None when there is none (or it is not a seed)."""
    seed = gegevens.get("seed")
    return seed if isinstance(seed, int) and not isinstance(seed, bool) and seed >= 0 else None


def bereken_gevoeligheid(stand: Stand, seed: int | None) -> Gevoeligheid:
    """The sensitivity check the page runs and the report repeats (``seed=None``: a new seed)."""
    return gevoeligheid(stand.tabel, stand.gewichten, n=TREKKINGEN, spreiding=SPREIDING, seed=seed,
                        per_partij=stand.per_partij, namen=stand.namen)


def gevoeligheid_alt(uitkomst: Gevoeligheid) -> str:
    return ("Staafdiagram: hoe vaak elke strategie bovenaan staat als de gewichten schommelen. "
            + " ".join(uitkomst.samenvatting()))


def herhaalbaar_tekst(uitkomst: Gevoeligheid) -> str:
    trekkingen = f"{uitkomst.n:,}".replace(",", ".")
    return (f"Herhaalbaar met startgetal (seed) {uitkomst.seed}, {trekkingen} trekkingen, spreiding "
            f"{procent(uitkomst.spreiding)}.")


# -- the fixed weights ----------------------------------------------------------------------------
def afgesproken_gewichten(vast: Vastzetting) -> str:
    """'Kosten 40%, CO2 60%': the joint weights as they were fixed (plain text)."""
    return ", ".join(f"{vast.criteria.get(c, str(c))} {procent(g)}" for c, g in vast.gewichten.items())
