"""Browser tests: Debian's Chromium (never 'playwright install') against a real Voilà server
started exactly as ``wijkkompas start`` starts it, pre-heated pool included.

On a user's machine without Chromium these tests are skipped with the reason; in CI (CI=true)
a missing browser is an error, so they can never silently not run there."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from wijkkompas_widgets.server import StartOpties

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_VLAGGEN = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
from browserhulp import WACHT_MS, draaiende_server, vrije_poort  # noqa: E402 - shared with the tests


def pytest_collection_modifyitems(items):
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        reden = "Chromium (Debian-pakket 'chromium') is niet geïnstalleerd"
        if os.environ.get("CI"):
            pytest.fail(f"{reden}; in CI mogen de browsertests niet worden overgeslagen.")
        pytest.skip(f"{reden}: browsertests overgeslagen. Installeer met: sudo apt-get install chromium")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_VLAGGEN}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 1000}, "locale": "nl-NL"}


@pytest.fixture
def context(context):
    """Every navigation (goto, reload) may take as long as a fresh kernel needs on a busy machine;
    Playwright's 30 s default was too short for a reload of 03 in CI."""
    context.set_default_navigation_timeout(WACHT_MS)
    return context


@pytest.fixture(scope="session")
def voila_server():
    """Base URL of a Voilà server on loopback with its own empty data folder."""
    data_map = Path(tempfile.mkdtemp(prefix="wijkkompas-browser-"))
    opties = StartOpties(port=vrije_poort(), open_browser=False, pool_size=1, cull_interval=10, cull_idle_timeout=120)
    _SERVERLOG[:] = [data_map / "voila.log"]
    _SERVERDATA[:] = [data_map]
    try:
        with draaiende_server(opties, data_map) as url:
            yield url
    finally:
        _SERVERLOG.clear()
        _SERVERDATA.clear()
        shutil.rmtree(data_map, ignore_errors=True)


_SERVERLOG: list[Path] = []
_SERVERDATA: list[Path] = []


@pytest.fixture
def server_store(voila_server):
    """The store of the server under test, to prepare a fresh dossier without clicking through the UI."""
    from wijkkompas_widgets.dossier.store import open_store

    return open_store(f"sqlite:///{_SERVERDATA[0] / 'wijkdossiers.sqlite'}")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing browser test gets the kernel tracebacks from the Voilà log in its report (widget
    callbacks log unexpected errors there), so a failure in CI shows its cause."""
    uitkomst = yield
    rapport = uitkomst.get_result()
    if rapport.failed and _SERVERLOG and _SERVERLOG[0].exists():
        tekst = _SERVERLOG[0].read_text(encoding="utf-8", errors="replace")
        if "Traceback" in tekst:
            start = tekst.index("Traceback")
            rapport.sections.append(("Voilà-log (tracebacks)", tekst[max(0, start - 300):][:8000]))
