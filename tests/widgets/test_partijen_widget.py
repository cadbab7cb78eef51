"""De juiste partijen aan tafel as a user works it: add, edit and remove parties, see which sporen are missing;
the dossier and a reloaded page show the same. Controls are found by label and ``wk-partij…`` class only."""

from __future__ import annotations

import pytest
from hulp import een, kies, knop, melding, met_klasse, opmaak, tekst, veld

from wijkkompas_widgets.dossier import PartijInvoer
from wijkkompas_widgets.widgets.context import WerkboekContext
from wijkkompas_widgets.widgets.partijen import PartijenOefening

SPOREN = "ABCDEF"


@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Testwijk", "Noord", "Delft")


def oefening_van(store, dossier_id, inhoud) -> PartijenOefening:
    return PartijenOefening(WerkboekContext(store, inhoud, dossier_id=dossier_id))


def vul_partij_in(oefening, naam, soort="Overig", organisatie="", rol="", sporen=None, *, opslaan="Partij toevoegen"):
    veld(oefening, "Naam", exact=True).value = naam
    kies(veld(oefening, "Soort partij"), soort)
    veld(oefening, "Organisatie").value = organisatie
    veld(oefening, "Contactpersoon (rol)").value = rol
    if sporen is not None:
        for letter in SPOREN:
            veld(oefening, f"{letter} ·").value = letter in sporen
    knop(oefening, opslaan).click()


def aangevinkt(oefening) -> list[str]:
    return [letter for letter in SPOREN if veld(oefening, f"{letter} ·").value]


def lijst(oefening) -> str:
    return tekst(een(oefening, "wk-partijenlijst"))


def test_partij_toevoegen_komt_in_dossier_en_na_herladen_terug(lege_store, dossier, inhoud):
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    vul_partij_in(oefening, "Woonstichting Oost", "Woningcorporatie", "Woonstichting", "projectleider")
    assert melding(oefening) == "✔ Partij 'Woonstichting Oost' toegevoegd."
    assert veld(oefening, "Naam", exact=True).value == ""  # form is empty for the next party
    opgeslagen = lege_store.partijen(dossier.id)
    assert [(p.naam, p.type, p.organisatie, p.contactrol, p.sporen) for p in opgeslagen] == [
        ("Woonstichting Oost", "woningcorporatie", "Woonstichting", "projectleider", ("B",))]

    opnieuw = oefening_van(lege_store, dossier.id, inhoud)
    assert "Woonstichting Oost — Woningcorporatie · Woonstichting · contact: projectleider (spoor: B)" in lijst(opnieuw)
    assert "Nog niet vertegenwoordigd: spoor A, C, D, E, F." in tekst(een(opnieuw, "wk-spoordekking"))
    assert "✔ vertegenwoordigd door Woonstichting Oost" in tekst(een(opnieuw, "wk-spoordekking"))


def test_soort_partij_vinkt_de_gebruikelijke_sporen_aan(lege_store, dossier, inhoud):
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    kies(veld(oefening, "Soort partij"), "Netbeheerder")
    assert aangevinkt(oefening) == ["F"]
    assert "Meestal: F." in tekst(een(oefening, "wk-partij-type-hint"))
    veld(oefening, "D ·").value = True  # the user may add a spoor after choosing the kind
    assert aangevinkt(oefening) == ["D", "F"]


def test_alle_sporen_vertegenwoordigd(lege_store, dossier, inhoud):
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    vul_partij_in(oefening, "Iedereen", sporen=SPOREN)
    assert "✔ Alle sporen A–F zijn vertegenwoordigd." in tekst(een(oefening, "wk-spoordekking"))


def test_lege_en_dubbele_naam_geven_melding_en_veranderen_niets(lege_store, dossier, inhoud):
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    vul_partij_in(oefening, "   ")
    assert melding(oefening) == "⚠ Niet gelukt: De naam van de partij is verplicht."
    vul_partij_in(oefening, "Gemeente Delft", "Gemeente (ambtelijk)")
    vul_partij_in(oefening, "gemeente delft", "Gemeente (ambtelijk)")
    assert "Er staat al een partij met de naam" in melding(oefening)
    assert veld(oefening, "Naam", exact=True).value == "gemeente delft"  # what the user typed is kept to correct it
    assert len(lege_store.partijen(dossier.id)) == 1


def test_te_lange_naam_wordt_geweigerd(lege_store, dossier, inhoud):
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    vul_partij_in(oefening, "x" * 500)
    assert "te lang (500 tekens)" in melding(oefening)
    assert lege_store.partijen(dossier.id) == []


def test_html_in_naam_wordt_als_tekst_getoond(lege_store, dossier, inhoud):
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    vul_partij_in(oefening, "<img src=x onerror=alert(1)>")
    assert "<img" not in opmaak(oefening)
    assert "&lt;img src=x onerror=alert(1)&gt;" in opmaak(een(oefening, "wk-partijenlijst"))
    assert "<img src=x onerror=alert(1)>" in lijst(oefening) and "<img src=x" in melding(oefening)


