"""The planning register as a user sees it, without a browser: fill in, click, upload, and check the dossier and
a fresh page. (What the register means for the natural moments: test_natuurlijke_momenten_widget.)"""

from __future__ import annotations

import base64
import re
from datetime import date, datetime, timezone

import pytest
from hulp import een, getoond, kies, knop, melding, tekst, veld, zichtbaar

from wijkkompas_widgets.analysis.planning_bestand import lees_planningbestand
from wijkkompas_widgets.dossier import PartijInvoer
from wijkkompas_widgets.dossier.records import WerkInvoer
from wijkkompas_widgets.werkboek import open_werkboek

JAAR = date.today().year


@pytest.fixture
def dossier(lege_store):
    dossier = lege_store.maak_dossier("Planwijk", "Noord", "Delft")
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Netbeheerder Stedin", "netbeheerder"))
    return dossier


def oefening(store_url, dossier_id):
    werkboek = open_werkboek("x", store_url=store_url, query={"dossier": dossier_id})
    return werkboek.kaart("f2-bestaande-planningen").oefening


def voeg_toe(o, omschrijving, eigenaar, soort, gebied, start, eind=None, niveau="straat"):
    veld(o, "Omschrijving").value = omschrijving
    veld(o, "Eigenaar (partij)").value = eigenaar
    veld(o, "Soort werk").value = soort
    veld(o, "Gebied", exact=True).value = gebied
    veld(o, "Schaal").value = niveau
    veld(o, "Startjaar").value = start
    veld(o, "Eindjaar").value = start if eind is None else eind
    knop(o, "Werk toevoegen").click()


def register(o) -> str:
    return zichtbaar(een(o, "wk-planning-register").value)


def upload(o, naam: str, data: bytes) -> None:
    een(o, "wk-planning-upload").value = ({"name": naam, "type": "", "size": len(data), "content": memoryview(data),
                                           "last_modified": datetime.now(timezone.utc)},)


def test_een_werk_toevoegen_en_terugzien(store_url, lege_store, dossier):
    o = oefening(store_url, dossier.id)
    assert veld(o, "Eigenaar (partij)").options == ("Gemeente Delft", "Netbeheerder Stedin")  # the parties
    assert "Nog geen werken in het register" in register(o)
    assert "Waarom een natuurlijk moment" in tekst(o)  # the explanation of the chosen kind
    voeg_toe(o, "Riool Merelstraat vervangen", "Gemeente Delft", "riolering", "Merelstraat", JAAR + 3, JAAR + 4)
    assert f"Werk 'Riool Merelstraat vervangen' ({JAAR + 3}–{JAAR + 4}) toegevoegd aan het register" in melding(o)
    assert veld(o, "Omschrijving").value == ""  # ready for the next work
    assert veld(o, "Eigenaar (partij)").value == "Gemeente Delft"
    assert [(w.eigenaar, w.soort, w.start_jaar, w.eind_jaar) for w in lege_store.planning_werken(dossier.id)] == [
        ("Gemeente Delft", "riolering", JAAR + 3, JAAR + 4)]
    opnieuw = oefening(store_url, dossier.id)  # the page after a reload
    assert "Riool Merelstraat vervangen" in register(opnieuw) and "○ nog ruim de tijd" in register(opnieuw)


def test_foute_invoer_verandert_niets(store_url, lege_store, dossier):
    o = oefening(store_url, dossier.id)
    voeg_toe(o, "", "Gemeente Delft", "riolering", "Merelstraat", JAAR + 3)
    assert "Niet gelukt" in melding(o) and "omschrijving is verplicht" in melding(o)
    voeg_toe(o, "Riool", "Gemeente Delft", "riolering", "Merelstraat", JAAR + 5, JAAR + 3)
    assert "eindjaar ligt voor het startjaar" in melding(o)
    voeg_toe(o, "Riool", "Gemeente Delft", "riolering", "   ", JAAR + 3)
    assert "gebied is verplicht" in melding(o)
    assert lege_store.planning_werken(dossier.id) == []
    assert veld(o, "Omschrijving").value == "Riool"  # the user's text stays, to correct it


def test_eindjaar_schuift_mee_met_een_later_startjaar(store_url, dossier):
    o = oefening(store_url, dossier.id)
    veld(o, "Eindjaar").value = JAAR + 2
    veld(o, "Startjaar").value = JAAR + 6
    assert veld(o, "Eindjaar").value == JAAR + 6


