"""Regierol van de gemeente and Samenwerking formaliseren: advice, choice, draft nota and widgets."""

from __future__ import annotations

import base64
import html
import re
from datetime import date, datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkkompas_widgets.analysis.afsprakennota import (
    NOG_NIET,
    Afspraken,
    afsprakennota,
    bestandsnaam,
    controleer_afspraken,
    datum_nl,
    md_blok,
    md_inline,
)
from wijkkompas_widgets.analysis.regierol import (
    aantal_beantwoord,
    advies,
    controleer_keuze,
    hoogste,
)
from wijkkompas_widgets.content import inhoud as laad_inhoud
from wijkkompas_widgets.dossier import Dossier, InvoerFout, Partij, PartijInvoer
from wijkkompas_widgets.werkboek import open_werkboek
from wijkkompas_widgets.widgets.kaart import markdown_html

INHOUD = laad_inhoud()
REGIEROL = INHOUD.fase1.regierol
OPTIES = INHOUD.fase1.samenwerking
MOMENT = datetime(2026, 3, 3, 12, 0, tzinfo=timezone.utc)


def zichtbaar(html_tekst: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", html_tekst))


# -- regierol analysis ------------------------------------------------------------------------
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


# -- afsprakennota ----------------------------------------------------------------------------
DOSSIER = Dossier("abcdefabcdef", "Wijkaanpak Noord", "Noord-Oost", "Delft", "", False, MOMENT, MOMENT)


def partij(id_, naam, sporen=(), organisatie="") -> Partij:
    return Partij(id_, naam, "overig", organisatie, "", tuple(sporen), None, None, 1)


def test_nota_bevat_de_keuzes_en_zegt_wat_nog_niet_is_afgesproken():
    afspraken = Afspraken(vorm="intentieverklaring", besluitregel="consent", mandaat="Het team besluit over de "
                          "planning.", ondertekenaars=(1,))
    regierol = {"keuze": {"type": "regisserend", "onderbouwing": "Niemand anders trekt.",
                          "vastgelegd": MOMENT.isoformat()}}
    nota = afsprakennota(DOSSIER, [partij(1, "Gemeente Delft", ("C",), "Gemeente")], afspraken, regierol, INHOUD,
                         date(2026, 3, 4))
    assert nota.startswith("# Concept-afsprakennota: Wijkaanpak Noord\n")
    assert "**Concept**" in nota and "opgesteld op 4 maart 2026" in nota
    assert "Wijk: Noord-Oost" in nota and "Gemeente: Delft" in nota
    assert "- **Gemeente Delft** (Gemeente) — spoor: C (" in nota
    assert "Vorm: **Intentieverklaring**. De partners zetten op papier" in nota
    assert "Juridisch bindend: nee" in nota
    assert "Besluitregel: **Consent**. Een voorstel gaat door" in nota
    assert "Gekozen regierol: **Regisserend** (vastgelegd op 3 maart 2026)" in nota
    assert "Niemand anders trekt." in nota and "Een procesplanning met duidelijke beslismomenten." in nota
    assert "Het team besluit over de planning." in nota
    assert f"Overlegritme: _{NOG_NIET}_." in nota and f"Escalatie: _{NOG_NIET}_." in nota
    assert f"Overige afspraken: _{NOG_NIET}_." in nota
    assert "- **Gemeente Delft**, namens Gemeente: naam" in nota


def test_lege_nota_verzint_niets():
    nota = afsprakennota(DOSSIER, [], Afspraken(), None, INHOUD, date(2026, 3, 4))
    assert nota.count(NOG_NIET) == 9  # partners, vorm, regierol, mandaat, overleg, besluit, escalatie, overig, tekenen
    for keuzelijst in (OPTIES.vormen, OPTIES.besluitregels, OPTIES.overlegritmes, OPTIES.escalatie):
        assert not any(k.naam in nota for k in keuzelijst)
    assert not any(t.naam in nota for t in REGIEROL.typen)


@given(
    st.sampled_from([None, *[k.id for k in OPTIES.vormen]]),
    st.sampled_from([None, *[k.id for k in OPTIES.besluitregels]]),
    st.sampled_from([None, *[k.id for k in OPTIES.overlegritmes]]),
    st.sampled_from([None, *[k.id for k in OPTIES.escalatie]]),
)
def test_nota_noemt_elke_gekozen_optie_en_anders_nog_niet_afgesproken(vorm, besluitregel, ritme, escalatie):
    afspraken = Afspraken(vorm=vorm, besluitregel=besluitregel, overlegritme=ritme, escalatie=escalatie)
    nota = afsprakennota(DOSSIER, [], afspraken, None, INHOUD, date(2026, 3, 4))
    secties = dict(re.findall(r"^## \d\. (.+?)\n\n(.*?)(?=\n## |\Z)", nota, flags=re.S | re.M))
    for sectie, gekozen, lijst in (
        ("Vorm van de samenwerking", vorm, OPTIES.vormen),
        ("Besluitvorming", besluitregel, OPTIES.besluitregels),
        ("Overleg", ritme, OPTIES.overlegritmes),
        ("Als we er samen niet uitkomen", escalatie, OPTIES.escalatie),
    ):
        tekst = secties[sectie]
        if gekozen is None:
            assert NOG_NIET in tekst
        else:
            optie = next(k for k in lijst if k.id == gekozen)
            assert md_inline(optie.naam) in tekst and NOG_NIET not in tekst
            assert md_inline(optie.omschrijving) in tekst


def test_partijnaam_met_kop_en_script_wordt_geen_kop_of_html():
    partijen = [partij(1, "# kop <script>alert(1)</script>", ("A",), "<b>vet</b>")]
    afspraken = Afspraken(mandaat="# Eigen kop\n---\n    ingesprongen\n```\n<img src=x onerror=alert(1)>",
                          overig="> citaat\n===", ondertekenaars=(1,))
    nota = afsprakennota(DOSSIER, partijen, afspraken, None, INHOUD, date(2026, 3, 4))
    weergave = markdown_html(nota)
    assert weergave.count("<h1>") == 1 and weergave.count("<h2>") == 9
    for verboden in ("<script", "<img", "<b>", "<pre", "<code", "<blockquote", "<hr"):
        assert verboden not in weergave
    assert "# kop &lt;script&gt;alert(1)&lt;/script&gt;" in weergave
    assert "# Eigen kop" in weergave and "&lt;img src=x onerror=alert(1)&gt;" in weergave


TOEGESTANE_TAGS = {"h1", "h2", "p", "ul", "ol", "li", "strong", "em", "br"}


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200), st.text(max_size=80), st.text(max_size=200))
def test_willekeurige_gebruikerstekst_breekt_de_opbouw_niet(mandaat, naam, onderbouwing):
    afspraken = Afspraken(mandaat=mandaat, overig=mandaat[::-1], ondertekenaars=(1,))
    regierol = {"keuze": {"type": "verbindend", "onderbouwing": onderbouwing}}
    nota = afsprakennota(DOSSIER, [partij(1, naam or "x", organisatie=naam)], afspraken, regierol, INHOUD,
                         date(2026, 3, 4))
    weergave = markdown_html(nota)
    assert weergave.count("<h1>") == 1 and weergave.count("<h2>") == 9
    assert {tag for tag in re.findall(r"</?([a-z0-9]+)", weergave)} <= TOEGESTANE_TAGS


