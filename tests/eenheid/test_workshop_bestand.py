"""Invitation and answer files of a workshop without a shared server: what a participant or facilitator
downloads reads back exactly, and a damaged, foreign or hostile file gives a Dutch message naming the
file — never a traceback, never a partly read file."""

from __future__ import annotations

import contextlib
import json
import uuid
from datetime import datetime, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkkompas_widgets.dossier.model import InvoerFout
from wijkkompas_widgets.workshop.bestand import (
    MAX_BESTAND,
    MAX_RONDES,
    MAX_SLEUTELS,
    SOORT_ANTWOORDEN,
    SOORT_UITNODIGING,
    Antwoordbestand,
    DeelnemerGegevens,
    IngevuldeRonde,
    Uitnodiging,
    als_bytes,
    antwoord_gegevens,
    lees_antwoordbestand,
    lees_uitnodiging,
    maak_antwoordbestand,
    maak_uitnodiging,
    uitnodiging_gegevens,
)
from wijkkompas_widgets.workshop.model import Antwoorden, Deelnemer, Ronde, Sessie, Vraag

NU = datetime(2026, 3, 14, 9, 30, tzinfo=timezone.utc)
# Fixed ids: parametrised test ids must be the same in both xdist workers.
SESSIE = Sessie("5e5" + "0" * 29, "d" * 12, "Startbijeenkomst Bomenbuurt", "K7PQ2MXD", NU)
SCAN = Ronde("5ca" + "1" * 29, SESSIE.id, "scan", 1, "open", (
    Vraag("mot-01", "Alle partners kunnen uitleggen waarom.", "Motivatie", 1, 5, True),
    Vraag("mot-02", "We delen één ambitie.", "Motivatie", 1, 5, True),
))
WEGING = Ronde("3e9" + "2" * 29, SESSIE.id, "weging", 2, "klaar", (
    Vraag("c1", "Kosten voor bewoners", "", 0, 100, False, "1 = hoge kosten\n5 = lage kosten"),
    Vraag("c2", "CO₂-reductie", "", 0, 100, False, ""),
))
DEELNEMER = Deelnemer("dee" + "3" * 29, SESSIE.id, "Ans de Vries", "Woonstichting Thuis", "B", "ABC123", NU)


def _antwoordbestand() -> bytes:
    return maak_antwoordbestand(SESSIE, DEELNEMER, {
        SCAN.id: Antwoorden(SCAN.id, DEELNEMER.id, {"mot-01": 4, "mot-02": None}, NU),
        WEGING.id: Antwoorden(WEGING.id, DEELNEMER.id, {"c1": 70, "c2": 30}, None),
    })


def test_uitnodiging_leest_terug_wat_de_begeleider_klaarzette():
    data = maak_uitnodiging(SESSIE, [SCAN, WEGING])
    uitnodiging = lees_uitnodiging(data, "uitnodiging.json")
    assert (uitnodiging.sessie_id, uitnodiging.code, uitnodiging.naam) == (SESSIE.id, SESSIE.code, SESSIE.naam)
    assert [(r.id, r.oefening, r.volgorde, r.vragen) for r in uitnodiging.rondes] == [
        (SCAN.id, "scan", 1, SCAN.vragen), (WEGING.id, "weging", 2, WEGING.vragen)]
    assert uitnodiging.bestandsnaam == "uitnodiging.json"


def test_bestanden_zijn_leesbare_utf8_json_met_vaste_volgorde():
    data = maak_uitnodiging(SESSIE, [SCAN, WEGING])
    tekst = data.decode("utf-8")
    assert "CO₂-reductie" in tekst  # readable, not \\u escapes
    gegevens = json.loads(tekst)
    assert gegevens["soort"] == "wijkkompas-workshop-uitnodiging" and gegevens["versie"] == 1
    assert data == maak_uitnodiging(SESSIE, [SCAN, WEGING])  # same content, same bytes
    assert list(gegevens) == sorted(gegevens)


def test_antwoordbestand_leest_terug_met_weet_niet_en_indiening():
    bestand = lees_antwoordbestand(_antwoordbestand(), "ans.json")
    assert bestand.sessie_id == SESSIE.id and bestand.code == SESSIE.code
    assert bestand.deelnemer == DeelnemerGegevens(DEELNEMER.id, "Ans de Vries", "Woonstichting Thuis", "B")
    assert bestand.rondes[SCAN.id] == IngevuldeRonde({"mot-01": 4, "mot-02": None}, True)
    assert bestand.rondes[WEGING.id] == IngevuldeRonde({"c1": 70, "c2": 30}, False)
    assert bestand.bestandsnaam == "ans.json"


