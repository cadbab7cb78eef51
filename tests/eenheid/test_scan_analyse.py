"""Samenwerkingsscan analysis (hand-computed examples and hypothesis properties) and its charts."""

from __future__ import annotations

import math
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wijkkompas_widgets.analysis.scan import (
    MINIMUM_RESPONDENTEN,
    OP_ORGANISATIES,
    OP_RESPONDENTEN,
    REKENREGELS,
    FactorResultaat,
    aandachtspunten,
    analyseer,
    factor_resultaten,
    factorscore,
    grootste_verschillen,
    organisatie_profielen,
    stelling_resultaten,
    vergelijk_rondes,
)
from wijkkompas_widgets.charts import figuur_naar_png
from wijkkompas_widgets.charts.scan import getal, radar_figuur, vergelijking_figuur
from wijkkompas_widgets.content import Samenwerkingsscan, ScanFactor, ScanStelling, inhoud
from wijkkompas_widgets.leesmodel.scan import (
    aandachtspunt_regels,
    factor_rijen,
    laatste_twee_met_resultaat,
    radar_alt,
    ronde_stand,
    verandering,
    vergelijk,
    verschil_rijen,
)


@dataclass
class R:
    """A response as the analysis sees it: plain data."""

    naam: str
    organisatie: str
    antwoorden: dict = field(default_factory=dict)


def _klein() -> Samenwerkingsscan:
    """Two factors: A with four statements, B with three."""
    stellingen = [ScanStelling(f"a{i}", f"Stelling a{i}", f"Vraag over a{i}?", "A", "a") for i in range(1, 5)]
    stellingen += [ScanStelling(f"b{i}", f"Stelling b{i}", f"Vraag over b{i}?", "B", "b") for i in range(1, 4)]
    return Samenwerkingsscan(
        schaal=tuple((w, str(w)) for w in range(1, 6)), weet_niet="Weet ik niet",
        factoren=(ScanFactor("A", "Factor A", "", (("a", "a"),)), ScanFactor("B", "Factor B", "", (("b", "b"),))),
        stellingen=tuple(stellingen), bron="test",
    )


KLEIN = _klein()
W = None  # 'weet niet'

# Worked example; the expected numbers below are computed by hand.
VOORBEELD = [
    R("Ria", "Gemeente", {"a1": 2, "a2": 4, "a3": W, "a4": 3, "b1": 5, "b2": W, "b3": W}),
    R("Rob", " gemeente ", {"a1": 4, "a2": 4, "a3": 4, "a4": 4, "b1": 1, "b2": 2, "b3": 3}),
    R("Cor", "Corporatie", {"a1": 5, "a2": W, "a3": W, "a4": W, "b1": 4, "b2": 4, "b3": W}),
]


def test_factorscore_vraagt_minstens_de_helft_gescoord():
    ria, rob, cor = (r.antwoorden for r in VOORBEELD)
    assert factorscore(KLEIN, ria, "A") == pytest.approx(3.0)  # (2 + 4 + 3) / 3; 'weet niet' left out
    assert factorscore(KLEIN, ria, "B") is None  # 1 of 3 scored: less than half
    assert factorscore(KLEIN, rob, "B") == pytest.approx(2.0)
    assert factorscore(KLEIN, cor, "A") is None  # 1 of 4
    assert factorscore(KLEIN, cor, "B") == pytest.approx(4.0)  # 2 of 3
    assert factorscore(KLEIN, {"a1": 5, "a2": 1}, "A") == pytest.approx(3.0)  # exactly half is enough


def test_factorresultaat_met_gemiddelde_spreiding_en_n():
    a, b = factor_resultaten(KLEIN, VOORBEELD)
    assert (a.factor_id, a.n) == ("A", 2) and a.gemiddelde == pytest.approx(3.5) and a.spreiding == pytest.approx(0.5)
    assert (b.factor_id, b.n) == ("B", 2) and b.gemiddelde == pytest.approx(3.0) and b.spreiding == pytest.approx(1.0)


