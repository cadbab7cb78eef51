"""Multicriteria-afweging (MCA): weights from points, a weighted ranking overall and per party, and how
robust the winner is when the weights move.

The rules (why they are this way):

1. **Higher is better.** Every score is on one scale where a higher score is better on that criterion
   (1–5, see ``data/criteria.yaml``: for costs, 5 means low costs). Weighted totals can then simply be
   added, and a total is itself on the 1–5 scale.
2. **Weights are relative.** Only the ratios count: points that add up to 100 and weights that add up to 1
   give the same ranking. Points that do not add up to 100 are rescaled, and ``normaliseer_punten`` says so.
   A missing number of points is refused, never read as 0: 'no answer' is not 'not important'.
3. **The shared weights** are the mean of each party's normalised weights, so every party counts equally,
   however many points it handed out (``gezamenlijke_gewichten``).
4. **No ranking on incomplete scores.** A strategy with an empty cell would win or lose on a number nobody
   gave, so ``rangschik`` refuses with ``OnvolledigeScores``, which lists every missing cell (the UI can show
   the list as a to-do). ``Scoretabel.ontbrekend`` gives the same list without raising.
5. **Ties** are totals within ``TOLERANTIE`` of each other. They share a rank (1, 1, 3), keep the input order
   within the tie, and are reported in ``Rangschikking.gelijk``.
6. **Sensitivity** draws weight sets around the agreed weights from a Dirichlet distribution and counts how
   often each strategy comes first (``gevoeligheid``); ``kleinste_omslag`` computes exactly the smallest
   shift of weight that lets another strategy catch up with the winner.

Names of strategies and parties are user text: escape them before putting a sentence from here into HTML.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from numbers import Real

import numpy as np

from ..dossier.model import InvoerFout

SCHAAL = (1, 5)
TOLERANTIE = 1e-9
MAX_TREKKINGEN = 200_000
# Share of first places of the agreed winner at which the outcome counts as 'stevig' or 'redelijk stevig'
# (own choice of this workbook, shown with the numbers so a team can judge for itself).
GRENS_STEVIG, GRENS_REDELIJK = 0.9, 0.6
# A shift of weight below this many percentage points counts as small (own choice, see ``Omslag.uitleg``).
KLEINE_OMSLAG_PP, GROTE_OMSLAG_PP = 5.0, 15.0


class OnvolledigeScores(InvoerFout):
    """The scores have empty cells; ``ontbrekend`` lists them as (strategie, criterium)."""

    def __init__(self, bericht: str, ontbrekend: Sequence[tuple[str, str]]):
        super().__init__(bericht)
        self.ontbrekend = tuple(ontbrekend)


def getal(waarde: float, decimalen: int = 1) -> str:
    """A number the Dutch way: 3,5 (and 12 rather than 12,0 for whole numbers)."""
    if float(waarde).is_integer():
        return str(int(waarde))
    return f"{waarde:.{decimalen}f}".replace(".", ",")


def procent(aandeel: float) -> str:
    return f"{getal(round(aandeel * 100, 1))}%"


def opsomming(items: Sequence[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def _als_getal(waarde: object) -> float | None:
    """A real number, or None for anything that is not one (text, bool, None)."""
    if isinstance(waarde, bool) or not isinstance(waarde, Real):
        return None
    return float(waarde)


# -- weights ------------------------------------------------------------------------------------
def normaliseer_punten(
    punten: Mapping[str, object], *, namen: Mapping[str, str] | None = None, wie: str | None = None
) -> tuple[dict[str, float], str | None]:
    """Points per criterion → weights that add up to 1, plus a Dutch note when the points did not add up to
    100 (``None`` otherwise). Refuses an empty set, a missing or negative number and all zeros.

    ``namen`` maps criterion keys to the names shown in messages; ``wie`` (a party) starts each message."""
    namen = namen or {}
    voor = f"Bij {wie}: " if wie else ""
    if not punten:
        raise InvoerFout(f"{voor}Er zijn nog geen criteria om punten over te verdelen.")
    waarden: dict[str, float] = {}
    for criterium, ruw in punten.items():
        naam = namen.get(criterium, criterium)
        if ruw is None:
            raise InvoerFout(f"{voor}Bij '{naam}' staan nog geen punten. Vul een aantal in; 0 mag ook.")
        waarde = _als_getal(ruw)
        if waarde is None or not math.isfinite(waarde):
            raise InvoerFout(f"{voor}De punten bij '{naam}' zijn geen getal. Vul een aantal punten in.")
        if waarde < 0:
            raise InvoerFout(f"{voor}'{naam}' heeft {getal(waarde)} punten; punten kunnen niet negatief zijn.")
        waarden[criterium] = waarde
    totaal = sum(waarden.values())
    if totaal <= 0:
        raise InvoerFout(
            f"{voor}Alle criteria hebben 0 punten. Verdeel 100 punten over de criteria die je belangrijk vindt."
        )
    gewichten = {criterium: waarde / totaal for criterium, waarde in waarden.items()}
    melding = None
    if abs(totaal - 100) > 1e-6:
        melding = (
            f"{voor}De punten tellen op tot {getal(totaal)} in plaats van 100. Het werkboek rekent met de "
            "verhoudingen: elk criterium krijgt zijn deel van het totaal, zodat de gewichten samen weer 100% zijn."
        )
    return gewichten, melding


def gezamenlijke_gewichten(
    per_partij: Mapping[str, Mapping[str, object]], *, namen: Mapping[str, str] | None = None
) -> dict[str, float]:
    """The shared weights: the mean of each party's normalised weights.

    Normalising first makes every party count equally, also a party that handed out 80 points instead of 100.
    The mean of weight vectors that each add up to 1 adds up to 1 again. Every party must have a number of
    points (0 allowed) for the same criteria: a criterion one party did not see cannot be averaged fairly."""
    if not per_partij:
        raise InvoerFout("Nog geen enkele partij heeft punten verdeeld.")
    namen = namen or {}
    genormaliseerd = {partij: normaliseer_punten(punten, namen=namen, wie=partij)[0]
                      for partij, punten in per_partij.items()}
    eerste_partij, eerste = next(iter(genormaliseerd.items()))
    criteria = list(eerste)
    for partij, gewichten in genormaliseerd.items():
        ontbreekt = [c for c in criteria if c not in gewichten]
        extra = [c for c in gewichten if c not in eerste]
        if ontbreekt or extra:
            verschil = ontbreekt[0] if ontbreekt else extra[0]
            wel, niet = (eerste_partij, partij) if ontbreekt else (partij, eerste_partij)
            raise InvoerFout(
                f"{wel} heeft punten voor '{namen.get(verschil, verschil)}', maar {niet} niet. "
                "Laat alle partijen punten geven aan dezelfde criteria (0 mag)."
            )
    aantal = len(genormaliseerd)
    return {c: sum(g[c] for g in genormaliseerd.values()) / aantal for c in criteria}


def gelijke_punten(criteria: Sequence[str]) -> dict[str, int]:
    """100 points divided as evenly as whole numbers allow: a neutral starting point for a party."""
    if not criteria:
        return {}
    basis, rest = divmod(100, len(criteria))
    return {c: basis + (1 if i < rest else 0) for i, c in enumerate(criteria)}


# -- scores ---------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Scoretabel:
    """Validated scores: one row per strategy, one column per criterion, NaN where no score was given."""

    strategieen: tuple[str, ...]
    criteria: tuple[str, ...]
    waarden: np.ndarray
    namen: Mapping[str, str] = field(default_factory=dict)
    schaal: tuple[float, float] = SCHAAL

    def naam(self, criterium: str) -> str:
        return self.namen.get(criterium, criterium)

    @property
    def ontbrekend(self) -> tuple[tuple[str, str], ...]:
        rijen, kolommen = np.nonzero(np.isnan(self.waarden))
        return tuple((self.strategieen[r], self.criteria[k]) for r, k in zip(rijen, kolommen, strict=True))

    @property
    def volledig(self) -> bool:
        return not np.isnan(self.waarden).any()

    def score(self, strategie: str, criterium: str) -> float | None:
        waarde = self.waarden[self.strategieen.index(strategie), self.criteria.index(criterium)]
        return None if math.isnan(waarde) else float(waarde)

    def als_dataframe(self):
        import pandas as pd

        return pd.DataFrame(self.waarden, index=list(self.strategieen), columns=list(self.criteria))


def _rijen_uit(scores) -> tuple[list[str], dict[str, dict[str, object]]]:
    """Accept a DataFrame (strategies as index, criteria as columns) or {strategie: {criterium: score}}."""
    if hasattr(scores, "to_dict") and hasattr(scores, "index") and hasattr(scores, "columns"):
        strategieen = [str(s) for s in scores.index]
        if len(set(strategieen)) != len(strategieen):
            dubbel = next(s for s in strategieen if strategieen.count(s) > 1)
            raise InvoerFout(f"De strategie '{dubbel}' staat twee keer in de tabel. "
                             "Geef elke strategie een eigen naam.")
        rijen = {str(s): {str(c): v for c, v in rij.items()} for s, rij in scores.to_dict(orient="index").items()}
        return strategieen, rijen
    if not isinstance(scores, Mapping):
        raise InvoerFout("De scores hebben een onbekende vorm; verwacht per strategie een score per criterium.")
    rijen = {}
    for strategie, rij in scores.items():
        if rij is None:
            rij = {}
        if not isinstance(rij, Mapping):
            raise InvoerFout(f"De scores van '{strategie}' hebben een onbekende vorm.")
        rijen[str(strategie)] = dict(rij)
    return list(rijen), rijen


def scoretabel(
    scores,
    *,
    criteria: Sequence[str] | None = None,
    namen: Mapping[str, str] | None = None,
    schaal: tuple[float, float] = SCHAAL,
) -> Scoretabel:
    """Check the scores and put them in a matrix. A score outside the scale, or one that is not a number,
    raises InvoerFout naming the strategy and the criterion; an empty cell (None, NaN or absent) is kept as
    missing. ``criteria`` fixes which criteria count and their order (default: as they appear); a score for a
    criterion outside that list is refused rather than silently dropped."""
    if isinstance(scores, Scoretabel):
        if criteria is None or tuple(criteria) == scores.criteria:
            return scores
        scores = {s: {c: scores.score(s, c) for c in scores.criteria} for s in scores.strategieen}
    namen = dict(namen or {})
    strategieen, rijen = _rijen_uit(scores)
    if not strategieen:
        raise InvoerFout("Er zijn nog geen strategieën om te vergelijken. Voeg eerst strategieën toe.")
    if criteria is None:
        criteria = list(dict.fromkeys(c for rij in rijen.values() for c in rij))
    criteria = tuple(str(c) for c in criteria)
    if not criteria:
        raise InvoerFout("Er zijn nog geen criteria. Leg eerst de criteria en hun gewichten vast.")
    if len(set(criteria)) != len(criteria):
        raise InvoerFout("Een criterium staat twee keer in de lijst.")
    laag, hoog = schaal
    matrix = np.full((len(strategieen), len(criteria)), np.nan)
    kolom = {c: k for k, c in enumerate(criteria)}
    for r, strategie in enumerate(strategieen):
        if not strategie.strip():
            raise InvoerFout("Een strategie heeft geen naam. Geef elke strategie een naam.")
        for criterium, ruw in rijen[strategie].items():
            naam = namen.get(criterium, criterium)
            if criterium not in kolom:
                if ruw is None or (isinstance(ruw, float) and math.isnan(ruw)):
                    continue  # an empty cell of an unused criterion says nothing
                raise InvoerFout(
                    f"Er is een score voor '{naam}' bij '{strategie}', maar dat criterium hoort niet bij de "
                    "vastgelegde criteria. Geef het een gewicht (0 mag) of haal de scores weg."
                )
            if ruw is None:
                continue
            waarde = _als_getal(ruw)
            if waarde is not None and math.isnan(waarde):
                continue
            if waarde is None or math.isinf(waarde):
                raise InvoerFout(f"De score van '{strategie}' op '{naam}' is geen getal. Kies {getal(laag)} t/m "
                                 f"{getal(hoog)}.")
            if not laag <= waarde <= hoog:
                raise InvoerFout(
                    f"De score van '{strategie}' op '{naam}' is {getal(waarde)}; kies een score van "
                    f"{getal(laag)} tot en met {getal(hoog)}."
                )
            matrix[r, kolom[criterium]] = waarde
    return Scoretabel(tuple(strategieen), criteria, matrix, namen, (laag, hoog))


def _onvolledig_bericht(tabel: Scoretabel) -> str:
    ontbrekend = tabel.ontbrekend
    zonder = [s for r, s in enumerate(tabel.strategieen) if np.isnan(tabel.waarden[r]).all()]
    delen = []
    if zonder:
        delen.append(f"{opsomming(zonder)} "
                     f"{'heeft' if len(zonder) == 1 else 'hebben'} nog geen enkele score")
    overig = [(s, c) for s, c in ontbrekend if s not in zonder]
    if overig:
        cellen = [f"{s} op '{tabel.naam(c)}'" for s, c in overig[:5]]
        meer = f" en nog {len(overig) - 5}" if len(overig) > 5 else ""
        delen.append("er ontbreken scores: " + ", ".join(cellen) + meer)
    return ("Nog geen rangschikking: " + "; ".join(delen)
            + ". Vul eerst alle scores in; een lege cel telt niet als 0.")


# -- ranking --------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Rangschikking:
    """A weighted ranking. ``totaal`` is on the score scale; ``bijdrage[s][c]`` = weight × score, and the
    contributions of a strategy add up to its total. ``volgorde`` is best first; ties share a ``rang``."""

    strategieen: tuple[str, ...]
    criteria: tuple[str, ...]
    gewichten: dict[str, float]
    totaal: dict[str, float]
    bijdrage: dict[str, dict[str, float]]
    volgorde: tuple[str, ...]
    rang: dict[str, int]
    gelijk: tuple[tuple[str, ...], ...]
    namen: Mapping[str, str] = field(default_factory=dict)

    @property
    def winnaars(self) -> tuple[str, ...]:
        return tuple(s for s in self.volgorde if self.rang[s] == 1)

    @property
    def gedeelde_eerste_plaats(self) -> bool:
        return len(self.winnaars) > 1

    def top(self, aantal: int = 3) -> tuple[str, ...]:
        """The strategies ranked ``aantal`` or better (more than ``aantal`` when there is a tie at the edge)."""
        return tuple(s for s in self.volgorde if self.rang[s] <= aantal)

    @property
    def voorsprong(self) -> float | None:
        """How far the winner is ahead of the best of the rest (0 with a shared first place)."""
        if len(self.volgorde) < 2:
            return None
        if self.gedeelde_eerste_plaats:
            return 0.0
        return self.totaal[self.volgorde[0]] - self.totaal[self.volgorde[1]]

    def samenvatting(self) -> str:
        winnaars = self.winnaars
        score = getal(round(self.totaal[winnaars[0]], 2), 2)
        if len(self.volgorde) == 1:
            return f"Er is één strategie: {winnaars[0]} met een gewogen score van {score}."
        if len(winnaars) > 1:
            return f"{opsomming(list(winnaars))} delen de eerste plaats met een gewogen score van {score}."
        tweede = self.volgorde[1]
        return (f"{winnaars[0]} staat bovenaan met een gewogen score van {score}, "
                f"{getal(round(self.voorsprong, 2), 2)} punt voor {tweede}.")


def _volgorde(strategieen: Sequence[str], totalen: np.ndarray):
    """Best first; totals within TOLERANTIE are one group that keeps the input order and shares a rank."""
    geordend = sorted(range(len(strategieen)), key=lambda i: -totalen[i])
    groepen: list[list[int]] = []
    for i in geordend:
        if groepen and totalen[groepen[-1][0]] - totalen[i] <= TOLERANTIE:
            groepen[-1].append(i)
        else:
            groepen.append([i])
    volgorde, rang, gelijk = [], {}, []
    for groep in groepen:
        groep.sort()
        plaats = len(volgorde) + 1
        for i in groep:
            rang[strategieen[i]] = plaats
            volgorde.append(strategieen[i])
        if len(groep) > 1:
            gelijk.append(tuple(strategieen[i] for i in groep))
    return tuple(volgorde), rang, tuple(gelijk)


def _gewichtsvector(gewichten: Mapping[str, object], namen: Mapping[str, str] | None) -> dict[str, float]:
    return normaliseer_punten(gewichten, namen=namen)[0]


def rangschik(scores, gewichten: Mapping[str, object], *, namen: Mapping[str, str] | None = None) -> Rangschikking:
    """Weighted sum per strategy and the ranking. ``gewichten`` may be points or weights (only ratios count);
    the criteria are those of ``gewichten``. Raises OnvolledigeScores when a cell is empty."""
    w = _gewichtsvector(gewichten, namen)
    tabel = scoretabel(scores, criteria=tuple(w), namen=namen or (scores.namen if isinstance(scores, Scoretabel)
                                                                   else None))
    if not tabel.volledig:
        raise OnvolledigeScores(_onvolledig_bericht(tabel), tabel.ontbrekend)
    vector = np.array([w[c] for c in tabel.criteria])
    bijdragen = tabel.waarden * vector
    totalen = bijdragen.sum(axis=1)
    volgorde, rang, gelijk = _volgorde(tabel.strategieen, totalen)
    return Rangschikking(
        strategieen=tabel.strategieen,
        criteria=tabel.criteria,
        gewichten=dict(w),
        totaal={s: float(totalen[r]) for r, s in enumerate(tabel.strategieen)},
        bijdrage={s: {c: float(bijdragen[r, k]) for k, c in enumerate(tabel.criteria)}
                  for r, s in enumerate(tabel.strategieen)},
        volgorde=volgorde,
        rang=rang,
        gelijk=gelijk,
        namen=dict(tabel.namen),
    )


def rangschik_per_partij(
    scores, per_partij: Mapping[str, Mapping[str, object]], *, namen: Mapping[str, str] | None = None
) -> dict[str, Rangschikking]:
    """The same scores ranked with each party's own points; a problem in one party's points names the party."""
    uitkomst = {}
    for partij, punten in per_partij.items():
        try:
            uitkomst[partij] = rangschik(scores, punten, namen=namen)
        except OnvolledigeScores:
            raise  # the same for every party: no party name needed
        except InvoerFout as fout:
            raise InvoerFout(f"Bij {partij}: {fout}") from None
    return uitkomst


def _winnaar_tekst(winnaars: Sequence[str]) -> str:
    return winnaars[0] if len(winnaars) == 1 else f"{opsomming(list(winnaars))} (gedeeld)"


def verschillen_tussen_partijen(
    per_partij: Mapping[str, Rangschikking], gezamenlijk: Rangschikking | None = None, *, top: int = 3
) -> list[str]:
    """Dutch sentences on where the parties' rankings differ: the winner, the top 3, the strategy whose rank
    differs most, and parties whose own winner is not the shared winner. When they agree, one sentence says so.

    The names in the sentences are user text: escape them before showing them as HTML."""
    zinnen: list[str] = []
    partijen = list(per_partij)
    if len(partijen) >= 2:
        per_winnaar: dict[tuple[str, ...], list[str]] = {}
        for partij in partijen:
            per_winnaar.setdefault(per_partij[partij].winnaars, []).append(partij)
        if len(per_winnaar) > 1:
            delen = [f"bij {opsomming(wie)} staat {_winnaar_tekst(w)} bovenaan" for w, wie in per_winnaar.items()]
            zinnen.append("De partijen hebben niet dezelfde winnaar: " + opsomming(delen) + ".")
        else:
            zinnen.append(f"Alle partijen hebben dezelfde winnaar: {_winnaar_tekst(next(iter(per_winnaar)))}.")
        toppen = {partij: per_partij[partij].top(top) for partij in partijen}
        if len({frozenset(t) for t in toppen.values()}) > 1:
            delen = [f"{partij}: {', '.join(t)}" for partij, t in toppen.items()]
            zinnen.append(f"De top {top} verschilt per partij ({'; '.join(delen)}).")
        elif len(set(toppen.values())) > 1:
            zinnen.append(f"In de top {top} staan bij iedereen dezelfde strategieën, maar niet in dezelfde volgorde.")
        elif len(per_winnaar) == 1:
            zinnen.append(f"Ook de top {top} is bij alle partijen gelijk.")
        spreiding = []
        for strategie in per_partij[partijen[0]].strategieen:
            rangen = {partij: per_partij[partij].rang[strategie] for partij in partijen}
            spreiding.append((max(rangen.values()) - min(rangen.values()), strategie, rangen))
        verschil, strategie, rangen = max(spreiding, key=lambda t: t[0])
        if verschil >= 2:
            hoog = min(rangen, key=rangen.get)
            laag = max(rangen, key=rangen.get)
            zinnen.append(f"Het grootste verschil zit bij {strategie}: plaats {rangen[hoog]} bij {hoog}, "
                          f"plaats {rangen[laag]} bij {laag}.")
    if gezamenlijk is not None and partijen:
        anders = [p for p in partijen if per_partij[p].winnaars != gezamenlijk.winnaars]
        if anders:
            delen = [f"bij {p} {_winnaar_tekst(per_partij[p].winnaars)}" for p in anders]
            zinnen.append(f"Met de gezamenlijke gewichten wint {_winnaar_tekst(gezamenlijk.winnaars)}; met de eigen "
                          f"gewichten wint {opsomming(delen)}.")
        elif len(partijen) >= 2:
            zinnen.append("De winnaar met de gezamenlijke gewichten is ook de winnaar van elke partij afzonderlijk.")
        else:
            zinnen.append(f"Ook met de eigen gewichten van {partijen[0]} wint "
                          f"{_winnaar_tekst(gezamenlijk.winnaars)}.")
    return zinnen


# -- sensitivity -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Omslag:
    """The smallest shift of weight after which another strategy catches up with the winner.

    ``procentpunten`` is the weight moved, in percentage points (half the L1 distance between the old and the
    new weights); ``van`` the criteria it is taken from (with amounts), ``naar`` the criterion it goes to. At
    exactly that shift the two are level; any more and the ``uitdager`` wins. ``mogelijk`` is False when no
    change of weights can do that (the winner scores at least as well on every criterion)."""

    mogelijk: bool
    winnaars: tuple[str, ...]
    uitdager: str | None = None
    procentpunten: float | None = None
    van: tuple[tuple[str, float], ...] = ()
    naar: str | None = None
    nieuwe_gewichten: dict[str, float] | None = None
    uitleg: str = ""


def _omslag_naar(scores_i: np.ndarray, scores_j: np.ndarray, w: np.ndarray):
    """Exact smallest L1/2 shift of weight after which strategy j ties strategy i (j behind now).

    Moving weight t from criterion a to criterion b changes (S_j − S_i)·w by t·(d_b − d_a). The best receiver
    is the criterion where j is furthest ahead (largest d); donors are taken greedily where j is furthest behind
    (smallest d), each at most its own weight. That is a fractional knapsack, so the greedy choice is optimal.
    Returns (shift, [(donor index, amount)], receiver index), or None when j can never get ahead."""
    d = scores_j - scores_i
    tekort = -float(w @ d)
    ontvanger = int(np.argmax(d))
    beste = d[ontvanger]
    if beste <= TOLERANTIE:
        return None
    gevers = sorted((k for k in range(len(w)) if w[k] > 0 and d[k] < beste), key=lambda k: (d[k], k))
    verschoven, stappen = 0.0, []
    for k in gevers:
        if tekort <= 0:
            break
        opbrengst = beste - d[k]
        deel = min(float(w[k]), tekort / opbrengst)
        stappen.append((k, float(deel)))
        verschoven += deel
        tekort -= deel * opbrengst
    if tekort > 1e-12:
        return None
    return verschoven, stappen, ontvanger


def kleinste_omslag(scores, gewichten: Mapping[str, object], *, namen: Mapping[str, str] | None = None) -> Omslag:
    """The smallest change of weights (in percentage points moved) after which another strategy is level with
    the winner, computed exactly per challenger (see ``_omslag_naar``); the closest challenger is reported.
    Other strategies never overtake the winner earlier: whoever overtakes first, ties first."""
    rangschikking = rangschik(scores, gewichten, namen=namen)
    tabel = scoretabel(scores, criteria=rangschikking.criteria, namen=namen)
    naam = rangschikking.namen.get
    winnaars = rangschikking.winnaars
    if len(winnaars) > 1:
        return Omslag(True, winnaars, uitdager=winnaars[1], procentpunten=0.0,
                      nieuwe_gewichten=dict(rangschikking.gewichten),
                      uitleg=(f"{opsomming(list(winnaars))} staan nu al gelijk bovenaan: de kleinste verandering "
                              "in de gewichten kan de volgorde omdraaien."))
    if len(rangschikking.volgorde) == 1:
        return Omslag(False, winnaars, uitleg="Er is maar één strategie; er valt niets om te slaan.")
    w = np.array([rangschikking.gewichten[c] for c in tabel.criteria])
    i = tabel.strategieen.index(winnaars[0])
    beste = None
    for strategie in rangschikking.volgorde[1:]:  # rank order: on an equal shift the runner-up is named
        uitkomst = _omslag_naar(tabel.waarden[i], tabel.waarden[tabel.strategieen.index(strategie)], w)
        if uitkomst is not None and (beste is None or uitkomst[0] < beste[1][0] - TOLERANTIE):
            beste = (strategie, uitkomst)
    if beste is None:
        return Omslag(False, winnaars, uitleg=(
            f"Geen enkele verschuiving van de gewichten maakt een andere strategie winnaar: {winnaars[0]} scoort "
            "op elk criterium minstens zo goed als elke andere strategie."))
    uitdager, (verschoven, stappen, ontvanger) = beste
    nieuw = w.copy()
    for k, deel in stappen:
        nieuw[k] -= deel
    nieuw[ontvanger] += verschoven
    pp = float(verschoven) * 100
    van = tuple((tabel.criteria[k], deel * 100) for k, deel in stappen)
    naar = tabel.criteria[ontvanger]
    bronnen = opsomming([f"{getal(round(p, 1))} procentpunt bij '{naam(c, c)}'" for c, p in van])
    uitleg = (f"{uitdager} komt naast {winnaars[0]} als je {getal(round(pp, 1))} procentpunt gewicht verschuift: "
              f"haal {bronnen} weg en geef dat aan '{naam(naar, naar)}'. Iets meer en {uitdager} wint.")
    if pp < KLEINE_OMSLAG_PP:
        uitleg += " Dat is een kleine verschuiving: de uitkomst is gevoelig voor de weging."
    elif pp >= GROTE_OMSLAG_PP:
        uitleg += " Daarvoor moet de weging flink veranderen."
    return Omslag(True, winnaars, uitdager, pp, van, naar,
                  {c: float(nieuw[k]) for k, c in enumerate(tabel.criteria)}, uitleg)


@dataclass(frozen=True)
class Gevoeligheid:
    """How often each strategy comes first when the weights vary around the agreed ones.

    ``aandeel_eerste`` adds up to 1 (a shared first place in one draw counts as a fraction for each);
    ``per_partij`` gives the winner(s) with each party's own weights; ``seed`` reproduces the draws."""

    aandeel_eerste: dict[str, float]
    winnaars: tuple[str, ...]
    n: int
    spreiding: float
    seed: int
    concentratie: float
    per_partij: dict[str, tuple[str, ...]]
    omslag: Omslag

    @property
    def aandeel_winnaar(self) -> float:
        return sum(self.aandeel_eerste[s] for s in self.winnaars)

    @property
    def oordeel(self) -> str:
        if self.aandeel_winnaar >= GRENS_STEVIG:
            return "stevig"
        if self.aandeel_winnaar >= GRENS_REDELIJK:
            return "redelijk stevig"
        return "kwetsbaar"

    def samenvatting(self) -> list[str]:
        trekkingen = f"{self.n:,}".replace(",", ".")
        winnaar = _winnaar_tekst(self.winnaars)
        zinnen = [f"Met gewichten die rond de afgesproken weging schommelen (spreiding {procent(self.spreiding)}, "
                  f"{trekkingen} trekkingen) staat {winnaar} in {procent(self.aandeel_winnaar)} van de gevallen "
                  f"bovenaan. De uitkomst is daarmee {self.oordeel}."]
        anderen = [(s, a) for s, a in sorted(self.aandeel_eerste.items(), key=lambda t: -t[1])
                   if s not in self.winnaars and a > 0]
        if anderen:
            zinnen.append("Soms wint een andere strategie: " + opsomming(
                [f"{s} in {procent(a)}" for s, a in anderen[:3]]) + ".")
        if self.per_partij:
            anders = {p: w for p, w in self.per_partij.items() if w != self.winnaars}
            if anders:
                zinnen.append("Met hun eigen gewichten kiezen niet alle partijen dezelfde winnaar: " + opsomming(
                    [f"bij {p} wint {_winnaar_tekst(w)}" for p, w in anders.items()]) + ".")
            else:
                zinnen.append(f"Ook met de eigen gewichten van elke partij wint {winnaar}.")
        if self.omslag.uitleg:
            zinnen.append(self.omslag.uitleg)
        return zinnen


