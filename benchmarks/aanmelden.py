"""What signing in costs on page load: the welcome page in *aanmelden* mode against the same page in *lokaal* mode.

Two Voilà servers are started exactly as ``wijkkompas start`` starts them, on loopback, on one data folder: one in
*lokaal* mode, one in *aanmelden* mode (the sign-in gate, the signed identity header, the account lookup in the
kernel). In every round each server serves ``00_welkom`` once in a fresh Chromium context, in alternating order;
the signed-in context carries a session cookie made beforehand (signing in itself is not part of a page load).
Both welcome pages open the same dossier, one the signed-in account owns; a fourth line shows the example
dossier as that account sees it (read-only, every control disabled). The floor is a bare notebook written by
this script (ipywidgets and one button, *not* the werkboek package) on the *lokaal* server, measured in the same
rounds: what any Voilà page costs on this machine right now, so the welcome pages are also printed as a factor.

Target (issue 13): aanmelden ≤ 1.10 × lokaal for the time to an interactive first exercise. The verdict is
information, not a test: the exit code is 0 as long as the measurement itself works.

Run from the project folder: ``python3 benchmarks/aanmelden.py [--rondes N] [--json PAD]``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import laadtijd
from laadtijd import (
    CHROMIUM,
    CHROMIUM_VLAGGEN,
    VoilaServer,
    belasting,
    meet_pagina,
)

from wijkkompas_widgets.dossier import SYSTEEM
from wijkkompas_widgets.dossier.store import DossierStore
from wijkkompas_widgets.paths import notebooks_dir
from wijkkompas_widgets.toegang.poort import COOKIE

WELKOM = "00_welkom.ipynb"
VLOER = "kaal.ipynb"
KAAL = {
    "cells": [{"cell_type": "code", "execution_count": None, "id": "kaal", "metadata": {}, "outputs": [],
               "source": ["import ipywidgets as w\n", "knop = w.Button(description='Vloer')\n",
                          "knop.add_class('wk-kaart')\n", "knop"]}],
    "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
    "nbformat": 4, "nbformat_minor": 5,
}
DOEL = 1.10


class IngelogdeBrowser:
    """A browser whose every new context carries the session cookie of one account on ``server``."""

    def __init__(self, browser, server: VoilaServer, token: str):
        self._browser, self._server, self._token = browser, server, token

    def new_context(self, **kwargs):
        context = self._browser.new_context(**kwargs)
        context.add_cookies([{"name": COOKIE, "value": self._token, "url": self._server.url, "httpOnly": True}])
        return context


def _notebookmap(werkmap: Path) -> Path:
    """The werkboek's notebooks plus the bare floor notebook, in one folder both servers serve."""
    doel = werkmap / "notebooks"
    doel.mkdir()
    for bestand in notebooks_dir().glob("*.ipynb"):
        (doel / bestand.name).write_bytes(bestand.read_bytes())
    (doel / VLOER).write_text(json.dumps(KAAL), encoding="utf-8")
    return doel


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rondes", type=int, default=7, help="Aantal rondes (standaard 7).")
    parser.add_argument("--timeout", type=float, default=120.0, help="Maximale seconden per pagina.")
    parser.add_argument("--json", type=Path, help="Schrijf de metingen ook als JSON naar dit bestand.")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    print(f"Belasting vooraf: {belasting()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="wk-aanmelden-bench-") as tmp:
        werkmap = Path(tmp)
        notebooks = _notebookmap(werkmap)
        data_map = werkmap / "data"
        data_map.mkdir()
        for naam in ("lokaal", "aanmelden"):
            (werkmap / naam).mkdir()
        lokaal = VoilaServer(notebooks, werkmap / "lokaal", modus="lokaal", data_map=data_map)
        aanmelden = VoilaServer(notebooks, werkmap / "aanmelden", modus="aanmelden", data_map=data_map)
        beheer = DossierStore(aanmelden.store_url).als(SYSTEEM)
        beheer.maak_gebruiker("meter", "een-lang-wachtwoord", weergavenaam="Meter")
        meter = beheer.als(beheer.gebruiker_op_naam("meter"))
        token = beheer.maak_aanmeldsessie(meter.gebruiker)
        # the same dossier on both servers, one the signed-in person owns (lokaal sees every dossier): both pages
        # then show the same editable exercises, and the difference is what signing in costs
        eigen = f"{WELKOM}?dossier={meter.maak_dossier('Meetdossier', 'Groenoord', 'Schiedam').id}"
        voorbeeld = f"{WELKOM}?dossier={next(d.id for d in meter.dossiers() if d.is_voorbeeld)}"
        for pagina in (eigen, voorbeeld):
            laadtijd.EERSTE_OEFENING[pagina] = laadtijd.EERSTE_OEFENING[WELKOM]
        tijden: dict[str, list[float]] = {"vloer (lokaal)": [], "00_welkom lokaal": [], "00_welkom aanmelden": [],
                                          "voorbeeld als lezer": []}
        fouten: list[str] = []
        try:
            for server in (lokaal, aanmelden):
                server.wacht_tot_bereikbaar(args.timeout)
            gebruikt: dict[tuple[int, str], int] = {}
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_VLAGGEN, headless=True)
                ingelogd = IngelogdeBrowser(browser, aanmelden, token)
                stappen = [("vloer (lokaal)", lokaal, VLOER, VLOER, browser),
                           ("00_welkom lokaal", lokaal, WELKOM, eigen, browser),
                           ("00_welkom aanmelden", aanmelden, WELKOM, eigen, ingelogd),
                           ("voorbeeld als lezer", aanmelden, WELKOM, voorbeeld, ingelogd)]
                for ronde in range(args.rondes):
                    volgorde = stappen[ronde % len(stappen):] + stappen[:ronde % len(stappen)]
                    for naam, server, notebook, pagina, met in volgorde:
                        sleutel = (id(server), notebook)
                        server.wacht_op_pool(notebook, gebruikt.get(sleutel, 0) + 1, args.timeout)
                        gebruikt[sleutel] = gebruikt.get(sleutel, 0) + 1
                        meting = meet_pagina(met, server, pagina, ronde + 1, args.timeout)
                        if meting.fout:
                            fouten.append(f"{naam} ronde {ronde + 1}: {meting.fout}")
                        else:
                            tijden[naam].append(meting.seconden)
                        print(f"  ronde {ronde + 1}: {naam:22} {meting.seconden or float('nan'):6.2f} s", flush=True)
                        time.sleep(1.0)
                browser.close()
        finally:
            for server in (lokaal, aanmelden):
                server.stop()
    mediaan = {naam: statistics.median(waarden) for naam, waarden in tijden.items() if waarden}
    print("\nMediaan tot de eerste oefening bedienbaar is:")
    for naam, waarde in mediaan.items():
        print(f"  {naam:22} {waarde:6.2f} s  ({len(tijden[naam])} metingen, min {min(tijden[naam]):.2f}, "
              f"max {max(tijden[naam]):.2f})")
    if "00_welkom lokaal" in mediaan and "00_welkom aanmelden" in mediaan:
        factor = mediaan["00_welkom aanmelden"] / mediaan["00_welkom lokaal"]
        vloer = mediaan.get("vloer (lokaal)")
        oordeel = "binnen doel" if factor <= DOEL else "boven doel"
        print(f"\naanmelden / lokaal: {factor:.3f}×  (doel ≤ {DOEL:.2f}×: {oordeel})")
        if vloer:
            print(f"00_welkom lokaal / vloer: {mediaan['00_welkom lokaal'] / vloer:.2f}×; "
                  f"00_welkom aanmelden / vloer: {mediaan['00_welkom aanmelden'] / vloer:.2f}×")
    for fout in fouten:
        print(f"  (mislukt: {fout})")
    print(f"Belasting achteraf: {belasting()}")
    if args.json:
        args.json.write_text(json.dumps({"tijden": tijden, "mediaan": mediaan, "fouten": fouten}, indent=2))
    return 0 if mediaan else 1


if __name__ == "__main__":
    sys.exit(main())
