"""The two WUP exercises of phase 4 in the Word report, the Excel workbook and a JSON round trip: what the page
shows comes back in the report in the same words."""

from __future__ import annotations

import io
from datetime import date

from docx import Document
from hulp import een, knop, veld, zichtbaar
from openpyxl import Workbook

from wijkkompas_widgets.analysis.wup import (
    VERWIJDERDE_KANS,
    VERWIJDERDE_PARTIJ,
    ConceptWup,
    KansKeuze,
    Standpunt,
    TeVerbinden,
)
from wijkkompas_widgets.content import inhoud as laad_inhoud
from wijkkompas_widgets.export import exporteer_json, importeer_json
from wijkkompas_widgets.export.deel_wup import (
    blad_concept_wup,
    blad_te_verbinden,
    docx_concept_wup,
    docx_te_verbinden,
)
from wijkkompas_widgets.export.rapport import Rapport
from wijkkompas_widgets.export.xlsx import _schrijf
from wijkkompas_widgets.leesmodel.dossier import DossierVerzameling
from wijkkompas_widgets.widgets.concept_wup import ConceptWupOefening
from wijkkompas_widgets.widgets.context import WerkboekContext
from wijkkompas_widgets.widgets.te_verbinden import TeVerbindenOefening


def context(store, dossier_id):
    return WerkboekContext(store, laad_inhoud(), dossier_id=dossier_id)


def lees_rapport(rapport: Rapport) -> str:
    buffer = io.BytesIO()
    rapport.doc.save(buffer)
    document = Document(io.BytesIO(buffer.getvalue()))
    teksten = [a.text for a in document.paragraphs]
    teksten += [cel.text for tabel in document.tables for rij in tabel.rows for cel in rij.cells]
    return "\n".join(teksten)


def bewaar_voorbeeld(store, wijk) -> None:
    dossier_id, gemeente, corporatie = wijk["dossier"].id, wijk["gemeente"].id, wijk["corporatie"].id
    store.bewaar_formulier(dossier_id, "te_verbinden", TeVerbinden((
        KansKeuze(wijk["riool"].id, "meenemen", gemeente, (corporatie,), "geregeld", "€ 250.000", 2027,
                  "Straat gaat toch open.", True),
        KansKeuze(wijk["plein"].id, "laten-vallen", onderbouwing="Te duur."),
        KansKeuze(999, "later", onderbouwing="Weg uit het register."),
    )).als_dict(), 0)
    store.bewaar_formulier(dossier_id, "concept_wup", ConceptWup("Investering € 4 mln.", "", (
        Standpunt(gemeente, "akkoord", "Twee fte extra.", datum="2027-03-12"),
        Standpunt(777, "niet-akkoord"))).als_dict(), 0)


def test_exports_leeg_zeggen_nog_niet_ingevuld(lege_store, wup_wijk):
    v = DossierVerzameling(lege_store, wup_wijk["dossier"].id)
    rapport = Rapport("Test")
    assert docx_te_verbinden(rapport, v) is False and docx_concept_wup(rapport, v) is False
    assert blad_concept_wup(v).rijen[0][1] == "Nog niet besproken"
    assert [r[0] for r in blad_te_verbinden(v).rijen] == ["Riool en warmtenet", "Groen schoolplein"]


def test_exports_met_besluiten_standpunten_en_verwijderde_rijen(lege_store, wup_wijk):
    bewaar_voorbeeld(lege_store, wup_wijk)
    v = DossierVerzameling(lege_store, wup_wijk["dossier"].id)
    rapport = Rapport("Test")
    assert docx_te_verbinden(rapport, v) is True and docx_concept_wup(rapport, v) is True
    tekst = lees_rapport(rapport)
    for verwacht in ("Koppelkansen in het wijkuitvoeringsplan", "Wat we meenemen", "Wat we laten vallen",
                     "Waarom: Straat gaat toch open.", VERWIJDERDE_KANS, "✔ Meenemen in het WUP",
                     "gekozen in fase 3", "Is het concept compleet?", "✖ nog niet", "Investering € 4 mln.",
                     "Standpunten van de partners", "✔ Akkoord", "12-03-2027", VERWIJDERDE_PARTIJ,
                     "Nog niet akkoord: 1 van de 2 partijen.", "Gezamenlijk besluit: nog niet vastgelegd."):
        assert verwacht in tekst, verwacht
    blad = blad_te_verbinden(v)
    assert blad.rijen[0][:4] == ["Riool en warmtenet", "gekozen", False, "Meenemen in het WUP"]
    assert blad.rijen[0][7] == 2027 and blad.rijen[0][9] is True and blad.rijen[2][0] == VERWIJDERDE_KANS
    concept = blad_concept_wup(v)
    assert concept.rijen[0][1] == "Akkoord" and str(concept.rijen[0][3]) == "2027-03-12"
    assert concept.rijen[-1][0] == VERWIJDERDE_PARTIJ


