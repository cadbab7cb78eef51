"""Exercises 'Passende participatievormen' and 'Participatie- en communicatiestrategie' (fase 3).

Both keep one versioned form per dossier, like 'Samenwerking formaliseren': every change is checked and
saved at once (and refused with a Dutch message, nothing saved, when it is not right); when a colleague saved
in between, the newest version is shown and the message says so. The fields are the truth while someone
types: a refused value stays in its field to be corrected, and the next change saves the whole form.
"""

from __future__ import annotations

import ipywidgets as w

from ..analysis.participatie import (
    BRON_LADDER,
    BRON_PAW,
    FASEN,
    KANALEN,
    PROCESONTWERP,
    RANDVOORWAARDEN,
    SEGMENTEN,
    TREDEN,
    UITGANGSPUNTEN,
    VERWIJDERDE_PARTIJ,
    VORMEN,
    WERVING,
    Cel,
    Doelgroep,
    Moment,
    Onderwerp,
    Participatiestrategie,
    Participatievormen,
    adviezen,
    controleer_participatievormen,
    controleer_strategie,
    kanalen_raster,
    lees_participatievormen,
    lees_strategie,
    maand_tekst,
    matrix_rijen,
    nieuw_id,
    samenvatting,
    strategie_als_dict,
    treden_raster,
    vervang_doelgroep,
    verwijder_doelgroep,
    verwijder_moment,
    verwijder_onderwerp,
    voeg_doelgroep_toe,
    voeg_moment_toe,
    voeg_onderwerp_toe,
    vormen_als_dict,
    vraag_adviezen,
    zelftoets,
)
from ..charts.participatie import participatie_alt, participatie_figuur
from ..dossier import GelijktijdigGewijzigd
from ..dossier.model import InvoerFout
from .basis import Bevestiging, Melding, e, figuur_html, knop, tabel_html, veilig, zet_keuze
from .context import WerkboekContext
from .kaart import markdown_html
from .kop import geen_dossier_html, toon_oefening

SLEUTEL_VORMEN = "participatievormen"
SLEUTEL_STRATEGIE = "participatiestrategie"
_LABEL = {"description_width": "240px"}  # long labels such as 'Ondersteun bewoners bij de stap'
_BREED = w.Layout(width="680px")
_KNOP = w.Layout(width="auto")
_GEEN_PARTIJ = "— niemand in het bijzonder —"


def _partij_opties(partijen, bewaard: set[int]) -> list[tuple[str, int | None]]:
    """The parties of the dossier, plus any the form still names that was deleted since."""
    opties: list[tuple[str, int | None]] = [(_GEEN_PARTIJ, None)] + [(p.naam, p.id) for p in partijen]
    bekend = {p.id for p in partijen}
    opties += [(VERWIJDERDE_PARTIJ, i) for i in sorted(bewaard - bekend)]
    return opties


# == participatievormen ===========================================================================
class _CelInvoer:
    """The three inputs of one onderwerp for the selected doelgroep."""

    def __init__(self, onderwerp_id: str, naam: str, bij_wijziging):
        self.onderwerp_id = onderwerp_id
        self.kop = w.HTML(f"<b>{e(naam)}</b>", layout=w.Layout(margin="8px 0 0 0"))
        self.trede = w.Dropdown(description="Invloed", options=[("— nog open —", None)] + [
            (f"{t.niveau} · {t.naam}", t.id) for t in TREDEN], value=None, style=_LABEL,
            layout=w.Layout(width="460px"))
        self.trede.add_class("wk-participatievormen-trede")
        self.vormen = w.SelectMultiple(description="Vormen", options=[(v.naam, v.id) for v in VORMEN], rows=6,
                                       style=_LABEL, layout=w.Layout(width="560px"))
        self.vormen.add_class("wk-participatievormen-vormen")
        self.kanaal = w.Dropdown(description="Online of fysiek", options=[("— nog niet gekozen —", None)] + [
            (label, k) for k, label in KANALEN.items()], value=None, style=_LABEL, layout=w.Layout(width="460px"))
        self.kanaal.add_class("wk-participatievormen-kanaal")
        for veld in (self.trede, self.vormen, self.kanaal):
            veld.tooltip = f"{veld.description} bij {naam}"
            veld.observe(bij_wijziging, names="value")
        self.vak = w.VBox([self.kop, self.trede, self.vormen, self.kanaal])
        self.vak.add_class("wk-participatievormen-cel")

    def toon(self, cel: Cel) -> None:
        zet_keuze(self.trede, cel.trede)
        self.vormen.value = tuple(cel.vormen)
        zet_keuze(self.kanaal, cel.kanaal)

    def cel(self) -> Cel:
        return Cel(self.trede.value, tuple(self.vormen.value), self.kanaal.value)


