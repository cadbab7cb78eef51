"""The wijkprofiel exercise without a browser: choose like a user, check the dossier and a fresh page (the page
after a reload) show the same; bad files change nothing."""

from __future__ import annotations

import html
import re
from datetime import datetime, timezone

import pytest
from hulp import een, getoond, keuzes, kies, knop, melding, tekst, veld, zichtbaar

from wijkkompas_widgets.dossier import formulieren
from wijkkompas_widgets.leesmodel.wijkprofiel import profiel_van_dossier
from wijkkompas_widgets.werkboek import open_werkboek

SLEUTEL = formulieren.WIJKPROFIEL
STATLINE = (
    '"Wijken en buurten";"Regioaanduiding/Codering (code)";"Bevolking/Aantal inwoners (aantal)";'
    '"Energie/Gemiddeld aardgasverbruik/Gemiddeld aardgasverbruik totaal (m³)";'
    '"Wonen/Gemiddelde WOZ-waarde van woningen (x 1 000 euro)"\n'
    '"Kethel";"BU06060701";"5120";"930";"x"\n'
    '"Groenoord";"BU06060702";"9320";"720";"231"\n'
)
NU = datetime(2026, 1, 1, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def snelle_figuren(request, monkeypatch):
    """Charts are built but not rendered to PNG (that is tested once, and in test_wijkprofiel): keeps this fast."""
    if "echte_figuren" in request.fixturenames:
        return
    monkeypatch.setattr("wijkkompas_widgets.widgets.wijkprofiel.figuur_html",
                        lambda _figuur, alt, breedte="100%": f'<img alt="{html.escape(alt)}" src="data:image/png;">')


@pytest.fixture
def echte_figuren():
    """Asked for by a test that needs the real PNG charts."""


@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Groenoord aardgasvrij", "Groenoord", "Schiedam")


def oefening(store_url, dossier_id):
    return open_werkboek("x", store_url=store_url, query={"dossier": dossier_id}).kaart("f2-wijkprofiel").oefening


def gemeente(o):
    return veld(o, "Gemeente", exact=True)


def wijk(o):
    return veld(o, "Wijk", exact=True)


def tabel(o) -> str:
    return een(o, "wk-wijkprofiel-tabel").value


def kop(o) -> str:
    return zichtbaar(een(o, "wk-wijkprofiel-kop").value)


def kaart(o) -> str:
    return een(o, "wk-wijkprofiel-kaart").value


def rij(tabel_html: str, label: str) -> list[str]:
    """The cells of one row of the profile table, as a user reads them."""
    for tr in re.findall(r"<tr>(.*?)</tr>", tabel_html):
        cellen = [zichtbaar(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr)]
        if cellen and cellen[0].startswith(label):
            return cellen[1:]
    raise AssertionError(f"geen rij {label}")


def upload(o, naam: str, inhoud: bytes) -> None:
    een(o, "wk-wijkprofiel-upload").value = ({"name": naam, "type": "text/csv", "size": len(inhoud),
                                              "content": memoryview(inhoud), "last_modified": NU},)


def eigen_keuze(o):
    return een(o, "wk-wijkprofiel-eigen-keuze")


def test_choose_schiedam_groenoord_shows_cbs_figures_and_is_saved(store_url, lege_store, dossier, echte_figuren):
    o = oefening(store_url, dossier.id)
    assert "Kies hierboven een gemeente" in kop(o)
    kies(gemeente(o), "Schiedam")
    assert lege_store.formulier(dossier.id, SLEUTEL)[0]["regiocode"] == "GM0606"  # the whole gemeente at once
    assert "Gemeente Schiedam gekozen en opgeslagen" in melding(o)
    assert keuzes(wijk(o))[0] == "Hele gemeente Schiedam" and wijk(o).label == "Hele gemeente Schiedam"
    kies(wijk(o), "Wijk 07 Groenoord en Kethel")
    assert "Wijkprofiel van Wijk 07 Groenoord en Kethel getoond" in melding(o)
    assert rij(tabel(o), "Inwoners") == ["14.440", "79.644", "17.590.672"]
    assert rij(tabel(o), "Gemiddeld aardgasverbruik") == ["800 m³", "850 m³", "982 m³"]
    assert rij(tabel(o), "Huurwoningen van een woningcorporatie")[0] == "onbekend"
    koppen = zichtbaar(tabel(o))
    assert "Gemeente Schiedam" in koppen and "Nederland (berekend uit alle gemeenten)" in koppen
    assert "Bron: CBS, Kerncijfers wijken en buurten 2022" in koppen
    dna = een(o, "wk-wijkprofiel-dna").value
    assert 'alt="Wijk-DNA van Wijk 07 Groenoord en Kethel' in dna and "data:image/png" in dna
    assert 'alt="Kaart van de wijken van Schiedam; Wijk 07 Groenoord en Kethel is gearceerd' in kaart(o)
    gegevens, versie = lege_store.formulier(dossier.id, SLEUTEL)
    assert gegevens == {"gemeentecode": "GM0606", "regiocode": "WK060607", "notities": "", "eigen_data": None}
    assert versie == 2
    assert profiel_van_dossier(lege_store, dossier.id).regel("aantal_inwoners").wijk == 14_440

    opnieuw = oefening(store_url, dossier.id)
    assert (gemeente(opnieuw).label, wijk(opnieuw).label) == ("Schiedam", "Wijk 07 Groenoord en Kethel")
    assert rij(tabel(opnieuw), "Inwoners") == ["14.440", "79.644", "17.590.672"]
    assert lege_store.formulier(dossier.id, SLEUTEL)[1] == 2  # showing the saved choice saves nothing


def test_notes_are_saved_and_come_back(store_url, lege_store, dossier):
    o = oefening(store_url, dossier.id)
    kies(gemeente(o), "Schiedam")
    veld(o, "Wat valt op?").value = "Veel huur; <b>gas</b> onder het gemiddelde"
    knop(o, "Notities opslaan").click()
    assert "notities zijn opgeslagen" in zichtbaar(een(o, "wk-wijkprofiel-notities-melding").value)
    assert lege_store.formulier(dossier.id, SLEUTEL)[0]["notities"] == "Veel huur; <b>gas</b> onder het gemiddelde"
    kies(wijk(o), "Wijk 01 Oost")  # a later choice keeps the notes
    opnieuw = oefening(store_url, dossier.id)
    assert veld(opnieuw, "Wat valt op?").value == "Veel huur; <b>gas</b> onder het gemiddelde"
    assert wijk(opnieuw).label == "Wijk 01 Oost"


def test_notes_being_typed_survive_a_choice(store_url, lege_store, dossier):
    o = oefening(store_url, dossier.id)
    veld(o, "Wat valt op?").value = "Half getypt"
    kies(gemeente(o), "Schiedam")
    assert veld(o, "Wat valt op?").value == "Half getypt"
    assert lege_store.formulier(dossier.id, SLEUTEL)[0]["notities"] == ""


def test_a_colleagues_newer_notes_are_not_overwritten_and_mine_stay_in_the_box(store_url, lege_store, dossier):
    ik, collega = oefening(store_url, dossier.id), oefening(store_url, dossier.id)
    veld(collega, "Wat valt op?").value = "Van de collega"
    knop(collega, "Notities opslaan").click()
    veld(ik, "Wat valt op?").value = "Van mij"
    knop(ik, "Notities opslaan").click()
    notities_melding = zichtbaar(een(ik, "wk-wijkprofiel-notities-melding").value)
    assert "Iemand anders heeft dit formulier intussen opgeslagen" in notities_melding
    assert "Je eigen notities staan nog in het tekstvak" in notities_melding
    assert veld(ik, "Wat valt op?").value == "Van mij"
    assert lege_store.formulier(dossier.id, SLEUTEL)[0]["notities"] == "Van de collega"
    knop(ik, "Notities opslaan").click()  # now on top of the latest version
    assert lege_store.formulier(dossier.id, SLEUTEL)[0]["notities"] == "Van mij"


def test_gemeente_without_shipped_wijkgrenzen_shows_nl_map_and_basic_figures(store_url, lege_store, dossier):
    o = oefening(store_url, dossier.id)
    kies(gemeente(o), "Groningen")
    kies(wijk(o), "Centrum")
    assert rij(tabel(o), "Inwoners")[0] == "24.920"
    assert rij(tabel(o), "Gemiddeld aardgasverbruik") == ["onbekend", "onbekend", "onbekend"]
    assert "alleen de basiscijfers van 2024" in kop(o)
    assert "De wijkgrenzen van Groningen zitten niet in de meegeleverde gegevens" in zichtbaar(kaart(o))
    assert 'alt="Kaart van Nederland met de gemeenten; Groningen is gearceerd' in kaart(o)


def test_switching_wijk_redraws_only_what_changed(store_url, dossier):
    o = oefening(store_url, dossier.id)
    kies(gemeente(o), "Groningen")
    kies(wijk(o), "Centrum")
    voor = kaart(o)
    kies(wijk(o), "Oud-Zuid")
    assert kaart(o) is voor  # the NL map with Groningen did not change: not redrawn
    kies(gemeente(o), "Schiedam")
    kies(wijk(o), "Wijk 07 Groenoord en Kethel")
    voor = kaart(o)
    o.context.gewijzigd()  # another exercise saved something: nothing here changed
    assert kaart(o) is voor


def test_own_statline_csv_with_several_regions(store_url, lege_store, dossier):
    o = oefening(store_url, dossier.id)
    kies(gemeente(o), "Schiedam")
    kies(wijk(o), "Wijk 07 Groenoord en Kethel")
    upload(o, "buurten-2022.csv", STATLINE.encode("utf-8"))
    assert "bevat 2 regio's" in melding(o)
    assert een(o, "wk-wijkprofiel-upload").value == ()  # memory freed
    assert lege_store.formulier(dossier.id, SLEUTEL)[0]["eigen_data"] is None  # nothing chosen yet
    assert getoond(eigen_keuze(o))
    assert keuzes(eigen_keuze(o))[1:] == ["Kethel (BU06060701) – 2022", "Groenoord (BU06060702) – 2022"]
    kies(eigen_keuze(o), "Groenoord (BU06060702) – 2022")
    assert "eigen gegevens: buurten-2022.csv" in kop(o)
    assert rij(tabel(o), "Inwoners") == ["9.320", "79.644", "17.590.672"]
    assert rij(tabel(o), "Gemiddeld aardgasverbruik") == ["720 m³", "850 m³", "982 m³"]
    assert rij(tabel(o), "Koopwoningen")[0] == "onbekend"
    koppen = zichtbaar(tabel(o))
    assert "Groenoord (eigen gegevens)" in koppen and "Gemeente Schiedam (CBS 2022)" in koppen
    assert "de buurt ligt in Wijk 07 Groenoord en Kethel" in kaart(o)
    eigen = lege_store.formulier(dossier.id, SLEUTEL)[0]["eigen_data"]
    assert eigen["bestandsnaam"] == "buurten-2022.csv" and eigen["regiocode"] == "BU06060702"
    assert eigen["waarden"]["gem_aardgas"] == 720
    assert gemeente(o).disabled and wijk(o).disabled

    opnieuw = oefening(store_url, dossier.id)
    assert "eigen gegevens: buurten-2022.csv" in kop(opnieuw)
    assert rij(tabel(opnieuw), "Inwoners")[0] == "9.320"
    knop(opnieuw, "Terug naar de CBS-cijfers van het werkboek").click()
    assert "Je ziet weer de CBS-cijfers" in melding(opnieuw)
    assert rij(tabel(opnieuw), "Inwoners")[0] == "14.440"  # back to the chosen CBS wijk
    assert lege_store.formulier(dossier.id, SLEUTEL)[0]["eigen_data"] is None
    assert not gemeente(opnieuw).disabled
    assert not getoond(een(opnieuw, "wk-wijkprofiel-terug"))


def test_own_file_with_one_region_is_shown_at_once_and_names_are_escaped(store_url, lege_store, dossier):
    o = oefening(store_url, dossier.id)
    upload(o, "<b>mijn</b>.csv", b"Wijken en buurten;Aantal inwoners\n<script>alert(1)</script>;12\n")
    ruw = tabel(o) + een(o, "wk-wijkprofiel-kop").value
    assert "<script>" not in ruw and "&lt;script&gt;" in tabel(o)
    assert "&lt;b&gt;mijn&lt;/b&gt;.csv" in een(o, "wk-wijkprofiel-kop").value
    assert "Eigen gegevens van <script>alert(1)</script> uit '<b>mijn</b>.csv' getoond" in melding(o)
    assert rij(tabel(o), "Inwoners")[0] == "12"
    assert "Geen kaart" in kaart(o)
    assert lege_store.formulier(dossier.id, SLEUTEL)[0]["eigen_data"]["naam"] == "<script>alert(1)</script>"


@pytest.mark.parametrize(("naam", "inhoud", "fout"), [
    ("adressen.csv", b"naam;straat\nPiet;Dorpsstraat\n", "herkent het werkboek geen kolommen"),
    ("kapot.json", b'{"value": [', "beschadigd of onvolledig"),
    ("anders.json", b'{"a": 1}', "niet de vorm van CBS open data"),
    ("leeg.csv", b"", "is leeg"),
    ("foto.csv", b"\x89PNG\r\n\x1a\n\x00\x00", "afbeelding"),
])
def test_bad_files_change_nothing(store_url, lege_store, dossier, naam, inhoud, fout):
    o = oefening(store_url, dossier.id)
    kies(gemeente(o), "Schiedam")
    kies(wijk(o), "Wijk 07 Groenoord en Kethel")
    voor, tabel_voor = lege_store.formulier(dossier.id, SLEUTEL), tabel(o)
    upload(o, naam, inhoud)
    assert "Niet gelukt" in melding(o) and fout in melding(o)
    assert lege_store.formulier(dossier.id, SLEUTEL) == voor
    assert tabel(o) == tabel_voor and een(o, "wk-wijkprofiel-upload").value == ()


def test_too_big_file_is_refused_by_its_size(store_url, lege_store, dossier):
    o = oefening(store_url, dossier.id)
    een(o, "wk-wijkprofiel-upload").value = ({"name": "groot.csv", "type": "text/csv", "size": 60 * 1024 * 1024,
                                              "content": memoryview(b"x"), "last_modified": NU},)
    assert "groter dan 50 MB" in melding(o)
    assert lege_store.formulier(dossier.id, SLEUTEL) == ({}, 0)


def test_wijk_choice_after_a_colleague_changed_the_form_is_refused(store_url, lege_store, dossier):
    o = oefening(store_url, dossier.id)
    kies(gemeente(o), "Schiedam")
    gegevens, versie = lege_store.formulier(dossier.id, SLEUTEL)
    lege_store.bewaar_formulier(dossier.id, SLEUTEL, {**gegevens, "regiocode": "WK060601"}, versie)
    kies(wijk(o), "Wijk 07 Groenoord en Kethel")
    assert "Iemand anders" in melding(o)
    assert lege_store.formulier(dossier.id, SLEUTEL)[0]["regiocode"] == "WK060601"
    assert wijk(o).label == "Wijk 01 Oost"  # the newest choice is shown


def test_broken_saved_form_does_not_break_the_page(store_url, lege_store, dossier):
    lege_store.bewaar_formulier(dossier.id, SLEUTEL, {"gemeentecode": "GM9999", "regiocode": "WK999999",
                                                      "notities": 5, "eigen_data": "raar"}, 0)
    o = oefening(store_url, dossier.id)
    assert "niet in de meegeleverde CBS-gegevens" in melding(o)
    assert gemeente(o).value is None and veld(o, "Wat valt op?").value == ""
    assert profiel_van_dossier(lege_store, dossier.id) is None


def test_no_dossier_and_no_choice(store_url, lege_store):
    werkboek = open_werkboek("x", store_url=store_url, query={})
    werkboek.context.dossier_id = None
    o = werkboek.kaart("f2-wijkprofiel").oefening
    assert "geen dossier geopend" in tekst(o)
    assert not [v for v in (gemeente, wijk) if _heeft(o, v)]
    dossier = lege_store.maak_dossier("Leeg")
    o.context.dossier_id = dossier.id
    assert "Kies hierboven een gemeente" in kop(o)
    assert profiel_van_dossier(lege_store, dossier.id) is None


def _heeft(o, zoek) -> bool:
    try:
        zoek(o)
    except AssertionError:
        return False
    return True


def test_switching_dossier_reloads(store_url, lege_store):
    een_, twee = lege_store.maak_dossier("Een"), lege_store.maak_dossier("Twee")
    o = oefening(store_url, een_.id)
    kies(gemeente(o), "Delft")
    veld(o, "Wat valt op?").value = "Nog niet opgeslagen"
    o.context.dossier_id = twee.id
    assert gemeente(o).value is None and "Kies hierboven een gemeente" in kop(o)
    assert veld(o, "Wat valt op?").value == ""  # the other dossier's half-typed notes do not travel along
    assert lege_store.formulier(twee.id, SLEUTEL) == ({}, 0)  # switching saves nothing
    o.context.dossier_id = een_.id
    assert gemeente(o).label == "Delft"


def test_a_file_with_many_regions_gets_a_search_box(store_url, dossier, monkeypatch):
    monkeypatch.setattr("wijkkompas_widgets.widgets.wijkprofiel.MAX_KEUZES", 1)
    o = oefening(store_url, dossier.id)
    upload(o, "buurten.csv", STATLINE.encode("utf-8"))
    zoek = veld(o, "Zoek in je bestand")
    assert keuzes(eigen_keuze(o)) == ["— 2 regio's; typ om te zoeken —", "Kethel (BU06060701)"]
    zoek.value = "groen"
    assert keuzes(eigen_keuze(o))[1:] == ["Groenoord (BU06060702)"]
    kies(eigen_keuze(o), "Groenoord (BU06060702)")
    assert rij(tabel(o), "Inwoners")[0] == "9.320"
