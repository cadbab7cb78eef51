"""Hoe snel het voorbeelddossier het werkboek verlaat (Word, Excel, JSON) en terugkomt (JSON importeren), elk naast
een vloer uit dezelfde run.

Gemeten op het voorbeelddossier (alle fasen ingevuld) in een verse SQLite-opslag in een tijdelijke map. De vloeren
zijn het minimale werk van hetzelfde formaat: een Word-document met één alinea en één grafiek opslaan
(python-docx + matplotlib), een Excel-werkboek met één blad van 100 rijen opslaan (openpyxl) en ``json.dumps``
van hetzelfde document. Dit is een benchmark, geen test: de exitcode is 0 zolang de meting zelf lukt.

    python3 benchmarks/export.py [--rondes N] [--json PAD]
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, also without an editable install

from wijkkompas_widgets.dossier.store import DossierStore
from wijkkompas_widgets.export import exporteer_docx, exporteer_json, exporteer_xlsx, importeer_json


def _meet(functie, rondes: int) -> list[float]:
    tijden = []
    for _ in range(rondes):
        begin = time.perf_counter()
        functie()
        tijden.append((time.perf_counter() - begin) * 1000)
    return tijden


def _vloer_docx() -> bytes:
    from docx import Document
    from docx.shared import Cm

    from wijkkompas_widgets.charts.basis import figuur_naar_png, nieuwe_figuur

    figuur = nieuwe_figuur(6, 4)
    figuur.add_subplot().bar(["a", "b", "c"], [1, 3, 2])
    document = Document()
    document.add_paragraph("Vloer")
    document.add_picture(io.BytesIO(figuur_naar_png(figuur)), width=Cm(15))
    uit = io.BytesIO()
    document.save(uit)
    return uit.getvalue()


def _vloer_xlsx() -> bytes:
    from openpyxl import Workbook

    boek = Workbook()
    blad = boek.active
    for rij in range(100):
        blad.append([f"rij {rij}", rij, rij / 3])
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rondes", type=int, default=5, help="metingen per onderdeel (standaard 5)")
    parser.add_argument("--json", type=Path, help="schrijf de resultaten ook als JSON naar dit pad")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="wijkkompas-export-") as map_:
        store = DossierStore(f"sqlite:///{Path(map_) / 'd.sqlite'}")
        dossier = next(d for d in store.dossiers() if d.is_voorbeeld)
        document = exporteer_json(store, dossier.id)
        gegevens = json.loads(document)
        exporteer_docx(store, dossier.id)  # warm-up: first imports of python-docx, matplotlib, widgets helpers
        _vloer_docx()
        metingen = {
            "Word (.docx)": (_meet(lambda: exporteer_docx(store, dossier.id), args.rondes),
                             _meet(_vloer_docx, args.rondes), "één alinea + één grafiek opslaan"),
            "Excel (.xlsx)": (_meet(lambda: exporteer_xlsx(store, dossier.id), args.rondes),
                              _meet(_vloer_xlsx, args.rondes), "één blad met 100 rijen opslaan"),
            "JSON exporteren": (_meet(lambda: exporteer_json(store, dossier.id), args.rondes),
                                _meet(lambda: json.dumps(gegevens, sort_keys=True, indent=1), args.rondes),
                                "json.dumps van hetzelfde document"),
            "JSON importeren": (_meet(lambda: importeer_json(store, document, "bench.json"), args.rondes),
                                _meet(lambda: json.loads(document), args.rondes), "json.loads van hetzelfde bestand"),
        }
    print(f"Voorbeelddossier: JSON {len(document) / 1024:.0f} kB; {args.rondes} rondes (ms, mediaan)")
    print(f"{'onderdeel':18} {'mediaan':>9} {'max':>9} {'vloer':>9} {'× vloer':>8}  vloer")
    resultaten = {}
    for naam, (tijden, vloer, uitleg) in metingen.items():
        mediaan, vloer_mediaan = statistics.median(tijden), statistics.median(vloer)
        resultaten[naam] = {"mediaan_ms": mediaan, "max_ms": max(tijden), "vloer_ms": vloer_mediaan}
        print(f"{naam:18} {mediaan:9.0f} {max(tijden):9.0f} {vloer_mediaan:9.1f} {mediaan / vloer_mediaan:7.1f}×  "
              f"{uitleg}")
    if args.json:
        args.json.write_text(json.dumps(resultaten, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
