"""What a notebook calls: one ``Werkboek`` per page, then one line per exercise.

    from wijkkompas_widgets.werkboek import open_werkboek
    wb = open_werkboek("01_samen_starten.ipynb")
    wb.kop()
    wb.kaart("f1-juiste-partijen")
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import ipywidgets as w

from . import export  # light: python-docx, openpyxl and the charts load when a file is asked for
from .widgets.afweging import AfwegingOefening
from .widgets.ambities_belangen import AmbitiesBelangenOefening
from .widgets.beeld_toetsen import BeeldToetsenOefening
from .widgets.besluitenlog import BesluitenlogOefening
from .widgets.besluitvorming import BesluitvormingOefening
from .widgets.bestaande_planningen import PlanningOefening
from .widgets.concept_wup import ConceptWupOefening
from .widgets.context import WerkboekContext, lees_queryparameters, maak_context
from .widgets.doel import DoelOefening
from .widgets.energiesysteem import KeuzeOefening
from .widgets.fysieke_kenmerken import FysiekeKenmerkenOefening
from .widgets.geschiedenis import GeschiedenisOverzicht
from .widgets.inspraak import InspraakOefening
from .widgets.kaart import KnooppuntKaart
from .widgets.kop import DossierKop
from .widgets.koppelkansen import KoppelkansenOefening
from .widgets.leden import LedenBeheer
from .widgets.machtbelang import MachtBelangOefening
from .widgets.natuurlijke_momenten import NatuurlijkeMomentenOefening
from .widgets.opgaven import TransitieopgavenOefening
from .widgets.opgavenmatrix import OpgavenMatrixOefening
from .widgets.participatiestrategie import ParticipatiestrategieOefening
from .widgets.participatievormen import ParticipatievormenOefening
from .widgets.partijen import PartijenOefening
from .widgets.regierol import RegierolOefening
from .widgets.rollen import RollenOefening
from .widgets.salience import SalienceOefening
from .widgets.samenwerking_formaliseren import AfsprakenOefening
from .widgets.scan import SamenwerkingsscanOefening
from .widgets.sociale_koppelkansen import SocialeKoppelkansenOefening
from .widgets.te_verbinden import TeVerbindenOefening
from .widgets.uitwisseling import DossierUitwisseling
from .widgets.warmtestrategieen import WarmtestrategieenOefening
from .widgets.weging import WegingOefening
from .widgets.welkom import FaseNavigatie, VoortgangOverzicht, WorkshopLinks
from .widgets.wijkprofiel import WijkprofielOefening
from .widgets.woonlasten import WoonlastenOefening

if TYPE_CHECKING:
    from .widgets.workshop_begeleider import BegeleiderWeergave
    from .widgets.workshop_deelnemer import DeelnemerWeergave

# Which exercise goes inside which knooppunt's card (a tuple: several, one under the other).
OEFENINGEN = {
    "f1-juiste-partijen": PartijenOefening,
    "f1-invloed-en-belang": (MachtBelangOefening, SalienceOefening),
    "f1-ambities-en-belangen": AmbitiesBelangenOefening,
    "f1-doel-en-verhaal": DoelOefening,
    "f1-samenwerkingsscan": SamenwerkingsscanOefening,
    "f1-rollen-en-verwachtingen": RollenOefening,
    "f1-regierol": RegierolOefening,
    "f1-samenwerking-formaliseren": AfsprakenOefening,
    "f2-wijkprofiel": WijkprofielOefening,
    "f2-transitieopgaven": TransitieopgavenOefening,
    "f2-fysieke-kenmerken": FysiekeKenmerkenOefening,
    "f2-sociale-koppelkansen": SocialeKoppelkansenOefening,
    "f2-bestaande-planningen": PlanningOefening,
    "f2-natuurlijke-momenten": NatuurlijkeMomentenOefening,
    "f2-beeld-toetsen": BeeldToetsenOefening,
    "f3-strategieen-koppelkansen": KoppelkansenOefening,
    "f3-opgaven-verbinden": OpgavenMatrixOefening,
    "f3-warmtestrategieen": WarmtestrategieenOefening,
    "f4-woonlasten": WoonlastenOefening,
    "f3-criteria-en-weging": WegingOefening,
    "f4-strategieen-afwegen": AfwegingOefening,
    "f4-energiesysteem-vastleggen": KeuzeOefening,
    "f3-participatievormen": ParticipatievormenOefening,
    "f3-participatiestrategie": ParticipatiestrategieOefening,
    "f3-besluitvormingsafspraken": BesluitvormingOefening,
    "f4-te-verbinden-opgaven": TeVerbindenOefening,
    "f4-inspraak": InspraakOefening,
    "f4-concept-wup": ConceptWupOefening,
}


class Werkboek:
    """The page's context plus factories for its widgets."""

    def __init__(self, context: WerkboekContext, pagina: str):
        self.context = context
        self.pagina = pagina
        self._getoond: set[str] = set()
        self._eerste_oefening_getoond = False

    def kop(self) -> DossierKop:
        """The dossier header; it makes an own copy of a dossier (the example) through the export package."""
        return DossierKop(self.context, self.pagina, export)

    def leden(self) -> LedenBeheer:
        """Who works on this dossier, with their role; eigenaars add and remove members here."""
        return LedenBeheer(self.context)

    def geschiedenis(self) -> GeschiedenisOverzicht:
        """Who changed what in this dossier, newest first, filterable by person."""
        return GeschiedenisOverzicht(self.context)

    def voortgang(self) -> VoortgangOverzicht:
        return VoortgangOverzicht(self.context)

    def kaart(self, knooppunt_id: str) -> KnooppuntKaart:
        """The card with its exercise(s): the page's first exercise is open at once, later ones open
        with a click, so the page (and its first exercise) is usable quickly."""
        self._getoond.add(knooppunt_id)
        klassen = OEFENINGEN.get(knooppunt_id, ())
        klassen = klassen if isinstance(klassen, tuple) else (klassen,)
        if not klassen:
            return KnooppuntKaart(knooppunt_id, self.context)

        def maak() -> w.Widget:
            oefeningen = [klasse(self.context) for klasse in klassen]
            return oefeningen[0] if len(oefeningen) == 1 else w.VBox(oefeningen)

        if not self._eerste_oefening_getoond:
            self._eerste_oefening_getoond = True
            return KnooppuntKaart(knooppunt_id, self.context, maak())
        return KnooppuntKaart(knooppunt_id, self.context, maker=maak)

    def kaarten(self, fase: int, behalve: tuple[str, ...] = ()) -> w.VBox:
        """All cards of a phase (minus those shown elsewhere on the page), in content order."""
        return w.VBox([
            self.kaart(k.id) for k in self.context.inhoud.knooppunten_van_fase(fase) if k.id not in behalve
        ])

    def overige_kaarten(self, fase: int) -> w.VBox:
        """The cards of this phase that the page has not shown yet (its exercises come first)."""
        return self.kaarten(fase, behalve=tuple(self._getoond))

    def besluitenlog(self) -> w.VBox:
        """The besluitenlog in a card of its own (it belongs to no single knooppunt; phases 3 and 4 show it)."""
        kaart = w.VBox([
            w.HTML("<h3 class='wk-kaart-titel'>Besluitenlog</h3>"),
            BesluitenlogOefening(self.context),
        ])
        kaart.add_class("wk-kaart")
        kaart.add_class("wk-kaart-besluitenlog")
        return kaart

    def workshops(self) -> WorkshopLinks:
        """Links to the facilitator's and the participant's page of a live workshop."""
        return WorkshopLinks(self.context)

    def uitwisseling(self, importeren: bool = True) -> DossierUitwisseling:
        """Word, Excel and JSON downloads of the open dossier; with ``importeren`` also the JSON import
        (the welcome page has it; a phase page shares results only)."""
        return DossierUitwisseling(self.context, export, importeren=importeren)

    def navigatie(self, fase: int) -> FaseNavigatie:
        return FaseNavigatie(self.context, fase)


def open_werkboek(pagina: str = "", *, store_url: str | None = None, query: dict[str, str] | None = None) -> Werkboek:
    """Read the dossier from the page URL and open the store; problems become a message on the page."""
    return Werkboek(maak_context(store_url, query), pagina)


def open_begeleider(*, store_url: str | None = None, query: dict[str, str] | None = None) -> BegeleiderWeergave:
    """The facilitator's page of a live workshop; the dossier in the page URL is preselected."""
    from .widgets.workshop_begeleider import BegeleiderWeergave

    query = lees_queryparameters() if query is None else query
    # after lees_queryparameters Voilà has put the request (host, path) in the environment: the join URL
    return BegeleiderWeergave(maak_context(store_url, query), omgeving=dict(os.environ))


def open_deelnemer(*, store_url: str | None = None, query: dict[str, str] | None = None) -> DeelnemerWeergave:
    """The participant's page of a live workshop (the notebook imports it from the lighter ``deelnemen``)."""
    from .deelnemen import open_deelnemer as open_lichte_pagina

    return open_lichte_pagina(store_url=store_url, query=query)
