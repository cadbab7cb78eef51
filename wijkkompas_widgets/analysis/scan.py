"""Aggregation of the samenwerkingsscan: factor and statement results, organisation profiles,
where partners differ most, the top 3 attention points and the comparison of two rounds.

Pure functions: the input is the scan content (``Samenwerkingsscan``) and a list of responses,
plain objects with ``naam``, ``organisatie`` and ``antwoorden`` (statement id → 1-5, or
``None`` for 'weet niet'). Pass only *submitted* responses: a concept is never part of the
results, and nothing here can tell a concept from a submitted response.

The rules (also shown to the user in one sentence, ``REKENREGELS``):

1. 'Weet niet' is an answer but not a score: it never counts in a mean or a spread. A missing
   answer is treated the same way.
2. A respondent's **factor score** is the mean of their scores on that factor's statements, but
   only if they scored at least half of the factor's statements (``MINIMUM_AANDEEL``); otherwise
   that respondent has no score for the factor.
3. A **factor result** (mean, spread, n) needs at least ``MINIMUM_RESPONDENTEN`` respondents with
   a factor score; with fewer the factor is marked 'te weinig antwoorden' and has no number.
4. A **statement result** (mean, spread, n, number of 'weet niet') needs at least
   ``MINIMUM_RESPONDENTEN`` scores.
5. The **spread** is the standard deviation of the scores themselves (population form, divided
   by n): how far answers lie from the mean on average, in points of the 1-5 scale.
6. An **organisation profile** is, per organisation and per factor, the mean of the factor scores
   of that organisation's respondents (organisations with the same name up to case and spaces
   are one organisation).
7. **Where partners differ most**: per statement the difference between the highest and lowest
   organisation mean, for statements with a score from at least two organisations. When no
   statement has scores from two organisations (everyone from one organisation), the spread
   across respondents is used instead. Differences of 0 are left out; the top 5 is shown.
8. **Attention points**: the statements with a result and the lowest mean; on equal means the
   larger difference between partners comes first (then the larger spread, then content order).
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..content import Samenwerkingsscan, ScanStelling

MINIMUM_RESPONDENTEN = 2
MINIMUM_AANDEEL = 0.5  # share of a factor's statements a respondent must have scored
AANTAL_VERSCHILLEN = 5
AANTAL_AANDACHTSPUNTEN = 3
SCHAAL_MIN, SCHAAL_MAX = 1, 5

REKENREGELS = (
    f"Zo wordt gerekend: 'weet niet' telt niet als score; je factorscore telt mee als je minstens de helft "
    f"van de stellingen van die factor een score gaf; een gemiddelde en spreiding (standaardafwijking) "
    f"verschijnen pas bij minstens {MINIMUM_RESPONDENTEN} personen met een score, anders staat er "
    f"'te weinig antwoorden'; concepten tellen niet mee."
)

OP_ORGANISATIES = "organisaties"
OP_RESPONDENTEN = "respondenten"


class Antwoordenlijst(Protocol):
    naam: str
    organisatie: str
    antwoorden: Mapping[str, int | None]


@dataclass(frozen=True)
class FactorResultaat:
    factor_id: str
    naam: str
    gemiddelde: float | None  # None: te weinig antwoorden
    spreiding: float | None
    n: int  # respondents with a factor score

    @property
    def te_weinig(self) -> bool:
        return self.gemiddelde is None


@dataclass(frozen=True)
class StellingResultaat:
    stelling: ScanStelling
    nummer: int  # 1-based position in the scan
    gemiddelde: float | None  # None: te weinig antwoorden
    spreiding: float | None
    n: int  # number of scores (1-5)
    weet_niet: int  # number of 'weet niet' answers

    @property
    def te_weinig(self) -> bool:
        return self.gemiddelde is None


@dataclass(frozen=True)
class Profiel:
    organisatie: str
    respondenten: int
    scores: dict[str, float | None]  # factor id → mean of the factor scores, None if nobody has one


@dataclass(frozen=True)
class Verschil:
    stelling: ScanStelling
    nummer: int
    verschil: float  # highest minus lowest organisation mean, or the spread across respondents
    op_basis_van: str  # OP_ORGANISATIES or OP_RESPONDENTEN
    hoogste: tuple[str, float] | None = None  # (organisation, mean); only on OP_ORGANISATIES
    laagste: tuple[str, float] | None = None


@dataclass(frozen=True)
class Aandachtspunt:
    stelling: ScanStelling
    nummer: int
    gemiddelde: float
    verschil: float  # difference between organisations (0 when fewer than two have a score)

    @property
    def gespreksvraag(self) -> str:
        return self.stelling.gespreksvraag


@dataclass(frozen=True)
class FactorVergelijking:
    factor_id: str
    naam: str
    eerste: float | None
    tweede: float | None
    verschil: float | None  # tweede - eerste; None when either round has too few answers


@dataclass(frozen=True)
class ScanUitslag:
    """Everything the results page shows for one round."""

    respondenten: int
    factoren: list[FactorResultaat]
    stellingen: list[StellingResultaat]
    profielen: list[Profiel]
    verschillen: list[Verschil]
    aandachtspunten: list[Aandachtspunt]


# -- building blocks ----------------------------------------------------------------------
def getal(waarde: float | None, decimalen: int = 1) -> str:
    """A number the Dutch way (3,4); a dash when there is none. Here, not in charts/, because the page's and the
    report's sentences (``leesmodel.scan``) write the same numbers as the charts."""
    if waarde is None:
        return "–"
    return f"{waarde:.{decimalen}f}".replace(".", ",")


