"""Fase 2: the register of existing plannings, and the natural moments found in it.

``PlanningOefening`` (knooppunt f2-bestaande-planningen) adds, edits, removes, imports and exports
planned works. ``NatuurlijkeMomentenOefening`` (f2-natuurlijke-momenten) shows the timeline and the
list of natural moments; it follows the register through the context's ``revisie``.
"""

from __future__ import annotations

import base64
from datetime import date

import ipywidgets as w

from ..analysis.planning import (
    BINNENKORT_JAREN,
    BRON,
    JAAR_MAX,
    JAAR_MIN,
    MARGE_MAX,
    MARGE_MIN,
    NIVEAUS,
    SOORTEN,
    STANDAARD_MARGE,
    ZEKERHEDEN,
    ZEKERHEID_LABELS,
    ZEKERHEID_UITLEG,
    NatuurlijkMoment,
    Werk,
    WerkInvoer,
    controleer_marge,
    natuurlijke_momenten,
    tijdstatus,
    werken_binnenkort,
)
from ..analysis.planning_bestand import (
    CSV_MIME,
    MAX_BYTES,
    XLSX_MIME,
    BestandFout,
    bestandsnaam,
    lees_planningbestand,
    naar_csv,
    naar_xlsx,
)
from ..charts.planning import tijdlijn
from ..dossier import GelijktijdigGewijzigd
from ..dossier.model import InvoerFout
from .basis import BREED, VELD, Bevestiging, Melding, e, figuur_html, knop, tabel_html, veilig
from .context import WerkboekContext
from .kop import geen_dossier_html, toon_oefening

MARGE_SLEUTEL = "natuurlijke-momenten"  # the saved form with the team's chosen margin
_TIJD_SYMBOOL = {"afgerond": "✓ afgerond", "loopt al": "⚠ loopt al", "start binnenkort": "⚠ start binnenkort",
                 "nog ruim de tijd": "○ nog ruim de tijd"}
_GEEN_WERK = "— kies een werk —"



