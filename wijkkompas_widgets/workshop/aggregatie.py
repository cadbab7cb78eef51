"""What the room sees during a live workshop: the submitted answers of one round, put together.

Pure functions (no widgets, no store): the input is a ``Ronde`` (its questions) and the submitted answers
as ``(Deelnemer, Antwoorden)`` pairs, exactly what ``store.ronde_antwoorden(..., alleen_ingediend=True)``
returns. The output are frozen dataclasses with plain floats (``None`` where there is no number); writing
numbers the Dutch way is the view's job.

The rules, the same for every exercise:

- Only submitted answers count; a pair whose answers are not submitted is left out here as well.
- 'Weet niet' (``None``) is counted (``weet_niet``) but is never part of a mean, median or spread.
- Organisations are one organisation when their names differ only in case and spaces
  (``validatie.naam_sleutel``); each is shown as first written (spaces tidied).
- Nothing divides by zero: a round without submitted answers gives an empty result whose ``melding``
  says so, and a number that cannot be computed is ``None``.
- The rules of the phase exercises are reused, not repeated: the scan goes through ``analysis.scan.analyseer``,
  weights through ``analysis.mca.normaliseer_punten``/``gezamenlijke_gewichten`` (every organisation counts
  equally, however many of its people joined), koppelkansen through ``analysis.koppelkansen``'s ranking
  (equal means share a place).

All answers of a round go into one participants × questions matrix (numpy), so 100 participants × 30 answers
take a few milliseconds (``benchmarks/workshop.py``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from numbers import Real

import numpy as np

from ..analysis.koppelkansen import KoppelkansRangschikking, rangschik_koppelkansen
from ..analysis.mca import gezamenlijke_gewichten, grote_verschillen, normaliseer_punten
from ..analysis.scan import ScanUitslag, analyseer
from ..dossier.model import InvoerFout
from ..dossier.validatie import naam_sleutel
from .model import WEGING_TOTAAL, Antwoorden, Deelnemer, Ronde, Vraag

LEEG = "Nog geen ingediende antwoorden in deze ronde."
ZONDER_ORGANISATIE = "(geen organisatie)"
AANTAL_VERSCHILLEN = 5  # the facilitator shows this many 'waar de organisaties verschillen'

Paren = Sequence[tuple[Deelnemer, Antwoorden]]


# -- shared pieces -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Organisatie:
    naam: str  # as first written
    deelnemers: int  # with submitted answers in this round


@dataclass(frozen=True)
class VraagUitslag:
    """One question over all submitted answers. ``per_organisatie``: organisation → mean of its scores,
    only organisations with at least one score."""

    vraag: Vraag
    n: int  # scores (answers other than 'weet niet')
    weet_niet: int
    gemiddelde: float | None = None
    mediaan: float | None = None
    minimum: float | None = None
    maximum: float | None = None
    per_organisatie: dict[str, float] = field(default_factory=dict)

    @property
    def sleutel(self) -> str:
        return self.vraag.sleutel


@dataclass(frozen=True)
class OrganisatieVerschil:
    """A question on which organisations answered differently: the highest and lowest organisation mean."""

    vraag: Vraag
    verschil: float  # highest minus lowest organisation mean (> 0)
    hoogste: tuple[str, float]
    laagste: tuple[str, float]
    gemiddelden: tuple[tuple[str, float], ...]  # every organisation with a score, in order of first appearance


@dataclass(frozen=True)
class _Tabel:
    """All submitted answers of a round as one matrix: a row per participant, a column per question."""

    vragen: tuple[Vraag, ...]
    waarden: np.ndarray  # float, NaN where there is no score ('weet niet' or not answered)
    weet_niet: np.ndarray  # bool
    organisatie: np.ndarray  # int: the row's organisation (index into ``organisaties``)
    organisaties: tuple[Organisatie, ...]

    @property
    def deelnemers(self) -> int:
        return int(self.waarden.shape[0])

    def kolom(self, sleutel: str) -> int:
        return next(i for i, v in enumerate(self.vragen) if v.sleutel == sleutel)


def _ingediend(antwoorden: Paren) -> list[tuple[Deelnemer, Antwoorden]]:
    return [(d, a) for d, a in antwoorden if a.is_ingediend]


def _is_score(waarde: object) -> bool:
    return isinstance(waarde, Real) and not isinstance(waarde, bool) and math.isfinite(waarde)


def _organisaties(paren: Sequence[tuple[Deelnemer, Antwoorden]]) -> tuple[np.ndarray, tuple[Organisatie, ...]]:
    index: dict[str, int] = {}
    namen: list[str] = []
    aantallen: list[int] = []
    rijen = np.empty(len(paren), dtype=np.intp)
    for rij, (deelnemer, _a) in enumerate(paren):
        naam = " ".join(str(deelnemer.organisatie or "").split())
        sleutel = naam_sleutel(naam)
        if sleutel not in index:
            index[sleutel] = len(namen)
            namen.append(naam or ZONDER_ORGANISATIE)
            aantallen.append(0)
        rijen[rij] = index[sleutel]
        aantallen[index[sleutel]] += 1
    return rijen, tuple(Organisatie(n, a) for n, a in zip(namen, aantallen, strict=True))


def _tabel(vragen: Sequence[Vraag], paren: Sequence[tuple[Deelnemer, Antwoorden]]) -> _Tabel:
    vragen = tuple(vragen)
    kolommen = {v.sleutel: k for k, v in enumerate(vragen)}
    waarden = np.full((len(paren), len(vragen)), np.nan)
    weet_niet = np.zeros((len(paren), len(vragen)), dtype=bool)
    for rij, (_d, antwoorden) in enumerate(paren):
        for sleutel, waarde in antwoorden.waarden.items():
            kolom = kolommen.get(sleutel)
            if kolom is None:
                continue  # not a question of this round (cannot come from the store): ignored
            if waarde is None:
                weet_niet[rij, kolom] = True
            elif _is_score(waarde):
                waarden[rij, kolom] = waarde
    organisatie, organisaties = _organisaties(paren)
    return _Tabel(vragen, waarden, weet_niet, organisatie, organisaties)


def _organisatie_gemiddelden(tabel: _Tabel) -> tuple[np.ndarray, np.ndarray]:
    """Organisations × questions: the mean of each organisation's scores (NaN where it has none), and the counts.
    One matrix product instead of a loop over organisations and questions."""
    lidmaatschap = np.zeros((len(tabel.organisaties), tabel.deelnemers))
    lidmaatschap[tabel.organisatie, np.arange(tabel.deelnemers)] = 1.0
    heeft_score = ~np.isnan(tabel.waarden)
    sommen = lidmaatschap @ np.where(heeft_score, tabel.waarden, 0.0)
    aantallen = lidmaatschap @ heeft_score.astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        gemiddelden = np.where(aantallen > 0, sommen / np.where(aantallen > 0, aantallen, 1.0), np.nan)
    return gemiddelden, aantallen


def _vraag_uitslagen(tabel: _Tabel) -> list[VraagUitslag]:
    waarden = tabel.waarden
    heeft_score = ~np.isnan(waarden)
    aantallen = heeft_score.sum(axis=0)
    weet_niet = tabel.weet_niet.sum(axis=0)
    sommen = np.where(heeft_score, waarden, 0.0).sum(axis=0)
    minima = np.where(heeft_score, waarden, np.inf).min(axis=0, initial=np.inf)
    maxima = np.where(heeft_score, waarden, -np.inf).max(axis=0, initial=-np.inf)
    # the median per column: sort (NaN last) and take the middle of the scores of that column
    gesorteerd = np.sort(waarden, axis=0)
    org_gemiddelden, _aantallen = _organisatie_gemiddelden(tabel)
    uitslagen = []
    for k, vraag in enumerate(tabel.vragen):
        n = int(aantallen[k])
        per_organisatie = {
            tabel.organisaties[o].naam: float(org_gemiddelden[o, k])
            for o in range(len(tabel.organisaties)) if not np.isnan(org_gemiddelden[o, k])
        }
        if n == 0:
            uitslagen.append(VraagUitslag(vraag, 0, int(weet_niet[k]), per_organisatie=per_organisatie))
            continue
        midden = (float(gesorteerd[(n - 1) // 2, k]) + float(gesorteerd[n // 2, k])) / 2
        uitslagen.append(VraagUitslag(
            vraag, n, int(weet_niet[k]), float(sommen[k]) / n, midden, float(minima[k]), float(maxima[k]),
            per_organisatie,
        ))
    return uitslagen


def _verschillen(tabel: _Tabel) -> list[OrganisatieVerschil]:
    """Per question with scores from at least two organisations: the organisation means and their range,
    largest difference first (then the question order); differences of 0 are left out."""
    gemiddelden, _aantallen = _organisatie_gemiddelden(tabel)
    if gemiddelden.shape[0] < 2:
        return []
    met_score = ~np.isnan(gemiddelden)
    bereik = np.where(met_score.sum(axis=0) >= 2,
                      np.nanmax(np.where(met_score, gemiddelden, -np.inf), axis=0)
                      - np.nanmin(np.where(met_score, gemiddelden, np.inf), axis=0), 0.0)
    volgorde = sorted((k for k in range(len(tabel.vragen)) if bereik[k] > 1e-9), key=lambda k: (-bereik[k], k))
    verschillen = []
    for k in volgorde:
        rij = tuple((tabel.organisaties[o].naam, float(gemiddelden[o, k]))
                    for o in range(gemiddelden.shape[0]) if met_score[o, k])
        hoogste = max(rij, key=lambda item: item[1])
        laagste = min(rij, key=lambda item: item[1])
        verschillen.append(OrganisatieVerschil(tabel.vragen[k], hoogste[1] - laagste[1], hoogste, laagste, rij))
    return verschillen


def _id_en_rest(sleutel: str, voorvoegsel: str) -> tuple[str, str]:
    """'p12:invloed' → ('12', 'invloed'); 'c7' → ('7', '')."""
    kern = sleutel[len(voorvoegsel):] if sleutel.startswith(voorvoegsel) else sleutel
    id_, _dubbelepunt, rest = kern.partition(":")
    return id_, rest


def rond_af(waarde: float) -> int:
    """Half up, as people round (2,5 → 3), not Python's half-to-even: used for what adoption writes."""
    return math.floor(waarde + 0.5)


