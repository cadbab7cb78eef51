"""'Keuzes maken over te verbinden opgaven' without a browser: a decision per koppelkans is saved and comes back,
a colleague's change is kept or shown, deleted rows break nothing, and the WUP text follows. Controls are found
by label and ``wk-te-verbinden-…`` class only."""

from __future__ import annotations

import base64
import re

from hulp import een, keuzes, knop, melding, veld, zichtbaar

from wijkkompas_widgets.analysis.wup import VERWIJDERDE_KANS, VERWIJDERDE_PARTIJ
from wijkkompas_widgets.content import inhoud as laad_inhoud
from wijkkompas_widgets.dossier import PartijInvoer
from wijkkompas_widgets.widgets.context import WerkboekContext
from wijkkompas_widgets.widgets.te_verbinden import TeVerbindenOefening

LABELS = {"besluit": "Besluit", "eigenaar": "Eigenaar", "partners": "Partners", "financiering": "Financiering",
          "geld": "Bedrag of bron", "jaar": "Planning (jaar)", "onderbouwing": "Onderbouwing",
          "vastgelegd": "Vastgelegd bij de partners, in hun eigen organisatie"}


def context(store, dossier_id):
    return WerkboekContext(store, laad_inhoud(), dossier_id=dossier_id)


def oefening_voor(store, dossier_id) -> TeVerbindenOefening:
    return TeVerbindenOefening(context(store, dossier_id))


def kies_kans(oefening, kans_id) -> None:
    veld(oefening, "Koppelkans", exact=True).value = kans_id


def vul_in(oefening, kans_id, **velden):
    """Choose the koppelkans, then fill the fields one by one like a user (each change saves)."""
    kies_kans(oefening, kans_id)
    for naam, waarde in velden.items():
        veld(oefening, LABELS[naam], exact=True).value = waarde


def html(oefening, klasse: str) -> str:
    return zichtbaar(een(oefening, klasse).value)


def kansen(store, dossier_id) -> dict[int, dict]:
    return {k["koppelkans_id"]: k for k in store.formulier(dossier_id, "te_verbinden")[0].get("kansen", [])}


def test_besluiten_per_koppelkans_worden_bewaard_en_komen_terug(lege_store, wup_wijk):
    dossier = wup_wijk["dossier"]
    oefening = oefening_voor(lege_store, dossier.id)
    assert keuzes(veld(oefening, "Koppelkans", exact=True))[1:] == [
        "○ Riool en warmtenet (fase 3) — nog geen besluit", "○ Groen schoolplein (top 3) — nog geen besluit"]
    riool, gemeente, corporatie = wup_wijk["riool"].id, wup_wijk["gemeente"].id, wup_wijk["corporatie"].id
    vul_in(oefening, riool, onderbouwing="De straat gaat in 2027 toch open.", besluit="meenemen", eigenaar=gemeente,
           partners=(corporatie,), financiering="geregeld", geld="€ 250.000 uit het rioleringsplan", jaar=2027,
           vastgelegd=True)
    assert "Opgeslagen: Riool en warmtenet." in melding(oefening)
    gegevens, _versie = lege_store.formulier(dossier.id, "te_verbinden")
    assert gegevens == {"kansen": [{
        "koppelkans_id": riool, "besluit": "meenemen", "partij_id": gemeente, "partij_ids": [corporatie],
        "financiering": "geregeld", "geld": "€ 250.000 uit het rioleringsplan", "jaar": 2027,
        "onderbouwing": "De straat gaat in 2027 toch open.", "vastgelegd": True}]}
    assert "'Groen schoolplein' staat in de top 3 van fase 3, maar heeft nog geen besluit." in \
        html(oefening, "wk-te-verbinden-waarschuwingen")
    assert keuzes(veld(oefening, "Koppelkans", exact=True))[1] == \
        "✔ Riool en warmtenet (fase 3) — meenemen in het wup"

    opnieuw = oefening_voor(lege_store, dossier.id)
    kies_kans(opnieuw, riool)
    waarden = [veld(opnieuw, LABELS[naam], exact=True).value for naam in ("besluit", "eigenaar", "partners", "jaar")]
    assert waarden == ["meenemen", gemeente, (corporatie,), 2027]
    assert veld(opnieuw, LABELS["vastgelegd"]).value and veld(opnieuw, "Bedrag of bron").value.startswith("€ 250.000")
    tekst = html(opnieuw, "wk-te-verbinden-tekst")
    assert "Wat we meenemen" in tekst and "Waarom: De straat gaat in 2027 toch open." in tekst
    assert "eigenaar: Gemeente Delft" in tekst
    link = een(opnieuw, "wk-te-verbinden-download").value
    nota = base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)", link).group(1)).decode()
    assert nota.startswith("## Koppelkansen in het wijkuitvoeringsplan")
    assert "✔ Meenemen in het WUP" in html(opnieuw, "wk-te-verbinden-overzicht")


def test_besluit_zonder_onderbouwing_wordt_niet_opgeslagen(lege_store, wup_wijk):
    dossier = wup_wijk["dossier"]
    oefening = oefening_voor(lege_store, dossier.id)
    vul_in(oefening, wup_wijk["plein"].id, besluit="laten-vallen")
    assert "Niet gelukt: Schrijf bij 'Groen schoolplein' een onderbouwing bij 'Laten vallen'" in melding(oefening)
    assert lege_store.formulier(dossier.id, "te_verbinden") == ({}, 0)
    assert veld(oefening, "Besluit", exact=True).value == "laten-vallen"  # kept, to add the reason
    veld(oefening, "Onderbouwing").value = "Past niet in het budget van de school."
    assert kansen(lege_store, dossier.id)[wup_wijk["plein"].id]["besluit"] == "laten-vallen"


