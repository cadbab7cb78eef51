"""The dossier header on top of every notebook: which dossier is open; open, make, rename or delete one."""

from __future__ import annotations

from typing import Protocol

import ipywidgets as w

from .. import teksten
from ..dossier import Dossier, WerkboekFout
from .basis import BREED, VELD, Melding, e, knop, stijl, veilig
from .context import WerkboekContext

LEZER_MELDING = ("Je bekijkt dit dossier als lezer: je ziet alles en kunt het exporteren, maar je kunt niets "
                 "veranderen. Wil je meewerken? Vraag een eigenaar van het dossier om je bewerker te maken.")
VOORBEELD_MELDING = ("Dit is het voorbeelddossier: iedereen kan het bekijken, niemand kan het veranderen. Wil je "
                     "ermee oefenen? Maak een eigen kopie; daarin kun je alles veranderen.")
KOPIE = "Kopie van "


def rechten(context: WerkboekContext) -> tuple[str | None, bool]:
    """(the actor's role in the open dossier or None, whether they may change it), read once per dossier and
    revision of the page: the header, every card and every exercise ask, and a save makes them ask again."""
    store, dossier_id = context.store, context.dossier_id
    if store is None or dossier_id is None:
        return None, False
    sleutel = (id(store), dossier_id, context.revisie)
    bewaard = getattr(context, "_wk_rechten", None)
    if bewaard is not None and bewaard[0] == sleutel:
        return bewaard[1]
    try:
        uitkomst = store.rol(dossier_id), store.mag_wijzigen(dossier_id)
    except WerkboekFout:  # no access (any more): nothing to change; the page says why where it reads
        uitkomst = None, False
    context._wk_rechten = (sleutel, uitkomst)
    return uitkomst


def mag_wijzigen(context: WerkboekContext) -> bool:
    """Whether the actor may change the open dossier (bewerker or eigenaar; never a lezer, nor the example dossier
    on a shared server). The store checks it again on every write."""
    return rechten(context)[1]


def dossier_label(dossier: Dossier) -> str:
    plaats = ", ".join(p for p in (dossier.wijk, dossier.gemeente) if p)
    label = dossier.naam + (f" ({plaats})" if plaats else "")
    return label + (" [voorbeeld]" if dossier.is_voorbeeld else "")


class Kopieerder(Protocol):
    """What 'Maak een eigen kopie' needs from the export package (``wijkkompas_widgets.export`` is one): a widget
    never imports an export itself, the page passes it in."""

    def kopieer_dossier(self, store, dossier_id: str, naam: str) -> Dossier: ...


