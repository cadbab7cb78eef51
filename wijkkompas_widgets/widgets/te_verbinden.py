"""Exercise 'Keuzes maken over te verbinden opgaven' (phase 4): per koppelkans from phase 3 the final decision,
owner, partners, money, planning and rationale, and the WUP paragraph that follows from it.

One versioned form (``formulieren.TE_VERBINDEN``, see ``analysis.wup``), saved on every change; a colleague's
change to another koppelkans is kept, a clash on the same one reloads their version and says so. One koppelkans is
edited at a time (a dropdown picks which), so the page stays small however many there are.
"""

from __future__ import annotations

import base64

import ipywidgets as w

from ..analysis.wup import (
    BESLUITEN,
    BRON,
    FINANCIERINGEN,
    JAAR_MAX,
    JAAR_MIN,
    VERWIJDERDE_PARTIJ,
    KansKeuze,
    KansRij,
    controleer_te_verbinden,
    kansen_op_de_lijst,
    lees_te_verbinden,
    waarschuwingen_te_verbinden,
    wup_tekst,
)
from ..dossier import GelijktijdigGewijzigd, InvoerFout, formulieren
from ..dossier.model import nu
from ..leesmodel.dossier import DossierVerzameling
from ..leesmodel.te_verbinden import BESLUIT_TEKENS, FASE3, KOPPEN, besluit_label, overzicht_rijen
from .basis import BREED, Bevestiging, e, knop, tabel_html, veilig
from .context import WerkboekContext
from .formulier import FormulierOefening, wijzig_formulier
from .kaart import markdown_html

VELD = w.Layout(width="720px")
TEKSTVAK = w.Layout(width="720px", height="70px")


def nota_html(tekst: str, naam: str, bestand: str, sleutel: str) -> tuple[str, str, str]:
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


def _lijst_html(titel: str, regels: list[str], leeg: str) -> str:
    if not regels:
        return f"<p>✔ {e(leeg)}</p>"
    return (f"<div class='wk-melding wk-melding-info' role='note'><b>{e(titel)}</b><ul style='margin:2px 0'>"
            + "".join(f"<li>⚠ {e(r)}</li>" for r in regels) + "</ul></div>")


def _html(klasse: str) -> w.HTML:
    veld = w.HTML()
    veld.add_class(klasse)
    return veld


