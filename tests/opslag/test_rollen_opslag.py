"""Rollen en verwachtingen in the store: tasks, roles and hours, capacity, on SQLite and PostgreSQL."""

from __future__ import annotations

import re

import pytest

from wijkkompas_widgets.dossier import InvoerFout, OnbekendDossier, PartijInvoer
from wijkkompas_widgets.dossier.records import Rol, Taak
from wijkkompas_widgets.dossier.store import DossierStore

pytestmark = pytest.mark.beide_backends


@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Testwijk", "Noord", "Delft")


@pytest.fixture
def twee_partijen(lege_store, dossier):
    gemeente = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente", sporen=("C",)))
    corporatie = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Corporatie", "woningcorporatie"))
    return gemeente, corporatie

def test_taken_en_rollen_komen_terug_na_heropenen(lege_store, store_url, dossier, twee_partijen):
    gemeente, corporatie = twee_partijen
    taak = lege_store.voeg_taak_toe(dossier.id, "  Contact met   scholen ", "A", "Scholen in de wijk betrekken")
    assert taak.naam == "Contact met scholen"
    lege_store.zet_rol(dossier.id, taak.id, gemeente.id, "trekker", 12.5)
    lege_store.zet_rol(dossier.id, taak.id, corporatie.id, "geinformeerd", 0)
    lege_store.zet_capaciteit(dossier.id, gemeente.id, 40)

    heropend = DossierStore(store_url, voorbeeld=False)
    assert heropend.taken(dossier.id) == [Taak(taak.id, "Contact met scholen", "A", "Scholen in de wijk betrekken")]
    assert heropend.rollen(dossier.id) == [
        Rol(taak.id, gemeente.id, "trekker", 12.5), Rol(taak.id, corporatie.id, "geinformeerd", 0.0)
    ]
    assert heropend.partijen(dossier.id)[0].capaciteit_uren == 40


def test_rol_wijzigen_en_weghalen(lege_store, dossier, twee_partijen):
    gemeente, _ = twee_partijen
    taak = lege_store.voeg_taak_toe(dossier.id, "Planning", "C")
    lege_store.zet_rol(dossier.id, taak.id, gemeente.id, "meedenker", 4)
    assert lege_store.zet_rol(dossier.id, taak.id, gemeente.id, "trekker", 8) == Rol(taak.id, gemeente.id, "trekker", 8)
    assert lege_store.rollen(dossier.id) == [Rol(taak.id, gemeente.id, "trekker", 8.0)]
    assert lege_store.zet_rol(dossier.id, taak.id, gemeente.id, None, 8) is None
    assert lege_store.rollen(dossier.id) == []


@pytest.mark.parametrize(
    ("naam", "spoor", "melding"),
    [
        ("", "A", "De naam van de taak is verplicht."),
        ("Taak", "G", "Kies bij de taak een spoor van A tot en met F."),
        ("Taak", None, "Kies bij de taak een spoor"),
        ("x" * 121, "A", "te lang (121 tekens)"),
        ("planning  EN overleg", "B", "Er staat al een taak met de naam 'planning EN overleg'"),
    ],
)
def test_onbruikbare_taak_wordt_geweigerd_en_er_verandert_niets(lege_store, dossier, naam, spoor, melding):
    lege_store.voeg_taak_toe(dossier.id, "Planning en overleg", "C")
    voor = lege_store.dossier(dossier.id).gewijzigd
    with pytest.raises(InvoerFout, match=re.escape(melding)):
        lege_store.voeg_taak_toe(dossier.id, naam, spoor)
    assert [t.naam for t in lege_store.taken(dossier.id)] == ["Planning en overleg"]
    assert lege_store.dossier(dossier.id).gewijzigd == voor


def test_dezelfde_taaknaam_mag_in_een_ander_dossier(lege_store, dossier):
    ander = lege_store.maak_dossier("Ander")
    lege_store.voeg_taak_toe(dossier.id, "Planning", "C")
    lege_store.voeg_taak_toe(ander.id, "planning", "C")
    assert len(lege_store.taken(ander.id)) == 1


def test_taak_wijzigen_en_dubbele_naam_weigeren(lege_store, dossier):
    eerste = lege_store.voeg_taak_toe(dossier.id, "Planning", "C")
    tweede = lege_store.voeg_taak_toe(dossier.id, "Data", "A")
    lege_store.wijzig_taak(dossier.id, tweede.id, "Wijkdata", "F", "Cijfers verzamelen")
    with pytest.raises(InvoerFout, match="Er staat al een taak met de naam 'PLANNING'"):
        lege_store.wijzig_taak(dossier.id, tweede.id, "PLANNING", "F")
    assert lege_store.taken(dossier.id) == [
        eerste, Taak(tweede.id, "Wijkdata", "F", "Cijfers verzamelen")
    ]


