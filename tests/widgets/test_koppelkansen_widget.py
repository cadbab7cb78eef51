"""'Strategieën voor koppelkansen' without a browser: take over phase 2, add, score, rank, rename, decide and
delete, as a user does (labels, buttons, the stable ``wk-koppelkansen-…`` classes), and check what the dossier
holds and what a fresh page shows."""

from __future__ import annotations

import pytest
from hulp import een, keuzes, kies, knop, melding, tekst, veld, zichtbaar

from wijkkompas_widgets import teksten
from wijkkompas_widgets.dossier import formulieren
from wijkkompas_widgets.dossier.records import KoppelkansInvoer, StrategieInvoer, WerkInvoer
from wijkkompas_widgets.werkboek import open_werkboek
from wijkkompas_widgets.widgets.context import maak_context
from wijkkompas_widgets.widgets.koppelkansen import KoppelkansenOefening

KOPPELKANSEN = "f3-strategieen-koppelkansen"
WENSEN, KOSTEN, TIJD = ("Past bij de wensen in de wijk", "Extra kosten (5 = weinig)",
                        "Tijd voor besluit en uitvoering (5 = kort)")


def scherm_van(store_url, dossier_id):
    return open_werkboek("x", store_url=store_url, query={"dossier": dossier_id}).kaart(KOPPELKANSEN).oefening


def kies_kans(scherm, titel: str) -> None:
    """Pick a koppelkans in 'Koppelkans' by its name (the option also says where it came from)."""
    keuze = een(scherm, "wk-koppelkansen-kies")
    kies(keuze, next(label for label in keuzes(keuze) if label.startswith(f"{titel} (")))


def ranglijst(scherm) -> str:
    return zichtbaar(een(scherm, "wk-koppelkansen-ranglijst").value)


def scores(scherm) -> list:
    return [veld(scherm, label).value for label in (WENSEN, KOSTEN, TIJD)]


@pytest.fixture
def dossier(lege_store):
    """A dossier with two works that fall together and one sociale koppelkans from phase 2."""
    dossier = lege_store.maak_dossier("Fase 3-wijk")
    for omschrijving, eigenaar in (("Riool vervangen", "Gemeente"), ("Gasleiding vervangen", "Netbeheerder")):
        lege_store.voeg_werk_toe(dossier.id, WerkInvoer(omschrijving, eigenaar, "riolering", "Noordbuurt", "buurt",
                                                        2028, 2029))
    lege_store.bewaar_formulier(dossier.id, formulieren.SOCIALE_KOPPELKANSEN, {"koppelkansen": {"k1": {
        "titel": "Energiecoach <op huisbezoek>", "domein": "sociaal-domein", "opgaven": ["energietransitie"],
        "beschrijving": "Mee met het wijkteam", "aangemaakt": "2026-01-01T10:00:00"}}}, 0)
    return dossier


def test_kandidaten_uit_fase2_overnemen_zegt_hoeveel_en_niet_dubbel(store_url, lege_store, dossier):
    scherm = scherm_van(store_url, dossier.id)
    knop(scherm, "Kandidaten uit fase 2 overnemen").click()
    assert "2 kandidaten uit fase 2 toegevoegd" in melding(scherm)
    titels = [k.titel for k in lege_store.koppelkansen(dossier.id)]
    assert titels == ["Samen de straat open: Noordbuurt (2028–2029)", "Energiecoach <op huisbezoek>"]
    knop(scherm, "Kandidaten uit fase 2 overnemen").click()
    assert "0 kandidaten" in melding(scherm) and "2 overgeslagen" in melding(scherm)
    assert len(lege_store.koppelkansen(dossier.id)) == 2
    # user text is escaped in the page
    html = een(scherm, "wk-koppelkansen-ranglijst").value
    assert "<op huisbezoek>" not in html and "&lt;op huisbezoek&gt;" in html


def test_zonder_fase2_gegevens_een_duidelijke_melding(store_url, lege_store):
    leeg = lege_store.maak_dossier("Leeg")
    scherm = scherm_van(store_url, leeg.id)
    assert "Nog geen koppelkansen in het register" in zichtbaar(een(scherm, "wk-koppelkansen-details").value)
    assert veld(scherm, WENSEN).disabled and knop(scherm, "Besluit vastleggen").disabled
    knop(scherm, "Kandidaten uit fase 2 overnemen").click()
    assert "nog geen kandidaten" in melding(scherm)
    assert lege_store.koppelkansen(leeg.id) == []


