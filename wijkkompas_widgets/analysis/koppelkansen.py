"""Koppelkansen (phase 3): ranking the register on its scores, and candidates from phase 2.

Ranking, in one place:

- A koppelkans is scored 1-5 per criterion; higher is always better (5 on 'extra-kosten' means little
  extra cost, on 'doorlooptijd' a short time). Its *score* is the plain mean over the criteria in use.
- A koppelkans that misses a score on any criterion in use is *not* ranked (a missing score is
  'onbekend', never 0): it is listed apart as 'nog niet volledig gescoord', with what is missing.
  Scores on a criterion that is no longer in use are ignored.
- Ties: equal means share a place (1, 2, 2, 4). Within a shared place the list is alphabetical
  (case ignored), then by id, so the outcome never depends on the order of the input.
- The top 3 are the koppelkansen with place 1, 2 or 3; with a shared third place that can be more
  than three, which the page says rather than picking one at random.

Candidates from phase 2 come from the natural moments (works of different parties in one area that
fall together) and from the sociale koppelkansen; the store's import skips titles already present.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from ..dossier import validatie
from ..dossier.model import InvoerFout
from ..dossier.records import STANDAARD_SCORECRITERIA, KoppelkansInvoer, Werk
from .domeinen import lees_formulier
from .planning import STANDAARD_MARGE, controleer_marge, natuurlijke_momenten

TOP = 3
STANDAARD_SLEUTELS: tuple[str, ...] = tuple(s for s, _label in STANDAARD_SCORECRITERIA)
MAX_EIGEN_CRITERIA = 7  # the store keeps at most 10 scores per koppelkans: 3 standard + 7 own
BRON = "Wijkkompas (wijkkompas.nl), knooppunt 'Strategieën voor koppelkansen'. In eigen woorden."


@dataclass(frozen=True)
class KansScore:
    """One koppelkans in the ranking. ``gemiddelde`` is None (onbekend) when a score is missing."""

    kans_id: int
    titel: str
    scores: dict[str, int]
    gemiddelde: Fraction | None
    ontbrekend: tuple[str, ...]
    plaats: int | None = None  # None when not ranked
    besluit: str | None = None
    reden: str = ""

    @property
    def in_top(self) -> bool:
        return self.plaats is not None and self.plaats <= TOP

    @property
    def gemiddelde_tekst(self) -> str:
        """'3,7' (Dutch decimal comma, half rounded up: 4,25 → 4,3) or 'onbekend'."""
        if self.gemiddelde is None:
            return "onbekend"
        tienden = math.floor(self.gemiddelde * 10 + Fraction(1, 2))
        return f"{tienden // 10},{tienden % 10}"


@dataclass(frozen=True)
class KoppelkansRangschikking:
    gerangschikt: tuple[KansScore, ...]
    onvolledig: tuple[KansScore, ...]
    criteria: tuple[str, ...]

    @property
    def top(self) -> tuple[KansScore, ...]:
        return tuple(k for k in self.gerangschikt if k.in_top)

    @property
    def gedeelde_plaats_in_top(self) -> bool:
        return len(self.top) > TOP


def controleer_eigen_criterium(naam: object, bestaande: Iterable[str]) -> str:
    """A team's own criterion: a short name, not the same as a standard or existing one."""
    bestaande = list(bestaande)
    schoon = validatie.schone_tekst(naam, "De naam van het criterium", maximum=60, verplicht=True)
    alle = [*STANDAARD_SLEUTELS, *(label for _s, label in STANDAARD_SCORECRITERIA), *bestaande]
    if validatie.naam_sleutel(schoon) in {validatie.naam_sleutel(b) for b in alle}:
        raise InvoerFout(f"Het criterium '{schoon}' bestaat al.")
    if len(bestaande) >= MAX_EIGEN_CRITERIA:
        raise InvoerFout(f"Gebruik hoogstens {MAX_EIGEN_CRITERIA} eigen criteria naast de drie uit de praktijk.")
    return schoon


def eigen_criteria_uit_formulier(gegevens: Mapping) -> list[str]:
    """The team's own criteria from their form: ``{"eigen": {sleutel: {"naam", "aangemaakt"}}}``
    (a removed one as None), in the order they were added."""
    eigen = gegevens.get("eigen") if isinstance(gegevens.get("eigen"), Mapping) else {}
    items = [(str(v.get("aangemaakt") or ""), str(v.get("naam") or "")) for v in eigen.values()
             if isinstance(v, Mapping) and v.get("naam")]
    return [naam for _tijd, naam in sorted(items)]


