"""Regierol van de gemeente: points per type from the answered questions, and the team's choice.

The questionnaire is a conversation starter, not a verdict: equal scores are reported as a tie,
and a partly answered questionnaire still gives an (explicitly partial) advice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from ..content import Regierol, RegierolType
from ..dossier import validatie
from ..dossier.model import InvoerFout

MIN_WOORDEN_ONDERBOUWING = 4


def geldige_antwoorden(regierol: Regierol, antwoorden: Mapping[str, object]) -> dict[str, int]:
    """Only answers to known questions with an existing option (index); the rest is ignored."""
    geldig: dict[str, int] = {}
    for vraag in regierol.vragen:
        index = antwoorden.get(vraag.id)
        if isinstance(index, int) and not isinstance(index, bool) and 0 <= index < len(vraag.opties):
            geldig[vraag.id] = index
    return geldig


def advies(regierol: Regierol, antwoorden: Mapping[str, object]) -> list[tuple[RegierolType, int]]:
    """Every type with its points, highest first; equal points keep the content order."""
    punten = {t.id: 0 for t in regierol.typen}
    per_vraag = {v.id: v for v in regierol.vragen}
    for vraag_id, index in geldige_antwoorden(regierol, antwoorden).items():
        for type_id, waarde in per_vraag[vraag_id].opties[index][1].items():
            if type_id in punten:
                punten[type_id] += waarde
    return sorted(((t, punten[t.id]) for t in regierol.typen), key=lambda paar: -paar[1])


def hoogste(scores: list[tuple[RegierolType, int]]) -> list[RegierolType]:
    """The type(s) with the most points; more than one means a tie. Empty when nothing scored."""
    if not scores or scores[0][1] <= 0:
        return []
    top = scores[0][1]
    return [t for t, p in scores if p == top]


def aantal_beantwoord(regierol: Regierol, antwoorden: Mapping[str, object]) -> int:
    return len(geldige_antwoorden(regierol, antwoorden))


@dataclass(frozen=True)
class Keuze:
    """The regierol the team chose, with its reasons and when it was recorded."""

    type_id: str
    onderbouwing: str
    vastgelegd: datetime | None = None

    def als_dict(self) -> dict:
        return {
            "type": self.type_id,
            "onderbouwing": self.onderbouwing,
            "vastgelegd": self.vastgelegd.isoformat() if self.vastgelegd else None,
        }

    @classmethod
    def uit_dict(cls, gegevens: object) -> Keuze | None:
        if not isinstance(gegevens, dict) or not gegevens.get("type"):
            return None
        try:
            moment = datetime.fromisoformat(gegevens["vastgelegd"]) if gegevens.get("vastgelegd") else None
        except (TypeError, ValueError):
            moment = None
        return cls(str(gegevens["type"]), str(gegevens.get("onderbouwing") or ""), moment)


def controleer_keuze(regierol: Regierol, type_id: object, onderbouwing: object, moment: datetime) -> Keuze:
    """The choice as it can be saved, or InvoerFout with what is missing."""
    if not type_id or type_id not in {t.id for t in regierol.typen}:
        raise InvoerFout("Kies eerst een regierol bij 'Gekozen regierol'.")
    tekst = validatie.schone_tekst(onderbouwing, "De onderbouwing", maximum=validatie.MAX_TOELICHTING)
    if len(tekst.split()) < MIN_WOORDEN_ONDERBOUWING:
        raise InvoerFout(
            "Schrijf bij 'Onderbouwing' in een paar woorden waarom jullie voor deze rol kiezen "
            f"(minstens {MIN_WOORDEN_ONDERBOUWING} woorden)."
        )
    return Keuze(str(type_id), tekst, moment)


def regierol_type(regierol: Regierol, type_id: str) -> RegierolType | None:
    return next((t for t in regierol.typen if t.id == type_id), None)
