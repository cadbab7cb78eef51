"""'Participatie- en communicatiestrategie' without a browser: the question with its advice, the process, the
moments per phase and the self-check are saved as they are typed, refused when wrong, and the summary shows
user text as text."""

from __future__ import annotations

import pytest
from hulp import een, kies, knop, met_klasse, tekst, veld, zichtbaar

from wijkkompas_widgets import teksten
from wijkkompas_widgets.analysis.participatie import WERVING, Moment, Participatiestrategie, samenvatting
from wijkkompas_widgets.content import inhoud as laad_inhoud
from wijkkompas_widgets.dossier import formulieren
from wijkkompas_widgets.dossier.store import DossierStore
from wijkkompas_widgets.widgets.context import WerkboekContext
from wijkkompas_widgets.widgets.kaart import markdown_html
from wijkkompas_widgets.widgets.participatiestrategie import ParticipatiestrategieOefening

INHOUD = laad_inhoud()
VIJANDIG = "<script>alert(1)</script>"
GOEDE_VRAAG = ("Welke warmteoplossing kiezen we samen voor de wijk, binnen de grens dat de woonlasten niet "
               "stijgen?")


def oefening_van(store_url, dossier_id) -> ParticipatiestrategieOefening:
    return ParticipatiestrategieOefening(WerkboekContext(DossierStore(store_url, voorbeeld=False), INHOUD,
                                                         dossier_id=dossier_id))


def html_van(oefening, klasse: str) -> str:
    return zichtbaar(een(oefening, f"wk-participatiestrategie-{klasse}").value)


def opgeslagen(store, dossier_id) -> tuple[dict, int]:
    return store.formulier(dossier_id, formulieren.PARTICIPATIESTRATEGIE)


@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Testwijk", "Noord", "Delft")


def test_strategie_invullen_wordt_bewaard_met_samenvatting(store_url, lege_store, dossier):
    oefening = oefening_van(store_url, dossier.id)
    assert "De participatievraag ontbreekt nog" in html_van(oefening, "vraag-advies")
    veld(oefening, "Wat ligt vast").value = "De raad besluit over het wijkuitvoeringsplan."  # saved before the question
    assert opgeslagen(lege_store, dossier.id)[0]["grenzen"] == "De raad besluit over het wijkuitvoeringsplan."
    assert html_van(oefening, "melding-vraag") == "✔ Opgeslagen."
    assert "De participatievraag ontbreekt nog" in html_van(oefening, "vraag-advies")
    veld(oefening, "Participatievraag").value = "Wat vindt u?"
    assert "erg kort" in html_van(oefening, "vraag-advies")
    veld(oefening, "Participatievraag").value = GOEDE_VRAAG
    assert "✔ Een echte vraag" in html_van(oefening, "vraag-advies")
    veld(oefening, "Randvoorwaarden: financieel").value = "Budget van € 50.000 voor het proces."
    kies(veld(oefening, "Wie ontwerpt het proces"), "De gemeente ontwerpt het proces samen met bewoners")
    veld(oefening, "Via loting").value = True
    kies(veld(oefening, "Vergoeding voor deelnemers"), "Ja")
    veld(oefening, "Toelichting vergoeding").value = "Waardebon van € 25"
    veld(oefening, "Hoe koppelen we terug").value = "Binnen vier weken een brief."
    assert html_van(oefening, "melding-proces") == "✔ Opgeslagen."
    veld(oefening, "Een betrouwbare kennisbasis").value = "Samen feiten verzamelen."
    assert html_van(oefening, "melding-toets") == "✔ Opgeslagen."
    for fase, naam, maand in (("Fase 4 · Keuzes maken", "Inspraakavond", "2027-02"),
                              ("Fase 3 · Strategieën identificeren", "Wijkavond", "2026-09")):
        kies(veld(oefening, "Fase", exact=True), fase)
        veld(oefening, "Moment", exact=True).value = naam
        veld(oefening, "Maand (JJJJ-MM)").value = maand
        veld(oefening, "Vorm", exact=True).value = "Bewonersbijeenkomst"
        knop(oefening, "Moment toevoegen").click()
    assert veld(oefening, "Moment", exact=True).value == ""
    assert html_van(oefening, "melding-momenten") == "✔ Moment toegevoegd."
    gegevens, _versie = opgeslagen(lege_store, dossier.id)
    assert gegevens["vraag"] == GOEDE_VRAAG and gegevens["grenzen"].startswith("De raad besluit")
    assert gegevens["werving"] == ["loting"] and gegevens["vergoeding"] is True
    assert [m["moment"] for m in gegevens["momenten"]] == ["Wijkavond", "Inspraakavond"]
    assert gegevens["uitgangspunten"] == {"kennisbasis": "Samen feiten verzamelen."}
    rijen = met_klasse(een(oefening, "wk-participatiestrategie-momenten"), "wk-partij-rij")
    assert tekst(rijen[0]).startswith("september 2026 · Fase 3") and "vorm: Bewonersbijeenkomst" in tekst(rijen[0])
    samen = html_van(oefening, "samenvatting")
    assert "Via loting" not in samen and "via loting" in samen and "ja (Waardebon van € 25)" in samen
    assert "Samen feiten verzamelen." in samen
    assert "✔ Jullie ontwerpen het proces samen met bewoners." in html_van(oefening, "signaal-samen-ontwerpen")

    opnieuw = oefening_van(store_url, dossier.id)
    assert veld(opnieuw, "Participatievraag").value == GOEDE_VRAAG
    assert veld(opnieuw, "Wie ontwerpt het proces").value == "samen"
    assert veld(opnieuw, "Via loting").value and not veld(opnieuw, "Breed uitnodigen").value
    assert veld(opnieuw, "Vergoeding voor deelnemers").label == "Ja"
    assert html_van(opnieuw, "samenvatting") == samen
    rij = met_klasse(een(opnieuw, "wk-participatiestrategie-momenten"), "wk-partij-rij")[0]
    knop(rij, "Verwijderen").click()  # remove 'Wijkavond'
    assert html_van(opnieuw, "melding-momenten") == "✔ Moment verwijderd."
    assert [m["moment"] for m in opgeslagen(lege_store, dossier.id)[0]["momenten"]] == ["Inspraakavond"]


