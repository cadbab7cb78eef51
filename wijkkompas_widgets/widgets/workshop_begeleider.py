"""The facilitator's page of a live workshop: make or open a session, put the join code on the screen,
open and close rounds, watch the answers come in, and adopt a closed round into the dossier.

The state and the store calls are in ``BegeleiderModel`` (``workshop_begeleider_model``); this module only builds
the controls, links them to the model's traits and draws what the model holds. The page polls the model's
``ververs`` every two seconds (one cheap query for a stamp); the model reads answers only when that stamp changed,
and the charts are drawn only when the submitted answers of the round on the screen changed. Adoption is one
transaction in the store, so the other pages of the dossier show the result on their next refresh.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

import ipywidgets as w
import segno

from ..content import Inhoud
from ..workshop.model import GESLOTEN, KLAAR, OEFENINGEN, OPEN, Ronde
from .basis import BREED, VELD, Bevestiging, Melding, e, knop, stijl, veilig
from .context import WerkboekContext
from .workshop_begeleider_model import VERVERS_FOUT, BegeleiderModel
from .workshop_live import Verversing, deelnemer_url, download_link
from .workshop_uitslag import aantal, deelnemers_html, overnemen_uitleg, uitslag_html, verschillen_html, verslag_html

INTERVAL = 2.0  # seconds between two looks at the verversstempel
_SMAL = {"layout": w.Layout(width="340px")}


def _datum(moment: datetime | None) -> str:
    return moment.strftime("%d-%m-%Y") if moment else ""


def qr_html(url: str) -> str:
    """The join URL as a QR code (inline SVG) with a text alternative, for phones in the room."""
    svg = segno.make(url, error="m").svg_inline(scale=5, title=f"QR-code met het adres {url}")
    return (f"<div class='wk-workshop-qr' role='img' aria-label='QR-code met het adres om mee te doen: {e(url)}'>"
            f"{svg}</div><div class='wk-bron'>QR-code: scan hem met de camera van je telefoon; hij opent het adres "
            "hiernaast.</div>")


class StartVak(w.VBox):
    """Before a session is open: a new one (dossier, name, PIN twice, exercises) or an existing one (code, PIN)."""

    def __init__(self, model: BegeleiderModel, melding: Melding):
        super().__init__()
        self.add_class("wk-workshop-start")
        self.model = model
        self._melding = melding
        dossier = w.Dropdown(description="Dossier", style=BREED, layout=w.Layout(width="640px"))
        dossier.add_class("wk-workshop-dossier")
        w.dlink((model, "dossiers"), (dossier, "options"), tuple)
        w.link((model, "dossier_id"), (dossier, "value"))
        sessienaam = self._tekst(w.Text, "sessienaam", "wk-workshop-sessienaam", description="Naam van de sessie",
                                 placeholder="bijv. Bewonersavond 12 maart", layout=VELD)
        pin = self._tekst(w.Password, "pin", "wk-workshop-pin", description="Pincode", placeholder="4 tot 8 cijfers",
                          **_SMAL)
        pin2 = self._tekst(w.Password, "pin2", "wk-workshop-pin2", description="Herhaal de pincode", **_SMAL)
        self._oefeningen = {
            sleutel: w.Checkbox(value=sleutel in model.oefeningen, description=label, indent=False,
                                layout=w.Layout(width="auto", margin="0 0 0 178px"))
            for sleutel, label in OEFENINGEN.items()
        }
        for sleutel, vak in self._oefeningen.items():
            vak.add_class(f"wk-workshop-oefening-{sleutel}")
            vak.observe(lambda change, s=sleutel: self._vink(s, change["new"]), names="value")
        self._niet_mogelijk = w.HTML()
        self._niet_mogelijk.add_class("wk-workshop-niet-mogelijk")
        self.maak = knop("Sessie maken", "wk-workshop-maak", button_style="primary", icon="plus")
        self.maak.on_click(self._maak_sessie)
        nieuw = w.VBox([
            w.HTML("<p>Kies het dossier, geef de sessie een naam en kies een pincode. Met die pincode open je de "
                   "sessie later opnieuw, bijvoorbeeld op een ander apparaat; deelnemers hebben hem niet nodig.</p>"),
            dossier, sessienaam, pin, pin2,
            w.HTML("<div style='margin:8px 0 2px 178px'><b>Oefeningen</b> (elke oefening wordt een ronde, in deze "
                   "volgorde; de vragen komen uit het dossier zoals het nu is)</div>"),
            *self._oefeningen.values(), self._niet_mogelijk,
            w.HBox([self.maak], layout=w.Layout(margin="8px 0 0 178px")),
        ])
        open_code = self._tekst(w.Text, "open_code", "wk-workshop-open-code", description="Deelnamecode",
                                placeholder="bijv. K7PQ-2MXD", **_SMAL)
        open_pin = self._tekst(w.Password, "open_pin", "wk-workshop-open-pin", description="Pincode", **_SMAL)
        self.open = knop("Sessie openen", "wk-workshop-open-sessie", button_style="primary", icon="folder-open")
        self.open.on_click(self._open_sessie)
        self._eerdere = w.HTML()
        self._eerdere.add_class("wk-workshop-eerdere")
        bestaand = w.VBox([
            w.HTML("<p>Ga verder met een sessie die al bestaat: vul de deelnamecode en je pincode in.</p>"),
            open_code, open_pin, w.HBox([self.open], layout=w.Layout(margin="8px 0 0 178px")), self._eerdere,
        ])
        tabs = w.Tab(children=[nieuw, bestaand], titles=("Nieuwe sessie", "Bestaande sessie openen"))
        tabs.add_class("wk-workshop-start-tabs")
        self.children = [tabs]
        model.observe(self._toon_oefeningen, names=["oefeningen", "niet_mogelijk"])
        model.observe(self._toon_eerdere, names="eerdere")
        self._toon_oefeningen()
        self._toon_eerdere()

    def _tekst(self, soort: type, trait: str, klasse: str, **kwargs) -> w.Text:
        """A text or PIN field that holds the model's ``trait``."""
        veld = soort(style=BREED, **kwargs)
        veld.add_class(klasse)
        w.link((self.model, trait), (veld, "value"))
        return veld

    def _vink(self, sleutel: str, aan: bool) -> None:
        gekozen = [s for s in self.model.oefeningen if s != sleutel]
        self.model.oefeningen = [*gekozen, sleutel] if aan else gekozen

    def _toon_oefeningen(self, _change=None) -> None:
        redenen = self.model.niet_mogelijk
        for sleutel, vak in self._oefeningen.items():
            vak.disabled = sleutel in redenen
            vak.value = sleutel in self.model.oefeningen
        self._niet_mogelijk.value = "".join(
            f"<div class='wk-bron' style='margin-left:178px'>Niet mogelijk in dit dossier: <b>{e(OEFENINGEN[s])}</b>"
            f" — {e(reden)}</div>" for s, reden in redenen.items())

    def _toon_eerdere(self, _change=None) -> None:
        sessies = self.model.eerdere
        items = "".join(
            f"<li>{e(s.naam)} — code <b>{e(s.code_getoond)}</b>, gemaakt {_datum(s.aangemaakt)}"
            f"{', afgesloten' if s.is_gesloten else ''}</li>" for s in sessies[:10])
        self._eerdere.value = (f"<div class='wk-bron' style='margin-top:10px'>Sessies van dit dossier:<ul>{items}</ul>"
                               "</div>" if sessies else "")

    @veilig()
    def _maak_sessie(self, _knop=None) -> None:
        sessie = self.model.maak_sessie()
        self._melding.ok(f"De sessie '{sessie.naam}' is gemaakt. Zet de code op het scherm en open de eerste ronde.")

    @veilig()
    def _open_sessie(self, _knop=None) -> None:
        sessie = self.model.open_sessie()
        self._melding.ok(f"De sessie '{sessie.naam}' is geopend.")


