"""'Geschiedenis' without a browser: a colleague's change shows under their name with Dutch date and time, newest
first; the filter 'Persoon' narrows it; 'Meer tonen' pages; each knooppunt card has its own folded history; names
and lines are text, never markup. The besluitenlog names who recorded an entry."""

from __future__ import annotations

import base64
import re
from datetime import datetime, timezone

import pytest
from hulp import een, keuzes, kies, knop, knoppen, opmaak, tekst, veld, zichtbaar
from voorbeelden import account

from wijkkompas_widgets.content import inhoud
from wijkkompas_widgets.dossier import Gebruiker, PartijInvoer
from wijkkompas_widgets.leesmodel.geschiedenis import PER_KEER, moment_tekst
from wijkkompas_widgets.werkboek import Werkboek
from wijkkompas_widgets.widgets.context import WerkboekContext
from wijkkompas_widgets.widgets.geschiedenis import GeschiedenisOverzicht


def context_als(store, wie: Gebruiker, dossier_id: str | None) -> WerkboekContext:
    return WerkboekContext(store.als(wie), inhoud(), dossier_id=dossier_id)


def regels(overzicht) -> list[str]:
    """The rows of the history table as the page shows them (one text per row)."""
    lijst = een(overzicht, "wk-geschiedenis-lijst").value
    return [zichtbaar(rij) for rij in re.findall(r"<tr>(.*?)</tr>", lijst, re.S)[1:]]


@pytest.fixture
def team(lege_store):
    anna = account(lege_store, "anna", "Anna de Vries")
    bram = account(lege_store, "bram", "Bram <i>Bakker</i>")
    als_anna = lege_store.als(anna)
    dossier = als_anna.maak_dossier("Teamwijk", "Oost", "Delft")
    als_anna.zet_lid(dossier.id, bram.naam, "bewerker")
    return {"store": lege_store, "anna": anna, "bram": bram, "dossier": dossier}


def test_de_wijziging_van_een_collega_staat_onder_zijn_naam_bovenaan(team):
    store, anna, bram, dossier = team["store"], team["anna"], team["bram"], team["dossier"]
    store.als(bram).voeg_partij_toe(dossier.id, PartijInvoer("Woonplus <script>", "woningcorporatie"))
    overzicht = GeschiedenisOverzicht(context_als(store, anna, dossier.id))
    rijen = regels(overzicht)
    assert rijen, tekst(overzicht)
    nieuwste = next(r for r in rijen if "Woonplus" in r)
    assert "Bram <i>Bakker</i>" in nieuwste and "De juiste partijen aan tafel" in nieuwste
    assert re.match(r"\d{2}-\d{2}-\d{4} \d{2}:\d{2} ", nieuwste)
    assert rijen.index(nieuwste) < next(i for i, r in enumerate(rijen) if "Teamwijk" in r and "aangemaakt" in r)
    html = opmaak(overzicht)
    assert "<script>" not in html and "&lt;script&gt;" in html and "<i>Bakker</i>" not in html

    # a change on the page itself shows at once (the page's revision goes up)
    wb = Werkboek(overzicht.context, "00_welkom.ipynb")
    kies(veld(wb.kaart("f1-regierol"), "Status van dit knooppunt"), "Gestart")
    assert "Anna de Vries" in regels(overzicht)[0] and "Gestart" in regels(overzicht)[0]


def test_filter_op_persoon_toont_alleen_diens_wijzigingen(team):
    store, anna, bram, dossier = team["store"], team["anna"], team["bram"], team["dossier"]
    store.als(bram).voeg_partij_toe(dossier.id, PartijInvoer("Woonplus", "woningcorporatie"))
    store.als(anna).zet_status(dossier.id, "f1-regierol", "gestart")
    overzicht = GeschiedenisOverzicht(context_als(store, bram, dossier.id))
    persoon = veld(overzicht, "Persoon")
    assert keuzes(persoon)[0] == "Iedereen"
    assert {"Anna de Vries", "Bram <i>Bakker</i>"} <= set(keuzes(persoon))
    kies(persoon, "Bram <i>Bakker</i>")
    alleen_bram = regels(overzicht)
    assert alleen_bram and all("Bram <i>Bakker</i>" in r for r in alleen_bram)
    assert any("Woonplus" in r for r in alleen_bram)
    kies(persoon, "Anna de Vries")
    assert all("Anna de Vries" in r for r in regels(overzicht))
    assert not any("Woonplus" in r for r in regels(overzicht))
    kies(persoon, "Iedereen")
    assert {"Anna", "Bram"} <= {naam for r in regels(overzicht) for naam in ("Anna", "Bram") if naam in r}


