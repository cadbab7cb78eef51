"""How the app is started: Voilà options, the Dutch template, the data folder, the root redirect."""

from __future__ import annotations

import json
import os

import pytest

from wijkkompas_widgets import cli
from wijkkompas_widgets.paths import jupyter_share_dir, notebooks_dir
from wijkkompas_widgets.server import StartOpties, voila_argv, voila_omgeving, welkom_url


def test_voila_krijgt_nederlands_template_culling_en_voorverwarmen():
    argv = voila_argv(StartOpties(port=9001, pool_size=2))
    assert argv[0] == str(notebooks_dir())
    for optie in (
        "--port=9001", "--template=wijkkompas", "--VoilaExporter.language_code=nl", "--no-browser",
        "--MappingKernelManager.cull_idle_timeout=900", "--MappingKernelManager.cull_connected=False",
        "--preheat_kernel=True", "--pool_size=2", "--VoilaConfiguration.show_tracebacks=False",
    ):
        assert optie in argv


def test_geen_celtijdslimiet_die_voorverwarmde_kernels_zou_doden():
    """A pooled kernel blocks in wait_for_request() until someone opens the page; with a cell
    timeout every pooled page broke after that many idle seconds (seen in a manual run)."""
    assert not any("VoilaExecutor.timeout" in optie for optie in voila_argv(StartOpties(pool_size=1)))


def test_voorverwarmen_kan_uit():
    assert not any(a.startswith("--preheat_kernel") for a in voila_argv(StartOpties(pool_size=0)))


def test_workshop_pool_geeft_de_deelnemerspagina_een_eigen_voorverwarmde_pool(tmp_path):
    """A room of 30 opens the participant page at once; the other pages keep their small pool.
    Read by the real Voilà app class, so a change in how Voilà takes the option shows here."""
    from wijkkompas_widgets.server import DEELNEMER, maak_voila_app_klasse

    argv = voila_argv(StartOpties(pool_size=1, workshop_pool=8, notebooks=tmp_path))
    app = maak_voila_app_klasse()()
    app.initialize(argv)
    assert app.config.VoilaKernelManager.kernel_pools_config == {
        "default": {"pool_size": 1}, DEELNEMER: {"pool_size": 8}}
    assert "--preheat_kernel=True" in argv


def test_template_staat_op_jupyter_path_en_breidt_lab_uit():
    omgeving = voila_omgeving({"JUPYTER_PATH": "/elders"})
    assert omgeving["JUPYTER_PATH"].split(":") == [str(jupyter_share_dir()), "/elders"]
    template = jupyter_share_dir() / "voila" / "templates" / "wijkkompas"
    assert json.loads((template / "conf.json").read_text())["base_template"] == "lab"
    assert "Het werkboek wordt geladen" in (template / "index.html.j2").read_text(encoding="utf-8")


def test_welkom_url_wijst_naar_het_welkomstnotebook():
    assert welkom_url(StartOpties(port=8866)) == "http://localhost:8866/voila/render/00_welkom.ipynb"
    assert (notebooks_dir() / "00_welkom.ipynb").is_file()