def test_gelezen_bestand_opnieuw_gemaakt_geeft_dezelfde_bytes():
    data = _antwoordbestand()
    bestand = lees_antwoordbestand(data)
    sessie = Sessie(bestand.sessie_id, "", "", bestand.code, NU)
    assert maak_antwoordbestand(sessie, bestand.deelnemer, bestand.rondes) == data
    uitnodiging = lees_uitnodiging(maak_uitnodiging(SESSIE, [SCAN]))
    assert als_bytes(uitnodiging_gegevens(
        Sessie(uitnodiging.sessie_id, "", uitnodiging.naam, uitnodiging.code, NU), uitnodiging.rondes,
    )) == maak_uitnodiging(SESSIE, [SCAN])


def test_het_andere_soort_bestand_wordt_herkend():
    with pytest.raises(InvoerFout, match=r"'ans\.json' is een antwoordbestand, geen uitnodiging"):
        lees_uitnodiging(_antwoordbestand(), "ans.json")
    with pytest.raises(InvoerFout, match="is een uitnodiging, geen antwoordbestand"):
        lees_antwoordbestand(maak_uitnodiging(SESSIE, [SCAN]), "uitnodiging.json")


def test_nieuwere_versie_krijgt_een_eigen_uitleg():
    gegevens = json.loads(_antwoordbestand())
    gegevens["versie"] = 2
    with pytest.raises(InvoerFout, match="nieuwere versie van het werkboek"):
        lees_antwoordbestand(json.dumps(gegevens).encode(), "nieuw.json")


def test_te_groot_bestand_wordt_geweigerd_voordat_het_gelezen_wordt():
    with pytest.raises(InvoerFout, match=r"'groot\.json' is te groot .*hoogstens 1 MB"):
        lees_antwoordbestand(b" " * (MAX_BESTAND + 1), "groot.json")


def _gewijzigd(pad: tuple, waarde) -> bytes:
    gegevens = json.loads(_antwoordbestand())
    doel = gegevens
    for stap in pad[:-1]:
        doel = doel[stap]
    if waarde is _WEG:
        del doel[pad[-1]]
    else:
        doel[pad[-1]] = waarde
    return json.dumps(gegevens).encode()


_WEG = object()


@pytest.mark.parametrize(("pad", "waarde", "melding"), [
    (("deelnemer", "id"), "123", "'deelnemer.id' is geen geldige id"),
    (("deelnemer", "id"), "G" * 32, "geen geldige id"),
    (("sessie", "code"), "K7PQ-2MX", "geen geldige deelnamecode"),
    (("deelnemer", "naam"), "   ", "'deelnemer.naam' is leeg"),
    (("deelnemer", "naam"), "x" * 81, "'deelnemer.naam' is te lang"),
    (("deelnemer", "naam"), 12, "'deelnemer.naam' is geen tekst"),
    (("deelnemer", "organisatie"), _WEG, "'deelnemer.organisatie' ontbreekt"),
    (("deelnemer", "naam"), "Ans\u0000", "onzichtbare stuurtekens"),
    (("deelnemer", "spoor"), "G", "geen bekend spoor"),
    (("sessie",), [], "'sessie' ontbreekt of heeft de verkeerde vorm"),
    (("rondes",), [], "'rondes' ontbreekt"),
    (("versie",), "1", "de versie ontbreekt of is onbekend"),
    (("versie",), True, "de versie ontbreekt of is onbekend"),
])
def test_elk_veld_wordt_gecontroleerd(pad, waarde, melding):
    with pytest.raises(InvoerFout, match=melding) as fout:
        lees_antwoordbestand(_gewijzigd(pad, waarde), "ans.json")
    assert str(fout.value).startswith("Het bestand 'ans.json' ")


@pytest.mark.parametrize(("waarde", "melding"), [
    (True, "geheel getal"), (3.5, "geheel getal"), ("4", "geheel getal"), (1001, "geheel getal"), ([1], "geheel"),
])
def test_waarden_zijn_gehele_getallen_of_weet_niet(waarde, melding):
    gegevens = json.loads(_antwoordbestand())
    gegevens["rondes"][SCAN.id]["waarden"]["mot-01"] = waarde
    with pytest.raises(InvoerFout, match=melding):
        lees_antwoordbestand(json.dumps(gegevens).encode())


