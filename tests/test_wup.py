"""Towards the wijkuitvoeringsplan (phase 4): the final decisions on koppelkansen with the WUP paragraph, and
the concept-WUP with its checklist, the partners' positions and the joint decision in the besluitenlog."""

from __future__ import annotations

import base64
import html
import io
import re

import pytest
from docx import Document
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
    lees_concept_wup,
    lees_te_verbinden,
    volledigheid,
    waarschuwingen_te_verbinden,
    wup_tekst,
)
from wijkkompas_widgets.content import inhoud as laad_inhoud
from wijkkompas_widgets.dossier import InvoerFout, PartijInvoer
from wijkkompas_widgets.dossier.koppelkansen import Koppelkans, KoppelkansInvoer
from wijkkompas_widgets.export.deel_wup import (
    blad_concept_wup,
    blad_te_verbinden,
    docx_concept_wup,
    docx_te_verbinden,
)
from wijkkompas_widgets.export.docx import _Rapport
from wijkkompas_widgets.export.verzamel import DossierVerzameling
from wijkkompas_widgets.widgets.context import WerkboekContext
from wijkkompas_widgets.widgets.kaart import markdown_html
from wijkkompas_widgets.widgets.wup import ConceptWupOefening, TeVerbindenOefening

JSON = st.recursive(st.none() | st.booleans() | st.integers(-5, 3000) | st.text(max_size=12),
                    lambda kind: st.lists(kind, max_size=4) | st.dictionaries(st.text(max_size=12), kind, max_size=5),
                    max_leaves=25)
VELDEN = st.fixed_dictionaries({}, optional={
    "koppelkans_id": JSON | st.integers(1, 5), "besluit": JSON | st.sampled_from(["meenemen", "later"]),
    "partij_id": JSON, "partij_ids": JSON, "financiering": JSON, "geld": JSON, "jaar": JSON, "onderbouwing": JSON,
    "vastgelegd": JSON, "standpunt": JSON | st.sampled_from(["akkoord", "voorbehoud"]), "datum": JSON,
    "voorbehoud": JSON, "betekenis": JSON})


def zichtbaar(html_tekst: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", html_tekst)).split())


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
@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Testwijk", "Noord", "Delft")


@pytest.fixture
def wijk(lege_store, dossier):
    """Two parties and three koppelkansen: one chosen in phase 3, one in the top 3, one loose."""
    store = lege_store
    gemeente = store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    corporatie = store.voeg_partij_toe(dossier.id, PartijInvoer("Corporatie <script>x</script>", "woningcorporatie"))
    riool = store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Riool en warmtenet"))
    riool = store.besluit_koppelkans(dossier.id, riool.id, "gekozen", "", riool.versie)
    plein = store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Groen schoolplein"))
    store.zet_koppelkans_scores(dossier.id, plein.id, {"wensen": 5, "extra-kosten": 4, "doorlooptijd": 4}, plein.versie)
    los = store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Zonnepanelen op de sporthal"))
    return {"gemeente": gemeente, "corporatie": corporatie, "riool": riool, "plein": plein, "los": los}


def context(store, dossier_id):
    return WerkboekContext(store, laad_inhoud(), dossier_id=dossier_id)


def vul_in(oefening, kans_id, **velden):
    oefening._kies.value = kans_id
    for naam, waarde in velden.items():
        getattr(oefening, f"_{naam}").value = waarde


def test_besluiten_per_koppelkans_worden_bewaard_en_komen_terug(lege_store, dossier, wijk):
    oefening = TeVerbindenOefening(context(lege_store, dossier.id))
    labels = [label for label, _id in oefening._kies.options]
    assert labels[1:] == ["○ Riool en warmtenet (fase 3) — nog geen besluit",
                          "○ Groen schoolplein (top 3) — nog geen besluit"]
    riool, gemeente, corporatie = wijk["riool"].id, wijk["gemeente"].id, wijk["corporatie"].id
    vul_in(oefening, riool, onderbouwing="De straat gaat in 2027 toch open.", besluit="meenemen", eigenaar=gemeente,
           partners=(corporatie,), financiering="geregeld", geld="€ 250.000 uit het rioleringsplan", jaar=2027,
           vastgelegd=True)
    assert "Opgeslagen: Riool en warmtenet." in zichtbaar(oefening._melding.value)
    gegevens, _versie = lege_store.formulier(dossier.id, "te_verbinden")
    assert gegevens == {"kansen": [{
        "koppelkans_id": riool, "besluit": "meenemen", "partij_id": gemeente, "partij_ids": [corporatie],
        "financiering": "geregeld", "geld": "€ 250.000 uit het rioleringsplan", "jaar": 2027,
        "onderbouwing": "De straat gaat in 2027 toch open.", "vastgelegd": True}]}
    assert "'Groen schoolplein' staat in de top 3 van fase 3, maar heeft nog geen besluit." in \
        zichtbaar(oefening._waarschuwingen.value)

    opnieuw = TeVerbindenOefening(context(lege_store, dossier.id))
    opnieuw._kies.value = riool
    assert (opnieuw._besluit.value, opnieuw._eigenaar.value, opnieuw._partners.value, opnieuw._jaar.value) == \
        ("meenemen", gemeente, (corporatie,), 2027)
    assert opnieuw._vastgelegd.value and opnieuw._geld.value.startswith("€ 250.000")
    tekst = zichtbaar(opnieuw._voorbeeld.value)
    assert "Wat we meenemen" in tekst and "Waarom: De straat gaat in 2027 toch open." in tekst
    assert "eigenaar: Gemeente Delft" in tekst
    nota = base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)", opnieuw._download.value).group(1)).decode()
    assert nota.startswith("## Koppelkansen in het wijkuitvoeringsplan")
    assert "✔ Meenemen in het WUP" in zichtbaar(opnieuw._overzicht.value)


