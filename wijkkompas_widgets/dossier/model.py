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


GEEN_TOEGANG = (
    "Dit dossier bestaat niet of je hebt er geen toegang toe. Kies een dossier uit de lijst, of vraag een "
    "eigenaar van het dossier om je toe te voegen."
)


class GeenToegang(OnbekendDossier):
    """An unknown dossier and somebody else's dossier read the same, so a guess reveals nothing."""

    def __init__(self, tekst: str = GEEN_TOEGANG):
        super().__init__(tekst)


class AlleenLezen(WerkboekFout, PermissionError):
    """The actor may see this dossier (or do this), but not change it; nothing was saved."""


class AanmeldFout(WerkboekFout):
    """Signing in failed: wrong name or password, too many tries, or an expired or forged session."""


# == who acts ==================================================================================
ROLLEN: tuple[tuple[str, str], ...] = (
    ("eigenaar", "Eigenaar"),
    ("bewerker", "Bewerker"),
    ("lezer", "Lezer"),
)
ROL_LABELS = dict(ROLLEN)
ROL_UITLEG = {
    "eigenaar": "beheert de leden, mag het dossier verwijderen of overdragen en verandert alles",
    "bewerker": "verandert alle oefeningen, maar niet de leden",
    "lezer": "bekijkt en exporteert, verandert niets",
}
_ROL_NIVEAU = {"lezer": 1, "bewerker": 2, "eigenaar": 3}


def rol_minstens(rol: str | None, nodig: str) -> bool:
    """Whether ``rol`` allows what ``nodig`` allows (eigenaar > bewerker > lezer)."""
    return _ROL_NIVEAU.get(rol or "", 0) >= _ROL_NIVEAU[nodig]


@dataclass(frozen=True)
class Gebruiker:
    """Who acts on the store. ``soort`` says what kind of actor:

    - ``lid``: an account (signed in, from the proxy or from JupyterHub); sees only its own dossiers;
    - ``lokaal``: the one person on their own computer (no sign-in): sees and changes everything, as before;
    - ``gast``: a workshop participant with only a join code: no dossier at all;
    - ``systeem``: the command line and the server process (accounts, the first eigenaar)."""

    naam: str
    weergavenaam: str
    soort: str = "lid"
    id: int | None = None
    beheerder: bool = False

    @property
    def ziet_alles(self) -> bool:
        return self.soort in ("lokaal", "systeem")


def lokaal_gebruiker() -> Gebruiker:
    """The person at this computer, named after the operating system's user (for the history)."""
    import getpass  # only here: looking up the OS user can touch the password database

    try:
        naam = getpass.getuser()
    except Exception:  # no user name in a container without passwd entry
        naam = ""
    return Gebruiker(naam="", weergavenaam=f"{naam} (op deze computer)" if naam else "op deze computer",
                     soort="lokaal")


GAST = Gebruiker(naam="", weergavenaam="gast", soort="gast")
SYSTEEM = Gebruiker(naam="", weergavenaam="beheer (opdrachtregel)", soort="systeem", beheerder=True)


@dataclass(frozen=True)
class Lid:
    """A member of a dossier and their role."""

    gebruiker: str
    weergavenaam: str
    rol: str
    sinds: datetime

    @property
    def rol_label(self) -> str:
        return ROL_LABELS.get(self.rol, self.rol)


@dataclass(frozen=True)
class Wijziging:
    """One line of a dossier's history: who changed what, when, in which knooppunt."""

    id: int
    dossier_id: str
    moment: datetime
    auteur: str
    gebruiker: str
    knooppunt_id: str | None
    onderdeel: str
    regel: str


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