def test_md_blok_houdt_regels_en_lijsten():
    assert md_blok("eerste\ntweede\n\n- punt\nerna") == "eerste  \ntweede\n\n- punt\n\nerna"
    assert markdown_html(md_blok("eerste\ntweede")) == "<p>eerste<br />\ntweede</p>\n"


@pytest.mark.parametrize(
    ("wijk", "naam", "verwacht"),
    [("Noord-Oost", "x", "afsprakennota-noord-oost.md"), ("", "Wijkaanpak Zuid", "afsprakennota-wijkaanpak-zuid.md"),
     ("Café Élise / <b>", "x", "afsprakennota-cafe-elise-b.md"), ("", "???", "afsprakennota-wijk.md")],
)
def test_bestandsnaam_is_veilig(wijk, naam, verwacht):
    dossier = Dossier("abcdefabcdef", naam, wijk, "", "", False, MOMENT, MOMENT)
    assert bestandsnaam(dossier) == verwacht


def test_afspraken_controle_weigert_onbekende_keuzes_en_partijen():
    with pytest.raises(InvoerFout, match="Onbekende vorm"):
        controleer_afspraken(Afspraken(vorm="contract"), OPTIES, set())
    with pytest.raises(InvoerFout, match="ondertekenaars"):
        controleer_afspraken(Afspraken(ondertekenaars=(5,)), OPTIES, {1})
    with pytest.raises(InvoerFout, match="Het mandaat van het projectteam is te lang"):
        controleer_afspraken(Afspraken(mandaat="x" * 2001), OPTIES, set())
    schoon = controleer_afspraken(Afspraken(vorm="manifest", mandaat=" ja ", ondertekenaars=(1, 1)), OPTIES, {1})
    assert (schoon.mandaat, schoon.ondertekenaars) == ("ja", (1,))
    assert Afspraken.uit_dict(schoon.als_dict()) == schoon
    assert Afspraken.uit_dict("kapot") == Afspraken()


