"""What a programme manager does in the browser: make a dossier, add and place parties, reload,
move on to the next phase, and find everything back."""

from __future__ import annotations

import re
import urllib.request

from browserhulp import WACHT_MS, open_pagina
from playwright.sync_api import Page, expect

PARTIJEN = [
    ("Gemeente Testdorp", "Gemeente (ambtelijk)", "8", "9", "Actief betrekken"),
    ("Woonstichting Testdorp", "Woningcorporatie", "9", "3", "Tevreden stellen"),
    ("Bewonersraad Noord", "Bewonersinitiatief of buurtvereniging", "2", "8", "Consulteren"),
]


def voeg_partij_toe(page: Page, naam: str, soort: str) -> None:
    oefening = page.locator(".wk-oefening-partijen")
    oefening.get_by_label("Naam", exact=True).fill(naam)
    oefening.get_by_label("Soort partij").select_option(label=soort)
    oefening.get_by_role("button", name="Partij toevoegen").click()
    expect(oefening.get_by_text(f"Partij '{naam}' toegevoegd.")).to_be_visible(timeout=20_000)


def zet_schuif(page: Page, naam: str, as_: str, waarde: str) -> None:
    """Type the value in the slider's readout, as a keyboard user can."""
    rij = page.locator(".wk-mb-rij").filter(has_text=naam)
    uitlezing = rij.locator(f".wk-mb-{as_} .widget-readout")
    uitlezing.fill(waarde)
    uitlezing.press("Enter")
    melding = page.locator(".wk-oefening-machtbelang .wk-melding-vak")
    opgeslagen = re.compile(rf"{re.escape(naam)} geplaatst: .*{as_} {waarde}\b")
    expect(melding).to_contain_text(opgeslagen, timeout=20_000)


def test_dossier_partijen_raster_herladen_en_volgende_fase(page: Page, voila_server):
    open_pagina(page, f"{voila_server}/voila/render/00_welkom.ipynb")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator(".wk-dossier-titel")).to_contain_text("Voorbeeld")  # the example is there on first start

    page.get_by_role("button", name="Nieuw dossier…").click()
    page.get_by_label("Naam van het dossier").fill("Browsertest Noord")
    page.get_by_label("Wijk", exact=True).fill("Noord")
    page.get_by_label("Gemeente", exact=True).fill("Testdorp")
    page.get_by_role("button", name="Dossier aanmaken").click()
    expect(page.get_by_text("Dossier 'Browsertest Noord' is aangemaakt en geopend.")).to_be_visible(timeout=20_000)

    page.get_by_role("link", name=re.compile("Naar fase 1: Samen starten")).click()
    page.locator(".wk-oefening-partijen").wait_for(timeout=WACHT_MS)
    assert "dossier=" in page.url
    expect(page.locator(".wk-dossier-titel")).to_contain_text("Browsertest Noord")

    for naam, soort, *_ in PARTIJEN:
        voeg_partij_toe(page, naam, soort)
    expect(page.locator(".wk-spoordekking")).to_contain_text("Nog niet vertegenwoordigd: spoor D, E, F")
    page.locator(".wk-kaart-f1-invloed-en-belang").get_by_role("button", name="Open de oefening").click()
    expect(page.locator(".wk-mb-rij")).to_have_count(len(PARTIJEN))  # the grid exercise has all parties

    for naam, _soort, invloed, belang, kwadrant in PARTIJEN:
        zet_schuif(page, naam, "invloed", invloed)
        zet_schuif(page, naam, "belang", belang)
        expect(page.locator(".wk-mb-rij").filter(has_text=naam)).to_contain_text(kwadrant)
    grafiek = page.locator(".wk-machtbelang-grafiek img")
    expect(grafiek).to_have_attribute("alt", re.compile("Bewonersraad Noord: invloed 2, belang 8"))
    assert grafiek.evaluate("img => img.naturalWidth") > 300  # the PNG really loaded

    page.reload()
    page.locator(".wk-kaart-f1-invloed-en-belang").get_by_role("button", name="Open de oefening").click(
        timeout=WACHT_MS)
    page.locator(".wk-mb-rij").first.wait_for(timeout=WACHT_MS)
    expect(page.locator(".wk-dossier-titel")).to_contain_text("Browsertest Noord")
    for naam, _soort, invloed, belang, kwadrant in PARTIJEN:
        expect(page.locator(".wk-partijenlijst")).to_contain_text(naam)
        rij = page.locator(".wk-mb-rij").filter(has_text=naam)
        expect(rij.locator(".wk-mb-invloed .widget-readout")).to_have_text(invloed)
        expect(rij.locator(".wk-mb-belang .widget-readout")).to_have_text(belang)
        expect(page.locator(".wk-machtbelang-tabel")).to_contain_text(kwadrant)

    page.get_by_role("link", name=re.compile("Volgende fase: 2 Karakteriseren")).click()
    page.locator(".wk-kaart-f2-wijkprofiel").wait_for(timeout=WACHT_MS)
    expect(page.locator(".wk-dossier-titel")).to_contain_text("Browsertest Noord")

    page.get_by_role("link", name=re.compile("Overzicht van het dossier")).click()
    page.locator(".wk-voortgang-samenvatting").wait_for(timeout=WACHT_MS)
    expect(page.locator(".wk-dossier-titel")).to_contain_text("Browsertest Noord")


