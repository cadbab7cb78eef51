"""'Transitieopgaven in de wijk' without a browser: scores are saved as they are chosen and come back on a fresh
page, colleagues on other opgaven merge, and the hints show the wijkprofiel's figures."""

from __future__ import annotations

from hulp import een, melding, tekst, veld, zichtbaar

from wijkkompas_widgets.dossier import formulieren
from wijkkompas_widgets.werkboek import open_werkboek

SLEUTEL = formulieren.TRANSITIEOPGAVEN


def oefening(store_url, dossier_id):
    return open_werkboek("x", store_url=store_url, query={"dossier": dossier_id}).kaart("f2-transitieopgaven").oefening


def urgentie(o, opgave_id):
    return veld(o, "Urgentie in deze wijk", klasse=f"wk-opgave-{opgave_id}")


def ambitie(o, opgave_id):
    return veld(o, "Onze ambitie", klasse=f"wk-opgave-{opgave_id}")


def toelichting(o, opgave_id):
    return veld(o, "Toelichting", klasse=f"wk-opgave-{opgave_id}")


def aandacht(o) -> str:
    return zichtbaar(een(o, "wk-opgaven-aandacht").value)


def test_urgentie_wordt_direct_bewaard_en_komt_terug(store_url, lege_store):
    dossier = lege_store.maak_dossier("Opgavenwijk")
    o = oefening(store_url, dossier.id)
    assert "Kies eerst een wijk" in tekst(een(o, "wk-opgave-energietransitie"))
    assert lege_store.formulier(dossier.id, SLEUTEL) == ({}, 0)  # opening the page saves nothing
    urgentie(o, "energietransitie").value = 4
    assert "Energietransitie: urgentie opgeslagen" in melding(o)
    toelichting(o, "energietransitie").value = "Gasnet is oud"
    assert "toelichting opgeslagen" in melding(o)
    opgeslagen = lege_store.formulier(dossier.id, SLEUTEL)[0]["energietransitie"]
    assert opgeslagen["urgentie"] == 4 and opgeslagen["toelichting"] == "Gasnet is oud"
    assert opgeslagen.get("ambitie") is None
    assert "0 van de 6 opgaven hebben een urgentie én een ambitie" in aandacht(o)  # urgency alone is not enough
    ambitie(o, "energietransitie").value = 1
    assert "1 van de 6" in aandacht(o) and "urgentie is hoog, maar de ambitie laag" in aandacht(o)
    assert "alt=" in een(o, "wk-opgaven-figuur").value

    opnieuw = oefening(store_url, dossier.id)
    assert urgentie(opnieuw, "energietransitie").value == 4
    assert toelichting(opnieuw, "energietransitie").value == "Gasnet is oud"
    assert ambitie(opnieuw, "mobiliteit").label == "– nog niet gekozen –"
    assert lege_store.formulier(dossier.id, SLEUTEL)[1] == 3  # showing the saved form saves nothing


def test_score_buiten_de_schaal_of_rommel_wordt_niet_bewaard(store_url, lege_store):
    dossier = lege_store.maak_dossier("Rommel")
    lege_store.bewaar_formulier(dossier.id, SLEUTEL, {"mobiliteit": {"urgentie": "hoog", "ambitie": 9}}, 0)
    o = oefening(store_url, dossier.id)
    assert urgentie(o, "mobiliteit").label == "– nog niet gekozen –"
    assert ambitie(o, "mobiliteit").label == "– nog niet gekozen –"


def test_collegas_op_verschillende_opgaven_overschrijven_elkaar_niet(store_url, lege_store):
    dossier = lege_store.maak_dossier("Samen")
    ik, collega = oefening(store_url, dossier.id), oefening(store_url, dossier.id)
    ambitie(collega, "mobiliteit").value = 2
    urgentie(ik, "klimaatadaptatie").value = 5  # my form is stale, but another field: merged
    gegevens = lege_store.formulier(dossier.id, SLEUTEL)[0]
    assert gegevens["mobiliteit"]["ambitie"] == 2 and gegevens["klimaatadaptatie"]["urgentie"] == 5
    assert ambitie(ik, "mobiliteit").value == 2  # and I now see the colleague's choice

    urgentie(collega, "klimaatadaptatie").value = 3  # stale on the same field: refused
    assert "Iemand anders heeft dit veld" in melding(collega)
    assert lege_store.formulier(dossier.id, SLEUTEL)[0]["klimaatadaptatie"]["urgentie"] == 5
    assert urgentie(collega, "klimaatadaptatie").value == 5


def test_voorbeelddossier_toont_cijfers_van_de_echte_wijk(store_url, store):
    voorbeeld = next(d for d in store.dossiers() if d.is_voorbeeld)
    o = oefening(store_url, voorbeeld.id)
    hints = tekst(een(o, "wk-opgave-energietransitie"))
    assert "Groenoord en Kethel" in hints and "800" in hints  # CBS 2022: 800 m³ gas per woning
    assert urgentie(o, "sociaaleconomisch").value == 5


def test_hints_volgen_een_andere_wijk_op_dezelfde_pagina(store_url, lege_store):
    dossier = lege_store.maak_dossier("Wisselwijk")
    werkboek = open_werkboek("x", store_url=store_url, query={"dossier": dossier.id})
    opgaven = werkboek.kaart("f2-transitieopgaven").oefening
    profiel = werkboek.kaart("f2-wijkprofiel").oefening
    veld(profiel, "Gemeente", exact=True).value = "GM0606"
    veld(profiel, "Wijk", exact=True).value = "WK060607"
    assert "Groenoord en Kethel" in tekst(een(opgaven, "wk-opgave-energietransitie"))


def test_zonder_dossier_een_uitnodiging(store_url, lege_store):
    werkboek = open_werkboek("x", store_url=store_url, query={})
    werkboek.context.dossier_id = None
    o = werkboek.kaart("f2-transitieopgaven").oefening
    assert "geen dossier geopend" in tekst(o)
    o.context.dossier_id = lege_store.maak_dossier("Later").id
    assert urgentie(o, "energietransitie").label == "– nog niet gekozen –"
