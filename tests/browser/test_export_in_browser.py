"""What a programme manager does on the welcome page: download the Excel workbook and a backup of the
example dossier, save them, open them, and import the backup again as a new dossier."""

from __future__ import annotations

import json

import openpyxl
from browserhulp import WACHT_MS, open_pagina
from playwright.sync_api import Page, expect


def download(page: Page, sectie, knoptekst: str, soort: str, map_):
    """Click the button, wait for its link, click the link and save what the browser downloads."""
    sectie.get_by_role("button", name=knoptekst).click()
    link = sectie.locator(f".wk-uitwisseling-link-{soort} a.wk-download")
    link.wait_for(timeout=WACHT_MS)
    expect(sectie.get_by_role("button", name=knoptekst)).to_be_enabled()  # no longer 'Bezig…'
    with page.expect_download(timeout=WACHT_MS) as wachten:
        link.click()
    bestand = wachten.value
    assert bestand.suggested_filename.endswith(f".{soort}")
    pad = map_ / bestand.suggested_filename
    bestand.save_as(pad)
    return pad


def test_excel_en_reservekopie_downloaden_en_weer_importeren(page: Page, voila_server, server_store, tmp_path):
    [voorbeeld] = [d for d in server_store.dossiers() if d.is_voorbeeld]
    partijen = [p.naam for p in server_store.partijen(voorbeeld.id)]
    open_pagina(page, f"{voila_server}/voila/render/00_welkom.ipynb?dossier={voorbeeld.id}", ".wk-uitwisseling")
    sectie = page.locator(".wk-uitwisseling")

    excel = download(page, sectie, "Excel-werkboek (.xlsx)", "xlsx", tmp_path)
    blad = openpyxl.load_workbook(excel)["Partijen"]
    cellen = {cel for rij in blad.iter_rows(values_only=True) for cel in rij}
    assert set(partijen) <= cellen

    kopie = download(page, sectie, "Reservekopie (.json)", "json", tmp_path)
    document = json.loads(kopie.read_bytes())
    assert document["soort"] == "wijkkompas-dossier"
    assert document["dossier"]["naam"] == voorbeeld.naam

    voor = {d.id for d in server_store.dossiers()}
    keuzes = page.locator(".wk-dossier-kiezer select option")
    aantal_keuzes = keuzes.count()
    with page.expect_file_chooser() as keuze:
        sectie.locator(".wk-import-upload").click()
    keuze.value.set_files(str(kopie))
    expect(sectie.locator(".wk-import-melding")).to_contain_text("is geïmporteerd als nieuw dossier",
                                                                 timeout=60_000)
    [nieuw] = [d for d in server_store.dossiers() if d.id not in voor]
    assert [p.naam for p in server_store.partijen(nieuw.id)] == partijen
    expect(keuzes).to_have_count(aantal_keuzes + 1)  # the dossier list on the page shows it at once

    sectie.locator("a.wk-link-geimporteerd").click()
    page.locator(".wk-dossierkop").wait_for(timeout=WACHT_MS)
    assert f"dossier={nieuw.id}" in page.url
    expect(page.locator(".wk-dossier-titel")).to_contain_text(nieuw.naam, timeout=WACHT_MS)
