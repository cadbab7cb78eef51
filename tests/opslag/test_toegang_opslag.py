"""Who may see and change which dossier, checked by the store itself (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from voorbeelden import account

from wijkkompas_widgets.dossier import (
    GAST,
    SYSTEEM,
    AlleenLezen,
    GeenToegang,
    InvoerFout,
    PartijInvoer,
    schema,
)

pytestmark = pytest.mark.beide_backends
PIN = "482913"



@pytest.fixture
def team(store):
    anna = store.als(account(store, "anna", "Anna de Vries"))
    bram = store.als(account(store, "bram", "Bram Ouali"))
    carla = store.als(account(store, "carla", "Carla Smit"))
    return anna, bram, carla


def test_een_gebruiker_ziet_alleen_eigen_dossiers_en_het_voorbeeld(team):
    anna, bram, _ = team
    eigen = anna.maak_dossier("Groenoord", "Groenoord", "Schiedam")
    ander = bram.maak_dossier("Kethel")
    assert {d.naam for d in anna.dossiers() if not d.is_voorbeeld} == {"Groenoord"}
    assert [d.is_voorbeeld for d in bram.dossiers()].count(True) == 1
    assert anna.rol(eigen.id) == "eigenaar"
    with pytest.raises(GeenToegang) as vreemd:
        anna.dossier(ander.id)
    with pytest.raises(GeenToegang) as onbekend:
        anna.dossier("0123456789ab")
    assert str(vreemd.value) == str(onbekend.value)  # a guess reveals nothing
    assert "bestaat niet of je hebt er geen toegang toe" in str(vreemd.value)
    for poging in (lambda: anna.partijen(ander.id), lambda: anna.voeg_partij_toe(ander.id, PartijInvoer("X")),
                   lambda: anna.statussen(ander.id), lambda: anna.geschiedenis(ander.id),
                   lambda: anna.verwijder_dossier(ander.id)):
        with pytest.raises(GeenToegang):
            poging()
    assert bram.partijen(ander.id) == []


def test_lezer_ziet_alles_en_de_opslag_weigert_elke_wijziging(team):
    anna, bram, _ = team
    dossier = anna.maak_dossier("Groenoord")
    partij = anna.voeg_partij_toe(dossier.id, PartijInvoer("Woonplus", "woningcorporatie"))
    anna.zet_lid(dossier.id, "bram", "lezer")
    assert [p.naam for p in bram.partijen(dossier.id)] == ["Woonplus"]
    assert bram.rol(dossier.id) == "lezer" and not bram.mag_wijzigen(dossier.id)
    pogingen = {
        "partij": lambda: bram.voeg_partij_toe(dossier.id, PartijInvoer("Stedin", "netbeheerder")),
        "plaatsen": lambda: bram.plaats_partij(dossier.id, partij.id, 3, 4),
        "status": lambda: bram.zet_status(dossier.id, "f1-juiste-partijen", "gestart"),
        "formulier": lambda: bram.bewaar_formulier(dossier.id, "doel", {"doel": "aardgasvrij"}, 0),
        "besluit": lambda: bram.leg_besluit_vast(dossier.id, "Wij stoppen", "bram", "omdat"),
        "naam": lambda: bram.wijzig_dossier(dossier.id, "Weg ermee"),
        "workshop": lambda: bram.maak_sessie(dossier.id, "Avond", PIN, ["scan"]),
    }
    for wat, poging in pogingen.items():
        with pytest.raises(AlleenLezen, match="alleen bekijken"):
            poging()
        assert anna.partijen(dossier.id)[0].invloed is None, wat
    with pytest.raises(AlleenLezen, match="Alleen een eigenaar"):
        bram.verwijder_dossier(dossier.id)
    with pytest.raises(AlleenLezen, match="Alleen een eigenaar"):
        bram.zet_lid(dossier.id, "bram", "eigenaar")
    assert [p.naam for p in anna.partijen(dossier.id)] == ["Woonplus"]
    assert anna.dossier(dossier.id).naam == "Groenoord" and anna.besluiten(dossier.id) == []


def test_een_verwijderd_lid_kan_met_open_pagina_niets_meer_bewaren(team):
    anna, bram, _ = team
    dossier = anna.maak_dossier("Groenoord")
    anna.zet_lid(dossier.id, "bram", "bewerker")
    partij = bram.voeg_partij_toe(dossier.id, PartijInvoer("Woonplus", "woningcorporatie"))
    anna.verwijder_lid(dossier.id, "bram")
    with pytest.raises(GeenToegang):
        bram.plaats_partij(dossier.id, partij.id, 3, 4)  # the page is still open; the save is refused
    assert anna.partijen(dossier.id)[0].invloed is None
    assert dossier.id not in {d.id for d in bram.dossiers()}


def test_de_laatste_eigenaar_kan_niet_weg_maar_wel_overdragen(team):
    anna, bram, _ = team
    dossier = anna.maak_dossier("Groenoord")
    with pytest.raises(InvoerFout, match="minstens één eigenaar"):
        anna.verwijder_lid(dossier.id, "anna")
    with pytest.raises(InvoerFout, match="minstens één eigenaar"):
        anna.zet_lid(dossier.id, "anna", "bewerker")
    anna.zet_lid(dossier.id, "bram", "eigenaar")
    anna.verwijder_lid(dossier.id, "anna")  # handed over, then left
    assert [(lid.gebruiker, lid.rol) for lid in bram.leden(dossier.id)] == [("bram", "eigenaar")]
    with pytest.raises(GeenToegang):
        anna.partijen(dossier.id)


def test_leden_toevoegen_weigert_onbekenden_en_bewerkers(team):
    anna, bram, carla = team
    dossier = anna.maak_dossier("Groenoord")
    with pytest.raises(InvoerFout, match="geen gebruiker met de naam ‘niemand’"):
        anna.zet_lid(dossier.id, "niemand", "lezer")
    with pytest.raises(InvoerFout, match="Kies een rol"):
        anna.zet_lid(dossier.id, "bram", "baas")
    anna.zet_lid(dossier.id, " Bram ", "bewerker")  # names are not case-sensitive
    with pytest.raises(AlleenLezen, match="Alleen een eigenaar"):
        bram.zet_lid(dossier.id, "carla", "lezer")
    assert [(lid.gebruiker, lid.rol_label) for lid in anna.leden(dossier.id)] == [
        ("anna", "Eigenaar"), ("bram", "Bewerker")]
    with pytest.raises(GeenToegang):
        carla.leden(dossier.id)


def test_voorbeelddossier_is_voor_iedereen_leesbaar_en_voor_niemand_te_wijzigen(store, team):
    anna, _, _ = team
    voorbeeld = next(d for d in anna.dossiers() if d.is_voorbeeld)
    assert anna.rol(voorbeeld.id) == "lezer" and len(anna.partijen(voorbeeld.id)) >= 5
    with pytest.raises(AlleenLezen, match="eigen kopie"):
        anna.zet_status(voorbeeld.id, "f1-juiste-partijen", "afgerond")
    # on one's own computer (lokaal) the example stays editable, as it always was
    store.zet_status(voorbeeld.id, "f1-juiste-partijen", "afgerond")


def test_een_gast_ziet_geen_enkel_dossier_maar_kan_meedoen_met_een_code(store, team):
    anna, _, _ = team
    dossier = anna.maak_dossier("Groenoord")
    sessie = anna.maak_sessie(dossier.id, "Avond", PIN, ["scan"])
    gast = store.als(GAST)
    assert gast.dossiers() == []
    with pytest.raises(GeenToegang):
        gast.partijen(dossier.id)
    with pytest.raises(GeenToegang):
        gast.rondes(sessie.id)  # a facilitator's view of the session
    with pytest.raises(AlleenLezen, match="maak je geen dossiers"):
        gast.maak_dossier("Stiekem")
    deelnemer = gast.meld_aan(sessie.code, "Piet", "Bewonersraad")
    ronde = anna.rondes(sessie.id)[0]
    anna.open_ronde(sessie.id, ronde.id)
    assert [r.oefening for r in gast.rondes_voor_deelnemer(deelnemer.id)] == ["scan"]


def test_begeleider_moet_bewerker_zijn_en_de_pincode_alleen_is_niet_genoeg(team):
    anna, bram, _ = team
    dossier = anna.maak_dossier("Groenoord")
    sessie = anna.maak_sessie(dossier.id, "Avond", PIN, ["scan"])
    with pytest.raises(GeenToegang):
        bram.open_als_begeleider(sessie.code, PIN)
    anna.zet_lid(dossier.id, "bram", "lezer")
    with pytest.raises(AlleenLezen):
        bram.open_als_begeleider(sessie.code, PIN)
    anna.zet_lid(dossier.id, "bram", "bewerker")
    assert bram.open_als_begeleider(sessie.code, PIN).id == sessie.id
    assert [r.oefening for r in bram.rondes(sessie.id)] == ["scan"]


def test_de_opdrachtregel_ziet_alles(store, team):
    anna, _, _ = team
    dossier = anna.maak_dossier("Groenoord")
    beheer = store.als(SYSTEEM)
    assert dossier.id in {d.id for d in beheer.dossiers()}
    beheer.zet_lid(dossier.id, "bram", "bewerker")
    assert {lid.gebruiker for lid in anna.leden(dossier.id)} == {"anna", "bram"}


def test_een_bestaand_dossier_heeft_na_de_migratie_geen_leden(store):
    dossier = store.maak_dossier("Van vroeger")  # lokaal: no account, so no member
    with store._lees() as conn:
        assert conn.execute(select(schema.dossier_lid).where(schema.dossier_lid.c.dossier_id == dossier.id)).all() == []
