"""Exercise 'Samenwerkingsscan': every partner scores 30 statements; the team sees the results.

Two tabs. *Invullen*: choose or start a round (``RondeKeuze``), say who you are and answer the statements
(``Invullen``; every click is saved at once, one transaction) and submit. *Resultaten* (``Resultaten``): per factor
and statement the mean and spread, a radar chart per organisation, where partners differ most, the top 3
attention points with a question to discuss, and the comparison with another round (``Vergelijking``).

The state and the store calls live in ``ScanModel`` (``scan_model.py``); each part below is a view on it that
follows its traits and calls its methods. The sentences the Word report shares come from ``leesmodel.scan``.
"""

from __future__ import annotations

import ipywidgets as w
import traitlets

from ..analysis.scan import REKENREGELS, getal
from ..charts.scan import radar_figuur, vergelijking_figuur
from ..content import ScanStelling
from ..dossier.model import WerkboekFout
from ..dossier.validatie import naam_sleutel
from ..leesmodel.scan import (
    FACTOR_KOPPEN,
    VERSCHIL_KOPPEN,
    RondeStand,
    aandachtspunt_regels,
    aantal,
    factor_rijen,
    radar_alt,
    radar_reeksen,
    verschil_rijen,
)
from .basis import BREED, VELD, Melding, e, figuur_html, tabel_html, veilig
from .context import WerkboekContext
from .oefening import Oefening
from .scan_model import GEEN_VERGELIJKING, WEET_NIET, ScanModel

__all__ = ["GEEN_VERGELIJKING", "WEET_NIET", "SamenwerkingsscanOefening"]

FORMULIER = {"description_width": "190px"}
# The chosen answer is bold, outlined and ticked: not shown by a shade of grey alone.
_CSS = """<style>
.wk-scan-knoppen .widget-toggle-button.mod-active { font-weight: bold; outline: 2px solid #00406b;
  outline-offset: -2px; background: #dbeaf5; color: #00304f; }
.wk-scan-knoppen .widget-toggle-button.mod-active::before { content: "✔ "; }
.wk-scan-tekst { margin-top: 4px; }
</style>"""


def _ronde_label(ronde) -> str:
    return f"{ronde.naam} (gesloten)" if ronde.is_gesloten else ronde.naam


def _html(klasse: str) -> w.HTML:
    veld = w.HTML()
    veld.add_class(klasse)
    return veld


def _toon_als(widget: w.Widget, zichtbaar: bool) -> None:
    widget.layout.display = "flex" if zichtbaar else "none"


class RondeKeuze(w.VBox):
    """Which round is filled in, whether it is open, and starting a new one."""

    def __init__(self, oefening: Oefening, model: ScanModel, melding: Melding):
        self.oefening, self.model, self._melding = oefening, model, melding
        self.ronde = w.Dropdown(description="Ronde", style=FORMULIER, layout=VELD)
        self.ronde.add_class("wk-scan-ronde")
        self.status = _html("wk-scan-ronde-status")
        self.nieuwe_naam = w.Text(description="Naam van de nieuwe ronde", value=model.suggestie, style=FORMULIER,
                                  layout=VELD)
        self.nieuwe_naam.add_class("wk-scan-nieuwe-ronde")
        starten = w.Button(description="Ronde starten", icon="plus",
                           tooltip="Een nieuwe ronde van de scan beginnen, bijv. een half jaar later")
        starten.add_class("wk-scan-ronde-starten")
        super().__init__([w.HTML("<h4>Welke ronde?</h4>"), self.ronde, self.status,
                          w.HBox([self.nieuwe_naam, starten])])
        oefening.bij_wijziging(self.ronde, self._gekozen)
        starten.on_click(self._start)
        model.observe(self._toon, names=["rondes", "ronde_id"])
        model.observe(self._stel_voor, names="suggestie")
        self._toon()

    def _toon(self, _change=None) -> None:
        self.oefening.toon(self.ronde, self.model.ronde_id, [(_ronde_label(r), r.id) for r in self.model.rondes])
        ronde = self.model.ronde()
        if ronde is None:
            self.status.value = (
                "<div class='wk-bron' role='status'>Er is nog geen ronde. Start hieronder de eerste ronde; "
                "daarna kan iedere partner op zijn eigen laptop invullen.</div>")
        elif ronde.is_gesloten:
            self.status.value = (
                f"<div role='status'><b>Gesloten:</b> de ronde <b>{e(ronde.naam)}</b> is gesloten. "
                "Je kunt je antwoorden bekijken, maar niet meer wijzigen.</div>")
        else:
            self.status.value = (f"<div role='status'>De ronde <b>{e(ronde.naam)}</b> is open: "
                                 "elk antwoord wordt meteen opgeslagen.</div>")

    def _stel_voor(self, change) -> None:
        if self.nieuwe_naam.value == change["old"]:  # untouched by the user: suggest the next name
            self.nieuwe_naam.value = change["new"]

    def _gekozen(self, ronde_id) -> None:
        if self.model.kies_ronde(ronde_id):
            self._melding.info("Je hebt een andere ronde gekozen. Klik op 'Beginnen / verder gaan' om in te vullen.")

    @veilig()
    def _start(self, _knop=None) -> None:
        ronde = self.model.maak_ronde(self.nieuwe_naam.value)
        self.nieuwe_naam.value = self.model.suggestie  # counts as untouched: the next suggestion replaces it
        self.oefening.bewaard(f"Ronde '{ronde.naam}' is gestart. Vul je naam en organisatie in en klik op "
                              "'Beginnen / verder gaan'.")


