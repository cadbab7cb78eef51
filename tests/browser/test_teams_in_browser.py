"""Two people on one shared server (modus *aanmelden*), each in their own browser: who sees what, read-only for a
lezer, and the history naming who changed a party."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

import pytest
from browserhulp import WACHT_MS, draaiende_server, open_pagina, vrije_poort
from playwright.sync_api import expect

from wijkkompas_widgets.dossier import SYSTEEM
from wijkkompas_widgets.dossier.store import DossierStore
from wijkkompas_widgets.server import StartOpties

pytestmark = pytest.mark.browser
WACHTWOORD = "een-lang-genoeg-wachtwoord"
WELKOM = "/voila/render/00_welkom.ipynb"


@pytest.fixture(scope="module")
def gedeelde_server():
    """A server in *aanmelden* mode with two accounts, on its own data folder."""
    data_map = Path(tempfile.mkdtemp(prefix="wijkkompas-teams-"))
    beheer = DossierStore(f"sqlite:///{data_map / 'wijkdossiers.sqlite'}", gebruiker=SYSTEEM)
    beheer.maak_gebruiker("anna", WACHTWOORD, weergavenaam="Anna de Vries")
    beheer.maak_gebruiker("bram", WACHTWOORD, weergavenaam="Bram Ouali")
    beheer.engine.dispose()
    opties = StartOpties(port=vrije_poort(), open_browser=False, pool_size=1, cull_interval=10, cull_idle_timeout=120,
                         modus="aanmelden")
    try:
        with draaiende_server(opties, data_map) as url:
            yield url
    finally:
        shutil.rmtree(data_map, ignore_errors=True)


def meld_aan(browser, url: str, naam: str):
    """A fresh browser (own cookies) signed in as ``naam``, on the welcome page."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="nl-NL")
    context.set_default_navigation_timeout(WACHT_MS)
    page = context.new_page()
    page.goto(url + WELKOM, timeout=WACHT_MS)
    expect(page).to_have_url(re.compile(r"/aanmelden"))  # nobody gets in without signing in
    page.get_by_label("Gebruikersnaam").fill(naam)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.locator(".wk-dossierkop").first.wait_for(timeout=WACHT_MS)
    return context, page


def maak_dossier(page, naam: str) -> str:
    page.get_by_role("button", name="Nieuw dossier…").click()
    page.get_by_label("Naam van het dossier").fill(naam)
    page.get_by_role("button", name="Dossier aanmaken").click()
    expect(page.locator(".wk-dossier-titel")).to_contain_text(naam)
    return re.search(r"dossier=([0-9a-f]{12})", page.locator("a[href*='dossier=']").first.get_attribute("href"))[1]


def voeg_lid_toe(page, naam: str, rol: str) -> None:
    leden = page.locator(".wk-leden")
    leden.get_by_label("Inlognaam van het nieuwe lid").fill(naam)
    leden.get_by_label("Rol van het nieuwe lid").select_option(label=rol)
    leden.get_by_role("button", name="Lid toevoegen").click()
    expect(leden).to_contain_text(naam)


def test_twee_teams_lezer_en_bewerker_en_de_geschiedenis_met_naam(browser, gedeelde_server):
    url = gedeelde_server
    anna_context, anna = meld_aan(browser, url, "anna")
    bram_context, bram = meld_aan(browser, url, "bram")
    try:
        eigen_van_bram = maak_dossier(bram, "Kethel van Bram")
        dossier_id = maak_dossier(anna, "Groenoord van Anna")

        # A cannot see or open B's dossier: not in her list, and the URL gives the same message as nonsense
        expect(anna.locator(".wk-dossierkop")).not_to_contain_text("Kethel van Bram")
        open_pagina(anna, f"{url}{WELKOM}?dossier={eigen_van_bram}")
        expect(anna.locator(".wk-dossierkop")).to_contain_text("bestaat niet of je hebt er geen toegang toe")
        expect(anna.locator(".wk-dossierkop")).not_to_contain_text("Kethel van Bram")

        # A adds a party and makes B a lezer: B sees the dossier read-only
        open_pagina(anna, f"{url}/voila/render/01_samen_starten.ipynb?dossier={dossier_id}", ".wk-oefening-partijen")
        oefening = anna.locator(".wk-oefening-partijen")
        oefening.get_by_label("Naam", exact=True).fill("Woonplus")
        oefening.get_by_label("Soort partij").select_option(label="Woningcorporatie")
        oefening.get_by_role("button", name="Partij toevoegen").click()
        expect(anna.locator(".wk-partijenlijst")).to_contain_text("Woonplus")
        open_pagina(anna, f"{url}{WELKOM}?dossier={dossier_id}")
        voeg_lid_toe(anna, "bram", "Lezer")

        open_pagina(bram, f"{url}/voila/render/01_samen_starten.ipynb?dossier={dossier_id}", ".wk-oefening-partijen")
        expect(bram.locator(".wk-dossierkop")).to_contain_text("lezer")
        expect(bram.locator(".wk-partijenlijst")).to_contain_text("Woonplus")
        expect(bram.locator(".wk-oefening-partijen").get_by_role("button", name="Partij toevoegen")).to_be_disabled()
        expect(bram.locator(".wk-partij-rij").filter(has_text="Woonplus").get_by_role(
            "button", name="Bewerken")).to_be_disabled()

        # B becomes bewerker and changes the party
        open_pagina(anna, f"{url}{WELKOM}?dossier={dossier_id}")
        voeg_lid_toe(anna, "bram", "Bewerker")
        open_pagina(bram, f"{url}/voila/render/01_samen_starten.ipynb?dossier={dossier_id}", ".wk-oefening-partijen")
        rij = bram.locator(".wk-partij-rij").filter(has_text="Woonplus")
        rij.get_by_role("button", name="Bewerken").click()
        bram.locator(".wk-oefening-partijen").get_by_label("Organisatie").fill("Woonplus Schiedam")
        bram.locator(".wk-oefening-partijen").get_by_role("button", name="Wijzigingen opslaan").click()
        expect(bram.locator(".wk-partijenlijst")).to_contain_text("Woonplus Schiedam")

        # A reloads and finds the change in the history under B's name
        open_pagina(anna, f"{url}{WELKOM}?dossier={dossier_id}")
        geschiedenis = anna.locator(".wk-geschiedenis").first
        expect(geschiedenis).to_contain_text("Bram Ouali")
        expect(geschiedenis).to_contain_text("organisatie leeg → ‘Woonplus Schiedam’")
    finally:
        anna_context.close()
        bram_context.close()
