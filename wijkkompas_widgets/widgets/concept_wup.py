"""Exercise 'Gezamenlijke besluitvorming over het concept-WUP' (phase 4): is the concept complete, where does each
partner stand, and, once all agree, the joint decision in the besluitenlog.

One versioned form (``formulieren.CONCEPT_WUP``, see ``analysis.wup``), saved on every change; a colleague's change
to another part is kept, a clash on the same part reloads their version and says so. One party is edited at a
time (a dropdown picks which).
"""

from __future__ import annotations

from dataclasses import replace

import ipywidgets as w

from ..analysis.afsprakennota import Afspraken, keuze
from ..analysis.wup import (
    BRON,
    KNOOPPUNT_CONCEPT_WUP,
    STANDPUNT_TEKENS,
    STANDPUNTEN,
    ConceptWup,
    Standpunt,
    Vastlegging,
    besluit_teksten,
    besluitstand,
    controleer_concept_wup,
    gewijzigd_na_vastleggen,
    lees_concept_wup,
    nieuw_kenmerk,
    volledigheid,
)
from ..dossier import GelijktijdigGewijzigd, InvoerFout, formulieren
from ..dossier.model import nu
from ..leesmodel.concept_wup import KOPPEN, stand_zin, standpunt_rijen, vastgelegd_op, volgnummer
from ..leesmodel.dossier import DossierVerzameling
from .basis import BREED, Melding, e, knop, tabel_html, veilig
from .context import WerkboekContext
from .formulier import FormulierOefening, wijzig_formulier

VELD = w.Layout(width="720px")
TEKSTVAK = w.Layout(width="720px", height="70px")


def besluitregel_html(v: DossierVerzameling) -> str:
    """The decision rule the partners agreed in phase 1, so the decision follows their own agreements."""
    gekozen = Afspraken.uit_dict(v.formulier(formulieren.AFSPRAKEN)).besluitregel
    regel = keuze(v.inhoud.fase1.samenwerking, "besluitregel", gekozen)
    if regel is None:
        return ("<div class='wk-bron'>Neem het besluit volgens jullie eigen afspraken. Er is nog geen besluitregel "
                "vastgelegd bij 'Samenwerking formaliseren' (fase 1).</div>")
    return (f"<div class='wk-bron'>Jullie besluitregel (uit 'Samenwerking formaliseren'): <b>{e(regel.naam)}</b>. "
            f"{e(regel.omschrijving)}</div>")


def _html(klasse: str) -> w.HTML:
    veld = w.HTML()
    veld.add_class(klasse)
    return veld


def _tekstvak(beschrijving: str, klasse: str, placeholder: str, style=BREED) -> w.Textarea:
    vak = w.Textarea(description=beschrijving, style=style, layout=TEKSTVAK, continuous_update=False,
                     placeholder=placeholder)
    vak.add_class(klasse)
    return vak


