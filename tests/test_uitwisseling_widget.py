"""The download buttons and the import on the welcome page, without a browser: click like a user, open the
file the link holds, and check what the dossier list shows afterwards."""

from __future__ import annotations

import base64
import html
import io
import json
import re
from datetime import datetime, timezone

import pytest

from wijkkompas_widgets import teksten
from wijkkompas_widgets.dossier.model import OpslagFout, PartijInvoer
from wijkkompas_widgets.werkboek import open_werkboek

MIMES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


def zichtbaar(html_tekst: str) -> str:
    """The text a user reads in an HTML widget (tags removed, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", "", html_tekst))


def bestand_uit_link(link_html: str, soort: str) -> tuple[str, bytes]:
    """The file name and the bytes a click on the download link saves."""
    [(naam, data)] = re.findall(rf'download="([^"]+)" href="data:{re.escape(MIMES[soort])};base64,([^"]+)"',
                                link_html)
    return html.unescape(naam), base64.b64decode(data)


def upload(inhoud: bytes, naam: str, grootte: int | None = None) -> dict:
    """One file as ipywidgets' FileUpload holds it after a user picked it."""
    return {"name": naam, "type": "application/json", "size": len(inhoud) if grootte is None else grootte,
            "content": memoryview(inhoud), "last_modified": datetime(2026, 11, 23, 9, 0, tzinfo=timezone.utc)}


def welkom(store_url, dossier_id=None):
    query = {"dossier": dossier_id} if dossier_id else {}
    return open_werkboek("00_welkom.ipynb", store_url=store_url, query=query)


@pytest.fixture
def voorbeeld(store):
    [dossier] = [d for d in store.dossiers() if d.is_voorbeeld]
    return dossier


def test_word_knop_geeft_een_rapport_dat_opent(store_url, store, voorbeeld):
    import docx

    uitwisseling = welkom(store_url, voorbeeld.id).uitwisseling()
    uitwisseling._knoppen["docx"].click()
    naam, data = bestand_uit_link(uitwisseling._links["docx"].value, "docx")
    assert naam.startswith("wijkdossier-") and naam.endswith(".docx")
    tekst = "\n".join(alinea.text for alinea in docx.Document(io.BytesIO(data)).paragraphs)
    assert "Besluitenlog" in tekst
    assert "Het Word-rapport is klaar" in zichtbaar(uitwisseling._melding.value)
    knop = uitwisseling._knoppen["docx"]
    assert knop.description == "Word-rapport (.docx)" and not knop.disabled  # ready for another click


def test_excel_knop_geeft_een_werkboek_met_de_partijen(store_url, store, voorbeeld):
    import openpyxl

    uitwisseling = welkom(store_url, voorbeeld.id).uitwisseling()
    uitwisseling._knoppen["xlsx"].click()
    naam, data = bestand_uit_link(uitwisseling._links["xlsx"].value, "xlsx")
    assert naam.endswith(".xlsx")
    werkboek = openpyxl.load_workbook(io.BytesIO(data))
    cellen = {cel for rij in werkboek["Partijen"].iter_rows(values_only=True) for cel in rij}
    assert {p.naam for p in store.partijen(voorbeeld.id)} <= cellen


def test_reservekopie_knop_geeft_het_dossier_als_json(store_url, store, voorbeeld):
    uitwisseling = welkom(store_url, voorbeeld.id).uitwisseling()
    uitwisseling._knoppen["json"].click()
    naam, data = bestand_uit_link(uitwisseling._links["json"].value, "json")
    assert naam.endswith(".json")
    document = json.loads(data)
    assert document["soort"] == "wijkkompas-dossier"
    assert document["dossier"]["naam"] == voorbeeld.naam


