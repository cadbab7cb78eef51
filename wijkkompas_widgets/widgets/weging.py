"""Exercise 'Criteria bepalen voor keuze van energiesysteem': the criteria, each party's 100 points, and
fixing the weights *before* any strategy is scored.

Why fixing first: a team that sees the scores can (without meaning to) tune the weights until its favourite
wins. The store refuses scores until the weights are fixed, and refuses changes while they are fixed; fixing
and withdrawing both go into the besluitenlog, so a later change of the weights is always visible.

The state lives in ``WegingModel`` (``weging_model.py``); this module only shows it, in four parts: the
criteria, the points per party, the overview of the weights and the fixing.
"""

from __future__ import annotations

import ipywidgets as w
import traitlets

from ..analysis.mca import getal, grote_verschillen, opsomming, procent
from ..charts.weging import wegingen_figuur
from ..leesmodel.afweging import PERCENTAGES_UITLEG, afgesproken_gewichten
from ..leesmodel.besluitenlog import datum
from .basis import BREED, Bevestiging, e, figuur_html, knop, tabel_html, veilig
from .context import WerkboekContext
from .oefening import Deel, Oefening
from .weging_model import DeelsToegevoegd, WegingModel

_VELD = w.Layout(width="620px")


def _bron(tekst_html: str) -> str:
    return f"<div class='wk-bron'>{tekst_html}</div>"


