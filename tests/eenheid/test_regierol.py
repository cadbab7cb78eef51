"""Regierol van de gemeente worked out: the advice from the answers and the team's checked choice."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wijkkompas_widgets.analysis.regierol import aantal_beantwoord, advies, controleer_keuze, hoogste
from wijkkompas_widgets.content import inhoud as laad_inhoud
from wijkkompas_widgets.dossier import InvoerFout

REGIEROL = laad_inhoud().fase1.regierol
MOMENT = datetime(2026, 3, 3, 12, 0, tzinfo=timezone.utc)

def test_advies_met_de_hand_uitgerekend():
    # tvw: 'voorkeursalternatief' (kaderstellend 1, regisserend 2); capaciteit: 'projectleider'
    # (verbindend 1, regisserend 2); risico: 'zo weinig mogelijk' (kaderstellend 2)
    scores = advies(REGIEROL, {"tvw": 1, "capaciteit": 1, "risico": 0})
    assert [(t.id, p) for t, p in scores] == [("regisserend", 4), ("kaderstellend", 3), ("verbindend", 1),
                                              ("uitvoerend", 0)]
    assert [t.id for t in hoogste(scores)] == ["regisserend"]
    assert aantal_beantwoord(REGIEROL, {"tvw": 1, "capaciteit": 1, "risico": 0}) == 3


def test_gelijke_score_wordt_als_gelijkspel_gemeld():
    scores = advies(REGIEROL, {"tvw": 0})  # kaderstellend 1, verbindend 1
    assert [t.id for t in hoogste(scores)] == ["kaderstellend", "verbindend"]


def test_onbekende_of_foute_antwoorden_tellen_niet_mee():
    antwoorden = {"tvw": 99, "bestaat-niet": 0, "capaciteit": -1, "risico": True, "partners": "1"}
    assert aantal_beantwoord(REGIEROL, antwoorden) == 0
    assert hoogste(advies(REGIEROL, antwoorden)) == []
    assert all(p == 0 for _t, p in advies(REGIEROL, {}))


antwoorden_st = st.fixed_dictionaries(
    {}, optional={v.id: st.integers(0, len(v.opties) - 1) for v in REGIEROL.vragen}
)


@given(antwoorden_st)
def test_advies_is_het_type_met_de_meeste_punten(antwoorden):
    scores = advies(REGIEROL, antwoorden)
    verwacht = {t.id: 0 for t in REGIEROL.typen}
    for vraag in REGIEROL.vragen:
        if vraag.id in antwoorden:
            for type_id, punten in vraag.opties[antwoorden[vraag.id]][1].items():
                verwacht[type_id] += punten
    assert {t.id: p for t, p in scores} == verwacht
    assert [p for _t, p in scores] == sorted(verwacht.values(), reverse=True)
    top = hoogste(scores)
    if antwoorden:
        assert {t.id for t in top} == {i for i, p in verwacht.items() if p == max(verwacht.values())}
    assert aantal_beantwoord(REGIEROL, antwoorden) == len(antwoorden)


@pytest.mark.parametrize(
    ("type_id", "tekst", "melding"),
    [
        (None, "Omdat wij dit proces trekken.", "Kies eerst een regierol"),
        ("baas", "Omdat wij dit proces trekken.", "Kies eerst een regierol"),
        ("regisserend", "", "minstens 4 woorden"),
        ("regisserend", "Omdat het moet", "minstens 4 woorden"),
        ("regisserend", "x" * 2001, "te lang"),
    ],
)
def test_keuze_zonder_rol_of_onderbouwing_wordt_geweigerd(type_id, tekst, melding):
    with pytest.raises(InvoerFout, match=melding):
        controleer_keuze(REGIEROL, type_id, tekst, MOMENT)


def test_keuze_met_onderbouwing_heen_en_terug():
    keuze = controleer_keuze(REGIEROL, "verbindend", "  De wijk heeft een sterke coöperatie.  ", MOMENT)
    assert keuze.onderbouwing == "De wijk heeft een sterke coöperatie."
    assert type(keuze).uit_dict(keuze.als_dict()) == keuze
