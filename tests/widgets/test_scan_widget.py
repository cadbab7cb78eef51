"""Samenwerkingsscan widget without a browser: fill in like a respondent, then check the dossier, a fresh widget
(the page after a reload) and the results tab. Controls are found by label and ``wk-scan-…`` class only."""

from __future__ import annotations

import re

import pytest
from hulp import een, getoond, kies, knop, melding, met_klasse, tekst, veld, zichtbaar

from wijkkompas_widgets.analysis.scan import analyseer
from wijkkompas_widgets.dossier import PartijInvoer
from wijkkompas_widgets.widgets.context import WerkboekContext
from wijkkompas_widgets.widgets.scan import WEET_NIET, SamenwerkingsscanOefening


@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Scanwijk", "West", "Leiden")


@pytest.fixture
def stellingen(inhoud):
    return inhoud.fase1.scan.stellingen


def scan_oefening(store, dossier_id, inhoud) -> SamenwerkingsscanOefening:
    """The exercise as a page shows it (a fresh one is the page after a reload)."""
    return SamenwerkingsscanOefening(WerkboekContext(store, inhoud, dossier_id=dossier_id))


def ronde_keuze(oefening):
    return een(oefening, "wk-scan-ronde")


def start_ronde(oefening, naam: str | None = None) -> None:
    if naam is not None:
        veld(oefening, "Naam van de nieuwe ronde").value = naam
    knop(oefening, "Ronde starten").click()


def begin(oefening, naam, organisatie):
    veld(oefening, "Je naam").value = naam
    veld(oefening, "Organisatie").value = organisatie
    knop(oefening, "Beginnen / verder gaan").click()


def antwoord(oefening, nummer: int):
    """The answer buttons of statement ``nummer`` (only there while someone fills in)."""
    return veld(oefening, f"Stelling {nummer}", exact=True)


def alle_antwoorden(oefening):
    return met_klasse(oefening, "wk-scan-knoppen")


def beantwoord_alles(oefening, waarde_voor):
    """``waarde_voor(index)`` gives 1-5 or WEET_NIET for each statement, clicked like a user."""
    for index, knoppen in enumerate(alle_antwoorden(oefening)):
        knoppen.value = waarde_voor(index)


def vragenlijst_getoond(oefening) -> bool:
    return getoond(een(oefening, "wk-scan-vragenlijst"))


def voortgang(oefening) -> str:
    return zichtbaar(met_klasse(oefening, "wk-scan-voortgang")[0].value)


def toon_resultaten(oefening):
    een(oefening, "wk-scan-tabs").selected_index = 1  # the results tab refreshes itself when opened
    return een(oefening, "wk-scan-resultaten")


def html(oefening, klasse: str) -> str:
    return een(oefening, klasse).value


def test_invullen_wordt_per_klik_bewaard_en_na_herladen_teruggevonden(lege_store, dossier, stellingen, inhoud):
    oefening = scan_oefening(lege_store, dossier.id, inhoud)
    assert "Er is nog geen ronde" in zichtbaar(html(oefening, "wk-scan-ronde-status"))
    assert veld(oefening, "Naam van de nieuwe ronde").value == "Ronde 1"  # a suggested name
    start_ronde(oefening)
    [ronde] = lege_store.scan_rondes(dossier.id)
    assert ronde.naam == "Ronde 1" and ronde_keuze(oefening).value == ronde.id
    assert "Ronde 'Ronde 1' is gestart." in melding(oefening)
    assert not vragenlijst_getoond(oefening)  # statements only after saying who you are

    begin(oefening, "Fatima de Vries", "Gemeente Leiden")
    assert vragenlijst_getoond(oefening)
    assert "Je vult in als Fatima de Vries (Gemeente Leiden) in ronde Ronde 1" in tekst(oefening)
    assert all(k.value is None for k in alle_antwoorden(oefening))  # nothing preselected
    eerste, tweede = stellingen[0].id, stellingen[1].id
    antwoord(oefening, 1).value = 4
    assert "Opgeslagen: stelling 1 – eens" in melding(oefening)
    antwoord(oefening, 2).value = WEET_NIET
    [respons] = lege_store.scan_responsen(dossier.id, ronde.id, alleen_ingediend=False)
    assert respons.antwoorden == {eerste: 4, tweede: None}
    assert f"2 van {len(stellingen)} stellingen beantwoord" in voortgang(oefening)

    # a reload: a fresh widget, same name in other capitals continues the saved answers
    opnieuw = scan_oefening(lege_store, dossier.id, inhoud)
    assert ronde_keuze(opnieuw).value == ronde.id
    begin(opnieuw, "fatima DE vries", "Gemeente Leiden")
    assert "Welkom terug" in melding(opnieuw)
    assert antwoord(opnieuw, 1).value == 4 and antwoord(opnieuw, 2).value == WEET_NIET
    assert antwoord(opnieuw, 3).value is None
    assert f"2 van {len(stellingen)} stellingen beantwoord" in voortgang(opnieuw)
    assert len(lege_store.scan_responsen(dossier.id, ronde.id, alleen_ingediend=False)) == 1


