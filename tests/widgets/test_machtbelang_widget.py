"""Macht/belang as a user works it: place each party with two sliders or the 'Plaatsen' button; the grid's alt
text, the table and a reloaded page show the saved place. Rows are found by their ``wk-mb-rij`` class."""

from __future__ import annotations

import pytest
from hulp import alt_teksten, een, kies, knop, knoppen, melding, met_klasse, opmaak, tekst, veld

from wijkkompas_widgets.dossier import PartijInvoer
from wijkkompas_widgets.widgets.context import WerkboekContext
from wijkkompas_widgets.widgets.machtbelang import MachtBelangOefening
from wijkkompas_widgets.widgets.partijen import PartijenOefening


@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Testwijk", "Noord", "Delft")


def oefening_van(store, dossier_id, inhoud) -> MachtBelangOefening:
    return MachtBelangOefening(WerkboekContext(store, inhoud, dossier_id=dossier_id))


def test_plaatsen_op_het_raster_wordt_bewaard_en_getekend(lege_store, dossier, inhoud):
    context = WerkboekContext(lege_store, inhoud, dossier_id=dossier.id)
    partijen, raster = PartijenOefening(context), MachtBelangOefening(context)  # one page
    veld(partijen, "Naam", exact=True).value = "Netbeheerder"
    kies(veld(partijen, "Soort partij"), "Netbeheerder")
    knop(partijen, "Partij toevoegen").click()
    # the grid exercise on the same page picked up the new party
    [rij] = met_klasse(raster, "wk-mb-rij")
    assert "Netbeheerder" in tekst(rij) and "nog niet geplaatst" in tekst(rij)
    veld(rij, "Invloed").value = 9
    veld(rij, "Belang").value = 3
    assert met_klasse(raster, "wk-mb-rij") == [rij]  # updated in place: a keyboard user keeps the focus
    partij = lege_store.partijen(dossier.id)[0]
    assert (partij.invloed, partij.belang) == (9, 3)
    assert melding(raster) == "✔ Netbeheerder geplaatst: invloed 9, belang 3 (tevreden stellen)."
    assert "→ Tevreden stellen" in tekst(rij) and not knoppen(rij, "Plaatsen")
    assert "Netbeheerder 9 3 Tevreden stellen" in tekst(een(raster, "wk-machtbelang-tabel"))
    assert alt_teksten(raster) == ["Macht/belang-raster. Netbeheerder: invloed 9, belang 3 (tevreden stellen)"]

    opnieuw = oefening_van(lege_store, dossier.id, inhoud)
    [rij] = met_klasse(opnieuw, "wk-mb-rij")
    assert (veld(rij, "Invloed").value, veld(rij, "Belang").value) == (9, 3)
    assert "→ Tevreden stellen" in tekst(rij)


def test_plaatsen_knop_plaatst_een_partij_op_de_getoonde_waarden(lege_store, dossier, inhoud):
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Bewoners", "bewonersinitiatief"))
    raster = oefening_van(lege_store, dossier.id, inhoud)
    [rij] = met_klasse(raster, "wk-mb-rij")
    getoond = (veld(rij, "Invloed").value, veld(rij, "Belang").value)
    assert "Schuif invloed en belang hierboven." in tekst(een(raster, "wk-machtbelang-tabel"))
    knop(rij, "Plaatsen").click()
    partij = lege_store.partijen(dossier.id)[0]
    assert (partij.invloed, partij.belang) == getoond == (6, 6)  # the middle of the scale, as shown
    assert melding(raster) == "✔ Bewoners geplaatst: invloed 6, belang 6 (actief betrekken)."
    assert "→ Actief betrekken" in tekst(rij) and not knoppen(rij, "Plaatsen")
    assert "Bewoners 6 6 Actief betrekken" in tekst(een(raster, "wk-machtbelang-tabel"))


def test_onbekende_partij_geeft_melding_en_het_raster_blijft(lege_store, dossier, inhoud):
    partij = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Weg", "overig"))
    raster = oefening_van(lege_store, dossier.id, inhoud)
    lege_store.verwijder_partij(dossier.id, partij.id)  # a colleague removed it meanwhile
    knop(een(raster, "wk-mb-rij"), "Plaatsen").click()
    assert "Niet gelukt" in melding(raster)
    assert lege_store.partijen(dossier.id) == []


def test_html_in_een_naam_en_zonder_partijen(lege_store, dossier, inhoud):
    partij = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("<b>Vet</b>", "overig"))
    raster = oefening_van(lege_store, dossier.id, inhoud)
    assert alt_teksten(raster) == ["Macht/belang-raster. Nog geen partijen geplaatst."]
    assert "<b>Vet</b>" in tekst(een(raster, "wk-mb-rij")) and "&lt;b&gt;Vet&lt;/b&gt;" in opmaak(raster)
    lege_store.verwijder_partij(dossier.id, partij.id)
    raster.context.gewijzigd()  # the parties exercise on the page removed it
    assert not met_klasse(raster, "wk-mb-rij")
    assert "Voeg eerst partijen toe bij 'De juiste partijen aan tafel'." in tekst(raster)
