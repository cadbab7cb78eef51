"""Inspraak op het wijkuitvoeringsplan: reading and checking the form, advice, counts, the reactienota, the chart,
the exercise without a browser, and its part of the Word and Excel exports."""

from __future__ import annotations

import base64
import html
import io
import re
from datetime import date

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

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
from wijkkompas_widgets.export.deel_inspraak import blad_inspraak, docx_inspraak
from wijkkompas_widgets.export.docx import _Rapport
from wijkkompas_widgets.export.verzamel import DossierVerzameling
from wijkkompas_widgets.widgets.context import WerkboekContext
from wijkkompas_widgets.widgets.inspraak import NIEUW, SLEUTEL, InspraakOefening
from wijkkompas_widgets.widgets.kaart import markdown_html

INHOUD = laad_inhoud()


def zichtbaar(html_tekst: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", html_tekst))


def voorbeeld() -> Inspraak:
    """Two parts (one fixed), two moments and three reactions."""
    return Inspraak(
        (Onderdeel("w", "Keuze van het warmtesysteem", "vast", "De raad koos al voor een warmtenet."),
         Onderdeel("s", "Inrichting straat", "open")),
        "We gaan opnieuw in gesprek; daarna besluit de raad.",
        (Moment("m1", "inloopavond", "s", "Buurthuis", "2026-03-14", "alle bewoners"),
         Moment("m2", "online reactieformulier", "s")),
        (Reactie("r1", "Meer bomen in de straat", "s", "m1", "We planten er twaalf.", "overgenomen"),
         Reactie("r2", "Liever een warmtepomp", "w", "m2", "Het warmtenet ligt vast.", "niet"),
         Reactie("r3", "Parkeren tijdens de werkzaamheden", "s")),
    )


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
    tekst = zichtbaar(markdown_html(nota))
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


# -- the exercise -----------------------------------------------------------------------------------
@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Testwijk", "Noord", "Delft")


def oefening(store, dossier_id) -> InspraakOefening:
    return InspraakOefening(WerkboekContext(store, INHOUD, dossier_id=dossier_id))


def opgeslagen(store, dossier_id) -> Inspraak:
    return lees_inspraak(store.formulier(dossier_id, SLEUTEL)[0])


def test_invullen_wordt_bewaard_en_komt_terug(lege_store, dossier):
    scherm = oefening(lege_store, dossier.id)
    assert scherm._onderdeel_keuze.value == "warmtesysteem"
    assert "Keuze van het warmtesysteem" in zichtbaar(scherm._onderdelen_tabel.value)
    scherm._onderdeel_status.value = "vast"
    scherm._onderdeel_reden.value = "De raad koos al voor een warmtenet."
    scherm._oneens.value = "Een tweede gesprek met de wethouder."
    scherm._onderdeel_nieuw.click()
    scherm._onderdeel_naam.value = "Parkeren"
    scherm._onderdeel_status.value = "open"
    assert "Onderdeel opgeslagen." in zichtbaar(scherm._melding_onderdelen.value)
    nieuw_onderdeel = scherm._onderdeel_keuze.value
    assert nieuw_onderdeel not in ("", NIEUW)

    scherm._moment_nieuw.click()
    scherm._moment_vorm.value = "wijkwandeling"
    scherm._moment_onderwerp.value = nieuw_onderdeel
    scherm._moment_plek.value = "Start bij de school"
    scherm._moment_datum.value = "2026-04-02"
    scherm._moment_doelgroep.value = "bewoners van de Dorpsstraat"
    assert "Inspraakmoment opgeslagen." in zichtbaar(scherm._melding_momenten.value)
    moment_id = scherm._moment_keuze.value

    scherm._reactie_nieuw.click()
    scherm._samenvatting.value = "Te weinig parkeerplaatsen tijdens de werkzaamheden"
    scherm._thema.value = nieuw_onderdeel
    scherm._via.value = moment_id
    scherm._antwoord.value = "We maken een tijdelijk parkeerterrein."
    scherm._uitkomst.value = "overgenomen"
    assert "Reactie opgeslagen." in zichtbaar(scherm._melding_reacties.value)

    inspraak = opgeslagen(lege_store, dossier.id)
    assert inspraak.onderdeel("warmtesysteem") == Onderdeel("warmtesysteem", "Keuze van het warmtesysteem", "vast",
                                                            "De raad koos al voor een warmtenet.")
    assert inspraak.onderdeel(nieuw_onderdeel).naam == "Parkeren" and len(inspraak.onderdelen) == 6
    assert inspraak.oneens == "Een tweede gesprek met de wethouder."
    assert inspraak.momenten == (Moment(moment_id, "wijkwandeling", nieuw_onderdeel, "Start bij de school",
                                        "2026-04-02", "bewoners van de Dorpsstraat"),)
    reactie = inspraak.reacties[0]
    assert (reactie.samenvatting, reactie.onderdeel, reactie.moment, reactie.uitkomst) == (
        "Te weinig parkeerplaatsen tijdens de werkzaamheden", nieuw_onderdeel, moment_id, "overgenomen")
    assert inspraak_stand(lege_store.formulier(dossier.id, SLEUTEL)[0]) == InspraakStand(1, 1, 0)

    for scherm_ in (scherm, oefening(lege_store, dossier.id)):
        scherm_._onderdeel_keuze.value = nieuw_onderdeel
        assert (scherm_._onderdeel_naam.value, scherm_._onderdeel_status.value) == ("Parkeren", "open")
        assert scherm_._oneens.value == "Een tweede gesprek met de wethouder."
        assert scherm_._moment_keuze.value == moment_id and scherm_._moment_vorm.value == "wijkwandeling"
        assert scherm_._reactie_keuze.value == reactie.id
        assert scherm_._antwoord.value == "We maken een tijdelijk parkeerterrein."
        assert "wijkwandeling" in zichtbaar(scherm_._momenten_tabel.value)
        assert "2 april 2026" in zichtbaar(scherm_._momenten_tabel.value)
        assert "Nog open: 0 van 1" in zichtbaar(scherm_._stand.value)
        assert "<img" in scherm_._figuur.value and "Parkeren: 1 overgenomen" in html.unescape(scherm_._figuur.value)
        voorbeeld_tekst = zichtbaar(scherm_._voorbeeld.value)
        assert "Reactienota inspraak wijkuitvoeringsplan: Noord" in voorbeeld_tekst
        assert "Ons antwoord: We maken een tijdelijk parkeerterrein." in voorbeeld_tekst

    link = scherm._download.value
    assert 'download="reactienota-noord.md"' in link and "Download de reactienota" in link
    nota = base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)", link).group(1)).decode("utf-8")
    assert "## Parkeren" in nota and "readonly" in scherm._markdown.value


