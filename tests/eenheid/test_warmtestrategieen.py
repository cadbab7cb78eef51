"""The heat strategies: hints from the wijkprofiel, the start year and sustainable gas, the status line."""

from __future__ import annotations

from wijkkompas_widgets.analysis.warmtestrategieen import (
    duurzaam_gas_te_vroeg,
    fasering_met_startjaar,
    hints_voor_strategieen,
    startjaar_uit_fasering,
    status_strategieen,
)
from wijkkompas_widgets.analysis.wijkprofiel import ProfielRegel, Wijkprofiel, opmaak


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


