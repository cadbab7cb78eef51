"""Exercise 'Inspraakmogelijkheden bieden op het wijkuitvoeringsplan': what is open for inspraak, the inspraak
moments, and a log of reactions with what the team does with them → a reactienota to read, copy or download.

One versioned form (SLEUTEL ``inspraak``), saved on every change like ``afspraken.py``. Each list is edited one
row at a time (a dropdown picks the row), which keeps the number of widgets small however long the log gets.
"""

from __future__ import annotations

import base64
from contextlib import contextmanager
from datetime import date

import ipywidgets as w

from ..analysis.inspraak import (
    NOG_OPEN,
    OPEN,
    STATUS_LABELS,
    UITKOMSTEN,
    VAST,
    VORMEN,
    Inspraak,
    Moment,
    Onderdeel,
    Reactie,
    adviezen,
    bestandsnaam,
    controleer_inspraak,
    datum_tekst,
    is_open,
    lees_inspraak,
    met_rij,
    momentnaam,
    nieuw_id,
    reactienota,
    telling,
    themanaam,
    verwijder_moment,
    verwijder_onderdeel,
    verwijder_reactie,
)
from ..charts.inspraak import figuur_alt, reacties_figuur
from ..dossier import GelijktijdigGewijzigd
from .basis import Bevestiging, Melding, e, figuur_html, knop, tabel_html, veilig
from .context import WerkboekContext
from .kaart import markdown_html
from .kop import geen_dossier_html, toon_oefening

SLEUTEL = "inspraak"
NIEUW = "__nieuw__"  # dropdown value of a row that is not saved yet
_LABEL = {"description_width": "190px"}
_VELD = w.Layout(width="700px")
_VAK = w.Layout(width="700px", height="80px")
BRON = ("Bron: Wijkkompas, knooppunt 'Inspraakmogelijkheden bieden op Wijkuitvoeringsplan'; PAW, Handreiking "
        "Participatie (laat iedereen gehoord worden en koppel terug wat er met de inbreng gebeurt).")


def _kort(tekst: str, maximum: int = 60) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= maximum else tekst[: maximum - 1] + "…"


def _sectie(titel: str, uitleg: str) -> w.HTML:
    return w.HTML(f"<h4 class='wk-sectie'>{e(titel)}</h4><div>{e(uitleg)}</div>")


