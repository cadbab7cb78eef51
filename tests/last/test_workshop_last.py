"""Load and faults on the workshop store, on SQLite and on PostgreSQL (loopback only).

30 participants in 30 separate processes join one session and answer all 30 statements of a
scan round at the same moment. Afterwards every answer is in the store exactly once, with the last
value the participant saw acknowledged, and every submission counts once. In a second run some
participants are killed (SIGKILL) halfway: what they saw acknowledged is still there, the others
finish undisturbed and the store is not damaged. Bounded in time by pytest-timeout.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from wijkkompas_widgets.dossier import PartijInvoer, schema
from wijkkompas_widgets.dossier.store import DossierStore

pytestmark = [pytest.mark.last, pytest.mark.beide_backends, pytest.mark.timeout(300)]

DEELNEMERS = 30
SCRIPT = Path(__file__).with_name("deelnemer.py")


class Deelnemerproces:
    """One participant process and what it printed, read by a thread as it arrives."""

    def __init__(self, store_url: str, code: str, nummer: int):
        self.nummer = nummer
        self.regels: list[str] = []
        self.aangemeld = threading.Event()
        self.bevestigd_10 = threading.Event()
        self.proces = subprocess.Popen(
            [sys.executable, str(SCRIPT), store_url, code, str(nummer)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        self._lezer = threading.Thread(target=self._lees, daemon=True)
        self._lezer.start()

    def _lees(self) -> None:
        for regel in self.proces.stdout:
            self.regels.append(regel.rstrip("\n"))
            if regel.startswith("AANGEMELD"):
                self.aangemeld.set()
            if sum(r.startswith("OK ") for r in self.regels) >= 10:
                self.bevestigd_10.set()

    def start(self) -> None:
        self.proces.stdin.write("start\n")
        self.proces.stdin.flush()

    def wacht(self, timeout: float = 240) -> int:
        code = self.proces.wait(timeout=timeout)
        self._lezer.join(timeout=10)
        return code

    @property
    def deelnemer_id(self) -> str:
        return next(r.split()[1] for r in self.regels if r.startswith("AANGEMELD"))

    def bevestigd(self) -> dict[str, int]:
        """The last acknowledged value per question: what the participant's page showed as saved."""
        waarden: dict[str, int] = {}
        for regel in self.regels:
            if regel.startswith("OK "):
                _ok, sleutel, waarde = regel.split()
                waarden[sleutel] = int(waarde)
        return waarden


def _sessie_met_open_scan(store_url: str):
    store = DossierStore(store_url, voorbeeld=False)
    dossier = store.maak_dossier("Lasttest")
    store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente", "gemeente"))
    sessie = store.maak_sessie(dossier.id, "Zaal van 30", "4821", ["scan"])
    ronde = store.rondes(sessie.id)[0]
    store.open_ronde(sessie.id, ronde.id)
    return store, sessie, store.ronde(sessie.id, ronde.id)


def _start_allemaal(store_url: str, code: str) -> list[Deelnemerproces]:
    processen = [Deelnemerproces(store_url, code, nummer) for nummer in range(DEELNEMERS)]
    for proces in processen:
        if not proces.aangemeld.wait(timeout=120):
            proces.proces.kill()
            pytest.fail(f"deelnemer {proces.nummer} kon zich niet aanmelden: {proces.proces.stderr.read()}")
    for proces in processen:  # all at once: every process is waiting on its stdin
        proces.start()
    return processen


def _aantal_rijen(store: DossierStore, ronde_id: str) -> int:
    with store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(schema.workshop_antwoord)
                            .where(schema.workshop_antwoord.c.ronde_id == ronde_id)).scalar()


def test_dertig_deelnemers_tegelijk_elk_antwoord_precies_een_keer(store_url):
    store, sessie, ronde = _sessie_met_open_scan(store_url)
    vragen = [v.sleutel for v in ronde.vragen]
    assert len(vragen) == 30

    processen = _start_allemaal(store_url, sessie.code)
    for proces in processen:
        assert proces.wacht() == 0, proces.proces.stderr.read()
        assert proces.regels[-1] == "KLAAR"
        assert not [r for r in proces.regels if r.startswith("FOUT")], proces.regels

    assert _aantal_rijen(store, ronde.id) == DEELNEMERS * len(vragen)
    for proces in processen:
        opgeslagen = store.mijn_antwoorden(proces.deelnemer_id, ronde.id)
        assert opgeslagen.waarden == proces.bevestigd()
        assert opgeslagen.is_ingediend
    stand = store.ronde_stand(sessie.id, ronde.id)
    assert (stand.deelnemers, stand.ingediend, stand.bezig) == (DEELNEMERS, DEELNEMERS, 0)
    assert len(store.ronde_antwoorden(sessie.id, ronde.id)) == DEELNEMERS


def test_gedode_deelnemers_verliezen_niets_wat_bevestigd_was(store_url):
    _store, sessie, ronde = _sessie_met_open_scan(store_url)
    processen = _start_allemaal(store_url, sessie.code)
    gedood = processen[::5]  # 6 of the 30, killed halfway through their answers
    for proces in gedood:
        assert proces.bevestigd_10.wait(timeout=120)
        os.kill(proces.proces.pid, signal.SIGKILL)
    for proces in processen:
        proces.wacht()

    heropend = DossierStore(store_url, voorbeeld=False)  # as after a restart
    totaal = 0
    for proces in processen:
        opgeslagen = heropend.mijn_antwoorden(proces.deelnemer_id, ronde.id).waarden
        bevestigd = proces.bevestigd()
        totaal += len(opgeslagen)
        if proces in gedood:
            # every acknowledged answer is there; at most the one in flight at the kill is extra
            assert {k: opgeslagen.get(k) for k in bevestigd} == bevestigd
            assert len(opgeslagen) - len(bevestigd) <= 1
        else:
            assert proces.regels[-1] == "KLAAR" and opgeslagen == bevestigd
    assert _aantal_rijen(heropend, ronde.id) == totaal
    stand = heropend.ronde_stand(sessie.id, ronde.id)
    assert stand.ingediend == DEELNEMERS - len(gedood)
