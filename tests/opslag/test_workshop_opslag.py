"""Live workshops in the store: sessions, rounds, participants and answers, isolation between
participants and sessions, adoption into the dossier, the offline files, and refusals that change
nothing. Every test runs on SQLite and on PostgreSQL (a fresh database each)."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest
from pg_hulp import nieuwe_pg_database
from sqlalchemy import func, select

from wijkkompas_widgets.dossier import InvoerFout, OnbekendDossier, PartijInvoer, schema
from wijkkompas_widgets.dossier.records import KoppelkansInvoer
from wijkkompas_widgets.dossier.store import DossierStore
from wijkkompas_widgets.dossier.workshop import basis, bestanden, overname, rondes, sessies
from wijkkompas_widgets.workshop import bestand, codes
from wijkkompas_widgets.workshop.model import (
    CODE_LENGTE,
    GESLOTEN,
    KLAAR,
    OPEN,
    OVERGENOMEN,
    Antwoorden,
    Deelnemer,
    ImportVerslag,
    Overname,
    RondeStand,
    Sessie,
)

pytestmark = pytest.mark.beide_backends

PIN = "482913"
ALLE = ["scan", "machtbelang", "weging", "koppelkansen"]
PARTIJEN = [("Gemeente Delft", "gemeente", "Gemeente Delft"),
            ("Woonstede", "woningcorporatie", "Woningcorporatie Woonstede"),
            ("Stedin", "netbeheerder", "")]


@pytest.fixture
def dossier(lege_store):
    """A dossier with parties, three criteria, two koppelkansen and one own koppelkans criterion."""
    dossier = lege_store.maak_dossier("Workshopwijk", "Noord", "Delft")
    for naam, soort, organisatie in PARTIJEN:
        lege_store.voeg_partij_toe(dossier.id, PartijInvoer(naam, soort, organisatie))
    lege_store.zet_standaardcriteria(dossier.id, [("Kosten", "Wat het de bewoners kost"), ("Draagvlak", ""),
                                                  ("Duurzaamheid", "")])
    lege_store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Riool Merelstraat", "natuurlijk-moment"))
    lege_store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Buurthuis renoveren", "sociaal"))
    lege_store.bewaar_formulier(dossier.id, "koppelkansen_criteria",
                                {"eigen": {"werk": {"naam": "Werkgelegenheid", "aangemaakt": "2026-01-01T10:00"}}}, 0)
    return dossier


@pytest.fixture
def sessie(lege_store, dossier) -> Sessie:
    return lege_store.maak_sessie(dossier.id, "Avond in het buurthuis", PIN, ALLE)


def ronde_van(store, sessie, oefening):
    return next(r for r in store.rondes(sessie.id) if r.oefening == oefening)


def open_(store, sessie, oefening):
    return store.open_ronde(sessie.id, ronde_van(store, sessie, oefening).id)


def tel(store, tabel, **waar) -> int:
    with store.engine.connect() as conn:
        vraag = select(func.count()).select_from(tabel)
        for kolom, waarde in waar.items():
            vraag = vraag.where(tabel.c[kolom] == waarde)
        return conn.execute(vraag).scalar_one()


def vul_scan_in(store, deelnemer, ronde, waarde=4, *, indienen=True):
    store.beantwoord_alles(deelnemer.id, ronde.id, {v.sleutel: waarde for v in ronde.vragen}, indienen=indienen)


class Klok:
    """A clock the test moves by hand (patched into the workshop's store modules as ``nu``)."""

    def __init__(self):
        self.moment = datetime(2026, 3, 10, 19, 30, tzinfo=timezone.utc)

    def __call__(self):
        return self.moment

    def verder(self, **tijd):
        self.moment += timedelta(**tijd)


@pytest.fixture
def klok(monkeypatch) -> Klok:
    klok = Klok()
    for module in (basis, sessies, rondes, bestanden, overname):
        monkeypatch.setattr(module, "nu", klok, raising=False)
    return klok


@pytest.fixture
def tweede_store(backend, tmp_path, request):
    """A participant's own store (offline workshop), on the same backend."""
    if backend == "sqlite":
        yield DossierStore(f"sqlite:///{tmp_path / 'eigen.sqlite'}", voorbeeld=False)
        return
    url, opruimen = nieuwe_pg_database(request.getfixturevalue("pg_sjabloon"))
    opslag = DossierStore(url, voorbeeld=False)
    yield opslag
    opslag.engine.dispose()
    opruimen()


# -- sessions and their rounds -------------------------------------------------------------------
def test_sessie_met_een_ronde_per_oefening_en_een_momentopname_van_de_vragen(lege_store, dossier, sessie, inhoud):
    assert isinstance(sessie, Sessie) and sessie.dossier_id == dossier.id and not sessie.is_gesloten
    assert len(sessie.code) == CODE_LENGTE and codes.normaliseer_code(sessie.code_getoond) == sessie.code
    rondes = lege_store.rondes(sessie.id)
    assert [(r.oefening, r.volgorde, r.status) for r in rondes] == [
        ("scan", 1, KLAAR), ("machtbelang", 2, KLAAR), ("weging", 3, KLAAR), ("koppelkansen", 4, KLAAR)]
    scan, macht, weging, kansen = rondes
    stellingen = inhoud.fase1.scan.stellingen
    assert [v.sleutel for v in scan.vragen] == [s.id for s in stellingen]
    assert scan.vragen[0].label == stellingen[0].tekst and scan.vragen[0].groep == "Motivatie"
    assert all((v.minimum, v.maximum, v.weet_niet) == (1, 5, True) for v in scan.vragen)
    partijen = lege_store.partijen(dossier.id)
    assert [(v.sleutel, v.label, v.groep, v.minimum, v.maximum, v.weet_niet) for v in macht.vragen[:2]] == [
        (f"p{partijen[0].id}:invloed", "Invloed van Gemeente Delft", "Gemeente Delft", 1, 10, False),
        (f"p{partijen[0].id}:belang", "Belang van Gemeente Delft", "Gemeente Delft", 1, 10, False)]
    assert len(macht.vragen) == 2 * len(PARTIJEN)
    criteria = lege_store.criteria(dossier.id)
    assert [(v.sleutel, v.label, v.minimum, v.maximum, v.toelichting) for v in weging.vragen] == [
        (f"c{c.id}", c.naam, 0, 100, c.omschrijving) for c in criteria]
    kans = lege_store.koppelkansen(dossier.id)[0]
    assert [(v.sleutel, v.label, v.groep) for v in kansen.vragen[:4]] == [
        (f"k{kans.id}:wensen", "Past bij de wensen in de wijk", "Riool Merelstraat"),
        (f"k{kans.id}:extra-kosten", "Extra kosten (5 = weinig)", "Riool Merelstraat"),
        (f"k{kans.id}:doorlooptijd", "Tijd voor besluit en uitvoering (5 = kort)", "Riool Merelstraat"),
        (f"k{kans.id}:Werkgelegenheid", "Werkgelegenheid", "Riool Merelstraat")]
    assert len(kansen.vragen) == 2 * 4

    # the snapshot stays as it was, whatever happens in the dossier during the session
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Huurdersvereniging", "huurdersorganisatie"))
    assert lege_store.ronde(sessie.id, macht.id).vragen == macht.vragen
    assert lege_store.sessies(dossier.id) == [sessie]


def test_sessies_nieuwste_eerst_en_oefeningen_in_gekozen_volgorde(lege_store, dossier, klok):
    eerste = lege_store.maak_sessie(dossier.id, "Eerste", PIN, ["weging", "scan"])
    klok.verder(days=7)
    tweede = lege_store.maak_sessie(dossier.id, "Tweede", PIN, ["koppelkansen"])
    assert [s.naam for s in lege_store.sessies(dossier.id)] == ["Tweede", "Eerste"]
    assert [r.oefening for r in lege_store.rondes(eerste.id)] == ["weging", "scan"]
    assert eerste.code != tweede.code


@pytest.mark.parametrize("naam, pin, oefeningen, melding", [
    ("", PIN, ["scan"], "De naam van de sessie is verplicht"),
    ("x" * 81, PIN, ["scan"], "te lang"),
    ("Avond", "12", ["scan"], "4 tot en met 8 cijfers"),
    ("Avond", "abcd", ["scan"], "4 tot en met 8 cijfers"),
    ("Avond", PIN, [], "minstens één oefening"),
    ("Avond", PIN, "scan", "een of meer oefeningen"),
    ("Avond", PIN, ["scan", "scan"], "maar één keer"),
    ("Avond", PIN, ["quiz"], "alleen oefeningen uit de lijst"),
])
def test_sessie_met_foute_invoer_wordt_geweigerd_en_er_verandert_niets(lege_store, dossier, naam, pin, oefeningen,
                                                                          melding):
    with pytest.raises(InvoerFout, match=melding):
        lege_store.maak_sessie(dossier.id, naam, pin, oefeningen)
    assert lege_store.sessies(dossier.id) == [] and tel(lege_store, schema.workshop_ronde) == 0


def test_oefening_zonder_inhoud_in_het_dossier_wordt_geweigerd(lege_store):
    leeg = lege_store.maak_dossier("Lege wijk")
    for oefening, melding in [("machtbelang", "nog geen partijen"), ("weging", "minstens twee criteria"),
                              ("koppelkansen", "nog geen koppelkansen")]:
        with pytest.raises(InvoerFout, match=f"{melding}.*niets opgeslagen"):
            lege_store.maak_sessie(leeg.id, "Avond", PIN, ["scan", oefening])
    assert lege_store.sessies(leeg.id) == []
    with pytest.raises(OnbekendDossier):
        lege_store.maak_sessie("abcdefabcdef", "Avond", PIN, ["scan"])


def test_weging_die_al_vastgezet_is_kan_geen_workshopronde_worden(lege_store, dossier):
    criteria = lege_store.criteria(dossier.id)
    lege_store.zet_weging_vast(dossier.id, {c.id: 1 for c in criteria}, "Team", "Afgesproken")
    with pytest.raises(InvoerFout, match=r"vastgezet"):
        lege_store.maak_sessie(dossier.id, "Avond", PIN, ["weging"])
    assert lege_store.sessies(dossier.id) == []


def test_deelnamecode_wordt_opnieuw_getrokken_bij_een_botsing(lege_store, dossier, monkeypatch):
    trekkingen = iter(["AAAA1111", "AAAA1111", "AAAA1111", "BBBB2222"])
    monkeypatch.setattr(codes, "nieuwe_code", lambda: next(trekkingen))
    eerste = lege_store.maak_sessie(dossier.id, "Eerste", PIN, ["scan"])
    tweede = lege_store.maak_sessie(dossier.id, "Tweede", PIN, ["scan"])
    assert (eerste.code, tweede.code) == ("AAAA1111", "BBBB2222")
    assert [len(lege_store.rondes(s.id)) for s in (eerste, tweede)] == [1, 1]  # the failed try left nothing


# -- the facilitator's PIN ---------------------------------------------------------------------------
def test_pincode_wordt_nooit_opgeslagen_en_opent_de_sessie(lege_store, sessie):
    with lege_store.engine.connect() as conn:
        [opgeslagen] = conn.execute(select(schema.workshop_sessie.c.pin_hash)).scalars().all()
    assert PIN not in opgeslagen and opgeslagen.startswith("pbkdf2_sha256$200000$")
    assert lege_store.open_als_begeleider(sessie.code_getoond.lower(), PIN) == sessie
    with pytest.raises(InvoerFout, match=r"^De code of de pincode klopt niet.$"):
        lege_store.open_als_begeleider(sessie.code, "000000")
    with pytest.raises(InvoerFout, match=r"^De code of de pincode klopt niet.$"):
        lege_store.open_als_begeleider("ZZZZ-ZZZZ", PIN)  # unknown code: the very same message


def test_vijf_foute_pincodes_blokkeren_de_sessie_een_tijd(lege_store, sessie, klok):
    for _ in range(4):
        with pytest.raises(InvoerFout, match=r"klopt niet"):
            lege_store.open_als_begeleider(sessie.code, "1111")
        klok.verder(minutes=1)
    with pytest.raises(InvoerFout, match=r"te vaak een verkeerde pincode.*over 5 minuten"):
        lege_store.open_als_begeleider(sessie.code, "1111")
    klok.verder(minutes=2)
    with pytest.raises(InvoerFout, match=r"te vaak.*over 3 minuten"):  # the right PIN too, while blocked
        lege_store.open_als_begeleider(sessie.code, PIN)
    klok.verder(minutes=3, seconds=1)
    assert lege_store.open_als_begeleider(sessie.code, PIN) == sessie
    # participants are never blocked by the facilitator's typing
    assert lege_store.sessie_voor_code(sessie.code) == sessie


def test_foute_pincodes_verspreid_over_lange_tijd_blokkeren_niet_en_de_goede_zet_terug(lege_store, sessie, klok):
    for _ in range(3):
        with pytest.raises(InvoerFout, match=r"klopt niet"):
            lege_store.open_als_begeleider(sessie.code, "1111")
    assert lege_store.open_als_begeleider(sessie.code, PIN) == sessie  # resets the count
    for _ in range(4):
        with pytest.raises(InvoerFout, match=r"klopt niet"):
            lege_store.open_als_begeleider(sessie.code, "1111")
    klok.verder(minutes=11)  # outside the 10-minute window: counting starts again
    for _ in range(4):
        with pytest.raises(InvoerFout, match=r"klopt niet"):
            lege_store.open_als_begeleider(sessie.code, "1111")
    assert lege_store.open_als_begeleider(sessie.code, PIN) == sessie


# -- participants --------------------------------------------------------------------------------
def test_aanmelden_en_verder_gaan_met_de_herstelcode(lege_store, sessie):
    assert lege_store.sessie_voor_code(sessie.code_getoond.lower()) == sessie
    fatima = lege_store.meld_aan(sessie.code_getoond, "  Fatima   de Vries ", "Gemeente Delft", "c")
    assert isinstance(fatima, Deelnemer)
    assert (fatima.naam, fatima.organisatie, fatima.spoor, fatima.sessie_id) == (
        "Fatima de Vries", "Gemeente Delft", "C", sessie.id)
    assert len(fatima.herstelcode) == 7 and fatima.herstelcode[3] == "-"  # shown as 'ABC-123'
    with pytest.raises(InvoerFout, match=r"Er doet al iemand mee met de naam 'fatima de vries'.*herstelcode"):
        lege_store.meld_aan(sessie.code, "fatima de vries", "Stedin")
    assert lege_store.ga_verder(sessie.code.lower(), fatima.herstelcode.lower()) == fatima
    with pytest.raises(InvoerFout, match=r"hoort niet bij een deelnemer"):
        lege_store.ga_verder(sessie.code, "AAA-AAA" if fatima.herstelcode != "AAA-AAA" else "BBB-BBB")
    assert [d.naam for d in lege_store.deelnemers(sessie.id)] == ["Fatima de Vries"]


@pytest.mark.parametrize("naam, organisatie, spoor, melding", [
    ("", "Gemeente", "", "Je naam is verplicht"),
    ("Piet", "", "", "Je organisatie is verplicht"),
    ("Piet", "Gemeente", "G", "spoor van A tot en met F"),
    ("Piet", "Gemeente", None, "spoor van A tot en met F"),
    ("Pi\x00et", "Gemeente", "", "stuurtekens"),
])
def test_aanmelden_met_foute_gegevens_wordt_geweigerd(lege_store, sessie, naam, organisatie, spoor, melding):
    with pytest.raises(InvoerFout, match=melding):
        lege_store.meld_aan(sessie.code, naam, organisatie, spoor)
    assert lege_store.deelnemers(sessie.id) == []


def test_afgesloten_sessie_laat_niemand_meer_toe(lege_store, sessie):
    open_(lege_store, sessie, "scan")
    lege_store.meld_aan(sessie.code, "Anna", "Stedin")
    gesloten = lege_store.sluit_sessie(sessie.id)
    assert gesloten.is_gesloten
    assert [r.status for r in lege_store.rondes(sessie.id)] == [GESLOTEN, KLAAR, KLAAR, KLAAR]
    for poging in (lambda: lege_store.sessie_voor_code(sessie.code),
                   lambda: lege_store.meld_aan(sessie.code, "Bram", "Stedin")):
        with pytest.raises(InvoerFout, match=r"^Er is geen open workshop met deze code. Controleer de code op"):
            poging()
    with pytest.raises(InvoerFout, match=r"sessie is afgesloten"):
        open_(lege_store, sessie, "weging")
    assert lege_store.open_als_begeleider(sessie.code, PIN).is_gesloten  # the facilitator can still look back
    with pytest.raises(InvoerFout, match=r"8 tekens"):
        lege_store.sessie_voor_code("123")


# -- isolation -----------------------------------------------------------------------------------
def test_deelnemer_kan_niet_bij_een_andere_sessie_of_andermans_antwoorden(lege_store, dossier, sessie):
    andere = lege_store.maak_sessie(dossier.id, "Andere avond", PIN, ["scan"])
    scan1, scan2 = open_(lege_store, sessie, "scan"), open_(lege_store, andere, "scan")
    anna = lege_store.meld_aan(sessie.code, "Anna", "Stedin")
    bram = lege_store.meld_aan(sessie.code, "Bram", "Gemeente Delft")
    kees = lege_store.meld_aan(andere.code, "Kees", "Woonstede")
    sleutel = scan1.vragen[0].sleutel
    lege_store.beantwoord(anna.id, scan1.id, sleutel, 5)
    lege_store.beantwoord(kees.id, scan2.id, sleutel, 1)

    with pytest.raises(InvoerFout, match=r"hoort niet bij jouw workshop"):
        lege_store.beantwoord(anna.id, scan2.id, sleutel, 2)
    with pytest.raises(InvoerFout, match=r"hoort niet bij jouw workshop"):
        lege_store.mijn_antwoorden(anna.id, scan2.id)
    with pytest.raises(InvoerFout, match=r"hoort niet bij jouw workshop"):
        lege_store.dien_in_ronde(kees.id, scan1.id)
    assert lege_store.mijn_antwoorden(bram.id, scan1.id).waarden == {}  # Anna's answer is not Bram's
    assert lege_store.mijn_antwoorden(anna.id, scan1.id).waarden == {sleutel: 5}
    assert [r.id for r in lege_store.open_rondes(anna.id)] == [scan1.id]
    assert [r.id for r in lege_store.open_rondes(kees.id)] == [scan2.id]
    with pytest.raises(InvoerFout, match=r"aanmelding is niet \(meer\) bekend"):
        lege_store.beantwoord("0" * 32, scan1.id, sleutel, 3)
    with pytest.raises(InvoerFout, match=r"aanmelding is niet \(meer\) bekend"):
        lege_store.open_rondes("niet-een-id")
    # the facilitator sees names, never the recovery codes
    assert {d.naam for d in lege_store.deelnemers(sessie.id)} == {"Anna", "Bram"}
    assert all(d.herstelcode == "" for d in lege_store.deelnemers(sessie.id))
    [(wie, antwoorden)] = lege_store.ronde_antwoorden(sessie.id, scan1.id, alleen_ingediend=False)
    assert (wie.naam, wie.herstelcode, antwoorden.waarden) == ("Anna", "", {sleutel: 5})
    with pytest.raises(InvoerFout, match=r"hoort niet bij deze sessie"):
        lege_store.ronde_antwoorden(sessie.id, scan2.id)
    assert tel(lege_store, schema.workshop_antwoord) == 2


# -- answering -----------------------------------------------------------------------------------
@pytest.fixture
def open_sessie(lege_store, sessie):
    for oefening in ALLE:
        open_(lege_store, sessie, oefening)
    return sessie


@pytest.mark.parametrize("oefening, goed, fout, melding", [
    ("scan", [1, 5, None], [0, 6, 3.0, "3", True], "van 1 tot en met 5 of 'weet niet'"),
    ("machtbelang", [1, 10], [0, 11, 2.5, False], "van 1 tot en met 10"),
    ("weging", [0, 100], [-1, 101, 50.0], "van 0 tot en met 100"),
    ("koppelkansen", [1, 5], [0, 6, "4"], "van 1 tot en met 5"),
])
def test_antwoord_wordt_per_oefening_gecontroleerd(lege_store, open_sessie, oefening, goed, fout, melding):
    ronde = ronde_van(lege_store, open_sessie, oefening)
    anna = lege_store.meld_aan(open_sessie.code, "Anna", "Stedin")
    sleutel = ronde.vragen[0].sleutel
    for waarde in goed:
        assert lege_store.beantwoord(anna.id, ronde.id, sleutel, waarde).waarden == {sleutel: waarde}
    for waarde in fout:
        with pytest.raises(InvoerFout, match=f"{melding}.*niet opgeslagen"):
            lege_store.beantwoord(anna.id, ronde.id, sleutel, waarde)
    if oefening != "scan":
        with pytest.raises(InvoerFout, match=r"niet 'weet niet' kiezen"):
            lege_store.beantwoord(anna.id, ronde.id, sleutel, None)
    with pytest.raises(InvoerFout, match=r"hoort niet bij deze ronde"):
        lege_store.beantwoord(anna.id, ronde.id, "p999:invloed" if oefening == "scan" else "mot-01", 3)
    assert lege_store.mijn_antwoorden(anna.id, ronde.id).waarden == {sleutel: goed[-1]}


def test_twee_keer_antwoorden_en_indienen_telt_een_keer(lege_store, open_sessie):
    ronde = ronde_van(lege_store, open_sessie, "scan")
    anna = lege_store.meld_aan(open_sessie.code, "Anna", "Stedin")
    sleutel = ronde.vragen[0].sleutel
    lege_store.beantwoord(anna.id, ronde.id, sleutel, 2)
    lege_store.beantwoord(anna.id, ronde.id, sleutel, 4)
    assert tel(lege_store, schema.workshop_antwoord, deelnemer_id=anna.id) == 1
    with pytest.raises(InvoerFout, match=f"Nog {len(ronde.vragen) - 1} van de {len(ronde.vragen)} vragen zijn niet"):
        lege_store.dien_in_ronde(anna.id, ronde.id)
    assert not lege_store.mijn_antwoorden(anna.id, ronde.id).is_ingediend
    vul_scan_in(lege_store, anna, ronde, None, indienen=False)  # 'weet niet' counts as an answer
    eerste = lege_store.dien_in_ronde(anna.id, ronde.id)
    tweede = lege_store.dien_in_ronde(anna.id, ronde.id)
    assert isinstance(eerste, Antwoorden) and eerste.is_ingediend and tweede.ingediend == eerste.ingediend
    assert tel(lege_store, schema.workshop_indiening) == 1
    assert tel(lege_store, schema.workshop_antwoord) == len(ronde.vragen)
    # correcting after submitting is allowed while the round is open; it stays submitted
    assert lege_store.beantwoord(anna.id, ronde.id, sleutel, 5).is_ingediend
    [(_wie, antwoorden)] = lege_store.ronde_antwoorden(open_sessie.id, ronde.id)
    assert antwoorden.waarden[sleutel] == 5 and sum(1 for w in antwoorden.waarden.values() if w is None) == 29


def test_gesloten_ronde_weigert_antwoorden_en_heropend_neemt_ze_weer_aan(lege_store, sessie):
    ronde = ronde_van(lege_store, sessie, "scan")
    anna = lege_store.meld_aan(sessie.code, "Anna", "Stedin")
    sleutel = ronde.vragen[0].sleutel
    assert lege_store.rondes_voor_deelnemer(anna.id) == []  # a round not yet opened is not shown
    with pytest.raises(InvoerFout, match=r"nog niet geopend.*niet opgeslagen"):
        lege_store.beantwoord(anna.id, ronde.id, sleutel, 3)
    with pytest.raises(InvoerFout, match=r"nog niet geopend, dus er is niets te sluiten"):
        lege_store.sluit_ronde(sessie.id, ronde.id)
    assert lege_store.open_ronde(sessie.id, ronde.id).status == OPEN
    lege_store.beantwoord(anna.id, ronde.id, sleutel, 3)
    gesloten = lege_store.sluit_ronde(sessie.id, ronde.id)
    assert gesloten.status == GESLOTEN and gesloten.gesloten is not None
    assert lege_store.sluit_ronde(sessie.id, ronde.id).status == GESLOTEN  # closing twice is harmless
    for poging in (lambda: lege_store.beantwoord(anna.id, ronde.id, sleutel, 4),
                   lambda: lege_store.beantwoord_alles(anna.id, ronde.id, {sleutel: 4}),
                   lambda: lege_store.dien_in_ronde(anna.id, ronde.id)):
        with pytest.raises(InvoerFout, match=r"ronde is gesloten.*heropenen"):
            poging()
    assert lege_store.open_rondes(anna.id) == []
    assert [(r.id, r.status) for r in lege_store.rondes_voor_deelnemer(anna.id)] == [(ronde.id, GESLOTEN)]
    assert lege_store.mijn_antwoorden(anna.id, ronde.id).waarden == {sleutel: 3}  # still readable
    heropend = lege_store.heropen_ronde(sessie.id, ronde.id)
    assert heropend.status == OPEN and heropend.geopend == ronde_van(lege_store, sessie, "scan").geopend
    assert lege_store.beantwoord(anna.id, ronde.id, sleutel, 4).waarden == {sleutel: 4}


def test_weging_moet_precies_honderd_zijn_en_een_correctie_trekt_de_indiening_in(lege_store, open_sessie):
    ronde = ronde_van(lege_store, open_sessie, "weging")
    kosten, draagvlak, duurzaam = (v.sleutel for v in ronde.vragen)
    anna = lege_store.meld_aan(open_sessie.code, "Anna", "Stedin")
    lege_store.beantwoord_alles(anna.id, ronde.id, {kosten: 50, draagvlak: 30, duurzaam: 5})
    with pytest.raises(InvoerFout, match=r"Verdeel precies 100 punten: je hebt er nog 15 te verdelen"):
        lege_store.dien_in_ronde(anna.id, ronde.id)
    with pytest.raises(InvoerFout, match=r"je hebt er 15 te veel verdeeld.*niets opgeslagen"):
        lege_store.beantwoord_alles(anna.id, ronde.id, {duurzaam: 35}, indienen=True)
    assert lege_store.mijn_antwoorden(anna.id, ronde.id).waarden[duurzaam] == 5  # refused: nothing saved
    ingediend = lege_store.beantwoord_alles(anna.id, ronde.id, {duurzaam: 20}, indienen=True)
    assert ingediend.is_ingediend and sum(ingediend.waarden.values()) == 100
    assert lege_store.beantwoord(anna.id, ronde.id, kosten, 50).is_ingediend  # the same value: no change
    gecorrigeerd = lege_store.beantwoord(anna.id, ronde.id, kosten, 40)
    assert not gecorrigeerd.is_ingediend  # 90 points now: the submission is withdrawn
    assert lege_store.ronde_antwoorden(open_sessie.id, ronde.id) == []
    lege_store.beantwoord_alles(anna.id, ronde.id, {kosten: 40, duurzaam: 30}, indienen=True)
    assert lege_store.mijn_antwoorden(anna.id, ronde.id).is_ingediend


def test_alles_tegelijk_beantwoorden_bewaart_niets_als_een_antwoord_fout_is(lege_store, open_sessie):
    ronde = ronde_van(lege_store, open_sessie, "machtbelang")
    anna = lege_store.meld_aan(open_sessie.code, "Anna", "Stedin")
    waarden = {v.sleutel: 6 for v in ronde.vragen}
    waarden[ronde.vragen[-1].sleutel] = 12
    with pytest.raises(InvoerFout, match=r"van 1 tot en met 10.*niets opgeslagen"):
        lege_store.beantwoord_alles(anna.id, ronde.id, waarden)
    with pytest.raises(InvoerFout, match=r"hoort bij geen enkele vraag"):
        lege_store.beantwoord_alles(anna.id, ronde.id, {"onzin": 3})
    with pytest.raises(InvoerFout, match=r"niet leesbaar"):
        lege_store.beantwoord_alles(anna.id, ronde.id, [("p1:invloed", 3)])
    assert tel(lege_store, schema.workshop_antwoord) == 0
    waarden[ronde.vragen[-1].sleutel] = 10
    assert lege_store.beantwoord_alles(anna.id, ronde.id, waarden, indienen=True).is_ingediend


# -- what the facilitator sees -------------------------------------------------------------------
def test_stand_en_verversstempel_volgen_elke_wijziging(lege_store, sessie):
    ronde = ronde_van(lege_store, sessie, "scan")
    stempels = [lege_store.verversstempel(sessie.id)]

    def nieuwe_stempel():
        stempel = lege_store.verversstempel(sessie.id)
        assert stempel != stempels[-1]
        assert lege_store.verversstempel(sessie.id) == stempel  # nothing changed: the same token
        stempels.append(stempel)

    assert lege_store.ronde_stand(sessie.id, ronde.id) == RondeStand(0, 0, 0, None)
    lege_store.open_ronde(sessie.id, ronde.id)
    nieuwe_stempel()
    anna = lege_store.meld_aan(sessie.code, "Anna", "Stedin")
    nieuwe_stempel()
    bram = lege_store.meld_aan(sessie.code, "Bram", "Gemeente Delft")
    lege_store.meld_aan(sessie.code, "Chris", "Woonstede")
    nieuwe_stempel()
    lege_store.beantwoord(anna.id, ronde.id, ronde.vragen[0].sleutel, 3)
    nieuwe_stempel()
    vul_scan_in(lege_store, bram, ronde, indienen=False)
    nieuwe_stempel()
    lege_store.dien_in_ronde(bram.id, ronde.id)
    nieuwe_stempel()
    stand = lege_store.ronde_stand(sessie.id, ronde.id)
    assert (stand.deelnemers, stand.bezig, stand.ingediend) == (3, 1, 1)
    assert stand.laatste_wijziging is not None and stand.laatste_wijziging.tzinfo is not None
    lege_store.sluit_ronde(sessie.id, ronde.id)
    nieuwe_stempel()
    lege_store.open_ronde(sessie.id, ronde_van(lege_store, sessie, "weging").id)
    nieuwe_stempel()
    lege_store.sluit_sessie(sessie.id)
    nieuwe_stempel()
    assert len(set(stempels)) == len(stempels)
    with pytest.raises(InvoerFout, match=r"hoort niet bij deze sessie"):
        lege_store.ronde_stand(sessie.id, "f" * 32)
    with pytest.raises(InvoerFout, match=r"bestaat niet"):
        lege_store.verversstempel("f" * 32)


# -- adoption ------------------------------------------------------------------------------------
def _sluit(store, sessie, ronde):
    return store.sluit_ronde(sessie.id, ronde.id)


def test_scan_overnemen_maakt_een_gesloten_scanronde_met_de_ingediende_antwoorden(lege_store, dossier, open_sessie):
    ronde = ronde_van(lege_store, open_sessie, "scan")
    anna = lege_store.meld_aan(open_sessie.code, "Anna", "Stedin")
    bram = lege_store.meld_aan(open_sessie.code, "Bram", "Gemeente Delft")
    chris = lege_store.meld_aan(open_sessie.code, "Chris", "Woonstede")
    vul_scan_in(lege_store, anna, ronde, 4)
    vul_scan_in(lege_store, bram, ronde, 2)
    lege_store.beantwoord_alles(bram.id, ronde.id, {ronde.vragen[0].sleutel: None})
    vul_scan_in(lege_store, chris, ronde, 5, indienen=False)  # never submitted: does not count
    with pytest.raises(InvoerFout, match=r"Sluit de ronde eerst"):
        lege_store.neem_ronde_over(open_sessie.id, ronde.id)
    _sluit(lege_store, open_sessie, ronde)

    overname = lege_store.neem_ronde_over(open_sessie.id, ronde.id, "Anna, Bram en de begeleider")
    datum = f"{open_sessie.aangemaakt.astimezone():%d-%m-%Y}"
    naam = f"Workshop Avond in het buurthuis ({datum})"
    assert isinstance(overname, Overname) and naam in overname.wat and overname.niet_overgenomen == ()
    [scanronde] = lege_store.scan_rondes(dossier.id)
    assert scanronde.naam == naam and scanronde.is_gesloten
    responsen = lege_store.scan_responsen(dossier.id, scanronde.id)
    assert [(r.naam, r.organisatie, r.is_ingediend) for r in responsen] == [
        ("Anna", "Stedin", True), ("Bram", "Gemeente Delft", True)]
    assert set(responsen[0].antwoorden.values()) == {4} and len(responsen[0].antwoorden) == len(ronde.vragen)
    assert responsen[1].antwoorden[ronde.vragen[0].sleutel] is None
    [besluit] = lege_store.besluiten(dossier.id)
    assert (besluit.id, besluit.soort, besluit.knooppunt_id, besluit.aanwezig) == (
        overname.besluit_id, "automatisch", "f1-samenwerkingsscan", "Anna, Bram en de begeleider")
    assert "2 ingediende antwoordenlijsten" in besluit.onderbouwing
    assert lege_store.ronde(open_sessie.id, ronde.id).status == OVERGENOMEN
    with pytest.raises(InvoerFout, match=r"al overgenomen"):
        lege_store.neem_ronde_over(open_sessie.id, ronde.id)
    with pytest.raises(InvoerFout, match=r"al overgenomen.*kan niet meer open"):
        lege_store.heropen_ronde(open_sessie.id, ronde.id)
    assert len(lege_store.besluiten(dossier.id)) == 1

    # a second workshop with the same name on the same day gets a name of its own
    tweede = lege_store.maak_sessie(dossier.id, "Avond in het buurthuis", PIN, ["scan"])
    ronde2 = lege_store.open_ronde(tweede.id, lege_store.rondes(tweede.id)[0].id)
    vul_scan_in(lege_store, lege_store.meld_aan(tweede.code, "Dirk", "Stedin"), ronde2, 3)
    _sluit(lege_store, tweede, ronde2)
    lege_store.neem_ronde_over(tweede.id, ronde2.id)
    assert [r.naam for r in lege_store.scan_rondes(dossier.id)] == [naam, f"{naam} 2"]


def test_overnemen_zonder_ingediende_antwoorden_of_van_een_ongeopende_ronde_wordt_geweigerd(lege_store, dossier,
                                                                                            sessie):
    ronde = ronde_van(lege_store, sessie, "machtbelang")
    with pytest.raises(InvoerFout, match=r"Sluit de ronde eerst"):
        lege_store.neem_ronde_over(sessie.id, ronde.id)
    lege_store.open_ronde(sessie.id, ronde.id)
    anna = lege_store.meld_aan(sessie.code, "Anna", "Stedin")
    lege_store.beantwoord(anna.id, ronde.id, ronde.vragen[0].sleutel, 5)  # not submitted
    _sluit(lege_store, sessie, ronde)
    with pytest.raises(InvoerFout, match=r"nog niemand antwoorden ingediend"):
        lege_store.neem_ronde_over(sessie.id, ronde.id)
    with pytest.raises(InvoerFout, match=r"Wie er aan tafel zaten is te lang"):
        lege_store.neem_ronde_over(sessie.id, ronde.id, "x" * 601)
    assert lege_store.besluiten(dossier.id) == [] and lege_store.ronde(sessie.id, ronde.id).status == GESLOTEN


def test_macht_en_belang_overnemen_zet_de_mediaan_per_partij(lege_store, dossier, open_sessie):
    ronde = ronde_van(lege_store, open_sessie, "machtbelang")
    gemeente, woonstede, stedin = lege_store.partijen(dossier.id)
    antwoorden = {  # invloed, belang for gemeente and woonstede; stedin always 3, 4
        "Anna": (7, 9, 2, 5), "Bram": (8, 6, 3, 6), "Chris": (10, 8, 6, 6), "Dirk": (9, 2, 8, 7)}
    for naam, (g_inv, g_bel, w_inv, w_bel) in antwoorden.items():
        wie = lege_store.meld_aan(open_sessie.code, naam, "Stedin")
        lege_store.beantwoord_alles(wie.id, ronde.id, {
            f"p{gemeente.id}:invloed": g_inv, f"p{gemeente.id}:belang": g_bel,
            f"p{woonstede.id}:invloed": w_inv, f"p{woonstede.id}:belang": w_bel,
            f"p{stedin.id}:invloed": 3, f"p{stedin.id}:belang": 4}, indienen=True)
    lege_store.verwijder_partij(dossier.id, stedin.id)  # deleted during the workshop
    _sluit(lege_store, open_sessie, ronde)

    overname = lege_store.neem_ronde_over(open_sessie.id, ronde.id)
    na = {p.naam: p for p in lege_store.partijen(dossier.id)}
    # medians: gemeente invloed (8+9)/2 = 8.5 -> 9, belang (6+8)/2 = 7; woonstede (3+6)/2 = 4.5 -> 5, 6
    assert (na["Gemeente Delft"].invloed, na["Gemeente Delft"].belang) == (9, 7)
    assert (na["Woonstede"].invloed, na["Woonstede"].belang) == (5, 6)
    assert na["Gemeente Delft"].versie == gemeente.versie + 1  # an open edit form notices the change
    assert overname.details == ("Gemeente Delft: invloed 9, belang 7 (mediaan van 4 antwoorden)",
                                "Woonstede: invloed 5, belang 6 (mediaan van 4 antwoorden)")
    assert overname.niet_overgenomen == ("Stedin: deze partij staat niet meer in het dossier",)
    [besluit] = lege_store.besluiten(dossier.id)
    assert besluit.knooppunt_id == "f1-invloed-en-belang" and "macht en belang van 2 partijen" in besluit.wat


def test_overnemen_raakt_geen_partij_of_koppelkans_die_pas_na_de_sessie_kwam(lege_store, dossier, open_sessie,
                                                                              backend):
    """SQLite may give a new row the id of the last row deleted: adoption must not take it for the old one."""
    macht = ronde_van(lege_store, open_sessie, "machtbelang")
    kansen = ronde_van(lege_store, open_sessie, "koppelkansen")
    wie = lege_store.meld_aan(open_sessie.code, "Anna", "Stedin")
    lege_store.beantwoord_alles(wie.id, macht.id, {v.sleutel: 9 for v in macht.vragen}, indienen=True)
    lege_store.beantwoord_alles(wie.id, kansen.id, {v.sleutel: 5 for v in kansen.vragen}, indienen=True)
    for ronde in (macht, kansen):
        _sluit(lege_store, open_sessie, ronde)
    stedin = lege_store.partijen(dossier.id)[-1]
    buurthuis = lege_store.koppelkansen(dossier.id)[-1]
    lege_store.verwijder_partij(dossier.id, stedin.id)
    lege_store.verwijder_koppelkans(dossier.id, buurthuis.id)
    warmte = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Warmtebedrijf", "warmtebedrijf"))
    zwembad = lege_store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Zwembad", "nieuw"))
    if backend == "sqlite":
        assert (warmte.id, zwembad.id) == (stedin.id, buurthuis.id)  # the very case this test is about

    assert "Stedin: deze partij staat niet meer in het dossier" in lege_store.neem_ronde_over(
        open_sessie.id, macht.id).niet_overgenomen
    assert "Buurthuis renoveren: deze koppelkans staat niet meer in het register" in lege_store.neem_ronde_over(
        open_sessie.id, kansen.id).niet_overgenomen
    assert not next(p for p in lege_store.partijen(dossier.id) if p.id == warmte.id).geplaatst
    assert lege_store.koppelkans(dossier.id, zwembad.id).scores == {}


def test_een_fout_tijdens_het_overnemen_laat_het_dossier_ongemoeid(lege_store, dossier, open_sessie, monkeypatch):
    ronde = ronde_van(lege_store, open_sessie, "machtbelang")
    wie = lege_store.meld_aan(open_sessie.code, "Anna", "Stedin")
    lege_store.beantwoord_alles(wie.id, ronde.id, {v.sleutel: 9 for v in ronde.vragen}, indienen=True)
    _sluit(lege_store, open_sessie, ronde)
    voor = lege_store.partijen(dossier.id)

    def stuk(*_args, **_kwargs):
        raise InvoerFout("Het besluitenlog is even niet bereikbaar.")

    monkeypatch.setattr(DossierStore, "_automatisch_besluit", stuk)  # fails after the parties were written
    with pytest.raises(InvoerFout, match=r"even niet bereikbaar"):
        lege_store.neem_ronde_over(open_sessie.id, ronde.id)
    assert lege_store.partijen(dossier.id) == voor
    assert lege_store.ronde(open_sessie.id, ronde.id).status == GESLOTEN
    monkeypatch.undo()
    lege_store.neem_ronde_over(open_sessie.id, ronde.id)
    assert {(p.invloed, p.belang) for p in lege_store.partijen(dossier.id)} == {(9, 9)}


def test_weging_overnemen_per_organisatie_met_precies_honderd_punten(lege_store, dossier, open_sessie):
    ronde = ronde_van(lege_store, open_sessie, "weging")
    kosten, draagvlak, duurzaam = (v.sleutel for v in ronde.vragen)
    for naam, organisatie, punten in [
        ("Anna", "Gemeente Delft", (50, 30, 20)),
        ("Bram", " gemeente  DELFT ", (20, 20, 60)),  # the same organisation, written differently
        ("Chris", "Woningcorporatie Woonstede", (34, 33, 33)),  # matches Woonstede's organisatie
        ("Dirk", "Bewonersplatform", (10, 10, 80)),  # no such party
    ]:
        wie = lege_store.meld_aan(open_sessie.code, naam, organisatie)
        lege_store.beantwoord_alles(wie.id, ronde.id, dict(zip((kosten, draagvlak, duurzaam), punten, strict=True)),
                                    indienen=True)
    _sluit(lege_store, open_sessie, ronde)
    gemeente, woonstede, stedin = lege_store.partijen(dossier.id)
    criteria = lege_store.criteria(dossier.id)
    lege_store.zet_weging(dossier.id, stedin.id, {c.id: 10 for c in criteria})  # untouched by the workshop

    overname = lege_store.neem_ronde_over(open_sessie.id, ronde.id, "Team")
    wegingen = lege_store.wegingen(dossier.id)
    k, d, u = (c.id for c in criteria)
    assert wegingen[gemeente.id] == {k: 35.0, d: 25.0, u: 40.0}  # mean of (50,30,20) and (20,20,60)
    assert wegingen[woonstede.id] == {k: 34.0, d: 33.0, u: 33.0}
    assert wegingen[stedin.id] == {k: 10.0, d: 10.0, u: 10.0}
    assert all(sum(w.values()) == 100 for p, w in wegingen.items() if p != stedin.id)
    assert overname.details[0] == ("Gemeente Delft: Kosten 35, Draagvlak 25, Duurzaamheid 40 (gemiddelde van 2 "
                                   "deelnemers van Gemeente Delft)")
    assert overname.niet_overgenomen == ("'Bewonersplatform' komt niet overeen met een partij in het dossier",)
    assert lege_store.besluiten(dossier.id)[-1].knooppunt_id == "f3-criteria-en-weging"


def test_weging_overnemen_verdeelt_de_rest_en_slaat_verwijderde_criteria_over(lege_store, dossier, open_sessie):
    ronde = ronde_van(lege_store, open_sessie, "weging")
    sleutels = [v.sleutel for v in ronde.vragen]
    for naam, punten in [("Anna", (100, 0, 0)), ("Bram", (0, 100, 0)), ("Chris", (0, 0, 100))]:
        wie = lege_store.meld_aan(open_sessie.code, naam, "Stedin")
        lege_store.beantwoord_alles(wie.id, ronde.id, dict(zip(sleutels, punten, strict=True)), indienen=True)
    _sluit(lege_store, open_sessie, ronde)
    stedin = lege_store.partijen(dossier.id)[2]
    kosten, draagvlak, duurzaam = lege_store.criteria(dossier.id)
    lege_store.verwijder_criterium(dossier.id, duurzaam.id)
    nieuw = lege_store.voeg_criterium_toe(dossier.id, "Leefbaarheid")

    overname = lege_store.neem_ronde_over(open_sessie.id, ronde.id)
    # Chris gave all points to a deleted criterion and counts no more; Anna and Bram share 50/50
    assert lege_store.wegingen(dossier.id)[stedin.id] == {kosten.id: 50.0, draagvlak.id: 50.0}
    assert "Criterium 'Duurzaamheid' staat niet meer in het dossier; de punten erop tellen niet mee" in \
        overname.niet_overgenomen
    assert any(f"'{nieuw.naam}' kwam er na de workshop bij" in regel for regel in overname.niet_overgenomen)


def test_weging_overnemen_weigert_als_ze_intussen_is_vastgezet(lege_store, dossier, open_sessie):
    ronde = ronde_van(lege_store, open_sessie, "weging")
    wie = lege_store.meld_aan(open_sessie.code, "Anna", "Gemeente Delft")
    lege_store.beantwoord_alles(wie.id, ronde.id, dict(zip([v.sleutel for v in ronde.vragen], (60, 20, 20),
                                                           strict=True)), indienen=True)
    _sluit(lege_store, open_sessie, ronde)
    criteria = lege_store.criteria(dossier.id)
    lege_store.zet_weging_vast(dossier.id, {c.id: 1 for c in criteria}, "Team", "Zo afgesproken")
    voor = (lege_store.wegingen(dossier.id), len(lege_store.besluiten(dossier.id)))
    with pytest.raises(InvoerFout, match=r"intussen vastgezet; er is niets veranderd"):
        lege_store.neem_ronde_over(open_sessie.id, ronde.id)
    assert (lege_store.wegingen(dossier.id), len(lege_store.besluiten(dossier.id))) == voor
    assert lege_store.ronde(open_sessie.id, ronde.id).status == GESLOTEN


def test_weging_overnemen_zonder_enige_passende_partij_wordt_geweigerd(lege_store, dossier, open_sessie):
    ronde = ronde_van(lege_store, open_sessie, "weging")
    wie = lege_store.meld_aan(open_sessie.code, "Anna", "Bewonersplatform")
    lege_store.beantwoord_alles(wie.id, ronde.id, dict(zip([v.sleutel for v in ronde.vragen], (60, 20, 20),
                                                           strict=True)), indienen=True)
    _sluit(lege_store, open_sessie, ronde)
    with pytest.raises(InvoerFout, match=r"Geen enkele organisatie.*niets veranderd"):
        lege_store.neem_ronde_over(open_sessie.id, ronde.id)
    assert lege_store.wegingen(dossier.id) == {} and lege_store.besluiten(dossier.id) == []


def test_koppelkansen_overnemen_zet_het_gemiddelde_en_houdt_andere_scores(lege_store, dossier, open_sessie):
    ronde = ronde_van(lege_store, open_sessie, "koppelkansen")
    riool, buurthuis = lege_store.koppelkansen(dossier.id)
    riool = lege_store.zet_koppelkans_scores(dossier.id, riool.id, {"wensen": 1, "Oud criterium": 2}, riool.versie)
    for naam, wensen in [("Anna", 4), ("Bram", 5)]:  # mean 4.5 -> 5
        wie = lege_store.meld_aan(open_sessie.code, naam, "Stedin")
        waarden = {v.sleutel: 3 for v in ronde.vragen}
        waarden[f"k{riool.id}:wensen"] = wensen
        waarden[f"k{riool.id}:Werkgelegenheid"] = 2 if naam == "Anna" else 3  # 2.5 -> 3
        lege_store.beantwoord_alles(wie.id, ronde.id, waarden, indienen=True)
    _sluit(lege_store, open_sessie, ronde)
    lege_store.verwijder_koppelkans(dossier.id, buurthuis.id)

    overname = lege_store.neem_ronde_over(open_sessie.id, ronde.id)
    [na] = lege_store.koppelkansen(dossier.id)
    assert na.scores == {"wensen": 5, "extra-kosten": 3, "doorlooptijd": 3, "Werkgelegenheid": 3,
                         "Oud criterium": 2}
    assert na.versie == riool.versie + 1
    assert overname.niet_overgenomen == ("Buurthuis renoveren: deze koppelkans staat niet meer in het register",)
    assert overname.details == ("Riool Merelstraat: past bij de wensen in de wijk 5, extra kosten (5 = weinig) 3, "
                                "tijd voor besluit en uitvoering (5 = kort) 3, werkgelegenheid 3",)
    assert lege_store.besluiten(dossier.id)[-1].knooppunt_id == "f3-strategieen-koppelkansen"


# -- offline: invitation and answer files ----------------------------------------------------------
def test_offline_uitnodiging_antwoorden_en_import(lege_store, tweede_store, dossier, sessie):
    scan = open_(lege_store, sessie, "scan")
    weging = open_(lege_store, sessie, "weging")
    data = bestand.als_bytes(lege_store.uitnodiging(sessie.id))
    uitnodiging = bestand.lees_uitnodiging(data, "uitnodiging.json")

    # the participant's own store (Binder)
    geplaatst = tweede_store.plaats_uitnodiging(uitnodiging)
    assert (geplaatst.id, geplaatst.code, geplaatst.naam) == (sessie.id, sessie.code, sessie.naam)
    assert tweede_store.plaats_uitnodiging(uitnodiging) == geplaatst  # placing twice: the same session
    assert tweede_store.plaats_uitnodiging(lege_store.uitnodiging(sessie.id)) == geplaatst  # the dict form too
    [placeholder] = tweede_store.dossiers()
    assert placeholder.naam == "Workshop Avond in het buurthuis (zonder gedeelde server)"
    assert [(r.id, r.status, r.vragen) for r in tweede_store.rondes(sessie.id)] == [
        (r.id, OPEN, r.vragen) for r in lege_store.rondes(sessie.id)]
    with pytest.raises(InvoerFout, match=r"De code of de pincode klopt niet"):
        tweede_store.open_als_begeleider(sessie.code, PIN)  # nobody is facilitator of a placed invitation
    anna = tweede_store.meld_aan(sessie.code, "Anna", "Gemeente Delft", "A")
    vul_scan_in(tweede_store, anna, scan, 4)
    tweede_store.beantwoord_alles(anna.id, weging.id, dict(zip([v.sleutel for v in weging.vragen], (50, 25, 25),
                                                               strict=True)))  # not submitted
    gegevens = tweede_store.antwoordbestand(anna.id)
    assert gegevens["deelnemer"] == {"id": anna.id, "naam": "Anna", "organisatie": "Gemeente Delft", "spoor": "A"}
    assert {r: v["ingediend"] for r, v in gegevens["rondes"].items()} == {scan.id: True, weging.id: False}
    antwoordbestand = bestand.lees_antwoordbestand(bestand.als_bytes(gegevens), "anna.json")

    # back at the facilitator
    verslag = lege_store.importeer_antwoorden(sessie.id, [antwoordbestand])
    assert verslag == ImportVerslag(nieuw=("Anna",))
    assert lege_store.importeer_antwoorden(sessie.id, [antwoordbestand, gegevens]) == ImportVerslag(
        bijgewerkt=("Anna", "Anna"))
    [(wie, antwoorden)] = lege_store.ronde_antwoorden(sessie.id, scan.id)
    assert (wie.id, wie.naam, wie.spoor) == (anna.id, "Anna", "A") and set(antwoorden.waarden.values()) == {4}
    assert lege_store.ronde_antwoorden(sessie.id, weging.id) == []
    assert len(lege_store.ronde_antwoorden(sessie.id, weging.id, alleen_ingediend=False)) == 1
    assert tel(lege_store, schema.workshop_deelnemer) == 1
    assert tel(lege_store, schema.workshop_antwoord) == len(scan.vragen) + len(weging.vragen)
    assert tel(lege_store, schema.workshop_indiening) == 1


def test_import_weigert_foute_bestanden_en_verandert_daarvoor_niets(lege_store, tweede_store, dossier, sessie):
    scan = open_(lege_store, sessie, "scan")
    weging = open_(lege_store, sessie, "weging")
    tweede_store.plaats_uitnodiging(lege_store.uitnodiging(sessie.id))
    bram = lege_store.meld_aan(sessie.code, "Bram", "Stedin")  # joined online at the facilitator's store
    anna = tweede_store.meld_aan(sessie.code, "Anna", "Gemeente Delft")
    vul_scan_in(tweede_store, anna, scan, 4)
    goed = tweede_store.antwoordbestand(anna.id)

    def variant(**aanpassing):
        gegevens = {**goed, "rondes": {k: dict(v) for k, v in goed["rondes"].items()}}
        for sleutel, waarde in aanpassing.items():
            if sleutel == "naam":
                gegevens["deelnemer"] = {**gegevens["deelnemer"], "naam": waarde}
            elif sleutel == "sessie":
                gegevens["sessie"] = waarde
            else:
                gegevens["rondes"][scan.id] = {**gegevens["rondes"][scan.id], **waarde}
        return bestand.lees_antwoordbestand(bestand.als_bytes(gegevens), f"{len(aanpassing)}-{sleutel}.json")

    andere_sessie = {"id": "a" * 32, "code": goed["sessie"]["code"]}
    te_hoog = {"waarden": {**goed["rondes"][scan.id]["waarden"], scan.vragen[0].sleutel: 7}}
    onvolledig = {"waarden": {scan.vragen[0].sleutel: 3}, "ingediend": True}
    weging_fout = bestand.lees_antwoordbestand(bestand.als_bytes({**goed, "rondes": {weging.id: {
        "waarden": {v.sleutel: 10 for v in weging.vragen}, "ingediend": True}}}), "weging.json")
    verslag = lege_store.importeer_antwoorden(sessie.id, [
        variant(sessie=andere_sessie), variant(naam="bram"), variant(scan=te_hoog), variant(scan=onvolledig),
        weging_fout, {"soort": "iets anders"}])
    assert verslag.nieuw == () and verslag.bijgewerkt == ()
    redenen = "\n".join(verslag.geweigerd)
    assert len(verslag.geweigerd) == 6
    for stuk in ("hoort bij een andere workshop", "al een andere deelnemer mee met de naam 'bram'",
                 "van 1 tot en met 5", "Nog 29 van de 30 vragen", "nog 70 te verdelen", "geen antwoordbestand"):
        assert stuk in redenen
    assert tel(lege_store, schema.workshop_antwoord) == 0 and [d.id for d in lege_store.deelnemers(sessie.id)] == [
        bram.id]

    lege_store.sluit_ronde(sessie.id, scan.id)
    [reden] = lege_store.importeer_antwoorden(sessie.id, [bestand.lees_antwoordbestand(
        bestand.als_bytes(goed), "anna.json")]).geweigerd
    assert reden.startswith("anna.json: ") and "is al gesloten" in reden
    assert tel(lege_store, schema.workshop_antwoord) == 0


# -- many at once, and deleting ------------------------------------------------------------------
def test_tien_deelnemers_tegelijk_houden_elk_antwoord_precies_een_keer(lege_store, open_sessie):
    ronde = ronde_van(lege_store, open_sessie, "scan")
    deelnemers = [lege_store.meld_aan(open_sessie.code, f"Deelnemer {n}", "Stedin") for n in range(10)]
    start = threading.Barrier(len(deelnemers))
    fouten: list[BaseException] = []

    def antwoord(deelnemer, waarde):
        try:
            start.wait()
            for vraag in ronde.vragen:
                lege_store.beantwoord(deelnemer.id, ronde.id, vraag.sleutel, waarde)
        except BaseException as fout:  # reported below
            fouten.append(fout)

    draden = [threading.Thread(target=antwoord, args=(d, 1 + n % 5)) for n, d in enumerate(deelnemers)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    assert fouten == []
    assert tel(lege_store, schema.workshop_antwoord) == 300
    alle = lege_store.ronde_antwoorden(open_sessie.id, ronde.id, alleen_ingediend=False)
    assert sorted((wie.naam, set(a.waarden.values()), len(a.waarden)) for wie, a in alle) == sorted(
        (f"Deelnemer {n}", {1 + n % 5}, 30) for n in range(10))


def test_dossier_verwijderen_verwijdert_ook_zijn_workshops(lege_store, dossier, open_sessie):
    blijft = lege_store.maak_dossier("Andere wijk")
    ander = lege_store.maak_sessie(blijft.id, "Blijft", PIN, ["scan"])
    ronde = ronde_van(lege_store, open_sessie, "scan")
    anna = lege_store.meld_aan(open_sessie.code, "Anna", "Stedin")
    vul_scan_in(lege_store, anna, ronde)
    lege_store.verwijder_dossier(dossier.id)
    for tabel in (schema.workshop_antwoord, schema.workshop_indiening, schema.workshop_deelnemer):
        assert tel(lege_store, tabel) == 0
    assert tel(lege_store, schema.workshop_sessie) == 1 and tel(lege_store, schema.workshop_ronde) == 1
    assert lege_store.sessies(blijft.id) == [ander]
    with pytest.raises(InvoerFout, match=r"bestaat niet \(meer\)"):
        lege_store.rondes(open_sessie.id)
    with pytest.raises(InvoerFout, match=r"aanmelding is niet \(meer\) bekend"):
        lege_store.beantwoord(anna.id, ronde.id, ronde.vragen[0].sleutel, 3)


@pytest.mark.alleen_sqlite
def test_migratie_van_0005_naar_0006_en_terug(tmp_path):
    from wijkkompas_widgets.dossier.store import _maak_engine, migreer_naar

    url = f"sqlite:///{tmp_path / 'oud.sqlite'}"
    engine = _maak_engine(url)
    migreer_naar(engine, "0005")
    engine.dispose()
    opslag = DossierStore(url, voorbeeld=False)
    assert opslag.schema_versie() == schema.SCHEMA_VERSIE == "0007"
    dossier = opslag.maak_dossier("Oude wijk")
    assert opslag.maak_sessie(dossier.id, "Avond", PIN, ["scan"]).naam == "Avond"

    from alembic import command
    from alembic.config import Config

    from wijkkompas_widgets.dossier.store import _MIGRATIES

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIES))
    with opslag.engine.connect().execution_options(schrijven=True) as conn, conn.begin():
        config.attributes["connection"] = conn
        command.downgrade(config, "0005")
    assert opslag.schema_versie() == "0005" and [d.naam for d in opslag.dossiers()] == ["Oude wijk"]
    opslag.engine.dispose()
    assert DossierStore(url, voorbeeld=False).sessies(dossier.id) == []  # upgraded again, empty tables