def test_meer_tonen_laat_oudere_regels_zien_per_vijftig(team):
    store, anna, dossier = team["store"], team["anna"], team["dossier"]
    als_anna = store.als(anna)
    statussen = ["gestart", "afgerond"]
    for i in range(PER_KEER + 5):
        als_anna.zet_status(dossier.id, "f1-regierol", statussen[i % 2])
    totaal = len(als_anna.geschiedenis(dossier.id, limiet=10_000))
    overzicht = GeschiedenisOverzicht(context_als(store, anna, dossier.id))
    assert len(regels(overzicht)) == PER_KEER
    assert "nieuwste wijzigingen" in tekst(een(overzicht, "wk-geschiedenis-lijst"))
    knop(overzicht, "Meer tonen").click()
    assert len(regels(overzicht)) == min(totaal, 2 * PER_KEER)
    if totaal <= 2 * PER_KEER:
        assert not knoppen(overzicht, "Meer tonen")


def test_elk_knooppunt_heeft_een_ingeklapte_eigen_geschiedenis(team):
    store, anna, bram, dossier = team["store"], team["anna"], team["bram"], team["dossier"]
    store.als(bram).voeg_partij_toe(dossier.id, PartijInvoer("Woonplus", "woningcorporatie"))
    store.als(anna).zet_status(dossier.id, "f1-regierol", "gestart")
    wb = Werkboek(context_als(store, anna, dossier.id), "01_samen_starten.ipynb")
    kaart = wb.kaart("f1-juiste-partijen")
    assert not [k for k in kaart.children if "wk-geschiedenis" in getattr(k, "_dom_classes", ())]  # not built yet
    knop(kaart, "Geschiedenis van dit knooppunt tonen").click()
    overzicht = een(kaart, "wk-geschiedenis")
    rijen = regels(overzicht)
    assert rijen and all("De juiste partijen aan tafel" in r for r in rijen)
    assert any("Woonplus" in r and "Bram" in r for r in rijen)
    assert not any("Regierol" in r or "regierol" in r for r in rijen)
    knop(kaart, "Geschiedenis van dit knooppunt verbergen").click()
    assert overzicht.layout.display == "none" and knoppen(kaart, "Geschiedenis van dit knooppunt tonen")
    # a lezer may open it too: looking is no change
    store.als(anna).zet_lid(dossier.id, bram.naam, "lezer")
    kaart_bram = Werkboek(context_als(store, bram, dossier.id), "01_samen_starten.ipynb").kaart("f1-juiste-partijen")
    openen = knop(kaart_bram, "Geschiedenis van dit knooppunt tonen")
    assert not openen.disabled
    openen.click()
    assert any("Woonplus" in r for r in regels(een(kaart_bram, "wk-geschiedenis")))


def test_zonder_toegang_zegt_de_geschiedenis_hetzelfde_als_bij_een_onbekend_dossier(team, lege_store):
    vreemde = account(lege_store, "vreemd", "Vreemde")
    vreemd = tekst(GeschiedenisOverzicht(context_als(lege_store, vreemde, team["dossier"].id)))
    onbekend = tekst(GeschiedenisOverzicht(context_als(lege_store, vreemde, "abcdefabcdef")))
    assert "bestaat niet of je hebt er geen toegang toe" in vreemd
    assert vreemd == onbekend and "Anna" not in vreemd


def test_tijden_staan_in_nederlandse_tijd_zomer_en_winter():
    assert moment_tekst(datetime(2026, 7, 1, 10, 0, tzinfo=timezone.utc)) == "01-07-2026 12:00"
    assert moment_tekst(datetime(2026, 1, 15, 23, 30, tzinfo=timezone.utc)) == "16-01-2026 00:30"


def test_het_besluitenlog_noemt_wie_het_besluit_vastlegde(team):
    store, bram, dossier = team["store"], team["bram"], team["dossier"]
    wb = Werkboek(context_als(store, bram, dossier.id), "03_strategieen.ipynb")
    log = een(wb.besluitenlog(), "wk-oefening-besluitenlog")
    veld(log, "Wat is er besloten?").value = "Warmtenet verder onderzoeken"
    veld(log, "Onderbouwing").value = "Goedkoopst voor de bewoners"
    knop(log, "Besluit vastleggen").click()
    assert store.besluiten(dossier.id)[0].auteur == "Bram <i>Bakker</i>"
    lijst = een(log, "wk-besluitenlog-lijst")
    assert "Vastgelegd door" in tekst(lijst) and "Bram <i>Bakker</i>" in tekst(lijst)
    assert "<i>Bakker</i>" not in lijst.value
    data = re.search(r"base64,([A-Za-z0-9+/=]+)", een(log, "wk-besluitenlog-download").value).group(1)
    csv_tekst = base64.b64decode(data).decode("utf-8-sig")
    kop, rij = csv_tekst.splitlines()[:2]
    assert kop.split(";")[5] == "Vastgelegd door" and rij.split(";")[5] == "Bram <i>Bakker</i>"
