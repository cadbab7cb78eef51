"""The natural moments as a user sees them, without a browser: they follow the register on the same page, the
margin is saved for the dossier and decides which works fall together, and works that start soon are named."""

from __future__ import annotations

from datetime import date

import pytest
from hulp import een, knop, melding, tekst, veld, zichtbaar

from wijkkompas_widgets.dossier import PartijInvoer, formulieren
from wijkkompas_widgets.dossier.records import WerkInvoer
from wijkkompas_widgets.werkboek import open_werkboek

JAAR = date.today().year
SLEUTEL = formulieren.NATUURLIJKE_MOMENTEN


@pytest.fixture
def dossier(lege_store):
    dossier = lege_store.maak_dossier("Planwijk", "Noord", "Delft")
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Netbeheerder Stedin", "netbeheerder"))
    return dossier


def pagina(store_url, dossier_id):
    """One page: the register and the moments on one context, as in the notebook."""
    werkboek = open_werkboek("x", store_url=store_url, query={"dossier": dossier_id})
    return werkboek.kaart("f2-bestaande-planningen").oefening, werkboek.kaart("f2-natuurlijke-momenten").oefening


def voeg_toe(planning, omschrijving, eigenaar, soort, gebied, start, eind=None):
    veld(planning, "Omschrijving").value = omschrijving
    veld(planning, "Eigenaar (partij)").value = eigenaar
    veld(planning, "Soort werk").value = soort
    veld(planning, "Gebied", exact=True).value = gebied
    veld(planning, "Startjaar").value = start
    veld(planning, "Eindjaar").value = start if eind is None else eind
    knop(planning, "Werk toevoegen").click()


def momenten(o) -> str:
    return zichtbaar(een(o, "wk-planning-momenten").value)


def marge(o):
    return een(o, "wk-planning-marge")


def test_twee_werken_van_verschillende_partijen_geven_een_natuurlijk_moment(store_url, lege_store, dossier):
    planning, o = pagina(store_url, dossier.id)
    assert "Nog geen werken in het register" in momenten(o) and een(o, "wk-planning-tijdlijn").value == ""
    voeg_toe(planning, "Riool Merelstraat vervangen", "Gemeente Delft", "riolering", "Merelstraat", JAAR + 3, JAAR + 4)
    assert "Geen natuurlijke momenten gevonden met een marge van 2 jaar" in momenten(o)
    voeg_toe(planning, "Gasleiding vervangen", "Netbeheerder Stedin", "gasnet", "merelstraat", JAAR + 5)

    lijst = momenten(o)
    assert "◆ 1 · Merelstraat" in lijst and f"{JAAR + 4}–{JAAR + 5}" in lijst
    assert "(werken liggen hoogstens 2 jaar uit elkaar)" in lijst
    assert "Partijen: Gemeente Delft, Netbeheerder Stedin" in lijst
    assert "Riool Merelstraat vervangen — Gemeente Delft, riolering vervangen of renoveren" in lijst
    assert "Waarom dit een kans is" in lijst and "Gasleiding vervangen" in lijst
    assert "al voorbij" not in lijst and "begint binnenkort" not in lijst  # still room to combine
    tijdlijn = een(o, "wk-planning-tijdlijn").value
    assert "<img" in tijdlijn and "1 natuurlijk moment;" in tijdlijn  # the chart's alt text
    assert "Tijdlijn van 2 werken in 1 gebied, met" in tijdlijn

    _planning, opnieuw = pagina(store_url, dossier.id)  # the page after a reload
    assert "◆ 1 · Merelstraat" in momenten(opnieuw)


def test_een_gewijzigd_werk_en_een_verwijderd_werk_worden_gevolgd(store_url, lege_store, dossier):
    planning, o = pagina(store_url, dossier.id)
    voeg_toe(planning, "Riool", "Gemeente Delft", "riolering", "Merelstraat", JAAR + 3)
    voeg_toe(planning, "Gas", "Netbeheerder Stedin", "gasnet", "Lijsterstraat", JAAR + 3)
    assert "Geen natuurlijke momenten" in momenten(o)
    gas = next(w for w in lege_store.planning_werken(dossier.id) if w.omschrijving == "Gas")
    een(planning, "wk-planning-kies").value = gas.id
    knop(planning, "Bewerken").click()
    veld(planning, "Gebied", exact=True).value = "Merelstraat"
    knop(planning, "Wijzigingen opslaan").click()
    assert "◆ 1 · Merelstraat" in momenten(o) and "(werken overlappen)" in momenten(o)
    een(planning, "wk-planning-kies").value = gas.id
    knop(planning, "Verwijderen", exact=True).click()
    knop(planning, "Ja, verwijderen").click()
    assert "Geen natuurlijke momenten" in momenten(o)


