"""Helpers shared by the browser tests."""

import socket
import subprocess
import time
import urllib.error
import urllib.request

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
