"""The page and the Word report say the same thing: one dossier rendered through the exercises (as a user reads
them) and through the report (its paragraphs and table cells), and the same sentences found in both.

Both take their wording from ``leesmodel``; this test is what keeps it that way. The example dossier gets a
second scan round with the same answers (so every factor 'stayed the same') and two pairs of planned works, one
long past and one starting this year, so every verdict the comparison knows appears at least once.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pytest
from docx import Document
from hulp import een, knop, tekst, zichtbaar

from wijkkompas_widgets.cbs.data import NL_LABEL
from wijkkompas_widgets.dossier.records import WerkInvoer
from wijkkompas_widgets.dossier.store import DossierStore
from wijkkompas_widgets.export import exporteer_docx
from wijkkompas_widgets.leesmodel.besluitenlog import KOPPEN
from wijkkompas_widgets.leesmodel.planning import AL_VOORBIJ, BEGINT_BINNENKORT
from wijkkompas_widgets.werkboek import open_werkboek

GELIJK = "gelijk gebleven"


def schoon(waarde: str) -> str:
    """Text as a reader compares it: line breaks and runs of spaces are one space, no-break spaces too, and no
    space before a comma or a full stop (``zichtbaar`` puts one where a tag such as ``</b>`` ended)."""
    return re.sub(r" ([,.;:])", r"\1", " ".join(waarde.replace("\u00a0", " ").split()))


@pytest.fixture(scope="module")
def dossier(tmp_path_factory) -> tuple[str, str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('pagina-en-rapport') / 'dossiers.sqlite'}"
    store = DossierStore(url)
    [voorbeeld] = store.dossiers()
    # a second scan round in which everyone answers as in the first
    [eerste] = store.scan_rondes(voorbeeld.id)
    tweede = store.maak_scan_ronde(voorbeeld.id, "Ronde 2 (herhaling)")
    for oud in store.scan_responsen(voorbeeld.id, eerste.id):
        nieuw = store.start_respons(voorbeeld.id, tweede.id, oud.naam, oud.organisatie)
        for stelling_id, waarde in oud.antwoorden.items():
            store.beantwoord_stelling(voorbeeld.id, nieuw.id, stelling_id, waarde)
        store.dien_in(voorbeeld.id, nieuw.id)
    # two natural moments whose verdicts the example does not have: one long past, one starting now
    sjabloon = store.planning_werken(voorbeeld.id)[0]
    jaar = date.today().year
    for gebied, begin, eind in (("Oude haven (test)", 2008, 2009), ("Stationsbuurt (test)", jaar, jaar + 1)):
        for eigenaar in ("Gemeente Testdorp", "Netbeheerder Test"):
            store.voeg_werk_toe(voorbeeld.id, replace(sjabloon.als_invoer(), omschrijving=f"Werk in {gebied}",
                                                      eigenaar=eigenaar, gebied=gebied, start_jaar=begin,
                                                      eind_jaar=eind))
    assert isinstance(sjabloon.als_invoer(), WerkInvoer)
    return url, voorbeeld.id


@pytest.fixture(scope="module")
def rapport(dossier):
    """The report as a reader of Word sees it: its paragraphs and its tables (rows of cell texts)."""
    url, dossier_id = dossier
    document = Document(io.BytesIO(exporteer_docx(DossierStore(url), dossier_id)))
    alineas = [schoon(p.text) for p in document.paragraphs if p.text.strip()]
    tabellen = [[[schoon(cel.text) for cel in rij.cells] for rij in tabel.rows] for tabel in document.tables]
    return alineas, tabellen


@pytest.fixture(scope="module")
def werkboek(dossier):
    url, dossier_id = dossier
    return open_werkboek("00_welkom.ipynb", store_url=url, query={"dossier": dossier_id})


def pagina(werkboek, knooppunt_id: str) -> str:
    return schoon(tekst(werkboek.kaart(knooppunt_id).oefening))


def tabel_met_kop(tabellen, kop) -> list[list[str]]:
    [gevonden] = [t for t in tabellen if t[0] == list(kop)]
    return gevonden


def test_het_besluitenlog_heeft_op_de_pagina_en_in_het_rapport_dezelfde_regels(werkboek, rapport):
    _alineas, tabellen = rapport
    rijen = tabel_met_kop(tabellen, KOPPEN)[1:]
    log = schoon(tekst(werkboek.besluitenlog()))
    assert len(rijen) >= 4
    for rij in rijen:  # a row reads the same, cell after cell (empty cells show nothing on either)
        assert " ".join(cel for cel in rij if cel) in log


def test_de_natuurlijke_momenten_krijgen_hetzelfde_oordeel(werkboek, rapport):
    alineas, _tabellen = rapport
    in_rapport = [re.sub(r"^◆ Moment \d+: ", "", a) for a in alineas if a.startswith("◆ Moment ")]
    oefening = werkboek.kaart("f2-natuurlijke-momenten").oefening
    op_pagina = [schoon(blok) for blok in zichtbaar(een(oefening, "wk-planning-momenten").value).split("◆ ")[1:]]
    assert len(op_pagina) == len(in_rapport) >= 4
    for zin, blok in zip(in_rapport, op_pagina, strict=True):
        wat, partijen = zin.removesuffix(".").split(". Partijen: ")
        for oordeel in (AL_VOORBIJ, BEGINT_BINNENKORT):
            assert (oordeel in wat) == (oordeel in blok), (zin, blok)
            wat = wat.removesuffix(f" ({oordeel})")
        assert wat in blok and f"Partijen: {partijen}" in blok
    alles = " ".join(in_rapport)
    assert AL_VOORBIJ in alles and BEGINT_BINNENKORT in alles


def test_de_vergelijking_van_twee_scanrondes_zegt_hetzelfde(werkboek, rapport):
    alineas, tabellen = rapport
    assert "Vergelijking: Ronde 1 (voorbeeld) en Ronde 2 (herhaling)" in alineas
    rijen = tabel_met_kop(tabellen, ["Factor", "Ronde 1 (voorbeeld)", "Ronde 2 (herhaling)", "Verandering"])[1:]
    scan = werkboek.kaart("f1-samenwerkingsscan").oefening
    een(scan, "wk-scan-tabs").selected_index = 1  # the tab 'Resultaten': the latest round, against the one before
    vergelijking = schoon(zichtbaar(een(scan, "wk-scan-vergelijking").value))
    assert rijen and all(GELIJK in rij[-1] for rij in rijen)  # the same answers: nothing changed
    for rij in rijen:
        assert " ".join(rij) in vergelijking


def test_de_afweging_noemt_dezelfde_winnaar_en_volgorde(werkboek, rapport):
    alineas, _tabellen = rapport
    [uitkomst] = [a.removeprefix("Uitkomst: ") for a in alineas if a.startswith("Uitkomst: ")]
    plaatsen = [a for a in alineas if re.match(r"^\d+\. .* — gewogen score \d", a)]
    afweging = pagina(werkboek, "f4-strategieen-afwegen")
    assert "staat bovenaan" in uitkomst and uitkomst in afweging
    assert len(plaatsen) == 3
    for plaats in plaatsen:
        assert plaats in afweging


def test_het_wijkprofiel_noemt_dezelfde_bron(werkboek, rapport):
    alineas, _tabellen = rapport
    [bron] = [a for a in alineas if a.startswith("Bron: CBS")]
    cbs = bron.split(f". {NL_LABEL}")[0]
    assert "Kerncijfers wijken en buurten" in cbs
    assert cbs in pagina(werkboek, "f2-wijkprofiel")


def test_de_gevoeligheid_die_het_team_berekende_staat_zo_in_het_rapport(dossier, werkboek):
    """'Hoe stevig is de winnaar?' with a new seed on the page; the report made afterwards repeats that check."""
    url, dossier_id = dossier
    afweging = werkboek.kaart("f4-strategieen-afwegen").oefening
    knop(afweging, "Opnieuw, met een nieuw startgetal").click()
    op_pagina = schoon(zichtbaar(een(afweging, "wk-afweging-gevoeligheid").value))
    document = Document(io.BytesIO(exporteer_docx(DossierStore(url), dossier_id)))
    alineas = [schoon(p.text) for p in document.paragraphs if p.text.strip()]
    start = alineas.index("Hoe stevig is de winnaar?")
    [oordeel] = [a for a in alineas[start:] if a.startswith("Oordeel: ")][:1]
    herhaalbaar = next(a for a in alineas[start:] if a.startswith("Herhaalbaar met startgetal (seed) "))
    zinnen = alineas[alineas.index(oordeel) + 1:alineas.index(herhaalbaar)]
    zinnen = [z for z in zinnen if not z.startswith("Gevoeligheid voor de weging")]  # the figure's caption
    assert oordeel.removesuffix(".") in op_pagina
    assert zinnen and all(zin in op_pagina for zin in zinnen)
    assert herhaalbaar in op_pagina  # the same seed, the same number of draws