class DossierKop(w.VBox):
    """Shows the open dossier and lets the user switch, create, rename or delete one. Switching
    changes ``context.dossier_id``; every widget on the page observes that and reloads. With ``kopieerder`` (the
    export package) a dossier the person may only look at (the example dossier) gets 'Maak een eigen kopie'."""

    def __init__(self, context: WerkboekContext, pagina: str = "", kopieerder: Kopieerder | None = None):
        super().__init__()
        self.add_class("wk-dossierkop")
        self.context = context
        self._pagina = pagina
        self._kopieerder = kopieerder
        self._modus = "nieuw"
        self._titel = w.HTML()
        self._melding = Melding()
        self._kiezer = w.Dropdown(description="Open dossier", style=BREED, layout=VELD)
        self._kiezer.add_class("wk-dossier-kiezer")
        self._nieuw_knop = w.Button(description="Nieuw dossier…", icon="plus", tooltip="Een nieuw wijkdossier maken")
        self._nieuw_knop.add_class("wk-nieuw-dossier")
        self._wijzig_knop = w.Button(description="Gegevens wijzigen…", icon="pencil",
                                     tooltip="Naam, wijk of gemeente van dit dossier aanpassen")
        self._verwijder_knop = w.Button(description="Verwijderen…", icon="trash", tooltip="Dit dossier verwijderen")
        self._verwijder_knop.add_class("wk-dossier-verwijderen")
        self._alleen_lezen = w.HTML()
        self._alleen_lezen.add_class("wk-alleen-lezen-melding")
        self._kopie_knop = knop("Maak een eigen kopie", "wk-dossier-kopie", icon="copy", button_style="primary",
                                tooltip="Een kopie van dit dossier maken die van jou is, en die openen")
        self._kopie_knop.on_click(self._maak_kopie)
        self._kopie_knop.layout.display = "none"
        self._formulier_kop = w.HTML()
        self._naam = w.Text(description="Naam van het dossier", placeholder="bijv. Wijkaanpak Groenoord",
                            style=BREED, layout=VELD)
        self._wijk = w.Text(description="Wijk", style=BREED, layout=VELD)
        self._gemeente = w.Text(description="Gemeente", style=BREED, layout=VELD)
        self._aanmaken = w.Button(description="Dossier aanmaken", button_style="primary")
        self._aanmaken.add_class("wk-dossier-aanmaken")
        self._annuleren = w.Button(description="Annuleren")
        self._formulier = w.VBox(
            [self._formulier_kop, self._naam, self._wijk, self._gemeente, w.HBox([self._aanmaken, self._annuleren])],
            layout=w.Layout(display="none", border="1px solid #ccc", padding="6px", margin="6px 0"),
        )
        self._bevestig = w.HBox(layout=w.Layout(display="none"))
        self._link = w.HTML()
        self._aangemeld = w.HTML(aangemeld_html(context))
        self._aangemeld.add_class("wk-aangemeld")
        self.children = [
            stijl(), self._aangemeld, self._titel, self._alleen_lezen, self._kopie_knop, self._melding,
            w.HBox([self._kiezer, self._nieuw_knop, self._wijzig_knop, self._verwijder_knop]),
            self._formulier, self._bevestig, self._link,
        ]
        self._nieuw_knop.on_click(lambda _k: self._toon_formulier("nieuw"))
        self._wijzig_knop.on_click(lambda _k: self._toon_formulier("wijzig"))
        self._verwijder_knop.on_click(self._vraag_verwijderen)
        self._annuleren.on_click(self._verberg_formulier)
        self._aanmaken.on_click(self._bewaar)
        self._kiezer.observe(self._kies, names="value")
        context.observe(self._ververs, names=["dossier_id", "revisie"])
        if context.opstartmelding:
            self._melding.fout(context.opstartmelding)
        self._vul()

    def _vul(self) -> None:
        context = self.context
        if context.store is None:
            self._titel.value = "<h2>Wijkdossier</h2>"
            for kind in (self._kiezer, self._nieuw_knop, self._wijzig_knop, self._verwijder_knop):
                kind.disabled = True
            return
        dossiers = context.store.dossiers()
        opties = [(dossier_label(d), d.id) for d in dossiers]
        if context.dossier_id is None:
            opties = [("— kies een dossier —", None), *opties]
        self._kiezer.unobserve(self._kies, names="value")
        self._kiezer.options = opties
        self._kiezer.value = context.dossier_id
        self._kiezer.observe(self._kies, names="value")
        dossier = context.dossier()
        gebruiker = getattr(context.store, "gebruiker", None)
        gast = getattr(gebruiker, "soort", "") == "gast"
        self._nieuw_knop.layout.display = "none" if gast else None
        rol, mag = rechten(context) if dossier is not None else (None, False)
        self._wijzig_knop.disabled = not mag
        self._verwijder_knop.disabled = dossier is None or rol != "eigenaar"
        self._verwijder_knop.layout.display = None if rol == "eigenaar" else "none"  # only an eigenaar deletes
        self._toon_alleen_lezen(dossier, mag, gast)
        if dossier is None:
            self._titel.value = "<h2 class='wk-dossier-titel'>Wijkdossier: nog niet gekozen</h2>"
            self._link.value = ""
            return
        plaats = ", ".join(e(p) for p in (dossier.wijk, dossier.gemeente) if p)
        badge = f'<span class="wk-badge-voorbeeld">{teksten.VOORBEELD_BADGE}</span>' if dossier.is_voorbeeld else ""
        toelichting = f"<div class='wk-bron'>{e(dossier.toelichting)}</div>" if dossier.toelichting else ""
        self._titel.value = (
            f"<h2 class='wk-dossier-titel'>Wijkdossier: {e(dossier.naam)}{badge}</h2>"
            f"<div>{plaats or 'Wijk en gemeente nog niet ingevuld'}</div>{toelichting}"
        )
        if self._pagina:
            self._link.value = (
                f'<a href="{e(self._pagina)}?dossier={e(dossier.id)}" class="wk-permalink">'
                "Vaste link naar deze pagina met dit dossier (voor een bladwijzer)</a>"
            )

    def _toon_alleen_lezen(self, dossier: Dossier | None, mag: bool, gast: bool) -> None:
        """The notice for who may only look, and for the example dossier the way out: a copy of one's own."""
        if dossier is None or mag:
            self._alleen_lezen.value = ""
            self._kopie_knop.layout.display = "none"
            return
        tekst = VOORBEELD_MELDING if dossier.is_voorbeeld and not gast else LEZER_MELDING
        self._alleen_lezen.value = (f'<div class="wk-melding wk-melding-info wk-alleen-lezen" role="status">'
                                    f"👁 {e(tekst)}</div>")
        kan_kopieren = dossier.is_voorbeeld and not gast and self._kopieerder is not None
        self._kopie_knop.layout.display = None if kan_kopieren else "none"

    @veilig()
    def _ververs(self, _change=None) -> None:
        self._vul()

    @veilig()
    def _maak_kopie(self, _knop=None) -> None:
        dossier = self.context.dossier()
        if dossier is None:
            return
        naam = dossier.naam if dossier.naam.startswith(KOPIE) else KOPIE + dossier.naam
        kopie = self._kopieerder.kopieer_dossier(self.context.store, dossier.id, naam[:80])
        self._verberg_formulier()
        self._verberg_bevestiging()
        self.context.dossier_id = kopie.id
        self._melding.ok(f"Je eigen kopie '{kopie.naam}' is gemaakt en geopend. Hierin kun je alles veranderen; "
                         "het voorbeelddossier blijft zoals het was.")

    @veilig()
    def _kies(self, change) -> None:
        if change["new"] is None:
            return
        self._verberg_bevestiging()
        self.context.dossier_id = self.context.store.dossier(change["new"]).id
        self._melding.ok(f"Dossier '{self.context.dossier().naam}' geopend.")

    def _toon_formulier(self, modus: str) -> None:
        self._modus = modus
        self._verberg_bevestiging()
        dossier = self.context.dossier() if modus == "wijzig" else None
        if dossier is not None:
            self._formulier_kop.value = f"<b>Gegevens van '{e(dossier.naam)}' wijzigen</b>"
            self._naam.value, self._wijk.value, self._gemeente.value = dossier.naam, dossier.wijk, dossier.gemeente
            self._aanmaken.description = "Wijzigingen opslaan"
        else:
            self._modus = "nieuw"
            self._formulier_kop.value = "<b>Nieuw wijkdossier</b>"
            self._naam.value = self._wijk.value = self._gemeente.value = ""
            self._aanmaken.description = "Dossier aanmaken"
        self._formulier.layout.display = "flex"
        self._melding.wis()

    def _verberg_formulier(self, _knop=None) -> None:
        self._formulier.layout.display = "none"

    @veilig()
    def _bewaar(self, _knop=None) -> None:
        store = self.context.store
        if self._modus == "wijzig":
            dossier = store.wijzig_dossier(self.context.dossier_id, self._naam.value, self._wijk.value,
                                           self._gemeente.value)
            self._verberg_formulier()
            self.context.gewijzigd()
            self._melding.ok(f"Gegevens van dossier '{dossier.naam}' opgeslagen.")
            return
        dossier = store.maak_dossier(self._naam.value, self._wijk.value, self._gemeente.value)
        self._verberg_formulier()
        self.context.dossier_id = dossier.id
        self._melding.ok(f"Dossier '{dossier.naam}' is aangemaakt en geopend.")

    def _vraag_verwijderen(self, _knop=None) -> None:
        dossier = self.context.dossier()
        if dossier is None:
            return
        self._verberg_formulier()
        ja = w.Button(description="Ja, verwijder dit dossier", button_style="danger")
        ja.add_class("wk-dossier-verwijderen-ja")
        nee = w.Button(description="Nee, bewaren")
        vraag = w.HTML(
            f"Weet je zeker dat je <b>{e(dossier.naam)}</b> wilt verwijderen? Alle partijen, statussen en "
            "antwoorden in dit dossier gaan verloren."
        )
        ja.on_click(lambda _k: self._verwijder(dossier))
        nee.on_click(self._verberg_bevestiging)
        self._bevestig.children = [vraag, ja, nee]
        self._bevestig.layout.display = "flex"

    def _verberg_bevestiging(self, _knop=None) -> None:
        self._bevestig.layout.display = "none"
        self._bevestig.children = []

    @veilig()
    def _verwijder(self, dossier: Dossier) -> None:
        self.context.store.verwijder_dossier(dossier.id)
        self._verberg_bevestiging()
        overgebleven = self.context.store.dossiers()
        self.context.dossier_id = overgebleven[0].id if overgebleven else None
        self._vul()
        self._melding.ok(f"Dossier '{dossier.naam}' is verwijderd.")


def aangemeld_html(context: WerkboekContext) -> str:
    """'Aangemeld als Anna de Vries (anna) · Afmelden' on a shared server; nothing on one's own computer."""
    gebruiker = context.gebruiker
    if gebruiker is None or gebruiker.soort != "lid":
        return ""
    wie = e(gebruiker.weergavenaam) + (f" ({e(gebruiker.naam)})" if gebruiker.naam != gebruiker.weergavenaam else "")
    afmelden = ""
    if context.aanmeldmodus == "aanmelden":
        afmelden = f' · <a href="{e(context.basis_url.rstrip("/"))}/afmelden" class="wk-afmelden">Afmelden</a>'
    return f'<div class="wk-bron">Aangemeld als <b>{wie}</b>{afmelden}</div>'


def geen_dossier_html() -> str:
    return f'<div class="wk-melding wk-melding-info" role="status">ℹ {e(teksten.GEEN_DOSSIER)}</div>'

