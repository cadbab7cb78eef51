"""Inspraak op het wijkuitvoeringsplan in the Word report and the Excel workbook.

Read from the saved form 'inspraak' with the same tolerant reader and analysis as the exercise, so the
report says exactly what the app shows.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..analysis.inspraak import (
    UITKOMST_LABELS,
    adviezen,
    is_ingevuld,
    is_open,
    lees_inspraak,
    momentnaam,
    telling,
    themanaam,
)
from ..charts.inspraak import figuur_alt, reacties_figuur
from ..dossier import formulieren
from ..leesmodel import inspraak as inspraak_lees
from .werkblad import DATUM, Blad

if TYPE_CHECKING:  # the Word report's building blocks only as a type: the Excel export loads no python-docx
    from ..leesmodel.dossier import DossierVerzameling
    from .rapport import Rapport

def docx_inspraak(r: Rapport, v: DossierVerzameling) -> bool:
    """What is open for inspraak, the moments and the reactienota with its chart; False when nothing is filled in."""
    inspraak = lees_inspraak(v.formulier(formulieren.INSPRAAK))
    if not is_ingevuld(inspraak):
        return False
    r.tussenkop("Wat staat open voor inspraak")
    if inspraak.onderdelen:
        r.tabel(inspraak_lees.ONDERDELEN_KOPPEN, inspraak_lees.onderdeel_rijen(inspraak))
    else:
        r.nog_niet("Er zijn nog geen onderdelen van het plan benoemd.")
    r.alinea(inspraak.oneens or "nog niet afgesproken", vet="Als bewoners het oneens blijven: ",
             cursief=not inspraak.oneens)

    r.tussenkop("Inspraakmomenten")
    if inspraak.momenten:
        r.tabel(inspraak_lees.MOMENTEN_KOPPEN, inspraak_lees.moment_rijen(inspraak))
        tips = adviezen(inspraak)
        if tips:
            r.alinea(vet="Aandachtspunten:")
            r.lijst(tips)
    else:
        r.nog_niet("Er zijn nog geen inspraakmomenten gepland.")

    r.tussenkop("Reacties en reactienota")
    tel = telling(inspraak)
    if tel:
        open_, aantal = inspraak_lees.aantal_open(inspraak), len(inspraak.reacties)
        r.alinea(f"{aantal} {'reactie' if aantal == 1 else 'reacties'} vastgelegd, waarvan {open_} nog open (nog "
                 "geen uitkomst of nog geen antwoord).")
        r.tabel(inspraak_lees.TELLING_KOPPEN, inspraak_lees.telling_rijen(tel))
        r.figuur(reacties_figuur(tel), figuur_alt(tel), "Reacties per onderwerp en wat we ermee doen")
    r.markdown(inspraak_lees.nota(inspraak, v.dossier), kopniveau=3)
    return True


def blad_inspraak(v: DossierVerzameling) -> Blad:
    """One row per reaction, with its thema, the moment it came in and what was done with it."""
    inspraak = lees_inspraak(v.formulier(formulieren.INSPRAAK))
    rijen = []
    for nr, reactie in enumerate(inspraak.reacties, 1):
        moment = inspraak.moment(reactie.moment)
        try:
            datum = date.fromisoformat(moment.datum) if moment and moment.datum else None
        except ValueError:  # a hand-edited date stays readable as text
            datum = moment.datum if moment else None
        rijen.append([
            nr, reactie.samenvatting, themanaam(inspraak, reactie.onderdeel),
            momentnaam(inspraak, reactie.moment) or None, datum, UITKOMST_LABELS[reactie.uitkomst],
            reactie.antwoord or None, is_open(reactie),
        ])
    return Blad(["Nr.", "Samenvatting (zonder namen)", "Thema", "Via moment", "Datum van het moment", "Uitkomst",
                 "Ons antwoord", "Nog open"], rijen, {4: DATUM},
                noot="Een reactie is nog open zolang er geen uitkomst of geen antwoord is." if rijen else "")
