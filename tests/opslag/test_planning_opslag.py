"""The planning register in the store: versions, all-or-nothing import, cascade, the example's works and the
migration that added it. On SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sqlalchemy import create_engine, text

from wijkkompas_widgets.analysis.planning import MAX_WERKEN
from wijkkompas_widgets.dossier import GelijktijdigGewijzigd, InvoerFout, OnbekendDossier
from wijkkompas_widgets.dossier.records import WerkInvoer
from wijkkompas_widgets.dossier.schema import SCHEMA_VERSIE
from wijkkompas_widgets.dossier.store import DossierStore, _maak_engine, migreer_naar

# Store tests run on SQLite and on PostgreSQL (see tests/conftest.py).
pytestmark = pytest.mark.beide_backends


def invoer(omschrijving="Riool Merelstraat", eigenaar="Gemeente", start=2028, eind=2029, **rest) -> WerkInvoer:
    velden = {"soort": "riolering", "gebied": "Merelstraat", "niveau": "straat", "zekerheid": "gepland",
              "toelichting": ""} | rest
    return WerkInvoer(omschrijving, eigenaar, start_jaar=start, eind_jaar=eind, **velden)


def test_werk_toevoegen_wijzigen_en_verwijderen(lege_store):
    dossier = lege_store.maak_dossier("Planwijk")
    werk_ = lege_store.voeg_werk_toe(dossier.id, invoer("  Riool   Merelstraat ", start=2030, eind=2031))
    assert werk_.omschrijving == "Riool Merelstraat" and werk_.versie == 1
    eerder = lege_store.voeg_werk_toe(dossier.id, invoer("Gas", "Netbeheerder", 2027, 2027, soort="gasnet"))
    assert [w.omschrijving for w in lege_store.planning_werken(dossier.id)] == ["Gas", "Riool Merelstraat"]

    gewijzigd = lege_store.wijzig_werk(dossier.id, werk_.id, invoer("Riool Merelstraat", start=2032, eind=2033),
                                       werk_.versie)
    assert (gewijzigd.start_jaar, gewijzigd.versie) == (2032, 2)
    with pytest.raises(GelijktijdigGewijzigd, match="Iemand anders"):
        lege_store.wijzig_werk(dossier.id, werk_.id, invoer("Oude versie"), werk_.versie)
    assert lege_store.planning_werken(dossier.id)[1].omschrijving == "Riool Merelstraat"

    lege_store.verwijder_werk(dossier.id, eerder.id)
    assert [w.id for w in lege_store.planning_werken(dossier.id)] == [werk_.id]
    with pytest.raises(InvoerFout, match="bestaat niet"):
        lege_store.verwijder_werk(dossier.id, eerder.id)


def test_fout_werk_verandert_niets(lege_store):
    dossier = lege_store.maak_dossier("Planwijk")
    goed = lege_store.voeg_werk_toe(dossier.id, invoer())
    gewijzigd_voor = lege_store.dossier(dossier.id).gewijzigd
    for fout in (invoer(""), invoer(start=2030, eind=2029), invoer(soort="raket"), invoer(start=1900),
                 invoer(gebied="x" * 500)):
        with pytest.raises(InvoerFout):
            lege_store.voeg_werk_toe(dossier.id, fout)
        with pytest.raises(InvoerFout):
            lege_store.wijzig_werk(dossier.id, goed.id, fout, goed.versie)
    assert lege_store.planning_werken(dossier.id) == [goed]
    assert lege_store.dossier(dossier.id).gewijzigd == gewijzigd_voor


def test_werk_van_een_ander_dossier_blijft_onaangeroerd(lege_store):
    eigen, ander = lege_store.maak_dossier("Eigen"), lege_store.maak_dossier("Ander")
    vreemd = lege_store.voeg_werk_toe(ander.id, invoer())
    with pytest.raises(InvoerFout, match="bestaat niet"):
        lege_store.wijzig_werk(eigen.id, vreemd.id, invoer("Gekaapt"), vreemd.versie)
    with pytest.raises(InvoerFout, match="bestaat niet"):
        lege_store.verwijder_werk(eigen.id, vreemd.id)
    assert lege_store.planning_werken(ander.id) == [vreemd]
    assert lege_store.planning_werken(eigen.id) == []
    with pytest.raises(OnbekendDossier):
        lege_store.voeg_werk_toe("000000000000", invoer())


def test_importeren_is_alles_of_niets(lege_store):
    dossier = lege_store.maak_dossier("Planwijk")
    bestaand = lege_store.voeg_werk_toe(dossier.id, invoer("Bestaand"))
    with pytest.raises(InvoerFout, match="Werk 2 klopt niet"):
        lege_store.importeer_werken(dossier.id, [invoer("Nieuw"), invoer("Fout", start=2031, eind=2030)],
                                    vervangen=True)
    assert lege_store.planning_werken(dossier.id) == [bestaand]

    na_toevoegen = lege_store.importeer_werken(dossier.id, [invoer("Nieuw", start=2040, eind=2041)], vervangen=False)
    assert [w.omschrijving for w in na_toevoegen] == ["Bestaand", "Nieuw"]
    na_vervangen = lege_store.importeer_werken(dossier.id, [invoer("Alleen dit")], vervangen=True)
    assert [w.omschrijving for w in na_vervangen] == ["Alleen dit"]
    with pytest.raises(InvoerFout, match="geen werken"):
        lege_store.importeer_werken(dossier.id, [], vervangen=True)
    assert len(lege_store.planning_werken(dossier.id)) == 1


def test_register_heeft_een_maximum(lege_store):
    dossier = lege_store.maak_dossier("Vol")
    lege_store.importeer_werken(dossier.id, [invoer(f"Werk {i}") for i in range(MAX_WERKEN)], vervangen=True)
    with pytest.raises(InvoerFout, match=f"hoogstens {MAX_WERKEN}"):
        lege_store.voeg_werk_toe(dossier.id, invoer("Eén te veel"))
    with pytest.raises(InvoerFout, match=f"hoogstens {MAX_WERKEN}"):
        lege_store.importeer_werken(dossier.id, [invoer("Nog een")], vervangen=False)
    assert len(lege_store.planning_werken(dossier.id)) == MAX_WERKEN


def test_dossier_verwijderen_verwijdert_het_register(lege_store):
    weg, blijft = lege_store.maak_dossier("Weg"), lege_store.maak_dossier("Blijft")
    lege_store.voeg_werk_toe(weg.id, invoer())
    houden = lege_store.voeg_werk_toe(blijft.id, invoer())
    lege_store.verwijder_dossier(weg.id)
    with lege_store.engine.connect() as conn:
        assert conn.execute(text("SELECT dossier_id FROM planning_werk")).scalars().all() == [blijft.id]
    assert lege_store.planning_werken(blijft.id) == [houden]


def test_voorbeeldwerken_uit_yaml_komen_gecontroleerd_in_het_register(lege_store):
    dossier = lege_store.maak_dossier("Voorbeeld")
    items = [
        {"omschrijving": "Gasnet vervangen", "eigenaar": "Netbeheerder", "soort": "gasnet", "gebied": "Groenoord",
         "niveau": "wijk", "start": 2029, "eind": 2032, "zekerheid": "verkenning"},
        {"omschrijving": "Riool Merelstraat", "eigenaar": "Gemeente", "soort": "Riolering vervangen of renoveren",
         "gebied": "Merelstraat", "niveau": "straat", "start": 2030, "eind": 2030, "toelichting": "GRP"},
    ]
    with lege_store._schrijf() as conn:
        lege_store._plaats_voorbeeld_planning(conn, dossier.id, items)
    werken = lege_store.planning_werken(dossier.id)
    assert [(w.soort, w.zekerheid) for w in werken] == [("gasnet", "verkenning"), ("riolering", "gepland")]
    with pytest.raises(InvoerFout, match="eindjaar"), lege_store._schrijf() as conn:
        lege_store._plaats_voorbeeld_planning(conn, dossier.id, [dict(items[0], start=2040)])


def test_migratie_van_schema_0003_naar_0004_behoudt_gegevens(tmp_path):
    url = f"sqlite:///{tmp_path / 'oud.sqlite'}"
    oude_engine = _maak_engine(url)
    migreer_naar(oude_engine, "0003")
    moment = datetime(2025, 9, 1, tzinfo=timezone.utc)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO dossier (id, naam, wijk, gemeente, toelichting, is_voorbeeld, aangemaakt, gewijzigd) "
            "VALUES ('abcdefabcdef', 'Oude wijk', 'Oost', 'Delft', '', 0, :m, :m)"), {"m": moment})
        conn.execute(text(
            "INSERT INTO dossier_formulier VALUES ('abcdefabcdef', 'doel', '{\"soort\": \"aardgasvrij\"}', 3, :m)"),
            {"m": moment})
        conn.execute(text("INSERT INTO meta VALUES ('voorbeeld', 'geplaatst')"))
    engine.dispose()
    oude_engine.dispose()

    store = DossierStore(url)
    assert store.schema_versie() == SCHEMA_VERSIE
    assert [d.naam for d in store.dossiers()] == ["Oude wijk"]
    assert store.formulier("abcdefabcdef", "doel") == ({"soort": "aardgasvrij"}, 3)
    assert store.planning_werken("abcdefabcdef") == []
    store.voeg_werk_toe("abcdefabcdef", invoer())  # the new table works
    assert len(store.planning_werken("abcdefabcdef")) == 1
