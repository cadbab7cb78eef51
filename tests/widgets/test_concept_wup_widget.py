"""'Gezamenlijke besluitvorming over het concept-WUP' without a browser: the checklist follows the dossier, every
partner's position is saved, and the joint decision goes into the besluitenlog exactly once, also after a crash or
two clicks at once. Controls are found by label and ``wk-concept-wup-…`` class only."""

from __future__ import annotations

import pytest
from hulp import een, keuzes, knop, melding, veld, zichtbaar

from wijkkompas_widgets.analysis.wup import ConceptWup, Standpunt, besluit_teksten
from wijkkompas_widgets.content import inhoud as laad_inhoud
from wijkkompas_widgets.dossier import PartijInvoer
from wijkkompas_widgets.widgets.concept_wup import ConceptWupOefening
from wijkkompas_widgets.widgets.context import WerkboekContext

VASTLEGGEN = "Leg het gezamenlijke besluit vast"


def context(store, dossier_id):
    return WerkboekContext(store, laad_inhoud(), dossier_id=dossier_id)


def oefening_voor(store, dossier_id) -> ConceptWupOefening:
    return ConceptWupOefening(context(store, dossier_id))


def html(oefening, klasse: str) -> str:
    return zichtbaar(een(oefening, klasse).value)


def standpunt(oefening, partij_id, waarde: str, **velden) -> None:
    """Choose a party, then its position and other fields, like a user (each change saves)."""
    veld(oefening, "Partij", exact=True).value = partij_id
    veld(oefening, "Standpunt", exact=True).value = waarde
    for label, tekst in velden.items():
        veld(oefening, label).value = tekst


def besluiten(store, dossier_id):
    return [b for b in store.besluiten(dossier_id) if b.knooppunt_id == "f4-concept-wup"]


def test_concept_controlelijst_volgt_het_dossier(lege_store, wup_wijk):
    dossier = wup_wijk["dossier"]
    oefening = oefening_voor(lege_store, dossier.id)
    assert "0 van de 7 onderdelen zijn klaar" in html(oefening, "wk-concept-wup-volledigheid")
    lege_store.bewaar_formulier(dossier.id, "inspraak", {
        "momenten": [{"id": "m1", "vorm": "inloopavond"}],
        "reacties": [{"id": "r1", "samenvatting": "Zorg om kosten", "antwoord": "Zie de woonlastentoets.",
                      "uitkomst": "deels"}]}, 0)
    veld(oefening, "Financieel plaatje").value = "Investering € 4 mln, waarvan € 1 mln subsidie."
    assert melding(oefening) == "✔ Opgeslagen."
    tekst = html(oefening, "wk-concept-wup-volledigheid")
    assert "2 van de 7 onderdelen zijn klaar" in tekst
    assert "Er is nog geen besluitregel vastgelegd" in html(oefening, "wk-concept-wup-besluitregel")
    assert "Inspraak verwerkt ✔ klaar Elke inspraakreactie (1) heeft een antwoord." in tekst
    assert "Financieel plaatje ✔ klaar" in tekst and "Fase 4 · Keuzes maken over te verbinden opgaven" in tekst
    assert lege_store.formulier(dossier.id, "concept_wup")[0]["financieel"].startswith("Investering")
    assert veld(oefening_voor(lege_store, dossier.id), "Financieel plaatje").value.startswith("Investering")


