"""Store part for weighing strategies (phases 3-4): criteria, each party's weights, fixing the weights
before scoring, integrated strategies with their 1-5 scores, and the chosen strategy.

The order of work is kept here, whatever a widget does (the last line of defence):

1. criteria and weights are edited freely, until
2. the weights are *vastgezet* (a snapshot with date, plus an automatic entry in the besluitenlog,
   in one transaction). While they are fixed, criteria and weights cannot change;
3. only then can strategies be scored (so nobody can tune the weights to a favourite afterwards);
4. withdrawing the fixing is possible, but it is an entry in the besluitenlog too, so a later change
   of the weights is always visible; the old snapshot stays as history;
5. a strategy can only be chosen when the weights are fixed and it has a score on every criterion;
   the choice, its rationale and any dissent go into the besluitenlog in the same transaction.

Points per party need not add up to 100: normalising is the analysis's job. The store keeps at most
``MAX_STRATEGIEEN`` strategies per dossier; the minimum of two that a comparison needs is left to the
analysis and the page (a team builds its strategies one by one).

Every check that an item belongs to the dossier runs inside the write transaction, after
``_raak_aan`` (which serialises writers of one dossier), so a concurrent change cannot slip between
check and write.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from . import schema, validatie
from .besluiten import MAX_AANWEZIG, MAX_WAT
from .model import GelijktijdigGewijzigd, InvoerFout, nu

# The five heat strategies of the PBL Startanalyse aardgasvrije buurten; their names and texts are
# content (data/strategieen.yaml, ``inhoud().fase34.strategie(code)``), the store only keeps the code.
WARMTESTRATEGIEEN: tuple[str, ...] = ("S1", "S2", "S3", "S4", "S5")
MIN_STRATEGIEEN, MAX_STRATEGIEEN = 2, 6  # the minimum is for the analysis/page, see the module docstring
MAX_CRITERIA = 15
MAX_PUNTEN = 100.0
SCORE_MIN, SCORE_MAX = 1, 5
KNOOPPUNT_WEGING = "f3-criteria-en-weging"
KNOOPPUNT_KEUZE = "f4-energiesysteem-vastleggen"

_VASTGEZET = ("De weging is vastgezet; trek haar eerst in als je criteria of punten wilt veranderen. "
              "Het intrekken komt in het besluitenlog.")
_NIET_VASTGEZET = ("Zet eerst de weging vast, en scoor daarna pas de strategieën. Zo kiest niemand de gewichten "
                   "achteraf bij een favoriete strategie.")
_CRITERIUM_WEG = "Dit criterium bestaat niet (meer) in dit dossier; misschien heeft iemand anders het verwijderd."
_STRATEGIE_WEG = "Deze strategie bestaat niet (meer) in dit dossier; misschien heeft iemand anders haar verwijderd."
_PARTIJ_WEG = "Deze partij bestaat niet (meer) in dit dossier; misschien heeft iemand anders haar verwijderd."


@dataclass(frozen=True)
class Criterium:
    id: int
    naam: str
    omschrijving: str
    volgorde: int
    versie: int
    catalogus_id: str | None = None  # id in data/criteria.yaml (for its scale texts), None for an own criterion


@dataclass(frozen=True)
class Vastzetting:
    """The weights as fixed at ``vastgezet``. All maps are a snapshot of that moment: ``gewichten``
    (criterium id → weight, summing to 1) as the team agreed them, ``punten`` (party id → criterium
    id → points) as the parties gave them, ``per_partij`` the same points normalised per party, and
    the names of criteria and parties then, so the history stays readable after later changes."""

    id: int
    vastgezet: datetime
    gewichten: dict[int, float]
    besluit_id: int
    per_partij: dict[int, dict[int, float]] = field(default_factory=dict)
    punten: dict[int, dict[int, float]] = field(default_factory=dict)
    criteria: dict[int, str] = field(default_factory=dict)
    partijen: dict[int, str] = field(default_factory=dict)
    ingetrokken: datetime | None = None
    intrekking_besluit_id: int | None = None

    @property
    def actief(self) -> bool:
        return self.ingetrokken is None


@dataclass(frozen=True)
class StrategieInvoer:
    """What a user enters for an integrated strategy: a heat strategy (S1-S5), the koppelkansen (ids
    from the register) that go with it, and the phasing."""

    naam: str
    warmtestrategie: str
    koppelkansen: tuple[int, ...] = ()
    fasering: str = ""
    omschrijving: str = ""


@dataclass(frozen=True)
class Strategie:
    id: int
    naam: str
    warmtestrategie: str
    koppelkansen: tuple[int, ...]
    fasering: str
    omschrijving: str
    versie: int

    def als_invoer(self) -> StrategieInvoer:
        return StrategieInvoer(self.naam, self.warmtestrategie, self.koppelkansen, self.fasering, self.omschrijving)


@dataclass(frozen=True)
class Keuze:
    """The chosen strategy; ``besluit_id`` is its entry in the besluitenlog."""

    strategie_id: int
    naam: str
    onderbouwing: str
    aanwezig: str
    afwijkend: str
    besluit_id: int
    gekozen: datetime


# -- pure checks ----------------------------------------------------------------------------------
def _is_id(waarde: object) -> bool:
    return isinstance(waarde, int) and not isinstance(waarde, bool)


def _controleer_criterium(naam: object, omschrijving: object) -> tuple[str, str]:
    naam = validatie.schone_tekst(naam, "De naam van het criterium", maximum=validatie.MAX_NAAM, verplicht=True)
    omschrijving = validatie.schone_tekst(omschrijving, "De omschrijving van het criterium",
                                          maximum=validatie.MAX_TOELICHTING)
    return naam, omschrijving


def _controleer_catalogus_id(catalogus_id: object) -> str | None:
    if catalogus_id in (None, ""):
        return None
    return validatie.schone_tekst(catalogus_id, "De verwijzing naar de criteriumlijst", maximum=80)


def controleer_punten(punten: object) -> dict[int, float]:
    """A party's points per criterium id: each a number from 0 to ``MAX_PUNTEN``, not all zero."""
    if not isinstance(punten, Mapping) or not punten:
        raise InvoerFout("Geef minstens één criterium punten; er is niets opgeslagen.")
    schoon: dict[int, float] = {}
    for criterium_id, waarde in punten.items():
        if not _is_id(criterium_id):
            raise InvoerFout(_CRITERIUM_WEG)
        if isinstance(waarde, bool) or not isinstance(waarde, (int, float)) or not math.isfinite(waarde):
            raise InvoerFout("Punten zijn getallen, zoals 20 of 12,5; er is niets opgeslagen.")
        if not 0 <= waarde <= MAX_PUNTEN:
            raise InvoerFout(f"Geef per criterium 0 tot en met {MAX_PUNTEN:g} punten; er is niets opgeslagen.")
        schoon[criterium_id] = float(waarde)
    if sum(schoon.values()) <= 0:
        raise InvoerFout("Alle punten staan op 0. Verdeel de punten over de criteria die voor jullie tellen.")
    return schoon