def verdeel_100(gewichten: Mapping[str, object], totaal: int = WEGING_TOTAAL) -> dict[str, int]:
    """Whole points that add up to exactly ``totaal`` (100), in proportion to ``gewichten`` (any non-negative
    numbers: shares, points or percentages), by largest remainder: everyone gets the whole part of their
    exact share, the points left over go to the largest remainders (on equal remainders the first in the
    input). Each result is within 1 of the exact share. Computed in fractions, so no rounding error can
    make the sum 99 or 101."""
    if not gewichten:
        return {}
    exact: dict[str, Fraction] = {}
    for sleutel, waarde in gewichten.items():
        if not _is_score(waarde) or waarde < 0:
            raise InvoerFout(f"Het gewicht van '{sleutel}' is geen getal van 0 of meer.")
        exact[sleutel] = Fraction(waarde)
    som = sum(exact.values())
    if som <= 0:
        raise InvoerFout("Alle gewichten zijn 0; er valt niets te verdelen.")
    delen = {sleutel: waarde * totaal / som for sleutel, waarde in exact.items()}
    punten = {sleutel: math.floor(deel) for sleutel, deel in delen.items()}
    over = totaal - sum(punten.values())
    resten = sorted(enumerate(delen), key=lambda item: (punten[item[1]] - delen[item[1]], item[0]))
    for _i, sleutel in resten[:over]:
        punten[sleutel] += 1
    return punten


