"""Workshop sessions in the store: a session on a dossier with its join code and facilitator PIN, its rounds'
snapshot of questions, and participants joining with a name or coming back with their recovery code.

The PIN is only stored as a salted hash. After ``MAX_MISLUKT`` wrong PINs within ``MISLUKT_VENSTER`` a session
refuses the facilitator for ``BLOKKADE`` (also with the right PIN); unknown code and wrong PIN get the same
message. The questions of a round are read from the dossier through the parts that own them (parties, criteria,
koppelkansen and the team's own koppelkans criteria) when the session is made.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from ...analysis.koppelkansen import eigen_criteria_uit_formulier
from ...workshop import codes
from ...workshop.model import (
    GESLOTEN,
    KLAAR,
    OEFENINGEN,
    OPEN,
    WEGING_TOTAAL,
    Deelnemer,
    Sessie,
    Vraag,
)
from .. import formulieren, schema, validatie
from ..formulieropslag import FormulierOpslag
from ..koppelkansen import MAX_SCORESLEUTEL, KoppelkansenOpslag
from ..model import SCHAAL_MAX, SCHAAL_MIN, InvoerFout, OpslagFout, nu
from ..partijen import PartijenOpslag
from ..records import (
    SCAN_MAX,
    SCAN_MIN,
    STANDAARD_SCORECRITERIA,
)
from ..weging import WegingOpslag
from .basis import MAX_VRAGEN, WorkshopDeel, _controleer_spoor, _deelnemer, _nep_hash, _nieuw_id, _sessie, _vraag_json

MAX_MISLUKT = 5  # wrong PINs ...
MISLUKT_VENSTER = timedelta(minutes=10)  # ... within this time ...
BLOKKADE = timedelta(minutes=5)  # ... block the facilitator login this long
WEGING_MIN, WEGING_MAX = 0, WEGING_TOTAAL
KANS_MIN, KANS_MAX = 1, 5
_POGINGEN = 5  # a new random code that clashes with an existing one is drawn again
_CODE_OF_PIN = "De code of de pincode klopt niet."
_GEEN_OPEN_SESSIE = "Er is geen open workshop met deze code. Controleer de code op het scherm."
_HERSTEL_ONBEKEND = ("Deze herstelcode hoort niet bij een deelnemer van de workshop met deze code. Controleer de "
                     "code op het scherm en je herstelcode, of meld je opnieuw aan met je naam.")


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


def _blokkade_melding(over: timedelta) -> str:
    minuten = max(1, math.ceil(over.total_seconds() / 60))
    return (f"Er is te vaak een verkeerde pincode ingevoerd. Om raden te voorkomen kan deze sessie pas over {minuten} "
            f"{'minuut' if minuten == 1 else 'minuten'} weer worden geopend.")


def _weiger_als_geblokkeerd(rij, moment: datetime) -> None:
    if rij.geblokkeerd_tot is not None and rij.geblokkeerd_tot > moment:
        raise InvoerFout(_blokkade_melding(rij.geblokkeerd_tot - moment))


class WorkshopSessies(WorkshopDeel, PartijenOpslag, WegingOpslag, KoppelkansenOpslag, FormulierOpslag):
    """Sessions, the facilitator's login and participants."""

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
        if not self.gebruiker.ziet_alles:  # the PIN alone is not enough on a shared server: be a bewerker
            with self._lees() as conn:
                self._vereis(conn, huidig.dossier_id, "bewerker")
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

    def deelnemers(self, sessie_id: str) -> list[Deelnemer]:
        """Who joined (for the facilitator: name, organisation, spoor; never the recovery codes)."""
        tabel = schema.workshop_deelnemer
        with self._lees() as conn:
            self._workshop_sessie_rij(conn, sessie_id)
            rijen = conn.execute(select(tabel).where(tabel.c.sessie_id == sessie_id)
                                 .order_by(tabel.c.aangemaakt, tabel.c.id)).all()
        return [_deelnemer(r, met_herstelcode=False) for r in rijen]

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

    # == the questions of a round, read through the exercises' own parts ==============================
    def _workshop_vragen(self, conn: Connection, dossier_id: str, oefening: str) -> list[Vraag]:
        """The questions of one exercise, from the dossier as it is now (the round's snapshot)."""
        gevolg = "Er is niets opgeslagen."
        if oefening == "scan":
            scan = self._inhoud.fase1.scan
            factoren = {f.id: f.naam for f in scan.factoren}
            vragen = [Vraag(s.id, s.tekst, factoren.get(s.factor, ""), SCAN_MIN, SCAN_MAX, True)
                      for s in scan.stellingen]
        elif oefening == "machtbelang":
            partijen = self._partij_rijen(conn, dossier_id)
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
            criteria = self._criterium_rijen(conn, dossier_id)
            if len(criteria) < 2:
                raise InvoerFout("Voor het wegen zijn minstens twee criteria nodig. Kies eerst de criteria (fase 3), "
                                 f"of kies een andere oefening. {gevolg}")
            vragen = [Vraag(f"c{c.id}", c.naam, "", WEGING_MIN, WEGING_MAX, False, c.omschrijving) for c in criteria]
        else:
            kansen = self._kans_rijen(conn, dossier_id)
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

    def _eigen_kanscriteria(self, conn: Connection, dossier_id: str) -> list[str]:
        """The team's own koppelkans criteria (their form in ``widgets/koppelkansen.py``); an unreadable form
        gives none rather than refusing the session."""
        try:
            gegevens = self._formulier_in(conn, dossier_id, formulieren.KOPPELKANSEN_CRITERIA)[0]
        except ValueError:
            gegevens = {}
        standaard = {s for s, _label in STANDAARD_SCORECRITERIA}
        eigen = eigen_criteria_uit_formulier(gegevens) if isinstance(gegevens, Mapping) else []
        return [n for n in dict.fromkeys(eigen) if n not in standaard and len(n) <= MAX_SCORESLEUTEL]