def test_werk_bewerken_verwijderen_en_gelijktijdige_wijziging(store_url, lege_store, dossier):
    o = oefening(store_url, dossier.id)
    voeg_toe(o, "Riool", "Gemeente Delft", "riolering", "Merelstraat", JAAR + 3)
    voeg_toe(o, "Gas", "Netbeheerder Stedin", "gasnet", "Lijsterstraat", JAAR + 3)
    gas = next(w for w in lege_store.planning_werken(dossier.id) if w.omschrijving == "Gas")

    kies(een(o, "wk-planning-kies"), f"2. Gas (Netbeheerder Stedin, {JAAR + 3})")
    knop(o, "Bewerken").click()
    assert "Je bewerkt nu 'Gas'" in melding(o) and "Werk bewerken: Gas" in tekst(o)
    assert veld(o, "Gebied", exact=True).value == "Lijsterstraat"
    veld(o, "Gebied", exact=True).value = "Merelstraat"
    knop(o, "Wijzigingen opslaan").click()
    assert "Wijzigingen van 'Gas' opgeslagen" in melding(o)
    assert knop(o, "Werk toevoegen")  # back to adding
    assert lege_store.planning_werken(dossier.id)[1].gebied == "Merelstraat"

    # someone else saves the same work while this page is editing it
    een(o, "wk-planning-kies").value = gas.id
    knop(o, "Bewerken").click()
    lege_store.wijzig_werk(dossier.id, gas.id, WerkInvoer("Gas (collega)", "Netbeheerder Stedin", "gasnet",
                                                          "Merelstraat", "straat", JAAR + 4, JAAR + 4), 2)
    veld(o, "Omschrijving").value = "Gas (mijn versie)"
    knop(o, "Wijzigingen opslaan").click()
    assert "Iemand anders" in melding(o)
    assert "Gas (collega)" in register(o)
    assert veld(o, "Omschrijving").value == "Gas (collega)" and veld(o, "Startjaar").value == JAAR + 4  # newest
    assert {w.omschrijving for w in lege_store.planning_werken(dossier.id)} == {"Riool", "Gas (collega)"}
    knop(o, "Annuleren").click()
    assert veld(o, "Omschrijving").value == "" and melding(o) == ""

    een(o, "wk-planning-kies").value = gas.id
    knop(o, "Verwijderen", exact=True).click()
    vraag = een(o, "wk-planning-bevestig")
    assert getoond(vraag) and "Gas (collega)" in tekst(vraag)
    knop(o, "Nee, bewaren").click()
    assert not getoond(vraag) and len(lege_store.planning_werken(dossier.id)) == 2
    knop(o, "Verwijderen", exact=True).click()
    knop(o, "Ja, verwijderen").click()
    assert "Werk 'Gas (collega)' verwijderd" in melding(o)
    assert [w.omschrijving for w in lege_store.planning_werken(dossier.id)] == ["Riool"]


def test_bewerken_zonder_keuze_geeft_een_melding(store_url, dossier):
    o = oefening(store_url, dossier.id)
    knop(o, "Bewerken").click()
    assert "Kies eerst een werk" in melding(o)


def test_importeren_toevoegen_en_vervangen_via_het_scherm(store_url, lege_store, dossier):
    o = oefening(store_url, dossier.id)
    voeg_toe(o, "Al in het register", "Gemeente Delft", "riolering", "Noord", JAAR + 8)
    bestand = (
        "omschrijving;eigenaar;soort;gebied;niveau;startjaar;eindjaar;zekerheid;toelichting\n"
        f"Riool Merelstraat;Gemeente Delft;Riolering vervangen of renoveren;Merelstraat;Straat;{JAAR + 3};{JAAR + 4};"
        "vastgesteld;\n"
        f"Netverzwaring;Netbeheerder Stedin;elektriciteitsnet;Merelstraat;straat;{JAAR + 4};{JAAR + 4};gepland;\n"
    ).encode("utf-8-sig")
    upload(o, "planning.csv", bestand)
    knop(o, "Bestand inlezen").click()
    assert "2 werken ingelezen; ze staan nu in het register" in melding(o)
    assert een(o, "wk-planning-upload").value == ()
    assert len(lege_store.planning_werken(dossier.id)) == 3

    # replacing asks first; 'no' keeps everything
    upload(o, "planning.csv", bestand)
    kies(veld(o, "Bij inlezen"), "Het register vervangen")
    knop(o, "Bestand inlezen").click()
    vraag = een(o, "wk-planning-vervang")
    assert getoond(vraag) and "3 werken die nu in het register staan" in tekst(vraag)
    knop(o, "Nee, annuleren").click()
    assert not getoond(vraag) and len(lege_store.planning_werken(dossier.id)) == 3
    knop(o, "Bestand inlezen").click()
    knop(o, "Ja, vervangen").click()
    assert "het register is vervangen" in melding(o)
    assert [w.omschrijving for w in lege_store.planning_werken(dossier.id)] == ["Riool Merelstraat", "Netverzwaring"]


