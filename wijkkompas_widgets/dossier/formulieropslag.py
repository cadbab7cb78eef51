"""Store part for the saved forms: one JSON document per dossier and key (the keys are in
``dossier.formulieren``). A form loaded at a version is only saved over that version, so two people filling in
the same form never silently overwrite each other."""

from __future__ import annotations

import json

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from . import schema, validatie
from .model import GelijktijdigGewijzigd, InvoerFout, nu
from .opslagdeel import OpslagDeel


class FormulierOpslag(OpslagDeel):
    """The dossier's forms."""

    def formulier(self, dossier_id: str, sleutel: str) -> tuple[dict, int]:
        """The saved form and its version (0 when nothing was saved yet)."""
        with self._lees() as conn:
            return self._formulier_in(conn, dossier_id, sleutel)

    @staticmethod
    def _formulier_in(conn: Connection, dossier_id: str, sleutel: str) -> tuple[dict, int]:
        """``formulier`` inside the caller's transaction (a workshop reads the team's own criteria)."""
        tabel = schema.dossier_formulier
        rij = conn.execute(
            select(tabel.c.gegevens, tabel.c.versie).where(tabel.c.dossier_id == dossier_id, tabel.c.sleutel == sleutel)
        ).first()
        if rij is None:
            return {}, 0
        return json.loads(rij.gegevens), rij.versie

    def bewaar_formulier(self, dossier_id: str, sleutel: str, gegevens: dict, versie: int) -> int:
        """Save a form that was loaded at ``versie``; refuses (and saves nothing) if someone else
        saved the same form in between. Returns the new version."""
        tabel = schema.dossier_formulier
        tekst = json.dumps(gegevens, ensure_ascii=False, sort_keys=True)
        if len(tekst) > validatie.MAX_FORMULIER:
            raise InvoerFout("Dit formulier is te groot om op te slaan; maak de teksten korter.")
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            if versie == 0:
                try:
                    with conn.begin_nested():
                        conn.execute(insert(tabel).values(dossier_id=dossier_id, sleutel=sleutel, gegevens=tekst,
                                                          versie=1, gewijzigd=nu()))
                    return 1
                except IntegrityError:
                    raise GelijktijdigGewijzigd(
                        "Iemand anders heeft dit formulier intussen opgeslagen. Je wijziging is niet opgeslagen; "
                        "de nieuwste gegevens staan nu in het formulier."
                    ) from None
            resultaat = conn.execute(
                update(tabel)
                .where(tabel.c.dossier_id == dossier_id, tabel.c.sleutel == sleutel, tabel.c.versie == versie)
                .values(gegevens=tekst, versie=versie + 1, gewijzigd=nu())
            )
            if resultaat.rowcount == 0:
                raise GelijktijdigGewijzigd(
                    "Iemand anders heeft dit formulier intussen opgeslagen. Je wijziging is niet opgeslagen; "
                    "de nieuwste gegevens staan nu in het formulier."
                )
        return versie + 1
