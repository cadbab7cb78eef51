"""The werkboek on JupyterHub: three users sign in at the hub, the hub starts a server for each of them, and all
servers share one PostgreSQL store. alice makes a dossier and adds bob as bewerker; bob sees it and alice's
change, alice sees bob's; carol sees only the example dossier and cannot open theirs. Each user's server runs
the werkboek only: no JupyterLab, no kernels API that runs code, and a server is closed to other users and to
a websocket without sign-in."""

from __future__ import annotations

import asyncio
import json
import re
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from tornado.httpclient import HTTPClientError, HTTPRequest
from tornado.websocket import websocket_connect

WACHT_MS = 180_000  # the first page of a fresh server (three start at once) on a busy CI machine
ZOEKEN_MS = 30_000
DOSSIER = "Hubtest Noord"
GEBRUIKERS = ("alice", "bob", "carol")  # the hub config allows exactly these


def meld_aan(context: BrowserContext, hub, naam: str) -> Page:
    """Sign in on the hub's own login page, as a user does."""
    page = context.new_page()
    page.goto(f"{hub.url}/hub/login", timeout=WACHT_MS)
    page.locator("#username_input").fill(naam)
    page.locator("#password_input").fill(hub.wachtwoord)
    page.locator("#login_submit").click()
    page.wait_for_url(re.compile(r"^(?!.*/hub/login).*$"), timeout=WACHT_MS)
    # The hub now starts the user's server and its waiting page redirects by itself; go to the hub's home page,
    # which stays put, so the page is ours again.
    page.goto(f"{hub.url}/hub/home", timeout=WACHT_MS)
    return page


def wacht_tot_servers_klaar(hub, namen, deadline_s: float = 120) -> None:
    einde = time.monotonic() + deadline_s
    open_ = set(namen)
    while open_ and time.monotonic() < einde:
        for naam in sorted(open_):
            status, inhoud = hub.api("GET", f"/users/{naam}")
            if status == 200 and json.loads(inhoud)["servers"].get("", {}).get("ready"):
                open_.discard(naam)
        time.sleep(0.3)
    assert not open_, f"De hub startte de server van {sorted(open_)} niet binnen {deadline_s} s"


def werkboek(hub, naam: str, pagina: str = "00_welkom.ipynb", query: str = "") -> str:
    return f"{hub.url}/user/{naam}/voila/render/{pagina}{query}"


def open_pagina(page: Page, url: str, wacht_op: str = ".wk-dossierkop") -> Page:
    page.goto(url, timeout=WACHT_MS, wait_until="commit")  # Voilà streams the page while the notebook runs
    page.locator(wacht_op).first.wait_for(timeout=WACHT_MS)
    return page


def voeg_partij_toe(page: Page, naam: str) -> None:
    oefening = page.locator(".wk-oefening-partijen")
    oefening.get_by_label("Naam", exact=True).fill(naam)
    oefening.get_by_label("Soort partij").select_option(label="Overig")
    oefening.get_by_role("button", name="Partij toevoegen").click()
    expect(oefening.get_by_text(f"Partij '{naam}' toegevoegd.")).to_be_visible(timeout=ZOEKEN_MS)


def voeg_lid_toe_via_opslag(hub, dossier_id: str, eigenaar: str, naam: str, rol: str) -> None:
    from wijkkompas_widgets.dossier.store import DossierStore

    store = DossierStore(hub.store_url)
    try:
        store.als(store.gebruiker_op_naam(eigenaar)).zet_lid(dossier_id, naam, rol)
    finally:
        store.engine.dispose()


@pytest.fixture
def contexten(browser: Browser):
    gemaakt = {naam: browser.new_context(viewport={"width": 1280, "height": 1000}, locale="nl-NL")
               for naam in GEBRUIKERS}
    for context in gemaakt.values():
        context.set_default_timeout(ZOEKEN_MS)
        context.set_default_navigation_timeout(WACHT_MS)
    yield gemaakt
    for context in gemaakt.values():
        context.close()


