"""The change history: every write records who changed what, in the same transaction (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest
from sqlalchemy import insert
from voorbeelden import account

from wijkkompas_widgets.dossier import AlleenLezen, PartijInvoer, schema
from wijkkompas_widgets.dossier.model import nu
from wijkkompas_widgets.dossier.store import DossierStore, migreer_naar

pytestmark = pytest.mark.beide_backends



def regels(store, dossier_id, **filter) -> list[tuple[str, str | None, str]]:
    return [(w.auteur, w.knooppunt_id, w.regel) for w in store.geschiedenis(dossier_id, **filter)]


def test_elke_wijziging_staat_met_naam_knooppunt_en_oud_naar_nieuw_in_de_geschiedenis(store):
    anna = store.als(account(store, "anna", "Anna de Vries"))
    bram = store.als(account(store, "bram", "Bram Ouali"))
    dossier = anna.maak_dossier("Groenoord")
    anna.zet_lid(dossier.id, "bram", "bewerker")
    partij = anna.voeg_partij_toe(dossier.id, PartijInvoer("Woonplus", "woningcorporatie"))
    bram.plaats_partij(dossier.id, partij.id, 2, 4)
    bram.plaats_partij(dossier.id, partij.id, 4, 4)
    bram.zet_status(dossier.id, "f1-invloed-en-belang", "gestart")
    anna.bewaar_formulier(dossier.id, "doel", {"doel": "aardgasvrij"}, 0)
    anna.leg_besluit_vast(dossier.id, "We starten met vijf partijen", "Anna, Bram", "Iedereen is er")

    alles = regels(anna, dossier.id)
    assert alles[-1] == ("Anna de Vries", None, "Dossier ‘Groenoord’ aangemaakt")  # oldest last
    assert ("Anna de Vries", None, "Bram Ouali (bram) toegevoegd als bewerker") in alles
    assert ("Bram Ouali", "f1-invloed-en-belang", "Partij ‘Woonplus’: invloed 2 → 4") in alles
    assert ("Bram Ouali", "f1-invloed-en-belang", "Status: Niet gestart → Gestart") in alles
    assert ("Anna de Vries", "f1-doel-en-verhaal", "doel leeg → ‘aardgasvrij’") in alles
    assert alles[0] == ("Anna de Vries", None, "Besluit vastgelegd: ‘We starten met vijf partijen’")
    assert anna.besluiten(dossier.id)[0].auteur == "Anna de Vries"
    # per knooppunt and per person
    assert regels(anna, dossier.id, knooppunt_id="f1-invloed-en-belang", gebruiker="Anna de Vries") == []
    assert len(regels(anna, dossier.id, gebruiker="Bram Ouali")) == 3
    assert anna.auteurs(dossier.id) == ["Anna de Vries", "Bram Ouali"]
    onderdeel = anna.geschiedenis(dossier.id, knooppunt_id="f1-invloed-en-belang")[0].onderdeel
    assert onderdeel == store._inhoud.knooppunt("f1-invloed-en-belang").titel


def test_een_geweigerde_wijziging_laat_ook_geen_geschiedenis_na(store):
    anna = store.als(account(store, "anna", "Anna de Vries"))
    bram = store.als(account(store, "bram", "Bram Ouali"))
    dossier = anna.maak_dossier("Groenoord")
    anna.zet_lid(dossier.id, "bram", "lezer")
    voor = regels(anna, dossier.id)
    with pytest.raises(AlleenLezen):
        bram.voeg_partij_toe(dossier.id, PartijInvoer("Stedin", "netbeheerder"))
    assert regels(anna, dossier.id) == voor


def test_een_mislukte_transactie_schrijft_geen_halve_geschiedenis(store):
    dossier = store.maak_dossier("Groenoord")
    voor = regels(store, dossier.id)
    with pytest.raises(RuntimeError), store._schrijf() as conn:
        store._raak_aan(conn, dossier.id)
        conn.execute(schema.dossier.update().where(schema.dossier.c.id == dossier.id).values(naam="Half"))
        raise RuntimeError("stroom weg")
    assert store.dossier(dossier.id).naam == "Groenoord" and regels(store, dossier.id) == voor


def test_een_bulkwijziging_wordt_een_regel_en_lange_handelingen_worden_ingekort(store):
    dossier = store.maak_dossier("Groenoord")
    with store._schrijf(samenvatting="Teruggezet uit reservekopie test.json") as conn:
        store._raak_aan(conn, dossier.id)
        for i in range(30):
            conn.execute(insert(schema.partij).values(
                dossier_id=dossier.id, naam=f"Partij {i}", naam_sleutel=f"partij {i}", type="overig",
                organisatie="", contactrol="", sporen="", versie=1, aangemaakt=nu(), gewijzigd=nu()))
    assert regels(store, dossier.id)[0][2] == "Teruggezet uit reservekopie test.json"
    store.neem_standaardtaken_over(dossier.id)
    nieuwste = regels(store, dossier.id)
    assert len(nieuwste) <= 2 + 12 and "andere wijzigingen in dezelfde handeling" in nieuwste[0][2]


def test_lokaal_werken_staat_op_naam_van_deze_computer(store):
    dossier = store.maak_dossier("Groenoord")
    assert regels(store, dossier.id)[0][0].endswith("op deze computer)") or \
        regels(store, dossier.id)[0][0] == "op deze computer"


def test_voorbeelddossier_heeft_een_korte_geschiedenis_van_het_voorbeeldteam(store):
    voorbeeld = next(d for d in store.dossiers() if d.is_voorbeeld)
    auteurs = {w.auteur for w in store.geschiedenis(voorbeeld.id, limiet=10_000)}
    assert auteurs == {"voorbeeldteam (verzonnen)"}
    assert store.geschiedenis(voorbeeld.id, limiet=10_000)[-1].regel.startswith("Voorbeelddossier geplaatst")


@pytest.mark.alleen_sqlite
def test_bestaande_dossiers_krijgen_bij_de_migratie_een_eerste_regel(tmp_path):
    from wijkkompas_widgets.dossier.store import _maak_engine

    url = f"sqlite:///{tmp_path / 'oud.sqlite'}"
    engine = _maak_engine(url)
    migreer_naar(engine, "0006")
    with engine.connect().execution_options(schrijven=True) as conn, conn.begin():
        conn.execute(insert(schema.dossier).values(id="0123456789ab", naam="Oud", wijk="", gemeente="",
                                                   toelichting="", is_voorbeeld=False, aangemaakt=nu(), gewijzigd=nu()))
    engine.dispose()
    opslag = DossierStore(url, voorbeeld=False)
    [eerste] = opslag.geschiedenis("0123456789ab")
    assert eerste.auteur == "systeem" and eerste.regel.startswith("Bestaand dossier, overgezet")