class PlanningOefening(w.VBox):
    """A form for one work, the register as a table with one picker for edit/remove (a few widgets,
    whatever the number of works), import from .csv/.xlsx and export to both. Every change is one
    store transaction; the table is always reloaded from the store."""

    def __init__(self, context: WerkboekContext):
        super().__init__()
        self.add_class("wk-oefening-planning")
        self.context = context
        self._melding = Melding()
        self._bewerk: Werk | None = None
        self._werken: list[Werk] = []
        self._export_sleutel: tuple | None = None
        self._wacht_op_vervangen: list[WerkInvoer] | None = None
        start = date.today().year + BINNENKORT_JAREN

        self._formulier_kop = w.HTML("<b>Werk toevoegen</b>")
        self._omschrijving = w.Text(description="Omschrijving", placeholder="bijv. Vervanging riool Merelstraat",
                                    style=BREED, layout=VELD)
        self._omschrijving.add_class("wk-planning-omschrijving")
        self._eigenaar = w.Combobox(description="Eigenaar (partij)", placeholder="kies of typ een partij",
                                    options=(), ensure_option=False, style=BREED, layout=VELD)
        self._eigenaar.add_class("wk-planning-eigenaar")
        self._soort = w.Dropdown(description="Soort werk", options=[(s.label, k) for k, s in SOORTEN.items()],
                                 value="riolering", style=BREED, layout=VELD)
        self._soort.add_class("wk-planning-soort")
        self._soort_uitleg = w.HTML(layout=w.Layout(margin="0 0 6px 178px", max_width="520px"))
        self._gebied = w.Text(description="Gebied", placeholder="bijv. Merelstraat, buurt Noord of complex 12",
                              style=BREED, layout=VELD)
        self._gebied.add_class("wk-planning-gebied")
        self._niveau = w.Dropdown(description="Schaal", options=[(label, k) for k, label in NIVEAUS], value="straat",
                                  style=BREED, layout=w.Layout(width="320px"))
        self._niveau.add_class("wk-planning-niveau")
        self._start = w.BoundedIntText(description="Startjaar", value=start, min=JAAR_MIN, max=JAAR_MAX,
                                       style=BREED, layout=w.Layout(width="280px"))
        self._start.add_class("wk-planning-start")
        self._eind = w.BoundedIntText(description="Eindjaar", value=start, min=JAAR_MIN, max=JAAR_MAX,
                                      style=BREED, layout=w.Layout(width="280px"))
        self._eind.add_class("wk-planning-eind")
        self._zekerheid = w.Dropdown(description="Zekerheid", options=[(label, k) for k, label in ZEKERHEDEN],
                                     value="gepland", style=BREED, layout=w.Layout(width="320px"))
        self._zekerheid.add_class("wk-planning-zekerheid")
        self._zekerheid_uitleg = w.HTML(layout=w.Layout(margin="0 0 6px 178px"))
        self._toelichting = w.Text(description="Toelichting", placeholder="bijv. kans of risico als je meekoppelt",
                                   style=BREED, layout=VELD)
        self._toelichting.add_class("wk-planning-toelichting")
        self._toevoegen = knop("Werk toevoegen", "wk-planning-toevoegen", button_style="primary", icon="plus")
        self._annuleren = knop("Annuleren", "wk-planning-annuleren", layout=w.Layout(display="none"))

        self._register = w.HTML()
        self._register.add_class("wk-planning-register")
        self._kies = w.Dropdown(description="Kies een werk", options=[(_GEEN_WERK, 0)], value=0, style=BREED,
                                layout=VELD)
        self._kies.add_class("wk-planning-kies")
        self._bewerken = knop("Bewerken", "wk-planning-bewerken", icon="pencil")
        self._verwijderen = knop("Verwijderen", "wk-planning-verwijderen", icon="trash")
        self._bevestig = Bevestiging("wk-planning")
        self._bevestig_tekst, self._ja, self._nee = self._bevestig.tekst, self._bevestig.ja, self._bevestig.nee
        self._bevestig.add_class("wk-planning-bevestig")

        self._upload = w.FileUpload(accept=".csv,.xlsx", multiple=False, description="Bestand kiezen")
        self._upload.add_class("wk-planning-upload")
        self._importwijze = w.RadioButtons(
            description="Bij inlezen", options=[("Toevoegen aan het register", "toevoegen"),
                                                ("Het register vervangen", "vervangen")],
            value="toevoegen", style=BREED,
        )
        self._importwijze.add_class("wk-planning-importwijze")
        self._inlezen = knop("Bestand inlezen", "wk-planning-inlezen", icon="upload")
        self._vervang_vraag = Bevestiging("wk-planning-vervang", "Ja, vervangen", "Nee, annuleren")
        self._vervang_tekst, self._vervang_ja, self._vervang_nee = (
            self._vervang_vraag.tekst, self._vervang_vraag.ja, self._vervang_vraag.nee)
        self._vervang_nee.on_click(self._annuleer_vervangen)
        self._importfouten = w.HTML()
        self._importfouten.add_class("wk-planning-importfouten")
        self._download = w.HTML()
        self._download.add_class("wk-planning-download")

        self._inhoud = w.VBox([
            w.HTML(
                "<p>Zet hier de werken en investeringen die al gepland zijn in de wijk: van de gemeente, de "
                "netbeheerder, het waterschap, corporaties en anderen. Noteer per werk wie de eigenaar is, waar het "
                "speelt en wanneer. Plannen die pas over twee jaar of later beginnen zijn het nuttigst: daar is nog "
                "ruimte om werk te combineren.</p>"
            ),
            self._formulier_kop, self._omschrijving, self._eigenaar, self._soort, self._soort_uitleg, self._gebied,
            self._niveau, self._start, self._eind, self._zekerheid, self._zekerheid_uitleg, self._toelichting,
            w.HBox([self._toevoegen, self._annuleren]), self._melding,
            w.HTML("<h4>Register van bestaande planningen</h4>"), self._register,
            w.HBox([self._kies, self._bewerken, self._verwijderen]), self._bevestig,
            w.HTML("<h4>Inlezen en exporteren</h4><p>Lees een CSV-bestand (met ; tussen de kolommen) of een "
                   "Excel-werkmap (.xlsx) in met de kolommen omschrijving, eigenaar, soort, gebied, niveau, startjaar, "
                   "eindjaar, zekerheid en toelichting. Klopt er een rij niet, dan wordt niets ingelezen en zie je "
                   "welke rijen je moet verbeteren. Een export van een leeg register is een sjabloon.</p>"),
            w.HBox([self._upload, self._inlezen]), self._importwijze, self._vervang_vraag, self._importfouten,
            self._download,
            w.HTML(f"<div class='wk-bron'>Bron: {e(BRON)}</div>"),
        ])
        self._geen_dossier = w.HTML(geen_dossier_html())
        self.children = [self._inhoud]

        self._soort.observe(self._toon_uitleg, names="value")
        self._zekerheid.observe(self._toon_uitleg, names="value")
        self._start.observe(self._start_gewijzigd, names="value")
        self._toevoegen.on_click(self._bewaar)
        self._annuleren.on_click(self._stop_bewerken)
        self._bewerken.on_click(self._begin_bewerken)
        self._verwijderen.on_click(self._vraag_verwijderen)
        self._ja.on_click(self._verwijder)
        self._inlezen.on_click(self._lees_in)
        self._vervang_ja.on_click(self._vervang)
        context.observe(self._herlaad, names=["dossier_id", "revisie"])
        self._toon_uitleg()
        self._herlaad()

    # -- form -----------------------------------------------------------------------------
    def _toon_uitleg(self, _change=None) -> None:
        soort = SOORTEN[self._soort.value]
        self._soort_uitleg.value = (f"<div class='wk-bron'>Waarom een natuurlijk moment: {e(soort.waarom)} "
                                    f"(bron: {e(soort.bron)})</div>")
        self._zekerheid_uitleg.value = f"<div class='wk-bron'>{e(ZEKERHEID_UITLEG[self._zekerheid.value])}</div>"

    def _start_gewijzigd(self, change) -> None:
        if self._eind.value < change["new"]:
            self._eind.value = change["new"]

    def _invoer(self) -> WerkInvoer:
        return WerkInvoer(
            omschrijving=self._omschrijving.value, eigenaar=self._eigenaar.value, soort=self._soort.value,
            gebied=self._gebied.value, niveau=self._niveau.value, start_jaar=self._start.value,
            eind_jaar=self._eind.value, zekerheid=self._zekerheid.value, toelichting=self._toelichting.value,
        )

    @veilig()
    def _bewaar(self, _knop=None) -> None:
        store, dossier_id = self.context.store, self.context.dossier_id
        if self._bewerk is None:
            werk = store.voeg_werk_toe(dossier_id, self._invoer())
            self._melding.ok(f"Werk '{werk.omschrijving}' ({werk.periode}) toegevoegd aan het register.")
        else:
            try:
                werk = store.wijzig_werk(dossier_id, self._bewerk.id, self._invoer(), self._bewerk.versie)
            except GelijktijdigGewijzigd:
                # Show the colleague's version in the form; saving again is then a conscious choice.
                self._herlaad()
                nieuwste = next((w_ for w_ in self._werken if w_.id == self._bewerk.id), None)
                if nieuwste is None:
                    self._stop_bewerken(wis_melding=False)
                else:
                    self._vul_formulier(nieuwste)
                raise
            self._melding.ok(f"Wijzigingen van '{werk.omschrijving}' opgeslagen.")
            self._stop_bewerken(wis_melding=False)
        self._omschrijving.value = ""
        self._toelichting.value = ""
        self.context.gewijzigd()

    def _gekozen(self) -> Werk:
        werk = next((w_ for w_ in self._werken if w_.id == self._kies.value), None)
        if werk is None:
            raise InvoerFout("Kies eerst een werk uit de lijst 'Kies een werk'.")
        return werk

    @veilig()
    def _begin_bewerken(self, _knop=None) -> None:
        werk = self._gekozen()
        self._verberg_bevestiging()
        self._vul_formulier(werk)
        self._melding.info(f"Je bewerkt nu '{werk.omschrijving}'. Klik op 'Wijzigingen opslaan' als je klaar bent.")

    def _vul_formulier(self, werk: Werk) -> None:
        self._bewerk = werk
        self._omschrijving.value = werk.omschrijving
        self._eigenaar.value = werk.eigenaar
        self._soort.value = werk.soort
        self._gebied.value = werk.gebied
        self._niveau.value = werk.niveau
        self._start.value = werk.start_jaar  # may move the end along; the next line sets it right
        self._eind.value = werk.eind_jaar
        self._zekerheid.value = werk.zekerheid
        self._toelichting.value = werk.toelichting
        self._formulier_kop.value = f"<b>Werk bewerken: {e(werk.omschrijving)}</b>"
        self._toevoegen.description, self._toevoegen.icon = "Wijzigingen opslaan", "check"
        self._annuleren.layout.display = "inline-flex"

    def _stop_bewerken(self, _knop=None, wis_melding: bool = True) -> None:
        self._bewerk = None
        self._formulier_kop.value = "<b>Werk toevoegen</b>"
        self._toevoegen.description, self._toevoegen.icon = "Werk toevoegen", "plus"
        self._annuleren.layout.display = "none"
        if wis_melding:
            self._melding.wis()
            self._omschrijving.value = ""
            self._toelichting.value = ""

    @veilig()
    def _vraag_verwijderen(self, _knop=None) -> None:
        werk = self._gekozen()
        self._bevestig.vraag(f"Weet je zeker dat je <b>{e(werk.omschrijving)}</b> ({e(werk.periode)}) wilt "
                             "verwijderen?")

    def _verberg_bevestiging(self, _knop=None) -> None:
        self._bevestig.verberg()

    @veilig()
    def _verwijder(self, _knop=None) -> None:
        werk = self._gekozen()
        self._verberg_bevestiging()
        self.context.store.verwijder_werk(self.context.dossier_id, werk.id)
        if self._bewerk is not None and self._bewerk.id == werk.id:
            self._stop_bewerken()
        self._melding.ok(f"Werk '{werk.omschrijving}' verwijderd.")
        self.context.gewijzigd()

    # -- import ---------------------------------------------------------------------------
    @veilig()
    def _lees_in(self, _knop=None) -> None:
        self._importfouten.value = ""
        self._annuleer_vervangen()
        if not self._upload.value:
            raise InvoerFout("Kies eerst een bestand met 'Bestand kiezen'.")
        bestand = self._upload.value[0]
        if bestand.get("size", 0) > MAX_BYTES:
            raise InvoerFout(f"Het bestand is te groot; het mag hoogstens {MAX_BYTES // 1024 // 1024} MB zijn.")
        try:
            invoeren = lees_planningbestand(bestand.get("name", ""), bytes(bestand["content"]))
        except BestandFout as fout:
            self._melding.fout(fout.samenvatting)
            self._importfouten.value = importfouten_html(fout)
            return
        vervangen = self._importwijze.value == "vervangen"
        if vervangen and self._werken:
            self._wacht_op_vervangen = invoeren
            self._vervang_vraag.vraag(
                f"Het bestand heeft {len(invoeren)} werk{'en' if len(invoeren) != 1 else ''}. Vervangen haalt de "
                f"{len(self._werken)} werk{'en' if len(self._werken) != 1 else ''} die nu in het register staan "
                "weg. Doorgaan?"
            )
            return
        self._importeer(invoeren, vervangen)

    @veilig()
    def _vervang(self, _knop=None) -> None:
        invoeren = self._wacht_op_vervangen
        self._annuleer_vervangen()
        if invoeren:
            self._importeer(invoeren, vervangen=True)

    def _annuleer_vervangen(self, _knop=None) -> None:
        self._wacht_op_vervangen = None
        self._vervang_vraag.verberg()

    def _importeer(self, invoeren: list[WerkInvoer], vervangen: bool) -> None:
        self.context.store.importeer_werken(self.context.dossier_id, invoeren, vervangen)
        self._upload.value = ()
        aantal = f"{len(invoeren)} werk{'en' if len(invoeren) != 1 else ''}"
        self._melding.ok(f"{aantal} ingelezen; " + ("het register is vervangen." if vervangen else
                                                     "ze staan nu in het register."))
        self.context.gewijzigd()

    # -- register -------------------------------------------------------------------------
    @veilig()
    def _herlaad(self, change=None) -> None:
        if change is not None and change["name"] == "dossier_id":
            self._stop_bewerken()
            self._verberg_bevestiging()
            self._annuleer_vervangen()
            self._importfouten.value = ""
        if not toon_oefening(self):
            return
        store, dossier_id = self.context.store, self.context.dossier_id
        self._werken = store.planning_werken(dossier_id)
        partijen = [p.naam for p in store.partijen(dossier_id)]
        namen = tuple(dict.fromkeys([*partijen, *sorted({w_.eigenaar for w_ in self._werken})]))
        if tuple(self._eigenaar.options) != namen:
            self._eigenaar.options = namen
        huidig_jaar = date.today().year
        self._register.value = register_html(self._werken, huidig_jaar)
        gekozen = self._kies.value
        opties = [(_GEEN_WERK, 0)] + [
            (f"{nummer}. {w_.omschrijving} ({w_.eigenaar}, {w_.periode})", w_.id)
            for nummer, w_ in enumerate(self._werken, start=1)
        ]
        self._kies.options = opties
        self._kies.value = gekozen if any(waarde == gekozen for _l, waarde in opties) else 0
        self._toon_export()

    def _toon_export(self) -> None:
        """Download links as data-URIs; only rebuilt when the register changed (Excel takes a moment)."""
        dossier = self.context.store.dossier(self.context.dossier_id)
        sleutel = (dossier.naam, tuple(self._werken))
        if sleutel == self._export_sleutel:
            return
        self._export_sleutel = sleutel
        csv_data = base64.b64encode(naar_csv(self._werken)).decode("ascii")
        xlsx_data = base64.b64encode(naar_xlsx(self._werken)).decode("ascii")
        leeg = " (leeg sjabloon)" if not self._werken else ""
        self._download.value = (
            f"<a download=\"{e(bestandsnaam(dossier.naam, 'csv'))}\" href=\"data:{CSV_MIME};charset=utf-8;base64,"
            f"{csv_data}\" class='wk-download wk-planning-csv'>⬇ Download als CSV{leeg}</a> &nbsp; "
            f"<a download=\"{e(bestandsnaam(dossier.naam, 'xlsx'))}\" href=\"data:{XLSX_MIME};base64,{xlsx_data}\" "
            f"class='wk-download wk-planning-xlsx'>⬇ Download als Excel (.xlsx){leeg}</a>"
        )


