"""Exercise 'Samenwerking formaliseren': form, mandate, rhythm, decision rules, escalation and
signatories → a draft afsprakennota (Markdown) to read, copy or download."""

from __future__ import annotations

import base64
from datetime import date

import ipywidgets as w

from ..analysis.afsprakennota import (
    Afspraken,
    afsprakennota,
    bestandsnaam,
    controleer_afspraken,
    keuze,
)
from ..content import Keuze
from ..dossier import GelijktijdigGewijzigd
from .basis import Melding, e, veilig
from .context import WerkboekContext
from .kaart import markdown_html
from .kop import geen_dossier_html, toon_oefening

SLEUTEL = "afspraken"
_GEEN_KEUZE = "— nog niet gekozen —"
_JURIDISCH = {True: "ja", False: "nee", "deels": "deels"}
_LABEL = {"description_width": "230px"}  # long labels such as 'Mandaat van het projectteam'


class AfsprakenOefening(w.VBox):
    """The agreements as one versioned form: every change is saved at once (and 'Afspraken opslaan'
    saves too); the draft nota below is built from what is saved, never from unsaved input."""

    def __init__(self, context: WerkboekContext):
        super().__init__()
        self.add_class("wk-oefening-afspraken")
        self.context = context
        self._opties = context.inhoud.fase1.samenwerking
        self._gegevens: dict = {}
        self._versie = 0
        self._bijwerken = False
        self._melding = Melding()
        self._keuzes: dict[str, w.Dropdown] = {}
        self._uitleg: dict[str, w.HTML] = {}
        onderdelen: list[w.Widget] = [w.HTML(
            "Leg vast hoe jullie samenwerken. Kies per onderwerp een afspraak; onder elke keuze staat wat die "
            "inhoudt. Alles wordt meteen opgeslagen en hieronder verschijnt een concept-afsprakennota."
        )]
        for veld, label, lijst in (
            ("vorm", "Vorm van de samenwerking", self._opties.vormen),
            ("besluitregel", "Besluitregel", self._opties.besluitregels),
            ("overlegritme", "Overlegritme", self._opties.overlegritmes),
            ("escalatie", "Escalatie", self._opties.escalatie),
        ):
            keuzelijst = w.Dropdown(description=label, options=[(_GEEN_KEUZE, "")] + [(k.naam, k.id) for k in lijst],
                                    value="", style=_LABEL, layout=w.Layout(width="760px"))
            keuzelijst.add_class(f"wk-afspraken-{veld}")
            uitleg = w.HTML(layout=w.Layout(margin="0 0 8px 238px", max_width="530px"))
            keuzelijst.observe(self._maak_keuze_handler(veld), names="value")
            self._keuzes[veld], self._uitleg[veld] = keuzelijst, uitleg
            onderdelen += [keuzelijst, uitleg]
        self._mandaat = w.Textarea(
            description="Mandaat van het projectteam", continuous_update=False,
            placeholder="Waarover besluit het projectteam zelf, en wat gaat terug naar de eigen organisaties?",
            style=_LABEL, layout=w.Layout(width="760px", height="90px"),
        )
        self._mandaat.add_class("wk-afspraken-mandaat")
        self._overig = w.Textarea(
            description="Wat we nog meer afspreken", continuous_update=False,
            placeholder="bijv. hoe jullie gegevens delen, wie de proceskosten draagt, wanneer je de afspraken herziet",
            style=_LABEL, layout=w.Layout(width="760px", height="90px"),
        )
        self._overig.add_class("wk-afspraken-overig")
        self._ondertekenaars = w.SelectMultiple(description="Ondertekenaars", options=[], style=_LABEL,
                                                layout=w.Layout(width="600px"))
        self._ondertekenaars.add_class("wk-afspraken-ondertekenaars")
        self._ondertekenaars_hint = w.HTML()
        self._opslaan = w.Button(description="Afspraken opslaan", icon="check", button_style="primary")
        self._opslaan.add_class("wk-afspraken-opslaan")
        self._voorbeeld = w.HTML()
        self._voorbeeld.add_class("wk-afspraken-voorbeeld")
        self._markdown = w.HTML()
        self._markdown.add_class("wk-afspraken-markdown")
        self._download = w.HTML()
        self._download.add_class("wk-afspraken-download")
        for veld in (self._mandaat, self._overig, self._ondertekenaars):
            veld.observe(self._veld_gewijzigd, names="value")
        self._inhoud = w.VBox([
            *onderdelen, self._mandaat, self._overig, self._ondertekenaars, self._ondertekenaars_hint,
            self._opslaan, self._melding,
            w.HTML("<h4>Concept-afsprakennota</h4>"), self._download, self._voorbeeld, self._markdown,
            w.HTML(f"<div class='wk-bron'>Bron: {e(self._opties.bron)}</div>"),
        ])
        self._geen_dossier = w.HTML(geen_dossier_html())
        self.children = [self._inhoud]
        self._opslaan.on_click(self._bewaar)
        context.observe(self._herlaad, names=["dossier_id", "revisie"])
        self._herlaad()

    # -- loading --------------------------------------------------------------------------
    @veilig()
    def _herlaad(self, change=None) -> None:
        if not toon_oefening(self):
            return
        nieuw_dossier = change is None or change["name"] == "dossier_id"
        if change is not None and change["name"] == "dossier_id":
            self._melding.wis()
        store, dossier_id = self.context.store, self.context.dossier_id
        partijen = store.partijen(dossier_id)
        gegevens, versie = store.formulier(dossier_id, SLEUTEL)
        nieuwe_versie = nieuw_dossier or versie != self._versie
        if nieuwe_versie:
            self._gegevens, self._versie = gegevens, versie
        # Same version: only the list of parties may have changed; text a user is correcting stays.
        self._toon_formulier(partijen, velden=nieuwe_versie)
        self._toon_nota(partijen)

    def _toon_formulier(self, partijen, *, velden: bool = True) -> None:
        """Show the saved form (and the current parties) without saving it again."""
        afspraken = Afspraken.uit_dict(self._gegevens)
        self._bijwerken = True
        try:
            if velden:
                for veld, keuzelijst in self._keuzes.items():
                    waarde = getattr(afspraken, veld)
                    keuzelijst.value = waarde if waarde in [v for _label, v in keuzelijst.options] else ""
                self._mandaat.value = afspraken.mandaat
                self._overig.value = afspraken.overig
            opties = [(p.naam, p.id) for p in partijen]
            if list(self._ondertekenaars.options) != opties:
                self._ondertekenaars.options = opties
            bestaand = {p.id for p in partijen}
            self._ondertekenaars.value = tuple(i for i in afspraken.ondertekenaars if i in bestaand)
            self._ondertekenaars.rows = min(max(len(opties), 2), 8)
        finally:
            self._bijwerken = False
        for veld in self._keuzes:
            self._toon_uitleg(veld)
        self._ondertekenaars_hint.value = "<div class='wk-bron' style='margin-left: 238px'>" + (
            "Kies de partijen die de afspraken ondertekenen (Ctrl of Cmd ingedrukt houden om er meer te kiezen)."
            if partijen else "Nog geen partijen in het dossier; voeg ze toe bij 'De juiste partijen aan tafel'."
        ) + "</div>"

    def _toon_uitleg(self, veld: str) -> None:
        gekozen = keuze(self._opties, veld, self._keuzes[veld].value or None)
        self._uitleg[veld].value = uitleg_html(veld, gekozen)

    def _toon_nota(self, partijen=None) -> None:
        store, dossier_id = self.context.store, self.context.dossier_id
        if partijen is None:
            partijen = store.partijen(dossier_id)
        regierol, _versie = store.formulier(dossier_id, "regierol")
        dossier = store.dossier(dossier_id)
        tekst = afsprakennota(dossier, partijen, Afspraken.uit_dict(self._gegevens), regierol, self.context.inhoud,
                              date.today())
        self._voorbeeld.value = (
            "<style>.wk-nota h1 { font-size: 1.3em; } .wk-nota h2 { font-size: 1.1em; }</style>"
            "<div class='wk-kaart wk-nota' role='document' aria-label='Voorbeeld van de concept-afsprakennota'>"
            f"{markdown_html(tekst)}</div>"
        )
        vak_id = f"wk-nota-md-{id(self)}"
        self._markdown.value = (
            f"<label for='{vak_id}'><b>Markdown om te kopiëren</b></label> <span class='wk-bron'>(klik in het vak, "
            "kies Ctrl+A en dan Ctrl+C)</span><br>"
            f"<textarea id='{vak_id}' readonly rows='14' style='width: 720px; font-family: monospace;'>"
            f"{e(tekst)}</textarea>"
        )
        data = base64.b64encode(tekst.encode("utf-8")).decode("ascii")
        self._download.value = (
            f"<a download=\"{e(bestandsnaam(dossier))}\" href=\"data:text/markdown;charset=utf-8;base64,{data}\" "
            "class='wk-download'>⬇ Download als Markdown (.md)</a>"
        )

    # -- saving ---------------------------------------------------------------------------
    def _maak_keuze_handler(self, veld: str):
        def handler(_change):
            self._toon_uitleg(veld)
            if not self._bijwerken:
                self._bewaar()

        return handler

    def _veld_gewijzigd(self, _change) -> None:
        if not self._bijwerken:
            self._bewaar()

    def _lees_formulier(self) -> Afspraken:
        return Afspraken(
            **{veld: keuzelijst.value or None for veld, keuzelijst in self._keuzes.items()},
            mandaat=self._mandaat.value, overig=self._overig.value,
            ondertekenaars=tuple(self._ondertekenaars.value),
        )

    @veilig()
    def _bewaar(self, _knop=None) -> None:
        store, dossier_id = self.context.store, self.context.dossier_id
        partijen = store.partijen(dossier_id)
        afspraken = controleer_afspraken(self._lees_formulier(), self._opties, {p.id for p in partijen})
        gegevens = afspraken.als_dict()
        if gegevens == Afspraken.uit_dict(self._gegevens).als_dict() and self._versie:
            self._melding.ok("De afspraken zijn opgeslagen.")  # nothing new: no extra version
            return
        try:
            self._versie = store.bewaar_formulier(dossier_id, SLEUTEL, gegevens, self._versie)
        except GelijktijdigGewijzigd:
            self._gegevens, self._versie = store.formulier(dossier_id, SLEUTEL)
            self._toon_formulier(partijen)
            self._toon_nota(partijen)
            raise
        self._gegevens = gegevens
        self._toon_nota(partijen)  # before the rest of the page refreshes, so the nota follows at once
        self._melding.ok("De afspraken zijn opgeslagen; de concept-afsprakennota hieronder is bijgewerkt.")
        self.context.gewijzigd()


def uitleg_html(veld: str, gekozen: Keuze | None) -> str:
    if gekozen is None:
        return "<div class='wk-bron'><i>Nog niet gekozen.</i></div>"
    delen = [e(gekozen.omschrijving)] if gekozen.omschrijving else []
    if gekozen.past_bij:
        delen.append(f"<b>Past bij:</b> {e(gekozen.past_bij)}")
    if veld == "vorm" and gekozen.juridisch_bindend in _JURIDISCH:
        delen.append(f"<b>Juridisch bindend:</b> {_JURIDISCH[gekozen.juridisch_bindend]} "
                     "(algemene indicatie, geen juridisch advies)")
    return "<div class='wk-bron'>" + "<br>".join(delen) + "</div>" if delen else ""
