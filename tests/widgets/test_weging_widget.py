"""'Criteria bepalen voor keuze van energiesysteem' as a user drives it without a browser: criteria from the
catalogue or own, each party's points with the live sum, the overview, and fixing and withdrawing the weights."""

from __future__ import annotations

import pytest
from hulp import een, getoond, keuzes, kies, knop, knoppen, melding, met_klasse, tekst, veld

from wijkkompas_widgets.dossier import PartijInvoer
from wijkkompas_widgets.werkboek import open_werkboek

WEGING = "f3-criteria-en-weging"


@pytest.fixture
def dossier(lege_store):
    dossier = lege_store.maak_dossier("Wijk Noord")
    for naam, soort in (("Gemeente", "gemeente"), ("Corporatie", "woningcorporatie"), ("Bewonersraad", "overig")):
        lege_store.voeg_partij_toe(dossier.id, PartijInvoer(naam, soort))
    return dossier


def pagina(store_url: str, dossier_id: str):
    return open_werkboek("03_strategieen.ipynb", store_url=store_url, query={"dossier": dossier_id})


def weging_van(store_url: str, dossier_id: str):
    return pagina(store_url, dossier_id).kaart(WEGING).oefening


def punten_velden(weging) -> list:
    return met_klasse(weging, "wk-weging-punten-veld")


def kies_partij(weging, naam: str) -> None:
    partij = veld(weging, "Punten van partij")
    kies(partij, next(label for label in keuzes(partij) if label.startswith(f"{naam} (")))


def geef_punten(weging, partij: str, punten: list[int]) -> None:
    kies_partij(weging, partij)
    for punt_veld, waarde in zip(punten_velden(weging), punten, strict=True):
        punt_veld.value = waarde
    knop(weging, "Punten opslaan").click()


def test_van_criteria_via_punten_tot_vastzetten_en_intrekken(store_url, lege_store, dossier):
    store, did = lege_store, dossier.id
    wb = pagina(store_url, did)
    weging = wb.kaart(WEGING).oefening
    log = een(wb.besluitenlog(), "wk-oefening-besluitenlog")  # the log on the same page refreshes after a save
    # criteria: the catalogue's defaults are pre-ticked; one click takes them over
    lijst = veld(weging, "Criteria uit de lijst")
    assert "Nationale kosten (standaard)" in keuzes(lijst) and lijst.value
    knop(weging, "Standaardcriteria overnemen").click()
    standaard = store.criteria(did)
    assert len(standaard) >= 5 and all(c.catalogus_id for c in standaard)
    assert "standaardcriteria overgenomen" in melding(weging)
    assert not knoppen(weging, "Standaardcriteria overnemen")
    # remove all but three (after confirming), add an own one
    for criterium in standaard[3:]:
        kies(veld(weging, "Criterium aanpassen"), criterium.naam)
        voor = len(store.criteria(did))
        knop(weging, "Verwijderen…").click()
        assert len(store.criteria(did)) == voor  # only asked, nothing removed yet
        assert f"Weet je zeker dat je {criterium.naam} wilt verwijderen?" in tekst(weging)
        knop(weging, "Ja, verwijderen").click()
        assert len(store.criteria(did)) == voor - 1 and f"'{criterium.naam}' verwijderd" in melding(weging)
    assert len(store.criteria(did)) == 3
    veld(weging, "Eigen criterium").value = "Lokale werkgelegenheid"
    knop(weging, "Eigen criterium toevoegen").click()
    criteria = store.criteria(did)
    assert [c.naam for c in criteria][-1] == "Lokale werkgelegenheid" and len(criteria) == 4
    assert veld(weging, "Eigen criterium").value == ""
    assert "eigen criterium" in tekst(een(weging, "wk-weging-criteria"))

    # points: live sum; a party not summing to 100 is normalised and says so; all zero is refused
    kies_partij(weging, "Gemeente")
    for punt_veld, waarde in zip(punten_velden(weging), [40, 20, 10, 7], strict=True):
        punt_veld.value = waarde
    assert "Nog te verdelen: 23 van 100 punten" in tekst(een(weging, "wk-weging-som"))
    punten_velden(weging)[3].value = 30
    assert "Alle 100 punten zijn verdeeld" in tekst(een(weging, "wk-weging-som"))
    knop(weging, "Punten opslaan").click()
    assert "De punten van Gemeente zijn opgeslagen" in melding(weging)
    assert "Gemeente (gewogen)" in keuzes(veld(weging, "Punten van partij"))
    geef_punten(weging, "Corporatie", [0, 0, 0, 0])
    assert "Alle criteria hebben 0 punten" in melding(weging)
    assert store.wegingen(did).keys() == {next(p.id for p in store.partijen(did) if p.naam == "Gemeente")}
    geef_punten(weging, "Corporatie", [10, 50, 10, 10])  # 80 points
    assert "opgeslagen" in melding(weging) and "80 in plaats van 100" in melding(weging)
    corporatie = next(p.id for p in store.partijen(did) if p.naam == "Corporatie")
    assert store.wegingen(did)[corporatie] == {criteria[0].id: 10, criteria[1].id: 50, criteria[2].id: 10,
                                               criteria[3].id: 10}
    overzicht = tekst(een(weging, "wk-weging-overzicht"))
    assert "62,5%" in overzicht  # 50 of 80 points
    assert "Bewonersraad onbekend" in overzicht and "Gezamenlijk (gemiddelde)" in overzicht
    assert "lopen de gewichten flink uiteen" in overzicht
    assert "wk-figuur" in een(weging, "wk-weging-grafiek").value
    assert "Nog niet (volledig) gewogen: Bewonersraad" in tekst(een(weging, "wk-weging-vastgezet"))

    # fix: a besluit appears; inputs lock
    veld(weging, "Wie waren erbij?", klasse="wk-weging-vastzetten-vak").value = "Gemeente, Corporatie"
    veld(weging, "Onderbouwing", klasse="wk-weging-vastzetten-vak").value = "Bewonersraad kon niet."
    knop(weging, "Weging vastzetten").click()
    assert "besluitenlog als nr. 1" in melding(weging) and "Zonder punten van: Bewonersraad" in melding(weging)
    vast = store.vastzetting(did)
    assert vast is not None and vast.gewichten[criteria[0].id] == pytest.approx((0.4 + 0.125) / 2)
    assert "Vastgezet op" in tekst(een(weging, "wk-weging-status"))
    assert "besluit nr. 1" in tekst(een(weging, "wk-weging-status"))
    assert knop(weging, "Punten opslaan").disabled and knop(weging, "Eigen criterium toevoegen").disabled
    assert not knoppen(weging, "Weging vastzetten")
    assert "Nationale kosten 26,2%" in tekst(een(weging, "wk-weging-vastgezet"))
    assert "Weging vastgezet" in tekst(een(log, "wk-besluitenlog-lijst"))

    # withdrawing asks for a reason and is logged; criteria and points can change again
    knop(weging, "Vastzetting intrekken…").click()
    assert getoond(een(weging, "wk-weging-intrekken-vak"))
    knop(weging, "Ja, trek de vastzetting in").click()
    assert "reden" in melding(weging).lower() and store.vastzetting(did) is not None
    veld(weging, "Reden om in te trekken").value = "Bewonersraad wil alsnog meewegen."
    veld(weging, "Wie waren erbij?", klasse="wk-weging-intrekken-vak").value = "Kernteam"
    knop(weging, "Ja, trek de vastzetting in").click()
    assert store.vastzetting(did) is None and "besluit nr. 2" in melding(weging)
    assert not getoond(een(weging, "wk-weging-intrekken-vak"))
    assert "ingetrokken" in tekst(een(weging, "wk-weging-vastgezet"))
    assert not knop(weging, "Eigen criterium toevoegen").disabled and not knop(weging, "Punten opslaan").disabled
    assert "ingetrokken" in tekst(een(log, "wk-besluitenlog-lijst"))


