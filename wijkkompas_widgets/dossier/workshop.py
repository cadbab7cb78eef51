"""Live workshops in the store: sessions on a dossier, rounds with a snapshot of their questions,
participants and their answers, and adopting a round's outcome into the dossier.

``WorkshopOpslag`` is a mixin of ``DossierStore`` (it uses ``_lees``, ``_schrijf``, ``_raak_aan``,
``_controleer_dossier``, ``_automatisch_besluit`` and the loaded content). Every method is one
transaction. Rules kept here, whatever a page does:

- **Isolation.** A participant is known by an id that only their own page holds. Every participant
  method looks the round up *through* the participant's session, so nobody can read or write another
  session, and answers are only ever read back for the participant who gave them. The facilitator's
  lists leave the recovery codes out.
- **Race-free answers.** An answer is an upsert (``INSERT ... ON CONFLICT DO UPDATE``) on (round,
  participant, key): answering twice, or from two devices at once, keeps one row. On SQLite writers take
  turns (``BEGIN IMMEDIATE``); on PostgreSQL 30 participants write at the same time: an answer only
  takes a *shared* lock on its round row (``FOR SHARE``) to read the round's status, so answers don't
  wait for each other, while closing the round (an UPDATE of that row) waits for the answers in flight.
  Once ``sluit_ronde`` has returned, a closed round never gains an answer.
- **Only submitted answers count** (results, adoption); for the weging a submission needs exactly
  ``WEGING_TOTAAL`` points, so changing a point after submitting withdraws the submission.
- **PIN.** Only a salted hash is stored. After ``MAX_MISLUKT`` wrong PINs within ``MISLUKT_VENSTER``
  a session refuses the facilitator for ``BLOKKADE`` (also with the right PIN); unknown code and wrong
  PIN get the same message.
- **Adoption** (``neem_ronde_over``) changes the dossier through the same tables as the phase
  exercises, writes an automatic besluitenlog entry and marks the round adopted, all in one
  transaction: all of it happens, or nothing.

``nu`` is looked up in this module at call time, so tests can move the clock.
"""

from __future__ import annotations

import json
import math
import re
import secrets
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from fractions import Fraction
from functools import cache, lru_cache
from types import MappingProxyType

from sqlalchemy import case, delete, distinct, exists, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from ..content import SPOOR_LETTERS
from ..workshop import codes
from ..workshop.model import (
    GESLOTEN,
    KLAAR,
    OEFENINGEN,
    OPEN,
    OVERGENOMEN,
    WEGING_TOTAAL,
    Antwoorden,
    Deelnemer,
    ImportVerslag,
    Overname,
    Ronde,
    RondeStand,
    Sessie,
    Vraag,
)
from . import schema, validatie
from .afweging import KNOOPPUNT_WEGING, controleer_punten
from .besluiten import MAX_AANWEZIG, MAX_WAT
from .koppelkansen import (
    KNOOPPUNT_KOPPELKANSEN,
    MAX_SCORESLEUTEL,
    STANDAARD_SCORECRITERIA,
    controleer_koppelkans_scores,
)
from .model import SCHAAL_MAX, SCHAAL_MIN, InvoerFout, OpslagFout, nu

KNOOPPUNT_SCAN = "f1-samenwerkingsscan"
KNOOPPUNT_MACHTBELANG = "f1-invloed-en-belang"
KNOOPPUNTEN: dict[str, str] = {
    "scan": KNOOPPUNT_SCAN,
    "machtbelang": KNOOPPUNT_MACHTBELANG,
    "weging": KNOOPPUNT_WEGING,
    "koppelkansen": KNOOPPUNT_KOPPELKANSEN,
}
MAX_MISLUKT = 5  # wrong PINs ...
MISLUKT_VENSTER = timedelta(minutes=10)  # ... within this time ...
BLOKKADE = timedelta(minutes=5)  # ... block the facilitator login this long
MAX_VRAGEN = 500  # questions per round (an invitation file holds at most this many per round)
KOPPELKANS_CRITERIA_FORMULIER = "koppelkansen_criteria"  # the team's own criteria (widgets/koppelkansen.py)
WEGING_MIN, WEGING_MAX = 0, WEGING_TOTAAL
SCAN_MIN, SCAN_MAX = 1, 5
KANS_MIN, KANS_MAX = 1, 5
_POGINGEN = 5  # a new random code that clashes with an existing one is drawn again
_ID = re.compile(r"^[0-9a-f]{32}$")

_SESSIE_ONBEKEND = "Deze workshopsessie bestaat niet (meer). Open de sessie opnieuw met de code en de pincode."
_RONDE_ONBEKEND = "Deze ronde hoort niet bij deze sessie. Kies een ronde uit de lijst."
_DEELNEMER_ONBEKEND = ("Je aanmelding is niet (meer) bekend; er is niets opgeslagen. Meld je opnieuw aan met de "
                       "code op het scherm, of ga verder met je herstelcode.")
_NIET_JOUW_RONDE = "Deze ronde hoort niet bij jouw workshop; er is niets opgeslagen of getoond. Laad de pagina opnieuw."
_CODE_OF_PIN = "De code of de pincode klopt niet."
_GEEN_OPEN_SESSIE = "Er is geen open workshop met deze code. Controleer de code op het scherm."
_HERSTEL_ONBEKEND = ("Deze herstelcode hoort niet bij een deelnemer van de workshop met deze code. Controleer de "
                     "code op het scherm en je herstelcode, of meld je opnieuw aan met je naam.")


# -- small pure helpers ---------------------------------------------------------------------------
def _is_id(waarde: object) -> bool:
    return isinstance(waarde, str) and bool(_ID.match(waarde))


def _nieuw_id() -> str:
    return uuid.uuid4().hex


def _kort(tekst: str, maximum: int) -> str:
    return tekst if len(tekst) <= maximum else tekst[: maximum - 1].rstrip(" ,") + "…"


def _datum(moment: datetime) -> str:
    """A date as people here read it (day-month-year, in the server's time zone)."""
    return f"{moment.astimezone():%d-%m-%Y}"


def _half_omhoog(waarde: Fraction) -> int:
    """Round half up (2,5 → 3), exactly: the dossier gets whole numbers."""
    return math.floor(waarde + Fraction(1, 2))


def _mediaan(waarden: Sequence[int]) -> Fraction:
    gesorteerd = sorted(waarden)
    midden = len(gesorteerd) // 2
    if len(gesorteerd) % 2:
        return Fraction(gesorteerd[midden])
    return Fraction(gesorteerd[midden - 1] + gesorteerd[midden], 2)