def test_stellingresultaat_met_weet_niet_en_te_weinig():
    per_id = {r.stelling.id: r for r in stelling_resultaten(KLEIN, VOORBEELD)}
    a1 = per_id["a1"]
    assert (a1.nummer, a1.n, a1.weet_niet) == (1, 3, 0)
    assert a1.gemiddelde == pytest.approx(11 / 3) and a1.spreiding == pytest.approx(math.sqrt(14 / 9))
    assert (per_id["a2"].gemiddelde, per_id["a2"].spreiding, per_id["a2"].weet_niet) == (4.0, 0.0, 1)
    a3 = per_id["a3"]
    assert a3.te_weinig and a3.gemiddelde is None and a3.spreiding is None and (a3.n, a3.weet_niet) == (1, 2)
    assert per_id["b2"].gemiddelde == pytest.approx(3.0) and per_id["b2"].spreiding == pytest.approx(1.0)


def test_te_weinig_antwoorden_geeft_geen_getal():
    alleen = factor_resultaten(KLEIN, VOORBEELD[:1])
    assert all(r.te_weinig and r.gemiddelde is None and r.spreiding is None for r in alleen)
    assert [r.n for r in alleen] == [1, 0]
    assert factor_resultaten(KLEIN, [])[0].n == 0
    assert all(r.te_weinig for r in stelling_resultaten(KLEIN, VOORBEELD[:1]))
    assert MINIMUM_RESPONDENTEN == 2
    assert "te weinig antwoorden" in REKENREGELS and "weet niet" in REKENREGELS


def test_organisatieprofielen_voegen_dezelfde_organisatie_samen():
    gemeente, corporatie = organisatie_profielen(KLEIN, VOORBEELD)
    assert (gemeente.organisatie, gemeente.respondenten) == ("Gemeente", 2)  # 'Gemeente' and ' gemeente '
    assert gemeente.scores["A"] == pytest.approx(3.5) and gemeente.scores["B"] == pytest.approx(2.0)
    assert (corporatie.organisatie, corporatie.scores["A"]) == ("Corporatie", None)
    assert corporatie.scores["B"] == pytest.approx(4.0)


def test_grootste_verschillen_tussen_organisaties():
    verschillen = grootste_verschillen(KLEIN, VOORBEELD)
    # a1: Gemeente (2+4)/2 = 3 vs Corporatie 5 → 2; b2: 2 vs 4 → 2 (smaller spread); b1: (5+1)/2 = 3 vs 4 → 1
    assert [(v.stelling.id, v.verschil) for v in verschillen] == [("a1", 2.0), ("b2", 2.0), ("b1", 1.0)]
    assert all(v.op_basis_van == OP_ORGANISATIES for v in verschillen)
    assert verschillen[0].hoogste == ("Corporatie", 5.0) and verschillen[0].laagste == ("Gemeente", 3.0)


def test_verschillen_binnen_een_organisatie_vallen_terug_op_de_spreiding():
    een_organisatie = [R("Ria", "Gemeente", {"a1": 1, "a2": 3}), R("Rob", "Gemeente", {"a1": 5, "a2": 4})]
    verschillen = grootste_verschillen(KLEIN, een_organisatie)
    assert [(v.stelling.id, v.verschil, v.op_basis_van) for v in verschillen] == [
        ("a1", 2.0, OP_RESPONDENTEN), ("a2", 0.5, OP_RESPONDENTEN)]


def test_top3_aandachtspunten_met_gespreksvraag():
    punten = aandachtspunten(KLEIN, VOORBEELD)
    # means: b2 3.0, b1 3.33, a4 3.5, a1 3.67, a2 4.0 (a3 and b3 have too few scores)
    assert [p.stelling.id for p in punten] == ["b2", "b1", "a4"]
    assert punten[0].gemiddelde == pytest.approx(3.0)
    assert punten[0].gespreksvraag == "Vraag over b2?"
    assert punten[0].verschil == pytest.approx(2.0)


