"""The samenwerkingsscan as the page and the Word report both show it: the counts of a round, the factor table,
the attention points, the radar's alt text and the verdict of the round comparison ('gelijk gebleven').

Written once so the report cannot say a factor 'stayed the same' at another threshold or in other words than the
page. The store is passed in (``scan_responsen``); the numbers come from ``analysis.scan``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from ..analysis.scan import (
    OP_ORGANISATIES,
    Aandachtspunt,
    FactorVergelijking,
    ScanUitslag,
    analyseer,
    factor_resultaten,
    getal,
    vergelijk_rondes,
)
from ..content import Samenwerkingsscan

if TYPE_CHECKING:
    from ..dossier.records import ScanRespons, ScanRonde

# A change smaller than this is shown as 'gelijk gebleven': the means are shown to one decimal.
GELIJK_DREMPEL = 0.05
TE_WEINIG = "te weinig antwoorden"


class ScanLezer(Protocol):
    def scan_responsen(self, dossier_id: str, ronde_id: int, *, alleen_ingediend: bool = True) -> list: ...


def aantal(n: int, enkelvoud: str, meervoud: str) -> str:
    return f"{n} {enkelvoud if n == 1 else meervoud}"


def verandering(verschil: float | None) -> str:
    """The verdict on one factor between two rounds, as the page and the report write it."""
    if verschil is None:
        return "niet te vergelijken (te weinig antwoorden)"
    if abs(verschil) < GELIJK_DREMPEL:
        return "gelijk gebleven (0,0)"
    richting = "hoger" if verschil > 0 else "lager"
    return f"{'+' if verschil > 0 else '−'}{getal(abs(verschil))} ({richting})"


# -- one round --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RondeStand:
    """One round's responses split into submitted and concept, and the results of the submitted ones."""

    ronde: ScanRonde
    ingediend: list[ScanRespons]
    concepten: list[ScanRespons]
    uitslag: ScanUitslag | None  # None while nobody has submitted

    @property
    def status(self) -> str:
        return "gesloten" if self.ronde.is_gesloten else "open"


def ronde_stand(scan: Samenwerkingsscan, ronde: ScanRonde, responsen: Sequence[ScanRespons]) -> RondeStand:
    """``responsen``: all of the round's responses, concepts included (they are counted, never analysed)."""
    ingediend = [r for r in responsen if r.is_ingediend]
    concepten = [r for r in responsen if not r.is_ingediend]
    return RondeStand(ronde, ingediend, concepten, analyseer(scan, ingediend) if ingediend else None)


def lees_ronde(store: ScanLezer, dossier_id: str, scan: Samenwerkingsscan, ronde: ScanRonde) -> RondeStand:
    return ronde_stand(scan, ronde, store.scan_responsen(dossier_id, ronde.id, alleen_ingediend=False))


def factor_rijen(uitslag: ScanUitslag) -> list[list[str]]:
    """Rows of the table 'Factor · Gemiddelde (1–5) · Spreiding · Aantal personen'."""
    return [[f.naam, TE_WEINIG, "–", str(f.n)] if f.te_weinig else
            [f.naam, getal(f.gemiddelde), getal(f.spreiding), str(f.n)] for f in uitslag.factoren]


FACTOR_KOPPEN = ["Factor", "Gemiddelde (1–5)", "Spreiding", "Aantal personen"]


def radar_reeksen(scan: Samenwerkingsscan, uitslag: ScanUitslag
                  ) -> tuple[list[str], list[tuple[str, list[float | None]]], list[float | None]]:
    """(factor names, one profile per organisation, the overall means): what the radar chart draws."""
    factornamen = [f.naam for f in scan.factoren]
    profielen = [(p.organisatie, [p.scores[f.id] for f in scan.factoren]) for p in uitslag.profielen]
    return factornamen, profielen, [r.gemiddelde for r in uitslag.factoren]


def radar_alt(scan: Samenwerkingsscan, ronde_naam: str, uitslag: ScanUitslag) -> str:
    """The radar chart in words: the totals and every organisation's profile."""
    factornamen, profielen, _gemiddelde = radar_reeksen(scan, uitslag)
    delen = ["Totaal: " + "; ".join(
        f"{r.naam} {TE_WEINIG if r.te_weinig else getal(r.gemiddelde)}" for r in uitslag.factoren)]
    for organisatie, waarden in profielen:
        delen.append(f"{organisatie}: " + "; ".join(
            f"{naam} {getal(waarde) if waarde is not None else 'geen score'}"
            for naam, waarde in zip(factornamen, waarden, strict=True)))
    return f"Radardiagram van de samenwerkingsscan, ronde {ronde_naam}, schaal 1 tot 5. " + ". ".join(delen) + "."


