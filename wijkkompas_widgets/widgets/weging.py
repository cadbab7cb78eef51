"""Exercise 'Criteria bepalen voor keuze van energiesysteem': the criteria, each party's 100 points, and
fixing the weights *before* any strategy is scored.

Why fixing first: a team that sees the scores can (without meaning to) tune the weights until its favourite
wins. The store refuses scores until the weights are fixed, and refuses changes while they are fixed; fixing
and withdrawing both go into the besluitenlog, so a later change of the weights is always visible.
"""

from __future__ import annotations

import ipywidgets as w

from ..analysis.mca import (
    gelijke_punten,
    getal,
    gezamenlijke_gewichten,
    grote_verschillen,
    normaliseer_punten,
    opsomming,
    procent,
    volledig_gewogen,
)
from ..charts.weging import wegingen_figuur
from ..dossier import InvoerFout, WerkboekFout
from ..dossier.afweging import Criterium, Vastzetting
from .basis import BREED, Melding, e, figuur_html, tabel_html, veilig
from .besluitenlog import besluitnummers, datum
from .context import WerkboekContext
from .kop import geen_dossier_html, toon_oefening

# Two parties whose weight for one criterion differs this much (share of 1) 'differ strongly' (own choice).
_VELD = w.Layout(width="620px")


def som_tekst(totaal: float) -> str:
    """The live line under the points: how many of the 100 points are left (or too many)."""
    if abs(totaal - 100) < 1e-9:
        return "✔ Alle 100 punten zijn verdeeld."
    if totaal < 100:
        return f"Nog te verdelen: {getal(100 - totaal)} van 100 punten."
    return f"⚠ Je hebt {getal(totaal - 100)} punten te veel verdeeld ({getal(totaal)} van 100)."