class CriteriaDeel(Deel):
    """1. Criteria: the list, the catalogue's defaults, own criteria, editing and removing one."""

    def __init__(self, oefening: WegingOefening):
        model = oefening.model
        self._tabel = w.HTML()
        self._tabel.add_class("wk-weging-criteria")
        self._standaard = knop("Standaardcriteria overnemen", "wk-weging-standaard", icon="list", button_style="info",
                               layout=w.Layout(width="260px"),
                               tooltip="De criteria die in de praktijk het meest gebruikt worden")
        self._lijst = w.SelectMultiple(description="Criteria uit de lijst", style=BREED, layout=_VELD, rows=6)
        self._lijst.add_class("wk-weging-catalogus")
        self._lijst_knop = knop("Aangevinkte criteria toevoegen", "wk-weging-catalogus-toevoegen", icon="plus",
                                layout=w.Layout(width="260px"))
        self._lijst_hint = w.HTML()
        self._eigen_naam = w.Text(description="Eigen criterium", placeholder="bijv. Kansen voor lokale werkgelegenheid",
                                  style=BREED, layout=_VELD)
        self._eigen_naam.add_class("wk-weging-eigen-naam")
        self._eigen_omschrijving = w.Text(description="Omschrijving", placeholder="Wat meet dit criterium?",
                                          style=BREED, layout=_VELD)
        self._eigen_knop = knop("Eigen criterium toevoegen", "wk-weging-eigen-toevoegen", icon="plus",
                                layout=w.Layout(width="260px"))
        self._kies = w.Dropdown(description="Criterium aanpassen", style=BREED, layout=_VELD)
        self._kies.add_class("wk-weging-kies-criterium")
        self._wijzig_naam = w.Text(description="Naam", style=BREED, layout=_VELD)
        self._wijzig_omschrijving = w.Text(description="Omschrijving", style=BREED, layout=_VELD)
        self._wijzig_knop = knop("Wijziging opslaan", "wk-weging-wijzig", icon="check")
        self._verwijder_knop = knop("Verwijderen…", "wk-weging-verwijder", icon="trash")
        self._bevestig = Bevestiging("wk-weging-verwijder")
        self._bewerken = w.VBox([self._kies, self._wijzig_naam, self._wijzig_omschrijving,
                                 w.HBox([self._wijzig_knop, self._verwijder_knop]), self._bevestig])
        super().__init__(oefening, [self._tabel, self._standaard, self._lijst, self._lijst_hint, self._lijst_knop,
                                    self._eigen_naam, self._eigen_omschrijving, self._eigen_knop, self._bewerken])
        for trait, veld in (("eigen_naam", self._eigen_naam), ("eigen_omschrijving", self._eigen_omschrijving),
                            ("wijzig_naam", self._wijzig_naam), ("wijzig_omschrijving", self._wijzig_omschrijving)):
            traitlets.link((model, trait), (veld, "value"))
        self._te_verwijderen = None
        self._standaard.on_click(self._neem_standaard_over)
        self._lijst_knop.on_click(self._voeg_uit_lijst_toe)
        self._eigen_knop.on_click(self._voeg_eigen_toe)
        oefening.bij_wijziging(self._kies, self._kies_criterium)
        self._wijzig_knop.on_click(self._wijzig)
        self._verwijder_knop.on_click(self._vraag_verwijderen)
        self._bevestig.ja.on_click(self._verwijder)

    def ververs(self) -> None:
        model, criteria = self.model, self.model.criteria
        if criteria:
            rijen = [[str(i), c.naam, c.omschrijving or "–", "uit de lijst" if c.catalogus_id else "eigen criterium"]
                     for i, c in enumerate(criteria, start=1)]
            self._tabel.value = tabel_html(["Nr.", "Criterium", "Omschrijving", "Herkomst"], rijen)
        else:
            self._tabel.value = ("<p><i>Nog geen criteria.</i> Neem de standaardcriteria over, of kies hieronder zelf "
                                 "uit de lijst en voeg eigen criteria toe.</p>")
        self._standaard.layout.display = "none" if criteria else "flex"
        over = model.nog_in_catalogus()
        opties = [(c.naam + (" (standaard)" if c.standaard else ""), c.id) for c in over]
        if list(self._lijst.options) != opties:
            self._lijst.options = opties
            self._lijst.value = tuple(c.id for c in over if c.standaard) if not criteria else ()
        self._lijst.rows = min(max(len(opties), 2), 8)
        self._lijst_hint.value = "".join(_bron(f"<b>{e(c.naam)}</b>: {e(c.omschrijving)}") for c in over) if over \
            else _bron("Alle criteria uit de lijst staan al in dit dossier.")
        self.oefening.toon(self._kies, model.criterium_id,
                           opties=[("— kies een criterium —", None)] + [(c.naam, c.id) for c in criteria])
        self._toon_gekozen()
        self._bewerken.layout.display = "flex" if criteria else "none"
        for veld in (self._standaard, self._lijst, self._lijst_knop, self._eigen_naam, self._eigen_omschrijving,
                     self._eigen_knop, self._wijzig_naam, self._wijzig_omschrijving, self._wijzig_knop,
                     self._verwijder_knop):
            veld.disabled = model.vast
        self._lijst_knop.disabled = model.vast or not opties

    def _kies_criterium(self, criterium_id) -> None:
        self.model.kies_criterium(criterium_id)
        self._toon_gekozen()

    def _toon_gekozen(self) -> None:
        for veld in (self._wijzig_naam, self._wijzig_omschrijving, self._wijzig_knop, self._verwijder_knop):
            veld.disabled = self.model.gekozen_criterium() is None or self.model.vast
        self._bevestig.verberg()

    @veilig()
    def _neem_standaard_over(self, _knop=None) -> None:
        self.oefening.bewaard(self.model.neem_standaard_over())

    @veilig()
    def _voeg_uit_lijst_toe(self, _knop=None) -> None:
        try:
            tekst = self.model.voeg_uit_catalogus_toe(self._lijst.value)
        except DeelsToegevoegd:
            self.oefening.bewaard()  # show the ones that were added; the message says where it stopped
            raise
        self.oefening.bewaard(tekst)

    @veilig()
    def _voeg_eigen_toe(self, _knop=None) -> None:
        self.oefening.bewaard(self.model.voeg_eigen_toe())

    @veilig()
    def _wijzig(self, _knop=None) -> None:
        self.oefening.bewaard(self.model.wijzig())

    def _vraag_verwijderen(self, _knop=None) -> None:
        self._te_verwijderen = self.model.gekozen_criterium()
        if self._te_verwijderen is not None:
            self._bevestig.vraag(f"Weet je zeker dat je <b>{e(self._te_verwijderen.naam)}</b> wilt verwijderen? De "
                                 "punten die partijen eraan gaven gaan mee verloren.")

    @veilig()
    def _verwijder(self, _knop=None) -> None:
        self._bevestig.verberg()
        if self._te_verwijderen is not None:
            self.oefening.bewaard(self.model.verwijder(self._te_verwijderen))

    def verberg_bevestiging(self) -> None:
        self._bevestig.verberg()


