"""Table definitions of the current schema (SQLAlchemy Core).

The tables are *created* by the alembic migrations in ``migraties/``; these definitions only
describe them for queries. ``SCHEMA_VERSIE`` is the newest migration; a test checks that it
matches the head of the migration scripts.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.types import TypeDecorator

SCHEMA_VERSIE = "0007"


class UTCDateTime(TypeDecorator):
    """Timestamps always come back timezone-aware in UTC, also from SQLite (which drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value

    def process_result_value(self, value: datetime | None, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value


metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("sleutel", String(40), primary_key=True),
    Column("waarde", Text, nullable=False),
)

dossier = Table(
    "dossier",
    metadata,
    Column("id", String(12), primary_key=True),
    Column("naam", String(200), nullable=False),
    Column("wijk", String(200), nullable=False, default=""),
    Column("gemeente", String(200), nullable=False, default=""),
    Column("toelichting", Text, nullable=False, default=""),
    Column("is_voorbeeld", Boolean, nullable=False, default=False),
    Column("aangemaakt", UTCDateTime, nullable=False),
    Column("gewijzigd", UTCDateTime, nullable=False),
)

knooppunt_status = Table(
    "knooppunt_status",
    metadata,
    Column("dossier_id", String(12), ForeignKey("dossier.id", ondelete="CASCADE"), primary_key=True),
    Column("knooppunt_id", String(80), primary_key=True),
    Column("status", String(20), nullable=False),
    Column("gewijzigd", UTCDateTime, nullable=False),
)

partij = Table(
    "partij",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("dossier_id", String(12), ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
    Column("naam", String(200), nullable=False),
    Column("naam_sleutel", String(200), nullable=False),
    Column("type", String(60), nullable=False),
    Column("organisatie", String(200), nullable=False, default=""),
    Column("contactrol", String(200), nullable=False, default=""),
    Column("sporen", String(20), nullable=False, default=""),
    Column("versie", Integer, nullable=False, default=1),
    Column("aangemaakt", UTCDateTime, nullable=False),
    Column("gewijzigd", UTCDateTime, nullable=False),
    # since schema 0002: position on the macht/belang grid (1-10), empty until placed
    Column("invloed", Integer, nullable=True),
    Column("belang", Integer, nullable=True),
    # since schema 0003: ambitions, capacity (hours per month) and salience attributes
    Column("ambitie", Text, nullable=False, default=""),
    Column("capaciteit_uren", Float, nullable=True),
    Column("macht", Boolean, nullable=True),
    Column("legitimiteit", Boolean, nullable=True),
    Column("urgentie", Boolean, nullable=True),
    UniqueConstraint("dossier_id", "naam_sleutel", name="uq_partij_naam_per_dossier"),
)

# One JSON document per dossier and form (doel, regierol, afspraken), with a version for
# optimistic concurrency: two people editing the same form never silently overwrite each other.
dossier_formulier = Table(
    "dossier_formulier",
    metadata,
    Column("dossier_id", String(12), ForeignKey("dossier.id", ondelete="CASCADE"), primary_key=True),
    Column("sleutel", String(40), primary_key=True),
    Column("gegevens", Text, nullable=False),
    Column("versie", Integer, nullable=False, default=1),
    Column("gewijzigd", UTCDateTime, nullable=False),
)

eigen_belang = Table(
    "eigen_belang",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("dossier_id", String(12), ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
    Column("naam", String(200), nullable=False),
    Column("naam_sleutel", String(200), nullable=False),
    UniqueConstraint("dossier_id", "naam_sleutel", name="uq_eigen_belang_per_dossier"),
)

partij_belang = Table(
    "partij_belang",
    metadata,
    Column("partij_id", Integer, ForeignKey("partij.id", ondelete="CASCADE"), primary_key=True),
    Column("belang_id", String(80), primary_key=True),  # catalogue id, or 'eigen-<id>'
    Column("houding", String(20), nullable=False),
    Column("prioriteit", Boolean, nullable=False, default=False),
    Column("gewijzigd", UTCDateTime, nullable=False),
)

taak = Table(
    "taak",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("dossier_id", String(12), ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
    Column("naam", String(200), nullable=False),
    Column("naam_sleutel", String(200), nullable=False),
    Column("spoor", String(1), nullable=False),
    Column("omschrijving", Text, nullable=False, default=""),
    Column("gewijzigd", UTCDateTime, nullable=False),
    UniqueConstraint("dossier_id", "naam_sleutel", name="uq_taak_per_dossier"),
)

taak_rol = Table(
    "taak_rol",
    metadata,
    Column("taak_id", Integer, ForeignKey("taak.id", ondelete="CASCADE"), primary_key=True),
    Column("partij_id", Integer, ForeignKey("partij.id", ondelete="CASCADE"), primary_key=True),
    Column("rol", String(20), nullable=False),
    Column("uren_per_maand", Float, nullable=False, default=0),
    Column("gewijzigd", UTCDateTime, nullable=False),
)

scan_ronde = Table(
    "scan_ronde",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("dossier_id", String(12), ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
    Column("naam", String(200), nullable=False),
    Column("naam_sleutel", String(200), nullable=False),
    Column("aangemaakt", UTCDateTime, nullable=False),
    Column("gesloten", UTCDateTime, nullable=True),
    UniqueConstraint("dossier_id", "naam_sleutel", name="uq_scan_ronde_per_dossier"),
)

scan_respons = Table(
    "scan_respons",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("ronde_id", Integer, ForeignKey("scan_ronde.id", ondelete="CASCADE"), nullable=False),
    Column("naam", String(200), nullable=False),
    Column("naam_sleutel", String(200), nullable=False),
    Column("organisatie", String(200), nullable=False, default=""),
    Column("status", String(20), nullable=False),  # 'concept' or 'ingediend'
    Column("aangemaakt", UTCDateTime, nullable=False),
    Column("gewijzigd", UTCDateTime, nullable=False),
    UniqueConstraint("ronde_id", "naam_sleutel", name="uq_scan_respondent_per_ronde"),
)

scan_antwoord = Table(
    "scan_antwoord",
    metadata,
    Column("respons_id", Integer, ForeignKey("scan_respons.id", ondelete="CASCADE"), primary_key=True),
    Column("stelling_id", String(20), primary_key=True),
    Column("waarde", Integer, nullable=True),  # NULL = 'weet niet': answered, but not a score
    Column("gewijzigd", UTCDateTime, nullable=False),
)

# since schema 0004: the register of existing plannings (planned works and investments per area),
# the source of the natural moments. Owner is free text: parties outside the team plan works too.
planning_werk = Table(
    "planning_werk",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("dossier_id", String(12), ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
    Column("omschrijving", String(200), nullable=False),
    Column("eigenaar", String(200), nullable=False),
    Column("soort", String(40), nullable=False),
    Column("gebied", String(200), nullable=False),
    Column("niveau", String(20), nullable=False),
    Column("start_jaar", Integer, nullable=False),
    Column("eind_jaar", Integer, nullable=False),
    Column("zekerheid", String(20), nullable=False),
    Column("toelichting", Text, nullable=False, default=""),
    Column("versie", Integer, nullable=False, default=1),
    Column("aangemaakt", UTCDateTime, nullable=False),
    Column("gewijzigd", UTCDateTime, nullable=False),
    Index("ix_planning_werk_dossier", "dossier_id"),
)

# since schema 0005: phases 3-4. The besluitenlog is append-only: the store has no method to change or
# remove an entry, and a database trigger (made per dialect in migration 0005) refuses UPDATE, and DELETE
# while the dossier still exists, so only deleting the whole dossier removes its entries. A correction
# is a new entry pointing at the one it corrects; the original stays.
besluit = Table(
    "besluit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("dossier_id", String(12), ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
    Column("volgnummer", Integer, nullable=False),  # 1, 2, 3 ... per dossier, no gaps
    Column("moment", UTCDateTime, nullable=False),
    Column("wat", Text, nullable=False),
    Column("aanwezig", Text, nullable=False, default=""),
    Column("onderbouwing", Text, nullable=False),
    Column("knooppunt_id", String(80), nullable=True),
    Column("soort", String(20), nullable=False),  # 'besluit', 'automatisch' or 'correctie'
    Column("corrigeert_id", Integer, ForeignKey("besluit.id", ondelete="CASCADE"), nullable=True),
    Column("afwijkend", Text, nullable=False, default=""),
    Column("auteur", String(200), nullable=False, default=""),  # since 0007
    UniqueConstraint("dossier_id", "volgnummer", name="uq_besluit_volgnummer_per_dossier"),
    CheckConstraint("soort IN ('besluit', 'automatisch', 'correctie')", name="ck_besluit_soort"),
)

criterium = Table(
    "criterium",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("dossier_id", String(12), ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
    Column("naam", String(200), nullable=False),
    Column("naam_sleutel", String(200), nullable=False),
    Column("omschrijving", Text, nullable=False, default=""),
    Column("catalogus_id", String(80), nullable=True),  # id in data/criteria.yaml, for its 1-5 scale texts
    Column("volgorde", Integer, nullable=False),
    Column("versie", Integer, nullable=False, default=1),
    Column("gewijzigd", UTCDateTime, nullable=False),
    UniqueConstraint("dossier_id", "naam_sleutel", name="uq_criterium_per_dossier"),
)

# Points a party gives a criterion; the sum need not be 100 (the analysis normalises).
weging = Table(
    "weging",
    metadata,
    Column("dossier_id", String(12), ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
    Column("partij_id", Integer, ForeignKey("partij.id", ondelete="CASCADE"), primary_key=True),
    Column("criterium_id", Integer, ForeignKey("criterium.id", ondelete="CASCADE"), primary_key=True),
    Column("punten", Float, nullable=False),
    Column("gewijzigd", UTCDateTime, nullable=False),
    Index("ix_weging_dossier", "dossier_id"),
)

# The weights as fixed before scoring (JSON snapshot). At most one active (not withdrawn) per dossier,
# kept by a partial unique index; withdrawn ones stay as history.
weging_vastzetting = Table(
    "weging_vastzetting",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("dossier_id", String(12), ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
    Column("vastgezet", UTCDateTime, nullable=False),
    Column("gewichten", Text, nullable=False),
    Column("besluit_id", Integer, ForeignKey("besluit.id", ondelete="CASCADE"), nullable=False),
    Column("ingetrokken", UTCDateTime, nullable=True),
    Column("intrekking_besluit_id", Integer, ForeignKey("besluit.id", ondelete="CASCADE"), nullable=True),
    Index("uq_weging_vastzetting_actief", "dossier_id", unique=True,
          sqlite_where=text("ingetrokken IS NULL"), postgresql_where=text("ingetrokken IS NULL")),
)

strategie = Table(
    "strategie",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("dossier_id", String(12), ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
    Column("naam", String(200), nullable=False),
    Column("naam_sleutel", String(200), nullable=False),
    Column("warmtestrategie", String(2), nullable=False),  # 'S1' ... 'S5' (PBL)
    Column("koppelkansen", Text, nullable=False, default="[]"),  # JSON list of koppelkans ids
    Column("fasering", Text, nullable=False, default=""),
    Column("omschrijving", Text, nullable=False, default=""),
    Column("versie", Integer, nullable=False, default=1),
    Column("aangemaakt", UTCDateTime, nullable=False),
    Column("gewijzigd", UTCDateTime, nullable=False),
    UniqueConstraint("dossier_id", "naam_sleutel", name="uq_strategie_per_dossier"),
)

strategie_score = Table(
    "strategie_score",
    metadata,
    Column("strategie_id", Integer, ForeignKey("strategie.id", ondelete="CASCADE"), primary_key=True),
    Column("criterium_id", Integer, ForeignKey("criterium.id", ondelete="CASCADE"), primary_key=True),
    Column("score", Integer, nullable=False),
    Column("toelichting", Text, nullable=False, default=""),
    Column("gewijzigd", UTCDateTime, nullable=False),
    CheckConstraint("score BETWEEN 1 AND 5", name="ck_strategie_score_schaal"),
)

# The chosen strategy (one per dossier); every choice is also an entry in the besluitenlog.
strategie_keuze = Table(
    "strategie_keuze",
    metadata,
    Column("dossier_id", String(12), ForeignKey("dossier.id", ondelete="CASCADE"), primary_key=True),
    Column("strategie_id", Integer, ForeignKey("strategie.id", ondelete="CASCADE"), nullable=False),
    Column("onderbouwing", Text, nullable=False),
    Column("aanwezig", Text, nullable=False, default=""),
    Column("afwijkend", Text, nullable=False, default=""),
    Column("besluit_id", Integer, ForeignKey("besluit.id", ondelete="CASCADE"), nullable=False),
    Column("gekozen", UTCDateTime, nullable=False),
)

koppelkans = Table(
    "koppelkans",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("dossier_id", String(12), ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
    Column("titel", String(200), nullable=False),
    Column("titel_sleutel", String(200), nullable=False),
    Column("herkomst", String(20), nullable=False),  # 'natuurlijk-moment', 'sociaal' or 'nieuw'
    Column("herkomst_ref", Text, nullable=False, default=""),
    Column("omschrijving", Text, nullable=False, default=""),
    Column("scores", Text, nullable=False, default="{}"),  # JSON: criterion key -> 1-5
    Column("besluit", String(10), nullable=True),  # 'gekozen', 'niet' or NULL (open)
    Column("reden", Text, nullable=False, default=""),
    Column("versie", Integer, nullable=False, default=1),
    Column("aangemaakt", UTCDateTime, nullable=False),
    Column("gewijzigd", UTCDateTime, nullable=False),
    UniqueConstraint("dossier_id", "titel_sleutel", name="uq_koppelkans_per_dossier"),
    CheckConstraint("herkomst IN ('natuurlijk-moment', 'sociaal', 'nieuw')", name="ck_koppelkans_herkomst"),
    CheckConstraint("besluit IS NULL OR besluit IN ('gekozen', 'niet')", name="ck_koppelkans_besluit"),
)

# since schema 0006: live workshops. A session belongs to a dossier; its rounds carry a JSON snapshot of
# their questions; participants are known by name within a session (and by a recovery code); one row per
# answer (upserted, so answering twice keeps one row) and one per submission. The facilitator's PIN is
# only stored as a salted hash; ``mislukt``/``mislukt_sinds``/``geblokkeerd_tot`` stop guessing it.
workshop_sessie = Table(
    "workshop_sessie",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("dossier_id", String(12), ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
    Column("naam", String(200), nullable=False),
    Column("code", String(16), nullable=False, unique=True),
    Column("pin_hash", String(200), nullable=False),
    Column("mislukt", Integer, nullable=False, default=0),
    Column("mislukt_sinds", UTCDateTime, nullable=True),
    Column("geblokkeerd_tot", UTCDateTime, nullable=True),
    Column("aangemaakt", UTCDateTime, nullable=False),
    Column("gesloten", UTCDateTime, nullable=True),
    Index("ix_workshop_sessie_dossier", "dossier_id"),
)

workshop_ronde = Table(
    "workshop_ronde",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("sessie_id", String(32), ForeignKey("workshop_sessie.id", ondelete="CASCADE"), nullable=False),
    Column("oefening", String(20), nullable=False),
    Column("volgorde", Integer, nullable=False),
    Column("status", String(20), nullable=False),
    Column("vragen", Text, nullable=False),  # JSON list of the questions (Vraag fields), fixed at creation
    Column("geopend", UTCDateTime, nullable=True),
    Column("gesloten", UTCDateTime, nullable=True),
    Column("overgenomen", UTCDateTime, nullable=True),
    Column("besluit_id", Integer, nullable=True),  # entry in the besluitenlog of the adoption (no FK: see 0006)
    Index("ix_workshop_ronde_sessie", "sessie_id"),
    CheckConstraint("status IN ('klaar', 'open', 'gesloten', 'overgenomen')", name="ck_workshop_ronde_status"),
)

workshop_deelnemer = Table(
    "workshop_deelnemer",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("sessie_id", String(32), ForeignKey("workshop_sessie.id", ondelete="CASCADE"), nullable=False),
    Column("naam", String(200), nullable=False),
    Column("naam_sleutel", String(200), nullable=False),
    Column("organisatie", String(200), nullable=False),
    Column("spoor", String(1), nullable=False, default=""),
    Column("herstelcode", String(16), nullable=False),
    Column("aangemaakt", UTCDateTime, nullable=False),
    Column("gewijzigd", UTCDateTime, nullable=False),
    UniqueConstraint("sessie_id", "naam_sleutel", name="uq_workshop_deelnemer_naam"),
    UniqueConstraint("sessie_id", "herstelcode", name="uq_workshop_deelnemer_herstelcode"),
)

workshop_antwoord = Table(
    "workshop_antwoord",
    metadata,
    Column("ronde_id", String(32), ForeignKey("workshop_ronde.id", ondelete="CASCADE"), primary_key=True),
    Column("deelnemer_id", String(32), ForeignKey("workshop_deelnemer.id", ondelete="CASCADE"), primary_key=True),
    Column("sleutel", String(100), primary_key=True),
    Column("waarde", Integer, nullable=True),  # NULL = 'weet niet'
    Column("gewijzigd", UTCDateTime, nullable=False),
    Index("ix_workshop_antwoord_ronde_gewijzigd", "ronde_id", "gewijzigd"),
    Index("ix_workshop_antwoord_deelnemer", "deelnemer_id"),
)

workshop_indiening = Table(
    "workshop_indiening",
    metadata,
    Column("ronde_id", String(32), ForeignKey("workshop_ronde.id", ondelete="CASCADE"), primary_key=True),
    Column("deelnemer_id", String(32), ForeignKey("workshop_deelnemer.id", ondelete="CASCADE"), primary_key=True),
    Column("ingediend", UTCDateTime, nullable=False),
    Index("ix_workshop_indiening_deelnemer", "deelnemer_id"),
)


# since schema 0007: accounts, members with a role, and one change history per dossier.
gebruiker = Table(
    "gebruiker",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("naam", String(200), nullable=False),  # the login key, lower-case
    Column("weergavenaam", String(200), nullable=False),
    Column("wachtwoord_hash", Text, nullable=True),  # argon2; None for proxy and JupyterHub users
    Column("bron", String(20), nullable=False),  # 'aanmelden', 'proxy' or 'hub'
    Column("beheerder", Boolean, nullable=False, default=False),
    Column("aangemaakt", UTCDateTime, nullable=False),
    Column("laatst_aangemeld", UTCDateTime, nullable=True),
    UniqueConstraint("naam", name="uq_gebruiker_naam"),
)

aanmeldsessie = Table(
    "aanmeldsessie",
    metadata,
    Column("token_hash", String(64), primary_key=True),  # sha256 of the cookie; the cookie itself is never stored
    Column("gebruiker_id", Integer, ForeignKey("gebruiker.id", ondelete="CASCADE"), nullable=False),
    Column("aangemaakt", UTCDateTime, nullable=False),
    Column("verloopt", UTCDateTime, nullable=False),
)

dossier_lid = Table(
    "dossier_lid",
    metadata,
    Column("dossier_id", String(12), ForeignKey("dossier.id", ondelete="CASCADE"), primary_key=True),
    Column("gebruiker_id", Integer, ForeignKey("gebruiker.id", ondelete="CASCADE"), primary_key=True),
    Column("rol", String(20), nullable=False),
    Column("sinds", UTCDateTime, nullable=False),
    CheckConstraint("rol IN ('eigenaar', 'bewerker', 'lezer')", name="ck_dossier_lid_rol"),
    Index("ix_dossier_lid_gebruiker", "gebruiker_id"),
)

wijziging = Table(
    "wijziging",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("dossier_id", String(12), ForeignKey("dossier.id", ondelete="CASCADE"), nullable=False),
    Column("moment", UTCDateTime, nullable=False),
    Column("gebruiker_id", Integer, ForeignKey("gebruiker.id", ondelete="SET NULL"), nullable=True),
    Column("auteur", String(200), nullable=False),  # the name at the time; stays when the account goes
    Column("knooppunt_id", String(80), nullable=True),
    Column("onderdeel", String(200), nullable=False),
    Column("regel", Text, nullable=False),
    Index("ix_wijziging_dossier", "dossier_id", "id"),
)