def is_score(waarde: object) -> bool:
    """A real score 1-5 ('weet niet' is ``None`` and is not a score)."""
    return isinstance(waarde, int) and not isinstance(waarde, bool) and SCHAAL_MIN <= waarde <= SCHAAL_MAX


def _scores(antwoorden: Mapping[str, int | None], stellingen: Sequence[ScanStelling]) -> list[int]:
    return [antwoorden[s.id] for s in stellingen if is_score(antwoorden.get(s.id))]


def _gemiddelde_en_spreiding(waarden: Sequence[float]) -> tuple[float | None, float | None]:
    if len(waarden) < MINIMUM_RESPONDENTEN:
        return None, None
    return statistics.fmean(waarden), statistics.pstdev(waarden)


def organisatie_sleutel(organisatie: str) -> str:
    """Organisations count as one when their names differ only in case and spaces."""
    return " ".join(str(organisatie).split()).casefold()


def _per_organisatie(responsen: Sequence[Antwoordenlijst]) -> dict[str, tuple[str, list[Antwoordenlijst]]]:
    """Organisation key → (name as first written, its responses), in order of first appearance."""
    groepen: dict[str, tuple[str, list[Antwoordenlijst]]] = {}
    for respons in responsen:
        sleutel = organisatie_sleutel(respons.organisatie)
        if sleutel not in groepen:
            groepen[sleutel] = (" ".join(str(respons.organisatie).split()), [])
        groepen[sleutel][1].append(respons)
    return groepen


def factorscore(scan: Samenwerkingsscan, antwoorden: Mapping[str, int | None], factor_id: str) -> float | None:
    """One respondent's score on a factor (rule 2), or ``None`` if they scored fewer than half
    of the factor's statements."""
    stellingen = scan.stellingen_van(factor_id)
    scores = _scores(antwoorden, stellingen)
    if not scores or len(scores) < MINIMUM_AANDEEL * len(stellingen):
        return None
    return statistics.fmean(scores)


# -- results ------------------------------------------------------------------------------
def factor_resultaten(scan: Samenwerkingsscan, responsen: Sequence[Antwoordenlijst]) -> list[FactorResultaat]:
    """Per factor the mean and spread of the respondents' factor scores (rule 3)."""
    resultaten = []
    for factor in scan.factoren:
        scores = [s for s in (factorscore(scan, r.antwoorden, factor.id) for r in responsen) if s is not None]
        gemiddelde, spreiding = _gemiddelde_en_spreiding(scores)
        resultaten.append(FactorResultaat(factor.id, factor.naam, gemiddelde, spreiding, len(scores)))
    return resultaten


def stelling_resultaten(scan: Samenwerkingsscan, responsen: Sequence[Antwoordenlijst]) -> list[StellingResultaat]:
    """Per statement (in content order) the mean, spread, number of scores and of 'weet niet' (rule 4)."""
    resultaten = []
    for nummer, stelling in enumerate(scan.stellingen, start=1):
        scores = [r.antwoorden[stelling.id] for r in responsen if is_score(r.antwoorden.get(stelling.id))]
        weet_niet = sum(1 for r in responsen if stelling.id in r.antwoorden and r.antwoorden[stelling.id] is None)
        gemiddelde, spreiding = _gemiddelde_en_spreiding(scores)
        resultaten.append(StellingResultaat(stelling, nummer, gemiddelde, spreiding, len(scores), weet_niet))
    return resultaten


def organisatie_profielen(scan: Samenwerkingsscan, responsen: Sequence[Antwoordenlijst]) -> list[Profiel]:
    """Per organisation (in order of first appearance) the mean factor score per factor (rule 6)."""
    profielen = []
    for naam, groep in _per_organisatie(responsen).values():
        scores: dict[str, float | None] = {}
        for factor in scan.factoren:
            waarden = [s for s in (factorscore(scan, r.antwoorden, factor.id) for r in groep) if s is not None]
            scores[factor.id] = statistics.fmean(waarden) if waarden else None
        profielen.append(Profiel(naam, len(groep), scores))
    return profielen


