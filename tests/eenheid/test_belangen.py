"""Ambities en belangen worked out: shared interests, clashes, mutual gains, and the sentences the page and the
report both say about them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wijkkompas_widgets.analysis import belangen as analyse
from wijkkompas_widgets.dossier.records import PartijBelang
from wijkkompas_widgets.leesmodel import belangen as lees


def cel(partij, belang, houding, prioriteit=False):
    return PartijBelang(partij, belang, houding, prioriteit)


def test_gedeeld_botsend_en_kansen_met_de_hand_uitgerekend():
    cellen = [
        cel(1, "co2", "belang"), cel(2, "co2", "beide"), cel(3, "co2", "botst"),
        cel(1, "kosten", "bijdragen"), cel(3, "kosten", "belang"),
        cel(3, "aansluitingen", "bijdragen"), cel(2, "aansluitingen", "belang"),
        cel(2, "rendement", "belang"),
    ]
    assert analyse.gedeelde_belangen(cellen) == [analyse.Gedeeld("co2", (1, 2))]
    spanningen = analyse.spanningen(cellen, [("kosten", "rendement", "warmtetarief")])
    assert analyse.Spanning(1, "co2", 3, "co2", "") in spanningen
    assert analyse.Spanning(2, "co2", 3, "co2", "") in spanningen
    assert analyse.Spanning(3, "kosten", 2, "rendement", "warmtetarief") in spanningen
    assert set(analyse.kansen(cellen)) == {
        analyse.Kans(2, 1, "co2"), analyse.Kans(1, 3, "kosten"), analyse.Kans(3, 2, "aansluitingen"),
    }
    assert analyse.ruilen(cellen) == []
    # party 2 serves party 3 too: now 2 and 3 can each serve the other
    cellen.append(cel(2, "kosten", "bijdragen"))
    assert analyse.ruilen(cellen) == [analyse.Ruil(2, 3, "kosten", "aansluitingen")]


houdingen = st.sampled_from(["belang", "bijdragen", "beide", "botst"])
cellen_strategie = st.dictionaries(
    st.tuples(st.integers(1, 5), st.sampled_from(["a", "b", "c", "d"])), houdingen, max_size=20
).map(lambda d: [cel(p, b, h) for (p, b), h in d.items()])


@given(cellen_strategie)
def test_niemand_helpt_zichzelf_en_elke_kans_past_bij_de_houdingen(cellen):
    per = {(c.partij_id, c.belang_id): c.houding for c in cellen}
    for kans in analyse.kansen(cellen):
        assert kans.leverancier != kans.ontvanger
        assert per[(kans.leverancier, kans.belang_id)] in analyse.KAN_BIJDRAGEN
        assert per[(kans.ontvanger, kans.belang_id)] in analyse.HEEFT_BELANG
    for gedeeld in analyse.gedeelde_belangen(cellen):
        assert len(gedeeld.partijen) >= 2


@given(cellen_strategie)
def test_een_ruil_is_altijd_wederzijds(cellen):
    kansen = {(k.leverancier, k.ontvanger) for k in analyse.kansen(cellen)}
    for ruil in analyse.ruilen(cellen):
        assert (ruil.partij_a, ruil.partij_b) in kansen and (ruil.partij_b, ruil.partij_a) in kansen


NAMEN = {1: "Gemeente", 2: "Corporatie", 3: "Warmtebedrijf"}
BELANGNAMEN = {"co2": "CO2-reductie", "kosten": "Lage kosten", "aansluitingen": "Voldoende aansluitingen",
               "rendement": "Rendement"}


def test_zinnen_over_gedeeld_botsend_en_kansen():
    cellen = [
        cel(1, "co2", "belang"), cel(2, "co2", "beide"), cel(3, "co2", "botst"),
        cel(1, "kosten", "bijdragen"), cel(3, "kosten", "belang"), cel(2, "kosten", "bijdragen"),
        cel(3, "aansluitingen", "bijdragen"), cel(2, "aansluitingen", "belang"), cel(2, "rendement", "belang", True),
    ]
    assert lees.gedeeld_zinnen(cellen, NAMEN, BELANGNAMEN) == ["CO2-reductie: Gemeente, Corporatie"]
    botsingen = lees.botsing_zinnen(cellen, NAMEN, BELANGNAMEN, [("kosten", "rendement", "Wie betaalt het net?")])
    assert "Gemeente heeft belang bij CO2-reductie; voor Warmtebedrijf botst dat met het eigen belang." in botsingen
    assert ("Lage kosten (Warmtebedrijf) en Rendement (Corporatie) trekken vaak tegen elkaar in. "
            "Wie betaalt het net?") in botsingen
    kansen = lees.kansen_zinnen(cellen, NAMEN, BELANGNAMEN)
    assert kansen[0] == ("Wederzijdse winst: Corporatie kan bijdragen aan Lage kosten voor Warmtebedrijf, en "
                         "Warmtebedrijf aan Voldoende aansluitingen voor Corporatie.")
    assert "Gemeente kan bijdragen aan Lage kosten van Warmtebedrijf." in kansen
    assert lees.grafiek_alt(cellen[-1:], NAMEN, BELANGNAMEN) == (
        "Belangen per partij: Corporatie – Rendement: ons belang (topprioriteit)")


def test_de_pagina_zegt_dezelfde_zinnen_met_nadruk_en_ontsnapte_namen():
    namen = {1: "<b>Gemeente</b>", 2: "Corporatie"}
    html_opmaak = lees.Opmaak(tekst=lambda t: t.replace("<", "&lt;").replace(">", "&gt;"),
                              vet=lambda t: f"[{t}]", schuin=lambda t: f"_{t}_")
    cellen = [cel(1, "co2", "belang"), cel(2, "co2", "beide")]
    assert lees.gedeeld_zinnen(cellen, namen, BELANGNAMEN, html_opmaak) == [
        "[CO2-reductie]: &lt;b&gt;Gemeente&lt;/b&gt;, Corporatie"]
    assert lees.kansen_zinnen(cellen, namen, BELANGNAMEN, html_opmaak) == [
        "Corporatie kan bijdragen aan _CO2-reductie_ van &lt;b&gt;Gemeente&lt;/b&gt;."]
