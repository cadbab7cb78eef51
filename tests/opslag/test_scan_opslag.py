"""Samenwerkingsscan in the store: rounds, responses and answers; refusals change nothing."""

from __future__ import annotations

import pytest

from wijkkompas_widgets.dossier import InvoerFout, OnbekendDossier
from wijkkompas_widgets.dossier.records import CONCEPT, INGEDIEND, ScanRespons, ScanRonde
from wijkkompas_widgets.dossier.store import DossierStore

# Store tests run on SQLite and on PostgreSQL (see tests/conftest.py).
pytestmark = pytest.mark.beide_backends


@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Scanwijk", "Oost", "Delft")


@pytest.fixture
def ronde(lege_store, dossier):
    return lege_store.maak_scan_ronde(dossier.id, "Ronde 1")


@pytest.fixture
def stelling_ids(inhoud) -> list[str]:
    return [s.id for s in inhoud.fase1.scan.stellingen]


def vul_alles_in(store, dossier_id, respons_id, stelling_ids, waarde=4):
    for stelling_id in stelling_ids:
        store.beantwoord_stelling(dossier_id, respons_id, stelling_id, waarde)


def momentopname(store: DossierStore, dossier_id: str):
    """Everything of the scan in a dossier, plus the dossier's own change time."""
    rondes = store.scan_rondes(dossier_id)
    return (
        store.dossier(dossier_id).gewijzigd,
        rondes,
        {r.id: store.scan_responsen(dossier_id, r.id, alleen_ingediend=False) for r in rondes},
    )


def test_ronde_respons_en_antwoorden_heen_en_terug(store_url, lege_store, dossier, ronde, stelling_ids):
    assert isinstance(ronde, ScanRonde) and ronde.naam == "Ronde 1" and not ronde.is_gesloten
    respons = lege_store.start_respons(dossier.id, ronde.id, "  Fatima   de Vries ", "Gemeente Delft")
    assert isinstance(respons, ScanRespons)
    assert (respons.naam, respons.organisatie, respons.status, respons.antwoorden) == (
        "Fatima de Vries", "Gemeente Delft", CONCEPT, {})
    lege_store.beantwoord_stelling(dossier.id, respons.id, stelling_ids[0], 2)
    lege_store.beantwoord_stelling(dossier.id, respons.id, stelling_ids[1], None)  # weet niet
    lege_store.beantwoord_stelling(dossier.id, respons.id, stelling_ids[0], 3)  # changed: overwritten, not added

    opnieuw = DossierStore(store_url, voorbeeld=False)  # as after a restart
    assert opnieuw.scan_rondes(dossier.id) == [ronde]
    [terug] = opnieuw.scan_responsen(dossier.id, ronde.id, alleen_ingediend=False)
    assert terug.antwoorden == {stelling_ids[0]: 3, stelling_ids[1]: None}
    assert opnieuw.scan_respons(dossier.id, respons.id) == terug


def test_rondes_staan_op_volgorde_van_aanmaken(lege_store, dossier):
    namen = ["Nulmeting", "Na een half jaar", "Na een jaar"]
    for naam in namen:
        lege_store.maak_scan_ronde(dossier.id, naam)
    assert [r.naam for r in lege_store.scan_rondes(dossier.id)] == namen


def test_dezelfde_naam_gaat_verder_met_de_eigen_antwoorden(lege_store, dossier, ronde, stelling_ids):
    eerste = lege_store.start_respons(dossier.id, ronde.id, "Jan Jansen", "Woonstichting")
    lege_store.beantwoord_stelling(dossier.id, eerste.id, stelling_ids[3], 5)
    terug = lege_store.start_respons(dossier.id, ronde.id, "jan  JANSEN", "iets anders")
    assert terug.id == eerste.id
    assert terug.organisatie == "Woonstichting"  # the saved response keeps its own organisation
    assert terug.antwoorden == {stelling_ids[3]: 5}
    assert len(lege_store.scan_responsen(dossier.id, ronde.id, alleen_ingediend=False)) == 1
    # in another round the same name is a new response
    tweede_ronde = lege_store.maak_scan_ronde(dossier.id, "Ronde 2")
    nieuw = lege_store.start_respons(dossier.id, tweede_ronde.id, "Jan Jansen", "Woonstichting")
    assert nieuw.id != eerste.id and nieuw.antwoorden == {}


