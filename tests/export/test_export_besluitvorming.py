"""The besluitvormingsplanning in the Word report, the Excel sheet and the JSON backup."""

from __future__ import annotations

import io
import json
from datetime import date, datetime

import pytest
from docx import Document
from openpyxl import Workbook, load_workbook

from wijkkompas_widgets.analysis.besluitvorming import (
    VERWIJDERDE_PARTIJ,
    analyseer_besluitvorming,
    lees_besluitvorming,
)
from wijkkompas_widgets.dossier import PartijInvoer
from wijkkompas_widgets.export.deel_besluitvorming import blad_besluitvorming, docx_besluitvorming
from wijkkompas_widgets.export.json_dossier import exporteer_json, importeer_json
from wijkkompas_widgets.export.rapport import Rapport as _Rapport
from wijkkompas_widgets.export.xlsx import _schrijf
from wijkkompas_widgets.leesmodel.dossier import DossierVerzameling


@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Testwijk", "Noord", "Delft")


# -- exports ------------------------------------------------------------------------------------
@pytest.fixture
def gevulde_store(lege_store, dossier):
    gemeente = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    weg = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Oud <script>", "vve"))
    lege_store.bewaar_formulier(dossier.id, "besluitvorming", {"besluiten": [
        {"id": "a", "wat": "Warmtestrategie", "partij_id": gemeente.id, "orgaan": "college",
         "beeldvorming": "2027-01", "oordeelsvorming": "2027-02", "besluit": "2027-03", "go_no_go": True,
         "afhaken": "Dan zoeken we een andere trekker.", "afhankelijk_van": []},
        {"id": "b", "wat": "ALV <b>", "partij_id": weg.id, "orgaan": "alv_vve", "besluit": "2027-03",
         "go_no_go": False, "afhankelijk_van": ["a"]},
    ]}, 0)
    lege_store.verwijder_partij(dossier.id, weg.id)
    return lege_store, dossier, gemeente


def test_word_deel_met_tabel_figuur_en_conflicten(gevulde_store):
    store, dossier, _gemeente = gevulde_store
    rapport = _Rapport("titel")
    assert docx_besluitvorming(rapport, DossierVerzameling(store, dossier.id)) is True
    buffer = io.BytesIO()
    rapport.doc.save(buffer)
    document = Document(io.BytesIO(buffer.getvalue()))
    tekst = "\n".join(p.text for p in document.paragraphs)
    for kop in ("Conflicten in de planning", "Kritiek pad en vroegste einde", "Go/no-go-momenten",
                "Let op bij deze besluitvormers"):
        assert kop in tekst
    assert "‘ALV <b>’ (verwijderde partij) staat in dezelfde maand (maart 2027) gepland als ‘Warmtestrategie’" in tekst
    assert "‘Warmtestrategie’ (Gemeente Delft): Dan zoeken we een andere trekker." in tekst
    assert "twee derde" in tekst and "Bron: TwynstraGudde" in tekst
    [tabel] = document.tables
    assert [c.text for c in tabel.rows[0].cells][:3] == ["Partij", "Wat moet er besloten worden", "Wie beslist"]
    cellen = [[c.text for c in rij.cells] for rij in tabel.rows[1:]]
    assert cellen[0][:6] == ["Gemeente Delft", "Warmtestrategie", "College van B&W", "januari 2027", "februari 2027",
                             "maart 2027"]
    assert cellen[1][0] == VERWIJDERDE_PARTIJ and "⚠ conflict" in cellen[1][-1]
    assert len(document.inline_shapes) == 1


def test_word_deel_zegt_niets_als_er_niets_is(lege_store, dossier):
    rapport = _Rapport("titel")
    assert docx_besluitvorming(rapport, DossierVerzameling(lege_store, dossier.id)) is False
    assert not [p.text for p in rapport.doc.paragraphs if p.text]


def test_excel_blad_met_echte_typen(gevulde_store, lege_store, dossier):
    store, dossier_gevuld, _gemeente = gevulde_store
    blad = blad_besluitvorming(DossierVerzameling(store, dossier_gevuld.id))
    assert blad.koppen[:4] == ["Partij", "Besluit", "Wie beslist", "Beeldvorming (maand)"]
    eerste, tweede = blad.rijen
    assert eerste[:6] == ["Gemeente Delft", "Warmtestrategie", "College van B&W", date(2027, 1, 1),
                          date(2027, 2, 1), date(2027, 3, 1)]
    assert eerste[6] is True and eerste[9] is False and tweede[9] is True
    assert tweede[0] == VERWIJDERDE_PARTIJ and tweede[3] is None and tweede[11] == date(2027, 4, 1)
    assert blad.formaten[3] == "YYYY-MM" and "los eerst de conflicten op" in blad.noot
    werkboek = Workbook()
    _schrijf(werkboek.active, blad)
    terug = load_workbook(io.BytesIO(_bytes(werkboek))).active
    assert terug["D2"].value == datetime(2027, 1, 1) and terug["D2"].number_format == "YYYY-MM"
    assert (terug["G2"].value, terug["J3"].value) == ("ja", "ja")
    leeg = blad_besluitvorming(DossierVerzameling(lege_store, lege_store.maak_dossier("Leeg").id))
    assert leeg.rijen == [] and leeg.noot == "Nog niet ingevuld."


def _bytes(werkboek) -> bytes:
    buffer = io.BytesIO()
    werkboek.save(buffer)
    return buffer.getvalue()


def test_json_export_en_import_zet_de_partij_om(gevulde_store):
    store, dossier, gemeente = gevulde_store
    nieuw = importeer_json(store, exporteer_json(store, dossier.id))
    nieuwe_gemeente = next(p for p in store.partijen(nieuw.id) if p.naam == "Gemeente Delft")
    assert nieuwe_gemeente.id != gemeente.id
    model = lees_besluitvorming(store.formulier(nieuw.id, "besluitvorming")[0])
    assert model.besluit("a").partij_id == nieuwe_gemeente.id
    assert model.besluit("b").afhankelijk_van == ("a",)
    namen = {p.id: p.naam for p in store.partijen(nieuw.id)}
    assert analyseer_besluitvorming(model, namen).conflicten  # still readable, party still '(verwijderde partij)'
    assert json.dumps(model.als_dict())
