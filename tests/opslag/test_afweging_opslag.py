"""The store for the afweging (phases 3-4): criteria and weights fixed before scoring, integrated strategies
with scores and the chosen strategy, cascade and migration. The besluitenlog itself: test_besluitenlog_opslag.py.

Every store test runs on SQLite; set ``WIJKKOMPAS_TEST_PG_URL`` (for example
``postgresql+psycopg://wk@127.0.0.1:5432/wk``, an empty throw-away database) to run them on
PostgreSQL too.
"""

from __future__ import annotations

import math
from datetime import datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text

from wijkkompas_widgets.dossier import GelijktijdigGewijzigd, InvoerFout, PartijInvoer
from wijkkompas_widgets.dossier.records import MAX_STRATEGIEEN, KoppelkansInvoer, StrategieInvoer
from wijkkompas_widgets.dossier.schema import SCHEMA_VERSIE
from wijkkompas_widgets.dossier.store import DossierStore, _maak_engine, migreer_naar

NIEUWE_TABELLEN = ("besluit", "criterium", "weging", "weging_vastzetting", "strategie", "strategie_score",
                   "strategie_keuze", "koppelkans")


def _tel(store: DossierStore, tabel: str, dossier_id: str) -> int:
    """Rows of a table that belong to one dossier (directly or through a strategy)."""
    waar = {
        "strategie_score": "strategie_id IN (SELECT id FROM strategie WHERE dossier_id = :d)",
    }.get(tabel, "dossier_id = :d")
    with store.engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {tabel} WHERE {waar}"), {"d": dossier_id}).scalar()


def _klaar_om_te_scoren(store: DossierStore, naam: str = "Wijk"):
    """A dossier with two parties, three criteria and weights given (not yet fixed)."""
    dossier = store.maak_dossier(naam)
    gemeente = store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente", "gemeente"))
    corporatie = store.voeg_partij_toe(dossier.id, PartijInvoer("Corporatie", "woningcorporatie"))
    criteria = store.zet_standaardcriteria(dossier.id, [
        ("Nationale kosten", "Alle kosten voor Nederland", "nationale-kosten"),
        ("Kosten voor de bewoner", "", "woonlasten"),
        ("CO2-reductie", ""),
    ])
    k1, k2, k3 = (c.id for c in criteria)
    store.zet_weging(dossier.id, gemeente.id, {k1: 50, k2: 30, k3: 20})
    store.zet_weging(dossier.id, corporatie.id, {k1: 20, k2: 70, k3: 10})
    return dossier, (gemeente, corporatie), criteria


def _zet_vast(store: DossierStore, dossier_id: str, criteria, onderbouwing="Afgesproken in het kernteam"):
    return store.zet_weging_vast(dossier_id, {c.id: 1 for c in criteria}, "Gemeente, Corporatie", onderbouwing)


# -- criteria and weights -------------------------------------------------------------------------
def test_criteria_toevoegen_wijzigen_en_verwijderen(opslag):
    dossier = opslag.maak_dossier("Wijk")
    kosten = opslag.voeg_criterium_toe(dossier.id, "Kosten", "Voor de bewoner")
    overlast = opslag.voeg_criterium_toe(dossier.id, "Overlast")
    assert [(c.naam, c.volgorde) for c in opslag.criteria(dossier.id)] == [("Kosten", 1), ("Overlast", 2)]
    with pytest.raises(InvoerFout, match="al een criterium met de naam 'KOSTEN'"):
        opslag.voeg_criterium_toe(dossier.id, "KOSTEN")
    gewijzigd = opslag.wijzig_criterium(dossier.id, kosten.id, "Woonlasten", "Per maand", kosten.versie)
    assert (gewijzigd.naam, gewijzigd.versie) == ("Woonlasten", 2)
    with pytest.raises(GelijktijdigGewijzigd):
        opslag.wijzig_criterium(dossier.id, kosten.id, "Iets anders", "", kosten.versie)
    opslag.verwijder_criterium(dossier.id, overlast.id)
    assert [c.naam for c in opslag.criteria(dossier.id)] == ["Woonlasten"]
    with pytest.raises(InvoerFout, match="bestaat niet"):
        opslag.verwijder_criterium(dossier.id, overlast.id)


