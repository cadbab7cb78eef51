"""Exercise 'Wijkprofiel uit openbare cijfers' (knooppunt f2-wijkprofiel): gemeente → wijk → CBS profile
beside gemeente and NL, wijk-DNA chart, map; the team's notes; or the figures of an own CBS file.

Everything is one versioned form (``formulieren.WIJKPROFIEL``) in the dossier, read through
``leesmodel.wijkprofiel``; every choice is saved when made. The profile, chart and map are HTML (few widget
models) and are only redrawn when what they show changed.
"""

from __future__ import annotations

from dataclasses import replace

import ipywidgets as w

from ..analysis.wijkprofiel import ONBEKEND, Wijkprofiel, maak_profiel, opmaak
from ..cbs.data import NL_LABEL, CbsData, bron_tekst, cbs_data, wijkcode_van
from ..cbs.eigen_data import MAX_BYTES, EigenRegio, lees_eigen_data
from ..cbs.kolommen import GROEPEN, INDICATOR
from ..charts.wijkprofiel import wijk_dna, wijkkaart
from ..dossier import GelijktijdigGewijzigd, InvoerFout, formulieren
from ..dossier.validatie import schone_tekst
from ..leesmodel.wijkprofiel import alleen_gemeente, dna_alt, kolomkoppen, profiel_uit_formulier, schoon_formulier
from .basis import BREED, VELD, Melding, e, figuur_html, veilig
from .context import WerkboekContext
from .formulier import FormulierOefening

MAX_NOTITIES = 4000
MAX_KEUZES = 300  # regions in the own-data dropdown at once; more → type to search
_GEEN = None


# --- HTML of the profile (plain functions: easy to test, no widget state)

def _cel(key: str, waarde: float | None) -> str:
    tekst = opmaak(key, waarde)
    if tekst == ONBEKEND:
        return f"<td class='wk-onbekend'><i>{ONBEKEND}</i></td>"
    return f"<td class='wk-getal'>{e(tekst)}</td>"


def profiel_tabel_html(profiel: Wijkprofiel) -> str:
    """Indicator | wijk | gemeente | Nederland, grouped; 'onbekend' in italics where CBS gives no figure."""
    alleen = alleen_gemeente(profiel)
    koppen = kolomkoppen(profiel)
    kop = "".join(f"<th scope='col'>{e(k)}</th>" for k in koppen)
    rijen = []
    for groep in GROEPEN:
        regels = [r for r in profiel.regels if INDICATOR[r.key].groep == groep]
        if not regels:
            continue
        rijen.append(f"<tr class='wk-groep'><th scope='colgroup' colspan='{len(koppen)}'>{e(groep)}</th></tr>")
        for regel in regels:
            cellen = _cel(regel.key, regel.wijk) + ("" if alleen else _cel(regel.key, regel.gemeente))
            cellen += _cel(regel.key, regel.nederland)
            rijen.append(f"<tr><th scope='row'>{e(regel.label)}<br><span class='wk-eenheid'>{e(regel.eenheid)}"
                         f"</span></th>{cellen}</tr>")
    bijschrift = f"Wijkprofiel van {profiel.naam}" + (f" ({profiel.gemeentenaam})" if not alleen and
                                                      profiel.gemeentenaam else "")
    return (f"<table class='wk-tabel wk-profiel-tabel'><caption>{e(bijschrift)}</caption><thead><tr>{kop}</tr>"
            f"</thead><tbody>{''.join(rijen)}</tbody></table>")


def bron_html(profiel: Wijkprofiel) -> str:
    return (f"<div class='wk-bron'>{e(profiel.bron)}. {e(NL_LABEL)}: een som, of een gemiddelde gewogen naar "
            "inwoners, woningen of huishoudens; kan iets afwijken van het landelijke cijfer van het CBS. "
            "'onbekend' betekent dat het CBS dit cijfer niet geeft (niet beschikbaar of geheim). "
            "Licentie CBS open data: CC BY 4.0.</div>")


def profielcijfers_html(profiel: Wijkprofiel | None, keys) -> str:
    """The wijkprofiel figures behind another exercise's item (wijk · gemeente · NL), or nothing."""
    regels = [profiel.regel(key) for key in keys] if profiel is not None else []
    regels = [r for r in regels if r is not None]
    if not regels:
        return ""
    items = "".join(
        f"<li>{e(r.label)}: wijk {e(opmaak(r.key, r.wijk))} · gemeente {e(opmaak(r.key, r.gemeente))} · "
        f"Nederland {e(opmaak(r.key, r.nederland))}</li>" for r in regels
    )
    return (f"<div class='wk-bron'>Uit het wijkprofiel van {e(profiel.naam)} ({e(profiel.bron)}):</div>"
            f"<ul style='margin:2px 0'>{items}</ul>")


def kop_html(profiel: Wijkprofiel) -> str:
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