def test_knop_zegt_bezig_en_is_uit_zolang_het_bestand_gemaakt_wordt(store_url, voorbeeld, monkeypatch):
    from wijkkompas_widgets import export

    uitwisseling = welkom(store_url, voorbeeld.id).uitwisseling()
    gezien = []

    def traag_rapport(_store, _dossier_id):
        gezien.append({soort: (k.description, k.disabled) for soort, k in uitwisseling._knoppen.items()})
        return b"PK-rapport"

    monkeypatch.setattr(export, "exporteer_docx", traag_rapport)
    uitwisseling._knoppen["docx"].click()
    assert gezien == [{"docx": ("Bezig…", True), "xlsx": ("Excel-werkboek (.xlsx)", True),
                       "json": ("Reservekopie (.json)", True)}]
    assert {soort: (k.description, k.disabled) for soort, k in uitwisseling._knoppen.items()} == {
        "docx": ("Word-rapport (.docx)", False), "xlsx": ("Excel-werkboek (.xlsx)", False),
        "json": ("Reservekopie (.json)", False)}
    assert bestand_uit_link(uitwisseling._links["docx"].value, "docx")[1] == b"PK-rapport"


@pytest.mark.parametrize("fout, verwacht", [
    (OpslagFout("De database is tijdelijk niet bereikbaar."), "De database is tijdelijk niet bereikbaar."),
    (RuntimeError("intern detail"), teksten.ONVERWACHTE_FOUT),
])
def test_mislukt_bestand_geeft_een_nederlandse_melding_en_de_knop_werkt_weer(store_url, voorbeeld, monkeypatch,
                                                                              fout, verwacht):
    from wijkkompas_widgets import export

    def mislukt(_store, _dossier_id):
        raise fout

    monkeypatch.setattr(export, "exporteer_xlsx", mislukt)
    uitwisseling = welkom(store_url, voorbeeld.id).uitwisseling()
    uitwisseling._knoppen["xlsx"].click()
    melding = zichtbaar(uitwisseling._melding.value)
    assert "Niet gelukt" in melding and verwacht in melding
    assert "intern detail" not in melding and "Traceback" not in melding
    assert uitwisseling._links["xlsx"].value == ""
    assert uitwisseling._knoppen["xlsx"].description == "Excel-werkboek (.xlsx)"
    assert not uitwisseling._knoppen["xlsx"].disabled


def test_zonder_dossier_zijn_de_downloadknoppen_uit_maar_importeren_kan(store_url, store, voorbeeld):
    wb = welkom(store_url, voorbeeld.id)
    uitwisseling = wb.uitwisseling()
    assert not any(knop.disabled for knop in uitwisseling._knoppen.values())
    store.verwijder_dossier(voorbeeld.id)
    wb.context.dossier_id = None  # as the dossier header does after the last dossier was deleted
    assert all(knop.disabled for knop in uitwisseling._knoppen.values())
    assert not uitwisseling._upload.disabled


def test_ander_dossier_kiezen_haalt_de_oude_links_weg(store_url, store, voorbeeld):
    wb = welkom(store_url, voorbeeld.id)
    uitwisseling = wb.uitwisseling()
    uitwisseling._knoppen["json"].click()
    assert uitwisseling._links["json"].value
    ander = store.maak_dossier("Tweede wijk", "Zuid", "Delft")
    wb.context.dossier_id = ander.id
    assert uitwisseling._links["json"].value == ""
    uitwisseling._knoppen["json"].click()
    assert json.loads(bestand_uit_link(uitwisseling._links["json"].value, "json")[1])["dossier"]["naam"] == \
        "Tweede wijk"


def test_fase4_deelt_alleen_resultaten(store_url, voorbeeld):
    wb = open_werkboek("04_keuzes.ipynb", store_url=store_url, query={"dossier": voorbeeld.id})
    uitwisseling = wb.uitwisseling(importeren=False)
    assert uitwisseling._upload not in uitwisseling.children
    assert not uitwisseling._knoppen["xlsx"].disabled


