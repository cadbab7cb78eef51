"""The facilitator's and the participant's pages of a live workshop, without a browser: type, click and
refresh like the people in the room, then check what each of them sees and what the dossier holds."""

from __future__ import annotations

import asyncio
import base64
import html
import json
import re
from datetime import datetime, timezone

import pytest

from wijkkompas_widgets.dossier import DossierStore
from wijkkompas_widgets.dossier.model import PartijInvoer
from wijkkompas_widgets.werkboek import open_begeleider, open_deelnemer, open_werkboek
from wijkkompas_widgets.widgets.workshop_begeleider import BegeleiderWeergave
from wijkkompas_widgets.widgets.workshop_deelnemer import WEET_NIET, DeelnemerWeergave, som_tekst
from wijkkompas_widgets.widgets.workshop_live import Verversing, deelnemer_url
from wijkkompas_widgets.workshop.model import GESLOTEN, OPEN, OVERGENOMEN

PIN = "4821"


def zichtbaar(html_tekst: str) -> str:
    """The text a user reads in an HTML widget (tags removed, entities decoded, spaces tidied)."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", html_tekst)).split())


def alle_html(widget) -> str:
    """Every HTML value and widget label in a widget tree: what the page could ever show."""
    delen = []
    stapel = [widget]
    while stapel:
        huidig = stapel.pop()
        for naam in ("value", "description", "placeholder", "tooltip"):
            waarde = getattr(huidig, naam, None)
            if isinstance(waarde, str):
                delen.append(waarde)
        opties = getattr(huidig, "options", None)
        if isinstance(opties, tuple):
            delen.extend(str(o) for o in opties)
        stapel.extend(getattr(huidig, "children", ()) or ())
    return "\n".join(delen)


def bestand_uit_link(link_html: str) -> bytes:
    [data] = re.findall(r'href="data:application/json;base64,([^"]+)"', link_html)
    return base64.b64decode(data)


def upload(inhoud: bytes, naam: str) -> dict:
    """One file as ipywidgets' FileUpload holds it after a user picked it."""
    return {"name": naam, "type": "application/json", "size": len(inhoud), "content": memoryview(inhoud),
            "last_modified": datetime(2026, 3, 12, 20, 0, tzinfo=timezone.utc)}


@pytest.fixture
def dossier(lege_store):
    dossier = lege_store.maak_dossier("Workshopwijk", "Noord", "Delft")
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Woonstad", "woningcorporatie",
                                                        organisatie="Woonstad Rotterdam"))
    lege_store.neem_standaardcriteria_over(dossier.id)
    return dossier


def begeleider(store_url, dossier_id, omgeving=None) -> BegeleiderWeergave:
    weergave = open_begeleider(store_url=store_url, query={"dossier": dossier_id})
    if omgeving is not None:
        weergave.omgeving = omgeving
    return weergave


def maak_sessie(weergave: BegeleiderWeergave, *oefeningen: str, naam="Bewonersavond") -> None:
    weergave._sessienaam.value = naam
    weergave._pin.value = weergave._pin2.value = PIN
    if oefeningen:
        for sleutel, vak in weergave._oefeningen.items():
            vak.value = sleutel in oefeningen
    weergave._maak.click()
    assert weergave.sessie is not None, zichtbaar(weergave._melding.value)


def rij(weergave: BegeleiderWeergave, oefening: str):
    return next(r for r in weergave._rijen.values() if r.ronde.oefening == oefening)


def deelnemer(store_url, code, naam, organisatie, spoor="") -> DeelnemerWeergave:
    weergave = open_deelnemer(store_url=store_url, query={"code": code})
    weergave._naam.value = naam
    weergave._organisatie.value = organisatie
    weergave._spoor.value = spoor
    weergave._meedoen.click()
    return weergave


def formulier(weergave: DeelnemerWeergave, oefening: str):
    return next(f for f in weergave.formulieren.values() if f.ronde.oefening == oefening)


def vul_scan(form, waarde_voor) -> None:
    for index, invoer in enumerate(form.invoer.values()):
        invoer.value = waarde_voor(index)


