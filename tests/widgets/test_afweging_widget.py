"""'Integrale strategieën afwegen' as a user drives it without a browser: scoring only after the weights are
fixed, no ranking on incomplete scores, the ranking overall and per party, and a sensitivity check that a fresh
page repeats with the stored seed."""

from __future__ import annotations

import io

import pytest
from docx import Document
from hulp import een, getoond, keuzes, kies, knop, melding, met_klasse, tekst, veld

from wijkkompas_widgets.dossier import PartijInvoer, formulieren
from wijkkompas_widgets.dossier.records import StrategieInvoer
from wijkkompas_widgets.export.docx import exporteer_docx
from wijkkompas_widgets.leesmodel.afweging import lees_stand, plaatsen, volgorde_per_partij
from wijkkompas_widgets.werkboek import open_werkboek

AFWEGING = "f4-strategieen-afwegen"


def afweging_van(store_url: str, dossier_id: str):
    return open_werkboek("04_keuzes.ipynb", store_url=store_url, query={"dossier": dossier_id}).kaart(
        AFWEGING).oefening


@pytest.fixture
def dossier(lege_store):
    """Two parties with their own points on four criteria (three from the catalogue, one own), not fixed yet."""
    store = lege_store
    dossier = store.maak_dossier("Wijk Noord")
    gemeente = store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente", "gemeente"))
    corporatie = store.voeg_partij_toe(dossier.id, PartijInvoer("Corporatie", "woningcorporatie"))
    store.zet_standaardcriteria(dossier.id, [("Nationale kosten", "", "nationale-kosten"),
                                             ("CO2-reductie", "", "co2-reductie"), ("Draagvlak", "", "draagvlak"),
                                             ("Lokale werkgelegenheid", "")])
    ids = [c.id for c in store.criteria(dossier.id)]
    store.zet_weging(dossier.id, gemeente.id, dict(zip(ids, (40, 20, 10, 30), strict=True)))
    store.zet_weging(dossier.id, corporatie.id, dict(zip(ids, (10, 50, 10, 10), strict=True)))
    store.voeg_strategie_toe(dossier.id, StrategieInvoer("Warmtenet <b>eerst</b>", "S2", fasering="2028-2032"))
    store.voeg_strategie_toe(dossier.id, StrategieInvoer("All-electric", "S1"))
    return dossier


def zet_vast(store, dossier_id: str) -> None:
    criteria = store.criteria(dossier_id)
    # the joint weights as the weging computes them: the mean of each party's normalised points
    gewichten = dict(zip([c.id for c in criteria], ((0.4 + 0.125) / 2, (0.2 + 0.625) / 2, (0.1 + 0.125) / 2,
                                                    (0.3 + 0.125) / 2), strict=True))
    store.zet_weging_vast(dossier_id, gewichten, "Gemeente, Corporatie", "Afgesproken")


def scoor(afweging, strategie: str, scores: dict[str, int]) -> None:
    kies(veld(afweging, "Strategie om te scoren"), strategie)
    for criterium, score in scores.items():
        keuze = veld(afweging, criterium, exact=True)
        kies(keuze, next(label for label in keuzes(keuze) if label.startswith(f"{score} · ")))


def test_scoren_wordt_geweigerd_zolang_de_weging_niet_vastgezet_is(store_url, lege_store, dossier):
    afweging = afweging_van(store_url, dossier.id)
    niet_vast = een(afweging, "wk-afweging-niet-vastgezet")
    assert "nog niet vastgezet" in tekst(niet_vast) and "03_strategieen.ipynb?dossier=" in niet_vast.value
    assert not getoond(een(afweging, "wk-afweging-scoren"))
    assert "de weging is niet vastgezet" in tekst(een(afweging, "wk-afweging-rangschikking"))
    # hidden in the page; set anyway: the store refuses and the field shows what is saved
    keuze = met_klasse(afweging, "wk-afweging-score")[0]
    keuze.value = 3
    assert "Zet eerst de weging vast" in melding(afweging)
    assert lege_store.scores(dossier.id) == {} and keuze.value is None


