"""What the room sees during a live workshop: hand-computed examples per exercise, the edge cases a
facilitator meets (no answers yet, one participant, 'weet niet', one organisation written three ways)
and properties that must hold for any answers."""

from __future__ import annotations

import math
import statistics
import uuid
from datetime import datetime, timezone
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from wijkkompas_widgets.analysis.scan import analyseer
from wijkkompas_widgets.charts import figuur_naar_png
from wijkkompas_widgets.charts.koppelkansen import koppelkansen_figuur
from wijkkompas_widgets.charts.scan import radar_figuur
from wijkkompas_widgets.charts.weging import wegingen_figuur
from wijkkompas_widgets.charts.workshop import machtbelang_spreiding_figuur
from wijkkompas_widgets.content import inhoud
from wijkkompas_widgets.dossier.model import InvoerFout
from wijkkompas_widgets.workshop.aggregatie import (
    LEEG,
    koppelkansen_uitslag,
    machtbelang_uitslag,
    rond_af,
    ronde_uitslag,
    scan_uitslag,
    spreiding_tussen_organisaties,
    verdeel_100,
    vraag_uitslagen,
    weging_uitslag,
)
from wijkkompas_widgets.workshop.model import Antwoorden, Deelnemer, Ronde, Vraag

NU = datetime(2026, 3, 14, 10, 0, tzinfo=timezone.utc)
W = None  # 'weet niet'


def _ronde(oefening: str, vragen) -> Ronde:
    return Ronde(uuid.uuid4().hex, "s" * 32, oefening, 1, "open", tuple(vragen))


def _paren(ronde: Ronde, rijen, *, ingediend: bool = True):
    """rijen: (naam, organisatie, {sleutel: waarde})."""
    paren = []
    for naam, organisatie, waarden in rijen:
        deelnemer = Deelnemer(uuid.uuid4().hex, ronde.sessie_id, naam, organisatie, "", "ABC123", NU)
        paren.append((deelnemer, Antwoorden(ronde.id, deelnemer.id, dict(waarden), NU if ingediend else None)))
    return paren


MACHT = _ronde("machtbelang", [
    Vraag(f"p{p}:{as_}", f"{as_.capitalize()} van {naam}", naam, 1, 10)
    for p, naam in ((1, "Gemeente"), (2, "Stedin")) for as_ in ("invloed", "belang")
])
WEGING = _ronde("weging", [Vraag(f"c{i}", naam, "", 0, 100) for i, naam in enumerate(("Kosten", "CO₂", "Tempo"), 1)])
KANSEN = _ronde("koppelkansen", [
    Vraag(f"k{k}:{c}", label, titel, 1, 5)
    for k, titel in ((7, "Riolering"), (8, "Groen"), (9, "Speeltuin"))
    for c, label in (("wensen", "Past bij de wensen"), ("extra-kosten", "Extra kosten (5 = weinig)"))
])


# -- the empty round and the edge cases ----------------------------------------------------------
@pytest.mark.parametrize("ronde", [MACHT, WEGING, KANSEN])
def test_een_ronde_zonder_ingediende_antwoorden_zegt_dat(ronde):
    uitslag = ronde_uitslag(ronde, [])
    assert uitslag.leeg and uitslag.melding == LEEG
    assert spreiding_tussen_organisaties(ronde, []) == []
    # answers that are not submitted yet count as nothing at all
    alles = {v.sleutel: v.maximum for v in ronde.vragen}
    niet_ingediend = _paren(ronde, [("Piet", "Gemeente", alles)], ingediend=False)
    assert ronde_uitslag(ronde, niet_ingediend).leeg


def test_lege_scan_geeft_te_weinig_antwoorden_en_de_melding():
    uitslag = scan_uitslag(inhoud(), [])
    assert uitslag.leeg and uitslag.melding == LEEG
    assert all(g is None for g in uitslag.gemiddelde) and uitslag.profielen == ()


