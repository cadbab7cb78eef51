"""The parties' analysis: quadrants of the macht/belang grid, spoor coverage and the salience types."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wijkkompas_widgets.analysis.partijen import (
    GRENS_HOOG,
    aanpak_per_partij,
    kwadrant,
    ontbrekende_sporen,
    salience_niveau,
    salience_type,
    spoordekking,
)
from wijkkompas_widgets.dossier import Partij

schaal = st.integers(min_value=1, max_value=10)


def partij(naam, sporen=(), invloed=None, belang=None) -> Partij:
    return Partij(1, naam, "overig", "", "", tuple(sporen), invloed, belang, 1)


@pytest.mark.parametrize(
    ("invloed", "belang", "verwacht"),
    [
        (10, 10, "Actief betrekken"), (6, 6, "Actief betrekken"),
        (9, 2, "Tevreden stellen"), (6, 5, "Tevreden stellen"),
        (2, 9, "Consulteren"), (5, 6, "Consulteren"),
        (1, 1, "Informeren"), (5, 5, "Informeren"),
    ],
)
def test_kwadrant_met_grens_tussen_5_en_6(invloed, belang, verwacht):
    assert kwadrant(invloed, belang).naam == verwacht


@given(schaal, schaal)
def test_kwadrant_volgt_uit_hoog_of_laag_op_beide_assen(invloed, belang):
    naam = kwadrant(invloed, belang).naam
    hoge_invloed, hoog_belang = invloed >= GRENS_HOOG, belang >= GRENS_HOOG
    assert (naam in ("Actief betrekken", "Tevreden stellen")) == hoge_invloed
    assert (naam in ("Actief betrekken", "Consulteren")) == hoog_belang


@given(schaal, schaal, st.integers(0, 9), st.integers(0, 9))
def test_meer_invloed_en_belang_geeft_nooit_een_lichtere_aanpak(invloed, belang, extra_i, extra_b):
    zwaarte = {"Informeren": 0, "Consulteren": 1, "Tevreden stellen": 1, "Actief betrekken": 2}
    hoger = kwadrant(min(10, invloed + extra_i), min(10, belang + extra_b))
    assert zwaarte[hoger.naam] >= zwaarte[kwadrant(invloed, belang).naam]


@pytest.mark.parametrize("waarde", [0, 11, -3])
def test_kwadrant_weigert_waarden_buiten_de_schaal(waarde):
    with pytest.raises(ValueError):
        kwadrant(waarde, 5)


def test_aanpak_per_partij_laat_ongeplaatste_partijen_zonder_kwadrant():
    regels = aanpak_per_partij([partij("A", invloed=8, belang=8), partij("B")])
    assert regels[0].kwadrant.naam == "Actief betrekken" and "mede-eigenaar" in regels[0].kwadrant.aanpak
    assert regels[1].kwadrant is None


def test_spoordekking_en_ontbrekende_sporen():
    partijen = [partij("Gemeente", "C"), partij("Corporatie", "B"), partij("Coöperatie", "AF")]
    dekking = spoordekking(partijen)
    assert dekking["A"] == ["Coöperatie"] and dekking["F"] == ["Coöperatie"] and dekking["D"] == []
    assert ontbrekende_sporen(partijen) == ["D", "E"]
    assert ontbrekende_sporen([]) == ["A", "B", "C", "D", "E", "F"]


@given(st.lists(st.sets(st.sampled_from("ABCDEF")), max_size=8))
def test_elk_spoor_is_gedekt_of_ontbreekt(sporen_per_partij):
    partijen = [partij(f"P{i}", sorted(s)) for i, s in enumerate(sporen_per_partij)]
    gedekt = set().union(*sporen_per_partij) if sporen_per_partij else set()
    assert set(ontbrekende_sporen(partijen)) == set("ABCDEF") - gedekt


def test_zeven_salience_typen_plus_geen(inhoud):
    typen = inhoud.fase1.salience
    assert salience_type(typen, True, True, True).id == "definitive"
    assert salience_type(typen, True, False, False).id == "dormant"
    assert salience_type(typen, False, True, True).id == "dependent"
    assert salience_type(typen, False, False, False).naam.startswith("Geen")
    assert [salience_niveau(*w) for w in ((0, 0, 0), (1, 0, 0), (1, 1, 0), (1, 1, 1))] == [
        "geen", "laag", "gemiddeld", "hoog",
    ]
