"""Hoe snel een live workshop reageert: het verversen bij de begeleider en het opslaan van antwoorden als
30 deelnemers tegelijk klikken, elk naast een vloer uit dezelfde run.

1. **Verversen**: een echte store (SQLite-bestand in een tijdelijke map; PostgreSQL erbij met ``--pg-url``)
   met 100 deelnemers die drie rondes hebben ingediend: de samenwerkingsscan (30 stellingen), de weging
   (8 criteria) en koppelkansen (10 kansen × 3 criteria). Eén verversing is wat de begeleider ziet:
   ``ronde_antwoorden`` (a, lezen), de aggregatie met de top 5 verschillen (b) en de grafiek (c); het omzetten
   naar PNG voor de pagina staat er apart naast. Vloer: dezelfde 3000 scan-antwoorden met één kale
   ``SELECT`` via ``sqlite3`` (en via psycopg voor PostgreSQL).
2. **Schrijven**: 30 processen (multiprocessing, spawn) melden zich tegelijk aan bij een sessie, achter een
   barrière, en beantwoorden elk 30 stellingen met ``beantwoord``; gemeten wordt de duur van elke aanroep
   (900 in totaal). Vloer: dezelfde 900 aanroepen door één schrijver na elkaar.

Dit is een benchmark, geen test: het oordeel is informatie en de exitcode is 0 zolang de meting zelf lukt.

    python3 benchmarks/workshop.py [--rondes N] [--schrijfrondes N] [--pg-url URL] [--alleen verversen|schrijven]
                                   [--json PAD]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, also without an editable install

from wijkkompas_widgets.charts import figuur_naar_png
from wijkkompas_widgets.charts.koppelkansen import koppelkansen_figuur
from wijkkompas_widgets.charts.scan import radar_figuur
from wijkkompas_widgets.charts.weging import wegingen_figuur
from wijkkompas_widgets.dossier.model import WerkboekFout
from wijkkompas_widgets.dossier.records import KoppelkansInvoer
from wijkkompas_widgets.dossier.store import DossierStore
from wijkkompas_widgets.workshop.aggregatie import (
    AANTAL_VERSCHILLEN,
    ronde_uitslag,
    spreiding_tussen_organisaties,
)

DOEL_MS = 200.0
PIN = "482913"
CRITERIA, KOPPELKANSEN = 8, 10
# Five organisations, some written in two ways, as people do: the aggregation must see one organisation.
ORGANISATIES = ("Gemeente Delft", "gemeente delft", "Woonstichting Thuis", "Stedin", "Bewonersraad Bomenbuurt",
                "Waterschap", "STEDIN")
OEFENINGEN = ("scan", "weging", "koppelkansen")
BENCH_DATABASE = "wk_bench"


# -- shared --------------------------------------------------------------------------------------
def _ms(waarden: list[float]) -> tuple[float, float]:
    """Median and 95th percentile in milliseconds."""
    return statistics.median(waarden) * 1000, float(np.percentile(waarden, 95)) * 1000


def _waarden(ronde, rng: random.Random) -> dict[str, int | None]:
    """A plausible, complete set of answers for one round (weging: 100 points in whole numbers)."""
    if ronde.oefening == "weging":
        punten = [0] * len(ronde.vragen)
        for _ in range(100):
            punten[min(int(rng.expovariate(0.4)), len(punten) - 1)] += 1
        return {v.sleutel: p for v, p in zip(ronde.vragen, punten, strict=True)}
    return {v.sleutel: None if v.weet_niet and rng.random() < 0.08 else rng.randint(v.minimum, v.maximum)
            for v in ronde.vragen}


def _dossier(store: DossierStore) -> str:
    dossier = store.maak_dossier("Benchmark workshop", "Bomenbuurt", "Delft")
    for nummer in range(1, CRITERIA + 1):
        store.voeg_criterium_toe(dossier.id, f"Criterium {nummer}", f"Wat criterium {nummer} inhoudt.")
    for nummer in range(1, KOPPELKANSEN + 1):
        store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer(f"Koppelkans {nummer}"))
    return dossier.id


def _pg_database(pg_url: str, actie: str) -> str:
    """Create (or drop) the benchmark's own database next to the given one; returns its URL."""
    from sqlalchemy import create_engine, text

    beheer = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    try:
        with beheer.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{BENCH_DATABASE}" WITH (FORCE)'))
            if actie == "maak":
                conn.execute(text(f'CREATE DATABASE "{BENCH_DATABASE}"'))
    finally:
        beheer.dispose()
    return pg_url.rsplit("/", 1)[0] + f"/{BENCH_DATABASE}"


