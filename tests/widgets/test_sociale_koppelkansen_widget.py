"""'Sociale koppelkansen & gemeentelijke domeinen' without a browser: a domain is saved with its button, a
koppelkans is added and removed, colleagues' additions merge, and a fresh page shows it all."""

from __future__ import annotations

from hulp import een, kies, knop, knoppen, melding, tekst, veld, velden, zichtbaar

from wijkkompas_widgets.dossier import formulieren
from wijkkompas_widgets.werkboek import open_werkboek

SLEUTEL = formulieren.SOCIALE_KOPPELKANSEN


def oefening(store_url, dossier_id):
    werkboek = open_werkboek("x", store_url=store_url, query={"dossier": dossier_id})
    return werkboek.kaart("f2-sociale-koppelkansen").oefening


def overzicht(o) -> str:
    return een(o, "wk-domeinen-overzicht").value


def voeg_kans_toe(o, titel: str, domein: str, opgaven: tuple[str, ...]) -> None:
    veld(o, "Naam van de koppelkans").value = titel
    kans_domein(o).value = domein
    veld(o, "Draagt bij aan (Ctrl-klik)").value = opgaven
    knop(o, "Koppelkans toevoegen").click()


def domein(o):
    return een(o, "wk-domein-keuze")


def kans_domein(o):
    """The domain of a new koppelkans: the 'Domein' field that is not the domain picker at the top."""
    kandidaten = [v for v in velden(o, "Domein", exact=True) if v is not domein(o)]
    assert len(kandidaten) == 1
    return kandidaten[0]


def test_domein_en_koppelkansen_bewaren_en_verwijderen(store_url, lege_store):
    dossier = lege_store.maak_dossier("Sociaal")
    o = oefening(store_url, dossier.id)
    domein(o).value = "gezondheid"
    knop(o, "Domein opslaan").click()
    assert "Vul in wat er al loopt" in melding(o)
    assert lege_store.formulier(dossier.id, SLEUTEL) == ({}, 0)

    veld(o, "Wat loopt er al in de wijk?").value = "GGD-programma <Gezond> in de wijk"
    knop(o, "Domein opslaan").click()
    assert "is opgeslagen" in melding(o)
    assert "<Gezond>" not in overzicht(o) and "&lt;Gezond&gt;" in overzicht(o)
    assert domein(o).label.startswith("✔")
    assert lege_store.formulier(dossier.id, SLEUTEL)[0]["domeinen"]["gezondheid"]["programma"] == \
        "GGD-programma <Gezond> in de wijk"

    voeg_kans_toe(o, "Hitteplan met vergroening", "gezondheid", ("klimaatadaptatie",))
    assert "Koppelkans 'Hitteplan met vergroening' is toegevoegd" in melding(o)
    assert veld(o, "Naam van de koppelkans").value == ""  # ready for the next one
    voeg_kans_toe(o, "hitteplan met vergroening", "gezondheid", ("klimaatadaptatie",))
    assert "al een koppelkans" in melding(o)

    collega = oefening(store_url, dossier.id)
    voeg_kans_toe(collega, "Leerwerkplekken", "werk-en-inkomen", ("energietransitie",))

    kies(een(o, "wk-koppelkans-kies"), "Hitteplan met vergroening")
    knop(o, "Verwijderen…").click()
    assert knop(o, "Ja, verwijder 'Hitteplan met vergroening'")
    knop(o, "Ja, verwijder").click()  # removing mine keeps the colleague's addition
    assert "Koppelkans 'Hitteplan met vergroening' is verwijderd" in melding(o)
    opnieuw = oefening(store_url, dossier.id)
    lijst = zichtbaar(een(opnieuw, "wk-koppelkansen-lijst").value)
    assert "Leerwerkplekken" in lijst and "Hitteplan" not in lijst
    assert "GGD-programma" in zichtbaar(overzicht(opnieuw))


def test_verwijderen_zonder_keuze_en_annuleren(store_url, lege_store):
    dossier = lege_store.maak_dossier("Leeg")
    o = oefening(store_url, dossier.id)
    knop(o, "Verwijderen…").click()
    assert "Kies eerst de koppelkans" in melding(o)
    voeg_kans_toe(o, "Energiecoach", "armoede-en-schulden", ("sociaaleconomisch",))
    kies(een(o, "wk-koppelkans-kies"), "Energiecoach")
    knop(o, "Verwijderen…").click()
    knop(o, "Annuleren").click()
    assert not knoppen(o, "Ja, verwijder")
    assert "Energiecoach" in zichtbaar(een(o, "wk-koppelkansen-lijst").value)


def test_domein_toont_de_cijfers_uit_het_wijkprofiel(store_url, store):
    voorbeeld = next(d for d in store.dossiers() if d.is_voorbeeld)
    o = oefening(store_url, voorbeeld.id)
    domein(o).value = "wonen"
    uitleg = tekst(een(o, "wk-domein-uitleg-vak"))
    assert "Uit het wijkprofiel van Wijk 07 Groenoord en Kethel" in uitleg