class InspraakOefening(w.VBox):
    """Three parts, all in one saved form: what is open, the moments, and the reaction log with the nota."""

    def __init__(self, context: WerkboekContext):
        super().__init__()
        self.add_class("wk-oefening-inspraak")
        self.context = context
        self._inspraak = Inspraak()
        self._versie = 0
        self._bijwerken = False
        self._melding = Melding()
        self._inhoud = w.VBox([
            w.HTML("Maak voor bewoners duidelijk waarover ze nog kunnen meepraten, en houd bij wat er met elke "
                   "reactie gebeurt. Alles wordt meteen opgeslagen; onderaan staat de reactienota om terug te "
                   f"koppelen.<div class='wk-bron'>{e(BRON)}</div>"),
            self._melding, *self._maak_onderdelen(), *self._maak_momenten(), *self._maak_reacties(),
        ])
        self._geen_dossier = w.HTML(geen_dossier_html())
        self.children = [self._inhoud]
        context.observe(self._herlaad, names=["dossier_id", "revisie"])
        self._herlaad()

    @contextmanager
    def _stil(self):
        """Fill fields without saving them again (nests: the outer block stays quiet too)."""
        vorige, self._bijwerken = self._bijwerken, True
        try:
            yield
        finally:
            self._bijwerken = vorige

    def _gekozen(self, toon):
        """Observer of a row picker: show the chosen row, unless we are only refilling the picker."""
        def handler(_change):
            if not self._bijwerken:
                toon()
        return handler

    # -- building the parts ---------------------------------------------------------------
    def _veld(self, widget: w.Widget, naam: str, handler) -> w.Widget:
        widget.add_class(f"wk-inspraak-{naam}")
        widget.observe(handler, names="value")
        return widget

    def _maak_onderdelen(self) -> list[w.Widget]:
        self._onderdelen_tabel = w.HTML()
        self._onderdelen_tabel.add_class("wk-inspraak-onderdelen-tabel")
        self._onderdeel_keuze = w.Dropdown(description="Onderdeel bewerken", options=[], style=_LABEL,
                                           layout=_VELD)
        self._onderdeel_keuze.add_class("wk-inspraak-onderdeel-keuze")
        self._onderdeel_keuze.observe(self._gekozen(self._toon_onderdeel), names="value")
        gewijzigd = self._onderdeel_gewijzigd
        self._onderdeel_naam = self._veld(w.Text(description="Naam van het onderdeel", continuous_update=False,
                                                 style=_LABEL, layout=_VELD), "onderdeel-naam", gewijzigd)
        self._onderdeel_status = self._veld(w.RadioButtons(
            description="Inspraak", options=[("nog niet bepaald", ""), (STATUS_LABELS[OPEN], OPEN),
                                             (STATUS_LABELS[VAST], VAST)], style=_LABEL), "onderdeel-status", gewijzigd)
        self._onderdeel_reden = self._veld(w.Textarea(
            description="Waarom ligt het vast?", continuous_update=False, style=_LABEL, layout=_VAK,
            placeholder="Verplicht als het vastligt, bijv. 'de gemeenteraad heeft in de Transitievisie Warmte al "
                        "gekozen voor een warmtenet'"), "onderdeel-reden", gewijzigd)
        self._onderdeel_nieuw = knop("Nieuw onderdeel", "wk-inspraak-onderdeel-nieuw", icon="plus")
        self._onderdeel_nieuw.on_click(lambda _k: self._kies(self._onderdeel_keuze, NIEUW))
        self._onderdeel_weg = knop("Onderdeel verwijderen", "wk-inspraak-onderdeel-verwijderen", icon="trash")
        self._onderdeel_weg.on_click(self._vraag_onderdeel_weg)
        self._onderdeel_bevestiging = Bevestiging("wk-inspraak-onderdeel-bevestiging")
        self._onderdeel_bevestiging.ja.on_click(self._verwijder_onderdeel)
        self._oneens = self._veld(w.Textarea(
            description="Als bewoners het oneens blijven", continuous_update=False, style=_LABEL,
            layout=w.Layout(width="700px", height="90px"),
            placeholder="Wat spreken jullie vooraf af? Bijv. een tweede gesprek, een onafhankelijke second opinion, "
                        "en de mogelijkheid van een zienswijze als het plan in procedure gaat (Omgevingswet)."),
            "oneens", self._oneens_gewijzigd)
        self._melding_onderdelen = Melding()
        return [
            _sectie("1. Wat staat open voor inspraak",
                    "Geef per onderdeel van het plan aan of bewoners er nog invloed op hebben. Ligt iets vast, schrijf "
                    "dan op waarom: eerlijk zijn over wat niet meer kan, wekt vertrouwen."),
            self._onderdelen_tabel, self._onderdeel_keuze, self._onderdeel_naam, self._onderdeel_status,
            self._onderdeel_reden, w.HBox([self._onderdeel_nieuw, self._onderdeel_weg]), self._onderdeel_bevestiging,
            self._oneens, self._melding_onderdelen,
        ]

    def _maak_momenten(self) -> list[w.Widget]:
        self._momenten_tabel = w.HTML()
        self._momenten_tabel.add_class("wk-inspraak-momenten-tabel")
        self._advies = w.HTML()
        self._advies.add_class("wk-inspraak-advies")
        self._moment_keuze = w.Dropdown(description="Moment bewerken", options=[], style=_LABEL, layout=_VELD)
        self._moment_keuze.add_class("wk-inspraak-moment-keuze")
        self._moment_keuze.observe(self._gekozen(self._toon_moment), names="value")
        gewijzigd = self._moment_gewijzigd
        self._moment_vorm = self._veld(w.Combobox(
            description="Vorm", options=list(VORMEN), ensure_option=False, continuous_update=False,
            placeholder="kies of typ een vorm", style=_LABEL, layout=_VELD), "moment-vorm", gewijzigd)
        self._moment_onderwerp = self._veld(w.Dropdown(description="Onderwerp", options=[("", "")], style=_LABEL,
                                                       layout=_VELD), "moment-onderwerp", gewijzigd)
        self._moment_plek = self._veld(w.Text(description="Plek in de wijk", continuous_update=False,
                                              placeholder="bijv. buurthuis De Schakel, schoolplein",
                                              style=_LABEL, layout=_VELD), "moment-plek", gewijzigd)
        self._moment_datum = self._veld(w.Text(description="Datum (JJJJ-MM-DD)", continuous_update=False,
                                               placeholder="bijv. 2026-03-14", style=_LABEL,
                                               layout=w.Layout(width="400px")), "moment-datum", gewijzigd)
        self._moment_doelgroep = self._veld(w.Text(description="Doelgroep", continuous_update=False,
                                                   placeholder="bijv. eigenaar-bewoners in de eerste buurt",
                                                   style=_LABEL, layout=_VELD), "moment-doelgroep", gewijzigd)
        self._moment_nieuw = knop("Nieuw moment", "wk-inspraak-moment-nieuw", icon="plus")
        self._moment_nieuw.on_click(lambda _k: self._kies(self._moment_keuze, NIEUW))
        self._moment_weg = knop("Moment verwijderen", "wk-inspraak-moment-verwijderen", icon="trash")
        self._moment_weg.on_click(self._vraag_moment_weg)
        self._moment_bevestiging = Bevestiging("wk-inspraak-moment-bevestiging")
        self._moment_bevestiging.ja.on_click(self._verwijder_moment)
        self._melding_momenten = Melding()
        return [
            _sectie("2. Inspraakmomenten",
                    "Kies per onderwerp een vorm die past, op een plek in de wijk zelf. Bied verschillende manieren om "
                    "te reageren, en houd het aantal momenten beperkt."),
            self._momenten_tabel, self._advies, self._moment_keuze, self._moment_vorm, self._moment_onderwerp,
            self._moment_plek, self._moment_datum, self._moment_doelgroep,
            w.HBox([self._moment_nieuw, self._moment_weg]), self._moment_bevestiging, self._melding_momenten,
        ]

    def _maak_reacties(self) -> list[w.Widget]:
        privacy = w.HTML(
            "<div class='wk-melding wk-melding-info' role='note'>ℹ <b>Privacy:</b> schrijf hier geen namen, "
            "adressen of andere gegevens waarmee je een bewoner herkent. Vat de reactie samen in je eigen woorden; "
            "de reactienota is bedoeld om te delen.</div>")
        self._filter = w.Checkbox(description="Toon alleen open reacties", indent=False)
        self._filter.add_class("wk-inspraak-filter")
        self._filter.observe(self._filter_gewijzigd, names="value")
        self._reactie_keuze = w.Dropdown(description="Reactie bewerken", options=[], style=_LABEL, layout=_VELD)
        self._reactie_keuze.add_class("wk-inspraak-reactie-keuze")
        self._reactie_keuze.observe(self._gekozen(self._toon_reactie), names="value")
        gewijzigd = self._reactie_gewijzigd
        self._samenvatting = self._veld(w.Textarea(
            description="Samenvatting (zonder namen)", continuous_update=False, style=_LABEL, layout=_VAK,
            placeholder="bijv. 'Zorgen over de kosten van de aansluiting voor huishoudens met een laag inkomen'"),
            "samenvatting", gewijzigd)
        self._thema = self._veld(w.Dropdown(description="Thema", options=[("", "")], style=_LABEL, layout=_VELD),
                                 "thema", gewijzigd)
        self._via = self._veld(w.Dropdown(description="Via welk moment", options=[("", "")], style=_LABEL,
                                          layout=_VELD), "via", gewijzigd)
        self._antwoord = self._veld(w.Textarea(
            description="Ons antwoord: wat we ermee doen", continuous_update=False, style=_LABEL, layout=_VAK,
            placeholder="Wat doen jullie met deze reactie? Bij 'niet overgenomen' is een uitleg verplicht."),
            "antwoord", gewijzigd)
        self._uitkomst = self._veld(w.Dropdown(description="Uitkomst", options=[(lbl, u) for u, lbl in UITKOMSTEN],
                                               value=NOG_OPEN, style=_LABEL, layout=w.Layout(width="450px")),
                                    "uitkomst", gewijzigd)
        self._reactie_nieuw = knop("Nieuwe reactie", "wk-inspraak-reactie-nieuw", icon="plus")
        self._reactie_nieuw.on_click(self._nieuwe_reactie)
        self._reactie_weg = knop("Reactie verwijderen", "wk-inspraak-reactie-verwijderen", icon="trash")
        self._reactie_weg.on_click(self._vraag_reactie_weg)
        self._reactie_bevestiging = Bevestiging("wk-inspraak-reactie-bevestiging")
        self._reactie_bevestiging.ja.on_click(self._verwijder_reactie)
        self._melding_reacties = Melding()
        self._stand = w.HTML()
        self._stand.add_class("wk-inspraak-stand")
        self._figuur = w.HTML()
        self._figuur.add_class("wk-inspraak-figuur")
        self._voorbeeld = w.HTML()
        self._voorbeeld.add_class("wk-inspraak-voorbeeld")
        self._markdown = w.HTML()
        self._markdown.add_class("wk-inspraak-markdown")
        self._download = w.HTML()
        self._download.add_class("wk-inspraak-download")
        return [
            _sectie("3. Reactielog",
                    "Leg elke reactie vast met wat jullie ermee doen. Zo kun je na afloop laten zien wat er met de "
                    "inbreng is gebeurd."),
            privacy, self._filter, self._reactie_keuze, self._samenvatting, self._thema, self._via, self._antwoord,
            self._uitkomst, w.HBox([self._reactie_nieuw, self._reactie_weg]), self._reactie_bevestiging,
            self._melding_reacties, self._stand, self._figuur,
            w.HTML("<h4>Reactienota</h4>"), self._download, self._voorbeeld, self._markdown,
        ]

    # -- loading and showing ----------------------------------------------------------------
    @veilig()
    def _herlaad(self, change=None) -> None:
        if not toon_oefening(self):
            return
        nieuw_dossier = change is None or change["name"] == "dossier_id"
        if nieuw_dossier:
            for melding in (self._melding, self._melding_onderdelen, self._melding_momenten, self._melding_reacties):
                melding.wis()
        gegevens, versie = self.context.store.formulier(self.context.dossier_id, SLEUTEL)
        if nieuw_dossier or versie != self._versie:  # same version: keep what a user is correcting
            self._inspraak, self._versie = lees_inspraak(gegevens), versie
            self._toon_alles()

    def _toon_alles(self) -> None:
        for bevestiging in (self._onderdeel_bevestiging, self._moment_bevestiging, self._reactie_bevestiging):
            bevestiging.verberg()
        with self._stil():
            self._oneens.value = self._inspraak.oneens
        self._toon_keuzelijsten()
        self._toon_onderdeel()
        self._toon_moment()
        self._toon_reactie()
        self._toon_overzicht()

    def _kies(self, keuzelijst: w.Dropdown, waarde: str) -> None:
        keuzelijst.value = waarde  # its observer fills the fields

    @staticmethod
    def _zet_opties(keuzelijst: w.Dropdown, opties: list[tuple[str, str]], voorkeur: str) -> None:
        """New options without losing the choice (or ``voorkeur`` when the old one is gone)."""
        huidig = keuzelijst.value
        waarden = [waarde for _label, waarde in opties]
        if list(keuzelijst.options) != opties:
            keuzelijst.options = opties  # ipywidgets selects the first option here; put the choice back
        keuzelijst.value = huidig if huidig in waarden else voorkeur

    def _toon_keuzelijsten(self, *, houd_vast: bool = True) -> None:
        """The row pickers and the lists that name parts or moments, after every change of the form. A row
        being edited keeps its (perhaps not yet accepted) input unless its picker had to move; with the filter on
        it stays in the list while it is edited (``houd_vast``), even when it is no longer open."""
        inspraak = self._inspraak
        kiezers = {self._onderdeel_keuze: self._toon_onderdeel, self._moment_keuze: self._toon_moment,
                   self._reactie_keuze: self._toon_reactie}
        voor = {kiezer: kiezer.value for kiezer in kiezers}
        with self._stil():
            onderdelen = [(o.naam, o.id) for o in inspraak.onderdelen]
            self._zet_opties(self._onderdeel_keuze, [*onderdelen, ("(nieuw onderdeel)", NIEUW)],
                             onderdelen[0][1] if onderdelen else NIEUW)
            momenten = [(f"{nr}. {momentnaam(inspraak, m.id)}", m.id) for nr, m in enumerate(inspraak.momenten, 1)]
            self._zet_opties(self._moment_keuze, [*momenten, ("(nieuw moment)", NIEUW)],
                             momenten[0][1] if momenten else NIEUW)
            onderwerpen = [(f"{o.naam} ({STATUS_LABELS[o.status]})" if o.status else o.naam, o.id)
                           for o in inspraak.onderdelen]
            self._zet_opties(self._moment_onderwerp, [("— meerdere of nog niet gekozen —", ""), *onderwerpen], "")
            self._zet_opties(self._thema, [("— geen onderdeel —", ""), *onderdelen], "")
            self._zet_opties(self._via, [("— onbekend of buiten een moment —", ""), *momenten], "")
            gekozen = self._reactie_keuze.value
            reacties = [
                (f"{nr}. {_kort(r.samenvatting)} — {'nog open' if is_open(r) else dict(UITKOMSTEN)[r.uitkomst]}",
                 r.id)
                for nr, r in enumerate(inspraak.reacties, 1)
                if not self._filter.value or is_open(r) or (houd_vast and r.id == gekozen)
            ]
            self._zet_opties(self._reactie_keuze, [*reacties, ("(nieuwe reactie)", NIEUW)],
                             reacties[0][1] if reacties else NIEUW)
        for kiezer, toon in kiezers.items():
            if kiezer.value != voor[kiezer]:
                toon()

    def _filter_gewijzigd(self, _change=None) -> None:
        self._toon_keuzelijsten(houd_vast=False)
        if self._filter.value and not any(is_open(r) for r in self._inspraak.reacties):
            self._melding_reacties.info("Er zijn geen open reacties meer.")

    def _toon_onderdeel(self) -> None:
        onderdeel = self._inspraak.onderdeel(self._onderdeel_keuze.value) or Onderdeel("", "")
        with self._stil():
            self._onderdeel_naam.value = onderdeel.naam
            self._onderdeel_status.value = onderdeel.status
            self._onderdeel_reden.value = onderdeel.reden
        self._onderdeel_weg.disabled = not onderdeel.id
        self._onderdeel_bevestiging.verberg()

    def _toon_moment(self) -> None:
        moment = self._inspraak.moment(self._moment_keuze.value) or Moment("")
        with self._stil():
            self._moment_vorm.value = moment.vorm
            self._moment_onderwerp.value = moment.onderdeel
            self._moment_plek.value = moment.plek
            self._moment_datum.value = moment.datum
            self._moment_doelgroep.value = moment.doelgroep
        self._moment_weg.disabled = not moment.id
        self._moment_bevestiging.verberg()

    def _reactie(self, reactie_id: str) -> Reactie | None:
        return next((r for r in self._inspraak.reacties if r.id == reactie_id), None)

    def _toon_reactie(self) -> None:
        reactie = self._reactie(self._reactie_keuze.value) or Reactie("")
        with self._stil():
            self._samenvatting.value = reactie.samenvatting
            self._thema.value = reactie.onderdeel
            self._via.value = reactie.moment
            self._antwoord.value = reactie.antwoord
            self._uitkomst.value = reactie.uitkomst
        self._reactie_weg.disabled = not reactie.id
        self._reactie_bevestiging.verberg()

    def _toon_overzicht(self) -> None:
        """Tables, advice, counts, chart and nota: all from the saved form, never from unsaved input."""
        inspraak = self._inspraak
        self._onderdelen_tabel.value = tabel_html(
            ["Onderdeel van het plan", "Inspraak", "Waarom het vastligt"],
            [[o.naam, STATUS_LABELS.get(o.status, "nog niet bepaald"), o.reden or "–"] for o in inspraak.onderdelen],
        ) if inspraak.onderdelen else "<div class='wk-bron'><i>Nog geen onderdelen; voeg er een toe.</i></div>"
        if inspraak.momenten:
            self._momenten_tabel.value = tabel_html(
                ["Nr.", "Vorm", "Onderwerp", "Plek", "Datum", "Doelgroep"],
                [[nr, m.vorm, themanaam(inspraak, m.onderdeel) if m.onderdeel else "meerdere of nog niet gekozen",
                  m.plek or "–", datum_tekst(m.datum) or "–", m.doelgroep or "–"]
                 for nr, m in enumerate(inspraak.momenten, 1)])
        else:
            self._momenten_tabel.value = "<div class='wk-bron'><i>Nog geen inspraakmomenten gepland.</i></div>"
        tips = adviezen(inspraak)
        self._advies.value = (
            "<div class='wk-strategie-hints' role='note'><b>⚑ Let op</b><ul>"
            + "".join(f"<li>{e(tip)}</li>" for tip in tips) + "</ul></div>") if tips else ""
        self._toon_reacties_overzicht()

    def _toon_reacties_overzicht(self) -> None:
        inspraak = self._inspraak
        tel = telling(inspraak)
        open_ = sum(1 for r in inspraak.reacties if is_open(r))
        if tel:
            rijen = [[thema, *(aantallen[u] for u, _l in UITKOMSTEN), sum(aantallen.values())]
                     for thema, aantallen in tel.items()]
            self._stand.value = (
                f"<p><b>Nog open: {open_} van {len(inspraak.reacties)}</b> "
                "<span class='wk-bron'>(nog geen uitkomst of nog geen antwoord)</span></p>"
                + tabel_html(["Thema", *(label for _u, label in UITKOMSTEN), "Totaal"], rijen,
                             "wk-inspraak-telling"))
            self._figuur.value = figuur_html(reacties_figuur(tel), figuur_alt(tel))
        else:
            self._stand.value = "<div class='wk-bron'><i>Nog geen reacties vastgelegd.</i></div>"
            self._figuur.value = ""
        dossier = self.context.store.dossier(self.context.dossier_id)
        tekst = reactienota(inspraak, dossier.wijk or dossier.naam, date.today())
        self._voorbeeld.value = (
            "<style>.wk-nota h1 { font-size: 1.3em; } .wk-nota h2 { font-size: 1.1em; }</style>"
            "<div class='wk-kaart wk-nota' role='document' aria-label='Voorbeeld van de reactienota'>"
            f"{markdown_html(tekst)}</div>"
        )
        vak_id = f"wk-reactienota-md-{id(self)}"
        self._markdown.value = (
            f"<label for='{vak_id}'><b>Markdown om te kopiëren</b></label> <span class='wk-bron'>(klik in het vak, "
            "kies Ctrl+A en dan Ctrl+C)</span><br>"
            f"<textarea id='{vak_id}' readonly rows='12' style='width: 720px; font-family: monospace;'>"
            f"{e(tekst)}</textarea>"
        )
        data = base64.b64encode(tekst.encode("utf-8")).decode("ascii")
        self._download.value = (
            f"<a download=\"{e(bestandsnaam(dossier))}\" href=\"data:text/markdown;charset=utf-8;base64,{data}\" "
            "class='wk-download'>⬇ Download de reactienota als Markdown (.md)</a>"
        )

    # -- saving ---------------------------------------------------------------------------
    def _bewaar(self, kandidaat: Inspraak, melding: Melding, tekst: str) -> Inspraak:
        """Check and save the whole form as one new version; on a conflict show the newest and re-raise."""
        schoon = controleer_inspraak(kandidaat)
        store, dossier_id = self.context.store, self.context.dossier_id
        if schoon.als_dict() == self._inspraak.als_dict() and self._versie:
            melding.ok(tekst)  # nothing new: no extra version
            return schoon
        try:
            self._versie = store.bewaar_formulier(dossier_id, SLEUTEL, schoon.als_dict(), self._versie)
        except GelijktijdigGewijzigd:
            gegevens, self._versie = store.formulier(dossier_id, SLEUTEL)
            self._inspraak = lees_inspraak(gegevens)
            self._toon_alles()
            raise
        self._inspraak = schoon
        self._toon_keuzelijsten()
        self._toon_overzicht()
        melding.ok(tekst)
        self.context.gewijzigd()
        return schoon

    @veilig("_melding_onderdelen")
    def _onderdeel_gewijzigd(self, _change=None) -> None:
        if self._bijwerken:
            return
        gekozen = self._onderdeel_keuze.value
        if gekozen == NIEUW and not self._onderdeel_naam.value.strip():
            self._melding_onderdelen.info("Geef het nieuwe onderdeel een naam; dan wordt het opgeslagen.")
            return
        rij = Onderdeel(nieuw_id("o") if gekozen == NIEUW else gekozen, self._onderdeel_naam.value,
                        self._onderdeel_status.value or "", self._onderdeel_reden.value)
        self._bewaar(met_rij(self._inspraak, rij), self._melding_onderdelen, "Onderdeel opgeslagen.")
        if gekozen == NIEUW:
            self._kies(self._onderdeel_keuze, rij.id)

    @veilig("_melding_onderdelen")
    def _oneens_gewijzigd(self, _change=None) -> None:
        if self._bijwerken:
            return
        kandidaat = Inspraak(self._inspraak.onderdelen, self._oneens.value, self._inspraak.momenten,
                             self._inspraak.reacties)
        self._bewaar(kandidaat, self._melding_onderdelen, "De afspraak over bewoners die het oneens blijven is "
                                                          "opgeslagen.")

    @veilig("_melding_momenten")
    def _moment_gewijzigd(self, _change=None) -> None:
        if self._bijwerken:
            return
        gekozen = self._moment_keuze.value
        if gekozen == NIEUW and not self._moment_vorm.value.strip():
            self._melding_momenten.info("Kies of typ eerst de vorm van het nieuwe moment; dan wordt het opgeslagen.")
            return
        rij = Moment(nieuw_id("m") if gekozen == NIEUW else gekozen, self._moment_vorm.value,
                     self._moment_onderwerp.value or "", self._moment_plek.value, self._moment_datum.value,
                     self._moment_doelgroep.value)
        self._bewaar(met_rij(self._inspraak, rij), self._melding_momenten, "Inspraakmoment opgeslagen.")
        if gekozen == NIEUW:
            self._kies(self._moment_keuze, rij.id)

    @veilig("_melding_reacties")
    def _reactie_gewijzigd(self, _change=None) -> None:
        if self._bijwerken:
            return
        gekozen = self._reactie_keuze.value
        if gekozen == NIEUW and not self._samenvatting.value.strip():
            self._melding_reacties.info("Vat eerst de reactie samen; dan wordt ze opgeslagen.")
            return
        rij = Reactie(nieuw_id("r") if gekozen == NIEUW else gekozen, self._samenvatting.value,
                      self._thema.value or "", self._via.value or "", self._antwoord.value,
                      self._uitkomst.value or NOG_OPEN)
        self._bewaar(met_rij(self._inspraak, rij), self._melding_reacties, "Reactie opgeslagen.")
        if gekozen == NIEUW:
            self._kies(self._reactie_keuze, rij.id)

    @veilig("_melding_reacties")
    def _nieuwe_reactie(self, _knop=None) -> None:
        self._kies(self._reactie_keuze, NIEUW)
        self._melding_reacties.info("Vat de nieuwe reactie samen; ze wordt opgeslagen zodra je het vak verlaat.")

    # -- deleting -------------------------------------------------------------------------
    @veilig("_melding_onderdelen")
    def _vraag_onderdeel_weg(self, _knop=None) -> None:
        onderdeel = self._inspraak.onderdeel(self._onderdeel_keuze.value)
        if onderdeel is None:
            return
        momenten = sum(1 for m in self._inspraak.momenten if m.onderdeel == onderdeel.id)
        reacties = sum(1 for r in self._inspraak.reacties if r.onderdeel == onderdeel.id)
        gevolg = (f" {momenten} moment(en) en {reacties} reactie(s) gaan hierover; die blijven bewaard, zonder "
                  "onderwerp." if momenten or reacties else "")
        self._onderdeel_bevestiging.vraag(f"Onderdeel <b>{e(onderdeel.naam)}</b> verwijderen?{e(gevolg)}")

    @veilig("_melding_onderdelen")
    def _verwijder_onderdeel(self, _knop=None) -> None:
        self._onderdeel_bevestiging.verberg()
        onderdeel = self._inspraak.onderdeel(self._onderdeel_keuze.value)
        if onderdeel is None:
            return
        self._bewaar(verwijder_onderdeel(self._inspraak, onderdeel.id), self._melding_onderdelen,
                     f"Onderdeel '{onderdeel.naam}' is verwijderd.")
        self._toon_onderdeel()

    @veilig("_melding_momenten")
    def _vraag_moment_weg(self, _knop=None) -> None:
        moment = self._inspraak.moment(self._moment_keuze.value)
        if moment is None:
            return
        reacties = sum(1 for r in self._inspraak.reacties if r.moment == moment.id)
        gevolg = f" {reacties} reactie(s) kwamen via dit moment; die blijven bewaard." if reacties else ""
        self._moment_bevestiging.vraag(
            f"Moment <b>{e(momentnaam(self._inspraak, moment.id))}</b> verwijderen?{e(gevolg)}")

    @veilig("_melding_momenten")
    def _verwijder_moment(self, _knop=None) -> None:
        self._moment_bevestiging.verberg()
        moment = self._inspraak.moment(self._moment_keuze.value)
        if moment is None:
            return
        self._bewaar(verwijder_moment(self._inspraak, moment.id), self._melding_momenten,
                     "Het inspraakmoment is verwijderd.")
        self._toon_moment()

    @veilig("_melding_reacties")
    def _vraag_reactie_weg(self, _knop=None) -> None:
        reactie = self._reactie(self._reactie_keuze.value)
        if reactie is None:
            return
        self._reactie_bevestiging.vraag(f"Reactie <b>{e(_kort(reactie.samenvatting))}</b> verwijderen?")

    @veilig("_melding_reacties")
    def _verwijder_reactie(self, _knop=None) -> None:
        self._reactie_bevestiging.verberg()
        reactie = self._reactie(self._reactie_keuze.value)
        if reactie is None:
            return
        self._bewaar(verwijder_reactie(self._inspraak, reactie.id), self._melding_reacties,
                     "De reactie is verwijderd.")
        self._toon_reactie()
