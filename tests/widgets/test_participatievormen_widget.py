"""'Passende participatievormen' without a browser: fill the matrix per doelgroep and onderwerp, add, rename and
remove doelgroepen and onderwerpen, and see refusals, a colleague's version and a removed party, as a user does."""

from __future__ import annotations

import html

import pytest
from hulp import een, keuzes, kies, knop, met_klasse, tekst, veld, zichtbaar

from wijkkompas_widgets import teksten
from wijkkompas_widgets.analysis.participatie import VERWIJDERDE_PARTIJ, Cel, standaard_vormen, vormen_als_dict, zet_cel
from wijkkompas_widgets.content import inhoud as laad_inhoud
from wijkkompas_widgets.dossier import PartijInvoer, formulieren
from wijkkompas_widgets.dossier.store import DossierStore
from wijkkompas_widgets.widgets.context import WerkboekContext
from wijkkompas_widgets.widgets.participatievormen import ParticipatievormenOefening

INHOUD = laad_inhoud()
VIJANDIG = "<script>alert(1)</script>"


def oefening_van(store_url, dossier_id) -> ParticipatievormenOefening:
    return ParticipatievormenOefening(WerkboekContext(DossierStore(store_url, voorbeeld=False), INHOUD,
                                                      dossier_id=dossier_id))


def invoer(oefening, onderwerp: str, label: str):
    """'Invloed', 'Vormen' or 'Online of fysiek' of one onderwerp, for the chosen doelgroep."""
    return veld(oefening, label, exact=True, klasse=f"wk-participatievormen-cel-{onderwerp}")


def melding_bij(oefening, deel: str) -> str:
    return zichtbaar(een(oefening, f"wk-participatievormen-melding-{deel}").value)


def kies_doelgroep(oefening, naam: str) -> None:
    kies(veld(oefening, "Doelgroep", exact=True), naam)


def opgeslagen(store, dossier_id) -> dict:
    return store.formulier(dossier_id, formulieren.PARTICIPATIEVORMEN)[0]


@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Testwijk", "Noord", "Delft")


def test_matrix_invullen_wordt_bewaard_en_komt_terug(store_url, lege_store, dossier):
    raad = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Bewonersraad", "overig"))
    oefening = oefening_van(store_url, dossier.id)
    assert lege_store.formulier(dossier.id, formulieren.PARTICIPATIEVORMEN) == ({}, 0)  # showing saves nothing
    assert veld(oefening, "Doelgroep", exact=True).label == "Huurders van de corporatie"
    kies(invoer(oefening, "warmteoplossing", "Invloed"), "5 · Meebeslissen")
    assert melding_bij(oefening, "keuzes") == "✔ Opgeslagen."
    invoer(oefening, "warmteoplossing", "Vormen").value = ("bewonerspanel", "website")
    kies(invoer(oefening, "warmteoplossing", "Online of fysiek"), "Online én fysiek")
    veld(oefening, "Wie zitten erin?").value = ("koplopers", "late-volgers")
    kies(veld(oefening, "Spreekt namens hen"), "Bewonersraad")
    kies_doelgroep(oefening, "VvE's")
    kies(invoer(oefening, "planning", "Invloed"), "2 · Raadplegen")
    gegevens, versie = lege_store.formulier(dossier.id, formulieren.PARTICIPATIEVORMEN)
    assert versie == 6
    huurders = gegevens["doelgroepen"][0]
    assert huurders["partij_id"] == raad.id and huurders["segmenten"] == ["koplopers", "late-volgers"]
    assert huurders["cellen"] == [{"onderwerp": "warmteoplossing", "trede": "meebeslissen", "kanaal": "beide",
                                   "vormen": ["website", "bewonerspanel"]}]
    assert gegevens["doelgroepen"][2]["cellen"][0]["trede"] == "raadplegen"
    tabel = zichtbaar(een(oefening, "wk-participatievormen-overzicht").value)
    assert "5 · Meebeslissen" in tabel and "Website of nieuwsbrief, Bewonerspanel via loting" in tabel
    assert "Bewonersraad" in tabel
    assert "alt=\"Raster van doelgroepen" in een(oefening, "wk-participatievormen-figuur").value
    advies = zichtbaar(een(oefening, "wk-participatievormen-adviezen").value)
    assert "VvE's: deze groep bereik je" not in advies
    assert "Particuliere eigenaar-bewoners: nog geen enkele participatievorm gekozen" in advies

    opnieuw = oefening_van(store_url, dossier.id)
    assert veld(opnieuw, "Doelgroep", exact=True).label == "Huurders van de corporatie"
    assert invoer(opnieuw, "warmteoplossing", "Invloed").label == "5 · Meebeslissen"
    assert invoer(opnieuw, "warmteoplossing", "Vormen").value == ("website", "bewonerspanel")
    assert veld(opnieuw, "Spreekt namens hen").label == "Bewonersraad"
    assert veld(opnieuw, "Wie zitten erin?").value == ("koplopers", "late-volgers")
    overzicht = een(oefening, "wk-participatievormen-overzicht").value
    assert een(opnieuw, "wk-participatievormen-overzicht").value == overzicht