def test_status_van_een_knooppunt_blijft_na_herladen(page: Page, voila_server):
    open_pagina(page, f"{voila_server}/voila/render/03_strategieen.ipynb", ".wk-kaart-f3-criteria-en-weging")
    kaart = page.locator(".wk-kaart-f3-criteria-en-weging")
    kaart.get_by_label("Status van dit knooppunt").select_option(label="Gepauzeerd")
    expect(kaart.get_by_text("Status opgeslagen: gepauzeerd.")).to_be_visible(timeout=20_000)
    page.reload()
    kaart = page.locator(".wk-kaart-f3-criteria-en-weging")
    kaart.wait_for(timeout=WACHT_MS)
    expect(kaart.get_by_label("Status van dit knooppunt")).to_have_value("Gepauzeerd")


def test_partijnaam_met_html_wordt_tekst_en_opent_geen_dialoog(page: Page, voila_server):
    dialogen = []
    page.on("dialog", lambda dialoog: (dialogen.append(dialoog.message), dialoog.dismiss()))
    open_pagina(page, f"{voila_server}/voila/render/01_samen_starten.ipynb", ".wk-oefening-partijen")
    naam = "<img src=x onerror=alert(1)>"
    voeg_partij_toe(page, naam, "Overig")
    expect(page.locator(".wk-partijenlijst").get_by_text(naam)).to_be_visible()
    page.wait_for_timeout(1000)
    assert dialogen == []
    assert page.locator("img[src='x']").count() == 0


def test_onbekend_dossier_in_de_url_geeft_nederlandse_melding(page: Page, voila_server):
    open_pagina(page, f"{voila_server}/voila/render/01_samen_starten.ipynb?dossier=ffffffffffff")
    expect(page.get_by_text("Dossier ffffffffffff bestaat niet (meer)")).to_be_visible()
    expect(page.locator(".wk-oefening-partijen")).to_contain_text("Er is geen dossier geopend", timeout=WACHT_MS)
    assert page.locator(".voila-error").count() == 0
    assert "Traceback" not in page.content()


def test_startpagina_leidt_naar_welkom_en_laadtekst_is_nederlands(voila_server):
    with urllib.request.urlopen(f"{voila_server}/", timeout=60) as antwoord:
        assert antwoord.url.endswith("/voila/render/00_welkom.ipynb")
        html = antwoord.read().decode("utf-8")
    assert '<html lang="nl">' in html
    assert "Het werkboek wordt geladen" in html
