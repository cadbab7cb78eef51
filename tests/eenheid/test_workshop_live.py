"""What both workshop pages share, without a page: the join address, downloads as links, and the refresh loop
that keeps going after a failed look at the store."""

from __future__ import annotations

import asyncio
import base64
from datetime import datetime

from wijkkompas_widgets.widgets.workshop_live import Verversing, deelnemer_url, download_link, tijd


def test_deelname_adres_uit_de_omgeving_van_voila():
    omgeving = {"SERVER_NAME": "wijk.example.nl", "SERVER_PORT": "8866",
                "SCRIPT_NAME": "/voila/render/workshop_begeleider.ipynb"}
    assert deelnemer_url("K7PQ2MXD", omgeving) == (
        "http://wijk.example.nl:8866/voila/render/workshop_deelnemer.ipynb?code=K7PQ2MXD", True)
    assert deelnemer_url("K7PQ2MXD", {**omgeving, "SERVER_PORT": "443"})[0].startswith("http://wijk.example.nl/")
    publiek = {**omgeving, "WIJKKOMPAS_PUBLIEKE_URL": "https://werkboek.example.nl/"}
    assert deelnemer_url("K7PQ2MXD", publiek) == (
        "https://werkboek.example.nl/voila/render/workshop_deelnemer.ipynb?code=K7PQ2MXD", True)
    # plain Jupyter or an unknown host: only the path, which the facilitator completes
    assert deelnemer_url("K7PQ2MXD", {}) == ("/voila/render/workshop_deelnemer.ipynb?code=K7PQ2MXD", False)


def test_een_download_is_een_link_met_het_bestand_erin():
    link = download_link(b'{"a": 1}', "antwoorden <Els>.json", "Mijn antwoorden downloaden")
    assert 'download="antwoorden &lt;Els&gt;.json"' in link and "⬇ Mijn antwoorden downloaden" in link
    assert base64.b64encode(b'{"a": 1}').decode() in link
    assert tijd(datetime(2026, 3, 12, 20, 5, 9)) == "20:05:09"


def test_verversen_gaat_door_na_een_fout():
    gezien: list[str] = []

    async def hoofd():
        klaar = asyncio.Event()

        def stap():
            gezien.append("stap")
            if len(gezien) == 1:
                raise RuntimeError("database even weg")
            klaar.set()

        verversing = Verversing(stap, 0, bij_fout=lambda: gezien.append("melding"))
        assert verversing.start() and verversing.loopt
        await klaar.wait()
        verversing.stop()
        assert not verversing.loopt

    asyncio.run(hoofd())
    assert gezien == ["stap", "melding", "stap"]
    assert Verversing(lambda: None, 1).start() is False  # no running loop (plain Python): nothing started


def test_verversen_slaat_over_zolang_het_niet_actief_is():
    gezien: list[str] = []

    async def hoofd():
        actief = False

        def stap():
            gezien.append("stap")

        verversing = Verversing(stap, 0, actief=lambda: actief)
        verversing.start()
        for _ in range(5):
            await asyncio.sleep(0)
        assert gezien == []  # e.g. 'Automatisch verversen' unticked, or no session open yet
        actief = True
        while not gezien:
            await asyncio.sleep(0)
        verversing.stop()

    asyncio.run(hoofd())
    assert gezien[0] == "stap"
