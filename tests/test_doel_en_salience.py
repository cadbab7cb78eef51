"""The common goal (complete and measurable before it is saved) and the salience types."""

from __future__ import annotations

import html
import re

import pytest

from wijkkompas_widgets.analysis.doel import Doel, controleer_doel, criteria_uit_tekst
from wijkkompas_widgets.analysis.partijen import salience_niveau, salience_type
from wijkkompas_widgets.dossier import InvoerFout, PartijInvoer
from wijkkompas_widgets.werkboek import open_werkboek


def zichtbaar(html_tekst: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", html_tekst))


def test_criteria_een_per_regel_zonder_opsommingstekens():
    assert criteria_uit_tekst("- 80% aardgasvrij in 2035\n\n* geen hogere lasten\n  • draagvlak > 70% ") == (
        "80% aardgasvrij in 2035", "geen hogere lasten", "draagvlak > 70%",
    )


@pytest.mark.parametrize(
    ("doel", "melding"),
    [
        (Doel("", criteria=("x",)), "Kies het gezamenlijke doel"),
        (Doel("anders", criteria=("x",)), "Beschrijf het andere doel"),
        (Doel("aardgasvrij"), "minstens één meetbaar criterium"),
        (Doel("aardgasvrij", streefjaar=2020, criteria=("x",)), "streefjaar"),
        (
            Doel("aardgasvrij", criteria=("x",), woonlastenneutraal=True, woonlasten_definitie="ja"),
            "leg vast wat jullie eronder verstaan",
        ),
    ],
)
def test_onvolledig_doel_wordt_geweigerd(doel, melding):
    with pytest.raises(InvoerFout, match=melding):
        controleer_doel(doel, 2026)


def test_volledig_doel_wordt_bewaard_en_komt_terug(store_url, lege_store):
    dossier = lege_store.maak_dossier("Doelwijk")
    oefening = open_werkboek("x", store_url=store_url, query={"dossier": dossier.id}).kaart(
        "f1-doel-en-verhaal").oefening
    oefening._soort.value = "aardgasvrij"
    oefening._streefjaar.value = "2035"
    oefening._criteria.value = "80% van de woningen aardgasvrij in 2035\nGeen huishouden gaat erop achteruit"
    oefening._woonlasten.value = True
    assert oefening._definitie.layout.display == "flex"
    oefening._definitie.value = "kort"
    oefening._opslaan.click()
    assert "Woonlastenneutraliteit is een doel" in zichtbaar(oefening._melding.value)
    assert lege_store.formulier(dossier.id, "doel") == ({}, 0)  # nothing saved

    oefening._definitie.value = "Energie plus huur of hypotheek stijgen voor niemand, gemeten over 15 jaar."
    oefening._opslaan.click()
    assert "opgeslagen" in zichtbaar(oefening._melding.value)
    gegevens, versie = lege_store.formulier(dossier.id, "doel")
    assert gegevens["criteria"] == ["80% van de woningen aardgasvrij in 2035", "Geen huishouden gaat erop achteruit"]
    assert gegevens["streefjaar"] == 2035 and versie == 1

    opnieuw = open_werkboek("x", store_url=store_url, query={"dossier": dossier.id}).kaart(
        "f1-doel-en-verhaal").oefening
    assert opnieuw._soort.value == "aardgasvrij" and opnieuw._streefjaar.value == "2035"
    assert "Ons doel: Aardgasvrij in 2035" in zichtbaar(opnieuw._samenvatting.value)


def test_streefjaar_moet_een_jaartal_zijn(store_url, lege_store):
    dossier = lege_store.maak_dossier("D")
    oefening = open_werkboek("x", store_url=store_url, query={"dossier": dossier.id}).kaart(
        "f1-doel-en-verhaal").oefening
    oefening._soort.value = "co2-neutraal"
    oefening._criteria.value = "CO2-uitstoot gebouwde omgeving -95%"
    oefening._streefjaar.value = "over tien jaar"
    oefening._opslaan.click()
    assert "jaartal" in zichtbaar(oefening._melding.value)


def test_gelijktijdige_wijziging_van_het_doel_overschrijft_niets(store_url, lege_store):
    dossier = lege_store.maak_dossier("D")
    eerste = open_werkboek("x", store_url=store_url, query={"dossier": dossier.id}).kaart(
        "f1-doel-en-verhaal").oefening
    tweede = open_werkboek("x", store_url=store_url, query={"dossier": dossier.id}).kaart(
        "f1-doel-en-verhaal").oefening
    for oefening, criterium in ((eerste, "Criterium van collega"), (tweede, "Mijn criterium")):
        oefening._soort.value = "aardgasvrij"
        oefening._criteria.value = criterium
        oefening._opslaan.click()
    assert "Iemand anders heeft dit formulier intussen opgeslagen" in zichtbaar(tweede._melding.value)
    assert lege_store.formulier(dossier.id, "doel")[0]["criteria"] == ["Criterium van collega"]
    assert tweede._criteria.value == "Criterium van collega"  # the newest version is shown


def test_zeven_salience_typen_plus_geen(inhoud):
    typen = inhoud.fase1.salience
    assert salience_type(typen, True, True, True).id == "definitive"
    assert salience_type(typen, True, False, False).id == "dormant"
    assert salience_type(typen, False, True, True).id == "dependent"
    assert salience_type(typen, False, False, False).naam.startswith("Geen")
    assert [salience_niveau(*w) for w in ((0, 0, 0), (1, 0, 0), (1, 1, 0), (1, 1, 1))] == [
        "geen", "laag", "gemiddeld", "hoog",
    ]


def test_salience_aanvinken_bewaart_en_toont_het_type(store_url, lege_store):
    dossier = lege_store.maak_dossier("D")
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Netbeheerder", "netbeheerder"))
    kaart = open_werkboek("x", store_url=store_url, query={"dossier": dossier.id}).kaart("f1-invloed-en-belang")
    salience = kaart.oefening.children[1]
    rij = next(iter(salience._rijen.values()))
    assert "nog niet beoordeeld" in rij.uitkomst.value
    rij.vakjes["macht"].value = True
    rij.vakjes["legitimiteit"].value = True
    partij = lege_store.partijen(dossier.id)[0]
    assert (partij.macht, partij.legitimiteit, partij.urgentie) == (True, True, False)
    assert "Dominante stakeholder" in zichtbaar(rij.uitkomst.value)
    assert "Dominante stakeholder" in zichtbaar(salience._tabel.value)
    opnieuw = open_werkboek("x", store_url=store_url, query={"dossier": dossier.id}).kaart("f1-invloed-en-belang")
    assert next(iter(opnieuw.oefening.children[1]._rijen.values())).vakjes["legitimiteit"].value is True
