"""Koppelkansen: the ranking, the candidates from phase 2, the chart, and the ranking in words that the page and
the report share (leesmodel)."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from wijkkompas_widgets.analysis.koppelkansen import (
    controleer_eigen_criterium,
    eigen_criteria_uit_formulier,
    kandidaten_uit_fase2,
    marge_uit_formulier,
    rangschik_koppelkansen,
)
from wijkkompas_widgets.charts.koppelkansen import koppelkansen_figuur
from wijkkompas_widgets.dossier import InvoerFout
from wijkkompas_widgets.dossier.records import Werk
from wijkkompas_widgets.leesmodel.koppelkansen import (
    criterium_label,
    figuur_alt,
    gedeelde_top_zin,
    onvolledig_regels,
    ranglijst_koppen,
    ranglijst_rijen,
    score_opties,
)

CRITERIA = ("wensen", "extra-kosten", "doorlooptijd")


@dataclass(frozen=True)
class Kans:
    id: int
    titel: str
    scores: dict = field(default_factory=dict)
    besluit: str | None = None
    reden: str = ""


# -- koppelkansen ranking --------------------------------------------------------------------------
def test_hoogste_gemiddelde_eerst_en_top3_gemarkeerd():
    kansen = [
        Kans(1, "Riool en warmte", {"wensen": 5, "extra-kosten": 4, "doorlooptijd": 3}),
        Kans(2, "Energiecoach", {"wensen": 4, "extra-kosten": 5, "doorlooptijd": 5}),
        Kans(3, "Leerwerk", {"wensen": 2, "extra-kosten": 2, "doorlooptijd": 2}),
        Kans(4, "Groene daken", {"wensen": 3, "extra-kosten": 3, "doorlooptijd": 3}),
    ]
    uitkomst = rangschik_koppelkansen(kansen)
    assert [k.titel for k in uitkomst.gerangschikt] == ["Energiecoach", "Riool en warmte", "Groene daken", "Leerwerk"]
    assert [k.plaats for k in uitkomst.gerangschikt] == [1, 2, 3, 4]
    assert [k.titel for k in uitkomst.top] == ["Energiecoach", "Riool en warmte", "Groene daken"]
    assert uitkomst.gerangschikt[0].gemiddelde_tekst == "4,7"


def test_ontbrekende_score_telt_niet_als_nul_maar_staat_apart():
    kansen = [Kans(1, "Half gescoord", {"wensen": 5}), Kans(2, "Laag maar compleet", dict.fromkeys(CRITERIA, 1))]
    uitkomst = rangschik_koppelkansen(kansen)
    assert [k.titel for k in uitkomst.gerangschikt] == ["Laag maar compleet"]
    onvolledig = uitkomst.onvolledig[0]
    assert onvolledig.titel == "Half gescoord" and onvolledig.plaats is None
    assert onvolledig.ontbrekend == ("extra-kosten", "doorlooptijd")
    assert onvolledig.gemiddelde_tekst == "onbekend"


def test_gelijke_gemiddelden_delen_een_plaats_en_top3_kan_groter_zijn():
    kansen = [Kans(i, f"Kans {naam}", dict.fromkeys(CRITERIA, s))
              for i, (naam, s) in enumerate([("d", 5), ("c", 4), ("b", 3), ("a", 3), ("e", 1)], start=1)]
    uitkomst = rangschik_koppelkansen(kansen)
    assert [(k.titel, k.plaats) for k in uitkomst.gerangschikt] == [
        ("Kans d", 1), ("Kans c", 2), ("Kans a", 3), ("Kans b", 3), ("Kans e", 5)]
    assert len(uitkomst.top) == 4 and uitkomst.gedeelde_plaats_in_top


def test_eigen_criterium_telt_mee_en_oude_scores_tellen_niet():
    kans = Kans(1, "X", {"wensen": 5, "extra-kosten": 5, "doorlooptijd": 5, "weggehaald": 1})
    assert rangschik_koppelkansen([kans]).gerangschikt[0].gemiddelde_tekst == "5,0"
    met_eigen = rangschik_koppelkansen([kans], (*CRITERIA, "zichtbaar"))
    assert not met_eigen.gerangschikt and met_eigen.onvolledig[0].ontbrekend == ("zichtbaar",)


_scores = st.fixed_dictionaries({}, optional={c: st.integers(1, 5) for c in CRITERIA})


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abcdef"), _scores), max_size=8), st.randoms())
def test_rangschikking_hangt_niet_af_van_de_volgorde_van_invoer(items, toeval):
    kansen = [Kans(i, titel, scores) for i, (titel, scores) in enumerate(items)]
    geschud = list(kansen)
    toeval.shuffle(geschud)
    a, b = rangschik_koppelkansen(kansen), rangschik_koppelkansen(geschud)
    assert a == b
    plaatsen = [k.plaats for k in a.gerangschikt]
    assert plaatsen == sorted(plaatsen)
    assert all(k.plaats <= 3 for k in a.top) and len(a.gerangschikt) + len(a.onvolledig) == len(kansen)


def test_eigen_criterium_wordt_gecontroleerd():
    assert controleer_eigen_criterium("  Zichtbaar voor bewoners ", []) == "Zichtbaar voor bewoners"
    with pytest.raises(InvoerFout, match="bestaat al"):
        controleer_eigen_criterium("WENSEN", [])
    with pytest.raises(InvoerFout, match="bestaat al"):
        controleer_eigen_criterium("zichtbaar", ["Zichtbaar"])
    with pytest.raises(InvoerFout, match="hoogstens 7"):
        controleer_eigen_criterium("nog een", [f"c{i}" for i in range(7)])
    assert eigen_criteria_uit_formulier({"eigen": {"b": {"naam": "B", "aangemaakt": "2"}, "a": {"naam": "A",
                                                   "aangemaakt": "1"}, "weg": None}}) == ["A", "B"]


# -- candidates from phase 2 -----------------------------------------------------------------------
def _werk(i, omschrijving, eigenaar, gebied, start, eind):
    return Werk(omschrijving=omschrijving, eigenaar=eigenaar, soort="riolering", gebied=gebied, niveau="buurt",
                start_jaar=start, eind_jaar=eind, id=i)


def test_kandidaten_uit_natuurlijke_momenten_en_sociale_koppelkansen():
    werken = [_werk(1, "Riool vervangen", "Gemeente", "Noordbuurt", 2028, 2029),
              _werk(2, "Gasleiding vervangen", "Netbeheerder", "Noordbuurt", 2029, 2030),
              _werk(3, "Gevels", "Corporatie", "Zuidbuurt", 2035, 2036)]
    sociaal = {"koppelkansen": {"k1": {"titel": "Energiecoach", "beschrijving": "Mee op huisbezoek",
                                       "aangemaakt": "2026-01-01"}, "weg": None}}
    kandidaten = kandidaten_uit_fase2(werken, 2, sociaal)
    assert [k.titel for k in kandidaten] == ["Samen de straat open: Noordbuurt (2029)", "Energiecoach"]
    moment, kans = kandidaten
    assert moment.herkomst == "natuurlijk-moment"
    assert "Riool vervangen" in moment.herkomst_ref and "Netbeheerder" in moment.herkomst_ref
    assert (kans.herkomst, kans.herkomst_ref, kans.omschrijving) == ("sociaal", "k1", "Mee op huisbezoek")
    assert kandidaten_uit_fase2([], 2, {}) == []


def test_lange_gebiedsnaam_past_in_de_titel():
    gebied = "G" * 120
    werken = [_werk(1, "A", "X", gebied, 2030, 2030), _werk(2, "B", "Y", gebied, 2030, 2030)]
    (kandidaat,) = kandidaten_uit_fase2(werken, 0, {})
    assert len(kandidaat.titel) <= 120 and kandidaat.titel.endswith("…")


def test_marge_uit_formulier():
    assert marge_uit_formulier({"marge": 4}) == 4
    assert marge_uit_formulier({}) == 2
    assert marge_uit_formulier({"marge": 99}) == 2
    assert marge_uit_formulier({"marge": True}) == 2


# -- charts ----------------------------------------------------------------------------------------
def _teksten(figuur: Figure) -> list[str]:
    return [t.get_text() for as_ in figuur.axes for t in as_.texts]


def test_koppelkansen_figuur_schrijft_top3_en_besluit_erbij():
    kansen = [Kans(1, "A $x$", dict.fromkeys(CRITERIA, 5), "gekozen"), Kans(2, "B", {"wensen": 1}, "niet")]
    teksten = _teksten(koppelkansen_figuur(rangschik_koppelkansen(kansen)))
    assert any("★ top 3" in t and "gekozen" in t for t in teksten)
    assert any("nog niet volledig gescoord" in t and "niet gekozen" in t for t in teksten)
    leeg = koppelkansen_figuur(rangschik_koppelkansen([]))
    assert isinstance(leeg, Figure)


def test_simple_namespace_werkt_ook_als_koppelkans():
    kans = SimpleNamespace(id=1, titel="Z", scores=dict.fromkeys(CRITERIA, 3), besluit=None, reden="")
    assert rangschik_koppelkansen([kans]).gerangschikt[0].plaats == 1


# -- what the page and the report both say (leesmodel) ---------------------------------------------
def test_ranglijst_in_woorden_voor_pagina_en_rapport():
    kansen = [Kans(1, "Groene daken", {"wensen": 5, "extra-kosten": 5, "doorlooptijd": 4}, "gekozen", "Past goed"),
              Kans(2, "Laadpalen", dict.fromkeys(CRITERIA, 3)), Kans(3, "Half", {"wensen": 2}, "niet")]
    rangschikking = rangschik_koppelkansen(kansen)
    assert ranglijst_koppen(rangschikking) == ["Plaats", "Koppelkans", "Past bij de wensen in de wijk",
                                               "Extra kosten (5 = weinig)",
                                               "Tijd voor besluit en uitvoering (5 = kort)", "Gemiddelde", "Besluit"]
    assert ranglijst_rijen(rangschikking) == [
        ["★ 1 (top 3)", "Groene daken", "5", "5", "4", "4,7", "✔ gekozen: Past goed"],
        ["★ 2 (top 3)", "Laadpalen", "3", "3", "3", "3,0", "○ open"]]
    assert onvolledig_regels(rangschikking) == [
        "Half — ontbreekt: Extra kosten (5 = weinig), Tijd voor besluit en uitvoering (5 = kort) (✖ niet gekozen)"]
    assert gedeelde_top_zin(rangschikking) == ""
    assert figuur_alt(rangschikking) == ("Gemiddelde score per koppelkans. 1. Groene daken: 4,7 (top 3); "
                                         "2. Laadpalen: 3,0 (top 3) 1 nog niet volledig gescoord.")


def test_gedeelde_derde_plaats_wordt_in_een_zin_uitgelegd():
    kansen = [Kans(i, titel, dict.fromkeys(CRITERIA, 6 - min(i, 3))) for i, titel in enumerate("ABCD", start=1)]
    assert gedeelde_top_zin(rangschik_koppelkansen(kansen)) == (
        "Er zijn 4 kansen in de top 3, omdat kansen met hetzelfde gemiddelde een plaats delen.")


def test_labels_en_scoreopties_ook_voor_een_eigen_criterium():
    assert criterium_label("wensen") == "Past bij de wensen in de wijk"
    assert criterium_label("Zichtbaar") == "Zichtbaar (eigen criterium)"
    assert [label for label, _w in score_opties("extra-kosten")] == [
        "– onbekend –", "1 · veel extra kosten", "2", "3", "4", "5 · weinig of geen extra kosten"]
    assert score_opties("Zichtbaar")[-1] == ("5 · scoort heel goed", 5)
