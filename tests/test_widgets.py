"""Widgets without a browser: set values and click like a user, then check the dossier and a
fresh widget (the page after a reload) show the same."""

from __future__ import annotations

import html
import re

import pytest

from wijkkompas_widgets.werkboek import open_werkboek


def zichtbaar(html_tekst: str) -> str:
    """The text a user reads in an HTML widget (tags removed, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", "", html_tekst))


@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Testwijk", "Noord", "Delft")


def werkboek(store_url, dossier_id=None, **query):
    if dossier_id:
        query["dossier"] = dossier_id
    return open_werkboek("01_samen_starten.ipynb", store_url=store_url, query=query)


def vul_partij_in(oefening, naam, soort="overig", organisatie="", rol="", sporen=None):
    oefening._naam.value = naam
    oefening._type.value = soort
    oefening._organisatie.value = organisatie
    oefening._contactrol.value = rol
    if sporen is not None:
        for letter, vakje in oefening._sporen.items():
            vakje.value = letter in sporen
    oefening._opslaan.click()


def partijnamen_in_lijst(oefening) -> str:
    return " ".join(rij.children[0].value for rij in oefening._lijst.children)


def test_partij_toevoegen_komt_in_dossier_en_na_herladen_terug(store_url, lege_store, dossier):
    oefening = werkboek(store_url, dossier.id).kaart("f1-juiste-partijen").oefening
    vul_partij_in(oefening, "Woonstichting Oost", "woningcorporatie", "Woonstichting", "projectleider")
    assert "Partij 'Woonstichting Oost' toegevoegd" in zichtbaar(oefening._melding.value)
    assert oefening._naam.value == ""  # form is empty for the next party
    opgeslagen = lege_store.partijen(dossier.id)
    assert [(p.naam, p.type, p.sporen) for p in opgeslagen] == [("Woonstichting Oost", "woningcorporatie", ("B",))]

    opnieuw = werkboek(store_url, dossier.id).kaart("f1-juiste-partijen").oefening
    assert "Woonstichting Oost" in partijnamen_in_lijst(opnieuw)
    assert "Nog niet vertegenwoordigd: spoor A, C, D, E, F" in opnieuw._dekking.value


def test_soort_partij_vinkt_de_gebruikelijke_sporen_aan(store_url, dossier):
    oefening = werkboek(store_url, dossier.id).kaart("f1-juiste-partijen").oefening
    oefening._type.value = "netbeheerder"
    assert [letter for letter, vakje in oefening._sporen.items() if vakje.value] == ["F"]
    assert "Meestal: F" in oefening._type_hint.value


def test_lege_en_dubbele_naam_geven_melding_en_veranderen_niets(store_url, lege_store, dossier):
    oefening = werkboek(store_url, dossier.id).kaart("f1-juiste-partijen").oefening
    vul_partij_in(oefening, "   ")
    assert "Niet gelukt: De naam van de partij is verplicht." in zichtbaar(oefening._melding.value)
    vul_partij_in(oefening, "Gemeente Delft", "gemeente")
    vul_partij_in(oefening, "gemeente delft", "gemeente")
    assert "Er staat al een partij met de naam" in zichtbaar(oefening._melding.value)
    assert oefening._naam.value == "gemeente delft"  # what the user typed is kept to correct it
    assert len(lege_store.partijen(dossier.id)) == 1


def test_te_lange_naam_wordt_geweigerd(store_url, lege_store, dossier):
    oefening = werkboek(store_url, dossier.id).kaart("f1-juiste-partijen").oefening
    vul_partij_in(oefening, "x" * 500)
    assert "te lang (500 tekens)" in zichtbaar(oefening._melding.value)
    assert lege_store.partijen(dossier.id) == []


def test_html_in_naam_wordt_als_tekst_getoond(store_url, dossier):
    oefening = werkboek(store_url, dossier.id).kaart("f1-juiste-partijen").oefening
    vul_partij_in(oefening, "<img src=x onerror=alert(1)>")
    html = partijnamen_in_lijst(oefening) + oefening._melding.value + oefening._dekking.value
    assert "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_partij_bewerken_en_verwijderen_met_bevestiging(store_url, lege_store, dossier):
    oefening = werkboek(store_url, dossier.id).kaart("f1-juiste-partijen").oefening
    vul_partij_in(oefening, "Energiecoöperatie", "energiecooperatie")
    rij = oefening._lijst.children[0]
    rij.children[1].click()  # Bewerken
    assert oefening._opslaan.description == "Wijzigingen opslaan"
    assert oefening._naam.value == "Energiecoöperatie"
    oefening._naam.value = "Energiecoöperatie Zon op Noord"
    oefening._sporen["D"].value = True
    oefening._opslaan.click()
    partij = lege_store.partijen(dossier.id)[0]
    assert partij.naam == "Energiecoöperatie Zon op Noord" and "D" in partij.sporen
    assert oefening._opslaan.description == "Partij toevoegen"

    rij = oefening._lijst.children[0]
    rij.children[2].click()  # Verwijderen: asks first
    assert "Weet je zeker" in rij.children[1].value
    assert len(lege_store.partijen(dossier.id)) == 1
    rij.children[2].click()  # Ja, verwijderen
    assert lege_store.partijen(dossier.id) == []
    assert "Nog geen partijen" in oefening._lijst.children[0].value


def test_bewerking_die_door_een_ander_is_ingehaald_wordt_niet_opgeslagen(store_url, lege_store, dossier):
    from wijkkompas_widgets.dossier import PartijInvoer

    oefening = werkboek(store_url, dossier.id).kaart("f1-juiste-partijen").oefening
    vul_partij_in(oefening, "Corporatie", "woningcorporatie")
    oefening._lijst.children[0].children[1].click()
    ander = lege_store.partijen(dossier.id)[0]
    lege_store.wijzig_partij(dossier.id, ander.id, PartijInvoer("Corporatie (door collega)", "woningcorporatie"),
                             ander.versie)
    oefening._naam.value = "Corporatie (door mij)"
    oefening._opslaan.click()
    assert "Iemand anders heeft deze partij intussen gewijzigd" in zichtbaar(oefening._melding.value)
    assert lege_store.partijen(dossier.id)[0].naam == "Corporatie (door collega)"


def test_plaatsen_op_het_raster_wordt_bewaard_en_getekend(store_url, lege_store, dossier):
    wb = werkboek(store_url, dossier.id)
    partijen = wb.kaart("f1-juiste-partijen").oefening
    raster = wb.kaart("f1-invloed-en-belang").oefening.children[0]
    vul_partij_in(partijen, "Netbeheerder", "netbeheerder")
    # the grid exercise on the same page picked up the new party
    rij = raster._rijen.children[0]
    assert "Netbeheerder" in rij.children[0].value and "nog niet geplaatst" in rij.children[4].value
    invloed, belang = rij.children[1], rij.children[2]
    invloed.value = 9
    belang.value = 3
    assert raster._rijen.children[0] is rij  # updated in place: a keyboard user keeps the focus
    partij = lege_store.partijen(dossier.id)[0]
    assert (partij.invloed, partij.belang) == (9, 3)
    assert "Tevreden stellen" in raster._tabel.value
    assert "Netbeheerder: invloed 9, belang 3 (tevreden stellen)" in raster._grafiek.value  # alt text
    assert raster._grafiek.value.startswith('<img src="data:image/png;base64,')

    opnieuw = werkboek(store_url, dossier.id).kaart("f1-invloed-en-belang").oefening.children[0]
    rij = opnieuw._rijen.children[0]
    assert (rij.children[1].value, rij.children[2].value) == (9, 3)
    assert "Tevreden stellen" in rij.children[4].value


def test_plaatsen_knop_plaatst_een_partij_op_de_getoonde_waarden(store_url, lege_store, dossier):
    wb = werkboek(store_url, dossier.id)
    vul_partij_in(wb.kaart("f1-juiste-partijen").oefening, "Bewoners", "bewonersinitiatief")
    raster = wb.kaart("f1-invloed-en-belang").oefening.children[0]
    raster._rijen.children[0].children[3].click()
    assert lege_store.partijen(dossier.id)[0].geplaatst


def test_status_van_knooppunt_wordt_bewaard(store_url, lege_store, dossier):
    kaart = werkboek(store_url, dossier.id).kaart("f1-regierol")
    assert "bestuurlijk gevoelig" in kaart._kop.value
    kaart._status.value = "afgerond"
    assert "Status opgeslagen: afgerond" in zichtbaar(kaart._melding.value)
    assert lege_store.statussen(dossier.id)["f1-regierol"] == "afgerond"
    assert werkboek(store_url, dossier.id).kaart("f1-regierol")._status.value == "afgerond"


def test_kaart_toont_sporen_doel_aanpak_tips_en_raakvlakken(store_url, dossier):
    kaart = werkboek(store_url, dossier.id).kaart("f1-samenwerking-formaliseren")
    kop = kaart._kop.value
    assert "Samenwerking formaliseren" in kop and "Spoor A · Bewoners doen mee" in kop
    delen = re.findall(r"<details[^>]*><summary>(\w+)</summary>(.*?)</details>", kop, re.S)
    assert [titel for titel, _ in delen] == ["Doel", "Aanpak", "Tips"]
    assert all(zichtbaar(inhoud_).strip() for _, inhoud_ in delen)
    assert "<details class='wk-uitleg-doel' open>" in kop  # doel open, aanpak and tips folded
    assert "Raakvlakken" in kop


def test_nieuw_dossier_aanmaken_opent_het_op_de_hele_pagina(store_url, lege_store, dossier):
    wb = werkboek(store_url, dossier.id)
    kop, partijen, kaart = wb.kop(), wb.kaart("f1-juiste-partijen"), wb.kaart("f1-regierol")
    kaart._status.value = "gestart"
    vul_partij_in(partijen.oefening, "Alleen in het eerste dossier")
    kop._nieuw_knop.click()
    kop._naam.value = "Wijkaanpak Zuid"
    kop._wijk.value = "Zuid"
    kop._gemeente.value = "Delft"
    kop._aanmaken.click()
    nieuw = lege_store.dossiers()[0]
    assert nieuw.naam == "Wijkaanpak Zuid" and wb.context.dossier_id == nieuw.id
    assert "Wijkaanpak Zuid" in kop._titel.value and "aangemaakt en geopend" in zichtbaar(kop._melding.value)
    assert "Nog geen partijen" in partijen.oefening._lijst.children[0].value
    assert kaart._status.value == "niet-gestart"
    assert f"?dossier={nieuw.id}" in kop._link.value


def test_dossier_zonder_naam_wordt_niet_aangemaakt(store_url, lege_store, dossier):
    kop = werkboek(store_url, dossier.id).kop()
    kop._nieuw_knop.click()
    kop._aanmaken.click()
    assert "De naam van het dossier is verplicht" in zichtbaar(kop._melding.value)
    assert [d.naam for d in lege_store.dossiers() if not d.is_voorbeeld] == ["Testwijk"]


def test_ander_dossier_kiezen_wisselt_alle_oefeningen(store_url, lege_store, dossier):
    from wijkkompas_widgets.dossier import PartijInvoer

    tweede = lege_store.maak_dossier("Tweede")
    lege_store.voeg_partij_toe(tweede.id, PartijInvoer("Partij van tweede", "overig"))
    wb = werkboek(store_url, dossier.id)
    kop, partijen = wb.kop(), wb.kaart("f1-juiste-partijen").oefening
    kop._kiezer.value = tweede.id
    assert "Partij van tweede" in partijnamen_in_lijst(partijen)
    assert "Dossier 'Tweede' geopend" in zichtbaar(kop._melding.value)


def test_onbekend_dossier_in_de_url_geeft_melding_en_geen_oefening(store_url, dossier):
    wb = werkboek(store_url, "ffffffffffff")
    kop = wb.kop()
    assert "Dossier ffffffffffff bestaat niet (meer)" in zichtbaar(kop._melding.value)
    oefening = wb.kaart("f1-juiste-partijen").oefening
    assert "Er is geen dossier geopend" in oefening.children[0].value
    assert wb.kaart("f1-regierol")._status.disabled


def test_script_in_de_url_wordt_niet_uitgevoerd(store_url, dossier):
    kop = werkboek(store_url, "<script>alert(1)</script>").kop()
    assert "<script>" not in zichtbaar(kop._melding.value)
    assert "bestaat niet" in zichtbaar(kop._melding.value)


def test_zonder_dossier_in_de_url_opent_het_laatst_gebruikte(store_url, lege_store, dossier):
    werkboek(store_url)  # the first page on a fresh store also places the example dossier
    later = lege_store.maak_dossier("Later")
    assert werkboek(store_url).context.dossier_id == later.id


def test_beschadigde_opslag_geeft_melding_op_de_pagina(tmp_path):
    pad = tmp_path / "kapot.sqlite"
    pad.write_bytes(b"geen database" * 100)
    wb = open_werkboek("00_welkom.ipynb", store_url=f"sqlite:///{pad}", query={})
    kop = wb.kop()
    assert "beschadigd" in zichtbaar(kop._melding.value) and "Traceback" not in zichtbaar(kop._melding.value)
    assert kop._kiezer.disabled
    assert "Er is geen dossier geopend" in wb.voortgang()._samenvatting.value
    assert wb.kaart("f1-regierol")._status.disabled


def test_onverwachte_fout_in_een_knop_toont_nederlandse_melding(store_url, dossier, monkeypatch):
    wb = werkboek(store_url, dossier.id)
    oefening = wb.kaart("f1-juiste-partijen").oefening

    def kapot(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(wb.context.store, "voeg_partij_toe", kapot)
    vul_partij_in(oefening, "Partij")
    assert "Er ging iets mis en er is niets opgeslagen" in zichtbaar(oefening._melding.value)
    assert "disk on fire" not in zichtbaar(oefening._melding.value)


def test_welkomstpagina_toont_voortgang_en_links_met_dossier(store_url, lege_store, dossier):
    lege_store.zet_status(dossier.id, "f1-regierol", "afgerond")
    wb = open_werkboek("00_welkom.ipynb", store_url=store_url, query={"dossier": dossier.id})
    voortgang = wb.voortgang()
    assert "van de 31 knooppunten is afgerond of herzien" in voortgang._samenvatting.value
    assert f"01_samen_starten.ipynb?dossier={dossier.id}" in voortgang._fasen.value
    assert "Regierol van de gemeente bepalen — <i>afgerond</i>" in voortgang._fasen.value
    assert "Voortgang per fase: 1 Samen starten:" in voortgang._grafiek.value


def test_navigatie_tussen_fasen_houdt_het_dossier_vast(store_url, dossier):
    wb = open_werkboek("02_karakteriseren.ipynb", store_url=store_url, query={"dossier": dossier.id})
    navigatie = wb.navigatie(2)
    assert f"01_samen_starten.ipynb?dossier={dossier.id}" in navigatie.value
    assert f"03_strategieen.ipynb?dossier={dossier.id}" in navigatie.value
    assert f"00_welkom.ipynb?dossier={dossier.id}" in navigatie.value


def test_dossiergegevens_wijzigen_vanuit_de_kop(store_url, lege_store, dossier):
    kop = werkboek(store_url, dossier.id).kop()
    kop._wijzig_knop.click()
    assert kop._naam.value == "Testwijk" and kop._aanmaken.description == "Wijzigingen opslaan"
    kop._naam.value = "Wijkaanpak Noord-Oost"
    kop._aanmaken.click()
    assert lege_store.dossier(dossier.id).naam == "Wijkaanpak Noord-Oost"
    assert "Wijkaanpak Noord-Oost" in zichtbaar(kop._titel.value)
    assert len([d for d in lege_store.dossiers() if not d.is_voorbeeld]) == 1  # renamed, not a new one


def test_dossier_verwijderen_vraagt_eerst_en_opent_dan_een_ander(store_url, lege_store, dossier):
    wb = werkboek(store_url, dossier.id)
    kop, partijen = wb.kop(), wb.kaart("f1-juiste-partijen").oefening
    kop._verwijder_knop.click()
    assert "Weet je zeker dat je Testwijk wilt verwijderen?" in zichtbaar(kop._bevestig.children[0].value)
    kop._bevestig.children[2].click()  # Nee
    assert lege_store.dossier(dossier.id)
    kop._verwijder_knop.click()
    kop._bevestig.children[1].click()  # Ja
    assert "Dossier 'Testwijk' is verwijderd." in zichtbaar(kop._melding.value)
    assert all(d.id != dossier.id for d in lege_store.dossiers())
    assert wb.context.dossier_id == lege_store.dossiers()[0].id  # the example is opened instead
    assert "Voorbeeld" in zichtbaar(kop._titel.value)
    assert "(fictief)" in partijnamen_in_lijst(partijen)  # the exercise followed to the example dossier


def test_alleen_de_eerste_oefening_staat_meteen_open_de_rest_na_een_klik(store_url, dossier):
    """A phase page with eight exercises opens quickly: later exercises are built on request."""
    wb = werkboek(store_url, dossier.id)
    eerste, tweede = wb.kaart("f1-juiste-partijen"), wb.kaart("f1-regierol")
    assert eerste.children[-1] is eerste.oefening  # open at once
    knop = tweede.children[-1]
    assert knop.description == "Open de oefening" and tweede._oefening is None
    knop.click()
    assert tweede._oefening is not None and tweede.children[-1] is tweede._oefening
    assert knop not in tweede.children
