"""Two exercises on the way to the wijkuitvoeringsplan (phase 4).

- 'Keuzes maken over te verbinden opgaven' (``TeVerbindenOefening``): per koppelkans from phase 3 the final
  decision, owner, partners, money, planning and rationale, and the WUP paragraph that follows from it.
- 'Gezamenlijke besluitvorming over het concept-WUP' (``ConceptWupOefening``): is the concept complete, where
  does each partner stand, and, once all agree, the joint decision in the besluitenlog.

Each is one versioned form (see ``analysis.wup``), saved on every change; a clash with a colleague reloads
their version and says so. One koppelkans and one party are edited at a time (a dropdown picks which), so the
page stays small however many there are.
"""

from __future__ import annotations

import base64
from dataclasses import replace
from datetime import datetime

import ipywidgets as w

from ..analysis.wup import (
    BESLUIT_LABELS,
    BESLUITEN,
    BRON,
    FINANCIERINGEN,
    JAAR_MAX,
    JAAR_MIN,
    KNOOPPUNT_CONCEPT_WUP,
    SLEUTEL_CONCEPT_WUP,
    SLEUTEL_TE_VERBINDEN,
    STANDPUNT_LABELS,
    STANDPUNT_TEKENS,
    STANDPUNTEN,
    VERWIJDERDE_PARTIJ,
    ConceptWup,
    KansKeuze,
    KansRij,
    Standpunt,
    TeVerbinden,
    Vastlegging,
    besluit_teksten,
    besluitstand,
    controleer_concept_wup,
    controleer_te_verbinden,
    datum_tekst,
    gewijzigd_na_vastleggen,
    kans_details,
    kansen_op_de_lijst,
    kenmerk_tekst,
    lees_concept_wup,
    lees_te_verbinden,
    nieuw_kenmerk,
    volledigheid,
    waarschuwingen_te_verbinden,
    wup_tekst,
)
from ..dossier import GelijktijdigGewijzigd, InvoerFout
from ..dossier.model import nu
from .basis import BREED, Bevestiging, Melding, e, knop, tabel_html, veilig, zet_keuze
from .besluitenlog import datum
from .context import WerkboekContext
from .kaart import markdown_html
from .kop import geen_dossier_html, toon_oefening

SLEUTEL = SLEUTEL_TE_VERBINDEN  # the form of TeVerbindenOefening; ConceptWupOefening uses SLEUTEL_CONCEPT_WUP
_VELD = w.Layout(width="720px")
_TEKSTVAK = w.Layout(width="720px", height="70px")
_BESLUIT_TEKENS = {"meenemen": "✔", "later": "◷", "laten-vallen": "✖", None: "○"}
_FASE3 = {"gekozen": "gekozen in fase 3", "niet": "niet gekozen in fase 3", None: "nog open in fase 3"}


def _verzameling(context: WerkboekContext):
    from ..export.verzamel import DossierVerzameling

    return DossierVerzameling(context.store, context.dossier_id)


def _nota_html(tekst: str, naam: str, bestand: str, sleutel: str) -> tuple[str, str, str]:
    """(preview, copy box, download link) for a Markdown text, as the afsprakennota offers it."""
    voorbeeld = (f"<div class='wk-kaart wk-nota' role='document' aria-label='Voorbeeld: {e(naam)}'>"
                 f"{markdown_html(tekst)}</div>")
    vak_id = f"wk-{sleutel}-md-{id(tekst)}"
    kopie = (f"<label for='{vak_id}'><b>Markdown om te kopiëren</b></label> <span class='wk-bron'>(klik in het vak, "
             "kies Ctrl+A en dan Ctrl+C)</span><br>"
             f"<textarea id='{vak_id}' readonly rows='10' style='width: 720px; font-family: monospace;'>"
             f"{e(tekst)}</textarea>")
    data = base64.b64encode(tekst.encode("utf-8")).decode("ascii")
    link = (f"<a download=\"{e(bestand)}\" href=\"data:text/markdown;charset=utf-8;base64,{data}\" "
            f"class='wk-download'>⬇ Download als Markdown (.md)</a>")
    return voorbeeld, kopie, link


def besluitregel_html(v) -> str:
    """The decision rule the partners agreed in phase 1, so the decision follows their own agreements."""
    from ..analysis.afsprakennota import Afspraken, keuze

    gekozen = Afspraken.uit_dict(v.formulier("afspraken")).besluitregel
    regel = keuze(v.inhoud.fase1.samenwerking, "besluitregel", gekozen)
    if regel is None:
        return ("<div class='wk-bron'>Neem het besluit volgens jullie eigen afspraken. Er is nog geen besluitregel "
                "vastgelegd bij 'Samenwerking formaliseren' (fase 1).</div>")
    return (f"<div class='wk-bron'>Jullie besluitregel (uit 'Samenwerking formaliseren'): <b>{e(regel.naam)}</b>. "
            f"{e(regel.omschrijving)}</div>")