def test_fout_bestand_toont_alle_rijfouten_en_leest_niets_in(store_url, lege_store, dossier):
    o = oefening(store_url, dossier.id)
    upload(o, "fout.csv", (
        b"omschrijving;eigenaar;soort;gebied;niveau;startjaar;eindjaar\n"
        b"Goed;Gemeente;riolering;X;straat;2030;2031\n"
        b"Fout jaar;Gemeente;riolering;X;straat;2032;2030\n"
        b"Fout soort;Gemeente;rioolbuis;X;straat;2030;2031\n"
    ))
    knop(o, "Bestand inlezen").click()
    assert "niets ingelezen" in melding(o)
    fouten = zichtbaar(een(o, "wk-planning-importfouten").value)
    assert "Rij 3: het eindjaar ligt voor het startjaar." in fouten
    assert "Rij 4: de soort werk 'rioolbuis' is onbekend" in fouten
    assert lege_store.planning_werken(dossier.id) == []

    upload(o, "kapot.xlsx", b"PK\x03\x04 stuk")
    knop(o, "Bestand inlezen").click()
    assert "Excel-bestand kan niet worden gelezen" in melding(o)
    assert een(o, "wk-planning-importfouten").value == ""  # the old list does not linger
    een(o, "wk-planning-upload").value = ()
    knop(o, "Bestand inlezen").click()
    assert "Kies eerst een bestand" in melding(o)


def test_export_links_geven_het_register_terug(store_url, lege_store, dossier):
    o = oefening(store_url, dossier.id)
    assert "leeg sjabloon" in een(o, "wk-planning-download").value
    voeg_toe(o, "Riool; fase 1", "Gemeente Delft", "riolering", "Merelstraat", JAAR + 3)
    links = dict(re.findall(r'download="([^"]+)" href="data:[^;]+(?:;charset=utf-8)?;base64,([^"]+)"',
                            een(o, "wk-planning-download").value))
    assert set(links) == {"planning-planwijk.csv", "planning-planwijk.xlsx"}
    verwacht = [w.als_invoer() for w in lege_store.planning_werken(dossier.id)]
    for naam, data in links.items():
        assert lees_planningbestand(naam, base64.b64decode(data)) == verwacht


def test_tijd_per_werk_in_het_register(store_url, lege_store, dossier):
    lege_store.importeer_werken(dossier.id, [
        WerkInvoer("Loopt al", "Gemeente Delft", "riolering", "A", "straat", JAAR - 1, JAAR + 1),
        WerkInvoer("Volgend jaar", "Gemeente Delft", "riolering", "B", "straat", JAAR + 1, JAAR + 1),
        WerkInvoer("Ruim op tijd", "Gemeente Delft", "riolering", "C", "straat", JAAR + 4, JAAR + 4),
    ], vervangen=True)
    tabel = register(oefening(store_url, dossier.id))
    assert f"In {JAAR}" in tabel
    assert "⚠ loopt al" in tabel and "⚠ start binnenkort" in tabel and "○ nog ruim de tijd" in tabel


def test_tekst_van_gebruikers_wordt_ge_escaped(store_url, dossier):
    o = oefening(store_url, dossier.id)
    voeg_toe(o, "<script>alert(1)</script>", "<b>Gemeente</b>", "riolering", "<i>Merel</i>", JAAR + 3)
    waarde = een(o, "wk-planning-register").value
    assert "<script>" not in waarde and "<b>Gemeente" not in waarde and "&lt;script&gt;" in waarde


def test_een_ander_dossier_laat_niets_half_staan(store_url, lege_store, dossier):
    ander = lege_store.maak_dossier("Ander")
    o = oefening(store_url, dossier.id)
    voeg_toe(o, "Riool", "Gemeente Delft", "riolering", "Merelstraat", JAAR + 3)
    een(o, "wk-planning-kies").value = lege_store.planning_werken(dossier.id)[0].id
    knop(o, "Bewerken").click()
    o.context.dossier_id = ander.id
    assert knop(o, "Werk toevoegen") and veld(o, "Omschrijving").value == ""
    assert "Nog geen werken in het register" in register(o)
    assert veld(o, "Eigenaar (partij)").options == ()


def test_zonder_dossier_een_uitnodiging(store_url, lege_store):
    werkboek = open_werkboek("x", store_url=store_url, query={})
    werkboek.context.dossier_id = None  # (opening the store placed the example dossier; act as if none is chosen)
    o = werkboek.kaart("f2-bestaande-planningen").oefening
    assert "geen dossier geopend" in tekst(o)
    o.context.dossier_id = lege_store.maak_dossier("Later").id
    assert "Nog geen werken in het register" in register(o)
