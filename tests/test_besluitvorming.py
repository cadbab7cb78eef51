"""Besluitvormingsplanning (f3-besluitvormingsafspraken): reading, checking, conflicts, cycles, the critical path,
starting rows, the timeline, the exercise without a browser and the Word/Excel parts."""

from __future__ import annotations

import html
import io
import json
import re
from dataclasses import replace
from datetime import date, datetime
from graphlib import CycleError, TopologicalSorter
from itertools import pairwise

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from wijkkompas_widgets.analysis.besluitvorming import (
    SJABLONEN,
    VERWIJDERDE_PARTIJ,
    Besluit,
    Besluitvorming,
    analyseer_besluitvorming,
    controleer_besluit,
    controleer_besluitvorming,
    hint,
    kring,
    lees_besluitvorming,
    maand_index,
    maand_tekst,
    met_besluit,
    per_partij,
    samenvatting,
    voeg_voorbeeld_toe,
    voorbeeld_opties,
    zonder_besluit,
)
from wijkkompas_widgets.charts import figuur_naar_png
from wijkkompas_widgets.charts.besluitvorming import besluitvorming_figuur, figuur_alt
from wijkkompas_widgets.content import inhoud as laad_inhoud
from wijkkompas_widgets.dossier import DossierStore, InvoerFout, Partij, PartijInvoer
from wijkkompas_widgets.export.deel_besluitvorming import blad_besluitvorming, docx_besluitvorming
from wijkkompas_widgets.export.docx import _Rapport
from wijkkompas_widgets.export.json_dossier import exporteer_json, importeer_json
from wijkkompas_widgets.export.verzamel import DossierVerzameling
from wijkkompas_widgets.export.xlsx import _schrijf
from wijkkompas_widgets.widgets.besluitvorming import BesluitvormingOefening
from wijkkompas_widgets.widgets.context import WerkboekContext

INHOUD = laad_inhoud()
NAMEN = {1: "Gemeente Delft", 2: "Woonstad"}
VANDAAG = date(2026, 11, 23)


