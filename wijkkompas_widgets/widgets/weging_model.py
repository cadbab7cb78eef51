"""The state of 'Criteria bepalen voor keuze van energiesysteem' without any UI: the criteria, each party's
points with the live sum, the joint weights and fixing or withdrawing them.

The view (``weging.py``) links its fields to these traits and calls the methods; every method that writes
goes through the store (one transaction) and returns the Dutch sentence to show. The page reads the store
again after every save (``lees``), so what is shown is what is saved. Why the weights are fixed before any
strategy is scored: see ``weging.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import traitlets

from ..analysis.mca import (
    gelijke_punten,
    getal,
    gezamenlijke_gewichten,
    normaliseer_punten,
    opsomming,
    volledig_gewogen,
)
from ..dossier.model import InvoerFout, WerkboekFout
from ..leesmodel.besluitenlog import besluitnummers, datum

if TYPE_CHECKING:
    from ..content import Criterium as CatalogusCriterium
    from ..dossier.records import Criterium


class DeelsToegevoegd(InvoerFout):
    """Some criteria from the list were added before one was refused: the page must show the ones added."""


def som_tekst(totaal: float) -> str:
    """The live line under the points: how many of the 100 points are left (or too many)."""
    if abs(totaal - 100) < 1e-9:
        return "✔ Alle 100 punten zijn verdeeld."
    if totaal < 100:
        return f"Nog te verdelen: {getal(100 - totaal)} van 100 punten."
    return f"⚠ Je hebt {getal(totaal - 100)} punten te veel verdeeld ({getal(totaal)} van 100)."


class WegingModel(traitlets.HasTraits):
    """What 'Criteria en weging' shows and what a person is typing, for one open dossier."""

    criteria = traitlets.List()  # Criterium, in their order
    partijen = traitlets.List()
    wegingen = traitlets.Dict()  # party id → criterium id → saved points
    vastzetting = traitlets.Any(None)  # the active Vastzetting, or None
    eerdere = traitlets.List()  # withdrawn Vastzettingen, oldest first
    nummers = traitlets.Dict()  # besluit id → volgnummer

    # what a person chooses and types
    criterium_id = traitlets.Int(None, allow_none=True)  # the criterion being edited
    wijzig_naam = traitlets.Unicode("")
    wijzig_omschrijving = traitlets.Unicode("")
    eigen_naam = traitlets.Unicode("")
    eigen_omschrijving = traitlets.Unicode("")
    partij_id = traitlets.Int(None, allow_none=True)  # the party whose points are shown
    punten = traitlets.Dict()  # criterium id → points typed for that party
    som_tekst = traitlets.Unicode("")
    aanwezig = traitlets.Unicode("")
    onderbouwing = traitlets.Unicode("")
    reden = traitlets.Unicode("")
    intrek_aanwezig = traitlets.Unicode("")

    def __init__(self, catalogus: tuple[CatalogusCriterium, ...] = ()):
        super().__init__()
        self.catalogus = {c.id: c for c in catalogus}
        self.store = None
        self.dossier_id: str | None = None
        self._punten_bron: tuple | None = None  # what ``punten`` was last filled from

    # -- reading -------------------------------------------------------------------------------
    def lees(self, store, dossier_id: str) -> None:
        """Read the dossier's criteria, parties, points and fixing; points being typed stay when neither the
        party nor its saved points changed (another exercise saved something)."""
        self.store, self.dossier_id = store, dossier_id
        with self.hold_trait_notifications():
            self._herlees()
            self.vastzetting = store.vastzetting(dossier_id)
            self.eerdere = [v for v in store.vastzettingen(dossier_id) if not v.actief]
            self.nummers = besluitnummers(store.besluiten(dossier_id))
            ids = [c.id for c in self.criteria]
            self.kies_criterium(self.criterium_id if self.criterium_id in ids else None)
            partijen = [p.id for p in self.partijen]
            self.partij_id = self.partij_id if self.partij_id in partijen else (partijen[0] if partijen else None)
            self._laad_punten()

    def _herlees(self) -> None:
        store, dossier_id = self.store, self.dossier_id
        self.criteria = store.criteria(dossier_id)
        self.partijen = store.partijen(dossier_id)
        self.wegingen = store.wegingen(dossier_id)

    @traitlets.observe("partij_id")
    def _partij_gekozen(self, _change) -> None:
        self._laad_punten()

    def _laad_punten(self) -> None:
        opgeslagen = self.wegingen.get(self.partij_id, {}) if self.partij_id is not None else {}
        bron = (self.dossier_id, self.partij_id, tuple(c.id for c in self.criteria), tuple(sorted(opgeslagen.items())))
        if bron != self._punten_bron:
            self._punten_bron = bron
            self.punten = {c.id: round(opgeslagen.get(c.id, 0)) for c in self.criteria}

    @traitlets.observe("punten")
    def _tel_op(self, change) -> None:
        self.som_tekst = som_tekst(sum(change["new"].values())) if change["new"] else ""

    @property
    def vast(self) -> bool:
        return self.vastzetting is not None

    def namen(self) -> dict[str, str]:
        return {str(c.id): c.naam for c in self.criteria}

    def gewogen(self) -> tuple[dict[str, dict[str, float]], list[str]]:
        """The points of the parties that weighed every criterion, and the names of those that did not."""
        return volledig_gewogen([(p.id, p.naam) for p in self.partijen], [c.id for c in self.criteria],
                                self.wegingen)

    def overzicht(self) -> tuple[dict[str, dict[str, float]], dict[str, float], list[str]] | None:
        """(normalised weights per party, joint weights, parties not yet weighed), or None when no party has
        weighed every criterion."""
        compleet, ontbreekt = self.gewogen()
        if not self.criteria or not compleet:
            return None
        genormaliseerd = {p: normaliseer_punten(punten)[0] for p, punten in compleet.items()}
        return genormaliseerd, gezamenlijke_gewichten(compleet, namen=self.namen()), ontbreekt

    def partij_stand(self, partij_id: int) -> str:
        punten = self.wegingen.get(partij_id)
        if not punten:
            return "nog geen punten"
        if set(punten) != {c.id for c in self.criteria}:
            return "moet opnieuw wegen"
        return "gewogen"

    def partij_opties(self) -> list[tuple[str, int]]:
        return [(f"{p.naam} ({self.partij_stand(p.id)})", p.id) for p in self.partijen]

    def nog_in_catalogus(self) -> list[CatalogusCriterium]:
        """The catalogue's criteria that are not in the dossier yet."""
        aanwezig = {c.catalogus_id for c in self.criteria if c.catalogus_id}
        return [c for c in self.catalogus.values() if c.id not in aanwezig]

    def gekozen_criterium(self) -> Criterium | None:
        return next((c for c in self.criteria if c.id == self.criterium_id), None)

    def kies_criterium(self, criterium_id: int | None) -> None:
        """Choose the criterion to edit: its saved name and description go in the edit fields."""
        self.criterium_id = criterium_id
        criterium = self.gekozen_criterium()
        self.wijzig_naam = criterium.naam if criterium else ""
        self.wijzig_omschrijving = criterium.omschrijving if criterium else ""

    # -- criteria ------------------------------------------------------------------------------
    def neem_standaard_over(self) -> str:
        criteria = self.store.neem_standaardcriteria_over(self.dossier_id)
        return f"{len(criteria)} standaardcriteria overgenomen. Pas ze aan of vul ze aan waar nodig."

    def voeg_uit_catalogus_toe(self, catalogus_ids) -> str:
        gekozen = [self.catalogus[i] for i in catalogus_ids]
        if not gekozen:
            raise InvoerFout("Vink eerst een of meer criteria uit de lijst aan.")
        if not self.criteria:  # all at once, in one transaction
            self.store.zet_standaardcriteria(self.dossier_id, [(c.naam, c.omschrijving, c.id) for c in gekozen])
        else:
            toegevoegd: list[str] = []
            try:
                for c in gekozen:  # one transaction per criterion; say how far it got if one is refused
                    self.store.voeg_criterium_toe(self.dossier_id, c.naam, c.omschrijving, catalogus_id=c.id)
                    toegevoegd.append(c.naam)
            except WerkboekFout as fout:
                if not toegevoegd:
                    raise
                raise DeelsToegevoegd(f"Toegevoegd: {opsomming(toegevoegd)}. Daarna lukte het niet meer: "
                                      f"{fout}") from None
        return f"Toegevoegd: {opsomming([c.naam for c in gekozen])}."

    def voeg_eigen_toe(self) -> str:
        criterium = self.store.voeg_criterium_toe(self.dossier_id, self.eigen_naam, self.eigen_omschrijving)
        self.eigen_naam = self.eigen_omschrijving = ""
        return (f"Criterium '{criterium.naam}' toegevoegd. Partijen die al punten gaven, geven dit criterium nog "
                "punten.")

    def wijzig(self) -> str:
        criterium = self.gekozen_criterium()
        if criterium is None:
            raise InvoerFout("Kies eerst het criterium dat je wilt aanpassen.")
        nieuw = self.store.wijzig_criterium(self.dossier_id, criterium.id, self.wijzig_naam,
                                            self.wijzig_omschrijving, criterium.versie)
        return f"Criterium '{nieuw.naam}' opgeslagen."

    def verwijder(self, criterium: Criterium) -> str:
        self.store.verwijder_criterium(self.dossier_id, criterium.id)
        return f"Criterium '{criterium.naam}' verwijderd."

    # -- points --------------------------------------------------------------------------------
    def zet_punt(self, criterium_id: int, waarde: int) -> None:
        if criterium_id in self.punten:
            self.punten = {**self.punten, criterium_id: waarde}

    def verdeel_gelijk(self) -> None:
        self.punten = gelijke_punten(list(self.punten))

    def bewaar_punten(self) -> tuple[str, bool]:
        """Save the chosen party's points; returns the sentence and whether it is a note (points that did
        not add up to 100 are saved as given and said to be used as proportions)."""
        partij = next((p for p in self.partijen if p.id == self.partij_id), None)
        if partij is None:
            raise InvoerFout("Kies eerst de partij van wie je de punten invult.")
        namen = {c.id: c.naam for c in self.criteria}
        _gewichten, notitie = normaliseer_punten(self.punten, namen=namen)  # refuses all zero, before saving
        self.store.zet_weging(self.dossier_id, partij.id, dict(self.punten))
        if notitie:
            return f"De punten van {partij.naam} zijn opgeslagen. {notitie}", True
        return f"De punten van {partij.naam} zijn opgeslagen.", False

    # -- fixing --------------------------------------------------------------------------------
    def zet_vast(self) -> str:
        self._herlees()  # fix what is saved now, not what this page loaded a while ago
        compleet, ontbreekt = self.gewogen()
        if not compleet:
            raise InvoerFout("Nog geen enkele partij heeft alle criteria punten gegeven; er is niets vastgezet.")
        gezamenlijk = gezamenlijke_gewichten(compleet, namen=self.namen())
        vast = self.store.zet_weging_vast(self.dossier_id, {int(c): g for c, g in gezamenlijk.items()},
                                          self.aanwezig, self.onderbouwing)
        nr = besluitnummers(self.store.besluiten(self.dossier_id)).get(vast.besluit_id, "?")
        self.aanwezig = self.onderbouwing = ""
        tekst = f"De weging is vastgezet op {datum(vast.vastgezet)} en staat in het besluitenlog als nr. {nr}."
        if ontbreekt:
            tekst += f" Zonder punten van: {opsomming(ontbreekt)}."
        return tekst + " Je kunt nu de strategieën scoren."

    def trek_in(self) -> str:
        vastzetting = self.store.trek_vastzetting_in(self.dossier_id, self.reden, self.intrek_aanwezig)
        nr = besluitnummers(self.store.besluiten(self.dossier_id)).get(vastzetting.intrekking_besluit_id, "?")
        self.reden = self.intrek_aanwezig = ""
        return (f"De vastzetting is ingetrokken (besluit nr. {nr}). Criteria en punten kunnen weer veranderen; zet "
                "de weging daarna opnieuw vast.")
