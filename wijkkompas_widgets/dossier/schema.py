"""Table definitions of the current schema (SQLAlchemy Core).

The tables are *created* by the alembic migrations in ``migraties/``; these definitions only
describe them for queries. ``SCHEMA_VERSIE`` is the newest migration; a test checks that it
matches the head of the migration scripts.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import (
    Boolean,
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
)
from sqlalchemy.types import TypeDecorator

SCHEMA_VERSIE = "0004"


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
