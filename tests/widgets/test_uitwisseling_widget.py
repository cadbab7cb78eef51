"""The download buttons and the import on the welcome page, without a browser: click like a user, open the
file the link holds, and check what the dossier list shows afterwards."""

from __future__ import annotations

import base64
import html
import io
import json
import re
import subprocess
import sys
import textwrap
from datetime import datetime, timezone
from pathlib import Path

import ipywidgets as w
import pytest
from hulp import een, keuzes, knop, met_klasse, tekst, veld, zichtbaar

from wijkkompas_widgets import teksten
from wijkkompas_widgets.dossier.model import OpslagFout, PartijInvoer
from wijkkompas_widgets.werkboek import open_werkboek

MIMES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


KNOPPEN = {"docx": "Word-rapport (.docx)", "xlsx": "Excel-werkboek (.xlsx)", "json": "Reservekopie (.json)"}


def downloadknop(uitwisseling, soort: str) -> w.Button:
    """The button as a browser test finds it (by its class; its label says 'Bezig…' while it works)."""
    return een(uitwisseling, f"wk-export-{soort}", w.Button)


def link(uitwisseling, soort: str) -> str:
    """The HTML of the download link next to a button (empty until the file is made)."""
    return een(uitwisseling, f"wk-uitwisseling-link-{soort}").value


def uitwisselmelding(uitwisseling) -> str:
    return zichtbaar(een(uitwisseling, "wk-uitwisseling-melding").value)


def importmelding(uitwisseling) -> str:
    return zichtbaar(een(uitwisseling, "wk-import-melding").value)


def importlink(uitwisseling) -> str:
    return een(uitwisseling, "wk-import-link").value


def upload_veld(uitwisseling) -> w.FileUpload:
    return een(uitwisseling, "wk-import-upload", w.FileUpload)


def knopstand(uitwisseling) -> dict[str, tuple[str, bool]]:
    return {soort: (downloadknop(uitwisseling, soort).description, downloadknop(uitwisseling, soort).disabled)
            for soort in KNOPPEN}


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
    knop(uitwisseling, KNOPPEN["docx"]).click()
    naam, data = bestand_uit_link(link(uitwisseling, "docx"), "docx")
    assert naam.startswith("wijkdossier-") and naam.endswith(".docx")
    tekst = "\n".join(alinea.text for alinea in docx.Document(io.BytesIO(data)).paragraphs)
    assert "Besluitenlog" in tekst
    assert "Het Word-rapport is klaar" in uitwisselmelding(uitwisseling)
    assert knopstand(uitwisseling)["docx"] == ("Word-rapport (.docx)", False)  # ready for another click


def test_excel_knop_geeft_een_werkboek_met_de_partijen(store_url, store, voorbeeld):
    import openpyxl

    uitwisseling = welkom(store_url, voorbeeld.id).uitwisseling()
    knop(uitwisseling, KNOPPEN["xlsx"]).click()
    naam, data = bestand_uit_link(link(uitwisseling, "xlsx"), "xlsx")
    assert naam.endswith(".xlsx")
    werkboek = openpyxl.load_workbook(io.BytesIO(data))
    cellen = {cel for rij in werkboek["Partijen"].iter_rows(values_only=True) for cel in rij}
    assert {p.naam for p in store.partijen(voorbeeld.id)} <= cellen


def test_reservekopie_knop_geeft_het_dossier_als_json(store_url, store, voorbeeld):
    uitwisseling = welkom(store_url, voorbeeld.id).uitwisseling()
    knop(uitwisseling, KNOPPEN["json"]).click()
    naam, data = bestand_uit_link(link(uitwisseling, "json"), "json")
    assert naam.endswith(".json")
    document = json.loads(data)
    assert document["soort"] == "wijkkompas-dossier"
    assert document["dossier"]["naam"] == voorbeeld.naam


def test_knop_zegt_bezig_en_is_uit_zolang_het_bestand_gemaakt_wordt(store_url, voorbeeld, monkeypatch):
    from wijkkompas_widgets import export

    uitwisseling = welkom(store_url, voorbeeld.id).uitwisseling()
    gezien = []

    def traag_rapport(_store, _dossier_id):
        gezien.append(knopstand(uitwisseling))
        return b"PK-rapport"

    monkeypatch.setattr(export, "exporteer_docx", traag_rapport)
    knop(uitwisseling, KNOPPEN["docx"]).click()
    assert gezien == [{"docx": ("Bezig…", True), "xlsx": ("Excel-werkboek (.xlsx)", True),
                       "json": ("Reservekopie (.json)", True)}]
    assert knopstand(uitwisseling) == {
        "docx": ("Word-rapport (.docx)", False), "xlsx": ("Excel-werkboek (.xlsx)", False),
        "json": ("Reservekopie (.json)", False)}
    assert bestand_uit_link(link(uitwisseling, "docx"), "docx")[1] == b"PK-rapport"


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
    knop(uitwisseling, KNOPPEN["xlsx"]).click()
    melding = uitwisselmelding(uitwisseling)
    assert "Niet gelukt" in melding and verwacht in melding
    assert "intern detail" not in melding and "Traceback" not in melding
    assert link(uitwisseling, "xlsx") == ""
    assert downloadknop(uitwisseling, "xlsx").description == "Excel-werkboek (.xlsx)"
    assert not downloadknop(uitwisseling, "xlsx").disabled


def test_zonder_dossier_zijn_de_downloadknoppen_uit_maar_importeren_kan(store_url, store, voorbeeld):
    wb = welkom(store_url, voorbeeld.id)
    uitwisseling = wb.uitwisseling()
    assert not any(uit for _label, uit in knopstand(uitwisseling).values())
    store.verwijder_dossier(voorbeeld.id)
    wb.context.dossier_id = None  # as the dossier header does after the last dossier was deleted
    assert all(uit for _label, uit in knopstand(uitwisseling).values())
    assert not upload_veld(uitwisseling).disabled