# -- the facilitator starts ------------------------------------------------------------------------
def test_sessie_maken_vraagt_twee_gelijke_pincodes_en_verandert_anders_niets(store_url, lege_store, dossier):
    weergave = begeleider(store_url, dossier.id)
    assert weergave._dossier.value == dossier.id  # the dossier of the page URL is preselected
    assert [k for k, v in weergave._oefeningen.items() if v.value] == ["scan", "weging"]
    # the dossier has no koppelkansen yet: that exercise says why it cannot be chosen
    assert weergave._oefeningen["koppelkansen"].disabled
    assert "Niet mogelijk in dit dossier: Koppelkansen scoren" in zichtbaar(weergave._niet_mogelijk.value)
    weergave._sessienaam.value = "Bewonersavond"
    weergave._pin.value, weergave._pin2.value = PIN, "4822"
    weergave._maak.click()
    assert "De twee pincodes zijn niet gelijk" in zichtbaar(weergave._melding.value)
    assert lege_store.sessies(dossier.id) == [] and weergave.sessie is None
    assert weergave._paneel.layout.display == "none"

    weergave._pin.value, weergave._pin2.value = "12", "12"
    weergave._maak.click()
    assert "pincode" in zichtbaar(weergave._melding.value).lower() and lege_store.sessies(dossier.id) == []

    weergave._pin.value = weergave._pin2.value = PIN
    weergave._maak.click()
    [sessie] = lege_store.sessies(dossier.id)
    assert weergave.sessie == sessie and weergave._paneel.layout.display == "flex"
    assert weergave._pin.value == "" and weergave._pin2.value == ""  # the PIN does not stay on the page
    assert [r.ronde.oefening for r in weergave._rijen.values()] == ["scan", "weging"]
    tekst = zichtbaar(weergave._deelnemen.value)
    assert sessie.code_getoond in tekst and "wk-workshop-code" in weergave._deelnemen.value
    # without Voilà's request in the environment: the path on this server and a hint, no QR code
    assert f"/voila/render/workshop_deelnemer.ipynb?code={sessie.code}" in tekst
    assert "zet het adres van de server ervoor" in tekst and "<svg" not in weergave._deelnemen.value


def test_zonder_oefening_of_naam_wordt_geen_sessie_gemaakt(store_url, lege_store, dossier):
    weergave = begeleider(store_url, dossier.id)
    for vak in weergave._oefeningen.values():
        vak.value = False
    weergave._sessienaam.value = "Avond"
    weergave._pin.value = weergave._pin2.value = PIN
    weergave._maak.click()
    assert "minstens één oefening" in zichtbaar(weergave._melding.value)
    weergave._oefeningen["scan"].value = True
    weergave._sessienaam.value = "  "
    weergave._maak.click()
    assert "Niet gelukt" in zichtbaar(weergave._melding.value) and lege_store.sessies(dossier.id) == []


def test_deelname_adres_en_qr_code_uit_de_omgeving_van_voila(store_url, dossier):
    omgeving = {"SERVER_NAME": "wijk.example.nl", "SERVER_PORT": "8866",
                "SCRIPT_NAME": "/voila/render/workshop_begeleider.ipynb"}
    assert deelnemer_url("K7PQ2MXD", omgeving) == (
        "http://wijk.example.nl:8866/voila/render/workshop_deelnemer.ipynb?code=K7PQ2MXD", True)
    publiek = {**omgeving, "WIJKKOMPAS_PUBLIEKE_URL": "https://werkboek.example.nl/"}
    assert deelnemer_url("K7PQ2MXD", publiek) == (
        "https://werkboek.example.nl/voila/render/workshop_deelnemer.ipynb?code=K7PQ2MXD", True)
    assert deelnemer_url("K7PQ2MXD", {}) == ("/voila/render/workshop_deelnemer.ipynb?code=K7PQ2MXD", False)

    weergave = begeleider(store_url, dossier.id, omgeving=omgeving)
    maak_sessie(weergave)
    vak = weergave._deelnemen.value
    assert f"http://wijk.example.nl:8866/voila/render/workshop_deelnemer.ipynb?code={weergave.sessie.code}" in vak
    assert "<svg" in vak and "aria-label='QR-code met het adres om mee te doen" in vak  # with a text alternative