def test_doelgroepen_en_onderwerpen_toevoegen_hernoemen_en_verwijderen(store_url, lege_store, dossier):
    oefening = oefening_van(store_url, dossier.id)
    knop(oefening, "Doelgroep toevoegen").click()
    assert "Typ eerst de naam van de nieuwe doelgroep." in melding_bij(oefening, "doelgroep")
    veld(oefening, "Nieuwe doelgroep").value = "Jongeren"
    knop(oefening, "Doelgroep toevoegen").click()
    assert veld(oefening, "Doelgroep", exact=True).label == "Jongeren"
    assert veld(oefening, "Nieuwe doelgroep").value == ""
    assert "Doelgroep 'Jongeren' toegevoegd" in melding_bij(oefening, "doelgroep")
    veld(oefening, "Nieuw onderwerp").value = "Isolatie"
    knop(oefening, "Onderwerp toevoegen").click()
    nieuw = met_klasse(oefening, "wk-participatievormen-cel")[-1]
    assert tekst(nieuw).startswith("Isolatie")
    kies(veld(nieuw, "Invloed", exact=True), "3 · Adviseren")
    kies(veld(oefening, "Onderwerp", exact=True), "Planning en fasering")
    veld(oefening, "Naam van het onderwerp").value = "Planning en volgorde van de straten"
    assert "De nieuwe naam van het onderwerp is opgeslagen." in melding_bij(oefening, "onderwerp")
    assert tekst(een(oefening, "wk-participatievormen-cel-planning")).startswith("Planning en volgorde van de straten")
    nieuw = met_klasse(oefening, "wk-participatievormen-cel")[-1]
    assert veld(nieuw, "Invloed", exact=True).label == "3 · Adviseren"  # the new inputs show the saved choice
    kies_doelgroep(oefening, "VvE's")
    knop(oefening, "Deze doelgroep verwijderen…").click()
    assert "Doelgroep VvE's met al haar keuzes verwijderen?" in tekst(oefening)
    knop(oefening, "Ja, verwijderen").click()
    kies(veld(oefening, "Onderwerp", exact=True), "Woonlasten en financiering")
    knop(oefening, "Dit onderwerp verwijderen…").click()
    knop(oefening, "Ja, verwijderen").click()
    gegevens = opgeslagen(lege_store, dossier.id)
    assert [d["naam"] for d in gegevens["doelgroepen"]] == ["Huurders van de corporatie",
                                                            "Particuliere eigenaar-bewoners",
                                                            "Ondernemers en instellingen", "Jongeren"]
    assert [o["naam"] for o in gegevens["onderwerpen"]] == ["Keuze warmteoplossing",
                                                            "Planning en volgorde van de straten",
                                                            "Inrichting van de openbare ruimte", "Isolatie"]
    assert gegevens["doelgroepen"][3]["cellen"][0]["trede"] == "adviseren"
    assert "Onderwerp 'Woonlasten en financiering' verwijderd." in melding_bij(oefening, "onderwerp")
    assert keuzes(veld(oefening, "Doelgroep", exact=True)) == [d["naam"] for d in gegevens["doelgroepen"]]


def test_foute_naam_wordt_niet_opgeslagen_en_blijft_staan(store_url, lege_store, dossier):
    oefening = oefening_van(store_url, dossier.id)
    kies(invoer(oefening, "warmteoplossing", "Invloed"), "1 · Informeren")
    versie = lege_store.formulier(dossier.id, formulieren.PARTICIPATIEVORMEN)[1]
    veld(oefening, "Naam van de doelgroep").value = "   "
    assert "Niet gelukt: De naam van de doelgroep is verplicht." in melding_bij(oefening, "keuzes")
    veld(oefening, "Naam van de doelgroep").value = "Particuliere eigenaar-bewoners"
    assert "De doelgroep 'Particuliere eigenaar-bewoners' staat er al." in melding_bij(oefening, "keuzes")
    kies(invoer(oefening, "planning", "Invloed"), "2 · Raadplegen")  # the wrong name blocks this change too
    assert lege_store.formulier(dossier.id, formulieren.PARTICIPATIEVORMEN)[1] == versie
    assert veld(oefening, "Naam van de doelgroep").value == "Particuliere eigenaar-bewoners"  # kept, to correct
    veld(oefening, "Naam van de doelgroep").value = "Huurders"
    gegevens = opgeslagen(lege_store, dossier.id)
    assert gegevens["doelgroepen"][0]["naam"] == "Huurders"
    assert [c["trede"] for c in gegevens["doelgroepen"][0]["cellen"]] == ["informeren", "raadplegen"]


