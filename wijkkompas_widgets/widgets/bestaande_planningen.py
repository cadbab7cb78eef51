"""Exercise 'Bestaande planningen' (knooppunt f2-bestaande-planningen): the register of works already planned in
the wijk. Add, edit, remove, import from .csv/.xlsx and export to both; every change is one store transaction,
and the table is always reloaded from the store. 'Natuurlijke momenten' follows the register through the
context's ``revisie``.
"""

from __future__ import annotations

import base64
from datetime import date

import ipywidgets as w

from ..analysis.planning import BINNENKORT_JAREN, BRON, JAAR_MAX, JAAR_MIN, ZEKERHEID_UITLEG, tijdstatus
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
from ..dossier import GelijktijdigGewijzigd
from ..dossier.model import InvoerFout
from ..dossier.records import NIVEAUS, SOORTEN, ZEKERHEDEN, ZEKERHEID_LABELS, Werk, WerkInvoer
from .basis import BREED, VELD, Bevestiging, e, knop, tabel_html, veilig
from .context import WerkboekContext
from .oefening import Oefening

_TIJD_SYMBOOL = {"afgerond": "✓ afgerond", "loopt al": "⚠ loopt al", "start binnenkort": "⚠ start binnenkort",
                 "nog ruim de tijd": "○ nog ruim de tijd"}
_GEEN_WERK = "— kies een werk —"


class WerkFormulier(w.VBox):
    """The form for one work: a new one ('Werk toevoegen') or the one being edited ('Wijzigingen opslaan').
    The exercise connects ``toevoegen`` and ``annuleren``."""

    def __init__(self):
        super().__init__()
        self.bewerkt: Werk | None = None
        start = date.today().year + BINNENKORT_JAREN
        self._kop = w.HTML("<b>Werk toevoegen</b>")
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
        self.toevoegen = knop("Werk toevoegen", "wk-planning-toevoegen", button_style="primary", icon="plus")
        self.annuleren = knop("Annuleren", "wk-planning-annuleren", layout=w.Layout(display="none"))
        self.children = [
            self._kop, self._omschrijving, self._eigenaar, self._soort, self._soort_uitleg, self._gebied,
            self._niveau, self._start, self._eind, self._zekerheid, self._zekerheid_uitleg, self._toelichting,
            w.HBox([self.toevoegen, self.annuleren]),
        ]
        self._soort.observe(self._toon_uitleg, names="value")
        self._zekerheid.observe(self._toon_uitleg, names="value")
        self._start.observe(self._start_gewijzigd, names="value")
        self._toon_uitleg()

    def _toon_uitleg(self, _change=None) -> None:
        soort = SOORTEN[self._soort.value]
        self._soort_uitleg.value = (f"<div class='wk-bron'>Waarom een natuurlijk moment: {e(soort.waarom)} "
                                    f"(bron: {e(soort.bron)})</div>")
        self._zekerheid_uitleg.value = f"<div class='wk-bron'>{e(ZEKERHEID_UITLEG[self._zekerheid.value])}</div>"

    def _start_gewijzigd(self, change) -> None:
        if self._eind.value < change["new"]:
            self._eind.value = change["new"]

    def zet_eigenaren(self, namen: tuple[str, ...]) -> None:
        if tuple(self._eigenaar.options) != namen:
            self._eigenaar.options = namen

    def invoer(self) -> WerkInvoer:
        return WerkInvoer(
            omschrijving=self._omschrijving.value, eigenaar=self._eigenaar.value, soort=self._soort.value,
            gebied=self._gebied.value, niveau=self._niveau.value, start_jaar=self._start.value,
            eind_jaar=self._eind.value, zekerheid=self._zekerheid.value, toelichting=self._toelichting.value,
        )

    def vul(self, werk: Werk) -> None:
        """Edit ``werk``: its values in the fields, the button says 'Wijzigingen opslaan'."""
        self.bewerkt = werk
        self._omschrijving.value = werk.omschrijving
        self._eigenaar.value = werk.eigenaar
        self._soort.value = werk.soort
        self._gebied.value = werk.gebied
        self._niveau.value = werk.niveau
        self._start.value = werk.start_jaar  # may move the end along; the next line sets it right
        self._eind.value = werk.eind_jaar
        self._zekerheid.value = werk.zekerheid
        self._toelichting.value = werk.toelichting
        self._kop.value = f"<b>Werk bewerken: {e(werk.omschrijving)}</b>"
        self.toevoegen.description, self.toevoegen.icon = "Wijzigingen opslaan", "check"
        self.annuleren.layout.display = "inline-flex"

    def stop(self) -> None:
        """Back to adding a new work."""
        self.bewerkt = None
        self._kop.value = "<b>Werk toevoegen</b>"
        self.toevoegen.description, self.toevoegen.icon = "Werk toevoegen", "plus"
        self.annuleren.layout.display = "none"

    def leeg(self) -> None:
        """Ready for the next work: the texts that differ per work are emptied; owner, kind and years stay."""
        self._omschrijving.value = ""
        self._toelichting.value = ""