def test_een_deelnemer_geeft_zijn_eigen_waarden_en_geen_verschillen():
    paren = _paren(MACHT, [("Ans", "Gemeente", {"p1:invloed": 8, "p1:belang": 6, "p2:invloed": 3, "p2:belang": 9})])
    uitslag = machtbelang_uitslag(MACHT, paren)
    gemeente = uitslag.partijen[0]
    assert (gemeente.invloed.mediaan, gemeente.invloed.minimum, gemeente.invloed.maximum) == (8, 8, 8)
    assert uitslag.punten == [("Gemeente", 8, 6), ("Stedin", 3, 9)]
    assert spreiding_tussen_organisaties(MACHT, paren) == []


# -- macht en belang -----------------------------------------------------------------------------
def test_machtbelang_mediaan_spreiding_en_organisaties_ongeacht_schrijfwijze():
    paren = _paren(MACHT, [
        ("Ans", "Gemeente Delft", {"p1:invloed": 9, "p1:belang": 4, "p2:invloed": 2, "p2:belang": 8}),
        ("Bob", "gemeente  delft ", {"p1:invloed": 7, "p1:belang": 5, "p2:invloed": 4, "p2:belang": 8}),
        ("Cem", "Stedin", {"p1:invloed": 10, "p1:belang": 9, "p2:invloed": 6, "p2:belang": 10}),
        ("Dre", "Bewoners", {"p1:invloed": 4, "p1:belang": 2, "p2:invloed": 5, "p2:belang": 7}),
    ])
    uitslag = machtbelang_uitslag(MACHT, paren)
    assert [(o.naam, o.deelnemers) for o in uitslag.organisaties] == [
        ("Gemeente Delft", 2), ("Stedin", 1), ("Bewoners", 1)]
    gemeente = uitslag.partijen[0]
    assert gemeente.naam == "Gemeente" and gemeente.aantal == 4
    assert gemeente.invloed.mediaan == 8.0  # (7 + 9) / 2
    assert (gemeente.invloed.minimum, gemeente.invloed.maximum) == (4, 10)
    assert gemeente.invloed.per_organisatie == {"Gemeente Delft": 8.0, "Stedin": 10.0, "Bewoners": 4.0}
    assert uitslag.punten == [("Gemeente", 8.0, 4.5), ("Stedin", 4.5, 8.0)]
    verschillen = spreiding_tussen_organisaties(MACHT, paren)
    assert verschillen[0].vraag.sleutel == "p1:belang"  # 9 - 2 = 7 between organisations, the largest
    assert verschillen[0].hoogste == ("Stedin", 9.0) and verschillen[0].laagste == ("Bewoners", 2.0)
    assert [v.verschil for v in verschillen] == sorted((v.verschil for v in verschillen), reverse=True)
    assert len(spreiding_tussen_organisaties(MACHT, paren, aantal=2)) == 2


# -- weging --------------------------------------------------------------------------------------
def test_weging_elke_organisatie_telt_even_zwaar_hoeveel_mensen_er_ook_zijn():
    paren = _paren(WEGING, [
        ("Ans", "Gemeente", {"c1": 60, "c2": 20, "c3": 20}),
        ("Bob", "GEMEENTE", {"c1": 40, "c2": 40, "c3": 20}),
        ("Cem", "Gemeente", {"c1": 50, "c2": 30, "c3": 20}),
        ("Dre", "Bewoners", {"c1": 10, "c2": 10, "c3": 80}),
    ])
    uitslag = weging_uitslag(WEGING, paren)
    assert uitslag.per_organisatie["Gemeente"] == pytest.approx({"c1": 0.5, "c2": 0.3, "c3": 0.2})
    assert uitslag.per_organisatie["Bewoners"] == pytest.approx({"c1": 0.1, "c2": 0.1, "c3": 0.8})
    assert uitslag.gezamenlijk == pytest.approx({"c1": 0.3, "c2": 0.2, "c3": 0.5})
    assert uitslag.gezamenlijke_punten == {"c1": 30, "c2": 20, "c3": 50}
    assert uitslag.punten_per_organisatie["Gemeente"] == {"c1": 50, "c2": 30, "c3": 20}
    assert [v.criterium for v in uitslag.verschillen] == ["c3", "c1", "c2"]  # 0,6 / 0,4 / 0,2
    assert uitslag.verschillen[0].hoogste == ("Bewoners", pytest.approx(0.8))
    assert any("Tempo" in zin for zin in uitslag.zinnen)
    assert uitslag.namen == {"c1": "Kosten", "c2": "CO₂", "c3": "Tempo"}


