"""Store part for weighing strategies (phases 3-4): integrated strategies with their 1-5 scores, and the chosen
strategy. It builds on ``WegingOpslag`` (``dossier.weging``: criteria, each party's weights, fixing them).

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
from collections.abc import Sequence

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection

from . import schema, validatie
from .model import GelijktijdigGewijzigd, InvoerFout, nu
from .records import (
    KNOOPPUNT_KEUZE,
    MAX_AANWEZIG,
    MAX_STRATEGIEEN,
    MAX_WAT,
    WARMTESTRATEGIEEN,
    Keuze,
    Strategie,
    StrategieInvoer,
)
from .weging import WegingOpslag

SCORE_MIN, SCORE_MAX = 1, 5

_NIET_VASTGEZET = ("Zet eerst de weging vast, en scoor daarna pas de strategieën. Zo kiest niemand de gewichten "
                   "achteraf bij een favoriete strategie.")
_STRATEGIE_WEG = "Deze strategie bestaat niet (meer) in dit dossier; misschien heeft iemand anders haar verwijderd."


# -- pure checks ----------------------------------------------------------------------------------
def _controleer_strategie(invoer: StrategieInvoer) -> StrategieInvoer:
    naam = validatie.schone_tekst(invoer.naam, "De naam van de strategie", maximum=validatie.MAX_NAAM, verplicht=True)
    if invoer.warmtestrategie not in WARMTESTRATEGIEEN:
        raise InvoerFout("Kies bij de strategie een warmtestrategie van S1 tot en met S5.")
    koppelkansen: list[int] = []
    for kans_id in invoer.koppelkansen or ():
        if not validatie.is_rij_id(kans_id):
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


# -- rows -----------------------------------------------------------------------------------------


def _strategie(rij) -> Strategie:
    return Strategie(rij.id, rij.naam, rij.warmtestrategie, tuple(int(k) for k in json.loads(rij.koppelkansen)),
                     rij.fasering, rij.omschrijving, rij.versie)


class AfwegingOpslag(WegingOpslag):
    """Strategies, their scores and the choice; scoring and choosing need the weights fixed (``WegingOpslag``),
    and the choice is a besluitenlog entry."""

    # -- criteria -------------------------------------------------------------------------
    # -- weights --------------------------------------------------------------------------
    # -- fixing the weights ---------------------------------------------------------------
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
                conn, dossier_id, validatie.kort(f"Strategie gekozen: {rij.naam} ({label})", MAX_WAT),
                onderbouwing, KNOOPPUNT_KEUZE, aanwezig=aanwezig, afwijkend=afwijkend,
            )
            conn.execute(delete(keuze).where(keuze.c.dossier_id == dossier_id))
            conn.execute(insert(keuze).values(
                dossier_id=dossier_id, strategie_id=strategie_id, onderbouwing=onderbouwing, aanwezig=aanwezig,
                afwijkend=afwijkend, besluit_id=besluit_id, gekozen=nu(),
            ))
        return self.keuze(dossier_id)

    # -- helpers --------------------------------------------------------------------------
    def _strategie_rij(self, conn: Connection, dossier_id: str, strategie_id: object):
        return self._rij(conn, schema.strategie, dossier_id, strategie_id, _STRATEGIE_WEG)


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
