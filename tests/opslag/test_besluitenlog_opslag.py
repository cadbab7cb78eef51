"""The store's besluitenlog: volgnummers without gaps (also with two writers at once), required fields, an
append-only log that the database itself guards, and corrections that leave the original in place.

Every store test runs on SQLite; set ``WIJKKOMPAS_TEST_PG_URL`` to run them on PostgreSQL too.
"""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from wijkkompas_widgets.dossier import InvoerFout, OnbekendDossier
from wijkkompas_widgets.dossier.records import KoppelkansInvoer
from wijkkompas_widgets.dossier.store import DossierStore


# -- besluitenlog ---------------------------------------------------------------------------------
def test_besluiten_krijgen_volgnummers_en_komen_terug_na_heropenen(opslag, opslag_url):
    dossier = opslag.maak_dossier("Wijk")
    eerste = opslag.leg_besluit_vast(dossier.id, "Startnotitie vastgesteld", "Wethouder, corporatie",
                                     "De raad vroeg erom", "f1-doel-en-verhaal")
    tweede = opslag.leg_besluit_vast(dossier.id, "Bewonersavond in maart", "", "Draagvlak peilen",
                                     afwijkend="Bewonersvereniging wil eerder")
    assert (eerste.volgnummer, tweede.volgnummer) == (1, 2)
    assert eerste.soort == "besluit" and eerste.knooppunt_id == "f1-doel-en-verhaal"
    assert eerste.moment.tzinfo is not None and eerste.moment.utcoffset().total_seconds() == 0

    heropend = DossierStore(opslag_url, voorbeeld=False).besluiten(dossier.id)
    assert [(b.volgnummer, b.wat, b.aanwezig, b.afwijkend) for b in heropend] == [
        (1, "Startnotitie vastgesteld", "Wethouder, corporatie", ""),
        (2, "Bewonersavond in maart", "", "Bewonersvereniging wil eerder"),
    ]
    # another dossier starts at 1 again
    assert opslag.leg_besluit_vast(opslag.maak_dossier("Ander").id, "Eerste", "", "Omdat").volgnummer == 1


@pytest.mark.parametrize("wat, onderbouwing, knooppunt, melding", [
    ("", "Omdat", None, "Wat er besloten is is verplicht"),
    ("Besluit", "  ", None, "onderbouwing is verplicht"),
    ("Besluit", "Omdat", "f9-bestaat-niet", "Onbekend knooppunt"),
    ("Besluit", "Omdat", ["f1-regierol"], "Onbekend knooppunt"),
    ("x" * 301, "Omdat", None, "te lang"),
])
def test_onvolledig_besluit_wordt_geweigerd_en_er_komt_niets_in_het_log(opslag, wat, onderbouwing, knooppunt,
                                                                        melding):
    dossier = opslag.maak_dossier("Wijk")
    with pytest.raises(InvoerFout, match=melding):
        opslag.leg_besluit_vast(dossier.id, wat, "", onderbouwing, knooppunt)
    assert opslag.besluiten(dossier.id) == []


def test_het_log_heeft_geen_methode_om_te_wijzigen_of_te_verwijderen(opslag):
    namen = [n for n in dir(opslag) if "besluit" in n.lower() and not n.startswith("_")]
    assert sorted(namen) == ["besluit_koppelkans", "besluiten", "leg_besluit_vast"]


def test_database_weigert_wijzigen_en_verwijderen_van_een_besluit(opslag):
    dossier = opslag.maak_dossier("Wijk")
    opslag.leg_besluit_vast(dossier.id, "Warmtenet onderzoeken", "Kernteam", "Restwarmte dichtbij")
    for sql in ("UPDATE besluit SET wat = 'Stiekem iets anders'", "DELETE FROM besluit"):
        with pytest.raises(Exception, match="leg een correctie vast"), opslag.engine.begin() as conn:
            conn.execute(text(sql))
    assert [b.wat for b in opslag.besluiten(dossier.id)] == ["Warmtenet onderzoeken"]


def test_correctie_laat_het_origineel_staan(opslag):
    dossier = opslag.maak_dossier("Wijk")
    fout = opslag.leg_besluit_vast(dossier.id, "Inspraak tot 1 mei", "Kernteam", "Planning")
    correctie = opslag.leg_besluit_vast(dossier.id, "Inspraak tot 1 juni", "Kernteam", "Datum was verkeerd",
                                        corrigeert=fout.id)
    log = opslag.besluiten(dossier.id)
    assert [b.wat for b in log] == ["Inspraak tot 1 mei", "Inspraak tot 1 juni"]
    assert log[0].gecorrigeerd_door == (correctie.id,) and log[0].is_gecorrigeerd
    assert log[1].soort == "correctie" and log[1].corrigeert_id == fout.id and not log[1].is_gecorrigeerd


def test_correctie_van_een_besluit_uit_een_ander_dossier_wordt_geweigerd(opslag):
    eigen, ander = opslag.maak_dossier("Eigen"), opslag.maak_dossier("Ander")
    vreemd = opslag.leg_besluit_vast(ander.id, "Iets", "", "Omdat")
    for corrigeert in (vreemd.id, 10**6, "1", True):
        with pytest.raises(InvoerFout, match="bestaat niet in dit dossier"):
            opslag.leg_besluit_vast(eigen.id, "Correctie", "", "Omdat", corrigeert=corrigeert)
    assert opslag.besluiten(eigen.id) == []


def test_onbekend_dossier_geeft_nederlandse_melding(opslag):
    with pytest.raises(OnbekendDossier, match="bestaat niet"):
        opslag.leg_besluit_vast("abcdefabcdef", "Iets", "", "Omdat")
    with pytest.raises(OnbekendDossier):
        opslag.besluiten("abcdefabcdef")
    with pytest.raises(OnbekendDossier):
        opslag.criteria("abcdefabcdef")


def test_volgnummers_blijven_uniek_en_zonder_gaten_met_twee_schrijvers_tegelijk(opslag_url):
    """Two kernels (two store objects on the same database) log decisions at the same moment."""
    eerste, tweede = DossierStore(opslag_url, voorbeeld=False), DossierStore(opslag_url, voorbeeld=False)
    dossier = eerste.maak_dossier("Druk")
    kans = eerste.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Speeltuin"))
    per_schrijver = 12
    start = threading.Barrier(2)
    fouten: list[BaseException] = []

    def schrijf(store: DossierStore, naam: str) -> None:
        try:
            start.wait()
            for i in range(per_schrijver):
                store.leg_besluit_vast(dossier.id, f"{naam} {i}", "", "Omdat")
                if naam == "B" and i % 4 == 0:  # automatic entries take numbers from the same row
                    versie = store.koppelkans(dossier.id, kans.id).versie
                    store.besluit_koppelkans(dossier.id, kans.id, "gekozen", "", versie)
        except BaseException as fout:  # reported below
            fouten.append(fout)

    draden = [threading.Thread(target=schrijf, args=(s, n)) for s, n in ((eerste, "A"), (tweede, "B"))]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    assert not fouten
    log = eerste.besluiten(dossier.id)
    assert len(log) == 2 * per_schrijver + 3
    assert [b.volgnummer for b in log] == list(range(1, len(log) + 1))
    # each writer's own entries stay in the order it wrote them
    for naam in "AB":
        eigen = [b.wat for b in log if b.wat.startswith(f"{naam} ")]
        assert eigen == [f"{naam} {i}" for i in range(per_schrijver)]