# -- scan ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Respons:
    """The shape ``analysis.scan.analyseer`` reads (its ``Antwoordenlijst``)."""

    naam: str
    organisatie: str
    antwoorden: Mapping[str, int | None]


class _Uitslag:
    """What every round result says when nobody has submitted yet (``leeg`` and the sentence for it)."""

    @property
    def leeg(self) -> bool:
        return self.deelnemers == 0

    @property
    def melding(self) -> str:
        return LEEG if self.leeg else ""


@dataclass(frozen=True)
class ScanWorkshopUitslag(_Uitslag):
    """The scan of the room: ``uitslag`` is exactly what the scan page shows for a round of the dossier."""

    deelnemers: int
    organisaties: tuple[Organisatie, ...]
    uitslag: ScanUitslag
    factornamen: tuple[str, ...]
    profielen: tuple[tuple[str, tuple[float | None, ...]], ...]  # per organisation: one mean per factor
    gemiddelde: tuple[float | None, ...]  # per factor, None: te weinig antwoorden
    weet_niet: int  # 'weet niet' answers over all statements


def _scan_van(inhoud):
    scan = getattr(getattr(inhoud, "fase1", None), "scan", None) or inhoud
    if not hasattr(scan, "factoren") or not hasattr(scan, "stellingen"):
        raise InvoerFout("De samenwerkingsscan ontbreekt in de inhoud van het werkboek.")
    return scan


