"""The participant's page of a live workshop: join with the code on the screen, answer the open rounds.

The state and the store calls are in ``DeelnemerModel`` and ``RondeModel`` (``workshop_deelnemer_model``); this
module builds the controls and links them to those traits. Every answer is saved when it is given (one transaction
in the store), so a reload or a dropped connection loses nothing; the herstelcode brings a participant back to
their answers on any device. The page polls the model every few seconds for rounds that open or close, and
rebuilds only what changed, so the control a participant is typing in keeps its keyboard focus. A control saves
only what differs from what the store holds, so filling a form from the store never saves. A participant never
sees anyone else's name or answers.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ipywidgets as w

from ..leesmodel.koppelkansen import score_opties
from ..workshop.model import GESLOTEN, OVERGENOMEN, WEGING_TOTAAL, Vraag
from .basis import BREED, VELD, Melding, e, knop, stijl, veilig, zet_keuze
from .context import WerkboekContext
from .workshop_deelnemer_model import VERVERS_FOUT, DeelnemerModel, RondeModel
from .workshop_live import Verversing, download_link

WEET_NIET = "weet-niet"  # the toggle value for 'weet niet'; stored as None
INTERVAL = 3.0  # seconds between two looks at the rounds
_GEEN_KEUZE = "— kies —"
_MARGE = "<div class='wk-bron' style='margin-left:178px'>{}</div>"


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

    Built once per round; a new status only switches it between answerable and read-only, so the control a
    participant is in keeps its focus when another round opens or closes."""

    def __init__(self, model: RondeModel, schaal: Sequence[tuple[int, str]], weet_niet: str):
        super().__init__()
        ronde = model.ronde
        self.add_class("wk-workshop-formulier")
        self.add_class(f"wk-workshop-formulier-{ronde.oefening}")
        self.model = model
        self._schaal = schaal
        self._weet_niet = weet_niet
        self.melding = Melding()
        self.invoer: dict[str, w.ValueWidget] = {}
        self._kop = w.HTML()
        self._status = w.HTML()
        self._status.add_class("wk-workshop-rondestatus")
        self._voortgang = w.HTML()
        self._voortgang.add_class("wk-workshop-voortgang")
        opgeslagen = w.HTML()
        opgeslagen.add_class("wk-workshop-opgeslagen")
        w.dlink((model, "opgeslagen"), (opgeslagen, "value"),
                lambda t: f"<span role='status'>Opgeslagen ✔ {t}</span>" if t else "")
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
        self.children = [self._kop, self._status, self._voortgang, *blokken, *onder, self._voortgang_onder,
                         w.HBox([self.indienen, opgeslagen], layout=w.Layout(align_items="center")),
                         self.melding, self._ingediend]
        for sleutel, invoer in self.invoer.items():
            self._toon_opgeslagen(invoer, sleutel)
        model.observe(self._toon_ronde, names="ronde")
        model.observe(self._toon_voortgang, names="antwoorden")
        model.observe(self._toon_fout, names="fout")
        self._toon_ronde()

    # -- building -------------------------------------------------------------------------
    def _vraag_blok(self, vraag: Vraag, nummer: int) -> w.Widget:
        oefening = self.model.ronde.oefening
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
                opties = [(label, waarde) for waarde, label in self._schaal]
                beschrijving, breedte = f"Stelling {nummer}", "128px"
            elif oefening == "koppelkansen":
                opties = [o for o in score_opties(vraag.sleutel.split(":", 1)[-1]) if o[1] is not None]
                beschrijving, breedte = vraag.label, "auto"
            else:
                opties = [(str(n), n) for n in range(vraag.minimum, vraag.maximum + 1)]
                beschrijving, breedte = vraag.label, "auto"
            if vraag.weet_niet:
                opties.append((self._weet_niet, WEET_NIET))
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
        invoer.observe(lambda change, v=vraag, i=invoer: self._gewijzigd(v, i, change["new"]), names="value")
        self.invoer[vraag.sleutel] = invoer
        blok.add_class("wk-workshop-vraag")
        return blok

    # -- showing --------------------------------------------------------------------------
    def _getoond(self, invoer: w.ValueWidget, sleutel: str):
        """What the control shows for the answer the store holds."""
        waarden = self.model.antwoorden.waarden
        if isinstance(invoer, w.BoundedIntText):
            return waarden.get(sleutel) or 0
        if isinstance(invoer, w.Dropdown) or sleutel not in waarden:
            return waarden.get(sleutel)
        return WEET_NIET if waarden[sleutel] is None else waarden[sleutel]

    def _toon_opgeslagen(self, invoer: w.ValueWidget, sleutel: str) -> None:
        waarde = self._getoond(invoer, sleutel)
        zet_keuze(invoer, waarde) if isinstance(invoer, w.Dropdown) else setattr(invoer, "value", waarde)

    def _toon_ronde(self, _change=None) -> None:
        """The round's (new) status: answerable while open, read-only otherwise."""
        ronde = self.model.ronde
        dicht = not self.model.is_open
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
        else:
            self.remove_class("wk-workshop-formulier-dicht")
        self._toon_voortgang()

    def _toon_voortgang(self, _change=None) -> None:
        ronde, antwoorden = self.model.ronde, self.model.antwoorden
        totaal = len(ronde.vragen)
        if ronde.oefening == "weging":
            som = sum(int(i.value or 0) for i in self.invoer.values())
            self._som.value = f"<div role='status' aria-live='polite'>{e(som_tekst(som))}</div>"
            self._voortgang.value = (f"<div class='wk-bron'>Verdeel {WEGING_TOTAAL} punten over de {totaal} criteria: "
                                     "hoe belangrijker een criterium voor jou, hoe meer punten.</div>")
        else:
            beantwoord = sum(1 for v in ronde.vragen if v.sleutel in antwoorden.waarden)
            self._voortgang.value = (f"<div role='status' class='wk-workshop-telling'><b>{beantwoord} van {totaal} "
                                     "beantwoord</b></div>")
            self._voortgang_onder.value = self._voortgang.value if totaal > 8 else ""
        open_ = self.model.is_open
        if antwoorden.is_ingediend:
            self._ingediend.value = (
                "<div class='wk-melding wk-melding-ok' role='status'>Ingediend ✔ — je kunt je antwoorden aanpassen "
                "tot de begeleider de ronde sluit.</div>" if open_ else
                "<div class='wk-melding wk-melding-ok' role='status'>Ingediend ✔ — je antwoorden tellen mee.</div>")
            self.indienen.description = "Opnieuw indienen" if ronde.oefening == "weging" else "Ingediend ✔"
        else:
            self._ingediend.value = ("<div class='wk-bron'>Nog niet ingediend: je antwoorden tellen pas mee als je "
                                     "op 'Indienen' klikt.</div>" if open_ else
                                     "<div class='wk-bron'>Niet ingediend: deze antwoorden tellen niet mee.</div>")
            self.indienen.description = "Indienen"

    def _toon_fout(self, _change=None) -> None:
        if self.model.fout:
            self.melding.fout(self.model.fout)
        else:
            self.melding.wis()

    # -- saving ---------------------------------------------------------------------------
    def _gewijzigd(self, vraag: Vraag, invoer: w.ValueWidget, nieuw) -> None:
        if self.model.ronde.oefening == "weging":
            self._toon_voortgang()  # the live sum, also for a value that is then saved
        if nieuw is None or not self.model.is_open or nieuw == self._getoond(invoer, vraag.sleutel):
            return  # nothing chosen, a closed round, or what the store holds already
        if not self.model.beantwoord(vraag.sleutel, None if nieuw == WEET_NIET else int(nieuw)):
            self._toon_opgeslagen(invoer, vraag.sleutel)  # back to what is really saved
            self._toon_voortgang()

    def _dien_in(self, _knop=None) -> None:
        punten = ({s: int(i.value or 0) for s, i in self.invoer.items()}
                  if self.model.ronde.oefening == "weging" else None)
        self.model.dien_in(punten)


