"""Rollen en verwachtingen as a user works it: tasks, a role and hours per task and party, capacity; the
signals, the table, the chart's alt text and a reloaded page show what was saved. Cells are found by their
label ('Rol van … bij …'), rows by ``wk-rollen-…`` classes."""

from __future__ import annotations

import pytest
from hulp import alt_teksten, een, kies, knop, melding, met_klasse, opmaak, tekst, veld, velden

from wijkkompas_widgets.content import SPOOR_LETTERS
from wijkkompas_widgets.dossier import PartijInvoer
from wijkkompas_widgets.dossier.records import Rol
from wijkkompas_widgets.widgets.context import WerkboekContext
from wijkkompas_widgets.widgets.partijen import PartijenOefening
from wijkkompas_widgets.widgets.rollen import RollenOefening


@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Testwijk", "Noord", "Delft")


@pytest.fixture
def twee_partijen(lege_store, dossier):
    gemeente = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente", sporen=("C",)))
    corporatie = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Corporatie", "woningcorporatie"))
    return gemeente, corporatie


def oefening_van(store, dossier_id, inhoud) -> RollenOefening:
    return RollenOefening(WerkboekContext(store, inhoud, dossier_id=dossier_id))


def rol(oefening, partij: str, taak: str):
    return veld(oefening, f"Rol van {partij} bij {taak}", exact=True)


def uren(oefening, partij: str, taak: str):
    return veld(oefening, f"Uren per maand van {partij} bij {taak}", exact=True)


def capaciteit(oefening, partij: str):
    [rij] = [r for r in met_klasse(oefening, "wk-rollen-capaciteitsrij") if tekst(r).startswith(partij)]
    return veld(rij, "Capaciteit (uur per maand)")


def taakcel(oefening, taak: str):
    [cel] = [c for c in met_klasse(oefening, "wk-rollen-taakcel") if taak in tekst(c)]
    return cel


def test_rollen_invullen_wordt_bewaard_en_komt_terug(lege_store, dossier, twee_partijen, inhoud):
    gemeente, corporatie = twee_partijen
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    assert "Nog geen taken" in tekst(een(oefening, "wk-rollen-matrix"))
    knop(oefening, "Standaardtaken overnemen").click()
    assert f"{len(inhoud.fase1.taken)} standaardtaken toegevoegd" in melding(oefening)
    taak = lege_store.taken(dossier.id)[0]
    assert taak.naam == "Projectleiding en planning"
    cel = rol(oefening, "Gemeente Delft", taak.naam)
    assert uren(oefening, "Gemeente Delft", taak.naam).disabled and cel.label == "—"
    kies(cel, "trekker")
    assert not uren(oefening, "Gemeente Delft", taak.naam).disabled
    uren(oefening, "Gemeente Delft", taak.naam).value = 30
    assert lege_store.rollen(dossier.id) == [Rol(taak.id, gemeente.id, "trekker", 30.0)]
    assert melding(oefening) == (
        "✔ Gemeente Delft is trekker bij 'Projectleiding en planning' (30 uur per maand).")
    # updated in place: the same control, so a keyboard user keeps the focus
    assert rol(oefening, "Gemeente Delft", taak.naam) is cel

    capaciteit(oefening, "Gemeente Delft").value = "20"
    assert lege_store.partijen(dossier.id)[0].capaciteit_uren == 20
    assert melding(oefening) == "✔ Capaciteit van Gemeente Delft: 20 uur per maand."
    assert "Gemeente Delft 30 20 ⚠ boven capaciteit (+10 uur)" in tekst(een(oefening, "wk-rollen-totalen"))
    assert "10 uur meer dan de capaciteit van 20 uur" in tekst(een(oefening, "wk-rollen-signalen"))
    [alt] = alt_teksten(oefening)
    assert "Gemeente Delft: 30 uur, capaciteit 20 uur, boven capaciteit" in alt

    kies(rol(oefening, "Corporatie", taak.naam), "geïnformeerd")
    assert Rol(taak.id, corporatie.id, "geinformeerd", 0.0) in lege_store.rollen(dossier.id)

    opnieuw = oefening_van(lege_store, dossier.id, inhoud)
    cel, cel_uren = rol(opnieuw, "Gemeente Delft", taak.naam), uren(opnieuw, "Gemeente Delft", taak.naam)
    assert (cel.label, cel_uren.value, cel_uren.disabled) == ("trekker", 30.0, False)
    assert rol(opnieuw, "Corporatie", taak.naam).label == "geïnformeerd"
    assert capaciteit(opnieuw, "Gemeente Delft").value == "20" and capaciteit(opnieuw, "Corporatie").value == ""
    assert "boven capaciteit" in tekst(een(opnieuw, "wk-rollen-totalen"))

    kies(cel, "—")  # removes the role
    assert Rol(taak.id, gemeente.id, "trekker", 30.0) not in lege_store.rollen(dossier.id)
    assert melding(opnieuw) == "✔ Gemeente Delft heeft geen rol meer bij 'Projectleiding en planning'."
    assert cel_uren.disabled and cel_uren.value == 0