def test_datum_in_het_nederlands():
    assert datum_nl(date(2026, 11, 23)) == "23 november 2026"


# -- widgets ----------------------------------------------------------------------------------
@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Testwijk", "Noord", "Delft")


def werkboek(store_url, dossier_id):
    return open_werkboek("01_samen_starten.ipynb", store_url=store_url, query={"dossier": dossier_id})


def test_regierol_antwoorden_en_advies_worden_bewaard(store_url, lege_store, dossier):
    oefening = werkboek(store_url, dossier.id).kaart("f1-regierol").oefening
    assert all(knoppen.value is None for knoppen in oefening._vragen.values())  # no preselection
    assert oefening._vragen["tvw"].description.startswith("1. Hoeveel ligt er in de Transitievisie Warmte")
    assert "het advies verschijnt na je eerste antwoord" in zichtbaar(oefening._advies.value)
    assert "Beantwoord de vragen" in oefening._advies.value
    oefening._vragen["tvw"].value = 0
    assert "Twee typen scoren gelijk" in zichtbaar(oefening._advies.value)
    assert "Je hebt 1 van de 6 vragen beantwoord" in zichtbaar(oefening._advies.value)
    oefening._vragen["tvw"].value = 1  # another answer to the same question
    assert "Advies: Regisserend (2 punten)" in zichtbaar(oefening._advies.value)
    oefening._vragen["capaciteit"].value = 1
    tekst = zichtbaar(oefening._advies.value)
    assert "Advies: Regisserend (4 punten)" in tekst and "Valkuilen" in tekst
    assert "Een procesplanning met duidelijke beslismomenten." in tekst
    assert "Antwoord opgeslagen. Je hebt 2 van de 6 vragen beantwoord." in zichtbaar(oefening._melding.value)
    gegevens, versie = lege_store.formulier(dossier.id, "regierol")
    assert gegevens["antwoorden"] == {"tvw": 1, "capaciteit": 1} and versie == 3

    opnieuw = werkboek(store_url, dossier.id).kaart("f1-regierol").oefening
    assert (opnieuw._vragen["tvw"].value, opnieuw._vragen["capaciteit"].value) == (1, 1)
    assert opnieuw._vragen["risico"].value is None
    assert "Advies: Regisserend" in zichtbaar(opnieuw._advies.value)


def test_regierol_keuze_vastleggen_vraagt_rol_en_onderbouwing(store_url, lege_store, dossier):
    oefening = werkboek(store_url, dossier.id).kaart("f1-regierol").oefening
    oefening._vragen["capaciteit"].value = 1  # advice: regisserend
    oefening._vastleggen.click()
    assert "Niet gelukt: Kies eerst een regierol" in zichtbaar(oefening._keuze_melding.value)
    oefening._keuze.value = "verbindend"
    assert "De gemeente brengt partijen samen" in oefening._keuze_uitleg.value
    oefening._onderbouwing.value = "Past goed"
    oefening._vastleggen.click()
    assert "minstens 4 woorden" in zichtbaar(oefening._keuze_melding.value)
    assert "keuze" not in lege_store.formulier(dossier.id, "regierol")[0]
    oefening._onderbouwing.value = "De coöperatie in de wijk <b>trekt</b> zelf."
    oefening._vastleggen.click()
    assert "Keuze vastgelegd: Verbindend en faciliterend." in zichtbaar(oefening._keuze_melding.value)
    keuze = lege_store.formulier(dossier.id, "regierol")[0]["keuze"]
    assert keuze["type"] == "verbindend" and keuze["onderbouwing"] == "De coöperatie in de wijk <b>trekt</b> zelf."
    vandaag = datum_nl(datetime.fromisoformat(keuze["vastgelegd"]).astimezone())
    for scherm in (oefening, werkboek(store_url, dossier.id).kaart("f1-regierol").oefening):
        tekst = zichtbaar(scherm._vastgelegd.value)
        assert f"Vastgelegde keuze: Verbindend en faciliterend op {vandaag}" in tekst
        assert "wijkt af van het advies uit de vragen (Regisserend)" in tekst
        assert "<b>trekt</b>" not in scherm._vastgelegd.value
        assert scherm._keuze.value == "verbindend" and scherm._onderbouwing.value.startswith("De coöperatie")
        assert scherm._vragen["capaciteit"].value == 1