def test_partij_bewerken_en_verwijderen_met_bevestiging(lege_store, dossier, inhoud):
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    vul_partij_in(oefening, "Energiecoöperatie", "Energiecoöperatie")
    [rij] = met_klasse(oefening, "wk-partij-rij")
    knop(rij, "Bewerken").click()
    assert "Je bewerkt nu 'Energiecoöperatie'" in melding(oefening)
    assert "Partij bewerken: Energiecoöperatie" in tekst(oefening)
    assert veld(oefening, "Naam", exact=True).value == "Energiecoöperatie" and aangevinkt(oefening) == ["A", "F"]
    veld(oefening, "Naam", exact=True).value = "Energiecoöperatie Zon op Noord"
    veld(oefening, "D ·").value = True
    knop(oefening, "Wijzigingen opslaan").click()
    assert melding(oefening) == "✔ Wijzigingen van 'Energiecoöperatie Zon op Noord' opgeslagen."
    partij = lege_store.partijen(dossier.id)[0]
    assert (partij.naam, partij.sporen) == ("Energiecoöperatie Zon op Noord", ("A", "D", "F"))
    knop(oefening, "Partij toevoegen")  # back to adding

    [rij] = met_klasse(oefening, "wk-partij-rij")
    knop(rij, "Verwijderen").click()  # asks first
    assert "Weet je zeker dat je Energiecoöperatie Zon op Noord wilt verwijderen?" in tekst(rij)
    knop(rij, "Nee, bewaren").click()
    assert len(lege_store.partijen(dossier.id)) == 1 and knop(rij, "Verwijderen")
    knop(rij, "Verwijderen").click()
    knop(rij, "Ja, verwijderen").click()
    assert lege_store.partijen(dossier.id) == []
    assert melding(oefening) == "✔ Partij 'Energiecoöperatie Zon op Noord' verwijderd."
    assert "Nog geen partijen. Voeg hierboven de eerste partij toe." in lijst(oefening)


def test_annuleren_stopt_het_bewerken_zonder_op_te_slaan(lege_store, dossier, inhoud):
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    vul_partij_in(oefening, "Corporatie", "Woningcorporatie")
    knop(een(oefening, "wk-partij-rij"), "Bewerken").click()
    veld(oefening, "Naam", exact=True).value = "Andere naam"
    knop(oefening, "Annuleren").click()
    assert veld(oefening, "Naam", exact=True).value == "" and knop(oefening, "Partij toevoegen")
    assert lege_store.partijen(dossier.id)[0].naam == "Corporatie"


def test_bewerking_die_door_een_ander_is_ingehaald_wordt_niet_opgeslagen(lege_store, dossier, inhoud):
    oefening = oefening_van(lege_store, dossier.id, inhoud)
    vul_partij_in(oefening, "Corporatie", "Woningcorporatie")
    knop(een(oefening, "wk-partij-rij"), "Bewerken").click()
    ander = lege_store.partijen(dossier.id)[0]
    lege_store.wijzig_partij(dossier.id, ander.id, PartijInvoer("Corporatie (door collega)", "woningcorporatie"),
                             ander.versie)
    veld(oefening, "Naam", exact=True).value = "Corporatie (door mij)"
    knop(oefening, "Wijzigingen opslaan").click()
    assert "Iemand anders heeft deze partij intussen gewijzigd" in melding(oefening)
    assert lege_store.partijen(dossier.id)[0].naam == "Corporatie (door collega)"


def test_onverwachte_fout_in_een_knop_toont_nederlandse_melding(lege_store, dossier, inhoud, monkeypatch):
    oefening = oefening_van(lege_store, dossier.id, inhoud)

    def kapot(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(lege_store, "voeg_partij_toe", kapot)
    vul_partij_in(oefening, "Partij")
    assert "Er ging iets mis en er is niets opgeslagen" in melding(oefening)
    assert "disk on fire" not in melding(oefening)


def test_een_ander_dossier_openen_toont_zijn_partijen_en_stopt_het_bewerken(lege_store, dossier, inhoud):
    tweede = lege_store.maak_dossier("Tweede")
    lege_store.voeg_partij_toe(tweede.id, PartijInvoer("Partij van tweede", "overig"))
    context = WerkboekContext(lege_store, inhoud, dossier_id=dossier.id)
    oefening = PartijenOefening(context)
    vul_partij_in(oefening, "Partij van eerste")
    knop(een(oefening, "wk-partij-rij"), "Bewerken").click()
    context.dossier_id = tweede.id
    assert "Partij van tweede" in lijst(oefening) and "Partij van eerste" not in lijst(oefening)
    assert knop(oefening, "Partij toevoegen") and veld(oefening, "Naam", exact=True).value == ""
    context.dossier_id = None
    assert "Er is geen dossier geopend" in tekst(oefening)
