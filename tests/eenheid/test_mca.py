"""Multicriteria-afweging: weights, ranking, parties, sensitivity and the smallest change that flips the winner.

Hand-computed examples first, then properties with hypothesis, bad input, and the chart builders."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from wijkkompas_widgets.analysis.mca import (
    OnvolledigeScores,
    gelijke_punten,
    gevoeligheid,
    gezamenlijke_gewichten,
    grote_verschillen,
    kleinste_omslag,
    normaliseer_punten,
    rangschik,
    rangschik_per_partij,
    scoretabel,
    trek_gewichten,
    verschillen_tussen_partijen,
)
from wijkkompas_widgets.charts import figuur_naar_png
from wijkkompas_widgets.charts.mca import gevoeligheid_figuur, partijen_figuur, rangschikking_figuur
from wijkkompas_widgets.content import ContentFout, laad_inhoud
from wijkkompas_widgets.dossier.model import InvoerFout

NAMEN = {"kosten": "Nationale kosten", "co2": "CO2-reductie", "draagvlak": "Draagvlak in de wijk"}
# Hand-computed: with weights 0.5 / 0.3 / 0.2
#   S1 = 0.5·4 + 0.3·2 + 0.2·3 = 3.2,  S2 = 0.5·2 + 0.3·5 + 0.2·3 = 3.1,  S3 = 0.5·3 + 0.3·3 + 0.2·3 = 3.0
SCORES = {
    "S1": {"kosten": 4, "co2": 2, "draagvlak": 3},
    "S2": {"kosten": 2, "co2": 5, "draagvlak": 3},
    "S3": {"kosten": 3, "co2": 3, "draagvlak": 3},
}
PUNTEN = {"kosten": 50, "co2": 30, "draagvlak": 20}


# -- weights ---------------------------------------------------------------------------------------------
def test_honderd_punten_worden_gewichten_zonder_melding():
    gewichten, melding = normaliseer_punten(PUNTEN)
    assert gewichten == pytest.approx({"kosten": 0.5, "co2": 0.3, "draagvlak": 0.2})
    assert melding is None


def test_een_ander_totaal_wordt_omgerekend_en_dat_wordt_gezegd():
    gewichten, melding = normaliseer_punten({"kosten": 3, "co2": 1})
    assert gewichten == pytest.approx({"kosten": 0.75, "co2": 0.25})
    assert "4 in plaats van 100" in melding and "verhoudingen" in melding


@pytest.mark.parametrize(
    ("punten", "tekst"),
    [
        ({"kosten": -5, "co2": 50}, "niet negatief"),
        ({"kosten": 0, "co2": 0}, "Alle criteria hebben 0 punten"),
        ({"kosten": None, "co2": 50}, "Bij 'Nationale kosten' staan nog geen punten"),
        ({"kosten": "veel", "co2": 50}, "geen getal"),
        ({"kosten": math.nan, "co2": 50}, "geen getal"),
        ({}, "nog geen criteria"),
    ],
)
def test_onbruikbare_punten_geven_een_nederlandse_melding(punten, tekst):
    with pytest.raises(InvoerFout, match=tekst):
        normaliseer_punten(punten, namen=NAMEN)


def test_gezamenlijke_gewichten_tellen_elke_partij_even_zwaar():
    # Gemeente: 100/0 → 1.0/0.0; Bewoners gave 80 points, 20/60 → 0.25/0.75; mean → 0.625/0.375
    gewichten = gezamenlijke_gewichten({"Gemeente": {"kosten": 100, "co2": 0}, "Bewoners": {"kosten": 20, "co2": 60}})
    assert gewichten == pytest.approx({"kosten": 0.625, "co2": 0.375})


def test_partijen_met_verschillende_criteria_worden_niet_gemiddeld():
    with pytest.raises(InvoerFout, match="Corporatie heeft punten voor 'CO2-reductie', maar Gemeente niet"):
        gezamenlijke_gewichten({"Gemeente": {"kosten": 100}, "Corporatie": {"kosten": 50, "co2": 50}}, namen=NAMEN)
    with pytest.raises(InvoerFout, match="Bij Bewoners: Alle criteria hebben 0 punten"):
        gezamenlijke_gewichten({"Gemeente": {"kosten": 100}, "Bewoners": {"kosten": 0}})


def test_gelijke_punten_verdelen_precies_honderd():
    assert gelijke_punten(["a", "b", "c"]) == {"a": 34, "b": 33, "c": 33}
    assert sum(gelijke_punten([f"c{i}" for i in range(12)]).values()) == 100


# -- ranking ------------------------------------------------------------------------------------------------
def test_grote_verschillen_noemen_het_criterium_en_beide_partijen():
    zinnen = grote_verschillen({"A": {"k": 0.5, "c": 0.5}, "B": {"k": 0.1, "c": 0.9}}, {"k": "Kosten", "c": "CO2"})
    assert len(zinnen) == 2 and "'Kosten'" in zinnen[0] and "50% bij A" in zinnen[0] and "10% bij B" in zinnen[0]
    assert grote_verschillen({"A": {"k": 0.5, "c": 0.5}, "B": {"k": 0.45, "c": 0.55}}, {"k": "K", "c": "C"}) == []


def test_rangschikking_volgens_handberekening():
    uitkomst = rangschik(SCORES, PUNTEN, namen=NAMEN)
    assert uitkomst.totaal == pytest.approx({"S1": 3.2, "S2": 3.1, "S3": 3.0})
    assert uitkomst.volgorde == ("S1", "S2", "S3")
    assert uitkomst.rang == {"S1": 1, "S2": 2, "S3": 3}
    assert uitkomst.bijdrage["S2"]["co2"] == pytest.approx(1.5)
    assert sum(uitkomst.bijdrage["S1"].values()) == pytest.approx(uitkomst.totaal["S1"])
    assert uitkomst.voorsprong == pytest.approx(0.1)
    assert uitkomst.samenvatting() == "S1 staat bovenaan met een gewogen score van 3,20, 0,10 punt voor S2."


def test_punten_of_gewichten_geven_dezelfde_rangschikking_en_dataframe_mag_ook():
    tabel = pd.DataFrame(SCORES).T
    assert rangschik(tabel, {"kosten": 0.5, "co2": 0.3, "draagvlak": 0.2}).totaal == pytest.approx(
        rangschik(SCORES, PUNTEN).totaal)


def test_gelijke_totalen_delen_een_plaats_in_de_invoervolgorde_en_worden_gemeld():
    # equal weights: A = (5+1+3)/3 = 3, B = (1+3+5)/3 = 3 (summed in another order), C = 1
    scores = {"C": {"a": 1, "b": 1, "c": 1}, "B": {"a": 1, "b": 3, "c": 5}, "A": {"a": 5, "b": 1, "c": 3}}
    uitkomst = rangschik(scores, {"a": 1, "b": 1, "c": 1})
    assert uitkomst.rang == {"B": 1, "A": 1, "C": 3}
    assert uitkomst.volgorde == ("B", "A", "C")
    assert uitkomst.gelijk == (("B", "A"),)
    assert uitkomst.winnaars == ("B", "A") and uitkomst.gedeelde_eerste_plaats
    assert "B en A delen de eerste plaats" in uitkomst.samenvatting()


def test_geen_rangschikking_op_onvolledige_scores():
    scores = {"S1": {"kosten": 4, "co2": None, "draagvlak": 3}, "S2": {"kosten": 2, "co2": 5}, "S3": {}}
    with pytest.raises(OnvolledigeScores) as fout:
        rangschik(scores, PUNTEN, namen=NAMEN)
    assert set(fout.value.ontbrekend) == {("S1", "co2"), ("S2", "draagvlak"), ("S3", "kosten"), ("S3", "co2"),
                                          ("S3", "draagvlak")}
    melding = str(fout.value)
    assert "S3 heeft nog geen enkele score" in melding
    assert "S1 op 'CO2-reductie'" in melding and "S2 op 'Draagvlak in de wijk'" in melding
    assert "telt niet als 0" in melding
    # the same list is available without raising, for a to-do in the UI
    assert set(scoretabel(scores, criteria=list(PUNTEN)).ontbrekend) == set(fout.value.ontbrekend)


@pytest.mark.parametrize(
    ("score", "tekst"),
    [(6, "is 6; kies een score van 1 tot en met 5"), (0, "is 0"), (2.5 + 3, "is 5,5"),
     ("vier", "geen getal"), (True, "geen getal"), (math.inf, "geen getal")],
)
def test_score_buiten_de_schaal_noemt_strategie_en_criterium(score, tekst):
    scores = {**SCORES, "S2": {**SCORES["S2"], "co2": score}}
    with pytest.raises(InvoerFout, match="'S2' op 'CO2-reductie'") as fout:
        rangschik(scores, PUNTEN, namen=NAMEN)
    assert tekst in str(fout.value)


def test_halve_scores_mogen_wel():
    scores = {**SCORES, "S3": {"kosten": 3.5, "co2": 3, "draagvlak": 3}}
    assert rangschik(scores, PUNTEN).totaal["S3"] == pytest.approx(3.25)


def test_score_voor_een_criterium_zonder_gewicht_wordt_geweigerd():
    scores = {**SCORES, "S1": {**SCORES["S1"], "overlast": 4}}
    with pytest.raises(InvoerFout, match=r"'overlast'.*hoort niet bij de vastgelegde criteria"):
        rangschik(scores, PUNTEN)


def test_geen_strategieen_of_alle_gewichten_nul():
    with pytest.raises(InvoerFout, match="nog geen strategieën"):
        rangschik({}, PUNTEN)
    with pytest.raises(InvoerFout, match="Alle criteria hebben 0 punten"):
        rangschik(SCORES, {"kosten": 0, "co2": 0, "draagvlak": 0})


# -- parties ---------------------------------------------------------------------------------------------------
PARTIJEN = {
    "Gemeente": {"kosten": 70, "co2": 10, "draagvlak": 20},
    "Corporatie": {"kosten": 60, "co2": 20, "draagvlak": 20},
    "Bewoners": {"kosten": 10, "co2": 80, "draagvlak": 10},
}


def test_verschillen_tussen_partijen_in_zinnen():
    per_partij = rangschik_per_partij(SCORES, PARTIJEN)
    assert per_partij["Bewoners"].winnaars == ("S2",) and per_partij["Gemeente"].winnaars == ("S1",)
    zinnen = verschillen_tussen_partijen(per_partij, rangschik(SCORES, PUNTEN))
    assert zinnen[0] == ("De partijen hebben niet dezelfde winnaar: bij Gemeente en Corporatie staat S1 bovenaan "
                         "en bij Bewoners staat S2 bovenaan.")
    assert "Het grootste verschil zit bij S1: plaats 1 bij Gemeente, plaats 3 bij Bewoners." in zinnen
    assert zinnen[-1] == "Met de gezamenlijke gewichten wint S1; met de eigen gewichten wint bij Bewoners S2."


def test_eensgezinde_partijen_krijgen_een_zin_dat_ze_het_eens_zijn():
    per_partij = rangschik_per_partij(SCORES, {"Gemeente": PARTIJEN["Gemeente"], "Corporatie": PARTIJEN["Corporatie"]})
    zinnen = verschillen_tussen_partijen(per_partij, rangschik(SCORES, PUNTEN))
    assert zinnen == ["Alle partijen hebben dezelfde winnaar: S1.", "Ook de top 3 is bij alle partijen gelijk.",
                      "De winnaar met de gezamenlijke gewichten is ook de winnaar van elke partij afzonderlijk."]


def test_fout_in_de_punten_van_een_partij_noemt_die_partij():
    with pytest.raises(InvoerFout, match=r"^Bij Bewoners: "):
        rangschik_per_partij(SCORES, {"Gemeente": PUNTEN, "Bewoners": {"kosten": -1, "co2": 5, "draagvlak": 1}})


# -- smallest change -------------------------------------------------------------------------------------------
def test_kleinste_omslag_volgens_handberekening():
    # S2 − S1 = (−2, +3, 0) and the gap is 0.1. Moving weight from 'kosten' (−2) to 'co2' (+3) closes 5 per unit:
    # 0.1 / 5 = 0.02 → 2 percentage points. S3 would need 0.2 / 2 = 10 points, so S2 is the challenger.
    omslag = kleinste_omslag(SCORES, PUNTEN, namen=NAMEN)
    assert omslag.mogelijk and omslag.uitdager == "S2" and omslag.naar == "co2"
    assert omslag.procentpunten == pytest.approx(2.0)
    assert omslag.van == (("kosten", pytest.approx(2.0)),)
    assert omslag.nieuwe_gewichten == pytest.approx({"kosten": 0.48, "co2": 0.32, "draagvlak": 0.2})
    assert "2 procentpunt" in omslag.uitleg and "'Nationale kosten'" in omslag.uitleg and "kleine" in omslag.uitleg
    nieuw = rangschik(SCORES, omslag.nieuwe_gewichten)
    assert nieuw.totaal["S1"] == pytest.approx(nieuw.totaal["S2"])


def test_kleinste_omslag_haalt_gewicht_bij_meer_criteria_weg_als_dat_moet():
    # W − C per criterion: a +4, b +1, c −2; weights 0.02 / 0.68 / 0.30 → W 3.72, C 3.56, gap 0.16.
    # All 2 points of 'a' close 0.12; the remaining 0.04 comes from 'b' at 3 per unit: 1.33 points. Total 3.33.
    scores = {"W": {"a": 5, "b": 4, "c": 3}, "C": {"a": 1, "b": 3, "c": 5}}
    omslag = kleinste_omslag(scores, {"a": 2, "b": 68, "c": 30})
    assert omslag.procentpunten == pytest.approx(10 / 3)
    assert [c for c, _pp in omslag.van] == ["a", "b"]
    assert [pp for _c, pp in omslag.van] == pytest.approx([2.0, 4 / 3])
    assert omslag.naar == "c"


def test_geen_omslag_mogelijk_als_de_winnaar_overal_minstens_zo_goed_is():
    scores = {"A": {"a": 5, "b": 4}, "B": {"a": 3, "b": 4}, "C": {"a": 1, "b": 1}}
    omslag = kleinste_omslag(scores, {"a": 50, "b": 50})
    assert not omslag.mogelijk and "minstens zo goed" in omslag.uitleg


def test_bij_een_gedeelde_eerste_plaats_is_de_omslag_nul():
    omslag = kleinste_omslag({"A": {"a": 4, "b": 2}, "B": {"a": 2, "b": 4}}, {"a": 1, "b": 1})
    assert omslag.procentpunten == 0 and "gelijk bovenaan" in omslag.uitleg


# -- sensitivity ------------------------------------------------------------------------------------------------
def test_gevoeligheid_is_reproduceerbaar_met_een_seed():
    een = gevoeligheid(SCORES, PUNTEN, n=2_000, seed=42)
    twee = gevoeligheid(SCORES, PUNTEN, n=2_000, seed=42)
    assert een.aandeel_eerste == twee.aandeel_eerste and een.seed == 42
    assert sum(een.aandeel_eerste.values()) == pytest.approx(1.0)
    # without a seed one is chosen and stored, so the outcome can be reproduced afterwards
    zonder = gevoeligheid(SCORES, PUNTEN, n=2_000)
    assert gevoeligheid(SCORES, PUNTEN, n=2_000, seed=zonder.seed).aandeel_eerste == zonder.aandeel_eerste


def test_gevoeligheid_van_een_krappe_winnaar_en_de_partijen():
    uitkomst = gevoeligheid(SCORES, PUNTEN, n=5_000, seed=1, per_partij=PARTIJEN)
    assert uitkomst.winnaars == ("S1",)
    assert 0.5 < uitkomst.aandeel_eerste["S1"] < 0.95 and uitkomst.aandeel_eerste["S2"] > 0.05
    assert uitkomst.per_partij == {"Gemeente": ("S1",), "Corporatie": ("S1",), "Bewoners": ("S2",)}
    assert uitkomst.omslag.procentpunten == pytest.approx(2.0)
    zinnen = " ".join(uitkomst.samenvatting())
    assert "5.000 trekkingen" in zinnen and "bij Bewoners wint S2" in zinnen and "2 procentpunt" in zinnen


def test_gevoeligheid_noemt_de_partij_met_onbruikbare_punten():
    with pytest.raises(InvoerFout, match=r"^Bij Bewoners: Alle criteria hebben 0 punten"):
        gevoeligheid(SCORES, PUNTEN, n=100, seed=1, per_partij={"Bewoners": dict.fromkeys(PUNTEN, 0)})


def test_een_duidelijke_winnaar_is_stevig():
    scores = {"A": {"a": 5, "b": 5, "c": 4}, "B": {"a": 2, "b": 3, "c": 4}, "C": {"a": 1, "b": 2, "c": 3}}
    uitkomst = gevoeligheid(scores, {"a": 40, "b": 40, "c": 20}, n=3_000, seed=3)
    assert uitkomst.aandeel_eerste == {"A": 1.0, "B": 0.0, "C": 0.0}
    assert uitkomst.oordeel == "stevig" and not uitkomst.omslag.mogelijk


def test_getrokken_gewichten_liggen_rond_de_afgesproken_gewichten():
    w = np.array([0.5, 0.3, 0.2, 0.0])
    sets = trek_gewichten(w, 20_000, 0.2, np.random.default_rng(5))
    assert np.allclose(sets.sum(axis=1), 1.0) and (sets[:, 3] == 0).all()
    assert sets.mean(axis=0) == pytest.approx(w, abs=0.01)
    # spreiding 0.2: a weight of average size moves about 20% of its value, whatever the number of criteria
    for aantal in (3, 12):
        gelijk = trek_gewichten(np.full(aantal, 1 / aantal), 20_000, 0.2, np.random.default_rng(6))
        assert gelijk[:, 0].std() * aantal == pytest.approx(0.2, rel=0.05)


@pytest.mark.parametrize(
    ("kwargs", "tekst"),
    [({"n": 0}, "aantal trekkingen"), ({"spreiding": 0}, "spreiding"), ({"spreiding": 1.5}, "spreiding"),
     ({"seed": -1}, "startgetal")],
)
def test_gevoeligheid_weigert_onzinnige_instellingen(kwargs, tekst):
    with pytest.raises(InvoerFout, match=tekst):
        gevoeligheid(SCORES, PUNTEN, **kwargs)


# -- properties --------------------------------------------------------------------------------------------------
@st.composite
def mca_invoer(draw, min_strategieen=2):
    aantal_s = draw(st.integers(min_strategieen, 6))
    aantal_c = draw(st.integers(1, 5))
    criteria = [f"c{k}" for k in range(aantal_c)]
    scores = {f"S{s}": {c: draw(st.integers(1, 5)) for c in criteria} for s in range(aantal_s)}
    punten = {c: draw(st.integers(0, 100)) for c in criteria}
    assume(sum(punten.values()) > 0)
    return scores, punten


@settings(max_examples=40, deadline=None)
@given(mca_invoer(), st.floats(0.01, 1000))
def test_alle_gewichten_schalen_verandert_de_rangschikking_niet(invoer, factor):
    scores, punten = invoer
    voor = rangschik(scores, punten)
    na = rangschik(scores, {c: p * factor for c, p in punten.items()})
    assert na.volgorde == voor.volgorde and na.rang == voor.rang


@settings(max_examples=40, deadline=None)
@given(mca_invoer(), st.integers(1, 5), st.integers(0, 100))
def test_een_criterium_waarop_iedereen_gelijk_scoort_verandert_niets(invoer, score, gewicht):
    scores, punten = invoer
    voor = rangschik(scores, punten)
    met = rangschik({s: {**rij, "gelijk": score} for s, rij in scores.items()}, {**punten, "gelijk": gewicht})
    assert met.volgorde == voor.volgorde and met.rang == voor.rang


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_een_gedomineerde_strategie_staat_nooit_bovenaan(data):
    aantal_c = data.draw(st.integers(1, 5))
    criteria = [f"c{k}" for k in range(aantal_c)]
    zwak = {c: data.draw(st.integers(1, 4)) for c in criteria}
    plus = {c: data.draw(st.integers(0, 1)) for c in criteria}
    assume(sum(plus.values()) > 0)
    sterk = {c: zwak[c] + plus[c] for c in criteria}  # at least as good everywhere, better somewhere
    aantal_anderen = data.draw(st.integers(0, 3))
    anderen = {f"X{i}": {c: data.draw(st.integers(1, 5)) for c in criteria} for i in range(aantal_anderen)}
    scores = {"zwak": zwak, "sterk": sterk, **anderen}
    punten = {c: data.draw(st.integers(1, 100)) for c in criteria}  # every criterion counts
    uitkomst = rangschik(scores, punten)
    assert uitkomst.rang["zwak"] > 1
    assert uitkomst.rang["zwak"] > uitkomst.rang["sterk"]
    # in the sensitivity the dominated strategy never comes first more often than the one dominating it
    gevoelig = gevoeligheid(scores, punten, n=300, seed=data.draw(st.integers(0, 10**6)))
    assert gevoelig.aandeel_eerste["zwak"] <= gevoelig.aandeel_eerste["sterk"]
    assert gevoelig.omslag.uitdager != "zwak"


@settings(max_examples=40, deadline=None)
@given(mca_invoer(), st.integers(0, 10**6))
def test_kleinste_omslag_is_echt_de_kleinste(invoer, seed):
    scores, punten = invoer
    uitkomst = rangschik(scores, punten)
    assume(not uitkomst.gedeelde_eerste_plaats)
    omslag = kleinste_omslag(scores, punten)
    winnaar = uitkomst.winnaars[0]
    w = np.array([uitkomst.gewichten[c] for c in uitkomst.criteria])
    matrix = np.array([[scores[s][c] for c in uitkomst.criteria] for s in uitkomst.strategieen])
    i = uitkomst.strategieen.index(winnaar)
    if omslag.mogelijk:
        nieuw = np.array([omslag.nieuwe_gewichten[c] for c in uitkomst.criteria])
        assert nieuw.min() >= -1e-12 and nieuw.sum() == pytest.approx(1.0)
        assert np.abs(nieuw - w).sum() / 2 * 100 == pytest.approx(omslag.procentpunten)
        totalen = matrix @ nieuw
        assert totalen[uitkomst.strategieen.index(omslag.uitdager)] == pytest.approx(totalen[i], abs=1e-9)
        grens = omslag.procentpunten / 100 * 0.999
    else:
        grens = 1.0  # any change at all
    # any weights closer than the smallest change keep the same winner
    rng = np.random.default_rng(seed)
    for doel in rng.dirichlet(np.ones(len(w)), size=200):
        afstand = np.abs(doel - w).sum() / 2
        stap = 1.0 if afstand == 0 else min(1.0, grens / afstand)
        totalen = matrix @ (w + stap * (doel - w))
        assert totalen[i] >= totalen.max() - 1e-9


# -- charts ----------------------------------------------------------------------------------------------------
def _teksten(figuur) -> list[str]:
    return [t.get_text() for as_ in figuur.axes for t in as_.texts]


def test_rangschikkingsfiguur_toont_plaatsen_totalen_gewichten_en_arcering():
    figuur = rangschikking_figuur(rangschik(SCORES, PUNTEN, namen=NAMEN))
    as_ = figuur.axes[0]
    assert [t.get_text() for t in as_.get_yticklabels()] == ["1. S1", "2. S2", "3. S3"]
    teksten = _teksten(figuur)
    assert "3,20  (plaats 1)" in teksten and "3,10  (plaats 2)" in teksten
    assert "1,50" in teksten  # the piece of CO2 for S2: 0.3 × 5
    legenda = [t.get_text() for t in as_.get_legend().get_texts()]
    assert legenda == ["Nationale kosten (50%)", "CO2-reductie (30%)", "Draagvlak in de wijk (20%)"]
    assert len({p.get_hatch() for p in as_.patches}) == 3  # every criterion its own hatching, not colour alone
    assert figuur_naar_png(figuur).startswith(b"\x89PNG")


def test_gedeelde_plaats_staat_in_de_figuur():
    uitkomst = rangschik({"A": {"a": 4, "b": 2}, "B": {"a": 2, "b": 4}}, {"a": 1, "b": 1})
    assert "3  (plaats 1 (gedeeld))" in _teksten(rangschikking_figuur(uitkomst))


def test_partijenfiguur_zet_elke_partij_in_een_kolom_met_namen_en_scores():
    figuur = partijen_figuur(rangschik_per_partij(SCORES, PARTIJEN), rangschik(SCORES, PUNTEN))
    as_ = figuur.axes[0]
    assert [t.get_text() for t in as_.get_xticklabels()] == ["Gezamenlijk", "Gemeente", "Corporatie", "Bewoners"]
    teksten = _teksten(figuur)
    assert "S1 · 3,20" in teksten and "S2 · 4,50" in teksten  # Bewoners: 0.1·2 + 0.8·5 + 0.1·3
    assert len({line.get_marker() for line in as_.get_lines()}) == 3
    assert figuur_naar_png(figuur).startswith(b"\x89PNG")
    assert "nog geen partij" in partijen_figuur({}).axes[0].get_title()


def test_gevoeligheidsfiguur_noemt_winnaar_percentages_en_partijen():
    uitkomst = gevoeligheid(SCORES, PUNTEN, n=2_000, seed=42, per_partij=PARTIJEN)
    figuur = gevoeligheid_figuur(uitkomst)
    teksten = _teksten(figuur)
    assert any(t.startswith("winnaar met de gezamenlijke gewichten") for t in teksten)
    assert "wint met de eigen gewichten van Bewoners" in teksten
    assert f"{round(uitkomst.aandeel_eerste['S1'] * 100, 1):.1f}%".replace(".", ",") in teksten
    assert "startgetal 42" in figuur._supxlabel.get_text()
    assert figuur_naar_png(figuur).startswith(b"\x89PNG")


def test_dollartekens_in_strategie_en_partijnamen_breken_de_figuren_niet():
    scores = {r"$\frac$ warmtenet": SCORES["S1"], "S2": SCORES["S2"]}
    partijen = {r"Fonds $x$": PUNTEN}
    for figuur in (rangschikking_figuur(rangschik(scores, PUNTEN)),
                   partijen_figuur(rangschik_per_partij(scores, partijen)),
                   gevoeligheid_figuur(gevoeligheid(scores, PUNTEN, n=200, seed=1, per_partij=partijen))):
        assert figuur_naar_png(figuur).startswith(b"\x89PNG")


# -- content ---------------------------------------------------------------------------------------------------
def test_criteria_uit_de_inhoud_hebben_een_schaal_met_uitleg(inhoud):
    fase34 = inhoud.fase34
    assert [n.waarde for n in fase34.schaal] == [1, 2, 3, 4, 5] and "hoger" in fase34.schaal_uitleg.lower()
    standaard = {c.id for c in fase34.criteria if c.standaard}
    assert {"nationale-kosten", "woonlasten", "co2-reductie", "betrouwbaarheid", "bewezen-techniek", "draagvlak",
            "overlast", "ruimtebeslag"} <= standaard
    for criterium in fase34.criteria:
        assert [n.waarde for n in criterium.niveaus] == [1, 2, 3, 4, 5], criterium.id
        assert criterium.bron and criterium.omschrijving
    # the default criteria can be ranked straight away with equal points
    criteria = [c.id for c in fase34.criteria if c.standaard]
    scores = {"S1": dict.fromkeys(criteria, 3), "S2": dict.fromkeys(criteria, 4)}
    assert rangschik(scores, gelijke_punten(criteria)).winnaars == ("S2",)


def test_kapot_criterium_wordt_gemeld_met_bestand_en_id(content_kopie):
    pad = content_kopie / "criteria.yaml"
    tekst = pad.read_text(encoding="utf-8")
    regel = '      - {waarde: 5, label: "Het goedkoopst", uitleg: "De laagste nationale kosten van alle alternatieven voor deze wijk."}\n'  # noqa: E501
    assert regel in tekst
    pad.write_text(tekst.replace(regel, ""), encoding="utf-8")
    with pytest.raises(ContentFout,
                       match=r"criteria\.yaml \(criterium 'nationale-kosten'\): verwacht de niveaus 1 t/m 5"):
        laad_inhoud(content_kopie)
