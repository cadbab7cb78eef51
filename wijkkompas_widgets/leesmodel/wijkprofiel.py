"""The wijkprofiel of a dossier, as the exercise 'Wijkprofiel uit openbare cijfers' shows it and as the other
exercises (opgaven, domeinen, fysieke kenmerken, strategieën) and the report read it: one saved form
(``formulieren.WIJKPROFIEL``) with the chosen CBS region, or the figures of an own CBS file.

The saved form came from JSON that anyone with the store could have edited, so it is checked here, once, for
everyone who reads it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..analysis.wijkprofiel import Wijkprofiel, dna_regels, maak_profiel, profiel_uit_eigen_data
from ..cbs.data import NL_LABEL, CbsData, cbs_data
from ..cbs.eigen_data import getal
from ..cbs.kolommen import INDICATOR
from ..dossier import formulieren
from ..dossier.model import InvoerFout

if TYPE_CHECKING:
    from ..dossier.store import DossierStore

SLEUTEL = formulieren.WIJKPROFIEL


def leeg_formulier() -> dict:
    return {"gemeentecode": None, "regiocode": None, "notities": "", "eigen_data": None}


def _schone_eigen_data(ruw: object) -> dict | None:
    """The saved own-data part, checked."""
    if not isinstance(ruw, dict) or not isinstance(ruw.get("waarden"), dict):
        return None
    waarden = {k: getal(v) for k, v in ruw["waarden"].items() if k in INDICATOR}
    jaar = ruw.get("jaar")
    return {
        "bestandsnaam": str(ruw.get("bestandsnaam") or "eigen bestand")[:200],
        "regiocode": str(ruw.get("regiocode") or "")[:20],
        "naam": str(ruw.get("naam") or "")[:200],
        "jaar": jaar if isinstance(jaar, int) and not isinstance(jaar, bool) else None,
        "waarden": waarden,
    }


def schoon_formulier(gegevens: dict) -> dict:
    """The saved form with every field of the right kind (a missing or odd field becomes empty)."""
    uit = leeg_formulier()
    for sleutel in ("gemeentecode", "regiocode"):
        waarde = gegevens.get(sleutel)
        uit[sleutel] = waarde if isinstance(waarde, str) and waarde else None
    uit["notities"] = gegevens.get("notities") if isinstance(gegevens.get("notities"), str) else ""
    uit["eigen_data"] = _schone_eigen_data(gegevens.get("eigen_data"))
    return uit


def profiel_uit_formulier(gegevens: dict, data: CbsData | None = None) -> Wijkprofiel | None:
    """The profile the saved form describes: own data if loaded, else the chosen CBS region; ``None`` when
    nothing is chosen. Raises ``InvoerFout`` for a region the shipped data does not know."""
    data = data or cbs_data()
    gegevens = schoon_formulier(gegevens)
    eigen = gegevens["eigen_data"]
    if eigen is not None:
        code = eigen["regiocode"]
        naam = eigen["naam"]
        bekend = data.regio(code) if code else None
        if bekend is not None and (not naam or naam == code):
            naam = bekend.naam
        return profiel_uit_eigen_data(data, code=code, naam=naam, waarden=eigen["waarden"],
                                      bestandsnaam=eigen["bestandsnaam"], jaar=eigen["jaar"])
    if gegevens["regiocode"]:
        return maak_profiel(data, gegevens["regiocode"])
    return None


def profiel_van_dossier(store: DossierStore, dossier_id: str) -> Wijkprofiel | None:
    """The wijkprofiel saved in a dossier (CBS or own data), for other exercises and exports; ``None`` when
    no wijk was chosen or the saved choice no longer exists in the shipped data."""
    gegevens, _versie = store.formulier(dossier_id, SLEUTEL)
    try:
        return profiel_uit_formulier(gegevens)
    except InvoerFout:
        return None


def notities_van_dossier(store: DossierStore, dossier_id: str) -> str:
    """The team's 'Wat valt op?' notes of the wijkprofiel (other exercises take statements from them)."""
    gegevens, _versie = store.formulier(dossier_id, SLEUTEL)
    return schoon_formulier(gegevens)["notities"]


def alleen_gemeente(profiel: Wijkprofiel) -> bool:
    """A whole gemeente from the shipped data: its column is the gemeente, so no second gemeente column."""
    return profiel.soort == "gemeente" and not profiel.eigen_bestand


def kolomkoppen(profiel: Wijkprofiel) -> list[str]:
    """The headings of the profile table: the figure, the region, its gemeente (unless the region is one) and
    Nederland; with own data, the year of the CBS figures they are compared with."""
    jaar = f" (CBS {profiel.jaar})" if profiel.eigen_bestand and profiel.jaar else ""
    koppen = ["Cijfer", profiel.naam + (" (eigen gegevens)" if profiel.eigen_bestand else "")]
    if not alleen_gemeente(profiel):
        koppen.append(f"Gemeente {profiel.gemeentenaam}{jaar}" if profiel.gemeentenaam else "Gemeente (onbekend)")
    return [*koppen, NL_LABEL + jaar]


def dna_alt(profiel: Wijkprofiel) -> str:
    """The alt text of the wijk-DNA chart: on the page and in the report."""
    regels = dna_regels(profiel)
    if not regels:
        return f"Wijk-DNA van {profiel.naam}: geen cijfers om met Nederland te vergelijken."
    hoogste = max(regels, key=lambda r: r.wijk_index)
    laagste = min(regels, key=lambda r: r.wijk_index)
    return (f"Wijk-DNA van {profiel.naam}: per cijfer een index, Nederland = 100. Het verst boven Nederland: "
            f"{hoogste.label} (index {hoogste.wijk_index:.0f}); het verst eronder: {laagste.label} "
            f"(index {laagste.wijk_index:.0f}).")
