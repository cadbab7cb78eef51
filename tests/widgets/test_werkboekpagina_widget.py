"""A phase page as a user meets it, without a browser: the dossier header (open, make, rename, delete a dossier),
the knooppunt cards with their status, the welcome page's progress and the links between phases. Controls are
found by label and stable ``wk-…`` class only; a fresh page is the page after a reload."""

from __future__ import annotations

import re

import pytest
from hulp import alt_teksten, een, kies, knop, knoppen, melding, met_klasse, opmaak, tekst, veld, zichtbaar

from wijkkompas_widgets.dossier import PartijInvoer
from wijkkompas_widgets.werkboek import open_werkboek


@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Testwijk", "Noord", "Delft")


def werkboek(store_url, dossier_id=None, **query):
    if dossier_id:
        query["dossier"] = dossier_id
    return open_werkboek("01_samen_starten.ipynb", store_url=store_url, query=query)


def status(kaart):
    return veld(kaart, "Status van dit knooppunt")


def partijenlijst(wb) -> str:
    return tekst(een(wb.kaart("f1-juiste-partijen").oefening, "wk-partijenlijst"))


def test_status_van_knooppunt_wordt_bewaard(store_url, lege_store, dossier):
    kaart = werkboek(store_url, dossier.id).kaart("f1-regierol")
    assert "bestuurlijk gevoelig" in tekst(kaart)
    kies(status(kaart), "Afgerond")
    assert melding(kaart) == "✔ Status opgeslagen: afgerond."
    assert lege_store.statussen(dossier.id)["f1-regierol"] == "afgerond"
    assert status(werkboek(store_url, dossier.id).kaart("f1-regierol")).label == "Afgerond"


def test_kaart_toont_sporen_doel_aanpak_tips_en_raakvlakken(store_url, dossier):
    kaart = werkboek(store_url, dossier.id).kaart("f1-samenwerking-formaliseren")
    assert "Samenwerking formaliseren" in tekst(kaart) and "Spoor A · Bewoners doen mee" in tekst(kaart)
    delen = re.findall(r"<details[^>]*><summary>(\w+)</summary>(.*?)</details>", opmaak(kaart), re.S)
    assert [titel for titel, _ in delen] == ["Doel", "Aanpak", "Tips"]
    assert all(zichtbaar(inhoud_) for _, inhoud_ in delen)
    assert "<details class='wk-uitleg-doel' open>" in opmaak(kaart)  # doel open, aanpak and tips folded
    assert "Raakvlakken met andere knooppunten" in tekst(kaart)


def test_nieuw_dossier_aanmaken_opent_het_op_de_hele_pagina(store_url, lege_store, dossier):
    wb = werkboek(store_url, dossier.id)
    kop, kaart = wb.kop(), wb.kaart("f1-regierol")
    kies(status(kaart), "Gestart")
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Alleen in het eerste dossier", "overig"))
    knop(kop, "Nieuw dossier…").click()
    veld(kop, "Naam van het dossier").value = "Wijkaanpak Zuid"
    veld(kop, "Wijk", exact=True).value = "Zuid"
    veld(kop, "Gemeente", exact=True).value = "Delft"
    knop(kop, "Dossier aanmaken").click()
    nieuw = lege_store.dossiers()[0]
    assert nieuw.naam == "Wijkaanpak Zuid" and wb.context.dossier_id == nieuw.id
    assert "Wijkdossier: Wijkaanpak Zuid" in tekst(kop)
    assert melding(kop) == "✔ Dossier 'Wijkaanpak Zuid' is aangemaakt en geopend."
    assert "Nog geen partijen" in partijenlijst(wb)
    assert status(kaart).label == "Niet gestart"
    assert f"?dossier={nieuw.id}" in opmaak(kop)


def test_dossier_zonder_naam_wordt_niet_aangemaakt(store_url, lege_store, dossier):
    kop = werkboek(store_url, dossier.id).kop()
    knop(kop, "Nieuw dossier…").click()
    knop(kop, "Dossier aanmaken").click()
    assert "De naam van het dossier is verplicht" in melding(kop)
    assert [d.naam for d in lege_store.dossiers() if not d.is_voorbeeld] == ["Testwijk"]


def test_ander_dossier_kiezen_wisselt_alle_oefeningen(store_url, lege_store, dossier):
    tweede = lege_store.maak_dossier("Tweede")
    lege_store.voeg_partij_toe(tweede.id, PartijInvoer("Partij van tweede", "overig"))
    wb = werkboek(store_url, dossier.id)
    kop = wb.kop()
    kies(veld(kop, "Open dossier"), "Tweede")
    assert "Partij van tweede" in partijenlijst(wb)
    assert melding(kop) == "✔ Dossier 'Tweede' geopend."


def test_onbekend_dossier_in_de_url_geeft_melding_en_geen_oefening(store_url, dossier):
    wb = werkboek(store_url, "ffffffffffff")
    assert "Dossier ffffffffffff bestaat niet (meer)" in melding(wb.kop())
    oefening = wb.kaart("f1-juiste-partijen").oefening
    assert "Er is geen dossier geopend" in tekst(oefening) and not knoppen(oefening, "Partij toevoegen")
    assert status(wb.kaart("f1-regierol")).disabled