def test_bestaande_sessie_openen_met_code_en_pincode(store_url, lege_store, dossier):
    sessie = lege_store.maak_sessie(dossier.id, "Avond", PIN, ["scan"])
    weergave = begeleider(store_url, dossier.id)
    assert sessie.code_getoond in zichtbaar(weergave._eerdere.value)
    weergave._open_code.value = sessie.code_getoond.lower()
    weergave._open_pin.value = "0000"
    weergave._open_knop.click()
    assert "De code of de pincode klopt niet" in zichtbaar(weergave._melding.value) and weergave.sessie is None
    weergave._open_pin.value = PIN
    weergave._open_knop.click()
    assert weergave.sessie == sessie and weergave._open_pin.value == ""


# -- a live round -----------------------------------------------------------------------------------
def test_live_ronde_van_aanmelden_tot_uitkomst_zonder_elkaars_antwoorden_te_zien(store_url, lege_store, dossier):
    leiding = begeleider(store_url, dossier.id)
    maak_sessie(leiding, "scan")
    code = leiding.sessie.code_getoond
    rij(leiding, "scan").knop_open.click()
    assert "is open" in zichtbaar(leiding._melding_rondes.value)
    assert rij(leiding, "scan").knop_open.disabled and not rij(leiding, "scan").knop_sluit.disabled
    assert "Open" in zichtbaar(rij(leiding, "scan").titel.value)  # the status in words

    fatima = deelnemer(store_url, code, "Fatima de Vries", "Gemeente Delft", "C")
    assert "Je doet mee" in zichtbaar(fatima._wie.value) and "Fatima de Vries" in zichtbaar(fatima._wie.value)
    herstelcode = re.search(r"Je herstelcode: ([0-9A-Z]{3}-[0-9A-Z]{3})", zichtbaar(fatima._wie.value))
    assert herstelcode, "the participant sees their recovery code"
    dubbel = deelnemer(store_url, code.lower(), "fatima de vries", "Woonstad")
    assert "Er doet al iemand mee met de naam" in zichtbaar(dubbel._melding.value) and dubbel.deelnemer is None
    assert dubbel._aanmelden.layout.display != "none"
    jan = deelnemer(store_url, code, "Jan Bakker", "Energiecoöperatie Zuid")

    scan_fatima = formulier(fatima, "scan")
    aantal = len(scan_fatima.invoer)
    eerste = next(iter(scan_fatima.invoer))
    scan_fatima.invoer[eerste].value = 4
    assert "Opgeslagen ✔" in zichtbaar(scan_fatima._opgeslagen.value)
    assert f"1 van {aantal} beantwoord" in zichtbaar(scan_fatima._voortgang.value)
    assert lege_store.mijn_antwoorden(fatima.deelnemer.id, scan_fatima.ronde.id).waarden == {eerste: 4}

    assert leiding.ververs() is True
    assert "2 deelnemers · 1 bezig · 0 ingediend" in zichtbaar(leiding._stand.value)
    assert "Laatst bijgewerkt" in zichtbaar(leiding._tijd.value)
    assert "Nog geen ingediende antwoorden" in zichtbaar(leiding._uitslag.value)
    assert leiding.ververs() is False  # nothing changed: nothing read or drawn again

    vul_scan(scan_fatima, lambda i: WEET_NIET if i == 3 else 2 + i % 3)
    scan_fatima.indienen.click()
    assert "Ingediend ✔ — je kunt je antwoorden aanpassen tot de begeleider de ronde sluit" in zichtbaar(
        scan_fatima._ingediend.value)
    scan_jan = formulier(jan, "scan")
    scan_jan.indienen.click()  # not everything answered: the store's message, nothing submitted
    assert "Niet gelukt" in zichtbaar(scan_jan.melding.value)
    vul_scan(scan_jan, lambda i: 1 + i % 5)
    scan_jan.indienen.click()

    assert leiding.ververs() is True
    assert "2 deelnemers · 0 bezig · 2 ingediend" in zichtbaar(leiding._stand.value)
    uitslag = leiding._uitslag.value
    assert "Radardiagram van de samenwerkingsscan" in uitslag and "<img" in uitslag
    assert "Gemeente Delft (1)" in zichtbaar(uitslag) and "Energiecoöperatie Zuid (1)" in zichtbaar(uitslag)
    assert "Waar de organisaties verschillen" in zichtbaar(leiding._verschillen.value)
    lijst = zichtbaar(leiding._deelnemers.value)
    assert "Fatima de Vries Gemeente Delft C ✔ ingediend" in lijst and "Jan Bakker Energiecoöperatie Zuid" in lijst
    assert herstelcode.group(1) not in alle_html(leiding)  # the facilitator never sees recovery codes

    # a participant's page never shows another participant's name or answers
    # (the dossier's organisations are suggested to everyone; who joined from which one is not)
    assert "Jan Bakker" not in alle_html(fatima) and "Energiecoöperatie Zuid" not in alle_html(fatima)
    assert "Fatima" not in alle_html(jan)
    assert " ingediend" not in zichtbaar(alle_html(jan)).replace("Nog niet ingediend", "")  # no counts of the room