def test_indienen_met_open_stellingen_geeft_melding_en_daarna_bevestiging(lege_store, dossier, stellingen, inhoud):
    oefening = scan_oefening(lege_store, dossier.id, inhoud)
    start_ronde(oefening)
    begin(oefening, "Jan", "Woonstichting")
    for knoppen in alle_antwoorden(oefening)[:-2]:
        knoppen.value = 3
    knop(oefening, "Antwoorden indienen").click()
    assert "Niet gelukt: Nog 2 van de 30 stellingen zijn niet beantwoord" in melding(oefening)
    assert "Nog open: stelling 29 en 30." in melding(oefening)
    ronde_id = ronde_keuze(oefening).value
    assert lege_store.scan_responsen(dossier.id, ronde_id) == []  # still a concept

    antwoord(oefening, 29).value = WEET_NIET
    antwoord(oefening, 30).value = 5
    knop(oefening, "Antwoorden indienen").click()
    bevestiging = zichtbaar(html(oefening, "wk-scan-bevestiging"))
    assert "Bedankt, Jan!" in bevestiging and "kun je ze nog wijzigen" in bevestiging
    assert "status: ingediend" in voortgang(oefening)
    assert knop(oefening, "Ingediend").disabled
    [respons] = lege_store.scan_responsen(dossier.id, ronde_id)
    assert respons.naam == "Jan" and respons.antwoorden[stellingen[-2].id] is None

    # still open: a changed answer after submitting is saved and counts
    antwoord(oefening, 1).value = 1
    assert lege_store.scan_responsen(dossier.id, ronde_id)[0].antwoorden[stellingen[0].id] == 1


