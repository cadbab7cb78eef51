"""The facilitator's page of a live workshop: make or open a session, put the join code on the screen,
open and close rounds, watch the answers come in, and adopt a closed round into the dossier.

The page polls ``store.verversstempel`` every two seconds (one cheap query) and only reads answers and
draws charts when that stamp changed, and the charts only when the submitted answers of the round on the
screen changed. Adoption is one transaction in the store (dossier + besluitenlog + round status), so
the other pages of the dossier show the result on their next refresh.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

import ipywidgets as w

from ..analysis.mca import getal, procent
from ..charts.koppelkansen import koppelkansen_figuur
from ..charts.scan import getal as getal1
from ..charts.scan import radar_figuur
from ..charts.weging import wegingen_figuur
from ..charts.workshop import machtbelang_spreiding_figuur
from ..dossier.model import InvoerFout, WerkboekFout
from ..workshop import aggregatie
from ..workshop.model import (
    GESLOTEN,
    KLAAR,
    OEFENINGEN,
    OPEN,
    ImportVerslag,
    Ronde,
    Sessie,
)
from .basis import BREED, VELD, Bevestiging, Melding, e, figuur_html, knop, stijl, tabel_html, veilig
from .context import WerkboekContext
from .workshop_live import Verversing, deelnemer_url, download_link, tijd

INTERVAL = 2.0  # seconds between two looks at the verversstempel
STANDAARD_OEFENINGEN = ("scan", "weging")


def _aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    return f"{n} {enkelvoud if n == 1 else meervoud}"


def _datum(moment: datetime | None) -> str:
    return moment.strftime("%d-%m-%Y") if moment else ""


def qr_html(url: str) -> str:
    """The join URL as a QR code (inline SVG) with a text alternative, for phones in the room."""
    import segno

    svg = segno.make(url, error="m").svg_inline(scale=5, title=f"QR-code met het adres {url}")
    return (f"<div class='wk-workshop-qr' role='img' aria-label='QR-code met het adres om mee te doen: {e(url)}'>"
            f"{svg}</div><div class='wk-bron'>QR-code: scan hem met de camera van je telefoon; hij opent het adres "
            "hiernaast.</div>")


class _RondeRij(w.HBox):
    """Title, status in words and the buttons of one round; which buttons work follows the status."""

    def __init__(self, weergave: BegeleiderWeergave, ronde: Ronde):
        self.ronde = ronde
        self.titel = w.HTML(layout=w.Layout(width="420px"))
        self.titel.add_class("wk-workshop-ronde-titel")
        smal = {"layout": w.Layout(width="130px")}
        self.knop_open = knop("Open ronde", "wk-workshop-open-ronde", icon="play", **smal,
                         tooltip="Deelnemers kunnen deze ronde nu beantwoorden")
        self.knop_sluit = knop("Sluit ronde", "wk-workshop-sluit-ronde", icon="lock", **smal,
                          tooltip="Niemand kan nog antwoorden wijzigen; daarna kun je de uitkomst overnemen")
        self.knop_heropen = knop("Heropen", "wk-workshop-heropen-ronde", icon="unlock", **smal,
                            tooltip="De ronde weer openzetten, zodat deelnemers verder kunnen")
        self.knop_overnemen = knop("Overnemen in dossier…", "wk-workshop-overnemen", icon="download",
                              layout=w.Layout(width="210px"),
                              tooltip="De ingediende antwoorden verwerken in het dossier (met een besluit in het log)")
        super().__init__([self.titel, self.knop_open, self.knop_sluit, self.knop_heropen, self.knop_overnemen])
        self.add_class("wk-workshop-ronde-rij")
        self.add_class(f"wk-workshop-ronde-{ronde.oefening}")
        self.knop_open.on_click(lambda _k: weergave._ronde_actie("open", self.ronde))
        self.knop_sluit.on_click(lambda _k: weergave._ronde_actie("sluit", self.ronde))
        self.knop_heropen.on_click(lambda _k: weergave._ronde_actie("heropen", self.ronde))
        self.knop_overnemen.on_click(lambda _k: weergave._vraag_overnemen(self.ronde))
        self.zet(ronde, sessie_gesloten=False)

    def zet(self, ronde: Ronde, *, sessie_gesloten: bool) -> None:
        self.ronde = ronde
        self.titel.value = (f"<b>{ronde.volgorde}. {e(ronde.titel)}</b> <span class='wk-workshop-status "
                            f"wk-workshop-status-{ronde.status}'>{e(ronde.status_label)}</span>")
        self.knop_open.disabled = ronde.status != KLAAR or sessie_gesloten
        self.knop_sluit.disabled = ronde.status != OPEN
        self.knop_heropen.disabled = ronde.status != GESLOTEN or sessie_gesloten
        self.knop_overnemen.disabled = ronde.status != GESLOTEN


class BegeleiderWeergave(w.VBox):
    """Start or open a session, then the session panel: join code, rounds, live results, offline files."""

    def __init__(self, context: WerkboekContext, *, omgeving: Mapping[str, str] | None = None,
                 automatisch: bool = True):
        super().__init__()
        self.add_class("wk-workshop-begeleider")
        self.context = context
        self.store = context.store
        self.omgeving = omgeving
        self.sessie: Sessie | None = None
        self._kop_dossier = ""
        self.rondes: dict[str, Ronde] = {}
        self._rijen: dict[str, _RondeRij] = {}
        self._stempel: tuple | None = None
        self._uitslag_sleutel: tuple | None = None
        self._ingediend_cache: dict[tuple[str, str], set[str]] = {}  # (ronde id, status) → who submitted
        self._over_te_nemen: Ronde | None = None
        self._melding = Melding()
        self._melding_rondes = Melding()
        self._melding_live = Melding()
        self._melding_offline = Melding()

        self._start = self._bouw_start()
        self._paneel = self._bouw_paneel()
        self._paneel.layout.display = "none"
        self.children = [stijl(), self._start, self._melding, self._paneel]
        if self.store is None:
            self._melding.fout(context.opstartmelding or "De opslag kon niet worden geopend.")
            for veld in (self._maak, self._open_knop):
                veld.disabled = True
        else:
            self._vul_dossiers()
        self._verversing = Verversing(self.ververs, INTERVAL, actief=self._automatisch_actief,
                                      bij_fout=self._toon_ververs_fout)
        if automatisch:
            self._verversing.start()

    # -- building: start ------------------------------------------------------------------
    def _bouw_start(self) -> w.VBox:
        self._dossier = w.Dropdown(description="Dossier", style=BREED, layout=w.Layout(width="640px"))
        self._dossier.add_class("wk-workshop-dossier")
        self._dossier.observe(self._dossier_gekozen, names="value")
        self._sessienaam = w.Text(description="Naam van de sessie", placeholder="bijv. Bewonersavond 12 maart",
                                  style=BREED, layout=VELD)
        self._sessienaam.add_class("wk-workshop-sessienaam")
        self._pin = w.Password(description="Pincode", placeholder="4 tot 8 cijfers", style=BREED,
                               layout=w.Layout(width="340px"))
        self._pin.add_class("wk-workshop-pin")
        self._pin2 = w.Password(description="Herhaal de pincode", style=BREED, layout=w.Layout(width="340px"))
        self._pin2.add_class("wk-workshop-pin2")
        self._oefeningen = {
            sleutel: w.Checkbox(value=sleutel in STANDAARD_OEFENINGEN, description=label, indent=False,
                                layout=w.Layout(width="auto", margin="0 0 0 178px"))
            for sleutel, label in OEFENINGEN.items()
        }
        self._niet_mogelijk = w.HTML()
        self._niet_mogelijk.add_class("wk-workshop-niet-mogelijk")
        for sleutel, vak in self._oefeningen.items():
            vak.add_class(f"wk-workshop-oefening-{sleutel}")
        self._maak = knop("Sessie maken", "wk-workshop-maak", button_style="primary", icon="plus")
        self._maak.on_click(self._maak_sessie)
        nieuw = w.VBox([
            w.HTML("<p>Kies het dossier, geef de sessie een naam en kies een pincode. Met die pincode open je de "
                   "sessie later opnieuw, bijvoorbeeld op een ander apparaat; deelnemers hebben hem niet nodig.</p>"),
            self._dossier, self._sessienaam, self._pin, self._pin2,
            w.HTML("<div style='margin:8px 0 2px 178px'><b>Oefeningen</b> (elke oefening wordt een ronde, in deze "
                   "volgorde; de vragen komen uit het dossier zoals het nu is)</div>"),
            *self._oefeningen.values(), self._niet_mogelijk,
            w.HBox([self._maak], layout=w.Layout(margin="8px 0 0 178px")),
        ])
        self._open_code = w.Text(description="Deelnamecode", placeholder="bijv. K7PQ-2MXD", style=BREED,
                                 layout=w.Layout(width="340px"))
        self._open_code.add_class("wk-workshop-open-code")
        self._open_pin = w.Password(description="Pincode", style=BREED, layout=w.Layout(width="340px"))
        self._open_pin.add_class("wk-workshop-open-pin")
        self._open_knop = knop("Sessie openen", "wk-workshop-open-sessie", button_style="primary", icon="folder-open")
        self._open_knop.on_click(self._open_sessie)
        self._eerdere = w.HTML()
        self._eerdere.add_class("wk-workshop-eerdere")
        bestaand = w.VBox([
            w.HTML("<p>Ga verder met een sessie die al bestaat: vul de deelnamecode en je pincode in.</p>"),
            self._open_code, self._open_pin,
            w.HBox([self._open_knop], layout=w.Layout(margin="8px 0 0 178px")),
            self._eerdere,
        ])
        self._start_tabs = w.Tab(children=[nieuw, bestaand], titles=("Nieuwe sessie", "Bestaande sessie openen"))
        self._start_tabs.add_class("wk-workshop-start-tabs")
        return w.VBox([self._start_tabs])

    # -- building: the session panel ------------------------------------------------------
    def _bouw_paneel(self) -> w.VBox:
        self._kop = w.HTML()
        self._kop.add_class("wk-workshop-kop")
        self._deelnemen = w.HTML()
        self._deelnemen.add_class("wk-workshop-deelnemen-vak")
        self._afsluiten = knop("Sessie afsluiten…", "wk-workshop-afsluiten", icon="power-off",
                               layout=w.Layout(width="auto"),
                               tooltip="Alle open rondes sluiten; daarna kan niemand meer meedoen")
        self._afsluiten.on_click(self._vraag_afsluiten)
        self._bevestig_afsluiten = Bevestiging("wk-workshop-afsluiten", ja="Ja, sessie afsluiten", nee="Nee, nog niet")
        self._bevestig_afsluiten.ja.on_click(self._sluit_sessie)

        self._rondes_vak = w.VBox()
        self._rondes_vak.add_class("wk-workshop-rondes")
        self._aanwezig = w.Text(description="Aanwezig", placeholder="bijv. gemeente, corporatie, bewonersraad",
                                style=BREED, layout=VELD)
        self._aanwezig.add_class("wk-workshop-aanwezig")
        self._overnemen_uitleg = w.HTML()
        self._bevestig_overnemen = Bevestiging("wk-workshop-overnemen", ja="Ja, overnemen", nee="Annuleren")
        self._bevestig_overnemen.ja.on_click(self._neem_over)
        self._bevestig_overnemen.nee.on_click(lambda _k: self._verberg_overnemen())
        self._overnemen_vak = w.VBox([self._overnemen_uitleg, self._aanwezig, self._bevestig_overnemen],
                                     layout=w.Layout(display="none", border="1px solid #ccc", padding="6px 10px"))
        self._overnemen_vak.add_class("wk-workshop-overnemen-vak")
        self._overname = w.HTML()
        self._overname.add_class("wk-workshop-overname")

        self._scherm = w.Dropdown(description="Ronde op het scherm", style=BREED, layout=VELD)
        self._scherm.add_class("wk-workshop-scherm")
        self._scherm.observe(self._scherm_gekozen, names="value")
        self._automatisch = w.Checkbox(value=True, description="Automatisch verversen", indent=False,
                                       layout=w.Layout(width="auto"))
        self._automatisch.add_class("wk-workshop-automatisch")
        self._nu_verversen = knop("Nu verversen", "wk-workshop-nu-verversen", icon="refresh")
        self._nu_verversen.on_click(self._ververs_knop)
        self._stand = w.HTML()
        self._stand.add_class("wk-workshop-stand-vak")
        self._tijd = w.HTML()
        self._tijd.add_class("wk-workshop-tijd-vak")
        self._uitslag = w.HTML()
        self._uitslag.add_class("wk-workshop-uitslag")
        self._verschillen = w.HTML()
        self._verschillen.add_class("wk-workshop-verschillen")
        self._deelnemers = w.HTML()
        self._deelnemers.add_class("wk-workshop-deelnemers")

        self._uitnodiging = w.HTML()
        self._uitnodiging.add_class("wk-workshop-uitnodiging")
        self._upload = w.FileUpload(accept=".json", multiple=True, description="Antwoordbestanden uploaden",
                                    layout=w.Layout(width="300px"))
        self._upload.add_class("wk-workshop-antwoorden-upload")
        self._upload.observe(self._antwoorden_geupload, names="value")
        self._verslag = w.HTML()
        self._verslag.add_class("wk-workshop-importverslag")
        offline = w.VBox([
            w.HTML("<p>Geen gedeelde server, bijvoorbeeld omdat iedereen het werkboek op Binder opent? Download de "
                   "uitnodiging en stuur die naar de deelnemers. Zij uploaden hem in hun eigen werkboek (pagina "
                   "'Meedoen aan een workshop'), beantwoorden de vragen en sturen jou hun antwoordbestand. Upload "
                   "die bestanden hier; ze tellen mee alsof de deelnemers hier meededen. Een bestand twee keer "
                   "uploaden telt één keer.</p>"),
            self._uitnodiging, self._upload, self._melding_offline, self._verslag,
        ])
        self._offline_vak = w.Accordion(children=[offline], titles=("Zonder gedeelde server",), selected_index=None)
        self._offline_vak.add_class("wk-workshop-offline")
        self._offline_vak.observe(lambda _c: self._toon_uitnodiging(), names="selected_index")

        return w.VBox([
            self._kop, self._deelnemen,
            w.HBox([self._afsluiten, self._bevestig_afsluiten]),
            w.HTML("<h3>Rondes</h3><div class='wk-bron'>Open een ronde als de groep eraan toe is. Een gesloten "
                   "ronde kun je heropenen of overnemen in het dossier; alleen ingediende antwoorden tellen.</div>"),
            self._rondes_vak, self._melding_rondes, self._overnemen_vak, self._overname,
            w.HTML("<h3>Live</h3>"),
            w.HBox([self._scherm, self._automatisch, self._nu_verversen], layout=w.Layout(align_items="center")),
            self._stand, self._tijd, self._melding_live, self._uitslag, self._verschillen, self._deelnemers,
            self._offline_vak,
        ])

    # -- start ----------------------------------------------------------------------------
    def _vul_dossiers(self) -> None:
        dossiers = self.store.dossiers()
        self._dossier.options = [(d.naam, d.id) for d in dossiers]
        ids = [d.id for d in dossiers]
        if self.context.dossier_id in ids:
            self._dossier.value = self.context.dossier_id
        elif ids:
            self._dossier.value = ids[0]
        self._dossier_gekozen()

    def _dossier_gekozen(self, _change=None) -> None:
        self._toon_eerdere_sessies()
        self._toon_mogelijke_oefeningen()

    def _toon_mogelijke_oefeningen(self) -> None:
        """Exercises this dossier cannot hold yet are unticked and say why, before anyone clicks 'Sessie maken'
        (the store checks the same and has the last word)."""
        redenen = self._redenen_niet_mogelijk(self._dossier.value) if self.store and self._dossier.value else {}
        for sleutel, vak in self._oefeningen.items():
            vak.disabled = sleutel in redenen
            if vak.disabled:
                vak.value = False
        self._niet_mogelijk.value = "".join(
            f"<div class='wk-bron' style='margin-left:178px'>Niet mogelijk in dit dossier: <b>{e(OEFENINGEN[s])}</b>"
            f" — {e(reden)}</div>" for s, reden in redenen.items())

    def _redenen_niet_mogelijk(self, dossier_id: str) -> dict[str, str]:
        try:
            redenen = {}
            if not self.store.partijen(dossier_id):
                redenen["machtbelang"] = "er staan nog geen partijen in het dossier (fase 1)."
            if self.store.vastzetting(dossier_id) is not None:
                redenen["weging"] = "de weging is al vastgezet (fase 3)."
            elif len(self.store.criteria(dossier_id)) < 2:
                redenen["weging"] = "er zijn nog geen twee criteria gekozen (fase 3)."
            if not self.store.koppelkansen(dossier_id):
                redenen["koppelkansen"] = "het register van koppelkansen is nog leeg (fase 3)."
            return redenen
        except WerkboekFout:
            return {}

    def _toon_eerdere_sessies(self) -> None:
        if self.store is None or not self._dossier.value:
            self._eerdere.value = ""
            return
        try:
            sessies = self.store.sessies(self._dossier.value)
        except WerkboekFout:
            sessies = []
        if not sessies:
            self._eerdere.value = ""
            return
        items = "".join(
            f"<li>{e(s.naam)} — code <b>{e(s.code_getoond)}</b>, gemaakt {_datum(s.aangemaakt)}"
            f"{', afgesloten' if s.is_gesloten else ''}</li>" for s in sessies[:10])
        self._eerdere.value = (f"<div class='wk-bron' style='margin-top:10px'>Sessies van dit dossier:<ul>{items}</ul>"
                               "</div>")

    @veilig()
    def _maak_sessie(self, _knop=None) -> None:
        if not self._dossier.value:
            raise InvoerFout("Kies eerst een dossier; maak er zo nodig een op de welkomstpagina. Er is niets gemaakt.")
        if self._pin.value != self._pin2.value:
            raise InvoerFout("De twee pincodes zijn niet gelijk. Typ dezelfde pincode twee keer; er is niets gemaakt.")
        oefeningen = [sleutel for sleutel, vak in self._oefeningen.items() if vak.value]
        if not oefeningen:
            raise InvoerFout("Kies minstens één oefening voor de workshop. Er is niets gemaakt.")
        sessie = self.store.maak_sessie(self._dossier.value, self._sessienaam.value, self._pin.value, oefeningen)
        self._pin.value = self._pin2.value = ""
        self._toon_sessie(sessie)
        self._melding.ok(f"De sessie '{sessie.naam}' is gemaakt. Zet de code op het scherm en open de eerste ronde.")

    @veilig()
    def _open_sessie(self, _knop=None) -> None:
        sessie = self.store.open_als_begeleider(self._open_code.value, self._open_pin.value)
        self._open_pin.value = ""
        self._toon_sessie(sessie)
        self._melding.ok(f"De sessie '{sessie.naam}' is geopend.")

    def _toon_sessie(self, sessie: Sessie) -> None:
        self.sessie = sessie
        self._start.layout.display = "none"
        self._paneel.layout.display = "flex"
        try:
            dossier = self.store.dossier(sessie.dossier_id)
            dossier_html = (f"<div>Dossier: <b>{e(dossier.naam)}</b> · <a href='00_welkom.ipynb?dossier="
                            f"{e(dossier.id)}' class='wk-link-welkom'>naar het dossier</a></div>")
        except WerkboekFout:
            dossier_html = ""
        self._kop_dossier = dossier_html
        self._kop_html(dossier_html)
        self._toon_deelnemen()
        rondes = self.store.rondes(sessie.id)
        self.rondes = {r.id: r for r in rondes}
        self._rijen = {r.id: _RondeRij(self, r) for r in rondes}
        self._rondes_vak.children = tuple(self._rijen.values())
        eerste_open = next((r.id for r in rondes if r.status == OPEN), rondes[0].id if rondes else None)
        self._scherm.options = [(f"{r.volgorde}. {r.titel}", r.id) for r in rondes]
        self._scherm.value = eerste_open
        self._stempel = self._uitslag_sleutel = None
        self.ververs(forceer=True)
        self._toon_uitnodiging()
        self._verversing.start()

    def _kop_html(self, dossier_html: str) -> None:
        sessie = self.sessie
        status = (" <span class='wk-workshop-status wk-workshop-status-gesloten'>Afgesloten</span>"
                  if sessie.is_gesloten else "")
        self._kop.value = f"<h2>Workshop: {e(sessie.naam)}{status}</h2>{dossier_html}"

    def _toon_deelnemen(self) -> None:
        sessie = self.sessie
        if sessie.is_gesloten:
            self._deelnemen.value = (
                "<div class='wk-melding wk-melding-info' role='status'>ℹ Deze sessie is afgesloten: niemand kan nog "
                "meedoen of antwoorden wijzigen. Gesloten rondes kun je nog overnemen in het dossier.</div>")
            self._afsluiten.disabled = True
            return
        url, volledig = deelnemer_url(sessie.code, self.omgeving)
        if volledig:
            adres = f"<a href='{e(url)}' class='wk-workshop-url' target='_blank' rel='noopener'>{e(url)}</a>"
            qr = qr_html(url)
        else:
            adres = (f"<span class='wk-workshop-url'>{e(url)}</span><div class='wk-bron'>Dit is het pad op deze "
                     "server: zet het adres van de server ervoor, zoals je het in de adresbalk ziet. (Het volledige "
                     "adres verschijnt hier als het werkboek in Voilà draait, of stel WIJKKOMPAS_PUBLIEKE_URL in.)"
                     "</div>")
            qr = ""
        self._deelnemen.value = (
            "<div class='wk-workshop-deelnemen'><div>"
            "<div>Meedoen? Ga naar</div>"
            f"<div>{adres}</div>"
            "<div style='margin-top:8px'>en vul deze code in:</div>"
            f"<div class='wk-workshop-code' aria-label='Deelnamecode {e(' '.join(sessie.code))}'>"
            f"{e(sessie.code_getoond)}</div>"
            "<div class='wk-bron'>Het streepje hoef je niet te typen; hoofdletters of kleine letters maakt niet "
            "uit.</div></div>"
            f"<div>{qr}</div></div>"
        )
        self._afsluiten.disabled = False

    # -- the session ----------------------------------------------------------------------
    def _vraag_afsluiten(self, _knop=None) -> None:
        self._bevestig_afsluiten.vraag(
            "Weet je het zeker? Alle open rondes gaan dicht en niemand kan nog meedoen. Gesloten rondes kun je daarna "
            "nog overnemen in het dossier. ")

    @veilig("_melding_rondes")
    def _sluit_sessie(self, _knop=None) -> None:
        self._bevestig_afsluiten.verberg()
        self.sessie = self.store.sluit_sessie(self.sessie.id)
        self._kop_html(self._kop_dossier)
        self._toon_deelnemen()
        self.ververs(forceer=True)
        self._melding_rondes.ok("De sessie is afgesloten. Bedankt voor het begeleiden!")

    @veilig("_melding_rondes")
    def _ronde_actie(self, actie: str, ronde: Ronde) -> None:
        methode = {"open": self.store.open_ronde, "sluit": self.store.sluit_ronde,
                   "heropen": self.store.heropen_ronde}[actie]
        nieuw = methode(self.sessie.id, ronde.id)
        tekst = {"open": "is open: deelnemers zien de vragen nu",
                 "sluit": "is gesloten: niemand kan nog antwoorden wijzigen",
                 "heropen": "is weer open: deelnemers kunnen hun antwoorden weer aanpassen"}[actie]
        if actie == "open" or self._scherm.value is None:
            self._scherm.value = nieuw.id  # what was just opened is what the room wants to see
        self.ververs(forceer=True)
        self._melding_rondes.ok(f"De ronde '{nieuw.titel}' {tekst}.")

    def _vraag_overnemen(self, ronde: Ronde) -> None:
        self._over_te_nemen = ronde
        self._overname.value = ""
        self._overnemen_uitleg.value = (
            f"<h4>'{e(ronde.titel)}' overnemen in het dossier</h4><p>{e(_overnemen_uitleg(ronde))} Alleen "
            "ingediende antwoorden tellen. Het besluit komt in het besluitenlog; overnemen kan maar één keer.</p>")
        self._overnemen_vak.layout.display = "flex"
        self._bevestig_overnemen.vraag("Weet je het zeker? ")

    def _verberg_overnemen(self) -> None:
        self._over_te_nemen = None
        self._overnemen_vak.layout.display = "none"
        self._bevestig_overnemen.verberg()

    @veilig("_melding_rondes")
    def _neem_over(self, _knop=None) -> None:
        ronde = self._over_te_nemen
        if ronde is None:
            return
        overname = self.store.neem_ronde_over(self.sessie.id, ronde.id, self._aanwezig.value)
        self._verberg_overnemen()
        details = "".join(f"<li>{e(regel)}</li>" for regel in overname.details)
        niet = "".join(f"<li>{e(regel)}</li>" for regel in overname.niet_overgenomen)
        self._overname.value = (
            "<div class='wk-melding wk-melding-ok' role='status'>"
            f"✔ Overgenomen in het dossier: {e(overname.wat)}"
            + (f"<ul>{details}</ul>" if details else "")
            + (f"<div><b>Niet overgenomen:</b><ul>{niet}</ul></div>" if niet else "")
            + f"<div class='wk-bron'>Besluit {overname.besluit_id} in het besluitenlog.</div></div>"
        )
        self._melding_rondes.wis()
        self.context.gewijzigd()
        self.ververs(forceer=True)

    # -- live -----------------------------------------------------------------------------
    def _automatisch_actief(self) -> bool:
        return self.sessie is not None and self._automatisch.value

    def _toon_ververs_fout(self) -> None:
        self._melding_live.fout("Verversen lukte even niet. Het wordt over een paar seconden opnieuw geprobeerd.")

    @veilig("_melding_live")
    def _ververs_knop(self, _knop=None) -> None:
        self.ververs(forceer=True)

    def _scherm_gekozen(self, _change) -> None:
        if self.sessie is not None:
            self._ververs_knop()

    def ververs(self, forceer: bool = False) -> bool:
        """Look at the stamp; read and redraw only when it changed (or ``forceer``). True when redrawn.
        The auto-refresh calls this every two seconds; store errors become a message, never a traceback."""
        if self.sessie is None or self.store is None:
            return False
        try:
            stempel = self.store.verversstempel(self.sessie.id)
            self._tijd.value = f"<div class='wk-workshop-tijd'>Laatst bijgewerkt {tijd()}</div>"
            if stempel == self._stempel and not forceer:
                return False
            gesloten = self.sessie.is_gesloten
            self.sessie = self.store.sessie(self.sessie.id)  # closed from another device meanwhile?
            if self.sessie.is_gesloten != gesloten:
                self._kop_html(self._kop_dossier)
                self._toon_deelnemen()
            rondes = self.store.rondes(self.sessie.id)
            self.rondes = {r.id: r for r in rondes}
            for ronde in rondes:
                rij = self._rijen.get(ronde.id)
                if rij is not None:
                    rij.zet(ronde, sessie_gesloten=self.sessie.is_gesloten)
            self._toon_live()
        except WerkboekFout as fout:
            self._melding_live.fout(str(fout))
            return False
        self._stempel = stempel
        self._melding_live.wis()
        return True

    def _toon_live(self) -> None:
        sessie = self.sessie
        ronde = self.rondes.get(self._scherm.value)
        deelnemers = self.store.deelnemers(sessie.id)
        ingediend_per_ronde: dict[str, set[str]] = {}
        antwoorden = []
        for r in self.rondes.values():
            op_scherm = ronde is not None and r.id == ronde.id
            if r.status == KLAAR:
                ingediend_per_ronde[r.id] = set()
            elif not op_scherm and r.status != OPEN and (r.id, r.status) in self._ingediend_cache:
                ingediend_per_ronde[r.id] = self._ingediend_cache[(r.id, r.status)]  # a closed round stays put
            else:
                lijst = self.store.ronde_antwoorden(sessie.id, r.id, alleen_ingediend=True)
                ingediend_per_ronde[r.id] = self._ingediend_cache[(r.id, r.status)] = {d.id for d, _a in lijst}
                if op_scherm:
                    antwoorden = lijst
        if ronde is None:
            self._stand.value = "<p>Deze sessie heeft geen rondes.</p>"
            self._uitslag.value = self._verschillen.value = ""
        else:
            stand = self.store.ronde_stand(sessie.id, ronde.id)
            self._stand.value = (
                f"<div class='wk-workshop-stand' role='status'><b>{e(ronde.titel)}</b> "
                f"<span class='wk-workshop-status wk-workshop-status-{ronde.status}'>{e(ronde.status_label)}</span>"
                f"<br>{_aantal(stand.deelnemers, 'deelnemer', 'deelnemers')} · {stand.bezig} bezig · "
                f"{stand.ingediend} ingediend</div>")
            sleutel = (ronde.id, tuple(sorted(
                (d.id, d.organisatie, tuple(sorted(a.waarden.items()))) for d, a in antwoorden)))
            if sleutel != self._uitslag_sleutel:  # charts only when the submitted answers changed
                self._uitslag.value = uitslag_html(self.context.inhoud, ronde, antwoorden, sessie.naam)
                self._verschillen.value = verschillen_html(ronde, antwoorden)
                self._uitslag_sleutel = sleutel
        self._deelnemers.value = _deelnemers_html(deelnemers, list(self.rondes.values()), ingediend_per_ronde)

    # -- offline --------------------------------------------------------------------------
    @veilig("_melding_offline")
    def _toon_uitnodiging(self) -> None:
        if self.sessie is None or self._offline_vak.selected_index != 0:
            return
        from ..workshop import bestand

        data = bestand.als_bytes(self.store.uitnodiging(self.sessie.id))
        self._uitnodiging.value = download_link(data, f"uitnodiging-{self.sessie.code}.json", "Uitnodiging downloaden")

    @veilig("_melding_offline")
    def _antwoorden_geupload(self, change) -> None:
        from ..workshop import bestand

        items = change["new"]
        if not items or self.sessie is None:
            return
        gelezen = []
        geweigerd: list[str] = []
        try:
            for item in items:
                naam = str(item.get("name") or "antwoorden.json")
                if int(item.get("size") or 0) > bestand.MAX_BESTAND:
                    geweigerd.append(f"{naam}: het bestand is te groot voor een antwoordbestand (hoogstens "
                                     f"{bestand.MAX_BESTAND // 1_000_000} MB).")
                    continue
                try:
                    gelezen.append(bestand.lees_antwoordbestand(bytes(item["content"]), naam))
                except InvoerFout as fout:
                    geweigerd.append(str(fout))
        finally:
            self._upload.value = ()
        verslag = self.store.importeer_antwoorden(self.sessie.id, gelezen) if gelezen else ImportVerslag()
        self._verslag.value = _verslag_html(verslag, geweigerd)
        self.ververs(forceer=True)

    def close(self) -> None:
        self._verversing.stop()
        super().close()


def _overnemen_uitleg(ronde: Ronde) -> str:
    return {
        "scan": "Er komt een nieuwe, gesloten ronde van de samenwerkingsscan in het dossier met de antwoorden van "
                "iedere deelnemer.",
        "machtbelang": "Per partij worden invloed en belang de mediaan van wat de deelnemers gaven.",
        "weging": "Per partij waarvan de naam overeenkomt met de organisatie van deelnemers, wordt de weging het "
                  "gemiddelde van hun punten (samen weer 100).",
        "koppelkansen": "Per koppelkans en criterium wordt de score het afgeronde gemiddelde van de deelnemers.",
    }.get(ronde.oefening, "De uitkomst wordt in het dossier gezet.")


def _deelnemers_html(deelnemers, rondes: list[Ronde], ingediend: dict[str, set[str]]) -> str:
    """Who joined, and per round whether they submitted (a tick and the word, not colour)."""
    if not deelnemers:
        return ("<details class='wk-workshop-deelnemerslijst'><summary>Deelnemers (nog niemand)</summary>"
                "<p>Nog niemand doet mee.</p></details>")
    zichtbaar = [r for r in rondes if r.status != KLAAR]
    kop = "".join(f"<th scope='col'>{e(r.titel)}</th>" for r in zichtbaar)
    rijen = []
    for d in sorted(deelnemers, key=lambda d: (d.organisatie.lower(), d.naam.lower())):
        cellen = "".join(
            f"<td>{'✔ ingediend' if d.id in ingediend.get(r.id, set()) else '–'}</td>" for r in zichtbaar)
        spoor = d.spoor or "weet niet"
        rijen.append(f"<tr><td>{e(d.naam)}</td><td>{e(d.organisatie)}</td><td>{e(spoor)}</td>{cellen}</tr>")
    return (f"<details class='wk-workshop-deelnemerslijst'><summary>Deelnemers ({len(deelnemers)})</summary>"
            "<table class='wk-tabel'><thead><tr><th scope='col'>Naam</th><th scope='col'>Organisatie</th>"
            f"<th scope='col'>Spoor</th>{kop}</tr></thead><tbody>{''.join(rijen)}</tbody></table></details>")


def _verslag_html(verslag: ImportVerslag, geweigerd_vooraf: list[str]) -> str:
    geweigerd = [*geweigerd_vooraf, *verslag.geweigerd]
    delen = []
    if verslag.nieuw:
        delen.append(f"<p>✔ Nieuw: {_aantal(len(verslag.nieuw), 'deelnemer', 'deelnemers')} "
                     f"({e(', '.join(verslag.nieuw))}).</p>")
    if verslag.bijgewerkt:
        delen.append(f"<p>✔ Bijgewerkt: {_aantal(len(verslag.bijgewerkt), 'deelnemer', 'deelnemers')} "
                     f"({e(', '.join(verslag.bijgewerkt))}); hun eerdere antwoorden zijn vervangen.</p>")
    if geweigerd:
        items = "".join(f"<li>{e(regel)}</li>" for regel in geweigerd)
        delen.append(f"<div class='wk-melding wk-melding-fout' role='alert'>⚠ Niet ingelezen "
                     f"({_aantal(len(geweigerd), 'bestand', 'bestanden')}):<ul>{items}</ul></div>")
    if not delen:
        delen.append("<p>Er zijn geen antwoorden ingelezen.</p>")
    return "<div class='wk-workshop-verslag' role='status'>" + "".join(delen) + "</div>"


# -- the aggregate of a round -------------------------------------------------------------------
def uitslag_html(inhoud, ronde: Ronde, antwoorden, sessienaam: str = "") -> str:
    """The room's result of one round: aggregation from ``workshop.aggregatie``, charts from ``charts``."""
    uitslag = aggregatie.ronde_uitslag(ronde, antwoorden, inhoud)
    if uitslag.leeg:
        return (f"<p class='wk-workshop-leeg' role='status'>{e(uitslag.melding)} Zodra deelnemers indienen, "
                "verschijnt hier de uitkomst.</p>")
    teken = {"scan": _scan_html, "machtbelang": _machtbelang_html, "weging": _weging_html,
             "koppelkansen": _koppelkansen_html}[ronde.oefening]
    return teken(ronde, uitslag, sessienaam)


