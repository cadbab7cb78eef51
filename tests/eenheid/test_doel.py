"""The common goal: complete and measurable before it is saved, and stated the same on page and in the report."""

from __future__ import annotations

import pytest

from wijkkompas_widgets.analysis.doel import Doel, controleer_doel, criteria_uit_tekst
from wijkkompas_widgets.dossier import InvoerFout
from wijkkompas_widgets.leesmodel.doel import doel_titel


def test_criteria_een_per_regel_zonder_opsommingstekens():
    assert criteria_uit_tekst("- 80% aardgasvrij in 2035\n\n* geen hogere lasten\n  • draagvlak > 70% ") == (
        "80% aardgasvrij in 2035", "geen hogere lasten", "draagvlak > 70%",
    )


@pytest.mark.parametrize(
    ("doel", "melding"),
    [
        (Doel("", criteria=("x",)), "Kies het gezamenlijke doel"),
        (Doel("anders", criteria=("x",)), "Beschrijf het andere doel"),
        (Doel("aardgasvrij"), "minstens één meetbaar criterium"),
        (Doel("aardgasvrij", streefjaar=2020, criteria=("x",)), "streefjaar"),
        (
            Doel("aardgasvrij", criteria=("x",), woonlastenneutraal=True, woonlasten_definitie="ja"),
            "leg vast wat jullie eronder verstaan",
        ),
    ],
)
def test_onvolledig_doel_wordt_geweigerd(doel, melding):
    with pytest.raises(InvoerFout, match=melding):
        controleer_doel(doel, 2026)


def test_doel_in_een_zin_met_omschrijving_en_streefjaar():
    assert doel_titel(Doel("aardgasvrij", streefjaar=2035)) == "Aardgasvrij in 2035"
    assert doel_titel(Doel("anders", omschrijving="<Zon> op elk dak")) == "Een ander doel: <Zon> op elk dak"
    # the page passes its escaping as ``tekst``
    assert doel_titel(Doel("anders", omschrijving="<Zon>"), str.upper) == "Een ander doel: <ZON>"
