"""Inspraak op het wijkuitvoeringsplan, the pure part: reading and checking the form, advice, counts, the
reactienota, the chart, and the tables the page and the report share."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hulp import zichtbaar
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure
from voorbeelden import inspraak_voorbeeld

from wijkkompas_widgets.analysis.inspraak import (
    GEEN_THEMA,
    UITKOMSTEN,
    Inspraak,
    InspraakStand,
    Moment,
    Onderdeel,
    Reactie,
    adviezen,
    controleer_inspraak,
    inspraak_stand,
    is_ingevuld,
    lees_inspraak,
    met_rij,
    reactienota,
    telling,
    verwijder_moment,
    verwijder_onderdeel,
)
from wijkkompas_widgets.charts.inspraak import figuur_alt, reacties_figuur
from wijkkompas_widgets.content import inhoud as laad_inhoud
from wijkkompas_widgets.dossier import InvoerFout
from wijkkompas_widgets.leesmodel import inspraak as lees
from wijkkompas_widgets.widgets.kaart import markdown_html  # the page's Markdown, which the nota must survive

INHOUD = laad_inhoud()


voorbeeld = inspraak_voorbeeld


# -- reading, tolerant -------------------------------------------------------------------------
def test_lege_of_kapotte_gegevens_geven_stand_nul():
    assert inspraak_stand({}) == InspraakStand(0, 0, 0)
    assert inspraak_stand({"momenten": "x", "reacties": [3, None, {"samenvatting": 7}]}) == InspraakStand(0, 1, 1)


def test_stand_telt_momenten_reacties_en_open():
    assert inspraak_stand(voorbeeld().als_dict()) == InspraakStand(momenten=2, reacties=3, open=1)
    # an outcome without an answer is still open: nobody has told the resident anything yet
    zonder_antwoord = met_rij(voorbeeld(), Reactie("r1", "Meer bomen", "s", "m1", "", "overgenomen"))
    assert inspraak_stand(zonder_antwoord.als_dict()).open == 2


def test_nieuw_formulier_stelt_de_vijf_onderdelen_voor_en_lege_lijst_blijft_leeg():
    namen = [o.naam for o in lees_inspraak({}).onderdelen]
    assert namen == ["Keuze van het warmtesysteem", "Fasering per buurt", "Aansluitvoorwaarden en kosten voor bewoners",
                     "Inrichting van straat en openbare ruimte", "Koppelkansen"]
    assert lees_inspraak({"onderdelen": []}).onderdelen == ()
    assert not is_ingevuld(lees_inspraak({})) and is_ingevuld(voorbeeld())


def test_lezen_laat_foute_velden_en_losse_verwijzingen_vallen():
    gegevens = {
        "onderdelen": [{"id": "a", "naam": "Warmte", "status": "misschien", "reden": 5}, {"naam": ""}, "x"],
        "momenten": [{"id": "m", "vorm": "spreekuur", "onderdeel": "weg", "datum": 20260101}],
        "reacties": [{"id": "m", "samenvatting": "Dubbel id", "onderdeel": "weg", "moment": "weg", "uitkomst": "?"}],
        "oneens": ["geen tekst"], "onbekend": 1,
    }
    inspraak = lees_inspraak(gegevens)
    assert inspraak.onderdelen == (Onderdeel("a", "Warmte", "", ""),)
    assert inspraak.momenten == (Moment("m", "spreekuur", "", "", "", ""),)
    reactie = inspraak.reacties[0]
    assert reactie.id != "m" and (reactie.onderdeel, reactie.moment, reactie.uitkomst) == ("", "", "open")
    assert inspraak.oneens == ""
    controleer_inspraak(inspraak)  # what was read can be saved again


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                     lambda kind: st.lists(kind, max_size=4) | st.dictionaries(st.text(max_size=8), kind, max_size=4),
                     max_leaves=20)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["onderdelen", "momenten", "reacties", "oneens", "x"]), _JSON, max_size=5))
def test_lezen_faalt_nooit(gegevens):
    inspraak = lees_inspraak(gegevens)
    stand = inspraak_stand(gegevens)
    assert stand.reacties == len(inspraak.reacties) and 0 <= stand.open <= stand.reacties
    reactienota(inspraak)
    assert sum(sum(t.values()) for t in telling(inspraak).values()) == len(inspraak.reacties)


# -- checking, strict ---------------------------------------------------------------------------
@pytest.mark.parametrize(("aanpassing", "melding"), [
    (lambda i: met_rij(i, Onderdeel("w", "Keuze van het warmtesysteem", "vast", " ")),
     "'Keuze van het warmtesysteem' ligt vast: schrijf erbij waarom"),
    (lambda i: met_rij(i, Onderdeel("s", "keuze van het  warmtesysteem", "open")), "staat er al"),
    (lambda i: met_rij(i, Onderdeel("s", "  ")), "De naam van onderdeel 2 is verplicht."),
    (lambda i: met_rij(i, Reactie("r2", "Liever een warmtepomp", "w", "", "", "niet")),
     "Reactie 2 is niet overgenomen: leg in het antwoord uit waarom."),
    (lambda i: met_rij(i, Reactie("r3", "")), "De samenvatting van reactie 3 is verplicht."),
    (lambda i: met_rij(i, Reactie("r3", "x" * 2001)), "De samenvatting van reactie 3 is te lang"),
    (lambda i: met_rij(i, Moment("m1", "inloopavond", datum="14-03-2026")),
     "De datum van inspraakmoment 1 moet een datum zijn als JJJJ-MM-DD"),
    (lambda i: met_rij(i, Moment("m1", "inloopavond", datum="2026-02-30")), "JJJJ-MM-DD"),
    (lambda i: met_rij(i, Moment("m1", "")), "De vorm van inspraakmoment 1 is verplicht."),
    (lambda i: met_rij(i, Moment("m1", "inloopavond", plek="p" * 201)), "De plek van inspraakmoment 1 is te lang"),
    (lambda i: met_rij(i, Reactie("r3", "x", onderdeel="bestaat-niet")), "Het thema van reactie 3"),
    (lambda i: Inspraak(i.onderdelen, i.oneens, i.momenten, tuple(Reactie(f"r{n}", "x") for n in range(101))),
     "Te veel reacties (101); maximaal 100."),
])
def test_foute_invoer_wordt_geweigerd_met_nederlandse_melding(aanpassing, melding):
    with pytest.raises(InvoerFout, match=re.escape(melding)):
        controleer_inspraak(aanpassing(voorbeeld()))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=40)
                          .filter(str.strip), st.sampled_from(["open", "overgenomen", "deels"])), max_size=12))
def test_opslaan_en_teruglezen_is_hetzelfde(reacties):
    inspraak = Inspraak(reacties=tuple(Reactie(f"r{n}", tekst, "koppelkansen", "", "antwoord", uitkomst)
                                       for n, (tekst, uitkomst) in enumerate(reacties)))
    schoon = controleer_inspraak(inspraak)
    assert controleer_inspraak(lees_inspraak(schoon.als_dict())) == schoon


def test_onderdeel_of_moment_verwijderen_houdt_de_reacties():
    zonder = verwijder_onderdeel(voorbeeld(), "s")
    assert [o.id for o in zonder.onderdelen] == ["w"]
    assert [r.onderdeel for r in zonder.reacties] == ["", "w", ""] and len(zonder.reacties) == 3
    assert {m.onderdeel for m in zonder.momenten} == {""}
    zonder_moment = verwijder_moment(voorbeeld(), "m1")
    assert [r.moment for r in zonder_moment.reacties] == ["", "m2", ""]
    controleer_inspraak(zonder)
    controleer_inspraak(zonder_moment)


# -- advice, counts and nota -------------------------------------------------------------------------
def test_adviezen_over_aantal_alleen_online_en_vastliggend_onderwerp():
    assert adviezen(Inspraak()) == []
    online = Inspraak(momenten=(Moment("a", "online reactieformulier"), Moment("b", "Online reactieformulier")))
    assert any("Bied ook een andere manier" in tip for tip in adviezen(online))
    veel = Inspraak(momenten=tuple(Moment(f"m{n}", "spreekuur") for n in range(5)))
    tips = adviezen(veel)
    assert len(tips) == 1 and "Houd het aantal beperkt" in tips[0]
    assert not any("Houd het aantal" in t for t in adviezen(Inspraak(momenten=veel.momenten[:4])))
    vast = voorbeeld()
    vast = met_rij(vast, Moment("m2", "keukentafelgesprek", "w"))
    assert [t for t in adviezen(vast) if "ligt vast" in t] == [
        "Een keukentafelgesprek gaat over 'Keuze van het warmtesysteem', maar dat ligt vast. Vraag bewoners niet om "
        "mee te beslissen over iets wat niet meer kan veranderen; maak er een informatiemoment van of kies een "
        "onderwerp dat open staat."]


def test_telling_per_thema_en_uitkomst_in_volgorde_van_de_onderdelen():
    inspraak = met_rij(voorbeeld(), Reactie("r4", "Zomaar", ""))
    assert telling(inspraak) == {
        "Keuze van het warmtesysteem": {"open": 0, "overgenomen": 0, "deels": 0, "niet": 1},
        "Inrichting straat": {"open": 1, "overgenomen": 1, "deels": 0, "niet": 0},
        GEEN_THEMA: {"open": 1, "overgenomen": 0, "deels": 0, "niet": 0},
    }


def test_reactienota_per_thema_met_antwoord():
    nota = reactienota(voorbeeld(), "Noord", date(2026, 3, 20))
    assert nota.startswith("# Reactienota inspraak wijkuitvoeringsplan: Noord\n")
    tekst = zichtbaar(markdown_html(nota)).replace(" :", ":")  # '<b>Ons antwoord</b>:' reads 'Ons antwoord:'
    assert "Stand van 20 maart 2026" in tekst and "zonder namen" in tekst
    assert "In totaal 3 reacties: 1 nog open, 1 overgenomen, 1 niet overgenomen." in tekst
    warmte, straat = tekst.index("Keuze van het warmtesysteem"), tekst.index("Inrichting straat")
    assert warmte < tekst.index("Liever een warmtepomp") < straat < tekst.index("Meer bomen in de straat")
    assert "Dit onderdeel lag vast: De raad koos al voor een warmtenet." in tekst
    assert "Reactie (via inloopavond, 14 maart 2026, Buurthuis): Meer bomen in de straat" in tekst
    assert "Ons antwoord: We planten er twaalf." in tekst and "Ons antwoord: nog niet beantwoord" in tekst
    assert "Als bewoners het oneens blijven" in tekst and "daarna besluit de raad" in tekst
    assert "Er zijn nog geen reacties vastgelegd." in zichtbaar(markdown_html(reactienota(Inspraak())))


def test_gebruikerstekst_breekt_de_nota_niet():
    inspraak = Inspraak(onderdelen=(Onderdeel("a", "# kop <script>alert(1)</script>"),),
                        reacties=(Reactie("r", "<img src=x onerror=alert(1)>\n## geen kop", "a", "",
                                          "* geen lijst [link](javascript:x)"),))
    weergave = markdown_html(reactienota(inspraak))
    assert "<script" not in weergave and "<img" not in weergave and "<a " not in weergave
    assert weergave.count("<h1>") == 1 and weergave.count("<h2>") == 1
    assert "# kop <script>alert(1)</script>" in zichtbaar(weergave)


# -- chart ------------------------------------------------------------------------------------------
def test_grafiek_gestapeld_met_arcering_en_woorden():
    tel = telling(voorbeeld())
    figuur = reacties_figuur(tel)
    assert isinstance(figuur, Figure)
    as_ = figuur.axes[0]
    teksten = [t.get_text() for t in as_.texts]
    assert "1 nog open · 1 overgenomen" in teksten and "1 niet overgenomen" in teksten
    arceringen = {balk.get_hatch() for balk in as_.patches}
    assert {"..", "xx"} <= arceringen  # not colour alone
    legenda = [t.get_text() for t in figuur.legends[0].get_texts()]
    assert legenda == [label for _u, label in UITKOMSTEN]
    assert figuur_alt(tel) == ("Reacties per onderwerp en uitkomst. Keuze van het warmtesysteem: 1 niet "
                               "overgenomen; Inrichting straat: 1 nog open, 1 overgenomen.")
    leeg = reacties_figuur({})
    assert [t.get_text() for t in leeg.axes[0].texts] == ["Nog geen reacties vastgelegd"]




# -- the tables the page and the report share ------------------------------------------------------
def test_tabellen_van_pagina_en_rapport():
    inspraak = voorbeeld()
    assert lees.onderdeel_rijen(inspraak) == [
        ["Keuze van het warmtesysteem", "ligt vast", "De raad koos al voor een warmtenet."],
        ["Inrichting straat", "open voor inspraak", "–"]]
    assert lees.moment_rijen(inspraak)[0] == [1, "inloopavond", "Inrichting straat", "Buurthuis", "14 maart 2026",
                                              "alle bewoners"]
    assert lees.moment_rijen(inspraak)[1][3:] == ["–", "–", "–"]
    assert lees.TELLING_KOPPEN[0] == "Thema" and lees.TELLING_KOPPEN[-1] == "Totaal"
    rijen = lees.telling_rijen(telling(inspraak))
    assert [rij[0] for rij in rijen] == ["Keuze van het warmtesysteem", "Inrichting straat"]
    assert [rij[-1] for rij in rijen] == [1, 2] and lees.aantal_open(inspraak) == 1


def test_nota_noemt_de_wijk_of_anders_het_dossier():
    class Dossier:
        naam, wijk = "Testdossier", ""

    assert lees.nota(voorbeeld(), Dossier(), date(2026, 3, 20)).startswith(
        "# Reactienota inspraak wijkuitvoeringsplan: Testdossier\n")
