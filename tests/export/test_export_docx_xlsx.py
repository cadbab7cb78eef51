"""The Word report and the Excel workbook: what a programme manager opens in Word, LibreOffice or Excel.

The example dossier (every phase filled, plus a regierol, agreements and a chosen strategy with dissent) is
exported once per module; the report is also converted to PDF with LibreOffice and read back, so a broken
.docx that python-docx still opens cannot slip through.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from datetime import datetime

import pytest
from docx import Document
from openpyxl import load_workbook

from wijkkompas_widgets.analysis.afsprakennota import Afspraken
from wijkkompas_widgets.analysis.planning_bestand import KOPPEN as PLANNING_KOPPEN
from wijkkompas_widgets.analysis.planning_bestand import lees_planningbestand
from wijkkompas_widgets.analysis.regierol import Keuze
from wijkkompas_widgets.dossier import OnbekendDossier, PartijInvoer
from wijkkompas_widgets.dossier.model import nu
from wijkkompas_widgets.dossier.store import DossierStore
from wijkkompas_widgets.export import exporteer_docx, exporteer_xlsx
from wijkkompas_widgets.export.docx import GEEN_OEFENING
from wijkkompas_widgets.export.werkblad import MAX_BLADNAAM, bladnaam
from wijkkompas_widgets.export.xlsx import BLADEN
from wijkkompas_widgets.teksten import NOG_NIET_INGEVULD as NOG_NIET
from wijkkompas_widgets.teksten import RAPPORT_TITEL as TITEL
from wijkkompas_widgets.werkboek import OEFENINGEN

VIJANDIG = "<script>&\"'"
AFWIJKEND = "De huurdersvereniging wil eerst zekerheid over de huur."
BLADNAMEN = ["Over dit bestand", "Partijen", "Macht en belang", "Belangen", "Rollen", "Scan", "Wijkprofiel",
             "Transitieopgaven", "Planning", "Koppelkansen", "Participatievormen", "Besluitvorming",
             "Criteria en weging", "Scores", "Rangorde", "Woonlasten", "Te verbinden opgaven", "Inspraakreacties",
             "Concept-WUP", "Besluiten"]


@pytest.fixture(scope="module")
def voorbeeld(tmp_path_factory) -> tuple[DossierStore, str]:
    """The example dossier, with what a newcomer still has to do: the regierol, the agreements, the choice."""
    store = DossierStore(f"sqlite:///{tmp_path_factory.mktemp('export') / 'dossiers.sqlite'}")
    [dossier] = store.dossiers()
    inhoud = store._inhoud
    rol = inhoud.fase1.regierol
    store.bewaar_formulier(dossier.id, "regierol", {
        "antwoorden": {vraag.id: 0 for vraag in rol.vragen},
        "keuze": Keuze(rol.typen[0].id, "Past bij een gemeente die de regie wil houden.", nu()).als_dict(),
    }, 0)
    partijen = store.partijen(dossier.id)
    store.bewaar_formulier(dossier.id, "afspraken", Afspraken(
        vorm=inhoud.fase1.samenwerking.vormen[0].id, mandaat="Het projectteam besluit binnen de begroting.",
        ondertekenaars=(partijen[0].id, partijen[1].id)).als_dict(), 0)
    strategie = store.strategieen(dossier.id)[0]
    store.kies_strategie(dossier.id, strategie.id, "Past het best bij het rioolwerk.", "Het hele projectteam",
                         AFWIJKEND)
    return store, dossier.id


@pytest.fixture(scope="module")
def rapport(voorbeeld) -> bytes:
    return exporteer_docx(*voorbeeld)


@pytest.fixture(scope="module")
def werkboek(voorbeeld) -> bytes:
    return exporteer_xlsx(*voorbeeld)


def _koppen(document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]


def _alle_tekst(document) -> str:
    delen = [p.text for p in document.paragraphs]
    for tabel in document.tables:
        delen += [cel.text for rij in tabel.rows for cel in rij.cells]
    return "\n".join(delen)


# -- Word ----------------------------------------------------------------------------------------------------------
def test_rapport_heeft_de_fasen_het_log_de_bronnen_tabellen_en_grafieken(voorbeeld, rapport):
    store, dossier_id = voorbeeld
    document = Document(io.BytesIO(rapport))
    koppen = _koppen(document)
    inhoud = store._inhoud
    assert ("Title", TITEL) in koppen
    for fase in inhoud.fasen:
        assert ("Heading 1", f"Fase {fase.nummer}: {fase.naam}") in koppen
    assert ("Heading 1", "Besluitenlog") in koppen and ("Heading 1", "Bronnen") in koppen
    # the afsprakennota (Markdown in the app) as real Word headings
    assert ("Heading 3", f"Concept-afsprakennota: {store.dossier(dossier_id).naam}") in koppen
    assert ("Heading 4", "1. Partners") in koppen
    assert [t for s, t in koppen if s == "Heading 2"] == [k.titel for k in inhoud.knooppunten_van_fase(1)
                                                          + inhoud.knooppunten_van_fase(2)
                                                          + inhoud.knooppunten_van_fase(3)
                                                          + inhoud.knooppunten_van_fase(4)]
    assert len(document.tables) >= 25
    assert len(document.inline_shapes) >= 12
    for vorm in document.inline_shapes:  # every chart has alt text for screen readers
        assert len(vorm._inline.docPr.get("descr")) > 20
    tekst = _alle_tekst(document)
    for partij in store.partijen(dossier_id):
        assert partij.naam in tekst
    assert "Wijk 07 Groenoord en Kethel" in tekst  # the wijkprofiel with its CBS figures
    assert "CBS, Kerncijfers wijken en buurten 2022" in tekst and "CC BY 4.0" in tekst
    assert "PBL Startanalyse" in tekst and "Wijkkompas" in tekst
    assert AFWIJKEND in tekst  # the chosen strategy with the dissent
    assert "Oordeel: " in tekst  # the sensitivity of the ranking
    assert document.core_properties.language == "nl-NL"


def test_elk_knooppunt_heeft_een_status_en_nooit_een_lege_kop(voorbeeld, rapport):
    store, _dossier_id = voorbeeld
    alineas = Document(io.BytesIO(rapport)).paragraphs
    for index, alinea in enumerate(alineas):
        if alinea.style.name == "Heading 2":
            assert alineas[index + 1].text.startswith("Status: ")
    ingevuld = {
        "De juiste partijen aan tafel", "Invloed en belang van partijen in kaart", "Regierol van de gemeente bepalen",
        "Samenwerking formaliseren", "Wijkprofiel uit openbare cijfers", "Integrale strategieën afwegen",
        "Keuze voor energiesysteem vastleggen", "Passende participatievormen vormgeven voor bewoners",
        "Participatie- en communicatiestrategie opstellen", "Keuzes maken over te verbinden opgaven",
        "Heldere afspraken over besluitvorming en onderlinge afhankelijkheden",
        "Inspraakmogelijkheden bieden op het wijkuitvoeringsplan",
    }
    titels = {k.titel: k.id for k in store._inhoud.knooppunten}
    assert ingevuld <= set(titels)
    for index, alinea in enumerate(alineas):
        if alinea.style.name != "Heading 2":
            continue
        direct_erna = alineas[index + 2].text
        if alinea.text in ingevuld:
            assert direct_erna not in (NOG_NIET, GEEN_OEFENING)
        if titels[alinea.text] not in OEFENINGEN:
            assert direct_erna == GEEN_OEFENING


def test_besluitenlog_markeert_correcties(tmp_path):
    store = DossierStore(f"sqlite:///{tmp_path / 'log.sqlite'}", voorbeeld=False)
    dossier = store.maak_dossier("Log", "Noord", "Ergens")
    fout = store.leg_besluit_vast(dossier.id, "Start in 2027", "Projectteam", "Zo gepland.")
    store.leg_besluit_vast(dossier.id, "Start in 2028", "Projectteam", "Het riool schuift een jaar.",
                           corrigeert=fout.id)
    document = Document(io.BytesIO(exporteer_docx(store, dossier.id)))
    [log] = [t for t in document.tables if t.rows[0].cells[0].text == "Nr."]
    assert [c.text for c in log.rows[0].cells][:4] == ["Nr.", "Datum", "Soort", "Wat"]
    rijen = [[c.text for c in rij.cells] for rij in log.rows[1:]]
    assert rijen[0][3] == "Start in 2027" and "Gecorrigeerd door nr. 2" in rijen[0][-1]
    assert "Correctie van nr. 1" in rijen[1][2]


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.exclusief
def test_libreoffice_zet_het_rapport_om_naar_pdf_met_alle_koppen(voorbeeld, rapport, tmp_path):
    soffice, pdftotext = _soffice(), shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        reden = "LibreOffice (soffice) of pdftotext ontbreekt; installeer libreoffice-writer-nogui en poppler-utils"
        if os.environ.get("CI"):
            pytest.fail(f"{reden}; in CI mag deze controle niet worden overgeslagen.")
        pytest.skip(reden)
    store, dossier_id = voorbeeld
    bestand = tmp_path / "rapport.docx"
    bestand.write_bytes(rapport)
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'lo-profiel'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(bestand)],
                   check=True, timeout=120, capture_output=True)
    tekst = subprocess.run([pdftotext, "-enc", "UTF-8", str(tmp_path / "rapport.pdf"), "-"], check=True,
                           timeout=60, capture_output=True).stdout.decode("utf-8")
    tekst = " ".join(tekst.split())  # LibreOffice breaks long headings over lines
    assert TITEL in tekst
    for fase in store._inhoud.fasen:
        assert f"Fase {fase.nummer}: {fase.naam}" in tekst
    assert "Besluitenlog" in tekst and "Bronnen" in tekst
    assert store.partijen(dossier_id)[1].naam in tekst


# -- Excel ---------------------------------------------------------------------------------------------------------
def test_werkboek_heeft_een_blad_per_oefening_met_kop_filter_en_echte_typen(voorbeeld, werkboek):
    store, dossier_id = voorbeeld
    boek = load_workbook(io.BytesIO(werkboek))
    assert boek.sheetnames == BLADNAMEN
    for blad in boek.worksheets:
        assert len(blad.title) <= MAX_BLADNAAM
        assert blad.freeze_panes == "A2"
        assert blad.auto_filter.ref.startswith("A1:")
        assert all(cel.font.b for cel in blad[1] if cel.value is not None)
    over = {rij[0]: rij[1] for rij in boek["Over dit bestand"].iter_rows(min_row=2, values_only=True)}
    assert over["Dossier"] == store.dossier(dossier_id).naam
    assert isinstance(over["Gemaakt op"], datetime)
    assert any(str(k).startswith("Bron: Wijkcijfers") and "CC BY 4.0" in v for k, v in over.items())

    partijen = list(boek["Partijen"].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in partijen] == [p.naam for p in store.partijen(dossier_id)]
    capaciteit = boek["Partijen"]["M2"]
    assert capaciteit.data_type == "n" and capaciteit.value == store.partijen(dossier_id)[0].capaciteit_uren
    assert {r[5] for r in partijen} <= {"ja", "nee"}  # 'Spoor A'
    macht = boek["Macht en belang"]
    assert [c.value for c in macht[1]][:3] == ["Partij", "Invloed (1–10)", "Belang (1–10)"]
    assert isinstance(macht["B2"].value, int)


def test_scan_heeft_een_rij_per_persoon_en_stelling(voorbeeld, werkboek):
    store, dossier_id = voorbeeld
    stellingen = store._inhoud.fase1.scan.stellingen
    responsen = [r for ronde in store.scan_rondes(dossier_id)
                 for r in store.scan_responsen(dossier_id, ronde.id, alleen_ingediend=False)]
    blad = load_workbook(io.BytesIO(werkboek))["Scan"]
    kop = [c.value for c in blad[1]]
    assert kop[:4] == ["Ronde", "Ronde gesloten", "Naam", "Organisatie"] and "Factor" in kop
    rijen = [r for r in blad.iter_rows(min_row=2, values_only=True) if r[1] is not None]
    assert len(rijen) == len(responsen) * len(stellingen) > 0
    antwoorden = [r[kop.index("Antwoord (1–5)")] for r in rijen]
    assert all(a is None or a == "weet niet" or (isinstance(a, int) and 1 <= a <= 5) for a in antwoorden)
    assert any(isinstance(a, int) for a in antwoorden)


def test_planning_criteria_scores_en_besluiten_volgen_de_opslag(voorbeeld, werkboek):
    store, dossier_id = voorbeeld
    boek = load_workbook(io.BytesIO(werkboek))
    planning = boek["Planning"]
    assert tuple(c.value for c in planning[1]) == PLANNING_KOPPEN
    # the same columns as the register's own file: this workbook reads straight back into the register
    assert lees_planningbestand("werkboek.xlsx", werkboek) == [w.als_invoer() for w in store.planning_werken(
        dossier_id)]

    weging = [r for r in boek["Criteria en weging"].iter_rows(min_row=2, values_only=True) if r[1] is not None]
    punten = store.wegingen(dossier_id)
    vast = store.vastzetting(dossier_id)
    assert len(weging) == sum(len(p) for p in punten.values()) + len(vast.gewichten)
    assert all(isinstance(r[2], int | float) for r in weging if r[0] != "Gezamenlijk (vastgezet)")
    assert boek["Criteria en weging"]["D2"].number_format.endswith("%")

    scores = [r for r in boek["Scores"].iter_rows(min_row=2, values_only=True) if r[2] is not None]
    assert len(scores) == len(store.strategieen(dossier_id)) * len(store.criteria(dossier_id))
    rangorde = list(boek["Rangorde"].iter_rows(min_row=2, max_row=4, values_only=True))
    assert [r[0] for r in rangorde] == [1, 2, 3] and all(isinstance(r[3], float) for r in rangorde)
    assert "ja" in [r[5] for r in rangorde]  # the chosen strategy

    besluiten = [r for r in boek["Besluiten"].iter_rows(min_row=2, values_only=True) if r[1] is not None]
    log = store.besluiten(dossier_id)
    assert [r[0] for r in besluiten] == [b.volgnummer for b in log]
    assert all(isinstance(r[1], datetime) for r in besluiten)
    assert AFWIJKEND in [r[8] for r in besluiten]


# -- empty, hostile and unknown dossiers ---------------------------------------------------------------------------
@pytest.fixture
def leeg(tmp_path) -> tuple[DossierStore, str]:
    store = DossierStore(f"sqlite:///{tmp_path / 'leeg.sqlite'}", voorbeeld=False)
    return store, store.maak_dossier("Nieuw dossier").id


def test_leeg_dossier_geeft_beide_bestanden_die_zeggen_wat_nog_niet_is_ingevuld(leeg):
    store, dossier_id = leeg
    document = Document(io.BytesIO(exporteer_docx(store, dossier_id)))
    alineas = [p.text for p in document.paragraphs]
    assert alineas.count(NOG_NIET) == len(OEFENINGEN)  # one friendly line per exercise, never an empty heading
    assert "Nog geen besluiten vastgelegd." in alineas
    assert not document.inline_shapes
    boek = load_workbook(io.BytesIO(exporteer_xlsx(store, dossier_id)))
    assert boek.sheetnames == BLADNAMEN
    for naam in ("Partijen", "Scan", "Planning", "Besluiten"):
        waarden = [r for r in boek[naam].iter_rows(values_only=True) if any(x is not None for x in r)]
        assert waarden[-1][0].startswith(NOG_NIET) and len(waarden) == 2  # the header and the note


def test_vijandige_namen_blijven_tekst_in_word_en_excel(leeg):
    store, dossier_id = leeg
    partij = store.voeg_partij_toe(dossier_id, PartijInvoer(VIJANDIG, "overig", "=HYPERLINK(\"x\")", "@SOM(1)"))
    store.plaats_partij(dossier_id, partij.id, 7, 8)
    rapport = exporteer_docx(store, dossier_id)
    assert VIJANDIG in _alle_tekst(Document(io.BytesIO(rapport)))
    with zipfile.ZipFile(io.BytesIO(rapport)) as archief:
        xml = archief.read("word/document.xml").decode("utf-8")
    assert "<script>" not in xml and "&lt;script&gt;&amp;" in xml
    blad = load_workbook(io.BytesIO(exporteer_xlsx(store, dossier_id)))["Partijen"]
    assert [c.value for c in blad[2]][:4] == [VIJANDIG, "Overig", "=HYPERLINK(\"x\")", "@SOM(1)"]
    assert {c.data_type for c in blad[2][:4]} == {"s"}  # no formula


def test_onbekend_dossier_geeft_een_nederlandse_melding(leeg):
    store, _dossier_id = leeg
    for exporteer in (exporteer_docx, exporteer_xlsx):
        with pytest.raises(OnbekendDossier, match="bestaat niet"):
            exporteer(store, "0123456789ab")


def test_bladnamen_passen_in_excel():
    assert all(bladnaam(naam) == naam for naam, _wat, _maker in BLADEN)
    schoon = bladnaam("Kosten: [wijk] / buurt? * \\ " * 3)
    assert len(schoon) <= MAX_BLADNAAM and not set(schoon) & set("[]:*?/\\")