def test_concept_telt_pas_mee_na_indienen(lege_store, dossier, ronde, stelling_ids):
    klaar = lege_store.start_respons(dossier.id, ronde.id, "Klaar", "Gemeente")
    half = lege_store.start_respons(dossier.id, ronde.id, "Half", "Netbeheerder")
    vul_alles_in(lege_store, dossier.id, klaar.id, stelling_ids)
    lege_store.beantwoord_stelling(dossier.id, half.id, stelling_ids[0], 1)
    assert lege_store.scan_responsen(dossier.id, ronde.id) == []
    ingediend = lege_store.dien_in(dossier.id, klaar.id)
    assert ingediend.status == INGEDIEND and ingediend.is_ingediend
    assert [r.naam for r in lege_store.scan_responsen(dossier.id, ronde.id)] == ["Klaar"]
    alle = lege_store.scan_responsen(dossier.id, ronde.id, alleen_ingediend=False)
    assert [(r.naam, r.status) for r in alle] == [("Klaar", INGEDIEND), ("Half", CONCEPT)]


def test_weet_niet_telt_als_antwoord_bij_indienen(lege_store, dossier, ronde, stelling_ids):
    respons = lege_store.start_respons(dossier.id, ronde.id, "Twijfelaar", "Energiecoöperatie")
    vul_alles_in(lege_store, dossier.id, respons.id, stelling_ids, waarde=None)
    assert lege_store.dien_in(dossier.id, respons.id).is_ingediend
    assert set(lege_store.scan_respons(dossier.id, respons.id).antwoorden.values()) == {None}


def test_indienen_met_open_stellingen_zegt_hoeveel_en_verandert_niets(lege_store, dossier, ronde, stelling_ids):
    respons = lege_store.start_respons(dossier.id, ronde.id, "Haastig", "Gemeente")
    vul_alles_in(lege_store, dossier.id, respons.id, stelling_ids[:-3])
    voor = momentopname(lege_store, dossier.id)
    with pytest.raises(InvoerFout, match=f"Nog 3 van de {len(stelling_ids)} stellingen zijn niet beantwoord"):
        lege_store.dien_in(dossier.id, respons.id)
    assert momentopname(lege_store, dossier.id) == voor
    assert lege_store.scan_respons(dossier.id, respons.id).status == CONCEPT


def test_antwoorden_mogen_na_indienen_nog_wijzigen_zolang_de_ronde_open_is(lege_store, dossier, ronde, stelling_ids):
    respons = lege_store.start_respons(dossier.id, ronde.id, "Jan", "Gemeente")
    vul_alles_in(lege_store, dossier.id, respons.id, stelling_ids, 3)
    lege_store.dien_in(dossier.id, respons.id)
    lege_store.beantwoord_stelling(dossier.id, respons.id, stelling_ids[0], 1)
    [terug] = lege_store.scan_responsen(dossier.id, ronde.id)
    assert terug.is_ingediend and terug.antwoorden[stelling_ids[0]] == 1


@pytest.mark.parametrize("waarde", [0, 6, -1, 3.5, "4", True])
def test_ongeldige_waarde_wordt_geweigerd(lege_store, dossier, ronde, stelling_ids, waarde):
    respons = lege_store.start_respons(dossier.id, ronde.id, "Jan", "Gemeente")
    lege_store.beantwoord_stelling(dossier.id, respons.id, stelling_ids[0], 4)
    voor = momentopname(lege_store, dossier.id)
    with pytest.raises(InvoerFout, match="getal van 1 tot en met 5 of 'weet niet'"):
        lege_store.beantwoord_stelling(dossier.id, respons.id, stelling_ids[0], waarde)
    assert momentopname(lege_store, dossier.id) == voor