def _organisaties_tekst(uitslag) -> str:
    namen = ", ".join(f"{o.naam} ({o.deelnemers})" for o in uitslag.organisaties)
    aantal = _aantal(uitslag.deelnemers, "ingediende antwoordenlijst", "ingediende antwoordenlijsten")
    return f"<p class='wk-bron'>Uitkomst van {aantal}; organisaties (aantal deelnemers): {e(namen)}.</p>"


def _scan_html(ronde: Ronde, uitslag, sessienaam: str = "") -> str:
    factoren = uitslag.uitslag.factoren
    tabel = tabel_html(
        ["Factor", "Gemiddelde (1–5)", "Spreiding", "Aantal personen"],
        [[f.naam, "te weinig antwoorden" if f.te_weinig else getal1(f.gemiddelde),
          "–" if f.te_weinig else getal1(f.spreiding), str(f.n)] for f in factoren])
    profielen = [(naam, list(waarden)) for naam, waarden in uitslag.profielen]
    alt = "Radardiagram van de samenwerkingsscan in de workshop, schaal 1 tot 5. " + "; ".join(
        f"{naam}: {'te weinig antwoorden' if waarde is None else getal1(waarde)}"
        for naam, waarde in zip(uitslag.factornamen, uitslag.gemiddelde, strict=True)) + "."
    figuur = figuur_html(radar_figuur(list(uitslag.factornamen), profielen, list(uitslag.gemiddelde),
                                      f"workshop {sessienaam}".strip()),
                         alt, breedte="700px")
    punten = "".join(
        f"<li><b>Stelling {p.nummer}:</b> {e(p.stelling.tekst)} — gemiddelde {getal1(p.gemiddelde)}<br>"
        f"<i>Gespreksvraag:</i> {e(p.gespreksvraag)}</li>" for p in uitslag.uitslag.aandachtspunten)
    aandacht = f"<h4>Top 3 aandachtspunten</h4><ol>{punten}</ol>" if punten else ""
    weet_niet = f"<p class='wk-bron'>'Weet niet' gegeven: {uitslag.weet_niet}×.</p>" if uitslag.weet_niet else ""
    return _organisaties_tekst(uitslag) + tabel + figuur + aandacht + weet_niet