def test_resultaten_met_top3_en_een_concept_dat_niet_meetelt(lege_store, dossier, inhoud):
    oefening = scan_oefening(lege_store, dossier.id, inhoud)
    start_ronde(oefening)
    ronde_id = ronde_keuze(oefening).value
    begin(oefening, "Ria", "Gemeente")
    beantwoord_alles(oefening, lambda i: 2 if i < 3 else 4)
    knop(oefening, "Antwoorden indienen").click()
    knop(oefening, "Iemand anders vult in").click()
    assert veld(oefening, "Je naam").value == "" and not vragenlijst_getoond(oefening)
    assert "Iemand anders kan nu zijn of haar naam invullen" in melding(oefening)
    begin(oefening, "Cor", "Corporatie")
    beantwoord_alles(oefening, lambda i: 1 if i == 1 else (WEET_NIET if i == 5 else 5))
    knop(oefening, "Antwoorden indienen").click()
    knop(oefening, "Iemand anders vult in").click()
    begin(oefening, "Concept Carla", "Netbeheerder")
    beantwoord_alles(oefening, lambda i: 1 if i < 10 else None)  # ten answers, not submitted

    resultaten = toon_resultaten(oefening)
    aantallen = zichtbaar(html(oefening, "wk-scan-aantallen"))
    assert "2 ingediende antwoordenlijsten" in aantallen
    assert "1 antwoordenlijst nog in concept" in aantallen and "Concepten tellen niet mee" in aantallen
    assert "Nog in concept: Concept Carla (Netbeheerder)" in aantallen

    top3 = zichtbaar(html(oefening, "wk-scan-top3"))
    scan = inhoud.fase1.scan
    # statement 2: 2 and 1 → 1,5; statements 1 and 3: 2 and 5 → 3,5
    assert top3.index("Stelling 2:") < top3.index("Stelling 1:") < top3.index("Stelling 3:")
    assert "Gemiddelde 1,5 (Motivatie, verschil tussen partners 1,0)" in top3
    assert scan.stellingen[1].gespreksvraag in top3 and "Gespreksvraag" in top3
    radar = html(oefening, "wk-scan-radar")
    assert "Netbeheerder" not in zichtbaar(radar) and "Netbeheerder" not in radar  # the concept is not in the chart
    verwacht = analyseer(scan, lege_store.scan_responsen(dossier.id, ronde_id))
    assert [p.stelling.id for p in verwacht.aandachtspunten] == [scan.stellingen[i].id for i in (1, 0, 2)]
    factoren = zichtbaar(html(oefening, "wk-scan-factoren"))
    assert "Motivatie" in factoren and "Aantal personen" in factoren
    verschillen = zichtbaar(html(oefening, "wk-scan-verschillen"))
    assert "Gemeente" in verschillen and "Corporatie" in verschillen
    assert 'alt="Radardiagram van de samenwerkingsscan' in radar and "Gemeente: Motivatie" in radar
    assert "Weet niet" in html(oefening, "wk-scan-stellingen")
    assert een(oefening, "wk-scan-alle-stellingen").selected_index is None  # the long table starts folded
    assert not getoond(een(oefening, "wk-scan-vergelijking-vak"))  # only one round

    # Carla finishes on her own laptop; 'Vernieuwen' picks it up
    andere_laptop = scan_oefening(lege_store, dossier.id, inhoud)
    begin(andere_laptop, "Concept Carla", "Netbeheerder")
    beantwoord_alles(andere_laptop, lambda i: 3)
    knop(andere_laptop, "Antwoorden indienen").click()
    knop(resultaten, "Vernieuwen").click()
    assert "3 ingediende antwoordenlijsten" in zichtbaar(html(oefening, "wk-scan-aantallen"))
    assert "Bijgewerkt: 3 ingediende antwoordenlijsten." in melding(resultaten)


def test_een_ronde_met_te_weinig_antwoorden_toont_geen_getal(lege_store, dossier, inhoud):
    oefening = scan_oefening(lege_store, dossier.id, inhoud)
    start_ronde(oefening)
    begin(oefening, "Eenling", "Gemeente")
    beantwoord_alles(oefening, lambda i: 4)
    knop(oefening, "Antwoorden indienen").click()
    toon_resultaten(oefening)
    factoren = zichtbaar(html(oefening, "wk-scan-factoren"))
    assert factoren.count("te weinig antwoorden") == 4 and "4,0" not in factoren
    assert "Nog geen aandachtspunten" in zichtbaar(html(oefening, "wk-scan-top3"))


def test_zonder_ronde_zegt_het_resultatentabblad_waar_je_begint(lege_store, dossier, inhoud):
    oefening = scan_oefening(lege_store, dossier.id, inhoud)
    resultaten = toon_resultaten(oefening)
    assert "Start een ronde op het tabblad Invullen" in zichtbaar(html(oefening, "wk-scan-aantallen"))
    assert not getoond(een(oefening, "wk-scan-details"))
    assert knop(resultaten, "Ronde sluiten").disabled


def test_namen_met_html_blijven_tekst(lege_store, dossier, inhoud):
    oefening = scan_oefening(lege_store, dossier.id, inhoud)
    start_ronde(oefening, "<i>ronde</i>")
    begin(oefening, "<b>x</b>", "<img src=x onerror=alert(1)>")
    beantwoord_alles(oefening, lambda i: 3)
    knop(oefening, "Antwoorden indienen").click()
    wie = html(oefening, "wk-scan-wie")
    begin(oefening, "<script>y</script>", "Org")
    beantwoord_alles(oefening, lambda i: 2)
    knop(oefening, "Antwoorden indienen").click()
    toon_resultaten(oefening)
    klassen = ["wk-scan-bevestiging", "wk-scan-aantallen", "wk-scan-ronde-status", "wk-scan-radar",
               "wk-scan-verschillen"]
    samen = wie + "".join(html(oefening, k) for k in klassen) + "".join(
        v.value for v in met_klasse(oefening, "wk-melding-vak"))
    assert "<b>x</b>" not in samen and "<img" not in samen.replace('<img src="data:image/png', "")
    assert "<script>" not in samen and "<i>ronde</i>" not in samen
    assert "&lt;b&gt;x&lt;/b&gt;" in html(oefening, "wk-scan-aantallen")
    assert "<b>x</b> (<img src=x onerror=alert(1)>)" in zichtbaar(html(oefening, "wk-scan-aantallen"))
    assert "Bedankt, <script>y</script>!" in zichtbaar(html(oefening, "wk-scan-bevestiging"))


