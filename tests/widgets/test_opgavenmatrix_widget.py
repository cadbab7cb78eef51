"""'Opgaven met elkaar verbinden' without a browser: every cell of the opgave × opgave matrix is saved as it is
chosen, summarised in words and drawn; a colleague's save shows at once."""

from __future__ import annotations

import pytest
from hulp import een, kies, melding, met_klasse, tekst, veld, zichtbaar

from wijkkompas_widgets import teksten
from wijkkompas_widgets.dossier import formulieren
from wijkkompas_widgets.werkboek import open_werkboek
from wijkkompas_widgets.widgets.context import maak_context
from wijkkompas_widgets.widgets.opgavenmatrix import OpgavenMatrixOefening

MATRIX = "f3-opgaven-verbinden"


def cel(scherm, van: str, naar: str):
    return een(scherm, f"wk-matrix-{van}-{naar}")


@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Matrixwijk")


def test_matrix_cel_wordt_meteen_bewaard_en_samengevat(store_url, lege_store, dossier):
    scherm = open_werkboek("x", store_url=store_url, query={"dossier": dossier.id}).kaart(MATRIX).oefening
    assert len(met_klasse(scherm, "wk-matrix-cel")) == 30
    assert "0 van de 30" in zichtbaar(een(scherm, "wk-matrix-samenvatting").value)
    assert cel(scherm, "energietransitie", "klimaatadaptatie").description == (
        "Werken aan Energietransitie: effect op Klimaatadaptatie")
    cel(scherm, "energietransitie", "klimaatadaptatie").value = 2
    assert melding(scherm) == "✔ Werken aan Energietransitie → Klimaatadaptatie: +2 versterkt sterk opgeslagen."
    cel(scherm, "klimaatadaptatie", "energietransitie").value = 2
    cel(scherm, "mobiliteit", "natuurinclusiviteit").value = -2
    cel(scherm, "verstedelijking", "sociaaleconomisch").value = 1
    cel(scherm, "sociaaleconomisch", "verstedelijking").value = -1
    gegevens, _versie = lege_store.formulier(dossier.id, formulieren.OPGAVENMATRIX)
    assert gegevens["energietransitie"]["klimaatadaptatie"] == 2 and gegevens["mobiliteit"]["natuurinclusiviteit"] == -2
    samenvatting = zichtbaar(een(scherm, "wk-matrix-samenvatting").value)
    assert "5 van de 30" in samenvatting
    assert "Energietransitie en Klimaatadaptatie versterken elkaar sterk" in samenvatting
    assert "Werken aan Mobiliteit werkt sterk tegen Natuurinclusiviteit (−2)" in samenvatting
    assert "Scheef: werken aan Verstedelijking versterkt Sociaaleconomisch (+1)" in samenvatting
    # the chart's alt text names every filled cell
    assert "Mobiliteit op Natuurinclusiviteit: −2" in een(scherm, "wk-matrix-figuur").value

    veld(scherm, "Uitwerken en bespreken").value = "Warmtenet + groen in de Noordbuurt uitwerken"
    assert melding(scherm) == "✔ Notities opgeslagen."
    opnieuw = open_werkboek("x", store_url=store_url, query={"dossier": dossier.id}).kaart(MATRIX).oefening
    assert cel(opnieuw, "mobiliteit", "natuurinclusiviteit").value == -2
    assert cel(opnieuw, "natuurinclusiviteit", "mobiliteit").label == "– nog leeg –"  # onbekend, not 0
    assert veld(opnieuw, "Uitwerken en bespreken").value == "Warmtenet + groen in de Noordbuurt uitwerken"
    # back to empty is saved as empty
    kies(cel(opnieuw, "mobiliteit", "natuurinclusiviteit"), "– nog leeg –")
    assert lege_store.formulier(dossier.id, formulieren.OPGAVENMATRIX)[0]["mobiliteit"]["natuurinclusiviteit"] is None


def test_een_waarde_buiten_de_schaal_wordt_geweigerd(store_url, lege_store, dossier):
    scherm = open_werkboek("x", store_url=store_url, query={"dossier": dossier.id}).kaart(MATRIX).oefening
    veld(scherm, "Uitwerken en bespreken").value = "x" * 5000
    assert "Niet gelukt" in melding(scherm)
    assert "notities" not in lege_store.formulier(dossier.id, formulieren.OPGAVENMATRIX)[0]


def test_matrix_ververst_als_een_collega_opslaat(store_url, lege_store, dossier):
    wb = open_werkboek("x", store_url=store_url, query={"dossier": dossier.id})
    scherm = wb.kaart(MATRIX).oefening
    lege_store.bewaar_formulier(dossier.id, formulieren.OPGAVENMATRIX, {"mobiliteit": {"verstedelijking": 1}}, 0)
    wb.context.gewijzigd()
    assert cel(scherm, "mobiliteit", "verstedelijking").value == 1
    cel(scherm, "energietransitie", "mobiliteit").value = -1
    gegevens = lege_store.formulier(dossier.id, formulieren.OPGAVENMATRIX)[0]
    assert gegevens["mobiliteit"]["verstedelijking"] == 1 and gegevens["energietransitie"]["mobiliteit"] == -1


def test_zonder_dossier_een_uitnodiging_en_daarna_de_matrix(store_url, lege_store, dossier):
    context = maak_context(store_url, {})
    context.dossier_id = None  # (opening the store placed the example dossier; act as if none is chosen)
    scherm = OpgavenMatrixOefening(context)
    assert teksten.GEEN_DOSSIER in tekst(scherm) and not met_klasse(scherm, "wk-matrix-cel", alleen_zichtbaar=True)
    context.dossier_id = dossier.id
    assert len(met_klasse(scherm, "wk-matrix-cel", alleen_zichtbaar=True)) == 30