def zichtbaar(html_tekst: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", html_tekst))


def partij(pid: int, naam: str, soort: str) -> Partij:
    return Partij(pid, naam, soort, "", "", (), None, None, 1)


def besluit(bid: str, besluitmaand: str | None, *afhankelijk: str, start: str | None = None, partij_id: int = 1,
            wat: str | None = None) -> Besluit:
    return Besluit(id=bid, wat=wat or f"Besluit {bid}", partij_id=partij_id, orgaan="directie", beeldvorming=start,
                   besluit=besluitmaand, afhankelijk_van=afhankelijk)


# -- reading and checking -----------------------------------------------------------------------
def test_lezen_is_verdraagzaam_voor_oude_of_met_de_hand_bewerkte_formulieren():
    gegevens = {"onbekend": 1, "besluiten": [
        {"id": "a", "wat": "Warmtestrategie", "partij_id": 1, "orgaan": "college", "beeldvorming": "2027-1",
         "oordeelsvorming": "maart", "besluit": "2027-03", "go_no_go": True, "afhaken": 5,
         "afhankelijk_van": ["b", "a", "weg", 3], "extra": "x"},
        {"id": "b", "partij_id": True, "orgaan": "koning", "besluit": "2027-13", "afhankelijk_van": "a"},
        {"id": "a", "wat": "dubbel"},
        "geen rij", {"wat": "zonder id"},
    ]}
    model = lees_besluitvorming(gegevens)
    assert [b.id for b in model.besluiten] == ["a", "b"]
    a, b = model.besluiten
    assert (a.beeldvorming, a.oordeelsvorming, a.besluit) == ("2027-01", None, "2027-03")
    assert a.afhaken == "" and a.go_no_go is True and a.afhankelijk_van == ("b",)
    assert b.partij_id is None and b.orgaan == "anders" and b.besluit is None and b.afhankelijk_van == ()
    for kapot in (None, [], "tekst", {"besluiten": "x"}, {"besluiten": [None]}):
        assert lees_besluitvorming(kapot).leeg
    assert lees_besluitvorming(model.als_dict()) == model


@pytest.mark.parametrize(("wijziging", "melding"), [
    ({"wat": "  "}, "Wat er besloten moet worden is verplicht"),
    ({"wat": "x" * 201}, "Wat er besloten moet worden is te lang"),
    ({"partij_id": None}, "Kies de partij"),
    ({"partij_id": 9}, "staat niet (meer) in dit dossier"),
    ({"orgaan": "koning"}, "Kies wie het besluit neemt"),
    ({"besluit": "maart 2027"}, "De maand van de besluit moet een maand zijn in de vorm JJJJ-MM"),
    ({"beeldvorming": "2027-05", "oordeelsvorming": None, "besluit": "2027-04"},
     "Besluit (april 2027) ligt vóór beeldvorming (mei 2027)"),
    ({"oordeelsvorming": "2027-06", "besluit": "2027-05"}, "ligt vóór oordeelsvorming"),
    ({"afhaken": "x" * 2001}, "Wat als deze partner afhaakt is te lang"),
    ({"afhankelijk_van": ("a",)}, "niet van zichzelf afhangen"),
    ({"afhankelijk_van": ("weg",)}, "bestaat niet meer"),
])
def test_een_onbruikbaar_besluit_wordt_geweigerd_met_het_veld_in_de_melding(wijziging, melding):
    goed = Besluit("a", "Warmtestrategie", 1, "college", "2027-01", "2027-02", "2027-03")
    with pytest.raises(InvoerFout, match=re.escape(melding)):
        controleer_besluit(replace(goed, **wijziging), {1}, {"a", "b"})


def test_een_goed_besluit_wordt_opgeschoond():
    schoon = controleer_besluit(Besluit("a", "  Keuze   warmte ", 1, "college", " 2027-1", "", "2027-01",
                                        afhankelijk_van=("b", "b")), {1}, {"a", "b"})
    assert (schoon.wat, schoon.beeldvorming, schoon.oordeelsvorming, schoon.besluit) == (
        "Keuze warmte", "2027-01", None, "2027-01")
    assert schoon.afhankelijk_van == ("b",)


def test_een_kring_wordt_geweigerd_en_noemt_de_besluiten():
    model = Besluitvorming((besluit("a", "2027-01", "c", wat="Raad"), besluit("b", "2027-02", "a", wat="College"),
                            besluit("c", "2027-03", "b", wat="ALV")))
    with pytest.raises(InvoerFout, match=r"kring: ‘Raad’ → ‘ALV’ → ‘College’ → ‘Raad’\..*Er is niets opgeslagen"):
        controleer_besluitvorming(model, {1})


def test_alleen_het_bewerkte_besluit_wordt_veld_voor_veld_gecontroleerd():
    """A party deleted since must not block saving another decision."""
    model = Besluitvorming((besluit("a", "2027-01", partij_id=99), besluit("b", "2027-02", "a")))
    assert controleer_besluitvorming(model, {1}, bewerkt=("b",)) == model
    with pytest.raises(InvoerFout, match="staat niet"):
        controleer_besluitvorming(model, {1})


def test_verwijderen_haalt_ook_de_afhankelijkheden_weg():
    model = Besluitvorming((besluit("a", "2027-01"), besluit("b", "2027-02", "a")))
    assert zonder_besluit(model, "a") == Besluitvorming((besluit("b", "2027-02"),))
    assert met_besluit(model, besluit("a", "2027-05")).besluiten[0].besluit == "2027-05"


def test_hints_bij_vve_en_70_procent_regeling():
    assert "twee derde" in hint("alv_vve") and "quorum" in hint("alv_vve")
    assert "minstens 70% van de huurders" in hint("bewoners_70")
    assert hint("anders") == "" and hint("bestaat-niet") == ""


# -- conflicts, cycles, critical path -------------------------------------------------------------
def test_conflicten_bij_dezelfde_maand_en_eerder():
    model = Besluitvorming((
        besluit("a", "2027-03", wat="Warmtestrategie"),
        besluit("b", "2027-03", "a", wat="Instemming huurders", partij_id=2),
        besluit("c", "2027-02", "a", wat="ALV"),
        besluit("d", "2027-04", "a"),
    ))
    analyse = analyseer_besluitvorming(model, NAMEN)
    assert [(c.besluit_id, c.afhankelijk_id) for c in analyse.conflicten] == [("b", "a"), ("c", "a")]
    assert analyse.conflicten[0].tekst.startswith(
        "‘Instemming huurders’ (Woonstad) staat in dezelfde maand (maart 2027) gepland als ‘Warmtestrategie’ "
        "(Gemeente Delft), waarvan het afhangt.")
    assert "‘ALV’ (Gemeente Delft) staat gepland in februari 2027, maar ‘Warmtestrategie’ (Gemeente Delft), " \
           "waarvan het afhangt, valt pas in maart 2027." in analyse.conflicten[1].tekst
    assert not analyse.in_conflict("d")


def test_kritiek_pad_en_vroegste_maand_met_de_hand_uitgerekend():
    # a: jan–mrt 2027; b: besluit apr 2027 (start feb) na a; c: besluit mei 2027 (start mei) na b;
    # d: jun 2027, los. Zonder conflicten: alles besloten in juni 2027, d bepaalt dat zelf.
    model = Besluitvorming((
        besluit("a", "2027-03", start="2027-01"), besluit("b", "2027-04", "a", start="2027-02"),
        besluit("c", "2027-05", "b", start="2027-05"), besluit("d", "2027-06"),
    ))
    analyse = analyseer_besluitvorming(model, NAMEN)
    assert analyse.conflicten == () and analyse.kritiek_pad == ("d",)
    assert analyse.gepland_klaar == analyse.vroegst_klaar == maand_index("2027-06")
    # b in the same month as a: b moves to april (keeping its 2 months), c to may is then still fine? no: c waits
    # on b (april) and is planned in may, so it holds; a planned late (may) pushes b to june and c to july.
    laat = met_besluit(model, replace(model.besluiten[0], beeldvorming="2027-04", besluit="2027-05"))
    analyse = analyseer_besluitvorming(laat, NAMEN)
    assert {c.besluit_id for c in analyse.conflicten} == {"b"}
    assert maand_tekst(analyse.planning["b"].vroegst_besluit) == "2027-06"
    assert maand_tekst(analyse.planning["c"].vroegst_besluit) == "2027-07"
    assert analyse.planning["c"].verschuiving == 2
    assert analyse.kritiek_pad == ("a", "b", "c") and maand_tekst(analyse.vroegst_klaar) == "2027-07"
    regels = samenvatting(analyse, laat, NAMEN)
    assert regels[0] == ("Volgens de planning is alles besloten in juni 2027. Met de afhankelijkheden lukt dat op "
                         "zijn vroegst in juli 2027: los eerst de conflicten op.")
    assert regels[1].startswith("Kritiek pad") and "‘Besluit a’ (Gemeente Delft) → ‘Besluit b’" in regels[1]


def test_besluiten_zonder_maand_tellen_niet_mee_maar_worden_gemeld():
    model = Besluitvorming((besluit("a", None), besluit("b", "2027-02", "a"),
                            replace(besluit("c", "2027-03"), go_no_go=True)))
    analyse = analyseer_besluitvorming(model, NAMEN)
    assert analyse.ongepland == ("a",) and set(analyse.planning) == {"b", "c"} and analyse.conflicten == ()
    tekst = " ".join(analyse.signalen)
    assert "dat nog geen besluitmaand heeft" in tekst
    assert "‘Besluit c’ (Gemeente Delft) is een go/no-go-moment, maar er staat nog niet bij" in tekst
    assert "1 besluit(en) hebben nog geen besluitmaand" in samenvatting(analyse, model, NAMEN)[-1]


def test_een_kring_uit_een_import_breekt_de_analyse_niet():
    model = lees_besluitvorming({"besluiten": [
        {"id": "a", "wat": "A", "partij_id": 1, "besluit": "2027-01", "afhankelijk_van": ["b"]},
        {"id": "b", "wat": "B", "partij_id": 1, "besluit": "2027-02", "afhankelijk_van": ["a"]}]})
    analyse = analyseer_besluitvorming(model, NAMEN)
    assert analyse.kring == ("a", "b", "a") and analyse.planning == {} and analyse.kritiek_pad == ()
    assert "kring" in samenvatting(analyse, model, NAMEN)[0]
    assert figuur_naar_png(besluitvorming_figuur(model, analyse, NAMEN)).startswith(b"\x89PNG")


maanden = st.integers(maand_index("2026-01"), maand_index("2029-12"))


@st.composite
def planningen(draw):
    """Acyclic plannings: a decision depends only on decisions earlier in the list."""
    aantal = draw(st.integers(1, 12))
    besluiten = []
    for i in range(aantal):
        eind = draw(maanden)
        start = eind - draw(st.integers(0, 5))
        afhankelijk = draw(st.lists(st.integers(0, i - 1), unique=True, max_size=3)) if i else []
        besluiten.append(besluit(f"b{i}", maand_tekst(eind), *(f"b{j}" for j in afhankelijk),
                                 start=maand_tekst(start)))
    return Besluitvorming(tuple(besluiten))


@given(planningen())
@settings(max_examples=150, deadline=None)
def test_de_vroegste_planning_houdt_zich_aan_elke_afhankelijkheid(model):
    analyse = analyseer_besluitvorming(model, NAMEN)
    assert analyse.kring == ()
    for b in model.besluiten:
        hier = analyse.planning[b.id]
        assert hier.vroegst_besluit >= hier.besluit and hier.vroegst_start >= hier.start
        assert hier.vroegst_besluit - hier.vroegst_start == hier.besluit - hier.start  # same doorlooptijd
        for a in b.afhankelijk_van:
            assert hier.vroegst_besluit > analyse.planning[a].vroegst_besluit
    heeft_conflict = any(maand_index(b.besluit) <= maand_index(model.besluit(a).besluit)
                         for b in model.besluiten for a in b.afhankelijk_van)
    assert bool(analyse.conflicten) == heeft_conflict
    if not heeft_conflict:  # a planning without conflicts is already as early as it can be
        assert analyse.vroegst_klaar == analyse.gepland_klaar
    pad = analyse.kritiek_pad
    assert analyse.planning[pad[-1]].vroegst_besluit == analyse.vroegst_klaar
    for eerder, later in pairwise(pad):
        assert eerder in model.besluit(later).afhankelijk_van
        assert analyse.planning[eerder].vroegst_besluit + 1 == analyse.planning[later].vroegst_besluit


@given(st.dictionaries(st.sampled_from("abcdef"), st.lists(st.sampled_from("abcdef"), max_size=3), min_size=1))
def test_kring_wordt_gevonden_precies_als_er_een_is(grafiek):
    besluiten = [Besluit(k, afhankelijk_van=tuple(v)) for k, v in grafiek.items()]
    gevonden = kring(besluiten)
    try:
        tuple(TopologicalSorter({k: [a for a in v if a in grafiek] for k, v in grafiek.items()}).static_order())
        verwacht = False
    except CycleError:
        verwacht = True
    assert (gevonden is not None) == verwacht
    if gevonden:
        assert gevonden[0] == gevonden[-1]
        for wachter, op in pairwise(gevonden):
            assert op in grafiek[wachter]


def test_per_partij_zet_besluiten_van_een_verwijderde_partij_achteraan():
    model = Besluitvorming((besluit("a", "2027-05", partij_id=2), besluit("b", None, partij_id=2),
                            besluit("c", "2027-01", partij_id=2), besluit("d", "2027-02", partij_id=77)))
    groepen = per_partij(model, NAMEN)
    assert [(naam, [b.id for b in lijst]) for naam, lijst in groepen] == [
        ("Woonstad", ["c", "a", "b"]), (VERWIJDERDE_PARTIJ, ["d"])]


# -- starting rows ------------------------------------------------------------------------------
def test_voorbeelden_alleen_voor_partijen_in_het_dossier_en_elk_maar_een_keer():
    partijen = [partij(1, "Gemeente Delft", "gemeente"), partij(2, "Woonstad", "woningcorporatie"),
                partij(3, "VvE Parkzicht", "vve")]
    opties = voorbeeld_opties(Besluitvorming(), partijen)
    sleutels = [s for _label, s, _p in opties]
    assert sleutels == ["warmtestrategie", "instemming_huurders", "investering_corporatie", "vve_alv", "concept_wup"]
    assert opties[0][0] == "Gemeente Delft: Keuze van de warmtestrategie voor de wijk (College van B&W)"
    assert {s: p for _l, s, p in opties}["vve_alv"] == 3
    assert voorbeeld_opties(Besluitvorming(), []) == []

    model = Besluitvorming()
    for volgnummer, sleutel in enumerate(reversed(sleutels)):  # the raad first: links are made both ways
        partij_id = {s: p for _l, s, p in voorbeeld_opties(model, partijen)}[sleutel]
        model = voeg_voorbeeld_toe(model, sleutel, partij_id, f"v{volgnummer}", VANDAAG)
        controleer_besluitvorming(model, {1, 2, 3})
    assert voorbeeld_opties(model, partijen) == []
    with pytest.raises(InvoerFout, match="staat al in de planning"):
        voeg_voorbeeld_toe(model, "vve_alv", 3, "x", VANDAAG)
    per_sjabloon = {b.sjabloon: b for b in model.besluiten}
    warmte = per_sjabloon["warmtestrategie"]
    assert (warmte.beeldvorming, warmte.besluit, warmte.orgaan) == ("2026-12", "2027-02", "college")
    assert warmte.id in per_sjabloon["vve_alv"].afhankelijk_van
    assert set(per_sjabloon["concept_wup"].afhankelijk_van) == {per_sjabloon["investering_corporatie"].id,
                                                                per_sjabloon["vve_alv"].id}
    analyse = analyseer_besluitvorming(model, {1: "Gemeente Delft", 2: "Woonstad", 3: "VvE Parkzicht"})
    assert analyse.conflicten == ()
    assert [model.besluit(i).sjabloon for i in analyse.kritiek_pad][-1] == "concept_wup"
    assert all(s.orgaan for s in SJABLONEN)


# -- chart --------------------------------------------------------------------------------------
def test_tijdlijn_toont_lanen_stappen_conflicten_en_legenda():
    model = Besluitvorming((
        replace(besluit("a", "2027-03", start="2027-01", wat="$Warmte$ <script>"), oordeelsvorming="2027-02",
                go_no_go=True),
        besluit("b", "2027-03", "a", partij_id=2, wat="Instemming huurders"),
        besluit("c", "2027-05", "a", partij_id=99, wat="ALV"),
        besluit("d", None, wat="Nog zonder maand"),
    ))
    analyse = analyseer_besluitvorming(model, NAMEN)
    figuur = besluitvorming_figuur(model, analyse, NAMEN)
    as_ = figuur.axes[0]
    labels = [t.get_text() for t in as_.get_yticklabels()]
    assert {"Gemeente Delft", "Woonstad", VERWIJDERDE_PARTIJ} <= set(labels)
    assert "Nog zonder maand" not in " ".join(labels)
    teksten = [t.get_text() for t in as_.texts]
    assert any(t.startswith("⚠") for t in teksten) and any("◆" in t for t in teksten)
    legenda = " ".join(t.get_text() for t in as_.get_legend().get_texts())
    for woord in ("beeldvorming (stippels)", "oordeelsvorming (schuine strepen)", "besluit (vol vlak)", "⚠ conflict",
                  "kritiek pad", "go/no-go"):
        assert woord in legenda
    assert figuur_naar_png(figuur).startswith(b"\x89PNG")
    alt = figuur_alt(model, analyse, NAMEN)
    assert "Woonstad: Instemming huurders, besluit in maart 2027, in conflict met een afhankelijkheid." in alt


def test_lege_tijdlijn_zegt_wat_er_ontbreekt():
    figuur = besluitvorming_figuur(Besluitvorming(), analyseer_besluitvorming(Besluitvorming(), {}), {})
    assert "Nog geen besluiten met een besluitmaand" in figuur.axes[0].texts[0].get_text()


# -- the exercise -------------------------------------------------------------------------------
@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Testwijk", "Noord", "Delft")


def oefening(store_url, dossier_id) -> BesluitvormingOefening:
    return BesluitvormingOefening(WerkboekContext(DossierStore(store_url, voorbeeld=False), INHOUD,
                                                  dossier_id=dossier_id))


def vul_in(scherm: BesluitvormingOefening, wat: str, partij_id: int, orgaan: str, beeld: str, oordeel: str,
           besluitmaand: str) -> None:
    scherm._wat.value = wat
    scherm._partij.value = partij_id
    scherm._orgaan.value = orgaan
    for stap, waarde in (("beeldvorming", beeld), ("oordeelsvorming", oordeel), ("besluit", besluitmaand)):
        scherm._maanden[stap].value = waarde


def test_zonder_dossier_een_melding(lege_store):
    scherm = BesluitvormingOefening(WerkboekContext(lege_store, INHOUD, dossier_id=None))
    assert "Er is geen dossier geopend" in zichtbaar(scherm.children[0].value)


def test_besluit_toevoegen_en_terugzien_in_een_nieuw_scherm(store_url, lege_store, dossier):
    gemeente = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    scherm = oefening(store_url, dossier.id)
    assert "Nog geen besluiten in de planning" in scherm._lijst.value
    vul_in(scherm, "Keuze warmtestrategie", gemeente.id, "college", "2027-01", "2027-02", "2027-03")
    assert "agenda" in zichtbaar(scherm._orgaan_hint.value)  # the hint of the college
    scherm._go_no_go.value = True
    scherm._afhaken.value = "Dan stopt de wijkaanpak in deze vorm."
    scherm._opslaan.click()
    assert "Besluit 'Keuze warmtestrategie' is toegevoegd." in zichtbaar(scherm._melding.value)
    gegevens, versie = lege_store.formulier(dossier.id, "besluitvorming")
    assert versie == 1
    [rij] = gegevens["besluiten"]
    assert {k: rij[k] for k in ("wat", "partij_id", "orgaan", "beeldvorming", "oordeelsvorming", "besluit",
                                "go_no_go", "afhaken", "afhankelijk_van")} == {
        "wat": "Keuze warmtestrategie", "partij_id": gemeente.id, "orgaan": "college", "beeldvorming": "2027-01",
        "oordeelsvorming": "2027-02", "besluit": "2027-03", "go_no_go": True,
        "afhaken": "Dan stopt de wijkaanpak in deze vorm.", "afhankelijk_van": []}
    assert re.fullmatch(r"b[0-9a-f]{8}", rij["id"])
    assert scherm._kies.value == rij["id"] and scherm._opslaan.description == "Wijzigingen opslaan"

    opnieuw = oefening(store_url, dossier.id)
    tabel = zichtbaar(opnieuw._lijst.value)
    for tekst in ("Gemeente Delft", "Keuze warmtestrategie", "College van B&W", "januari 2027", "maart 2027",
                  "◆ ja: Dan stopt de wijkaanpak in deze vorm."):
        assert tekst in tabel
    assert "wk-figuur" in opnieuw._figuur.value
    assert "Geen conflicten" in zichtbaar(opnieuw._conflicten.value)
    opnieuw._kies.value = rij["id"]
    assert (opnieuw._wat.value, opnieuw._partij.value, opnieuw._maanden["besluit"].value) == (
        "Keuze warmtestrategie", gemeente.id, "2027-03")


def test_voorbeeld_toevoegen_met_een_klik(store_url, lege_store, dossier):
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    vve = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("VvE Parkzicht", "vve"))
    scherm = oefening(store_url, dossier.id)
    assert [v for _l, v in scherm._voorbeeld.options] == ["warmtestrategie", "vve_alv", "concept_wup"]
    scherm._voorbeeld.value = "vve_alv"
    scherm._voorbeeld_toevoegen.click()
    assert "Voorbeeldbesluit 'Besluit over verduurzaming in de ALV, met verhoogd quorum' is toegevoegd" in zichtbaar(
        scherm._melding.value)
    [rij] = lege_store.formulier(dossier.id, "besluitvorming")[0]["besluiten"]
    assert rij["partij_id"] == vve.id and rij["orgaan"] == "alv_vve"
    assert [v for _l, v in scherm._voorbeeld.options] == ["warmtestrategie", "concept_wup"]
    assert scherm._kies.value == rij["id"] and scherm._orgaan.value == "alv_vve"
    assert "twee derde" in zichtbaar(scherm._signalen.value)