def test_nieuwe_rij_zonder_verplicht_veld_wordt_niet_opgeslagen(lege_store, dossier):
    scherm = oefening(lege_store, dossier.id)
    scherm._reactie_nieuw.click()
    scherm._uitkomst.value = "deels"
    assert "Vat eerst de reactie samen" in zichtbaar(scherm._melding_reacties.value)
    scherm._moment_nieuw.click()
    scherm._moment_plek.value = "Buurthuis"
    assert "Kies of typ eerst de vorm" in zichtbaar(scherm._melding_momenten.value)
    assert lege_store.formulier(dossier.id, SLEUTEL) == ({}, 0)


@pytest.mark.parametrize(("veld", "waarde", "melding"), [
    ("_onderdeel_status", "vast", "'Keuze van het warmtesysteem' ligt vast: schrijf erbij waarom"),
    ("_onderdeel_naam", "", "De naam van onderdeel 1 is verplicht."),
    ("_oneens", "x" * 2001, "Wat als bewoners het oneens blijven is te lang (2001 tekens)"),
])
def test_foute_invoer_in_de_oefening_wordt_niet_opgeslagen(lege_store, dossier, veld, waarde, melding):
    scherm = oefening(lege_store, dossier.id)
    getattr(scherm, veld).value = waarde
    assert f"Niet gelukt: {melding}" in zichtbaar(scherm._melding_onderdelen.value)
    assert lege_store.formulier(dossier.id, SLEUTEL) == ({}, 0)
    assert getattr(scherm, veld).value == waarde  # kept, so the user can correct it