def test_standaardcriteria_alleen_in_een_lege_lijst(opslag):
    dossier = opslag.maak_dossier("Wijk")
    criteria = opslag.zet_standaardcriteria(dossier.id, [("Nationale kosten", "Alles", "nationale-kosten"),
                                                         ("Draagvlak", "")])
    assert [(c.naam, c.catalogus_id) for c in criteria] == [("Nationale kosten", "nationale-kosten"),
                                                            ("Draagvlak", None)]
    with pytest.raises(InvoerFout, match="al criteria"):
        opslag.zet_standaardcriteria(dossier.id, [("Iets", "")])
    leeg = opslag.maak_dossier("Leeg")
    with pytest.raises(InvoerFout, match="twee keer"):
        opslag.zet_standaardcriteria(leeg.id, [("Kosten", ""), ("kosten ", "")])
    assert opslag.criteria(leeg.id) == []


def test_standaardcriteria_uit_de_criteriumlijst_van_het_werkboek(opslag, inhoud):
    dossier = opslag.maak_dossier("Wijk")
    criteria = opslag.neem_standaardcriteria_over(dossier.id)
    standaard = [c for c in inhoud.fase34.criteria if c.standaard]
    assert len(criteria) == len(standaard) >= 3
    assert [(c.naam, c.catalogus_id) for c in criteria] == [(c.naam, c.id) for c in standaard]
    with pytest.raises(InvoerFout, match="al criteria"):
        opslag.neem_standaardcriteria_over(dossier.id)


def test_weging_per_partij_wordt_bewaard_zoals_gegeven(opslag, opslag_url):
    dossier, (gemeente, corporatie), (k1, k2, k3) = _klaar_om_te_scoren(opslag)
    opslag.zet_weging(dossier.id, gemeente.id, {k1.id: 12.5, k2.id: 0, k3.id: 7})  # the sum need not be 100
    heropend = DossierStore(opslag_url, voorbeeld=False)
    assert heropend.wegingen(dossier.id) == {
        gemeente.id: {k1.id: 12.5, k2.id: 0.0, k3.id: 7.0},
        corporatie.id: {k1.id: 20.0, k2.id: 70.0, k3.id: 10.0},
    }
    heropend.wis_weging(dossier.id, corporatie.id)
    assert list(opslag.wegingen(dossier.id)) == [gemeente.id]


_GELDIG_GETAL = st.one_of(st.integers(0, 100), st.floats(0, 100, allow_nan=False, allow_infinity=False))
_ONGELDIG_GETAL = st.one_of(
    st.floats(max_value=-1e-9, allow_nan=False), st.floats(min_value=100.0001, allow_nan=False),
    st.just(math.nan), st.just(math.inf), st.booleans(), st.text(max_size=3), st.none(),
)


@settings(max_examples=25, deadline=None)
@given(punten=st.lists(_GELDIG_GETAL, min_size=3, max_size=3), ongeldig=_ONGELDIG_GETAL,
       plek=st.integers(0, 2))
def test_willekeurige_punten_worden_bewaard_of_geweigerd_zonder_half_werk(opslag, punten, ongeldig, plek):
    dossier, (gemeente, _), criteria = _klaar_om_te_scoren(opslag)
    voor = opslag.wegingen(dossier.id)
    ids = [c.id for c in criteria]
    fout = dict(zip(ids, punten, strict=True))
    fout[ids[plek]] = ongeldig
    with pytest.raises(InvoerFout):
        opslag.zet_weging(dossier.id, gemeente.id, fout)
    assert opslag.wegingen(dossier.id) == voor
    goed = dict(zip(ids, punten, strict=True))
    if sum(goed.values()) == 0:
        with pytest.raises(InvoerFout, match="Alle punten staan op 0"):
            opslag.zet_weging(dossier.id, gemeente.id, goed)
        assert opslag.wegingen(dossier.id) == voor
    else:
        opslag.zet_weging(dossier.id, gemeente.id, goed)
        assert opslag.wegingen(dossier.id)[gemeente.id] == {k: float(v) for k, v in goed.items()}