def test_regierol_toont_toelichting_bron_en_gevoeligheid(store_url, dossier):
    kaart = werkboek(store_url, dossier.id).kaart("f1-regierol")
    teksten = " ".join(zichtbaar(kind.value) for kind in kaart.oefening._inhoud.children if hasattr(kind, "value")
                       and isinstance(kind.value, str))
    assert REGIEROL.toelichting in teksten and "Bron: Eigen indeling in vier typen" in teksten
    assert "Bestuurlijk gevoelig" in teksten
    assert "bestuurlijk gevoelig" in kaart._kop.value  # the card's badge


def test_regierol_gelijktijdig_gewijzigd_geeft_melding_en_toont_nieuwste(store_url, lege_store, dossier):
    oefening = werkboek(store_url, dossier.id).kaart("f1-regierol").oefening
    oefening._vragen["tvw"].value = 1
    _gegevens, versie = lege_store.formulier(dossier.id, "regierol")
    lege_store.bewaar_formulier(dossier.id, "regierol", {"antwoorden": {"tvw": 3, "risico": 2}}, versie)
    oefening._vragen["bewoners"].value = 0
    assert "Iemand anders heeft dit formulier intussen opgeslagen" in zichtbaar(oefening._melding.value)
    assert lege_store.formulier(dossier.id, "regierol")[0] == {"antwoorden": {"tvw": 3, "risico": 2}}
    assert (oefening._vragen["tvw"].value, oefening._vragen["risico"].value) == (3, 2)
    assert oefening._vragen["bewoners"].value is None
    oefening._vragen["bewoners"].value = 0  # now on the newest version: saved
    assert lege_store.formulier(dossier.id, "regierol")[0]["antwoorden"] == {"tvw": 3, "risico": 2, "bewoners": 0}


def test_afspraken_invullen_geeft_nota_en_komt_terug(store_url, lege_store, dossier):
    gemeente = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente", "Gemeente",
                                                                   sporen=("C",)))
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Corporatie", "woningcorporatie"))
    oefening = werkboek(store_url, dossier.id).kaart("f1-samenwerking-formaliseren").oefening
    assert f"Vorm: {NOG_NIET}." in zichtbaar(oefening._voorbeeld.value)
    oefening._keuzes["vorm"].value = "samenwerkingsovereenkomst"
    assert "Juridisch bindend: ja" in zichtbaar(oefening._uitleg["vorm"].value)
    assert "Past bij:" in zichtbaar(oefening._uitleg["vorm"].value)
    oefening._keuzes["besluitregel"].value = "consensus"
    oefening._keuzes["overlegritme"].value = "week-maand"
    oefening._keuzes["escalatie"].value = "stuurgroep"
    oefening._mandaat.value = "Het projectteam besluit over planning en communicatie."
    oefening._overig.value = "We delen gegevens via één map."
    oefening._ondertekenaars.value = (gemeente.id,)
    oefening._opslaan.click()
    assert "De afspraken zijn opgeslagen" in zichtbaar(oefening._melding.value)
    gegevens, _versie = lege_store.formulier(dossier.id, "afspraken")
    assert gegevens == {
        "vorm": "samenwerkingsovereenkomst", "besluitregel": "consensus", "overlegritme": "week-maand",
        "escalatie": "stuurgroep", "mandaat": "Het projectteam besluit over planning en communicatie.",
        "overig": "We delen gegevens via één map.", "ondertekenaars": [gemeente.id],
    }
    voorbeeld = zichtbaar(oefening._voorbeeld.value)
    for tekst in ("Vorm: Samenwerkingsovereenkomst.", "Besluitregel: Consensus.", "Overlegritme: Elke week",
                  "Escalatie: Via de stuurgroep.", "Het projectteam besluit over planning en communicatie.",
                  "We delen gegevens via één map.", "Gemeente Delft, namens Gemeente: naam", f"Regierol: {NOG_NIET}."):
        assert tekst in voorbeeld

    link = oefening._download.value
    assert 'download="afsprakennota-noord.md"' in link and "Download als Markdown (.md)" in link
    nota = base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)", link).group(1)).decode("utf-8")
    assert nota.startswith("# Concept-afsprakennota: Testwijk")
    assert "readonly" in oefening._markdown.value and html.escape(nota, quote=True) in oefening._markdown.value
    assert "Markdown om te kopiëren" in oefening._markdown.value

    opnieuw = werkboek(store_url, dossier.id).kaart("f1-samenwerking-formaliseren").oefening
    assert opnieuw._keuzes["vorm"].value == "samenwerkingsovereenkomst"
    assert opnieuw._mandaat.value.startswith("Het projectteam besluit")
    assert opnieuw._ondertekenaars.value == (gemeente.id,)
    assert "Vorm: Samenwerkingsovereenkomst." in zichtbaar(opnieuw._voorbeeld.value)


