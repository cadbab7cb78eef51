"""Rollen en verwachtingen as the exercise and the Word report both show it: the capacity table, its verdicts,
the 'no signals' sentence and the chart's alt text."""

from __future__ import annotations

from collections.abc import Sequence

from ..analysis.rollen import Belasting, uren_tekst

TOTALEN_KOPPEN = ["Partij", "Uren per maand in taken", "Capaciteit (uur per maand)", "Oordeel"]
GEEN_AANDACHTSPUNTEN = ("Geen aandachtspunten: elke taak heeft één trekker, geen partij zit boven haar capaciteit "
                        "en in elk spoor werkt iemand mee.")


def totalen_rijen(belasting: Sequence[Belasting]) -> list[list[str]]:
    """Party → hours in tasks, capacity and a verdict in words (never colour alone)."""
    return [[regel.partij, uren_tekst(regel.uren),
             uren_tekst(regel.capaciteit) if regel.capaciteit_bekend else "onbekend", regel.oordeel]
            for regel in belasting]


def grafiek_zinvol(belasting: Sequence[Belasting]) -> bool:
    """The chart says something once a party has hours or a known capacity."""
    return any(b.uren > 0 or b.capaciteit_bekend for b in belasting)


def grafiek_alt(belasting: Sequence[Belasting]) -> str:
    delen = []
    for regel in belasting:
        tekst = f"{regel.partij}: {uren_tekst(regel.uren)} uur"
        if regel.boven_capaciteit:
            tekst += f", capaciteit {uren_tekst(regel.capaciteit)} uur, boven capaciteit"
        elif regel.capaciteit_bekend:
            tekst += f", capaciteit {uren_tekst(regel.capaciteit)} uur"
        else:
            tekst += ", capaciteit onbekend"
        delen.append(tekst)
    return "Uren per maand per partij tegenover capaciteit. " + "; ".join(delen) + "."
