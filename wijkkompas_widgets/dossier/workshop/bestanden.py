"""A workshop without a shared server, in the store: the invitation file of a session, placing it on a
participant's own store, the participant's answer file, and reading answer files back into the session (the
file formats are ``workshop/bestand.py``)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from ...workshop import codes
from ...workshop.bestand import (
    Antwoordbestand,
    Uitnodiging,
    antwoord_gegevens,
    lees_antwoordbestand,
    lees_uitnodiging,
    uitnodiging_gegevens,
)
from ...workshop.model import (
    GESLOTEN,
    KLAAR,
    OEFENINGEN,
    OPEN,
    OVERGENOMEN,
    Antwoorden,
    ImportVerslag,
    Sessie,
)
from .. import schema, validatie
from ..model import InvoerFout, nu
from .basis import (
    MAX_VRAGEN,
    _controleer_spoor,
    _controleer_waarden,
    _deelnemer,
    _indienen_kan,
    _is_id,
    _nep_hash,
    _sessie,
    _vraag_json,
    _vragen_per_sleutel,
)
from .rondes import WorkshopRondes
from .sessies import WorkshopSessies


class WorkshopBestanden(WorkshopSessies, WorkshopRondes):
    """Invitation and answer files."""

    def uitnodiging(self, sessie_id: str) -> dict:
        """The invitation of a session (JSON-ready, the file format of ``workshop/bestand.py``): its rounds
        that are not adopted yet, with their questions."""
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
        dossier_naam = validatie.kort(f"Workshop {naam}", validatie.MAX_NAAM - len(" (zonder gedeelde server)"))
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


def _json_bytes(gegevens: Mapping) -> bytes:
    try:
        return json.dumps(gegevens, ensure_ascii=False).encode("utf-8")
    except (TypeError, ValueError):
        raise InvoerFout("Dit bestand bevat iets dat geen tekst of getal is; er is niets veranderd.") from None


def _als_uitnodiging(gegevens):
    """An ``Uitnodiging`` from ``workshop/bestand.py``, or its JSON form (checked the same way)."""
    if isinstance(gegevens, Uitnodiging):
        return gegevens
    if isinstance(gegevens, Mapping):
        return lees_uitnodiging(_json_bytes(gegevens))
    raise InvoerFout("Dit is geen uitnodiging voor een workshop; er is niets veranderd.")


def _als_antwoordbestand(item):
    """An ``Antwoordbestand`` from ``workshop/bestand.py``, or its JSON form (checked the same way)."""
    if isinstance(item, Antwoordbestand):
        return item
    if isinstance(item, Mapping):
        return lees_antwoordbestand(_json_bytes(item))
    raise InvoerFout("Dit is geen antwoordbestand van een workshop; het is niet ingelezen.")