def test_van_scores_via_rangschikking_tot_gevoeligheid(store_url, lege_store, dossier, inhoud):
    store, did = lege_store, dossier.id
    zet_vast(store, did)
    afweging = afweging_van(store_url, did)
    assert getoond(een(afweging, "wk-afweging-scoren"))
    # the level labels are the criterion's own; an own criterion gets the generic scale
    niveaus = inhoud.fase34.criterium("nationale-kosten").niveaus
    assert keuzes(veld(afweging, "Nationale kosten", exact=True))[1] == f"1 · {niveaus[0].label}"
    schaal = inhoud.fase34.schaal
    assert keuzes(veld(afweging, "Lokale werkgelegenheid", exact=True))[1] == f"1 · {schaal[0].label}"
    assert "2028-2032" in tekst(afweging)

    scoor(afweging, "Warmtenet <b>eerst</b>", {"Nationale kosten": 4, "CO2-reductie": 5})
    assert "Warmtenet <b>eerst</b> op 'CO2-reductie': score 5 opgeslagen" in melding(afweging)
    [warmtenet, alle_electric] = store.strategieen(did)
    kosten = store.criteria(did)[0]
    assert store.scores(did)[warmtenet.id][kosten.id] == (4, "")
    veld(afweging, "Toelichting", klasse=f"wk-afweging-rij-{kosten.id}").value = "Restwarmte <script>x</script>"
    assert store.scores(did)[warmtenet.id][kosten.id] == (4, "Restwarmte <script>x</script>")
    volledigheid = een(afweging, "wk-afweging-volledigheid-vak")
    assert "<script>" not in volledigheid.value and "Warmtenet &lt;b&gt;eerst&lt;/b&gt;" in volledigheid.value
    assert "2 van 4" in tekst(volledigheid)

    # incomplete: 'Onvolledig' with what is missing, no chart, no sensitivity check
    rangschikking = een(afweging, "wk-afweging-rangschikking")
    assert "Onvolledig" in tekst(rangschikking) and "All-electric heeft nog geen enkele score" in tekst(rangschikking)
    assert "wk-figuur" not in rangschikking.value
    assert not getoond(een(afweging, "wk-afweging-gevoeligheid-vak"))

    # complete: the ranking, the order per party and where the parties differ
    scoor(afweging, "Warmtenet <b>eerst</b>", {"Draagvlak": 2, "Lokale werkgelegenheid": 3})
    scoor(afweging, "All-electric", {"Nationale kosten": 2, "CO2-reductie": 3, "Draagvlak": 4,
                                     "Lokale werkgelegenheid": 5})
    assert store.scores(did)[alle_electric.id][kosten.id] == (2, "")
    assert "Onvolledig" not in tekst(rangschikking) and "staat bovenaan" in tekst(rangschikking)
    assert "1. Warmtenet <b>eerst</b> — gewogen score" in tekst(rangschikking)
    assert "wk-figuur" in rangschikking.value
    partijen = een(afweging, "wk-afweging-partijen")
    # Gemeente: A = .4*4+.2*5+.1*2+.3*3 = 3.7, B = .4*2+.2*3+.1*4+.3*5 = 3.3 → A;
    # Corporatie: A = (10*4+50*5+10*2+10*3)/80 = 4.25, B = (20+150+40+50)/80 = 3.25 → A
    assert "Alle partijen hebben dezelfde winnaar: Warmtenet <b>eerst</b>" in tekst(partijen)
    assert "<b>eerst</b>" not in partijen.value  # escaped

    # sensitivity: the seed is stored; a fresh page repeats the same result
    assert getoond(een(afweging, "wk-afweging-gevoeligheid-vak"))
    knop(afweging, "Hoe stevig is de winnaar?").click()
    assert "Gevoeligheid berekend" in melding(afweging)
    eerste = tekst(een(afweging, "wk-afweging-gevoeligheid"))
    assert "Oordeel:" in eerste and "Herhaalbaar met startgetal" in eerste
    seed = store.formulier(did, formulieren.GEVOELIGHEID)[0]["seed"]
    assert f"startgetal (seed) {seed}" in eerste
    assert f"startgetal (seed) {seed}" in tekst(een(afweging, "wk-afweging-seed"))
    opnieuw = afweging_van(store_url, did)
    assert f"startgetal (seed) {seed}" in tekst(een(opnieuw, "wk-afweging-seed"))
    knop(opnieuw, "Hoe stevig is de winnaar?").click()
    assert tekst(een(opnieuw, "wk-afweging-gevoeligheid")) == eerste
    assert "<b>eerst</b>" not in een(opnieuw, "wk-afweging-gevoeligheid").value
    # a changed score makes the shown result stale: it goes away
    scoor(opnieuw, "All-electric", {"Draagvlak": 5})
    assert tekst(een(opnieuw, "wk-afweging-gevoeligheid")) == ""


