"""The wijkprofiel exercise without a browser: choose like a user, check the dossier and a fresh widget
(the page after a reload) show the same; bad files change nothing."""

from __future__ import annotations

import html
import re
from datetime import datetime, timezone

import pytest

from wijkkompas_widgets.werkboek import open_werkboek
from wijkkompas_widgets.widgets.wijkprofiel import SLEUTEL, WijkprofielOefening, profiel_van_dossier

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
    """Charts are built but not rendered to PNG (that is tested once, and in test_cbs): keeps this file fast."""
    if "echte_figuren" in request.fixturenames:
        return
    monkeypatch.setattr("wijkkompas_widgets.widgets.wijkprofiel.figuur_html",
                        lambda _figuur, alt, breedte="100%": f'<img alt="{html.escape(alt)}" src="data:image/png;">')


def zichtbaar(html_tekst: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", html_tekst))


def rij(tabel_html: str, label: str) -> list[str]:
    """The cells of one row of the profile table, as a user reads them."""
    for tr in re.findall(r"<tr>(.*?)</tr>", tabel_html):
        cellen = [zichtbaar(c).strip() for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr)]
        if cellen and cellen[0].startswith(label):
            return cellen[1:]
    raise AssertionError(f"geen rij {label}")


@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Groenoord aardgasvrij", "Groenoord", "Schiedam")


def oefening(store_url, dossier_id) -> WijkprofielOefening:
    return WijkprofielOefening(open_werkboek("x", store_url=store_url, query={"dossier": dossier_id}).context)


def upload(widget: WijkprofielOefening, naam: str, inhoud: bytes) -> None:
    widget._upload.value = ({"name": naam, "type": "text/csv", "size": len(inhoud), "content": memoryview(inhoud),
                             "last_modified": NU},)


@pytest.fixture
def echte_figuren():
    """Asked for by a test that needs the real PNG charts."""


def test_choose_schiedam_groenoord_shows_cbs_figures_and_is_saved(store_url, lege_store, dossier, echte_figuren):
    o = oefening(store_url, dossier.id)
    assert "Kies hierboven een gemeente" in zichtbaar(o._kop.value)
    o._gemeente.value = "GM0606"
    assert lege_store.formulier(dossier.id, SLEUTEL)[0]["regiocode"] == "GM0606"  # the whole gemeente at once
    assert o._wijk.options[0] == ("Hele gemeente Schiedam", "GM0606")
    o._wijk.value = "WK060607"
    assert "Wijkprofiel van Wijk 07 Groenoord en Kethel getoond" in zichtbaar(o._melding.value)
    assert rij(o._tabel.value, "Inwoners") == ["14.440", "79.644", "17.590.672"]
    assert rij(o._tabel.value, "Gemiddeld aardgasverbruik") == ["800 m³", "850 m³", "982 m³"]
    assert rij(o._tabel.value, "Huurwoningen van een woningcorporatie")[0] == "onbekend"
    koppen = zichtbaar(o._tabel.value)
    assert "Gemeente Schiedam" in koppen and "Nederland (berekend uit alle gemeenten)" in koppen
    assert "Bron: CBS, Kerncijfers wijken en buurten 2022" in koppen
    assert 'alt="Wijk-DNA van Wijk 07 Groenoord en Kethel' in o._dna.value and "data:image/png" in o._dna.value
    assert 'alt="Kaart van de wijken van Schiedam; Wijk 07 Groenoord en Kethel is gearceerd' in o._kaart.value
    gegevens, versie = lege_store.formulier(dossier.id, SLEUTEL)
    assert gegevens == {"gemeentecode": "GM0606", "regiocode": "WK060607", "notities": "", "eigen_data": None}
    assert versie == 2
    assert profiel_van_dossier(lege_store, dossier.id).regel("aantal_inwoners").wijk == 14_440

    opnieuw = oefening(store_url, dossier.id)
    assert (opnieuw._gemeente.value, opnieuw._wijk.value) == ("GM0606", "WK060607")
    assert rij(opnieuw._tabel.value, "Inwoners") == ["14.440", "79.644", "17.590.672"]


def test_notes_are_saved_and_come_back(store_url, lege_store, dossier):
    o = oefening(store_url, dossier.id)
    o._gemeente.value = "GM0606"
    o._notities.value = "Veel huur; <b>gas</b> onder het gemiddelde"
    o._notities_knop.click()
    assert "notities zijn opgeslagen" in zichtbaar(o._notities_melding.value)
    assert lege_store.formulier(dossier.id, SLEUTEL)[0]["notities"] == "Veel huur; <b>gas</b> onder het gemiddelde"
    o._wijk.value = "WK060601"  # a later choice keeps the notes
    opnieuw = oefening(store_url, dossier.id)
    assert opnieuw._notities.value == "Veel huur; <b>gas</b> onder het gemiddelde"
    assert opnieuw._wijk.value == "WK060601"