class AanmeldVak(w.VBox):
    """Joining: the code (from the page URL or typed), name, organisation and spoor; or coming back with the
    herstelcode."""

    def __init__(self, model: DeelnemerModel, sporen: Sequence[tuple[str, str]], melding: Melding):
        super().__init__()
        self.add_class("wk-workshop-aanmelden")
        self.model = model
        self._melding = melding
        code = self._veld(w.Text, "code", "wk-workshop-invoer-code", description="Deelnamecode",
                          placeholder="bijv. K7PQ-2MXD", layout=w.Layout(width="360px"))
        self._sessie_info = w.HTML()
        self._sessie_info.add_class("wk-workshop-sessie-info")
        naam = self._veld(w.Text, "naam", "wk-workshop-naam", description="Je naam", placeholder="bijv. Sanne de Wit",
                          layout=VELD)
        organisatie = self._veld(w.Combobox, "organisatie", "wk-workshop-organisatie", description="Organisatie",
                                 placeholder="bijv. Woningcorporatie Vestia", ensure_option=False, layout=VELD)
        w.dlink((model, "organisaties"), (organisatie, "options"), tuple)
        spoor = self._veld(w.Dropdown, "spoor", "wk-workshop-spoor", options=[("Weet ik niet", ""), *sporen],
                           description="Spoor", layout=VELD)
        self.meedoen = knop("Meedoen", "wk-workshop-meedoen", button_style="primary", icon="sign-in")
        self.meedoen.on_click(self._meld_aan)
        herstelcode = self._veld(w.Text, "herstelcode", "wk-workshop-herstelcode-invoer", description="Herstelcode",
                                 placeholder="bijv. ABC-123", layout=w.Layout(width="360px"))
        self.verder = knop("Verder gaan", "wk-workshop-verder", icon="undo")
        self.verder.on_click(self._ga_verder)
        self.children = [
            w.HTML("<h3>Meedoen aan de workshop</h3><p>Vul de code in die de begeleider laat zien, je naam en je "
                   "organisatie. Je antwoorden worden meteen opgeslagen. Andere deelnemers zien je naam en je "
                   "antwoorden niet; de begeleider ziet wie meedoet en de uitkomst van de hele groep.</p>"),
            code, self._sessie_info, naam, organisatie,
            w.HTML(_MARGE.format("Gebruik de naam van je organisatie zoals de begeleider die kent (de lijst geeft "
                                 "suggesties zodra de code klopt). Dan kan de uitkomst straks aan de juiste partij in "
                                 "het dossier worden gekoppeld.")),
            spoor,
            w.HTML(_MARGE.format("Het spoor van het Wijkkompas waar jouw organisatie vooral voor staat. Weet je het "
                                 "niet, dan is dat ook goed.")),
            self.meedoen,
            w.HTML("<h4>Ik deed al mee</h4><div class='wk-bron'>Na het herladen van de pagina of op een ander "
                   "apparaat ga je verder met de code van de workshop en je herstelcode.</div>"),
            w.HBox([herstelcode, self.verder]),
        ]
        model.observe(self._toon_sessie_info, names=["code_sessie", "code_fout"])
        self._toon_sessie_info()

    def _veld(self, soort: type, trait: str, klasse: str, **kwargs) -> w.ValueWidget:
        """A field that holds the model's ``trait``."""
        veld = soort(style=BREED, **kwargs)
        veld.add_class(klasse)
        w.link((self.model, trait), (veld, "value"))
        return veld

    def _toon_sessie_info(self, _change=None) -> None:
        sessie, fout = self.model.code_sessie, self.model.code_fout
        if sessie is not None:
            self._sessie_info.value = f"<div style='margin-left:178px'>Workshop: <b>{e(sessie.naam)}</b></div>"
        else:
            self._sessie_info.value = _MARGE.format(e(fout)) if fout else ""

    @veilig()
    def _meld_aan(self, _knop=None) -> None:
        deelnemer = self.model.meld_aan()
        self._melding.ok(f"Welkom, {deelnemer.naam}! Je doet mee.")

    @veilig()
    def _ga_verder(self, _knop=None) -> None:
        deelnemer = self.model.ga_verder()
        self._melding.ok(f"Welkom terug, {deelnemer.naam}! Je antwoorden staan er nog.")


