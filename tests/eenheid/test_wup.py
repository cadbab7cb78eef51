"""Towards the wijkuitvoeringsplan (phase 4), the pure part: reading and checking the forms of the decisions on
koppelkansen and of the concept-WUP, the warnings, the WUP paragraph, completeness and the joint decision's text;
and the read-model's wording that the pages and the report share."""

from __future__ import annotations

import re

import pytest
from hulp import zichtbaar
from hypothesis import given, settings
from hypothesis import strategies as st

from wijkkompas_widgets.analysis.wup import (
    VERWIJDERDE_KANS,
    VERWIJDERDE_PARTIJ,
    ConceptWup,
    DossierStand,
    KansKeuze,
    Standpunt,
    TeVerbinden,
    besluit_teksten,
    besluitstand,
    controleer_concept_wup,
    controleer_te_verbinden,
    kansen_op_de_lijst,
    kenmerk_tekst,
    lees_concept_wup,
    lees_te_verbinden,
    volledigheid,
    waarschuwingen_te_verbinden,
    wup_tekst,
)
from wijkkompas_widgets.dossier import InvoerFout
from wijkkompas_widgets.dossier.records import Koppelkans
from wijkkompas_widgets.leesmodel.concept_wup import stand_zin, standpunt_rijen, vastgelegd_op, volgnummer
from wijkkompas_widgets.leesmodel.te_verbinden import overzicht_rijen
from wijkkompas_widgets.widgets.kaart import markdown_html  # the page's Markdown, which the WUP text must survive

JSON = st.recursive(st.none() | st.booleans() | st.integers(-5, 3000) | st.text(max_size=12),
                    lambda kind: st.lists(kind, max_size=4) | st.dictionaries(st.text(max_size=12), kind, max_size=5),
                    max_leaves=25)
VELDEN = st.fixed_dictionaries({}, optional={
    "koppelkans_id": JSON | st.integers(1, 5), "besluit": JSON | st.sampled_from(["meenemen", "later"]),
    "partij_id": JSON, "partij_ids": JSON, "financiering": JSON, "geld": JSON, "jaar": JSON, "onderbouwing": JSON,
    "vastgelegd": JSON, "standpunt": JSON | st.sampled_from(["akkoord", "voorbehoud"]), "datum": JSON,
    "voorbehoud": JSON, "betekenis": JSON})


def kans(kans_id: int, titel: str, besluit: str | None = None) -> Koppelkans:
    return Koppelkans(kans_id, titel, "nieuw", "", "", 1, {}, besluit, "")


# -- analysis: te verbinden ------------------------------------------------------------------------
@settings(max_examples=150, deadline=None)
@given(st.one_of(JSON, st.fixed_dictionaries({"kansen": st.lists(VELDEN | JSON, max_size=6)})))
def test_lezen_van_een_oud_of_kapot_formulier_lukt_altijd(gegevens):
    model = lees_te_verbinden(gegevens)
    for keuze in model.kansen:
        assert isinstance(keuze.koppelkans_id, int) and keuze.besluit in (None, "meenemen", "later", "laten-vallen")
        assert isinstance(keuze.onderbouwing, str) and isinstance(keuze.vastgelegd, bool)
        assert all(isinstance(p, int) for p in keuze.partners)
    assert len({k.koppelkans_id for k in model.kansen}) == len(model.kansen)
    assert lees_te_verbinden(model.als_dict()) == model  # what is read can be saved and read back the same


def test_elk_besluit_vraagt_een_onderbouwing_ook_laten_vallen():
    for besluit in ("meenemen", "later", "laten-vallen"):
        with pytest.raises(InvoerFout, match="Schrijf bij 'Speeltuin' een onderbouwing"):
            controleer_te_verbinden(TeVerbinden((KansKeuze(1, besluit, onderbouwing="  "),)), {1: "Speeltuin"}, set())
    zonder = controleer_te_verbinden(TeVerbinden((KansKeuze(1, None),)), {1: "Speeltuin"}, set())
    assert zonder.kansen[0].besluit is None  # no decision yet needs no reason


