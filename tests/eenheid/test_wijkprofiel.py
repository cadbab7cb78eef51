"""The wijkprofiel: CBS's figures beside gemeente and NL ('onbekend' where CBS gives none), the wijk-DNA and the
map, and the read-model every exercise and the report take the profile of a dossier from."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkkompas_widgets.analysis.wijkprofiel import dna_regels, maak_profiel, opmaak, profiel_uit_eigen_data
from wijkkompas_widgets.cbs.data import Gebied, cbs_data
from wijkkompas_widgets.cbs.kolommen import INDICATOR
from wijkkompas_widgets.charts.wijkprofiel import wijk_dna, wijkkaart
from wijkkompas_widgets.dossier import InvoerFout
from wijkkompas_widgets.leesmodel.wijkprofiel import (
    alleen_gemeente,
    dna_alt,
    kolomkoppen,
    leeg_formulier,
    notities_van_dossier,
    profiel_uit_formulier,
    profiel_van_dossier,
    schoon_formulier,
)


@pytest.fixture(scope="module")
def data():
    return cbs_data()


# --- profile

def test_profile_of_groenoord_beside_gemeente_and_nl(data):
    profiel = maak_profiel(data, "WK060607")
    assert (profiel.naam, profiel.gemeentenaam, profiel.jaar) == ("Wijk 07 Groenoord en Kethel", "Schiedam", 2022)
    assert profiel.bron == "Bron: CBS, Kerncijfers wijken en buurten 2022; PDOK CBS Wijken en Buurten"
    inwoners = profiel.regel("aantal_inwoners")
    assert (inwoners.wijk, inwoners.gemeente, inwoners.nederland) == (14_440, 79_644, 17_590_672)
    assert [opmaak("aantal_inwoners", v) for v in (inwoners.wijk, inwoners.gemeente)] == ["14.440", "79.644"]
    gas = profiel.regel("gem_aardgas")
    assert (opmaak("gem_aardgas", gas.wijk), opmaak("gem_aardgas", gas.gemeente)) == ("800 m³", "850 m³")
    assert opmaak("gem_woz_waarde", profiel.regel("gem_woz_waarde").wijk) == "€ 247.000"
    # CBS gives no corporatie share per wijk in this extract: unknown, not 0.
    assert profiel.regel("pct_huurcorporatie").wijk is None
    assert profiel.regel("pct_huurcorporatie").gemeente == 31


def test_suppressed_figures_stay_unknown(data):
    profiel = maak_profiel(data, "WK060605")  # Nieuw Mathenesse: 10 inhabitants
    assert profiel.regel("gem_woz_waarde").wijk is None
    assert opmaak("gem_woz_waarde", profiel.regel("gem_woz_waarde").wijk) == "onbekend"
    assert profiel.regel("gem_aardgas").wijk == 1570


def test_profile_of_a_2024_wijk_has_the_basics_and_says_onbekend_for_the_rest(data):
    profiel = maak_profiel(data, "WK001400")
    assert profiel.jaar == 2024 and profiel.regel("aantal_inwoners").wijk == 24_920
    assert profiel.regel("gem_aardgas").wijk is None and profiel.regel("gem_aardgas").nederland is None
    assert profiel.aantal_bekend < len(profiel.regels) / 2


def test_whole_gemeente_profile_and_unknown_code(data):
    profiel = maak_profiel(data, "GM0606")
    assert profiel.soort == "gemeente" and profiel.regel("aantal_inwoners").wijk == 79_644
    with pytest.raises(InvoerFout, match="niet in de meegeleverde CBS-gegevens"):
        maak_profiel(data, "WK999999")


def test_wijk_dna_is_the_index_against_nl_only_where_both_are_known(data):
    profiel = maak_profiel(data, "WK060607")
    regels = {r.key: r for r in dna_regels(profiel)}
    nl_gas = data.nederland("gem_aardgas", 2022)
    assert regels["gem_aardgas"].wijk_index == pytest.approx(100 * 800 / nl_gas)
    assert regels["gem_aardgas"].gemeente_index == pytest.approx(100 * 850 / nl_gas)
    assert "pct_huurcorporatie" not in regels  # wijk unknown
    assert "aantal_inwoners" not in regels  # a total, not comparable with NL


@pytest.mark.parametrize(("key", "waarde", "tekst"), [
    ("gem_aardgas", None, "onbekend"), ("gem_aardgas", math.nan, "onbekend"), ("gem_aardgas", 0, "0 m³"),
    ("gem_inkomen_inwoner", 28.7, "€ 28.700"), ("gem_huishouden_grootte", 2.1, "2,1 personen"),
    ("koopwoningen", 45, "45%"), ("aantal_inwoners", 17_590_672, "17.590.672"), ("gem_woz_waarde", 316.67, "€ 317.000"),
])
def test_opmaak_dutch_numbers_with_unit(key, waarde, tekst):
    assert opmaak(key, waarde) == tekst


@settings(max_examples=60, deadline=None)
@given(key=st.sampled_from(list(INDICATOR)), waarde=st.floats(-1e9, 1e9, allow_nan=False))
def test_a_known_value_is_never_shown_as_onbekend_and_never_as_minus_zero(key, waarde):
    tekst = opmaak(key, waarde)
    getal = re.match(r"-?[\d.]+(?:,\d+)?", tekst.lstrip("€ ")).group()
    assert tekst != "onbekend"
    assert not (getal.startswith("-") and set(getal) <= set("-0.,"))  # '-0' or '-0,0' is a negative zero


def test_own_data_profile_finds_gemeente_and_nl(data):
    profiel = profiel_uit_eigen_data(data, code="BU06060701", naam="Kethel", waarden={"gem_aardgas": 900.0},
                                     bestandsnaam="buurten.csv", jaar=2022)
    assert profiel.soort == "buurt" and profiel.eigen_bestand == "buurten.csv"
    assert profiel.gemeentenaam == "Schiedam" and profiel.regel("gem_aardgas").gemeente == 850
    assert profiel.regel("aantal_inwoners").wijk is None  # not in the file: onbekend
    assert profiel.bron == ("Kethel: eigen gegevens uit 'buurten.csv' (2022); gemeente en Nederland: CBS, "
                            "Kerncijfers wijken en buurten 2022; PDOK CBS Wijken en Buurten")
    # A 2024 file is still compared with the richest shipped year, and says so.
    nieuw = profiel_uit_eigen_data(data, code="WK060607", naam="Groenoord", waarden={"gem_aardgas": 700.0},
                                   bestandsnaam="kwb-2024.csv", jaar=2024)
    assert nieuw.jaar == 2022 and nieuw.regel("gem_aardgas").gemeente == 850
    assert "(2024); gemeente en Nederland: CBS, Kerncijfers wijken en buurten 2022" in nieuw.bron
    zonder_code = profiel_uit_eigen_data(data, code="", naam="Schiedam", waarden={"gem_aardgas": 1.0},
                                         bestandsnaam="x.csv")
    assert zonder_code.gemeentenaam == "Schiedam"


# --- charts

def teksten(figuur) -> str:
    return " | ".join(t.get_text() for t in figuur.findobj(lambda a: hasattr(a, "get_text")))


def test_dna_chart_writes_values_and_source(data):
    figuur = wijk_dna(maak_profiel(data, "WK060607"))
    alles = teksten(figuur)
    assert "Bron: CBS, Kerncijfers wijken en buurten 2022; PDOK CBS Wijken en Buurten" in alles
    assert "▼ 800 m³ (index 81)" in alles
    assert "gemeente Schiedam" in alles  # legend of the diamond markers
    leeg = wijk_dna(profiel_uit_eigen_data(data, code="", naam="X", waarden={}, bestandsnaam="x.csv"))
    assert "Geen cijfers om met Nederland te vergelijken" in teksten(leeg)


def test_map_highlights_the_chosen_wijk_with_hatch_and_name(data):
    figuur = wijkkaart(data.wijkgrenzen("GM0606"), "WK060607", titel="Wijken van Schiedam", bron="Bron: CBS")
    alles = teksten(figuur)
    assert "Wijk 07 Groenoord en Kethel" in alles and "Bron: CBS" in alles
    assert "gekozen wijk: Wijk 07 Groenoord en Kethel" in alles
    collecties = figuur.axes[0].collections
    assert [c.get_hatch() for c in collecties] == [None, "///"]


def test_map_draws_polygons_and_multipolygons():
    vierkant = [[4.0, 52.0], [4.1, 52.0], [4.1, 52.1], [4.0, 52.1], [4.0, 52.0]]
    gebieden = [
        Gebied("WK000101", "Een", {"type": "Polygon", "coordinates": [vierkant]}),
        Gebied("WK000102", "Twee", {"type": "MultiPolygon", "coordinates": [
            [[[x + 0.2, y] for x, y in vierkant]], [[[x + 0.4, y] for x, y in vierkant]]]}),
    ]
    figuur = wijkkaart(gebieden, "WK000102", titel="t", bron="b")
    assert len(figuur.axes[0].collections[1].get_paths()) == 2  # both parts of the chosen wijk
    assert figuur.axes[0].get_aspect() == pytest.approx(1 / math.cos(math.radians(52.05)))


# --- the read-model

def test_saved_form_is_checked_field_by_field():
    ruw = {"gemeentecode": "GM0606", "regiocode": 7, "notities": ["x"],
           "eigen_data": {"bestandsnaam": None, "regiocode": "BU06060702", "naam": "Groenoord", "jaar": True,
                          "waarden": {"gem_aardgas": "720", "onzin": 3}}}
    schoon = schoon_formulier(ruw)
    assert (schoon["gemeentecode"], schoon["regiocode"], schoon["notities"]) == ("GM0606", None, "")
    assert schoon["eigen_data"] == {"bestandsnaam": "eigen bestand", "regiocode": "BU06060702", "naam": "Groenoord",
                                    "jaar": None, "waarden": {"gem_aardgas": 720}}
    assert schoon_formulier({}) == leeg_formulier()
    assert schoon_formulier({"eigen_data": "raar"})["eigen_data"] is None


def test_profile_from_the_form_own_data_before_the_chosen_region(data):
    assert profiel_uit_formulier({}, data) is None
    assert profiel_uit_formulier({"gemeentecode": "GM0606", "regiocode": "WK060607"}, data).naam == \
        "Wijk 07 Groenoord en Kethel"
    eigen = profiel_uit_formulier({"regiocode": "WK060607", "eigen_data": {
        "bestandsnaam": "b.json", "regiocode": "WK060607", "naam": "WK060607", "waarden": {"gem_aardgas": 720}}},
        data)
    assert eigen.eigen_bestand == "b.json"
    assert eigen.naam == "Wijk 07 Groenoord en Kethel"  # an OData row has only the code: the shipped data's name
    assert eigen.regel("gem_aardgas").wijk == 720
    with pytest.raises(InvoerFout, match="niet in de meegeleverde CBS-gegevens"):
        profiel_uit_formulier({"regiocode": "WK999999"}, data)


class _Store:
    """Just the one call the read-model makes."""

    def __init__(self, gegevens):
        self.gegevens = gegevens

    def formulier(self, _dossier_id, sleutel):
        assert sleutel == "wijkprofiel"
        return self.gegevens, 1


def test_profile_and_notes_of_a_dossier():
    store = _Store({"regiocode": "WK060607", "notities": "Veel huur"})
    assert profiel_van_dossier(store, "d").regel("aantal_inwoners").wijk == 14_440
    assert notities_van_dossier(store, "d") == "Veel huur"
    assert profiel_van_dossier(_Store({"regiocode": "WK999999"}), "d") is None  # no longer shipped: none
    assert notities_van_dossier(_Store({"notities": 5}), "d") == ""


def test_dna_alt_names_the_highest_and_lowest_index(data):
    alt = dna_alt(maak_profiel(data, "WK060607"))
    assert alt.startswith("Wijk-DNA van Wijk 07 Groenoord en Kethel: per cijfer een index, Nederland = 100.")
    assert "Het verst boven Nederland:" in alt and "het verst eronder:" in alt
    leeg = profiel_uit_eigen_data(data, code="", naam="X", waarden={}, bestandsnaam="x.csv")
    assert dna_alt(leeg) == "Wijk-DNA van X: geen cijfers om met Nederland te vergelijken."


def test_kolomkoppen_van_de_profieltabel(data):
    wijk = maak_profiel(data, "WK060607")
    assert kolomkoppen(wijk) == ["Cijfer", "Wijk 07 Groenoord en Kethel", "Gemeente Schiedam",
                                 "Nederland (berekend uit alle gemeenten)"]
    gemeente = maak_profiel(data, "GM0606")
    assert alleen_gemeente(gemeente) and kolomkoppen(gemeente) == ["Cijfer", "Schiedam",
                                                                   "Nederland (berekend uit alle gemeenten)"]
    eigen = profiel_uit_eigen_data(data, code="GM0606", naam="Schiedam", waarden={"gem_aardgas": 1.0},
                                   bestandsnaam="x.csv", jaar=2024)
    assert not alleen_gemeente(eigen)  # own figures for a gemeente: beside the shipped gemeente
    assert kolomkoppen(eigen) == ["Cijfer", "Schiedam (eigen gegevens)", "Gemeente Schiedam (CBS 2022)",
                                  "Nederland (berekend uit alle gemeenten) (CBS 2022)"]
