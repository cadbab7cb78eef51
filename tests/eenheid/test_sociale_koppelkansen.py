"""Sociale koppelkansen per gemeentelijk domein: the domains in the content, a koppelkans needs a name, a domain
and an opgave, and the domain × opgave matrix shows where no social partner is yet."""

from __future__ import annotations

import pytest

from wijkkompas_widgets.analysis.domeinen import (
    DomeinInvoer,
    controleer_domein,
    domein_opgave_matrix,
    lees_formulier,
    nieuwe_koppelkans,
    opgaven_zonder_sociale_partner,
)
from wijkkompas_widgets.content import ContentFout, laad_inhoud
from wijkkompas_widgets.dossier import InvoerFout

OPGAVEN = ["energietransitie", "klimaatadaptatie", "natuurinclusiviteit", "mobiliteit", "verstedelijking",
           "sociaaleconomisch"]


def test_domeinen_in_de_inhoud(inhoud):
    assert len(inhoud.fase2.domeinen) >= 8
    for domein in inhoud.fase2.domeinen:
        assert set(domein.opgaven) <= set(OPGAVEN) and domein.voorbeelden


def test_een_domein_met_onbekende_opgave_wordt_gemeld(content_kopie):
    pad = content_kopie / "fase2.yaml"
    pad.write_text(pad.read_text(encoding="utf-8").replace("opgaven: [sociaaleconomisch]\n",
                                                           "opgaven: [armoede]\n", 1), encoding="utf-8")
    with pytest.raises(ContentFout, match=r"sociaal-domein.*onbekende opgave"):
        laad_inhoud(content_kopie)


def test_koppelkans_vraagt_naam_domein_en_opgave_en_geen_dubbele():
    domeinen = {"armoede-en-schulden", "gezondheid"}
    kans = nieuwe_koppelkans(" Energiecoach ", "armoede-en-schulden", ("sociaaleconomisch",), "", [], domeinen,
                             OPGAVEN)
    assert kans.titel == "Energiecoach" and kans.aangemaakt
    with pytest.raises(InvoerFout, match="al een koppelkans"):
        nieuwe_koppelkans("energiecoach", "gezondheid", ("mobiliteit",), "", [kans], domeinen, OPGAVEN)
    with pytest.raises(InvoerFout, match="domein"):
        nieuwe_koppelkans("Iets", "", ("mobiliteit",), "", [], domeinen, OPGAVEN)
    with pytest.raises(InvoerFout, match="minstens één"):
        nieuwe_koppelkans("Iets", "gezondheid", (), "", [], domeinen, OPGAVEN)
    with pytest.raises(InvoerFout):
        nieuwe_koppelkans("   ", "gezondheid", ("mobiliteit",), "", [], domeinen, OPGAVEN)


def test_domein_houdt_de_volgorde_van_de_opgaven_en_weigert_onbekende():
    invoer = controleer_domein(DomeinInvoer("wonen", "Prestatieafspraken", "", ("sociaaleconomisch",
                                                                                  "energietransitie")),
                               {"wonen"}, OPGAVEN)
    assert invoer.opgaven == ("energietransitie", "sociaaleconomisch")
    with pytest.raises(InvoerFout):
        controleer_domein(DomeinInvoer("wonen", "x", "", ("ruimtevaart",)), {"wonen"}, OPGAVEN)


def test_matrix_telt_domeinen_en_koppelkansen_en_toont_gaten():
    gegevens = {
        "domeinen": {"wonen": {"programma": "Woonvisie", "opgaven": ["energietransitie"]},
                     "gezondheid": {"programma": "", "behoefte": "", "opgaven": ["klimaatadaptatie"]}},
        "koppelkansen": {
            "a": {"titel": "A", "domein": "wonen", "opgaven": ["energietransitie", "verstedelijking"],
                  "aangemaakt": "2026-01-02"},
            "b": None,  # removed
        },
    }
    domeinen, kansen = lees_formulier(gegevens, ["wonen", "gezondheid"])
    assert [k.titel for k in kansen] == ["A"]
    matrix = domein_opgave_matrix(domeinen, kansen, OPGAVEN)
    assert matrix["wonen"]["energietransitie"] == 2 and matrix["wonen"]["verstedelijking"] == 1
    assert matrix["gezondheid"]["klimaatadaptatie"] == 0  # an empty domain links nothing
    assert "mobiliteit" in opgaven_zonder_sociale_partner(matrix, OPGAVEN)