@pytest.mark.beide_backends
def test_standpunten_en_gezamenlijk_besluit_een_keer_in_het_log(lege_store, wup_wijk):
    dossier = wup_wijk["dossier"]
    lege_store.bewaar_formulier(dossier.id, "afspraken", {"besluitregel": "consensus"}, 0)
    oefening = oefening_voor(lege_store, dossier.id)
    gemeente, corporatie = wup_wijk["gemeente"].id, wup_wijk["corporatie"].id
    assert "Jullie besluitregel (uit 'Samenwerking formaliseren'): Consensus ." in \
        html(oefening, "wk-concept-wup-besluitregel")
    assert knop(oefening, VASTLEGGEN).disabled
    standpunt(oefening, gemeente, "akkoord", **{"Datum besluit eigen organisatie": "2027-03-12"})
    standpunt(oefening, corporatie, "voorbehoud")
    assert "Het voorbehoud van Corporatie <script>x</script> is verplicht" in melding(oefening)
    assert knop(oefening, VASTLEGGEN).disabled
    veld(oefening, "Voorbehoud").value = "Als de huur voor bewoners niet stijgt."
    assert "Alle partijen (2) zijn akkoord, 1 met voorbehoud." in html(oefening, "wk-concept-wup-stand")
    assert not knop(oefening, VASTLEGGEN).disabled
    assert keuzes(veld(oefening, "Partij", exact=True)) == ["✔ Gemeente Delft", "◐ Corporatie <script>x</script>"]
    partijen = {p["partij_id"]: p for p in lege_store.formulier(dossier.id, "concept_wup")[0]["partijen"]}
    assert partijen[gemeente]["datum"] == "2027-03-12" and partijen[corporatie]["standpunt"] == "voorbehoud"

    knop(oefening, VASTLEGGEN).click()
    [besluit] = besluiten(lege_store, dossier.id)
    assert "Corporatie <script>x</script>: voorbehoud: Als de huur" in besluit.afwijkend
    assert "Gemeente Delft: akkoord, besloten in de eigen organisatie op 12-03-2027" in besluit.onderbouwing
    assert f"nr. {besluit.volgnummer}" in html(oefening, "wk-concept-wup-besluit-melding")
    assert lege_store.formulier(dossier.id, "concept_wup")[0]["vastlegging"]["status"] == "vastgelegd"
    opnieuw = oefening_voor(lege_store, dossier.id)
    assert "Het gezamenlijke besluit is vastgelegd" in html(opnieuw, "wk-concept-wup-vastgelegd")
    assert f"besluit nr. {besluit.volgnummer} in het besluitenlog" in html(opnieuw, "wk-concept-wup-vastgelegd")
    assert knop(opnieuw, VASTLEGGEN).disabled
    knop(opnieuw, VASTLEGGEN).disabled = False  # even a forced second click records nothing twice
    knop(opnieuw, VASTLEGGEN).click()
    assert "was al vastgelegd" in html(opnieuw, "wk-concept-wup-besluit-melding")
    assert len(besluiten(lege_store, dossier.id)) == 1
    standpunt(opnieuw, gemeente, "niet-akkoord")
    assert "Na het vastleggen is het standpunt gewijzigd van: Gemeente Delft" in \
        html(opnieuw, "wk-concept-wup-vastgelegd")


@pytest.mark.beide_backends
@pytest.mark.parametrize("al_in_het_log", [True, False])
def test_na_een_crash_tussen_log_en_formulier_komt_het_besluit_er_een_keer_in(lege_store, wup_wijk, al_in_het_log):
    dossier = wup_wijk["dossier"]
    model = ConceptWup(partijen=(Standpunt(wup_wijk["gemeente"].id, "akkoord"),
                                 Standpunt(wup_wijk["corporatie"].id, "akkoord")))
    gegevens = model.als_dict()
    gegevens["vastlegging"] = {"kenmerk": "WUP-0a1b2c3d", "status": "bezig", "moment": "2027-01-01T10:00:00+00:00",
                               "standpunten": []}
    lege_store.bewaar_formulier(dossier.id, "concept_wup", gegevens, 0)
    if al_in_het_log:  # the crash came after the log entry
        namen = {wup_wijk["gemeente"].id: "Gemeente Delft", wup_wijk["corporatie"].id: "Corporatie"}
        lege_store.leg_besluit_vast(dossier.id, knooppunt_id="f4-concept-wup",
                                    **besluit_teksten(list(namen), model, namen, "WUP-0a1b2c3d"))
    oefening = oefening_voor(lege_store, dossier.id)
    assert "begonnen maar niet afgerond" in html(oefening, "wk-concept-wup-vastgelegd")
    knop(oefening, VASTLEGGEN).click()
    assert len(besluiten(lege_store, dossier.id)) == 1
    assert lege_store.formulier(dossier.id, "concept_wup")[0]["vastlegging"]["status"] == "vastgelegd"


