"""What the facilitator and participant views of a live workshop share: the periodic refresh on the
kernel's event loop, the participant's join URL, and downloads as links.

Why an asyncio task: in Voilà the kernel keeps its event loop running after the notebook has executed,
so a task started from a cell keeps polling the store while the page is open (ipywidgets docs,
'Asynchronous widgets'). In plain pytest there is no running loop: nothing is started, and the tests
call the view's ``ververs()`` themselves.

No ipywidgets here: the workshop models use ``tijd`` and stay free of any widget.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import os
from collections.abc import Callable, Mapping
from datetime import datetime
from html import escape as e
from urllib.parse import quote

log = logging.getLogger("wijkkompas")

DEELNEMER_NOTEBOOK = "workshop_deelnemer.ipynb"
BEGELEIDER_NOTEBOOK = "workshop_begeleider.ipynb"
DEELNEMER_PAD = f"/voila/render/{DEELNEMER_NOTEBOOK}"


def tijd(moment: datetime | None = None) -> str:
    """hh:mm:ss of now (or of ``moment``) as the page shows it."""
    return (moment or datetime.now()).strftime("%H:%M:%S")


def deelnemer_url(code: str, omgeving: Mapping[str, str] | None = None) -> tuple[str, bool]:
    """The address participants open, and whether it is a full address (True) or only a path that the
    facilitator must put after the server's own address (False: plain Jupyter, tests, or an unknown host).

    ``WIJKKOMPAS_PUBLIEKE_URL`` wins (behind a proxy the kernel cannot know the public address); else the
    host and path of the facilitator's own request, which Voilà puts in the kernel's environment."""
    omgeving = os.environ if omgeving is None else omgeving
    query = f"?code={quote(code)}"
    publiek = (omgeving.get("WIJKKOMPAS_PUBLIEKE_URL") or "").strip().rstrip("/")
    if publiek:
        return f"{publiek}{DEELNEMER_PAD}{query}", True
    server = (omgeving.get("SERVER_NAME") or "").strip()
    pad = omgeving.get("SCRIPT_NAME") or ""
    if server and BEGELEIDER_NOTEBOOK.removesuffix(".ipynb") in pad:
        poort = (omgeving.get("SERVER_PORT") or "").strip()
        host = f"{server}:{poort}" if poort and poort not in ("80", "443") else server
        pad = pad.replace(BEGELEIDER_NOTEBOOK.removesuffix(".ipynb"), DEELNEMER_NOTEBOOK.removesuffix(".ipynb"))
        return f"http://{host}{pad}{query}", True
    return f"{DEELNEMER_PAD}{query}", False


def download_link(data: bytes, bestandsnaam: str, tekst: str, mime: str = "application/json") -> str:
    """A download in Voilà: a link with the file inside (there is no file server for the kernel's files)."""
    inhoud = base64.b64encode(data).decode("ascii")
    return (f'<a class="wk-download" download="{e(bestandsnaam)}" href="data:{mime};base64,{inhoud}">'
            f"⬇ {e(tekst)}</a>")


class Verversing:
    """Calls ``stap`` every ``interval`` seconds on the kernel's running event loop, while ``actief()``.

    An exception in ``stap`` is logged and handed to ``bij_fout`` (a Dutch message on the page); it never
    ends the loop, so one failed read (a locked database, a restarted server) does not stop the live view."""

    def __init__(self, stap: Callable[[], object], interval: float, *, actief: Callable[[], bool] = lambda: True,
                 bij_fout: Callable[[], None] = lambda: None):
        self.stap = stap
        self.interval = interval
        self.actief = actief
        self.bij_fout = bij_fout
        self._taak: asyncio.Future | None = None

    @property
    def loopt(self) -> bool:
        return self._taak is not None and not self._taak.done()

    def start(self) -> bool:
        """Start on the running loop; False (and nothing started) where there is none, as in plain tests."""
        if self.loopt:
            return True
        try:
            lus = asyncio.get_running_loop()  # a kernel runs its cells inside its (running) loop
        except RuntimeError:
            return False
        self._taak = asyncio.ensure_future(self._lus(), loop=lus)
        return True

    def stop(self) -> None:
        if self._taak is not None:
            self._taak.cancel()
            self._taak = None

    async def _lus(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            try:
                if self.actief():
                    self.stap()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("automatisch verversen van de workshop mislukte")
                try:
                    self.bij_fout()
                except Exception:
                    log.exception("melding over het mislukte verversen kon niet worden getoond")