class Invullen(w.VBox):
    """Who fills in, the statements with their answer buttons, the progress and submitting. The statement
    widgets are built once (from the content) and only get new values, so a keyboard user keeps focus."""

    def __init__(self, oefening: Oefening, model: ScanModel, melding: Melding):
        self.oefening, self.model, self._melding = oefening, model, melding
        scan = model.scan
        self._labels = dict(scan.schaal)
        self.naam = w.Text(description="Je naam", placeholder="bijv. Fatima de Vries", style=FORMULIER, layout=VELD)
        self.naam.add_class("wk-scan-naam")
        self.organisatie = w.Combobox(description="Organisatie", placeholder="bijv. Gemeente Delft",
                                      ensure_option=False, style=FORMULIER, layout=VELD)
        self.organisatie.add_class("wk-scan-organisatie")
        beginnen = w.Button(description="Beginnen / verder gaan", button_style="primary", icon="play",
                            layout=w.Layout(width="220px"),
                            tooltip="Begin met invullen; met dezelfde naam ga je verder waar je was")
        beginnen.add_class("wk-scan-beginnen")
        self.wie = _html("wk-scan-wie")
        wissel = w.Button(description="Iemand anders vult in", icon="user", layout=w.Layout(width="auto"),
                          tooltip="Stop met deze antwoordenlijst, zodat iemand anders hier kan invullen")
        wissel.add_class("wk-scan-wissel")
        self.voortgang = [_html("wk-scan-voortgang"), _html("wk-scan-voortgang")]  # on top and above the button
        self.indienen = w.Button(description="Antwoorden indienen", button_style="success", icon="check",
                                 layout=w.Layout(width="220px"),
                                 tooltip="Je antwoorden laten meetellen in de resultaten")
        self.indienen.add_class("wk-scan-indienen")
        self.bevestiging = _html("wk-scan-bevestiging")
        self.knoppen: dict[str, w.ToggleButtons] = {}
        blokken: list[w.Widget] = []
        for factor in scan.factoren:
            blokken.append(w.HTML(f"<h4>{e(factor.naam)}</h4><div class='wk-bron'>{e(factor.omschrijving)}</div>"))
            for subthema_id, subthema_naam in factor.subthemas:
                stellingen = [s for s in scan.stellingen_van(factor.id) if s.subthema == subthema_id]
                if stellingen:
                    blokken.append(w.HTML(f"<h5>{e(subthema_naam)}</h5>"))
                blokken.extend(self._stelling_blok(s) for s in stellingen)
        self.vragenlijst = w.VBox([w.HBox([self.wie, wissel]), self.voortgang[0], *blokken, self.voortgang[1],
                                   self.indienen, self.bevestiging], layout=w.Layout(display="none"))
        self.vragenlijst.add_class("wk-scan-vragenlijst")
        super().__init__([
            w.HTML("<h4>Wie vult in?</h4>"
                   "<div class='wk-bron'>Met dezelfde naam kom je later terug bij je opgeslagen antwoorden.</div>"),
            self.naam, self.organisatie, beginnen, melding, self.vragenlijst,
        ])
        beginnen.on_click(self._begin)
        wissel.on_click(self._wissel)
        self.indienen.on_click(self._dien_in)
        model.observe(self._toon_respons, names=["respons", "antwoorden"])
        model.observe(self._toon_status, names=["rondes", "ronde_id"])
        traitlets.dlink((model, "organisaties"), (self.organisatie, "options"), transform=tuple)
        self._toon_respons()

    def _stelling_blok(self, stelling: ScanStelling) -> w.VBox:
        scan = self.model.scan
        nummer = self.model.nummers[stelling.id]
        opties = [(label, waarde) for waarde, label in scan.schaal] + [(scan.weet_niet, WEET_NIET)]
        knoppen = w.ToggleButtons(options=opties, value=None, description=f"Stelling {nummer}",
                                  tooltips=[f"Stelling {nummer}: {label}" for label, _ in opties],
                                  style={"button_width": "136px", "description_width": "90px"})
        knoppen.add_class("wk-scan-knoppen")
        self.oefening.bij_wijziging(knoppen, lambda keuze, s=stelling: self._gekozen(s, keuze))
        self.knoppen[stelling.id] = knoppen
        blok = w.VBox([w.HTML(f"<div class='wk-scan-tekst'><b>{nummer}.</b> {e(stelling.tekst)}</div>"), knoppen],
                      layout=w.Layout(margin="4px 0 8px 0"))
        blok.add_class("wk-scan-stelling")
        blok.add_class(f"wk-scan-stelling-{stelling.id}")
        return blok

    # -- showing the model --------------------------------------------------------------------------------------
    def _toon_respons(self, _change=None) -> None:
        model, respons = self.model, self.model.respons
        for stelling_id, knoppen in self.knoppen.items():
            waarde = model.antwoorden.get(stelling_id, None)
            self.oefening.toon(knoppen, None if stelling_id not in model.antwoorden else
                               WEET_NIET if waarde is None else waarde)
        _toon_als(self.vragenlijst, respons is not None)
        if respons is None:
            self.wie.value = self.bevestiging.value = ""
        else:
            ronde = model.ronde_met(respons.ronde_id)
            self.wie.value = (f"<div>Je vult in als <b>{e(respons.naam)}</b> ({e(respons.organisatie)}) in ronde "
                              f"<b>{e(ronde.naam if ronde is not None else '')}</b>.</div>")
        totaal, beantwoord = len(model.scan.stellingen), model.aantal_beantwoord
        status = ("ingediend: je antwoorden tellen mee in de resultaten" if model.ingediend
                  else "concept: nog niet ingediend, telt nog niet mee")
        rest = f"nog {totaal - beantwoord} open" if beantwoord < totaal else "alles beantwoord"
        for regel in self.voortgang:
            regel.value = (f"<div role='status'><b>{beantwoord} van {totaal} stellingen beantwoord</b> ({rest}) · "
                           f"status: {status}</div>")
        self.indienen.description = "Ingediend" if model.ingediend else "Antwoorden indienen"
        self._toon_status()

    def _toon_status(self, _change=None) -> None:
        for knoppen in self.knoppen.values():
            knoppen.disabled = self.model.gesloten
        self.indienen.disabled = self.model.gesloten or self.model.ingediend

    # -- a person's actions -------------------------------------------------------------------------------------
    @veilig()
    def _begin(self, _knop=None) -> None:
        respons = self.model.begin(self.naam.value, self.organisatie.value)
        self.bevestiging.value = ""
        if respons.antwoorden:
            tekst = (f"Welkom terug, {respons.naam}. Je opgeslagen antwoorden staan hieronder "
                     f"({self.model.aantal_beantwoord} van {len(self.model.scan.stellingen)} beantwoord).")
        else:
            tekst = f"Welkom, {respons.naam}. Elk antwoord dat je kiest, wordt meteen opgeslagen."
        if naam_sleutel(respons.organisatie) != naam_sleutel(self.organisatie.value):
            tekst += (f" Deze antwoordenlijst staat op naam van organisatie '{respons.organisatie}'. Ben jij iemand "
                      "anders met dezelfde naam? Klik dan op 'Iemand anders vult in' en gebruik je volledige naam.")
        self._melding.ok(tekst)

    def _wissel(self, _knop=None) -> None:
        self.model.stop()
        self.naam.value = self.organisatie.value = ""
        self._melding.info("Je antwoorden zijn bewaard. Iemand anders kan nu zijn of haar naam invullen.")

    def _gekozen(self, stelling: ScanStelling, keuze) -> None:
        if self.model.respons is None or keuze is None:
            return
        try:
            self.model.beantwoord(stelling.id, keuze)
        except WerkboekFout:
            self._toon_respons()  # the buttons show what is really saved
            raise
        waarde = None if keuze == WEET_NIET else keuze
        label = self.model.scan.weet_niet if waarde is None else self._labels[waarde]
        self._melding.ok(f"Opgeslagen: stelling {self.model.nummers[stelling.id]} – {label.lower()}.")

    @veilig()
    def _dien_in(self, _knop=None) -> None:
        respons = self.model.dien_in()
        self._melding.ok("Je antwoorden zijn ingediend.")
        self.bevestiging.value = (
            f"<div class='wk-melding wk-melding-ok' role='status'>✔ Bedankt, {e(respons.naam)}! Je antwoorden zijn "
            "ingediend en tellen mee in de resultaten. Zolang de ronde open is, kun je ze nog wijzigen: elke "
            "wijziging wordt meteen opgeslagen en telt direct mee.</div>")
        self.oefening.bewaard()