class DeelnameScherm(w.VBox):
    """What goes on the big screen: the session and its dossier, where to join with which code (and a QR code),
    and closing the session."""

    def __init__(self, model: BegeleiderModel, melding: Melding, omgeving: Mapping[str, str] | None):
        super().__init__()
        self.model = model
        self._melding = melding
        self.omgeving = omgeving
        self._kop = w.HTML()
        self._kop.add_class("wk-workshop-kop")
        self._deelnemen = w.HTML()
        self._deelnemen.add_class("wk-workshop-deelnemen-vak")
        self._afsluiten = knop("Sessie afsluiten…", "wk-workshop-afsluiten", icon="power-off",
                               layout=w.Layout(width="auto"),
                               tooltip="Alle open rondes sluiten; daarna kan niemand meer meedoen")
        self._afsluiten.on_click(self._vraag_afsluiten)
        self._bevestig = Bevestiging("wk-workshop-afsluiten", ja="Ja, sessie afsluiten", nee="Nee, nog niet")
        self._bevestig.ja.on_click(self._sluit_sessie)
        self.children = [self._kop, self._deelnemen, w.HBox([self._afsluiten, self._bevestig])]
        model.observe(self._toon, names=["sessie", "dossier"])

    def _toon(self, _change=None) -> None:
        sessie, dossier = self.model.sessie, self.model.dossier
        if sessie is None:
            return
        status = (" <span class='wk-workshop-status wk-workshop-status-gesloten'>Afgesloten</span>"
                  if sessie.is_gesloten else "")
        dossier_html = (f"<div>Dossier: <b>{e(dossier.naam)}</b> · <a href='00_welkom.ipynb?dossier="
                        f"{e(dossier.id)}' class='wk-link-welkom'>naar het dossier</a></div>" if dossier else "")
        self._kop.value = f"<h2>Workshop: {e(sessie.naam)}{status}</h2>{dossier_html}"
        self._afsluiten.disabled = sessie.is_gesloten
        if sessie.is_gesloten:
            self._deelnemen.value = (
                "<div class='wk-melding wk-melding-info' role='status'>ℹ Deze sessie is afgesloten: niemand kan nog "
                "meedoen of antwoorden wijzigen. Gesloten rondes kun je nog overnemen in het dossier.</div>")
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

    def _vraag_afsluiten(self, _knop=None) -> None:
        self._bevestig.vraag(
            "Weet je het zeker? Alle open rondes gaan dicht en niemand kan nog meedoen. Gesloten rondes kun je daarna "
            "nog overnemen in het dossier. ")

    @veilig()
    def _sluit_sessie(self, _knop=None) -> None:
        self._bevestig.verberg()
        self.model.sluit_sessie()
        self._melding.ok("De sessie is afgesloten. Bedankt voor het begeleiden!")


