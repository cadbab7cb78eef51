"""Samenwerking formaliseren as a user works it: choose the agreements, write the mandate, pick the signatories;
every change is saved and the draft afsprakennota follows. Controls are found by label and
``wk-afspraken-…`` class only."""

from __future__ import annotations

import base64
import html
import re

import pytest
from hulp import een, kies, kies_meer, knop, knoppen, melding, opmaak, tekst, veld

from wijkkompas_widgets.analysis.afsprakennota import NOG_NIET
from wijkkompas_widgets.dossier import PartijInvoer
from wijkkompas_widgets.widgets.context import WerkboekContext
from wijkkompas_widgets.widgets.regierol import RegierolOefening
from wijkkompas_widgets.widgets.samenwerking_formaliseren import AfsprakenOefening


@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Testwijk", "Noord", "Delft")


@pytest.fixture
def naam(inhoud):
    """The name a user reads for an option of the agreements (vormen, besluitregels, …)."""
    opties = inhoud.fase1.samenwerking
    namen = {k.id: k.naam for lijst in (opties.vormen, opties.besluitregels, opties.overlegritmes, opties.escalatie)
             for k in lijst}
    return namen.__getitem__


def oefening_van(store, dossier_id, inhoud) -> AfsprakenOefening:
    return AfsprakenOefening(WerkboekContext(store, inhoud, dossier_id=dossier_id))


def voorbeeld(oefening) -> str:
    """The draft nota as the page shows it (bold names read as 'Vorm: Convenant .': tags become spaces)."""
    return tekst(een(oefening, "wk-afspraken-voorbeeld"))


def test_afspraken_invullen_geeft_nota_en_komt_terug(lege_store, dossier, inhoud, naam):
    gemeente = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente", "Gemeente",
                                                                   sporen=("C",)))
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Corporatie", "woningcorporatie"))
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    assert f"Vorm: {NOG_NIET}" in voorbeeld(oefening)
    assert "Nog niet gekozen." in tekst(een(oefening, "wk-afspraken-vorm-uitleg"))
    kies(veld(oefening, "Vorm van de samenwerking"), naam("samenwerkingsovereenkomst"))
    assert "Juridisch bindend: ja" in tekst(een(oefening, "wk-afspraken-vorm-uitleg"))
    assert "Past bij:" in tekst(een(oefening, "wk-afspraken-vorm-uitleg"))
    assert melding(oefening) == "✔ De afspraken zijn opgeslagen; de concept-afsprakennota hieronder is bijgewerkt."
    assert "Vorm: Samenwerkingsovereenkomst" in voorbeeld(oefening)  # the nota follows each change
    kies(veld(oefening, "Besluitregel"), naam("consensus"))
    kies(veld(oefening, "Overlegritme"), naam("week-maand"))
    kies(veld(oefening, "Escalatie"), naam("stuurgroep"))
    veld(oefening, "Mandaat van het projectteam").value = "Het projectteam besluit over planning en communicatie."
    veld(oefening, "Wat we nog meer afspreken").value = "We delen gegevens via één map."
    kies_meer(veld(oefening, "Ondertekenaars"), "Gemeente Delft")
    knop(oefening, "Afspraken opslaan").click()
    assert melding(oefening) == "✔ De afspraken zijn opgeslagen."  # nothing new: no extra version
    gegevens, versie = lege_store.formulier(dossier.id, "afspraken")
    assert gegevens == {
        "vorm": "samenwerkingsovereenkomst", "besluitregel": "consensus", "overlegritme": "week-maand",
        "escalatie": "stuurgroep", "mandaat": "Het projectteam besluit over planning en communicatie.",
        "overig": "We delen gegevens via één map.", "ondertekenaars": [gemeente.id],
    }
    assert versie == 7
    for zin in ("Vorm: Samenwerkingsovereenkomst", "Besluitregel: Consensus", "Overlegritme: Elke week",
                "Escalatie: Via de stuurgroep", "Het projectteam besluit over planning en communicatie.",
                "We delen gegevens via één map.", "Gemeente Delft , namens Gemeente: naam", f"Regierol: {NOG_NIET}"):
        assert zin in voorbeeld(oefening)

    link = opmaak(een(oefening, "wk-afspraken-download"))
    assert 'download="afsprakennota-noord.md"' in link and "Download als Markdown (.md)" in link
    nota = base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)", link).group(1)).decode("utf-8")
    assert nota.startswith("# Concept-afsprakennota: Testwijk")
    kopie = opmaak(een(oefening, "wk-afspraken-markdown"))
    assert "readonly" in kopie and html.escape(nota, quote=True) in kopie
    assert "Markdown om te kopiëren" in tekst(een(oefening, "wk-afspraken-markdown"))

    opnieuw = oefening_van(lege_store, dossier.id, inhoud)
    assert veld(opnieuw, "Vorm van de samenwerking").label == naam("samenwerkingsovereenkomst")
    assert veld(opnieuw, "Mandaat van het projectteam").value.startswith("Het projectteam besluit")
    assert veld(opnieuw, "Ondertekenaars").label == ("Gemeente Delft",)
    assert "Vorm: Samenwerkingsovereenkomst" in voorbeeld(opnieuw)


