"""Transitieopgaven (urgency, ambition, hints from the profile) and sociale koppelkansen per domain."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wijkkompas_widgets.analysis.domeinen import (
    DomeinInvoer,
    controleer_domein,
    domein_opgave_matrix,
    lees_formulier,
    nieuwe_koppelkans,
    opgaven_zonder_sociale_partner,
)
from wijkkompas_widgets.analysis.opgaven import (
    Beoordeling,
    aandachtspunten,
    beoordelingen_uit_dict,
    controleer_beoordeling,
    hints_voor_opgaven,
    richting,
)
from wijkkompas_widgets.charts.opgaven import opgaven_figuur
from wijkkompas_widgets.dossier import InvoerFout

OPGAVEN = ["energietransitie", "klimaatadaptatie", "natuurinclusiviteit", "mobiliteit", "verstedelijking",
           "sociaaleconomisch"]


@dataclass(frozen=True)
class Regel:
    key: str
    label: str
    eenheid: str
    wijk: float | None
    gemeente: float | None
    nederland: float | None


@dataclass(frozen=True)
class Profiel:
    regiocode: str
    naam: str
    bron: str
    regels: tuple

    def regel(self, key):
        return next((r for r in self.regels if r.key == key), None)


def opmaak(_key, waarde):
    return "onbekend" if waarde is None else f"{waarde:g}"


def test_opgaven_en_domeinen_in_de_inhoud(inhoud):
    assert [o.id for o in inhoud.opgaven] == OPGAVEN
    assert [n.waarde for n in inhoud.fase2.urgentie] == [1, 2, 3, 4, 5]
    assert len(inhoud.fase2.domeinen) >= 8
    for domein in inhoud.fase2.domeinen:
        assert set(domein.opgaven) <= set(OPGAVEN) and domein.voorbeelden


def test_een_domein_met_onbekende_opgave_wordt_gemeld(content_kopie):
    from wijkkompas_widgets.content import ContentFout, laad_inhoud

    pad = content_kopie / "fase2.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("opgaven: [sociaaleconomisch]\n",
                                                           "opgaven: [armoede]\n", 1), encoding="utf-8")
    with pytest.raises(ContentFout, match=r"sociaal-domein.*onbekende opgave"):
        laad_inhoud(content_kopie)


def test_hint_toont_cijfers_en_de_richting_ten_opzichte_van_nederland():
    profiel = Profiel("WK1", "Testwijk", "CBS 2022", (
        Regel("gem_aardgas", "Gemiddeld aardgasverbruik", "m³", 1400, 1100, 1000),
        Regel("gem_inkomen_inwoner", "Gemiddeld inkomen", "× € 1.000", 24, 30, None),
        Regel("65plus", "65 jaar en ouder", "%", None, 18, 20),
    ))
    hints = hints_voor_opgaven(profiel, opmaak)
    gas = next(h for h in hints["energietransitie"] if h.key == "gem_aardgas")
    assert gas.richting == "hoger" and gas.vergeleken_met == "landelijk"
    assert gas.cijfers == "wijk 1400 · gemeente 1100 · Nederland 1000"
    inkomen = hints["sociaaleconomisch"][0]
    assert inkomen.richting == "lager" and inkomen.vergeleken_met == "in de gemeente"
    assert "Nederland onbekend" in inkomen.cijfers
    # an unknown wijk value gives no hint at all rather than a comparison with 0
    assert all(h.key != "65plus" for h in hints.get("klimaatadaptatie", []))
    assert hints_voor_opgaven(None, opmaak) == {}


@given(st.floats(1, 1e6), st.floats(1, 1e6))
def test_richting_is_spiegelbeeldig(a, b):
    omgekeerd = {"hoger": "lager", "lager": "hoger", "gelijk": "gelijk"}
    if abs(a - b) / b > 0.11 and abs(a - b) / a > 0.11:
        assert richting(b, a) == omgekeerd[richting(a, b)]
    assert richting(a, None) is None and richting(None, a) is None


def test_beoordeling_buiten_de_schaal_wordt_geweigerd():
    with pytest.raises(InvoerFout, match="1 tot en met 5"):
        controleer_beoordeling(Beoordeling("mobiliteit", urgentie=7), OPGAVEN)
    with pytest.raises(InvoerFout, match="bestaat niet"):
        controleer_beoordeling(Beoordeling("ruimtevaart", urgentie=3), OPGAVEN)
    assert controleer_beoordeling(Beoordeling("mobiliteit", 3, None, "  ok "), OPGAVEN).toelichting == "ok"


def test_opgeslagen_rommel_wordt_niet_ingevuld():
    gelezen = beoordelingen_uit_dict({"mobiliteit": {"urgentie": "hoog", "ambitie": 9}, "x": 1}, OPGAVEN)
    assert gelezen["mobiliteit"] == Beoordeling("mobiliteit")
    assert set(gelezen) == set(OPGAVEN)


def test_aandachtspunten_bij_groot_verschil_tussen_urgentie_en_ambitie():
    namen = {o: o.capitalize() for o in OPGAVEN}
    punten = aandachtspunten({
        "klimaatadaptatie": Beoordeling("klimaatadaptatie", 5, 1),
        "mobiliteit": Beoordeling("mobiliteit", 1, 5),
        "energietransitie": Beoordeling("energietransitie", 4, 4),
    }, namen)
    assert [p.opgave_id for p in punten] == ["klimaatadaptatie", "mobiliteit"]
    assert "urgentie is hoog" in punten[0].tekst and "ambitie is hoog" in punten[1].tekst


def test_opgavenfiguur_tekent_ook_opgaven_zonder_score():
    figuur = opgaven_figuur([("Energietransitie", 4, 5), ("Mobiliteit", None, None)])
    teksten = [t.get_text() for t in figuur.axes[0].texts]
    assert "nog niet ingevuld" in teksten and "4" in teksten and "5" in teksten


# -- domeinen --------------------------------------------------------------------------------
def test_koppelkans_vraagt_naam_domein_en_opgave_en_geen_dubbele():
    domeinen = {"armoede-en-schulden", "gezondheid"}
    kans = nieuwe_koppelkans(" Energiecoach ", "armoede-en-schulden", ("sociaaleconomisch",), "", [], domeinen,
                             OPGAVEN)
    assert kans.titel == "Energiecoach" and kans.aangemaakt
    with pytest.raises(InvoerFout, match="al een koppelkans"):
        nieuwe_koppelkans("energiecoach", "gezondheid", ("mobiliteit",), "", [kans], domeinen, OPGAVEN)
    with pytest.raises(InvoerFout, match="domein"):
        nieuwe_koppelkans("Iets", "", ("mobiliteit",), "", [], domeinen, OPGAVEN)
    with pytest.raises(InvoerFout, match="minstens één"):
        nieuwe_koppelkans("Iets", "gezondheid", (), "", [], domeinen, OPGAVEN)
    with pytest.raises(InvoerFout):
        nieuwe_koppelkans("   ", "gezondheid", ("mobiliteit",), "", [], domeinen, OPGAVEN)


def test_domein_houdt_de_volgorde_van_de_opgaven_en_weigert_onbekende():
    invoer = controleer_domein(DomeinInvoer("wonen", "Prestatieafspraken", "", ("sociaaleconomisch",
                                                                                  "energietransitie")),
                               {"wonen"}, OPGAVEN)
    assert invoer.opgaven == ("energietransitie", "sociaaleconomisch")
    with pytest.raises(InvoerFout):
        controleer_domein(DomeinInvoer("wonen", "x", "", ("ruimtevaart",)), {"wonen"}, OPGAVEN)


def test_matrix_telt_domeinen_en_koppelkansen_en_toont_gaten():
    gegevens = {
        "domeinen": {"wonen": {"programma": "Woonvisie", "opgaven": ["energietransitie"]},
                     "gezondheid": {"programma": "", "behoefte": "", "opgaven": ["klimaatadaptatie"]}},
        "koppelkansen": {
            "a": {"titel": "A", "domein": "wonen", "opgaven": ["energietransitie", "verstedelijking"],
                  "aangemaakt": "2026-01-02"},
            "b": None,  # removed
        },
    }
    domeinen, kansen = lees_formulier(gegevens, ["wonen", "gezondheid"])
    assert [k.titel for k in kansen] == ["A"]
    matrix = domein_opgave_matrix(domeinen, kansen, OPGAVEN)
    assert matrix["wonen"]["energietransitie"] == 2 and matrix["wonen"]["verstedelijking"] == 1
    assert matrix["gezondheid"]["klimaatadaptatie"] == 0  # an empty domain links nothing
    assert "mobiliteit" in opgaven_zonder_sociale_partner(matrix, OPGAVEN)


# -- widgets without a browser ---------------------------------------------------------------
def _oefening(store_url, dossier_id, knooppunt_id):
    from wijkkompas_widgets.werkboek import open_werkboek

    return open_werkboek("x", store_url=store_url, query={"dossier": dossier_id}).kaart(knooppunt_id).oefening


def _zichtbaar(html_tekst: str) -> str:
    import html
    import re

    return html.unescape(re.sub(r"<[^>]+>", " ", html_tekst))


def test_urgentie_wordt_direct_bewaard_en_komt_terug(store_url, lege_store):
    dossier = lege_store.maak_dossier("Opgavenwijk")
    oefening = _oefening(store_url, dossier.id, "f2-transitieopgaven")
    assert "Kies eerst een wijk" in _zichtbaar(oefening._rijen["energietransitie"].hints.value)
    oefening._rijen["energietransitie"].urgentie.value = 4
    oefening._rijen["energietransitie"].toelichting.value = "Gasnet is oud"
    assert "opgeslagen" in _zichtbaar(oefening._melding.value)
    opgeslagen = lege_store.formulier(dossier.id, "transitieopgaven")[0]["energietransitie"]
    assert opgeslagen["urgentie"] == 4 and opgeslagen["toelichting"] == "Gasnet is oud"
    assert opgeslagen.get("ambitie") is None
    assert "1 van de 6" not in _zichtbaar(oefening._aandacht.value)  # urgency alone is not 'ingevuld'
    oefening._rijen["energietransitie"].ambitie.value = 1
    assert "urgentie is hoog, maar de ambitie laag" in _zichtbaar(oefening._aandacht.value)
    assert "alt=" in oefening._figuur.value

    opnieuw = _oefening(store_url, dossier.id, "f2-transitieopgaven")
    assert opnieuw._rijen["energietransitie"].urgentie.value == 4
    assert opnieuw._rijen["energietransitie"].toelichting.value == "Gasnet is oud"


def test_collegas_op_verschillende_opgaven_overschrijven_elkaar_niet(store_url, lege_store):
    dossier = lege_store.maak_dossier("Samen")
    ik = _oefening(store_url, dossier.id, "f2-transitieopgaven")
    collega = _oefening(store_url, dossier.id, "f2-transitieopgaven")
    collega._rijen["mobiliteit"].ambitie.value = 2
    ik._rijen["klimaatadaptatie"].urgentie.value = 5  # my form is stale, but another field: merged
    gegevens = lege_store.formulier(dossier.id, "transitieopgaven")[0]
    assert gegevens["mobiliteit"]["ambitie"] == 2 and gegevens["klimaatadaptatie"]["urgentie"] == 5
    assert ik._rijen["mobiliteit"].ambitie.value == 2  # and I now see the colleague's choice

    collega._rijen["klimaatadaptatie"].urgentie.value = 3  # stale on the same field: refused
    assert "Iemand anders heeft dit veld" in _zichtbaar(collega._melding.value)
    assert lege_store.formulier(dossier.id, "transitieopgaven")[0]["klimaatadaptatie"]["urgentie"] == 5
    assert collega._rijen["klimaatadaptatie"].urgentie.value == 5


def test_voorbeelddossier_toont_cijfers_van_de_echte_wijk(store_url, store):
    voorbeeld = next(d for d in store.dossiers() if d.is_voorbeeld)
    oefening = _oefening(store_url, voorbeeld.id, "f2-transitieopgaven")
    hints = _zichtbaar(oefening._rijen["energietransitie"].hints.value)
    assert "Groenoord en Kethel" in hints and "800" in hints  # CBS 2022: 800 m³ gas per woning
    assert oefening._rijen["sociaaleconomisch"].urgentie.value == 5


def test_domein_en_koppelkansen_bewaren_en_verwijderen(store_url, lege_store):
    dossier = lege_store.maak_dossier("Sociaal")
    oefening = _oefening(store_url, dossier.id, "f2-sociale-koppelkansen")
    oefening._domein.value = "gezondheid"
    oefening._domein_opslaan.click()
    assert "Vul in wat er al loopt" in _zichtbaar(oefening._melding.value)
    assert lege_store.formulier(dossier.id, "sociale_koppelkansen") == ({}, 0)

    oefening._programma.value = "GGD-programma <Gezond> in de wijk"
    oefening._domein_opslaan.click()
    assert "is opgeslagen" in _zichtbaar(oefening._melding.value)
    assert "<Gezond>" not in oefening._overzicht.value and "&lt;Gezond&gt;" in oefening._overzicht.value
    assert oefening._domein.label.startswith("✔")

    oefening._titel.value = "Hitteplan met vergroening"
    oefening._kans_domein.value = "gezondheid"
    oefening._kans_opgaven.value = ("klimaatadaptatie",)
    oefening._toevoegen.click()
    oefening._titel.value = "hitteplan met vergroening"
    oefening._kans_domein.value = "gezondheid"
    oefening._kans_opgaven.value = ("klimaatadaptatie",)
    oefening._toevoegen.click()
    assert "al een koppelkans" in _zichtbaar(oefening._melding.value)

    collega = _oefening(store_url, dossier.id, "f2-sociale-koppelkansen")
    collega._titel.value = "Leerwerkplekken"
    collega._kans_domein.value = "werk-en-inkomen"
    collega._kans_opgaven.value = ("energietransitie",)
    collega._toevoegen.click()

    oefening._kies_kans.value = oefening._kies_kans.options[0][1]
    oefening._verwijder.click()
    assert oefening._bevestig.layout.display == "flex"
    oefening._bevestig.click()  # removing mine keeps the colleague's addition
    opnieuw = _oefening(store_url, dossier.id, "f2-sociale-koppelkansen")
    assert [label for label, _ in opnieuw._kies_kans.options] == ["Leerwerkplekken"]
    assert "GGD-programma" in _zichtbaar(opnieuw._overzicht.value)
