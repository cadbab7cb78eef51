"""Exercise 'Wijkprofiel uit openbare cijfers' (knooppunt f2-wijkprofiel): gemeente → wijk → CBS profile
beside gemeente and NL, wijk-DNA chart, map; the team's notes; or the figures of an own CBS file.

Everything is one versioned form (``wijkprofiel``) in the dossier; every choice is saved when made.
The profile, chart and map are HTML (few widget models) and are only redrawn when what they show changed.
"""

from __future__ import annotations

from dataclasses import replace

import ipywidgets as w

from ..analysis.wijkprofiel import (
    ONBEKEND,
    Wijkprofiel,
    dna_regels,
    maak_profiel,
    opmaak,
    profiel_uit_eigen_data,
)
from ..cbs.data import NL_LABEL, CbsData, bron_tekst, cbs_data, wijkcode_van
from ..cbs.eigen_data import MAX_BYTES, EigenRegio, getal, lees_eigen_data
from ..cbs.kolommen import GROEPEN, INDICATOR
from ..charts.wijkprofiel import wijk_dna, wijkkaart
from ..dossier import GelijktijdigGewijzigd, InvoerFout
from ..dossier.validatie import schone_tekst
from .basis import BREED, VELD, Melding, e, figuur_html, veilig
from .context import WerkboekContext
from .kop import geen_dossier_html, toon_oefening

SLEUTEL = "wijkprofiel"
MAX_NOTITIES = 4000
MAX_KEUZES = 300  # regions in the own-data dropdown at once; more → type to search
_GEEN = None


def leeg_formulier() -> dict:
    return {"gemeentecode": None, "regiocode": None, "notities": "", "eigen_data": None}


def _schone_eigen_data(ruw: object) -> dict | None:
    """The saved own-data part, checked: it came from JSON that anyone with the store could have edited."""
    if not isinstance(ruw, dict) or not isinstance(ruw.get("waarden"), dict):
        return None
    waarden = {k: getal(v) for k, v in ruw["waarden"].items() if k in INDICATOR}
    jaar = ruw.get("jaar")
    return {
        "bestandsnaam": str(ruw.get("bestandsnaam") or "eigen bestand")[:200],
        "regiocode": str(ruw.get("regiocode") or "")[:20],
        "naam": str(ruw.get("naam") or "")[:200],
        "jaar": jaar if isinstance(jaar, int) and not isinstance(jaar, bool) else None,
        "waarden": waarden,
    }


def schoon_formulier(gegevens: dict) -> dict:
    uit = leeg_formulier()
    for sleutel in ("gemeentecode", "regiocode"):
        waarde = gegevens.get(sleutel)
        uit[sleutel] = waarde if isinstance(waarde, str) and waarde else None
    uit["notities"] = gegevens.get("notities") if isinstance(gegevens.get("notities"), str) else ""
    uit["eigen_data"] = _schone_eigen_data(gegevens.get("eigen_data"))
    return uit


def profiel_uit_formulier(gegevens: dict, data: CbsData | None = None) -> Wijkprofiel | None:
    """The profile the saved form describes: own data if loaded, else the chosen CBS region; ``None`` when
    nothing is chosen. Raises ``InvoerFout`` for a region the shipped data does not know."""
    data = data or cbs_data()
    gegevens = schoon_formulier(gegevens)
    eigen = gegevens["eigen_data"]
    if eigen is not None:
        code = eigen["regiocode"]
        naam = eigen["naam"]
        bekend = data.regio(code) if code else None
        if bekend is not None and (not naam or naam == code):
            naam = bekend.naam
        return profiel_uit_eigen_data(data, code=code, naam=naam, waarden=eigen["waarden"],
                                      bestandsnaam=eigen["bestandsnaam"], jaar=eigen["jaar"])
    if gegevens["regiocode"]:
        return maak_profiel(data, gegevens["regiocode"])
    return None


def profiel_van_dossier(store, dossier_id: str) -> Wijkprofiel | None:
    """The wijkprofiel saved in a dossier (CBS or own data), for other exercises and exports; ``None`` when
    no wijk was chosen or the saved choice no longer exists in the shipped data."""
    gegevens, _versie = store.formulier(dossier_id, SLEUTEL)
    try:
        return profiel_uit_formulier(gegevens)
    except InvoerFout:
        return None