def register_html(werken: list[Werk], huidig_jaar: int) -> str:
    if not werken:
        return ("<p><i>Nog geen werken in het register. Voeg hierboven het eerste werk toe of lees een bestand "
                "in.</i></p>")
    rijen = [
        [str(nummer), w_.omschrijving, w_.eigenaar, w_.soort_label, f"{w_.gebied} ({w_.niveau})", w_.periode,
         ZEKERHEID_LABELS.get(w_.zekerheid, w_.zekerheid), _TIJD_SYMBOOL[tijdstatus(w_, huidig_jaar)],
         w_.toelichting or "–"]
        for nummer, w_ in enumerate(werken, start=1)
    ]
    return tabel_html(["Nr.", "Omschrijving", "Eigenaar", "Soort", "Gebied (schaal)", "Periode", "Zekerheid",
                       f"In {huidig_jaar}", "Toelichting"], rijen, "wk-planning-tabel")


def importfouten_html(fout: BestandFout) -> str:
    if not fout.fouten:
        return ""
    items = "".join(f"<li>{e(regel)}</li>" for regel in fout.fouten[:200])
    meer = f"<p>… en nog {len(fout.fouten) - 200} problemen.</p>" if len(fout.fouten) > 200 else ""
    return f"<div class='wk-planning-foutenlijst' role='alert'><b>Te verbeteren:</b><ul>{items}</ul>{meer}</div>"


