"""The JupyterHub test: a real hub (PyPI ``jupyterhub``, npm ``configurable-http-proxy``) on loopback, started
with tests/hub/jupyterhub_config.py, every user's server on one throw-away PostgreSQL store.

Locally the test is skipped with the reason when PostgreSQL, the hub's programs or Chromium are missing; in CI
(CI=true, where .ci/run installs all of them) a missing piece is an error, so the test can never silently not
run there."""

from __future__ import annotations

import importlib.util
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

CONFIG = Path(__file__).with_name("jupyterhub_config.py")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_VLAGGEN = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/hub/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)  # so `-m "not browser"` leaves it out, like the browser tests


def _ontbreekt() -> list[str]:
    """What the hub test needs and this machine lacks, in Dutch."""
    ontbreekt = []
    if not os.environ.get("WIJKKOMPAS_TEST_PG_URL"):
        ontbreekt.append("WIJKKOMPAS_TEST_PG_URL (start een cluster met .ci/postgres.sh)")
    if shutil.which("jupyterhub") is None or importlib.util.find_spec("jupyterhub") is None:
        ontbreekt.append("jupyterhub (pip install jupyterhub)")
    if importlib.util.find_spec("jhsingle_native_proxy") is None:
        ontbreekt.append("jhsingle-native-proxy (pip install jhsingle-native-proxy)")
    if shutil.which("configurable-http-proxy") is None:
        ontbreekt.append("configurable-http-proxy (npm install -g configurable-http-proxy)")
    if not Path(CHROMIUM).exists():
        ontbreekt.append("Chromium (Debian-pakket 'chromium')")
    return ontbreekt


def sla_over_of_faal() -> None:
    ontbreekt = _ontbreekt()
    if not ontbreekt:
        return
    reden = "De JupyterHub-test mist: " + "; ".join(ontbreekt)
    if os.environ.get("CI"):
        pytest.fail(f"{reden}. In CI installeert .ci/run dit; de test mag daar niet worden overgeslagen.")
    pytest.skip(f"{reden}. Installeer het (zie .ci/run) om de test te draaien.")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    sla_over_of_faal()
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_VLAGGEN}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 1000}, "locale": "nl-NL"}


def _vrije_poort() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass(frozen=True)
class Hub:
    url: str            # http://127.0.0.1:PORT (the hub's proxy: what a browser opens)
    token: str          # the test's own service token (read users and servers, start servers)
    wachtwoord: str     # every test user's password (DummyAuthenticator)
    store_url: str      # the werkboek's store, shared by all users' servers
    log: Path

    def api(self, methode: str, pad: str, *, timeout: float = 30) -> tuple[int, bytes]:
        verzoek = urllib.request.Request(f"{self.url}/hub/api{pad}", method=methode,
                                         headers={"Authorization": f"token {self.token}"})
        try:
            with urllib.request.urlopen(verzoek, timeout=timeout) as antwoord:
                return antwoord.status, antwoord.read()
        except urllib.error.HTTPError as fout:
            return fout.code, fout.read()


def _pg_database() -> tuple[str, object]:
    from sqlalchemy import create_engine, text

    basis = os.environ["WIJKKOMPAS_TEST_PG_URL"]
    naam = f"wk_hub_{os.getpid()}_{secrets.token_hex(3)}"
    beheer = create_engine(basis, isolation_level="AUTOCOMMIT")
    with beheer.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{naam}"'))

    def opruimen():
        with beheer.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)'))
        beheer.dispose()

    return basis.rsplit("/", 1)[0] + f"/{naam}", opruimen


def _wacht_op_hub(url: str, proces: subprocess.Popen, log: Path, deadline_s: float = 90) -> None:
    einde = time.monotonic() + deadline_s
    while time.monotonic() < einde:
        if proces.poll() is not None:
            raise RuntimeError(f"JupyterHub stopte meteen (code {proces.returncode}):\n{_staart(log)}")
        try:
            with urllib.request.urlopen(f"{url}/hub/api/", timeout=5):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"JupyterHub kwam niet op tijd op:\n{_staart(log)}")


def _staart(log: Path, tekens: int = 6000) -> str:
    return log.read_text(encoding="utf-8", errors="replace")[-tekens:] if log.exists() else "(geen log)"


_HUBLOG: list[Path] = []


@pytest.fixture(scope="module")
def hub():
    sla_over_of_faal()
    from wijkkompas_widgets.dossier.store import DossierStore

    map_ = Path(tempfile.mkdtemp(prefix="wijkkompas-hub-"))
    store_url, opruimen = _pg_database()
    # The schema and the example dossier once, before three servers start at the same moment (as an operator
    # does with the first `wijkkompas gebruiker toevoegen`, see docs/hosting.md).
    DossierStore(store_url).engine.dispose()
    poort = _vrije_poort()
    token = secrets.token_hex(32)
    wachtwoord = secrets.token_urlsafe(12)
    omgeving = {
        **os.environ,
        "WK_HUB_MAP": str(map_), "WK_HUB_POORT": str(poort), "WK_HUB_API_POORT": str(_vrije_poort()),
        "WK_PROXY_API_POORT": str(_vrije_poort()), "WK_HUB_WACHTWOORD": wachtwoord, "WK_HUB_DB_URL": store_url,
        "WK_HUB_SERVICE_TOKEN": token,
    }
    omgeving.pop("WIJKKOMPAS_DB_URL", None)
    log = map_ / "jupyterhub.log"
    _HUBLOG[:] = [log]
    with open(log, "w") as uitvoer:
        proces = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(CONFIG)], cwd=map_, env=omgeving,
            stdout=uitvoer, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        url = f"http://127.0.0.1:{poort}"
        _wacht_op_hub(url, proces, log)
        yield Hub(url=url, token=token, wachtwoord=wachtwoord, store_url=store_url, log=log)
    finally:
        # SIGTERM: the hub stops the users' servers and its proxy itself (cleanup_servers, cleanup_proxy)
        proces.send_signal(signal.SIGTERM)
        try:
            proces.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proces.pid, signal.SIGKILL)
            proces.wait(timeout=10)
        _HUBLOG.clear()
        try:
            opruimen()
        finally:
            shutil.rmtree(map_, ignore_errors=True)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing hub test carries the end of the hub's log (the users' servers log into it too)."""
    uitkomst = yield
    rapport = uitkomst.get_result()
    if rapport.failed and _HUBLOG:
        rapport.sections.append(("JupyterHub-log (einde)", _staart(_HUBLOG[0], 12000)))
