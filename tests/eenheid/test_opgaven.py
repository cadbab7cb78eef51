"""Transitieopgaven: the opgaven in the content, urgency and ambition, the hints from the wijkprofiel, the chart."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wijkkompas_widgets.analysis.opgaven import (
    Beoordeling,
    aandachtspunten,
    beoordelingen_uit_dict,
    controleer_beoordeling,
    hints_voor_opgaven,
    richting,
)
from wijkkompas_widgets.charts.opgaven import opgaven_figuur
from wijkkompas_widgets.dossier import InvoerFout

OPGAVEN = ["energietransitie", "klimaatadaptatie", "natuurinclusiviteit", "mobiliteit", "verstedelijking",
           "sociaaleconomisch"]


@dataclass(frozen=True)
class Regel:
    key: str
    label: str
    eenheid: str
    wijk: float | None
    gemeente: float | None
    nederland: float | None


@dataclass(frozen=True)
class Profiel:
    regiocode: str
    naam: str
    bron: str
    regels: tuple

    def regel(self, key):
        return next((r for r in self.regels if r.key == key), None)


def opmaak(_key, waarde):
    return "onbekend" if waarde is None else f"{waarde:g}"


def test_opgaven_en_schalen_in_de_inhoud(inhoud):
    assert [o.id for o in inhoud.opgaven] == OPGAVEN
    assert [n.waarde for n in inhoud.fase2.urgentie] == [1, 2, 3, 4, 5]
    assert [n.waarde for n in inhoud.fase2.ambitie] == [1, 2, 3, 4, 5]


def test_hint_toont_cijfers_en_de_richting_ten_opzichte_van_nederland():
    profiel = Profiel("WK1", "Testwijk", "CBS 2022", (
        Regel("gem_aardgas", "Gemiddeld aardgasverbruik", "m³", 1400, 1100, 1000),
        Regel("gem_inkomen_inwoner", "Gemiddeld inkomen", "× € 1.000", 24, 30, None),
        Regel("65plus", "65 jaar en ouder", "%", None, 18, 20),
    ))
    hints = hints_voor_opgaven(profiel, opmaak)
    gas = next(h for h in hints["energietransitie"] if h.key == "gem_aardgas")
    assert gas.richting == "hoger" and gas.vergeleken_met == "landelijk"
    assert gas.cijfers == "wijk 1400 · gemeente 1100 · Nederland 1000"
    inkomen = hints["sociaaleconomisch"][0]
    assert inkomen.richting == "lager" and inkomen.vergeleken_met == "in de gemeente"
    assert "Nederland onbekend" in inkomen.cijfers
    # an unknown wijk value gives no hint at all rather than a comparison with 0
    assert all(h.key != "65plus" for h in hints.get("klimaatadaptatie", []))
    assert hints_voor_opgaven(None, opmaak) == {}


@given(st.floats(1, 1e6), st.floats(1, 1e6))
def test_richting_is_spiegelbeeldig(a, b):
    omgekeerd = {"hoger": "lager", "lager": "hoger", "gelijk": "gelijk"}
    if abs(a - b) / b > 0.11 and abs(a - b) / a > 0.11:
        assert richting(b, a) == omgekeerd[richting(a, b)]
    assert richting(a, None) is None and richting(None, a) is None


def test_beoordeling_buiten_de_schaal_wordt_geweigerd():
    with pytest.raises(InvoerFout, match="1 tot en met 5"):
        controleer_beoordeling(Beoordeling("mobiliteit", urgentie=7), OPGAVEN)
    with pytest.raises(InvoerFout, match="bestaat niet"):
        controleer_beoordeling(Beoordeling("ruimtevaart", urgentie=3), OPGAVEN)
    assert controleer_beoordeling(Beoordeling("mobiliteit", 3, None, "  ok "), OPGAVEN).toelichting == "ok"


def test_opgeslagen_rommel_wordt_niet_ingevuld():
    gelezen = beoordelingen_uit_dict({"mobiliteit": {"urgentie": "hoog", "ambitie": 9}, "x": 1}, OPGAVEN)
    assert gelezen["mobiliteit"] == Beoordeling("mobiliteit")
    assert set(gelezen) == set(OPGAVEN)


def test_aandachtspunten_bij_groot_verschil_tussen_urgentie_en_ambitie():
    namen = {o: o.capitalize() for o in OPGAVEN}
    punten = aandachtspunten({
        "klimaatadaptatie": Beoordeling("klimaatadaptatie", 5, 1),
        "mobiliteit": Beoordeling("mobiliteit", 1, 5),
        "energietransitie": Beoordeling("energietransitie", 4, 4),
    }, namen)
    assert [p.opgave_id for p in punten] == ["klimaatadaptatie", "mobiliteit"]
    assert "urgentie is hoog" in punten[0].tekst and "ambitie is hoog" in punten[1].tekst


def test_opgavenfiguur_tekent_ook_opgaven_zonder_score():
    figuur = opgaven_figuur([("Energietransitie", 4, 5), ("Mobiliteit", None, None)])
    teksten = [t.get_text() for t in figuur.axes[0].texts]
    assert "nog niet ingevuld" in teksten and "4" in teksten and "5" in teksten
