"""The participant's model of a live workshop, without any widget: the code, joining and coming back, rounds that
open and close, and answers saved one by one — against a real store."""

from __future__ import annotations

import json

import pytest

from wijkkompas_widgets.dossier.model import InvoerFout, PartijInvoer, WerkboekFout
from wijkkompas_widgets.dossier.store import DossierStore
from wijkkompas_widgets.widgets.workshop_deelnemer_model import DeelnemerModel
from wijkkompas_widgets.workshop.model import GESLOTEN, OPEN

pytestmark = pytest.mark.beide_backends  # the models go through the store: on SQLite and on PostgreSQL

PIN = "4821"


@pytest.fixture
def dossier(lege_store):
    dossier = lege_store.maak_dossier("Workshopwijk")
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente", organisatie="gemeente delft"))
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Woonstad", "woningcorporatie",
                                                        organisatie="Woonstad Rotterdam"))
    lege_store.neem_standaardcriteria_over(dossier.id)
    return dossier


@pytest.fixture
def sessie(lege_store, dossier):
    sessie = lege_store.maak_sessie(dossier.id, "Avond", PIN, ["scan", "weging"])
    lege_store.open_ronde(sessie.id, lege_store.rondes(sessie.id)[1].id)  # the weging is open, the scan not yet
    return sessie


def aangemeld(store, sessie, naam="Fatima") -> DeelnemerModel:
    model = DeelnemerModel(store, sessie.code)
    model.naam, model.organisatie, model.spoor = naam, "Gemeente Delft", "C"
    model.meld_aan()
    return model


def test_de_code_zegt_welke_workshop_en_stelt_organisaties_voor(lege_store, sessie):
    model = DeelnemerModel(lege_store, sessie.code_getoond.lower())
    assert model.code_sessie == sessie and model.code_fout == ""
    assert model.organisaties == ["Gemeente Delft", "Woonstad", "Woonstad Rotterdam"]  # the same name only once
    model.code = "K7PQ-2MX"  # incomplete while typing: nothing said yet
    assert model.code_sessie is None and model.code_fout == ""
    model.code = "K7PQ-2MXD"
    assert model.code_sessie is None and "Er is geen open workshop met deze code" in model.code_fout
    model.naam, model.organisatie = "Piet", "Gemeente Delft"
    with pytest.raises(WerkboekFout, match="Er is geen open workshop"):
        model.meld_aan()
    assert model.deelnemer is None


def test_meedoen_geeft_de_open_rondes_eerst(lege_store, sessie):
    model = aangemeld(lege_store, sessie)
    assert model.deelnemer.naam == "Fatima" and model.deelnemer.spoor == "C" and model.sessie == sessie
    assert [m.ronde.oefening for m in model.rondes] == ["weging"]  # a round not opened yet is not there
    assert model.ververs() is False  # nothing opened or closed

    scan = lege_store.rondes(sessie.id)[0]
    lege_store.open_ronde(sessie.id, scan.id)
    weging = model.rondes[0]
    assert model.ververs() is True
    assert [m.ronde.oefening for m in model.rondes] == ["scan", "weging"]  # in the facilitator's order
    lege_store.sluit_ronde(sessie.id, scan.id)
    assert model.ververs() is True
    assert [m.ronde.oefening for m in model.rondes] == ["weging", "scan"]  # open first, what to do now
    assert model.rondes[0] is weging and model.rondes[1].ronde.status == GESLOTEN  # the same round, its new status
    assert model.rondes_sleutel == tuple((m.ronde.id, m.ronde.status) for m in sorted(
        model.rondes, key=lambda m: m.ronde.volgorde))


