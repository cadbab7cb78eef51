"""Exercise 'Passende participatievormen' (fase 3): per doelgroep and onderwerp the step on the participation
ladder, the forms and the channel; below it the grid, advice and a table.

The matrix is one versioned form per dossier, saved whole: every change is checked and saved at once (and
refused with a Dutch message, nothing saved, when it is not right); when a colleague saved in between, the newest
version is shown and the message says so. The fields are the truth while someone types: a refused value stays in
its field to be corrected, and the next change saves the whole form.
"""

from __future__ import annotations

import ipywidgets as w

from ..analysis.participatie import (
    BRON_LADDER,
    BRON_PAW,
    KANALEN,
    SEGMENTEN,
    TREDEN,
    VERWIJDERDE_PARTIJ,
    VORMEN,
    Cel,
    Doelgroep,
    Onderwerp,
    Participatievormen,
    adviezen,
    controleer_participatievormen,
    kanalen_raster,
    lees_participatievormen,
    matrix_rijen,
    treden_raster,
    vervang_doelgroep,
    verwijder_doelgroep,
    verwijder_onderwerp,
    voeg_doelgroep_toe,
    voeg_onderwerp_toe,
    vormen_als_dict,
)
from ..charts.participatie import participatie_alt, participatie_figuur
from ..dossier import formulieren
from ..dossier.model import InvoerFout
from .basis import Bevestiging, Melding, e, figuur_html, knop, tabel_html, veilig
from .context import WerkboekContext
from .formulier import FormulierOefening

LABEL = {"description_width": "240px"}  # long labels such as 'Ondersteun bewoners bij de stap'
BREED_VELD = w.Layout(width="680px")
KNOP_BREEDTE = w.Layout(width="auto")
_GEEN_PARTIJ = "— niemand in het bijzonder —"


def _partij_opties(partijen, bewaard: set[int]) -> list[tuple[str, int | None]]:
    """The parties of the dossier, plus any the form still names that was deleted since."""
    opties: list[tuple[str, int | None]] = [(_GEEN_PARTIJ, None)] + [(p.naam, p.id) for p in partijen]
    bekend = {p.id for p in partijen}
    opties += [(VERWIJDERDE_PARTIJ, i) for i in sorted(bewaard - bekend)]
    return opties


class _CelInvoer(w.VBox):
    """The three inputs of one onderwerp for the selected doelgroep; a change saves the whole form."""

    def __init__(self, oefening: ParticipatievormenOefening, onderwerp_id: str, naam: str):
        self.oefening = oefening
        self.onderwerp_id = onderwerp_id
        self.trede = w.Dropdown(description="Invloed", options=[("— nog open —", None)] + [
            (f"{t.niveau} · {t.naam}", t.id) for t in TREDEN], value=None, style=LABEL,
            layout=w.Layout(width="460px"))
        self.trede.add_class("wk-participatievormen-trede")
        self.vormen = w.SelectMultiple(description="Vormen", options=[(v.naam, v.id) for v in VORMEN], rows=6,
                                       style=LABEL, layout=w.Layout(width="560px"))
        self.vormen.add_class("wk-participatievormen-vormen")
        self.kanaal = w.Dropdown(description="Online of fysiek", options=[("— nog niet gekozen —", None)] + [
            (label, k) for k, label in KANALEN.items()], value=None, style=LABEL, layout=w.Layout(width="460px"))
        self.kanaal.add_class("wk-participatievormen-kanaal")
        for veld in self.velden:
            veld.tooltip = f"{veld.description} bij {naam}"
            oefening.bij_wijziging(veld, lambda _waarde: oefening.bewaar())
        super().__init__([w.HTML(f"<b>{e(naam)}</b>", layout=w.Layout(margin="8px 0 0 0")), *self.velden])
        self.add_class("wk-participatievormen-cel")
        self.add_class(f"wk-participatievormen-cel-{onderwerp_id}")

    @property
    def velden(self) -> tuple[w.ValueWidget, ...]:
        return (self.trede, self.vormen, self.kanaal)

    def toon(self, cel: Cel) -> None:
        self.oefening.toon(self.trede, cel.trede)
        self.oefening.toon(self.vormen, tuple(cel.vormen))
        self.oefening.toon(self.kanaal, cel.kanaal)

    def cel(self) -> Cel:
        return Cel(self.trede.value, tuple(self.vormen.value), self.kanaal.value)


