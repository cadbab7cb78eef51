"""Salience as a user ticks it: each box saves the party's three attributes, the row and the table name the
stakeholder type, a reloaded page shows the boxes. Rows are found by their ``wk-salience-rij`` class."""

from __future__ import annotations

from hulp import een, melding, met_klasse, tekst, veld

from wijkkompas_widgets.dossier import PartijInvoer
from wijkkompas_widgets.widgets.context import WerkboekContext
from wijkkompas_widgets.widgets.salience import SalienceOefening


def oefening_van(store, dossier_id, inhoud) -> SalienceOefening:
    return SalienceOefening(WerkboekContext(store, inhoud, dossier_id=dossier_id))


def test_salience_aanvinken_bewaart_en_toont_het_type(lege_store, inhoud):
    dossier = lege_store.maak_dossier("D")
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Netbeheerder", "netbeheerder"))
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    [rij] = met_klasse(oefening, "wk-salience-rij")
    assert "Netbeheerder" in tekst(rij) and "nog niet beoordeeld" in tekst(rij)
    veld(rij, "Macht").value = True
    assert melding(oefening) == "✔ Netbeheerder: slapende stakeholder (dormant)."
    veld(rij, "Legitimiteit").value = True
    partij = lege_store.partijen(dossier.id)[0]
    assert (partij.macht, partij.legitimiteit, partij.urgentie) == (True, True, False)
    assert "→ Dominante stakeholder (dominant) (saillantie: gemiddeld)" in tekst(rij)
    assert "Dominante stakeholder" in tekst(een(oefening, "wk-salience-tabel"))

    opnieuw = oefening_van(lege_store, dossier.id, inhoud)
    [rij] = met_klasse(opnieuw, "wk-salience-rij")
    assert (veld(rij, "Macht").value, veld(rij, "Legitimiteit").value, veld(rij, "Urgentie").value) == (
        True, True, False)


def test_zonder_partijen_verwijst_salience_naar_de_partijenoefening(lege_store, inhoud):
    dossier = lege_store.maak_dossier("Leeg")
    partij = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Enige", "overig"))
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    lege_store.verwijder_partij(dossier.id, partij.id)
    oefening.context.gewijzigd()  # the parties exercise on the page removed it
    assert not met_klasse(oefening, "wk-salience-rij")
    assert "Voeg eerst partijen toe bij 'De juiste partijen aan tafel'." in tekst(oefening)
    assert tekst(een(oefening, "wk-salience-tabel")) == ""
