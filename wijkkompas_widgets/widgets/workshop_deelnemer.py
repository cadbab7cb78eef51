"""The participant's page of a live workshop: join with the code on the screen, answer the open rounds.

Every answer is saved when it is given (one transaction in the store), so a reload or a dropped connection
loses nothing; the herstelcode brings a participant back to their answers on any device. The page polls
the store every few seconds for rounds that open or close, and rebuilds only what changed, so the widget a
participant is typing in keeps its keyboard focus. A participant never sees anyone else's name or answers.
"""

from __future__ import annotations

import ipywidgets as w

from ..dossier.model import InvoerFout, WerkboekFout
from ..dossier.validatie import naam_sleutel
from ..workshop.codes import normaliseer_code
from ..workshop.model import GESLOTEN, OPEN, OVERGENOMEN, WEGING_TOTAAL, Antwoorden, Deelnemer, Ronde, Sessie, Vraag
from .basis import BREED, VELD, Melding, e, knop, log, stijl, veilig, zet_keuze
from .context import WerkboekContext
from .workshop_live import Verversing, download_link, tijd

WEET_NIET = "weet-niet"  # the toggle value for 'weet niet'; stored as None
INTERVAL = 3.0  # seconds between two looks at the rounds
_GEEN_KEUZE = "— kies —"


def som_tekst(totaal: int) -> str:
    """The live line under the points of the weging: left, too many, or exactly right (text, not colour)."""
    if totaal == WEGING_TOTAAL:
        return f"✔ Precies {WEGING_TOTAAL} punten verdeeld."
    if totaal < WEGING_TOTAAL:
        rest = WEGING_TOTAAL - totaal
        return f"Nog {rest} {'punt' if rest == 1 else 'punten'} te verdelen (nu {totaal} van {WEGING_TOTAAL})."
    teveel = totaal - WEGING_TOTAAL
    return f"⚠ {teveel} {'punt' if teveel == 1 else 'punten'} te veel (nu {totaal} van {WEGING_TOTAAL})."