class ParticipatievormenOefening(FormulierOefening):
    """The participation matrix: per doelgroep (chosen in a dropdown, one at a time so the page stays calm)
    and per onderwerp the step on the ladder, the forms and the channel. Below: the grid, advice and a table."""

    KLASSE = "wk-oefening-participatievormen"
    SLEUTEL = formulieren.PARTICIPATIEVORMEN
    VERVERS_BIJ = ("dossier_id", "revisie")  # the parties come from another exercise

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        self._model: Participatievormen = lees_participatievormen({})
        self._partijen: list = []
        # self._melding stands under the inputs of the chosen doelgroep
        self._melding_doelgroep = Melding()  # next to adding and removing a doelgroep
        self._melding_onderwerp = Melding()  # inside 'Onderwerpen aanpassen'
        self._melding_stem = Melding()  # under 'Eén stem voor de hele wijk?'
        self._cel_invoer: list[_CelInvoer] = []
        self._cel_sleutel: list[tuple[str, str]] = []
        for melding, deel in ((self._melding, "keuzes"), (self._melding_doelgroep, "doelgroep"),
                              (self._melding_onderwerp, "onderwerp"), (self._melding_stem, "stem")):
            melding.add_class(f"wk-participatievormen-melding-{deel}")

        self._doelgroep = w.Dropdown(description="Doelgroep", options=[], style=LABEL, layout=BREED_VELD)
        self._doelgroep.add_class("wk-participatievormen-doelgroep")
        self._naam = w.Text(description="Naam van de doelgroep", continuous_update=False, style=LABEL,
                            layout=BREED_VELD)
        self._naam.add_class("wk-participatievormen-naam")
        self._segmenten = w.SelectMultiple(description="Wie zitten erin?", options=[
            (label, s) for s, label in SEGMENTEN.items()], rows=4, style=LABEL, layout=w.Layout(width="460px"))
        self._segmenten.add_class("wk-participatievormen-segmenten")
        self._woordvoerder = w.Dropdown(description="Spreekt namens hen", options=[(_GEEN_PARTIJ, None)],
                                        value=None, style=LABEL, layout=BREED_VELD)
        self._woordvoerder.add_class("wk-participatievormen-woordvoerder")
        self._cellen = w.VBox()
        self._nieuwe_doelgroep = w.Text(description="Nieuwe doelgroep", placeholder="bijv. Jongeren in de wijk",
                                        style=LABEL, layout=w.Layout(width="540px"))
        self._nieuwe_doelgroep.add_class("wk-participatievormen-nieuwe-doelgroep")
        self._doelgroep_toevoegen = knop("Doelgroep toevoegen", "wk-participatievormen-doelgroep-toevoegen",
                                         icon="plus", layout=KNOP_BREEDTE)
        self._doelgroep_weg = knop("Deze doelgroep verwijderen…", "wk-participatievormen-doelgroep-verwijderen",
                                   icon="trash", layout=KNOP_BREEDTE)
        self._doelgroep_bevestig = Bevestiging("wk-participatievormen-doelgroep-weg")

        self._onderwerp = w.Dropdown(description="Onderwerp", options=[], style=LABEL, layout=BREED_VELD)
        self._onderwerp.add_class("wk-participatievormen-onderwerp")
        self._onderwerp_naam = w.Text(description="Naam van het onderwerp", continuous_update=False, style=LABEL,
                                      layout=BREED_VELD)
        self._onderwerp_naam.add_class("wk-participatievormen-onderwerp-naam")
        self._onderwerp_weg = knop("Dit onderwerp verwijderen…", "wk-participatievormen-onderwerp-verwijderen",
                                   icon="trash", layout=KNOP_BREEDTE)
        self._onderwerp_bevestig = Bevestiging("wk-participatievormen-onderwerp-weg")
        self._nieuw_onderwerp = w.Text(description="Nieuw onderwerp", placeholder="bijv. Isolatie van de woning",
                                       style=LABEL, layout=w.Layout(width="540px"))
        self._nieuw_onderwerp.add_class("wk-participatievormen-nieuw-onderwerp")
        self._onderwerp_toevoegen = knop("Onderwerp toevoegen", "wk-participatievormen-onderwerp-toevoegen",
                                         icon="plus", layout=KNOP_BREEDTE)

        self._een_stem = w.Checkbox(description="Eén belangengroep spreekt namens de hele wijk", indent=False,
                                    layout=w.Layout(width="460px", margin="0 0 0 248px"))
        self._een_stem.add_class("wk-participatievormen-een-stem")
        self._een_stem_partij = w.Dropdown(description="Welke groep", options=[(_GEEN_PARTIJ, None)], value=None,
                                           style=LABEL, layout=BREED_VELD)
        self._een_stem_partij.add_class("wk-participatievormen-een-stem-partij")

        self._figuur = w.HTML()
        self._figuur.add_class("wk-participatievormen-figuur")
        self._adviezen = w.HTML()
        self._adviezen.add_class("wk-participatievormen-adviezen")
        self._overzicht = w.HTML()
        self._overzicht.add_class("wk-participatievormen-overzicht")
        self._laatste_figuur: tuple | None = None

        for veld in (self._naam, self._segmenten, self._woordvoerder):
            self.bij_wijziging(veld, lambda _waarde: self.bewaar())
        self.bij_wijziging(self._onderwerp_naam, lambda _waarde: self._bewaar_onderwerp())
        for veld in (self._een_stem, self._een_stem_partij):
            self.bij_wijziging(veld, lambda _waarde: self._bewaar_stem())
        self.bij_wijziging(self._doelgroep, self._kies_doelgroep)
        self.bij_wijziging(self._onderwerp, lambda _waarde: self._toon_onderwerp())
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
        self.inhoud.children = [
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
        ]
        self.start()

    # -- loading --------------------------------------------------------------------------
    def laad(self, dossier_gewisseld: bool = True) -> None:
        if dossier_gewisseld:
            for melding in (self._melding, self._melding_doelgroep, self._melding_onderwerp, self._melding_stem):
                melding.wis()
        self._partijen = self.context.store.partijen(self.context.dossier_id)
        versie = self._formulier.versie
        gegevens = self._formulier.laad()
        if dossier_gewisseld or self._formulier.versie != versie:
            self._model = lees_participatievormen(gegevens)
            self._toon_model(kies=None if dossier_gewisseld else self._doelgroep.value)
        else:  # same version: only the parties may have changed; what someone is typing stays
            self._toon_partijen()
            self._toon_uitkomst()

    def _toon(self, gegevens: dict) -> None:
        self._model = lees_participatievormen(gegevens)
        self._toon_model(kies=self._doelgroep.value)

    def _toon_model(self, kies: str | None = None) -> None:
        """Show the saved model in the fields, without saving it again."""
        model = self._model
        ids = [d.id for d in model.doelgroepen]
        self.toon(self._doelgroep, kies if kies in ids else (ids[0] if ids else None),
                  [(d.naam, d.id) for d in model.doelgroepen])
        onderwerp, ids = self._onderwerp.value, [o.id for o in model.onderwerpen]
        self.toon(self._onderwerp, onderwerp if onderwerp in ids else (ids[0] if ids else None),
                  [(o.naam, o.id) for o in model.onderwerpen])
        sleutel = [(o.id, o.naam) for o in model.onderwerpen]
        if sleutel != self._cel_sleutel:  # new inputs only when the subjects changed
            self._cel_sleutel = sleutel
            self._cel_invoer = [_CelInvoer(self, o.id, o.naam) for o in model.onderwerpen]
            self._cellen.children = self._cel_invoer
        self.toon(self._een_stem, model.een_stem)
        self._toon_partijen()
        self._toon_doelgroep()
        self._toon_onderwerp()
        self._toon_uitkomst()

    def _toon_partijen(self) -> None:
        opties = _partij_opties(self._partijen, self._model.partij_ids())
        doelgroep = self._model.doelgroep(self._doelgroep.value or "")
        self.toon(self._woordvoerder, doelgroep.partij_id if doelgroep else None, opties)
        self.toon(self._een_stem_partij, self._model.een_stem_partij_id, opties)
        self._een_stem_partij.disabled = not self._model.een_stem

    def _toon_doelgroep(self) -> None:
        doelgroep = self._model.doelgroep(self._doelgroep.value or "")
        for veld in (self._naam, self._segmenten, self._woordvoerder, self._doelgroep_weg,
                     *(veld for invoer in self._cel_invoer for veld in invoer.velden)):
            veld.disabled = doelgroep is None
        self.toon(self._naam, doelgroep.naam if doelgroep else "")
        self.toon(self._segmenten, tuple(doelgroep.segmenten) if doelgroep else ())
        self.toon(self._woordvoerder, doelgroep.partij_id if doelgroep else None)
        for invoer in self._cel_invoer:
            invoer.toon(doelgroep.cel(invoer.onderwerp_id) if doelgroep else Cel())
        self._doelgroep_bevestig.verberg()

    def _gekozen_onderwerp(self) -> Onderwerp | None:
        return next((o for o in self._model.onderwerpen if o.id == self._onderwerp.value), None)

    def _toon_onderwerp(self) -> None:
        onderwerp = self._gekozen_onderwerp()
        self.toon(self._onderwerp_naam, onderwerp.naam if onderwerp else "")
        self._onderwerp_naam.disabled = self._onderwerp_weg.disabled = onderwerp is None
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
    def _kies_doelgroep(self, _waarde) -> None:
        self._melding.wis()
        self._toon_doelgroep()

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
        onderwerp = self._gekozen_onderwerp()
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
        onderwerp = self._gekozen_onderwerp()
        self._onderwerp_bevestig.verberg()
        if onderwerp is not None:
            self._opslaan(verwijder_onderwerp(self._model, onderwerp.id), self._melding_onderwerp,
                          f"Onderwerp '{onderwerp.naam}' verwijderd.")

    @veilig()
    def bewaar(self) -> None:
        """Save what the fields show (after a person changed one of them)."""
        self._opslaan(self._uit_velden(), self._melding, "Opgeslagen.")

    @veilig("_melding_onderwerp")
    def _bewaar_onderwerp(self) -> None:
        self._opslaan(self._uit_velden(), self._melding_onderwerp, "De nieuwe naam van het onderwerp is opgeslagen.")

    @veilig("_melding_stem")
    def _bewaar_stem(self) -> None:
        self._opslaan(self._uit_velden(), self._melding_stem, "Opgeslagen.")

    def _opslaan(self, model: Participatievormen, melding: Melding, tekst: str, kies: str | None = None) -> None:
        """Check and save ``model``; raises WerkboekFout (the caller's @veilig shows it in its own message line,
        next to the button that was used)."""
        store, dossier_id = self.context.store, self.context.dossier_id
        self._partijen = store.partijen(dossier_id)
        opgeslagen = lees_participatievormen(self._formulier.gegevens)
        schoon = controleer_participatievormen(model, {p.id for p in self._partijen} | opgeslagen.partij_ids())
        gegevens = vormen_als_dict(schoon)
        kies = kies or self._doelgroep.value
        if self._formulier.versie and gegevens == vormen_als_dict(opgeslagen):
            melding.ok(tekst)  # nothing new: no extra version
            return
        try:
            self._formulier.bewaar(gegevens)
        finally:  # saved, or a colleague's newer version: show what is stored now
            self._model = lees_participatievormen(self._formulier.gegevens)
            self._toon_model(kies=kies)
        melding.ok(tekst)
        self.bewaard()


def adviezen_html(lijst) -> str:
    if not lijst:
        return ("<div class='wk-melding wk-melding-ok' role='status'>✔ Geen adviezen: elke doelgroep heeft een "
                "vorm, niemand is alleen online te bereiken en elke trede heeft een vorm die haar kan dragen.</div>")
    return "<ul class='wk-participatievormen-adviezen-lijst'>" + "".join(
        f"<li>⚠ {e(a.tekst)}</li>" for a in lijst) + "</ul>"