def test_besluit_zonder_onderbouwing_wordt_niet_opgeslagen(lege_store, dossier, wijk):
    oefening = TeVerbindenOefening(context(lege_store, dossier.id))
    vul_in(oefening, wijk["plein"].id, besluit="laten-vallen")
    assert "Niet gelukt: Schrijf bij 'Groen schoolplein' een onderbouwing bij 'Laten vallen'" in \
        zichtbaar(oefening._melding.value)
    assert lege_store.formulier(dossier.id, "te_verbinden") == ({}, 0)
    assert oefening._besluit.value == "laten-vallen"  # kept, to add the reason
    oefening._onderbouwing.value = "Past niet in het budget van de school."
    assert lege_store.formulier(dossier.id, "te_verbinden")[0]["kansen"][0]["besluit"] == "laten-vallen"


def test_gelijktijdig_gewijzigd_geeft_melding_en_toont_de_nieuwste(lege_store, dossier, wijk):
    mijn = TeVerbindenOefening(context(lege_store, dossier.id))
    collega = TeVerbindenOefening(context(lege_store, dossier.id))
    riool = wijk["riool"].id
    vul_in(collega, riool, onderbouwing="Van mijn collega.", besluit="later")
    vul_in(mijn, riool, onderbouwing="Van mij.")
    assert "Iemand anders heeft dit formulier intussen opgeslagen" in zichtbaar(mijn._melding.value)
    assert lege_store.formulier(dossier.id, "te_verbinden")[0]["kansen"][0]["onderbouwing"] == "Van mijn collega."
    assert mijn._onderbouwing.value == "Van mijn collega." and mijn._besluit.value == "later"


def test_koppelkans_toevoegen_en_weghalen_en_verwijderd_breekt_niets(lege_store, dossier, wijk):
    oefening = TeVerbindenOefening(context(lege_store, dossier.id))
    los = wijk["los"].id
    oefening._extra.value = los
    oefening._toevoegen.click()
    assert oefening._kies.value == los and "staat nu op de lijst" in zichtbaar(oefening._melding.value)
    vul_in(oefening, los, onderbouwing="Sporthal wordt in 2028 gerenoveerd.", besluit="later",
           eigenaar=wijk["corporatie"].id)
    lege_store.verwijder_partij(dossier.id, wijk["corporatie"].id)
    lege_store.verwijder_koppelkans(dossier.id, los)
    scherm = TeVerbindenOefening(context(lege_store, dossier.id))
    assert f"{VERWIJDERDE_KANS} (fase 3)" in " ".join(label for label, _ in scherm._kies.options)
    assert VERWIJDERDE_KANS in zichtbaar(scherm._overzicht.value)
    assert VERWIJDERDE_PARTIJ in zichtbaar(scherm._overzicht.value)
    scherm._kies.value = los
    assert scherm._besluit.disabled and not scherm._weghalen.disabled
    assert "uit het register verwijderd" in zichtbaar(scherm._fase3.value)
    # another row still saves although this one points at a deleted party
    vul_in(scherm, wijk["riool"].id, onderbouwing="Toch doen.", besluit="meenemen")
    assert "Opgeslagen" in zichtbaar(scherm._melding.value)
    scherm._kies.value = los
    scherm._weghalen.click()
    scherm._bevestig.ja.click()
    assert [k["koppelkans_id"] for k in lege_store.formulier(dossier.id, "te_verbinden")[0]["kansen"]] == \
        [wijk["riool"].id]


