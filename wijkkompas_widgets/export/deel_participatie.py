"""The report and workbook parts of 'Passende participatievormen' and 'Participatie- en
communicatiestrategie'. What they show is read and worked out by the same analysis functions the exercises
use, so a report says what the page shows; a party deleted since reads '(verwijderde partij)'."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..analysis.participatie import (
    BRON_LADDER,
    BRON_PAW,
    FASEN,
    PROCESONTWERP,
    RANDVOORWAARDEN,
    WERVING,
    adviezen,
    ingevuld,
    kanalen_raster,
    lees_participatievormen,
    lees_strategie,
    maand_tekst,
    matrix_rijen,
    partijnaam,
    segmenten_tekst,
    strategie_leeg,
    treden_raster,
    vraag_adviezen,
    zelftoets,
)
from ..charts.participatie import participatie_alt, participatie_figuur
from ..dossier import formulieren
from ..teksten import NOG_NIET_INGEVULD as NOG_NIET
from .werkblad import Blad

if TYPE_CHECKING:  # the Word report's building blocks only as a type: the Excel export loads no python-docx
    from ..leesmodel.dossier import DossierVerzameling
    from .rapport import Rapport

_GEEN = "–"


def docx_participatievormen(r: Rapport, v: DossierVerzameling) -> bool:
    """The matrix as a grid figure, a table per doelgroep × onderwerp and the advice; False when empty."""
    model = lees_participatievormen(v.formulier(formulieren.PARTICIPATIEVORMEN))
    if not ingevuld(model):
        return False
    namen = v.partijnamen
    doelgroepen = [d.naam for d in model.doelgroepen]
    onderwerpen = [o.naam for o in model.onderwerpen]
    raster = treden_raster(model)
    if doelgroepen and onderwerpen:
        r.figuur(participatie_figuur(doelgroepen, onderwerpen, raster, kanalen_raster(model)),
                 participatie_alt(doelgroepen, onderwerpen, raster),
                 "Invloed per doelgroep en onderwerp (trede op de participatieladder)")
    r.tabel(["Doelgroep", "Onderwerp", "Invloed", "Vormen", "Online of fysiek"], [
        [x.doelgroep, x.onderwerp, f"{x.trede.niveau} · {x.trede.naam}" if x.trede else "nog open", x.vormen or _GEEN,
         x.kanaal or _GEEN] for x in matrix_rijen(model, namen)])
    kenmerken = []
    for d in model.doelgroepen:
        delen = ([f"wie zitten erin: {segmenten_tekst(d.segmenten).lower()}"] if d.segmenten else []) + (
            [f"spreekt namens hen: {partijnaam(d.partij_id, namen)}"] if d.partij_id is not None else [])
        if delen:
            kenmerken.append(f"{d.naam} — " + "; ".join(delen))
    if kenmerken:
        r.tussenkop("Wie zitten erin en wie spreekt namens hen")
        r.lijst(kenmerken)
    r.tussenkop("Adviezen")
    r.lijst_of([a.tekst for a in adviezen(model, namen)], "Geen adviezen: elke doelgroep heeft een vorm, niemand is "
               "alleen online te bereiken en elke trede heeft een vorm die haar kan dragen.")
    r.bron(f"Bron: {BRON_LADDER}; {BRON_PAW}.")
    return True


def docx_participatiestrategie(r: Rapport, v: DossierVerzameling) -> bool:
    """The strategy part by part, the moments as a table in date order and the PAW self-check."""
    model = lees_strategie(v.formulier(formulieren.PARTICIPATIESTRATEGIE))
    if strategie_leeg(model):
        return False
    onderwerpen = [o.naam for o in lees_participatievormen(v.formulier(formulieren.PARTICIPATIEVORMEN)).onderwerpen]
    r.tussenkop("Participatievraag")
    if model.vraag:
        r.alinea(model.vraag)
        r.lijst(f"⚠ {advies}" for advies in vraag_adviezen(model.vraag, onderwerpen))
    else:
        r.nog_niet("De participatievraag is nog niet ingevuld.")
    r.tussenkop("Wat vastligt")
    if model.grenzen:
        r.alinea(model.grenzen)
    else:
        r.nog_niet(NOG_NIET)
    r.tussenkop("Randvoorwaarden")
    r.tabel(["Soort", "Randvoorwaarden"], [[naam, model.randvoorwaarde(s) or "nog niet ingevuld"]
                                           for s, naam in RANDVOORWAARDEN.items()])
    r.tussenkop("Het proces")
    vergoeding = {True: "ja", False: "nee", None: "nog niet besloten"}[model.vergoeding]
    r.alinea(PROCESONTWERP[model.procesontwerp] + "." if model.procesontwerp else "nog niet gekozen.",
             vet="Wie ontwerpt het proces: ")
    r.alinea(", ".join(WERVING[x].lower() for x in model.werving) or "nog niet gekozen", vet="Werving: ")
    r.alinea(vergoeding + (f" ({model.vergoeding_toelichting})" if model.vergoeding_toelichting else ""),
             vet="Vergoeding: ")
    r.alinea(model.verwerking or "nog niet ingevuld", vet="Verwerking van de inbreng: ")
    r.alinea(model.terugkoppeling or "nog niet ingevuld", vet="Terugkoppeling: ")
    r.tussenkop("Participatiemomenten")
    if model.momenten:
        r.tabel(["Maand", "Fase", "Moment", "Doel", "Vorm"], [
            [maand_tekst(m.maand), FASEN[m.fase], m.moment, m.doel or _GEEN, m.vorm or _GEEN]
            for m in model.momenten])
    else:
        r.nog_niet("Nog geen participatiemomenten gepland.")
    r.tussenkop("Toets aan de vijf uitgangspunten van de PAW")
    r.tabel(["Uitgangspunt", "Hoe doen we dat", "Wat het formulier laat zien"], [
        [t.uitgangspunt.naam, t.notitie or "nog niet beschreven",
         ({True: "✔ ", False: "⚠ ", None: ""}[t.in_orde] + t.signaal) if t.signaal else _GEEN]
        for t in zelftoets(model)])
    r.bron(f"Bron: {BRON_PAW}.")
    return True


def blad_participatie(v: DossierVerzameling) -> Blad:
    """One row per doelgroep × onderwerp, with the step as a name and as a number (1–5) to sort on."""
    model = lees_participatievormen(v.formulier(formulieren.PARTICIPATIEVORMEN))
    koppen = ["Doelgroep", "Houding (wie zitten erin)", "Spreekt namens hen", "Onderwerp", "Invloed",
              "Trede (1–5)", "Vormen", "Online of fysiek"]
    if not ingevuld(model):
        return Blad(koppen, [], noot=NOG_NIET)
    rijen = [[x.doelgroep, x.houding or None, x.spreekt_namens or None, x.onderwerp,
              x.trede.naam if x.trede else "nog open", x.trede.niveau if x.trede else None, x.vormen or None,
              x.kanaal or None] for x in matrix_rijen(model, v.partijnamen)]
    adviezen_tekst = " ".join(a.tekst for a in adviezen(model, v.partijnamen))
    return Blad(koppen, rijen, noot=f"Adviezen: {adviezen_tekst}" if adviezen_tekst else "")
