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
from ..dossier import GelijktijdigGewijzigd, Partij, formulieren
from .basis import e, veilig
from .context import WerkboekContext
from .formulier import FormulierOefening
from .kaart import markdown_html

_GEEN_KEUZE = "— nog niet gekozen —"
_JURIDISCH = {True: "ja", False: "nee", "deels": "deels"}
_LABEL = {"description_width": "230px"}  # long labels such as 'Mandaat van het projectteam'


class AfsprakenOefening(FormulierOefening):
    """The agreements as one versioned form: every change is saved at once (and 'Afspraken opslaan'
    saves too); the draft nota below is built from what is saved, never from unsaved input."""

    KLASSE = "wk-oefening-afspraken"
    SLEUTEL = formulieren.AFSPRAKEN
    # The signatories come from the parties, and the nota names the regierol: both change elsewhere on the page.
    VERVERS_BIJ = ("dossier_id", "revisie")

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        self._opties = context.inhoud.fase1.samenwerking
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
            uitleg.add_class(f"wk-afspraken-{veld}-uitleg")
            keuzelijst.observe(lambda _change, veld=veld: self._toon_uitleg(veld), names="value")
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
        for veld in (*self._keuzes.values(), self._mandaat, self._overig, self._ondertekenaars):
            self.bij_wijziging(veld, lambda _waarde: self._bewaar())
        self.inhoud.children = [
            *onderdelen, self._mandaat, self._overig, self._ondertekenaars, self._ondertekenaars_hint,
            self._opslaan, self._melding,
            w.HTML("<h4>Concept-afsprakennota</h4>"), self._download, self._voorbeeld, self._markdown,
            w.HTML(f"<div class='wk-bron'>Bron: {e(self._opties.bron)}</div>"),
        ]
        self._opslaan.on_click(self._bewaar)
        self.start()

    # -- loading --------------------------------------------------------------------------
    def laad(self, dossier_gewisseld: bool = True) -> None:
        if dossier_gewisseld:
            self._melding.wis()
        versie = self._formulier.versie
        self._formulier.laad()
        partijen = self.context.store.partijen(self.context.dossier_id)
        # Same version: only the list of parties may have changed; text a user is correcting stays.
        self._toon_formulier(partijen, velden=dossier_gewisseld or self._formulier.versie != versie)
        self._toon_nota(partijen)

    def _toon(self, gegevens: dict) -> None:
        partijen = self.context.store.partijen(self.context.dossier_id)
        self._toon_formulier(partijen)
        self._toon_nota(partijen)

    def _toon_formulier(self, partijen: list[Partij], *, velden: bool = True) -> None:
        """Show the saved form (and the current parties) without saving it again."""
        afspraken = Afspraken.uit_dict(self.gegevens)
        if velden:
            for veld, keuzelijst in self._keuzes.items():
                waarde = getattr(afspraken, veld)
                self.toon(keuzelijst, waarde if waarde in [v for _label, v in keuzelijst.options] else "")
            self.toon(self._mandaat, afspraken.mandaat)
            self.toon(self._overig, afspraken.overig)
        opties = [(p.naam, p.id) for p in partijen]
        bestaand = {p.id for p in partijen}
        self.toon(self._ondertekenaars, tuple(i for i in afspraken.ondertekenaars if i in bestaand), opties=opties)
        self._ondertekenaars.rows = min(max(len(opties), 2), 8)
        for veld in self._keuzes:
            self._toon_uitleg(veld)
        self._ondertekenaars_hint.value = "<div class='wk-bron' style='margin-left: 238px'>" + (
            "Kies de partijen die de afspraken ondertekenen (Ctrl of Cmd ingedrukt houden om er meer te kiezen)."
            if partijen else "Nog geen partijen in het dossier; voeg ze toe bij 'De juiste partijen aan tafel'."
        ) + "</div>"

    def _toon_uitleg(self, veld: str) -> None:
        gekozen = keuze(self._opties, veld, self._keuzes[veld].value or None)
        self._uitleg[veld].value = uitleg_html(veld, gekozen)

    def _toon_nota(self, partijen: list[Partij]) -> None:
        store, dossier_id = self.context.store, self.context.dossier_id
        regierol, _versie = store.formulier(dossier_id, formulieren.REGIEROL)
        dossier = store.dossier(dossier_id)
        tekst = afsprakennota(dossier, partijen, Afspraken.uit_dict(self.gegevens), regierol, self.context.inhoud,
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
    def _lees_formulier(self) -> Afspraken:
        return Afspraken(
            **{veld: keuzelijst.value or None for veld, keuzelijst in self._keuzes.items()},
            mandaat=self._mandaat.value, overig=self._overig.value,
            ondertekenaars=tuple(self._ondertekenaars.value),
        )

    @veilig()
    def _bewaar(self, _knop=None) -> None:
        partijen = self.context.store.partijen(self.context.dossier_id)
        afspraken = controleer_afspraken(self._lees_formulier(), self._opties, {p.id for p in partijen})
        gegevens = afspraken.als_dict()
        if gegevens == Afspraken.uit_dict(self.gegevens).als_dict() and self._formulier.versie:
            self._melding.ok("De afspraken zijn opgeslagen.")  # nothing new: no extra version
            return
        try:
            self._formulier.bewaar(gegevens)
        except GelijktijdigGewijzigd:
            self._toon_formulier(partijen)  # the colleague's version
            self._toon_nota(partijen)
            raise
        self._toon_nota(partijen)  # before the rest of the page refreshes, so the nota follows at once
        self.bewaard("De afspraken zijn opgeslagen; de concept-afsprakennota hieronder is bijgewerkt.")


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
