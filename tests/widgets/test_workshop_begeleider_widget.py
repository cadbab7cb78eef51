"""The facilitator's page of a live workshop without a browser: make or open a session, put the code on the screen,
open and close rounds, watch the room's answers come in and adopt a round into the dossier — typed and clicked as
the facilitator does, checked by what the screen shows and what the dossier holds. Participants answer through
the store here (their page has its own tests), except in the one live round that drives both pages."""

from __future__ import annotations

import json

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
    meldingen,
    met_klasse,
    opmaak,
    tekst,
    veld,
    velden,
    zichtbaar,
)

from wijkkompas_widgets.dossier.model import PartijInvoer
from wijkkompas_widgets.dossier.records import KoppelkansInvoer
from wijkkompas_widgets.dossier.store import DossierStore
from wijkkompas_widgets.werkboek import open_begeleider, open_deelnemer, open_werkboek
from wijkkompas_widgets.widgets.context import WerkboekContext, maak_context
from wijkkompas_widgets.widgets.workshop_begeleider import BegeleiderWeergave

PIN = "4821"


@pytest.fixture
def dossier(lege_store):
    dossier = lege_store.maak_dossier("Workshopwijk", "Noord", "Delft")
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Gemeente Delft", "gemeente"))
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("Woonstad", "woningcorporatie",
                                                        organisatie="Woonstad Rotterdam"))
    lege_store.neem_standaardcriteria_over(dossier.id)
    return dossier


def begeleider(store_url, dossier_id, omgeving=None) -> BegeleiderWeergave:
    if omgeving is None:
        return open_begeleider(store_url=store_url, query={"dossier": dossier_id})
    return BegeleiderWeergave(maak_context(store_url, {"dossier": dossier_id}), omgeving=omgeving,
                              automatisch=False)


def vink(pagina, *oefeningen: str) -> None:
    for klasse in ("scan", "machtbelang", "weging", "koppelkansen"):
        een(pagina, f"wk-workshop-oefening-{klasse}").value = klasse in oefeningen


def maak_sessie(pagina, *oefeningen: str, naam="Bewonersavond", pin=PIN, pin2=None) -> None:
    veld(pagina, "Naam van de sessie").value = naam
    een(pagina, "wk-workshop-pin").value = pin
    veld(pagina, "Herhaal de pincode").value = pin if pin2 is None else pin2
    if oefeningen:
        vink(pagina, *oefeningen)
    knop(pagina, "Sessie maken").click()


def ronde_rij(pagina, oefening: str):
    return een(pagina, f"wk-workshop-ronde-{oefening}")


def klik(pagina, oefening: str, label: str) -> None:
    knop(ronde_rij(pagina, oefening), label).click()


def vak(pagina, klasse: str) -> str:
    """The text of one part of the screen, found by its stable class."""
    return zichtbaar(een(pagina, klasse).value)


def doet_mee(store, code: str, naam: str, organisatie: str, antwoorden=None, indienen=True):
    """A participant on their own laptop: joins and answers the open round through the store."""
    deelnemer = store.meld_aan(code, naam, organisatie)
    [ronde] = store.open_rondes(deelnemer.id)
    if antwoorden is not None:
        store.beantwoord_alles(deelnemer.id, ronde.id, antwoorden(ronde), indienen=indienen)
    return deelnemer


def de_sessie(store, dossier):
    [sessie] = store.sessies(dossier.id)
    return sessie


