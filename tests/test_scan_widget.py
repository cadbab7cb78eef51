"""Samenwerkingsscan widget without a browser: fill in like a respondent, then check the dossier,
a fresh widget (the page after a reload) and the results tab."""

from __future__ import annotations

import html
import re

import pytest

from wijkkompas_widgets.analysis.scan import analyseer
from wijkkompas_widgets.werkboek import open_werkboek
from wijkkompas_widgets.widgets.scan import WEET_NIET, SamenwerkingsscanOefening


def zichtbaar(html_tekst: str) -> str:
    """The text a user reads in an HTML widget (tags removed, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", "", html_tekst))


@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Scanwijk", "West", "Leiden")


@pytest.fixture
def stellingen(inhoud):
    return inhoud.fase1.scan.stellingen


def scan_oefening(store_url, dossier_id) -> SamenwerkingsscanOefening:
    wb = open_werkboek("01_samen_starten.ipynb", store_url=store_url, query={"dossier": dossier_id})
    oefening = wb.kaart("f1-samenwerkingsscan").oefening
    assert isinstance(oefening, SamenwerkingsscanOefening)
    return oefening


def begin(oefening, naam, organisatie):
    oefening._naam.value = naam
    oefening._organisatie.value = organisatie
    oefening._beginnen.click()


def beantwoord_alles(oefening, waarde_voor):
    """``waarde_voor(index)`` gives 1-5 or WEET_NIET for each statement, clicked like a user."""
    for index, knoppen in enumerate(oefening._knoppen.values()):
        knoppen.value = waarde_voor(index)


def test_invullen_wordt_per_klik_bewaard_en_na_herladen_teruggevonden(store_url, lege_store, dossier, stellingen):
    oefening = scan_oefening(store_url, dossier.id)
    assert "Er is nog geen ronde" in zichtbaar(oefening._ronde_status.value)
    assert oefening._nieuwe_ronde.value == "Ronde 1"  # a suggested name
    oefening._ronde_starten.click()
    [ronde] = lege_store.scan_rondes(dossier.id)
    assert ronde.naam == "Ronde 1" and oefening._ronde.value == ronde.id
    assert oefening._vragenlijst.layout.display == "none"  # statements only after saying who you are

    begin(oefening, "Fatima de Vries", "Gemeente Leiden")
    assert oefening._vragenlijst.layout.display == "flex"
    assert all(k.value is None for k in oefening._knoppen.values())  # nothing preselected
    eerste, tweede = stellingen[0].id, stellingen[1].id
    oefening._knoppen[eerste].value = 4
    assert "Opgeslagen: stelling 1 – eens" in zichtbaar(oefening._melding.value)
    oefening._knoppen[tweede].value = WEET_NIET
    [respons] = lege_store.scan_responsen(dossier.id, ronde.id, alleen_ingediend=False)
    assert respons.antwoorden == {eerste: 4, tweede: None}
    assert f"2 van {len(stellingen)} stellingen beantwoord" in zichtbaar(oefening._voortgang.value)

    # a reload: a fresh widget, same name in other capitals continues the saved answers
    opnieuw = scan_oefening(store_url, dossier.id)
    assert opnieuw._ronde.value == ronde.id
    begin(opnieuw, "fatima DE vries", "Gemeente Leiden")
    assert "Welkom terug" in zichtbaar(opnieuw._melding.value)
    assert opnieuw._knoppen[eerste].value == 4 and opnieuw._knoppen[tweede].value == WEET_NIET
    assert opnieuw._knoppen[stellingen[2].id].value is None
    assert f"2 van {len(stellingen)} stellingen beantwoord" in zichtbaar(opnieuw._voortgang.value)
    assert len(lege_store.scan_responsen(dossier.id, ronde.id, alleen_ingediend=False)) == 1


def test_indienen_met_open_stellingen_geeft_melding_en_daarna_bevestiging(store_url, lege_store, dossier,
                                                                           stellingen):
    oefening = scan_oefening(store_url, dossier.id)
    oefening._ronde_starten.click()
    begin(oefening, "Jan", "Woonstichting")
    for stelling in stellingen[:-2]:
        oefening._knoppen[stelling.id].value = 3
    oefening._indienen.click()
    melding = zichtbaar(oefening._melding.value)
    assert "Niet gelukt: Nog 2 van de 30 stellingen zijn niet beantwoord" in melding
    assert "Nog open: stelling 29 en 30." in melding
    ronde_id = oefening._ronde.value
    assert lege_store.scan_responsen(dossier.id, ronde_id) == []  # still a concept

    oefening._knoppen[stellingen[-2].id].value = WEET_NIET
    oefening._knoppen[stellingen[-1].id].value = 5
    oefening._indienen.click()
    assert "Bedankt, Jan!" in zichtbaar(oefening._bevestiging.value)
    assert "kun je ze nog wijzigen" in zichtbaar(oefening._bevestiging.value)
    assert "status: ingediend" in zichtbaar(oefening._voortgang.value)
    [respons] = lege_store.scan_responsen(dossier.id, ronde_id)
    assert respons.naam == "Jan" and respons.antwoorden[stellingen[-2].id] is None

    # still open: a changed answer after submitting is saved and counts
    oefening._knoppen[stellingen[0].id].value = 1
    assert lege_store.scan_responsen(dossier.id, ronde_id)[0].antwoorden[stellingen[0].id] == 1


def test_resultaten_met_top3_en_een_concept_dat_niet_meetelt(store_url, lege_store, dossier, inhoud):
    oefening = scan_oefening(store_url, dossier.id)
    oefening._ronde_starten.click()
    ronde_id = oefening._ronde.value
    begin(oefening, "Ria", "Gemeente")
    beantwoord_alles(oefening, lambda i: 2 if i < 3 else 4)
    oefening._indienen.click()
    oefening._wissel.click()
    assert oefening._naam.value == "" and oefening._vragenlijst.layout.display == "none"
    begin(oefening, "Cor", "Corporatie")
    beantwoord_alles(oefening, lambda i: 1 if i == 1 else (WEET_NIET if i == 5 else 5))
    oefening._indienen.click()
    oefening._wissel.click()
    begin(oefening, "Concept Carla", "Netbeheerder")
    beantwoord_alles(oefening, lambda i: 1 if i < 10 else None)  # ten answers, not submitted

    oefening._tabs.selected_index = 1  # the results tab refreshes itself when opened
    aantallen = zichtbaar(oefening._aantallen.value)
    assert "2 ingediende antwoordenlijsten" in aantallen
    assert "1 antwoordenlijst nog in concept" in aantallen and "Concepten tellen niet mee" in aantallen
    assert "Nog in concept: Concept Carla (Netbeheerder)" in aantallen

    top3 = zichtbaar(oefening._top3.value)
    scan = inhoud.fase1.scan
    # statement 2: 2 and 1 → 1,5; statements 1 and 3: 2 and 5 → 3,5
    assert [f"Stelling {n}:" in top3 for n in (2, 1, 3)] == [True, True, True]
    assert top3.index("Stelling 2:") < top3.index("Stelling 1:") < top3.index("Stelling 3:")
    assert scan.stellingen[1].gespreksvraag in top3 and "Gespreksvraag" in top3
    assert "Netbeheerder" not in zichtbaar(oefening._radar.value)  # the concept is not in the chart
    verwacht = analyseer(scan, lege_store.scan_responsen(dossier.id, ronde_id))
    assert [p.stelling.id for p in verwacht.aandachtspunten] == [scan.stellingen[i].id for i in (1, 0, 2)]
    factoren = zichtbaar(oefening._factoren.value)
    assert "Motivatie" in factoren and "Aantal personen" in factoren
    verschillen = zichtbaar(oefening._verschillen.value)
    assert "Gemeente" in verschillen and "Corporatie" in verschillen
    assert 'alt="Radardiagram van de samenwerkingsscan' in oefening._radar.value
    assert "Gemeente: Motivatie" in oefening._radar.value
    assert "Weet niet" in oefening._stellingen.value and oefening._stellingen_accordion.selected_index is None
    assert oefening._vergelijk_vak.layout.display == "none"  # only one round

    # Carla finishes on her own laptop; 'Vernieuwen' picks it up
    andere_laptop = scan_oefening(store_url, dossier.id)
    begin(andere_laptop, "Concept Carla", "Netbeheerder")
    beantwoord_alles(andere_laptop, lambda i: 3)
    andere_laptop._indienen.click()
    oefening._vernieuwen.click()
    assert "3 ingediende antwoordenlijsten" in zichtbaar(oefening._aantallen.value)
    assert "Bijgewerkt" in zichtbaar(oefening._melding_resultaat.value)


def test_een_ronde_met_te_weinig_antwoorden_toont_geen_getal(store_url, lege_store, dossier):
    oefening = scan_oefening(store_url, dossier.id)
    oefening._ronde_starten.click()
    begin(oefening, "Eenling", "Gemeente")
    beantwoord_alles(oefening, lambda i: 4)
    oefening._indienen.click()
    oefening._tabs.selected_index = 1
    factoren = zichtbaar(oefening._factoren.value)
    assert factoren.count("te weinig antwoorden") == 4 and "4,0" not in factoren
    assert "Nog geen aandachtspunten" in zichtbaar(oefening._top3.value)


def test_namen_met_html_blijven_tekst(store_url, lege_store, dossier):
    oefening = scan_oefening(store_url, dossier.id)
    oefening._nieuwe_ronde.value = "<i>ronde</i>"
    oefening._ronde_starten.click()
    begin(oefening, "<b>x</b>", "<img src=x onerror=alert(1)>")
    beantwoord_alles(oefening, lambda i: 3)
    oefening._indienen.click()
    begin(oefening, "<script>y</script>", "Org")
    beantwoord_alles(oefening, lambda i: 2)
    oefening._indienen.click()
    oefening._tabs.selected_index = 1
    teksten = [oefening._wie.value, oefening._bevestiging.value, oefening._melding.value, oefening._aantallen.value,
               oefening._ronde_status.value, oefening._radar.value, oefening._verschillen.value]
    samen = "".join(teksten)
    assert "<b>x</b>" not in samen and "<img" not in samen.replace('<img src="data:image/png', "")
    assert "<script>" not in samen
    assert "&lt;b&gt;x&lt;/b&gt;" in oefening._aantallen.value
    assert "<b>x</b> (<img src=x onerror=alert(1)>)" in zichtbaar(oefening._aantallen.value)
    assert "Bedankt, <script>y</script>!" in zichtbaar(oefening._bevestiging.value)


def test_onbruikbare_invoer_geeft_melding_en_verandert_niets(store_url, lege_store, dossier):
    oefening = scan_oefening(store_url, dossier.id)
    begin(oefening, "Jan", "Gemeente")  # no round yet
    assert "Start eerst een ronde" in zichtbaar(oefening._melding.value)
    oefening._nieuwe_ronde.value = "   "
    oefening._ronde_starten.click()
    assert "Niet gelukt: De naam van de ronde is verplicht." in zichtbaar(oefening._melding.value)
    assert lege_store.scan_rondes(dossier.id) == []
    oefening._nieuwe_ronde.value = "Nulmeting"
    oefening._ronde_starten.click()
    oefening._nieuwe_ronde.value = "nulmeting"
    oefening._ronde_starten.click()
    assert "Er is al een ronde met de naam" in zichtbaar(oefening._melding.value)
    assert len(lege_store.scan_rondes(dossier.id)) == 1
    begin(oefening, "", "Gemeente")
    assert "Je naam is verplicht" in zichtbaar(oefening._melding.value)
    begin(oefening, "Jan", " ")
    assert "De organisatie is verplicht" in zichtbaar(oefening._melding.value)
    assert lege_store.scan_responsen(dossier.id, oefening._ronde.value, alleen_ingediend=False) == []
    assert oefening._vragenlijst.layout.display == "none"
    oefening._indienen.click()
    assert "Vul eerst je naam en organisatie in" in zichtbaar(oefening._melding.value)
    assert "Traceback" not in oefening._melding.value


def test_gesloten_ronde_weigert_antwoorden_en_toont_wat_bewaard_is(store_url, lege_store, dossier, stellingen):
    oefening = scan_oefening(store_url, dossier.id)
    oefening._ronde_starten.click()
    begin(oefening, "Jan", "Gemeente")
    oefening._knoppen[stellingen[0].id].value = 4
    # the facilitator closes the round on another laptop
    begeleider = scan_oefening(store_url, dossier.id)
    begeleider._tabs.selected_index = 1
    begeleider._sluiten.click()
    assert "is gesloten" in zichtbaar(begeleider._melding_resultaat.value)
    assert begeleider._sluiten.description == "Ronde heropenen"

    oefening._knoppen[stellingen[0].id].value = 1
    assert "is gesloten; je antwoord is niet opgeslagen" in zichtbaar(oefening._melding.value)
    assert oefening._knoppen[stellingen[0].id].value == 4  # shows what is saved
    assert all(k.disabled for k in oefening._knoppen.values()) and oefening._indienen.disabled
    assert "gesloten" in zichtbaar(oefening._ronde_status.value)
    assert lege_store.scan_respons(dossier.id, oefening._respons.id).antwoorden == {stellingen[0].id: 4}

    begeleider._sluiten.click()  # heropenen
    assert not lege_store.scan_rondes(dossier.id)[0].is_gesloten
    oefening._vul_rondes()
    oefening._ververs_respons()
    assert not any(k.disabled for k in oefening._knoppen.values())


def test_tweede_ronde_wordt_vergeleken_met_de_eerste(store_url, lege_store, dossier):
    oefening = scan_oefening(store_url, dossier.id)
    oefening._nieuwe_ronde.value = "Nulmeting"
    oefening._ronde_starten.click()
    for naam, waarde in (("Ria", 2), ("Rob", 3)):
        begin(oefening, naam, "Gemeente")
        beantwoord_alles(oefening, lambda i, w=waarde: w)
        oefening._indienen.click()
    assert oefening._nieuwe_ronde.value == "Ronde 2"
    oefening._nieuwe_ronde.value = "Na een half jaar"
    oefening._ronde_starten.click()
    assert oefening._respons is None  # a new round: everyone starts again
    for naam, waarde in (("Ria", 4), ("Rob", 4)):
        begin(oefening, naam, "Gemeente")
        assert all(k.value is None for k in oefening._knoppen.values())
        beantwoord_alles(oefening, lambda i, w=waarde: w)
        oefening._indienen.click()
    oefening._tabs.selected_index = 1
    assert oefening._res_ronde.label == "Na een half jaar"
    assert oefening._vergelijk_vak.layout.display == "flex"
    assert oefening._vergelijk.label == "Nulmeting"
    vergelijking = zichtbaar(oefening._vergelijking.value)
    rij = re.search(r"<tr><td>Motivatie</td>.*?</tr>", oefening._vergelijking.value).group(0)
    assert [zichtbaar(cel) for cel in re.findall(r"<td>.*?</td>", rij)] == ["Motivatie", "2,5", "4,0", "+1,5 (hoger)"]
    assert "Verandering" in vergelijking
    assert 'alt="Staafdiagram: gemiddelde per factor in Nulmeting en Na een half jaar' in oefening._vergelijking.value
    oefening._vergelijk.value = "geen"
    assert oefening._vergelijking.value == ""


def test_herladen_bouwt_de_stellingen_niet_opnieuw(store_url, lege_store, dossier, stellingen):
    oefening = scan_oefening(store_url, dossier.id)
    oefening._ronde_starten.click()
    begin(oefening, "Jan", "Gemeente")
    knoppen = oefening._knoppen[stellingen[0].id]
    knoppen.value = 5
    oefening._nieuwe_ronde.value = "Najaar"  # being typed
    oefening.context.gewijzigd()  # another exercise on the page saved something
    assert oefening._knoppen[stellingen[0].id] is knoppen and knoppen.value == 5
    assert oefening._nieuwe_ronde.value == "Najaar"  # what the user typed is not replaced by a suggestion
    # someone else (same respondent on a phone) changed an answer: a reload shows it without saving again
    lege_store.beantwoord_stelling(dossier.id, oefening._respons.id, stellingen[1].id, 2)
    oefening.context.gewijzigd()
    assert oefening._knoppen[stellingen[1].id].value == 2


def test_ander_dossier_of_geen_dossier(store_url, lege_store, dossier):
    oefening = scan_oefening(store_url, dossier.id)
    oefening._ronde_starten.click()
    begin(oefening, "Jan", "Gemeente")
    ander = lege_store.maak_dossier("Andere wijk")
    oefening.context.dossier_id = ander.id
    assert oefening._respons is None and oefening._ronde.options == ()
    assert oefening._vragenlijst.layout.display == "none"
    oefening.context.dossier_id = None
    assert "Er is geen dossier geopend" in oefening.children[0].value


def test_organisaties_uit_het_dossier_worden_voorgesteld(store_url, lege_store, dossier):
    from wijkkompas_widgets.dossier import PartijInvoer

    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Leiden", "gemeente"))
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Corporatie", "woningcorporatie", organisatie="Portaal"))
    oefening = scan_oefening(store_url, dossier.id)
    assert list(oefening._organisatie.options) == ["Gemeente Leiden", "Portaal"]