class ProfielWeergave(w.VBox):
    """The profile of one region: heading, table, wijk-DNA and map. Redraws only what changed: the table and
    chart when the profile changed, the map when the highlighted area changed."""

    def __init__(self, data: CbsData):
        super().__init__()
        self._data = data
        self._profiel_getoond: object = None
        self._kaart_getoond: object = None
        self._kop = w.HTML()
        self._kop.add_class("wk-wijkprofiel-kop")
        self._tabel = w.HTML()
        self._tabel.add_class("wk-wijkprofiel-tabel")
        self._dna = w.HTML()
        self._dna.add_class("wk-wijkprofiel-dna")
        self._kaart = w.HTML()
        self._kaart.add_class("wk-wijkprofiel-kaart")
        self.children = [self._kop, self._tabel, self._dna, self._kaart]

    def toon(self, profiel: Wijkprofiel | None) -> None:
        if profiel == self._profiel_getoond and profiel is not None:
            return
        self._profiel_getoond = profiel
        if profiel is None:
            self._kop.value = ("<div class='wk-melding wk-melding-info' role='status'>ℹ Kies hierboven een gemeente "
                               "en een wijk om het wijkprofiel te zien.</div>")
            self._tabel.value = self._dna.value = self._kaart.value = ""
            self._kaart_getoond = None
            return
        self._kop.value = kop_html(profiel)
        self._tabel.value = profiel_tabel_html(profiel) + bron_html(profiel)
        self._dna.value = figuur_html(wijk_dna(profiel), dna_alt(profiel))
        self._toon_kaart(profiel)

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