def test_weging_rekent_met_verhoudingen_en_slaat_onbruikbare_antwoorden_over():
    paren = _paren(WEGING, [
        ("Ans", "Gemeente", {"c1": 40, "c2": 40, "c3": 0}),  # 80 points: counts as 50/50/0
        ("Bob", "Netbeheer", {"c1": 0, "c2": 0, "c3": 0}),  # nothing to normalise
    ])
    uitslag = weging_uitslag(WEGING, paren)
    assert uitslag.per_organisatie == {"Gemeente": pytest.approx({"c1": 0.5, "c2": 0.5, "c3": 0.0})}
    assert uitslag.overgeslagen == 1 and uitslag.deelnemers == 1
    verschillen = spreiding_tussen_organisaties(WEGING, paren)
    assert verschillen == []  # only one organisation left


# -- koppelkansen --------------------------------------------------------------------------------
def test_koppelkansen_gemiddelden_rangorde_en_gedeelde_plaats():
    paren = _paren(KANSEN, [
        ("Ans", "Gemeente", {"k7:wensen": 5, "k7:extra-kosten": 2, "k8:wensen": 4, "k8:extra-kosten": 4,
                             "k9:wensen": 1, "k9:extra-kosten": 2}),
        ("Bob", "Woonstichting", {"k7:wensen": 4, "k7:extra-kosten": 3, "k8:wensen": 2, "k8:extra-kosten": 4,
                                  "k9:wensen": 2, "k9:extra-kosten": 1}),
    ])
    uitslag = koppelkansen_uitslag(KANSEN, paren)
    assert uitslag.criteria == {"wensen": "Past bij de wensen", "extra-kosten": "Extra kosten (5 = weinig)"}
    # Riolering (4.5 + 2.5) / 2 = 3.5 and Groen (3 + 4) / 2 = 3.5 share place 1; alphabetical within the place
    assert [(k.titel, k.gemiddelde, k.plaats) for k in uitslag.kansen] == [
        ("Groen", 3.5, 1), ("Riolering", 3.5, 1), ("Speeltuin", 1.5, 3)]
    riolering = uitslag.kansen[1]
    assert riolering.per_criterium["wensen"].gemiddelde == 4.5
    assert riolering.per_organisatie == {"Gemeente": 3.5, "Woonstichting": 3.5} and riolering.verschil == 0
    assert uitslag.kansen[0].verschil == 1.0  # Groen: Gemeente 4, Woonstichting 3
    assert uitslag.rangschikking.top[0].gemiddelde == Fraction(7, 2)


def test_koppelkans_zonder_score_op_een_criterium_wordt_niet_gerangschikt():
    paren = _paren(KANSEN, [("Ans", "Gemeente", {"k7:wensen": 5, "k7:extra-kosten": 5, "k8:wensen": 3})])
    uitslag = koppelkansen_uitslag(KANSEN, paren)
    assert [(k.titel, k.plaats) for k in uitslag.kansen[:1]] == [("Riolering", 1)]
    groen = next(k for k in uitslag.kansen if k.titel == "Groen")
    assert groen.plaats is None and groen.gemiddelde is None