def test_ander_dossier_kiezen_haalt_de_oude_links_weg(store_url, store, voorbeeld):
    wb = welkom(store_url, voorbeeld.id)
    uitwisseling = wb.uitwisseling()
    knop(uitwisseling, KNOPPEN["json"]).click()
    assert link(uitwisseling, "json")
    ander = store.maak_dossier("Tweede wijk", "Zuid", "Delft")
    wb.context.dossier_id = ander.id
    assert link(uitwisseling, "json") == ""
    knop(uitwisseling, KNOPPEN["json"]).click()
    assert json.loads(bestand_uit_link(link(uitwisseling, "json"), "json")[1])["dossier"]["naam"] == \
        "Tweede wijk"


def test_fase4_deelt_alleen_resultaten(store_url, voorbeeld):
    wb = open_werkboek("04_keuzes.ipynb", store_url=store_url, query={"dossier": voorbeeld.id})
    uitwisseling = wb.uitwisseling(importeren=False)
    assert not met_klasse(uitwisseling, "wk-import-upload")
    assert "Dossier importeren" not in tekst(uitwisseling)
    assert not downloadknop(uitwisseling, "xlsx").disabled


def test_goede_reservekopie_wordt_een_nieuw_dossier_met_dezelfde_partijen(store_url, store, voorbeeld):
    from wijkkompas_widgets.export import exporteer_json

    data = exporteer_json(store, voorbeeld.id)
    wb = welkom(store_url, voorbeeld.id)
    kop, uitwisseling = wb.kop(), wb.uitwisseling()
    voor = {d.id for d in store.dossiers()}
    upload_veld(uitwisseling).value = (upload(data, "groenoord.json"),)

    [nieuw] = [d for d in store.dossiers() if d.id not in voor]
    assert [(p.naam, p.type, p.invloed, p.belang) for p in store.partijen(nieuw.id)] == [
        (p.naam, p.type, p.invloed, p.belang) for p in store.partijen(voorbeeld.id)]
    assert f"Dossier '{nieuw.naam}' is geïmporteerd" in importmelding(uitwisseling)
    assert f"?dossier={nieuw.id}" in importlink(uitwisseling)
    assert nieuw.naam in " ".join(keuzes(veld(kop, "Open dossier")))  # the list shows it at once
    assert wb.context.dossier_id == voorbeeld.id  # the open dossier stays open
    assert upload_veld(uitwisseling).value == ()  # memory freed; the same file can be chosen again


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
    upload_veld(uitwisseling).value = (upload(inhoud, naam),)
    melding = importmelding(uitwisseling)
    assert "Niet gelukt" in melding and in_melding in melding
    assert teksten.ONVERWACHTE_FOUT not in melding  # a clear reason, not the general message
    assert [d.id for d in store.dossiers()] == voor
    assert importlink(uitwisseling) == "" and upload_veld(uitwisseling).value == ()


def test_te_groot_bestand_wordt_geweigerd_voordat_het_gelezen_wordt(store_url, store, voorbeeld, monkeypatch):
    from wijkkompas_widgets import export

    monkeypatch.setattr(export, "importeer_json", lambda *_a, **_k: pytest.fail("het bestand werd toch gelezen"))
    uitwisseling = welkom(store_url, voorbeeld.id).uitwisseling()
    voor = [d.id for d in store.dossiers()]
    upload_veld(uitwisseling).value = (upload(b"{}", "enorm.json", grootte=export.MAX_IMPORT + 1),)
    melding = importmelding(uitwisseling)
    assert "'enorm.json' is groter dan 50 MB" in melding
    assert [d.id for d in store.dossiers()] == voor


def test_naam_met_html_wordt_als_tekst_getoond(store_url, lege_store):
    from wijkkompas_widgets.export import exporteer_json

    dossier = lege_store.maak_dossier('<img src=x onerror="alert(1)"> & co', "Noord", "Delft")
    lege_store.voeg_partij_toe(dossier.id, PartijInvoer("<b>Bewoners</b>"))
    data = exporteer_json(lege_store, dossier.id)
    uitwisseling = welkom(store_url, dossier.id).uitwisseling()
    voor = {d.id for d in lege_store.dossiers()}
    upload_veld(uitwisseling).value = (upload(data, "aanval.json"),)
    assert "<img" not in een(uitwisseling, "wk-import-melding").value + importlink(uitwisseling)
    assert "&lt;img src=x" in importlink(uitwisseling)
    assert "<img src=x" in importmelding(uitwisseling)
    [nieuw] = [d for d in lege_store.dossiers() if d.id not in voor]
    assert [p.naam for p in lege_store.partijen(nieuw.id)] == ["<b>Bewoners</b>"]


def test_de_knoppen_laden_word_en_excel_pas_bij_een_klik(store_url, voorbeeld):
    """The welcome page shows the buttons without python-docx and openpyxl; a click on the Word button loads
    python-docx (the export package passed in builds the file)."""
    code = textwrap.dedent(f"""
        import sys
        from wijkkompas_widgets.werkboek import open_werkboek
        from hulp import knop
        uitwisseling = open_werkboek("00_welkom.ipynb", store_url={store_url!r},
                                     query={{"dossier": {voorbeeld.id!r}}}).uitwisseling()
        print(sorted(m for m in ("docx", "openpyxl") if m in sys.modules))
        knop(uitwisseling, "Word-rapport (.docx)").click()
        print(sorted(m for m in ("docx", "openpyxl") if m in sys.modules))
    """)
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1]).stdout.split("\n")
    assert uit[:2] == ["[]", "['docx']"]