class NatuurlijkeMomentenOefening(w.VBox):
    """The timeline of the register and the natural moments in it, for a margin the team chooses
    (saved in the dossier, so everyone sees the same list). Redraws only when something changed."""

    def __init__(self, context: WerkboekContext):
        super().__init__()
        self.add_class("wk-oefening-natuurlijke-momenten")
        self.context = context
        self._melding = Melding()
        self._versie = 0
        self._laden = False
        self._getoond: tuple | None = None
        self._marge = w.IntSlider(
            description="Binnen hoeveel jaar telt als samenvallend", value=STANDAARD_MARGE, min=MARGE_MIN,
            max=MARGE_MAX, continuous_update=False, style={"description_width": "290px"},
            layout=w.Layout(width="600px"),
        )
        self._marge.add_class("wk-planning-marge")
        self._marge_uitleg = w.HTML()
        self._binnenkort = w.HTML()
        self._binnenkort.add_class("wk-planning-binnenkort")
        self._tijdlijn = w.HTML()
        self._tijdlijn.add_class("wk-planning-tijdlijn")
        self._momenten = w.HTML()
        self._momenten.add_class("wk-planning-momenten")
        self._inhoud = w.VBox([
            w.HTML(
                "<p>Een <b>natuurlijk moment</b> is een periode waarin verschillende partijen toch al werk doen in "
                "hetzelfde gebied. Dan kun je de straat één keer openleggen voor riool, gas, elektriciteit en warmte "
                "samen. Hieronder staan de werken uit het register op een tijdlijn, en de momenten waarop werk van "
                "verschillende eigenaren samenvalt.</p>"
                "<p class='wk-bron'>Zo telt het: twee werken vallen samen als ze in hetzelfde gebied liggen (zelfde "
                "naam; hoofdletters en spaties tellen niet) en elkaar overlappen of hoogstens de gekozen marge aan "
                "jaren uit elkaar liggen. Een werk op schaal wijk of regio geldt voor elk gebied. Werken van "
                "dezelfde eigenaar tellen niet als moment.</p>"
            ),
            self._marge, self._marge_uitleg, self._melding, self._binnenkort, self._tijdlijn,
            w.HTML("<h4>Natuurlijke momenten</h4>"), self._momenten,
            w.HTML(f"<div class='wk-bron'>Bron: {e(BRON)}</div>"),
        ])
        self._geen_dossier = w.HTML(geen_dossier_html())
        self.children = [self._inhoud]
        self._marge.observe(self._marge_gewijzigd, names="value")
        context.observe(self._herlaad, names=["dossier_id", "revisie"])
        self._herlaad()

    @veilig()
    def _herlaad(self, change=None) -> None:
        if not toon_oefening(self):
            return
        store, dossier_id = self.context.store, self.context.dossier_id
        gegevens, versie = store.formulier(dossier_id, MARGE_SLEUTEL)
        if change is None or change["name"] == "dossier_id" or versie != self._versie:
            self._versie = versie
            marge = gegevens.get("marge", STANDAARD_MARGE)
            self._laden = True
            try:
                self._marge.value = marge if isinstance(marge, int) and MARGE_MIN <= marge <= MARGE_MAX \
                    else STANDAARD_MARGE
            finally:
                self._laden = False
        self._toon(store.planning_werken(dossier_id))

    @veilig()
    def _marge_gewijzigd(self, change) -> None:
        if self._laden:
            return
        store, dossier_id = self.context.store, self.context.dossier_id
        if dossier_id is None or store is None:
            return
        marge = controleer_marge(change["new"])
        try:
            self._versie = store.bewaar_formulier(dossier_id, MARGE_SLEUTEL, {"marge": marge}, self._versie)
        except GelijktijdigGewijzigd:
            self._herlaad()
            raise
        self._toon(store.planning_werken(dossier_id))
        self._melding.ok(f"De marge van {marge} jaar is opgeslagen voor dit dossier.")
        self.context.gewijzigd()

    def _toon(self, werken: list[Werk]) -> None:
        marge, huidig_jaar = self._marge.value, date.today().year
        self._marge_uitleg.value = (
            "<div class='wk-bron'>" + (
                "Marge 0: alleen werken die echt in hetzelfde jaar of dezelfde jaren lopen." if marge == 0 else
                f"Marge {marge}: ook werken die hoogstens {marge} jaar na elkaar beginnen en eindigen tellen mee."
            ) + "</div>"
        )
        sleutel = (tuple(werken), marge, huidig_jaar)
        if sleutel == self._getoond:
            return
        momenten = natuurlijke_momenten(werken, marge)
        self._binnenkort.value = binnenkort_html(werken_binnenkort(werken, huidig_jaar))
        if werken:
            gebieden = len({"" if w_.is_wijkbreed else w_.gebied_sleutel for w_ in werken})
            alt = (f"Tijdlijn van {len(werken)} werken in {gebieden} gebied{'en' if gebieden != 1 else ''}, met "
                   f"{len(momenten)} natuurlijk{'e' if len(momenten) != 1 else ''} moment"
                   f"{'en' if len(momenten) != 1 else ''}; de lijst hieronder noemt ze allemaal.")
            self._tijdlijn.value = figuur_html(tijdlijn(werken, momenten, huidig_jaar, marge), alt)
        else:
            self._tijdlijn.value = ""
        self._momenten.value = momenten_html(werken, momenten, marge, huidig_jaar)
        self._getoond = sleutel


