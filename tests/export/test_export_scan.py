"""The samenwerkingsscan in the Word report says what the page says: the same factor table, the same attention
points and the same verdict per factor between two rounds ('gelijk gebleven (0,0)', '+1,5 (hoger)')."""

from __future__ import annotations

import io

from docx import Document
from hulp import een, zichtbaar

from wijkkompas_widgets.export.docx import exporteer_docx
from wijkkompas_widgets.widgets.context import WerkboekContext
from wijkkompas_widgets.widgets.scan import SamenwerkingsscanOefening
from wijkkompas_widgets.widgets.scan_model import ScanModel


def word_tekst(inhoud: bytes) -> str:
    document = Document(io.BytesIO(inhoud))
    teksten = [a.text for a in document.paragraphs]
    teksten += [cel.text for tabel in document.tables for rij in tabel.rows for cel in rij.cells]
    return "\n".join(teksten)


def test_pagina_en_rapport_geven_dezelfde_vergelijking_en_aandachtspunten(lege_store, inhoud):
    dossier = lege_store.maak_dossier("Scanwijk")
    scan = inhoud.fase1.scan
    model = ScanModel(scan)
    model.open(lege_store, dossier.id)
    motivatie = {s.id for s in scan.stellingen_van(scan.factoren[0].id)}
    for ronde, scores in (("Nulmeting", {"Ria": 2, "Rob": 3}), ("Na een half jaar", {"Ria": 4, "Rob": 4})):
        model.maak_ronde(ronde)
        for naam, score in scores.items():
            model.begin(naam, "Gemeente" if naam == "Ria" else "Corporatie")
            for stelling in scan.stellingen:  # only motivation changes between the rounds
                model.beantwoord(stelling.id, score if stelling.id in motivatie else 3)
            model.dien_in()
            model.stop()

    oefening = SamenwerkingsscanOefening(WerkboekContext(lege_store, inhoud, dossier_id=dossier.id))
    een(oefening, "wk-scan-tabs").selected_index = 1
    pagina = " ".join(zichtbaar(een(oefening, klasse).value)
                      for klasse in ("wk-scan-factoren", "wk-scan-top3", "wk-scan-vergelijking"))
    woord = word_tekst(exporteer_docx(lege_store, dossier.id))
    assert "+1,5 (hoger)" in pagina and "gelijk gebleven (0,0)" in pagina
    for zin in ("+1,5 (hoger)", "gelijk gebleven (0,0)", "Gemiddelde (1–5)", "Aantal personen",
                "Vergelijking: Nulmeting en Na een half jaar"):
        assert zin in woord, zin
    for regel in ("Gemiddelde 3,0 (Organisatie", "Gespreksvraag"):
        assert regel in pagina and regel in woord, regel