def test_gelijktijdig_gewijzigd_geeft_melding_en_toont_de_nieuwste(lege_store, wup_wijk):
    dossier = wup_wijk["dossier"]
    mijn, collega = oefening_voor(lege_store, dossier.id), oefening_voor(lege_store, dossier.id)
    riool = wup_wijk["riool"].id
    vul_in(collega, riool, onderbouwing="Van mijn collega.", besluit="later")
    vul_in(mijn, riool, onderbouwing="Van mij.")
    assert "Iemand anders heeft dit formulier intussen opgeslagen" in melding(mijn)
    assert kansen(lege_store, dossier.id)[riool]["onderbouwing"] == "Van mijn collega."
    assert veld(mijn, "Onderbouwing").value == "Van mijn collega."
    assert veld(mijn, "Besluit", exact=True).value == "later"


def test_collega_aan_een_andere_rij_verliest_niets_en_ik_ook_niet(lege_store, wup_wijk):
    dossier = wup_wijk["dossier"]
    mijn, collega = oefening_voor(lege_store, dossier.id), oefening_voor(lege_store, dossier.id)
    vul_in(collega, wup_wijk["plein"].id, onderbouwing="Eerst het warmtenet.", besluit="later")
    vul_in(mijn, wup_wijk["riool"].id, onderbouwing="Straat gaat toch open.", besluit="meenemen")
    assert "Opgeslagen: Riool en warmtenet." in melding(mijn)
    opgeslagen = kansen(lege_store, dossier.id)
    assert opgeslagen[wup_wijk["plein"].id]["besluit"] == "later"
    assert opgeslagen[wup_wijk["riool"].id]["besluit"] == "meenemen"


def test_koppelkans_toevoegen_en_weghalen_en_verwijderd_breekt_niets(lege_store, wup_wijk):
    dossier = wup_wijk["dossier"]
    oefening = oefening_voor(lege_store, dossier.id)
    los = wup_wijk["los"].id
    veld(oefening, "Andere koppelkans").value = los
    knop(oefening, "Op de lijst zetten").click()
    assert veld(oefening, "Koppelkans", exact=True).value == los and "staat nu op de lijst" in melding(oefening)
    vul_in(oefening, los, onderbouwing="Sporthal wordt in 2028 gerenoveerd.", besluit="later",
           eigenaar=wup_wijk["corporatie"].id)
    lege_store.verwijder_partij(dossier.id, wup_wijk["corporatie"].id)
    lege_store.verwijder_koppelkans(dossier.id, los)
    scherm = oefening_voor(lege_store, dossier.id)
    assert f"{VERWIJDERDE_KANS} (fase 3)" in " ".join(keuzes(veld(scherm, "Koppelkans", exact=True)))
    overzicht = html(scherm, "wk-te-verbinden-overzicht")
    assert VERWIJDERDE_KANS in overzicht and VERWIJDERDE_PARTIJ in overzicht
    kies_kans(scherm, los)
    assert veld(scherm, "Besluit", exact=True).disabled and not knop(scherm, "Van de lijst halen").disabled
    assert "uit het register verwijderd" in html(scherm, "wk-te-verbinden-fase3")
    # another row still saves although this one points at a deleted party
    vul_in(scherm, wup_wijk["riool"].id, onderbouwing="Toch doen.", besluit="meenemen")
    assert "Opgeslagen" in melding(scherm)
    kies_kans(scherm, los)
    knop(scherm, "Van de lijst halen").click()
    knop(scherm, "Ja, van de lijst halen").click()
    assert list(kansen(lege_store, dossier.id)) == [wup_wijk["riool"].id]
    assert "staat niet meer op de lijst" in melding(scherm)


def test_script_in_namen_en_teksten_blijft_tekst(lege_store, wup_wijk):
    oefening = oefening_voor(lege_store, wup_wijk["dossier"].id)
    vul_in(oefening, wup_wijk["riool"].id, onderbouwing="<img src=x onerror=alert(1)>", besluit="later",
           eigenaar=wup_wijk["corporatie"].id)
    for klasse in ("overzicht", "tekst", "markdown", "waarschuwingen"):
        uit = een(oefening, f"wk-te-verbinden-{klasse}").value
        assert "<script" not in uit and "<img" not in uit
    assert "Corporatie <script>x</script>" in html(oefening, "wk-te-verbinden-overzicht")


def test_zonder_dossier_een_melding(lege_store):
    assert "Er is geen dossier geopend" in zichtbaar(oefening_voor(lege_store, None).children[0].value)


def test_volgt_de_dossierwissel_en_nieuwe_partijen_op_de_pagina(lege_store, wup_wijk):
    dossier = wup_wijk["dossier"]
    ctx = context(lege_store, dossier.id)
    oefening = TeVerbindenOefening(ctx)
    kies_kans(oefening, wup_wijk["riool"].id)
    veld(oefening, "Bedrag of bron").value = "Rioleringsplan"
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Netbeheerder", "netbeheerder"))
    ctx.gewijzigd()  # another exercise on the page added the party
    assert "Netbeheerder" in keuzes(veld(oefening, "Eigenaar")) and veld(oefening, "Bedrag of bron").value == \
        "Rioleringsplan"
    ctx.dossier_id = lege_store.maak_dossier("Andere wijk").id
    assert keuzes(veld(oefening, "Koppelkans", exact=True)) == ["— kies een koppelkans —"]
    assert "Er staan nog geen koppelkansen op de lijst" in html(oefening, "wk-te-verbinden-fase3")
