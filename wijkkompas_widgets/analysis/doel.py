"""The common goal of the wijkaanpak: check it is complete and measurable before it is saved."""

from __future__ import annotations

from dataclasses import dataclass

from ..dossier.model import InvoerFout

DOELEN = {
    "aardgasvrij": "Aardgasvrij",
    "co2-neutraal": "CO2-neutraal",
    "anders": "Een ander doel",
}
KABINETSDEFINITIE_WOONLASTEN = (
    "De maandlasten voor energie (gas, elektriciteit, warmte) plus huur of hypotheek blijven gelijk of dalen: "
    "de lagere energierekening weegt op tegen de extra financierings- of huurlasten op het moment dat de "
    "maatregelen worden genomen. Dat is geen garantie voor ieder huishouden."
)


@dataclass(frozen=True)
class Doel:
    soort: str
    omschrijving: str = ""
    streefjaar: int | None = None
    criteria: tuple[str, ...] = ()
    woonlastenneutraal: bool = False
    woonlasten_definitie: str = ""

    def als_dict(self) -> dict:
        return {
            "soort": self.soort, "omschrijving": self.omschrijving, "streefjaar": self.streefjaar,
            "criteria": list(self.criteria), "woonlastenneutraal": self.woonlastenneutraal,
            "woonlasten_definitie": self.woonlasten_definitie,
        }

    @classmethod
    def uit_dict(cls, gegevens: dict) -> Doel | None:
        if not gegevens.get("soort"):
            return None
        return cls(
            gegevens["soort"], gegevens.get("omschrijving", ""), gegevens.get("streefjaar"),
            tuple(gegevens.get("criteria") or ()), bool(gegevens.get("woonlastenneutraal")),
            gegevens.get("woonlasten_definitie", ""),
        )


def criteria_uit_tekst(tekst: str) -> tuple[str, ...]:
    """One criterion per line; bullets and empty lines are dropped."""
    regels = (regel.strip().lstrip("-*•").strip() for regel in (tekst or "").splitlines())
    return tuple(regel for regel in regels if regel)


def controleer_doel(doel: Doel, huidig_jaar: int) -> Doel:
    """Raise InvoerFout (Dutch) unless the goal is complete: a kind, a description for 'anders', at
    least one measurable criterion, a plausible target year, and a definition if woonlastenneutraliteit
    is an aim."""
    if doel.soort not in DOELEN:
        raise InvoerFout("Kies het gezamenlijke doel: aardgasvrij, CO2-neutraal of een ander doel.")
    if doel.soort == "anders" and not doel.omschrijving.strip():
        raise InvoerFout("Beschrijf het andere doel in een paar woorden.")
    if not doel.criteria:
        raise InvoerFout(
            "Voeg minstens één meetbaar criterium toe, bijvoorbeeld '80% van de woningen aardgasvrij in 2035'."
        )
    if len(doel.criteria) > 20 or any(len(c) > 300 for c in doel.criteria):
        raise InvoerFout("Houd het bij hoogstens 20 criteria van elk hoogstens 300 tekens.")
    if doel.streefjaar is not None and not huidig_jaar <= doel.streefjaar <= 2070:
        raise InvoerFout(f"Kies een streefjaar tussen {huidig_jaar} en 2070, of laat het leeg.")
    if doel.woonlastenneutraal and len(doel.woonlasten_definitie.split()) < 5:
        raise InvoerFout(
            "Woonlastenneutraliteit is een doel: leg vast wat jullie eronder verstaan (minstens een zin), "
            "zodat je het later kunt toetsen."
        )
    return doel
