"""What the parts of the workshop store share: the row lookups that keep sessions and participants apart,
the questions' snapshot, the checks of an answer, and rows turned into ``workshop.model`` records."""

from __future__ import annotations

import json
import re
import secrets
import uuid
from collections.abc import Mapping
from functools import cache, lru_cache
from types import MappingProxyType

from sqlalchemy import exists, select
from sqlalchemy.engine import Connection

from ...content import SPOOR_LETTERS
from ...workshop import codes
from ...workshop.model import (
    WEGING_TOTAAL,
    Antwoorden,
    Deelnemer,
    Ronde,
    Sessie,
    Vraag,
)
from .. import schema, validatie
from ..model import InvoerFout
from ..opslagdeel import OpslagDeel

MAX_VRAGEN = 500  # questions per round (an invitation file holds at most this many per round)
_ID = re.compile(r"^[0-9a-f]{32}$")
_SESSIE_ONBEKEND = "Deze workshopsessie bestaat niet (meer). Open de sessie opnieuw met de code en de pincode."
_RONDE_ONBEKEND = "Deze ronde hoort niet bij deze sessie. Kies een ronde uit de lijst."
_DEELNEMER_ONBEKEND = ("Je aanmelding is niet (meer) bekend; er is niets opgeslagen. Meld je opnieuw aan met de "
                       "code op het scherm, of ga verder met je herstelcode.")
_NIET_JOUW_RONDE = "Deze ronde hoort niet bij jouw workshop; er is niets opgeslagen of getoond. Laad de pagina opnieuw."


def _is_id(waarde: object) -> bool:
    return isinstance(waarde, str) and bool(_ID.match(waarde))


def _nieuw_id() -> str:
    return uuid.uuid4().hex


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
    label = validatie.kort(vraag.label, 80)
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


def _controleer_spoor(spoor: object) -> str:
    tekst = spoor.strip().upper() if isinstance(spoor, str) else None
    if tekst is None or (tekst and tekst not in SPOOR_LETTERS):
        raise InvoerFout("Kies een spoor van A tot en met F, of 'weet ik niet'. Er is niets opgeslagen.")
    return tekst


@cache
def _nep_hash() -> str:
    """A hash to compare against when the code is unknown, so a wrong code takes as long as a wrong PIN."""
    return codes.hash_pin("".join(secrets.choice("0123456789") for _ in range(8)))


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


class WorkshopDeel(OpslagDeel):
    """Base of the workshop's store parts: every lookup goes through the session (or the participant's own
    session), so nobody reaches another session's rounds or answers."""

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
