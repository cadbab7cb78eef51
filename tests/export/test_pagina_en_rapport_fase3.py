"""Phase 3's pages and the Word report say the same thing. Koppelkansen: the same ranking rows (place with ★ for
the top 3, scores, mean, decision), the same sentence when the top 3 holds more than three, the same lines for the
koppelkansen not fully scored. Warmtestrategieën: the same row per strategy, gas warning included. Opgavenmatrix:
the same sentences in the same lists and the same alt text. All come from ``leesmodel``; this test keeps it so."""

from __future__ import annotations

import io

from docx import Document
from hulp import een, zichtbaar

from wijkkompas_widgets.dossier import formulieren
from wijkkompas_widgets.dossier.records import KoppelkansInvoer, StrategieInvoer
from wijkkompas_widgets.dossier.store import DossierStore
from wijkkompas_widgets.export import exporteer_docx
from wijkkompas_widgets.leesmodel.koppelkansen import (
    gedeelde_top_zin,
    lees_koppelkansen,
    onvolledig_regels,
    ranglijst_rijen,
)
from wijkkompas_widgets.werkboek import open_werkboek


def rapport(store, dossier_id) -> tuple[list[str], list[list[str]]]:
    """The report's paragraphs and its table rows (cell texts)."""
    document = Document(io.BytesIO(exporteer_docx(store, dossier_id)))
    return ([p.text for p in document.paragraphs],
            [[c.text for c in rij.cells] for tabel in document.tables for rij in tabel.rows])


def pagina(url, dossier_id, knooppunt):
    return open_werkboek("x", store_url=url, query={"dossier": dossier_id}).kaart(knooppunt).oefening


def test_pagina_en_rapport_tonen_dezelfde_ranglijst(tmp_path):
    url = f"sqlite:///{tmp_path / 'dossiers.sqlite'}"
    store = DossierStore(url, voorbeeld=False)
    dossier = store.maak_dossier("Rangwijk")
    for titel, scores, besluit in (("Groene daken", (5, 5, 4), "gekozen"), ("Regenwater", (4, 4, 4), None),
                                   ("Laadpalen", (3, 3, 3), "niet"), ("Buurtbatterij", (3, 3, 3), None),
                                   ("Half gescoord", (5,), "niet")):
        kans = store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer(titel))
        kans = store.zet_koppelkans_scores(dossier.id, kans.id, dict(zip(("wensen", "extra-kosten", "doorlooptijd"),
                                                                         scores, strict=False)), kans.versie)
        if besluit:
            store.besluit_koppelkans(dossier.id, kans.id, besluit, "Afgesproken in het kernteam", kans.versie)
    rangschikking = lees_koppelkansen(store, dossier.id).rangschikking
    rijen, zin, onvolledig = ranglijst_rijen(rangschikking), gedeelde_top_zin(rangschikking), \
        onvolledig_regels(rangschikking)
    assert len(rijen) == 4 and zin.startswith("Er zijn 4 kansen in de top 3") and len(onvolledig) == 1

    kansen = pagina(url, dossier.id, "f3-strategieen-koppelkansen")
    ranglijst = zichtbaar(een(kansen, "wk-koppelkansen-ranglijst").value)
    alineas, tabelrijen = rapport(store, dossier.id)

    for rij in rijen:
        assert rij in tabelrijen
        assert " ".join(rij) in ranglijst
    assert zin in alineas and zin in ranglijst
    for regel in onvolledig:
        assert regel in alineas and regel in ranglijst


def test_pagina_en_rapport_tonen_dezelfde_strategieen_en_matrix(tmp_path):
    url = f"sqlite:///{tmp_path / 'dossiers.sqlite'}"
    store = DossierStore(url, voorbeeld=False)
    dossier = store.maak_dossier("Strategiewijk")
    kans = store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Riool en warmtenet samen"))
    store.besluit_koppelkans(dossier.id, kans.id, "gekozen", "", kans.versie)
    store.voeg_strategie_toe(dossier.id, StrategieInvoer("Hybride overgang", "S4", (kans.id,), "Start 2027. Noord",
                                                         "Eerst hybride, later groen gas"))
    store.voeg_strategie_toe(dossier.id, StrategieInvoer("Warmtenet", "S2"))
    store.bewaar_formulier(dossier.id, formulieren.OPGAVENMATRIX, {
        "energietransitie": {"klimaatadaptatie": 2, "mobiliteit": -2}, "klimaatadaptatie": {"energietransitie": 2},
        "mobiliteit": {"energietransitie": 1}}, 0)
    alineas, tabelrijen = rapport(store, dossier.id)

    lijst = zichtbaar(een(pagina(url, dossier.id, "f3-warmtestrategieen"), "wk-strategieen-lijst").value)
    [hybride] = [rij for rij in tabelrijen if rij[0] == "Hybride overgang"]
    assert "⚠ start vóór 2030: duurzaam gas is dan schaars" in hybride[1]
    assert " ".join(hybride) in lijst

    matrix = pagina(url, dossier.id, "f3-opgaven-verbinden")
    samenvatting = zichtbaar(een(matrix, "wk-matrix-samenvatting").value)
    zinnen = [a for a in alineas if "versterken elkaar" in a or "werkt sterk tegen" in a or "Scheef" in a]
    assert len(zinnen) == 3 and all(zin in samenvatting for zin in zinnen)
    assert "▲ Sterkste versterkingen" in alineas and "▲ Sterkste versterkingen" in samenvatting
    figuur = een(matrix, "wk-matrix-figuur").value
    assert 'alt="Heatmap van de opgavenmatrix, rij werkt op kolom. Energietransitie op Klimaatadaptatie: +2' in figuur