class Vergelijking(w.VBox):
    """The shown round next to another one, per factor: a bar chart and the verdict per factor."""

    def __init__(self, oefening: Oefening, model: ScanModel, melding: Melding):
        self.oefening, self.model, self._melding = oefening, model, melding
        self.keuze = w.Dropdown(description="Vergelijk met", style=BREED, layout=VELD)
        self.keuze.add_class("wk-scan-vergelijk")
        self.keuze.add_class("wk-kijkkeuze")  # only chooses what to show: a lezer may use it
        self.uitkomst = _html("wk-scan-vergelijking")
        super().__init__([w.HTML("<h4>Vergelijking met een andere ronde</h4>"), self.keuze, self.uitkomst],
                         layout=w.Layout(display="none"))
        self.add_class("wk-scan-vergelijking-vak")
        oefening.bij_wijziging(self.keuze, self._gekozen)

    def toon(self) -> None:
        andere = self.model.andere_rondes()
        _toon_als(self, bool(andere))
        if not andere:
            return
        opties = [("— geen vergelijking —", GEEN_VERGELIJKING)] + [(_ronde_label(r), r.id) for r in andere]
        self.oefening.toon(self.keuze, self.model.vergelijk_id, opties)
        self._toon_uitkomst()

    def _gekozen(self, ronde_id) -> None:
        self.model.kies_vergelijking(ronde_id)
        self._toon_uitkomst()

    @veilig()
    def _toon_uitkomst(self) -> None:
        vergelijking = self.model.vergelijking()
        if vergelijking is None:
            self.uitkomst.value = ""
            return
        figuur = vergelijking_figuur(
            [v.naam for v in vergelijking.factoren],
            (vergelijking.eerste.naam, [v.eerste for v in vergelijking.factoren]),
            (vergelijking.tweede.naam, [v.tweede for v in vergelijking.factoren]),
        )
        self.uitkomst.value = figuur_html(figuur, vergelijking.alt, breedte="700px") + tabel_html(
            vergelijking.koppen, vergelijking.rijen)