def test_drie_gebruikers_op_jupyterhub_delen_een_dossier_op_postgresql(hub, contexten):
    begin = time.monotonic()
    # -- sign in at the hub; the hub starts every user's own server ---------------------------------------------
    paginas = {naam: meld_aan(contexten[naam], hub, naam) for naam in GEBRUIKERS}
    for naam in GEBRUIKERS:  # the hub spawns (the login page starts it too; asking twice does no harm)
        status, _ = hub.api("POST", f"/users/{naam}/server")
        assert status in (201, 202, 400), status  # 400: already running
    wacht_tot_servers_klaar(hub, GEBRUIKERS)
    for naam, page in paginas.items():
        # Start each werkboek now, without waiting, so the three start side by side. A same-origin fetch
        # follows the hub's OAuth redirects and leaves the server's cookie, as a first visit does.
        page.evaluate("url => { window.wkStart = fetch(url).then(r => r.status, () => 0); }",
                      f"/user/{naam}/voila/static/")
    for page in paginas.values():  # wait for all three, so no page runs a second OAuth dance alongside
        page.evaluate("() => window.wkStart")

    # -- alice: a new dossier, a party in it, and bob as bewerker -------------------------------------------
    alice = open_pagina(paginas["alice"], werkboek(hub, "alice"))
    expect(alice.locator("html")).to_have_attribute("lang", "nl")
    alice.get_by_role("button", name="Nieuw dossier…").click()
    alice.get_by_label("Naam van het dossier").fill(DOSSIER)
    alice.get_by_label("Wijk", exact=True).fill("Noord")
    alice.get_by_label("Gemeente", exact=True).fill("Hubstad")
    alice.get_by_role("button", name="Dossier aanmaken").click()
    expect(alice.get_by_text(f"Dossier '{DOSSIER}' is aangemaakt en geopend.")).to_be_visible()
    fase1 = alice.get_by_role("link", name=re.compile("Naar fase 1"))
    dossier_id = re.search(r"[?&]dossier=([0-9a-f]+)", fase1.get_attribute("href") or "")
    assert dossier_id, "de link naar fase 1 draagt het dossier niet"
    dossier_id = dossier_id.group(1)

    # bob and carol have visited once, so the werkboek knows their hub names (an account with bron 'hub')
    bob = open_pagina(paginas["bob"], werkboek(hub, "bob"))
    carol = open_pagina(paginas["carol"], werkboek(hub, "carol"))

    leden = alice.locator(".wk-leden")
    if leden.count() == 0:
        # TIJDELIJK, weghalen zodra de ledenlijst (widgets/leden.py) op de welkomstpagina staat: zonder die UI
        # zet de test bob via de opslag als bewerker, in naam van alice (eigenaar).
        voeg_lid_toe_via_opslag(hub, dossier_id, "alice", "bob", "bewerker")
    else:
        leden.get_by_label("Inlognaam van het nieuwe lid").fill("bob")
        leden.get_by_label("Rol van het nieuwe lid").select_option(label="Bewerker")
        leden.get_by_role("button", name="Lid toevoegen").click()
        expect(leden.locator(".wk-leden-melding")).to_contain_text("is nu bewerker van dit dossier")
        expect(leden.locator(".wk-leden-lijst")).to_contain_text("bob")

    open_pagina(alice, werkboek(hub, "alice", "01_samen_starten.ipynb", f"?dossier={dossier_id}"),
                ".wk-oefening-partijen")
    voeg_partij_toe(alice, "Warmtebedrijf Hubstad")

    # -- bob: sees the dossier, alice's party, and adds one of his own ---------------------------------------
    bob.reload()
    bob.locator(".wk-dossierkop").first.wait_for(timeout=WACHT_MS)
    expect(bob.locator(".wk-welkom, body").first).to_contain_text(DOSSIER)
    open_pagina(bob, werkboek(hub, "bob", "01_samen_starten.ipynb", f"?dossier={dossier_id}"),
                ".wk-oefening-partijen")
    expect(bob.locator(".wk-dossier-titel")).to_contain_text(DOSSIER)
    expect(bob.locator(".wk-partijenlijst")).to_contain_text("Warmtebedrijf Hubstad")
    voeg_partij_toe(bob, "Energiecoöperatie Noord")

    alice.reload()
    alice.locator(".wk-oefening-partijen").wait_for(timeout=WACHT_MS)
    expect(alice.locator(".wk-partijenlijst")).to_contain_text("Energiecoöperatie Noord")

    # -- carol: only the example dossier; theirs is "not found or no access" --------------------------------
    carol.reload()
    carol.locator(".wk-dossierkop").first.wait_for(timeout=WACHT_MS)
    expect(carol.locator("body")).to_contain_text("Voorbeeld")
    expect(carol.locator("body")).not_to_contain_text(DOSSIER)
    open_pagina(carol, werkboek(hub, "carol", "01_samen_starten.ipynb", f"?dossier={dossier_id}"),
                ".wk-oefening-partijen")
    expect(carol.get_by_text("bestaat niet of je hebt er geen toegang toe").first).to_be_visible()
    expect(carol.get_by_text("Warmtebedrijf Hubstad")).to_have_count(0)  # nothing of the dossier shows
    assert "Traceback" not in carol.content()

    # -- the store: every change under the name of the hub user who made it ---------------------------------
    from wijkkompas_widgets.dossier.store import DossierStore

    store = DossierStore(hub.store_url)
    try:
        rollen = {lid.gebruiker: lid.rol for lid in store.leden(dossier_id)}
        assert rollen == {"alice": "eigenaar", "bob": "bewerker"}
        auteurs = {w.gebruiker for w in store.geschiedenis(dossier_id)}
        assert {"alice", "bob"} <= auteurs and "carol" not in auteurs
    finally:
        store.engine.dispose()

    duur = time.monotonic() - begin
    print(f"JupyterHub-test: drie gebruikers, één dossier, {duur:.1f} s")