# -- scan ----------------------------------------------------------------------------------------
def test_scan_is_dezelfde_uitslag_als_de_scan_van_het_dossier():
    scan = inhoud().fase1.scan
    ronde = _ronde("scan", [Vraag(s.id, s.tekst, s.factor, 1, 5, True) for s in scan.stellingen])
    rijen = [
        ("Ans", "Gemeente", {s.id: (i % 5) + 1 for i, s in enumerate(scan.stellingen)}),
        ("Bob", " gemeente", {s.id: W if i % 3 == 0 else 3 for i, s in enumerate(scan.stellingen)}),
        ("Cem", "Bewoners", {s.id: 5 - (i % 4) for i, s in enumerate(scan.stellingen)}),
    ]
    uitslag = scan_uitslag(inhoud(), _paren(ronde, rijen))

    class R:
        def __init__(self, naam, organisatie, antwoorden):
            self.naam, self.organisatie, self.antwoorden = naam, organisatie, antwoorden

    assert uitslag.uitslag == analyseer(scan, [R(*r) for r in rijen])
    assert uitslag.deelnemers == 3 and [o.naam for o in uitslag.organisaties] == ["Gemeente", "Bewoners"]
    assert uitslag.weet_niet == 10  # every third statement of Bob
    assert uitslag.factornamen == tuple(f.naam for f in scan.factoren)
    assert [naam for naam, _w in uitslag.profielen] == ["Gemeente", "Bewoners"]
    eerste = uitslag.uitslag.stellingen[0]
    assert eerste.n == 2 and eerste.weet_niet == 1  # 'weet niet' counted, not in the mean
    assert eerste.gemiddelde == pytest.approx(3.0)  # (1 + 5) / 2
    assert ronde_uitslag(ronde, _paren(ronde, rijen), inhoud()) == uitslag


def test_weet_niet_telt_mee_als_antwoord_maar_niet_in_het_gemiddelde():
    ronde = _ronde("scan", [Vraag("a", "A", "", 1, 5, True)])
    rijen = [("A", "X", {"a": W}), ("B", "X", {"a": W}), ("C", "Y", {"a": 4})]
    uitslagen = vraag_uitslagen(ronde, _paren(ronde, rijen))
    assert (uitslagen[0].n, uitslagen[0].weet_niet, uitslagen[0].gemiddelde) == (1, 2, 4.0)
    alleen_weet_niet = vraag_uitslagen(ronde, _paren(ronde, [("A", "X", {"a": W})]))[0]
    assert alleen_weet_niet.gemiddelde is None and alleen_weet_niet.mediaan is None and alleen_weet_niet.weet_niet == 1


# -- verdeel_100 and rounding --------------------------------------------------------------------
def test_verdeel_100_met_grootste_rest():
    assert verdeel_100({"a": 1, "b": 1, "c": 1}) == {"a": 34, "b": 33, "c": 33}
    # 12.5 / 37.5 / 50: equal remainders, the first one gets the point left over
    assert verdeel_100({"a": 0.125, "b": 0.375, "c": 0.5}) == {"a": 13, "b": 37, "c": 50}
    assert verdeel_100({}) == {}
    with pytest.raises(InvoerFout, match="Alle gewichten zijn 0"):
        verdeel_100({"a": 0, "b": 0})
    with pytest.raises(InvoerFout):
        verdeel_100({"a": -1, "b": 2})
    with pytest.raises(InvoerFout):
        verdeel_100({"a": math.nan})


def test_rond_af_rondt_de_helft_naar_boven():
    assert [rond_af(x) for x in (2.5, 3.5, 4.49, 7.0)] == [3, 4, 4, 7]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(0, 1e6, allow_nan=False), min_size=1, max_size=15).filter(lambda w: sum(w) > 0))
def test_verdeel_100_telt_altijd_op_tot_100_en_blijft_binnen_1_van_het_exacte_deel(gewichten):
    punten = verdeel_100({f"c{i}": w for i, w in enumerate(gewichten)})
    assert sum(punten.values()) == 100
    totaal = sum(Fraction(w) for w in gewichten)
    for i, w in enumerate(gewichten):
        assert abs(punten[f"c{i}"] - Fraction(w) * 100 / totaal) < 1


# -- properties of any answers -------------------------------------------------------------------
_organisatie = st.sampled_from(["Gemeente", "gemeente", " GEMEENTE ", "Stedin", "Bewoners"])
_rij = st.tuples(_organisatie, st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=3, max_size=3))