class ParticipatievormenOefening(w.VBox):
    """The participation matrix: per doelgroep (chosen in a dropdown, one at a time so the page stays calm)
    and per onderwerp the step on the ladder, the forms and the channel. Below: the grid, advice and a table."""

    def __init__(self, context: WerkboekContext):
        super().__init__()
        self.add_class("wk-oefening-participatievormen")
        self.context = context
        self._gegevens: dict = {}
        self._versie = 0
        self._model: Participatievormen = lees_participatievormen({})
        self._partijen: list = []
        self._bijwerken = False
        self._melding = Melding()  # under the inputs of the chosen doelgroep
        self._melding_doelgroep = Melding()  # next to adding and removing a doelgroep
        self._melding_onderwerp = Melding()  # inside 'Onderwerpen aanpassen'
        self._melding_stem = Melding()  # under 'Eén stem voor de hele wijk?'
        self._cel_invoer: list[_CelInvoer] = []
        self._cel_sleutel: list[tuple[str, str]] = []

        self._doelgroep = w.Dropdown(description="Doelgroep", options=[], style=_LABEL, layout=_BREED)
        self._doelgroep.add_class("wk-participatievormen-doelgroep")
        self._naam = w.Text(description="Naam van de doelgroep", continuous_update=False, style=_LABEL,
                            layout=_BREED)
        self._naam.add_class("wk-participatievormen-naam")
        self._segmenten = w.SelectMultiple(description="Wie zitten erin?", options=[
            (label, s) for s, label in SEGMENTEN.items()], rows=4, style=_LABEL, layout=w.Layout(width="460px"))
        self._segmenten.add_class("wk-participatievormen-segmenten")
        self._woordvoerder = w.Dropdown(description="Spreekt namens hen", options=[(_GEEN_PARTIJ, None)],
                                        value=None, style=_LABEL, layout=_BREED)
        self._woordvoerder.add_class("wk-participatievormen-woordvoerder")
        self._cellen = w.VBox()
        self._nieuwe_doelgroep = w.Text(description="Nieuwe doelgroep", placeholder="bijv. Jongeren in de wijk",
                                        style=_LABEL, layout=w.Layout(width="540px"))
        self._nieuwe_doelgroep.add_class("wk-participatievormen-nieuwe-doelgroep")
        self._doelgroep_toevoegen = knop("Doelgroep toevoegen", "wk-participatievormen-doelgroep-toevoegen",
                                        icon="plus", layout=_KNOP)
        self._doelgroep_weg = knop("Deze doelgroep verwijderen…", "wk-participatievormen-doelgroep-verwijderen",
                                   icon="trash", layout=_KNOP)
        self._doelgroep_bevestig = Bevestiging("wk-participatievormen-doelgroep-weg")

        self._onderwerp = w.Dropdown(description="Onderwerp", options=[], style=_LABEL, layout=_BREED)
        self._onderwerp.add_class("wk-participatievormen-onderwerp")
        self._onderwerp_naam = w.Text(description="Naam van het onderwerp", continuous_update=False, style=_LABEL,
                                      layout=_BREED)
        self._onderwerp_naam.add_class("wk-participatievormen-onderwerp-naam")
        self._onderwerp_weg = knop("Dit onderwerp verwijderen…", "wk-participatievormen-onderwerp-verwijderen",
                                   icon="trash", layout=_KNOP)
        self._onderwerp_bevestig = Bevestiging("wk-participatievormen-onderwerp-weg")
        self._nieuw_onderwerp = w.Text(description="Nieuw onderwerp", placeholder="bijv. Isolatie van de woning",
                                       style=_LABEL, layout=w.Layout(width="540px"))
        self._nieuw_onderwerp.add_class("wk-participatievormen-nieuw-onderwerp")
        self._onderwerp_toevoegen = knop("Onderwerp toevoegen", "wk-participatievormen-onderwerp-toevoegen",
                                         icon="plus", layout=_KNOP)

        self._een_stem = w.Checkbox(description="Eén belangengroep spreekt namens de hele wijk", indent=False,
                                    layout=w.Layout(width="460px", margin="0 0 0 248px"))
        self._een_stem.add_class("wk-participatievormen-een-stem")
        self._een_stem_partij = w.Dropdown(description="Welke groep", options=[(_GEEN_PARTIJ, None)], value=None,
                                           style=_LABEL, layout=_BREED)
        self._een_stem_partij.add_class("wk-participatievormen-een-stem-partij")

        self._figuur = w.HTML()
        self._figuur.add_class("wk-participatievormen-figuur")
        self._adviezen = w.HTML()
        self._adviezen.add_class("wk-participatievormen-adviezen")
        self._overzicht = w.HTML()
        self._overzicht.add_class("wk-participatievormen-overzicht")
        self._laatste_figuur: tuple | None = None

        for veld in (self._naam, self._segmenten, self._woordvoerder):
            veld.observe(self._veld_gewijzigd, names="value")
        self._onderwerp_naam.observe(self._onderwerp_hernoemd, names="value")
        for veld in (self._een_stem, self._een_stem_partij):
            veld.observe(self._stem_gewijzigd, names="value")
        self._doelgroep.observe(self._kies_doelgroep, names="value")
        self._onderwerp.observe(self._kies_onderwerp, names="value")
        self._doelgroep_toevoegen.on_click(self._voeg_doelgroep_toe)
        self._onderwerp_toevoegen.on_click(self._voeg_onderwerp_toe)
        self._doelgroep_weg.on_click(self._vraag_doelgroep_weg)
        self._onderwerp_weg.on_click(self._vraag_onderwerp_weg)
        self._doelgroep_bevestig.ja.on_click(self._verwijder_doelgroep)
        self._onderwerp_bevestig.ja.on_click(self._verwijder_onderwerp)

        treden = "".join(f"<li><b>{t.niveau} · {e(t.naam)}</b>: {e(t.uitleg)}</li>" for t in TREDEN)
        onderwerpen = w.Accordion(children=[w.VBox([
            w.HTML("<div class='wk-bron'>De onderwerpen gelden voor alle doelgroepen.</div>"),
            self._onderwerp, self._onderwerp_naam, self._onderwerp_weg, self._onderwerp_bevestig,
            w.HBox([self._nieuw_onderwerp, self._onderwerp_toevoegen]), self._melding_onderwerp,
        ])], titles=("Onderwerpen aanpassen",), selected_index=None)
        self._inhoud = w.VBox([
            w.HTML("<p>Kies een doelgroep en bepaal per onderwerp hoeveel invloed die groep krijgt, met welke "
                   "vormen en of dat online, fysiek of allebei gebeurt. Elke keuze wordt meteen opgeslagen; het "
                   "raster en de adviezen hieronder volgen vanzelf.</p>"
                   f"<details class='wk-uitleg'><summary>Wat betekenen de treden?</summary><ul>{treden}</ul>"
                   f"<div class='wk-bron'>Bron: {e(BRON_LADDER)}.</div></details>"),
            self._doelgroep, self._naam, self._segmenten,
            w.HTML("<div class='wk-bron' style='margin-left: 248px'>Meer kiezen: houd Ctrl of Cmd ingedrukt. Late "
                   "volgers en niet-willers bereik je vooral persoonlijk.</div>"),
            self._woordvoerder, self._cellen, self._melding,
            w.HBox([self._doelgroep_weg]), self._doelgroep_bevestig,
            w.HBox([self._nieuwe_doelgroep, self._doelgroep_toevoegen]), self._melding_doelgroep,
            onderwerpen,
            w.HTML("<h4>Eén stem voor de hele wijk?</h4>"), self._een_stem, self._een_stem_partij, self._melding_stem,
            w.HTML("<h4>Het raster</h4>"), self._figuur,
            w.HTML("<h4>Adviezen</h4>"), self._adviezen,
            w.HTML("<h4>Alles op een rij</h4>"), self._overzicht,
            w.HTML(f"<div class='wk-bron'>Bron: {e(BRON_LADDER)}; {e(BRON_PAW)}. In eigen woorden.</div>"),
        ])
        self._geen_dossier = w.HTML(geen_dossier_html())
        self.children = [self._inhoud]
        context.observe(self._herlaad, names=["dossier_id", "revisie"])
        self._herlaad()

    # -- loading --------------------------------------------------------------------------
    @veilig()
    def _herlaad(self, change=None) -> None:
        if not toon_oefening(self):
            return
        nieuw_dossier = change is None or change["name"] == "dossier_id"
        if nieuw_dossier and change is not None:
            for melding in (self._melding, self._melding_doelgroep, self._melding_onderwerp, self._melding_stem):
                melding.wis()
        store, dossier_id = self.context.store, self.context.dossier_id
        self._partijen = store.partijen(dossier_id)
        gegevens, versie = store.formulier(dossier_id, SLEUTEL_VORMEN)
        if nieuw_dossier or versie != self._versie:
            self._gegevens, self._versie = gegevens, versie
            self._model = lees_participatievormen(gegevens)
            self._toon(kies=None if nieuw_dossier else self._doelgroep.value)
        else:  # same version: only the parties may have changed; what someone is typing stays
            self._toon_partijen()
            self._toon_uitkomst()

    def _toon(self, kies: str | None = None) -> None:
        """Show the saved model in the fields, without saving it again."""
        model = self._model
        self._bijwerken = True
        try:
            opties = [(d.naam, d.id) for d in model.doelgroepen]
            self._doelgroep.options = opties
            ids = [i for _naam, i in opties]
            self._doelgroep.value = kies if kies in ids else (ids[0] if ids else None)
            onderwerp = self._onderwerp.value
            self._onderwerp.options = [(o.naam, o.id) for o in model.onderwerpen]
            ids = [o.id for o in model.onderwerpen]
            self._onderwerp.value = onderwerp if onderwerp in ids else (ids[0] if ids else None)
            sleutel = [(o.id, o.naam) for o in model.onderwerpen]
            if sleutel != self._cel_sleutel:  # new inputs only when the subjects changed
                self._cel_sleutel = sleutel
                self._cel_invoer = [_CelInvoer(o.id, o.naam, self._veld_gewijzigd) for o in model.onderwerpen]
                self._cellen.children = [c.vak for c in self._cel_invoer]
            self._een_stem.value = model.een_stem
            self._toon_partijen()
            self._toon_doelgroep()
            self._toon_onderwerp()
        finally:
            self._bijwerken = False
        self._toon_uitkomst()

    def _toon_partijen(self) -> None:
        bijwerken, self._bijwerken = self._bijwerken, True
        try:
            opties = _partij_opties(self._partijen, self._model.partij_ids())
            for veld, waarde in ((self._woordvoerder, self._huidige_doelgroep_partij()),
                                 (self._een_stem_partij, self._model.een_stem_partij_id)):
                if list(veld.options) != opties:
                    veld.options = opties
                zet_keuze(veld, waarde)
            self._een_stem_partij.disabled = not self._model.een_stem
        finally:
            self._bijwerken = bijwerken

    def _huidige_doelgroep_partij(self) -> int | None:
        doelgroep = self._model.doelgroep(self._doelgroep.value or "")
        return doelgroep.partij_id if doelgroep else None

    def _toon_doelgroep(self) -> None:
        doelgroep = self._model.doelgroep(self._doelgroep.value or "")
        bijwerken, self._bijwerken = self._bijwerken, True
        try:
            for veld in (self._naam, self._segmenten, self._woordvoerder, self._doelgroep_weg, *(
                    x for c in self._cel_invoer for x in (c.trede, c.vormen, c.kanaal))):
                veld.disabled = doelgroep is None
            self._naam.value = doelgroep.naam if doelgroep else ""
            self._segmenten.value = tuple(doelgroep.segmenten) if doelgroep else ()
            zet_keuze(self._woordvoerder, doelgroep.partij_id if doelgroep else None)
            for invoer in self._cel_invoer:
                invoer.toon(doelgroep.cel(invoer.onderwerp_id) if doelgroep else Cel())
        finally:
            self._bijwerken = bijwerken
        self._doelgroep_bevestig.verberg()

    def _toon_onderwerp(self) -> None:
        onderwerp = next((o for o in self._model.onderwerpen if o.id == self._onderwerp.value), None)
        bijwerken, self._bijwerken = self._bijwerken, True
        try:
            self._onderwerp_naam.value = onderwerp.naam if onderwerp else ""
            self._onderwerp_naam.disabled = self._onderwerp_weg.disabled = onderwerp is None
        finally:
            self._bijwerken = bijwerken
        self._onderwerp_bevestig.verberg()

    def _toon_uitkomst(self) -> None:
        model = self._model
        namen = {p.id: p.naam for p in self._partijen}
        doelgroepen = [d.naam for d in model.doelgroepen]
        onderwerpen = [o.naam for o in model.onderwerpen]
        raster = treden_raster(model)
        kanalen = kanalen_raster(model)
        sleutel = (tuple(doelgroepen), tuple(onderwerpen), tuple(map(tuple, raster)), tuple(map(tuple, kanalen)))
        if sleutel != self._laatste_figuur:
            self._laatste_figuur = sleutel
            self._figuur.value = figuur_html(participatie_figuur(doelgroepen, onderwerpen, raster, kanalen),
                                             participatie_alt(doelgroepen, onderwerpen, raster))
        self._adviezen.value = adviezen_html(adviezen(model, namen))
        rijen = [[r.doelgroep, r.onderwerp, f"{r.trede.niveau} · {r.trede.naam}" if r.trede else "nog open",
                  r.vormen or "–", r.kanaal or "–", r.spreekt_namens or "–"] for r in matrix_rijen(model, namen)]
        self._overzicht.value = tabel_html(["Doelgroep", "Onderwerp", "Invloed", "Vormen", "Online of fysiek",
                                            "Spreekt namens hen"], rijen, "wk-participatievormen-tabel") \
            if rijen else "<p><i>Nog geen doelgroepen of onderwerpen.</i></p>"

    # -- reading the fields -------------------------------------------------------------------
    def _uit_velden(self) -> Participatievormen:
        """The saved model with what the fields now show for the selected doelgroep and onderwerp."""
        model = self._model
        doelgroep = model.doelgroep(self._doelgroep.value or "")
        if doelgroep is not None:
            cellen = {c.onderwerp_id: c.cel() for c in self._cel_invoer}
            model = vervang_doelgroep(model, Doelgroep(
                doelgroep.id, self._naam.value, tuple(self._segmenten.value), self._woordvoerder.value,
                {k: c for k, c in cellen.items() if not c.leeg}))
        onderwerpen = tuple(o if o.id != self._onderwerp.value else Onderwerp(o.id, self._onderwerp_naam.value)
                            for o in model.onderwerpen)
        return Participatievormen(model.doelgroepen, onderwerpen, self._een_stem.value,
                                  self._een_stem_partij.value if self._een_stem.value else None)

    # -- events -------------------------------------------------------------------------------
    def _veld_gewijzigd(self, _change=None) -> None:
        if not self._bijwerken:
            self._bewaar()

    def _kies_doelgroep(self, _change) -> None:
        if not self._bijwerken:
            self._melding.wis()
            self._toon_doelgroep()

    def _kies_onderwerp(self, _change) -> None:
        if not self._bijwerken:
            self._toon_onderwerp()

    @veilig("_melding_doelgroep")
    def _voeg_doelgroep_toe(self, _knop=None) -> None:
        if not self._nieuwe_doelgroep.value.strip():
            raise InvoerFout("Typ eerst de naam van de nieuwe doelgroep.")
        model, nieuw = voeg_doelgroep_toe(self._uit_velden(), self._nieuwe_doelgroep.value)
        self._opslaan(model, self._melding_doelgroep, f"Doelgroep '{self._nieuwe_doelgroep.value.strip()}' "
                      "toegevoegd; vul hierboven de onderwerpen in.", kies=nieuw)
        self._nieuwe_doelgroep.value = ""

    @veilig("_melding_onderwerp")
    def _voeg_onderwerp_toe(self, _knop=None) -> None:
        if not self._nieuw_onderwerp.value.strip():
            raise InvoerFout("Typ eerst de naam van het nieuwe onderwerp.")
        self._opslaan(voeg_onderwerp_toe(self._uit_velden(), self._nieuw_onderwerp.value), self._melding_onderwerp,
                      f"Onderwerp '{self._nieuw_onderwerp.value.strip()}' toegevoegd.")
        self._nieuw_onderwerp.value = ""

    def _vraag_doelgroep_weg(self, _knop=None) -> None:
        doelgroep = self._model.doelgroep(self._doelgroep.value or "")
        if doelgroep is not None:
            self._doelgroep_bevestig.vraag(f"Doelgroep <b>{e(doelgroep.naam)}</b> met al haar keuzes verwijderen?")

    def _vraag_onderwerp_weg(self, _knop=None) -> None:
        onderwerp = next((o for o in self._model.onderwerpen if o.id == self._onderwerp.value), None)
        if onderwerp is not None:
            self._onderwerp_bevestig.vraag(f"Onderwerp <b>{e(onderwerp.naam)}</b> verwijderen, voor alle "
                                           "doelgroepen?")

    @veilig("_melding_doelgroep")
    def _verwijder_doelgroep(self, _knop=None) -> None:
        doelgroep = self._model.doelgroep(self._doelgroep.value or "")
        self._doelgroep_bevestig.verberg()
        if doelgroep is not None:
            self._opslaan(verwijder_doelgroep(self._model, doelgroep.id), self._melding_doelgroep,
                          f"Doelgroep '{doelgroep.naam}' verwijderd.")

    @veilig("_melding_onderwerp")
    def _verwijder_onderwerp(self, _knop=None) -> None:
        onderwerp = next((o for o in self._model.onderwerpen if o.id == self._onderwerp.value), None)
        self._onderwerp_bevestig.verberg()
        if onderwerp is not None:
            self._opslaan(verwijder_onderwerp(self._model, onderwerp.id), self._melding_onderwerp,
                          f"Onderwerp '{onderwerp.naam}' verwijderd.")

    @veilig()
    def _bewaar(self) -> None:
        """Save what the fields show (after a change in one of them)."""
        self._opslaan(self._uit_velden(), self._melding, "Opgeslagen.")

    def _onderwerp_hernoemd(self, _change) -> None:
        if not self._bijwerken:
            self._bewaar_onderwerp()

    @veilig("_melding_onderwerp")
    def _bewaar_onderwerp(self) -> None:
        self._opslaan(self._uit_velden(), self._melding_onderwerp, "De nieuwe naam van het onderwerp is opgeslagen.")

    def _stem_gewijzigd(self, _change) -> None:
        if not self._bijwerken:
            self._bewaar_stem()

    @veilig("_melding_stem")
    def _bewaar_stem(self) -> None:
        self._opslaan(self._uit_velden(), self._melding_stem, "Opgeslagen.")

    def _opslaan(self, model: Participatievormen, melding: Melding, tekst: str, kies: str | None = None) -> None:
        """Check and save ``model``; raises WerkboekFout (the caller's @veilig shows it in its own message line,
        next to the button that was used)."""
        store, dossier_id = self.context.store, self.context.dossier_id
        self._partijen = store.partijen(dossier_id)
        toegestaan = {p.id for p in self._partijen} | lees_participatievormen(self._gegevens).partij_ids()
        schoon = controleer_participatievormen(model, toegestaan)
        gegevens = vormen_als_dict(schoon)
        kies = kies or self._doelgroep.value
        if self._versie and gegevens == vormen_als_dict(lees_participatievormen(self._gegevens)):
            melding.ok(tekst)  # nothing new: no extra version
            return
        try:
            self._versie = store.bewaar_formulier(dossier_id, SLEUTEL_VORMEN, gegevens, self._versie)
        except GelijktijdigGewijzigd:
            self._gegevens, self._versie = store.formulier(dossier_id, SLEUTEL_VORMEN)
            self._model = lees_participatievormen(self._gegevens)
            self._toon(kies=kies)
            raise
        self._gegevens, self._model = gegevens, lees_participatievormen(gegevens)
        self._toon(kies=kies)
        melding.ok(tekst)
        self.context.gewijzigd()


