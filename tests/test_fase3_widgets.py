"""Phase 3 exercises without a browser: the koppelkansen register, the opgave × opgave matrix and the
heat strategies. Each test does what a user does (set a value, click) and checks what the dossier
holds and what a fresh page shows."""

from __future__ import annotations

import html
import re

import pytest

from wijkkompas_widgets.analysis.planning import WerkInvoer
from wijkkompas_widgets.dossier.afweging import StrategieInvoer
from wijkkompas_widgets.dossier.koppelkansen import KoppelkansInvoer
from wijkkompas_widgets.werkboek import open_werkboek
from wijkkompas_widgets.widgets.context import maak_context
from wijkkompas_widgets.widgets.koppelkansen import KoppelkansenOefening
from wijkkompas_widgets.widgets.opgavenmatrix import OpgavenMatrixOefening
from wijkkompas_widgets.widgets.strategieen import WarmtestrategieenOefening


def zichtbaar(html_tekst: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", html_tekst))


def oefening(store_url, dossier_id, knooppunt):
    return open_werkboek("x", store_url=store_url, query={"dossier": dossier_id}).kaart(knooppunt).oefening


@pytest.fixture
def dossier(lege_store):
    """A dossier with two works that fall together and one sociale koppelkans from phase 2."""
    dossier = lege_store.maak_dossier("Fase 3-wijk")
    for omschrijving, eigenaar in (("Riool vervangen", "Gemeente"), ("Gasleiding vervangen", "Netbeheerder")):
        lege_store.voeg_werk_toe(dossier.id, WerkInvoer(omschrijving, eigenaar, "riolering", "Noordbuurt", "buurt",
                                                        2028, 2029))
    lege_store.bewaar_formulier(dossier.id, "sociale_koppelkansen", {"koppelkansen": {"k1": {
        "titel": "Energiecoach <op huisbezoek>", "domein": "sociaal-domein", "opgaven": ["energietransitie"],
        "beschrijving": "Mee met het wijkteam", "aangemaakt": "2026-01-01T10:00:00"}}}, 0)
    return dossier


# -- koppelkansen ------------------------------------------------------------------------------------
KOPPELKANSEN = "f3-strategieen-koppelkansen"


def test_kandidaten_uit_fase2_overnemen_zegt_hoeveel_en_niet_dubbel(store_url, lege_store, dossier):
    scherm = oefening(store_url, dossier.id, KOPPELKANSEN)
    scherm._overnemen.click()
    assert "2 kandidaten uit fase 2 toegevoegd" in zichtbaar(scherm._melding.value)
    titels = [k.titel for k in lege_store.koppelkansen(dossier.id)]
    assert titels == ["Samen de straat open: Noordbuurt (2028–2029)", "Energiecoach <op huisbezoek>"]
    scherm._overnemen.click()
    melding = zichtbaar(scherm._melding.value)
    assert "0 kandidaten" in melding and "2 overgeslagen" in melding
    assert len(lege_store.koppelkansen(dossier.id)) == 2
    # user text is escaped in the page
    assert "<op huisbezoek>" not in scherm._ranglijst.value and "&lt;op huisbezoek&gt;" in scherm._ranglijst.value


def test_zonder_fase2_gegevens_een_duidelijke_melding(store_url, lege_store):
    leeg = lege_store.maak_dossier("Leeg")
    scherm = oefening(store_url, leeg.id, KOPPELKANSEN)
    scherm._overnemen.click()
    assert "nog geen kandidaten" in zichtbaar(scherm._melding.value)
    assert lege_store.koppelkansen(leeg.id) == []


def test_toevoegen_scoren_en_ranglijst_met_top3(store_url, lege_store, dossier):
    scherm = oefening(store_url, dossier.id, KOPPELKANSEN)
    for titel, scores in (("Groene daken", (5, 5, 4)), ("Regenwater afkoppelen", (4, 4, 4)),
                          ("Laadpalen", (3, 3, 3)), ("Buurtbatterij", (2, 2, 2))):
        scherm._titel.value = titel
        scherm._toevoegen.click()
        assert scherm._kies.value == lege_store.koppelkansen(dossier.id)[-1].id  # the new one is picked
        for veld, waarde in zip(scherm._scorevelden.values(), scores, strict=True):
            veld.value = waarde
    scherm._titel.value = "Half gescoord"
    scherm._toevoegen.click()
    scherm._scorevelden["wensen"].value = 5

    kansen = {k.titel: k for k in lege_store.koppelkansen(dossier.id)}
    assert kansen["Groene daken"].scores == {"wensen": 5, "extra-kosten": 5, "doorlooptijd": 4}
    assert kansen["Half gescoord"].scores == {"wensen": 5}
    ranglijst = zichtbaar(scherm._ranglijst.value)
    assert "★ 1 (top 3)Groene daken" in ranglijst and "★ 3 (top 3)Laadpalen" in ranglijst
    assert "4Buurtbatterij" in ranglijst and "★ 4" not in ranglijst
    assert "Nog niet volledig gescoord" in ranglijst and "Half gescoord — ontbreekt: Extra kosten" in ranglijst
    assert "top 3" in scherm._figuur.value  # the chart's alt text

    # a fresh page shows the same scores
    opnieuw = oefening(store_url, dossier.id, KOPPELKANSEN)
    opnieuw._kies.value = kansen["Groene daken"].id
    assert [v.value for v in opnieuw._scorevelden.values()] == [5, 5, 4]
    assert zichtbaar(opnieuw._ranglijst.value) == ranglijst


def test_score_terug_naar_onbekend_haalt_hem_uit_de_ranglijst(store_url, lege_store, dossier):
    kans = lege_store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Groene daken"))
    lege_store.zet_koppelkans_scores(dossier.id, kans.id, {"wensen": 4, "extra-kosten": 4, "doorlooptijd": 4}, 1)
    scherm = oefening(store_url, dossier.id, KOPPELKANSEN)
    scherm._kies.value = kans.id
    scherm._scorevelden["doorlooptijd"].value = None
    assert lege_store.koppelkans(dossier.id, kans.id).scores == {"wensen": 4, "extra-kosten": 4}
    assert "ontbreekt: Tijd voor besluit" in zichtbaar(scherm._ranglijst.value)


def test_koppelkans_hernoemen_houdt_scores_en_besluit_en_weigert_een_dubbele_naam(store_url, lege_store, dossier):
    scherm = oefening(store_url, dossier.id, KOPPELKANSEN)
    scherm._overnemen.click()
    noord, coach = lege_store.koppelkansen(dossier.id)
    lege_store.zet_koppelkans_scores(dossier.id, noord.id, {"wensen": 4, "extra-kosten": 4, "doorlooptijd": 3}, 1)
    scherm._herlaad()
    scherm._kies.value = noord.id
    assert scherm._wijzig_vak.layout.display == "none"
    scherm._wijzig_open.click()
    assert scherm._wijzig_vak.layout.display is None and scherm._nieuwe_titel.value == noord.titel

    scherm._nieuwe_titel.value = coach.titel  # already in the register: refused, nothing changes
    scherm._wijzig_bewaar.click()
    assert "al een koppelkans met de naam" in zichtbaar(scherm._melding.value)
    assert lege_store.koppelkans(dossier.id, noord.id).titel == noord.titel

    scherm._nieuwe_titel.value = "Warmtenet mee in de rioolsleuf <Noord>"
    scherm._nieuwe_omschrijving.value = "Gemeente en netbeheerder graven één keer."
    scherm._wijzig_bewaar.click()
    nieuw = lege_store.koppelkans(dossier.id, noord.id)
    assert nieuw.titel == "Warmtenet mee in de rioolsleuf <Noord>"
    assert nieuw.omschrijving == "Gemeente en netbeheerder graven één keer."
    assert nieuw.scores == {"wensen": 4, "extra-kosten": 4, "doorlooptijd": 3} and nieuw.herkomst == noord.herkomst
    assert "heet nu" in zichtbaar(scherm._melding.value) and scherm._wijzig_vak.layout.display == "none"
    assert "&lt;Noord&gt;" in scherm._ranglijst.value and "<Noord>" not in scherm._ranglijst.value

    # someone else renamed it meanwhile: this edit is refused and the page shows the newest name
    scherm._wijzig_open.click()
    lege_store.wijzig_koppelkans(dossier.id, noord.id, KoppelkansInvoer("Warmtenet Noord", nieuw.herkomst,
                                                                        nieuw.herkomst_ref, ""), nieuw.versie)
    scherm._nieuwe_titel.value = "Mijn versie"
    scherm._wijzig_bewaar.click()
    assert "Iemand anders" in zichtbaar(scherm._melding.value)
    assert lege_store.koppelkans(dossier.id, noord.id).titel == "Warmtenet Noord"
    assert "Warmtenet Noord" in zichtbaar(scherm._ranglijst.value)


def test_eigen_criterium_geldt_voor_alle_koppelkansen(store_url, lege_store, dossier):
    kans = lege_store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Groene daken"))
    lege_store.zet_koppelkans_scores(dossier.id, kans.id, {"wensen": 4, "extra-kosten": 4, "doorlooptijd": 4}, 1)
    scherm = oefening(store_url, dossier.id, KOPPELKANSEN)
    scherm._eigen_naam.value = "Zichtbaar voor bewoners"
    scherm._eigen_toevoegen.click()
    assert "Zichtbaar voor bewoners" in scherm._scorevelden
    assert "ontbreekt: Zichtbaar voor bewoners" in zichtbaar(scherm._ranglijst.value)
    scherm._kies.value = kans.id
    scherm._scorevelden["Zichtbaar voor bewoners"].value = 5
    assert lege_store.koppelkans(dossier.id, kans.id).scores["Zichtbaar voor bewoners"] == 5
    assert "4,3" in zichtbaar(scherm._ranglijst.value)
    # the same name twice is refused, nothing changes
    scherm._eigen_naam.value = "zichtbaar voor BEWONERS"
    scherm._eigen_toevoegen.click()
    assert "bestaat al" in zichtbaar(scherm._melding.value)
    assert list(scherm._scorevelden).count("Zichtbaar voor bewoners") == 1
    # another page sees the criterion; removing it takes it out of the ranking
    ander = oefening(store_url, dossier.id, KOPPELKANSEN)
    assert "Zichtbaar voor bewoners" in ander._scorevelden
    ander._eigen_kies.value = "Zichtbaar voor bewoners"
    ander._eigen_weg.click()
    assert "Zichtbaar voor bewoners" not in ander._scorevelden
    assert "4,0" in zichtbaar(ander._ranglijst.value)


def test_besluit_niet_gekozen_vraagt_een_reden_en_komt_in_het_besluitenlog(store_url, lege_store, dossier):
    kans = lege_store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Buurtbatterij"))
    scherm = oefening(store_url, dossier.id, KOPPELKANSEN)
    scherm._kies.value = kans.id
    scherm._besluit.value = "niet"
    scherm._besluit_knop.click()
    assert "Niet gelukt" in zichtbaar(scherm._melding.value) and "reden" in zichtbaar(scherm._melding.value)
    assert lege_store.koppelkans(dossier.id, kans.id).besluit is None
    assert lege_store.besluiten(dossier.id) == []

    scherm._reden.value = "Te duur voor wat het oplevert"
    scherm._aanwezig.value = "gemeente, corporatie"
    scherm._besluit_knop.click()
    assert "niet gekozen" in zichtbaar(scherm._melding.value)
    opgeslagen = lege_store.koppelkans(dossier.id, kans.id)
    assert (opgeslagen.besluit, opgeslagen.reden) == ("niet", "Te duur voor wat het oplevert")
    (besluit,) = lege_store.besluiten(dossier.id)
    assert besluit.wat == "Koppelkans niet gekozen: Buurtbatterij" and besluit.aanwezig == "gemeente, corporatie"
    assert besluit.knooppunt_id == KOPPELKANSEN

    opnieuw = oefening(store_url, dossier.id, KOPPELKANSEN)
    opnieuw._kies.value = kans.id
    assert (opnieuw._besluit.value, opnieuw._reden.value) == ("niet", "Te duur voor wat het oplevert")
    assert "✖ niet gekozen" in zichtbaar(opnieuw._details.value)


def test_verwijderen_vraagt_bevestiging(store_url, lege_store, dossier):
    kans = lege_store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Weg ermee"))
    scherm = oefening(store_url, dossier.id, KOPPELKANSEN)
    scherm._kies.value = kans.id
    scherm._verwijderen.click()
    assert scherm._bevestig.layout.display == "flex"
    scherm._nee.click()
    assert len(lege_store.koppelkansen(dossier.id)) == 1
    scherm._verwijderen.click()
    scherm._ja.click()
    assert lege_store.koppelkansen(dossier.id) == []
    assert scherm._kies.value is None


def test_gelijktijdige_score_overschrijft_niets(store_url, lege_store, dossier):
    kans = lege_store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Groene daken"))
    scherm = oefening(store_url, dossier.id, KOPPELKANSEN)
    scherm._kies.value = kans.id
    lege_store.zet_koppelkans_scores(dossier.id, kans.id, {"wensen": 2}, kans.versie)  # a colleague, meanwhile
    scherm._scorevelden["extra-kosten"].value = 5
    assert "Iemand anders" in zichtbaar(scherm._melding.value)
    assert lege_store.koppelkans(dossier.id, kans.id).scores == {"wensen": 2}
    assert scherm._scorevelden["wensen"].value == 2  # the page now shows the colleague's score


# -- opgave matrix -----------------------------------------------------------------------------------
MATRIX = "f3-opgaven-verbinden"


def test_matrix_cel_wordt_meteen_bewaard_en_samengevat(store_url, lege_store, dossier):
    scherm = oefening(store_url, dossier.id, MATRIX)
    assert len(scherm._cellen) == 30
    assert "0 van de 30" in zichtbaar(scherm._samenvatting.value)
    scherm._cellen[("energietransitie", "klimaatadaptatie")].value = 2
    scherm._cellen[("klimaatadaptatie", "energietransitie")].value = 2
    scherm._cellen[("mobiliteit", "natuurinclusiviteit")].value = -2
    scherm._cellen[("verstedelijking", "sociaaleconomisch")].value = 1
    scherm._cellen[("sociaaleconomisch", "verstedelijking")].value = -1
    gegevens, _versie = lege_store.formulier(dossier.id, "opgavenmatrix")
    assert gegevens["energietransitie"]["klimaatadaptatie"] == 2 and gegevens["mobiliteit"]["natuurinclusiviteit"] == -2
    samenvatting = zichtbaar(scherm._samenvatting.value)
    assert "5 van de 30" in samenvatting
    assert "Energietransitie en Klimaatadaptatie versterken elkaar sterk" in samenvatting
    assert "Werken aan Mobiliteit werkt sterk tegen Natuurinclusiviteit (−2)" in samenvatting
    assert "Scheef: werken aan Verstedelijking versterkt Sociaaleconomisch (+1)" in samenvatting
    assert "Mobiliteit op Natuurinclusiviteit: −2" in scherm._figuur.value  # alt text names every filled cell

    scherm._notities.value = "Warmtenet + groen in de Noordbuurt uitwerken"
    opnieuw = oefening(store_url, dossier.id, MATRIX)
    assert opnieuw._cellen[("mobiliteit", "natuurinclusiviteit")].value == -2
    assert opnieuw._cellen[("natuurinclusiviteit", "mobiliteit")].value is None  # not filled: onbekend, not 0
    assert opnieuw._notities.value == "Warmtenet + groen in de Noordbuurt uitwerken"
    # back to empty is saved as empty
    opnieuw._cellen[("mobiliteit", "natuurinclusiviteit")].value = None
    assert lege_store.formulier(dossier.id, "opgavenmatrix")[0]["mobiliteit"]["natuurinclusiviteit"] is None


def test_matrix_ververst_als_een_collega_opslaat(store_url, lege_store, dossier):
    wb = open_werkboek("x", store_url=store_url, query={"dossier": dossier.id})
    scherm = wb.kaart(MATRIX).oefening
    lege_store.bewaar_formulier(dossier.id, "opgavenmatrix", {"mobiliteit": {"verstedelijking": 1}}, 0)
    wb.context.gewijzigd()
    assert scherm._cellen[("mobiliteit", "verstedelijking")].value == 1
    scherm._cellen[("energietransitie", "mobiliteit")].value = -1
    gegevens = lege_store.formulier(dossier.id, "opgavenmatrix")[0]
    assert gegevens["mobiliteit"]["verstedelijking"] == 1 and gegevens["energietransitie"]["mobiliteit"] == -1


# -- heat strategies ---------------------------------------------------------------------------------
STRATEGIEEN = "f3-warmtestrategieen"


def test_vijf_kaarten_met_gaswaarschuwing_bij_s4_en_s5(store_url, lege_store, dossier):
    scherm = oefening(store_url, dossier.id, STRATEGIEEN)
    kaarten = scherm._kaarten.value
    assert all(f"wk-strategie-s{i}" in kaarten for i in range(1, 6))
    stukken = kaarten.split("wk-strategie-kaart ")
    for stuk in stukken[1:]:
        met_gas = "wk-strategie-s4" in stuk[:40] or "wk-strategie-s5" in stuk[:40]
        assert ("⚠" in stuk and "duurzaam gas" in zichtbaar(stuk).lower()) == met_gas
    assert "Kies bij 'Wijkprofiel'" in zichtbaar(kaarten)  # no wijk chosen: say how to get hints


def test_voorbeeldwijk_geeft_hints_uit_het_wijkprofiel(store_url, store):
    voorbeeld = next(d for d in store.dossiers() if d.is_voorbeeld)
    scherm = oefening(store_url, voorbeeld.id, STRATEGIEEN)
    tekst = zichtbaar(scherm._kaarten.value)
    assert "Bevolkingsdichtheid (▲ hoger dan landelijk)" in tekst and "toets het per buurt" in tekst


def test_strategie_toevoegen_met_gekozen_koppelkansen_en_status(store_url, lege_store, dossier):
    gekozen = lege_store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Riool en warmtenet samen"))
    lege_store.besluit_koppelkans(dossier.id, gekozen.id, "gekozen", "", gekozen.versie)
    lege_store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Nog open kans"))
    scherm = oefening(store_url, dossier.id, STRATEGIEEN)
    assert "nu 0" in zichtbaar(scherm._status.value) and "⚠" in zichtbaar(scherm._status.value)
    assert [t for t, _i in scherm._koppelkansen.options] == ["Riool en warmtenet samen"]

    scherm._naam.value = "Warmtenet Noord"
    scherm._warmte.value = "S2"
    scherm._koppelkansen.value = (gekozen.id,)
    scherm._fasering.value = "2027–2030 Noordbuurt, daarna Zuidbuurt"
    scherm._startjaar.value = 2027
    scherm._opslaan.click()
    assert "is toegevoegd" in zichtbaar(scherm._melding.value)
    (strategie,) = lege_store.strategieen(dossier.id)
    assert (strategie.naam, strategie.warmtestrategie, strategie.koppelkansen, strategie.fasering) == (
        "Warmtenet Noord", "S2", (gekozen.id,), "2027–2030 Noordbuurt, daarna Zuidbuurt")
    assert "nu 1" in zichtbaar(scherm._status.value)
    assert "Riool en warmtenet samen" in zichtbaar(scherm._lijst.value)
    assert scherm._kies.value == strategie.id

    scherm._kies.value = None  # '— nieuwe strategie —'
    assert scherm._naam.value == ""
    scherm._naam.value = "Warmtepompen"
    scherm._warmte.value = "S1"
    scherm._opslaan.click()
    status = zichtbaar(scherm._status.value)
    assert "nu 2" in status and "✔" in status


def test_zonder_gekozen_koppelkansen_zegt_de_pagina_dat(store_url, lege_store, dossier):
    scherm = oefening(store_url, dossier.id, STRATEGIEEN)
    assert "nog geen koppelkansen gekozen" in zichtbaar(scherm._kansen_uitleg.value)
    assert scherm._koppelkansen.options == ()


def test_duurzaam_gas_voor_2030_mag_maar_waarschuwt(store_url, lege_store, dossier):
    scherm = oefening(store_url, dossier.id, STRATEGIEEN)
    scherm._naam.value = "Hybride overgang"
    scherm._warmte.value = "S4"
    scherm._startjaar.value = 2027
    assert "Let op, vóór 2030" in zichtbaar(scherm._waarschuwing.value)
    scherm._opslaan.click()
    melding = zichtbaar(scherm._melding.value)
    assert "is toegevoegd" in melding and "duurzaam gas" in melding and "vóór 2030" in melding
    (strategie,) = lege_store.strategieen(dossier.id)
    assert strategie.fasering == "Start 2027."  # the start year is kept with the phasing
    assert "start vóór 2030" in zichtbaar(scherm._lijst.value)
    scherm._startjaar.value = 2031
    assert scherm._waarschuwing.value == ""
    scherm._warmte.value = "S1"
    scherm._startjaar.value = 2026
    assert scherm._waarschuwing.value == ""  # no gas, no warning

    opnieuw = oefening(store_url, dossier.id, STRATEGIEEN)
    opnieuw._kies.value = strategie.id
    assert (opnieuw._warmte.value, opnieuw._startjaar.value) == ("S4", 2027)
    assert "Let op, vóór 2030" in zichtbaar(opnieuw._waarschuwing.value)


def test_strategie_zonder_naam_of_warmtestrategie_wordt_geweigerd(store_url, lege_store, dossier):
    scherm = oefening(store_url, dossier.id, STRATEGIEEN)
    scherm._warmte.value = "S1"
    scherm._opslaan.click()
    assert "Niet gelukt" in zichtbaar(scherm._melding.value) and "naam" in zichtbaar(scherm._melding.value).lower()
    scherm._naam.value = "Iets"
    scherm._warmte.value = None
    scherm._opslaan.click()
    assert "S1 tot en met S5" in zichtbaar(scherm._melding.value)
    assert lege_store.strategieen(dossier.id) == []


def test_strategie_wijzigen_en_verwijderen_met_bevestiging(store_url, lege_store, dossier):
    strategie = lege_store.voeg_strategie_toe(dossier.id, StrategieInvoer("Warmtenet", "S2", (), "2028 Noord"))
    scherm = oefening(store_url, dossier.id, STRATEGIEEN)
    scherm._kies.value = strategie.id
    assert (scherm._naam.value, scherm._startjaar.value) == ("Warmtenet", 2028)
    assert scherm._opslaan.description == "Wijzigingen opslaan"
    scherm._naam.value = "Warmtenet <Noord>"
    scherm._opslaan.click()
    assert lege_store.strategieen(dossier.id)[0].naam == "Warmtenet <Noord>"
    assert "&lt;Noord&gt;" in scherm._lijst.value and "<Noord>" not in scherm._lijst.value

    scherm._verwijderen.click()
    assert scherm._bevestig.layout.display == "flex"
    scherm._nee.click()
    assert len(lege_store.strategieen(dossier.id)) == 1
    scherm._verwijderen.click()
    scherm._ja.click()
    assert lege_store.strategieen(dossier.id) == []
    assert "is verwijderd" in zichtbaar(scherm._melding.value)


def test_een_gekozen_koppelkans_in_een_strategie_kan_niet_weg(store_url, lege_store, dossier):
    kans = lege_store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Riool en warmtenet samen"))
    kans = lege_store.besluit_koppelkans(dossier.id, kans.id, "gekozen", "", kans.versie)
    lege_store.voeg_strategie_toe(dossier.id, StrategieInvoer("Warmtenet", "S2", (kans.id,)))
    scherm = oefening(store_url, dossier.id, KOPPELKANSEN)
    scherm._kies.value = kans.id
    scherm._verwijderen.click()
    scherm._ja.click()
    assert "Haal de koppelkans daar eerst weg" in zichtbaar(scherm._melding.value)
    assert len(lege_store.koppelkansen(dossier.id)) == 1


def test_zonder_dossier_een_uitnodiging_en_daarna_de_oefening(store_url, lege_store, dossier):
    context = maak_context(store_url, {})
    context.dossier_id = None  # (opening the store placed the example dossier; act as if none is chosen)
    schermen = [KoppelkansenOefening(context), OpgavenMatrixOefening(context), WarmtestrategieenOefening(context)]
    assert all(s.children == (s._geen_dossier,) for s in schermen)
    context.dossier_id = dossier.id
    assert all(s.children == (s._inhoud,) for s in schermen)