def test_goede_reservekopie_wordt_een_nieuw_dossier_met_dezelfde_partijen(store_url, store, voorbeeld):
    from wijkkompas_widgets.export import exporteer_json

    data = exporteer_json(store, voorbeeld.id)
    wb = welkom(store_url, voorbeeld.id)
    kop, uitwisseling = wb.kop(), wb.uitwisseling()
    voor = {d.id for d in store.dossiers()}
    uitwisseling._upload.value = (upload(data, "groenoord.json"),)

    [nieuw] = [d for d in store.dossiers() if d.id not in voor]
    assert [(p.naam, p.type, p.invloed, p.belang) for p in store.partijen(nieuw.id)] == [
        (p.naam, p.type, p.invloed, p.belang) for p in store.partijen(voorbeeld.id)]
    assert f"Dossier '{nieuw.naam}' is geïmporteerd" in zichtbaar(uitwisseling._import_melding.value)
    assert f"?dossier={nieuw.id}" in uitwisseling._import_link.value
    assert nieuw.id in [waarde for _label, waarde in kop._kiezer.options]  # the list shows it at once
    assert wb.context.dossier_id == voorbeeld.id  # the open dossier stays open
    assert uitwisseling._upload.value == ()  # memory freed; the same file can be chosen again


@pytest.mark.parametrize("inhoud, naam, in_melding", [
    (b"", "leeg.json", "leeg.json"),
    (b"{dit is geen json", "kapot.json", "kapot.json"),
    (b"[1, 2, 3]", "lijst.json", "lijst.json"),
    (json.dumps({"soort": "iets-anders", "schema": "0001"}).encode(), "vreemd.json", "vreemd.json"),
    ("pdf\xff".encode("latin-1"), "binair.json", "binair.json"),
])
def test_slecht_bestand_geeft_een_melding_en_geen_nieuw_dossier(store_url, store, voorbeeld, inhoud, naam,
                                                                  in_melding):
    uitwisseling = welkom(store_url, voorbeeld.id).uitwisseling()
    voor = [d.id for d in store.dossiers()]
    uitwisseling._upload.value = (upload(inhoud, naam),)
    melding = zichtbaar(uitwisseling._import_melding.value)
    assert "Niet gelukt" in melding and in_melding in melding
    assert teksten.ONVERWACHTE_FOUT not in melding  # a clear reason, not the general message
    assert [d.id for d in store.dossiers()] == voor
    assert uitwisseling._import_link.value == "" and uitwisseling._upload.value == ()


def test_te_groot_bestand_wordt_geweigerd_voordat_het_gelezen_wordt(store_url, store, voorbeeld, monkeypatch):
    from wijkkompas_widgets import export

    monkeypatch.setattr(export, "importeer_json", lambda *_a, **_k: pytest.fail("het bestand werd toch gelezen"))
    uitwisseling = welkom(store_url, voorbeeld.id).uitwisseling()
    voor = [d.id for d in store.dossiers()]
    uitwisseling._upload.value = (upload(b"{}", "enorm.json", grootte=export.MAX_IMPORT + 1),)
    melding = zichtbaar(uitwisseling._import_melding.value)
    assert "'enorm.json' is groter dan 50 MB" in melding
    assert [d.id for d in store.dossiers()] == voor


def test_naam_met_html_wordt_als_tekst_getoond(store_url, lege_store):
    from wijkkompas_widgets.export import exporteer_json

    dossier = lege_store.maak_dossier('<img src=x onerror="alert(1)"> & co', "Noord", "Delft")
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("<b>Bewoners</b>"))
    data = exporteer_json(lege_store, dossier.id)
    uitwisseling = welkom(store_url, dossier.id).uitwisseling()
    voor = {d.id for d in lege_store.dossiers()}
    uitwisseling._upload.value = (upload(data, "aanval.json"),)
    assert "<img" not in uitwisseling._import_melding.value + uitwisseling._import_link.value
    assert "&lt;img src=x" in uitwisseling._import_link.value
    assert "<img src=x" in zichtbaar(uitwisseling._import_melding.value)
    [nieuw] = [d for d in lege_store.dossiers() if d.id not in voor]
    assert [p.naam for p in lege_store.partijen(nieuw.id)] == ["<b>Bewoners</b>"]
