"""Exercise 'Inspraakmogelijkheden bieden op het wijkuitvoeringsplan': what is open for inspraak, the inspraak
moments, and a log of reactions with what the team does with them → a reactienota to read, copy or download.

One versioned form (``formulieren.INSPRAAK``), checked as a whole and saved on every change. Each of the three
parts (``Onderdelen``, ``Momenten``, ``Reacties``) edits its list one row at a time (a dropdown picks the row), which
keeps the number of widgets small however long the log gets. The tables and the nota come from
``leesmodel.inspraak``, which the Word report uses too.
"""

from __future__ import annotations

import base64

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
    is_open,
    lees_inspraak,
    met_rij,
    momentnaam,
    nieuw_id,
    telling,
    verwijder_moment,
    verwijder_onderdeel,
    verwijder_reactie,
)
from ..charts.inspraak import figuur_alt, reacties_figuur
from ..dossier import GelijktijdigGewijzigd, formulieren
from ..leesmodel import inspraak as lees
from .basis import Bevestiging, Melding, e, figuur_html, knop, tabel_html, veilig
from .context import WerkboekContext
from .formulier import FormulierOefening
from .kaart import markdown_html

SLEUTEL = formulieren.INSPRAAK
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


def _html(klasse: str) -> w.HTML:
    veld = w.HTML()
    veld.add_class(klasse)
    return veld


class _Deel(w.VBox):
    """One part of the form: a list edited one row at a time, with its own message line and a confirmation
    before a row is deleted. Saving goes through the exercise, which keeps the form."""

    def __init__(self, oefening: InspraakOefening, keuze: w.Dropdown, klasse: str):
        super().__init__()
        self.oefening = oefening
        self._melding = Melding()
        self.keuze = keuze
        keuze.add_class(f"wk-inspraak-{klasse}-keuze")
        oefening.bij_wijziging(keuze, lambda _waarde: self.toon_rij())
        self.bevestiging = Bevestiging(f"wk-inspraak-{klasse}-bevestiging")
        self.bevestiging.add_class(f"wk-inspraak-{klasse}-bevestiging")
        self.add_class(f"wk-inspraak-deel-{klasse}")

    @property
    def inspraak(self) -> Inspraak:
        return self.oefening.inspraak

    def veld(self, widget: w.Widget, naam: str, actie) -> w.Widget:
        """A field of the row with its stable class; a person's change saves it (``actie``)."""
        widget.add_class(f"wk-inspraak-{naam}")
        self.oefening.bij_wijziging(widget, lambda _waarde: actie())
        return widget

    def toon(self, veld: w.ValueWidget, waarde) -> None:
        self.oefening.toon(veld, waarde)

    def zet_opties(self, keuzelijst: w.Dropdown, opties: list[tuple[str, str]], voorkeur: str) -> None:
        """New options without losing the choice (or ``voorkeur`` when the old one is gone)."""
        huidig = keuzelijst.value
        self.oefening.toon(keuzelijst, huidig if huidig in [waarde for _label, waarde in opties] else voorkeur,
                           opties)

    def vul_keuzes(self, houd_vast: bool = True) -> None:
        """The row picker (and lists naming other parts) after a change of the form; the row being edited keeps
        its (perhaps not yet accepted) input unless its picker had to move."""
        voor = self.keuze.value
        self._vul_keuzes(houd_vast)
        if self.keuze.value != voor:
            self.toon_rij()

    def wis(self) -> None:
        self._melding.wis()

    def kies(self, waarde: str) -> None:
        self.oefening.toon(self.keuze, waarde)
        self.toon_rij()

    def bewaar(self, kandidaat: Inspraak, tekst: str) -> None:
        self.oefening.bewaar(kandidaat, self._melding, tekst)

    def _vul_keuzes(self, houd_vast: bool) -> None:
        raise NotImplementedError

    def toon_rij(self) -> None:
        raise NotImplementedError

    def toon_overzicht(self) -> None:
        raise NotImplementedError