class MeedoenVak(w.VBox):
    """Taking part: who you are (with the herstelcode), and a form per round, the open ones first."""

    def __init__(self, model: DeelnemerModel, schaal, weet_niet: str, bij_antwoord: Callable[[], None]):
        super().__init__(layout=w.Layout(display="none"))
        self.model = model
        self._schaal = schaal
        self._weet_niet = weet_niet
        self._bij_antwoord = bij_antwoord
        self.formulieren: dict[str, RondeFormulier] = {}
        self._wie = w.HTML()
        self._wie.add_class("wk-workshop-wie-vak")
        self._melding = Melding()
        self._geen_rondes = w.HTML()
        self._geen_rondes.add_class("wk-workshop-geen-rondes")
        self._rondes = w.VBox()
        self._rondes.add_class("wk-workshop-rondes")
        verversen = knop("Verversen", "wk-workshop-deelnemer-verversen", icon="refresh",
                         tooltip="Kijken of de begeleider een ronde heeft geopend of gesloten")
        verversen.on_click(lambda _k: model.ververs_nu())
        self.children = [self._wie, self._melding, self._geen_rondes, self._rondes, verversen]
        model.observe(self._toon_wie, names="deelnemer")
        model.observe(self._toon_rondes, names="rondes_sleutel")
        model.observe(self._toon_fout, names="ververs_fout")

    def _toon_wie(self, _change=None) -> None:
        deelnemer, sessie = self.model.deelnemer, self.model.sessie
        if deelnemer is None:
            return
        organisatie = f" ({e(deelnemer.organisatie)})" if deelnemer.organisatie else ""
        self._wie.value = (
            f"<div class='wk-workshop-wie'>Je doet mee aan <b>{e(sessie.naam)}</b> als <b>{e(deelnemer.naam)}"
            f"</b>{organisatie}.<br>Je herstelcode: <span class='wk-workshop-herstelcode'>"
            f"{e(deelnemer.herstelcode)}</span> — schrijf hem op; daarmee ga je verder na "
            "herladen of op een ander apparaat.</div>"
        )

    def _toon_rondes(self, _change=None) -> None:
        if self.model.rondes_sleutel is None:
            return
        ids = {m.ronde.id for m in self.model.rondes}
        for ronde_id in [i for i in self.formulieren if i not in ids]:
            self.formulieren.pop(ronde_id).close()
        for ronde_model in self.model.rondes:
            if ronde_model.ronde.id not in self.formulieren:
                self.formulieren[ronde_model.ronde.id] = RondeFormulier(ronde_model, self._schaal, self._weet_niet)
                ronde_model.observe(lambda _c: self._bij_antwoord(), names="antwoorden")
        kinderen = tuple(self.formulieren[m.ronde.id] for m in self.model.rondes)
        if tuple(self._rondes.children) != kinderen:
            self._rondes.children = kinderen
        if any(m.is_open for m in self.model.rondes):
            self._geen_rondes.value = ""
        elif self.model.sessie is not None and self.model.sessie.is_gesloten:
            self._geen_rondes.value = ("<div class='wk-melding wk-melding-info' role='status'>ℹ De workshop is "
                                       "afgesloten. Bedankt voor je bijdrage!</div>")
        else:
            self._geen_rondes.value = (
                "<div class='wk-melding wk-melding-info' role='status'>ℹ Er is nu geen open ronde. Wacht tot de "
                "begeleider een ronde opent: deze pagina kijkt elke paar seconden vanzelf.</div>")
        self._bij_antwoord()

    def _toon_fout(self, _change=None) -> None:
        if self.model.ververs_fout:
            self._melding.fout(self.model.ververs_fout)
        else:
            self._melding.wis()


