"""The example dossier fills the phase 3–4 forms on participation, decision making, koppelkansen for the plan and
inspraak, so a newcomer sees them worked out. These tests make sure the example would pass the same strict checks
as a user's input (it is written straight into the store) and loses nothing when the pages read it."""

from __future__ import annotations

import pytest

from wijkkompas_widgets.analysis.besluitvorming import conflicten, controleer_besluitvorming, lees_besluitvorming
from wijkkompas_widgets.analysis.inspraak import controleer_inspraak, inspraak_stand, lees_inspraak
from wijkkompas_widgets.analysis.participatie import (
    controleer_participatievormen,
    controleer_strategie,
    lees_participatievormen,
    lees_strategie,
    strategie_als_dict,
    vormen_als_dict,
)
from wijkkompas_widgets.analysis.wup import controleer_te_verbinden, lees_te_verbinden
from wijkkompas_widgets.dossier.store import DossierStore


@pytest.fixture(scope="module")
def voorbeeld(tmp_path_factory):
    store = DossierStore(f"sqlite:///{tmp_path_factory.mktemp('voorbeeld') / 'dossiers.sqlite'}")
    [dossier] = store.dossiers()
    return store, dossier.id


def test_participatie_van_het_voorbeeld_is_geldig_en_gaat_heel_mee(voorbeeld):
    store, dossier_id = voorbeeld
    partijen = {p.id for p in store.partijen(dossier_id)}
    opgeslagen = store.formulier(dossier_id, "participatievormen")[0]
    vormen = controleer_participatievormen(lees_participatievormen(opgeslagen), partijen)
    assert [d.naam for d in vormen.doelgroepen][:2] == ["Huurders van de corporatie", "Particuliere eigenaar-bewoners"]
    assert vormen.doelgroepen[0].partij_id in partijen
    assert lees_participatievormen(vormen_als_dict(vormen)) == vormen

    strategie = controleer_strategie(lees_strategie(store.formulier(dossier_id, "participatiestrategie")[0]))
    assert strategie.vraag.endswith("?") and len(strategie.momenten) == 3
    assert lees_strategie(strategie_als_dict(strategie)) == strategie


def test_besluitvormingsplanning_van_het_voorbeeld_klopt_zonder_conflicten(voorbeeld):
    store, dossier_id = voorbeeld
    partijen = {p.id: p.naam for p in store.partijen(dossier_id)}
    planning = controleer_besluitvorming(lees_besluitvorming(store.formulier(dossier_id, "besluitvorming")[0]),
                                         set(partijen))
    assert len(planning.besluiten) == 5 and all(b.partij_id in partijen for b in planning.besluiten)
    assert conflicten(planning, partijen) == []


def test_koppelkansen_voor_het_plan_en_inspraak_van_het_voorbeeld(voorbeeld):
    store, dossier_id = voorbeeld
    partijen = {p.id for p in store.partijen(dossier_id)}
    titels = {k.id: k.titel for k in store.koppelkansen(dossier_id)}
    keuzes = controleer_te_verbinden(lees_te_verbinden(store.formulier(dossier_id, "te_verbinden")[0]), titels,
                                     partijen)
    assert [titels[k.koppelkans_id][:17] for k in keuzes.kansen] == ["Samen de straat o", "Energiecoach gaat"]
    assert all(k.besluit == "meenemen" and k.eigenaar in partijen for k in keuzes.kansen)

    gegevens = store.formulier(dossier_id, "inspraak")[0]
    controleer_inspraak(lees_inspraak(gegevens))
    assert inspraak_stand(gegevens).momenten == 2 and inspraak_stand(gegevens).reacties == 0
