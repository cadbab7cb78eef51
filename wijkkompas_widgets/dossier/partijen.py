"""Store part for the parties at the table: who they are, their place on the macht/belang grid, their
ambition, capacity and salience. A party of another dossier is never read or written; an edit carries the
version it was made on, so two people editing the same party never silently overwrite each other."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from . import schema, validatie
from .model import GelijktijdigGewijzigd, InvoerFout, Partij, PartijInvoer, nu
from .opslagdeel import OpslagDeel


class PartijenOpslag(OpslagDeel):
    """The parties of a dossier (uses ``_bekende_types``, the party types of the content)."""

    _bekende_types: set[str]

    def partijen(self, dossier_id: str) -> list[Partij]:
        """The parties of a dossier in the order they were added."""
        with self._lees() as conn:
            rijen = conn.execute(
                select(schema.partij).where(schema.partij.c.dossier_id == dossier_id).order_by(schema.partij.c.id)
            ).all()
        return [_partij(r) for r in rijen]

    def voeg_partij_toe(self, dossier_id: str, invoer: PartijInvoer) -> Partij:
        schoon = validatie.controleer_partij(invoer, self._bekende_types)
        try:
            with self._schrijf() as conn:
                self._raak_aan(conn, dossier_id)
                partij_id = self._nieuwe_partij(conn, dossier_id, schoon)
        except IntegrityError as fout:
            raise InvoerFout(f"Er staat al een partij met de naam '{schoon.naam}' in dit dossier.") from fout
        return self._partij(dossier_id, partij_id)

    def _nieuwe_partij(self, conn, dossier_id: str, invoer: PartijInvoer) -> int:
        moment = nu()
        resultaat = conn.execute(
            insert(schema.partij).values(
                dossier_id=dossier_id,
                naam=invoer.naam,
                naam_sleutel=validatie.naam_sleutel(invoer.naam),
                type=invoer.type,
                organisatie=invoer.organisatie,
                contactrol=invoer.contactrol,
                sporen=",".join(invoer.sporen),
                versie=1,
                aangemaakt=moment,
                gewijzigd=moment,
            )
        )
        return int(resultaat.inserted_primary_key[0])

    def wijzig_partij(self, dossier_id: str, partij_id: int, invoer: PartijInvoer, versie: int) -> Partij:
        """Save an edit made on version ``versie``; refuses if someone saved another edit meanwhile."""
        schoon = validatie.controleer_partij(invoer, self._bekende_types)
        tabel = schema.partij
        try:
            with self._schrijf() as conn:
                self._raak_aan(conn, dossier_id)
                resultaat = conn.execute(
                    update(tabel)
                    .where(tabel.c.id == partij_id, tabel.c.dossier_id == dossier_id, tabel.c.versie == versie)
                    .values(
                        naam=schoon.naam,
                        naam_sleutel=validatie.naam_sleutel(schoon.naam),
                        type=schoon.type,
                        organisatie=schoon.organisatie,
                        contactrol=schoon.contactrol,
                        sporen=",".join(schoon.sporen),
                        versie=tabel.c.versie + 1,
                        gewijzigd=nu(),
                    )
                )
                if resultaat.rowcount == 0:
                    self._fout_bij_ontbrekende_versie(conn, dossier_id, partij_id)
        except IntegrityError as fout:
            raise InvoerFout(f"Er staat al een partij met de naam '{schoon.naam}' in dit dossier.") from fout
        return self._partij(dossier_id, partij_id)

    def _fout_bij_ontbrekende_versie(self, conn, dossier_id, partij_id):
        bestaat = conn.execute(
            select(func.count())
            .select_from(schema.partij)
            .where(schema.partij.c.id == partij_id, schema.partij.c.dossier_id == dossier_id)
        ).scalar()
        if bestaat:
            raise GelijktijdigGewijzigd(
                "Iemand anders heeft deze partij intussen gewijzigd. Je wijziging is niet opgeslagen; "
                "de nieuwste gegevens staan nu in de lijst."
            )
        raise InvoerFout("Deze partij bestaat niet meer; misschien heeft iemand anders haar verwijderd.")

    def verwijder_partij(self, dossier_id: str, partij_id: int) -> None:
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            conn.execute(
                delete(schema.partij).where(schema.partij.c.id == partij_id, schema.partij.c.dossier_id == dossier_id)
            )

    def plaats_partij(self, dossier_id: str, partij_id: int, invloed: int, belang: int) -> Partij:
        """Save a party's place on the macht/belang grid."""
        invloed = validatie.controleer_schaal(invloed, "Invloed")
        belang = validatie.controleer_schaal(belang, "Belang")
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            self._zet_plaats(conn, dossier_id, partij_id, invloed, belang)
        return self._partij(dossier_id, partij_id)

    @staticmethod
    def _zet_plaats(conn, dossier_id: str, partij_id: int, invloed: int, belang: int, *,
                    nieuwe_versie: bool = False) -> None:
        """Write a party's (checked) place inside the caller's transaction. ``nieuwe_versie`` for a change
        made elsewhere (adopting a workshop), so an edit form still open on the old version notices."""
        extra = {"versie": schema.partij.c.versie + 1} if nieuwe_versie else {}
        resultaat = conn.execute(
            update(schema.partij)
            .where(schema.partij.c.id == partij_id, schema.partij.c.dossier_id == dossier_id)
            .values(invloed=invloed, belang=belang, gewijzigd=nu(), **extra)
        )
        if resultaat.rowcount == 0:
            raise InvoerFout("Deze partij bestaat niet meer; misschien heeft iemand anders haar verwijderd.")

    def _werk_partij_bij(self, dossier_id: str, partij_id: int, **waarden) -> Partij:
        """One update of a party's own fields (not the edit form), as one transaction."""
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            resultaat = conn.execute(
                update(schema.partij)
                .where(schema.partij.c.id == partij_id, schema.partij.c.dossier_id == dossier_id)
                .values(gewijzigd=nu(), **waarden)
            )
            if resultaat.rowcount == 0:
                raise InvoerFout("Deze partij bestaat niet meer; misschien heeft iemand anders haar verwijderd.")
        return self._partij(dossier_id, partij_id)

    def zet_ambitie(self, dossier_id: str, partij_id: int, ambitie: str) -> Partij:
        ambitie = validatie.schone_tekst(ambitie, "De ambitie", maximum=validatie.MAX_TOELICHTING)
        return self._werk_partij_bij(dossier_id, partij_id, ambitie=ambitie)

    def zet_capaciteit(self, dossier_id: str, partij_id: int, uren_per_maand: float | None) -> Partij:
        """Hours per month a party can put in; ``None`` means not known yet."""
        if uren_per_maand is not None:
            uren_per_maand = validatie.controleer_uren(uren_per_maand, "De capaciteit")
        return self._werk_partij_bij(dossier_id, partij_id, capaciteit_uren=uren_per_maand)

    def zet_salience(self, dossier_id: str, partij_id: int, macht: bool, legitimiteit: bool, urgentie: bool) -> Partij:
        for waarde in (macht, legitimiteit, urgentie):
            if not isinstance(waarde, bool):
                raise InvoerFout("Kies voor macht, legitimiteit en urgentie telkens ja of nee.")
        return self._werk_partij_bij(dossier_id, partij_id, macht=macht, legitimiteit=legitimiteit, urgentie=urgentie)

    def _partij(self, dossier_id: str, partij_id: int) -> Partij:
        with self._lees() as conn:
            rij = conn.execute(
                select(schema.partij).where(schema.partij.c.id == partij_id, schema.partij.c.dossier_id == dossier_id)
            ).first()
        if rij is None:
            raise InvoerFout("Deze partij bestaat niet meer; misschien heeft iemand anders haar verwijderd.")
        return _partij(rij)

    @staticmethod
    def _partij_rijen(conn: Connection, dossier_id: str, *, aangemaakt_tot: datetime | None = None) -> list:
        """The parties' rows (id, naam, organisatie) in the order they were added, inside the caller's
        transaction; with ``aangemaakt_tot`` only those that existed at that moment (a workshop asks about the
        parties of its session: SQLite may give a new party the id of one deleted since)."""
        tabel = schema.partij
        vraag = select(tabel.c.id, tabel.c.naam, tabel.c.organisatie).where(tabel.c.dossier_id == dossier_id)
        if aangemaakt_tot is not None:
            vraag = vraag.where(tabel.c.aangemaakt <= aangemaakt_tot)
        return conn.execute(vraag.order_by(tabel.c.id)).all()


def _partij(rij) -> Partij:
    return Partij(
        id=rij.id,
        naam=rij.naam,
        type=rij.type,
        organisatie=rij.organisatie,
        contactrol=rij.contactrol,
        sporen=tuple(s for s in rij.sporen.split(",") if s),
        invloed=rij.invloed,
        belang=rij.belang,
        versie=rij.versie,
        ambitie=rij.ambitie,
        capaciteit_uren=rij.capaciteit_uren,
        macht=rij.macht,
        legitimiteit=rij.legitimiteit,
        urgentie=rij.urgentie,
    )
