"""The facilitator's model of a live workshop, without any widget: the rules of starting a session, the rounds, the
live look that reads only what changed, and adopting a round — against a real store."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from wijkkompas_widgets.dossier.model import InvoerFout, PartijInvoer, WerkboekFout
from wijkkompas_widgets.dossier.store import DossierStore
from wijkkompas_widgets.widgets.workshop_begeleider_model import STANDAARD_OEFENINGEN, BegeleiderModel
from wijkkompas_widgets.workshop.model import GESLOTEN, OPEN, OVERGENOMEN

pytestmark = pytest.mark.beide_backends  # the models go through the store: on SQLite and on PostgreSQL

PIN = "4821"


@pytest.fixture
def dossier(lege_store):
    dossier = lege_store.maak_dossier("Workshopwijk")
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    lege_store.neem_standaardcriteria_over(dossier.id)
    return dossier


@pytest.fixture
def model(lege_store, dossier) -> BegeleiderModel:
    return BegeleiderModel(lege_store, dossier.id)


def met_sessie(model: BegeleiderModel, *oefeningen: str) -> BegeleiderModel:
    model.sessienaam, model.pin, model.pin2 = "Avond", PIN, PIN
    model.oefeningen = list(oefeningen)
    model.maak_sessie()
    return model


def scan_antwoorden(ronde, waarde=3) -> dict:
    return {v.sleutel: waarde for v in ronde.vragen}


def test_het_model_laadt_geen_widgets():
    code = ("import sys; import wijkkompas_widgets.widgets.workshop_begeleider_model, "
            "wijkkompas_widgets.widgets.workshop_deelnemer_model; "
            "print(sorted(m for m in ('ipywidgets', 'matplotlib', 'pandas') if m in sys.modules))")
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert uit.strip() == "[]"


def test_start_kiest_het_dossier_en_zegt_welke_oefeningen_niet_kunnen(lege_store, dossier, model):
    ander = lege_store.maak_dossier("Andere wijk")
    assert model.dossier_id == dossier.id and ("Workshopwijk", dossier.id) in model.dossiers
    assert model.oefeningen == list(STANDAARD_OEFENINGEN)
    assert set(model.niet_mogelijk) == {"koppelkansen"} and "nog leeg" in model.niet_mogelijk["koppelkansen"]
    model.oefeningen = ["weging", "machtbelang", "scan"]
    assert model.oefeningen == ["scan", "machtbelang", "weging"]  # always in the order of the rounds

    sessie = lege_store.maak_sessie(ander.id, "Eerdere avond", PIN, ["scan"])
    model.dossier_id = ander.id  # no parties, no criteria: macht/belang and the weging cannot be chosen either
    assert set(model.niet_mogelijk) == {"machtbelang", "weging", "koppelkansen"}
    assert model.oefeningen == ["scan"] and model.eerdere == [sessie]
    assert BegeleiderModel(lege_store, "bestaat-niet").dossier_id in {dossier.id, ander.id}  # some dossier


def test_een_sessie_maken_vraagt_een_dossier_twee_gelijke_pincodes_en_een_oefening(lege_store, dossier, model):
    model.sessienaam, model.pin, model.pin2 = "Avond", PIN, "4822"
    with pytest.raises(InvoerFout, match="De twee pincodes zijn niet gelijk"):
        model.maak_sessie()
    model.pin2 = PIN
    model.oefeningen = []
    with pytest.raises(InvoerFout, match="minstens één oefening"):
        model.maak_sessie()
    leeg = BegeleiderModel(lege_store)
    leeg.dossier_id = None
    with pytest.raises(InvoerFout, match="Kies eerst een dossier"):
        leeg.maak_sessie()
    assert lege_store.sessies(dossier.id) == [] and model.sessie is None and model.pin == PIN

    model.oefeningen = ["scan", "weging"]
    sessie = model.maak_sessie()
    assert lege_store.sessies(dossier.id) == [sessie] and model.sessie == sessie
    assert model.pin == model.pin2 == ""  # the PIN does not stay on the page
    assert [r.oefening for r in model.rondes] == ["scan", "weging"] and model.dossier.naam == "Workshopwijk"
    assert model.scherm == model.rondes[0].id and model.stand.telling.deelnemers == 0


def test_een_bestaande_sessie_openen_met_de_pincode(lege_store, dossier, model):
    sessie = lege_store.maak_sessie(dossier.id, "Avond", PIN, ["scan", "weging"])
    lege_store.open_ronde(sessie.id, lege_store.rondes(sessie.id)[1].id)
    model.open_code, model.open_pin = sessie.code_getoond.lower(), "0000"
    with pytest.raises(WerkboekFout, match="De code of de pincode klopt niet"):
        model.open_sessie()
    model.open_pin = PIN
    assert model.open_sessie() == sessie and model.open_pin == ""
    assert model.scherm == model.rondes[1].id  # the open round is what the room is busy with


def test_live_leest_alleen_opnieuw_wat_veranderd_is(lege_store, model):
    met_sessie(model, "scan")
    [ronde] = model.rondes
    model.ronde_actie("open", ronde.id)
    assert model.ververs() is False  # nothing changed since the action looked
    fatima = lege_store.meld_aan(model.sessie.code, "Fatima", "Gemeente Delft")
    assert model.ververs() is True and model.stand.telling.deelnemers == 1
    getekend = model.uitslag

    lege_store.beantwoord(fatima.id, ronde.id, ronde.vragen[0].sleutel, 4)
    assert model.ververs() is True
    assert (model.stand.telling.bezig, model.stand.telling.ingediend) == (1, 0)
    assert model.uitslag is getekend  # not submitted: the charts are not drawn again

    lege_store.beantwoord_alles(fatima.id, ronde.id, scan_antwoorden(ronde), indienen=True)
    assert model.ververs() is True and model.uitslag is not getekend
    assert [d.naam for d, _a in model.uitslag.antwoorden] == ["Fatima"]
    assert model.deelnemerslijst.ingediend[ronde.id] == {fatima.id}
    assert model.bijgewerkt and model.live_fout == ""


def test_een_mislukte_blik_op_de_opslag_wordt_een_melding(lege_store, model, monkeypatch):
    met_sessie(model, "scan")

    def weg(_sessie_id):
        raise WerkboekFout("De opslag is even niet bereikbaar.")

    monkeypatch.setattr(lege_store, "verversstempel", weg)
    assert model.ververs() is False and model.live_fout == "De opslag is even niet bereikbaar."
    monkeypatch.undo()
    assert model.ververs() is False and model.live_fout == "De opslag is even niet bereikbaar."  # nothing new yet
    model.ververs_nu()
    assert model.live_fout == ""


def test_rondes_openen_sluiten_en_een_andere_op_het_scherm(lege_store, model):
    met_sessie(model, "scan", "weging")
    scan, weging = model.rondes
    assert model.ronde_actie("open", weging.id).status == OPEN
    assert model.scherm == weging.id and model.stand.ronde.oefening == "weging"  # just opened: on the screen
    model.scherm = scan.id  # the room looks at the scan again: read at once
    assert model.stand.ronde.id == scan.id
    assert model.ronde_actie("sluit", weging.id).status == GESLOTEN and model.scherm == scan.id
    assert [r.status for r in model.rondes] == ["klaar", GESLOTEN]
    assert model.ronde_actie("heropen", weging.id).status == OPEN
    model.sluit_sessie()
    assert model.sessie.is_gesloten and [r.status for r in model.rondes] == ["klaar", GESLOTEN]


def test_overnemen_na_bevestiging_en_maar_een_keer(lege_store, dossier, model):
    met_sessie(model, "scan")
    [ronde] = model.rondes
    model.ronde_actie("open", ronde.id)
    fatima = lege_store.meld_aan(model.sessie.code, "Fatima", "Gemeente Delft")
    lege_store.beantwoord_alles(fatima.id, ronde.id, scan_antwoorden(ronde, 4), indienen=True)
    model.ronde_actie("sluit", ronde.id)

    model.vraag_overnemen(ronde.id)
    assert model.over_te_nemen.id == ronde.id
    model.annuleer_overnemen()
    assert model.over_te_nemen is None and model.neem_over() is None and lege_store.scan_rondes(dossier.id) == []

    model.vraag_overnemen(ronde.id)
    model.aanwezig = "gemeente"
    overname = model.neem_over()
    assert model.overname == overname and model.over_te_nemen is None
    assert model.rondes[0].status == OVERGENOMEN and len(lege_store.scan_rondes(dossier.id)) == 1
    assert lege_store.besluiten(dossier.id)[-1].id == overname.besluit_id
    model.vraag_overnemen(ronde.id)
    assert model.overname is None
    with pytest.raises(WerkboekFout):
        model.neem_over()  # adopting twice is refused by the store
    assert len(lege_store.scan_rondes(dossier.id)) == 1


def test_antwoordbestanden_inlezen_en_weigeren(lege_store, model, tmp_path):
    met_sessie(model, "scan")
    [ronde] = model.rondes
    model.ronde_actie("open", ronde.id)
    uitnodiging = json.loads(model.uitnodiging())
    assert uitnodiging["sessie"]["code"] == model.sessie.code

    binder = DossierStore(f"sqlite:///{tmp_path / 'binder.sqlite'}", voorbeeld=False)
    binder.plaats_uitnodiging(uitnodiging)
    els = binder.meld_aan(model.sessie.code, "Els", "Bewonersraad")
    binder.beantwoord_alles(els.id, ronde.id, scan_antwoorden(ronde), indienen=True)
    bestand = json.dumps(binder.antwoordbestand(els.id)).encode()

    gelezen, geweigerd = model.lees_antwoordbestanden([
        {"name": "els.json", "size": len(bestand), "content": bestand},
        {"name": "kapot.json", "size": 9, "content": b"{kapot"},
        {"name": "groot.json", "size": 2_000_000, "content": b"{}"},
    ])
    assert len(gelezen) == 1 and len(geweigerd) == 2
    assert geweigerd[1] == "groot.json: het bestand is te groot voor een antwoordbestand (hoogstens 1 MB)."
    assert model.importeer(gelezen).nieuw == ("Els",)
    assert model.stand.telling.ingediend == 1  # read again at once
    assert model.importeer([]).nieuw == ()