def test_toevoegen_scoren_en_ranglijst_met_top3(store_url, lege_store, dossier):
    scherm = scherm_van(store_url, dossier.id)
    for titel, waarden in (("Groene daken", (5, 5, 4)), ("Regenwater afkoppelen", (4, 4, 4)),
                           ("Laadpalen", (3, 3, 3)), ("Buurtbatterij", (2, 2, 2))):
        veld(scherm, "Naam van de koppelkans").value = titel
        knop(scherm, "Koppelkans toevoegen").click()
        assert een(scherm, "wk-koppelkansen-kies").label == f"{titel} (nieuw)"  # the new one is picked
        assert veld(scherm, "Naam van de koppelkans").value == ""
        for label, waarde in zip((WENSEN, KOSTEN, TIJD), waarden, strict=True):
            veld(scherm, label).value = waarde
    veld(scherm, "Naam van de koppelkans").value = "Half gescoord"
    knop(scherm, "Koppelkans toevoegen").click()
    veld(scherm, WENSEN).value = 5
    assert "Half gescoord: score 'Past bij de wensen in de wijk' = 5 opgeslagen." in melding(scherm)

    kansen = {k.titel: k for k in lege_store.koppelkansen(dossier.id)}
    assert kansen["Groene daken"].scores == {"wensen": 5, "extra-kosten": 5, "doorlooptijd": 4}
    assert kansen["Half gescoord"].scores == {"wensen": 5}
    lijst = ranglijst(scherm)
    assert "★ 1 (top 3) Groene daken 5 5 4 4,7 ○ open" in lijst and "★ 3 (top 3) Laadpalen" in lijst
    assert "4 Buurtbatterij" in lijst and "★ 4" not in lijst
    assert "Nog niet volledig gescoord" in lijst and "Half gescoord — ontbreekt: Extra kosten" in lijst
    assert "top 3" in een(scherm, "wk-koppelkansen-figuur").value  # the chart's alt text

    # a fresh page shows the same scores and the same ranking
    opnieuw = scherm_van(store_url, dossier.id)
    kies_kans(opnieuw, "Groene daken")
    assert scores(opnieuw) == [5, 5, 4]
    assert ranglijst(opnieuw) == lijst


def test_score_terug_naar_onbekend_haalt_hem_uit_de_ranglijst(store_url, lege_store, dossier):
    kans = lege_store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Groene daken"))
    lege_store.zet_koppelkans_scores(dossier.id, kans.id, {"wensen": 4, "extra-kosten": 4, "doorlooptijd": 4}, 1)
    scherm = scherm_van(store_url, dossier.id)
    kies_kans(scherm, "Groene daken")
    kies(veld(scherm, TIJD), "– onbekend –")
    assert lege_store.koppelkans(dossier.id, kans.id).scores == {"wensen": 4, "extra-kosten": 4}
    assert "= onbekend opgeslagen" in melding(scherm)
    assert "ontbreekt: Tijd voor besluit" in ranglijst(scherm)


def test_koppelkans_hernoemen_houdt_scores_en_besluit_en_weigert_een_dubbele_naam(store_url, lege_store, dossier):
    noord, coach = lege_store.importeer_koppelkansen(dossier.id, [
        KoppelkansInvoer("Samen de straat open: Noord", "natuurlijk-moment"), KoppelkansInvoer("Energiecoach")])
    lege_store.zet_koppelkans_scores(dossier.id, noord.id, {"wensen": 4, "extra-kosten": 4, "doorlooptijd": 3}, 1)
    scherm = scherm_van(store_url, dossier.id)
    kies_kans(scherm, noord.titel)
    with pytest.raises(AssertionError):  # the rename box is hidden until asked for
        veld(scherm, "Nieuwe naam")
    knop(scherm, "Naam of omschrijving wijzigen…").click()
    assert veld(scherm, "Nieuwe naam").value == noord.titel

    veld(scherm, "Nieuwe naam").value = coach.titel  # already in the register: refused, nothing changes
    knop(scherm, "Wijziging opslaan").click()
    assert "al een koppelkans met de naam" in melding(scherm)
    assert lege_store.koppelkans(dossier.id, noord.id).titel == noord.titel

    veld(scherm, "Nieuwe naam").value = "Warmtenet mee in de rioolsleuf <Noord>"
    veld(scherm, "Omschrijving", klasse="wk-koppelkansen-wijzig").value = "Gemeente en netbeheerder graven één keer."
    knop(scherm, "Wijziging opslaan").click()
    nieuw = lege_store.koppelkans(dossier.id, noord.id)
    assert nieuw.titel == "Warmtenet mee in de rioolsleuf <Noord>"
    assert nieuw.omschrijving == "Gemeente en netbeheerder graven één keer."
    assert nieuw.scores == {"wensen": 4, "extra-kosten": 4, "doorlooptijd": 3} and nieuw.herkomst == noord.herkomst
    assert "heet nu" in melding(scherm)
    with pytest.raises(AssertionError):  # the box closed
        knop(scherm, "Wijziging opslaan")
    html = een(scherm, "wk-koppelkansen-ranglijst").value
    assert "&lt;Noord&gt;" in html and "<Noord>" not in html

    # someone else renamed it meanwhile: this edit is refused and the page shows the newest name
    knop(scherm, "Naam of omschrijving wijzigen…").click()
    lege_store.wijzig_koppelkans(dossier.id, noord.id, KoppelkansInvoer("Warmtenet Noord", nieuw.herkomst,
                                                                        nieuw.herkomst_ref, ""), nieuw.versie)
    veld(scherm, "Nieuwe naam").value = "Mijn versie"
    knop(scherm, "Wijziging opslaan").click()
    assert "Iemand anders" in melding(scherm)
    assert lege_store.koppelkans(dossier.id, noord.id).titel == "Warmtenet Noord"
    assert "Warmtenet Noord" in ranglijst(scherm)