def _libpq(url: str) -> str:
    """'postgresql+psycopg://…' (SQLAlchemy) → 'postgresql://…' (psycopg)."""
    return "postgresql://" + url.split("://", 1)[1]


# -- 1. refreshing the facilitator's view --------------------------------------------------------
def _figuur(ronde, uitslag):
    """The chart the facilitator's view shows for this round."""
    if ronde.oefening == "scan":
        return radar_figuur(uitslag.factornamen, uitslag.profielen, uitslag.gemiddelde, "Workshop")
    if ronde.oefening == "weging":
        return wegingen_figuur(uitslag.per_organisatie, uitslag.namen, uitslag.gezamenlijk)
    return koppelkansen_figuur(uitslag.rangschikking)


def _vul_sessie(store: DossierStore, deelnemers: int) -> tuple:
    dossier_id = _dossier(store)
    sessie = store.maak_sessie(dossier_id, "Benchmark verversen", PIN, list(OEFENINGEN))
    rondes = store.rondes(sessie.id)
    for ronde in rondes:
        store.open_ronde(sessie.id, ronde.id)
    rng = random.Random(2026)
    for nummer in range(deelnemers):
        deelnemer = store.meld_aan(sessie.code, f"Deelnemer {nummer + 1}", ORGANISATIES[nummer % len(ORGANISATIES)])
        for ronde in rondes:
            store.beantwoord_alles(deelnemer.id, ronde.id, _waarden(ronde, rng), indienen=True)
    return sessie, rondes


def meet_verversen(url: str, rondes_aantal: int, deelnemers: int, vloer) -> dict:
    """``vloer``: a function (ronde id) → rows, the plain SELECT on an open connection."""
    store = DossierStore(url, voorbeeld=False)
    try:
        sessie, rondes = _vul_sessie(store, deelnemers)
        scan = next(r for r in rondes if r.oefening == "scan")
        uitkomst: dict = {"vloer": [], "stempel": []}
        for ronde in rondes:
            uitkomst[ronde.oefening] = {"lezen": [], "aggregatie": [], "grafiek": [], "png": [], "totaal": []}

        def ververs(ronde) -> tuple[float, float, float, float, int]:
            begin = time.perf_counter()
            antwoorden = store.ronde_antwoorden(sessie.id, ronde.id, alleen_ingediend=True)
            gelezen = time.perf_counter()
            uitslag = ronde_uitslag(ronde, antwoorden, store._inhoud)
            spreiding_tussen_organisaties(ronde, antwoorden, AANTAL_VERSCHILLEN)
            berekend = time.perf_counter()
            figuur = _figuur(ronde, uitslag)
            getekend = time.perf_counter()
            figuur_naar_png(figuur)
            klaar = time.perf_counter()
            aantal = sum(len(a.waarden) for _d, a in antwoorden)
            return gelezen - begin, berekend - gelezen, getekend - berekend, klaar - getekend, aantal

        for ronde in rondes:  # warm-up: fonts, first queries and imports are paid once per kernel
            ververs(ronde)
        rijen = len(vloer(scan.id))
        aantallen = {r.oefening: ververs(r)[4] for r in rondes}
        for _ in range(rondes_aantal):
            begin = time.perf_counter()
            vloer(scan.id)
            uitkomst["vloer"].append(time.perf_counter() - begin)
            begin = time.perf_counter()
            store.verversstempel(sessie.id)
            store.ronde_stand(sessie.id, scan.id)
            uitkomst["stempel"].append(time.perf_counter() - begin)
            for ronde in rondes:
                lezen, aggregatie, grafiek, png, _aantal = ververs(ronde)
                metingen = uitkomst[ronde.oefening]
                for naam, waarde in (("lezen", lezen), ("aggregatie", aggregatie), ("grafiek", grafiek), ("png", png),
                                     ("totaal", lezen + aggregatie + grafiek)):
                    metingen[naam].append(waarde)
        uitkomst["vloer_rijen"] = rijen
        uitkomst["antwoorden"] = aantallen
        return uitkomst
    finally:
        store.engine.dispose()


