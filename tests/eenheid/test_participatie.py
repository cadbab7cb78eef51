"""Passende participatievormen and the participatie- en communicatiestrategie: reading, checking and advice,
the questions and self-check, and the chart."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure

from wijkkompas_widgets.analysis.participatie import (
    FASEN,
    KANALEN,
    SEGMENTEN,
    TREDEN,
    UITGANGSPUNTEN,
    VERWIJDERDE_PARTIJ,
    VORMEN,
    Cel,
    Doelgroep,
    Moment,
    Onderwerp,
    Participatiestrategie,
    Participatievormen,
    adviezen,
    controleer_participatievormen,
    controleer_strategie,
    gesorteerd,
    ingevuld,
    lees_participatievormen,
    lees_strategie,
    matrix_rijen,
    samenvatting,
    standaard_vormen,
    strategie_als_dict,
    treden_raster,
    verwijder_onderwerp,
    vormen_als_dict,
    vraag_adviezen,
    zelftoets,
    zet_cel,
)
from wijkkompas_widgets.charts.participatie import participatie_alt, participatie_figuur
from wijkkompas_widgets.dossier import InvoerFout

VIJANDIG = "<script>alert(1)</script>"
GOEDE_VRAAG = ("Welke warmteoplossing kiezen we samen voor de wijk, binnen de grens dat de woonlasten niet "
               "stijgen?")


def model_met(*doelgroepen: Doelgroep, een_stem: bool = False, partij: int | None = None) -> Participatievormen:
    return Participatievormen(tuple(doelgroepen), (Onderwerp("w", "Warmte"), Onderwerp("p", "Planning")), een_stem,
                              partij)


def soorten(model: Participatievormen, namen: dict[int, str] | None = None) -> list[str]:
    return [a.soort for a in adviezen(model, namen or {})]


# == participatievormen: reading, checking, advice ==================================================
def test_een_nieuw_formulier_begint_met_de_gebruikelijke_doelgroepen_en_onderwerpen():
    model = lees_participatievormen({})
    assert [d.naam for d in model.doelgroepen] == ["Huurders van de corporatie", "Particuliere eigenaar-bewoners",
                                                   "VvE's", "Ondernemers en instellingen"]
    assert [o.naam for o in model.onderwerpen] == ["Keuze warmteoplossing", "Planning en fasering",
                                                   "Woonlasten en financiering", "Inrichting van de openbare ruimte"]
    assert not ingevuld(model)
    assert treden_raster(model) == [[None] * 4] * 4


def test_een_handmatig_bewerkt_formulier_wordt_veld_voor_veld_gelezen():
    gegevens = {
        "onderwerpen": [{"id": "w", "naam": "Warmte"}, {"id": "w", "naam": "dubbel"}, {"id": 3, "naam": "x"},
                        "kapot", {"id": "p", "naam": "  "}],
        "doelgroepen": [
            {"id": "a", "naam": "Huurders", "segmenten": ["koplopers", "onbekend", 7], "partij_id": "3",
             "cellen": [{"onderwerp": "w", "trede": "zelfbeheer", "vormen": ["website", "bestaat-niet", 3],
                         "kanaal": "radio"}, {"onderwerp": "weg", "trede": "informeren"}]},
            {"id": "b", "naam": "Eigenaren", "partij_id": True, "cellen": "kapot"},
            {"naam": "zonder id"},
        ],
        "belangengroep": {"spreekt_voor_wijk": "ja", "partij_id": 4},
        "onbekend": 1,
    }
    model = lees_participatievormen(gegevens)
    assert [o.id for o in model.onderwerpen] == ["w"]
    huurders, eigenaren = model.doelgroepen
    assert huurders.segmenten == ("koplopers",) and huurders.partij_id is None
    assert huurders.cel("w") == Cel(None, ("website",), None)
    assert "weg" not in huurders.cellen
    assert eigenaren.partij_id is None and eigenaren.cellen == {}
    assert model.een_stem is False and model.een_stem_partij_id == 4


json_waarden = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8) | st.sampled_from(
        ["w", "informeren", "meebeslissen", "website", "online", "koplopers", "2026-09", "id", "naam"]),
    lambda kind: st.lists(kind, max_size=4) | st.dictionaries(st.sampled_from(
        ["id", "naam", "doelgroepen", "onderwerpen", "cellen", "onderwerp", "trede", "vormen", "kanaal", "segmenten",
         "partij_id", "belangengroep", "vraag", "momenten", "fase", "maand", "moment", "werving", "vergoeding",
         "randvoorwaarden", "uitgangspunten"]), kind, max_size=6),
    max_leaves=25)


@given(json_waarden)
@settings(max_examples=150, deadline=None)
def test_lezen_faalt_nooit_op_willekeurige_json(gegevens):
    model = lees_participatievormen(gegevens)
    adviezen(model, {})
    matrix_rijen(model, {})
    strategie = lees_strategie(gegevens)
    samenvatting(strategie)
    assert list(strategie.momenten) == sorted(strategie.momenten, key=lambda m: (m.maand, m.fase))


namen_st = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=30).map(
    lambda t: " ".join(t.split())).filter(bool)


@st.composite
def modellen(draw) -> Participatievormen:
    onderwerpnamen = draw(st.lists(namen_st, max_size=4, unique_by=str.casefold))
    onderwerpen = tuple(Onderwerp(f"o{i}", naam) for i, naam in enumerate(onderwerpnamen))
    cel = st.builds(Cel, st.none() | st.sampled_from([t.id for t in TREDEN]),
                    st.lists(st.sampled_from([v.id for v in VORMEN]), unique=True).map(
                        lambda vs: tuple(v.id for v in VORMEN if v.id in vs)),
                    st.none() | st.sampled_from(list(KANALEN)))
    doelgroepen = []
    for i, naam in enumerate(draw(st.lists(namen_st, max_size=5, unique_by=str.casefold))):
        cellen = {o.id: c for o in onderwerpen if not (c := draw(cel)).leeg}
        segmenten = tuple(s for s in SEGMENTEN if draw(st.booleans()))
        doelgroepen.append(Doelgroep(f"d{i}", naam, segmenten, draw(st.none() | st.sampled_from([1, 2])), cellen))
    een_stem = draw(st.booleans())
    return Participatievormen(tuple(doelgroepen), onderwerpen, een_stem,
                              draw(st.none() | st.just(2)) if een_stem else None)


@given(modellen())
@settings(max_examples=80, deadline=None)
def test_opslaan_en_teruglezen_geeft_hetzelfde_en_adviezen_kloppen(model):
    schoon = controleer_participatievormen(model, {1, 2})
    assert schoon == model
    assert lees_participatievormen(vormen_als_dict(schoon)) == model
    gevonden = adviezen(model, {1: "Bewonersvereniging"})
    zonder_vorm = {d.id for d in model.doelgroepen if not any(c.vormen for c in d.cellen.values())}
    assert {a.doelgroep_id for a in gevonden if a.soort == "geen-vorm"} == zonder_vorm
    assert len(matrix_rijen(model, {})) == len(model.doelgroepen) * len(model.onderwerpen)


@pytest.mark.parametrize(("aanpassing", "melding"), [
    (lambda m: model_met(Doelgroep("a", "  ")), "De naam van de doelgroep is verplicht."),
    (lambda m: model_met(Doelgroep("a", "Huurders"), Doelgroep("b", "huurders")), "De doelgroep 'huurders' staat "
                                                                                   "er al."),
    (lambda m: model_met(Doelgroep("a", "x" * 201)), "De naam van de doelgroep is te lang (201 tekens)"),
    (lambda m: model_met(Doelgroep("a", "Huurders", partij_id=9)), "Wie spreekt namens 'Huurders': deze partij "
                                                                   "staat niet (meer) in het dossier"),
    (lambda m: model_met(Doelgroep("a", "Huurders", cellen={"w": Cel("zelfbeheer")})), "Onbekende trede bij "
                                                                                       "'Huurders'"),
    (lambda m: model_met(Doelgroep("a", "Huurders", cellen={"w": Cel(vormen=("radio",))})), "Onbekende "
                                                                                           "participatievorm"),
    (lambda m: model_met(*(Doelgroep(f"d{i}", f"Groep {i}") for i in range(101))), "hoogstens 100"),
    (lambda m: Participatievormen((), (Onderwerp("a", "Warmte"), Onderwerp("b", "warmte"))), "Het onderwerp "
                                                                                             "'warmte' staat er al."),
])
def test_foute_invoer_wordt_geweigerd_met_een_melding_die_het_veld_noemt(aanpassing, melding):
    with pytest.raises(InvoerFout, match=re.escape(melding)):
        controleer_participatievormen(aanpassing(None), {1})


def test_elk_advies_verschijnt_waar_het_hoort():
    goed = Doelgroep("a", "Huurders", ("late-volgers",), None, {
        "w": Cel("meebeslissen", ("bewonerspanel",), "fysiek"), "p": Cel("informeren", ("website",), "online")})
    assert soorten(model_met(goed)) == []
    assert soorten(model_met(Doelgroep("a", "Huurders"))) == ["geen-vorm"]
    alleen_online = Doelgroep("a", "Huurders", cellen={"w": Cel("raadplegen", ("enquete",), "online")})
    assert soorten(model_met(alleen_online)) == ["alleen-online"]
    te_licht = Doelgroep("a", "Huurders", cellen={"w": Cel("coproduceren", ("enquete", "klankbordgroep"), "beide")})
    tekst = adviezen(model_met(te_licht), {})[0].tekst
    assert tekst.endswith("coproduceren vraagt een vorm die dat kan dragen, zoals ontwerpatelier of werkgroep, "
                          "bewonerspanel via loting of stemming met bindende uitkomst.")
    zonder_vorm = Doelgroep("a", "Huurders", cellen={"w": Cel("adviseren", (), None), "p": Cel(
        "informeren", ("website",), "beide")})
    assert "Huurders, Warmte: adviseren staat vast, maar er is nog geen vorm gekozen." in [
        a.tekst for a in adviezen(model_met(zonder_vorm), {})]
    onpersoonlijk = Doelgroep("a", "Eigenaren", ("niet-willers", "koplopers"), None, {
        "w": Cel("informeren", ("website", "enquete"), "beide")})
    assert soorten(model_met(onpersoonlijk)) == ["persoonlijk"]
    assert "er zitten niet-willers in deze groep" in adviezen(model_met(onpersoonlijk), {})[0].tekst


def test_een_belangengroep_voor_de_hele_wijk_geeft_een_advies_ook_als_de_partij_weg_is():
    met_vorm = {"w": Cel("raadplegen", ("bijeenkomst",), "fysiek")}
    model = model_met(Doelgroep("a", "Huurders", cellen=met_vorm), een_stem=True, partij=3)
    zonder_naam = model_met(Doelgroep("a", "Huurders", cellen=met_vorm), een_stem=True)
    assert adviezen(zonder_naam, {})[-1].tekst.startswith("Eén belangengroep spreekt namens de hele wijk")
    assert adviezen(model, {3: "Wijkraad Noord"})[-1].tekst.startswith("Wijkraad Noord spreekt namens de hele wijk")
    assert adviezen(model, {})[-1].tekst.startswith(f"{VERWIJDERDE_PARTIJ} spreekt namens de hele wijk")
    # the same party for every group says the same, also without the checkbox
    zelfde = model_met(Doelgroep("a", "Huurders", partij_id=3, cellen=met_vorm),
                       Doelgroep("b", "Eigenaren", partij_id=3, cellen=met_vorm))
    assert soorten(zelfde, {3: "Wijkraad"}) == ["een-stem"]
    verschillend = model_met(Doelgroep("a", "Huurders", partij_id=3, cellen=met_vorm),
                             Doelgroep("b", "Eigenaren", partij_id=4, cellen=met_vorm))
    assert soorten(verschillend) == []
    assert matrix_rijen(zelfde, {})[0].spreekt_namens == VERWIJDERDE_PARTIJ


def test_een_onderwerp_verwijderen_neemt_de_keuzes_mee():
    model = zet_cel(standaard_vormen(), "huurders", "planning", Cel("adviseren", ("klankbordgroep",), "fysiek"))
    assert model.doelgroep("huurders").cel("planning").trede == "adviseren" and ingevuld(model)
    zonder = verwijder_onderwerp(model, "planning")
    assert "planning" not in zonder.doelgroep("huurders").cellen
    assert [o.id for o in zonder.onderwerpen] == ["warmteoplossing", "woonlasten", "openbare-ruimte"]
    assert not ingevuld(zonder)


# == chart ==========================================================================================
def test_het_raster_draagt_de_trede_in_tekst_en_niet_alleen_in_kleur():
    figuur = participatie_figuur(["Huurders", "$Eigenaren$"], ["Warmte", "Planning"], [[5, None], [1, 3]],
                                 [["fysiek", ""], ["online", ""]])
    assert isinstance(figuur, Figure)
    teksten = [t.get_text() for t in figuur.axes[0].texts]
    assert teksten == ["5 · meebeslissen\nfysiek", "nog open", "1 · informeren\nonline", "3 · adviseren"]
    assert [t.get_text() for t in figuur.axes[0].get_yticklabels()] == ["Huurders", r"\$Eigenaren\$"]
    alt = participatie_alt(["Huurders"], ["Warmte", "Planning"], [[5, None]])
    assert "Huurders — Warmte: meebeslissen, Planning: nog open" in alt
    assert isinstance(participatie_figuur([], [], []), Figure)


# == participatiestrategie =========================================================================
@pytest.mark.parametrize(("vraag", "verwacht"), [
    ("", ["ontbreekt"]),
    ("Wat vindt u?", ["erg kort", "niet waarover"]),
    ("Bewoners praten mee over de keuze van de warmteoplossing binnen de grenzen van de raad.", ["vraagteken"]),
    ("Hoe willen de bewoners van de wijk Noord straks graag worden betrokken bij alles?", ["niet waarover"]),
    (GOEDE_VRAAG, []),
])
def test_vage_participatievraag_krijgt_een_advies(vraag, verwacht):
    gevonden = vraag_adviezen(vraag)
    assert len(gevonden) == len(verwacht)
    for stukje, advies in zip(verwacht, gevonden, strict=True):
        assert stukje in advies


def test_eigen_onderwerpen_tellen_als_onderwerp_van_de_vraag():
    vraag = "Hoe willen de bewoners van de wijk Noord meedenken over het buurtfeest van volgend jaar?"
    assert any("niet waarover" in a for a in vraag_adviezen(vraag))
    assert vraag_adviezen(vraag, ["Buurtfeest"]) == []


def moment(maand: str, naam: str = "Wijkavond", fase: int = 3) -> Moment:
    return Moment(f"m{maand}{naam}", fase, naam, maand)


def test_zonder_participatievraag_wordt_de_rest_toch_bewaard_met_een_advies():
    assert controleer_strategie(Participatiestrategie()) == Participatiestrategie()
    zonder_vraag = controleer_strategie(Participatiestrategie(grenzen="De raad besluit."))
    assert zonder_vraag.grenzen == "De raad besluit."
    assert controleer_strategie(Participatiestrategie(momenten=(moment("2026-09"),))).momenten
    assert "De participatievraag ontbreekt nog" in vraag_adviezen(zonder_vraag.vraag)[0]
    schoon = controleer_strategie(Participatiestrategie(vraag=f"  {GOEDE_VRAAG} ", grenzen="De raad besluit."))
    assert schoon.vraag == GOEDE_VRAAG


@pytest.mark.parametrize(("model", "melding"), [
    (Participatiestrategie(vraag="x" * 2001), "De participatievraag is te lang (2001 tekens)"),
    (Participatiestrategie(vraag="Vraag?", randvoorwaarden={"financieel": "x" * 2001}), "De financiële "
                                                                                        "randvoorwaarden is te lang"),
    (Participatiestrategie(vraag="Vraag?", vergoeding_toelichting="x" * 201), "De toelichting bij de vergoeding"),
    (Participatiestrategie(vraag="Vraag?", werving=("loting", "per post")), "Onbekende manier van werven"),
    (Participatiestrategie(vraag="Vraag?", procesontwerp="bewoners"), "Kies wie het proces ontwerpt"),
    (Participatiestrategie(vraag="Vraag?", momenten=(moment("2026-13"),)), "JJJJ-MM"),
    (Participatiestrategie(vraag="Vraag?", momenten=(moment("26-09"),)), "JJJJ-MM"),
    (Participatiestrategie(vraag="Vraag?", momenten=(moment("1999-01"),)), "JJJJ-MM"),
    (Participatiestrategie(vraag="Vraag?", momenten=(moment("2026-09", " "),)), "Wat het moment is is verplicht"),
    (Participatiestrategie(vraag="Vraag?", momenten=(Moment("m1", 6, "Avond", "2026-09"),)), "fase 3, 4 of 5"),
    (Participatiestrategie(vraag="Vraag?", notities={"kennisbasis": "x" * 2001}), "'Een betrouwbare kennisbasis'"),
])
def test_foute_strategie_wordt_geweigerd(model, melding):
    with pytest.raises(InvoerFout, match=re.escape(melding)):
        controleer_strategie(model)


maanden = st.builds(lambda j, m: f"{j}-{m:02d}", st.integers(2020, 2040), st.integers(1, 12))


@given(st.lists(st.tuples(maanden, st.sampled_from(sorted(FASEN))), max_size=12))
def test_momenten_staan_altijd_op_volgorde_van_maand(paren):
    momenten = tuple(Moment(f"m{i}", fase, f"Moment {i}", maand) for i, (maand, fase) in enumerate(paren))
    model = controleer_strategie(Participatiestrategie(vraag=GOEDE_VRAAG, momenten=momenten))
    assert [m.maand for m in model.momenten] == sorted(m for m, _f in paren)
    assert lees_strategie(strategie_als_dict(model)) == model
    sleutels = [(m.maand, m.fase) for m in model.momenten]
    assert sleutels == sorted(sleutels) and gesorteerd(model.momenten) == model.momenten


def test_zelftoets_leest_het_formulier_mee():
    leeg = zelftoets(Participatiestrategie(vraag="?"))
    assert [r.uitgangspunt.id for r in leeg] == [u.id for u in UITGANGSPUNTEN]
    assert [r.in_orde for r in leeg] == [False, False, False, None, None]
    vol = zelftoets(Participatiestrategie(vraag="?", procesontwerp="samen", werving=("gericht", "loting"),
                                          vergoeding=True, terugkoppeling="Een brief.",
                                          notities={"kennisbasis": "Samen feiten verzamelen."}))
    assert [r.in_orde for r in vol] == [True, True, True, None, None]
    assert vol[1].signaal == "Werving: gericht uitnodigen en via loting. Er staat een vergoeding tegenover."
    assert vol[3].notitie == "Samen feiten verzamelen."
    assert zelftoets(Participatiestrategie(werving=("gericht",)))[1].in_orde is False
