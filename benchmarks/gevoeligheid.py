"""Hoe snel de gevoeligheidsanalyse van de multicriteria-afweging rekent, naast een vloer uit dezelfde run.

Gemeten wordt ``gevoeligheid()`` zoals een widget die aanroept: 8 strategieën × 12 criteria, 10.000
gewichtensets rond de gezamenlijke gewichten, de winnaar per partij (4 partijen) en de kleinste omslag,
inclusief het controleren van alle scores en punten. De vloer is één Dirichlet-trekking van dezelfde omvang
(``numpy.random.Generator.dirichlet``, 10.000 × 12): het trekken van de gewichten zelf, dat minimaal nodig
is. Ter vergelijking wordt ook een kale matrixvermenigvuldiging van dezelfde vorm gemeten. Dit is een
benchmark, geen test: het oordeel is informatie en de exitcode is 0 zolang de meting zelf gelukt is.

    python3 benchmarks/gevoeligheid.py [--rondes N] [--n TREKKINGEN] [--json PAD]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, also without an editable install

from wijkkompas_widgets.analysis.mca import gevoeligheid

DOEL_MS = 100.0
STRATEGIEEN, CRITERIA, PARTIJEN = 8, 12, 4


def voorbeeld(seed: int = 2026):
    """Fixed example data of the benchmark size: whole scores 1–5 and whole points per party."""
    rng = np.random.default_rng(seed)
    criteria = [f"criterium-{k + 1}" for k in range(CRITERIA)]
    scores = {f"S{s + 1}": {c: int(rng.integers(1, 6)) for c in criteria} for s in range(STRATEGIEEN)}
    per_partij = {f"Partij {p + 1}": {c: int(rng.integers(0, 20)) for c in criteria} for p in range(PARTIJEN)}
    gewichten = {c: float(np.mean([punten[c] for punten in per_partij.values()])) + 1 for c in criteria}
    return scores, gewichten, per_partij


def _tijd(functie) -> float:
    begin = time.perf_counter()
    functie()
    return time.perf_counter() - begin


def meet(rondes: int, n: int) -> dict:
    scores, gewichten, per_partij = voorbeeld()
    alfa = np.full(CRITERIA, 100.0 / CRITERIA)
    vloer_rng = np.random.default_rng(1)
    gewichtensets = vloer_rng.dirichlet(alfa, size=n)
    matrix = vloer_rng.integers(1, 6, size=(STRATEGIEEN, CRITERIA)).astype(float)

    def analyse(ronde: int):
        return gevoeligheid(scores, gewichten, n=n, spreiding=0.2, seed=ronde, per_partij=per_partij)

    analyse(0)  # warm-up: imports and first-call costs are paid once per kernel
    vloer_rng.dirichlet(alfa, size=n)
    analyses, vloeren, matmuls = [], [], []
    for ronde in range(rondes):
        vloeren.append(_tijd(lambda: vloer_rng.dirichlet(alfa, size=n)))
        analyses.append(_tijd(lambda r=ronde: analyse(r)))
        matmuls.append(_tijd(lambda: (gewichtensets @ matrix.T).argmax(axis=1)))
    # Reproducibility is part of the promise: the same seed must give the same shares.
    if analyse(7).aandeel_eerste != analyse(7).aandeel_eerste:
        raise RuntimeError("dezelfde seed gaf een andere uitkomst")
    return {"n": n, "analyse": analyses, "vloer_dirichlet": vloeren, "matmul": matmuls}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rondes", type=int, default=25, help="aantal metingen (standaard 25)")
    parser.add_argument("--n", type=int, default=10_000, help="gewichtensets per analyse (standaard 10.000)")
    parser.add_argument("--json", type=Path, help="schrijf de ruwe metingen ook naar dit bestand")
    args = parser.parse_args(argv)
    if args.rondes < 1 or args.n < 1:
        print("--rondes en --n moeten minstens 1 zijn", file=sys.stderr)
        return 2
    try:
        uitkomst = meet(args.rondes, args.n)
    except Exception as fout:  # a benchmark reports, it does not crash with a traceback
        print(f"Meting mislukt: {fout}", file=sys.stderr)
        return 1
    analyse = statistics.median(uitkomst["analyse"]) * 1000
    vloer = statistics.median(uitkomst["vloer_dirichlet"]) * 1000
    matmul = statistics.median(uitkomst["matmul"]) * 1000
    trekkingen = f"{args.n:,}".replace(",", ".")
    print(f"Gevoeligheid: {trekkingen} gewichtensets × {STRATEGIEEN} strategieën × {CRITERIA} criteria, "
          f"{PARTIJEN} partijen, {args.rondes} rondes")
    print(f"  analyse            mediaan {analyse:7.2f} ms   max {max(uitkomst['analyse']) * 1000:7.2f} ms")
    print(f"  vloer (Dirichlet)  mediaan {vloer:7.2f} ms")
    print(f"  matmul + argmax    mediaan {matmul:7.2f} ms")
    print(f"  factor t.o.v. de vloer: {analyse / vloer:.1f}×")
    oordeel = "binnen doel" if analyse < DOEL_MS else "boven doel"
    print(f"Doel: mediaan < {DOEL_MS:.0f} ms → {analyse:.1f} ms: {oordeel}")
    if args.json:
        args.json.write_text(json.dumps(uitkomst, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