def binnenkort_html(werken: list[Werk]) -> str:
    if not werken:
        return ""
    items = "".join(
        f"<li>{e(w_.omschrijving)} ({e(w_.eigenaar)}, {e(w_.periode)})</li>" for w_ in werken
    )
    return (
        "<div class='wk-melding wk-melding-info wk-planning-waarschuwing' role='note'>⚠ <b>Weinig tijd meer:</b> "
        f"{len(werken)} werk{'en' if len(werken) != 1 else ''} loopt al of begint binnen {BINNENKORT_JAREN} jaar. "
        "Daar is weinig ruimte om nog aan te passen; vraag de eigenaar snel of meekoppelen nog kan."
        f"<ul>{items}</ul></div>"
    )


def momenten_html(werken: list[Werk], momenten: list[NatuurlijkMoment], marge: int, huidig_jaar: int) -> str:
    if not werken:
        return ("<p><i>Nog geen werken in het register. Vul eerst het overzicht van bestaande planningen in; "
                "dan verschijnen hier de natuurlijke momenten.</i></p>")
    if not momenten:
        return (f"<p><i>Geen natuurlijke momenten gevonden met een marge van {marge} jaar. Kies een grotere marge, "
                "of controleer of werken in hetzelfde gebied ook dezelfde gebiedsnaam hebben.</i></p>")
    delen = []
    for nummer, moment in enumerate(momenten, start=1):
        if moment.venster_eind < huidig_jaar:
            wanneer = " <span class='wk-bron'>(al voorbij)</span>"
        elif moment.venster_start < huidig_jaar + BINNENKORT_JAREN:
            wanneer = " <span class='wk-planning-snel'>⚠ begint binnenkort of loopt al</span>"
        else:
            wanneer = ""
        soort = "werken overlappen" if moment.overlappen else f"werken liggen hoogstens {marge} jaar uit elkaar"
        werkregels = "".join(
            f"<li>{e(w_.omschrijving)} — {e(w_.eigenaar)}, {e(w_.soort_label.lower())}, {e(w_.periode)}, "
            f"{e(ZEKERHEID_LABELS.get(w_.zekerheid, w_.zekerheid).lower())}"
            + (f" (schaal {e(w_.niveau)}: geldt voor de hele wijk)" if w_.is_wijkbreed else "") + "</li>"
            for w_ in moment.werken
        )
        waarom = "".join(
            f"<li><b>{e(SOORTEN[s].label)}:</b> {e(SOORTEN[s].waarom)}</li>"
            for s in dict.fromkeys(w_.soort for w_ in moment.werken) if s in SOORTEN
        )
        delen.append(
            f"<div class='wk-planning-moment'><b>◆ {nummer} · {e(moment.gebied)}</b>, {e(moment.venster)} "
            f"({soort}){wanneer}<br>Partijen: {e(', '.join(moment.partijen))}<ul>{werkregels}</ul>"
            f"<details><summary>Waarom dit een kans is</summary><ul>{waarom}</ul></details></div>"
        )
    return f"<div class='wk-planning-momentenlijst'>{''.join(delen)}</div>"