def _genormaliseerd(waarden: Mapping[int, float]) -> dict[int, float]:
    totaal = sum(waarden.values())
    return {k: (v / totaal if totaal > 0 else 0.0) for k, v in waarden.items()}


def _controleer_gewichten(gewichten: object) -> dict[int, float]:
    if not isinstance(gewichten, Mapping) or not gewichten:
        raise InvoerFout("Er zijn geen gewichten om vast te zetten; geef de criteria eerst punten.")
    schoon: dict[int, float] = {}
    for criterium_id, waarde in gewichten.items():
        if not _is_id(criterium_id):
            raise InvoerFout(_CRITERIUM_WEG)
        if isinstance(waarde, bool) or not isinstance(waarde, (int, float)) or not math.isfinite(waarde) or waarde < 0:
            raise InvoerFout("Een gewicht is een getal van 0 of meer; er is niets vastgezet.")
        schoon[criterium_id] = float(waarde)
    if sum(schoon.values()) <= 0:
        raise InvoerFout("Alle gewichten zijn 0; er is niets vastgezet. Geef de criteria eerst punten.")
    return _genormaliseerd(schoon)


def _controleer_strategie(invoer: StrategieInvoer) -> StrategieInvoer:
    naam = validatie.schone_tekst(invoer.naam, "De naam van de strategie", maximum=validatie.MAX_NAAM, verplicht=True)
    if invoer.warmtestrategie not in WARMTESTRATEGIEEN:
        raise InvoerFout("Kies bij de strategie een warmtestrategie van S1 tot en met S5.")
    koppelkansen: list[int] = []
    for kans_id in invoer.koppelkansen or ():
        if not _is_id(kans_id):
            raise InvoerFout("Kies alleen koppelkansen uit het register.")
        if kans_id not in koppelkansen:
            koppelkansen.append(kans_id)
    fasering = validatie.schone_tekst(invoer.fasering, "De fasering", maximum=validatie.MAX_TOELICHTING)
    omschrijving = validatie.schone_tekst(invoer.omschrijving, "De omschrijving", maximum=validatie.MAX_TOELICHTING)
    return StrategieInvoer(naam, invoer.warmtestrategie, tuple(koppelkansen), fasering, omschrijving)


def controleer_score(score: object) -> int:
    if isinstance(score, bool) or not isinstance(score, int) or not SCORE_MIN <= score <= SCORE_MAX:
        raise InvoerFout(f"Een score is een geheel getal van {SCORE_MIN} tot en met {SCORE_MAX}; "
                         "er is niets opgeslagen.")
    return score


def _kort(tekst: str, maximum: int) -> str:
    return tekst if len(tekst) <= maximum else tekst[: maximum - 1].rstrip(" ,") + "…"


def _datum(moment: datetime) -> str:
    """A date as people here read it (day-month-year, in the server's time zone, not UTC)."""
    return f"{moment.astimezone():%d-%m-%Y}"


