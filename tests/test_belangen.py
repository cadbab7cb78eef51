"""Ambities en belangen: the matrix in the store, the MGA analysis, and the exercise as a user uses it."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wijkkompas_widgets.analysis import belangen as analyse
from wijkkompas_widgets.dossier import InvoerFout, PartijInvoer
from wijkkompas_widgets.dossier.belangen import PartijBelang
from wijkkompas_widgets.werkboek import open_werkboek

# Store tests run on SQLite and on PostgreSQL (see tests/conftest.py).
pytestmark = pytest.mark.beide_backends


def zichtbaar(html_tekst: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", html_tekst))


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


# -- store -----------------------------------------------------------------------------------
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


# -- analysis --------------------------------------------------------------------------------
def cel(partij, belang, houding, prioriteit=False):
    return PartijBelang(partij, belang, houding, prioriteit)


def test_gedeeld_botsend_en_kansen_met_de_hand_uitgerekend():
    cellen = [
        cel(1, "co2", "belang"), cel(2, "co2", "beide"), cel(3, "co2", "botst"),
        cel(1, "kosten", "bijdragen"), cel(3, "kosten", "belang"),
        cel(3, "aansluitingen", "bijdragen"), cel(2, "aansluitingen", "belang"),
        cel(2, "rendement", "belang"),
    ]
    assert analyse.gedeelde_belangen(cellen) == [analyse.Gedeeld("co2", (1, 2))]
    spanningen = analyse.spanningen(cellen, [("kosten", "rendement", "warmtetarief")])
    assert analyse.Spanning(1, "co2", 3, "co2", "") in spanningen
    assert analyse.Spanning(2, "co2", 3, "co2", "") in spanningen
    assert analyse.Spanning(3, "kosten", 2, "rendement", "warmtetarief") in spanningen
    assert set(analyse.kansen(cellen)) == {
        analyse.Kans(2, 1, "co2"), analyse.Kans(1, 3, "kosten"), analyse.Kans(3, 2, "aansluitingen"),
    }
    assert analyse.ruilen(cellen) == []
    # party 2 serves party 3 too: now 2 and 3 can each serve the other
    cellen.append(cel(2, "kosten", "bijdragen"))
    assert analyse.ruilen(cellen) == [analyse.Ruil(2, 3, "kosten", "aansluitingen")]


houdingen = st.sampled_from(["belang", "bijdragen", "beide", "botst"])
cellen_strategie = st.dictionaries(
    st.tuples(st.integers(1, 5), st.sampled_from(["a", "b", "c", "d"])), houdingen, max_size=20
).map(lambda d: [cel(p, b, h) for (p, b), h in d.items()])


@given(cellen_strategie)
def test_niemand_helpt_zichzelf_en_elke_kans_past_bij_de_houdingen(cellen):
    per = {(c.partij_id, c.belang_id): c.houding for c in cellen}
    for kans in analyse.kansen(cellen):
        assert kans.leverancier != kans.ontvanger
        assert per[(kans.leverancier, kans.belang_id)] in analyse.KAN_BIJDRAGEN
        assert per[(kans.ontvanger, kans.belang_id)] in analyse.HEEFT_BELANG
    for gedeeld in analyse.gedeelde_belangen(cellen):
        assert len(gedeeld.partijen) >= 2


@given(cellen_strategie)
def test_een_ruil_is_altijd_wederzijds(cellen):
    kansen = {(k.leverancier, k.ontvanger) for k in analyse.kansen(cellen)}
    for ruil in analyse.ruilen(cellen):
        assert (ruil.partij_a, ruil.partij_b) in kansen and (ruil.partij_b, ruil.partij_a) in kansen


# -- widget ----------------------------------------------------------------------------------
def test_oefening_bewaart_ambitie_en_houdingen_en_toont_overzicht(store_url, lege_store, dossier_met_partijen):
    dossier, (_gemeente, corporatie, warmte) = dossier_met_partijen
    wb = open_werkboek("01_samen_starten.ipynb", store_url=store_url, query={"dossier": dossier.id})
    oefening = wb.kaart("f1-ambities-en-belangen").oefening
    oefening._partij.value = corporatie.id
    oefening._ambitie.value = "In 2030 alle complexen label B, zonder hogere woonlasten"
    rij = oefening._rijen["betaalbare-huur"]
    assert "(vaak bij dit soort partij)" in rij.label.value
    rij.houding.value = "belang"
    rij.prioriteit.value = True
    oefening._rijen["voldoende-aansluitingen"].houding.value = "bijdragen"
    oefening._partij.value = warmte.id
    assert oefening._rijen["betaalbare-huur"].houding.value is None  # the form shows the chosen party
    oefening._rijen["voldoende-aansluitingen"].houding.value = "belang"
    oefening._rijen["betaalbare-huur"].houding.value = "bijdragen"

    assert lege_store.partijen(dossier.id)[1].ambitie.startswith("In 2030 alle complexen")
    overzicht = zichtbaar(oefening._overzicht.value)
    assert "Wederzijdse winst: Corporatie kan bijdragen aan Voldoende aansluitingen" in overzicht
    assert oefening._grafiek.value.startswith("<img")

    opnieuw = open_werkboek("01_samen_starten.ipynb", store_url=store_url, query={"dossier": dossier.id})
    oefening2 = opnieuw.kaart("f1-ambities-en-belangen").oefening
    oefening2._partij.value = corporatie.id
    assert oefening2._ambitie.value.startswith("In 2030")
    assert oefening2._rijen["betaalbare-huur"].houding.value == "belang"
    assert oefening2._rijen["betaalbare-huur"].prioriteit.value is True


def test_vierde_prioriteit_wordt_teruggezet_met_melding(store_url, lege_store, dossier_met_partijen):
    dossier, (gemeente, *_) = dossier_met_partijen
    oefening = open_werkboek("x", store_url=store_url, query={"dossier": dossier.id}).kaart(
        "f1-ambities-en-belangen").oefening
    oefening._partij.value = gemeente.id
    for belang_id in ("co2-reductie", "draagvlak", "leefbaarheid", "tijdpad-tvw"):
        oefening._rijen[belang_id].houding.value = "belang"
        oefening._rijen[belang_id].prioriteit.value = True
    assert "hoogstens 3 topprioriteiten" in zichtbaar(oefening._melding.value)
    assert oefening._rijen["tijdpad-tvw"].prioriteit.value is False
    assert sum(c.prioriteit for c in lege_store.partij_belangen(dossier.id)) == 3


def test_eigen_belang_en_html_in_namen(store_url, lege_store, dossier_met_partijen):
    dossier, _partijen = dossier_met_partijen
    oefening = open_werkboek("x", store_url=store_url, query={"dossier": dossier.id}).kaart(
        "f1-ambities-en-belangen").oefening
    oefening._eigen_naam.value = "<script>alert(1)</script>"
    oefening._eigen_knop.click()
    eigen_id = lege_store.eigen_belangen(dossier.id)[0].id
    oefening._rijen[eigen_id].houding.value = "belang"
    assert "<script>" not in oefening._overzicht.value + oefening._rijen[eigen_id].label.value
    assert "&lt;script&gt;" in oefening._rijen[eigen_id].label.value


def test_zonder_partijen_verwijst_de_oefening_naar_de_partijenoefening(store_url, lege_store):
    dossier = lege_store.maak_dossier("Leeg")
    oefening = open_werkboek("x", store_url=store_url, query={"dossier": dossier.id}).kaart(
        "f1-ambities-en-belangen").oefening
    assert "Voeg eerst partijen toe" in oefening.children[0].value