class RondeFormulier(w.VBox):
    """One round as a form: its questions grouped under their heading, saved per change, and 'Indienen'.

    Built once per round; ``zet_ronde`` only switches it between answerable and read-only, so the widget
    a participant is in keeps its focus when another round opens or closes."""

    def __init__(self, weergave: DeelnemerWeergave, ronde: Ronde, antwoorden: Antwoorden):
        super().__init__()
        self.add_class("wk-workshop-formulier")
        self.add_class(f"wk-workshop-formulier-{ronde.oefening}")
        self._weergave = weergave
        self.ronde = ronde
        self._antwoorden = antwoorden
        self._laden = False  # True while saved values are put into the widgets: nothing is saved then
        self.melding = Melding()
        self.invoer: dict[str, w.ValueWidget] = {}
        self._vragen = {v.sleutel: v for v in ronde.vragen}

        self._kop = w.HTML()
        self._status = w.HTML()
        self._status.add_class("wk-workshop-rondestatus")
        self._voortgang = w.HTML()
        self._voortgang.add_class("wk-workshop-voortgang")
        self._opgeslagen = w.HTML()
        self._opgeslagen.add_class("wk-workshop-opgeslagen")
        self._voortgang_onder = w.HTML()
        self._ingediend = w.HTML()
        self._ingediend.add_class("wk-workshop-ingediend")
        self._som = w.HTML()
        self._som.add_class("wk-workshop-som")
        self.indienen = knop("Indienen", "wk-workshop-indienen", button_style="success", icon="check",
                             tooltip="Je antwoorden laten meetellen in de uitkomst van deze ronde")
        self.indienen.on_click(self._dien_in)

        blokken: list[w.Widget] = []
        groep = None
        for nummer, vraag in enumerate(ronde.vragen, start=1):
            if vraag.groep and vraag.groep != groep:
                blokken.append(w.HTML(f"<h4 class='wk-workshop-groep'>{e(vraag.groep)}</h4>"))
            groep = vraag.groep
            blokken.append(self._vraag_blok(vraag, nummer))
        onder = [self._som] if ronde.oefening == "weging" else []
        self.children = [self._kop, self._status, self._voortgang, *blokken, *onder,
                         self._voortgang_onder,
                         w.HBox([self.indienen, self._opgeslagen], layout=w.Layout(align_items="center")),
                         self.melding, self._ingediend]
        self._toon_antwoorden()
        self.zet_ronde(ronde)

    # -- building -------------------------------------------------------------------------
    def _vraag_blok(self, vraag: Vraag, nummer: int) -> w.Widget:
        oefening = self.ronde.oefening
        toelichting = (f"<details><summary>Toelichting</summary><div class='wk-bron'>{e(vraag.toelichting)}</div>"
                       "</details>" if vraag.toelichting else "")
        if oefening == "weging":
            invoer = w.BoundedIntText(value=0, min=vraag.minimum, max=vraag.maximum, description=vraag.label,
                                      style={"description_width": "300px"}, layout=w.Layout(width="420px"))
            blok = w.HBox([invoer, w.HTML(toelichting, layout=w.Layout(margin="0 0 0 12px", max_width="560px"))]
                          if toelichting else [invoer])
        elif oefening == "machtbelang":
            soort = "Invloed" if vraag.sleutel.endswith(":invloed") else (
                "Belang" if vraag.sleutel.endswith(":belang") else vraag.label)
            laag, hoog = vraag.minimum, vraag.maximum
            opties = [(_GEEN_KEUZE, None)] + [
                (f"{n} (weinig)" if n == laag else f"{n} (veel)" if n == hoog else str(n), n)
                for n in range(laag, hoog + 1)]
            invoer = w.Dropdown(options=opties, description=soort, tooltip=vraag.label,
                                style={"description_width": "70px"}, layout=w.Layout(width="220px"))
            zet_keuze(invoer, None)
            blok = invoer
        else:
            if oefening == "scan" and (vraag.minimum, vraag.maximum) == (1, 5):
                opties = [(label, waarde) for waarde, label in self._weergave.schaal]
                beschrijving, breedte = f"Stelling {nummer}", "128px"
            elif oefening == "koppelkansen":
                from .koppelkansen import score_opties  # only here: it loads the phase-3 analysis and charts

                sleutel = vraag.sleutel.split(":", 1)[-1]
                opties = [o for o in score_opties(sleutel) if o[1] is not None]
                beschrijving, breedte = vraag.label, "auto"
            else:
                opties = [(str(n), n) for n in range(vraag.minimum, vraag.maximum + 1)]
                beschrijving, breedte = vraag.label, "auto"
            if vraag.weet_niet:
                opties.append((self._weergave.weet_niet, WEET_NIET))
            invoer = w.ToggleButtons(options=opties, value=None, description=beschrijving,
                                     tooltips=[f"{beschrijving}: {label}" for label, _ in opties],
                                     style={"button_width": breedte,
                                            "description_width": "90px" if oefening == "scan" else "220px"})
            invoer.add_class("wk-workshop-knoppen")
            if oefening == "scan":
                blok = w.VBox([w.HTML(f"<div><b>{nummer}.</b> {e(vraag.label)}</div>{toelichting}"), invoer])
            else:
                blok = w.VBox([invoer, w.HTML(toelichting)]) if toelichting else invoer
        invoer.add_class("wk-workshop-invoer")
        invoer.observe(lambda change, v=vraag: self._gewijzigd(v, change), names="value")
        self.invoer[vraag.sleutel] = invoer
        blok.add_class("wk-workshop-vraag")
        return blok

    # -- showing --------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        return self.ronde.status == OPEN

    def zet_ronde(self, ronde: Ronde) -> None:
        """The round's (new) status: answerable while open, read-only otherwise."""
        self.ronde = ronde
        dicht = ronde.status != OPEN
        self._kop.value = f"<h3>{e(ronde.titel)}</h3>"
        if ronde.status == GESLOTEN:
            self._status.value = ("<div class='wk-melding wk-melding-info' role='status'><b>Gesloten</b> — Deze ronde "
                                  "is gesloten. Je ziet je eigen antwoorden; aanpassen kan niet meer.</div>")
        elif ronde.status == OVERGENOMEN:
            self._status.value = ("<div class='wk-melding wk-melding-info' role='status'><b>Gesloten</b> — Deze ronde "
                                  "is gesloten en de uitkomst is overgenomen in het dossier.</div>")
        else:
            self._status.value = "<div role='status'><b>Open</b>: je antwoorden worden meteen opgeslagen.</div>"
        for invoer in self.invoer.values():
            invoer.disabled = dicht
        self.indienen.disabled = dicht
        self.indienen.layout.display = "none" if dicht else None
        if dicht:
            self.add_class("wk-workshop-formulier-dicht")
            self._opgeslagen.value = ""
        else:
            self.remove_class("wk-workshop-formulier-dicht")
        self._toon_voortgang()

    def _toon_antwoorden(self) -> None:
        self._laden = True
        try:
            for sleutel, invoer in self.invoer.items():
                self._zet_invoer(invoer, sleutel)
        finally:
            self._laden = False
        self._toon_voortgang()

    def _zet_invoer(self, invoer: w.ValueWidget, sleutel: str) -> None:
        waarden = self._antwoorden.waarden
        if isinstance(invoer, w.BoundedIntText):
            invoer.value = waarden.get(sleutel) or 0
        elif isinstance(invoer, w.Dropdown):
            zet_keuze(invoer, waarden.get(sleutel))
        elif sleutel not in waarden:
            invoer.value = None
        else:
            invoer.value = WEET_NIET if waarden[sleutel] is None else waarden[sleutel]

    def _toon_voortgang(self) -> None:
        totaal = len(self.ronde.vragen)
        if self.ronde.oefening == "weging":
            som = sum(int(i.value or 0) for i in self.invoer.values())
            self._som.value = f"<div role='status' aria-live='polite'>{e(som_tekst(som))}</div>"
            self._voortgang.value = (f"<div class='wk-bron'>Verdeel {WEGING_TOTAAL} punten over de {totaal} criteria: "
                                     "hoe belangrijker een criterium voor jou, hoe meer punten.</div>")
        else:
            beantwoord = sum(1 for v in self.ronde.vragen if v.sleutel in self._antwoorden.waarden)
            self._voortgang.value = (f"<div role='status' class='wk-workshop-telling'><b>{beantwoord} van {totaal} "
                                     "beantwoord</b></div>")
            self._voortgang_onder.value = self._voortgang.value if totaal > 8 else ""
        if self._antwoorden.is_ingediend:
            self._ingediend.value = (
                "<div class='wk-melding wk-melding-ok' role='status'>Ingediend ✔ — je kunt je antwoorden aanpassen "
                "tot de begeleider de ronde sluit.</div>" if self.is_open else
                "<div class='wk-melding wk-melding-ok' role='status'>Ingediend ✔ — je antwoorden tellen mee.</div>")
            self.indienen.description = "Opnieuw indienen" if self.ronde.oefening == "weging" else "Ingediend ✔"
        else:
            self._ingediend.value = ("<div class='wk-bron'>Nog niet ingediend: je antwoorden tellen pas mee als je "
                                     "op 'Indienen' klikt.</div>" if self.is_open else
                                     "<div class='wk-bron'>Niet ingediend: deze antwoorden tellen niet mee.</div>")
            self.indienen.description = "Indienen"

    # -- saving ---------------------------------------------------------------------------
    def _gewijzigd(self, vraag: Vraag, change) -> None:
        if self._laden or not self.is_open:
            return
        nieuw = change["new"]
        if self.ronde.oefening == "weging":
            self._toon_voortgang()  # the live sum, also for a value that is then saved
        elif nieuw is None:  # a toggle or dropdown put back to 'nothing chosen': nothing to save
            return
        self._bewaar(vraag, None if nieuw == WEET_NIET else int(nieuw))

    def _bewaar(self, vraag: Vraag, waarde: int | None) -> None:
        weergave = self._weergave
        try:
            self._antwoorden = weergave.store.beantwoord(weergave.deelnemer.id, self.ronde.id, vraag.sleutel, waarde)
        except WerkboekFout as fout:
            self._mislukt(str(fout), vraag.sleutel)
            return
        except Exception:
            weergave.log_onverwacht("een antwoord opslaan")
            self._mislukt(weergave.onverwacht, vraag.sleutel)
            return
        self.melding.wis()
        self._opgeslagen.value = f"<span role='status'>Opgeslagen ✔ {tijd()}</span>"
        self._toon_voortgang()
        weergave.antwoord_gewijzigd()

    def _mislukt(self, tekst: str, sleutel: str | None = None) -> None:
        """Show the store's message, put the widget back to what is really saved, and look again whether
        the round was closed meanwhile (then the form turns read-only)."""
        self.melding.fout(tekst)
        self._opgeslagen.value = ""
        if sleutel is not None:
            self._laden = True
            try:
                self._zet_invoer(self.invoer[sleutel], sleutel)
            finally:
                self._laden = False
        self._toon_voortgang()
        try:
            self._weergave.ververs(forceer=True)
        except Exception:  # the message above is what matters; the page looks again in a few seconds
            log.exception("verversen na een mislukt antwoord")

    def _dien_in(self, _knop=None) -> None:
        weergave = self._weergave
        if not self.is_open:
            return
        try:
            if self.ronde.oefening == "weging":
                waarden = {s: int(i.value or 0) for s, i in self.invoer.items()}
                self._antwoorden = weergave.store.beantwoord_alles(weergave.deelnemer.id, self.ronde.id, waarden,
                                                                   indienen=True)
            else:
                self._antwoorden = weergave.store.dien_in_ronde(weergave.deelnemer.id, self.ronde.id)
        except WerkboekFout as fout:
            self._mislukt(str(fout))
            return
        except Exception:
            weergave.log_onverwacht("indienen")
            self._mislukt(weergave.onverwacht)
            return
        self.melding.wis()
        self._opgeslagen.value = f"<span role='status'>Opgeslagen ✔ {tijd()}</span>"
        self._toon_voortgang()
        weergave.antwoord_gewijzigd()


