"""The facilitator's side of a live workshop without any widget: the session, the PIN check, the rounds, closing
and adopting, and the live look at the answers. The page (``workshop_begeleider``) links its controls to these
traits and draws what they hold, so the rules can be tested without a widget.

The live look is cheap on purpose: ``ververs`` asks the store for one stamp and reads answers only when it changed,
and ``uitslag`` gets a new value (the charts are drawn again) only when the submitted answers of the round on the
screen changed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from traitlets import Bool, Dict, HasTraits, Instance, List, Unicode, observe, validate

from .. import teksten
from ..dossier.model import Dossier, InvoerFout, WerkboekFout
from ..workshop import bestand
from ..workshop.model import KLAAR, OEFENINGEN, OPEN, Deelnemer, ImportVerslag, Overname, Ronde, RondeStand, Sessie
from .workshop_live import tijd

if TYPE_CHECKING:
    from ..dossier.store import DossierStore

log = logging.getLogger("wijkkompas")

STANDAARD_OEFENINGEN = ("scan", "weging")
VERVERS_FOUT = "Verversen lukte even niet. Het wordt over een paar seconden opnieuw geprobeerd."


@dataclass(frozen=True, eq=False)
class LiveUitslag:
    """The submitted answers of the round on the screen. Never equal to another one, so every new value is a
    redraw; the model makes a new one only when the answers changed."""

    ronde: Ronde
    antwoorden: list = field(default_factory=list)  # (Deelnemer, Antwoorden) of those who submitted


@dataclass(frozen=True)
class Stand:
    """The header of the round on the screen: how many joined, are busy, submitted."""

    ronde: Ronde
    telling: RondeStand


@dataclass(frozen=True)
class Deelnemerslijst:
    """Who joined, and per round (id) who of them submitted."""

    deelnemers: tuple[Deelnemer, ...] = ()
    rondes: tuple[Ronde, ...] = ()
    ingediend: Mapping[str, frozenset[str]] = field(default_factory=dict)


class BegeleiderModel(HasTraits):
    """State and store calls of the facilitator's page. Methods raise the store's Dutch errors (``WerkboekFout``)
    for the page to show; only ``ververs`` keeps its error in ``live_fout``, since the page calls it on a timer."""

    # -- start: a new session or an existing one
    dossiers = List()  # (naam, id) of every dossier
    dossier_id = Unicode(None, allow_none=True)
    niet_mogelijk = Dict()  # exercise key → why this dossier cannot hold it yet
    eerdere = List()  # the dossier's sessions, newest first
    sessienaam = Unicode()
    pin = Unicode()
    pin2 = Unicode()
    oefeningen = List()  # the ticked exercises, in the order of OEFENINGEN
    open_code = Unicode()
    open_pin = Unicode()

    # -- the open session
    sessie = Instance(Sessie, allow_none=True)
    dossier = Instance(Dossier, allow_none=True)
    rondes = List()
    scherm = Unicode(None, allow_none=True)  # the id of the round on the screen
    automatisch = Bool(True)
    over_te_nemen = Instance(Ronde, allow_none=True)  # the round whose adoption waits for 'Ja, overnemen'
    aanwezig = Unicode()
    overname = Instance(Overname, allow_none=True)

    # -- live
    bijgewerkt = Unicode()  # hh:mm:ss of the last look at the store
    stand = Instance(Stand, allow_none=True)
    uitslag = Instance(LiveUitslag, allow_none=True)
    deelnemerslijst = Instance(Deelnemerslijst, allow_none=True)
    live_fout = Unicode()  # the last look failed: why ('' when it worked)

    def __init__(self, store: DossierStore | None, dossier_id: str | None = None):
        super().__init__()
        self.store = store
        self._stempel: tuple | None = None
        self._uitslag_sleutel: tuple | None = None
        self._ingediend_cache: dict[tuple[str, str], frozenset[str]] = {}  # (ronde id, status) → who submitted
        self.oefeningen = list(STANDAARD_OEFENINGEN)
        if store is not None:
            dossiers = store.dossiers()
            self.dossiers = [(d.naam, d.id) for d in dossiers]
            ids = [d.id for d in dossiers]
            self.dossier_id = dossier_id if dossier_id in ids else (ids[0] if ids else None)

    # -- start --------------------------------------------------------------------------------
    @validate("oefeningen")
    def _in_vaste_volgorde(self, voorstel) -> list[str]:
        return [sleutel for sleutel in OEFENINGEN if sleutel in voorstel["value"]]

    @observe("dossier_id")
    def _dossier_gekozen(self, _change=None) -> None:
        """Exercises the dossier cannot hold yet are unticked and say why, before anyone clicks 'Sessie maken'
        (the store checks the same and has the last word)."""
        dossier_id = self.dossier_id
        self.niet_mogelijk = self._redenen_niet_mogelijk(dossier_id) if self.store and dossier_id else {}
        self.oefeningen = [s for s in self.oefeningen if s not in self.niet_mogelijk]
        try:
            self.eerdere = self.store.sessies(dossier_id) if self.store and dossier_id else []
        except WerkboekFout:
            self.eerdere = []

    def _redenen_niet_mogelijk(self, dossier_id: str) -> dict[str, str]:
        try:
            redenen = {}
            if not self.store.partijen(dossier_id):
                redenen["machtbelang"] = "er staan nog geen partijen in het dossier (fase 1)."
            if self.store.vastzetting(dossier_id) is not None:
                redenen["weging"] = "de weging is al vastgezet (fase 3)."
            elif len(self.store.criteria(dossier_id)) < 2:
                redenen["weging"] = "er zijn nog geen twee criteria gekozen (fase 3)."
            if not self.store.koppelkansen(dossier_id):
                redenen["koppelkansen"] = "het register van koppelkansen is nog leeg (fase 3)."
            return redenen
        except WerkboekFout:
            return {}

    def maak_sessie(self) -> Sessie:
        """A new session with the ticked exercises as rounds. The PIN is asked twice and leaves the page once used."""
        if not self.dossier_id:
            raise InvoerFout("Kies eerst een dossier; maak er zo nodig een op de welkomstpagina. Er is niets gemaakt.")
        if self.pin != self.pin2:
            raise InvoerFout("De twee pincodes zijn niet gelijk. Typ dezelfde pincode twee keer; er is niets gemaakt.")
        if not self.oefeningen:
            raise InvoerFout("Kies minstens één oefening voor de workshop. Er is niets gemaakt.")
        sessie = self.store.maak_sessie(self.dossier_id, self.sessienaam, self.pin, list(self.oefeningen))
        self.pin = self.pin2 = ""
        self._toon(sessie)
        return sessie

    def open_sessie(self) -> Sessie:
        sessie = self.store.open_als_begeleider(self.open_code, self.open_pin)
        self.open_pin = ""
        self._toon(sessie)
        return sessie

    def _toon(self, sessie: Sessie) -> None:
        try:
            self.dossier = self.store.dossier(sessie.dossier_id)
        except WerkboekFout:
            self.dossier = None
        rondes = self.store.rondes(sessie.id)
        self._stempel = self._uitslag_sleutel = None
        self._ingediend_cache = {}
        self.rondes = rondes
        self.scherm = next((r.id for r in rondes if r.status == OPEN), rondes[0].id if rondes else None)
        self.sessie = sessie
        self.ververs(forceer=True)

    # -- the session and its rounds ------------------------------------------------------------------
    def ronde(self, ronde_id: str | None) -> Ronde | None:
        return next((r for r in self.rondes if r.id == ronde_id), None)

    def sluit_sessie(self) -> Sessie:
        self.sessie = self.store.sluit_sessie(self.sessie.id)
        self.ververs(forceer=True)
        return self.sessie

    def ronde_actie(self, actie: str, ronde_id: str) -> Ronde:
        """'open', 'sluit' or 'heropen' a round; a round just opened is what the room wants on the screen."""
        methode = {"open": self.store.open_ronde, "sluit": self.store.sluit_ronde,
                   "heropen": self.store.heropen_ronde}[actie]
        nieuw = methode(self.sessie.id, ronde_id)
        if actie == "open" or self.scherm is None:
            self.scherm = nieuw.id
        self.ververs(forceer=True)
        return nieuw

    def vraag_overnemen(self, ronde_id: str) -> None:
        self.overname = None
        self.over_te_nemen = self.ronde(ronde_id)

    def annuleer_overnemen(self) -> None:
        self.over_te_nemen = None

    def neem_over(self) -> Overname | None:
        """Adopt the round that waits for confirmation: one transaction in the store (dossier, besluitenlog and
        the round's status), so the other pages of the dossier show it on their next refresh."""
        ronde = self.over_te_nemen
        if ronde is None:
            return None
        overname = self.store.neem_ronde_over(self.sessie.id, ronde.id, self.aanwezig)
        self.over_te_nemen = None
        self.overname = overname
        self.ververs(forceer=True)
        return overname

    # -- live ------------------------------------------------------------------------------------------
    @observe("scherm")
    def _scherm_gekozen(self, _change) -> None:
        if self.sessie is not None:
            self.ververs_nu()

    def ververs_nu(self) -> None:
        """'Nu verversen', or another round on the screen: read now. What goes wrong becomes ``live_fout``, also
        an error in drawing what was read (the page draws in its observers of these traits)."""
        try:
            self.ververs(forceer=True)
        except Exception:
            log.exception("verversen van de workshop mislukte")
            self.live_fout = teksten.ONVERWACHTE_FOUT

    def ververs(self, forceer: bool = False) -> bool:
        """Look at the stamp; read again only when it changed (or ``forceer``). True when read again.
        The page calls this every two seconds; a store error lands in ``live_fout``, never in a traceback."""
        if self.sessie is None or self.store is None:
            return False
        try:
            stempel = self.store.verversstempel(self.sessie.id)
            self.bijgewerkt = tijd()
            if stempel == self._stempel and not forceer:
                return False
            self.sessie = self.store.sessie(self.sessie.id)  # closed from another device meanwhile?
            self.rondes = self.store.rondes(self.sessie.id)
            self._lees_live()
        except WerkboekFout as fout:
            self.live_fout = str(fout)
            return False
        self._stempel = stempel
        self.live_fout = ""
        return True

    def _lees_live(self) -> None:
        sessie = self.sessie
        ronde = self.ronde(self.scherm)
        ingediend: dict[str, frozenset[str]] = {}
        antwoorden = []
        for r in self.rondes:
            op_scherm = ronde is not None and r.id == ronde.id
            if r.status == KLAAR:
                ingediend[r.id] = frozenset()
            elif not op_scherm and r.status != OPEN and (r.id, r.status) in self._ingediend_cache:
                ingediend[r.id] = self._ingediend_cache[(r.id, r.status)]  # a closed round stays put
            else:
                lijst = self.store.ronde_antwoorden(sessie.id, r.id, alleen_ingediend=True)
                ingediend[r.id] = self._ingediend_cache[(r.id, r.status)] = frozenset(d.id for d, _a in lijst)
                if op_scherm:
                    antwoorden = lijst
        if ronde is None:
            self.stand = self.uitslag = None
            self._uitslag_sleutel = None
        else:
            self.stand = Stand(ronde, self.store.ronde_stand(sessie.id, ronde.id))
            sleutel = (ronde.id, tuple(sorted(
                (d.id, d.organisatie, tuple(sorted(a.waarden.items()))) for d, a in antwoorden)))
            if sleutel != self._uitslag_sleutel:  # charts only when the submitted answers changed
                self.uitslag = LiveUitslag(ronde, antwoorden)
                self._uitslag_sleutel = sleutel
        self.deelnemerslijst = Deelnemerslijst(tuple(self.store.deelnemers(sessie.id)), tuple(self.rondes),
                                               ingediend)

    # -- without a shared server ------------------------------------------------------------------------
    def uitnodiging(self) -> bytes:
        """The invitation file participants upload in their own werkboek."""
        return bestand.als_bytes(self.store.uitnodiging(self.sessie.id))

    @staticmethod
    def lees_antwoordbestanden(items: Iterable[Mapping]) -> tuple[list, list[str]]:
        """Uploaded answer files (as FileUpload holds them: name, size, content) → what could be read, and a
        Dutch line per file that could not."""
        gelezen = []
        geweigerd: list[str] = []
        for item in items:
            naam = str(item.get("name") or "antwoorden.json")
            if int(item.get("size") or 0) > bestand.MAX_BESTAND:
                geweigerd.append(f"{naam}: het bestand is te groot voor een antwoordbestand (hoogstens "
                                 f"{bestand.MAX_BESTAND // 1_000_000} MB).")
                continue
            try:
                gelezen.append(bestand.lees_antwoordbestand(bytes(item["content"]), naam))
            except InvoerFout as fout:
                geweigerd.append(str(fout))
        return gelezen, geweigerd

    def importeer(self, gelezen: list) -> ImportVerslag:
        """Count the read answer files as if those participants took part here; one file twice counts once."""
        verslag = self.store.importeer_antwoorden(self.sessie.id, gelezen) if gelezen else ImportVerslag()
        self.ververs(forceer=True)
        return verslag
