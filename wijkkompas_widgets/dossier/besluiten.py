"""Store part for the besluitenlog: every decision of the team, append-only.

An entry says what was decided, when (UTC), who was at the table, why, for which knooppunt, and
any dissent. Nothing is ever edited silently: ``BesluitenOpslag`` has no method to change or remove
an entry, and the database refuses an UPDATE (and a DELETE while the dossier exists) through a
trigger made in migration 0005. A mistake is put right with a *correctie*: a new entry that points
at the one it corrects, while the original stays in the history.

The workbook itself writes *automatische* entries (weights fixed or withdrawn, strategy chosen,
koppelkans taken or not) with ``_automatisch_besluit`` inside the transaction of that change, so the
change and its entry are saved together or not at all.

Volgnummers run 1, 2, 3 ... per dossier without gaps, also with several writers at once: on SQLite
every write transaction starts with ``BEGIN IMMEDIATE`` (one writer at a time); on PostgreSQL the
number is taken after locking the dossier row (``SELECT ... FOR UPDATE``; every write also updates
that row in ``_raak_aan``), so two writers to one dossier wait for each other and the second sees
the first one's entry. A unique constraint on (dossier, volgnummer) is the last line of defence.
"""

from __future__ import annotations

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from . import schema, validatie
from .model import GelijktijdigGewijzigd, InvoerFout, nu
from .opslagdeel import OpslagDeel
from .records import MAX_AANWEZIG, MAX_WAT, Besluit

_BESLUIT_ONBEKEND = "Het besluit dat je wilt corrigeren bestaat niet in dit dossier. Kies een besluit uit het log."


def _besluit(rij, correcties: dict[int, list[int]]) -> Besluit:
    return Besluit(
        id=rij.id, volgnummer=rij.volgnummer, moment=rij.moment, wat=rij.wat, aanwezig=rij.aanwezig,
        onderbouwing=rij.onderbouwing, knooppunt_id=rij.knooppunt_id, soort=rij.soort,
        corrigeert_id=rij.corrigeert_id, afwijkend=rij.afwijkend, auteur=rij.auteur,
        gecorrigeerd_door=tuple(correcties.get(rij.id, ())),
    )


def _controleer_teksten(wat: object, aanwezig: object, onderbouwing: object, afwijkend: object):
    wat = validatie.schone_tekst(wat, "Wat er besloten is", maximum=MAX_WAT, verplicht=True)
    aanwezig = validatie.schone_tekst(aanwezig, "Wie er aan tafel zaten", maximum=MAX_AANWEZIG)
    onderbouwing = validatie.schone_tekst(onderbouwing, "De onderbouwing", maximum=validatie.MAX_TOELICHTING,
                                          verplicht=True)
    afwijkend = validatie.schone_tekst(afwijkend, "Het afwijkende standpunt", maximum=validatie.MAX_TOELICHTING)
    return wat, aanwezig, onderbouwing, afwijkend


