"""Testing the team's picture of the wijk with residents: statements, how often people recognised them
or not, what was missing, and what the team did with it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from ..dossier.model import InvoerFout, nu
from ..dossier.validatie import MAX_KORT, naam_sleutel, schone_tekst

MAX_TEKST = 600
MAX_UITSPRAKEN = 60
MAX_TELLING = 100_000
# The verdict with a symbol, as the overview on the page and the report's table show it (never colour alone).
OORDEEL_SYMBOOL = {"herkend": "✔ herkend", "schuurt": "✘ schuurt", "verdeeld": "≈ verdeeld",
                   "nog niet getoetst": "○ nog niet getoetst"}


@dataclass(frozen=True)
class Uitspraak:
    id: str
    tekst: str
    herkend: int = 0
    klopt_niet: int = 0
    gemist: str = ""
    verwerking: str = ""
    aangemaakt: str = ""

    @property
    def reacties(self) -> int:
        return self.herkend + self.klopt_niet

    @property
    def oordeel(self) -> str:
        """In words, so the list never relies on colour: 'herkend', 'schuurt', 'verdeeld' or 'nog niet getoetst'."""
        if self.reacties == 0:
            return "nog niet getoetst"
        if self.herkend >= 2 * self.klopt_niet:
            return "herkend"
        if self.klopt_niet >= 2 * self.herkend:
            return "schuurt"
        return "verdeeld"

    def als_dict(self) -> dict:
        return {"tekst": self.tekst, "herkend": self.herkend, "klopt_niet": self.klopt_niet, "gemist": self.gemist,
                "verwerking": self.verwerking, "aangemaakt": self.aangemaakt}


def _telling(waarde: object) -> int:
    return waarde if isinstance(waarde, int) and not isinstance(waarde, bool) and 0 <= waarde <= MAX_TELLING else 0


def lees_uitspraken(gegevens: dict) -> list[Uitspraak]:
    """Statements stored per id (a removed one as ``None``), in the order they were added."""
    opgeslagen = gegevens.get("uitspraken") if isinstance(gegevens.get("uitspraken"), dict) else {}
    uitspraken = [
        Uitspraak(str(i), str(u.get("tekst") or ""), _telling(u.get("herkend")), _telling(u.get("klopt_niet")),
                  str(u.get("gemist") or ""), str(u.get("verwerking") or ""), str(u.get("aangemaakt") or ""))
        for i, u in opgeslagen.items() if isinstance(u, dict)
    ]
    return sorted(uitspraken, key=lambda u: (u.aangemaakt, u.tekst))


def werkvormen(gegevens: dict) -> dict:
    """How the picture was tested: the ticked forms (id → True); anything odd in the saved form counts as not."""
    vormen = gegevens.get("werkvormen") if isinstance(gegevens.get("werkvormen"), dict) else {}
    return {vorm_id: True for vorm_id, aan in vormen.items() if aan}


def nieuwe_uitspraak(tekst: str, bestaande: list[Uitspraak]) -> Uitspraak:
    tekst = schone_tekst(tekst, "De uitspraak", maximum=MAX_KORT * 2, verplicht=True)
    if any(naam_sleutel(u.tekst) == naam_sleutel(tekst) for u in bestaande):
        raise InvoerFout("Deze uitspraak staat al in de lijst.")
    if len(bestaande) >= MAX_UITSPRAKEN:
        raise InvoerFout(f"De lijst heeft al {MAX_UITSPRAKEN} uitspraken; houd het beeld kort en herkenbaar.")
    return Uitspraak(uuid.uuid4().hex[:12], tekst, aangemaakt=nu().isoformat(timespec="seconds"))


def controleer_telling(waarde: object, veld: str) -> int:
    if not isinstance(waarde, int) or isinstance(waarde, bool) or not 0 <= waarde <= MAX_TELLING:
        raise InvoerFout(f"{veld} is een aantal mensen, van 0 tot {MAX_TELLING:,}.".replace(",", "."))
    return waarde


def controleer_tekst(waarde: object, veld: str) -> str:
    return schone_tekst(waarde, veld, maximum=MAX_TEKST)


def uitspraken_uit_notities(notities: str, bestaande: list[Uitspraak]) -> list[str]:
    """Lines of the wijkprofiel notes ('wat valt op') that are not yet statements: a quick start."""
    bekend = {naam_sleutel(u.tekst) for u in bestaande}
    regels = []
    for regel in (notities or "").splitlines():
        schoon = regel.strip().lstrip("-•*").strip()
        if schoon and naam_sleutel(schoon) not in bekend and len(schoon) <= MAX_KORT * 2:
            bekend.add(naam_sleutel(schoon))
            regels.append(schoon)
    return regels