def _bereik(vraag_uitslag) -> str:
    if vraag_uitslag is None or vraag_uitslag.mediaan is None:
        return "–"
    return (f"{getal(vraag_uitslag.mediaan)} ({getal(vraag_uitslag.minimum)}–{getal(vraag_uitslag.maximum)})")


def _machtbelang_html(ronde: Ronde, uitslag, sessienaam: str = "") -> str:
    rijen = [[p.naam, _bereik(p.invloed), _bereik(p.belang), str(p.aantal)] for p in uitslag.partijen]
    tabel = tabel_html(["Partij", "Invloed: mediaan (laagste–hoogste)", "Belang: mediaan (laagste–hoogste)",
                        "Aantal antwoorden"], rijen)
    alt = "Macht/belang-raster volgens de deelnemers (mediaan, met de spreiding als streepjeslijn): " + "; ".join(
        f"{p.naam}: invloed {_bereik(p.invloed)}, belang {_bereik(p.belang)}" for p in uitslag.partijen) + "."
    figuur = figuur_html(machtbelang_spreiding_figuur(uitslag), alt, breedte="640px")
    return _organisaties_tekst(uitslag) + figuur + tabel


def _weging_html(ronde: Ronde, uitslag, sessienaam: str = "") -> str:
    namen = uitslag.namen
    organisaties = list(uitslag.punten_per_organisatie)
    rijen = [[naam, str(uitslag.gezamenlijke_punten.get(sleutel, 0))]
             + [str(uitslag.punten_per_organisatie[o].get(sleutel, 0)) for o in organisaties]
             for sleutel, naam in namen.items()]
    tabel = tabel_html(["Criterium", "Gezamenlijk (punten)", *organisaties], rijen)
    alt = "Staafdiagram van de gewichten per organisatie en gezamenlijk: " + "; ".join(
        f"{naam} gezamenlijk {procent(uitslag.gezamenlijk.get(sleutel, 0.0))}"
        for sleutel, naam in namen.items()) + "."
    figuur = figuur_html(wegingen_figuur(uitslag.per_organisatie, namen, uitslag.gezamenlijk,
                                         titel="Gewicht per criterium, per organisatie"), alt, breedte="760px")
    zinnen = "".join(f"<li>{e(z)}</li>" for z in uitslag.zinnen)
    verschil = f"<div class='wk-weging-verschillen'><ul>{zinnen}</ul></div>" if zinnen else ""
    overgeslagen = (f"<p class='wk-bron'>{_aantal(uitslag.overgeslagen, 'antwoordenlijst', 'antwoordenlijsten')} "
                    "zonder bruikbare punten telt niet mee.</p>" if uitslag.overgeslagen else "")
    return (_organisaties_tekst(uitslag) + "<p>Elke organisatie telt even zwaar mee, hoeveel mensen er ook "
            "meededen. De punten zijn per organisatie het gemiddelde van haar deelnemers, afgerond op samen 100.</p>"
            + tabel + figuur + verschil + overgeslagen)


