"""The weging's model without any widget: criteria, points per party with the live sum, typed points that
survive a reload, and fixing and withdrawing the weights, straight against the store."""

from __future__ import annotations

import subprocess
import sys

import pytest

from wijkkompas_widgets.dossier import InvoerFout, PartijInvoer
from wijkkompas_widgets.widgets.weging_model import DeelsToegevoegd, WegingModel, som_tekst


@pytest.fixture
def dossier_id(lege_store):
    dossier = lege_store.maak_dossier("Modelwijk")
    for naam, soort in (("Gemeente", "gemeente"), ("Corporatie", "woningcorporatie")):
        lege_store.voeg_partij_toe(dossier.id, PartijInvoer(naam, soort))
    return dossier.id


@pytest.fixture
def model(lege_store, dossier_id, inhoud):
    weging = WegingModel(inhoud.fase34.criteria)
    weging.lees(lege_store, dossier_id)
    return weging


def test_model_laadt_geen_ipywidgets():
    code = ("import sys, wijkkompas_widgets.widgets.weging_model; "
            "sys.exit('ipywidgets' in sys.modules and 'geladen')")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).returncode == 0


def test_som_zegt_hoeveel_punten_er_nog_te_verdelen_zijn():
    assert som_tekst(77) == "Nog te verdelen: 23 van 100 punten."
    assert "Alle 100 punten" in som_tekst(100)
    assert "12 punten te veel" in som_tekst(112)


def test_criteria_uit_de_catalogus_en_eigen(model, lege_store, dossier_id):
    assert model.criteria == [] and model.partij_id == model.partijen[0].id and model.punten == {}
    assert model.som_tekst == ""
    assert {c.id for c in model.nog_in_catalogus()} >= {"nationale-kosten", "draagvlak"}
    with pytest.raises(InvoerFout, match="Vink eerst"):
        model.voeg_uit_catalogus_toe(())
    assert model.voeg_uit_catalogus_toe(("nationale-kosten", "draagvlak")) == "Toegevoegd: Nationale kosten en " \
        "Draagvlak in de wijk."
    model.eigen_naam = "Lokale werkgelegenheid"
    assert "toegevoegd" in model.voeg_eigen_toe() and model.eigen_naam == ""
    model.lees(lege_store, dossier_id)
    assert [c.naam for c in model.criteria] == ["Nationale kosten", "Draagvlak in de wijk", "Lokale werkgelegenheid"]
    assert "nationale-kosten" not in {c.id for c in model.nog_in_catalogus()}
    # one more from the list that is already there: the ones before it are added and that is said
    lege_store.voeg_criterium_toe(dossier_id, "Weinig overlast")
    with pytest.raises(DeelsToegevoegd, match=r"Toegevoegd: Ruimtelijke inpassing\. Daarna lukte het niet meer"):
        model.voeg_uit_catalogus_toe(("ruimtebeslag", "overlast"))
    # edit: choosing a criterion fills the edit fields
    model.lees(lege_store, dossier_id)
    model.kies_criterium(model.criteria[2].id)
    assert model.wijzig_naam == "Lokale werkgelegenheid"
    model.wijzig_naam = "Werk in de wijk"
    assert model.wijzig() == "Criterium 'Werk in de wijk' opgeslagen."
    assert model.verwijder(model.criteria[0]) == "Criterium 'Nationale kosten' verwijderd."
    model.lees(lege_store, dossier_id)
    assert [c.naam for c in model.criteria][:2] == ["Draagvlak in de wijk", "Werk in de wijk"]


def test_punten_met_de_som_en_getypte_punten_die_een_herlading_overleven(model, lege_store, dossier_id):
    lege_store.zet_standaardcriteria(dossier_id, [("Kosten", ""), ("CO2", ""), ("Draagvlak", "")])
    model.lees(lege_store, dossier_id)
    kosten, co2, draagvlak = (c.id for c in model.criteria)
    assert model.punten == {kosten: 0, co2: 0, draagvlak: 0}
    assert model.som_tekst == "Nog te verdelen: 100 van 100 punten."
    model.zet_punt(kosten, 60)
    assert model.som_tekst == "Nog te verdelen: 40 van 100 punten."
    model.lees(lege_store, dossier_id)  # another exercise saved: what is typed stays
    assert model.punten[kosten] == 60
    model.verdeel_gelijk()
    assert list(model.punten.values()) == [34, 33, 33]
    assert model.bewaar_punten() == ("De punten van Gemeente zijn opgeslagen.", False)
    model.lees(lege_store, dossier_id)
    assert model.partij_stand(model.partij_id) == "gewogen"
    assert model.partij_opties()[1] == ("Corporatie (nog geen punten)", model.partijen[1].id)
    # another party shows its own saved points; 80 points are saved as proportions, with a note
    model.partij_id = model.partijen[1].id
    assert model.punten == {kosten: 0, co2: 0, draagvlak: 0}
    model.punten = {kosten: 10, co2: 50, draagvlak: 20}
    tekst, notitie = model.bewaar_punten()
    assert notitie and "80 in plaats van 100" in tekst
    assert lege_store.wegingen(dossier_id)[model.partijen[1].id] == {kosten: 10, co2: 50, draagvlak: 20}
    model.punten = dict.fromkeys(model.punten, 0)
    with pytest.raises(InvoerFout, match="Alle criteria hebben 0 punten"):
        model.bewaar_punten()


def test_vastzetten_met_de_opgeslagen_punten_en_intrekken(model, lege_store, dossier_id):
    with pytest.raises(InvoerFout, match="Nog geen enkele partij"):
        model.zet_vast()
    [kosten, co2] = lege_store.zet_standaardcriteria(dossier_id, [("Kosten", ""), ("CO2", "")])
    gemeente, corporatie = (p.id for p in lege_store.partijen(dossier_id))
    lege_store.zet_weging(dossier_id, gemeente, {kosten.id: 40, co2.id: 60})  # saved after this model read
    model.aanwezig, model.onderbouwing = "Kernteam", "Corporatie volgt"
    tekst = model.zet_vast()
    assert "staat in het besluitenlog als nr. 1" in tekst and "Zonder punten van: Corporatie" in tekst
    assert model.aanwezig == model.onderbouwing == ""
    assert lege_store.vastzetting(dossier_id).gewichten == pytest.approx({kosten.id: 0.4, co2.id: 0.6})
    model.lees(lege_store, dossier_id)
    assert model.vast and model.nummers[model.vastzetting.besluit_id] == 1
    genormaliseerd, gezamenlijk, ontbreekt = model.overzicht()
    assert genormaliseerd == {"Gemeente": pytest.approx({str(kosten.id): 0.4, str(co2.id): 0.6})}
    assert ontbreekt == ["Corporatie"] and gezamenlijk == pytest.approx({str(kosten.id): 0.4, str(co2.id): 0.6})
    model.reden, model.intrek_aanwezig = "Corporatie weegt alsnog mee", "Kernteam"
    assert "ingetrokken (besluit nr. 2)" in model.trek_in()
    model.lees(lege_store, dossier_id)
    assert not model.vast and len(model.eerdere) == 1 and corporatie not in model.wegingen