def test_marge_wordt_bewaard_en_bepaalt_de_momenten(store_url, lege_store, dossier):
    lege_store.importeer_werken(dossier.id, [
        WerkInvoer("Riool", "Gemeente Delft", "riolering", "Merelstraat", "straat", JAAR + 3, JAAR + 3),
        WerkInvoer("Gas", "Netbeheerder Stedin", "gasnet", "Merelstraat", "straat", JAAR + 5, JAAR + 5),
    ], vervangen=True)
    _planning, o = pagina(store_url, dossier.id)
    assert marge(o).value == 2 and "◆ 1" in momenten(o)
    assert lege_store.formulier(dossier.id, SLEUTEL) == ({}, 0)  # showing the default saves nothing
    marge(o).value = 1
    assert "De marge van 1 jaar is opgeslagen voor dit dossier" in melding(o)
    assert "Marge 1: ook werken die hoogstens 1 jaar na elkaar beginnen" in tekst(o)
    assert "Geen natuurlijke momenten gevonden met een marge van 1 jaar" in momenten(o)
    assert lege_store.formulier(dossier.id, SLEUTEL)[0] == {"marge": 1}
    _planning, opnieuw = pagina(store_url, dossier.id)
    assert marge(opnieuw).value == 1 and "Geen natuurlijke momenten" in momenten(opnieuw)
    marge(opnieuw).value = 0
    assert "Marge 0: alleen werken die echt in hetzelfde jaar" in tekst(opnieuw)


def test_marge_van_een_collega_wordt_niet_overschreven(store_url, lege_store, dossier):
    _planning, ik = pagina(store_url, dossier.id)
    _planning, collega = pagina(store_url, dossier.id)
    marge(collega).value = 4
    marge(ik).value = 1
    assert "Iemand anders heeft dit formulier intussen opgeslagen" in melding(ik)
    assert marge(ik).value == 4  # the colleague's margin is shown
    assert lege_store.formulier(dossier.id, SLEUTEL)[0] == {"marge": 4}


def test_waarschuwing_voor_werken_die_binnenkort_starten_en_momenten_die_voorbij_zijn(store_url, lege_store,
                                                                                      dossier):
    lege_store.importeer_werken(dossier.id, [
        WerkInvoer("Loopt al", "Gemeente Delft", "riolering", "A", "straat", JAAR - 1, JAAR + 1),
        WerkInvoer("Volgend jaar", "Netbeheerder Stedin", "gasnet", "A", "straat", JAAR + 1, JAAR + 1),
        WerkInvoer("Ruim op tijd", "Gemeente Delft", "riolering", "C", "straat", JAAR + 4, JAAR + 4),
        WerkInvoer("Oud riool", "Gemeente Delft", "riolering", "D", "straat", JAAR - 6, JAAR - 5),
        WerkInvoer("Oud gas", "Netbeheerder Stedin", "gasnet", "D", "straat", JAAR - 6, JAAR - 5),
    ], vervangen=True)
    _planning, o = pagina(store_url, dossier.id)
    waarschuwing = zichtbaar(een(o, "wk-planning-binnenkort").value)
    assert "Weinig tijd meer" in waarschuwing and "2 werken loopt al of begint binnen 2 jaar" in waarschuwing
    assert "Loopt al" in waarschuwing and "Volgend jaar" in waarschuwing and "Ruim op tijd" not in waarschuwing
    per_gebied = {deel.split(",")[0].split("·")[1].strip(): deel for deel in momenten(o).split("◆")[1:]}
    assert set(per_gebied) == {"A", "D"}
    assert "⚠ begint binnenkort of loopt al" in per_gebied["A"] and "voorbij" not in per_gebied["A"]
    assert "(al voorbij)" in per_gebied["D"] and "binnenkort" not in per_gebied["D"]


def test_tekst_van_gebruikers_wordt_ge_escaped(store_url, dossier):
    planning, o = pagina(store_url, dossier.id)
    voeg_toe(planning, "<script>alert(1)</script>", "<b>Gemeente</b>", "riolering", "<i>Merel</i>", JAAR + 3)
    voeg_toe(planning, "Gas", "Netbeheerder", "gasnet", "<i>Merel</i>", JAAR + 3)
    waarde = een(o, "wk-planning-momenten").value
    assert "<script>" not in waarde and "<b>Gemeente" not in waarde and "&lt;script&gt;" in waarde


def test_zonder_dossier_een_uitnodiging(store_url, lege_store):
    werkboek = open_werkboek("x", store_url=store_url, query={})
    werkboek.context.dossier_id = None
    o = werkboek.kaart("f2-natuurlijke-momenten").oefening
    assert "geen dossier geopend" in tekst(o)
    o.context.dossier_id = lege_store.maak_dossier("Later").id
    assert "Nog geen werken in het register" in momenten(o)
