"""Store part for 'Ambities en belangen': which party holds, can serve or is hurt by which interest."""

from __future__ import annotations

from sqlalchemy import delete, insert, select
from sqlalchemy.exc import IntegrityError

from . import schema, validatie
from .model import InvoerFout, nu
from .opslagdeel import OpslagDeel
from .records import EIGEN_PREFIX, HOUDINGEN, MAX_PRIORITEITEN, EigenBelang, PartijBelang


class BelangenOpslag(OpslagDeel):
    """Own interests of a dossier and each party's stance on every interest."""

    def eigen_belangen(self, dossier_id: str) -> list[EigenBelang]:
        tabel = schema.eigen_belang
        with self._lees() as conn:
            rijen = conn.execute(
                select(tabel.c.id, tabel.c.naam).where(tabel.c.dossier_id == dossier_id).order_by(tabel.c.id)
            ).all()
        return [EigenBelang(f"{EIGEN_PREFIX}{r.id}", r.naam) for r in rijen]

    def voeg_eigen_belang_toe(self, dossier_id: str, naam: str) -> EigenBelang:
        naam = validatie.schone_tekst(naam, "De naam van het belang", maximum=validatie.MAX_NAAM, verplicht=True)
        catalogus = {b.naam.casefold() for b in self._inhoud.fase1.belangen}
        if validatie.naam_sleutel(naam) in catalogus:
            raise InvoerFout(f"'{naam}' staat al in de lijst met belangen.")
        try:
            with self._schrijf() as conn:
                self._raak_aan(conn, dossier_id)
                resultaat = conn.execute(
                    insert(schema.eigen_belang).values(
                        dossier_id=dossier_id, naam=naam, naam_sleutel=validatie.naam_sleutel(naam)
                    )
                )
        except IntegrityError as fout:
            raise InvoerFout(f"Het belang '{naam}' staat al in dit dossier.") from fout
        return EigenBelang(f"{EIGEN_PREFIX}{resultaat.inserted_primary_key[0]}", naam)

    def verwijder_eigen_belang(self, dossier_id: str, belang_id: str) -> None:
        eigen_nummer = _eigen_nummer(belang_id)
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            partijen = select(schema.partij.c.id).where(schema.partij.c.dossier_id == dossier_id)
            conn.execute(
                delete(schema.partij_belang).where(
                    schema.partij_belang.c.belang_id == belang_id, schema.partij_belang.c.partij_id.in_(partijen)
                )
            )
            conn.execute(
                delete(schema.eigen_belang).where(
                    schema.eigen_belang.c.id == eigen_nummer, schema.eigen_belang.c.dossier_id == dossier_id
                )
            )

    def partij_belangen(self, dossier_id: str) -> list[PartijBelang]:
        pb, partij = schema.partij_belang, schema.partij
        with self._lees() as conn:
            rijen = conn.execute(
                select(pb.c.partij_id, pb.c.belang_id, pb.c.houding, pb.c.prioriteit)
                .join(partij, partij.c.id == pb.c.partij_id)
                .where(partij.c.dossier_id == dossier_id)
                .order_by(pb.c.partij_id, pb.c.belang_id)
            ).all()
        return [PartijBelang(r.partij_id, r.belang_id, r.houding, bool(r.prioriteit)) for r in rijen]

    def zet_houding(
        self, dossier_id: str, partij_id: int, belang_id: str, houding: str | None, prioriteit: bool = False
    ) -> None:
        """Save one cell of the party × belang matrix; ``houding=None`` clears it."""
        if houding is not None and houding not in HOUDINGEN:
            raise InvoerFout("Kies hoe deze partij tegenover het belang staat.")
        if prioriteit and houding not in ("belang", "beide"):
            raise InvoerFout("Alleen een eigen belang van de partij kan een topprioriteit zijn.")
        pb = schema.partij_belang
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            self._controleer_partij_en_belang(conn, dossier_id, partij_id, belang_id)
            conn.execute(delete(pb).where(pb.c.partij_id == partij_id, pb.c.belang_id == belang_id))
            if houding is None:
                return
            if prioriteit:
                aantal = len(conn.execute(
                    select(pb.c.belang_id).where(pb.c.partij_id == partij_id, pb.c.prioriteit.is_(True))
                ).all())
                if aantal >= MAX_PRIORITEITEN:
                    raise InvoerFout(
                        f"Een partij heeft hoogstens {MAX_PRIORITEITEN} topprioriteiten; zet er eerst een uit."
                    )
            conn.execute(
                insert(pb).values(partij_id=partij_id, belang_id=belang_id, houding=houding, prioriteit=prioriteit,
                                  gewijzigd=nu())
            )

    def _controleer_partij_en_belang(self, conn, dossier_id: str, partij_id: int, belang_id: str) -> None:
        partij = conn.execute(
            select(schema.partij.c.id).where(schema.partij.c.id == partij_id, schema.partij.c.dossier_id == dossier_id)
        ).first()
        if partij is None:
            raise InvoerFout("Deze partij bestaat niet meer; misschien heeft iemand anders haar verwijderd.")
        if self._inhoud.fase1.belang(belang_id) is not None:
            return
        if belang_id.startswith(EIGEN_PREFIX):
            eigen = conn.execute(
                select(schema.eigen_belang.c.id).where(
                    schema.eigen_belang.c.id == _eigen_nummer(belang_id),
                    schema.eigen_belang.c.dossier_id == dossier_id,
                )
            ).first()
            if eigen is not None:
                return
        raise InvoerFout("Dit belang bestaat niet (meer) in dit dossier.")


def _eigen_nummer(belang_id: str) -> int:
    try:
        return int(belang_id.removeprefix(EIGEN_PREFIX))
    except ValueError:
        raise InvoerFout("Dit belang bestaat niet (meer) in dit dossier.") from None