class Resultaten(w.VBox):
    """The results of one round: counts, factors, radar, top 3, differences, all statements, the comparison."""

    def __init__(self, oefening: Oefening, model: ScanModel):
        self.oefening, self.model = oefening, model
        self._melding = Melding()
        self.ronde = w.Dropdown(description="Ronde", style=BREED, layout=VELD)
        self.ronde.add_class("wk-scan-resultaat-ronde")
        self.ronde.add_class("wk-kijkkeuze")  # only chooses what to show: a lezer may use it
        vernieuwen = w.Button(description="Vernieuwen", icon="refresh",
                              tooltip="De nieuwste antwoorden van alle invullers ophalen")
        vernieuwen.add_class("wk-scan-vernieuwen")
        vernieuwen.add_class("wk-kijkkeuze")
        self.sluiten = w.Button(description="Ronde sluiten", icon="lock",
                                tooltip="Voor de begeleider: daarna kan niemand meer antwoorden wijzigen")
        self.sluiten.add_class("wk-scan-sluiten")
        self.aantallen = _html("wk-scan-aantallen")
        self.factoren = _html("wk-scan-factoren")
        self.radar = _html("wk-scan-radar")
        self.top3 = _html("wk-scan-top3")
        self.verschillen = _html("wk-scan-verschillen")
        self.stellingen = _html("wk-scan-stellingen")
        accordion = w.Accordion(children=[self.stellingen], titles=("Alle stellingen (tabel)",), selected_index=None)
        accordion.add_class("wk-scan-alle-stellingen")
        self.details = w.VBox([
            w.HTML("<h4>Per factor</h4>"), self.factoren, self.radar,
            w.HTML("<h4>Top 3 aandachtspunten</h4>"), self.top3,
            w.HTML("<h4>Waar partners het meest verschillen</h4>"), self.verschillen, accordion,
        ])
        self.details.add_class("wk-scan-details")
        self.vergelijking = Vergelijking(oefening, model, self._melding)
        super().__init__([
            w.HBox([self.ronde, vernieuwen, self.sluiten]),
            w.HTML(f"<div class='wk-bron'>{e(REKENREGELS)}</div>"),
            self._melding, self.aantallen, self.details, self.vergelijking,
        ])
        self.add_class("wk-scan-resultaten")
        oefening.bij_wijziging(self.ronde, model.kies_resultaat)  # the exercise then shows its results
        vernieuwen.on_click(self._vernieuw)
        self.sluiten.on_click(self._sluit_of_heropen)
        model.observe(self._toon_keuze, names=["rondes", "resultaat_id"])

    def _toon_keuze(self, _change=None) -> None:
        self.oefening.toon(self.ronde, self.model.resultaat_id, [(_ronde_label(r), r.id) for r in self.model.rondes])

    @veilig()
    def _vernieuw(self, _knop=None) -> None:
        self.model.ververs()  # also picks up rounds started elsewhere
        stand = self.toon()
        if stand is not None:
            ingediend = aantal(len(stand.ingediend), "ingediende antwoordenlijst", "ingediende antwoordenlijsten")
            self._melding.ok(f"Bijgewerkt: {ingediend}.")

    @veilig()
    def _sluit_of_heropen(self, _knop=None) -> None:
        ronde = self.model.sluit_of_heropen(self.model.resultaat_id)
        if ronde.is_gesloten:
            self._melding.ok(f"Ronde '{ronde.naam}' is gesloten: niemand kan nog antwoorden wijzigen.")
        else:
            self._melding.ok(f"Ronde '{ronde.naam}' is weer open: antwoorden kunnen weer worden gewijzigd.")
        self.oefening.bewaard()

    def wis(self) -> None:
        self._melding.wis()

    @veilig()
    def toon(self) -> RondeStand | None:
        self._toon_keuze()
        stand = self.model.uitslag()
        self.sluiten.disabled = stand is None
        if stand is None:
            self.aantallen.value = "<p role='status'>Er is nog geen ronde. Start een ronde op het tabblad Invullen.</p>"
            _toon_als(self.details, False)
            _toon_als(self.vergelijking, False)
            return None
        gesloten = stand.ronde.is_gesloten
        self.sluiten.description = "Ronde heropenen" if gesloten else "Ronde sluiten"
        self.sluiten.icon = "unlock" if gesloten else "lock"
        self.aantallen.value = _aantallen_html(stand)
        _toon_als(self.details, stand.uitslag is not None)
        if stand.uitslag is not None:
            self._toon_uitslag(stand)
        self.vergelijking.toon()
        return stand

    def _toon_uitslag(self, stand: RondeStand) -> None:
        scan, uitslag, ronde = self.model.scan, stand.uitslag, stand.ronde
        self.factoren.value = tabel_html(FACTOR_KOPPEN, factor_rijen(uitslag))
        factornamen, profielen, gemiddelde = radar_reeksen(scan, uitslag)
        self.radar.value = figuur_html(radar_figuur(factornamen, profielen, gemiddelde, ronde.naam),
                                       radar_alt(scan, ronde.naam, uitslag), breedte="760px")
        regels = aandachtspunt_regels(scan, uitslag.aandachtspunten)
        if regels:
            items = "".join(
                f"<li class='wk-scan-aandachtspunt'><b>{e(r.kop)}</b><br>{e(r.toelichting)}<br>"
                f"<span class='wk-scan-gespreksvraag'><i>Gespreksvraag:</i> {e(r.gespreksvraag)}</span></li>"
                for r in regels)
            self.top3.value = ("<p>De stellingen met de laagste gemiddelde score. Bespreek ze samen aan de hand van "
                               f"de vraag.</p><ol>{items}</ol>")
        else:
            self.top3.value = ("<p role='status'>Nog geen aandachtspunten: daarvoor zijn per stelling minstens twee "
                               "scores nodig.</p>")
        self.verschillen.value = _verschillen_html(uitslag)
        factornaam = {f.id: f.naam for f in scan.factoren}
        self.stellingen.value = tabel_html(
            ["Nr.", "Factor", "Stelling", "Gemiddelde", "Spreiding", "Scores", "Weet niet"],
            [[str(r.nummer), factornaam[r.stelling.factor], r.stelling.tekst,
              "te weinig antwoorden" if r.te_weinig else getal(r.gemiddelde),
              "–" if r.te_weinig else getal(r.spreiding), str(r.n), str(r.weet_niet)]
             for r in uitslag.stellingen],
        )