def test_niet_overgenomen_vraagt_een_antwoord_en_foute_datum_wordt_geweigerd(lege_store, dossier):
    lege_store.bewaar_formulier(dossier.id, SLEUTEL, voorbeeld().als_dict(), 0)
    scherm = oefening(lege_store, dossier.id)
    scherm._reactie_keuze.value = "r3"
    scherm._uitkomst.value = "niet"
    assert "Reactie 3 is niet overgenomen: leg in het antwoord uit waarom." in zichtbaar(
        scherm._melding_reacties.value)
    assert opgeslagen(lege_store, dossier.id).reacties[2].uitkomst == "open"
    scherm._antwoord.value = "Dat regelt de aannemer, niet het plan."
    assert opgeslagen(lege_store, dossier.id).reacties[2].uitkomst == "niet"
    scherm._moment_datum.value = "volgende week"
    assert "moet een datum zijn als JJJJ-MM-DD" in zichtbaar(scherm._melding_momenten.value)
    assert opgeslagen(lege_store, dossier.id).momenten[0].datum == "2026-03-14"


def test_te_groot_formulier_wordt_niet_opgeslagen(lege_store, dossier):
    lang = Inspraak(reacties=tuple(Reactie(f"r{n}", "s" * 2000) for n in range(23)))
    versie = lege_store.bewaar_formulier(dossier.id, SLEUTEL, lang.als_dict(), 0)
    scherm = oefening(lege_store, dossier.id)
    scherm._antwoord.value = "a" * 2000
    assert "Dit formulier is te groot om op te slaan" in zichtbaar(scherm._melding_reacties.value)
    assert lege_store.formulier(dossier.id, SLEUTEL)[1] == versie
    assert opgeslagen(lege_store, dossier.id).reacties[0].antwoord == ""


def test_gelijktijdig_gewijzigd_geeft_melding_en_toont_het_nieuwste(lege_store, dossier):
    eerste, tweede = oefening(lege_store, dossier.id), oefening(lege_store, dossier.id)
    eerste._reactie_nieuw.click()
    eerste._samenvatting.value = "Van de eerste"
    tweede._reactie_nieuw.click()
    tweede._samenvatting.value = "Van de tweede"
    assert "Iemand anders heeft dit formulier intussen opgeslagen" in zichtbaar(tweede._melding_reacties.value)
    assert [r.samenvatting for r in opgeslagen(lege_store, dossier.id).reacties] == ["Van de eerste"]
    assert "Van de eerste" in zichtbaar(tweede._voorbeeld.value)
    tweede._reactie_nieuw.click()
    tweede._samenvatting.value = "Van de tweede"  # now on the newest version: saved
    assert [r.samenvatting for r in opgeslagen(lege_store, dossier.id).reacties] == ["Van de eerste", "Van de tweede"]


def test_filter_toont_alleen_open_reacties(lege_store, dossier):
    lege_store.bewaar_formulier(dossier.id, SLEUTEL, voorbeeld().als_dict(), 0)
    scherm = oefening(lege_store, dossier.id)
    assert [w for _l, w in scherm._reactie_keuze.options] == ["r1", "r2", "r3", NIEUW]
    scherm._filter.value = True
    assert [w for _l, w in scherm._reactie_keuze.options] == ["r3", NIEUW]
    assert scherm._reactie_keuze.value == "r3" and scherm._samenvatting.value == "Parkeren tijdens de werkzaamheden"
    assert "3. Parkeren tijdens de werkzaamheden — nog open" in scherm._reactie_keuze.options[0][0]
    scherm._antwoord.value = "We overleggen met de aannemer."
    scherm._uitkomst.value = "deels"
    assert scherm._reactie_keuze.value == "r3"  # the one being edited stays in view
    assert "Nog open: 0 van 3" in zichtbaar(scherm._stand.value)
    scherm._filter.value = False
    assert scherm._reactie_keuze.value == "r3"
    scherm._filter.value = True  # a fresh look: nothing is open any more
    assert [w for _l, w in scherm._reactie_keuze.options] == [NIEUW] and scherm._samenvatting.value == ""
    assert "Er zijn geen open reacties meer." in zichtbaar(scherm._melding_reacties.value)


