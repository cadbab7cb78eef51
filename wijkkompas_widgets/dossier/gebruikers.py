"""Store part for accounts and sign-in sessions: who may sign in, with which password, and which session cookie
belongs to whom.

Passwords are hashed with argon2 (``argon2-cffi``), never by hand; a session cookie is a random token of which
only the SHA-256 is stored, so a copy of the database does not give anyone a valid cookie. Every method that
reads or changes an account is refused unless the store's actor may manage accounts (the command line and the
server process act as ``SYSTEEM``; an account with ``beheerder`` may too): the store is the last guard, not the
page or the command. ``gebruiker_op_naam`` is the exception: a kernel needs it to know who its visitor is, and it
returns no secret.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from . import schema, validatie
from .model import AanmeldFout, AlleenLezen, Gebruiker, InvoerFout, nu
from .opslagdeel import OpslagDeel

BRONNEN = ("aanmelden", "proxy", "hub")  # where an account comes from: our sign-in page, a sign-in proxy, JupyterHub
MIN_WACHTWOORD = 10
MAX_WACHTWOORD = 1024  # argon2 takes any length; a megabyte of password is only a way to keep the server busy
MAX_NAAM = 100
MAX_WEERGAVENAAM = 120
SESSIEDUUR = timedelta(hours=12)
_NAAM = re.compile(r"^[a-z0-9][a-z0-9._@+-]*$")

# One text for an unknown name and a wrong password: the page must not tell which of the two it was.
VERKEERD = "De gebruikersnaam of het wachtwoord klopt niet. Let op hoofdletters in het wachtwoord."
NIET_AANGEMELD = "Je bent niet (meer) aangemeld: je sessie is verlopen of ongeldig. Meld je opnieuw aan."
GEEN_BEHEERDER = "Alleen een beheerder kan accounts beheren. Vraag de beheerder van deze server om hulp."

_HASHER = PasswordHasher()  # argon2id with the library's recommended parameters
_schijn_hash: str | None = None


def normaliseer_naam(naam: object) -> str:
    """A login name as it is stored: trimmed and lower-case. Refuses (``InvoerFout``) an empty, too long or odd
    name; the length is checked before the characters are looked at."""
    tekst = "" if naam is None else str(naam)
    if len(tekst) > MAX_NAAM + 20:  # before strip() and lower() even look at a long text
        raise InvoerFout(f"Een gebruikersnaam is hooguit {MAX_NAAM} tekens lang.")
    tekst = tekst.strip().lower()
    if not tekst:
        raise InvoerFout("Vul een gebruikersnaam in.")
    if len(tekst) > MAX_NAAM:
        raise InvoerFout(f"Een gebruikersnaam is hooguit {MAX_NAAM} tekens lang.")
    if not _NAAM.match(tekst):
        raise InvoerFout(
            "Een gebruikersnaam bestaat uit letters zonder accent, cijfers en de tekens . _ - + @, en begint met een "
            "letter of cijfer (bijvoorbeeld 'anna' of 'anna@gemeente.nl')."
        )
    return tekst


def controleer_wachtwoord_sterkte(wachtwoord: object) -> str:
    if not isinstance(wachtwoord, str) or len(wachtwoord) < MIN_WACHTWOORD:
        raise InvoerFout(
            f"Kies een wachtwoord van minstens {MIN_WACHTWOORD} tekens; een zin van een paar woorden is sterk en "
            "makkelijk te onthouden."
        )
    if len(wachtwoord) > MAX_WACHTWOORD:
        raise InvoerFout(f"Een wachtwoord is hooguit {MAX_WACHTWOORD} tekens lang.")
    return wachtwoord


def _sleutel(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _schijnhash() -> str:
    """A hash to check against when the name is unknown, so that takes as long as a wrong password."""
    global _schijn_hash
    if _schijn_hash is None:
        _schijn_hash = _HASHER.hash(secrets.token_urlsafe(16))
    return _schijn_hash


class GebruikersOpslag(OpslagDeel):
    """Accounts (table ``gebruiker``) and sign-in sessions (table ``aanmeldsessie``)."""

    gebruiker: Gebruiker  # the actor of this store view (``DossierStore.als``)

    # -- the guard ------------------------------------------------------------------------------------------
    def _mag_accounts_beheren(self) -> None:
        actor = getattr(self, "gebruiker", None)
        if actor is None or not (actor.soort == "systeem" or actor.beheerder):
            raise AlleenLezen(GEEN_BEHEERDER)

    # -- accounts -------------------------------------------------------------------------------------------
    def maak_gebruiker(self, naam: str, wachtwoord: str | None = None, *, weergavenaam: str = "",
                       bron: str = "aanmelden", beheerder: bool = False) -> Gebruiker:
        """A new account. One for our sign-in page (``bron='aanmelden'``) needs a password; proxy and JupyterHub
        accounts have none (they sign in elsewhere)."""
        self._mag_accounts_beheren()
        naam = normaliseer_naam(naam)
        if bron not in BRONNEN:
            raise InvoerFout(f"Onbekende herkomst van een account: '{bron}'. Kies uit {', '.join(BRONNEN)}.")
        if bron == "aanmelden":
            wachtwoord_hash = _HASHER.hash(controleer_wachtwoord_sterkte(wachtwoord))
        elif wachtwoord is not None:
            raise InvoerFout("Een account van de aanmeldproxy of JupyterHub heeft geen eigen wachtwoord.")
        else:
            wachtwoord_hash = None
        weergave = validatie.schone_tekst(weergavenaam, "De weergavenaam", maximum=MAX_WEERGAVENAAM) or naam
        try:
            with self._schrijf() as conn:
                gebruiker_id = self._nieuwe_gebruiker(conn, naam, weergave, wachtwoord_hash, bron, bool(beheerder))
        except IntegrityError as fout:
            raise InvoerFout(f"Er is al een account met de gebruikersnaam '{naam}'.") from fout
        return Gebruiker(naam=naam, weergavenaam=weergave, id=gebruiker_id, beheerder=bool(beheerder))

    @staticmethod
    def _nieuwe_gebruiker(conn: Connection, naam: str, weergavenaam: str, wachtwoord_hash: str | None, bron: str,
                          beheerder: bool) -> int:
        resultaat = conn.execute(insert(schema.gebruiker).values(
            naam=naam, weergavenaam=weergavenaam, wachtwoord_hash=wachtwoord_hash, bron=bron, beheerder=beheerder,
            aangemaakt=nu(), laatst_aangemeld=None))
        return int(resultaat.inserted_primary_key[0])

    def zorg_voor_gebruiker(self, naam: str, bron: str) -> Gebruiker:
        """The account of a user who signed in through a proxy or JupyterHub, made on their first visit."""
        self._mag_accounts_beheren()
        naam = normaliseer_naam(naam)
        if bron not in ("proxy", "hub"):
            raise InvoerFout("Alleen accounts van een aanmeldproxy of JupyterHub worden bij het eerste bezoek gemaakt.")
        bestaand = self._gebruiker_rij(naam)
        if bestaand is not None:
            return _gebruiker(bestaand)
        try:
            with self._schrijf() as conn:
                self._nieuwe_gebruiker(conn, naam, naam, None, bron, False)
        except IntegrityError:
            pass  # another server process or kernel made it at the same moment: use theirs
        return _gebruiker(self._gebruiker_rij(naam))

    def zet_wachtwoord(self, naam: str, wachtwoord: str) -> None:
        """A new password; ends the account's sessions, so a stolen cookie stops working too."""
        self._mag_accounts_beheren()
        naam = normaliseer_naam(naam)
        nieuw = _HASHER.hash(controleer_wachtwoord_sterkte(wachtwoord))
        with self._schrijf() as conn:
            gebruiker_id = self._gebruiker_id(conn, naam)
            conn.execute(update(schema.gebruiker).where(schema.gebruiker.c.id == gebruiker_id)
                         .values(wachtwoord_hash=nieuw, bron="aanmelden"))
            conn.execute(delete(schema.aanmeldsessie).where(schema.aanmeldsessie.c.gebruiker_id == gebruiker_id))

    def verwijder_gebruiker(self, naam: str) -> None:
        """Remove an account with its sessions and memberships; the history keeps the name it was written under.
        Refused while the account is the only eigenaar of a dossier (that dossier would have no one to manage it)."""
        self._mag_accounts_beheren()
        naam = normaliseer_naam(naam)
        lid = schema.dossier_lid
        with self._schrijf() as conn:
            gebruiker_id = self._gebruiker_id(conn, naam)
            eigen = select(lid.c.dossier_id).where(lid.c.gebruiker_id == gebruiker_id, lid.c.rol == "eigenaar")
            andere = select(lid.c.dossier_id).where(lid.c.gebruiker_id != gebruiker_id, lid.c.rol == "eigenaar")
            alleen = conn.execute(
                select(schema.dossier.c.id, schema.dossier.c.naam)
                .where(schema.dossier.c.id.in_(eigen), schema.dossier.c.id.not_in(andere))
                .order_by(schema.dossier.c.naam)
            ).all()
            if alleen:
                regels = "\n".join(f"  {r.id}  {r.naam}" for r in alleen)
                raise InvoerFout(
                    f"'{naam}' is de enige eigenaar van {len(alleen)} dossier(s). Maak eerst iemand anders eigenaar "
                    f"(wijkkompas lid toevoegen DOSSIER GEBRUIKER --rol eigenaar):\n{regels}"
                )
            conn.execute(delete(schema.gebruiker).where(schema.gebruiker.c.id == gebruiker_id))

    def gebruiker_op_naam(self, naam: str) -> Gebruiker:
        """The account with this login name (``InvoerFout`` if there is none). Open to every actor: a kernel asks
        it to know who its visitor is; no password hash or session leaves the store."""
        rij = self._gebruiker_rij(normaliseer_naam(naam))
        if rij is None:
            raise InvoerFout(f"Er is geen account met de gebruikersnaam '{naam}'.")
        return _gebruiker(rij)

    def gebruikers(self) -> list[Gebruiker]:
        """Every account, by login name (for the command line)."""
        self._mag_accounts_beheren()
        with self._lees() as conn:
            rijen = conn.execute(select(schema.gebruiker).order_by(schema.gebruiker.c.naam)).all()
        return [_gebruiker(r) for r in rijen]

    def _gebruiker_rij(self, naam: str):
        with self._lees() as conn:
            return conn.execute(select(schema.gebruiker).where(schema.gebruiker.c.naam == naam)).first()

    @staticmethod
    def _gebruiker_id(conn: Connection, naam: str) -> int:
        gebruiker_id = conn.execute(select(schema.gebruiker.c.id).where(schema.gebruiker.c.naam == naam)).scalar()
        if gebruiker_id is None:
            raise InvoerFout(f"Er is geen account met de gebruikersnaam '{naam}'.")
        return int(gebruiker_id)

    # -- signing in -----------------------------------------------------------------------------------------
    def controleer_wachtwoord(self, naam: str, wachtwoord: str) -> Gebruiker:
        """The account if the password is right; ``AanmeldFout`` (one text) for an unknown name or a wrong
        password. An unknown name costs as much time as a wrong password, so timing tells nothing either."""
        self._mag_accounts_beheren()
        try:
            naam = normaliseer_naam(naam)
        except InvoerFout:
            naam = ""
        if not isinstance(wachtwoord, str) or len(wachtwoord) > MAX_WACHTWOORD:
            raise AanmeldFout(VERKEERD)
        rij = self._gebruiker_rij(naam) if naam else None
        opgeslagen = rij.wachtwoord_hash if rij is not None else None
        try:
            _HASHER.verify(opgeslagen or _schijnhash(), wachtwoord)
        except (VerifyMismatchError, VerificationError, InvalidHashError) as fout:
            raise AanmeldFout(VERKEERD) from fout
        if not opgeslagen:  # the check above passed against the stand-in: never a sign-in
            raise AanmeldFout(VERKEERD)
        if _HASHER.check_needs_rehash(opgeslagen):  # the library's parameters went up since this hash was made
            with self._schrijf() as conn:
                conn.execute(update(schema.gebruiker).where(schema.gebruiker.c.id == rij.id)
                             .values(wachtwoord_hash=_HASHER.hash(wachtwoord)))
        return _gebruiker(rij)

    def maak_aanmeldsessie(self, gebruiker: Gebruiker, *, duur: timedelta = SESSIEDUUR) -> str:
        """A new session for a signed-in account; returns the token for the cookie (only its SHA-256 is kept)."""
        self._mag_accounts_beheren()
        if gebruiker.id is None:
            raise InvoerFout("Alleen een account kan een sessie krijgen.")
        token = secrets.token_urlsafe(32)
        moment = nu()
        with self._schrijf() as conn:
            conn.execute(delete(schema.aanmeldsessie).where(schema.aanmeldsessie.c.verloopt < moment))  # tidy up
            bestaat = conn.execute(select(schema.gebruiker.c.id).where(schema.gebruiker.c.id == gebruiker.id)).scalar()
            if bestaat is None:
                raise AanmeldFout(NIET_AANGEMELD)
            conn.execute(insert(schema.aanmeldsessie).values(
                token_hash=_sleutel(token), gebruiker_id=gebruiker.id, aangemaakt=moment, verloopt=moment + duur))
            conn.execute(update(schema.gebruiker).where(schema.gebruiker.c.id == gebruiker.id)
                         .values(laatst_aangemeld=moment))
        return token

    def gebruiker_voor_sessie(self, token: str, *, moment: datetime | None = None) -> Gebruiker:
        """The account a session cookie belongs to; ``AanmeldFout`` when it is unknown, forged or expired."""
        self._mag_accounts_beheren()
        if not isinstance(token, str) or not 20 <= len(token) <= 200:
            raise AanmeldFout(NIET_AANGEMELD)
        sessie, gebruiker = schema.aanmeldsessie, schema.gebruiker
        with self._lees() as conn:
            rij = conn.execute(
                select(gebruiker, sessie.c.verloopt)
                .join(sessie, sessie.c.gebruiker_id == gebruiker.c.id)
                .where(sessie.c.token_hash == _sleutel(token))
            ).first()
        if rij is None or rij.verloopt <= (moment or nu()):
            raise AanmeldFout(NIET_AANGEMELD)
        return _gebruiker(rij)

    def beeindig_aanmeldsessie(self, token: str) -> None:
        """Sign out: the session is gone, also for a copy of the cookie elsewhere."""
        self._mag_accounts_beheren()
        if not isinstance(token, str) or len(token) > 200:
            return
        with self._schrijf() as conn:
            conn.execute(delete(schema.aanmeldsessie).where(schema.aanmeldsessie.c.token_hash == _sleutel(token)))


def _gebruiker(rij) -> Gebruiker:
    return Gebruiker(naam=rij.naam, weergavenaam=rij.weergavenaam, soort="lid", id=int(rij.id),
                     beheerder=bool(rij.beheerder))