def _sqlite_vloer(pad: Path):
    verbinding = sqlite3.connect(pad)

    def vloer(ronde_id: str):
        return verbinding.execute(
            "SELECT deelnemer_id, sleutel, waarde FROM workshop_antwoord WHERE ronde_id = ?", (ronde_id,)
        ).fetchall()

    return vloer, verbinding.close


def _pg_vloer(url: str):
    import psycopg

    verbinding = psycopg.connect(_libpq(url), autocommit=True)

    def vloer(ronde_id: str):
        with verbinding.cursor() as cursor:
            cursor.execute("SELECT deelnemer_id, sleutel, waarde FROM workshop_antwoord WHERE ronde_id = %s",
                           (ronde_id,))
            return cursor.fetchall()

    return vloer, verbinding.close


# -- 2. 30 writers at once -----------------------------------------------------------------------
def _open_scan_sessie(url: str, naam: str) -> tuple[str, str, str, list[str]]:
    """A new session with only a scan round, open; returns (sessie id, code, ronde id, statement keys)."""
    store = DossierStore(url, voorbeeld=False)
    try:
        dossier = store.maak_dossier(f"Benchmark {naam}", "Bomenbuurt", "Delft")
        sessie = store.maak_sessie(dossier.id, naam, PIN, ["scan"])
        ronde = store.rondes(sessie.id)[0]
        store.open_ronde(sessie.id, ronde.id)
        return sessie.id, sessie.code, ronde.id, [v.sleutel for v in ronde.vragen]
    finally:
        store.engine.dispose()


def _antwoord(deelnemer: int, vraag: int) -> int | None:
    waarde = (deelnemer * 7 + vraag * 3) % 6
    return None if waarde == 0 else waarde  # 'weet niet' now and then, like real answers


def _deelnemer_schrijft(store: DossierStore, code: str, ronde_id: str, sleutels: list[str], nummer: int) -> dict:
    gestart = time.time()  # wall clock: comparable between processes, for the throughput
    begin = time.perf_counter()
    fouten: list[str] = []
    try:
        deelnemer = store.meld_aan(code, f"Schrijver {nummer + 1}", ORGANISATIES[nummer % len(ORGANISATIES)])
    except WerkboekFout as fout:
        return {"aanmelden": time.perf_counter() - begin, "beantwoord": [], "fouten": [str(fout)],
                "van": gestart, "tot": time.time()}
    aanmelden = time.perf_counter() - begin
    tijden = []
    for vraag, sleutel in enumerate(sleutels):
        begin = time.perf_counter()
        try:
            store.beantwoord(deelnemer.id, ronde_id, sleutel, _antwoord(nummer, vraag))
        except WerkboekFout as fout:
            fouten.append(str(fout))
        tijden.append(time.perf_counter() - begin)
    return {"aanmelden": aanmelden, "beantwoord": tijden, "fouten": fouten, "van": gestart, "tot": time.time()}


