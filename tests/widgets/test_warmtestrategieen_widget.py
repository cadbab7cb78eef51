"""'Warmtestrategieën' without a browser: the five PBL cards (with hints from the wijkprofiel and the gas warning),
and integrated strategies added, edited and deleted as a user does, checked in the dossier and on a fresh page."""

from __future__ import annotations

import pytest
from hulp import een, keuzes, kies, knop, melding, tekst, veld, zichtbaar

from wijkkompas_widgets import teksten
from wijkkompas_widgets.dossier.records import KoppelkansInvoer, StrategieInvoer
from wijkkompas_widgets.werkboek import open_werkboek
from wijkkompas_widgets.widgets.context import maak_context
from wijkkompas_widgets.widgets.warmtestrategieen import WarmtestrategieenOefening

STRATEGIEEN = "f3-warmtestrategieen"


def scherm_van(store_url, dossier_id):
    return open_werkboek("x", store_url=store_url, query={"dossier": dossier_id}).kaart(STRATEGIEEN).oefening


def kies_strategie(scherm, naam: str) -> None:
    kies(een(scherm, "wk-strategieen-kies"), naam)


def status(scherm) -> str:
    return zichtbaar(een(scherm, "wk-strategieen-status").value)


def waarschuwing(scherm) -> str:
    return zichtbaar(een(scherm, "wk-strategieen-waarschuwing").value)


@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Strategiewijk")


def test_vijf_kaarten_met_gaswaarschuwing_bij_s4_en_s5(store_url, lege_store, dossier):
    kaarten = een(scherm_van(store_url, dossier.id), "wk-strategie-kaarten").value
    assert all(f"wk-strategie-s{i}" in kaarten for i in range(1, 6))
    for stuk in kaarten.split("wk-strategie-kaart ")[1:]:
        met_gas = "wk-strategie-s4" in stuk[:40] or "wk-strategie-s5" in stuk[:40]
        assert ("⚠" in stuk and "duurzaam gas" in zichtbaar(stuk).lower()) == met_gas
    assert "Kies bij 'Wijkprofiel'" in zichtbaar(kaarten)  # no wijk chosen: say how to get hints


def test_voorbeeldwijk_geeft_hints_uit_het_wijkprofiel(store_url, store):
    voorbeeld = next(d for d in store.dossiers() if d.is_voorbeeld)
    kaarten = zichtbaar(een(scherm_van(store_url, voorbeeld.id), "wk-strategie-kaarten").value)
    assert "Bevolkingsdichtheid (▲ hoger dan landelijk)" in kaarten and "toets het per buurt" in kaarten


def test_strategie_toevoegen_met_gekozen_koppelkansen_en_status(store_url, lege_store, dossier):
    gekozen = lege_store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Riool en warmtenet samen"))
    lege_store.besluit_koppelkans(dossier.id, gekozen.id, "gekozen", "", gekozen.versie)
    lege_store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Nog open kans"))
    scherm = scherm_van(store_url, dossier.id)
    assert "nu 0" in status(scherm) and "⚠" in status(scherm)
    assert keuzes(veld(scherm, "Koppelkansen (Ctrl-klik)")) == ["Riool en warmtenet samen"]

    veld(scherm, "Naam", exact=True).value = "Warmtenet Noord"
    veld(scherm, "Warmtestrategie").value = "S2"
    veld(scherm, "Koppelkansen (Ctrl-klik)").value = (gekozen.id,)
    veld(scherm, "Fasering").value = "2027–2030 Noordbuurt, daarna Zuidbuurt"
    veld(scherm, "Startjaar").value = 2027
    knop(scherm, "Strategie toevoegen").click()
    assert melding(scherm) == "✔ Strategie 'Warmtenet Noord' is toegevoegd."
    (strategie,) = lege_store.strategieen(dossier.id)
    assert (strategie.naam, strategie.warmtestrategie, strategie.koppelkansen, strategie.fasering) == (
        "Warmtenet Noord", "S2", (gekozen.id,), "2027–2030 Noordbuurt, daarna Zuidbuurt")
    assert "nu 1" in status(scherm)
    assert "Riool en warmtenet samen" in zichtbaar(een(scherm, "wk-strategieen-lijst").value)
    assert een(scherm, "wk-strategieen-kies").label == "Warmtenet Noord"  # the new one stays in the fields
    assert veld(scherm, "Naam", exact=True).value == "Warmtenet Noord"
    assert knop(scherm, "Wijzigingen opslaan")

    kies_strategie(scherm, "— nieuwe strategie —")
    assert veld(scherm, "Naam", exact=True).value == ""
    veld(scherm, "Naam", exact=True).value = "Warmtepompen"
    veld(scherm, "Warmtestrategie").value = "S1"
    knop(scherm, "Strategie toevoegen").click()
    assert "nu 2" in status(scherm) and "✔" in status(scherm)


def test_zonder_gekozen_koppelkansen_zegt_de_pagina_dat(store_url, lege_store, dossier):
    scherm = scherm_van(store_url, dossier.id)
    assert "nog geen koppelkansen gekozen" in zichtbaar(een(scherm, "wk-strategieen-kansen-uitleg").value)
    assert keuzes(veld(scherm, "Koppelkansen (Ctrl-klik)")) == []