# -- the facilitator starts ------------------------------------------------------------------------
def test_sessie_maken_vraagt_twee_gelijke_pincodes_en_verandert_anders_niets(store_url, lege_store, dossier):
    pagina = begeleider(store_url, dossier.id)
    assert veld(pagina, "Dossier").label == "Workshopwijk"  # the dossier of the page URL is preselected
    aangevinkt = [v.description for v in velden(pagina, soort=w.Checkbox) if v.value]
    assert aangevinkt == ["Samenwerkingsscan", "Criteria wegen (100 punten verdelen)"]
    # the dossier has no koppelkansen yet: that exercise says why it cannot be chosen
    assert een(pagina, "wk-workshop-oefening-koppelkansen").disabled
    assert "Niet mogelijk in dit dossier: Koppelkansen scoren" in vak(pagina, "wk-workshop-niet-mogelijk")

    maak_sessie(pagina, pin=PIN, pin2="4822")
    assert "De twee pincodes zijn niet gelijk" in melding(pagina)
    assert lege_store.sessies(dossier.id) == [] and not getoond(een(pagina, "wk-workshop-paneel"))

    maak_sessie(pagina, pin="12")
    assert "pincode" in melding(pagina).lower() and lege_store.sessies(dossier.id) == []

    maak_sessie(pagina)
    sessie = de_sessie(lege_store, dossier)
    assert "De sessie 'Bewonersavond' is gemaakt" in melding(pagina)
    assert getoond(een(pagina, "wk-workshop-paneel")) and not getoond(een(pagina, "wk-workshop-start"))
    assert een(pagina, "wk-workshop-pin").value == "" and een(pagina, "wk-workshop-pin2").value == ""
    assert [zichtbaar(r.children[0].value) for r in met_klasse(pagina, "wk-workshop-ronde-rij")] == [
        "1. Samenwerkingsscan Nog niet geopend", "2. Criteria wegen (100 punten verdelen) Nog niet geopend"]
    scherm = vak(pagina, "wk-workshop-deelnemen-vak")
    assert sessie.code_getoond in scherm and "wk-workshop-code" in opmaak(pagina)
    # without Voilà's request in the environment: the path on this server and a hint, no QR code
    assert f"/voila/render/workshop_deelnemer.ipynb?code={sessie.code}" in scherm
    assert "zet het adres van de server ervoor" in scherm and "<svg" not in opmaak(pagina)


def test_zonder_oefening_of_naam_wordt_geen_sessie_gemaakt(store_url, lege_store, dossier):
    pagina = begeleider(store_url, dossier.id)
    maak_sessie(pagina, "geen")
    assert "minstens één oefening" in melding(pagina)
    maak_sessie(pagina, "scan", naam="  ")
    assert "Niet gelukt" in melding(pagina) and lege_store.sessies(dossier.id) == []


def test_deelname_adres_en_qr_code_uit_de_omgeving_van_voila(store_url, lege_store, dossier):
    omgeving = {"SERVER_NAME": "wijk.example.nl", "SERVER_PORT": "8866",
                "SCRIPT_NAME": "/voila/render/workshop_begeleider.ipynb"}
    pagina = begeleider(store_url, dossier.id, omgeving=omgeving)
    maak_sessie(pagina)
    sessie = de_sessie(lege_store, dossier)
    scherm = een(pagina, "wk-workshop-deelnemen-vak").value
    assert f"http://wijk.example.nl:8866/voila/render/workshop_deelnemer.ipynb?code={sessie.code}" in scherm
    assert "<svg" in scherm and "aria-label='QR-code met het adres om mee te doen" in scherm  # with a text alternative


def test_bestaande_sessie_openen_met_code_en_pincode(store_url, lege_store, dossier):
    sessie = lege_store.maak_sessie(dossier.id, "Avond", PIN, ["scan"])
    pagina = begeleider(store_url, dossier.id)
    assert sessie.code_getoond in vak(pagina, "wk-workshop-eerdere")
    veld(pagina, "Deelnamecode").value = sessie.code_getoond.lower()
    een(pagina, "wk-workshop-open-pin").value = "0000"
    knop(pagina, "Sessie openen").click()
    assert "De code of de pincode klopt niet" in melding(pagina) and not getoond(een(pagina, "wk-workshop-paneel"))
    een(pagina, "wk-workshop-open-pin").value = PIN
    knop(pagina, "Sessie openen").click()
    assert "De sessie 'Avond' is geopend" in melding(pagina) and een(pagina, "wk-workshop-open-pin").value == ""
    assert "Workshop: Avond" in vak(pagina, "wk-workshop-kop") and getoond(een(pagina, "wk-workshop-paneel"))


