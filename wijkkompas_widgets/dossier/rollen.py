"""Store part for 'Rollen en verwachtingen': the team's tasks and who does what in each of them.

A party has one role per task (trekker, meedenker or geïnformeerd) with the hours per month
it puts in. Every change is one transaction; a task or party from another dossier is refused.
"""

from __future__ import annotations

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from ..content import SPOOR_LETTERS
from . import schema, validatie
from .model import GelijktijdigGewijzigd, InvoerFout, nu
from .opslagdeel import OpslagDeel
from .records import ROL_LABELS, Rol, Taak

MAX_TAAKNAAM = validatie.MAX_KORT
def _controleer_taak(naam: object, spoor: object, omschrijving: object) -> tuple[str, str, str]:
    naam = validatie.schone_tekst(naam, "De naam van de taak", maximum=MAX_TAAKNAAM, verplicht=True)
    if spoor not in SPOOR_LETTERS:
        raise InvoerFout("Kies bij de taak een spoor van A tot en met F.")
    omschrijving = validatie.schone_tekst(omschrijving, "De omschrijving van de taak",
                                          maximum=validatie.MAX_TOELICHTING)
    return naam, spoor, omschrijving


_TAAK_WEG = "Deze taak bestaat niet (meer) in dit dossier; misschien heeft iemand anders haar verwijderd."
_PARTIJ_WEG = "Deze partij bestaat niet (meer) in dit dossier; misschien heeft iemand anders haar verwijderd."