class _RondeRij(w.HBox):
    """Title, status in words and the buttons of one round; which buttons work follows the status."""

    def __init__(self, ronde: Ronde, actie: Callable[[str, Ronde], None]):
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
                                   tooltip="De ingediende antwoorden verwerken in het dossier (met een besluit in het "
                                           "log)")
        super().__init__([self.titel, self.knop_open, self.knop_sluit, self.knop_heropen, self.knop_overnemen])
        self.add_class("wk-workshop-ronde-rij")
        self.add_class(f"wk-workshop-ronde-{ronde.oefening}")
        for soort, knop_ in (("open", self.knop_open), ("sluit", self.knop_sluit), ("heropen", self.knop_heropen),
                             ("overnemen", self.knop_overnemen)):
            knop_.on_click(lambda _k, soort=soort: actie(soort, self.ronde))
        self.zet(ronde, sessie_gesloten=False)

    def zet(self, ronde: Ronde, *, sessie_gesloten: bool) -> None:
        self.ronde = ronde
        self.titel.value = (f"<b>{ronde.volgorde}. {e(ronde.titel)}</b> <span class='wk-workshop-status "
                            f"wk-workshop-status-{ronde.status}'>{e(ronde.status_label)}</span>")
        self.knop_open.disabled = ronde.status != KLAAR or sessie_gesloten
        self.knop_sluit.disabled = ronde.status != OPEN
        self.knop_heropen.disabled = ronde.status != GESLOTEN or sessie_gesloten
        self.knop_overnemen.disabled = ronde.status != GESLOTEN


