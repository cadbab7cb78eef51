"""Phase 3 analysis: ranking koppelkansen, candidates from phase 2, the opgave matrix summary, the hints
and checks for the heat strategies, and the charts."""

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
from wijkkompas_widgets.analysis.opgavenmatrix import controleer_waarde, lees_matrix, paren, samenvatting, teken
from wijkkompas_widgets.analysis.planning import Werk
from wijkkompas_widgets.analysis.strategieen import (
    duurzaam_gas_te_vroeg,
    fasering_met_startjaar,
    hints_voor_strategieen,
    startjaar_uit_fasering,
    status_strategieen,
)
from wijkkompas_widgets.analysis.wijkprofiel import ProfielRegel, Wijkprofiel, opmaak
from wijkkompas_widgets.charts.koppelkansen import koppelkansen_figuur
from wijkkompas_widgets.charts.opgavenmatrix import opgavenmatrix_figuur
from wijkkompas_widgets.dossier import InvoerFout

CRITERIA = ("wensen", "extra-kosten", "doorlooptijd")
OPGAVEN = ("energietransitie", "klimaatadaptatie", "natuurinclusiviteit", "mobiliteit", "verstedelijking",
           "sociaaleconomisch")


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


# -- opgave matrix ---------------------------------------------------------------------------------
NAMEN = {o: o.capitalize() for o in OPGAVEN}


def test_matrix_leest_tolerant_en_leeg_is_onbekend():
    matrix = lees_matrix({"energietransitie": {"klimaatadaptatie": 2, "mobiliteit": "veel", "natuurinclusiviteit": 9},
                          "notities": "x"}, OPGAVEN)
    assert len(matrix) == 30
    assert matrix[("energietransitie", "klimaatadaptatie")] == 2
    assert matrix[("energietransitie", "mobiliteit")] is None
    assert matrix[("energietransitie", "natuurinclusiviteit")] is None
    assert ("energietransitie", "energietransitie") not in matrix


def test_waarde_buiten_bereik_wordt_geweigerd():
    assert controleer_waarde(-2) == -2 and controleer_waarde(None) is None
    for fout in (3, -3, 1.5, "1", True):
        with pytest.raises(InvoerFout, match="−2"):
            controleer_waarde(fout)
    assert [teken(v) for v in (-2, 0, 2, None)] == ["−2", "0", "+2", "?"]


def test_samenvatting_noemt_versterking_botsing_en_scheef():
    matrix = lees_matrix({
        "energietransitie": {"klimaatadaptatie": 2, "mobiliteit": -1, "verstedelijking": 1},
        "klimaatadaptatie": {"energietransitie": 2},
        "mobiliteit": {"energietransitie": -2},
        "verstedelijking": {"energietransitie": -1},
    }, OPGAVEN)
    uitkomst = samenvatting(matrix, OPGAVEN, NAMEN)
    assert uitkomst.ingevuld == 6 and uitkomst.totaal == 30
    assert uitkomst.versterken == ("Energietransitie en Klimaatadaptatie versterken elkaar sterk (+2 in beide "
                                   "richtingen).",)
    assert len(uitkomst.botsen) == 1 and "Mobiliteit" in uitkomst.botsen[0] and "−2" in uitkomst.botsen[0]
    assert len(uitkomst.scheef) == 1
    assert uitkomst.scheef[0].startswith("Scheef: werken aan Energietransitie versterkt Verstedelijking (+1), maar "
                                         "werken aan Verstedelijking werkt tegen Energietransitie (−1)")


def test_eenzijdig_ingevuld_zegt_dat_de_andere_kant_ontbreekt():
    matrix = lees_matrix({"mobiliteit": {"verstedelijking": 1}}, OPGAVEN)
    (zin,) = samenvatting(matrix, OPGAVEN, NAMEN).versterken
    assert "Werken aan Mobiliteit versterkt Verstedelijking (+1)" in zin and "nog niet ingevuld" in zin


_cellen = st.dictionaries(st.tuples(st.sampled_from(OPGAVEN), st.sampled_from(OPGAVEN)).filter(lambda p: p[0] != p[1]),
                          st.integers(-2, 2), max_size=30)