def test_eigen_criterium_geldt_voor_alle_koppelkansen(store_url, lege_store, dossier):
    kans = lege_store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Groene daken"))
    lege_store.zet_koppelkans_scores(dossier.id, kans.id, {"wensen": 4, "extra-kosten": 4, "doorlooptijd": 4}, 1)
    scherm = scherm_van(store_url, dossier.id)
    assert "Nog geen eigen criteria" in zichtbaar(een(scherm, "wk-koppelkansen-eigen-lijst").value)
    veld(scherm, "Eigen criterium", exact=True).value = "Zichtbaar voor bewoners"
    knop(scherm, "Criterium toevoegen").click()
    assert "Criterium 'Zichtbaar voor bewoners' toegevoegd" in melding(scherm)
    eigen = "Zichtbaar voor bewoners (eigen criterium)"
    assert veld(scherm, eigen).options[-1][0].startswith("5 · scoort heel goed")
    assert "ontbreekt: Zichtbaar voor bewoners" in ranglijst(scherm)
    kies_kans(scherm, "Groene daken")
    veld(scherm, eigen).value = 5
    assert lege_store.koppelkans(dossier.id, kans.id).scores["Zichtbaar voor bewoners"] == 5
    assert "4,3" in ranglijst(scherm)
    # the same name twice is refused, nothing changes
    veld(scherm, "Eigen criterium", exact=True).value = "zichtbaar voor BEWONERS"
    knop(scherm, "Criterium toevoegen").click()
    assert "bestaat al" in melding(scherm)
    assert keuzes(veld(scherm, "Eigen criterium weghalen")) == ["Zichtbaar voor bewoners"]
    # another page sees the criterion; removing it takes it out of the ranking
    ander = scherm_van(store_url, dossier.id)
    assert veld(ander, eigen).value is None  # a field for it, not yet scored
    kies(veld(ander, "Eigen criterium weghalen"), "Zichtbaar voor bewoners")
    knop(ander, "Weghalen").click()
    assert "weggehaald" in melding(ander)
    with pytest.raises(AssertionError):
        veld(ander, eigen)
    assert "4,0" in ranglijst(ander) and "Nog geen eigen criteria" in zichtbaar(
        een(ander, "wk-koppelkansen-eigen-lijst").value)