def test_matrix_gelijktijdig_gewijzigd_toont_het_nieuwste(store_url, lege_store, dossier):
    eerste, tweede = oefening_van(store_url, dossier.id), oefening_van(store_url, dossier.id)
    kies(invoer(eerste, "warmteoplossing", "Invloed"), "3 · Adviseren")
    kies(invoer(tweede, "warmteoplossing", "Invloed"), "5 · Meebeslissen")
    assert "Iemand anders heeft dit formulier intussen opgeslagen" in melding_bij(tweede, "keuzes")
    assert invoer(tweede, "warmteoplossing", "Invloed").label == "3 · Adviseren"
    assert opgeslagen(lege_store, dossier.id)["doelgroepen"][0]["cellen"][0]["trede"] == "adviseren"
    kies(invoer(tweede, "warmteoplossing", "Invloed"), "5 · Meebeslissen")  # now on the newest version
    assert opgeslagen(lege_store, dossier.id)["doelgroepen"][0]["cellen"][0]["trede"] == "meebeslissen"


def test_verwijderde_partij_breekt_de_matrix_niet(store_url, lege_store, dossier):
    partij = lege_store.voeg_partij_toe(dossier.id, PartijInvoer(f"Wijkraad {VIJANDIG}", "overig"))
    oefening = oefening_van(store_url, dossier.id)
    kies(veld(oefening, "Spreekt namens hen"), f"Wijkraad {VIJANDIG}")
    veld(oefening, "Eén belangengroep spreekt namens de hele wijk").value = True
    kies(veld(oefening, "Welke groep"), f"Wijkraad {VIJANDIG}")
    assert melding_bij(oefening, "stem") == "✔ Opgeslagen."
    advies = een(oefening, "wk-participatievormen-adviezen").value
    assert "<script" not in advies and html.escape(f"Wijkraad {VIJANDIG}") in advies
    assert "<script" not in een(oefening, "wk-participatievormen-overzicht").value
    lege_store.verwijder_partij(dossier.id, partij.id)
    opnieuw = oefening_van(store_url, dossier.id)
    assert veld(opnieuw, "Spreekt namens hen").label == VERWIJDERDE_PARTIJ
    assert f"{VERWIJDERDE_PARTIJ} spreekt namens de hele wijk" in zichtbaar(
        een(opnieuw, "wk-participatievormen-adviezen").value)
    assert VERWIJDERDE_PARTIJ in zichtbaar(een(opnieuw, "wk-participatievormen-overzicht").value)
    kies(invoer(opnieuw, "warmteoplossing", "Invloed"), "1 · Informeren")  # other changes still save
    gegevens = opgeslagen(lege_store, dossier.id)
    assert gegevens["doelgroepen"][0]["cellen"][0]["trede"] == "informeren"
    assert gegevens["doelgroepen"][0]["partij_id"] == partij.id
    kies(veld(opnieuw, "Spreekt namens hen"), "— niemand in het bijzonder —")
    assert "partij_id" not in opgeslagen(lege_store, dossier.id)["doelgroepen"][0]


def test_een_ander_dossier_kiezen_toont_zijn_eigen_invulling(store_url, lege_store, dossier):
    ander = lege_store.maak_dossier("Andere wijk")
    model = zet_cel(standaard_vormen(), "vve", "planning", Cel("adviseren", ("klankbordgroep",), "fysiek"))
    lege_store.bewaar_formulier(ander.id, formulieren.PARTICIPATIEVORMEN, vormen_als_dict(model), 0)
    oefening = oefening_van(store_url, dossier.id)
    kies(invoer(oefening, "warmteoplossing", "Invloed"), "1 · Informeren")
    oefening.context.dossier_id = ander.id
    assert invoer(oefening, "warmteoplossing", "Invloed").value is None  # nothing chosen there
    assert melding_bij(oefening, "keuzes") == ""
    kies_doelgroep(oefening, "VvE's")
    assert invoer(oefening, "planning", "Invloed").label == "3 · Adviseren"
    assert invoer(oefening, "planning", "Online of fysiek").label == "Fysiek"
    assert opgeslagen(lege_store, dossier.id)["doelgroepen"][0]["cellen"][0]["trede"] == "informeren"


def test_een_partij_die_elders_wordt_toegevoegd_staat_meteen_in_de_keuze(store_url, lege_store, dossier):
    oefening = oefening_van(store_url, dossier.id)
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Huurdersvereniging", "overig"))
    oefening.context.gewijzigd()  # another exercise on the page saved
    assert "Huurdersvereniging" in keuzes(veld(oefening, "Spreekt namens hen"))
    assert lege_store.formulier(dossier.id, formulieren.PARTICIPATIEVORMEN) == ({}, 0)


def test_zonder_dossier_een_melding(store_url, dossier):
    oefening = oefening_van(store_url, None)
    assert teksten.GEEN_DOSSIER in tekst(oefening)
    oefening.context.dossier_id = dossier.id
    assert teksten.GEEN_DOSSIER not in tekst(oefening) and len(met_klasse(oefening, "wk-participatievormen-cel")) == 4