def test_regierolkeuze_verschijnt_in_de_nota_op_dezelfde_pagina(store_url, dossier):
    wb = werkboek(store_url, dossier.id)
    regierol = wb.kaart("f1-regierol").oefening
    afspraken = wb.kaart("f1-samenwerking-formaliseren").oefening
    regierol._keuze.value = "kaderstellend"
    regierol._onderbouwing.value = "De corporatie wil zelf trekken hier."
    regierol._vastleggen.click()
    voorbeeld = zichtbaar(afspraken._voorbeeld.value)
    assert "Gekozen regierol: Kaderstellend" in voorbeeld and "De corporatie wil zelf trekken hier." in voorbeeld


def test_afspraken_html_in_tekst_en_partijnaam_blijft_tekst(store_url, lege_store, dossier):
    partij = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("# kop <script>alert(1)</script>", "overig"))
    oefening = werkboek(store_url, dossier.id).kaart("f1-samenwerking-formaliseren").oefening
    oefening._ondertekenaars.value = (partij.id,)
    oefening._mandaat.value = "<img src=x onerror=alert(1)>\n# geen kop"
    for widget_html in (oefening._voorbeeld.value, oefening._markdown.value):
        assert "<script" not in widget_html and "<img" not in widget_html
    assert oefening._voorbeeld.value.count("<h1>") == 1


def test_afspraken_gelijktijdig_gewijzigd_geeft_melding(store_url, lege_store, dossier):
    oefening = werkboek(store_url, dossier.id).kaart("f1-samenwerking-formaliseren").oefening
    oefening._keuzes["vorm"].value = "manifest"
    _gegevens, versie = lege_store.formulier(dossier.id, "afspraken")
    lege_store.bewaar_formulier(dossier.id, "afspraken", {"vorm": "convenant", "mandaat": "Van een collega."}, versie)
    oefening._mandaat.value = "Van mij."
    assert "Iemand anders heeft dit formulier intussen opgeslagen" in zichtbaar(oefening._melding.value)
    assert lege_store.formulier(dossier.id, "afspraken")[0]["mandaat"] == "Van een collega."
    assert oefening._keuzes["vorm"].value == "convenant" and oefening._mandaat.value == "Van een collega."
    assert "Vorm: Convenant." in zichtbaar(oefening._voorbeeld.value)


def test_afspraken_te_lange_tekst_wordt_niet_opgeslagen(store_url, lege_store, dossier):
    oefening = werkboek(store_url, dossier.id).kaart("f1-samenwerking-formaliseren").oefening
    oefening._overig.value = "x" * 2001
    assert "Niet gelukt: Wat jullie nog meer afspreken is te lang" in zichtbaar(oefening._melding.value)
    assert lege_store.formulier(dossier.id, "afspraken") == ({}, 0)
    assert oefening._overig.value == "x" * 2001  # kept, to shorten it


def test_zonder_dossier_tonen_de_oefeningen_een_melding(store_url, dossier):
    wb = werkboek(store_url, "ffffffffffff")
    for knooppunt in ("f1-rollen-en-verwachtingen", "f1-regierol", "f1-samenwerking-formaliseren"):
        assert "Er is geen dossier geopend" in wb.kaart(knooppunt).oefening.children[0].value