def concentratie(aantal_criteria: int, spreiding: float) -> float:
    """Dirichlet concentration c for a given spreiding s: c = (m − 1) / s².

    With weights W ~ Dirichlet(c·w), a weight of average size (1/m) then varies with a standard deviation of
    about s times its own value (exactly s·√(c/(c+1))). So spreiding 0.2 means: a typical weight moves about
    20% up or down, whatever the number of criteria."""
    return (aantal_criteria - 1) / spreiding**2


def trek_gewichten(
    gewichten: Sequence[float] | np.ndarray, n: int, spreiding: float, rng: np.random.Generator
) -> np.ndarray:
    """``n`` weight sets (rows adding up to 1) around ``gewichten`` (adding up to 1), drawn in one call from a
    Dirichlet distribution whose mean is exactly ``gewichten``. A criterion with weight 0 stays 0: 'around the
    agreed weights' does not invent an interest nobody expressed (each party's own weights are tested separately)."""
    w = np.asarray(gewichten, dtype=float)
    positief = w > 0
    uitkomst = np.zeros((n, len(w)))
    aantal = int(positief.sum())
    if aantal <= 1:
        uitkomst[:, positief] = 1.0
        return uitkomst
    uitkomst[:, positief] = rng.dirichlet(concentratie(aantal, spreiding) * w[positief], size=n)
    return uitkomst


