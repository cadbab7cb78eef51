"""The dossier leaves the app: a Word report, an Excel workbook and a complete JSON backup (which imports back).

Each export function takes the store and a dossier id and returns the file's bytes; ``bestandsnaam`` gives
every format the same kind of name.

The names are loaded on first use: the JSON backup (CLI, import on the welcome page) should not pay for
python-docx and matplotlib, which only the Word report needs.
"""

from __future__ import annotations

import importlib

_WAAR = {
    "exporteer_docx": ".docx",
    "exporteer_xlsx": ".xlsx",
    "exporteer_json": ".json_dossier",
    "importeer_json": ".json_dossier",
    "bestandsnaam": ".json_dossier",
    "MAX_IMPORT": ".json_dossier",
}
__all__ = sorted(_WAAR)


def __getattr__(naam: str):
    if naam not in _WAAR:
        raise AttributeError(f"module {__name__!r} has no attribute {naam!r}")
    waarde = getattr(importlib.import_module(_WAAR[naam], __name__), naam)
    globals()[naam] = waarde
    return waarde