@pytest.mark.parametrize(
    ("rol", "uren", "melding"),
    [
        ("baas", 4, "Kies als rol trekker, meedenker of geïnformeerd"),
        ("trekker", -1, "tussen 0 en 744 uur per maand"),
        ("trekker", 745, "tussen 0 en 744 uur per maand"),
        ("trekker", float("nan"), "moet een aantal uren zijn"),
        ("trekker", "8", "moet een aantal uren zijn"),
        ("trekker", True, "moet een aantal uren zijn"),
    ],
)
def test_onbruikbare_rol_wordt_geweigerd_en_er_verandert_niets(lege_store, dossier, twee_partijen, rol, uren,
                                                                melding):
    gemeente, _ = twee_partijen
    taak = lege_store.voeg_taak_toe(dossier.id, "Planning", "C")
    lege_store.zet_rol(dossier.id, taak.id, gemeente.id, "meedenker", 2)
    with pytest.raises(InvoerFout, match=re.escape(melding)):
        lege_store.zet_rol(dossier.id, taak.id, gemeente.id, rol, uren)
    assert lege_store.rollen(dossier.id) == [Rol(taak.id, gemeente.id, "meedenker", 2.0)]


def test_taken_en_partijen_van_een_ander_dossier_worden_geweigerd(lege_store, dossier, twee_partijen):
    gemeente, _ = twee_partijen
    ander = lege_store.maak_dossier("Ander")
    vreemde_partij = lege_store.voeg_partij_toe(ander.id, PartijInvoer("Vreemd", "overig"))
    vreemde_taak = lege_store.voeg_taak_toe(ander.id, "Vreemde taak", "A")
    eigen_taak = lege_store.voeg_taak_toe(dossier.id, "Eigen taak", "A")
    voor = lege_store.dossier(dossier.id).gewijzigd

    with pytest.raises(InvoerFout, match="Deze taak bestaat niet"):
        lege_store.zet_rol(dossier.id, vreemde_taak.id, gemeente.id, "trekker", 1)
    with pytest.raises(InvoerFout, match="Deze partij bestaat niet"):
        lege_store.zet_rol(dossier.id, eigen_taak.id, vreemde_partij.id, "trekker", 1)
    with pytest.raises(InvoerFout, match="Deze taak bestaat niet"):
        lege_store.verwijder_taak(dossier.id, vreemde_taak.id)
    with pytest.raises(InvoerFout, match="Deze taak bestaat niet"):
        lege_store.wijzig_taak(dossier.id, vreemde_taak.id, "Overgenomen", "B")

    assert lege_store.rollen(dossier.id) == [] and lege_store.rollen(ander.id) == []
    assert [t.naam for t in lege_store.taken(ander.id)] == ["Vreemde taak"]
    assert lege_store.dossier(dossier.id).gewijzigd == voor


def test_onbekend_dossier_geeft_nederlandse_melding(lege_store):
    with pytest.raises(OnbekendDossier, match="bestaat niet"):
        lege_store.voeg_taak_toe("ffffffffffff", "Taak", "A")
    with pytest.raises(OnbekendDossier):
        lege_store.neem_standaardtaken_over("ffffffffffff")
    assert lege_store.taken("ffffffffffff") == [] and lege_store.rollen("ffffffffffff") == []


def test_standaardtaken_overnemen_slaat_bestaande_namen_over(lege_store, dossier, inhoud):
    lege_store.voeg_taak_toe(dossier.id, "projectleiding EN planning", "A")
    toegevoegd = lege_store.neem_standaardtaken_over(dossier.id)
    catalogus = inhoud.fase1.taken
    assert len(toegevoegd) == len(catalogus) - 1
    taken = lege_store.taken(dossier.id)
    assert [t.naam for t in taken[1:]] == [s.naam for s in catalogus if s.naam != "Projectleiding en planning"]
    assert all(t.omschrijving for t in taken[1:])
    assert taken[0].spoor == "A"  # the team's own version is kept
    assert lege_store.neem_standaardtaken_over(dossier.id) == []
    assert len(lege_store.taken(dossier.id)) == len(catalogus)


def test_verwijderen_van_taak_of_partij_haalt_de_rollen_weg(lege_store, dossier, twee_partijen):
    gemeente, corporatie = twee_partijen
    eerste = lege_store.voeg_taak_toe(dossier.id, "Eerste", "A")
    tweede = lege_store.voeg_taak_toe(dossier.id, "Tweede", "B")
    for taak in (eerste, tweede):
        for partij in (gemeente, corporatie):
            lege_store.zet_rol(dossier.id, taak.id, partij.id, "meedenker", 1)
    lege_store.verwijder_taak(dossier.id, eerste.id)
    lege_store.verwijder_partij(dossier.id, corporatie.id)
    assert lege_store.rollen(dossier.id) == [Rol(tweede.id, gemeente.id, "meedenker", 1.0)]
    lege_store.verwijder_dossier(dossier.id)
    assert lege_store.taken(dossier.id) == [] and lege_store.rollen(dossier.id) == []
