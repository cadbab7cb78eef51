"""The samenwerkingsscan's model without any widget: rounds, filling in, submitting, results and comparison,
straight against the store."""

from __future__ import annotations

import subprocess
import sys

import pytest

from wijkkompas_widgets.dossier import InvoerFout
from wijkkompas_widgets.widgets.scan_model import GEEN_VERGELIJKING, WEET_NIET, ScanModel, volgende_rondenaam


@pytest.fixture
def model(lege_store, inhoud):
    dossier = lege_store.maak_dossier("Modelwijk")
    scan_model = ScanModel(inhoud.fase1.scan)
    scan_model.open(lege_store, dossier.id)
    return scan_model


def vul_alles_in(model, naam, waarde):
    model.begin(naam, "Gemeente")
    for stelling in model.scan.stellingen:
        model.beantwoord(stelling.id, waarde)
    return model.dien_in()


def test_model_laadt_geen_ipywidgets():
    code = ("import sys, wijkkompas_widgets.widgets.scan_model; "
            "sys.exit('ipywidgets' in sys.modules and 'geladen')")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).returncode == 0


def test_ronden_starten_kiezen_en_de_volgende_naam(model, lege_store):
    assert model.rondes == [] and model.ronde_id is None and model.suggestie == "Ronde 1"
    eerste = model.maak_ronde("Ronde 1")
    assert model.ronde_id == model.resultaat_id == eerste.id and model.suggestie == "Ronde 2"
    tweede = model.maak_ronde("Ronde 2")
    assert [r.naam for r in model.rondes] == ["Ronde 1", "Ronde 2"] and model.ronde_id == tweede.id
    assert volgende_rondenaam(model.rondes) == "Ronde 3"
    model.begin("Jan", "Gemeente")
    assert model.kies_ronde(eerste.id) is True  # another round: Jan stops
    assert model.respons is None and model.antwoorden == {} and model.resultaat_id == eerste.id
    assert model.kies_ronde(eerste.id) is False


def test_invullen_bewaart_elk_antwoord_en_indienen_noemt_wat_open_is(model, lege_store):
    with pytest.raises(InvoerFout, match="Start eerst een ronde"):
        model.begin("Jan", "Gemeente")
    with pytest.raises(InvoerFout, match="Vul eerst je naam en organisatie in"):
        model.dien_in()
    ronde = model.maak_ronde("Nulmeting")
    model.begin("Jan", "Gemeente")
    stellingen = model.scan.stellingen
    for stelling in stellingen[:-2]:
        model.beantwoord(stelling.id, 3)
    model.beantwoord(stellingen[0].id, WEET_NIET)
    assert model.antwoorden[stellingen[0].id] is None and model.aantal_beantwoord == len(stellingen) - 2
    assert model.open_nummers == [29, 30]
    with pytest.raises(InvoerFout, match=r"Nog open: stelling 29 en 30\."):
        model.dien_in()
    assert not model.ingediend
    model.beantwoord(stellingen[-2].id, 4)
    model.beantwoord(stellingen[-1].id, 5)
    assert model.dien_in().is_ingediend and model.ingediend
    [opgeslagen] = lege_store.scan_responsen(model.dossier_id, ronde.id)
    assert opgeslagen.antwoorden == model.antwoorden

    model.stop()
    assert model.respons is None and model.begin("jan", "Gemeente").id == opgeslagen.id  # continues


def test_gesloten_ronde_weigert_en_het_model_toont_wat_bewaard_is(model, lege_store):
    ronde = model.maak_ronde("Nulmeting")
    model.begin("Jan", "Gemeente")
    eerste = model.scan.stellingen[0].id
    model.beantwoord(eerste, 4)
    lege_store.sluit_scan_ronde(model.dossier_id, ronde.id)  # the facilitator, elsewhere
    with pytest.raises(InvoerFout, match="is gesloten"):
        model.beantwoord(eerste, 1)
    assert model.gesloten and model.antwoorden == {eerste: 4}
    assert not model.sluit_of_heropen(ronde.id).is_gesloten and not model.gesloten
    with pytest.raises(InvoerFout, match="nog geen ronde om te sluiten"):
        model.sluit_of_heropen(None)


def test_uitslag_telt_concepten_niet_mee_en_vergelijking_zegt_de_verandering(model):
    model.maak_ronde("Nulmeting")
    for naam, waarde in (("Ria", 2), ("Rob", 3)):
        vul_alles_in(model, naam, waarde)
        model.stop()
    model.begin("Concept Carla", "Netbeheerder")
    stand = model.uitslag()
    assert len(stand.ingediend) == 2 and [r.naam for r in stand.concepten] == ["Concept Carla"]
    assert stand.uitslag.respondenten == 2 and stand.status == "open"
    assert model.andere_rondes() == [] and model.vergelijking() is None

    nulmeting = model.ronde_id
    later = model.maak_ronde("Later")
    for naam in ("Ria", "Rob"):
        vul_alles_in(model, naam, 4)
        model.stop()
    assert model.resultaat_id == later.id
    assert [r.naam for r in model.andere_rondes()] == ["Nulmeting"] and model.vergelijk_id == nulmeting
    vergelijking = model.vergelijking()
    assert (vergelijking.eerste.naam, vergelijking.tweede.naam) == ("Nulmeting", "Later")
    assert vergelijking.rijen[0] == ["Motivatie", "2,5", "4,0", "+1,5 (hoger)"]
    model.kies_vergelijking(GEEN_VERGELIJKING)
    assert model.vergelijking() is None
    model.kies_resultaat(nulmeting)
    assert model.andere_rondes() and model.vergelijk_id == GEEN_VERGELIJKING  # a choice that stays valid stays


def test_ander_dossier_of_geen_dossier_zet_alles_terug(model, lege_store):
    model.maak_ronde("Nulmeting")
    model.begin("Jan", "Gemeente")
    model.open(lege_store, lege_store.maak_dossier("Ander").id)
    assert model.rondes == [] and model.respons is None and model.ronde_id is None
    model.open(None, None)
    assert model.rondes == [] and model.resultaat_id is None
