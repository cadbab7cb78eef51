"""Passende participatievormen and Participatie- en communicatiestrategie: analysis, chart, widgets, exports."""

from __future__ import annotations

import html
import io
import re

import pytest
from docx import Document
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
    WERVING,
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
from wijkkompas_widgets.content import inhoud as laad_inhoud
from wijkkompas_widgets.dossier import DossierStore, InvoerFout, PartijInvoer
from wijkkompas_widgets.export.deel_participatie import (
    blad_participatie,
    docx_participatiestrategie,
    docx_participatievormen,
)
from wijkkompas_widgets.export.docx import _Rapport
from wijkkompas_widgets.export.verzamel import DossierVerzameling
from wijkkompas_widgets.widgets.context import WerkboekContext
from wijkkompas_widgets.widgets.kaart import markdown_html
from wijkkompas_widgets.widgets.participatie import ParticipatiestrategieOefening, ParticipatievormenOefening

INHOUD = laad_inhoud()
VIJANDIG = "<script>alert(1)</script>"
GOEDE_VRAAG = ("Welke warmteoplossing kiezen we samen voor de wijk, binnen de grens dat de woonlasten niet "
               "stijgen?")


def zichtbaar(html_tekst: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", html_tekst))


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


def test_samenvatting_toont_gebruikerstekst_als_tekst():
    model = Participatiestrategie(vraag=f"{VIJANDIG}\n# kop?", grenzen="<img src=x onerror=alert(1)>",
                                  momenten=(Moment("m1", 4, "[link](javascript:alert(1))", "2026-09", vorm="**x**"),),
                                  werving=tuple(WERVING))
    tekst = markdown_html(samenvatting(model))
    assert "<script" not in tekst and "<img" not in tekst and "<h1>" not in tekst and "href" not in tekst
    assert "september 2026" in tekst and "Fase 4 · Keuzes maken" in tekst
    assert VIJANDIG in zichtbaar(tekst)
    assert "gericht uitnodigen, breed uitnodigen en via loting" in zichtbaar(tekst)


# == widgets ========================================================================================
@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Testwijk", "Noord", "Delft")


def context(store_url: str, dossier_id: str | None) -> WerkboekContext:
    return WerkboekContext(DossierStore(store_url, voorbeeld=False), INHOUD, dossier_id=dossier_id)


def vormen_oefening(store_url, dossier_id) -> ParticipatievormenOefening:
    return ParticipatievormenOefening(context(store_url, dossier_id))


def strategie_oefening(store_url, dossier_id) -> ParticipatiestrategieOefening:
    return ParticipatiestrategieOefening(context(store_url, dossier_id))


def test_matrix_invullen_wordt_bewaard_en_komt_terug(store_url, lege_store, dossier):
    raad = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Bewonersraad", "overig"))
    oefening = vormen_oefening(store_url, dossier.id)
    assert lege_store.formulier(dossier.id, "participatievormen") == ({}, 0)  # showing saves nothing
    assert oefening._doelgroep.value == "huurders"
    warmte = oefening._cel_invoer[0]
    warmte.trede.value = "meebeslissen"
    assert "Opgeslagen" in zichtbaar(oefening._melding.value)
    warmte.vormen.value = ("bewonerspanel", "website")
    warmte.kanaal.value = "beide"
    oefening._segmenten.value = ("koplopers", "late-volgers")
    oefening._woordvoerder.value = raad.id
    oefening._doelgroep.value = "vve"
    oefening._cel_invoer[1].trede.value = "raadplegen"
    gegevens, versie = lege_store.formulier(dossier.id, "participatievormen")
    assert versie == 6
    huurders = gegevens["doelgroepen"][0]
    assert huurders["partij_id"] == raad.id and huurders["segmenten"] == ["koplopers", "late-volgers"]
    assert huurders["cellen"] == [{"onderwerp": "warmteoplossing", "trede": "meebeslissen", "kanaal": "beide",
                                   "vormen": ["website", "bewonerspanel"]}]
    assert gegevens["doelgroepen"][2]["cellen"][0]["trede"] == "raadplegen"
    tabel = zichtbaar(oefening._overzicht.value)
    assert "5 · Meebeslissen" in tabel and "Website of nieuwsbrief, Bewonerspanel via loting" in tabel
    assert "Bewonersraad" in tabel
    assert "alt=\"Raster van doelgroepen" in oefening._figuur.value
    assert "VvE's: deze groep bereik je" not in zichtbaar(oefening._adviezen.value)
    assert "Particuliere eigenaar-bewoners: nog geen enkele participatievorm gekozen" in zichtbaar(
        oefening._adviezen.value)

    opnieuw = vormen_oefening(store_url, dossier.id)
    assert opnieuw._doelgroep.value == "huurders"
    assert opnieuw._cel_invoer[0].trede.value == "meebeslissen"
    assert opnieuw._cel_invoer[0].vormen.value == ("website", "bewonerspanel")
    assert opnieuw._woordvoerder.value == raad.id and opnieuw._segmenten.value == ("koplopers", "late-volgers")
    assert opnieuw._overzicht.value == oefening._overzicht.value


def test_doelgroepen_en_onderwerpen_toevoegen_hernoemen_en_verwijderen(store_url, lege_store, dossier):
    oefening = vormen_oefening(store_url, dossier.id)
    oefening._doelgroep_toevoegen.click()
    assert "Typ eerst de naam van de nieuwe doelgroep." in zichtbaar(oefening._melding_doelgroep.value)
    oefening._nieuwe_doelgroep.value = "Jongeren"
    oefening._doelgroep_toevoegen.click()
    assert oefening._doelgroep.label == "Jongeren" and oefening._nieuwe_doelgroep.value == ""
    oefening._nieuw_onderwerp.value = "Isolatie"
    oefening._onderwerp_toevoegen.click()
    assert [c.kop.value for c in oefening._cel_invoer][-1] == "<b>Isolatie</b>"
    oefening._cel_invoer[-1].trede.value = "adviseren"
    oefening._onderwerp.value = "planning"
    oefening._onderwerp_naam.value = "Planning en volgorde van de straten"
    assert oefening._cel_invoer[1].kop.value == "<b>Planning en volgorde van de straten</b>"
    assert oefening._cel_invoer[-1].trede.value == "adviseren"  # the new inputs show the saved choice
    oefening._doelgroep.value = "vve"
    oefening._doelgroep_weg.click()
    assert "VvE" in oefening._doelgroep_bevestig.tekst.value
    oefening._doelgroep_bevestig.ja.click()
    oefening._onderwerp.value = "woonlasten"
    oefening._onderwerp_weg.click()
    oefening._onderwerp_bevestig.ja.click()
    gegevens, _versie = lege_store.formulier(dossier.id, "participatievormen")
    assert [d["naam"] for d in gegevens["doelgroepen"]] == ["Huurders van de corporatie",
                                                            "Particuliere eigenaar-bewoners",
                                                            "Ondernemers en instellingen", "Jongeren"]
    assert [o["naam"] for o in gegevens["onderwerpen"]] == ["Keuze warmteoplossing",
                                                            "Planning en volgorde van de straten",
                                                            "Inrichting van de openbare ruimte", "Isolatie"]
    assert gegevens["doelgroepen"][3]["cellen"][0]["trede"] == "adviseren"
    assert "Onderwerp 'Woonlasten en financiering' verwijderd." in zichtbaar(oefening._melding_onderwerp.value)


def test_foute_naam_wordt_niet_opgeslagen_en_blijft_staan(store_url, lege_store, dossier):
    oefening = vormen_oefening(store_url, dossier.id)
    oefening._cel_invoer[0].trede.value = "informeren"
    _gegevens, versie = lege_store.formulier(dossier.id, "participatievormen")
    oefening._naam.value = "   "
    assert "Niet gelukt: De naam van de doelgroep is verplicht." in zichtbaar(oefening._melding.value)
    oefening._naam.value = "Particuliere eigenaar-bewoners"
    assert "De doelgroep 'Particuliere eigenaar-bewoners' staat er al." in zichtbaar(oefening._melding.value)
    oefening._cel_invoer[1].trede.value = "raadplegen"  # the wrong name blocks this change too
    assert lege_store.formulier(dossier.id, "participatievormen")[1] == versie
    assert oefening._naam.value == "Particuliere eigenaar-bewoners"  # kept, to correct
    oefening._naam.value = "Huurders"
    gegevens, _versie = lege_store.formulier(dossier.id, "participatievormen")
    assert gegevens["doelgroepen"][0]["naam"] == "Huurders"
    assert [c["trede"] for c in gegevens["doelgroepen"][0]["cellen"]] == ["informeren", "raadplegen"]


def test_matrix_gelijktijdig_gewijzigd_toont_het_nieuwste(store_url, lege_store, dossier):
    eerste, tweede = vormen_oefening(store_url, dossier.id), vormen_oefening(store_url, dossier.id)
    eerste._cel_invoer[0].trede.value = "adviseren"
    tweede._cel_invoer[0].trede.value = "meebeslissen"
    assert "Iemand anders heeft dit formulier intussen opgeslagen" in zichtbaar(tweede._melding.value)
    assert tweede._cel_invoer[0].trede.value == "adviseren"
    gegevens, _versie = lege_store.formulier(dossier.id, "participatievormen")
    assert gegevens["doelgroepen"][0]["cellen"][0]["trede"] == "adviseren"
    tweede._cel_invoer[0].trede.value = "meebeslissen"  # now on the newest version
    gegevens, _versie = lege_store.formulier(dossier.id, "participatievormen")
    assert gegevens["doelgroepen"][0]["cellen"][0]["trede"] == "meebeslissen"


def test_verwijderde_partij_breekt_de_matrix_niet(store_url, lege_store, dossier):
    partij = lege_store.voeg_partij_toe(dossier.id, PartijInvoer(f"Wijkraad {VIJANDIG}", "overig"))
    oefening = vormen_oefening(store_url, dossier.id)
    oefening._woordvoerder.value = partij.id
    oefening._een_stem.value = True
    oefening._een_stem_partij.value = partij.id
    advies = oefening._adviezen.value
    assert "<script" not in advies and html.escape(f"Wijkraad {VIJANDIG}") in advies
    assert "<script" not in oefening._overzicht.value
    lege_store.verwijder_partij(dossier.id, partij.id)
    opnieuw = vormen_oefening(store_url, dossier.id)
    assert opnieuw._woordvoerder.label == VERWIJDERDE_PARTIJ
    assert f"{VERWIJDERDE_PARTIJ} spreekt namens de hele wijk" in zichtbaar(opnieuw._adviezen.value)
    assert VERWIJDERDE_PARTIJ in zichtbaar(opnieuw._overzicht.value)
    opnieuw._cel_invoer[0].trede.value = "informeren"  # other changes still save
    gegevens, _versie = lege_store.formulier(dossier.id, "participatievormen")
    assert gegevens["doelgroepen"][0]["cellen"][0]["trede"] == "informeren"
    assert gegevens["doelgroepen"][0]["partij_id"] == partij.id
    opnieuw._woordvoerder.index = 0  # '— niemand in het bijzonder —'
    gegevens, _versie = lege_store.formulier(dossier.id, "participatievormen")
    assert "partij_id" not in gegevens["doelgroepen"][0]


def test_een_ander_dossier_kiezen_toont_zijn_eigen_invulling(store_url, lege_store, dossier):
    ander = lege_store.maak_dossier("Andere wijk")
    model = zet_cel(standaard_vormen(), "vve", "planning", Cel("adviseren", ("klankbordgroep",), "fysiek"))
    lege_store.bewaar_formulier(ander.id, "participatievormen", vormen_als_dict(model), 0)
    lege_store.bewaar_formulier(ander.id, "participatiestrategie", {"vraag": GOEDE_VRAAG}, 0)
    vormen, strategie = vormen_oefening(store_url, dossier.id), strategie_oefening(store_url, dossier.id)
    vormen._cel_invoer[0].trede.value = "informeren"
    vormen.context.dossier_id = strategie.context.dossier_id = ander.id
    assert vormen._cel_invoer[0].trede.value is None and vormen._melding.value == ""
    vormen._doelgroep.value = "vve"
    assert vormen._cel_invoer[1].trede.value == "adviseren" and vormen._cel_invoer[1].kanaal.value == "fysiek"
    assert strategie._vraag.value == GOEDE_VRAAG
    assert lege_store.formulier(dossier.id, "participatievormen")[0]["doelgroepen"][0]["cellen"][0]["trede"] == \
        "informeren"


def test_zonder_dossier_tonen_beide_oefeningen_een_melding(store_url, dossier):
    for maak in (vormen_oefening, strategie_oefening):
        oefening = maak(store_url, None)
        assert "Er is geen dossier geopend" in oefening.children[0].value
        oefening.context.dossier_id = dossier.id
        assert oefening.children[0] is oefening._inhoud


def test_strategie_invullen_wordt_bewaard_met_samenvatting(store_url, lege_store, dossier):
    oefening = strategie_oefening(store_url, dossier.id)
    assert "De participatievraag ontbreekt nog" in zichtbaar(oefening._vraag_advies.value)
    oefening._grenzen.value = "De raad besluit over het wijkuitvoeringsplan."  # saved, even before the question
    assert lege_store.formulier(dossier.id, "participatiestrategie")[0]["grenzen"] == \
        "De raad besluit over het wijkuitvoeringsplan."
    assert "De participatievraag ontbreekt nog" in zichtbaar(oefening._vraag_advies.value)
    oefening._vraag.value = "Wat vindt u?"
    assert "erg kort" in zichtbaar(oefening._vraag_advies.value)
    oefening._vraag.value = GOEDE_VRAAG
    assert "✔ Een echte vraag" in zichtbaar(oefening._vraag_advies.value)
    oefening._randvoorwaarden["financieel"].value = "Budget van € 50.000 voor het proces."
    oefening._procesontwerp.value = "samen"
    oefening._werving["loting"].value = True
    oefening._vergoeding.value = True
    oefening._vergoeding_toelichting.value = "Waardebon van € 25"
    oefening._terugkoppeling.value = "Binnen vier weken een brief."
    oefening._notities["kennisbasis"].value = "Samen feiten verzamelen."
    for fase, naam, maand in ((4, "Inspraakavond", "2027-02"), (3, "Wijkavond", "2026-09")):
        oefening._fase.value, oefening._moment.value, oefening._maand.value = fase, naam, maand
        oefening._vorm.value = "Bewonersbijeenkomst"
        oefening._moment_toevoegen.click()
    assert oefening._moment.value == "" and "Moment toegevoegd." in zichtbaar(oefening._melding_momenten.value)
    gegevens, _versie = lege_store.formulier(dossier.id, "participatiestrategie")
    assert gegevens["vraag"] == GOEDE_VRAAG and gegevens["grenzen"].startswith("De raad besluit")
    assert gegevens["werving"] == ["loting"] and gegevens["vergoeding"] is True
    assert [m["moment"] for m in gegevens["momenten"]] == ["Wijkavond", "Inspraakavond"]
    assert gegevens["uitgangspunten"] == {"kennisbasis": "Samen feiten verzamelen."}
    lijst = [zichtbaar(rij.children[0].value) for rij in oefening._lijst.children]
    assert lijst[0].startswith("september 2026 · Fase 3") and "vorm: Bewonersbijeenkomst" in lijst[0]
    samen = zichtbaar(oefening._samenvatting.value)
    assert "Via loting" not in samen and "via loting" in samen and "ja (Waardebon van € 25)" in samen
    assert "Samen feiten verzamelen." in samen
    assert "✔ Jullie ontwerpen het proces samen met bewoners." in zichtbaar(
        oefening._signalen["samen-ontwerpen"].value)

    opnieuw = strategie_oefening(store_url, dossier.id)
    assert opnieuw._vraag.value == GOEDE_VRAAG and opnieuw._procesontwerp.value == "samen"
    assert opnieuw._werving["loting"].value and not opnieuw._werving["breed"].value
    assert opnieuw._vergoeding.value is True and opnieuw._samenvatting.value == oefening._samenvatting.value
    opnieuw._lijst.children[0].children[1].click()  # remove 'Wijkavond'
    gegevens, _versie = lege_store.formulier(dossier.id, "participatiestrategie")
    assert [m["moment"] for m in gegevens["momenten"]] == ["Inspraakavond"]


def test_foute_maand_en_te_lange_tekst_worden_niet_opgeslagen(store_url, lege_store, dossier):
    oefening = strategie_oefening(store_url, dossier.id)
    oefening._vraag.value = GOEDE_VRAAG
    _gegevens, versie = lege_store.formulier(dossier.id, "participatiestrategie")
    oefening._moment.value, oefening._maand.value = "Wijkavond", "september"
    oefening._moment_toevoegen.click()
    assert "JJJJ-MM" in zichtbaar(oefening._melding_momenten.value)
    assert oefening._moment.value == "Wijkavond"  # kept, to correct
    oefening._verwerking.value = "x" * 2001
    assert "Hoe jullie de inbreng verwerken is te lang" in zichtbaar(oefening._melding_proces.value)
    assert lege_store.formulier(dossier.id, "participatiestrategie")[1] == versie


def test_strategie_gelijktijdig_gewijzigd_en_html_blijft_tekst(store_url, lege_store, dossier):
    eerste, tweede = strategie_oefening(store_url, dossier.id), strategie_oefening(store_url, dossier.id)
    eerste._vraag.value = f"{GOEDE_VRAAG} {VIJANDIG}"
    assert "<script" not in eerste._samenvatting.value and VIJANDIG in zichtbaar(eerste._samenvatting.value)
    tweede._vraag.value = "Een andere vraag over de warmte?"
    assert "Iemand anders heeft dit formulier intussen opgeslagen" in zichtbaar(tweede._melding.value)
    assert tweede._vraag.value == f"{GOEDE_VRAAG} {VIJANDIG}"
    assert lege_store.formulier(dossier.id, "participatiestrategie")[0]["vraag"] == f"{GOEDE_VRAAG} {VIJANDIG}"


# == exports ========================================================================================
def rapport_tekst(schrijf, store, dossier_id) -> tuple[bool, str]:
    r = _Rapport("Test")
    geschreven = schrijf(r, DossierVerzameling(store, dossier_id))
    buffer = io.BytesIO()
    r.doc.save(buffer)
    document = Document(io.BytesIO(buffer.getvalue()))
    delen = [p.text for p in document.paragraphs]
    delen += [c.text for t in document.tables for rij in t.rows for c in rij.cells]
    return geschreven, "\n".join(delen)


def test_exports_zonder_invulling_zeggen_niets(lege_store, dossier):
    assert rapport_tekst(docx_participatievormen, lege_store, dossier.id)[0] is False
    assert rapport_tekst(docx_participatiestrategie, lege_store, dossier.id)[0] is False
    blad = blad_participatie(DossierVerzameling(lege_store, dossier.id))
    assert blad.rijen == [] and blad.noot == "Nog niet ingevuld."


def test_exports_van_de_matrix(lege_store, dossier):
    partij = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Wijkraad", "overig"))
    model = zet_cel(standaard_vormen(), "huurders", "warmteoplossing", Cel("meebeslissen", ("bewonerspanel",),
                                                                             "fysiek"))
    model = Participatievormen(model.doelgroepen, model.onderwerpen, True, partij.id)
    lege_store.bewaar_formulier(dossier.id, "participatievormen", vormen_als_dict(model), 0)
    geschreven, tekst = rapport_tekst(docx_participatievormen, lege_store, dossier.id)
    assert geschreven
    assert "Huurders van de corporatie" in tekst and "5 · Meebeslissen" in tekst and "Bewonerspanel via loting" in tekst
    assert "Adviezen" in tekst and "Wijkraad spreekt namens de hele wijk" in tekst
    assert "Particuliere eigenaar-bewoners: nog geen enkele participatievorm gekozen" in tekst
    assert "Bron: Participatieladder" in tekst
    blad = blad_participatie(DossierVerzameling(lege_store, dossier.id))
    assert len(blad.rijen) == 16
    assert blad.rijen[0] == ["Huurders van de corporatie", None, None, "Keuze warmteoplossing", "Meebeslissen", 5,
                             "Bewonerspanel via loting", "Fysiek"]
    assert blad.rijen[1][4:6] == ["nog open", None]
    lege_store.verwijder_partij(dossier.id, partij.id)
    _geschreven, tekst = rapport_tekst(docx_participatievormen, lege_store, dossier.id)
    assert f"{VERWIJDERDE_PARTIJ} spreekt namens de hele wijk" in tekst


def test_export_van_de_strategie(lege_store, dossier):
    model = Participatiestrategie(
        vraag=GOEDE_VRAAG, grenzen="De raad besluit.", randvoorwaarden={"technisch": "Netcapaciteit"},
        procesontwerp="gemeente", werving=("breed",), vergoeding=False, verwerking="In een reactienota.",
        momenten=(Moment("m2", 4, "Inspraakavond", "2027-02", "Reacties ophalen", "Bewonersbijeenkomst"),
                  Moment("m1", 3, "Wijkavond", "2026-09")), notities={"ondersteunen": "Een energiecoach."})
    lege_store.bewaar_formulier(dossier.id, "participatiestrategie", strategie_als_dict(controleer_strategie(model)),
                                0)
    geschreven, tekst = rapport_tekst(docx_participatiestrategie, lege_store, dossier.id)
    assert geschreven
    for stukje in ("Participatievraag", GOEDE_VRAAG, "Netcapaciteit", "De gemeente ontwerpt het proces.",
                   "breed uitnodigen", "Vergoeding: nee", "In een reactienota.", "Terugkoppeling: nog niet ingevuld",
                   "Toets aan de vijf uitgangspunten van de PAW", "Een energiecoach.",
                   "⚠ Nog niet beschreven hoe jullie terugkoppelen."):
        assert stukje in tekst
    assert tekst.index("september 2026") < tekst.index("februari 2027")