# -- a live round -----------------------------------------------------------------------------------
def test_live_ronde_van_aanmelden_tot_uitkomst_zonder_herstelcodes_te_zien(store_url, lege_store, dossier):
    leiding = begeleider(store_url, dossier.id)
    maak_sessie(leiding, "scan")
    code = de_sessie(lege_store, dossier).code_getoond
    klik(leiding, "scan", "Open ronde")
    assert "De ronde 'Samenwerkingsscan' is open" in meldingen(leiding)
    assert knop(ronde_rij(leiding, "scan"), "Open ronde").disabled
    assert not knop(ronde_rij(leiding, "scan"), "Sluit ronde").disabled
    assert "Open" in vak(leiding, "wk-workshop-ronde-titel")  # the status in words

    fatima = open_deelnemer(store_url=store_url, query={"code": code})
    veld(fatima, "Je naam").value, veld(fatima, "Organisatie").value = "Fatima de Vries", "Gemeente Delft"
    kies(veld(fatima, "Spoor"), next(label for label in keuzes(veld(fatima, "Spoor")) if label.startswith("C ·")))
    knop(fatima, "Meedoen").click()
    herstelcode = vak(fatima, "wk-workshop-wie-vak").split("Je herstelcode: ")[1][:7]
    jan = doet_mee(lege_store, code, "Jan Bakker", "Energiecoöperatie Zuid")
    met_klasse(fatima, "wk-workshop-invoer")[0].value = 4

    assert leiding.ververs() is True
    assert "2 deelnemers · 1 bezig · 0 ingediend" in vak(leiding, "wk-workshop-stand-vak")
    assert "Laatst bijgewerkt" in vak(leiding, "wk-workshop-tijd-vak")
    assert "Nog geen ingediende antwoorden" in vak(leiding, "wk-workshop-uitslag")
    assert leiding.ververs() is False  # nothing changed: nothing read or drawn again

    for index, invoer in enumerate(met_klasse(fatima, "wk-workshop-invoer")):
        invoer.value = 2 + index % 3
    knop(fatima, "Indienen").click()
    ronde = lege_store.rondes(de_sessie(lege_store, dossier).id)[0]
    lege_store.beantwoord_alles(jan.id, ronde.id, {v.sleutel: 1 + i % 5 for i, v in enumerate(ronde.vragen)},
                                indienen=True)

    assert leiding.ververs() is True
    assert "2 deelnemers · 0 bezig · 2 ingediend" in vak(leiding, "wk-workshop-stand-vak")
    uitslag = een(leiding, "wk-workshop-uitslag").value
    assert "Radardiagram van de samenwerkingsscan" in uitslag and "<img" in uitslag
    assert "Gemeente Delft (1)" in zichtbaar(uitslag) and "Energiecoöperatie Zuid (1)" in zichtbaar(uitslag)
    assert "Top 3 aandachtspunten" in zichtbaar(uitslag)
    assert "Waar de organisaties verschillen" in vak(leiding, "wk-workshop-verschillen")
    lijst = vak(leiding, "wk-workshop-deelnemers")
    assert "Fatima de Vries Gemeente Delft C ✔ ingediend" in lijst and "Jan Bakker Energiecoöperatie Zuid" in lijst
    assert herstelcode not in alle_tekst(leiding)  # the facilitator never sees recovery codes


def test_een_andere_ronde_op_het_scherm(store_url, lege_store, dossier):
    leiding = begeleider(store_url, dossier.id)
    maak_sessie(leiding, "scan", "weging")
    klik(leiding, "weging", "Open ronde")  # what was just opened is what the room wants to see
    assert veld(leiding, "Ronde op het scherm").label == "2. Criteria wegen (100 punten verdelen)"
    assert "Criteria wegen" in vak(leiding, "wk-workshop-stand-vak")
    kies(veld(leiding, "Ronde op het scherm"), "1. Samenwerkingsscan")
    assert "Samenwerkingsscan Nog niet geopend 0 deelnemers" in vak(leiding, "wk-workshop-stand-vak")
    doet_mee(lege_store, de_sessie(lege_store, dossier).code, "Fatima", "Gemeente Delft")
    knop(leiding, "Nu verversen").click()
    assert "1 deelnemer · 0 bezig · 0 ingediend" in vak(leiding, "wk-workshop-stand-vak")
    assert "Fatima Gemeente Delft weet niet –" in vak(leiding, "wk-workshop-deelnemers")


