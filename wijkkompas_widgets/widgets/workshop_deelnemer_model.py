"""The participant's side of a live workshop without any widget: the code, joining or coming back with the
herstelcode, the rounds that open and close, and every answer saved when it is given. The page
(``workshop_deelnemer``) links its controls to these traits; the rules are tested without a widget.

Light on purpose: a room of 30 opens the participant's page at once, so nothing here loads pandas or matplotlib.
A participant never gets anyone else's name or answers from this model.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING

from traitlets import Bool, HasTraits, Instance, List, Tuple, Unicode, observe

from .. import teksten
from ..dossier.model import InvoerFout, WerkboekFout
from ..dossier.validatie import naam_sleutel
from ..workshop import bestand
from ..workshop.codes import normaliseer_code
from ..workshop.model import OPEN, Antwoorden, Deelnemer, Ronde, Sessie
from .workshop_live import tijd

if TYPE_CHECKING:
    from ..dossier.store import DossierStore

log = logging.getLogger("wijkkompas")

ONVERWACHT = "Er ging iets mis en er is niets opgeslagen. Probeer het opnieuw of laad de pagina opnieuw."
VERVERS_FOUT = ("De pagina kon niet kijken of er rondes zijn geopend of gesloten. Het wordt zo opnieuw geprobeerd; je "
                "antwoorden zijn bewaard.")


class RondeModel(HasTraits):
    """One round of one participant: its status and the answers as the store holds them. A save the store refuses
    leaves ``antwoorden`` as it was, so the page can put the control back to what is really saved."""

    ronde = Instance(Ronde)
    antwoorden = Instance(Antwoorden)
    opgeslagen = Unicode()  # hh:mm:ss of the last save the store acknowledged; '' after a failure or closing
    fout = Unicode()  # why the last save failed ('' when it worked)

    def __init__(self, deelname: DeelnemerModel, ronde: Ronde, antwoorden: Antwoorden):
        super().__init__()
        self._deelname = deelname
        self.ronde = ronde
        self.antwoorden = antwoorden

    @property
    def is_open(self) -> bool:
        return self.ronde.status == OPEN

    @observe("ronde")
    def _status(self, _change) -> None:
        if not self.is_open:
            self.opgeslagen = ""

    def is_opgeslagen(self, sleutel: str, waarde: int | None) -> bool:
        """Whether the store already holds ``waarde`` for this question (then there is nothing to save)."""
        waarden = self.antwoorden.waarden
        return sleutel in waarden and waarden[sleutel] == waarde

    def beantwoord(self, sleutel: str, waarde: int | None) -> bool:
        """Save one answer (None = 'weet niet') at once; False when the store refused it."""
        deelnemer = self._deelname.deelnemer
        return self._bewaar(lambda store: store.beantwoord(deelnemer.id, self.ronde.id, sleutel, waarde),
                            "een antwoord opslaan")

    def dien_in(self, punten: Mapping[str, int] | None = None) -> bool:
        """Submit the round, so the answers count; the weging sends all its points with it (they must make 100)."""
        if not self.is_open:
            return False
        deelnemer = self._deelname.deelnemer
        if punten is not None:
            return self._bewaar(lambda store: store.beantwoord_alles(deelnemer.id, self.ronde.id, dict(punten),
                                                                     indienen=True), "indienen")
        return self._bewaar(lambda store: store.dien_in_ronde(deelnemer.id, self.ronde.id), "indienen")

    def _bewaar(self, opslaan, wat: str) -> bool:
        try:
            self.antwoorden = opslaan(self._deelname.store)
        except WerkboekFout as fout:
            self._mislukt(str(fout))
            return False
        except Exception:
            log.exception("onverwachte fout bij %s in de workshop", wat)
            self._mislukt(ONVERWACHT)
            return False
        self.fout = ""
        self.opgeslagen = tijd()
        return True

    def _mislukt(self, tekst: str) -> None:
        """Keep the store's message, and look again whether the round was closed meanwhile (then it turns
        read-only)."""
        self.fout = tekst
        self.opgeslagen = ""
        try:
            self._deelname.ververs(forceer=True)
        except Exception:  # the message above is what matters; the page looks again in a few seconds
            log.exception("verversen na een mislukt antwoord")


class DeelnemerModel(HasTraits):
    """State and store calls of the participant's page. ``meld_aan`` and ``ga_verder`` raise the store's Dutch
    errors; ``ververs`` (on a timer) keeps its error in ``ververs_fout``."""

    # -- joining
    code = Unicode()
    code_sessie = Instance(Sessie, allow_none=True)  # the workshop a complete code belongs to
    code_fout = Unicode()  # a complete code that belongs to no open workshop: why
    organisaties = List()  # suggestions: the names of the dossier's parties and their organisations
    naam = Unicode()
    organisatie = Unicode()
    spoor = Unicode()
    herstelcode = Unicode()
    offline = Bool(False)  # the session came from an invitation file: keep the answer file up to date

    # -- taking part
    deelnemer = Instance(Deelnemer, allow_none=True)
    sessie = Instance(Sessie, allow_none=True)
    rondes = List()  # RondeModel per round, the open ones first, each in the facilitator's order
    rondes_sleutel = Tuple(allow_none=True, default_value=None)  # ((id, status), …): new when one opened or closed
    ververs_fout = Unicode()

    def __init__(self, store: DossierStore | None, code: str = ""):
        super().__init__()
        self.store = store
        self._per_ronde: dict[str, RondeModel] = {}
        self.code = code

    # -- joining ------------------------------------------------------------------------------------
    @observe("code")
    def _code_gewijzigd(self, _change=None) -> None:
        """Once the code is complete: which workshop it is, and the dossier's organisations as suggestions.
        Quietly while typing: a wrong code only becomes an error when the participant clicks 'Meedoen'."""
        try:
            normaliseer_code(self.code)
        except InvoerFout:
            self.code_sessie, self.code_fout = None, ""
            return
        if self.store is None:
            return
        try:
            sessie = self.store.sessie_voor_code(self.code)
        except WerkboekFout as fout:
            self.code_sessie, self.code_fout = None, str(fout)
            return
        self.code_fout = ""
        self.code_sessie = sessie
        try:
            partijen = self.store.partijen(sessie.dossier_id)
        except WerkboekFout:
            partijen = []
        namen: list[str] = []
        gezien: set[str] = set()
        for partij in partijen:
            for naam in (partij.naam, partij.organisatie):
                if naam and naam_sleutel(naam) not in gezien:
                    gezien.add(naam_sleutel(naam))
                    namen.append(naam)
        self.organisaties = namen

    def meld_aan(self) -> Deelnemer:
        deelnemer = self.store.meld_aan(self.code, self.naam, self.organisatie, self.spoor)
        self._doe_mee(deelnemer)
        return deelnemer

    def ga_verder(self) -> Deelnemer:
        """Back to one's own answers, after a reload or on another device."""
        if not self.code.strip():
            raise InvoerFout("Vul ook de deelnamecode van de workshop in (die staat op het scherm van de begeleider).")
        deelnemer = self.store.ga_verder(self.code, self.herstelcode)
        self._doe_mee(deelnemer)
        return deelnemer

    def _doe_mee(self, deelnemer: Deelnemer) -> None:
        self.sessie = self.store.sessie_voor_code(self.code)
        self._per_ronde = {}
        self.rondes = []
        self.rondes_sleutel = None
        self.deelnemer = deelnemer
        self.ververs(forceer=True)

    # -- the rounds -----------------------------------------------------------------------------------
    def ververs(self, forceer: bool = False) -> bool:
        """Look whether rounds opened or closed; only then the rounds change. True when something changed."""
        if self.deelnemer is None or self.store is None:
            return False
        try:
            rondes = self.store.rondes_voor_deelnemer(self.deelnemer.id)
        except WerkboekFout as fout:
            self.ververs_fout = str(fout)
            return False
        sleutel = tuple((r.id, r.status) for r in rondes)
        if sleutel == self.rondes_sleutel and not forceer:
            return False
        self.ververs_fout = ""
        if sleutel == self.rondes_sleutel:
            return False
        for ronde in rondes:
            bestaand = self._per_ronde.get(ronde.id)
            if bestaand is None:
                antwoorden = self.store.mijn_antwoorden(self.deelnemer.id, ronde.id)
                self._per_ronde[ronde.id] = RondeModel(self, ronde, antwoorden)
            else:
                bestaand.ronde = ronde
        ids = {r.id for r in rondes}
        self._per_ronde = {i: m for i, m in self._per_ronde.items() if i in ids}
        volgorde = sorted(rondes, key=lambda r: (r.status != OPEN, r.volgorde))
        self.rondes = [self._per_ronde[r.id] for r in volgorde]
        self.rondes_sleutel = sleutel
        return True

    def ververs_nu(self) -> None:
        """The 'Verversen' button: look now; what goes wrong becomes ``ververs_fout``."""
        try:
            self.ververs(forceer=True)
        except Exception:
            log.exception("verversen van de workshop mislukte")
            self.ververs_fout = teksten.ONVERWACHTE_FOUT

    # -- without a shared server ------------------------------------------------------------------------
    def plaats_uitnodiging(self, gegevens: Mapping) -> Sessie:
        """An uploaded invitation file (as FileUpload holds it) becomes a session in the own store; its code is
        filled in."""
        naam = str(gegevens.get("name") or "uitnodiging.json")
        if int(gegevens.get("size") or 0) > bestand.MAX_BESTAND:
            raise InvoerFout(f"{naam}: dit bestand is te groot voor een uitnodiging (hoogstens "
                             f"{bestand.MAX_BESTAND // 1_000_000} MB). Kies het bestand van de begeleider.")
        sessie = self.store.plaats_uitnodiging(bestand.lees_uitnodiging(bytes(gegevens["content"]), naam))
        self.offline = True
        self.code = sessie.code_getoond
        return sessie

    def antwoordbestand(self) -> tuple[bytes, str]:
        """The own answers as a file to send to the facilitator, with its file name."""
        data = bestand.als_bytes(self.store.antwoordbestand(self.deelnemer.id))
        naam = "".join(t if t.isalnum() else "-" for t in self.deelnemer.naam).strip("-") or "deelnemer"
        return data, f"antwoorden-{self.sessie.code}-{naam}.json"
