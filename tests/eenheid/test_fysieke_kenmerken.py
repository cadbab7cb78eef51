"""The answers to the six technical questions as page and report read them: odd saved values become empty, an
unknown certainty 'nog uitzoeken', and a question without an answer or certainty is still to be found out."""

from __future__ import annotations

from wijkkompas_widgets.leesmodel.fysieke_kenmerken import ZEKERHEID, ZEKERHEID_LABEL, lees_antwoorden


def test_zekerheid_labels_in_de_volgorde_van_de_keuzelijst():
    assert [sleutel for _label, sleutel in ZEKERHEID] == ["uitzoeken", "schatting", "onderbouwd"]
    assert ZEKERHEID_LABEL["uitzoeken"] == "– nog uitzoeken –"


def test_antwoorden_in_de_volgorde_van_de_vragen_en_wat_nog_uit_te_zoeken_is(inhoud):
    vragen = inhoud.fase2.technische_vragen
    antwoorden = lees_antwoorden({
        "vraag-netten": {"antwoord": "Ruimte tot 2030", "bron": "Netbeheerder", "zekerheid": "onderbouwd"},
        "vraag-nu": {"antwoord": "  ", "zekerheid": "zeker weten"},
        "vraag-piek": "rommel",
        "vraag-bronnen": {"antwoord": "Aquathermie", "zekerheid": "uitzoeken"},
    }, vragen)
    assert [a.vraag.id for a in antwoorden] == [v.id for v in vragen]
    per_id = {a.vraag.id: a for a in antwoorden}
    assert per_id["vraag-netten"].beantwoord and not per_id["vraag-netten"].uit_te_zoeken
    assert per_id["vraag-nu"].zekerheid == "uitzoeken" and not per_id["vraag-nu"].beantwoord
    assert per_id["vraag-piek"].antwoord == "" and per_id["vraag-piek"].uit_te_zoeken
    assert per_id["vraag-bronnen"].beantwoord and per_id["vraag-bronnen"].uit_te_zoeken  # answered, not sure yet