def test_overnemen_zet_de_uitkomst_in_het_dossier_en_het_besluitenlog(store_url, lege_store, dossier):
    leiding = begeleider(store_url, dossier.id, omgeving={})
    maak_sessie(leiding, "scan", naam="Startbijeenkomst")
    klik(leiding, "scan", "Open ronde")
    code = de_sessie(lege_store, dossier).code
    for naam, organisatie in (("Fatima", "Gemeente Delft"), ("Jan", "Woonstad")):
        doet_mee(lege_store, code, naam, organisatie, lambda r: {v.sleutel: 1 + i % 5 for i, v in enumerate(r.vragen)})
    assert knop(ronde_rij(leiding, "scan"), "Overnemen").disabled  # only a closed round can be adopted
    klik(leiding, "scan", "Sluit ronde")
    assert "Gesloten" in vak(leiding, "wk-workshop-ronde-titel")
    klik(leiding, "scan", "Overnemen")
    overnemen = een(leiding, "wk-workshop-overnemen-vak")
    assert getoond(overnemen) and "Weet je het zeker?" in tekst(overnemen)
    assert "een nieuwe, gesloten ronde van de samenwerkingsscan" in tekst(overnemen)
    knop(overnemen, "Annuleren").click()  # changes nothing
    assert not getoond(overnemen) and lege_store.scan_rondes(dossier.id) == []

    klik(leiding, "scan", "Overnemen")
    veld(leiding, "Aanwezig").value = "gemeente, corporatie"
    knop(leiding, "Ja, overnemen").click()
    [scanronde] = lege_store.scan_rondes(dossier.id)
    assert scanronde.naam.startswith("Workshop Startbijeenkomst") and scanronde.is_gesloten
    assert len(lege_store.scan_responsen(dossier.id, scanronde.id)) == 2
    besluit = lege_store.besluiten(dossier.id)[-1]
    assert "gemeente, corporatie" in besluit.aanwezig
    bericht = vak(leiding, "wk-workshop-overname")
    assert "Overgenomen in het dossier" in bericht and f"Besluit {besluit.id}" in bericht
    assert not getoond(overnemen)
    assert "Overgenomen in het dossier" in vak(leiding, "wk-workshop-ronde-titel")
    rij = ronde_rij(leiding, "scan")
    assert all(k.disabled for k in (knop(rij, "Overnemen"), knop(rij, "Heropen"), knop(rij, "Open ronde")))
    # the other pages of the dossier see it: the besluitenlog of phase 4 lists it
    log = open_werkboek("04_keuzes.ipynb", store_url=store_url, query={"dossier": dossier.id}).besluitenlog()
    assert "Startbijeenkomst" in tekst(log)


@pytest.mark.parametrize(("oefening", "antwoord", "te_zien"), [
    ("machtbelang", 8, ["Macht/belang-raster volgens de deelnemers", "8 (8–8)", "Gemeente Delft"]),
    ("koppelkansen", 4, ["Koppelkansen gerangschikt op de gemiddelde score", "Riolering vervangen"]),
])
def test_de_uitkomst_van_macht_en_belang_en_van_koppelkansen(store_url, lege_store, dossier, oefening, antwoord,
                                                            te_zien):
    lege_store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Riolering vervangen"))
    leiding = begeleider(store_url, dossier.id)
    maak_sessie(leiding, oefening)
    klik(leiding, oefening, "Open ronde")
    doet_mee(lege_store, de_sessie(lege_store, dossier).code, "Fatima", "Gemeente Delft",
             lambda r: {v.sleutel: antwoord for v in r.vragen})
    leiding.ververs()
    uitslag = een(leiding, "wk-workshop-uitslag").value
    for stuk in te_zien:
        assert stuk in uitslag or stuk in zichtbaar(uitslag)


def test_de_weging_van_de_zaal_per_organisatie(store_url, lege_store, dossier):
    leiding = begeleider(store_url, dossier.id)
    maak_sessie(leiding, "weging")
    klik(leiding, "weging", "Open ronde")
    code = de_sessie(lege_store, dossier).code
    for naam, organisatie, punten in (("Fatima", "Gemeente Delft", 60), ("Jan", "Woonstad", 20)):
        doet_mee(lege_store, code, naam, organisatie, lambda r, p=punten: {
            v.sleutel: (p if i == 0 else 100 - p if i == 1 else 0) for i, v in enumerate(r.vragen)})
    leiding.ververs()
    uitslag = een(leiding, "wk-workshop-uitslag").value
    assert "Gewicht per criterium" not in zichtbaar(uitslag)  # the chart is an image with alt text
    assert "Staafdiagram van de gewichten per organisatie" in uitslag
    assert "Gezamenlijk (punten)" in zichtbaar(uitslag) and "Elke organisatie telt even zwaar mee" in zichtbaar(uitslag)
    assert "aandeel van de punten" in vak(leiding, "wk-workshop-verschillen")


