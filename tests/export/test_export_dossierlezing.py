"""How the exports read a dossier (``leesmodel.dossier.DossierVerzameling``): every part once, forms by their
declared key, and the sensitivity check with the team's own seed, so a report repeats what the page showed."""

from __future__ import annotations

from collections import Counter

import pytest

from wijkkompas_widgets.dossier import formulieren
from wijkkompas_widgets.dossier.store import DossierStore
from wijkkompas_widgets.export import exporteer_docx, exporteer_xlsx
from wijkkompas_widgets.leesmodel.dossier import DossierVerzameling


class TellendeStore:
    """The real store, counting every read: which method with which arguments."""

    def __init__(self, store: DossierStore):
        self._store = store
        self.gelezen: Counter = Counter()

    def __getattr__(self, naam: str):
        waarde = getattr(self._store, naam)
        if not callable(waarde) or naam.startswith("_"):
            return waarde

        def lees(*args, **kwargs):
            self.gelezen[(naam, args, tuple(sorted(kwargs.items())))] += 1
            return waarde(*args, **kwargs)

        return lees


@pytest.fixture(scope="module")
def voorbeeld(tmp_path_factory) -> tuple[DossierStore, str]:
    store = DossierStore(f"sqlite:///{tmp_path_factory.mktemp('lezing') / 'dossiers.sqlite'}")
    [dossier] = store.dossiers()
    return store, dossier.id


@pytest.mark.parametrize("exporteer", [exporteer_docx, exporteer_xlsx], ids=["word", "excel"])
def test_een_export_leest_elk_deel_van_het_dossier_een_keer(voorbeeld, exporteer):
    store, dossier_id = voorbeeld
    tellend = TellendeStore(store)
    assert exporteer(tellend, dossier_id)[:2] == b"PK"
    dubbel = {lezing: keer for lezing, keer in tellend.gelezen.items() if keer > 1}
    assert not dubbel, f"twee keer gelezen: {dubbel}"
    assert ("formulier", (dossier_id, formulieren.WOONLASTEN), ()) in tellend.gelezen  # by its declared key


def test_een_formulier_wordt_gelezen_onder_zijn_sleutel_en_is_leeg_als_het_er_niet_is(voorbeeld, lege_store):
    store, dossier_id = voorbeeld
    assert DossierVerzameling(store, dossier_id).formulier(formulieren.DOEL)  # the example has a goal
    leeg = lege_store.maak_dossier("Nog leeg")
    assert DossierVerzameling(lege_store, leeg.id).formulier(formulieren.DOEL) == {}


def test_de_gevoeligheid_herhaalt_het_startgetal_van_het_team(voorbeeld):
    store, dossier_id = voorbeeld
    zonder = DossierVerzameling(store, dossier_id).gevoeligheid
    assert zonder is not None and zonder.seed == 0  # never run: seed 0, so two exports agree
    assert DossierVerzameling(store, dossier_id).gevoeligheid.aandeel_eerste == zonder.aandeel_eerste
    gegevens, versie = store.formulier(dossier_id, formulieren.GEVOELIGHEID)
    store.bewaar_formulier(dossier_id, formulieren.GEVOELIGHEID, {**(gegevens or {}), "seed": 4242}, versie)
    try:
        assert DossierVerzameling(store, dossier_id).gevoeligheid.seed == 4242
    finally:
        _gegevens, versie = store.formulier(dossier_id, formulieren.GEVOELIGHEID)
        store.bewaar_formulier(dossier_id, formulieren.GEVOELIGHEID, gegevens or {}, versie)