def test_weging_met_een_partij_of_criterium_van_een_ander_dossier_wordt_geweigerd(opslag):
    dossier, (gemeente, _), criteria = _klaar_om_te_scoren(opslag, "Eigen")
    _, (vreemde_partij, _), vreemde_criteria = _klaar_om_te_scoren(opslag, "Ander")
    voor = opslag.wegingen(dossier.id)
    with pytest.raises(InvoerFout, match="partij bestaat niet"):
        opslag.zet_weging(dossier.id, vreemde_partij.id, {criteria[0].id: 10})
    with pytest.raises(InvoerFout, match="criterium bestaat niet"):
        opslag.zet_weging(dossier.id, gemeente.id, {vreemde_criteria[0].id: 10})
    with pytest.raises(InvoerFout, match="minstens één criterium"):
        opslag.zet_weging(dossier.id, gemeente.id, {})
    with pytest.raises(InvoerFout, match="nog niet ingevuld: Kosten voor de bewoner, CO2-reductie"):
        opslag.zet_weging(dossier.id, gemeente.id, {criteria[0].id: 100})
    assert opslag.wegingen(dossier.id) == voor


# -- fixing the weights ---------------------------------------------------------------------------
def test_vastzetten_bewaart_de_gewichten_met_een_besluit_in_het_log(opslag):
    dossier, (gemeente, corporatie), (k1, k2, k3) = _klaar_om_te_scoren(opslag)
    assert opslag.vastzetting(dossier.id) is None
    vast = opslag.zet_weging_vast(dossier.id, {k1.id: 35, k2.id: 50, k3.id: 15}, "Gemeente, Corporatie",
                                  "Gemiddelde van beide partijen")
    assert vast.actief and vast.vastgezet.tzinfo is not None
    assert vast.gewichten == pytest.approx({k1.id: 0.35, k2.id: 0.5, k3.id: 0.15})
    assert vast.punten[corporatie.id] == {k1.id: 20.0, k2.id: 70.0, k3.id: 10.0}
    assert vast.per_partij[gemeente.id] == pytest.approx({k1.id: 0.5, k2.id: 0.3, k3.id: 0.2})
    assert vast.criteria == {k1.id: "Nationale kosten", k2.id: "Kosten voor de bewoner", k3.id: "CO2-reductie"}
    assert vast.partijen == {gemeente.id: "Gemeente", corporatie.id: "Corporatie"}

    [besluit] = opslag.besluiten(dossier.id)
    assert besluit.id == vast.besluit_id and besluit.soort == "automatisch"
    assert besluit.knooppunt_id == "f3-criteria-en-weging"
    assert besluit.wat == "Weging vastgezet: Nationale kosten 35%, Kosten voor de bewoner 50%, CO2-reductie 15%"
    assert (besluit.aanwezig, besluit.onderbouwing) == ("Gemeente, Corporatie", "Gemiddelde van beide partijen")

    with pytest.raises(InvoerFout, match="al vastgezet"):
        _zet_vast(opslag, dossier.id, (k1, k2, k3))
    assert len(opslag.besluiten(dossier.id)) == 1


def test_vastzetten_en_besluit_zijn_een_transactie(opslag, monkeypatch):
    """A failure after the log entry is written, inside the same transaction: neither is saved."""
    dossier, _, criteria = _klaar_om_te_scoren(opslag)

    def storing(*_args, **_kwargs):
        raise RuntimeError("de verbinding valt weg")

    monkeypatch.setattr(opslag, "_bewaar_vastzetting", storing)
    with pytest.raises(RuntimeError):
        _zet_vast(opslag, dossier.id, criteria)
    assert opslag.besluiten(dossier.id) == []
    assert opslag.vastzetting(dossier.id) is None and opslag.vastzettingen(dossier.id) == []