def test_afgesloten_sessie_laat_niemand_meer_meedoen(store_url, lege_store, dossier):
    leiding = begeleider(store_url, dossier.id)
    maak_sessie(leiding, "scan")
    klik(leiding, "scan", "Open ronde")
    knop(leiding, "Sessie afsluiten").click()
    assert "Weet je het zeker? Alle open rondes gaan dicht" in tekst(leiding)
    knop(leiding, "Ja, sessie afsluiten").click()
    sessie = de_sessie(lege_store, dossier)
    assert sessie.is_gesloten and "De sessie is afgesloten. Bedankt" in tekst(leiding)
    assert "Gesloten" in vak(leiding, "wk-workshop-ronde-titel")
    assert "Afgesloten" in vak(leiding, "wk-workshop-kop") and knop(leiding, "Sessie afsluiten").disabled
    assert "Deze sessie is afgesloten" in vak(leiding, "wk-workshop-deelnemen-vak")
    assert knop(ronde_rij(leiding, "scan"), "Heropen").disabled
    laat = open_deelnemer(store_url=store_url, query={"code": sessie.code})
    veld(laat, "Je naam").value, veld(laat, "Organisatie").value = "Laatkomer", "Gemeente Delft"
    knop(laat, "Meedoen").click()
    assert "Er is geen open workshop met deze code" in melding(laat)


# -- without a shared server ----------------------------------------------------------------------
def test_zonder_gedeelde_server_uitnodiging_downloaden_en_antwoorden_inlezen(store_url, lege_store, dossier,
                                                                              tmp_path):
    leiding = begeleider(store_url, dossier.id)
    maak_sessie(leiding, "scan")
    klik(leiding, "scan", "Open ronde")
    sessie = de_sessie(lege_store, dossier)
    assert downloads(leiding) == {}  # made only once the section is opened
    een(leiding, "wk-workshop-offline").selected_index = 0
    uitnodiging = downloads(leiding)[f"uitnodiging-{sessie.code}.json"]
    assert json.loads(uitnodiging)["sessie"]["code"] == sessie.code

    # a participant on their own Binder, with an empty store of their own
    binder = DossierStore(f"sqlite:///{tmp_path / 'binder.sqlite'}", voorbeeld=False)
    binder.plaats_uitnodiging(json.loads(uitnodiging))
    els = doet_mee(binder, sessie.code, "Els Visser", "Energiecoöperatie", lambda r: {v.sleutel: 3 for v in r.vragen})
    antwoorden = json.dumps(binder.antwoordbestand(els.id)).encode()

    upload = een(leiding, "wk-workshop-antwoorden-upload")
    upload.value = (als_upload(antwoorden, "els.json"),)
    assert "Nieuw: 1 deelnemer (Els Visser)" in vak(leiding, "wk-workshop-importverslag")
    assert upload.value == ()
    upload.value = (als_upload(antwoorden, "els-nog-eens.json"),)
    assert "Bijgewerkt: 1 deelnemer (Els Visser)" in vak(leiding, "wk-workshop-importverslag")
    assert [d.naam for d in lege_store.deelnemers(sessie.id)] == ["Els Visser"]  # counted once
    assert "1 deelnemer · 0 bezig · 1 ingediend" in vak(leiding, "wk-workshop-stand-vak")


def test_een_kapot_of_te_groot_antwoordbestand_geeft_een_nederlandse_melding(store_url, lege_store, dossier):
    leiding = begeleider(store_url, dossier.id)
    maak_sessie(leiding, "scan")
    een(leiding, "wk-workshop-antwoorden-upload").value = (als_upload(b"{geen json", "kapot.json"),
                                                           als_upload(b"x" * 1_000_001, "groot.json"))
    verslag = vak(leiding, "wk-workshop-importverslag")
    assert "Niet ingelezen (2 bestanden)" in verslag and "kapot.json" in verslag and "groot.json" in verslag
    assert "te groot" in verslag and "Traceback" not in verslag
    assert lege_store.deelnemers(de_sessie(lege_store, dossier).id) == []


def test_welkomstpagina_linkt_naar_de_workshoppaginas_met_het_dossier(store_url, dossier):
    links = open_werkboek("00_welkom.ipynb", store_url=store_url, query={"dossier": dossier.id}).workshops()
    assert f"workshop_begeleider.ipynb?dossier={dossier.id}" in opmaak(links)
    assert "workshop_deelnemer.ipynb" in opmaak(links) and "Meedoen aan een workshop" in tekst(links)


def test_zonder_opslag_de_melding_en_geen_knop_die_iets_doet(inhoud):
    pagina = BegeleiderWeergave(WerkboekContext(None, inhoud, melding="De map met dossiers is niet te lezen."),
                                automatisch=False)
    assert "De map met dossiers is niet te lezen" in melding(pagina)
    assert knop(pagina, "Sessie maken").disabled and knop(pagina, "Sessie openen").disabled
