"""Signing in on a shared server: the signed identity a kernel reads, the brake on guessing, the refusal to listen
on the network without sign-in, and a real Voilà server in *aanmelden* and *proxy* mode.

The servers serve two tiny notebooks of their own (a page and the workshop participant page) that show what the
kernel learned about its visitor (``toegang.identiteit.bezoeker``), so these tests check the path from the request
to the kernel, pre-heated kernels included, without the werkboek's pages."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import nbformat
import pytest
import requests

from wijkkompas_widgets import cli
from wijkkompas_widgets.server import StartOpties, adres_fout, header_fout, voila_argv, voila_omgeving
from wijkkompas_widgets.toegang import identiteit
from wijkkompas_widgets.toegang.afremmer import Afremmer, minuten
from wijkkompas_widgets.toegang.identiteit import ENV_GEHEIM, ENV_HEADER, ENV_MODUS, bezoeker, lees, teken

GEHEIM = "een-geheim-van-de-server"
WACHTWOORD = "paarse olifant danst"
WACHT_S = 180  # a cold kernel on a busy two-core machine


# == the signed identity ==================================================================================
def test_identiteit_heen_en_terug():
    token = teken("anna", GEHEIM, nu=1000.0)
    assert lees(token, GEHEIM, nu=1000.0) == "anna"
    assert lees(token, GEHEIM, nu=1000.0 + identiteit.GELDIG_S - 1) == "anna"
    assert lees(teken("anna@gemeente.nl", GEHEIM), GEHEIM) == "anna@gemeente.nl"


def test_vervalste_veranderde_of_verlopen_identiteit_telt_niet():
    token = teken("anna", GEHEIM, nu=1000.0)
    inhoud, handtekening = token.split(".")
    andere_inhoud = teken("bob", GEHEIM, nu=1000.0).split(".")[0]
    for slecht in [
        f"{andere_inhoud}.{handtekening}",  # another name under anna's signature
        f"{inhoud}.{handtekening[:-2]}AA",  # a changed signature
        teken("anna", "een ander geheim", nu=1000.0),  # signed by someone who guessed a secret
        "anna", "", "..", "a.b", "%%%.%%%", "x" * 5000, None,
    ]:
        assert lees(slecht, GEHEIM, nu=1000.0) is None, slecht
    assert lees(token, GEHEIM, nu=1000.0 + identiteit.GELDIG_S) is None  # expired
    assert lees(token, "", nu=1000.0) is None and lees(token, None, nu=1000.0) is None
    with pytest.raises(ValueError):
        teken("anna", "")


def test_bezoeker_volgt_de_modus():
    token = teken("Anna", GEHEIM)
    assert bezoeker({}) == ("lokaal", None)
    assert bezoeker({ENV_MODUS: "lokaal", ENV_HEADER: token, ENV_GEHEIM: GEHEIM}) == ("lokaal", None)
    assert bezoeker({ENV_MODUS: "aanmelden", ENV_HEADER: token, ENV_GEHEIM: GEHEIM}) == ("aanmelden", "anna")
    assert bezoeker({ENV_MODUS: "proxy", ENV_HEADER: token, ENV_GEHEIM: GEHEIM}) == ("proxy", "anna")
    assert bezoeker({ENV_MODUS: "aanmelden", ENV_GEHEIM: GEHEIM}) == ("aanmelden", None)  # a guest
    assert bezoeker({ENV_MODUS: "aanmelden", ENV_HEADER: "anna", ENV_GEHEIM: GEHEIM}) == ("aanmelden", None)
    assert bezoeker({ENV_MODUS: "aanmelden", ENV_HEADER: token}) == ("aanmelden", None)  # no secret: no one
    assert bezoeker({ENV_MODUS: "hub", "JUPYTERHUB_USER": "Carla"}) == ("hub", "carla")
    assert bezoeker({ENV_MODUS: "hub"}) == ("hub", None)
    assert bezoeker({ENV_MODUS: "aanmeldn", ENV_HEADER: token, ENV_GEHEIM: GEHEIM}) == ("aanmeldn", None)


# == the brake on guessing ================================================================================
def test_na_vijf_mislukte_pogingen_voor_een_naam_volgt_een_blokkade():
    klok = [0.0]
    rem = Afremmer(klok=lambda: klok[0])
    for _ in range(4):
        assert rem.begin("anna", "10.0.0.1") == 0
        assert rem.mislukt("anna", "10.0.0.1") == 0
    assert rem.begin("anna", "10.0.0.1") == 0
    assert rem.mislukt("anna", "10.0.0.1") == 15 * 60  # the fifth failure starts the lock-out
    assert rem.begin("anna", "10.0.0.2") > 0  # the name is locked from every address
    assert rem.begin("bob", "10.0.0.1") == 0  # the address is not (yet)
    klok[0] += 15 * 60 + 1
    assert rem.begin("anna", "10.0.0.1") == 0
    assert minuten(900) == 15 and minuten(1) == 1


def test_gelukte_aanmeldingen_uit_een_zaal_blokkeren_het_adres_niet():
    rem = Afremmer()
    for i in range(40):  # forty people behind one router sign in
        assert rem.begin(f"deelnemer{i}", "192.0.2.7") == 0
        rem.gelukt(f"deelnemer{i}", "192.0.2.7")
    for i in range(19):  # but guessing many names from one address is braked too
        assert rem.begin(f"raden{i}", "192.0.2.8") == 0
        rem.mislukt(f"raden{i}", "192.0.2.8")
    rem.begin("raden19", "192.0.2.8")
    assert rem.mislukt("raden19", "192.0.2.8") > 0
    assert rem.begin("nog-een", "192.0.2.8") > 0


def test_honderd_pogingen_tegelijk_worden_ook_afgeremd():
    rem = Afremmer()
    toegelaten = sum(rem.begin("anna", f"10.0.0.{i}") == 0 for i in range(100))  # none answered yet
    assert toegelaten == 5


# == refusing to listen on the network without sign-in ====================================================
def test_netwerkadres_zonder_aanmelden_wordt_geweigerd():
    assert adres_fout("lokaal", "127.0.0.1") is None and adres_fout("lokaal", "::1") is None
    assert adres_fout("lokaal", "localhost") is None
    assert adres_fout("aanmelden", "0.0.0.0") is None
    for ip in ("0.0.0.0", "192.168.1.20", "::", ""):
        assert "--modus aanmelden" in adres_fout("lokaal", ip)
    assert "alleen op 127.0.0.1" in adres_fout("proxy", "0.0.0.0")
    assert "alleen op 127.0.0.1" in adres_fout("hub", "0.0.0.0")
    assert "Onbekende modus" in adres_fout("open", "127.0.0.1")
    assert header_fout("X-Forwarded-Email") is None
    assert header_fout("X-Wijkkompas-Identiteit") and header_fout("Cookie") and header_fout("X Forwarded")


@pytest.mark.parametrize("argumenten", [
    ["start", "--ip", "0.0.0.0"],
    ["start", "--ip", "0.0.0.0", "--modus", "lokaal"],
    ["start", "--modus", "proxy", "--ip", "0.0.0.0"],
    ["start", "--modus", "hub", "--ip", "10.1.2.3"],
])
def test_start_op_het_netwerk_zonder_aanmelden_stopt_met_uitleg(tmp_path, capsys, monkeypatch, argumenten):
    monkeypatch.delenv(ENV_MODUS, raising=False)
    monkeypatch.setattr(cli.subprocess, "Popen", lambda *a, **k: (_ for _ in ()).throw(AssertionError("gestart")))
    assert cli.main([*argumenten, "--no-browser", "--data-dir", str(tmp_path)]) == 2
    fout = capsys.readouterr().err
    assert ("--modus aanmelden" in fout or "alleen op 127.0.0.1" in fout) and "Traceback" not in fout
    assert not (tmp_path / "wijkdossiers.sqlite").exists()  # refused before anything was made


def test_voila_server_zelf_weigert_ook_een_netwerkadres_zonder_aanmelden(tmp_path):
    """The last guard, for someone who starts the server module directly."""
    proces = subprocess.run(
        [sys.executable, "-m", "wijkkompas_widgets.server",
         *voila_argv(StartOpties(ip="0.0.0.0", port=_vrije_poort(), notebooks=tmp_path, pool_size=0))],
        env=voila_omgeving({**os.environ, "WIJKKOMPAS_DATA_DIR": str(tmp_path)}), capture_output=True, text=True,
        timeout=120)
    assert proces.returncode != 0
    assert "zonder aan te melden" in proces.stderr and "Traceback" not in proces.stderr


# == a real server ========================================================================================
_CEL = """import os
from voila.utils import wait_for_request
wait_for_request()
import ipywidgets
from wijkkompas_widgets.toegang.identiteit import bezoeker
modus, naam = bezoeker(os.environ)
ipywidgets.HTML(f"BEZOEKER={modus}:{naam}")"""


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _notebooks(map_: Path) -> Path:
    map_.mkdir(parents=True, exist_ok=True)
    for naam in ("00_welkom.ipynb", "workshop_deelnemer.ipynb"):
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.cells = [nbformat.v4.new_code_cell(_CEL)]
        nbformat.write(nb, map_ / naam)
    return map_


def _start_server(tmp: Path, **opties):
    data = tmp / "data"
    poort = _vrije_poort()
    argv = voila_argv(StartOpties(port=poort, open_browser=False, pool_size=1, notebooks=_notebooks(tmp / "nb"),
                                  **opties))
    log = open(tmp / "voila.log", "w")  # noqa: SIM115 - closed by the fixture
    omgeving = voila_omgeving({**os.environ, "WIJKKOMPAS_DATA_DIR": str(data)})
    omgeving.pop(ENV_MODUS, None)
    proces = subprocess.Popen([sys.executable, "-m", "wijkkompas_widgets.server", *argv], env=omgeving, stdout=log,
                              stderr=subprocess.STDOUT)
    basis = f"http://127.0.0.1:{poort}"
    einde = time.monotonic() + 90
    while time.monotonic() < einde:
        assert proces.poll() is None, (tmp / "voila.log").read_text()
        try:
            requests.get(f"{basis}/voila/static/", timeout=2)
            break
        except requests.ConnectionError:
            time.sleep(0.3)
    return basis, proces, log


def _stop(proces, log):
    proces.terminate()
    try:
        proces.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proces.kill()
    log.close()


def _store(tmp: Path):
    from wijkkompas_widgets.dossier import SYSTEEM
    from wijkkompas_widgets.dossier.store import DossierStore

    return DossierStore(f"sqlite:///{tmp / 'data' / 'wijkdossiers.sqlite'}", gebruiker=SYSTEEM)


@pytest.fixture(scope="module")
def aanmeldserver(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("aanmelden")
    store = _store(tmp)
    store.maak_gebruiker("anna", WACHTWOORD, weergavenaam="Anna de Vries")
    store.maak_gebruiker("bob", WACHTWOORD)
    basis, proces, log = _start_server(tmp, modus="aanmelden")
    yield basis, store
    _stop(proces, log)


@pytest.fixture(scope="module")
def proxyserver(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("proxy")
    store = _store(tmp)
    basis, proces, log = _start_server(tmp, modus="proxy")
    yield basis, store
    _stop(proces, log)


def _bezoeker(antwoord: requests.Response) -> str:
    gevonden = re.search(r"BEZOEKER=([a-z]+:[^\s\"'<\\]+)", antwoord.text)
    assert gevonden, antwoord.text[-2000:]
    return gevonden.group(1)


def _formulier(sessie: requests.Session, basis: str, volgende: str = "") -> str:
    pagina = sessie.get(f"{basis}/aanmelden", params={"volgende": volgende} if volgende else None, timeout=30)
    assert pagina.status_code == 200
    return re.search(r'name="_xsrf" value="([^"]+)"', pagina.text).group(1)


def _meld_aan(sessie, basis, naam, wachtwoord, volgende="/voila/render/00_welkom.ipynb"):
    xsrf = _formulier(sessie, basis, volgende)
    return sessie.post(f"{basis}/aanmelden", timeout=60, allow_redirects=False, data={
        "_xsrf": xsrf, "gebruikersnaam": naam, "wachtwoord": wachtwoord, "volgende": volgende})


PAGINA = "/voila/render/00_welkom.ipynb"
DEELNEMER = "/voila/render/workshop_deelnemer.ipynb"


def test_pagina_zonder_cookie_leidt_naar_de_aanmeldpagina(aanmeldserver):
    basis, _ = aanmeldserver
    antwoord = requests.get(basis + PAGINA + "?dossier=abc", allow_redirects=False, timeout=30)
    assert antwoord.status_code == 302
    assert antwoord.headers["Location"] == "/aanmelden?volgende=%2Fvoila%2Frender%2F00_welkom.ipynb%3Fdossier%3Dabc"
    for pad in ("/", "/voila/", "/voila/tree"):
        assert requests.get(basis + pad, allow_redirects=False, timeout=30).status_code in (301, 302)
    pagina = requests.get(basis + "/aanmelden", timeout=30)
    assert pagina.status_code == 200 and '<html lang="nl">' in pagina.text
    for veld in ("gebruikersnaam", "wachtwoord"):  # every field has its label
        assert f'<label for="{veld}">' in pagina.text and f'id="{veld}"' in pagina.text
    assert 'name="_xsrf"' in pagina.text and 'type="password"' in pagina.text


def test_aanmelden_zonder_xsrf_wordt_geweigerd(aanmeldserver):
    basis, _ = aanmeldserver
    antwoord = requests.post(f"{basis}/aanmelden", data={"gebruikersnaam": "anna", "wachtwoord": WACHTWOORD},
                             allow_redirects=False, timeout=30)
    assert antwoord.status_code == 403 and "Het formulier is verlopen" in antwoord.text
    assert "wijkkompas_sessie" not in antwoord.headers.get("Set-Cookie", "")


def test_verkeerd_wachtwoord_geeft_een_nederlandse_melding(aanmeldserver):
    basis, _ = aanmeldserver
    antwoord = _meld_aan(requests.Session(), basis, "anna", "verkeerd wachtwoord")
    assert antwoord.status_code == 401
    assert "De gebruikersnaam of het wachtwoord klopt niet" in antwoord.text
    assert "wijkkompas_sessie" not in antwoord.headers.get("Set-Cookie", "")
    assert 'value="anna"' in antwoord.text  # the name stays filled in


def test_na_zes_verkeerde_pogingen_even_niet_meer(aanmeldserver):
    basis, _ = aanmeldserver
    sessie = requests.Session()
    antwoorden = [_meld_aan(sessie, basis, "bob", f"geraden wachtwoord {i}") for i in range(6)]
    assert [a.status_code for a in antwoorden] == [401, 401, 401, 401, 429, 429]
    assert "probeer het over 15 minuten opnieuw" in antwoorden[-1].text
    juist = _meld_aan(sessie, basis, "bob", WACHTWOORD)  # now even the right password has to wait
    assert juist.status_code == 429 and "wijkkompas_sessie" not in juist.headers.get("Set-Cookie", "")


def test_juist_wachtwoord_geeft_een_httponly_cookie_en_de_pagina(aanmeldserver):
    basis, _ = aanmeldserver
    sessie = requests.Session()
    antwoord = _meld_aan(sessie, basis, "Anna", WACHTWOORD)
    assert antwoord.status_code == 303 and antwoord.headers["Location"] == PAGINA
    cookie = antwoord.headers["Set-Cookie"]
    assert cookie.startswith("wijkkompas_sessie=") and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Path=/" in cookie and "Secure" not in cookie  # plain http here; behind https it is Secure
    pagina = sessie.get(basis + PAGINA, timeout=WACHT_S)
    assert pagina.status_code == 200 and _bezoeker(pagina) == "aanmelden:anna"
    # the page's kernel may be reached with the session
    kernel = re.search(r'"kernelId": "([0-9a-f-]+)"', pagina.text).group(1)
    assert sessie.get(f"{basis}/api/kernels/{kernel}", timeout=30).status_code == 200
    assert requests.get(f"{basis}/api/kernels/{kernel}", timeout=30).status_code == 403  # but not without


def test_vervalste_of_verlopen_cookie_leidt_weer_naar_aanmelden(aanmeldserver):
    basis, store = aanmeldserver
    verlopen = store.maak_aanmeldsessie(store.gebruiker_op_naam("anna"), duur=timedelta(seconds=-1))
    for waarde in ("vervalst-" + "x" * 40, verlopen):
        antwoord = requests.get(basis + PAGINA, cookies={"wijkkompas_sessie": waarde}, allow_redirects=False,
                                timeout=30)
        assert antwoord.status_code == 302 and "reden=verlopen" in antwoord.headers["Location"]
        assert 'wijkkompas_sessie=""' in antwoord.headers.get("Set-Cookie", "")  # the bad cookie is cleared
    melding = requests.get(basis + "/aanmelden?reden=verlopen", timeout=30)
    assert "Je sessie is verlopen of niet meer geldig" in melding.text


def test_eigen_identiteitskop_van_de_browser_telt_nooit(aanmeldserver):
    basis, _ = aanmeldserver
    vervalst = {"X-Wijkkompas-Identiteit": teken("anna", "geraden geheim"), "x-wijkkompas-identiteit": "anna"}
    antwoord = requests.get(basis + PAGINA, headers=vervalst, allow_redirects=False, timeout=30)
    assert antwoord.status_code == 302  # no way in
    gast = requests.get(basis + DEELNEMER, headers=vervalst, timeout=WACHT_S)
    assert gast.status_code == 200 and _bezoeker(gast) == "aanmelden:None"  # the header was dropped


def test_deelnemerspagina_en_haar_kernel_zijn_open_voor_gasten(aanmeldserver):
    basis, _ = aanmeldserver
    gast = requests.Session()
    pagina = gast.get(basis + DEELNEMER + "?code=ABC123", timeout=WACHT_S)
    assert pagina.status_code == 200 and _bezoeker(pagina) == "aanmelden:None"
    kernel = re.search(r'"kernelId": "([0-9a-f-]+)"', pagina.text).group(1)
    assert gast.get(f"{basis}/api/kernels/{kernel}", timeout=30).status_code == 200
    # other pages, URL tricks and other kernels stay closed
    for pad in ("/voila/render/workshop_deelnemer.ipynb/../00_welkom.ipynb", "/voila/render/./00_welkom.ipynb",
                "/voila/render/%30%30_welkom.ipynb", "/voila/tree", "/voila/api/contents/"):
        assert gast.get(basis + pad, allow_redirects=False, timeout=30).status_code in (302, 403), pad
    andere = "0a1b2c3d-0000-4000-8000-000000000000"
    assert gast.get(f"{basis}/api/kernels/{andere}", timeout=30).status_code == 403
    assert gast.post(f"{basis}/voila/api/shutdown/{andere}", timeout=30).status_code == 403
    # the kernels' own channel back to the server is not for visitors coming through a proxy
    assert gast.get(f"{basis}/voila/query/{kernel}", headers={"X-Forwarded-For": "203.0.113.9"},
                    timeout=30).status_code == 403
    assert gast.get(f"{basis}/voila/static/voila.js", timeout=30).status_code == 200  # static files stay public


def test_volgende_pagina_blijft_op_deze_server(aanmeldserver):
    basis, _ = aanmeldserver
    for volgende in ("https://elders.example/", "//elders.example/", "/\\elders.example", "javascript:alert(1)"):
        antwoord = _meld_aan(requests.Session(), basis, "anna", WACHTWOORD, volgende=volgende)
        assert antwoord.status_code == 303 and antwoord.headers["Location"] == PAGINA, volgende


def test_afmelden_beeindigt_de_sessie(aanmeldserver):
    basis, _ = aanmeldserver
    sessie = requests.Session()
    assert _meld_aan(sessie, basis, "anna", WACHTWOORD).status_code == 303
    token = sessie.cookies["wijkkompas_sessie"]
    pagina = sessie.get(f"{basis}/afmelden", timeout=30)
    assert pagina.status_code == 200 and "Afmelden" in pagina.text
    xsrf = re.search(r'name="_xsrf" value="([^"]+)"', pagina.text).group(1)
    assert sessie.post(f"{basis}/afmelden", timeout=30, allow_redirects=False).status_code == 403  # no xsrf
    uit = sessie.post(f"{basis}/afmelden", data={"_xsrf": xsrf}, timeout=30, allow_redirects=False)
    assert uit.status_code == 303 and uit.headers["Location"] == "/aanmelden?afgemeld=1"
    assert "Je bent afgemeld" in sessie.get(basis + uit.headers["Location"], timeout=30).text
    oud = requests.get(basis + PAGINA, cookies={"wijkkompas_sessie": token}, allow_redirects=False, timeout=30)
    assert oud.status_code == 302  # a copy of the cookie no longer works


def test_proxy_zonder_gebruikerskop_krijgt_403(proxyserver):
    basis, _ = proxyserver
    antwoord = requests.get(basis + PAGINA, allow_redirects=False, timeout=30)
    assert antwoord.status_code == 403 and "aanmeldpagina van je organisatie" in antwoord.text
    assert '<html lang="nl">' in antwoord.text
    vervalst = requests.get(basis + PAGINA, headers={"X-Wijkkompas-Identiteit": teken("anna", "geraden")},
                            allow_redirects=False, timeout=30)
    assert vervalst.status_code == 403


def test_proxy_met_gebruikerskop_opent_de_pagina_als_die_gebruiker(proxyserver):
    basis, store = proxyserver
    kop = {"X-Forwarded-User": "Carla@Gemeente.nl", "X-Wijkkompas-Identiteit": teken("anna", "geraden")}
    antwoord = requests.get(basis + PAGINA, headers=kop, timeout=WACHT_S)
    assert antwoord.status_code == 200 and _bezoeker(antwoord) == "proxy:carla@gemeente.nl"
    assert store.gebruiker_op_naam("carla@gemeente.nl").naam == "carla@gemeente.nl"  # made on the first visit
    raar = requests.get(basis + PAGINA, headers={"X-Forwarded-User": "<script>"}, timeout=30)
    assert raar.status_code == 403 and "niet kan gebruiken" in raar.text
