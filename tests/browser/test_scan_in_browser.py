"""Samenwerkingsscan in the browser: two partners fill in on their own laptop (two browser
contexts, two kernels), submit, and the results tab shows the top 3 with questions to discuss."""

from __future__ import annotations

import re
import time
import uuid

from browserhulp import WACHT_MS, open_pagina
from playwright.sync_api import Page, expect

from wijkkompas_widgets.content import inhoud


def open_oefening(page) -> None:
    """The scan is not the page's first exercise: it opens with a click."""
    page.locator(".wk-kaart-f1-samenwerkingsscan").get_by_role("button", name="Open de oefening").click()
    page.locator(".wk-oefening-scan").wait_for(timeout=WACHT_MS)


SCAN = inhoud().fase1.scan
LABEL = dict(SCAN.schaal)
AANTAL = len(SCAN.stellingen)


def vul_in(page: Page, ronde: str, naam: str, organisatie: str, antwoord_voor) -> None:
    """Say who you are, click an answer for every statement, submit."""
    scan = page.locator(".wk-oefening-scan")
    scan.locator(".wk-scan-ronde select").select_option(label=ronde)
    scan.get_by_label("Je naam").fill(naam)
    scan.get_by_label("Organisatie").fill(organisatie)
    scan.get_by_role("button", name="Beginnen / verder gaan").click()
    expect(scan.locator(".wk-scan-wie")).to_contain_text(naam, timeout=20_000)
    for index, stelling in enumerate(SCAN.stellingen):
        blok = scan.locator(f".wk-scan-stelling-{stelling.id}")
        blok.get_by_role("button", name=antwoord_voor(index), exact=True).click()
    voortgang = scan.locator(".wk-scan-voortgang").first
    expect(voortgang).to_contain_text(f"{AANTAL} van {AANTAL} stellingen beantwoord", timeout=20_000)
    scan.get_by_role("button", name="Antwoorden indienen").click()
    expect(scan.locator(".wk-scan-bevestiging")).to_contain_text(f"Bedankt, {naam}!", timeout=20_000)


def test_twee_partners_vullen_in_en_zien_de_top3(page: Page, voila_server):
    begin = time.monotonic()
    open_pagina(page, f"{voila_server}/voila/render/01_samen_starten.ipynb", ".wk-kaart-f1-samenwerkingsscan")
    open_oefening(page)
    # the dossier this page opened, so the second laptop opens the same one
    permalink = page.locator(".wk-permalink").get_attribute("href")
    dossier_id = re.search(r"dossier=([0-9a-f]{12})", permalink).group(1)
    scan = page.locator(".wk-oefening-scan")
    ronde = f"Browserronde {uuid.uuid4().hex[:6]}"
    scan.get_by_label("Naam van de nieuwe ronde").fill(ronde)
    scan.get_by_role("button", name="Ronde starten").click()
    expect(scan.get_by_text(f"Ronde '{ronde}' is gestart.")).to_be_visible(timeout=20_000)

    # partner 1: 'Oneens' on the first three statements, 'Eens' on the rest
    vul_in(page, ronde, "Ria Gemeentelijk", "Gemeente Testdorp", lambda i: LABEL[2] if i < 3 else LABEL[4])

    # partner 2 on another laptop: another browser context, its own kernel
    tweede_laptop = page.context.browser.new_context(viewport={"width": 1280, "height": 1000}, locale="nl-NL")
    try:
        tweede = tweede_laptop.new_page()
        open_pagina(tweede, f"{voila_server}/voila/render/01_samen_starten.ipynb?dossier={dossier_id}",
                    ".wk-kaart-f1-samenwerkingsscan")
        open_oefening(tweede)
        vul_in(tweede, ronde, "Cor Corporatie", "Woonstichting Testdorp",
               lambda i: LABEL[1] if i == 1 else (SCAN.weet_niet if i == 5 else LABEL[5]))
    finally:
        tweede_laptop.close()

    # back on the first laptop: the results tab, 'Vernieuwen' fetches the other partner's answers
    scan.get_by_role("tab", name="Resultaten").click()
    scan.locator(".wk-scan-resultaat-ronde select").select_option(label=ronde)
    scan.get_by_role("button", name="Vernieuwen").click()
    expect(scan.locator(".wk-scan-aantallen")).to_contain_text("2 ingediende antwoordenlijsten", timeout=20_000)
    top3 = scan.locator(".wk-scan-top3")
    expect(top3.locator("li")).to_have_count(3)
    # statement 2 (2 and 1: mean 1,5) first, then statements 1 and 3 (2 and 5: mean 3,5)
    expect(top3.locator("li").nth(0)).to_contain_text(SCAN.stellingen[1].tekst)
    expect(top3.locator("li").nth(0)).to_contain_text(f"Gespreksvraag: {SCAN.stellingen[1].gespreksvraag}")
    expect(top3.locator("li").nth(1)).to_contain_text(SCAN.stellingen[0].gespreksvraag)
    radar = scan.locator(".wk-scan-radar img")
    expect(radar).to_have_attribute("alt", re.compile("Woonstichting Testdorp: Motivatie"))
    assert radar.evaluate("img => img.naturalWidth") > 300  # the PNG really loaded
    assert "Traceback" not in page.content()
    assert time.monotonic() - begin < 120, "de scan in de browser duurde veel te lang"