@pytest.mark.parametrize("gewichten, melding", [
    (lambda k: {}, "geen gewichten"),
    (lambda k: "kosten", "geen gewichten"),
    (lambda k: {"k": 1}, "criterium bestaat niet"),
    (lambda k: {k[0]: -1, k[1]: 1, k[2]: 1}, "getal van 0 of meer"),
    (lambda k: {k[0]: math.nan, k[1]: 1, k[2]: 1}, "getal van 0 of meer"),
    (lambda k: dict.fromkeys(k, 0), "Alle gewichten zijn 0"),
    (lambda k: {k[0]: 1, k[1]: 1}, "passen niet"),
])
def test_gewichten_die_niet_kloppen_worden_niet_vastgezet(opslag, gewichten, melding):
    dossier, _, criteria = _klaar_om_te_scoren(opslag)
    with pytest.raises(InvoerFout, match=melding):
        opslag.zet_weging_vast(dossier.id, gewichten([c.id for c in criteria]), "Kernteam", "Omdat")
    assert opslag.vastzetting(dossier.id) is None and opslag.besluiten(dossier.id) == []


def test_zonder_onderbouwing_wordt_niets_vastgezet(opslag):
    dossier, _, criteria = _klaar_om_te_scoren(opslag)
    with pytest.raises(InvoerFout, match="onderbouwing is verplicht"):
        _zet_vast(opslag, dossier.id, criteria, onderbouwing="")
    assert opslag.vastzetting(dossier.id) is None and opslag.besluiten(dossier.id) == []


def test_criteria_en_punten_liggen_vast_zolang_de_weging_vastgezet_is(opslag):
    dossier, (gemeente, corporatie), criteria = _klaar_om_te_scoren(opslag)
    k1 = criteria[0]
    _zet_vast(opslag, dossier.id, criteria)
    voor = (opslag.criteria(dossier.id), opslag.wegingen(dossier.id))
    pogingen = [
        lambda: opslag.zet_weging(dossier.id, gemeente.id, {c.id: 10 for c in criteria}),
        lambda: opslag.wis_weging(dossier.id, corporatie.id),
        lambda: opslag.voeg_criterium_toe(dossier.id, "Overlast"),
        lambda: opslag.wijzig_criterium(dossier.id, k1.id, "Kosten", "", k1.versie),
        lambda: opslag.verwijder_criterium(dossier.id, k1.id),
        lambda: opslag.zet_standaardcriteria(dossier.id, [("Iets", "")]),
    ]
    for poging in pogingen:
        with pytest.raises(InvoerFout, match="De weging is vastgezet; trek haar eerst in"):
            poging()
    assert (opslag.criteria(dossier.id), opslag.wegingen(dossier.id)) == voor


def test_intrekken_staat_in_het_log_en_de_geschiedenis_blijft(opslag):
    dossier, (gemeente, _), criteria = _klaar_om_te_scoren(opslag)
    with pytest.raises(InvoerFout, match="niet vastgezet"):
        opslag.trek_vastzetting_in(dossier.id, "Omdat", "")
    eerste = _zet_vast(opslag, dossier.id, criteria)
    with pytest.raises(InvoerFout, match="reden om de weging in te trekken is verplicht"):
        opslag.trek_vastzetting_in(dossier.id, "", "Kernteam")
    ingetrokken = opslag.trek_vastzetting_in(dossier.id, "Bewoners vroegen om een criterium overlast", "Kernteam")
    assert not ingetrokken.actief and ingetrokken.id == eerste.id
    assert opslag.vastzetting(dossier.id) is None

    # criteria and weights can change again; the change and the new fixing are visible
    overlast = opslag.voeg_criterium_toe(dossier.id, "Overlast")
    assert overlast.id not in opslag.wegingen(dossier.id)[gemeente.id]  # 'onbekend' until given
    opslag.zet_weging(dossier.id, gemeente.id, {overlast.id: 30, criteria[0].id: 70, criteria[1].id: 0,
                                                criteria[2].id: 0})
    tweede = _zet_vast(opslag, dossier.id, [*criteria, overlast])
    assert [v.id for v in opslag.vastzettingen(dossier.id)] == [eerste.id, tweede.id]
    assert [v.actief for v in opslag.vastzettingen(dossier.id)] == [False, True]
    assert overlast.id not in eerste.gewichten and overlast.id in tweede.gewichten

    log = opslag.besluiten(dossier.id)
    assert [b.wat.split(":")[0] for b in log] == [
        "Weging vastgezet", f"Vastgezette weging van {eerste.vastgezet.astimezone():%d-%m-%Y} ingetrokken",
        "Weging vastgezet",
    ]
    assert log[1].id == ingetrokken.intrekking_besluit_id
    assert log[1].onderbouwing == "Bewoners vroegen om een criterium overlast"


