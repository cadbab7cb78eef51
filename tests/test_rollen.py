"""Rollen en verwachtingen: store (tasks and roles), analysis (flags, capacity), chart and widget."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wijkkompas_widgets.analysis.rollen import (
    belasting_per_partij,
    signalen,
    sporen_zonder_bezetting,
    taken_met_meerdere_trekkers,
    taken_zonder_trekker,
    uren_tekst,
)
from wijkkompas_widgets.charts import figuur_naar_png
from wijkkompas_widgets.charts.rollen import BOVEN_TEKST, rollen_figuur
from wijkkompas_widgets.content import SPOOR_LETTERS
from wijkkompas_widgets.dossier import DossierStore, InvoerFout, OnbekendDossier, Partij, PartijInvoer
from wijkkompas_widgets.dossier.rollen import Rol, Taak, lees_uren
from wijkkompas_widgets.werkboek import open_werkboek

# Store tests run on SQLite and on PostgreSQL (see tests/conftest.py).
pytestmark = pytest.mark.beide_backends


def zichtbaar(html_tekst: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", html_tekst))


@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Testwijk", "Noord", "Delft")


@pytest.fixture
def twee_partijen(lege_store, dossier):
    gemeente = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente", sporen=("C",)))
    corporatie = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Corporatie", "woningcorporatie"))
    return gemeente, corporatie


# -- store ------------------------------------------------------------------------------------
def test_taken_en_rollen_komen_terug_na_heropenen(lege_store, store_url, dossier, twee_partijen):
    gemeente, corporatie = twee_partijen
    taak = lege_store.voeg_taak_toe(dossier.id, "  Contact met   scholen ", "A", "Scholen in de wijk betrekken")
    assert taak.naam == "Contact met scholen"
    lege_store.zet_rol(dossier.id, taak.id, gemeente.id, "trekker", 12.5)
    lege_store.zet_rol(dossier.id, taak.id, corporatie.id, "geinformeerd", 0)
    lege_store.zet_capaciteit(dossier.id, gemeente.id, 40)

    heropend = DossierStore(store_url, voorbeeld=False)
    assert heropend.taken(dossier.id) == [Taak(taak.id, "Contact met scholen", "A", "Scholen in de wijk betrekken")]
    assert heropend.rollen(dossier.id) == [
        Rol(taak.id, gemeente.id, "trekker", 12.5), Rol(taak.id, corporatie.id, "geinformeerd", 0.0)
    ]
    assert heropend.partijen(dossier.id)[0].capaciteit_uren == 40


def test_rol_wijzigen_en_weghalen(lege_store, dossier, twee_partijen):
    gemeente, _ = twee_partijen
    taak = lege_store.voeg_taak_toe(dossier.id, "Planning", "C")
    lege_store.zet_rol(dossier.id, taak.id, gemeente.id, "meedenker", 4)
    assert lege_store.zet_rol(dossier.id, taak.id, gemeente.id, "trekker", 8) == Rol(taak.id, gemeente.id, "trekker", 8)
    assert lege_store.rollen(dossier.id) == [Rol(taak.id, gemeente.id, "trekker", 8.0)]
    assert lege_store.zet_rol(dossier.id, taak.id, gemeente.id, None, 8) is None
    assert lege_store.rollen(dossier.id) == []


@pytest.mark.parametrize(
    ("naam", "spoor", "melding"),
    [
        ("", "A", "De naam van de taak is verplicht."),
        ("Taak", "G", "Kies bij de taak een spoor van A tot en met F."),
        ("Taak", None, "Kies bij de taak een spoor"),
        ("x" * 121, "A", "te lang (121 tekens)"),
        ("planning  EN overleg", "B", "Er staat al een taak met de naam 'planning EN overleg'"),
    ],
)
def test_onbruikbare_taak_wordt_geweigerd_en_er_verandert_niets(lege_store, dossier, naam, spoor, melding):
    lege_store.voeg_taak_toe(dossier.id, "Planning en overleg", "C")
    voor = lege_store.dossier(dossier.id).gewijzigd
    with pytest.raises(InvoerFout, match=re.escape(melding)):
        lege_store.voeg_taak_toe(dossier.id, naam, spoor)
    assert [t.naam for t in lege_store.taken(dossier.id)] == ["Planning en overleg"]
    assert lege_store.dossier(dossier.id).gewijzigd == voor


def test_dezelfde_taaknaam_mag_in_een_ander_dossier(lege_store, dossier):
    ander = lege_store.maak_dossier("Ander")
    lege_store.voeg_taak_toe(dossier.id, "Planning", "C")
    lege_store.voeg_taak_toe(ander.id, "planning", "C")
    assert len(lege_store.taken(ander.id)) == 1


def test_taak_wijzigen_en_dubbele_naam_weigeren(lege_store, dossier):
    eerste = lege_store.voeg_taak_toe(dossier.id, "Planning", "C")
    tweede = lege_store.voeg_taak_toe(dossier.id, "Data", "A")
    lege_store.wijzig_taak(dossier.id, tweede.id, "Wijkdata", "F", "Cijfers verzamelen")
    with pytest.raises(InvoerFout, match="Er staat al een taak met de naam 'PLANNING'"):
        lege_store.wijzig_taak(dossier.id, tweede.id, "PLANNING", "F")
    assert lege_store.taken(dossier.id) == [
        eerste, Taak(tweede.id, "Wijkdata", "F", "Cijfers verzamelen")
    ]


@pytest.mark.parametrize(
    ("rol", "uren", "melding"),
    [
        ("baas", 4, "Kies als rol trekker, meedenker of geïnformeerd"),
        ("trekker", -1, "tussen 0 en 744 uur per maand"),
        ("trekker", 745, "tussen 0 en 744 uur per maand"),
        ("trekker", float("nan"), "moet een aantal uren zijn"),
        ("trekker", "8", "moet een aantal uren zijn"),
        ("trekker", True, "moet een aantal uren zijn"),
    ],
)
def test_onbruikbare_rol_wordt_geweigerd_en_er_verandert_niets(lege_store, dossier, twee_partijen, rol, uren,
                                                                melding):
    gemeente, _ = twee_partijen
    taak = lege_store.voeg_taak_toe(dossier.id, "Planning", "C")
    lege_store.zet_rol(dossier.id, taak.id, gemeente.id, "meedenker", 2)
    with pytest.raises(InvoerFout, match=re.escape(melding)):
        lege_store.zet_rol(dossier.id, taak.id, gemeente.id, rol, uren)
    assert lege_store.rollen(dossier.id) == [Rol(taak.id, gemeente.id, "meedenker", 2.0)]


def test_taken_en_partijen_van_een_ander_dossier_worden_geweigerd(lege_store, dossier, twee_partijen):
    gemeente, _ = twee_partijen
    ander = lege_store.maak_dossier("Ander")
    vreemde_partij = lege_store.voeg_partij_toe(ander.id, PartijInvoer("Vreemd", "overig"))
    vreemde_taak = lege_store.voeg_taak_toe(ander.id, "Vreemde taak", "A")
    eigen_taak = lege_store.voeg_taak_toe(dossier.id, "Eigen taak", "A")
    voor = lege_store.dossier(dossier.id).gewijzigd

    with pytest.raises(InvoerFout, match="Deze taak bestaat niet"):
        lege_store.zet_rol(dossier.id, vreemde_taak.id, gemeente.id, "trekker", 1)
    with pytest.raises(InvoerFout, match="Deze partij bestaat niet"):
        lege_store.zet_rol(dossier.id, eigen_taak.id, vreemde_partij.id, "trekker", 1)
    with pytest.raises(InvoerFout, match="Deze taak bestaat niet"):
        lege_store.verwijder_taak(dossier.id, vreemde_taak.id)
    with pytest.raises(InvoerFout, match="Deze taak bestaat niet"):
        lege_store.wijzig_taak(dossier.id, vreemde_taak.id, "Overgenomen", "B")

    assert lege_store.rollen(dossier.id) == [] and lege_store.rollen(ander.id) == []
    assert [t.naam for t in lege_store.taken(ander.id)] == ["Vreemde taak"]
    assert lege_store.dossier(dossier.id).gewijzigd == voor


def test_onbekend_dossier_geeft_nederlandse_melding(lege_store):
    with pytest.raises(OnbekendDossier, match="bestaat niet"):
        lege_store.voeg_taak_toe("ffffffffffff", "Taak", "A")
    with pytest.raises(OnbekendDossier):
        lege_store.neem_standaardtaken_over("ffffffffffff")
    assert lege_store.taken("ffffffffffff") == [] and lege_store.rollen("ffffffffffff") == []


def test_standaardtaken_overnemen_slaat_bestaande_namen_over(lege_store, dossier, inhoud):
    lege_store.voeg_taak_toe(dossier.id, "projectleiding EN planning", "A")
    toegevoegd = lege_store.neem_standaardtaken_over(dossier.id)
    catalogus = inhoud.fase1.taken
    assert len(toegevoegd) == len(catalogus) - 1
    taken = lege_store.taken(dossier.id)
    assert [t.naam for t in taken[1:]] == [s.naam for s in catalogus if s.naam != "Projectleiding en planning"]
    assert all(t.omschrijving for t in taken[1:])
    assert taken[0].spoor == "A"  # the team's own version is kept
    assert lege_store.neem_standaardtaken_over(dossier.id) == []
    assert len(lege_store.taken(dossier.id)) == len(catalogus)


def test_verwijderen_van_taak_of_partij_haalt_de_rollen_weg(lege_store, dossier, twee_partijen):
    gemeente, corporatie = twee_partijen
    eerste = lege_store.voeg_taak_toe(dossier.id, "Eerste", "A")
    tweede = lege_store.voeg_taak_toe(dossier.id, "Tweede", "B")
    for taak in (eerste, tweede):
        for partij in (gemeente, corporatie):
            lege_store.zet_rol(dossier.id, taak.id, partij.id, "meedenker", 1)
    lege_store.verwijder_taak(dossier.id, eerste.id)
    lege_store.verwijder_partij(dossier.id, corporatie.id)
    assert lege_store.rollen(dossier.id) == [Rol(tweede.id, gemeente.id, "meedenker", 1.0)]
    lege_store.verwijder_dossier(dossier.id)
    assert lege_store.taken(dossier.id) == [] and lege_store.rollen(dossier.id) == []


@pytest.mark.parametrize(("tekst", "uren"), [("", None), ("  ", None), ("16", 16.0), ("7,5", 7.5), ("7.5", 7.5),
                                             ("744", 744.0), (" 1 2 ", 12.0)])
def test_uren_lezen_uit_een_tekstveld(tekst, uren):
    assert lees_uren(tekst) == uren


@pytest.mark.parametrize("tekst", ["veel", "-4", "10 uur", "1e3", "745", "3,5,2"])
def test_onleesbare_uren_geven_een_nederlandse_melding(tekst):
    with pytest.raises(InvoerFout, match="De capaciteit"):
        lees_uren(tekst)


# -- analysis ---------------------------------------------------------------------------------
def partij(id_, naam, capaciteit=None) -> Partij:
    return Partij(id_, naam, "overig", "", "", (), None, None, 1, capaciteit_uren=capaciteit)


TAKEN = [Taak(1, "Planning", "C"), Taak(2, "Bewonerscommunicatie", "A"), Taak(3, "Netplanning", "F")]
PARTIJEN = [partij(10, "Gemeente", 20), partij(11, "Corporatie", None), partij(12, "Netbeheerder", 8)]


def test_signalen_met_de_hand_uitgerekend():
    rollen = [
        Rol(1, 10, "trekker", 16), Rol(1, 11, "trekker", 4),  # two trekkers
        Rol(2, 10, "meedenker", 6), Rol(2, 11, "geinformeerd", 2),  # no trekker
        Rol(3, 12, "trekker", 8),  # exactly at capacity: fine
        Rol(99, 10, "trekker", 100), Rol(1, 99, "trekker", 100),  # unknown task/party: ignored
    ]
    punten = signalen(TAKEN, PARTIJEN, rollen, {"B": "Woningeigenaren"})
    per_soort = {}
    for punt in punten:
        per_soort.setdefault(punt.soort, []).append(punt)
    assert [p.onderwerp for p in per_soort["zonder-trekker"]] == [2]
    assert per_soort["meerdere-trekkers"][0].tekst.startswith(
        "Taak 'Planning' heeft 2 trekkers ('Gemeente' en 'Corporatie')")
    assert [p.tekst for p in per_soort["boven-capaciteit"]] == [
        "'Gemeente' heeft 22 uur per maand aan taken, 2 uur meer dan de capaciteit van 20 uur. "
        "Verdeel taken anders of spreek meer capaciteit af."
    ]
    assert [p.onderwerp for p in per_soort["capaciteit-onbekend"]] == [11]
    assert "6 uur per maand" in per_soort["capaciteit-onbekend"][0].tekst
    assert [p.onderwerp for p in per_soort["spoor-zonder-bezetting"]] == ["B", "D", "E"]
    assert per_soort["spoor-zonder-bezetting"][0].tekst.startswith("Spoor B (Woningeigenaren) heeft geen bezetting")
    assert [p.soort for p in punten] == sorted((p.soort for p in punten), key=[
        "zonder-trekker", "meerdere-trekkers", "boven-capaciteit", "capaciteit-onbekend", "spoor-zonder-bezetting"
    ].index)
    belasting = {b.partij: b for b in belasting_per_partij(PARTIJEN, rollen[:5])}
    assert (belasting["Gemeente"].uren, belasting["Gemeente"].teveel) == (22, 2)
    assert not belasting["Netbeheerder"].boven_capaciteit and belasting["Netbeheerder"].teveel == 0


def test_alleen_geinformeerd_bezet_een_spoor_niet():
    rollen = [Rol(2, 10, "geinformeerd", 0)]
    assert "A" in sporen_zonder_bezetting(TAKEN, PARTIJEN, rollen)
    assert "A" not in sporen_zonder_bezetting(TAKEN, PARTIJEN, [Rol(2, 10, "meedenker", 0)])


def test_zonder_taken_zijn_alle_sporen_onbezet_en_is_er_geen_taak_zonder_trekker():
    assert sporen_zonder_bezetting([], PARTIJEN, []) == list(SPOOR_LETTERS)
    assert taken_zonder_trekker([], PARTIJEN, []) == []


@pytest.mark.parametrize(("uren", "tekst"), [(12, "12"), (7.5, "7,5"), (0.25, "0,25"), (22.0, "22"), (1 / 3, "0,33")])
def test_uren_in_nederlandse_notatie(uren, tekst):
    assert uren_tekst(uren) == tekst


ROLNAMEN = st.sampled_from(["trekker", "meedenker", "geinformeerd"])
uren_st = st.floats(min_value=0, max_value=744, allow_nan=False).map(lambda x: round(x, 1))


@st.composite
def situatie(draw):
    taken = [Taak(i, f"Taak {i}", draw(st.sampled_from(SPOOR_LETTERS))) for i in range(draw(st.integers(0, 6)))]
    partijen = [partij(100 + i, f"Partij {i}", draw(st.none() | uren_st)) for i in range(draw(st.integers(1, 4)))]
    cellen = {}
    if taken:
        for _ in range(draw(st.integers(0, 12))):
            taak = draw(st.sampled_from(taken))
            p = draw(st.sampled_from(partijen))
            cellen[(taak.id, p.id)] = Rol(taak.id, p.id, draw(ROLNAMEN), draw(uren_st))
    return taken, partijen, list(cellen.values())


@given(situatie(), st.data())
def test_een_trekker_erbij_geeft_nooit_een_extra_taak_zonder_trekker(gegeven, data):
    taken, partijen, rollen = gegeven
    if not taken:
        return
    taak = data.draw(st.sampled_from(taken))
    p = data.draw(st.sampled_from(partijen))
    erbij = [r for r in rollen if (r.taak_id, r.partij_id) != (taak.id, p.id)] + [Rol(taak.id, p.id, "trekker", 0)]
    voor = {s.onderwerp for s in signalen(taken, partijen, rollen) if s.soort == "zonder-trekker"}
    na = {s.onderwerp for s in signalen(taken, partijen, erbij) if s.soort == "zonder-trekker"}
    assert na <= voor and taak.id not in na


@given(situatie())
def test_capaciteitssignalen_volgen_uit_de_totalen(gegeven):
    taken, partijen, rollen = gegeven
    belasting = belasting_per_partij(partijen, rollen)
    for regel, p in zip(belasting, partijen, strict=True):
        assert regel.uren == pytest.approx(sum(r.uren_per_maand for r in rollen if r.partij_id == p.id), abs=0.01)
        assert regel.boven_capaciteit == (p.capaciteit_uren is not None and regel.uren > p.capaciteit_uren)
        assert regel.teveel >= 0
    punten = signalen(taken, partijen, rollen)
    assert {s.onderwerp for s in punten if s.soort == "boven-capaciteit"} == {
        b.partij_id for b in belasting if b.boven_capaciteit}
    assert {s.onderwerp for s in punten if s.soort == "capaciteit-onbekend"} == {
        b.partij_id for b in belasting if b.uren > 0 and b.capaciteit is None}


@given(situatie())
def test_spoor_zonder_bezetting_precies_als_niemand_trekt_of_meedenkt(gegeven):
    taken, partijen, rollen = gegeven
    per_id = {t.id: t for t in taken}
    bezet = {per_id[r.taak_id].spoor for r in rollen if r.rol in ("trekker", "meedenker")}
    assert set(sporen_zonder_bezetting(taken, partijen, rollen)) == set(SPOOR_LETTERS) - bezet
    zonder = {t.id for t in taken_zonder_trekker(taken, partijen, rollen)}
    met_trekker = {r.taak_id for r in rollen if r.rol == "trekker"}
    assert zonder == {t.id for t in taken} - met_trekker
    for taak, namen in taken_met_meerdere_trekkers(taken, partijen, rollen):
        assert len(namen) == sum(1 for r in rollen if r.taak_id == taak.id and r.rol == "trekker") > 1


# -- chart ------------------------------------------------------------------------------------
def test_grafiek_markeert_boven_capaciteit_met_tekst_en_arcering():
    rollen = [Rol(1, 10, "trekker", 30), Rol(1, 11, "meedenker", 5), Rol(3, 12, "trekker", 4)]
    figuur = rollen_figuur(belasting_per_partij(PARTIJEN, rollen))
    as_ = figuur.axes[0]
    teksten = [t.get_text() for t in as_.texts]
    assert f"30 u — {BOVEN_TEKST} (+10 u)" in teksten
    assert "5 u — capaciteit onbekend" in teksten and "4 u van 8 u" in teksten
    assert "capaciteit 20 u" in teksten and "capaciteit 8 u" in teksten
    balken = as_.patches
    assert [bool(b.get_hatch()) and b.get_hatch() == "//" for b in balken] == [True, False, False]
    assert [t.get_text() for t in as_.get_yticklabels()] == ["Gemeente", "Corporatie", "Netbeheerder"]
    legenda = [t.get_text() for t in figuur.legends[0].get_texts()]
    assert BOVEN_TEKST in legenda and "capaciteit (uur per maand)" in legenda
    assert figuur_naar_png(figuur).startswith(b"\x89PNG")


def test_lege_grafiek_zegt_dat_er_nog_geen_partijen_zijn():
    assert "nog geen partijen" in rollen_figuur([]).axes[0].get_title()


# -- widget -----------------------------------------------------------------------------------
def oefening_van(store_url, dossier_id):
    return open_werkboek("01_samen_starten.ipynb", store_url=store_url,
                         query={"dossier": dossier_id}).kaart("f1-rollen-en-verwachtingen").oefening


def test_rollen_invullen_wordt_bewaard_en_komt_terug(store_url, lege_store, dossier, twee_partijen, inhoud):
    gemeente, corporatie = twee_partijen
    oefening = oefening_van(store_url, dossier.id)
    assert "Nog geen taken" in oefening._matrix.children[0].value
    oefening._standaard.click()
    assert f"{len(inhoud.fase1.taken)} standaardtaken toegevoegd" in zichtbaar(oefening._melding.value)
    taak = lege_store.taken(dossier.id)[0]
    rij = oefening._matrix.children[1]
    cel = oefening._cellen[(taak.id, gemeente.id)]
    assert cel.uren.disabled and cel.rol.label == "—"
    cel.rol.value = "trekker"
    assert not cel.uren.disabled
    cel.uren.value = 30
    assert lege_store.rollen(dossier.id) == [Rol(taak.id, gemeente.id, "trekker", 30.0)]
    assert "Gemeente Delft is trekker bij 'Projectleiding en planning' (30 uur per maand)" in zichtbaar(
        oefening._melding.value)
    # updated in place: the same widgets, so a keyboard user keeps the focus
    assert oefening._matrix.children[1] is rij and oefening._cellen[(taak.id, gemeente.id)] is cel

    veld = oefening._capaciteitsvelden[gemeente.id].veld
    veld.value = "20"
    assert lege_store.partijen(dossier.id)[0].capaciteit_uren == 20
    assert "⚠ boven capaciteit (+10 uur)" in zichtbaar(oefening._totalen.value)
    assert "10 uur meer dan de capaciteit van 20 uur" in zichtbaar(oefening._signalen.value)
    assert "Gemeente Delft: 30 uur, capaciteit 20 uur, boven capaciteit" in oefening._grafiek.value  # alt text

    andere = oefening._cellen[(taak.id, corporatie.id)]
    andere.rol.value = "geinformeerd"
    assert Rol(taak.id, corporatie.id, "geinformeerd", 0.0) in lege_store.rollen(dossier.id)

    opnieuw = oefening_van(store_url, dossier.id)
    cel = opnieuw._cellen[(taak.id, gemeente.id)]
    assert (cel.rol.value, cel.uren.value, cel.uren.disabled) == ("trekker", 30.0, False)
    assert opnieuw._cellen[(taak.id, corporatie.id)].rol.value == "geinformeerd"
    assert opnieuw._capaciteitsvelden[gemeente.id].veld.value == "20"
    assert opnieuw._capaciteitsvelden[corporatie.id].veld.value == ""
    assert "boven capaciteit" in zichtbaar(opnieuw._totalen.value)

    cel.rol.value = ""  # "—" removes the role
    assert Rol(taak.id, gemeente.id, "trekker", 30.0) not in lege_store.rollen(dossier.id)
    assert cel.uren.disabled and cel.uren.value == 0


def test_foute_uren_geven_melding_en_tonen_wat_bewaard_is(store_url, lege_store, dossier, twee_partijen):
    gemeente, _ = twee_partijen
    taak = lege_store.voeg_taak_toe(dossier.id, "Planning", "C")
    oefening = oefening_van(store_url, dossier.id)
    cel = oefening._cellen[(taak.id, gemeente.id)]
    cel.rol.value = "meedenker"
    cel.uren.value = 8
    cel.uren.value = 1000
    assert "Niet gelukt: Het aantal uren moet tussen 0 en 744 uur per maand liggen." in zichtbaar(
        oefening._melding.value)
    assert cel.uren.value == 8 and lege_store.rollen(dossier.id) == [Rol(taak.id, gemeente.id, "meedenker", 8.0)]

    veld = oefening._capaciteitsvelden[gemeente.id].veld
    veld.value = "16"
    veld.value = "heel veel"
    assert "Niet gelukt: De capaciteit van Gemeente Delft is een aantal uren per maand" in zichtbaar(
        oefening._melding.value)
    assert veld.value == "16" and lege_store.partijen(dossier.id)[0].capaciteit_uren == 16
    veld.value = ""
    assert lege_store.partijen(dossier.id)[0].capaciteit_uren is None
    assert "Capaciteit van Gemeente Delft: onbekend." in zichtbaar(oefening._melding.value)


def test_eigen_taak_toevoegen_en_verwijderen_met_bevestiging(store_url, lege_store, dossier, twee_partijen):
    oefening = oefening_van(store_url, dossier.id)
    oefening._taaknaam.value = "Contact met scholen"
    oefening._taakspoor.value = "A"
    oefening._toevoegen.click()
    assert "Taak 'Contact met scholen' (spoor A) toegevoegd." in zichtbaar(oefening._melding.value)
    assert oefening._taaknaam.value == ""
    oefening._taaknaam.value = "contact MET scholen"
    oefening._toevoegen.click()
    assert "Er staat al een taak met de naam" in zichtbaar(oefening._melding.value)
    assert oefening._taaknaam.value == "contact MET scholen"  # kept, to correct it
    assert len(lege_store.taken(dossier.id)) == 1

    taakcel = oefening._matrix.children[1].children[0]
    taakcel.children[1].click()  # Verwijderen: asks first
    assert "Contact met scholen met de rollen erin verwijderen?" in zichtbaar(taakcel.children[0].value)
    taakcel.children[1].children[1].click()  # Nee
    assert len(lege_store.taken(dossier.id)) == 1
    taakcel.children[1].click()
    taakcel.children[1].children[0].click()  # Ja, verwijderen
    assert lege_store.taken(dossier.id) == []
    assert "Nog geen taken" in oefening._matrix.children[0].value


def test_nieuwe_partij_op_dezelfde_pagina_krijgt_een_kolom(store_url, lege_store, dossier, twee_partijen):
    lege_store.voeg_taak_toe(dossier.id, "Planning", "C")
    wb = open_werkboek("01_samen_starten.ipynb", store_url=store_url, query={"dossier": dossier.id})
    partijen = wb.kaart("f1-juiste-partijen").oefening
    rollen = wb.kaart("f1-rollen-en-verwachtingen").oefening
    partijen._naam.value = "<img src=x onerror=alert(1)>"
    partijen._opslaan.click()
    kop = rollen._matrix.children[0]
    assert len(kop.children) == 4
    assert "<img" not in kop.children[3].value and "&lt;img src=x" in kop.children[3].value
    assert "<img src=x" not in rollen._capaciteit.children[2].children[0].value
    nieuw = lege_store.partijen(dossier.id)[2]
    cel = rollen._cellen[(lege_store.taken(dossier.id)[0].id, nieuw.id)]
    assert cel.rol.description == "Rol van <img src=x onerror=alert(1)> bij Planning"  # a label, shown as text


def test_zonder_partijen_en_taken_staat_er_wat_je_eerst_doet(store_url, dossier):
    oefening = oefening_van(store_url, dossier.id)
    assert "Voeg eerst partijen toe" in oefening._matrix.children[0].value
    assert "Nog geen partijen" in oefening._capaciteit.children[0].value
    assert oefening._totalen.value == ""


def test_aandachtspunten_en_alles_in_orde(store_url, lege_store, dossier, twee_partijen):
    gemeente, _ = twee_partijen
    oefening = oefening_van(store_url, dossier.id)
    assert "Nog geen taken" in zichtbaar(oefening._signalen.value)
    assert "De grafiek verschijnt zodra" in oefening._grafiek.value
    taken = [lege_store.voeg_taak_toe(dossier.id, f"Taak {letter}", letter) for letter in SPOOR_LETTERS]
    lege_store.zet_capaciteit(dossier.id, gemeente.id, 100)
    for taak in taken:
        lege_store.zet_rol(dossier.id, taak.id, gemeente.id, "trekker", 10)
    oefening.context.gewijzigd()
    assert "✔ Geen aandachtspunten" in zichtbaar(oefening._signalen.value)
    lege_store.zet_rol(dossier.id, taken[0].id, gemeente.id, "geinformeerd", 0)
    oefening.context.gewijzigd()
    tekst = zichtbaar(oefening._signalen.value)
    assert "⚠ 1 taak zonder trekker" in tekst and "⚠ 1 spoor zonder bezetting" in tekst
    assert "Spoor A (" in tekst
