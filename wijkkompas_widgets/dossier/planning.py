"""Store part for 'Overzicht van bestaande planningen': the register of planned works per dossier.

``PlanningOpslag`` is a part of ``DossierStore`` (see ``dossier.opslagdeel``). Every
change is one transaction; an edit carries the version it was made on, so two people editing the
same work never silently overwrite each other; an import replaces or extends the register all at
once or not at all. A work of another dossier is never read or written.

The checks themselves live in ``analysis.planning`` (one place for the form, the import file and
the store); the records ``Werk`` and ``WerkInvoer`` in ``dossier.records``.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection

from ..analysis import planning as plan
from . import schema
from .model import GelijktijdigGewijzigd, InvoerFout, nu
from .opslagdeel import OpslagDeel
from .records import Werk, WerkInvoer

_WERK_WEG = "Dit werk bestaat niet (meer) in dit dossier; misschien heeft iemand anders het verwijderd."


def _werk(rij) -> Werk:
    return Werk(
        omschrijving=rij.omschrijving, eigenaar=rij.eigenaar, soort=rij.soort, gebied=rij.gebied, niveau=rij.niveau,
        start_jaar=rij.start_jaar, eind_jaar=rij.eind_jaar, zekerheid=rij.zekerheid, toelichting=rij.toelichting,
        id=rij.id, versie=rij.versie,
    )


def _waarden(schoon: WerkInvoer) -> dict:
    return {
        "omschrijving": schoon.omschrijving, "eigenaar": schoon.eigenaar, "soort": schoon.soort,
        "gebied": schoon.gebied, "niveau": schoon.niveau, "start_jaar": schoon.start_jaar,
        "eind_jaar": schoon.eind_jaar, "zekerheid": schoon.zekerheid, "toelichting": schoon.toelichting,
    }


class PlanningOpslag(OpslagDeel):
    """The planning register of a dossier."""

    def planning_werken(self, dossier_id: str) -> list[Werk]:
        """The register, earliest start first (then in the order the works were added)."""
        tabel = schema.planning_werk
        with self._lees() as conn:
            rijen = conn.execute(
                select(tabel).where(tabel.c.dossier_id == dossier_id)
                .order_by(tabel.c.start_jaar, tabel.c.eind_jaar, tabel.c.id)
            ).all()
        return [_werk(r) for r in rijen]

    def voeg_werk_toe(self, dossier_id: str, invoer: WerkInvoer) -> Werk:
        schoon = plan.controleer_werk(invoer)
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            self._controleer_ruimte(conn, dossier_id, 1)
            moment = nu()
            werk_id = int(conn.execute(insert(schema.planning_werk).values(
                dossier_id=dossier_id, **_waarden(schoon), versie=1, aangemaakt=moment, gewijzigd=moment,
            )).inserted_primary_key[0])
        return self._werk_van(dossier_id, werk_id)

    def wijzig_werk(self, dossier_id: str, werk_id: int, invoer: WerkInvoer, versie: int) -> Werk:
        """Save an edit made on version ``versie``; refuses if someone saved another edit meanwhile."""
        schoon = plan.controleer_werk(invoer)
        tabel = schema.planning_werk
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            resultaat = conn.execute(
                update(tabel)
                .where(tabel.c.id == werk_id, tabel.c.dossier_id == dossier_id, tabel.c.versie == versie)
                .values(**_waarden(schoon), versie=tabel.c.versie + 1, gewijzigd=nu())
            )
            if resultaat.rowcount == 0:
                bestaat = conn.execute(select(tabel.c.id).where(
                    tabel.c.id == werk_id, tabel.c.dossier_id == dossier_id)).first()
                if bestaat:
                    raise GelijktijdigGewijzigd(
                        "Iemand anders heeft dit werk intussen gewijzigd. Je wijziging is niet opgeslagen; "
                        "de nieuwste gegevens staan nu in het register."
                    )
                raise InvoerFout(_WERK_WEG)
        return self._werk_van(dossier_id, werk_id)

    def verwijder_werk(self, dossier_id: str, werk_id: int) -> None:
        tabel = schema.planning_werk
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            resultaat = conn.execute(delete(tabel).where(tabel.c.id == werk_id, tabel.c.dossier_id == dossier_id))
            if resultaat.rowcount == 0:
                raise InvoerFout(_WERK_WEG)

    def importeer_werken(self, dossier_id: str, invoeren: Sequence[WerkInvoer], vervangen: bool) -> list[Werk]:
        """Add all works, or (``vervangen``) replace the whole register with them, in one
        transaction: if any work is refused, nothing changes. Returns the register afterwards."""
        schoon: list[WerkInvoer] = []
        for nummer, invoer in enumerate(invoeren, start=1):
            werk, fouten = plan.fouten_in_werk(invoer)
            if fouten:
                raise InvoerFout(f"Werk {nummer} klopt niet, dus er is niets ingelezen: {' '.join(fouten)}")
            schoon.append(werk)
        if not schoon:
            raise InvoerFout("Er zijn geen werken om in te lezen; er is niets veranderd.")
        if len(schoon) > plan.MAX_WERKEN:
            raise InvoerFout(f"Een register heeft hoogstens {plan.MAX_WERKEN} werken; er is niets ingelezen.")
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            if vervangen:
                conn.execute(delete(schema.planning_werk).where(schema.planning_werk.c.dossier_id == dossier_id))
            else:
                self._controleer_ruimte(conn, dossier_id, len(schoon))
            self._plaats_werken(conn, dossier_id, schoon)
        return self.planning_werken(dossier_id)

    # -- helpers --------------------------------------------------------------------------
    def _plaats_werken(self, conn: Connection, dossier_id: str, schoon: Sequence[WerkInvoer]) -> None:
        """Insert checked works inside the caller's transaction, in one statement (also for the
        example dossier: ``analysis.planning.werk_uit_dict`` + ``controleer_werk`` per item)."""
        moment = nu()
        conn.execute(insert(schema.planning_werk), [
            {"dossier_id": dossier_id, **_waarden(werk), "versie": 1, "aangemaakt": moment, "gewijzigd": moment}
            for werk in schoon
        ])

    def _plaats_voorbeeld_planning(self, conn: Connection, dossier_id: str, items: Sequence[dict]) -> None:
        """The example dossier's works (YAML list ``planning:``, one mapping per work with the keys
        of ``analysis.planning.werk_uit_dict``), checked like any other input, in the caller's transaction."""
        werken = [plan.controleer_werk(plan.werk_uit_dict(item)) for item in items]
        if werken:
            self._plaats_werken(conn, dossier_id, werken)

    def _controleer_ruimte(self, conn: Connection, dossier_id: str, erbij: int) -> None:
        maximum = plan.MAX_WERKEN
        aantal = conn.execute(select(func.count()).select_from(schema.planning_werk)
                              .where(schema.planning_werk.c.dossier_id == dossier_id)).scalar()
        if aantal + erbij > maximum:
            raise InvoerFout(f"Een register heeft hoogstens {maximum} werken (nu {aantal}); er is niets opgeslagen. "
                             "Kies bij inlezen 'vervangen' of verwijder eerst werken.")

    def _werk_van(self, dossier_id: str, werk_id: int) -> Werk:
        tabel = schema.planning_werk
        with self._lees() as conn:
            rij = conn.execute(select(tabel).where(tabel.c.id == werk_id, tabel.c.dossier_id == dossier_id)).first()
        if rij is None:
            raise InvoerFout(_WERK_WEG)
        return _werk(rij)
