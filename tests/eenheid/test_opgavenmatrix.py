"""The opgave × opgave matrix: reading it tolerantly, the summary in words and the heatmap."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from wijkkompas_widgets.analysis.opgavenmatrix import controleer_waarde, lees_matrix, paren, samenvatting, teken
from wijkkompas_widgets.charts.opgavenmatrix import opgavenmatrix_figuur
from wijkkompas_widgets.dossier import InvoerFout

OPGAVEN = ("energietransitie", "klimaatadaptatie", "natuurinclusiviteit", "mobiliteit", "verstedelijking",
           "sociaaleconomisch")


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




# -- charts ----------------------------------------------------------------------------------------
def _teksten(figuur: Figure) -> list[str]:
    return [t.get_text() for as_ in figuur.axes for t in as_.texts]


def test_matrix_figuur_schrijft_tekens_in_de_cellen():
    waarden = [[None if i == j else (i - j) % 5 - 2 for j in range(6)] for i in range(6)]
    waarden[0][1] = None
    teksten = _teksten(opgavenmatrix_figuur(list(NAMEN.values()), waarden))
    assert "?" in teksten and "+2" in teksten and "−2" in teksten and len(teksten) == 30