def aandeel_eerste_plaatsen(matrix: np.ndarray, gewichtensets: np.ndarray) -> np.ndarray:
    """Share of first places per strategy over all weight sets: one matmul ``W @ S.T`` and a row maximum.
    Ties within one draw are split, so the shares add up to 1."""
    totalen = gewichtensets @ matrix.T
    eerste = totalen >= totalen.max(axis=1, keepdims=True) - TOLERANTIE
    return (eerste / eerste.sum(axis=1, keepdims=True)).mean(axis=0)


def gevoeligheid(
    scores,
    gewichten: Mapping[str, object],
    *,
    n: int = 10_000,
    spreiding: float = 0.2,
    seed: int | None = None,
    per_partij: Mapping[str, Mapping[str, object]] | None = None,
    namen: Mapping[str, str] | None = None,
) -> Gevoeligheid:
    """Vary the weights and count first places. Draws ``n`` weight sets from a Dirichlet distribution centred
    on the agreed weights (``concentratie`` explains ``spreiding``), ranks all strategies for all sets at once,
    adds the winner with each party's own weights and the exact ``kleinste_omslag``.

    The same ``seed`` gives the same result; without a seed one is chosen and stored in the result, so any
    outcome can be reproduced."""
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= MAX_TREKKINGEN:
        raise InvoerFout(f"Kies een aantal trekkingen van 1 tot en met {MAX_TREKKINGEN:,}.".replace(",", "."))
    spreiding_getal = _als_getal(spreiding)
    if spreiding_getal is None or not 0 < spreiding_getal <= 1:
        raise InvoerFout("Kies een spreiding groter dan 0% en hoogstens 100%.")
    if seed is None:
        seed = int(np.random.SeedSequence().entropy % (2**63))
    elif isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise InvoerFout("Het startgetal (seed) moet een geheel getal van 0 of meer zijn.")
    rangschikking = rangschik(scores, gewichten, namen=namen)
    tabel = scoretabel(scores, criteria=rangschikking.criteria, namen=namen)
    w = np.array([rangschikking.gewichten[c] for c in tabel.criteria])
    rng = np.random.default_rng(seed)
    sets = trek_gewichten(w, n, spreiding_getal, rng)
    aandelen = aandeel_eerste_plaatsen(tabel.waarden, sets)
    eigen = {partij: r.winnaars for partij, r in rangschik_per_partij(tabel, per_partij or {}, namen=namen).items()}
    return Gevoeligheid(
        aandeel_eerste={s: float(aandelen[r]) for r, s in enumerate(tabel.strategieen)},
        winnaars=rangschikking.winnaars,
        n=n,
        spreiding=spreiding_getal,
        seed=seed,
        concentratie=concentratie(int((w > 0).sum()), spreiding_getal) if (w > 0).sum() > 1 else math.inf,
        per_partij=eigen,
        omslag=kleinste_omslag(tabel, rangschikking.gewichten, namen=namen),
    )


