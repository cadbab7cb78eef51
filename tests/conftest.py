"""Shared fixtures. The whole run uses a throw-away data folder, also for nbval's kernels and
the Voilà server of the browser tests, so no test ever touches a user's real dossiers."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

_SESSIE_MAP = Path(tempfile.mkdtemp(prefix="wijkkompas-tests-"))
os.environ["WIJKKOMPAS_DATA_DIR"] = str(_SESSIE_MAP)  # before any kernel or store starts
os.environ.pop("WIJKKOMPAS_DB_URL", None)

REPO = Path(__file__).resolve().parents[1]


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_SESSIE_MAP, ignore_errors=True)


@pytest.fixture
def store_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'dossiers.sqlite'}"


@pytest.fixture
def store(store_url):
    from wijkkompas_widgets.dossier import DossierStore

    return DossierStore(store_url)


@pytest.fixture
def lege_store(store_url):
    """A store without the example dossier."""
    from wijkkompas_widgets.dossier import DossierStore

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