def _koppelkansen_html(ronde: Ronde, uitslag, sessienaam: str = "") -> str:
    rijen = [[str(k.plaats) if k.plaats is not None else "–", k.titel,
              getal1(k.gemiddelde) if k.gemiddelde is not None else "nog niet volledig gescoord",
              getal1(k.verschil) if len(k.per_organisatie) >= 2 else "–"]
             for k in uitslag.kansen]
    tabel = tabel_html(["Plaats", "Koppelkans", "Gemiddelde (1–5)", "Verschil tussen organisaties"], rijen)
    alt = "Koppelkansen gerangschikt op de gemiddelde score van de deelnemers: " + "; ".join(
        f"{k.titel} {getal1(k.gemiddelde) if k.gemiddelde is not None else 'onvolledig'}"
        for k in uitslag.kansen) + "."
    figuur = figuur_html(koppelkansen_figuur(uitslag.rangschikking), alt, breedte="700px")
    return _organisaties_tekst(uitslag) + figuur + tabel


def verschillen_html(ronde: Ronde, antwoorden) -> str:
    """'Waar de organisaties verschillen': the questions with the largest gap between organisation means."""
    verschillen = aggregatie.spreiding_tussen_organisaties(ronde, antwoorden, aggregatie.AANTAL_VERSCHILLEN)
    if not verschillen:
        return ("<h4>Waar de organisaties verschillen</h4><p class='wk-bron'>Nog geen verschillen: daarvoor zijn "
                "ingediende antwoorden van minstens twee organisaties nodig.</p>")
    toon = procent if ronde.oefening == "weging" else getal

    def vraag(v) -> str:
        return f"{v.vraag.groep}: {v.vraag.label}" if v.vraag.groep and ronde.oefening != "scan" else v.vraag.label

    rijen = [[vraag(v), f"{v.hoogste[0]} ({toon(round(v.hoogste[1], 3))})",
              f"{v.laagste[0]} ({toon(round(v.laagste[1], 3))})", toon(round(v.verschil, 3))] for v in verschillen]
    eenheid = " (aandeel van de punten)" if ronde.oefening == "weging" else ""
    return ("<h4>Waar de organisaties verschillen</h4><p class='wk-bron'>De vragen met het grootste verschil tussen "
            f"het hoogste en het laagste gemiddelde van een organisatie{eenheid}. Een goed begin voor het gesprek.</p>"
            + tabel_html(["Vraag", "Hoogste", "Laagste", "Verschil"], rijen))