def test_script_in_namen_en_teksten_blijft_tekst(lege_store, dossier, wijk):
    oefening = TeVerbindenOefening(context(lege_store, dossier.id))
    vul_in(oefening, wijk["riool"].id, onderbouwing="<img src=x onerror=alert(1)>", besluit="later",
           eigenaar=wijk["corporatie"].id)
    for uit in (oefening._overzicht.value, oefening._voorbeeld.value, oefening._markdown.value,
                oefening._waarschuwingen.value):
        assert "<script" not in uit and "<img" not in uit
    concept = ConceptWupOefening(context(lege_store, dossier.id))
    concept._partij.value = wijk["corporatie"].id
    concept._betekenis.value = "<script>alert(1)</script>"
    assert "<script" not in concept._standpunten.value and "&lt;script&gt;" in concept._standpunten.value


def test_zonder_dossier_een_melding(lege_store):
    for klasse in (TeVerbindenOefening, ConceptWupOefening):
        assert "Er is geen dossier geopend" in klasse(context(lege_store, None)).children[0].value


def test_concept_controlelijst_volgt_het_dossier(lege_store, dossier, wijk):
    oefening = ConceptWupOefening(context(lege_store, dossier.id))
    assert "0 van de 7 onderdelen zijn klaar" in zichtbaar(oefening._volledig.value)
    lege_store.bewaar_formulier(dossier.id, "inspraak", {
        "momenten": [{"id": "m1", "vorm": "inloopavond"}],
        "reacties": [{"id": "r1", "samenvatting": "Zorg om kosten", "antwoord": "Zie de woonlastentoets.",
                      "uitkomst": "deels"}]}, 0)
    oefening._financieel.value = "Investering € 4 mln, waarvan € 1 mln subsidie."
    tekst = zichtbaar(oefening._volledig.value)
    assert "2 van de 7 onderdelen zijn klaar" in tekst
    assert "Er is nog geen besluitregel vastgelegd" in zichtbaar(oefening._regel.value)
    assert "Inspraak verwerkt ✔ klaar Elke inspraakreactie (1) heeft een antwoord." in tekst
    assert "Financieel plaatje ✔ klaar" in tekst and "Fase 4 · Keuzes maken over te verbinden opgaven" in tekst
    assert lege_store.formulier(dossier.id, "concept_wup")[0]["financieel"].startswith("Investering")
    assert ConceptWupOefening(context(lege_store, dossier.id))._financieel.value.startswith("Investering")


@pytest.mark.beide_backends
def test_standpunten_en_gezamenlijk_besluit_een_keer_in_het_log(lege_store, dossier, wijk):
    lege_store.bewaar_formulier(dossier.id, "afspraken", {"besluitregel": "consensus"}, 0)
    oefening = ConceptWupOefening(context(lege_store, dossier.id))
    gemeente, corporatie = wijk["gemeente"].id, wijk["corporatie"].id
    assert "Jullie besluitregel (uit 'Samenwerking formaliseren'): Consensus ." in zichtbaar(oefening._regel.value)
    assert oefening._vastleggen.disabled
    oefening._partij.value = gemeente
    oefening._standpunt.value = "akkoord"
    oefening._datum.value = "2027-03-12"
    oefening._partij.value = corporatie
    oefening._standpunt.value = "voorbehoud"
    assert "Het voorbehoud van Corporatie <script>x</script> is verplicht" in zichtbaar(oefening._melding.value)
    assert oefening._vastleggen.disabled
    oefening._voorbehoud.value = "Als de huur voor bewoners niet stijgt."
    assert "Alle partijen (2) zijn akkoord, 1 met voorbehoud." in zichtbaar(oefening._stand.value)
    assert not oefening._vastleggen.disabled
    partijen = {p["partij_id"]: p for p in lege_store.formulier(dossier.id, "concept_wup")[0]["partijen"]}
    assert partijen[gemeente]["datum"] == "2027-03-12" and partijen[corporatie]["standpunt"] == "voorbehoud"

    oefening._vastleggen.click()
    besluiten = [b for b in lege_store.besluiten(dossier.id) if b.knooppunt_id == "f4-concept-wup"]
    assert len(besluiten) == 1 and "Corporatie <script>x</script>: voorbehoud: Als de huur" in besluiten[0].afwijkend
    assert "Gemeente Delft: akkoord, besloten in de eigen organisatie op 12-03-2027" in besluiten[0].onderbouwing
    assert f"nr. {besluiten[0].volgnummer}" in zichtbaar(oefening._besluit_melding.value)
    assert lege_store.formulier(dossier.id, "concept_wup")[0]["vastlegging"]["status"] == "vastgelegd"
    opnieuw = ConceptWupOefening(context(lege_store, dossier.id))
    assert "Het gezamenlijke besluit is vastgelegd" in zichtbaar(opnieuw._vastgelegd.value)
    assert opnieuw._vastleggen.disabled
    opnieuw._vastleggen.disabled = False  # even a forced second click records nothing twice
    opnieuw._vastleggen.click()
    assert "was al vastgelegd" in zichtbaar(opnieuw._besluit_melding.value)
    assert len([b for b in lege_store.besluiten(dossier.id) if b.knooppunt_id == "f4-concept-wup"]) == 1
    opnieuw._partij.value = gemeente
    opnieuw._standpunt.value = "niet-akkoord"
    assert "Na het vastleggen is het standpunt gewijzigd van: Gemeente Delft" in zichtbaar(opnieuw._vastgelegd.value)


