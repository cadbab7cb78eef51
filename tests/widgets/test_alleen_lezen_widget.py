"""Read-only for who may only look, without a browser: a lezer's exercises have every control disabled and the
header says why, while the downloads still work; the store refuses a lezer's write anyway (the widget is not the
only guard). The example dossier on a shared server is read-only for everyone and 'Maak een eigen kopie' gives an
own, editable copy. Only an eigenaar sees 'Verwijderen…'."""

from __future__ import annotations

import pytest
from hulp import alle, downloads, een, kies, knop, knoppen, melding, tekst, veld
from voorbeelden import account

from wijkkompas_widgets import export
from wijkkompas_widgets.content import inhoud
from wijkkompas_widgets.dossier import AlleenLezen, Gebruiker, PartijInvoer
from wijkkompas_widgets.werkboek import OEFENINGEN, Werkboek
from wijkkompas_widgets.widgets.context import WerkboekContext
from wijkkompas_widgets.widgets.kop import DossierKop
from wijkkompas_widgets.widgets.oefening import is_invoer
from wijkkompas_widgets.widgets.uitwisseling import DossierUitwisseling


def pagina_als(store, wie: Gebruiker, dossier_id: str | None, pagina: str = "01_samen_starten.ipynb") -> Werkboek:
    """A page as ``wie`` opens it (a fresh page is the page after a reload)."""
    return Werkboek(WerkboekContext(store.als(wie), inhoud(), dossier_id=dossier_id), pagina)


def invoer(widget) -> list:
    return [kind for kind in alle(widget) if is_invoer(kind)]


@pytest.fixture
def team(lege_store):
    anna = account(lege_store, "anna", "Anna de Vries")
    bram = account(lege_store, "bram", "Bram Bakker")
    als_anna = lege_store.als(anna)
    dossier = als_anna.maak_dossier("Teamwijk", "Oost", "Delft")
    als_anna.voeg_partij_toe(dossier.id, PartijInvoer("Woonplus", "woningcorporatie"))
    als_anna.zet_lid(dossier.id, bram.naam, "lezer")
    return {"store": lege_store, "anna": anna, "bram": bram, "dossier": dossier}


@pytest.mark.parametrize("knooppunt", ["f1-juiste-partijen", "f1-doel-en-verhaal", "f1-invloed-en-belang"])
def test_een_lezer_ziet_de_oefening_maar_elke_knop_en_elk_veld_staat_uit(team, knooppunt):
    store, bram, dossier = team["store"], team["bram"], team["dossier"]
    wb = pagina_als(store, bram, dossier.id)
    kop, kaart = wb.kop(), wb.kaart(knooppunt)
    assert "Je bekijkt dit dossier als lezer" in tekst(een(kop, "wk-alleen-lezen-melding"))
    assert veld(kaart, "Status van dit knooppunt").disabled
    velden = invoer(kaart.oefening)
    assert velden and all(v.disabled for v in velden), [v.description for v in velden if not v.disabled]
    # the same exercise for its eigenaar: everything usable as before
    eigen = pagina_als(store, team["anna"], dossier.id).kaart(knooppunt)
    assert not veld(eigen, "Status van dit knooppunt").disabled
    assert any(not v.disabled for v in invoer(eigen.oefening))
    assert not tekst(een(pagina_als(store, team["anna"], dossier.id).kop(), "wk-alleen-lezen-melding"))


def test_in_het_voorbeelddossier_staat_voor_een_teamlid_elke_oefening_op_alleen_lezen(store):
    """Every exercise of the werkboek, filled as in the example dossier: nothing a lezer can change, apart from the
    controls that only choose what to show (``wk-kijkkeuze``)."""
    cora = account(store, "cora", "Cora Jansen")
    [voorbeeld] = store.als(cora).dossiers()
    wb = pagina_als(store, cora, voorbeeld.id)
    for knooppunt in OEFENINGEN:
        kaart = wb.kaart(knooppunt)
        velden = invoer(kaart.oefening)
        assert velden, knooppunt
        assert all(v.disabled for v in velden), (knooppunt, [v.description for v in velden if not v.disabled])
        assert veld(kaart, "Status van dit knooppunt").disabled
        assert not knop(kaart, "Geschiedenis van dit knooppunt tonen").disabled  # looking is no change


def test_de_store_weigert_een_lezer_ook_als_de_pagina_dat_niet_zou_doen(team):
    store, bram, dossier = team["store"], team["bram"], team["dossier"]
    als_bram = store.als(bram)
    with pytest.raises(AlleenLezen, match="alleen bekijken"):
        als_bram.voeg_partij_toe(dossier.id, PartijInvoer("Stiekem", "overig"))
    with pytest.raises(AlleenLezen):
        als_bram.zet_status(dossier.id, "f1-regierol", "afgerond")
    assert [p.naam for p in store.als(team["anna"]).partijen(dossier.id)] == ["Woonplus"]
    # a control switched on by hand (as a forged page could) still saves nothing
    oefening = pagina_als(store, bram, dossier.id).kaart("f1-juiste-partijen").oefening
    naam, opslaan = veld(oefening, "Naam", exact=True), knop(oefening, "Partij toevoegen")
    assert naam.disabled and opslaan.disabled
    naam.value = "Stiekem"
    opslaan.click()  # what a tampered page could still send: the store is the last guard
    assert "alleen bekijken" in melding(oefening)
    assert [p.naam for p in store.als(team["anna"]).partijen(dossier.id)] == ["Woonplus"]