def test_vastgezette_weging_weigert_wijzigingen_met_de_melding_van_de_opslag(store_url, lege_store, dossier):
    store, did = lege_store, dossier.id
    ids = [store.voeg_criterium_toe(did, naam).id for naam in ("Kosten", "CO2", "Draagvlak")]
    gemeente = next(p.id for p in store.partijen(did) if p.naam == "Gemeente")
    store.zet_weging(did, gemeente, {ids[0]: 50, ids[1]: 30, ids[2]: 20})
    store.zet_weging_vast(did, dict.fromkeys(ids, 1), "Kernteam", "Start")
    weging = weging_van(store_url, did)
    veld(weging, "Eigen criterium").value = "Nog een"
    knop(weging, "Eigen criterium toevoegen").click()  # disabled in the page; the store refuses anyway
    assert "weging is vastgezet" in melding(weging)
    assert len(store.criteria(did)) == 3


def test_criteria_uit_de_lijst_hernoemen_en_getypte_punten_blijven_staan(store_url, lege_store, dossier):
    store, did = lege_store, dossier.id
    wb = pagina(store_url, did)
    weging = wb.kaart(WEGING).oefening
    lijst = veld(weging, "Criteria uit de lijst")
    lijst.value = ("nationale-kosten", "draagvlak")
    knop(weging, "Aangevinkte criteria toevoegen").click()
    assert [c.catalogus_id for c in store.criteria(did)] == ["nationale-kosten", "draagvlak"]
    assert "nationale-kosten" not in [waarde for _label, waarde in lijst.options]  # already in the dossier
    lijst.value = ("vollooprisico",)
    knop(weging, "Aangevinkte criteria toevoegen").click()
    assert "Toegevoegd" in melding(weging) and len(store.criteria(did)) == 3
    criterium = store.criteria(did)[1]
    kies(veld(weging, "Criterium aanpassen"), criterium.naam)
    assert veld(weging, "Naam", exact=True).value == criterium.naam
    veld(weging, "Naam", exact=True).value = "Steun in de <wijk>"
    knop(weging, "Wijziging opslaan").click()
    assert store.criteria(did)[1].naam == "Steun in de <wijk>"
    html = een(weging, "wk-weging-criteria").value
    assert "&lt;wijk&gt;" in html and "<wijk>" not in html
    # points being typed survive a save elsewhere on the page (e.g. a knooppunt status)
    kies_partij(weging, "Gemeente")
    eerste = punten_velden(weging)[0]
    eerste.value = 60
    wb.context.gewijzigd()
    assert eerste.value == 60 and "Nog te verdelen: 40 van 100" in tekst(een(weging, "wk-weging-som"))
    knop(weging, "Gelijk verdelen").click()
    assert [v.value for v in punten_velden(weging)] == [34, 33, 33]
    # another party shows its own (saved) points, with a note that it has none yet
    kies_partij(weging, "Corporatie")
    assert [v.value for v in punten_velden(weging)] == [0, 0, 0]
    assert "nog geen punten opgeslagen" in tekst(weging)


def test_zonder_dossier_zegt_de_weging_dat_je_een_dossier_moet_kiezen(store_url, lege_store, dossier):
    wb = pagina(store_url, dossier.id)
    weging = wb.kaart(WEGING).oefening
    assert "Punten per partij" in tekst(weging)
    wb.context.dossier_id = None  # e.g. the dossier was deleted on this page
    assert "Punten per partij" not in tekst(weging) and "dossier" in tekst(weging).lower()