def test_een_server_is_alleen_het_werkboek_en_alleen_voor_zijn_eigenaar(hub, contexten):
    """No JupyterLab, no kernels or contents API, no terminal; bob cannot open alice's server; a kernel
    websocket without sign-in is refused."""
    alice = meld_aan(contexten["alice"], hub, "alice")
    status, _ = hub.api("POST", "/users/alice/server")
    assert status in (201, 202, 400), status
    wacht_tot_servers_klaar(hub, ["alice"])
    open_pagina(alice, werkboek(hub, "alice"))
    for pad in ("api/kernels", "api/contents", "api/sessions", "api/terminals", "lab", "tree", "terminals/1"):
        antwoord = alice.request.get(f"{hub.url}/user/alice/{pad}", max_redirects=0)
        assert antwoord.status in (403, 404, 405), f"/user/alice/{pad} gaf {antwoord.status}"
    antwoord = alice.request.post(f"{hub.url}/user/alice/api/kernels", data="{}", max_redirects=0)
    assert antwoord.status in (403, 404, 405), f"een kernel starten gaf {antwoord.status}"

    bob = meld_aan(contexten["bob"], hub, "bob")
    antwoord = bob.goto(werkboek(hub, "alice"), timeout=WACHT_MS)
    assert antwoord.status == 403, f"bob op de server van alice: {antwoord.status} {bob.url}"
    assert bob.locator(".wk-dossierkop").count() == 0

    # a websocket to alice's server without her sign-in: refused before it reaches Voilà. Playwright's sync API
    # runs an event loop in this thread, so the websocket client gets a thread and a loop of its own.

    adres = hub.url.replace("http://", "ws://") + "/user/alice/api/kernels/0123/channels"

    async def verbind():
        verzoek = HTTPRequest(adres, headers={"Origin": hub.url})
        try:
            verbinding = await websocket_connect(verzoek)
        except HTTPClientError as fout:
            return fout.code
        verbinding.close()
        return 101

    with ThreadPoolExecutor(max_workers=1) as draad:
        assert draad.submit(asyncio.run, asyncio.wait_for(verbind(), 30)).result() == 403
