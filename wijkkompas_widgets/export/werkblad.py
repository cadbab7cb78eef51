"""One sheet of the Excel workbook as plain data: header, rows of Python values, number formats and a note.

The sheet makers in ``xlsx.py`` and in the exercises' own parts (``deel_*.py``) build a ``Blad``; only
``xlsx.py`` writes it with openpyxl. So the parts import this small module, not the workbook, and the workbook
imports the parts: one direction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

MAX_BLADNAAM = 31
_VERBODEN_IN_BLADNAAM = re.compile(r"[\[\]:*?/\\]")
# number formats of a column
DATUMTIJD = "DD-MM-YYYY HH:MM"
DATUM = "DD-MM-YYYY"
MAAND = "YYYY-MM"
PROCENT = "0.0%"
EURO = '"€" #,##0.00'


@dataclass
class Blad:
    """One sheet: header, rows (plain Python values) and number formats per column index (0-based)."""

    koppen: Sequence[str]
    rijen: list[list[object]]
    formaten: dict[int, str] = field(default_factory=dict)
    noot: str = ""


def bladnaam(naam: str) -> str:
    """A name Excel accepts: at most 31 characters, none of []:*?/\\ ."""
    return _VERBODEN_IN_BLADNAAM.sub("-", naam).strip("'")[:MAX_BLADNAAM] or "Blad"