@pytest.mark.beide_backends
@pytest.mark.parametrize("al_in_het_log", [True, False])
def test_na_een_crash_tussen_log_en_formulier_komt_het_besluit_er_een_keer_in(lege_store, dossier, wijk,
                                                                             al_in_het_log):
    model = ConceptWup(partijen=(Standpunt(wijk["gemeente"].id, "akkoord"), Standpunt(wijk["corporatie"].id,
                                                                                      "akkoord")))
    gegevens = model.als_dict()
    gegevens["vastlegging"] = {"kenmerk": "WUP-0a1b2c3d", "status": "bezig", "moment": "2027-01-01T10:00:00+00:00",
                               "standpunten": []}
    lege_store.bewaar_formulier(dossier.id, "concept_wup", gegevens, 0)
    if al_in_het_log:  # the crash came after the log entry
        namen = {wijk["gemeente"].id: "Gemeente Delft", wijk["corporatie"].id: "Corporatie"}
        lege_store.leg_besluit_vast(dossier.id, knooppunt_id="f4-concept-wup",
                                    **besluit_teksten(list(namen), model, namen, "WUP-0a1b2c3d"))
    oefening = ConceptWupOefening(context(lege_store, dossier.id))
    assert "begonnen maar niet afgerond" in zichtbaar(oefening._vastgelegd.value)
    oefening._vastleggen.click()
    assert len([b for b in lege_store.besluiten(dossier.id) if b.knooppunt_id == "f4-concept-wup"]) == 1
    assert lege_store.formulier(dossier.id, "concept_wup")[0]["vastlegging"]["status"] == "vastgelegd"


@pytest.mark.beide_backends
def test_twee_mensen_tegelijk_vastleggen_geeft_een_besluit(lege_store, dossier, wijk):
    lege_store.bewaar_formulier(dossier.id, "concept_wup", ConceptWup(partijen=(
        Standpunt(wijk["gemeente"].id, "akkoord"), Standpunt(wijk["corporatie"].id, "akkoord"))).als_dict(), 0)
    eerste = ConceptWupOefening(context(lege_store, dossier.id))
    tweede = ConceptWupOefening(context(lege_store, dossier.id))
    eerste._vastleggen.click()
    tweede._vastleggen.click()
    assert len([b for b in lege_store.besluiten(dossier.id) if b.knooppunt_id == "f4-concept-wup"]) == 1
    assert "was al vastgelegd" in zichtbaar(tweede._besluit_melding.value)


def test_concept_gelijktijdig_gewijzigd_toont_de_nieuwste(lege_store, dossier, wijk):
    oefening = ConceptWupOefening(context(lege_store, dossier.id))
    oefening._financieel.value = "Eerste versie."
    gegevens, versie = lege_store.formulier(dossier.id, "concept_wup")
    lege_store.bewaar_formulier(dossier.id, "concept_wup", {**gegevens, "financieel": "Van een collega."}, versie)
    oefening._oplegger.value = "Mijn punt."
    assert "Iemand anders heeft dit formulier intussen opgeslagen" in zichtbaar(oefening._melding.value)
    assert oefening._financieel.value == "Van een collega." and oefening._oplegger.value == ""
    assert lege_store.formulier(dossier.id, "concept_wup")[0].get("oplegger") in (None, "")