def _verschillen_html(uitslag) -> str:
    if not uitslag.verschillen:
        return "<p>Er zijn (nog) geen stellingen waarop de antwoorden uiteenlopen.</p>"
    rijen = verschil_rijen(uitslag)
    if rijen is not None:
        return ("<p>Stellingen met het grootste verschil tussen het hoogste en het laagste gemiddelde van een "
                "organisatie.</p>" + tabel_html(VERSCHIL_KOPPEN, rijen))
    return ("<p>Alle ingediende antwoorden komen van één organisatie, dus hier staan de stellingen met de "
            "grootste spreiding tussen de invullers.</p>" + tabel_html(
                ["Nr.", "Stelling", "Spreiding"],
                [[str(v.nummer), v.stelling.tekst, getal(v.verschil)] for v in uitslag.verschillen]))


def _aantallen_html(stand: RondeStand) -> str:
    ingediend, concepten = stand.ingediend, stand.concepten
    regels = [
        f"<p role='status'><b>{e(stand.ronde.naam)}</b> ({stand.status}): "
        f"<b>{aantal(len(ingediend), 'ingediende antwoordenlijst', 'ingediende antwoordenlijsten')}</b>, "
        f"{aantal(len(concepten), 'antwoordenlijst', 'antwoordenlijsten')} nog in concept. "
        "Concepten tellen niet mee in de resultaten.</p>"
    ]
    if ingediend:
        namen = ", ".join(f"{e(r.naam)} ({e(r.organisatie)})" for r in ingediend)
        regels.append(f"<div class='wk-bron'>Ingediend: {namen}</div>")
    if concepten:
        namen = ", ".join(f"{e(r.naam)} ({e(r.organisatie)})" for r in concepten)
        regels.append(f"<div class='wk-bron'>Nog in concept: {namen}</div>")
    if not ingediend:
        regels.append("<p>Zodra er antwoordenlijsten zijn ingediend, verschijnen hier de resultaten. "
                      "Klik op 'Vernieuwen' om te kijken of er nieuwe zijn.</p>")
    return "".join(regels)


