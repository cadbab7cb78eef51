"""The koppelkansen model without any widget: what it holds after reading a dossier, and what each action saves,
says and reads back (also when a colleague was first)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from wijkkompas_widgets.dossier import GelijktijdigGewijzigd, InvoerFout, formulieren
from wijkkompas_widgets.dossier.records import KoppelkansInvoer, WerkInvoer
from wijkkompas_widgets.widgets.koppelkansen_model import KoppelkansenModel


@pytest.fixture
def dossier(lege_store):
    return lege_store.maak_dossier("Modelwijk")


@pytest.fixture
def model(lege_store, dossier):
    model = KoppelkansenModel()
    model.lees(lege_store, dossier.id)
    return model


def test_het_model_laadt_geen_ipywidgets():
    code = ("import sys; import wijkkompas_widgets.widgets.koppelkansen_model; "
            "sys.exit('ipywidgets' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_leeg_dossier(model):
    assert model.kansen == () and model.eigen == () and model.gekozen is None
    assert model.criteria == ("wensen", "extra-kosten", "doorlooptijd")
    assert model.rangschikking.gerangschikt == () and model.rangschikking.onvolledig == ()


def test_toevoegen_kiest_de_nieuwe_kans_en_scoren_rangschikt(model, lege_store, dossier):
    tekst = model.voeg_toe("Groene daken", "Met de corporatie")
    assert tekst == "'Groene daken' staat in het register. Geef de kans nu scores."
    assert model.gekozen.titel == "Groene daken" and model.gekozen_id == model.gekozen.id
    for sleutel, waarde in (("wensen", 5), ("extra-kosten", 4)):
        model.zet_score(sleutel, waarde)
    assert model.rangschikking.onvolledig[0].ontbrekend == ("doorlooptijd",)
    assert model.zet_score("doorlooptijd", 3) == ("Groene daken: score 'Tijd voor besluit en uitvoering (5 = kort)' "
                                                  "= 3 opgeslagen.")
    (eerste,) = model.rangschikking.gerangschikt
    assert (eerste.plaats, eerste.gemiddelde_tekst, eerste.in_top) == (1, "4,0", True)
    assert lege_store.koppelkans(dossier.id, eerste.kans_id).scores == {"wensen": 5, "extra-kosten": 4,
                                                                        "doorlooptijd": 3}
    model.zet_score("wensen", None)
    assert model.gekozen.scores == {"extra-kosten": 4, "doorlooptijd": 3}


def test_overnemen_uit_fase2(model, lege_store, dossier):
    assert model.neem_over() == (False, "Fase 2 heeft nog geen kandidaten: er zijn geen natuurlijke momenten (bij "
                                        "een marge van 2 jaar) en geen sociale koppelkansen. Voeg hieronder zelf "
                                        "kansen toe.")
    for omschrijving, eigenaar in (("Riool vervangen", "Gemeente"), ("Gasleiding vervangen", "Netbeheerder")):
        lege_store.voeg_werk_toe(dossier.id, WerkInvoer(omschrijving, eigenaar, "riolering", "Noord", "buurt",
                                                        2028, 2029))
    gelukt, tekst = model.neem_over()
    assert gelukt and tekst.startswith("1 kandidaat uit fase 2 toegevoegd")
    assert [k.herkomst for k in model.kansen] == ["natuurlijk-moment"]
    assert "1 overgeslagen omdat ze al in het register stonden" in model.neem_over()[1]


def test_eigen_criterium_toevoegen_en_weghalen(model, lege_store, dossier):
    model.voeg_toe("Groene daken", "")
    model.zet_score("wensen", 4)
    assert "Criterium 'Zichtbaar' toegevoegd" in model.voeg_criterium_toe("Zichtbaar")
    assert model.eigen == ("Zichtbaar",) and model.criteria[-1] == "Zichtbaar"
    with pytest.raises(InvoerFout, match="bestaat al"):
        model.voeg_criterium_toe("ZICHTBAAR")
    model.zet_score("Zichtbaar", 5)
    assert model.gekozen.scores == {"wensen": 4, "Zichtbaar": 5}
    # another page reads the same form
    ander = KoppelkansenModel()
    ander.lees(lege_store, dossier.id)
    assert ander.eigen == ("Zichtbaar",)
    assert model.haal_criterium_weg("Zichtbaar") == ("Criterium 'Zichtbaar' weggehaald; het telt niet meer mee in "
                                                     "de ranglijst.")
    assert model.eigen == () and "Zichtbaar" not in model.criteria
    model.zet_score("extra-kosten", 3)  # the removed criterion's score goes at the next save
    assert lege_store.koppelkans(dossier.id, model.gekozen_id).scores == {"wensen": 4, "extra-kosten": 3}
    gegevens, _versie = lege_store.formulier(dossier.id, formulieren.KOPPELKANSEN_CRITERIA)
    assert gegevens["eigen"] == {"zichtbaar": None}


def test_besluit_wijzigen_en_verwijderen(model, lege_store, dossier):
    with pytest.raises(InvoerFout, match="Kies eerst een koppelkans"):
        model.leg_besluit_vast("gekozen", "", "")
    model.voeg_toe("Buurtbatterij", "")
    with pytest.raises(InvoerFout, match="reden"):
        model.leg_besluit_vast("niet", "", "")
    assert model.leg_besluit_vast("niet", "Te duur", "gemeente") == ("'Buurtbatterij' is niet gekozen; het besluit "
                                                                     "staat in het besluitenlog.")
    assert (model.gekozen.besluit, model.gekozen.reden) == ("niet", "Te duur")
    assert model.wijzig("Buurtbatterij Noord", "") == "De koppelkans heet nu 'Buurtbatterij Noord'."
    assert model.wijzig("Buurtbatterij Noord", "Bij de school") == ("De omschrijving van 'Buurtbatterij Noord' is "
                                                                    "opgeslagen.")
    assert model.gekozen.besluit == "niet"  # renaming keeps the decision
    assert model.verwijder() == "'Buurtbatterij Noord' is uit het register gehaald."
    assert model.kansen == () and model.gekozen is None
    assert [b.wat for b in lege_store.besluiten(dossier.id)] == ["Koppelkans niet gekozen: Buurtbatterij"]


def test_een_collega_eerst_dan_wordt_niets_overschreven_en_toont_het_model_het_nieuwste(model, lege_store, dossier):
    model.voeg_toe("Groene daken", "")
    kans = model.gekozen
    lege_store.zet_koppelkans_scores(dossier.id, kans.id, {"wensen": 2}, kans.versie)
    with pytest.raises(GelijktijdigGewijzigd):
        model.zet_score("extra-kosten", 5)
    assert model.gekozen.scores == {"wensen": 2}
    assert lege_store.koppelkans(dossier.id, kans.id).scores == {"wensen": 2}


def test_keuze_verdwijnt_als_de_kans_weg_is_of_het_dossier_wisselt(model, lege_store, dossier):
    kans = lege_store.voeg_koppelkans_toe(dossier.id, KoppelkansInvoer("Laadpalen"))
    model.lees(lege_store, dossier.id)
    model.kies(kans.id)
    assert model.gekozen.titel == "Laadpalen"
    model.kies(9999)
    assert model.gekozen is None
    model.kies(kans.id)
    lege_store.verwijder_koppelkans(dossier.id, kans.id)
    model.lees(lege_store, dossier.id)
    assert model.gekozen_id is None and model.gekozen is None
    ander = lege_store.maak_dossier("Ander")
    lege_store.voeg_koppelkans_toe(ander.id, KoppelkansInvoer("Laadpalen"))
    model.lees(lege_store, ander.id)
    assert model.gekozen is None and [k.titel for k in model.kansen] == ["Laadpalen"]