def test_database_staat_maar_een_actieve_vastzetting_per_dossier_toe(opslag):
    dossier, _, criteria = _klaar_om_te_scoren(opslag)
    vast = _zet_vast(opslag, dossier.id, criteria)
    with pytest.raises(Exception, match=r"(?i)unique|duplicate"), opslag.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO weging_vastzetting (dossier_id, vastgezet, gewichten, besluit_id) "
            "VALUES (:d, :m, '{}', :b)"), {"d": dossier.id, "m": datetime.now(timezone.utc), "b": vast.besluit_id})


# -- strategies, scores and the choice ------------------------------------------------------------
def test_strategieen_met_versies_en_een_maximum(opslag, opslag_url):
    dossier = opslag.maak_dossier("Wijk")
    kans = opslag.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Riool vervangen", "natuurlijk-moment"))
    eerste = opslag.voeg_strategie_toe(dossier.id, StrategieInvoer(
        "Warmtenet met riool", "S2", (kans.id, kans.id), "Eerst de Merelbuurt (2028), dan de rest"))
    assert eerste.koppelkansen == (kans.id,) and eerste.warmtestrategie == "S2"
    gewijzigd = opslag.wijzig_strategie(dossier.id, eerste.id, StrategieInvoer(
        "Warmtenet met riool", "S3", (kans.id,), "In één keer"), eerste.versie)
    assert (gewijzigd.warmtestrategie, gewijzigd.versie) == ("S3", 2)
    with pytest.raises(GelijktijdigGewijzigd):
        opslag.wijzig_strategie(dossier.id, eerste.id, eerste.als_invoer(), eerste.versie)
    with pytest.raises(InvoerFout, match="al een strategie met de naam"):
        opslag.voeg_strategie_toe(dossier.id, StrategieInvoer("warmtenet  MET riool", "S1"))
    for i in range(2, MAX_STRATEGIEEN + 1):
        opslag.voeg_strategie_toe(dossier.id, StrategieInvoer(f"Strategie {i}", f"S{(i % 5) + 1}"))
    with pytest.raises(InvoerFout, match=f"hoogstens {MAX_STRATEGIEEN} strategieën"):
        opslag.voeg_strategie_toe(dossier.id, StrategieInvoer("Nummer zeven", "S1"))
    heropend = DossierStore(opslag_url, voorbeeld=False).strategieen(dossier.id)
    assert len(heropend) == MAX_STRATEGIEEN and heropend[0] == gewijzigd


@pytest.mark.parametrize("invoer, melding", [
    (StrategieInvoer("", "S1"), "naam van de strategie is verplicht"),
    (StrategieInvoer("Iets", "S6"), "S1 tot en met S5"),
    (StrategieInvoer("Iets", "s1"), "S1 tot en met S5"),
    (StrategieInvoer("Iets", "S1", ("3",)), "koppelkansen uit het register"),
    (StrategieInvoer("Iets", "S1", (10**6,)), "staat niet \\(meer\\) in het register"),
])
def test_onjuiste_strategie_wordt_geweigerd(opslag, invoer, melding):
    dossier = opslag.maak_dossier("Wijk")
    with pytest.raises(InvoerFout, match=melding):
        opslag.voeg_strategie_toe(dossier.id, invoer)
    assert opslag.strategieen(dossier.id) == []


def test_koppelkans_van_een_ander_dossier_hoort_niet_in_een_strategie(opslag):
    eigen, ander = opslag.maak_dossier("Eigen"), opslag.maak_dossier("Ander")
    vreemd = opslag.voeg_koppelkans_toe(ander.id, KoppelkansInvoer("Vreemde kans"))
    with pytest.raises(InvoerFout, match="register van dit dossier"):
        opslag.voeg_strategie_toe(eigen.id, StrategieInvoer("Iets", "S1", (vreemd.id,)))