class RondesVak(w.VBox):
    """The rounds with their buttons, and adopting a closed round after 'Weet je het zeker?'."""

    def __init__(self, model: BegeleiderModel, context: WerkboekContext):
        super().__init__()
        self.model = model
        self.context = context
        self.melding = self._melding = Melding()
        self._rijen: dict[str, _RondeRij] = {}
        self._lijst = w.VBox()
        self._lijst.add_class("wk-workshop-rondes")
        aanwezig = w.Text(description="Aanwezig", placeholder="bijv. gemeente, corporatie, bewonersraad",
                          style=BREED, layout=VELD)
        aanwezig.add_class("wk-workshop-aanwezig")
        w.link((model, "aanwezig"), (aanwezig, "value"))
        self._uitleg = w.HTML()
        self._bevestig = Bevestiging("wk-workshop-overnemen", ja="Ja, overnemen", nee="Annuleren")
        self._bevestig.ja.on_click(self._neem_over)
        self._bevestig.nee.on_click(lambda _k: model.annuleer_overnemen())
        self._overnemen_vak = w.VBox([self._uitleg, aanwezig, self._bevestig],
                                     layout=w.Layout(display="none", border="1px solid #ccc", padding="6px 10px"))
        self._overnemen_vak.add_class("wk-workshop-overnemen-vak")
        self._overname = w.HTML()
        self._overname.add_class("wk-workshop-overname")
        self.children = [
            w.HTML("<h3>Rondes</h3><div class='wk-bron'>Open een ronde als de groep eraan toe is. Een gesloten "
                   "ronde kun je heropenen of overnemen in het dossier; alleen ingediende antwoorden tellen.</div>"),
            self._lijst, self._melding, self._overnemen_vak, self._overname,
        ]
        model.observe(self._toon_rondes, names=["rondes", "sessie"])
        model.observe(self._toon_overnemen, names="over_te_nemen")
        model.observe(self._toon_overname, names="overname")

    def _toon_rondes(self, _change=None) -> None:
        gesloten = self.model.sessie is not None and self.model.sessie.is_gesloten
        for ronde in self.model.rondes:
            if ronde.id not in self._rijen:
                self._rijen[ronde.id] = _RondeRij(ronde, self._actie)
            self._rijen[ronde.id].zet(ronde, sessie_gesloten=gesloten)
        rijen = tuple(self._rijen[r.id] for r in self.model.rondes)
        if tuple(self._lijst.children) != rijen:
            self._lijst.children = rijen

    @veilig()
    def _actie(self, actie: str, ronde: Ronde) -> None:
        if actie == "overnemen":
            self.model.vraag_overnemen(ronde.id)
            return
        nieuw = self.model.ronde_actie(actie, ronde.id)
        tekst = {"open": "is open: deelnemers zien de vragen nu",
                 "sluit": "is gesloten: niemand kan nog antwoorden wijzigen",
                 "heropen": "is weer open: deelnemers kunnen hun antwoorden weer aanpassen"}[actie]
        self._melding.ok(f"De ronde '{nieuw.titel}' {tekst}.")

    def _toon_overnemen(self, _change=None) -> None:
        ronde = self.model.over_te_nemen
        if ronde is None:
            self._overnemen_vak.layout.display = "none"
            self._bevestig.verberg()
            return
        self._uitleg.value = (
            f"<h4>'{e(ronde.titel)}' overnemen in het dossier</h4><p>{e(overnemen_uitleg(ronde))} Alleen "
            "ingediende antwoorden tellen. Het besluit komt in het besluitenlog; overnemen kan maar één keer.</p>")
        self._overnemen_vak.layout.display = "flex"
        self._bevestig.vraag("Weet je het zeker? ")

    def _toon_overname(self, _change=None) -> None:
        overname = self.model.overname
        if overname is None:
            self._overname.value = ""
            return
        details = "".join(f"<li>{e(regel)}</li>" for regel in overname.details)
        niet = "".join(f"<li>{e(regel)}</li>" for regel in overname.niet_overgenomen)
        self._overname.value = (
            "<div class='wk-melding wk-melding-ok' role='status'>"
            f"✔ Overgenomen in het dossier: {e(overname.wat)}"
            + (f"<ul>{details}</ul>" if details else "")
            + (f"<div><b>Niet overgenomen:</b><ul>{niet}</ul></div>" if niet else "")
            + f"<div class='wk-bron'>Besluit {overname.besluit_id} in het besluitenlog.</div></div>"
        )

    @veilig()
    def _neem_over(self, _knop=None) -> None:
        if self.model.neem_over() is not None:
            self._melding.wis()
            self.context.gewijzigd()