# -- exports ---------------------------------------------------------------------------------------
def lees_rapport(rapport: _Rapport) -> str:
    buffer = io.BytesIO()
    rapport.doc.save(buffer)
    document = Document(io.BytesIO(buffer.getvalue()))
    teksten = [a.text for a in document.paragraphs]
    teksten += [cel.text for tabel in document.tables for rij in tabel.rows for cel in rij.cells]
    return "\n".join(teksten)


def test_exports_leeg_zeggen_nog_niet_ingevuld(lege_store, dossier, wijk):
    v = DossierVerzameling(lege_store, dossier.id)
    rapport = _Rapport("Test")
    assert docx_te_verbinden(rapport, v) is False and docx_concept_wup(rapport, v) is False
    assert blad_concept_wup(v).rijen[0][1] == "Nog niet besproken"
    assert [r[0] for r in blad_te_verbinden(v).rijen] == ["Riool en warmtenet", "Groen schoolplein"]


def test_exports_met_besluiten_standpunten_en_verwijderde_rijen(lege_store, dossier, wijk):
    gemeente, corporatie = wijk["gemeente"].id, wijk["corporatie"].id
    lege_store.bewaar_formulier(dossier.id, "te_verbinden", TeVerbinden((
        KansKeuze(wijk["riool"].id, "meenemen", gemeente, (corporatie,), "geregeld", "€ 250.000", 2027,
                  "Straat gaat toch open.", True),
        KansKeuze(wijk["plein"].id, "laten-vallen", onderbouwing="Te duur."),
        KansKeuze(999, "later", onderbouwing="Weg uit het register."),
    )).als_dict(), 0)
    lege_store.bewaar_formulier(dossier.id, "concept_wup", ConceptWup("Investering € 4 mln.", "", (
        Standpunt(gemeente, "akkoord", "Twee fte extra.", datum="2027-03-12"),
        Standpunt(777, "niet-akkoord"))).als_dict(), 0)
    v = DossierVerzameling(lege_store, dossier.id)
    rapport = _Rapport("Test")
    assert docx_te_verbinden(rapport, v) is True and docx_concept_wup(rapport, v) is True
    tekst = lees_rapport(rapport)
    for verwacht in ("Koppelkansen in het wijkuitvoeringsplan", "Wat we meenemen", "Wat we laten vallen",
                     "Waarom: Straat gaat toch open.", VERWIJDERDE_KANS, "Meenemen in het WUP",
                     "Is het concept compleet?", "✖ nog niet", "Investering € 4 mln.", "Standpunten van de partners",
                     "✔ Akkoord", "12-03-2027", VERWIJDERDE_PARTIJ, "Nog niet akkoord: 1 van de 2 partijen.",
                     "Gezamenlijk besluit: nog niet vastgelegd."):
        assert verwacht in tekst, verwacht
    blad = blad_te_verbinden(v)
    assert blad.rijen[0][:4] == ["Riool en warmtenet", "gekozen", False, "Meenemen in het WUP"]
    assert blad.rijen[0][7] == 2027 and blad.rijen[0][9] is True and blad.rijen[2][0] == VERWIJDERDE_KANS
    concept = blad_concept_wup(v)
    assert concept.rijen[0][1] == "Akkoord" and str(concept.rijen[0][3]) == "2027-03-12"
    assert concept.rijen[-1][0] == VERWIJDERDE_PARTIJ


def test_volgt_de_dossierwissel_en_nieuwe_partijen_op_de_pagina(lege_store, dossier, wijk):
    ctx = context(lege_store, dossier.id)
    oefening, concept = TeVerbindenOefening(ctx), ConceptWupOefening(ctx)
    oefening._kies.value = wijk["riool"].id
    oefening._geld.value = "Rioleringsplan"
    nieuw = lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Netbeheerder", "netbeheerder"))
    ctx.gewijzigd()  # another exercise on the page added the party
    assert (("Netbeheerder", nieuw.id) in oefening._eigenaar.options and oefening._geld.value == "Rioleringsplan")
    assert nieuw.id in [i for _label, i in concept._partij.options]
    ander = lege_store.maak_dossier("Andere wijk")
    ctx.dossier_id = ander.id
    assert oefening._kies.options == (("— kies een koppelkans —", None),)
    assert "Er staan nog geen koppelkansen op de lijst" in zichtbaar(oefening._fase3.value)
    assert concept._partij.options == () and "Nog geen partijen in het dossier" in zichtbaar(concept._standpunten.value)