def test_scoren_kan_pas_als_de_weging_vastgezet_is(opslag):
    dossier, _, (k1, k2, _k3) = _klaar_om_te_scoren(opslag)
    strategie = opslag.voeg_strategie_toe(dossier.id, StrategieInvoer("All-electric", "S1"))
    with pytest.raises(InvoerFout, match="Zet eerst de weging vast"):
        opslag.zet_score(dossier.id, strategie.id, k1.id, 4)
    assert opslag.scores(dossier.id) == {}
    _zet_vast(opslag, dossier.id, opslag.criteria(dossier.id))
    opslag.zet_score(dossier.id, strategie.id, k1.id, 4, "Goedkoopst volgens de Startanalyse")
    opslag.zet_score(dossier.id, strategie.id, k2.id, 2)
    opslag.zet_score(dossier.id, strategie.id, k2.id, 3)  # a second score replaces the first
    assert opslag.scores(dossier.id) == {strategie.id: {k1.id: (4, "Goedkoopst volgens de Startanalyse"),
                                                        k2.id: (3, "")}}
    opslag.zet_score(dossier.id, strategie.id, k2.id, None)
    assert opslag.scores(dossier.id) == {strategie.id: {k1.id: (4, "Goedkoopst volgens de Startanalyse")}}
    # withdrawing the weights stops scoring again, the scores stay
    opslag.trek_vastzetting_in(dossier.id, "Nieuw criterium", "Kernteam")
    with pytest.raises(InvoerFout, match="Zet eerst de weging vast"):
        opslag.zet_score(dossier.id, strategie.id, k2.id, 5)
    assert opslag.scores(dossier.id)[strategie.id] == {k1.id: (4, "Goedkoopst volgens de Startanalyse")}


@pytest.mark.parametrize("score", [0, 6, -1, 3.5, True, "4"])
def test_score_buiten_de_schaal_wordt_geweigerd(opslag, score):
    dossier, _, criteria = _klaar_om_te_scoren(opslag)
    strategie = opslag.voeg_strategie_toe(dossier.id, StrategieInvoer("Hybride", "S4"))
    _zet_vast(opslag, dossier.id, criteria)
    with pytest.raises(InvoerFout, match="geheel getal van 1 tot en met 5"):
        opslag.zet_score(dossier.id, strategie.id, criteria[0].id, score)
    assert opslag.scores(dossier.id) == {}


def test_score_voor_een_strategie_of_criterium_van_een_ander_dossier(opslag):
    dossier, _, criteria = _klaar_om_te_scoren(opslag, "Eigen")
    ander, _, andere_criteria = _klaar_om_te_scoren(opslag, "Ander")
    eigen = opslag.voeg_strategie_toe(dossier.id, StrategieInvoer("Eigen", "S1"))
    vreemd = opslag.voeg_strategie_toe(ander.id, StrategieInvoer("Vreemd", "S1"))
    _zet_vast(opslag, dossier.id, criteria)
    with pytest.raises(InvoerFout, match="strategie bestaat niet"):
        opslag.zet_score(dossier.id, vreemd.id, criteria[0].id, 3)
    with pytest.raises(InvoerFout, match="criterium bestaat niet"):
        opslag.zet_score(dossier.id, eigen.id, andere_criteria[0].id, 3)
    assert opslag.scores(dossier.id) == {} and opslag.scores(ander.id) == {}


def test_de_database_zelf_weigert_een_score_buiten_de_schaal(opslag):
    dossier, _, criteria = _klaar_om_te_scoren(opslag)
    strategie = opslag.voeg_strategie_toe(dossier.id, StrategieInvoer("Hybride", "S4"))
    with pytest.raises(Exception, match=r"(?i)check"), opslag.engine.begin() as conn:
        conn.execute(text("INSERT INTO strategie_score VALUES (:s, :c, 9, '', :m)"),
                     {"s": strategie.id, "c": criteria[0].id, "m": datetime.now(timezone.utc)})


