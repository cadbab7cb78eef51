"""Notebooks stay thin and are committed without outputs."""

from __future__ import annotations

import json

import pytest

from wijkkompas_widgets.paths import notebooks_dir

NOTEBOOKS = sorted(notebooks_dir().glob("*.ipynb"))


def test_alle_notebooks_zijn_er():
    assert [p.name for p in NOTEBOOKS] == [
        "00_welkom.ipynb", "01_samen_starten.ipynb", "02_karakteriseren.ipynb", "03_strategieen.ipynb",
        "04_keuzes.ipynb", "workshop_begeleider.ipynb", "workshop_deelnemer.ipynb",
    ]


@pytest.mark.parametrize("pad", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_zonder_uitvoer_en_met_dunne_codecellen(pad):
    notebook = json.loads(pad.read_text(encoding="utf-8"))
    assert notebook["metadata"].get("title"), "de paginatitel in Voilà komt uit de metadata"
    for cel in notebook["cells"]:
        if cel["cell_type"] == "code":
            assert cel["outputs"] == [] and cel["execution_count"] is None
            assert len("".join(cel["source"]).splitlines()) <= 3, "logica hoort in het pakket"
