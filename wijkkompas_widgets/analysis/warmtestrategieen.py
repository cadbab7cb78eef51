"""Warmtestrategieën (phase 3): figures from the wijkprofiel that bear on when a PBL strategy tends to
fit, and small checks for the team's integrated strategies.

The hints are deliberately cautious: a figure for a whole wijk says little about a street, and the
PBL Startanalyse compares costs, it does not choose. So a hint says what a figure *may* point at and
leaves the judgement to the team. A figure is compared with Nederland (or the gemeente when the NL
figure is unknown), with the same 10 % margin as the hints of the transitieopgaven.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..dossier.records import MAX_STRATEGIEEN, MIN_STRATEGIEEN
from .opgaven import richting

DUURZAAM_GAS_JAAR = 2030  # before this year duurzaam gas is scarce (ECW)
BRON_HINTS = "vuistregels uit de PBL Startanalyse en HIER, in eigen woorden"


@dataclass(frozen=True)
class StrategieRegel:
    """Which strategies a figure bears on, and what a higher or lower value than usual may mean."""

    key: str
    hoger: tuple[tuple[str, ...], str]  # (strategies, cautious sentence) when the wijk is higher
    lager: tuple[tuple[str, ...], str]


REGELS: tuple[StrategieRegel, ...] = (
    StrategieRegel(
        "bevolkingsdichtheid",
        (("S2", "S3"), "Dichter bebouwd dan gemiddeld: een warmtenet kan hier eerder uit, omdat er per meter "
                       "leiding meer woningen aansluiten. Kijk per buurt, want de dichtheid verschilt vaak."),
        (("S1",), "Minder dicht bebouwd dan gemiddeld: een warmtenet heeft hier per woning meer leiding nodig; "
                  "een eigen warmtepomp ligt vaak meer voor de hand."),
    ),
    StrategieRegel(
        "pct_eengezins",
        (("S1",), "Veel eengezinswoningen: daar is vaak ruimte voor een eigen warmtepomp. Toets of ze goed te "
                  "isoleren zijn."),
        (("S2",), "Relatief veel gestapelde woningen: een collectieve oplossing zoals een warmtenet kan passen, "
                  "zeker met een corporatie als eigenaar."),
    ),
    StrategieRegel(
        "pct_bouwjaar_na_2000",
        (("S1", "S3"), "Veel woningen van na 2000: die zijn meestal al goed geïsoleerd en geschikt voor lage "
                       "temperatuur."),
        (("S2", "S4"), "Weinig woningen van na 2000: oudere woningen zijn vaak minder goed geïsoleerd; een "
                       "hogere temperatuur of een tussenstap kan dan nodig zijn."),
    ),
    StrategieRegel(
        "pct_stadsverwarming",
        (("S2", "S3"), "Meer woningen met stadsverwarming dan gemiddeld: er ligt al (een deel van) een warmtenet "
                       "in of bij de wijk. Vraag de eigenaar of uitbreiden kan."),
        ((), ""),
    ),
)


@dataclass(frozen=True)
class StrategieHint:
    strategie_id: str
    key: str
    label: str
    cijfers: str  # 'wijk 45% · gemeente 40% · Nederland 60%'
    richting: str  # 'hoger' or 'lager'
    duiding: str
    vergeleken_met: str


def hints_voor_strategieen(profiel, opmaak: Callable[[str, float | None], str]) -> dict[str, list[StrategieHint]]:
    """Per strategy (S1-S5) the figures of this wijk that may point towards it; empty without a profile.
    A figure about equal to the reference gives no hint (it says nothing either way)."""
    hints: dict[str, list[StrategieHint]] = {}
    if profiel is None:
        return hints
    for regel in REGELS:
        rij = profiel.regel(regel.key)
        if rij is None or rij.wijk is None:
            continue
        referentie = rij.nederland if rij.nederland is not None else rij.gemeente
        waar = "landelijk" if rij.nederland is not None else "in de gemeente"
        kant = richting(rij.wijk, referentie)
        if kant not in ("hoger", "lager"):
            continue
        strategieen, duiding = regel.hoger if kant == "hoger" else regel.lager
        cijfers = " · ".join([f"wijk {opmaak(rij.key, rij.wijk)}", f"gemeente {opmaak(rij.key, rij.gemeente)}",
                              f"Nederland {opmaak(rij.key, rij.nederland)}"])
        for strategie_id in strategieen:
            hints.setdefault(strategie_id, []).append(
                StrategieHint(strategie_id, rij.key, rij.label, cijfers, kant, duiding, waar))
    return hints


_JAAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_START = re.compile(r"^Start 20\d\d\.\s*")  # the prefix fasering_met_startjaar writes


def startjaar_uit_fasering(fasering: str) -> int | None:
    """The first year (20xx) named in a phasing text such as '2027–2030 Noordbuurt, daarna Zuidbuurt'."""
    treffer = _JAAR.search(fasering or "")
    return int(treffer.group(1)) if treffer else None


def duurzaam_gas_te_vroeg(warmtestrategie: str, startjaar: int | None, duurzaam_gas: bool) -> bool:
    """True when a strategy that leans on duurzaam gas (S4, S5) would start before 2030, when that gas
    is scarce. The store still allows it; the page warns."""
    return duurzaam_gas and startjaar is not None and startjaar < DUURZAAM_GAS_JAAR


def status_strategieen(aantal: int) -> tuple[bool, str]:
    """(enough for phase 4?, the status line)."""
    basis = f"{MIN_STRATEGIEEN} tot {MAX_STRATEGIEEN} strategieën nodig voor de afweging in fase 4: nu {aantal}."
    if aantal < MIN_STRATEGIEEN:
        nog = MIN_STRATEGIEEN - aantal
        return False, f"{basis} Maak er nog {nog} om te kunnen vergelijken."
    if aantal >= MAX_STRATEGIEEN:
        return True, f"{basis} Dat is het maximum; pas een bestaande aan of verwijder er een om een nieuwe te maken."
    return True, f"{basis} Genoeg om te vergelijken."


def fasering_met_startjaar(fasering: str, startjaar: int | None) -> str:
    """The phasing text as saved: the store has no field for the start year, so it goes at the front of
    the phasing ('Start 2028. …') unless the text already begins with that year. Reading it back with
    ``startjaar_uit_fasering`` then always gives the chosen year."""
    fasering = _START.sub("", (fasering or "").strip(), count=1) if startjaar is not None else (fasering or "").strip()
    if startjaar is None or startjaar_uit_fasering(fasering) == startjaar:
        return fasering
    return f"Start {startjaar}. {fasering}".strip()