def test_info_toont_de_map_uit_de_optie(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("WIJKKOMPAS_DATA_DIR", str(tmp_path / "eigen"))
    assert cli.main(["info"]) == 0
    assert str(tmp_path / "eigen" / "wijkdossiers.sqlite") in capsys.readouterr().out


def test_start_met_beschadigde_opslag_stopt_met_nederlandse_melding(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("WIJKKOMPAS_DB_URL", raising=False)
    (tmp_path / "wijkdossiers.sqlite").write_bytes(b"kapot" * 100)
    monkeypatch.setattr(cli.subprocess, "Popen", lambda *a, **k: (_ for _ in ()).throw(AssertionError("gestart")))
    assert cli.main(["start", "--no-browser", "--data-dir", str(tmp_path)]) == 2
    assert "Kan de dossiers niet openen" in capsys.readouterr().err


def test_wachtwoord_in_database_url_wordt_niet_getoond():
    assert cli._toon_url("postgresql+psycopg://wk:geheim@db:5432/wk") == "postgresql+psycopg://***@db:5432/wk"


def test_websocket_laat_een_upload_van_50_mb_door_tot_onze_eigen_controle():
    """Tornado's default (10 MiB) would cut the connection on a 12 MB upload; the app allows more, so the
    kernel can answer in Dutch, and the template refuses anything over 50 MB in the browser."""
    from wijkkompas_widgets.server import MAX_UPLOAD, maak_voila_app_klasse

    app = maak_voila_app_klasse()()
    assert app.tornado_settings["websocket_max_message_size"] > MAX_UPLOAD
    sjabloon = (jupyter_share_dir() / "voila" / "templates" / "wijkkompas" / "index.html.j2").read_text()
    assert f"MAX_UPLOAD = {MAX_UPLOAD // (1024 * 1024)} * 1024 * 1024" in sjabloon


# -- export and import on the command line (issue 7) ----------------------------------------------------------------
VOORBEELD = "Voorbeeld: Groenoord en Kethel aardgasvrij"


def _eigen_map(tmp_path, monkeypatch):
    """A data folder of its own; setenv first, so the folder the command sets is undone after the test."""
    map_ = tmp_path / "dossiers"
    monkeypatch.setenv("WIJKKOMPAS_DATA_DIR", str(map_))
    monkeypatch.delenv("WIJKKOMPAS_DB_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    return map_


def test_export_json_en_import_op_de_opdrachtregel(tmp_path, capsys, monkeypatch):
    from wijkkompas_widgets.dossier.store import DossierStore

    map_ = _eigen_map(tmp_path, monkeypatch)
    assert cli.main(["export", "--format", "json", VOORBEELD.lower(), "--data-dir", str(map_)]) == 0
    [bestand] = tmp_path.glob("wijkdossier-voorbeeld-groenoord-en-kethel-aardgasvrij-*.json")
    assert str(bestand) in capsys.readouterr().out

    assert cli.main(["import", str(bestand), "--data-dir", str(map_)]) == 0
    uit = capsys.readouterr().out
    store = DossierStore(f"sqlite:///{map_ / 'wijkdossiers.sqlite'}")
    kopie = next(d for d in store.dossiers() if d.naam == f"{VOORBEELD} (geïmporteerd)")
    assert kopie.id in uit and kopie.naam in uit
    assert len(store.partijen(kopie.id)) == len(store.partijen(next(d.id for d in store.dossiers()
                                                                    if d.naam == VOORBEELD)))

    (tmp_path / "uit").mkdir()
    assert cli.main(["export", kopie.id, "-o", str(tmp_path / "uit"), "--data-dir", str(map_)]) == 0
    [tweede] = (tmp_path / "uit").glob("wijkdossier-*.json")
    terug = json.loads(tweede.read_bytes().replace(" (geïmporteerd)".encode(), b""))
    origineel = json.loads(bestand.read_bytes())
    # the copy is the original plus one history line: who put it back, from which file (issue 13)
    extra = terug["tabellen"]["wijziging"].pop()
    assert "Teruggezet uit reservekopie" in extra["regel"] and bestand.name in extra["regel"]
    assert terug == origineel
    assert cli.main(["export", kopie.id, "-o", str(tmp_path / "uit" / "eigen.json"), "--data-dir", str(map_)]) == 0
    assert (tmp_path / "uit" / "eigen.json").read_bytes() == tweede.read_bytes()


def test_export_van_onbekend_dossier_stopt_met_nederlandse_melding(tmp_path, capsys, monkeypatch):
    map_ = _eigen_map(tmp_path, monkeypatch)
    assert cli.main(["export", "Wijk die er niet is", "--data-dir", str(map_)]) == 2
    fout = capsys.readouterr().err
    assert "Er is geen dossier met het nummer of de naam 'Wijk die er niet is'" in fout
    assert VOORBEELD in fout and "Traceback" not in fout  # it lists the dossiers there are
    assert not list(tmp_path.glob("*.json"))


def test_import_van_slecht_of_ontbrekend_bestand_stopt_met_nederlandse_melding(tmp_path, capsys, monkeypatch):
    map_ = _eigen_map(tmp_path, monkeypatch)
    (tmp_path / "kapot.json").write_bytes(b'{"soort": "iets anders"}')
    assert cli.main(["import", "kapot.json", "--data-dir", str(map_)]) == 2
    fout = capsys.readouterr().err
    assert "Het bestand 'kapot.json' is niet ingelezen: het is geen wijkdossier" in fout and "Traceback" not in fout
    assert cli.main(["import", "bestaat-niet.json", "--data-dir", str(map_)]) == 2
    assert "bestaat niet" in capsys.readouterr().err


@pytest.mark.parametrize("soort", ["docx", "xlsx"])
def test_export_naar_word_en_excel_op_de_opdrachtregel(tmp_path, capsys, monkeypatch, soort):
    from wijkkompas_widgets import export

    if not hasattr(export, f"exporteer_{soort}"):
        pytest.skip(f"exporteer_{soort} staat nog niet in wijkkompas_widgets.export")
    map_ = _eigen_map(tmp_path, monkeypatch)
    assert cli.main(["export", "--format", soort, VOORBEELD, "--data-dir", str(map_)]) == 0
    [bestand] = tmp_path.glob(f"wijkdossier-*.{soort}")
    assert bestand.read_bytes()[:2] == b"PK"  # both are zip containers
    assert str(bestand) in capsys.readouterr().out


@pytest.mark.parametrize(("argumenten", "melding"), [
    ([], "dit ontbreekt nog: OPDRACHT"),
    (["opruimen"], "'opruimen' bestaat niet; kies uit 'start', 'info', 'export', 'import', 'gebruiker', 'lid'"),
    (["start", "--modus", "open"], "--modus: 'open' bestaat niet; kies uit 'lokaal', 'aanmelden', 'proxy', 'hub'"),
    (["gebruiker"], "dit ontbreekt nog: ACTIE"),
    (["lid", "toevoegen", "1", "anna"], "dit ontbreekt nog: --rol"),
    (["start", "--port", "achtentachtig"], "--port: 'achtentachtig' is geen geheel getal"),
    (["export", "--format", "pdf", "1"], "--format: 'pdf' bestaat niet; kies uit 'docx', 'json', 'xlsx'"),
    (["export"], "dit ontbreekt nog: DOSSIER"),
    (["info", "--snel"], "onbekend: --snel"),
])
def test_verkeerd_gebruik_van_de_opdracht_geeft_nederlandse_uitleg(capsys, argumenten, melding):
    with pytest.raises(SystemExit) as stop:
        cli.main(argumenten)
    assert stop.value.code == 2
    fout = capsys.readouterr().err
    assert fout.startswith("gebruik: wijkkompas") and melding in fout and "--help" in fout
    assert "usage" not in fout and "error" not in fout


def test_hulp_is_nederlands(capsys):
    with pytest.raises(SystemExit):
        cli.main(["start", "--help"])
    hulp = capsys.readouterr().out
    assert "gebruik: wijkkompas start" in hulp and "opties:" in hulp and "Toon deze hulp en stop." in hulp
    assert "--port POORT" in hulp and "show this help" not in hulp


# -- who is visiting (issue 13) -------------------------------------------------------------------------------------
def test_start_zonder_opties_blijft_lokaal_zonder_aanmelden():
    """README lines 1-3: ``wijkkompas start`` needs no set-up; the server passes the mode on to its kernels."""
    argv = voila_argv(StartOpties())
    assert "--WijkkompasVoila.aanmeldmodus=lokaal" in argv and "--Voila.ip=127.0.0.1" in argv
    assert not any("proxy_header" in a or "base_url" in a for a in argv)


def test_server_geeft_kernels_de_modus_een_vers_geheim_en_de_identiteitskop(tmp_path, monkeypatch):
    from wijkkompas_widgets.server import maak_voila_app_klasse
    from wijkkompas_widgets.toegang.identiteit import ENV_GEHEIM, ENV_MODUS, HEADER

    monkeypatch.setenv(ENV_GEHEIM, "oud-geheim")
    monkeypatch.setenv(ENV_MODUS, "lokaal")
    app = maak_voila_app_klasse()()
    app.initialize(voila_argv(StartOpties(modus="aanmelden", ip="0.0.0.0", notebooks=tmp_path)))
    assert os.environ[ENV_MODUS] == "aanmelden"
    assert os.environ[ENV_GEHEIM] != "oud-geheim" and len(os.environ[ENV_GEHEIM]) >= 40
    assert HEADER in app.voila_configuration.http_header_envs


def test_proxy_kop_en_base_url_gaan_naar_de_server():
    argv = voila_argv(StartOpties(modus="proxy", proxy_header="X-Forwarded-Email", base_url="werkboek"))
    assert "--WijkkompasVoila.proxy_header=X-Forwarded-Email" in argv and "--Voila.base_url=/werkboek/" in argv
    assert welkom_url(StartOpties(base_url="/werkboek/")) == "http://localhost:8866/werkboek/voila/render/00_welkom.ipynb"
