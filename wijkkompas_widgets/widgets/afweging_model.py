"""The state of 'Integrale strategieën afwegen' without any UI: the scores of the chosen strategy, the ranking
(``leesmodel.afweging.Stand``) and the sensitivity check with its stored seed.

The view (``afweging.py``) shows these traits and calls the methods; every method that writes goes through
the store (one transaction) and returns the Dutch sentence to show. The page reads the store again after every
save (``lees``), so what is shown is what is saved.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

import traitlets

from ..content import Niveau
from ..dossier import formulieren
from ..dossier.model import GelijktijdigGewijzigd, InvoerFout
from ..leesmodel.afweging import (
    Stand,
    VolgordePerPartij,
    bereken_gevoeligheid,
    geldige_seed,
    lees_stand,
    volgorde_per_partij,
    winnaars_op_duurzaam_gas,
)

if TYPE_CHECKING:
    from ..content import Inhoud
    from ..dossier.records import Criterium, Strategie


def niveaus_van(criterium: Criterium, inhoud: Inhoud) -> tuple[Niveau, ...]:
    """The criterion's own explained levels when it comes from the catalogue, else the generic scale."""
    fase34 = inhoud.fase34
    if fase34 is None:
        return tuple(Niveau(i, str(i), "") for i in range(1, 6))
    eigen = fase34.criterium(criterium.catalogus_id) if criterium.catalogus_id else None
    return eigen.niveaus if eigen is not None and eigen.niveaus else fase34.schaal


class AfwegingModel(traitlets.HasTraits):
    """What 'Integrale strategieën afwegen' shows for one open dossier."""

    stand = traitlets.Instance(Stand, allow_none=True)
    strategie_id = traitlets.Int(None, allow_none=True)  # the strategy being scored
    seed = traitlets.Int(None, allow_none=True)  # the seed of the team's last sensitivity check
    gevoeligheid = traitlets.Any(None)  # the Gevoeligheid shown, None when there is none (any more)

    def __init__(self, inhoud: Inhoud):
        super().__init__()
        self.inhoud = inhoud
        self.store = None
        self.dossier_id: str | None = None
        self._gevoelig_voor: tuple | None = None  # the ranking inputs ``gevoeligheid`` was computed on

    def lees(self, store, dossier_id: str, *, dossier_gewisseld: bool = False) -> None:
        self.store, self.dossier_id = store, dossier_id
        stand = lees_stand(store, dossier_id)
        with self.hold_trait_notifications():
            if dossier_gewisseld or (self._gevoelig_voor is not None and self._gevoelig_voor != stand.sleutel()):
                self.gevoeligheid, self._gevoelig_voor = None, None  # it belonged to other scores or weights
            ids = [s.id for s in stand.strategieen]
            self.strategie_id = self.strategie_id if self.strategie_id in ids else (ids[0] if ids else None)
            self.stand = stand
            self.seed = self._opgeslagen_seed()[0]

    def _opgeslagen_seed(self) -> tuple[int | None, int]:
        gegevens, versie = self.store.formulier(self.dossier_id, formulieren.GEVOELIGHEID)
        return geldige_seed(gegevens), versie

    # -- scoring -------------------------------------------------------------------------------
    @property
    def strategie(self) -> Strategie | None:
        stand = self.stand
        return next((s for s in stand.strategieen if s.id == self.strategie_id), None) if stand else None

    def opgeslagen(self, criterium_id: int) -> tuple[int | None, str]:
        """The chosen strategy's saved score and toelichting on a criterion ((None, '') when not scored)."""
        if self.stand is None or self.strategie_id is None:
            return None, ""
        return self.stand.scores.get(self.strategie_id, {}).get(criterium_id, (None, ""))

    def zet_score(self, criterium: Criterium, score: int | None, toelichting: str = "") -> str:
        """Save (or with None remove) the chosen strategy's score on a criterion, with its toelichting."""
        strategie = self.strategie
        if strategie is None:
            raise InvoerFout("Kies eerst de strategie die je scoort.")
        self.store.zet_score(self.dossier_id, strategie.id, criterium.id, score,
                             toelichting if score is not None else "")
        if score is None:
            return f"De score van {strategie.naam} op '{criterium.naam}' is weggehaald."
        return f"{strategie.naam} op '{criterium.naam}': score {score} opgeslagen."

    def niveaus(self, criterium: Criterium) -> tuple[Niveau, ...]:
        return niveaus_van(criterium, self.inhoud)

    # -- ranking -------------------------------------------------------------------------------
    def volgorde_per_partij(self) -> VolgordePerPartij | None:
        return volgorde_per_partij(self.stand) if self.stand else None

    def op_duurzaam_gas(self) -> list[str]:
        return winnaars_op_duurzaam_gas(self.stand, self.inhoud) if self.stand else []

    # -- sensitivity ---------------------------------------------------------------------------
    def bereken_gevoeligheid(self, *, nieuw: bool) -> str:
        """Run the check on what is saved now: with the stored seed (the same result again), or with a new one
        that is then stored. A colleague storing a seed at the same moment wins; this result still shows its own."""
        stand = lees_stand(self.store, self.dossier_id)
        if stand.rangschikking is None:
            raise InvoerFout(stand.reden)
        seed, versie = self._opgeslagen_seed()
        uitkomst = bereken_gevoeligheid(stand, None if nieuw else seed)
        if uitkomst.seed != seed:
            with contextlib.suppress(GelijktijdigGewijzigd):
                self.store.bewaar_formulier(self.dossier_id, formulieren.GEVOELIGHEID, {"seed": uitkomst.seed},
                                            versie)
        self._gevoelig_voor = stand.sleutel()
        self.gevoeligheid = uitkomst
        return f"Gevoeligheid berekend: de uitkomst is {uitkomst.oordeel}."
