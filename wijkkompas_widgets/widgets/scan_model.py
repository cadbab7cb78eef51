"""The samenwerkingsscan without a screen: the rounds of the open dossier, the round someone fills in, their
answers, submitting, and the results and comparison of a round.

The view (``widgets/scan.py``) links its controls to these traits and calls these methods, as in the
jupyter-widgets tutorial's password generator (model.py / gui.py): everything here can be tested without a
widget. Store errors (a closed round, a missing name) are Dutch ``WerkboekFout``s the view shows as its message.
"""

from __future__ import annotations

import contextlib

import traitlets

from ..content import Samenwerkingsscan
from ..dossier.model import InvoerFout, WerkboekFout
from ..dossier.validatie import naam_sleutel
from ..leesmodel.scan import RondeStand, RondeVergelijking, lees_ronde, lees_vergelijking

WEET_NIET = "weet-niet"  # the answer 'weet niet' as the view's toggle holds it; saved as None
GEEN_VERGELIJKING = "geen"  # compare the results with no other round


def _opsomming(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def volgende_rondenaam(rondes) -> str:
    """'Ronde n' for the next round, skipping names already taken (case and spaces ignored)."""
    namen = {naam_sleutel(r.naam) for r in rondes}
    volgnummer = len(rondes) + 1
    while naam_sleutel(f"Ronde {volgnummer}") in namen:
        volgnummer += 1
    return f"Ronde {volgnummer}"


class ScanModel(traitlets.HasTraits):
    """State of one page's samenwerkingsscan. ``open`` points it at a store and dossier; ``ververs`` re-reads."""

    rondes = traitlets.List()  # ScanRonde, oldest first
    ronde_id = traitlets.Int(None, allow_none=True)  # the round to fill in
    respons = traitlets.Any(None, allow_none=True)  # the ScanRespons being filled in, or None
    antwoorden = traitlets.Dict()  # statement id → 1-5 or None ('weet niet'), as saved
    organisaties = traitlets.List()  # organisation names of the dossier's parties, to suggest
    suggestie = traitlets.Unicode("Ronde 1")  # name for the next round
    resultaat_id = traitlets.Int(None, allow_none=True)  # the round whose results are shown
    vergelijk_id = traitlets.Any(None, allow_none=True)  # the round they are compared with, or GEEN_VERGELIJKING

    def __init__(self, scan: Samenwerkingsscan):
        super().__init__()
        self.scan = scan
        self.nummers = {s.id: nummer for nummer, s in enumerate(scan.stellingen, start=1)}
        self.store = None
        self.dossier_id: str | None = None

    # -- reading -------------------------------------------------------------------------------------------------
    def open(self, store, dossier_id: str | None) -> None:
        """Another dossier (or none): whoever was filling in stops."""
        self.store, self.dossier_id = store, dossier_id
        self.stop()
        if store is None or dossier_id is None:
            self.rondes, self.organisaties, self.ronde_id, self.resultaat_id = [], [], None, None
            return
        self.ververs()

    def ververs(self, kies: int | None = None) -> None:
        """Re-read rounds, organisations and the open response (a colleague or another laptop may have changed
        them); the chosen round stays when it still exists (or becomes ``kies``, a round just started)."""
        rondes = self.store.scan_rondes(self.dossier_id)
        ids = {r.id for r in rondes}
        open_ = [r for r in rondes if not r.is_gesloten]
        with self.hold_trait_notifications():
            self.rondes = rondes
            standaard = (open_ or rondes)[-1].id if rondes else None
            if kies is not None:
                self.ronde_id = self.resultaat_id = kies
            if self.ronde_id not in ids:
                self.ronde_id = standaard
            if self.resultaat_id not in ids:
                self.resultaat_id = standaard
            self.suggestie = volgende_rondenaam(rondes)
        namen: list[str] = []
        for partij in self.store.partijen(self.dossier_id):
            naam = partij.organisatie or partij.naam
            if naam not in namen:
                namen.append(naam)
        self.organisaties = namen
        if self.respons is not None:
            self._lees_respons()

    def ronde(self):
        """The round being filled in, or None."""
        return self.ronde_met(self.ronde_id)

    def ronde_met(self, ronde_id):
        """The round with this id, or None."""
        return next((r for r in self.rondes if r.id == ronde_id), None)

    @property
    def gesloten(self) -> bool:
        ronde = self.ronde()
        return ronde is not None and ronde.is_gesloten

    @property
    def ingediend(self) -> bool:
        return self.respons is not None and self.respons.is_ingediend

    @property
    def aantal_beantwoord(self) -> int:
        return sum(1 for s in self.scan.stellingen if s.id in self.antwoorden)

    @property
    def open_nummers(self) -> list[int]:
        return [self.nummers[s.id] for s in self.scan.stellingen if s.id not in self.antwoorden]

    # -- filling in ----------------------------------------------------------------------------------------------
    def kies_ronde(self, ronde_id: int | None) -> bool:
        """Choose the round to fill in; True when that stopped the response of another round."""
        self.ronde_id = self.resultaat_id = ronde_id
        if self.respons is not None and self.respons.ronde_id != ronde_id:
            self.stop()
            return True
        return False

    def maak_ronde(self, naam: str):
        ronde = self.store.maak_scan_ronde(self.dossier_id, naam)
        self.stop()
        self.ververs(kies=ronde.id)
        return ronde

    def begin(self, naam: str, organisatie: str):
        """Start or continue the response of this name in the chosen round."""
        if self.ronde_id is None:
            raise InvoerFout("Er is nog geen ronde. Start eerst een ronde met de knop 'Ronde starten'.")
        respons = self.store.start_respons(self.dossier_id, self.ronde_id, naam, organisatie)
        self._toon(respons)
        return respons

    def beantwoord(self, stelling_id: str, keuze) -> None:
        """Save one answer (1-5 or ``WEET_NIET``); on refusal re-read what is really saved, then re-raise."""
        waarde = None if keuze == WEET_NIET else keuze
        try:
            self.store.beantwoord_stelling(self.dossier_id, self.respons.id, stelling_id, waarde)
        except WerkboekFout:
            with contextlib.suppress(WerkboekFout):  # what is really saved, and whether the round was closed
                self.ververs()
            raise
        self.antwoorden = {**self.antwoorden, stelling_id: waarde}

    def dien_in(self):
        if self.respons is None:
            raise InvoerFout("Vul eerst je naam en organisatie in en klik op 'Beginnen / verder gaan'.")
        try:
            respons = self.store.dien_in(self.dossier_id, self.respons.id)
        except InvoerFout as fout:
            self._lees_respons()
            open_ = self.open_nummers
            if not open_ or len(open_) > 10:
                raise
            raise InvoerFout(f"{fout} Nog open: stelling {_opsomming([str(n) for n in open_])}.") from fout
        self._toon(respons)
        return respons

    def stop(self) -> None:
        """Nobody fills in any more (the answers stay saved)."""
        with self.hold_trait_notifications():
            self.respons = None
            self.antwoorden = {}

    def _lees_respons(self) -> None:
        try:
            respons = self.store.scan_respons(self.dossier_id, self.respons.id)
        except InvoerFout:
            self.stop()
            raise
        self._toon(respons)

    def _toon(self, respons) -> None:
        with self.hold_trait_notifications():
            self.antwoorden = dict(respons.antwoorden)
            self.respons = respons

    # -- results -------------------------------------------------------------------------------------------------
    def sluit_of_heropen(self, ronde_id: int | None):
        """Close an open round, reopen a closed one; returns the round as now saved."""
        ronde = self.ronde_met(ronde_id)
        if ronde is None:
            raise InvoerFout("Er is nog geen ronde om te sluiten.")
        if ronde.is_gesloten:
            ronde = self.store.heropen_scan_ronde(self.dossier_id, ronde.id)
        else:
            ronde = self.store.sluit_scan_ronde(self.dossier_id, ronde.id)
        self.ververs()
        return ronde

    def kies_resultaat(self, ronde_id: int | None) -> None:
        self.resultaat_id = ronde_id

    def uitslag(self) -> RondeStand | None:
        """The counts and results of the chosen round; None when there is no round yet."""
        ronde = self.ronde_met(self.resultaat_id)
        return None if ronde is None else lees_ronde(self.store, self.dossier_id, self.scan, ronde)

    def andere_rondes(self) -> list:
        """The rounds the shown results can be compared with; the choice is kept valid (by default the latest
        round before it, else the first other one)."""
        ronde = self.ronde_met(self.resultaat_id)
        andere = [r for r in self.rondes if ronde is not None and r.id != ronde.id]
        if andere and self.vergelijk_id not in {GEEN_VERGELIJKING, *(r.id for r in andere)}:
            eerder = [r for r in andere if r.aangemaakt <= ronde.aangemaakt]
            self.vergelijk_id = (eerder[-1] if eerder else andere[0]).id
        return andere

    def kies_vergelijking(self, ronde_id) -> None:
        self.vergelijk_id = ronde_id

    def vergelijking(self) -> RondeVergelijking | None:
        """The chosen round against the one it is compared with; None for 'geen vergelijking'."""
        ronde = self.ronde_met(self.resultaat_id)
        andere = self.ronde_met(self.vergelijk_id) if isinstance(self.vergelijk_id, int) else None
        if ronde is None or andere is None or andere.id == ronde.id:
            return None
        return lees_vergelijking(self.store, self.dossier_id, self.scan, ronde, andere)