def test_foute_invoer_wordt_geweigerd_en_niets_opgeslagen(store_url, lege_store, dossier):
    gemeente = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    scherm = oefening(store_url, dossier.id)
    vul_in(scherm, "Keuze", gemeente.id, "college", "2027-05", "2027-04", "2027-06")
    scherm._opslaan.click()
    assert ("Niet gelukt: Oordeelsvorming (april 2027) ligt vóór beeldvorming (mei 2027)"
            in zichtbaar(scherm._melding.value))
    scherm._maanden["beeldvorming"].value = "mei"
    scherm._opslaan.click()
    assert "De maand van de beeldvorming moet een maand zijn in de vorm JJJJ-MM" in zichtbaar(scherm._melding.value)
    scherm._maanden["beeldvorming"].value = "2027-01"
    scherm._partij.value = None
    scherm._opslaan.click()
    assert "Kies de partij die dit besluit neemt." in zichtbaar(scherm._melding.value)
    assert lege_store.formulier(dossier.id, "besluitvorming") == ({}, 0)
    assert scherm._maanden["beeldvorming"].value == "2027-01"  # the input stays, to correct it


def test_kring_wordt_geweigerd_en_conflict_in_woorden_onder_de_grafiek(store_url, lege_store, dossier):
    gemeente = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    scherm = oefening(store_url, dossier.id)
    vul_in(scherm, "Warmtestrategie", gemeente.id, "college", "2027-01", "2027-02", "2027-03")
    scherm._opslaan.click()
    eerste = scherm._kies.value
    scherm._kies.value = None
    vul_in(scherm, "Concept-WUP", gemeente.id, "gemeenteraad", "2027-01", "2027-02", "2027-03")
    scherm._afhankelijk.value = (eerste,)
    scherm._opslaan.click()
    tweede = scherm._kies.value
    assert "‘Concept-WUP’ (Gemeente Delft) staat in dezelfde maand (maart 2027) gepland als ‘Warmtestrategie’" in \
        zichtbaar(scherm._conflicten.value)
    assert "⚠ conflict" in zichtbaar(scherm._lijst.value)
    _gegevens, versie = lege_store.formulier(dossier.id, "besluitvorming")

    scherm._kies.value = eerste
    scherm._afhankelijk.value = (tweede,)
    scherm._opslaan.click()
    assert ("Niet gelukt: Deze afhankelijkheden vormen een kring: ‘Warmtestrategie’ → ‘Concept-WUP’ → "
            "‘Warmtestrategie’." in zichtbaar(scherm._melding.value))
    assert lege_store.formulier(dossier.id, "besluitvorming")[1] == versie

    scherm._kies.value = tweede
    scherm._maanden["besluit"].value = "2027-04"
    scherm._opslaan.click()
    assert "Geen conflicten" in zichtbaar(scherm._conflicten.value)
    assert "Kritiek pad" in zichtbaar(scherm._samenvatting.value)


