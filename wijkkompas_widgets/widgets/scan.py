"""Exercise 'Samenwerkingsscan': every partner scores 30 statements; the team sees the results.

Two tabs. *Invullen*: choose or start a round, say who you are, answer the statements (every
click is saved at once, one transaction) and submit. *Resultaten*: per factor and statement the
mean and spread, a radar chart per organisation, where partners differ most, the top 3 attention
points with a question to discuss, and the comparison with another round.
"""

from __future__ import annotations

import ipywidgets as w

from ..analysis.scan import (
    OP_ORGANISATIES,
    REKENREGELS,
    ScanUitslag,
    analyseer,
    factor_resultaten,
    vergelijk_rondes,
)
from ..charts.scan import getal, radar_figuur, vergelijking_figuur
from ..content import ScanStelling
from ..dossier.model import InvoerFout, WerkboekFout
from ..dossier.scan import ScanRespons, ScanRonde
from ..dossier.validatie import naam_sleutel
from .basis import BREED, VELD, Melding, e, figuur_html, tabel_html, veilig
from .context import WerkboekContext
from .kop import geen_dossier_html

WEET_NIET = "weet-niet"  # the toggle value for 'weet niet'; saved as None ('answered, no score')
GEEN_VERGELIJKING = "geen"
FORMULIER = {"description_width": "190px"}
# The chosen answer is bold, outlined and ticked: not shown by a shade of grey alone.
_CSS = """<style>
.wk-scan-knoppen .widget-toggle-button.mod-active { font-weight: bold; outline: 2px solid #00406b;
  outline-offset: -2px; background: #dbeaf5; color: #00304f; }
.wk-scan-knoppen .widget-toggle-button.mod-active::before { content: "✔ "; }
.wk-scan-tekst { margin-top: 4px; }
</style>"""


def _ronde_label(ronde: ScanRonde) -> str:
    return f"{ronde.naam} (gesloten)" if ronde.is_gesloten else ronde.naam


def _aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    return f"{n} {enkelvoud if n == 1 else meervoud}"