def test_kiezen_vraagt_een_score_op_elk_criterium_en_komt_in_het_log(opslag, opslag_url):
    dossier, _, criteria = _klaar_om_te_scoren(opslag)
    warmtenet = opslag.voeg_strategie_toe(dossier.id, StrategieInvoer("Warmtenet", "S2"))
    hybride = opslag.voeg_strategie_toe(dossier.id, StrategieInvoer("Hybride", "S4"))
    with pytest.raises(InvoerFout, match="Zet eerst de weging vast"):
        opslag.kies_strategie(dossier.id, warmtenet.id, "Beste", "Kernteam")
    _zet_vast(opslag, dossier.id, criteria)
    opslag.zet_score(dossier.id, warmtenet.id, criteria[0].id, 4)
    with pytest.raises(InvoerFout, match="'Warmtenet' heeft nog geen score op: Kosten voor de bewoner, CO2-reductie"):
        opslag.kies_strategie(dossier.id, warmtenet.id, "Beste", "Kernteam")
    assert opslag.keuze(dossier.id) is None and len(opslag.besluiten(dossier.id)) == 1

    for strategie in (warmtenet, hybride):
        for criterium in criteria:
            opslag.zet_score(dossier.id, strategie.id, criterium.id, 3)
    with pytest.raises(InvoerFout, match="onderbouwing van de keuze is verplicht"):
        opslag.kies_strategie(dossier.id, warmtenet.id, "", "Kernteam")
    keuze = opslag.kies_strategie(dossier.id, warmtenet.id, "Hoogste gewogen score en restwarmte dichtbij",
                                  "Gemeente, Corporatie", "Corporatie vreest hogere huren")
    assert (keuze.strategie_id, keuze.naam) == (warmtenet.id, "Warmtenet")
    besluit = opslag.besluiten(dossier.id)[-1]
    assert besluit.id == keuze.besluit_id and besluit.knooppunt_id == "f4-energiesysteem-vastleggen"
    assert besluit.wat == "Strategie gekozen: Warmtenet (S2 Warmtenet met midden- tot hogetemperatuurbron)"
    assert besluit.afwijkend == "Corporatie vreest hogere huren"

    with pytest.raises(InvoerFout, match="gekozen strategie en kan niet worden verwijderd"):
        opslag.verwijder_strategie(dossier.id, warmtenet.id)
    opslag.kies_strategie(dossier.id, hybride.id, "Na inspraak toch hybride", "Raad")
    assert DossierStore(opslag_url, voorbeeld=False).keuze(dossier.id).naam == "Hybride"
    assert [b.wat.split(" (")[0] for b in opslag.besluiten(dossier.id)[-2:]] == [
        "Strategie gekozen: Warmtenet", "Strategie gekozen: Hybride"]
    opslag.verwijder_strategie(dossier.id, warmtenet.id)  # no longer the chosen one
    assert [s.naam for s in opslag.strategieen(dossier.id)] == ["Hybride"]
    assert warmtenet.id not in opslag.scores(dossier.id)


def test_criterium_verwijderen_neemt_punten_en_scores_mee(opslag):
    dossier, (gemeente, _), (k1, k2, k3) = _klaar_om_te_scoren(opslag)
    strategie = opslag.voeg_strategie_toe(dossier.id, StrategieInvoer("Hybride", "S4"))
    _zet_vast(opslag, dossier.id, (k1, k2, k3))
    opslag.zet_score(dossier.id, strategie.id, k3.id, 5)
    opslag.zet_score(dossier.id, strategie.id, k1.id, 2)
    opslag.trek_vastzetting_in(dossier.id, "CO2 telt niet apart", "Kernteam")
    opslag.verwijder_criterium(dossier.id, k3.id)
    assert opslag.scores(dossier.id) == {strategie.id: {k1.id: (2, "")}}
    assert k3.id not in opslag.wegingen(dossier.id)[gemeente.id]
    # the withdrawn snapshot still names the removed criterion
    assert opslag.vastzettingen(dossier.id)[0].criteria[k3.id] == "CO2-reductie"