def test_gelijktijdig_gewijzigd_door_een_tweede_scherm(store_url, lege_store, dossier):
    gemeente = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    eerste, tweede = oefening(store_url, dossier.id), oefening(store_url, dossier.id)
    vul_in(tweede, "Van een collega", gemeente.id, "college", "", "", "2027-03")
    tweede._opslaan.click()
    vul_in(eerste, "Van mij", gemeente.id, "directie", "", "", "2027-04")
    eerste._opslaan.click()
    assert "Iemand anders heeft dit formulier intussen opgeslagen" in zichtbaar(eerste._melding.value)
    [rij] = lege_store.formulier(dossier.id, "besluitvorming")[0]["besluiten"]
    assert rij["wat"] == "Van een collega"
    assert "Van een collega" in zichtbaar(eerste._lijst.value)
    vul_in(eerste, "Van mij", gemeente.id, "directie", "", "", "2027-04")
    eerste._opslaan.click()  # now on the newest version
    assert [r["wat"] for r in lege_store.formulier(dossier.id, "besluitvorming")[0]["besluiten"]] == [
        "Van een collega", "Van mij"]


def test_verwijderen_vraagt_bevestiging(store_url, lege_store, dossier):
    gemeente = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    scherm = oefening(store_url, dossier.id)
    assert scherm._verwijderen.disabled
    vul_in(scherm, "Warmtestrategie", gemeente.id, "college", "", "", "2027-03")
    scherm._opslaan.click()
    eerste = scherm._kies.value
    scherm._kies.value = None
    vul_in(scherm, "Raad", gemeente.id, "gemeenteraad", "", "", "2027-09")
    scherm._afhankelijk.value = (eerste,)
    scherm._opslaan.click()
    scherm._kies.value = eerste
    scherm._verwijderen.click()
    assert scherm._bevestig.layout.display == "flex"
    assert "1 ander(e) besluit(en) hangen ervan af" in zichtbaar(scherm._bevestig.tekst.value)
    scherm._bevestig.nee.click()
    assert scherm._bevestig.layout.display == "none"
    assert len(lege_store.formulier(dossier.id, "besluitvorming")[0]["besluiten"]) == 2
    scherm._verwijderen.click()
    scherm._bevestig.ja.click()
    assert "Besluit 'Warmtestrategie' is verwijderd." in zichtbaar(scherm._melding.value)
    [rij] = lege_store.formulier(dossier.id, "besluitvorming")[0]["besluiten"]
    assert rij["wat"] == "Raad" and rij["afhankelijk_van"] == []
    assert scherm._kies.value is None