def _organisatie_gemiddelden(
    stelling: ScanStelling, groepen: dict[str, tuple[str, list[Antwoordenlijst]]]
) -> list[tuple[str, float]]:
    gemiddelden = []
    for naam, groep in groepen.values():
        scores = [r.antwoorden[stelling.id] for r in groep if is_score(r.antwoorden.get(stelling.id))]
        if scores:
            gemiddelden.append((naam, statistics.fmean(scores)))
    return gemiddelden


def _organisatie_verschil(gemiddelden: list[tuple[str, float]]) -> float:
    if len(gemiddelden) < 2:
        return 0.0
    waarden = [g for _, g in gemiddelden]
    return max(waarden) - min(waarden)


def grootste_verschillen(
    scan: Samenwerkingsscan, responsen: Sequence[Antwoordenlijst], aantal: int = AANTAL_VERSCHILLEN
) -> list[Verschil]:
    """The statements where partners differ most (rule 7), largest difference first."""
    groepen = _per_organisatie(responsen)
    op_organisaties: list[tuple[tuple[float, float, int], Verschil]] = []
    op_respondenten: list[tuple[tuple[float, float, int], Verschil]] = []
    twee_organisaties = False
    for resultaat in stelling_resultaten(scan, responsen):
        stelling, nummer, spreiding = resultaat.stelling, resultaat.nummer, resultaat.spreiding or 0.0
        gemiddelden = _organisatie_gemiddelden(stelling, groepen)
        if len(gemiddelden) >= 2:
            twee_organisaties = True
            hoogste = max(gemiddelden, key=lambda g: g[1])
            laagste = min(gemiddelden, key=lambda g: g[1])
            verschil = hoogste[1] - laagste[1]
            if verschil > 0:
                op_organisaties.append(
                    ((-verschil, -spreiding, nummer), Verschil(stelling, nummer, verschil, OP_ORGANISATIES,
                                                               hoogste, laagste))
                )
        if spreiding > 0:
            op_respondenten.append(((-spreiding, 0.0, nummer), Verschil(stelling, nummer, spreiding, OP_RESPONDENTEN)))
    gekozen = op_organisaties if twee_organisaties else op_respondenten
    gekozen.sort(key=lambda item: item[0])
    return [verschil for _sortering, verschil in gekozen[:aantal]]


def aandachtspunten(
    scan: Samenwerkingsscan, responsen: Sequence[Antwoordenlijst], aantal: int = AANTAL_AANDACHTSPUNTEN
) -> list[Aandachtspunt]:
    """The statements with the lowest mean (rule 8), each with its question to discuss."""
    groepen = _per_organisatie(responsen)
    rangorde = []
    for resultaat in stelling_resultaten(scan, responsen):
        if resultaat.gemiddelde is None:
            continue
        verschil = _organisatie_verschil(_organisatie_gemiddelden(resultaat.stelling, groepen))
        rangorde.append((
            (resultaat.gemiddelde, -verschil, -(resultaat.spreiding or 0.0), resultaat.nummer),
            Aandachtspunt(resultaat.stelling, resultaat.nummer, resultaat.gemiddelde, verschil),
        ))
    rangorde.sort(key=lambda item: item[0])
    return [punt for _sortering, punt in rangorde[:aantal]]


def vergelijk_rondes(
    eerste: Sequence[FactorResultaat], tweede: Sequence[FactorResultaat]
) -> list[FactorVergelijking]:
    """Per factor (in the order of ``eerste``) both means and the change from the first to the
    second round; ``None`` where a round has too few answers for that factor."""
    per_factor = {r.factor_id: r for r in tweede}
    vergelijking = []
    for oud in eerste:
        nieuw = per_factor.get(oud.factor_id)
        nieuw_gemiddelde = nieuw.gemiddelde if nieuw is not None else None
        verschil = (
            nieuw_gemiddelde - oud.gemiddelde
            if nieuw_gemiddelde is not None and oud.gemiddelde is not None
            else None
        )
        vergelijking.append(FactorVergelijking(oud.factor_id, oud.naam, oud.gemiddelde, nieuw_gemiddelde, verschil))
    return vergelijking


def analyseer(scan: Samenwerkingsscan, responsen: Sequence[Antwoordenlijst]) -> ScanUitslag:
    """All results of one round at once (pass only submitted responses)."""
    responsen = list(responsen)
    return ScanUitslag(
        respondenten=len(responsen),
        factoren=factor_resultaten(scan, responsen),
        stellingen=stelling_resultaten(scan, responsen),
        profielen=organisatie_profielen(scan, responsen),
        verschillen=grootste_verschillen(scan, responsen),
        aandachtspunten=aandachtspunten(scan, responsen),
    )
