"""Inspraak op het wijkuitvoeringsplan in the Word report and the Excel workbook.

Read from the saved form 'inspraak' with the same tolerant reader and analysis as the exercise, so the
report says exactly what the app shows.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..analysis.inspraak import (
    STATUS_LABELS,
    UITKOMST_LABELS,
    UITKOMSTEN,
    adviezen,
    datum_tekst,
    is_ingevuld,
    is_open,
    lees_inspraak,
    momentnaam,
    reactienota,
    telling,
    themanaam,
)

if TYPE_CHECKING:
    from .docx import _Rapport
    from .verzamel import DossierVerzameling
    from .xlsx import Blad

SLEUTEL = "inspraak"
NIET_BEPAALD = "nog niet bepaald"


def docx_inspraak(r: _Rapport, v: DossierVerzameling) -> bool:
    """What is open for inspraak, the moments and the reactienota with its chart; False when nothing is filled in."""
    # here: only the Word report draws, so the Excel export stays free of matplotlib
    from ..charts.inspraak import figuur_alt, reacties_figuur
    inspraak = lees_inspraak(v.formulier(SLEUTEL))
    if not is_ingevuld(inspraak):
        return False
    r.tussenkop("Wat staat open voor inspraak")
    if inspraak.onderdelen:
        r.tabel(["Onderdeel van het plan", "Inspraak", "Waarom het vastligt"],
                [[o.naam, STATUS_LABELS.get(o.status, NIET_BEPAALD), o.reden or "–"] for o in inspraak.onderdelen])
    else:
        r.nog_niet("Er zijn nog geen onderdelen van het plan benoemd.")
    r.alinea(inspraak.oneens or "nog niet afgesproken", vet="Als bewoners het oneens blijven: ",
             cursief=not inspraak.oneens)

    r.tussenkop("Inspraakmomenten")
    if inspraak.momenten:
        r.tabel(["Nr.", "Vorm", "Onderwerp", "Plek", "Datum", "Doelgroep"], [
            [nr, m.vorm, themanaam(inspraak, m.onderdeel) if m.onderdeel else "meerdere of nog niet gekozen",
             m.plek or "–", datum_tekst(m.datum) or "–", m.doelgroep or "–"]
            for nr, m in enumerate(inspraak.momenten, 1)])
        tips = adviezen(inspraak)
        if tips:
            r.alinea(vet="Aandachtspunten:")
            r.lijst(tips)
    else:
        r.nog_niet("Er zijn nog geen inspraakmomenten gepland.")

    r.tussenkop("Reacties en reactienota")
    tel = telling(inspraak)
    if tel:
        open_ = sum(1 for x in inspraak.reacties if is_open(x))
        aantal = len(inspraak.reacties)
        r.alinea(f"{aantal} {'reactie' if aantal == 1 else 'reacties'} vastgelegd, waarvan {open_} nog open (nog "
                 "geen uitkomst of nog geen antwoord).")
        r.tabel(["Thema", *(label for _u, label in UITKOMSTEN), "Totaal"],
                [[thema, *(aantallen[u] for u, _l in UITKOMSTEN), sum(aantallen.values())]
                 for thema, aantallen in tel.items()])
        r.figuur(reacties_figuur(tel), figuur_alt(tel), "Reacties per onderwerp en wat we ermee doen")
    r.markdown(reactienota(inspraak, v.dossier.wijk or v.dossier.naam, date.today()), kopniveau=3)
    return True


def blad_inspraak(v: DossierVerzameling) -> Blad:
    """One row per reaction, with its thema, the moment it came in and what was done with it."""
    from .xlsx import DATUM, Blad  # here, so xlsx.py can import this module at its top without a cycle

    inspraak = lees_inspraak(v.formulier(SLEUTEL))
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