def test_script_in_de_url_wordt_niet_uitgevoerd(store_url, dossier):
    kop = werkboek(store_url, "<script>alert(1)</script>").kop()
    assert "<script>" not in opmaak(kop)
    assert "bestaat niet" in melding(kop)


def test_zonder_dossier_in_de_url_opent_het_laatst_gebruikte(store_url, lege_store, dossier):
    werkboek(store_url)  # the first page on a fresh store also places the example dossier
    later = lege_store.maak_dossier("Later")
    assert "Wijkdossier: Later" in tekst(werkboek(store_url).kop())
    assert werkboek(store_url).context.dossier_id == later.id


def test_beschadigde_opslag_geeft_melding_op_de_pagina(tmp_path):
    pad = tmp_path / "kapot.sqlite"
    pad.write_bytes(b"geen database" * 100)
    wb = open_werkboek("00_welkom.ipynb", store_url=f"sqlite:///{pad}", query={})
    kop = wb.kop()
    assert "beschadigd" in melding(kop) and "Traceback" not in melding(kop)
    assert veld(kop, "Open dossier").disabled
    assert "Er is geen dossier geopend" in tekst(wb.voortgang())
    assert status(wb.kaart("f1-regierol")).disabled


def test_welkomstpagina_toont_voortgang_en_links_met_dossier(store_url, lege_store, dossier):
    lege_store.zet_status(dossier.id, "f1-regierol", "afgerond")
    wb = open_werkboek("00_welkom.ipynb", store_url=store_url, query={"dossier": dossier.id})
    voortgang = wb.voortgang()
    assert "van de 31 knooppunten is afgerond of herzien" in tekst(voortgang)
    assert f"01_samen_starten.ipynb?dossier={dossier.id}" in opmaak(voortgang)
    assert "Regierol van de gemeente bepalen — afgerond" in tekst(voortgang)
    [alt] = alt_teksten(voortgang)
    assert alt.startswith("Voortgang per fase: 1 Samen starten:") and "1 afgerond" in alt


def test_navigatie_tussen_fasen_houdt_het_dossier_vast(store_url, dossier):
    wb = open_werkboek("02_karakteriseren.ipynb", store_url=store_url, query={"dossier": dossier.id})
    navigatie = opmaak(wb.navigatie(2))
    assert f"01_samen_starten.ipynb?dossier={dossier.id}" in navigatie
    assert f"03_strategieen.ipynb?dossier={dossier.id}" in navigatie
    assert f"00_welkom.ipynb?dossier={dossier.id}" in navigatie


def test_dossiergegevens_wijzigen_vanuit_de_kop(store_url, lege_store, dossier):
    kop = werkboek(store_url, dossier.id).kop()
    knop(kop, "Gegevens wijzigen…").click()
    assert veld(kop, "Naam van het dossier").value == "Testwijk" and knop(kop, "Wijzigingen opslaan")
    veld(kop, "Naam van het dossier").value = "Wijkaanpak Noord-Oost"
    knop(kop, "Wijzigingen opslaan").click()
    assert lege_store.dossier(dossier.id).naam == "Wijkaanpak Noord-Oost"
    assert "Wijkdossier: Wijkaanpak Noord-Oost" in tekst(kop)
    assert melding(kop) == "✔ Gegevens van dossier 'Wijkaanpak Noord-Oost' opgeslagen."
    assert len([d for d in lege_store.dossiers() if not d.is_voorbeeld]) == 1  # renamed, not a new one


def test_dossier_verwijderen_vraagt_eerst_en_opent_dan_een_ander(store_url, lege_store, dossier):
    wb = werkboek(store_url, dossier.id)
    kop = wb.kop()
    knop(kop, "Verwijderen…").click()
    assert "Weet je zeker dat je Testwijk wilt verwijderen?" in tekst(kop)
    knop(kop, "Nee, bewaren").click()
    assert lege_store.dossier(dossier.id) and not knoppen(kop, "Ja, verwijder dit dossier")
    knop(kop, "Verwijderen…").click()
    knop(kop, "Ja, verwijder dit dossier").click()
    assert melding(kop) == "✔ Dossier 'Testwijk' is verwijderd."
    assert all(d.id != dossier.id for d in lege_store.dossiers())
    assert wb.context.dossier_id == lege_store.dossiers()[0].id  # the example is opened instead
    assert "Voorbeeld" in tekst(kop)
    assert "(fictief)" in partijenlijst(wb)  # the exercise followed to the example dossier


def test_alleen_de_eerste_oefening_staat_meteen_open_de_rest_na_een_klik(store_url, dossier):
    """A phase page with eight exercises opens quickly: later exercises are built on request."""
    wb = werkboek(store_url, dossier.id)
    eerste, tweede = wb.kaart("f1-juiste-partijen"), wb.kaart("f1-regierol")
    assert met_klasse(eerste, "wk-oefening-partijen") and not knoppen(eerste, "Open de oefening")  # open at once
    assert not met_klasse(tweede, "wk-oefening-regierol")
    knop(tweede, "Open de oefening").click()
    assert met_klasse(tweede, "wk-oefening-regierol") and not knoppen(tweede, "Open de oefening")
    assert "Gekozen regierol" in tekst(tweede)