def test_verwijderen_vraagt_eerst_bevestiging(lege_store, dossier):
    lege_store.bewaar_formulier(dossier.id, SLEUTEL, voorbeeld().als_dict(), 0)
    scherm = oefening(lege_store, dossier.id)
    scherm._reactie_keuze.value = "r2"
    scherm._reactie_weg.click()
    assert scherm._reactie_bevestiging.layout.display == "flex"
    assert "Liever een warmtepomp" in zichtbaar(scherm._reactie_bevestiging.tekst.value)
    scherm._reactie_bevestiging.nee.click()
    assert len(opgeslagen(lege_store, dossier.id).reacties) == 3
    scherm._reactie_weg.click()
    scherm._reactie_bevestiging.ja.click()
    assert [r.id for r in opgeslagen(lege_store, dossier.id).reacties] == ["r1", "r3"]
    assert "De reactie is verwijderd." in zichtbaar(scherm._melding_reacties.value)

    scherm._onderdeel_keuze.value = "s"
    scherm._onderdeel_weg.click()
    vraag = zichtbaar(scherm._onderdeel_bevestiging.tekst.value)
    assert "Inrichting straat" in vraag and "2 moment(en) en 2 reactie(s)" in vraag
    scherm._onderdeel_bevestiging.ja.click()
    inspraak = opgeslagen(lege_store, dossier.id)
    assert [o.id for o in inspraak.onderdelen] == ["w"] and len(inspraak.reacties) == 2
    assert scherm._onderdeel_keuze.value == "w" and scherm._onderdeel_naam.value == "Keuze van het warmtesysteem"
    assert GEEN_THEMA in zichtbaar(scherm._voorbeeld.value)

    scherm._moment_keuze.value = "m1"
    scherm._moment_weg.click()
    scherm._moment_bevestiging.ja.click()
    assert [m.id for m in opgeslagen(lege_store, dossier.id).momenten] == ["m2"]
    assert scherm._moment_keuze.value == "m2"


def test_verwijzing_naar_verdwenen_onderdeel_breekt_niets(lege_store, dossier):
    """A hand-edited import may point at parts or moments that are gone: shown without them, and saving works."""
    gegevens = voorbeeld().als_dict()
    gegevens["onderdelen"] = gegevens["onderdelen"][:1]
    gegevens["momenten"] = []
    lege_store.bewaar_formulier(dossier.id, SLEUTEL, gegevens, 0)
    scherm = oefening(lege_store, dossier.id)
    assert GEEN_THEMA in zichtbaar(scherm._stand.value)
    scherm._reactie_keuze.value = "r1"
    assert (scherm._thema.value, scherm._via.value) == ("", "")
    scherm._antwoord.value = "Nieuw antwoord"
    assert "Reactie opgeslagen." in zichtbaar(scherm._melding_reacties.value)
    v = DossierVerzameling(lege_store, dossier.id)
    assert docx_inspraak(_Rapport("t"), v) and blad_inspraak(v).rijen[0][2] == GEEN_THEMA


def test_gebruikerstekst_wordt_geescaped(lege_store, dossier):
    kwaad = "<script>alert(1)</script>"
    inspraak = Inspraak(onderdelen=(Onderdeel("a", kwaad, "vast", kwaad),), oneens=kwaad,
                        momenten=(Moment("m", kwaad, "a", kwaad, "", kwaad),),
                        reacties=(Reactie("r", kwaad, "a", "m", kwaad, "deels"),))
    lege_store.bewaar_formulier(dossier.id, SLEUTEL, inspraak.als_dict(), 0)
    scherm = oefening(lege_store, dossier.id)
    scherm._reactie_weg.click()
    scherm._onderdeel_weg.click()
    for widget in (scherm._onderdelen_tabel, scherm._momenten_tabel, scherm._advies, scherm._stand, scherm._voorbeeld,
                   scherm._markdown, scherm._download, scherm._reactie_bevestiging.tekst,
                   scherm._onderdeel_bevestiging.tekst):
        assert "<script" not in widget.value
    assert kwaad in zichtbaar(scherm._onderdelen_tabel.value)


def test_wisselen_van_dossier_en_zonder_dossier(lege_store, dossier):
    ander = lege_store.maak_dossier("Andere wijk", "Zuid", "Delft")
    lege_store.bewaar_formulier(dossier.id, SLEUTEL, voorbeeld().als_dict(), 0)
    context = WerkboekContext(lege_store, INHOUD, dossier_id=dossier.id)
    scherm = InspraakOefening(context)
    assert scherm._onderdeel_keuze.value == "w"
    context.dossier_id = ander.id
    assert scherm._onderdeel_keuze.value == "warmtesysteem" and "Nog geen reacties" in zichtbaar(scherm._stand.value)
    context.dossier_id = None
    assert "Er is geen dossier geopend" in scherm.children[0].value
    assert "Er is geen dossier geopend" in oefening(None, None).children[0].value