def _lijst_html(titel: str, regels: list[str], leeg: str) -> str:
    if not regels:
        return f"<p>✔ {e(leeg)}</p>"
    return (f"<div class='wk-melding wk-melding-info' role='note'><b>{e(titel)}</b><ul style='margin:2px 0'>"
            + "".join(f"<li>⚠ {e(r)}</li>" for r in regels) + "</ul></div>")


# == 1. Keuzes over te verbinden opgaven ==================================================================
class TeVerbindenOefening(w.VBox):
    """The list of koppelkansen from phase 3, the decision per koppelkans, warnings and the WUP text."""

    def __init__(self, context: WerkboekContext):
        super().__init__()
        self.add_class("wk-oefening-te-verbinden")
        self.context = context
        self._melding = Melding()
        self._geen_dossier = w.HTML(geen_dossier_html())
        self._model = TeVerbinden()
        self._versie = 0
        self._rijen: list[KansRij] = []
        self._kansen: list = []
        self._namen: dict[int, str] = {}
        self._bijwerken = False

        self._kies = w.Dropdown(description="Koppelkans", style=BREED, layout=_VELD)
        self._kies.add_class("wk-te-verbinden-kies")
        self._fase3 = w.HTML()
        self._fase3.add_class("wk-te-verbinden-fase3")
        self._besluit = w.RadioButtons(description="Besluit", style=BREED,
                                       options=[("Nog geen besluit", None), *((label, b) for b, label in BESLUITEN)])
        self._besluit.add_class("wk-te-verbinden-besluit")
        self._eigenaar = w.Dropdown(description="Eigenaar", style=BREED, layout=w.Layout(width="520px"))
        self._eigenaar.add_class("wk-te-verbinden-eigenaar")
        self._partners = w.SelectMultiple(description="Partners", style=BREED, layout=w.Layout(width="520px"))
        self._partners.add_class("wk-te-verbinden-partners")
        self._partners_hint = w.HTML("<div class='wk-bron' style='margin-left: 178px'>Meer partners kiezen: houd "
                                     "Ctrl (of Cmd) ingedrukt.</div>")
        self._financiering = w.Dropdown(description="Financiering", style=BREED, layout=w.Layout(width="520px"),
                                        options=[("— nog niet ingevuld —", None),
                                                 *((label, f) for f, label in FINANCIERINGEN)])
        self._financiering.add_class("wk-te-verbinden-financiering")
        self._geld = w.Text(description="Bedrag of bron", style=BREED, layout=_VELD, continuous_update=False,
                            placeholder="bijv. € 250.000 uit het rioleringsplan, of: subsidie aangevraagd")
        self._geld.add_class("wk-te-verbinden-geld")
        jaar_nu = nu().year
        self._jaar = w.Dropdown(description="Planning (jaar)", style=BREED, layout=w.Layout(width="340px"),
                                options=[("— nog geen jaar —", None),
                                         *((str(j), j) for j in range(max(JAAR_MIN, jaar_nu - 2), JAAR_MAX + 1))])
        self._jaar.add_class("wk-te-verbinden-jaar")
        self._onderbouwing = w.Textarea(description="Onderbouwing", style=BREED, layout=_TEKSTVAK,
                                        continuous_update=False,
                                        placeholder="Waarom meenemen, later of niet? Verplicht bij elk besluit.")
        self._onderbouwing.add_class("wk-te-verbinden-onderbouwing")
        self._vastgelegd = w.Checkbox(description="Vastgelegd bij de partners, in hun eigen organisatie",
                                      indent=False, layout=w.Layout(margin="0 0 0 178px", width="540px"))
        self._vastgelegd.add_class("wk-te-verbinden-vastgelegd")
        self._opslaan = knop("Opslaan", "wk-te-verbinden-opslaan", icon="check", button_style="primary")
        self._weghalen = knop("Van de lijst halen…", "wk-te-verbinden-weghalen", icon="minus")
        self._bevestig = Bevestiging("wk-te-verbinden", ja="Ja, van de lijst halen", nee="Nee, laten staan")
        self._extra = w.Dropdown(description="Andere koppelkans", style=BREED, layout=w.Layout(width="520px"))
        self._extra.add_class("wk-te-verbinden-extra")
        self._toevoegen = knop("Op de lijst zetten", "wk-te-verbinden-toevoegen", icon="plus")
        self._overzicht = w.HTML()
        self._overzicht.add_class("wk-te-verbinden-overzicht")
        self._waarschuwingen = w.HTML()
        self._waarschuwingen.add_class("wk-te-verbinden-waarschuwingen")
        self._voorbeeld = w.HTML()
        self._voorbeeld.add_class("wk-te-verbinden-tekst")
        self._markdown = w.HTML()
        self._markdown.add_class("wk-te-verbinden-markdown")
        self._download = w.HTML()
        self._download.add_class("wk-te-verbinden-download")
        self._velden = (self._besluit, self._eigenaar, self._partners, self._financiering, self._geld, self._jaar,
                        self._onderbouwing, self._vastgelegd)

        self._inhoud = w.VBox([
            w.HTML("<p>Hier staan de koppelkansen die in fase 3 gekozen zijn of in de top 3 staan. Neem per kans "
                   "een besluit en leg vast wie eigenaar is, met welk geld en wanneer. Schrijf ook op waarom iets "
                   "<i>niet</i> doorgaat: de raad wil beide weten. Alles wordt meteen opgeslagen.</p>"),
            self._kies, self._fase3, *self._velden[:3], self._partners_hint, *self._velden[3:],
            w.HBox([self._opslaan, self._weghalen]), self._bevestig,
            self._melding,
            w.HTML("<div class='wk-bron'>Nog een koppelkans uit het register meenemen in deze afweging?</div>"),
            w.HBox([self._extra, self._toevoegen]),
            w.HTML("<h4>Overzicht</h4>"), self._overzicht, self._waarschuwingen,
            w.HTML("<h4>Tekst voor het wijkuitvoeringsplan</h4>"), self._download, self._voorbeeld, self._markdown,
            w.HTML(f"<div class='wk-bron'>Bron: {e(BRON)}</div>"),
        ])
        self.children = [self._inhoud]
        self._kies.observe(self._kans_gekozen, names="value")
        for veld in self._velden:
            veld.observe(self._veld_gewijzigd, names="value")
        self._opslaan.on_click(self._bewaar)
        self._weghalen.on_click(self._vraag_weghalen)
        self._bevestig.ja.on_click(self._haal_weg)
        self._toevoegen.on_click(self._voeg_toe)
        context.observe(self._herlaad, names=["dossier_id", "revisie"])
        self._herlaad()

    # -- loading ------------------------------------------------------------------------------
    @veilig()
    def _herlaad(self, change=None) -> None:
        if not toon_oefening(self):
            return
        nieuw_dossier = change is None or change["name"] == "dossier_id"
        if change is not None and change["name"] == "dossier_id":
            self._melding.wis()
            self._bevestig.verberg()
        gegevens, versie = self.context.store.formulier(self.context.dossier_id, SLEUTEL)
        velden = nieuw_dossier or versie != self._versie
        if velden:
            self._model, self._versie = lees_te_verbinden(gegevens), versie
        self._toon(velden=velden)

    def _toon(self, *, velden: bool = True) -> None:
        """Lists, the chosen koppelkans and the outcome, from the last loaded form and the dossier."""
        v = _verzameling(self.context)
        self._namen = dict(v.partijnamen)
        top = [k.kans_id for k in v.koppelkansen_rangschikking.top]
        self._kansen = list(v.koppelkansen)
        self._rijen = kansen_op_de_lijst(self._kansen, top, self._model)
        op_lijst = {r.koppelkans_id for r in self._rijen}
        gekozen = self._kies.value
        self._bijwerken = True
        try:
            self._kies.options = [("— kies een koppelkans —", None)] + [(self._rij_label(r), r.koppelkans_id)
                                                                      for r in self._rijen]
            self._kies.value = gekozen if gekozen in op_lijst else (self._rijen[0].koppelkans_id
                                                                    if self._rijen else None)
            self._extra.options = [("— kies —", None)] + [(k.titel, k.id) for k in v.koppelkansen
                                                          if k.id not in op_lijst]
        finally:
            self._bijwerken = False
        self._extra.disabled = self._toevoegen.disabled = len(self._extra.options) <= 1
        self._toon_kans(waarden=velden or gekozen != self._kies.value)
        self._toon_uitkomst()

    def _rij_label(self, rij: KansRij) -> str:
        keuze = rij.keuze
        besluit = BESLUIT_LABELS.get(keuze.besluit or "", "nog geen besluit").lower()
        herkomst = "top 3" if rij.in_top else ("toegevoegd" if rij.extra else "fase 3")
        return f"{_BESLUIT_TEKENS[keuze.besluit]} {rij.titel} ({herkomst}) — {besluit}"

    def _rij(self) -> KansRij | None:
        return next((r for r in self._rijen if r.koppelkans_id == self._kies.value), None)

    def _toon_kans(self, waarden: bool = True) -> None:
        """The chosen koppelkans. Without ``waarden`` only the lists and states are brought up to date (a party
        added elsewhere on the page), and what is in the fields stays."""
        rij = self._rij()
        if waarden:
            self._bevestig.verberg()
        for veld in (*self._velden, self._opslaan):
            veld.disabled = rij is None or not rij.bestaat
        self._weghalen.disabled = rij is None or not (rij.extra or not rij.bestaat)
        if rij is None:
            self._fase3.value = ("<p><i>Er staan nog geen koppelkansen op de lijst. Kies er eerst een in "
                                 "'Strategieën voor koppelkansen' (fase 3), of zet er hieronder een op de "
                                 "lijst.</i></p>"
                                 if not self._rijen else "")
            keuze = KansKeuze(0)
        else:
            keuze = rij.keuze
            if not rij.bestaat:
                self._fase3.value = ("<div class='wk-melding wk-melding-info' role='note'>ℹ Deze koppelkans is uit "
                                     "het register verwijderd. Het besluit blijft hier zichtbaar; haal hem van de "
                                     "lijst als hij niet meer telt.</div>")
            else:
                kans = next((k for k in self._kansen if k.id == rij.koppelkans_id), None)
                reden = f" Reden in fase 3: {e(kans.reden)}" if kans is not None and kans.reden else ""
                top = " · ★ top 3 van de ranglijst" if rij.in_top else ""
                self._fase3.value = f"<div class='wk-bron'>{e(_FASE3[rij.fase3])}{top}.{reden}</div>"
        if waarden:
            eigenaar, partners = keuze.eigenaar, tuple(keuze.partners)
        else:
            eigenaar, partners = self._eigenaar.value, tuple(self._partners.value)
        opties = [(n, i) for i, n in self._namen.items()]
        weg = [(VERWIJDERDE_PARTIJ, i) for i in dict.fromkeys((eigenaar, *partners))
               if i is not None and i not in self._namen]
        self._bijwerken = True
        try:
            self._eigenaar.options = [("— nog niemand —", None), *opties, *weg]
            zet_keuze(self._eigenaar, eigenaar)
            self._partners.options = [*opties, *weg]
            self._partners.value = partners
            self._partners.rows = min(max(len(self._partners.options), 2), 6)
            if not waarden:
                return
            zet_keuze(self._besluit, keuze.besluit)
            zet_keuze(self._financiering, keuze.financiering)
            if keuze.jaar is not None and keuze.jaar not in [j for _l, j in self._jaar.options]:
                self._jaar.options = [*self._jaar.options, (str(keuze.jaar), keuze.jaar)]
            zet_keuze(self._jaar, keuze.jaar)
            self._geld.value = keuze.geld
            self._onderbouwing.value = keuze.onderbouwing
            self._vastgelegd.value = keuze.vastgelegd
        finally:
            self._bijwerken = False

    def _toon_uitkomst(self) -> None:
        rijen = [[rij.titel, _FASE3[rij.fase3] + (" · top 3" if rij.in_top else ""),
                  f"{_BESLUIT_TEKENS[rij.keuze.besluit]} " + BESLUIT_LABELS.get(rij.keuze.besluit or "",
                                                                               "nog geen besluit"),
                  *(tekst for _label, tekst in kans_details(rij.keuze, self._namen))] for rij in self._rijen]
        self._overzicht.value = tabel_html(
            ["Koppelkans", "Fase 3", "Besluit", "Eigenaar", "Partners", "Financiering", "Planning",
             "Vastgelegd bij de partners"], rijen, "wk-te-verbinden-tabel") if rijen else ""
        self._waarschuwingen.value = _lijst_html("Let op", waarschuwingen_te_verbinden(self._rijen, self._namen),
                                                 "Geen aandachtspunten." if self._rijen else "Nog niets te melden.")
        tekst = wup_tekst(self._rijen, self._namen)
        self._voorbeeld.value, self._markdown.value, self._download.value = _nota_html(
            tekst, "tekst over koppelkansen", "wup-koppelkansen.md", "te-verbinden")

    def _kans_gekozen(self, _change) -> None:
        if not self._bijwerken:
            self._melding.wis()
            self._toon_kans()

    # -- saving -------------------------------------------------------------------------------
    def _veld_gewijzigd(self, _change) -> None:
        if not self._bijwerken:
            self._bewaar()

    def _lees_velden(self, rij: KansRij) -> KansKeuze:
        return KansKeuze(rij.koppelkans_id, self._besluit.value, self._eigenaar.value, tuple(self._partners.value),
                         self._financiering.value, self._geld.value, self._jaar.value, self._onderbouwing.value,
                         bool(self._vastgelegd.value))

    def _sla_op(self, wijziging, kans_id: int, melding: str) -> None:
        """Apply ``wijziging`` (TeVerbinden → TeVerbinden) to the form and save it (one transaction). When a
        colleague saved in between but left this koppelkans alone, the change goes on top of their version;
        when they changed this one too, nothing is saved and their version is shown."""
        titels = {r.koppelkans_id: r.titel for r in self._rijen}
        store, dossier_id = self.context.store, self.context.dossier_id
        for _poging in range(3):
            toegestaan = set(self._namen) | self._model.partij_verwijzingen()  # a party deleted since blocks nothing
            schoon = controleer_te_verbinden(wijziging(self._model), titels, toegestaan)
            if schoon.als_dict() == self._model.als_dict() and self._versie:
                self._melding.ok(melding)  # nothing new: no extra version
                return
            try:
                self._versie = store.bewaar_formulier(dossier_id, SLEUTEL, schoon.als_dict(), self._versie)
                break
            except GelijktijdigGewijzigd:
                gezien = self._model.keuze(kans_id)
                gegevens, self._versie = store.formulier(dossier_id, SLEUTEL)
                self._model = lees_te_verbinden(gegevens)
                if self._model.keuze(kans_id) != gezien:
                    self._toon()
                    raise
        else:
            self._toon()
            raise GelijktijdigGewijzigd("Het formulier wordt nu door veel mensen tegelijk gewijzigd. Probeer het zo "
                                        "nog eens.")
        self._model = schoon
        self._toon(velden=False)
        self._melding.ok(melding)
        self.context.gewijzigd()

    @veilig()
    def _bewaar(self, _knop=None) -> None:
        rij = self._rij()
        if rij is None or not rij.bestaat:
            raise InvoerFout("Kies eerst een koppelkans uit de lijst.")
        keuze = self._lees_velden(rij)
        self._sla_op(lambda model: model.met(keuze), rij.koppelkans_id, f"Opgeslagen: {rij.titel}.")

    @veilig()
    def _voeg_toe(self, _knop=None) -> None:
        kans_id = self._extra.value
        if kans_id is None:
            raise InvoerFout("Kies eerst een koppelkans om op de lijst te zetten.")
        titel = dict((i, t) for t, i in self._extra.options).get(kans_id, "")
        self._sla_op(lambda model: model if model.keuze(kans_id) else model.met(KansKeuze(kans_id)), kans_id,
                     f"'{titel}' staat nu op de lijst.")
        self._bijwerken = True
        try:
            self._kies.value = kans_id
        finally:
            self._bijwerken = False
        self._toon_kans()

    def _vraag_weghalen(self, _knop=None) -> None:
        rij = self._rij()
        if rij is not None:
            self._bevestig.vraag(f"'{e(rij.titel)}' en het besluit erover van deze lijst halen? ")

    @veilig()
    def _haal_weg(self, _knop=None) -> None:
        rij = self._rij()
        self._bevestig.verberg()
        if rij is None:
            return
        self._sla_op(lambda model: model.zonder(rij.koppelkans_id), rij.koppelkans_id,
                     f"'{rij.titel}' staat niet meer op de lijst.")
        self._toon_kans()