def test_foute_uren_geven_melding_en_tonen_wat_bewaard_is(lege_store, dossier, twee_partijen, inhoud):
    gemeente, _ = twee_partijen
    taak = lege_store.voeg_taak_toe(dossier.id, "Planning", "C")
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    kies(rol(oefening, "Gemeente Delft", "Planning"), "meedenker")
    uren(oefening, "Gemeente Delft", "Planning").value = 8
    uren(oefening, "Gemeente Delft", "Planning").value = 1000
    assert melding(oefening) == "⚠ Niet gelukt: Het aantal uren moet tussen 0 en 744 uur per maand liggen."
    assert uren(oefening, "Gemeente Delft", "Planning").value == 8
    assert lege_store.rollen(dossier.id) == [Rol(taak.id, gemeente.id, "meedenker", 8.0)]

    veld_ = capaciteit(oefening, "Gemeente Delft")
    veld_.value = "16"
    veld_.value = "heel veel"
    assert "Niet gelukt: De capaciteit van Gemeente Delft is een aantal uren per maand" in melding(oefening)
    assert veld_.value == "16" and lege_store.partijen(dossier.id)[0].capaciteit_uren == 16
    veld_.value = ""
    assert lege_store.partijen(dossier.id)[0].capaciteit_uren is None
    assert melding(oefening) == "✔ Capaciteit van Gemeente Delft: onbekend."


def test_eigen_taak_toevoegen_en_verwijderen_met_bevestiging(lege_store, dossier, twee_partijen, inhoud):
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    veld(oefening, "Eigen taak").value = "Contact met scholen"
    kies(veld(oefening, "Spoor van de taak"), "A · Bewoners doen mee")
    knop(oefening, "Taak toevoegen").click()
    assert melding(oefening) == "✔ Taak 'Contact met scholen' (spoor A) toegevoegd."
    assert veld(oefening, "Eigen taak").value == ""
    assert "Contact met scholen (spoor A)" in tekst(een(oefening, "wk-rollen-matrix"))
    veld(oefening, "Eigen taak").value = "contact MET scholen"
    knop(oefening, "Taak toevoegen").click()
    assert "Er staat al een taak met de naam" in melding(oefening)
    assert veld(oefening, "Eigen taak").value == "contact MET scholen"  # kept, to correct it
    assert len(lege_store.taken(dossier.id)) == 1

    cel = taakcel(oefening, "Contact met scholen")
    knop(cel, "Verwijderen").click()  # asks first
    assert "Taak Contact met scholen met de rollen erin verwijderen?" in tekst(cel)
    knop(cel, "Nee", exact=True).click()
    assert len(lege_store.taken(dossier.id)) == 1
    knop(cel, "Verwijderen").click()
    knop(cel, "Ja, verwijderen").click()
    assert lege_store.taken(dossier.id) == []
    assert melding(oefening) == "✔ Taak 'Contact met scholen' verwijderd."
    assert "Nog geen taken" in tekst(een(oefening, "wk-rollen-matrix"))


def test_nieuwe_partij_op_dezelfde_pagina_krijgt_een_kolom(lege_store, dossier, twee_partijen, inhoud):
    lege_store.voeg_taak_toe(dossier.id, "Planning", "C")
    context = WerkboekContext(lege_store, inhoud, dossier_id=dossier.id)
    partijen, rollen = PartijenOefening(context), RollenOefening(context)  # one page
    veld(partijen, "Naam", exact=True).value = "<img src=x onerror=alert(1)>"
    knop(partijen, "Partij toevoegen").click()
    assert tekst(een(rollen, "wk-rollen-kop")) == "Taak Gemeente Delft Corporatie <img src=x onerror=alert(1)>"
    assert "<img" not in opmaak(rollen)
    assert capaciteit(rollen, "<img src=x onerror=alert(1)>").value == ""
    # the screen reader's label of the new cell names the party as typed (ipywidgets shows a label as text)
    assert "Rol van <img src=x onerror=alert(1)> bij Planning" in [
        cel.description for cel in met_klasse(rollen, "wk-rollen-rol")]


def test_zonder_partijen_en_taken_staat_er_wat_je_eerst_doet(lege_store, dossier, inhoud):
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    assert "Voeg eerst partijen toe bij 'De juiste partijen aan tafel'." in tekst(een(oefening, "wk-rollen-matrix"))
    assert "Nog geen partijen" in tekst(een(oefening, "wk-rollen-capaciteit"))
    assert tekst(een(oefening, "wk-rollen-totalen")) == "" and not velden(oefening, "Rol van")


def test_aandachtspunten_en_alles_in_orde(lege_store, dossier, twee_partijen, inhoud):
    gemeente, _ = twee_partijen
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    assert "Nog geen taken, dus nog geen aandachtspunten." in tekst(een(oefening, "wk-rollen-signalen"))
    assert "De grafiek verschijnt zodra" in tekst(een(oefening, "wk-rollen-grafiek"))
    taken = [lege_store.voeg_taak_toe(dossier.id, f"Taak {letter}", letter) for letter in SPOOR_LETTERS]
    lege_store.zet_capaciteit(dossier.id, gemeente.id, 100)
    for taak in taken:
        lege_store.zet_rol(dossier.id, taak.id, gemeente.id, "trekker", 10)
    oefening.context.gewijzigd()  # another exercise on the page saved
    assert tekst(een(oefening, "wk-rollen-signalen")) == (
        "✔ Geen aandachtspunten: elke taak heeft één trekker, geen partij zit boven haar capaciteit en in elk spoor "
        "werkt iemand mee.")
    lege_store.zet_rol(dossier.id, taken[0].id, gemeente.id, "geinformeerd", 0)
    oefening.context.gewijzigd()
    signalen = tekst(een(oefening, "wk-rollen-signalen"))
    assert "⚠ 1 taak zonder trekker" in signalen and "⚠ 1 spoor zonder bezetting" in signalen
    assert "Spoor A (" in signalen
