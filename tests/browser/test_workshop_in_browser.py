"""A live workshop in the browser: a facilitator and two participants, each in their own browser context
(as on their own laptops), and a Voilà server killed in the middle of a round.

What only a browser shows: the join link on the facilitator's screen works, the facilitator's view and
the participants' forms update by themselves (no clicks) when the others act, and after a crash of the
whole server (Voilà and its kernels) a participant finds every answer the page showed as saved."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import pytest
from browserhulp import WACHT_MS, vrije_poort, wacht_op_server
from playwright.sync_api import expect

from wijkkompas_widgets.content import inhoud
from wijkkompas_widgets.dossier import PartijInvoer
from wijkkompas_widgets.dossier.store import open_store
from wijkkompas_widgets.server import StartOpties, voila_argv, voila_omgeving

LIVE_MS = 20_000  # the views poll every 2-3 s; generous for a loaded CI machine
CRITERIA = ("Kosten voor bewoners", "Draagvlak in de wijk", "CO2-reductie")


def _dossier_voor_weging(store) -> str:
    dossier = store.maak_dossier(f"Workshopwijk {uuid.uuid4().hex[:6]}")
    for naam, soort in (("Gemeente Delft", "gemeente"), ("Woonbron", "woningcorporatie")):
        store.voeg_partij_toe(dossier.id, PartijInvoer(naam, soort))
    for naam in CRITERIA:
        store.voeg_criterium_toe(dossier.id, naam)
    return dossier.id


def _doe_mee(context, url: str, naam: str, organisatie: str):
    pagina = context.new_page()
    pagina.goto(url, timeout=WACHT_MS)
    pagina.locator(".wk-workshop-naam input").wait_for(timeout=WACHT_MS)
    pagina.locator(".wk-workshop-naam input").fill(naam)
    pagina.locator(".wk-workshop-organisatie input").fill(organisatie)
    pagina.locator(".wk-workshop-meedoen").click()
    expect(pagina.locator(".wk-workshop-herstelcode")).to_be_visible(timeout=WACHT_MS)
    return pagina


def _verdeel(pagina, punten: tuple[int, ...]) -> None:
    formulier = pagina.locator(".wk-workshop-formulier-weging")
    expect(formulier).to_be_visible(timeout=LIVE_MS)  # appears by itself once the round opens
    velden = formulier.locator("input[type='number']")
    for index, waarde in enumerate(punten):
        velden.nth(index).fill(str(waarde))
        velden.nth(index).press("Tab")
    expect(formulier.locator(".wk-workshop-som")).to_contain_text("100", timeout=WACHT_MS)
    formulier.locator(".wk-workshop-indienen").click()
    expect(formulier).to_contain_text("Ingediend ✔", timeout=WACHT_MS)


def test_begeleider_en_twee_deelnemers_live_tot_in_het_dossier(browser, browser_context_args, voila_server,
                                                              server_store):
    dossier_id = _dossier_voor_weging(server_store)
    begeleider = browser.new_context(**browser_context_args).new_page()
    begeleider.goto(f"{voila_server}/voila/render/workshop_begeleider.ipynb?dossier={dossier_id}", timeout=WACHT_MS)
    begeleider.locator(".wk-workshop-sessienaam input").wait_for(timeout=WACHT_MS)
    begeleider.locator(".wk-workshop-sessienaam input").fill("Werksessie criteria")
    begeleider.locator(".wk-workshop-pin input").fill("4821")
    begeleider.locator(".wk-workshop-pin2 input").fill("4821")
    begeleider.locator(".wk-workshop-maak").click()
    code = begeleider.locator(".wk-workshop-code")
    expect(code).to_have_text(re.compile(r"^[0-9A-Z]{4}-[0-9A-Z]{4}$"), timeout=WACHT_MS)
    link = re.search(r"http://\S+workshop_deelnemer\.ipynb\?code=[0-9A-Z]{8}",
                     begeleider.locator(".wk-workshop-deelnemen-vak").inner_text())
    assert link, "de deelnamelink staat niet op het scherm van de begeleider"
    assert link.group(0).endswith(code.inner_text().replace("-", ""))

    # two laptops follow the link on the screen, before the round is open
    ans = _doe_mee(browser.new_context(**browser_context_args), link.group(0), "Ans de Vries", "Gemeente Delft")
    bram = _doe_mee(browser.new_context(**browser_context_args), link.group(0), "Bram Peters", "Woonbron")
    stand = begeleider.locator(".wk-workshop-stand-vak")
    expect(stand).to_contain_text("2 deelnemers", timeout=LIVE_MS)

    weging = begeleider.locator(".wk-workshop-ronde-weging")
    weging.locator(".wk-workshop-open-ronde").click()
    expect(weging).to_contain_text("Open", timeout=WACHT_MS)
    _verdeel(ans, (60, 30, 10))
    _verdeel(bram, (20, 50, 30))

    # the facilitator's screen shows both submissions and the joint weights without a click
    expect(stand).to_contain_text("2 ingediend", timeout=LIVE_MS)
    uitslag = begeleider.locator(".wk-workshop-uitslag")
    for criterium in CRITERIA:
        expect(uitslag).to_contain_text(criterium, timeout=LIVE_MS)
    # a participant sees only their own name and answers
    assert "Bram" not in ans.locator(".wk-workshop-deelnemer").inner_text()
    assert "Ans" not in bram.locator(".wk-workshop-deelnemer").inner_text()

    weging.locator(".wk-workshop-sluit-ronde").click()
    expect(ans.locator(".wk-workshop-formulier-weging")).to_contain_text("Gesloten", timeout=LIVE_MS)
    expect(ans.locator(".wk-workshop-formulier-weging input[type='number']").first).to_be_disabled()

    weging.locator(".wk-workshop-overnemen").click()
    begeleider.locator(".wk-workshop-aanwezig input").fill("Gemeente Delft, Woonbron")
    begeleider.locator(".wk-workshop-overnemen-ja").click()
    expect(begeleider.locator(".wk-workshop-overname")).to_contain_text("Woonbron", timeout=WACHT_MS)

    partijen = {p.naam: p.id for p in server_store.partijen(dossier_id)}
    criteria = {c.naam: c.id for c in server_store.criteria(dossier_id)}
    wegingen = server_store.wegingen(dossier_id)
    assert wegingen[partijen["Gemeente Delft"]] == {criteria[n]: p for n, p in zip(CRITERIA, (60, 30, 10), strict=True)}
    assert wegingen[partijen["Woonbron"]] == {criteria[n]: p for n, p in zip(CRITERIA, (20, 50, 30), strict=True)}
    assert any("Werksessie criteria" in b.wat or "Werksessie criteria" in b.onderbouwing
               for b in server_store.besluiten(dossier_id))


# -- a crash in the middle of a round ---------------------------------------------------------------
class Server:
    """A Voilà server of its own (started like ``wijkkompas start``) that can be killed outright."""

    def __init__(self, data_map: Path):
        self.data_map = data_map
        self.poort = vrije_poort()
        omgeving = voila_omgeving({**os.environ, "WIJKKOMPAS_DATA_DIR": str(data_map)})
        opties = StartOpties(port=self.poort, open_browser=False, pool_size=1, cull_interval=10,
                             cull_idle_timeout=120)
        self._log = open(data_map / f"voila-{self.poort}.log", "w")  # noqa: SIM115 - closed in stop()
        self.proces = subprocess.Popen([sys.executable, "-m", "wijkkompas_widgets.server", *voila_argv(opties)],
                                       env=omgeving, stdout=self._log, stderr=subprocess.STDOUT)
        wacht_op_server(f"{self.url}/voila/static/", self.proces)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.poort}"

    def kernels(self) -> list[int]:
        uit = subprocess.run(["pgrep", "-P", str(self.proces.pid)], capture_output=True, text=True).stdout
        return [int(pid) for pid in uit.split()]

    def dood(self) -> None:
        """SIGKILL for Voilà and every kernel it started: no shutdown code runs anywhere."""
        slachtoffers = [self.proces.pid, *self.kernels()]
        for pid in slachtoffers:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self.proces.wait(timeout=20)
        self._log.close()

    def stop(self) -> None:
        if self.proces.poll() is None:
            self.proces.terminate()
            try:
                self.proces.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proces.kill()
        self._log.close()


@pytest.fixture
def eigen_data_map():
    map_ = Path(tempfile.mkdtemp(prefix="wijkkompas-crash-"))
    yield map_
    shutil.rmtree(map_, ignore_errors=True)


def test_server_gedood_midden_in_een_ronde_verliest_niets_wat_opgeslagen_leek(browser, browser_context_args,
                                                                          eigen_data_map):
    server = Server(eigen_data_map)
    tweede = None
    try:
        store = open_store(f"sqlite:///{eigen_data_map / 'wijkdossiers.sqlite'}")
        dossier = store.maak_dossier("Crashtest")
        sessie = store.maak_sessie(dossier.id, "Avond in de wijk", "9137", ["scan"])
        ronde = store.rondes(sessie.id)[0]
        store.open_ronde(sessie.id, ronde.id)

        pagina = _doe_mee(browser.new_context(**browser_context_args),
                          f"{server.url}/voila/render/workshop_deelnemer.ipynb?code={sessie.code}",
                          "Carla Smit", "Bewonersraad")
        herstelcode = pagina.locator(".wk-workshop-herstelcode").inner_text()
        formulier = pagina.locator(".wk-workshop-formulier-scan")
        groepen = formulier.locator(".wk-workshop-knoppen")
        keuzes = (3, 1, 4, 0, 2)  # button index per statement: 4, 2, 5, 1, 3
        for nummer, keuze in enumerate(keuzes, start=1):
            groepen.nth(nummer - 1).locator("button").nth(keuze).click()
            # the count goes up only after the store acknowledged the answer
            expect(formulier.locator(".wk-workshop-telling").first).to_contain_text(
                f"{nummer} van 30 beantwoord", timeout=WACHT_MS)

        server.dood()
        tweede = Server(eigen_data_map)
        pagina.goto(f"{tweede.url}/voila/render/workshop_deelnemer.ipynb?code={sessie.code}", timeout=WACHT_MS)
        pagina.locator(".wk-workshop-herstelcode-invoer input").wait_for(timeout=WACHT_MS)
        pagina.locator(".wk-workshop-herstelcode-invoer input").fill(herstelcode)
        pagina.locator(".wk-workshop-verder").click()
        formulier = pagina.locator(".wk-workshop-formulier-scan")
        expect(formulier.locator(".wk-workshop-telling").first).to_contain_text("5 van 30 beantwoord",
                                                                               timeout=WACHT_MS)
        groepen = formulier.locator(".wk-workshop-knoppen")
        for nummer, keuze in enumerate(keuzes):
            expect(groepen.nth(nummer).locator("button").nth(keuze)).to_have_class(re.compile("mod-active"))

        schaal = [waarde for waarde, _label in inhoud().fase1.scan.schaal]
        heropend = open_store(f"sqlite:///{eigen_data_map / 'wijkdossiers.sqlite'}")
        deelnemer = heropend.ga_verder(sessie.code, herstelcode)
        opgeslagen = heropend.mijn_antwoorden(deelnemer.id, ronde.id).waarden
        vragen = [v.sleutel for v in ronde.vragen]
        assert opgeslagen == {vragen[i]: schaal[k] for i, k in enumerate(keuzes)}
    finally:
        server.stop()
        if tweede is not None:
            tweede.stop()