class PlanningOefening(Oefening):
    """A form for one work, the register as a table with one picker for edit/remove (a few widgets,
    whatever the number of works), import from .csv/.xlsx and export to both."""

    KLASSE = "wk-oefening-planning"

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        self._werken: list[Werk] = []
        self._export_sleutel: tuple | None = None
        self._wacht_op_vervangen: list[WerkInvoer] | None = None
        self._formulier = WerkFormulier()

        self._register = w.HTML()
        self._register.add_class("wk-planning-register")
        self._kies = w.Dropdown(description="Kies een werk", options=[(_GEEN_WERK, 0)], value=0, style=BREED,
                                layout=VELD)
        self._kies.add_class("wk-planning-kies")
        self._bewerken = knop("Bewerken", "wk-planning-bewerken", icon="pencil")
        self._verwijderen = knop("Verwijderen", "wk-planning-verwijderen", icon="trash")
        self._bevestig = Bevestiging("wk-planning")
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
        self._vervang_vraag.add_class("wk-planning-vervang")
        self._importfouten = w.HTML()
        self._importfouten.add_class("wk-planning-importfouten")
        self._download = w.HTML()
        self._download.add_class("wk-planning-download")

        self.inhoud.children = [
            w.HTML(
                "<p>Zet hier de werken en investeringen die al gepland zijn in de wijk: van de gemeente, de "
                "netbeheerder, het waterschap, corporaties en anderen. Noteer per werk wie de eigenaar is, waar het "
                "speelt en wanneer. Plannen die pas over twee jaar of later beginnen zijn het nuttigst: daar is nog "
                "ruimte om werk te combineren.</p>"
            ),
            self._formulier, self._melding,
            w.HTML("<h4>Register van bestaande planningen</h4>"), self._register,
            w.HBox([self._kies, self._bewerken, self._verwijderen]), self._bevestig,
            w.HTML("<h4>Inlezen en exporteren</h4><p>Lees een CSV-bestand (met ; tussen de kolommen) of een "
                   "Excel-werkmap (.xlsx) in met de kolommen omschrijving, eigenaar, soort, gebied, niveau, startjaar, "
                   "eindjaar, zekerheid en toelichting. Klopt er een rij niet, dan wordt niets ingelezen en zie je "
                   "welke rijen je moet verbeteren. Een export van een leeg register is een sjabloon.</p>"),
            w.HBox([self._upload, self._inlezen]), self._importwijze, self._vervang_vraag, self._importfouten,
            self._download,
            w.HTML(f"<div class='wk-bron'>Bron: {e(BRON)}</div>"),
        ]
        self._formulier.toevoegen.on_click(self._bewaar)
        self._formulier.annuleren.on_click(self._stop_bewerken)
        self._bewerken.on_click(self._begin_bewerken)
        self._verwijderen.on_click(self._vraag_verwijderen)
        self._bevestig.ja.on_click(self._verwijder)
        self._inlezen.on_click(self._lees_in)
        self._vervang_vraag.ja.on_click(self._vervang)
        self._vervang_vraag.nee.on_click(self._annuleer_vervangen)
        self.start()

    # -- register -------------------------------------------------------------------------
    def laad(self, dossier_gewisseld: bool = True) -> None:
        if dossier_gewisseld:  # nothing half done of the previous dossier stays
            self._stop_bewerken()
            self._bevestig.verberg()
            self._annuleer_vervangen()
            self._importfouten.value = ""
        store, dossier_id = self.context.store, self.context.dossier_id
        self._werken = store.planning_werken(dossier_id)
        partijen = [p.naam for p in store.partijen(dossier_id)]
        self._formulier.zet_eigenaren(tuple(dict.fromkeys([*partijen, *sorted({w_.eigenaar for w_ in self._werken})])))
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

    # -- one work -------------------------------------------------------------------------
    @veilig()
    def _bewaar(self, _knop=None) -> None:
        store, dossier_id, bewerkt = self.context.store, self.context.dossier_id, self._formulier.bewerkt
        if bewerkt is None:
            werk = store.voeg_werk_toe(dossier_id, self._formulier.invoer())
            self._melding.ok(f"Werk '{werk.omschrijving}' ({werk.periode}) toegevoegd aan het register.")
        else:
            try:
                werk = store.wijzig_werk(dossier_id, bewerkt.id, self._formulier.invoer(), bewerkt.versie)
            except GelijktijdigGewijzigd:
                # Show the colleague's version in the form; saving again is then a conscious choice.
                self.laad(dossier_gewisseld=False)
                nieuwste = next((w_ for w_ in self._werken if w_.id == bewerkt.id), None)
                if nieuwste is None:
                    self._formulier.stop()
                else:
                    self._formulier.vul(nieuwste)
                raise
            self._melding.ok(f"Wijzigingen van '{werk.omschrijving}' opgeslagen.")
            self._formulier.stop()
        self._formulier.leeg()
        self.bewaard()

    def _gekozen(self) -> Werk:
        werk = next((w_ for w_ in self._werken if w_.id == self._kies.value), None)
        if werk is None:
            raise InvoerFout("Kies eerst een werk uit de lijst 'Kies een werk'.")
        return werk

    @veilig()
    def _begin_bewerken(self, _knop=None) -> None:
        werk = self._gekozen()
        self._bevestig.verberg()
        self._formulier.vul(werk)
        self._melding.info(f"Je bewerkt nu '{werk.omschrijving}'. Klik op 'Wijzigingen opslaan' als je klaar bent.")

    def _stop_bewerken(self, _knop=None) -> None:
        self._formulier.stop()
        self._formulier.leeg()
        self._melding.wis()

    @veilig()
    def _vraag_verwijderen(self, _knop=None) -> None:
        werk = self._gekozen()
        self._bevestig.vraag(f"Weet je zeker dat je <b>{e(werk.omschrijving)}</b> ({e(werk.periode)}) wilt "
                             "verwijderen?")

    @veilig()
    def _verwijder(self, _knop=None) -> None:
        werk = self._gekozen()
        self._bevestig.verberg()
        self.context.store.verwijder_werk(self.context.dossier_id, werk.id)
        if self._formulier.bewerkt is not None and self._formulier.bewerkt.id == werk.id:
            self._stop_bewerken()
        self.bewaard(f"Werk '{werk.omschrijving}' verwijderd.")

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
        self.bewaard(f"{aantal} ingelezen; " + ("het register is vervangen." if vervangen else
                                                 "ze staan nu in het register."))


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
