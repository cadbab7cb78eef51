"""Inspraak op het wijkuitvoeringsplan without a browser: every change is saved and comes back, wrong input is
refused with a Dutch message and kept to correct, a colleague's version wins, deleting asks first. Controls are
found by label and ``wk-inspraak-…`` class only."""

from __future__ import annotations

import base64
import re

import ipywidgets as w
import pytest
from hulp import alle, een, getoond, keuzes, klassen, knop, melding, tekst, veld, zichtbaar
from voorbeelden import inspraak_voorbeeld

from wijkkompas_widgets.analysis.inspraak import (
    GEEN_THEMA,
    Inspraak,
    InspraakStand,
    Moment,
    Onderdeel,
    Reactie,
    inspraak_stand,
    lees_inspraak,
)
from wijkkompas_widgets.content import inhoud as laad_inhoud
from wijkkompas_widgets.widgets.context import WerkboekContext
from wijkkompas_widgets.widgets.inspraak import NIEUW, SLEUTEL, InspraakOefening

INHOUD = laad_inhoud()
ONDERDELEN, MOMENTEN, REACTIES = "wk-inspraak-deel-onderdeel", "wk-inspraak-deel-moment", "wk-inspraak-deel-reactie"


voorbeeld = inspraak_voorbeeld


@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Testwijk", "Noord", "Delft")


def oefening(store, dossier_id) -> InspraakOefening:
    return InspraakOefening(WerkboekContext(store, INHOUD, dossier_id=dossier_id))


def opgeslagen(store, dossier_id) -> Inspraak:
    return lees_inspraak(store.formulier(dossier_id, SLEUTEL)[0])


def deel(scherm, klasse: str):
    return een(scherm, klasse)


def html(scherm, klasse: str) -> str:
    return zichtbaar(een(scherm, klasse).value)


def test_invullen_wordt_bewaard_en_komt_terug(lege_store, dossier):
    scherm = oefening(lege_store, dossier.id)
    assert veld(scherm, "Onderdeel bewerken").value == "warmtesysteem"
    assert "Keuze van het warmtesysteem" in html(scherm, "wk-inspraak-onderdelen-tabel")
    veld(scherm, "Inspraak", exact=True).value = "vast"
    veld(scherm, "Waarom ligt het vast?").value = "De raad koos al voor een warmtenet."
    veld(scherm, "Als bewoners het oneens blijven").value = "Een tweede gesprek met de wethouder."
    knop(scherm, "Nieuw onderdeel").click()
    veld(scherm, "Naam van het onderdeel").value = "Parkeren"
    veld(scherm, "Inspraak", exact=True).value = "open"
    assert "Onderdeel opgeslagen." in melding(deel(scherm, ONDERDELEN))
    nieuw_onderdeel = veld(scherm, "Onderdeel bewerken").value
    assert nieuw_onderdeel not in ("", NIEUW)

    knop(scherm, "Nieuw moment").click()
    veld(scherm, "Vorm", exact=True).value = "wijkwandeling"
    veld(scherm, "Onderwerp", exact=True).value = nieuw_onderdeel
    veld(scherm, "Plek in de wijk").value = "Start bij de school"
    veld(scherm, "Datum (JJJJ-MM-DD)").value = "2026-04-02"
    veld(scherm, "Doelgroep").value = "bewoners van de Dorpsstraat"
    assert "Inspraakmoment opgeslagen." in melding(deel(scherm, MOMENTEN))
    moment_id = veld(scherm, "Moment bewerken").value

    knop(scherm, "Nieuwe reactie").click()
    veld(scherm, "Samenvatting (zonder namen)").value = "Te weinig parkeerplaatsen tijdens de werkzaamheden"
    veld(scherm, "Thema", exact=True).value = nieuw_onderdeel
    veld(scherm, "Via welk moment").value = moment_id
    veld(scherm, "Ons antwoord: wat we ermee doen").value = "We maken een tijdelijk parkeerterrein."
    veld(scherm, "Uitkomst").value = "overgenomen"
    assert "Reactie opgeslagen." in melding(deel(scherm, REACTIES))

    inspraak = opgeslagen(lege_store, dossier.id)
    assert inspraak.onderdeel("warmtesysteem") == Onderdeel("warmtesysteem", "Keuze van het warmtesysteem", "vast",
                                                            "De raad koos al voor een warmtenet.")
    assert inspraak.onderdeel(nieuw_onderdeel).naam == "Parkeren" and len(inspraak.onderdelen) == 6
    assert inspraak.oneens == "Een tweede gesprek met de wethouder."
    assert inspraak.momenten == (Moment(moment_id, "wijkwandeling", nieuw_onderdeel, "Start bij de school",
                                        "2026-04-02", "bewoners van de Dorpsstraat"),)
    reactie = inspraak.reacties[0]
    assert (reactie.samenvatting, reactie.onderdeel, reactie.moment, reactie.uitkomst) == (
        "Te weinig parkeerplaatsen tijdens de werkzaamheden", nieuw_onderdeel, moment_id, "overgenomen")
    assert inspraak_stand(lege_store.formulier(dossier.id, SLEUTEL)[0]) == InspraakStand(1, 1, 0)

    for scherm_ in (scherm, oefening(lege_store, dossier.id)):
        veld(scherm_, "Onderdeel bewerken").value = nieuw_onderdeel
        assert veld(scherm_, "Naam van het onderdeel").value == "Parkeren"
        assert veld(scherm_, "Inspraak", exact=True).value == "open"
        assert veld(scherm_, "Als bewoners het oneens blijven").value == "Een tweede gesprek met de wethouder."
        assert veld(scherm_, "Moment bewerken").value == moment_id
        assert veld(scherm_, "Vorm", exact=True).value == "wijkwandeling"
        assert veld(scherm_, "Reactie bewerken").value == reactie.id
        assert veld(scherm_, "Ons antwoord: wat we ermee doen").value == "We maken een tijdelijk parkeerterrein."
        momenten = html(scherm_, "wk-inspraak-momenten-tabel")
        assert "wijkwandeling" in momenten and "2 april 2026" in momenten
        assert "Nog open: 0 van 1" in html(scherm_, "wk-inspraak-stand")
        figuur = een(scherm_, "wk-inspraak-figuur").value
        assert "<img" in figuur and "Parkeren: 1 overgenomen" in zichtbaar(re.search(r'alt="([^"]*)"', figuur)[1])
        nota = html(scherm_, "wk-inspraak-voorbeeld")
        assert "Reactienota inspraak wijkuitvoeringsplan: Noord" in nota
        assert "Ons antwoord : We maken een tijdelijk parkeerterrein." in nota

    link = een(scherm, "wk-inspraak-download").value
    assert 'download="reactienota-noord.md"' in link and "Download de reactienota" in link
    nota = base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)", link).group(1)).decode("utf-8")
    assert "## Parkeren" in nota and "readonly" in een(scherm, "wk-inspraak-markdown").value