def rangschik_koppelkansen(kansen: Iterable, criteria: Sequence[str] = STANDAARD_SLEUTELS) -> KoppelkansRangschikking:
    """Rank koppelkansen (objects with ``id``, ``titel``, ``scores``, ``besluit``, ``reden``, such as
    the store's ``Koppelkans``) on the mean of their scores over ``criteria``; see the module docstring."""
    criteria = tuple(dict.fromkeys(criteria))
    if not criteria:
        raise InvoerFout("Er is geen criterium om de koppelkansen op te scoren.")
    volledig: list[KansScore] = []
    onvolledig: list[KansScore] = []
    for kans in kansen:
        scores = {c: kans.scores[c] for c in criteria if c in kans.scores}
        ontbrekend = tuple(c for c in criteria if c not in scores)
        gemiddelde = None if ontbrekend else Fraction(sum(scores.values()), len(criteria))
        item = KansScore(kans.id, kans.titel, scores, gemiddelde, ontbrekend, None, kans.besluit, kans.reden)
        (onvolledig if ontbrekend else volledig).append(item)
    volledig.sort(key=lambda k: (-k.gemiddelde, k.titel.casefold(), k.kans_id))
    onvolledig.sort(key=lambda k: (len(k.ontbrekend), k.titel.casefold(), k.kans_id))
    gerangschikt: list[KansScore] = []
    for index, item in enumerate(volledig):
        vorige = gerangschikt[-1] if gerangschikt else None
        plaats = vorige.plaats if vorige is not None and vorige.gemiddelde == item.gemiddelde else index + 1
        gerangschikt.append(KansScore(item.kans_id, item.titel, item.scores, item.gemiddelde, (), plaats,
                                      item.besluit, item.reden))
    return KoppelkansRangschikking(tuple(gerangschikt), tuple(onvolledig), criteria)


# -- candidates from phase 2 ----------------------------------------------------------------------
def _kort(tekst: str, maximum: int) -> str:
    return tekst if len(tekst) <= maximum else tekst[: maximum - 1].rstrip(" ,(") + "…"


def marge_uit_formulier(gegevens: Mapping) -> int:
    """The team's margin from the 'natuurlijke-momenten' form, or the default when none was saved."""
    for sleutel in ("marge", "marge_jaren"):
        waarde = gegevens.get(sleutel)
        if isinstance(waarde, int) and not isinstance(waarde, bool):
            try:
                return controleer_marge(waarde)
            except InvoerFout:
                break
    return STANDAARD_MARGE


def kandidaten_uit_fase2(werken: Iterable[Werk], marge: int, sociale_gegevens: Mapping) -> list[KoppelkansInvoer]:
    """Natural moments (for the team's margin) and sociale koppelkansen as candidates for the
    register: natural moments first, by window, then the sociale ones in the order they were added."""
    kandidaten: list[KoppelkansInvoer] = []
    for moment in natuurlijke_momenten(werken, marge):
        titel = _kort(f"Samen de straat open: {moment.gebied} ({moment.venster})", validatie.MAX_KORT)
        werken_tekst = "; ".join(f"{w.omschrijving} ({w.eigenaar}, {w.periode})" for w in moment.werken)
        ref = _kort(f"Natuurlijk moment uit fase 2. Werken: {werken_tekst}. Partijen: {', '.join(moment.partijen)}.",
                    validatie.MAX_TOELICHTING)
        omschrijving = _kort(
            f"In {moment.gebied} vallen werken van {len(moment.partijen)} partijen samen in {moment.venster}: "
            "één keer de straat open in plaats van meerdere keren.", validatie.MAX_TOELICHTING)
        kandidaten.append(KoppelkansInvoer(titel, "natuurlijk-moment", ref, omschrijving))
    _domeinen, sociale = lees_formulier(dict(sociale_gegevens or {}), [])
    for kans in sociale:
        if not kans.titel.strip():
            continue
        kandidaten.append(KoppelkansInvoer(_kort(kans.titel, validatie.MAX_KORT), "sociaal", kans.id,
                                           _kort(kans.beschrijving, validatie.MAX_TOELICHTING)))
    return kandidaten