def _procent(gewicht: float) -> str:
    return f"{round(gewicht * 100):d}%"


def _sleutels_naar_int(gegevens: Mapping) -> dict:
    return {int(k): (_sleutels_naar_int(v) if isinstance(v, Mapping) else v) for k, v in gegevens.items()}


# -- rows -----------------------------------------------------------------------------------------
def _criterium(rij) -> Criterium:
    return Criterium(rij.id, rij.naam, rij.omschrijving, rij.volgorde, rij.versie, rij.catalogus_id)


def _strategie(rij) -> Strategie:
    return Strategie(rij.id, rij.naam, rij.warmtestrategie, tuple(int(k) for k in json.loads(rij.koppelkansen)),
                     rij.fasering, rij.omschrijving, rij.versie)


def _vastzetting(rij) -> Vastzetting:
    gegevens = json.loads(rij.gewichten)
    return Vastzetting(
        id=rij.id, vastgezet=rij.vastgezet, besluit_id=rij.besluit_id, ingetrokken=rij.ingetrokken,
        intrekking_besluit_id=rij.intrekking_besluit_id,
        gewichten=_sleutels_naar_int(gegevens.get("gewichten", {})),
        per_partij=_sleutels_naar_int(gegevens.get("per_partij", {})),
        punten=_sleutels_naar_int(gegevens.get("punten", {})),
        criteria=_sleutels_naar_int(gegevens.get("criteria", {})),
        partijen=_sleutels_naar_int(gegevens.get("partijen", {})),
    )