def scan_uitslag(inhoud, antwoorden: Paren) -> ScanWorkshopUitslag:
    """The samenwerkingsscan of the room through ``analysis.scan.analyseer``. ``inhoud``: the workbook's
    ``Inhoud`` (or its ``Samenwerkingsscan``)."""
    scan = _scan_van(inhoud)
    paren = _ingediend(antwoorden)
    responsen = [_Respons(d.naam, d.organisatie, a.waarden) for d, a in paren]
    uitslag = analyseer(scan, responsen)
    _rijen, organisaties = _organisaties(paren)
    factoren = tuple(scan.factoren)
    return ScanWorkshopUitslag(
        deelnemers=len(paren),
        organisaties=organisaties,
        uitslag=uitslag,
        factornamen=tuple(f.naam for f in factoren),
        profielen=tuple((p.organisatie, tuple(p.scores[f.id] for f in factoren)) for p in uitslag.profielen),
        gemiddelde=tuple(r.gemiddelde for r in uitslag.factoren),
        weet_niet=sum(r.weet_niet for r in uitslag.stellingen),
    )


# -- macht en belang -----------------------------------------------------------------------------
@dataclass(frozen=True)
class PartijUitslag:
    """One party as the room places it: median and range (min–max) of invloed and belang."""

    partij_id: str  # the id inside the question keys ('p<id>:…')
    naam: str
    invloed: VraagUitslag | None
    belang: VraagUitslag | None

    @property
    def punt(self) -> tuple[str, float, float] | None:
        """(naam, median invloed, median belang) for the macht/belang grid, None without both medians."""
        if self.invloed is None or self.belang is None or self.invloed.mediaan is None or self.belang.mediaan is None:
            return None
        return self.naam, self.invloed.mediaan, self.belang.mediaan

    @property
    def aantal(self) -> int:
        """Participants who placed this party (the larger of the two counts)."""
        return max(self.invloed.n if self.invloed else 0, self.belang.n if self.belang else 0)


@dataclass(frozen=True)
class MachtbelangUitslag(_Uitslag):
    deelnemers: int
    organisaties: tuple[Organisatie, ...]
    partijen: tuple[PartijUitslag, ...]  # in the order of the round's questions

    @property
    def punten(self) -> list[tuple[str, float, float]]:
        """(naam, invloed, belang) per party with both medians: ``charts.machtbelang.machtbelang_figuur``."""
        return [p.punt for p in self.partijen if p.punt is not None]


def machtbelang_uitslag(ronde: Ronde, antwoorden: Paren) -> MachtbelangUitslag:
    """Per party the median and range of invloed and belang, the number of answers and the organisation means."""
    tabel = _tabel(ronde.vragen, _ingediend(antwoorden))
    per_partij: dict[str, dict[str, VraagUitslag | str]] = {}
    for uitslag in _vraag_uitslagen(tabel):
        partij_id, as_ = _id_en_rest(uitslag.sleutel, "p")
        item = per_partij.setdefault(partij_id, {"naam": uitslag.vraag.groep or uitslag.vraag.label})
        if as_ in ("invloed", "belang"):
            item[as_] = uitslag
    partijen = tuple(PartijUitslag(pid, str(item["naam"]), item.get("invloed"), item.get("belang"))
                     for pid, item in per_partij.items())
    return MachtbelangUitslag(tabel.deelnemers, tabel.organisaties, partijen)


# -- weging --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CriteriumVerschil:
    criterium: str  # question key 'c<id>'
    naam: str
    verschil: float  # highest minus lowest organisation weight (a share, 0–1)
    hoogste: tuple[str, float]
    laagste: tuple[str, float]


@dataclass(frozen=True)
class WegingUitslag(_Uitslag):
    """Weights are shares (summing to 1); ``*_punten`` are the same as whole points summing to 100."""

    deelnemers: int
    organisaties: tuple[Organisatie, ...]
    namen: dict[str, str]  # criterion key → name, in the round's order
    per_organisatie: dict[str, dict[str, float]]  # mean of its participants' normalised weights
    gezamenlijk: dict[str, float]  # mean of the organisations (each counts equally)
    punten_per_organisatie: dict[str, dict[str, int]]
    gezamenlijke_punten: dict[str, int]
    verschillen: tuple[CriteriumVerschil, ...]  # largest first; only differences above 0
    zinnen: tuple[str, ...]  # analysis.mca.grote_verschillen: the big differences in Dutch sentences
    overgeslagen: int = 0  # submitted answers that could not be used (all zero or incomplete)

    @property
    def leeg(self) -> bool:
        return not self.per_organisatie


