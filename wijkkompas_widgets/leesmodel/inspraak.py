"""'Inspraakmogelijkheden bieden op het wijkuitvoeringsplan' as the page and the Word report both show it: what is
open for inspraak, the moments, the count of reactions per thema and outcome, and the reactienota. Read from the
saved form with the same tolerant reader, so the report says exactly what the app shows."""

from __future__ import annotations

from datetime import date
from typing import Protocol

from ..analysis.inspraak import (
    STATUS_LABELS,
    UITKOMSTEN,
    Inspraak,
    datum_tekst,
    is_open,
    lees_inspraak,
    reactienota,
    telling,
    themanaam,
)
from ..dossier import formulieren

NIET_BEPAALD = "nog niet bepaald"
ONDERDELEN_KOPPEN = ["Onderdeel van het plan", "Inspraak", "Waarom het vastligt"]
MOMENTEN_KOPPEN = ["Nr.", "Vorm", "Onderwerp", "Plek", "Datum", "Doelgroep"]
TELLING_KOPPEN = ["Thema", *(label for _u, label in UITKOMSTEN), "Totaal"]


class FormulierLezer(Protocol):
    def formulier(self, dossier_id: str, sleutel: str) -> tuple[dict, int]: ...


def lees(store: FormulierLezer, dossier_id: str) -> Inspraak:
    return lees_inspraak(store.formulier(dossier_id, formulieren.INSPRAAK)[0])


def onderdeel_rijen(inspraak: Inspraak) -> list[list[str]]:
    return [[o.naam, STATUS_LABELS.get(o.status, NIET_BEPAALD), o.reden or "–"] for o in inspraak.onderdelen]


def moment_rijen(inspraak: Inspraak) -> list[list]:
    return [[nr, m.vorm, themanaam(inspraak, m.onderdeel) if m.onderdeel else "meerdere of nog niet gekozen",
             m.plek or "–", datum_tekst(m.datum) or "–", m.doelgroep or "–"]
            for nr, m in enumerate(inspraak.momenten, 1)]


def telling_rijen(tel: dict[str, dict[str, int]]) -> list[list]:
    """Per thema the number of reactions per outcome and in total (``tel`` from ``analysis.inspraak.telling``)."""
    return [[thema, *(aantallen[u] for u, _l in UITKOMSTEN), sum(aantallen.values())]
            for thema, aantallen in tel.items()]


def aantal_open(inspraak: Inspraak) -> int:
    return sum(1 for r in inspraak.reacties if is_open(r))


def nota(inspraak: Inspraak, dossier, op: date | None = None) -> str:
    """The reactienota of the dossier as Markdown, dated today unless ``op`` says otherwise."""
    return reactienota(inspraak, dossier.wijk or dossier.naam, op or date.today())


__all__ = ["MOMENTEN_KOPPEN", "NIET_BEPAALD", "ONDERDELEN_KOPPEN", "TELLING_KOPPEN", "aantal_open", "lees",
           "moment_rijen", "nota", "onderdeel_rijen", "telling", "telling_rijen"]
