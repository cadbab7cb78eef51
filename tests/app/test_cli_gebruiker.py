"""Accounts and members on the command line: ``wijkkompas gebruiker toevoegen|wachtwoord|verwijderen|lijst`` and
``wijkkompas lid toevoegen|lijst`` — for the first administrator and for dossiers that still have no eigenaar."""

from __future__ import annotations

import io

import pytest

from wijkkompas_widgets import cli
from wijkkompas_widgets.dossier import SYSTEEM, AanmeldFout
from wijkkompas_widgets.dossier.store import DossierStore

WACHTWOORD = "paarse olifant danst"


@pytest.fixture
def map_(tmp_path, monkeypatch):
    monkeypatch.setenv("WIJKKOMPAS_DATA_DIR", str(tmp_path / "dossiers"))
    monkeypatch.delenv("WIJKKOMPAS_DB_URL", raising=False)
    monkeypatch.delenv("WIJKKOMPAS_AANMELDMODUS", raising=False)
    return tmp_path / "dossiers"


def _store(map_):
    return DossierStore(f"sqlite:///{map_ / 'wijkdossiers.sqlite'}", gebruiker=SYSTEEM)


def _invoer(monkeypatch, tekst: str):
    monkeypatch.setattr(cli.sys, "stdin", io.StringIO(tekst))


def test_eerste_beheerder_toevoegen_met_wachtwoord_van_stdin(map_, capsys, monkeypatch):
    _invoer(monkeypatch, WACHTWOORD + "\n")
    assert cli.main(["gebruiker", "toevoegen", "Anna", "--beheerder", "--weergavenaam", "Anna de Vries",
                     "--wachtwoord-stdin"]) == 0
    assert "Account 'anna' (beheerder) is gemaakt" in capsys.readouterr().out
    anna = _store(map_).controleer_wachtwoord("anna", WACHTWOORD)
    assert anna.beheerder and anna.weergavenaam == "Anna de Vries"
    assert cli.main(["gebruiker", "lijst"]) == 0
    assert "anna  (Anna de Vries, beheerder)" in capsys.readouterr().out


def test_wachtwoord_wordt_twee_keer_gevraagd(map_, capsys, monkeypatch):
    antwoorden = iter([WACHTWOORD, WACHTWOORD + "?"])
    monkeypatch.setattr(cli.getpass, "getpass", lambda _vraag: next(antwoorden))
    assert cli.main(["gebruiker", "toevoegen", "bob"]) == 2
    fout = capsys.readouterr().err
    assert "De twee wachtwoorden zijn niet gelijk; er is niets veranderd." in fout and "Traceback" not in fout
    assert _store(map_).gebruikers() == []
    antwoorden = iter([WACHTWOORD, WACHTWOORD])
    assert cli.main(["gebruiker", "toevoegen", "bob"]) == 0


@pytest.mark.parametrize(("naam", "wachtwoord", "melding"), [
    ("anna", "kort", "minstens 10 tekens"),
    ("anna de vries", WACHTWOORD, "letters zonder accent"),
])
def test_slecht_account_stopt_met_nederlandse_melding(map_, capsys, monkeypatch, naam, wachtwoord, melding):
    _invoer(monkeypatch, wachtwoord + "\n")
    assert cli.main(["gebruiker", "toevoegen", naam, "--wachtwoord-stdin"]) == 2
    fout = capsys.readouterr().err
    assert fout.startswith("Dat is niet gelukt: ") and melding in fout and "Traceback" not in fout


def test_wachtwoord_wijzigen_en_account_verwijderen(map_, capsys, monkeypatch):
    store = _store(map_)
    anna = store.maak_gebruiker("anna", WACHTWOORD)
    token = store.maak_aanmeldsessie(anna)
    _invoer(monkeypatch, "een heel nieuw wachtwoord\n")
    assert cli.main(["gebruiker", "wachtwoord", "ANNA", "--wachtwoord-stdin"]) == 0
    assert "Het wachtwoord van 'anna' is gewijzigd" in capsys.readouterr().out
    assert store.controleer_wachtwoord("anna", "een heel nieuw wachtwoord") == anna
    with pytest.raises(AanmeldFout):
        store.gebruiker_voor_sessie(token)  # signed out everywhere

    assert cli.main(["gebruiker", "wachtwoord", "niemand", "--wachtwoord-stdin"]) == 2
    assert "Er is geen account met de gebruikersnaam 'niemand'" in capsys.readouterr().err
    assert cli.main(["gebruiker", "verwijderen", "anna"]) == 0
    assert "Account 'anna' is verwijderd" in capsys.readouterr().out
    assert store.gebruikers() == []


def test_lid_toevoegen_geeft_een_bestaand_dossier_een_eigenaar(map_, capsys):
    store = _store(map_)
    store.maak_gebruiker("anna", WACHTWOORD, weergavenaam="Anna de Vries")
    dossier = store.maak_dossier("Wijkaanpak Noord")
    assert cli.main(["lid", "toevoegen", "wijkaanpak noord", "anna", "--rol", "eigenaar"]) == 0
    assert "Anna de Vries is nu eigenaar van 'Wijkaanpak Noord'" in capsys.readouterr().out
    assert [(lid.gebruiker, lid.rol) for lid in store.leden(dossier.id)] == [("anna", "eigenaar")]
    assert cli.main(["lid", "lijst", dossier.id]) == 0
    assert "anna  Eigenaar  (Anna de Vries)" in capsys.readouterr().out
    assert cli.main(["lid", "toevoegen", dossier.id, "niemand", "--rol", "lezer"]) == 2
    fout = capsys.readouterr().err
    assert fout.startswith("Dat is niet gelukt: ") and "Traceback" not in fout


def test_start_in_aanmeldmodus_zonder_accounts_wijst_de_weg(map_, capsys, monkeypatch):
    gestart = []
    monkeypatch.setattr(cli.subprocess, "Popen", lambda argv, **k: gestart.append(argv) or _Klaar())
    monkeypatch.setattr(cli, "_wacht_en_open", lambda *a, **k: None)
    assert cli.main(["start", "--modus", "aanmelden", "--ip", "0.0.0.0", "--no-browser"]) == 0
    assert "wijkkompas gebruiker toevoegen NAAM --beheerder" in capsys.readouterr().out
    assert "--WijkkompasVoila.aanmeldmodus=aanmelden" in gestart[0] and "--Voila.ip=0.0.0.0" in gestart[0]


class _Klaar:
    def wait(self, timeout=None):
        return 0

    def poll(self):
        return 0