@pytest.mark.beide_backends
def test_twee_mensen_tegelijk_vastleggen_geeft_een_besluit(lege_store, wup_wijk):
    dossier = wup_wijk["dossier"]
    lege_store.bewaar_formulier(dossier.id, "concept_wup", ConceptWup(partijen=(
        Standpunt(wup_wijk["gemeente"].id, "akkoord"), Standpunt(wup_wijk["corporatie"].id, "akkoord"))).als_dict(), 0)
    eerste, tweede = oefening_voor(lege_store, dossier.id), oefening_voor(lege_store, dossier.id)
    knop(eerste, VASTLEGGEN).click()
    knop(tweede, VASTLEGGEN).click()
    assert len(besluiten(lege_store, dossier.id)) == 1
    assert "was al vastgelegd" in html(tweede, "wk-concept-wup-besluit-melding")


def test_concept_gelijktijdig_gewijzigd_toont_de_nieuwste(lege_store, wup_wijk):
    dossier = wup_wijk["dossier"]
    oefening = oefening_voor(lege_store, dossier.id)
    veld(oefening, "Financieel plaatje").value = "Eerste versie."
    gegevens, versie = lege_store.formulier(dossier.id, "concept_wup")
    lege_store.bewaar_formulier(dossier.id, "concept_wup", {**gegevens, "financieel": "Van een collega."}, versie)
    veld(oefening, "Voor de oplegger").value = "Mijn punt."
    assert "Iemand anders heeft dit formulier intussen opgeslagen" in melding(oefening)
    assert veld(oefening, "Financieel plaatje").value == "Van een collega."
    assert veld(oefening, "Voor de oplegger").value == ""
    assert lege_store.formulier(dossier.id, "concept_wup")[0].get("oplegger") in (None, "")


def test_collega_aan_een_ander_deel_verliest_niets_en_ik_ook_niet(lege_store, wup_wijk):
    dossier = wup_wijk["dossier"]
    mijn, collega = oefening_voor(lege_store, dossier.id), oefening_voor(lege_store, dossier.id)
    veld(collega, "Financieel plaatje").value = "Van de collega."
    standpunt(mijn, wup_wijk["gemeente"].id, "akkoord")
    gegevens = lege_store.formulier(dossier.id, "concept_wup")[0]
    assert gegevens["financieel"] == "Van de collega." and gegevens["partijen"][0]["standpunt"] == "akkoord"
    assert veld(mijn, "Financieel plaatje").value == "Van de collega."  # shown, so a later save does not undo it


def test_script_in_namen_blijft_tekst(lege_store, wup_wijk):
    oefening = oefening_voor(lege_store, wup_wijk["dossier"].id)
    standpunt(oefening, wup_wijk["corporatie"].id, "niet-akkoord",
              **{"Wat betekent uitvoering voor deze organisatie?": "<script>alert(1)</script>"})
    tabel = een(oefening, "wk-concept-wup-standpunten").value
    assert "<script" not in tabel and "&lt;script&gt;" in tabel


def test_zonder_dossier_een_melding(lege_store):
    assert "Er is geen dossier geopend" in zichtbaar(oefening_voor(lege_store, None).children[0].value)


def test_volgt_de_dossierwissel_en_nieuwe_partijen_op_de_pagina(lege_store, wup_wijk):
    dossier = wup_wijk["dossier"]
    ctx = context(lege_store, dossier.id)
    concept = ConceptWupOefening(ctx)
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Netbeheerder", "netbeheerder"))
    ctx.gewijzigd()  # another exercise on the page added the party
    assert "○ Netbeheerder" in keuzes(veld(concept, "Partij", exact=True))
    ctx.dossier_id = lege_store.maak_dossier("Andere wijk").id
    assert keuzes(veld(concept, "Partij", exact=True)) == []
    assert "Nog geen partijen in het dossier" in html(concept, "wk-concept-wup-standpunten")