def test_onbekende_stelling_wordt_geweigerd(lege_store, dossier, ronde):
    respons = lege_store.start_respons(dossier.id, ronde.id, "Jan", "Gemeente")
    voor = momentopname(lege_store, dossier.id)
    with pytest.raises(InvoerFout, match="Onbekende stelling"):
        lege_store.beantwoord_stelling(dossier.id, respons.id, "mot-99", 3)
    assert momentopname(lege_store, dossier.id) == voor


def test_gesloten_ronde_neemt_niets_meer_aan_tot_heropenen(lege_store, dossier, ronde, stelling_ids):
    jan = lege_store.start_respons(dossier.id, ronde.id, "Jan", "Gemeente")
    lege_store.beantwoord_stelling(dossier.id, jan.id, stelling_ids[0], 4)
    gesloten = lege_store.sluit_scan_ronde(dossier.id, ronde.id)
    assert gesloten.is_gesloten
    voor = momentopname(lege_store, dossier.id)
    with pytest.raises(InvoerFout, match="is gesloten"):
        lege_store.beantwoord_stelling(dossier.id, jan.id, stelling_ids[0], 1)
    with pytest.raises(InvoerFout, match="is gesloten"):
        lege_store.start_respons(dossier.id, ronde.id, "Nieuwkomer", "Corporatie")
    with pytest.raises(InvoerFout, match="is gesloten"):
        lege_store.dien_in(dossier.id, jan.id)
    assert momentopname(lege_store, dossier.id) == voor
    # an existing respondent can still look at the saved answers
    assert lege_store.start_respons(dossier.id, ronde.id, "Jan", "Gemeente").antwoorden == {stelling_ids[0]: 4}

    assert not lege_store.heropen_scan_ronde(dossier.id, ronde.id).is_gesloten
    lege_store.beantwoord_stelling(dossier.id, jan.id, stelling_ids[0], 1)
    assert lege_store.scan_respons(dossier.id, jan.id).antwoorden == {stelling_ids[0]: 1}


@pytest.mark.parametrize(
    ("naam", "organisatie", "melding"),
    [("", "Gemeente", "Je naam is verplicht"), ("   ", "Gemeente", "Je naam is verplicht"),
     ("Jan", "", "De organisatie is verplicht"), ("x" * 81, "Gemeente", r"te lang \(81 tekens\)"),
     ("Jan\x00", "Gemeente", "onzichtbare stuurtekens")],
)
def test_respondent_zonder_naam_of_organisatie_wordt_geweigerd(lege_store, dossier, ronde, naam, organisatie,
                                                                melding):
    voor = momentopname(lege_store, dossier.id)
    with pytest.raises(InvoerFout, match=melding):
        lege_store.start_respons(dossier.id, ronde.id, naam, organisatie)
    assert momentopname(lege_store, dossier.id) == voor


@pytest.mark.parametrize(("naam", "melding"), [("", "verplicht"), ("  ", "verplicht"), ("r" * 81, "te lang"),
                                                ("ronde  1", "Er is al een ronde met de naam")])
def test_ronde_zonder_naam_of_met_bestaande_naam_wordt_geweigerd(lege_store, dossier, ronde, naam, melding):
    voor = momentopname(lege_store, dossier.id)
    with pytest.raises(InvoerFout, match=melding):
        lege_store.maak_scan_ronde(dossier.id, naam)
    assert momentopname(lege_store, dossier.id) == voor


