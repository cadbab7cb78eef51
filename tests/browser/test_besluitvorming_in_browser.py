"""Besluitvormingsafspraken in the browser: add a starting decision with one click, add an own decision that waits
for it but is planned too early, see the conflict named in words and the timeline, and find both after a reload."""

from __future__ import annotations

import uuid

from browserhulp import WACHT_MS, open_pagina
from playwright.sync_api import Page, expect

from wijkkompas_widgets.dossier import PartijInvoer


def test_besluiten_plannen_met_een_conflict_en_herladen(page: Page, voila_server, server_store):
    dossier = server_store.maak_dossier(f"Browsertest besluitvorming {uuid.uuid4().hex[:6]}")
    server_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Testdorp", "gemeente"))
    server_store.voeg_partij_toe(dossier.id, PartijInvoer("Woonstichting Testdorp", "woningcorporatie"))
    open_pagina(page, f"{voila_server}/voila/render/03_strategieen.ipynb?dossier={dossier.id}",
                ".wk-kaart-f3-besluitvormingsafspraken")

    def open_oefening():
        kaart = page.locator(".wk-kaart-f3-besluitvormingsafspraken")
        kaart.get_by_role("button", name="Open de oefening").click()
        oefening = page.locator(".wk-oefening-besluitvorming")
        oefening.wait_for(timeout=WACHT_MS)
        return oefening

    oefening = open_oefening()
    oefening.get_by_role("button", name="Voorbeeld toevoegen").click()
    expect(oefening.locator(".wk-melding-vak").first).to_contain_text("is toegevoegd", timeout=20_000)
    lijst = oefening.locator(".wk-besluitvorming-lijst")
    eerste = lijst.locator("tbody tr").first.locator("td").first.inner_text()

    oefening.locator(".wk-besluitvorming-kies select").select_option(label="— nieuw besluit —")
    oefening.get_by_label("Wat moet er besloten worden").fill("Investering <eerste complexen>")
    oefening.locator(".wk-besluitvorming-partij select").select_option(label="Woonstichting Testdorp")
    oefening.get_by_label("Besluit (maand)").fill("2020-01")  # long before what it waits for
    oefening.locator(".wk-besluitvorming-afhankelijk select").select_option(index=0)
    oefening.get_by_role("button", name="Besluit toevoegen").click()
    expect(oefening.locator(".wk-melding-vak").first).to_contain_text(
        "Besluit 'Investering <eerste complexen>' is toegevoegd", timeout=20_000)
    expect(lijst).to_contain_text("Investering <eerste complexen>")  # shown as text
    expect(oefening).to_contain_text("⚠ 1 conflict(en) in de planning", timeout=20_000)  # named in words
    expect(oefening.locator(".wk-besluitvorming-figuur img")).to_be_visible()

    page.reload()
    page.locator(".wk-kaart-f3-besluitvormingsafspraken").wait_for(timeout=WACHT_MS)
    lijst = open_oefening().locator(".wk-besluitvorming-lijst")
    expect(lijst).to_contain_text("Investering <eerste complexen>", timeout=20_000)
    expect(lijst).to_contain_text(eerste)
    besluiten = server_store.formulier(dossier.id, "besluitvorming")[0]["besluiten"]
    assert len(besluiten) == 2 and besluiten[1]["besluit"] == "2020-01"
    assert besluiten[1]["afhankelijk_van"] == [besluiten[0]["id"]]