class TeVerbindenOefening(FormulierOefening):
    """The list of koppelkansen from phase 3, the decision per koppelkans, warnings and the WUP text."""

    KLASSE = "wk-oefening-te-verbinden"
    SLEUTEL = formulieren.TE_VERBINDEN
    # The list follows the koppelkansen and parties of the dossier, which other exercises on the page change.
    VERVERS_BIJ = ("dossier_id", "revisie")

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        self._rijen: list[KansRij] = []
        self._kansen: list = []
        self._namen: dict[int, str] = {}

        self._kies = w.Dropdown(description="Koppelkans", style=BREED, layout=VELD)
        self._kies.add_class("wk-te-verbinden-kies")
        self._fase3 = _html("wk-te-verbinden-fase3")
        self._besluit = w.RadioButtons(description="Besluit", style=BREED,
                                       options=[("Nog geen besluit", None), *((label, b) for b, label in BESLUITEN)])
        self._besluit.add_class("wk-te-verbinden-besluit")
        self._eigenaar = w.Dropdown(description="Eigenaar", style=BREED, layout=w.Layout(width="520px"))
        self._eigenaar.add_class("wk-te-verbinden-eigenaar")
        self._partners = w.SelectMultiple(description="Partners", style=BREED, layout=w.Layout(width="520px"))
        self._partners.add_class("wk-te-verbinden-partners")
        partners_hint = w.HTML("<div class='wk-bron' style='margin-left: 178px'>Meer partners kiezen: houd "
                               "Ctrl (of Cmd) ingedrukt.</div>")
        self._financiering = w.Dropdown(description="Financiering", style=BREED, layout=w.Layout(width="520px"),
                                        options=[("— nog niet ingevuld —", None),
                                                 *((label, f) for f, label in FINANCIERINGEN)])
        self._financiering.add_class("wk-te-verbinden-financiering")
        self._geld = w.Text(description="Bedrag of bron", style=BREED, layout=VELD, continuous_update=False,
                            placeholder="bijv. € 250.000 uit het rioleringsplan, of: subsidie aangevraagd")
        self._geld.add_class("wk-te-verbinden-geld")
        jaar_nu = nu().year
        self._jaren = [("— nog geen jaar —", None),
                       *((str(j), j) for j in range(max(JAAR_MIN, jaar_nu - 2), JAAR_MAX + 1))]
        self._jaar = w.Dropdown(description="Planning (jaar)", style=BREED, layout=w.Layout(width="340px"),
                                options=self._jaren)
        self._jaar.add_class("wk-te-verbinden-jaar")
        self._onderbouwing = w.Textarea(description="Onderbouwing", style=BREED, layout=TEKSTVAK,
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
        self._overzicht = _html("wk-te-verbinden-overzicht")
        self._waarschuwingen = _html("wk-te-verbinden-waarschuwingen")
        self._voorbeeld = _html("wk-te-verbinden-tekst")
        self._markdown = _html("wk-te-verbinden-markdown")
        self._download = _html("wk-te-verbinden-download")
        self._velden = (self._besluit, self._eigenaar, self._partners, self._financiering, self._geld, self._jaar,
                        self._onderbouwing, self._vastgelegd)

        self.inhoud.children = [
            w.HTML("<p>Hier staan de koppelkansen die in fase 3 gekozen zijn of in de top 3 staan. Neem per kans "
                   "een besluit en leg vast wie eigenaar is, met welk geld en wanneer. Schrijf ook op waarom iets "
                   "<i>niet</i> doorgaat: de raad wil beide weten. Alles wordt meteen opgeslagen.</p>"),
            self._kies, self._fase3, *self._velden[:3], partners_hint, *self._velden[3:],
            w.HBox([self._opslaan, self._weghalen]), self._bevestig,
            self._melding,
            w.HTML("<div class='wk-bron'>Nog een koppelkans uit het register meenemen in deze afweging?</div>"),
            w.HBox([self._extra, self._toevoegen]),
            w.HTML("<h4>Overzicht</h4>"), self._overzicht, self._waarschuwingen,
            w.HTML("<h4>Tekst voor het wijkuitvoeringsplan</h4>"), self._download, self._voorbeeld, self._markdown,
            w.HTML(f"<div class='wk-bron'>Bron: {e(BRON)}</div>"),
        ]
        self.bij_wijziging(self._kies, self._kans_gekozen)
        for veld in self._velden:
            self.bij_wijziging(veld, lambda _waarde: self._bewaar())
        self._opslaan.on_click(self._bewaar)
        self._weghalen.on_click(self._vraag_weghalen)
        self._bevestig.ja.on_click(self._haal_weg)
        self._toevoegen.on_click(self._voeg_toe)
        self.start()

    # -- loading ------------------------------------------------------------------------------
    def laad(self, dossier_gewisseld: bool) -> None:
        if dossier_gewisseld:
            self._melding.wis()
            self._bevestig.verberg()
        versie = self._formulier.versie
        self._formulier.laad()
        # the same version: keep what is being typed in the fields, bring only the lists up to date
        self._toon(velden=dossier_gewisseld or self._formulier.versie != versie)

    def _toon(self, _gegevens: dict | None = None, *, velden: bool = True) -> None:
        """Lists, the chosen koppelkans and the outcome, from the last loaded form and the dossier."""
        v = DossierVerzameling(self.context.store, self.context.dossier_id)
        self._namen = dict(v.partijnamen)
        top = [k.kans_id for k in v.koppelkansen_rangschikking.top]
        self._kansen = list(v.koppelkansen)
        self._rijen = kansen_op_de_lijst(self._kansen, top, lees_te_verbinden(self.gegevens))
        op_lijst = {r.koppelkans_id for r in self._rijen}
        gekozen = self._kies.value
        self.toon(self._kies, gekozen if gekozen in op_lijst else (self._rijen[0].koppelkans_id if self._rijen
                                                                    else None),
                  [("— kies een koppelkans —", None)] + [(self._rij_label(r), r.koppelkans_id) for r in self._rijen])
        self.toon(self._extra, None, [("— kies —", None)] + [(k.titel, k.id) for k in v.koppelkansen
                                                             if k.id not in op_lijst])
        self._extra.disabled = self._toevoegen.disabled = len(self._extra.options) <= 1
        self._toon_kans(waarden=velden or gekozen != self._kies.value)
        self._toon_uitkomst()

    @staticmethod
    def _rij_label(rij: KansRij) -> str:
        herkomst = "top 3" if rij.in_top else ("toegevoegd" if rij.extra else "fase 3")
        return f"{BESLUIT_TEKENS[rij.keuze.besluit]} {rij.titel} ({herkomst}) — {besluit_label(rij.keuze).lower()}"

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
        self._fase3.value = self._fase3_html(rij)
        keuze = rij.keuze if rij is not None else KansKeuze(0)
        if waarden:
            eigenaar, partners = keuze.eigenaar, tuple(keuze.partners)
        else:
            eigenaar, partners = self._eigenaar.value, tuple(self._partners.value)
        opties = [(n, i) for i, n in self._namen.items()]
        weg = [(VERWIJDERDE_PARTIJ, i) for i in dict.fromkeys((eigenaar, *partners))
               if i is not None and i not in self._namen]
        self.toon(self._eigenaar, eigenaar, [("— nog niemand —", None), *opties, *weg])
        self.toon(self._partners, partners, [*opties, *weg])
        self._partners.rows = min(max(len(self._partners.options), 2), 6)
        if not waarden:
            return
        self.toon(self._besluit, keuze.besluit)
        self.toon(self._financiering, keuze.financiering)
        bekend = keuze.jaar is None or keuze.jaar in [jaar for _label, jaar in self._jaren]
        jaren = self._jaren if bekend else [*self._jaren, (str(keuze.jaar), keuze.jaar)]  # a year saved long ago
        self.toon(self._jaar, keuze.jaar, jaren)
        self.toon(self._geld, keuze.geld)
        self.toon(self._onderbouwing, keuze.onderbouwing)
        self.toon(self._vastgelegd, keuze.vastgelegd)

    def _fase3_html(self, rij: KansRij | None) -> str:
        if rij is None:
            return ("<p><i>Er staan nog geen koppelkansen op de lijst. Kies er eerst een in 'Strategieën voor "
                    "koppelkansen' (fase 3), of zet er hieronder een op de lijst.</i></p>" if not self._rijen else "")
        if not rij.bestaat:
            return ("<div class='wk-melding wk-melding-info' role='note'>ℹ Deze koppelkans is uit het register "
                    "verwijderd. Het besluit blijft hier zichtbaar; haal hem van de lijst als hij niet meer "
                    "telt.</div>")
        kans = next((k for k in self._kansen if k.id == rij.koppelkans_id), None)
        reden = f" Reden in fase 3: {e(kans.reden)}" if kans is not None and kans.reden else ""
        top = " · ★ top 3 van de ranglijst" if rij.in_top else ""
        return f"<div class='wk-bron'>{e(FASE3[rij.fase3])}{top}.{reden}</div>"

    def _toon_uitkomst(self) -> None:
        self._overzicht.value = tabel_html(KOPPEN, overzicht_rijen(self._rijen, self._namen),
                                           "wk-te-verbinden-tabel") if self._rijen else ""
        self._waarschuwingen.value = _lijst_html("Let op", waarschuwingen_te_verbinden(self._rijen, self._namen),
                                                 "Geen aandachtspunten." if self._rijen else "Nog niets te melden.")
        tekst = wup_tekst(self._rijen, self._namen)
        self._voorbeeld.value, self._markdown.value, self._download.value = nota_html(
            tekst, "tekst over koppelkansen", "wup-koppelkansen.md", "te-verbinden")

    def _kans_gekozen(self, _kans_id) -> None:
        self._melding.wis()
        self._toon_kans()

    # -- saving -------------------------------------------------------------------------------
    def _lees_velden(self, rij: KansRij) -> KansKeuze:
        return KansKeuze(rij.koppelkans_id, self._besluit.value, self._eigenaar.value, tuple(self._partners.value),
                         self._financiering.value, self._geld.value, self._jaar.value, self._onderbouwing.value,
                         bool(self._vastgelegd.value))

    def _sla_op(self, wijziging, kans_id: int, melding: str) -> None:
        """Apply ``wijziging`` (TeVerbinden → TeVerbinden) to the form and save it (one transaction). When a
        colleague saved in between but left this koppelkans alone, the change goes on top of their version;
        when they changed this one too, nothing is saved and their version is shown."""
        titels = {r.koppelkans_id: r.titel for r in self._rijen}
        try:
            _model, veranderd, _samengevoegd = wijzig_formulier(
                self._formulier, lees_te_verbinden,
                # a party deleted since blocks nothing
                lambda model: controleer_te_verbinden(wijziging(model), titels,
                                                      set(self._namen) | model.partij_verwijzingen()),
                lambda model: model.keuze(kans_id))
        except GelijktijdigGewijzigd:
            self._toon()
            raise
        if not veranderd:
            self._melding.ok(melding)
            return
        self._toon(velden=False)
        self.bewaard(melding)

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
        self.toon(self._kies, kans_id)
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
