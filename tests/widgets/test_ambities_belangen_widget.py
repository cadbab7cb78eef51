"""Ambities en belangen as a user works it: choose a party, write its ambition, mark interests; the overview
and a reloaded page show what was saved. Controls are found by label and ``wk-belang…`` class only."""

from __future__ import annotations

import pytest
from hulp import alt_teksten, een, kies, knop, melding, met_klasse, opmaak, tekst, veld, velden

from wijkkompas_widgets.dossier import PartijInvoer
from wijkkompas_widgets.widgets.ambities_belangen import AmbitiesBelangenOefening
from wijkkompas_widgets.widgets.context import WerkboekContext


@pytest.fixture
def dossier_met_partijen(lege_store):
    dossier = lege_store.maak_dossier("Belangenwijk")
    partijen = [
        lege_store.voeg_partij_toe(dossier.id, PartijInvoer(naam, soort))
        for naam, soort in (
            ("Gemeente", "gemeente"), ("Corporatie", "woningcorporatie"), ("Warmtebedrijf", "warmtebedrijf"),
        )
    ]
    return dossier, partijen


@pytest.fixture
def naam(inhoud):
    """The name a user reads for a catalogue interest."""
    namen = {b.id: b.naam for b in inhoud.fase1.belangen}
    return namen.__getitem__


def oefening_van(store, dossier_id, inhoud) -> AmbitiesBelangenOefening:
    return AmbitiesBelangenOefening(WerkboekContext(store, inhoud, dossier_id=dossier_id))


def rij(oefening, belang: str):
    """The row of one interest: its houding (labelled with the interest's name) and its priority box."""
    gevonden = [r for r in met_klasse(oefening, "wk-belang-rij")
                if een(r, "wk-belang-houding").description == belang]  # the label as typed (shown as text)
    assert len(gevonden) == 1, f"verwacht één rij voor {belang!r}"
    return gevonden[0]


def zet(oefening, belang: str, houding: str, *, prioriteit: bool | None = None) -> None:
    gekozen = rij(oefening, belang)
    kies(een(gekozen, "wk-belang-houding"), houding)
    if prioriteit is not None:
        veld(gekozen, "topprioriteit").value = prioriteit


def test_oefening_bewaart_ambitie_en_houdingen_en_toont_overzicht(lege_store, dossier_met_partijen, inhoud, naam):
    dossier, (_gemeente, corporatie, _warmte) = dossier_met_partijen
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    kies(veld(oefening, "Partij", exact=True), "Corporatie")
    veld(oefening, "Ambitie van deze partij").value = "In 2030 alle complexen label B, zonder hogere woonlasten"
    assert "Ambitie van 'Corporatie' opgeslagen." in melding(oefening)
    assert "(vaak bij dit soort partij)" in tekst(rij(oefening, naam("betaalbare-huur")))
    zet(oefening, naam("betaalbare-huur"), "Ons belang", prioriteit=True)
    zet(oefening, naam("voldoende-aansluitingen"), "Wij kunnen hieraan bijdragen")
    kies(veld(oefening, "Partij", exact=True), "Warmtebedrijf")
    assert een(rij(oefening, naam("betaalbare-huur")), "wk-belang-houding").value is None  # this party's form
    zet(oefening, naam("voldoende-aansluitingen"), "Ons belang")
    zet(oefening, naam("betaalbare-huur"), "Wij kunnen hieraan bijdragen")

    assert lege_store.partijen(dossier.id)[1].ambitie.startswith("In 2030 alle complexen")
    overzicht = tekst(een(oefening, "wk-belangen-overzicht"))
    assert (f"Wederzijdse winst: Corporatie kan bijdragen aan {naam('voldoende-aansluitingen')} voor Warmtebedrijf, "
            f"en Warmtebedrijf aan {naam('betaalbare-huur')} voor Corporatie.") in overzicht
    [alt] = alt_teksten(oefening)
    assert f"Corporatie – {naam('betaalbare-huur')}: ons belang (topprioriteit)" in alt

    opnieuw = oefening_van(lege_store, dossier.id, inhoud)
    kies(veld(opnieuw, "Partij", exact=True), "Corporatie")
    assert veld(opnieuw, "Ambitie van deze partij").value.startswith("In 2030")
    huur = rij(opnieuw, naam("betaalbare-huur"))
    assert een(huur, "wk-belang-houding").label == "Ons belang"
    assert veld(huur, "topprioriteit").value is True
    assert corporatie.id in {c.partij_id for c in lege_store.partij_belangen(dossier.id) if c.prioriteit}


def test_vierde_prioriteit_wordt_teruggezet_met_melding(lege_store, dossier_met_partijen, inhoud, naam):
    dossier, _partijen = dossier_met_partijen
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    kies(veld(oefening, "Partij", exact=True), "Gemeente")
    for belang_id in ("co2-reductie", "draagvlak", "leefbaarheid", "tijdpad-tvw"):
        zet(oefening, naam(belang_id), "Ons belang", prioriteit=True)
    assert "hoogstens 3 topprioriteiten" in melding(oefening)
    assert veld(rij(oefening, naam("tijdpad-tvw")), "topprioriteit").value is False
    assert sum(c.prioriteit for c in lege_store.partij_belangen(dossier.id)) == 3


def test_topprioriteit_kan_alleen_bij_een_eigen_belang(lege_store, dossier_met_partijen, inhoud, naam):
    dossier, _partijen = dossier_met_partijen
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    draagvlak = rij(oefening, naam("draagvlak"))
    assert veld(draagvlak, "topprioriteit").disabled
    zet(oefening, naam("draagvlak"), "Ons belang")
    assert not veld(draagvlak, "topprioriteit").disabled


def test_eigen_belang_en_html_in_namen(lege_store, dossier_met_partijen, inhoud):
    dossier, _partijen = dossier_met_partijen
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    veld(oefening, "Eigen belang").value = "<script>alert(1)</script>"
    knop(oefening, "Belang toevoegen").click()
    assert "het staat nu bij elke partij" in melding(oefening)
    assert veld(oefening, "Eigen belang").value == ""
    zet(oefening, "<script>alert(1)</script>", "Ons belang")
    assert [b.naam for b in lege_store.eigen_belangen(dossier.id)] == ["<script>alert(1)</script>"]
    assert "<script>" not in opmaak(oefening)
    assert "&lt;script&gt;" in opmaak(rij(oefening, "<script>alert(1)</script>"))


def test_zonder_partijen_verwijst_de_oefening_naar_de_partijenoefening(lege_store, inhoud):
    dossier = lege_store.maak_dossier("Leeg")
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    assert "Voeg eerst partijen toe bij 'De juiste partijen aan tafel'" in tekst(oefening)
    assert not velden(oefening, "Partij", exact=True)