class LiveVak(w.VBox):
    """The round on the screen: how many joined, are busy and submitted, the room's result with its chart, where
    the organisations differ, and who joined."""

    def __init__(self, model: BegeleiderModel, inhoud: Inhoud):
        super().__init__()
        self.model = model
        self.inhoud = inhoud
        self._scherm = w.Dropdown(description="Ronde op het scherm", style=BREED, layout=VELD)
        self._scherm.add_class("wk-workshop-scherm")
        model.observe(self._toon_keuze, names="rondes")
        w.link((model, "scherm"), (self._scherm, "value"))
        automatisch = w.Checkbox(description="Automatisch verversen", indent=False, layout=w.Layout(width="auto"))
        automatisch.add_class("wk-workshop-automatisch")
        w.link((model, "automatisch"), (automatisch, "value"))
        nu = knop("Nu verversen", "wk-workshop-nu-verversen", icon="refresh")
        nu.on_click(lambda _k: model.ververs_nu())
        self._melding = Melding()
        self._html = {}
        for naam in ("stand-vak", "tijd-vak", "uitslag", "verschillen", "deelnemers"):
            self._html[naam] = w.HTML()
            self._html[naam].add_class(f"wk-workshop-{naam}")
        h = self._html
        self.children = [
            w.HTML("<h3>Live</h3>"),
            w.HBox([self._scherm, automatisch, nu], layout=w.Layout(align_items="center")),
            h["stand-vak"], h["tijd-vak"], self._melding, h["uitslag"], h["verschillen"], h["deelnemers"],
        ]
        model.observe(self._toon_stand, names=["stand", "sessie"])
        model.observe(self._toon_uitslag, names="uitslag")
        model.observe(self._toon_deelnemers, names="deelnemerslijst")
        model.observe(self._toon_fout, names="live_fout")
        w.dlink((model, "bijgewerkt"), (h["tijd-vak"], "value"),
                lambda t: f"<div class='wk-workshop-tijd'>Laatst bijgewerkt {t}</div>" if t else "")

    def _toon_keuze(self, _change=None) -> None:
        opties = tuple((f"{r.volgorde}. {r.titel}", r.id) for r in self.model.rondes)
        if tuple(self._scherm.options) != opties:
            self._scherm.options = opties

    def _toon_stand(self, _change=None) -> None:
        stand = self.model.stand
        if self.model.sessie is None:
            return
        if stand is None:
            if not self.model.rondes:
                self._html["stand-vak"].value = "<p>Deze sessie heeft geen rondes.</p>"
            return
        ronde, telling = stand.ronde, stand.telling
        self._html["stand-vak"].value = (
            f"<div class='wk-workshop-stand' role='status'><b>{e(ronde.titel)}</b> "
            f"<span class='wk-workshop-status wk-workshop-status-{ronde.status}'>{e(ronde.status_label)}</span>"
            f"<br>{aantal(telling.deelnemers, 'deelnemer', 'deelnemers')} · {telling.bezig} bezig · "
            f"{telling.ingediend} ingediend</div>")

    def _toon_uitslag(self, _change=None) -> None:
        uitslag = self.model.uitslag
        if uitslag is None:
            self._html["uitslag"].value = self._html["verschillen"].value = ""
            return
        self._html["uitslag"].value = uitslag_html(self.inhoud, uitslag.ronde, uitslag.antwoorden,
                                                   self.model.sessie.naam)
        self._html["verschillen"].value = verschillen_html(uitslag.ronde, uitslag.antwoorden)

    def _toon_deelnemers(self, _change=None) -> None:
        lijst = self.model.deelnemerslijst
        if lijst is not None:
            self._html["deelnemers"].value = deelnemers_html(lijst.deelnemers, lijst.rondes, lijst.ingediend)

    def _toon_fout(self, _change=None) -> None:
        if self.model.live_fout:
            self._melding.fout(self.model.live_fout)
        else:
            self._melding.wis()