def test_te_veel_rondes_of_antwoorden_worden_geweigerd():
    gegevens = json.loads(_antwoordbestand())
    ronde = gegevens["rondes"][SCAN.id]
    gegevens["rondes"] = {uuid.uuid4().hex: ronde for _ in range(MAX_RONDES + 1)}
    with pytest.raises(InvoerFout, match="hoogstens 10"):
        lees_antwoordbestand(json.dumps(gegevens).encode())
    gegevens["rondes"] = {SCAN.id: {"waarden": {f"s{i}": 1 for i in range(MAX_SLEUTELS + 1)}, "ingediend": True}}
    with pytest.raises(InvoerFout, match="hoogstens 500"):
        lees_antwoordbestand(json.dumps(gegevens).encode())


def test_dubbele_sleutel_nan_en_diepe_nesting_geven_een_nette_melding():
    data = _antwoordbestand().replace(b'"mot-01": 4', b'"mot-01": 4, "mot-01": 5')
    with pytest.raises(InvoerFout, match="twee keer"):
        lees_antwoordbestand(data, "dubbel.json")
    with pytest.raises(InvoerFout, match="geen geldige JSON"):
        lees_antwoordbestand(_antwoordbestand().replace(b'"mot-01": 4', b'"mot-01": NaN'))
    with pytest.raises(InvoerFout, match="geen geldige JSON"):
        lees_antwoordbestand(b"[" * 200_000 + b"]" * 200_000)


@pytest.mark.parametrize(("veld", "waarde", "melding"), [
    ("oefening", "quiz", "onbekende oefening"),
    ("vragen", [], "heeft geen vragen"),
    ("id", SCAN.id.upper(), "geen geldige id"),
])
def test_uitnodiging_controleert_de_rondes(veld, waarde, melding):
    gegevens = json.loads(maak_uitnodiging(SESSIE, [SCAN]))
    gegevens["rondes"][0][veld] = waarde
    with pytest.raises(InvoerFout, match=melding):
        lees_uitnodiging(json.dumps(gegevens).encode(), "uitnodiging.json")


def test_uitnodiging_weigert_dubbele_rondes_en_vragen_en_een_omgekeerd_bereik():
    gegevens = json.loads(maak_uitnodiging(SESSIE, [SCAN]))
    gegevens["rondes"].append(gegevens["rondes"][0])
    with pytest.raises(InvoerFout, match="dezelfde id als een eerdere ronde"):
        lees_uitnodiging(json.dumps(gegevens).encode())
    gegevens = json.loads(maak_uitnodiging(SESSIE, [SCAN]))
    gegevens["rondes"][0]["vragen"][1]["sleutel"] = "mot-01"
    with pytest.raises(InvoerFout, match="dezelfde sleutel"):
        lees_uitnodiging(json.dumps(gegevens).encode())
    gegevens = json.loads(maak_uitnodiging(SESSIE, [SCAN]))
    gegevens["rondes"][0]["vragen"][0]["minimum"] = 6
    with pytest.raises(InvoerFout, match="minimum groter dan het maximum"):
        lees_uitnodiging(json.dumps(gegevens).encode())


def test_een_bestand_dat_niet_terug_te_lezen_is_wordt_niet_gemaakt():
    te_lang = Deelnemer(DEELNEMER.id, SESSIE.id, "x" * 200, "Org", "", "ABC123", NU)
    with pytest.raises(InvoerFout, match="te lang"):
        maak_antwoordbestand(SESSIE, te_lang, {})


def test_een_upload_als_memoryview_wordt_gelezen():
    """ipywidgets' FileUpload hands over a memoryview, not bytes."""
    assert lees_antwoordbestand(memoryview(_antwoordbestand())).deelnemer.naam == "Ans de Vries"
    with pytest.raises(InvoerFout, match="geen bestand"):
        lees_antwoordbestand("tekst in plaats van bytes")  # type: ignore[arg-type]


# -- properties ----------------------------------------------------------------------------------
_tekst = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=30)
_naam = _tekst.filter(lambda t: t.strip())
_id = st.uuids().map(lambda u: u.hex)
_waarde = st.one_of(st.none(), st.integers(-1000, 1000))