@pytest.mark.parametrize("keuze, melding", [
    (KansKeuze(1, "later", eigenaar=9, onderbouwing="x"), "staat niet (meer) in dit dossier"),
    (KansKeuze(1, "later", jaar=2100, onderbouwing="x"), "tussen 2020 en 2060"),
    (KansKeuze(1, "later", geld="€" * 201, onderbouwing="x"), "Het bedrag of de bron bij 'Riool' is te lang"),
    (KansKeuze(1, "later", onderbouwing="x" * 2001), "De onderbouwing bij 'Riool' is te lang"),
    (KansKeuze(1, "weet niet", onderbouwing="x"), "meenemen, later oppakken of laten vallen"),
])
def test_foute_invoer_noemt_het_veld(keuze, melding):
    with pytest.raises(InvoerFout, match=re.escape(melding)):
        controleer_te_verbinden(TeVerbinden((keuze,)), {1: "Riool"}, {3})


def test_eigenaar_is_geen_partner_van_zichzelf_en_partners_staan_er_een_keer():
    schoon = controleer_te_verbinden(TeVerbinden((KansKeuze(1, "meenemen", 3, (3, 4, 4), "geregeld",
                                                            onderbouwing=" Past. "),)), {1: "Riool"}, {3, 4})
    assert schoon.kansen[0].partners == (4,) and schoon.kansen[0].onderbouwing == "Past."
    assert schoon.als_dict()["kansen"][0]["partij_id"] == 3 and schoon.als_dict()["kansen"][0]["partij_ids"] == [4]


def test_lijst_heeft_gekozen_en_top3_en_toegevoegde_en_verwijderde_kansen():
    register = [kans(1, "Riool", "gekozen"), kans(2, "Schoolplein"), kans(3, "Afgevallen", "niet"),
                kans(4, "Los idee"), kans(5, "Extra")]
    model = TeVerbinden((KansKeuze(99, "later", onderbouwing="Wacht op geld."), KansKeuze(5)))
    rijen = kansen_op_de_lijst(register, top_ids=[2, 3], model=model)
    assert [r.titel for r in rijen] == ["Riool", "Schoolplein", "Extra", VERWIJDERDE_KANS]
    assert [r.extra for r in rijen] == [False, False, True, False] and rijen[1].in_top
    assert not rijen[3].bestaat and rijen[3].keuze.onderbouwing == "Wacht op geld."


def test_waarschuwingen_zeggen_wat_nog_een_wens_is():
    register = [kans(1, "Riool", "gekozen"), kans(2, "Schoolplein"), kans(3, "Zonnedaken", "gekozen")]
    model = TeVerbinden((
        KansKeuze(1, "meenemen", eigenaar=None, financiering="geregeld", onderbouwing="Straat gaat open."),
        KansKeuze(3, "meenemen", eigenaar=7, financiering="geregeld", onderbouwing="Eigen geld.", vastgelegd=True),
    ))
    meldingen = waarschuwingen_te_verbinden(kansen_op_de_lijst(register, [2], model), {7: "Corporatie"})
    assert meldingen == [
        "'Riool' gaat mee in het WUP, maar heeft nog geen eigenaar: dan is het nog een wens, geen plan.",
        "Het besluit over 'Riool' is nog niet vastgelegd bij de partners in hun eigen organisatie.",
        "'Schoolplein' staat in de top 3 van fase 3, maar heeft nog geen besluit.",
    ]
    geen_geld = TeVerbinden((KansKeuze(3, "meenemen", 7, financiering="onbekend", onderbouwing="x", vastgelegd=True),))
    meldingen = waarschuwingen_te_verbinden(kansen_op_de_lijst(register, [], geen_geld), {})
    assert "'Zonnedaken' gaat mee in het WUP, maar heeft nog geen geregelde of aangevraagde financiering" \
        in meldingen[0]
    assert "staat een partij die niet meer in het dossier zit" in meldingen[1]