class SamenwerkingsscanOefening(Oefening):
    """Fill in and read the samenwerkingsscan of the open dossier: the model and the four parts joined."""

    KLASSE = "wk-oefening-scan"

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        scan = context.inhoud.fase1.scan
        self.model = ScanModel(scan)
        self.ronden = RondeKeuze(self, self.model, self._melding)
        self.invullen = Invullen(self, self.model, self._melding)
        self.resultaten = Resultaten(self, self.model)
        invullen = w.VBox([self.ronden, self.invullen])
        invullen.add_class("wk-scan-invullen")
        self._tabs = w.Tab(children=[invullen, self.resultaten],
                           titles=("Invullen", "Resultaten"))
        self._tabs.add_class("wk-scan-tabs")
        self.inhoud.children = [
            w.HTML(_CSS, layout=w.Layout(display="none")),
            w.HTML(
                f"Iedere partner beoordeelt {len(scan.stellingen)} stellingen over de samenwerking, "
                f"verdeeld over {len(scan.factoren)} factoren: "
                + e(", ".join(f.naam.lower() for f in scan.factoren))
                + ". Kies per stelling hoe sterk je het ermee eens bent, of 'weet niet'. Vul in vanuit je eigen "
                "ervaring; er zijn geen goede of foute antwoorden."
            ),
            self._tabs,
        ]
        self._tabs.observe(self._tab_gekozen, names="selected_index")
        # the answering round leads the results: choosing it there shows its results too
        self.model.observe(self._resultaat_gekozen, names="resultaat_id")
        self.start()

    def laad(self, dossier_gewisseld: bool) -> None:
        if dossier_gewisseld:
            self._melding.wis()
            self.resultaten.wis()
            self.model.open(self.context.store, self.context.dossier_id)
        else:
            self.model.ververs()
        if self._tabs.selected_index == 1:
            self.resultaten.toon()

    def _tab_gekozen(self, change) -> None:
        if change["new"] == 1:
            self.resultaten.toon()

    def _resultaat_gekozen(self, _change) -> None:
        if self._tabs.selected_index == 1:
            self.resultaten.toon()