# == 2. Concept-wijkuitvoeringsplan =====================================================================
class ConceptWupOefening(w.VBox):
    """(a) completeness of the concept, (b) the position of every partner, (c) the joint decision."""

    def __init__(self, context: WerkboekContext):
        super().__init__()
        self.add_class("wk-oefening-concept-wup")
        self.context = context
        self._melding = Melding()
        self._besluit_melding = Melding()
        self._geen_dossier = w.HTML(geen_dossier_html())
        self._model = ConceptWup()
        self._versie = 0
        self._namen: dict[int, str] = {}
        self._bijwerken = False

        self._volledig = w.HTML()
        self._volledig.add_class("wk-concept-wup-volledigheid")
        self._financieel = w.Textarea(description="Financieel plaatje", style=BREED, layout=_TEKSTVAK,
                                      continuous_update=False,
                                      placeholder="Wat kost de uitvoering, wie betaalt wat, welke subsidies en "
                                                  "welke onzekerheden?")
        self._financieel.add_class("wk-concept-wup-financieel")
        self._oplegger = w.Textarea(description="Voor de oplegger", style=BREED, layout=_TEKSTVAK,
                                    continuous_update=False,
                                    placeholder="Wat de raad moet weten over de participatie en de risico's.")
        self._oplegger.add_class("wk-concept-wup-oplegger")
        self._partij = w.Dropdown(description="Partij", style=BREED, layout=_VELD)
        self._partij.add_class("wk-concept-wup-partij")
        self._standpunt = w.Dropdown(description="Standpunt", style=BREED, layout=w.Layout(width="520px"),
                                     options=[(f"{STANDPUNT_TEKENS[s]} {label}", s) for s, label in STANDPUNTEN])
        self._standpunt.add_class("wk-concept-wup-standpunt")
        self._betekenis = w.Textarea(description="Wat betekent uitvoering voor deze organisatie?",
                                     style={"description_width": "178px"}, layout=_TEKSTVAK,
                                     continuous_update=False, placeholder="Mensen, geld, planning, risico's …")
        self._betekenis.add_class("wk-concept-wup-betekenis")
        self._voorbehoud = w.Textarea(description="Voorbehoud", style=BREED, layout=_TEKSTVAK, continuous_update=False,
                                      placeholder="Verplicht bij 'akkoord met voorbehoud': onder welke voorwaarde?")
        self._voorbehoud.add_class("wk-concept-wup-voorbehoud")
        self._datum = w.Text(description="Datum besluit eigen organisatie", style={"description_width": "178px"},
                             placeholder="JJJJ-MM-DD", continuous_update=False, layout=w.Layout(width="340px"))
        self._datum.add_class("wk-concept-wup-datum")
        self._standpunten = w.HTML()
        self._standpunten.add_class("wk-concept-wup-standpunten")
        self._regel = w.HTML()
        self._regel.add_class("wk-concept-wup-besluitregel")
        self._stand = w.HTML()
        self._stand.add_class("wk-concept-wup-stand")
        self._vastleggen = knop("Leg het gezamenlijke besluit vast", "wk-concept-wup-vastleggen", icon="gavel",
                                button_style="primary", layout=w.Layout(width="320px"))
        self._vastgelegd = w.HTML()
        self._vastgelegd.add_class("wk-concept-wup-vastgelegd")
        self._partijvelden = (self._standpunt, self._betekenis, self._voorbehoud, self._datum)

        self._inhoud = w.VBox([
            w.HTML("<p>Kijk eerst of het concept compleet is, vraag dan elke partner wat de uitvoering voor de "
                   "eigen organisatie betekent en of die akkoord is. Als iedereen akkoord is, leg je het "
                   "gezamenlijke besluit vast. Alles wordt meteen opgeslagen.</p>"),
            w.HTML("<h4>1 · Is het concept compleet?</h4>"), self._volledig, self._financieel, self._oplegger,
            w.HTML("<h4>2 · Waar staat elke partner?</h4>"), self._partij, *self._partijvelden, self._melding,
            self._standpunten,
            w.HTML("<h4>3 · Het gezamenlijke besluit</h4>"), self._regel, self._stand, self._vastleggen,
            self._besluit_melding, self._vastgelegd,
            w.HTML(f"<div class='wk-bron'>Bron: {e(BRON)}</div>"),
        ])
        self.children = [self._inhoud]
        self._financieel.observe(self._veld_gewijzigd, names="value")
        self._oplegger.observe(self._veld_gewijzigd, names="value")
        for veld in self._partijvelden:
            veld.observe(self._partijveld_gewijzigd, names="value")
        self._partij.observe(self._partij_gekozen, names="value")
        self._vastleggen.on_click(self._leg_vast)
        context.observe(self._herlaad, names=["dossier_id", "revisie"])
        self._herlaad()

    # -- loading ------------------------------------------------------------------------------
    @veilig()
    def _herlaad(self, change=None) -> None:
        if not toon_oefening(self):
            return
        nieuw_dossier = change is None or change["name"] == "dossier_id"
        if change is not None and change["name"] == "dossier_id":
            self._melding.wis()
            self._besluit_melding.wis()
        gegevens, versie = self.context.store.formulier(self.context.dossier_id, SLEUTEL_CONCEPT_WUP)
        velden = nieuw_dossier or versie != self._versie
        if velden:
            self._model, self._versie = lees_concept_wup(gegevens), versie
        self._toon(velden=velden)

    def _toon(self, *, velden: bool = True) -> None:
        v = _verzameling(self.context)
        self._namen = dict(v.partijnamen)
        self._toon_volledigheid(v)
        self._regel.value = besluitregel_html(v)
        gekozen = self._partij.value
        self._bijwerken = True
        try:
            if velden:
                self._financieel.value = self._model.financieel
                self._oplegger.value = self._model.oplegger
            self._partij.options = [(f"{STANDPUNT_TEKENS[self._model.standpunt(i).standpunt]} {n}", i)
                                    for i, n in self._namen.items()]
            self._partij.value = gekozen if gekozen in self._namen else next(iter(self._namen), None)
        finally:
            self._bijwerken = False
        if velden or gekozen != self._partij.value:
            self._toon_partij()
        self._toon_standpunten()

    def _toon_volledigheid(self, v) -> None:
        inhoud, parameter = self.context.inhoud, self.context.url_parameter()
        rijen, klaar = [], 0
        for onderdeel in volledigheid(v.wup_stand):
            klaar += onderdeel.klaar
            if onderdeel.knooppunt == KNOOPPUNT_CONCEPT_WUP:
                waar = "hieronder"
            else:
                try:
                    knooppunt = inhoud.knooppunt(onderdeel.knooppunt)
                    fase = inhoud.fase(knooppunt.fase)
                    waar = (f"<a href='{e(fase.notebook)}{e(parameter)}'>Fase {knooppunt.fase} · "
                            f"{e(knooppunt.titel)}</a>")
                except (KeyError, StopIteration):
                    waar = e(onderdeel.knooppunt)
            stand = "✔ klaar" if onderdeel.klaar else "✖ nog niet"
            rijen.append(f"<tr><td>{e(onderdeel.naam)}</td><td><b>{stand}</b></td><td>{e(onderdeel.uitleg)}</td>"
                         f"<td>{waar}</td></tr>")
        self._volledig.value = (
            f"<p><b>{klaar} van de {len(rijen)} onderdelen zijn klaar.</b></p>"
            "<table class='wk-tabel wk-concept-wup-tabel'><thead><tr><th scope='col'>Onderdeel</th>"
            "<th scope='col'>Stand</th><th scope='col'>Toelichting</th><th scope='col'>Waar werk je eraan?</th>"
            f"</tr></thead><tbody>{''.join(rijen)}</tbody></table>")

    def _toon_partij(self) -> None:
        partij_id = self._partij.value
        for veld in self._partijvelden:
            veld.disabled = partij_id is None
        standpunt = self._model.standpunt(partij_id) if partij_id is not None else Standpunt(0)
        self._bijwerken = True
        try:
            self._standpunt.value = standpunt.standpunt
            self._betekenis.value = standpunt.betekenis
            self._voorbehoud.value = standpunt.voorbehoud
            self._datum.value = standpunt.datum
        finally:
            self._bijwerken = False

    def _toon_standpunten(self) -> None:
        model, ids = self._model, list(self._namen)
        if not ids:
            self._standpunten.value = ("<p><i>Nog geen partijen in het dossier; voeg ze toe bij 'De juiste partijen "
                                       "aan tafel' (fase 1).</i></p>")
        else:
            rijen = []
            for i in ids:
                s = model.standpunt(i)
                rijen.append([self._namen[i], f"{STANDPUNT_TEKENS[s.standpunt]} {STANDPUNT_LABELS[s.standpunt]}",
                              s.voorbehoud or "—", datum_tekst(s.datum) or "—", s.betekenis or "—"])
            weg = [s for s in model.partijen if s.partij_id not in self._namen]
            rijen += [[VERWIJDERDE_PARTIJ, f"{STANDPUNT_TEKENS[s.standpunt]} {STANDPUNT_LABELS[s.standpunt]}",
                       s.voorbehoud or "—", datum_tekst(s.datum) or "—", s.betekenis or "—"] for s in weg]
            self._standpunten.value = tabel_html(
                ["Partij", "Standpunt", "Voorbehoud", "Besluit eigen organisatie", "Wat uitvoering betekent"], rijen,
                "wk-concept-wup-partijen")
        stand = besluitstand(ids, model)
        tekst = stand.uitleg(len(ids))
        if stand.met_voorbehoud:
            tekst += " Met voorbehoud: " + ", ".join(self._namen[i] for i in stand.met_voorbehoud) + \
                "; het voorbehoud komt bij het besluit in het besluitenlog."
        teken = "✔" if stand.gereed else "✖"
        self._stand.value = f"<p><b>{teken} {e(tekst)}</b></p>"
        self._vastleggen.disabled = not stand.gereed or model.is_vastgelegd
        self._toon_vastlegging()

    def _toon_vastlegging(self) -> None:
        model = self._model
        if model.vastlegging is not None and not model.is_vastgelegd:
            self._vastgelegd.value = ("<div class='wk-melding wk-melding-info' role='note'>ℹ Het vastleggen is "
                                      "begonnen maar niet afgerond. Klik nog eens op de knop: een besluit dat al in "
                                      "het besluitenlog staat, komt er niet twee keer in.</div>")
            return
        if not model.is_vastgelegd:
            self._vastgelegd.value = ("<div class='wk-bron'>Nog niet vastgelegd. De knop werkt als alle partijen "
                                      "akkoord zijn (met of zonder voorbehoud).</div>")
            return
        nr = self._volgnummer(model.vastlegging.kenmerk)
        try:
            wanneer = datum(datetime.fromisoformat(model.vastlegging.moment))
        except ValueError:
            wanneer = "onbekende datum"
        tekst = (f"<div class='wk-kaart'>✔ <b>Het gezamenlijke besluit is vastgelegd</b> op {e(wanneer)}"
                 + (f" (besluit nr. {nr} in het besluitenlog)" if nr else "") + ".")
        gewijzigd = gewijzigd_na_vastleggen(model, list(self._namen))
        if gewijzigd:
            tekst += ("<div class='wk-melding wk-melding-info' role='note'>⚠ Na het vastleggen is het standpunt "
                      "gewijzigd van: " + ", ".join(e(self._namen[i]) for i in gewijzigd)
                      + ". Leg zo nodig een correctie vast in het besluitenlog.</div>")
        self._vastgelegd.value = tekst + "</div>"

    def _volgnummer(self, kenmerk: str) -> int | None:
        zoek = kenmerk_tekst(kenmerk)
        return next((b.volgnummer for b in self.context.store.besluiten(self.context.dossier_id)
                     if zoek in b.onderbouwing), None)

    def _partij_gekozen(self, _change) -> None:
        if not self._bijwerken:
            self._melding.wis()
            self._toon_partij()

    # -- saving -------------------------------------------------------------------------------
    def _veld_gewijzigd(self, _change) -> None:
        if not self._bijwerken:
            self._bewaar_tekst()

    def _partijveld_gewijzigd(self, _change) -> None:
        if not self._bijwerken:
            self._bewaar_partij()

    def _sla_op(self, wijziging, deel, melding: Melding, tekst: str) -> None:
        """Apply ``wijziging`` (ConceptWup → ConceptWup) and save. When a colleague saved in between, the change
        goes on top of their version as long as they left ``deel(model)`` (the part edited here) alone."""
        store, dossier_id = self.context.store, self.context.dossier_id
        samengevoegd = False
        for _poging in range(3):
            schoon = controleer_concept_wup(wijziging(self._model), self._namen)
            if schoon.als_dict() == self._model.als_dict() and self._versie:
                melding.ok(tekst)
                return
            try:
                self._versie = store.bewaar_formulier(dossier_id, SLEUTEL_CONCEPT_WUP, schoon.als_dict(),
                                                      self._versie)
                break
            except GelijktijdigGewijzigd:
                gezien = deel(self._model)
                gegevens, self._versie = store.formulier(dossier_id, SLEUTEL_CONCEPT_WUP)
                self._model = lees_concept_wup(gegevens)
                if deel(self._model) != gezien:
                    self._toon()
                    raise
                samengevoegd = True
        else:
            self._toon()
            raise GelijktijdigGewijzigd("Het formulier wordt nu door veel mensen tegelijk gewijzigd. Probeer het zo "
                                        "nog eens.")
        self._model = schoon
        self._toon(velden=samengevoegd)  # after a merge the fields show the colleague's changes too
        melding.ok(tekst)
        self.context.gewijzigd()

    def _herlaad_na_botsing(self) -> None:
        gegevens, self._versie = self.context.store.formulier(self.context.dossier_id, SLEUTEL_CONCEPT_WUP)
        self._model = lees_concept_wup(gegevens)
        self._toon()

    @veilig()
    def _bewaar_tekst(self) -> None:
        financieel, oplegger = self._financieel.value, self._oplegger.value
        self._sla_op(lambda model: replace(model, financieel=financieel, oplegger=oplegger),
                     lambda model: (model.financieel, model.oplegger), self._melding, "Opgeslagen.")

    @veilig()
    def _bewaar_partij(self) -> None:
        partij_id = self._partij.value
        if partij_id is None:
            raise InvoerFout("Kies eerst een partij.")
        standpunt = Standpunt(partij_id, self._standpunt.value, self._betekenis.value, self._voorbehoud.value,
                              self._datum.value)
        self._sla_op(lambda model: model.met(standpunt), lambda model: model.standpunt(partij_id), self._melding,
                     f"Standpunt van {self._namen[partij_id]} opgeslagen.")

    @veilig("_besluit_melding")
    def _leg_vast(self, _knop=None) -> None:
        """Marker first, then the log entry, then 'vastgelegd'. Saving the marker on the version just read lets
        only one of two people clicking at once go on; a retry after a crash finds the entry by its kenmerk."""
        store, dossier_id = self.context.store, self.context.dossier_id
        gegevens, self._versie = store.formulier(dossier_id, SLEUTEL_CONCEPT_WUP)
        self._model = model = lees_concept_wup(gegevens)
        partijnamen = {p.id: p.naam for p in store.partijen(dossier_id)}
        ids = list(partijnamen)
        if model.is_vastgelegd:
            self._toon()
            self._besluit_melding.info("Het gezamenlijke besluit was al vastgelegd.")
            return
        if not besluitstand(ids, model).gereed:
            self._toon()
            raise InvoerFout("Nog niet alle partijen zijn akkoord; het besluit is niet vastgelegd.")
        kenmerk = model.vastlegging.kenmerk if model.vastlegging is not None else nieuw_kenmerk()
        standpunten = tuple((i, model.standpunt(i).standpunt) for i in ids)
        bezig = replace(model, vastlegging=Vastlegging(kenmerk, "bezig", nu().isoformat(), standpunten))
        try:
            self._versie = store.bewaar_formulier(dossier_id, SLEUTEL_CONCEPT_WUP, bezig.als_dict(), self._versie)
        except GelijktijdigGewijzigd:
            self._herlaad_na_botsing()
            raise
        self._model = bezig
        if self._volgnummer(kenmerk) is None:
            store.leg_besluit_vast(dossier_id, knooppunt_id=KNOOPPUNT_CONCEPT_WUP,
                                   **besluit_teksten(ids, model, partijnamen, kenmerk))
        self._rond_af(kenmerk, bezig)
        self._toon(velden=False)
        nr = self._volgnummer(kenmerk)
        self._besluit_melding.ok(f"Het gezamenlijke besluit staat in het besluitenlog als nr. {nr}.")
        self.context.gewijzigd()

    def _rond_af(self, kenmerk: str, model: ConceptWup) -> None:
        """Mark the decision as recorded. When a colleague saved the form in between (a position, a text),
        put the mark on their version, as long as it still carries this kenmerk."""
        store, dossier_id = self.context.store, self.context.dossier_id
        for _poging in range(3):
            klaar = replace(model, vastlegging=replace(model.vastlegging, status="vastgelegd"))
            try:
                self._versie = store.bewaar_formulier(dossier_id, SLEUTEL_CONCEPT_WUP, klaar.als_dict(), self._versie)
            except GelijktijdigGewijzigd:
                gegevens, self._versie = store.formulier(dossier_id, SLEUTEL_CONCEPT_WUP)
                model = lees_concept_wup(gegevens)
                if model.vastlegging is None or model.vastlegging.kenmerk != kenmerk:
                    raise
                continue
            self._model = klaar
            return
        raise GelijktijdigGewijzigd("Het besluit staat in het besluitenlog, maar het formulier werd tegelijk door "
                                    "anderen gewijzigd. Klik nog eens op de knop om het af te ronden.")