class UitnodigingVak(w.Accordion):
    """Without a shared server: upload the facilitator's invitation, and download the own answers as a file."""

    def __init__(self, model: DeelnemerModel):
        self.model = model
        self._melding = Melding()
        self.upload = w.FileUpload(accept=".json", multiple=False, description="Uitnodiging uploaden",
                                   layout=w.Layout(width="260px"))
        self.upload.add_class("wk-workshop-uitnodiging-upload")
        self.upload.observe(self._geupload, names="value")
        self._download = w.HTML()
        self._download.add_class("wk-workshop-antwoorden-download")
        inhoud = w.VBox([
            w.HTML("<p>Werkt de groep zonder gedeelde server, bijvoorbeeld elk op een eigen Binder? Upload dan het "
                   "uitnodigingsbestand dat je van de begeleider kreeg, meld je aan en beantwoord de vragen. Download "
                   "daarna je antwoorden en stuur dat bestand naar de begeleider.</p>"),
            self.upload, self._melding, self._download,
        ])
        super().__init__(children=[inhoud], titles=("Zonder gedeelde server (bijv. Binder)",), selected_index=None)
        self.add_class("wk-workshop-offline")
        self.observe(lambda _c: self.ververs_download(), names="selected_index")

    @veilig()
    def _geupload(self, change) -> None:
        bestanden = change["new"]
        if not bestanden:
            return
        try:
            sessie = self.model.plaats_uitnodiging(bestanden[0])
        finally:
            self.upload.value = ()
        self._melding.ok(f"De uitnodiging voor '{sessie.naam}' staat klaar. Meld je hierboven aan met je naam "
                         "en organisatie; de code is al ingevuld.")

    @veilig()
    def ververs_download(self) -> None:
        """The answer file as a download link: only for offline use, or when the section is open."""
        if self.model.deelnemer is None or not (self.model.offline or self.selected_index == 0):
            return
        data, naam = self.model.antwoordbestand()
        self._download.value = (
            "<p>Stuur dit bestand na afloop naar de begeleider. Het bevat je naam, organisatie en je antwoorden.</p>"
            + download_link(data, naam, "Mijn antwoorden downloaden"))