def _schrijver(url: str, code: str, ronde_id: str, sleutels: list[str], nummer: int, barriere, wachtrij) -> None:
    """One participant in its own process: store ready first, then everyone starts at the barrier."""
    try:
        store = DossierStore(url, voorbeeld=False)
        store.sessie_voor_code(code)  # connection open and warm, like a participant's page that has loaded
        barriere.wait(timeout=300)
        wachtrij.put(_deelnemer_schrijft(store, code, ronde_id, sleutels, nummer))
        store.engine.dispose()
    except Exception as fout:  # reported by the parent; a benchmark does not hang on one broken writer
        wachtrij.put({"aanmelden": 0.0, "beantwoord": [], "fouten": [f"{type(fout).__name__}: {fout}"],
                      "van": time.time(), "tot": time.time()})


def _een_schrijver(url: str, code: str, ronde_id: str, sleutels: list[str], aantal: int, wachtrij) -> None:
    """The floor: the same calls from one process, one participant after the other."""
    try:
        store = DossierStore(url, voorbeeld=False)
        store.sessie_voor_code(code)
        resultaten = [_deelnemer_schrijft(store, code, ronde_id, sleutels, nummer) for nummer in range(aantal)]
        wachtrij.put({"aanmelden": [r["aanmelden"] for r in resultaten],
                      "beantwoord": [t for r in resultaten for t in r["beantwoord"]],
                      "fouten": [f for r in resultaten for f in r["fouten"]],
                      "duur": resultaten[-1]["tot"] - resultaten[0]["van"]})
        store.engine.dispose()
    except Exception as fout:
        wachtrij.put({"aanmelden": [], "beantwoord": [], "fouten": [f"{type(fout).__name__}: {fout}"], "duur": 0.0})


def _opgeslagen(url: str, sessie_id: str, ronde_id: str) -> int:
    store = DossierStore(url, voorbeeld=False)
    try:
        return sum(len(a.waarden) for _d, a in store.ronde_antwoorden(sessie_id, ronde_id, alleen_ingediend=False))
    finally:
        store.engine.dispose()


def meet_schrijven(url: str, schrijvers: int, schrijfrondes: int) -> dict:
    context = multiprocessing.get_context("spawn")
    uitkomst: dict = {"tegelijk": [], "aanmelden": [], "alleen": [], "fouten": [], "opgeslagen": [], "verwacht": 0,
                      "duur_tegelijk": [], "duur_alleen": []}
    for ronde_nummer in range(schrijfrondes):
        # -- all at once
        sessie_id, code, ronde_id, sleutels = _open_scan_sessie(url, f"Tegelijk {ronde_nummer + 1}")
        barriere, wachtrij = context.Barrier(schrijvers), context.Queue()
        processen = [context.Process(target=_schrijver, args=(url, code, ronde_id, sleutels, n, barriere, wachtrij))
                     for n in range(schrijvers)]
        for proces in processen:
            proces.start()
        resultaten = [wachtrij.get(timeout=600) for _ in processen]
        for proces in processen:
            proces.join(timeout=60)
        for resultaat in resultaten:
            uitkomst["tegelijk"].extend(resultaat["beantwoord"])
            uitkomst["aanmelden"].append(resultaat["aanmelden"])
            uitkomst["fouten"].extend(resultaat["fouten"])
        uitkomst["duur_tegelijk"].append(max(r["tot"] for r in resultaten) - min(r["van"] for r in resultaten))
        uitkomst["opgeslagen"].append(_opgeslagen(url, sessie_id, ronde_id))
        uitkomst["verwacht"] = schrijvers * len(sleutels)
        uitkomst["vragen"] = len(sleutels)
        # -- the floor: one writer, the same calls one after the other
        sessie_id, code, ronde_id, sleutels = _open_scan_sessie(url, f"Na elkaar {ronde_nummer + 1}")
        wachtrij = context.Queue()
        proces = context.Process(target=_een_schrijver, args=(url, code, ronde_id, sleutels, schrijvers, wachtrij))
        proces.start()
        resultaat = wachtrij.get(timeout=600)
        proces.join(timeout=60)
        uitkomst["alleen"].extend(resultaat["beantwoord"])
        uitkomst["duur_alleen"].append(resultaat["duur"])
        uitkomst["fouten"].extend(resultaat["fouten"])
    return uitkomst