# --- HTML of the profile (plain functions: easy to test, no widget state)

def _cel(key: str, waarde: float | None) -> str:
    tekst = opmaak(key, waarde)
    if tekst == ONBEKEND:
        return f"<td class='wk-onbekend'><i>{ONBEKEND}</i></td>"
    return f"<td class='wk-getal'>{e(tekst)}</td>"


def profiel_tabel_html(profiel: Wijkprofiel) -> str:
    """Indicator | wijk | gemeente | Nederland, grouped; 'onbekend' in italics where CBS gives no figure."""
    alleen_gemeente = profiel.soort == "gemeente" and not profiel.eigen_bestand
    jaar = f" (CBS {profiel.jaar})" if profiel.eigen_bestand and profiel.jaar else ""
    koppen = ["Cijfer", profiel.naam + (" (eigen gegevens)" if profiel.eigen_bestand else "")]
    if not alleen_gemeente:
        koppen.append(f"Gemeente {profiel.gemeentenaam}{jaar}" if profiel.gemeentenaam else "Gemeente (onbekend)")
    koppen.append(NL_LABEL + jaar)
    kop = "".join(f"<th scope='col'>{e(k)}</th>" for k in koppen)
    rijen = []
    for groep in GROEPEN:
        regels = [r for r in profiel.regels if INDICATOR[r.key].groep == groep]
        if not regels:
            continue
        rijen.append(f"<tr class='wk-groep'><th scope='colgroup' colspan='{len(koppen)}'>{e(groep)}</th></tr>")
        for regel in regels:
            cellen = _cel(regel.key, regel.wijk) + ("" if alleen_gemeente else _cel(regel.key, regel.gemeente))
            cellen += _cel(regel.key, regel.nederland)
            rijen.append(f"<tr><th scope='row'>{e(regel.label)}<br><span class='wk-eenheid'>{e(regel.eenheid)}"
                         f"</span></th>{cellen}</tr>")
    bijschrift = f"Wijkprofiel van {profiel.naam}" + (f" ({profiel.gemeentenaam})" if not alleen_gemeente and
                                                      profiel.gemeentenaam else "")
    return (f"<table class='wk-tabel wk-profiel-tabel'><caption>{e(bijschrift)}</caption><thead><tr>{kop}</tr>"
            f"</thead><tbody>{''.join(rijen)}</tbody></table>")


def bron_html(profiel: Wijkprofiel) -> str:
    return (f"<div class='wk-bron'>{e(profiel.bron)}. {e(NL_LABEL)}: een som, of een gemiddelde gewogen naar "
            "inwoners, woningen of huishoudens; kan iets afwijken van het landelijke cijfer van het CBS. "
            "'onbekend' betekent dat het CBS dit cijfer niet geeft (niet beschikbaar of geheim). "
            "Licentie CBS open data: CC BY 4.0.</div>")


def dna_alt(profiel: Wijkprofiel) -> str:
    regels = dna_regels(profiel)
    if not regels:
        return f"Wijk-DNA van {profiel.naam}: geen cijfers om met Nederland te vergelijken."
    hoogste = max(regels, key=lambda r: r.wijk_index)
    laagste = min(regels, key=lambda r: r.wijk_index)
    return (f"Wijk-DNA van {profiel.naam}: per cijfer een index, Nederland = 100. Het verst boven Nederland: "
            f"{hoogste.label} (index {hoogste.wijk_index:.0f}); het verst eronder: {laagste.label} "
            f"(index {laagste.wijk_index:.0f}).")