def test_a_colleagues_newer_notes_are_not_overwritten_and_mine_stay_in_the_box(store_url, lege_store, dossier):
    ik, collega = oefening(store_url, dossier.id), oefening(store_url, dossier.id)
    collega._notities.value = "Van de collega"
    collega._notities_knop.click()
    ik._notities.value = "Van mij"
    ik._notities_knop.click()
    assert "Iemand anders heeft dit formulier intussen opgeslagen" in zichtbaar(ik._notities_melding.value)
    assert ik._notities.value == "Van mij"
    assert lege_store.formulier(dossier.id, SLEUTEL)[0]["notities"] == "Van de collega"
    ik._notities_knop.click()  # now on top of the latest version
    assert lege_store.formulier(dossier.id, SLEUTEL)[0]["notities"] == "Van mij"


def test_gemeente_without_shipped_wijkgrenzen_shows_nl_map_and_basic_figures(store_url, lege_store, dossier):
    o = oefening(store_url, dossier.id)
    o._gemeente.value = "GM0014"
    o._wijk.value = "WK001400"
    assert rij(o._tabel.value, "Inwoners")[0] == "24.920"
    assert rij(o._tabel.value, "Gemiddeld aardgasverbruik") == ["onbekend", "onbekend", "onbekend"]
    assert "alleen de basiscijfers van 2024" in zichtbaar(o._kop.value)
    assert "De wijkgrenzen van Groningen zitten niet in de meegeleverde gegevens" in zichtbaar(o._kaart.value)
    assert 'alt="Kaart van Nederland met de gemeenten; Groningen is gearceerd' in o._kaart.value


def test_switching_wijk_redraws_only_what_changed(store_url, dossier):
    o = oefening(store_url, dossier.id)
    o._gemeente.value = "GM0014"
    o._wijk.value = "WK001400"
    kaart = o._kaart.value
    o._wijk.value = "WK001401"
    assert o._kaart.value is kaart  # the NL map with Groningen did not change: not redrawn
    o._gemeente.value = "GM0606"
    o._wijk.value = "WK060607"
    kaart = o._kaart.value
    o.context.gewijzigd()  # another exercise saved something: nothing here changed
    assert o._kaart.value is kaart


def test_own_statline_csv_with_several_regions(store_url, lege_store, dossier):
    o = oefening(store_url, dossier.id)
    o._gemeente.value = "GM0606"
    o._wijk.value = "WK060607"
    upload(o, "buurten-2022.csv", STATLINE.encode("utf-8"))
    assert "bevat 2 regio's" in zichtbaar(o._melding.value)
    assert o._upload.value == ()  # memory freed
    assert lege_store.formulier(dossier.id, SLEUTEL)[0]["eigen_data"] is None  # nothing chosen yet
    assert [label for label, _i in o._eigen_keuze.options[1:]] == ["Kethel (BU06060701) – 2022",
                                                                   "Groenoord (BU06060702) – 2022"]
    o._eigen_keuze.value = 1
    assert "eigen gegevens: buurten-2022.csv" in zichtbaar(o._kop.value)
    assert rij(o._tabel.value, "Inwoners") == ["9.320", "79.644", "17.590.672"]
    assert rij(o._tabel.value, "Gemiddeld aardgasverbruik") == ["720 m³", "850 m³", "982 m³"]
    assert rij(o._tabel.value, "Koopwoningen")[0] == "onbekend"
    koppen = zichtbaar(o._tabel.value)
    assert "Groenoord (eigen gegevens)" in koppen and "Gemeente Schiedam (CBS 2022)" in koppen
    assert "de buurt ligt in Wijk 07 Groenoord en Kethel" in o._kaart.value
    eigen = lege_store.formulier(dossier.id, SLEUTEL)[0]["eigen_data"]
    assert eigen["bestandsnaam"] == "buurten-2022.csv" and eigen["regiocode"] == "BU06060702"
    assert eigen["waarden"]["gem_aardgas"] == 720
    assert o._gemeente.disabled and o._wijk.disabled

    opnieuw = oefening(store_url, dossier.id)
    assert "eigen gegevens: buurten-2022.csv" in zichtbaar(opnieuw._kop.value)
    assert rij(opnieuw._tabel.value, "Inwoners")[0] == "9.320"
    opnieuw._terug.click()
    assert rij(opnieuw._tabel.value, "Inwoners")[0] == "14.440"  # back to the chosen CBS wijk
    assert lege_store.formulier(dossier.id, SLEUTEL)[0]["eigen_data"] is None
    assert not opnieuw._gemeente.disabled


def test_own_file_with_one_region_is_shown_at_once_and_names_are_escaped(store_url, lege_store, dossier):
    o = oefening(store_url, dossier.id)
    inhoud = b"Wijken en buurten;Aantal inwoners\n<script>alert(1)</script>;12\n"
    upload(o, "<b>mijn</b>.csv", inhoud)
    assert "<script>" not in o._tabel.value + o._kop.value and "&lt;script&gt;" in o._tabel.value
    assert "&lt;b&gt;mijn&lt;/b&gt;.csv" in o._kop.value
    assert rij(o._tabel.value, "Inwoners")[0] == "12"
    assert "Geen kaart" in o._kaart.value
    assert lege_store.formulier(dossier.id, SLEUTEL)[0]["eigen_data"]["naam"] == "<script>alert(1)</script>"


