"""'Heldere afspraken over besluitvorming' without a browser: decisions added, planned, linked, refused and
deleted as a user does (labels, buttons, the ``wk-besluitvorming-…`` classes), checked in the dossier's form and on
a fresh page."""

from __future__ import annotations

import re

import pytest
from hulp import een, keuzes, kies, knop, melding, tekst, veld, zichtbaar

from wijkkompas_widgets import teksten
from wijkkompas_widgets.analysis.besluitvorming import VERWIJDERDE_PARTIJ
from wijkkompas_widgets.content import inhoud as laad_inhoud
from wijkkompas_widgets.dossier import PartijInvoer, formulieren
from wijkkompas_widgets.dossier.store import DossierStore
from wijkkompas_widgets.widgets.besluitvorming import BesluitvormingOefening
from wijkkompas_widgets.widgets.context import WerkboekContext

INHOUD = laad_inhoud()
NIEUW = "— nieuw besluit —"


@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Testwijk", "Noord", "Delft")


def oefening(store_url, dossier_id) -> BesluitvormingOefening:
    return BesluitvormingOefening(WerkboekContext(DossierStore(store_url, voorbeeld=False), INHOUD,
                                                  dossier_id=dossier_id))


def vul_in(scherm, wat: str, partij_id: int, orgaan: str, beeld: str, oordeel: str, besluitmaand: str) -> None:
    veld(scherm, "Wat moet er besloten worden").value = wat
    veld(scherm, "Partij", exact=True).value = partij_id
    veld(scherm, "Wie beslist").value = orgaan
    for stap, waarde in (("Beeldvorming", beeld), ("Oordeelsvorming", oordeel), ("Besluit", besluitmaand)):
        veld(scherm, f"{stap} (maand)").value = waarde


def html_van(scherm, deel: str) -> str:
    return zichtbaar(een(scherm, f"wk-besluitvorming-{deel}").value)


def gekozen(scherm):
    return veld(scherm, "Besluit", exact=True)


def besluiten(store, dossier_id) -> list[dict]:
    return store.formulier(dossier_id, formulieren.BESLUITVORMING)[0].get("besluiten", [])


def test_zonder_dossier_een_melding(lege_store):
    scherm = BesluitvormingOefening(WerkboekContext(lege_store, INHOUD, dossier_id=None))
    assert teksten.GEEN_DOSSIER in tekst(scherm)


def test_besluit_toevoegen_en_terugzien_in_een_nieuw_scherm(store_url, lege_store, dossier):
    gemeente = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    scherm = oefening(store_url, dossier.id)
    assert "Nog geen besluiten in de planning" in html_van(scherm, "lijst")
    vul_in(scherm, "Keuze warmtestrategie", gemeente.id, "college", "2027-01", "2027-02", "2027-03")
    assert "agenda" in html_van(scherm, "orgaan-hint")  # the hint of the college
    veld(scherm, "Dit is een go/no-go-moment").value = True
    veld(scherm, "Wat als deze partner afhaakt").value = "Dan stopt de wijkaanpak in deze vorm."
    knop(scherm, "Besluit toevoegen").click()
    assert melding(scherm) == "✔ Besluit 'Keuze warmtestrategie' is toegevoegd."
    gegevens, versie = lege_store.formulier(dossier.id, formulieren.BESLUITVORMING)
    assert versie == 1
    [rij] = gegevens["besluiten"]
    assert {k: rij[k] for k in ("wat", "partij_id", "orgaan", "beeldvorming", "oordeelsvorming", "besluit",
                                "go_no_go", "afhaken", "afhankelijk_van")} == {
        "wat": "Keuze warmtestrategie", "partij_id": gemeente.id, "orgaan": "college", "beeldvorming": "2027-01",
        "oordeelsvorming": "2027-02", "besluit": "2027-03", "go_no_go": True,
        "afhaken": "Dan stopt de wijkaanpak in deze vorm.", "afhankelijk_van": []}
    assert re.fullmatch(r"b[0-9a-f]{8}", rij["id"])
    assert gekozen(scherm).value == rij["id"] and knop(scherm, "Wijzigingen opslaan")

    opnieuw = oefening(store_url, dossier.id)
    tabel = html_van(opnieuw, "lijst")
    for stuk in ("Gemeente Delft", "Keuze warmtestrategie", "College van B&W", "januari 2027", "maart 2027",
                 "◆ ja: Dan stopt de wijkaanpak in deze vorm."):
        assert stuk in tabel
    assert "wk-figuur" in een(opnieuw, "wk-besluitvorming-figuur").value
    assert "Geen conflicten" in html_van(opnieuw, "conflicten")
    gekozen(opnieuw).value = rij["id"]
    assert (veld(opnieuw, "Wat moet er besloten worden").value, veld(opnieuw, "Partij", exact=True).label,
            veld(opnieuw, "Besluit (maand)").value) == ("Keuze warmtestrategie", "Gemeente Delft", "2027-03")