def test_verwijderde_partij_en_html_in_tekst_breken_niets(store_url, lege_store, dossier):
    vijandig = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("<script>alert(1)</script>", "gemeente"))
    ander = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Woonstad", "woningcorporatie"))
    scherm = oefening(store_url, dossier.id)
    vul_in(scherm, "<img src=x onerror=alert(1)>", vijandig.id, "college", "", "", "2027-03")
    scherm._afhaken.value = "<b>weg</b>"
    scherm._go_no_go.value = True
    scherm._opslaan.click()
    for widget_html in (scherm._lijst.value, scherm._conflicten.value, scherm._signalen.value,
                        scherm._samenvatting.value, scherm._melding.value, scherm._figuur.value):
        assert "<script" not in widget_html and "<img src=x" not in widget_html and "<b>weg" not in widget_html
    assert "&lt;script&gt;" in scherm._lijst.value

    lege_store.verwijder_partij(dossier.id, vijandig.id)
    opnieuw = oefening(store_url, dossier.id)
    assert VERWIJDERDE_PARTIJ in zichtbaar(opnieuw._lijst.value)
    assert "niet meer in het dossier" in zichtbaar(opnieuw._signalen.value)
    opnieuw._kies.value = None
    vul_in(opnieuw, "Investeringsbesluit", ander.id, "rvc_bestuur", "", "", "2027-06")
    opnieuw._opslaan.click()  # another decision can still be saved
    assert "is toegevoegd" in zichtbaar(opnieuw._melding.value)
    bewaard = lege_store.formulier(dossier.id, "besluitvorming")[0]["besluiten"]
    opnieuw._kies.value = bewaard[0]["id"]
    assert opnieuw._partij.value is None  # the party is gone: choose again before saving
    opnieuw._opslaan.click()
    assert "Kies de partij die dit besluit neemt." in zichtbaar(opnieuw._melding.value)