def test_top3_bij_gelijke_gemiddelden_eerst_het_grootste_verschil():
    responsen = [
        R("A", "Gemeente", {"a1": 3, "a2": 2, "a3": 1}),
        R("B", "Corporatie", {"a1": 3, "a2": 4, "a3": 5}),
    ]
    # all three have mean 3.0; differences between the organisations: a1 0, a2 2, a3 4
    assert [p.stelling.id for p in aandachtspunten(KLEIN, responsen)] == ["a3", "a2", "a1"]


def test_vergelijking_van_twee_rondes():
    eerste = factor_resultaten(KLEIN, VOORBEELD)
    tweede = factor_resultaten(
        KLEIN, [R("X", "Gemeente", {"a1": 5, "a2": 5}), R("Y", "Corporatie", {"a1": 4, "a2": 4})]
    )
    a, b = vergelijk_rondes(eerste, tweede)
    assert (a.factor_id, a.eerste, a.tweede) == ("A", 3.5, 4.5) and a.verschil == pytest.approx(1.0)
    assert (b.factor_id, b.eerste, b.tweede, b.verschil) == ("B", 3.0, None, None)  # round 2: too few answers
    ontbreekt = vergelijk_rondes(eerste, [FactorResultaat("A", "Factor A", 2.0, 0.0, 2)])
    assert ontbreekt[1].tweede is None and ontbreekt[1].verschil is None


def test_analyseer_geeft_alles_in_een_keer():
    uitslag = analyseer(KLEIN, iter(VOORBEELD))
    assert uitslag.respondenten == 3
    assert [p.stelling.id for p in uitslag.aandachtspunten] == ["b2", "b1", "a4"]
    assert len(uitslag.stellingen) == 7 and len(uitslag.factoren) == 2 and len(uitslag.profielen) == 2


# -- properties on the real scan ----------------------------------------------------------
SCAN = inhoud().fase1.scan
IDS = [s.id for s in SCAN.stellingen]
antwoord = st.one_of(st.none(), st.integers(1, 5))
respons = st.builds(
    R,
    naam=st.text(min_size=1, max_size=5),
    organisatie=st.sampled_from(["Gemeente", "Corporatie", "Netbeheerder", "gemeente"]),
    antwoorden=st.fixed_dictionaries({i: antwoord for i in IDS}),
)
responsen_ = st.lists(respons, min_size=0, max_size=6)
# Each example draws up to 6 × 30 answers; 40 examples per property keep the file fast.
eigenschap = settings(max_examples=40, deadline=None)


def _gemiddelden(uitslag):
    return (
        [(r.gemiddelde, r.spreiding) for r in uitslag.factoren],
        [(r.gemiddelde, r.spreiding) for r in uitslag.stellingen],
    )


@eigenschap
@given(responsen_)
def test_eigenschap_weet_niet_verandert_geen_gemiddelde(responsen):
    """Someone who answers 'weet niet' everywhere changes no mean and no spread."""
    twijfelaar = R("Twijfel", "Gemeente", {i: None for i in IDS})
    assert _gemiddelden(analyseer(SCAN, [*responsen, twijfelaar])) == _gemiddelden(analyseer(SCAN, responsen))


@eigenschap
@given(responsen_, st.data())
def test_eigenschap_weet_niet_is_hetzelfde_als_geen_score(responsen, data):
    if not responsen:
        return
    index = data.draw(st.integers(0, len(responsen) - 1))
    stelling_id = data.draw(st.sampled_from(IDS))
    met_weet_niet = [R(r.naam, r.organisatie, dict(r.antwoorden)) for r in responsen]
    met_weet_niet[index].antwoorden[stelling_id] = None
    zonder = [R(r.naam, r.organisatie, dict(r.antwoorden)) for r in met_weet_niet]
    del zonder[index].antwoorden[stelling_id]
    assert _gemiddelden(analyseer(SCAN, met_weet_niet)) == _gemiddelden(analyseer(SCAN, zonder))


