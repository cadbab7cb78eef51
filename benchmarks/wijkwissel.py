"""Hoe snel het wijkprofiel opnieuw getekend is na het kiezen van een andere wijk, naast een vloer uit dezelfde run.

Alles in één proces, zoals in één Voilà-kernel: de CBS-gegevens worden één keer geladen, daarna kiest het
script steeds een andere wijk in de echte widget (de Dropdown-waarde zetten, zoals een gebruiker doet) en meet
hoe lang het duurt tot tabel, wijk-DNA en kaart klaar zijn en de keuze is opgeslagen. De vloer is één triviale
matplotlib-figuur, als PNG omgezet via dezelfde ``figuur_html``. Dit is een benchmark, geen test: het oordeel
is informatie en de exitcode is 0 zolang de meting zelf gelukt is.

    python3 benchmarks/wijkwissel.py [--rondes N] [--json PAD]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from matplotlib.figure import Figure

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, also without an editable install

from wijkkompas_widgets.cbs.data import cbs_data
from wijkkompas_widgets.dossier.store import DossierStore
from wijkkompas_widgets.werkboek import open_werkboek
from wijkkompas_widgets.widgets.basis import figuur_html
from wijkkompas_widgets.widgets.wijkprofiel import WijkprofielOefening

DOEL_SECONDEN = 0.5
GEMEENTEN = ("GM0606", "GM0503", "GM0344", "GM0392", "GM0546", "GM0014")  # vijf met wijkgrenzen, één zonder


def vloer() -> float:
    """One trivial figure through the same PNG path: what any redraw costs at the least."""
    figuur = Figure(figsize=(2, 1.5), dpi=100)
    figuur.add_subplot().plot([0, 1], [0, 1])
    begin = time.perf_counter()
    figuur_html(figuur, "vloer")
    return time.perf_counter() - begin


def p95(waarden: list[float]) -> float:
    geordend = sorted(waarden)
    return geordend[min(len(geordend) - 1, round(0.95 * (len(geordend) - 1)))]


def meet(rondes: int) -> dict:
    begin = time.perf_counter()
    cbs_data()
    laden = time.perf_counter() - begin
    with tempfile.TemporaryDirectory() as map_:
        url = f"sqlite:///{Path(map_) / 'bench.sqlite'}"
        store = DossierStore(url, voorbeeld=False)
        dossier = store.maak_dossier("Benchmark wijkwissel")
        oefening = WijkprofielOefening(open_werkboek("x", store_url=url, query={"dossier": dossier.id}).context)
        vloer()  # warm matplotlib's font cache, as a kernel that drew one figure already has
        wissels: list[float] = []
        vloeren: list[float] = []
        for _ronde in range(rondes):
            for gemeentecode in GEMEENTEN:
                oefening._gemeente.value = gemeentecode
                wijken = [code for _label, code in oefening._wijk.options][1:9]
                for code in wijken:
                    vloeren.append(vloer())
                    begin = time.perf_counter()
                    oefening._wijk.value = code
                    wissels.append(time.perf_counter() - begin)
                    if "Niet gelukt" in oefening._melding.value:
                        raise RuntimeError(f"wissel naar {code} mislukt: {oefening._melding.value}")
                    if store.formulier(dossier.id, "wijkprofiel")[0]["regiocode"] != code:
                        raise RuntimeError(f"keuze {code} niet opgeslagen")
    return {"laden_s": laden, "wissels": wissels, "vloer": vloeren}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rondes", type=int, default=2, help="keer door alle gemeenten (standaard 2)")
    parser.add_argument("--json", type=Path, help="schrijf de ruwe metingen ook naar dit bestand")
    args = parser.parse_args(argv)
    if args.rondes < 1:
        print("--rondes moet minstens 1 zijn", file=sys.stderr)
        return 2
    try:
        uitkomst = meet(args.rondes)
    except Exception as fout:  # a benchmark reports, it does not crash with a traceback
        print(f"Meting mislukt: {fout}", file=sys.stderr)
        return 1
    wissels, vloeren = uitkomst["wissels"], uitkomst["vloer"]
    mediaan, mediaan_vloer = statistics.median(wissels), statistics.median(vloeren)
    print(f"CBS-gegevens laden (één keer per kernel): {uitkomst['laden_s'] * 1000:.0f} ms")
    print(f"Wijkwissels: {len(wissels)} ({args.rondes} rondes door {len(GEMEENTEN)} gemeenten)")
    print(f"  wissel  mediaan {mediaan * 1000:6.0f} ms   p95 {p95(wissels) * 1000:6.0f} ms   "
          f"max {max(wissels) * 1000:6.0f} ms")
    print(f"  vloer   mediaan {mediaan_vloer * 1000:6.0f} ms   p95 {p95(vloeren) * 1000:6.0f} ms")
    print(f"  factor t.o.v. de vloer: mediaan {mediaan / mediaan_vloer:.1f}×, p95 {p95(wissels) / p95(vloeren):.1f}×")
    oordeel = "binnen doel" if mediaan < DOEL_SECONDEN else "boven doel"
    print(f"Doel: mediaan < {DOEL_SECONDEN} s → {mediaan:.3f} s: {oordeel}")
    if args.json:
        args.json.write_text(json.dumps(uitkomst, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