def test_sluiten_maakt_het_formulier_alleen_lezen_en_een_laat_antwoord_krijgt_de_melding(store_url, lege_store,
                                                                                          dossier):
    leiding = begeleider(store_url, dossier.id)
    maak_sessie(leiding, "scan")
    fatima = deelnemer(store_url, leiding.sessie.code, "Fatima", "Gemeente Delft")
    assert fatima.formulieren == {}  # nothing open yet
    assert "Er is nu geen open ronde" in zichtbaar(fatima._geen_rondes.value)
    rij(leiding, "scan").knop_open.click()
    assert fatima.ververs() is True
    form = formulier(fatima, "scan")
    eerste, tweede = list(form.invoer)[:2]
    form.invoer[eerste].value = 5
    focus_widget = form.invoer[eerste]
    assert fatima.ververs() is False  # nothing opened or closed: the same widgets stay (keyboard focus)

    rij(leiding, "scan").knop_sluit.click()
    assert not rij(leiding, "scan").knop_heropen.disabled and not rij(leiding, "scan").knop_overnemen.disabled
    # the participant's page has not looked yet: the answer is refused with the store's message
    form.invoer[tweede].value = 3
    assert "Niet gelukt" in zichtbaar(form.melding.value)
    assert form.invoer[tweede].value is None  # back to what is saved
    assert lege_store.mijn_antwoorden(fatima.deelnemer.id, form.ronde.id).waarden == {eerste: 5}
    # ... and after that the page shows the round closed, read-only, with the own answer kept
    assert form.ronde.status == GESLOTEN and formulier(fatima, "scan") is form
    assert "Deze ronde is gesloten" in zichtbaar(form._status.value)
    assert all(i.disabled for i in form.invoer.values()) and form.indienen.disabled
    assert form.invoer is not None and form.invoer[eerste] is focus_widget and focus_widget.value == 5

    rij(leiding, "scan").knop_heropen.click()
    fatima.ververs()
    assert form.ronde.status == OPEN and not form.invoer[tweede].disabled


def test_overnemen_zet_de_uitkomst_in_het_dossier_en_het_besluitenlog(store_url, lege_store, dossier):
    leiding = begeleider(store_url, dossier.id)
    maak_sessie(leiding, "scan", naam="Startbijeenkomst")
    rij(leiding, "scan").knop_open.click()
    for naam, organisatie in (("Fatima", "Gemeente Delft"), ("Jan", "Woonstad")):
        weergave = deelnemer(store_url, leiding.sessie.code, naam, organisatie)
        form = formulier(weergave, "scan")
        vul_scan(form, lambda i: 1 + i % 5)
        form.indienen.click()
    scanrij = rij(leiding, "scan")
    assert scanrij.knop_overnemen.disabled  # only a closed round can be adopted
    scanrij.knop_sluit.click()
    scanrij.knop_overnemen.click()
    assert leiding._overnemen_vak.layout.display == "flex"
    assert "Weet je het zeker?" in zichtbaar(leiding._bevestig_overnemen.tekst.value)
    leiding._bevestig_overnemen.nee.click()  # 'Annuleren' changes nothing
    assert leiding._overnemen_vak.layout.display == "none" and lege_store.scan_rondes(dossier.id) == []

    scanrij.knop_overnemen.click()
    leiding._aanwezig.value = "gemeente, corporatie"
    leiding._bevestig_overnemen.ja.click()
    [scanronde] = lege_store.scan_rondes(dossier.id)
    assert scanronde.naam.startswith("Workshop Startbijeenkomst") and scanronde.is_gesloten
    assert len(lege_store.scan_responsen(dossier.id, scanronde.id)) == 2
    besluit = lege_store.besluiten(dossier.id)[-1]
    assert "gemeente, corporatie" in besluit.aanwezig
    tekst = zichtbaar(leiding._overname.value)
    assert "Overgenomen in het dossier" in tekst and f"Besluit {besluit.id}" in tekst
    assert scanrij.ronde.status == OVERGENOMEN and "Overgenomen in het dossier" in zichtbaar(scanrij.titel.value)
    assert scanrij.knop_overnemen.disabled and scanrij.knop_heropen.disabled and scanrij.knop_open.disabled
    # the other pages of the dossier see it: the besluitenlog of phase 4 lists it
    log = open_werkboek("04_keuzes.ipynb", store_url=store_url, query={"dossier": dossier.id}).besluitenlog()
    assert "Startbijeenkomst" in alle_html(log)


