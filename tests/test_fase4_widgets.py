"""Weighing and choosing without a browser: criteria and weights fixed before scoring, scoring and the
(refused when incomplete) ranking, sensitivity reproducible with the stored seed, the choice with dissent and
the append-only besluitenlog."""

from __future__ import annotations

import base64
import html
import re

import pytest

from wijkkompas_widgets.analysis.mca import grote_verschillen
from wijkkompas_widgets.dossier import PartijInvoer
from wijkkompas_widgets.dossier.afweging import StrategieInvoer
from wijkkompas_widgets.werkboek import open_werkboek
from wijkkompas_widgets.widgets.afweging import SLEUTEL_GEVOELIGHEID
from wijkkompas_widgets.widgets.weging import som_tekst

WEGING, AFWEGING, KEUZE = "f3-criteria-en-weging", "f4-strategieen-afwegen", "f4-energiesysteem-vastleggen"


def zichtbaar(html_tekst: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", html_tekst)).split())


def oefening(store_url: str, dossier_id: str, knooppunt: str):
    return open_werkboek("x", store_url=store_url, query={"dossier": dossier_id}).kaart(knooppunt).oefening


def besluitenlog(store_url: str, dossier_id: str):
    return open_werkboek("x", store_url=store_url, query={"dossier": dossier_id}).besluitenlog().children[1]


@pytest.fixture
def dossier(lege_store):
    dossier = lege_store.maak_dossier("Wijk Noord")
    for naam, soort in (("Gemeente", "gemeente"), ("Corporatie", "woningcorporatie"), ("Bewonersraad", "overig")):
        lege_store.voeg_partij_toe(dossier.id, PartijInvoer(naam, soort))
    return dossier


def partij_id(store, dossier_id: str, naam: str) -> int:
    return next(p.id for p in store.partijen(dossier_id) if p.naam == naam)


def geef_punten(weging, store, dossier_id: str, partij: str, punten: list[int]) -> None:
    weging._partij.value = partij_id(store, dossier_id, partij)
    for veld, waarde in zip(weging._punten.values(), punten, strict=True):
        veld.value = waarde
    weging._punten_knop.click()


def drie_criteria(store, dossier_id: str) -> list[int]:
    ids = []
    for naam in ("Kosten", "CO2", "Draagvlak"):
        ids.append(store.voeg_criterium_toe(dossier_id, naam).id)
    return ids


def scoor(afweging, strategie_id: int, scores: dict[int, int]) -> None:
    afweging._strategie.value = strategie_id
    for criterium_id, score in scores.items():
        afweging._rijen[criterium_id][0].value = score


# -- pure helpers ---------------------------------------------------------------------------------
def test_som_zegt_hoeveel_punten_er_nog_te_verdelen_zijn():
    assert som_tekst(77) == "Nog te verdelen: 23 van 100 punten."
    assert "Alle 100 punten" in som_tekst(100)
    assert "12 punten te veel" in som_tekst(112)


def test_grote_verschillen_noemen_het_criterium_en_beide_partijen():
    zinnen = grote_verschillen({"A": {"k": 0.5, "c": 0.5}, "B": {"k": 0.1, "c": 0.9}}, {"k": "Kosten", "c": "CO2"})
    assert len(zinnen) == 2 and "'Kosten'" in zinnen[0] and "50% bij A" in zinnen[0] and "10% bij B" in zinnen[0]
    assert grote_verschillen({"A": {"k": 0.5, "c": 0.5}, "B": {"k": 0.45, "c": 0.55}}, {"k": "K", "c": "C"}) == []


# -- the whole path ---------------------------------------------------------------------------------
def test_van_criteria_tot_keuze_en_besluitenlog(store_url, lege_store, dossier):
    store, did = lege_store, dossier.id
    pagina3 = open_werkboek("03_strategieen.ipynb", store_url=store_url, query={"dossier": did})
    weging = pagina3.kaart(WEGING).oefening
    log3 = pagina3.besluitenlog().children[1]  # the log on the same page refreshes after every save
    # criteria: the catalogue's defaults are pre-ticked; one click takes them over
    assert weging._standaard.layout.display == "flex"
    assert "Nationale kosten" in [label.split(" (")[0] for label, _ in weging._lijst.options]
    assert weging._lijst.value  # the 'standaard' ones are ticked
    weging._standaard.click()
    standaard = store.criteria(did)
    assert len(standaard) >= 5 and all(c.catalogus_id for c in standaard)
    assert weging._standaard.layout.display == "none"
    # remove all but three (with confirmation), add an own one
    for criterium in standaard[3:]:
        weging._kies_criterium.value = criterium.id
        voor = len(store.criteria(did))
        weging._verwijder_knop.click()
        assert len(store.criteria(did)) == voor  # only asked, nothing removed yet
        weging._bevestig.children[1].click()
        assert len(store.criteria(did)) == voor - 1
    weging._eigen_naam.value = "Lokale werkgelegenheid"
    weging._eigen_knop.click()
    criteria = store.criteria(did)
    assert [c.naam for c in criteria][-1] == "Lokale werkgelegenheid" and len(criteria) == 4
    assert "eigen criterium" in zichtbaar(weging._criteria_lijst.value)

    # weights: live sum; a party not summing to 100 is normalised and says so; all zero is refused
    weging._partij.value = partij_id(store, did, "Gemeente")
    for veld, waarde in zip(weging._punten.values(), [40, 20, 10, 7], strict=True):
        veld.value = waarde
    assert "Nog te verdelen: 23 van 100 punten" in zichtbaar(weging._som.value)
    weging._punten[criteria[3].id].value = 30
    weging._punten_knop.click()
    assert "opgeslagen" in zichtbaar(weging._melding.value)
    geef_punten(weging, store, did, "Corporatie", [0, 0, 0, 0])
    assert "Alle criteria hebben 0 punten" in zichtbaar(weging._melding.value)
    assert partij_id(store, did, "Corporatie") not in store.wegingen(did)
    geef_punten(weging, store, did, "Corporatie", [10, 50, 10, 10])  # 80 points
    melding = zichtbaar(weging._melding.value)
    assert "opgeslagen" in melding and "80 in plaats van 100" in melding and "verhoudingen" in melding
    assert store.wegingen(did)[partij_id(store, did, "Corporatie")][criteria[1].id] == 50
    overzicht = zichtbaar(weging._overzicht.value)
    assert "62,5%" in overzicht  # 50 of 80 points
    assert "Bewonersraad onbekend" in overzicht and "Gezamenlijk" in overzicht
    assert "lopen de gewichten flink uiteen" in overzicht
    assert "wk-figuur" in weging._grafiek.value
    assert "Nog niet (volledig) gewogen: Bewonersraad" in zichtbaar(weging._vast_info.value)

    # scoring is refused before the weights are fixed
    a = store.voeg_strategie_toe(did, StrategieInvoer("Warmtenet <b>eerst</b>", "S2", fasering="2028-2032"))
    b = store.voeg_strategie_toe(did, StrategieInvoer("All-electric", "S1"))
    afweging = oefening(store_url, did, AFWEGING)
    assert "nog niet vastgezet" in zichtbaar(afweging._niet_vast.value)
    assert "03_strategieen.ipynb?dossier=" in afweging._niet_vast.value
    assert afweging._scoren.layout.display == "none"
    afweging._rijen[criteria[0].id][0].value = 3  # hidden in the page; the store refuses anyway
    assert "Zet eerst de weging vast" in zichtbaar(afweging._melding.value)
    assert store.scores(did) == {} and afweging._rijen[criteria[0].id][0].value is None

    # fix: a besluit appears; inputs lock
    weging._aanwezig.value = "Gemeente, Corporatie"
    weging._onderbouwing.value = "Bewonersraad kon niet; die weegt bij de volgende ronde mee."
    weging._vastzet_knop.click()
    assert "besluitenlog als nr. 1" in zichtbaar(weging._melding.value)
    assert "Zonder punten van: Bewonersraad" in zichtbaar(weging._melding.value)
    vast = store.vastzetting(did)
    assert vast is not None and sum(vast.gewichten.values()) == pytest.approx(1)
    # joint weights: mean of the normalised weights (0.4 and 0.125 for the first criterion)
    assert vast.gewichten[criteria[0].id] == pytest.approx((0.4 + 0.125) / 2)
    assert "Vastgezet op" in zichtbaar(weging._status.value) and "besluit nr. 1" in zichtbaar(weging._status.value)
    assert weging._punten_knop.disabled and weging._eigen_knop.disabled
    assert weging._vastzet_vak.layout.display == "none"
    assert "Weging vastgezet" in zichtbaar(log3._tabel.value)
    besluit = store.besluiten(did)[0]
    assert besluit.soort == "automatisch" and besluit.wat.startswith("Weging vastgezet")

    # scoring allowed now (page 04 opened again); the level labels are the criterion's own
    afweging = oefening(store_url, did, AFWEGING)
    assert afweging._scoren.layout.display == "flex"
    labels = [label for label, _ in afweging._rijen[criteria[0].id][0].options]
    niveaus = store._inhoud.fase34.criterium(criteria[0].catalogus_id).niveaus
    assert labels[1] == f"1 · {niveaus[0].label}"
    eigen_labels = [label for label, _ in afweging._rijen[criteria[3].id][0].options]
    assert eigen_labels[1] == f"1 · {store._inhoud.fase34.schaal[0].label}"
    scoor(afweging, a.id, {criteria[0].id: 4, criteria[1].id: 5})
    assert store.scores(did)[a.id][criteria[0].id] == (4, "")
    afweging._rijen[criteria[0].id][1].value = "Restwarmte <script>x</script> is dichtbij"
    assert store.scores(did)[a.id][criteria[0].id] == (4, "Restwarmte <script>x</script> is dichtbij")
    assert "<script>" not in afweging._volledigheid.value + afweging._strategie_info.value
    assert "Warmtenet &lt;b&gt;eerst&lt;/b&gt;" in afweging._volledigheid.value

    # incomplete: 'onvolledig', the missing cells, no ranking chart
    tekst = zichtbaar(afweging._rangschikking.value)
    assert "Onvolledig" in tekst and "All-electric heeft nog geen enkele score" in tekst
    assert "wk-figuur" not in afweging._rangschikking.value
    assert afweging._gevoelig_vak.layout.display == "none"
    assert "2 van 4" in zichtbaar(afweging._volledigheid.value)

    # complete → ranking, per-party ranking and differences
    scoor(afweging, a.id, {criteria[2].id: 2, criteria[3].id: 3})
    scoor(afweging, b.id, {criteria[0].id: 2, criteria[1].id: 3, criteria[2].id: 4, criteria[3].id: 5})
    tekst = zichtbaar(afweging._rangschikking.value)
    assert "Onvolledig" not in tekst and "staat bovenaan" in tekst
    assert "wk-figuur" in afweging._rangschikking.value
    partijen = zichtbaar(afweging._partijen.value)
    # Gemeente: A = .4*4+.2*5+.1*2+.3*3 = 3.7, B = .4*2+.2*3+.1*4+.3*5 = 3.3 → A;
    # Corporatie: A = (10*4+50*5+10*2+10*3)/80 = 4.25, B = (20+150+40+50)/80 = 3.25 → A
    assert "Alle partijen hebben dezelfde winnaar: Warmtenet <b>eerst</b>" in partijen
    assert "<b>eerst</b>" not in afweging._partijen.value  # escaped
    assert afweging._gevoelig_vak.layout.display == "flex"

    # sensitivity: the seed is stored; a fresh widget reproduces the same result
    afweging._gevoelig_knop.click()
    eerste = afweging._gevoelig.value
    assert "Oordeel:" in zichtbaar(eerste) and "Herhaalbaar met startgetal" in zichtbaar(eerste)
    seed = store.formulier(did, SLEUTEL_GEVOELIGHEID)[0]["seed"]
    assert f"startgetal (seed) {seed}" in zichtbaar(eerste)
    opnieuw = oefening(store_url, did, AFWEGING)
    assert f"startgetal (seed) {seed}" in zichtbaar(opnieuw._seed_info.value)
    opnieuw._gevoelig_knop.click()
    assert zichtbaar(opnieuw._gevoelig.value) == zichtbaar(eerste)
    assert "Warmtenet <b>eerst</b>" in zichtbaar(opnieuw._gevoelig.value)
    assert "<b>eerst</b>" not in opnieuw._gevoelig.value

    # keuze with dissent: not the winner → a hint; recorded as an automatic besluit
    keuze = oefening(store_url, did, KEUZE)
    assert "staat bovenaan" in zichtbaar(keuze._rangschikking.value)
    keuze._strategie.value = b.id
    assert "niet de strategie die bovenaan" in zichtbaar(keuze._afwijking.value)
    keuze._opslaan.click()
    assert "onderbouwing" in zichtbaar(keuze._melding.value).lower() and store.keuze(did) is None
    keuze._onderbouwing.value = "Geen warmtebron <i>binnen</i> bereik na 2030."
    keuze._aanwezig.value = "Gemeente, Corporatie, Bewonersraad"
    keuze._afwijkend.value = "Corporatie: liever eerst het warmtenet."
    keuze._opslaan.click()
    gekozen = store.keuze(did)
    assert gekozen is not None and gekozen.strategie_id == b.id and gekozen.afwijkend.startswith("Corporatie")
    vastgelegd = zichtbaar(keuze._vastgelegd.value)
    assert "Gekozen: All-electric" in vastgelegd and "besluit nr. 2" in vastgelegd
    assert "Corporatie: liever eerst het warmtenet." in vastgelegd and "<i>binnen</i>" in vastgelegd
    assert "<i>binnen</i>" not in keuze._vastgelegd.value
    assert "nieuw besluit" in vastgelegd

    # besluitenlog shows the automatic entries
    log = besluitenlog(store_url, did)
    tabel = zichtbaar(log._tabel.value)
    assert "Weging vastgezet" in tabel and "Strategie gekozen: All-electric" in tabel
    assert tabel.count("Automatisch vastgelegd") == 2
    assert "Criteria bepalen voor keuze van energiesysteem" in tabel
    assert "Corporatie: liever eerst het warmtenet." in tabel

    # withdrawing the fixing is logged; criteria can change again, scoring is refused again
    weging._intrek_knop.click()
    assert weging._intrek_vak.layout.display == "flex"
    weging._intrek_ja.click()
    assert "reden" in zichtbaar(weging._melding.value).lower() and store.vastzetting(did) is not None
    weging._reden.value = "Bewonersraad wil alsnog meewegen."
    weging._intrek_aanwezig.value = "Kernteam"
    weging._intrek_ja.click()
    assert store.vastzetting(did) is None
    assert "besluit nr. 3" in zichtbaar(weging._melding.value)
    assert "ingetrokken" in zichtbaar(weging._vast_info.value)
    assert not weging._eigen_knop.disabled and not weging._punten_knop.disabled
    assert "ingetrokken" in zichtbaar(log3._tabel.value)
    verse = oefening(store_url, did, AFWEGING)
    assert verse._scoren.layout.display == "none" and "nog niet vastgezet" in zichtbaar(verse._niet_vast.value)


def test_vastgezette_weging_weigert_wijzigingen_met_de_melding_van_de_opslag(store_url, lege_store, dossier):
    store, did = lege_store, dossier.id
    ids = drie_criteria(store, did)
    store.zet_weging(did, partij_id(store, did, "Gemeente"), {ids[0]: 50, ids[1]: 30, ids[2]: 20})
    store.zet_weging_vast(did, {i: 1 for i in ids}, "Kernteam", "Start")
    weging = oefening(store_url, did, WEGING)
    weging._eigen_naam.value = "Nog een"
    weging._eigen_knop.click()  # the button is disabled in the page; the store refuses anyway
    assert "weging is vastgezet" in zichtbaar(weging._melding.value)
    assert len(store.criteria(did)) == 3
    afweging = oefening(store_url, did, AFWEGING)
    assert "Er zijn nog geen strategieën" in zichtbaar(afweging._niet_vast.value)


def test_score_buiten_de_schaal_wordt_geweigerd_en_minder_dan_twee_strategieen_geeft_geen_rangschikking(
        store_url, lege_store, dossier):
    store, did = lege_store, dossier.id
    ids = drie_criteria(store, did)
    store.zet_weging(did, partij_id(store, did, "Gemeente"), {ids[0]: 50, ids[1]: 30, ids[2]: 20})
    store.zet_weging_vast(did, {i: 1 for i in ids}, "Kernteam", "Start")
    enige = store.voeg_strategie_toe(did, StrategieInvoer("Alleen deze", "S3"))
    afweging = oefening(store_url, did, AFWEGING)
    scoor(afweging, enige.id, dict.fromkeys(ids, 3))
    assert "minstens 2 strategieën" in zichtbaar(afweging._rangschikking.value)
    # a score out of range never reaches the store (via the store directly: a clear message)
    from wijkkompas_widgets.dossier import InvoerFout

    with pytest.raises(InvoerFout, match="1 tot en met 5"):
        store.zet_score(did, enige.id, ids[0], 7)
    assert store.scores(did)[enige.id][ids[0]] == (3, "")
    # a toelichting without a score is not saved, and says why
    afweging._rijen[ids[0]][0].value = None
    assert ids[0] not in store.scores(did)[enige.id]
    afweging._rijen[ids[0]][1].value = "zonder score"
    assert "Kies eerst een score" in zichtbaar(afweging._melding.value)
    assert afweging._gevoelig_vak.layout.display == "none"


def test_besluitenlog_voegt_toe_en_corrigeert_zonder_het_origineel_te_wijzigen(store_url, lege_store, dossier):
    store, did = lege_store, dossier.id
    log = besluitenlog(store_url, did)
    assert "Nog geen besluiten" in zichtbaar(log._tabel.value)
    assert "kan niet worden gewijzigd, alleen aangevuld" in zichtbaar(log._uitleg.value)
    log._wat.value = "Inspraak tot 1 mei"
    log._opslaan.click()
    assert "onderbouwing" in zichtbaar(log._melding.value).lower() and store.besluiten(did) == []
    log._onderbouwing.value = "Planning van de <raad>"
    log._aanwezig.value = "Kernteam"
    log._knooppunt.value = "f4-inspraak"
    log._opslaan.click()
    assert "Besluit nr. 1 is vastgelegd" in zichtbaar(log._melding.value)
    assert log._wat.value == ""
    log._wat.value = "Inspraak tot 1 juni"
    log._onderbouwing.value = "De datum was verkeerd"
    log._corrigeert.value = store.besluiten(did)[0].id
    assert log._opslaan.description == "Correctie vastleggen"
    log._opslaan.click()
    assert "Correctie nr. 2" in zichtbaar(log._melding.value) and "nr. 1 blijft" in zichtbaar(log._melding.value)
    besluiten = store.besluiten(did)
    assert besluiten[0].wat == "Inspraak tot 1 mei" and besluiten[1].corrigeert_id == besluiten[0].id
    vers = besluitenlog(store_url, did)
    tabel = zichtbaar(vers._tabel.value)
    assert "Inspraak tot 1 mei" in tabel and "Gecorrigeerd door nr. 2" in tabel and "Correctie van nr. 1" in tabel
    assert "Inspraakmogelijkheden bieden op het wijkuitvoeringsplan" in tabel
    assert "&lt;raad&gt;" in vers._tabel.value and "<raad>" not in vers._tabel.value
    assert "wk-besluitenlog-gecorrigeerd" in vers._tabel.value
    # CSV download with both entries
    data = re.search(r"base64,([A-Za-z0-9+/=]+)", vers._download.value).group(1)
    csv_tekst = base64.b64decode(data).decode("utf-8-sig")
    assert csv_tekst.splitlines()[0].startswith("Nr.;Datum;Soort")
    assert "Inspraak tot 1 juni" in csv_tekst and "Gecorrigeerd door nr. 2" in csv_tekst


def test_zonder_dossier_zegt_elke_oefening_dat_je_een_dossier_moet_kiezen(store_url, lege_store, dossier):
    wb = open_werkboek("x", store_url=store_url, query={"dossier": dossier.id})
    oefeningen = [wb.kaart(k).oefening for k in (WEGING, AFWEGING, KEUZE)] + [wb.besluitenlog().children[1]]
    assert all(o.children == (o._inhoud,) for o in oefeningen)
    wb.context.dossier_id = None  # e.g. the dossier was deleted on this page
    assert all(o.children == (o._geen_dossier,) for o in oefeningen)


def test_criteria_uit_de_lijst_kiezen_hernoemen_en_getypte_punten_blijven_staan(store_url, lege_store, dossier):
    store, did = lege_store, dossier.id
    wb = open_werkboek("x", store_url=store_url, query={"dossier": did})
    weging = wb.kaart(WEGING).oefening
    weging._lijst.value = ("nationale-kosten", "draagvlak")
    weging._lijst_knop.click()
    assert [c.catalogus_id for c in store.criteria(did)] == ["nationale-kosten", "draagvlak"]
    assert "nationale-kosten" not in [v for _l, v in weging._lijst.options]  # already in the dossier
    weging._lijst.value = ("vollooprisico",)
    weging._lijst_knop.click()
    assert "Toegevoegd" in zichtbaar(weging._melding.value) and len(store.criteria(did)) == 3
    criterium = store.criteria(did)[1]
    weging._kies_criterium.value = criterium.id
    assert weging._wijzig_naam.value == criterium.naam
    weging._wijzig_naam.value = "Steun in de <wijk>"
    weging._wijzig_knop.click()
    assert store.criteria(did)[1].naam == "Steun in de <wijk>"
    assert "&lt;wijk&gt;" in weging._criteria_lijst.value and "<wijk>" not in weging._criteria_lijst.value
    # points being typed survive a save elsewhere on the page (e.g. a knooppunt status)
    weging._partij.value = partij_id(store, did, "Gemeente")
    eerste = next(iter(weging._punten.values()))
    eerste.value = 60
    wb.context.gewijzigd()
    assert eerste.value == 60 and "Nog te verdelen: 40 van 100" in zichtbaar(weging._som.value)
    weging._gelijk_knop.click()
    assert [v.value for v in weging._punten.values()] == [34, 33, 33]


def test_winnaar_op_duurzaam_gas_krijgt_de_waarschuwing_bij_de_rangschikking(store_url, store):
    """In the example dossier the hybrid strategy (S4) ranks first: the page adds the ECW caution."""
    from wijkkompas_widgets.werkboek import open_werkboek

    voorbeeld = next(d for d in store.dossiers() if d.is_voorbeeld)
    oefening = open_werkboek("x", store_url=store_url, query={"dossier": voorbeeld.id}).kaart(
        "f4-strategieen-afwegen").oefening
    tekst = oefening._rangschikking.value
    assert "Hybride als tussenstap staat bovenaan" in tekst
    assert "rekent op duurzaam gas" in tekst and "2030" in tekst
