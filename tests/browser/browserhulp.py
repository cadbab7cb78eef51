"""Helpers shared by the browser tests."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from wijkkompas_widgets.server import StartOpties, voila_argv, voila_omgeving

WACHT_MS = 90_000  # the first page of a fresh server is the slowest


def open_pagina(page, url: str, wacht_op: str = ".wk-dossierkop"):
    """Open a werkboek page and wait until its widgets are really there."""
    page.goto(url, timeout=WACHT_MS)
    page.locator(wacht_op).first.wait_for(timeout=WACHT_MS)
    return page


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wacht_op_server(url: str, proces: subprocess.Popen, deadline_s: float = 90) -> None:
    einde = time.monotonic() + deadline_s
    while time.monotonic() < einde:
        if proces.poll() is not None:
            raise RuntimeError(f"Voilà stopte meteen (code {proces.returncode})")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except urllib.error.HTTPError:
            return  # any HTTP answer means the server is up
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("Voilà kwam niet op tijd op")


@contextlib.contextmanager
def draaiende_server(opties: StartOpties, data_map: Path) -> Iterator[str]:
    """Voilà started as ``wijkkompas start`` starts it, on ``data_map``, logging to ``data_map/voila.log``; yields
    its base URL and stops it (and so its kernels) afterwards."""
    omgeving = voila_omgeving({**os.environ, "WIJKKOMPAS_DATA_DIR": str(data_map)})
    with open(data_map / "voila.log", "w") as log:
        proces = subprocess.Popen([sys.executable, "-m", "wijkkompas_widgets.server", *voila_argv(opties)],
                                  env=omgeving, stdout=log, stderr=subprocess.STDOUT)
        try:
            wacht_op_server(f"http://127.0.0.1:{opties.port}/voila/static/", proces)
            yield f"http://127.0.0.1:{opties.port}"
        finally:
            proces.terminate()
            try:
                proces.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proces.kill()