def test_wup_tekst_zegt_wat_mee_later_en_niet_en_waarom():
    register = [kans(1, "Riool"), kans(2, "Schoolplein"), kans(3, "Zonnepanelen")]
    model = TeVerbinden((
        KansKeuze(1, "meenemen", 7, (8,), "geregeld", "€ 250.000 rioleringsplan", 2027, "Straat gaat toch open.",
                  True),
        KansKeuze(2, "later", onderbouwing="Eerst het warmtenet."),
        KansKeuze(3, "laten-vallen", onderbouwing="Te duur voor nu."),
        KansKeuze(44, "laten-vallen", onderbouwing="Niet meer nodig."),
    ))
    tekst = wup_tekst(kansen_op_de_lijst(register, [], model), {7: "Gemeente"})
    pagina = zichtbaar(markdown_html(tekst))
    assert "Van de 4 koppelkansen op de lijst nemen we er 1 mee in dit plan, pakken we er 1 later op en laten we er " \
           "2 vallen." in pagina
    assert ("Riool ; eigenaar: Gemeente; partners: (verwijderde partij); financiering: geregeld (€ 250.000 "
            "rioleringsplan); planning: 2027. Waarom: Straat gaat toch open.") in pagina
    for kop in ("Wat we meenemen", "Wat we later oppakken", "Wat we laten vallen"):
        assert f"<h3>{kop}</h3>" in markdown_html(tekst)
    assert "Zonnepanelen . Waarom: Te duur voor nu." in pagina and f"{VERWIJDERDE_KANS} . Waarom" in pagina
    assert "Nog niet vastgelegd bij de partners" in pagina  # the later and dropped ones


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_gebruikerstekst_maakt_geen_koppen_of_html_in_de_wup_tekst(titel, onderbouwing):
    model = TeVerbinden((KansKeuze(1, "later", onderbouwing=onderbouwing),))
    weergave = markdown_html(wup_tekst(kansen_op_de_lijst([kans(1, titel or "x", "gekozen")], [], model), {}))
    assert weergave.count("<h2>") == 1 and weergave.count("<h3>") == 1 and "<script" not in weergave


# -- analysis: concept-WUP -------------------------------------------------------------------------
@settings(max_examples=150, deadline=None)
@given(st.one_of(JSON, st.fixed_dictionaries({}, optional={
    "partijen": st.lists(VELDEN | JSON, max_size=5), "financieel": JSON, "vastlegging": JSON | st.fixed_dictionaries(
        {"kenmerk": st.sampled_from(["WUP-0a1b2c3d", "x"]), "status": JSON | st.just("bezig"),
         "standpunten": JSON})})))
def test_concept_lezen_lukt_altijd_en_komt_heen_en_terug_hetzelfde(gegevens):
    model = lees_concept_wup(gegevens)
    assert all(isinstance(s.partij_id, int) for s in model.partijen)
    assert lees_concept_wup(model.als_dict()) == model


def test_voorbehoud_is_verplicht_bij_akkoord_met_voorbehoud_en_datum_moet_bestaan():
    namen = {3: "Corporatie"}
    with pytest.raises(InvoerFout, match="Het voorbehoud van Corporatie is verplicht"):
        controleer_concept_wup(ConceptWup(partijen=(Standpunt(3, "voorbehoud"),)), namen)
    with pytest.raises(InvoerFout, match="De datum van het besluit van Corporatie is geen bestaande datum"):
        controleer_concept_wup(ConceptWup(partijen=(Standpunt(3, "akkoord", datum="2027-02-30"),)), namen)
    # a row of a party deleted since is kept as it was and blocks nothing
    oud = Standpunt(9, "akkoord", datum="2026-01-05")
    assert controleer_concept_wup(ConceptWup(partijen=(oud,)), namen).partijen == (oud,)


def test_volledigheid_zegt_per_onderdeel_klaar_of_niet_in_woorden():
    leeg = volledigheid(DossierStand())
    assert [o.naam for o in leeg] == ["Gekozen energiesysteem", "Hoe de keuze is gemaakt", "Gevolgen voor bewoners",
                                      "Planning", "Financieel plaatje", "Inspraak verwerkt", "Koppelkansen besloten"]
    assert not any(o.klaar for o in leeg)
    vol = volledigheid(DossierStand("S2 Warmtenet", True, True, 3, "", 4, "Kosten € 2 mln.", 2, 5, 0, 3, 3))
    assert all(o.klaar for o in vol)
    assert vol[0].uitleg == "Gekozen: S2 Warmtenet." and "planningsregister heeft 4" in vol[3].uitleg
    open_ = volledigheid(DossierStand(inspraak_momenten=2, inspraak_reacties=5, inspraak_open=2, kansen_op_lijst=3,
                                      kansen_besloten=1, weging_vastgezet=True))
    assert open_[5].uitleg == "2 van de 5 inspraakreacties staan nog open." and not open_[5].klaar
    assert open_[6].uitleg.startswith("Over 2 van de 3 koppelkansen is nog niet besloten")
    assert "nog niet elke strategie" in open_[1].uitleg


