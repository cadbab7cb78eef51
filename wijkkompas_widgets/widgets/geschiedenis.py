"""'Geschiedenis': who changed what in the open dossier, newest first, for the whole dossier (the welcome page) or
for one knooppunt (a folded section in its card). A person filter, and ``Meer tonen`` for older lines.

The store writes every line itself, in the same transaction as the change; this view only reads
(``store.geschiedenis``), so a lezer sees it too. The wording comes from ``leesmodel.geschiedenis``, which the Word
report uses as well.
"""

from __future__ import annotations

import ipywidgets as w

from ..leesmodel.geschiedenis import KOPPEN, PER_KEER, rijen
from .basis import BREED, Melding, e, knop, tabel_html, veilig
from .context import WerkboekContext
from .kop import geen_dossier_html

IEDEREEN = "Iedereen"


class GeschiedenisOverzicht(w.VBox):
    """The history of the open dossier, or of one knooppunt with ``knooppunt_id``. A knooppunt card builds it only
    when someone opens its folded section, and ``zet_open(False)`` stops it reading while folded again."""

    def __init__(self, context: WerkboekContext, knooppunt_id: str | None = None):
        super().__init__()
        self.add_class("wk-geschiedenis")
        if knooppunt_id:
            self.add_class("wk-geschiedenis-knooppunt")
        self.context = context
        self._knooppunt_id = knooppunt_id
        self._aantal = PER_KEER
        self._open = True
        self._melding = Melding()
        self._persoon = w.Dropdown(description="Persoon", options=[(IEDEREEN, "")], value="", style=BREED,
                                   layout=w.Layout(width="420px"))
        self._persoon.add_class("wk-geschiedenis-persoon")
        self._persoon.add_class("wk-kijkkeuze")
        self._lijst = w.HTML()
        self._lijst.add_class("wk-geschiedenis-lijst")
        self._meer = knop("Meer tonen", "wk-geschiedenis-meer", icon="chevron-down",
                          tooltip=f"Nog {PER_KEER} oudere wijzigingen tonen")
        self._meer.add_class("wk-kijkkeuze")
        self._meer.layout.display = "none"
        waar = "bij dit knooppunt" if knooppunt_id else "in dit dossier"
        uitleg = w.HTML(f"<p class='wk-bron'>Elke wijziging {waar}, de nieuwste bovenaan: wanneer, door wie, in "
                        "welke oefening en wat er veranderde. Het werkboek houdt dit zelf bij; niemand kan het "
                        "aanpassen.</p>")
        self.children = [uitleg, self._persoon, self._lijst, self._meer, self._melding]
        self._persoon.observe(self._persoon_gekozen, names="value")
        self._meer.on_click(self._toon_meer)
        context.observe(self._dossier_gewisseld, names="dossier_id")
        context.observe(self._ververs, names="revisie")
        self._laad()

    def zet_open(self, open_: bool) -> None:
        """Show (and read the store again) or fold; folded, it does not read after every save on the page."""
        self._open = open_
        self.layout.display = "flex" if open_ else "none"
        if open_:
            self._laad()

    # -- reacting to the page ------------------------------------------------------------------------------------
    def _dossier_gewisseld(self, _change=None) -> None:
        self._aantal = PER_KEER
        self._zet_opties([(IEDEREEN, "")], "")
        self._melding.wis()
        if self._open:
            self._laad()

    def _ververs(self, _change=None) -> None:
        if self._open:
            self._laad()

    def _persoon_gekozen(self, _change=None) -> None:
        self._aantal = PER_KEER
        self._laad()

    def _toon_meer(self, _knop=None) -> None:
        self._aantal += PER_KEER
        self._laad()

    # -- reading ---------------------------------------------------------------------------------------------------
    def _zet_opties(self, opties: list, persoon: str) -> None:
        if list(self._persoon.options) == opties and self._persoon.value == persoon:
            return
        self._persoon.unobserve(self._persoon_gekozen, names="value")
        try:
            self._persoon.options = opties
            self._persoon.value = persoon
        finally:
            self._persoon.observe(self._persoon_gekozen, names="value")

    def _knooppunt_titel(self, knooppunt_id: str) -> str:
        try:
            return self.context.inhoud.knooppunt(knooppunt_id).titel
        except Exception:  # a knooppunt removed from the content since: its id
            return knooppunt_id

    @veilig()
    def _laad(self) -> None:
        context = self.context
        if context.store is None or context.dossier_id is None:
            self._lijst.value = geen_dossier_html()
            self._persoon.layout.display = self._meer.layout.display = "none"
            return
        self._persoon.layout.display = "flex"
        # the filter: everyone who appears in the dossier's history (by the name the history shows)
        namen = [naam for naam in context.store.auteurs(context.dossier_id) if naam]
        persoon = self._persoon.value if self._persoon.value in namen else ""
        self._zet_opties([(IEDEREEN, "")] + [(naam, naam) for naam in namen], persoon)
        regels = context.store.geschiedenis(context.dossier_id, knooppunt_id=self._knooppunt_id,
                                            gebruiker=persoon or None, limiet=self._aantal + 1)
        meer = len(regels) > self._aantal
        regels = regels[: self._aantal]
        self._meer.layout.display = "flex" if meer else "none"
        if not regels:
            wie = f" van {e(persoon)}" if persoon else ""
            waar = " bij dit knooppunt" if self._knooppunt_id else ""
            self._lijst.value = f"<p class='wk-geschiedenis-leeg'><i>Nog geen wijzigingen{wie}{waar}.</i></p>"
            return
        uitleg = (f"<div class='wk-bron' role='status'>De {len(regels)} nieuwste wijzigingen"
                  f"{' van ' + e(persoon) if persoon else ''}; "
                  "met 'Meer tonen' zie je oudere.</div>") if meer else ""
        self._lijst.value = tabel_html(list(KOPPEN), rijen(regels, self._knooppunt_titel),
                                       klasse="wk-geschiedenis-tabel") + uitleg