def test_besluit_niet_gekozen_vraagt_een_reden_en_komt_in_het_besluitenlog(store_url, lege_store, dossier):
    kans = lege_store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Buurtbatterij"))
    scherm = scherm_van(store_url, dossier.id)
    kies_kans(scherm, "Buurtbatterij")
    kies(veld(scherm, "Besluit", exact=True), "Niet gekozen")
    knop(scherm, "Besluit vastleggen").click()
    assert "Niet gelukt" in melding(scherm) and "reden" in melding(scherm)
    assert lege_store.koppelkans(dossier.id, kans.id).besluit is None
    assert lege_store.besluiten(dossier.id) == []

    veld(scherm, "Reden").value = "Te duur voor wat het oplevert"
    veld(scherm, "Wie waren erbij?").value = "gemeente, corporatie"
    knop(scherm, "Besluit vastleggen").click()
    assert "'Buurtbatterij' is niet gekozen; het besluit staat in het besluitenlog." in melding(scherm)
    opgeslagen = lege_store.koppelkans(dossier.id, kans.id)
    assert (opgeslagen.besluit, opgeslagen.reden) == ("niet", "Te duur voor wat het oplevert")
    (besluit,) = lege_store.besluiten(dossier.id)
    assert besluit.wat == "Koppelkans niet gekozen: Buurtbatterij" and besluit.aanwezig == "gemeente, corporatie"
    assert besluit.knooppunt_id == KOPPELKANSEN

    opnieuw = scherm_van(store_url, dossier.id)
    kies_kans(opnieuw, "Buurtbatterij")
    assert (veld(opnieuw, "Besluit", exact=True).label, veld(opnieuw, "Reden").value) == (
        "Niet gekozen", "Te duur voor wat het oplevert")
    assert "✖ niet gekozen" in zichtbaar(een(opnieuw, "wk-koppelkansen-details").value)


def test_een_nieuwe_score_laat_een_half_getypte_reden_staan(store_url, lege_store, dossier):
    lege_store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Groene daken"))
    scherm = scherm_van(store_url, dossier.id)
    kies_kans(scherm, "Groene daken")
    veld(scherm, "Reden").value = "Omdat bewoners het"
    veld(scherm, WENSEN).value = 4
    assert veld(scherm, "Reden").value == "Omdat bewoners het"


def test_verwijderen_vraagt_bevestiging(store_url, lege_store, dossier):
    lege_store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Weg ermee"))
    scherm = scherm_van(store_url, dossier.id)
    kies_kans(scherm, "Weg ermee")
    knop(scherm, "Verwijderen…").click()
    assert "Weet je zeker dat je Weg ermee uit het register wilt halen?" in tekst(scherm)
    knop(scherm, "Nee, bewaren").click()
    assert len(lege_store.koppelkansen(dossier.id)) == 1
    knop(scherm, "Verwijderen…").click()
    knop(scherm, "Ja, verwijderen").click()
    assert lege_store.koppelkansen(dossier.id) == []
    assert "'Weg ermee' is uit het register gehaald." in melding(scherm)
    assert een(scherm, "wk-koppelkansen-kies").value is None


def test_gelijktijdige_score_overschrijft_niets(store_url, lege_store, dossier):
    kans = lege_store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Groene daken"))
    scherm = scherm_van(store_url, dossier.id)
    kies_kans(scherm, "Groene daken")
    lege_store.zet_koppelkans_scores(dossier.id, kans.id, {"wensen": 2}, kans.versie)  # a colleague, meanwhile
    veld(scherm, KOSTEN).value = 5
    assert "Iemand anders" in melding(scherm)
    assert lege_store.koppelkans(dossier.id, kans.id).scores == {"wensen": 2}
    assert veld(scherm, WENSEN).value == 2  # the page now shows the colleague's score


def test_een_gekozen_koppelkans_in_een_strategie_kan_niet_weg(store_url, lege_store, dossier):
    kans = lege_store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Riool en warmtenet samen"))
    kans = lege_store.besluit_koppelkans(dossier.id, kans.id, "gekozen", "", kans.versie)
    lege_store.voeg_strategie_toe(dossier.id, StrategieInvoer("Warmtenet", "S2", (kans.id,)))
    scherm = scherm_van(store_url, dossier.id)
    kies_kans(scherm, "Riool en warmtenet samen")
    knop(scherm, "Verwijderen…").click()
    knop(scherm, "Ja, verwijderen").click()
    assert "Haal de koppelkans daar eerst weg" in melding(scherm)
    assert len(lege_store.koppelkansen(dossier.id)) == 1


def test_zonder_dossier_een_uitnodiging_en_daarna_de_oefening(store_url, lege_store, dossier):
    context = maak_context(store_url, {})
    context.dossier_id = None  # (opening the store placed the example dossier; act as if none is chosen)
    scherm = KoppelkansenOefening(context)
    assert teksten.GEEN_DOSSIER in tekst(scherm)
    with pytest.raises(AssertionError):
        knop(scherm, "Kandidaten uit fase 2 overnemen")
    context.dossier_id = dossier.id
    knop(scherm, "Kandidaten uit fase 2 overnemen").click()
    assert "2 kandidaten uit fase 2 toegevoegd" in melding(scherm)
