"""The two WUP exercises of phase 4 in the Word report and the Excel workbook: the decisions on koppelkansen
(with the WUP paragraph) and the concept-WUP (completeness, positions of the partners, the joint decision).

The page and the exports read the dossier through the same ``DossierVerzameling`` (``kansrijen``, ``wup_stand``),
so a report says what the page shows.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..analysis.wup import (
    BESLUIT_LABELS,
    BRON,
    STANDPUNT_LABELS,
    VERWIJDERDE_PARTIJ,
    besluitstand,
    kans_details,
    lees_concept_wup,
    volledigheid,
    waarschuwingen_te_verbinden,
    wup_tekst,
)
from ..dossier import formulieren
from ..leesmodel import concept_wup as concept_wup_lees
from ..leesmodel import te_verbinden as te_verbinden_lees
from .werkblad import Blad

if TYPE_CHECKING:  # the Word report's building blocks only as a type: the Excel export loads no python-docx
    from ..leesmodel.dossier import DossierVerzameling
    from .rapport import Rapport

_FASE3 = {"gekozen": "gekozen", "niet": "niet gekozen", None: "open"}


def docx_te_verbinden(r: Rapport, v: DossierVerzameling) -> bool:
    """The decisions per koppelkans as a table, what to look at, and the paragraph for the WUP."""

    rijen = v.kansrijen
    if not v.formulier(formulieren.TE_VERBINDEN).get("kansen") or not rijen:
        return False
    namen = v.partijnamen
    r.tabel(te_verbinden_lees.KOPPEN, te_verbinden_lees.overzicht_rijen(rijen, namen))  # as the page's overview
    meldingen = waarschuwingen_te_verbinden(rijen, namen)
    if meldingen:
        r.tussenkop("Aandachtspunten")
        r.lijst(meldingen)
    r.tussenkop("Tekst voor het wijkuitvoeringsplan")
    r.markdown(wup_tekst(rijen, namen), kopniveau=4)
    r.bron(f"Bron: {BRON}")
    return True


def docx_concept_wup(r: Rapport, v: DossierVerzameling) -> bool:
    """Completeness of the concept, where every partner stands, and the joint decision if recorded."""

    if not v.formulier(formulieren.CONCEPT_WUP):
        return False
    model = lees_concept_wup(v.formulier(formulieren.CONCEPT_WUP))
    onderdelen = volledigheid(v.wup_stand)
    r.tussenkop("Is het concept compleet?")
    r.tabel(["Onderdeel", "Stand", "Toelichting"],
            [[o.naam, "✔ klaar" if o.klaar else "✖ nog niet", o.uitleg] for o in onderdelen])
    if model.financieel:
        r.alinea(model.financieel, vet="Financieel plaatje: ")
    if model.oplegger:
        r.alinea(model.oplegger, vet="Voor de oplegger aan de raad: ")
    r.tussenkop("Standpunten van de partners")
    namen = v.partijnamen
    rijen = concept_wup_lees.standpunt_rijen(model, namen)
    if rijen:
        r.tabel(concept_wup_lees.KOPPEN, rijen)
    else:
        r.nog_niet("Er staan nog geen partijen in het dossier.")
    stand = besluitstand(list(namen), model)
    r.alinea(stand.uitleg(len(namen)))
    if model.is_vastgelegd:
        nr = concept_wup_lees.volgnummer(v.besluiten, model.vastlegging.kenmerk)
        r.alinea(f"vastgelegd op {concept_wup_lees.vastgelegd_op(model.vastlegging.moment)}"
                 + (f" (besluit nr. {nr} in het besluitenlog)." if nr else "."), vet="Gezamenlijk besluit: ")
    else:
        r.alinea("nog niet vastgelegd.", vet="Gezamenlijk besluit: ")
    r.bron(f"Bron: {BRON}")
    return True


def blad_te_verbinden(v: DossierVerzameling) -> Blad:
    """One row per koppelkans on the list, with real numbers and booleans."""
    namen = v.partijnamen
    rijen = []
    for rij in v.kansrijen:
        k = rij.keuze
        rijen.append([rij.titel, _FASE3[rij.fase3], rij.in_top, BESLUIT_LABELS.get(k.besluit or "", "nog geen besluit"),
                      *(tekst for _label, tekst in kans_details(k, namen)[:3]), k.jaar, k.onderbouwing, k.vastgelegd,
                      k.is_wens])
    return Blad(["Koppelkans", "Fase 3", "Top 3", "Besluit", "Eigenaar", "Partners", "Financiering", "Jaar",
                 "Onderbouwing", "Vastgelegd bij de partners", "Nog een wens"], rijen, formaten={7: "0"},
                noot="'Nog een wens': meenemen zonder eigenaar of zonder geregelde of aangevraagde financiering.")


def blad_concept_wup(v: DossierVerzameling) -> Blad:
    """One row per party with its position; deleted parties as '(verwijderde partij)'."""
    model = lees_concept_wup(v.formulier(formulieren.CONCEPT_WUP))
    namen = v.partijnamen
    standpunten = [(naam, model.standpunt(i)) for i, naam in namen.items()]
    standpunten += [(VERWIJDERDE_PARTIJ, s) for s in model.partijen if s.partij_id not in namen]
    rijen = [[naam, STANDPUNT_LABELS[s.standpunt], s.voorbehoud, date.fromisoformat(s.datum) if s.datum else None,
              s.betekenis] for naam, s in standpunten]
    return Blad(["Partij", "Standpunt", "Voorbehoud", "Datum besluit eigen organisatie", "Wat uitvoering betekent"],
                rijen, noot="Gezamenlijk besluit: " + ("vastgelegd." if model.is_vastgelegd
                                                       else "nog niet vastgelegd."))

