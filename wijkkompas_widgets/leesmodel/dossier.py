"""One dossier as the Word report and the Excel workbook read it: every part read from the store once and worked
out by the read-model of its exercise (``leesmodel.<oefening>``) and ``analysis``, as the page does.

``DossierVerzameling`` reads each part on first use and keeps it, so the report and the workbook never read the
same table twice and never compute anything of their own. What a page and the report both need about the whole
dossier (the koppelkansen for the plan, the state of the concept-WUP) is worked out here once, for both: the
pages 'Te verbinden opgaven' and 'Concept-WUP' read it through this class too. The store is passed in; nothing
here imports it.
"""

from __future__ import annotations

from functools import cached_property

from ..analysis.inspraak import inspraak_stand
from ..analysis.koppelkansen import BRON as BRON_KOPPELKANSEN
from ..analysis.koppelkansen import eigen_criteria_uit_formulier, marge_uit_formulier, rangschik_koppelkansen
from ..analysis.mca import Gevoeligheid, normaliseer_punten, volledig_gewogen
from ..analysis.planning import BRON as BRON_PLANNING
from ..analysis.planning import natuurlijke_momenten
from ..analysis.warmtestrategieen import BRON_HINTS
from ..analysis.woonlasten import Woonlastentoets, toetsen_per_huishouden
from ..analysis.wup import DossierStand, KansRij, kansen_op_de_lijst, lees_concept_wup, lees_te_verbinden
from ..cbs.data import bron_tekst
from ..content import Inhoud
from ..dossier import formulieren
from ..dossier.model import InvoerFout, WerkboekFout
from ..dossier.records import STANDAARD_SCORECRITERIA
from ..teksten import BRON_WIJKKOMPAS
from .afweging import Stand, bereken_gevoeligheid, geldige_seed, lees_stand
from .wijkprofiel import profiel_uit_formulier

STANDAARD_SLEUTELS = tuple(sleutel for sleutel, _label in STANDAARD_SCORECRITERIA)