def _opsomming(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


class SamenwerkingsscanOefening(w.VBox):
    """Fill in and read the samenwerkingsscan of the open dossier.

    The statement widgets are built once (from the content) and only get new values when the
    dossier changes, so a keyboard user keeps focus while answers are saved."""

    def __init__(self, context: WerkboekContext):
        super().__init__()
        self.add_class("wk-oefening-scan")
        self.context = context
        self._scan = context.inhoud.fase1.scan
        self._nummers = {s.id: nummer for nummer, s in enumerate(self._scan.stellingen, start=1)}
        self._labels = {waarde: label for waarde, label in self._scan.schaal}
        self._melding = Melding()
        self._melding_resultaat = Melding()
        self._respons: ScanRespons | None = None
        self._antwoorden: dict[str, int | None] = {}
        self._rondes: dict[int, ScanRonde] = {}
        self._suggestie = ""
        self._laden = False  # True while values are shown from the store: nothing is saved then
        self._vullen = False  # True while the round lists are refilled

        self._invullen = self._bouw_invullen()
        self._resultaten = self._bouw_resultaten()
        self._tabs = w.Tab(children=[self._invullen, self._resultaten], titles=("Invullen", "Resultaten"))
        self._tabs.add_class("wk-scan-tabs")
        self._inhoud = w.VBox([
            w.HTML(_CSS, layout=w.Layout(display="none")),
            w.HTML(
                f"Iedere partner beoordeelt {len(self._scan.stellingen)} stellingen over de samenwerking, "
                f"verdeeld over {len(self._scan.factoren)} factoren: "
                + e(", ".join(f.naam.lower() for f in self._scan.factoren))
                + ". Kies per stelling hoe sterk je het ermee eens bent, of 'weet niet'. Vul in vanuit je eigen "
                "ervaring; er zijn geen goede of foute antwoorden."
            ),
            self._tabs,
        ])
        self._geen_dossier = w.HTML(geen_dossier_html())
        self.children = [self._inhoud]
        self._tabs.observe(self._tab_gekozen, names="selected_index")
        context.observe(self._herlaad, names=["dossier_id", "revisie"])
        self._herlaad()

    # -- building -------------------------------------------------------------------------
    def _bouw_invullen(self) -> w.VBox:
        self._ronde = w.Dropdown(description="Ronde", style=FORMULIER, layout=VELD)
        self._ronde.add_class("wk-scan-ronde")
        self._ronde_status = w.HTML()
        self._ronde_status.add_class("wk-scan-ronde-status")
        self._nieuwe_ronde = w.Text(description="Naam van de nieuwe ronde", style=FORMULIER, layout=VELD)
        self._nieuwe_ronde.add_class("wk-scan-nieuwe-ronde")
        self._ronde_starten = w.Button(description="Ronde starten", icon="plus",
                                       tooltip="Een nieuwe ronde van de scan beginnen, bijv. een half jaar later")
        self._ronde_starten.add_class("wk-scan-ronde-starten")
        self._naam = w.Text(description="Je naam", placeholder="bijv. Fatima de Vries", style=FORMULIER,
                            layout=VELD)
        self._naam.add_class("wk-scan-naam")
        self._organisatie = w.Combobox(description="Organisatie", placeholder="bijv. Gemeente Delft",
                                       ensure_option=False, style=FORMULIER, layout=VELD)
        self._organisatie.add_class("wk-scan-organisatie")
        self._beginnen = w.Button(description="Beginnen / verder gaan", button_style="primary", icon="play",
                                  layout=w.Layout(width="220px"),
                                  tooltip="Begin met invullen; met dezelfde naam ga je verder waar je was")
        self._beginnen.add_class("wk-scan-beginnen")
        self._wie = w.HTML()
        self._wie.add_class("wk-scan-wie")
        self._wissel = w.Button(description="Iemand anders vult in", icon="user", layout=w.Layout(width="auto"),
                                tooltip="Stop met deze antwoordenlijst, zodat iemand anders hier kan invullen")
        self._wissel.add_class("wk-scan-wissel")
        self._voortgang = w.HTML()
        self._voortgang.add_class("wk-scan-voortgang")
        self._indienen = w.Button(description="Antwoorden indienen", button_style="success", icon="check",
                                  layout=w.Layout(width="220px"),
                                  tooltip="Je antwoorden laten meetellen in de resultaten")
        self._indienen.add_class("wk-scan-indienen")
        self._bevestiging = w.HTML()
        self._bevestiging.add_class("wk-scan-bevestiging")

        self._knoppen: dict[str, w.ToggleButtons] = {}
        blokken: list[w.Widget] = []
        for factor in self._scan.factoren:
            blokken.append(w.HTML(f"<h4>{e(factor.naam)}</h4><div class='wk-bron'>{e(factor.omschrijving)}</div>"))
            for subthema_id, subthema_naam in factor.subthemas:
                stellingen = [s for s in self._scan.stellingen_van(factor.id) if s.subthema == subthema_id]
                if stellingen:
                    blokken.append(w.HTML(f"<h5>{e(subthema_naam)}</h5>"))
                blokken.extend(self._stelling_blok(s) for s in stellingen)
        self._vragenlijst = w.VBox(
            [w.HBox([self._wie, self._wissel]), self._voortgang, *blokken, self._voortgang_onder(),
             self._indienen, self._bevestiging],
            layout=w.Layout(display="none"),
        )
        self._vragenlijst.add_class("wk-scan-vragenlijst")
        self._ronde.observe(self._ronde_gekozen, names="value")
        self._ronde_starten.on_click(self._maak_ronde)
        self._beginnen.on_click(self._begin)
        self._wissel.on_click(lambda _knop: self._stop_respons(wis_velden=True))
        self._indienen.on_click(self._dien_in)
        return w.VBox([
            w.HTML("<h4>Welke ronde?</h4>"),
            self._ronde, self._ronde_status,
            w.HBox([self._nieuwe_ronde, self._ronde_starten]),
            w.HTML("<h4>Wie vult in?</h4>"
                   "<div class='wk-bron'>Met dezelfde naam kom je later terug bij je opgeslagen antwoorden.</div>"),
            self._naam, self._organisatie, self._beginnen,
            self._melding,
            self._vragenlijst,
        ])

    def _voortgang_onder(self) -> w.HTML:
        """The progress line again above the submit button (same text as on top)."""
        self._voortgang_2 = w.HTML()
        return self._voortgang_2

    def _stelling_blok(self, stelling: ScanStelling) -> w.VBox:
        nummer = self._nummers[stelling.id]
        opties = [(label, waarde) for waarde, label in self._scan.schaal] + [(self._scan.weet_niet, WEET_NIET)]
        knoppen = w.ToggleButtons(
            options=opties,
            value=None,
            description=f"Stelling {nummer}",
            tooltips=[f"Stelling {nummer}: {label}" for label, _ in opties],
            style={"button_width": "136px", "description_width": "90px"},
        )
        knoppen.add_class("wk-scan-knoppen")
        knoppen.observe(lambda change, s=stelling: self._gekozen(s, change), names="value")
        self._knoppen[stelling.id] = knoppen
        blok = w.VBox([w.HTML(f"<div class='wk-scan-tekst'><b>{nummer}.</b> {e(stelling.tekst)}</div>"), knoppen],
                      layout=w.Layout(margin="4px 0 8px 0"))
        blok.add_class("wk-scan-stelling")
        blok.add_class(f"wk-scan-stelling-{stelling.id}")
        return blok

    def _bouw_resultaten(self) -> w.VBox:
        self._res_ronde = w.Dropdown(description="Ronde", style=BREED, layout=VELD)
        self._res_ronde.add_class("wk-scan-resultaat-ronde")
        self._vernieuwen = w.Button(description="Vernieuwen", icon="refresh",
                                    tooltip="De nieuwste antwoorden van alle invullers ophalen")
        self._vernieuwen.add_class("wk-scan-vernieuwen")
        self._sluiten = w.Button(description="Ronde sluiten", icon="lock",
                                 tooltip="Voor de begeleider: daarna kan niemand meer antwoorden wijzigen")
        self._sluiten.add_class("wk-scan-sluiten")
        self._aantallen = w.HTML()
        self._aantallen.add_class("wk-scan-aantallen")
        self._factoren = w.HTML()
        self._factoren.add_class("wk-scan-factoren")
        self._radar = w.HTML()
        self._radar.add_class("wk-scan-radar")
        self._top3 = w.HTML()
        self._top3.add_class("wk-scan-top3")
        self._verschillen = w.HTML()
        self._verschillen.add_class("wk-scan-verschillen")
        self._stellingen = w.HTML()
        self._stellingen.add_class("wk-scan-stellingen")
        self._stellingen_accordion = w.Accordion(children=[self._stellingen], titles=("Alle stellingen (tabel)",),
                                                 selected_index=None)
        self._vergelijk = w.Dropdown(description="Vergelijk met", style=BREED, layout=VELD)
        self._vergelijk.add_class("wk-scan-vergelijk")
        self._vergelijking = w.HTML()
        self._vergelijking.add_class("wk-scan-vergelijking")
        self._vergelijk_vak = w.VBox([w.HTML("<h4>Vergelijking met een andere ronde</h4>"), self._vergelijk,
                                      self._vergelijking], layout=w.Layout(display="none"))
        self._details = w.VBox([
            w.HTML("<h4>Per factor</h4>"), self._factoren, self._radar,
            w.HTML("<h4>Top 3 aandachtspunten</h4>"), self._top3,
            w.HTML("<h4>Waar partners het meest verschillen</h4>"), self._verschillen,
            self._stellingen_accordion,
        ])
        self._res_ronde.observe(self._resultaat_ronde_gekozen, names="value")
        self._vernieuwen.on_click(self._toon_resultaten)
        self._sluiten.on_click(self._sluit_of_heropen)
        self._vergelijk.observe(self._vergelijking_gekozen, names="value")
        return w.VBox([
            w.HBox([self._res_ronde, self._vernieuwen, self._sluiten]),
            w.HTML(f"<div class='wk-bron'>{e(REKENREGELS)}</div>"),
            self._melding_resultaat, self._aantallen, self._details, self._vergelijk_vak,
        ])

    # -- reloading ------------------------------------------------------------------------
    @veilig()
    def _herlaad(self, change=None) -> None:
        if self.context.store is None or self.context.dossier_id is None:
            self.children = [self._geen_dossier]
            self._stop_respons(wis_velden=False)
            return
        self.children = [self._inhoud]
        if change is not None and change["name"] == "dossier_id":
            self._stop_respons(wis_velden=False)
            self._melding.wis()
            self._melding_resultaat.wis()
        self._vul_rondes()
        self._vul_organisaties()
        if self._respons is not None:
            self._ververs_respons()
        if self._tabs.selected_index == 1:
            self._toon_resultaten()

    def _vul_rondes(self, kies: int | None = None) -> None:
        rondes = self.context.store.scan_rondes(self.context.dossier_id)
        self._rondes = {r.id: r for r in rondes}
        opties = [(_ronde_label(r), r.id) for r in rondes]
        open_ = [r for r in rondes if not r.is_gesloten]
        standaard = (open_ or rondes)[-1].id if rondes else None
        self._vullen = True
        try:
            for keuze in (self._ronde, self._res_ronde):
                huidig = kies if kies is not None else keuze.value
                if list(keuze.options) != opties:
                    keuze.options = opties
                keuze.value = huidig if huidig in self._rondes else standaard
        finally:
            self._vullen = False
        self._toon_ronde_status()
        namen = {naam_sleutel(r.naam) for r in rondes}
        volgnummer = len(rondes) + 1
        while naam_sleutel(f"Ronde {volgnummer}") in namen:
            volgnummer += 1
        suggestie = f"Ronde {volgnummer}"
        if self._nieuwe_ronde.value == self._suggestie:  # untouched by the user: suggest the next name
            self._nieuwe_ronde.value = suggestie
        self._suggestie = suggestie

    def _vul_organisaties(self) -> None:
        namen: list[str] = []
        for partij in self.context.store.partijen(self.context.dossier_id):
            naam = partij.organisatie or partij.naam
            if naam not in namen:
                namen.append(naam)
        if list(self._organisatie.options) != namen:
            self._organisatie.options = namen

    def _toon_ronde_status(self) -> None:
        ronde = self._rondes.get(self._ronde.value)
        if ronde is None:
            self._ronde_status.value = (
                "<div class='wk-bron' role='status'>Er is nog geen ronde. Start hieronder de eerste ronde; "
                "daarna kan iedere partner op zijn eigen laptop invullen.</div>"
            )
        elif ronde.is_gesloten:
            self._ronde_status.value = (
                f"<div role='status'><b>Gesloten:</b> de ronde <b>{e(ronde.naam)}</b> is gesloten. "
                "Je kunt je antwoorden bekijken, maar niet meer wijzigen.</div>"
            )
        else:
            self._ronde_status.value = (
                f"<div role='status'>De ronde <b>{e(ronde.naam)}</b> is open: "
                "elk antwoord wordt meteen opgeslagen.</div>"
            )
        gesloten = ronde is not None and ronde.is_gesloten
        for knoppen in self._knoppen.values():
            knoppen.disabled = gesloten
        self._indienen.disabled = gesloten or (self._respons is not None and self._respons.is_ingediend)

    # -- filling in -----------------------------------------------------------------------
    @veilig()
    def _ronde_gekozen(self, change) -> None:
        if self._vullen:
            return
        if self._respons is not None and self._respons.ronde_id != change["new"]:
            self._stop_respons(wis_velden=False)
            self._melding.info("Je hebt een andere ronde gekozen. Klik op 'Beginnen / verder gaan' om in te vullen.")
        self._toon_ronde_status()
        self._res_ronde.value = change["new"]

    @veilig()
    def _maak_ronde(self, _knop=None) -> None:
        ronde = self.context.store.maak_scan_ronde(self.context.dossier_id, self._nieuwe_ronde.value)
        self._stop_respons(wis_velden=False)
        self._nieuwe_ronde.value = self._suggestie  # counts as untouched: the next suggestion replaces it
        self._vul_rondes(kies=ronde.id)
        self._melding.ok(
            f"Ronde '{ronde.naam}' is gestart. Vul je naam en organisatie in en klik op 'Beginnen / verder gaan'."
        )
        self.context.gewijzigd()

    @veilig()
    def _begin(self, _knop=None) -> None:
        ronde_id = self._ronde.value
        if ronde_id is None:
            raise InvoerFout("Er is nog geen ronde. Start eerst een ronde met de knop 'Ronde starten'.")
        respons = self.context.store.start_respons(self.context.dossier_id, ronde_id, self._naam.value,
                                                   self._organisatie.value)
        self._toon_respons(respons)
        self._vragenlijst.layout.display = "flex"
        self._bevestiging.value = ""
        if respons.antwoorden:
            tekst = (f"Welkom terug, {respons.naam}. Je opgeslagen antwoorden staan hieronder "
                     f"({self._aantal_beantwoord()} van {len(self._scan.stellingen)} beantwoord).")
        else:
            tekst = f"Welkom, {respons.naam}. Elk antwoord dat je kiest, wordt meteen opgeslagen."
        if naam_sleutel(respons.organisatie) != naam_sleutel(self._organisatie.value):
            tekst += (f" Deze antwoordenlijst staat op naam van organisatie '{respons.organisatie}'. Ben jij iemand "
                      "anders met dezelfde naam? Klik dan op 'Iemand anders vult in' en gebruik je volledige naam.")
        self._melding.ok(tekst)

    def _toon_respons(self, respons: ScanRespons) -> None:
        """Show a saved response (values only, nothing is saved)."""
        self._respons = respons
        self._antwoorden = dict(respons.antwoorden)
        self._laden = True
        try:
            for stelling_id, knoppen in self._knoppen.items():
                if stelling_id in self._antwoorden:
                    waarde = self._antwoorden[stelling_id]
                    knoppen.value = WEET_NIET if waarde is None else waarde
                else:
                    knoppen.value = None
        finally:
            self._laden = False
        self._wie.value = (
            f"<div>Je vult in als <b>{e(respons.naam)}</b> ({e(respons.organisatie)}) in ronde "
            f"<b>{e(self._rondes[respons.ronde_id].naam if respons.ronde_id in self._rondes else '')}</b>.</div>"
        )
        self._toon_voortgang()
        self._toon_ronde_status()

    def _ververs_respons(self) -> None:
        try:
            respons = self.context.store.scan_respons(self.context.dossier_id, self._respons.id)
        except InvoerFout:
            self._stop_respons(wis_velden=False)
            raise
        self._toon_respons(respons)

    def _stop_respons(self, wis_velden: bool) -> None:
        self._respons = None
        self._antwoorden = {}
        self._laden = True
        try:
            for knoppen in self._knoppen.values():
                knoppen.value = None
        finally:
            self._laden = False
        self._vragenlijst.layout.display = "none"
        self._bevestiging.value = ""
        self._wie.value = ""
        if wis_velden:
            self._naam.value = ""
            self._organisatie.value = ""
            self._melding.info("Je antwoorden zijn bewaard. Iemand anders kan nu zijn of haar naam invullen.")

    def _aantal_beantwoord(self) -> int:
        return sum(1 for s in self._scan.stellingen if s.id in self._antwoorden)

    def _open_nummers(self) -> list[int]:
        return [self._nummers[s.id] for s in self._scan.stellingen if s.id not in self._antwoorden]

    def _toon_voortgang(self) -> None:
        totaal = len(self._scan.stellingen)
        beantwoord = self._aantal_beantwoord()
        if self._respons is not None and self._respons.is_ingediend:
            status = "ingediend: je antwoorden tellen mee in de resultaten"
        else:
            status = "concept: nog niet ingediend, telt nog niet mee"
        rest = f"nog {totaal - beantwoord} open" if beantwoord < totaal else "alles beantwoord"
        tekst = (f"<div role='status'><b>{beantwoord} van {totaal} stellingen beantwoord</b> ({rest}) · "
                 f"status: {status}</div>")
        self._voortgang.value = tekst
        self._voortgang_2.value = tekst
        self._indienen.description = "Ingediend" if self._respons and self._respons.is_ingediend else (
            "Antwoorden indienen")

    def _gekozen(self, stelling: ScanStelling, change) -> None:
        if self._laden or self._respons is None or change["new"] is None:
            return
        self._bewaar_antwoord(stelling, change["new"])

    @veilig()
    def _bewaar_antwoord(self, stelling: ScanStelling, keuze) -> None:
        waarde = None if keuze == WEET_NIET else keuze
        try:
            self.context.store.beantwoord_stelling(self.context.dossier_id, self._respons.id, stelling.id, waarde)
        except WerkboekFout:
            try:  # show what is really saved (and whether the round was closed meanwhile)
                self._vul_rondes()
                self._ververs_respons()
            except WerkboekFout:
                pass
            raise
        self._antwoorden[stelling.id] = waarde
        self._toon_voortgang()
        label = self._scan.weet_niet if waarde is None else self._labels[waarde]
        self._melding.ok(f"Opgeslagen: stelling {self._nummers[stelling.id]} – {label.lower()}.")

    @veilig()
    def _dien_in(self, _knop=None) -> None:
        if self._respons is None:
            raise InvoerFout("Vul eerst je naam en organisatie in en klik op 'Beginnen / verder gaan'.")
        try:
            respons = self.context.store.dien_in(self.context.dossier_id, self._respons.id)
        except InvoerFout as fout:
            self._ververs_respons()
            open_ = self._open_nummers()
            if not open_ or len(open_) > 10:
                raise
            raise InvoerFout(f"{fout} Nog open: stelling {_opsomming([str(n) for n in open_])}.") from fout
        self._toon_respons(respons)
        self._melding.ok("Je antwoorden zijn ingediend.")
        self._bevestiging.value = (
            f"<div class='wk-melding wk-melding-ok' role='status'>✔ Bedankt, {e(respons.naam)}! Je antwoorden zijn "
            "ingediend en tellen mee in de resultaten. Zolang de ronde open is, kun je ze nog wijzigen: elke "
            "wijziging wordt meteen opgeslagen en telt direct mee.</div>"
        )
        self.context.gewijzigd()

    # -- results --------------------------------------------------------------------------
    def _tab_gekozen(self, change) -> None:
        if change["new"] == 1:
            self._toon_resultaten()

    def _resultaat_ronde_gekozen(self, _change) -> None:
        if not self._vullen and self._tabs.selected_index == 1:
            self._toon_resultaten()

    def _vergelijking_gekozen(self, _change) -> None:
        if not self._vullen:
            self._toon_vergelijking()

    @veilig("_melding_resultaat")
    def _sluit_of_heropen(self, _knop=None) -> None:
        ronde = self._rondes.get(self._res_ronde.value)
        if ronde is None:
            raise InvoerFout("Er is nog geen ronde om te sluiten.")
        store, dossier_id = self.context.store, self.context.dossier_id
        if ronde.is_gesloten:
            ronde = store.heropen_scan_ronde(dossier_id, ronde.id)
            self._melding_resultaat.ok(f"Ronde '{ronde.naam}' is weer open: antwoorden kunnen weer worden gewijzigd.")
        else:
            ronde = store.sluit_scan_ronde(dossier_id, ronde.id)
            self._melding_resultaat.ok(f"Ronde '{ronde.naam}' is gesloten: niemand kan nog antwoorden wijzigen.")
        self.context.gewijzigd()

    @veilig("_melding_resultaat")
    def _toon_resultaten(self, _knop=None) -> None:
        if self.context.store is None or self.context.dossier_id is None:
            return
        if _knop is not None:  # 'Vernieuwen': also pick up rounds started elsewhere
            self._vul_rondes()
        ronde = self._rondes.get(self._res_ronde.value)
        self._sluiten.disabled = ronde is None
        if ronde is None:
            self._aantallen.value = (
                "<p role='status'>Er is nog geen ronde. Start een ronde op het tabblad Invullen.</p>"
            )
            self._details.layout.display = self._vergelijk_vak.layout.display = "none"
            return
        self._sluiten.description = "Ronde heropenen" if ronde.is_gesloten else "Ronde sluiten"
        self._sluiten.icon = "unlock" if ronde.is_gesloten else "lock"
        alle = self.context.store.scan_responsen(self.context.dossier_id, ronde.id, alleen_ingediend=False)
        ingediend = [r for r in alle if r.is_ingediend]
        concepten = [r for r in alle if not r.is_ingediend]
        self._aantallen.value = _aantallen_html(ronde, ingediend, concepten)
        if not ingediend:
            self._details.layout.display = "none"
        else:
            self._details.layout.display = "flex"
            self._toon_uitslag(ronde, analyseer(self._scan, ingediend))
        self._toon_vergelijk_keuze(ronde)
        if _knop is not None:
            aantal = _aantal(len(ingediend), "ingediende antwoordenlijst", "ingediende antwoordenlijsten")
            self._melding_resultaat.ok(f"Bijgewerkt: {aantal}.")

    def _toon_uitslag(self, ronde: ScanRonde, uitslag: ScanUitslag) -> None:
        scan = self._scan
        rijen = []
        for factor in uitslag.factoren:
            if factor.te_weinig:
                rijen.append([factor.naam, "te weinig antwoorden", "–", f"{factor.n}"])
            else:
                rijen.append([factor.naam, getal(factor.gemiddelde), getal(factor.spreiding), f"{factor.n}"])
        self._factoren.value = tabel_html(["Factor", "Gemiddelde (1–5)", "Spreiding", "Aantal personen"], rijen)

        factornamen = [f.naam for f in scan.factoren]
        profielen = [(p.organisatie, [p.scores[f.id] for f in scan.factoren]) for p in uitslag.profielen]
        gemiddelde = [r.gemiddelde for r in uitslag.factoren]
        delen = ["Totaal: " + "; ".join(
            f"{r.naam} {'te weinig antwoorden' if r.te_weinig else getal(r.gemiddelde)}" for r in uitslag.factoren)]
        for organisatie, waarden in profielen:
            delen.append(f"{organisatie}: " + "; ".join(
                f"{naam} {getal(waarde) if waarde is not None else 'geen score'}"
                for naam, waarde in zip(factornamen, waarden, strict=True)))
        alt = f"Radardiagram van de samenwerkingsscan, ronde {ronde.naam}, schaal 1 tot 5. " + ". ".join(delen) + "."
        self._radar.value = figuur_html(radar_figuur(factornamen, profielen, gemiddelde, ronde.naam), alt,
                                        breedte="760px")

        if uitslag.aandachtspunten:
            items = []
            for punt in uitslag.aandachtspunten:
                factor = next(f.naam for f in scan.factoren if f.id == punt.stelling.factor)
                verschil = f", verschil tussen partners {getal(punt.verschil)}" if punt.verschil else ""
                items.append(
                    f"<li class='wk-scan-aandachtspunt'><b>Stelling {punt.nummer}: {e(punt.stelling.tekst)}</b><br>"
                    f"Gemiddelde {getal(punt.gemiddelde)} ({e(factor)}{verschil})<br>"
                    f"<span class='wk-scan-gespreksvraag'><i>Gespreksvraag:</i> {e(punt.gespreksvraag)}</span></li>"
                )
            self._top3.value = (
                "<p>De stellingen met de laagste gemiddelde score. Bespreek ze samen aan de hand van de vraag.</p>"
                f"<ol>{''.join(items)}</ol>"
            )
        else:
            self._top3.value = ("<p role='status'>Nog geen aandachtspunten: daarvoor zijn per stelling minstens twee "
                                "scores nodig.</p>")

        if not uitslag.verschillen:
            self._verschillen.value = "<p>Er zijn (nog) geen stellingen waarop de antwoorden uiteenlopen.</p>"
        elif uitslag.verschillen[0].op_basis_van == OP_ORGANISATIES:
            self._verschillen.value = (
                "<p>Stellingen met het grootste verschil tussen het hoogste en het laagste gemiddelde van een "
                "organisatie.</p>" + tabel_html(
                    ["Nr.", "Stelling", "Hoogste", "Laagste", "Verschil"],
                    [[str(v.nummer), v.stelling.tekst, f"{v.hoogste[0]} ({getal(v.hoogste[1])})",
                      f"{v.laagste[0]} ({getal(v.laagste[1])})", getal(v.verschil)] for v in uitslag.verschillen],
                )
            )
        else:
            self._verschillen.value = (
                "<p>Alle ingediende antwoorden komen van één organisatie, dus hier staan de stellingen met de "
                "grootste spreiding tussen de invullers.</p>" + tabel_html(
                    ["Nr.", "Stelling", "Spreiding"],
                    [[str(v.nummer), v.stelling.tekst, getal(v.verschil)] for v in uitslag.verschillen],
                )
            )

        factornaam = {f.id: f.naam for f in scan.factoren}
        self._stellingen.value = tabel_html(
            ["Nr.", "Factor", "Stelling", "Gemiddelde", "Spreiding", "Scores", "Weet niet"],
            [[str(r.nummer), factornaam[r.stelling.factor], r.stelling.tekst,
              "te weinig antwoorden" if r.te_weinig else getal(r.gemiddelde),
              "–" if r.te_weinig else getal(r.spreiding), str(r.n), str(r.weet_niet)]
             for r in uitslag.stellingen],
        )

    def _toon_vergelijk_keuze(self, ronde: ScanRonde) -> None:
        andere = [r for r in self._rondes.values() if r.id != ronde.id]
        if not andere:
            self._vergelijk_vak.layout.display = "none"
            return
        self._vergelijk_vak.layout.display = "flex"
        opties = [("— geen vergelijking —", GEEN_VERGELIJKING)] + [(_ronde_label(r), r.id) for r in andere]
        eerder = [r for r in andere if r.aangemaakt <= ronde.aangemaakt]
        standaard = (eerder[-1] if eerder else andere[0]).id
        self._vullen = True
        try:
            huidig = self._vergelijk.value
            if list(self._vergelijk.options) != opties:
                self._vergelijk.options = opties
            geldig = {waarde for _label, waarde in opties}
            self._vergelijk.value = huidig if huidig in geldig and huidig is not None else standaard
        finally:
            self._vullen = False
        self._toon_vergelijking()

    @veilig("_melding_resultaat")
    def _toon_vergelijking(self) -> None:
        ronde = self._rondes.get(self._res_ronde.value)
        andere = self._rondes.get(self._vergelijk.value)
        if ronde is None or andere is None:
            self._vergelijking.value = ""
            return
        eerste, tweede = sorted((ronde, andere), key=lambda r: (r.aangemaakt, r.id))
        store, dossier_id = self.context.store, self.context.dossier_id
        resultaten = [factor_resultaten(self._scan, store.scan_responsen(dossier_id, r.id)) for r in (eerste, tweede)]
        vergelijking = vergelijk_rondes(*resultaten)
        factornamen = [v.naam for v in vergelijking]
        figuur = vergelijking_figuur(
            factornamen,
            (eerste.naam, [v.eerste for v in vergelijking]),
            (tweede.naam, [v.tweede for v in vergelijking]),
        )
        alt = (f"Staafdiagram: gemiddelde per factor in {eerste.naam} en {tweede.naam}. "
               + "; ".join(f"{v.naam}: {getal(v.eerste)} en {getal(v.tweede)}" for v in vergelijking) + ".")
        rijen = []
        for v in vergelijking:
            if v.verschil is None:
                verandering = "niet te vergelijken (te weinig antwoorden)"
            elif abs(v.verschil) < 0.05:
                verandering = "gelijk gebleven (0,0)"
            else:
                richting = "hoger" if v.verschil > 0 else "lager"
                verandering = f"{'+' if v.verschil > 0 else '−'}{getal(abs(v.verschil))} ({richting})"
            rijen.append([v.naam, getal(v.eerste), getal(v.tweede), verandering])
        self._vergelijking.value = figuur_html(figuur, alt, breedte="700px") + tabel_html(
            ["Factor", eerste.naam, tweede.naam, "Verandering"], rijen)


def _aantallen_html(ronde: ScanRonde, ingediend: list[ScanRespons], concepten: list[ScanRespons]) -> str:
    status = "gesloten" if ronde.is_gesloten else "open"
    regels = [
        f"<p role='status'><b>{e(ronde.naam)}</b> ({status}): "
        f"<b>{_aantal(len(ingediend), 'ingediende antwoordenlijst', 'ingediende antwoordenlijsten')}</b>, "
        f"{_aantal(len(concepten), 'antwoordenlijst', 'antwoordenlijsten')} nog in concept. "
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
