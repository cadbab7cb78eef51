"""The state of 'Strategieën voor koppelkansen' without any UI: the register, the koppelkans being worked on,
the team's own criteria and the ranking, and every change of them as one call to the store.

The view (``koppelkansen.py``) only shows these traits and passes a person's actions on, in the way of
jupyter-widgets/tutorial's password generator (``model.py``/``gui.py``), so all of this is tested without a
widget. Each action saves, reads the register again and returns the Dutch sentence that says what happened; a
refused change raises a ``WerkboekFout`` after the newest state is read, so the page shows what is stored.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

import traitlets

from ..analysis.koppelkansen import (
    STANDAARD_SLEUTELS,
    KoppelkansRangschikking,
    controleer_eigen_criterium,
    kandidaten_uit_fase2,
    marge_uit_formulier,
)
from ..dossier import GelijktijdigGewijzigd, InvoerFout, formulieren
from ..dossier.model import nu
from ..dossier.records import Koppelkans, KoppelkansInvoer
from ..dossier.validatie import naam_sleutel
from ..leesmodel.koppelkansen import criterium_label, lees_koppelkansen

if TYPE_CHECKING:
    from ..dossier.store import DossierStore

_POGINGEN = 3


class KoppelkansenModel(traitlets.HasTraits):
    """One dossier's register as the page shows it. ``lees`` fills it from the store; the other methods change
    the dossier and return what to tell the person."""

    kansen = traitlets.Tuple()  # Koppelkans records, in the register's order
    eigen = traitlets.Tuple()  # the team's own criteria, in the order they were added
    criteria = traitlets.Tuple(STANDAARD_SLEUTELS)  # every criterion in use: the three standard ones, then own
    gekozen_id = traitlets.Int(None, allow_none=True)  # the koppelkans being scored and decided on
    gekozen = traitlets.Any(None)  # its record (Koppelkans | None), follows gekozen_id and kansen
    rangschikking = traitlets.Instance(KoppelkansRangschikking, allow_none=True)

    def __init__(self) -> None:
        super().__init__()
        self.store: DossierStore | None = None
        self.dossier_id: str | None = None

    # -- reading ------------------------------------------------------------------------------
    def lees(self, store: DossierStore, dossier_id: str) -> None:
        """Read the register of ``dossier_id``; the chosen koppelkans stays chosen while it is there."""
        if dossier_id != self.dossier_id:
            self.gekozen_id = None
        self.store, self.dossier_id = store, dossier_id
        register = lees_koppelkansen(store, dossier_id)
        with self.hold_trait_notifications():
            self.eigen = register.eigen
            self.criteria = register.criteria
            self.kansen = register.kansen
            if self.gekozen_id is not None and self._kans(self.gekozen_id) is None:
                self.gekozen_id = None  # removed meanwhile
            self.gekozen = self._kans(self.gekozen_id)
            self.rangschikking = register.rangschikking

    def _kans(self, kans_id: int | None) -> Koppelkans | None:
        return next((k for k in self.kansen if k.id == kans_id), None)

    @traitlets.observe("gekozen_id")
    def _volg_keuze(self, _change) -> None:
        self.gekozen = self._kans(self.gekozen_id)

    def kies(self, kans_id: int | None) -> None:
        self.gekozen_id = kans_id if self._kans(kans_id) is not None else None

    def _opnieuw(self) -> None:
        self.lees(self.store, self.dossier_id)

    def _nodig_gekozen(self) -> Koppelkans:
        if self.gekozen is None:
            raise InvoerFout("Kies eerst een koppelkans.")
        return self.gekozen

    # -- the register -------------------------------------------------------------------------
    def neem_over(self) -> tuple[bool, str]:
        """Take the candidates of phase 2 into the register; (False, why not) when phase 2 has none."""
        store, dossier_id = self.store, self.dossier_id
        marge = marge_uit_formulier(store.formulier(dossier_id, formulieren.NATUURLIJKE_MOMENTEN)[0])
        kandidaten = kandidaten_uit_fase2(store.planning_werken(dossier_id), marge,
                                          store.formulier(dossier_id, formulieren.SOCIALE_KOPPELKANSEN)[0])
        if not kandidaten:
            return False, ("Fase 2 heeft nog geen kandidaten: er zijn geen natuurlijke momenten (bij een marge van "
                           f"{marge} jaar) en geen sociale koppelkansen. Voeg hieronder zelf kansen toe.")
        toegevoegd = store.importeer_koppelkansen(dossier_id, kandidaten)
        overgeslagen = len(kandidaten) - len(toegevoegd)
        self._opnieuw()
        delen = [f"{len(toegevoegd)} kandida{'at' if len(toegevoegd) == 1 else 'ten'} uit fase 2 toegevoegd"]
        if overgeslagen:
            delen.append(f"{overgeslagen} overgeslagen omdat ze al in het register stonden")
        return True, ", ".join(delen) + f" (natuurlijke momenten bij een marge van {marge} jaar)."

    def voeg_toe(self, titel: str, omschrijving: str) -> str:
        """A new koppelkans of the team's own; it becomes the chosen one, to be scored next."""
        kans = self.store.voeg_koppelkans_toe(self.dossier_id, KoppelkansInvoer(titel, "nieuw", "", omschrijving))
        self.gekozen_id = None
        self._opnieuw()
        self.gekozen_id = kans.id
        return f"'{kans.titel}' staat in het register. Geef de kans nu scores."

    def wijzig(self, titel: str, omschrijving: str) -> str:
        """Only title and description change; scores, decision and the strategies using it stay (they refer to
        the koppelkans by number). Saved on the version shown, so a parallel edit is never overwritten."""
        kans = self._nodig_gekozen()
        invoer = KoppelkansInvoer(titel, kans.herkomst, kans.herkomst_ref, omschrijving)
        nieuw = self._met_herlezen(self.store.wijzig_koppelkans, self.dossier_id, kans.id, invoer, kans.versie)
        return (f"De koppelkans heet nu '{nieuw.titel}'." if nieuw.titel != kans.titel
                else f"De omschrijving van '{nieuw.titel}' is opgeslagen.")

    def verwijder(self) -> str:
        kans = self._nodig_gekozen()
        self.store.verwijder_koppelkans(self.dossier_id, kans.id)
        self.gekozen_id = None
        self._opnieuw()
        return f"'{kans.titel}' is uit het register gehaald."

    # -- own criteria -------------------------------------------------------------------------
    def voeg_criterium_toe(self, naam: str) -> str:
        naam = controleer_eigen_criterium(naam, self.eigen)
        self._zet_criterium(naam, {"naam": naam, "aangemaakt": nu().isoformat()})
        return (f"Criterium '{naam}' toegevoegd; het geldt voor alle koppelkansen. Kansen zonder score erop staan "
                "even apart tot ze gescoord zijn.")

    def haal_criterium_weg(self, naam: str) -> str:
        self._zet_criterium(naam, None)
        return f"Criterium '{naam}' weggehaald; het telt niet meer mee in de ranglijst."

    def _zet_criterium(self, naam: str, waarde: dict | None) -> None:
        """Change one criterion of the shared form on its newest version, so a colleague who added another
        criterion meanwhile keeps theirs."""
        sleutel = naam_sleutel(naam)
        for _ in range(_POGINGEN):
            gegevens, versie = self.store.formulier(self.dossier_id, formulieren.KOPPELKANSEN_CRITERIA)
            nieuw = copy.deepcopy(gegevens)
            if not isinstance(nieuw.get("eigen"), dict):
                nieuw["eigen"] = {}
            nieuw["eigen"][sleutel] = waarde
            try:
                self.store.bewaar_formulier(self.dossier_id, formulieren.KOPPELKANSEN_CRITERIA, nieuw, versie)
                break
            except GelijktijdigGewijzigd:
                continue
        else:
            raise GelijktijdigGewijzigd("De criteria worden nu door veel mensen tegelijk gewijzigd. Probeer het zo "
                                        "nog eens.")
        self._opnieuw()

    # -- scoring and deciding -----------------------------------------------------------------
    def zet_score(self, sleutel: str, waarde: int | None) -> str:
        """One score of the chosen koppelkans (None: back to 'onbekend'); a removed own criterion's old score is
        dropped at the same time."""
        kans = self.gekozen
        if kans is None:
            return ""
        scores = {s: v for s, v in kans.scores.items() if s in self.criteria}
        if waarde is None:
            scores.pop(sleutel, None)
        else:
            scores[sleutel] = waarde
        self._met_herlezen(self.store.zet_koppelkans_scores, self.dossier_id, kans.id, scores, kans.versie)
        tekst = "onbekend" if waarde is None else str(waarde)
        return f"{kans.titel}: score '{criterium_label(sleutel)}' = {tekst} opgeslagen."

    def leg_besluit_vast(self, besluit: str | None, reden: str, aanwezig: str) -> str:
        kans = self._nodig_gekozen()
        nieuw = self._met_herlezen(self.store.besluit_koppelkans, self.dossier_id, kans.id, besluit, reden,
                                   kans.versie, aanwezig=aanwezig)
        wat = {"gekozen": "gekozen", "niet": "niet gekozen"}.get(nieuw.besluit, "weer open")
        return f"'{nieuw.titel}' is {wat}; het besluit staat in het besluitenlog."

    def _met_herlezen(self, actie, *args, **kwargs):
        """Run a store call on the version shown; read the register again afterwards, also when a colleague
        changed the koppelkans first (then the error goes on to the page, which shows their version)."""
        try:
            return actie(*args, **kwargs)
        finally:
            self._opnieuw()