@dataclass(frozen=True)
class AandachtspuntRegel:
    kop: str  # 'Stelling 2: …'
    toelichting: str  # 'Gemiddelde 1,5 (Motivatie, verschil tussen partners 1,0)'
    gespreksvraag: str


def aandachtspunt_regels(scan: Samenwerkingsscan, punten: Sequence[Aandachtspunt]) -> list[AandachtspuntRegel]:
    factornaam = {f.id: f.naam for f in scan.factoren}
    regels = []
    for punt in punten:
        verschil = f", verschil tussen partners {getal(punt.verschil)}" if punt.verschil else ""
        regels.append(AandachtspuntRegel(
            f"Stelling {punt.nummer}: {punt.stelling.tekst}",
            f"Gemiddelde {getal(punt.gemiddelde)} ({factornaam[punt.stelling.factor]}{verschil})",
            punt.gespreksvraag))
    return regels


VERSCHIL_KOPPEN = ["Nr.", "Stelling", "Hoogste", "Laagste", "Verschil"]


def verschil_rijen(uitslag: ScanUitslag) -> list[list[str]] | None:
    """Rows of 'where partners differ most' by organisation; None when the differences are only between people
    of one organisation (or there are none)."""
    if not uitslag.verschillen or uitslag.verschillen[0].op_basis_van != OP_ORGANISATIES:
        return None
    return [[str(v.nummer), v.stelling.tekst, f"{v.hoogste[0]} ({getal(v.hoogste[1])})",
             f"{v.laagste[0]} ({getal(v.laagste[1])})", getal(v.verschil)] for v in uitslag.verschillen]


# -- two rounds -------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RondeVergelijking:
    """Two rounds, the earlier first, compared per factor."""

    eerste: ScanRonde
    tweede: ScanRonde
    factoren: list[FactorVergelijking]

    @property
    def koppen(self) -> list[str]:
        return ["Factor", self.eerste.naam, self.tweede.naam, "Verandering"]

    @property
    def rijen(self) -> list[list[str]]:
        return [[v.naam, getal(v.eerste), getal(v.tweede), verandering(v.verschil)] for v in self.factoren]

    @property
    def alt(self) -> str:
        return (f"Staafdiagram: gemiddelde per factor in {self.eerste.naam} en {self.tweede.naam}. "
                + "; ".join(f"{v.naam}: {getal(v.eerste)} en {getal(v.tweede)}" for v in self.factoren) + ".")


def op_volgorde(a: ScanRonde, b: ScanRonde) -> tuple[ScanRonde, ScanRonde]:
    eerste, tweede = sorted((a, b), key=lambda r: (r.aangemaakt, r.id))
    return eerste, tweede


def vergelijk(scan: Samenwerkingsscan, rondes: Sequence[tuple[ScanRonde, Sequence[ScanRespons]]]
              ) -> RondeVergelijking:
    """Compare two rounds given with their submitted responses (in any order)."""
    (a, antwoorden_a), (b, antwoorden_b) = rondes
    eerste, tweede = op_volgorde(a, b)
    per_ronde = {a.id: antwoorden_a, b.id: antwoorden_b}
    return RondeVergelijking(eerste, tweede, vergelijk_rondes(
        factor_resultaten(scan, per_ronde[eerste.id]), factor_resultaten(scan, per_ronde[tweede.id])))


def lees_vergelijking(store: ScanLezer, dossier_id: str, scan: Samenwerkingsscan, ronde: ScanRonde,
                      andere: ScanRonde) -> RondeVergelijking:
    return vergelijk(scan, [(r, store.scan_responsen(dossier_id, r.id)) for r in (ronde, andere)])


def laatste_twee_met_resultaat(standen: Sequence[RondeStand]) -> tuple[RondeStand, RondeStand] | None:
    """The report compares the two latest rounds that have results."""
    met_resultaat = sorted((s for s in standen if s.ingediend), key=lambda s: (s.ronde.aangemaakt, s.ronde.id))
    if len(met_resultaat) < 2:
        return None
    return met_resultaat[-2], met_resultaat[-1]