class ConceptWupOefening(FormulierOefening):
    """(a) completeness of the concept, (b) the position of every partner, (c) the joint decision."""

    KLASSE = "wk-oefening-concept-wup"
    SLEUTEL = formulieren.CONCEPT_WUP
    # Completeness follows the whole dossier, which other exercises on the page change.
    VERVERS_BIJ = ("dossier_id", "revisie")

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        self._besluit_melding = Melding()
        self._besluit_melding.add_class("wk-concept-wup-besluit-melding")
        self._namen: dict[int, str] = {}

        self._volledig = _html("wk-concept-wup-volledigheid")
        self._financieel = _tekstvak("Financieel plaatje", "wk-concept-wup-financieel",
                                     "Wat kost de uitvoering, wie betaalt wat, welke subsidies en welke onzekerheden?")
        self._oplegger = _tekstvak("Voor de oplegger", "wk-concept-wup-oplegger",
                                   "Wat de raad moet weten over de participatie en de risico's.")
        self._partij = w.Dropdown(description="Partij", style=BREED, layout=VELD)
        self._partij.add_class("wk-concept-wup-partij")
        self._standpunt = w.Dropdown(description="Standpunt", style=BREED, layout=w.Layout(width="520px"),
                                     options=[(f"{STANDPUNT_TEKENS[s]} {label}", s) for s, label in STANDPUNTEN])
        self._standpunt.add_class("wk-concept-wup-standpunt")
        self._betekenis = _tekstvak("Wat betekent uitvoering voor deze organisatie?", "wk-concept-wup-betekenis",
                                    "Mensen, geld, planning, risico's …", style={"description_width": "178px"})
        self._voorbehoud = _tekstvak("Voorbehoud", "wk-concept-wup-voorbehoud",
                                     "Verplicht bij 'akkoord met voorbehoud': onder welke voorwaarde?")
        self._datum = w.Text(description="Datum besluit eigen organisatie", style={"description_width": "178px"},
                             placeholder="JJJJ-MM-DD", continuous_update=False, layout=w.Layout(width="340px"))
        self._datum.add_class("wk-concept-wup-datum")
        self._standpunten = _html("wk-concept-wup-standpunten")
        self._regel = _html("wk-concept-wup-besluitregel")
        self._stand = _html("wk-concept-wup-stand")
        self._vastleggen = knop("Leg het gezamenlijke besluit vast", "wk-concept-wup-vastleggen", icon="gavel",
                                button_style="primary", layout=w.Layout(width="320px"))
        self._vastgelegd = _html("wk-concept-wup-vastgelegd")
        self._partijvelden = (self._standpunt, self._betekenis, self._voorbehoud, self._datum)

        self.inhoud.children = [
            w.HTML("<p>Kijk eerst of het concept compleet is, vraag dan elke partner wat de uitvoering voor de "
                   "eigen organisatie betekent en of die akkoord is. Als iedereen akkoord is, leg je het "
                   "gezamenlijke besluit vast. Alles wordt meteen opgeslagen.</p>"),
            w.HTML("<h4>1 · Is het concept compleet?</h4>"), self._volledig, self._financieel, self._oplegger,
            w.HTML("<h4>2 · Waar staat elke partner?</h4>"), self._partij, *self._partijvelden, self._melding,
            self._standpunten,
            w.HTML("<h4>3 · Het gezamenlijke besluit</h4>"), self._regel, self._stand, self._vastleggen,
            self._besluit_melding, self._vastgelegd,
            w.HTML(f"<div class='wk-bron'>Bron: {e(BRON)}</div>"),
        ]
        for veld in (self._financieel, self._oplegger):
            self.bij_wijziging(veld, lambda _waarde: self._bewaar_tekst())
        for veld in self._partijvelden:
            self.bij_wijziging(veld, lambda _waarde: self._bewaar_partij())
        self.bij_wijziging(self._partij, self._partij_gekozen)
        self._vastleggen.on_click(self._leg_vast)
        self.start()

    @property
    def model(self) -> ConceptWup:
        return lees_concept_wup(self.gegevens)

    # -- loading ------------------------------------------------------------------------------
    def laad(self, dossier_gewisseld: bool) -> None:
        if dossier_gewisseld:
            self._melding.wis()
            self._besluit_melding.wis()
        versie = self._formulier.versie
        self._formulier.laad()
        self._toon(velden=dossier_gewisseld or self._formulier.versie != versie)

    def _toon(self, _gegevens: dict | None = None, *, velden: bool = True) -> None:
        v = DossierVerzameling(self.context.store, self.context.dossier_id)
        model = self.model
        self._namen = dict(v.partijnamen)
        self._toon_volledigheid(v)
        self._regel.value = besluitregel_html(v)
        if velden:
            self.toon(self._financieel, model.financieel)
            self.toon(self._oplegger, model.oplegger)
        gekozen = self._partij.value
        self.toon(self._partij, gekozen if gekozen in self._namen else next(iter(self._namen), None),
                  [(f"{STANDPUNT_TEKENS[model.standpunt(i).standpunt]} {n}", i) for i, n in self._namen.items()])
        if velden or gekozen != self._partij.value:
            self._toon_partij()
        self._toon_standpunten()

    def _toon_volledigheid(self, v: DossierVerzameling) -> None:
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
        standpunt = self.model.standpunt(partij_id) if partij_id is not None else Standpunt(0)
        self.toon(self._standpunt, standpunt.standpunt)
        self.toon(self._betekenis, standpunt.betekenis)
        self.toon(self._voorbehoud, standpunt.voorbehoud)
        self.toon(self._datum, standpunt.datum)

    def _toon_standpunten(self) -> None:
        model = self.model
        if not self._namen:
            self._standpunten.value = ("<p><i>Nog geen partijen in het dossier; voeg ze toe bij 'De juiste partijen "
                                       "aan tafel' (fase 1).</i></p>")
        else:
            self._standpunten.value = tabel_html(KOPPEN, standpunt_rijen(model, self._namen),
                                                 "wk-concept-wup-partijen")
        stand = besluitstand(list(self._namen), model)
        teken = "✔" if stand.gereed else "✖"
        self._stand.value = f"<p><b>{teken} {e(stand_zin(model, self._namen))}</b></p>"
        self._vastleggen.disabled = not stand.gereed or model.is_vastgelegd
        self._toon_vastlegging(model)

    def _toon_vastlegging(self, model: ConceptWup) -> None:
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
        tekst = (f"<div class='wk-kaart'>✔ <b>Het gezamenlijke besluit is vastgelegd</b> op "
                 f"{e(vastgelegd_op(model.vastlegging.moment))}"
                 + (f" (besluit nr. {nr} in het besluitenlog)" if nr else "") + ".")
        gewijzigd = gewijzigd_na_vastleggen(model, list(self._namen))
        if gewijzigd:
            tekst += ("<div class='wk-melding wk-melding-info' role='note'>⚠ Na het vastleggen is het standpunt "
                      "gewijzigd van: " + ", ".join(e(self._namen[i]) for i in gewijzigd)
                      + ". Leg zo nodig een correctie vast in het besluitenlog.</div>")
        self._vastgelegd.value = tekst + "</div>"

    def _volgnummer(self, kenmerk: str) -> int | None:
        return volgnummer(self.context.store.besluiten(self.context.dossier_id), kenmerk)

    def _partij_gekozen(self, _partij_id) -> None:
        self._melding.wis()
        self._toon_partij()

    # -- saving -------------------------------------------------------------------------------
    def _sla_op(self, wijziging, deel, melding: Melding, tekst: str) -> None:
        """Apply ``wijziging`` (ConceptWup → ConceptWup) and save. When a colleague saved in between, the change
        goes on top of their version as long as they left ``deel(model)`` (the part edited here) alone."""
        try:
            _model, veranderd, samengevoegd = wijzig_formulier(
                self._formulier, lees_concept_wup,
                lambda model: controleer_concept_wup(wijziging(model), self._namen), deel)
        except GelijktijdigGewijzigd:
            self._toon()
            raise
        if not veranderd:
            melding.ok(tekst)
            return
        self._toon(velden=samengevoegd)  # after a merge the fields show the colleague's changes too
        melding.ok(tekst)
        self.bewaard()

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
        model = lees_concept_wup(self._formulier.laad())
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
            self._formulier.bewaar(bezig.als_dict())
        except GelijktijdigGewijzigd:
            self._toon()
            raise
        if self._volgnummer(kenmerk) is None:
            store.leg_besluit_vast(dossier_id, knooppunt_id=KNOOPPUNT_CONCEPT_WUP,
                                   **besluit_teksten(ids, model, partijnamen, kenmerk))
        self._rond_af(kenmerk, bezig)
        self._toon(velden=False)
        self._besluit_melding.ok(f"Het gezamenlijke besluit staat in het besluitenlog als nr. "
                                 f"{self._volgnummer(kenmerk)}.")
        self.bewaard()

    def _rond_af(self, kenmerk: str, model: ConceptWup) -> None:
        """Mark the decision as recorded. When a colleague saved the form in between (a position, a text),
        put the mark on their version, as long as it still carries this kenmerk."""
        for _poging in range(3):
            klaar = replace(model, vastlegging=replace(model.vastlegging, status="vastgelegd"))
            try:
                self._formulier.bewaar(klaar.als_dict())
            except GelijktijdigGewijzigd:  # the newest version is loaded now
                model = lees_concept_wup(self._formulier.gegevens)
                if model.vastlegging is None or model.vastlegging.kenmerk != kenmerk:
                    raise
                continue
            return
        raise GelijktijdigGewijzigd("Het besluit staat in het besluitenlog, maar het formulier werd tegelijk door "
                                    "anderen gewijzigd. Klik nog eens op de knop om het af te ronden.")
