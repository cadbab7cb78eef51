"""The wijkdossier store: round trips, refusals that change nothing, migrations, broken files."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
from datetime import datetime, timezone

import pytest
from sqlalchemy import create_engine, text

from wijkkompas_widgets.dossier import GelijktijdigGewijzigd, InvoerFout, OnbekendDossier, OpslagFout, PartijInvoer
from wijkkompas_widgets.dossier.schema import SCHEMA_VERSIE
from wijkkompas_widgets.dossier.store import _MIGRATIES, DossierStore, migreer_naar

# Store tests run on SQLite and on PostgreSQL (see tests/conftest.py).
pytestmark = pytest.mark.beide_backends


def test_eerste_start_heeft_precies_een_voorbeelddossier_met_partijen(store, store_url):
    dossiers = store.dossiers()
    assert len(dossiers) == 1
    voorbeeld = dossiers[0]
    assert voorbeeld.is_voorbeeld and voorbeeld.naam.startswith("Voorbeeld")
    assert voorbeeld.gemeente == "Schiedam"
    partijen = store.partijen(voorbeeld.id)
    assert len(partijen) >= 5 and all(p.geplaatst for p in partijen)
    # a second open of the same store (another kernel) does not add a second example
    assert len(DossierStore(store_url).dossiers()) == 1


def test_voorbeeld_komt_niet_terug_na_verwijderen_van_de_partijen(store, store_url):
    voorbeeld = store.dossiers()[0]
    for partij in store.partijen(voorbeeld.id):
        store.verwijder_partij(voorbeeld.id, partij.id)
    assert DossierStore(store_url).partijen(voorbeeld.id) == []


def test_dossier_met_partijen_en_status_komt_terug_na_heropenen(lege_store, store_url):
    dossier = lege_store.maak_dossier("Wijkaanpak Noord", "Noord", "Utrecht")
    gemeente = PartijInvoer("Gemeente Utrecht", "gemeente", "Gemeente", "regisseur", ("C",))
    lege_store.voeg_partij_toe(dossier.id, gemeente)
    corporatie = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Corporatie X", "woningcorporatie", sporen=("B",)))
    lege_store.plaats_partij(dossier.id, corporatie.id, invloed=8, belang=3)
    lege_store.zet_status(dossier.id, "f1-juiste-partijen", "afgerond")

    heropend = DossierStore(store_url, voorbeeld=False)
    assert heropend.dossier(dossier.id).naam == "Wijkaanpak Noord"
    partijen = heropend.partijen(dossier.id)
    assert [p.naam for p in partijen] == ["Gemeente Utrecht", "Corporatie X"]
    assert partijen[0].sporen == ("C",) and partijen[0].contactrol == "regisseur"
    assert (partijen[1].invloed, partijen[1].belang) == (8, 3)
    assert heropend.statussen(dossier.id)["f1-juiste-partijen"] == "afgerond"
    assert heropend.statussen(dossier.id)["f1-regierol"] == "niet-gestart"


def test_laatst_gewijzigde_dossier_staat_bovenaan(lege_store):
    oud = lege_store.maak_dossier("Oud")
    nieuw = lege_store.maak_dossier("Nieuw")
    assert lege_store.dossiers()[0].id == nieuw.id
    lege_store.zet_status(oud.id, "f1-regierol", "gestart")
    assert lege_store.dossiers()[0].id == oud.id


@pytest.mark.parametrize(
    ("naam", "melding"),
    [
        ("", "De naam van de partij is verplicht."),
        ("   ", "De naam van de partij is verplicht."),
        ("x" * 81, "te lang (81 tekens); maximaal 80"),
        ("Gemeente\x00X", "stuurtekens"),
    ],
)
def test_onbruikbare_partijnaam_wordt_geweigerd_en_er_verandert_niets(lege_store, naam, melding):
    dossier = lege_store.maak_dossier("D")
    with pytest.raises(InvoerFout, match=melding.replace("(", r"\(").replace(")", r"\)")):
        lege_store.voeg_partij_toe(dossier.id, PartijInvoer(naam, "gemeente"))
    assert lege_store.partijen(dossier.id) == []


def test_dubbele_partij_telt_ook_met_andere_hoofdletters_en_spaties(lege_store):
    dossier = lege_store.maak_dossier("D")
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Netbeheerder Stedin", "netbeheerder"))
    with pytest.raises(InvoerFout, match="Er staat al een partij met de naam"):
        lege_store.voeg_partij_toe(dossier.id, PartijInvoer("  netbeheerder   STEDIN ", "netbeheerder"))
    assert len(lege_store.partijen(dossier.id)) == 1
    # the same name in another dossier is fine
    ander = lege_store.maak_dossier("E")
    lege_store.voeg_partij_toe(ander.id, PartijInvoer("Netbeheerder Stedin", "netbeheerder"))


def test_html_in_een_naam_wordt_letterlijk_bewaard(lege_store):
    dossier = lege_store.maak_dossier("D")
    naam = "<img src=x onerror=alert(1)>"
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer(naam, "overig"))
    assert lege_store.partijen(dossier.id)[0].naam == naam


def test_onbekend_type_spoor_en_schaal_worden_geweigerd(lege_store):
    dossier = lege_store.maak_dossier("D")
    with pytest.raises(InvoerFout, match="soort partij"):
        lege_store.voeg_partij_toe(dossier.id, PartijInvoer("X", "bestaat-niet"))
    with pytest.raises(InvoerFout, match="Onbekend spoor: G"):
        lege_store.voeg_partij_toe(dossier.id, PartijInvoer("X", "overig", sporen=("A", "G")))
    partij = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("X", "overig"))
    for invloed, belang in ((0, 5), (5, 11), (True, 5)):
        with pytest.raises(InvoerFout, match="geheel getal van 1 tot en met 10"):
            lege_store.plaats_partij(dossier.id, partij.id, invloed, belang)
    assert not lege_store.partijen(dossier.id)[0].geplaatst


def test_gelijktijdige_bewerking_overschrijft_niets(lege_store):
    dossier = lege_store.maak_dossier("D")
    partij = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Corporatie", "woningcorporatie"))
    lege_store.wijzig_partij(dossier.id, partij.id, PartijInvoer("Corporatie A", "woningcorporatie"), partij.versie)
    with pytest.raises(GelijktijdigGewijzigd, match="Iemand anders heeft deze partij intussen gewijzigd"):
        lege_store.wijzig_partij(dossier.id, partij.id, PartijInvoer("Corporatie B", "woningcorporatie"), partij.versie)
    assert lege_store.partijen(dossier.id)[0].naam == "Corporatie A"


def test_bewerken_van_een_verwijderde_partij(lege_store):
    dossier = lege_store.maak_dossier("D")
    partij = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Corporatie", "woningcorporatie"))
    lege_store.verwijder_partij(dossier.id, partij.id)
    with pytest.raises(InvoerFout, match="bestaat niet meer"):
        lege_store.wijzig_partij(dossier.id, partij.id, PartijInvoer("Nieuw", "overig"), partij.versie)


@pytest.mark.parametrize("dossier_id", ["", "123", "../../etc", "<script>", "ffffffffffff"])
def test_onbekend_dossier_geeft_nederlandse_melding(lege_store, dossier_id):
    with pytest.raises(OnbekendDossier, match="bestaat niet"):
        lege_store.dossier(dossier_id)


def test_schrijven_naar_onbekend_dossier_schrijft_niets(lege_store):
    with pytest.raises(OnbekendDossier):
        lege_store.zet_status("ffffffffffff", "f1-regierol", "gestart")
    with pytest.raises(OnbekendDossier):
        lege_store.voeg_partij_toe("ffffffffffff", PartijInvoer("X", "overig"))
    with lege_store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM partij")).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM knooppunt_status")).scalar() == 0


def test_onbekende_status_of_knooppunt_wordt_geweigerd(lege_store):
    dossier = lege_store.maak_dossier("D")
    with pytest.raises(InvoerFout, match="Onbekende status"):
        lege_store.zet_status(dossier.id, "f1-regierol", "klaar")
    with pytest.raises(InvoerFout, match="Onbekend knooppunt"):
        lege_store.zet_status(dossier.id, "f9-niets", "gestart")


def test_schema_versie_is_de_laatste_migratie(store):
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIES))
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_VERSIE
    assert store.schema_versie() == SCHEMA_VERSIE


def test_migratie_van_schema_0001_behoudt_alle_gegevens(tmp_path):
    """A store written by the first release (schema 0001) opens in this release with its data."""
    url = f"sqlite:///{tmp_path / 'oud.sqlite'}"
    engine = create_engine(url)
    from wijkkompas_widgets.dossier.store import _maak_engine

    oude_engine = _maak_engine(url)
    migreer_naar(oude_engine, "0001")
    moment = datetime(2025, 3, 1, tzinfo=timezone.utc)
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO dossier (id, naam, wijk, gemeente, toelichting, is_voorbeeld, aangemaakt, gewijzigd) "
            "VALUES ('abcdefabcdef', 'Oude wijk', 'Oost', 'Delft', '', 0, :m, :m)"), {"m": moment})
        conn.execute(text(
            "INSERT INTO partij (dossier_id, naam, naam_sleutel, type, organisatie, contactrol, sporen, versie, "
            "aangemaakt, gewijzigd) VALUES ('abcdefabcdef', 'Gemeente Delft', 'gemeente delft', 'gemeente', '', '', "
            "'C', 1, :m, :m)"), {"m": moment})
        conn.execute(text(
            "INSERT INTO knooppunt_status VALUES ('abcdefabcdef', 'f1-regierol', 'gestart', :m)"), {"m": moment})
        conn.execute(text("INSERT INTO meta VALUES ('voorbeeld', 'geplaatst')"))
    engine.dispose()
    oude_engine.dispose()

    store = DossierStore(url)
    assert store.schema_versie() == SCHEMA_VERSIE
    assert [d.naam for d in store.dossiers()] == ["Oude wijk"]
    partij = store.partijen("abcdefabcdef")[0]
    assert partij.naam == "Gemeente Delft" and partij.sporen == ("C",) and not partij.geplaatst
    assert store.statussen("abcdefabcdef")["f1-regierol"] == "gestart"
    store.plaats_partij("abcdefabcdef", partij.id, 7, 7)  # the new columns work
    assert store.partijen("abcdefabcdef")[0].geplaatst


def test_beschadigd_bestand_geeft_nederlandse_melding_en_blijft_onaangeroerd(tmp_path):
    pad = tmp_path / "kapot.sqlite"
    inhoud = b"dit is geen database " * 200
    pad.write_bytes(inhoud)
    with pytest.raises(OpslagFout, match="beschadigd"):
        DossierStore(f"sqlite:///{pad}")
    assert pad.read_bytes() == inhoud


@pytest.mark.skipif(os.name != "posix", reason="bestandsrechten zoals op Linux")
@pytest.mark.alleen_sqlite
def test_alleen_lezen_bestand_geeft_nederlandse_melding(tmp_path, store_url):
    DossierStore(store_url).dossiers()
    pad = store_url.removeprefix("sqlite:///")
    for bestand in tmp_path.iterdir():
        bestand.chmod(0o444)
    tmp_path.chmod(0o555)
    try:
        if os.access(pad, os.W_OK):
            pytest.skip("als root zijn bestanden altijd schrijfbaar")
        with pytest.raises(OpslagFout, match="alleen-lezen"):
            store = DossierStore(store_url)
            store.maak_dossier("Nieuw")
    finally:
        tmp_path.chmod(0o755)


def test_alleen_lezen_database_ook_als_root(tmp_path, monkeypatch):
    """Root ignores file modes, so open the SQLite file read-only at the driver level instead."""
    url = f"sqlite:///{tmp_path / 'd.sqlite'}"
    DossierStore(url).dossiers()
    store = DossierStore(f"sqlite:///file:{tmp_path / 'd.sqlite'}?mode=ro&uri=true")
    aantal = len(store.dossiers())
    with pytest.raises(OpslagFout, match="alleen-lezen"):
        store.maak_dossier("Nieuw")
    assert len(DossierStore(url).dossiers()) == aantal


def _schrijver(url: str, dossier_id: str, nummer: int, aantal: int) -> None:
    store = DossierStore(url, voorbeeld=False)
    for i in range(aantal):
        store.voeg_partij_toe(dossier_id, PartijInvoer(f"Partij {nummer}-{i}", "overig"))
        store.zet_status(dossier_id, "f1-regierol", "gestart")


def test_gelijktijdige_kernels_verliezen_geen_enkele_wijziging(lege_store, store_url):
    """Several processes (like Voilà kernels) write at once: every write lands exactly once."""
    dossier = lege_store.maak_dossier("Druk")
    processen, aantal = 4, 15
    context = multiprocessing.get_context("spawn")
    werkers = [context.Process(target=_schrijver, args=(store_url, dossier.id, n, aantal)) for n in range(processen)]
    for werker in werkers:
        werker.start()
    for werker in werkers:
        werker.join(timeout=120)
        assert werker.exitcode == 0
    namen = sorted(p.naam for p in lege_store.partijen(dossier.id))
    assert namen == sorted(f"Partij {n}-{i}" for n in range(processen) for i in range(aantal))


@pytest.mark.alleen_sqlite
def test_sqlite_draait_in_wal_modus(store, store_url):
    pad = store_url.removeprefix("sqlite:///")
    with sqlite3.connect(pad) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_dossier_hernoemen_en_verwijderen(lege_store):
    dossier = lege_store.maak_dossier("Werknaam")
    partij = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente", "gemeente"))
    lege_store.zet_status(dossier.id, "f1-regierol", "gestart")
    assert lege_store.wijzig_dossier(dossier.id, "Wijkaanpak Oost", "Oost", "Leiden").naam == "Wijkaanpak Oost"
    with pytest.raises(InvoerFout, match="verplicht"):
        lege_store.wijzig_dossier(dossier.id, " ")
    assert lege_store.dossier(dossier.id).gemeente == "Leiden"

    lege_store.verwijder_dossier(dossier.id)
    with pytest.raises(OnbekendDossier):
        lege_store.dossier(dossier.id)
    with lege_store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM partij WHERE id = :i"), {"i": partij.id}).scalar() == 0
        assert conn.execute(text("SELECT count(*) FROM knooppunt_status")).scalar() == 0
    with pytest.raises(OnbekendDossier):
        lege_store.verwijder_dossier(dossier.id)


def test_formulier_bewaren_met_versie_overschrijft_geen_ander(lege_store):
    dossier = lege_store.maak_dossier("D")
    assert lege_store.formulier(dossier.id, "doel") == ({}, 0)
    versie = lege_store.bewaar_formulier(dossier.id, "doel", {"doel": "aardgasvrij"}, 0)
    assert lege_store.formulier(dossier.id, "doel") == ({"doel": "aardgasvrij"}, versie)
    lege_store.bewaar_formulier(dossier.id, "doel", {"doel": "co2-neutraal"}, versie)
    with pytest.raises(GelijktijdigGewijzigd, match="Iemand anders heeft dit formulier"):
        lege_store.bewaar_formulier(dossier.id, "doel", {"doel": "anders"}, versie)
    with pytest.raises(GelijktijdigGewijzigd):
        lege_store.bewaar_formulier(dossier.id, "doel", {"doel": "nog anders"}, 0)
    assert lege_store.formulier(dossier.id, "doel")[0] == {"doel": "co2-neutraal"}
    with pytest.raises(InvoerFout, match="te groot"):
        lege_store.bewaar_formulier(dossier.id, "doel", {"tekst": "x" * 60_000}, versie + 1)


def test_ambitie_capaciteit_en_salience_van_een_partij(lege_store):
    dossier = lege_store.maak_dossier("D")
    partij = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Corporatie", "woningcorporatie"))
    assert not partij.salience_beoordeeld and partij.capaciteit_uren is None
    lege_store.zet_ambitie(dossier.id, partij.id, "Alle woningen label B in 2030")
    lege_store.zet_capaciteit(dossier.id, partij.id, 24)
    lege_store.zet_salience(dossier.id, partij.id, True, True, False)
    opgeslagen = lege_store.partijen(dossier.id)[0]
    assert opgeslagen.ambitie == "Alle woningen label B in 2030" and opgeslagen.capaciteit_uren == 24
    assert (opgeslagen.macht, opgeslagen.legitimiteit, opgeslagen.urgentie) == (True, True, False)
    for fout_waarde in (-1, 1000, "veel", float("nan")):
        with pytest.raises(InvoerFout, match=r"uren|uur per maand"):
            lege_store.zet_capaciteit(dossier.id, partij.id, fout_waarde)
    assert lege_store.partijen(dossier.id)[0].capaciteit_uren == 24


def test_voorbeelddossier_laat_elke_fase_1_oefening_gevuld_zien(store):
    """A newcomer opens the example and sees filled-in results, not empty exercises."""
    voorbeeld = store.dossiers()[0]
    partijen = store.partijen(voorbeeld.id)
    assert all(p.ambitie for p in partijen)
    assert sum(p.salience_beoordeeld for p in partijen) == len(partijen)
    cellen = store.partij_belangen(voorbeeld.id)
    assert len({c.partij_id for c in cellen}) == len(partijen) and any(c.prioriteit for c in cellen)
    assert store.formulier(voorbeeld.id, "doel")[0]["soort"] == "aardgasvrij"


def test_voorbeelddossier_heeft_taken_met_rollen_en_een_ingevulde_scanronde(store):
    voorbeeld = store.dossiers()[0]
    assert len(store.taken(voorbeeld.id)) >= 5 and store.rollen(voorbeeld.id)
    ronde = store.scan_rondes(voorbeeld.id)[0]
    responsen = store.scan_responsen(voorbeeld.id, ronde.id)
    assert len(responsen) == 4 and all(r.is_ingediend for r in responsen)
    assert all(len(r.antwoorden) == 30 for r in responsen)
