"""The wijkdossier store: every user change is one transaction, in SQLite or PostgreSQL.

SQLite (the default, one file in the user's data folder) runs in WAL mode with a busy
timeout, and write transactions start with ``BEGIN IMMEDIATE``: several Voilà kernels can
write at once without 'database is locked' errors halfway through a transaction.
PostgreSQL is one URL away (``WIJKKOMPAS_DB_URL``), for several servers on one store.
"""

from __future__ import annotations

import copy
import json
import os
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: SQLite's own busy handling only
    fcntl = None

import yaml
from sqlalchemy import create_engine, delete, event, insert, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError, SQLAlchemyError

from ..content import Inhoud, inhoud
from ..paths import data_dir
from . import formulieren, schema, validatie
from .afweging import AfwegingOpslag
from .belangen import BelangenOpslag
from .besluiten import BesluitenOpslag
from .formulieropslag import FormulierOpslag
from .gebruikers import GebruikersOpslag
from .geschiedenis import GeschiedenisOpslag, Schrijfverbinding
from .koppelkansen import KoppelkansenOpslag
from .model import (
    GAST,
    STANDAARD_STATUS,
    AlleenLezen,
    Dossier,
    Gebruiker,
    GeenToegang,
    InvoerFout,
    OnbekendDossier,
    OpslagFout,
    PartijInvoer,
    lokaal_gebruiker,
    nu,
)
from .partijen import PartijenOpslag
from .planning import PlanningOpslag
from .rollen import RollenOpslag
from .scan import ScanOpslag
from .toegang import ToegangOpslag, bewaak
from .voorbeeld34 import plaats_veilig
from .weging import WegingOpslag
from .workshop import WorkshopOpslag

ENV_DB_URL = "WIJKKOMPAS_DB_URL"
ENV_AANMELDMODUS = "WIJKKOMPAS_AANMELDMODUS"  # lokaal (default) | aanmelden | proxy | hub
ENV_DATA_DIR = "WIJKKOMPAS_DATA_DIR"
BUSY_TIMEOUT_S = 30
_MIGRATIES = Path(__file__).resolve().parent / "migraties"


def standaard_data_map() -> Path:
    """The per-user folder for the store, overridable with ``WIJKKOMPAS_DATA_DIR``."""
    eigen = os.environ.get(ENV_DATA_DIR)
    if eigen:
        return Path(eigen).expanduser()
    from platformdirs import user_data_dir  # only when no data folder is given (cli, tests and Binder give one)

    return Path(user_data_dir("wijkkompas", appauthor=False))


def standaard_url() -> str:
    """``WIJKKOMPAS_DB_URL`` if set, else a SQLite file in the user's data folder."""
    url = os.environ.get(ENV_DB_URL)
    if url:
        return url
    return f"sqlite:///{standaard_data_map() / 'wijkdossiers.sqlite'}"


def _maak_engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    bestand = url.removeprefix("sqlite:///")
    if url.startswith("sqlite:///") and bestand != ":memory:" and not bestand.startswith("file:"):
        Path(bestand).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})

    @event.listens_for(engine, "connect")
    def _sqlite_instellingen(dbapi_connection, _record):
        # Let SQLAlchemy, not the driver, decide when a transaction begins (see _begin below).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection):
        schrijven = conn.get_execution_options().get("schrijven", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if schrijven else "BEGIN")

    return engine


def _slotbestand(url: str) -> str | None:
    """The lock file of a SQLite database file (see ``DossierStore._schrijfslot``), or None."""
    if fcntl is None or not url.startswith("sqlite:///"):
        return None
    bestand = url.removeprefix("sqlite:///")
    if bestand == ":memory:" or bestand.startswith("file:"):
        return None
    return f"{bestand}.schrijfslot"


def _is_alleen_lezen(fout: BaseException) -> bool:
    tekst = str(fout).lower()
    return "readonly" in tekst or "read-only" in tekst or "read only" in tekst


