"""The participant's page of a live workshop without a browser: join with the code, answer, submit, come back
with the herstelcode, and work without a shared server — as a participant types and clicks, checked by what the
page shows and what the store holds. The facilitator's side is played through the store."""

from __future__ import annotations

import json
import re

import ipywidgets as w
import pytest
from hulp import (
    alle_tekst,
    als_upload,
    downloads,
    een,
    getoond,
    keuzes,
    kies,
    knop,
    melding,
    met_klasse,
    tekst,
    veld,
    zichtbaar,
)

from wijkkompas_widgets.dossier.model import PartijInvoer
from wijkkompas_widgets.dossier.records import KoppelkansInvoer
from wijkkompas_widgets.dossier.store import DossierStore
from wijkkompas_widgets.werkboek import open_deelnemer
from wijkkompas_widgets.widgets.workshop_deelnemer import som_tekst

PIN = "4821"


@pytest.fixture
def dossier(lege_store):
    dossier = lege_store.maak_dossier("Workshopwijk", "Noord", "Delft")
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Woonstad", "woningcorporatie",
                                                        organisatie="Woonstad Rotterdam"))
    lege_store.neem_standaardcriteria_over(dossier.id)
    return dossier


def sessie_met(store, dossier, *oefeningen: str, open_=True):
    """The facilitator made a session and opened its rounds (through the store)."""
    sessie = store.maak_sessie(dossier.id, "Bewonersavond", PIN, list(oefeningen))
    if open_:
        for ronde in store.rondes(sessie.id):
            store.open_ronde(sessie.id, ronde.id)
    return sessie


def meedoen(store_url, code: str, naam: str, organisatie: str):
    pagina = open_deelnemer(store_url=store_url, query={"code": code})
    veld(pagina, "Je naam").value = naam
    veld(pagina, "Organisatie").value = organisatie
    knop(pagina, "Meedoen").click()
    return pagina


def formulier(pagina, oefening: str) -> w.VBox:
    return een(pagina, f"wk-workshop-formulier-{oefening}")


def invoer(form) -> list:
    return met_klasse(form, "wk-workshop-invoer")


def opgeslagen(store, sessie, naam: str, oefening: str):
    """What the store holds for this participant in this round."""
    deelnemer = next(d for d in store.deelnemers(sessie.id) if d.naam == naam)
    ronde = next(r for r in store.rondes(sessie.id) if r.oefening == oefening)
    return store.mijn_antwoorden(deelnemer.id, ronde.id)


def vak(widget, klasse: str) -> str:
    return zichtbaar(een(widget, klasse).value)


def herstelcode(pagina) -> str:
    """The recovery code as the participant reads it in the box that says who they are."""
    [code] = re.findall(r"Je herstelcode: ([0-9A-Z]{3}-[0-9A-Z]{3})", vak(pagina, "wk-workshop-wie-vak"))
    return code


