"""'Wie werkt er mee?' on the welcome page, as people on a shared server use it without a browser: an eigenaar adds
a colleague by login name, changes a role and removes a member; a bewerker sees the list and can only leave; the
last eigenaar cannot leave (the store says why); names are shown as text."""

from __future__ import annotations

import pytest
from hulp import een, keuzes, kies, knop, knoppen, melding, opmaak, tekst, veld, velden
from voorbeelden import account

from wijkkompas_widgets.content import inhoud
from wijkkompas_widgets.dossier import Gebruiker
from wijkkompas_widgets.werkboek import Werkboek
from wijkkompas_widgets.widgets.context import WerkboekContext
from wijkkompas_widgets.widgets.leden import LedenBeheer


def leden_als(store, wie: Gebruiker, dossier_id: str | None) -> LedenBeheer:
    """The members' part of the welcome page as ``wie`` sees it (a fresh page is the page after a reload)."""
    return LedenBeheer(WerkboekContext(store.als(wie), inhoud(), dossier_id=dossier_id))


@pytest.fixture
def team(lege_store):
    anna = account(lege_store, "anna", "Anna de Vries")
    bram = account(lege_store, "bram", "Bram <b>Bakker</b>")
    cora = account(lege_store, "cora@gemeente.nl", "Cora Jansen")
    dossier = lege_store.als(anna).maak_dossier("Teamwijk", "Oost", "Delft")
    return {"store": lege_store, "anna": anna, "bram": bram, "cora": cora, "dossier": dossier}


def test_eigenaar_voegt_een_lid_toe_wijzigt_de_rol_en_haalt_het_weer_weg(team):
    store, anna, dossier = team["store"], team["anna"], team["dossier"]
    leden = leden_als(store, anna, dossier.id)
    assert "Jouw rol in dit dossier: Eigenaar" in tekst(leden)
    assert "Anna de Vries (jij)" in tekst(een(leden, "wk-leden-lijst"))

    veld(leden, "Inlognaam van het nieuwe lid").value = "Bram"  # login names are not case-sensitive
    kies(veld(leden, "Rol van het nieuwe lid"), "Lezer")
    knop(leden, "Lid toevoegen").click()
    assert "is nu lezer van dit dossier" in melding(leden)
    assert [(lid.gebruiker, lid.rol) for lid in store.als(anna).leden(dossier.id)] == [
        ("anna", "eigenaar"), ("bram", "lezer")]
    assert veld(leden, "Inlognaam van het nieuwe lid").value == ""
    lijst = een(leden, "wk-leden-lijst")
    assert "Bram <b>Bakker</b>" in tekst(lijst)  # the name as text, not as markup
    assert "&lt;b&gt;Bakker&lt;/b&gt;" in opmaak(lijst) and "<b>Bakker</b>" not in opmaak(lijst)

    rol = veld(leden, "Rol van Bram")
    assert keuzes(rol) == ["Eigenaar", "Bewerker", "Lezer"] and rol.label == "Lezer"
    kies(rol, "Bewerker")
    assert "is nu bewerker" in melding(leden)
    assert store.als(team["bram"]).rol(dossier.id) == "bewerker"

    knop(een(leden, "wk-leden-lijst").children[1], "Verwijderen").click()
    assert "Weet je zeker" in tekst(een(leden, "wk-leden-bevestig"))
    knop(leden, "Ja, uit het dossier halen").click()
    assert "is geen lid meer van dit dossier" in melding(leden)
    assert [lid.gebruiker for lid in store.als(anna).leden(dossier.id)] == ["anna"]
    assert dossier.id not in {d.id for d in store.als(team["bram"]).dossiers()}
    # the history names who did it
    regels = [w.regel for w in store.als(anna).geschiedenis(dossier.id) if w.onderdeel == "Leden"]
    assert any("toegevoegd als lezer" in r for r in regels) and any("geen lid meer" in r for r in regels)


def test_een_onbekende_inlognaam_geeft_de_melding_van_de_store_en_verandert_niets(team):
    store, anna, dossier = team["store"], team["anna"], team["dossier"]
    leden = leden_als(store, anna, dossier.id)
    veld(leden, "Inlognaam van het nieuwe lid").value = "onbekend@elders.nl"
    knop(leden, "Lid toevoegen").click()
    assert "Niet gelukt" in melding(leden) and "onbekend@elders.nl" in melding(leden)
    assert [lid.gebruiker for lid in store.als(anna).leden(dossier.id)] == ["anna"]
    knop(leden, "Lid toevoegen").click()  # empty
    assert "Niet gelukt" in melding(leden)


