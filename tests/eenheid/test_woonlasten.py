"""Woonlastentoets: monthly costs before and after per household, under a stated definition."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkkompas_widgets.analysis.woonlasten import (
    MAX_BEDRAG,
    bedrag_als_tekst,
    bedrag_uit_tekst,
    euro,
    toets_huishoudens,
    woonlastentoets,
)
from wijkkompas_widgets.charts import figuur_naar_png
from wijkkompas_widgets.charts.woonlasten import woonlasten_figuur
from wijkkompas_widgets.content import ContentFout, laad_inhoud
from wijkkompas_widgets.dossier.model import InvoerFout

KABINET = ("gas", "elektriciteit", "warmte", "huur", "financiering", "vve-lening")
NAMEN = {"gas": "Gas", "elektriciteit": "Elektriciteit", "warmte": "Warmte", "huur": "Huur",
         "financiering": "Financiering", "onderhoud": "Onderhoud en vervanging"}
# A corporatie tenant: gas 120 + stroom 60 + huur 650 = 830 before; 0 + 110 + 675 = 785 after → 45 less.
HUURDER = ({"gas": 120, "elektriciteit": 60, "huur": 650}, {"gas": 0, "elektriciteit": 110, "huur": 675})
# An owner: counted 160 + 70 + 0 = 230 before, 0 + 140 + 85 = 225 after (−5); maintenance 15 → 25 (+10).
EIGENAAR = ({"gas": 160, "elektriciteit": 70, "financiering": 0, "onderhoud": 15},
            {"gas": 0, "elektriciteit": 140, "financiering": 85, "onderhoud": 25})


def test_huurder_volgens_handberekening_is_woonlastenneutraal():
    toets = woonlastentoets(*HUURDER, definitie_posten=KABINET, namen=NAMEN)
    assert (toets.totaal_voor, toets.totaal_na, toets.verschil) == (830, 785, -45)
    assert toets.neutraal is True and toets.oordeel == "woonlastenneutraal"
    assert toets.uitleg() == ("Woonlastenneutraal: de woonlasten dalen met € 45 per maand "
                              "(van € 830 naar € 785 per maand).")
    assert toets.verschil_per_post() == {"gas": -120, "elektriciteit": 50, "huur": 25}


def test_een_hogere_huurverhoging_maakt_het_niet_neutraal_en_zegt_hoeveel():
    voor, na = HUURDER
    toets = woonlastentoets(voor, {**na, "huur": 730}, definitie_posten=KABINET)
    assert toets.verschil == 10 and toets.neutraal is False
    assert toets.uitleg().startswith("Niet woonlastenneutraal: de woonlasten stijgen met € 10 per maand")


def test_een_afgesproken_marge_wordt_genoemd():
    voor, na = HUURDER
    toets = woonlastentoets(voor, {**na, "huur": 730}, definitie_posten=KABINET, marge=10)
    assert toets.neutraal is True and "binnen de marge van € 10" in toets.uitleg()


def test_onderhoud_telt_alleen_mee_in_de_ruimere_definitie(inhoud):
    definities = {d.id: d.posten for d in inhoud.fase34.definities}
    kabinet = woonlastentoets(*EIGENAAR, definitie_posten=definities["kabinet"], namen=NAMEN)
    assert kabinet.verschil == -5 and kabinet.neutraal is True
    assert kabinet.verschil_alles == 5
    assert "Tel je ook onderhoud en vervanging mee, dan is het verschil +€ 5 per maand." in kabinet.uitleg()
    ruim = woonlastentoets(*EIGENAAR, definitie_posten=definities["inclusief-onderhoud"], namen=NAMEN)
    assert ruim.verschil == 5 and ruim.neutraal is False


def test_een_ontbrekend_bedrag_maakt_de_uitkomst_onbekend_niet_nul():
    voor, na = EIGENAAR
    toets = woonlastentoets(voor, {**na, "elektriciteit": None}, definitie_posten=KABINET, namen=NAMEN)
    assert toets.totaal_na is None and toets.verschil is None and toets.neutraal is None
    assert toets.oordeel == "onbekend" and toets.ontbrekend == ("elektriciteit",)
    assert "Onbekend" in toets.uitleg() and "elektriciteit" in toets.uitleg()
    # given on one side only counts as unknown too
    alleen_voor = woonlastentoets({**voor, "warmte": 30}, na, definitie_posten=KABINET)
    assert alleen_voor.neutraal is None and alleen_voor.ontbrekend == ("warmte",)


def test_een_post_die_niet_bestaat_voor_dit_huishouden_telt_niet():
    toets = woonlastentoets({"gas": 100, "financiering": 0}, {"gas": 0, "financiering": 60},
                            definitie_posten=KABINET)
    assert "huur" not in toets.posten and toets.verschil == -40 and toets.neutraal is True


@pytest.mark.parametrize(
    ("bedrag", "tekst"),
    [(-10, "negatief"), (MAX_BEDRAG + 1, "geen jaarbedrag"), (12_000, "€ 12.000"), ("veel", "geen getal"),
     (True, "geen getal"), (math.inf, "te groot")],
)
def test_onzinnige_bedragen_worden_geweigerd_met_post_en_moment(bedrag, tekst):
    voor, na = HUURDER
    with pytest.raises(InvoerFout, match=r"Huur \(na de overstap\)") as fout:
        woonlastentoets(voor, {**na, "huur": bedrag}, definitie_posten=KABINET, namen=NAMEN)
    assert tekst in str(fout.value)


def test_definitie_en_marge_worden_gecontroleerd():
    with pytest.raises(InvoerFout, match="Kies eerst een definitie"):
        woonlastentoets(*HUURDER, definitie_posten=())
    with pytest.raises(InvoerFout, match="marge"):
        woonlastentoets(*HUURDER, definitie_posten=KABINET, marge=-1)
    with pytest.raises(InvoerFout, match="nog geen bedragen"):
        woonlastentoets({"onderhoud": 10}, {"onderhoud": 20}, definitie_posten=KABINET)


def test_een_fout_bij_meerdere_huishoudens_noemt_het_huishouden():
    with pytest.raises(InvoerFout, match=r"^Eigenaar-bewoner: Het bedrag voor gas"):
        toets_huishoudens({"huurder": HUURDER, "eigenaar": ({"gas": -1}, {"gas": 0})}, definitie_posten=KABINET,
                          labels={"eigenaar": "Eigenaar-bewoner"})
    uitkomst = toets_huishoudens({"huurder": HUURDER, "eigenaar": EIGENAAR}, definitie_posten=KABINET)
    assert {k: t.oordeel for k, t in uitkomst.items()} == {"huurder": "woonlastenneutraal",
                                                          "eigenaar": "woonlastenneutraal"}


def test_euro_op_zijn_nederlands():
    assert euro(1234.5) == "€ 1.234,50"
    assert euro(12) == "€ 12"
    assert euro(-5, teken=True) == "−€ 5" and euro(5, teken=True) == "+€ 5" and euro(0, teken=True) == "€ 0"
    assert euro(None) == "onbekend"


bedrag = st.integers(0, 2_000)


@settings(max_examples=50, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(NAMEN)), st.tuples(bedrag, bedrag), min_size=1), st.integers(0, 100))
def test_neutraal_precies_als_de_getelde_lasten_niet_meer_stijgen_dan_de_marge(posten, marge):
    voor = {p: v for p, (v, _n) in posten.items()}
    na = {p: n for p, (_v, n) in posten.items()}
    if not set(posten) & set(KABINET):
        with pytest.raises(InvoerFout):
            woonlastentoets(voor, na, definitie_posten=KABINET, marge=marge)
        return
    toets = woonlastentoets(voor, na, definitie_posten=KABINET, marge=marge)
    geteld = [p for p in posten if p in KABINET]
    assert toets.verschil == sum(na[p] - voor[p] for p in geteld)
    assert toets.neutraal == (sum(na[p] for p in geteld) <= sum(voor[p] for p in geteld) + marge)
    assert toets.verschil_alles - toets.verschil == sum(na[p] - voor[p] for p in posten if p not in KABINET)


def test_woonlastenfiguur_zegt_het_oordeel_in_woorden_en_tekens():
    voor, na = HUURDER
    rijen = [
        ("Huurder van een corporatiewoning", woonlastentoets(*HUURDER, definitie_posten=KABINET)),
        ("Huurder met huurverhoging", woonlastentoets(voor, {**na, "huur": 730}, definitie_posten=KABINET)),
        ("Eigenaar $x$", woonlastentoets(*EIGENAAR, definitie_posten=KABINET)),
        ("Onbekend huishouden", woonlastentoets(voor, {**na, "gas": None}, definitie_posten=KABINET)),
    ]
    figuur = woonlasten_figuur(rijen, namen=NAMEN)
    teksten = [t.get_text() for t in figuur.axes[0].texts]
    assert "✔ woonlastenneutraal\n−€ 45 per maand" in teksten
    assert "✘ niet woonlastenneutraal\n+€ 10 per maand" in teksten
    assert "? onbekend" in teksten and "€ 785 + onbekend" in teksten
    assert "met onderhoud en vervanging: +€ 5" in teksten
    legenda = [t.get_text() for t in figuur.axes[0].get_legend().get_texts()]
    assert "Onderhoud en vervanging (telt niet mee)" in legenda and "Huur" in legenda
    assert figuur_naar_png(figuur).startswith(b"\x89PNG")
    assert "nog geen huishoudens" in woonlasten_figuur([]).axes[0].get_title()


def test_woonlasten_uit_de_inhoud(inhoud):
    fase34 = inhoud.fase34
    kabinet = fase34.definitie("kabinet")
    assert kabinet is fase34.definities[0] and "Klimaatakkoord" in kabinet.bron
    assert "onderhoud" not in kabinet.posten and {"gas", "elektriciteit", "warmte", "huur"} <= set(kabinet.posten)
    assert {"huurder-corporatie", "eigenaar-eengezinswoning", "appartement-vve"} <= {h.id for h in fase34.huishoudtypen}
    assert "huur" in fase34.huishoudtype("huurder-corporatie").posten
    assert "huur" not in fase34.huishoudtype("eigenaar-eengezinswoning").posten


def test_onbekende_post_bij_een_huishoudtype_wordt_gemeld(content_kopie):
    pad = content_kopie / "woonlasten.yaml"
    tekst = pad.read_text(encoding="utf-8")
    pad.write_text(tekst.replace("posten: [gas, elektriciteit, warmte, huur]\n", "posten: [gas, stookolie]\n", 1),
                   encoding="utf-8")
    with pytest.raises(ContentFout, match=r"woonlasten\.yaml \(huishoudtype 'huurder-corporatie'\): onbekende of "
                                          r"geen posten \['stookolie'\]"):
        laad_inhoud(content_kopie)


@pytest.mark.parametrize(("tekst", "bedrag"), [("85", 85.0), ("85,5", 85.5), ("€ 1.250", 1250.0), ("", None),
                                                ("  0 ", 0.0)])
def test_bedragen_zoals_op_een_nederlandse_rekening(tekst, bedrag):
    assert bedrag_uit_tekst(tekst, "gas", "voor de overstap") == bedrag
    if bedrag is not None:
        assert bedrag_uit_tekst(bedrag_als_tekst(bedrag), "gas", "na") == bedrag


@pytest.mark.parametrize(("tekst", "melding"), [("12a", "geen bedrag"), ("-5", "geen bedrag"),
                                                ("60000", "geen jaarbedrag"), ("85.5", "geen bedrag")])
def test_onzin_bedragen_krijgen_een_melding(tekst, melding):
    with pytest.raises(InvoerFout, match=melding):
        bedrag_uit_tekst(tekst, "gas", "voor de overstap")