class PuntenDeel(Deel):
    """2. Points per party: one field per criterion, the live sum, an even start and saving."""

    def __init__(self, oefening: WegingOefening):
        model = oefening.model
        self._partij = w.Dropdown(description="Punten van partij", style=BREED, layout=_VELD)
        self._partij.add_class("wk-weging-partij")
        self._hint = w.HTML()
        self._velden: dict[int, w.BoundedIntText] = {}
        self._vak = w.VBox()
        self._vak.add_class("wk-weging-punten")
        self._som = w.HTML()
        self._som.add_class("wk-weging-som")
        self._gelijk_knop = w.Button(description="Gelijk verdelen", icon="balance-scale",
                                     tooltip="Begin met evenveel punten per criterium")
        self._opslaan = knop("Punten opslaan", "wk-weging-punten-opslaan", icon="check", button_style="primary")
        super().__init__(oefening, [self._partij, self._hint, self._vak, self._som,
                                    w.HBox([self._gelijk_knop, self._opslaan])])
        traitlets.dlink((model, "som_tekst"), (self._som, "value"),
                        lambda t: f"<div class='wk-weging-som-tekst' role='status'>{e(t)}</div>" if t else "")
        model.observe(self._toon_punten, names="punten")
        model.observe(lambda _c: self._toon_partij(), names="partij_id")
        oefening.bij_wijziging(self._partij, lambda partij_id: setattr(model, "partij_id", partij_id))
        self._gelijk_knop.on_click(lambda _k: model.verdeel_gelijk())
        self._opslaan.on_click(self._bewaar)

    def ververs(self) -> None:
        model = self.model
        self.oefening.toon(self._partij, model.partij_id, opties=model.partij_opties())
        if list(self._velden) != [c.id for c in model.criteria]:
            self._velden = {c.id: self._veld(c) for c in model.criteria}
            self._vak.children = list(self._velden.values())
        self._toon_punten()
        self._toon_partij()

    def _veld(self, criterium) -> w.BoundedIntText:
        veld = w.BoundedIntText(value=0, min=0, max=100, description=criterium.naam, style=BREED,
                                layout=w.Layout(width="320px"))
        veld.add_class("wk-weging-punten-veld")
        veld.observe(lambda change: self.model.zet_punt(criterium.id, change["new"]), names="value")
        return veld

    def _toon_punten(self, _change=None) -> None:
        for criterium_id, veld in self._velden.items():
            veld.value = self.model.punten.get(criterium_id, 0)

    def _toon_partij(self) -> None:
        """The note and the locks that go with the chosen party (0 points where it has none yet, with a note)."""
        model = self.model
        partij_id = model.partij_id
        opgeslagen = model.wegingen.get(partij_id, {}) if partij_id is not None else {}
        for veld in self._velden.values():
            veld.disabled = model.vast or partij_id is None
        if not model.partijen:
            self._hint.value = _bron("Nog geen partijen in dit dossier; voeg ze toe bij 'De juiste partijen aan tafel' "
                                     "(fase 1).")
        elif not model.criteria:
            self._hint.value = _bron("Kies eerst de criteria; daarna verdeelt elke partij 100 punten.")
        elif partij_id is not None and not opgeslagen:
            self._hint.value = _bron("Deze partij heeft nog geen punten opgeslagen. Verdeel 100 punten over de "
                                     "criteria; 0 punten mag.")
        elif partij_id is not None and set(opgeslagen) != set(self._velden):
            self._hint.value = _bron("⚠ Er is een criterium bijgekomen sinds deze partij punten gaf; geef ook dat "
                                     "criterium punten en sla opnieuw op.")
        else:
            self._hint.value = ""
        self._opslaan.disabled = self._gelijk_knop.disabled = model.vast or partij_id is None or not model.criteria
        self._partij.disabled = not model.partijen

    @veilig()
    def _bewaar(self, _knop=None) -> None:
        tekst, notitie = self.model.bewaar_punten()
        if notitie:
            self._melding.info(tekst)
            self.oefening.bewaard()
        else:
            self.oefening.bewaard(tekst)


