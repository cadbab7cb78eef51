"""'Gezamenlijke besluitvorming over het concept-WUP' as the page and the Word/Excel report both show it: every
partner's position as table cells, the sentence on whether the joint decision can be recorded, and when and under
which number it was recorded in the besluitenlog."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from ..analysis.wup import (
    STANDPUNT_LABELS,
    STANDPUNT_TEKENS,
    VERWIJDERDE_PARTIJ,
    ConceptWup,
    Standpunt,
    besluitstand,
    datum_tekst,
    kenmerk_tekst,
)
from .besluitenlog import datum

KOPPEN = ["Partij", "Standpunt", "Voorbehoud", "Besluit eigen organisatie", "Wat uitvoering betekent"]


def standpunt_tekst(standpunt: Standpunt) -> str:
    return f"{STANDPUNT_TEKENS[standpunt.standpunt]} {STANDPUNT_LABELS[standpunt.standpunt]}"


def standpunt_cellen(standpunt: Standpunt) -> list[str]:
    return [standpunt_tekst(standpunt), standpunt.voorbehoud or "—", datum_tekst(standpunt.datum) or "—",
            standpunt.betekenis or "—"]


def standpunt_rijen(model: ConceptWup, partijnamen: Mapping[int, str]) -> list[list[str]]:
    """Every party of the dossier, then positions of parties deleted since, as '(verwijderde partij)'."""
    rijen = [[naam, *standpunt_cellen(model.standpunt(i))] for i, naam in partijnamen.items()]
    rijen += [[VERWIJDERDE_PARTIJ, *standpunt_cellen(s)] for s in model.partijen if s.partij_id not in partijnamen]
    return rijen


def stand_zin(model: ConceptWup, partijnamen: Mapping[int, str]) -> str:
    """Whether all parties agree, and who agreed with a voorbehoud."""
    stand = besluitstand(list(partijnamen), model)
    tekst = stand.uitleg(len(partijnamen))
    if stand.met_voorbehoud:
        tekst += (" Met voorbehoud: " + ", ".join(partijnamen[i] for i in stand.met_voorbehoud)
                  + "; het voorbehoud komt bij het besluit in het besluitenlog.")
    return tekst


def volgnummer(besluiten: Iterable, kenmerk: str) -> int | None:
    """The number of the besluitenlog entry that carries the decision's kenmerk, or None."""
    zoek = kenmerk_tekst(kenmerk)
    return next((b.volgnummer for b in besluiten if zoek in b.onderbouwing), None)


def vastgelegd_op(iso: str) -> str:
    try:
        return datum(datetime.fromisoformat(iso))
    except ValueError:
        return "onbekende datum"