class DeelnemerWeergave(w.VBox):
    """Join a workshop (or continue with the herstelcode) and answer its open rounds."""

    def __init__(self, context: WerkboekContext, *, code: str = "", automatisch: bool = True):
        super().__init__()
        self.add_class("wk-workshop-deelnemer")
        self.context = context
        self.store = context.store
        scan = context.inhoud.fase1.scan
        self.schaal = scan.schaal
        self.weet_niet = scan.weet_niet
        self.onverwacht = "Er ging iets mis en er is niets opgeslagen. Probeer het opnieuw of laad de pagina opnieuw."
        self.deelnemer: Deelnemer | None = None
        self.sessie: Sessie | None = None
        self.formulieren: dict[str, RondeFormulier] = {}
        self._rondes_sleutel: tuple | None = None
        self._offline = False  # the session came from an invitation file: keep the answer file up to date
        self._melding = Melding()
        self._melding_offline = Melding()
        self._melding_ververs = Melding()

        # -- joining
        self._code = w.Text(value=code, description="Deelnamecode", placeholder="bijv. K7PQ-2MXD", style=BREED,
                            layout=w.Layout(width="360px"))
        self._code.add_class("wk-workshop-invoer-code")
        self._sessie_info = w.HTML()
        self._sessie_info.add_class("wk-workshop-sessie-info")
        self._naam = w.Text(description="Je naam", placeholder="bijv. Sanne de Wit", style=BREED, layout=VELD)
        self._naam.add_class("wk-workshop-naam")
        self._organisatie = w.Combobox(description="Organisatie", placeholder="bijv. Woningcorporatie Vestia",
                                       ensure_option=False, style=BREED, layout=VELD)
        self._organisatie.add_class("wk-workshop-organisatie")
        sporen = [(f"{s.letter} · {s.naam}", s.letter) for s in context.inhoud.sporen]
        self._spoor = w.Dropdown(options=[("Weet ik niet", ""), *sporen], value="", description="Spoor",
                                 style=BREED, layout=VELD)
        self._spoor.add_class("wk-workshop-spoor")
        self._meedoen = knop("Meedoen", "wk-workshop-meedoen", button_style="primary", icon="sign-in")
        self._meedoen.on_click(self._meld_aan)
        self._herstelcode = w.Text(description="Herstelcode", placeholder="bijv. ABC-123", style=BREED,
                                   layout=w.Layout(width="360px"))
        self._herstelcode.add_class("wk-workshop-herstelcode-invoer")
        self._verder = knop("Verder gaan", "wk-workshop-verder", icon="undo")
        self._verder.on_click(self._ga_verder)
        self._aanmelden = w.VBox([
            w.HTML("<h3>Meedoen aan de workshop</h3><p>Vul de code in die de begeleider laat zien, je naam en je "
                   "organisatie. Je antwoorden worden meteen opgeslagen. Andere deelnemers zien je naam en je "
                   "antwoorden niet; de begeleider ziet wie meedoet en de uitkomst van de hele groep.</p>"),
            self._code, self._sessie_info, self._naam, self._organisatie,
            w.HTML("<div class='wk-bron' style='margin-left:178px'>Gebruik de naam van je organisatie zoals de "
                   "begeleider die kent (de lijst geeft suggesties zodra de code klopt). Dan kan de uitkomst straks "
                   "aan de juiste partij in het dossier worden gekoppeld.</div>"),
            self._spoor,
            w.HTML("<div class='wk-bron' style='margin-left:178px'>Het spoor van het Wijkkompas waar jouw "
                   "organisatie vooral voor staat. Weet je het niet, dan is dat ook goed.</div>"),
            self._meedoen,
            w.HTML("<h4>Ik deed al mee</h4><div class='wk-bron'>Na het herladen van de pagina of op een ander "
                   "apparaat ga je verder met de code van de workshop en je herstelcode.</div>"),
            w.HBox([self._herstelcode, self._verder]),
        ])
        self._aanmelden.add_class("wk-workshop-aanmelden")

        # -- answering
        self._wie = w.HTML()
        self._wie.add_class("wk-workshop-wie-vak")
        self._geen_rondes = w.HTML()
        self._geen_rondes.add_class("wk-workshop-geen-rondes")
        self._rondes = w.VBox()
        self._rondes.add_class("wk-workshop-rondes")
        self._nu_verversen = knop("Verversen", "wk-workshop-deelnemer-verversen", icon="refresh",
                                  tooltip="Kijken of de begeleider een ronde heeft geopend of gesloten")
        self._nu_verversen.on_click(self._ververs_knop)
        self._meedoen_vak = w.VBox([self._wie, self._melding_ververs, self._geen_rondes, self._rondes,
                                    self._nu_verversen], layout=w.Layout(display="none"))

        # -- offline
        self._upload = w.FileUpload(accept=".json", multiple=False, description="Uitnodiging uploaden",
                                    layout=w.Layout(width="260px"))
        self._upload.add_class("wk-workshop-uitnodiging-upload")
        self._upload.observe(self._uitnodiging_geupload, names="value")
        self._download = w.HTML()
        self._download.add_class("wk-workshop-antwoorden-download")
        offline = w.VBox([
            w.HTML("<p>Werkt de groep zonder gedeelde server, bijvoorbeeld elk op een eigen Binder? Upload dan het "
                   "uitnodigingsbestand dat je van de begeleider kreeg, meld je aan en beantwoord de vragen. Download "
                   "daarna je antwoorden en stuur dat bestand naar de begeleider.</p>"),
            self._upload, self._melding_offline, self._download,
        ])
        self._offline_vak = w.Accordion(children=[offline], titles=("Zonder gedeelde server (bijv. Binder)",),
                                        selected_index=None)
        self._offline_vak.add_class("wk-workshop-offline")
        self._offline_vak.observe(lambda _c: self._ververs_download(), names="selected_index")

        self.children = [stijl(), self._aanmelden, self._melding, self._meedoen_vak, self._offline_vak]
        if self.store is None:
            self._melding.fout(context.opstartmelding or "De opslag kon niet worden geopend.")
            for veld in (self._meedoen, self._verder, self._upload):
                veld.disabled = True
        self._code.observe(self._code_gewijzigd, names="value")
        if code:
            self._code_gewijzigd()
        self._verversing = Verversing(self.ververs, INTERVAL, actief=lambda: self.deelnemer is not None,
                                      bij_fout=self._toon_ververs_fout)
        if automatisch:
            self._verversing.start()

    # -- helpers --------------------------------------------------------------------------
    def log_onverwacht(self, wat: str) -> None:
        log.exception("onverwachte fout bij %s in de workshop", wat)

    def _toon_ververs_fout(self) -> None:
        self._melding_ververs.fout("De pagina kon niet kijken of er rondes zijn geopend of gesloten. Het wordt zo "
                                   "opnieuw geprobeerd; je antwoorden zijn bewaard.")

    def close(self) -> None:
        self._verversing.stop()
        super().close()

    # -- joining --------------------------------------------------------------------------
    def _code_gewijzigd(self, _change=None) -> None:
        """Once the code is complete: say which workshop it is and suggest the dossier's organisations.
        Quietly, while typing: a wrong code only gets a message when the participant clicks 'Meedoen'."""
        try:
            normaliseer_code(self._code.value)
        except InvoerFout:
            self._sessie_info.value = ""
            return
        if self.store is None:
            return
        try:
            sessie = self.store.sessie_voor_code(self._code.value)
        except WerkboekFout as fout:
            self._sessie_info.value = f"<div class='wk-bron' style='margin-left:178px'>{e(str(fout))}</div>"
            return
        self._sessie_info.value = (f"<div style='margin-left:178px'>Workshop: <b>{e(sessie.naam)}</b></div>")
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
        if list(self._organisatie.options) != namen:
            self._organisatie.options = namen

    @veilig()
    def _meld_aan(self, _knop=None) -> None:
        deelnemer = self.store.meld_aan(self._code.value, self._naam.value, self._organisatie.value,
                                        self._spoor.value)
        self._toon_deelnemer(deelnemer)
        self._melding.ok(f"Welkom, {deelnemer.naam}! Je doet mee.")

    @veilig()
    def _ga_verder(self, _knop=None) -> None:
        if not self._code.value.strip():
            raise InvoerFout("Vul ook de deelnamecode van de workshop in (die staat op het scherm van de begeleider).")
        deelnemer = self.store.ga_verder(self._code.value, self._herstelcode.value)
        self._toon_deelnemer(deelnemer)
        self._melding.ok(f"Welkom terug, {deelnemer.naam}! Je antwoorden staan er nog.")

    def _toon_deelnemer(self, deelnemer: Deelnemer) -> None:
        self.sessie = self.store.sessie_voor_code(self._code.value)
        self.deelnemer = deelnemer
        self._aanmelden.layout.display = "none"
        self._meedoen_vak.layout.display = "flex"
        organisatie = f" ({e(deelnemer.organisatie)})" if deelnemer.organisatie else ""
        self._wie.value = (
            f"<div class='wk-workshop-wie'>Je doet mee aan <b>{e(self.sessie.naam)}</b> als <b>{e(deelnemer.naam)}"
            f"</b>{organisatie}.<br>Je herstelcode: <span class='wk-workshop-herstelcode'>"
            f"{e(deelnemer.herstelcode)}</span> — schrijf hem op; daarmee ga je verder na "
            "herladen of op een ander apparaat.</div>"
        )
        self._rondes_sleutel = None
        self.ververs(forceer=True)
        self._verversing.start()

    # -- the rounds -----------------------------------------------------------------------
    def ververs(self, forceer: bool = False) -> bool:
        """Look whether rounds opened or closed; rebuild only then. True when something changed."""
        if self.deelnemer is None or self.store is None:
            return False
        try:
            rondes = self.store.rondes_voor_deelnemer(self.deelnemer.id)
        except WerkboekFout as fout:
            self._melding_ververs.fout(str(fout))
            return False
        sleutel = tuple((r.id, r.status) for r in rondes)
        if sleutel == self._rondes_sleutel and not forceer:
            return False
        self._melding_ververs.wis()
        veranderd = sleutel != self._rondes_sleutel
        self._rondes_sleutel = sleutel
        if not veranderd:
            return False
        ids = {r.id for r in rondes}
        for ronde_id in [i for i in self.formulieren if i not in ids]:
            self.formulieren.pop(ronde_id).close()
        for ronde in rondes:
            formulier = self.formulieren.get(ronde.id)
            if formulier is None:
                antwoorden = self.store.mijn_antwoorden(self.deelnemer.id, ronde.id)
                self.formulieren[ronde.id] = RondeFormulier(self, ronde, antwoorden)
            elif formulier.ronde.status != ronde.status:
                formulier.zet_ronde(ronde)
        # open rounds first (what to do now), the closed ones below them, each in the facilitator's order
        volgorde = sorted(rondes, key=lambda r: (r.status != OPEN, r.volgorde))
        kinderen = tuple(self.formulieren[r.id] for r in volgorde)
        if tuple(self._rondes.children) != kinderen:
            self._rondes.children = kinderen
        if not any(r.status == OPEN for r in rondes):
            gesloten = self.sessie is not None and self.sessie.is_gesloten
            self._geen_rondes.value = (
                "<div class='wk-melding wk-melding-info' role='status'>ℹ Er is nu geen open ronde. Wacht tot de "
                "begeleider een ronde opent: deze pagina kijkt elke paar seconden vanzelf.</div>"
                if not gesloten else
                "<div class='wk-melding wk-melding-info' role='status'>ℹ De workshop is afgesloten. Bedankt voor je "
                "bijdrage!</div>")
        else:
            self._geen_rondes.value = ""
        self._ververs_download()
        return True

    @veilig("_melding_ververs")
    def _ververs_knop(self, _knop=None) -> None:
        self.ververs(forceer=True)

    def antwoord_gewijzigd(self) -> None:
        """After every save: keep the answer file (offline) current."""
        self._ververs_download()

    # -- offline --------------------------------------------------------------------------
    @veilig("_melding_offline")
    def _uitnodiging_geupload(self, change) -> None:
        from ..workshop import bestand

        bestanden = change["new"]
        if not bestanden:
            return
        gegevens = bestanden[0]
        try:
            naam = str(gegevens.get("name") or "uitnodiging.json")
            if int(gegevens.get("size") or 0) > bestand.MAX_BESTAND:
                raise InvoerFout(f"{naam}: dit bestand is te groot voor een uitnodiging (hoogstens "
                                 f"{bestand.MAX_BESTAND // 1_000_000} MB). Kies het bestand van de begeleider.")
            uitnodiging = bestand.lees_uitnodiging(bytes(gegevens["content"]), naam)
            sessie = self.store.plaats_uitnodiging(uitnodiging)
        finally:
            self._upload.value = ()
        self._offline = True
        self._code.value = sessie.code_getoond
        self._melding_offline.ok(f"De uitnodiging voor '{sessie.naam}' staat klaar. Meld je hierboven aan met je naam "
                                 "en organisatie; de code is al ingevuld.")

    @veilig("_melding_offline")
    def _ververs_download(self) -> None:
        """The answer file as a download link: only for offline use, or when the section is open."""
        if self.deelnemer is None or not (self._offline or self._offline_vak.selected_index == 0):
            return
        from ..workshop import bestand

        data = bestand.als_bytes(self.store.antwoordbestand(self.deelnemer.id))
        naam = "".join(t if t.isalnum() else "-" for t in self.deelnemer.naam).strip("-") or "deelnemer"
        self._download.value = (
            "<p>Stuur dit bestand na afloop naar de begeleider. Het bevat je naam, organisatie en je antwoorden.</p>"
            + download_link(data, f"antwoorden-{self.sessie.code}-{naam}.json", "Mijn antwoorden downloaden")
        )