def test_wisselen_van_dossier_toont_de_andere_planning(store_url, lege_store, dossier):
    gemeente = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    ander = lege_store.maak_dossier("Ander", "Zuid", "Delft")
    scherm = oefening(store_url, dossier.id)
    vul_in(scherm, "Warmtestrategie", gemeente.id, "college", "", "", "2027-03")
    scherm._opslaan.click()
    scherm.context.dossier_id = ander.id
    assert "Nog geen besluiten" in scherm._lijst.value and scherm._wat.value == ""
    assert scherm._voorbeeld.options == () and scherm._voorbeeld_toevoegen.disabled
    scherm.context.dossier_id = dossier.id
    assert "Warmtestrategie" in zichtbaar(scherm._lijst.value)


# -- exports ------------------------------------------------------------------------------------
@pytest.fixture
def gevulde_store(lege_store, dossier):
    gemeente = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    weg = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Oud <script>", "vve"))
    lege_store.bewaar_formulier(dossier.id, "besluitvorming", {"besluiten": [
        {"id": "a", "wat": "Warmtestrategie", "partij_id": gemeente.id, "orgaan": "college",
         "beeldvorming": "2027-01", "oordeelsvorming": "2027-02", "besluit": "2027-03", "go_no_go": True,
         "afhaken": "Dan zoeken we een andere trekker.", "afhankelijk_van": []},
        {"id": "b", "wat": "ALV <b>", "partij_id": weg.id, "orgaan": "alv_vve", "besluit": "2027-03",
         "go_no_go": False, "afhankelijk_van": ["a"]},
    ]}, 0)
    lege_store.verwijder_partij(dossier.id, weg.id)
    return lege_store, dossier, gemeente