def test_duurzaam_gas_voor_2030_mag_maar_waarschuwt(store_url, lege_store, dossier):
    scherm = scherm_van(store_url, dossier.id)
    veld(scherm, "Naam", exact=True).value = "Hybride overgang"
    veld(scherm, "Warmtestrategie").value = "S4"
    veld(scherm, "Startjaar").value = 2027
    assert "Let op, vóór 2030" in waarschuwing(scherm)
    knop(scherm, "Strategie toevoegen").click()
    assert "is toegevoegd" in melding(scherm) and "duurzaam gas" in melding(scherm) and "vóór 2030" in melding(scherm)
    (strategie,) = lege_store.strategieen(dossier.id)
    assert strategie.fasering == "Start 2027."  # the start year is kept with the phasing
    assert "start vóór 2030" in zichtbaar(een(scherm, "wk-strategieen-lijst").value)
    veld(scherm, "Startjaar").value = 2031
    assert waarschuwing(scherm) == ""
    veld(scherm, "Warmtestrategie").value = "S1"
    veld(scherm, "Startjaar").value = 2026
    assert waarschuwing(scherm) == ""  # no gas, no warning

    opnieuw = scherm_van(store_url, dossier.id)
    kies_strategie(opnieuw, "Hybride overgang")
    assert (veld(opnieuw, "Warmtestrategie").value, veld(opnieuw, "Startjaar").value) == ("S4", 2027)
    assert "Let op, vóór 2030" in waarschuwing(opnieuw)


def test_strategie_zonder_naam_of_warmtestrategie_wordt_geweigerd(store_url, lege_store, dossier):
    scherm = scherm_van(store_url, dossier.id)
    veld(scherm, "Warmtestrategie").value = "S1"
    knop(scherm, "Strategie toevoegen").click()
    assert "Niet gelukt" in melding(scherm) and "naam" in melding(scherm).lower()
    veld(scherm, "Naam", exact=True).value = "Iets"
    kies(veld(scherm, "Warmtestrategie"), "– kies S1 tot en met S5 –")
    knop(scherm, "Strategie toevoegen").click()
    assert "S1 tot en met S5" in melding(scherm)
    assert lege_store.strategieen(dossier.id) == []


def test_strategie_wijzigen_en_verwijderen_met_bevestiging(store_url, lege_store, dossier):
    lege_store.voeg_strategie_toe(dossier.id, StrategieInvoer("Warmtenet", "S2", (), "2028 Noord"))
    scherm = scherm_van(store_url, dossier.id)
    kies_strategie(scherm, "Warmtenet")
    assert (veld(scherm, "Naam", exact=True).value, veld(scherm, "Startjaar").value) == ("Warmtenet", 2028)
    veld(scherm, "Naam", exact=True).value = "Warmtenet <Noord>"
    knop(scherm, "Wijzigingen opslaan").click()
    assert melding(scherm) == "✔ Strategie 'Warmtenet <Noord>' is opgeslagen."
    assert lege_store.strategieen(dossier.id)[0].naam == "Warmtenet <Noord>"
    lijst = een(scherm, "wk-strategieen-lijst").value
    assert "&lt;Noord&gt;" in lijst and "<Noord>" not in lijst

    knop(scherm, "Verwijderen…").click()
    assert "Weet je zeker dat je Warmtenet <Noord> wilt verwijderen?" in tekst(scherm)
    knop(scherm, "Nee, bewaren").click()
    assert len(lege_store.strategieen(dossier.id)) == 1
    knop(scherm, "Verwijderen…").click()
    knop(scherm, "Ja, verwijderen").click()
    assert lege_store.strategieen(dossier.id) == []
    assert melding(scherm) == "✔ Strategie 'Warmtenet <Noord>' is verwijderd."
    assert een(scherm, "wk-strategieen-kies").label == "— nieuwe strategie —"


def test_een_collega_wijzigde_de_strategie_dan_wordt_niets_overschreven(store_url, lege_store, dossier):
    strategie = lege_store.voeg_strategie_toe(dossier.id, StrategieInvoer("Warmtenet", "S2"))
    scherm = scherm_van(store_url, dossier.id)
    kies_strategie(scherm, "Warmtenet")
    lege_store.wijzig_strategie(dossier.id, strategie.id, StrategieInvoer("Warmtenet van de collega", "S2"),
                                strategie.versie)
    veld(scherm, "Naam", exact=True).value = "Mijn naam"
    knop(scherm, "Wijzigingen opslaan").click()
    assert "Niet gelukt" in melding(scherm)
    assert lege_store.strategieen(dossier.id)[0].naam == "Warmtenet van de collega"
    assert veld(scherm, "Naam", exact=True).value == "Warmtenet van de collega"


def test_zonder_dossier_een_uitnodiging_en_daarna_de_oefening(store_url, lege_store, dossier):
    context = maak_context(store_url, {})
    context.dossier_id = None  # (opening the store placed the example dossier; act as if none is chosen)
    scherm = WarmtestrategieenOefening(context)
    assert teksten.GEEN_DOSSIER in tekst(scherm)
    context.dossier_id = dossier.id
    assert knop(scherm, "Strategie toevoegen") and "nu 0" in status(scherm)
