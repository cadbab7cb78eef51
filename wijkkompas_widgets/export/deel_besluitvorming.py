"""The besluitvormingsplanning (knooppunt f3-besluitvormingsafspraken) in the Word report and the Excel workbook.

Read and worked out exactly as the exercise does it (``analysis.besluitvorming``), with the same table rows and
the same chart; a party deleted since shows as '(verwijderde partij)'.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..analysis.besluitvorming import (
    BRON,
    ORGAAN,
    STAPPEN,
    TABELKOPPEN,
    analyseer_besluitvorming,
    besluit_label,
    conflict_regels,
    lees_besluitvorming,
    maand_index,
    partijnaam,
    per_partij,
    samenvatting,
    tabel_rijen,
)
from ..charts.besluitvorming import besluitvorming_figuur, figuur_alt
from ..dossier import formulieren
from .werkblad import MAAND, Blad

if TYPE_CHECKING:  # the Word report's building blocks only as a type: the Excel export loads no python-docx
    from ..leesmodel.dossier import DossierVerzameling
    from .rapport import Rapport


def docx_besluitvorming(r: Rapport, v: DossierVerzameling) -> bool:
    """Table, timeline, conflicts and points of attention; False when no decision was entered."""
    model = lees_besluitvorming(v.formulier(formulieren.BESLUITVORMING))
    if model.leeg:
        return False
    namen = v.partijnamen
    analyse = analyseer_besluitvorming(model, namen)
    r.alinea(f"{len(model.besluiten)} besluit(en) op weg naar het wijkuitvoeringsplan, per partij op volgorde van de "
             "besluitmaand.")
    r.tabel(TABELKOPPEN, tabel_rijen(model, analyse, namen))
    r.figuur(besluitvorming_figuur(model, analyse, namen), figuur_alt(model, analyse, namen),
             "Besluitvormingsplanning per partij")
    r.tussenkop("Conflicten in de planning")
    r.lijst_of(conflict_regels(analyse, model, namen), "Geen conflicten: elk besluit valt na de besluiten waarvan "
                                                        "het afhangt.")
    r.tussenkop("Kritiek pad en vroegste einde")
    for regel in samenvatting(analyse, model, namen):
        r.alinea(regel)
    go_no_go = [b for b in model.besluiten if b.go_no_go]
    if go_no_go:
        r.tussenkop("Go/no-go-momenten: wat als een partner afhaakt")
        r.lijst(f"{besluit_label(b, namen)}: {b.afhaken or 'nog niet afgesproken'}" for b in go_no_go)
    if analyse.signalen:
        r.tussenkop("Aandachtspunten")
        r.lijst(analyse.signalen)
    organen = [ORGAAN[o] for o in dict.fromkeys(b.orgaan for b in model.besluiten) if ORGAAN[o].hint]
    if organen:
        r.tussenkop("Let op bij deze besluitvormers")
        r.lijst(f"{o.naam}: {o.hint}" for o in organen)
    r.bron(f"Bron: {BRON}")
    return True


def _datum(maand: str | None) -> date | None:
    if not maand:
        return None
    index = maand_index(maand)
    return date(index // 12, index % 12 + 1, 1)


def blad_besluitvorming(v: DossierVerzameling) -> Blad:
    """One row per decision with months as dates (first day of the month), yes/no as booleans."""
    model = lees_besluitvorming(v.formulier(formulieren.BESLUITVORMING))
    namen = v.partijnamen
    analyse = analyseer_besluitvorming(model, namen)
    koppen = ["Partij", "Besluit", "Wie beslist", *(f"{label} (maand)" for _stap, label in STAPPEN), "Go/no-go",
              "Als deze partner afhaakt", "Hangt af van", "Conflict", "Op kritiek pad",
              "Vroegst mogelijke besluitmaand"]
    rijen = []
    for _naam, besluiten in per_partij(model, namen):
        for b in besluiten:
            planning = analyse.planning.get(b.id)
            vroegst = None
            if planning is not None:
                vroegst = date(planning.vroegst_besluit // 12, planning.vroegst_besluit % 12 + 1, 1)
            rijen.append([
                partijnaam(b.partij_id, namen), b.wat, ORGAAN[b.orgaan].naam,
                *(_datum(getattr(b, stap)) for stap, _label in STAPPEN), b.go_no_go, b.afhaken,
                "; ".join(besluit_label(model.besluit(a), namen) for a in b.afhankelijk_van),
                analyse.in_conflict(b.id), b.id in analyse.kritiek_pad, vroegst,
            ])
    noot = " ".join(samenvatting(analyse, model, namen)) if not model.leeg else "Nog niet ingevuld."
    return Blad(koppen, rijen, {3: MAAND, 4: MAAND, 5: MAAND, 11: MAAND}, noot=noot)
