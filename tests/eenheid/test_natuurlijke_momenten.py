"""The read-model of the natural moments: the verdict per moment (the page and the report say it in these
words), why works fall together, and the team's margin from the dossier."""

from __future__ import annotations

import pytest

from wijkkompas_widgets.analysis.planning import STANDAARD_MARGE, natuurlijke_momenten
from wijkkompas_widgets.dossier import formulieren
from wijkkompas_widgets.dossier.records import Werk, WerkInvoer
from wijkkompas_widgets.leesmodel.planning import (
    AL_VOORBIJ,
    BEGINT_BINNENKORT,
    marge_van_dossier,
    momenten_van_dossier,
    samenvallen,
    waarom_een_kans,
    wanneer,
    werkregel,
)

JAAR = 2030


def werk(nummer: int, eigenaar: str, start: int, eind: int, gebied: str = "Merelstraat") -> Werk:
    invoer = WerkInvoer(f"Werk {nummer}", eigenaar, "riolering", gebied, "straat", start, eind)
    return Werk(**vars(invoer), id=nummer, versie=1)


def moment(start_a, eind_a, start_b, eind_b, marge=2):
    (uit,) = natuurlijke_momenten([werk(1, "Gemeente", start_a, eind_a), werk(2, "Netbeheerder", start_b, eind_b)],
                                  marge)
    return uit


@pytest.mark.parametrize(("werken", "verwacht"), [
    ((JAAR - 4, JAAR - 3, JAAR - 2, JAAR - 1), AL_VOORBIJ),
    ((JAAR - 1, JAAR + 1, JAAR, JAAR), BEGINT_BINNENKORT),  # runs now
    ((JAAR + 1, JAAR + 1, JAAR + 1, JAAR + 2), BEGINT_BINNENKORT),  # starts within two years
    ((JAAR + 2, JAAR + 3, JAAR + 3, JAAR + 3), ""),  # still room to combine
])
def test_wanneer_een_moment_nog_te_gebruiken_is(werken, verwacht):
    assert wanneer(moment(*werken), JAAR) == verwacht


def test_de_woorden_van_het_oordeel():
    assert (AL_VOORBIJ, BEGINT_BINNENKORT) == ("al voorbij", "⚠ begint binnenkort of loopt al")


def test_waarom_werken_samenvallen():
    assert samenvallen(moment(JAAR, JAAR + 2, JAAR + 1, JAAR + 1), 2) == "werken overlappen"
    assert samenvallen(moment(JAAR, JAAR, JAAR + 2, JAAR + 2), 2) == "werken liggen hoogstens 2 jaar uit elkaar"


class _Store:
    def __init__(self, marge_formulier, werken):
        self.marge_formulier, self.werken = marge_formulier, werken

    def formulier(self, _dossier_id, sleutel):
        assert sleutel == formulieren.NATUURLIJKE_MOMENTEN == "natuurlijke-momenten"
        return self.marge_formulier, 1

    def planning_werken(self, _dossier_id):
        return self.werken


def test_de_marge_van_het_dossier_en_de_momenten_die_erbij_horen():
    werken = [werk(1, "Gemeente", JAAR, JAAR), werk(2, "Netbeheerder", JAAR + 3, JAAR + 3)]
    assert marge_van_dossier(_Store({}, werken), "d") == STANDAARD_MARGE
    assert marge_van_dossier(_Store({"marge": 99}, werken), "d") == STANDAARD_MARGE  # out of range: default
    assert marge_van_dossier(_Store({"marge": True}, werken), "d") == STANDAARD_MARGE
    assert momenten_van_dossier(_Store({"marge": 2}, werken), "d") == (werken, [])
    gelezen, momenten = momenten_van_dossier(_Store({"marge": 3}, werken), "d")
    assert gelezen == werken and [m.partijen for m in momenten] == [("Gemeente", "Netbeheerder")]


def test_werkregel_en_waarom_een_kans():
    riool = werk(1, "Gemeente", JAAR, JAAR + 1)
    assert werkregel(riool) == f"Werk 1 — Gemeente, riolering vervangen of renoveren, {JAAR}–{JAAR + 1}, gepland"
    (soort, reden), = waarom_een_kans(moment(JAAR, JAAR, JAAR, JAAR))  # two sewer works: the kind once
    assert soort == "Riolering vervangen of renoveren" and "De straat gaat toch al open" in reden
