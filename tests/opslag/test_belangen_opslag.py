"""Ambities en belangen in the store: houdingen, topprioriteiten and a dossier's own interests, on SQLite and
PostgreSQL."""

from __future__ import annotations

import pytest

from wijkkompas_widgets.dossier import InvoerFout, PartijInvoer
from wijkkompas_widgets.dossier.records import PartijBelang

pytestmark = pytest.mark.beide_backends


@pytest.fixture
def dossier_met_partijen(lege_store):
    dossier = lege_store.maak_dossier("Belangenwijk")
    partijen = [
        lege_store.voeg_partij_toe(dossier.id, PartijInvoer(naam, soort))
        for naam, soort in (
            ("Gemeente", "gemeente"), ("Corporatie", "woningcorporatie"), ("Warmtebedrijf", "warmtebedrijf"),
        )
    ]
    return dossier, partijen

def test_houding_en_prioriteit_worden_bewaard_en_gewist(lege_store, dossier_met_partijen):
    dossier, (gemeente, corporatie, _) = dossier_met_partijen
    lege_store.zet_houding(dossier.id, gemeente.id, "co2-reductie", "belang", prioriteit=True)
    lege_store.zet_houding(dossier.id, corporatie.id, "co2-reductie", "bijdragen")
    assert set(lege_store.partij_belangen(dossier.id)) == {
        PartijBelang(gemeente.id, "co2-reductie", "belang", True),
        PartijBelang(corporatie.id, "co2-reductie", "bijdragen", False),
    }
    lege_store.zet_houding(dossier.id, corporatie.id, "co2-reductie", None)
    assert [c.partij_id for c in lege_store.partij_belangen(dossier.id)] == [gemeente.id]


def test_hoogstens_drie_topprioriteiten(lege_store, dossier_met_partijen):
    dossier, (gemeente, *_) = dossier_met_partijen
    for belang_id in ("co2-reductie", "draagvlak", "leefbaarheid"):
        lege_store.zet_houding(dossier.id, gemeente.id, belang_id, "belang", prioriteit=True)
    with pytest.raises(InvoerFout, match="hoogstens 3 topprioriteiten"):
        lege_store.zet_houding(dossier.id, gemeente.id, "tijdpad-tvw", "belang", prioriteit=True)
    assert not any(c.belang_id == "tijdpad-tvw" for c in lege_store.partij_belangen(dossier.id))
    # re-saving an existing priority is not a fourth one
    lege_store.zet_houding(dossier.id, gemeente.id, "draagvlak", "beide", prioriteit=True)


def test_onzin_wordt_geweigerd_en_verandert_niets(lege_store, dossier_met_partijen):
    dossier, (gemeente, *_) = dossier_met_partijen
    ander = lege_store.maak_dossier("Ander")
    vreemde = lege_store.voeg_partij_toe(ander.id, PartijInvoer("Vreemd", "overig"))
    gevallen = [
        ((dossier.id, gemeente.id, "bestaat-niet", "belang"), "bestaat niet"),
        ((dossier.id, gemeente.id, "co2-reductie", "misschien"), "Kies hoe"),
        ((dossier.id, vreemde.id, "co2-reductie", "belang"), "bestaat niet meer"),
        ((dossier.id, gemeente.id, "eigen-999", "belang"), "bestaat niet"),
        ((dossier.id, gemeente.id, "eigen-abc", "belang"), "bestaat niet"),
    ]
    for argumenten, melding in gevallen:
        with pytest.raises(InvoerFout, match=melding):
            lege_store.zet_houding(*argumenten)
    with pytest.raises(InvoerFout, match="Alleen een eigen belang"):
        lege_store.zet_houding(dossier.id, gemeente.id, "co2-reductie", "bijdragen", prioriteit=True)
    assert lege_store.partij_belangen(dossier.id) == []


def test_eigen_belang_toevoegen_gebruiken_en_verwijderen(lege_store, dossier_met_partijen):
    dossier, (gemeente, *_) = dossier_met_partijen
    eigen = lege_store.voeg_eigen_belang_toe(dossier.id, "Behoud van de bomen")
    with pytest.raises(InvoerFout, match="staat al in dit dossier"):
        lege_store.voeg_eigen_belang_toe(dossier.id, "behoud van de  BOMEN")
    with pytest.raises(InvoerFout, match="staat al in de lijst"):
        lege_store.voeg_eigen_belang_toe(dossier.id, "Betaalbare woonlasten")
    lege_store.zet_houding(dossier.id, gemeente.id, eigen.id, "belang")
    ander = lege_store.maak_dossier("Ander")
    with pytest.raises(InvoerFout):  # another dossier cannot use it
        partij = lege_store.voeg_partij_toe(ander.id, PartijInvoer("X", "overig"))
        lege_store.zet_houding(ander.id, partij.id, eigen.id, "belang")
    lege_store.verwijder_eigen_belang(dossier.id, eigen.id)
    assert lege_store.eigen_belangen(dossier.id) == [] and lege_store.partij_belangen(dossier.id) == []


def test_verwijderen_van_partij_haalt_haar_belangen_weg(lege_store, dossier_met_partijen):
    dossier, (gemeente, *_) = dossier_met_partijen
    lege_store.zet_houding(dossier.id, gemeente.id, "draagvlak", "belang")
    lege_store.verwijder_partij(dossier.id, gemeente.id)
    assert lege_store.partij_belangen(dossier.id) == []