@settings(max_examples=100, deadline=None)
@given(st.lists(_rij, max_size=12))
def test_gemiddelde_mediaan_en_bereik_kloppen_met_de_hand_gerekend(rijen):
    ronde = _ronde("koppelkansen", [Vraag(f"k1:c{i}", f"c{i}", "Kans", 1, 5, True) for i in range(3)])
    paren = _paren(ronde, [(f"P{n}", org, {f"k1:c{i}": w for i, w in enumerate(ws)})
                           for n, (org, ws) in enumerate(rijen)])
    for i, uitslag in enumerate(vraag_uitslagen(ronde, paren)):
        scores = [ws[i] for _org, ws in rijen if ws[i] is not None]
        assert uitslag.n == len(scores) and uitslag.weet_niet == len(rijen) - len(scores)
        if scores:
            assert uitslag.gemiddelde == pytest.approx(statistics.fmean(scores))
            assert uitslag.mediaan == statistics.median(scores)
            assert (uitslag.minimum, uitslag.maximum) == (min(scores), max(scores))
        else:
            assert uitslag.gemiddelde is None
        # at most three organisations: Gemeente (three spellings), Stedin, Bewoners
        assert len(uitslag.per_organisatie) <= 3
    for verschil in spreiding_tussen_organisaties(ronde, paren):
        assert verschil.verschil > 0 and len(verschil.gemiddelden) >= 2
        assert verschil.verschil == pytest.approx(verschil.hoogste[1] - verschil.laagste[1])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_organisatie, st.lists(st.integers(0, 100), min_size=3, max_size=3)),
                min_size=1, max_size=10),
       st.randoms(use_true_random=False))
def test_weging_hangt_niet_af_van_de_volgorde_van_de_deelnemers(rijen, toeval):
    paren = _paren(WEGING, [(f"P{n}", org, dict(zip(("c1", "c2", "c3"), ws, strict=True)))
                            for n, (org, ws) in enumerate(rijen)])
    uitslag = weging_uitslag(WEGING, paren)
    gehusseld = list(paren)
    toeval.shuffle(gehusseld)
    anders = weging_uitslag(WEGING, gehusseld)
    assert anders.gezamenlijk == pytest.approx(uitslag.gezamenlijk)
    if uitslag.gezamenlijk:
        assert sum(uitslag.gezamenlijk.values()) == pytest.approx(1.0)
        assert sum(uitslag.gezamenlijke_punten.values()) == 100


# -- charts --------------------------------------------------------------------------------------
def test_de_grafieken_van_de_begeleider_tekenen_met_elke_uitslag():
    paren = _paren(MACHT, [
        ("Ans", "Gemeente", {"p1:invloed": 9, "p1:belang": 4, "p2:invloed": 2, "p2:belang": 8}),
        ("Bob", "Stedin", {"p1:invloed": 5, "p1:belang": 6, "p2:invloed": 4, "p2:belang": 10}),
    ])
    figuur = machtbelang_spreiding_figuur(machtbelang_uitslag(MACHT, paren))
    assert isinstance(figuur, Figure) and "mediaan" in figuur.axes[0].get_title()
    # two whiskers per party on top of the grid
    assert sum(1 for lijn in figuur.axes[0].get_lines() if lijn.get_linestyle() == "--") >= 4
    assert figuur_naar_png(figuur).startswith(b"\x89PNG")
    assert "nog geen" in machtbelang_spreiding_figuur(machtbelang_uitslag(MACHT, [])).axes[0].get_title()

    weging = weging_uitslag(WEGING, _paren(WEGING, [("A", "X", {"c1": 50, "c2": 25, "c3": 25})]))
    assert figuur_naar_png(wegingen_figuur(weging.per_organisatie, weging.namen, weging.gezamenlijk))
    kansen = koppelkansen_uitslag(KANSEN, _paren(KANSEN, [("A", "X", {v.sleutel: 3 for v in KANSEN.vragen})]))
    assert figuur_naar_png(koppelkansen_figuur(kansen.rangschikking))
    scan = scan_uitslag(inhoud(), [])
    assert figuur_naar_png(radar_figuur(scan.factornamen, scan.profielen, scan.gemiddelde, "Workshop"))