# -- joining and answering ----------------------------------------------------------------------------
def test_aanmelden_antwoorden_en_nooit_de_namen_van_anderen_zien(store_url, lege_store, dossier):
    sessie = sessie_met(lege_store, dossier, "scan")
    fatima = meedoen(store_url, sessie.code_getoond, "Fatima de Vries", "Gemeente Delft")
    assert "Welkom, Fatima de Vries! Je doet mee." in melding(fatima)
    wie = vak(fatima, "wk-workshop-wie-vak")
    assert "Je doet mee aan Bewonersavond als Fatima de Vries (Gemeente Delft)" in wie
    assert herstelcode(fatima)  # the participant sees their recovery code
    dubbel = meedoen(store_url, sessie.code.lower(), "fatima de vries", "Woonstad")
    assert "Er doet al iemand mee met de naam" in melding(dubbel)
    assert getoond(een(dubbel, "wk-workshop-aanmelden"))  # still on the form to join
    jan = meedoen(store_url, sessie.code, "Jan Bakker", "Energiecoöperatie Zuid")

    scan = formulier(fatima, "scan")
    vragen = invoer(scan)
    assert [v.description for v in vragen[:2]] == ["Stelling 1", "Stelling 2"]
    kies(vragen[0], "Eens")
    assert "Opgeslagen ✔" in vak(scan, "wk-workshop-opgeslagen")
    assert f"1 van {len(vragen)} beantwoord" in vak(scan, "wk-workshop-voortgang")
    eerste = lege_store.rondes(sessie.id)[0].vragen[0].sleutel
    assert opgeslagen(lege_store, sessie, "Fatima de Vries", "scan").waarden == {eerste: 4}

    kies(vragen[1], "Weet ik niet")  # 'weet niet' is saved as None
    assert opgeslagen(lege_store, sessie, "Fatima de Vries", "scan").waarden[
        lege_store.rondes(sessie.id)[0].vragen[1].sleutel] is None
    knop(scan, "Indienen").click()  # not everything answered: the store's message, nothing submitted
    assert "Niet gelukt" in melding(scan) and not opgeslagen(lege_store, sessie, "Fatima de Vries", "scan").is_ingediend
    for index, vraag in enumerate(vragen):
        vraag.value = 1 + index % 5
    knop(scan, "Indienen").click()
    assert melding(scan) == ""
    assert ("Ingediend ✔ — je kunt je antwoorden aanpassen tot de begeleider de ronde sluit"
            in vak(scan, "wk-workshop-ingediend"))
    assert opgeslagen(lege_store, sessie, "Fatima de Vries", "scan").is_ingediend

    # a participant's page never shows another participant's name or answers
    # (the dossier's organisations are suggested to everyone; who joined from which one is not)
    assert "Jan Bakker" not in alle_tekst(fatima) and "Energiecoöperatie Zuid" not in alle_tekst(fatima)
    assert "Fatima" not in alle_tekst(jan)
    assert " ingediend" not in alle_tekst(jan).replace("Nog niet ingediend", "")  # no counts of the room


def test_een_ronde_die_opent_sluit_en_heropent(store_url, lege_store, dossier):
    sessie = sessie_met(lege_store, dossier, "scan", open_=False)
    [ronde] = lege_store.rondes(sessie.id)
    fatima = meedoen(store_url, sessie.code, "Fatima", "Gemeente Delft")
    assert met_klasse(fatima, "wk-workshop-formulier") == []  # nothing open yet
    assert "Er is nu geen open ronde" in vak(fatima, "wk-workshop-geen-rondes")
    lege_store.open_ronde(sessie.id, ronde.id)
    assert fatima.ververs() is True
    form = formulier(fatima, "scan")
    assert vak(fatima, "wk-workshop-geen-rondes") == ""
    eerste, tweede = invoer(form)[:2]
    eerste.value = 5
    assert fatima.ververs() is False  # nothing opened or closed: the same controls stay (keyboard focus)

    lege_store.sluit_ronde(sessie.id, ronde.id)
    # the page has not looked yet: the answer is refused with the store's message ...
    tweede.value = 3
    assert "Niet gelukt" in melding(form)
    assert tweede.value is None  # back to what is saved
    assert opgeslagen(lege_store, sessie, "Fatima", "scan").waarden == {ronde.vragen[0].sleutel: 5}
    # ... and after that the page shows the round closed, read-only, with the own answer kept
    assert formulier(fatima, "scan") is form and invoer(form)[0] is eerste and eerste.value == 5
    assert "Deze ronde is gesloten. Je ziet je eigen antwoorden" in vak(form, "wk-workshop-rondestatus")
    assert all(i.disabled for i in invoer(form)) and "wk-workshop-formulier-dicht" in form._dom_classes
    assert "Indienen" not in tekst(form)  # the button is gone
    assert "Niet ingediend: deze antwoorden tellen niet mee" in vak(form, "wk-workshop-ingediend")
    assert "Er is nu geen open ronde" in vak(fatima, "wk-workshop-geen-rondes")

    lege_store.heropen_ronde(sessie.id, ronde.id)
    knop(fatima, "Verversen").click()
    assert not tweede.disabled and "Open" in vak(form, "wk-workshop-rondestatus")
    tweede.value = 3
    assert opgeslagen(lege_store, sessie, "Fatima", "scan").waarden[ronde.vragen[1].sleutel] == 3


