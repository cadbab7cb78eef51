"""Workshop rounds in the store: the facilitator opens and closes them and watches the room; participants
answer, correct and submit.

An answer is an upsert (``INSERT ... ON CONFLICT DO UPDATE``) on (round, participant, key): answering twice, or
from two devices at once, keeps one row. On SQLite writers take turns (``BEGIN IMMEDIATE``); on PostgreSQL an
answer only takes a *shared* lock on its round row (``FOR SHARE``), so answers don't wait for each other while
closing the round (an UPDATE of that row) waits for the answers in flight: once ``sluit_ronde`` has returned, a
closed round never gains an answer. Only submitted answers count; for the weging a submission needs exactly
``WEGING_TOTAAL`` points, so changing a point after submitting withdraws the submission.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from sqlalchemy import case, delete, distinct, exists, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from ...workshop.model import (
    GESLOTEN,
    KLAAR,
    OPEN,
    OVERGENOMEN,
    Antwoorden,
    Deelnemer,
    Ronde,
    RondeStand,
)
from .. import schema
from ..model import InvoerFout, nu
from .basis import (
    _DEELNEMER_ONBEKEND,
    _RONDE_ONBEKEND,
    _SESSIE_ONBEKEND,
    WorkshopDeel,
    _controleer_waarde,
    _controleer_waarden,
    _indienen_kan,
    _is_id,
    _ronde,
    _vragen_per_sleutel,
)


def _insert(conn: Connection, tabel):
    """INSERT with ON CONFLICT support in the connection's dialect (both SQLite and PostgreSQL have it)."""
    return (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(tabel)


def _controleer_open(ronde_rij, gevolg: str = "Je antwoord is niet opgeslagen.") -> None:
    if ronde_rij.status == OPEN:
        return
    if ronde_rij.status == KLAAR:
        raise InvoerFout(f"Deze ronde is nog niet geopend. {gevolg} Wacht tot de begeleider haar opent.")
    raise InvoerFout(f"Deze ronde is gesloten. {gevolg} Vraag de begeleider om de ronde te heropenen als je nog "
                     "iets wilt wijzigen.")


class WorkshopRondes(WorkshopDeel):
    """Rounds and answers."""

    # == facilitator: rounds ==========================================================================
    def rondes(self, sessie_id: str) -> list[Ronde]:
        tabel = schema.workshop_ronde
        with self._lees() as conn:
            self._workshop_sessie_rij(conn, sessie_id)
            rijen = conn.execute(select(tabel).where(tabel.c.sessie_id == sessie_id)
                                 .order_by(tabel.c.volgorde, tabel.c.id)).all()
        return [_ronde(r) for r in rijen]

    def ronde(self, sessie_id: str, ronde_id: str) -> Ronde:
        with self._lees() as conn:
            return _ronde(self._workshop_ronde_rij(conn, sessie_id, ronde_id))

    def open_ronde(self, sessie_id: str, ronde_id: str) -> Ronde:
        """Let participants answer (several rounds may be open at once)."""
        return self._open(sessie_id, ronde_id)

    def heropen_ronde(self, sessie_id: str, ronde_id: str) -> Ronde:
        """Open a closed round again: answers given so far stay, participants may add and correct."""
        return self._open(sessie_id, ronde_id)

    def sluit_ronde(self, sessie_id: str, ronde_id: str) -> Ronde:
        """No more answers in this round (until it is reopened). Waits for answers being saved right now."""
        tabel = schema.workshop_ronde
        with self._schrijf() as conn:
            self._workshop_sessie_rij(conn, sessie_id)
            rij = self._workshop_ronde_rij(conn, sessie_id, ronde_id, voor_wijzigen=True)
            if rij.status == KLAAR:
                raise InvoerFout("Deze ronde is nog niet geopend, dus er is niets te sluiten.")
            if rij.status == OPEN:
                conn.execute(update(tabel).where(tabel.c.id == ronde_id).values(status=GESLOTEN, gesloten=nu()))
        return self.ronde(sessie_id, ronde_id)

    def _open(self, sessie_id: str, ronde_id: str) -> Ronde:
        tabel = schema.workshop_ronde
        with self._schrijf() as conn:
            sessie = self._workshop_sessie_rij(conn, sessie_id)
            rij = self._workshop_ronde_rij(conn, sessie_id, ronde_id, voor_wijzigen=True)
            if rij.status == OVERGENOMEN:
                raise InvoerFout("Deze ronde is al overgenomen in het dossier en kan niet meer open. Maak een nieuwe "
                                 "sessie als je de oefening nog eens wilt doen.")
            if sessie.gesloten is not None:
                raise InvoerFout("Deze sessie is afgesloten; er kan geen ronde meer open. Maak een nieuwe sessie.")
            if rij.status != OPEN:
                moment = nu()
                conn.execute(update(tabel).where(tabel.c.id == ronde_id).values(
                    status=OPEN, geopend=rij.geopend or moment, gesloten=None))
        return self.ronde(sessie_id, ronde_id)

    # == facilitator: what the room sees ==============================================================
    def ronde_stand(self, sessie_id: str, ronde_id: str) -> RondeStand:
        """Counts for the facilitator's header, in one aggregate query."""
        d, a, i, r = (schema.workshop_deelnemer, schema.workshop_antwoord, schema.workshop_indiening,
                      schema.workshop_ronde)
        if not (_is_id(sessie_id) and _is_id(ronde_id)):
            raise InvoerFout(_RONDE_ONBEKEND)
        niet_ingediend = ~exists().where(i.c.ronde_id == a.c.ronde_id, i.c.deelnemer_id == a.c.deelnemer_id)
        vraag = select(
            select(r.c.id).where(r.c.id == ronde_id, r.c.sessie_id == sessie_id).scalar_subquery().label("ronde"),
            select(func.count()).select_from(d).where(d.c.sessie_id == sessie_id).scalar_subquery().label("aantal"),
            select(func.max(d.c.gewijzigd)).where(d.c.sessie_id == sessie_id).scalar_subquery().label("d_laatst"),
            select(func.count()).select_from(i).where(i.c.ronde_id == ronde_id).scalar_subquery().label("ingediend"),
            select(func.count(distinct(a.c.deelnemer_id))).where(a.c.ronde_id == ronde_id, niet_ingediend)
            .scalar_subquery().label("bezig"),
            select(func.max(a.c.gewijzigd)).select_from(a.join(r, r.c.id == a.c.ronde_id))
            .where(r.c.sessie_id == sessie_id).scalar_subquery().label("a_laatst"),
        )
        with self._lees() as conn:
            rij = conn.execute(vraag).one()
        if rij.ronde is None:
            raise InvoerFout(_RONDE_ONBEKEND)
        laatste = [t for t in (rij.d_laatst, rij.a_laatst) if t is not None]
        return RondeStand(deelnemers=int(rij.aantal), bezig=int(rij.bezig), ingediend=int(rij.ingediend),
                          laatste_wijziging=max(laatste) if laatste else None)

    def verversstempel(self, sessie_id: str) -> tuple:
        """A cheap token (one query) that changes whenever a participant, an answer, a submission or a
        round's status in the session changes: the facilitator polls it and redraws only on a change."""
        s, d, a, i, r = (schema.workshop_sessie, schema.workshop_deelnemer, schema.workshop_antwoord,
                         schema.workshop_indiening, schema.workshop_ronde)
        if not _is_id(sessie_id):
            raise InvoerFout(_SESSIE_ONBEKEND)
        van_sessie = r.c.sessie_id == sessie_id
        # the status of every round as one number: a digit (base 5) per round position
        status_code = case({KLAAR: 1, OPEN: 2, GESLOTEN: 3, OVERGENOMEN: 4}, value=r.c.status, else_=0)
        plaats = case({1: 1, 2: 5, 3: 25, 4: 125}, value=r.c.volgorde, else_=625 * r.c.volgorde)
        met_ronde = a.join(r, r.c.id == a.c.ronde_id)
        vraag = select(
            select(func.count()).select_from(s).where(s.c.id == sessie_id).scalar_subquery(),
            select(s.c.gesloten).where(s.c.id == sessie_id).scalar_subquery(),
            select(func.count()).select_from(d).where(d.c.sessie_id == sessie_id).scalar_subquery(),
            select(func.max(d.c.gewijzigd)).where(d.c.sessie_id == sessie_id).scalar_subquery(),
            select(func.count()).select_from(met_ronde).where(van_sessie).scalar_subquery(),
            select(func.max(a.c.gewijzigd)).select_from(met_ronde).where(van_sessie).scalar_subquery(),
            select(func.sum(a.c.waarde)).select_from(met_ronde).where(van_sessie).scalar_subquery(),
            select(func.count()).select_from(i.join(r, r.c.id == i.c.ronde_id)).where(van_sessie).scalar_subquery(),
            select(func.max(i.c.ingediend)).select_from(i.join(r, r.c.id == i.c.ronde_id)).where(van_sessie)
            .scalar_subquery(),
            select(func.sum(status_code * plaats)).where(van_sessie).scalar_subquery(),
            select(func.max(r.c.geopend)).where(van_sessie).scalar_subquery(),
            select(func.max(r.c.gesloten)).where(van_sessie).scalar_subquery(),
        )
        with self._lees() as conn:
            rij = conn.execute(vraag).one()
        if not rij[0]:
            raise InvoerFout(_SESSIE_ONBEKEND)
        return tuple(rij[1:])

    def ronde_antwoorden(self, sessie_id: str, ronde_id: str, *,
                         alleen_ingediend: bool = True) -> list[tuple[Deelnemer, Antwoorden]]:
        """Everyone's answers in a round (by default only the submitted ones, which are what counts),
        in the order the participants joined."""
        with self._lees() as conn:
            self._workshop_ronde_rij(conn, sessie_id, ronde_id)
            return self._antwoorden_van_ronde(conn, sessie_id, ronde_id, alleen_ingediend=alleen_ingediend)

    # == participants ================================================================================
    def open_rondes(self, deelnemer_id: str) -> list[Ronde]:
        """The rounds of the participant's session that are open now, in order."""
        return [r for r in self.rondes_voor_deelnemer(deelnemer_id) if r.status == OPEN]

    def rondes_voor_deelnemer(self, deelnemer_id: str) -> list[Ronde]:
        """Every round the participant may see (opened at least once), in order."""
        tabel = schema.workshop_ronde
        with self._lees() as conn:
            deelnemer = self._workshop_deelnemer_rij(conn, deelnemer_id)
            rijen = conn.execute(select(tabel).where(tabel.c.sessie_id == deelnemer.sessie_id, tabel.c.status != KLAAR)
                                 .order_by(tabel.c.volgorde, tabel.c.id)).all()
        return [_ronde(r) for r in rijen]

    def mijn_antwoorden(self, deelnemer_id: str, ronde_id: str) -> Antwoorden:
        """The participant's own answers in a round (never anyone else's)."""
        with self._lees() as conn:
            self._ronde_van_deelnemer(conn, deelnemer_id, ronde_id)
            return self._eigen_antwoorden(conn, deelnemer_id, ronde_id)

    def beantwoord(self, deelnemer_id: str, ronde_id: str, sleutel: str, waarde: int | None) -> Antwoorden:
        """Save one answer (an upsert: answering again replaces it). ``None`` is 'weet niet' where allowed."""
        gevolg = "Je antwoord is niet opgeslagen."
        with self._deelnemer_schrijf() as conn:
            _workshop_deelnemer_rij, ronde = self._ronde_van_deelnemer(conn, deelnemer_id, ronde_id, delen=True)
            _controleer_open(ronde, gevolg)
            vraag = _vragen_per_sleutel(ronde.vragen).get(sleutel) if isinstance(sleutel, str) else None
            if vraag is None:
                raise InvoerFout(f"Deze vraag hoort niet bij deze ronde. {gevolg} Laad de pagina opnieuw.")
            waarden = {sleutel: _controleer_waarde(vraag, waarde, gevolg)}
            self._bewaar_antwoorden(conn, ronde, deelnemer_id, waarden)
            return self._eigen_antwoorden(conn, deelnemer_id, ronde_id)

    def beantwoord_alles(self, deelnemer_id: str, ronde_id: str, waarden: Mapping[str, int | None], *,
                         indienen: bool = False) -> Antwoorden:
        """Save several answers at once, and with ``indienen`` also submit, in one transaction: if any answer
        is wrong, or the submission is refused, nothing is saved."""
        gevolg = "Er is niets opgeslagen."
        with self._deelnemer_schrijf() as conn:
            _workshop_deelnemer_rij, ronde = self._ronde_van_deelnemer(conn, deelnemer_id, ronde_id, delen=True)
            _controleer_open(ronde, gevolg)
            schoon = _controleer_waarden(_vragen_per_sleutel(ronde.vragen), waarden, gevolg)
            self._bewaar_antwoorden(conn, ronde, deelnemer_id, schoon)
            if indienen:
                self._dien_in(conn, ronde, deelnemer_id, gevolg)
            return self._eigen_antwoorden(conn, deelnemer_id, ronde_id)

    def dien_in_ronde(self, deelnemer_id: str, ronde_id: str) -> Antwoorden:
        """Submit: from now on the answers count. Needs every question answered (and, for the weging,
        exactly ``WEGING_TOTAAL`` points). Submitting twice is one submission."""
        with self._deelnemer_schrijf() as conn:
            _workshop_deelnemer_rij, ronde = self._ronde_van_deelnemer(conn, deelnemer_id, ronde_id, delen=True)
            _controleer_open(ronde, "Je antwoorden zijn niet ingediend.")
            self._dien_in(conn, ronde, deelnemer_id, "Je antwoorden zijn niet ingediend.")
            return self._eigen_antwoorden(conn, deelnemer_id, ronde_id)

    # == helpers ====================================================================================
    @contextmanager
    def _deelnemer_schrijf(self) -> Iterator[Connection]:
        """A participant's write transaction; a participant removed meanwhile (a foreign key fails) is a
        Dutch message, not an error."""
        try:
            with self._schrijf() as conn:
                yield conn
        except IntegrityError:
            raise InvoerFout(_DEELNEMER_ONBEKEND) from None

    @staticmethod
    def _eigen_antwoorden(conn: Connection, deelnemer_id: str, ronde_id: str) -> Antwoorden:
        a, i = schema.workshop_antwoord, schema.workshop_indiening
        waarden = dict(conn.execute(select(a.c.sleutel, a.c.waarde)
                                    .where(a.c.ronde_id == ronde_id, a.c.deelnemer_id == deelnemer_id)
                                    .order_by(a.c.sleutel)).all())
        ingediend = conn.execute(select(i.c.ingediend).where(i.c.ronde_id == ronde_id,
                                                             i.c.deelnemer_id == deelnemer_id)).scalar()
        return Antwoorden(ronde_id=ronde_id, deelnemer_id=deelnemer_id, waarden=waarden, ingediend=ingediend)

    @staticmethod
    def _bewaar_antwoorden(conn: Connection, ronde, deelnemer_id: str, waarden: Mapping[str, int | None]) -> None:
        """Upsert the answers. For the weging, a changed value withdraws a submission (the sum must be
        checked again)."""
        if not waarden:
            return
        a, i = schema.workshop_antwoord, schema.workshop_indiening
        if ronde.oefening == "weging":
            huidig = dict(conn.execute(select(a.c.sleutel, a.c.waarde).where(
                a.c.ronde_id == ronde.id, a.c.deelnemer_id == deelnemer_id, a.c.sleutel.in_(list(waarden)))).all())
            if any(k not in huidig or huidig[k] != v for k, v in waarden.items()):
                conn.execute(delete(i).where(i.c.ronde_id == ronde.id, i.c.deelnemer_id == deelnemer_id))
        moment = nu()
        opdracht = _insert(conn, a).values([
            {"ronde_id": ronde.id, "deelnemer_id": deelnemer_id, "sleutel": k, "waarde": v, "gewijzigd": moment}
            for k, v in waarden.items()
        ])
        conn.execute(opdracht.on_conflict_do_update(
            index_elements=[a.c.ronde_id, a.c.deelnemer_id, a.c.sleutel],
            set_={"waarde": opdracht.excluded.waarde, "gewijzigd": opdracht.excluded.gewijzigd},
        ))

    @staticmethod
    def _dien_in(conn: Connection, ronde, deelnemer_id: str, gevolg: str) -> None:
        a, i = schema.workshop_antwoord, schema.workshop_indiening
        waarden = dict(conn.execute(select(a.c.sleutel, a.c.waarde)
                                    .where(a.c.ronde_id == ronde.id, a.c.deelnemer_id == deelnemer_id)).all())
        _indienen_kan(ronde, waarden, gevolg)
        conn.execute(_insert(conn, i).values(ronde_id=ronde.id, deelnemer_id=deelnemer_id, ingediend=nu())
                     .on_conflict_do_nothing(index_elements=[i.c.ronde_id, i.c.deelnemer_id]))