def test_nieuwe_rij_zonder_verplicht_veld_wordt_niet_opgeslagen(lege_store, dossier):
    scherm = oefening(lege_store, dossier.id)
    knop(scherm, "Nieuwe reactie").click()
    assert "Vat de nieuwe reactie samen" in melding(deel(scherm, REACTIES))
    veld(scherm, "Uitkomst").value = "deels"
    assert "Vat eerst de reactie samen" in melding(deel(scherm, REACTIES))
    knop(scherm, "Nieuw moment").click()
    veld(scherm, "Plek in de wijk").value = "Buurthuis"
    assert "Kies of typ eerst de vorm" in melding(deel(scherm, MOMENTEN))
    assert lege_store.formulier(dossier.id, SLEUTEL) == ({}, 0)


@pytest.mark.parametrize(("label", "waarde", "fout"), [
    ("Inspraak", "vast", "'Keuze van het warmtesysteem' ligt vast: schrijf erbij waarom"),
    ("Naam van het onderdeel", "", "De naam van onderdeel 1 is verplicht."),
    ("Als bewoners het oneens blijven", "x" * 2001, "Wat als bewoners het oneens blijven is te lang (2001 tekens)"),
])
def test_foute_invoer_in_de_oefening_wordt_niet_opgeslagen(lege_store, dossier, label, waarde, fout):
    scherm = oefening(lege_store, dossier.id)
    veld(scherm, label, exact=True).value = waarde
    assert f"Niet gelukt: {fout}" in melding(deel(scherm, ONDERDELEN))
    assert lege_store.formulier(dossier.id, SLEUTEL) == ({}, 0)
    assert veld(scherm, label, exact=True).value == waarde  # kept, so the user can correct it


def test_niet_overgenomen_vraagt_een_antwoord_en_foute_datum_wordt_geweigerd(lege_store, dossier):
    lege_store.bewaar_formulier(dossier.id, SLEUTEL, voorbeeld().als_dict(), 0)
    scherm = oefening(lege_store, dossier.id)
    veld(scherm, "Reactie bewerken").value = "r3"
    veld(scherm, "Uitkomst").value = "niet"
    assert "Reactie 3 is niet overgenomen: leg in het antwoord uit waarom." in melding(deel(scherm, REACTIES))
    assert opgeslagen(lege_store, dossier.id).reacties[2].uitkomst == "open"
    veld(scherm, "Ons antwoord: wat we ermee doen").value = "Dat regelt de aannemer, niet het plan."
    assert opgeslagen(lege_store, dossier.id).reacties[2].uitkomst == "niet"
    veld(scherm, "Datum (JJJJ-MM-DD)").value = "volgende week"
    assert "moet een datum zijn als JJJJ-MM-DD" in melding(deel(scherm, MOMENTEN))
    assert opgeslagen(lege_store, dossier.id).momenten[0].datum == "2026-03-14"