class WijkprofielOefening(w.VBox):
    """Gemeente and wijk dropdowns, the profile table, the wijk-DNA and a map; notes ('wat valt op?');
    an own CBS file that replaces the wijk's figures until the user goes back to the shipped data."""

    def __init__(self, context: WerkboekContext):
        super().__init__()
        self.add_class("wk-oefening-wijkprofiel")
        self.context = context
        self._data = cbs_data()
        self._versie = 0
        self._gegevens = leeg_formulier()
        self._dossier: str | None = None
        self._notities_geladen = ""
        self._eigen_regios: list[EigenRegio] = []
        self._eigen_bestand = ""
        self._bijwerken = False
        self._getoond: object = None
        self._kaart_getoond: object = None
        self._melding = Melding()
        self._gemeente = w.Dropdown(
            options=[("— kies een gemeente —", _GEEN)] + [(g.label, g.code) for g in self._data.gemeenten()],
            value=_GEEN, description="Gemeente", style=BREED, layout=VELD,
        )
        self._gemeente.add_class("wk-wijkprofiel-gemeente")
        self._wijk = w.Dropdown(options=[("— kies eerst een gemeente —", _GEEN)], value=_GEEN, description="Wijk",
                                style=BREED, layout=VELD)
        self._wijk.add_class("wk-wijkprofiel-wijk")
        self._upload = w.FileUpload(accept=".csv,.json", multiple=False, description="Eigen CBS-bestand laden…",
                                    tooltip="Een CSV-download van CBS StatLine of JSON van CBS open data (max. 50 MB)",
                                    layout=w.Layout(width="260px"))
        self._upload.add_class("wk-wijkprofiel-upload")
        self._eigen_zoek = w.Text(description="Zoek in je bestand", placeholder="naam of code, bijv. Groenoord",
                                  style=BREED, layout=w.Layout(width="520px", display="none"))
        self._eigen_keuze = w.Dropdown(description="Regio uit je bestand", options=[("—", _GEEN)], value=_GEEN,
                                       style=BREED, layout=w.Layout(width="520px", display="none"))
        self._eigen_keuze.add_class("wk-wijkprofiel-eigen-keuze")
        self._terug = w.Button(description="Terug naar de CBS-cijfers van het werkboek", icon="undo",
                               layout=w.Layout(width="auto", display="none"))
        self._terug.add_class("wk-wijkprofiel-terug")
        self._kop = w.HTML()
        self._tabel = w.HTML()
        self._tabel.add_class("wk-wijkprofiel-tabel")
        self._dna = w.HTML()
        self._dna.add_class("wk-wijkprofiel-dna")
        self._kaart = w.HTML()
        self._kaart.add_class("wk-wijkprofiel-kaart")
        self._notities = w.Textarea(
            description="Wat valt op?", style=BREED, layout=w.Layout(width="720px", height="110px"),
            placeholder="bijv. veel huurwoningen van de corporatie, laag gasverbruik door stadsverwarming, "
                        "vragen voor de wijk…",
        )
        self._notities.add_class("wk-wijkprofiel-notities")
        self._notities_knop = w.Button(description="Notities opslaan", button_style="primary", icon="check")
        self._notities_knop.add_class("wk-wijkprofiel-notities-opslaan")
        self._notities_melding = Melding()
        self._inhoud = w.VBox([
            w.HTML("<div class='wk-bron'>Kies een gemeente en een wijk. Het profiel zet de cijfers van de wijk naast "
                   "die van de gemeente en heel Nederland. Je keuze wordt meteen opgeslagen in het dossier.</div>"),
            self._gemeente, self._wijk,
            w.HTML("<div class='wk-bron'>Eigen gegevens (mag ook later): laad een CSV-download van CBS StatLine "
                   "of een JSON-bestand van CBS open data (Kerncijfers wijken en buurten, elk jaar, ook buurten; "
                   "maximaal 50 MB).</div>"),
            w.HBox([self._upload, self._terug]), self._eigen_zoek, self._eigen_keuze, self._melding,
            self._kop, self._tabel, self._dna, self._kaart,
            w.HTML("<h4>Wat valt op?</h4>"), self._notities, self._notities_knop, self._notities_melding,
        ])
        self._geen_dossier = w.HTML(geen_dossier_html())
        self.children = [self._inhoud]
        self._gemeente.observe(self._kies_gemeente, names="value")
        self._wijk.observe(self._kies_wijk, names="value")
        self._upload.observe(self._laad_bestand, names="value")
        self._eigen_zoek.observe(self._zoek_eigen, names="value")
        self._eigen_keuze.observe(self._kies_eigen, names="value")
        self._terug.on_click(self._naar_cbs)
        self._notities_knop.on_click(self._bewaar_notities)
        context.observe(self._herlaad, names=["dossier_id", "revisie"])
        self._herlaad()

    # --- loading
    @veilig()
    def _herlaad(self, _change=None) -> None:
        if not toon_oefening(self):
            self._dossier = None
            return
        gegevens, self._versie = self.context.store.formulier(self.context.dossier_id, SLEUTEL)
        self._gegevens = schoon_formulier(gegevens)
        if self._dossier != self.context.dossier_id:  # another dossier: forget the file of the previous one
            self._dossier = self.context.dossier_id
            self._verberg_eigen_keuze()
            self._notities.value = self._notities_geladen = ""
        # Keep what the user is typing, unless someone saved other notes in the meantime.
        if self._notities.value == self._notities_geladen or self._gegevens["notities"] != self._notities_geladen:
            self._notities.value = self._gegevens["notities"]
        self._notities_geladen = self._gegevens["notities"]
        self._zet_keuzes()
        self._toon(profiel_uit_formulier(self._gegevens, self._data))

    def _wijk_opties(self, gemeentecode: str | None) -> list[tuple[str, str | None]]:
        if gemeentecode is None:
            return [("— kies eerst een gemeente —", _GEEN)]
        gemeente = self._data.gemeente(gemeentecode)
        naam = gemeente.naam if gemeente else gemeentecode
        return [(f"Hele gemeente {naam}", gemeentecode)] + [(r.naam, r.code) for r in self._data.wijken(gemeentecode)]

    def _zet_keuzes(self) -> None:
        """Dropdowns follow the saved form, without triggering a save."""
        self._bijwerken = True
        try:
            gemeentecode = self._gegevens["gemeentecode"]
            codes = {code for _label, code in self._gemeente.options}
            gemeentecode = gemeentecode if gemeentecode in codes else _GEEN
            self._gemeente.value = gemeentecode
            opties = self._wijk_opties(gemeentecode)
            if list(self._wijk.options) != opties:
                self._wijk.options = opties
            regiocode = self._gegevens["regiocode"]
            self._wijk.value = regiocode if regiocode in {c for _l, c in opties} else opties[0][1]
            eigen = self._gegevens["eigen_data"] is not None
            self._gemeente.disabled = self._wijk.disabled = eigen
            self._terug.layout.display = "inline-flex" if eigen else "none"
        finally:
            self._bijwerken = False

    # --- showing
    def _toon(self, profiel: Wijkprofiel | None) -> None:
        """Redraw only what changed: the table and chart when the profile changed, the map when the
        highlighted area changed."""
        if profiel == self._getoond and profiel is not None:
            return
        self._getoond = profiel
        if profiel is None:
            self._kop.value = ("<div class='wk-melding wk-melding-info' role='status'>ℹ Kies hierboven een gemeente "
                               "en een wijk om het wijkprofiel te zien.</div>")
            self._tabel.value = self._dna.value = self._kaart.value = ""
            self._kaart_getoond = None
            return
        self._kop.value = self._kop_html(profiel)
        self._tabel.value = profiel_tabel_html(profiel) + bron_html(profiel)
        self._dna.value = figuur_html(wijk_dna(profiel), dna_alt(profiel))
        self._toon_kaart(profiel)

    def _kop_html(self, profiel: Wijkprofiel) -> str:
        titel = f"<h4 class='wk-wijkprofiel-titel'>Wijkprofiel: {e(profiel.naam)}"
        if profiel.gemeentenaam and profiel.soort != "gemeente":
            titel += f" <span class='wk-bron'>(gemeente {e(profiel.gemeentenaam)})</span>"
        titel += "</h4>"
        if profiel.eigen_bestand:
            titel += (f"<div class='wk-badge-eigen' role='note'>▤ eigen gegevens: {e(profiel.eigen_bestand)} "
                      "— de kolom van de regio komt uit jouw bestand; gemeente en Nederland uit het werkboek."
                      "</div>")
        elif profiel.aantal_bekend < len(profiel.regels) / 2:
            titel += ("<div class='wk-melding wk-melding-info' role='note'>ℹ Voor deze gemeente heeft het werkboek "
                      f"alleen de basiscijfers van {profiel.jaar} (inwoners, woningen, dichtheid); de rest staat als "
                      "'onbekend'. Wil je meer cijfers, laad dan een eigen CBS-bestand (hierboven).</div>")
        return titel

    def _toon_kaart(self, profiel: Wijkprofiel) -> None:
        gemeentecode = profiel.gemeentecode
        wijken = self._data.wijkgrenzen(gemeentecode) if gemeentecode else []
        gekozen = None
        if profiel.soort == "wijk":
            gekozen = profiel.regiocode
        elif profiel.soort == "buurt":
            gekozen = wijkcode_van(profiel.regiocode)
        if wijken and (gekozen is None or any(g.code == gekozen for g in wijken)):
            sleutel = ("wijken", gemeentecode, gekozen, profiel.soort)
        else:
            sleutel = ("nederland", gemeentecode)
        if sleutel == self._kaart_getoond:
            return
        self._kaart_getoond = sleutel
        bron = bron_tekst(profiel.jaar)
        gemeente = profiel.gemeentenaam or "de gemeente"
        if sleutel[0] == "wijken":
            keuze = next((g for g in wijken if g.code == gekozen), None)
            wat = (f"{keuze.naam} is gearceerd, omrand en met naam aangegeven" if keuze
                   else "er is geen wijk gekozen (het profiel gaat over de hele gemeente)")
            if profiel.soort == "buurt" and keuze:
                wat = f"de buurt ligt in {keuze.naam}, die is gearceerd"
            figuur = wijkkaart(wijken, gekozen, titel=f"Wijken van {gemeente}", bron=bron)
            self._kaart.value = figuur_html(figuur, f"Kaart van de wijken van {gemeente}; {wat}.")
            return
        gemeenten = self._data.gemeentegrenzen()
        if not gemeentecode or not any(g.code == gemeentecode for g in gemeenten):
            self._kaart.value = ("<div class='wk-bron' role='note'>Geen kaart: de grens van deze regio zit niet in de "
                                 "meegeleverde gegevens.</div>")
            return
        uitleg = f"De wijkgrenzen van {gemeente} zitten niet in de meegeleverde gegevens; de kaart toont de gemeente."
        figuur = wijkkaart(gemeenten, gemeentecode, titel=f"{gemeente} in Nederland", bron=bron, uitleg=uitleg,
                           soort="gemeente")
        self._kaart.value = (figuur_html(figuur, f"Kaart van Nederland met de gemeenten; {gemeente} is gearceerd en "
                                                 "met naam aangegeven.", breedte="560px")
                             + f"<div class='wk-bron' role='note'>{e(uitleg)}</div>")

    # --- saving
    def _bewaar(self, **wijzigingen) -> None:
        """One transaction with the whole form; a colleague's newer version is never overwritten."""
        gegevens = {**self._gegevens, **wijzigingen}
        try:
            self._versie = self.context.store.bewaar_formulier(self.context.dossier_id, SLEUTEL, gegevens,
                                                               self._versie)
        except GelijktijdigGewijzigd:
            self._herlaad()
            raise
        self._gegevens = gegevens
        self._notities_geladen = gegevens["notities"]

    @veilig()
    def _kies_gemeente(self, change) -> None:
        if self._bijwerken:
            return
        code = change["new"]
        profiel = maak_profiel(self._data, code) if code else None  # checks the code before saving
        self._bewaar(gemeentecode=code, regiocode=code)
        self._zet_keuzes()
        self._toon(profiel)
        if profiel is not None:
            self._melding.ok(f"Gemeente {profiel.naam} gekozen en opgeslagen. Kies nu een wijk, of bekijk de "
                             "hele gemeente.")
        self.context.gewijzigd()

    @veilig()
    def _kies_wijk(self, change) -> None:
        if self._bijwerken or change["new"] is None:
            return
        profiel = maak_profiel(self._data, change["new"])
        self._bewaar(regiocode=profiel.regiocode)
        self._toon(profiel)
        self._melding.ok(f"Wijkprofiel van {profiel.naam} getoond; je keuze is opgeslagen.")
        self.context.gewijzigd()

    @veilig("_notities_melding")
    def _bewaar_notities(self, _knop=None) -> None:
        tekst = schone_tekst(self._notities.value, "Wat valt op?", maximum=MAX_NOTITIES)
        getypt = self._notities.value
        try:
            self._bewaar(notities=tekst)
        except GelijktijdigGewijzigd as fout:
            self._notities.value = getypt
            raise GelijktijdigGewijzigd(f"{fout} Je eigen notities staan nog in het tekstvak; sla ze opnieuw op "
                                        "als ze de andere versie mogen vervangen.") from None
        self._notities.value = tekst
        self._notities_melding.ok("Je notities zijn opgeslagen.")
        self.context.gewijzigd()

    # --- own data
    @veilig()
    def _laad_bestand(self, change) -> None:
        bestanden = change["new"]
        if not bestanden:
            return
        bestand = bestanden[0]
        naam = str(bestand.get("name") or "bestand")
        try:
            grootte = bestand.get("size")
            if isinstance(grootte, int) and grootte > MAX_BYTES:
                raise InvoerFout(f"'{naam}' is groter dan 50 MB; kies in StatLine alleen de regio's en onderwerpen "
                                 "die je nodig hebt.")
            regios = [self._met_naam(r) for r in lees_eigen_data(naam, bestand.get("content") or b"")]
        finally:
            self._bijwerken = True
            try:
                self._upload.value = ()  # free the memory; the same file can be chosen again
            finally:
                self._bijwerken = False
        if len(regios) == 1:
            self._gebruik_eigen(regios[0], naam)
            return
        self._eigen_regios = regios
        self._eigen_bestand = naam
        self._eigen_zoek.value = ""
        self._eigen_zoek.layout.display = "flex" if len(regios) > MAX_KEUZES else "none"
        self._vul_eigen_keuze("")
        self._eigen_keuze.layout.display = "flex"
        self._melding.info(f"'{naam}' bevat {len(regios)} regio's. Kies hieronder welke je wilt bekijken.")

    def _met_naam(self, regio: EigenRegio) -> EigenRegio:
        """OData rows carry only the code; the shipped data knows the name of many of them."""
        bekend = self._data.regio(regio.code) if regio.code and regio.naam == regio.code else None
        return replace(regio, naam=bekend.naam) if bekend is not None else regio

    def _vul_eigen_keuze(self, zoek: str) -> None:
        zoek = zoek.strip().casefold()
        passend = [(r.label, i) for i, r in enumerate(self._eigen_regios) if not zoek or zoek in r.label.casefold()]
        meer = len(passend) > MAX_KEUZES
        opties = [("— kies een regio —" if not meer else f"— {len(passend)} regio's; typ om te zoeken —", _GEEN)]
        self._bijwerken = True
        try:
            self._eigen_keuze.options = opties + passend[:MAX_KEUZES]
            self._eigen_keuze.value = _GEEN
        finally:
            self._bijwerken = False

    @veilig()
    def _zoek_eigen(self, change) -> None:
        if self._eigen_regios:
            self._vul_eigen_keuze(change["new"])

    @veilig()
    def _kies_eigen(self, change) -> None:
        if self._bijwerken or change["new"] is None:
            return
        self._gebruik_eigen(self._eigen_regios[change["new"]], self._eigen_bestand)

    def _gebruik_eigen(self, regio: EigenRegio, bestandsnaam: str) -> None:
        eigen = {"bestandsnaam": bestandsnaam, "regiocode": regio.code, "naam": regio.naam, "jaar": regio.jaar,
                 "waarden": dict(regio.waarden)}
        profiel = profiel_uit_formulier({**self._gegevens, "eigen_data": eigen}, self._data)
        self._bewaar(eigen_data=eigen)
        self._zet_keuzes()
        self._toon(profiel)
        bekend = sum(1 for r in profiel.regels if r.wijk is not None)
        self._melding.ok(f"Eigen gegevens van {profiel.naam} uit '{bestandsnaam}' getoond en opgeslagen "
                         f"({bekend} van de {len(profiel.regels)} cijfers gevonden).")
        self.context.gewijzigd()

    def _verberg_eigen_keuze(self) -> None:
        self._eigen_regios = []
        self._eigen_keuze.layout.display = self._eigen_zoek.layout.display = "none"

    @veilig()
    def _naar_cbs(self, _knop=None) -> None:
        self._bewaar(eigen_data=None)
        self._verberg_eigen_keuze()
        self._zet_keuzes()
        self._toon(profiel_uit_formulier(self._gegevens, self._data))
        self._melding.ok("Je ziet weer de CBS-cijfers van het werkboek.")
        self.context.gewijzigd()