def test_een_strategie_geeft_geen_rangschikking_en_een_toelichting_vraagt_een_score(store_url, lege_store):
    store = lege_store
    dossier = store.maak_dossier("Een strategie")
    gemeente = store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente", "gemeente"))
    ids = [store.voeg_criterium_toe(dossier.id, naam).id for naam in ("Kosten", "CO2", "Draagvlak")]
    store.zet_weging(dossier.id, gemeente.id, {ids[0]: 50, ids[1]: 30, ids[2]: 20})
    store.zet_weging_vast(dossier.id, dict.fromkeys(ids, 1), "Kernteam", "Start")
    store.voeg_strategie_toe(dossier.id, StrategieInvoer("Alleen deze", "S3"))
    afweging = afweging_van(store_url, dossier.id)
    scoor(afweging, "Alleen deze", dict.fromkeys(("Kosten", "CO2", "Draagvlak"), 3))
    assert "minstens 2 strategieën" in tekst(een(afweging, "wk-afweging-rangschikking"))
    [enige] = store.strategieen(dossier.id)
    kies(veld(afweging, "Kosten", exact=True), "– nog niet gescoord –")
    assert "is weggehaald" in melding(afweging) and ids[0] not in store.scores(dossier.id)[enige.id]
    veld(afweging, "Toelichting", klasse=f"wk-afweging-rij-{ids[0]}").value = "zonder score"
    assert "Kies eerst een score bij 'Kosten'" in melding(afweging)
    assert ids[0] not in store.scores(dossier.id)[enige.id]
    assert not getoond(een(afweging, "wk-afweging-gevoeligheid-vak"))


def test_vastgezet_zonder_strategieen_zegt_waar_je_ze_samenstelt(store_url, lege_store):
    store = lege_store
    dossier = store.maak_dossier("Geen strategieën")
    gemeente = store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente", "gemeente"))
    kosten = store.voeg_criterium_toe(dossier.id, "Kosten")
    store.zet_weging(dossier.id, gemeente.id, {kosten.id: 100})
    store.zet_weging_vast(dossier.id, {kosten.id: 1}, "Kernteam", "Start")
    afweging = afweging_van(store_url, dossier.id)
    assert "Er zijn nog geen strategieën" in tekst(een(afweging, "wk-afweging-niet-vastgezet"))
    assert not getoond(een(afweging, "wk-afweging-scoren"))


def test_winnaar_op_duurzaam_gas_krijgt_de_waarschuwing_bij_de_rangschikking(store_url, store):
    """In the example dossier the hybrid strategy (S4) ranks first: the page adds the ECW caution."""
    voorbeeld = next(d for d in store.dossiers() if d.is_voorbeeld)
    rangschikking = tekst(een(afweging_van(store_url, voorbeeld.id), "wk-afweging-rangschikking"))
    assert "Hybride als tussenstap staat bovenaan" in rangschikking
    assert "rekent op duurzaam gas" in rangschikking and "2030" in rangschikking


def test_pagina_en_rapport_zeggen_hetzelfde_over_de_afweging(store_url, store):
    """The example dossier through the exercise and through the Word report: the same ranking sentences, the
    same order per party and the same sensitivity result with the team's seed."""
    voorbeeld = next(d for d in store.dossiers() if d.is_voorbeeld)
    afweging = afweging_van(store_url, voorbeeld.id)
    knop(afweging, "Hoe stevig is de winnaar?").click()  # stores the seed the report repeats
    rapport = " ".join(" ".join(p.text.split()) for p in Document(io.BytesIO(exporteer_docx(
        store, voorbeeld.id))).paragraphs)
    stand = lees_stand(store, voorbeeld.id)
    pagina = tekst(een(afweging, "wk-afweging-rangschikking"))
    for zin in (stand.rangschikking.samenvatting(), *plaatsen(stand.rangschikking), "rekent op duurzaam gas"):
        assert zin in pagina and zin in rapport
    for zin in volgorde_per_partij(stand).zinnen:
        assert zin in tekst(een(afweging, "wk-afweging-partijen")) and zin in rapport
    gevoeligheid = tekst(een(afweging, "wk-afweging-gevoeligheid"))
    herhaalbaar = gevoeligheid[gevoeligheid.index("Herhaalbaar met startgetal"):]
    oordeel = gevoeligheid.split("Oordeel: ")[1].split(" ")[0]
    assert herhaalbaar in rapport and f"Oordeel: {oordeel}" in rapport