class Onderdelen(_Deel):
    """1. What is open for inspraak, with the reason when something is fixed, and the agreement for disagreement."""

    def __init__(self, oefening: InspraakOefening):
        super().__init__(oefening, w.Dropdown(description="Onderdeel bewerken", options=[], style=_LABEL,
                                              layout=_VELD), "onderdeel")
        self.tabel = _html("wk-inspraak-onderdelen-tabel")
        self.naam = self.veld(w.Text(description="Naam van het onderdeel", continuous_update=False, style=_LABEL,
                                     layout=_VELD), "onderdeel-naam", self._gewijzigd)
        self.status = self.veld(w.RadioButtons(
            description="Inspraak", options=[("nog niet bepaald", ""), (STATUS_LABELS[OPEN], OPEN),
                                             (STATUS_LABELS[VAST], VAST)], style=_LABEL),
            "onderdeel-status", self._gewijzigd)
        self.reden = self.veld(w.Textarea(
            description="Waarom ligt het vast?", continuous_update=False, style=_LABEL, layout=_VAK,
            placeholder="Verplicht als het vastligt, bijv. 'de gemeenteraad heeft in de Transitievisie Warmte al "
                        "gekozen voor een warmtenet'"), "onderdeel-reden", self._gewijzigd)
        nieuw = knop("Nieuw onderdeel", "wk-inspraak-onderdeel-nieuw", icon="plus")
        nieuw.on_click(lambda _k: self.kies(NIEUW))
        self.weg = knop("Onderdeel verwijderen", "wk-inspraak-onderdeel-verwijderen", icon="trash")
        self.weg.on_click(self._vraag_weg)
        self.bevestiging.ja.on_click(self._verwijder)
        self.oneens = self.veld(w.Textarea(
            description="Als bewoners het oneens blijven", continuous_update=False, style=_LABEL,
            layout=w.Layout(width="700px", height="90px"),
            placeholder="Wat spreken jullie vooraf af? Bijv. een tweede gesprek, een onafhankelijke second opinion, "
                        "en de mogelijkheid van een zienswijze als het plan in procedure gaat (Omgevingswet)."),
            "oneens", self._oneens_gewijzigd)
        self.children = [
            _sectie("1. Wat staat open voor inspraak",
                    "Geef per onderdeel van het plan aan of bewoners er nog invloed op hebben. Ligt iets vast, schrijf "
                    "dan op waarom: eerlijk zijn over wat niet meer kan, wekt vertrouwen."),
            self.tabel, self.keuze, self.naam, self.status, self.reden, w.HBox([nieuw, self.weg]), self.bevestiging,
            self.oneens, self._melding,
        ]

    def _vul_keuzes(self, houd_vast: bool) -> None:
        onderdelen = [(o.naam, o.id) for o in self.inspraak.onderdelen]
        self.zet_opties(self.keuze, [*onderdelen, ("(nieuw onderdeel)", NIEUW)],
                        onderdelen[0][1] if onderdelen else NIEUW)

    def toon_rij(self) -> None:
        onderdeel = self.inspraak.onderdeel(self.keuze.value) or Onderdeel("", "")
        self.toon(self.naam, onderdeel.naam)
        self.toon(self.status, onderdeel.status)
        self.toon(self.reden, onderdeel.reden)
        self.weg.disabled = not onderdeel.id
        self.bevestiging.verberg()

    def toon_oneens(self) -> None:
        self.toon(self.oneens, self.inspraak.oneens)

    def toon_overzicht(self) -> None:
        self.tabel.value = tabel_html(lees.ONDERDELEN_KOPPEN, lees.onderdeel_rijen(self.inspraak)) if (
            self.inspraak.onderdelen) else "<div class='wk-bron'><i>Nog geen onderdelen; voeg er een toe.</i></div>"

    @veilig()
    def _gewijzigd(self) -> None:
        gekozen = self.keuze.value
        if gekozen == NIEUW and not self.naam.value.strip():
            self._melding.info("Geef het nieuwe onderdeel een naam; dan wordt het opgeslagen.")
            return
        rij = Onderdeel(nieuw_id("o") if gekozen == NIEUW else gekozen, self.naam.value, self.status.value or "",
                        self.reden.value)
        self.bewaar(met_rij(self.inspraak, rij), "Onderdeel opgeslagen.")
        if gekozen == NIEUW:
            self.kies(rij.id)

    @veilig()
    def _oneens_gewijzigd(self) -> None:
        inspraak = self.inspraak
        self.bewaar(Inspraak(inspraak.onderdelen, self.oneens.value, inspraak.momenten, inspraak.reacties),
                    "De afspraak over bewoners die het oneens blijven is opgeslagen.")

    @veilig()
    def _vraag_weg(self, _knop=None) -> None:
        onderdeel = self.inspraak.onderdeel(self.keuze.value)
        if onderdeel is None:
            return
        momenten = sum(1 for m in self.inspraak.momenten if m.onderdeel == onderdeel.id)
        reacties = sum(1 for r in self.inspraak.reacties if r.onderdeel == onderdeel.id)
        gevolg = (f" {momenten} moment(en) en {reacties} reactie(s) gaan hierover; die blijven bewaard, zonder "
                  "onderwerp." if momenten or reacties else "")
        self.bevestiging.vraag(f"Onderdeel <b>{e(onderdeel.naam)}</b> verwijderen?{e(gevolg)}")

    @veilig()
    def _verwijder(self, _knop=None) -> None:
        self.bevestiging.verberg()
        onderdeel = self.inspraak.onderdeel(self.keuze.value)
        if onderdeel is None:
            return
        self.bewaar(verwijder_onderdeel(self.inspraak, onderdeel.id), f"Onderdeel '{onderdeel.naam}' is verwijderd.")
        self.toon_rij()


