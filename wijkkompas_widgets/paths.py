"""Where content, notebooks and the Voilà template live, in a checkout and when installed.

A wheel carries ``data/`` and ``notebooks/`` inside the package (``_data``, ``_notebooks``,
see ``pyproject.toml``); a source checkout or an editable install uses the top-level folders.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
_CHECKOUT_ROOT = PACKAGE_DIR.parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def data_dir() -> Path:
    """The content folder (knooppunten, sporen, voorbeelddossier...)."""
    return _first_existing(PACKAGE_DIR / "_data", _CHECKOUT_ROOT / "data")


def notebooks_dir() -> Path:
    """The folder with the werkboek notebooks that Voilà serves."""
    return _first_existing(PACKAGE_DIR / "_notebooks", _CHECKOUT_ROOT / "notebooks")


def jupyter_share_dir() -> Path:
    """A Jupyter data dir holding ``voila/templates/wijkkompas``; added to ``JUPYTER_PATH``."""
    return PACKAGE_DIR / "share" / "jupyter"