def test_word_deel_met_tabel_figuur_en_conflicten(gevulde_store):
    store, dossier, _gemeente = gevulde_store
    rapport = _Rapport("titel")
    assert docx_besluitvorming(rapport, DossierVerzameling(store, dossier.id)) is True
    buffer = io.BytesIO()
    rapport.doc.save(buffer)
    document = Document(io.BytesIO(buffer.getvalue()))
    tekst = "\n".join(p.text for p in document.paragraphs)
    for kop in ("Conflicten in de planning", "Kritiek pad en vroegste einde", "Go/no-go-momenten",
                "Let op bij deze besluitvormers"):
        assert kop in tekst
    assert "‘ALV <b>’ (verwijderde partij) staat in dezelfde maand (maart 2027) gepland als ‘Warmtestrategie’" in tekst
    assert "‘Warmtestrategie’ (Gemeente Delft): Dan zoeken we een andere trekker." in tekst
    assert "twee derde" in tekst and "Bron: TwynstraGudde" in tekst
    [tabel] = document.tables
    assert [c.text for c in tabel.rows[0].cells][:3] == ["Partij", "Wat moet er besloten worden", "Wie beslist"]
    cellen = [[c.text for c in rij.cells] for rij in tabel.rows[1:]]
    assert cellen[0][:6] == ["Gemeente Delft", "Warmtestrategie", "College van B&W", "januari 2027", "februari 2027",
                             "maart 2027"]
    assert cellen[1][0] == VERWIJDERDE_PARTIJ and "⚠ conflict" in cellen[1][-1]
    assert len(document.inline_shapes) == 1