@settings(max_examples=40, deadline=None)
@given(_cellen, st.permutations(OPGAVEN))
def test_elk_paar_een_keer_en_soort_hangt_niet_af_van_volgorde(cellen, volgorde):
    matrix = {(a, b): cellen.get((a, b)) for a in OPGAVEN for b in OPGAVEN if a != b}
    gewoon = {frozenset((p.a, p.b)): p.soort for p in paren(matrix, OPGAVEN)}
    anders = {frozenset((p.a, p.b)): p.soort for p in paren(matrix, list(volgorde))}
    assert len(gewoon) == 15 and gewoon == anders
    # swapping every direction (transposing) keeps each pair's kind: the summary treats a pair as a whole
    getransponeerd = {(b, a): v for (a, b), v in matrix.items()}
    assert {frozenset((p.a, p.b)): p.soort for p in paren(getransponeerd, OPGAVEN)} == gewoon
    uitkomst = samenvatting(matrix, OPGAVEN, NAMEN)
    assert uitkomst.ingevuld == len(cellen)
    assert len(uitkomst.scheef) == min(5, sum(1 for s in gewoon.values() if s == "scheef"))


# -- heat strategies -------------------------------------------------------------------------------
def _profiel(**waarden):
    regels = tuple(ProfielRegel(key, key, "", wijk, gemeente, nl) for key, (wijk, gemeente, nl) in waarden.items())
    return Wijkprofiel("WK1", "Testwijk", "Testgemeente", 2022, "CBS", regels)


def test_hints_wijzen_voorzichtig_naar_strategieen():
    profiel = _profiel(bevolkingsdichtheid=(6000.0, 4000.0, 500.0), pct_eengezins=(62.0, 50.0, 64.0),
                       pct_bouwjaar_na_2000=(5.0, 10.0, 20.0), pct_stadsverwarming=(None, 10.0, 6.0))
    hints = hints_voor_strategieen(profiel, opmaak)
    assert {h.key for h in hints["S2"]} == {"bevolkingsdichtheid", "pct_bouwjaar_na_2000"}
    assert [h.key for h in hints["S4"]] == ["pct_bouwjaar_na_2000"]
    assert "S1" not in hints  # eengezins about equal to NL: no hint either way; stadsverwarming onbekend
    dichtheid = hints["S2"][0]
    assert dichtheid.richting == "hoger" and "kan" in dichtheid.duiding and "Nederland" in dichtheid.cijfers
    assert hints_voor_strategieen(None, opmaak) == {}


def test_startjaar_en_duurzaam_gas():
    assert startjaar_uit_fasering("2027–2030 Noordbuurt, daarna Zuidbuurt") == 2027
    assert startjaar_uit_fasering("eerst Noord") is None
    assert fasering_met_startjaar("Noordbuurt eerst", 2028) == "Start 2028. Noordbuurt eerst"
    assert fasering_met_startjaar("2027–2030 Noord", 2027) == "2027–2030 Noord"
    assert fasering_met_startjaar("Start 2028. Noordbuurt eerst", 2031) == "Start 2031. Noordbuurt eerst"
    for tekst in ("", "Noord", "2031 Noord"):
        for jaar in (2026, 2035):
            assert startjaar_uit_fasering(fasering_met_startjaar(tekst, jaar)) == jaar
    assert duurzaam_gas_te_vroeg("S4", 2029, True) and not duurzaam_gas_te_vroeg("S4", 2030, True)
    assert not duurzaam_gas_te_vroeg("S1", 2026, False) and not duurzaam_gas_te_vroeg("S5", None, True)


def test_status_strategieen():
    assert status_strategieen(1) == (False, "2 tot 6 strategieën nodig voor de afweging in fase 4: nu 1. Maak er "
                                            "nog 1 om te kunnen vergelijken.")
    assert status_strategieen(3)[0] and "nu 3" in status_strategieen(3)[1]
    assert "maximum" in status_strategieen(6)[1]


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


def test_matrix_figuur_schrijft_tekens_in_de_cellen():
    waarden = [[None if i == j else (i - j) % 5 - 2 for j in range(6)] for i in range(6)]
    waarden[0][1] = None
    teksten = _teksten(opgavenmatrix_figuur(list(NAMEN.values()), waarden))
    assert "?" in teksten and "+2" in teksten and "−2" in teksten and len(teksten) == 30


def test_simple_namespace_werkt_ook_als_koppelkans():
    kans = SimpleNamespace(id=1, titel="Z", scores=dict.fromkeys(CRITERIA, 3), besluit=None, reden="")
    assert rangschik_koppelkansen([kans]).gerangschikt[0].plaats == 1