def test_voorbeeld_toevoegen_met_een_klik(store_url, lege_store, dossier):
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    vve = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("VvE Parkzicht", "vve"))
    scherm = oefening(store_url, dossier.id)
    voorbeelden = keuzes(veld(scherm, "Voorbeeldbesluit"))
    assert len(voorbeelden) == 3
    kies(veld(scherm, "Voorbeeldbesluit"), voorbeelden[1])
    knop(scherm, "Voorbeeld toevoegen").click()
    assert "Voorbeeldbesluit 'Besluit over verduurzaming in de ALV, met verhoogd quorum' is toegevoegd" in melding(
        scherm)
    [rij] = besluiten(lege_store, dossier.id)
    assert rij["partij_id"] == vve.id and rij["orgaan"] == "alv_vve"
    assert keuzes(veld(scherm, "Voorbeeldbesluit")) == [voorbeelden[0], voorbeelden[2]]
    assert gekozen(scherm).value == rij["id"] and veld(scherm, "Wie beslist").value == "alv_vve"
    assert "twee derde" in html_van(scherm, "signalen")


def test_foute_invoer_wordt_geweigerd_en_niets_opgeslagen(store_url, lege_store, dossier):
    gemeente = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    scherm = oefening(store_url, dossier.id)
    vul_in(scherm, "Keuze", gemeente.id, "college", "2027-05", "2027-04", "2027-06")
    knop(scherm, "Besluit toevoegen").click()
    assert "Niet gelukt: Oordeelsvorming (april 2027) ligt vóór beeldvorming (mei 2027)" in melding(scherm)
    veld(scherm, "Beeldvorming (maand)").value = "mei"
    knop(scherm, "Besluit toevoegen").click()
    assert "De maand van de beeldvorming moet een maand zijn in de vorm JJJJ-MM" in melding(scherm)
    veld(scherm, "Beeldvorming (maand)").value = "2027-01"
    kies(veld(scherm, "Partij", exact=True), "— kies een partij —")
    knop(scherm, "Besluit toevoegen").click()
    assert "Kies de partij die dit besluit neemt." in melding(scherm)
    assert lege_store.formulier(dossier.id, formulieren.BESLUITVORMING) == ({}, 0)
    assert veld(scherm, "Beeldvorming (maand)").value == "2027-01"  # the input stays, to correct it


def test_kring_wordt_geweigerd_en_conflict_in_woorden_onder_de_grafiek(store_url, lege_store, dossier):
    gemeente = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    scherm = oefening(store_url, dossier.id)
    vul_in(scherm, "Warmtestrategie", gemeente.id, "college", "2027-01", "2027-02", "2027-03")
    knop(scherm, "Besluit toevoegen").click()
    eerste = gekozen(scherm).value
    kies(gekozen(scherm), NIEUW)
    vul_in(scherm, "Concept-WUP", gemeente.id, "gemeenteraad", "2027-01", "2027-02", "2027-03")
    veld(scherm, "Hangt af van (Ctrl-klik)").value = (eerste,)
    knop(scherm, "Besluit toevoegen").click()
    tweede = gekozen(scherm).value
    assert ("‘Concept-WUP’ (Gemeente Delft) staat in dezelfde maand (maart 2027) gepland als ‘Warmtestrategie’"
            in html_van(scherm, "conflicten"))
    assert "⚠ conflict" in html_van(scherm, "lijst")
    versie = lege_store.formulier(dossier.id, formulieren.BESLUITVORMING)[1]

    gekozen(scherm).value = eerste
    veld(scherm, "Hangt af van (Ctrl-klik)").value = (tweede,)
    knop(scherm, "Wijzigingen opslaan").click()
    assert ("Niet gelukt: Deze afhankelijkheden vormen een kring: ‘Warmtestrategie’ → ‘Concept-WUP’ → "
            "‘Warmtestrategie’." in melding(scherm))
    assert lege_store.formulier(dossier.id, formulieren.BESLUITVORMING)[1] == versie

    gekozen(scherm).value = tweede
    veld(scherm, "Besluit (maand)").value = "2027-04"
    knop(scherm, "Wijzigingen opslaan").click()
    assert "Geen conflicten" in html_van(scherm, "conflicten")
    assert "Kritiek pad" in html_van(scherm, "samenvatting")


def test_gelijktijdig_gewijzigd_door_een_tweede_scherm(store_url, lege_store, dossier):
    gemeente = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    eerste, tweede = oefening(store_url, dossier.id), oefening(store_url, dossier.id)
    vul_in(tweede, "Van een collega", gemeente.id, "college", "", "", "2027-03")
    knop(tweede, "Besluit toevoegen").click()
    vul_in(eerste, "Van mij", gemeente.id, "directie", "", "", "2027-04")
    knop(eerste, "Besluit toevoegen").click()
    assert "Iemand anders heeft dit formulier intussen opgeslagen" in melding(eerste)
    assert [r["wat"] for r in besluiten(lege_store, dossier.id)] == ["Van een collega"]
    assert "Van een collega" in html_van(eerste, "lijst")
    vul_in(eerste, "Van mij", gemeente.id, "directie", "", "", "2027-04")
    knop(eerste, "Besluit toevoegen").click()  # now on the newest version
    assert [r["wat"] for r in besluiten(lege_store, dossier.id)] == ["Van een collega", "Van mij"]