def test_een_antwoord_wordt_meteen_bewaard_en_een_geweigerd_antwoord_laat_de_opslag_staan(lege_store, sessie):
    model = aangemeld(lege_store, sessie)
    [weging] = model.rondes
    eerste, tweede = (v.sleutel for v in weging.ronde.vragen[:2])
    assert weging.is_open and weging.opgeslagen == "" and not weging.is_opgeslagen(eerste, 60)
    assert weging.beantwoord(eerste, 60) is True
    assert weging.antwoorden.waarden == {eerste: 60} and weging.is_opgeslagen(eerste, 60) and weging.opgeslagen
    assert lege_store.mijn_antwoorden(model.deelnemer.id, weging.ronde.id).waarden == {eerste: 60}

    punten = {v.sleutel: 0 for v in weging.ronde.vragen} | {eerste: 60, tweede: 30}
    assert weging.dien_in(punten) is False  # the points must make 100
    assert "100" in weging.fout and weging.opgeslagen == "" and not weging.antwoorden.is_ingediend
    punten[tweede] = 40
    assert weging.dien_in(punten) is True and weging.fout == "" and weging.antwoorden.is_ingediend

    lege_store.sluit_ronde(sessie.id, weging.ronde.id)  # the page has not looked yet
    assert weging.beantwoord(eerste, 50) is False
    assert weging.fout and weging.antwoorden.waarden[eerste] == 60  # what is really saved
    assert weging.ronde.status == GESLOTEN and not weging.is_open  # looked again after the refusal
    assert weging.dien_in(punten) is False  # a closed round is not submitted again


def test_verder_gaan_met_de_herstelcode(lege_store, sessie):
    eerst = aangemeld(lege_store, sessie)
    [weging] = eerst.rondes
    weging.beantwoord(weging.ronde.vragen[0].sleutel, 70)

    terug = DeelnemerModel(lege_store)
    terug.herstelcode = eerst.deelnemer.herstelcode
    with pytest.raises(InvoerFout, match="Vul ook de deelnamecode"):
        terug.ga_verder()
    terug.code = sessie.code
    terug.herstelcode = "ZZZ-999"
    with pytest.raises(WerkboekFout):
        terug.ga_verder()
    terug.herstelcode = eerst.deelnemer.herstelcode.lower()
    assert terug.ga_verder().id == eerst.deelnemer.id
    assert terug.rondes[0].antwoorden.waarden == {weging.ronde.vragen[0].sleutel: 70}


def test_zonder_gedeelde_server_een_uitnodiging_en_een_antwoordbestand(lege_store, sessie, tmp_path):
    eigen = DossierStore(f"sqlite:///{tmp_path / 'binder.sqlite'}", voorbeeld=False)
    model = DeelnemerModel(eigen)
    inhoud = json.dumps(lege_store.uitnodiging(sessie.id)).encode()
    with pytest.raises(InvoerFout, match="te groot voor een uitnodiging"):
        model.plaats_uitnodiging({"name": "groot.json", "size": 5_000_000, "content": inhoud})
    assert not model.offline
    geplaatst = model.plaats_uitnodiging({"name": "uitnodiging.json", "size": len(inhoud), "content": inhoud})
    assert (geplaatst.code, geplaatst.naam) == (sessie.code, "Avond")
    assert model.offline and model.code == sessie.code_getoond and model.code_sessie == geplaatst
    model.naam, model.organisatie = "Els Visser", "Bewonersraad"
    model.meld_aan()
    assert model.rondes[0].ronde.status == OPEN
    data, naam = model.antwoordbestand()
    assert naam == f"antwoorden-{sessie.code}-Els-Visser.json"
    assert json.loads(data)["deelnemer"]["naam"] == "Els Visser"


def test_een_mislukte_blik_op_de_rondes_wordt_een_melding(lege_store, sessie, monkeypatch):
    model = aangemeld(lege_store, sessie)

    def weg(_deelnemer_id):
        raise WerkboekFout("De opslag is even niet bereikbaar.")

    monkeypatch.setattr(lege_store, "rondes_voor_deelnemer", weg)
    assert model.ververs() is False and model.ververs_fout == "De opslag is even niet bereikbaar."
    monkeypatch.undo()
    model.ververs_nu()
    assert model.ververs_fout == "" and [m.ronde.oefening for m in model.rondes] == ["weging"]