# -- report --------------------------------------------------------------------------------------
_OMSCHRIJVING = {"scan": "scan (30 stellingen)", "weging": f"weging ({CRITERIA} criteria)",
                 "koppelkansen": f"koppelkansen ({KOPPELKANSEN} × 3)"}


def _cel(waarden: list[float]) -> str:
    mediaan, p95 = _ms(waarden)
    return f"{mediaan:6.1f} / {p95:6.1f}"


def druk_verversen(backend: str, uitkomst: dict, deelnemers: int, rondes: int) -> None:
    vloer_mediaan, _p95 = _ms(uitkomst["vloer"])
    print(f"\n1. Verversen bij de begeleider — {backend}, {deelnemers} deelnemers, {rondes} rondes "
          "(ms, mediaan / p95)")
    print(f"  {'oefening':<24}{'antwoorden':>11}  {'a lezen':>15}  {'b aggregatie':>15}  {'c grafiek':>15}  "
          f"{'totaal a+b+c':>15}  {'PNG (extra)':>15}  {'totaal/vloer':>12}")
    for oefening in OEFENINGEN:
        metingen = uitkomst[oefening]
        factor = statistics.median(metingen["totaal"]) * 1000 / vloer_mediaan
        print(f"  {_OMSCHRIJVING[oefening]:<24}{uitkomst['antwoorden'][oefening]:>11}  {_cel(metingen['lezen']):>15}  "
              f"{_cel(metingen['aggregatie']):>15}  {_cel(metingen['grafiek']):>15}  {_cel(metingen['totaal']):>15}  "
              f"{_cel(metingen['png']):>15}  {factor:>11.0f}×")
    scan_lezen = statistics.median(uitkomst["scan"]["lezen"]) * 1000
    print(f"  vloer: één SELECT van {uitkomst['vloer_rijen']} rijen {_cel(uitkomst['vloer'])} ms; "
          f"lezen scan = {scan_lezen / vloer_mediaan:.1f}× de vloer")
    print(f"  verversstempel + ronde_stand (elke 2 s): {_cel(uitkomst['stempel'])} ms")
    slechtste = max(statistics.median(uitkomst[o]["totaal"]) for o in OEFENINGEN) * 1000
    oordeel = "binnen doel" if slechtste < DOEL_MS else "boven doel"
    print(f"  Doel: totaal (a+b+c) < {DOEL_MS:.0f} ms → slechtste mediaan {slechtste:.1f} ms: {oordeel}")