@eigenschap
@given(responsen_)
def test_eigenschap_gemiddelden_blijven_binnen_de_schaal(responsen):
    uitslag = analyseer(SCAN, responsen)
    for resultaat in [*uitslag.factoren, *uitslag.stellingen]:
        if resultaat.gemiddelde is None:
            assert resultaat.spreiding is None and resultaat.n < MINIMUM_RESPONDENTEN
        else:
            assert 1 - 1e-9 <= resultaat.gemiddelde <= 5 + 1e-9
            assert 0 <= resultaat.spreiding <= 2 + 1e-9
            assert resultaat.n >= MINIMUM_RESPONDENTEN
    for profiel in uitslag.profielen:
        assert all(s is None or 1 - 1e-9 <= s <= 5 + 1e-9 for s in profiel.scores.values())
    assert [v.verschil for v in uitslag.verschillen] == sorted((v.verschil for v in uitslag.verschillen),
                                                                reverse=True)
    assert all(0 < v.verschil <= 4 for v in uitslag.verschillen) and len(uitslag.verschillen) <= 5


@eigenschap
@given(responsen_)
def test_eigenschap_top3_bevat_nooit_een_hoger_gemiddelde_dan_wat_buiten_valt(responsen):
    uitslag = analyseer(SCAN, responsen)
    met_resultaat = [r for r in uitslag.stellingen if r.gemiddelde is not None]
    gekozen = {p.stelling.id for p in uitslag.aandachtspunten}
    assert len(gekozen) == len(uitslag.aandachtspunten) == min(3, len(met_resultaat))
    if gekozen:
        hoogste_gekozen = max(p.gemiddelde for p in uitslag.aandachtspunten)
        assert all(r.gemiddelde >= hoogste_gekozen for r in met_resultaat if r.stelling.id not in gekozen)
    assert all(p.gespreksvraag for p in uitslag.aandachtspunten)


@eigenschap
@given(st.permutations(list(range(4))), st.lists(respons, min_size=4, max_size=4))
def test_eigenschap_volgorde_van_invullen_maakt_niet_uit(volgorde, responsen):
    herschikt = [responsen[i] for i in volgorde]
    for eerst, daarna in zip(_gemiddelden(analyseer(SCAN, responsen)), _gemiddelden(analyseer(SCAN, herschikt)),
                             strict=True):
        for (g1, s1), (g2, s2) in zip(eerst, daarna, strict=True):
            assert (g1 is None) == (g2 is None)
            if g1 is not None:
                assert g1 == pytest.approx(g2) and s1 == pytest.approx(s2, abs=1e-9)


_STORE = {}


def _store():
    if "store" not in _STORE:
        from wijkkompas_widgets.dossier.store import DossierStore

        # inside the session's throw-away data folder (tests/conftest.py), removed after the run
        map_ = Path(tempfile.mkdtemp(prefix="scan-eigenschap-", dir=os.environ["WIJKKOMPAS_DATA_DIR"]))
        pad = map_ / "scan.sqlite"
        _STORE["store"] = DossierStore(f"sqlite:///{pad}", voorbeeld=False)
        _STORE["dossier"] = _STORE["store"].maak_dossier("Eigenschappen").id
    return _STORE["store"], _STORE["dossier"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(respons, min_size=1, max_size=3), respons)
def test_eigenschap_een_concept_verandert_de_resultaten_niet(ingediend, concept):
    """Through the store: a response that is not submitted is never passed to the analysis."""
    store, dossier_id = _store()
    ronde = store.maak_scan_ronde(dossier_id, f"Ronde {len(store.scan_rondes(dossier_id)) + 1}")
    for nummer, item in enumerate(ingediend):
        r = store.start_respons(dossier_id, ronde.id, f"Persoon {nummer}", item.organisatie)
        for stelling_id, waarde in item.antwoorden.items():
            store.beantwoord_stelling(dossier_id, r.id, stelling_id, waarde)
        store.dien_in(dossier_id, r.id)
    voor = analyseer(SCAN, store.scan_responsen(dossier_id, ronde.id))
    c = store.start_respons(dossier_id, ronde.id, "Concept", concept.organisatie)
    for stelling_id, waarde in list(concept.antwoorden.items())[:-1]:  # not finished: stays a concept
        store.beantwoord_stelling(dossier_id, c.id, stelling_id, waarde)
    assert analyseer(SCAN, store.scan_responsen(dossier_id, ronde.id)) == voor


