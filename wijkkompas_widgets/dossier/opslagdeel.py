"""The contract between ``DossierStore`` and its parts.

The store is composed of one part per idea (parties, forms, the scan, the weging, the workshop's sessions, …).
A part holds the public methods of its idea and the helpers that take an open ``Connection``, so another part
can change it inside *its own* transaction (adopting a workshop round writes a scan round, places parties and
replaces weights in one transaction, through the parts that own those tables). A part that uses another
part's helpers derives from that part, so the dependency is written down where it is used.

What every part may rely on, and ``DossierStore`` provides:

- ``_lees()`` / ``_schrijf()``: a read transaction, or a write transaction for one user change (all of it is
  saved, or none of it); both raise only ``WerkboekFout`` subclasses for database trouble;
- ``_raak_aan(conn, dossier_id)``: mark the dossier changed inside a write, and refuse (``OnbekendDossier``)
  when it was deleted meanwhile, or (``GeenToegang``, ``AlleenLezen``) when the acting user may not change it;
  it also serialises the writers of one dossier. Every write to a dossier calls it: it is the access check
  (``dossier.toegang``) and tells the history (``dossier.geschiedenis``) which dossier changed;
- ``gebruiker``: who acts (a ``Gebruiker``); the history names them on every line;
- ``_nieuw_dossier(conn, …)``: create a dossier inside a write;
- ``_inhoud`` (the loaded content) and ``_bekende_knooppunten`` (its knooppunt ids).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.engine import Connection

from . import schema
from .model import OnbekendDossier

if TYPE_CHECKING:
    from ..content import Inhoud
    from .model import Gebruiker


class OpslagDeel(ABC):
    """Base of every store part: the transactions and content it gets from ``DossierStore``."""

    _inhoud: Inhoud
    _bekende_knooppunten: set[str]
    gebruiker: Gebruiker

    @abstractmethod
    def _lees(self) -> AbstractContextManager[Connection]:
        """A read transaction."""

    @abstractmethod
    def _schrijf(self) -> AbstractContextManager[Connection]:
        """A write transaction for one user change."""

    @abstractmethod
    def _raak_aan(self, conn: Connection, dossier_id: str, *, nodig: str = "bewerker") -> None:
        """Mark the dossier changed (inside a write); ``OnbekendDossier`` if it is gone."""

    @abstractmethod
    def _nieuw_dossier(self, conn: Connection, naam: str, wijk: str, gemeente: str, toelichting: str, *,
                       is_voorbeeld: bool = False) -> str:
        """Create a dossier inside the caller's write and return its id (a workshop invitation makes one)."""

    @staticmethod
    def _controleer_dossier(conn: Connection, dossier_id: str) -> None:
        """Refuse a dossier id that the store does not know (for reads, which do not call ``_raak_aan``)."""
        gevonden = conn.execute(select(schema.dossier.c.id).where(schema.dossier.c.id == dossier_id)).first()
        if gevonden is None:
            raise OnbekendDossier(
                f"Dossier {dossier_id} bestaat niet (meer). Kies een dossier uit de lijst of maak een nieuw dossier."
            )