def test_pagina_en_rapport_zeggen_hetzelfde(lege_store, wup_wijk):
    """The overview of the decisions and the partners' positions: the same cells on the page and in Word."""
    bewaar_voorbeeld(lege_store, wup_wijk)
    dossier_id = wup_wijk["dossier"].id
    v = DossierVerzameling(lege_store, dossier_id)
    rapport = Rapport("Test")
    docx_te_verbinden(rapport, v)
    docx_concept_wup(rapport, v)
    woord = lees_rapport(rapport)
    pagina = " ".join([zichtbaar(een(TeVerbindenOefening(context(lege_store, dossier_id)),
                                     "wk-te-verbinden-overzicht").value),
                       zichtbaar(een(ConceptWupOefening(context(lege_store, dossier_id)),
                                     "wk-concept-wup-standpunten").value)])
    for cel in ("gekozen in fase 3", "✔ Meenemen in het WUP", "✖ Laten vallen", "Gemeente Delft", "€ 250.000",
                "✔ Akkoord", "Twee fte extra.", "12-03-2027", "✖ Niet akkoord", VERWIJDERDE_PARTIJ):
        assert cel in pagina and cel in woord, cel


def test_bladen_komen_met_echte_typen_in_excel(lege_store, wup_wijk):
    dossier_id = wup_wijk["dossier"].id
    lege_store.bewaar_formulier(dossier_id, "te_verbinden", TeVerbinden((
        KansKeuze(wup_wijk["riool"].id, "later", jaar=2028, onderbouwing="=SOM(A1)"),)).als_dict(), 0)
    lege_store.bewaar_formulier(dossier_id, "concept_wup", ConceptWup(partijen=(
        Standpunt(wup_wijk["gemeente"].id, "akkoord", datum="2027-03-12"),)).als_dict(), 0)
    v = DossierVerzameling(lege_store, dossier_id)
    boek = Workbook()
    _schrijf(boek.active, blad_te_verbinden(v))
    _schrijf(boek.create_sheet("Concept"), blad_concept_wup(v))
    kansen, concept = boek.worksheets
    assert kansen["H2"].value == 2028 and kansen["I2"].value == "=SOM(A1)" and kansen["I2"].data_type == "s"
    assert kansen["J2"].value == "nee" and kansen["K2"].value == "nee"  # 'later' is no wish
    assert concept["D2"].value == date(2027, 3, 12) and concept["D2"].number_format != "General"


def test_na_export_en_import_wijzen_de_verwijzingen_naar_de_nieuwe_rijen(lege_store, wup_wijk):
    ctx = context(lege_store, wup_wijk["dossier"].id)
    oefening = TeVerbindenOefening(ctx)
    veld(oefening, "Koppelkans", exact=True).value = wup_wijk["riool"].id
    for label, waarde in (("Onderbouwing", "Straat gaat open."), ("Besluit", "meenemen"),
                          ("Eigenaar", wup_wijk["gemeente"].id), ("Partners", (wup_wijk["corporatie"].id,))):
        veld(oefening, label, exact=True).value = waarde
    concept = ConceptWupOefening(ctx)
    for partij in (wup_wijk["gemeente"].id, wup_wijk["corporatie"].id):
        veld(concept, "Partij", exact=True).value = partij
        veld(concept, "Standpunt", exact=True).value = "akkoord"
    knop(concept, "Leg het gezamenlijke besluit vast").click()
    kopie = importeer_json(lege_store, exporteer_json(lege_store, wup_wijk["dossier"].id))
    nieuw = context(lege_store, kopie.id)
    oefening, concept = TeVerbindenOefening(nieuw), ConceptWupOefening(nieuw)
    overzicht = zichtbaar(een(oefening, "wk-te-verbinden-overzicht").value)
    assert "Riool en warmtenet" in overzicht and "Gemeente Delft" in overzicht and "Corporatie" in overzicht
    assert VERWIJDERDE_PARTIJ not in overzicht and VERWIJDERDE_KANS not in overzicht
    assert "Alle partijen (2) zijn akkoord" in zichtbaar(een(concept, "wk-concept-wup-stand").value)
    vastgelegd = zichtbaar(een(concept, "wk-concept-wup-vastgelegd").value)
    assert "Het gezamenlijke besluit is vastgelegd" in vastgelegd
    assert "besluit nr." in vastgelegd  # found again in the imported log by its kenmerk
