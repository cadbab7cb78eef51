"""Phase 4 in the browser: with the weights fixed, score two strategies, see the ranking, record the choice
with a dissent, and find the automatic entry in the besluitenlog, also after a reload."""

from __future__ import annotations

import uuid

from browserhulp import WACHT_MS, open_pagina
from playwright.sync_api import Page, expect

from wijkkompas_widgets.content import inhoud
from wijkkompas_widgets.dossier import PartijInvoer
from wijkkompas_widgets.dossier.records import StrategieInvoer

LABEL = {str(n.waarde): f"{n.waarde} · {n.label}" for n in inhoud().fase34.schaal}  # the generic 1-5 scale

SCORES = {"Warmtenet Noord": {"Kosten voor bewoners": "4", "Draagvlak": "5"},
          "Warmtepomp per woning": {"Kosten voor bewoners": "2", "Draagvlak": "3"}}


def maak_dossier(store) -> str:
    """Phase 3 done through the store: two criteria, one party's points fixed, two strategies."""
    dossier = store.maak_dossier(f"Browsertest fase 4 {uuid.uuid4().hex[:6]}")
    partij = store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Testdorp", "gemeente"))
    criteria = [store.voeg_criterium_toe(dossier.id, naam) for naam in ("Kosten voor bewoners", "Draagvlak")]
    store.zet_weging(dossier.id, partij.id, {criteria[0].id: 60, criteria[1].id: 40})
    store.zet_weging_vast(dossier.id, {criteria[0].id: 0.6, criteria[1].id: 0.4}, "Gemeente", "Werksessie")
    store.voeg_strategie_toe(dossier.id, StrategieInvoer("Warmtenet Noord", "S2"))
    store.voeg_strategie_toe(dossier.id, StrategieInvoer("Warmtepomp per woning", "S1"))
    return dossier.id


def test_van_scores_naar_keuze_en_besluitenlog(page: Page, voila_server, server_store):
    dossier_id = maak_dossier(server_store)
    open_pagina(page, f"{voila_server}/voila/render/04_keuzes.ipynb?dossier={dossier_id}", ".wk-oefening-afweging")
    afweging = page.locator(".wk-oefening-afweging")
    for strategie, scores in SCORES.items():
        afweging.locator(".wk-afweging-strategie select").select_option(label=strategie)
        for criterium, score in scores.items():
            keuze = afweging.get_by_label(criterium, exact=True)
            keuze.select_option(label=LABEL[score])
            expect(afweging.locator(".wk-melding-vak").first).to_contain_text(
                f"{strategie} op '{criterium}': score {score} opgeslagen", timeout=20_000)
    rangschikking = afweging.locator(".wk-afweging-rangschikking")
    expect(rangschikking).to_contain_text("Warmtenet Noord", timeout=20_000)
    expect(rangschikking.locator("img")).to_be_visible()

    page.locator(".wk-kaart-f4-energiesysteem-vastleggen").get_by_role("button", name="Open de oefening").click()
    keuze = page.locator(".wk-oefening-keuze")
    keuze.wait_for(timeout=WACHT_MS)
    keuze.locator(".wk-keuze-strategie select").select_option(label="Warmtenet Noord (plaats 1)")
    keuze.get_by_label("Onderbouwing (verplicht)").fill("Laagste woonlasten en het meeste draagvlak.")
    keuze.get_by_label("Afwijkende standpunten").fill("De corporatie twijfelt over de planning.")
    keuze.get_by_role("button", name="Keuze vastleggen").click()
    expect(keuze.locator(".wk-melding-vak").first).to_contain_text("staat in het besluitenlog als nr.",
                                                                   timeout=20_000)

    log = page.locator(".wk-besluitenlog-lijst")
    expect(log).to_contain_text("Strategie gekozen: Warmtenet Noord", timeout=20_000)
    expect(log).to_contain_text("Weging vastgezet")
    page.reload()
    page.locator(".wk-besluitenlog-lijst").wait_for(timeout=WACHT_MS)
    expect(page.locator(".wk-besluitenlog-lijst")).to_contain_text("De corporatie twijfelt over de planning.",
                                                                   timeout=20_000)