class WijkprofielOefening(FormulierOefening):
    """Gemeente and wijk dropdowns, the profile table, the wijk-DNA and a map; notes ('wat valt op?');
    an own CBS file that replaces the wijk's figures until the user goes back to the shipped data.

    The form's fields belong together (a wijk lies in the chosen gemeente), so it is saved as a whole: a
    colleague's newer version is never overwritten, and the page then shows it."""

    SLEUTEL = formulieren.WIJKPROFIEL
    KLASSE = "wk-oefening-wijkprofiel"
    VERVERS_BIJ = ("dossier_id", "revisie")

    def __init__(self, context: WerkboekContext):
        super().__init__(context)
        self._data = cbs_data()
        self._notities_geladen = ""
        self._eigen_regios: list[EigenRegio] = []
        self._eigen_bestand = ""
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
        self._eigen_zoek.add_class("wk-wijkprofiel-eigen-zoek")
        self._eigen_keuze = w.Dropdown(description="Regio uit je bestand", options=[("—", _GEEN)], value=_GEEN,
                                       style=BREED, layout=w.Layout(width="520px", display="none"))
        self._eigen_keuze.add_class("wk-wijkprofiel-eigen-keuze")
        self._terug = w.Button(description="Terug naar de CBS-cijfers van het werkboek", icon="undo",
                               layout=w.Layout(width="auto", display="none"))
        self._terug.add_class("wk-wijkprofiel-terug")
        self._profiel = ProfielWeergave(self._data)
        self._notities = w.Textarea(
            description="Wat valt op?", style=BREED, layout=w.Layout(width="720px", height="110px"),
            placeholder="bijv. veel huurwoningen van de corporatie, laag gasverbruik door stadsverwarming, "
                        "vragen voor de wijk…",
        )
        self._notities.add_class("wk-wijkprofiel-notities")
        self._notities_knop = w.Button(description="Notities opslaan", button_style="primary", icon="check")
        self._notities_knop.add_class("wk-wijkprofiel-notities-opslaan")
        self._notities_melding = Melding()
        self._notities_melding.add_class("wk-wijkprofiel-notities-melding")
        self.inhoud.children = [
            w.HTML("<div class='wk-bron'>Kies een gemeente en een wijk. Het profiel zet de cijfers van de wijk naast "
                   "die van de gemeente en heel Nederland. Je keuze wordt meteen opgeslagen in het dossier.</div>"),
            self._gemeente, self._wijk,
            w.HTML("<div class='wk-bron'>Eigen gegevens (mag ook later): laad een CSV-download van CBS StatLine "
                   "of een JSON-bestand van CBS open data (Kerncijfers wijken en buurten, elk jaar, ook buurten; "
                   "maximaal 50 MB).</div>"),
            w.HBox([self._upload, self._terug]), self._eigen_zoek, self._eigen_keuze, self._melding,
            self._profiel,
            w.HTML("<h4>Wat valt op?</h4>"), self._notities, self._notities_knop, self._notities_melding,
        ]
        self.bij_wijziging(self._gemeente, self._kies_gemeente)
        self.bij_wijziging(self._wijk, self._kies_wijk)
        self.bij_wijziging(self._upload, self._laad_bestand)
        self.bij_wijziging(self._eigen_keuze, self._kies_eigen)
        self._eigen_zoek.observe(self._zoek_eigen, names="value")
        self._terug.on_click(self._naar_cbs)
        self._notities_knop.on_click(self._bewaar_notities)
        self.start()

    # --- loading
    def laad(self, dossier_gewisseld: bool = True) -> None:
        gegevens = self._formulier.laad()
        if dossier_gewisseld:  # another dossier: forget the file and the notes of the previous one
            self._verberg_eigen_keuze()
            self._notities.value = self._notities_geladen = ""
        self._toon(gegevens)

    def _toon(self, gegevens: dict) -> None:
        gegevens = schoon_formulier(gegevens)
        # Keep what the user is typing, unless someone saved other notes in the meantime.
        if self._notities.value == self._notities_geladen or gegevens["notities"] != self._notities_geladen:
            self._notities.value = gegevens["notities"]
        self._notities_geladen = gegevens["notities"]
        self._zet_keuzes(gegevens)
        self._profiel.toon(profiel_uit_formulier(gegevens, self._data))

    def _wijk_opties(self, gemeentecode: str | None) -> list[tuple[str, str | None]]:
        if gemeentecode is None:
            return [("— kies eerst een gemeente —", _GEEN)]
        gemeente = self._data.gemeente(gemeentecode)
        naam = gemeente.naam if gemeente else gemeentecode
        return [(f"Hele gemeente {naam}", gemeentecode)] + [(r.naam, r.code) for r in self._data.wijken(gemeentecode)]

    def _zet_keuzes(self, gegevens: dict) -> None:
        """The dropdowns follow the saved form."""
        codes = {code for _label, code in self._gemeente.options}
        gemeentecode = gegevens["gemeentecode"] if gegevens["gemeentecode"] in codes else _GEEN
        self.toon(self._gemeente, gemeentecode)
        opties = self._wijk_opties(gemeentecode)
        regiocode = gegevens["regiocode"]
        self.toon(self._wijk, regiocode if regiocode in {c for _l, c in opties} else opties[0][1], opties=opties)
        eigen = gegevens["eigen_data"] is not None
        self._gemeente.disabled = self._wijk.disabled = eigen
        self._terug.layout.display = "inline-flex" if eigen else "none"

    # --- saving
    def _bewaar(self, **wijzigingen) -> dict:
        """One transaction with the whole form; on a clash the colleague's version is shown."""
        try:
            gegevens = self._formulier.bewaar({**schoon_formulier(self.gegevens), **wijzigingen})
        except GelijktijdigGewijzigd:
            self._toon(self.gegevens)
            raise
        self._notities_geladen = gegevens["notities"]
        return gegevens

    def _kies_gemeente(self, code: str | None) -> None:
        profiel = maak_profiel(self._data, code) if code else None  # checks the code before saving
        self._zet_keuzes(self._bewaar(gemeentecode=code, regiocode=code))
        self._profiel.toon(profiel)
        self.bewaard(f"Gemeente {profiel.naam} gekozen en opgeslagen. Kies nu een wijk, of bekijk de hele gemeente."
                     if profiel is not None else "")

    def _kies_wijk(self, code: str | None) -> None:
        if code is None:
            return
        profiel = maak_profiel(self._data, code)
        self._bewaar(regiocode=profiel.regiocode)
        self._profiel.toon(profiel)
        self.bewaard(f"Wijkprofiel van {profiel.naam} getoond; je keuze is opgeslagen.")

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
        self.bewaard()

    # --- own data
    def _laad_bestand(self, bestanden) -> None:
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
            self.toon(self._upload, ())  # free the memory; the same file can be chosen again
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
        self.toon(self._eigen_keuze, _GEEN, opties=opties + passend[:MAX_KEUZES])

    @veilig()
    def _zoek_eigen(self, change) -> None:
        if self._eigen_regios:
            self._vul_eigen_keuze(change["new"])

    def _kies_eigen(self, index: int | None) -> None:
        if index is not None:
            self._gebruik_eigen(self._eigen_regios[index], self._eigen_bestand)

    def _gebruik_eigen(self, regio: EigenRegio, bestandsnaam: str) -> None:
        eigen = {"bestandsnaam": bestandsnaam, "regiocode": regio.code, "naam": regio.naam, "jaar": regio.jaar,
                 "waarden": dict(regio.waarden)}
        profiel = profiel_uit_formulier({**self.gegevens, "eigen_data": eigen}, self._data)
        self._zet_keuzes(self._bewaar(eigen_data=eigen))
        self._profiel.toon(profiel)
        bekend = sum(1 for r in profiel.regels if r.wijk is not None)
        self.bewaard(f"Eigen gegevens van {profiel.naam} uit '{bestandsnaam}' getoond en opgeslagen "
                     f"({bekend} van de {len(profiel.regels)} cijfers gevonden).")

    def _verberg_eigen_keuze(self) -> None:
        self._eigen_regios = []
        self._eigen_keuze.layout.display = self._eigen_zoek.layout.display = "none"

    @veilig()
    def _naar_cbs(self, _knop=None) -> None:
        gegevens = self._bewaar(eigen_data=None)
        self._verberg_eigen_keuze()
        self._zet_keuzes(gegevens)
        self._profiel.toon(profiel_uit_formulier(gegevens, self._data))
        self.bewaard("Je ziet weer de CBS-cijfers van het werkboek.")
