"""The participation forms in the Word report and the Excel sheet."""

from __future__ import annotations

import io

import pytest
from docx import Document

from wijkkompas_widgets.analysis.participatie import (
    VERWIJDERDE_PARTIJ,
    Cel,
    Moment,
    Participatiestrategie,
    Participatievormen,
    controleer_strategie,
    standaard_vormen,
    strategie_als_dict,
    vormen_als_dict,
    zet_cel,
)
from wijkkompas_widgets.dossier import PartijInvoer
from wijkkompas_widgets.export.deel_participatie import (
    blad_participatie,
    docx_participatiestrategie,
    docx_participatievormen,
)
from wijkkompas_widgets.export.rapport import Rapport
from wijkkompas_widgets.leesmodel.dossier import DossierVerzameling

VIJANDIG = "<script>alert(1)</script>"
GOEDE_VRAAG = ("Welke warmteoplossing kiezen we samen voor de wijk, binnen de grens dat de woonlasten niet "
               "stijgen?")




@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Testwijk", "Noord", "Delft")


# == exports ========================================================================================
def rapport_tekst(schrijf, store, dossier_id) -> tuple[bool, str]:
    r = Rapport("Test")
    geschreven = schrijf(r, DossierVerzameling(store, dossier_id))
    buffer = io.BytesIO()
    r.doc.save(buffer)
    document = Document(io.BytesIO(buffer.getvalue()))
    delen = [p.text for p in document.paragraphs]
    delen += [c.text for t in document.tables for rij in t.rows for c in rij.cells]
    return geschreven, "\n".join(delen)


def test_exports_zonder_invulling_zeggen_niets(lege_store, dossier):
    assert rapport_tekst(docx_participatievormen, lege_store, dossier.id)[0] is False
    assert rapport_tekst(docx_participatiestrategie, lege_store, dossier.id)[0] is False
    blad = blad_participatie(DossierVerzameling(lege_store, dossier.id))
    assert blad.rijen == [] and blad.noot == "Nog niet ingevuld."


def test_exports_van_de_matrix(lege_store, dossier):
    partij = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Wijkraad", "overig"))
    model = zet_cel(standaard_vormen(), "huurders", "warmteoplossing", Cel("meebeslissen", ("bewonerspanel",),
                                                                             "fysiek"))
    model = Participatievormen(model.doelgroepen, model.onderwerpen, True, partij.id)
    lege_store.bewaar_formulier(dossier.id, "participatievormen", vormen_als_dict(model), 0)
    geschreven, tekst = rapport_tekst(docx_participatievormen, lege_store, dossier.id)
    assert geschreven
    assert "Huurders van de corporatie" in tekst and "5 · Meebeslissen" in tekst and "Bewonerspanel via loting" in tekst
    assert "Adviezen" in tekst and "Wijkraad spreekt namens de hele wijk" in tekst
    assert "Particuliere eigenaar-bewoners: nog geen enkele participatievorm gekozen" in tekst
    assert "Bron: Participatieladder" in tekst
    blad = blad_participatie(DossierVerzameling(lege_store, dossier.id))
    assert len(blad.rijen) == 16
    assert blad.rijen[0] == ["Huurders van de corporatie", None, None, "Keuze warmteoplossing", "Meebeslissen", 5,
                             "Bewonerspanel via loting", "Fysiek"]
    assert blad.rijen[1][4:6] == ["nog open", None]
    lege_store.verwijder_partij(dossier.id, partij.id)
    _geschreven, tekst = rapport_tekst(docx_participatievormen, lege_store, dossier.id)
    assert f"{VERWIJDERDE_PARTIJ} spreekt namens de hele wijk" in tekst


def test_export_van_de_strategie(lege_store, dossier):
    model = Participatiestrategie(
        vraag=GOEDE_VRAAG, grenzen="De raad besluit.", randvoorwaarden={"technisch": "Netcapaciteit"},
        procesontwerp="gemeente", werving=("breed",), vergoeding=False, verwerking="In een reactienota.",
        momenten=(Moment("m2", 4, "Inspraakavond", "2027-02", "Reacties ophalen", "Bewonersbijeenkomst"),
                  Moment("m1", 3, "Wijkavond", "2026-09")), notities={"ondersteunen": "Een energiecoach."})
    lege_store.bewaar_formulier(dossier.id, "participatiestrategie", strategie_als_dict(controleer_strategie(model)),
                                0)
    geschreven, tekst = rapport_tekst(docx_participatiestrategie, lege_store, dossier.id)
    assert geschreven
    for stukje in ("Participatievraag", GOEDE_VRAAG, "Netcapaciteit", "De gemeente ontwerpt het proces.",
                   "breed uitnodigen", "Vergoeding: nee", "In een reactienota.", "Terugkoppeling: nog niet ingevuld",
                   "Toets aan de vijf uitgangspunten van de PAW", "Een energiecoach.",
                   "⚠ Nog niet beschreven hoe jullie terugkoppelen."):
        assert stukje in tekst
    assert tekst.index("september 2026") < tekst.index("februari 2027")