def _genormaliseerde_tabel(ronde: Ronde, paren: Sequence[tuple[Deelnemer, Antwoorden]]) -> tuple[_Tabel, int]:
    """The weging matrix with every participant's points turned into shares (``normaliseer_punten``):
    someone who handed out 80 points counts as much as someone who handed out 100. Answers that cannot
    be normalised (a criterion without points, all zero) are left out and counted."""
    sleutels = [v.sleutel for v in ronde.vragen]
    bruikbaar, genormaliseerd, overgeslagen = [], [], 0
    for deelnemer, antwoorden in paren:
        try:
            gewichten, _melding = normaliseer_punten({s: antwoorden.waarden.get(s) for s in sleutels})
        except InvoerFout:
            overgeslagen += 1
            continue
        bruikbaar.append((deelnemer, antwoorden))
        genormaliseerd.append([gewichten[s] for s in sleutels])
    tabel = _tabel(ronde.vragen, bruikbaar)
    if genormaliseerd:
        tabel.waarden[:] = np.asarray(genormaliseerd, dtype=float)
    return tabel, overgeslagen


def weging_uitslag(ronde: Ronde, antwoorden: Paren) -> WegingUitslag:
    """Per organisation the mean normalised weights, the joint weights (``gezamenlijke_gewichten``: the mean of
    the organisations) and the criteria where organisations differ most."""
    tabel, overgeslagen = _genormaliseerde_tabel(ronde, _ingediend(antwoorden))
    namen = {v.sleutel: v.label for v in ronde.vragen}
    if tabel.deelnemers == 0:
        return WegingUitslag(0, (), namen, {}, {}, {}, {}, (), (), overgeslagen)
    gemiddelden, _aantallen = _organisatie_gemiddelden(tabel)
    sleutels = list(namen)
    per_organisatie = {org.naam: {s: float(gemiddelden[o, k]) for k, s in enumerate(sleutels)}
                       for o, org in enumerate(tabel.organisaties)}
    gezamenlijk = gezamenlijke_gewichten(per_organisatie, namen=namen)
    verschillen = tuple(
        CriteriumVerschil(v.vraag.sleutel, v.vraag.label, v.verschil, v.hoogste, v.laagste) for v in _verschillen(tabel)
    )
    return WegingUitslag(
        deelnemers=tabel.deelnemers,
        organisaties=tabel.organisaties,
        namen=namen,
        per_organisatie=per_organisatie,
        gezamenlijk=gezamenlijk,
        punten_per_organisatie={org: verdeel_100(g) for org, g in per_organisatie.items()},
        gezamenlijke_punten=verdeel_100(gezamenlijk),
        verschillen=verschillen,
        zinnen=tuple(grote_verschillen(per_organisatie, namen)),
        overgeslagen=overgeslagen,
    )


# -- koppelkansen --------------------------------------------------------------------------------
@dataclass(frozen=True)
class KansUitslag:
    kans_id: str  # the id inside the question keys ('k<id>:…')
    titel: str
    per_criterium: dict[str, VraagUitslag]  # criterion key → mean etc. over the room
    gemiddelde: float | None  # plain mean over the criteria; None when a criterion has no score
    plaats: int | None  # shared on equal means (1, 2, 2, 4); None when not ranked
    per_organisatie: dict[str, float]  # organisation → mean of its criterion means
    verschil: float  # highest minus lowest organisation (0 with fewer than two organisations)


@dataclass(frozen=True)
class KoppelkansenUitslag(_Uitslag):
    deelnemers: int
    organisaties: tuple[Organisatie, ...]
    criteria: dict[str, str]  # criterion key → label, in the round's order
    kansen: tuple[KansUitslag, ...]  # ranked first (by place), then the ones without a full score
    rangschikking: KoppelkansRangschikking  # for charts.koppelkansen.koppelkansen_figuur


@dataclass(frozen=True)
class _KansVoorRangschikking:
    """The shape ``rangschik_koppelkansen`` reads; scores are exact fractions, so equal means really tie."""

    id: int
    titel: str
    scores: dict[str, Fraction]
    besluit: str | None = None
    reden: str = ""