def test_macht_en_belang_per_partij_opgeslagen_en_als_raster_getoond(store_url, lege_store, dossier):
    leiding = begeleider(store_url, dossier.id)
    maak_sessie(leiding, "machtbelang")
    rij(leiding, "machtbelang").knop_open.click()
    fatima = deelnemer(store_url, leiding.sessie.code, "Fatima", "Gemeente Delft")
    form = formulier(fatima, "machtbelang")
    assert {i.description for i in form.invoer.values()} == {"Invloed", "Belang"}
    assert "Gemeente Delft" in zichtbaar(alle_html(form))  # the party as heading
    for invoer in form.invoer.values():
        invoer.value = 8
    assert set(lege_store.mijn_antwoorden(fatima.deelnemer.id, form.ronde.id).waarden.values()) == {8}
    form.indienen.click()
    assert "Ingediend" in zichtbaar(form._ingediend.value)
    leiding.ververs()
    assert "Macht/belang-raster volgens de deelnemers" in leiding._uitslag.value
    assert "8 (8–8)" in zichtbaar(leiding._uitslag.value)


def test_weging_telt_live_de_punten_en_indienen_vraagt_precies_100(store_url, lege_store, dossier):
    assert som_tekst(85) == "Nog 15 punten te verdelen (nu 85 van 100)."
    assert som_tekst(115) == "⚠ 15 punten te veel (nu 115 van 100)."
    leiding = begeleider(store_url, dossier.id)
    maak_sessie(leiding, "weging")
    rij(leiding, "weging").knop_open.click()
    fatima = deelnemer(store_url, leiding.sessie.code, "Fatima", "Gemeente Delft")
    form = formulier(fatima, "weging")
    velden = list(form.invoer.values())
    assert "Nog 100 punten te verdelen" in zichtbaar(form._som.value)
    velden[0].value = 60
    velden[1].value = 25
    assert "Nog 15 punten te verdelen" in zichtbaar(form._som.value)
    form.indienen.click()
    assert "Niet gelukt" in zichtbaar(form.melding.value) and "15" in zichtbaar(form.melding.value)
    assert not lege_store.mijn_antwoorden(fatima.deelnemer.id, form.ronde.id).is_ingediend
    velden[1].value = 55
    assert "15 punten te veel" in zichtbaar(form._som.value)
    velden[1].value = 40
    assert "Precies 100 punten verdeeld" in zichtbaar(form._som.value)
    form.indienen.click()
    antwoorden = lege_store.mijn_antwoorden(fatima.deelnemer.id, form.ronde.id)
    assert antwoorden.is_ingediend and sum(v for v in antwoorden.waarden.values() if v) == 100
    assert "Ingediend ✔" in zichtbaar(form._ingediend.value)
    velden[0].value = 50  # a change after submitting withdraws the submission: the sum must be 100 again
    assert "Nog niet ingediend" in zichtbaar(form._ingediend.value)
    velden[1].value = 50
    form.indienen.click()
    leiding.ververs()
    assert "Gewicht per criterium" not in zichtbaar(leiding._uitslag.value)  # the chart is an image with alt text
    assert "Staafdiagram van de gewichten per organisatie" in leiding._uitslag.value
    assert "Gezamenlijk (punten)" in zichtbaar(leiding._uitslag.value)