def test_elk_invoerveld_heeft_een_label_en_klasse(lege_store, dossier):
    scherm = oefening(lege_store, dossier.id)
    velden = [scherm._onderdeel_keuze, scherm._onderdeel_naam, scherm._onderdeel_status, scherm._onderdeel_reden,
              scherm._oneens, scherm._moment_keuze, scherm._moment_vorm, scherm._moment_onderwerp, scherm._moment_plek,
              scherm._moment_datum, scherm._moment_doelgroep, scherm._filter, scherm._reactie_keuze,
              scherm._samenvatting, scherm._thema, scherm._via, scherm._antwoord, scherm._uitkomst]
    for veld in velden:
        assert veld.description and any(k.startswith("wk-inspraak-") for k in veld._dom_classes)
    assert "geen namen" in zichtbaar(scherm._inhoud.children[0].value + "".join(
        k.value for k in scherm._inhoud.children if hasattr(k, "value") and isinstance(k.value, str)))


# -- exports ----------------------------------------------------------------------------------------
def docx_tekst(r: _Rapport) -> tuple[list[tuple[str, str]], str]:
    buffer = io.BytesIO()
    r.doc.save(buffer)
    document = Document(io.BytesIO(buffer.getvalue()))
    alineas = [(p.style.name, p.text) for p in document.paragraphs]
    tabellen = " | ".join(cel.text for tabel in document.tables for rij in tabel.rows for cel in rij.cells)
    return alineas, tabellen


def test_docx_zonder_invulling_schrijft_niets(lege_store, dossier):
    r = _Rapport("t")
    assert docx_inspraak(r, DossierVerzameling(lege_store, dossier.id)) is False
    assert blad_inspraak(DossierVerzameling(lege_store, dossier.id)).rijen == []


def test_docx_bevat_open_vast_momenten_en_reactienota(lege_store, dossier):
    lege_store.bewaar_formulier(dossier.id, SLEUTEL, voorbeeld().als_dict(), 0)
    r = _Rapport("t")
    assert docx_inspraak(r, DossierVerzameling(lege_store, dossier.id)) is True
    alineas, tabellen = docx_tekst(r)
    teksten = [t for _s, t in alineas]
    for kop in ("Wat staat open voor inspraak", "Inspraakmomenten", "Reacties en reactienota"):
        assert kop in teksten
    assert "Als bewoners het oneens blijven: We gaan opnieuw in gesprek; daarna besluit de raad." in teksten
    assert "ligt vast | De raad koos al voor een warmtenet." in tabellen
    assert "inloopavond | Inrichting straat | Buurthuis | 14 maart 2026 | alle bewoners" in tabellen
    assert "3 reacties vastgelegd, waarvan 1 nog open (nog geen uitkomst of nog geen antwoord)." in teksten
    assert ("Heading 3", "Reactienota inspraak wijkuitvoeringsplan: Noord") in alineas
    assert ("Heading 4", "Keuze van het warmtesysteem") in alineas
    assert ("List Bullet 2", "Ons antwoord: Het warmtenet ligt vast.") in alineas
    assert "Reacties per onderwerp en wat we ermee doen" in teksten  # the chart's caption
    assert any("Bied ook een andere manier" in t for t in teksten) is False  # one moment is not online


def test_excelblad_een_rij_per_reactie_met_echte_types(lege_store, dossier):
    lege_store.bewaar_formulier(dossier.id, SLEUTEL, voorbeeld().als_dict(), 0)
    blad = blad_inspraak(DossierVerzameling(lege_store, dossier.id))
    assert blad.koppen[:3] == ["Nr.", "Samenvatting (zonder namen)", "Thema"]
    assert blad.rijen[0] == [1, "Meer bomen in de straat", "Inrichting straat", "inloopavond, 14 maart 2026, Buurthuis",
                             date(2026, 3, 14), "overgenomen", "We planten er twaalf.", False]
    assert blad.rijen[2][3:] == [None, None, "nog open", None, True]
    assert len(blad.rijen) == 3