def _opslagfout(fout: BaseException, url: str) -> OpslagFout:
    plek = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else "de database"
    tekst = str(fout).lower()
    if _is_alleen_lezen(fout):
        return OpslagFout(
            f"Het dossierbestand ({plek}) is alleen-lezen, dus er kan niets worden opgeslagen. "
            "Vraag de beheerder om schrijfrechten of start met een andere gegevensmap "
            "(WIJKKOMPAS_DATA_DIR)."
        )
    if "not a database" in tekst or "malformed" in tekst or "file is encrypted" in tekst:
        return OpslagFout(
            f"Het dossierbestand ({plek}) is beschadigd en kan niet worden gelezen. Er is niets "
            "veranderd. Zet een reservekopie terug of start met een andere gegevensmap "
            "(WIJKKOMPAS_DATA_DIR)."
        )
    if "locked" in tekst or "busy" in tekst:
        return OpslagFout("De dossieropslag is nu bezet door een andere gebruiker. Probeer het zo opnieuw.")
    return OpslagFout(
        "De dossieropslag is niet bereikbaar; er is niets opgeslagen. Probeer het opnieuw of "
        "vraag de beheerder om hulp."
    )


GAST_GEEN_DOSSIER = ("Als deelnemer aan een workshop maak je geen dossiers; meld je aan met je eigen account om een "
                     "dossier te maken.")
# who placed the example dossier, as its history shows (it may change the example; nobody else can)
VOORBEELDTEAM = Gebruiker(naam="", weergavenaam="voorbeeldteam (verzonnen)", soort="systeem")


def standaard_gebruiker() -> Gebruiker:
    """Who acts on a store nobody signed in to: the person at this computer in *lokaal* mode, else a guest
    who sees no dossier (a page must name its signed-in user with ``DossierStore.als``)."""
    if os.environ.get(ENV_AANMELDMODUS, "lokaal") in ("", "lokaal"):
        return lokaal_gebruiker()
    return GAST