def test_een_lezer_kan_wel_exporteren(team):
    store, bram, dossier = team["store"], team["bram"], team["dossier"]
    context = WerkboekContext(store.als(bram), inhoud(), dossier_id=dossier.id)
    uitwisseling = DossierUitwisseling(context, export)
    for label in ("Word-rapport", "Excel-werkboek", "Reservekopie"):
        assert not knop(uitwisseling, label).disabled
    knop(uitwisseling, "Reservekopie").click()
    [(naam, data)] = downloads(uitwisseling).items()
    assert naam.endswith(".json") and b"Woonplus" in data


def test_wordt_de_lezer_bewerker_dan_kan_hij_na_een_herlaadbeurt_invullen(team):
    store, bram, dossier = team["store"], team["bram"], team["dossier"]
    store.als(team["anna"]).zet_lid(dossier.id, bram.naam, "bewerker")
    wb = pagina_als(store, bram, dossier.id)
    oefening = wb.kaart("f1-juiste-partijen").oefening
    assert not tekst(een(wb.kop(), "wk-alleen-lezen-melding"))
    veld(oefening, "Naam", exact=True).value = "Energiecoöperatie Oost"
    knop(oefening, "Partij toevoegen").click()
    assert "Energiecoöperatie Oost" in [p.naam for p in store.als(bram).partijen(dossier.id)]


def test_een_pagina_die_wisselt_tussen_alleen_lezen_en_eigen_dossier_zet_alles_goed_terug(store):
    """The example dossier (read-only on a shared server) and one's own dossier on one page."""
    cora = account(store, "cora", "Cora Jansen")
    eigen = store.als(cora).maak_dossier("Mijn wijk")
    [voorbeeld] = [d for d in store.als(cora).dossiers() if d.is_voorbeeld]
    wb = pagina_als(store, cora, voorbeeld.id)
    kop, kaart = wb.kop(), wb.kaart("f1-juiste-partijen")
    assert all(v.disabled for v in invoer(kaart.oefening))
    kies(veld(kop, "Open dossier"), "Mijn wijk")
    velden = invoer(kaart.oefening)
    assert not veld(kaart.oefening, "Naam", exact=True).disabled
    assert not veld(kaart, "Status van dit knooppunt").disabled
    assert any(not v.disabled for v in velden)
    kies(veld(kop, "Open dossier"), next(label for label in (o[0] for o in veld(kop, "Open dossier").options)
                                         if "[voorbeeld]" in label))
    assert all(v.disabled for v in invoer(kaart.oefening))
    assert eigen.id != voorbeeld.id


def test_het_voorbeelddossier_kopieren_geeft_een_eigen_dossier_dat_je_kunt_veranderen(store):
    cora = account(store, "cora", "Cora Jansen")
    [voorbeeld] = store.als(cora).dossiers()
    wb = pagina_als(store, cora, voorbeeld.id)
    kop, kaart = DossierKop(wb.context, wb.pagina, export), wb.kaart("f1-juiste-partijen")  # as werkboek.kop() does
    assert "voorbeelddossier" in tekst(een(kop, "wk-alleen-lezen-melding"))
    assert not knoppen(kop, "Verwijderen…") and veld(kop, "Open dossier")
    knop(kop, "Maak een eigen kopie").click()
    assert "Je eigen kopie" in melding(kop)
    kopie_id = wb.context.dossier_id
    assert kopie_id != voorbeeld.id
    assert store.als(cora).rol(kopie_id) == "eigenaar"
    assert not knoppen(kop, "Maak een eigen kopie") and not tekst(een(kop, "wk-alleen-lezen-melding"))
    assert not veld(kaart.oefening, "Naam", exact=True).disabled  # the page follows at once
    assert knoppen(kop, "Verwijderen…")
    assert len(store.als(cora).partijen(kopie_id)) == len(store.partijen(voorbeeld.id))
    assert store.als(cora).geschiedenis(kopie_id)[0].regel.startswith("Kopie gemaakt van ‘Voorbeeld")
    assert not store.dossier(kopie_id).is_voorbeeld and store.dossier(voorbeeld.id).is_voorbeeld
    # another user does not see cora's copy; the example dossier stays as it was
    dirk = account(store, "dirk", "Dirk")
    assert [d.id for d in store.als(dirk).dossiers()] == [voorbeeld.id]


def test_alleen_een_eigenaar_ziet_verwijderen(team):
    store, dossier = team["store"], team["dossier"]
    store.als(team["anna"]).zet_lid(dossier.id, team["bram"].naam, "bewerker")
    assert knoppen(pagina_als(store, team["anna"], dossier.id).kop(), "Verwijderen…")
    kop = pagina_als(store, team["bram"], dossier.id).kop()
    assert not knoppen(kop, "Verwijderen…")
    assert not knop(kop, "Gegevens wijzigen…").disabled  # a bewerker may rename