class DossierVerzameling:
    """One dossier as the exports see it. Raises ``OnbekendDossier`` at once for an unknown dossier."""

    def __init__(self, store, dossier_id: str):
        self.store = store
        self.dossier_id = dossier_id
        self.dossier = store.dossier(dossier_id)
        self.inhoud: Inhoud = store._inhoud
        self._formulieren: dict[str, dict] = {}

    # -- plain reads ----------------------------------------------------------------------
    def formulier(self, sleutel: str) -> dict:
        """The saved form under ``sleutel`` (a key from ``dossier.formulieren``), {} when there is none."""
        if sleutel not in self._formulieren:
            gegevens, _versie = self.store.formulier(self.dossier_id, sleutel)
            self._formulieren[sleutel] = gegevens if isinstance(gegevens, dict) else {}
        return self._formulieren[sleutel]

    @cached_property
    def statussen(self) -> dict[str, str]:
        return self.store.statussen(self.dossier_id)

    @cached_property
    def partijen(self):
        return self.store.partijen(self.dossier_id)

    @cached_property
    def partijnamen(self) -> dict[int, str]:
        return {p.id: p.naam for p in self.partijen}

    @cached_property
    def partij_belangen(self):
        return self.store.partij_belangen(self.dossier_id)

    @cached_property
    def eigen_belangen(self):
        return self.store.eigen_belangen(self.dossier_id)

    @cached_property
    def belangnamen(self) -> dict[str, str]:
        """Catalogue and own interests by id, in the order the exercise lists them."""
        namen = {b.id: b.naam for b in self.inhoud.fase1.belangen}
        namen.update({b.id: b.naam for b in self.eigen_belangen})
        return namen

    @cached_property
    def taken(self):
        return self.store.taken(self.dossier_id)

    @cached_property
    def rollen(self):
        return self.store.rollen(self.dossier_id)

    @cached_property
    def scan_rondes(self):
        return self.store.scan_rondes(self.dossier_id)

    @cached_property
    def scan_responsen(self) -> dict[int, list]:
        """Every response per round, concepts included (the results use only the submitted ones)."""
        return {r.id: self.store.scan_responsen(self.dossier_id, r.id, alleen_ingediend=False)
                for r in self.scan_rondes}

    @cached_property
    def werken(self):
        return self.store.planning_werken(self.dossier_id)

    @cached_property
    def marge(self) -> int:
        return marge_uit_formulier(self.formulier(formulieren.NATUURLIJKE_MOMENTEN))

    @cached_property
    def momenten(self):
        return natuurlijke_momenten(self.werken, self.marge)

    @cached_property
    def koppelkansen(self):
        return self.store.koppelkansen(self.dossier_id)

    @cached_property
    def koppelkans_criteria(self) -> tuple[str, ...]:
        return (*STANDAARD_SLEUTELS, *eigen_criteria_uit_formulier(self.formulier(formulieren.KOPPELKANSEN_CRITERIA)))

    @cached_property
    def koppelkansen_rangschikking(self):
        return rangschik_koppelkansen(self.koppelkansen, self.koppelkans_criteria)

    @cached_property
    def kansrijen(self) -> list[KansRij]:
        """The koppelkansen to decide on for the plan (chosen in phase 3 or in its top 3, or added by the team)."""
        top = [k.kans_id for k in self.koppelkansen_rangschikking.top]
        return kansen_op_de_lijst(self.koppelkansen, top, lees_te_verbinden(self.formulier(formulieren.TE_VERBINDEN)))

    @cached_property
    def wup_stand(self) -> DossierStand:
        """What the concept-WUP checklist needs from the rest of the dossier."""
        keuze, stand = self.keuze, self.stand
        fasering = next((s.fasering for s in stand.strategieen if keuze and s.id == keuze.strategie_id), "")
        getoetst = len(self.woonlasten[3]) if self.inhoud.fase34 is not None else 0
        inspraak = inspraak_stand(self.formulier(formulieren.INSPRAAK))
        rijen = self.kansrijen
        concept = lees_concept_wup(self.formulier(formulieren.CONCEPT_WUP))
        return DossierStand(
            energiesysteem=keuze.naam if keuze else "", weging_vastgezet=stand.vastzetting is not None,
            rangschikking=stand.rangschikking is not None, woonlasten_getoetst=getoetst, fasering=fasering or "",
            planning_werken=len(self.werken), financieel=concept.financieel,
            inspraak_momenten=inspraak.momenten, inspraak_reacties=inspraak.reacties, inspraak_open=inspraak.open,
            kansen_op_lijst=len(rijen), kansen_besloten=sum(1 for r in rijen if r.keuze.besluit is not None))

    @cached_property
    def criteria(self):
        return self.stand.criteria  # read once, with the rest the afweging needs

    @cached_property
    def wegingen(self) -> dict[int, dict[int, float]]:
        return self.store.wegingen(self.dossier_id)

    @cached_property
    def vastzetting(self):
        return self.stand.vastzetting

    @cached_property
    def vastzettingen(self):
        return self.store.vastzettingen(self.dossier_id)

    @cached_property
    def strategieen(self):
        return self.stand.strategieen

    @cached_property
    def keuze(self):
        return self.store.keuze(self.dossier_id)

    @cached_property
    def besluiten(self):
        return self.store.besluiten(self.dossier_id)

    @cached_property
    def besluitnummers(self) -> dict[int, int]:
        return {b.id: b.volgnummer for b in self.besluiten}

    # -- what the exercises work out --------------------------------------------------------
    @cached_property
    def profiel(self):
        """The wijkprofiel as the exercise shows it (CBS or own data), or None (also when the saved choice no
        longer exists in the shipped data, as ``leesmodel.wijkprofiel.profiel_van_dossier`` reads it)."""
        try:
            return profiel_uit_formulier(self.formulier(formulieren.WIJKPROFIEL))
        except InvoerFout:
            return None

    @cached_property
    def stand(self) -> Stand:
        """Criteria, strategies, fixed weights, scores and the ranking, as 'Integrale strategieën afwegen' reads
        them (``leesmodel.afweging.lees_stand``)."""
        return lees_stand(self.store, self.dossier_id)

    @cached_property
    def gevoeligheid(self) -> Gevoeligheid | None:
        """The sensitivity of the ranking with the seed the team last used, so the report repeats their result
        (seed 0 when they never ran it, so two exports of the same dossier agree). None when there is no ranking."""
        stand = self.stand
        if stand.rangschikking is None:
            return None
        seed = geldige_seed(self.formulier(formulieren.GEVOELIGHEID))
        try:
            return bereken_gevoeligheid(stand, 0 if seed is None else seed)
        except WerkboekFout:
            return None

    @cached_property
    def weging(self) -> tuple[dict[str, dict[str, float]], list[str]]:
        """As 'Criteria en weging' shows it: the points of the parties that gave points to every criterion
        ({partij: {str(criterium id): punten}}), and the parties that have not (completely) weighed."""
        return volledig_gewogen([(p.id, p.naam) for p in self.partijen], [c.id for c in self.criteria],
                                self.wegingen)

    @cached_property
    def weging_genormaliseerd(self) -> dict[str, dict[str, float]]:
        compleet, _ontbreekt = self.weging
        return {p: normaliseer_punten(punten)[0] for p, punten in compleet.items()}

    @cached_property
    def woonlasten(self) -> tuple[object, float, str, list[tuple[str, str, Woonlastentoets]]]:
        """(definitie, marge, strategie, [(huishoudtype id, naam, toets)]) as the woonlastentoets shows them:
        only household types with at least one amount and at least one counted post."""
        fase34 = self.inhoud.fase34
        gegevens = self.formulier(formulieren.WOONLASTEN)
        definitie = fase34.definitie(gegevens.get("definitie") or "") or fase34.definities[0]
        marge = gegevens.get("marge")
        marge = float(marge) if isinstance(marge, int | float) and not isinstance(marge, bool) and \
            0 <= marge <= 100 else 0.0
        strategie = str(gegevens.get("strategie") or "")
        uitkomsten = [(huishouden.id, huishouden.naam, toets) for huishouden, toets in toetsen_per_huishouden(
            fase34.huishoudtypen, gegevens.get("huishoudens"), definitie_posten=definitie.posten, marge=marge,
            namen={p.id: p.naam for p in fase34.posten})]
        return definitie, marge, strategie, uitkomsten

    # -- labels -----------------------------------------------------------------------------
    def knooppunt_titel(self, knooppunt_id: str | None) -> str:
        if not knooppunt_id:
            return ""
        try:
            return self.inhoud.knooppunt(knooppunt_id).titel
        except KeyError:
            return knooppunt_id

    def bronnen(self) -> list[tuple[str, str]]:
        """(what, source) for the 'Bronnen' part: the source strings the content and analysis modules carry,
        each once, CBS first."""
        fase1, fase2, fase34 = self.inhoud.fase1, self.inhoud.fase2, self.inhoud.fase34
        profiel = self.profiel
        cbs = profiel.bron if profiel is not None else bron_tekst(None)
        regels = [
            ("Wijkcijfers", f"{cbs.removeprefix('Bron: ')}. Licentie CBS open data: Creative Commons "
                            "Naamsvermelding 4.0 (CC BY 4.0)."),
            ("Knooppunten, fasen en sporen", BRON_WIJKKOMPAS),
            ("Samenwerkingsscan", fase1.scan.bron),
            ("Regierol van de gemeente", fase1.regierol.bron),
            ("Ambities en belangen", fase1.belangen_bron),
            ("Saillantie van partijen", fase1.salience_bron),
            ("Samenwerkingsvormen", fase1.samenwerking.bron),
            ("Fysieke kenmerken", fase2.technische_bron),
            ("Bestaande planningen en natuurlijke momenten", BRON_PLANNING),
            ("Koppelkansen", BRON_KOPPELKANSEN),
        ]
        if fase34 is not None:
            regels.append(("Warmtestrategieën (PBL Startanalyse, S1–S5)",
                           "; ".join(dict.fromkeys(s.bron for s in fase34.strategieen if s.bron))))
            regels.append(("Hints bij de warmtestrategieën", BRON_HINTS))
            regels.append(("Duurzaam gas", fase34.bron_waarschuwing))
            regels.append(("Criteria", "; ".join(dict.fromkeys(c.bron for c in fase34.criteria if c.bron))))
            regels.append(("Woonlastenneutraal", "; ".join(dict.fromkeys(d.bron for d in fase34.definities
                                                                         if d.bron))))
        gezien: set[str] = set()
        uitkomst = []
        for wat, bron in regels:
            if bron and bron not in gezien:
                gezien.add(bron)
                uitkomst.append((wat, bron))
        return uitkomst
