"""Gezamenlijk doel as a user fills it in: nothing is saved until the goal is complete; a reloaded page and a
colleague's page show the saved goal. Controls are found by label only."""

from __future__ import annotations

import pytest
from hulp import kies, knop, melding, tekst, veld, velden

from wijkkompas_widgets.widgets.context import WerkboekContext
from wijkkompas_widgets.widgets.doel import DoelOefening


@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Doelwijk")


def oefening_van(store, dossier_id, inhoud) -> DoelOefening:
    return DoelOefening(WerkboekContext(store, inhoud, dossier_id=dossier_id))


def vul_in(oefening, soort: str, criteria: str, streefjaar: str = "") -> None:
    kies(veld(oefening, "Gezamenlijk doel"), soort)
    veld(oefening, "Streefjaar").value = streefjaar
    veld(oefening, "Meetbare criteria").value = criteria


def test_volledig_doel_wordt_bewaard_en_komt_terug(lege_store, dossier, inhoud):
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    assert "Nog geen gezamenlijk doel vastgelegd." in tekst(oefening)
    assert not velden(oefening, "Onze definitie")  # only once woonlastenneutraliteit is a goal
    vul_in(oefening, "Aardgasvrij",
           "80% van de woningen aardgasvrij in 2035\nGeen huishouden gaat erop achteruit", streefjaar="2035")
    veld(oefening, "Woonlastenneutraliteit is een doel").value = True
    assert "de definitie van het kabinet" in tekst(oefening)
    veld(oefening, "Onze definitie").value = "kort"
    knop(oefening, "Doel opslaan").click()
    assert "Woonlastenneutraliteit is een doel" in melding(oefening)
    assert lege_store.formulier(dossier.id, "doel") == ({}, 0)  # nothing saved

    veld(oefening, "Onze definitie").value = "Energie plus huur of hypotheek stijgen voor niemand, over 15 jaar."
    knop(oefening, "Doel opslaan").click()
    assert melding(oefening) == "✔ Het gezamenlijke doel is opgeslagen."
    gegevens, versie = lege_store.formulier(dossier.id, "doel")
    assert gegevens["criteria"] == ["80% van de woningen aardgasvrij in 2035", "Geen huishouden gaat erop achteruit"]
    assert gegevens["streefjaar"] == 2035 and versie == 1

    opnieuw = oefening_van(lege_store, dossier.id, inhoud)
    assert veld(opnieuw, "Gezamenlijk doel").label == "Aardgasvrij" and veld(opnieuw, "Streefjaar").value == "2035"
    assert veld(opnieuw, "Onze definitie").value.startswith("Energie plus huur")
    samenvatting = tekst(opnieuw)
    assert "Ons doel: Aardgasvrij in 2035 Zo meten we het: 80% van de woningen aardgasvrij in 2035" in samenvatting
    assert "Woonlastenneutraal" in samenvatting and "volgens deze definitie: Energie plus huur" in samenvatting


def test_streefjaar_moet_een_jaartal_zijn(lege_store, dossier, inhoud):
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    vul_in(oefening, "CO2-neutraal", "CO2-uitstoot gebouwde omgeving -95%", streefjaar="over tien jaar")
    knop(oefening, "Doel opslaan").click()
    assert "Niet gelukt: Het streefjaar is een jaartal, zoals 2035." in melding(oefening)
    assert lege_store.formulier(dossier.id, "doel") == ({}, 0)


def test_gelijktijdige_wijziging_van_het_doel_overschrijft_niets(lege_store, dossier, inhoud):
    eerste = oefening_van(lege_store, dossier.id, inhoud)
    tweede = oefening_van(lege_store, dossier.id, inhoud)
    for oefening, criterium in ((eerste, "Criterium van collega"), (tweede, "Mijn criterium")):
        vul_in(oefening, "Aardgasvrij", criterium)
        knop(oefening, "Doel opslaan").click()
    assert "Iemand anders heeft dit formulier intussen opgeslagen" in melding(tweede)
    assert lege_store.formulier(dossier.id, "doel")[0]["criteria"] == ["Criterium van collega"]
    assert veld(tweede, "Meetbare criteria").value == "Criterium van collega"  # the newest version is shown
    assert "Criterium van collega" in tekst(tweede)


def test_een_ander_dossier_openen_toont_zijn_doel(lege_store, dossier, inhoud):
    ander = lege_store.maak_dossier("Ander")
    lege_store.bewaar_formulier(ander.id, "doel", {"soort": "co2-neutraal", "criteria": ["Uitstoot -95%"]}, 0)
    context = WerkboekContext(lege_store, inhoud, dossier_id=dossier.id)
    oefening = DoelOefening(context)
    vul_in(oefening, "Aardgasvrij", "niet bewaard")
    context.dossier_id = ander.id
    assert veld(oefening, "Gezamenlijk doel").label == "CO2-neutraal"
    assert veld(oefening, "Meetbare criteria").value == "Uitstoot -95%"
    context.dossier_id = None
    assert "Er is geen dossier geopend" in tekst(oefening)