class WegingOefening(w.VBox):
    """Criteria (catalogue, own, edit, remove), points per party with a live sum, an overview with the joint
    weights, and fixing or withdrawing the weights with who was there and why."""

    def __init__(self, context: WerkboekContext):
        super().__init__()
        self.add_class("wk-oefening-weging")
        self.context = context
        self._melding = Melding()
        self._laden = False
        self._criteria: list[Criterium] = []
        self._vast: Vastzetting | None = None
        self._punten: dict[int, w.BoundedIntText] = {}
        self._partijen: list = []
        self._punten_sleutel: tuple | None = None  # what the point fields were last filled from
        self._overzicht_sleutel: tuple | None = None  # what the overview table and chart were drawn from
        self._wegingen: dict[int, dict[int, float]] = {}
        fase34 = context.inhoud.fase34
        self._catalogus = {c.id: c for c in (fase34.criteria if fase34 else ())}

        self._status = w.HTML()
        self._status.add_class("wk-weging-status")
        # -- criteria
        self._criteria_lijst = w.HTML()
        self._criteria_lijst.add_class("wk-weging-criteria")
        self._standaard = w.Button(description="Standaardcriteria overnemen", icon="list", button_style="info",
                                   layout=w.Layout(width="260px"),
                                   tooltip="De criteria die in de praktijk het meest gebruikt worden")
        self._standaard.add_class("wk-weging-standaard")
        self._lijst = w.SelectMultiple(description="Criteria uit de lijst", style=BREED, layout=_VELD, rows=6)
        self._lijst.add_class("wk-weging-catalogus")
        self._lijst_knop = w.Button(description="Aangevinkte criteria toevoegen", icon="plus",
                                    layout=w.Layout(width="260px"))
        self._lijst_knop.add_class("wk-weging-catalogus-toevoegen")
        self._lijst_hint = w.HTML()
        self._eigen_naam = w.Text(description="Eigen criterium", placeholder="bijv. Kansen voor lokale werkgelegenheid",
                                  style=BREED, layout=_VELD)
        self._eigen_naam.add_class("wk-weging-eigen-naam")
        self._eigen_omschrijving = w.Text(description="Omschrijving", placeholder="Wat meet dit criterium?",
                                          style=BREED, layout=_VELD)
        self._eigen_knop = w.Button(description="Eigen criterium toevoegen", icon="plus",
                                    layout=w.Layout(width="260px"))
        self._eigen_knop.add_class("wk-weging-eigen-toevoegen")
        self._kies_criterium = w.Dropdown(description="Criterium aanpassen", style=BREED, layout=_VELD)
        self._kies_criterium.add_class("wk-weging-kies-criterium")
        self._wijzig_naam = w.Text(description="Naam", style=BREED, layout=_VELD)
        self._wijzig_omschrijving = w.Text(description="Omschrijving", style=BREED, layout=_VELD)
        self._wijzig_knop = w.Button(description="Wijziging opslaan", icon="check")
        self._wijzig_knop.add_class("wk-weging-wijzig")
        self._verwijder_knop = w.Button(description="Verwijderen…", icon="trash")
        self._verwijder_knop.add_class("wk-weging-verwijder")
        self._bevestig = w.HBox(layout=w.Layout(display="none"))
        self._bewerken = w.VBox([self._kies_criterium, self._wijzig_naam, self._wijzig_omschrijving,
                                 w.HBox([self._wijzig_knop, self._verwijder_knop]), self._bevestig])
        # -- points
        self._partij = w.Dropdown(description="Punten van partij", style=BREED, layout=_VELD)
        self._partij.add_class("wk-weging-partij")
        self._partij_hint = w.HTML()
        self._punten_vak = w.VBox()
        self._punten_vak.add_class("wk-weging-punten")
        self._som = w.HTML()
        self._som.add_class("wk-weging-som")
        self._gelijk_knop = w.Button(description="Gelijk verdelen", icon="balance-scale",
                                     tooltip="Begin met evenveel punten per criterium")
        self._punten_knop = w.Button(description="Punten opslaan", icon="check", button_style="primary")
        self._punten_knop.add_class("wk-weging-punten-opslaan")
        self._overzicht = w.HTML()
        self._overzicht.add_class("wk-weging-overzicht")
        self._grafiek = w.HTML()
        self._grafiek.add_class("wk-weging-grafiek")
        # -- fixing
        self._vast_info = w.HTML()
        self._vast_info.add_class("wk-weging-vastgezet")
        self._aanwezig = w.Text(description="Wie waren erbij?", placeholder="bijv. gemeente, corporatie, bewonersraad",
                                style=BREED, layout=_VELD)
        self._aanwezig.add_class("wk-weging-aanwezig")
        self._onderbouwing = w.Textarea(description="Onderbouwing", style=BREED,
                                        layout=w.Layout(width="620px", height="70px"))
        self._onderbouwing.add_class("wk-weging-onderbouwing")
        self._vastzet_knop = w.Button(description="Weging vastzetten", icon="lock", button_style="warning")
        self._vastzet_knop.add_class("wk-weging-vastzetten")
        self._vastzet_vak = w.VBox([self._aanwezig, self._onderbouwing, self._vastzet_knop])
        self._intrek_knop = w.Button(description="Vastzetting intrekken…", icon="unlock")
        self._intrek_knop.add_class("wk-weging-intrekken")
        self._reden = w.Textarea(description="Reden om in te trekken", style=BREED,
                                 layout=w.Layout(width="620px", height="60px"))
        self._reden.add_class("wk-weging-reden")
        self._intrek_aanwezig = w.Text(description="Wie waren erbij?", style=BREED, layout=_VELD)
        self._intrek_ja = w.Button(description="Ja, trek de vastzetting in", button_style="danger")
        self._intrek_ja.add_class("wk-weging-intrekken-ja")
        self._intrek_nee = w.Button(description="Annuleren")
        self._intrek_vak = w.VBox([
            w.HTML("Weet je het zeker? Daarna kunnen criteria en punten weer veranderen, en scoren kan pas weer na "
                   "een nieuwe vastzetting. Het intrekken komt in het besluitenlog."),
            self._reden, self._intrek_aanwezig, w.HBox([self._intrek_ja, self._intrek_nee]),
        ], layout=w.Layout(display="none", border="1px solid #ccc", padding="6px"))

        self._inhoud = w.VBox([
            w.HTML("<p>Spreek <b>vóór</b> het scoren af waarop jullie de strategieën beoordelen en hoe zwaar elk "
                   "criterium weegt. Elke partij verdeelt 100 punten. Daarna zet je de weging vast; pas dan kun je "
                   "scoren. Zo kiest niemand achteraf de gewichten die bij een favoriete strategie passen.</p>"),
            self._status,
            w.HTML("<h4>1. Criteria</h4>"), self._criteria_lijst, self._standaard,
            self._lijst, self._lijst_hint, self._lijst_knop,
            self._eigen_naam, self._eigen_omschrijving, self._eigen_knop, self._bewerken,
            w.HTML("<h4>2. Punten per partij</h4>"), self._partij, self._partij_hint, self._punten_vak, self._som,
            w.HBox([self._gelijk_knop, self._punten_knop]),
            self._melding, self._overzicht, self._grafiek,
            w.HTML("<h4>3. Weging vastzetten</h4>"), self._vast_info, self._vastzet_vak, self._intrek_knop,
            self._intrek_vak,
        ])
        self._geen_dossier = w.HTML(geen_dossier_html())
        self.children = [self._inhoud]

        self._standaard.on_click(self._neem_standaard_over)
        self._lijst_knop.on_click(self._voeg_lijst_toe)
        self._eigen_knop.on_click(self._voeg_eigen_toe)
        self._kies_criterium.observe(self._toon_criterium, names="value")
        self._wijzig_knop.on_click(self._wijzig)
        self._verwijder_knop.on_click(self._vraag_verwijderen)
        self._partij.observe(self._toon_partij, names="value")
        self._gelijk_knop.on_click(self._verdeel_gelijk)
        self._punten_knop.on_click(self._bewaar_punten)
        self._vastzet_knop.on_click(self._zet_vast)
        self._intrek_knop.on_click(self._vraag_intrekken)
        self._intrek_ja.on_click(self._trek_in)
        self._intrek_nee.on_click(self._verberg_intrekken)
        context.observe(self._herlaad, names=["dossier_id", "revisie"])
        self._herlaad()

    # -- loading --------------------------------------------------------------------------
    @veilig()
    def _herlaad(self, change=None) -> None:
        if not toon_oefening(self):
            return
        if change is not None and change["name"] == "dossier_id":
            self._melding.wis()
            self._verberg_bevestiging()
            self._verberg_intrekken()
        store, dossier_id = self.context.store, self.context.dossier_id
        self._criteria = store.criteria(dossier_id)
        self._vast = store.vastzetting(dossier_id)
        self._laden = True
        try:
            self._toon_criteria()
            self._toon_partijen()
        finally:
            self._laden = False
        self._toon_overzicht()
        self._toon_vastzetting()

    def _namen(self) -> dict[str, str]:
        return {str(c.id): c.naam for c in self._criteria}

    def _toon_criteria(self) -> None:
        vast = self._vast is not None
        if self._criteria:
            rijen = [[str(i), c.naam, c.omschrijving or "–",
                      "uit de lijst" if c.catalogus_id else "eigen criterium"]
                     for i, c in enumerate(self._criteria, start=1)]
            self._criteria_lijst.value = tabel_html(["Nr.", "Criterium", "Omschrijving", "Herkomst"], rijen)
        else:
            self._criteria_lijst.value = (
                "<p><i>Nog geen criteria.</i> Neem de standaardcriteria over, of kies hieronder zelf uit de lijst "
                "en voeg eigen criteria toe.</p>")
        self._standaard.layout.display = "none" if self._criteria else "flex"
        aanwezig = {c.catalogus_id for c in self._criteria if c.catalogus_id}
        over = [c for c in self._catalogus.values() if c.id not in aanwezig]
        opties = [(c.naam + (" (standaard)" if c.standaard else ""), c.id) for c in over]
        if list(self._lijst.options) != opties:
            self._lijst.options = opties
            self._lijst.value = tuple(c.id for c in over if c.standaard) if not self._criteria else ()
        self._lijst.rows = min(max(len(opties), 2), 8)
        self._lijst_hint.value = "".join(
            f"<div class='wk-bron'><b>{e(c.naam)}</b>: {e(c.omschrijving)}</div>" for c in over
        ) if over else "<div class='wk-bron'>Alle criteria uit de lijst staan al in dit dossier.</div>"
        gekozen = self._kies_criterium.value
        self._kies_criterium.options = [("— kies een criterium —", None)] + [(c.naam, c.id) for c in self._criteria]
        self._kies_criterium.value = gekozen if gekozen in {c.id for c in self._criteria} else None
        self._toon_criterium()
        self._bewerken.layout.display = "flex" if self._criteria else "none"
        for knop in (self._standaard, self._lijst, self._lijst_knop, self._eigen_naam, self._eigen_omschrijving,
                     self._eigen_knop, self._wijzig_naam, self._wijzig_omschrijving, self._wijzig_knop,
                     self._verwijder_knop):
            knop.disabled = vast
        self._lijst_knop.disabled = vast or not opties

    def _gekozen_criterium(self) -> Criterium | None:
        return next((c for c in self._criteria if c.id == self._kies_criterium.value), None)

    def _toon_criterium(self, _change=None) -> None:
        criterium = self._gekozen_criterium()
        self._wijzig_naam.value = criterium.naam if criterium else ""
        self._wijzig_omschrijving.value = criterium.omschrijving if criterium else ""
        for veld in (self._wijzig_naam, self._wijzig_omschrijving, self._wijzig_knop, self._verwijder_knop):
            veld.disabled = criterium is None or self._vast is not None
        self._verberg_bevestiging()

    def _toon_partijen(self) -> None:
        store, dossier_id = self.context.store, self.context.dossier_id
        self._partijen = store.partijen(dossier_id)
        self._wegingen = store.wegingen(dossier_id)
        gekozen = self._partij.value
        opties = [(f"{p.naam} ({self._partij_stand(p.id)})", p.id) for p in self._partijen]
        self._partij.options = opties
        ids = [p.id for p in self._partijen]
        self._partij.value = gekozen if gekozen in ids else (ids[0] if ids else None)
        if [int(k) for k in self._punten] != [c.id for c in self._criteria]:
            self._punten = {}
            for c in self._criteria:
                veld = w.BoundedIntText(value=0, min=0, max=100, description=c.naam, style=BREED,
                                        layout=w.Layout(width="320px"))
                veld.add_class("wk-weging-punten-veld")
                veld.observe(self._toon_som, names="value")
                self._punten[c.id] = veld
            self._punten_vak.children = list(self._punten.values())
        self._laad_punten()

    def _partij_stand(self, partij_id: int) -> str:
        punten = self._wegingen.get(partij_id)
        if not punten:
            return "nog geen punten"
        if set(punten) != {c.id for c in self._criteria}:
            return "moet opnieuw wegen"
        return "gewogen"

    def _laad_punten(self) -> None:
        """Put the chosen party's saved points in the fields (0 where it has none yet, with a note). When
        neither the party nor its saved points changed (another exercise saved something), points being typed
        stay as they are."""
        vast = self._vast is not None
        partij_id = self._partij.value
        punten = self._wegingen.get(partij_id, {}) if partij_id is not None else {}
        sleutel = (self.context.dossier_id, partij_id, tuple(self._punten), tuple(sorted(punten.items())))
        oud = self._laden
        self._laden = True
        try:
            for criterium_id, veld in self._punten.items():
                if sleutel != self._punten_sleutel:
                    veld.value = round(punten.get(criterium_id, 0))
                veld.disabled = vast or partij_id is None
        finally:
            self._laden = oud
        self._punten_sleutel = sleutel
        if not self._partijen:
            self._partij_hint.value = ("<div class='wk-bron'>Nog geen partijen in dit dossier; voeg ze toe bij "
                                       "'De juiste partijen aan tafel' (fase 1).</div>")
        elif not self._criteria:
            self._partij_hint.value = "<div class='wk-bron'>Kies eerst de criteria; daarna verdeelt elke partij " \
                                      "100 punten.</div>"
        elif partij_id is not None and not punten:
            self._partij_hint.value = ("<div class='wk-bron'>Deze partij heeft nog geen punten opgeslagen. Verdeel 100 "
                                       "punten over de criteria; 0 punten mag.</div>")
        elif partij_id is not None and set(punten) != set(self._punten):
            self._partij_hint.value = ("<div class='wk-bron'>⚠ Er is een criterium bijgekomen sinds deze partij "
                                       "punten gaf; geef ook dat criterium punten en sla opnieuw op.</div>")
        else:
            self._partij_hint.value = ""
        self._punten_knop.disabled = self._gelijk_knop.disabled = vast or partij_id is None or not self._criteria
        self._partij.disabled = not self._partijen
        self._toon_som()

    def _toon_som(self, _change=None) -> None:
        if not self._punten:
            self._som.value = ""
            return
        totaal = sum(veld.value for veld in self._punten.values())
        self._som.value = f"<div class='wk-weging-som-tekst' role='status'>{e(som_tekst(totaal))}</div>"

    def _gewogen(self) -> tuple[dict[str, dict[str, float]], list[str]]:
        return volledig_gewogen([(p.id, p.naam) for p in self._partijen], [c.id for c in self._criteria],
                                self._wegingen)

    def _toon_overzicht(self) -> None:
        namen = self._namen()
        compleet, ontbreekt = self._gewogen()
        sleutel = (tuple(namen.items()), tuple((p, tuple(v.items())) for p, v in compleet.items()), tuple(ontbreekt))
        if sleutel == self._overzicht_sleutel:
            return  # nothing the table and chart show has changed: no redrawing
        self._overzicht_sleutel = sleutel
        if not self._criteria or not compleet:
            self._overzicht.value = "<p><i>Nog geen partij heeft punten verdeeld over alle criteria.</i></p>"
            self._grafiek.value = ""
            return
        genormaliseerd = {p: normaliseer_punten(punten)[0] for p, punten in compleet.items()}
        gezamenlijk = gezamenlijke_gewichten(compleet, namen=namen)
        koppen = ["Partij", *namen.values(), "Punten in totaal"]
        rijen = [[p, *(procent(g[c]) for c in namen), getal(sum(compleet[p].values()))]
                 for p, g in genormaliseerd.items()]
        rijen += [[p, *("onbekend" for _c in namen), "nog niet (volledig) gewogen"] for p in ontbreekt]
        rijen.append(["Gezamenlijk (gemiddelde)", *(procent(gezamenlijk[c]) for c in namen), "–"])
        toelichting = ("<div class='wk-bron'>Percentages: het deel van de punten van die partij. Het gezamenlijke "
                       "gewicht is het gemiddelde van de partijen, zodat elke partij even zwaar telt.</div>")
        zinnen = grote_verschillen(genormaliseerd, namen)
        verschillen = ("<div class='wk-weging-verschillen'><b>Waar de partijen verschillen:</b><ul>"
                       + "".join(f"<li>{e(z)}</li>" for z in zinnen) + "</ul></div>") if zinnen else (
            "<div class='wk-weging-verschillen'>De partijen wegen de criteria ongeveer even zwaar.</div>"
            if len(genormaliseerd) > 1 else "")
        self._overzicht.value = tabel_html(koppen, rijen, "wk-weging-tabel") + toelichting + verschillen
        self._grafiek.value = figuur_html(
            wegingen_figuur(genormaliseerd, namen, gezamenlijk),
            "Staafdiagram: het gewicht van elk criterium per partij en gezamenlijk; de percentages staan in de "
            "tabel hierboven.",
        )

    def _toon_vastzetting(self) -> None:
        store, dossier_id = self.context.store, self.context.dossier_id
        besluiten = store.besluiten(dossier_id)
        nummers = besluitnummers(besluiten)
        eerder = [v for v in store.vastzettingen(dossier_id) if not v.actief]
        geschiedenis = "".join(
            f"<li>Vastgezet op {datum(v.vastgezet)} (besluit nr. {nummers.get(v.besluit_id, '?')}), ingetrokken op "
            f"{datum(v.ingetrokken)} (besluit nr. {nummers.get(v.intrekking_besluit_id, '?')})</li>" for v in eerder
        )
        geschiedenis = f"<div class='wk-bron'>Eerder:<ul>{geschiedenis}</ul></div>" if geschiedenis else ""
        if self._vast is not None:
            nr = nummers.get(self._vast.besluit_id, "?")
            tekst = f"✔ Vastgezet op {datum(self._vast.vastgezet)} (besluit nr. {nr})"
            self._status.value = (f"<div class='wk-melding wk-melding-info' role='status'>{tekst}. Criteria en punten "
                                  "kunnen nu niet veranderen; scoor de strategieën bij 'Integrale strategieën "
                                  "afwegen'.</div>")
            namen = self._vast.criteria
            verdeling = ", ".join(f"{e(namen.get(c, str(c)))} {procent(g)}" for c, g in self._vast.gewichten.items())
            self._vast_info.value = f"<p><b>{tekst}.</b> Afgesproken gewichten: {verdeling}.</p>{geschiedenis}"
            self._vastzet_vak.layout.display = "none"
            self._intrek_knop.layout.display = "flex"
            return
        self._status.value = ("<div class='wk-melding wk-melding-info' role='status'>○ De weging is nog niet "
                              "vastgezet.</div>")
        self._intrek_knop.layout.display = "none"
        self._verberg_intrekken()
        self._vastzet_vak.layout.display = "flex"
        compleet, ontbreekt = self._gewogen()
        delen = []
        if ontbreekt and compleet:
            delen.append(f"⚠ Nog niet (volledig) gewogen: {e(opsomming(ontbreekt))}. Je kunt vastzetten met de "
                         "partijen die wel punten gaven; noem in de onderbouwing wie ontbrak en waarom.")
        if not compleet:
            delen.append("Vastzetten kan zodra minstens één partij alle criteria punten heeft gegeven.")
        self._vast_info.value = "".join(f"<p>{d}</p>" for d in delen) + geschiedenis
        self._onderbouwing.placeholder = (
            "Waarom is dit de weging? " + (f"Ontbrak er iemand ({opsomming(ontbreekt)})? Zeg waarom."
                                           if ontbreekt else "Wat viel op in de verschillen?"))
        self._vastzet_knop.disabled = not compleet

    # -- criteria -------------------------------------------------------------------------
    @veilig()
    def _neem_standaard_over(self, _knop=None) -> None:
        criteria = self.context.store.neem_standaardcriteria_over(self.context.dossier_id)
        self._melding.ok(f"{len(criteria)} standaardcriteria overgenomen. Pas ze aan of vul ze aan waar nodig.")
        self.context.gewijzigd()

    @veilig()
    def _voeg_lijst_toe(self, _knop=None) -> None:
        gekozen = [self._catalogus[i] for i in self._lijst.value]
        if not gekozen:
            raise InvoerFout("Vink eerst een of meer criteria uit de lijst aan.")
        store, dossier_id = self.context.store, self.context.dossier_id
        if not self._criteria:  # all at once, in one transaction
            store.zet_standaardcriteria(dossier_id, [(c.naam, c.omschrijving, c.id) for c in gekozen])
        else:
            toegevoegd: list[str] = []
            try:
                for c in gekozen:  # one transaction per criterion; say how far it got if one is refused
                    store.voeg_criterium_toe(dossier_id, c.naam, c.omschrijving, catalogus_id=c.id)
                    toegevoegd.append(c.naam)
            except WerkboekFout as fout:
                if not toegevoegd:
                    raise
                self.context.gewijzigd()
                raise InvoerFout(f"Toegevoegd: {opsomming(toegevoegd)}. Daarna lukte het niet meer: {fout}") from None
        self._melding.ok(f"Toegevoegd: {opsomming([c.naam for c in gekozen])}.")
        self.context.gewijzigd()

    @veilig()
    def _voeg_eigen_toe(self, _knop=None) -> None:
        criterium = self.context.store.voeg_criterium_toe(self.context.dossier_id, self._eigen_naam.value,
                                                          self._eigen_omschrijving.value)
        self._eigen_naam.value = self._eigen_omschrijving.value = ""
        self._melding.ok(f"Criterium '{criterium.naam}' toegevoegd. Partijen die al punten gaven, geven dit "
                         "criterium nog punten.")
        self.context.gewijzigd()

    @veilig()
    def _wijzig(self, _knop=None) -> None:
        criterium = self._gekozen_criterium()
        if criterium is None:
            raise InvoerFout("Kies eerst het criterium dat je wilt aanpassen.")
        nieuw = self.context.store.wijzig_criterium(self.context.dossier_id, criterium.id, self._wijzig_naam.value,
                                                    self._wijzig_omschrijving.value, criterium.versie)
        self._melding.ok(f"Criterium '{nieuw.naam}' opgeslagen.")
        self.context.gewijzigd()

    def _vraag_verwijderen(self, _knop=None) -> None:
        criterium = self._gekozen_criterium()
        if criterium is None:
            return
        ja = w.Button(description="Ja, verwijderen", button_style="danger")
        ja.add_class("wk-weging-verwijder-ja")
        nee = w.Button(description="Nee, bewaren")
        ja.on_click(lambda _k: self._verwijder(criterium))
        nee.on_click(self._verberg_bevestiging)
        self._bevestig.children = [
            w.HTML(f"Weet je zeker dat je <b>{e(criterium.naam)}</b> wilt verwijderen? De punten die partijen eraan "
                   "gaven gaan mee verloren."), ja, nee,
        ]
        self._bevestig.layout.display = "flex"

    def _verberg_bevestiging(self, _knop=None) -> None:
        self._bevestig.layout.display = "none"
        self._bevestig.children = []

    @veilig()
    def _verwijder(self, criterium: Criterium) -> None:
        self._verberg_bevestiging()
        self.context.store.verwijder_criterium(self.context.dossier_id, criterium.id)
        self._melding.ok(f"Criterium '{criterium.naam}' verwijderd.")
        self.context.gewijzigd()

    # -- points ---------------------------------------------------------------------------
    @veilig()
    def _toon_partij(self, _change=None) -> None:
        if not self._laden:
            self._laad_punten()

    def _verdeel_gelijk(self, _knop=None) -> None:
        for criterium_id, punten in gelijke_punten(list(self._punten)).items():
            self._punten[criterium_id].value = punten

    @veilig()
    def _bewaar_punten(self, _knop=None) -> None:
        partij = next((p for p in self._partijen if p.id == self._partij.value), None)
        if partij is None:
            raise InvoerFout("Kies eerst de partij van wie je de punten invult.")
        punten = {c: veld.value for c, veld in self._punten.items()}
        namen = {c.id: c.naam for c in self._criteria}
        _gewichten, notitie = normaliseer_punten(punten, namen=namen)  # refuses all zero, before saving anything
        self.context.store.zet_weging(self.context.dossier_id, partij.id, punten)
        if notitie:
            self._melding.info(f"De punten van {partij.naam} zijn opgeslagen. {notitie}")
        else:
            self._melding.ok(f"De punten van {partij.naam} zijn opgeslagen.")
        self.context.gewijzigd()

    # -- fixing ---------------------------------------------------------------------------
    @veilig()
    def _zet_vast(self, _knop=None) -> None:
        self._herlees_gegevens()
        compleet, ontbreekt = self._gewogen()
        if not compleet:
            raise InvoerFout("Nog geen enkele partij heeft alle criteria punten gegeven; er is niets vastgezet.")
        gezamenlijk = gezamenlijke_gewichten(compleet, namen=self._namen())
        vast = self.context.store.zet_weging_vast(self.context.dossier_id, {int(c): g for c, g in gezamenlijk.items()},
                                                  self._aanwezig.value, self._onderbouwing.value)
        nr = besluitnummers(self.context.store.besluiten(self.context.dossier_id)).get(vast.besluit_id, "?")
        self._aanwezig.value = self._onderbouwing.value = ""
        tekst = f"De weging is vastgezet op {datum(vast.vastgezet)} en staat in het besluitenlog als nr. {nr}."
        if ontbreekt:
            tekst += f" Zonder punten van: {opsomming(ontbreekt)}."
        self._melding.ok(tekst + " Je kunt nu de strategieën scoren.")
        self.context.gewijzigd()

    def _herlees_gegevens(self) -> None:
        """Fix what is saved now, not what this page loaded a while ago."""
        store, dossier_id = self.context.store, self.context.dossier_id
        self._criteria = store.criteria(dossier_id)
        self._partijen = store.partijen(dossier_id)
        self._wegingen = store.wegingen(dossier_id)

    def _vraag_intrekken(self, _knop=None) -> None:
        self._intrek_vak.layout.display = "flex"

    def _verberg_intrekken(self, _knop=None) -> None:
        self._intrek_vak.layout.display = "none"

    @veilig()
    def _trek_in(self, _knop=None) -> None:
        vastzetting = self.context.store.trek_vastzetting_in(self.context.dossier_id, self._reden.value,
                                                             self._intrek_aanwezig.value)
        nr = besluitnummers(self.context.store.besluiten(self.context.dossier_id)).get(
            vastzetting.intrekking_besluit_id, "?")
        self._reden.value = self._intrek_aanwezig.value = ""
        self._verberg_intrekken()
        self._melding.ok(f"De vastzetting is ingetrokken (besluit nr. {nr}). Criteria en punten kunnen weer "
                         "veranderen; zet de weging daarna opnieuw vast.")
        self.context.gewijzigd()