def test_besluit_kan_pas_als_iedereen_akkoord_is():
    model = ConceptWup(partijen=(Standpunt(1, "akkoord"),
                                 Standpunt(2, "voorbehoud", voorbehoud="Als de huur gelijk blijft.")))
    assert besluitstand([1, 2], model).gereed and besluitstand([1, 2], model).met_voorbehoud == (2,)
    assert not besluitstand([1, 2, 3], model).gereed  # party 3 has not been asked yet
    assert besluitstand([1, 2, 3], model).uitleg(3) == "Nog niet akkoord: 1 van de 3 partijen."
    assert not besluitstand([], model).gereed


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 100), st.text(min_size=1, max_size=2000), st.text(min_size=1, max_size=80))
def test_besluittekst_past_altijd_in_het_besluitenlog(aantal, voorbehoud, naam):
    model = ConceptWup(partijen=tuple(Standpunt(i, "voorbehoud", voorbehoud=voorbehoud) for i in range(aantal)))
    teksten = besluit_teksten(list(range(aantal)), model, {i: naam for i in range(aantal)}, "WUP-0a1b2c3d")
    assert len(teksten["onderbouwing"]) <= 2000 and len(teksten["afwijkend"]) <= 2000
    assert len(teksten["aanwezig"]) <= 600
    assert teksten["onderbouwing"].endswith("Kenmerk in het werkboek: WUP-0a1b2c3d.")


# -- widgets ---------------------------------------------------------------------------------------


# -- the read-model the pages and the report share ------------------------------------------------
def test_overzicht_zegt_fase3_top3_en_besluit_in_woorden_en_teken():
    register = [kans(1, "Riool", "gekozen"), kans(2, "Schoolplein")]
    model = TeVerbinden((KansKeuze(1, "meenemen", 7, (8,), "geregeld", "€ 1", 2027, "Straat open.", True),))
    rijen = overzicht_rijen(kansen_op_de_lijst(register, [2], model), {7: "Gemeente", 8: "Corporatie"})
    assert rijen[0][:5] == ["Riool", "gekozen in fase 3", "✔ Meenemen in het WUP", "Gemeente", "Corporatie"]
    assert rijen[1][:3] == ["Schoolplein", "nog open in fase 3 · top 3", "○ nog geen besluit"]


def test_standpunten_met_verwijderde_partij_en_het_nummer_in_het_log():
    model = ConceptWup(partijen=(Standpunt(1, "akkoord", "Twee fte.", datum="2027-03-12"),
                                 Standpunt(9, "niet-akkoord")))
    assert standpunt_rijen(model, {1: "Gemeente", 2: "Corporatie"}) == [
        ["Gemeente", "✔ Akkoord", "—", "12-03-2027", "Twee fte."],
        ["Corporatie", "○ Nog niet besproken", "—", "—", "—"],
        [VERWIJDERDE_PARTIJ, "✖ Niet akkoord", "—", "—", "—"],
    ]

    class Besluit:
        def __init__(self, volgnummer, onderbouwing):
            self.volgnummer, self.onderbouwing = volgnummer, onderbouwing

    log = [Besluit(1, "iets anders"), Besluit(4, f"Alle partijen akkoord. {kenmerk_tekst('WUP-0a1b2c3d')}")]
    assert volgnummer(log, "WUP-0a1b2c3d") == 4 and volgnummer(log, "WUP-ffffffff") is None
    assert vastgelegd_op("geen datum") == "onbekende datum"


def test_stand_noemt_wie_met_voorbehoud_akkoord_is():
    model = ConceptWup(partijen=(Standpunt(1, "akkoord"), Standpunt(2, "voorbehoud", voorbehoud="Huur gelijk.")))
    assert stand_zin(model, {1: "Gemeente", 2: "Corporatie"}) == (
        "Alle partijen (2) zijn akkoord, 1 met voorbehoud. Met voorbehoud: Corporatie; het voorbehoud komt bij het "
        "besluit in het besluitenlog.")
    assert stand_zin(ConceptWup(), {}) == "Er staan nog geen partijen in het dossier."