class BesluitenOpslag(OpslagDeel):
    """The besluitenlog; other parts write their automatic entries with ``_automatisch_besluit``."""

    def besluiten(self, dossier_id: str) -> list[Besluit]:
        """The whole log of a dossier, oldest first (by volgnummer)."""
        tabel = schema.besluit
        with self._lees() as conn:
            self._controleer_dossier(conn, dossier_id)
            rijen = conn.execute(
                select(tabel).where(tabel.c.dossier_id == dossier_id).order_by(tabel.c.volgnummer)
            ).all()
        correcties: dict[int, list[int]] = {}
        for rij in rijen:
            if rij.corrigeert_id is not None:
                correcties.setdefault(rij.corrigeert_id, []).append(rij.id)
        return [_besluit(r, correcties) for r in rijen]

    def leg_besluit_vast(
        self, dossier_id: str, wat: str, aanwezig: str, onderbouwing: str, knooppunt_id: str | None = None,
        afwijkend: str = "", *, corrigeert: int | None = None,
    ) -> Besluit:
        """Add a decision to the log (one transaction). With ``corrigeert`` (the id of an entry of the
        same dossier) it is a correction of that entry; the entry itself stays unchanged."""
        wat, aanwezig, onderbouwing, afwijkend = _controleer_teksten(wat, aanwezig, onderbouwing, afwijkend)
        knooppunt_id = self._controleer_knooppunt(knooppunt_id)
        if corrigeert is not None and (isinstance(corrigeert, bool) or not isinstance(corrigeert, int)):
            raise InvoerFout(_BESLUIT_ONBEKEND)
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            if corrigeert is not None:
                tabel = schema.besluit
                if conn.execute(select(tabel.c.id).where(
                        tabel.c.id == corrigeert, tabel.c.dossier_id == dossier_id)).first() is None:
                    raise InvoerFout(_BESLUIT_ONBEKEND)
            besluit_id = self._nieuw_besluit(
                conn, dossier_id, wat=wat, aanwezig=aanwezig, onderbouwing=onderbouwing, knooppunt_id=knooppunt_id,
                soort="correctie" if corrigeert is not None else "besluit", corrigeert_id=corrigeert,
                afwijkend=afwijkend,
            )
        return self._besluit_van(dossier_id, besluit_id)

    # -- helpers --------------------------------------------------------------------------
    def _automatisch_besluit(
        self, conn: Connection, dossier_id: str, wat: str, onderbouwing: str, knooppunt_id: str | None = None,
        *, aanwezig: str = "", afwijkend: str = "",
    ) -> int:
        """An entry the workbook writes itself, inside the caller's transaction (which has already
        called ``_raak_aan``). Texts are checked like a user's; an unknown knooppunt is left out."""
        wat, aanwezig, onderbouwing, afwijkend = _controleer_teksten(wat, aanwezig, onderbouwing, afwijkend)
        if not isinstance(knooppunt_id, str) or knooppunt_id not in self._bekende_knooppunten:
            knooppunt_id = None
        return self._nieuw_besluit(conn, dossier_id, wat=wat, aanwezig=aanwezig, onderbouwing=onderbouwing,
                                   knooppunt_id=knooppunt_id, soort="automatisch", afwijkend=afwijkend)

    def _nieuw_besluit(self, conn: Connection, dossier_id: str, *, soort: str, corrigeert_id: int | None = None,
                       **teksten) -> int:
        """Insert one entry with the next volgnummer (see the module docstring on concurrency)."""
        tabel = schema.besluit
        # PostgreSQL: wait for other writers of this dossier (no-op on SQLite, already one writer)
        conn.execute(select(schema.dossier.c.id).where(schema.dossier.c.id == dossier_id).with_for_update())
        volgnummer = conn.execute(
            select(func.coalesce(func.max(tabel.c.volgnummer), 0) + 1).where(tabel.c.dossier_id == dossier_id)
        ).scalar_one()
        try:
            with conn.begin_nested():
                resultaat = conn.execute(insert(tabel).values(
                    dossier_id=dossier_id, volgnummer=int(volgnummer), moment=nu(), soort=soort,
                    corrigeert_id=corrigeert_id, auteur=self.gebruiker.weergavenaam[:200], **teksten,
                ))
        except IntegrityError as fout:
            raise GelijktijdigGewijzigd(
                "Iemand anders legde tegelijk een besluit vast; er is niets opgeslagen. Probeer het opnieuw."
            ) from fout
        return int(resultaat.inserted_primary_key[0])

    def _controleer_knooppunt(self, knooppunt_id: object) -> str | None:
        if knooppunt_id in (None, ""):
            return None
        if not isinstance(knooppunt_id, str) or knooppunt_id not in self._bekende_knooppunten:
            raise InvoerFout("Onbekend knooppunt; het besluit is niet vastgelegd. Kies een knooppunt uit de lijst.")
        return knooppunt_id

    def _besluit_van(self, dossier_id: str, besluit_id: int) -> Besluit:
        return next(b for b in self.besluiten(dossier_id) if b.id == besluit_id)