class OverzichtDeel(Deel):
    """The weights of every party that weighed all criteria, the joint weights, where they differ, a chart."""

    def __init__(self, oefening: WegingOefening):
        self._tabel = w.HTML()
        self._tabel.add_class("wk-weging-overzicht")
        self._grafiek = w.HTML()
        self._grafiek.add_class("wk-weging-grafiek")
        super().__init__(oefening, [self._tabel, self._grafiek])
        self._getekend: tuple | None = None  # what the table and chart were drawn from

    def ververs(self) -> None:
        namen = self.model.namen()
        compleet, ontbreekt = self.model.gewogen()
        sleutel = (tuple(namen.items()), tuple((p, tuple(v.items())) for p, v in compleet.items()), tuple(ontbreekt))
        if sleutel == self._getekend:
            return  # nothing the table and chart show has changed: no redrawing
        self._getekend = sleutel
        overzicht = self.model.overzicht()
        if overzicht is None:
            self._tabel.value = "<p><i>Nog geen partij heeft punten verdeeld over alle criteria.</i></p>"
            self._grafiek.value = ""
            return
        genormaliseerd, gezamenlijk, ontbreekt = overzicht
        koppen = ["Partij", *namen.values(), "Punten in totaal"]
        rijen = [[p, *(procent(g[c]) for c in namen), getal(sum(compleet[p].values()))]
                 for p, g in genormaliseerd.items()]
        rijen += [[p, *("onbekend" for _c in namen), "nog niet (volledig) gewogen"] for p in ontbreekt]
        rijen.append(["Gezamenlijk (gemiddelde)", *(procent(gezamenlijk[c]) for c in namen), "–"])
        zinnen = grote_verschillen(genormaliseerd, namen)
        verschillen = ("<div class='wk-weging-verschillen'><b>Waar de partijen verschillen:</b><ul>"
                       + "".join(f"<li>{e(z)}</li>" for z in zinnen) + "</ul></div>") if zinnen else (
            "<div class='wk-weging-verschillen'>De partijen wegen de criteria ongeveer even zwaar.</div>"
            if len(genormaliseerd) > 1 else "")
        self._tabel.value = tabel_html(koppen, rijen, "wk-weging-tabel") + _bron(e(PERCENTAGES_UITLEG)) + verschillen
        self._grafiek.value = figuur_html(
            wegingen_figuur(genormaliseerd, namen, gezamenlijk),
            "Staafdiagram: het gewicht van elk criterium per partij en gezamenlijk; de percentages staan in de "
            "tabel hierboven.",
        )


class VastzettingDeel(Deel):
    """3. Fixing the weights (who was there, why) or withdrawing a fixing, with the history of earlier ones."""

    def __init__(self, oefening: WegingOefening):
        model = oefening.model
        self.status = w.HTML()
        self.status.add_class("wk-weging-status")
        self._info = w.HTML()
        self._info.add_class("wk-weging-vastgezet")
        self._aanwezig = w.Text(description="Wie waren erbij?", placeholder="bijv. gemeente, corporatie, bewonersraad",
                                style=BREED, layout=_VELD)
        self._aanwezig.add_class("wk-weging-aanwezig")
        self._onderbouwing = w.Textarea(description="Onderbouwing", style=BREED,
                                        layout=w.Layout(width="620px", height="70px"))
        self._onderbouwing.add_class("wk-weging-onderbouwing")
        self._vastzet_knop = knop("Weging vastzetten", "wk-weging-vastzetten", icon="lock", button_style="warning")
        self._vastzetten = w.VBox([self._aanwezig, self._onderbouwing, self._vastzet_knop])
        self._vastzetten.add_class("wk-weging-vastzetten-vak")
        self._intrek_knop = knop("Vastzetting intrekken…", "wk-weging-intrekken", icon="unlock")
        self._reden = w.Textarea(description="Reden om in te trekken", style=BREED,
                                 layout=w.Layout(width="620px", height="60px"))
        self._reden.add_class("wk-weging-reden")
        self._intrek_aanwezig = w.Text(description="Wie waren erbij?", style=BREED, layout=_VELD)
        self._intrek_ja = knop("Ja, trek de vastzetting in", "wk-weging-intrekken-ja", button_style="danger")
        self._intrek_nee = w.Button(description="Annuleren")
        self._intrekken = w.VBox([
            w.HTML("Weet je het zeker? Daarna kunnen criteria en punten weer veranderen, en scoren kan pas weer na "
                   "een nieuwe vastzetting. Het intrekken komt in het besluitenlog."),
            self._reden, self._intrek_aanwezig, w.HBox([self._intrek_ja, self._intrek_nee]),
        ], layout=w.Layout(display="none", border="1px solid #ccc", padding="6px"))
        self._intrekken.add_class("wk-weging-intrekken-vak")
        super().__init__(oefening, [self._info, self._vastzetten, self._intrek_knop, self._intrekken])
        for trait, veld in (("aanwezig", self._aanwezig), ("onderbouwing", self._onderbouwing),
                            ("reden", self._reden), ("intrek_aanwezig", self._intrek_aanwezig)):
            traitlets.link((model, trait), (veld, "value"))
        self._vastzet_knop.on_click(self._zet_vast)
        self._intrek_knop.on_click(lambda _k: setattr(self._intrekken.layout, "display", "flex"))
        self._intrek_ja.on_click(self._trek_in)
        self._intrek_nee.on_click(lambda _k: self.verberg_intrekken())

    def verberg_intrekken(self) -> None:
        self._intrekken.layout.display = "none"

    def ververs(self) -> None:
        model, nummers = self.model, self.model.nummers
        geschiedenis = "".join(
            f"<li>Vastgezet op {datum(v.vastgezet)} (besluit nr. {nummers.get(v.besluit_id, '?')}), ingetrokken op "
            f"{datum(v.ingetrokken)} (besluit nr. {nummers.get(v.intrekking_besluit_id, '?')})</li>"
            for v in model.eerdere)
        geschiedenis = _bron(f"Eerder:<ul>{geschiedenis}</ul>") if geschiedenis else ""
        vast = model.vastzetting
        if vast is not None:
            tekst = f"✔ Vastgezet op {datum(vast.vastgezet)} (besluit nr. {nummers.get(vast.besluit_id, '?')})"
            self.status.value = (f"<div class='wk-melding wk-melding-info' role='status'>{tekst}. Criteria en punten "
                                 "kunnen nu niet veranderen; scoor de strategieën bij 'Integrale strategieën "
                                 "afwegen'.</div>")
            self._info.value = (f"<p><b>{tekst}.</b> Afgesproken gewichten: {e(afgesproken_gewichten(vast))}.</p>"
                                f"{geschiedenis}")
            self._vastzetten.layout.display = "none"
            self._intrek_knop.layout.display = "flex"
            return
        self.status.value = ("<div class='wk-melding wk-melding-info' role='status'>○ De weging is nog niet "
                             "vastgezet.</div>")
        self._intrek_knop.layout.display = "none"
        self.verberg_intrekken()
        self._vastzetten.layout.display = "flex"
        compleet, ontbreekt = model.gewogen()
        delen = []
        if ontbreekt and compleet:
            delen.append(f"⚠ Nog niet (volledig) gewogen: {e(opsomming(ontbreekt))}. Je kunt vastzetten met de "
                         "partijen die wel punten gaven; noem in de onderbouwing wie ontbrak en waarom.")
        if not compleet:
            delen.append("Vastzetten kan zodra minstens één partij alle criteria punten heeft gegeven.")
        self._info.value = "".join(f"<p>{d}</p>" for d in delen) + geschiedenis
        vraag = f"Ontbrak er iemand ({opsomming(ontbreekt)})? Zeg waarom." if ontbreekt else \
            "Wat viel op in de verschillen?"
        self._onderbouwing.placeholder = "Waarom is dit de weging? " + vraag
        self._vastzet_knop.disabled = not compleet

    @veilig()
    def _zet_vast(self, _knop=None) -> None:
        self.oefening.bewaard(self.model.zet_vast())

    @veilig()
    def _trek_in(self, _knop=None) -> None:
        tekst = self.model.trek_in()
        self.verberg_intrekken()
        self.oefening.bewaard(tekst)


