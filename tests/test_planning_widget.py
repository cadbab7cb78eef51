"""The planning register and the natural moments as a user sees them, without a browser: fill in,
click, upload, and check the dossier, the other exercise on the page and a fresh page."""

from __future__ import annotations

import base64
import html
import re
from datetime import date, datetime, timezone

import pytest

from wijkkompas_widgets.analysis.planning import WerkInvoer
from wijkkompas_widgets.analysis.planning_bestand import lees_planningbestand
from wijkkompas_widgets.dossier import PartijInvoer
from wijkkompas_widgets.widgets.context import maak_context
from wijkkompas_widgets.widgets.planning import MARGE_SLEUTEL, NatuurlijkeMomentenOefening, PlanningOefening

JAAR = date.today().year


def zichtbaar(html_tekst: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", html_tekst))


@pytest.fixture
def dossier(lege_store):
    dossier = lege_store.maak_dossier("Planwijk", "Noord", "Delft")
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Netbeheerder Stedin", "netbeheerder"))
    return dossier


def pagina(store_url, dossier_id):
    """One page: both exercises on one context, as in the notebook."""
    context = maak_context(store_url, {"dossier": dossier_id})
    return PlanningOefening(context), NatuurlijkeMomentenOefening(context)


def voeg_toe(oefening, omschrijving, eigenaar, soort, gebied, start, eind=None, niveau="straat"):
    oefening._omschrijving.value = omschrijving
    oefening._eigenaar.value = eigenaar
    oefening._soort.value = soort
    oefening._gebied.value = gebied
    oefening._niveau.value = niveau
    oefening._start.value = start
    oefening._eind.value = start if eind is None else eind
    oefening._toevoegen.click()


def upload(oefening, naam: str, data: bytes) -> None:
    oefening._upload.value = ({"name": naam, "type": "", "size": len(data), "content": memoryview(data),
                               "last_modified": datetime.now(timezone.utc)},)


def test_twee_werken_van_verschillende_partijen_geven_een_natuurlijk_moment(store_url, lege_store, dossier):
    planning, momenten = pagina(store_url, dossier.id)
    assert planning._eigenaar.options == ("Gemeente Delft", "Netbeheerder Stedin")  # the dossier's parties
    assert "Nog geen werken" in zichtbaar(momenten._momenten.value)

    voeg_toe(planning, "Riool Merelstraat vervangen", "Gemeente Delft", "riolering", "Merelstraat", JAAR + 3, JAAR + 4)
    assert "toegevoegd" in zichtbaar(planning._melding.value)
    assert planning._omschrijving.value == ""  # ready for the next work
    assert "Geen natuurlijke momenten" in zichtbaar(momenten._momenten.value)
    voeg_toe(planning, "Gasleiding vervangen", "Netbeheerder Stedin", "gasnet", "merelstraat", JAAR + 5)

    tekst = zichtbaar(momenten._momenten.value)
    assert "◆ 1 · Merelstraat" in tekst
    assert "Partijen: Gemeente Delft, Netbeheerder Stedin" in tekst
    assert "Riool Merelstraat vervangen" in tekst and "Gasleiding vervangen" in tekst
    assert f"{JAAR + 4}–{JAAR + 5}" in tekst
    assert "<img" in momenten._tijdlijn.value and "2 natuurlijk" not in momenten._tijdlijn.value
    assert "1 natuurlijk moment" in momenten._tijdlijn.value  # the chart's alt text

    opgeslagen = lege_store.planning_werken(dossier.id)
    assert [(w.eigenaar, w.soort, w.start_jaar) for w in opgeslagen] == [
        ("Gemeente Delft", "riolering", JAAR + 3), ("Netbeheerder Stedin", "gasnet", JAAR + 5)]
    _planning, opnieuw = pagina(store_url, dossier.id)  # the page after a reload
    assert "◆ 1 · Merelstraat" in zichtbaar(opnieuw._momenten.value)
    assert "Riool Merelstraat vervangen" in zichtbaar(_planning._register.value)


def test_foute_invoer_verandert_niets(store_url, lege_store, dossier):
    planning, _momenten = pagina(store_url, dossier.id)
    voeg_toe(planning, "", "Gemeente Delft", "riolering", "Merelstraat", JAAR + 3)
    assert "Niet gelukt" in zichtbaar(planning._melding.value) and "omschrijving is verplicht" in \
        zichtbaar(planning._melding.value)
    voeg_toe(planning, "Riool", "Gemeente Delft", "riolering", "Merelstraat", JAAR + 5, JAAR + 3)
    assert "eindjaar ligt voor het startjaar" in zichtbaar(planning._melding.value)
    voeg_toe(planning, "Riool", "Gemeente Delft", "riolering", "   ", JAAR + 3)
    assert "gebied is verplicht" in zichtbaar(planning._melding.value)
    assert lege_store.planning_werken(dossier.id) == []
    assert planning._omschrijving.value == "Riool"  # the user's text stays, to correct it


def test_eindjaar_schuift_mee_met_een_later_startjaar(store_url, dossier):
    planning, _momenten = pagina(store_url, dossier.id)
    planning._eind.value = JAAR + 2
    planning._start.value = JAAR + 6
    assert planning._eind.value == JAAR + 6


def test_werk_bewerken_verwijderen_en_gelijktijdige_wijziging(store_url, lege_store, dossier):
    planning, momenten = pagina(store_url, dossier.id)
    voeg_toe(planning, "Riool", "Gemeente Delft", "riolering", "Merelstraat", JAAR + 3)
    voeg_toe(planning, "Gas", "Netbeheerder Stedin", "gasnet", "Lijsterstraat", JAAR + 3)
    assert "Geen natuurlijke momenten" in zichtbaar(momenten._momenten.value)
    gas = next(w for w in lege_store.planning_werken(dossier.id) if w.omschrijving == "Gas")

    planning._kies.value = gas.id
    planning._bewerken.click()
    assert planning._gebied.value == "Lijsterstraat" and planning._toevoegen.description == "Wijzigingen opslaan"
    planning._gebied.value = "Merelstraat"
    planning._toevoegen.click()
    assert "opgeslagen" in zichtbaar(planning._melding.value)
    assert "◆ 1 · Merelstraat" in zichtbaar(momenten._momenten.value)  # the other exercise followed

    # someone else saves the same work while this page is editing it
    planning._kies.value = gas.id
    planning._bewerken.click()
    lege_store.wijzig_werk(dossier.id, gas.id, WerkInvoer("Gas (collega)", "Netbeheerder Stedin", "gasnet",
                                                          "Merelstraat", "straat", JAAR + 4, JAAR + 4), 2)
    planning._omschrijving.value = "Gas (mijn versie)"
    planning._toevoegen.click()
    assert "Iemand anders" in zichtbaar(planning._melding.value)
    assert "Gas (collega)" in zichtbaar(planning._register.value)
    assert planning._omschrijving.value == "Gas (collega)" and planning._start.value == JAAR + 4  # newest in form
    assert {w.omschrijving for w in lege_store.planning_werken(dossier.id)} == {"Riool", "Gas (collega)"}

    planning._kies.value = gas.id
    planning._verwijderen.click()
    assert planning._bevestig.layout.display == "flex" and "Gas (collega)" in zichtbaar(planning._bevestig_tekst.value)
    planning._nee.click()
    assert len(lege_store.planning_werken(dossier.id)) == 2
    planning._verwijderen.click()
    planning._ja.click()
    assert [w.omschrijving for w in lege_store.planning_werken(dossier.id)] == ["Riool"]
    assert "Geen natuurlijke momenten" in zichtbaar(momenten._momenten.value)


def test_bewerken_zonder_keuze_geeft_een_melding(store_url, dossier):
    planning, _momenten = pagina(store_url, dossier.id)
    planning._bewerken.click()
    assert "Kies eerst een werk" in zichtbaar(planning._melding.value)


def test_importeren_toevoegen_en_vervangen_via_het_scherm(store_url, lege_store, dossier):
    planning, momenten = pagina(store_url, dossier.id)
    voeg_toe(planning, "Al in het register", "Gemeente Delft", "riolering", "Noord", JAAR + 8)
    bestand = (
        "omschrijving;eigenaar;soort;gebied;niveau;startjaar;eindjaar;zekerheid;toelichting\n"
        f"Riool Merelstraat;Gemeente Delft;Riolering vervangen of renoveren;Merelstraat;Straat;{JAAR + 3};{JAAR + 4};"
        "vastgesteld;\n"
        f"Netverzwaring;Netbeheerder Stedin;elektriciteitsnet;Merelstraat;straat;{JAAR + 4};{JAAR + 4};gepland;\n"
    ).encode("utf-8-sig")
    upload(planning, "planning.csv", bestand)
    planning._inlezen.click()
    assert "2 werken ingelezen" in zichtbaar(planning._melding.value)
    assert planning._upload.value == ()
    assert len(lege_store.planning_werken(dossier.id)) == 3
    assert "◆ 1 · Merelstraat" in zichtbaar(momenten._momenten.value)

    # replacing asks first; 'no' keeps everything
    upload(planning, "planning.csv", bestand)
    planning._importwijze.value = "vervangen"
    planning._inlezen.click()
    assert planning._vervang_vraag.layout.display == "flex"
    assert "3 werken die nu in het register staan" in zichtbaar(planning._vervang_tekst.value)
    planning._vervang_nee.click()
    assert len(lege_store.planning_werken(dossier.id)) == 3
    planning._inlezen.click()
    planning._vervang_ja.click()
    assert "het register is vervangen" in zichtbaar(planning._melding.value)
    assert [w.omschrijving for w in lege_store.planning_werken(dossier.id)] == ["Riool Merelstraat", "Netverzwaring"]


def test_fout_bestand_toont_alle_rijfouten_en_leest_niets_in(store_url, lege_store, dossier):
    planning, _momenten = pagina(store_url, dossier.id)
    bestand = (
        b"omschrijving;eigenaar;soort;gebied;niveau;startjaar;eindjaar\n"
        b"Goed;Gemeente;riolering;X;straat;2030;2031\n"
        b"Fout jaar;Gemeente;riolering;X;straat;2032;2030\n"
        b"Fout soort;Gemeente;rioolbuis;X;straat;2030;2031\n"
    )
    upload(planning, "fout.csv", bestand)
    planning._inlezen.click()
    assert "niets ingelezen" in zichtbaar(planning._melding.value)
    fouten = zichtbaar(planning._importfouten.value)
    assert "Rij 3: het eindjaar ligt voor het startjaar." in fouten
    assert "Rij 4: de soort werk 'rioolbuis' is onbekend" in fouten
    assert lege_store.planning_werken(dossier.id) == []

    upload(planning, "kapot.xlsx", b"PK\x03\x04 stuk")
    planning._inlezen.click()
    assert "Excel-bestand kan niet worden gelezen" in zichtbaar(planning._melding.value)
    assert planning._importfouten.value == ""  # the old list does not linger
    planning._upload.value = ()
    planning._inlezen.click()
    assert "Kies eerst een bestand" in zichtbaar(planning._melding.value)


def test_export_links_geven_het_register_terug(store_url, lege_store, dossier):
    planning, _momenten = pagina(store_url, dossier.id)
    assert "leeg sjabloon" in planning._download.value
    voeg_toe(planning, "Riool; fase 1", "Gemeente Delft", "riolering", "Merelstraat", JAAR + 3)
    links = dict(re.findall(r'download="([^"]+)" href="data:[^;]+(?:;charset=utf-8)?;base64,([^"]+)"',
                            planning._download.value))
    assert set(links) == {"planning-planwijk.csv", "planning-planwijk.xlsx"}
    verwacht = [w.als_invoer() for w in lege_store.planning_werken(dossier.id)]
    for naam, data in links.items():
        assert lees_planningbestand(naam, base64.b64decode(data)) == verwacht


def test_marge_wordt_bewaard_en_bepaalt_de_momenten(store_url, lege_store, dossier):
    lege_store.importeer_werken(dossier.id, [
        WerkInvoer("Riool", "Gemeente Delft", "riolering", "Merelstraat", "straat", JAAR + 3, JAAR + 3),
        WerkInvoer("Gas", "Netbeheerder Stedin", "gasnet", "Merelstraat", "straat", JAAR + 5, JAAR + 5),
    ], vervangen=True)
    _planning, momenten = pagina(store_url, dossier.id)
    assert momenten._marge.value == 2 and "◆ 1" in zichtbaar(momenten._momenten.value)
    momenten._marge.value = 1
    assert "Geen natuurlijke momenten gevonden met een marge van 1 jaar" in zichtbaar(momenten._momenten.value)
    assert lege_store.formulier(dossier.id, MARGE_SLEUTEL)[0] == {"marge": 1}
    _planning, opnieuw = pagina(store_url, dossier.id)
    assert opnieuw._marge.value == 1 and "Geen natuurlijke momenten" in zichtbaar(opnieuw._momenten.value)


def test_waarschuwing_voor_werken_die_binnenkort_starten(store_url, lege_store, dossier):
    lege_store.importeer_werken(dossier.id, [
        WerkInvoer("Loopt al", "Gemeente Delft", "riolering", "A", "straat", JAAR - 1, JAAR + 1),
        WerkInvoer("Volgend jaar", "Gemeente Delft", "riolering", "B", "straat", JAAR + 1, JAAR + 1),
        WerkInvoer("Ruim op tijd", "Gemeente Delft", "riolering", "C", "straat", JAAR + 4, JAAR + 4),
    ], vervangen=True)
    planning, momenten = pagina(store_url, dossier.id)
    waarschuwing = zichtbaar(momenten._binnenkort.value)
    assert "Weinig tijd meer" in waarschuwing and "2 werken" in waarschuwing
    assert "Loopt al" in waarschuwing and "Volgend jaar" in waarschuwing and "Ruim op tijd" not in waarschuwing
    register = zichtbaar(planning._register.value)
    assert "⚠ loopt al" in register and "⚠ start binnenkort" in register and "○ nog ruim de tijd" in register


def test_tekst_van_gebruikers_wordt_ge_escaped(store_url, lege_store, dossier):
    planning, momenten = pagina(store_url, dossier.id)
    voeg_toe(planning, "<script>alert(1)</script>", "<b>Gemeente</b>", "riolering", "<i>Merel</i>", JAAR + 3)
    voeg_toe(planning, "Gas", "Netbeheerder", "gasnet", "<i>Merel</i>", JAAR + 3)
    for waarde in (planning._register.value, momenten._momenten.value):  # (dropdown labels are plain text)
        assert "<script>" not in waarde and "<b>Gemeente" not in waarde
    assert "&lt;script&gt;" in momenten._momenten.value


def test_zonder_dossier_een_uitnodiging(store_url, lege_store):
    context = maak_context(store_url, {})
    context.dossier_id = None  # (opening the store placed the example dossier; act as if none is chosen)
    planning, momenten = PlanningOefening(context), NatuurlijkeMomentenOefening(context)
    assert planning.children == (planning._geen_dossier,)
    assert momenten.children == (momenten._geen_dossier,)
    dossier = lege_store.maak_dossier("Later")
    context.dossier_id = dossier.id
    assert planning.children == (planning._inhoud,) and momenten.children == (momenten._inhoud,)