def _insert(conn: Connection, tabel):
    """INSERT with ON CONFLICT support in the connection's dialect (both SQLite and PostgreSQL have it)."""
    return (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(tabel)


def _vraag_json(vraag: Vraag) -> dict:
    return {"sleutel": vraag.sleutel, "label": vraag.label, "groep": vraag.groep, "minimum": vraag.minimum,
            "maximum": vraag.maximum, "weet_niet": vraag.weet_niet, "toelichting": vraag.toelichting}


@lru_cache(maxsize=128)
def _vragen(tekst: str) -> tuple[Vraag, ...]:
    """The questions of a round from their JSON snapshot (cached: a snapshot never changes)."""
    return tuple(Vraag(**item) for item in json.loads(tekst))


@lru_cache(maxsize=128)
def _vragen_per_sleutel(tekst: str) -> Mapping[str, Vraag]:
    return MappingProxyType({v.sleutel: v for v in _vragen(tekst)})


def _controleer_waarde(vraag: Vraag, waarde: object, gevolg: str) -> int | None:
    label = _kort(vraag.label, 80)
    if waarde is None:
        if vraag.weet_niet:
            return None
        raise InvoerFout(f"Bij '{label}' kun je niet 'weet niet' kiezen; kies een getal van {vraag.minimum} tot en "
                         f"met {vraag.maximum}. {gevolg}")
    if isinstance(waarde, bool) or not isinstance(waarde, int) or not vraag.minimum <= waarde <= vraag.maximum:
        extra = " of 'weet niet'" if vraag.weet_niet else ""
        raise InvoerFout(f"Kies bij '{label}' een geheel getal van {vraag.minimum} tot en met {vraag.maximum}{extra}. "
                         f"{gevolg}")
    return waarde


def _controleer_waarden(vragen: Mapping[str, Vraag], waarden: object, gevolg: str) -> dict[str, int | None]:
    if not isinstance(waarden, Mapping):
        raise InvoerFout(f"De antwoorden zijn niet leesbaar. {gevolg}")
    schoon: dict[str, int | None] = {}
    for sleutel, waarde in waarden.items():
        vraag = vragen.get(sleutel) if isinstance(sleutel, str) else None
        if vraag is None:
            raise InvoerFout(f"Een antwoord hoort bij geen enkele vraag van deze ronde. {gevolg} Laad de pagina "
                             "opnieuw.")
        schoon[sleutel] = _controleer_waarde(vraag, waarde, gevolg)
    return schoon


def _indienen_kan(ronde_rij, waarden: Mapping[str, int | None], gevolg: str) -> None:
    """Refuse a submission that is not complete, or (weging) that does not add up to ``WEGING_TOTAAL``."""
    vragen = _vragen(ronde_rij.vragen)
    open_ = sum(1 for v in vragen if v.sleutel not in waarden)
    if open_:
        woord = "vraag is" if open_ == 1 else "vragen zijn"
        raise InvoerFout(f"Nog {open_} van de {len(vragen)} {woord} niet beantwoord. Beantwoord ze allemaal "
                         f"('weet niet' telt ook als antwoord) en dien dan opnieuw in. {gevolg}")
    if ronde_rij.oefening == "weging":
        som = sum(waarden[v.sleutel] or 0 for v in vragen)
        if som < WEGING_TOTAAL:
            raise InvoerFout(f"Verdeel precies {WEGING_TOTAAL} punten: je hebt er nog {WEGING_TOTAAL - som} te "
                             f"verdelen. {gevolg}")
        if som > WEGING_TOTAAL:
            raise InvoerFout(f"Verdeel precies {WEGING_TOTAAL} punten: je hebt er {som - WEGING_TOTAAL} te veel "
                             f"verdeeld. {gevolg}")


def _controleer_open(ronde_rij, gevolg: str = "Je antwoord is niet opgeslagen.") -> None:
    if ronde_rij.status == OPEN:
        return
    if ronde_rij.status == KLAAR:
        raise InvoerFout(f"Deze ronde is nog niet geopend. {gevolg} Wacht tot de begeleider haar opent.")
    raise InvoerFout(f"Deze ronde is gesloten. {gevolg} Vraag de begeleider om de ronde te heropenen als je nog "
                     "iets wilt wijzigen.")


def _controleer_oefeningen(oefeningen: object) -> list[str]:
    if isinstance(oefeningen, str) or not isinstance(oefeningen, Sequence):
        raise InvoerFout("Kies een of meer oefeningen voor de sessie; er is niets opgeslagen.")
    lijst = list(oefeningen)
    if not lijst:
        raise InvoerFout("Kies minstens één oefening voor de sessie; er is niets opgeslagen.")
    onbekend = [o for o in lijst if not isinstance(o, str) or o not in OEFENINGEN]
    if onbekend:
        raise InvoerFout("Kies alleen oefeningen uit de lijst: " + ", ".join(OEFENINGEN.values()).lower()
                         + ". Er is niets opgeslagen.")
    if len(set(lijst)) != len(lijst):
        raise InvoerFout("Elke oefening kan maar één keer in een sessie; er is niets opgeslagen.")
    return lijst


def _controleer_spoor(spoor: object) -> str:
    tekst = spoor.strip().upper() if isinstance(spoor, str) else None
    if tekst is None or (tekst and tekst not in SPOOR_LETTERS):
        raise InvoerFout("Kies een spoor van A tot en met F, of 'weet ik niet'. Er is niets opgeslagen.")
    return tekst


@cache
def _nep_hash() -> str:
    """A hash to compare against when the code is unknown, so a wrong code takes as long as a wrong PIN."""
    return codes.hash_pin("".join(secrets.choice("0123456789") for _ in range(8)))


# -- rows → plain data ----------------------------------------------------------------------------
def _sessie(rij) -> Sessie:
    return Sessie(id=rij.id, dossier_id=rij.dossier_id, naam=rij.naam, code=rij.code, aangemaakt=rij.aangemaakt,
                  gesloten=rij.gesloten)


def _ronde(rij) -> Ronde:
    return Ronde(id=rij.id, sessie_id=rij.sessie_id, oefening=rij.oefening, volgorde=rij.volgorde, status=rij.status,
                 vragen=_vragen(rij.vragen), geopend=rij.geopend, gesloten=rij.gesloten, overgenomen=rij.overgenomen)


def _deelnemer(rij, *, met_herstelcode: bool) -> Deelnemer:
    """A participant; the recovery code only for the participant themselves (shown as 'ABC-123')."""
    return Deelnemer(id=rij.id, sessie_id=rij.sessie_id, naam=rij.naam, organisatie=rij.organisatie, spoor=rij.spoor,
                     herstelcode=codes.toon_herstelcode(rij.herstelcode) if met_herstelcode else "",
                     aangemaakt=rij.aangemaakt)


class WorkshopOpslag:
    """Store methods of live workshops (mixed into ``DossierStore``)."""

    # == facilitator: sessions ========================================================================
    def maak_sessie(self, dossier_id: str, naam: str, pin: str, oefeningen: Sequence[str]) -> Sessie:
        """A new session with one round (status KLAAR) per exercise, in the given order; each round gets a
        snapshot of its questions as the dossier is now."""
        naam = validatie.schone_tekst(naam, "De naam van de sessie", maximum=validatie.MAX_NAAM, verplicht=True)
        pin = codes.controleer_pin(pin)
        oefeningen = _controleer_oefeningen(oefeningen)
        pin_hash = codes.hash_pin(pin)
        for _poging in range(_POGINGEN):
            sessie_id = _nieuw_id()
            try:
                with self._schrijf() as conn:
                    self._controleer_dossier(conn, dossier_id)
                    vragen = [(o, self._workshop_vragen(conn, dossier_id, o)) for o in oefeningen]
                    moment = nu()
                    conn.execute(insert(schema.workshop_sessie).values(
                        id=sessie_id, dossier_id=dossier_id, naam=naam, code=codes.nieuwe_code(), pin_hash=pin_hash,
                        mislukt=0, aangemaakt=moment,
                    ))
                    conn.execute(insert(schema.workshop_ronde), [
                        {"id": _nieuw_id(), "sessie_id": sessie_id, "oefening": oefening, "volgorde": volgorde,
                         "status": KLAAR, "vragen": json.dumps([_vraag_json(v) for v in lijst], ensure_ascii=False)}
                        for volgorde, (oefening, lijst) in enumerate(vragen, start=1)
                    ])
                return self.sessie(sessie_id)
            except IntegrityError:
                continue  # the random join code was taken (or the dossier vanished: checked again next time)
        raise OpslagFout("Er kon geen vrije deelnamecode worden gevonden; er is niets opgeslagen. Probeer het opnieuw.")

    def sessie(self, sessie_id: str) -> Sessie:
        with self._lees() as conn:
            return _sessie(self._workshop_sessie_rij(conn, sessie_id))

    def sessies(self, dossier_id: str) -> list[Sessie]:
        """The workshop sessions of a dossier, newest first."""
        tabel = schema.workshop_sessie
        with self._lees() as conn:
            self._controleer_dossier(conn, dossier_id)
            rijen = conn.execute(select(tabel).where(tabel.c.dossier_id == dossier_id)
                                 .order_by(tabel.c.aangemaakt.desc(), tabel.c.id)).all()
        return [_sessie(r) for r in rijen]

    def open_als_begeleider(self, code: str, pin: str) -> Sessie:
        """The session of ``code`` for its facilitator, if ``pin`` is right and the session is not blocked."""
        code = codes.normaliseer_code(code)
        tabel = schema.workshop_sessie
        with self._lees() as conn:
            rij = conn.execute(select(tabel).where(tabel.c.code == code)).first()
        if rij is not None:
            _weiger_als_geblokkeerd(rij, nu())
        klopt = codes.pin_klopt(pin, rij.pin_hash if rij is not None else _nep_hash())
        if rij is None:
            raise InvoerFout(_CODE_OF_PIN)
        melding = None
        with self._schrijf() as conn:
            huidig = conn.execute(select(tabel).where(tabel.c.id == rij.id).with_for_update()).first()
            if huidig is None:
                raise InvoerFout(_CODE_OF_PIN)
            moment = nu()
            _weiger_als_geblokkeerd(huidig, moment)
            if klopt:
                conn.execute(update(tabel).where(tabel.c.id == rij.id)
                             .values(mislukt=0, mislukt_sinds=None, geblokkeerd_tot=None))
            else:
                vers = huidig.mislukt_sinds is None or moment - huidig.mislukt_sinds > MISLUKT_VENSTER
                mislukt = 1 if vers else huidig.mislukt + 1
                sinds = moment if vers else huidig.mislukt_sinds
                if mislukt >= MAX_MISLUKT:
                    conn.execute(update(tabel).where(tabel.c.id == rij.id)
                                 .values(mislukt=0, mislukt_sinds=None, geblokkeerd_tot=moment + BLOKKADE))
                    melding = _blokkade_melding(BLOKKADE)
                else:
                    conn.execute(update(tabel).where(tabel.c.id == rij.id).values(mislukt=mislukt, mislukt_sinds=sinds))
                    melding = _CODE_OF_PIN
        if melding is not None:
            raise InvoerFout(melding)
        return _sessie(huidig)

    def sluit_sessie(self, sessie_id: str) -> Sessie:
        """Close the session: its open rounds close, nobody can join any more. Results and adoption stay."""
        sessie, ronde = schema.workshop_sessie, schema.workshop_ronde
        with self._schrijf() as conn:
            rij = self._workshop_sessie_rij(conn, sessie_id, voor_wijzigen=True)
            moment = nu()
            if rij.gesloten is None:
                conn.execute(update(sessie).where(sessie.c.id == sessie_id).values(gesloten=moment))
            conn.execute(update(ronde).where(ronde.c.sessie_id == sessie_id, ronde.c.status == OPEN)
                         .values(status=GESLOTEN, gesloten=moment))
        return self.sessie(sessie_id)

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

    def deelnemers(self, sessie_id: str) -> list[Deelnemer]:
        """Who joined (for the facilitator: name, organisation, spoor; never the recovery codes)."""
        tabel = schema.workshop_deelnemer
        with self._lees() as conn:
            self._workshop_sessie_rij(conn, sessie_id)
            rijen = conn.execute(select(tabel).where(tabel.c.sessie_id == sessie_id)
                                 .order_by(tabel.c.aangemaakt, tabel.c.id)).all()
        return [_deelnemer(r, met_herstelcode=False) for r in rijen]

    def ronde_antwoorden(self, sessie_id: str, ronde_id: str, *,
                         alleen_ingediend: bool = True) -> list[tuple[Deelnemer, Antwoorden]]:
        """Everyone's answers in a round (by default only the submitted ones, which are what counts),
        in the order the participants joined."""
        with self._lees() as conn:
            self._workshop_ronde_rij(conn, sessie_id, ronde_id)
            return self._antwoorden_van_ronde(conn, sessie_id, ronde_id, alleen_ingediend=alleen_ingediend)

    # == participants ================================================================================
    def sessie_voor_code(self, code: str) -> Sessie:
        """The open session with this join code (what a participant needs before joining)."""
        code = codes.normaliseer_code(code)
        tabel = schema.workshop_sessie
        with self._lees() as conn:
            rij = conn.execute(select(tabel).where(tabel.c.code == code, tabel.c.gesloten.is_(None))).first()
        if rij is None:
            raise InvoerFout(_GEEN_OPEN_SESSIE)
        return _sessie(rij)

    def meld_aan(self, code: str, naam: str, organisatie: str, spoor: str = "") -> Deelnemer:
        """Join the open session of ``code``; returns the participant with a fresh recovery code."""
        code = codes.normaliseer_code(code)
        naam = validatie.schone_tekst(naam, "Je naam", maximum=validatie.MAX_NAAM, verplicht=True)
        organisatie = validatie.schone_tekst(organisatie, "Je organisatie", maximum=validatie.MAX_KORT,
                                             verplicht=True)
        spoor = _controleer_spoor(spoor)
        sleutel = validatie.naam_sleutel(naam)
        bezet = (f"Er doet al iemand mee met de naam '{naam}'. Ga verder met je herstelcode, of voeg bijvoorbeeld je "
                 "achternaam toe.")
        d, s = schema.workshop_deelnemer, schema.workshop_sessie
        for _poging in range(_POGINGEN):
            deelnemer_id = _nieuw_id()
            try:
                with self._schrijf() as conn:
                    sessie = conn.execute(select(s.c.id).where(s.c.code == code, s.c.gesloten.is_(None))).first()
                    if sessie is None:
                        raise InvoerFout(_GEEN_OPEN_SESSIE)
                    if conn.execute(select(d.c.id).where(d.c.sessie_id == sessie.id, d.c.naam_sleutel == sleutel)
                                    ).first() is not None:
                        raise InvoerFout(bezet)
                    moment = nu()
                    conn.execute(insert(d).values(
                        id=deelnemer_id, sessie_id=sessie.id, naam=naam, naam_sleutel=sleutel, organisatie=organisatie,
                        spoor=spoor, herstelcode=codes.nieuwe_herstelcode(), aangemaakt=moment, gewijzigd=moment,
                    ))
                    rij = conn.execute(select(d).where(d.c.id == deelnemer_id)).one()
                return _deelnemer(rij, met_herstelcode=True)
            except IntegrityError:
                # someone with the same name joined at the very same moment, or (rarely) the recovery code
                # was taken: tell the first, draw a new code for the second
                with self._lees() as conn:
                    if conn.execute(select(d.c.id).join(s, s.c.id == d.c.sessie_id)
                                    .where(s.c.code == code, d.c.naam_sleutel == sleutel)).first() is not None:
                        raise InvoerFout(bezet) from None
        raise OpslagFout("Aanmelden lukte niet; er is niets opgeslagen. Probeer het opnieuw.")

    def ga_verder(self, code: str, herstelcode: str) -> Deelnemer:
        """Continue as the participant of ``herstelcode`` in the session of ``code`` (after a reload or on
        another device)."""
        code = codes.normaliseer_code(code)
        herstel = codes.normaliseer_herstelcode(herstelcode)
        d, s = schema.workshop_deelnemer, schema.workshop_sessie
        with self._lees() as conn:
            rij = conn.execute(select(d).join(s, s.c.id == d.c.sessie_id)
                               .where(s.c.code == code, d.c.herstelcode == herstel)).first()
        if rij is None:
            raise InvoerFout(_HERSTEL_ONBEKEND)
        return _deelnemer(rij, met_herstelcode=True)

    def deelnemer(self, deelnemer_id: str) -> Deelnemer:
        """The participant themselves (with their recovery code)."""
        with self._lees() as conn:
            return _deelnemer(self._workshop_deelnemer_rij(conn, deelnemer_id), met_herstelcode=True)

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

    # == adoption ===================================================================================
    def neem_ronde_over(self, sessie_id: str, ronde_id: str, aanwezig: str = "") -> Overname:
        """Put the outcome of a closed round into the dossier, with a besluitenlog entry, in ONE
        transaction; only submitted answers count; a round is adopted once."""
        aanwezig = validatie.schone_tekst(aanwezig, "Wie er aan tafel zaten", maximum=MAX_AANWEZIG)
        with self._schrijf() as conn:
            sessie = self._workshop_sessie_rij(conn, sessie_id)
            self._raak_aan(conn, sessie.dossier_id)
            ronde = self._workshop_ronde_rij(conn, sessie_id, ronde_id, voor_wijzigen=True)
            if ronde.status == OVERGENOMEN:
                raise InvoerFout(f"Deze ronde is al overgenomen in het dossier (op {_datum(ronde.overgenomen)}); er is "
                                 "niets veranderd.")
            if ronde.status != GESLOTEN:
                raise InvoerFout("Sluit de ronde eerst; daarna kun je de uitkomst overnemen. Er is niets veranderd.")
            ingediend = self._antwoorden_van_ronde(conn, sessie_id, ronde_id, alleen_ingediend=True)
            if not ingediend:
                raise InvoerFout("In deze ronde heeft nog niemand antwoorden ingediend, dus er is niets over te nemen. "
                                 "Er is niets veranderd.")
            overnemen = {"scan": self._neem_scan_over, "machtbelang": self._neem_machtbelang_over,
                         "weging": self._neem_weging_over, "koppelkansen": self._neem_koppelkansen_over}
            wat, details, niet = overnemen[ronde.oefening](conn, sessie, _vragen(ronde.vragen), ingediend)
            organisaties = sorted({d.organisatie for d, _a in ingediend}, key=str.casefold)
            onderbouwing = (f"Uitkomst van de workshop '{sessie.naam}' van {_datum(sessie.aangemaakt)}: "
                            f"{len(ingediend)} ingediende antwoordenlijst{'en' if len(ingediend) != 1 else ''} "
                            f"({', '.join(organisaties)}). " + " ".join(f"{regel}." for regel in details))
            wat = _kort(wat, MAX_WAT)
            besluit_id = self._automatisch_besluit(
                conn, sessie.dossier_id, wat, _kort(onderbouwing, validatie.MAX_TOELICHTING),
                KNOOPPUNTEN[ronde.oefening], aanwezig=aanwezig,
            )
            conn.execute(update(schema.workshop_ronde).where(schema.workshop_ronde.c.id == ronde_id)
                         .values(status=OVERGENOMEN, overgenomen=nu(), besluit_id=besluit_id))
        return Overname(besluit_id=besluit_id, wat=wat, details=tuple(details), niet_overgenomen=tuple(niet))

    def _neem_scan_over(self, conn: Connection, sessie, vragen, ingediend):
        """A new, closed scan round in the dossier with one submitted response per participant."""
        dossier_id = sessie.dossier_id
        ronde_t, respons_t, antwoord_t = schema.scan_ronde, schema.scan_respons, schema.scan_antwoord
        achter = f" ({_datum(sessie.aangemaakt)})"
        basis = f"Workshop {_kort(sessie.naam, validatie.MAX_NAAM - len('Workshop ') - len(achter) - 3)}{achter}"
        bezet = set(conn.execute(select(ronde_t.c.naam_sleutel).where(ronde_t.c.dossier_id == dossier_id)).scalars())
        naam, volgnummer = basis, 1
        while validatie.naam_sleutel(naam) in bezet:
            volgnummer += 1
            naam = f"{basis} {volgnummer}"
        moment = nu()
        scan_ronde_id = int(conn.execute(insert(ronde_t).values(
            dossier_id=dossier_id, naam=naam, naam_sleutel=validatie.naam_sleutel(naam), aangemaakt=moment,
            gesloten=moment,
        )).inserted_primary_key[0])
        stellingen = {s.id for s in self._inhoud.fase1.scan.stellingen}
        vervallen = [v for v in vragen if v.sleutel not in stellingen]
        for deelnemer, antwoorden in ingediend:
            respons_id = int(conn.execute(insert(respons_t).values(
                ronde_id=scan_ronde_id, naam=deelnemer.naam, naam_sleutel=validatie.naam_sleutel(deelnemer.naam),
                organisatie=deelnemer.organisatie, status="ingediend", aangemaakt=moment, gewijzigd=moment,
            )).inserted_primary_key[0])
            rijen = [{"respons_id": respons_id, "stelling_id": v.sleutel, "waarde": antwoorden.waarden[v.sleutel],
                      "gewijzigd": moment}
                     for v in vragen if v.sleutel in stellingen and v.sleutel in antwoorden.waarden]
            if rijen:
                conn.execute(insert(antwoord_t), rijen)
        details = [f"Scanronde '{naam}' met {len(ingediend)} ingevulde antwoordenlijst"
                   f"{'en' if len(ingediend) != 1 else ''}"]
        niet = [f"Stelling '{_kort(v.label, 60)}' staat niet meer in de scan; de antwoorden erop zijn niet "
                "overgenomen" for v in vervallen]
        return f"Workshop '{sessie.naam}': samenwerkingsscan overgenomen als ronde '{naam}'", details, niet

    def _neem_machtbelang_over(self, conn: Connection, sessie, vragen, ingediend):
        """Per party that still exists: the median of the participants' invloed and belang."""
        dossier_id = sessie.dossier_id
        per_partij: dict[int, dict[str, list[int]]] = {}
        namen: dict[int, str] = {}
        for vraag in vragen:
            partij_id, soort = _partij_sleutel(vraag.sleutel)
            per_partij.setdefault(partij_id, {"invloed": [], "belang": []})
            namen[partij_id] = vraag.groep
        for _deelnemer, antwoorden in ingediend:
            for sleutel, waarde in antwoorden.waarden.items():
                partij_id, soort = _partij_sleutel(sleutel)
                if waarde is not None and partij_id in per_partij:
                    per_partij[partij_id][soort].append(waarde)
        # a party made after the session is not the one asked about, even with the same id (SQLite may
        # give a new row the id of the last row deleted)
        bestaand = dict(conn.execute(select(schema.partij.c.id, schema.partij.c.naam).where(
            schema.partij.c.dossier_id == dossier_id, schema.partij.c.aangemaakt <= sessie.aangemaakt)).all())
        details: list[str] = []
        niet: list[str] = []
        for partij_id, waarden in per_partij.items():
            if partij_id not in bestaand:
                niet.append(f"{namen[partij_id]}: deze partij staat niet meer in het dossier")
                continue
            if not waarden["invloed"] or not waarden["belang"]:
                niet.append(f"{bestaand[partij_id]}: niet genoeg antwoorden over invloed en belang")
                continue
            invloed = validatie.controleer_schaal(_half_omhoog(_mediaan(waarden["invloed"])), "Invloed")
            belang = validatie.controleer_schaal(_half_omhoog(_mediaan(waarden["belang"])), "Belang")
            self._zet_plaats(conn, dossier_id, partij_id, invloed, belang, nieuwe_versie=True)
            aantal = len(waarden["invloed"])
            details.append(f"{bestaand[partij_id]}: invloed {invloed}, belang {belang} (mediaan van {aantal} "
                           f"antwoord{'en' if aantal != 1 else ''})")
        if not details:
            raise InvoerFout("Geen van de partijen uit deze ronde staat nog in het dossier; er is niets veranderd.")
        partijen = f"{len(details)} partij{'en' if len(details) != 1 else ''}"
        return f"Workshop '{sessie.naam}': macht en belang van {partijen} overgenomen", details, niet

    def _neem_weging_over(self, conn: Connection, sessie, vragen, ingediend):
        """Per party matching participants' organisation: the mean of their points (each normalised to
        ``WEGING_TOTAAL``) as whole points summing to exactly ``WEGING_TOTAAL``."""
        dossier_id = sessie.dossier_id
        if self._actieve_vastzetting(conn, dossier_id) is not None:
            raise InvoerFout("De weging van dit dossier is intussen vastgezet; er is niets veranderd. Trek de "
                             "vastzetting eerst in (dat komt in het besluitenlog) als je de workshop wilt overnemen.")
        rijen = conn.execute(select(schema.criterium).where(schema.criterium.c.dossier_id == dossier_id)
                             .order_by(schema.criterium.c.volgorde, schema.criterium.c.id)).all()
        criteria = {rij.id: rij.naam for rij in rijen}
        gevraagd = {int(v.sleutel[1:]): v.label for v in vragen}
        # the criterion asked about: same id, and unchanged since the session or still the same name (SQLite
        # may give a new criterion the id of the last one deleted)
        dezelfde = {rij.id for rij in rijen if rij.id in gevraagd and (
            rij.gewijzigd <= sessie.aangemaakt or rij.naam_sleutel == validatie.naam_sleutel(gevraagd[rij.id]))}
        niet = [f"Criterium '{label}' staat niet meer in het dossier; de punten erop tellen niet mee"
                for criterium_id, label in gevraagd.items() if criterium_id not in dezelfde]
        blijft = [c for c in gevraagd if c in dezelfde]
        groepen: dict[str, tuple[str, list[dict[int, Fraction]]]] = {}
        for deelnemer, antwoorden in ingediend:
            punten = {c: antwoorden.waarden.get(f"c{c}") or 0 for c in blijft}
            totaal = sum(punten.values())
            sleutel = validatie.naam_sleutel(deelnemer.organisatie)
            groep = groepen.setdefault(sleutel, (deelnemer.organisatie, []))
            if totaal > 0:
                groep[1].append({c: Fraction(p * WEGING_TOTAAL, totaal) for c, p in punten.items()})
        partijen = conn.execute(select(schema.partij.c.id, schema.partij.c.naam, schema.partij.c.organisatie)
                                .where(schema.partij.c.dossier_id == dossier_id).order_by(schema.partij.c.id)).all()
        details: list[str] = []
        gebruikt: set[str] = set()
        for partij in partijen:
            sleutel = next((k for k in (validatie.naam_sleutel(partij.naam), validatie.naam_sleutel(partij.organisatie))
                            if k and k in groepen), None)
            if sleutel is None:
                continue
            gebruikt.add(sleutel)
            organisatie, lijsten = groepen[sleutel]
            if not lijsten:
                niet.append(f"{partij.naam}: de deelnemers van {organisatie} gaven alleen punten aan criteria die er "
                            "niet meer zijn")
                continue
            gemiddeld = {c: sum((lijst[c] for lijst in lijsten), Fraction(0)) / len(lijsten) for c in blijft}
            if not any(gemiddeld.values()):
                niet.append(f"{partij.naam}: de deelnemers van {organisatie} gaven 0 punten aan de criteria die er "
                            "nog zijn")
                continue
            # imported here: the aggregation imports the dossier package, which imports this module
            from ..workshop.aggregatie import verdeel_100

            verdeeld = verdeel_100(gemiddeld)
            self._vervang_weging(conn, dossier_id, partij.id, controleer_punten(verdeeld))
            details.append(f"{partij.naam}: " + ", ".join(f"{criteria[c]} {verdeeld[c]}" for c in blijft)
                           + f" (gemiddelde van {len(lijsten)} deelnemer{'s' if len(lijsten) != 1 else ''} van "
                           f"{organisatie})")
        for sleutel, (organisatie, _lijsten) in groepen.items():
            if sleutel not in gebruikt:
                niet.append(f"'{organisatie}' komt niet overeen met een partij in het dossier")
        if not details:
            raise InvoerFout("Geen enkele organisatie van de deelnemers komt overeen met de naam of de organisatie van "
                             "een partij in het dossier; er is niets veranderd. Zet de partijen eerst in het dossier "
                             "(fase 1) of pas hun organisatie aan.")
        nieuw = [naam for c, naam in criteria.items() if c not in dezelfde]
        niet.extend(f"Criterium '{naam}' kwam er na de workshop bij; daarop hebben de overgenomen partijen nog geen "
                    "punten" for naam in nieuw)
        return (f"Workshop '{sessie.naam}': weging van {len(details)} partij{'en' if len(details) != 1 else ''} "
                "overgenomen"), details, niet

    def _neem_koppelkansen_over(self, conn: Connection, sessie, vragen, ingediend):
        """Per koppelkans that still exists, per criterion: the mean (half up) into its scores; scores on
        criteria nobody answered stay."""
        dossier_id = sessie.dossier_id
        labels = dict(STANDAARD_SCORECRITERIA)
        per_kans: dict[int, dict[str, list[int]]] = {}
        titels: dict[int, str] = {}
        for vraag in vragen:
            kans_id, criterium = _kans_sleutel(vraag.sleutel)
            per_kans.setdefault(kans_id, {})[criterium] = []
            titels[kans_id] = vraag.groep
        for _deelnemer, antwoorden in ingediend:
            for sleutel, waarde in antwoorden.waarden.items():
                kans_id, criterium = _kans_sleutel(sleutel)
                if waarde is not None and criterium in per_kans.get(kans_id, {}):
                    per_kans[kans_id][criterium].append(waarde)
        tabel = schema.koppelkans
        details: list[str] = []
        niet: list[str] = []
        for kans_id, per_criterium in per_kans.items():
            rij = conn.execute(select(tabel).where(tabel.c.id == kans_id, tabel.c.dossier_id == dossier_id,
                                                   tabel.c.aangemaakt <= sessie.aangemaakt)).first()
            if rij is None:
                niet.append(f"{titels[kans_id]}: deze koppelkans staat niet meer in het register")
                continue
            scores = json.loads(rij.scores or "{}")
            nieuw = {c: _half_omhoog(Fraction(sum(w), len(w))) for c, w in per_criterium.items() if w}
            if not nieuw:
                continue
            scores.update(nieuw)
            schoon = controleer_koppelkans_scores(scores)
            self._werk_kans_bij(conn, dossier_id, kans_id, rij.versie,
                                scores=json.dumps(schoon, ensure_ascii=False, sort_keys=True))
            details.append(f"{rij.titel}: " + ", ".join(f"{labels.get(c, c).lower()} {s}" for c, s in nieuw.items()))
        if not details:
            raise InvoerFout("Geen van de koppelkansen uit deze ronde staat nog in het register; er is niets "
                             "veranderd.")
        return (f"Workshop '{sessie.naam}': scores van {len(details)} koppelkans{'en' if len(details) != 1 else ''} "
                "overgenomen"), details, niet

    # == offline (no shared server) =================================================================
    def uitnodiging(self, sessie_id: str) -> dict:
        """The invitation of a session (JSON-ready, the file format of ``workshop/bestand.py``): its rounds
        that are not adopted yet, with their questions."""
        from ..workshop.bestand import uitnodiging_gegevens

        sessie = self.sessie(sessie_id)
        return uitnodiging_gegevens(sessie, [r for r in self.rondes(sessie_id) if r.status != OVERGENOMEN])

    def plaats_uitnodiging(self, gegevens) -> Sessie:
        """On a participant's own store (Binder): a placeholder dossier with the session of the invitation,
        the same ids and code, its rounds open. Placing the same invitation again returns that session."""
        uitnodiging = _als_uitnodiging(gegevens)
        s = schema.workshop_sessie
        with self._lees() as conn:
            bestaand = conn.execute(select(s).where(s.c.id == uitnodiging.sessie_id)).first()
        if bestaand is not None:
            if bestaand.code != uitnodiging.code:
                raise InvoerFout("Deze uitnodiging past niet bij de workshop die hier al staat; er is niets veranderd.")
            return _sessie(bestaand)
        naam = validatie.schone_tekst(uitnodiging.naam, "De naam van de sessie", maximum=validatie.MAX_NAAM,
                                      verplicht=True)
        rondes = []
        for ronde in uitnodiging.rondes:
            if not _is_id(ronde.id) or ronde.oefening not in OEFENINGEN or not ronde.vragen:
                raise InvoerFout("De uitnodiging bevat een ronde die dit werkboek niet kent; er is niets veranderd.")
            if len(ronde.vragen) > MAX_VRAGEN:
                raise InvoerFout(f"Een ronde in de uitnodiging heeft meer dan {MAX_VRAGEN} vragen; er is niets "
                                 "veranderd.")
            rondes.append(ronde)
        pin_hash = _nep_hash()  # nobody is facilitator of a placed invitation
        dossier_naam = _kort(f"Workshop {naam}", validatie.MAX_NAAM - len(" (zonder gedeelde server)"))
        try:
            with self._schrijf() as conn:
                if conn.execute(select(s.c.id).where(s.c.code == uitnodiging.code)).first() is not None:
                    raise InvoerFout("Er staat hier al een andere workshop met dezelfde code; er is niets veranderd.")
                dossier_id = self._nieuw_dossier(
                    conn, f"{dossier_naam} (zonder gedeelde server)", "", "",
                    "Gemaakt uit een uitnodiging voor een workshop zonder gedeelde server. Je antwoorden gaan als "
                    "bestand naar de begeleider.",
                )
                moment = nu()
                conn.execute(insert(s).values(id=uitnodiging.sessie_id, dossier_id=dossier_id, naam=naam,
                                              code=uitnodiging.code, pin_hash=pin_hash, mislukt=0, aangemaakt=moment))
                if rondes:
                    conn.execute(insert(schema.workshop_ronde), [
                        {"id": r.id, "sessie_id": uitnodiging.sessie_id, "oefening": r.oefening, "volgorde": r.volgorde,
                         "status": OPEN, "geopend": moment,
                         "vragen": json.dumps([_vraag_json(v) for v in r.vragen], ensure_ascii=False)}
                        for r in rondes
                    ])
        except IntegrityError:
            with self._lees() as conn:
                bestaand = conn.execute(select(s).where(s.c.id == uitnodiging.sessie_id)).first()
            if bestaand is not None and bestaand.code == uitnodiging.code:
                return _sessie(bestaand)  # placed by another kernel at the same moment
            raise InvoerFout("Deze uitnodiging kon niet worden geplaatst; er is niets veranderd.") from None
        return self.sessie(uitnodiging.sessie_id)

    def antwoordbestand(self, deelnemer_id: str) -> dict:
        """The participant's own answers of every round (JSON-ready, the file format of
        ``workshop/bestand.py``), to hand to the facilitator."""
        from ..workshop.bestand import antwoord_gegevens

        r, a, i = schema.workshop_ronde, schema.workshop_antwoord, schema.workshop_indiening
        with self._lees() as conn:
            rij = self._workshop_deelnemer_rij(conn, deelnemer_id)
            sessie = _sessie(self._workshop_sessie_rij(conn, rij.sessie_id))
            ronde_ids = list(conn.execute(select(r.c.id).where(r.c.sessie_id == rij.sessie_id)
                                          .order_by(r.c.volgorde, r.c.id)).scalars())
            waarden: dict[str, dict[str, int | None]] = {}
            for ronde_id, sleutel, waarde in conn.execute(select(a.c.ronde_id, a.c.sleutel, a.c.waarde)
                                                          .where(a.c.deelnemer_id == deelnemer_id)):
                waarden.setdefault(ronde_id, {})[sleutel] = waarde
            ingediend = dict(conn.execute(select(i.c.ronde_id, i.c.ingediend)
                                          .where(i.c.deelnemer_id == deelnemer_id)).all())
        per_ronde = {rid: Antwoorden(rid, deelnemer_id, waarden.get(rid, {}), ingediend.get(rid))
                     for rid in ronde_ids if rid in waarden or rid in ingediend}
        return antwoord_gegevens(sessie, _deelnemer(rij, met_herstelcode=False), per_ronde)

    def importeer_antwoorden(self, sessie_id: str, bestanden: Sequence) -> ImportVerslag:
        """Take participants' answer files into the session: each accepted file is one transaction (the
        participant by id, their answers in the file's rounds replaced, the submission as in the file); a
        refused file changes nothing and is listed with its reason. The same file twice gives no duplicates."""
        nieuw: list[str] = []
        bijgewerkt: list[str] = []
        geweigerd: list[str] = []
        self.sessie(sessie_id)
        for nummer, item in enumerate(bestanden, start=1):
            naam_bestand = f"bestand {nummer}"
            try:
                bestand = _als_antwoordbestand(item)
                naam_bestand = bestand.bestandsnaam or naam_bestand
                deelnemer_naam, was_nieuw = self._importeer_bestand(sessie_id, bestand)
            except InvoerFout as fout:
                geweigerd.append(f"{naam_bestand}: {fout}")
                continue
            (nieuw if was_nieuw else bijgewerkt).append(deelnemer_naam)
        return ImportVerslag(nieuw=tuple(nieuw), bijgewerkt=tuple(bijgewerkt), geweigerd=tuple(geweigerd))

    def _importeer_bestand(self, sessie_id: str, bestand) -> tuple[str, bool]:
        gevolg = "Dit bestand is niet ingelezen."
        persoon = bestand.deelnemer
        if not _is_id(persoon.id):
            raise InvoerFout(f"De deelnemer in het bestand heeft geen geldige id. {gevolg}")
        naam = validatie.schone_tekst(persoon.naam, "De naam in het bestand", maximum=validatie.MAX_NAAM,
                                      verplicht=True)
        organisatie = validatie.schone_tekst(persoon.organisatie, "De organisatie in het bestand",
                                             maximum=validatie.MAX_KORT, verplicht=True)
        spoor = _controleer_spoor(persoon.spoor)
        sleutel = validatie.naam_sleutel(naam)
        d, r, a, i = (schema.workshop_deelnemer, schema.workshop_ronde, schema.workshop_antwoord,
                      schema.workshop_indiening)
        try:
            with self._schrijf() as conn:
                sessie = self._workshop_sessie_rij(conn, sessie_id)
                if bestand.sessie_id != sessie.id or bestand.code != sessie.code:
                    raise InvoerFout(f"Het bestand hoort bij een andere workshop. {gevolg}")
                rondes = {}
                for ronde_id, ingevuld in bestand.rondes.items():
                    rij = conn.execute(select(r).where(r.c.id == ronde_id, r.c.sessie_id == sessie_id)
                                       .with_for_update(read=True)).first() if _is_id(ronde_id) else None
                    if rij is None:
                        raise InvoerFout(f"Een ronde in het bestand hoort niet bij deze sessie. {gevolg}")
                    if rij.status in (GESLOTEN, OVERGENOMEN):
                        raise InvoerFout(f"De ronde '{OEFENINGEN[rij.oefening]}' is al gesloten. {gevolg}")
                    if rij.status == KLAAR:
                        raise InvoerFout(f"De ronde '{OEFENINGEN[rij.oefening]}' is nog niet geopend; open haar en "
                                         f"lees het bestand dan opnieuw in. {gevolg}")
                    schoon = _controleer_waarden(_vragen_per_sleutel(rij.vragen), ingevuld.waarden, gevolg)
                    if ingevuld.ingediend:
                        _indienen_kan(rij, schoon, gevolg)
                    rondes[ronde_id] = (schoon, bool(ingevuld.ingediend))
                bestaand = conn.execute(select(d).where(d.c.id == persoon.id)).first()
                if bestaand is not None and bestaand.sessie_id != sessie_id:
                    raise InvoerFout(f"De deelnemer in het bestand hoort bij een andere workshop. {gevolg}")
                andere = conn.execute(select(d.c.id).where(d.c.sessie_id == sessie_id, d.c.naam_sleutel == sleutel,
                                                           d.c.id != persoon.id)).first()
                if andere is not None:
                    raise InvoerFout(f"Er doet al een andere deelnemer mee met de naam '{naam}'. {gevolg}")
                moment = nu()
                if bestaand is None:
                    conn.execute(insert(d).values(
                        id=persoon.id, sessie_id=sessie_id, naam=naam, naam_sleutel=sleutel, organisatie=organisatie,
                        spoor=spoor, herstelcode=codes.nieuwe_herstelcode(), aangemaakt=moment, gewijzigd=moment,
                    ))
                else:
                    conn.execute(update(d).where(d.c.id == persoon.id).values(
                        naam=naam, naam_sleutel=sleutel, organisatie=organisatie, spoor=spoor, gewijzigd=moment))
                for ronde_id, (schoon, ingediend) in rondes.items():
                    conn.execute(delete(a).where(a.c.ronde_id == ronde_id, a.c.deelnemer_id == persoon.id))
                    if schoon:
                        conn.execute(insert(a), [{"ronde_id": ronde_id, "deelnemer_id": persoon.id, "sleutel": k,
                                                  "waarde": v, "gewijzigd": moment} for k, v in schoon.items()])
                    conn.execute(delete(i).where(i.c.ronde_id == ronde_id, i.c.deelnemer_id == persoon.id))
                    if ingediend:
                        conn.execute(insert(i).values(ronde_id=ronde_id, deelnemer_id=persoon.id, ingediend=moment))
        except IntegrityError:
            raise InvoerFout(f"Iemand anders deed tegelijk mee met dezelfde naam of id. {gevolg}") from None
        return naam, bestaand is None

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

    def _workshop_sessie_rij(self, conn: Connection, sessie_id: object, *, voor_wijzigen: bool = False):
        if not _is_id(sessie_id):
            raise InvoerFout(_SESSIE_ONBEKEND)
        tabel = schema.workshop_sessie
        vraag = select(tabel).where(tabel.c.id == sessie_id)
        rij = conn.execute(vraag.with_for_update() if voor_wijzigen else vraag).first()
        if rij is None:
            raise InvoerFout(_SESSIE_ONBEKEND)
        return rij

    def _workshop_ronde_rij(self, conn: Connection, sessie_id: object, ronde_id: object, *,
                            voor_wijzigen: bool = False):
        """A round of this session (a round of another session is 'not there')."""
        if not (_is_id(sessie_id) and _is_id(ronde_id)):
            raise InvoerFout(_RONDE_ONBEKEND)
        tabel = schema.workshop_ronde
        vraag = select(tabel).where(tabel.c.id == ronde_id, tabel.c.sessie_id == sessie_id)
        rij = conn.execute(vraag.with_for_update() if voor_wijzigen else vraag).first()
        if rij is None:
            self._workshop_sessie_rij(conn, sessie_id)
            raise InvoerFout(_RONDE_ONBEKEND)
        return rij

    @staticmethod
    def _workshop_deelnemer_rij(conn: Connection, deelnemer_id: object):
        if not _is_id(deelnemer_id):
            raise InvoerFout(_DEELNEMER_ONBEKEND)
        tabel = schema.workshop_deelnemer
        rij = conn.execute(select(tabel).where(tabel.c.id == deelnemer_id)).first()
        if rij is None:
            raise InvoerFout(_DEELNEMER_ONBEKEND)
        return rij

    def _ronde_van_deelnemer(self, conn: Connection, deelnemer_id: object, ronde_id: object, *, delen: bool = False):
        """The participant and a round of *their* session. With ``delen`` the round row is read with a shared
        lock (PostgreSQL ``FOR SHARE``): answers don't block each other, but closing the round waits for them."""
        deelnemer = self._workshop_deelnemer_rij(conn, deelnemer_id)
        if not _is_id(ronde_id):
            raise InvoerFout(_NIET_JOUW_RONDE)
        tabel = schema.workshop_ronde
        vraag = select(tabel).where(tabel.c.id == ronde_id, tabel.c.sessie_id == deelnemer.sessie_id)
        rij = conn.execute(vraag.with_for_update(read=True) if delen else vraag).first()
        if rij is None:
            raise InvoerFout(_NIET_JOUW_RONDE)
        return deelnemer, rij

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

    @staticmethod
    def _antwoorden_van_ronde(conn: Connection, sessie_id: str, ronde_id: str, *,
                              alleen_ingediend: bool) -> list[tuple[Deelnemer, Antwoorden]]:
        d, a, i = schema.workshop_deelnemer, schema.workshop_antwoord, schema.workshop_indiening
        ingediend = dict(conn.execute(select(i.c.deelnemer_id, i.c.ingediend).where(i.c.ronde_id == ronde_id)).all())
        waarden: dict[str, dict[str, int | None]] = {}
        vraag = select(a.c.deelnemer_id, a.c.sleutel, a.c.waarde).where(a.c.ronde_id == ronde_id)
        if alleen_ingediend:
            vraag = vraag.where(exists().where(i.c.ronde_id == a.c.ronde_id, i.c.deelnemer_id == a.c.deelnemer_id))
        for deelnemer_id, sleutel, waarde in conn.execute(vraag.order_by(a.c.deelnemer_id, a.c.sleutel)):
            waarden.setdefault(deelnemer_id, {})[sleutel] = waarde
        ids = set(ingediend) if alleen_ingediend else set(ingediend) | set(waarden)
        if not ids:
            return []
        rijen = conn.execute(select(d).where(d.c.sessie_id == sessie_id, d.c.id.in_(list(ids)))
                             .order_by(d.c.aangemaakt, d.c.id)).all()
        return [(_deelnemer(rij, met_herstelcode=False),
                 Antwoorden(ronde_id, rij.id, waarden.get(rij.id, {}), ingediend.get(rij.id))) for rij in rijen]

    def _workshop_vragen(self, conn: Connection, dossier_id: str, oefening: str) -> list[Vraag]:
        """The questions of one exercise, from the dossier as it is now (the round's snapshot)."""
        gevolg = "Er is niets opgeslagen."
        if oefening == "scan":
            scan = self._inhoud.fase1.scan
            factoren = {f.id: f.naam for f in scan.factoren}
            vragen = [Vraag(s.id, s.tekst, factoren.get(s.factor, ""), SCAN_MIN, SCAN_MAX, True)
                      for s in scan.stellingen]
        elif oefening == "machtbelang":
            partijen = conn.execute(select(schema.partij.c.id, schema.partij.c.naam)
                                    .where(schema.partij.c.dossier_id == dossier_id).order_by(schema.partij.c.id)).all()
            if not partijen:
                raise InvoerFout("Dit dossier heeft nog geen partijen om op macht en belang te plaatsen. Zet eerst de "
                                 f"partijen aan tafel (fase 1), of kies een andere oefening. {gevolg}")
            vragen = [v for p in partijen for v in (
                Vraag(f"p{p.id}:invloed", f"Invloed van {p.naam}", p.naam, SCHAAL_MIN, SCHAAL_MAX),
                Vraag(f"p{p.id}:belang", f"Belang van {p.naam}", p.naam, SCHAAL_MIN, SCHAAL_MAX))]
        elif oefening == "weging":
            if self._actieve_vastzetting(conn, dossier_id) is not None:
                raise InvoerFout("De weging van dit dossier is vastgezet, dus er valt niets meer te wegen. Trek de "
                                 f"vastzetting eerst in, of kies een andere oefening. {gevolg}")
            criteria = conn.execute(select(schema.criterium).where(schema.criterium.c.dossier_id == dossier_id)
                                    .order_by(schema.criterium.c.volgorde, schema.criterium.c.id)).all()
            if len(criteria) < 2:
                raise InvoerFout("Voor het wegen zijn minstens twee criteria nodig. Kies eerst de criteria (fase 3), "
                                 f"of kies een andere oefening. {gevolg}")
            vragen = [Vraag(f"c{c.id}", c.naam, "", WEGING_MIN, WEGING_MAX, False, c.omschrijving) for c in criteria]
        else:
            kansen = conn.execute(select(schema.koppelkans.c.id, schema.koppelkans.c.titel)
                                  .where(schema.koppelkans.c.dossier_id == dossier_id)
                                  .order_by(schema.koppelkans.c.id)).all()
            if not kansen:
                raise InvoerFout("Het register van dit dossier heeft nog geen koppelkansen om te scoren. Zet ze eerst "
                                 f"in het register (fase 3), of kies een andere oefening. {gevolg}")
            criteria = [*STANDAARD_SCORECRITERIA, *((n, n) for n in self._eigen_kanscriteria(conn, dossier_id))]
            vragen = [Vraag(f"k{k.id}:{sleutel}", label, k.titel, KANS_MIN, KANS_MAX)
                      for k in kansen for sleutel, label in criteria]
        if len(vragen) > MAX_VRAGEN:
            raise InvoerFout(f"De oefening '{OEFENINGEN[oefening]}' zou {len(vragen)} vragen krijgen; hoogstens "
                             f"{MAX_VRAGEN} passen in één ronde. Maak het register kleiner. {gevolg}")
        return vragen

    @staticmethod
    def _eigen_kanscriteria(conn: Connection, dossier_id: str) -> list[str]:
        from ..analysis.koppelkansen import eigen_criteria_uit_formulier

        tabel = schema.dossier_formulier
        tekst = conn.execute(select(tabel.c.gegevens).where(tabel.c.dossier_id == dossier_id,
                                                            tabel.c.sleutel == KOPPELKANS_CRITERIA_FORMULIER)).scalar()
        try:
            gegevens = json.loads(tekst) if tekst else {}
        except ValueError:
            gegevens = {}
        standaard = {s for s, _label in STANDAARD_SCORECRITERIA}
        eigen = eigen_criteria_uit_formulier(gegevens) if isinstance(gegevens, Mapping) else []
        return [n for n in dict.fromkeys(eigen) if n not in standaard and len(n) <= MAX_SCORESLEUTEL]


def _partij_sleutel(sleutel: str) -> tuple[int, str]:
    """'p12:invloed' → (12, 'invloed')."""
    partij, soort = sleutel[1:].split(":", 1)
    return int(partij), soort


def _kans_sleutel(sleutel: str) -> tuple[int, str]:
    """'k7:extra-kosten' → (7, 'extra-kosten'); an own criterion's name may itself hold a colon."""
    kans, criterium = sleutel[1:].split(":", 1)
    return int(kans), criterium


def _blokkade_melding(over: timedelta) -> str:
    minuten = max(1, math.ceil(over.total_seconds() / 60))
    return (f"Er is te vaak een verkeerde pincode ingevoerd. Om raden te voorkomen kan deze sessie pas over {minuten} "
            f"{'minuut' if minuten == 1 else 'minuten'} weer worden geopend.")


def _weiger_als_geblokkeerd(rij, moment: datetime) -> None:
    if rij.geblokkeerd_tot is not None and rij.geblokkeerd_tot > moment:
        raise InvoerFout(_blokkade_melding(rij.geblokkeerd_tot - moment))


def _json_bytes(gegevens: Mapping) -> bytes:
    try:
        return json.dumps(gegevens, ensure_ascii=False).encode("utf-8")
    except (TypeError, ValueError):
        raise InvoerFout("Dit bestand bevat iets dat geen tekst of getal is; er is niets veranderd.") from None


def _als_uitnodiging(gegevens):
    """An ``Uitnodiging`` from ``workshop/bestand.py``, or its JSON form (checked the same way)."""
    from ..workshop.bestand import Uitnodiging, lees_uitnodiging

    if isinstance(gegevens, Uitnodiging):
        return gegevens
    if isinstance(gegevens, Mapping):
        return lees_uitnodiging(_json_bytes(gegevens))
    raise InvoerFout("Dit is geen uitnodiging voor een workshop; er is niets veranderd.")


def _als_antwoordbestand(item):
    """An ``Antwoordbestand`` from ``workshop/bestand.py``, or its JSON form (checked the same way)."""
    from ..workshop.bestand import Antwoordbestand, lees_antwoordbestand

    if isinstance(item, Antwoordbestand):
        return item
    if isinstance(item, Mapping):
        return lees_antwoordbestand(_json_bytes(item))
    raise InvoerFout("Dit is geen antwoordbestand van een workshop; het is niet ingelezen.")