def test_onbruikbare_invoer_geeft_melding_en_verandert_niets(lege_store, dossier, inhoud):
    oefening = scan_oefening(lege_store, dossier.id, inhoud)
    begin(oefening, "Jan", "Gemeente")  # no round yet
    assert "Start eerst een ronde" in melding(oefening)
    start_ronde(oefening, "   ")
    assert "Niet gelukt: De naam van de ronde is verplicht." in melding(oefening)
    assert lege_store.scan_rondes(dossier.id) == []
    start_ronde(oefening, "Nulmeting")
    start_ronde(oefening, "nulmeting")
    assert "Er is al een ronde met de naam" in melding(oefening)
    assert len(lege_store.scan_rondes(dossier.id)) == 1
    begin(oefening, "", "Gemeente")
    assert "Je naam is verplicht" in melding(oefening)
    begin(oefening, "Jan", " ")
    assert "De organisatie is verplicht" in melding(oefening)
    assert lege_store.scan_responsen(dossier.id, ronde_keuze(oefening).value, alleen_ingediend=False) == []
    assert not vragenlijst_getoond(oefening)
    assert "Traceback" not in melding(oefening)


def test_gesloten_ronde_weigert_antwoorden_en_toont_wat_bewaard_is(lege_store, dossier, stellingen, inhoud):
    oefening = scan_oefening(lege_store, dossier.id, inhoud)
    start_ronde(oefening)
    begin(oefening, "Jan", "Gemeente")
    antwoord(oefening, 1).value = 4
    # the facilitator closes the round on another laptop
    begeleider = scan_oefening(lege_store, dossier.id, inhoud)
    resultaten = toon_resultaten(begeleider)
    knop(resultaten, "Ronde sluiten").click()
    assert "is gesloten" in melding(resultaten)
    assert knop(resultaten, "Ronde heropenen").icon == "unlock"

    antwoord(oefening, 1).value = 1
    assert "is gesloten; je antwoord is niet opgeslagen" in melding(oefening)
    assert antwoord(oefening, 1).value == 4  # shows what is saved
    assert all(k.disabled for k in alle_antwoorden(oefening)) and knop(oefening, "Antwoorden indienen").disabled
    assert "gesloten" in zichtbaar(html(oefening, "wk-scan-ronde-status"))
    assert ronde_keuze(oefening).label.endswith("(gesloten)")
    [respons] = lege_store.scan_responsen(dossier.id, ronde_keuze(oefening).value, alleen_ingediend=False)
    assert respons.antwoorden == {stellingen[0].id: 4}

    knop(resultaten, "Ronde heropenen").click()
    assert not lege_store.scan_rondes(dossier.id)[0].is_gesloten
    oefening.context.gewijzigd()  # the page refreshes after a change elsewhere
    assert not any(k.disabled for k in alle_antwoorden(oefening))