# -- charts -------------------------------------------------------------------------------
FACTOREN = ["Motivatie", "Organisatie", "Interactie", "Resultaat"]


def test_radar_heeft_per_organisatie_een_eigen_lijn_en_een_legenda():
    figuur = radar_figuur(FACTOREN, [("Gemeente", [3.0, 2.5, None, 4.0]), ("Corporatie", [4.0, 4.5, 3.5, 3.0])],
                          [3.5, 3.5, None, 3.5], "Nulmeting")
    as_ = figuur.axes[0]
    lijnen = as_.get_lines()
    assert [lijn.get_label() for lijn in lijnen] == ["Gemeente", "Corporatie", "Gemiddelde van alle partners"]
    assert len({(lijn.get_marker(), str(lijn.get_linestyle())) for lijn in lijnen}) == 3  # not colour alone
    assert [t.get_text() for t in as_.get_legend().get_texts()] == [lijn.get_label() for lijn in lijnen]
    assert as_.get_ylim() == (0.0, 5.0)
    labels = [t.get_text() for t in as_.get_xticklabels()]
    assert labels[0] == "Motivatie\ngemiddeld 3,5" and "te weinig" in labels[2]
    assert "Samenwerkingsscan" in figuur.get_suptitle()
    assert "Bron: samenwerkingsscan, ronde Nulmeting" in figuur.get_supxlabel()
    assert figuur_naar_png(figuur).startswith(b"\x89PNG")


def test_radar_zonder_antwoorden_zegt_dat():
    figuur = radar_figuur(FACTOREN, [], [None] * 4, "Leeg")
    assert "te weinig antwoorden" in figuur.get_suptitle()
    assert figuur.axes[0].get_legend() is None


def test_vergelijking_heeft_de_waarden_op_de_balken():
    figuur = vergelijking_figuur(FACTOREN, ("Nulmeting", [3.0, 2.5, None, 4.0]), ("Na een half jaar", [3.5] * 4))
    as_ = figuur.axes[0]
    teksten = [t.get_text() for t in as_.texts]
    assert teksten.count("3,5") == 4 and {"3,0", "2,5", "4,0", "te weinig"} <= set(teksten)
    assert [t.get_text() for t in as_.get_legend().get_texts()] == ["Nulmeting", "Na een half jaar"]
    arceringen = {p.get_hatch() or "" for p in as_.patches}
    assert arceringen == {"", "//"}  # the second round is hatched: the rounds differ without colour
    assert "Nulmeting" in as_.get_title()
    assert figuur_naar_png(figuur).startswith(b"\x89PNG")


def test_getallen_op_zijn_nederlands():
    assert (getal(3.456), getal(None), getal(4)) == ("3,5", "–", "4,0")


@pytest.mark.parametrize("naam", ["$\\frac$", "A $ B", "$a$"])
def test_dollartekens_in_namen_worden_gewoon_getekend(naam):
    radar = radar_figuur(FACTOREN, [(naam, [1, 2, 3, 4])], [1, 2, 3, 4], naam)
    assert radar.axes[0].get_lines()[0].get_label() == naam.replace("$", r"\$")
    assert figuur_naar_png(radar).startswith(b"\x89PNG")
    staaf = vergelijking_figuur(FACTOREN, (naam, [1, 2, 3, 4]), ("Ronde 2", [2, 3, 4, 5]))
    assert figuur_naar_png(staaf).startswith(b"\x89PNG")


# -- the read-model: the page's and the report's sentences ---------------------------------------
@dataclass(frozen=True)
class Ronde:
    id: int
    naam: str
    aangemaakt: int
    is_gesloten: bool = False


@dataclass
class Ingevuld(R):
    is_ingediend: bool = True


