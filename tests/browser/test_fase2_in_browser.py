"""Phase 2 in the browser: choose Schiedam and a wijk, see the profile beside the gemeente and NL and
the map; add two planned works of two parties in one street and see the natural moment they make;
reload and find it all back."""

from __future__ import annotations

import re
import uuid

from browserhulp import WACHT_MS, open_pagina
from playwright.sync_api import Page, expect


def open_oefening(page: Page, knooppunt_id: str, oefening_klasse: str) -> None:
    page.locator(f".wk-kaart-{knooppunt_id}").get_by_role("button", name="Open de oefening").click()
    page.locator(oefening_klasse).wait_for(timeout=WACHT_MS)


def voeg_werk_toe(page: Page, omschrijving: str, eigenaar: str, soort: str, gebied: str, start: str, eind: str):
    oefening = page.locator(".wk-oefening-planning")
    oefening.get_by_label("Omschrijving").fill(omschrijving)
    oefening.get_by_label("Eigenaar (partij)").fill(eigenaar)
    oefening.get_by_label("Soort werk").select_option(label=soort)
    oefening.get_by_label("Gebied").fill(gebied)
    # end year first: a start year after the current end moves the end along in the kernel, and that
    # update could land while a fast robot is already typing in the end field
    for label, jaar in (("Eindjaar", eind), ("Startjaar", start)):
        veld = oefening.get_by_label(label)
        veld.fill(jaar)
        veld.press("Tab")
    oefening.get_by_role("button", name="Werk toevoegen").click()
    periode = start if start == eind else f"{start}–{eind}"
    expect(oefening.locator(".wk-melding-vak").first).to_contain_text(
        f"Werk '{omschrijving}' ({periode}) toegevoegd", timeout=20_000)


def test_schiedam_wijkprofiel_kaart_en_natuurlijk_moment(page: Page, voila_server, server_store):
    dossier = server_store.maak_dossier(f"Browsertest fase 2 {uuid.uuid4().hex[:6]}")
    url = f"{voila_server}/voila/render/02_karakteriseren.ipynb?dossier={dossier.id}"
    open_pagina(page, url, ".wk-oefening-wijkprofiel")

    profiel = page.locator(".wk-oefening-wijkprofiel")
    profiel.get_by_label("Gemeente").select_option(label="Schiedam")
    expect(profiel.get_by_label("Wijk", exact=True)).to_contain_text("Wijk 07 Groenoord en Kethel", timeout=20_000)
    profiel.get_by_label("Wijk", exact=True).select_option(label="Wijk 07 Groenoord en Kethel")
    tabel = profiel.locator(".wk-wijkprofiel-tabel")
    # CBS Kerncijfers 2022: 14 440 inhabitants in the wijk, 79 644 in Schiedam
    expect(tabel).to_contain_text("14.440", timeout=20_000)
    expect(tabel).to_contain_text("79.644")
    expect(tabel).to_contain_text("onbekend")  # suppressed CBS figures are never shown as 0
    kaart = profiel.locator(".wk-wijkprofiel-kaart img")
    expect(kaart).to_be_visible()
    expect(kaart).to_have_attribute("alt", re.compile("Groenoord en Kethel"), timeout=20_000)
    expect(profiel.locator(".wk-wijkprofiel-dna img")).to_be_visible()

    open_oefening(page, "f2-bestaande-planningen", ".wk-oefening-planning")
    voeg_werk_toe(page, "Riool vervangen", "Gemeente Schiedam", "Riolering vervangen of renoveren",
                  "Kastanjelaan", "2029", "2030")
    voeg_werk_toe(page, "Gasleiding vervangen", "Netbeheerder Test", "Gasnet vervangen",
                  "kastanjelaan ", "2031", "2031")

    open_oefening(page, "f2-natuurlijke-momenten", ".wk-oefening-natuurlijke-momenten")
    moment = page.locator(".wk-planning-moment").first
    expect(moment).to_contain_text("Kastanjelaan", timeout=20_000)
    expect(moment).to_contain_text("Gemeente Schiedam")
    expect(moment).to_contain_text("Netbeheerder Test")
    expect(page.locator(".wk-planning-tijdlijn img")).to_be_visible()

    # everything is in the dossier: after a reload the wijk and the moment are back
    page.reload()
    page.locator(".wk-oefening-wijkprofiel").wait_for(timeout=WACHT_MS)
    expect(page.locator(".wk-wijkprofiel-tabel")).to_contain_text("14.440", timeout=20_000)
    open_oefening(page, "f2-natuurlijke-momenten", ".wk-oefening-natuurlijke-momenten")
    expect(page.locator(".wk-planning-moment").first).to_contain_text("Kastanjelaan", timeout=20_000)


def test_grote_bestanden_krijgen_een_nederlandse_melding(page: Page, voila_server, server_store, tmp_path):
    """A 12 MB file reaches the kernel (above tornado's default websocket limit) and is refused there in
    Dutch; a file over 50 MB is refused by the page before it is sent. Neither changes the dossier."""
    dossier = server_store.maak_dossier(f"Browsertest bestanden {uuid.uuid4().hex[:6]}")
    open_pagina(page, f"{voila_server}/voila/render/02_karakteriseren.ipynb?dossier={dossier.id}",
                ".wk-oefening-wijkprofiel")
    knop = page.locator(".wk-wijkprofiel-upload")

    def kies_bestand(pad) -> None:
        with page.expect_file_chooser() as keuze:
            knop.click()
        keuze.value.set_files(str(pad))

    middel = tmp_path / "groot_maar_toegestaan.csv"
    middel.write_bytes(b"Wijken en buurten;Aantal inwoners\n" + b"WK000000;12\n" * 1_000_000)  # 12 MB
    kies_bestand(middel)
    fout = page.locator(".wk-oefening-wijkprofiel .wk-melding-fout")
    expect(fout).to_contain_text("groot_maar_toegestaan.csv", timeout=60_000)

    meldingen = []
    page.on("dialog", lambda dialoog: (meldingen.append(dialoog.message), dialoog.accept()))
    te_groot = tmp_path / "te_groot.csv"
    with te_groot.open("wb") as bestand:
        bestand.truncate(51 * 1024 * 1024)
    kies_bestand(te_groot)
    for _ in range(50):  # the dialog comes from the page's own check, without a round trip
        if meldingen:
            break
        page.wait_for_timeout(100)
    assert meldingen and "groter dan 50 MB" in meldingen[0]
    assert server_store.formulier(dossier.id, "wijkprofiel") == ({}, 0)