def test_de_laatste_eigenaar_kan_niet_weg_ook_niet_door_de_rol_te_verlagen(team):
    store, anna, dossier = team["store"], team["anna"], team["dossier"]
    leden = leden_als(store, anna, dossier.id)
    knop(leden, "Dit dossier verlaten").click()
    knop(leden, "Ja, verlaat het dossier").click()
    assert "minstens één eigenaar" in melding(leden)
    assert store.als(anna).rol(dossier.id) == "eigenaar"

    kies(veld(leden, "Rol van Anna de Vries"), "Lezer")
    assert "minstens één eigenaar" in melding(leden)
    assert veld(leden, "Rol van Anna de Vries").label == "Eigenaar"  # shows what is really stored
    assert store.als(anna).rol(dossier.id) == "eigenaar"


def test_een_bewerker_ziet_de_leden_maar_beheert_ze_niet_en_kan_zelf_vertrekken(team):
    store, anna, cora, dossier = team["store"], team["anna"], team["cora"], team["dossier"]
    store.als(anna).zet_lid(dossier.id, cora.naam, "bewerker")
    leden = leden_als(store, cora, dossier.id)
    assert "Jouw rol in dit dossier: Bewerker" in tekst(leden)
    lijst = tekst(een(leden, "wk-leden-lijst"))
    assert "Anna de Vries" in lijst and "Eigenaar" in lijst and "Cora Jansen (jij)" in lijst
    assert not knoppen(leden, "Lid toevoegen") and not velden(leden, "Rol van")
    assert not knoppen(leden, "Verwijderen")

    knop(leden, "Dit dossier verlaten").click()
    knop(leden, "Nee, laat maar").click()
    assert store.als(cora).rol(dossier.id) == "bewerker"
    knop(leden, "Dit dossier verlaten").click()
    knop(leden, "Ja, verlaat het dossier").click()
    assert "Je bent geen lid meer van 'Teamwijk'" in melding(leden)
    assert leden.context.dossier_id is None  # cora has no other dossier
    assert store.als(cora).dossiers() == []
    assert [lid.gebruiker for lid in store.als(anna).leden(dossier.id)] == ["anna"]


def test_geen_toegang_leest_hetzelfde_als_een_onbekend_dossier(team):
    store, bram, dossier = team["store"], team["bram"], team["dossier"]
    vreemd = tekst(leden_als(store, bram, dossier.id))
    onbekend = tekst(leden_als(store, bram, "abcdefabcdef"))
    assert "bestaat niet of je hebt er geen toegang toe" in vreemd
    assert vreemd == onbekend
    assert "Teamwijk" not in vreemd and "Anna" not in vreemd


def test_zonder_dossier_vraagt_de_pagina_eerst_een_dossier_te_kiezen(team):
    leden = leden_als(team["store"], team["anna"], None)
    assert "dossier" in tekst(leden).lower() and not knoppen(leden, "Lid toevoegen")


def test_wie_is_verwijderd_terwijl_de_pagina_openstaat_kan_niets_meer_opslaan(team):
    store, anna, cora, dossier = team["store"], team["anna"], team["cora"], team["dossier"]
    store.als(anna).zet_lid(dossier.id, cora.naam, "bewerker")
    oefening = Werkboek(WerkboekContext(store.als(cora), inhoud(), dossier_id=dossier.id), "x").kaart(
        "f1-juiste-partijen").oefening
    veld(oefening, "Naam", exact=True).value = "Te laat"
    beheer = leden_als(store, anna, dossier.id)
    knop(een(beheer, "wk-leden-lijst").children[1], "Verwijderen").click()  # cora, after anna (eigenaars first)
    knop(beheer, "Ja, uit het dossier halen").click()
    assert "geen lid meer" in melding(beheer)
    knop(oefening, "Partij toevoegen").click()
    assert "geen toegang" in melding(oefening)
    assert store.als(anna).partijen(dossier.id) == []