class AfwegingOpslag:
    """Mixin for DossierStore: criteria, weights, fixing, strategies, scores and the choice. Uses the
    store's ``_lees``/``_schrijf``/``_raak_aan``/``_controleer_dossier`` and the besluitenlog mixin's
    ``_automatisch_besluit``."""

    # -- criteria -------------------------------------------------------------------------
    def criteria(self, dossier_id: str) -> list[Criterium]:
        """The criteria of a dossier in their order."""
        tabel = schema.criterium
        with self._lees() as conn:
            self._controleer_dossier(conn, dossier_id)
            rijen = conn.execute(
                select(tabel).where(tabel.c.dossier_id == dossier_id).order_by(tabel.c.volgorde, tabel.c.id)
            ).all()
        return [_criterium(r) for r in rijen]

    def voeg_criterium_toe(self, dossier_id: str, naam: str, omschrijving: str = "", *,
                           catalogus_id: str | None = None) -> Criterium:
        naam, omschrijving = _controleer_criterium(naam, omschrijving)
        catalogus_id = _controleer_catalogus_id(catalogus_id)
        with self._schrijf_uniek(dossier_id, naam, "een criterium") as conn:
            self._controleer_niet_vastgezet(conn, dossier_id)
            aantal, hoogste = conn.execute(
                select(func.count(), func.coalesce(func.max(schema.criterium.c.volgorde), 0))
                .where(schema.criterium.c.dossier_id == dossier_id)
            ).one()
            if aantal >= MAX_CRITERIA:
                raise InvoerFout(f"Een afweging heeft hoogstens {MAX_CRITERIA} criteria; verwijder er eerst een.")
            criterium_id = self._nieuw_criterium(conn, dossier_id, naam, omschrijving, catalogus_id, hoogste + 1)
        return self._criterium_van(dossier_id, criterium_id)

    def wijzig_criterium(self, dossier_id: str, criterium_id: int, naam: str, omschrijving: str,
                         versie: int) -> Criterium:
        """Save an edit made on version ``versie``; refuses if someone saved another edit meanwhile."""
        naam, omschrijving = _controleer_criterium(naam, omschrijving)
        tabel = schema.criterium
        with self._schrijf_uniek(dossier_id, naam, "een criterium") as conn:
            self._controleer_niet_vastgezet(conn, dossier_id)
            resultaat = conn.execute(
                update(tabel)
                .where(tabel.c.id == criterium_id, tabel.c.dossier_id == dossier_id, tabel.c.versie == versie)
                .values(naam=naam, naam_sleutel=validatie.naam_sleutel(naam), omschrijving=omschrijving,
                        versie=tabel.c.versie + 1, gewijzigd=nu())
            )
            if resultaat.rowcount == 0:
                self._criterium_rij(conn, dossier_id, criterium_id)
                raise GelijktijdigGewijzigd(
                    "Iemand anders heeft dit criterium intussen gewijzigd. Je wijziging is niet opgeslagen; "
                    "de nieuwste gegevens staan nu in de lijst."
                )
        return self._criterium_van(dossier_id, criterium_id)

    def verwijder_criterium(self, dossier_id: str, criterium_id: int) -> None:
        """Remove a criterion with the points and scores given on it."""
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            self._controleer_niet_vastgezet(conn, dossier_id)
            self._criterium_rij(conn, dossier_id, criterium_id)
            conn.execute(delete(schema.weging).where(schema.weging.c.criterium_id == criterium_id))
            conn.execute(delete(schema.strategie_score).where(schema.strategie_score.c.criterium_id == criterium_id))
            conn.execute(delete(schema.criterium).where(schema.criterium.c.id == criterium_id))

    def zet_standaardcriteria(self, dossier_id: str, items: Iterable[Sequence[str | None]]) -> list[Criterium]:
        """Start a dossier's criteria from a default set: ``(naam, omschrijving)`` or ``(naam,
        omschrijving, catalogus_id)`` per criterion, all in one transaction, only while it has none."""
        schoon: list[tuple[str, str, str | None]] = []
        for item in items:
            naam, omschrijving = _controleer_criterium(item[0], item[1] if len(item) > 1 else "")
            catalogus_id = _controleer_catalogus_id(item[2] if len(item) > 2 else None)
            if any(validatie.naam_sleutel(naam) == validatie.naam_sleutel(n) for n, _, _ in schoon):
                raise InvoerFout(f"Het criterium '{naam}' staat twee keer in de lijst; er is niets opgeslagen.")
            schoon.append((naam, omschrijving, catalogus_id))
        if not schoon:
            raise InvoerFout("Er zijn geen criteria om over te nemen; er is niets opgeslagen.")
        if len(schoon) > MAX_CRITERIA:
            raise InvoerFout(f"Een afweging heeft hoogstens {MAX_CRITERIA} criteria; er is niets opgeslagen.")
        with self._schrijf_uniek(dossier_id, None, "een criterium") as conn:
            self._controleer_niet_vastgezet(conn, dossier_id)
            aantal = conn.execute(select(func.count()).select_from(schema.criterium)
                                  .where(schema.criterium.c.dossier_id == dossier_id)).scalar_one()
            if aantal:
                raise InvoerFout("Dit dossier heeft al criteria; de standaardset is niet nog eens toegevoegd.")
            for volgorde, (naam, omschrijving, catalogus_id) in enumerate(schoon, start=1):
                self._nieuw_criterium(conn, dossier_id, naam, omschrijving, catalogus_id, volgorde)
        return self.criteria(dossier_id)

    def neem_standaardcriteria_over(self, dossier_id: str) -> list[Criterium]:
        """Start from the criteria marked ``standaard`` in ``data/criteria.yaml`` (linked by their
        catalogue id, for the 1-5 scale texts); only while the dossier has no criteria."""
        fase34 = self._inhoud.fase34
        items = [(c.naam, c.omschrijving, c.id) for c in (fase34.criteria if fase34 else ()) if c.standaard]
        return self.zet_standaardcriteria(dossier_id, items)

    # -- weights --------------------------------------------------------------------------
    def wegingen(self, dossier_id: str) -> dict[int, dict[int, float]]:
        """Points per party and criterium: ``{partij_id: {criterium_id: punten}}``. A party that gave no
        points is absent, and a criterion added after a party gave its points is absent from that
        party's map: both are 'onbekend', not zero."""
        weging = schema.weging
        with self._lees() as conn:
            self._controleer_dossier(conn, dossier_id)
            rijen = conn.execute(
                select(weging.c.partij_id, weging.c.criterium_id, weging.c.punten)
                .join(schema.partij, schema.partij.c.id == weging.c.partij_id)
                .join(schema.criterium, schema.criterium.c.id == weging.c.criterium_id)
                .where(weging.c.dossier_id == dossier_id, schema.partij.c.dossier_id == dossier_id,
                       schema.criterium.c.dossier_id == dossier_id)
                .order_by(weging.c.partij_id, schema.criterium.c.volgorde)
            ).all()
        uitkomst: dict[int, dict[int, float]] = {}
        for partij_id, criterium_id, punten in rijen:
            uitkomst.setdefault(partij_id, {})[criterium_id] = float(punten)
        return uitkomst

    def zet_weging(self, dossier_id: str, partij_id: int, punten: Mapping[int, float]) -> dict[int, float]:
        """Replace one party's points (one transaction). Every criterion of the dossier needs a number
        (0 is allowed): a missing one is 'no answer', which is not the same as 'not important'."""
        schoon = controleer_punten(punten)
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            self._controleer_niet_vastgezet(conn, dossier_id)
            self._partij_rij(conn, dossier_id, partij_id)
            eigen = dict(conn.execute(select(schema.criterium.c.id, schema.criterium.c.naam)
                                      .where(schema.criterium.c.dossier_id == dossier_id)
                                      .order_by(schema.criterium.c.volgorde)).all())
            if not set(schoon) <= set(eigen):
                raise InvoerFout(_CRITERIUM_WEG)
            ontbreekt = [naam for criterium_id, naam in eigen.items() if criterium_id not in schoon]
            if ontbreekt:
                raise InvoerFout(f"Geef elk criterium punten (0 mag ook); nog niet ingevuld: {', '.join(ontbreekt)}. "
                                 "Er is niets opgeslagen.")
            self._vervang_weging(conn, dossier_id, partij_id, schoon)
        return schoon

    @staticmethod
    def _vervang_weging(conn: Connection, dossier_id: str, partij_id: int, schoon: Mapping[int, float]) -> None:
        """Replace a party's points (checked by ``controleer_punten``) inside the caller's transaction."""
        conn.execute(delete(schema.weging).where(schema.weging.c.partij_id == partij_id))
        moment = nu()
        conn.execute(insert(schema.weging), [
            {"dossier_id": dossier_id, "partij_id": partij_id, "criterium_id": criterium_id, "punten": waarde,
             "gewijzigd": moment}
            for criterium_id, waarde in schoon.items()
        ])

    def wis_weging(self, dossier_id: str, partij_id: int) -> None:
        """Remove a party's points (it weighs in no more), refused while the weights are fixed."""
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            self._controleer_niet_vastgezet(conn, dossier_id)
            self._partij_rij(conn, dossier_id, partij_id)
            conn.execute(delete(schema.weging).where(schema.weging.c.partij_id == partij_id))

    # -- fixing the weights ---------------------------------------------------------------
    def vastzetting(self, dossier_id: str) -> Vastzetting | None:
        """The active fixing of the weights, or None when they are not fixed."""
        tabel = schema.weging_vastzetting
        with self._lees() as conn:
            self._controleer_dossier(conn, dossier_id)
            rij = conn.execute(select(tabel).where(tabel.c.dossier_id == dossier_id,
                                                   tabel.c.ingetrokken.is_(None))).first()
        return None if rij is None else _vastzetting(rij)

    def vastzettingen(self, dossier_id: str) -> list[Vastzetting]:
        """Every fixing ever made in the dossier, oldest first (withdrawn ones included)."""
        tabel = schema.weging_vastzetting
        with self._lees() as conn:
            self._controleer_dossier(conn, dossier_id)
            rijen = conn.execute(select(tabel).where(tabel.c.dossier_id == dossier_id).order_by(tabel.c.id)).all()
        return [_vastzetting(r) for r in rijen]

    def zet_weging_vast(self, dossier_id: str, gewichten: Mapping[int, float], aanwezig: str,
                        onderbouwing: str) -> Vastzetting:
        """Fix the weights before any scoring: ``gewichten`` maps every criterium id of the dossier to
        its agreed weight (any scale; stored normalised to sum 1). The snapshot also keeps each party's
        points of this moment. Writes the fixing and its besluitenlog entry in one transaction."""
        gewichten = _controleer_gewichten(gewichten)
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            actief = self._actieve_vastzetting(conn, dossier_id)
            if actief is not None:
                raise InvoerFout(f"De weging is al vastgezet (op {_datum(actief.vastgezet)}); er is niets veranderd.")
            criteria = {r.id: r.naam for r in conn.execute(
                select(schema.criterium.c.id, schema.criterium.c.naam)
                .where(schema.criterium.c.dossier_id == dossier_id).order_by(schema.criterium.c.volgorde))}
            if set(gewichten) != set(criteria):
                raise InvoerFout("De gewichten passen niet (meer) bij de criteria van dit dossier; misschien heeft "
                                 "iemand ze net gewijzigd. Er is niets vastgezet; bekijk de weging opnieuw.")
            partijen = dict(conn.execute(select(schema.partij.c.id, schema.partij.c.naam)
                                         .where(schema.partij.c.dossier_id == dossier_id)).all())
            punten: dict[int, dict[int, float]] = {}
            for partij_id, criterium_id, waarde in conn.execute(
                    select(schema.weging.c.partij_id, schema.weging.c.criterium_id, schema.weging.c.punten)
                    .where(schema.weging.c.dossier_id == dossier_id)):
                if partij_id in partijen and criterium_id in criteria:
                    punten.setdefault(partij_id, {})[criterium_id] = float(waarde)
            verdeling = ", ".join(f"{criteria[c]} {_procent(gewichten[c])}" for c in criteria)
            besluit_id = self._automatisch_besluit(
                conn, dossier_id, _kort(f"Weging vastgezet: {verdeling}", MAX_WAT), onderbouwing, KNOOPPUNT_WEGING,
                aanwezig=aanwezig,
            )
            snapshot = {
                "gewichten": {str(c): gewichten[c] for c in criteria},
                "punten": {str(p): {str(c): v for c, v in w.items()} for p, w in punten.items()},
                "per_partij": {str(p): {str(c): v for c, v in _genormaliseerd(w).items()} for p, w in punten.items()},
                "criteria": {str(c): n for c, n in criteria.items()},
                "partijen": {str(p): partijen[p] for p in punten},
            }
            self._bewaar_vastzetting(conn, dossier_id, snapshot, besluit_id)
        return self.vastzetting(dossier_id)

    def trek_vastzetting_in(self, dossier_id: str, reden: str, aanwezig: str) -> Vastzetting:
        """Withdraw the fixing (so criteria and weights can change again). The snapshot stays as
        history and the withdrawal is an entry in the besluitenlog, in the same transaction."""
        reden = validatie.schone_tekst(reden, "De reden om de weging in te trekken", maximum=validatie.MAX_TOELICHTING,
                                       verplicht=True)
        tabel = schema.weging_vastzetting
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            actief = self._actieve_vastzetting(conn, dossier_id)
            if actief is None:
                raise InvoerFout("De weging is niet vastgezet, dus er is niets in te trekken.")
            besluit_id = self._automatisch_besluit(
                conn, dossier_id, f"Vastgezette weging van {_datum(actief.vastgezet)} ingetrokken", reden,
                KNOOPPUNT_WEGING, aanwezig=aanwezig,
            )
            conn.execute(update(tabel).where(tabel.c.id == actief.id)
                         .values(ingetrokken=nu(), intrekking_besluit_id=besluit_id))
        return next(v for v in self.vastzettingen(dossier_id) if v.id == actief.id)

    # -- strategies -----------------------------------------------------------------------
    def strategieen(self, dossier_id: str) -> list[Strategie]:
        """The integrated strategies of a dossier in the order they were added."""
        tabel = schema.strategie
        with self._lees() as conn:
            self._controleer_dossier(conn, dossier_id)
            rijen = conn.execute(select(tabel).where(tabel.c.dossier_id == dossier_id).order_by(tabel.c.id)).all()
        return [_strategie(r) for r in rijen]

    def voeg_strategie_toe(self, dossier_id: str, invoer: StrategieInvoer) -> Strategie:
        schoon = _controleer_strategie(invoer)
        with self._schrijf_uniek(dossier_id, schoon.naam, "een strategie") as conn:
            aantal = conn.execute(select(func.count()).select_from(schema.strategie)
                                  .where(schema.strategie.c.dossier_id == dossier_id)).scalar_one()
            if aantal >= MAX_STRATEGIEEN:
                raise InvoerFout(f"Een dossier heeft hoogstens {MAX_STRATEGIEEN} strategieën om af te wegen; "
                                 "verwijder er eerst een of pas een bestaande aan.")
            self._controleer_koppelkansen(conn, dossier_id, schoon.koppelkansen)
            moment = nu()
            strategie_id = int(conn.execute(insert(schema.strategie).values(
                dossier_id=dossier_id, **self._strategie_waarden(schoon), versie=1, aangemaakt=moment,
                gewijzigd=moment,
            )).inserted_primary_key[0])
        return self._strategie_van(dossier_id, strategie_id)

    def wijzig_strategie(self, dossier_id: str, strategie_id: int, invoer: StrategieInvoer,
                         versie: int) -> Strategie:
        """Save an edit made on version ``versie``; refuses if someone saved another edit meanwhile.
        Scores stay: if the edit changes what the strategy is, the team re-scores it."""
        schoon = _controleer_strategie(invoer)
        tabel = schema.strategie
        with self._schrijf_uniek(dossier_id, schoon.naam, "een strategie") as conn:
            self._controleer_koppelkansen(conn, dossier_id, schoon.koppelkansen)
            resultaat = conn.execute(
                update(tabel)
                .where(tabel.c.id == strategie_id, tabel.c.dossier_id == dossier_id, tabel.c.versie == versie)
                .values(**self._strategie_waarden(schoon), versie=tabel.c.versie + 1, gewijzigd=nu())
            )
            if resultaat.rowcount == 0:
                self._strategie_rij(conn, dossier_id, strategie_id)
                raise GelijktijdigGewijzigd(
                    "Iemand anders heeft deze strategie intussen gewijzigd. Je wijziging is niet opgeslagen; "
                    "de nieuwste gegevens staan nu in de lijst."
                )
        return self._strategie_van(dossier_id, strategie_id)

    def verwijder_strategie(self, dossier_id: str, strategie_id: int) -> None:
        """Remove a strategy with its scores; the chosen strategy cannot be removed (the choice
        refers to it; choose another one first)."""
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            rij = self._strategie_rij(conn, dossier_id, strategie_id)
            gekozen = conn.execute(select(schema.strategie_keuze.c.strategie_id)
                                   .where(schema.strategie_keuze.c.dossier_id == dossier_id)).scalar()
            if gekozen == strategie_id:
                raise InvoerFout(f"'{rij.naam}' is de gekozen strategie en kan niet worden verwijderd. "
                                 "Leg eerst een andere keuze vast.")
            conn.execute(delete(schema.strategie_score).where(schema.strategie_score.c.strategie_id == strategie_id))
            conn.execute(delete(schema.strategie).where(schema.strategie.c.id == strategie_id))

    # -- scores ---------------------------------------------------------------------------
    def scores(self, dossier_id: str) -> dict[int, dict[int, tuple[int, str]]]:
        """``{strategie_id: {criterium_id: (score, toelichting)}}``; a missing criterium is not
        scored yet ('onbekend')."""
        score, strategie, criterium = schema.strategie_score, schema.strategie, schema.criterium
        with self._lees() as conn:
            self._controleer_dossier(conn, dossier_id)
            rijen = conn.execute(
                select(score.c.strategie_id, score.c.criterium_id, score.c.score, score.c.toelichting)
                .join(strategie, strategie.c.id == score.c.strategie_id)
                .join(criterium, criterium.c.id == score.c.criterium_id)
                .where(strategie.c.dossier_id == dossier_id, criterium.c.dossier_id == dossier_id)
                .order_by(score.c.strategie_id, criterium.c.volgorde)
            ).all()
        uitkomst: dict[int, dict[int, tuple[int, str]]] = {}
        for strategie_id, criterium_id, waarde, toelichting in rijen:
            uitkomst.setdefault(strategie_id, {})[criterium_id] = (int(waarde), toelichting)
        return uitkomst

    def zet_score(self, dossier_id: str, strategie_id: int, criterium_id: int, score: int | None,
                  toelichting: str = "") -> None:
        """Score a strategy on a criterion (1-5, higher is better), only while the weights are fixed.
        ``score=None`` removes the score (back to 'onbekend')."""
        if score is not None:
            score = controleer_score(score)
        toelichting = validatie.schone_tekst(toelichting, "De toelichting bij de score",
                                             maximum=validatie.MAX_TOELICHTING)
        tabel = schema.strategie_score
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            if self._actieve_vastzetting(conn, dossier_id) is None:
                raise InvoerFout(_NIET_VASTGEZET)
            self._strategie_rij(conn, dossier_id, strategie_id)
            self._criterium_rij(conn, dossier_id, criterium_id)
            waar = (tabel.c.strategie_id == strategie_id, tabel.c.criterium_id == criterium_id)
            if score is None:
                conn.execute(delete(tabel).where(*waar))
                return
            bijgewerkt = conn.execute(update(tabel).where(*waar).values(score=score, toelichting=toelichting,
                                                                        gewijzigd=nu()))
            if bijgewerkt.rowcount == 0:
                conn.execute(insert(tabel).values(strategie_id=strategie_id, criterium_id=criterium_id, score=score,
                                                  toelichting=toelichting, gewijzigd=nu()))

    # -- the choice -----------------------------------------------------------------------
    def keuze(self, dossier_id: str) -> Keuze | None:
        """The chosen strategy, or None while nothing is chosen."""
        keuze, strategie = schema.strategie_keuze, schema.strategie
        with self._lees() as conn:
            self._controleer_dossier(conn, dossier_id)
            rij = conn.execute(
                select(keuze, strategie.c.naam).join(strategie, strategie.c.id == keuze.c.strategie_id)
                .where(keuze.c.dossier_id == dossier_id)
            ).first()
        if rij is None:
            return None
        return Keuze(rij.strategie_id, rij.naam, rij.onderbouwing, rij.aanwezig, rij.afwijkend, rij.besluit_id,
                     rij.gekozen)

    def kies_strategie(self, dossier_id: str, strategie_id: int, onderbouwing: str, aanwezig: str,
                       afwijkend: str = "") -> Keuze:
        """Record the chosen strategy with its rationale and any dissent, plus its besluitenlog entry,
        in one transaction. Needs fixed weights and a score on every criterion. Choosing again
        replaces the choice; the log keeps both."""
        onderbouwing = validatie.schone_tekst(onderbouwing, "De onderbouwing van de keuze",
                                              maximum=validatie.MAX_TOELICHTING, verplicht=True)
        aanwezig = validatie.schone_tekst(aanwezig, "Wie er aan tafel zaten", maximum=MAX_AANWEZIG)
        afwijkend = validatie.schone_tekst(afwijkend, "Het afwijkende standpunt", maximum=validatie.MAX_TOELICHTING)
        keuze = schema.strategie_keuze
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            if self._actieve_vastzetting(conn, dossier_id) is None:
                raise InvoerFout("Zet eerst de weging vast en scoor de strategieën; daarna kun je kiezen.")
            rij = self._strategie_rij(conn, dossier_id, strategie_id)
            criteria = conn.execute(
                select(schema.criterium.c.id, schema.criterium.c.naam)
                .where(schema.criterium.c.dossier_id == dossier_id).order_by(schema.criterium.c.volgorde)
            ).all()
            gescoord = set(conn.execute(select(schema.strategie_score.c.criterium_id)
                                        .where(schema.strategie_score.c.strategie_id == strategie_id)).scalars())
            ontbreekt = [c.naam for c in criteria if c.id not in gescoord]
            if not criteria or ontbreekt:
                raise InvoerFout(
                    f"'{rij.naam}' heeft nog geen score op: {', '.join(ontbreekt) or 'alle criteria'}. "
                    "Scoor eerst elk criterium; er is niets gekozen."
                )
            fase34 = self._inhoud.fase34
            uitleg = fase34.strategie(rij.warmtestrategie) if fase34 is not None else None
            label = f"{rij.warmtestrategie} {uitleg.naam}" if uitleg is not None else rij.warmtestrategie
            besluit_id = self._automatisch_besluit(
                conn, dossier_id, _kort(f"Strategie gekozen: {rij.naam} ({label})", MAX_WAT),
                onderbouwing, KNOOPPUNT_KEUZE, aanwezig=aanwezig, afwijkend=afwijkend,
            )
            conn.execute(delete(keuze).where(keuze.c.dossier_id == dossier_id))
            conn.execute(insert(keuze).values(
                dossier_id=dossier_id, strategie_id=strategie_id, onderbouwing=onderbouwing, aanwezig=aanwezig,
                afwijkend=afwijkend, besluit_id=besluit_id, gekozen=nu(),
            ))
        return self.keuze(dossier_id)

    # -- helpers --------------------------------------------------------------------------
    @contextmanager
    def _schrijf_uniek(self, dossier_id: str, naam: str | None, soort: str) -> Iterator[Connection]:
        """A write transaction (after ``_raak_aan``) that turns a clash on a unique name into a Dutch message."""
        try:
            with self._schrijf() as conn:
                self._raak_aan(conn, dossier_id)
                yield conn
        except IntegrityError as fout:
            if naam is None:
                raise GelijktijdigGewijzigd("Iemand anders heeft intussen hetzelfde gedaan; er is niets opgeslagen. "
                                            "Bekijk de lijst opnieuw.") from fout
            raise InvoerFout(f"Er staat al {soort} met de naam '{naam}' in dit dossier.") from fout

    def _controleer_niet_vastgezet(self, conn: Connection, dossier_id: str) -> None:
        if self._actieve_vastzetting(conn, dossier_id) is not None:
            raise InvoerFout(_VASTGEZET)

    @staticmethod
    def _actieve_vastzetting(conn: Connection, dossier_id: str) -> Vastzetting | None:
        tabel = schema.weging_vastzetting
        rij = conn.execute(select(tabel).where(tabel.c.dossier_id == dossier_id, tabel.c.ingetrokken.is_(None))).first()
        return None if rij is None else _vastzetting(rij)

    def _bewaar_vastzetting(self, conn: Connection, dossier_id: str, snapshot: dict, besluit_id: int) -> None:
        conn.execute(insert(schema.weging_vastzetting).values(
            dossier_id=dossier_id, vastgezet=nu(), besluit_id=besluit_id,
            gewichten=json.dumps(snapshot, ensure_ascii=False, sort_keys=True),
        ))

    @staticmethod
    def _nieuw_criterium(conn: Connection, dossier_id: str, naam: str, omschrijving: str, catalogus_id: str | None,
                         volgorde: int) -> int:
        return int(conn.execute(insert(schema.criterium).values(
            dossier_id=dossier_id, naam=naam, naam_sleutel=validatie.naam_sleutel(naam), omschrijving=omschrijving,
            catalogus_id=catalogus_id, volgorde=volgorde, versie=1, gewijzigd=nu(),
        )).inserted_primary_key[0])

    @staticmethod
    def _rij(conn: Connection, tabel, dossier_id: str, item_id: object, melding: str):
        """The row of an item of this dossier, or InvoerFout (an id of another dossier is 'not there')."""
        rij = None
        if _is_id(item_id):
            rij = conn.execute(select(tabel).where(tabel.c.id == item_id, tabel.c.dossier_id == dossier_id)).first()
        if rij is None:
            raise InvoerFout(melding)
        return rij

    def _criterium_rij(self, conn: Connection, dossier_id: str, criterium_id: object):
        return self._rij(conn, schema.criterium, dossier_id, criterium_id, _CRITERIUM_WEG)

    def _strategie_rij(self, conn: Connection, dossier_id: str, strategie_id: object):
        return self._rij(conn, schema.strategie, dossier_id, strategie_id, _STRATEGIE_WEG)

    def _partij_rij(self, conn: Connection, dossier_id: str, partij_id: object):
        return self._rij(conn, schema.partij, dossier_id, partij_id, _PARTIJ_WEG)

    def _criterium_van(self, dossier_id: str, criterium_id: int) -> Criterium:
        with self._lees() as conn:
            return _criterium(self._criterium_rij(conn, dossier_id, criterium_id))

    def _strategie_van(self, dossier_id: str, strategie_id: int) -> Strategie:
        with self._lees() as conn:
            return _strategie(self._strategie_rij(conn, dossier_id, strategie_id))

    @staticmethod
    def _strategie_waarden(schoon: StrategieInvoer) -> dict:
        return {"naam": schoon.naam, "naam_sleutel": validatie.naam_sleutel(schoon.naam),
                "warmtestrategie": schoon.warmtestrategie, "koppelkansen": json.dumps(list(schoon.koppelkansen)),
                "fasering": schoon.fasering, "omschrijving": schoon.omschrijving}

    @staticmethod
    def _controleer_koppelkansen(conn: Connection, dossier_id: str, koppelkansen: Sequence[int]) -> None:
        if not koppelkansen:
            return
        eigen = set(conn.execute(select(schema.koppelkans.c.id).where(
            schema.koppelkans.c.dossier_id == dossier_id, schema.koppelkans.c.id.in_(list(koppelkansen)))).scalars())
        if set(koppelkansen) - eigen:
            raise InvoerFout("Een gekozen koppelkans staat niet (meer) in het register van dit dossier; "
                             "er is niets opgeslagen.")
