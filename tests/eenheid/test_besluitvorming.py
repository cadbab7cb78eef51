"""Besluitvormingsafspraken: reading and checking the planning, conflicts, cycles and the critical path, the
starting rows and the timeline."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from graphlib import CycleError, TopologicalSorter
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
from wijkkompas_widgets.dossier import InvoerFout, Partij

NAMEN = {1: "Gemeente Delft", 2: "Woonstad"}
VANDAAG = date(2026, 11, 23)


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
    assert "minstens 70% van alle huurders" in hint("bewoners_70") and "vermoed redelijk" in hint("bewoners_70")
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