def criteria_uit(punten_per_partij: Iterable[Mapping[str, object]]) -> tuple[str, ...]:
    """All criteria that occur in any party's points, in first-seen order (for building an empty score form)."""
    return tuple(dict.fromkeys(c for punten in punten_per_partij for c in punten))


GROOT_VERSCHIL = 0.15


def grote_verschillen(genormaliseerd: dict[str, dict[str, float]], namen: dict[str, str],
                      drempel: float = GROOT_VERSCHIL) -> list[str]:
    """Dutch sentences for the criteria where the parties' weights differ by ``drempel`` or more, largest first.
    Pure (no widgets): the names are user text, escape them before showing them as HTML."""
    if len(genormaliseerd) < 2:
        return []
    verschillen = []
    for criterium, naam in namen.items():
        waarden = {p: g[criterium] for p, g in genormaliseerd.items() if criterium in g}
        if len(waarden) < 2:
            continue
        hoog, laag = max(waarden, key=waarden.get), min(waarden, key=waarden.get)
        if waarden[hoog] - waarden[laag] >= drempel - 1e-9:
            verschillen.append((waarden[hoog] - waarden[laag], naam, hoog, laag, waarden))
    verschillen.sort(key=lambda t: -t[0])
    return [f"Bij '{naam}' lopen de gewichten flink uiteen: {procent(waarden[hoog])} bij {hoog} en "
            f"{procent(waarden[laag])} bij {laag}. Bespreek waar dat verschil vandaan komt."
            for _v, naam, hoog, laag, waarden in verschillen]


def volledig_gewogen(partijen: Iterable[tuple[int, str]], criterium_ids: Iterable[int],
                     wegingen: Mapping[int, Mapping[int, float]]) -> tuple[dict[str, dict[str, float]], list[str]]:
    """The points of the parties that gave points to every criterion (``{partij naam: {str(criterium id):
    punten}}``), and the names of the parties that have not (completely) weighed: a party with a criterion
    left out is 'onbekend', never counted with 0. Shared by the exercise and the exports."""
    criteria = set(criterium_ids)
    compleet: dict[str, dict[str, float]] = {}
    ontbreekt: list[str] = []
    for partij_id, naam in partijen:
        punten = wegingen.get(partij_id, {})
        if criteria and set(punten) == criteria:
            compleet[naam] = {str(c): v for c, v in punten.items()}
        else:
            ontbreekt.append(naam)
    return compleet, ontbreekt