def test_foute_maand_en_te_lange_tekst_worden_niet_opgeslagen(store_url, lege_store, dossier):
    oefening = oefening_van(store_url, dossier.id)
    veld(oefening, "Participatievraag").value = GOEDE_VRAAG
    versie = opgeslagen(lege_store, dossier.id)[1]
    veld(oefening, "Moment", exact=True).value = "Wijkavond"
    veld(oefening, "Maand (JJJJ-MM)").value = "september"
    knop(oefening, "Moment toevoegen").click()
    assert "JJJJ-MM" in html_van(oefening, "melding-momenten")
    assert veld(oefening, "Moment", exact=True).value == "Wijkavond"  # kept, to correct
    veld(oefening, "Hoe verwerken we de inbreng").value = "x" * 2001
    assert "Hoe jullie de inbreng verwerken is te lang" in html_van(oefening, "melding-proces")
    assert opgeslagen(lege_store, dossier.id)[1] == versie


def test_strategie_gelijktijdig_gewijzigd_en_html_blijft_tekst(store_url, lege_store, dossier):
    eerste, tweede = oefening_van(store_url, dossier.id), oefening_van(store_url, dossier.id)
    veld(eerste, "Participatievraag").value = f"{GOEDE_VRAAG} {VIJANDIG}"
    assert "<script" not in een(eerste, "wk-participatiestrategie-samenvatting").value
    assert VIJANDIG in html_van(eerste, "samenvatting")
    veld(tweede, "Participatievraag").value = "Een andere vraag over de warmte?"
    assert "Iemand anders heeft dit formulier intussen opgeslagen" in html_van(tweede, "melding-vraag")
    assert veld(tweede, "Participatievraag").value == f"{GOEDE_VRAAG} {VIJANDIG}"
    assert opgeslagen(lege_store, dossier.id)[0]["vraag"] == f"{GOEDE_VRAAG} {VIJANDIG}"


def test_onderwerpen_uit_de_participatievormen_tellen_mee_in_het_advies(store_url, lege_store, dossier):
    oefening = oefening_van(store_url, dossier.id)
    veld(oefening, "Participatievraag").value = "Hoe richten we samen het Pleintje opnieuw in, met welk budget?"
    assert "✔ Een echte vraag" not in html_van(oefening, "vraag-advies")
    lege_store.bewaar_formulier(dossier.id, formulieren.PARTICIPATIEVORMEN,
                                {"onderwerpen": [{"id": "plein", "naam": "Pleintje"}]}, 0)
    oefening.context.gewijzigd()  # 'Passende participatievormen' on the page saved
    assert "✔ Een echte vraag" in html_van(oefening, "vraag-advies")


def test_een_ander_dossier_toont_zijn_eigen_strategie(store_url, lege_store, dossier):
    ander = lege_store.maak_dossier("Andere wijk")
    lege_store.bewaar_formulier(ander.id, formulieren.PARTICIPATIESTRATEGIE, {"vraag": GOEDE_VRAAG}, 0)
    oefening = oefening_van(store_url, dossier.id)
    veld(oefening, "Wat ligt vast").value = "Iets van dit dossier"
    oefening.context.dossier_id = ander.id
    assert veld(oefening, "Participatievraag").value == GOEDE_VRAAG
    assert veld(oefening, "Wat ligt vast").value == "" and html_van(oefening, "melding-vraag") == ""


def test_zonder_dossier_een_melding(store_url, dossier):
    oefening = oefening_van(store_url, None)
    assert teksten.GEEN_DOSSIER in tekst(oefening)
    oefening.context.dossier_id = dossier.id
    assert teksten.GEEN_DOSSIER not in tekst(oefening) and veld(oefening, "Participatievraag").value == ""


def test_samenvatting_toont_gebruikerstekst_als_tekst():
    model = Participatiestrategie(vraag=f"{VIJANDIG}\n# kop?", grenzen="<img src=x onerror=alert(1)>",
                                  momenten=(Moment("m1", 4, "[link](javascript:alert(1))", "2026-09", vorm="**x**"),),
                                  werving=tuple(WERVING))
    html = markdown_html(samenvatting(model))
    assert "<script" not in html and "<img" not in html and "<h1>" not in html and "href" not in html
    assert "september 2026" in html and "Fase 4 · Keuzes maken" in html
    assert VIJANDIG in zichtbaar(html)
    assert "gericht uitnodigen, breed uitnodigen en via loting" in zichtbaar(html)
