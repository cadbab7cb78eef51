"""Phase 2: the six technical questions and testing the picture of the wijk with residents."""

from __future__ import annotations

import html
import re

import pytest

from wijkkompas_widgets.analysis.beeld import (
    Uitspraak,
    controleer_telling,
    lees_uitspraken,
    nieuwe_uitspraak,
    uitspraken_uit_notities,
)
from wijkkompas_widgets.dossier import InvoerFout
from wijkkompas_widgets.werkboek import open_werkboek


def zichtbaar(tekst: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", tekst))


def oefening(store_url, dossier_id, knooppunt_id):
    return open_werkboek("x", store_url=store_url, query={"dossier": dossier_id}).kaart(knooppunt_id).oefening


@pytest.mark.parametrize(("herkend", "klopt_niet", "oordeel"), [
    (0, 0, "nog niet getoetst"), (8, 1, "herkend"), (1, 6, "schuurt"), (4, 3, "verdeeld"),
])
def test_oordeel_per_uitspraak_in_woorden(herkend, klopt_niet, oordeel):
    assert Uitspraak("a", "x", herkend, klopt_niet).oordeel == oordeel


def test_uitspraken_uit_notities_zonder_dubbele_en_lege_regels():
    bestaande = [Uitspraak("a", "Veel ouderen")]
    regels = uitspraken_uit_notities("- veel ouderen\n\n• Weinig groen\nWeinig groen\n", bestaande)
    assert regels == ["Weinig groen"]
    with pytest.raises(InvoerFout, match="staat al"):
        nieuwe_uitspraak("VEEL  ouderen", bestaande)
    with pytest.raises(InvoerFout, match="aantal mensen"):
        controleer_telling(-1, "Herkend")
    assert lees_uitspraken({"uitspraken": {"x": None, "y": {"tekst": "B", "herkend": "veel"}}})[0].herkend == 0


def test_technische_vragen_per_veld_bewaard_met_cijfers_uit_het_profiel(store_url, store):
    voorbeeld = next(d for d in store.dossiers() if d.is_voorbeeld)
    technisch = oefening(store_url, voorbeeld.id, "f2-fysieke-kenmerken")
    assert "800 m³" in zichtbaar(technisch._blokken["vraag-nu"].cijfers.value)  # CBS 2022, Groenoord en Kethel
    assert "natuurlijke moment" in zichtbaar(technisch._blokken["vraag-plannen"].cijfers.value)
    collega = oefening(store_url, voorbeeld.id, "f2-fysieke-kenmerken")
    technisch._blokken["vraag-netten"].antwoord.value = "Netbeheerder: ruimte tot 2030"
    collega._blokken["vraag-bronnen"].bron.value = "Waterschap"  # another question: merged, not refused
    collega._blokken["vraag-bronnen"].zekerheid.value = "schatting"
    gegevens = store.formulier(voorbeeld.id, "fysieke_kenmerken")[0]
    assert gegevens["vraag-netten"]["antwoord"] == "Netbeheerder: ruimte tot 2030"
    assert gegevens["vraag-bronnen"] == {"bron": "Waterschap", "zekerheid": "schatting"}
    opnieuw = oefening(store_url, voorbeeld.id, "f2-fysieke-kenmerken")
    assert opnieuw._blokken["vraag-netten"].antwoord.value == "Netbeheerder: ruimte tot 2030"
    assert "Hoeveel ruimte hebben het gas- en elektriciteitsnet" not in zichtbaar(
        opnieuw._samenvatting.value.split("Nog uit te zoeken")[0])
    assert "Nog uit te zoeken" in zichtbaar(opnieuw._samenvatting.value)


def test_beeld_toetsen_van_notities_tot_verwerking(store_url, store):
    voorbeeld = next(d for d in store.dossiers() if d.is_voorbeeld)
    beeld = oefening(store_url, voorbeeld.id, "f2-beeld-toetsen")
    beeld._opslaan.click()
    assert "Voeg eerst een uitspraak toe" in zichtbaar(beeld._melding.value) or beeld._kies.value
    aantal_voor = len(beeld._kies.options)
    beeld._uit_notities.click()  # the example's 'wat valt op' lines become statements
    assert len(beeld._kies.options) == aantal_voor + 4
    beeld._uit_notities.click()
    assert "geen nieuwe regels" in zichtbaar(beeld._melding.value)

    beeld._nieuw.value = "Bewoners <b>willen</b> eerst weten wat het kost"
    beeld._toevoegen.click()
    beeld._herkend.value = 2
    beeld._klopt_niet.value = 9
    beeld._gemist.value = "Zorgen over overlast"
    beeld._opslaan.click()
    assert "opgeslagen" in zichtbaar(beeld._melding.value)
    overzicht = beeld._overzicht.value
    assert "&lt;b&gt;willen&lt;/b&gt;" in overzicht and "✘ schuurt" in overzicht
    assert "nog niet wat jullie ermee doen" in zichtbaar(overzicht)
    beeld._vormen["wandeling"].value = True

    opnieuw = oefening(store_url, voorbeeld.id, "f2-beeld-toetsen")
    assert opnieuw._vormen["wandeling"].value is True
    assert "Zorgen over overlast" in zichtbaar(opnieuw._overzicht.value)
    opnieuw._kies.value = next(v for label, v in opnieuw._kies.options if label.startswith("Bewoners"))
    opnieuw._verwijder.click()
    opnieuw._bevestig.click()
    assert "Zorgen over overlast" not in zichtbaar(opnieuw._overzicht.value)
