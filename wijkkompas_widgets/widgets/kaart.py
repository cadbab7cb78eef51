"""KnooppuntKaart: the frame around every exercise (doel, aanpak, tips, sporen, status)."""

from __future__ import annotations

from functools import lru_cache

import ipywidgets as w
from markdown_it import MarkdownIt

from .. import teksten
from ..content import Knooppunt
from ..dossier.model import STANDAARD_STATUS, STATUSSEN
from .basis import BREED, Melding, e, knop, veilig
from .context import WerkboekContext
from .geschiedenis import GeschiedenisOverzicht
from .kop import mag_wijzigen

# Raw HTML in content files is shown as text, not executed.
_markdown = MarkdownIt("commonmark", {"html": False})


@lru_cache(maxsize=256)
def markdown_html(tekst: str) -> str:
    return _markdown.render(tekst)


def kop_html(knooppunt: Knooppunt, context: WerkboekContext) -> str:
    fase = context.inhoud.fase(knooppunt.fase)
    chips = "".join(
        f'<span class="wk-chip" title="{e(context.inhoud.spoor(s).wie)}">'
        f"Spoor {s} · {e(context.inhoud.spoor(s).naam)}</span>"
        for s in knooppunt.sporen
    )
    badge = (
        f'<div class="wk-badge-bg" role="note">⚠ {teksten.BESTUURLIJK_GEVOELIG}</div>'
        if knooppunt.bestuurlijk_gevoelig
        else ""
    )
    return (
        f'<div class="wk-fase-label">Fase {fase.nummer} · {e(fase.naam)} · knooppunt</div>'
        f'<h3 class="wk-kaart-titel">{e(knooppunt.titel)}</h3>'
        f'<div aria-label="Draagt bij aan de sporen">Draagt bij aan: {chips}</div>{badge}'
    )


def uitleg_html(knooppunt: Knooppunt) -> str:
    """Doel (open), aanpak and tips as native <details>: keyboard-accessible and no widgets at all, which
    keeps a page with a dozen cards quick to render."""
    delen = (("Doel", knooppunt.doel, " open"), ("Aanpak", knooppunt.aanpak, ""), ("Tips", knooppunt.tips, ""))
    return "<div class='wk-uitleg'>" + "".join(
        f"<details class='wk-uitleg-{titel.lower()}'{open_}><summary>{titel}</summary>{markdown_html(tekst)}</details>"
        for titel, tekst, open_ in delen
    ) + "</div>"


def raakvlakken_html(knooppunt: Knooppunt, context: WerkboekContext) -> str:
    if not knooppunt.raakvlakken:
        return ""
    items = []
    for doel_id in knooppunt.raakvlakken:
        doel = context.inhoud.knooppunt(doel_id)
        items.append(f"<li>{e(doel.titel)} (fase {doel.fase})</li>")
    return f"<div class='wk-sectie'><b>Raakvlakken</b> met andere knooppunten:<ul>{''.join(items)}</ul></div>"


