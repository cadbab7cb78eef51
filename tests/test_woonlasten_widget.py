"""Woonlastentoets in the workbook: amounts typed as on a Dutch bill, unknown never read as 0, saved per
household, and the verdict in words."""

from __future__ import annotations

import html
import re

import pytest

from wijkkompas_widgets.analysis.woonlasten import bedrag_als_tekst, bedrag_uit_tekst
from wijkkompas_widgets.dossier import InvoerFout
from wijkkompas_widgets.werkboek import open_werkboek


def zichtbaar(tekst: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", tekst))


@pytest.mark.parametrize(("tekst", "bedrag"), [("85", 85.0), ("85,5", 85.5), ("€ 1.250", 1250.0), ("", None),
                                                ("  0 ", 0.0)])
def test_bedragen_zoals_op_een_nederlandse_rekening(tekst, bedrag):
    assert bedrag_uit_tekst(tekst, "gas", "voor de overstap") == bedrag
    if bedrag is not None:
        assert bedrag_uit_tekst(bedrag_als_tekst(bedrag), "gas", "na") == bedrag


@pytest.mark.parametrize(("tekst", "melding"), [("12a", "geen bedrag"), ("-5", "geen bedrag"),
                                                ("60000", "geen jaarbedrag"), ("85.5", "geen bedrag")])
def test_onzin_bedragen_krijgen_een_melding(tekst, melding):
    with pytest.raises(InvoerFout, match=melding):
        bedrag_uit_tekst(tekst, "gas", "voor de overstap")


def vul_in(oefening, huishouden, bedragen):
    oefening._huishouden.value = huishouden
    for post, (voor, na) in bedragen.items():
        oefening._velden[post][0].value = voor
        oefening._velden[post][1].value = na
    oefening._opslaan.click()


def test_huurder_van_onbekend_naar_woonlastenneutraal_en_terug_na_herladen(store_url, lege_store):
    dossier = lege_store.maak_dossier("Woonlasten")
    oefening = open_werkboek("x", store_url=store_url, query={"dossier": dossier.id}).kaart("f4-woonlasten").oefening
    assert "Nog geen bedragen" in zichtbaar(oefening._uitkomst.value)
    bedragen = {"gas": ("95", "0"), "elektriciteit": ("60", "95"), "warmte": ("0", ""), "huur": ("650", "660")}
    vul_in(oefening, "huurder-corporatie", bedragen)
    uitkomst = zichtbaar(oefening._uitkomst.value)
    assert "? onbekend" in uitkomst and "warmte" in uitkomst  # an empty 'na' is unknown, not € 0

    vul_in(oefening, "huurder-corporatie", {**bedragen, "warmte": ("0", "0")})
    uitkomst = zichtbaar(oefening._uitkomst.value)
    assert "✔ woonlastenneutraal" in uitkomst and "dalen met € 50" in uitkomst
    assert "alt=" in oefening._figuur.value

    oefening._definitie.value = "inclusief-onderhoud"
    oefening._marge.value = 10
    opnieuw = open_werkboek("x", store_url=store_url, query={"dossier": dossier.id}).kaart("f4-woonlasten").oefening
    assert opnieuw._definitie.value == "inclusief-onderhoud" and opnieuw._marge.value == 10
    assert opnieuw._velden["huur"][1].value == "660"
    assert "marge van € 10" in zichtbaar(opnieuw._uitkomst.value)


def test_fout_bedrag_verandert_niets(store_url, lege_store):
    dossier = lege_store.maak_dossier("Woonlasten fout")
    oefening = open_werkboek("x", store_url=store_url, query={"dossier": dossier.id}).kaart("f4-woonlasten").oefening
    vul_in(oefening, "eigenaar-eengezinswoning", {"gas": ("120", "0"), "elektriciteit": ("70", "1.200.000")})
    assert "Niet gelukt" in zichtbaar(oefening._melding.value) and "jaarbedrag" in zichtbaar(oefening._melding.value)
    assert lege_store.formulier(dossier.id, "woonlasten") == ({}, 0)