class RollenOpslag(OpslagDeel):
    """The team's tasks (from the catalogue in the content, or its own) and each party's role in them."""

    # -- taken ----------------------------------------------------------------------------
    def taken(self, dossier_id: str) -> list[Taak]:
        """The tasks of a dossier in the order they were added."""
        tabel = schema.taak
        with self._lees() as conn:
            rijen = conn.execute(
                select(tabel.c.id, tabel.c.naam, tabel.c.spoor, tabel.c.omschrijving)
                .where(tabel.c.dossier_id == dossier_id)
                .order_by(tabel.c.id)
            ).all()
        return [Taak(r.id, r.naam, r.spoor, r.omschrijving) for r in rijen]

    def voeg_taak_toe(self, dossier_id: str, naam: str, spoor: str, omschrijving: str = "") -> Taak:
        naam, spoor, omschrijving = _controleer_taak(naam, spoor, omschrijving)
        try:
            with self._schrijf() as conn:
                self._raak_aan(conn, dossier_id)
                resultaat = conn.execute(insert(schema.taak).values(
                    dossier_id=dossier_id, naam=naam, naam_sleutel=validatie.naam_sleutel(naam), spoor=spoor,
                    omschrijving=omschrijving, gewijzigd=nu(),
                ))
        except IntegrityError as fout:
            raise InvoerFout(f"Er staat al een taak met de naam '{naam}' in dit dossier.") from fout
        return Taak(int(resultaat.inserted_primary_key[0]), naam, spoor, omschrijving)

    def wijzig_taak(self, dossier_id: str, taak_id: int, naam: str, spoor: str, omschrijving: str = "") -> Taak:
        naam, spoor, omschrijving = _controleer_taak(naam, spoor, omschrijving)
        tabel = schema.taak
        try:
            with self._schrijf() as conn:
                self._raak_aan(conn, dossier_id)
                resultaat = conn.execute(
                    update(tabel)
                    .where(tabel.c.id == taak_id, tabel.c.dossier_id == dossier_id)
                    .values(naam=naam, naam_sleutel=validatie.naam_sleutel(naam), spoor=spoor,
                            omschrijving=omschrijving, gewijzigd=nu())
                )
                if resultaat.rowcount == 0:
                    raise InvoerFout(_TAAK_WEG)
        except IntegrityError as fout:
            raise InvoerFout(f"Er staat al een taak met de naam '{naam}' in dit dossier.") from fout
        return Taak(taak_id, naam, spoor, omschrijving)

    def verwijder_taak(self, dossier_id: str, taak_id: int) -> None:
        """Remove a task with the roles in it (roles first, so it also holds without cascading keys)."""
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            eigen = select(schema.taak.c.id).where(schema.taak.c.id == taak_id, schema.taak.c.dossier_id == dossier_id)
            conn.execute(delete(schema.taak_rol).where(schema.taak_rol.c.taak_id.in_(eigen)))
            resultaat = conn.execute(
                delete(schema.taak).where(schema.taak.c.id == taak_id, schema.taak.c.dossier_id == dossier_id)
            )
            if resultaat.rowcount == 0:
                raise InvoerFout(_TAAK_WEG)

    def neem_standaardtaken_over(self, dossier_id: str) -> list[Taak]:
        """Add the catalogue tasks (``data/taken.yaml``) the dossier does not have yet, by name;
        one transaction. Returns the tasks that were added (empty if all were there)."""
        tabel = schema.taak
        toegevoegd: list[Taak] = []
        try:
            with self._schrijf() as conn:
                self._raak_aan(conn, dossier_id)
                aanwezig = set(conn.execute(select(tabel.c.naam_sleutel).where(tabel.c.dossier_id == dossier_id))
                               .scalars())
                for sjabloon in self._inhoud.fase1.taken:
                    sleutel = validatie.naam_sleutel(sjabloon.naam)
                    if sleutel in aanwezig:
                        continue
                    aanwezig.add(sleutel)
                    resultaat = conn.execute(insert(tabel).values(
                        dossier_id=dossier_id, naam=sjabloon.naam, naam_sleutel=sleutel, spoor=sjabloon.spoor,
                        omschrijving=sjabloon.omschrijving, gewijzigd=nu(),
                    ))
                    toegevoegd.append(Taak(int(resultaat.inserted_primary_key[0]), sjabloon.naam, sjabloon.spoor,
                                           sjabloon.omschrijving))
        except IntegrityError as fout:
            raise GelijktijdigGewijzigd(
                "Iemand anders heeft intussen taken toegevoegd; er is niets opgeslagen. Probeer het opnieuw."
            ) from fout
        return toegevoegd

    # -- rollen ---------------------------------------------------------------------------
    def rollen(self, dossier_id: str) -> list[Rol]:
        """Every role in the dossier's tasks, only for tasks and parties of this dossier."""
        rol, taak, partij = schema.taak_rol, schema.taak, schema.partij
        with self._lees() as conn:
            rijen = conn.execute(
                select(rol.c.taak_id, rol.c.partij_id, rol.c.rol, rol.c.uren_per_maand)
                .join(taak, taak.c.id == rol.c.taak_id)
                .join(partij, partij.c.id == rol.c.partij_id)
                .where(taak.c.dossier_id == dossier_id, partij.c.dossier_id == dossier_id)
                .order_by(rol.c.taak_id, rol.c.partij_id)
            ).all()
        return [Rol(r.taak_id, r.partij_id, r.rol, float(r.uren_per_maand or 0)) for r in rijen]

    def zet_rol(
        self, dossier_id: str, taak_id: int, partij_id: int, rol: str | None, uren_per_maand: float = 0.0
    ) -> Rol | None:
        """Give a party a role in a task with its hours per month, or remove it (``rol=None``)."""
        if rol is not None and rol not in ROL_LABELS:
            raise InvoerFout("Kies als rol trekker, meedenker of geïnformeerd (of niets).")
        uren = validatie.controleer_uren(uren_per_maand, "Het aantal uren") if rol is not None else 0.0
        tabel = schema.taak_rol
        try:
            with self._schrijf() as conn:
                self._raak_aan(conn, dossier_id)
                if conn.execute(select(schema.taak.c.id).where(
                        schema.taak.c.id == taak_id, schema.taak.c.dossier_id == dossier_id)).first() is None:
                    raise InvoerFout(_TAAK_WEG)
                if conn.execute(select(schema.partij.c.id).where(
                        schema.partij.c.id == partij_id, schema.partij.c.dossier_id == dossier_id)).first() is None:
                    raise InvoerFout(_PARTIJ_WEG)
                waar = (tabel.c.taak_id == taak_id, tabel.c.partij_id == partij_id)
                if rol is None:
                    conn.execute(delete(tabel).where(*waar))
                    return None
                bijgewerkt = conn.execute(update(tabel).where(*waar).values(rol=rol, uren_per_maand=uren,
                                                                            gewijzigd=nu()))
                if bijgewerkt.rowcount == 0:
                    conn.execute(insert(tabel).values(taak_id=taak_id, partij_id=partij_id, rol=rol,
                                                      uren_per_maand=uren, gewijzigd=nu()))
        except IntegrityError as fout:
            raise GelijktijdigGewijzigd(
                "Iemand anders heeft deze rol tegelijk opgeslagen; je wijziging is niet opgeslagen. "
                "Probeer het opnieuw."
            ) from fout
        return Rol(taak_id, partij_id, rol, uren)
