"""A non-editable install carries content, notebooks, template and migrations inside the package."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wiel(tmp_path_factory):
    pytest.importorskip("hatchling", reason="hatchling (build backend) is nodig om een wheel te bouwen")
    doel = tmp_path_factory.mktemp("wiel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(doel), str(REPO)],
        check=True,
        timeout=300,
    )
    return next(doel.glob("wijkkompas_widgets-*.whl"))


def test_wheel_bevat_inhoud_notebooks_template_en_migraties(wiel):
    namen = set(zipfile.ZipFile(wiel).namelist())
    for verwacht in (
        "wijkkompas_widgets/_data/knooppunten/f1-juiste-partijen.md",
        "wijkkompas_widgets/_data/voorbeelddossier.yaml",
        "wijkkompas_widgets/_notebooks/00_welkom.ipynb",
        "wijkkompas_widgets/share/jupyter/voila/templates/wijkkompas/index.html.j2",
        "wijkkompas_widgets/dossier/migraties/env.py",
        "wijkkompas_widgets/dossier/migraties/versions/0002_macht_belang.py",
    ):
        assert verwacht in namen


def test_uitgepakt_wheel_vindt_alles_zonder_broncode(wiel, tmp_path):
    zipfile.ZipFile(wiel).extractall(tmp_path / "site")
    script = (
        "from wijkkompas_widgets import paths; from wijkkompas_widgets.content import laad_inhoud; "
        "from wijkkompas_widgets.dossier.store import DossierStore; "
        f"s = DossierStore('sqlite:///{tmp_path}/d.sqlite'); "
        "print(paths.data_dir()); print(paths.notebooks_dir()); print(len(laad_inhoud().knooppunten)); "
        "print(s.dossiers()[0].naam)"
    )
    uit = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env={"PYTHONPATH": str(tmp_path / "site"), "PATH": ""},
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout.splitlines()
    assert uit[0] == str(tmp_path / "site" / "wijkkompas_widgets" / "_data")
    assert uit[1] == str(tmp_path / "site" / "wijkkompas_widgets" / "_notebooks")
    assert int(uit[2]) >= 24
    assert uit[3].startswith("Voorbeeld")