def druk_schrijven(backend: str, uitkomst: dict, schrijvers: int) -> None:
    tegelijk, alleen = _ms(uitkomst["tegelijk"]), _ms(uitkomst["alleen"])
    print(f"\n2. Schrijven — {backend}: {schrijvers} deelnemers tegelijk, elk {uitkomst['vragen']} × beantwoord "
          f"({len(uitkomst['tegelijk'])} aanroepen; ms per aanroep)")
    print(f"  {'':<34}{'mediaan':>9}{'p95':>9}{'max':>9}")
    print(f"  {f'{schrijvers} tegelijk':<34}{tegelijk[0]:>9.1f}{tegelijk[1]:>9.1f}"
          f"{max(uitkomst['tegelijk']) * 1000:>9.1f}")
    print(f"  {'vloer: 1 schrijver na elkaar':<34}{alleen[0]:>9.1f}{alleen[1]:>9.1f}"
          f"{max(uitkomst['alleen']) * 1000:>9.1f}")
    print(f"  factor t.o.v. de vloer: mediaan {tegelijk[0] / alleen[0]:.1f}×, p95 {tegelijk[1] / alleen[1]:.1f}×")
    print(f"  aanmelden (meld_aan, {schrijvers} tegelijk): {_cel(uitkomst['aanmelden'])} ms")
    aanroepen = schrijvers * (1 + uitkomst["vragen"])  # meld_aan and the answers of each participant
    tegelijk_duur = statistics.median(uitkomst["duur_tegelijk"])
    alleen_duur = statistics.median(uitkomst["duur_alleen"])
    print(f"  alles klaar na: {tegelijk_duur:.2f} s tegelijk, {alleen_duur:.2f} s na elkaar "
          f"(doorvoer {aanroepen / tegelijk_duur:.0f} en {aanroepen / alleen_duur:.0f} aanroepen per seconde)")
    opgeslagen = ", ".join(str(n) for n in uitkomst["opgeslagen"])
    klopt = all(n == uitkomst["verwacht"] for n in uitkomst["opgeslagen"]) and not uitkomst["fouten"]
    print(f"  opgeslagen antwoorden per ronde: {opgeslagen} (verwacht {uitkomst['verwacht']}) — "
          f"{'klopt' if klopt else 'KLOPT NIET'}; fouten: {len(uitkomst['fouten'])}")
    for fout in dict.fromkeys(uitkomst["fouten"]):
        print(f"    · {fout}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rondes", type=int, default=25, help="metingen van het verversen (standaard 25)")
    parser.add_argument("--schrijfrondes", type=int, default=1,
                        help="keren 30 schrijvers tegelijk plus de vloer (standaard 1; elk 900 aanroepen)")
    parser.add_argument("--deelnemers", type=int, default=100, help="deelnemers bij het verversen (standaard 100)")
    parser.add_argument("--schrijvers", type=int, default=30, help="gelijktijdige schrijvers (standaard 30)")
    parser.add_argument("--pg-url", help="ook op PostgreSQL, bijv. postgresql+psycopg://wk:wk@127.0.0.1:55432/postgres "
                                         f"(de benchmark maakt en verwijdert zelf de database {BENCH_DATABASE})")
    parser.add_argument("--alleen", choices=("verversen", "schrijven"), help="alleen één van de twee metingen")
    parser.add_argument("--json", type=Path, help="schrijf de ruwe metingen ook naar dit bestand")
    args = parser.parse_args(argv)
    if min(args.rondes, args.schrijfrondes, args.deelnemers, args.schrijvers) < 1:
        print("--rondes, --schrijfrondes, --deelnemers en --schrijvers moeten minstens 1 zijn", file=sys.stderr)
        return 2
    ruw: dict = {}
    try:
        with tempfile.TemporaryDirectory(prefix="wk-bench-") as map_:
            backends = [("SQLite", "sqlite", None)]
            if args.pg_url:
                backends.append(("PostgreSQL", "postgresql", args.pg_url))
            for naam, sleutel, pg_url in backends:
                if pg_url:
                    url = _pg_database(pg_url, "maak")
                else:
                    pad = Path(map_) / "workshop.sqlite"
                    url = f"sqlite:///{pad}"
                try:
                    if args.alleen != "schrijven":
                        vloer, sluit = _pg_vloer(url) if pg_url else _sqlite_vloer(pad)
                        try:
                            uitkomst = meet_verversen(url, args.rondes, args.deelnemers, vloer)
                        finally:
                            sluit()
                        ruw[f"verversen_{sleutel}"] = uitkomst
                        druk_verversen(naam, uitkomst, args.deelnemers, args.rondes)
                    if args.alleen != "verversen":
                        uitkomst = meet_schrijven(url, args.schrijvers, args.schrijfrondes)
                        ruw[f"schrijven_{sleutel}"] = uitkomst
                        druk_schrijven(naam, uitkomst, args.schrijvers)
                finally:
                    if pg_url:
                        _pg_database(pg_url, "verwijder")
    except Exception as fout:  # a benchmark reports, it does not crash with a traceback
        print(f"Meting mislukt: {type(fout).__name__}: {fout}", file=sys.stderr)
        return 1
    if args.json:
        args.json.write_text(json.dumps(ruw, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
