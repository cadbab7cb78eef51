"""The afweging's model without any widget: the chosen strategy's scores, the ranking and the order per party,
and a sensitivity check that is reproducible with the seed it stores, straight against the store."""

from __future__ import annotations

import subprocess
import sys

import pytest

from wijkkompas_widgets.dossier import InvoerFout, PartijInvoer, formulieren
from wijkkompas_widgets.dossier.records import StrategieInvoer
from wijkkompas_widgets.widgets.afweging_model import AfwegingModel, niveaus_van


@pytest.fixture
def dossier_id(lege_store):
    store = lege_store
    dossier = store.maak_dossier("Modelwijk")
    gemeente = store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente", "gemeente"))
    kosten, co2 = store.zet_standaardcriteria(dossier.id, [("Nationale kosten", "", "nationale-kosten"), ("CO2", "")])
    store.zet_weging(dossier.id, gemeente.id, {kosten.id: 60, co2.id: 40})
    store.zet_weging_vast(dossier.id, {kosten.id: 0.6, co2.id: 0.4}, "Gemeente", "Werksessie")
    for naam, code in (("Warmtenet", "S2"), ("All-electric", "S1")):
        store.voeg_strategie_toe(dossier.id, StrategieInvoer(naam, code))
    return dossier.id


@pytest.fixture
def model(lege_store, dossier_id, inhoud):
    afweging = AfwegingModel(inhoud)
    afweging.lees(lege_store, dossier_id, dossier_gewisseld=True)
    return afweging


def test_model_laadt_geen_ipywidgets():
    code = ("import sys, wijkkompas_widgets.widgets.afweging_model; "
            "sys.exit('ipywidgets' in sys.modules and 'geladen')")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).returncode == 0


def test_niveaus_van_de_catalogus_of_de_algemene_schaal(model, inhoud):
    kosten, co2 = model.stand.criteria
    assert niveaus_van(kosten, inhoud) == inhoud.fase34.criterium("nationale-kosten").niveaus
    assert model.niveaus(co2) == inhoud.fase34.schaal


def test_scoren_rangschikken_en_gevoeligheid(model, lege_store, dossier_id):
    kosten, co2 = model.stand.criteria
    warmtenet, alle_electric = model.stand.strategieen
    assert model.strategie == warmtenet and model.opgeslagen(kosten.id) == (None, "")
    assert model.stand.onvolledig and model.stand.rangschikking is None and model.volgorde_per_partij() is None
    assert model.zet_score(kosten, 4, "Restwarmte") == "Warmtenet op 'Nationale kosten': score 4 opgeslagen."
    assert model.zet_score(co2, 5) == "Warmtenet op 'CO2': score 5 opgeslagen."
    model.strategie_id = alle_electric.id
    for criterium, score in ((kosten, 2), (co2, 3)):
        model.zet_score(criterium, score)
    with pytest.raises(InvoerFout, match="1 tot en met 5"):
        model.zet_score(co2, 7)
    model.lees(lege_store, dossier_id)
    assert model.strategie == alle_electric and model.opgeslagen(co2.id) == (3, "")
    r = model.stand.rangschikking
    assert r is not None and r.volgorde[0] == "Warmtenet"
    volgorde = model.volgorde_per_partij()
    assert volgorde.fout == "" and volgorde.per_partij["Gemeente"].volgorde[0] == "Warmtenet"
    assert model.op_duurzaam_gas() == []

    assert model.seed is None and model.gevoeligheid is None
    assert model.bereken_gevoeligheid(nieuw=False).startswith("Gevoeligheid berekend: de uitkomst is ")
    seed = lege_store.formulier(dossier_id, formulieren.GEVOELIGHEID)[0]["seed"]
    eerste = model.gevoeligheid
    assert eerste.seed == seed
    model.lees(lege_store, dossier_id)
    assert model.seed == seed and model.gevoeligheid is eerste  # same scores: the result stays
    model.bereken_gevoeligheid(nieuw=False)
    assert model.gevoeligheid.aandeel_eerste == eerste.aandeel_eerste  # the stored seed repeats the draws
    model.zet_score(co2, 4)  # other scores: the result no longer belongs to them
    model.lees(lege_store, dossier_id)
    assert model.gevoeligheid is None
    model.bereken_gevoeligheid(nieuw=True)
    assert lege_store.formulier(dossier_id, formulieren.GEVOELIGHEID)[0]["seed"] == model.gevoeligheid.seed


def test_weggehaalde_score_en_geen_strategie(model, lege_store, dossier_id):
    kosten, _co2 = model.stand.criteria
    model.zet_score(kosten, 3, "Toelichting gaat mee weg")
    assert model.zet_score(kosten, None, "blijft niet") == "De score van Warmtenet op 'Nationale kosten' is weggehaald."
    model.lees(lege_store, dossier_id)
    assert model.opgeslagen(kosten.id) == (None, "")
    model.strategie_id = None
    with pytest.raises(InvoerFout, match="Kies eerst de strategie"):
        model.zet_score(kosten, 3)
