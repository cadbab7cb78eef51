"""Regierol van de gemeente as a user works it: answer the questions, read the advice, record the team's choice;
the dossier and a reloaded page show the same. Controls are found by label and ``wk-regierol-…`` class only."""

from __future__ import annotations

from datetime import datetime

import pytest
from hulp import een, keuzes, kies, knop, melding, opmaak, tekst, veld

from wijkkompas_widgets.analysis.afsprakennota import datum_nl
from wijkkompas_widgets.widgets.context import WerkboekContext
from wijkkompas_widgets.widgets.regierol import RegierolOefening


@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Testwijk", "Noord", "Delft")


def oefening_van(store, dossier_id, inhoud) -> RegierolOefening:
    return RegierolOefening(WerkboekContext(store, inhoud, dossier_id=dossier_id))


def vraag(oefening, vraag_id: str):
    return een(oefening, f"wk-regierol-vraag-{vraag_id}")


def antwoord(oefening, vraag_id: str, nummer: int) -> None:
    """Click the ``nummer``-th answer (from 0) of a question, as a user reads it."""
    knoppen = vraag(oefening, vraag_id)
    kies(knoppen, keuzes(knoppen)[nummer])


def advies(oefening) -> str:
    return tekst(een(oefening, "wk-regierol-advies"))


def keuze_melding(oefening) -> str:
    return tekst(een(oefening, "wk-regierol-keuze-melding"))


def test_regierol_antwoorden_en_advies_worden_bewaard(lege_store, dossier, inhoud):
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    assert all(vraag(oefening, v.id).value is None for v in inhoud.fase1.regierol.vragen)  # no preselection
    assert vraag(oefening, "tvw").description.startswith("1. Hoeveel ligt er in het warmteprogramma")
    assert "Beantwoord de vragen hierboven; het advies verschijnt na je eerste antwoord." in advies(oefening)
    antwoord(oefening, "tvw", 0)
    assert "⚖ Twee typen scoren gelijk" in advies(oefening)
    assert "Je hebt 1 van de 6 vragen beantwoord" in advies(oefening)
    antwoord(oefening, "tvw", 1)  # another answer to the same question
    assert "Advies: Regisserend (2 punten)" in advies(oefening)
    antwoord(oefening, "capaciteit", 1)
    assert "Advies: Regisserend (4 punten)" in advies(oefening) and "Valkuilen" in advies(oefening)
    assert "Een procesplanning met duidelijke beslismomenten." in advies(oefening)
    assert "Regisserend 4 ★ hoogste score" in advies(oefening)
    assert melding(oefening) == "✔ Antwoord opgeslagen. Je hebt 2 van de 6 vragen beantwoord."
    gegevens, versie = lege_store.formulier(dossier.id, "regierol")
    assert gegevens["antwoorden"] == {"tvw": 1, "capaciteit": 1} and versie == 3

    opnieuw = oefening_van(lege_store, dossier.id, inhoud)
    assert (vraag(opnieuw, "tvw").value, vraag(opnieuw, "capaciteit").value) == (1, 1)
    assert vraag(opnieuw, "risico").value is None
    assert "Advies: Regisserend" in advies(opnieuw)


def test_regierol_keuze_vastleggen_vraagt_rol_en_onderbouwing(lege_store, dossier, inhoud):
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    antwoord(oefening, "capaciteit", 1)  # advice: regisserend
    assert "Nog geen keuze vastgelegd." in tekst(een(oefening, "wk-regierol-vastgelegd"))
    knop(oefening, "Keuze vastleggen").click()
    assert "Niet gelukt: Kies eerst een regierol" in keuze_melding(oefening)
    kies(veld(oefening, "Gekozen regierol"), "Verbindend en faciliterend")
    assert "De gemeente brengt partijen samen" in tekst(een(oefening, "wk-regierol-keuze-uitleg"))
    veld(oefening, "Onderbouwing").value = "Past goed"
    knop(oefening, "Keuze vastleggen").click()
    assert "minstens 4 woorden" in keuze_melding(oefening)
    assert "keuze" not in lege_store.formulier(dossier.id, "regierol")[0]
    veld(oefening, "Onderbouwing").value = "De coöperatie in de wijk <b>trekt</b> zelf."
    knop(oefening, "Keuze vastleggen").click()
    assert keuze_melding(oefening) == "✔ Keuze vastgelegd: Verbindend en faciliterend."
    keuze = lege_store.formulier(dossier.id, "regierol")[0]["keuze"]
    assert keuze["type"] == "verbindend" and keuze["onderbouwing"] == "De coöperatie in de wijk <b>trekt</b> zelf."
    vandaag = datum_nl(datetime.fromisoformat(keuze["vastgelegd"]).astimezone())
    for scherm in (oefening, oefening_van(lege_store, dossier.id, inhoud)):
        vastgelegd = een(scherm, "wk-regierol-vastgelegd")
        assert f"✔ Vastgelegde keuze: Verbindend en faciliterend op {vandaag}." in tekst(vastgelegd)
        assert "Onderbouwing: De coöperatie in de wijk <b>trekt</b> zelf." in tekst(vastgelegd)
        assert "wijkt af van het advies uit de vragen (Regisserend)" in tekst(vastgelegd)
        assert "<b>trekt</b>" not in opmaak(vastgelegd)
        assert veld(scherm, "Gekozen regierol").label == "Verbindend en faciliterend"
        assert veld(scherm, "Onderbouwing").value.startswith("De coöperatie")
        assert vraag(scherm, "capaciteit").value == 1


def test_regierol_toont_toelichting_bron_en_gevoeligheid(lege_store, dossier, inhoud):
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    teksten = tekst(oefening)
    assert inhoud.fase1.regierol.toelichting in teksten and "Bron: Eigen indeling in vier typen" in teksten
    assert "⚠ Bestuurlijk gevoelig: bespreek de keuze met je bestuurlijk opdrachtgever" in teksten


def test_regierol_gelijktijdig_gewijzigd_geeft_melding_en_toont_nieuwste(lege_store, dossier, inhoud):
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    antwoord(oefening, "tvw", 1)
    _gegevens, versie = lege_store.formulier(dossier.id, "regierol")
    lege_store.bewaar_formulier(dossier.id, "regierol", {"antwoorden": {"tvw": 3, "risico": 2}}, versie)
    antwoord(oefening, "bewoners", 0)
    assert "Iemand anders heeft dit formulier intussen opgeslagen" in melding(oefening)
    assert lege_store.formulier(dossier.id, "regierol")[0] == {"antwoorden": {"tvw": 3, "risico": 2}}
    assert (vraag(oefening, "tvw").value, vraag(oefening, "risico").value) == (3, 2)
    assert vraag(oefening, "bewoners").value is None
    antwoord(oefening, "bewoners", 0)  # now on the newest version: saved
    assert lege_store.formulier(dossier.id, "regierol")[0]["antwoorden"] == {"tvw": 3, "risico": 2, "bewoners": 0}


def test_half_getypte_onderbouwing_blijft_staan_als_elders_op_de_pagina_iets_wordt_bewaard(
        lege_store, dossier, inhoud):
    context = WerkboekContext(lege_store, inhoud, dossier_id=dossier.id)
    oefening = RegierolOefening(context)
    veld(oefening, "Onderbouwing").value = "Half getypt"
    context.gewijzigd()  # another exercise on the page saved
    assert veld(oefening, "Onderbouwing").value == "Half getypt"
