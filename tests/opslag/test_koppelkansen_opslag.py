"""The register of koppelkansen in the store: candidates from phase 2, scores per criterion, the
decision per koppelkans with its besluitenlog entry, versions and refusals that change nothing.

Runs on SQLite, and on PostgreSQL too when ``WIJKKOMPAS_TEST_PG_URL`` is set.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkkompas_widgets.dossier import GelijktijdigGewijzigd, InvoerFout, OnbekendDossier
from wijkkompas_widgets.dossier.koppelkansen import MAX_KOPPELKANSEN, MAX_SCORECRITERIA
from wijkkompas_widgets.dossier.records import STANDAARD_SCORECRITERIA, KoppelkansInvoer, StrategieInvoer
from wijkkompas_widgets.dossier.store import DossierStore


def test_koppelkans_toevoegen_wijzigen_en_terugzien(opslag, opslag_url):
    dossier = opslag.maak_dossier("Wijk")
    kans = opslag.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer(
        "  Riool   Merelstraat ", "natuurlijk-moment", "Riolering 2028-2029 (gemeente) en gasnet (Stedin)",
        "Straat gaat toch open"))
    assert (kans.titel, kans.herkomst_label, kans.versie) == ("Riool Merelstraat", "Natuurlijk moment", 1)
    assert kans.scores == {} and kans.besluit is None  # not scored: 'onbekend', never 0
    gewijzigd = opslag.wijzig_koppelkans(dossier.id, kans.id, KoppelkansInvoer(
        "Riool en gasnet Merelstraat", "natuurlijk-moment", kans.herkomst_ref), kans.versie)
    assert (gewijzigd.titel, gewijzigd.omschrijving, gewijzigd.versie) == ("Riool en gasnet Merelstraat", "", 2)
    with pytest.raises(GelijktijdigGewijzigd, match="intussen gewijzigd"):
        opslag.wijzig_koppelkans(dossier.id, kans.id, kans.als_invoer(), kans.versie)
    assert DossierStore(opslag_url, voorbeeld=False).koppelkansen(dossier.id) == [gewijzigd]


@pytest.mark.parametrize("invoer, melding", [
    (KoppelkansInvoer(""), "naam van de koppelkans is verplicht"),
    (KoppelkansInvoer("Iets", "elders"), "waar de koppelkans vandaan komt"),
    (KoppelkansInvoer("x" * 121), "te lang"),
    (KoppelkansInvoer("Iets\x00"), "stuurtekens"),
])
def test_onjuiste_koppelkans_wordt_geweigerd(opslag, invoer, melding):
    dossier = opslag.maak_dossier("Wijk")
    with pytest.raises(InvoerFout, match=melding):
        opslag.voeg_koppelkans_toe(dossier.id, invoer)
    assert opslag.koppelkansen(dossier.id) == []


def test_dubbele_titel_telt_ook_met_andere_hoofdletters(opslag):
    dossier = opslag.maak_dossier("Wijk")
    opslag.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Buurthuis verduurzamen", "sociaal"))
    with pytest.raises(InvoerFout, match="al een koppelkans met de naam"):
        opslag.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("BUURTHUIS  verduurzamen"))
    assert len(opslag.koppelkansen(dossier.id)) == 1
    # the same title in another dossier is fine
    opslag.voeg_koppelkans_toe(opslag.maak_dossier("Ander").id, KoppelkansInvoer("Buurthuis verduurzamen"))


def test_scores_op_de_praktijkcriteria_en_eigen_criteria(opslag):
    dossier = opslag.maak_dossier("Wijk")
    kans = opslag.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Speeltuin", "nieuw"))
    scores = {sleutel: 4 for sleutel, _ in STANDAARD_SCORECRITERIA} | {"Draagvlak bij jongeren": 2}
    gescoord = opslag.zet_koppelkans_scores(dossier.id, kans.id, scores, kans.versie)
    assert gescoord.scores == scores and gescoord.versie == 2
    with pytest.raises(GelijktijdigGewijzigd):
        opslag.zet_koppelkans_scores(dossier.id, kans.id, {"wensen": 1}, kans.versie)
    leeg = opslag.zet_koppelkans_scores(dossier.id, kans.id, {}, gescoord.versie)
    assert leeg.scores == {}


_SLEUTEL = st.sampled_from([s for s, _ in STANDAARD_SCORECRITERIA] + ["Eigen criterium", "Overlast"])


@settings(max_examples=25, deadline=None)
@given(scores=st.dictionaries(_SLEUTEL, st.integers(-3, 9), max_size=5))
def test_willekeurige_scores_worden_bewaard_of_geweigerd_zonder_half_werk(opslag, scores):
    dossier = opslag.maak_dossier("Wijk")
    kans = opslag.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Kans"))
    if all(1 <= waarde <= 5 for waarde in scores.values()):
        assert opslag.zet_koppelkans_scores(dossier.id, kans.id, scores, kans.versie).scores == scores
    else:
        with pytest.raises(InvoerFout, match="geheel getal van 1 tot en met 5"):
            opslag.zet_koppelkans_scores(dossier.id, kans.id, scores, kans.versie)
        assert opslag.koppelkans(dossier.id, kans.id) == kans


@pytest.mark.parametrize("scores, melding", [
    ({"wensen": 3.0}, "geheel getal"),
    ({"wensen": True}, "geheel getal"),
    ({"": 3}, "naam van het criterium is verplicht"),
    ({1: 3}, "heeft een naam"),
    ({"wensen": 3, " wensen ": 4}, "twee keer"),
    ({f"eigen {i}": 3 for i in range(MAX_SCORECRITERIA + 1)}, f"hoogstens {MAX_SCORECRITERIA}"),
    ([("wensen", 3)], "niet leesbaar"),
])
def test_onbruikbare_scores_worden_geweigerd(opslag, scores, melding):
    dossier = opslag.maak_dossier("Wijk")
    kans = opslag.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Kans"))
    with pytest.raises(InvoerFout, match=melding):
        opslag.zet_koppelkans_scores(dossier.id, kans.id, scores, kans.versie)
    assert opslag.koppelkans(dossier.id, kans.id).scores == {}


def test_besluit_over_een_koppelkans_komt_in_het_besluitenlog(opslag):
    dossier = opslag.maak_dossier("Wijk")
    kans = opslag.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Groene schoolpleinen", "sociaal", "sk-12"))
    with pytest.raises(InvoerFout, match="reden is verplicht"):
        opslag.besluit_koppelkans(dossier.id, kans.id, "niet", " ", kans.versie)
    with pytest.raises(InvoerFout, match="'gekozen' of 'niet gekozen'"):
        opslag.besluit_koppelkans(dossier.id, kans.id, "misschien", "", kans.versie)
    assert opslag.besluiten(dossier.id) == [] and opslag.koppelkans(dossier.id, kans.id) == kans

    niet = opslag.besluit_koppelkans(dossier.id, kans.id, "niet", "Schoolbestuur heeft geen budget tot 2030",
                                     kans.versie, aanwezig="Gemeente, schoolbestuur")
    assert (niet.besluit, niet.reden, niet.versie) == ("niet", "Schoolbestuur heeft geen budget tot 2030", 2)
    gekozen = opslag.besluit_koppelkans(dossier.id, kans.id, "gekozen", "", niet.versie)
    heropend = opslag.besluit_koppelkans(dossier.id, kans.id, None, "Nieuwe subsidie", gekozen.versie)
    assert heropend.besluit is None
    log = opslag.besluiten(dossier.id)
    assert [(b.volgnummer, b.wat) for b in log] == [
        (1, "Koppelkans niet gekozen: Groene schoolpleinen"),
        (2, "Koppelkans gekozen: Groene schoolpleinen"),
        (3, "Besluit over koppelkans heropend: Groene schoolpleinen"),
    ]
    assert all(b.soort == "automatisch" and b.knooppunt_id == "f3-strategieen-koppelkansen" for b in log)
    assert log[0].aanwezig == "Gemeente, schoolbestuur"
    assert log[1].onderbouwing == "Geen reden opgegeven."
    # a decision on an outdated version changes nothing and logs nothing
    with pytest.raises(GelijktijdigGewijzigd):
        opslag.besluit_koppelkans(dossier.id, kans.id, "gekozen", "", gekozen.versie)
    assert len(opslag.besluiten(dossier.id)) == 3


def test_kandidaten_uit_fase_2_overnemen_slaat_bestaande_over(opslag):
    dossier = opslag.maak_dossier("Wijk")
    opslag.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Riool Merelstraat", "natuurlijk-moment"))
    kandidaten = [
        KoppelkansInvoer("riool merelstraat", "natuurlijk-moment", "dubbel met het register"),
        KoppelkansInvoer("Buurthuis", "sociaal", "a1b2c3d4e5f6"),
        KoppelkansInvoer("BUURTHUIS", "sociaal", "dubbel in de lijst zelf"),
        KoppelkansInvoer("Glasvezel Lijsterlaan", "natuurlijk-moment", "Glasvezel 2027"),
    ]
    toegevoegd = opslag.importeer_koppelkansen(dossier.id, kandidaten)
    assert [(k.titel, k.herkomst, k.herkomst_ref) for k in toegevoegd] == [
        ("Buurthuis", "sociaal", "a1b2c3d4e5f6"), ("Glasvezel Lijsterlaan", "natuurlijk-moment", "Glasvezel 2027")]
    assert opslag.importeer_koppelkansen(dossier.id, kandidaten) == []  # twice is harmless
    assert [k.titel for k in opslag.koppelkansen(dossier.id)] == ["Riool Merelstraat", "Buurthuis",
                                                                  "Glasvezel Lijsterlaan"]


def test_overnemen_is_alles_of_niets(opslag):
    dossier = opslag.maak_dossier("Wijk")
    with pytest.raises(InvoerFout, match="Kandidaat 2 klopt niet, dus er is niets overgenomen"):
        opslag.importeer_koppelkansen(dossier.id, [KoppelkansInvoer("Goed"), KoppelkansInvoer("", "sociaal")])
    assert opslag.koppelkansen(dossier.id) == []
    te_veel = [KoppelkansInvoer(f"Kans {i}") for i in range(MAX_KOPPELKANSEN + 1)]
    with pytest.raises(InvoerFout, match=f"hoogstens {MAX_KOPPELKANSEN} koppelkansen"):
        opslag.importeer_koppelkansen(dossier.id, te_veel)
    assert opslag.koppelkansen(dossier.id) == []


def test_koppelkans_in_een_strategie_kan_niet_weg(opslag):
    dossier = opslag.maak_dossier("Wijk")
    kans = opslag.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Riool"))
    los = opslag.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Los"))
    strategie = opslag.voeg_strategie_toe(dossier.id, StrategieInvoer("Warmtenet", "S2", (kans.id,)))
    with pytest.raises(InvoerFout, match="hoort bij de strategie 'Warmtenet'"):
        opslag.verwijder_koppelkans(dossier.id, kans.id)
    opslag.verwijder_koppelkans(dossier.id, los.id)
    opslag.wijzig_strategie(dossier.id, strategie.id, StrategieInvoer("Warmtenet", "S2"), strategie.versie)
    opslag.verwijder_koppelkans(dossier.id, kans.id)
    assert opslag.koppelkansen(dossier.id) == []


def test_koppelkans_van_een_ander_dossier_blijft_onaangeroerd(opslag):
    eigen, ander = opslag.maak_dossier("Eigen"), opslag.maak_dossier("Ander")
    vreemd = opslag.voeg_koppelkans_toe(ander.id, KoppelkansInvoer("Vreemd"))
    pogingen = [
        lambda: opslag.wijzig_koppelkans(eigen.id, vreemd.id, KoppelkansInvoer("Gekaapt"), vreemd.versie),
        lambda: opslag.zet_koppelkans_scores(eigen.id, vreemd.id, {"wensen": 5}, vreemd.versie),
        lambda: opslag.besluit_koppelkans(eigen.id, vreemd.id, "gekozen", "", vreemd.versie),
        lambda: opslag.verwijder_koppelkans(eigen.id, vreemd.id),
        lambda: opslag.koppelkans(eigen.id, str(vreemd.id)),
    ]
    for poging in pogingen:
        with pytest.raises(InvoerFout, match="bestaat niet \\(meer\\) in dit dossier"):
            poging()
    assert opslag.koppelkansen(ander.id) == [vreemd] and opslag.besluiten(eigen.id) == []
    with pytest.raises(OnbekendDossier):
        opslag.voeg_koppelkans_toe("abcdefabcdef", KoppelkansInvoer("Nergens"))
