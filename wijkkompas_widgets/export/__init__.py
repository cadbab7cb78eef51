"""The dossier leaves the app: a Word report, an Excel workbook and a complete JSON backup (which imports back).

Each export function takes the store and a dossier id and returns the file's bytes; ``bestandsnaam`` gives
every format the same kind of name.

The names are loaded on first use, so importing this package is light (the CLI and ``werkboek`` import it at
their top): the JSON backup (CLI, import on the welcome page) does not pay for python-docx, openpyxl and
matplotlib, which the Word report and the Excel workbook need.

    rapport.py   the Word building blocks (python-docx)      docx.py  the report, one section per knooppunt
    werkblad.py  one Excel sheet as data (``Blad``)          xlsx.py  the workbook, one sheet per exercise
    deel_*.py    an exercise's section and sheet, for the exercises of phases 3 and 4
    json_dossier.py  the complete backup and its import

What they show is read through ``leesmodel`` (``leesmodel.dossier.DossierVerzameling``), the same read-model the
pages use; nothing here imports a widget.
"""

from __future__ import annotations

import importlib

_WAAR = {
    "exporteer_docx": ".docx",
    "exporteer_xlsx": ".xlsx",
    "exporteer_json": ".json_dossier",
    "importeer_json": ".json_dossier",
    "kopieer_dossier": ".json_dossier",  # 'Maak een eigen kopie' in the dossier header
    "bestandsnaam": ".json_dossier",
    "MAX_IMPORT": ".json_dossier",
}
# file extension → the MIME type of the file each export makes (for a download link)
MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}
__all__ = sorted([*_WAAR, "MIME"])


def __getattr__(naam: str):
    if naam not in _WAAR:
        raise AttributeError(f"module {__name__!r} has no attribute {naam!r}")
    waarde = getattr(importlib.import_module(_WAAR[naam], __name__), naam)
    globals()[naam] = waarde
    return waarde