def test_verwijderen_vraagt_bevestiging(store_url, lege_store, dossier):
    gemeente = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    scherm = oefening(store_url, dossier.id)
    assert knop(scherm, "Verwijderen…").disabled
    vul_in(scherm, "Warmtestrategie", gemeente.id, "college", "", "", "2027-03")
    knop(scherm, "Besluit toevoegen").click()
    eerste = gekozen(scherm).value
    kies(gekozen(scherm), NIEUW)
    vul_in(scherm, "Raad", gemeente.id, "gemeenteraad", "", "", "2027-09")
    veld(scherm, "Hangt af van (Ctrl-klik)").value = (eerste,)
    knop(scherm, "Besluit toevoegen").click()
    gekozen(scherm).value = eerste
    knop(scherm, "Verwijderen…").click()
    assert "1 ander(e) besluit(en) hangen ervan af" in tekst(scherm)
    knop(scherm, "Nee, bewaren").click()
    assert "hangen ervan af" not in tekst(scherm)
    assert len(besluiten(lege_store, dossier.id)) == 2
    knop(scherm, "Verwijderen…").click()
    knop(scherm, "Ja, verwijderen").click()
    assert melding(scherm) == "✔ Besluit 'Warmtestrategie' is verwijderd."
    [rij] = besluiten(lege_store, dossier.id)
    assert rij["wat"] == "Raad" and rij["afhankelijk_van"] == []
    assert gekozen(scherm).label == NIEUW


def test_verwijderde_partij_en_html_in_tekst_breken_niets(store_url, lege_store, dossier):
    vijandig = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("<script>alert(1)</script>", "gemeente"))
    ander = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Woonstad", "woningcorporatie"))
    scherm = oefening(store_url, dossier.id)
    vul_in(scherm, "<img src=x onerror=alert(1)>", vijandig.id, "college", "", "", "2027-03")
    veld(scherm, "Wat als deze partner afhaakt").value = "<b>weg</b>"
    veld(scherm, "Dit is een go/no-go-moment").value = True
    knop(scherm, "Besluit toevoegen").click()
    for deel in ("lijst", "conflicten", "signalen", "samenvatting", "figuur"):
        widget_html = een(scherm, f"wk-besluitvorming-{deel}").value
        assert "<script" not in widget_html and "<img src=x" not in widget_html and "<b>weg" not in widget_html
    assert "<script" not in melding(scherm)
    assert "&lt;script&gt;" in een(scherm, "wk-besluitvorming-lijst").value

    lege_store.verwijder_partij(dossier.id, vijandig.id)
    opnieuw = oefening(store_url, dossier.id)
    assert VERWIJDERDE_PARTIJ in html_van(opnieuw, "lijst")
    assert "niet meer in het dossier" in html_van(opnieuw, "signalen")
    vul_in(opnieuw, "Investeringsbesluit", ander.id, "rvc_bestuur", "", "", "2027-06")
    knop(opnieuw, "Besluit toevoegen").click()  # another decision can still be saved
    assert "is toegevoegd" in melding(opnieuw)
    gekozen(opnieuw).value = besluiten(lege_store, dossier.id)[0]["id"]
    assert veld(opnieuw, "Partij", exact=True).value is None  # the party is gone: choose again before saving
    knop(opnieuw, "Wijzigingen opslaan").click()
    assert "Kies de partij die dit besluit neemt." in melding(opnieuw)


def test_een_nieuwe_partij_elders_komt_in_de_keuze_zonder_wat_er_getypt_is_te_wissen(store_url, lege_store,
                                                                                     dossier):
    scherm = oefening(store_url, dossier.id)
    veld(scherm, "Wat moet er besloten worden").value = "Half getypt"
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    scherm.context.gewijzigd()  # 'De juiste partijen' on the page saved
    assert "Gemeente Delft" in keuzes(veld(scherm, "Partij", exact=True))
    assert veld(scherm, "Wat moet er besloten worden").value == "Half getypt"


def test_wisselen_van_dossier_toont_de_andere_planning(store_url, lege_store, dossier):
    gemeente = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    ander = lege_store.maak_dossier("Ander", "Zuid", "Delft")
    scherm = oefening(store_url, dossier.id)
    vul_in(scherm, "Warmtestrategie", gemeente.id, "college", "", "", "2027-03")
    knop(scherm, "Besluit toevoegen").click()
    scherm.context.dossier_id = ander.id
    assert "Nog geen besluiten" in html_van(scherm, "lijst")
    assert veld(scherm, "Wat moet er besloten worden").value == ""
    assert keuzes(veld(scherm, "Voorbeeldbesluit")) == [] and knop(scherm, "Voorbeeld toevoegen").disabled
    scherm.context.dossier_id = dossier.id
    assert "Warmtestrategie" in html_van(scherm, "lijst")