def test_een_dossier_kan_niet_bij_de_scan_van_een_ander(lege_store, dossier, ronde, stelling_ids):
    ander = lege_store.maak_dossier("Andere wijk")
    respons = lege_store.start_respons(dossier.id, ronde.id, "Jan", "Gemeente")
    vul_alles_in(lege_store, dossier.id, respons.id, stelling_ids)
    voor_eigen, voor_ander = momentopname(lege_store, dossier.id), momentopname(lege_store, ander.id)
    pogingen = [
        lambda: lege_store.scan_responsen(ander.id, ronde.id),
        lambda: lege_store.scan_respons(ander.id, respons.id),
        lambda: lege_store.start_respons(ander.id, ronde.id, "Indringer", "Elders"),
        lambda: lege_store.beantwoord_stelling(ander.id, respons.id, stelling_ids[0], 1),
        lambda: lege_store.dien_in(ander.id, respons.id),
        lambda: lege_store.sluit_scan_ronde(ander.id, ronde.id),
        lambda: lege_store.heropen_scan_ronde(ander.id, ronde.id),
        lambda: lege_store.scan_ronde(ander.id, ronde.id),
    ]
    for poging in pogingen:
        with pytest.raises(InvoerFout, match="bestaat niet \\(meer\\) in dit dossier"):
            poging()
    assert lege_store.scan_rondes(ander.id) == []
    assert momentopname(lege_store, dossier.id) == voor_eigen
    assert momentopname(lege_store, ander.id) == voor_ander


def test_onbekend_dossier_of_onzinnige_ids(lege_store, dossier, ronde):
    for poging in (
        lambda: lege_store.scan_rondes("ffffffffffff"),
        lambda: lege_store.maak_scan_ronde("ffffffffffff", "Ronde 1"),
        lambda: lege_store.scan_responsen("ffffffffffff", ronde.id),
    ):
        with pytest.raises(OnbekendDossier):
            poging()
    for onzin in (None, "1", True, 10**9):
        with pytest.raises(InvoerFout):
            lege_store.scan_responsen(dossier.id, onzin)
        with pytest.raises(InvoerFout):
            lege_store.beantwoord_stelling(dossier.id, onzin, "mot-01", 3)


def test_schrijven_markeert_het_dossier_als_gewijzigd(lege_store, dossier, ronde, stelling_ids):
    respons = lege_store.start_respons(dossier.id, ronde.id, "Jan", "Gemeente")
    voor = lege_store.dossier(dossier.id).gewijzigd
    lege_store.beantwoord_stelling(dossier.id, respons.id, stelling_ids[0], 4)
    assert lege_store.dossier(dossier.id).gewijzigd > voor


def test_dossier_verwijderen_neemt_de_scan_mee(lege_store, dossier, ronde, stelling_ids):
    respons = lege_store.start_respons(dossier.id, ronde.id, "Jan", "Gemeente")
    vul_alles_in(lege_store, dossier.id, respons.id, stelling_ids)
    lege_store.verwijder_dossier(dossier.id)
    with pytest.raises(OnbekendDossier):
        lege_store.scan_rondes(dossier.id)
    from sqlalchemy import func, select

    from wijkkompas_widgets.dossier import schema

    with lege_store.engine.connect() as conn:
        for tabel in (schema.scan_ronde, schema.scan_respons, schema.scan_antwoord):
            assert conn.execute(select(func.count()).select_from(tabel)).scalar() == 0


def test_twee_apparaten_met_dezelfde_naam_krijgen_dezelfde_antwoordenlijst(store_url, lege_store, dossier, ronde):
    """Two kernels (two stores on one file) starting the same respondent end up on one response."""
    tweede_kernel = DossierStore(store_url, voorbeeld=False)
    a = lege_store.start_respons(dossier.id, ronde.id, "Jan", "Gemeente")
    b = tweede_kernel.start_respons(dossier.id, ronde.id, "JAN", "Gemeente")
    assert a.id == b.id
    tweede_kernel.beantwoord_stelling(dossier.id, b.id, "mot-01", 2)
    assert lege_store.scan_respons(dossier.id, a.id).antwoorden == {"mot-01": 2}
