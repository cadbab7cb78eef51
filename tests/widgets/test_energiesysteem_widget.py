"""'Keuze voor energiesysteem vastleggen' as a user drives it without a browser: the ranking in one sentence,
a hint when the team does not choose the winner, and the choice with its dissent in the besluitenlog."""

from __future__ import annotations

from hulp import een, kies, knop, melding, tekst, veld

from wijkkompas_widgets.dossier import PartijInvoer
from wijkkompas_widgets.dossier.records import StrategieInvoer
from wijkkompas_widgets.werkboek import open_werkboek

KEUZE = "f4-energiesysteem-vastleggen"


def gerangschikt_dossier(store) -> str:
    """Weights fixed, two strategies fully scored: 'Warmtenet' ranks first."""
    dossier = store.maak_dossier("Keuzewijk")
    gemeente = store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente", "gemeente"))
    kosten, co2 = (store.voeg_criterium_toe(dossier.id, naam) for naam in ("Kosten", "CO2"))
    store.zet_weging(dossier.id, gemeente.id, {kosten.id: 60, co2.id: 40})
    store.zet_weging_vast(dossier.id, {kosten.id: 0.6, co2.id: 0.4}, "Gemeente", "Werksessie")
    for naam, code, scores in (("Warmtenet", "S2", (4, 5)), ("All-electric", "S1", (2, 3))):
        strategie = store.voeg_strategie_toe(dossier.id, StrategieInvoer(naam, code))
        for criterium, score in zip((kosten, co2), scores, strict=True):
            store.zet_score(dossier.id, strategie.id, criterium.id, score)
    return dossier.id


def test_keuze_met_afwijkend_standpunt_komt_in_het_besluitenlog(store_url, lege_store):
    did = gerangschikt_dossier(lege_store)
    wb = open_werkboek("04_keuzes.ipynb", store_url=store_url, query={"dossier": did})
    keuze = wb.kaart(KEUZE).oefening
    assert "Uit de afweging: Warmtenet staat bovenaan" in tekst(een(keuze, "wk-keuze-rangschikking"))
    assert "Er is nog geen strategie gekozen" in tekst(een(keuze, "wk-keuze-vastgelegd"))
    kies(veld(keuze, "Gekozen strategie"), "All-electric (plaats 2)")
    assert "niet de strategie die bovenaan" in tekst(een(keuze, "wk-keuze-afwijking"))
    knop(keuze, "Keuze vastleggen").click()
    assert "onderbouwing" in melding(keuze).lower() and lege_store.keuze(did) is None
    veld(keuze, "Onderbouwing (verplicht)").value = "Geen warmtebron <i>binnen</i> bereik na 2030."
    veld(keuze, "Wie waren erbij?").value = "Gemeente, Corporatie"
    veld(keuze, "Afwijkende standpunten").value = "Corporatie: liever eerst het warmtenet."
    knop(keuze, "Keuze vastleggen").click()
    assert "De keuze voor All-electric is vastgelegd en staat in het besluitenlog als nr. 2" in melding(keuze)
    gekozen = lege_store.keuze(did)
    assert gekozen.naam == "All-electric" and gekozen.afwijkend == "Corporatie: liever eerst het warmtenet."
    assert veld(keuze, "Onderbouwing (verplicht)").value == ""
    vastgelegd = een(keuze, "wk-keuze-vastgelegd")
    assert "Gekozen: All-electric" in tekst(vastgelegd) and "besluit nr. 2" in tekst(vastgelegd)
    assert "<i>binnen</i>" in tekst(vastgelegd) and "<i>binnen</i>" not in vastgelegd.value
    assert knop(keuze, "Nieuwe keuze vastleggen")
    log = tekst(een(wb.besluitenlog(), "wk-besluitenlog-lijst"))
    assert "Strategie gekozen: All-electric" in log and "Corporatie: liever eerst het warmtenet." in log


def test_zonder_rangschikking_zegt_de_keuze_waarom(store_url, lege_store):
    dossier = lege_store.maak_dossier("Nog niets")
    keuze = open_werkboek("x", store_url=store_url, query={"dossier": dossier.id}).kaart(KEUZE).oefening
    assert "Nog geen rangschikking. De weging is nog niet vastgezet" in tekst(een(keuze, "wk-keuze-rangschikking"))