class OfflineVak(w.Accordion):
    """Without a shared server: the invitation to download, and the participants' answer files to upload."""

    def __init__(self, model: BegeleiderModel):
        self.model = model
        self._melding = Melding()
        self._uitnodiging = w.HTML()
        self._uitnodiging.add_class("wk-workshop-uitnodiging")
        self._upload = w.FileUpload(accept=".json", multiple=True, description="Antwoordbestanden uploaden",
                                    layout=w.Layout(width="300px"))
        self._upload.add_class("wk-workshop-antwoorden-upload")
        self._upload.observe(self._geupload, names="value")
        self._verslag = w.HTML()
        self._verslag.add_class("wk-workshop-importverslag")
        inhoud = w.VBox([
            w.HTML("<p>Geen gedeelde server, bijvoorbeeld omdat iedereen het werkboek op Binder opent? Download de "
                   "uitnodiging en stuur die naar de deelnemers. Zij uploaden hem in hun eigen werkboek (pagina "
                   "'Meedoen aan een workshop'), beantwoorden de vragen en sturen jou hun antwoordbestand. Upload "
                   "die bestanden hier; ze tellen mee alsof de deelnemers hier meededen. Een bestand twee keer "
                   "uploaden telt één keer.</p>"),
            self._uitnodiging, self._upload, self._melding, self._verslag,
        ])
        super().__init__(children=[inhoud], titles=("Zonder gedeelde server",), selected_index=None)
        self.add_class("wk-workshop-offline")
        self.observe(lambda _c: self.toon_uitnodiging(), names="selected_index")

    @veilig()
    def toon_uitnodiging(self) -> None:
        """The invitation as a download link, made only once the section is open."""
        sessie = self.model.sessie
        if sessie is None or self.selected_index != 0:
            return
        self._uitnodiging.value = download_link(self.model.uitnodiging(), f"uitnodiging-{sessie.code}.json",
                                                "Uitnodiging downloaden")

    @veilig()
    def _geupload(self, change) -> None:
        items = change["new"]
        if not items or self.model.sessie is None:
            return
        try:
            gelezen, geweigerd = self.model.lees_antwoordbestanden(items)
        finally:
            self._upload.value = ()
        self._verslag.value = verslag_html(self.model.importeer(gelezen), geweigerd)


class BegeleiderWeergave(w.VBox):
    """Start or open a session, then the session panel: join code, rounds, live results, offline files."""

    def __init__(self, context: WerkboekContext, *, omgeving: Mapping[str, str] | None = None,
                 automatisch: bool = True):
        super().__init__()
        self.add_class("wk-workshop-begeleider")
        self.context = context
        self.model = BegeleiderModel(context.store, context.dossier_id)
        self._melding = Melding()
        start = StartVak(self.model, self._melding)
        rondes = RondesVak(self.model, context)
        self._offline = OfflineVak(self.model)
        self._paneel = w.VBox([DeelnameScherm(self.model, rondes.melding, omgeving), rondes,
                               LiveVak(self.model, context.inhoud), self._offline],
                              layout=w.Layout(display="none"))
        self._paneel.add_class("wk-workshop-paneel")
        self._start = start
        self.children = [stijl(), start, self._melding, self._paneel]
        if context.store is None:
            self._melding.fout(context.opstartmelding or "De opslag kon niet worden geopend.")
            start.maak.disabled = start.open.disabled = True
        self.model.observe(self._sessie_open, names="sessie")
        self._verversing = Verversing(self.model.ververs, INTERVAL, bij_fout=self._ververs_fout,
                                      actief=lambda: self.model.sessie is not None and self.model.automatisch)
        if automatisch:
            self._verversing.start()

    def ververs(self, forceer: bool = False) -> bool:
        """One look at the store (what the timer does every two seconds); True when something was read again."""
        return self.model.ververs(forceer=forceer)

    def _sessie_open(self, change) -> None:
        if change["old"] is not None or change["new"] is None:
            return
        self._start.layout.display = "none"
        self._paneel.layout.display = "flex"
        self._offline.toon_uitnodiging()
        self._verversing.start()

    def _ververs_fout(self) -> None:
        self.model.live_fout = VERVERS_FOUT

    def close(self) -> None:
        self._verversing.stop()
        super().close()
