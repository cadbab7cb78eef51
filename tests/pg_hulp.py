"""PostgreSQL for the store tests: a fresh database per test, copied from a migrated template.

A module of its own (not conftest): ``from conftest import …`` is ambiguous when tests/browser has a
conftest too, and then picks the wrong one.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from itertools import count

import pytest
from sqlalchemy import create_engine, text

PG_BASIS_URL = os.environ.get("WIJKKOMPAS_TEST_PG_URL")
PG_REDEN = "WIJKKOMPAS_TEST_PG_URL is niet gezet (start een cluster met .ci/postgres.sh)"
_teller = count(1)


def pg_beheer():
    if not PG_BASIS_URL:
        pytest.fail(f"{PG_REDEN}; in CI draaien de store-tests ook op PostgreSQL.")
    return create_engine(PG_BASIS_URL, isolation_level="AUTOCOMMIT")


def pg_url(database: str) -> str:
    return PG_BASIS_URL.rsplit("/", 1)[0] + f"/{database}"


def werker() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "gw")


def nieuwe_pg_database(sjabloon: str) -> tuple[str, Callable[[], None]]:
    """A fresh copy of the template; returns its URL and a function that drops it."""
    naam = f"wk_t_{werker()}_{os.getpid()}_{next(_teller)}"
    beheer = pg_beheer()
    with beheer.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{naam}" TEMPLATE "{sjabloon}"'))

    def opruimen():
        with beheer.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)'))
        beheer.dispose()

    return pg_url(naam), opruimen