def test_koppelkansen_per_kans_en_criterium_scoren(store_url, lege_store, dossier):
    from wijkkompas_widgets.dossier.koppelkansen import KoppelkansInvoer

    lege_store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Riolering vervangen"))
    leiding = begeleider(store_url, dossier.id)
    maak_sessie(leiding, "koppelkansen")
    rij(leiding, "koppelkansen").knop_open.click()
    fatima = deelnemer(store_url, leiding.sessie.code, "Fatima", "Gemeente Delft")
    form = formulier(fatima, "koppelkansen")
    assert "Riolering vervangen" in zichtbaar(alle_html(form))
    for invoer in form.invoer.values():
        invoer.value = 4
    form.indienen.click()
    assert "Ingediend" in zichtbaar(form._ingediend.value)
    leiding.ververs()
    assert "Riolering vervangen" in zichtbaar(leiding._uitslag.value)
    assert "Koppelkansen gerangschikt" in leiding._uitslag.value


def test_verder_gaan_met_de_herstelcode_toont_de_eigen_antwoorden(store_url, lege_store, dossier):
    leiding = begeleider(store_url, dossier.id)
    maak_sessie(leiding, "scan")
    rij(leiding, "scan").knop_open.click()
    fatima = deelnemer(store_url, leiding.sessie.code, "Fatima", "Gemeente Delft")
    eerste = next(iter(formulier(fatima, "scan").invoer))
    formulier(fatima, "scan").invoer[eerste].value = WEET_NIET
    herstelcode = fatima.deelnemer.herstelcode

    opnieuw = open_deelnemer(store_url=store_url, query={"code": leiding.sessie.code})
    opnieuw._herstelcode.value = "ZZZ-999"
    opnieuw._verder.click()
    assert "Niet gelukt" in zichtbaar(opnieuw._melding.value) and opnieuw.deelnemer is None
    opnieuw._herstelcode.value = herstelcode.lower()
    opnieuw._verder.click()
    assert opnieuw.deelnemer.id == fatima.deelnemer.id
    assert formulier(opnieuw, "scan").invoer[eerste].value == WEET_NIET


def test_code_uit_de_url_en_organisaties_uit_het_dossier(store_url, lege_store, dossier):
    sessie = lege_store.maak_sessie(dossier.id, "Avond", PIN, ["scan"])
    weergave = open_deelnemer(store_url=store_url, query={"code": sessie.code})
    assert weergave._code.value == sessie.code
    assert "Avond" in zichtbaar(weergave._sessie_info.value)
    assert {"Gemeente Delft", "Woonstad", "Woonstad Rotterdam"} <= set(weergave._organisatie.options)
    weergave._code.value = "K7PQ-2MX"  # incomplete while typing: no message yet
    assert weergave._sessie_info.value == ""
    weergave._naam.value, weergave._organisatie.value = "Piet", "Gemeente Delft"
    weergave._meedoen.click()
    assert "Een deelnamecode heeft 8 tekens" in zichtbaar(weergave._melding.value) and weergave.deelnemer is None


def test_afgesloten_sessie_laat_niemand_meer_meedoen(store_url, lege_store, dossier):
    leiding = begeleider(store_url, dossier.id)
    maak_sessie(leiding, "scan")
    rij(leiding, "scan").knop_open.click()
    leiding._afsluiten.click()
    assert leiding._bevestig_afsluiten.layout.display == "flex"
    leiding._bevestig_afsluiten.ja.click()
    assert lege_store.sessie(leiding.sessie.id).is_gesloten
    assert rij(leiding, "scan").ronde.status == GESLOTEN
    assert "Deze sessie is afgesloten" in zichtbaar(leiding._deelnemen.value)
    laat = deelnemer(store_url, leiding.sessie.code, "Laatkomer", "Gemeente Delft")
    assert "Er is geen open workshop met deze code" in zichtbaar(laat._melding.value)


