"""Accounts and sign-in sessions in the store: argon2 hashes, one message for a wrong name or password, sessions
that expire and end, and the store refusing account work to anyone but SYSTEEM or a beheerder."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from wijkkompas_widgets.dossier import GAST, SYSTEEM, AanmeldFout, AlleenLezen, Gebruiker, InvoerFout, schema
from wijkkompas_widgets.dossier.gebruikers import NIET_AANGEMELD, VERKEERD
from wijkkompas_widgets.dossier.model import lokaal_gebruiker, nu

pytestmark = pytest.mark.beide_backends
WACHTWOORD = "paarse olifant danst"


@pytest.fixture
def beheer(lege_store):
    return lege_store.als(SYSTEEM)


def _rij(store, naam):
    with store.engine.connect() as conn:
        return conn.execute(select(schema.gebruiker).where(schema.gebruiker.c.naam == naam)).first()


def test_wachtwoord_staat_alleen_als_argon2_hash_in_de_opslag(beheer):
    anna = beheer.maak_gebruiker("Anna", WACHTWOORD, weergavenaam="Anna de Vries", beheerder=True)
    assert (anna.naam, anna.weergavenaam, anna.soort, anna.beheerder) == ("anna", "Anna de Vries", "lid", True)
    rij = _rij(beheer, "anna")
    assert rij.wachtwoord_hash.startswith("$argon2id$") and WACHTWOORD not in rij.wachtwoord_hash
    assert rij.bron == "aanmelden"
    assert beheer.controleer_wachtwoord(" ANNA ", WACHTWOORD) == anna  # the name is not case-sensitive
    assert beheer.gebruiker_op_naam("anna") == anna


def test_verkeerd_wachtwoord_en_onbekende_naam_geven_dezelfde_melding(beheer):
    beheer.maak_gebruiker("anna", WACHTWOORD)
    meldingen = set()
    for naam, wachtwoord in [("anna", "paarse olifant Danst"), ("anna", ""), ("niemand", WACHTWOORD),
                             ("x" * 5000, WACHTWOORD), ("anna", "a" * 5000)]:
        with pytest.raises(AanmeldFout) as fout:
            beheer.controleer_wachtwoord(naam, wachtwoord)
        meldingen.add(str(fout.value))
    assert meldingen == {VERKEERD}


def test_account_van_proxy_of_hub_kan_niet_met_een_wachtwoord_aanmelden(beheer):
    eerste = beheer.zorg_voor_gebruiker("Carla@Gemeente.nl", "proxy")
    assert beheer.zorg_voor_gebruiker("carla@gemeente.nl", "proxy") == eerste  # made once, on the first visit
    assert _rij(beheer, "carla@gemeente.nl").wachtwoord_hash is None
    with pytest.raises(AanmeldFout):
        beheer.controleer_wachtwoord("carla@gemeente.nl", "")
    with pytest.raises(InvoerFout):
        beheer.zorg_voor_gebruiker("dirk", "aanmelden")  # our own accounts are made with a password


@pytest.mark.parametrize(("naam", "wachtwoord", "melding"), [
    ("anna", "kort", "minstens 10 tekens"),
    ("anna", None, "minstens 10 tekens"),
    ("anna", "x" * 2000, "hooguit 1024 tekens"),
    ("", WACHTWOORD, "Vul een gebruikersnaam in"),
    ("a" * 101, WACHTWOORD, "hooguit 100 tekens"),
    ("é" * 100_000, WACHTWOORD, "hooguit 100 tekens"),  # the length is checked before the characters
    ("anna de vries", WACHTWOORD, "letters zonder accent"),
    ("-anna", WACHTWOORD, "begint met een letter of cijfer"),
    ("anna<script>", WACHTWOORD, "letters zonder accent"),
])
def test_slechte_invoer_voor_een_account_wordt_geweigerd(beheer, naam, wachtwoord, melding):
    with pytest.raises(InvoerFout, match=melding):
        beheer.maak_gebruiker(naam, wachtwoord)
    assert beheer.gebruikers() == []


def test_dubbele_gebruikersnaam_wordt_geweigerd(beheer):
    beheer.maak_gebruiker("anna", WACHTWOORD)
    with pytest.raises(InvoerFout, match="al een account"):
        beheer.maak_gebruiker("ANNA", WACHTWOORD + "!")
    assert beheer.controleer_wachtwoord("anna", WACHTWOORD).naam == "anna"


def test_sessie_geldt_tot_hij_verloopt_of_wordt_beeindigd(beheer):
    anna = beheer.maak_gebruiker("anna", WACHTWOORD)
    token = beheer.maak_aanmeldsessie(anna)
    assert beheer.gebruiker_voor_sessie(token) == anna
    with beheer.engine.connect() as conn:
        opgeslagen = conn.execute(select(schema.aanmeldsessie.c.token_hash)).scalars().all()
    assert len(opgeslagen) == 1 and token not in opgeslagen[0] and len(opgeslagen[0]) == 64  # only a sha256

    for moment in (nu() + timedelta(hours=12, seconds=1), nu() + timedelta(days=30)):
        with pytest.raises(AanmeldFout, match="verlopen"):
            beheer.gebruiker_voor_sessie(token, moment=moment)
    vervalst = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    for ongeldig in (vervalst, "", "x" * 5000, opgeslagen[0]):  # the stored hash is no cookie either
        with pytest.raises(AanmeldFout) as fout:
            beheer.gebruiker_voor_sessie(ongeldig)
        assert str(fout.value) == NIET_AANGEMELD

    beheer.beeindig_aanmeldsessie(token)
    with pytest.raises(AanmeldFout):
        beheer.gebruiker_voor_sessie(token)


def test_verlopen_sessie_wordt_geweigerd_en_opgeruimd(beheer):
    anna = beheer.maak_gebruiker("anna", WACHTWOORD)
    oud = beheer.maak_aanmeldsessie(anna, duur=timedelta(seconds=-1))
    with pytest.raises(AanmeldFout):
        beheer.gebruiker_voor_sessie(oud)
    nieuw = beheer.maak_aanmeldsessie(anna)  # a new session tidies the expired ones away
    with beheer.engine.connect() as conn:
        assert conn.execute(select(schema.aanmeldsessie)).all().__len__() == 1
    assert beheer.gebruiker_voor_sessie(nieuw) == anna


def test_nieuw_wachtwoord_en_verwijderen_beeindigen_de_sessies(beheer):
    anna = beheer.maak_gebruiker("anna", WACHTWOORD)
    token = beheer.maak_aanmeldsessie(anna)
    beheer.zet_wachtwoord("anna", "een heel ander wachtwoord")
    with pytest.raises(AanmeldFout):
        beheer.gebruiker_voor_sessie(token)
    with pytest.raises(AanmeldFout):
        beheer.controleer_wachtwoord("anna", WACHTWOORD)
    assert beheer.controleer_wachtwoord("anna", "een heel ander wachtwoord") == anna

    token = beheer.maak_aanmeldsessie(anna)
    beheer.verwijder_gebruiker("anna")
    with pytest.raises(AanmeldFout):
        beheer.gebruiker_voor_sessie(token)
    with pytest.raises(InvoerFout, match="geen account"):
        beheer.gebruiker_op_naam("anna")
    with pytest.raises(InvoerFout, match="geen account"):
        beheer.zet_wachtwoord("anna", WACHTWOORD)


def test_enige_eigenaar_van_een_dossier_kan_niet_worden_verwijderd(beheer):
    beheer.maak_gebruiker("anna", WACHTWOORD)
    beheer.maak_gebruiker("bob", WACHTWOORD)
    dossier = beheer.maak_dossier("Wijkaanpak Noord")
    beheer.zet_lid(dossier.id, "anna", "eigenaar")
    with pytest.raises(InvoerFout, match="enige eigenaar") as fout:
        beheer.verwijder_gebruiker("anna")
    assert "Wijkaanpak Noord" in str(fout.value)
    beheer.zet_lid(dossier.id, "bob", "eigenaar")
    beheer.verwijder_gebruiker("anna")
    assert [g.naam for g in beheer.gebruikers()] == ["bob"]


@pytest.mark.parametrize("actor", [
    Gebruiker(naam="bob", weergavenaam="Bob", id=2),
    GAST,
    lokaal_gebruiker(),
], ids=["lid", "gast", "lokaal"])
def test_accounts_beheren_wordt_geweigerd_voor_wie_geen_beheerder_is(beheer, actor):
    anna = beheer.maak_gebruiker("anna", WACHTWOORD)
    token = beheer.maak_aanmeldsessie(anna)
    ander = beheer.als(actor)
    pogingen = [
        lambda: ander.maak_gebruiker("eva", WACHTWOORD, beheerder=True),
        lambda: ander.zet_wachtwoord("anna", "overgenomen wachtwoord"),
        lambda: ander.verwijder_gebruiker("anna"),
        lambda: ander.zorg_voor_gebruiker("eva", "proxy"),
        lambda: ander.controleer_wachtwoord("anna", WACHTWOORD),
        lambda: ander.maak_aanmeldsessie(anna),
        lambda: ander.gebruiker_voor_sessie(token),
        lambda: ander.beeindig_aanmeldsessie(token),
        lambda: ander.gebruikers(),
    ]
    for poging in pogingen:
        with pytest.raises(AlleenLezen, match="Alleen een beheerder"):
            poging()
    # nothing changed
    assert [g.naam for g in beheer.gebruikers()] == ["anna"]
    assert beheer.controleer_wachtwoord("anna", WACHTWOORD) == anna
    assert beheer.gebruiker_voor_sessie(token) == anna
    assert ander.gebruiker_op_naam("anna") == anna  # who a visitor is: open to a kernel, no secret in it


def test_een_beheerder_mag_accounts_beheren(beheer):
    anna = beheer.maak_gebruiker("anna", WACHTWOORD, beheerder=True)
    als_anna = beheer.als(anna)
    als_anna.maak_gebruiker("bob", WACHTWOORD)
    assert [g.naam for g in als_anna.gebruikers()] == ["anna", "bob"]