# -- whole dossier --------------------------------------------------------------------------------
def test_dossier_verwijderen_verwijdert_alles_van_fase_3_en_4(opslag):
    dossier, _, criteria = _klaar_om_te_scoren(opslag, "Weg")
    blijft, _, _ = _klaar_om_te_scoren(opslag, "Blijft")
    kans = opslag.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Buurthuis"))
    strategie = opslag.voeg_strategie_toe(dossier.id, StrategieInvoer("Warmtenet", "S2", (kans.id,)))
    _zet_vast(opslag, dossier.id, criteria)
    for criterium in criteria:
        opslag.zet_score(dossier.id, strategie.id, criterium.id, 4)
    keuze = opslag.kies_strategie(dossier.id, strategie.id, "Beste", "Kernteam")
    opslag.leg_besluit_vast(dossier.id, "Correctie", "", "Omdat", corrigeert=keuze.besluit_id)
    opslag.leg_besluit_vast(blijft.id, "Blijft staan", "", "Omdat")
    assert all(_tel(opslag, t, dossier.id) for t in NIEUWE_TABELLEN)

    opslag.verwijder_dossier(dossier.id)
    assert {t: _tel(opslag, t, dossier.id) for t in NIEUWE_TABELLEN} == dict.fromkeys(NIEUWE_TABELLEN, 0)
    assert [b.wat for b in opslag.besluiten(blijft.id)] == ["Blijft staan"]
    assert len(opslag.criteria(blijft.id)) == 3


def test_migratie_van_schema_0004_naar_0005_behoudt_gegevens(tmp_path):
    url = f"sqlite:///{tmp_path / 'oud.sqlite'}"
    oude_engine = _maak_engine(url)
    migreer_naar(oude_engine, "0004")
    moment = datetime(2026, 1, 15, tzinfo=timezone.utc)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO dossier (id, naam, wijk, gemeente, toelichting, is_voorbeeld, aangemaakt, gewijzigd) "
            "VALUES ('abcdefabcdef', 'Oude wijk', 'Oost', 'Delft', '', 0, :m, :m)"), {"m": moment})
        conn.execute(text(
            "INSERT INTO partij (dossier_id, naam, naam_sleutel, type, organisatie, contactrol, sporen, versie, "
            "aangemaakt, gewijzigd, ambitie) VALUES ('abcdefabcdef', 'Gemeente Delft', 'gemeente delft', "
            "'gemeente', '', '', 'C', 1, :m, :m, '')"), {"m": moment})
        conn.execute(text(
            "INSERT INTO planning_werk (dossier_id, omschrijving, eigenaar, soort, gebied, niveau, start_jaar, "
            "eind_jaar, zekerheid, toelichting, versie, aangemaakt, gewijzigd) VALUES ('abcdefabcdef', "
            "'Riool Merelstraat', 'Gemeente', 'riolering', 'Merelstraat', 'straat', 2028, 2029, 'gepland', '', "
            "2, :m, :m)"), {"m": moment})
        conn.execute(text("INSERT INTO meta VALUES ('voorbeeld', 'geplaatst')"))
    engine.dispose()
    oude_engine.dispose()

    store = DossierStore(url)
    assert store.schema_versie() == SCHEMA_VERSIE  # 0005 or any later schema
    assert [d.naam for d in store.dossiers()] == ["Oude wijk"]
    [partij] = store.partijen("abcdefabcdef")
    assert [(w.omschrijving, w.versie) for w in store.planning_werken("abcdefabcdef")] == [("Riool Merelstraat", 2)]
    # the new tables work, with the old party
    assert store.besluiten("abcdefabcdef") == [] and store.criteria("abcdefabcdef") == []
    [kosten] = store.zet_standaardcriteria("abcdefabcdef", [("Kosten", "")])
    store.zet_weging("abcdefabcdef", partij.id, {kosten.id: 100})
    store.zet_weging_vast("abcdefabcdef", {kosten.id: 1}, "Gemeente", "Eén criterium voor de test")
    assert [b.volgnummer for b in store.besluiten("abcdefabcdef")] == [1]