def test_weging_telt_live_de_punten_en_indienen_vraagt_precies_100(store_url, lege_store, dossier):
    assert som_tekst(85) == "Nog 15 punten te verdelen (nu 85 van 100)."
    assert som_tekst(99) == "Nog 1 punt te verdelen (nu 99 van 100)."
    assert som_tekst(115) == "⚠ 15 punten te veel (nu 115 van 100)."
    sessie = sessie_met(lege_store, dossier, "weging")
    fatima = meedoen(store_url, sessie.code, "Fatima", "Gemeente Delft")
    form = formulier(fatima, "weging")
    velden = invoer(form)
    assert "Nog 100 punten te verdelen" in vak(form, "wk-workshop-som")
    velden[0].value = 60
    velden[1].value = 25
    assert "Nog 15 punten te verdelen" in vak(form, "wk-workshop-som")
    knop(form, "Indienen").click()
    assert "Niet gelukt" in melding(form) and "15" in melding(form)
    assert not opgeslagen(lege_store, sessie, "Fatima", "weging").is_ingediend
    velden[1].value = 55
    assert "15 punten te veel" in vak(form, "wk-workshop-som")
    velden[1].value = 40
    assert "Precies 100 punten verdeeld" in vak(form, "wk-workshop-som")
    knop(form, "Indienen").click()
    antwoorden = opgeslagen(lege_store, sessie, "Fatima", "weging")
    assert antwoorden.is_ingediend and sum(v for v in antwoorden.waarden.values() if v) == 100
    assert "Ingediend ✔" in vak(form, "wk-workshop-ingediend") and knop(form, "Opnieuw indienen")
    velden[0].value = 50  # a change after submitting withdraws the submission: the sum must be 100 again
    assert "Nog niet ingediend" in vak(form, "wk-workshop-ingediend")
    assert not opgeslagen(lege_store, sessie, "Fatima", "weging").is_ingediend


def test_macht_en_belang_per_partij_en_koppelkansen_per_criterium(store_url, lege_store, dossier):
    lege_store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Riolering vervangen"))
    sessie = sessie_met(lege_store, dossier, "machtbelang", "koppelkansen")
    fatima = meedoen(store_url, sessie.code, "Fatima", "Gemeente Delft")
    macht = formulier(fatima, "machtbelang")
    assert {i.description for i in invoer(macht)} == {"Invloed", "Belang"}
    assert "Gemeente Delft" in tekst(macht) and "Woonstad" in tekst(macht)  # each party as a heading
    assert keuzes(invoer(macht)[0])[0] == "— kies —"
    for keuze in invoer(macht):
        kies(keuze, "8")
    assert set(opgeslagen(lege_store, sessie, "Fatima", "machtbelang").waarden.values()) == {8}
    knop(macht, "Indienen").click()
    assert "Ingediend" in vak(macht, "wk-workshop-ingediend")

    kansen = formulier(fatima, "koppelkansen")
    assert "Riolering vervangen" in tekst(kansen)
    assert "1 · past slecht bij de wensen" in keuzes(invoer(kansen)[0])  # what 1 and 5 mean per criterion
    for keuze in invoer(kansen):
        keuze.value = 4
    knop(kansen, "Indienen").click()
    antwoorden = opgeslagen(lege_store, sessie, "Fatima", "koppelkansen")
    assert antwoorden.is_ingediend and set(antwoorden.waarden.values()) == {4}


def test_verder_gaan_met_de_herstelcode_toont_de_eigen_antwoorden(store_url, lege_store, dossier):
    sessie = sessie_met(lege_store, dossier, "scan")
    fatima = meedoen(store_url, sessie.code, "Fatima", "Gemeente Delft")
    kies(invoer(formulier(fatima, "scan"))[0], "Weet ik niet")
    kies(invoer(formulier(fatima, "scan"))[1], "Helemaal eens")
    code = herstelcode(fatima)

    opnieuw = open_deelnemer(store_url=store_url, query={"code": sessie.code})
    veld(opnieuw, "Herstelcode").value = "ZZZ-999"
    knop(opnieuw, "Verder gaan").click()
    assert "Niet gelukt" in melding(opnieuw) and met_klasse(opnieuw, "wk-workshop-formulier") == []
    veld(opnieuw, "Herstelcode").value = code.lower()
    knop(opnieuw, "Verder gaan").click()
    assert "Welkom terug, Fatima! Je antwoorden staan er nog." in melding(opnieuw)
    vragen = invoer(formulier(opnieuw, "scan"))
    assert [vragen[0].label, vragen[1].label, vragen[2].value] == ["Weet ik niet", "Helemaal eens", None]
    assert "2 van 30 beantwoord" in vak(opnieuw, "wk-workshop-voortgang")
    assert len(opgeslagen(lege_store, sessie, "Fatima", "scan").waarden) == 2  # showing them saved nothing