@settings(max_examples=80, deadline=None)
@given(
    naam=_naam, organisatie=_naam, spoor=st.sampled_from(["", "A", "F"]),
    rondes=st.dictionaries(_id, st.tuples(st.dictionaries(_naam, _waarde, max_size=8), st.booleans()), max_size=4),
)
def test_maken_en_lezen_van_een_antwoordbestand_geeft_hetzelfde(naam, organisatie, spoor, rondes):
    sessie = Sessie(uuid.uuid4().hex, "d" * 12, "S", "ABCDEFGH", NU)
    deelnemer = DeelnemerGegevens(uuid.uuid4().hex, naam, organisatie, spoor)
    per_ronde = {rid: IngevuldeRonde(dict(waarden), ingediend) for rid, (waarden, ingediend) in rondes.items()}
    data = maak_antwoordbestand(sessie, deelnemer, per_ronde)
    assert lees_antwoordbestand(data) == Antwoordbestand(sessie.id, sessie.code, deelnemer, per_ronde)


@settings(max_examples=60, deadline=None)
@given(vragen=st.lists(st.builds(
    Vraag, sleutel=_naam, label=_naam, groep=_tekst, minimum=st.integers(-5, 0), maximum=st.integers(1, 100),
    weet_niet=st.booleans(), toelichting=_tekst,
), min_size=1, max_size=6, unique_by=lambda v: v.sleutel), oefening=st.sampled_from(["scan", "weging"]))
def test_maken_en_lezen_van_een_uitnodiging_geeft_hetzelfde(vragen, oefening):
    ronde = Ronde(uuid.uuid4().hex, SESSIE.id, oefening, 3, "open", tuple(vragen))
    uitnodiging = lees_uitnodiging(maak_uitnodiging(SESSIE, [ronde]))
    assert uitnodiging == Uitnodiging(SESSIE.id, SESSIE.code, SESSIE.naam, (
        type(uitnodiging.rondes[0])(ronde.id, oefening, 3, tuple(vragen)),))


def _ruwe_json():
    blad = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=10))
    return st.recursive(blad, lambda kind: st.one_of(
        st.lists(kind, max_size=4), st.dictionaries(st.text(max_size=8), kind, max_size=4)), max_leaves=20)


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=300))
def test_willekeurige_bytes_geven_alleen_invoerfout(data):
    for lees in (lees_uitnodiging, lees_antwoordbestand):
        try:
            lees(data, "x.json")
        except InvoerFout as fout:
            assert "'x.json'" in str(fout)


@settings(max_examples=150, deadline=None)
@given(inhoud=_ruwe_json(), soort=st.sampled_from([SOORT_UITNODIGING, SOORT_ANTWOORDEN]))
def test_willekeurige_json_met_de_juiste_soort_geeft_alleen_invoerfout(inhoud, soort):
    """Past the first checks (kind, version) a hostile file still only ever gives an InvoerFout."""
    gegevens = {"soort": soort, "versie": 1, "sessie": inhoud, "deelnemer": inhoud, "rondes": inhoud}
    data = json.dumps(gegevens).encode()
    for lees in (lees_uitnodiging, lees_antwoordbestand):
        with contextlib.suppress(InvoerFout):
            lees(data, "x.json")


@settings(max_examples=100, deadline=None)
@given(pad=st.sampled_from([("sessie",), ("deelnemer",), ("deelnemer", "naam"), ("sessie", "id"), ("rondes",)]),
       waarde=_ruwe_json())
def test_een_beschadigd_veld_geeft_alleen_invoerfout(pad, waarde):
    try:
        lees_antwoordbestand(_gewijzigd(pad, waarde), "x.json")
    except InvoerFout as fout:
        assert "'x.json'" in str(fout)


def test_antwoord_gegevens_neemt_ingediend_over_van_antwoorden():
    gegevens = antwoord_gegevens(SESSIE, DEELNEMER, {
        SCAN.id: Antwoorden(SCAN.id, DEELNEMER.id, {"mot-01": 2}, NU),
        WEGING.id: Antwoorden(WEGING.id, DEELNEMER.id, {}, None),
    })
    assert gegevens["rondes"][SCAN.id] == {"waarden": {"mot-01": 2}, "ingediend": True}
    assert gegevens["rondes"][WEGING.id]["ingediend"] is False
