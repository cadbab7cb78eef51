"""Who may see and change which dossier: members with a role, checked by the store itself.

The widgets disable what a lezer may not touch, but the store is the last guard: ``bewaak`` wraps every public
method of ``DossierStore`` that takes a ``dossier_id`` (reads need lezer), and ``_raak_aan`` — which every write
calls inside its transaction — refuses unless the actor is at least bewerker. Because that check runs in the
write transaction itself, a member removed while their page is open is refused on their next save.

An unknown dossier and somebody else's dossier give the same ``GeenToegang`` message, so guessing ids reveals
nothing. The example dossier is readable by every signed-in user and changed by nobody (make a copy). The person
on their own computer (``lokaal``) and the command line (``systeem``) see everything, as before teams existed.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection

from . import schema, validatie
from .model import (
    ROL_LABELS,
    AlleenLezen,
    Gebruiker,
    GeenToegang,
    InvoerFout,
    Lid,
    nu,
    rol_minstens,
)
from .opslagdeel import OpslagDeel

ALLEEN_LEZEN = ("Je kunt dit dossier alleen bekijken; er is niets opgeslagen. Vraag een eigenaar van het dossier "
                "om je bewerker te maken.")
VOORBEELD_ALLEEN_LEZEN = ("Het voorbeelddossier is er om rond te kijken en verandert niet; er is niets opgeslagen. "
                          "Maak een eigen kopie om erin te werken.")
ALLEEN_EIGENAAR = "Alleen een eigenaar van het dossier kan leden toevoegen, rollen wijzigen of het dossier verwijderen."
LAATSTE_EIGENAAR = ("Een dossier heeft altijd minstens één eigenaar. Maak eerst iemand anders eigenaar; daarna "
                    "kun je deze rol opgeven.")

# Methods whose first parameter is ``dossier_id`` and that need more than reading before they start
# (writes are checked again inside their transaction by ``_raak_aan``).
NODIG = {"verwijder_dossier": "eigenaar", "maak_sessie": "bewerker"}
# Workshop methods a facilitator uses with a session id: the actor must be bewerker of the session's dossier.
BEGELEIDER = {"uitnodiging", "importeer_antwoorden", "neem_ronde_over", "rondes", "ronde", "open_ronde",
              "heropen_ronde", "sluit_ronde", "ronde_stand", "verversstempel", "ronde_antwoorden", "sluit_sessie",
              "deelnemers"}


class ToegangOpslag(OpslagDeel):
    """Members and roles of a dossier, and the checks every other part relies on."""

    gebruiker: Gebruiker

    # -- what the actor may do -----------------------------------------------------------------
    def rol(self, dossier_id: str) -> str:
        """The actor's role in this dossier; ``GeenToegang`` if they have none."""
        with self._lees() as conn:
            rol = self._rol_van(conn, dossier_id)
        if rol is None:
            raise GeenToegang()
        return rol

    def mag_wijzigen(self, dossier_id: str) -> bool:
        try:
            return rol_minstens(self.rol(dossier_id), "bewerker")
        except GeenToegang:
            return False

    def _rol_van(self, conn: Connection, dossier_id: object) -> str | None:
        if not isinstance(dossier_id, str) or not validatie.is_dossier_id(dossier_id):
            return None
        actor = self.gebruiker
        if actor.ziet_alles:
            bestaat = conn.execute(select(schema.dossier.c.id).where(schema.dossier.c.id == dossier_id)).first()
            return "eigenaar" if bestaat else None
        if actor.soort != "lid" or actor.id is None:
            return None
        lid = schema.dossier_lid
        rij = conn.execute(
            select(schema.dossier.c.is_voorbeeld, lid.c.rol)
            .select_from(schema.dossier.outerjoin(lid, (lid.c.dossier_id == schema.dossier.c.id)
                                                  & (lid.c.gebruiker_id == actor.id)))
            .where(schema.dossier.c.id == dossier_id)
        ).first()
        if rij is None:
            return None
        if rij.is_voorbeeld:
            return "lezer"
        return rij.rol

    def _vereis(self, conn: Connection, dossier_id: str, nodig: str) -> str:
        """Refuse unless the actor has at least role ``nodig`` (inside the caller's transaction)."""
        rol = self._rol_van(conn, dossier_id)
        if rol is None:
            raise GeenToegang()
        if not rol_minstens(rol, nodig):
            if nodig == "eigenaar":
                raise AlleenLezen(ALLEEN_EIGENAAR)
            voorbeeld = conn.execute(select(schema.dossier.c.is_voorbeeld)
                                     .where(schema.dossier.c.id == dossier_id)).scalar()
            raise AlleenLezen(VOORBEELD_ALLEEN_LEZEN if voorbeeld else ALLEEN_LEZEN)
        return rol

    def _zichtbare_dossiers(self):
        """A WHERE clause for the dossiers the actor may see (None: all of them)."""
        actor = self.gebruiker
        if actor.ziet_alles:
            return None
        if actor.soort != "lid" or actor.id is None:
            return schema.dossier.c.id.is_(None)  # nothing
        lid = schema.dossier_lid
        eigen = select(lid.c.dossier_id).where(lid.c.gebruiker_id == actor.id)
        return schema.dossier.c.id.in_(eigen) | schema.dossier.c.is_voorbeeld.is_(True)

    def _maak_eigenaar(self, conn: Connection, dossier_id: str) -> None:
        """The actor who creates a dossier (new, imported or copied) becomes its eigenaar."""
        if self.gebruiker.soort == "lid" and self.gebruiker.id is not None:
            conn.execute(insert(schema.dossier_lid).values(
                dossier_id=dossier_id, gebruiker_id=self.gebruiker.id, rol="eigenaar", sinds=nu()))

    # -- members ----------------------------------------------------------------------------------
    def leden(self, dossier_id: str) -> list[Lid]:
        """The members, eigenaars first, then by name."""
        lid, gebruiker = schema.dossier_lid, schema.gebruiker
        with self._lees() as conn:
            self._controleer_dossier(conn, dossier_id)
            rijen = conn.execute(
                select(gebruiker.c.naam, gebruiker.c.weergavenaam, lid.c.rol, lid.c.sinds)
                .join(gebruiker, gebruiker.c.id == lid.c.gebruiker_id).where(lid.c.dossier_id == dossier_id)
            ).all()
        volgorde = {rol: i for i, rol in enumerate(ROL_LABELS)}
        leden = [Lid(r.naam, r.weergavenaam, r.rol, r.sinds) for r in rijen]
        return sorted(leden, key=lambda x: (volgorde.get(x.rol, 9), x.weergavenaam.casefold()))

    def zet_lid(self, dossier_id: str, gebruikersnaam: str, rol: str) -> Lid:
        """Add a member or change their role (eigenaars only). An account must exist: on a server with
        single sign-on it exists after the person's first visit."""
        if rol not in ROL_LABELS:
            raise InvoerFout("Kies een rol: eigenaar, bewerker of lezer.")
        naam = validatie.schone_tekst(gebruikersnaam, "De gebruikersnaam", maximum=200, verplicht=True).lower()
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id, nodig="eigenaar")
            rij = conn.execute(select(schema.gebruiker).where(schema.gebruiker.c.naam == naam)).first()
            if rij is None:
                raise InvoerFout(
                    f"Er is geen gebruiker met de naam ‘{naam}’. Controleer de spelling; wie via de organisatie "
                    "inlogt, bestaat pas na de eerste keer aanmelden.")
            tabel = schema.dossier_lid
            oud = conn.execute(select(tabel.c.rol).where(tabel.c.dossier_id == dossier_id,
                                                         tabel.c.gebruiker_id == rij.id)).scalar()
            if oud == rol:
                return self._lid(conn, dossier_id, rij.id)
            if oud == "eigenaar":
                self._niet_de_laatste_eigenaar(conn, dossier_id)
            if oud is None:
                conn.execute(insert(tabel).values(dossier_id=dossier_id, gebruiker_id=rij.id, rol=rol, sinds=nu()))
                conn.noteer(dossier_id, f"{rij.weergavenaam} ({rij.naam}) toegevoegd als {ROL_LABELS[rol].lower()}",
                            onderdeel="Leden")
            else:
                conn.execute(update(tabel).where(tabel.c.dossier_id == dossier_id, tabel.c.gebruiker_id == rij.id)
                             .values(rol=rol))
                conn.noteer(dossier_id, f"{rij.weergavenaam} ({rij.naam}): rol {ROL_LABELS[oud].lower()} → "
                                        f"{ROL_LABELS[rol].lower()}", onderdeel="Leden")
            return self._lid(conn, dossier_id, rij.id)

    def verwijder_lid(self, dossier_id: str, gebruikersnaam: str) -> None:
        """Remove a member (eigenaars), or leave a dossier yourself; never its last eigenaar."""
        naam = validatie.schone_tekst(gebruikersnaam, "De gebruikersnaam", maximum=200, verplicht=True).lower()
        zelf = self.gebruiker.soort == "lid" and self.gebruiker.naam == naam
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id, nodig="lezer" if zelf else "eigenaar")
            tabel = schema.dossier_lid
            rij = conn.execute(
                select(tabel.c.gebruiker_id, tabel.c.rol, schema.gebruiker.c.weergavenaam)
                .join(schema.gebruiker, schema.gebruiker.c.id == tabel.c.gebruiker_id)
                .where(tabel.c.dossier_id == dossier_id, schema.gebruiker.c.naam == naam)
            ).first()
            if rij is None:
                raise InvoerFout(f"‘{naam}’ is geen lid van dit dossier; er is niets veranderd.")
            if rij.rol == "eigenaar":
                self._niet_de_laatste_eigenaar(conn, dossier_id)
            conn.noteer(dossier_id, f"{rij.weergavenaam} ({naam}) is geen lid meer", onderdeel="Leden")
            conn.execute(delete(tabel).where(tabel.c.dossier_id == dossier_id,
                                             tabel.c.gebruiker_id == rij.gebruiker_id))

    def _niet_de_laatste_eigenaar(self, conn: Connection, dossier_id: str) -> None:
        tabel = schema.dossier_lid
        eigenaars = conn.execute(select(func.count()).select_from(tabel).where(
            tabel.c.dossier_id == dossier_id, tabel.c.rol == "eigenaar")).scalar_one()
        if eigenaars <= 1:
            raise InvoerFout(LAATSTE_EIGENAAR)

    def _lid(self, conn: Connection, dossier_id: str, gebruiker_id: int) -> Lid:
        rij = conn.execute(
            select(schema.gebruiker.c.naam, schema.gebruiker.c.weergavenaam, schema.dossier_lid.c.rol,
                   schema.dossier_lid.c.sinds)
            .join(schema.gebruiker, schema.gebruiker.c.id == schema.dossier_lid.c.gebruiker_id)
            .where(schema.dossier_lid.c.dossier_id == dossier_id, schema.dossier_lid.c.gebruiker_id == gebruiker_id)
        ).one()
        return Lid(rij.naam, rij.weergavenaam, rij.rol, rij.sinds)

    def _dossier_van_sessie(self, conn: Connection, sessie_id: object) -> str | None:
        if not isinstance(sessie_id, str):
            return None
        return conn.execute(select(schema.workshop_sessie.c.dossier_id)
                            .where(schema.workshop_sessie.c.id == sessie_id)).scalar()


