"""Inspraak op het wijkuitvoeringsplan in the Word report and the Excel workbook: the report has the tables and
the nota the page shows, in the same words."""

from __future__ import annotations

import io
from datetime import date

import pytest
from docx import Document
from hulp import een, zichtbaar
from voorbeelden import inspraak_voorbeeld

from wijkkompas_widgets.analysis.inspraak import GEEN_THEMA
from wijkkompas_widgets.dossier import formulieren
from wijkkompas_widgets.export.deel_inspraak import blad_inspraak, docx_inspraak
from wijkkompas_widgets.export.rapport import Rapport
from wijkkompas_widgets.leesmodel.dossier import DossierVerzameling
from wijkkompas_widgets.widgets.context import WerkboekContext
from wijkkompas_widgets.widgets.inspraak import InspraakOefening

SLEUTEL = formulieren.INSPRAAK


voorbeeld = inspraak_voorbeeld


@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Testwijk", "Noord", "Delft")


def docx_tekst(r: Rapport) -> tuple[list[tuple[str, str]], str]:
    buffer = io.BytesIO()
    r.doc.save(buffer)
    document = Document(io.BytesIO(buffer.getvalue()))
    alineas = [(p.style.name, p.text) for p in document.paragraphs]
    tabellen = " | ".join(cel.text for tabel in document.tables for rij in tabel.rows for cel in rij.cells)
    return alineas, tabellen


def test_docx_zonder_invulling_schrijft_niets(lege_store, dossier):
    assert docx_inspraak(Rapport("t"), DossierVerzameling(lege_store, dossier.id)) is False
    assert blad_inspraak(DossierVerzameling(lege_store, dossier.id)).rijen == []


def test_docx_bevat_open_vast_momenten_en_reactienota(lege_store, dossier):
    lege_store.bewaar_formulier(dossier.id, SLEUTEL, voorbeeld().als_dict(), 0)
    r = Rapport("t")
    assert docx_inspraak(r, DossierVerzameling(lege_store, dossier.id)) is True
    alineas, tabellen = docx_tekst(r)
    teksten = [t for _s, t in alineas]
    for kop in ("Wat staat open voor inspraak", "Inspraakmomenten", "Reacties en reactienota"):
        assert kop in teksten
    assert "Als bewoners het oneens blijven: We gaan opnieuw in gesprek; daarna besluit de raad." in teksten
    assert "ligt vast | De raad koos al voor een warmtenet." in tabellen
    assert "inloopavond | Inrichting straat | Buurthuis | 14 maart 2026 | alle bewoners" in tabellen
    assert "3 reacties vastgelegd, waarvan 1 nog open (nog geen uitkomst of nog geen antwoord)." in teksten
    assert ("Heading 3", "Reactienota inspraak wijkuitvoeringsplan: Noord") in alineas
    assert ("Heading 4", "Keuze van het warmtesysteem") in alineas
    assert ("List Bullet 2", "Ons antwoord: Het warmtenet ligt vast.") in alineas
    assert "Reacties per onderwerp en wat we ermee doen" in teksten  # the chart's caption
    assert not any("Bied ook een andere manier" in t for t in teksten)  # one moment is not online


def test_pagina_en_rapport_tonen_dezelfde_tabellen(lege_store, dossier, inhoud):
    lege_store.bewaar_formulier(dossier.id, SLEUTEL, voorbeeld().als_dict(), 0)
    r = Rapport("t")
    docx_inspraak(r, DossierVerzameling(lege_store, dossier.id))
    _alineas, woord = docx_tekst(r)
    scherm = InspraakOefening(WerkboekContext(lege_store, inhoud, dossier_id=dossier.id))
    pagina = " ".join(zichtbaar(een(scherm, klasse).value) for klasse in (
        "wk-inspraak-onderdelen-tabel", "wk-inspraak-momenten-tabel", "wk-inspraak-stand"))
    for cel in ("Onderdeel van het plan", "ligt vast", "De raad koos al voor een warmtenet.", "open voor inspraak",
                "14 maart 2026", "alle bewoners", "inloopavond",
                "overgenomen", "Totaal"):
        assert cel in pagina and cel in woord, cel


def test_verwijzing_naar_verdwenen_onderdeel_breekt_het_rapport_niet(lege_store, dossier):
    gegevens = voorbeeld().als_dict()
    gegevens["onderdelen"] = gegevens["onderdelen"][:1]
    gegevens["momenten"] = []
    lege_store.bewaar_formulier(dossier.id, SLEUTEL, gegevens, 0)
    v = DossierVerzameling(lege_store, dossier.id)
    assert docx_inspraak(Rapport("t"), v) and blad_inspraak(v).rijen[0][2] == GEEN_THEMA


def test_excelblad_een_rij_per_reactie_met_echte_types(lege_store, dossier):
    lege_store.bewaar_formulier(dossier.id, SLEUTEL, voorbeeld().als_dict(), 0)
    blad = blad_inspraak(DossierVerzameling(lege_store, dossier.id))
    assert blad.koppen[:3] == ["Nr.", "Samenvatting (zonder namen)", "Thema"]
    assert blad.rijen[0] == [1, "Meer bomen in de straat", "Inrichting straat", "inloopavond, 14 maart 2026, Buurthuis",
                             date(2026, 3, 14), "overgenomen", "We planten er twaalf.", False]
    assert blad.rijen[2][3:] == [None, None, "nog open", None, True]
    assert len(blad.rijen) == 3