class Momenten(_Deel):
    """2. The inspraak moments: form, subject, place, date and audience, with advice on the whole set."""

    def __init__(self, oefening: InspraakOefening):
        super().__init__(oefening, w.Dropdown(description="Moment bewerken", options=[], style=_LABEL,
                                              layout=_VELD), "moment")
        self.tabel = _html("wk-inspraak-momenten-tabel")
        self.advies = _html("wk-inspraak-advies")
        gewijzigd = self._gewijzigd
        self.vorm = self.veld(w.Combobox(
            description="Vorm", options=list(VORMEN), ensure_option=False, continuous_update=False,
            placeholder="kies of typ een vorm", style=_LABEL, layout=_VELD), "moment-vorm", gewijzigd)
        self.onderwerp = self.veld(w.Dropdown(description="Onderwerp", options=[("", "")], style=_LABEL,
                                              layout=_VELD), "moment-onderwerp", gewijzigd)
        self.plek = self.veld(w.Text(description="Plek in de wijk", continuous_update=False,
                                     placeholder="bijv. buurthuis De Schakel, schoolplein", style=_LABEL,
                                     layout=_VELD), "moment-plek", gewijzigd)
        self.datum = self.veld(w.Text(description="Datum (JJJJ-MM-DD)", continuous_update=False,
                                      placeholder="bijv. 2026-03-14", style=_LABEL, layout=w.Layout(width="400px")),
                               "moment-datum", gewijzigd)
        self.doelgroep = self.veld(w.Text(description="Doelgroep", continuous_update=False,
                                          placeholder="bijv. eigenaar-bewoners in de eerste buurt", style=_LABEL,
                                          layout=_VELD), "moment-doelgroep", gewijzigd)
        nieuw = knop("Nieuw moment", "wk-inspraak-moment-nieuw", icon="plus")
        nieuw.on_click(lambda _k: self.kies(NIEUW))
        self.weg = knop("Moment verwijderen", "wk-inspraak-moment-verwijderen", icon="trash")
        self.weg.on_click(self._vraag_weg)
        self.bevestiging.ja.on_click(self._verwijder)
        self.children = [
            _sectie("2. Inspraakmomenten",
                    "Kies per onderwerp een vorm die past, op een plek in de wijk zelf. Bied verschillende manieren om "
                    "te reageren, en houd het aantal momenten beperkt."),
            self.tabel, self.advies, self.keuze, self.vorm, self.onderwerp, self.plek, self.datum, self.doelgroep,
            w.HBox([nieuw, self.weg]), self.bevestiging, self._melding,
        ]

    def _vul_keuzes(self, houd_vast: bool) -> None:
        inspraak = self.inspraak
        momenten = [(f"{nr}. {momentnaam(inspraak, m.id)}", m.id) for nr, m in enumerate(inspraak.momenten, 1)]
        self.zet_opties(self.keuze, [*momenten, ("(nieuw moment)", NIEUW)], momenten[0][1] if momenten else NIEUW)
        onderwerpen = [(f"{o.naam} ({STATUS_LABELS[o.status]})" if o.status else o.naam, o.id)
                       for o in inspraak.onderdelen]
        self.zet_opties(self.onderwerp, [("— meerdere of nog niet gekozen —", ""), *onderwerpen], "")

    def toon_rij(self) -> None:
        moment = self.inspraak.moment(self.keuze.value) or Moment("")
        self.toon(self.vorm, moment.vorm)
        self.toon(self.onderwerp, moment.onderdeel)
        self.toon(self.plek, moment.plek)
        self.toon(self.datum, moment.datum)
        self.toon(self.doelgroep, moment.doelgroep)
        self.weg.disabled = not moment.id
        self.bevestiging.verberg()

    def toon_overzicht(self) -> None:
        inspraak = self.inspraak
        self.tabel.value = tabel_html(lees.MOMENTEN_KOPPEN, lees.moment_rijen(inspraak)) if inspraak.momenten else (
            "<div class='wk-bron'><i>Nog geen inspraakmomenten gepland.</i></div>")
        tips = adviezen(inspraak)
        self.advies.value = ("<div class='wk-strategie-hints' role='note'><b>⚑ Let op</b><ul>"
                             + "".join(f"<li>{e(tip)}</li>" for tip in tips) + "</ul></div>") if tips else ""

    @veilig()
    def _gewijzigd(self) -> None:
        gekozen = self.keuze.value
        if gekozen == NIEUW and not self.vorm.value.strip():
            self._melding.info("Kies of typ eerst de vorm van het nieuwe moment; dan wordt het opgeslagen.")
            return
        rij = Moment(nieuw_id("m") if gekozen == NIEUW else gekozen, self.vorm.value, self.onderwerp.value or "",
                     self.plek.value, self.datum.value, self.doelgroep.value)
        self.bewaar(met_rij(self.inspraak, rij), "Inspraakmoment opgeslagen.")
        if gekozen == NIEUW:
            self.kies(rij.id)

    @veilig()
    def _vraag_weg(self, _knop=None) -> None:
        moment = self.inspraak.moment(self.keuze.value)
        if moment is None:
            return
        reacties = sum(1 for r in self.inspraak.reacties if r.moment == moment.id)
        gevolg = f" {reacties} reactie(s) kwamen via dit moment; die blijven bewaard." if reacties else ""
        self.bevestiging.vraag(f"Moment <b>{e(momentnaam(self.inspraak, moment.id))}</b> verwijderen?{e(gevolg)}")

    @veilig()
    def _verwijder(self, _knop=None) -> None:
        self.bevestiging.verberg()
        moment = self.inspraak.moment(self.keuze.value)
        if moment is None:
            return
        self.bewaar(verwijder_moment(self.inspraak, moment.id), "Het inspraakmoment is verwijderd.")
        self.toon_rij()


