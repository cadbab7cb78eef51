"""Samenwerking formaliseren worked out: the checked agreements and the draft afsprakennota in Markdown."""

from __future__ import annotations

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
from wijkkompas_widgets.content import inhoud as laad_inhoud
from wijkkompas_widgets.dossier import Dossier, InvoerFout, Partij
from wijkkompas_widgets.widgets.kaart import markdown_html  # the page's Markdown, which the nota must survive

INHOUD = laad_inhoud()
REGIEROL = INHOUD.fase1.regierol
OPTIES = INHOUD.fase1.samenwerking
MOMENT = datetime(2026, 3, 3, 12, 0, tzinfo=timezone.utc)

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