def test_te_groot_formulier_wordt_niet_opgeslagen(lege_store, dossier):
    lang = Inspraak(reacties=tuple(Reactie(f"r{n}", "s" * 2000) for n in range(23)))
    versie = lege_store.bewaar_formulier(dossier.id, SLEUTEL, lang.als_dict(), 0)
    scherm = oefening(lege_store, dossier.id)
    veld(scherm, "Ons antwoord: wat we ermee doen").value = "a" * 2000
    assert "Dit formulier is te groot om op te slaan" in melding(deel(scherm, REACTIES))
    assert lege_store.formulier(dossier.id, SLEUTEL)[1] == versie
    assert opgeslagen(lege_store, dossier.id).reacties[0].antwoord == ""


def test_gelijktijdig_gewijzigd_geeft_melding_en_toont_het_nieuwste(lege_store, dossier):
    eerste, tweede = oefening(lege_store, dossier.id), oefening(lege_store, dossier.id)
    knop(eerste, "Nieuwe reactie").click()
    veld(eerste, "Samenvatting (zonder namen)").value = "Van de eerste"
    knop(tweede, "Nieuwe reactie").click()
    veld(tweede, "Samenvatting (zonder namen)").value = "Van de tweede"
    assert "Iemand anders heeft dit formulier intussen opgeslagen" in melding(deel(tweede, REACTIES))
    assert [r.samenvatting for r in opgeslagen(lege_store, dossier.id).reacties] == ["Van de eerste"]
    assert "Van de eerste" in html(tweede, "wk-inspraak-voorbeeld")
    knop(tweede, "Nieuwe reactie").click()
    veld(tweede, "Samenvatting (zonder namen)").value = "Van de tweede"  # now on the newest version: saved
    assert [r.samenvatting for r in opgeslagen(lege_store, dossier.id).reacties] == ["Van de eerste", "Van de tweede"]


def test_filter_toont_alleen_open_reacties(lege_store, dossier):
    lege_store.bewaar_formulier(dossier.id, SLEUTEL, voorbeeld().als_dict(), 0)
    scherm = oefening(lege_store, dossier.id)
    kiezer = veld(scherm, "Reactie bewerken")
    assert [w for _l, w in kiezer.options] == ["r1", "r2", "r3", NIEUW]
    veld(scherm, "Toon alleen open reacties").value = True
    assert [w for _l, w in kiezer.options] == ["r3", NIEUW]
    assert kiezer.value == "r3"
    assert veld(scherm, "Samenvatting (zonder namen)").value == "Parkeren tijdens de werkzaamheden"
    assert "3. Parkeren tijdens de werkzaamheden — nog open" in keuzes(kiezer)[0]
    veld(scherm, "Ons antwoord: wat we ermee doen").value = "We overleggen met de aannemer."
    veld(scherm, "Uitkomst").value = "deels"
    assert kiezer.value == "r3"  # the one being edited stays in view
    assert "Nog open: 0 van 3" in html(scherm, "wk-inspraak-stand")
    veld(scherm, "Toon alleen open reacties").value = False
    assert kiezer.value == "r3"
    veld(scherm, "Toon alleen open reacties").value = True  # a fresh look: nothing is open any more
    assert [w for _l, w in kiezer.options] == [NIEUW] and veld(scherm, "Samenvatting (zonder namen)").value == ""
    assert "Er zijn geen open reacties meer." in melding(deel(scherm, REACTIES))