def test_collega_aan_een_andere_rij_verliest_niets_en_ik_ook_niet(lege_store, dossier, wijk):
    mijn = TeVerbindenOefening(context(lege_store, dossier.id))
    collega = TeVerbindenOefening(context(lege_store, dossier.id))
    vul_in(collega, wijk["plein"].id, onderbouwing="Eerst het warmtenet.", besluit="later")
    vul_in(mijn, wijk["riool"].id, onderbouwing="Straat gaat toch open.", besluit="meenemen")
    assert "Opgeslagen: Riool en warmtenet." in zichtbaar(mijn._melding.value)
    kansen = {k["koppelkans_id"]: k for k in lege_store.formulier(dossier.id, "te_verbinden")[0]["kansen"]}
    assert kansen[wijk["plein"].id]["besluit"] == "later" and kansen[wijk["riool"].id]["besluit"] == "meenemen"

    mijn_concept = ConceptWupOefening(context(lege_store, dossier.id))
    collega_concept = ConceptWupOefening(context(lege_store, dossier.id))
    collega_concept._financieel.value = "Van de collega."
    mijn_concept._partij.value = wijk["gemeente"].id
    mijn_concept._standpunt.value = "akkoord"
    gegevens = lege_store.formulier(dossier.id, "concept_wup")[0]
    assert gegevens["financieel"] == "Van de collega." and gegevens["partijen"][0]["standpunt"] == "akkoord"
    assert mijn_concept._financieel.value == "Van de collega."  # shown, so a later save does not undo it


def test_bladen_komen_met_echte_typen_in_excel(lege_store, dossier, wijk):
    from datetime import date

    from openpyxl import Workbook

    from wijkkompas_widgets.export.xlsx import _schrijf

    lege_store.bewaar_formulier(dossier.id, "te_verbinden", TeVerbinden((
        KansKeuze(wijk["riool"].id, "later", jaar=2028, onderbouwing="=SOM(A1)"),)).als_dict(), 0)
    lege_store.bewaar_formulier(dossier.id, "concept_wup", ConceptWup(partijen=(
        Standpunt(wijk["gemeente"].id, "akkoord", datum="2027-03-12"),)).als_dict(), 0)
    v = DossierVerzameling(lege_store, dossier.id)
    boek = Workbook()
    _schrijf(boek.active, blad_te_verbinden(v))
    _schrijf(boek.create_sheet("Concept"), blad_concept_wup(v))
    kansen, concept = boek.worksheets
    assert kansen["H2"].value == 2028 and kansen["I2"].value == "=SOM(A1)" and kansen["I2"].data_type == "s"
    assert kansen["J2"].value == "nee" and kansen["K2"].value == "nee"  # 'later' is no wish
    assert concept["D2"].value == date(2027, 3, 12) and concept["D2"].number_format != "General"


def test_na_export_en_import_wijzen_de_verwijzingen_naar_de_nieuwe_rijen(lege_store, dossier, wijk):
    from wijkkompas_widgets.export import exporteer_json, importeer_json

    ctx = context(lege_store, dossier.id)
    vul_in(TeVerbindenOefening(ctx), wijk["riool"].id, onderbouwing="Straat gaat open.", besluit="meenemen",
           eigenaar=wijk["gemeente"].id, partners=(wijk["corporatie"].id,))
    concept = ConceptWupOefening(ctx)
    for partij in (wijk["gemeente"].id, wijk["corporatie"].id):
        concept._partij.value = partij
        concept._standpunt.value = "akkoord"
    concept._vastleggen.click()
    kopie = importeer_json(lege_store, exporteer_json(lege_store, dossier.id))
    nieuw = context(lege_store, kopie.id)
    oefening, concept = TeVerbindenOefening(nieuw), ConceptWupOefening(nieuw)
    overzicht = zichtbaar(oefening._overzicht.value)
    assert "Riool en warmtenet" in overzicht and "Gemeente Delft" in overzicht and "Corporatie" in overzicht
    assert VERWIJDERDE_PARTIJ not in overzicht and VERWIJDERDE_KANS not in overzicht
    assert "Alle partijen (2) zijn akkoord" in zichtbaar(concept._stand.value)
    assert "Het gezamenlijke besluit is vastgelegd" in zichtbaar(concept._vastgelegd.value)
    assert "besluit nr." in zichtbaar(concept._vastgelegd.value)  # found again in the imported log by its kenmerk
