"""Shared fixtures. The whole run uses a throw-away data folder, also for nbval's kernels and
the Voilà server of the browser tests, so no test ever touches a user's real dossiers."""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from pg_hulp import PG_BASIS_URL, PG_REDEN, nieuwe_pg_database, pg_beheer, pg_url, werker
from sqlalchemy import text

_SESSIE_MAP = Path(tempfile.mkdtemp(prefix="wijkkompas-tests-"))
os.environ["WIJKKOMPAS_DATA_DIR"] = str(_SESSIE_MAP)  # before any kernel or store starts
os.environ.pop("WIJKKOMPAS_DB_URL", None)

REPO = Path(__file__).resolve().parents[1]


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_SESSIE_MAP, ignore_errors=True)


# PostgreSQL for the store tests: an empty cluster on loopback (``.ci/postgres.sh`` starts one). Tests
# marked ``beide_backends`` run on SQLite and on PostgreSQL, each in a fresh database copied from a
# migrated template, so they are as isolated as the SQLite file per test.


def pytest_configure(config):
    config.addinivalue_line("markers", "beide_backends: draait op SQLite én op PostgreSQL (store_url)")
    config.addinivalue_line("markers", "alleen_sqlite: test over het SQLite-bestand zelf")
    config.addinivalue_line("markers", "exclusief: zware test die de machine even voor zich alleen krijgt")


# Both xdist workers share two cores. A load test starts 30 processes and LibreOffice converts a
# 31-page report; a Voilà page rendering on the other worker at that moment waited over 30 s in CI.
# So browser tests share a slot and heavy tests take it alone: they never run at the same time,
# and each still runs at full speed. Other tests are unaffected.
def _slotbestand(config) -> Path:
    run = getattr(config, "workerinput", {}).get("testrunuid", str(os.getpid()))
    return Path(tempfile.gettempdir()) / f"wijkkompas-tests-{run}.slot"


@pytest.fixture(autouse=True)
def _zware_tests_niet_tegelijk_met_de_browser(request):
    if request.node.get_closest_marker("exclusief") or request.node.get_closest_marker("last"):
        soort = fcntl.LOCK_EX
    elif request.node.get_closest_marker("browser"):
        soort = fcntl.LOCK_SH
    else:
        yield
        return
    with open(_slotbestand(request.config), "a") as slot:
        fcntl.flock(slot, soort)  # released when the file closes
        yield


def pytest_generate_tests(metafunc):
    definitie = metafunc.definition
    if ("backend" in metafunc.fixturenames and definitie.get_closest_marker("beide_backends")
            and not definitie.get_closest_marker("alleen_sqlite")):
        # In CI a missing PostgreSQL is an error (the fixture fails), never a silent skip.
        pg = pytest.param("postgresql", marks=pytest.mark.skipif(
            not PG_BASIS_URL and not os.environ.get("CI"), reason=PG_REDEN))
        metafunc.parametrize("backend", ["sqlite", pg], indirect=True)


@pytest.fixture(scope="session")
def pg_sjabloon():
    """A migrated, empty database per xdist worker: new test databases are copies of it (fast)."""
    from wijkkompas_widgets.dossier.store import DossierStore

    naam = f"wk_sjabloon_{werker()}_{os.getpid()}"  # unique: several test runs may share one cluster
    beheer = pg_beheer()
    with beheer.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{naam}"'))
    store = DossierStore(pg_url(naam), voorbeeld=False)
    store.engine.dispose()
    yield naam
    with beheer.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)'))
    beheer.dispose()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.skipif(
    not PG_BASIS_URL and not os.environ.get("CI"), reason=PG_REDEN))])
def opslag_url(request, tmp_path_factory) -> str:
    """One store per module on each backend, for modules whose tests each work in dossiers of their own
    (migrating is the slow part)."""
    if request.param == "postgresql":
        url, opruimen = nieuwe_pg_database(request.getfixturevalue("pg_sjabloon"))
        yield url
        opruimen()
        return
    yield f"sqlite:///{tmp_path_factory.mktemp('opslag') / 'dossiers.sqlite'}"


@pytest.fixture(scope="module")
def opslag(opslag_url):
    from wijkkompas_widgets.dossier.store import DossierStore

    return DossierStore(opslag_url, voorbeeld=False)


@pytest.fixture
def backend(request) -> str:
    return getattr(request, "param", "sqlite")


@pytest.fixture
def store_url(backend, tmp_path, request) -> str:
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'dossiers.sqlite'}"
        return
    url, opruimen = nieuwe_pg_database(request.getfixturevalue("pg_sjabloon"))
    yield url
    opruimen()


@pytest.fixture
def store(store_url):
    from wijkkompas_widgets.dossier.store import DossierStore

    return DossierStore(store_url)


@pytest.fixture
def lege_store(store_url):
    """A store without the example dossier."""
    from wijkkompas_widgets.dossier.store import DossierStore

    return DossierStore(store_url, voorbeeld=False)


@pytest.fixture
def inhoud():
    from wijkkompas_widgets.content import inhoud as geladen

    return geladen()


@pytest.fixture
def content_kopie(tmp_path) -> Path:
    """A writable copy of data/ to break on purpose."""
    doel = tmp_path / "data"
    shutil.copytree(REPO / "data", doel)
    return doel


@pytest.fixture
def wup_wijk(lege_store):
    """A dossier for the phase-4 WUP exercises: two parties and three koppelkansen (one chosen in phase 3, one in
    the top 3, one loose). Returns the dossier and its rows by name."""
    from wijkkompas_widgets.dossier import PartijInvoer
    from wijkkompas_widgets.dossier.records import KoppelkansInvoer

    store = lege_store
    dossier = store.maak_dossier("Testwijk", "Noord", "Delft")
    gemeente = store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    corporatie = store.voeg_partij_toe(dossier.id, PartijInvoer("Corporatie <script>x</script>", "woningcorporatie"))
    riool = store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Riool en warmtenet"))
    riool = store.besluit_koppelkans(dossier.id, riool.id, "gekozen", "", riool.versie)
    plein = store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Groen schoolplein"))
    store.zet_koppelkans_scores(dossier.id, plein.id, {"wensen": 5, "extra-kosten": 4, "doorlooptijd": 4}, plein.versie)
    los = store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Zonnepanelen op de sporthal"))
    return {"dossier": dossier, "gemeente": gemeente, "corporatie": corporatie, "riool": riool, "plein": plein,
            "los": los}