class Reacties(_Deel):
    """3. The reaction log with what the team does with each reaction, the count per thema and the nota."""

    def __init__(self, oefening: InspraakOefening):
        super().__init__(oefening, w.Dropdown(description="Reactie bewerken", options=[], style=_LABEL,
                                              layout=_VELD), "reactie")
        privacy = w.HTML(
            "<div class='wk-melding wk-melding-info' role='note'>ℹ <b>Privacy:</b> schrijf hier geen namen, "
            "adressen of andere gegevens waarmee je een bewoner herkent. Vat de reactie samen in je eigen woorden; "
            "de reactienota is bedoeld om te delen.</div>")
        self.filter = w.Checkbox(description="Toon alleen open reacties", indent=False)
        self.filter.add_class("wk-inspraak-filter")
        self.filter.observe(self._filter_gewijzigd, names="value")
        gewijzigd = self._gewijzigd
        self.samenvatting = self.veld(w.Textarea(
            description="Samenvatting (zonder namen)", continuous_update=False, style=_LABEL, layout=_VAK,
            placeholder="bijv. 'Zorgen over de kosten van de aansluiting voor huishoudens met een laag inkomen'"),
            "samenvatting", gewijzigd)
        self.thema = self.veld(w.Dropdown(description="Thema", options=[("", "")], style=_LABEL, layout=_VELD),
                               "thema", gewijzigd)
        self.via = self.veld(w.Dropdown(description="Via welk moment", options=[("", "")], style=_LABEL,
                                        layout=_VELD), "via", gewijzigd)
        self.antwoord = self.veld(w.Textarea(
            description="Ons antwoord: wat we ermee doen", continuous_update=False, style=_LABEL, layout=_VAK,
            placeholder="Wat doen jullie met deze reactie? Bij 'niet overgenomen' is een uitleg verplicht."),
            "antwoord", gewijzigd)
        self.uitkomst = self.veld(w.Dropdown(description="Uitkomst", options=[(lbl, u) for u, lbl in UITKOMSTEN],
                                             value=NOG_OPEN, style=_LABEL, layout=w.Layout(width="450px")),
                                  "uitkomst", gewijzigd)
        nieuw = knop("Nieuwe reactie", "wk-inspraak-reactie-nieuw", icon="plus")
        nieuw.on_click(self._nieuw)
        self.weg = knop("Reactie verwijderen", "wk-inspraak-reactie-verwijderen", icon="trash")
        self.weg.on_click(self._vraag_weg)
        self.bevestiging.ja.on_click(self._verwijder)
        self.stand = _html("wk-inspraak-stand")
        self.figuur = _html("wk-inspraak-figuur")
        self.voorbeeld = _html("wk-inspraak-voorbeeld")
        self.markdown = _html("wk-inspraak-markdown")
        self.download = _html("wk-inspraak-download")
        self.children = [
            _sectie("3. Reactielog",
                    "Leg elke reactie vast met wat jullie ermee doen. Zo kun je na afloop laten zien wat er met de "
                    "inbreng is gebeurd."),
            privacy, self.filter, self.keuze, self.samenvatting, self.thema, self.via, self.antwoord, self.uitkomst,
            w.HBox([nieuw, self.weg]), self.bevestiging, self._melding, self.stand, self.figuur,
            w.HTML("<h4>Reactienota</h4>"), self.download, self.voorbeeld, self.markdown,
        ]

    def _reactie(self, reactie_id: str) -> Reactie | None:
        return next((r for r in self.inspraak.reacties if r.id == reactie_id), None)

    def _vul_keuzes(self, houd_vast: bool) -> None:
        """With the filter on, the reaction being edited stays in the list (``houd_vast``) even when it is no
        longer open."""
        inspraak = self.inspraak
        onderdelen = [(o.naam, o.id) for o in inspraak.onderdelen]
        momenten = [(f"{nr}. {momentnaam(inspraak, m.id)}", m.id) for nr, m in enumerate(inspraak.momenten, 1)]
        self.zet_opties(self.thema, [("— geen onderdeel —", ""), *onderdelen], "")
        self.zet_opties(self.via, [("— onbekend of buiten een moment —", ""), *momenten], "")
        gekozen = self.keuze.value
        reacties = [
            (f"{nr}. {_kort(r.samenvatting)} — {'nog open' if is_open(r) else dict(UITKOMSTEN)[r.uitkomst]}", r.id)
            for nr, r in enumerate(inspraak.reacties, 1)
            if not self.filter.value or is_open(r) or (houd_vast and r.id == gekozen)
        ]
        self.zet_opties(self.keuze, [*reacties, ("(nieuwe reactie)", NIEUW)], reacties[0][1] if reacties else NIEUW)

    def toon_rij(self) -> None:
        reactie = self._reactie(self.keuze.value) or Reactie("")
        self.toon(self.samenvatting, reactie.samenvatting)
        self.toon(self.thema, reactie.onderdeel)
        self.toon(self.via, reactie.moment)
        self.toon(self.antwoord, reactie.antwoord)
        self.toon(self.uitkomst, reactie.uitkomst)
        self.weg.disabled = not reactie.id
        self.bevestiging.verberg()

    def toon_overzicht(self) -> None:
        """Counts, chart and nota: all from the saved form, never from unsaved input."""
        inspraak = self.inspraak
        tel = telling(inspraak)
        if tel:
            self.stand.value = (
                f"<p><b>Nog open: {lees.aantal_open(inspraak)} van {len(inspraak.reacties)}</b> "
                "<span class='wk-bron'>(nog geen uitkomst of nog geen antwoord)</span></p>"
                + tabel_html(lees.TELLING_KOPPEN, lees.telling_rijen(tel), "wk-inspraak-telling"))
            self.figuur.value = figuur_html(reacties_figuur(tel), figuur_alt(tel))
        else:
            self.stand.value = "<div class='wk-bron'><i>Nog geen reacties vastgelegd.</i></div>"
            self.figuur.value = ""
        context = self.oefening.context
        dossier = context.store.dossier(context.dossier_id)
        tekst = lees.nota(inspraak, dossier)
        self.voorbeeld.value = (
            "<style>.wk-nota h1 { font-size: 1.3em; } .wk-nota h2 { font-size: 1.1em; }</style>"
            "<div class='wk-kaart wk-nota' role='document' aria-label='Voorbeeld van de reactienota'>"
            f"{markdown_html(tekst)}</div>")
        vak_id = f"wk-reactienota-md-{id(self)}"
        self.markdown.value = (
            f"<label for='{vak_id}'><b>Markdown om te kopiëren</b></label> <span class='wk-bron'>(klik in het vak, "
            "kies Ctrl+A en dan Ctrl+C)</span><br>"
            f"<textarea id='{vak_id}' readonly rows='12' style='width: 720px; font-family: monospace;'>"
            f"{e(tekst)}</textarea>")
        data = base64.b64encode(tekst.encode("utf-8")).decode("ascii")
        self.download.value = (
            f"<a download=\"{e(bestandsnaam(dossier))}\" href=\"data:text/markdown;charset=utf-8;base64,{data}\" "
            "class='wk-download'>⬇ Download de reactienota als Markdown (.md)</a>")

    def _filter_gewijzigd(self, _change=None) -> None:
        self.vul_keuzes(houd_vast=False)
        if self.filter.value and not any(is_open(r) for r in self.inspraak.reacties):
            self._melding.info("Er zijn geen open reacties meer.")

    @veilig()
    def _gewijzigd(self) -> None:
        gekozen = self.keuze.value
        if gekozen == NIEUW and not self.samenvatting.value.strip():
            self._melding.info("Vat eerst de reactie samen; dan wordt ze opgeslagen.")
            return
        rij = Reactie(nieuw_id("r") if gekozen == NIEUW else gekozen, self.samenvatting.value, self.thema.value or "",
                      self.via.value or "", self.antwoord.value, self.uitkomst.value or NOG_OPEN)
        self.bewaar(met_rij(self.inspraak, rij), "Reactie opgeslagen.")
        if gekozen == NIEUW:
            self.kies(rij.id)

    @veilig()
    def _nieuw(self, _knop=None) -> None:
        self.kies(NIEUW)
        self._melding.info("Vat de nieuwe reactie samen; ze wordt opgeslagen zodra je het vak verlaat.")

    @veilig()
    def _vraag_weg(self, _knop=None) -> None:
        reactie = self._reactie(self.keuze.value)
        if reactie is not None:
            self.bevestiging.vraag(f"Reactie <b>{e(_kort(reactie.samenvatting))}</b> verwijderen?")

    @veilig()
    def _verwijder(self, _knop=None) -> None:
        self.bevestiging.verberg()
        reactie = self._reactie(self.keuze.value)
        if reactie is None:
            return
        self.bewaar(verwijder_reactie(self.inspraak, reactie.id), "De reactie is verwijderd.")
        self.toon_rij()