@pytest.mark.parametrize(("naam", "inhoud", "melding"), [
    ("adressen.csv", b"naam;straat\nPiet;Dorpsstraat\n", "herkent het werkboek geen kolommen"),
    ("kapot.json", b'{"value": [', "beschadigd of onvolledig"),
    ("anders.json", b'{"a": 1}', "niet de vorm van CBS open data"),
    ("leeg.csv", b"", "is leeg"),
    ("foto.csv", b"\x89PNG\r\n\x1a\n\x00\x00", "afbeelding"),
])
def test_bad_files_change_nothing(store_url, lege_store, dossier, naam, inhoud, melding):
    o = oefening(store_url, dossier.id)
    o._gemeente.value = "GM0606"
    o._wijk.value = "WK060607"
    voor = lege_store.formulier(dossier.id, SLEUTEL)
    tabel = o._tabel.value
    upload(o, naam, inhoud)
    assert "Niet gelukt" in zichtbaar(o._melding.value) and melding in zichtbaar(o._melding.value)
    assert lege_store.formulier(dossier.id, SLEUTEL) == voor
    assert o._tabel.value == tabel and o._upload.value == ()


def test_too_big_file_is_refused_by_its_size(store_url, lege_store, dossier):
    o = oefening(store_url, dossier.id)
    o._upload.value = ({"name": "groot.csv", "type": "text/csv", "size": 60 * 1024 * 1024,
                        "content": memoryview(b"x"), "last_modified": NU},)
    assert "groter dan 50 MB" in zichtbaar(o._melding.value)
    assert lege_store.formulier(dossier.id, SLEUTEL) == ({}, 0)


def test_wijk_choice_after_a_colleague_changed_the_form_is_refused(store_url, lege_store, dossier):
    o = oefening(store_url, dossier.id)
    o._gemeente.value = "GM0606"
    gegevens, versie = lege_store.formulier(dossier.id, SLEUTEL)
    lege_store.bewaar_formulier(dossier.id, SLEUTEL, {**gegevens, "regiocode": "WK060601"}, versie)
    o._wijk.value = "WK060607"
    assert "Iemand anders" in zichtbaar(o._melding.value)
    assert lege_store.formulier(dossier.id, SLEUTEL)[0]["regiocode"] == "WK060601"
    assert o._wijk.value == "WK060601"  # the newest choice is shown


def test_broken_saved_form_does_not_break_the_page(store_url, lege_store, dossier):
    lege_store.bewaar_formulier(dossier.id, SLEUTEL, {"gemeentecode": "GM9999", "regiocode": "WK999999",
                                                      "notities": 5, "eigen_data": "raar"}, 0)
    o = oefening(store_url, dossier.id)
    assert "niet in de meegeleverde CBS-gegevens" in zichtbaar(o._melding.value)
    assert o._gemeente.value is None and o._notities.value == ""
    assert profiel_van_dossier(lege_store, dossier.id) is None


def test_no_dossier_and_no_choice(store_url, lege_store):
    context = open_werkboek("x", store_url=store_url, query={}).context
    context.dossier_id = None
    o = WijkprofielOefening(context)
    assert "geen dossier geopend" in zichtbaar(o.children[0].value)
    dossier = lege_store.maak_dossier("Leeg")
    assert profiel_van_dossier(lege_store, dossier.id) is None


def test_switching_dossier_reloads(store_url, lege_store):
    een, twee = lege_store.maak_dossier("Een"), lege_store.maak_dossier("Twee")
    o = oefening(store_url, een.id)
    o._gemeente.value = "GM0503"
    o.context.dossier_id = twee.id
    assert o._gemeente.value is None and "Kies hierboven een gemeente" in zichtbaar(o._kop.value)
    o.context.dossier_id = een.id
    assert o._gemeente.value == "GM0503"


def test_a_file_with_many_regions_gets_a_search_box(store_url, dossier, monkeypatch):
    monkeypatch.setattr("wijkkompas_widgets.widgets.wijkprofiel.MAX_KEUZES", 1)
    o = oefening(store_url, dossier.id)
    upload(o, "buurten.csv", STATLINE.encode("utf-8"))
    assert o._eigen_zoek.layout.display == "flex"
    assert o._eigen_keuze.options[0][0] == "— 2 regio's; typ om te zoeken —" and len(o._eigen_keuze.options) == 2
    o._eigen_zoek.value = "groen"
    assert [label for label, _i in o._eigen_keuze.options[1:]] == ["Groenoord (BU06060702)"]
    o._eigen_keuze.value = o._eigen_keuze.options[1][1]
    assert rij(o._tabel.value, "Inwoners")[0] == "9.320"
