"""Testing the picture of the wijk with residents: the verdict per statement, statements taken from the
wijkprofiel's notes without duplicates, and counts that must be whole numbers."""

from __future__ import annotations

import pytest

from wijkkompas_widgets.analysis.beeld import (
    OORDEEL_SYMBOOL,
    Uitspraak,
    controleer_telling,
    lees_uitspraken,
    nieuwe_uitspraak,
    uitspraken_uit_notities,
    werkvormen,
)
from wijkkompas_widgets.dossier import InvoerFout


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


def test_elk_oordeel_heeft_een_symbool_en_werkvormen_zijn_aangevinkt_of_niet():
    oordelen = {Uitspraak("a", "x", h, k).oordeel for h, k in ((0, 0), (8, 1), (1, 6), (4, 3))}
    assert set(OORDEEL_SYMBOOL) == oordelen
    assert OORDEEL_SYMBOOL["schuurt"] == "✘ schuurt"
    assert werkvormen({"werkvormen": {"wandeling": True, "markt": False, "online": 1}}) == {"wandeling": True,
                                                                                             "online": True}
    assert werkvormen({"werkvormen": ["wandeling"]}) == {} == werkvormen({})