class KnooppuntKaart(w.VBox):
    """Title, spoor chips, 'bestuurlijk gevoelig' badge, collapsible doel/aanpak/tips and a status
    selector that saves to the dossier. ``oefening`` (a widget) is shown inside the card."""

    def __init__(
        self, knooppunt_id: str, context: WerkboekContext, oefening: w.Widget | None = None, *, maker=None
    ):
        super().__init__()
        self.context = context
        self.knooppunt = context.inhoud.knooppunt(knooppunt_id)
        self.add_class("wk-kaart")
        self.add_class(f"wk-kaart-{knooppunt_id}")
        self._melding = Melding()
        self._status = w.Dropdown(
            options=[(label, sleutel) for sleutel, label in STATUSSEN],
            value=STANDAARD_STATUS,
            description="Status van dit knooppunt",
            style=BREED,
            layout=w.Layout(width="360px"),
        )
        self._status.add_class("wk-status")
        # Few widgets per card (a phase page has a dozen cards): header, doel/aanpak/tips, raakvlakken
        # and source are one HTML; the CSS comes once, with the dossier header.
        self._kop = w.HTML(
            kop_html(self.knooppunt, context) + uitleg_html(self.knooppunt) + raakvlakken_html(self.knooppunt, context)
            + f'<div class="wk-bron">Bron: {e(self.knooppunt.bron)}</div>'
        )
        onderdelen = [self._kop, self._status, self._melding]
        if oefening is not None:
            onderdelen.append(oefening)
        self._oefening = oefening
        self._maker = maker
        if maker is not None:
            # Built on request: a page with eight exercises would otherwise make Voilà create and
            # render a few thousand widgets before the first one can be used.
            self._openen = w.Button(description="Open de oefening", icon="pencil", button_style="info",
                                    tooltip=f"Open de oefening bij '{self.knooppunt.titel}'")
            self._openen.add_class("wk-oefening-openen")
            self._openen.on_click(lambda _k: self.open_oefening())
            onderdelen.append(self._openen)
        # the knooppunt's history: one button until someone opens it (then the view is built and reads the store)
        self._geschiedenis = None
        self._geschiedenis_knop = knop("Geschiedenis van dit knooppunt tonen", "wk-geschiedenis-openen",
                                       icon="history", tooltip="Wie heeft bij dit knooppunt wat gewijzigd, en wanneer")
        self._geschiedenis_knop.add_class("wk-kijkkeuze")
        self._geschiedenis_knop.on_click(lambda _k: self.wissel_geschiedenis())
        onderdelen.append(self._geschiedenis_knop)
        self.children = onderdelen
        self._status.observe(self._bewaar_status, names="value")
        self._laad_status()
        context.observe(self._dossier_gewisseld, names="dossier_id")
        context.observe(self._rechten_gewijzigd, names="revisie")

    def _laad_status(self) -> None:
        heeft_dossier = self.context.store is not None and self.context.dossier_id is not None
        self._status.disabled = not heeft_dossier or not mag_wijzigen(self.context)  # a lezer sees it only
        if heeft_dossier:
            status = self.context.store.statussen(self.context.dossier_id).get(self.knooppunt.id, STANDAARD_STATUS)
        else:
            status = STANDAARD_STATUS
        self._zet_zonder_opslaan(status)

    def _zet_zonder_opslaan(self, status: str) -> None:
        self._status.unobserve(self._bewaar_status, names="value")
        try:
            self._status.value = status
        finally:
            self._status.observe(self._bewaar_status, names="value")

    @property
    def oefening(self) -> w.Widget | None:
        """The exercise in this card; an exercise built on request is built now."""
        if self._oefening is None and self._maker is not None:
            self.open_oefening()
        return self._oefening

    @veilig()
    def open_oefening(self) -> None:
        if self._oefening is not None or self._maker is None:
            return
        self._oefening = self._maker()
        self.children = [self._oefening if kind is self._openen else kind for kind in self.children]

    @veilig()
    def wissel_geschiedenis(self) -> None:
        """Open the knooppunt's history (built the first time), or fold it again."""
        if self._geschiedenis is None:
            self._geschiedenis = GeschiedenisOverzicht(self.context, self.knooppunt.id)
            self.children = [*self.children, self._geschiedenis]
            open_ = True
        else:
            open_ = self._geschiedenis.layout.display == "none"
            self._geschiedenis.zet_open(open_)
        self._geschiedenis_knop.description = ("Geschiedenis van dit knooppunt verbergen" if open_
                                               else "Geschiedenis van dit knooppunt tonen")
        self._geschiedenis_knop.icon = "chevron-up" if open_ else "history"

    def _rechten_gewijzigd(self, _change=None) -> None:
        """After a change on the page (a role may have changed too) the status control follows the rights."""
        heeft_dossier = self.context.store is not None and self.context.dossier_id is not None
        self._status.disabled = not heeft_dossier or not mag_wijzigen(self.context)

    @veilig()
    def _dossier_gewisseld(self, _change=None) -> None:
        self._melding.wis()
        self._laad_status()

    @veilig()
    def _bewaar_status(self, change) -> None:
        try:
            self.context.store.zet_status(self.context.dossier_id, self.knooppunt.id, change["new"])
        except Exception:
            self._zet_zonder_opslaan(change["old"])  # show what is really saved
            raise
        self._melding.ok(f"Status opgeslagen: {dict(STATUSSEN)[change['new']].lower()}.")
        self.context.gewijzigd()
