"""'Het beeld toetsen met de wijk' without a browser: statements from the wijkprofiel's notes or typed, the
reactions per statement, how it was tested, and a fresh page that shows it all."""

from __future__ import annotations

from hulp import een, keuzes, kies, knop, knoppen, melding, tekst, veld, zichtbaar

from wijkkompas_widgets.dossier import formulieren
from wijkkompas_widgets.werkboek import open_werkboek

SLEUTEL = formulieren.BEELD_TOETSEN


def oefening(store_url, dossier_id):
    return open_werkboek("x", store_url=store_url, query={"dossier": dossier_id}).kaart("f2-beeld-toetsen").oefening


def overzicht(o) -> str:
    return een(o, "wk-beeld-overzicht").value


def test_beeld_toetsen_van_notities_tot_verwerking(store_url, store):
    voorbeeld = next(d for d in store.dossiers() if d.is_voorbeeld)
    beeld = oefening(store_url, voorbeeld.id)
    kiezer = een(beeld, "wk-beeld-kies")
    aantal_voor = len(keuzes(kiezer))
    knop(beeld, "Neem over uit 'Wat valt op?' (wijkprofiel)").click()  # the example's notes become statements
    assert "4 uitspraak/uitspraken overgenomen uit het wijkprofiel" in melding(beeld)
    assert len(keuzes(kiezer)) == aantal_voor + 4
    knop(beeld, "Neem over uit 'Wat valt op?' (wijkprofiel)").click()
    assert "geen nieuwe regels" in melding(beeld)

    veld(beeld, "Nieuwe uitspraak").value = "Bewoners <b>willen</b> eerst weten wat het kost"
    knop(beeld, "Uitspraak toevoegen").click()
    assert kiezer.label == "Bewoners <b>willen</b> eerst weten wat het kost"  # the new one is chosen
    veld(beeld, "Herkend (aantal mensen)").value = 2
    veld(beeld, "Klopt niet (aantal)").value = 9
    veld(beeld, "Wat missen bewoners?").value = "Zorgen over overlast"
    knop(beeld, "Reacties opslaan").click()
    assert "reacties op deze uitspraak zijn opgeslagen" in melding(beeld)
    assert "&lt;b&gt;willen&lt;/b&gt;" in overzicht(beeld) and "✘ schuurt" in overzicht(beeld)
    assert "nog niet wat jullie ermee doen" in zichtbaar(overzicht(beeld))
    veld(beeld, "Wijkwandeling of fietstocht").value = True
    assert store.formulier(voorbeeld.id, SLEUTEL)[0]["werkvormen"]["wandeling"] is True

    opnieuw = oefening(store_url, voorbeeld.id)
    assert veld(opnieuw, "Wijkwandeling of fietstocht").value is True
    assert "Zorgen over overlast" in zichtbaar(overzicht(opnieuw))
    kies(een(opnieuw, "wk-beeld-kies"), "Bewoners <b>willen</b> eerst weten wat het kost")
    assert veld(opnieuw, "Wat missen bewoners?").value == "Zorgen over overlast"
    knop(opnieuw, "Uitspraak verwijderen…").click()
    knop(opnieuw, "Ja, verwijderen").click()
    assert "De uitspraak is verwijderd" in melding(opnieuw)
    assert "Zorgen over overlast" not in zichtbaar(overzicht(opnieuw))


def test_een_leeg_dossier(store_url, lege_store):
    dossier = lege_store.maak_dossier("Beeld")
    o = oefening(store_url, dossier.id)
    assert "Nog geen uitspraken" in zichtbaar(overzicht(o))
    knop(o, "Reacties opslaan").click()
    assert "Voeg eerst een uitspraak toe" in melding(o)
    knop(o, "Neem over uit 'Wat valt op?' (wijkprofiel)").click()
    assert "geen nieuwe regels" in melding(o)
    assert not knoppen(o, "Ja, verwijderen")
    assert lege_store.formulier(dossier.id, SLEUTEL) == ({}, 0)


def test_zonder_dossier_een_uitnodiging(store_url, lege_store):
    werkboek = open_werkboek("x", store_url=store_url, query={})
    werkboek.context.dossier_id = None
    o = werkboek.kaart("f2-beeld-toetsen").oefening
    assert "geen dossier geopend" in tekst(o)