def test_word_deel_zegt_niets_als_er_niets_is(lege_store, dossier):
    rapport = _Rapport("titel")
    assert docx_besluitvorming(rapport, DossierVerzameling(lege_store, dossier.id)) is False
    assert not [p.text for p in rapport.doc.paragraphs if p.text]


def test_excel_blad_met_echte_typen(gevulde_store, lege_store, dossier):
    store, dossier_gevuld, _gemeente = gevulde_store
    blad = blad_besluitvorming(DossierVerzameling(store, dossier_gevuld.id))
    assert blad.koppen[:4] == ["Partij", "Besluit", "Wie beslist", "Beeldvorming (maand)"]
    eerste, tweede = blad.rijen
    assert eerste[:6] == ["Gemeente Delft", "Warmtestrategie", "College van B&W", date(2027, 1, 1),
                          date(2027, 2, 1), date(2027, 3, 1)]
    assert eerste[6] is True and eerste[9] is False and tweede[9] is True
    assert tweede[0] == VERWIJDERDE_PARTIJ and tweede[3] is None and tweede[11] == date(2027, 4, 1)
    assert blad.formaten[3] == "YYYY-MM" and "los eerst de conflicten op" in blad.noot
    werkboek = Workbook()
    _schrijf(werkboek.active, blad)
    terug = load_workbook(io.BytesIO(_bytes(werkboek))).active
    assert terug["D2"].value == datetime(2027, 1, 1) and terug["D2"].number_format == "YYYY-MM"
    assert (terug["G2"].value, terug["J3"].value) == ("ja", "ja")
    leeg = blad_besluitvorming(DossierVerzameling(lege_store, lege_store.maak_dossier("Leeg").id))
    assert leeg.rijen == [] and leeg.noot == "Nog niet ingevuld."


def _bytes(werkboek) -> bytes:
    buffer = io.BytesIO()
    werkboek.save(buffer)
    return buffer.getvalue()


def test_json_export_en_import_zet_de_partij_om(gevulde_store):
    store, dossier, gemeente = gevulde_store
    nieuw = importeer_json(store, exporteer_json(store, dossier.id))
    nieuwe_gemeente = next(p for p in store.partijen(nieuw.id) if p.naam == "Gemeente Delft")
    assert nieuwe_gemeente.id != gemeente.id
    model = lees_besluitvorming(store.formulier(nieuw.id, "besluitvorming")[0])
    assert model.besluit("a").partij_id == nieuwe_gemeente.id
    assert model.besluit("b").afhankelijk_van == ("a",)
    namen = {p.id: p.naam for p in store.partijen(nieuw.id)}
    assert analyseer_besluitvorming(model, namen).conflicten  # still readable, party still '(verwijderde partij)'
    assert json.dumps(model.als_dict())