def test_verder_gaan_zonder_code_zegt_waar_de_code_staat(store_url, lege_store, dossier):
    pagina = open_deelnemer(store_url=store_url, query={})
    veld(pagina, "Herstelcode").value = "ABC-123"
    knop(pagina, "Verder gaan").click()
    assert "Vul ook de deelnamecode van de workshop in" in melding(pagina)


def test_code_uit_de_url_en_organisaties_uit_het_dossier(store_url, lege_store, dossier):
    sessie = sessie_met(lege_store, dossier, "scan")
    pagina = open_deelnemer(store_url=store_url, query={"code": sessie.code})
    assert veld(pagina, "Deelnamecode").value == sessie.code
    assert "Workshop: Bewonersavond" in vak(pagina, "wk-workshop-sessie-info")
    assert {"Gemeente Delft", "Woonstad", "Woonstad Rotterdam"} <= set(veld(pagina, "Organisatie").options)
    veld(pagina, "Deelnamecode").value = "K7PQ-2MX"  # incomplete while typing: no message yet
    assert vak(pagina, "wk-workshop-sessie-info") == ""
    veld(pagina, "Deelnamecode").value = "K7PQ-2MXD"  # complete, but no such workshop: said quietly
    assert "Er is geen open workshop met deze code" in vak(pagina, "wk-workshop-sessie-info")
    veld(pagina, "Deelnamecode").value = "K7PQ-2MX"
    veld(pagina, "Je naam").value, veld(pagina, "Organisatie").value = "Piet", "Gemeente Delft"
    knop(pagina, "Meedoen").click()
    assert "Een deelnamecode heeft 8 tekens" in melding(pagina) and lege_store.deelnemers(sessie.id) == []


# -- without a shared server ----------------------------------------------------------------------
def test_zonder_gedeelde_server_uitnodiging_uploaden_en_antwoorden_downloaden(store_url, lege_store, dossier,
                                                                               tmp_path):
    sessie = sessie_met(lege_store, dossier, "scan")
    uitnodiging = json.dumps(lege_store.uitnodiging(sessie.id)).encode()

    # the participant on their own Binder: an empty store of their own
    eigen_url = f"sqlite:///{tmp_path / 'binder.sqlite'}"
    binder = open_deelnemer(store_url=eigen_url, query={})
    een(binder, "wk-workshop-uitnodiging-upload").value = (als_upload(uitnodiging, "uitnodiging.json"),)
    assert veld(binder, "Deelnamecode").value == sessie.code_getoond
    assert "De uitnodiging voor 'Bewonersavond' staat klaar" in tekst(een(binder, "wk-workshop-offline"))
    veld(binder, "Je naam").value, veld(binder, "Organisatie").value = "Els Visser", "Energiecoöperatie"
    knop(binder, "Meedoen").click()
    form = formulier(binder, "scan")
    for vraag in invoer(form):
        vraag.value = 3
    knop(form, "Indienen").click()
    assert "Mijn antwoorden downloaden" in tekst(binder)
    [(naam, inhoud)] = downloads(binder).items()
    assert naam == f"antwoorden-{sessie.code}-Els-Visser.json"
    # what the facilitator reads from that file: Els's submitted answers
    verslag = lege_store.importeer_antwoorden(sessie.id, [json.loads(inhoud)])
    assert verslag.nieuw == ("Els Visser",)
    [ronde] = lege_store.rondes(sessie.id)
    [(_els, antwoorden)] = lege_store.ronde_antwoorden(sessie.id, ronde.id, alleen_ingediend=True)
    assert set(antwoorden.waarden.values()) == {3}
    DossierStore(eigen_url)  # the participant's own store stays usable


def test_een_kapotte_uitnodiging_geeft_een_nederlandse_melding(store_url):
    pagina = open_deelnemer(store_url=store_url, query={})
    een(pagina, "wk-workshop-uitnodiging-upload").value = (als_upload(b"[1, 2, 3]", "raar.json"),)
    offline = tekst(een(pagina, "wk-workshop-offline"))
    assert "Niet gelukt" in offline and "Traceback" not in offline
    assert veld(pagina, "Deelnamecode").value == "" and een(pagina, "wk-workshop-uitnodiging-upload").value == ()