def adviezen_html(lijst) -> str:
    if not lijst:
        return ("<div class='wk-melding wk-melding-ok' role='status'>✔ Geen adviezen: elke doelgroep heeft een "
                "vorm, niemand is alleen online te bereiken en elke trede heeft een vorm die haar kan dragen.</div>")
    return "<ul class='wk-participatievormen-adviezen-lijst'>" + "".join(
        f"<li>⚠ {e(a.tekst)}</li>" for a in lijst) + "</ul>"


# == participatiestrategie ========================================================================
class ParticipatiestrategieOefening(w.VBox):
    """The strategy as one form: participatievraag, frames, process, recruitment, moments per phase and the
    self-check against the five PAW principles; the summary under the form is built from what is saved."""

    def __init__(self, context: WerkboekContext):
        super().__init__()
        self.add_class("wk-oefening-participatiestrategie")
        self.context = context
        self._gegevens: dict = {}
        self._versie = 0
        self._momenten: tuple[Moment, ...] = ()
        self._onderwerpen: list[str] = []
        self._bijwerken = False
        # one message line per part of the form, so the answer to a change shows next to it
        self._melding = Melding()  # the question, what is fixed and the frames
        self._melding_proces = Melding()
        self._melding_momenten = Melding()
        self._melding_toets = Melding()

        def tekstvak(veld: str, label: str, placeholder: str, hoogte: str = "70px") -> w.Textarea:
            vak = w.Textarea(description=label, placeholder=placeholder, continuous_update=False, style=_LABEL,
                             layout=w.Layout(width="760px", height=hoogte))
            vak.add_class(f"wk-participatiestrategie-{veld}")
            return vak

        self._vraag = tekstvak("vraag", "Participatievraag", "Waarover mogen bewoners meepraten of "
                               "meebeslissen, en binnen welke grenzen? Eindig met een vraagteken.", "80px")
        self._vraag_advies = w.HTML()
        self._vraag_advies.add_class("wk-participatiestrategie-vraag-advies")
        self._grenzen = tekstvak("grenzen", "Wat ligt vast", "bijv. de wijk gaat van het aardgas af vóór 2035; "
                                 "de gemeenteraad besluit over het wijkuitvoeringsplan")
        self._randvoorwaarden = {
            soort: tekstvak(f"randvoorwaarde-{soort}", f"Randvoorwaarden: {naam.lower()}", voorbeeld, "55px")
            for (soort, naam), voorbeeld in zip(RANDVOORWAARDEN.items(), (
                "bijv. capaciteit van het elektriciteitsnet, bouwjaar van de woningen",
                "bijv. besluiten van de raad, afspraken met de corporatie",
                "bijv. subsidie, budget voor het proces, woonlastenneutraal"), strict=True)}
        self._procesontwerp = w.Dropdown(description="Wie ontwerpt het proces", options=[
            ("— nog niet gekozen —", None)] + [(label, k) for k, label in PROCESONTWERP.items()], value=None,
            style=_LABEL, layout=_BREED)
        self._procesontwerp.add_class("wk-participatiestrategie-procesontwerp")
        self._werving = {k: w.Checkbox(description=label, indent=False, layout=w.Layout(width="180px"))
                         for k, label in WERVING.items()}
        for k, vinkje in self._werving.items():
            vinkje.add_class(f"wk-participatiestrategie-werving-{k}")
        self._vergoeding = w.Dropdown(description="Vergoeding voor deelnemers", options=[
            ("— nog niet besloten —", None), ("Ja", True), ("Nee", False)], value=None, style=_LABEL,
            layout=w.Layout(width="460px"))
        self._vergoeding.add_class("wk-participatiestrategie-vergoeding")
        self._vergoeding_toelichting = w.Text(description="Toelichting vergoeding", continuous_update=False,
                                              placeholder="bijv. waardebon van € 25 per avond", style=_LABEL,
                                              layout=_BREED)
        self._vergoeding_toelichting.add_class("wk-participatiestrategie-vergoeding-toelichting")
        self._verwerking = tekstvak("verwerking", "Hoe verwerken we de inbreng", "bijv. elke reactie komt in een "
                                    "reactienota met wat we ermee doen")
        self._terugkoppeling = tekstvak("terugkoppeling", "Hoe koppelen we terug", "bijv. binnen vier weken een "
                                        "brief en een avond: wat we hoorden en wat we ermee deden")
        self._notities = {u.id: tekstvak(f"uitgangspunt-{u.id}", u.naam, u.vraag, "55px") for u in UITGANGSPUNTEN}
        self._signalen = {u.id: w.HTML(layout=w.Layout(margin="0 0 6px 248px")) for u in UITGANGSPUNTEN}

        self._lijst = w.VBox()
        self._lijst.add_class("wk-participatiestrategie-momenten")
        self._fase = w.Dropdown(description="Fase", options=[(label, f) for f, label in FASEN.items()], value=3,
                                style=_LABEL, layout=w.Layout(width="560px"))
        self._fase.add_class("wk-participatiestrategie-fase")
        self._moment = w.Text(description="Moment", placeholder="bijv. Wijkavond over de warmteoplossing",
                              style=_LABEL, layout=_BREED)
        self._moment.add_class("wk-participatiestrategie-moment")
        self._doel = w.Text(description="Doel", placeholder="bijv. ophalen wat bewoners belangrijk vinden",
                            style=_LABEL, layout=_BREED)
        self._doel.add_class("wk-participatiestrategie-doel")
        self._vorm = w.Combobox(description="Vorm", options=[v.naam for v in VORMEN], ensure_option=False,
                                placeholder="kies of typ een vorm", style=_LABEL, layout=_BREED)
        self._vorm.add_class("wk-participatiestrategie-vorm")
        self._maand = w.Text(description="Maand (JJJJ-MM)", placeholder="bijv. 2026-09", style=_LABEL,
                             layout=w.Layout(width="360px"))
        self._maand.add_class("wk-participatiestrategie-maand")
        self._moment_toevoegen = knop("Moment toevoegen", "wk-participatiestrategie-moment-toevoegen", icon="plus",
                                      layout=_KNOP)
        self._moment_toevoegen.on_click(self._voeg_moment_toe)
        self._samenvatting = w.HTML()
        self._samenvatting.add_class("wk-participatiestrategie-samenvatting")

        for melding_attr, velden in (
                ("_melding", [self._vraag, self._grenzen, *self._randvoorwaarden.values()]),
                ("_melding_proces", [self._procesontwerp, *self._werving.values(), self._vergoeding,
                                     self._vergoeding_toelichting, self._verwerking, self._terugkoppeling]),
                ("_melding_toets", list(self._notities.values()))):
            for veld in velden:
                veld.observe(lambda _c, m=melding_attr: self._veld_gewijzigd(m), names="value")
        toets = []
        for u in UITGANGSPUNTEN:
            toets += [self._notities[u.id], self._signalen[u.id]]
        self._inhoud = w.VBox([
            w.HTML("<p>Leg de strategie vast tot aan het wijkuitvoeringsplan: begin met een scherpe "
                   "participatievraag, dan de rest. Alles wordt meteen opgeslagen; de samenvatting staat "
                   "onderaan.</p>"),
            self._vraag, self._vraag_advies, self._grenzen, *self._randvoorwaarden.values(), self._melding,
            w.HTML("<h4>Het proces</h4>"), self._procesontwerp,
            w.HBox([w.HTML("<b>Werving</b> (meer mag):", layout=w.Layout(width="248px")),
                    *self._werving.values()]),
            self._vergoeding, self._vergoeding_toelichting, self._verwerking, self._terugkoppeling,
            self._melding_proces,
            w.HTML("<h4>Participatiemomenten per fase</h4>"
                   "<div class='wk-bron'>Gesorteerd op maand. Bouw voort op het communicatieplan uit fase 1."
                   "</div>"),
            self._lijst, self._fase, self._moment, self._doel, self._vorm,
            w.HBox([self._maand, self._moment_toevoegen]), self._melding_momenten,
            w.HTML("<h4>Toets aan de vijf uitgangspunten</h4><div class='wk-bron'>Schrijf per uitgangspunt hoe "
                   "jullie dat doen. Bron: PAW, Handreiking Participatie (vijf participatie-uitgangspunten)."
                   "</div>"),
            *toets, self._melding_toets,
            w.HTML("<h4>Samenvatting</h4>"), self._samenvatting,
            w.HTML(f"<div class='wk-bron'>Bron: {e(BRON_PAW)}. In eigen woorden.</div>"),
        ])
        self._geen_dossier = w.HTML(geen_dossier_html())
        self.children = [self._inhoud]
        context.observe(self._herlaad, names=["dossier_id", "revisie"])
        self._herlaad()

    # -- loading --------------------------------------------------------------------------
    @veilig()
    def _herlaad(self, change=None) -> None:
        if not toon_oefening(self):
            return
        nieuw_dossier = change is None or change["name"] == "dossier_id"
        if nieuw_dossier and change is not None:
            for melding in (self._melding, self._melding_proces, self._melding_momenten, self._melding_toets):
                melding.wis()
        store, dossier_id = self.context.store, self.context.dossier_id
        vormen, _versie = store.formulier(dossier_id, SLEUTEL_VORMEN)
        self._onderwerpen = [o.naam for o in lees_participatievormen(vormen).onderwerpen]
        gegevens, versie = store.formulier(dossier_id, SLEUTEL_STRATEGIE)
        if nieuw_dossier or versie != self._versie:
            self._gegevens, self._versie = gegevens, versie
            self._toon(lees_strategie(gegevens))
        else:
            self._toon_uitkomst()

    def _toon(self, model: Participatiestrategie) -> None:
        self._bijwerken = True
        try:
            self._vraag.value, self._grenzen.value = model.vraag, model.grenzen
            for soort, vak in self._randvoorwaarden.items():
                vak.value = model.randvoorwaarde(soort)
            zet_keuze(self._procesontwerp, model.procesontwerp)
            for k, vinkje in self._werving.items():
                vinkje.value = k in model.werving
            zet_keuze(self._vergoeding, model.vergoeding)
            self._vergoeding_toelichting.value = model.vergoeding_toelichting
            self._verwerking.value, self._terugkoppeling.value = model.verwerking, model.terugkoppeling
            for uid, vak in self._notities.items():
                vak.value = model.notitie(uid)
        finally:
            self._bijwerken = False
        self._momenten = model.momenten
        self._toon_uitkomst()

    def _toon_uitkomst(self) -> None:
        opgeslagen = lees_strategie(self._gegevens)
        self._toon_momenten()
        adviezen_vraag = vraag_adviezen(self._vraag.value, self._onderwerpen)
        self._vraag_advies.value = "".join(
            f"<div class='wk-bron' style='margin-left: 248px'>⚠ {e(a)}</div>" for a in adviezen_vraag
        ) or "<div class='wk-bron' style='margin-left: 248px'>✔ Een echte vraag met een duidelijk onderwerp.</div>"
        for regel in zelftoets(opgeslagen):
            teken = {True: "✔", False: "⚠", None: ""}[regel.in_orde]
            self._signalen[regel.uitgangspunt.id].value = (
                f"<div class='wk-bron'>{teken} {e(regel.signaal)}</div>" if regel.signaal else "")
        tekst = samenvatting(opgeslagen, self._onderwerpen)
        self._samenvatting.value = ("<div class='wk-kaart' role='document' aria-label='Samenvatting van de "
                                    f"participatiestrategie'>{markdown_html(tekst)}</div>")

    def _toon_momenten(self) -> None:
        rijen = []
        for m in self._momenten:
            tekst = (f"<b>{e(maand_tekst(m.maand))}</b> · {e(FASEN[m.fase])} · {e(m.moment)}"
                     + (f" — doel: {e(m.doel)}" if m.doel else "") + (f" — vorm: {e(m.vorm)}" if m.vorm else ""))
            weg = knop("Verwijderen", "wk-participatiestrategie-moment-verwijderen", icon="trash",
                       tooltip=f"{m.moment} verwijderen")
            weg.on_click(lambda _k, i=m.id: self._verwijder_moment(i))
            rij = w.HBox([w.HTML(tekst, layout=w.Layout(width="800px")), weg])
            rij.add_class("wk-partij-rij")
            rijen.append(rij)
        self._lijst.children = rijen or [w.HTML("<i>Nog geen participatiemomenten.</i>")]

    # -- saving ---------------------------------------------------------------------------
    def _uit_velden(self) -> Participatiestrategie:
        return Participatiestrategie(
            vraag=self._vraag.value, grenzen=self._grenzen.value,
            randvoorwaarden={s: vak.value for s, vak in self._randvoorwaarden.items()},
            procesontwerp=self._procesontwerp.value,
            werving=tuple(k for k, vinkje in self._werving.items() if vinkje.value),
            vergoeding=self._vergoeding.value, vergoeding_toelichting=self._vergoeding_toelichting.value,
            verwerking=self._verwerking.value, terugkoppeling=self._terugkoppeling.value,
            momenten=self._momenten, notities={uid: vak.value for uid, vak in self._notities.items()},
        )

    def _veld_gewijzigd(self, melding_attr: str) -> None:
        """A field changed: save the whole form; success or refusal shows in the message line of its part."""
        if not self._bijwerken:
            veilig(melding_attr)(type(self)._bewaar_velden)(self, melding_attr)

    def _bewaar_velden(self, melding_attr: str) -> None:
        self._opslaan(self._uit_velden(), getattr(self, melding_attr), "Opgeslagen.")

    @veilig("_melding_momenten")
    def _voeg_moment_toe(self, _knop=None) -> None:
        moment = Moment(nieuw_id("m"), self._fase.value, self._moment.value, self._maand.value, self._doel.value,
                        self._vorm.value)
        self._opslaan(voeg_moment_toe(self._uit_velden(), moment), self._melding_momenten, "Moment toegevoegd.")
        self._moment.value = self._doel.value = self._vorm.value = self._maand.value = ""

    @veilig("_melding_momenten")
    def _verwijder_moment(self, moment_id: str) -> None:
        self._opslaan(verwijder_moment(self._uit_velden(), moment_id), self._melding_momenten, "Moment verwijderd.")

    def _opslaan(self, model: Participatiestrategie, melding: Melding, tekst: str) -> None:
        """Check and save ``model``; raises WerkboekFout for the caller's @veilig (nothing is saved then)."""
        store, dossier_id = self.context.store, self.context.dossier_id
        schoon = controleer_strategie(model)
        gegevens = strategie_als_dict(schoon)
        if self._versie and gegevens == strategie_als_dict(lees_strategie(self._gegevens)):
            self._toon_uitkomst()
            melding.ok(tekst)
            return
        try:
            self._versie = store.bewaar_formulier(dossier_id, SLEUTEL_STRATEGIE, gegevens, self._versie)
        except GelijktijdigGewijzigd:
            self._gegevens, self._versie = store.formulier(dossier_id, SLEUTEL_STRATEGIE)
            self._toon(lees_strategie(self._gegevens))
            raise
        self._gegevens = gegevens
        self._momenten = schoon.momenten
        self._toon_uitkomst()
        melding.ok(tekst)
        self.context.gewijzigd()
