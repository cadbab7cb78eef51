"""What a notebook calls: one ``Werkboek`` per page, then one line per exercise.

    from wijkkompas_widgets.werkboek import open_werkboek
    wb = open_werkboek("01_samen_starten.ipynb")
    wb.kop()
    wb.kaart("f1-juiste-partijen")
"""

from __future__ import annotations

import ipywidgets as w

from .widgets.context import WerkboekContext, maak_context
from .widgets.kaart import KnooppuntKaart
from .widgets.kop import DossierKop
from .widgets.machtbelang import MachtBelangOefening
from .widgets.partijen import PartijenOefening
from .widgets.welkom import FaseNavigatie, VoortgangOverzicht

# Which exercise goes inside which knooppunt's card. Later phases add theirs here.
OEFENINGEN = {
    "f1-juiste-partijen": PartijenOefening,
    "f1-invloed-en-belang": MachtBelangOefening,
}


class Werkboek:
    """The page's context plus factories for its widgets."""

    def __init__(self, context: WerkboekContext, pagina: str):
        self.context = context
        self.pagina = pagina

    def kop(self) -> DossierKop:
        return DossierKop(self.context, self.pagina)

    def voortgang(self) -> VoortgangOverzicht:
        return VoortgangOverzicht(self.context)

    def kaart(self, knooppunt_id: str) -> KnooppuntKaart:
        oefening_klasse = OEFENINGEN.get(knooppunt_id)
        oefening = oefening_klasse(self.context) if oefening_klasse else None
        return KnooppuntKaart(knooppunt_id, self.context, oefening)

    def kaarten(self, fase: int, behalve: tuple[str, ...] = ()) -> w.VBox:
        """All cards of a phase (minus those shown elsewhere on the page), in content order."""
        return w.VBox([
            self.kaart(k.id) for k in self.context.inhoud.knooppunten_van_fase(fase) if k.id not in behalve
        ])

    def navigatie(self, fase: int) -> FaseNavigatie:
        return FaseNavigatie(self.context, fase)


def open_werkboek(pagina: str = "", *, store_url: str | None = None, query: dict[str, str] | None = None) -> Werkboek:
    """Read the dossier from the page URL and open the store; problems become a message on the page."""
    return Werkboek(maak_context(store_url, query), pagina)
