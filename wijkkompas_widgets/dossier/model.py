"""Plain data of a wijkdossier, and the errors the store raises with a Dutch message.

Every error carries a text that can be shown to the user as it is; widgets show
``str(fout)`` and never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

# (key stored in the database, label shown to the user); the order is the order of work.
STATUSSEN: tuple[tuple[str, str], ...] = (
    ("niet-gestart", "Niet gestart"),
    ("gestart", "Gestart"),
    ("gepauzeerd", "Gepauzeerd"),
    ("afgerond", "Afgerond"),
    ("herzien", "Herzien"),
)
STATUS_LABELS = dict(STATUSSEN)
STANDAARD_STATUS = "niet-gestart"
SCHAAL_MIN, SCHAAL_MAX = 1, 10


def nu() -> datetime:
    """Now, in UTC: every timestamp in the store is UTC."""
    return datetime.now(timezone.utc)


class WerkboekFout(Exception):
    """Base of all errors with a message meant for the user (in Dutch)."""


class InvoerFout(WerkboekFout, ValueError):
    """The user's input is not acceptable; nothing was saved."""


class OnbekendDossier(WerkboekFout, LookupError):
    """A dossier id (from the URL or a picker) that the store does not know."""


class GelijktijdigGewijzigd(WerkboekFout):
    """Someone else changed the same item since it was loaded; nothing was overwritten."""


class OpslagFout(WerkboekFout):
    """The store cannot be read or written (corrupt file, read-only, no connection)."""


@dataclass(frozen=True)
class Dossier:
    id: str
    naam: str
    wijk: str
    gemeente: str
    toelichting: str
    is_voorbeeld: bool
    aangemaakt: datetime
    gewijzigd: datetime


@dataclass(frozen=True)
class PartijInvoer:
    """What a user enters for a party; validated by ``validatie.controleer_partij``."""

    naam: str
    type: str = "overig"
    organisatie: str = ""
    contactrol: str = ""
    sporen: tuple[str, ...] = ()


@dataclass(frozen=True)
class Partij:
    id: int
    naam: str
    type: str
    organisatie: str
    contactrol: str
    sporen: tuple[str, ...]
    invloed: int | None
    belang: int | None
    versie: int
    ambitie: str = ""
    capaciteit_uren: float | None = None
    macht: bool | None = None
    legitimiteit: bool | None = None
    urgentie: bool | None = None

    @property
    def salience_beoordeeld(self) -> bool:
        return None not in (self.macht, self.legitimiteit, self.urgentie)

    @property
    def geplaatst(self) -> bool:
        return self.invloed is not None and self.belang is not None

    def als_invoer(self) -> PartijInvoer:
        return PartijInvoer(self.naam, self.type, self.organisatie, self.contactrol, self.sporen)