@pytest.mark.parametrize(("verschil", "zin"), [
    (None, "niet te vergelijken (te weinig antwoorden)"),
    (0.0, "gelijk gebleven (0,0)"), (0.049, "gelijk gebleven (0,0)"), (-0.049, "gelijk gebleven (0,0)"),
    (0.05, "+0,1 (hoger)"), (1.5, "+1,5 (hoger)"), (-0.75, "−0,8 (lager)"),
])
def test_verandering_tussen_twee_rondes_in_woorden(verschil, zin):
    assert verandering(verschil) == zin


def test_ronde_stand_telt_concepten_apart_en_rekent_alleen_met_ingediende():
    ronde = Ronde(1, "Nulmeting", 1)
    concept = Ingevuld("Carla", "Netbeheerder", {"a1": 1}, is_ingediend=False)
    stand = ronde_stand(KLEIN, ronde, [Ingevuld(r.naam, r.organisatie, r.antwoorden) for r in VOORBEELD] + [concept])
    assert len(stand.ingediend) == len(VOORBEELD) and stand.concepten == [concept] and stand.status == "open"
    assert stand.uitslag == analyseer(KLEIN, VOORBEELD)
    assert ronde_stand(KLEIN, ronde, [concept]).uitslag is None


def test_tabellen_alt_tekst_en_aandachtspunten_zoals_pagina_en_rapport_ze_tonen():
    uitslag = analyseer(KLEIN, VOORBEELD)
    assert factor_rijen(uitslag)[0][0] == "Factor A" and all(len(rij) == 4 for rij in factor_rijen(uitslag))
    alt = radar_alt(KLEIN, "Nulmeting", uitslag)
    assert alt.startswith("Radardiagram van de samenwerkingsscan, ronde Nulmeting, schaal 1 tot 5. Totaal: Factor A")
    assert "Gemeente: Factor A" in alt
    [eerste, *_rest] = aandachtspunt_regels(KLEIN, uitslag.aandachtspunten)
    punt = uitslag.aandachtspunten[0]
    assert eerste.kop == f"Stelling {punt.nummer}: {punt.stelling.tekst}"
    assert eerste.toelichting.startswith(f"Gemiddelde {getal(punt.gemiddelde)} (Factor ")
    assert eerste.gespreksvraag == punt.gespreksvraag
    rijen = verschil_rijen(uitslag)
    assert rijen is None or all(len(rij) == 5 for rij in rijen)


def test_vergelijking_zet_de_eerdere_ronde_eerst_en_het_rapport_neemt_de_laatste_twee():
    oud, nieuw, leeg = Ronde(1, "Nulmeting", 1), Ronde(2, "Later", 2), Ronde(3, "Nog niets", 3)
    laag = [R("a", "X", {s.id: 2 for s in KLEIN.stellingen}), R("b", "Y", {s.id: 3 for s in KLEIN.stellingen})]
    hoog = [R("a", "X", {s.id: 4 for s in KLEIN.stellingen}), R("b", "Y", {s.id: 4 for s in KLEIN.stellingen})]
    vergelijking = vergelijk(KLEIN, [(nieuw, hoog), (oud, laag)])
    assert (vergelijking.eerste, vergelijking.tweede) == (oud, nieuw)
    assert vergelijking.koppen == ["Factor", "Nulmeting", "Later", "Verandering"]
    assert vergelijking.rijen[0] == ["Factor A", "2,5", "4,0", "+1,5 (hoger)"]
    assert vergelijking.alt.startswith("Staafdiagram: gemiddelde per factor in Nulmeting en Later. Factor A: 2,5")
    standen = [ronde_stand(KLEIN, r, [Ingevuld(x.naam, x.organisatie, x.antwoorden) for x in antwoorden])
               for r, antwoorden in ((nieuw, hoog), (leeg, []), (oud, laag))]
    assert [s.ronde for s in laatste_twee_met_resultaat(standen)] == [oud, nieuw]
    assert laatste_twee_met_resultaat(standen[:2]) is None
