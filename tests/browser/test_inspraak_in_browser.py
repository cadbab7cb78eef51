"""Inspraak in the browser: a team member records a reaction with what the team does with it, sees it in the
reactienota and the counts, and finds it again after a reload (the form is saved per change)."""

from __future__ import annotations

import uuid

from browserhulp import WACHT_MS, open_pagina
from playwright.sync_api import Page, expect

REACTIE = "Zorgen over de kosten van de aansluiting <voor lage inkomens>"


def test_reactie_vastleggen_staat_in_de_reactienota_en_blijft_na_herladen(page: Page, voila_server, server_store):
    dossier = server_store.maak_dossier(f"Browsertest inspraak {uuid.uuid4().hex[:6]}")
    url = f"{voila_server}/voila/render/04_keuzes.ipynb?dossier={dossier.id}"
    open_pagina(page, url, ".wk-kaart-f4-inspraak")

    def open_inspraak():
        page.locator(".wk-kaart-f4-inspraak").get_by_role("button", name="Open de oefening").click()
        oefening = page.locator(".wk-oefening-inspraak")
        oefening.wait_for(timeout=WACHT_MS)
        return oefening

    inspraak = open_inspraak()
    inspraak.get_by_label("Samenvatting (zonder namen)").fill(REACTIE)
    inspraak.get_by_label("Samenvatting (zonder namen)").press("Tab")  # saved when the field is left
    inspraak.get_by_label("Ons antwoord: wat we ermee doen").fill("We vragen een tegemoetkoming aan bij het Rijk.")
    inspraak.get_by_label("Ons antwoord: wat we ermee doen").press("Tab")
    inspraak.locator(".wk-inspraak-uitkomst select").select_option(label="overgenomen")
    nota = inspraak.locator(".wk-inspraak-voorbeeld")
    expect(nota).to_contain_text(REACTIE, timeout=20_000)  # as text: the markup in it is not run
    expect(nota).to_contain_text("We vragen een tegemoetkoming aan bij het Rijk.")
    expect(inspraak.locator(".wk-inspraak-stand")).to_contain_text("overgenomen", timeout=20_000)

    page.reload()
    page.locator(".wk-kaart-f4-inspraak").wait_for(timeout=WACHT_MS)
    inspraak = open_inspraak()
    expect(inspraak.locator(".wk-inspraak-voorbeeld")).to_contain_text(REACTIE, timeout=20_000)
    [opgeslagen] = server_store.formulier(dossier.id, "inspraak")[0]["reacties"]
    assert opgeslagen["samenvatting"] == REACTIE and opgeslagen["uitkomst"] == "overgenomen"