class InspraakOefening(FormulierOefening):
    """Three parts, all in one saved form: what is open, the moments, and the reaction log with the nota."""

    KLASSE = "wk-oefening-inspraak"
    SLEUTEL = formulieren.INSPRAAK
    # After a save elsewhere on the page the form is read again, and shown again only when its version moved.
    VERVERS_BIJ = ("dossier_id", "revisie")

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        self.delen = (Onderdelen(self), Momenten(self), Reacties(self))
        self.inhoud.children = [
            w.HTML("Maak voor bewoners duidelijk waarover ze nog kunnen meepraten, en houd bij wat er met elke "
                   "reactie gebeurt. Alles wordt meteen opgeslagen; onderaan staat de reactienota om terug te "
                   f"koppelen.<div class='wk-bron'>{e(BRON)}</div>"),
            self._melding, *self.delen,
        ]
        self.start()

    @property
    def inspraak(self) -> Inspraak:
        """The form as last loaded or saved (never unsaved input)."""
        return lees_inspraak(self.gegevens)

    def laad(self, dossier_gewisseld: bool) -> None:
        if dossier_gewisseld:
            self._melding.wis()
            for deel in self.delen:
                deel.wis()
        versie = self._formulier.versie
        self._formulier.laad()
        if dossier_gewisseld or self._formulier.versie != versie:  # same version: keep what a user is correcting
            self._toon_alles()

    def _toon_alles(self) -> None:
        for deel in self.delen:
            deel.bevestiging.verberg()
        self.delen[0].toon_oneens()
        self._toon_keuzes_en_overzicht()
        for deel in self.delen:
            deel.toon_rij()

    def _toon_keuzes_en_overzicht(self) -> None:
        for deel in self.delen:
            deel.vul_keuzes()
        for deel in self.delen:
            deel.toon_overzicht()

    def bewaar(self, kandidaat: Inspraak, melding: Melding, tekst: str) -> None:
        """Check and save the whole form as one new version; on a conflict show the newest and re-raise."""
        schoon = controleer_inspraak(kandidaat)
        if schoon.als_dict() == self.inspraak.als_dict() and self._formulier.versie:
            melding.ok(tekst)  # nothing new: no extra version
            return
        try:
            self._formulier.bewaar(schoon.als_dict())
        except GelijktijdigGewijzigd:
            self._toon_alles()
            raise
        self._toon_keuzes_en_overzicht()
        melding.ok(tekst)
        self.bewaard()