class DeelnemerWeergave(w.VBox):
    """Join a workshop (or continue with the herstelcode) and answer its open rounds."""

    def __init__(self, context: WerkboekContext, *, code: str = "", automatisch: bool = True):
        super().__init__()
        self.add_class("wk-workshop-deelnemer")
        self.context = context
        self.model = DeelnemerModel(context.store, code)
        scan = context.inhoud.fase1.scan
        melding = Melding()
        self._aanmelden = AanmeldVak(self.model, [(f"{s.letter} · {s.naam}", s.letter) for s in context.inhoud.sporen],
                                     melding)
        self._offline = UitnodigingVak(self.model)
        self._meedoen = MeedoenVak(self.model, scan.schaal, scan.weet_niet, self._offline.ververs_download)
        self.children = [stijl(), self._aanmelden, melding, self._meedoen, self._offline]
        if context.store is None:
            melding.fout(context.opstartmelding or "De opslag kon niet worden geopend.")
            for veld in (self._aanmelden.meedoen, self._aanmelden.verder, self._offline.upload):
                veld.disabled = True
        self.model.observe(self._doet_mee, names="deelnemer")
        self._verversing = Verversing(self.model.ververs, INTERVAL, actief=lambda: self.model.deelnemer is not None,
                                      bij_fout=self._ververs_fout)
        if automatisch:
            self._verversing.start()

    def ververs(self, forceer: bool = False) -> bool:
        """One look whether rounds opened or closed (what the timer does every few seconds); True when one did."""
        return self.model.ververs(forceer=forceer)

    def _doet_mee(self, change) -> None:
        if change["new"] is None:
            return
        self._aanmelden.layout.display = "none"
        self._meedoen.layout.display = "flex"
        self._verversing.start()

    def _ververs_fout(self) -> None:
        self.model.ververs_fout = VERVERS_FOUT

    def close(self) -> None:
        self._verversing.stop()
        super().close()