def _bewaakt(methode: Callable, nodig: str) -> Callable:
    @functools.wraps(methode)
    def bewaakt(self, dossier_id, *args, **kwargs):
        if not self.gebruiker.ziet_alles:
            with self._lees() as conn:
                self._vereis(conn, dossier_id, nodig)
        return methode(self, dossier_id, *args, **kwargs)

    return bewaakt


def _begeleider(methode: Callable) -> Callable:
    @functools.wraps(methode)
    def bewaakt(self, sessie_id, *args, **kwargs):
        if not self.gebruiker.ziet_alles:
            with self._lees() as conn:
                dossier_id = self._dossier_van_sessie(conn, sessie_id)
                if dossier_id is None:
                    raise GeenToegang("Deze workshop bestaat niet of je hebt er geen toegang toe.")
                self._vereis(conn, dossier_id, "bewerker")
        return methode(self, sessie_id, *args, **kwargs)

    return bewaakt


def bewaak(klasse: type) -> type:
    """Wrap every public method of the store that takes a dossier (or a facilitator's session) first."""
    for naam in dir(klasse):
        if naam.startswith("_"):
            continue
        methode = getattr(klasse, naam)
        if not inspect.isfunction(methode):
            continue
        parameters = list(inspect.signature(methode).parameters)
        if naam in BEGELEIDER:
            setattr(klasse, naam, _begeleider(methode))
        elif len(parameters) > 1 and parameters[1] == "dossier_id" and naam not in ("rol", "mag_wijzigen"):
            setattr(klasse, naam, _bewaakt(methode, NODIG.get(naam, "lezer")))
    return klasse