def test_tweede_ronde_wordt_vergeleken_met_de_eerste(lege_store, dossier, inhoud):
    oefening = scan_oefening(lege_store, dossier.id, inhoud)
    start_ronde(oefening, "Nulmeting")
    for naam, waarde in (("Ria", 2), ("Rob", 3)):
        begin(oefening, naam, "Gemeente")
        beantwoord_alles(oefening, lambda i, w=waarde: w)
        knop(oefening, "Antwoorden indienen").click()
    assert veld(oefening, "Naam van de nieuwe ronde").value == "Ronde 2"
    start_ronde(oefening, "Na een half jaar")
    assert not vragenlijst_getoond(oefening)  # a new round: everyone starts again
    for naam, waarde in (("Ria", 4), ("Rob", 4)):
        begin(oefening, naam, "Gemeente")
        assert all(k.value is None for k in alle_antwoorden(oefening))
        beantwoord_alles(oefening, lambda i, w=waarde: w)
        knop(oefening, "Antwoorden indienen").click()
    toon_resultaten(oefening)
    assert een(oefening, "wk-scan-resultaat-ronde").label == "Na een half jaar"
    assert getoond(een(oefening, "wk-scan-vergelijking-vak"))
    vergelijk = veld(oefening, "Vergelijk met")
    assert vergelijk.label == "Nulmeting"
    uitkomst = html(oefening, "wk-scan-vergelijking")
    rij = re.search(r"<tr><td>Motivatie</td>.*?</tr>", uitkomst).group(0)
    assert [zichtbaar(cel) for cel in re.findall(r"<td>.*?</td>", rij)] == ["Motivatie", "2,5", "4,0", "+1,5 (hoger)"]
    assert "Verandering" in zichtbaar(uitkomst)
    assert 'alt="Staafdiagram: gemiddelde per factor in Nulmeting en Na een half jaar' in uitkomst
    vergelijk.value = "geen"
    assert html(oefening, "wk-scan-vergelijking") == ""

    # choosing the first round to fill in shows its results; 'geen vergelijking' stays chosen
    ronde_keuze(oefening).value = lege_store.scan_rondes(dossier.id)[0].id
    assert een(oefening, "wk-scan-resultaat-ronde").label == "Nulmeting"
    assert vergelijk.label == "— geen vergelijking —" and html(oefening, "wk-scan-vergelijking") == ""
    kies(vergelijk, "Na een half jaar")
    rij = re.search(r"<tr><td>Motivatie</td>.*?</tr>", html(oefening, "wk-scan-vergelijking")).group(0)
    assert [zichtbaar(cel) for cel in re.findall(r"<td>.*?</td>", rij)] == ["Motivatie", "2,5", "4,0", "+1,5 (hoger)"]


def test_herladen_bouwt_de_stellingen_niet_opnieuw(lege_store, dossier, stellingen, inhoud):
    oefening = scan_oefening(lege_store, dossier.id, inhoud)
    start_ronde(oefening)
    begin(oefening, "Jan", "Gemeente")
    knoppen = antwoord(oefening, 1)
    knoppen.value = 5
    veld(oefening, "Naam van de nieuwe ronde").value = "Najaar"  # being typed
    oefening.context.gewijzigd()  # another exercise on the page saved something
    assert antwoord(oefening, 1) is knoppen and knoppen.value == 5
    assert veld(oefening, "Naam van de nieuwe ronde").value == "Najaar"  # not replaced by a suggestion
    # someone else (same respondent on a phone) changed an answer: a reload shows it without saving again
    [respons] = lege_store.scan_responsen(dossier.id, ronde_keuze(oefening).value, alleen_ingediend=False)
    lege_store.beantwoord_stelling(dossier.id, respons.id, stellingen[1].id, 2)
    oefening.context.gewijzigd()
    assert antwoord(oefening, 2).value == 2
    assert "Opgeslagen: stelling 1" in melding(oefening)  # the reload said nothing about saving


def test_ander_dossier_of_geen_dossier(lege_store, dossier, inhoud):
    oefening = scan_oefening(lege_store, dossier.id, inhoud)
    start_ronde(oefening)
    begin(oefening, "Jan", "Gemeente")
    ander = lege_store.maak_dossier("Andere wijk")
    oefening.context.dossier_id = ander.id
    assert ronde_keuze(oefening).options == () and not vragenlijst_getoond(oefening)
    assert "Er is nog geen ronde" in zichtbaar(html(oefening, "wk-scan-ronde-status"))
    assert melding(oefening) == ""
    oefening.context.dossier_id = None
    assert "Er is geen dossier geopend" in tekst(oefening)


def test_organisaties_uit_het_dossier_worden_voorgesteld(lege_store, dossier, inhoud):
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Leiden", "gemeente"))
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Corporatie", "woningcorporatie", organisatie="Portaal"))
    oefening = scan_oefening(lege_store, dossier.id, inhoud)
    assert list(veld(oefening, "Organisatie").options) == ["Gemeente Leiden", "Portaal"]