@bewaak
class DossierStore(
    WorkshopOpslag, AfwegingOpslag, BelangenOpslag, PlanningOpslag, RollenOpslag, ScanOpslag, PartijenOpslag,
    WegingOpslag, KoppelkansenOpslag, BesluitenOpslag, FormulierOpslag, ToegangOpslag, GeschiedenisOpslag,
    GebruikersOpslag,
):
    """All reads and writes of wijkdossiers. Methods raise only ``WerkboekFout`` subclasses.

    The store itself holds the transactions, the schema, the dossiers and their knooppunt status; every exercise
    has its own part (``dossier.opslagdeel`` says what a part may rely on). A part that builds on another one
    derives from it, so it comes first here. A store acts for one user (``gebruiker``; ``als`` gives a view for
    another): ``dossier.toegang`` checks their role on every call, ``dossier.geschiedenis`` records their changes."""

    def __init__(self, url: str | None = None, *, inhoud_: Inhoud | None = None, voorbeeld: bool = True,
                 gebruiker: Gebruiker | None = None):
        self.gebruiker = gebruiker or standaard_gebruiker()
        self.url = url or standaard_url()
        self._slotpad = _slotbestand(self.url)
        self._slot_lokaal = threading.local()
        self._inhoud = inhoud_ or inhoud()
        self._bekende_types = {t.id for t in self._inhoud.partijtypen}
        self._bekende_knooppunten = {k.id for k in self._inhoud.knooppunten}
        try:
            self.engine = _maak_engine(self.url)
            self._migreer()
            if voorbeeld:
                self._plaats_voorbeeld()
        except (SQLAlchemyError, OSError) as fout:
            raise _opslagfout(fout, self.url) from fout

    def als(self, gebruiker: Gebruiker) -> DossierStore:
        """The same store (engine, content) acting for ``gebruiker``: cheap, one per page visitor."""
        view = copy.copy(self)
        view.gebruiker = gebruiker
        return view

    # -- transactions ---------------------------------------------------------------------
    @contextmanager
    def _lees(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn, conn.begin():
                yield conn
        except (OperationalError, DBAPIError) as fout:
            raise _opslagfout(fout, self.url) from fout

    @contextmanager
    def _schrijf(self, *, samenvatting: str | None = None) -> Iterator[Schrijfverbinding]:
        """One transaction for one user change: all of it is saved, or none of it, with its history lines
        (one line ``samenvatting`` instead of one per row, for a bulk change such as an import)."""
        try:
            with self._schrijfslot(), self.engine.connect().execution_options(schrijven=True) as ruw, ruw.begin():
                conn = Schrijfverbinding(ruw, self, samenvatting)
                yield conn
                conn.schrijf_geschiedenis()
        except IntegrityError:
            raise
        except (OperationalError, DBAPIError) as fout:
            raise _opslagfout(fout, self.url) from fout

    @contextmanager
    def _schrijfslot(self) -> Iterator[None]:
        """A fair queue for SQLite writers in different processes (one Voilà kernel per page).

        SQLite's busy handler polls: a waiting writer sleeps up to 100 ms between tries and newcomers
        take the lock first, so with 30 workshop participants writing at once some waited seconds
        (benchmarks/workshop.py). A blocking ``flock`` on a file next to the database wakes the next
        waiter as soon as the lock is free. Re-entrant per thread; PostgreSQL queues by itself."""
        if self._slotpad is None or getattr(self._slot_lokaal, "diepte", 0):
            yield
            return
        try:
            fd = os.open(self._slotpad, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:  # e.g. a read-only folder: SQLite's own busy handling still applies
            yield
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            self._slot_lokaal.diepte = 1
            yield
        finally:
            self._slot_lokaal.diepte = 0
            os.close(fd)  # closing releases the lock, also when the process dies

    # -- schema ---------------------------------------------------------------------------
    def schema_versie(self) -> str | None:
        with self.engine.connect() as conn:
            try:
                return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            except (OperationalError, DBAPIError) as fout:
                if "no such table" in str(fout).lower() or "does not exist" in str(fout).lower():
                    return None
                raise

    def _migreer(self) -> None:
        """Bring the schema to ``SCHEMA_VERSIE``; cheap when it already is (no alembic import)."""
        if self.schema_versie() == schema.SCHEMA_VERSIE:
            return
        migreer_naar(self.engine, "head")

    def _plaats_voorbeeld(self) -> None:
        """Create the example dossier once per store, even with several kernels starting at once."""
        with self._lees() as conn:
            if conn.execute(select(schema.meta.c.waarde).where(schema.meta.c.sleutel == "voorbeeld")).first():
                return
        gegevens = yaml.safe_load((data_dir() / "voorbeelddossier.yaml").read_text(encoding="utf-8"))
        plaatser = self.als(VOORBEELDTEAM)
        try:
            with plaatser._schrijf(samenvatting="Voorbeelddossier geplaatst met fase 1 en 2 ingevuld") as conn:
                conn.execute(insert(schema.meta).values(sleutel="voorbeeld", waarde="geplaatst"))
                dossier_id = plaatser._nieuw_dossier(
                    conn,
                    gegevens["naam"],
                    gegevens.get("wijk", ""),
                    gegevens.get("gemeente", ""),
                    gegevens.get("toelichting", ""),
                    is_voorbeeld=True,
                )
                for item in gegevens.get("partijen", []):
                    invoer = PartijInvoer(
                        item["naam"],
                        item.get("type", "overig"),
                        item.get("organisatie", ""),
                        item.get("contactrol", ""),
                        tuple(item.get("sporen", ())),
                    )
                    partij_id = self._nieuwe_partij(conn, dossier_id, invoer)
                    salience = set(item.get("salience") or ())
                    conn.execute(
                        update(schema.partij)
                        .where(schema.partij.c.id == partij_id)
                        .values(
                            invloed=item.get("invloed"), belang=item.get("belang"), ambitie=item.get("ambitie", ""),
                            macht="macht" in salience, legitimiteit="legitimiteit" in salience,
                            urgentie="urgentie" in salience,
                        )
                    )
                    prioriteiten = set(item.get("prioriteiten") or ())
                    for belang_id, houding in (item.get("belangen") or {}).items():
                        conn.execute(insert(schema.partij_belang).values(
                            partij_id=partij_id, belang_id=belang_id, houding=houding,
                            prioriteit=belang_id in prioriteiten, gewijzigd=nu(),
                        ))
                self._plaats_voorbeeld_taken_en_scan(conn, dossier_id, gegevens)
                voorbeeldformulieren = dict(gegevens.get("formulieren") or {})
                if gegevens.get("doel"):  # the example file keeps the goal at the top
                    voorbeeldformulieren[formulieren.DOEL] = gegevens["doel"]
                for sleutel, formulier in voorbeeldformulieren.items():
                    conn.execute(insert(schema.dossier_formulier).values(
                        dossier_id=dossier_id, sleutel=sleutel, versie=1, gewijzigd=nu(),
                        gegevens=json.dumps(formulier, ensure_ascii=False, sort_keys=True),
                    ))
                self._plaats_voorbeeld_planning(conn, dossier_id, gegevens.get("planning") or [])
                for knooppunt_id, status in (gegevens.get("statussen") or {}).items():
                    self._zet_status(conn, dossier_id, knooppunt_id, status)
        except IntegrityError:
            return  # another kernel placed it first
        plaats_veilig(plaatser, dossier_id, gegevens.get("fase34") or {})

    def _plaats_voorbeeld_taken_en_scan(self, conn, dossier_id: str, gegevens: dict) -> None:
        """Tasks with roles and capacities, and one finished scan round, for the example dossier."""
        partij_ids = dict(conn.execute(
            select(schema.partij.c.naam, schema.partij.c.id).where(schema.partij.c.dossier_id == dossier_id)
        ).all())
        for item in gegevens.get("partijen", []):
            if item.get("capaciteit_uren") is not None:
                conn.execute(update(schema.partij).where(schema.partij.c.id == partij_ids[item["naam"]])
                             .values(capaciteit_uren=item["capaciteit_uren"]))
        sjablonen = {t.id: t for t in self._inhoud.fase1.taken}
        for item in gegevens.get("taken", []):
            sjabloon = sjablonen[item["taak"]]
            taak_id = conn.execute(insert(schema.taak).values(
                dossier_id=dossier_id, naam=sjabloon.naam, naam_sleutel=validatie.naam_sleutel(sjabloon.naam),
                spoor=sjabloon.spoor, omschrijving=sjabloon.omschrijving, gewijzigd=nu(),
            )).inserted_primary_key[0]
            for partij_naam, (rol, uren) in item.get("rollen", {}).items():
                conn.execute(insert(schema.taak_rol).values(
                    taak_id=taak_id, partij_id=partij_ids[partij_naam], rol=rol, uren_per_maand=uren, gewijzigd=nu(),
                ))
        scan = gegevens.get("scan")
        if not scan:
            return
        stellingen = [s.id for s in self._inhoud.fase1.scan.stellingen]
        ronde_id = conn.execute(insert(schema.scan_ronde).values(
            dossier_id=dossier_id, naam=scan["ronde"], naam_sleutel=validatie.naam_sleutel(scan["ronde"]),
            aangemaakt=nu(),
        )).inserted_primary_key[0]
        for respondent in scan["respondenten"]:
            respons_id = conn.execute(insert(schema.scan_respons).values(
                ronde_id=ronde_id, naam=respondent["naam"], naam_sleutel=validatie.naam_sleutel(respondent["naam"]),
                organisatie=respondent["organisatie"], status="ingediend", aangemaakt=nu(), gewijzigd=nu(),
            )).inserted_primary_key[0]
            for stelling_id, antwoord in zip(stellingen, respondent["antwoorden"].split(), strict=True):
                conn.execute(insert(schema.scan_antwoord).values(
                    respons_id=respons_id, stelling_id=stelling_id, gewijzigd=nu(),
                    waarde=None if antwoord == "?" else int(antwoord),
                ))

    # -- dossiers -------------------------------------------------------------------------
    def dossiers(self) -> list[Dossier]:
        """The dossiers the actor may see, most recently changed first (the one you worked on last comes first)."""
        opdracht = select(schema.dossier).order_by(schema.dossier.c.gewijzigd.desc())
        zichtbaar = self._zichtbare_dossiers()
        if zichtbaar is not None:
            opdracht = opdracht.where(zichtbaar)
        with self._lees() as conn:
            rijen = conn.execute(opdracht).all()
        return [_dossier(r) for r in rijen]

    def dossier(self, dossier_id: str) -> Dossier:
        if not validatie.is_dossier_id(str(dossier_id)):
            raise OnbekendDossier(
                "Dit dossiernummer bestaat niet. Kies een dossier uit de lijst of maak een nieuw dossier."
            )
        with self._lees() as conn:
            rij = conn.execute(select(schema.dossier).where(schema.dossier.c.id == dossier_id)).first()
        if rij is None:
            raise OnbekendDossier(
                f"Dossier {dossier_id} bestaat niet (meer). Kies een dossier uit de lijst of maak een nieuw dossier."
            )
        return _dossier(rij)

    def maak_dossier(self, naam: str, wijk: str = "", gemeente: str = "", toelichting: str = "") -> Dossier:
        naam = validatie.schone_tekst(naam, "De naam van het dossier", maximum=validatie.MAX_NAAM, verplicht=True)
        wijk = validatie.schone_tekst(wijk, "De wijk", maximum=validatie.MAX_KORT)
        gemeente = validatie.schone_tekst(gemeente, "De gemeente", maximum=validatie.MAX_KORT)
        toelichting = validatie.schone_tekst(toelichting, "De toelichting", maximum=validatie.MAX_TOELICHTING)
        with self._schrijf() as conn:
            dossier_id = self._nieuw_dossier(conn, naam, wijk, gemeente, toelichting)
        return self.dossier(dossier_id)

    def wijzig_dossier(self, dossier_id: str, naam: str, wijk: str = "", gemeente: str = "") -> Dossier:
        """Rename a dossier or correct its wijk and gemeente."""
        naam = validatie.schone_tekst(naam, "De naam van het dossier", maximum=validatie.MAX_NAAM, verplicht=True)
        wijk = validatie.schone_tekst(wijk, "De wijk", maximum=validatie.MAX_KORT)
        gemeente = validatie.schone_tekst(gemeente, "De gemeente", maximum=validatie.MAX_KORT)
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            conn.execute(
                update(schema.dossier)
                .where(schema.dossier.c.id == dossier_id)
                .values(naam=naam, wijk=wijk, gemeente=gemeente)
            )
        return self.dossier(dossier_id)

    def verwijder_dossier(self, dossier_id: str) -> None:
        """Delete a dossier with everything in it, in one transaction. Every table that belongs to a
        dossier references it (directly or through a party, task or scan round) with ON DELETE
        CASCADE; SQLite enforces that because every connection sets ``PRAGMA foreign_keys = ON``."""
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id, nodig="eigenaar")
            conn.execute(delete(schema.dossier).where(schema.dossier.c.id == dossier_id))

    def _nieuw_dossier(self, conn, naam, wijk, gemeente, toelichting, *, is_voorbeeld=False) -> str:
        if self.gebruiker.soort == "gast":  # every way to a new dossier (new, import, invitation) passes here
            raise AlleenLezen(GAST_GEEN_DOSSIER)
        dossier_id = secrets.token_hex(6)
        moment = nu()
        conn.execute(
            insert(schema.dossier).values(
                id=dossier_id,
                naam=naam,
                wijk=wijk,
                gemeente=gemeente,
                toelichting=toelichting,
                is_voorbeeld=is_voorbeeld,
                aangemaakt=moment,
                gewijzigd=moment,
            )
        )
        if not is_voorbeeld:
            self._maak_eigenaar(conn, dossier_id)
        return dossier_id

    def _raak_aan(self, conn: Connection, dossier_id: str, *, nodig: str = "bewerker") -> None:
        """Mark the dossier as changed; fails (OnbekendDossier) if it was deleted meanwhile, and refuses
        (``GeenToegang``, ``AlleenLezen``) unless the actor has role ``nodig`` — inside the write itself, so a
        member removed a moment ago cannot save any more."""
        if not self.gebruiker.ziet_alles:
            self._vereis(conn, dossier_id, nodig)
        resultaat = conn.execute(
            update(schema.dossier).where(schema.dossier.c.id == dossier_id).values(gewijzigd=nu())
        )
        if resultaat.rowcount == 0:
            if not self.gebruiker.ziet_alles:
                raise GeenToegang()
            raise OnbekendDossier(f"Dossier {dossier_id} bestaat niet (meer); er is niets opgeslagen.")
        if isinstance(conn, Schrijfverbinding):
            conn.dossier_id = dossier_id

    # -- knooppunt status -----------------------------------------------------------------
    def statussen(self, dossier_id: str) -> dict[str, str]:
        """Status per knooppunt id; knooppunten without a saved status are 'niet-gestart'."""
        with self._lees() as conn:
            rijen = conn.execute(
                select(schema.knooppunt_status.c.knooppunt_id, schema.knooppunt_status.c.status).where(
                    schema.knooppunt_status.c.dossier_id == dossier_id
                )
            ).all()
        opgeslagen = dict(rijen)
        return {k.id: opgeslagen.get(k.id, STANDAARD_STATUS) for k in self._inhoud.knooppunten}

    def zet_status(self, dossier_id: str, knooppunt_id: str, status: str) -> None:
        validatie.controleer_status(status)
        if knooppunt_id not in self._bekende_knooppunten:
            raise InvoerFout("Onbekend knooppunt; de status is niet opgeslagen.")
        with self._schrijf() as conn:
            self._raak_aan(conn, dossier_id)
            self._zet_status(conn, dossier_id, knooppunt_id, status)

    def _zet_status(self, conn, dossier_id, knooppunt_id, status) -> None:
        tabel = schema.knooppunt_status
        bijgewerkt = conn.execute(
            update(tabel)
            .where(tabel.c.dossier_id == dossier_id, tabel.c.knooppunt_id == knooppunt_id)
            .values(status=status, gewijzigd=nu())
        )
        if bijgewerkt.rowcount == 0:
            conn.execute(
                insert(tabel).values(dossier_id=dossier_id, knooppunt_id=knooppunt_id, status=status, gewijzigd=nu())
            )


def _dossier(rij) -> Dossier:
    return Dossier(
        id=rij.id,
        naam=rij.naam,
        wijk=rij.wijk,
        gemeente=rij.gemeente,
        toelichting=rij.toelichting,
        is_voorbeeld=bool(rij.is_voorbeeld),
        aangemaakt=rij.aangemaakt,
        gewijzigd=rij.gewijzigd,
    )


def migreer_naar(engine: Engine, revisie: str) -> None:
    """Run the alembic migrations up to ``revisie`` in one write transaction."""
    # alembic is heavy and only needed when the schema must change (``_migreer`` checks the version first)
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIES))
    with engine.connect().execution_options(schrijven=True) as conn, conn.begin():
        if engine.dialect.name == "postgresql":
            # several servers (JupyterHub users) starting at once on a fresh database: one migrates, the others
            # wait here and then find the schema up to date (SQLite's BEGIN IMMEDIATE already serialises)
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(81605370)")
        config.attributes["connection"] = conn
        command.upgrade(config, revisie)


_stores: dict[str, DossierStore] = {}
_stores_lock = threading.Lock()


def open_store(url: str | None = None) -> DossierStore:
    """The store for ``url`` (default: ``standaard_url()``), shared within one kernel. It acts for
    ``standaard_gebruiker()``; a page binds its visitor with ``als``."""
    url = url or standaard_url()
    with _stores_lock:
        if url not in _stores:
            _stores[url] = DossierStore(url)
        return _stores[url]