class WegingOefening(Oefening):
    """Criteria (catalogue, own, edit, remove), points per party with a live sum, an overview with the joint
    weights, and fixing or withdrawing the weights with who was there and why."""

    KLASSE = "wk-oefening-weging"

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        fase34 = context.inhoud.fase34
        self.model = WegingModel(fase34.criteria if fase34 else ())
        self._criteria = CriteriaDeel(self)
        self._punten = PuntenDeel(self)
        self._overzicht = OverzichtDeel(self)
        self._vastzetting = VastzettingDeel(self)
        self.inhoud.children = [
            w.HTML("<p>Spreek <b>vóór</b> het scoren af waarop jullie de strategieën beoordelen en hoe zwaar elk "
                   "criterium weegt. Elke partij verdeelt 100 punten. Daarna zet je de weging vast; pas dan kun je "
                   "scoren. Zo kiest niemand achteraf de gewichten die bij een favoriete strategie passen.</p>"),
            self._vastzetting.status,
            w.HTML("<h4>1. Criteria</h4>"), self._criteria,
            w.HTML("<h4>2. Punten per partij</h4>"), self._punten,
            self._melding, self._overzicht,
            w.HTML("<h4>3. Weging vastzetten</h4>"), self._vastzetting,
        ]
        self.start()

    def laad(self, dossier_gewisseld: bool) -> None:
        if dossier_gewisseld:
            self._melding.wis()
            self._criteria.verberg_bevestiging()
            self._vastzetting.verberg_intrekken()
        self.model.lees(self.context.store, self.context.dossier_id)
        for deel in (self._criteria, self._punten, self._overzicht, self._vastzetting):
            deel.ververs()
