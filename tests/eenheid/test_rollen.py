"""Rollen en verwachtingen worked out: signals, capacity, the chart, and what the page and the report both say."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wijkkompas_widgets.analysis.rollen import (
    belasting_per_partij,
    signalen,
    sporen_zonder_bezetting,
    taken_met_meerdere_trekkers,
    taken_zonder_trekker,
    uren_tekst,
)
from wijkkompas_widgets.charts import figuur_naar_png
from wijkkompas_widgets.charts.rollen import BOVEN_TEKST, rollen_figuur
from wijkkompas_widgets.content import SPOOR_LETTERS
from wijkkompas_widgets.dossier import InvoerFout, Partij
from wijkkompas_widgets.dossier.records import Rol, Taak, lees_uren
from wijkkompas_widgets.leesmodel.rollen import grafiek_alt, grafiek_zinvol, totalen_rijen


def partij(id_, naam, capaciteit=None) -> Partij:
    return Partij(id_, naam, "overig", "", "", (), None, None, 1, capaciteit_uren=capaciteit)


TAKEN = [Taak(1, "Planning", "C"), Taak(2, "Bewonerscommunicatie", "A"), Taak(3, "Netplanning", "F")]
PARTIJEN = [partij(10, "Gemeente", 20), partij(11, "Corporatie", None), partij(12, "Netbeheerder", 8)]


def test_signalen_met_de_hand_uitgerekend():
    rollen = [
        Rol(1, 10, "trekker", 16), Rol(1, 11, "trekker", 4),  # two trekkers
        Rol(2, 10, "meedenker", 6), Rol(2, 11, "geinformeerd", 2),  # no trekker
        Rol(3, 12, "trekker", 8),  # exactly at capacity: fine
        Rol(99, 10, "trekker", 100), Rol(1, 99, "trekker", 100),  # unknown task/party: ignored
    ]
    punten = signalen(TAKEN, PARTIJEN, rollen, {"B": "Woningeigenaren"})
    per_soort = {}
    for punt in punten:
        per_soort.setdefault(punt.soort, []).append(punt)
    assert [p.onderwerp for p in per_soort["zonder-trekker"]] == [2]
    assert per_soort["meerdere-trekkers"][0].tekst.startswith(
        "Taak 'Planning' heeft 2 trekkers ('Gemeente' en 'Corporatie')")
    assert [p.tekst for p in per_soort["boven-capaciteit"]] == [
        "'Gemeente' heeft 22 uur per maand aan taken, 2 uur meer dan de capaciteit van 20 uur. "
        "Verdeel taken anders of spreek meer capaciteit af."
    ]
    assert [p.onderwerp for p in per_soort["capaciteit-onbekend"]] == [11]
    assert "6 uur per maand" in per_soort["capaciteit-onbekend"][0].tekst
    assert [p.onderwerp for p in per_soort["spoor-zonder-bezetting"]] == ["B", "D", "E"]
    assert per_soort["spoor-zonder-bezetting"][0].tekst.startswith("Spoor B (Woningeigenaren) heeft geen bezetting")
    assert [p.soort for p in punten] == sorted((p.soort for p in punten), key=[
        "zonder-trekker", "meerdere-trekkers", "boven-capaciteit", "capaciteit-onbekend", "spoor-zonder-bezetting"
    ].index)
    belasting = {b.partij: b for b in belasting_per_partij(PARTIJEN, rollen[:5])}
    assert (belasting["Gemeente"].uren, belasting["Gemeente"].teveel) == (22, 2)
    assert not belasting["Netbeheerder"].boven_capaciteit and belasting["Netbeheerder"].teveel == 0


def test_alleen_geinformeerd_bezet_een_spoor_niet():
    rollen = [Rol(2, 10, "geinformeerd", 0)]
    assert "A" in sporen_zonder_bezetting(TAKEN, PARTIJEN, rollen)
    assert "A" not in sporen_zonder_bezetting(TAKEN, PARTIJEN, [Rol(2, 10, "meedenker", 0)])


def test_zonder_taken_zijn_alle_sporen_onbezet_en_is_er_geen_taak_zonder_trekker():
    assert sporen_zonder_bezetting([], PARTIJEN, []) == list(SPOOR_LETTERS)
    assert taken_zonder_trekker([], PARTIJEN, []) == []


@pytest.mark.parametrize(("uren", "tekst"), [(12, "12"), (7.5, "7,5"), (0.25, "0,25"), (22.0, "22"), (1 / 3, "0,33")])
def test_uren_in_nederlandse_notatie(uren, tekst):
    assert uren_tekst(uren) == tekst


ROLNAMEN = st.sampled_from(["trekker", "meedenker", "geinformeerd"])
uren_st = st.floats(min_value=0, max_value=744, allow_nan=False).map(lambda x: round(x, 1))


@st.composite
def situatie(draw):
    taken = [Taak(i, f"Taak {i}", draw(st.sampled_from(SPOOR_LETTERS))) for i in range(draw(st.integers(0, 6)))]
    partijen = [partij(100 + i, f"Partij {i}", draw(st.none() | uren_st)) for i in range(draw(st.integers(1, 4)))]
    cellen = {}
    if taken:
        for _ in range(draw(st.integers(0, 12))):
            taak = draw(st.sampled_from(taken))
            p = draw(st.sampled_from(partijen))
            cellen[(taak.id, p.id)] = Rol(taak.id, p.id, draw(ROLNAMEN), draw(uren_st))
    return taken, partijen, list(cellen.values())


@given(situatie(), st.data())
def test_een_trekker_erbij_geeft_nooit_een_extra_taak_zonder_trekker(gegeven, data):
    taken, partijen, rollen = gegeven
    if not taken:
        return
    taak = data.draw(st.sampled_from(taken))
    p = data.draw(st.sampled_from(partijen))
    erbij = [r for r in rollen if (r.taak_id, r.partij_id) != (taak.id, p.id)] + [Rol(taak.id, p.id, "trekker", 0)]
    voor = {s.onderwerp for s in signalen(taken, partijen, rollen) if s.soort == "zonder-trekker"}
    na = {s.onderwerp for s in signalen(taken, partijen, erbij) if s.soort == "zonder-trekker"}
    assert na <= voor and taak.id not in na


@given(situatie())
def test_capaciteitssignalen_volgen_uit_de_totalen(gegeven):
    taken, partijen, rollen = gegeven
    belasting = belasting_per_partij(partijen, rollen)
    for regel, p in zip(belasting, partijen, strict=True):
        assert regel.uren == pytest.approx(sum(r.uren_per_maand for r in rollen if r.partij_id == p.id), abs=0.01)
        assert regel.boven_capaciteit == (p.capaciteit_uren is not None and regel.uren > p.capaciteit_uren)
        assert regel.teveel >= 0
    punten = signalen(taken, partijen, rollen)
    assert {s.onderwerp for s in punten if s.soort == "boven-capaciteit"} == {
        b.partij_id for b in belasting if b.boven_capaciteit}
    assert {s.onderwerp for s in punten if s.soort == "capaciteit-onbekend"} == {
        b.partij_id for b in belasting if b.uren > 0 and b.capaciteit is None}


@given(situatie())
def test_spoor_zonder_bezetting_precies_als_niemand_trekt_of_meedenkt(gegeven):
    taken, partijen, rollen = gegeven
    per_id = {t.id: t for t in taken}
    bezet = {per_id[r.taak_id].spoor for r in rollen if r.rol in ("trekker", "meedenker")}
    assert set(sporen_zonder_bezetting(taken, partijen, rollen)) == set(SPOOR_LETTERS) - bezet
    zonder = {t.id for t in taken_zonder_trekker(taken, partijen, rollen)}
    met_trekker = {r.taak_id for r in rollen if r.rol == "trekker"}
    assert zonder == {t.id for t in taken} - met_trekker
    for taak, namen in taken_met_meerdere_trekkers(taken, partijen, rollen):
        assert len(namen) == sum(1 for r in rollen if r.taak_id == taak.id and r.rol == "trekker") > 1


# -- chart ------------------------------------------------------------------------------------
def test_grafiek_markeert_boven_capaciteit_met_tekst_en_arcering():
    rollen = [Rol(1, 10, "trekker", 30), Rol(1, 11, "meedenker", 5), Rol(3, 12, "trekker", 4)]
    figuur = rollen_figuur(belasting_per_partij(PARTIJEN, rollen))
    as_ = figuur.axes[0]
    teksten = [t.get_text() for t in as_.texts]
    assert f"30 u — {BOVEN_TEKST} (+10 u)" in teksten
    assert "5 u — capaciteit onbekend" in teksten and "4 u van 8 u" in teksten
    assert "capaciteit 20 u" in teksten and "capaciteit 8 u" in teksten
    balken = as_.patches
    assert [bool(b.get_hatch()) and b.get_hatch() == "//" for b in balken] == [True, False, False]
    assert [t.get_text() for t in as_.get_yticklabels()] == ["Gemeente", "Corporatie", "Netbeheerder"]
    legenda = [t.get_text() for t in figuur.legends[0].get_texts()]
    assert BOVEN_TEKST in legenda and "capaciteit (uur per maand)" in legenda
    assert figuur_naar_png(figuur).startswith(b"\x89PNG")


def test_lege_grafiek_zegt_dat_er_nog_geen_partijen_zijn():
    assert "nog geen partijen" in rollen_figuur([]).axes[0].get_title()


@pytest.mark.parametrize(("tekst", "uren"), [("", None), ("  ", None), ("16", 16.0), ("7,5", 7.5), ("7.5", 7.5),
                                             ("744", 744.0), (" 1 2 ", 12.0)])
def test_uren_lezen_uit_een_tekstveld(tekst, uren):
    assert lees_uren(tekst) == uren


@pytest.mark.parametrize("tekst", ["veel", "-4", "10 uur", "1e3", "745", "3,5,2"])
def test_onleesbare_uren_geven_een_nederlandse_melding(tekst):
    with pytest.raises(InvoerFout, match="De capaciteit"):
        lees_uren(tekst)


def test_pagina_en_rapport_delen_de_oordelen_en_de_alt_tekst():
    rollen = [Rol(1, 10, "trekker", 30), Rol(1, 11, "meedenker", 5), Rol(3, 12, "trekker", 4)]
    belasting = belasting_per_partij(PARTIJEN, rollen)
    assert totalen_rijen(belasting) == [
        ["Gemeente", "30", "20", belasting[0].oordeel], ["Corporatie", "5", "onbekend", belasting[1].oordeel],
        ["Netbeheerder", "4", "8", belasting[2].oordeel],
    ]
    assert "boven capaciteit (+10 uur)" in belasting[0].oordeel
    assert grafiek_alt(belasting) == (
        "Uren per maand per partij tegenover capaciteit. Gemeente: 30 uur, capaciteit 20 uur, boven capaciteit; "
        "Corporatie: 5 uur, capaciteit onbekend; Netbeheerder: 4 uur, capaciteit 8 uur."
    )
    assert grafiek_zinvol(belasting)
    assert not grafiek_zinvol(belasting_per_partij([partij(1, "Zonder uren")], []))