def test_verwijderen_vraagt_eerst_bevestiging(lege_store, dossier):
    lege_store.bewaar_formulier(dossier.id, SLEUTEL, voorbeeld().als_dict(), 0)
    scherm = oefening(lege_store, dossier.id)
    veld(scherm, "Reactie bewerken").value = "r2"
    knop(scherm, "Reactie verwijderen").click()
    vraag = een(scherm, "wk-inspraak-reactie-bevestiging")
    assert getoond(vraag) and "Liever een warmtepomp" in tekst(vraag)
    knop(vraag, "Nee, bewaren").click()
    assert not getoond(vraag) and len(opgeslagen(lege_store, dossier.id).reacties) == 3
    knop(scherm, "Reactie verwijderen").click()
    knop(vraag, "Ja, verwijderen").click()
    assert [r.id for r in opgeslagen(lege_store, dossier.id).reacties] == ["r1", "r3"]
    assert "De reactie is verwijderd." in melding(deel(scherm, REACTIES))

    veld(scherm, "Onderdeel bewerken").value = "s"
    knop(scherm, "Onderdeel verwijderen").click()
    vraag = een(scherm, "wk-inspraak-onderdeel-bevestiging")
    assert "Inrichting straat" in tekst(vraag) and "2 moment(en) en 2 reactie(s)" in tekst(vraag)
    knop(vraag, "Ja, verwijderen").click()
    inspraak = opgeslagen(lege_store, dossier.id)
    assert [o.id for o in inspraak.onderdelen] == ["w"] and len(inspraak.reacties) == 2
    assert veld(scherm, "Onderdeel bewerken").value == "w"
    assert veld(scherm, "Naam van het onderdeel").value == "Keuze van het warmtesysteem"
    assert GEEN_THEMA in html(scherm, "wk-inspraak-voorbeeld")

    veld(scherm, "Moment bewerken").value = "m1"
    knop(scherm, "Moment verwijderen").click()
    knop(een(scherm, "wk-inspraak-moment-bevestiging"), "Ja, verwijderen").click()
    assert [m.id for m in opgeslagen(lege_store, dossier.id).momenten] == ["m2"]
    assert veld(scherm, "Moment bewerken").value == "m2"


def test_verwijzing_naar_verdwenen_onderdeel_breekt_niets(lege_store, dossier):
    """A hand-edited import may point at parts or moments that are gone: shown without them, and saving works."""
    gegevens = voorbeeld().als_dict()
    gegevens["onderdelen"] = gegevens["onderdelen"][:1]
    gegevens["momenten"] = []
    lege_store.bewaar_formulier(dossier.id, SLEUTEL, gegevens, 0)
    scherm = oefening(lege_store, dossier.id)
    assert GEEN_THEMA in html(scherm, "wk-inspraak-stand")
    veld(scherm, "Reactie bewerken").value = "r1"
    assert (veld(scherm, "Thema", exact=True).value, veld(scherm, "Via welk moment").value) == ("", "")
    veld(scherm, "Ons antwoord: wat we ermee doen").value = "Nieuw antwoord"
    assert "Reactie opgeslagen." in melding(deel(scherm, REACTIES))


def test_gebruikerstekst_wordt_geescaped(lege_store, dossier):
    kwaad = "<script>alert(1)</script>"
    inspraak = Inspraak(onderdelen=(Onderdeel("a", kwaad, "vast", kwaad),), oneens=kwaad,
                        momenten=(Moment("m", kwaad, "a", kwaad, "", kwaad),),
                        reacties=(Reactie("r", kwaad, "a", "m", kwaad, "deels"),))
    lege_store.bewaar_formulier(dossier.id, SLEUTEL, inspraak.als_dict(), 0)
    scherm = oefening(lege_store, dossier.id)
    knop(scherm, "Reactie verwijderen").click()
    knop(scherm, "Onderdeel verwijderen").click()
    for kind in alle(scherm):
        if isinstance(kind, w.HTML):  # every HTML the page shows (input fields hold the text as typed)
            assert "<script" not in kind.value, klassen(kind)
    assert kwaad in html(scherm, "wk-inspraak-onderdelen-tabel")


def test_wisselen_van_dossier_en_zonder_dossier(lege_store, dossier):
    ander = lege_store.maak_dossier("Andere wijk", "Zuid", "Delft")
    lege_store.bewaar_formulier(dossier.id, SLEUTEL, voorbeeld().als_dict(), 0)
    context = WerkboekContext(lege_store, INHOUD, dossier_id=dossier.id)
    scherm = InspraakOefening(context)
    assert veld(scherm, "Onderdeel bewerken").value == "w"
    context.dossier_id = ander.id
    assert veld(scherm, "Onderdeel bewerken").value == "warmtesysteem"
    assert "Nog geen reacties" in html(scherm, "wk-inspraak-stand")
    context.dossier_id = None
    assert "Er is geen dossier geopend" in tekst(scherm)
    assert "Er is geen dossier geopend" in tekst(oefening(None, None))


def test_elk_invoerveld_heeft_een_label_en_klasse(lege_store, dossier):
    scherm = oefening(lege_store, dossier.id)
    labels = ["Onderdeel bewerken", "Naam van het onderdeel", "Inspraak", "Waarom ligt het vast?",
              "Als bewoners het oneens blijven", "Moment bewerken", "Vorm", "Onderwerp", "Plek in de wijk",
              "Datum (JJJJ-MM-DD)", "Doelgroep", "Toon alleen open reacties", "Reactie bewerken",
              "Samenvatting (zonder namen)", "Thema", "Via welk moment", "Ons antwoord: wat we ermee doen", "Uitkomst"]
    for label in labels:
        assert any(k.startswith("wk-inspraak-") for k in klassen(veld(scherm, label, exact=True))), label
    assert "geen namen" in tekst(scherm)