def koppelkansen_uitslag(ronde: Ronde, antwoorden: Paren) -> KoppelkansenUitslag:
    """Mean per koppelkans per criterion, the overall mean, the ranking (ties share a place) and the spread
    between organisations."""
    tabel = _tabel(ronde.vragen, _ingediend(antwoorden))
    uitslagen = _vraag_uitslagen(tabel)
    criteria: dict[str, str] = {}
    per_kans: dict[str, dict] = {}
    for uitslag in uitslagen:
        kans_id, criterium = _id_en_rest(uitslag.sleutel, "k")
        criteria.setdefault(criterium, uitslag.vraag.label)
        kans = per_kans.setdefault(kans_id, {"titel": uitslag.vraag.groep or kans_id, "criteria": {}})
        kans["criteria"][criterium] = uitslag
    # exact means (sum / n of whole numbers) for the ranking, so 7/2 and 3.5 are the same place
    nummers: dict[int, str] = {}
    voor_rangschikking = []
    for volgnummer, (kans_id, kans) in enumerate(per_kans.items()):
        nummer = int(kans_id) if kans_id.isdigit() else -1 - volgnummer
        nummers[nummer] = kans_id
        scores = {c: Fraction(round(u.gemiddelde * u.n), u.n) for c, u in kans["criteria"].items() if u.n}
        voor_rangschikking.append(_KansVoorRangschikking(nummer, kans["titel"], scores))
    if not voor_rangschikking:
        rangschikking = KoppelkansRangschikking((), (), tuple(criteria))
    else:
        rangschikking = rangschik_koppelkansen(voor_rangschikking, tuple(criteria))
    kansen = []
    for item in (*rangschikking.gerangschikt, *rangschikking.onvolledig):
        kans_id = nummers[item.kans_id]
        per_criterium = per_kans[kans_id]["criteria"]
        per_organisatie = _kans_per_organisatie(per_criterium.values())
        waarden = list(per_organisatie.values())
        kansen.append(KansUitslag(
            kans_id, item.titel, per_criterium, None if item.gemiddelde is None else float(item.gemiddelde),
            item.plaats, per_organisatie, max(waarden) - min(waarden) if len(waarden) >= 2 else 0.0,
        ))
    return KoppelkansenUitslag(tabel.deelnemers, tabel.organisaties, criteria, tuple(kansen), rangschikking)


def _kans_per_organisatie(uitslagen) -> dict[str, float]:
    per_organisatie: dict[str, list[float]] = {}
    for uitslag in uitslagen:
        for organisatie, gemiddelde in uitslag.per_organisatie.items():
            per_organisatie.setdefault(organisatie, []).append(gemiddelde)
    return {o: sum(w) / len(w) for o, w in per_organisatie.items()}


# -- all exercises -------------------------------------------------------------------------------
def spreiding_tussen_organisaties(ronde: Ronde, antwoorden: Paren,
                                  aantal: int | None = None) -> list[OrganisatieVerschil]:
    """Per question the organisation means and the largest difference between them, largest first
    (questions with scores from fewer than two organisations, or no difference, are left out). For weging
    the means are of the normalised weights (shares). ``aantal`` keeps only the first ones; the facilitator
    shows ``AANTAL_VERSCHILLEN`` under 'Waar de organisaties verschillen'."""
    paren = _ingediend(antwoorden)
    if ronde.oefening == "weging":
        tabel, _overgeslagen = _genormaliseerde_tabel(ronde, paren)
    else:
        tabel = _tabel(ronde.vragen, paren)
    verschillen = _verschillen(tabel)
    return verschillen if aantal is None else verschillen[:aantal]


def vraag_uitslagen(ronde: Ronde, antwoorden: Paren) -> list[VraagUitslag]:
    """Per question of the round (in order): number of scores and 'weet niet', mean, median, range and the
    organisation means. The building block of the other results, useful for a plain table."""
    return _vraag_uitslagen(_tabel(ronde.vragen, _ingediend(antwoorden)))


def ronde_uitslag(ronde: Ronde, antwoorden: Paren, inhoud=None):
    """The result that fits the round's exercise (``inhoud`` is needed for the scan only)."""
    if ronde.oefening == "scan":
        return scan_uitslag(inhoud, antwoorden)
    if ronde.oefening == "machtbelang":
        return machtbelang_uitslag(ronde, antwoorden)
    if ronde.oefening == "weging":
        return weging_uitslag(ronde, antwoorden)
    if ronde.oefening == "koppelkansen":
        return koppelkansen_uitslag(ronde, antwoorden)
    raise InvoerFout(f"Onbekende oefening '{ronde.oefening}'.")