def test_regierolkeuze_en_nieuwe_partij_verschijnen_op_dezelfde_pagina(lege_store, dossier, inhoud):
    context = WerkboekContext(lege_store, inhoud, dossier_id=dossier.id)
    regierol, afspraken = RegierolOefening(context), AfsprakenOefening(context)  # one page
    veld(afspraken, "Mandaat van het projectteam").value = "Half getypt, nog niet af"
    kies(veld(regierol, "Gekozen regierol"), "Kaderstellend")
    veld(regierol, "Onderbouwing").value = "De corporatie wil zelf trekken hier."
    knop(regierol, "Keuze vastleggen").click()
    assert "Gekozen regierol: Kaderstellend" in voorbeeld(afspraken)
    assert "De corporatie wil zelf trekken hier." in voorbeeld(afspraken)
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Nieuwe partner", "overig"))
    context.gewijzigd()
    assert "Nieuwe partner" in veld(afspraken, "Ondertekenaars").options[0]
    assert veld(afspraken, "Mandaat van het projectteam").value == "Half getypt, nog niet af"


def test_afspraken_html_in_tekst_en_partijnaam_blijft_tekst(lege_store, dossier, inhoud):
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("# kop <script>alert(1)</script>", "overig"))
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    kies_meer(veld(oefening, "Ondertekenaars"), "# kop <script>alert(1)</script>")
    veld(oefening, "Mandaat van het projectteam").value = "<img src=x onerror=alert(1)>\n# geen kop"
    for deel in ("wk-afspraken-voorbeeld", "wk-afspraken-markdown"):
        assert "<script" not in opmaak(een(oefening, deel)) and "<img" not in opmaak(een(oefening, deel))
    assert opmaak(een(oefening, "wk-afspraken-voorbeeld")).count("<h1>") == 1
    assert "<img src=x onerror=alert(1)>" in voorbeeld(oefening)  # shown as text


def test_afspraken_gelijktijdig_gewijzigd_geeft_melding(lege_store, dossier, inhoud):
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    kies(veld(oefening, "Vorm van de samenwerking"), "Manifest")
    _gegevens, versie = lege_store.formulier(dossier.id, "afspraken")
    lege_store.bewaar_formulier(dossier.id, "afspraken", {"vorm": "convenant", "mandaat": "Van een collega."}, versie)
    veld(oefening, "Mandaat van het projectteam").value = "Van mij."
    assert "Iemand anders heeft dit formulier intussen opgeslagen" in melding(oefening)
    assert lege_store.formulier(dossier.id, "afspraken")[0]["mandaat"] == "Van een collega."
    assert veld(oefening, "Vorm van de samenwerking").label == "Convenant"
    assert veld(oefening, "Mandaat van het projectteam").value == "Van een collega."
    assert "Vorm: Convenant" in voorbeeld(oefening)


def test_afspraken_te_lange_tekst_wordt_niet_opgeslagen(lege_store, dossier, inhoud):
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    veld(oefening, "Wat we nog meer afspreken").value = "x" * 2001
    assert "Niet gelukt: Wat jullie nog meer afspreken is te lang" in melding(oefening)
    assert lege_store.formulier(dossier.id, "afspraken") == ({}, 0)
    assert veld(oefening, "Wat we nog meer afspreken").value == "x" * 2001  # kept, to shorten it


def test_zonder_dossier_tonen_de_oefeningen_een_melding(lege_store, inhoud):
    context = WerkboekContext(lege_store, inhoud, dossier_id=None)
    for oefening in (AfsprakenOefening(context), RegierolOefening(context)):
        assert "Er is geen dossier geopend" in tekst(oefening)
        assert not knoppen(oefening)  # nothing to click or fill in