# -- without a shared server ----------------------------------------------------------------------
def test_zonder_gedeelde_server_uitnodiging_antwoordbestand_en_inlezen(store_url, lege_store, dossier, tmp_path):
    leiding = begeleider(store_url, dossier.id)
    maak_sessie(leiding, "scan")
    rij(leiding, "scan").knop_open.click()
    leiding._offline_vak.selected_index = 0
    uitnodiging = bestand_uit_link(leiding._uitnodiging.value)
    assert "wk-download" in leiding._uitnodiging.value and json.loads(uitnodiging)["sessie"]["code"]

    # the participant on their own Binder: an empty store of their own
    eigen_url = f"sqlite:///{tmp_path / 'binder.sqlite'}"
    binder = open_deelnemer(store_url=eigen_url, query={})
    binder._upload.value = (upload(uitnodiging, "uitnodiging.json"),)
    assert binder._code.value == leiding.sessie.code_getoond
    assert "staat klaar" in zichtbaar(binder._melding_offline.value)
    binder._naam.value, binder._organisatie.value = "Els Visser", "Energiecoöperatie"
    binder._meedoen.click()
    form = formulier(binder, "scan")
    vul_scan(form, lambda i: 3)
    form.indienen.click()
    assert "Mijn antwoorden downloaden" in zichtbaar(binder._download.value)
    antwoorden = bestand_uit_link(binder._download.value)

    leiding._upload.value = (upload(antwoorden, "els.json"),)
    assert "Nieuw: 1 deelnemer (Els Visser)" in zichtbaar(leiding._verslag.value)
    assert leiding._upload.value == ()
    leiding._upload.value = (upload(antwoorden, "els-nog-eens.json"),)
    assert "Bijgewerkt: 1 deelnemer (Els Visser)" in zichtbaar(leiding._verslag.value)
    assert [d.naam for d in lege_store.deelnemers(leiding.sessie.id)] == ["Els Visser"]
    assert len(lege_store.ronde_antwoorden(leiding.sessie.id, form.ronde.id)) == 1  # counted once
    assert "1 deelnemer · 0 bezig · 1 ingediend" in zichtbaar(leiding._stand.value)
    DossierStore(eigen_url)  # the participant's own store stays usable


def test_een_kapot_of_te_groot_bestand_geeft_een_nederlandse_melding(store_url, lege_store, dossier):
    leiding = begeleider(store_url, dossier.id)
    maak_sessie(leiding, "scan")
    leiding._upload.value = (upload(b"{geen json", "kapot.json"), upload(b"x" * 1_000_001, "groot.json"))
    verslag = zichtbaar(leiding._verslag.value)
    assert "Niet ingelezen (2 bestanden)" in verslag and "kapot.json" in verslag and "groot.json" in verslag
    assert "Traceback" not in verslag and lege_store.deelnemers(leiding.sessie.id) == []

    binder = open_deelnemer(store_url=store_url, query={})
    binder._upload.value = (upload(b"[1, 2, 3]", "raar.json"),)
    assert "Niet gelukt" in zichtbaar(binder._melding_offline.value) and binder._code.value == ""


# -- the refresh loop and the welcome page -----------------------------------------------------------
def test_verversen_gaat_door_na_een_fout():
    gezien: list[str] = []

    async def hoofd():
        klaar = asyncio.Event()

        def stap():
            gezien.append("stap")
            if len(gezien) == 1:
                raise RuntimeError("database even weg")
            klaar.set()

        verversing = Verversing(stap, 0, bij_fout=lambda: gezien.append("melding"))
        assert verversing.start() and verversing.loopt
        await klaar.wait()
        verversing.stop()

    asyncio.run(hoofd())
    assert gezien == ["stap", "melding", "stap"]
    assert Verversing(lambda: None, 1).start() is False  # no running loop (plain Python): nothing started


def test_welkomstpagina_linkt_naar_de_workshoppaginas_met_het_dossier(store_url, dossier):
    links = open_werkboek("00_welkom.ipynb", store_url=store_url, query={"dossier": dossier.id}).workshops()
    assert f"workshop_begeleider.ipynb?dossier={dossier.id}" in links.value
    assert "workshop_deelnemer.ipynb" in links.value and "Meedoen aan een workshop" in zichtbaar(links.value)


def test_deelnemerspagina_laadt_geen_pandas_of_matplotlib():
    """Thirty participant kernels at once: the page's import stays light (about 65 MB less per kernel)."""
    import subprocess
    import sys

    code = ("import sys; from wijkkompas_widgets.deelnemen import open_deelnemer; "
            "print(sorted(m for m in ('matplotlib', 'pandas') if m in sys.modules))")
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert uit.strip() == "[]"
